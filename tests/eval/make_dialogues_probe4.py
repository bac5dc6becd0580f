"""Writes tests/eval/dialogues_probe4.jsonl: a fifth conversation set, conversations that switch
topic midway and come back, terse chat style and typos, written after the fourth set's fixes by
the same engineer. Not blind; run once first. Run: ``python -m tests.eval.make_dialogues_probe4``.
"""

from __future__ import annotations

from tests.eval.make_dialogues import (numbered, write_jsonl, CH_2022_Q3, CH_Q1_Q2, H1, MONTHLY_Q3, RU_BUSINESS, RU_H1, RU_Q3, SHARE, Y2022,
                                       A, F, pct)

assert pct(213 - 134, 134) == "59.0"

EN = [
    ("switch", [A("how many nk in q3 2023", 365), A("who is lankov", "Kookmin"), A("and in q2?", 213)]),
    ("switch", [A("North Koreans by train in Q3?", 134), A("where do these figures come from?", "FSB"), A("and by air?", 213)]),
    ("terse", [A("nk->ru q1 23", 153), A("q2?", 213), A("% chg?", CH_Q1_Q2)]),
    ("terse", [A("russians to dprk q3 23", RU_Q3), A("biz?", RU_BUSINESS), A("share?", "36.0")]),
    ("typo", [A("how many north koreans entred russia in q3", 365), A("and by trian?", 134)]),
    ("switch", [A("How many Russians went to North Korea in Q3 2023?", RU_Q3), A("How many North Koreans went to Russia in 2022?", Y2022), A("and in Q3 2023?", 365), A("change in %?", CH_2022_Q3)]),
    ("filter_lacking", [A("NK total Q2 2023", 213), F("how many for education?"), F("and for work?")]),
    ("nodata", [F("how many north koreans entered russia in q4 2023?"), A("ok and q3?", 365), A("per month?", MONTHLY_Q3)]),
    ("combine", [A("air arrivals of North Koreans in Q3?", 213), A("rail?", 134), A("by what percent does air exceed rail?", pct(213 - 134, 134))]),
    ("why,nodata", [A("How many North Koreans entered Russia in Q2 2023?", 213), F("why did it go up from Q1?")]),
    ("who_said", [A("What did Lankov predict about North Korean workers?", "two years"), A("is that in the official data?", "official")]),
    ("ordinal", [A("What were the top transport modes for North Koreans in Q3?", 213), A("and the bottom one?", 13)]),
]

KO = [
    ("switch", [A("3분기 북한 주민 러시아 입국자?", 365), A("란코프는 누구야?", "국민대"), A("2분기는?", 213)]),
    ("terse", [A("북→러 1분기", 153), A("2분기?", 213), A("증가율?", CH_Q1_Q2)]),
    ("filter_lacking", [A("2023년 상반기 러시아인 북한 입국자?", RU_H1), F("사업 목적은?")]),
    ("nodata", [F("2023년 4분기 북한 주민 입국자?"), A("3분기는?", 365)]),
    ("measure,share", [A("3분기 북한 주민 도보 입국자?", 13), A("수상은?", 13), A("둘 합치면?", 26)]),
    ("direction", [A("2022년 북한 주민 입국자는?", Y2022), F("러시아인은?")]),
]

RU = [
    ("switch", [A("Сколько северокорейцев въехало в Россию в III квартале?", 365), A("Кто такой Ланьков?", "Кукмин"), A("а во втором квартале?", 213)]),
    ("terse", [A("КНДР → РФ, I кв. 2023", 153), A("а II кв.?", 213), A("рост в %?", CH_Q1_Q2)]),
    ("filter_lacking", [A("Сколько россиян въехало в КНДР в первом полугодии 2023?", RU_H1), F("а по делам?")]),
    ("nodata", [F("Сколько северокорейцев въехало в Россию в IV квартале 2023?"), A("а в III?", 365)]),
    ("direction", [A("Сколько северокорейцев въехало в Россию в 2022 году?", Y2022), F("а россиян в КНДР?")]),
    ("measure,share", [A("Сколько северокорейцев въехало в Россию в первом полугодии 2023?", H1), F("а какая доля по делам?")]),
]


def main() -> None:
    write_jsonl("dialogues_probe4.jsonl", numbered("probe4", EN, KO, RU))


if __name__ == "__main__":
    main()
