"""Numbers a figure question states as its premise ("Since 544 North Koreans entered in Q3, what
share came on business?", "Given the 365 Russians ..., how many were on business?"). The answer
is computed from the stored figures, so it is right whatever the premise says; but a reporter who
wrote the wrong number must see that the report's figure is another. A stated number that the
answer does not contain and that is a stored figure of something else is named as such.

Only stored values are read this way: any other number may be a threshold, a rank or a count of
months ("more than 100?", "top 3", "24 months"), whose meaning the figures cannot tell.
"""

from __future__ import annotations

import re
from typing import Callable, Collection

from handlers import locators

MIN_PREMISE = 10  # smaller numbers are ranks and counts ("top 3", "two quarters") more often than people
MAX_LABELS = 2  # "13" is both foot and water in Q3: name two at most
_YEAR_RANGE = range(1900, 2101)
# A number followed by one of these is a unit of time, a ratio or a share, never a head count.
_UNIT_AFTER = re.compile(r"\s*(?:%|percent|per cent|pct|times|x\b|months?|days?|weeks?|years?|quarters?|"
                         r"hours?|points?|pp\b|st\b|nd\b|rd\b|th\b)", re.IGNORECASE)


def stated_counts(text: str, numbers: list[str]) -> list[int]:
    """The whole numbers of a question that may be head counts: not years, not small, not
    followed by a unit ("24 months", "70 %", "1.7 times")."""
    out: list[int] = []
    for n in dict.fromkeys(numbers):
        if not n.isdigit():
            continue
        value = int(n)
        if value < MIN_PREMISE or value in _YEAR_RANGE:
            continue
        spots = [m.end() for m in re.finditer(rf"(?<![\d.,]){n}(?![\d.,]\d)", text)]
        if spots and all(_UNIT_AFTER.match(text, end) for end in spots):
            continue
        out.append(value)
    return out


def premises_elsewhere(text: str, numbers: list[str], answer_html: str,
                       figures_of: Callable[[int], list[str]],
                       checked: Collection[str] | None = None) -> list[tuple[int, list[str]]]:
    """(value, ids of the stored figures with that value) for each stated count the answer does
    not contain. The figures an answer rests on may include ones it does not state (a category
    answer keeps the whole breakdown for its caveat), so only its text decides.

    A claim check (``checked``: the figures it set the claim against) repeats the claimed number,
    so there a count is named when none of the figures with its value is one the check used: "365
    in Q2?" is checked against Q2's 213, and 365 is named as the Q3 figure it is."""
    out: list[tuple[int, list[str]]] = []
    for value in stated_counts(text, numbers):
        if checked is None and locators.contains_value(answer_html, value):
            continue
        ids = figures_of(value)
        if checked is not None and set(ids) & set(checked):
            continue
        if ids:
            out.append((value, ids[:MAX_LABELS]))
    return out
