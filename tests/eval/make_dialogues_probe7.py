"""Writes tests/eval/dialogues_probe7.jsonl: an eighth conversation set, one or more conversations
for each follow-up class fixed after the blind conversation run (details of a fact the report
does not give, sums and ratios of the figures just given however phrased, a sum kept as one
figure, per-quarter averages, multiples of an average, two quarters named by ordinal, "the same
period", a gap of two shares in points, the share of a combined pair). Written after the fixes
by the engineer who made them, in other words than the blind set: not blind.
Run: ``python -m tests.eval.make_dialogues_probe7``.
"""

from __future__ import annotations

from tests.eval.make_dialogues import (numbered, write_jsonl, CH_Q1_Q2, CH_Q1_Q3, CH_Q2_Q3, H1, JAN_SEP, PURPOSE, Q2, Q3, RU_BUSINESS, RU_H1,
                                       RU_Q3, SHARE, TRANSPORT, Y2022, A, F, pct)

Q2_Q3_SUM = Q2 + Q3
RAIL_ROAD = TRANSPORT["rail"] + TRANSPORT["road"]
PER_QUARTER_JAN_SEP = f"{JAN_SEP / 3:.1f}"
Q2_OVER_2022_AVG = f"{Q2 / (Y2022 / 4):.2f}"
PP_BUSINESS = f"{float(SHARE['business']) - float(pct(RU_BUSINESS, RU_Q3)):.1f}"
assert (Q2_Q3_SUM, RAIL_ROAD, PER_QUARTER_JAN_SEP, Q2_OVER_2022_AVG, PP_BUSINESS) == (578, 165, "243.7", "3.82", "33.3")
assert pct(RAIL_ROAD, Q3) == "45.2" and H1 - Y2022 == 143 and RU_H1 == 222
assert (RU_H1 + RU_Q3, RU_H1 + RU_Q3 + JAN_SEP, f"{PURPOSE['business'] / RU_BUSINESS:.2f}") == (766, 1497, "1.29")

EN = [
    ("fact_detail", [A("When did Choe Son Hui visit Russia, and whom did she meet?", "Putin"),
                     F("What deal came out of that meeting?")]),
    ("fact_detail,person", [A("Who reported that dozens of North Korean labourers were on a building site in Vladivostok?", "NK News"),
                            F("So how many were working there exactly?")]),
    ("combine_long", [A("How many North Koreans came into Russia in the second quarter of 2023?", Q2), A("And in the third?", Q3),
                      A("Could you add up those two quarters for me?", Q2_Q3_SUM)]),
    ("sum_one_figure", [A("How many North Koreans entered Russia in Q1 and Q2 2023 put together?", H1),
                        A("By how much does that beat the whole of 2022?", H1 - Y2022)]),
    ("range_after_change", [A("By what percentage did North Korean arrivals in Russia grow from Q2 to Q3 2023?", CH_Q2_Q3),
                            A("And from Q1 to Q2?", CH_Q1_Q2)]),
    ("per_quarter", [A("How many North Koreans entered Russia from January to September 2023?", JAN_SEP),
                     A("What does that come to per quarter on average?", PER_QUARTER_JAN_SEP)]),
    ("multiple_of_average", [A("How many North Koreans entered Russia in Q2 2023?", Q2),
                             A("How many times the 2022 quarterly average is that?", Q2_OVER_2022_AVG)]),
    ("pp_gap", [A("What share of Russians travelling to North Korea in Q3 2023 went on business?", pct(RU_BUSINESS, RU_Q3)),
                A("And what share of North Koreans going to Russia?", SHARE["business"]),
                A("How far apart are those in percentage points?", PP_BUSINESS)]),
    ("same_period", [A("How many Russians went to North Korea in the first half of 2023?", RU_H1),
                     A("And North Koreans going to Russia in that same period?", H1)]),
    ("repeat_uncovered", [A("How many North Koreans flew to Russia in Q3 2023?", TRANSPORT["air"]),
                          F("Which carrier flew them?")]),
    ("sum_share", [A("How many North Koreans came to Russia by rail and by road combined in Q3 2023?", RAIL_ROAD),
                   A("What share of all arrivals is that?", pct(RAIL_ROAD, Q3))]),
    ("ordinal_is_figure", [A("How many Russians went to North Korea on business in Q3 2023?", RU_BUSINESS),
                           A("And North Koreans coming to Russia on business that quarter?", PURPOSE["business"]),
                           A("How many more than the first group?", PURPOSE["business"] - RU_BUSINESS)]),
    ("partial_span_sum", [A("How many Russians travelled to North Korea in 2023?", RU_H1 + RU_Q3),
                          A("And North Koreans to Russia?", JAN_SEP),
                          A("Both added up?", RU_H1 + RU_Q3 + JAN_SEP)]),
    ("more_than_two", [A("How many North Koreans came to Russia on foot in Q3 2023?", TRANSPORT["foot"]),
                       A("By water?", TRANSPORT["water"]), A("And by road?", TRANSPORT["road"]),
                       F("What share are those three together?")]),
]

KO = [
    ("per_quarter", [A("2023년 1~9월 러시아에 입국한 북한 주민은 모두 몇 명이에요?", JAN_SEP),
                     A("분기당 평균으로 하면요?", PER_QUARTER_JAN_SEP)]),
    ("same_period", [A("2023년 상반기에 북한에 간 러시아인은 몇 명이에요?", RU_H1),
                     A("같은 기간에 러시아로 간 북한 주민은요?", H1)]),
    ("multiple_of_average", [A("2023년 2분기 러시아에 입국한 북한 주민은?", Q2),
                             A("그건 2022년 분기 평균의 몇 배예요?", Q2_OVER_2022_AVG)]),
]

RU = [
    ("two_ordinals", [A("На сколько процентов выросло число въездов северокорейцев в Россию во втором квартале 2023 года по сравнению с первым?", CH_Q1_Q2),
                      A("А в третьем по сравнению с первым?", CH_Q1_Q3)]),
    ("ordinal_is_figure", [A("Сколько россиян съездило в КНДР по делам в III квартале 2023 года?", RU_BUSINESS),
                           A("А граждан КНДР в Россию по делам?", PURPOSE["business"]),
                           A("Во сколько раз больше, чем первых?", f"{PURPOSE['business'] / RU_BUSINESS:.2f}")]),
    ("fact_detail", [A("Что делала министр иностранных дел КНДР в России в январе 2024 года?", "Путин"),
                     F("О чём они условились?")]),
    ("same_period", [A("Сколько россиян съездило в КНДР в первом полугодии 2023 года?", RU_H1),
                     A("А граждан КНДР в Россию за тот же период?", H1)]),
]


def main() -> None:
    write_jsonl("dialogues_probe7.jsonl", numbered("probe7", EN, KO, RU))


if __name__ == "__main__":
    main()
