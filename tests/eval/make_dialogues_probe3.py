"""Writes tests/eval/dialogues_probe3.jsonl: a fourth conversation set, mostly Korean and Russian
chains, written after the third set's fixes by the same engineer. Not blind; run once first.
Run: ``python -m tests.eval.make_dialogues_probe3``.
"""

from __future__ import annotations

from tests.eval.make_dialogues import (numbered, write_jsonl, AIR_RAIL_SUM, BUS_EDU_X, CH_Q1_Q2, CH_Q2_Q3, CH_RU, H1, MONTHLY_Q3, RU_BUSINESS,
                                       RU_H1, RU_NK_GAP, RU_Q3, SHARE, Y2022, A, F, pct, ratio)

assert pct(365 - 253, 365) == "30.7" and ratio(253, 196) == "1.3"

EN = [
    ("chain", [A("what about by sea in Q3, North Koreans?", 13), A("and by road?", 31), A("share of those two together?", pct(44, 365))]),
    ("chain", [A("Q2 2023 North Korean arrivals in Russia?", 213), A("vs Q1?", 60, CH_Q1_Q2)]),
    ("chain", [A("How many North Koreans came to Russia for business in Q3 2023?", 253), A("same question for Russians going to North Korea", RU_BUSINESS), A("how many times more did North Koreans?", "1.3")]),
    ("direction", [A("North Koreans entering Russia in Q3 2023?", 365), A("how does that compare with Russians going to North Korea?", RU_NK_GAP)]),
    ("filter_lacking", [A("Russians entering North Korea in Q3 2023?", RU_Q3), F("how many came on foot?"), A("and how many on business?", RU_BUSINESS)]),
    ("why", [A("Russians going to North Korea, first half of 2023?", RU_H1), A("and Q3?", RU_Q3), A("why the jump?", "trade")]),
    ("ordinal", [A("Which purpose was least common for North Koreans in Q3?", 3), A("and the one before it?", 23)]),
    ("who_said", [A("Who estimated that North Korean workers in Q3 numbered in the hundreds?", "Lankov"), A("what else did he say?", "trade")]),
]

KO = [
    ("chain", [A("2023년 3분기 북한 주민의 러시아 입국자 수는?", 365), A("그중 교육 목적은?", 24), A("개인 목적은?", 23), A("둘을 합치면?", 47)]),
    ("chain", [A("3분기 북한 주민 항공 입국자?", 213), A("기차는?", 134), A("합하면 몇 명?", AIR_RAIL_SUM)]),
    ("measure,change", [A("2023년 2분기 북한 주민 러시아 입국자?", 213), A("3분기는?", 365), A("몇 % 늘었어?", CH_Q2_Q3)]),
    ("direction", [A("러시아인의 2023년 상반기 북한 입국자 수는?", RU_H1), A("북한 주민은?", H1)]),
    ("filter_lacking", [A("러시아인 3분기 북한 입국자?", RU_Q3), F("그중 교육 목적은?")]),
    ("measure,share", [A("북한 주민 사업 목적 입국자 3분기?", 253), A("전체의 몇 %야?", SHARE["business"])]),
    ("measure,average", [A("3분기 북한 주민 입국자?", 365), A("한 달 평균은?", MONTHLY_Q3)]),
    ("who_said", [A("북한 노동자가 1~2년 안에 돌아올 거라고 누가 말했어?", "란코프"), A("그는 어느 대학 교수야?", "국민대")]),
    ("ordinal", [A("3분기 북한 주민 입국 목적 순위는?", 253), A("세 번째는?", 23)]),
    ("nodata,direction_kept", [F("러시아인 2023년 2분기 북한 입국자는?"), A("상반기는?", RU_H1)]),
    ("combine", [A("3분기 북한 주민 사업 목적 입국자?", 253), A("교육 목적은?", 24), A("사업이 교육의 몇 배야?", BUS_EDU_X)]),
    ("why", [A("3분기 북한 주민 항공 입국자?", 213), A("왜 항공이 많아?", "직항")]),
    ("reverse", [A("러시아인 3분기 북한 입국자 수?", RU_Q3), A("반대로는?", 365)]),
]

RU = [
    ("chain", [A("Сколько граждан КНДР въехало в Россию в III квартале 2023 года?", 365), A("а из них на учёбу?", 24), A("а по личным делам?", 23), A("а вместе?", 47)]),
    ("measure,change", [A("Сколько россиян въехало в КНДР в первом полугодии 2023 года?", RU_H1), A("а в III квартале?", RU_Q3), A("на сколько процентов больше?", CH_RU)]),
    ("direction", [A("Сколько северокорейцев въехало в Россию в первом полугодии 2023 года?", H1), A("а россиян в КНДР за тот же период?", RU_H1)]),
    ("filter_lacking", [A("Сколько россиян въехало в КНДР в III квартале?", RU_Q3), F("а поездом?")]),
    ("measure,share", [A("Сколько северокорейцев въехало в Россию по воде в III квартале?", 13), A("а в процентах от общего числа?", SHARE["water"])]),
    ("ordinal", [A("Какой вид транспорта северокорейцы использовали реже всего?", 13), A("а следующий?", 31)]),
    ("who_said", [A("Кто такой Андрей Ланьков?", "Кукмин"), A("а что он говорит о торговле?", "торгов")]),
    ("nodata,direction_kept", [F("Сколько россиян въехало в КНДР в 2022 году?"), A("а в III квартале 2023?", RU_Q3, nots=(365,))]),
    ("why,nodata", [A("Сколько северокорейцев въехало с целью работы?", 3), F("а почему так мало?")]),
    ("reverse", [A("Сколько россиян въехало в КНДР в III квартале?", RU_Q3), A("а в обратную сторону?", 365)]),
    ("measure,average", [A("Сколько северокорейцев въехало в Россию в 2022 году?", Y2022), A("а сколько в среднем в месяц?", "18.6")]),
    ("complement", [A("Сколько северокорейцев прилетело в Россию в III квартале?", 213), A("а не самолётом?", 152)]),
]


def main() -> None:
    write_jsonl("dialogues_probe3.jsonl", numbered("probe3", EN, KO, RU))


if __name__ == "__main__":
    main()
