"""Writes tests/eval/dialogues_probe12.jsonl: 40 hand-written conversations (25 en, 8 ko, 7 ru)
probing terse follow-ups, written from the report alone in session w2conv: changes of period,
direction, category and measure; combinations of what was just given (sum, gap, ratio, share);
breakdowns the data lacks for the period asked; turns after a fallback; the person just named;
ordinals after a ranking; re-asked facts; topic switches; "source?", "why?", "per day?",
"vs 2022?". Every expected figure is computed here from the report's figures and asserted.
Run: ``python -m tests.eval.make_dialogues_probe12``.
"""

from __future__ import annotations

import json
from pathlib import Path

OUT = Path(__file__).resolve().parent / "dialogues_probe12.jsonl"

NK = {"2022": 223, "Q1": 153, "Q2": 213, "Q3": 365}
P = {"business": 253, "education": 24, "personal": 23, "maintenance": 23, "work": 3}
T = {"air": 213, "rail": 134, "road": 31, "foot": 13, "water": 13}
RU = {"H1": 222, "Q3": 544, "Q3_business": 196}
Q3_DAYS = 92


def pct(a: float, b: float) -> str:
    return f"{100 * a / b:.1f}"


def r1(x: float) -> str:
    return f"{x:.1f}"


def t(q: str, inc: list[str] | None = None, expect: str = "answer", not_: list[str] | None = None) -> dict:
    return {"q": q, "expect": expect, "must_include": inc or [], "must_not_include": not_ or []}


F = "fallback"
assert pct(P["business"], NK["Q3"]) == "69.3" and r1(NK["Q3"] / Q3_DAYS) == "4.0"
assert pct(NK["Q3"] - NK["Q2"], NK["Q2"]) == "71.4" and pct(RU["Q3_business"], RU["Q3"]) == "36.0"
CONV = [
    # measure changes on what was just given
    ("en", ["measure_share"], [t("How many North Koreans came to Russia on business in Q3 2023?", ["253"]),
                               t("as a percentage?", [pct(P["business"], NK["Q3"])])]),
    ("en", ["measure_rate"], [t("North Koreans entering Russia, third quarter of 2023?", ["365"]),
                              t("per day?", [r1(NK["Q3"] / Q3_DAYS)]),
                              t("and per month?", [r1(NK["Q3"] / 3)])]),
    ("en", ["measure_change"], [t("How many North Koreans entered Russia in Q2 2023?", ["213"]),
                                t("change from Q1?", [str(NK["Q2"] - NK["Q1"])]),
                                t("in percent?", [pct(NK["Q2"] - NK["Q1"], NK["Q1"])])]),
    ("en", ["vs_2022"], [t("North Korean arrivals in Russia in Q3 2023?", ["365"]),
                         t("vs 2022?", ["223"])]),
    # combinations of what was just given
    ("en", ["replace_category", "sum"], [t("How many North Koreans flew to Russia in Q3 2023?", ["213"]),
                                         t("and by train?", ["134"]),
                                         t("together?", [str(T["air"] + T["rail"])])]),
    ("en", ["replace_category", "gap"], [t("Q3 2023: North Koreans in Russia for education?", ["24"]),
                                         t("and for personal reasons?", ["23"]),
                                         t("difference?", [str(P["education"] - P["personal"])])]),
    ("en", ["replace_period", "ratio"], [t("How many North Koreans went to Russia in Q1 2023?", ["153"]),
                                         t("and in Q3?", ["365"]),
                                         t("how many times more is that?", [r1(NK['Q3'] / NK['Q1'])])]),
    ("en", ["replace_direction", "gap"], [t("How many Russians visited North Korea in Q3 2023?", ["544"]),
                                          t("and the other way round?", ["365"]),
                                          t("gap?", [str(RU["Q3"] - NK["Q3"])])]),
    ("en", ["replace_category", "share_pair"], [t("How many North Koreans came by road in Q3 2023?", ["31"]),
                                                t("on foot?", ["13"]),
                                                t("combined share?", [pct(T["road"] + T["foot"], NK["Q3"])])]),
    # breakdowns the data lacks for the period asked
    ("en", ["missing_breakdown"], [t("How many North Koreans entered Russia in Q2 2023?", ["213"]),
                                   t("how many of them by air?", expect=F, not_=["213"])]),
    ("en", ["missing_breakdown"], [t("How many North Koreans came to Russia in 2022?", ["223"]),
                                   t("for business?", expect=F, not_=["253"])]),
    ("en", ["missing_breakdown", "replace_direction"], [t("How many North Koreans travelled to Russia by train in Q3 2023?", ["134"]),
                                                        t("and Russians going to North Korea by train?", expect=F, not_=["134"])]),
    ("en", ["missing_breakdown", "after_fallback"], [t("How many Russians went to North Korea in H1 2023?", ["222"]),
                                                     t("for business?", expect=F, not_=["196"]),
                                                     t("and in Q3?", ["196"])]),
    # after a fallback
    ("en", ["after_fallback"], [t("How many North Koreans entered Russia in Q4 2023?", expect=F),
                                t("and in Q3?", ["365"])]),
    ("en", ["after_fallback", "replace_direction"], [t("How many Russians travelled to North Korea in 2022?", expect=F),
                                                     t("and in the third quarter of 2023?", ["544"]),
                                                     t("what share were on business?", [pct(RU["Q3_business"], RU["Q3"])])]),
    # people
    ("en", ["person"], [t("Who is Andrei Lankov?", ["Kookmin"]),
                        t("what does he predict about the workers?", ["two years"])]),
    ("en", ["person", "who_said"], [t("Will the North Korean workers come back to Russia?", ["two years"]),
                                    t("who said that?", ["Lankov"])]),
    ("en", ["person"], [t("Which North Korean minister visited Russia in January 2024?", ["Choe"]),
                        t("whom did she meet?", ["Putin"])]),
    # ordinals after a ranking
    ("en", ["ordinal"], [t("Rank the ways North Koreans travelled to Russia in Q3 2023.", ["213"]),
                         t("second?", ["134"]),
                         t("third?", ["31"])]),
    ("en", ["ordinal"], [t("What was the most common purpose of North Korean visits to Russia in Q3 2023?", ["253"]),
                         t("and the least common?", ["3"])]),
    # re-asked facts, topic switches, source, why
    ("en", ["source"], [t("How many North Koreans entered Russia for work in Q3 2023?", ["3"]),
                        t("source?", ["FSB"])]),
    ("en", ["why"], [t("How many North Koreans entered Russia in Q3 2023?", ["365"]),
                     t("why did it jump so much from Q2?", expect=F, not_=["152"])]),
    ("en", ["topic_switch"], [t("How many North Koreans came by water in Q3 2023?", ["13"]),
                              t("What does UN resolution 2397 require?", ["24 months"]),
                              t("when was it adopted?", ["2017"])]),
    ("en", ["reasked"], [t("How many North Koreans came to Russia in Q3 2023?", ["365"]),
                         t("sorry, how many was it again?", ["365"])]),
    ("en", ["span", "vs_2022"], [t("How many North Koreans entered Russia in the first nine months of 2023?", ["731"]),
                                 t("compared with 2022?", [str(sum(NK[q] for q in ("Q1", "Q2", "Q3")) - NK["2022"])])]),
    # Korean
    ("ko", ["replace_category"], [t("2023년 3분기 항공편으로 러시아에 간 북한 주민은 몇 명?", ["213"]),
                                  t("기차로는?", ["134"])]),
    ("ko", ["measure_share"], [t("2023년 3분기 교육 목적으로 러시아에 입국한 북한 주민은?", ["24"]),
                               t("비율로 치면?", [pct(P["education"], NK["Q3"])])]),
    ("ko", ["replace_period"], [t("2023년 1분기 러시아에 입국한 북한 주민은?", ["153"]),
                                t("2분기는?", ["213"]),
                                t("차이는?", [str(NK["Q2"] - NK["Q1"])])]),
    ("ko", ["missing_breakdown"], [t("2023년 2분기 러시아에 간 북한 주민 수는?", ["213"]),
                                   t("그중 사업 목적은?", expect=F, not_=["253"])]),
    ("ko", ["replace_direction"], [t("2023년 3분기 북한을 방문한 러시아인은?", ["544"]),
                                   t("그중 사업 목적은?", ["196"])]),
    ("ko", ["person"], [t("란코프 교수는 누구인가요?", ["국민대"]),
                        t("그는 노동자들이 언제 돌아올 거라고 했나요?", ["2"])]),
    ("ko", ["after_fallback"], [t("2023년 4분기 러시아에 입국한 북한 주민은?", expect=F),
                                t("3분기는?", ["365"])]),
    ("ko", ["ordinal"], [t("2023년 3분기 북한 주민의 러시아 입국 수단 순위는?", ["213"]),
                         t("두 번째는?", ["134"])]),
    # Russian
    ("ru", ["replace_period"], [t("Сколько северокорейцев въехали в Россию во 2 квартале 2023 года?", ["213"]),
                                t("А в третьем?", ["365"]),
                                t("на сколько процентов больше?", [pct(NK["Q3"] - NK["Q2"], NK["Q2"])])]),
    ("ru", ["replace_category"], [t("Сколько северокорейцев прилетели в Россию самолётом в 3 квартале 2023?", ["213"]),
                                  t("а поездом?", ["134"])]),
    ("ru", ["replace_period"], [t("Сколько россиян посетили КНДР в 3 квартале 2023?", ["544"]),
                                t("А за первое полугодие?", ["222"])]),
    ("ru", ["missing_breakdown"], [t("Сколько северокорейцев въехали в Россию в 1 квартале 2023?", ["153"]),
                                   t("а по делам бизнеса?", expect=F, not_=["253"])]),
    ("ru", ["measure_share"], [t("Сколько северокорейцев приехали в Россию по делам в 3 квартале 2023?", ["253"]),
                               t("а в процентах?", [pct(P["business"], NK["Q3"])])]),
    ("ru", ["source"], [t("Сколько северокорейцев въехали в Россию в 2022 году?", ["223"]),
                        t("откуда эти данные?", ["ФСБ"])]),
    ("ru", ["person"], [t("Кто такой Андрей Ланьков?", ["Кукмин"]),
                        t("что он говорит о торговле?", ["торгов"])]),
]
# A second batch, written after the first was scored (and after the two fixes it led to), aimed
# at confident wrong answers: a filter carried to a period or direction that lacks it, a
# comparison whose other side does not exist, rates over other periods' lengths, fact counts.
Q2_DAYS = 91
CONV2 = [
    ("en", ["missing_breakdown", "compare"], [t("How many North Koreans flew into Russia in Q3 2023?", ["213"]),
                                              t("vs Q2?", expect=F)]),
    ("en", ["missing_breakdown", "replace_direction"], [t("How many Russians went to North Korea on business in Q3 2023?", ["196"]),
                                                        t("and for education?", expect=F, not_=["24"])]),
    ("en", ["missing_breakdown", "replace_direction"], [t("How many Russians travelled to North Korea in Q3 2023?", ["544"]),
                                                        t("by air?", expect=F, not_=["213"])]),
    ("en", ["missing_breakdown", "compare"], [t("What share of North Koreans entering Russia in Q3 2023 came on business?", ["69.3"]),
                                              t("and in 2022?", expect=F)]),
    ("en", ["missing_period", "ratio"], [t("How many Russians entered North Korea in Q3 2023?", ["544"]),
                                         t("how many times the 2022 figure?", expect=F)]),
    ("en", ["measure_rate"], [t("How many North Koreans entered Russia in Q2 2023?", ["213"]),
                              t("per day?", [r1(NK["Q2"] / Q2_DAYS)])]),
    ("en", ["measure_rate"], [t("North Koreans into Russia in 2022?", ["223"]),
                              t("monthly average?", [r1(NK["2022"] / 12)])]),
    ("en", ["measure_share", "span"], [t("How many North Koreans entered Russia in Q1 2023?", ["153"]),
                                       t("what share of the first nine months is that?", [pct(NK["Q1"], NK["Q1"] + NK["Q2"] + NK["Q3"])])]),
    ("en", ["replace_direction"], [t("What share of Russians visiting North Korea in Q3 2023 went on business?", ["36.0"]),
                                   t("and of North Koreans going to Russia?", ["69.3"])]),
    ("en", ["replace_category", "pp_gap"], [t("What share of North Koreans came to Russia by air in Q3 2023?", ["58.4"]),
                                            t("and by rail?", ["36.7"]),
                                            t("gap in percentage points?", [r1(100 * (T["air"] - T["rail"]) / NK["Q3"])])]),
    ("en", ["sum", "average"], [t("North Koreans entering Russia in Q2 2023?", ["213"]),
                                t("and Q3?", ["365"]),
                                t("sum?", [str(NK["Q2"] + NK["Q3"])]),
                                t("average of the two?", [str((NK["Q2"] + NK["Q3"]) // 2)])]),
    ("en", ["compare", "replace_period"], [t("By how much did North Korean entries to Russia change from Q1 to Q2 2023?", ["60"]),
                                           t("and from Q2 to Q3?", [str(NK["Q3"] - NK["Q2"])])]),
    ("en", ["fact_count"], [t("Where were North Korean workers seen at a construction site?", ["Vladivostok"]),
                            t("how many?", ["dozens"])]),
    ("en", ["person", "fact"], [t("What does UN Security Council Resolution 2397 require?", ["24 months"]),
                                t("which countries have been avoiding it?", ["China"])]),
    ("en", ["missing_period"], [t("How many North Koreans came to Russia in Q3 2023?", ["365"]),
                                t("and in Q3 2022?", expect=F)]),
    ("ko", ["missing_breakdown", "replace_direction"], [t("2023년 3분기 북한을 방문한 러시아인은 몇 명?", ["544"]),
                                                        t("항공편으로는?", expect=F, not_=["213"])]),
    ("ko", ["measure_rate"], [t("2022년 러시아에 입국한 북한 주민은?", ["223"]),
                              t("월평균은?", [r1(NK["2022"] / 12)])]),
    ("ko", ["replace_period", "ratio"], [t("2023년 1분기 러시아에 입국한 북한 주민은?", ["153"]),
                                         t("3분기는 그 몇 배?", [r1(NK["Q3"] / NK["Q1"])])]),
    ("ru", ["missing_breakdown"], [t("Сколько северокорейцев въехали в Россию по делам в 3 квартале 2023?", ["253"]),
                                   t("а во втором?", expect=F, not_=["213"])]),
    ("ru", ["missing_breakdown", "replace_direction"], [t("Сколько россиян въехали в КНДР в 3 квартале 2023?", ["544"]),
                                                        t("а поездом?", expect=F, not_=["134"])]),
    ("ru", ["replace_period", "ratio"], [t("Сколько северокорейцев въехали в Россию в 2022 году?", ["223"]),
                                         t("а в 3 квартале 2023?", ["365"]),
                                         t("во сколько раз больше?", [r1(NK["Q3"] / NK["2022"]).replace(".", ",")])]),
]
# A third batch, written after the second's fixes: a filter or measure carried to a direction,
# period or year that lacks it; year-on-year with no year-earlier quarter; fact follow-ups.
CONV3 = [
    ("en", ["missing_breakdown", "replace_direction"], [t("How many North Koreans came to Russia for education in Q3 2023?", ["24"]),
                                                        t("and Russians going to North Korea?", expect=F, not_=["24"])]),
    ("en", ["missing_breakdown", "replace_period"], [t("How many Russians went to North Korea on business in Q3 2023?", ["196"]),
                                                     t("and in H1?", expect=F, not_=["196"])]),
    ("en", ["measure_rate"], [t("How many North Koreans came to Russia by rail in Q3 2023?", ["134"]),
                              t("per day?", [r1(T["rail"] / Q3_DAYS)])]),
    ("en", ["missing_breakdown", "vs_2022"], [t("How many North Koreans came to Russia on business in Q3 2023?", ["253"]),
                                              t("vs 2022?", expect=F)]),
    ("en", ["missing_breakdown", "replace_period"], [t("What share of North Koreans flew to Russia in Q3 2023?", ["58.4"]),
                                                     t("and Q2?", expect=F)]),
    ("en", ["replace_direction", "replace_period"], [t("North Koreans entering Russia in Q3 2023?", ["365"]),
                                                     t("and Russians in the first half?", [str(RU["H1"])])]),
    ("en", ["missing_breakdown"], [t("North Koreans entering Russia in Q2 2023?", ["213"]),
                                   t("by purpose?", expect=F, not_=["253"])]),
    ("en", ["breakdown"], [t("North Koreans entering Russia in Q3 2023?", ["365"]),
                           t("by purpose?", ["253"])]),
    ("en", ["missing_period", "yoy"], [t("North Koreans entering Russia in Q3 2023?", ["365"]),
                                       t("year on year?", expect=F)]),
    ("en", ["after_fallback"], [t("North Koreans entering Russia in Q1 2023?", ["153"]),
                                t("and Q4?", expect=F),
                                t("and Q2?", ["213"])]),
    ("en", ["fact", "missing_detail"], [t("Where did NK News see North Korean workers on a building site?", ["Vladivostok"]),
                                        t("when was that?", expect=F)]),
    # known misses, kept (see README): a fact's amount asked as a count, and "why?" after a fact
    # whose own statement gives the reason.
    ("en", ["fact_count"], [t("How many North Korean workers did NK News see in Vladivostok?", ["dozens"])]),
    ("en", ["why", "fact"], [t("What does Lankov say about trade?", ["trade contacts"]),
                             t("why?", ["incompatible"])]),
    ("en", ["tie"], [t("How many North Koreans came by water in Q3 2023?", ["13"]),
                     t("and on foot?", ["13"]),
                     t("which is bigger?", ["13"])]),
    ("en", ["replace_period", "change"], [t("How many Russians went to North Korea in Q3 2023?", ["544"]),
                                          t("up from H1?", [str(RU["Q3"] - RU["H1"])])]),
    ("en", ["missing_breakdown"], [t("How many Russians went to North Korea in Q3 2023?", ["544"]),
                                   t("how many of them for personal reasons?", expect=F, not_=["23"])]),
    ("en", ["measure_share", "missing_breakdown"], [t("Q3 2023 North Koreans to Russia by road?", ["31"]),
                                                    t("% of total?", [pct(T["road"], NK["Q3"])]),
                                                    t("and in Q1?", expect=F)]),
    ("ru", ["replace_category"], [t("Сколько северокорейцев въехали в Россию в 3 квартале 2023?", ["365"]),
                                  t("а из них пешком?", [str(T["foot"])])]),
    ("ru", ["vs_2022"], [t("Сколько северокорейцев въехали в Россию в 3 квартале 2023?", ["365"]),
                         t("а по сравнению с 2022?", [str(NK["2022"])])]),
    ("ru", ["missing_breakdown"], [t("Сколько россиян поехали в КНДР по делам в 3 квартале 2023?", ["196"]),
                                   t("а учиться?", expect=F, not_=["24"])]),
    ("ko", ["missing_period", "yoy"], [t("2023년 3분기 러시아에 입국한 북한 주민은?", ["365"]),
                                       t("전년 같은 분기와 비교하면?", expect=F)]),
    ("ko", ["missing_breakdown"], [t("2023년 3분기 사업 목적으로 러시아에 간 북한 주민은?", ["253"]),
                                   t("2분기는?", expect=F, not_=["213"])]),
    ("ko", ["replace_period", "sum"], [t("2023년 3분기 북한을 방문한 러시아인은?", ["544"]),
                                       t("상반기는?", [str(RU["H1"])]),
                                       t("합치면?", [str(RU["H1"] + RU["Q3"])])]),
]
# A fourth batch, written last: "of those" filters, rates of categories and halves, a quarter
# asked inside a half, departures.
CONV4 = [
    ("en", ["of_them", "measure_share"], [t("How many North Koreans entered Russia in Q3 2023?", ["365"]),
                                          t("how many of those were students?", ["24"]),
                                          t("and what share?", [pct(P["education"], NK["Q3"])])]),
    ("en", ["of_them", "missing_breakdown"], [t("How many North Koreans entered Russia in Q2 2023?", ["213"]),
                                              t("how many of those were students?", expect=F, not_=["24"])]),
    ("en", ["ranking", "measure_share"], [t("Top purpose of North Korean visits to Russia in Q3 2023?", ["253"]),
                                          t("and its share of the total?", [pct(P["business"], NK["Q3"])])]),
    ("en", ["missing_breakdown", "replace_direction"], [t("How many North Koreans flew into Russia in Q3 2023?", ["213"]),
                                                        t("same quarter, Russians flying to North Korea?", expect=F, not_=["213"])]),
    ("en", ["replace_period", "change"], [t("North Koreans to Russia, 2022?", ["223"]),
                                          t("and in Q1 2023?", ["153"]),
                                          t("percent change?", [pct(NK["2022"] - NK["Q1"], NK["2022"])])]),
    ("en", ["measure_rate"], [t("North Koreans into Russia in Q3 2023 by train?", ["134"]),
                              t("per month?", [r1(T["rail"] / 3)])]),
    ("en", ["measure_rate"], [t("How many Russians visited North Korea in H1 2023?", ["222"]),
                              t("per month?", [r1(RU["H1"] / 6)])]),
    ("en", ["missing_period"], [t("How many Russians visited North Korea in H1 2023?", ["222"]),
                                t("and in Q2 alone?", expect=F)]),
    ("en", ["person"], [t("Who is Choe Son Hui?", ["Foreign Minister"]),
                        t("when did she go to Russia?", ["14"])]),
    ("en", ["missing_detail"], [t("How many North Koreans entered Russia in Q3 2023?", ["365"]),
                                t("and how many left?", expect=F)]),
    ("en", ["replace_category"], [t("How many North Koreans came to Russia for vehicle maintenance in Q3 2023?", ["23"]),
                                  t("same as personal?", ["23"])]),
    ("ko", ["replace_category", "sum"], [t("2023년 3분기 러시아에 입국한 북한 주민 중 도보는?", ["13"]),
                                         t("수로는?", ["13"]),
                                         t("합치면?", [str(T["foot"] + T["water"])])]),
    ("ko", ["missing_period"], [t("2023년 상반기 북한에 간 러시아인은?", ["222"]),
                                t("2분기만은?", expect=F)]),
    ("ko", ["missing_breakdown", "replace_direction"], [t("2023년 3분기 러시아 입국 북한 주민 중 개인 목적은?", ["23"]),
                                                        t("러시아인은?", expect=F, not_=["23"])]),
    ("ru", ["missing_breakdown"], [t("Сколько северокорейцев въехали в Россию во 2 квартале 2023?", ["213"]),
                                   t("а сколько из них поездом?", expect=F, not_=["134"])]),
    ("ru", ["measure_rate"], [t("Сколько северокорейцев въехали в Россию в 1 квартале 2023?", ["153"]),
                              t("а в среднем в день?", [r1(NK["Q1"] / 90).replace(".", ",")])]),
    ("ru", ["missing_period"], [t("Сколько россиян въехали в КНДР в первом полугодии 2023?", ["222"]),
                                t("а во втором?", expect=F)]),
]
assert [c[0] for c in CONV].count("en") == 25 and [c[0] for c in CONV].count("ko") == 8
assert [c[0] for c in CONV].count("ru") == 7


def main() -> None:
    lines = []
    counts: dict[str, int] = {}
    for batch, convs in (("probe12", CONV), ("probe12b", CONV2), ("probe12c", CONV3), ("probe12d", CONV4)):
        for lang, tags, turns in convs:
            counts[batch + lang] = counts.get(batch + lang, 0) + 1
            lines.append(json.dumps({"id": f"{batch}-{lang}-{counts[batch + lang]:03d}", "lang": lang, "turns": turns,
                                     "tags": [lang, *tags]}, ensure_ascii=False))
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
