"""Writes tests/eval/dialogues_probe11.jsonl: conversations for the follow-up classes fixed in
session 4 (branch fix6conv), each class in several phrasings and in en, ko and ru, none taken
from a blind set. Every expected figure is computed here from the data's figures and asserted.

Classes: a named category added to the ones just given ("plus business?", "교육까지 합치면?",
"вместе с автотранспортом?"), as a sum or, after shares, as a share; "%?" after three categories
combined or after "everyone but X"; "who said that?" after a statement of unnamed experts; "how
many times that?" after an average; another part of a span after a part's share of it; "in
absolute terms?" after a % change; "how many times?" after a category comparison; the group's
total after a refusal for a filter ("а всего россиян?"); the profile of the person last named
("where does he teach?", "кем он работает?"); each one's share after two categories compared ("비율로 치면?"); the half-year that holds the quarter
just asked ("а за полугодие?"; H2 2023 has no figure: refused).
Run: ``python -m tests.eval.make_dialogues_probe11``.
"""

from __future__ import annotations

import json
from pathlib import Path

OUT = Path(__file__).resolve().parent / "dialogues_probe11.jsonl"

NK = {"2022": 223, "Q1": 153, "Q2": 213, "Q3": 365}
P = {"business": 253, "education": 24, "personal": 23, "maintenance": 23, "work": 3}
T = {"air": 213, "rail": 134, "road": 31, "foot": 13, "water": 13}
RU = {"H1": 222, "Q3": 544}
JAN_SEP = NK["Q1"] + NK["Q2"] + NK["Q3"]


def pct(a: float, b: float) -> str:
    return f"{100 * a / b:.1f}"


def t(q: str, inc: list[str] | None = None, expect: str = "answer", not_: list[str] | None = None) -> dict:
    return {"q": q, "expect": expect, "must_include": inc or [], "must_not_include": not_ or []}


assert JAN_SEP == 731 and pct(P["business"] + P["education"], NK["Q3"]) == "75.9"
CONV = [
    # a category added to the ones just given
    ("en", ["add_named", "sum"], [t("Q3 2023: how many North Koreans arrived in Russia for work?", ["3"]),
                                  t("plus business?", [str(P["work"] + P["business"])])]),
    ("en", ["add_named", "sum_share"], [t("What share of Q3 2023 North Korean arrivals in Russia were business trips?", ["69.3"]),
                                        t("including education?", [pct(P["business"] + P["education"], NK["Q3"])])]),
    ("en", ["add_named", "sum", "sum_share"], [t("How many North Koreans reached Russia by rail in Q3 2023?", ["134"]),
                                               t("and by road?", ["31"]),
                                               t("plus water?", [str(T["rail"] + T["road"] + T["water"])]),
                                               t("as a share?", [pct(T["rail"] + T["road"] + T["water"], NK["Q3"])])]),
    ("ko", ["add_named", "sum"], [t("2023년 3분기 사업 목적으로 러시아에 간 북한 주민은?", ["253"]),
                                  t("교육까지 합치면?", [str(P["business"] + P["education"])])]),
    ("ko", ["add_named", "sum_share"], [t("3분기 철도로 러시아에 입국한 북한 주민 비율은?", ["36.7"]),
                                        t("항공편도 포함하면?", [pct(T["rail"] + T["air"], NK["Q3"])])]),
    ("ru", ["add_named", "sum", "sum_share"], [t("Сколько северокорейцев приехали в Россию учиться в 3 квартале 2023?", ["24"]),
                                               t("плюс по работе?", [str(P["education"] + P["work"])]),
                                               t("а в процентах?", [pct(P["education"] + P["work"], NK["Q3"])])]),
    ("ru", ["add_named", "sum_share"], [t("Какая доля северокорейцев въехала в Россию по воздуху в 3 квартале?", ["58.4"]),
                                        t("вместе с автотранспортом?", [pct(T["air"] + T["road"], NK["Q3"])])]),
    # the share of a set of three
    ("en", ["sum_share", "three"], [t("Q3 2023 North Koreans entering Russia for education, personal reasons and vehicle maintenance, combined?",
                                      [str(P["education"] + P["personal"] + P["maintenance"])]),
                                    t("what share is that?", [pct(P["education"] + P["personal"] + P["maintenance"], NK["Q3"])])]),
    ("ko", ["sum_share", "three"], [t("3분기 러시아에 입국한 북한 주민 중 도로, 도보, 선박을 합치면?", [str(T["road"] + T["foot"] + T["water"])]),
                                    t("비율은?", [pct(T["road"] + T["foot"] + T["water"], NK["Q3"])])]),
    # the share of "everyone but"
    ("en", ["complement", "share"], [t("How many Russians entering North Korea in Q3 2023 came for something other than business?",
                                       [str(RU["Q3"] - 196)]),
                                     t("as a percentage?", [pct(RU["Q3"] - 196, RU["Q3"])])]),
    # who said that, after unnamed experts
    ("en", ["who_said", "experts"], [t("What do experts believe about North Koreans coming to work?", ["three or more"]),
                                     t("who said that?", ["Lankov"], not_=["Lankov said it"])]),
    ("ru", ["who_said", "experts"], [t("Что думают эксперты о северокорейцах, приезжающих на работу?", ["3"]),
                                     t("кто так считает?", ["Ланьков"])]),
    # a period against the average just given
    ("en", ["multiple_of_average"], [t("North Koreans entering Russia in 2022?", ["223"]),
                                     t("quarterly average?", ["55.8"]),
                                     t("how many times that was Q3 2023?", [f"{NK['Q3'] / (NK['2022'] / 4):.2f}"])]),
    ("ko", ["multiple_of_average"], [t("2022년 러시아에 입국한 북한 주민은?", ["223"]),
                                     t("분기 평균은?", ["55.8"]),
                                     t("2023년 2분기는 그 몇 배야?", [f"{NK['Q2'] / (NK['2022'] / 4):.2f}"])]),
    # another part of the same span
    ("en", ["span_share"], [t("What fraction of the North Koreans entering Russia in January-September 2023 came in Q2?",
                              [pct(NK["Q2"], JAN_SEP)]),
                            t("and Q1?", [pct(NK["Q1"], JAN_SEP)]),
                            t("Q3?", [pct(NK["Q3"], JAN_SEP)])]),
    ("ko", ["span_share"], [t("2023년 1~9월 러시아에 입국한 북한 주민 중 3분기 비중은?", [pct(NK["Q3"], JAN_SEP)]),
                            t("2분기는?", [pct(NK["Q2"], JAN_SEP)])]),
    # absolute terms after a % change
    ("en", ["absolute"], [t("By what percentage did North Korean arrivals in Russia grow from Q2 to Q3 2023?", [pct(NK["Q3"] - NK["Q2"], NK["Q2"])]),
                          t("and in raw numbers?", [str(NK["Q3"] - NK["Q2"])])]),
    ("ru", ["absolute"], [t("На сколько процентов выросло число россиян, въехавших в КНДР, в 3 квартале 2023 по сравнению с первым полугодием?",
                            [pct(RU["Q3"] - RU["H1"], RU["H1"])]),
                          t("а в абсолютных цифрах?", [str(RU["Q3"] - RU["H1"])])]),
    # the filter dropped after a refusal, with the group named again
    ("en", ["after_fallback", "overall"], [t("How many North Koreans came to Russia by train in Q2 2023?", expect="fallback"),
                                           t("and North Koreans overall that quarter?", [str(NK["Q2"])])]),
    ("ko", ["after_fallback", "overall"], [t("2023년 3분기 항공편으로 북한에 간 러시아인은?", expect="fallback"),
                                           t("그럼 러시아인 전체는?", [str(RU["Q3"])])]),
    ("ru", ["after_fallback", "overall"], [t("Сколько россиян поехали в КНДР поездом в 3 квартале?", expect="fallback"),
                                           t("а сколько всего россиян тогда?", [str(RU["Q3"])])]),
    # the person last named: the report's profile of them
    ("en", ["profile", "pronoun"], [t("What did Andrei Lankov say about trade between the two countries?", ["trade"]),
                                    t("which university is he at?", ["Kookmin"])]),
    ("en", ["profile", "pronoun"], [t("When did Choe Son Hui visit Russia?", ["January"]),
                                    t("what's her position?", ["Foreign Minister"])]),
    ("ko", ["profile", "pronoun"], [t("북러 교역에 대해 란코프는 뭐라고 했어?", ["란코프"]),
                                    t("그는 어디서 가르쳐?", ["국민대"])]),
    ("ru", ["profile", "pronoun"], [t("Что Ланьков говорит о торговле между двумя странами?", ["Ланьков"]),
                                    t("а где он преподаёт?", ["Кукмин"])]),
    # as shares, after two categories of one period set side by side
    ("en", ["pair_share"], [t("How many more North Koreans came to Russia by air than by rail in Q3 2023?", [str(T["air"] - T["rail"])]),
                            t("and as shares?", [pct(T["air"], NK["Q3"]), pct(T["rail"], NK["Q3"])])]),
    ("ko", ["pair_share"], [t("3분기 교육 목적으로 러시아에 간 북한 주민과 개인 사유로 간 북한 주민을 비교하면?", ["24", "23"]),
                            t("비율로 치면?", [pct(P["education"], NK["Q3"]), pct(P["personal"], NK["Q3"])])]),
    ("ru", ["pair_share"], [t("На сколько больше северокорейцев въехали в Россию поездом, чем автотранспортом, в 3 квартале 2023?",
                              [str(T["rail"] - T["road"])]),
                            t("а в процентах от общего числа?", [pct(T["rail"], NK["Q3"]), pct(T["road"], NK["Q3"])])]),
    # ordinals after a ranking, follow-ups after a refusal, a topic switch that must drop the old filter
    ('en', ['ordinal'], [t('Which purpose was most common for North Koreans in Q3 2023?', ['business']),
         t('and the next one?', ['education']),
         t('third?', ['23'])]),
    ('ko', ['ordinal'], [t('3분기 북한 주민이 가장 많이 이용한 교통수단은?', ['213']),
         t('그다음은?', ['134']),
         t('세 번째는?', ['31'])]),
    ('ru', ['ordinal'], [t('Какой вид транспорта северокорейцы чаще всего использовали в 3 квартале 2023?', ['213']),
         t('а на втором месте?', ['134']),
         t('а на последнем?', ['13'])]),
    ('en', ['ordinal'], [t('Rank the transport modes North Koreans used in Q3 2023', ['213']),
         t('what came second?', ['134']),
         t('and after that?', ['31'])]),
    ('en', ['ordinal', 'quarters'], [t('Which quarter of 2023 had the most North Korean arrivals in Russia?', ['365']),
         t('and the runner-up?', ['213']),
         t('the quietest?', ['153'])]),
    ('en', ['after_fallback'], [t('How many North Koreans entered Russia by air in Q2 2023?', expect='fallback'),
         t('and in Q3?', ['213']),
         t('as a share?', ['58.4'])]),
    ('en', ['topic_switch'], [t('How many North Koreans came for business in Q3 2023?', ['253']),
         t('How many Russians went to North Korea in the first half of 2023?', ['222'], not_=['business']),
         t('and in Q3?', ['544'])]),
    ('ru', ['topic_switch'], [t('Сколько северокорейцев приехали в Россию на учёбу в 3 квартале?', ['24']),
         t('Сколько всего северокорейцев въехало в Россию в 2022 году?', ['223']),
         t('а в первом квартале 2023?', ['153'])]),
    ('ko', ['after_fallback'], [t('2023년 2분기 철도로 러시아에 간 북한 주민은?', expect='fallback'),
         t('3분기는?', ['134']),
         t('비율은?', ['36.7'])]),
    ('ru', ['after_fallback'], [t('Сколько россиян въехали в КНДР в 2022 году?', expect='fallback'),
         t('а в третьем квартале 2023?', ['544']),
         t('а по делам?', ['196'])]),
    ('en', ['ordinal'], [t('What was the least common purpose for North Koreans entering Russia in Q3 2023?', ['work']),
         t('and the second least?', ['23'])]),
    ('ko', ['ordinal'], [t('3분기 북한 주민 방문 목적 순위는?', ['253']),
         t('2위는?', ['24']),
         t('꼴찌는?', ['3'])]),
    # the half-year holding the quarter just asked
    ("en", ["bare_half", "after_fallback"], [t("How many Russians travelled to North Korea in Q1 2023?", expect="fallback"),
                                             t("what about that half-year?", [str(RU["H1"])]),
                                             t("how many times bigger was Q3?", [f"{RU['Q3'] / RU['H1']:.2f}"])]),
    ("ko", ["bare_half", "after_fallback"], [t("2023년 2분기 북한에 입국한 러시아인은?", expect="fallback"),
                                             t("그럼 반기 전체는?", [str(RU["H1"])])]),
    ("ru", ["bare_half"], [t("Сколько северокорейцев въехали в Россию в 3 квартале 2023?", [str(NK["Q3"])]),
                           t("а за полгода?", expect="fallback", not_=[str(NK["Q3"])])]),
    # a ratio after a category comparison
    ("en", ["category_compare", "ratio"], [t("How many more North Koreans came to Russia for business than for education in Q3 2023?",
                                             [str(P["business"] - P["education"])]),
                                           t("how many times?", [f"{P['business'] / P['education']:.2f}"])]),
]


def main() -> None:
    lines = []
    counts: dict[str, int] = {}
    for lang, tags, turns in CONV:
        counts[lang] = counts.get(lang, 0) + 1
        lines.append(json.dumps({"id": f"probe11-{lang}-{counts[lang]:03d}", "lang": lang, "turns": turns,
                                 "tags": [lang, *tags]}, ensure_ascii=False))
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
