"""Writes tests/eval/dialogues_probe.jsonl: a second, smaller conversation set, written after the
follow-up code by the engineer who wrote it, in other words than dialogues.jsonl.

Not a blind set (its writer knew the code); it is run once and reported, to show how far the
first set's score carries to new phrasings. Conventions and derived figures as in
make_dialogues.py. Run: ``python -m tests.eval.make_dialogues_probe``.
"""

from __future__ import annotations

from tests.eval.make_dialogues import (numbered, write_jsonl, AIR_RAIL_GAP, CH_2022_Q3, CH_Q1_Q2, CH_Q2_Q3, CH_RU, H1, MONTHLY_2022,
                                       MONTHLY_Q3, RU_BUSINESS, RU_H1, RU_NK_GAP, RU_Q3, SHARE, Y2022, A, F, pct)

assert pct(134 + 213, 365) == "95.1"

EN = [
    ("period", [A("What was the Q2 2023 figure for North Korean arrivals in Russia?", 213), A("how about Q1?", 153), A("And last year's third quarter?", 365)]),
    ("category", [A("nk arrivals by rail, q3?", 134), A("what about by road?", 31)]),
    ("direction", [A("How many DPRK nationals went to Russia in the third quarter?", 365), A("what about Russians heading to the DPRK?", RU_Q3)]),
    ("measure,share", [A("How many North Koreans flew into Russia in Q3?", 213), A("what percentage of all arrivals is that?", SHARE["air"])]),
    ("measure,change", [A("North Korean entries into Russia in Q2 2023?", 213), A("how much did that change from Q1, in percent?", CH_Q1_Q2)]),
    ("measure,change", [A("How many North Koreans came in Q3 2023?", 365), A("and versus 2022 as a whole?", 142, CH_2022_Q3)]),
    ("measure,average", [A("2022 total for North Koreans entering Russia?", Y2022), A("what's that on a monthly basis?", MONTHLY_2022)]),
    ("measure,average", [A("Q3 2023 North Korean arrivals?", 365), A("average per month?", MONTHLY_Q3)]),
    ("combine", [A("How many by air in Q3?", 213), A("and by rail?", 134), A("what's the difference between them?", AIR_RAIL_GAP)]),
    ("combine", [A("How many Russians visited North Korea in Q3 2023?", RU_Q3), A("and North Koreans visiting Russia then?", 365), A("what's the gap?", RU_NK_GAP)]),
    ("filter_lacking", [A("How many North Koreans arrived in Russia in Q1 2023?", 153), F("how many of those came by plane?")]),
    ("filter_lacking", [A("Russians to North Korea, first half of 2023?", RU_H1), F("and how many of them flew?")]),
    ("why", [A("How many North Koreans came by plane in Q3?", 213), A("why is air so high?", "flights")]),
    ("why,nodata", [A("How many North Koreans came on foot in Q3?", 13), F("why so few?")]),
    ("who_said", [A("What did Lankov say about trade between the two countries?", "trade"), A("and who is he?", "Kookmin")]),
    ("who_said", [A("How many North Koreans entered Russia in Q2 2023?", 213), A("where does that figure come from?", "FSB")]),
    ("ordinal", [A("What was the biggest purpose category for North Koreans in Q3?", 253), A("and the smallest?", 3)]),
    ("ordinal", [A("Which mode of transport was used most by North Koreans?", "air"), A("and the runner-up?", 134)]),
    ("nodata,direction_kept", [F("Russians entering North Korea in Q2 2023?"), A("ok what about Q3 2023?", RU_Q3, nots=(365,))]),
    ("pronoun", [A("How many Russians entered North Korea in Q3 2023?", RU_Q3), A("how many of them were on business?", RU_BUSINESS)]),
    ("measure,change,direction_kept", [A("Russians to North Korea in Q3?", RU_Q3), A("percentage increase on the first half?", CH_RU)]),
]

KO = [
    ("period", [A("북한 주민 러시아 입국자 2023년 2분기?", 213), A("3분기는요?", 365)]),
    ("category", [A("3분기 북한 주민 중 철도로 간 사람은?", 134), A("항공은?", 213)]),
    ("measure,share", [A("3분기 교육 목적 북한 입국자?", 24), A("전체에서 비중은?", SHARE["education"])]),
    ("measure,change", [A("2분기 북한 주민 입국자 수?", 213), A("1분기보다 몇 % 늘었어?", CH_Q1_Q2)]),
    ("combine", [A("항공으로 입국한 북한 주민?", 213), A("철도는?", 134), A("둘의 차이는?", AIR_RAIL_GAP)]),
    ("filter_lacking", [A("1분기 북한 주민 입국자?", 153), F("그중 항공편은?")]),
    ("direction", [A("북한 주민 3분기 러시아 입국자?", 365), A("러시아인은?", RU_Q3)]),
    ("ordinal", [A("3분기 북한 주민 입국 목적 1위는?", 253), A("2위는?", 24)]),
    ("who_said", [A("북한 노동자들이 러시아로 돌아올까?", "돌아"), A("누가 예측했어?", "란코프")]),
    ("nodata,direction_kept", [F("러시아인 2023년 2분기 북한 입국자?"), A("3분기는?", RU_Q3, nots=(365,))]),
    ("measure,average", [A("2022년 북한 주민 러시아 입국자?", Y2022), A("월평균은?", MONTHLY_2022)]),
    ("why", [A("러시아인 3분기 북한 입국자?", RU_Q3), A("왜 갔어?", "교역")]),
]

RU = [
    ("period", [A("Сколько граждан КНДР въехало в Россию в I квартале 2023?", 153), A("а во II?", 213)]),
    ("category", [A("Сколько северокорейцев въехало по воде в III квартале?", 13), A("а на машинах?", 31)]),
    ("measure,share", [A("Сколько северокорейцев въехало поездом?", 134), A("это какой процент?", SHARE["rail"])]),
    ("measure,change", [A("Сколько северокорейцев въехало в III квартале 2023?", 365), A("а рост ко II кварталу в процентах?", CH_Q2_Q3)]),
    ("combine", [A("Сколько северокорейцев прилетело?", 213), A("а приехало поездом?", 134), A("на сколько больше прилетело?", AIR_RAIL_GAP)]),
    ("filter_lacking", [A("Сколько северокорейцев въехало в 2022 году?", Y2022), F("а самолётом?")]),
    ("direction", [A("Сколько граждан КНДР въехало в Россию в III квартале?", 365), A("а граждан России в КНДР?", RU_Q3)]),
    ("ordinal", [A("Какая цель въезда северокорейцев на первом месте?", 253), A("а на втором?", 24)]),
    ("who_said", [A("Что говорится о рабочих на стройке во Владивостоке?", "десятк"), A("кто это сообщил?", "NK News")]),
    ("nodata,direction_kept", [F("Сколько россиян въехало в КНДР во втором квартале 2023?"), A("а в третьем квартале?", RU_Q3, nots=(365,))]),
    ("measure,average", [A("Сколько северокорейцев въехало в III квартале?", 365), A("сколько это в месяц?", MONTHLY_Q3)]),
    ("why", [A("Сколько северокорейцев въехало самолётом?", 213), A("а почему так много самолётом?", "рейс")]),
]


def main() -> None:
    write_jsonl("dialogues_probe.jsonl", numbered("probe", EN, KO, RU))


if __name__ == "__main__":
    main()
