"""Writes tests/eval/dialogues.jsonl: the conversation set for issue 12, with derived figures computed here.

Written from the report (/work/shared/material/) before the follow-up code was read. Conventions:
no direction named = North Koreans entering Russia; no period = Q3 2023; percentages to one
decimal; shares of the period's total. Every derived figure is computed from the report's
figures below and checked with ``assert`` against the value worked out by hand.
Run: ``python -m tests.eval.make_dialogues`` (rewrites the file).
"""

from __future__ import annotations

import json
from pathlib import Path

# The report's figures (North Koreans entering Russia unless marked RU = Russians entering North Korea).
Q1, Q2, Q3, Y2022 = 153, 213, 365, 223
PURPOSE = {"business": 253, "education": 24, "personal": 23, "maintenance": 23, "work": 3}
TRANSPORT = {"air": 213, "rail": 134, "road": 31, "foot": 13, "water": 13}
RU_H1, RU_Q3, RU_BUSINESS = 222, 544, 196


def pct(part: float, whole: float) -> str:
    """A share or change in percent, one decimal, as a journalist reads it."""
    return f"{100 * part / whole:.1f}"


def ratio(a: float, b: float) -> str:
    return f"{a / b:.1f}"


H1 = Q1 + Q2
JAN_SEP = Q1 + Q2 + Q3
assert (H1, JAN_SEP) == (366, 731)
SHARE = {k: pct(v, Q3) for k, v in {**PURPOSE, **TRANSPORT}.items()}
assert SHARE["business"] == "69.3" and SHARE["air"] == "58.4" and SHARE["rail"] == "36.7"
assert SHARE["education"] == "6.6" and SHARE["foot"] == "3.6"
assert pct(RU_BUSINESS, RU_Q3) == "36.0"
CH_Q2_Q3, CH_Q1_Q2, CH_Q1_Q3 = pct(Q3 - Q2, Q2), pct(Q2 - Q1, Q1), pct(Q3 - Q1, Q1)
assert (CH_Q2_Q3, CH_Q1_Q2, CH_Q1_Q3) == ("71.4", "39.2", "138.6")
CH_2022_Q3 = pct(Q3 - Y2022, Y2022)
assert CH_2022_Q3 == "63.7" and ratio(Q3, Y2022) == "1.6"
CH_RU = pct(RU_Q3 - RU_H1, RU_H1)
assert CH_RU == "145.0" and RU_Q3 - RU_H1 == 322
MONTHLY_Q3, MONTHLY_Q2, MONTHLY_2022 = f"{Q3 / 3:.1f}", f"{Q2 / 3:.0f}", f"{Y2022 / 12:.1f}"
assert (MONTHLY_Q3, MONTHLY_Q2, MONTHLY_2022) == ("121.7", "71", "18.6")
DAILY_Q3 = f"{Q3 / 92:.1f}"  # July-September 2023 has 92 days
assert DAILY_Q3 == "4.0"
AIR_RAIL_SUM, AIR_RAIL_GAP, AIR_RAIL_X = TRANSPORT["air"] + TRANSPORT["rail"], TRANSPORT["air"] - TRANSPORT["rail"], ratio(213, 134)
assert (AIR_RAIL_SUM, AIR_RAIL_GAP, AIR_RAIL_X) == (347, 79, "1.6")
BUS_EDU_X = ratio(PURPOSE["business"], PURPOSE["education"])
assert BUS_EDU_X == "10.5"
RU_NK_GAP, RU_NK_X = RU_Q3 - Q3, ratio(RU_Q3, Q3)
assert (RU_NK_GAP, RU_NK_X) == (179, "1.5")
assert PURPOSE["personal"] + PURPOSE["maintenance"] == 46
assert PURPOSE["business"] - RU_BUSINESS == 57
assert TRANSPORT["road"] - TRANSPORT["foot"] == 18
assert Q3 - Q2 == 152 and Q3 - Y2022 == 142 and Q3 - Q1 == 212


def A(q: str, *must: object, nots: tuple = ()) -> dict:
    """An answer turn: must contain every figure or word in ``must``."""
    return {"q": q, "expect": "answer", "must_include": [str(m) for m in must], "must_not_include": [str(n) for n in nots]}


def F(q: str) -> dict:
    """A turn that must not give a confident figure: the report has nothing for it."""
    return {"q": q, "expect": "fallback"}


EN = [
    # replace the period
    ("period", [A("How many North Koreans entered Russia in Q3 2023?", 365), A("and in Q2?", 213), A("Q1?", 153)]),
    ("period", [A("nk->ru q2 2023", 213), A("what about 2022?", 223)]),
    ("period", [A("How many North Koreans went to Russia in the first quarter of 2023?", 153), A("and in the third quarter?", 365)]),
    ("period", [A("How many North Koreans entered Russia in 2022?", 223), A("and in the first half of 2023?", H1), F("and in Q4 2023?")]),
    ("period,nodata", [A("Q3 total for North Koreans?", 365), F("and in Q4?"), A("Q2 then?", 213)]),
    ("period,filter_lacking", [A("How many North Koreans came to Russia on business in Q3?", 253), F("and in Q2?"), A("ok, and for education in Q3?", 24)]),
    ("period,direction_kept", [A("How many Russians travelled to North Korea in Q3 2023?", RU_Q3), A("and in the first half of 2023?", RU_H1, nots=(H1,))]),
    ("period", [A("North Koreans into Russia, January to September 2023?", JAN_SEP), A("and in 2022?", Y2022)]),
    ("period,nodata,direction_kept", [A("How many Russians entered North Korea in the first half of last year?", RU_H1), A("and in Q3?", RU_Q3, nots=(365,)), F("Q2?")]),
    # replace the category
    ("category", [A("How many North Koreans entered Russia by air in Q3 2023?", 213), A("by train?", 134), A("and on foot?", 13)]),
    ("category", [A("how many north koreans came to russia for education?", 24), A("personal reasons?", 23), A("work?", 3)]),
    ("category", [A("How many North Koreans came to Russia by road vehicle?", 31), A("by sea?", 13)]),
    ("category", [A("Business purpose entries from NK in Q3?", 253), A("and vehicle maintenance?", 23)]),
    ("category,nodata", [A("How many North Koreans came to Russia by rail?", 134), A("and by plane?", 213), F("and by bicycle?")]),
    ("category,nodata", [F("How many North Koreans came to Russia as tourists?"), A("and for business?", 253)]),
    ("category,filter_lacking", [A("How many Russians went to North Korea on business in Q3?", RU_BUSINESS), F("and for education?"), A("and in total?", RU_Q3)]),
    ("category", [A("North Koreans entering Russia for work in Q3?", 3), A("and for study?", 24)]),
    # replace the direction
    ("direction", [A("How many North Koreans entered Russia in Q3 2023?", 365), A("and the other way round?", RU_Q3)]),
    ("direction", [A("How many Russians entered North Korea in Q3?", RU_Q3), A("and North Koreans going to Russia?", 365)]),
    ("direction", [A("business trips nk->ru in q3?", 253), A("and Russians going to North Korea?", RU_BUSINESS)]),
    ("direction", [A("How many North Koreans went to Russia in the first half of 2023?", H1), A("and Russians to North Korea in the same period?", RU_H1)]),
    ("direction,nodata,direction_kept", [A("How many North Koreans went to Russia in Q2 2023?", 213), F("and Russians?"), A("and in Q3?", RU_Q3, nots=(365,))]),
    ("direction,nodata", [F("How many Chinese citizens entered Russia in Q3?"), A("and North Koreans?", 365)]),
    ("direction,nodata", [F("How many Russians entered North Korea by air?"), A("and North Koreans?", 213)]),
    # change the measure
    ("measure,share", [A("How many North Koreans came for business in Q3 2023?", 253), A("what share of the total is that?", SHARE["business"], nots=("77.6",))]),
    ("measure,share", [A("How many North Koreans entered Russia by air?", 213), A("as a percentage?", SHARE["air"]), A("and by train?", SHARE["rail"])]),
    ("measure,change", [A("How many North Koreans entered Russia in Q3 2023?", 365), A("what's the percentage change from Q2?", CH_Q2_Q3, nots=("41.6",))]),
    ("measure,change", [A("How many North Koreans entered Russia in Q2?", 213), A("% change on Q1?", CH_Q1_Q2)]),
    ("measure,average", [A("How many North Koreans entered Russia in Q3?", 365), A("monthly average?", MONTHLY_Q3)]),
    ("measure,average", [A("How many North Koreans entered Russia in 2022?", Y2022), A("per month?", MONTHLY_2022)]),
    ("measure,change,direction_kept", [A("Russians into North Korea in Q3?", RU_Q3), A("how much is that up from the first half of 2023, in percent?", CH_RU)]),
    ("measure,share", [A("Russians on business to North Korea in Q3?", RU_BUSINESS), A("share?", "36.0")]),
    ("measure,share", [A("How many North Koreans came on foot?", 13), A("what percent of the quarter's arrivals is that?", SHARE["foot"])]),
    ("measure,compare", [A("How many North Koreans entered Russia in Q3 2023?", 365), A("how does that compare with 2022?", 142, CH_2022_Q3), A("how many times more?", "1.6")]),
    ("measure,share", [A("How many NK came for education?", 24), A("as a share?", SHARE["education"])]),
    ("measure,rate", [A("How many North Koreans entered Russia in Q3?", 365), A("how many per day is that?", DAILY_Q3)]),
    ("measure,change", [A("How many North Koreans entered Russia in Q1 2023?", 153), A("and the growth to Q3?", 212, CH_Q1_Q3)]),
    ("measure,average,period", [A("How many North Koreans went to Russia in Q2 2023?", 213), A("average per month?", MONTHLY_Q2), A("and in Q3?", MONTHLY_Q3)]),
    # combine or compare the figures just given
    ("combine", [A("How many North Koreans entered by air?", 213), A("and by train?", 134), A("together?", AIR_RAIL_SUM), A("what's the gap?", AIR_RAIL_GAP)]),
    ("combine", [A("NK business arrivals in Q3?", 253), A("and education?", 24), A("how many times more business than education?", BUS_EDU_X)]),
    ("combine", [A("How many North Koreans came in Q1 2023?", 153), A("and Q2?", 213), A("combined?", H1)]),
    ("combine,direction", [A("How many Russians went to North Korea in Q3?", RU_Q3), A("compare that with North Koreans going to Russia", RU_NK_GAP), A("how many times bigger?", RU_NK_X)]),
    ("combine", [A("How many North Koreans entered Russia in Q2?", 213), A("and Q3?", 365), A("difference?", 152), A("in percent?", CH_Q2_Q3)]),
    ("combine", [A("NK personal reasons Q3?", 23), A("and vehicle maintenance?", 23), A("sum of the two?", 46)]),
    ("combine", [A("NK into Russia Q3?", 365), A("compare that with 2022", 142)]),
    ("combine", [A("How many North Koreans came by road?", 31), A("on foot?", 13), A("gap?", 18)]),
    ("combine,direction", [A("business NK Q3?", 253), A("Russians on business in Q3?", RU_BUSINESS), A("difference?", 57)]),
    ("combine", [A("How many North Koreans came to Russia in 2022?", Y2022), A("and in Q3 2023?", 365), A("how many times more?", "1.6")]),
    # add a filter the data lacks for that period
    ("filter_lacking", [A("How many North Koreans entered Russia in Q2 2023?", 213), F("how many of them by train?")]),
    ("filter_lacking,filter_kept", [A("How many North Koreans entered Russia in 2022?", Y2022), F("for business?"), A("and in Q3 2023?", 253)]),
    ("filter_lacking", [A("How many North Koreans entered Russia in Q1 2023?", 153), F("break it down by purpose")]),
    ("filter_lacking", [A("Russians entering North Korea in Q3?", RU_Q3), F("by transport?")]),
    ("filter_lacking", [A("Russians to North Korea in H1 2023?", RU_H1), F("how many for business?")]),
    ("filter_lacking", [A("North Koreans by air in Q3?", 213), F("and in Q2?"), F("and Q1?")]),
    ("filter_lacking", [A("first half of 2023, North Koreans?", H1), F("by purpose?")]),
    ("filter_lacking,filter_kept", [A("NK arrivals 2022?", Y2022), F("how many by air?"), A("and in Q3 2023?", 213)]),
    # why?
    ("why", [A("How many North Koreans entered Russia in Q3 2023?", 365), A("why did it rise so much?", "closer")]),
    ("why", [A("How many North Koreans came by air?", 213), A("why so many by air?", "flights")]),
    ("why,nodata", [A("How many North Koreans came by water?", 13), F("why?")]),
    ("why,nodata", [A("What was the purpose breakdown for Q3?", 253), F("why don't they add up to 365?")]),
    ("why", [A("How many Russians went to North Korea in Q3?", RU_Q3), A("why are Russians going there?", "trade")]),
    ("why", [A("What do local Russian authorities want?", "thousands"), A("why?", "shortage")]),
    ("why,nodata", [A("How many North Koreans entered Russia in 2022?", Y2022), F("why so low?")]),
    ("why,nodata", [A("Who is avoiding repatriating North Korean workers?", "China"), F("why?")]),
    # who said that?
    ("who_said", [A("How many North Korean workers really entered Russia in Q3?", "hundreds"), A("who said that?", "Lankov")]),
    ("who_said", [A("What does the report say about North Korea-Russia trade?", "trade"), A("who said that?", "Lankov")]),
    ("who_said", [A("How many North Koreans entered Russia in Q3?", 365), A("who says so?", "FSB")]),
    ("who_said", [A("Where were North Korean workers seen at a construction site?", "Vladivostok"), A("who reported that?", "NK News")]),
    ("who_said", [A("Will North Korean workers come back to Russia?", "two years"), A("who predicted that?", "Lankov")]),
    ("who_said", [A("Do experts think more North Koreans came for work than the official count?", "three or more"), A("who said that?", "expert")]),
    # a person just named
    ("person", [A("Who is Andrei Lankov?", "Kookmin"), A("where does he teach?", "Kookmin"), A("what did he predict?", "two years")]),
    ("person", [A("Who visited Russia in January 2024?", "Choe"), A("who did she meet?", "Putin"), A("when was that?", "January")]),
    ("person", [A("What did Lankov say about North Korean workers?", "hundreds"), A("and what does he think about trade?", "trade")]),
    ("person", [A("Who is Choe Son Hui?", "Foreign Minister"), A("when did she visit Russia?", "January")]),
    ("person", [A("What does the report say about Putin?", "visit"), A("is he going to North Korea?", "discussed")]),
    ("person", [A("which professor is quoted in the report?", "Lankov"), A("which university is he at?", "Kookmin"), A("how many workers does he think came in Q3?", "hundreds")]),
    # ordinals after a ranking
    ("ordinal", [A("What was the most common purpose for North Koreans entering Russia in Q3?", "business", 253), A("and the second?", "education", 24), A("and the least?", "work", 3)]),
    ("ordinal", [A("Which transport mode did North Koreans use most?", 213), A("second?", 134), A("third?", 31)]),
    ("ordinal", [A("Which quarter of 2023 had the most North Korean arrivals?", 365), A("and the fewest?", 153)]),
    ("ordinal", [A("rank the purposes of North Korean visits", 253), A("which was last?", 3)]),
    ("ordinal", [A("Most used transport mode, NK Q3?", "air"), A("and the least used?", 13)]),
    ("ordinal", [A("What was the top purpose?", 253), A("the next one?", 24), A("and after that?", 23)]),
    ("ordinal", [A("Which quarter had the most North Koreans entering Russia?", 365), A("and the second?", 213)]),
    # pronouns and ellipsis
    ("pronoun,filter_lacking", [A("How many North Koreans entered Russia in Q3?", 365), A("how many of them came by train?", 134), F("and of those, how many for business?")]),
    ("pronoun,share", [A("How many Russians went to North Korea in Q3?", RU_Q3), A("how many of them for business?", RU_BUSINESS), A("what share is that?", "36.0")]),
    ("pronoun,share", [A("How many North Koreans came for business in Q3?", 253), A("what percentage were they?", SHARE["business"])]),
    ("pronoun,period", [A("North Koreans in Q3 2023?", 365), A("and what about them in Q2?", 213)]),
    ("pronoun,share", [A("What share of North Koreans came by air?", SHARE["air"]), A("and that for rail?", SHARE["rail"])]),
    ("pronoun,combine", [A("How many North Koreans came for personal reasons?", 23), A("is that more than those who came for education?", 23, 24)]),
    # after a no-data answer the direction stays
    ("nodata,direction_kept", [F("How many Russians entered North Korea in 2022?"), A("and in Q3 2023?", RU_Q3, nots=(365,))]),
    ("nodata,direction_kept", [F("Russians to NK in Q1 2023?"), A("what about the first half?", RU_H1)]),
    ("nodata,direction_kept", [F("How many Russians visited North Korea by train?"), A("and in total?", RU_Q3, nots=("No direction",))]),
]

KO = [
    ("category,share", [A("2023년 3분기에 러시아에 입국한 북한 주민은 몇 명?", 365), A("그중 사업 목적은?", 253), A("비율로 치면?", SHARE["business"])]),
    ("period", [A("3분기 북한 주민 러시아 입국자 수는?", 365), A("2분기는?", 213), A("1분기는?", 153)]),
    ("period", [A("2022년 북한 주민 러시아 입국자는?", Y2022), A("2023년 상반기는?", H1)]),
    ("category", [A("항공편으로 러시아에 들어간 북한 주민은?", 213), A("기차로는?", 134), A("도보로는?", 13)]),
    ("category", [A("교육 목적으로 입국한 북한 주민은?", 24), A("개인 목적은?", 23)]),
    ("direction", [A("3분기 러시아에 입국한 북한 주민 수는?", 365), A("반대 방향은?", RU_Q3)]),
    ("pronoun,share", [A("러시아인이 3분기에 북한에 몇 명 입국했어?", RU_Q3), A("그중 사업 목적은?", RU_BUSINESS), A("비율로 치면?", "36.0")]),
    ("filter_lacking", [A("2분기 북한 주민 러시아 입국자 수는?", 213), F("그중 기차로 간 사람은?")]),
    ("filter_lacking,filter_kept", [A("2022년 북한 주민의 러시아 입국자 수는?", Y2022), F("사업 목적은?"), A("2023년 3분기는?", 253)]),
    ("measure,change", [A("3분기 북한 주민 입국자는?", 365), A("2분기 대비 증가율은?", CH_Q2_Q3)]),
    ("measure,average", [A("3분기 북한 주민 러시아 입국자는?", 365), A("월평균으로는?", MONTHLY_Q3)]),
    ("combine", [A("항공으로 입국한 북한 주민은?", 213), A("기차는?", 134), A("합치면?", AIR_RAIL_SUM), A("차이는?", AIR_RAIL_GAP)]),
    ("combine", [A("사업 목적 북한 입국자는?", 253), A("교육 목적은?", 24), A("몇 배야?", BUS_EDU_X)]),
    ("combine,direction", [A("러시아인 3분기 북한 입국자 수?", RU_Q3), A("북한 주민과 비교하면?", RU_NK_GAP), A("몇 배?", RU_NK_X)]),
    ("nodata,direction_kept", [F("러시아인 2023년 1분기 북한 입국자는?"), A("3분기는?", RU_Q3, nots=(365,))]),
    ("ordinal", [A("북한 주민의 러시아 입국 목적 중 가장 많은 것은?", 253), A("두 번째는?", 24), A("가장 적은 것은?", 3)]),
    ("ordinal", [A("북한 주민이 가장 많이 이용한 교통수단은?", 213), A("두 번째는?", 134)]),
    ("person", [A("안드레이 란코프는 누구야?", "국민대"), A("그는 무엇을 예측했어?", "돌아")]),
    ("who_said", [A("실제 북한 노동자 수는 얼마나 될까?", "수백"), A("누가 그렇게 말했어?", "란코프")]),
    ("who_said", [A("북한과 러시아 교역에 대해 보고서는 뭐라고 해?", "교역"), A("누구 말이야?", "란코프")]),
    ("why", [A("3분기 북한 주민 러시아 입국자 수는?", 365), A("왜 이렇게 늘었어?", "가까워")]),
    ("why,nodata", [A("수상 교통으로 입국한 북한 주민은?", 13), F("왜?")]),
    ("person", [A("최선희는 누구야?", "외무상"), A("그녀는 누구를 만났어?", "푸틴")]),
    ("measure,change", [A("1분기 북한 주민 입국자 수?", 153), A("3분기는?", 365), A("증가율은?", CH_Q1_Q3)]),
    ("measure,share", [A("3분기 북한→러시아 입국자 중 도보는?", 13), A("비율은?", SHARE["foot"])]),
    ("combine", [A("북한 주민 러시아 입국 3분기?", 365), A("2022년과 비교하면?", 142), A("몇 배?", "1.6")]),
    ("direction,nodata", [F("중국인의 러시아 입국자 수는?"), A("북한 주민은?", 365)]),
    ("direction,nodata", [F("러시아인 북한 입국자 중 항공편은?"), A("북한 주민은?", 213)]),
    ("period", [A("1~3분기 북한 주민 러시아 입국자 합계는?", JAN_SEP), A("2022년은?", Y2022)]),
    ("measure,change,direction_kept", [A("2023년 상반기 러시아인의 북한 입국자 수는?", RU_H1), A("3분기는?", RU_Q3), A("증가율은?", CH_RU)]),
    ("filter_lacking", [A("2023년 상반기 북한 주민 입국자 수?", H1), F("목적별로는?")]),
    ("filter_lacking", [A("3분기 러시아인 북한 입국자는?", RU_Q3), F("교통수단별로는?")]),
    ("combine", [A("개인 목적 입국자는?", 23), A("차량 정비 목적은?", 23), A("합치면?", 46)]),
    ("category", [A("노동 목적으로 입국한 북한 주민은?", 3), A("교육 목적은?", 24)]),
    ("combine,direction", [A("사업 목적 북한 주민 입국자?", 253), A("러시아인은?", RU_BUSINESS), A("차이는?", 57)]),
    ("measure,average", [A("2분기 북한 주민 입국자?", 213), A("월평균은?", MONTHLY_Q2)]),
    ("ordinal", [A("2023년 어느 분기에 북한 주민이 가장 많이 입국했어?", 365), A("가장 적은 분기는?", 153)]),
    ("who_said", [A("블라디보스토크 건설 현장에 북한 노동자가 있어?", "수십"), A("누가 보도했어?", "NK")]),
    ("filter_lacking", [A("3분기 북한 주민 기차 입국자?", 134), F("2분기는?")]),
    ("why", [A("러시아 지방 당국은 북한 노동자를 얼마나 원해?", "수천"), A("왜?", "부족")]),
    ("nodata,direction_kept", [F("2022년 러시아인 북한 입국자?"), A("2023년 상반기는?", RU_H1)]),
    ("pronoun,share", [A("3분기 북한 주민 입국자?", 365), A("그중 교육 목적 비율은?", SHARE["education"])]),
]

RU = [
    ("period,filter_lacking", [A("Сколько северокорейцев въехало в Россию в третьем квартале 2023 года?", 365), A("А за первое полугодие?", H1), F("а поездом?")]),
    ("category", [A("Сколько граждан КНДР въехало в Россию поездом в III квартале?", 134), A("а самолётом?", 213), A("а пешком?", 13)]),
    ("period", [A("Сколько северокорейцев въехало в Россию во втором квартале 2023?", 213), A("а в первом?", 153), A("а в 2022 году?", Y2022)]),
    ("measure,share", [A("Сколько граждан КНДР приехали в Россию с деловыми целями?", 253), A("а какая это доля?", SHARE["business"]), A("а учёба?", SHARE["education"])]),
    ("direction", [A("Сколько россиян въехало в КНДР в III квартале 2023?", RU_Q3), A("а наоборот?", 365)]),
    ("direction,period", [A("Сколько северокорейцев въехало в Россию в III квартале?", 365), A("а россиян в КНДР?", RU_Q3), A("а за первое полугодие?", RU_H1)]),
    ("filter_lacking", [A("Сколько северокорейцев въехало во втором квартале?", 213), F("а поездом?")]),
    ("filter_lacking,filter_kept", [A("Сколько граждан КНДР въехало в Россию в 2022 году?", Y2022), F("а по делам?"), A("а в III квартале 2023?", 253)]),
    ("measure,change", [A("Сколько северокорейцев въехало в III квартале?", 365), A("На сколько процентов больше, чем во втором?", CH_Q2_Q3)]),
    ("measure,average", [A("Сколько северокорейцев въехало в Россию в третьем квартале?", 365), A("а в среднем за месяц?", MONTHLY_Q3)]),
    ("combine", [A("Сколько северокорейцев прилетело самолётом?", 213), A("а поездом?", 134), A("а вместе?", AIR_RAIL_SUM), A("а разница?", AIR_RAIL_GAP)]),
    ("combine", [A("Сколько северокорейцев приехали по делам?", 253), A("а на учёбу?", 24), A("во сколько раз больше?", BUS_EDU_X)]),
    ("combine,direction", [A("Сколько россиян въехало в КНДР в III квартале?", RU_Q3), A("сравни с северокорейцами", RU_NK_GAP), A("во сколько раз больше?", RU_NK_X)]),
    ("nodata,direction_kept", [F("Сколько россиян въехало в КНДР в первом квартале 2023?"), A("а в третьем?", RU_Q3, nots=(365,))]),
    ("ordinal", [A("Какая цель поездок северокорейцев была самой частой?", 253), A("а вторая?", 24), A("а самая редкая?", 3)]),
    ("ordinal", [A("Какой транспорт северокорейцы использовали чаще всего?", 213), A("а второй?", 134)]),
    ("person", [A("Кто такой Андрей Ланьков?", "Кукмин"), A("где он преподаёт?", "Кукмин"), A("что он прогнозирует?", "вернутся")]),
    ("who_said", [A("Сколько северокорейских рабочих на самом деле въехало в Россию?", "сот"), A("кто это сказал?", "Ланьков")]),
    ("who_said", [A("Что говорится о торговле КНДР и России?", "торгов"), A("кто это сказал?", "Ланьков")]),
    ("why", [A("Сколько северокорейцев въехало в Россию в III квартале?", 365), A("почему так выросло?", "сближ")]),
    ("why,nodata", [A("Сколько северокорейцев въехало по воде?", 13), F("почему?")]),
    ("person", [A("Кто такая Чве Сон Хи?", "министр"), A("с кем она встретилась?", "Путин")]),
    ("measure,change", [A("Сколько северокорейцев въехало в первом квартале 2023?", 153), A("а в третьем?", 365), A("рост в процентах?", CH_Q1_Q3)]),
    ("measure,share", [A("Сколько северокорейцев пришло пешком?", 13), A("какая это доля?", SHARE["foot"])]),
    ("combine", [A("Сколько северокорейцев въехало в Россию в III квартале?", 365), A("сравни с 2022 годом", 142), A("во сколько раз больше?", "1.6")]),
    ("direction,nodata", [F("Сколько китайцев въехало в Россию?"), A("а северокорейцев?", 365)]),
    ("direction,nodata", [F("Сколько россиян въехало в КНДР самолётом?"), A("а северокорейцев?", 213)]),
    ("period", [A("Сколько северокорейцев въехало в Россию за январь–сентябрь 2023?", JAN_SEP), A("а в 2022?", Y2022)]),
    ("measure,change,direction_kept", [A("Сколько россиян въехало в КНДР в первом полугодии 2023?", RU_H1), A("а в третьем квартале?", RU_Q3), A("рост в процентах?", CH_RU)]),
    ("filter_lacking", [A("Сколько северокорейцев въехало в первом полугодии 2023?", H1), F("а по целям?")]),
    ("filter_lacking", [A("Сколько россиян въехало в КНДР в III квартале?", RU_Q3), F("а по видам транспорта?")]),
    ("combine", [A("Сколько северокорейцев приехали по личным делам?", 23), A("а для обслуживания транспорта?", 23), A("сумма?", 46)]),
    ("category", [A("Сколько северокорейцев въехало с целью работы?", 3), A("а учёбы?", 24)]),
    ("combine,direction", [A("Сколько северокорейцев въехало по делам?", 253), A("а россиян?", RU_BUSINESS), A("разница?", 57)]),
    ("measure,average", [A("Сколько северокорейцев въехало во втором квартале?", 213), A("в среднем в месяц?", MONTHLY_Q2)]),
    ("ordinal", [A("В каком квартале 2023 года въехало больше всего северокорейцев?", 365), A("а меньше всего?", 153)]),
    ("who_said", [A("Что известно о стройке во Владивостоке?", "десятк"), A("кто об этом сообщил?", "NK News")]),
    ("filter_lacking", [A("Сколько северокорейцев въехало поездом в III квартале?", 134), F("а во втором?")]),
    ("why", [A("Сколько северокорейских рабочих хотят привлечь местные российские власти?", "тысяч"), A("почему?", "нехватк")]),
    ("nodata,direction_kept", [F("Сколько россиян въехало в КНДР в 2022?"), A("а в первом полугодии 2023?", RU_H1)]),
    ("pronoun,share", [A("Сколько россиян въехало в КНДР по делам в III квартале?", RU_BUSINESS), A("а какая это доля?", "36.0")]),
    ("pronoun,share", [A("Сколько северокорейцев въехало в Россию в III квартале?", 365), A("а сколько из них на учёбу?", 24), A("а в процентах?", SHARE["education"])]),
]


def numbered(prefix: str, en: list, ko: list, ru: list) -> list[dict]:
    """Conversations as set items, numbered per language ("<prefix>-ko-007"), tagged with it."""
    return [{"id": f"{prefix}-{lang}-{n:03d}", "lang": lang, "turns": turns, "tags": [lang, *tags.split(",")]}
            for lang, convs in (("en", en), ("ko", ko), ("ru", ru)) for n, (tags, turns) in enumerate(convs, start=1)]


def write_jsonl(name: str, items: list[dict]) -> Path:
    """Write a set next to this file, one JSON object per line, and say what was written."""
    path = Path(__file__).resolve().parent / name
    path.write_text("".join(json.dumps(c, ensure_ascii=False) + "\n" for c in items), encoding="utf-8")
    print(f"{len(items)} conversations, {sum(len(c['turns']) for c in items)} turns -> {path}")
    return path


def main() -> None:
    out = numbered("dlg", EN, KO, RU)
    assert all(2 <= len(c["turns"]) <= 4 for c in out)
    assert sum(c["lang"] == "en" for c in out) >= 70 and sum(c["lang"] == "ko" for c in out) >= 40
    assert sum(c["lang"] == "ru" for c in out) >= 40
    write_jsonl("dialogues.jsonl", out)


if __name__ == "__main__":
    main()
