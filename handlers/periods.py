"""Periods: canonical codes in the data, and the phrases journalists use for them.

A stored period code is ``YYYY`` (a whole year), ``YYYY-H1``/``YYYY-H2``, ``YYYY-Qn`` or
``YYYY-MM``. Internally every period is a closed range of months, so "January-September 2023"
and "the first three quarters of 2023" are the same request, and a request can be answered by
summing stored periods that tile it exactly (``tile``), never by a near miss.

Phrases are parsed with regular expressions over normalised text. Years that are implied ("Q3",
"last year") are resolved against the report's date, not today's, because a journalist asking
about "last year" means the report's last year.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from rapidfuzz import process
from rapidfuzz.distance import OSA

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}
MONTH_NAMES = ["", "January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December"]
ORDINALS = {"first": 1, "1st": 1, "one": 1, "second": 2, "2nd": 2, "two": 2, "third": 3, "3rd": 3,
            "three": 3, "fourth": 4, "4th": 4, "four": 4, "last": 4, "final": 4}

CODE_RE = re.compile(r"^(\d{4})(?:-(Q[1-4]|H[12]|0[1-9]|1[0-2]))?$")


class PeriodCodeError(ValueError):
    """A stored period code is not one of the accepted forms."""


@dataclass(frozen=True, order=True)
class Period:
    """A closed range of months, ``start`` and ``end`` as ``year * 12 + month - 1``."""

    start: int
    end: int

    @property
    def months(self) -> int:
        return self.end - self.start + 1

    @property
    def code(self) -> str:
        """The canonical code, or ``YYYY-MM..YYYY-MM`` for a range with no code of its own."""
        y1, m1 = divmod(self.start, 12)
        y2, m2 = divmod(self.end, 12)
        m1, m2 = m1 + 1, m2 + 1
        if y1 == y2:
            if m1 == 1 and m2 == 12:
                return f"{y1}"
            if m1 == m2:
                return f"{y1}-{m1:02d}"
            if (m1 - 1) % 3 == 0 and m2 == m1 + 2:
                return f"{y1}-Q{(m1 - 1) // 3 + 1}"
            if (m1, m2) in ((1, 6), (7, 12)):
                return f"{y1}-H{1 if m1 == 1 else 2}"
        return f"{y1}-{m1:02d}..{y2}-{m2:02d}"

    @property
    def label(self) -> str:
        """A journalist's name for the period: "Q3 2023", "H1 2023", "2022", "January–September 2023"."""
        code = self.code
        if ".." not in code:
            year, _, part = code.partition("-")
            if not part:
                return year
            if part[0] in "QH":
                return f"{part} {year}"
            return f"{MONTH_NAMES[int(part)]} {year}"
        y1, m1 = divmod(self.start, 12)
        y2, m2 = divmod(self.end, 12)
        if y1 == y2:
            return f"{MONTH_NAMES[m1 + 1]}–{MONTH_NAMES[m2 + 1]} {y1}"
        return f"{MONTH_NAMES[m1 + 1]} {y1}–{MONTH_NAMES[m2 + 1]} {y2}"

    @property
    def span(self) -> str:
        """The months covered, for answers that must say what a quarter means."""
        y1, m1 = divmod(self.start, 12)
        y2, m2 = divmod(self.end, 12)
        if self.months == 1:
            return f"{MONTH_NAMES[m1 + 1]} {y1}"
        if y1 == y2:
            return f"{MONTH_NAMES[m1 + 1][:3]}–{MONTH_NAMES[m2 + 1][:3]} {y1}"
        return f"{MONTH_NAMES[m1 + 1][:3]} {y1}–{MONTH_NAMES[m2 + 1][:3]} {y2}"

    @property
    def year(self) -> int:
        return self.start // 12

    def contains(self, other: "Period") -> bool:
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: "Period") -> bool:
        return self.start <= other.end and other.start <= self.end


def months(year: int, m1: int, m2: int) -> Period:
    """The period from month m1 to month m2 of a year."""
    return Period(year * 12 + m1 - 1, year * 12 + m2 - 1)


def parse_code(code: str) -> Period:
    """Parse a stored period code; raise PeriodCodeError for anything else."""
    match = CODE_RE.match(code.strip())
    if not match:
        raise PeriodCodeError(f"period {code!r} is not YYYY, YYYY-Qn, YYYY-Hn or YYYY-MM")
    year = int(match.group(1))
    part = match.group(2)
    if part is None:
        return months(year, 1, 12)
    if part[0] == "Q":
        q = int(part[1])
        return months(year, 3 * q - 2, 3 * q)
    if part[0] == "H":
        return months(year, 1, 6) if part[1] == "1" else months(year, 7, 12)
    return months(year, int(part), int(part))


def tile(target: Period, available: list[Period]) -> list[Period] | None:
    """Stored periods that cover ``target`` exactly with no overlap, preferring fewest pieces.

    Returns None when no exact tiling exists: the caller must then say the period is not in
    the data rather than use a near miss.
    """
    by_start: dict[int, list[Period]] = {}
    for p in available:
        if target.contains(p):
            by_start.setdefault(p.start, []).append(p)
    for lst in by_start.values():
        lst.sort(key=lambda p: -p.months)  # longest first: fewer pieces, fewer sums to explain

    def search(pos: int) -> list[Period] | None:
        if pos == target.end + 1:
            return []
        for p in by_start.get(pos, []):
            rest = search(p.end + 1)
            if rest is not None:
                return [p, *rest]
        return None

    return search(target.start)


# --- phrases -------------------------------------------------------------------------------

@dataclass(frozen=True)
class PeriodMention:
    """A period named in a question. ``year`` is None when the question left it implied."""

    kind: str  # "quarter", "half", "year", "months", "quarters", "latest", "previous", "relative", "same_part"
    year: int | None
    m1: int = 1
    m2: int = 12
    span: tuple[int, int] = (0, 0)  # character offsets in the normalised text
    text: str = ""
    endpoints: bool = False  # "Q2 to Q3": a range, or two points to compare; the intent decides

    def resolve(self, year: int) -> Period:
        return months(year, self.m1, self.m2)


_Y = r"(?:'|’)?(\d{4}|\d{2})"  # a year: 2023, '23, 23
_YEAR4 = r"(?:19[89]\d|20\d\d)"

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # Q1-Q3 2023, q1 to q3 2023
    ("quarters", re.compile(r"\bq([1-4])\s*(-|–|—|to|through|thru|until)\s*q([1-4])(?:\s*(?:of\s+)?" + _Y + r")?\b")),
    # first three quarters (of 2023), first 3 quarters
    ("first_quarters", re.compile(r"\bfirst\s+(two|three|2|3)\s+quarters(?:\s+of\s+(\d{4}))?\b")),
    # first nine months, first six months
    ("first_months", re.compile(r"\bfirst\s+(two|three|four|five|six|seven|eight|nine|ten|eleven|[2-9]|1[01])\s+months(?:\s+of\s+(?:the\s+year\s+)?(\d{4}))?\b")),
    # 3Q23, 3Q 2023, 3q'23
    ("quarter", re.compile(r"\b([1-4])\s?q\s?" + _Y + r"\b")),
    # Q3 2023, Q3'23, Q3-23, Q3/23, Q3 of 2023, q3 fy23
    ("quarter", re.compile(r"\bq([1-4])(?:\s*(?:-|/|of|,)?\s*(?:fy)?" + _Y + r")?\b")),
    # 2023 Q3, 2023Q3, 2023-Q3
    ("quarter_rev", re.compile(r"\b(" + _YEAR4 + r")\s*-?\s*q([1-4])\b")),
    # the second and third quarters (of 2023): two quarters, found as a pair
    ("quarter_pair", re.compile(r"\b(first|1st|second|2nd|third|3rd|fourth|4th)\s+(?:and|&|to)\s+(?:the\s+)?(first|1st|second|2nd|third|3rd|fourth|4th)\s+quarters?(?:\s+(?:of\s+)?(?:the\s+)?(?:year\s+)?(\d{4}))?\b")),
    # the same quarter of 2022 / a year earlier: the months of another period, in another year
    ("same_part", re.compile(r"\b(?:the\s+)?same\s+(?:quarter|period|half|months?)\s+(?:of|in)\s+(\d{4})\b")),
    # third quarter (of 2023 / of last year), 3rd qtr, quarter 3
    ("quarter_word", re.compile(r"\b(first|1st|second|2nd|third|3rd|fourth|4th|final)\s+(?:quarter|qtr|quater|quartr|qurter)(?:\s+(?:of\s+)?(?:the\s+)?(?:year\s+)?(\d{4}))?\b")),
    ("quarter_num", re.compile(r"\bquarter\s+([1-4])(?:\s+(?:of\s+)?(\d{4}))?\b")),
    # 1H23, H1 2023, H1'23, first half (of 2023)
    ("half", re.compile(r"\b([12])\s?h\s?" + _Y + r"\b")),
    ("half_rev", re.compile(r"\b(" + _YEAR4 + r")\s*-?\s*h([12])\b")),
    ("half", re.compile(r"\bh([12])(?:\s*(?:-|/|of|,)?\s*" + _Y + r")?\b")),
    ("half_word", re.compile(r"\b(first|1st|second|2nd|latter|last)\s+half(?:\s+(?:of\s+)?(?:the\s+)?(?:year\s+)?(\d{4}))?\b")),
    # January-September 2023, jan to sep, july–september
    ("month_range", re.compile(r"\b(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?\s*(?:-|–|—|to|through|thru|until|till)\s*(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?(?:\s*(?:of\s+)?(\d{4}))?\b")),
    ("month_range", re.compile(r"\bbetween\s+(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?\s+and\s+(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?(?:\s*(?:of\s+)?(\d{4}))?\b")),
    ("summer_quarter", re.compile(r"\bsummer\s+quarter(?:\s+(?:of\s+)?(\d{4}))?\b")),
    # a single month: august 2023 ("may" only with a year, it is also a verb)
    ("month", re.compile(r"\b(january|february|march|april|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?(?:\s+(\d{4}))?\b")),
    ("month", re.compile(r"\b(may)\s+(\d{4})\b")),
    # relative years
    ("relative_year", re.compile(r"\b(last year|last yr|previous year|prior year|the year before last|year before last|this year|current year|a year earlier|a year ago|next year)\b")),
    ("year", re.compile(r"\b(?:in\s+|for\s+|of\s+|during\s+)?(?:fy\s*)?(" + _YEAR4 + r")\b")),
    ("previous", re.compile(r"\b(previous quarter|prior quarter|preceding quarter|quarter before|the quarter before|earlier quarter|previous period|prior period|q-o-q|qoq|q/q|quarter on quarter|quarter-on-quarter|sequential(?:ly)?)\b")),
    ("latest", re.compile(r"\b(latest|most recent|newest|last quarter|recent quarter|current quarter|this quarter|last reported quarter)\b")),
]

_WORD_NUM = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
             "eleven": 11, **{str(i): i for i in range(2, 12)}}


def _year(text: str | None, century: int = 2000) -> int | None:
    if not text:
        return None
    value = int(text)
    return century + value if value < 100 else value


PERIOD_WORDS = ["first", "second", "third", "fourth", "quarter", "quarters", "half", "year", "months", "january",
                "february", "march", "april", "june", "july", "august", "september", "october", "november",
                "december", "previous", "latest", "whole"]
_WORD_RE = re.compile(r"[a-z]{4,}")
_NOT_TYPOS = {"thirds", "halves", "fifths", "yearly", "this", "that", "then", "than", "these", "those", "month", "weeks"}


def fix_period_typos(text: str) -> str:
    """Correct slips in period words ("frist half", "thrid quater") before the patterns run.

    Only words of four letters or more, with the same first letter, one edit (a transposition
    counts as one) from a period word: periods decide which figure is given, so guesses are narrow.
    """
    def fix(m: re.Match[str]) -> str:
        word = m.group(0)
        if word in PERIOD_WORDS or word in _NOT_TYPOS:
            return word
        best = process.extractOne(word, PERIOD_WORDS, scorer=OSA.distance, score_cutoff=1)
        if best is not None and best[0][0] == word[0] and len(word) >= 4 and abs(len(best[0]) - len(word)) <= 1:
            return best[0]
        return word
    return _WORD_RE.sub(fix, text)


def find_periods(text: str, report_date: date) -> list[PeriodMention]:
    """Every period phrase in normalised text, in order of appearance, without overlaps."""
    found: list[PeriodMention] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            a, b = m.span()
            if not free(a, b):
                continue
            if kind == "quarter_pair":
                q1, q2, year = ORDINALS[m.group(1)], ORDINALS[m.group(2)], _year(m.group(3))
                half = (a + b) // 2  # split the span so both mentions keep a position in the text
                found.append(PeriodMention("quarter", year, 3 * q1 - 2, 3 * q1, (a, half), m.group(0)))
                found.append(PeriodMention("quarter", year, 3 * q2 - 2, 3 * q2, (half, b), m.group(0)))
                taken.append((a, b))
                continue
            mention = _mention(kind, m, report_date)
            if mention is None:
                continue
            taken.append((a, b))
            found.append(mention)
    if any(m.kind == "quarter" for m in found):
        for m in re.finditer(r"\b(?:in|to|and|than)\s+the\s+(first|second|third|fourth)\b(?!\s+(?:quarter|half|three|six|nine|months))", text):
            a, b = m.span(1)
            if free(a, b):
                q = ORDINALS[m.group(1)]
                found.append(PeriodMention("quarter", None, 3 * q - 2, 3 * q, (a, b), m.group(1)))
                taken.append((a, b))
    found.sort(key=lambda p: p.span)
    return _attach_years(text, found)


# Words that may stand between a part of a year and its year: "Q3 of last year", "last year's
# third quarter", "the July-September quarter of 2023", "last year in Q3".
_JOIN_RE = re.compile(r"^(?:\s|,|'s|\bof\b|\bin\b|\bfor\b|\bduring\b|\bthe\b|\bquarter\b)*$")
_PARTS = ("quarter", "half", "months", "quarters")


def _attach_years(text: str, found: list[PeriodMention]) -> list[PeriodMention]:
    """Give a part of a year with no year of its own the year written right beside it."""
    out: list[PeriodMention] = []
    i = 0
    while i < len(found):
        cur = found[i]
        nxt = found[i + 1] if i + 1 < len(found) else None
        if nxt is not None and _JOIN_RE.match(text[cur.span[1]:nxt.span[0]]):
            part, year = (cur, nxt) if cur.kind in _PARTS else (nxt, cur)
            if part.kind in _PARTS and part.year is None and year.kind == "year" and year.year is not None:
                span = (cur.span[0], nxt.span[1])
                out.append(PeriodMention(part.kind, year.year, part.m1, part.m2, span, text[span[0]:span[1]],
                                         part.endpoints))
                i += 2
                continue
        out.append(cur)
        i += 1
    return out


def _mention(kind: str, m: re.Match[str], report_date: date) -> PeriodMention | None:
    g = m.groups()
    span, text = m.span(), m.group(0)
    if kind == "quarters":
        q1, q2 = int(g[0]), int(g[2])
        if q2 < q1:
            return None
        return PeriodMention("quarters", _year(g[3]), 3 * q1 - 2, 3 * q2, span, text, endpoints=g[1] not in "-–—")
    if kind == "first_quarters":
        n = _WORD_NUM[g[0]]
        return PeriodMention("quarters", _year(g[1]), 1, 3 * n, span, text)
    if kind == "first_months":
        n = _WORD_NUM[g[0]]
        return PeriodMention("months", _year(g[1]), 1, n, span, text)
    if kind == "quarter":
        q = int(g[0])
        return PeriodMention("quarter", _year(g[1]), 3 * q - 2, 3 * q, span, text)
    if kind == "quarter_rev":
        q = int(g[1])
        return PeriodMention("quarter", int(g[0]), 3 * q - 2, 3 * q, span, text)
    if kind == "quarter_pair":
        return None  # handled in find_periods, which needs to return two mentions
    if kind == "same_part":
        return PeriodMention("same_part", int(g[0]), 1, 12, span, text)
    if kind == "quarter_word":
        q = ORDINALS[g[0]]
        return PeriodMention("quarter", _year(g[1]), 3 * q - 2, 3 * q, span, text)
    if kind == "quarter_num":
        q = int(g[0])
        return PeriodMention("quarter", _year(g[1]), 3 * q - 2, 3 * q, span, text)
    if kind == "summer_quarter":
        return PeriodMention("quarter", _year(g[0]), 7, 9, span, text)
    if kind == "half":
        h = int(g[0])
        return PeriodMention("half", _year(g[1]), 1 if h == 1 else 7, 6 if h == 1 else 12, span, text)
    if kind == "half_rev":
        h = int(g[1])
        return PeriodMention("half", int(g[0]), 1 if h == 1 else 7, 6 if h == 1 else 12, span, text)
    if kind == "half_word":
        first = g[0] in ("first", "1st")
        return PeriodMention("half", _year(g[1]), 1 if first else 7, 6 if first else 12, span, text)
    if kind == "month_range":
        a, b = MONTHS[g[0]], MONTHS[g[1]]
        if b < a:
            return None
        return PeriodMention("months", _year(g[2]), a, b, span, text)
    if kind == "month":
        mo = MONTHS[g[0]]
        return PeriodMention("months", _year(g[1]), mo, mo, span, text)
    if kind == "relative_year":
        phrase = g[0]
        offset = {"last year": -1, "last yr": -1, "prior year": -1, "previous year": -1, "a year earlier": None, "a year ago": None,
                  "the year before last": -2, "year before last": -2, "this year": 0,
                  "current year": 0, "next year": 1}[phrase]
        if offset is None:
            return PeriodMention("relative", None, 1, 12, span, text)
        return PeriodMention("year", report_date.year + offset, 1, 12, span, text)
    if kind == "year":
        return PeriodMention("year", int(g[0]), 1, 12, span, text)
    if kind == "latest":
        return PeriodMention("latest", None, 1, 12, span, text)
    if kind == "previous":
        return PeriodMention("previous", None, 1, 12, span, text)
    return None
