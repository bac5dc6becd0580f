"""Writes tests/eval/dialogues_probe2.jsonl: a third conversation set, longer chains that mix
edits, written after the second set's fixes by the same engineer. Not blind; run once first.
Run: ``python -m tests.eval.make_dialogues_probe2``.
"""

from __future__ import annotations

from tests.eval.make_dialogues import (numbered, write_jsonl, CH_2022_Q3, CH_Q2_Q3, H1, JAN_SEP, MONTHLY_Q2, RU_BUSINESS, RU_H1, RU_Q3, SHARE,
                                       Y2022, A, F, pct)

OTHER_THAN_BUSINESS = 365 - 253
assert OTHER_THAN_BUSINESS == 112 and pct(112, 365) == "30.7"
RU_SHARE_OF_BOTH = pct(544, 544 + 365)
assert RU_SHARE_OF_BOTH == "59.8"

EN = [
    ("chain", [A("North Koreans into Russia by train, Q3 2023?", 134), A("as a share?", SHARE["rail"]), A("and by road?", SHARE["road"]), A("and the total that quarter?", 365)]),
    ("chain", [A("How many North Koreans entered Russia in Q2 2023?", 213), F("same for the Russians?"), A("and in Q3?", RU_Q3)]),
    ("chain", [A("What was the most common purpose for North Koreans in Q3 2023?", 253), A("what share is that?", SHARE["business"]), A("and the second most common?", 24)]),
    ("complement", [A("How many North Koreans came for business in Q3?", 253), A("and everyone else?", OTHER_THAN_BUSINESS)]),
    ("complement", [A("How many North Koreans came by air in Q3?", 213), A("and not by air?", 365 - 213)]),
    ("chain", [A("How many North Koreans entered Russia in Q1 2023?", 153), A("and Q2?", 213), A("add them up", H1), A("and compare that with 2022", 366 - 223)]),
    ("pronoun", [A("How many Russians came to North Korea in Q3 2023?", RU_Q3), A("what about them in the first half?", RU_H1)]),
    ("pronoun", [A("How many North Koreans entered Russia in Q3 2023?", 365), A("how many of them were students?", 24), A("and what share is that?", SHARE["education"])]),
    ("filter_lacking", [A("How many North Koreans entered Russia from January to September 2023?", JAN_SEP), F("by purpose?")]),
    ("filter_lacking", [A("How many Russians went to North Korea for business in Q3?", RU_BUSINESS), F("and in the first half?")]),
    ("why,nodata", [A("How many North Koreans came for vehicle maintenance?", 23), F("why that many?")]),
    ("who_said", [A("What did experts say about the number of workers?", "three or more"), A("who are they?", "expert")]),
    ("measure,change", [A("How many North Koreans entered Russia in Q3 2023?", 365), A("up how much on the previous quarter?", CH_Q2_Q3)]),
    ("measure,change", [A("How many North Koreans entered Russia in Q3 2023?", 365), A("and the change from 2022 in %?", CH_2022_Q3)]),
    ("measure,average", [A("How many North Koreans entered Russia in Q2 2023?", 213), A("so how many a month on average?", MONTHLY_Q2)]),
    ("nodata,direction_kept", [F("How many Russians went to North Korea in Q1 2023?"), F("and Q2?"), A("and Q3?", RU_Q3, nots=(365,))]),
    ("direction", [A("North Koreans entering Russia in H1 2023?", H1), A("and Russians going the other way in the same half?", RU_H1)]),
    ("ordinal", [A("Rank the transport modes North Koreans used in Q3", 213), A("which came last?", 13), A("and second to last?", 13)]),
]

KO = [
    ("chain", [A("3분기 북한 주민 기차 입국자?", 134), A("비율은?", SHARE["rail"]), A("전체는?", 365)]),
    ("complement", [A("사업 목적 북한 입국자?", 253), A("사업 외 목적은?", OTHER_THAN_BUSINESS)]),
    ("pronoun", [A("3분기 러시아인 북한 입국자?", RU_Q3), A("그중 사업 목적은?", RU_BUSINESS), A("비율은?", "36.0")]),
    ("filter_lacking", [A("2022년 북한 주민 입국자?", Y2022), F("교통수단별로는?")]),
    ("why,nodata", [A("3분기 개인 목적 북한 입국자?", 23), F("왜 그렇게 많아?")]),
    ("ordinal", [A("3분기 북한 주민이 가장 적게 이용한 교통수단은?", 13), A("그다음은?", 31)]),
    ("nodata,direction_kept", [F("러시아인 2022년 북한 입국자?"), A("2023년 3분기는?", RU_Q3, nots=(365,))]),
    ("measure,change", [A("2022년 북한 주민 입국자?", Y2022), A("2023년 3분기는?", 365), A("증가율은?", CH_2022_Q3)]),
]

RU = [
    ("chain", [A("Сколько северокорейцев въехало в Россию автотранспортом в III квартале?", 31), A("а какая это доля?", SHARE["road"]), A("а всего?", 365)]),
    ("complement", [A("Сколько северокорейцев въехало по делам?", 253), A("а с другими целями?", OTHER_THAN_BUSINESS)]),
    ("pronoun", [A("Сколько россиян въехало в КНДР в III квартале?", RU_Q3), A("а сколько из них по делам?", RU_BUSINESS)]),
    ("filter_lacking", [A("Сколько северокорейцев въехало во втором квартале?", 213), F("а с деловыми целями?")]),
    ("why,nodata", [A("Сколько северокорейцев въехало в 2022 году?", Y2022), F("а почему так мало?")]),
    ("ordinal", [A("Какая цель въезда северокорейцев самая редкая?", 3), A("а следующая?", 23)]),
    ("nodata,direction_kept", [F("Сколько россиян въехало в КНДР в первом квартале 2023?"), A("а в первом полугодии?", RU_H1)]),
    ("measure,change", [A("Сколько северокорейцев въехало во втором квартале 2023?", 213), A("а в третьем?", 365), A("на сколько процентов больше?", CH_Q2_Q3)]),
]


def main() -> None:
    write_jsonl("dialogues_probe2.jsonl", numbered("probe2", EN, KO, RU))


if __name__ == "__main__":
    main()
