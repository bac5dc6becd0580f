"""Writes tests/eval/dialogues_probe10.jsonl: an eleventh conversation set, for the follow-up
classes blind conversation set 5 answered confidently wrong (issue 12, session 5), each in
English, Korean and Russian: a bare "per quarter?" after a span or a year (the span's quarterly
average, never a fresh question on the default period); "together?" after two shares of one
period (the sum and its share of that period's total, not the sum alone); "which <kind>?" and
"how many <category>?" after a fact (a detail or amount of that fact, or "the report doesn't
say"; never a category count on a default period and direction the conversation never asked).
Written by the engineer who made the fixes, in wordings of his own (none copied from a blind
set), so its first run is not a blind score. Derived figures computed by hand: 731 / 3 = 243.7;
223 / 4 = 55.75; 366 / 2 = 183; 222 / 2 = 111; 213 + 134 = 347 (95.1 % of 365); 253 + 24 = 277
(75.9 %); (544 - 365) / 3 = 59.7 a month; (365 + 544) / 92 = 9.9 a day;
(365 + 544) / 3 = 303 a month; 24 + 23 = 47 (12.9 %); 134 + 31 = 165 (45.2 %); 31 + 13 = 44 (12.1 %).
Run: ``python -m tests.eval.make_dialogues_probe10``.
"""

from __future__ import annotations

from tests.eval.make_dialogues import A, F, numbered, write_jsonl

assert round(731 / 3, 1) == 243.7 and 223 / 4 == 55.75 and 366 / 2 == 183 and 222 / 2 == 111
assert round(100 * 347 / 365, 1) == 95.1 and round(100 * 277 / 365, 1) == 75.9 and round(100 * 47 / 365, 1) == 12.9
assert round(179 / 3, 1) == 59.7 and round(909 / 92, 1) == 9.9 and 909 / 3 == 303
assert round(100 * 165 / 365, 1) == 45.2 and round(100 * 44 / 365, 1) == 12.1

EN = [
    # a bare "per quarter?" after a span or a year: that span's quarterly average
    ("per_quarter", [A("How many North Koreans went to Russia from January to September 2023?", 731),
                     A("per quarter?", "243.7")]),
    ("per_quarter", [A("North Koreans entering Russia in 2022?", 223), A("and per quarter?", "55.8")]),
    ("per_quarter", [A("How many Russians travelled to North Korea in the first half of 2023?", 222), A("per quarter?", 111)]),
    ("per_quarter", [A("How many North Koreans entered Russia in H1 2023?", 366), A("what's that per quarter?", 183)]),
    # "together?" after two shares of one period: the sum and its share
    ("sum_share", [A("What percentage of North Koreans came to Russia by plane in Q3 2023?", "58.4"),
                   A("and by train?", "36.7"), A("together?", 347, "95.1")]),
    ("sum_share", [A("Share of North Koreans entering Russia for business in Q3?", "69.3"),
                   A("what about education?", "6.6"), A("both combined?", 277, "75.9")]),
    ("sum_share", [A("What share of Q3 North Korean arrivals in Russia came by rail?", "36.7"),
                   A("and by road?", "8.5"), A("add them up", 165, "45.2")]),
    # a detail or an amount of the fact just given: its own words, or "the report doesn't say"
    ("fact_detail", [A("Have direct flights between Pyongyang and Vladivostok resumed?", "Vladivostok"),
                     F("which carrier?")]),
    ("fact_count", [A("What did the Luhansk and Donetsk republics discuss about North Korean workers?", "infrastructure"),
                    F("how many labourers?")]),
]

KO = [
    ("per_quarter", [A("2023년 1~9월 러시아에 입국한 북한 주민은 몇 명이야?", 731), A("분기 평균으로는?", "243.7")]),
    ("per_quarter", [A("2022년 러시아 입국 북한 주민 수는?", 223), A("분기 평균은?", "55.8")]),
    ("per_quarter", [A("2023년 상반기 북한에 간 러시아인은 몇 명?", 222), A("분기당 평균은?", 111)]),
    ("sum_share", [A("3분기 러시아 입국 북한 주민 중 항공편 비율은?", "58.4"), A("철도는?", "36.7"),
                   A("합치면?", 347, "95.1")]),
    ("sum_share", [A("2023년 3분기 북한 주민 러시아 입국 중 유학 목적 비중은?", "6.6"), A("개인 용무는?", "6.3"),
                   A("둘이 합하면?", 47, "12.9")]),
    ("rate_sum", [A("3분기 북한 주민 러시아 입국 월평균은?", "121.7"), A("그럼 러시아 사람들은?", "181.3"),
                  A("둘을 합치면 한 달에 몇 명이야?", "303")]),
    ("fact_count", [A("LPR과 DPR은 북한 노동자 활용에 대해 뭘 논의했어?", "인프라"),
                    F("노동자는 몇 명?")]),
]

RU = [
    ("per_quarter", [A("Сколько граждан КНДР въехало в Россию за январь–сентябрь 2023 года?", 731),
                     A("а в среднем за квартал?", "243,7")]),
    ("per_quarter", [A("Сколько северокорейцев приехало в Россию в 2022 году?", 223),
                     A("в среднем в квартал?", "55,8")]),
    ("per_quarter", [A("Сколько россиян побывало в КНДР в первом полугодии 2023?", 222),
                     A("а в среднем за квартал?", 111)]),
    ("sum_share", [A("Какой процент граждан КНДР въехал в Россию поездом в III квартале?", "36,7"),
                   A("а автомобилем?", "8,5"), A("вместе?", 165, "45,2")]),
    ("sum_share", [A("Какая доля северокорейцев въехала в Россию автотранспортом в III квартале 2023?", "8,5"),
                   A("а пешком?", "3,6"), A("а вместе?", 44, "12,1")]),
    ("rate_gap", [A("Сколько граждан КНДР в среднем в месяц въезжало в Россию в III квартале 2023?", "121,7"),
                  A("а россиян в КНДР?", "181,3"), A("а разница в месяц?", "59,7")]),
    ("fact_count", [A("Что ЛНР и ДНР обсуждали насчёт рабочих из КНДР?", "инфраструктур"),
                    F("а сколько работников?")]),
]


def main() -> None:
    write_jsonl("dialogues_probe10.jsonl", numbered("probe10", EN, KO, RU))


if __name__ == "__main__":
    main()
