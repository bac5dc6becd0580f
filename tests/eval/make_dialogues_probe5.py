"""Writes tests/eval/dialogues_probe5.jsonl: a sixth conversation set, Korean and Russian chat
style with typos and particles, and English follow-ups phrased as statements or checks, written
after the fifth set's fixes by the same engineer. Not blind; run once first.
Run: ``python -m tests.eval.make_dialogues_probe5``.
"""

from __future__ import annotations

from tests.eval.make_dialogues import (numbered, write_jsonl, AIR_RAIL_GAP, CH_Q2_Q3, MONTHLY_2022, RU_BUSINESS, RU_H1, RU_Q3, SHARE, Y2022,
                                       A, F)

EN = [
    ("check", [A("How many North Koreans entered Russia in Q3 2023?", 365), A("so that's more than 2022 and Q2 combined?", 365)]),
    ("statement", [A("North Koreans by rail in Q3?", 134), A("ok now air", 213), A("the difference please", AIR_RAIL_GAP)]),
    ("pronoun", [A("What did experts say about North Korean workers?", "three or more"), A("and Lankov?", "hundreds")]),
    ("filter_lacking", [A("Russians to North Korea in Q3 2023, how many?", RU_Q3), A("for business?", RU_BUSINESS), F("and personal?")]),
    ("period", [A("What was the total for North Koreans entering Russia in 2022?", Y2022), A("monthly?", MONTHLY_2022), F("and in Q4 2023?")]),
    ("direction", [A("Q3 2023 North Koreans to Russia vs Russians to North Korea?", RU_Q3), A("and H1 2023?", RU_H1)]),
    ("measure,change", [A("How many North Koreans came in Q2 2023?", 213), A("and how does Q3 compare?", CH_Q2_Q3)]),
]

KO = [
    ("typo", [A("3분기 북한주민 러시아 입국자수는?", 365), A("기차로 간 사람은?", 134), A("비율은?", SHARE["rail"])]),
    ("particles", [A("러시아인들이 3분기에 북한에 몇 명 갔어?", RU_Q3), A("사업 목적으로는?", RU_BUSINESS), F("개인 목적으로는?")]),
    ("filter_lacking", [A("2분기 북한 주민 입국자 수는?", 213), F("항공편으로 온 사람은?"), A("3분기는?", 213)]),
    ("why", [A("러시아 지방 당국은 북한 노동자를 원해?", "수천"), A("이유는?", "부족")]),
    ("person", [A("최선희 외무상은 언제 러시아를 방문했어?", "1월"), A("누구를 만났어?", "푸틴")]),
    ("ordinal", [A("3분기 북한 주민 입국 목적 중 가장 적은 건?", 3), A("그 다음은?", 23)]),
]

RU = [
    ("typo", [A("скока северокорейцев въехало в россию в 3 квартале?", 365), A("а поездом?", 134), A("а доля?", SHARE["rail"])]),
    ("particles", [A("сколько граждан кндр приехало по делам в III квартале", 253), A("а россиян по делам?", RU_BUSINESS)]),
    ("filter_lacking", [A("Сколько северокорейцев въехало в России в 2022 году?", Y2022), F("а на учёбу?"), A("а в III квартале 2023?", 24)]),
    ("why", [A("Сколько россиян въехало в КНДР в III квартале?", RU_Q3), A("а зачем они ездят?", "торгов")]),
    ("person", [A("Когда Чве Сон Хи была в России?", "январ"), A("с кем она встречалась?", "Путин")]),
    ("ordinal", [A("Какая цель поездок северокорейцев на первом месте в III квартале?", 253), A("а на третьем?", 23)]),
]


def main() -> None:
    write_jsonl("dialogues_probe5.jsonl", numbered("probe5", EN, KO, RU))


if __name__ == "__main__":
    main()
