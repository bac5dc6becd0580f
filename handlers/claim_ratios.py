"""Ratios and shares stated in words: how the claim checker reads them and when the data bears them out.

A claim may compare two figures without a digit ("more than doubled", "twice as many ... as",
"as many as came for education", "세 배로 늘었다", "втрое") or give a share as a fraction
("nearly half", "three-quarters", "seven in ten", "3분의 2 이상", "более трёх четвертей"). The
checker (``handlers.claims``) finds the two figures compared (two periods, two directions, two
categories of one breakdown) or the part and its whole with its frame machinery, and computes the
real ratio or share; this module holds the rest of the unit:

- the words, per language (equal and about-equal counts, numerators of fractions, "N in M" and
  "every third" shares, "N to one" factors, factors below one, sweeping shares, changes by a
  fraction, a majority of a named figure);
- the readers that turn them into (value, hedge, span) mentions the checker already knows how to
  resolve (a multiplier of 1 for "as many as", a share for "three in four", a rise of 50 % for
  "rose by half"), and where a majority's group ends and what is said of it begins;
- the named tolerances for each hedge, in ``multiplier_agrees`` and ``fraction_agrees``.

A false "matches" is the worst verdict the checker can give, so every tolerance is the reading a
careful reader would allow and no wider: "three-quarters" is not 69 %, "nearly half" is not 36 %,
"as many as" is the same count, not one fewer.

Pure functions of text; no data, no I/O.
"""

from __future__ import annotations

import re
from typing import NamedTuple

# --- named tolerances: multipliers ("doubled", "세 배", "втрое") ----------------------------------
# The ratio the data gives, held against the factor claimed (2 for "doubled"), by the hedge.
MULTIPLIER_PLAIN_REL = 0.05  # "doubled", "tripled": within 5 % of the factor (2.39x is not "tripled")
MULTIPLIER_ABOUT_REL = 0.10  # "roughly doubled", "about seven times": within 10 %
MULTIPLIER_NEAR_REL = 0.15  # "nearly tripled": from 85 % of the factor up to it (2.55x-3x)
MULTIPLIER_JUST_OVER_REL = 0.10  # "just over double": the factor up to 10 % above it
MULTIPLIER_BEYOND_STEP = 1.0  # "more than doubled": above 2x and below the next whole factor (3x)
EQUAL_COUNTS = 1.0  # "as many as": the claimed factor; the two counts must be the same (no tolerance)

# --- named tolerances: fractions ("half", "three-quarters", "seven in ten") ------------------------
# Percentage points between the share the data gives and the fraction named, by the hedge.
FRACTION_PLAIN_POINTS = 3.0  # "half" is 47-53 %, "three-quarters" 72-78 %: 69 % is neither
FRACTION_ABOUT_POINTS = 5.0  # "about half", "roughly a third", "seven in ten": within 5 points
FRACTION_NEAR_POINTS = 5.0  # "nearly half" is 45-50 %: 36 % is not "nearly half"
FRACTION_JUST_OVER_POINTS = 5.0  # "just over half": above 50 % up to 55 %
FRACTION_BEYOND_POINTS = 25.0  # "more than a third": above a third, not beyond the next quarter of the whole
FRACTION_SMALL_REL = 0.2  # and never more than a fifth of the fraction's smaller side: "one in ten" is
# 8-12 % (6.6 % is one in fifteen), "nine in ten" 88-92 %
FRACTION_VAST_MAJORITY = 80.0  # "the vast majority", "подавляющее большинство": at least 80 %
FRACTION_NEARLY_ALL = 90.0  # "nearly all", "почти все", "거의 모두": at least 90 %
# "a majority", "most", "большинство", "과반": any share above half, with no upper bound.


class WordedRatio(NamedTuple):
    """A ratio or share found in a sentence's words: what the checker turns into a mention."""

    value: float  # the factor (1.0 for equal counts) or the share in per cent
    text: str  # as written, for the verdict
    start: int
    end: int  # the span the checker reads the two sides around (empty for "as many as")
    share: bool  # a share (per cent of a whole) rather than a factor between two figures
    hedge: str  # "exact", "equal" or the hedge the share's words carry


# --- words, per language ---------------------------------------------------------------------------

# "as many as came for education", "the same number as", "столько же, сколько", "같은 수": the two
# counts claimed equal. English "as many as" before a number is a hedge ("as many as 400"), not this.
EQUAL_WORDS: dict[str, list[str]] = {
    "en": [r"\bas\s+many\s+as\b(?!\s+(?:\d|a\s|an\s|some\b|about\b|around\b|roughly\b))", r"\bthe\s+same\s+number\s+(?:of\s+\w+\s+)?as\b",
           r"\bjust\s+as\s+many\s+as\b(?!\s+\d)",
           # "as many X as Y", not "as many X as it could" / "as possible"
           r"\bas\s+many\s+(?=\w+(?:\s+\w+){0,6}\s+as\b(?!\s+(?:possible|it|they|he|she|we|ever|usual|before)\b))"],
    "ko": [r"같은\s*수", r"수가\s*같", r"같은\s*규모"],
    "ru": [r"столько\s+же", r"такое\s+же\s+(?:число|количество)", r"(?:одинаков|равн)\w*\s+(?:число|количеств)"],
}
# "roughly equal", "about the same", "примерно поровну", "비슷했다": counts claimed close, read as a factor
# of 1 within MULTIPLIER_ABOUT_REL ("about" on a multiplier): 23 and 24 are, 253 and 196 are not.
EQUAL_ABOUT_WORDS: dict[str, list[str]] = {
    "en": [r"\b(?:roughly|about|approximately|nearly|almost|broadly|more\s+or\s+less)\s+(?:equal|even|level|the\s+same)\b"
           r"(?!\s+(?:period|quarter|time|year|month|day)s?\b)(?!\s+(?:to|as)\s+\d)", r"\bsimilar\s+numbers\b",
           r"\b(?:about|roughly|approximately|around)\s+as\s+many\b(?!\s+as\s+(?:\d|a\s|an\s))"],
    "ko": [r"비슷(?:했|한\s*수|한\s*규모|하게)"],
    "ru": [r"(?:примерно|почти|приблизительно)\s+(?:поровну|одинаков\w*)"],
}
# "in both directions", "в обоих направлениях", "양방향": the two sides of a ratio are the two
# directions of travel the data has, the one the sentence names and its reverse.
BOTH_DIRECTIONS: dict[str, str] = {
    "en": r"\b(?:in\s+)?(?:both\s+directions|each\s+direction|both\s+ways)\b",
    "ko": r"양방향|양쪽\s*방향",
    "ru": r"в\s+обоих\s+направлениях|в\s+обе\s+стороны",
}


def both_directions(text: str, lang: str) -> bool:
    """Does the sentence set the two directions of travel against each other without naming them?"""
    return re.search(BOTH_DIRECTIONS.get(lang, r"$^"), text, flags=re.IGNORECASE) is not None


# A word before "as many" that makes it something other than equal counts ("twice as many",
# "almost as many", "half as many": the checker reads those itself).
NOT_EQUAL_BEFORE = {"en": r"(?:times|twice|thrice|half|almost|nearly|not|quite|about|roughly|least|most)\s*$",
                    "ko": r"(?:거의|비슷한?)\s*$", "ru": r"(?:почти|примерно|не)\s*$"}

# Numerators of fractions named in words ("три четверти", "трёх четвертей", "two-thirds" is read by
# the checker's own list): the numerator word and its value, per language.
NUMERATORS: dict[str, dict[str, int]] = {
    "ru": {"две": 2, "двух": 2, "двум": 2, "три": 3, "трёх": 3, "трех": 3, "трём": 3, "трем": 3,
           "четыре": 4, "четырёх": 4, "четырех": 4},
}
# Denominator stems, per language, and the whole they divide.
DENOMINATORS: dict[str, dict[str, int]] = {
    "ru": {"трет": 3, "четверт": 4, "пят": 5},
}

# "N in M" shares: "seven in ten", "семь из десяти", "10명 중 7명" (in Korean the whole comes first).
SMALL_NUMBERS: dict[str, dict[str, int]] = {
    "en": {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10},
    "ru": {"один": 1, "одного": 1, "два": 2, "двое": 2, "двух": 2, "три": 3, "трое": 3, "трёх": 3, "трех": 3,
           "четыре": 4, "четверо": 4, "пять": 5, "пятеро": 5, "шесть": 6, "семь": 7, "восемь": 8, "девять": 9,
           "десять": 10, "десяти": 10, "десятерых": 10},
    "ko": {"한": 1, "두": 2, "세": 3, "네": 4, "다섯": 5, "여섯": 6, "일곱": 7, "여덟": 8, "아홉": 9, "열": 10},
}
SHARE_OF: dict[str, str] = {
    "ru": r"(?<!\w)({n})\s+из\s+(?:кажд\w+\s+)?({n})(?!\w)",
    # "10명 중 7명", "열 명 중 일곱 명", "10명 가운데 7명", "열에 일곱": the whole, then the part
    "ko": r"(?<![\w\d])({n})\s*(?:명\s*(?:중|가운데)|에)\s*({n})(?:\s*명|(?=[은는이가꼴]))",
}


# "Most of the 365 who came flew in", "365명 중 대부분이", "большинство из 365": a majority of a figure
# the sentence names. The figure is checked on its own; the majority is a share of it. (Without a
# figure, "most came by train" is read by the checker as a whole sentence.)
MAJORITY_OF_FIGURE: dict[str, str] = {
    "en": r"\b(most|the\s+majority|a\s+majority|the\s+bulk)\s+of\s+(?:the|these|those|all\s+the)\s+(?=\d)",
    "ko": r"(?<=\d)\s*명\s*(?:중|가운데)\s*(대부분|대다수|과반수?)",
    "ru": r"(?<!\w)(большинство|большая\s+часть)\s+(?:из\s+)?(?=\d)",
}
# The words above as the checker keeps them on a mention (a majority has no number of its own).
MAJORITY_TEXTS = ("most", "the majority", "a majority", "the bulk", "대부분", "대다수", "과반", "과반수", "большинство",
                  "большая часть")


def majority_of_figure(text: str, lang: str) -> list[WordedRatio]:
    """ "Most of the 213 who entered in Q2 came for business": more than half of the figure named."""
    pattern = MAJORITY_OF_FIGURE.get(lang)
    if pattern is None:
        return []
    found = []
    for m in re.finditer(pattern, text, flags=re.IGNORECASE):
        word = re.sub(r"\s+", " ", m.group(1).lower())
        found.append(WordedRatio(50.0, word, m.start(1), m.end(1), share=True, hedge="gt"))
    return found


# Where the group a majority is "of" ends and what is said of most of it begins: English at the
# main verb (after a relative clause "who came ..."), Russian at the first finite verb (a participle
# "въехавших" belongs to the group), Korean after the majority word ("365명 중 대부분이 ...").
EN_VERB = (r"\b(?:came|come|comes|entered|arrived|travell?ed|flew|went|crossed|visited|were|was|took|used|rode|drove|"
           r"made|listed|gave|cited|had|have|got|are|is|did|\w+ed)\b")
RU_FINITE = r"(?<!\w)(?!\w*вш)\w+(?:ли|ла|ло|ет|ют|ут)(?!\w)"


def group_and_predicate(text: str, start: int, end: int, lang: str) -> tuple[str, str, int] | None:
    """For a majority of a figure at [start, end): the words naming the figure's group (its noun
    phrase and relative clause), the words saying what most of the group did, and where those
    begin in ``text``; None when the sentence does not split so."""
    if lang == "ko":
        figure = list(re.finditer(r"\d+", text[:start]))
        if not figure:
            return None
        return text[:figure[-1].start()], text[end:], end
    figure = re.search(r"\d+(?:[.,]\d+)?", text[end:])
    if figure is None:
        return None
    at = end + figure.end()
    after = text[at:]
    if lang == "en":
        relative = re.match(r"((?:[\w-]+\s+){0,4}(?:who|that|which)\s+)(\w+)\b", after.lstrip())
        offset = len(after) - len(after.lstrip())
        if relative:
            rest_at = offset + relative.end()
            verb = re.search(EN_VERB, after[rest_at:])
            cut = rest_at + verb.start() if verb else len(after)
        else:
            verb = re.search(EN_VERB, after)
            cut = verb.start() if verb else len(after)
    else:
        verb = re.search(RU_FINITE, after)
        cut = verb.start() if verb else len(after)
    return after[:cut], after[cut:], at + cut


# "by more than two to one", "3-to-1", "2:1", "два к одному", "2대 1": a factor between the two sides
# named before it ("air arrivals outnumbered rail arrivals two to one").
TO_ONE: dict[str, str] = {
    "en": r"(?<![\w.])({n})(?:\s*-\s*|\s+)to(?:\s*-\s*|\s+)(?:1|one)(?!\w)|(?<![\w.:])(\d+(?:\.\d+)?)\s*:\s*1(?![\d.])",
    "ru": r"(?<![\w.])({n})\s+к\s+(?:1|одному)(?!\w)",
    "ko": r"(?<![\w.])(\d+(?:\.\d+)?)\s*대\s*1(?!\d)",
}


def to_one(text: str, lang: str) -> list[WordedRatio]:
    """ "outnumbered rail passengers by more than two to one": the factor 2 between the two sides."""
    pattern = TO_ONE.get(lang)
    if pattern is None:
        return []
    words = "|".join(sorted(SMALL_NUMBERS.get(lang, {}), key=len, reverse=True))
    found = []
    for m in re.finditer(pattern.format(n=r"\d+(?:\.\d+)?" + (f"|{words}" if words else "")), text, flags=re.IGNORECASE):
        raw = next(g for g in m.groups() if g)
        value = float(raw) if re.fullmatch(r"\d+(?:\.\d+)?", raw) else _number(raw, lang)
        if value and value > 1:
            found.append(WordedRatio(float(value), m.group(0), m.start(), m.end(), share=False, hedge="exact"))
    return found


def is_to_one(words: str, lang: str) -> bool:
    """Is this mention's text a "N to one" factor (its two sides are both named before it)?"""
    return bool(TO_ONE.get(lang)) and bool(to_one(words, lang))


# "the vast majority", "nearly all": a share at least this large (FRACTION_VAST_MAJORITY, _NEARLY_ALL).
SWEEPING: dict[str, list[tuple[str, float]]] = {
    "en": [(r"\b(?:the|a|an)\s+(?:vast|overwhelming|large)\s+majority\b", FRACTION_VAST_MAJORITY),
           (r"\b(?:nearly|almost|virtually|practically)\s+all\b", FRACTION_NEARLY_ALL)],
    "ru": [(r"(?<!\w)(?:подавляющ\w+|абсолютн\w+)\s+большинств\w*", FRACTION_VAST_MAJORITY),
           (r"(?<!\w)(?:почти|практически|едва\s+ли\s+не)\s+все(?!\w)", FRACTION_NEARLY_ALL)],
    "ko": [(r"압도적\s*(?:다수|대다수)", FRACTION_VAST_MAJORITY), (r"거의\s*(?:모두|전부|다(?![가-힣]))", FRACTION_NEARLY_ALL)],
}

# A change by a fraction: "rose by half", "grew by a third", "выросло наполовину", "на треть".
FRACTION_WORDS: dict[str, dict[str, float]] = {
    "en": {"half": 50.0, "a third": 100 / 3, "one third": 100 / 3, "one-third": 100 / 3, "two-thirds": 200 / 3,
           "two thirds": 200 / 3, "a quarter": 25.0, "one quarter": 25.0, "three-quarters": 75.0,
           "three quarters": 75.0, "a fifth": 20.0, "half a percent": 0.5, "half a per cent": 0.5},
    "ru": {"наполовину": 50.0, "на треть": 100 / 3, "на четверть": 25.0, "на две трети": 200 / 3, "на пятую часть": 20.0},
}
CHANGE_BY_FRACTION: dict[str, str] = {
    "en": r"\b(?:rose|risen|rise|grew|grown|increased|climbed|jumped|went\s+up|(?:was|were|is|are)\s+up|fell|fallen|"
          r"dropped|declined|decreased|shrank|went\s+down|(?:was|were|is|are)\s+down)\s+(?:by\s+)?"
          r"(?:(?:about|roughly|around|nearly|almost|more\s+than|over|just\s+over|less\s+than|under)\s+)?"
          r"({f})\b(?!\s+(?:of|as)\b)(?!\s+an?\s+(?:percent|per\s+cent|percentage|point))",  # "half a percent" is its own word above
    "ru": r"(?<!\w)(?:вырос\w*|увеличил\w*|сократил\w*|снизил\w*|уменьшил\w*|упал\w*|возрос\w*)\s+"
          r"(?:(?:примерно|почти|более\s+чем|менее\s+чем|приблизительно)\s+)?({f})(?!\w)",
}

# "every third", "каждый третий": a share of one in N.
EVERY_NTH: dict[str, tuple[str, dict[str, int]]] = {
    "en": (r"\bevery\s+(second|other|third|fourth|fifth|tenth)\b(?!\s+(?:day|week|month|year|quarter|time)s?\b)", {"second": 2, "other": 2, "third": 3, "fourth": 4,
                                                                     "fifth": 5, "tenth": 10}),
    "ru": (r"(?<!\w)кажд\w+\s+(втор|трет|четв[её]рт|пят|десят)\w*", {"втор": 2, "трет": 3, "четвёрт": 4, "четверт": 4,
                                                                     "пят": 5, "десят": 10}),
}

# "half as many ... as", "вдвое меньше, чем", "в три раза меньше": a factor below one.
FEWER_TIMES: dict[str, list[tuple[str, float]]] = {
    "en": [(r"\bhalf(?=\s+as\s+many\b)", 0.5), (r"\b(?:a|one)\s+third(?=\s+as\s+many\b)", 1 / 3),
           (r"\b(?:a|one)\s+quarter(?=\s+as\s+many\b)", 0.25)],
    "ru": [(r"(?<!\w)(?:вдвое|в\s+два\s+раза|в\s+2\s+раза)(?=\s+меньше)", 0.5),
           (r"(?<!\w)(?:втрое|в\s+три\s+раза|в\s+3\s+раза)(?=\s+меньше)", 1 / 3),
           (r"(?<!\w)(?:вчетверо|в\s+четыре\s+раза|в\s+4\s+раза)(?=\s+меньше)", 0.25),
           (r"(?<!\w)в\s+полтора\s+раза(?=\s+меньше)", 2 / 3)],
}

# "sixfold", "ten-fold": a factor (two- to fourfold are in the checker's own multiplier words).
FOLD = {"en": r"\b(five|six|seven|eight|nine|ten)-?fold\b"}


def sweeping(text: str, lang: str) -> list[WordedRatio]:
    """ "the vast majority", "nearly all": a share at least as large as the words imply."""
    found = []
    for pattern, value in SWEEPING.get(lang, []):
        for m in re.finditer(pattern, text, flags=re.IGNORECASE):
            found.append(WordedRatio(value, m.group(0), m.start(), m.end(), share=True, hedge="ge"))
    return found


def fraction_changes(text: str, lang: str) -> list[WordedRatio]:
    """ "rose by half from Q2 to Q3" is a rise of 50 % (the fraction's own tolerance), not a share."""
    words = FRACTION_WORDS.get(lang)
    pattern = CHANGE_BY_FRACTION.get(lang)
    if not words or not pattern:
        return []
    alternatives = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))
    found = []
    for m in re.finditer(pattern.format(f=alternatives), text, flags=re.IGNORECASE):
        word = re.sub(r"\s+", " ", m.group(1).lower())
        found.append(WordedRatio(words[word], m.group(1), m.start(1), m.end(1), share=True, hedge="exact"))
    return found


def every_nth(text: str, lang: str) -> list[WordedRatio]:
    """ "every third Russian", "каждый третий": one in N, a rounded share ("about")."""
    if lang not in EVERY_NTH:
        return []
    pattern, stems = EVERY_NTH[lang]
    found = []
    for m in re.finditer(pattern, text, flags=re.IGNORECASE):
        n = stems.get(m.group(1).lower())
        if n:
            found.append(WordedRatio(100 / n, m.group(0), m.start(), m.end(), share=True, hedge="about"))
    return found


def fewer_times(text: str, lang: str) -> list[WordedRatio]:
    """ "half as many came by rail as by air", "вдвое меньше, чем самолётом": a factor below one,
    first side against the second as named."""
    found = []
    for pattern, value in FEWER_TIMES.get(lang, []):
        for m in re.finditer(pattern, text, flags=re.IGNORECASE):
            found.append(WordedRatio(value, m.group(0), m.start(), m.end(), share=False, hedge="exact"))
    pattern = FOLD.get(lang)
    if pattern:
        for m in re.finditer(pattern, text, flags=re.IGNORECASE):
            found.append(WordedRatio(float(SMALL_NUMBERS[lang][m.group(1).lower()]), m.group(0), m.start(), m.end(),
                                     share=False, hedge="exact"))
    return found


def _number(word: str, lang: str) -> int | None:
    if word.isdigit():
        return int(word)
    return SMALL_NUMBERS.get(lang, {}).get(word.lower())


def equal_counts(text: str, lang: str) -> list[WordedRatio]:
    """ "23 came for vehicle maintenance, as many as came for education": a claim that two counts
    are the same, as a factor of 1 between the figures named before and after it."""
    found: list[WordedRatio] = []
    for pattern in EQUAL_WORDS.get(lang, []):
        for m in re.finditer(pattern, text, flags=re.IGNORECASE):
            if re.search(NOT_EQUAL_BEFORE[lang], text[:m.start()], flags=re.IGNORECASE):
                continue
            if any(f.start <= m.start() < max(f.end, f.start + 1) or m.start() <= f.start < m.end() for f in found):
                continue
            # The span is empty at the words' start: what comes before is one side, what comes
            # after (the words included: "as many X as Y") the other.
            found.append(WordedRatio(EQUAL_COUNTS, m.group(0).strip(), m.start(), m.start(), share=False, hedge="equal"))
    for pattern in EQUAL_ABOUT_WORDS.get(lang, []):
        for m in re.finditer(pattern, text, flags=re.IGNORECASE):
            if not any(f.start <= m.start() < max(f.end, f.start + 1) for f in found):
                found.append(WordedRatio(EQUAL_COUNTS, m.group(0).strip(), m.start(), m.end(), share=False, hedge="about"))
    return found


def is_equality(words: str, lang: str) -> bool:
    """Is this mention's text a claim of equal (or about equal) counts? Its two sides are then
    named in order, both before it or both after it."""
    return any(re.fullmatch(p, words, flags=re.IGNORECASE) for p in EQUAL_WORDS.get(lang, []) + EQUAL_ABOUT_WORDS.get(lang, []))


def numerator_fractions(text: str, lang: str) -> list[WordedRatio]:
    """ "трёх четвертей" is 75 %, "двух третей" 66.7 %: a fraction whose numerator is a word."""
    nums, dens = NUMERATORS.get(lang), DENOMINATORS.get(lang)
    if not nums or not dens:
        return []
    found = []
    pattern = rf"(?<!\w)({'|'.join(nums)})\s+({'|'.join(dens)})(?:ь|и|ей|ью|ям|ями)(?!\w)"
    for m in re.finditer(pattern, text, flags=re.IGNORECASE):
        part, whole = nums[m.group(1).lower()], dens[m.group(2).lower()]
        if 0 < part < whole:
            found.append(WordedRatio(100 * part / whole, m.group(0), m.start(), m.end(), share=True, hedge="exact"))
    return found


def share_of(text: str, lang: str) -> list[WordedRatio]:
    """ "семь из десяти" (70 %), "10명 중 7명" (70 %): a share as a part of a small whole. English
    "seven in ten" is read by the checker itself, once number words are digits."""
    pattern = SHARE_OF.get(lang)
    if pattern is None:
        return []
    words = "|".join(sorted(SMALL_NUMBERS[lang], key=len, reverse=True))
    found = []
    for m in re.finditer(pattern.format(n=rf"\d{{1,3}}|{words}"), text, flags=re.IGNORECASE):
        first, second = _number(m.group(1), lang), _number(m.group(2), lang)
        if first is None or second is None:
            continue
        part, whole = (second, first) if lang == "ko" else (first, second)
        if 0 < part < whole <= 100:
            # "seven in ten" is a rounded share by nature: read as "about"
            found.append(WordedRatio(100 * part / whole, m.group(0), m.start(), m.end(), share=True, hedge="about"))
    return found


def worded_ratios(text: str, lang: str) -> list[WordedRatio]:
    """Every ratio or share this module reads in a sentence, in order."""
    return sorted(equal_counts(text, lang) + numerator_fractions(text, lang) + share_of(text, lang)
                  + majority_of_figure(text, lang) + to_one(text, lang) + sweeping(text, lang)
                  + fraction_changes(text, lang) + every_nth(text, lang) + fewer_times(text, lang), key=lambda r: r.start)


# --- agreement ------------------------------------------------------------------------------------

def multiplier_agrees(claimed: float, hedge: str, decimals: int, data: float) -> bool:
    """Does the ratio the data gives bear out a factor claimed with this hedge?"""
    if hedge == "equal":
        return abs(data - claimed) < 1e-9  # "as many as": the same count
    if hedge in ("gt", "ge"):
        # "more than doubled": over 2x but under 3x ("more than doubled" is not said of 3.4x)
        low_ok = data > claimed if hedge == "gt" else data >= claimed
        return low_ok and data < claimed + MULTIPLIER_BEYOND_STEP
    if hedge == "near_above":
        return claimed <= data <= claimed * (1 + MULTIPLIER_JUST_OVER_REL)
    if hedge in ("lt", "le"):
        return claimed - MULTIPLIER_BEYOND_STEP < data < claimed
    if hedge == "near_below":
        return claimed * (1 - MULTIPLIER_NEAR_REL) <= data < claimed
    if hedge == "about":
        return abs(data - claimed) <= MULTIPLIER_ABOUT_REL * claimed
    if decimals:
        # "1.7 times" names its own precision: the data must round to it (1.64 is "1.6 times").
        return abs(data - claimed) <= 0.5 * 10 ** -decimals + 1e-9
    # "seven times" is not 6.55 times: a whole multiplier is not a rounding to units.
    return abs(data - claimed) <= MULTIPLIER_PLAIN_REL * claimed


def fraction_agrees(claimed: float, hedge: str, data: float, majority: bool = False) -> bool:
    """Does the share the data gives (per cent) bear out a fraction named in words with this hedge?
    ``majority`` marks "a majority"/"most"/"большинство"/"과반": any share above half."""
    if majority:
        return data > claimed
    if hedge in ("gt", "ge"):
        low_ok = data > claimed if hedge == "gt" else data >= claimed
        return low_ok and data <= claimed + FRACTION_BEYOND_POINTS
    if hedge in ("lt", "le"):
        high_ok = data < claimed if hedge == "lt" else data <= claimed
        return high_ok and data >= claimed - FRACTION_BEYOND_POINTS
    def points(p: float) -> float:
        return min(p, FRACTION_SMALL_REL * min(claimed, 100.0 - claimed))

    if hedge == "near_below":
        return claimed - points(FRACTION_NEAR_POINTS) <= data < claimed
    if hedge == "near_above":
        return claimed < data <= claimed + points(FRACTION_JUST_OVER_POINTS)
    if hedge == "about":
        return abs(data - claimed) <= points(FRACTION_ABOUT_POINTS)
    return abs(data - claimed) <= points(FRACTION_PLAIN_POINTS)
