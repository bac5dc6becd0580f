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

import gzip
import pkgutil
import re
from dataclasses import dataclass, replace
from datetime import date

from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import OSA

from handlers.regex_gates import gate, passes

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

# Korean and Russian names for the same periods; the answer's language picks one (``label_in``).
RU_MONTHS = ["", "январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь",
             "октябрь", "ноябрь", "декабрь"]
ROMAN = ["", "I", "II", "III", "IV"]

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

    def label_in(self, lang: str, case: str = "nom") -> str:
        """The period's name in an answer language: "2023년 3분기", "III квартал 2023 г."; Russian
        also in the genitive ``case="gen"`` ("от уровня III квартала 2023 г.")."""
        if lang == "ko":
            return _label_ko(self)
        if lang == "ru":
            return _label_ru(self, case)
        return self.label

    def span_in(self, lang: str) -> str:
        """The months covered, in an answer language: "2023년 7~9월", "июль–сентябрь 2023 г."."""
        y1, m1 = divmod(self.start, 12)
        y2, m2 = divmod(self.end, 12)
        if lang == "ko":
            if self.months == 1:
                return f"{y1}년 {m1 + 1}월"
            if y1 == y2:
                return f"{y1}년 {m1 + 1}~{m2 + 1}월"
            return f"{y1}년 {m1 + 1}월~{y2}년 {m2 + 1}월"
        if lang == "ru":
            if self.months == 1:
                return f"{RU_MONTHS[m1 + 1]} {y1} г."
            if y1 == y2:
                return f"{RU_MONTHS[m1 + 1]}–{RU_MONTHS[m2 + 1]} {y1} г."
            return f"{RU_MONTHS[m1 + 1]} {y1} г. – {RU_MONTHS[m2 + 1]} {y2} г."
        return self.span

    def contains(self, other: "Period") -> bool:
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: "Period") -> bool:
        return self.start <= other.end and other.start <= self.end


def _label_ko(p: Period) -> str:
    code = p.code
    if ".." in code:
        return p.span_in("ko")
    year, _, part = code.partition("-")
    if not part:
        return f"{year}년"
    if part[0] == "Q":
        return f"{year}년 {part[1]}분기"
    if part[0] == "H":
        return f"{year}년 {'상' if part[1] == '1' else '하'}반기"
    return f"{year}년 {int(part)}월"


def _label_ru(p: Period, case: str = "nom") -> str:
    code = p.code
    gen = case == "gen"
    if ".." in code:
        return p.span_in("ru")
    year, _, part = code.partition("-")
    if not part:
        return f"{year} г."  # read "года" in the genitive: the abbreviation serves both
    if part[0] == "Q":
        return f"{ROMAN[int(part[1])]} квартал{'а' if gen else ''} {year} г."
    if part[0] == "H":
        return f"{part[1]}-{'го' if gen else 'е'} полугоди{'я' if gen else 'е'} {year} г."
    return f"{RU_MONTHS[int(part)]} {year} г."


def months(year: int, m1: int, m2: int) -> Period:
    """The period from month m1 to month m2 of a year."""
    return Period(year * 12 + m1 - 1, year * 12 + m2 - 1)


@lru_cache(maxsize=4096)
def parse_code(code: str) -> Period:
    """Parse a stored period code; raise PeriodCodeError for anything else. Kept per code: each
    answer parses its series' periods (twenty a series at 104k rows), and a Period is immutable."""
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


# A span the data covers only in part is answered from its parts only when they cover more than
# this share of it (three quarters of 2023: yes; Q3 alone for H2: no, "no figure", Q3 as context).
PARTIAL_MIN_COVERAGE = 0.5


def covered_parts(period: Period, avail: list[Period]) -> tuple[list[Period], list[Period]]:
    """Stored periods inside ``period`` that do not overlap each other (longest first), and the
    quarters of ``period`` none of them covers: what a span the data covers only in part is
    made of, and what it lacks."""
    inside = sorted((p for p in avail if period.contains(p)), key=lambda p: (-p.months, p.start))
    chosen: list[Period] = []
    for p in inside:
        if all(not p.overlaps(c) for c in chosen):
            chosen.append(p)
    chosen.sort()
    missing: list[Period] = []
    start = period.start
    while start <= period.end:
        q = Period(start, min(start + 2, period.end))
        if not any(c.overlaps(q) for c in chosen):
            missing.append(q)
        start += 3
    return chosen, missing


def latest(available: list[Period]) -> Period | None:
    """The period the data reaches last (the shorter one when two end together)."""
    return max(available, key=lambda p: (p.end, -p.months)) if available else None


def resolve_pairs(mentions: list["PeriodMention"], available: list[Period],
                  fallback_year: int) -> list[tuple["PeriodMention", Period]]:
    """Each period phrase that names a period, with the period it names (the question pipeline
    and the claim checker read periods alike).

    A yearless "Q2" takes the year of another part-year ("Q2 vs Q3 2023"), never of a whole year
    it is being compared with ("Q3 vs 2022" means the latest Q3, not Q3 2022); with none, the
    latest year the data can answer it for, else ``fallback_year``.
    """
    explicit_years = [m.year for m in mentions if m.year is not None and m.kind not in ("year", "same_part")]
    out: list[tuple[PeriodMention, Period]] = []
    parts = [m for m in mentions if m.kind in ("quarter", "half", "months", "quarters")]
    for m in mentions:
        if m.kind in ("previous", "relative"):
            continue
        if m.kind == "same_part":
            # "the same quarter of 2022": the months of the other period named, in that year.
            if parts and m.year is not None:
                out.append((m, parts[0].resolve(m.year)))
            continue
        if m.kind == "latest":
            if available:
                out.append((m, latest(available)))  # type: ignore[arg-type]
            continue
        if m.year is not None:
            out.append((m, m.resolve(m.year)))
            continue
        if m.kind == "ytd":
            # "YTD" with no year: the latest year the data reaches, so far (a partial span).
            if available:
                out.append((m, m.resolve(max(p.end for p in available) // 12)))
            continue
        if explicit_years:
            out.append((m, m.resolve(explicit_years[-1])))
            continue
        years = sorted({p.year for p in available} | {p.end // 12 for p in available}, reverse=True)
        chosen = next((y for y in years if tile(m.resolve(y), available)), None)
        out.append((m, m.resolve(chosen if chosen is not None else fallback_year)))
    return out


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
    bare_half: bool = False  # "полгода" alone: read as the first half, but after a quarter the half holding it

    def resolve(self, year: int) -> Period:
        return months(year, self.m1, self.m2)


_Y = r"(?:'|’)?(\d{4}|\d{2})"  # a year: 2023, '23, 23
_YEAR4 = r"(?:19[89]\d|20\d\d)"
_NOT_A_COUNT = (r"(?!\s+(?:more\s+|fewer\s+|additional\s+)?(?:north\s+korean|russian|people|persons|nationals|visitors|"
                r"arrivals|workers|citizens|entrants|travell?ers|tourists|students|entries|crossings))")

# Words after which "march", "mar" or "august" is a month ("in March", "since mar", "early August").
_MONTH_LEAD = ("in", "of", "during", "for", "since", "until", "till", "from", "by", "last", "this", "early", "late", "mid",
               "through", "before", "after", "and", "or", "to", "vs", "versus", "than", "between", "each", "every",
               "compare", "with", "against", "the")

# Korean and Russian period phrases. Korean writes the year first and glues units to numbers
# ("2023년 3분기", "1~9월"); Russian inflects ("в третьем квартале", "за первое полугодие").
_KO_Y = r"(?:(\d{4}|\d{2})\s*년\s*(?:도\s*)?(?:의\s*)?)?"
_RU_ORD = r"(перв\w*|втор\w*|трет\w*|четв[её]рт\w*|[1-4](?:\s*-?\s*(?:й|м|го|ом|ий|ый|ой|е|ое))?|iv|iii|ii|i)"
# A year written as an ordinal ("2023-го", "2022-й", "в 2023-м"): the suffix is the year's own case ending.
_RU_YEAR_SUFFIX = r"(?:\s*-\s*(?:го|й|м|ом|му|ый|ого|ому|ым|е|ой)(?![\w-]))"
_RU_YEAR_AFTER = r"(?:\s+(\d{4})" + _RU_YEAR_SUFFIX + r"?(?:\s*(?:г\b\.?|год\w*))?)?"
_RU_MONTH = (r"(январ\w*|феврал\w*|март\w*|апрел\w*|ма[йяе]\b|июн\w*|июл\w*|август\w*|сентябр\w*|"
             r"октябр\w*|ноябр\w*|декабр\w*)")
_RU_MONTH_NUM = {"январ": 1, "феврал": 2, "март": 3, "апрел": 4, "ма": 5, "июн": 6, "июл": 7, "август": 8,
                 "сентябр": 9, "октябр": 10, "ноябр": 11, "декабр": 12}
_KO_RELATIVE = {"재작년": -2, "지지난해": -2, "재작년도": -2, "작년": -1, "지난해": -1, "전년": -1, "작년도": -1,
                "올해": 0, "금년": 0, "올": 0, "내년": 1}

# Script-neutral patterns tried first: year ranges written in digits take their span before any
# language's patterns (a "2022-23" must not be read as two separate years).
_LEAD_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # "2022-23", "2022–2023", "2022/23": two whole years, as a range (summed) or two points (compared)
    ("year_range", re.compile(r"\b(20\d\d)\s*(?:-|–|—|/)\s*(20\d\d|\d\d)\b(?!\s*(?:-|–|/)\s*\d)")),
    # desk shorthand "22-23", "'22-'23": adjacent years of this century, never days ("13-14 January")
    ("year_range", re.compile(r"(?<![\w./-])['’]?(2\d)\s*(?:-|–)\s*['’]?(2\d)\b(?!\s*(?:-|–|/|\.)\s*\d)"
                              r"(?!\s*(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|people|workers|north|russians|%|percent))")),
]

# Tried in this order: Korean, Russian, English; earlier patterns take their span first. Every
# Korean pattern needs a Hangul syllable to match and every Russian one a Cyrillic letter
# (tests/test_period_words.py checks their letters), so a question without those letters skips
# them (30 of the 64 for an English question).
_KO_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # 1~3분기, 2023년 1-3분기, 1분기부터 3분기까지 (the last: two endpoints, for comparisons)
    ("ko_quarters", re.compile(_KO_Y + r"([1-4])\s*(?:분기\s*)?(~|-|부터|에서)\s*([1-4])\s*분기(?:\s*까지)?")),
    # 2023년 3분기까지, 2023년 들어 3분기까지 (누적): the year from its start up to that quarter
    ("ko_through", re.compile(r"(?:(\d{4}|\d{2})\s*년\s*(?:도\s*)?(?:들어(?:서)?\s*|초부터\s*|부터\s*)?)?([1-4])\s*분기\s*까지(?!\s*의)")),
    # 전년 동기 대비, 작년 같은 분기, 전년 대비: against the same period a year earlier
    ("ko_yoy", re.compile(r"((?:전년|작년|지난해)\s*(?:동기|같은\s*(?:분기|기간|시기))|전년\s*대비|전년\s*비(?![\uac00-\ud7a3]))")),
    # 2023년 3분기, 3분기, 3/4분기, 제3분기
    ("ko_quarter", re.compile(_KO_Y + r"(?:제\s*)?([1-4])\s*(?:/\s*4\s*)?분기")),
    # 2023년 상반기 / 하반기
    ("ko_half", re.compile(_KO_Y + r"(상|하)\s*반기")),
    # 2023년 1~9월, 7-9월, 1월부터 6월까지
    ("ko_month_range", re.compile(_KO_Y + r"(1[0-2]|[1-9])\s*(?:월\s*)?(?:~|-|부터|에서)\s*(1[0-2]|[1-9])\s*월(?:\s*까지)?")),
    # 2023년 들어 9월까지, 9월 말까지: the year from January up to that month
    ("ko_through_month", re.compile(r"(?:(\d{4}|\d{2})\s*년\s*(?:도\s*)?(?:들어(?:서)?\s*|초부터\s*|부터\s*)?)?"
                                    r"(1[0-2]|[1-9])\s*월\s*(?:말\s*)?까지(?!\s*의)")),
    ("ko_month", re.compile(_KO_Y + r"(1[0-2]|[1-9])\s*월(?!\s*(?:~|-))")),
    ("ko_relative", re.compile(r"(재작년도|재작년|지지난\s?해|작년도|작년|지난\s?해(?![\uac00-\ud7a3])|지난해|전년|올해|금년|내년)")),
    ("ko_year", re.compile(r"(?<!\d)(\d{4})\s*년(?:도)?")),
    # "22년", "23년도": desk shorthand for a year of this century (20xx), as "22년 3분기" already is;
    # not a duration ("10년 뒤", "20년 동안", "5년쯤") nor a part of a larger number ("2397호").
    ("ko_year", re.compile(r"(?<![\d.,~-])([1-3]\d)\s*년(?:도)?"
                           r"(?!\s*(?:뒤|후|전|간|동안|만|째|이상|이내|안에|쯤|가량|넘|여|짜리|새|사이|마다))")),
    # 전 분기, 이전 분기, 지난 분기: the quarter before the one asked about (not 직전 분기, below)
    ("previous", re.compile(r"(?<![\uac00-\ud7a3])((?:전|이전|지난|앞)\s*분기)")),
    ("latest", re.compile(r"(최신|최근\s*분기|가장\s*최근|직전\s*분기|최근)")),
]
_RU_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # со второго по третий квартал / с 1-го на 3-й квартал: two endpoints
    # (and the short "с 1 по 3 кв": кв. is how a quarter is written in a hurry)
    ("ru_quarters", re.compile(r"\bс[оo]?\s+" + _RU_ORD + r"\s+(?:квартал\w*\s+|кв\.?\s+)?(по|на|до|к)\s+" + _RU_ORD + r"\s+(?:квартал\w*|кв(?![\w])\.?)" + _RU_YEAR_AFTER)),
    # 1-3 кварталы, i-iii кварталы, 1-3 кв. (the abbreviation, as the single quarter's "3 кв." is read)
    ("ru_quarters", re.compile(r"\b" + _RU_ORD + r"\s*(-)\s*" + _RU_ORD + r"\s*(?:квартал\w*|кв\b\.?)" + _RU_YEAR_AFTER)),
    # первый и второй квартал(ы), 1 и 2 кв.: two quarters, found as a pair
    ("ru_quarter_pair", re.compile(r"\b" + _RU_ORD + r"\s+(?:и|,)\s+(?:(?:в|во|за)\s+)?" + _RU_ORD + r"\s*(?:квартал\w*|кв\b\.?)" + _RU_YEAR_AFTER)),
    # первые три квартала (2023)
    ("ru_first_quarters", re.compile(r"\bперв\w*\s+(два|две|три|2|3)\s+квартал\w*" + _RU_YEAR_AFTER)),
    # desk shorthand with a two-digit year: 3кв23, 3 кв. 23
    ("ru_quarter", re.compile(r"\b([1-4])\s*кв\.?\s*'?(\d{2})\b")),
    # третий квартал 2023 г., 3-й квартал, III квартал, 3 кв.
    ("ru_quarter", re.compile(r"\b" + _RU_ORD + r"\s*(?:квартал\w*|кв\b\.?)" + _RU_YEAR_AFTER)),
    # первое полугодие 2023, 1-е полугодие
    ("ru_half", re.compile(r"\b(перв\w*|втор\w*|[12](?:\s*-?\s*(?:е|ое|м|ом|го))?|ii|i)\s+(?:полугоди\w*|полгода)" + _RU_YEAR_AFTER)),
    # "в первой половине 2023 года", "во второй половине года": a half in other words
    ("ru_half", re.compile(r"\b(перв\w*|втор\w*)\s+половин\w*" + _RU_YEAR_AFTER + r"(?:\s+год[ау]?\b)?")),
    # desk shorthand: 1п 2023, 2 пг 2023, 1-е п/г
    # and "1П", "2п" alone ("с 1П до 3 кв."): a digit glued to п, with no letter after it
    ("ru_half", re.compile(r"\b([12])\s*(?:-?\s*(?:е|ое|м|ом|го)\s*)?(?:п/?г\b\.?|п(?=\s+\d{4}\b)|(?<=\d)п(?![\w/.]))"
                           + _RU_YEAR_AFTER)),
    # a half named alone: "чем за полугодие", "за полгода" is the first half (the only half of a
    # year the report's data completes); "последнее/прошлое полугодие" the half before the report
    ("ru_half_bare", re.compile(r"(?<![\w-])(?:(последн\w*|прошл\w*|предыдущ\w*)\s+)?(?:полугоди\w*|полгода)\b"
                                + _RU_YEAR_AFTER)),
    # январь–сентябрь 2023, с января по сентябрь
    ("ru_month_range", re.compile(r"\b(?:с\s+)?" + _RU_MONTH + r"\s*(?:-|по|до)\s*" + _RU_MONTH + _RU_YEAR_AFTER)),
    # (первые) девять месяцев 2023
    # ... but not "последние три месяца": the last months, never the first
    ("ru_first_months", re.compile(r"(?<!последн\w\w\s)\b(?:перв\w*\s+)?(два|три|шесть|девять|[2-9]|1[01])\s+(?:месяц\w*|мес\b\.?)" + _RU_YEAR_AFTER)),
    # с начала 2023 года по сентябрь: from January of that year up to the month
    ("ru_year_to_month", re.compile(r"\bс\s+начала\s+(" + _YEAR4 + r")\s*(?:г\b\.?|год\w*)?\s*(?:и\s+)?(?:по|до)\s+"
                                    r"(?:конец\s+|конца\s+)?" + _RU_MONTH)),
    # в июле, августе и сентябре 2023: months listed one after another are the span they make
    ("ru_month_list", re.compile(r"\b" + _RU_MONTH + r"((?:\s*,\s*(?:" + _RU_MONTH[1:-1] + r"))*\s*(?:,|и)\s*)"
                                 + _RU_MONTH + _RU_YEAR_AFTER)),
    ("ru_month", re.compile(r"\b" + _RU_MONTH + _RU_YEAR_AFTER)),
    # с начала года / с начала этого года: year to date, the data's latest year ("с начала 2023
    # года", "с начала прошлого года" are the year itself, read as a span covered in part)
    ("ytd", re.compile(r"\bс\s+начала\s+(?:(?:этого|текущего|нынешнего)\s+)?года\b")),
    ("ru_relative", re.compile(r"\bс\s+начала\s+(позапрошл\w*\s+год\w*|прошл\w*\s+год\w*)")),
    ("ru_year", re.compile(r"\bс\s+начала\s+(" + _YEAR4 + r")\s*(?:г\b\.?|год\w*)")),
    ("ru_relative", re.compile(r"\b(позапрошл\w*\s+год\w*|прошл\w*\s+год\w*|прошлогодн\w*|(?:этом|этот|текущ\w*|нынешн\w*)\s+год\w*|следующ\w*\s+год\w*)")),
    ("ru_year", re.compile(r"\b(" + _YEAR4 + r")\s*(?:г\b\.?|год\w*)")),
    ("ru_year", re.compile(r"\b(" + _YEAR4 + r")" + _RU_YEAR_SUFFIX + r"(?:\s*(?:г\b\.?|год\w*))?")),
    ("previous", re.compile(r"\b(предыдущ\w*\s+квартал\w*|прошл\w*\s+квартал\w*)")),
    # "больше, чем в предыдущем", "по сравнению с предыдущим": the quarter before, elided.
    ("previous", re.compile(r"\b(?:чем|с|со|от|к|относительно|против)\s+(?:в\s+|во\s+)?(предыдущ\w*)"
                            r"(?!\s+(?:год|полугод|месяц|мест|период))")),
    ("latest", re.compile(r"\b(последн\w*\s+квартал\w*|последн\w*\s+данн\w*|свеж\w*)")),
]
_EN_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # Q1-Q3 2023, q1 to q3 2023
    ("quarters", re.compile(r"\bq([1-4])\s*(-|–|—|to|through|thru|until)\s*q([1-4])(?:\s*(?:of\s+)?" + _Y + r")?\b")),
    # first three quarters (of 2023), first 3 quarters
    ("first_quarters", re.compile(r"\bfirst\s+(two|three|2|3)\s+quarters(?:\s+of\s+(\d{4}))?\b")),
    # first nine months, first six months
    ("first_months", re.compile(r"\bfirst\s+(two|three|four|five|six|seven|eight|nine|ten|eleven|[2-9]|1[01])\s+months(?:\s+of\s+(?:the\s+year\s+)?(\d{4}))?\b")),
    # desk shorthand: 9M23, 9M 2023 (the first nine months), "the nine-month total"
    ("first_months", re.compile(r"\b([2-9]|1[01])m\s?(\d{4}|\d{2})\b")),
    ("first_months", re.compile(r"\b(two|three|four|five|six|seven|eight|nine|ten|eleven)-month(?:\s+(?:total|figure|period|tally|sum))?(?:\s+(?:of\s+)?(\d{4}))?\b")),
    # 3Q23, 3Q 2023, 3q'23
    ("quarter", re.compile(r"\b([1-4])\s?q\s?" + _Y + r"\b")),
    # 3Q with no year ("in 3Q"): the year comes from the rest of the question or the data
    ("quarter", re.compile(r"\b([1-4])q()\b")),
    # Q3 2023, Q3'23, Q3-23, Q3/23, Q3 of 2023, q3 fy23
    # "q2보다": a Korean particle may follow the code directly (Hangul is a word character).
    ("quarter", re.compile(r"\bq([1-4])(?:\s*(?:-|/|of|,)?\s*(?:fy)?" + _Y + r")?(?![a-z0-9_])")),
    # 2023 Q3, 2023Q3, 2023-Q3
    ("quarter_rev", re.compile(r"\b(" + _YEAR4 + r")\s*-?\s*q([1-4])\b")),
    # the second and third quarters (of 2023): two quarters, found as a pair
    ("quarter_pair", re.compile(r"\b(first|1st|second|2nd|third|3rd|fourth|4th)\s+(?:and|&|to)\s+(?:the\s+)?(first|1st|second|2nd|third|3rd|fourth|4th)\s+quarters?(?:\s+(?:of\s+)?(?:the\s+)?(?:year\s+)?(\d{4}))?\b")),
    # the same quarter of 2022 / a year earlier: the months of another period, in another year
    ("same_part", re.compile(r"\b(?:the\s+)?same\s+(?:quarter|period|half|months?)\s+(?:of|in)\s+(\d{4})\b")),
    # third quarter (of 2023 / of last year), 3rd qtr, quarter 3
    ("quarter_word", re.compile(r"\b(first|1st|second|2nd|third|3rd|fourth|4th|final)[\s-]+(?:quarter|qtr|quater|quartr|qurter)(?:\s+(?:of\s+)?(?:the\s+)?(?:year\s+)?(\d{4}))?\b")),
    ("quarter_num", re.compile(r"\bquarter\s+([1-4])(?:\s+(?:of\s+)?(\d{4}))?\b")),
    # 1H23, H1 2023, H1'23, first half (of 2023)
    ("half", re.compile(r"\b([12])\s?h\s?" + _Y + r"\b")),
    ("half_rev", re.compile(r"\b(" + _YEAR4 + r")\s*-?\s*h([12])\b")),
    ("half", re.compile(r"\bh([12])(?:\s*(?:-|/|of|,)?\s*" + _Y + r")?\b")),
    ("half_word", re.compile(r"\b(first|1st|second|2nd|latter|last)[\s-]+half(?:\s+(?:of\s+)?(?:the\s+)?(?:year\s+)?(\d{4}))?\b")),
    # "YTD 2023", "year-to-date 2023": the year, so far (the partial span of it the data has)
    ("ytd_year", re.compile(r"\b(?:ytd|year[- ]to[- ]date)\s+(?:of\s+|in\s+|for\s+)?(\d{4})\b")),
    # "as of end-Sept", "through the end of September 2023", "to end-June": from January to that month
    ("through_month", re.compile(r"\b(?:as of|as at|through|thru|to|until|till|up to|by)\s+(?:the\s+)?end[- ](?:of\s+)?("
                                 + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?(?:\s+(\d{4}))?\b")),
    # January-September 2023, jan to sep, july–september
    ("month_range", re.compile(r"\b(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?\s*(?:-|–|—|to|through|thru|until|till)\s*(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?(?:\s*(?:of\s+)?(\d{4}))?\b")),
    ("month_range", re.compile(r"\bbetween\s+(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?\s+and\s+(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?(?:\s*(?:of\s+)?(\d{4}))?\b")),
    ("summer_quarter", re.compile(r"\bsummer\s+quarter(?:\s+(?:of\s+)?(\d{4}))?\b")),
    # a single month: august 2023 ("may" only with a year, it is also a verb)
    ("month", re.compile(r"\b(january|february|april|june|july|september|october|november|december|jan|feb|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?(?:\s+(\d{4}))?\b")),
    # "march", "mar", "august" are also words ("march into Russia", "mar the trend", "august
    # body"): a month only with a year, or after a word that places a time ("in March", "since mar").
    ("month", re.compile(r"\b(march|mar|august)\.?\s+(\d{4})\b")),
    ("month", re.compile(r"(?:" + "|".join(f"(?<=\\b{w}\\s)" for w in _MONTH_LEAD) + r"|^)(march|mar|august)\.?()(?!\s+(?:into|in|to|on|across|through|over|past|up|down|out|the)\b)\b")),
    ("month", re.compile(r"\b(may)\s+(\d{4})\b")),
    # year to date with no year ("YTD", "so far this year"): the latest year the data reaches
    ("ytd", re.compile(r"\b(?:ytd|year[- ]to[- ]date)\b(?!\s*(?:of\s+|in\s+)?(?:'|’)?\d)")),
    # relative years
    ("relative_year", re.compile(r"\b(last year|last yr|previous year|prior year|the year before last|year before last|this year|current year|a year earlier|a year ago|next year|y/y|yoy|y-o-y|year on year|year-on-year|year over year|year-over-year|on the year)\b")),
    # "2,000 North Koreans" (its separator already gone) counts people; it is not the year 2000
    # "the 2022 entrants", "how many 2023 arrivals": after a determiner, or asked "how many" of, a
    # year before a noun of people names their year; it is not a count stated ("2,022 entrants").
    ("year", re.compile(r"(?:(?<=\bthe\s)|(?<=\bthose\s)|(?<=\bthese\s)|(?<=\bhow many\s)|(?<=\bnumber of\s)"
                        r"|(?<=\bhow many of\s)|(?<=\ball\s)|(?<=\bpercentage of\s)|(?<=\bpercent of\s)|(?<=\bshare of\s)"
                        r"|(?<=\bproportion of\s)|(?<=\bfraction of\s)|(?<=\bportion of\s)|(?<=\bmajority of\s)"
                        r"|(?<=\bmost of\s)|(?<=\bhalf of\s)|(?<=\bbreakdown of\s))(" + _YEAR4 + r")\b(?!\s*%)")),
    ("year", re.compile(r"\b(?:in\s+|for\s+|of\s+|during\s+)?(?:fy\s*)?(" + _YEAR4 + r")\b" + _NOT_A_COUNT)),
    # desk shorthand for a year: FY22, CY'22 (the data's years are calendar years)
    ("year", re.compile(r"\b(?:fy|cy)\s?(?:'|’)?(\d{2})\b")),
    # "q3 vs 22", "against '22": a bare two-digit year set against another period
    ("year", re.compile(r"(?:(?<=\bvs\s)|(?<=\bvs\.\s)|(?<=\bversus\s))(?:'|’)?(1[89]|2\d)\b"
                        r"(?!\s*(?:%|percent|people|more|fewer|north|russians?|koreans?))")),
    ("previous", re.compile(r"\b(previous quarter|prior quarter|preceding quarter|quarter before|the quarter before|earlier quarter|previous period|prior period|q-o-q|qoq|q/q|quarter on quarter|quarter-on-quarter|sequential(?:ly)?)\b")),
    ("latest", re.compile(r"\b(latest|most recent|newest|last quarter|recent quarter|current quarter|this quarter|last reported quarter)\b")),
]
_PATTERNS = _LEAD_PATTERNS + _KO_PATTERNS + _RU_PATTERNS + _EN_PATTERNS
_LEAD_EN_PATTERNS = _LEAD_PATTERNS + _EN_PATTERNS
_HANGUL_RE = re.compile(r"[\uac00-\ud7a3]")
_CYRILLIC_RE = re.compile(r"[\u0400-\u04ff]")


# Per pattern, strings one of which each of its matches contains (handlers/regex_gates.py): a
# question with none of them is not scanned by it. By id, for ASCII questions and for others.
_GATES = {id(p): gate(p) for _, p in _PATTERNS}
_ASCII_GATES = {id(p): gate(p, ascii_text=True) for _, p in _PATTERNS}


def _patterns_for(text: str) -> list[tuple[str, re.Pattern[str]]]:
    """The patterns that can match ``text``, in ``_PATTERNS`` order."""
    if text.isascii():
        return _LEAD_EN_PATTERNS
    return (_LEAD_PATTERNS + (_KO_PATTERNS if _HANGUL_RE.search(text) else [])
            + (_RU_PATTERNS if _CYRILLIC_RE.search(text) else []) + _EN_PATTERNS)

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
_NOT_TYPOS = {"thirds", "halves", "fifths", "yearly", "this", "that", "then", "than", "these", "those", "month", "weeks", "while"}  # "while" is no slip for "whole"


def _one_edit(word: str) -> set[str]:
    """Every lower-case string one edit from ``word``: a deletion, an insertion, a substitution or
    a swap of neighbours (the edits OSA distance counts)."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    return ({a + b[1:] for a, b in splits if b} | {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
            | {a + c + b[1:] for a, b in splits if b for c in letters} | {a + c + b for a, b in splits for c in letters})


@lru_cache(maxsize=1)
def english_lookalikes() -> frozenset[str]:
    """The English words one edit from a period word ("match", "jury", "hall"), from pyspellchecker's
    frequency list of 160,000 words: the only words ``fix_period_typos`` ever asks about.

    Read from the list's text without building it (a dictionary of every word would cost the
    process 22 MB kept and 44 MB at its peak, for the few hundred words asked about here); read
    once per process, by the start-up warm-up (handlers/warmup.py) or else on first use.
    """
    near = set().union(*(_one_edit(w) for w in PERIOD_WORDS))
    raw = pkgutil.get_data("spellchecker", "resources/en.json.gz")  # the field's word list
    text = gzip.decompress(raw or b"").decode("utf-8")
    # pyspellchecker lower-cases its keys; a look-alike is letters only (``_WORD_RE``).
    return frozenset(w for w in (m.group(1).lower() for m in re.finditer(r'"([A-Za-z]{4,})":', text)) if w in near)


def is_english_word(word: str) -> bool:
    """Is ``word`` (lower case, one edit from a period word) a word of English ("match", "jury",
    "marsh"), not a slip? Only such words are asked about, so only they are kept."""
    return word in english_lookalikes()


# A word this frequent in the list is a word of its own ("decade", 6,733), never a slip for a
# known word one edit away ("decide"); rarer ones ("minster", 106; "eduction", 50) may be slips.
COMMON_WORD_MIN_COUNT = 1000


@lru_cache(maxsize=1)
def common_english_words() -> frozenset[str]:
    """The words of pyspellchecker's frequency list counted at least COMMON_WORD_MIN_COUNT times
    (about 18,000 of its 160,000), read from the list's text without building the whole dictionary
    (5 MB kept instead of 36 MB); read once per process, by the start-up warm-up or on first use."""
    raw = pkgutil.get_data("spellchecker", "resources/en.json.gz")  # the field's word list
    text = gzip.decompress(raw or b"").decode("utf-8")
    return frozenset(m.group(1).lower() for m in re.finditer(r'"([A-Za-z\'-]+)": (\d+)', text)
                     if int(m.group(2)) >= COMMON_WORD_MIN_COUNT)


def is_common_english_word(word: str) -> bool:
    """Is ``word`` (lower case) a common English word (count >= COMMON_WORD_MIN_COUNT)?"""
    return word in common_english_words()


def fix_period_typos(text: str) -> str:
    """Correct slips in period words ("frist half", "thrid quater") before the patterns run.

    Only words of four letters or more, with the same first letter, one edit (a transposition
    counts as one) from a period word, and not themselves English words ("does it match 365?"
    is not March, "jury" is not July, "hall" is not half): periods decide which figure is given,
    so guesses are narrow.
    """
    return _WORD_RE.sub(_fixed_word, text)


def _fixed_word(m: re.Match[str]) -> str:
    return _period_word_for(m.group(0))


# Per word, not per question: the same words come back in most questions ("many", "russia",
# "koreans"), and each look-up searched the period words with rapidfuzz (about 4 % of an answer).
@lru_cache(maxsize=8192)
def _period_word_for(word: str) -> str:
    """The period word ``word`` is a slip for, or ``word`` itself (see fix_period_typos)."""
    if word in PERIOD_WORDS or word in _NOT_TYPOS:
        return word
    best = process.extractOne(word, PERIOD_WORDS, scorer=OSA.distance, score_cutoff=1)
    if (best is not None and best[0][0] == word[0] and len(word) >= 4 and abs(len(best[0]) - len(word)) <= 1
            and not is_english_word(word)):
        return best[0]
    return word


def find_periods(text: str, report_date: date,
                 patterns: list[tuple[str, re.Pattern[str]]] | None = None) -> list[PeriodMention]:
    """Every period phrase in normalised text, in order of appearance, without overlaps.

    ``patterns`` (default: those that can match ``text``) is for tests, which compare with all.
    """
    found: list[PeriodMention] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    gates = _ASCII_GATES if text.isascii() else _GATES
    for kind, pattern in (_patterns_for(text) if patterns is None else patterns):
        if not passes(gates.get(id(pattern)), text):
            continue  # it has no match here: none of the strings each of its matches contains
        for m in pattern.finditer(text):
            a, b = m.span()
            if not free(a, b):
                continue
            if kind == "year_range":
                y1, tail = int(m.group(1)), m.group(2)
                y1 = y1 if y1 >= 100 else 2000 + y1
                y2 = int(tail) if len(tail) == 4 else y1 // 100 * 100 + int(tail)
                if y2 != y1 + 1:
                    continue  # "2022-25": not two adjacent years the question could mean
                half = (a + b) // 2
                # Both mentions keep the range's text: a sum of the two unless a change is asked.
                found.append(PeriodMention("year", y1, 1, 12, (a, half), m.group(0)))
                found.append(PeriodMention("year", y2, 1, 12, (half, b), m.group(0)))
                taken.append((a, b))
                continue
            if kind in ("quarter_pair", "ru_quarter_pair"):
                if kind == "quarter_pair":
                    q1, q2, year = ORDINALS[m.group(1)], ORDINALS[m.group(2)], _year(m.group(3))
                else:
                    q1, q2, year = _ru_ordinal(m.group(1)), _ru_ordinal(m.group(2)), _year(m.group(3))
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
    # "по сравнению с первым", "чем в 1-м", "за второй квартал и за первый", "показатель второго":
    # the other part of a Russian comparison, elided. It is the same kind of period as the one
    # the question names (a quarter beside quarters, a half beside halves).
    named = [m.kind for m in found if m.kind in ("quarter", "half")]
    if named:
        kind = named[0]
        for m in _RU_ELLIPTICAL_RE.finditer(text):
            a, b = m.span(1)
            n = _ru_ordinal(m.group(1))
            if _RU_RANK_AFTER_RE.match(text, b):
                continue
            if free(a, b) and (kind == "quarter" or n <= 2):
                size = 3 if kind == "quarter" else 6
                found.append(PeriodMention(kind, None, size * n - size + 1, size * n, (a, b), m.group(1)))
                taken.append((a, b))
    found.sort(key=lambda p: p.span)
    # "2023 year to date", "2023 YTD": the year written before says which year is meant so far;
    # the "to date" is not a second period (the latest year) to compare it with.
    merged: list[PeriodMention] = []
    for m in found:
        prev = merged[-1] if merged else None
        if (m.kind == "ytd" and prev is not None and prev.kind == "year"
                and re.fullmatch(r"[\s,'’s-]*", text[prev.span[1]:m.span[0]])):
            merged[-1] = replace(prev, span=(prev.span[0], m.span[1]), text=text[prev.span[0]:m.span[1]])
            continue
        merged.append(m)
    found = merged
    # "2023 ... as of end-September": the year, up to that month; one span, not two periods.
    ends = [m for m in found if m.kind == "months" and m.m1 == 1 and _THROUGH_END_RE.match(m.text)]
    years = [m for m in found if m.kind == "year" and m.year is not None]
    if len(ends) == 1 and len(years) == 1 and ends[0].year in (None, years[0].year):
        end, year = ends[0], years[0]
        found = [replace(end, year=year.year) if m is end else m for m in found if m is not year]
    return _attach_years(text, found)


def settle_korean(text: str, found: list[PeriodMention]) -> list[PeriodMention]:
    """A Korean question's periods as asked: one it sets aside dropped, a topic year given to the
    part of the year named later. Applied after the question's period words are masked (their
    words, "2023년" too, are read as periods, never as numbers stated)."""
    return _korean_topic_year(text, _korean_set_aside(text, found))


# "올해 들어서가 아니라 작년 누적으로": a Korean period followed by "(이)가 아니라/아니고" or 말고 is
# set aside by the question, not asked about.
_KO_SET_ASIDE_RE = re.compile(r"\s*(?:들어(?:서)?|에|에는|엔|의|기준)?\s*(?:가|이|는|은|도)?\s*(?:아니(?:라|고)|말고)")
# A comparison, a list of periods or a part within a whole ("2023년 ... 중 3분기 비중"): the year
# written first is one of the periods asked about.
_KO_COMPARE_RE = re.compile(r"대비|비교|보다|차이|증가|감소|늘|줄|변화|vs|배|와|과|랑|하고|및|,|중|비중|비율|차지|%|퍼센트|평균")


def _korean_set_aside(text: str, found: list[PeriodMention]) -> list[PeriodMention]:
    if not _HANGUL_IN_RE.search(text) or len(found) < 2:
        return found
    kept = [m for m in found if not _KO_SET_ASIDE_RE.match(text, m.span[1])]
    return kept if kept else found


def _korean_topic_year(text: str, found: list[PeriodMention]) -> list[PeriodMention]:
    """"2023년 러시아인 방북 1~9월 누적": a Korean question names its year first, as its topic, and
    the part of the year later; the two are one period (January-September 2023), not two.

    Only when they are the question's only periods and nothing compares or lists periods: in
    "2022년과 3분기 비교" the year is one side of a comparison.
    """
    if len(found) != 2 or not _HANGUL_IN_RE.search(text):
        return found
    year, part = found
    if (year.kind != "year" or year.year is None or part.kind not in _PARTS or part.year is not None
            or _KO_COMPARE_RE.search(text)):
        return found
    return [replace(part, year=year.year)]


_HANGUL_IN_RE = re.compile(r"[\uac00-\ud7a3]")


_THROUGH_END_RE = re.compile(r"(?:as of|as at|through|thru|to|until|till|up to|by)\s")


# Words that may stand between a part of a year and its year: "Q3 of last year", "last year's
# third quarter", "the July-September quarter of 2023", "last year in Q3".
_JOIN_RE = re.compile(r"^(?:\s|,|'s|\bof\b|\bin\b|\bfor\b|\bduring\b|\bthe\b|\bquarter\b|의|\bза\b|\bв\b)*$")
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


_RU_ELLIPTICAL_RE = re.compile(
    r"\b(?:с|со|чем|и|от|во|в|за|по|к|ко|на|над|показател\w*|уровн\w*|уровен\w*|больше|меньше|выше|ниже|"
    r"обогнал\w*|обгоня\w*|опереди\w*|опережа\w*|превыси\w*|превыша\w*|превосход\w*|превзош\w*|уступ\w*|против|"
    r"относительно|сравнительно|vs\.?|versus)\s+"
    r"(перв\w*|втор\w*|трет\w*|четв[её]рт\w*|[1-4]\s*-\s*(?:й|м|го|ом|му|ый|ий|ой|е|ое|ым))"
    r"(?![\w-])(?!\s+(?:квартал|кв\b|полугод|половин|месяц|раз|место))")
# "вторая по частоте" ranks; "больше первого по числу въехавших", "с первым по въезду" compare
# with the first quarter: an ordinal followed by "по" and a word of rank (frequency, size,
# popularity) is a place in a ranking, not a period.
_RU_RANK_AFTER_RE = re.compile(r"\s+по\s+(?:частот|величин|популярн|значимост|распростран|важност|размер)")


def _ru_ordinal(word: str) -> int:
    """перв* / 1-й / i -> 1 ... for quarters and halves."""
    word = word.strip()
    for stem, n in (("перв", 1), ("втор", 2), ("трет", 3), ("четв", 4)):
        if word.startswith(stem):
            return n
    roman = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
    if word in roman:
        return roman[word]
    return int(word[0])


def _ru_month(word: str) -> int:
    return next(n for stem, n in _RU_MONTH_NUM.items() if word.startswith(stem))


_RU_COUNT = {"два": 2, "две": 2, "три": 3, "шесть": 6, "девять": 9}


def _mention(kind: str, m: re.Match[str], report_date: date) -> PeriodMention | None:
    g = m.groups()
    span, text = m.span(), m.group(0)
    if kind.startswith(("ko_", "ru_")):
        return _mention_local(kind, g, span, text, report_date)
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
    if kind == "ytd_year":
        return PeriodMention("year", _year(g[0]), 1, 12, span, text)
    if kind == "through_month":
        return PeriodMention("months", _year(g[1]), 1, MONTHS[g[0]], span, text)
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
                  # desk shorthand for "against the same period a year earlier"
                  "y/y": None, "yoy": None, "y-o-y": None, "year on year": None, "year-on-year": None,
                  "year over year": None, "year-over-year": None, "on the year": None,
                  "current year": 0, "next year": 1}[phrase]
        if offset is None:
            return PeriodMention("relative", None, 1, 12, span, text)
        return PeriodMention("year", report_date.year + offset, 1, 12, span, text)
    if kind == "year":
        return PeriodMention("year", _year(g[0]) or 0, 1, 12, span, text)
    if kind == "ytd":
        return PeriodMention("ytd", None, 1, 12, span, text)  # the year is the data's latest (desk.resolve_pairs)
    if kind == "latest":
        return PeriodMention("latest", None, 1, 12, span, text)
    if kind == "previous":
        return PeriodMention("previous", None, 1, 12, span, text)
    return None


def _mention_local(kind: str, g: tuple[str | None, ...], span: tuple[int, int], text: str,
                   report_date: date) -> PeriodMention | None:
    """Korean and Russian period phrases, as the same mentions the English ones give."""
    if kind == "ko_quarters":
        q1, q2 = int(g[1]), int(g[3])
        if q2 < q1:
            return None
        return PeriodMention("quarters", _year(g[0]), 3 * q1 - 2, 3 * q2, span, text, endpoints=g[2] in ("부터", "에서"))
    if kind == "ko_through":
        return PeriodMention("quarters", _year(g[0]), 1, 3 * int(g[1]), span, text)
    if kind == "ko_through_month":
        return PeriodMention("months", _year(g[0]), 1, int(g[1]), span, text)
    if kind == "ko_yoy":
        return PeriodMention("relative", None, 1, 12, span, text)
    if kind == "ko_quarter":
        q = int(g[1])
        return PeriodMention("quarter", _year(g[0]), 3 * q - 2, 3 * q, span, text)
    if kind == "ko_half":
        first = g[1] == "상"
        return PeriodMention("half", _year(g[0]), 1 if first else 7, 6 if first else 12, span, text)
    if kind == "ko_month_range":
        a, b = int(g[1]), int(g[2])
        if b < a:
            return None
        return PeriodMention("months", _year(g[0]), a, b, span, text)
    if kind == "ko_month":
        mo = int(g[1])
        return PeriodMention("months", _year(g[0]), mo, mo, span, text)
    if kind == "ko_relative":
        # "지난 해" spaced is 지난해
        return PeriodMention("year", report_date.year + _KO_RELATIVE[re.sub(r"\s", "", g[0])], 1, 12, span, text)
    if kind in ("ko_year", "ru_year"):
        return PeriodMention("year", _year(g[0]), 1, 12, span, text)
    if kind == "ru_quarters":
        q1, q2 = _ru_ordinal(g[0]), _ru_ordinal(g[2])
        if q2 < q1:
            return None
        return PeriodMention("quarters", _year(g[3]), 3 * q1 - 2, 3 * q2, span, text, endpoints=g[1] != "-")
    if kind == "ru_first_quarters":
        n = _RU_COUNT.get(g[0]) or int(g[0])
        return PeriodMention("quarters", _year(g[1]), 1, 3 * n, span, text)
    if kind == "ru_quarter":
        q = _ru_ordinal(g[0])
        return PeriodMention("quarter", _year(g[1]), 3 * q - 2, 3 * q, span, text)
    if kind == "ru_half":
        first = _ru_ordinal(g[0]) == 1
        return PeriodMention("half", _year(g[1]), 1 if first else 7, 6 if first else 12, span, text)
    if kind == "ru_half_bare":
        if g[0]:  # the half before the report's date
            if report_date.month <= 6:
                return PeriodMention("half", report_date.year - 1, 7, 12, span, text)
            return PeriodMention("half", report_date.year, 1, 6, span, text)
        return PeriodMention("half", _year(g[1]), 1, 6, span, text, bare_half=not g[1])
    if kind == "ru_month_range":
        a, b = _ru_month(g[0]), _ru_month(g[1])
        if b < a:
            return None
        return PeriodMention("months", _year(g[2]), a, b, span, text)
    if kind == "ru_year_to_month":
        return PeriodMention("months", int(g[0]), 1, _ru_month(g[1]), span, text)
    if kind == "ru_month_list":
        listed = [_ru_month(w) for w in re.findall(_RU_MONTH, text)]
        if any(b != a + 1 for a, b in zip(listed, listed[1:])):
            return None  # "в июле и сентябре": not one span; each month is read (and refused) alone
        return PeriodMention("months", _year(g[-1]), listed[0], listed[-1], span, text)
    if kind == "ru_first_months":
        n = _RU_COUNT.get(g[0]) or int(g[0])
        return PeriodMention("months", _year(g[1]), 1, n, span, text)
    if kind == "ru_month":
        mo = _ru_month(g[0])
        return PeriodMention("months", _year(g[1]), mo, mo, span, text)
    if kind == "ru_relative":
        phrase = g[0]
        offset = (-2 if phrase.startswith("позапрошл") else -1 if phrase.startswith("прошл")
                  else 1 if phrase.startswith("следующ") else 0)
        return PeriodMention("year", report_date.year + offset, 1, 12, span, text)
    return None
