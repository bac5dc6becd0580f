"""Writes tests/eval/dialogues_probe8.jsonl: a ninth conversation set, for the follow-up classes
fixed after re-running both blind conversation sets (issue 12): the share of a sum of two
figures, a sum asked in Korean as the analyser lemmatises it, the named one of two figures
("how many times larger is the Q3 figure?"), an average compared, a measure the figures lack
asked of the figure just given, "he"/"she" with nobody named, two places of a ranking, a claim
check or sources answer leaving the figure it names, the frame kept after a no-data answer, a
share against a named share in points, breakdowns the period lacks, a re-asked fact. Written by
the engineer who made the fixes, in wordings of his own (none copied from a blind set), so its
first run is not a blind score. Expected figures are the report's (data/figures.csv); derived
ones were computed by hand: 31 + 13 = 44 = 12.1 % of 365; 213 + 134 = 347 = 95.1 %; 24 + 23 = 47
= 12.9 %; 544 / 222 = 2.45; 544 / (222 / 2) = 4.9; 253 / 24 = 10.5; 213 - 134 = 79; 134 - 31 = 103;
69.3 - 6.3 = 63 points; 69.3 - 6.6 = 62.7 points; 365 / 55.75 = 6.55; 365 / 223 = 1.64;
366 - 222 = 144; 213 / 31 = 6.87; 365 - 213 = 152, 365 - 153 = 212,
365 - 223 = 142.
Run: ``python -m tests.eval.make_dialogues_probe8``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

OUT = Path(__file__).resolve().parent / "dialogues_probe8.jsonl"
C: list[dict[str, Any]] = []


def A(q: str, *must: str, no: tuple[str, ...] = ()) -> dict[str, Any]:
    """A turn that must be answered, with the strings the answer must carry."""
    return {"q": q, "expect": "answer", "must_include": list(must), "must_not_include": list(no)}


def F(q: str, no: tuple[str, ...] = ()) -> dict[str, Any]:
    """A turn that must get an honest "not in the data", never the figures in ``no``."""
    return {"q": q, "expect": "fallback", "must_include": [], "must_not_include": list(no)}


def c(lang: str, tags: list[str], *turns: dict[str, Any]) -> None:
    n = sum(1 for x in C if x["lang"] == lang) + 1
    C.append({"id": f"probe8-{lang}-{n:03d}", "lang": lang, "turns": list(turns), "tags": [lang, *tags]})


# sum, then its share
c("en", ["sum", "sum_share"], A("How many North Koreans arrived by road vehicle in Q3?", "31"), A("and on foot?", "13"),
  A("what do those come to combined?", "44"), A("and as a percentage of all arrivals that quarter?", "12.1"))
c("ru", ["sum", "sum_share"], A("Сколько граждан КНДР прибыло в Россию самолётом в III квартале?", "213"), A("а поездом?", "134"),
  A("если сложить?", "347"), A("и какой это процент от общего числа?", "95.1"))
c("ko", ["sum", "sum_share"], A("3분기 교육 목적으로 입국한 북한 주민은?", "24"), A("개인 목적은?", "23"), A("둘을 합치면?", "47"),
  A("그게 전체에서 차지하는 비율은?", "12.9"))
c("ko", ["sum"], A("3분기에 도보로 러시아에 들어온 북한 주민 수는?", "13"), A("배편은?", "13"), A("두 개를 합한 값은?", "26"))
# the named one of two figures
c("en", ["ratio_named"], A("Russians going to North Korea in H1 2023?", "222"), A("and Q3?", "544"),
  A("how many times larger is the Q3 figure?", "2.45"))
c("en", ["gap_named"], A("How many North Koreans came to Russia in Q1 2023?", "153"), A("and in Q2?", "213"),
  A("what's the difference with the Q2 figure?", "60"))
# an average compared
c("en", ["average_multiple"], A("How many Russians went to North Korea in Q3 2023?", "544"),
  A("compared with the first half's quarterly average?", "4.9"))
# a measure the figures lack, asked of the figure just given
c("en", ["other_measure"], A("How many North Koreans came by train in Q3?", "134"), F("what did the train fares cost?", no=["365"]))
c("ru", ["other_measure"], A("Сколько северокорейцев приехало на учёбу в III квартале?", "24"), F("А какая у них зарплата?", no=["365"]))
c("ko", ["other_measure"], A("3분기 사업 목적 입국자는?", "253"), F("그들의 임금은 얼마야?", no=["365"]))
# he / she with nobody named
c("en", ["no_person"], A("How many North Koreans came in Q3?", "365"), F("Where does she work?"))
c("en", ["no_person"], F("How old is he?"), A("How many Russians went to North Korea in Q3?", "544"))
# two places of a ranking
c("en", ["rank_pair"], A("Which purpose was most common among North Koreans in Q3?", "253"), A("and the runner-up?", "24"),
  A("how many times bigger is the first than the second?", "10.5"))
c("ru", ["rank_pair"], A("Какой вид транспорта был самым популярным у северокорейцев в III квартале?", "213"), A("А второй?", "134"),
  A("На сколько первый больше второго?", "79"))
c("ko", ["rank_pair"], A("3분기 북한 주민이 가장 많이 이용한 교통수단은?", "213"), A("2위는?", "134"), A("1위와 2위의 차이는?", "79"))
c("en", ["rank_pair"], A("What was the top transport mode for North Koreans in Q3?", "213"),
  A("how many times bigger is the first than the second?", "1.59"), A("and the gap between the second and the third?", "103"))
# a claim check or a sources answer leaves the figure it names
c("en", ["claim_frame"], A("Who reported that 544 Russians travelled to North Korea in Q3?", "FSB"),
  A("and how many of them went for business?", "196"), A("as a share?", "36.0"))
c("en", ["claim_frame"], A("Is it true that 213 North Koreans flew to Russia in Q3?", "213"), A("and by rail?", "134"))
c("en", ["claim_frame", "filter_lacking"], A("Is it true that 222 Russians visited North Korea in the first half of 2023?", "222"),
  F("and for business?", no=["196", "253"]))
# after no data, the frame asked about stays
c("en", ["after_nodata", "filter_lacking"], F("How many Russians went to North Korea in 2022?"), F("and by train?", no=["134"]))
c("ko", ["after_nodata"], F("2022년 북한에 간 러시아인은?"), A("3분기는?", "544"))
c("ru", ["after_nodata"], F("Сколько россиян съездило в КНДР в 2022 году?"), A("а в III квартале 2023?", "544"),
  A("а из них по делам?", "196"))
c("en", ["after_nodata"], F("How many North Koreans entered Russia for work in Q2 2023?"), A("and in Q3?", "3"))
c("ko", ["after_nodata"], F("2분기 사업 목적 북한 입국자는?"), A("그럼 3분기는?", "253"))
# percentage points against a named share
c("en", ["pp_compare"], A("What share of North Koreans came for personal reasons in Q3?", "6.3"),
  A("how many points behind business is that?", "63 percentage"))
c("ru", ["pp_compare"], A("Какова доля учёбы среди целей въезда северокорейцев в III квартале?", "6.6"),
  A("на сколько процентных пунктов меньше, чем у деловых поездок?", "62.7"))
# a breakdown the period lacks
c("en", ["filter_lacking"], A("How many North Koreans came to Russia in 2022?", "223"), F("how many of those by air?", no=["213"]))
c("ko", ["filter_lacking"], A("1분기 북한 주민 입국자는?", "153"), F("그중 항공편은?", no=["213"]))
c("ru", ["filter_lacking"], A("Сколько россиян въехало в КНДР в первом полугодии 2023?", "222"), F("а с деловыми целями?", no=["196"]))
# a re-asked fact yields to the fact its words name
c("en", ["reasked_fact"], A("What does UN Resolution 2397 require?", "24 months"), A("who has been sidestepping it?", "China"))

# a detail of the fact just given: the fact again when it states it, else "the report doesn't say"
c("en", ["fact_detail"], A("What do local authorities in Siberia want?", "thousands"), A("for what sort of work?", "construction"))
c("ru", ["fact_detail"], A("Почему местные власти в Сибири хотят северокорейских рабочих?", "нехватк"),
  A("а в каком регионе?", "Сибир"))
c("en", ["fact_detail"], A("What does UN Resolution 2397 require?", "24 months"), F("What kind of penalties does it set?"))
# after a multiple of an average, the figure kept is the one compared (Q3), not the base
c("ko", ["average_multiple", "compare"], A("3분기 입국자는 2022년 분기 평균의 몇 배야?", "6.5"),
  A("2022년 전체와 비교하면 몇 배?", "1.64"))
# "which had more, and by how much?" after two figures
c("en", ["gap"], A("How many Russians went to North Korea in H1 2023?", "222"),
  A("And North Koreans to Russia in the same half?", "366"), A("which had more, and by how much?", "144"))

# the top place against the place last given; a tied place is refused, never "they are equal"
c("en", ["rank_pair", "tie"], A("Which transport mode did North Koreans use most in Q3?", "213"), A("what came third?", "31"),
  A("how many times bigger is the top one than that?", "6.87"))
c("en", ["rank_pair", "tie"], A("What was the least common purpose for North Koreans in Q3?", "work"),
  A("and the one above it?", "23"), F("how many times bigger is the top one than that?", no=["equal"]))
# whose figure a category's is, after a figure
c("ru", ["who_said"], A("Сколько граждан КНДР приехало в Россию в III квартале?", "365"),
  A("а кто полагает, что рабочих на самом деле больше?", "Ланьков"))
c("en", ["who_said"], A("How many North Koreans came by air in Q3?", "213"),
  A("and who says there were more workers than that?", "Lankov"))
# a filter on both periods just given, which the data has for one only
c("en", ["filter_lacking", "both"], A("How many North Koreans entered Russia in Q2 2023?", "213"), A("and in Q3?", "365"),
  F("how many of those two quarters' arrivals came by air?", no=["213 North Koreans entered Russia by air"]))
c("ru", ["filter_lacking", "both"], A("Сколько россиян поехало в КНДР в первом полугодии?", "222"), A("а в третьем квартале?", "544"),
  F("а сколько за оба периода по делам?", no=["196"]))

# two averages over spans of different length: their totals' ratio is not the averages' ratio
c("en", ["rate", "same_span"], A("How many North Koreans went to Russia in 2022?", "223"), A("average per month?", "18.6"),
  A("and in Q3 2023?", "121.7"), F("how many times more?", no=["1.64"]))
c("ko", ["rate", "same_span"], A("2023년 3분기 북한 주민 입국자는 월평균 몇 명이야?", "121.7"), A("2022년은?", "18.6"),
  F("몇 배야?", no=["1.64"]))

# two categories named and combined after a share; the share of "the rest"
c("en", ["sum_share"], A("What share of North Koreans came by road in Q3?", "8.5"),
  A("and by air and rail combined?", "95.1"))
c("ru", ["sum_share"], A("Какая доля северокорейцев приехала в III квартале на учёбу?", "6,6"),
  A("а учёба и личные цели вместе?", "12,9"))
c("en", ["complement", "share"], A("How many North Koreans came to Russia in Q3 for business?", "253"),
  A("and everyone else?", "112"), A("what's that as a share?", "30.7", no=("69.3",)))

# a first question declined still leaves who and when it asked about
c("ko", ["declined_first"], A("3분기 러시아인 방북자는?", "544"), F("그중 교육 목적은?", no=["24"]),
  A("사업은?", "196"))

# "is that up on Q2?" compares; "and on Q1?" after it is the same comparison with Q1
c("en", ["compare", "replace_period"], A("How many North Koreans entered Russia in Q3?", "365"),
  A("is that up on Q2?", "152"), A("and on Q1?", "212"), A("and versus all of 2022?", "142"))


def main() -> None:
    with OUT.open("w", encoding="utf-8") as f:
        for item in C:
            f.write(json.dumps(item, ensure_ascii=False) + "\n")
    print(f"{len(C)} conversations, {sum(len(x['turns']) for x in C)} turns -> {OUT}")


if __name__ == "__main__":
    main()
