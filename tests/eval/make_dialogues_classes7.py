"""Writes tests/eval/dialogues_classes7.jsonl: hand-written conversations (en/ko/ru) for the
follow-up classes fixed in session 7 (branch f7conv, issue 12): a group's share of the two
directions just given; both directions summed; the same comparison for the other group; two
quarters named by ordinals ("со второго на третий"); a figure the data lacks asked of the figure
just given; and the neighbouring classes each fix could break (topic switches, single figures).
Every expected figure is computed here from the report's figures and asserted.
Run: ``python -m tests.eval.make_dialogues_classes7``.
"""

from __future__ import annotations

import json
from pathlib import Path

OUT = Path(__file__).resolve().parent / "dialogues_classes7.jsonl"

NK = {"2022": 223, "Q1": 153, "Q2": 213, "Q3": 365}
P = {"business": 253, "education": 24, "personal": 23, "maintenance": 23, "work": 3}
T = {"air": 213, "rail": 134, "road": 31, "foot": 13, "water": 13}
RU = {"H1": 222, "Q3": 544, "Q3_business": 196}
F = "fallback"


def pct(a: float, b: float) -> str:
    return f"{100 * a / b:.1f}"


def t(q: str, inc: list[str] | None = None, expect: str = "answer", not_: list[str] | None = None) -> dict:
    return {"q": q, "expect": expect, "must_include": inc or [], "must_not_include": not_ or []}


NK9 = NK["Q1"] + NK["Q2"] + NK["Q3"]
RU9 = RU["H1"] + RU["Q3"]
BOTH3 = NK["Q3"] + RU["Q3"]
assert (NK9, RU9, BOTH3) == (731, 766, 909)
assert pct(RU["Q3"], BOTH3) == "59.8" and pct(NK["Q3"], BOTH3) == "40.2" and pct(NK9, NK9 + RU9) == "48.8"

# (id suffix, lang, tags, turns)
CONV: list[tuple[str, str, list[str], list[dict]]] = [
    # --- a group's share of the two directions just given; both directions summed
    ("side-001", "en", ["side_share"], [
        t("Q3 2023: North Koreans to Russia and Russians to North Korea?", [str(NK["Q3"]), str(RU["Q3"])]),
        t("what share of that were Russians?", ["59.8"]),
        t("and North Koreans?", ["40.2"])]),
    ("side-002", "en", ["side_share", "sum"], [
        t("How many Russians went to North Korea in Q3 2023?", [str(RU["Q3"])]),
        t("and North Koreans going to Russia?", [str(NK["Q3"])]),
        t("combined?", [str(BOTH3)]),
        t("Russians' share of that?", ["59.8"])]),
    ("side-003", "en", ["both_directions"], [
        t("North Korean arrivals in Russia, Q3 2023?", [str(NK["Q3"])]),
        t("both directions together?", [str(BOTH3)])]),
    ("side-004", "en", ["both_directions", "nodata"], [
        t("North Koreans entering Russia in Q2 2023?", [str(NK["Q2"])]),
        t("both directions together?", expect=F)]),
    ("side-005", "en", ["both_directions", "side_share"], [
        t("North Koreans to Russia Jan-Sep 2023?", [str(NK9)]),
        t("and Russians the other way over the same period?", [str(RU9)]),
        t("total both ways?", [str(NK9 + RU9)]),
        t("North Korean share?", ["48.8"])]),
    ("side-006", "ko", ["side_share", "sum"], [
        t("2023년 3분기 러시아에 간 북한 주민은 몇 명?", [str(NK["Q3"])]),
        t("북한에 간 러시아인은?", [str(RU["Q3"])]),
        t("둘이 합치면?", [str(BOTH3)]),
        t("그중 북한 주민 비중은?", ["40.2"])]),
    ("side-007", "ko", ["side_share"], [
        t("3분기 양방향 입국자는 각각 몇 명이야?", [str(NK["Q3"]), str(RU["Q3"])]),
        t("러시아인 비율은?", ["59.8"])]),
    ("side-008", "ru", ["side_share", "sum"], [
        t("Сколько россиян въехало в КНДР в третьем квартале 2023?", [str(RU["Q3"])]),
        t("А северокорейцев в Россию?", [str(NK["Q3"])]),
        t("Сколько вместе?", [str(BOTH3)]),
        t("А доля россиян?", ["59.8"])]),
    ("side-009", "ru", ["both_directions"], [
        t("Сколько граждан КНДР въехало в Россию в 3 квартале 2023 года?", [str(NK["Q3"])]),
        t("А в обе стороны вместе?", [str(BOTH3)])]),
    ("side-010", "ru", ["both_directions", "side_share"], [
        t("Сколько северокорейцев въехало в Россию за девять месяцев 2023?", [str(NK9)]),
        t("А россиян в КНДР за тот же период?", [str(RU9)]),
        t("Итого в обе стороны?", [str(NK9 + RU9)]),
        t("А какая доля у северокорейцев?", ["48.8"])]),
    # --- the same comparison for the other group; two quarters named by ordinals after a comparison
    ("samecmp-001", "en", ["same_comparison"], [
        t("Q3 vs H1 2023 for North Koreans entering Russia?", [str(NK["Q1"] + NK["Q2"]), str(NK["Q3"])]),
        t("Russians, same comparison?", [str(RU["H1"]), str(RU["Q3"])], not_=["179"])]),
    ("samecmp-002", "en", ["same_comparison", "nodata"], [
        t("How much did North Korean arrivals in Russia rise from Q2 to Q3 2023?", ["71.4"]),
        t("did Russians also rise?", expect=F)]),
    ("samecmp-003", "en", ["same_comparison"], [
        t("Compare H1 2023 and Q3 2023 for Russians travelling to North Korea", [str(RU["H1"]), str(RU["Q3"])]),
        t("North Koreans, same comparison?", [str(NK["Q1"] + NK["Q2"]), str(NK["Q3"])])]),
    ("samecmp-004", "ko", ["same_comparison"], [
        t("3분기 북한 주민 입국자, 상반기와 비교하면?", [str(NK["Q1"] + NK["Q2"]), str(NK["Q3"])]),
        t("러시아인도 늘었어?", [str(RU["H1"]), str(RU["Q3"])], not_=["179"])]),
    ("samecmp-005", "ru", ["same_comparison"], [
        t("Как изменился въезд граждан КНДР в Россию с первого полугодия 2023 к третьему кварталу?", [str(NK["Q1"] + NK["Q2"])]),
        t("А у россиян такой же рост?", [str(RU["H1"]), str(RU["Q3"])], not_=["179"])]),
    ("qpair-001", "ru", ["quarter_pair"], [
        t("На сколько процентов вырос въезд северокорейцев в Россию с 1-го по 3-й квартал 2023?", ["138.6"]),
        t("А со второго на третий?", ["71.4"])]),
    ("qpair-002", "ru", ["quarter_pair"], [
        t("Насколько изменилось число граждан КНДР, въехавших в Россию, со второго по третий квартал 2023?", ["71.4"]),
        t("А с первого на второй?", [pct(NK["Q2"] - NK["Q1"], NK["Q1"])])]),
    ("qpair-003", "en", ["quarter_pair"], [
        t("How much did North Korean arrivals in Russia grow from Q1 to Q3 2023?", ["138.6"]),
        t("and from the second quarter to the third?", ["71.4"])]),
    ("qpair-004", "ko", ["quarter_pair"], [
        t("1분기 대비 3분기 북한 주민 입국자 증가율은?", ["138.6"]),
        t("2분기에서 3분기로는?", ["71.4"])]),
    # --- what the data lacks, asked of the figure just given: things counted, a breakdown the
    # group has none of (after an operation's answer too); never the same figure again
    ("lacks-001", "en", ["thing_counted"], [
        t("how many North Koreans flew into Russia in Q3?", [str(T["air"])]),
        t("how many flights a week?", expect=F),
        t("and by train?", [str(T["rail"])])]),
    ("lacks-002", "en", ["thing_counted"], [
        t("North Koreans arriving in Russia by rail, Q3 2023?", [str(T["rail"])]),
        t("and how many trains was that?", expect=F)]),
    ("lacks-003", "en", ["filter_lacking"], [
        t("How many Russians who went to North Korea in Q3 2023 weren't on business?", [str(RU["Q3"] - RU["Q3_business"])]),
        t("share?", [pct(RU["Q3"] - RU["Q3_business"], RU["Q3"])]),
        t("how did they travel?", expect=F, not_=[str(RU["Q3"] - RU["Q3_business"])])]),
    ("lacks-004", "en", ["filter_lacking"], [
        t("How many North Koreans came to Russia in Q3 2023 for reasons other than business?", [str(NK["Q3"] - P["business"])]),
        t("and how did the Russians travel that quarter?", expect=F)]),
    ("lacks-005", "en", ["rate", "breakdown"], [
        t("How many North Koreans entered Russia per month in Q3 2023?", ["121.7"]),
        t("by purpose?", [str(P["business"]), str(P["education"])]),
        t("and business per month?", [f"{P['business'] / 3:.1f}"])]),
    ("lacks-006", "ru", ["filter_lacking"], [
        t("Сколько россиян, въехавших в КНДР в третьем квартале 2023 года, ехали не по делам?", [str(RU["Q3"] - RU["Q3_business"])]),
        t("А каким транспортом они ехали?", expect=F)]),
    ("lacks-007", "ko", ["filter_lacking"], [
        t("2023년 3분기 북한에 간 러시아인 중 사업 목적이 아닌 사람은?", [str(RU["Q3"] - RU["Q3_business"])]),
        t("그 사람들은 뭘 타고 갔어?", expect=F)]),
    ("lacks-008", "ru", ["filter_lacking"], [
        t("Сколько северокорейцев въехало в Россию во втором квартале 2023?", [str(NK["Q2"])]),
        t("А поездом?", expect=F, not_=[str(T["rail"])])]),
    ("lacks-009", "ko", ["filter_lacking"], [
        t("2023년 2분기 러시아에 입국한 북한 주민은?", [str(NK["Q2"])]),
        t("기차로는?", expect=F, not_=[str(T["rail"])]),
        t("3분기는?", [str(T["rail"])])]),
    ("lacks-010", "en", ["filter_lacking"], [
        t("How many North Koreans went to Russia in 2022?", [str(NK["2022"])]),
        t("and by air?", expect=F, not_=[str(T["air"])]),
        t("what about Q3 2023?", [str(T["air"])])]),
    # --- a named period against the average just given, in people ("how far above that was Q3?")
    ("avggap-001", "en", ["average_gap"], [
        t("Q1-Q3 2023, average North Korean arrivals per quarter?", [f"{NK9 / 3:.1f}"]),
        t("how far above that was Q3?", [f"{NK['Q3'] - NK9 / 3:.1f}"]),
        t("and Q1?", [f"{NK9 / 3 - NK['Q1']:.1f}"])]),
    ("avggap-002", "en", ["average_gap"], [
        t("What was the quarterly average of North Koreans entering Russia in the first three quarters of 2023?", [f"{NK9 / 3:.1f}"]),
        t("how much below that was Q2?", [f"{NK9 / 3 - NK['Q2']:.1f}"])]),
    # --- after a fact: a future event is no date of the fact given; "which X" the fact does not name
    ("factnext-001", "ru", ["future_after_fact"], [
        t("Когда Чхве Сон Хи была в России?", ["2024"]),
        t("А когда Путин поедет в Пхеньян?", expect=F)]),
    ("factnext-002", "en", ["future_after_fact"], [
        t("What did Choe Son Hui do in January 2024?", ["Putin"]),
        t("when will Putin go to North Korea then?", expect=F)]),
    ("factnext-003", "en", ["which_kind"], [
        t("Who reported that dozens of North Korean workers were at a construction site in Vladivostok?", ["NK News"]),
        t("Which company runs that site?", expect=F)]),
    ("factnext-004", "en", ["which_kind"], [
        t("Are flights between Pyongyang and Vladivostok running?", ["resumed"]),
        t("which airline operates them?", expect=F)]),
    ("factnext-005", "ko", ["future_after_fact"], [
        t("최선희 외무상은 언제 러시아를 방문했어?", ["2024"]),
        t("그럼 푸틴은 언제 북한에 갈 예정이야?", expect=F)]),
    # --- a span the data covers in part, as a follow-up comparison (2023 = Q1-Q3, labelled)
    ("partial-001", "en", ["partial_span", "compare"], [
        t("North Koreans entering Russia in 2022?", [str(NK["2022"])]),
        t("vs 2023?", [str(NK9), "Q4"]),
        t("so how many times more?", [f"{NK9 / NK['2022']:.2f}"])]),
    ("partial-002", "ru", ["partial_span", "compare"], [
        t("Сколько северокорейцев въехало в Россию в 2022 году?", [str(NK["2022"])]),
        t("А по сравнению с 2023?", [str(NK9)])]),
    ("partial-003", "ko", ["partial_span", "compare"], [
        t("2022년 러시아에 입국한 북한 주민은?", [str(NK["2022"])]),
        t("2023년과 비교하면?", [str(NK9)]),
        t("몇 배야?", [f"{NK9 / NK['2022']:.2f}"])]),
    ("partial-004", "en", ["partial_span", "same_period"], [
        t("How many Russians visited North Korea in 2023?", [str(RU9)]),
        t("North Koreans into Russia, same span?", [str(NK9)]),
        t("difference?", [str(RU9 - NK9)])]),
    ("partial-005", "en", ["partial_span"], [
        t("How many North Koreans went to Russia in Q3 2023?", [str(NK["Q3"])]),
        t("and for 2023 so far?", [str(NK9), "Q4"]),
        t("and the Russians?", [str(RU9)])]),
    ("partial-006", "ru", ["partial_span"], [
        t("Сколько россиян въехало в КНДР в третьем квартале 2023?", [str(RU["Q3"])]),
        t("А за весь 2023 год?", [str(RU9)])]),
    # --- after a declined question: its total; comparison words in other voices
    ("afterno-001", "en", ["after_fallback", "total"], [
        t("How many North Korean women went to Russia in Q3?", expect=F),
        t("ok, the total then?", [str(NK["Q3"])])]),
    ("afterno-002", "ko", ["after_fallback", "total"], [
        t("3분기 러시아 간 북한인 중 여성은 몇 명이야?", expect=F),
        t("그럼 전체는?", [str(NK["Q3"])])]),
    ("afterno-003", "en", ["after_fallback", "change"], [
        t("Russians into North Korea, first half of 2023?", [str(RU["H1"])]),
        t("Q1 alone?", expect=F),
        t("fine - and Q3?", [str(RU["Q3"])]),
        t("up by how many?", [str(RU["Q3"] - RU["H1"])])]),
    ("afterno-004", "ko", ["ratio"], [
        t("북한인 러시아 입국, 2분기 대비 3분기에 몇 명 늘었어?", [str(NK["Q3"] - NK["Q2"])]),
        t("배수로는?", [f"{NK['Q3'] / NK['Q2']:.2f}"])]),
    # --- a bare direction after an average: the same measure and period for that direction
    ("bare-dir-001", "ko", ["bare_direction", "rate"], [
        t("3분기에 북한에서 러시아로 하루 몇 명꼴로 들어간 거야?", [f"{NK['Q3'] / 92:.1f}"]),
        t("러시아에서 북한 쪽은?", [f"{RU['Q3'] / 92:.1f}"])]),
    ("bare-dir-002", "en", ["bare_direction", "rate"], [
        t("North Koreans to Russia per month in Q3 2023?", [f"{NK['Q3'] / 3:.1f}"]),
        t("Russians to North Korea?", [f"{RU['Q3'] / 3:.1f}"])]),
    ("bare-dir-003", "ru", ["bare_direction", "rate"], [
        t("Сколько северокорейцев в среднем въезжало в Россию в месяц в третьем квартале 2023?", [f"{NK['Q3'] / 3:.1f}"]),
        t("А из России в КНДР?", [f"{RU['Q3'] / 3:.1f}"])]),
    # --- ordinals after a ranking, from the top and from the bottom, ties named as ties
    ("ord-001", "en", ["ordinal"], [
        t("What was the most common purpose for North Koreans entering Russia in Q3 2023?", ["business"]),
        t("and the next one?", ["education", str(P["education"])]),
        t("and after that?", ["personal", "vehicle maintenance", "tied"])]),
    ("ord-002", "en", ["ordinal"], [
        t("Rank the transport modes North Koreans used in Q3 2023", ["air"]),
        t("the least common?", ["13", "tied"]),
        t("second?", ["rail", str(T["rail"])])]),
    ("ord-003", "en", ["ordinal", "bottom"], [
        t("Which purpose was the smallest for North Koreans in Q3 2023?", ["work"]),
        t("and the second smallest?", ["personal", "vehicle maintenance"], not_=["education"])]),
    ("ord-004", "ko", ["ordinal"], [
        t("2023년 3분기 북한 주민 입국 목적 1위는?", ["사업"]),
        t("2위는?", ["교육"]),
        t("두 번째로 적은 건?", ["개인", "차량 정비"], not_=["교육"])]),
    ("ord-005", "ru", ["ordinal"], [
        t("Какой транспорт чаще всего использовали граждане КНДР в третьем квартале 2023?", [str(T["air"])]),
        t("А на втором месте?", [str(T["rail"])]),
        t("А реже всего?", [str(T["foot"])])]),
    ("ord-006", "ru", ["ordinal", "bottom"], [
        t("Какая цель въезда у граждан КНДР была самой редкой в третьем квартале 2023?", ["работа"]),
        t("А вторая по редкости?", ["личные", "обслуживание"], not_=["учёба"])]),
    # --- corrections: the slot named replaces the one just asked
    ("corr-001", "en", ["correction"], [
        t("How many North Koreans entered Russia in Q3 2023?", [str(NK["Q3"])]),
        t("no, I meant Russians", [str(RU["Q3"])], not_=[str(NK["Q1"])])]),
    ("corr-002", "en", ["correction"], [
        t("How many North Koreans entered Russia in Q2 2023?", [str(NK["Q2"])]),
        t("sorry, I meant Q3", [str(NK["Q3"])])]),
    ("corr-003", "ru", ["correction"], [
        t("Сколько граждан КНДР въехало в Россию в третьем квартале 2023?", [str(NK["Q3"])]),
        t("Нет, я имел в виду россиян", [str(RU["Q3"])])]),
    ("corr-004", "ko", ["correction"], [
        t("2023년 3분기 러시아에 입국한 북한 주민은?", [str(NK["Q3"])]),
        t("아니, 러시아인 말이야", [str(RU["Q3"])])]),
    ("corr-005", "en", ["correction"], [
        t("North Koreans to Russia by air in Q3 2023?", [str(T["air"])]),
        t("no wait, by train", [str(T["rail"])])]),
    ("corr-006", "en", ["correction", "cross_language"], [
        t("Сколько граждан КНДР въехало в Россию в I квартале 2023?", [str(NK["Q1"])]),
        t("How many North Koreans entered Russia in Q3 2023?", [str(NK["Q3"])]),
        t("no, I meant Russians", [str(RU["Q3"])], not_=[str(NK["Q1"])])]),
    # --- why, who said that, who is he
    ("who-001", "en", ["why"], [
        t("How many North Koreans entered Russia in Q3 2023?", [str(NK["Q3"])]),
        t("why so many?", ["closer"])]),
    ("who-002", "en", ["who_said"], [
        t("How many North Koreans came to Russia for work in Q3 2023?", [str(P["work"])]),
        t("who said that?", ["FSB"])]),
    ("who-003", "en", ["person"], [
        t("What does Andrei Lankov think about North Korean workers?", ["Lankov"]),
        t("who is he?", ["Kookmin"])]),
    ("who-004", "ru", ["person"], [
        t("Что говорит Андрей Ланьков о рабочих из КНДР?", ["Ланьков"]),
        t("А кто он такой?", ["Кукмин"])]),
    ("who-005", "ko", ["person"], [
        t("란코프는 북한 노동자에 대해 뭐라고 했어?", ["란코프"]),
        t("그는 누구야?", ["국민대"])]),
    ("who-006", "en", ["why"], [
        t("How many North Koreans entered Russia in Q2 2023?", [str(NK["Q2"])]),
        t("why?", expect=F)]),
    # --- topic switches: a question that stands alone keeps nothing of the last frame
    ("switch-001", "en", ["topic_switch"], [
        t("How many North Koreans came to Russia by train in Q3 2023?", [str(T["rail"])]),
        t("What is UN Security Council Resolution 2397?", ["2017"])]),
    ("switch-002", "en", ["topic_switch"], [
        t("How many Russians went to North Korea in Q3 2023 on business?", [str(RU["Q3_business"])]),
        t("How many North Koreans entered Russia in 2022?", [str(NK["2022"])])]),
    ("switch-003", "ko", ["topic_switch"], [
        t("2023년 3분기 항공편으로 러시아에 간 북한 주민은?", [str(T["air"])]),
        t("2022년 러시아에 입국한 북한 주민은 몇 명이야?", [str(NK["2022"])], not_=[str(T["air"])])]),
    ("switch-004", "ru", ["topic_switch"], [
        t("Сколько граждан КНДР приехали в Россию поездом в III квартале 2023?", [str(T["rail"])]),
        t("Сколько россиян въехало в КНДР в первом полугодии 2023?", [str(RU["H1"])])]),
    # --- the Korean and Russian follow-ups
    ("koru-001", "ko", ["category", "share"], [
        t("2023년 3분기 러시아에 입국한 북한 주민은?", [str(NK["Q3"])]),
        t("기차로는?", [str(T["rail"])]),
        t("비중은?", [pct(T["rail"], NK["Q3"])])]),
    ("koru-002", "ko", ["category", "share"], [
        t("2023년 3분기 러시아에 입국한 북한 주민은?", [str(NK["Q3"])]),
        t("그중 사업 목적은?", [str(P["business"])]),
        t("비율로 치면?", [pct(P["business"], NK["Q3"])])]),
    ("koru-003", "ru", ["category", "share"], [
        t("Сколько граждан КНДР въехало в Россию в третьем квартале 2023?", [str(NK["Q3"])]),
        t("А поездом?", [str(T["rail"])]),
        t("А в долях?", [pct(T["rail"], NK["Q3"])])]),
    ("koru-004", "ru", ["period"], [
        t("Сколько россиян въехало в КНДР в третьем квартале 2023?", [str(RU["Q3"])]),
        t("А за первое полугодие?", [str(RU["H1"])])]),
    ("koru-005", "en", ["rate", "period"], [
        t("How many North Koreans entered Russia in Q3 2023?", [str(NK["Q3"])]),
        t("monthly average?", [f"{NK['Q3'] / 3:.1f}"]),
        t("and in Q2?", [f"{NK['Q2'] / 3:.1f}"])]),
    ("koru-006", "en", ["sum", "share"], [
        t("How many North Koreans entered Russia in Q2 2023?", [str(NK["Q2"])]),
        t("and Q3?", [str(NK["Q3"])]),
        t("together?", [str(NK["Q2"] + NK["Q3"])]),
        t("as a share of Jan-Sep?", [pct(NK["Q2"] + NK["Q3"], NK9)])]),
    ("koru-007", "en", ["filter_lacking"], [
        t("How many North Koreans entered Russia in Q3 2023 by rail?", [str(T["rail"])]),
        t("and how many of those were on business?", expect=F)]),
    ("koru-008", "en", ["filter_lacking"], [
        t("How many North Koreans entered Russia in Q1 2023?", [str(NK["Q1"])]),
        t("by air?", expect=F),
        t("then in Q3?", [str(T["air"])])]),
    ("koru-009", "ru", ["filter_lacking"], [
        t("Сколько граждан КНДР въехало в Россию в первом квартале 2023?", [str(NK["Q1"])]),
        t("А по делам?", expect=F),
        t("А в третьем?", [str(P["business"])])]),
    ("koru-010", "ko", ["filter_lacking"], [
        t("2023년 1분기 러시아에 입국한 북한 주민은?", [str(NK["Q1"])]),
        t("그중 사업 목적은?", expect=F),
        t("3분기는?", [str(P["business"])])]),
    # --- a share of one of the two figures just given, whichever slot they differ in; a group's
    # share with no whole named is "a share of what?", never its total
    ("share2-001", "en", ["side_share", "period"], [
        t("How many North Koreans entered Russia in Q2 2023?", [str(NK["Q2"])]),
        t("and in Q3?", [str(NK["Q3"])]),
        t("what share of the two was Q3?", [pct(NK["Q3"], NK["Q2"] + NK["Q3"])])]),
    ("share2-002", "en", ["side_share", "category"], [
        t("How many North Koreans came to Russia on business in Q3 2023?", [str(P["business"])]),
        t("and education?", [str(P["education"])]),
        t("business share of those two?", [pct(P["business"], P["business"] + P["education"])]),
        t("Russian share?", [pct(RU["Q3_business"], RU["Q3"])], not_=[pct(P["business"], NK["Q3"])])]),
    ("share2-003", "en", ["side_share", "category_dir"], [
        t("How many North Koreans went to Russia on business in Q3 2023?", [str(P["business"])]),
        t("and Russians on business?", [str(RU["Q3_business"])]),
        t("Russian share of those?", [pct(RU["Q3_business"], RU["Q3_business"] + P["business"])])]),
    ("share2-004", "en", ["share_of_what"], [
        t("How many North Koreans entered Russia in Q3 2023?", [str(NK["Q3"])]),
        t("and Russians in H1 2023?", [str(RU["H1"])]),
        t("Russian share?", expect=F, not_=[str(RU["H1"])])]),
    ("share2-005", "en", ["side_share"], [
        t("How many North Koreans entered Russia in Q3 2023?", [str(NK["Q3"])]),
        t("and Russians?", [str(RU["Q3"])]),
        t("what share of both were Russians?", ["59.8"])]),
    ("share2-006", "en", ["side_share", "gap"], [
        t("How many North Koreans entered Russia in Q3 2023?", [str(NK["Q3"])]),
        t("and Russians?", [str(RU["Q3"])]),
        t("gap?", [str(RU["Q3"] - NK["Q3"])]),
        t("North Korean share?", ["40.2"])]),
    ("share2-007", "ru", ["side_share"], [
        t("Сколько россиян въехало в КНДР в третьем квартале 2023?", [str(RU["Q3"])]),
        t("А граждан КНДР в Россию?", [str(NK["Q3"])]),
        t("Какая доля приходится на россиян?", ["59.8"])]),
    ("share2-008", "ko", ["side_share"], [
        t("2023년 3분기 북한에 간 러시아인은?", [str(RU["Q3"])]),
        t("러시아에 간 북한 주민은?", [str(NK["Q3"])]),
        t("합계 대비 북한 주민 비율은?", ["40.2"])]),
    ("share2-009", "en", ["change_not_share"], [
        t("How many North Koreans entered Russia in Q3 2023?", [str(NK["Q3"])]),
        t("And in the second quarter?", [str(NK["Q2"])]),
        t("What's the percentage increase from that figure to Q3?", ["71.4"])]),
    ("share2-010", "ko", ["side_share", "period"], [
        t("2023년 1분기 러시아에 입국한 북한 주민은?", [str(NK["Q1"])]),
        t("2분기는?", [str(NK["Q2"])]),
        t("둘 합계에서 2분기 비중은?", [pct(NK["Q2"], NK["Q1"] + NK["Q2"])])]),
    # --- more follow-ups in other voices: spans in part, periods after a fallback, sources
    ("more-001", "en", ["partial_span"], [
        t("How many Russians went to North Korea in Q3 2023?", [str(RU["Q3"])]),
        t("and for 2023 so far?", [str(RU9), "Q4"])]),
    ("more-002", "en", ["rate"], [
        t("Russians entering North Korea in H1 2023?", [str(RU["H1"])]),
        t("per day?", [f"{RU['H1'] / 181:.1f}"])]),
    ("more-003", "en", ["ratio"], [
        t("North Koreans vs Russians crossing in Q3 2023?", [str(NK["Q3"]), str(RU["Q3"])]),
        t("as a ratio?", ["1.49"])]),
    ("more-004", "en", ["nodata"], [
        t("How many North Koreans entered Russia in 2022?", [str(NK["2022"])]),
        t("and the year before?", expect=F)]),
    ("more-005", "en", ["after_fallback"], [
        t("How many North Koreans entered Russia in Q3 2023?", [str(NK["Q3"])]),
        t("and in 2024?", expect=F),
        t("ok and Q2 2023?", [str(NK["Q2"])])]),
    ("more-006", "en", ["who_said"], [
        t("How many North Koreans entered Russia in Q3 2023?", [str(NK["Q3"])]),
        t("who reported it?", ["NK News"])]),
    ("more-007", "ru", ["half"], [
        t("Сколько граждан КНДР въехало в Россию в третьем квартале 2023?", [str(NK["Q3"])]),
        t("А за первое полугодие?", [str(NK["Q1"] + NK["Q2"])])]),
    ("more-008", "ko", ["half"], [
        t("2023년 3분기 북한에 간 러시아인은?", [str(RU["Q3"])]),
        t("그럼 상반기는?", [str(RU["H1"])])]),
    ("more-009", "en", ["filter_lacking"], [
        t("How many Russians went to North Korea in Q3 2023?", [str(RU["Q3"])]),
        t("and by car?", expect=F, not_=[str(T["road"])])]),
    ("more-010", "ko", ["category"], [
        t("2023년 3분기 러시아에 입국한 북한 주민은?", [str(NK["Q3"])]),
        t("그중 유학생은?", [str(P["education"])])]),
    ("more-011", "en", ["compare"], [
        t("How many North Koreans entered Russia in Q3 2023?", [str(NK["Q3"])]),
        t("is that more than in 2022?", [str(NK["2022"])])]),
    ("more-012", "ru", ["after_fallback"], [
        t("Сколько россиян въехало в КНДР в 2022 году?", expect=F),
        t("А в третьем квартале 2023?", [str(RU["Q3"])])]),
    ("more-013", "ko", ["after_fallback"], [
        t("2022년 북한에 간 러시아인은?", expect=F),
        t("2023년 3분기는?", [str(RU["Q3"])])]),
    ("more-014", "en", ["person", "topic_switch"], [
        t("Who is Andrei Lankov?", ["Kookmin"]),
        t("what did he say about workers?", ["Lankov"])]),
    # --- the middle place of a ranking; the other side of a comparison named as a total
    ("mid-001", "en", ["ordinal", "middle"], [
        t("Which 2023 quarter had the most North Koreans entering Russia?", [str(NK["Q3"])]),
        t("lowest?", [str(NK["Q1"])]),
        t("and the one in between?", [str(NK["Q2"])])]),
    ("mid-002", "ko", ["ordinal", "middle"], [
        t("2023년 중 북한 주민 입국이 가장 많은 분기는?", [str(NK["Q3"])]),
        t("가장 적은 분기는?", [str(NK["Q1"])]),
        t("중간은?", [str(NK["Q2"])])]),
    ("mid-003", "ru", ["ordinal", "middle"], [
        t("В каком квартале 2023 года въехало больше всего граждан КНДР?", [str(NK["Q3"])]),
        t("А меньше всего?", [str(NK["Q1"])]),
        t("А посередине?", [str(NK["Q2"])])]),
    ("mid-004", "en", ["ordinal", "middle", "tie"], [
        t("Rank the purposes of North Koreans entering Russia in Q3 2023", ["business"]),
        t("the one in the middle?", ["personal", "vehicle maintenance", "tied"])]),
    ("total-side-001", "en", ["compare", "overall"], [
        t("How many North Koreans came to Russia on business in Q3?", [str(P["business"])]),
        t("how many more than the whole Q2 total?", [str(P["business"] - NK["Q2"])]),
        t("business per month then?", [f"{P['business'] / 3:.1f}"])]),
    ("total-side-002", "ko", ["compare", "overall"], [
        t("2023년 3분기 사업 목적으로 러시아에 간 북한 주민은?", [str(P["business"])]),
        t("2분기 전체보다 몇 명 많아?", [str(P["business"] - NK["Q2"])])]),
    ("total-side-003", "en", ["compare", "filter_lacking"], [
        t("How many North Koreans came to Russia by air in Q3 2023?", [str(T["air"])]),
        t("how does that compare with Q2?", expect=F)]),
    # --- chains that mix edits (written last, in three languages)
    ("chain-001", "ko", ["sum", "rate"], [
        t("2023년 1분기 러시아에 입국한 북한 주민은?", [str(NK["Q1"])]),
        t("2분기는?", [str(NK["Q2"])]),
        t("합치면?", [str(NK["Q1"] + NK["Q2"])]),
        t("월평균으로는?", [f"{(NK['Q1'] + NK['Q2']) / 6:.1f}"])]),
    ("chain-002", "ru", ["sum", "gap"], [
        t("Сколько граждан КНДР въехало в Россию во втором квартале 2023?", [str(NK["Q2"])]),
        t("А в третьем?", [str(NK["Q3"])]),
        t("Вместе?", [str(NK["Q2"] + NK["Q3"])]),
        t("А разница?", [str(NK["Q3"] - NK["Q2"])], not_=["213 (", "−213"])]),
    ("chain-003", "en", ["reverse"], [
        t("How many North Koreans came to Russia on business in Q3 2023?", [str(P["business"])]),
        t("and the other way round?", [str(RU["Q3_business"])])]),
    ("chain-004", "en", ["after_fallback", "direction_kept"], [
        t("How many Russians entered North Korea in 2022?", expect=F),
        t("and in Q3 2023?", [str(RU["Q3"])], not_=["No direction given"])]),
    ("chain-005", "ru", ["gap", "change"], [
        t("Сколько граждан КНДР въехало в Россию во втором квартале 2023?", [str(NK["Q2"])]),
        t("А в третьем?", [str(NK["Q3"])]),
        t("На сколько больше?", [str(NK["Q3"] - NK["Q2"])]),
        t("А в процентах?", ["71.4"])]),
    ("chain-006", "ko", ["share"], [
        t("2023년 3분기 사업 목적으로 러시아에 간 북한 주민은?", [str(P["business"])]),
        t("그럼 비율은?", [pct(P["business"], NK["Q3"])])]),
    ("chain-007", "en", ["ratio", "both_directions"], [
        t("Q3 2023: North Koreans into Russia and Russians into North Korea?", [str(NK["Q3"]), str(RU["Q3"])]),
        t("how many times more Russians?", ["1.49"])]),
    ("chain-008", "en", ["rate", "period"], [
        t("How many North Koreans entered Russia in 2022?", [str(NK["2022"])]),
        t("per month?", [f"{NK['2022'] / 12:.1f}"]),
        t("and in Q3 2023?", [f"{NK['Q3'] / 3:.1f}"])]),
    ("chain-009", "en", ["complement", "share"], [
        t("How many North Koreans entered Russia in Q3 2023?", [str(NK["Q3"])]),
        t("how many were not on business?", [str(NK["Q3"] - P["business"])]),
        t("as a percentage?", [pct(NK["Q3"] - P["business"], NK["Q3"])])]),
    ("chain-010", "ko", ["complement"], [
        t("2023년 3분기 북한에 간 러시아인은?", [str(RU["Q3"])]),
        t("그중 사업 목적은?", [str(RU["Q3_business"])]),
        t("나머지는?", [str(RU["Q3"] - RU["Q3_business"])])]),
    ("chain-011", "ru", ["reverse"], [
        t("Сколько россиян въехало в КНДР в третьем квартале 2023?", [str(RU["Q3"])]),
        t("А по делам?", [str(RU["Q3_business"])]),
        t("А в обратную сторону?", [str(P["business"])])]),
    ("chain-012", "en", ["sum", "share"], [
        t("North Koreans entering Russia by rail in Q3 2023?", [str(T["rail"])]),
        t("and by air?", [str(T["air"])]),
        t("combined?", [str(T["rail"] + T["air"])]),
        t("share of the total?", [pct(T["rail"] + T["air"], NK["Q3"])])]),
    ("chain-013", "en", ["ratio", "same_period"], [
        t("How many North Koreans entered Russia in H1 2023?", [str(NK["Q1"] + NK["Q2"])]),
        t("and the Russians in the same half?", [str(RU["H1"])]),
        t("ratio?", [f"{(NK['Q1'] + NK['Q2']) / RU['H1']:.2f}"])]),
    ("chain-014", "en", ["person"], [
        t("Who is Choe Son Hui?", ["Foreign Minister"]),
        t("when did she visit Russia?", ["2024"]),
        t("who did she meet?", ["Putin"])]),
    ("chain-015", "ru", ["person"], [
        t("Кто такой Андрей Ланьков?", ["Кукмин"]),
        t("А что он говорит о торговле?", ["Ланьков"])]),
    ("chain-016", "en", ["partial_span", "sum"], [
        t("How many North Koreans entered Russia in Q3 2023?", [str(NK["Q3"])]),
        t("what about the first nine months?", [str(NK9)]),
        t("and Russians over the same period?", [str(RU9)]),
        t("combined?", [str(NK9 + RU9)])]),
]


def main() -> None:
    with OUT.open("w", encoding="utf-8") as f:
        for suffix, lang, tags, turns in CONV:
            f.write(json.dumps({"id": f"c7-{suffix}", "lang": lang, "turns": turns, "tags": [lang, *tags]},
                               ensure_ascii=False) + "\n")
    print(f"{len(CONV)} conversations -> {OUT}")


if __name__ == "__main__":
    main()
