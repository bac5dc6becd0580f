"""The third stage: an extraction becomes a :class:`QuestionFrame`, the typed meaning of a question.

The measure is composed from what the question names, not looked up in a list of question
types: "average" plus a unit of time is an average per unit; that plus "times" and a second
period is a multiple of that period's average; "percentage points" with two shares is a gap in
points; two or more categories with "share" is the share of a set. A question none of these fit
keeps the matcher's intent (``legacy_intent``), which the older intent handlers answer.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from handlers.language import ends_in_a_predicate, script_of
from handlers.lexicon import tokens
from handlers.model import CategoryRef, QuestionFrame
from handlers.periods import PeriodMention
from handlers.understanding.extract import Extraction

# Cue groups (data/cues.csv) that name a unit of time for an average, and the unit they name.
UNIT_CUES = {"avg_day": "day", "avg_month": "month", "avg_quarter": "quarter"}
# Plain unit words that make "average" an average per unit ("average month", "mean per quarter").
UNIT_WORDS = {"day": "day", "days": "day", "daily": "day", "month": "month", "months": "month", "monthly": "month",
              "quarter": "quarter", "quarterly": "quarter", "quarters": "quarter", "qtrly": "quarter", "qtr": "quarter",
              "mthly": "month", "mnthly": "month", "mnth": "month", "mth": "month"}
# Russian ("в среднем на день", "среднее ... за квартал", "средний дневной"), read into lemmas by the
# same analyser as the question on first use ("дневной" is "дневный" to pymorphy3).
RU_UNIT_WORDS = {"день": "day", "сутки": "day", "месяц": "month", "квартал": "quarter", "дневной": "day",
                 "суточный": "day", "ежедневный": "day", "месячный": "month", "квартальный": "quarter"}
COMPARE_CUES = {"change"}
NEGATION_WORDS = frozenset({"except", "excluding", "exclude", "other", "besides", "apart", "aside", "not", "without", "neither",
                            "minus", "but", "non", "take", "taking", "leave", "leaving", "didn't", "weren't", "wasn't"})
# "air as a share of rail", "Q3 as a percentage of 2022": a ratio between two named things, not a share of the total.
RATIO_RE = re.compile(r"\bas an? (?:share|percentage|proportion|percent|%|fraction|multiple) of\b|\brelative to\b"
                      r"|/\s*(?:the\s+)?total\b|\bover (?:the )?total\b|\bdivided by (?:the )?total\b")  # "(biz + edu) / total"
# "nk biz pct q3 vs ru biz pct q3": a percent word on each side names a share per side, not a change.
PERCENT_TOKENS = frozenset({"pct", "percent", "percentage", "share", "proportion"})
FRACTION_WORDS = frozenset({"half", "majority", "third", "thirds", "two-thirds", "fraction", "proportion",
                            "половина", "большинство", "треть", "четверть"})  # Russian lemmas
PERCENT_OF_RE = re.compile(r"\b(?:what|which)\s+(?:percent|percentage|per cent|%)\s+of\b")  # "what percent of Russians ..."
SHARE_WORDS = frozenset({"share", "shares", "proportion", "proportions", "доля"})  # a share itself, not "by what percent"
MULTIPLE_WORDS = frozenset({"times", "multiple", "x", "double", "doubled", "twice", "triple", "tripled", "thrice",
                            "раз", "배"})  # "во сколько раз", "몇 배"
NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                "ten": 10, "eleven": 11, "twelve": 12, "twenty": 20, "thirty": 30, "hundred": 100}
THRESHOLD_WORDS = frozenset({"exceed", "exceeded", "exceeds", "over", "above", "more", "than", "least", "below", "under",
                             "fewer", "less", "beyond", "surpass", "surpassed", "top", "topped", "reach", "reached"})
YES_NO_OPENERS = frozenset({"did", "was", "were", "is", "are", "do", "does", "has", "have"})  # "Did 300 come for work?"
CHECK_CUES = {"check_figure", "claim", "claim_weak"}  # the question states a figure and asks whether it holds
# Words that set one thing against another even where no change cue fires ("more ... than").
# Verbs of one side doing better than the other, in every form a question uses ("did air outnumber ...?").
OUTDO_WORDS = frozenset({"exceed", "exceeded", "exceeds", "beat", "beats", "outnumber", "outnumbered", "outnumbers",
                         "outstrip", "outstripped", "outstrips", "surpass", "surpassed", "surpasses", "outpace",
                         "outpaced", "outpaces", "topped", "overtake", "overtook", "overtaken"})
COMPARE_WORDS = frozenset({"than", "vs", "versus", "against", "compared", "compare", "ahead"}) | OUTDO_WORDS
KO_THAN = frozenset({"보다"})  # the Korean comparison particle, after what it compares against
# "than all the others", "나머지보다", "чем все остальные": the rest of a dimension's categories, as a set.
# ("다른 교통수단 전부", "все другие виды": the other categories, as Korean and Russian say it)
REST_WORDS = frozenset({"other", "others", "rest", "remaining", "나머지", "다른", "остальной", "прочий", "другой"})
FACT_ASPECT_WORDS = {"who": "who", "whom": "who", "whose": "who", "when": "when", "where": "where", "why": "why"}
# Korean and Russian put "how many" anywhere in the sentence ("... 몇 명이에요?").
HOW_MANY_ANYWHERE = frozenset({"сколько", "몇", "얼마나"})


@lru_cache(maxsize=1)
def _ru_unit_words() -> dict[str, str]:
    return {**UNIT_WORDS, **{lemma: unit for word, unit in RU_UNIT_WORDS.items() for lemma in tokens(word)}}


def _time_unit(ex: Extraction) -> str | None:
    for cue, unit in UNIT_CUES.items():
        if cue in ex.cues:
            return unit
    if "average" in ex.cues:
        words = _ru_unit_words() if any(script_of(t) == "ru" for t in ex.toks) else UNIT_WORDS
        unit = next((words[t] for t in ex.toks if t in words), None)
        spans = [p for p in ex.periods if p.kind == "quarter"]
        # "the average of Q1, Q2 and Q3": an average per quarter over the quarters named.
        # ... and over a range of quarters ("the Q1-Q3 2023 average", "1~3분기 평균").
        ranged = len(ex.periods) == 1 and ex.periods[0].kind == "quarters"
        return unit or ("quarter" if len(spans) >= 2 and len(spans) == len(ex.periods) or ranged else None)
    return None


EXACT_AMOUNT_WORDS = frozenset({"exact", "exactly", "precise", "precisely"})
AMOUNT_NOUNS = frozenset({"number", "figure", "count", "headcount", "total", "tally", "amount"})


def fact_aspect(ex: Extraction) -> str | None:
    """What a fact question asks for: who, when, where, how many, what was said, why (or None)."""
    # "how many ...", also after a qualifier ("exactly how many", "so how many").
    opening = list(zip(ex.toks[:3], ex.toks[1:4]))
    # "how big was the delegation?", "how large a group?": a size, which is an amount too.
    if ("duration_question" in ex.cues or ("how", "many") in opening or ("how", "much") in opening
            or ("how", "big") in opening or ("how", "large") in opening or HOW_MANY_ANYWHERE & set(ex.toks)
            or EXACT_AMOUNT_WORDS & set(ex.toks) and AMOUNT_NOUNS & set(ex.toks)):
        return "how_many"  # "what's his exact number?": an amount, in digits
    if "speech" in ex.cues:
        return "what_said"
    for tok in ex.toks[:4]:
        if tok in FACT_ASPECT_WORDS:
            return FACT_ASPECT_WORDS[tok]
    return None


WHOLE_BEFORE = frozenset({"all", "whole", "full", "entire", "full-year", "calendar"})  # "all of 2023", "full-year 2023"
WHOLE_AFTER = ("as a whole", "in full", "in its entirety", "full year", "full-year", "whole year", "total year")


def whole_span_asked(ex: Extraction, mention: PeriodMention | None = None) -> bool:
    """Does the question ask for a span as a whole ("all of 2023", "full-year", "2023 as a whole")?

    Recorded in the frame. A span the data covers only in part is answered from its parts either
    way, labelled as partial and naming the quarter missing (tests/eval/blind/SPEC.md: "2023 as a
    whole" is the sum of the quarters the data has), alone or in a comparison. With ``mention``, only the words next to that period count ("2023 so far against full-year
    2022" asks 2022 whole, not 2023); a whole-span word elsewhere counts when it is the only period.
    """
    mentions = [mention] if mention is not None else list(ex.periods)
    text = ex.text.lower()
    for m in mentions:
        if m.kind == "ytd" or not m.span or m.span == (0, 0):
            continue
        before = set(text[:m.span[0]].replace("-", " - ").split()[-2:]) | set(text[:m.span[0]].split()[-2:])
        after = text[m.span[1]:].lstrip(" ,")
        if before & WHOLE_BEFORE or after.startswith(WHOLE_AFTER):
            return True
    named = [m for m in ex.periods if m.kind not in ("latest", "previous", "relative")]
    return "whole_span" in ex.cues and len(named) <= 1 and not any(m.kind == "ytd" for m in named)


def _negates_a_base(ex: Extraction) -> bool:
    """ "Business share of the published purposes, not of the total": the negation sets aside a
    base ("not of", "not as"), not a category; every negation word of the question does."""
    at = [i for i, t in enumerate(ex.toks) if t in NEGATION_WORDS]
    return bool(at) and all(i + 1 < len(ex.toks) and ex.toks[i + 1] in ("of", "as") for i in at)


def _minus_between(categories: tuple[CategoryRef, ...], ex: Extraction) -> bool:
    """ "rail minus road", "air less rail": a subtraction word between two named categories asks
    their difference, not everything but the second."""
    a, b = sorted(c.pos for c in categories)
    return a >= 0 and any(ex.toks[i] in ("minus", "subtract", "subtracting") for i in range(a + 1, min(b, len(ex.toks))))


def build_frame(ex: Extraction, legacy_intent: str | None) -> QuestionFrame:
    """What the question asks for, composed from the parts extraction found."""
    categories = tuple(CategoryRef(d, c, ex.category_at.get((d, c), -1)) for d, c, _ in ex.categories)
    excluded: tuple[CategoryRef, ...] = ()
    compares = bool(ex.cues.keys() & COMPARE_CUES) or any(t in COMPARE_WORDS for t in ex.toks)
    rest = _against_the_rest(categories, ex, compares)
    if rest:
        categories = rest  # the others are every other category the data has, whatever the question lists
    elif "negation" in ex.cues and categories and not _negates_a_base(ex):
        # "everything except business and education": the categories named after the negation.
        at = next((i for i, t in enumerate(ex.toks) if t in NEGATION_WORDS), ex.cue_start.get("negation", -1))
        after = tuple(c for c in categories if c.pos > at) if at >= 0 else categories
        before = tuple(c for c in categories if c.pos < at) if at >= 0 else ()
        listed = _restated_in_brackets(ex)
        if listed is not None and len(after) > 1 and any(c.pos < listed for c in after):
            # "purposes other than business (education, personal, ...)": the brackets restate the
            # others; only what stands before them is excluded.
            categories = after = tuple(c for c in after if c.pos < listed)
        # Korean puts the word after what it sets aside ("항공 말고 열차·차량…", "사업 목적 빼고 …"):
        # the categories before it are excluded; those after it restate the others.
        set_aside = tuple(c for c in categories if 0 <= c.pos < ex.cue_start.get("negation_after", -1))
        if set_aside and len(categories) > 1:
            excluded, categories = set_aside, ()
        elif (len(after) == len(categories) >= 3 and ex.cues.keys() & {"combine", "sum_given"}
              and len({c.dimension for c in categories}) == 1 and len({c.pos for c in after}) == len(after)):
            # "Сколько не самолётом, если сложить поезд, автомобиль, пешком и воду?": the negation sets
            # aside the first category; the ones listed after it are summed (never every category
            # set aside, which leaves the total minus more than it holds).
            first = min(after, key=lambda c: c.pos)
            excluded, categories = (first,), tuple(c for c in after if c is not first)
        elif len(categories) == 1 or len(after) == len(categories):
            excluded, categories = categories, ()
        elif before and after and ex.cues.keys() & {"combine", "sum_given"} and len(before) + len(after) == len(categories):
            # "Add up rail, road, foot and water, without air": the sum of what is listed, and
            # what the negation names set aside (never summed in, never the whole list excluded).
            excluded, categories = after, before
    citizens = next((m.id for m in ex.countries if m.role == "citizens"), None)
    destination = next((m.id for m in ex.countries if m.role == "destination"), None)
    real_periods = tuple(p for p in ex.periods if p.kind not in ("latest",))
    unit = _time_unit(ex)
    share = "share" in ex.cues
    comparison: str | None = None
    # Korean asks yes or no by its ending alone ("554명이었나요?"): no question word, a predicate last.
    asks_yes_no = bool(ex.toks) and (ex.toks[0] in YES_NO_OPENERS or (
        script_of(ex.text) == "ko" and "question_word" not in ex.cues and "?" in ex.text and ends_in_a_predicate(ex.text)))
    # "Did arrivals exceed 500 in Q3?" states a threshold: a check, though "exceed" is a change cue.
    threshold = asks_yes_no and bool(THRESHOLD_WORDS & set(ex.toks)) and len(real_periods) <= 1 and not any(
        p.kind in ("previous", "relative") for p in ex.periods)
    states_figure = (bool(ex.cues.keys() & CHECK_CUES or asks_yes_no) and bool(_stated_amounts(ex))
                     and "share" not in ex.cues and ("change" not in ex.cues or threshold))
    # "월평균 150명이라고 써도 되나?": a number stated per month or day is an average; the average
    # (the total divided evenly) answers it, and the total is no check of it.
    if ("all_figures" in ex.cues and not categories and not excluded and unit is None and not states_figure
            and not ex.cues.keys() & {"combine", "sum_given", "change"}  # "everything on 2023, added up?" asks a sum
            and legacy_intent not in ("fact", "sources", "caveats", "help", "coverage")):
        # "All the figures for Russians", "everything on Q3": every figure of that subject or period,
        # not the one a plain total or series would give.
        measure = "all_figures"
    elif states_figure and unit is None and legacy_intent in ("total", "category", "share", "complement", "breakdown", "ranking",
                                           "compare_periods", "series", None) and len(categories) <= 1:
        measure = "check"
    elif rest:
        measure, comparison = "difference", "rest"
    elif unit is not None and not GROWTH_ASKED & set(ex.toks) and (
            legacy_intent in (None, "total", "compare_periods", "series", "category", "share", "breakdown", "ranking",
                              "compare_directions")):
        # ("average quarterly growth" asks for an average of changes, which is not this measure)
        measure = "average_per_unit"
        spans = {p.m2 - p.m1 + 1 for p in real_periods if p.kind in ("quarter", "half", "year", "months", "quarters")}
        if len(real_periods) >= 2 and (MULTIPLE_WORDS & set(ex.toks) or compares and len(spans) > 1):
            measure, comparison = "multiple_of_average", "periods"
    elif ("pp_gap" in ex.cues and share and len(categories) + len(excluded) == 2 and excluded
          and len({c.dimension for c in categories + excluded}) == 1):
        # "항공 비중에서 자동차 비중 빼면 몇 %p?": a share minus a share, in points, is their gap; the
        # minus word is the subtraction, not a category set aside.
        measure, comparison = "pp_gap", "shares"
        categories, excluded = tuple(sorted(categories + excluded, key=lambda c: c.pos)), ()
    elif "pp_gap" in ex.cues and (len(categories) == 2 or (categories and (len(ex.countries) >= 2
                                                                          or "both_directions" in ex.cues))):
        measure, comparison = "pp_gap", "shares"  # two shares named: of two categories, or of two directions
    elif (share and len(categories) == 1 and (SHARE_WORDS & set(ex.toks) or PERCENT_OF_RE.search(ex.text)
                                              or sum(t in PERCENT_TOKENS for t in ex.toks) >= 2) and not excluded
          and (len({m.id for m in ex.countries if m.role == "citizens"}) >= 2 or "both_directions" in ex.cues)):
        # "Russians' business share compared with North Koreans'": one category's share in two directions.
        measure, comparison = "pp_gap", "shares"
    elif (share and len(categories) == 2 and categories[0].dimension == categories[1].dimension
          and (SHARE_WORDS & set(ex.toks) and compares or "minus" in ex.toks)):
        measure, comparison = "pp_gap", "shares"  # "education share minus personal share"
    elif (len(categories) == 2 and categories[0].dimension == categories[1].dimension and not excluded
          and not ex.cues.keys() & {"combine", "sum_given"} and _minus_between(categories, ex)):
        measure, comparison = "difference", "categories"  # "rail minus road": one category less the other
    elif len(categories) >= 2 and len({c.dimension for c in categories}) == 1 and (
            compares and _one_against_rest(categories, ex) or _ratio_to_a_category(categories, ex)
            or _genitive_base(categories, ex)):
        measure, comparison = "difference", "categories"
    elif len(categories) >= 2 and len({c.dimension for c in categories}) == 1 and compares and (
            ordered := _one_before_than(categories, ex)):
        measure, comparison, categories = "difference", "categories", ordered
    elif len(categories) >= 3 and len({c.dimension for c in categories}) == 1 and (
            ordered := _set_then_base(categories, ex, compares)):
        measure, comparison, categories = "difference", "categories", ordered
    elif len(categories) >= 2 and len({c.dimension for c in categories}) == 1 and _either_of_two(categories, ex, compares):
        measure, comparison = "difference", "categories"
    elif len(categories) >= 2 and len({c.dimension for c in categories}) == 1 and RATIO_RE.search(ex.text):
        measure = "share"  # "air and rail together, as a share of Q3": the set's share of the total
    elif len(categories) >= 2 and len({c.dimension for c in categories}) == 1 and share and not compares:
        measure = "share"
    elif len(categories) == 1 and not excluded and len(real_periods) <= 1 and _fraction_named(ex):
        measure = "share"  # "did more than half come on business?": a share, whatever else it compares
    elif excluded and (legacy_intent in ("complement", "category", "total", "share") or "combine" in ex.cues
                       and legacy_intent in (None, "caveats", "fact", "breakdown") and not _asks_why(ex)):
        # "All the listed purposes except work add up to what?": a sum over a set, whatever else
        # "add up" may cue ("why don't they add up?" asks about the caveat instead).
        measure = "sum"
    elif legacy_intent == "fact":
        measure = "fact"
    else:
        measure = legacy_intent or "count"
    return QuestionFrame(measure=measure, citizens=citizens, destination=destination,
                         both_directions="both_directions" in ex.cues, periods=real_periods, categories=categories,
                         excluded=excluded, dimensions=tuple(ex.dimensions), comparison=comparison, time_unit=unit,
                         fact_aspect=fact_aspect(ex) if measure == "fact" else None,
                         stated_numbers=tuple(ex.numbers), uncovered=tuple(ex.unknown), legacy_intent=legacy_intent,
                         whole_span=whole_span_asked(ex))


FRACTION_PARTS = frozenset({"third", "thirds", "quarter", "quarters", "half", "halves", "fifth", "fifths", "tenth", "tenths"})
GROWTH_ASKED = frozenset({"growth", "grew", "increase", "increases", "rise", "rises", "change", "changes", "decline"})
SPAN_UNITS = frozenset({"month", "months", "quarter", "quarters", "year", "years", "week", "weeks", "day", "days"})


def _stated_amounts(ex: Extraction) -> list[str]:
    """Numbers and number words the question states as figures. "The nine months of 2023", "three
    quarters" name a span, not a figure to check."""
    out = []
    for i, t in enumerate(ex.toks):
        after = ex.toks[i + 1] if i + 1 < len(ex.toks) else ""
        if (t in NUMBER_WORDS or t in ex.numbers) and after not in SPAN_UNITS and after not in FRACTION_PARTS:
            out.append(t)
    # Numbers that did not survive as tokens (a figure the tokenizer split) still count.
    return out or [n for n in ex.numbers if n not in ex.toks]


def _fraction_named(ex: Extraction) -> bool:
    """ "more than half", "a third", "two-thirds": a fraction of the total. "Third" alone after
    "the", "for" or "ranks" is an ordinal ("is there a tie for third?"), not a fraction."""
    for i, t in enumerate(ex.toks):
        if t in FRACTION_WORDS and (t != "third" or i > 0 and ex.toks[i - 1] in ("a", "one")):
            return True
        if t in ("quarter", "quarters") and i > 0 and ex.toks[i - 1] in QUARTER_FRACTION_BEFORE and _counts_people_after(ex.toks, i):
            return True  # "three-quarters came on business", "a quarter of the 365": not three periods
    return False


QUARTER_FRACTION_BEFORE = frozenset({"a", "one", "three"})
_FRACTION_VERBS = frozenset({"came", "come", "were", "was", "arrived", "entered", "travelled", "traveled", "went", "are"})


def _counts_people_after(toks: list[str], i: int) -> bool:
    """After "three quarters": a verb of the people counted, or "of" the figure or of them (never
    "of 2023" or "of the year", which make it a span of quarters)."""
    nxt = toks[i + 1:i + 3]
    if not nxt:
        return False
    if nxt[0] in _FRACTION_VERBS:
        return True
    return nxt[0] == "of" and len(nxt) > 1 and (nxt[1] in ("them", "those", "all", "arrivals", "entrants", "visitors")
                                               or nxt[1].isdigit() and not re.fullmatch(r"(?:19|20)\d\d", nxt[1])
                                               or nxt[1] == "the" and i + 3 < len(toks) and toks[i + 3].isdigit()
                                               and not re.fullmatch(r"(?:19|20)\d\d", toks[i + 3]))


def _asks_why(ex: Extraction) -> bool:
    """ "Why don't the purposes add up?", "do they add up?": the caveat is asked, not a sum."""
    return bool({"why", "don't", "doesn't", "not", "discrepancy", "mismatch"} & set(ex.toks)) or (
        bool(ex.toks) and ex.toks[0] in YES_NO_OPENERS)


def _ratio_to_a_category(categories: tuple[CategoryRef, ...], ex: Extraction) -> bool:
    """ "air as a share of rail": the base named after "as a share of" is a category. When it is
    a period or the total ("foot and water together, as a share of Q3"), the categories form one
    set whose share of the total is asked."""
    m = RATIO_RE.search(ex.text)
    if m is None:
        return False
    at = len(tokens(ex.text[:m.end()]))
    return any(c.pos >= at for c in categories)


_GENITIVE = "의"  # the Korean genitive particle, as the analyser gives it
_TOPIC = frozenset({"은", "는", "이", "가"})  # Korean topic and subject particles


def _genitive_base(categories: tuple[CategoryRef, ...], ex: Extraction) -> bool:
    """ "철도는 항공의 몇 퍼센트야?", "차량 이용자는 도보의 몇 배?": Korean names the base of a
    ratio with the genitive after it, and the thing measured as the topic before it. Then the
    last category is what the first is measured against, not a member of one set ("항공과 철도의
    비율": joined, no topic) whose share of the total is asked."""
    first, last = min(c.pos for c in categories), max(c.pos for c in categories)
    if len(categories) > 2:
        # "사업 목적 인원은 교육·개인·차량정비·노동 네 목적을 합친 인원의 몇 배?": the topic, then
        # the set it is measured against, summed ("합친 인원") before the genitive.
        second = sorted(c.pos for c in categories)[1]
        return (_GENITIVE in ex.toks[last + 1:last + 8] and bool(_TOPIC & set(ex.toks[first + 1:second]))
                and "combine" in ex.cues and bool(ex.cues.keys() & {"share", "ratio_given"}))
    return (len(categories) == 2 and _GENITIVE in ex.toks[last + 1:last + 4] and bool(_TOPIC & set(ex.toks[first + 1:last]))
            and bool(ex.cues.keys() & {"share", "ratio_given"}))


# A colon or "то есть" / "а именно" opens the list as well ("кроме деловых: учёбу, личные, ...").
_RESTATED_RE = re.compile(r"\(|\bi\.?\s?e\.?(?=[\s,])|\bnamely\b|\bthat is,|:|\bто есть\b|\bа именно\b")


def _one_against_rest(categories: tuple[CategoryRef, ...], ex: Extraction) -> bool:
    """ "rail compared with air and road together", "by what percent did air exceed rail": a
    comparison word stands between the first category and the others."""
    cue_positions = [i for i, t in enumerate(ex.toks) if t in OUTDO_WORDS or t in {"than", "vs", "versus", "against", "over",
                                                               "compared", "compare", "more", "ahead", "with",
                                                               # Russian lemmas: "больше, чем ...", "против", "превысить"
                                                               "чем", "против", "сравнение", "превысить", "превышать",
                                                               "обогнать", "превосходить"}]
    first = min(c.pos for c in categories)
    rest = [c.pos for c in categories if c.pos != first]
    return any(first < p <= min(rest) for p in cue_positions) if rest else False


# "air or overland, which was bigger?", "항공과 육로 중 어느 쪽이 많았어?", "самолётом или по суше
# больше?": two sides offered as alternatives, and which is more asked.
EITHER_WORDS = frozenset({"or", "или", "либо", "중"})
WHICH_WORDS = frozenset({"which", "어느", "어떤", "какой", "что", "где"})
MORE_WORDS = frozenset({"more", "bigger", "larger", "higher", "most", "많다", "적다", "크다", "больше", "меньше",
                        "больший", "большой", "маленький", "популярный"})


def _either_of_two(categories: tuple[CategoryRef, ...], ex: Extraction, compares: bool) -> bool:
    """Two sides (a category, or a named set whose members share a position) offered as either
    one or the other, with "which is more" asked: the category comparison, never their sum."""
    sides = sorted({c.pos for c in categories})
    toks = set(ex.toks)
    if len(sides) != 2 or not EITHER_WORDS & toks:
        return False
    return bool(MORE_WORDS & toks or compares) and bool(WHICH_WORDS & toks or "или" in toks or "or" in toks)


_RU_THAN = frozenset({"чем"})


def _set_then_base(categories: tuple[CategoryRef, ...], ex: Extraction, compares: bool) -> tuple[CategoryRef, ...]:
    """A set named first, then what it is set against, named last: "Поездом, на машинах, пешком и
    по воде вместе больше, чем самолётом?" (after "чем"), "교육·개인·차량정비를 합쳐도 사업의 몇
    %야?" (the base with the genitive). Returns the set at one position, then the base; or ()."""
    listed = sorted(categories, key=lambda c: c.pos)
    last = listed[-1]
    before = ex.toks[listed[-2].pos + 1:last.pos]
    ru_than = compares and bool(_RU_THAN & set(before))
    ko_base = (_GENITIVE in ex.toks[last.pos + 1:last.pos + 3] and bool(ex.cues.keys() & {"share", "ratio_given"})
               and "combine" in ex.cues and not _TOPIC & set(ex.toks[listed[0].pos + 1:listed[1].pos]))
    if not (ru_than or ko_base):
        return ()
    at_one = listed[0].pos
    return (*(replace(c, pos=at_one) for c in listed[:-1]), last)


# Particles that end a Korean list of categories: a topic, subject, object or genitive marker
# ("사업은 교육·개인보다": 은 sets 사업 apart from the list before 보다).
_LIST_BREAKS = frozenset({"은", "는", "이", "가", "을", "를", "의", "에", "에서", "도", "만"})


def _one_before_than(categories: tuple[CategoryRef, ...], ex: Extraction) -> tuple[CategoryRef, ...]:
    """Korean puts "than" (보다) after what is compared against: "사업은 교육·개인보다 몇 명 많나"
    (the topic, then the others), or "교육과 개인을 합친 것보다 사업이" (the others, then the one).
    Returns the categories with the one compared first in order, or () if this is not such a question."""
    at = next((i for i, t in enumerate(ex.toks) if t in KO_THAN), -1)
    if at < 0:
        return ()
    before = [c for c in categories if c.pos < at]
    after = [c for c in categories if c.pos > at]
    if not after and len(before) >= 2:
        # What stands before 보다 is the list that ends there ("교육·개인·노동보다", "항공보다"):
        # the categories named earlier, apart from it, are the other side, summed as one.
        listed = sorted(before, key=lambda c: c.pos)
        against = [listed[-1]]
        for c in reversed(listed[:-1]):
            gap = ex.toks[c.pos + 1:against[0].pos]
            if len(gap) > 1 or _LIST_BREAKS & set(gap) or any(t.endswith("다") for t in gap):  # a verb ends it too
                break
            against.insert(0, c)
        one = [c for c in listed if c not in against]
        if len(one) >= 2:
            # "철도·차량·도보·수상을 더하면 ... 항공보다 많나": the set, at one position, against the one.
            at_one = min(c.pos for c in one)
            return (*(replace(c, pos=at_one) for c in one), *against)
        return categories
    if len(after) == 1 and before:
        # The one compared is ordered first (the operation reads the earliest as the one).
        return (replace(after[0], pos=min(c.pos for c in before) - 1), *before)
    return ()


def _against_the_rest(categories: tuple[CategoryRef, ...], ex: Extraction, compares: bool) -> tuple[CategoryRef, ...]:
    """ "Did more fly in than came by all the other means combined?": one category, then a
    comparison with "the rest" of its dimension. Returns that one category, or () if this is not
    such a question."""
    if not compares:
        return ()
    # "the other way", "the other direction": the reverse direction, not the other categories.
    at = next((i for i, t in enumerate(ex.toks) if t in REST_WORDS
               and (ex.toks[i + 1] if i + 1 < len(ex.toks) else "") not in ("way", "direction", "side", "round", "방향", "쪽",
                                                                           "направление", "сторона")), -1)
    before = tuple(c for c in categories if 0 <= c.pos < at)
    if at < 0 or len(before) != 1 or len({c.dimension for c in categories}) != 1:
        return ()
    return before


def _restated_in_brackets(ex: Extraction) -> int | None:
    """The token index where a bracketed list begins ("other than business (education, ...)"), or None."""
    m = _RESTATED_RE.search(ex.text)  # "(education, ...)", "i.e. air, vehicle, ...", "namely ..."
    if m is None or (m.group() == ":" and "," not in ex.text[m.end():]):
        return None  # a colon opens a list only when a list follows ("except business: how many ...?" does not)
    # Counted in ex.toks, which leaves period phrases out ("listed for Q3 (rail, ...)"): a period
    # before the brackets would otherwise shift the index past the first category listed.
    head = ex.text[:m.start()]
    for p in ex.periods:
        if p.span and p.span[1] <= m.start():
            head = head[:p.span[0]] + " " * (p.span[1] - p.span[0]) + head[p.span[1]:]
    return len(tokens(head))
