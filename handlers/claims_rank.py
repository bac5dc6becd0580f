"""Ranking claims: "business was the most common purpose", "road came second, ahead of rail",
"air and rail were the top two ways in", "열차가 가장 많았다", "больше всего — по делам".

A ranking is a claim of its own, whether or not its sentence also gives figures: the words that
state a place (first, second, third, last), a top group ("the top two") or an order against
another category ("ahead of rail", "behind air") are read here, per language, as data. Judging
it needs the breakdown's ranks and how much of the total the published categories leave
unaccounted for: an unpublished category may be larger than a published one, so a ranking is
said to match only when no unpublished remainder could overturn it (the purposes published for
Q3 2023 leave 39 of 365 unaccounted, so "education was the second most common purpose" is not
in the data, while "business was the most common" matches).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

# --- the words, per language --------------------------------------------------------------------

_NUM = {"two": 2, "three": 3, "four": 4, "2": 2, "3": 3, "4": 4, "두": 2, "세": 3, "네": 4, "2개": 2, "3개": 3,
        "два": 2, "две": 2, "три": 3, "2": 2}

# A first place said outright ("the most common", "more than any other", "가장 많", "больше всего").
FIRST = {
    "en": r"\b(?:the\s+)?most\s+(?:common|popular|frequent|frequently\s+(?:used|cited|given)|used|numerous|cited|widespread)\b"
          r"|\bthe\s+(?:largest|biggest|leading|commonest|main|top|single\s+(?:largest|biggest))\s+(?:group|category|purpose|reason|"
          r"mode|means|way|route|share|number|source)\b|\bthe\s+most\b(?!\s+recent)|\bmore\s+than\s+any\s+other\b"
          r"|\b(?:came|ranked|was|were)\s+first\b|\bin\s+first\s+place\b|\btopped\s+the\s+(?:list|breakdown|ranking)\b",
    "ko": r"가장\s*많|제일\s*많|최다|1위|가장\s*흔",
    "ru": r"больше\s+всего|чаще\s+всего|наибольш\w*|на\s+первом\s+месте|сам\w+\s+(?:многочисленн|част|популярн|"
          r"распространённ|распространенн)\w*",
}
# A later place ("second most common", "came third", "두 번째로 많", "на втором месте").
PLACES = {
    "en": [(r"\b(?:second|2nd)(?:[- ](?:most|largest|biggest|commonest|highest|leading)\b|\s+place\b)"
            r"|\b(?:came|ranked|was|were|placed|finished)\s+(?:a\s+(?:distant|close)\s+)?second\b|\brunner[- ]up\b", 2),
           (r"\b(?:third|3rd)(?:[- ](?:most|largest|biggest|commonest|highest|leading)\b|\s+place\b)"
            r"|\b(?:came|ranked|was|were|placed|finished)\s+(?:a\s+(?:distant|close)\s+)?third\b", 3)],
    "ko": [(r"두\s*번째로\s*(?:많|흔)|2위|둘째로\s*많", 2), (r"세\s*번째로\s*(?:많|흔)|3위|셋째로\s*많", 3)],
    "ru": [(r"втор\w*\s+(?:по\s+(?:численности|величине|популярности|частоте|распространённости|распространенности)|мест\w*)"
            r"|на\s+втором\s+месте", 2),
           (r"трет\w*\s+(?:по\s+(?:численности|величине|популярности|частоте)|мест\w*)|на\s+третьем\s+месте", 3)],
}
# A top group ("the top two", "the two most common", "상위 두", "две самые ... ").
TOP_N = {
    "en": r"\btop\s+(two|three|four|2|3|4)\b|\b(two|three|2|3)\s+(?:most\s+(?:common|popular|frequent|used)|largest|biggest|"
          r"leading|main)\b",
    "ko": r"상위\s*(두|세|2|3)|(두|세)\s*(?:가지|개)?\s*(?:가장\s*)?(?:주요|주된|많은\s*(?:수단|목적|방법))",
    "ru": r"\b(два|две|три|2|3)\s+(?:самых|основн\w+|главн\w+|наиболее)\b",
}
# The last place ("the least common", "가장 적", "меньше всего").
LAST = {
    "en": r"\bthe\s+(?:least\s+(?:common|popular|frequent|used)|fewest|smallest|rarest)\b|\bleast\s+(?:common|popular|frequent)\b",
    "ko": r"가장\s*적|제일\s*적|최소",
    "ru": r"меньше\s+всего|реже\s+всего|наименьш\w*|наименее\s+\w+",
}
# The categories a ranked one is said to be above ("ahead of rail") or below ("behind air").
ABOVE = {  # ("rail, not air, was the most common": the category denied the place ranks below)
    "en": r"\b(?:ahead\s+of|followed\s+by|outranking|outstripping|in\s+front\s+of|beating|eclipsing|"
          r"overt(?:ook|aken|akes|aking)|outstrip(?:ped|s)|outpac(?:ed|es)|eclips(?:ed|es)|displac(?:ed|es)|edged\s+out)\s+([^,;.]+)"
          r"|,\s*(?:not|rather\s+than|instead\s+of)\s+([^,;.]+),",
    "ko": r"(\S+?)(?:을|를)\s*(?:앞섰|앞질렀|제쳤)|(\S+?)(?:이|가)\s*(?:그\s*)?뒤를\s*이|(\S+?)(?:이|가)\s*아니(?:라|고)",
    "ru": r"(?:опере(?:див|жая|дил\w*)|обогнав|обгоняя|впереди)\s+([^,;.]+)|,?\s*а\s+не\s+([^,;.]+)",
}
# An order said to have changed ("overtook", "опередил ... впервые", "제쳤다"): the data has one
# breakdown, so it can refute such a claim (the order is wrong now) but never bear it out.
OVERTOOK = {
    "en": r"\b(?:overt(?:ook|aken|akes|aking)|displac(?:ed|es)|replac(?:ed|es)|edged\s+out|took\s+over\s+from)\b",
    "ko": r"제쳤|앞지르|앞질렀|추월",
    "ru": r"обогнал|обошл|обошёл|потеснил|вытеснил",
}
BELOW = {
    "en": r"\b(?:behind|trailing|second\s+to|after\s+only|only\s+after)\s+([^,;.]+)",
    "ko": r"(\S+?)에\s*이어|(\S+?)\s*다음으로",
    "ru": r"(?:уступ\w+\s+(?:лишь\s+|только\s+)?|после\s+)([^,;.]+)",
}
# Where a ranking's scope ends: the next clause with a subject of its own ("..., while 13 came by road").
SCOPE_BREAK = {
    "en": r",?\s+(?:while|whereas|but|although|though|and\s+(?=\d))\s+|;\s*",
    "ko": r"(?:지만|반면|고|며|으며|면서)\s+|;\s*",
    "ru": r",\s*(?:а|но|тогда\s+как|в\s+то\s+время\s+как|однако)\s+|;\s*",
}

# A ranking among the published categories only ("the least common stated purpose"): what the
# published ones leave unaccounted for cannot overturn it.
PUBLISHED_ONLY = {"en": r"\b(?:stated|listed|published|officially\s+(?:listed|recorded)|recorded|declared)\b",
                  "ko": r"공개된|발표된|집계된|신고된|명시된", "ru": r"указанн\w*|заявленн\w*|опубликованн\w*|официальн\w*"}


@dataclass
class RankSpec:
    """What a ranking phrase claims: a place (1, 2, 3; -1 the last), a top group of n, and the
    text spans of categories said to be below or above the ranked one."""

    place: int | None = None
    top: int | None = None
    above: list[str] = field(default_factory=list)  # "ahead of rail": rail ranks below
    below: list[str] = field(default_factory=list)  # "behind air": air ranks above
    span: tuple[int, int] = (0, 0)  # the ranking words in the scope
    published_only: bool = False  # "the most common stated purpose": among the published categories


def scope(text: str, lang: str) -> list[tuple[int, str]]:
    """The sentence cut where a new clause with its own subject begins, with each piece's offset."""
    out, last = [], 0
    for m in re.finditer(SCOPE_BREAK[lang], text):
        out.append((last, text[last:m.start()]))
        last = m.end()
    out.append((last, text[last:]))
    return [(a, s) for a, s in out if s.strip()]


def read(text: str, lang: str) -> RankSpec | None:
    """The ranking a piece of a sentence states, or None. "At most", "most of them" and a bare
    "most" (a majority) are not rankings."""
    low = text.lower()
    spec = RankSpec()
    for pattern, place in PLACES[lang]:
        m = re.search(pattern, low)
        if m:
            spec.place, spec.span = place, m.span()
            break
    if spec.place is None:
        m = re.search(TOP_N[lang], low)
        if m:
            word = next(g for g in m.groups() if g)
            spec.top, spec.span = _NUM.get(word), m.span()
    if spec.place is None and spec.top is None:
        m = re.search(FIRST[lang], low)
        if m and not re.search(r"\bat\s+$", low[:m.start()]):
            spec.place, spec.span = 1, m.span()
    if spec.place is None and spec.top is None:
        m = re.search(LAST[lang], low)
        if m:
            spec.place, spec.span = -1, m.span()
    for pattern, into in ((ABOVE[lang], spec.above), (BELOW[lang], spec.below)):
        for m in re.finditer(pattern, low):
            into.append(next(g for g in m.groups() if g))
    if spec.place is None and spec.top is None and not (spec.above or spec.below):
        return None
    spec.published_only = re.search(PUBLISHED_ONLY[lang], low) is not None
    return spec


def judge(spec: RankSpec, ranked: list[str], above: list[str], below: list[str],
          rows: list[dict[str, Any]]) -> tuple[str, list[dict[str, Any]]]:
    """ "matches", "differs" or "not_in_data" for a ranking of categories ``ranked`` (with
    ``above`` the ones said to rank below them, ``below`` the ones said to rank above), against a
    breakdown's rows (value, rank_desc, rank_asc, unaccounted); with the rows the verdict rests on.

    A published remainder (the total less the published categories) may hide a category larger
    than a ranked one: then a place or a top group is never said to match, and it differs only
    when the published categories alone already contradict it."""
    by_cat = {r["category"]: r for r in rows}
    if not ranked or any(c not in by_cat for c in ranked + above + below):
        return "not_in_data", []
    remainder = max(0, int(rows[0]["unaccounted"] or 0)) if rows and not spec.published_only else 0
    mine = [by_cat[c] for c in ranked]
    low_value = min(r["value"] for r in mine)
    certain = remainder < low_value  # nothing unpublished can be as large as a ranked category
    wrong = False
    shown = list(mine)
    if spec.top is not None:
        if len(set(ranked)) != spec.top:
            return "not_in_data", []
        leaders = [r for r in rows if r["rank_desc"] <= spec.top]
        shown = leaders
        if {r["category"] for r in leaders} != set(ranked) or len(leaders) != spec.top:
            # a ranked category outside the published top n is outside the true top n too
            wrong = any(by_cat[c]["rank_desc"] > spec.top for c in ranked) or len(leaders) > spec.top
            if not wrong:
                return "not_in_data", shown
    elif spec.place is not None:
        if len(set(ranked)) != 1:
            return "not_in_data", []
        row = mine[0]
        if spec.place == -1:
            lowest = [r for r in rows if r["rank_asc"] == 1]
            shown = lowest
            if row["rank_asc"] != 1:
                wrong = True  # a published category is smaller
            elif remainder > 0:
                return "not_in_data", shown  # an unpublished one may be smaller still
        else:
            leaders = [r for r in rows if r["rank_desc"] == spec.place]
            shown = leaders or shown
            if row["rank_desc"] > spec.place:
                wrong = True  # more published categories are larger than the place allows
            elif row["rank_desc"] < spec.place or row["tied"] > 1:
                # ranked higher than claimed: wrong only if nothing unpublished could come between
                if not certain:
                    return "not_in_data", shown
                wrong = True
    for other in above:
        if by_cat[other]["value"] >= by_cat[ranked[0]]["value"]:
            wrong = True
        shown.append(by_cat[other])
    for other in below:
        if by_cat[other]["value"] <= by_cat[ranked[0]]["value"]:
            wrong = True
        shown.append(by_cat[other])
    if wrong:
        return "differs", shown
    if (spec.top is not None or spec.place not in (None, -1)) and not certain:
        return "not_in_data", shown
    return "matches", shown


def strip(text: str, lang: str) -> str:
    """The text without its ranking words (the categories "ahead of" names stay), so what is
    left is read for words the figures lack as any other clause is."""
    low = text.lower()
    for pattern in [FIRST[lang], TOP_N[lang], LAST[lang]] + [p for p, _ in PLACES[lang]]:
        low = re.sub(pattern, " ", low)
    for pattern in (ABOVE[lang], BELOW[lang]):
        low = re.sub(pattern, lambda m: " " + " ".join(g for g in m.groups() if g), low)
    low = re.sub(r"\b(?:ways?\s+in|way\s+of\s+(?:entering|entry|travel)|ways?\s+of\s+(?:entering|entry|travel)|purposes?|"
                 r"reasons?|modes?|means|categor(?:y|ies)|group)\b", " ", low)
    return low
