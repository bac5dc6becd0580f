"""Writes tests/eval/dialogues_probe6.jsonl: a seventh conversation set, group-chat replies in
desk shorthand and polite long forms, written after the sixth set's fixes by the same engineer.
Not blind; run once first. Run: ``python -m tests.eval.make_dialogues_probe6``.
"""

from __future__ import annotations

from tests.eval.make_dialogues import (numbered, write_jsonl, CH_Q2_Q3, H1, MONTHLY_Q3, RU_BUSINESS, RU_Q3, SHARE, Y2022, A, F)

EN = [
    ("shorthand", [A("KP arrivals Q3?", 365), A("by rail?", 134), A("and pct of total?", SHARE["rail"])]),
    ("polite", [A("Could you tell me how many North Koreans entered Russia in the second quarter of 2023?", 213), A("Thank you. And in the third quarter?", 365), A("What was the percentage increase between the two?", CH_Q2_Q3)]),
    ("shorthand", [A("ru->nk q3 23?", RU_Q3), A("biz share?", "36.0")]),
    ("filter_lacking", [A("total 2022 nk->ru", Y2022), F("air?"), F("rail?")]),
    ("reverse", [A("How many Russians travelled to North Korea in Q3 2023?", RU_Q3), A("and vice versa?", 365)]),
    ("average", [A("How many North Koreans entered Russia in Q3 2023?", 365), A("what does that work out to per month?", MONTHLY_Q3)]),
    ("ordinal", [A("Top transport mode for North Koreans in Q3 2023?", "air"), A("runner-up?", 134), A("and third place?", 31)]),
    ("period", [A("How many North Koreans entered Russia in H1 2023?", H1), F("and H2?")]),
]

KO = [
    ("shorthand", [A("북한 주민 3분기 입국 몇 명?", 365), A("사업은?", 253), A("러시아인 사업은?", RU_BUSINESS)]),
    ("polite", [A("2023년 3분기에 러시아에 입국한 북한 주민은 몇 명인가요?", 365), A("그럼 2분기는요?", 213)]),
]

RU = [
    ("shorthand", [A("КНДР→РФ III кв. 23?", 365), A("а самолётом?", 213), A("доля?", SHARE["air"])]),
    ("polite", [A("Подскажите, пожалуйста, сколько северокорейцев въехало в Россию во втором квартале 2023 года?", 213), A("Спасибо. А в третьем?", 365)]),
]


def main() -> None:
    write_jsonl("dialogues_probe6.jsonl", numbered("probe6", EN, KO, RU))


if __name__ == "__main__":
    main()
