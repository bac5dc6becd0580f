"""Claim check: every figure and statement in a journalist's sentence, checked against the data.

A sentence is read part by part. A part that reports what someone said, estimated or predicted,
or states a date, a deadline, an amount in words or a stance ("both deny"), is a statement: it
is checked against the report's facts (data/facts.csv), slot by slot. Every other number is a
figure claim, tied to the measure it claims (a total, a category count, a difference, a
percentage change, a share, a ratio) and checked with the same named SQL queries as answers.
Sentences without numbers are checked for the qualitative claims the data settles (which
direction was larger, what was most common, whether arrivals rose).

The rules that matter, because one false "matches" does more harm than ten "not in the data":

- Tolerance comes from the sentence's own words. An exact figure must be exact; a hedge widens
  only to the rounding its digits imply ("about 370" for 365; not "some 312" for 213, which is
  flagged as a digit slip).
- A verdict needs every part of the claim resolved: measure, direction, period and category.
  A part that does not resolve (a carrier, pay, a route, a purpose the data lacks) makes the
  claim "not in the data", even when the number matches something.
- "Matches" is only ever said of a figure the data has or a statement the report makes.

Korean and Russian sentences are read with the same steps; their hedges, change words and
statement slots are in handlers/claims_words.py. The checker depends on the pipeline only for
its public resources (snapshot, lexicon, queries, renderer, report date); everything it asks
of the data goes through the named SQL queries.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any, Callable, NamedTuple

from rapidfuzz.distance import OSA

from handlers import claims_rank as R
from handlers import claims_words as W
from handlers import claim_ratios as Q
from handlers.understanding.extract import Extraction, extract
from handlers.language import COUNTER_MARK, detect, is_particle, korean_proper_noun
from handlers.lexicon import normalise, tokens
from handlers.model import DataAccess
from handlers.periods import (Period, PeriodMention, find_periods, fix_period_typos, latest, parse_code, resolve_pairs,
                             tile)
from handlers.queries import QueryRunner
from handlers.render import to_plain
from handlers.understanding.directions import DirectionUnresolved, pick_direction


NEAR_WINDOW = 24  # characters around a number in which its unit and hedge words are read
MEASURE_WORDS = 4  # words after a number that name what it counts
ABOUT_MAX_RELATIVE = 0.06  # "about N" never stretches beyond 6 % of the true value, whatever its digits
NEAR_MAX_RELATIVE = 0.05  # "nearly N", "just over N": within 5 %
STATEMENT_MIN_WEIGHT = 2.5  # fact keyword weight from which a part is read as about a statement
FACT_CLAIM_WEIGHT = 4.0  # a clause this close to a statement is about the statement
NAME_SPELLING_SIMILARITY = 0.75  # a proper name this close to one the report uses is the same name

_UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
          "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
          "seventeen": 17, "eighteen": 18, "nineteen": 19}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_SCALES = {"hundred": 100, "thousand": 1000}
_WORDS_RE = re.compile(r"\b(?:(?:a|two|three|four|five|six)[\s-]+dozen|(?:(?:" + "|".join(sorted(set(_UNITS) | set(_TENS) | set(_SCALES), key=len, reverse=True))
                       + r")(?:[\s-]+(?:and[\s-]+)?)?)+)\b")
_FRACTIONS = {"half": 50.0, "a third": 100 / 3, "one third": 100 / 3, "two-thirds": 200 / 3, "two thirds": 200 / 3,
              "three-quarters": 75.0, "three quarters": 75.0, "a quarter": 25.0, "a majority": 50.0,
              "a fifth": 20.0, "one fifth": 20.0, "one-fifth": 20.0, "two-fifths": 40.0, "two fifths": 40.0,
              "three-fifths": 60.0, "three fifths": 60.0, "four-fifths": 80.0, "four fifths": 80.0,
              "절반": 50.0, "과반": 50.0, "половин": 50.0, "двух трет": 200 / 3, "две трет": 200 / 3,
              "трет": 100 / 3, "четверт": 25.0, "большинство": 50.0}
_NUM_RE = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?)(?![\d])")
_MONTHS_EN = r"(?:january|february|march|april|may|june|july|august|september|october|november|december)"
_RU_MONTHS = r"(?:январ|феврал|март|апрел|ма[йя]|июн|июл|август|сентябр|октябр|ноябр|декабр)"


MAJORITY_WORDS = ("a majority", "большинство", "과반") + Q.MAJORITY_TEXTS


def words_to_number(phrase: str) -> int | None:
    """"three hundred and sixty-five" -> 365; "a dozen" -> 12; None if it is not a number."""
    phrase = phrase.strip().lower()
    if phrase == "a dozen":
        return 12
    dozens = re.fullmatch(r"(\w+)[\s-]+dozen", phrase)
    if dozens and dozens.group(1) in _UNITS:
        return _UNITS[dozens.group(1)] * 12  # "two dozen"
    total, current = 0, 0
    seen = False
    for w in re.split(r"[\s-]+", phrase):
        if w in ("and", "a", ""):
            continue
        if w in _UNITS:
            current += _UNITS[w]
        elif w in _TENS:
            current += _TENS[w]
        elif w == "hundred":
            current = (current or 1) * 100
        elif w == "thousand":
            total += (current or 1) * 1000
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


class NotInData(Exception):
    """A part of a claim the data cannot settle; ``reason`` and ``values`` fill the nodata template."""

    def __init__(self, reason: str, **values: Any) -> None:
        super().__init__(reason)
        self.reason = reason
        self.values = values


class _Decided(Exception):
    """A verdict reached deep inside a check, carried out to the number's own verdict."""

    def __init__(self, verdict: "Verdict") -> None:
        super().__init__(verdict.claim)
        self.verdict = verdict


class Direction(NamedTuple):
    """Whose entries into which country."""

    citizens: str
    destination: str


@dataclass
class NumberMention:
    """A number in the sentence and how it is written."""

    value: float
    text: str  # as claimed, for display ("7,000", "71%", "three hundred and sixty-five")
    start: int
    end: int
    percent: bool = False
    multiplier: bool = False
    hedge: str = "exact"
    decimals: int = 0
    fraction: bool = False  # "half", "two-thirds": a share named in words, read loosely


@dataclass
class Verdict:
    """One claim and what the data says about it."""

    claim: str
    verdict: str  # "matches" | "differs" | "not_in_data"
    measure: str
    claimed: str | None = None
    claimed_value: float | None = None
    data_value: float | None = None
    data_text: str | None = None
    period: str | None = None
    direction: str | None = None
    note: str | None = None
    sources: list[dict[str, Any]] = field(default_factory=list)
    # The stored figures read to reach the verdict (for "Where in the report" and "Cite" under a
    # claim check, handlers/claim_answers.py); never read by the verdict logic.
    figure_ids: list[str] = field(default_factory=list)
    # The part of a statement this verdict judges ("amount", "date", "duration", "stance",
    # "affiliation"), when a sentence's statement gets one verdict per part, or "bound" (a figure the data
    # bounds without giving it); None otherwise.
    part: str | None = None
    # The months the data figure covers (Period.start, Period.end), to order figures in time.
    span: tuple[int, int] | None = None

    def as_json(self) -> dict[str, Any]:
        return {"claim": self.claim, "verdict": self.verdict, "measure": self.measure, "claimed": self.claimed,
                "claimed_value": self.claimed_value, "data_value": self.data_value, "data_text": self.data_text,
                "period": self.period, "direction": self.direction, "note": self.note}


class _Data:
    """What the checker asks of the data, through the named queries and the public resources."""

    def __init__(self, pipeline: DataAccess, lang: str) -> None:
        self.snapshot = pipeline.snapshot
        self.lexicon = pipeline.lexicon
        self.queries = pipeline.queries
        self.renderer = pipeline.renderer
        self.report_date: date = pipeline.report_date
        self.lang = lang
        self.runner = QueryRunner(self.snapshot, self.queries)
        self.used: list[str] = []  # figures read for the claim being checked (see _Run._tracked)
        rows = self.runner.run("directions")
        self.directions = [Direction(r["citizens"], r["destination"]) for r in rows]
        self.direction_rows = {Direction(r["citizens"], r["destination"]): r for r in rows}
        meta = {r["key"]: r["value"] for r in self.snapshot.tables["meta"]}
        default = Direction(meta.get("default_citizens", ""), meta.get("default_destination", ""))
        self.default = default if default in self.directions else (self.directions[0] if self.directions else None)

    # --- labels ------------------------------------------------------------------------------------

    def label(self, kind: str, id_: str, form: str = "label") -> str:
        return self.lexicon.label(kind, id_, form, self.lang)

    def dir_values(self, d: Direction) -> dict[str, str]:
        values = {"people": self.label("country", d.citizens, "people"), "destination": self.label("country", d.destination),
                  "origin": self.label("country", d.citizens)}
        if self.lang != "en":
            values.update(people_gen=self.label("country", d.citizens, "people_gen"),
                          to=self.label("country", d.destination, "to"), **{"from": self.label("country", d.citizens, "origin")})
        return values

    def dir_text(self, d: Direction, what: str = "total") -> str:
        if self.lang == "en":
            text = "{people} entering {destination}".format(**self.dir_values(d))
        else:
            text = to_plain(self.renderer.html("direction", self.lang, dir=self.dir_values(d))).strip()
        return text if what == "total" else f"{text}, {what}"

    def direction_labels(self) -> list[str]:
        return [self.dir_text(d) for d in self.directions[:8]]

    def what(self, dim: str, cat: str) -> str:
        return "total" if dim == "total" else self.label(dim, cat, "phrase")

    def pl(self, period: Period) -> str:
        return period.label_in(self.lang)

    # --- directions and periods --------------------------------------------------------------------

    def pick(self, citizens: str | None, dest: str | None, bare: list[str]) -> tuple[Direction, bool]:
        # The one direction resolver (handlers/understanding/directions.py), as the pipeline uses it.
        try:
            return pick_direction(self.directions, self.default, citizens, dest, bare)
        except DirectionUnresolved as e:
            raise NotInData(e.reason, **e.details(self.label, self.direction_labels(), self.dir_text)) from None

    def direction_for(self, ex: Extraction) -> tuple[Direction, bool]:
        citizens, dests = roles(ex, self.lexicon)
        if citizens and dests and dests[0] == citizens[0]:
            dests = dests[1:]  # "Russians ... North Koreans who came to Russia": nobody enters their own country
        bare = [m.id for m in ex.countries if not m.role]
        return self.pick(citizens[0] if citizens else None, dests[0] if dests else None, bare)

    def available(self, d: Direction, dim: str = "total", cat: str = "all") -> list[Period]:
        rows = self.runner.run("periods_for", citizens=d.citizens, destination=d.destination, dimension=dim, category=cat)
        return [parse_code(r["period"]) for r in rows]

    def latest(self, avail: list[Period]) -> Period | None:
        return latest(avail)

    def pieces(self, period: Period, avail: list[Period], d: Direction, what: str) -> list[Period]:
        parts = tile(period, avail)
        if parts is None:
            raise NotInData("period", period=self.pl(period), what=what, available=[self.pl(p) for p in avail],
                            overlapping=[self.pl(p) for p in avail if p.overlaps(period)], **self.dir_values(d))
        return parts

    def resolve_pairs(self, mentions: list[PeriodMention], avail: list[Period]) -> list[tuple[PeriodMention, Period]]:
        """Each period phrase with the period it names, read as the question pipeline reads it."""
        return resolve_pairs(mentions, avail, self.report_date.year - 1)

    def value(self, d: Direction, period: Period, dim: str, cat: str) -> int:
        avail = self.available(d, dim, cat)
        if dim != "total" and not avail:
            raise NotInData("category", category=self.label(dim, cat), dimension=self.label("dimension", dim),
                            period=self.pl(period), rows=[], **self.dir_values(d))
        parts = self.pieces(period, avail, d, self.what(dim, cat))
        row = self.runner.one("sum_periods", citizens=d.citizens, destination=d.destination, dimension=dim,
                              category=cat, periods=[p.code for p in parts])
        assert row is not None and row["value"] is not None  # tiled periods always sum
        self.used.extend(row["figure_ids"])
        return int(row["value"])

    def bounds(self, d: Direction, period: Period, dim: str = "total", cat: str = "all") -> tuple[int, int | None, Period | None]:
        """The value of a period, or bounds on it when only a longer stored period contains it:
        counts are never negative, so a quarter is at most the half-year it belongs to."""
        avail = self.available(d, dim, cat)
        if tile(period, avail) is not None:
            v = self.value(d, period, dim, cat)
            return v, v, None
        containing = sorted((p for p in avail if p.contains(period)), key=lambda p: p.months)
        if containing:
            v = self.value(d, containing[0], dim, cat)
            return 0, v, containing[0]
        raise NotInData("period", period=self.pl(period), what=self.what(dim, cat), available=[self.pl(p) for p in avail],
                        overlapping=[], **self.dir_values(d))

    def compare(self, a_dir: Direction, a: list[Period], b_dir: Direction, b: list[Period], dim: str, cat: str) -> dict[str, Any]:
        row = self.runner.one("compare", a_citizens=a_dir.citizens, a_destination=a_dir.destination, a_dimension=dim,
                              a_category=cat, a_periods=[p.code for p in a], b_citizens=b_dir.citizens,
                              b_destination=b_dir.destination, b_dimension=dim, b_category=cat,
                              b_periods=[p.code for p in b])
        assert row is not None  # an aggregate over tiled periods always returns one row
        self.used.extend([*row["a_ids"], *row["b_ids"]])
        return row

    def breakdown(self, d: Direction, dim: str, periods: list[Period]) -> list[dict[str, Any]]:
        return self.runner.run("breakdown", citizens=d.citizens, destination=d.destination, dimension=dim,
                               periods=[p.code for p in periods])

    def source_chain(self, source_id: str) -> list[dict[str, Any]]:
        rows = [dict(r) for r in self.runner.run("source_chain", source_id=source_id)]
        if self.lang != "en":
            for r in rows:
                name = self.lexicon.translated("source", r["source_id"], "name", self.lang)
                if name:
                    r["name"] = name
        return rows

    def figure_source(self) -> str:
        return self.snapshot.first_source

    def coverage(self) -> list[dict[str, Any]]:
        out = []
        for d in self.directions:
            info = self.direction_rows[d]
            periods = sorted(parse_code(p) for p in info["total_periods"] or [])
            out.append({**self.dir_values(d), "periods": [self.pl(p) for p in periods]})
        return out


def roles(ex: Extraction, lexicon: Any = None) -> tuple[list[str], list[str]]:
    """Citizens and destinations named, with Russian "в Россию" always a destination: the
    country's own "to" form ("в Россию") after "в" is where people go, even when "граждан КНДР"
    follows it."""
    citizens: list[str] = []
    dests: list[str] = []
    for m in ex.countries:
        role = m.role
        if role == "citizens" and lexicon is not None and 0 < m.pos < len(ex.toks) and m.end - m.pos == 1 \
                and ex.toks[m.pos - 1] in ("в", "во"):
            to_form = tokens(normalise(lexicon.label("country", m.id, "to", "ru")))
            if len(to_form) >= 2 and to_form[-1] == ex.toks[m.pos]:
                role = "destination"
        if role == "citizens" and m.id not in citizens:
            citizens.append(m.id)
        elif role == "destination" and m.id not in dests:
            dests.append(m.id)
    return citizens, dests


class ClaimChecker:
    """Checks sentences against one pipeline's data."""

    def __init__(self, pipeline: DataAccess) -> None:
        self.p = pipeline
        self._data: dict[str, _Data] = {}

    def data(self, lang: str) -> _Data:
        if lang not in self._data:
            self._data[lang] = _Data(self.p, lang)
        return self._data[lang]

    # --- entry point ------------------------------------------------------------------------------

    def check(self, text: str) -> list[Verdict]:
        lang = detect(text, getattr(self.p, "lang", "en"))
        run = _Run(self.data(lang), lang)
        verdicts: list[Verdict] = []
        for sentence in _sentences(text[:4000]):
            found = run.sentence(sentence)
            if not found and re.search(r"\w{3}", sentence):
                # A sentence the checker cannot read is not passed over in silence: it is not in the
                # data as far as the checker can tell, never implicitly fine.
                found = [Verdict(claim=sentence.strip(" ."), verdict="not_in_data", measure="unknown",
                                 note=run.note("unread"))]
            verdicts.extend(found)
        return verdicts

    def render(self, text: str) -> tuple[str, list[Verdict]]:
        lang = detect(text, getattr(self.p, "lang", "en"))
        verdicts = self.check(text)
        data = self.data(lang)
        html = self.p.renderer.html("claims", lang, verdicts=verdicts, coverage=data.coverage(),
                                    version=self.p.snapshot.version)
        return html, verdicts


class _Run:
    """One check: the sentence being read and the language it is in."""

    def __init__(self, data: _Data, lang: str) -> None:
        self.d = data
        self.lang = lang
        self.text = ""
        self.from_to: dict[int, int] = {}
        self.stmt_details: list[Verdict] = []  # a detail a statement's keywords name but the report does not give
        self.stmt_detail_words = ""

    def note(self, key: str, **values: Any) -> str:
        return to_plain(self.d.renderer.html("claim_note", self.lang, key=key, **values)).strip()

    # --- sentences ----------------------------------------------------------------------------------

    def sentence(self, sentence: str) -> list[Verdict]:
        separated = {m.replace(",", "") for m in re.findall(r"\d{1,3}(?:,\d{3})+", sentence)}
        raw = sentence
        self.raw = sentence
        if self.lang == "ru":
            raw = re.sub(r"(\d),(\d{1,2})(?!\d)", r"\1.\2", raw)  # "71,4 %" is 71.4 in Russian
        text = fix_period_typos(normalise(raw))
        if self.lang == "en":
            text = self._numbers_from_words(text)
            # "that works out to 120 a month": a verb of arithmetic, not the work purpose
            text = re.sub(r"\b(?:works?|worked|working)\s+out\s+(?:to|at)\b", "is", text)
        if self.lang == "en":
            text = re.sub(r"\b(first|second|third|fourth|1st|2nd|3rd|4th)-(quarter|half)", r"\1 \2", text)
            if re.search(r"\bquarters?\b|\bq[1-4]\b", text) and not re.search(r"\bhalf\b|\bh[12]\b", text):
                # "up 139 % in the third quarter compared with the first": the bare ordinal is a quarter
                text = re.sub(r"\b(the\s+(?:first|second|third|fourth))(?=\s*(?:[.,;]|$)|\s+(?:and|or)\s+"
                              r"(?!(?:the\s+)?(?:first|second|third|fourth)\s+(?:quarter|half)))",
                              r"\1 quarter", text)
        if self.lang == "ko":
            # "2023년 3분기 ... 전년 전체보다": 전년 is the year before the sentence's own year, not the
            # year before the report's date (which the period reader assumes without a year named)
            year = re.search(r"(20\d\d)\s*년", text)
            if year:
                text = text[:year.end()] + re.sub(r"전년(?!\s*(?:동기|같은|대비|비(?![가-힣])))",
                                                  f"{int(year.group(1)) - 1}년", text[year.end():])
        timed = self._relative_timing(text, raw)
        if timed is not None:
            return [timed]
        out: list[Verdict] = []
        # The order of the source chain is read on the whole sentence: its clauses ("Donga first
        # reported the figures, and NK News later relayed them") are each right on their own.
        chain_order = self._chain_order(sentence.strip(" ."), text)
        if chain_order is not None:
            out.append(chain_order)
        # A statement part ("..., while experts believe ...") is checked against the facts; the
        # rest of the sentence against the figures.
        parts = self._statement_clauses(self._parts(raw, text))
        for part, is_statement in parts:
            if not is_statement:
                found = self._figures(part, separated)
                if len(parts) == 1 and len(found) == 1:
                    found[0].claim = sentence.strip(" .")  # a whole-sentence claim is quoted as written
                out.extend(found)
                continue
            if chain_order is not None:
                continue  # the statement was the chain's order, judged above
            part = self._capitals_as_countries(part)
            official = self._official_vague(part, separated)
            if official:
                out.extend(official)
                continue
            if self._figure_clause_beside(part):
                # "입국자는 1분기의 약 2.4배였으며, 지방 당국은 수천 명을 원한다는 신호를 보냈다": the figure's
                # clause is a figure claim, the other clause a statement checked on its own there
                out.extend(self._figures(part, separated))
                continue
            self.slot_groups, self.slot_diffs = [], set()
            self.stmt_fact = None
            self.stmt_details: list[Verdict] = []
            affiliation, part = self._affiliation(part, raw)
            out.extend(affiliation)
            v = self._statement(part, raw)
            if affiliation and v is not None and v.data_text == affiliation[0].data_text and not re.search(r"\d", part):
                continue  # "Lankov, a professor at X, commented": the affiliation was the only claim
            if v is not None and len(parts) == 1:
                v.claim = sentence.strip(" .")
            split = self._per_slot(v)
            if v is not None and v.measure == "source" and v.part == "days":
                # "NK News published the figures on January 25": the link's date as a whole, and
                # the day as the number the sentence states
                whole = replace(v, claimed=None, claimed_value=None, part=None)
                split = [whole, replace(v, note=self.note("part_checked", part="days"))]
            slots = W.read_slots(part, self.lang)
            figures = [n for n in self._numbers(part, find_periods(part, self.d.report_date), separated)
                       if not (v is not None and slots.amount and slots.amount[0] in ("ge", "lt") and n.hedge != "exact" or
                               slots.amount and re.match(r"\s*(?:or|и|или)\s+(?:more|более)|\s*명?\s*이상", part[n.end:]))
                       and self._counts_people(part, n)]
            own_slots = [k for k in slots.present() if k not in ("year", "month")]
            read = figures  # every number read so far, so none is judged twice below
            self.text_part = part
            amounts, figures = self._amount_numbers(v, slots, figures)
            out.extend(amounts)
            if v is not None and any(a.verdict == "differs" for a in amounts) and v.verdict == "matches":
                v.verdict, v.note = "differs", self.note("differs_on", parts=["amount"])
                split = [v]
            numbered = self._statement_numbers(part, v, read)
            if numbered:
                # "Resolution 2397, adopted in 2017, ... within 12 months": each number its own verdict;
                # the statement's verdict stays only for what no number states (a stance, "hundreds").
                # The statement's own verdict stays as the summary, unless it was "less specific" only
                # in what the numbers now judge ("began on 16 January").
                out.extend(numbered)
                if self._numbers_cover(part):
                    split = [x for x in split if x.verdict != "not_in_data"]
                    rest = re.sub(_SPAN_VERBS, " ", part.lower())
                    left = self._uncovered(rest, raw, self.stmt_fact[0]) if v is not None and self.stmt_fact else []
                    if not split and v is not None and left:
                        # "met Xi Jinping during a visit that ended on 18 January": the day is judged,
                        # the words the report does not say keep their own verdict
                        split = [Verdict(claim=v.claim, verdict="not_in_data", measure="statement", data_text=v.data_text,
                                         sources=v.sources, note=self.note("statement_words", words=", ".join(left[:3]),
                                                                           statement=v.data_text))]
                    elif not split and v is not None and all(y.verdict == "matches" for y in numbered):
                        # "met Putin during a visit that ended on 18 January": the day was the only
                        # thing the report did not state as such, and it is right, so the rest matches
                        split = [Verdict(claim=v.claim, verdict="matches", measure="statement", data_text=v.data_text,
                                         sources=v.sources)]
                wrong = [y.part for y in numbered if y.verdict == "differs"]
                for x in split:
                    # (a summary "not in the data" too: a claim with a wrong number is wrong, whatever
                    # else it says that the report does not)
                    if wrong and x.part is None and x.verdict in ("matches", "not_in_data"):
                        # the slots missed a number the statement gets wrong ("지난 20일까지"): the
                        # summary never says "matches" over it
                        x.verdict, x.note = "differs", self.note("differs_on", parts=wrong)
            if v is not None and (own_slots or not figures or v.measure == "source"):
                out.extend(split)
                out.extend(self.stmt_details)
            if figures or v is None:
                # "Choe visited from 14 to 18 January, after 365 North Koreans had entered": the
                # figure in a statement's sentence is checked as a figure.
                out.extend(self._figures(part, separated, qualitative=v is None or not (own_slots or not figures or v.measure == "source")))
        return out

    def _event_dates(self, clause: str) -> tuple[str, date, date] | None:
        """The first and last day of the dated fact a clause speaks of ("NK News published the
        figures": 23 January 2024), or None when no dated fact is meant or its date is not a day."""
        facts = {r["fact_id"]: r for r in self.d.snapshot.tables["facts"]}
        ex = extract(clause, self.d.lexicon, self.d.report_date)
        ranked = [(fid, w) for fid, w in ex.facts if fid in facts and facts[fid]["kind"] not in ("context", "profile")]
        if not ranked:
            return None
        # The event meant is the best-ranked one; of several ranked alike ("NK News reported"), the
        # one dated to the day, when only one is. An undated event has no day to compare.
        top = [fid for fid, w in ranked if w >= ranked[0][1] - 1e-9]
        dated = []
        for fid in top:
            slots = W.read_slots(facts[fid]["date"] or "", "en")
            if slots.days and slots.month and slots.year:
                dated.append((fid, date(slots.year, slots.month, slots.days[0]), date(slots.year, slots.month, slots.days[1])))
        return dated[0] if len(dated) == 1 else None

    def _relative_timing(self, text: str, raw: str) -> Verdict | None:
        """A statement timed against another event ("visited Russia a week after NK News published
        the figures", "до публикации"): the order (and the gap, when stated) is checked against both
        events' dates; when either date is not in the data the whole claim is not_in_data, never
        "matches" for the part no date bears out. None when the sentence has no such clause."""
        m = re.search(W.RELATIVE_TIMING[self.lang], text)
        if m is None:
            return None
        main, ref = (text[:m.start()] + " " + text[m.end():]).strip(" ,."), m.group("ref").strip(" ,.")
        if not main or not ref or re.search(r"\d", ref) or not self._is_statement(main):
            return None  # "after 365 North Koreans had entered": a figure, read on the figure path
        relation = "after" if re.search(W.TIMING_AFTER[self.lang], m.group("rel")) else "before"
        gap = W.timing_gap(m.group(0), self.lang)
        v = self._statement(main, raw)
        claim = self.raw.strip(" .")
        if v is None:
            return None
        a_event, b_event = self._event_dates(main), self._event_dates(ref)
        if v.verdict == "differs":
            return replace(v, claim=claim)
        if a_event is None or b_event is None or a_event[0] == b_event[0]:
            return Verdict(claim=claim, verdict="not_in_data", measure="statement", data_text=v.data_text,
                           sources=v.sources, note=self.note("statement_detail", statement=v.data_text))
        a, b = a_event[1:], b_event[1:]
        if relation == "after":
            right = a[0] > b[1] and (gap is None or abs((a[0] - b[1]).days - gap) <= max(2, gap // 2))
        else:
            right = a[1] < b[0] and (gap is None or abs((b[0] - a[1]).days - gap) <= max(2, gap // 2))
        verdict = "matches" if right and v.verdict == "matches" else "differs" if not right else v.verdict
        return Verdict(claim=claim, verdict=verdict, measure="statement", data_text=v.data_text, sources=v.sources,
                       note=None if verdict == "matches" else v.note if right else self.note("differs_on", parts=["date"]))

    def _figure_clause_beside(self, part: str) -> bool:
        """Is a statement part made of a clause with a figure that says nothing of anyone's
        statement ("2.4 times Q1", "365 entered") and a clause without numbers (the statement)?"""
        clauses = [c for c in _CLAUSE_RE[self.lang].split(part) if c.strip()]
        if len(clauses) < 2 or re.search(W.SOURCE_CLAIM[self.lang], part) \
                or any(re.search(W.ATTRIBUTION[self.lang], c.strip(" .,;").lower()) for c in clauses):
            return False  # "According to X, 365 entered": whose figures they are is the statement
        with_figures = []
        for c in clauses:
            periods = [m for m in find_periods(c, self.d.report_date) if m.kind != "year"]
            nums = [n for n in self._numbers(c, periods, set()) if self._counts_people(c, n)]
            slots = W.read_slots(c, self.lang)
            if nums and (re.search(W.DOCUMENT[self.lang], c.lower()) or slots.duration or slots.days):
                return False  # a resolution's deadline, a visit's days: numbers of the statement itself
            if nums and periods:  # a figure claim names its period ("1분기의 약 2.4배", "365 in Q3")
                with_figures.append(c)
        if not with_figures or len(with_figures) == len(clauses):
            return False
        return all(not self._named_facts(c) and not re.search(W.SPEECH[self.lang], c)
                   and not re.search(W.EXPERTS[self.lang], c) for c in with_figures)

    def _capitals_as_countries(self, part: str) -> str:
        """ "Beijing and Moscow have been sidestepping ...": a capital that stands for its government
        (W.CAPITALS) is read as the country, so the statement about the countries is found."""
        if re.search(W.ROUTE, part.lower()):
            return part  # Pyongyang–Vladivostok is the route the report names: the cities are places
        for pattern, country in W.CAPITALS[self.lang]:
            def repl(m: re.Match[str]) -> str:
                before, after = part[:m.start()].lower(), part[m.end():].lower()
                place = W.CAPITAL_AS_PLACE[self.lang]
                if self.lang == "ko" and re.match(place, after) or self.lang != "ko" and re.search(place, before):
                    return m.group(0)
                return country
            part = re.sub(pattern, repl, part, flags=re.IGNORECASE)
        return part

    def _amount_numbers(self, v: Verdict | None, slots: W.Slots,
                        figures: list[NumberMention]) -> tuple[list[Verdict], list[NumberMention]]:
        """ "NK News counted about 300 workers at the Vladivostok site": a number of people in a
        statement whose report says an amount in words ("dozens") is that amount's claim: it differs
        when outside the words' range, and is more precise than the report (not in the data) inside
        it. The numbers left are read as figures."""
        fact = getattr(self, "stmt_fact", None)
        if v is None or fact is None or v.measure != "statement" or slots.amount is not None:
            return [], figures
        fact_amount = fact[1].amount
        if fact_amount is None or fact_amount[0] not in W.VAGUE_RANGES:
            return [], figures
        out, rest = [], []
        for n in figures:
            # only a number of the workers the amount counts ("about 300 North Korean workers"),
            # never a figure beside the statement ("370 North Koreans entered ..., NK News says")
            workers = r"workers?|labou?rers?|рабоч\w*|노동자|근로자"
            named = re.match(rf"(?:\s*\S+){{0,3}}?\s*(?:{workers})", self.text_part[n.end:n.end + 40].lower()) or (
                self.lang == "ko" and re.search(rf"(?:{workers})\S*\s*$", self.text_part[max(0, n.start - 12):n.start]))
            if n.percent or n.multiplier or not named:
                rest.append(n)
                continue
            agree = W.amounts_agree(("exact", n.value), fact_amount)
            verdict = "differs" if agree is False else "not_in_data"
            out.append(Verdict(claim=v.claim, verdict=verdict, measure="statement", claimed=n.text, claimed_value=n.value,
                               data_text=v.data_text, sources=v.sources, part="amount",
                               note=self.note("differs_on", parts=["amount"]) if verdict == "differs"
                               else self.note("statement_detail", statement=v.data_text)))
        return out, rest

    def _numbers_cover(self, part: str) -> bool:
        """Was a statement "less specific" than the claim only in what its numbers state (a day
        within a visit), so the numbers' own verdicts say all there is?"""
        present = W.read_slots(part, self.lang).present()
        return getattr(self, "stmt_reason", None) == "detail" and bool(present) \
            and all(k in ("year", "month", "days", "duration") for k in present)

    def _statement_numbers(self, part: str, v: Verdict | None, figures: list[NumberMention]) -> list[Verdict]:
        """One verdict per number a statement states (a resolution's number, a year, a deadline in
        months, a day of a visit), read against the report statement the part was matched to: a
        number the statement gives matches; one of a kind the statement gives otherwise differs;
        any other number is not in the data."""
        fact = getattr(self, "stmt_fact", None)
        if v is None or fact is None or v.measure != "statement" or v.verdict not in ("matches", "differs") and not (
                v.verdict == "not_in_data" and getattr(self, "stmt_reason", None) in ("detail", "words")):
            return []  # a statement the report does not make: no day or year of it "matches"
        # A statement found but less specific than the claim, or with a word the report does not say
        # ("Resolution 2375, adopted in 2017, ordered ...", "began on 16 January", "..., 5 agreements
        # were signed"): its numbers are still read against it, one verdict each, and the words the
        # report lacks keep their own "not in the data".
        row, fact_slots = fact
        fact_text = f"{row['statement']} {row['date'] or ''}"
        said = {float(x) for x in re.findall(r"(?<![\d.])\d+(?:\.\d+)?(?![\d])", fact_text)}
        taken = {(n.start, n.end) for n in figures}
        claim_slots = W.read_slots(part, self.lang)
        # "complied with Resolution 2397": a stance, judged whole; only a count the statement does
        # not give ("signed 3 agreements") gets a verdict of its own then
        dated = any(k in ("year", "month", "days", "duration") for k in claim_slots.present()) \
            or re.search(r"\d\s*일\s*(?:부터|까지)", part) is not None
        # A word the report does not say that names a place or a person ("visited China from 14 to
        # 18 January") makes the statement another one: its days are not the report's days.
        if v.verdict == "not_in_data" and self._names_elsewhere(part, row):
            return []  # "visited China from 14 to 18 January": another statement; its days are not the report's
        elsewhere = False
        out = []
        for m in re.finditer(r"(?<![\w.])(\d+(?:\.\d+)?)(?![\d])", part):
            role = _day_role(part[max(0, m.start() - 30):m.start()].lower(), part[m.end():m.end() + 14].lower())
            if role is None and len(re.findall(r"(?<![\w.])\d{1,2}(?![\d.])", part)) == 1:
                # "Чве прибыла в Россию 18 января", "left Russia on 18 January": the verb of the
                # sentence says which end of the visit its one day is
                role = "start" if re.search(_START_VERBS, part.lower()) else "end" if re.search(_END_VERBS, part.lower()) else None
            if (m.start(), m.end()) in taken or any(n.start <= m.start() < n.end for n in figures):
                continue
            value = float(m.group(1))
            after, before = part[m.end():m.end() + 14].lower(), part[max(0, m.start() - 30):m.start()].lower()
            if re.search(r"(?:\bq[1-4]|quarter|half|h[12]|분기|반기|квартал\w*|полугоди\w*)\s*(?:of\s+)?$", before) \
                    or re.match(r"\s*년\s*(?:\d\s*(?:분기|사분기)|상반기|하반기)", after):
                continue  # "in Q2 2023", "2023년 3분기": the period is the statement's date, judged as a whole
            if re.match(r"\s*(?:-|–|to|по|~)?\s*\d*\s*(?:months?|years?|개월|년\s*(?:안|이내|내)|месяц|год|лет)", after) \
                    and not (1900 <= value <= 2100):
                kind, known = "duration", fact_slots.duration is not None
                agrees = value in said or (claim_slots.duration is not None and fact_slots.duration is not None
                                           and not _compare_slots(W.Slots(duration=claim_slots.duration),
                                                                  W.Slots(duration=fact_slots.duration))[1])
            elif 1900 <= value <= 2100 and re.match(W.DOCUMENT_YEAR[self.lang], part[m.end():m.end() + 48].lower()):
                # "the 2017 sanctions resolution": the year names the document, so it is checked
                # against the resolutions the report describes, whichever statement the claim is about
                years = {float(y) for r in self.d.snapshot.tables["facts"] if r["kind"] == "resolution"
                         for y in re.findall(r"\b(?:19|20)\d\d\b", f"{r['statement']} {r['date'] or ''}")}
                kind, known, agrees = "document", False, value in years  # another year: a document the report does not describe
            elif 1900 <= value <= 2100 and not re.search(W.DOCUMENT[self.lang].replace(r"\d+", "$"), before):
                kind, known = "year", fact_slots.year is not None
                agrees = value in said
            elif re.search(r"(?:resolution|결의|резолюци\w*)(?:\s+[^\s\d]{1,4}){0,3}\s*(?:№\s*)?$", before):
                numbers = re.findall(W.DOCUMENT["en"], row["statement"].lower())
                kind, known = "document", bool(numbers)
                agrees = value in said
            elif fact_slots.days is not None and value <= 31 and re.match(W.DAYS_LONG[self.lang], after):
                # "visited Russia for ten days", "a five-day visit": the length of the dated span
                kind, known = "duration", True
                agrees = value == fact_slots.days[1] - fact_slots.days[0] + 1
            elif fact_slots.days is not None and value <= 31 and re.search(
                    r"^\s*(?:-|–|to|и|по|~|일)|^(?:st|nd|rd|th)?\s*(?:of\s+)?(?:" + _MONTHS_EN + "|" + _RU_MONTHS + r")"
                    r"|(?:from|с|on|on\s+the|ended\s+on|to|until|till|through|по|до|-|–|~|" + _MONTHS_EN + r")\s*$",
                    after + "|" + before) or fact_slots.days is not None and re.match(r"\s*일", after):
                kind, known = "days", True
                # The end of a span it names: "began on 16 January" is the first day, "ended on 18",
                # "to 16", "по 18", "20일까지" the last; a day on its own is any day of the visit.
                days = fact_slots.days
                agrees = value == days[0] if role == "start" else value == days[1] if role == "end" else value in days
            elif claim_slots.amount is None and value not in said and re.search(rf"(?<![\d.]){re.escape(m.group(1))}(?![\d])", self.raw) \
                    and not re.match(r"\s*(?:%|per\s*cent|процент|퍼센트|월|년|일|시|분기|반기)", after):
                # "5 agreements were signed", "주 2회 운항": a count the statement does not give
                kind, known, agrees = "detail", False, False
            else:
                continue  # "three or more workers": the statement's amount, judged by its own verdict
            if not dated and kind not in ("detail", "document"):
                continue  # ("Resolution 2397" names the document a stance is about: checked on its own)
            if kind == "days" and not agrees and fact_slots.days[0] < value < fact_slots.days[1] and role is None:
                verdict = "not_in_data"  # "met Putin on 16 January": within the visit, but the report names no day
            elif agrees and not elsewhere:
                verdict = "matches"
            elif agrees:
                verdict = "not_in_data"
            elif known:
                verdict = "differs"
            else:
                verdict = "not_in_data"
            out.append(Verdict(claim=v.claim, verdict=verdict, measure="statement", claimed=m.group(1),
                               claimed_value=value, data_text=v.data_text, sources=v.sources, part=kind,
                               note=self.note("part_checked", part=kind) if verdict != "not_in_data"
                               else self.note("statement_detail", statement=v.data_text)))
        return out

    def _names_elsewhere(self, part: str, row: dict[str, Any]) -> bool:
        """Does a word of the part that the statement does not say name a country, a place or a
        person (a capitalised word inside the sentence)?"""
        proper = {w.lower() for w in re.findall(r"(?<![.!?]\s)(?<!^)\b[A-ZА-Я][a-zа-я]+", self.raw)}
        for word in self._uncovered(part, self.raw, row):
            near = extract(word, self.d.lexicon, self.d.report_date)
            if word in proper or near.countries or near.proper_unknown:
                return True
        return False

    def _per_slot(self, v: Verdict | None) -> list[Verdict]:
        """A statement verdict split into one per kind of thing the claim states (a date, a
        deadline, an amount), each matching or differing on its own; otherwise the verdict itself."""
        if v is None:
            return []
        if v.verdict not in ("matches", "differs") or v.measure != "statement" or len(self.slot_groups) < 2 \
                or v.verdict == "differs" and not self.slot_diffs:
            return [v]  # a statement that differs in its words (a place, a negation) is not right in its parts
        out = []
        text = v.claim.lower()

        def where(group: str) -> int:
            # parts in the order the sentence states them, so its verdicts read in the same order
            m = re.search(_SLOT_WHERE.get(group, r"(?!x)x"), text)
            return m.start() if m else len(text)
        for group in sorted(self.slot_groups, key=where):
            # an amount belongs to its period: "hundreds in Q2" is not borne out by "hundreds in Q3"
            wrong = group in self.slot_diffs or (group == "amount" and "date" in self.slot_diffs)
            notes = [self.note("part_checked", part=group)]
            if wrong:
                notes.append(self.note("differs_on", parts=["year" if group == "date" else group]))
            out.append(Verdict(claim=v.claim, verdict="differs" if wrong else "matches", measure="statement",
                               data_text=v.data_text, note="; ".join(notes), sources=v.sources, part=group))
        return out

    def _parts(self, raw: str, text: str) -> list[tuple[str, bool]]:
        splitter = {"en": r",\s+(?:while|but|whereas|yet|although|though|even though)\s+|;\s+|\s+but\s+",
                    "ko": r"(?:지만|으나|는데|면서)\s*,?\s+",
                    "ru": r",\s+(?:но|а|однако|хотя|тогда как|в то время как),?\s+|;\s+"}[self.lang]
        pieces = [p for p in re.split(splitter, text) if p.strip()]
        out: list[tuple[str, bool]] = []
        for piece in pieces:
            if self.lang == "en" and out and out[-1][1] and re.match(
                    r"(?:(?:she|he|they)\s+)?(?:did|does|do|has|have|had|was|were|never|not|didn't|doesn't|hasn't|"
                    r"haven't|hadn't|wasn't|weren't|then|also|later)\b", piece.strip()):
                # "... visited Russia but (she) did not meet Putin": the clause has no subject of its
                # own; it is read as the same subject's second clause, as "... and did not meet
                # Putin" is (_and_clauses), so its negated verb is judged on Choe
                bare = re.sub(r"^(?:she|he|they)\s+", "", piece.strip())
                out[-1] = (f"{out[-1][0].rstrip(' ,')} and {bare}", True)
                continue
            out.append((piece, self._is_statement(piece)))
        return out

    def _official_vague(self, part: str, separated: set[str]) -> list[Verdict]:
        """A count in words put down to the official figures ("official FSB statistics show
        hundreds of North Koreans entered for work"): checked against the figure the data has for
        what it counts, as the words' range (hundreds: 200-999), never against an expert's estimate
        that uses the same words. Empty when the part is no such claim (an expert or another named
        speaker, no count in words, or no figure the data has for it)."""
        low = part.lower()
        if not re.search(W.OFFICIAL[self.lang], low) or re.search(W.EXPERTS[self.lang], low) \
                or re.search(W.SPEECH[self.lang], low) or self._named_facts(part):
            return []
        for pattern, key in W.VAGUE_AMOUNTS[self.lang]:
            m = re.search(pattern, low)
            if m is None or key not in W.VAGUE_RANGES:
                continue
            lo, hi = W.VAGUE_RANGES[key]
            probe = hi if 1900 <= lo <= 2100 else lo  # "2000 North Koreans ... in 2023" would read as a year
            rest = re.sub(r"^\s+of\b", "", part[m.end():]) if self.lang == "en" else part[m.end():]
            found = [v for v in self._figures(f"{part[:m.start()]}{probe}{rest}", separated)
                     if v.claimed_value == probe and v.data_value is not None and v.verdict in ("matches", "differs")]
            if len(found) != 1:
                return []
            v = found[0]
            ok = lo <= v.data_value <= hi
            return [replace(v, claim=part.strip(" ."), verdict="matches" if ok else "differs", claimed=m.group(0).strip(),
                            claimed_value=None, note=v.note if v.note and str(probe) not in v.note else None)]
        return []

    def _statement_clauses(self, parts: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
        """Statements of two clauses ("visited Russia from 14 to 18 January and met Putin", "..., и
        Китай с Россией её соблюдают") get a verdict per clause, so a wrong half is not hidden by
        a right one. A clause without a subject of its own borrows the first clause's ("Choe ...
        met Putin"); a clause after "but" borrows the first one's attribution ("Lankov said ...
        but that momentum will be hard to gain"). A split is kept only when every clause is read
        as a statement; otherwise the part is checked whole, as before."""
        out: list[tuple[str, bool]] = []
        lead = ""
        for i, (part, is_statement) in enumerate(parts):
            if not is_statement:
                out.append((part, is_statement))
                continue
            if self.lang == "en":
                said = re.match(r"^(.*?\b(?:said|says|argued|argues|believes|believed|estimated|estimates|predicted|"
                                r"predicts|thinks|told|noted|warned|expects|expected)\b)\s", part)
                if i == 0 or not out:
                    lead = said.group(1) if said and self._named_facts(said.group(1)) else ""
                elif lead and not self._named_facts(part) and not re.search(W.SPEECH[self.lang], part):
                    part = f"{lead} {part.strip()}"  # "..., but that momentum will be hard": Lankov's still
            out.extend(self._and_clauses(part))
        return out

    def _and_clauses(self, part: str) -> list[tuple[str, bool]]:
        """One statement part split at its clause-joining "and" (", и", "-했고"), each clause given
        the subject or document it leans on; the part itself when a clause would not stand alone."""
        pattern = {"en": r",?\s+and\s+(?=(?:then\s+|also\s+|later\s+)?(?:that\s|met\b|saw\b|went\b|told\b|[a-z]+ed\b))|,\s+and\s+",
                   "ru": r",\s+и\s+(?!\d)", "ko": r"(?<=[했였었았])고,?\s+|,?\s*그리고\s+"}[self.lang]
        m = re.search(pattern, part)
        if m is None:
            return [(part, True)]
        left, right = part[:m.start()].strip(), part[m.end():].strip()
        if not left or not right or any(self._counts_people(right, n) for n in
                                        self._numbers(right, find_periods(right, self.d.report_date), set())):
            return [(part, True)]  # a figure in the second clause: the figure path reads it
        document = re.search(W.DOCUMENT[self.lang], left)
        if document and re.search(W.PRONOUN_IT[self.lang], right):
            right = f"{right.rstrip(' .;!?')} ({document.group(0)})"  # "..., and Russia complies with it": the resolution
        elif self.lang == "en" and re.search(r"\b(?:it|its)\b", right) and not self._is_statement(right):
            subject = re.match(r"^(.+?)\s+(?:is|was|were|are|has|have|had|will)\b", left)
            if subject:
                right = f"{right.rstrip(' .;!?')} ({subject.group(1)})"  # "..., and the sides fixed a date for it": the visit
        if self.lang == "en" and not re.match(r"(?:china|russia|north|the|both|he|she|they|it|local|lankov|experts?)\b", right):
            if right.startswith("that "):
                said = re.match(r"^(.*?\b(?:said|says|argued|argues|believes|believed|estimated|estimates|predicted|"
                                r"predicts|thinks|told|noted|warned|expects|expected))\b", left)
                if said is None:
                    return [(part, True)]
                right = f"{said.group(1)} {right}"
            else:
                verb = re.search(r"\b(?:[a-z]+ed|met|saw|went|told|said|is|are|was|were|has|have|had)\b", left)
                if verb is None or verb.start() == 0:
                    return [(part, True)]
                right = f"{left[:verb.start()].strip()} {right}"  # "Choe ... visited ... and met Putin"
        elif self.lang == "ko" and not re.search(r"\S(?:은|는)\s", right):
            topic = re.match(r"^(.+?(?:은|는|이|가))\s", left)
            if topic:
                right = f"{topic.group(1)} {right}"  # "최선희 외무상은 ... 방문했고 푸틴 대통령을 만났다"
        pieces = [(left, self._is_statement(left)), (right, self._is_statement(right))]
        if not all(st for _, st in pieces) or any(self._statement(p, p) is None for p, _ in pieces):
            return [(part, True)]
        return pieces

    def _counts_people(self, text: str, n: NumberMention) -> bool:
        """Is this number in a statement's sentence a figure ("after 365 North Koreans had
        entered") rather than part of the statement ("the two economies")?"""
        if self.lang == "ko" and re.match(r"\s*(?:일|월|년)(?!\s*명)", text[n.end:]):
            return False  # "18일까지": a day, not a count of people, whatever follows it
        if re.match(W.DAYS_LONG[self.lang], text[n.end:].lower()):
            return False  # "visited Russia for 10 days": how long, judged as the statement's own number
        if n.percent or n.multiplier or n.hedge != "exact":
            return True
        near = extract(text[n.end:n.end + 30] + " " + text[max(0, n.start - 30):n.start], self.d.lexicon, self.d.report_date)
        return bool(near.countries or near.categories or "people_nouns" in near.cues or "movement" in near.cues
                    or re.match(r"\s*(?:명|человек|граждан|people|persons)", text[n.end:]))

    def _is_statement(self, text: str) -> bool:
        """Is this part about what the report states rather than about its figures?"""
        if re.search(W.SOURCE_CLAIM[self.lang], text):
            return True
        ex = extract(text, self.d.lexicon, self.d.report_date)
        slots = W.read_slots(text, self.lang)
        # A stance or a judgement ("deny", "small") marks a statement even when its other words
        # are not among the fact's search keywords.
        strong = bool(ex.facts) and (ex.facts[0][1] >= STATEMENT_MIN_WEIGHT or bool(slots.stance or slots.size or slots.days
                                                                                     or slots.duration))
        people = bool(self._named_facts(text))
        if not strong and not people:
            return False
        speech = re.search(W.SPEECH[self.lang], text) is not None
        figures = [n for n in self._numbers(text, find_periods(text, self.d.report_date), set()) if not n.multiplier]
        if figures and not (speech or people or slots.stance) and not slots.amount:
            return False  # "253 came on business": a figure, even if a statement shares a word with it
        if [k for k in slots.present() if k not in ("year", "month")] or speech or people:
            return True
        comparative = any(re.search(w[self.lang], text) for w in (W.MORE, W.FEWER, W.UP_VERB, W.DOWN_VERB)) \
            or bool(ex.cues.keys() & {"rank_top", "rank_bottom"})
        return not figures and not comparative and ex.facts[0][1] >= FACT_CLAIM_WEIGHT

    def _numbers_from_words(self, text: str) -> str:
        """Write number words as digits so one path reads both ("three hundred" -> "300")."""
        def repl(m: re.Match[str]) -> str:
            if re.match(r"[\s-]*(thirds?|quarters|halves|fifths?)\b", text[m.end():]):
                return m.group(0)  # "two-thirds", "three-quarters" are fractions, read later
            if re.search(r"\b(?:a\s+few|few|several|many)\s+$", text[:m.start()]) and \
                    re.fullmatch(r"(?:hundred|thousand|dozen)\s*", m.group(0)):
                return m.group(0)  # "a few hundred" is a vague amount, not 100
            if re.search(r"\b(?:years?|months?)\s+or\s+$", text[:m.start()]) or \
                    re.match(r"[\s-]*(?:or|to)[\s-]+(?:one|two|three|four|five|six)[\s-]+(?:years?|months?)", text[m.end():]) \
                    or re.match(r"[\s-]*(?:years?|months?)\b", text[m.end():]) or re.match(r"\s*-?fold\b", text[m.end():]):
                return m.group(0)  # durations ("one to two years") are read as statement slots
            phrase = m.group(0).strip()
            value = words_to_number(phrase.rstrip(" -"))
            if value is None or phrase in ("a", "and") or re.fullmatch(r"(one|a)", phrase):
                return m.group(0)
            tail = m.group(0)[len(m.group(0).rstrip()):]
            return f"{value}{tail}"
        # "six and a half times": 6.5 (read first: the number words below would drop the half)
        text = re.sub(r"\b(\d+|" + "|".join(_UNITS) + r")\s+and\s+a\s+half\b",
                      lambda m: f"{m.group(1) if m.group(1).isdigit() else _UNITS[m.group(1)]}.5", text)
        return _WORDS_RE.sub(repl, text)

    def _numbers(self, text: str, periods: list[PeriodMention], separated: set[str]) -> list[NumberMention]:
        taken = [p.span for p in periods]
        taken += [m.span() for m in re.finditer(R.TOP_N[self.lang], text, re.IGNORECASE)]  # "the top two": a ranking
        found: list[NumberMention] = []
        for m in _NUM_RE.finditer(text):
            a, b = m.span()
            if any(s <= a < e for s, e in taken):
                continue  # part of "Q3 2023"
            before = text[max(0, a - NEAR_WINDOW):a]
            after = text[b:b + NEAR_WINDOW]
            if self.lang == "en" and re.match(r"[a-z]", after) and not re.match(r"(?:x\b|pct\b|percent\b)", after):
                continue  # "3q23", "2nd"
            # ("no" only right before the number: "no fewer than 250" is a bound, not "No. 250")
            if re.search(r"(?:(resolution|res\.?|unscr|резолюци\w*|결의\w*)(?:\s+[^\s\d]+){0,3}|\bno\.?|№)\s*$", before) \
                    or re.match(r"\s*호", after):
                continue  # "Resolution 2397": a name, not a figure
            if self._is_duration_or_date(after, before, text):
                continue
            value = float(m.group(1))
            if self.lang == "ko" and re.match(r"\s*만", after):
                value *= 10000  # "50만 원" is 500,000
            if 1900 <= value <= 2100 and "." not in m.group(1) and m.group(1) not in separated:
                continue  # a year the period parser did not take ("in 2022 alone")
            percent = bool(re.match(W.PERCENT_AFTER, after))
            times = bool(re.match(W.TIMES_AFTER, after)) or (self.lang == "ko" and re.match(r"\s*배", after) is not None)
            n = NumberMention(value, m.group(1) + ("%" if percent else ""), a, b, percent=percent,
                              multiplier=times, decimals=len(m.group(1).partition(".")[2]))
            n.hedge = self._hedge(before, after)
            found.append(n)
        for word, factor in W.MULTIPLIERS[self.lang]:
            tail = "" if self.lang == "ko" else r"(?!\w)"  # Korean glues particles on: "두 배를"
            for m in re.finditer(rf"(?<!\w){re.escape(word)}{tail}", text):
                if any(n.start <= m.start() < n.end + 3 for n in found):
                    continue  # "2배" already read as a number
                before = text[max(0, m.start() - NEAR_WINDOW):m.start()]
                found.append(NumberMention(factor, word, m.start(), m.end(), multiplier=True,
                                           hedge=self._hedge(before, text[m.end():m.end() + NEAR_WINDOW]), decimals=1))
        for m in re.finditer(r"(?<![\w.])(\d{1,2}|one)\s+(?:in|out of)\s+(?:every\s+|a\s+)?(\d{1,3})(?![\d%])", text):
            a_, b_ = (1 if m.group(1) == "one" else int(m.group(1))), int(m.group(2))
            if 0 < a_ < b_ <= 100 and self.lang == "en":
                found = [n for n in found if not (m.start() <= n.start < m.end())]
                before = text[max(0, m.start() - NEAR_WINDOW):m.start()]
                hedge = self._hedge(before, "")
                found.append(NumberMention(100 * a_ / b_, m.group(0), m.start(), m.end(), percent=True, fraction=True,
                                           hedge=hedge if hedge != "exact" else "about"))
        if self.lang == "ko":
            for m in re.finditer(r"(\d)\s*분의\s*(\d)", text):  # "3분의 2": two-thirds
                whole_, part = int(m.group(1)), int(m.group(2))
                if 0 < part < whole_:
                    found = [k for k in found if not (m.start() <= k.start < m.end())]
                    hedge = self._hedge(text[max(0, m.start() - NEAR_WINDOW):m.start()], text[m.end():m.end() + NEAR_WINDOW])
                    found.append(NumberMention(100 * part / whole_, m.group(0), m.start(), m.end(), percent=True,
                                               fraction=True, hedge=hedge if hedge != "exact" else "about"))
        fraction_spans: list[tuple[int, int]] = []
        for word, pct in _FRACTIONS.items():
            for m in re.finditer(rf"(?<!\w){word}", text):
                if any(s <= m.start() < e for s, e in taken + fraction_spans) or \
                        any(k.multiplier and k.start <= m.start() < k.end for k in found):
                    continue  # "the first half of 2023" is a period, not a share; "двух третей" read once;
                    # "в два с половиной раза" is a multiplier
                if self.lang == "ru" and word in ("трет", "четверт") and not re.match(r"(?:ь|и|ей|ью)\b", text[m.end():]):
                    continue  # "третьем квартале" is the third quarter, not a third
                after = text[m.end():m.end() + 12]
                if self.lang == "en" and not re.match(r"\s*(of|the)\b", after):
                    continue
                if self.lang == "ru" and word == "половин" and re.match(r"\w*\s+(?:20\d\d|года)", after):
                    continue
                before = text[max(0, m.start() - NEAR_WINDOW):m.start()]
                hedge = self._hedge(before, after)
                fraction_spans.append((m.start(), m.end() + 4))
                found.append(NumberMention(pct, word, m.start(), m.end(), percent=True, fraction=True,
                                           hedge="gt" if word in ("a majority", "과반", "большинство") else hedge, decimals=0))
        found = self._worded_ratios(text, found)
        found.sort(key=lambda n: n.start)
        if self.lang == "ko":
            for i, k in enumerate(found[1:], 1):
                if k.hedge in ("gt", "ge") and re.match(r"\s*명?\s*(?:을|를)\s*(?:넘|웃돌|앞질|상회)", text[k.end:]) \
                        and re.match(r"\s*명?\s*으로\s*,", text[found[i - 1].end:]):
                    # "365명으로, 2022년 전체 223명을 넘어섰다": the earlier figure exceeded this one, which
                    # is stated exactly (the object of the verb, not a bound on itself)
                    k.hedge = "exact"
        return found

    def _worded_ratios(self, text: str, found: list[NumberMention]) -> list[NumberMention]:
        """Ratios and shares in words, read by ``claim_ratios`` ("as many as", "трёх четвертей",
        "семь из десяти", "10명 중 7명", "two to one", "rose by half"); a mention they cover is replaced."""
        for r in Q.worded_ratios(text, self.lang):
            found = [k for k in found if not (r.start <= k.start < r.end or k.start <= r.start < k.end)]
            before, after = text[max(0, r.start - NEAR_WINDOW):r.start], text[r.end:r.end + NEAR_WINDOW]
            hedge = r.hedge if r.hedge == "equal" else self._hedge(before, after)
            if hedge == "exact" and r.hedge != "exact":
                hedge = r.hedge
            found.append(NumberMention(r.value, r.text, r.start, r.end, percent=r.share, multiplier=not r.share,
                                       fraction=r.share, hedge=hedge, decimals=0))
        return found

    def _is_duration_or_date(self, after: str, before: str, context: str = "") -> bool:
        if self.lang == "en":
            if re.match(r"\s*(?:(?:-|–|to|or)\s*\d+\s*)?(?:-\s*)?(?:months?|years?|weeks?)\b", after) and \
                    re.search(r"resolution|repatriat|sanction|within|deadline|predict|return|send\w* home", context):
                return True  # "within 24 months": a statement's deadline, not a count of people
            if re.match(rf"\s*(?:-|to|–|and)\s*\d+\s*(?:st|nd|rd|th)?\s*(?:of\s+)?{_MONTHS_EN}", after) or \
                    re.match(rf"\s*(?:st|nd|rd|th)?\s*(?:of\s+)?{_MONTHS_EN}\b", after) or \
                    re.search(rf"{_MONTHS_EN}\s*(?:\d+\s*(?:-|to|–)\s*)?$", before):
                return True  # "14 to 18 January", "January 23": a date
            return False
        statement_context = re.search(r"resolution|repatriat|sanction|within|deadline|predict|return|결의|송환|안에|이내|"
                                      r"резолюц|вернут|возвращ|течение|прогноз", context) is not None
        if self.lang == "ko":
            if re.match(r"\s*(?:~\s*\d+\s*)?(?:년|월)", after):
                return True  # "5년 안에", "12월": durations and months
            if re.match(r"\s*(?:개월|주)", after):
                return statement_context
            if re.match(r"\s*일\s*(?:부터|~|-|에서)\s*\d{1,2}\s*일", after):
                return True  # "14일부터 18일까지": days of a date range
            if re.match(r"\s*일\s*(?:부터|까지)", after) and re.search(r"(?:지난|오는|이달|지난달)\s*$", before):
                return True  # "지난 14일부터", "지난 20일까지": a day of the month, not a count
            return re.match(r"\s*일", after) is not None and re.search(r"월\s*(?:\d+\s*일\s*(?:부터|~|-)\s*)?$|부터\s*$", before) is not None
        if re.match(rf"\s*(?:(?:-|–|по|до|или)\s*\d+\s*)?{_RU_MONTHS}", after):
            return True  # "с 14 по 18 января": a date
        return re.match(r"\s*(?:(?:-|–|по|до|или)\s*\d+\s*)?(?:месяц|лет\b|год|недел)", after) is not None and statement_context

    def _hedge(self, before: str, after: str) -> str:
        before = before.lower().rstrip()
        if self.lang == "ko":
            for pattern, hedge in W.KO_HEDGES_AFTER:
                if pattern.match(after):
                    return hedge
        if re.search(r"\b(add|adds|added|adding|sum|sums|summed|come|comes|came|total|totals|totalled|amount|amounts)\s+up to$", before):
            return "exact"  # "add up to 404" states a sum, it is not "up to 404"
        if self.lang == "ru":
            before = re.sub(r"\s+(?:на|в)$", "", before)  # "выросло примерно на 70 %"
        for phrase, hedge in W.HEDGES_BEFORE[self.lang]:
            if before.endswith(phrase) and (len(before) == len(phrase) or not before[-len(phrase) - 1].isalnum()):
                return hedge
        return "exact"

    # --- figure claims ------------------------------------------------------------------------------

    def _figures(self, text: str, separated: set[str], qualitative: bool = True) -> list[Verdict]:
        periods = [m for m in find_periods(text, self.d.report_date)
                   if not (m.kind == "year" and str(m.year) in separated and str(m.year) in m.text)
                   and not self._dated_day(text, m)]
        worded = [(r.start, r.end) for r in Q.worded_ratios(text, self.lang) if r.end > r.start]
        periods = [m for m in periods if not any(a <= m.span[0] < b or m.span[0] <= a < m.span[1] for a, b in worded)]
        self.text = text  # ("выросло на треть" is a third of the base, not the third quarter)
        numbers = self._numbers(text, periods, separated)
        self.numbers = numbers
        self.majority_of_figure = {r.start for r in Q.majority_of_figure(text, self.lang)}  # "most of the 365 ..."
        self.fraction_change_at = {r.start for r in Q.fraction_changes(text, self.lang)}  # "rose by half"
        self.masked = text
        dated = [m for m in find_periods(text, self.d.report_date) if self._dated_day(text, m)]
        for m in periods + dated:  # a day's date ("on 23 January") is no word the figures lack
            a, b = m.span
            self.masked = self.masked[:a] + " " * (b - a) + self.masked[b:]
        self.from_to = {}
        for m in re.finditer(r"\bfrom\s+(?:about\s+|around\s+)?(\d+(?:\.\d+)?)\b[^\d]{0,40}?\bto\s+(?:about\s+|around\s+)?(\d+(?:\.\d+)?)\b", text):
            self.from_to[m.start(1)] = 0
            self.from_to[m.start(2)] = 1
        whole = extract(text, self.d.lexicon, self.d.report_date)
        self._no_boat(whole, text)
        if numbers and all(n.text in MAJORITY_WORDS for n in numbers) and qualitative:
            numbers = []  # "Большинство россиян ..., ехали по делам": a majority claim, read whole below
            self.numbers = numbers
        if not numbers:
            moves = self._two_moves(text) if qualitative else None
            if moves is not None:
                return [moves]
            verdict = self._tracked(lambda: self._qualitative(text, whole, periods)) if qualitative else None
            return [verdict] if verdict else []
        # A clause with no number qualifies the figures around it: "365 entered, most of them men".
        bare = [c for c in _split_clauses(self.masked, self.lang) if c.strip() and not re.search(r"\d", c)
                and not any(k.text.lower() in c.lower() for k in numbers if not re.search(r"\d", k.text))]  # "выросло на треть"
        # a statement beside the figures whose numbers are its own (a deadline, "1~2년") is a clause of its
        # own too; it is read from the text, since the masked copy has its periods blanked
        said = [c for c in _CLAUSE_RE[self.lang].split(text) if c.strip() and re.search(r"\d", c) and qualitative
                and not getattr(self, "nested", False) and self._is_statement(c.strip(" .,;"))
                and not any(self._counts_people(c, k) for k in self._numbers(c, find_periods(c, self.d.report_date), set()))]
        # "most of them on Air Koryo" qualifies the figure as much as its own clause would; other
        # clauses ("after direct flights resumed") are context, and only another measure counts.
        self.orphans = [w for c in bare for w in self._unresolved(c, [], strict=not re.match(W.QUALIFIER[self.lang], c.strip()))]
        self.orphans_told = False
        self.orphan_clause = ""
        for c in bare:
            if re.match(W.QUALIFIER[self.lang], c.strip()):
                # "..., mostly tourists": a claim about the make-up of the figure, not checked here
                self.orphans += [self.d.label(dim, cid) for dim, cid, _ in
                                 extract(c, self.d.lexicon, self.d.report_date).categories]
        # categories named only in a qualifier ("..., в основном за счёт студентов") are what the
        # qualifier claims, not what the figure counts
        self.qualifier_cats = {(d, i) for c in bare if re.match(W.QUALIFIER[self.lang], c.strip())
                               for d, i, _ in extract(c, self.d.lexicon, self.d.report_date).categories}
        told = [c.strip() for c in bare if re.match(W.QUALIFIER[self.lang], c.strip())
                or self._unresolved(c, [], strict=True)]
        self.orphan_clause = "; ".join(told)
        out: list[Verdict] = []
        own: list[Verdict] = []  # one verdict per number, in order
        self.causal: list[Verdict] = []  # a cause given for a figure ("helping 213 arrive"), judged last
        for i, n in enumerate(numbers):
            lo, hi = _clause_bounds(text, n, self.lang)
            lo = max(lo, numbers[i - 1].end if i > 0 else 0)
            hi = min(hi, numbers[i + 1].start if i + 1 < len(numbers) else len(text))
            if i > 0 and numbers[i - 1].start in self.majority_of_figure and not n.percent and not n.multiplier:
                # "Most of the 134 who came by train were on business": the figure counts its group
                # only; what most of them did is the majority's claim
                split = Q.group_and_predicate(text, numbers[i - 1].start, numbers[i - 1].end, self.lang)
                hi = min(hi, split[2]) if split else hi
            self.details: list[Verdict] = []
            self.details_note = ""
            own.append(self._tracked(lambda: self._check_number(text, n, text[lo:n.start], text[n.end:hi], whole,
                                                                periods, len(numbers))))
            if self.details or self.details_note:
                own[-1].note = "; ".join(x for x in (self.note("part_checked", part="figure"), own[-1].note) if x)
            out += [own[-1], *self.details]
        self._from_direction(text, numbers, own)
        self._qualifier_on_its_own(text, numbers, out)
        for c in bare:
            if qualitative and not getattr(self, "nested", False) and self._is_statement(c.strip(" .,;")) \
                    and not re.search(W.ATTRIBUTION[self.lang], c.strip(" .,;").lower()) \
                    and not re.match(W.QUALIFIER[self.lang], c.strip(" .,;")):
                # a statement beside the figure ("..., 북한과 러시아는 무기 거래를 부인했다") is checked as one,
                # not left as words the figures lack
                out = [v for v in out if not (v.claimed_value is None and v.measure == "unknown"
                                              and v.claim.strip(" .,;") == c.strip(" .,;"))]
        out += self._bare_clauses(text, bare + said, [v.claim.strip(" .,;") for v in out], periods, qualitative)
        if qualitative and not getattr(self, "nested", False) and not any(v.measure == "ranking" for v in out):
            # "비즈니스가 253명으로 가장 많았다", "air and rail were the top two, at 213 and 134": the
            # ranking beside the figures is a claim of its own
            ranks = self._rankings(text, periods)
            if ranks:
                # a clause the ranking reads whole ("was the most common purpose") is no unread clause
                inside = " ".join(v.claim.lower() for v in ranks)
                out = [v for v in out if not (v.measure == "unknown" and v.claimed_value is None
                                              and re.sub(r"\s+", " ", v.claim.lower()).strip() in re.sub(r"\s+", " ", inside))]
            out += ranks
        out += self._majority_of_the_group(text, numbers, out, qualitative)
        comparison = self._tracked(lambda: self._comparison_beside_numbers(text, numbers, whole, periods))
        if comparison is not None and not any(v.measure == comparison.measure and v.data_text == comparison.data_text
                                              for v in out):
            out.append(comparison)
        return out + self.causal[:1]

    def _dated_day(self, text: str, m: PeriodMention) -> bool:
        """Is this month a day's date ("reported on 23 January", "January 23", "23 января", "1월 23일")
        rather than a period of figures?"""
        if m.m1 != m.m2:
            return False
        before, after = text[max(0, m.span[0] - 4):m.span[0]], text[m.span[1]:m.span[1] + 5]
        return bool(re.search(r"\b\d{1,2}(?:st|nd|rd|th)?\s*(?:of\s+)?$", before) or re.match(r"\s*\d{1,2}\s*(?:일|\b)", after))

    def _two_moves(self, text: str) -> Verdict | None:
        """ "Entries dipped in Q2 before rebounding in Q3": two changes in a row, each judged with
        the sentence's subject; the claim matches only when both do, and differs when either does."""
        m = re.search(W.THEN[self.lang], text)
        if m is None:
            return None
        left, right = text[:m.start()], text[m.end():]
        moves = W.UP[self.lang] + "|" + W.DOWN[self.lang]
        first = re.search(moves, left)
        if first is None or not re.search(moves, right) or not find_periods(left, self.d.report_date) \
                or not find_periods(right, self.d.report_date):
            return None
        subject = left[:first.start()] if self.lang != "ko" else re.sub(r"\S*\d\S*\s*", "", left[:first.start()])
        if self.lang == "ko":
            subject = re.sub(r"(?:\S+에|\S+분기\S*)\s*$", "", subject).strip()
            left = left + "다" if not re.search(r"[.다]\s*$", left) else left  # "줄었다가" -> "줄었다"
            year = re.match(r"\s*(?:지난해\s*)?(\d{4})년\s+", left)
            if year and re.search(r"(?<!년 )(?<!년)\b\d\s*분기", left[year.end():]):
                # "2023년 ... 2분기에": the year is the quarters' year, not a period of its own
                rest = left[year.end():]
                left = re.sub(r"(\d\s*분기)", rf"{year.group(1)}년 \1", rest, count=1)
                right = re.sub(r"(\d\s*분기)", rf"{year.group(1)}년 \1", right, count=1)
        verdicts = []
        for clause in (left, f"{subject.strip()} {right}"):
            run = _Run(self.d, self.lang)
            run.nested = True
            found = [v for v in run.sentence(clause) if v.claimed_value is None]
            if len(found) != 1 or found[0].measure not in ("direction of change", "trend"):
                return None
            verdicts.append(found[0])
        wrong = [v for v in verdicts if v.verdict != "matches"]
        out = replace(wrong[0] if wrong else verdicts[0], claim=text.strip(" ."))
        if any(v.verdict == "differs" for v in verdicts):
            out.verdict = "differs"
        elif wrong:
            out.verdict = "not_in_data"
        out.data_text = "; ".join(dict.fromkeys(v.data_text for v in verdicts if v.data_text))
        return out

    def _bare_clauses(self, text: str, bare: list[str], judged: list[str], periods: list[PeriodMention],
                      qualitative: bool) -> list[Verdict]:
        """A clause without a number beside a figure is a claim of its own ("Direct flights have
        resumed, and 134 arrived by air"; "Rail was the most common way in, with 134 by train";
        "rose by 152, driven mainly by business travellers"): it is checked as its own sentence,
        with the sentence's period when it names none. A statement the report makes may match; a
        claim about the figures only differs or is not in the data here, because a clause read
        apart from its figure may lean on words ("most of the increase") it no longer sees."""
        if not qualitative or getattr(self, "nested", False):
            return []  # a clause is read once, never its clauses' clauses
        out: list[Verdict] = []
        period_text = " ".join(m.text for m in periods)
        for clause in bare:
            c = clause.strip(" .,;")
            if any(k.text.lower() in c.lower() for k in getattr(self, "numbers", [])):
                continue  # "twice the number who came to study": the figure's own clause, read with it
            if any(c in j for j in judged) or len(tokens(normalise(c))) < 3 or re.match(W.QUALIFIER[self.lang], c):
                continue  # a qualifier of the figure was read with it
            if re.match(r"(?:of|out\s+of|among)\s|(?:из|среди)\s", c.lower()) or re.search(r"(?:중|가운데)$", c):
                continue  # "Of the North Koreans who entered in Q3, 58 % flew": the group the figures are of
            if self.lang == "en" and not re.search(r"\b(?:is|are|was|were|be|been|being|has|have|had|[a-z]+(?:ed|en|ing))\b", c.lower()):
                continue  # "The business share": a noun phrase the figure beside it belongs to, no claim
            run = _Run(self.d, self.lang)
            run.nested = True
            statement = self._is_statement(c)
            probe = c if statement or find_periods(c, self.d.report_date) or not period_text else f"{c} {period_text}"
            try:
                found = run.sentence(probe)
            except NotInData:
                continue
            found = [v for v in found if v.claimed_value is None]
            ex = extract(c, self.d.lexicon, self.d.report_date)
            if found and found[0].verdict == "differs" and not statement and not (ex.countries or ex.categories):
                # "with most of the increase coming in September": a clause that names no one of its
                # own was read without the subject it leans on, so its "differs" is not to be trusted
                found = []
            if not found:
                # "driven mainly by business travellers", "with the busiest month being September": a
                # claim about the figures the checker cannot read is not passed over in silence
                if ex.categories or ex.cues.keys() - {"filler", "movement", "people_nouns"} or self._unresolved(c, [], strict=True) \
                        or re.search(_MONTHS_EN + "|" + _RU_MONTHS + r"|\d+\s*월|월별|매달", c.lower()):
                    found = [Verdict(claim=c, verdict="not_in_data", measure="unknown", note=self.note("unread"))]
            if len(found) != 1 or re.search(W.ATTRIBUTION[self.lang], c):
                continue  # "according to NK News": whose figures they are, said of the whole sentence
            v = found[0]
            ranking = v.measure == "ranking" and bool(ex.categories) and not re.search(
                W.UP[self.lang] + "|" + W.DOWN[self.lang], c.lower())
            if v.verdict == "matches" and not (statement and v.measure in ("statement", "source")) and not ranking:
                continue  # ("the most common way in" names its category and its ranking: it stands alone)
            v.claim = c
            if not any(x.claim == v.claim and x.data_text == v.data_text for x in out):
                out.append(v)
        return out

    def _majority_of_the_group(self, text: str, numbers: list[NumberMention], out: list[Verdict],
                               qualitative: bool) -> list[Verdict]:
        """ "Most of the 213 who entered in Q2 came for business": the group's figure was checked
        as written; the majority said of it is a claim of its own, checked as the sentence without
        the figure ("Most North Koreans who entered in Q2 came for business")."""
        if not qualitative or getattr(self, "nested", False) or len(numbers) != 1:
            return []
        n = numbers[0]
        m = re.match(W.MAJORITY_OF[self.lang], text[:n.start].lower())
        if m is None or any(v.claimed_value is None for v in out):
            return []
        probe = text[:m.start(1)] + text[m.end(1):n.start] + text[n.end:]
        probe = re.sub(r"\s*명\s*(?:중|가운데)", " ", probe) if self.lang == "ko" else probe
        run = _Run(self.d, self.lang)
        run.nested = True
        found = [v for v in run.sentence(probe) if v.claimed_value is None]
        if len(found) != 1 or found[0].measure not in ("share", "unknown"):
            return []
        found[0].claim = text.strip(" .")
        return found

    def _qualifier_on_its_own(self, text: str, numbers: list[NumberMention], out: list[Verdict]) -> None:
        """ "365 entered in Q3, most of them on business": the figure was checked as written; the
        qualifier clause is checked as the same sentence without its figure would be ("North
        Koreans entered in Q3, most of them on business"), so a make-up the data bears out (or
        contradicts) is said so instead of "not in the data"."""
        told = [v for v in out if v.verdict == "not_in_data" and v.claimed_value is None and v.claim == self.orphan_clause]
        if not told or not numbers or ";" in self.orphan_clause \
                or not re.match(W.QUALIFIER[self.lang], self.orphan_clause):
            return
        a, b = _clause_bounds(text, numbers[0], self.lang)
        hedges = "|".join(re.escape(p) for p, _ in W.HEDGES_BEFORE[self.lang])
        head = re.sub(rf"(?:\b(?:{hedges}|some|about|around|roughly|only|just)\s+)?\b{re.escape(numbers[0].text)}\s*",
                      "", text[a:b], count=1).strip(" .,;")
        probe = head
        for m in find_periods(head, self.d.report_date):
            probe = probe.replace(m.text, " ", 1)  # "in Q3 2023" stays: the period is part of the claim
        if not head or re.search(r"\d", probe) or a != 0:
            return  # another number in the head clause would be checked twice
        found = _Run(self.d, self.lang).sentence(f"{head}, {self.orphan_clause}")
        # A computed share decides either way; a ranking only when it bears the make-up out ("mostly
        # tourists" is not contradicted by a breakdown that gives only the business travellers).
        if len(found) == 1 and found[0].claimed_value is None and (
                found[0].verdict == "matches" or found[0].verdict == "differs" and found[0].measure == "share"):
            found[0].claim = self.orphan_clause.strip(" .")
            out[out.index(told[0])] = found[0]

    def _tracked(self, check: Callable[[], Verdict | None]) -> Verdict | None:
        """Run one claim's check and note on its verdict the stored figures the data's side was
        computed from (presentation only: the hand-off buttons locate and cite them)."""
        self.d.used.clear()
        verdict = check()
        if verdict is not None:
            # (a check run inside another, a ranking inside a sentence's qualitative claim, has
            # noted its figures already)
            verdict.figure_ids = list(dict.fromkeys(self.d.used)) or verdict.figure_ids
        self.d.used.clear()
        return verdict

    def _from_direction(self, text: str, numbers: list[NumberMention], out: list[Verdict]) -> None:
        """ "213 entered in Q2, down from 153 in Q1": each figure may be right and the sentence still
        wrong, because "down from" claims the earlier figure was larger. The figure the change is
        "from" differs when the data moved the other way."""
        for i in range(1, len(numbers)):
            gap = text[numbers[i - 1].end:numbers[i].start]
            m = re.search(W.FROM_CHANGE[self.lang], gap)
            if m is None:
                continue
            later, earlier = out[i - 1], out[i]
            if later.verdict == "not_in_data" or earlier.verdict == "not_in_data" or \
                    later.measure not in ("count", "category") or earlier.measure != later.measure:
                continue
            if later.span and earlier.span and earlier.span[0] > later.span[1]:
                # "153 in Q1, down from 213 in Q2": a change is from an earlier period, not a later one
                earlier.verdict = "differs"
                earlier.note = "; ".join(x for x in (earlier.note, self.note("from_later")) if x)
                continue
            falls = re.search(W.DOWN[self.lang], m.group(0)) is not None
            rose = later.data_value is not None and earlier.data_value is not None and later.data_value > earlier.data_value
            fell = later.data_value is not None and earlier.data_value is not None and later.data_value < earlier.data_value
            if (falls and not fell) or (not falls and not rose):
                earlier.verdict = "differs"
                earlier.note = "; ".join(x for x in (earlier.note, self.note("opposite_change")) if x)

    def _comparison_beside_numbers(self, text: str, numbers: list[NumberMention], whole: Extraction,
                                   periods: list[PeriodMention]) -> Verdict | None:
        """ "The 196 Russians who travelled on business outnumbered the North Koreans who came on
        business": a comparison the numbers do not carry is a claim of its own."""
        # "more than 360" is a hedge, not a comparison
        qualitative_free = re.sub(r"\b(?:more|fewer|less)\s+than\s+(?:about\s+)?\d|\b(?:over|under)\s+\d", " ", text)
        if any(n.percent or n.multiplier or self._diff_words(text, n) for n in numbers):
            return None  # "outnumbered by 179", "71 % more": the number is the comparison
        same = re.search(W.SAME_BESIDE[self.lang], qualitative_free) is not None  # "23 ..., as many as came for education"
        if not (re.search(W.MORE[self.lang], qualitative_free) or re.search(W.FEWER[self.lang], qualitative_free) or same):
            return None
        citizens, _ = roles(whole, self.d.lexicon)
        cats = {(d, c) for d, c, _ in whole.categories}
        real = [m for m in periods if m.kind not in ("previous", "relative", "latest")]
        if len(citizens) < 2 and len(cats) < 2 and len(real) < 2:
            return None
        masked = re.sub(r"\d+(?:\.\d+)?", " ", qualitative_free)
        verdict = self._qualitative(masked, whole, periods)
        return verdict if verdict is not None and verdict.measure.startswith("comparison") else None

    def _unresolved(self, clause: str, periods: list[PeriodMention], strict: bool = False) -> list[str]:
        """Words of a figure's clause that name something the figures do not have: another measure
        (pay, age), a detail of a category (a carrier, a route), a place within a country, a name
        the data does not know. ``strict`` leaves out words merely unknown to the lexicon."""
        for m in periods:
            clause = clause.replace(m.text, " ")
        hedges = "|".join(re.escape(p) for p, _ in sorted(W.HEDGES_BEFORE[self.lang], key=lambda x: -len(x[0])))
        clause = re.sub(rf"(?<!\w)(?:{hedges})(?!\w)", " ", clause.lower())  # "in the region of 370" is a hedge
        ex = extract(clause, self.d.lexicon, self.d.report_date)
        strange = list(ex.slot_unknown) + ([] if strict else list(ex.proper_unknown))
        strange += [m.group(0) for m in re.finditer(W.PLACE_DETAIL[self.lang], clause)]
        strange += [m.group(0) for m in re.finditer(W.HISTORY[self.lang], clause)]
        # Names the data does not know, as written: "в Москву", "Vladivostok airport".
        raw = getattr(self, "raw", "")
        for m in re.finditer(r"(?<![\w])([A-ZА-ЯЁ][\w-]+)", raw):
            word = m.group(1)
            low = word.lower()
            if strict or m.start() == 0 or re.search(r"[.!?]\s*[\"«“]?$", raw[:m.start()]):
                continue  # the first word of a sentence is capitalised anyway
            if low in clause and not any(t in self.d.lexicon.vocabulary for t in tokens(normalise(word))) \
                    and not self.d.lexicon.fuzzy_word(tokens(normalise(word))[0] if tokens(normalise(word)) else low):
                strange.append(low)
        if self.lang == "en":
            strange += list(ex.measure_unknown)  # Korean and Russian verbs land there too
        toks = tokens(normalise(clause))
        covering: list[set[str]] = [set() for _ in toks]
        other: list[bool] = [False] * len(toks)
        kinds_of_person: list[tuple[int, int]] = []
        for hit in self.d.lexicon.scan(toks):
            if hit.term.kind == "cue" and hit.term.id == "subnational":
                strange.append(" ".join(toks[hit.start:hit.end]))  # a place within a country: "at Tumangang"
            if hit.term.kind == "cue" and hit.term.id == "person_kind":
                kinds_of_person.append((hit.start, hit.end))
            for i in range(hit.start, hit.end):
                if hit.term.kind == "cue" and hit.term.id == "other_measure":
                    other[i] = True
                else:
                    covering[i].add(hit.term.kind)
        for a, b in kinds_of_person:
            if not any(covering[i] & {"purpose", "transport"} for i in range(a, b)):
                # "213 North Korean pilots", "365 officials": a kind of person the figures do not
                # count (the question pipeline's person_kind group, accounting.subgroup_asked)
                strange.append(" ".join(toks[a:b]))
        for i, t in enumerate(toks):
            kinds = covering[i]
            if other[i] and not kinds & {"purpose", "transport", "country"}:
                strange.append(t)
            elif kinds == {"fact"} and not strict and not t.isdigit() and t not in W.NEUTRAL_WORDS and len(t) > 2 \
                    and not self._plain_verb(t):
                strange.append(t)  # a word only the report's statements use: "Air Koryo", "construction"
        if self.lang == "en" and not strict:
            strange += [w for w in ex.unknown if w not in W.NEUTRAL_WORDS and not w.isdigit() and len(w) > 2
                        and not re.fullmatch(r"\d+(?:st|nd|rd|th)|[a-z]*ly", w) and not self._plain_verb(w)]
        return [w for w in dict.fromkeys(strange) if w not in W.NEUTRAL_WORDS]

    def _no_boat(self, ex: Extraction, text: str) -> Extraction:
        """ "두 배를 넘었다" is twice, not a boat: 배 after a Korean numeral is the multiplier."""
        if self.lang == "ko" and re.search(r"(?:두|세|네|다섯|\d)\s*배(?!편|로|를\s*타)", text) \
                and not re.search(r"배편|배로|선박|해상|수로|뱃길", text):
            ex.categories = [c for c in ex.categories if c[:2] != ("transport", "water")]
        return ex

    def _plain_verb(self, word: str) -> bool:
        """A verb of the sentence's own wording ("received", "serviced"), not one that reverses it."""
        return re.search(W.VERB_FORM[self.lang], word) is not None and re.search(W.REVERSING[self.lang], word) is None

    def _check_number(self, text: str, n: NumberMention, before: str, after: str, whole: Extraction,
                      periods: list[PeriodMention], count: int) -> Verdict:
        # What a number counts is usually named right after it ("7,000 came by train"), else just
        # before it ("business accounted for 69%"), else once for the whole sentence.
        # A category named after the next comma or dash belongs to the next figure: "на автомобилях
        # въехали 13, пешком — 31" (Korean reads its own clause below).
        forward = extract(after if self.lang == "ko" else re.split(r"[,;]\s|\s[—–-]\s", after)[0],
                          self.d.lexicon, self.d.report_date)
        backward = extract(before, self.d.lexicon, self.d.report_date)
        if self.lang == "ko":
            forward, backward = backward, forward  # Korean names what it counts before the number
        local = forward if (forward.categories or forward.countries) else backward
        before_ex = forward if self.lang == "ko" else backward  # (Korean's were swapped just above)
        if re.search(r"\(\s*$", before) and (before_ex.categories or before_ex.countries):
            forward, local = before_ex, before_ex  # "arriving by train (134)": the number names what precedes it
        claim_text = _clause(text, n, self.lang)
        try:
            money_before, money_after = W.MONEY[self.lang]
            if re.search(money_before, text[:n.start].rstrip()) or re.match(money_after, text[n.end:]):
                raise NotInData("measure", words=[self.note("money")])  # pay, prices: no money in the data
            if n.start in getattr(self, "majority_of_figure", set()):
                return self._majority_of_figure(n, text, claim_text, self._directions(local, whole)[0], periods)
            if re.match(W.POINTS_AFTER[self.lang], text[n.end:n.end + 30].lower()) or (
                    self.lang == "en" and re.match(r"\s*points?\b", text[n.end:]) and re.search(r"\bshares?\b", text.lower())):
                # ("33 points higher" in a sentence about shares: percentage points)
                one, pair = self._directions(local, whole)
                return self._points_gap(n, claim_text, one, whole, periods, pair)
            lo, hi = n.start - len(before), n.end + len(after)
            strange = [w for w in self._unresolved(self.masked[lo:n.start] + " " + self.masked[n.end:hi], [])
                       if w not in W.NEUTRAL_WORDS]
            # A kind of vehicle named in the figure's own clause ("на автобусе — 31", not the train's
            # figure before the comma) is a detail the report's "by vehicle" does not give.
            own_clause = [seg for seg in re.split(r"[,;]\s|\s[—–-]\s", before) if seg.strip()][-1:] \
                + re.split(r"[,;]\s|\s[—–-]\s", after)[:1]
            strange += [m.group(0) for seg in own_clause for m in re.finditer(W.VEHICLE_KIND[self.lang], seg.lower())]
            strange = list(dict.fromkeys(strange))
            causal = [w for w in strange if re.fullmatch(W.CAUSAL[self.lang], w)]
            if causal and len(causal) < len(strange) + 1 and re.search(W.CAUSAL[self.lang], before.lower()):
                # "flights resumed, helping 253 arrive by air": what caused the figure is not judged
                # (the report gives no cause); the figure itself is, and the verdict says so
                strange = [w for w in strange if w not in causal]
                self.details_note = self.note("part_checked", part="figure")
                self.causal.append(self._not_in_data(None, claim_text, NotInData("measure", words=causal[:1])))
            orphans = getattr(self, "orphans", [])
            if orphans and not strange:
                # "766 entered, most of them as tourists": the figure is checked as written, and the
                # clause the data cannot bear out gets a verdict of its own (once per sentence).
                if not self.orphans_told:
                    self.orphans_told = True
                    self.details.append(self._not_in_data(None, self.orphan_clause or claim_text,
                                                          NotInData("measure", words=orphans[:3])))
            strange += orphans if strange else []
            presupposed = (self.lang == "en" and re.search(r"\b(?:the|of\s+the|among\s+the)\s+$", before) is not None
                           or self.lang == "ko" and re.match(r"\s*명?\s*(?:중|가운데)", text[n.end:]) is not None
                           or self.lang == "ru" and re.search(r"(?:^|\s)(?:из|среди)\s+$", text[:n.start].lower()) is not None) \
                and not n.percent and not n.multiplier and n.hedge == "exact"  # "365명 중 여성은": the group's own figure
            if strange and presupposed:
                # "The 213 who flew all travelled on Air Koryo": the figure in the noun phrase is a
                # claim of its own, checked as usual; what is said of them the data lacks is another
                # (unless a majority of the figure already judges it: "most of the 213 ...").
                if not getattr(self, "majority_of_figure", None):
                    self.details.append(self._not_in_data(None, claim_text, NotInData("measure", words=strange[:3])))
            elif strange and not (n.multiplier and not strange):
                raise NotInData("measure", words=strange[:3])
            if whole.exits or re.match(W.DEPARTED_AFTER[self.lang], text[n.end:n.end + 40].lower()):
                raise NotInData("measure", words=["departures"])
            if self._stock(claim_text):
                raise NotInData("measure", words=[self.note("stock")])
            dims = local.dimensions or whole.dimensions
            listed = {d for d, _, _ in whole.categories}
            if not dims and len(whole.categories) >= 2 and len(listed) == 1:
                dims = list(listed)  # "business (253), education (24) ... add up to 326"
            if dims and re.search(r"\b(?:add|adds|added|sum|sums|summed|come|comes|match|matches|matched|equal|equals|equalled)\s+(?:up\s+)?"
                                  r"(?:(?:exactly|precisely|neatly|fully)\s+)?(?:to\s+)?the\s+(?:overall\s+|whole\s+|published\s+)?"
                                  r"total(?:\s+of)?\s+$", before):
                # "the purpose breakdown adds up exactly to the total of 365": the total is a figure of
                # its own, and the breakdown summing to it is another claim, decided by the sum
                to_total = self._sum_to_total(claim_text, whole, dims[0], periods)
                if to_total.measure == "sum of a breakdown" and \
                        re.search(r"\b(?:not|never|fails?\s+to|failed\s+to)\s+(?:\w+\s+)?$|n't\s+(?:\w+\s+)?$",
                                  before[:re.search(r"\b(?:add|adds|added|sum|sums|summed|come|comes|match|matches|"
                                                    r"matched|equal|equals|equalled)\b[^\n]*$", before).start()]):
                    # "does not add up to the total of 365": the statement is the sum differing from the
                    # total, so the data's sum decides the other way; the total is a figure of its own
                    self.details.append(replace(to_total, verdict="matches" if to_total.verdict == "differs" else "differs"))
                    return self._count(n, claim_text, self._directions(local, whole)[0], [], periods, None)
                self.details.append(to_total)
                if to_total.verdict == "differs":
                    # the figure is what the claim says the parts sum to: when they sum to something
                    # else, "matches" on it (as the total) would pass the false statement off as true
                    return self._breakdown_sum(n, claim_text, whole, dims[0], periods)
                return self._count(n, claim_text, self._directions(local, whole)[0], [], periods, None)
            if dims and re.search(r"\b(add|adds|added|sum|sums|summed|total|totals|come|comes)\s+(up\s+)?"
                                  r"(?:(?:exactly|precisely|only|just|neatly)\s+)?to\s+(?:(?:only|just|exactly|the|a)\s+)*$", before):
                return self._breakdown_sum(n, claim_text, whole, dims[0], periods)
            whole_breakdown = dims and not whole.categories  # "교통수단별로 합하면", not "항공과 열차를 합치면"
            if whole_breakdown and re.search(W.SUM_BEFORE[self.lang], before.lower()):
                return self._breakdown_sum(n, claim_text, whole, dims[0], periods)  # "합하면 404명", "в сумме 404"
            relation = self._sum_relation(text) if whole_breakdown and not n.percent and not n.multiplier else None
            if relation is not None:
                return self._sum_relation_verdict(n, claim_text, whole, local, dims[0], periods, relation)
            if dims and re.search(r"\badds?\s+up\b|\badded\s+up\b|\bsums?\s+to\b", before):
                # a sum of a breakdown said in words the pattern above does not read: never the total
                raise NotInData("measure", words=["sum of a breakdown"])
            # "of the 365, 213 flew": 365 is the total; "of the 253 business travellers, 140 ...": the
            # category inside the noun phrase after the number is its own.
            verbs = r"\b(?:came|come|comes|entered|arrived|travell?ed|flew|went|crossed|visited|were|was|numbered|had|have|did)\b"
            phrase = re.split(verbs + r"|[,;(]", after)[0]
            relative = re.match(r"((?:[\w-]+\s+){0,3}(?:who|that|which)\s+)(" + verbs[2:-2] + r")\b(.*)", after.lstrip())
            if self.lang == "en" and relative:
                # "most of the 134 North Koreans who came by rail were men": the relative clause is
                # part of the noun phrase, so rail is what 134 counts (not the total it is "of")
                # (it ends at the main verb: "who entered in Q3 listed work" is not about work)
                phrase = relative.group(1) + relative.group(2) + re.split(verbs + r"|\b\w+ed\b|[,;(]", relative.group(3))[0]
            total_of = (re.search(r"\b(of|out of|among|from|total of|all|из|среди)\s+(the\s+)?$", before)
                        and not (re.search(r"\bfrom\s+(the\s+)?$", before) and re.search(W.UP[self.lang] + "|" + W.DOWN[self.lang], before))
                        or re.match(r"\s*명?\s*(?:중|가운데)", text[n.end:]) is not None) and not n.percent \
                and not extract(phrase, self.d.lexicon, self.d.report_date).categories
            direction, directions = self._directions(local, whole)
            if self.lang in ("en", "ru"):
                cat_sources = [forward.categories, backward.categories]
            else:
                # Korean and Russian put a category before or after its number; the number's own
                # clause decides ("13명이 도보로, 13명이 배로"), else the sentence's one category.
                lo, hi = _clause_bounds(text, n, self.lang)
                region = text[max(lo, n.start - len(before)):min(hi, n.end + len(after))]
                own = self._no_boat(extract(region, self.d.lexicon, self.d.report_date), region).categories
                single = len({(d, i) for d, i, _ in whole.categories}) == 1
                cat_sources = [own if len({(d, i) for d, i, _ in own}) == 1 else [],
                               whole.categories if (count == 1 or n.percent or not single) else []]
            # A category named in another clause ("..., after direct flights resumed") is context.
            clause_cats = extract(claim_text, self.d.lexicon, self.d.report_date).categories \
                if self.lang == "en" and not n.percent else whole.categories  # "..., or about 70 %" refers back
            categories = [] if total_of else (
                [(d, i) for d, i, _ in cat_sources[0]] or ([(d, i) for d, i, _ in cat_sources[1]] if len(cat_sources) > 1 else [])
                or ([(d, i) for d, i, _ in clause_cats] if len(clause_cats) == 1 and (count == 1 or n.percent) else []))
            if not categories and n.percent and self._combined([(d, i) for d, i, _ in clause_cats], claim_text):
                categories = [(d, i) for d, i, _ in clause_cats]  # "air and rail together ..., about 95 %"
            if not categories and re.match(r"\s*(?:of|out of)\s+(?:the\s+)?$", after) and len(whole.categories) == 1:
                categories = [(d, i) for d, i, _ in whole.categories]  # "just 3 of the 365 ... listed work"
            # "air and rail ..., at 213 and 134": the i-th figure of a list is the i-th category's
            respective = [] if total_of else self._respective(text, n)
            if respective:
                categories = respective
            if self.lang == "en" and not total_of and not respective:
                listed = self._listed_before(text, n)
                if len(listed) >= 2 and len(set(categories)) <= 1 and set(categories) <= set(listed):
                    categories = listed  # "by road, foot and water came to 57": all three, not the last
            if not categories and self.lang == "ru" and re.search(r"(?:^|\s)(?:из|среди)\s+$", text[:n.start].lower()):
                # "Из 253 северокорейцев, приехавших по делам, ...": the participle after the comma
                # is part of the group the figure counts
                group = list(dict.fromkeys((d, i) for d, i, _ in extract(after, self.d.lexicon, self.d.report_date).categories))
                if len(group) == 1:
                    categories, total_of = group, False
            if not categories and not total_of:
                categories = self._categories_elsewhere(text, n, whole)
            prev = [k for k in self.numbers if k.end <= n.start]
            if not categories and prev and re.search(W.FROM_CHANGE[self.lang], text[prev[-1].end:n.start]):
                categories = list(getattr(self, "prev_categories", []))  # "3 came to work, down from 10": 10 who came to work
            categories = list(dict.fromkeys(categories))  # "who came by rail took the train": rail once
            own_clause = {(d, i) for d, i, _ in extract(claim_text, self.d.lexicon, self.d.report_date).categories}
            categories = [c for c in categories if c not in getattr(self, "qualifier_cats", set()) or c in own_clause]
            earlier_categories = list(getattr(self, "prev_categories", []))
            self.prev_categories = categories
            inside = self._inside_group(text, n)
            own_cats = {(d, i) for d, i, _ in extract(text[n.end:hi] if self.lang != "ko" else claim_text,
                                                     self.d.lexicon, self.d.report_date).categories}
            if inside and (not categories or set(categories) <= set(inside)) and not own_cats - set(inside):
                # "Из 253, приехавших по делам, 100 были чиновниками", "Of the 253 business travellers,
                # 100 were officials": a part of the group the data does not break down, never the
                # group's own figure nor the total
                words = [w for w in self._unresolved(text[n.end:hi], []) if w not in W.NEUTRAL_WORDS] or \
                    [text[n.end:hi].strip(" .,;")]
                raise NotInData("measure", words=words[:3])
            if inside and categories and any(dim != inside[0][0] for dim, _ in categories):
                # "Of the 253 business travellers, 120 flew": air within business is a cross-tabulation
                # the data does not publish, never the air figure of everyone
                raise NotInData("crosstab", categories=[self.d.label(x, y) for x, y in inside + categories],
                                **self.d.dir_values(direction))
            if self.lang != "en" and len(categories) > 1:
                categories = categories[:1] if len({c for c in categories}) == 1 else categories
            context = text[max(0, n.start - 80):n.end + 40]
            context = re.sub(r"\b(made|make|makes|making|up to)\s+up\b|\bup to\b", " ", context)
            up, down = W.UP[self.lang], W.DOWN[self.lang]
            change = re.search(up, context) or re.search(down, context) or (
                n.percent and re.match(r"\s*(?:%|percent|per cent)\s+(?:above|below|over|under)\b", text[n.end:])
                and len(periods) >= 2)  # "71 % above Q2"
            if not change and n.percent and self.lang == "ru" and re.match(r"\s*(?:рост|прирост|увеличение|снижение|сокращение|падение)\b",
                                                                         claim_text.lower()):
                change = True  # "Рост числа въехавших ... составил около 40 %": the noun of change leads the clause
            if n.percent and re.search(W.SHARE_BEFORE[self.lang], text[max(0, n.start - 30):n.start].lower()):
                change = None  # "the business share, 69.3 %, was higher than ...": the share itself
                named = list(dict.fromkeys((x, y) for x, y, _ in extract(
                    text[max(0, n.start - 40):n.start], self.d.lexicon, self.d.report_date).categories))
                if len(named) == 1:
                    categories = named  # the category named with "share", not one later in the sentence

            # The unit may lead the sentence in a clause of its own: "Each quarter of 2022, 223 came".
            own_unit = self._rate_unit_after(text, n)
            unit = own_unit or self._rate_unit(claim_text) \
                or self._rate_unit(text[max(0, n.start - 60):n.start].lower())
            following = [k for k in self.numbers if k.start >= n.end]
            if unit and not own_unit and not n.multiplier and following and not following[0].multiplier \
                    and self._rate_unit(text[following[0].end:].lower()) == unit \
                    and self._rate_unit(text[n.end:following[0].start].lower()) is None:
                unit = None  # "the 365 who entered ... were paid an average of $600 a month": the unit is 600's
            later = [k for k in self.numbers if k.start >= n.end and k.multiplier]
            if unit and not n.multiplier and later and self._rate_unit(text[later[0].end:].lower()) == unit \
                    and self._rate_unit(text[n.end:later[0].start].lower()) is None:
                unit = None  # "544 ... were 29 times the 2022 monthly average": the unit is the base's
            # "6.5 times the 2022 monthly average": the unit is the base's only, the claim's side is
            # its period's total (365 against 223 / 12 is 19.6 times, not 6.5)
            before_n, after_n = text[:n.start].lower(), text[n.end:].lower()
            if self.lang == "ko":
                # "2022년 월평균의 6.5배": the base is the phrase that "의" ties to the multiplier
                tie = re.search(r"(?:\S+\s*){1,2}의\s*(?:약|거의|대략|무려|약\s*)?\s*$", before_n)
                before_n, after_n = (before_n[:tie.start()], tie.group(0)) if tie else (before_n, "")
            base_only = bool(n.multiplier and unit and self._rate_unit(after_n) == unit
                             and self._rate_unit(before_n) is None)
            both_sides = bool(n.multiplier and unit and self._rate_unit(after_n) == unit == self._rate_unit(before_n))
            if unit and not (n.multiplier or (n.percent and change and not n.fraction)
                             or not (n.percent or self._diff_words(text, n))) or \
                    unit in ("day", "month") and (n.multiplier and not (base_only or both_sides) or n.percent):
                raise NotInData("measure", words=[self.note("per_unit", unit=unit)])  # a rate of a kind not computed
            if n.multiplier:
                return self._ratio(n, claim_text, direction, directions, categories, periods, unit, base_only)
            bracket = re.search(r"\(\s*(?:about|around|roughly|nearly|some|около|약)?\s*$", text[:n.start].lower())
            if n.percent and bracket and len(directions) == 2 and not n.fraction:
                # "among North Koreans entering Russia (69 %) ... than among Russians (36 %)": a share in
                # brackets is the share of the people named just before it
                start = max([k.end for k in self.numbers if k.end <= n.start] + [0])
                seg = extract(text[start:n.start], self.d.lexicon, self.d.report_date)
                if roles(seg, self.d.lexicon)[0]:
                    named = list(dict.fromkeys((x, y) for x, y, _ in whole.categories))
                    return self._share(n, claim_text, self.d.direction_for(seg)[0],
                                       categories if len(categories) == 1 else named, periods)
            if n.percent and len(directions) == 2 and not n.fraction and re.search(W.MORE[self.lang], text):
                return self._direction_pct(n, claim_text, directions, categories, periods)
            if n.percent and change and (not n.fraction or n.start in getattr(self, "fraction_change_at", set())):
                # "up 71 %"; "rose by half" (a fraction of the base, at the fraction's own tolerance)
                return self._change(n, claim_text, direction, categories, periods, "pct", unit)
            if n.percent:
                if re.search(r"year[- ]on[- ]year|y/y|\byoy\b|a year (earlier|before)|same (quarter|period)", text):
                    raise NotInData("measure", words=["year-on-year change"])
                return self._share(n, claim_text, direction, categories, periods)
            diff_words = self._diff_words(text, n)
            if diff_words and len(set(categories)) == 1 and re.search(W.ALL_OTHERS[self.lang], text):
                return self._against_the_rest(n, claim_text, direction, categories[0], periods)
            if diff_words and len(directions) < 2 and len(dict.fromkeys(categories)) == 2 \
                    and re.search(W.MORE[self.lang], text) and not change:
                # "business travellers outnumbered rail passengers by 119": the gap between two
                # categories of the same period and direction, first named over the second
                return self._category_gap(n, claim_text, direction, list(dict.fromkeys(categories)), periods)
            if diff_words:
                if len(directions) == 2:
                    return self._direction_diff(n, claim_text, directions, categories, periods)
                return self._change(n, claim_text, direction, categories, periods, "diff")
            rest = self._complement_of(claim_text, categories, earlier_categories)
            if rest is not None and unit is None and not n.multiplier:
                return self._complement(n, claim_text, direction, rest, periods)
            counted = self._count(n, claim_text, direction, categories, periods, unit)
            self._level_reached(n, text, claim_text, direction, categories, counted)
            return counted
        except NotInData as nd:
            return self._not_in_data(n, claim_text, nd)
        except _Decided as decided:
            return decided.verdict

    def _inside_group(self, text: str, n: NumberMention) -> list[tuple[str, str]]:
        """The category of the group an earlier figure names as the whole this one is part of ("Of
        the 253 business travellers, 120 ...", "Из 213 прилетевших ... 100", "253명 중 ..."), if any."""
        for k in getattr(self, "numbers", []):
            if k.end > n.start or k.percent or k.multiplier:
                continue
            before, after = text[max(0, k.start - 16):k.start].lower(), text[k.end:n.start]
            if not (re.search(r"\b(?:of|out\s+of|among)\s+(?:the\s+|these\s+|those\s+)?$|(?:^|\s)(?:из|среди)\s+$", before)
                    or self.lang == "ko" and re.match(r"\s*명?\s*(?:중|가운데)", after)):
                continue
            # (a Russian participle after the comma is still the group: "из 253, приехавших по делам,")
            group = after if self.lang == "ru" else re.split(r"[,;]", after)[0] if self.lang != "ko" \
                else text[max(0, k.start - 30):k.start]
            for m in find_periods(group, self.d.report_date):
                group = group.replace(m.text, " ")
            found = list(dict.fromkeys((d, i) for d, i, _ in extract(group, self.d.lexicon, self.d.report_date).categories))
            if len(found) == 1:
                return found
        return []

    def _listed_before(self, text: str, n: NumberMention) -> list[tuple[str, str]]:
        """Categories of one breakdown listed just before a number ("by road, foot and water came
        to 57"), which the clause split would otherwise cut down to the last one."""
        start = max([k.end for k in self.numbers if k.end <= n.start] + [0])
        segment = text[start:n.start]
        m = re.search(r"((?:[\w-]+\s+){0,3}[\w-]+(?:,\s+(?:[\w-]+\s+){0,3}[\w-]+)*,?\s+(?:and|or)\s+(?:[\w-]+\s+){0,3}[\w-]+)"
                      r"(?:\s+[\w-]+){0,3}\s*$", segment)
        if m is None or not re.search(r",|\band\b|\bor\b", m.group(1)):
            return []
        found = list(dict.fromkeys((d, i) for d, i, _ in extract(m.group(1), self.d.lexicon, self.d.report_date).categories))
        return found if len(found) >= 2 and len({d for d, _ in found}) == 1 else []

    def _categories_elsewhere(self, text: str, n: NumberMention, whole: Extraction) -> list[tuple[str, str]]:
        """The categories a figure is about when its own clause names none but leans on the words
        before it: an appositive ("Education, with 24 entrants"; "personal and maintenance, at 23
        each"), a figure after a dash ("из них 196 — по делам"), or "that purpose" pointing back
        at the one category the sentence names."""
        lo, _ = _clause_bounds(text, n, self.lang)
        if self.lang == "ru":
            m = re.match(r"\s*[—–-]\s+([^,;]+)", text[n.end:])
            if m:
                return list(dict.fromkeys((d, i) for d, i, _ in extract(m.group(1), self.d.lexicon, self.d.report_date).categories))
            return []
        if self.lang != "en":
            return []
        if re.fullmatch(r"\s*(?:with|at)\s+(?:(?:about|around|roughly|some|just|only)\s+)?", text[lo:n.start]):
            start = max([k.end for k in self.numbers if k.end <= lo] + [0])
            found = list(dict.fromkeys((d, i) for d, i, _ in extract(text[start:lo], self.d.lexicon, self.d.report_date).categories))
            if not text[start:lo].strip(" ,") and re.match(r"\s*,\s", text[n.end:]):
                # "At 213, air arrivals in Q3 were ...": a figure leading the sentence is its subject's
                subject = re.split(r"\b(?:was|were|is|are|came|stood|numbered|made|accounted|had|has|have)\b|[,;]",
                                   text[n.end:].lstrip(" ,"))[0]
                found = list(dict.fromkeys((d, i) for d, i, _ in extract(subject, self.d.lexicon, self.d.report_date).categories))
                return found if len(found) == 1 else []
            return found if 0 < len(found) <= 3 else []
        own = _clause(text, n, self.lang)
        if re.fullmatch(rf"(?:(?:about|around|roughly|some|just|only)\s+)?{re.escape(n.text)}\s+of\s+them", own.lower()):
            # "..., came by rail, 134 of them": the appositive counts the clause before it
            prev = re.split(r"[,;]\s", text[:lo].rstrip(" ,;"))[-1]
            found = list(dict.fromkeys((d, i) for d, i, _ in extract(prev, self.d.lexicon, self.d.report_date).categories))
            return found if len(found) == 1 else []
        if re.search(r"\b(?:that|this|the\s+same)\s+(?:purpose|reason|mode|means|category)\b", own):
            found = list(dict.fromkeys((d, i) for d, i, _ in whole.categories))
            return found if len(found) == 1 else []
        if re.search(r"\b(?:to|at)\s+(?:(?:about|around|roughly|some|nearly|almost|just)\s+)?$", text[lo:n.start].lower()) \
                and re.search(W.UP_VERB["en"] + "|" + W.DOWN_VERB["en"] + r"|\b(?:doubled|tripled|trebled|quadrupled|halved)\b",
                              own.lower()):
            # "Rail arrivals doubled in Q3 2023 to 134": the level a change reached is the subject's
            found = list(dict.fromkeys((d, i) for d, i, _ in extract(own, self.d.lexicon, self.d.report_date).categories))
            return found if len(found) == 1 else []
        return []

    def _respective(self, text: str, n: NumberMention) -> list[tuple[str, str]]:
        """The category a figure of a coordinated list is attached to: "air and rail ..., at 213
        and 134" and "213 and 134 came by air and rail respectively" pair the i-th figure with
        the i-th category of one breakdown, when the counts agree; [] when the figure is in no
        such list or the pairing is not certain."""
        numbers = [k for k in getattr(self, "numbers", []) if not (k.percent or k.multiplier) or (k.percent == n.percent)]
        if n not in numbers:
            return []
        joint = {"en": r"\s*(?:,\s*(?:and\s+)?|and\s+|&\s*)", "ko": r"\s*(?:명)?\s*(?:,|과|와|및)\s*",
                 "ru": r"\s*(?:человек\w*\s*)?(?:,\s*|и\s+)"}[self.lang]
        i = numbers.index(n)
        lo = i
        while lo > 0 and re.fullmatch(joint, text[numbers[lo - 1].end:numbers[lo].start] + " ") is not None:
            lo -= 1
        hi = i
        while hi + 1 < len(numbers) and re.fullmatch(joint, text[numbers[hi].end:numbers[hi + 1].start] + " ") is not None:
            hi += 1
        run = numbers[lo:hi + 1]
        if len(run) < 2:
            return []
        start = numbers[lo - 1].end if lo > 0 else 0
        end, stop = run[-1].end, (numbers[hi + 1].start if hi + 1 < len(numbers) else len(text))
        after = text[end:stop]
        segments = []
        if re.search(r"\brespectively\b|соответственно|각각", after):
            segments.append(re.split(r"\brespectively\b|соответственно|각각", after)[0])
        before = text[start:run[0].start]
        if self.lang == "en":
            before = re.split(r",?\s+(?:while|whereas|but)\s+|;", before)[-1]
        segments.append(before)
        for segment in segments:
            found = list(dict.fromkeys((d, c) for d, c, _ in self._no_boat(
                extract(segment, self.d.lexicon, self.d.report_date), segment).categories))
            if found:
                if len(found) != len(run) or len({d for d, _ in found}) != 1:
                    return []
                return [found[run.index(n)]]
        return []

    def _combined(self, categories: list[tuple[str, str]], claim: str) -> bool:
        """Two or more different categories of one breakdown, said to be counted together."""
        cats = list(dict.fromkeys(categories))
        return len(cats) >= 2 and len({x for x, _ in cats}) == 1 and len(cats) == len(categories) \
            and re.search(W.COMBINED[self.lang], claim + " " + getattr(self, "text", "")) is not None  # "..., about 95 %" refers back

    def _rate_unit_after(self, text: str, n: NumberMention) -> str | None:
        """The unit written right after a figure ("около 122 в месяц, или примерно 6 в день": 122 is
        a month's, 6 a day's), before the clause's other units are looked at."""
        tail = text[n.end:n.end + 30].lower()
        tail = re.split(r"[,;]|\bили\b|\bor\b|\s(?:и|and)\s+(?:примерно|около|about|some)?\s*\d", tail)[0]
        hits = [(m.start(), unit) for pattern, unit in W.RATE_UNITS[self.lang] for m in [re.search(pattern, tail)] if m]
        return min(hits)[1] if hits else None

    def _rate_unit(self, clause: str) -> str | None:
        """The unit of time a figure is given per ("122 a month", "2022's quarterly average"), if any."""
        for pattern, unit in W.RATE_UNITS[self.lang]:
            if re.search(pattern, clause):
                return unit
        return None

    def _per_unit(self, value: float, period: Period, unit: str | None) -> float:
        """A period's total spread over its days, months or quarters."""
        if unit == "day":
            days = sum(calendar.monthrange(*((m // 12), (m % 12) + 1))[1] for m in range(period.start, period.end + 1))
            return value / days
        if unit == "month":
            return value / period.months
        if unit == "quarter":
            return value * 3 / period.months
        return value

    def _stock(self, clause: str) -> bool:
        """ "30,000 workers were in Russia": people present, which entry figures do not count."""
        ex = extract(clause, self.d.lexicon, self.d.report_date)
        return "movement" not in ex.cues and re.search(W.STOCK[self.lang], clause) is not None

    def _diff_words(self, text: str, n: NumberMention) -> bool:
        num = re.escape(text[n.start:n.end])
        if self.lang == "en":
            # any hedge of the named list may stand between "by" and the gap: "rose by more than 150"
            hedges = "|".join(re.escape(p) for p, _ in sorted(W.HEDGES_BEFORE["en"], key=lambda x: -len(x[0])))
            if re.search(rf"\band\s+by\s+{num}\b(?!\s*%)", text) and re.search(W.UP_VERB["en"] + "|" + W.DOWN_VERB["en"], text):
                return True  # "grew by 60 ... and by 152 ..."
            if re.search(rf"\b(?:up|down|rose|grew|increased|jumped|climbed|fell|dropped|declined|decreased)\s+"
                         rf"(?:(?:about|around|some|roughly|nearly|almost)\s+)?{num}\b(?!\s*(?:%|percent|per\s+cent|times))"
                         rf"(?=\s+(?:from|on|over|compared|versus|vs|against|people|persons|arrivals|visitors|in|to)\b|\s*[,.;]|\s*$)", text):
                return True  # "up 152 from the previous quarter", "rose 152 on Q2"
            return re.search(rf"\b{num}\s+(?:people\s+|persons\s+)?(more|fewer|less|additional|extra)\b|"
                             rf"\b(rose|risen|increased|grew|jumped|climbed|fell|dropped|declined|decreased|up|down|"
                             rf"outnumbered\s+[\w\s]{{0,60}}?)\s+by\s+(?:(?:{hedges})\s+)?{num}\b|"
                             rf"(increase|rise|jump|drop|fall|decline|difference|gap) of\s+{num}|"
                             rf"\b(increase|rise|growth|jump|drop|fall|decline|difference|gap)\b[^.,;]{{0,60}}?\b"
                             rf"(was|were|of|totall?ed|came to|amounted to|stood at)\s+(?:about\s+|some\s+)?{num}\b", text) is not None
        if self.lang == "ko":
            return re.search(rf"(?:보다|대비|비해)\s*(?:약\s*)?{num}\s*명\s*(?:이\s*)?(?:더|늘|증가|줄|감소|많|적)", text) is not None
        return re.search(rf"на\s+(?:около\s+|примерно\s+)?{num}\s+(?:человек|чел|граждан|россиян|северокорейц)\w*", text) is not None \
            or re.search(rf"на\s+(?:около\s+|примерно\s+)?{num}\s+(?:человек\w*\s+)?(?:больше|меньше)", text) is not None \
            or re.search(rf"(?:вырос\w*|увеличил\w*|сократил\w*|снизил\w*|больше|меньше)\s+на\s+{num}(?!\s*%)", text) is not None

    def _directions(self, local: Extraction, whole: Extraction) -> tuple[Direction, list[Direction]]:
        citizens, _ = roles(whole, self.d.lexicon)
        pair = [self.d.pick(c, None, [])[0] for c in citizens[:2]] if len(citizens) >= 2 else []
        source = local if any(m.role for m in local.countries) else whole
        direction, _ = self.d.direction_for(source)
        visit = None
        if W.VISIT_TO.get(self.lang):
            # the figure's own clause decides: in "북한을 찾은 러시아인은 544명으로 ... 방러 북한 주민보다
            # 많았다" the visit word belongs to the other side of the comparison
            visit = re.search(W.VISIT_TO[self.lang], local.text)
            if visit is None and not any(m.role for m in local.countries):
                visit = re.search(W.VISIT_TO[self.lang], getattr(self, "text", ""))
        if visit:
            # "러시아 방북자": visitors to North Korea from Russia; the country named is the visitors', not the destination
            dest = W.VISIT_TO_COUNTRY[visit.group(0)[:2]]
            named = [m.id for m in whole.countries if m.id != dest]
            options = [d for d in self.d.directions if d.destination == dest and (not named or d.citizens in named)]
            if len(options) != 1:
                raise NotInData("measure", words=[visit.group(0)])
            direction = options[0]
        return direction, pair

    def _period(self, n: NumberMention, periods: list[PeriodMention], avail: list[Period]) -> tuple[Period, bool]:
        """The period a number refers to: the nearest period phrase in its clause, else in the
        sentence, else the latest in the data (and the verdict says so)."""
        real = self.d.resolve_pairs(periods, avail)
        previous = [m for m in periods if m.kind == "previous"]
        if previous and real and n.end:
            lo, hi = _clause_bounds(self.text, n, self.lang)
            if any(lo <= m.span[0] < hi for m in previous) and not any(lo <= m.span[0] < hi for m, _ in real):
                # "compared with 213 in the previous quarter": the quarter before the one named
                base = max((p for _, p in real), key=lambda p: p.end)
                return Period(base.start - base.months, base.start - 1), False
        if n.start in self.from_to and len({p for _, p in real}) >= 2:
            pairs = real
            if n.end:
                lo, hi = _clause_bounds(self.text, n, self.lang)
                mine = [(m, p) for m, p in real if lo <= m.span[0] < hi]
                if len({p for _, p in mine}) >= 2:
                    pairs = mine  # "from 153 in Q1 to 213 in Q2 and 356 in Q3": the clause's own two
            ordered = sorted({p for _, p in pairs})
            return (ordered[0] if self.from_to[n.start] == 0 else ordered[-1]), False
        if real:
            after_penalty, before_penalty = {"en": (0, 8), "ko": (8, 0), "ru": (0, 0)}[self.lang]

            def distance(m: PeriodMention, k: NumberMention) -> tuple[int, int]:
                # English names a number's period after it more often; Korean before it.
                if m.span[0] >= k.end:
                    return (m.span[0] - k.end + after_penalty, 0)
                return (k.start - m.span[1] + before_penalty, 1)
            # A period nearer another number is that number's ("365, higher than the 223 of 2022");
            # among a number's own periods, one in its clause comes first.
            # A change ("60명 늘어난") takes a pair of periods of its own and owns none.
            others = [k for k in getattr(self, "numbers", []) if k.start != n.start
                      and not (k.percent or self._diff_words(self.text, k))]
            own = [(m, p) for m, p in real if not others or n.end == 0 or
                   distance(m, n) <= min(distance(m, k) for k in others)]
            in_clause = real
            if n.end:
                lo, hi = _clause_bounds(self.text, n, self.lang)
                in_clause = [(m, p) for m, p in real if lo <= m.span[0] < hi]
            if self.lang == "ko":
                # "1분기보다 60명 늘어난 213명": the period before 보다 is the base of the change, not 213's
                unmarked = [mp for mp in real if not re.match(W.BASE_AFTER["ko"], self.text[mp[0].span[1]:])]
                own = [mp for mp in own if mp in unmarked] or own
            def base_of_change(k: NumberMention) -> bool:
                return re.search(W.FROM_CHANGE[self.lang], self.text[:k.start].lower()) is not None or \
                    self.lang == "ko" and re.match(r"\s*명?\s*(?:에서|보다)", self.text[k.end:]) is not None

            lo_, hi_ = _clause_bounds(self.text, n, self.lang) if n.end else (0, 0)
            same_period = re.search(W.SAME_PERIOD[self.lang], self.text[lo_:hi_].lower()) is not None
            if n.end and not own and not in_clause and others and all(
                    any(_clause_bounds(self.text, k, self.lang)[0] <= m.span[0] < _clause_bounds(self.text, k, self.lang)[1]
                        and (same_period or base_of_change(k)) for k in others) for m, _ in real):
                # "같은 기간 ... 544명으로, 2023년 상반기 222명에서 늘었다": the sentence's period is the base
                # of a change in another figure's clause, or this one says "the same period" of a
                # sentence before, so this figure's period is not given here
                latest_ = self.d.latest(avail)
                if latest_ is not None:
                    return latest_, True
            pool = [mp for mp in own if mp in in_clause] or own or in_clause or real
            chosen = min(pool, key=lambda mp: distance(mp[0], n))[1]
            return self._so_far(chosen, avail), False
        latest = self.d.latest(avail)
        if latest is None:
            raise NotInData("series", what="total", **self.d.dir_values(self.d.default))  # type: ignore[arg-type]
        return latest, True

    def _category_gap(self, n: NumberMention, claim: str, d: Direction, cats: list[tuple[str, str]],
                      periods: list[PeriodMention]) -> Verdict:
        """ "Business outnumbered rail by 119": the first category's figure less the second's, for a
        period both have; a gap in the other direction (the second is larger) differs."""
        avail = [p for p in self.d.available(d, *cats[0]) if p in self.d.available(d, *cats[1])]
        if not avail:
            raise NotInData("crosstab", categories=[self.d.label(x, y) for x, y in cats], **self.d.dir_values(d))
        period, assumed = self._period(n, periods, avail)
        a, b = (self.d.value(d, period, dim, cat) for dim, cat in cats)
        gap = a - b
        return self._verdict(n, claim, "difference", float(gap), _fmt(gap, self.lang), period, d, assumed,
                             what=" − ".join(self.d.label(x, y) for x, y in cats), force_differs=gap <= 0)

    def _against_the_rest(self, n: NumberMention, claim: str, d: Direction, category: tuple[str, str],
                          periods: list[PeriodMention]) -> Verdict:
        """ "Business outnumbered all the other listed purposes combined by 180": the category less
        the sum of the breakdown's other published categories (not the total less the category,
        since published breakdowns need not add up to the total)."""
        dim, cat = category
        avail = self.d.available(d, dim, cat)
        period, assumed = self._period(n, periods, avail)
        rows = self.d.breakdown(d, dim, self.d.pieces(period, avail, d, self.d.what(dim, cat)))
        mine = sum(int(r["value"]) for r in rows if r["category"] == cat)
        rest = sum(int(r["value"]) for r in rows if r["category"] != cat)
        others = [r for r in rows if r["category"] != cat]
        if not others:
            raise NotInData("breakdown", dimension=self.d.label("dimension", dim), period=self.d.pl(period),
                            available=[], **self.d.dir_values(d))
        diff = mine - rest
        return self._verdict(n, claim, "difference", float(abs(diff)),
                             f"{_fmt(mine, self.lang)} − {_fmt(rest, self.lang)} = {_fmt(diff, self.lang)}", period, d, assumed,
                             what=self.d.what(dim, cat), force_differs=diff < 0)

    def _so_far(self, period: Period, avail: list[Period]) -> Period:
        """ "766 in 2023 so far": a year the data covers only in part, said to be so far, is the
        part it covers from the year's start (January–September 2023), and the verdict names it."""
        if period.months < 12 or tile(period, avail) is not None or not re.search(W.SO_FAR[self.lang], self.text):
            return period
        inside = sorted(p for p in avail if period.start <= p.start and p.end <= period.end)
        end = period.start - 1
        for p in inside:
            if p.start != end + 1:
                break
            end = p.end
        return Period(period.start, end) if end >= period.start else period

    def _count(self, n: NumberMention, claim: str, d: Direction, categories: list[tuple[str, str]],
               periods: list[PeriodMention], unit: str | None = None) -> Verdict:
        if self._combined(categories, claim) and unit is None:
            # "air and rail together carried 347": the categories' figures added up
            avail = [p for p in self.d.available(d) if all(p in self.d.available(d, x, y) for x, y in categories)]
            period, assumed = self._period(n, periods, avail or self.d.available(d))
            total = sum(self.d.value(d, period, x, y) for x, y in categories)
            return self._verdict(n, claim, "category", float(total), _fmt(total, self.lang), period, d, assumed,
                                 what=" + ".join(self.d.label(x, y) for x, y in categories))
        if len(set(categories)) > 1 and unit is None and re.search(W.EACH[self.lang], self.text[n.start - 12:n.end + 12]):
            # "personal and maintenance, at 23 each": every category named must have that figure
            verdicts = [self._count(n, claim, d, [c], periods) for c in dict.fromkeys(categories)]
            wrong = [v for v in verdicts if v.verdict != "matches"]
            return wrong[0] if wrong else verdicts[0]
        dim, cat = categories[0] if len(categories) == 1 else ("total", "all")
        if len(categories) > 1:
            raise NotInData("crosstab", categories=[self.d.label(x, y) for x, y in categories], **self.d.dir_values(d))
        avail = self.d.available(d, dim, cat) or self.d.available(d)
        period, assumed = self._period(n, periods, avail)
        try:
            value = self.d.value(d, period, dim, cat)
        except NotInData:
            self._inside_a_longer_period(n, claim, d, period, dim, cat, unit, periods)
            self._sibling_figure(n, claim, d, period, dim, cat, unit)
            self._outside_known_bounds(n, claim, d, period, dim, cat, unit, periods)
            raise
        if unit is not None:
            # "122 a month", "four a day": the period's figure spread over its months or days
            rate = self._per_unit(float(value), period, unit)
            return self._verdict(n, claim, f"average per {unit}", rate, _fmt_rate(rate, self.lang), period, d, assumed,
                                 what=self.d.what(dim, cat))
        return self._verdict(n, claim, "count" if dim == "total" else "category", float(value), _fmt(value, self.lang),
                             period, d, assumed, what=self.d.what(dim, cat))

    def _sibling_figure(self, n: NumberMention, claim: str, d: Direction, period: Period, dim: str, cat: str,
                        unit: str | None) -> None:
        """ "253 came as tourists": the breakdown has no tourism figure, but the exact number written
        is the one it gives for another category of the same breakdown, period and direction (business),
        so the claim puts the right number in the wrong category and differs. A number no category
        has stays "not in the data" (the caller's), and so does a hedged one."""
        if dim == "total" or unit is not None or n.percent or n.multiplier or n.fraction or n.hedge != "exact":
            return
        try:
            rows = self.d.breakdown(d, dim, [period])
        except NotInData:
            return
        same = [r for r in rows if r["category"] != cat and int(r["value"]) == n.value]
        if len(same) != 1:
            return  # two categories with that figure (foot and water, 13 each): no single one to name
        row = same[0]
        note = self.note("sibling_category", category=self.d.label(dim, cat), value=_fmt(row["value"], self.lang),
                         other=self.d.label(dim, row["category"]))
        v = self._verdict(n, claim, "category", float(row["value"]), _fmt(row["value"], self.lang), period, d, False,
                          what=self.d.what(dim, row["category"]), note=note, force_differs=True)
        raise _Decided(v)

    def _inside_a_longer_period(self, n: NumberMention, claim: str, d: Direction, period: Period, dim: str, cat: str,
                                unit: str | None, periods: list[PeriodMention]) -> None:
        """ "222 Russians in Q2": the data has Q2 only inside the first half (222). The half's own
        figure given for one of its quarters, or more than the half, cannot be the quarter's, so it
        differs (naming where the figure belongs); a smaller figure stays undecided (the caller's
        "not in the data")."""
        if unit is not None or n.percent or n.multiplier:
            return
        containing = sorted((p for p in self.d.available(d, dim, cat) if p.contains(period) and p != period),
                            key=lambda p: p.months)
        if not containing:
            return
        # only a period the sentence names for this very number ("222 in Q2"), never one that belongs
        # to another figure ("544, up from 222 in Q1")
        first, last = (period.start % 12) + 1, (period.end % 12) + 1
        mine = [m for m in periods if (m.m1, m.m2) == (first, last)]
        others = [k for k in getattr(self, "numbers", []) if k.start != n.start]

        def gap(m: PeriodMention, k: NumberMention) -> int:
            return m.span[0] - k.end if m.span[0] >= k.end else k.start - m.span[1]
        if not mine or any(gap(m, k) < gap(m, n) for m in mine for k in others):
            return
        whole = containing[0]
        value = self.d.value(d, whole, dim, cat)
        if _agrees(n, float(value)) or n.value > value and n.hedge == "exact":
            note = self.note("bounded", period=self.d.pl(period), container=self.d.pl(whole), value=_fmt(value, self.lang))
            v = self._verdict(n, claim, "count" if dim == "total" else "category", float(value), _fmt(value, self.lang),
                              whole, d, False, what=self.d.what(dim, cat), note=note, force_differs=True)
            raise _Decided(v)

    def _level_reached(self, n: NumberMention, text: str, claim: str, d: Direction, categories: list[tuple[str, str]],
                       counted: Verdict) -> None:
        """ "Business arrivals rose to 253 in Q3 2023": the level is checked; that it rose needs the
        category's figure for the period before, and when the data has none the rise gets its own
        "not in the data" (judged last, like a cause), so the figure's "matches" is not the claim's."""
        if self.lang != "en" or len(set(categories)) != 1 or categories[0][0] == "total" or counted.span is None:
            return
        if not re.search(r"\b(?:to|at)\s+(?:(?:about|around|roughly|some|nearly|almost|just)\s+)?$", text[:n.start].lower()):
            return
        if not re.search(W.UP_VERB["en"] + "|" + W.DOWN_VERB["en"], claim.lower()):
            return
        if any(k.start != n.start for k in self.numbers if k.percent or k.multiplier):
            return  # the change is a number of its own, judged on its own
        dim, cat = categories[0]
        start, end = counted.span
        avail = self.d.available(d, dim, cat)
        if any(p.end == start - 1 for p in avail):
            return  # the period before has the category's figure: the change can be judged
        before = Period(start - (end - start + 1), start - 1)
        self.causal.append(self._not_in_data(None, claim, NotInData(
            "period", period=self.d.pl(before), what=self.d.what(dim, cat), available=[self.d.pl(p) for p in avail],
            overlapping=[], **self.d.dir_values(d))))

    def _complement_of(self, clause: str, categories: list[tuple[str, str]],
                       earlier: list[tuple[str, str]]) -> tuple[str, str] | None:
        """The category a figure's clause counts everyone but ("for reasons other than business",
        "the remaining 112", "사업 목적을 제외한", "кроме деловых поездок"), or None."""
        low = clause.lower()
        if len(set(categories)) == 1 and re.search(W.COMPLEMENT[self.lang], low):
            return categories[0]
        if not categories and len(set(earlier)) == 1 and re.search(W.THE_REST[self.lang], low):
            return earlier[0]  # "253 came on business and the remaining 112 for other reasons"
        return None

    def _complement(self, n: NumberMention, claim: str, d: Direction, category: tuple[str, str],
                    periods: list[PeriodMention]) -> Verdict:
        """Everyone but one category: the period's total minus that category's figure."""
        dim, cat = category
        avail = [p for p in self.d.available(d, dim, cat) if p in self.d.available(d)]
        period, assumed = self._period(n, periods, avail or self.d.available(d, dim, cat))
        total, part = self.d.value(d, period, "total", "all"), self.d.value(d, period, dim, cat)
        rest = total - part
        shown = f"{_fmt(rest, self.lang)} ({_fmt(total, self.lang)} − {_fmt(part, self.lang)})"
        return self._verdict(n, claim, "category", float(rest), shown, period, d, assumed,
                             note=self.note("complement_of", category=self.d.label(dim, cat)))

    def _outside_known_bounds(self, n: NumberMention, claim: str, d: Direction, period: Period, dim: str, cat: str,
                              unit: str | None, periods: list[PeriodMention]) -> None:
        """A figure the data does not give, for which it still gives bounds the claim is outside:
        a year covered in part cannot be less than its covered parts ("365 last year" when its first
        nine months had 731), and a category cannot exceed its period's total ("253 on business in
        Q2", whose total was 213). Raises the "differs" verdict; returns when the claim may be right."""
        if unit is not None or n.percent or n.multiplier or n.fraction:
            return
        if n.end:
            # only a period the figure's own clause names, and no other ("Q3 2023 arrivals, at 365,
            # were the highest of 2023" is no claim that 2023 had 365)
            lo, hi = _clause_bounds(self.text, n, self.lang)
            mine = {p for m, p in self.d.resolve_pairs(periods, self.d.available(d)) if lo <= m.span[0] < hi}
            named = [m for m in periods if lo <= m.span[0] < hi]
            if not named and len(periods) == 1:
                # "Last year, 500 North Koreans entered Russia": the sentence's only period
                named = list(periods)
                mine = {p for _, p in self.d.resolve_pairs(periods, self.d.available(d))}
            if not named or len(named) > 1 or mine - {period}:
                return
        avail = self.d.available(d, dim, cat)
        parts: list[Period] = []
        for p in sorted((p for p in avail if period.contains(p) and p != period), key=lambda p: (p.months, p.start)):
            if all(p.end < q.start or q.end < p.start for q in parts):
                parts.append(p)  # the shortest stored pieces inside the period, none overlapping
        lower = sum(self.d.value(d, p, dim, cat) for p in parts)
        upper: int | None = None
        total_avail = self.d.available(d)
        if dim != "total":
            if tile(period, total_avail) is not None:
                upper = self.d.value(d, period, "total", "all")
            else:
                outer = sorted((p for p in total_avail if p.contains(period)), key=lambda p: p.months)
                upper = self.d.value(d, outer[0], "total", "all") if outer else None
        v, unit_ = n.value, rounding_unit(n)
        slack = max(unit_ / 2, ABOUT_MAX_RELATIVE * v) if n.hedge in ("about", "near_below", "near_above") else 0.0
        low = 0.0 if n.hedge in ("lt", "le", "near_below") else v - slack
        high = float("inf") if n.hedge in ("gt", "ge", "near_above") else v + slack
        if n.hedge == "near_below":
            low = v - slack
        if n.hedge == "near_above":
            high = v + slack
        if parts and high < lower:
            shown = " + ".join(_fmt(self.d.value(d, p, dim, cat), self.lang) for p in sorted(parts))
            note = self.note("at_least", period=self.d.pl(period), parts=", ".join(self.d.pl(p) for p in sorted(parts)),
                             value=f"{_fmt(lower, self.lang)} ({shown})" if len(parts) > 1 else _fmt(lower, self.lang))
            v = self._verdict(n, claim, "count" if dim == "total" else "category", float(lower), _fmt(lower, self.lang),
                              None, d, False, what=self.d.what(dim, cat), period_label=self.d.pl(period), note=note,
                              force_differs=True)
            v.part = "bound"  # a bound on the figure, not the figure: a question's own check may say more
            raise _Decided(v)
        if upper is not None and low > upper:
            note = self.note("at_most", period=self.d.pl(period), value=_fmt(upper, self.lang))
            v = self._verdict(n, claim, "category", float(upper), _fmt(upper, self.lang), None, d, False,
                              what=self.d.what(dim, cat), period_label=self.d.pl(period), note=note, force_differs=True)
            v.note = note  # a bound, not the category's figure: no "digit slip" against it
            v.part = "bound"
            raise _Decided(v)

    def _majority_of_figure(self, n: NumberMention, text: str, claim: str, d: Direction,
                            periods: list[PeriodMention]) -> Verdict:
        """ "Most of the 365 who came in Q3 flew in": the figure has its own verdict; the majority is
        the share of one category in the period's total. A group that is itself a category ("most of
        the 213 air passengers flew with ...") makes it a cross-tabulation, and any word the figures
        lack (a carrier, a crossing, officials) makes it "not in the data"."""
        split = Q.group_and_predicate(text, n.start, n.end, self.lang)
        if split is None:
            raise NotInData("share_of_what", **self.d.dir_values(d))
        group, predicate, _ = split
        strange = [w for w in self._unresolved(group + " " + predicate, periods) if w not in W.NEUTRAL_WORDS]
        if strange:
            raise NotInData("measure", words=strange[:3])
        group_cats = list(dict.fromkeys((x, y) for x, y, _ in self._no_boat(
            extract(group, self.d.lexicon, self.d.report_date), group).categories))
        said = list(dict.fromkeys((x, y) for x, y, _ in self._no_boat(
            extract(predicate, self.d.lexicon, self.d.report_date), predicate).categories))
        if group_cats:
            raise NotInData("crosstab", categories=[self.d.label(x, y) for x, y in group_cats + said],
                            **self.d.dir_values(d))
        if len(said) != 1:
            raise NotInData("share_of_what", **self.d.dir_values(d))
        return self._share(n, claim, d, said, periods)

    def _points_gap(self, n: NumberMention, claim: str, d: Direction, whole: Extraction,
                    periods: list[PeriodMention], pair: list[Direction] | None = None) -> Verdict:
        """ "69.3 % was 11 percentage points higher than the rail share": the gap between the shares
        of the two categories the sentence names, in points (69.3 - 36.7 = 32.6); or of one
        category in the two directions the sentence names ("the business share among North Koreans
        was 23 points higher than among Russians": 69.3 - 36.0)."""
        cats = list(dict.fromkeys((dim, cid) for dim, cid, _ in whole.categories))
        if len(cats) == 1 and pair and len(set(pair)) == 2:
            x, y = cats[0]
            avail = [p for p in self.d.available(pair[0], x, y) if p in self.d.available(pair[1], x, y)]
            if not avail:
                raise NotInData("share_of_what", **self.d.dir_values(d))
            period, assumed = self._period(n, periods, avail)
            shares = [100.0 * self.d.value(k, period, x, y) / self.d.value(k, period, "total", "all") for k in pair]
            gap = abs(shares[0] - shares[1])
            # the first named is said to be higher (or lower): the other way round is wrong whatever the size
            higher = re.search(W.POINTS_HIGHER[self.lang], claim) is not None
            lower = re.search(W.POINTS_LOWER[self.lang], claim) is not None
            wrong_way = higher and not lower and shares[0] < shares[1] or lower and not higher and shares[0] > shares[1]
            return self._verdict(n, claim, "percentage points", gap,
                                 f"{_fmt(round(gap, 1), self.lang)} {dict(en='pp', ko='%p', ru='п. п.')[self.lang]}", period, d,
                                 assumed, force_differs=wrong_way, note=self.note("other_larger") if wrong_way else None,
                                 what=" − ".join(f"{self.d.dir_text(k, self.d.what(x, y))} ({_fmt_pct(v, self.lang)})"
                                                          for k, v in zip(pair, shares)))
        if len(cats) != 2:
            raise NotInData("share_of_what", **self.d.dir_values(d))
        avail = [p for p in self.d.available(d) if all(p in self.d.available(d, x, y) for x, y in cats)]
        if not avail:
            raise NotInData("share_of_what", **self.d.dir_values(d))
        period, assumed = self._period(n, periods, avail)
        total = self.d.value(d, period, "total", "all")
        shares = [100.0 * self.d.value(d, period, x, y) / total for x, y in cats]
        gap = abs(shares[0] - shares[1])
        higher = re.search(W.POINTS_HIGHER[self.lang], claim) is not None
        lower = re.search(W.POINTS_LOWER[self.lang], claim) is not None
        wrong_way = (higher and not lower and shares[0] < shares[1] or lower and not higher and shares[0] > shares[1])
        return self._verdict(n, claim, "percentage points", gap, f"{_fmt(round(gap, 1), self.lang)} {dict(en='pp', ko='%p', ru='п. п.')[self.lang]}", period, d, assumed,
                             force_differs=wrong_way, note=self.note("other_larger") if wrong_way else None,
                             what=" − ".join(f"{self.d.label(x, y)} ({_fmt_pct(v, self.lang)})" for (x, y), v in zip(cats, shares)))

    def _share(self, n: NumberMention, claim: str, d: Direction, categories: list[tuple[str, str]],
               periods: list[PeriodMention]) -> Verdict:
        if self._combined(categories, claim):
            # "education and personal trips together made up 12.9 %": the categories' shares added
            avail = [p for p in self.d.available(d) if all(p in self.d.available(d, x, y) for x, y in categories)]
            if not avail:
                raise NotInData("share_of_what", **self.d.dir_values(d))
            period, assumed = self._period(n, periods, avail)
            part = sum(self.d.value(d, period, x, y) for x, y in categories)
            share = 100.0 * part / self.d.value(d, period, "total", "all")
            return self._verdict(n, claim, "share", share, _fmt_pct(share, self.lang), period, d, assumed,
                                 what=" + ".join(self.d.label(x, y) for x, y in categories))
        if not categories:
            within = self._share_of_span(n, claim, d, periods)
            if within is not None:
                return within
        if len(categories) != 1:
            raise NotInData("share_of_what", **self.d.dir_values(d))
        dim, cat = categories[0]
        avail = self.d.available(d, dim, cat)
        if not avail:
            raise NotInData("category", category=self.d.label(dim, cat), dimension=self.d.label("dimension", dim),
                            period="—", rows=[], **self.d.dir_values(d))
        period, assumed = self._period(n, periods, avail)
        parts = self.d.pieces(period, self.d.available(d), d, "total")
        rows = self.d.breakdown(d, dim, parts)
        row = next((r for r in rows if r["category"] == cat), None)
        if row is None:
            raise NotInData("category", category=self.d.label(dim, cat), dimension=self.d.label("dimension", dim),
                            period=self.d.pl(period), rows=[{**r, "label": self.d.label(dim, r["category"])} for r in rows],
                            **self.d.dir_values(d))
        share = 100.0 * row["value"] / row["total"]  # unrounded: "8 %" is 31 of 365 (8.49 %)
        self.d.used.extend(row["figure_ids"])
        return self._verdict(n, claim, "share", share, _fmt_pct(share, self.lang), period, d, assumed,
                             what=self.d.what(dim, cat))

    def _share_of_span(self, n: NumberMention, claim: str, d: Direction, periods: list[PeriodMention]) -> Verdict | None:
        """A period's share of a longer one that contains it ("the second quarter accounted for
        about 39 % of arrivals in the first nine months", "Q3's 365 were about half of the
        nine-month total"), or None when the sentence names no such pair of periods."""
        avail = self.d.available(d)
        resolved = sorted({p for _, p in self.d.resolve_pairs(periods, avail)}, key=lambda p: (p.months, p.start))
        pairs = [(a, b) for a in resolved for b in resolved if a != b and b.contains(a)]
        if len(pairs) != 1:
            return None
        part, span = pairs[0]
        try:
            a = sum(self.d.value(d, p, "total", "all") for p in self.d.pieces(part, avail, d, "total"))
            b = sum(self.d.value(d, p, "total", "all") for p in self.d.pieces(span, avail, d, "total"))
        except NotInData:
            return None
        if not b:
            return None
        share = 100.0 * a / b
        return self._verdict(n, claim, "share", share, _fmt_pct(share, self.lang), None, d, False,
                             period_label=f"{self.d.pl(part)} / {self.d.pl(span)}")

    def _pair(self, periods: list[PeriodMention], avail: list[Period], text: str = "",
              n: NumberMention | None = None) -> tuple[Period, Period]:
        if n is not None and n.end and self.text:
            # "grew by 60 between Q1 and Q2 and by 152 between Q2 and Q3": each change has its own pair.
            lo, hi = _clause_bounds(self.text, n, self.lang)
            mine = [m for m in periods if lo <= m.span[0] < hi]
            if len(mine) >= 2 or (len(mine) == 1 and mine[0].endpoints):
                periods = mine
            elif len(mine) == 1 and self._is_base(mine[0], self.text):
                # "up 64 % on 2022, and up more than 70 % on the second quarter"; "up 71 % on the
                # second quarter and 240 % on the first": a clause naming only its base is a change
                # from that base to the sentence's own period (one named not as a base), else the latest
                subjects = [m for m in periods if m not in mine and not self._is_base(m, self.text)
                            and m.kind not in ("previous", "relative", "latest")]
                base = [p for _, p in self.d.resolve_pairs(mine, avail)]
                target = [p for _, p in self.d.resolve_pairs(subjects[:1], avail)] if subjects else [self.d.latest(avail)]
                if base and target and target[0] is not None and base[0].end < target[0].start:
                    return base[0], target[0]
        resolved = sorted(set(p for _, p in self.d.resolve_pairs(periods, avail)))
        real = [m for m in periods if m.kind not in ("previous", "relative", "latest")]
        if len(resolved) == 1 and len(real) == 1 and real[0].endpoints:
            r = resolved[0]  # "from Q1 to Q3": the two quarters, not the range between them
            return Period(r.start, r.start + 2), Period(r.end - 2, r.end)
        if len(resolved) >= 2:
            return resolved[0], resolved[-1]
        target = resolved[0] if resolved else self.d.latest(avail)
        if target is None:
            raise NotInData("series", what="total", **self.d.dir_values(self.d.default))  # type: ignore[arg-type]
        start = re.search(r"\bsince\s+(?:the\s+)?(?:start|beginning)\s+of\b|с\s+начала|초부터|이후", text)
        if start and len(resolved) == 1 and resolved[0].months >= 12:
            latest = self.d.latest(avail)
            firsts = [p for p in avail if latest and p.start == resolved[0].start and p.months == latest.months]
            if firsts and latest and firsts[0] != latest:
                return firsts[0], latest  # "since the start of 2023": from its first period to the latest
        base = [m for m in real if re.search(W.BASE_BEFORE[self.lang], text[:m.span[0]]) or
                re.match(W.BASE_AFTER[self.lang], text[m.span[1]:])]
        later = [p for p in avail if p.start > target.end]
        if len(real) == 1 and base and later and resolved:
            # "rose 145 % compared with the first half": that period is the base, and the change
            # is to the latest period after it.
            return target, max(later, key=lambda p: (p.end, -p.months))
        if any(m.kind == "relative" for m in periods) or re.search(r"year[- ]on[- ]year|y/y|\byoy\b|a year (earlier|before)", text):
            return Period(target.start - 12, target.end - 12), target
        # A headline names one period ("up 71 % in Q3"): the change is from the period before it.
        return Period(target.start - target.months, target.start - 1), target

    def _is_base(self, m: PeriodMention, text: str) -> bool:
        """Is this period named as the base of a change ("on the second quarter", "2분기보다")?"""
        return re.search(W.BASE_BEFORE[self.lang], text[:m.span[0]]) is not None or \
            re.match(W.BASE_AFTER[self.lang], text[m.span[1]:]) is not None

    def _change(self, n: NumberMention, claim: str, d: Direction, categories: list[tuple[str, str]],
                periods: list[PeriodMention], kind: str, unit: str | None = None) -> Verdict:
        dim, cat = categories[0] if len(categories) == 1 else ("total", "all")
        avail = self.d.available(d, dim, cat)
        a, b = self._pair(periods, avail, claim, n)
        what = self.d.what(dim, cat)
        label = f"{self.d.pl(a)} → {self.d.pl(b)}"
        if tile(a, avail) is None or tile(b, avail) is None:
            self._undecided_change(n, claim, d, a, b, dim, cat)
        row = self.d.compare(d, self.d.pieces(a, avail, d, what), d, self.d.pieces(b, avail, d, what), dim, cat)
        row = self._rates(row, a, b, unit, kind == "pct")
        if kind == "pct":
            value = 100.0 * (row["b_value"] - row["a_value"]) / row["a_value"] if row["a_value"] else row["pct"]
            return self._verdict(n, claim, "percentage change", float(value), _fmt_pct(value, self.lang, signed=True),
                                 None, d, False, period_label=label, signed=True)
        value = row["diff"]
        falls = re.search(W.DOWN[self.lang], claim) is not None and re.search(W.UP[self.lang], claim) is None
        wrong_way = (value < 0 and not falls) or (value > 0 and falls)
        return self._verdict(n, claim, "difference", float(abs(value)), _fmt_signed(value, self.lang), None, d, False,
                             period_label=label, note=self.note("opposite_change") if wrong_way else None,
                             force_differs=wrong_way)

    def _rates(self, row: dict[str, Any], a: Period, b: Period, unit: str | None, pct: bool) -> dict[str, Any]:
        """ "Six times 2022's quarterly average": both sides spread over the unit before comparing."""
        if unit is None or a.months == b.months:
            return row
        av, bv = self._per_unit(float(row["a_value"]), a, unit), self._per_unit(float(row["b_value"]), b, unit)
        return {**row, "a_value": av, "b_value": bv, "diff": bv - av, "ratio": bv / av if av else None,
                "pct": 100.0 * (bv - av) / av if av else None}

    def _undecided_change(self, n: NumberMention, claim: str, d: Direction, a: Period, b: Period, dim: str, cat: str) -> None:
        """A change from or to a period the data has only inside a longer one: the exact size is
        unknown, so the claim is not in the data (the verdict says what the data does bound)."""
        lo_a, hi_a, in_a = self.d.bounds(d, a, dim, cat)
        lo_b, hi_b, in_b = self.d.bounds(d, b, dim, cat)
        known = []
        for p, inside, hi in ((a, in_a, hi_a), (b, in_b, hi_b)):
            if inside is not None:
                known.append(self.note("bounded", period=self.d.pl(p), container=self.d.pl(inside), value=_fmt(hi, self.lang)))
        raise NotInData("undecided", text="; ".join(known) or self.note("undecided", shown=f"{self.d.pl(a)} → {self.d.pl(b)}"))

    def _ratio(self, n: NumberMention, claim: str, d: Direction, directions: list[Direction],
               categories: list[tuple[str, str]], periods: list[PeriodMention], unit: str | None = None,
               base_only: bool = False) -> Verdict:
        if len(directions) < 2 and Q.both_directions(self.text, self.lang):
            directions = [d, Direction(d.destination, d.citizens)]  # "roughly equal in both directions"
        pair = self._category_pair(n) if unit is None and len(directions) < 2 else None
        if pair is not None:
            # "24 came to study, 8 times as many as came for personal reasons": one category against
            # another of the same breakdown, in the one period the sentence names (24 / 23 = 1.04)
            (dim_a, cat_a), (dim_b, cat_b) = pair
            avail = [p for p in self.d.available(d, dim_a, cat_a) if p in self.d.available(d, dim_b, cat_b)]
            period, assumed = self._period(n, periods, avail)
            a_value, b_value = self.d.value(d, period, dim_a, cat_a), self.d.value(d, period, dim_b, cat_b)
            if not b_value:
                raise NotInData("measure", words=[self.d.label(dim_b, cat_b)])
            ratio = a_value / b_value
            return self._verdict(n, claim, "ratio", ratio, _fmt_ratio(ratio, self.lang), period, d, assumed,
                                 what=f"{self.d.label(dim_a, cat_a)} / {self.d.label(dim_b, cat_b)}")
        dim, cat = categories[0] if len(categories) == 1 else ("total", "all")
        if unit is not None and len(directions) == 2:
            raise NotInData("measure", words=[self.note("per_unit", unit=unit)])
        word_change = n.text in {w for w, _ in W.MULTIPLIERS[self.lang]} and n.text not in (
            "double", "triple", "twofold", "threefold", "twice", "thrice")
        if word_change and self.lang != "en" and len(directions) == 2 and \
                not (re.search(W.UP[self.lang], claim) or re.search(W.DOWN[self.lang], claim)):
            word_change = False  # "북한 주민의 두 배였다", "в полтора раза больше, чем": one side against the other
        if len(directions) == 2 and not word_change:
            one, two = directions
            avail = self.d.available(one, dim, cat)
            period, _ = self._period(n, periods, avail)
            p1 = self.d.pieces(period, avail, one, "total")
            p2 = self.d.pieces(period, self.d.available(two, dim, cat), two, "total")
            row = self.d.compare(two, p2, one, p1, dim, cat)
            return self._verdict(n, claim, "ratio", float(row["ratio"]), _fmt_ratio(row["ratio"], self.lang), period, one, False)
        avail = self.d.available(d, dim, cat)
        if unit is not None and len({p for _, p in self.d.resolve_pairs(
                [m for m in periods if m.kind not in ("previous", "relative", "latest")], avail)}) < 2:
            # "6배 of the quarterly average a year earlier": a per-unit base whose period is not
            # named as one the data has is never replaced by the quarter before
            raise NotInData("measure", words=[self.note("per_unit", unit=unit)])
        a, b = self._pair(periods, avail, claim)
        if tile(a, avail) is None or tile(b, avail) is None:
            self._undecided_change(n, claim, d, a, b, dim, cat)
        row = self.d.compare(d, self.d.pieces(a, avail, d, "total"), d, self.d.pieces(b, avail, d, "total"), dim, cat)
        if base_only and unit is not None:
            base = self._per_unit(float(row["a_value"]), a, unit)
            row = {**row, "a_value": base, "ratio": float(row["b_value"]) / base if base else None}
        else:
            row = self._rates(row, a, b, unit, False)
        if row["ratio"] is None:
            raise NotInData("measure", words=[self.note("per_unit", unit=unit)])
        return self._verdict(n, claim, "ratio", float(row["ratio"]), _fmt_ratio(row["ratio"], self.lang), None, d, False,
                             period_label=f"{self.d.pl(a)} → {self.d.pl(b)}")

    def _category_pair(self, n: NumberMention) -> tuple[tuple[str, str], tuple[str, str]] | None:
        """The two categories a multiplier sets against each other in one period ("24 came to study,
        8 times as many as came for personal reasons": education against personal), or None when
        the sentence names other than one category of one breakdown on each side, or two periods."""
        if len(find_periods(self.text, self.d.report_date)) > 1:
            return None
        before, after = self.text[:n.start], self.text[n.end:]
        if self.lang == "ko":
            # "항공편 입국자는 열차 입국자의 1.6배": the base is the phrase "의" ties to the multiplier
            tie = re.search(r"(?:\S+\s*){1,3}의\s*(?:약|거의|대략|무려)?\s*$", before)
            pieces = re.split(r"(?<=[은는이가])\s+", before.rstrip())
            if Q.is_equality(n.text, self.lang) and len(pieces) > 1 and re.search(r"(?:와|과)$", pieces[-1]):
                # "개인 목적 입국자는 차량 정비 목적 입국자와 같은 수": the base is what "와" ties on
                before, after = " ".join(pieces[:-1]), pieces[-1]
            elif tie is None:
                return None
            else:
                before, after = before[:tie.start()], tie.group(0)
        a = list(dict.fromkeys((d, i) for d, i, _ in extract(before, self.d.lexicon, self.d.report_date).categories))
        b = list(dict.fromkeys((d, i) for d, i, _ in extract(after, self.d.lexicon, self.d.report_date).categories))
        if not a and len(b) == 2 and (self.lang == "en" and re.match(r"\s*(?:times\s+)?as\s+many\b", after)
                                      or Q.is_equality(n.text, self.lang)):
            a, b = b[:1], b[1:]  # "1.6 times as many came by air as by rail", "столько же ..., сколько": in order
        if not b and len(a) == 2 and (Q.is_to_one(n.text, self.lang) or Q.is_equality(n.text, self.lang)):
            a, b = a[:1], a[1:]  # "air arrivals outnumbered rail arrivals two to one"
        if len(a) == 1 and len(b) == 1 and a[0][0] == b[0][0] and a[0] != b[0]:
            return a[0], b[0]
        return None

    def _direction_pct(self, n: NumberMention, claim: str, directions: list[Direction],
                       categories: list[tuple[str, str]], periods: list[PeriodMention]) -> Verdict:
        """ "Russians outnumbered North Koreans by nearly 50 %": the first named over the second."""
        one, two = directions
        dim, cat = categories[0] if len(categories) == 1 else ("total", "all")
        avail = self.d.available(one, dim, cat)
        period, _ = self._period(n, periods, avail)
        row = self.d.compare(two, self.d.pieces(period, self.d.available(two, dim, cat), two, "total"),
                             one, self.d.pieces(period, avail, one, "total"), dim, cat)
        pct = row["pct"]
        return self._verdict(n, claim, "percentage difference between directions", float(pct),
                             _fmt_pct(pct, self.lang, signed=True), period, one, False,
                             note=None if pct >= 0 else self.note("other_larger"), force_differs=pct < 0)

    def _direction_diff(self, n: NumberMention, claim: str, directions: list[Direction],
                        categories: list[tuple[str, str]], periods: list[PeriodMention]) -> Verdict:
        one, two = directions
        dim, cat = categories[0] if len(categories) == 1 else ("total", "all")
        avail = self.d.available(one, dim, cat)
        period, _ = self._period(n, periods, avail)
        p1 = self.d.pieces(period, avail, one, "total")
        p2 = self.d.pieces(period, self.d.available(two, dim, cat), two, "total")
        row = self.d.compare(two, p2, one, p1, dim, cat)
        # The first people named is the subject: "Russians outnumbered North Koreans by 179"
        # claims Russians minus North Koreans is 179.
        diff = row["b_value"] - row["a_value"]
        return self._verdict(n, claim, "difference between directions", float(abs(diff)), _fmt_signed(diff, self.lang),
                             period, one, False, note=None if diff >= 0 else self.note("other_larger"),
                             force_differs=diff < 0)

    def _sum_to_total(self, claim: str, whole: Extraction, dimension: str, periods: list[PeriodMention]) -> Verdict:
        """ "The breakdown adds up to the total": the published categories' sum against the total."""
        try:
            d, _ = self.d.direction_for(whole)
            avail = self.d.available(d)
            period, assumed = self._period(NumberMention(0, "", 0, 0), periods, avail)
            rows = self.d.breakdown(d, dimension, self.d.pieces(period, avail, d, "total"))
            if not rows:
                raise NotInData("breakdown", dimension=self.d.label("dimension", dimension), period=self.d.pl(period),
                                available=[], **self.d.dir_values(d))
        except NotInData as nd:
            return self._not_in_data(None, claim, nd)
        parts, total = int(rows[0]["parts_sum"]), int(rows[0]["total"])
        self.d.used.extend(f for r in rows for f in r["figure_ids"])
        return Verdict(claim, "matches" if parts == total else "differs", "sum of a breakdown",
                       data_text=f"{self.d.label('dimension', dimension)} {_fmt(parts, self.lang)} / {_fmt(total, self.lang)}",
                       period=self.d.pl(period), direction=self.d.dir_text(d),
                       note=self.note("assumed_period", period=self.d.pl(period)) if assumed else None,
                       sources=self.d.source_chain(self.d.figure_source()))

    def _sum_relation(self, clause: str) -> str | None:
        """ "more", "less" or "equal" when the clause sets a breakdown's sum against the total
        ("the purpose breakdown accounts for all 365", "합하면 전체보다 많다"), else None."""
        low = clause.lower()
        if not re.search(W.SUM_PARTS[self.lang], low):
            return None
        for relation, pattern in W.SUM_RELATION[self.lang]:
            if re.search(pattern, low):
                return relation
        return None

    def _sum_relation_verdict(self, n: NumberMention, claim: str, whole: Extraction, local: Extraction,
                              dimension: str, periods: list[PeriodMention], relation: str) -> Verdict:
        """The figure of a clause that sets a breakdown's sum against the total. The figure is the
        total's, but the clause's claim is the relation, so the figure matches only when the
        relation holds too: a right total under a false sum statement ("the transport breakdown
        accounts for all 365": it adds to 404) differs, with the sum and the total given."""
        to_total = self._sum_to_total(claim, whole, dimension, periods)
        # a hedge on the total's figure ("전체 365명을 넘는다") is the relation, said of the sum
        figure = self._count(replace(n, hedge="exact"), claim, self._directions(local, whole)[0], [], periods, None)
        if to_total.measure != "sum of a breakdown" or to_total.data_text is None:
            return figure  # the breakdown is not in the data: the figure alone, as before
        parts, total = (int(x.replace(",", "").replace("\u202f", "").replace(" ", ""))
                        for x in re.findall(r"[\d][\d,\u202f ]*", to_total.data_text.split("/", 1)[0])[-1:]
                        + re.findall(r"[\d][\d,\u202f ]*", to_total.data_text.split("/", 1)[1])[:1])
        holds = {"more": parts > total, "less": parts < total, "equal": parts == total}[relation]
        if re.search(W.NEGATION[self.lang], claim.lower()):
            # "does not add up to the total", "일치하지 않는다": an equality denied is decided the other
            # way; a denied "more" or "less" leaves two readings, so neither is claimed
            if relation != "equal":
                return self._not_in_data(n, claim, NotInData("measure", words=["sum of a breakdown"]))
            holds = not holds
        if holds or figure.verdict != "matches":
            return figure
        return replace(figure, verdict="differs", measure="sum of a breakdown", data_text=to_total.data_text,
                       note="; ".join(dict.fromkeys(x for x in (figure.note, to_total.note) if x)) or None)

    def _breakdown_sum(self, n: NumberMention, claim: str, whole: Extraction, dimension: str,
                       periods: list[PeriodMention]) -> Verdict:
        """ "The transport categories add up to 404": the sum of a published breakdown, from SQL."""
        d, _ = self.d.direction_for(whole)
        avail = self.d.available(d)
        period, assumed = self._period(n, periods, avail)
        rows = self.d.breakdown(d, dimension, self.d.pieces(period, avail, d, "total"))
        if not rows:
            raise NotInData("breakdown", dimension=self.d.label("dimension", dimension), period=self.d.pl(period),
                            available=[], **self.d.dir_values(d))
        total = rows[0]["parts_sum"]
        self.d.used.extend(f for r in rows for f in r["figure_ids"])
        return self._verdict(n, claim, "sum of a breakdown", float(total), _fmt(total, self.lang), period, d, assumed,
                             what=self.d.label("dimension", dimension))

    # --- verdicts -----------------------------------------------------------------------------------

    def _verdict(self, n: NumberMention, claim: str, measure: str, data: float, data_text: str, period: Period | None,
                 d: Direction, assumed: bool, what: str = "total", period_label: str | None = None,
                 signed: bool = False, note: str | None = None, force_differs: bool = False) -> Verdict:
        ok = _agrees(n, abs(data)) and not force_differs
        if signed:
            # "up 71 %" must be a rise and "down 20 %" a fall; the size alone is not the claim.
            says_up = re.search(W.UP[self.lang], claim)
            says_down = re.search(W.DOWN[self.lang], claim)
            if (says_up and data < 0) or (says_down and not says_up and data > 0):
                ok = False
        notes = [note] if note else []
        if assumed and period:
            notes.append(self.note("assumed_period", period=self.d.pl(period)))
        if not ok and (n.hedge == "exact" or rounding_unit(n) <= 1):
            slip = _digit_slip(n, data)
            if slip:
                notes.append(self.note(slip[0], claimed=n.text.rstrip("%"), actual=slip[1]))
        verdict = Verdict(claim=claim, verdict="matches" if ok else "differs", measure=measure, claimed=n.text,
                          claimed_value=n.value, data_value=data, data_text=data_text,
                          period=period_label or (self.d.pl(period) if period else None),
                          direction=self.d.dir_text(d, what), note="; ".join(notes) or None)
        verdict.sources = self.d.source_chain(self.d.figure_source())
        if period is not None and period_label is None:
            verdict.span = (period.start, period.end)
        if n.text in MAJORITY_WORDS:
            verdict.claimed_value = None  # "большинство" is no number: the claim is its verdict's words
        return verdict

    def _not_in_data(self, n: NumberMention | None, claim: str, nd: NotInData) -> Verdict:
        if nd.reason == "undecided":
            first = nd.values["text"]  # what the data does say: "Q2 2023 is part of H1 2023 (222)"
        else:
            html = self.d.renderer.html("nodata", self.lang, reason=nd.reason, **nd.values)
            first = to_plain(html).strip().split("\n")[0]
        return Verdict(claim=claim, verdict="not_in_data", measure="unknown", claimed=n.text if n else None,
                       claimed_value=n.value if n and n.text not in MAJORITY_WORDS else None, note=first)

    # --- statements ---------------------------------------------------------------------------------

    def _named_facts(self, text: str) -> set[str]:
        """Facts whose speaker or subject the text names ("Lankov", "NK News")."""
        toks = tokens(normalise(text))
        grams = {tuple(toks[i:i + k]) for k in (1, 2, 3, 4) for i in range(len(toks) - k + 1)}
        named = {fid for fid, people in self.d.lexicon.fact_people.items() if people & grams}
        lex = self.d.lexicon
        for r in self.d.snapshot.tables["facts"]:
            # A subject that is an outlet or a body ("NK News", "Local Russian authorities")
            # names its statements too, unless it is only countries ("Russia and North Korea").
            subject = tuple(tokens(normalise(r["subject"])))
            ends = {subject[0], subject[-1]} if len(subject) >= 2 and r["kind"] == "event" else set()
            if subject not in grams and any(
                    (e,) in grams and re.search(rf"\b{re.escape(e)}\b", getattr(self, "raw", "").lower())
                    and re.search(rf"\b{re.escape(e.capitalize())}\b(?!['’]s)", getattr(self, "raw", ""))
                    and not any(h.term.kind in ("country", "purpose", "transport", "cue") for h in lex.scan([e]))
                    for e in ends):
                # "Choe met Putin": a person named by one part of their name, written as a name
                named.add(r["fact_id"])
                continue
            if subject not in grams:
                continue
            plain = [False] * len(subject)
            for hit in lex.scan(list(subject)):
                if hit.term.kind in ("country", "purpose", "transport") or (hit.term.kind, hit.term.id) == ("cue", "filler"):
                    for i in range(hit.start, hit.end):
                        plain[i] = True
            if not all(plain):
                named.add(r["fact_id"])
        # "The North Korean foreign minister met Putin": the person named (Putin) is the subject of
        # one event and the other party of another (Choe's visit, where she met him); both events
        # can be meant, and the statement check picks the one that says the claim's words.
        # Only when the person is not the claim's subject: "Putin visited North Korea" is about
        # Putin's own trip, never Choe's visit.
        people = {" ".join(p) for fid in named for p in self.d.lexicon.fact_people.get(fid, set()) if len(p) > 1}
        people |= {" ".join(tokens(normalise(r["subject"]))) for r in self.d.snapshot.tables["facts"]
                   if r["fact_id"] in named and r["kind"] == "event"}
        first = " ".join(toks[:1])
        if any(first and first in p.split() for p in people) or not re.search(W.MEETING[self.lang], text.lower()):
            people = set()  # (and only for a meeting: "President Putin visited North Korea" is no meeting)
        for r in self.d.snapshot.tables["facts"]:
            if r["kind"] == "event" and r["fact_id"] not in named and any(
                    p and p in " ".join(tokens(normalise(r["statement"]))) for p in people):
                named.add(r["fact_id"])
        return named

    def _affiliation(self, text: str, raw: str) -> tuple[list[Verdict], str]:
        """ "Professor Andrei Lankov of Kookmin University said ...": where a named speaker works is a
        claim of its own, checked against their profile; the rest of the part is checked without it."""
        facts = {r["fact_id"]: r for r in self.d.snapshot.tables["facts"]}
        profiles = [facts[f] for f in self._named_facts(text) if facts[f]["kind"] == "profile"]
        if not profiles:
            return [], text
        # the first institution name that is not a title ("Профессор университета Кукмин": Кукмин)
        pos, m = 0, None
        while pos < len(raw):
            m = re.search(W.UNIVERSITY[self.lang], raw[pos:])
            if m is None:
                break
            title = next(g for g in m.groups() if g)
            if not re.fullmatch(r"(?:профессор\w*|professor|prof\.?|교수)\s*", title.strip().lower()):
                break
            pos += m.start() + m.group(0).find(title) + len(title)  # look again after the title
            m = None
        if m is None:
            return [], text
        name = next(g for g in m.groups() if g)
        row = profiles[0]
        said = self._fact_text(row, "statement").lower()
        # Every word of the institution's name must be the profile's ("Seoul National" is not
        # "Kookmin (Seoul)": a city in the profile does not make another university match).
        stems = [w[:4] for w in name.lower().split() if len(w) >= 3] if self.lang != "ko" else [name[:2]]
        # the profile's own institution name, read with the same pattern, so a word that only
        # occurs elsewhere in the profile ("Korea" in "North Korean workers") is not its name
        own = re.search(W.UNIVERSITY[self.lang], self._fact_text(row, "statement") + " ")
        if own is not None:
            said = next(g for g in own.groups() if g).lower()
            if self.lang == "ko":
                said = said + " " + self._fact_text(row, "statement").lower()[own.start():own.end() + 4]
        verdict = "matches" if stems and all(any(w.startswith(stem) for w in re.findall(r"\w+", said)) if self.lang != "ko"
                                             else stem in said for stem in stems) else "differs"
        statement = self._fact_text(row, "statement").rstrip(". ")
        sources = [c for c in self.d.source_chain(row["source_id"]) if c["kind"] != "official statistics"]
        v = Verdict(claim=m.group(0).strip(" ,"), verdict=verdict, measure="statement", data_text=statement,
                    note=self.note("part_checked", part=self.note("affiliation")) if verdict == "matches" else
                    self.note("differs_on", parts=[self.note("affiliation")]), sources=sources, part="affiliation")
        phrase = normalise(m.group(0)).strip()
        rest = text.replace(phrase, " ") if phrase in text else text
        return [v], rest

    def _statement(self, text: str, raw: str) -> Verdict | None:
        """A statement part checked against the report's facts, slot by slot and word by word."""
        claim = text.strip(" .")
        facts = {r["fact_id"]: r for r in self.d.snapshot.tables["facts"]}
        if re.search(W.SOURCE_CLAIM[self.lang], text):
            source = self._source_claim(claim, text)
            if source is not None:
                return source
        reversed_chain = self._chain_order(claim, text)
        if reversed_chain is not None:
            return reversed_chain
        ex = extract(text, self.d.lexicon, self.d.report_date)
        ranked = [(fid, w) for fid, w in ex.facts if fid in facts]
        # "the 2017 sanctions resolution": a year naming a document is no date of the statement (it
        # gets a verdict of its own, _statement_numbers), so the slots are read without it
        slot_text = re.sub(rf"\b(?:19|20)\d\d(?={W.DOCUMENT_YEAR[self.lang]})", " ", text, flags=re.IGNORECASE)
        named = self._named_facts(text)
        experts = re.search(W.EXPERTS[self.lang], text) is not None
        if named or experts:
            # Who said it decides which statements can be meant: "Lankov said" is one of his.
            allowed = named | ({fid for fid, r in facts.items() if r["kind"] in W.EXPERT_KINDS} if experts else set())
            candidates = [fid for fid, _ in ranked if fid in allowed]
            candidates += [fid for fid in allowed if fid not in candidates and facts[fid]["kind"] != "profile"]
        else:
            slots0 = W.read_slots(slot_text, self.lang)
            candidates = [fid for fid, w in ranked if w >= STATEMENT_MIN_WEIGHT or slots0.stance or slots0.size
                          or slots0.days or slots0.duration]
        if not candidates:
            return None
        full_slots = W.read_slots(slot_text, self.lang)
        # A quarter's year ("365 entered in Q3 2023") is the figure's, not the date of a dated event
        # the statement reports ("NK News reported on 23 January 2024 that ..."): against such a
        # statement the slots are read without the quarters and halves the claim names.
        undated = slot_text
        for m in find_periods(text, self.d.report_date):
            if re.search(r"quarter|half", m.kind):
                undated = undated.replace(m.text, " ")
        event_slots = W.read_slots(undated, self.lang)
        scored = []
        for fid in candidates:
            fact_slots = self._fact_slots(facts[fid])
            slots = event_slots if fact_slots.days is not None else full_slots
            wanted = slots.present()
            have = [k for k in wanted if getattr(fact_slots, k) is not None
                    and (k != "stance" or W.same_stance_family(slots.stance, fact_slots.stance))]
            outcome = _compare_slots(slots, fact_slots)
            words = len(self._uncovered(text, raw, facts[fid], self._profiles(named, facts)))
            scored.append((fid, fact_slots, len(have), outcome, words))
        # The fact that states the same kinds of things and most of the claim's words; among
        # several (a claim naming "experts"), the one that bears the claim out, so "experts say
        # hundreds" finds Lankov's estimate.
        best_cover = max(s[2] for s in scored)
        pool = [s for s in scored if s[2] == best_cover]
        if named or experts:
            pool.sort(key=lambda s: ({"matches": 0, "partial": 1, "differs": 2}[s[3][0]], s[4]))
        else:
            pool.sort(key=lambda s: s[4])
        fid, fact_slots, have, (outcome, detail), _ = pool[0]
        slots = event_slots if fact_slots.days is not None else full_slots
        wanted = slots.present()
        row = facts[fid]
        self.stmt_fact = (row, fact_slots)
        self.stmt_reason = None
        statement = self._fact_text(row, "statement").rstrip(". ")
        sources = [c for c in self.d.source_chain(row["source_id"]) if c["kind"] != "official statistics"]
        base = dict(claim=claim, measure="statement", data_text=statement, sources=sources)
        claim_parts = self._part_periods(text, self.lang)
        fact_parts = self._part_periods(f"{row['statement']} {row['date'] or ''}", "en")
        outcome_of_talks = (slots.stance, fact_slots.stance) == ("signed", "talks")
        if claim_parts and fact_parts and outcome != "differs" and not outcome_of_talks and fact_slots.days is None and not all(
                any(c[1:] == f[1:] and (c[0] is None or c[0] == f[0]) for f in fact_parts) for c in claim_parts):
            outcome, detail = "differs", "days"  # "in Q2 2023" for the report's third quarter
        elif claim_parts and not fact_parts and outcome == "matches":
            outcome = "partial"
        # The kinds of thing both the claim and the statement state ("adopted in December 2017" and
        # "within 24 months" are two): each gets its own verdict, so a reader sees which part is wrong.
        self.slot_groups = list(dict.fromkeys(_SLOT_GROUP[k] for k in wanted if getattr(fact_slots, k) is not None))
        self.slot_diffs = {_SLOT_GROUP.get(k, k) for k in (detail or "").split(", ") if k} if outcome == "differs" else set()
        if outcome == "differs":
            parts = list(dict.fromkeys("date" if k in ("year", "month", "days") else k for k in (detail or "").split(", ")))
            return Verdict(verdict="differs", note=self.note("differs_on", parts=parts), **base)
        missing = [k for k in wanted if (getattr(fact_slots, k) is None
                                         and not (k == "stance" and slots.stance == "admit" and fact_slots.stance is None))
                   or k == "stance" and fact_slots.stance is not None and not W.same_stance_family(slots.stance, fact_slots.stance)]
        # ("NK News confirmed dozens at the site": "confirmed" reports what a statement without a
        # stance says, it is no stance of its own)
        pace = self._pace(text)
        fact_pace = self._pace(" ".join(filter(None, [row["statement"], self._fact_text(row, "statement")])), fact=True)
        # "does not expect it to come quickly": the negation was read as the pace ("hard")
        pace_negated = pace == "hard" and not re.search(W.PACE["hard"], text.lower())
        if pace and fact_pace and pace != fact_pace:
            # "expects that momentum to build quickly" for "expects that effort to struggle": the
            # expectation reversed, whatever else the claim gets right
            return Verdict(verdict="differs", note=self.note("negation"), **base)
        moved = self._moved_elsewhere(text, row)
        if moved:
            # "Putin travelled to North Korea" against "Choe visited Russia (and met Putin)": the
            # visit the statement reports went to another country than the claim's trip
            return Verdict(verdict="differs", note=self.note("swapped", claimed=moved[0], said=moved[1],
                                                             statement=statement), **base)
        alone = self._only_one_of_several(ex, row)
        if alone:
            # "Only China has been dodging it" against "China and Russia have been avoiding it": the
            # claim leaves out a country the statement names beside the one it keeps
            return Verdict(verdict="differs", note=self.note("swapped", claimed=alone[0], said=alone[1],
                                                             statement=statement), **base)
        givers = self._giver_swapped(ex, row)
        if givers:
            # "North Korea received weapons from Russia" against "Russia received weapons from North
            # Korea": the same countries and the same transfer, the other way round
            return Verdict(verdict="differs", note=self.note("swapped", claimed=givers[0], said=givers[1],
                                                             statement=statement), **base)
        if self._negation_removed(text, row):
            # "the data already show them returning" for "the figures do not show it yet": what the
            # statement denies, the claim asserts
            return Verdict(verdict="differs", note=self.note("negation"), **base)
        self.stmt_reason = "detail"
        names = [t for _, t in _words_and_tokens(text) if any(re.search(x, t.lower()) for x in W.PEOPLE.values())]
        person = self._swapped(names, text, row) if names else None
        if person:
            # "Kim Jong Un met Putin": another person in the place of the one the statement names
            # differs, whatever else the claim leaves unsaid
            return Verdict(verdict="differs", note=self.note("swapped", claimed=person[0], said=person[1],
                                                             statement=statement), **base)
        stranger = self._stranger_for_person(text, raw, row)
        if stranger:
            # "Choe met Xi Jinping": a name the data does not know where the statement names a
            # person the claim leaves out (Putin) is another person in that person's place
            return Verdict(verdict="differs", note=self.note("swapped", claimed=stranger[0], said=stranger[1],
                                                             statement=statement), **base)
        if missing or outcome == "partial":
            return Verdict(verdict="not_in_data", note=self.note("statement_detail", statement=statement), **base)
        self.stmt_reason = "words"
        uncovered = self._uncovered(text, raw, row, self._profiles(named, facts))
        swapped = self._swapped(uncovered, text, row)
        if swapped:
            return Verdict(verdict="differs", note=self.note("swapped", claimed=swapped[0], said=swapped[1],
                                                             statement=statement), **base)
        if uncovered and self._keyword_details(uncovered, raw, row) == uncovered:
            # "Air Koryo has resumed direct flights": a name the statement's search keywords hold as
            # a detail about it (the carrier) is no part of what the report says; the statement is
            # checked without it, and the detail gets its own "not in the data"
            detail = Verdict(verdict="not_in_data", note=self.note(
                "statement_words", words=", ".join(uncovered[:3]), statement=statement), **base)
            self.stmt_detail_words = ", ".join(uncovered[:3])
            self.stmt_details.append(detail)
            uncovered = []
        # the doubt word is no unsaid detail: it negates the statement, judged below
        uncovered = [w for w in uncovered if not re.fullmatch(W.DOUBT_WORD[self.lang], w.lower())]
        if uncovered:
            return Verdict(verdict="not_in_data", note=self.note("statement_words", words=", ".join(uncovered[:3]),
                                                                    statement=statement), **base)
        modal_fact = re.search(W.MODAL["en"], row["statement"].lower()) is not None
        speaker = tokens(normalise(row["speaker"] or ""))
        speaker_named = bool(speaker) and speaker[-1] in tokens(normalise(text)) or (
            row["speaker"] and self.lang != "en" and fid in named)
        attributed = speaker_named or experts or re.search(W.SPEECH[self.lang], text) is not None \
            or re.search(W.MODAL[self.lang], text.lower()) is not None
        if modal_fact and not attributed:
            # "Putin visited North Korea" for "a visit is expected to have been discussed": a fact for
            # an expectation, whose date ("in January 2024") is not the date of anything that happened
            self.stmt_reason = "modal"
            return Verdict(verdict="not_in_data", note=self.note("statement_detail", statement=statement), **base)
        if self._negation_added(text, row) and not pace_negated and not slots.size and not slots.stance:
            return Verdict(verdict="differs", note=self.note("negation"), **base)
        if self.stmt_details:
            # the statement matches without the detail its keywords name; the detail is judged apart
            return Verdict(verdict="matches", note=self.note("without_detail", words=self.stmt_detail_words), **base)
        return Verdict(verdict="matches", **base)

    def _persons(self) -> list[tuple[str, list[str]]]:
        """The people the facts name (speakers, and subjects of events and profiles), each with the
        name as the claim's language writes it and the words that recognise it in any language."""
        out: dict[str, tuple[str, list[str]]] = {}
        for r in self.d.snapshot.tables["facts"]:
            for field_name in ("speaker", "subject"):
                name = r[field_name]
                if not name or field_name == "subject" and r["kind"] not in ("event", "profile", "estimate", "prediction") \
                        or not re.fullmatch(r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+)+", name):
                    continue  # "experts", "China and Russia": no person
                forms = [name] + [self.d.lexicon.translated("fact", r["fact_id"], "speaker", lang) or "" for lang in ("ko", "ru")]
                shown = forms[("en", "ko", "ru").index(self.lang)] or name
                words = [w.lower() for f in forms for w in re.findall(r"\w+", f) if len(w) >= 3 or re.search(r"[가-힣]", w)]
                # given names ("Andrei", "Vladimir") recognise no one on their own
                given = {w.lower() for f in forms for w in re.findall(r"\w+", f)[:1] if len(re.findall(r"\w+", f)) > 2 or
                         not re.search(r"[가-힣]", f)} if not name.startswith("Choe") else set()
                out.setdefault(name, (shown, []))[1].extend(w for w in words if w not in given)
        return list(out.values())

    def _stranger_for_person(self, text: str, raw: str, row: dict[str, Any]) -> tuple[str, str] | None:
        """A name the data does not know, in a claim that leaves out a person its statement names:
        (the claim's name, the statement's person), or None."""
        low = text.lower()
        said = " ".join([row["statement"], self._fact_text(row, "statement")]).lower()

        def named(words: list[str], where: str) -> bool:
            return any(re.search(rf"(?<!\w){re.escape(w[:5] if self.lang == 'ru' and not re.search(r'[a-z]', w) else w)}", where)
                       for w in words)
        persons = self._persons()
        left_out = [shown for shown, words in persons if named(words, said) and not named(words, low)]
        if not left_out:
            return None
        known = {w for _, words in persons for w in words}
        if self.lang == "ko":
            candidates = [t for _, t in _words_and_tokens(text) if korean_proper_noun(t) and t not in said]
        else:
            candidates = [m.group(0) for m in re.finditer(r"(?<![.!?]\s)(?<!^)\b[A-ZА-ЯЁ][a-zа-яё]+(?:\s+[A-ZА-ЯЁ][a-zа-яё]+)*", raw)]
        for name in candidates:
            first = name.split()[0].lower()
            if first not in low or find_periods(name.lower(), self.d.report_date) or first in W.NUMBER_WORDS:
                continue  # a name of another clause of the sentence; a month ("in June")
            if first in known or first[:5] in {k[:5] for k in known} or re.search(rf"(?<!\w){re.escape(first)}(?!\w)", said):
                continue
            if extract(name, self.d.lexicon, self.d.report_date).countries or \
                    any(re.search(p, name.lower()) for group in W.ALTERNATIVES for p in group.values()):
                continue  # a place ("in Moscow"), judged as a place
            if any(t in self.d.lexicon.vocabulary for t in tokens(normalise(name))):
                continue  # a word the data knows
            return name, left_out[0]
        return None

    def _keyword_details(self, uncovered: list[str], raw: str, row: dict[str, Any]) -> list[str]:
        """The uncovered words that are proper names among the statement's search keywords (a
        carrier for the flights): details a reader may ask about, which the report does not give."""
        keywords = " ".join([row["keywords"]] + [self.d.lexicon.translated("fact", row["fact_id"], "keywords", lang) or ""
                                                 for lang in ("ko", "ru")]).replace(";", " ").lower()
        kw_tokens = set(tokens(normalise(keywords))) | set(re.findall(r"\w+", keywords))
        proper = {w.lower() for w in re.findall(r"\b[A-ZА-ЯЁ][\w-]+", raw)}
        out: list[str] = []
        for w in uncovered:
            if w not in kw_tokens:
                continue
            if self.lang == "ko" and korean_proper_noun(w) or w in proper or w in set(tokens(normalise(" ".join(proper)))):
                out.append(w)
        return out

    def _part_periods(self, text: str, lang: str) -> set[tuple[int | None, int, int]]:
        """Quarters, halves and month ranges a statement names, as (year or None, first month,
        last month); single months and years are slots of their own."""
        out = set()
        for m in find_periods(normalise(text), self.d.report_date):
            if not re.search(r"quarter|half|months|month_range", m.kind):
                continue
            if (m.m1, m.m2) != (1, 12):
                out.add((m.year, m.m1, m.m2))
        return out

    def _profiles(self, named: set[str], facts: dict[str, dict[str, Any]]) -> str:
        """What the report says about the people a claim names ("Lankov, a Kookmin University
        professor"): an appositive is covered by their profile."""
        return " ".join(facts[f]["statement"] for f in named if facts[f]["kind"] == "profile")

    def _fact_text(self, row: dict[str, Any], field_name: str, lang: str | None = None) -> str:
        lang = lang or self.lang
        if lang != "en":
            text = self.d.lexicon.translated("fact", row["fact_id"], field_name, lang)
            if text:
                return text
        return row[field_name] or ""

    def _fact_slots(self, row: dict[str, Any]) -> W.Slots:
        text = f"{row['statement']} {row['date'] or ''}"
        return W.read_slots(text, "en")

    def _pace(self, text: str, fact: bool = False) -> str | None:
        """The pace an expectation states ("quickly" / "hard"), W.PACE; a negated easy pace ("won't
        be quick") is the hard one. None when the text states no pace."""
        low = text.lower()
        if re.search(W.PACE["hard"], low):
            return "hard"
        if re.search(W.PACE["easy"], low):
            # "won't be quick", "doubts it will be quick": the hard pace
            doubted = re.search(W.DOUBT[self.lang], low) is not None
            return "hard" if not fact and (self._negated(text) or doubted) else "easy"
        return None

    def _negation_added(self, text: str, row: dict[str, Any]) -> bool:
        """Does the claim negate what the statement does not ("did not meet Putin" for "met Putin")?
        In English the negated verbs are compared, so "does not think they will come back" is
        caught against "will return ... even though the figures do not show it yet"."""
        if self.lang != "en":
            fact = self._fact_text(row, "statement")
            doubted = re.search(W.DOUBT[self.lang], text.lower()) is not None  # a doubt is a negation of its own
            claimed_off = self._negated_stems(text.lower())
            # both negate, but not the same verb: "돌아오지 않을 것" against "드러나지 않지만"
            other_verb = bool(claimed_off) and self._negated(fact) and not claimed_off & self._negated_stems(fact.lower())
            return (self._negated(text) and not self._negated(fact)) or other_verb \
                or (doubted and re.search(W.DOUBT[self.lang], fact.lower()) is None)
        return bool(_negated_verbs(text) - _negated_verbs(row["statement"]))

    def _moved_elsewhere(self, text: str, row: dict[str, Any]) -> tuple[str, str] | None:
        """A trip the claim states to a country other than the one where the statement's event took
        place: (the claim's destination, the statement's place), or None. Only countries the data
        knows are compared, so "travelled to Moscow" is never judged against "Russia"."""
        if row["kind"] != "event" or not row["place"]:
            return None
        m = re.search(W.TRIP_TO[self.lang], text, flags=re.IGNORECASE)
        if not m:
            return None
        dest = m.group(m.lastindex or 0)
        before = text[:m.start()].lower()
        if self._last_named(before, row) != "other":
            # the statement's own traveller going elsewhere ("Choe visited China") is another trip,
            # which the report neither states nor rules out; only a person the statement places at
            # its event (Putin, met in Russia) cannot have been elsewhere then
            return None
        if self.lang == "ko" and dest in W.KO_TRIP_WORDS:
            dest = W.KO_TRIP_WORDS[dest]
        claimed = {c.id for c in extract(dest, self.d.lexicon, self.d.report_date).countries}
        said = {c.id for c in extract(row["place"], self.d.lexicon, self.d.report_date).countries}
        if claimed and said and not claimed & said:
            return dest, self._fact_text(row, "place") or row["place"]
        return None

    def _giver(self, ex: Extraction) -> tuple[str, str, set[str]] | None:
        """The country a thing is said to come from ("weapons from Russia", "러시아로부터 무기를"):
        (its id, its words as written, the words of the transfer next to it), or None. The country
        counts only when words on the transfer's side of the marker are given, so "denials from
        Moscow" is judged by the caller against the statement's own words, not taken as a giver."""
        toks = ex.toks
        found = []
        for c in ex.countries:
            if c.pos > 0 and toks[c.pos - 1] in W.GIVER_BEFORE[self.lang]:
                found.append((c, set(toks[max(0, c.pos - 1 - W.GIVER_WINDOW):c.pos - 1])))
            elif c.end < len(toks) and toks[c.end] in W.GIVER_AFTER[self.lang]:
                found.append((c, set(toks[c.end + 1:c.end + 1 + W.GIVER_WINDOW])))
            elif c.end < len(toks) and toks[c.end] in W.GIVEN_THINGS[self.lang] \
                    and re.search(W.COUNTRY_ADJECTIVE[self.lang], toks[c.end - 1]):
                # "North Korea received Russian weapons": the adjective on the thing is its giver;
                # the thing and the words before the country are the transfer's
                found.append((c, {toks[c.end]} | set(toks[max(0, c.pos - W.GIVER_WINDOW):c.pos])))
        if not found:
            return self._giver_of_a_receiver(ex)
        if len(found) != 1:
            return None  # several: no one reading of who gave what
        c, near = found[0]
        return c.id, " ".join(toks[c.pos:c.end]), near

    def _only_one_of_several(self, ex: Extraction, row: dict[str, Any]) -> tuple[str, str] | None:
        """(the claim's "only X", the statement's countries) when the claim makes one country the
        only one and the statement lists that country beside one the claim does not name; else None."""
        toks = ex.toks
        before, after = W.ONLY_BEFORE.get(self.lang, frozenset()), W.ONLY_AFTER.get(self.lang, frozenset())
        only = []  # (the country, where its words start and end with the "only" word)
        for c in ex.countries:
            if c.pos > 0 and toks[c.pos - 1] in before:
                only.append((c, c.pos - 1, c.end))
            elif c.end < len(toks) and toks[c.end] in after:
                only.append((c, c.pos, c.end + 1))
        if len(only) != 1:
            return None
        kept, start, end = only[0]
        statement = self._fact_text(row, "statement")
        if not statement:
            return None
        said = extract(statement, self.d.lexicon, self.d.report_date)
        kept_at = [c for c in said.countries if c.id == kept.id]
        # only a country the statement lists beside the kept one ("China and Russia"), not one named
        # elsewhere in it ("North Korean workers")
        left_out = {c.id for c in said.countries if c.id not in {x.id for x in ex.countries}
                    and any(0 <= c.pos - k.end <= 1 or 0 <= k.pos - c.end <= 1 for k in kept_at)}
        if not left_out:
            return None
        # tokens are lower-cased: names are shown capitalised, the "only" word as written
        named = [" ".join(said.toks[c.pos:c.end]).title() for c in said.countries if c.id == kept.id or c.id in left_out]
        words = [t.title() if kept.pos <= i < kept.end else t for i, t in enumerate(toks[start:end], start=start)]
        return " ".join(words), ", ".join(dict.fromkeys(named))

    def _giver_of_a_receiver(self, ex: Extraction) -> tuple[str, str, set[str]] | None:
        """"Russia is suspected of supplying weapons to North Korea": the one country after "to" with
        the thing or a giving verb just before it receives, so the one other country named gives
        (its id, its words, the transfer's words before "to"); else None."""
        toks = ex.toks
        marks = W.RECEIVER_BEFORE.get(self.lang, frozenset())
        transfer = W.GIVEN_THINGS[self.lang] | W.GIVING_VERBS.get(self.lang, frozenset())
        receivers = []
        for c in ex.countries:
            near = set(toks[max(0, c.pos - 1 - W.GIVER_WINDOW):c.pos - 1]) if c.pos > 0 else set()
            if c.pos > 0 and toks[c.pos - 1] in marks and near & transfer:
                receivers.append((c, near))
        if len(receivers) != 1:
            return None
        receiver, near = receivers[0]
        others = {c.id: c for c in ex.countries if c.id != receiver.id}
        if len(others) != 1:
            return None  # no other country, or several: no one giver
        giver = next(iter(others.values()))
        return giver.id, " ".join(toks[giver.pos:giver.end]), near

    def _giver_swapped(self, ex: Extraction, row: dict[str, Any]) -> tuple[str, str] | None:
        """(the claim's giver, the statement's) when both say where the same thing came from, with
        the same transfer words, and name different countries the claim (``ex``, its extraction)
        both mentions; else None."""
        claimed = self._giver(ex)
        if claimed is None:
            return None  # most claims: the statement is not read at all
        statement = self._fact_text(row, "statement")
        said = self._giver(extract(statement, self.d.lexicon, self.d.report_date)) if statement else None
        if said is None or said[0] == claimed[0]:
            return None
        things = W.GIVEN_THINGS[self.lang]
        # the same transfer: a word in common, or a thing given on both sides ("arms" for "weapons")
        same_transfer = bool(claimed[2] & said[2]) or bool(claimed[2] & things and said[2] & things)
        if not same_transfer or said[0] not in {c.id for c in ex.countries}:
            return None
        return claimed[1].title(), said[1].title()  # tokens are lower-cased; names are shown capitalised

    def _last_named(self, before: str, row: dict[str, Any]) -> str | None:
        """Who is named last in the words before a verb: "subject" (the statement's own subject or
        speaker, in any language), "other" (a person another statement names), or None."""
        def names(r: dict[str, Any]) -> list[str]:
            found = [r["subject"] or "", r["speaker"] or ""] + [
                self.d.lexicon.translated("fact", r["fact_id"], f, lang) or ""
                for lang in ("ko", "ru") for f in ("subject", "speaker")]
            return [w.lower() for n in found for w in re.findall(r"\w{3,}", n)]
        own = set(names(row))
        others = {w for r in self.d.snapshot.tables["facts"] if r["fact_id"] != row["fact_id"] and r["kind"] == "event"
                  for w in names(r)} - own
        last: tuple[int, str | None] = (-1, None)
        for role, words in (("subject", own), ("other", others)):
            for w in words:
                at = before.rfind(w[:5] if self.lang == "ru" else w)
                if at > last[0]:
                    last = (at, role)
        return last[1]

    def _negated_stems(self, low: str) -> set[str]:
        """The stems of the Korean or Russian verbs a negation is attached to ("드러나지 않" -> 드러,
        "не показывают" -> показ), so two negated statements can be told apart by what they negate."""
        if self.lang == "ru":
            # "не меньше трёх" is a bound on an amount (compared as the amount slot), not a negated verb
            return {m.group(1)[:5] for m in re.finditer(r"\bне\s+(\w{4,})", low)
                    if not re.match(r"меньш|больш|более|менее|сколь|мене", m.group(1))}
        if self.lang == "ko":
            return {m.group(1)[-3:-1] if len(m.group(1)) > 2 else m.group(1)
                    for m in re.finditer(r"(\w+?)지\s*(?:않|못)", low)} - {""}
        return set()

    def _negation_removed(self, text: str, row: dict[str, Any]) -> bool:
        """Does the claim assert, un-negated, a verb the statement negates ("the data already show
        it" for "the figures do not show it yet")? The verb must be in the claim itself, so a claim
        that leaves the negated part out is not judged by it."""
        if self.lang == "en":
            denied = _negated_verbs(row["statement"]) - _negated_verbs(text)
            return any(_stem(t, "en") in denied for t in tokens(normalise(text)))
        fact = self._fact_text(row, "statement").lower()
        low = text.lower()
        if self._negated(text):
            return False
        stems = self._negated_stems(fact)
        if self.lang == "ru":
            return any(re.search(rf"\b{re.escape(st)}", low) for st in stems)
        return any(len(st) >= 2 and st in low for st in stems)

    def _negated(self, text: str) -> bool:
        return re.search(W.NEGATION[self.lang], text.lower()) is not None

    def _uncovered(self, text: str, raw: str, row: dict[str, Any], extra: str = "") -> list[str]:
        """Words of the claim the fact does not say. Its statement, quote, subject and speaker
        count; its search keywords count too, but never for a proper name (a keyword "Air Koryo"
        helps find the fact about flights, it is not something the report says)."""
        said = " ".join(filter(None, [row["statement"], row["quote"], row["subject"], row["speaker"], row["topic"],
                                      row["place"], row["date"], extra]))
        keywords = row["keywords"].replace(";", " ")
        for lang in ("ko", "ru"):
            for f in ("statement", "topic", "speaker", "subject", "place", "date"):
                said += " " + (self.d.lexicon.translated("fact", row["fact_id"], f, lang) or "")
            keywords += " " + (self.d.lexicon.translated("fact", row["fact_id"], "keywords", lang) or "").replace(";", " ")
        said_tokens = tokens(normalise(said))
        said_words = re.findall(r"\w+", said.lower())
        said_stems = {_stem(t, self.lang) for t in said_tokens}
        for phrase, word in W.PHRASES.get(self.lang, {}).items():
            text = re.sub(phrase, word, text, flags=re.IGNORECASE)  # "changed hands": one word the report has
        if self.lang == "en":
            # "did not meet", "hasn't met": the auxiliary and the negation are grammar here; the
            # negation itself is judged on the whole statement (_negated)
            text = re.sub(r"\b(?:did|does|do|didn't|doesn't|don't|hasn't|haven't|hadn't|wasn't|weren't)\b|n't\b", " ",
                          text, flags=re.IGNORECASE)
        for m in find_periods(text, self.d.report_date):
            text = text.replace(m.text, " ")  # the period was compared as a slot
        for table in (W.SIZE, W.STANCE, W.VAGUE_AMOUNTS):
            for pattern, _ in table[self.lang]:
                text = re.sub(pattern, " ", text.lower())  # slot words were compared already
        if W.read_slots(text, self.lang).amount:
            text = re.sub(W.AMOUNT_WORDS[self.lang], " ", text)  # "не меньше трёх": the amount slot, compared already
        kw_stems = {_stem(t, self.lang) for t in tokens(normalise(keywords))}
        proper = {w.lower() for w in re.findall(r"(?<![.!?]\s)(?<!^)\b[A-ZА-ЯЁ][a-zа-яё]+", raw)}
        if self.lang == "ko":
            # a Korean name is known by the dictionary, not by a capital: "고려항공" is a search
            # keyword of the flights, never something the report says
            proper |= {t for _, t in _words_and_tokens(text) if t not in said and korean_proper_noun(t)}
        lex = self.d.lexicon
        out = []
        for word, t in _words_and_tokens(text):
            if t.isdigit() or re.fullmatch(r"\d+(?:st|nd|rd|th|-?го|-?е|-?й)", t) or len(t) < 3 and self.lang != "ko" \
                    or len(t) < 2 or t in W.NUMBER_WORDS:
                continue
            terms = lex.phrases.get((t,), ())
            changes = any(re.search(w[self.lang], word) for w in (W.UP_VERB, W.DOWN_VERB, W.MORE, W.FEWER))
            if not changes and (any((x.kind, x.id) == ("cue", "filler") for x in terms) or t in W.NEUTRAL_WORDS
                                or t in W.STATEMENT_NEUTRAL
                                or t in _STOP[self.lang]):
                continue  # "rose", "more" are claims of their own, never filler
            if re.search(W.SPEECH[self.lang], word) or (self.lang == "ko" and is_particle(t)):
                continue  # the verb of saying was matched already; particles are grammar
            s = _stem(t, self.lang)
            reverses = re.search(W.REVERSING[self.lang], word) is not None
            if self.lang == "ko" and len(t.lstrip(COUNTER_MARK)) >= 2 and t.lstrip(COUNTER_MARK) in said and not reverses:
                continue  # Korean is read in context: "외무상" may be split in one sentence and not in another
            if s in said_stems or (s in kw_stems and t not in proper and word not in proper and not reverses):
                continue  # a search keyword ("comply") is not something the report says
            if self._paraphrased(t, word, said_tokens, said.lower()):
                continue  # "officials" for the report's "authorities", "Pyongyang" for North Korea
            if self.lang == "ko" and (t.startswith(COUNTER_MARK) or re.match(r"명|개월|년|월|일", t)):
                continue  # a counter with its ending ("명일", "명으로"): grammar around a number
            if t not in proper and word not in proper and self._plain_verb(word if self.lang in ("ru", "ko") else t):
                continue  # a verb of the claim's own wording ("received", "пытаются"); reversals are never skipped
            if (t in proper or word in proper) and len(word) >= 4 and any(
                    w[0] == word[0] and OSA.normalized_similarity(word, w) >= NAME_SPELLING_SIMILARITY for w in said_words):
                continue  # a name spelled another way: "Чхве" for "Чве", "Choe Son-hee" for "Choe Son Hui"
            out.append(t)
        return out

    def _swapped(self, uncovered: list[str], text: str, row: dict[str, Any]) -> tuple[str, str] | None:
        """A claim word the report does not say that excludes one it does say (W.ALTERNATIVES):
        (the claim's word, the report's word), or None."""
        said = " ".join(filter(None, [row["statement"], row["quote"], row["place"]] + [
            self.d.lexicon.translated("fact", row["fact_id"], f, lang) or ""
            for lang in ("ko", "ru") for f in ("statement", "place")])).lower()
        claim = text.lower()
        for word in uncovered:
            for group in W.ALTERNATIVES:
                mine = [k for k, pattern in group.items() if re.search(pattern, word.lower())]
                if not mine:
                    continue
                theirs = [k for k, pattern in group.items() if k not in mine and re.search(pattern, said)
                          and not re.search(pattern, claim)]
                if theirs and not any(re.search(group[k], said) for k in mine):
                    # the report's word as the claim's language has it, when the statement is translated
                    whole = rf"(?:{group[theirs[0]]})\w*"
                    found = re.search(whole, self._fact_text(row, "statement").lower()) or re.search(whole, said)
                    return word, found.group(0) if found else theirs[0]
        return None

    def _paraphrased(self, token: str, word: str, said_tokens: list[str], said: str) -> bool:
        """Is this claim word a plain paraphrase (W.PARAPHRASES) of something the report says?"""
        table = W.PARAPHRASES[self.lang]
        for key in (token, word.lower()):
            for source, target in table.items():
                if key == source or (self.lang in ("ru", "ko") and key.startswith(source)):
                    if " " in target:
                        return target in said
                    return any(t == target or t.startswith(target) for t in said_tokens) or target in said
        return False

    def _source_claim(self, claim: str, text: str) -> Verdict | None:
        """ "The figures come from X": X must be a link of the figures' source chain."""
        chain = self.d.source_chain(self.d.figure_source())
        names = set()
        for s in chain:
            for variant in (s["name"], s["source_id"], self.d.lexicon.translated("source", s["source_id"], "name", "ko") or "",
                            self.d.lexicon.translated("source", s["source_id"], "name", "ru") or ""):
                for part in re.split(r"[()]", variant.lower()):
                    if part.strip():
                        names.add(part.strip())
        low = text.lower()
        names_it = self._source_namer(text)
        named = [n for n in names if names_it(n)]
        shown = " → ".join(s["name"] for s in chain)
        if named and re.search(W.OTHER_SOURCE[self.lang], low):
            # "NK News based its figures on Russian customs statistics": a link is named, the origin is not it
            return Verdict(claim=claim, verdict="differs", measure="source", data_text=shown, sources=chain,
                           note=self.note("source_chain", chain=shown))
        if named and self._chain_reversed(low, chain, names_it):
            # "Donga first reported the figures, and NK News later relayed them": the links are
            # right, the order of the chain is not
            return Verdict(claim=claim, verdict="differs", measure="source", data_text=shown, sources=chain,
                           note=self.note("source_chain", chain=shown))
        if named:
            unsaid = self._source_words_unsaid(text, chain)
            if unsaid:
                # "NK News obtained the figures through a formal information request": naming a
                # link of the chain is not enough; how it got them is something the report never says
                return Verdict(claim=claim, verdict="not_in_data", measure="source", data_text=shown, sources=chain,
                               note=self.note("statement_words", words=", ".join(unsaid[:3]), statement=shown))
            day = self._claimed_day(low)
            if day is not None:
                # "NK News published the figures on the 25th": the named link's own date decides
                dated = [s for s in chain if s.get("published") and any(names_it(v) for v in (s["name"], s["source_id"]))]
                # the day is the claim's number: "published on January 25" is a verdict on 25
                said_day = dict(claimed=str(day[0]), claimed_value=float(day[0]), part="days")
                if not dated:
                    return Verdict(claim=claim, verdict="not_in_data", measure="source", data_text=shown, sources=chain,
                                   note=self.note("statement_detail", statement=shown), **said_day)
                published = dated[-1]["published"]
                published = published if isinstance(published, date) else date.fromisoformat(str(published))
                same = day[0] == published.day and (day[1] is None or day[1] == published.month)
                return Verdict(claim=claim, verdict="matches" if same else "differs", measure="source",
                               data_text=f"{shown} ({published.isoformat()})", sources=chain,
                               note=None if same else self.note("differs_on", parts=["date"]), **said_day)
            return Verdict(claim=claim, verdict="matches", measure="source", data_text=shown, sources=chain)
        ex = extract(text, self.d.lexicon, self.d.report_date)
        if ex.proper_unknown or re.search(r"\b(?:ministry|intelligence|agency|service|office|institute|bureau|government|"
                                          r"nis|kotra|unification|un|ministère)\b|(?:부|원|청|처|기관|정부)|(?:министерств|служб|агентств|правительств|разведк)",
                                          low) or re.search(W.OTHER_SOURCE[self.lang], low):
            return Verdict(claim=claim, verdict="differs", measure="source", data_text=shown, sources=chain,
                           note=self.note("source_chain", chain=shown))
        return None

    def _source_namer(self, text: str) -> Callable[[str], bool]:
        """Whether ``text`` names a source: "Russia's Federal Security Service" names "Russian
        Federal Security Service" (most of a name's words), a one-word name (FSB, Donga) whole."""
        low = text.lower()
        claim_stems = {_stem(t, self.lang) for t in tokens(normalise(text))}

        def names_it(name: str) -> bool:
            words = [_stem(t, self.lang) for t in tokens(normalise(name)) if len(t) >= 3]
            if len(words) == 1:
                return words[0] in claim_stems or name in low
            return len(words) >= 2 and sum(w in claim_stems for w in words) >= max(2, round(0.75 * len(words)))
        return names_it

    def _chain_order(self, claim: str, text: str) -> Verdict | None:
        """A claim that has one link of the figures' source chain pass on another's report in the
        wrong order ("Donga first reported the figures, and NK News later relayed them"): differs.
        None when the claim names fewer than two links or gives them in the chain's order."""
        chain = self.d.source_chain(self.d.figure_source())
        low = text.lower()
        if not self._chain_reversed(low, chain, self._source_namer(text)):
            return None
        shown = " → ".join(s["name"] for s in chain)
        return Verdict(claim=claim, verdict="differs", measure="source", data_text=shown, sources=chain,
                       note=self.note("source_chain", chain=shown))

    def _chain_reversed(self, low: str, chain: list[dict[str, Any]], names_it: Callable[[str], bool]) -> bool:
        """Does the claim have a link relay or cite one that comes after it in the chain? Each relay
        verb (W.RELAY) has a deriver (the link named before it, or after "by") and an origin (the
        link named after it, or the one said to have reported "first")."""
        if self.lang not in W.RELAY:
            return False
        spots: list[tuple[int, int]] = []  # (position in the claim, index in the chain)
        for i, link in enumerate(chain):
            for variant in (link["name"], link["source_id"], link.get("cite_as") or ""):
                for part in re.split(r"[()]", variant.lower()):
                    part = part.strip()
                    if part and names_it(part):
                        spots += [(m.start(), i) for m in re.finditer(re.escape(part), low)]
                    elif part and " " in part:
                        spots += [(m.start(), i) for m in re.finditer(re.escape(part.split()[-1]), low) if names_it(part)]
        spots.sort()
        if len({i for _, i in spots}) < 2:
            return False
        first = re.search(W.FIRST_REPORTED[self.lang], low)
        first_link = next((i for p, i in reversed(spots) if first and p < first.start()), None)
        for m in re.finditer(W.RELAY[self.lang], low):
            before = [i for p, i in spots if p < m.start()]
            after = [i for p, i in spots if p > m.end()]
            if re.match(r"\s+by\b", low[m.end():]):
                deriver, origin = (after[0] if after else None), (before[-1] if before else None)
            else:
                deriver = before[-1] if before else None
                origin = after[0] if after else first_link
            if deriver is not None and origin is not None and deriver != origin and deriver < origin:
                return True
        return False

    def _source_words_unsaid(self, text: str, chain: list[dict[str, Any]]) -> list[str]:
        """Words of a source claim that neither the chain (names, descriptions) nor the report's
        statements about its sources account for: the claim's own detail of how the figures came
        to be, which the report does not give."""
        facts = [r for r in self.d.snapshot.tables["facts"] if r["kind"] == "source"]
        said = " ".join([f"{s['name']} {s['source_id']} {s.get('description') or ''} {s.get('cite_as') or ''}" for s in chain]
                        + [r["statement"] for r in facts])
        keywords = ";".join(r["keywords"] for r in facts)
        row = {"fact_id": "", "statement": said, "quote": None, "subject": None, "speaker": None, "topic": None,
               "place": None, "date": None, "keywords": keywords}
        source_words = re.compile(W.SOURCE_WORDS[self.lang])
        unsaid = [w for w in self._uncovered(text, text, row) if not source_words.search(w)]
        others = " ".join(f"{r['statement']} {r['subject'] or ''} {r['place'] or ''}"
                          for r in self.d.snapshot.tables["facts"] if r["kind"] != "source")
        other_stems = {_stem(t, self.lang) for t in tokens(normalise(others))}
        if any(_stem(w, self.lang) in other_stems for w in unsaid):
            # "Choe visited Russia ..., days before NK News published its figures": the other words
            # are another statement of the report, not a detail of the source
            return []
        return unsaid

    def _claimed_day(self, low: str) -> tuple[int, int | None] | None:
        """A day of the month a source claim states, with its month if given ("on the 25th",
        "on 23 January", "23일", "23 января")."""
        months = "|".join(W.EN_MONTHS)
        if self.lang == "en":
            m = re.search(rf"\bon\s+(?:the\s+)?(\d{{1,2}})(?:st|nd|rd|th)?\b(?:\s+(?:of\s+)?({months}))?", low)
            if m:
                return int(m.group(1)), W.EN_MONTHS[m.group(2)] if m.group(2) else None
            m = re.search(rf"\bon\s+({months})\s+(\d{{1,2}})\b", low)
            return (int(m.group(2)), W.EN_MONTHS[m.group(1)]) if m else None
        if self.lang == "ko":
            m = re.search(r"(?:(\d{1,2})\s*월\s*)?(\d{1,2})\s*일", low)
            return (int(m.group(2)), int(m.group(1)) if m.group(1) else None) if m else None
        m = re.search(r"\b(\d{1,2})(?:-?го)?(?:\s+(" + "|".join(stem for stem, _ in W.RU_MONTH_STEMS if len(stem) > 2) + r")\w*)?\b", low)
        if m is None or not (m.group(2) or re.search(r"\d-?го\b", m.group(0))):
            return None
        month = next((k for stem, k in W.RU_MONTH_STEMS if m.group(2) and m.group(2).startswith(stem)), None)
        return int(m.group(1)), month

    # --- qualitative figure claims ------------------------------------------------------------------

    def _qualitative(self, text: str, ex: Extraction, periods: list[PeriodMention]) -> Verdict | None:
        claim = text.strip(" .")
        lang = self.lang
        more = re.search(W.MORE[lang], text)
        fewer = re.search(W.FEWER[lang], text)
        same = re.search(W.SAME[lang], text)
        up = re.search(W.UP_VERB[lang], text) is not None
        down = re.search(W.DOWN_VERB[lang], text) is not None
        try:
            strange = self._unresolved(text, periods)
            if ex.exits:
                raise NotInData("measure", words=["departures"])
            d, _ = self.d.direction_for(ex)
            citizens, _ = roles(ex, self.d.lexicon)
            if not (up or down) and len(citizens) < 2 and R.read(text, lang) is not None:
                # "road came second, ahead of rail": a ranking, judged as one (claims_rank)
                ranks = self._rankings(text, periods)
                if len(ranks) == 1:
                    return ranks[0]
            if len(citizens) >= 2 and (more or fewer or same):
                if strange:
                    raise NotInData("measure", words=strange[:3])
                cats = list(dict.fromkeys((dim, cid) for dim, cid, _ in ex.categories))
                if len(cats) > 1:
                    raise NotInData("crosstab", categories=[self.d.label(x, y) for x, y in cats], **self.d.dir_values(d))
                return self._directions_claim(claim, citizens, periods, more, fewer, cats[0] if cats else ("total", "all"))
            cats = [(dim, cid) for dim, cid, _ in ex.categories]
            if len(cats) >= 2 and cats[0][0] == cats[1][0] and (more or fewer or same):
                if strange:
                    raise NotInData("measure", words=strange[:3])
                return self._categories_claim(claim, d, cats[:2], periods, bool(more), bool(fewer))
            # A claim about one category ("more came by air in Q3 than in Q2") is about that
            # category's figures, never the totals; several categories at once are not in the data.
            one_cat = list(dict.fromkeys((dim, cid) for dim, cid, _ in ex.categories))
            if len(one_cat) > 1 and not (ex.cues.keys() & {"rank_top", "rank_bottom", "rank_second", "rank_third"}):
                raise NotInData("crosstab", categories=[self.d.label(x, y) for x, y in one_cat], **self.d.dir_values(d))
            category = one_cat[0] if one_cat else ("total", "all")
            real = [m for m in periods if m.kind not in ("previous", "relative", "latest")]
            if len(real) >= 2 and (more or fewer or same) and not (up or down):
                if strange:
                    raise NotInData("measure", words=strange[:3])
                return self._periods_claim(claim, text, d, real, bool(more), bool(fewer), category)
            if re.search(W.EVERY_QUARTER[lang], text) and (up or down):
                return self._trend_claim(claim, d, periods, up, category)
            if len(one_cat) == 1 and re.search(W.MAJORITY[lang], text) and not (more or fewer or up or down):
                if strange:
                    raise NotInData("measure", words=strange[:3])
                return self._majority_claim(claim, d, one_cat[0], periods)
            if ex.cues.keys() & {"rank_top", "rank_bottom", "rank_second", "rank_third"} and ex.categories:
                if strange:
                    raise NotInData("measure", words=strange[:3])
                return self._ranking_claim(claim, ex, d, periods)
            if (up or down) and (ex.countries or periods or "movement" in ex.cues):
                if strange:
                    raise NotInData("measure", words=strange[:3])
                rises = up and not (down and re.search(W.DOWN_VERB[lang], text).start() < re.search(W.UP_VERB[lang], text).start())  # type: ignore[union-attr]
                return self._change_direction_claim(claim, d, ex, periods, rises, category)
            if strange and (ex.countries or ex.categories or "movement" in ex.cues):
                raise NotInData("measure", words=strange[:3])
        except NotInData as nd:
            return self._not_in_data(None, claim, nd)
        return None

    def _change_direction_claim(self, claim: str, d: Direction, ex: Extraction, periods: list[PeriodMention],
                                up: bool, category: tuple[str, str] = ("total", "all")) -> Verdict:
        """ "Arrivals rose in Q3": judged when the data decides it, even between periods of
        different lengths (a quarter above a whole half-year rose from either of its quarters)."""
        dim, cat = category
        avail = self.d.available(d, dim, cat)
        if not avail:
            raise NotInData("category", category=self.d.label(dim, cat), dimension=self.d.label("dimension", dim),
                            period="—", rows=[], **self.d.dir_values(d))
        a, b = self._pair(periods, avail, claim)
        lo_a, hi_a, in_a = self.d.bounds(d, a, dim, cat)
        lo_b, hi_b, in_b = self.d.bounds(d, b, dim, cat)
        shown = f"{self.d.pl(in_a or a)} {_fmt(hi_a, self.lang)} → {self.d.pl(in_b or b)} {_fmt(hi_b, self.lang)}"
        if hi_a is not None and lo_b > hi_a:
            rose: bool | None = True
        elif hi_b is not None and lo_a > hi_b:
            rose = False
        elif in_a is None and in_b is None:
            rose = None if hi_a == hi_b else hi_b > hi_a  # type: ignore[operator]
        else:
            raise NotInData("undecided", text=self.note("undecided", shown=shown))
        holds = rose if up else (rose is False)
        note = self.note("bounded", period=self.d.pl(a), container=self.d.pl(in_a), value=_fmt(hi_a, self.lang)) if in_a else None
        return Verdict(claim, "matches" if holds else "differs", "direction of change", data_text=shown,
                       period=f"{self.d.pl(a)} → {self.d.pl(b)}", note=note,
                       sources=self.d.source_chain(self.d.figure_source()))

    def _trend_claim(self, claim: str, d: Direction, periods: list[PeriodMention], up: bool,
                     category: tuple[str, str] = ("total", "all")) -> Verdict:
        rows = self.d.runner.run("series", citizens=d.citizens, destination=d.destination, dimension=category[0],
                                 category=category[1])
        years = [m.year for m in periods if m.year]
        quarters = [r for r in rows if r["p_end"] - r["p_start"] == 2 and (not years or r["p_start"] // 12 in years)]
        if len(quarters) < 2:
            raise NotInData("series", what="quarterly", **self.d.dir_values(d))
        rising = all(b["value"] > a["value"] for a, b in zip(quarters, quarters[1:]))
        falling = all(b["value"] < a["value"] for a, b in zip(quarters, quarters[1:]))
        series = ", ".join(f"{self.d.pl(parse_code(r['period']))} {_fmt(r['value'], self.lang)}" for r in quarters)
        self.d.used.extend(r["figure_id"] for r in quarters)
        return Verdict(claim, "matches" if (rising if up else falling) else "differs", "trend", data_text=series,
                       sources=self.d.source_chain(self.d.figure_source()))

    def _majority_claim(self, claim: str, d: Direction, category: tuple[str, str], periods: list[PeriodMention]) -> Verdict:
        """ "Most Russians went on business": more than half of the period's total, which the
        category's own figure decides even where the rest of the breakdown is not published."""
        dim, cat = category
        avail = self.d.available(d, dim, cat)
        if not avail:
            raise NotInData("breakdown", dimension=self.d.label("dimension", dim), period=self.d.pl(self.d.latest(self.d.available(d))
                                                                                                  or Period(2023, 7, 9)),
                            available=[], **self.d.dir_values(d))
        period, assumed = self._period(NumberMention(0, "", 0, 0), periods, avail)
        value, total = self.d.value(d, period, dim, cat), self.d.value(d, period, "total", "all")
        share = 100 * value / total
        v = Verdict(claim, "matches" if share > 50 else "differs", "share", data_value=share,
                    data_text=f"{_fmt_pct(share, self.lang)} ({_fmt(value, self.lang)} / {_fmt(total, self.lang)})",
                    period=self.d.pl(period), direction=self.d.dir_text(d, self.d.what(dim, cat)),
                    note=self.note("assumed_period", period=self.d.pl(period)) if assumed else None)
        v.sources = self.d.source_chain(self.d.figure_source())
        return v

    def _ranking_claim(self, claim: str, ex: Extraction, d: Direction, periods: list[PeriodMention]) -> Verdict:
        dim, cat, _ = ex.categories[0]
        avail = self.d.available(d)
        period, _ = self._period(NumberMention(0, "", 0, 0), periods, avail)
        rows = self.d.breakdown(d, dim, self.d.pieces(period, avail, d, "total"))
        if not rows:
            raise NotInData("breakdown", dimension=self.d.label("dimension", dim), period=self.d.pl(period),
                            available=[], **self.d.dir_values(d))
        col = "rank_asc" if "rank_bottom" in ex.cues and "rank_top" not in ex.cues else "rank_desc"
        second = "rank_second" in ex.cues or re.search(r"\bsecond[- ](?:most|largest|biggest|highest|least)\b", ex.text)
        third = "rank_third" in ex.cues or re.search(r"\bthird[- ](?:most|largest|biggest|highest|least)\b", ex.text)
        place = 2 if second else (3 if third else 1)  # "the second most common"
        leaders = [r for r in rows if r[col] == place]
        if not leaders:
            raise NotInData("breakdown", dimension=self.d.label("dimension", dim), period=self.d.pl(period),
                            available=[], **self.d.dir_values(d))
        holds = any(r["category"] == cat for r in leaders)
        if holds and col == "rank_desc" and place == 1 and (rows[0]["unaccounted"] or 0) > leaders[0]["value"]:
            raise NotInData("breakdown", dimension=self.d.label("dimension", dim), period=self.d.pl(period),
                            available=[], **self.d.dir_values(d))
        names = " / ".join(self.d.label(dim, r["category"]) for r in leaders)
        self.d.used.extend(f for r in leaders for f in r["figure_ids"])
        return Verdict(claim, "matches" if holds else "differs", "ranking",
                       data_text=f"{'↓' if col == 'rank_asc' else '↑'} {names} ({_fmt(leaders[0]['value'], self.lang)})",
                       period=self.d.pl(period), sources=self.d.source_chain(self.d.figure_source()))

    def _rankings(self, text: str, periods: list[PeriodMention]) -> list[Verdict]:
        """Every ranking the sentence states (handlers/claims_rank.py), each in its own scope and
        judged on its period's breakdown, whether or not the sentence also gives figures."""
        out = []
        for _, piece in R.scope(text, self.lang):
            spec = R.read(piece, self.lang)
            if spec is not None:
                v = self._tracked(lambda: self._rank_piece(piece, spec, text, periods))
                if v is not None and v.verdict == "matches" and re.search(R.OVERTOOK[self.lang], piece.lower()):
                    # "air overtook rail": the order is right for the period, but that it changed
                    # needs an earlier breakdown, which the data does not have
                    v = replace(v, verdict="not_in_data", note=self.note("statement_detail", statement=v.data_text))
                if v is not None:
                    out.append(v)
        return out

    def _rank_piece(self, piece: str, spec: R.RankSpec, text: str, periods: list[PeriodMention]) -> Verdict | None:
        """One ranking: the categories its scope names (less those it is said to be ahead of or
        behind) on the breakdown of the period named in the scope, else in the sentence."""
        claim = piece.strip(" .,;—")

        def cats(s: str) -> list[tuple[str, str]]:
            return list(dict.fromkeys((d, i) for d, i, _ in self._no_boat(
                extract(s, self.d.lexicon, self.d.report_date), s).categories))

        above = [c for s in spec.above for c in cats(s)]
        below = [c for s in spec.below for c in cats(s)]
        core = piece.lower()
        for s in spec.above + spec.below:
            core = core.replace(s, " ")
        ranked = [c for c in cats(core) if c not in above + below]
        if not ranked:
            return None
        whole = extract(text, self.d.lexicon, self.d.report_date)
        try:
            dims = {d for d, _ in ranked + above + below}
            d, _ = self.d.direction_for(whole)
            if len(dims) != 1:
                raise NotInData("crosstab", categories=[self.d.label(x, y) for x, y in ranked + above + below],
                                **self.d.dir_values(d))
            dim = dims.pop()
            strange = [w for w in self._unresolved(R.strip(piece, self.lang), [m for m in periods if m.text in piece])
                       if not re.fullmatch(r"\d+|[\d.,]+%?", w)]
            if strange:
                raise NotInData("measure", words=strange[:3])
            avail = self.d.available(d, dim, ranked[0][1])
            if not avail:
                raise NotInData("breakdown", dimension=self.d.label("dimension", dim), period="—", available=[],
                                **self.d.dir_values(d))
            own = [m for m in periods if m.text in piece] or periods
            period, assumed = self._period(NumberMention(0, "", 0, 0), own, avail)
            rows = self.d.breakdown(d, dim, self.d.pieces(period, self.d.available(d), d, "total"))
            if not rows or any(c not in {r["category"] for r in rows} for _, c in ranked + above + below):
                raise NotInData("breakdown", dimension=self.d.label("dimension", dim), period=self.d.pl(period),
                                available=[self.d.pl(p) for p in avail], **self.d.dir_values(d))
            verdict, shown_rows = R.judge(spec, [c for _, c in ranked], [c for _, c in above], [c for _, c in below], rows)
        except NotInData as nd:
            return self._not_in_data(None, claim, nd)
        shown = ", ".join(f"{self.d.label(dim, r['category'])} {_fmt(r['value'], self.lang)}"
                          for r in {r["category"]: r for r in shown_rows}.values())
        self.d.used.extend(f for r in shown_rows for f in r["figure_ids"])
        note = self.note("assumed_period", period=self.d.pl(period)) if assumed else None
        if verdict == "not_in_data":
            remainder = max(0, int(rows[0]["unaccounted"] or 0)) if rows and not spec.published_only else 0
            note = self.note("rank_remainder", remainder=_fmt(remainder, self.lang), shown=shown) if remainder \
                else self.note("undecided", shown=shown)
        return Verdict(claim, verdict, "ranking", data_text=shown, period=self.d.pl(period), note=note,
                       direction=self.d.dir_text(d), sources=self.d.source_chain(self.d.figure_source()))

    def _directions_claim(self, claim: str, citizens: list[str], periods: list[PeriodMention],
                          more: re.Match[str] | None, fewer: re.Match[str] | None,
                          category: tuple[str, str] = ("total", "all")) -> Verdict:
        """ "More Russians than North Koreans travelled on business": the category, both ways."""
        if self.lang == "ko":
            # "러시아인보다 북한 주민이 더 많이": the people before 보다 are the ones compared with.
            first_label = self.d.lexicon.label("country", citizens[0], "people", "ko").lower()
            if re.search(re.escape(first_label) + r"(?:들)?\s*보다", self.text):
                citizens = [citizens[1], citizens[0], *citizens[2:]]
        one = self.d.pick(citizens[0], None, [])[0]
        two = self.d.pick(citizens[1], None, [])[0]
        dim, cat = category
        avail = self.d.available(one, dim, cat)
        if not avail:
            raise NotInData("category", category=self.d.label(dim, cat), dimension=self.d.label("dimension", dim),
                            period="—", rows=[], **self.d.dir_values(one))
        period, _ = self._period(NumberMention(0, "", 0, 0), periods, avail)
        what = self.d.what(dim, cat)
        row = self.d.compare(two, self.d.pieces(period, self.d.available(two, dim, cat), two, what),
                             one, self.d.pieces(period, avail, one, what), dim, cat)
        if more and fewer:
            more = more if more.start() < fewer.start() else None
            fewer = None if more else fewer
        holds = row["diff"] > 0 if more else (row["diff"] < 0 if fewer else row["diff"] == 0)
        return Verdict(claim, "matches" if holds else "differs", "comparison of directions",
                       data_text=f"{self.d.dir_text(one, what)} {_fmt(row['b_value'], self.lang)}; "
                                 f"{self.d.dir_text(two, what)} {_fmt(row['a_value'], self.lang)}",
                       period=self.d.pl(period), sources=self.d.source_chain(self.d.figure_source()))

    def _categories_claim(self, claim: str, d: Direction, cats: list[tuple[str, str]], periods: list[PeriodMention],
                          more: bool, fewer: bool) -> Verdict:
        """ "more came by road than by train", "as many for personal reasons as for maintenance"."""
        dim = cats[0][0]
        avail = self.d.available(d)
        period, _ = self._period(NumberMention(0, "", 0, 0), periods, avail)
        rows = self.d.breakdown(d, dim, self.d.pieces(period, avail, d, "total"))
        values = {}
        for _, cid in cats:
            row = next((r for r in rows if r["category"] == cid), None)
            if row is None:
                raise NotInData("category", category=self.d.label(dim, cid), dimension=self.d.label("dimension", dim),
                                period=self.d.pl(period), rows=[{**r, "label": self.d.label(dim, r["category"])} for r in rows],
                                **self.d.dir_values(d))
            values[cid] = row["value"]
            self.d.used.extend(row["figure_ids"])
        first, second = (values[c] for _, c in cats)
        if self.lang == "ko" and more and re.search(r"보다", self.text):
            # Korean names the compared-with category first: "A보다 B가 많다" claims B > A, but
            # "B가 A보다 많다" claims B > A too; the category before 보다 is the one compared with.
            idx = self.text.find("보다")
            before_names = [c for _, c in cats if self.text.find(self.d.label(dim, c, "label").lower()) < idx]
            if len(before_names) == 1 and before_names[0] == cats[0][1]:
                first, second = second, first
        holds = first > second if more else (first < second if fewer else first == second)
        shown = "; ".join(f"{self.d.label(dim, c)} {_fmt(values[c], self.lang)}" for _, c in cats)
        return Verdict(claim, "matches" if holds else "differs", "comparison of categories", data_text=shown,
                       period=self.d.pl(period), sources=self.d.source_chain(self.d.figure_source()))

    def _periods_claim(self, claim: str, text: str, d: Direction, mentions: list[PeriodMention],
                       more: bool, fewer: bool, category: tuple[str, str] = ("total", "all")) -> Verdict:
        """ "Q1 2023 saw fewer arrivals than the whole of 2022"; "... than in any of the first three quarters"."""
        dim, cat = category
        avail = self.d.available(d)
        resolved = [p for _, p in self.d.resolve_pairs(mentions, avail)]
        if len(resolved) < 2:
            raise NotInData("series", what="total", **self.d.dir_values(d))
        first, second = resolved[:2]
        if len(resolved) > 2 and re.search(r"\b(?:combined|together|put together|taken together|in total)\b|вместе|합친|합쳐", text):
            rest = sorted(resolved[1:])
            if all(b.start == a.end + 1 for a, b in zip(rest, rest[1:])):
                second = Period(rest[0].start, rest[-1].end)  # "Q1 and Q2 combined" is the first half
        each = re.search(W.ANY_OF[self.lang], text) is not None
        seconds = self.d.pieces(second, avail, d, "total") if each else [second]
        other_dim, other_cat = dim, cat
        if dim != "total":
            # "air arrivals in Q3 were lower than the total for Q2": the compared-with side names its
            # own measure, the period's total
            than = {"en": rf"\bthan\b|{W.MORE['en']}|{W.FEWER['en']}", "ru": rf"\bчем\b|{W.MORE['ru']}|{W.FEWER['ru']}",
                    "ko": r"보다"}[self.lang]
            split = re.split(than, text, maxsplit=1)
            side = (split[0].rsplit(",", 1)[-1] if self.lang == "ko" else split[1]) if len(split) == 2 else ""
            if re.search(W.TOTAL_SIDE[self.lang], side.lower()):
                other_dim, other_cat = "total", "all"
        shown, holds = [], True
        almost = re.search(W.ALMOST_AS_MANY[self.lang], text) is not None
        first_value = self.d.value(d, first, dim, cat)
        for other in seconds:
            other_value = self.d.value(d, other, other_dim, other_cat)
            diff = first_value - other_value
            if more:
                ok = diff > 0
            elif fewer:
                ok = diff < 0
            elif almost:
                ok = other_value * 0.9 <= first_value < other_value
            else:
                ok = diff == 0
            holds = holds and ok
            total_word = {"en": "total", "ko": "전체", "ru": "всего"}[self.lang]
            shown.append(f"{self.d.pl(other)} {_fmt(other_value, self.lang)}" + ("" if other_dim == dim else f" ({total_word})"))
        return Verdict(claim, "matches" if holds else "differs", "comparison of periods",
                       data_text=f"{self.d.pl(first)} {_fmt(first_value, self.lang)}; " + "; ".join(shown),
                       sources=self.d.source_chain(self.d.figure_source()))


# --- tolerance ------------------------------------------------------------------------------------

# Verbs that only say where a dated span begins or ends ("ended on 18 January", "продолжался с 14
# по 18"): once the days are judged, they say nothing more.
_SPAN_VERBS = (r"\b(?:began|begun|begins|started|starts|ended|ends|ending|finished|concluded|lasted|ran|wrapped\s+up|"
               r"arrived|arriving|landed|left|departed)\b"
               r"|\b(?:начал\w*|закончил\w*|завершил\w*|окончил\w*|продолжал\w*|длил\w*|прибыл\w*|приехал\w*|покинул\w*)"
               r"|(?:시작\w*|끝나\w*|끝난|마무리\w*|일정으로|일정|도착\w*|머물\w*|떠났\w*|출국\w*)")


_START_VERBS = (r"\b(?:arriv\w*|landed|began|begun|begins|started|starts|opened|kicked\s+off)\b|\b(?:прибыл\w*|приехал\w*|начал\w*)"
                r"|도착|시작")
_END_VERBS = (r"\b(?:ended|ends|ending|finished|concluded|wrapped\s+up|left|departed|flew\s+home)\b"
              r"|\b(?:завершил\w*|закончил\w*|окончил\w*|покинул\w*|уехал\w*|улетел\w*)|떠났|떠난|출국|마쳤|끝났|마무리")


def _day_role(before: str, after: str) -> str | None:
    """Which end of a span a day of the month is ("from 14", "began on 14", "14일부터", "с 14" the
    start; "to 18", "ended on 18", "18일까지", "по 18" the end), or None for a day on its own."""
    if re.search(r"(?:\b(?:from|began|begun|begins|started|starts|starting|opened|arrived|landed)(?:\s+on)?(?:\s+the)?|"
                 r"\bс[о]?|\b(?:начал\w*|прибыл\w*|приехал\w*))\s*$", before) \
            or re.match(r"\s*(?:일\s*)?부터|\s*(?:-|–|to|по|~)\s*\d|\s*일\s*(?:\S+에\s*)?도착"
                        r"|\s*(?:" + _RU_MONTHS + r")\w*\s+(?:начал|прибыл|приехал)", after):
        return "start"
    if re.search(r"(?:\b(?:to|until|till|through|ended|ends|ending|finished|concluded|closed|left|departed|wrapped\s+up)"
                 r"(?:\s+on)?(?:\s+the)?|\bпо|\bдо|-|–|~|\b(?:завершил\w*|закончил\w*|окончил\w*|покинул\w*))\s*$", before) \
            or re.match(r"\s*(?:일\s*)?까지|\s*일\s*(?:\S+\s*)?(?:떠났|출국|마쳤|끝났)"
                        r"|\s*(?:" + _RU_MONTHS + r")\w*\s+(?:завершил|закончил|покинул)", after):
        return "end"
    return None


def _negated_verbs(text: str) -> set[str]:
    """The English words a negation is attached to ("did not meet" -> meet, "never met" -> met,
    "not yet show" -> show), stemmed; the words between that do not carry the meaning are skipped."""
    out = set()
    for m in re.finditer(r"(?:\bnot|\bnever|\bno\s+longer|n't)\s+(?:(?:ever|yet|really|even|be|been|have|has|had|"
                         r"always|actually|necessarily|at\s+all)\s+)*([a-z]+)", text.lower()):
        out.add(_stem(m.group(1), "en"))
    # Doubting a proposition negates its verb: "doubts (that) they will ever return" is "does not
    # think they will return" (W.DOUBT).
    for m in re.finditer(W.DOUBT["en"], text.lower()):
        out.add(_stem(m.group(1), "en"))
    return out


def rounding_unit(n: NumberMention) -> float:
    """The rounding a number's own digits imply: 370 -> 10, 350 -> 50, 400 -> 100, 71.4 -> 0.1."""
    if n.decimals:
        return 10.0 ** -n.decimals
    value = int(round(n.value))
    if value == 0:
        return 1.0
    zeros = len(str(value)) - len(str(value).rstrip("0"))
    unit = 10.0 ** zeros
    significant = str(value).rstrip("0")
    if significant[-1] == "5" and len(significant) == 2:
        unit *= 5  # "350" and "150" are rounded to fifties, "25" to fives; "545" is exact
    return unit


def _agrees(n: NumberMention, data: float) -> bool:
    """Does the data bear out a claimed value, read with its hedge and its own precision?"""
    claimed, hedge = n.value, n.hedge
    if n.multiplier:
        return Q.multiplier_agrees(claimed, hedge, n.decimals, data)  # named tolerances per hedge
    if n.fraction:
        return Q.fraction_agrees(claimed, hedge, data, majority=n.text in MAJORITY_WORDS)
    unit = rounding_unit(n)
    gap = data - claimed
    if hedge == "exact":
        return abs(gap) < 0.5 * 10 ** -n.decimals - 1e-9 or (n.decimals == 0 and _half_up(data) == claimed)
    if hedge == "about":
        # A round number ("about 150 %") is also held to a few per cent of the truth: 138.6 % rounds
        # to 150 at its own precision, but no reader takes "about 150" for it.
        return abs(gap) <= unit / 2 + 1e-9 and (unit <= 1 or abs(gap) <= ABOUT_MAX_RELATIVE * max(abs(data), 1e-9))
    if hedge in ("near_below", "near_above") and unit == 1 and not n.decimals:
        # "a little under 215" for 213: a number written to the unit leaves no room below or above
        # it at its own precision, so "a little" is read as within one per cent either way (2 for 215)
        unit = 2 * max(1.0, 0.01 * claimed)
    if hedge == "near_below":
        return -unit / 2 - 1e-9 <= gap <= 0 and -gap <= NEAR_MAX_RELATIVE * claimed + 1e-9
    if hedge == "near_above":
        return 0 < gap <= unit / 2 + 1e-9 and gap <= NEAR_MAX_RELATIVE * claimed + 1e-9
    if hedge == "gt":
        return claimed < data <= claimed + unit
    if hedge == "ge":
        return claimed <= data < claimed + unit
    if hedge == "lt":
        return claimed - unit <= data < claimed
    if hedge == "le":
        return claimed - unit < data <= claimed
    return False


def _half_up(x: float) -> float:
    return float(int(x + 0.5)) if x >= 0 else -float(int(-x + 0.5))


def _digit_slip(n: NumberMention, data: float) -> tuple[str, str] | None:
    """ "312" for 213: the same digits in another order; "363" for 365: one digit off; "3650"
    for 365: a digit too many. Only for numbers written with the same precision as the data."""
    if n.multiplier or n.fraction:
        return None
    claimed = f"{n.value:.{n.decimals}f}".replace(".", "")
    actual_text = f"{abs(data):.{n.decimals}f}"
    actual = actual_text.replace(".", "")
    if claimed == actual or len(actual) < 2:
        return None
    if len(claimed) == len(actual):
        if sorted(claimed) == sorted(actual):
            return "digits_swapped", actual_text
        if sum(a != b for a, b in zip(claimed, actual)) == 1:
            return "one_digit_off", actual_text
    elif abs(len(claimed) - len(actual)) == 1:
        longer, shorter = (claimed, actual) if len(claimed) > len(actual) else (actual, claimed)
        if any(longer[:i] + longer[i + 1:] == shorter for i in range(len(longer))):
            return ("extra_digit" if len(claimed) > len(actual) else "missing_digit"), actual_text
    return None


_SLOT_WHERE = {
    "date": r"\b(?:19|20)\d\d\b|" + _MONTHS_EN + "|" + _RU_MONTHS + r"|\d+\s*월",
    "duration": r"\d+\s*(?:months?|years?|개월|년\s*(?:안|이내|내)|месяц|год|лет)|"
                r"(?:one|two|three|four)\s+(?:to\s+\w+\s+)?(?:months?|years?)|(?:двух|одного|трёх|трех)\s+лет",
    "amount": r"hundreds?|thousands?|dozens?|수백|수천|수십|сотн|тысяч|десятк",
}
_SLOT_GROUP = {"year": "date", "month": "date", "days": "date", "amount": "amount", "duration": "duration",
               "stance": "stance", "size": "size"}


def _compare_slots(claim: W.Slots, fact: W.Slots) -> tuple[str, str | None]:
    """("matches" | "differs" | "partial", what differs): slots both state, compared."""
    diffs = []
    partial = False
    if claim.amount and fact.amount:
        agree = W.amounts_agree(claim.amount, fact.amount)
        if agree is False:
            diffs.append("amount")
        elif agree is None:
            partial = True
    if claim.duration and fact.duration and claim.duration != fact.duration \
            and not (claim.duration[0] == claim.duration[1] == fact.duration[1]):
        diffs.append("duration")  # "within two years" says what "within one to two years" does
    for k in ("year", "month", "days", "stance", "size"):
        a, b = getattr(claim, k), getattr(fact, k)
        if k == "stance" and a is not None and b is not None and not W.same_stance_family(a, b):
            partial = True  # "signed" said of a statement whose stance is "deny": not a verdict on it
            continue
        if k == "stance" and (a, b) == ("signed", "talks"):
            # "signed contracts", "agreed the date" for what the report says was discussed: the
            # outcome of talks, which the report does not give either way (nor the dates of that
            # outcome: "fixed a date for it in June" is not the January of the talks)
            return "partial", None
        if a is not None and b is not None and a != b:
            if k == "days" and a[0] == a[1] and b[0] <= a[0] <= b[1]:
                partial = True  # "on 15 January" is within the visit, but the report does not say that day
                continue
            diffs.append(k)
    if diffs:
        return "differs", ", ".join(diffs)
    return ("partial" if partial else "matches"), None


_STOP = {
    "en": {"that", "which", "who", "whom", "will", "would", "could", "likely", "probably", "both", "have", "has", "had",
           "been", "being", "are", "was", "were", "its", "their", "them", "they", "this", "these", "those", "there",
           "than", "into", "from", "with", "also", "recently", "lately", "still", "already", "currently", "said",
           "says", "say", "told", "according", "reported", "report", "reports", "estimated", "estimates", "estimate",
           "predicted", "predicts", "predict", "believe", "believes", "believed", "expects", "expected", "think",
           "thinks", "stated", "noted", "argued", "claimed", "put", "puts", "professor", "numbered", "number",
           "real", "actual", "the", "and", "nor", "neither", "either", "not", "none", "some", "many", "much", "ran",
           "run", "runs", "into", "would", "should", "might", "may", "can", "did", "does", "not", "yet", "although",
           "though", "whole", "state", "states", "member", "obligations", "obligation", "analysis", "analyzed",
           "analysed", "signalled", "signaled", "signal", "indicated", "wants", "want", "wanted", "also", "site",
           "seen", "spotted", "employed", "working", "worked", "work", "workers", "worker", "labourers", "labor",
           "requirement", "requirements", "duty", "duties", "facing", "faced",
           "labour", "north", "south", "korean", "koreans", "russian", "russians", "published", "publish",
           "possible", "possibly", "potential", "remain", "remains", "remained", "yet"},
    "ko": {"것", "것으로", "것이라고", "있는", "있다", "했다", "했다고", "있다고", "이라고", "라고", "고", "이다", "였다", "이었다",
           "모두", "한", "등", "및", "그", "이", "중", "수", "때", "더", "보도됐다", "보도했다", "밝혔다", "말했다", "교수는",
           "교수", "일하고", "일하는", "현장에서", "하고", "향후", "앞으로", "아직", "여전히", "이번", "이번에"},
    "ru": {"что", "как", "это", "его", "их", "она", "они", "был", "была", "было", "были", "будет", "будут", "который",
           "которые", "также", "уже", "ещё", "еще", "все", "оба", "обе", "считает", "считают", "заявил", "сказал",
           "профессор", "профессора", "эксперт", "эксперты", "однако", "хотя", "впрочем", "тем", "менее", "пока", "всё", "издание", "издания", "изданию",
           "такой"},
}


def _words_and_tokens(text: str) -> list[tuple[str, str]]:
    """Each word of a text with the token the lexicon indexes it by: Russian verbs are told by
    their endings, which lemmas take off ("полагает" -> "полагать"). Korean is analysed as a
    whole sentence (the analyser reads a word by its context), a predicate noun marked by the
    하다/되다 that follows it."""
    if re.search(r"[\uac00-\ud7a3]", text):
        toks = tokens(normalise(text))
        return [((t + "다") if i + 1 < len(toks) and toks[i + 1] in ("하다", "되다") else t, t)
                for i, t in enumerate(toks)]
    out = []
    for word in re.findall(r"[\w'-]+", normalise(text)):
        for t in tokens(word):
            out.append((word, t))
    return out


def _stem(token: str, lang: str) -> str:
    """A comparison key for a word: English and Korean by their first letters, Russian as stemmed."""
    if re.search(r"[\uac00-\ud7a3]", token):
        return token[:2]
    if re.search(r"[а-яё]", token):
        return token[:6]
    return token[:5] if len(token) > 5 else token


def _fmt(value: Any, lang: str) -> str:
    if value is None:
        return "—"
    text = f"{int(value):,}" if float(value).is_integer() else f"{value:,.1f}"
    return text.replace(",", "\u00a0").replace(".", ",") if lang == "ru" else text


def _fmt_signed(value: Any, lang: str) -> str:
    text = _fmt(abs(value), lang)
    return ("+" if value >= 0 else "−") + text


def _fmt_pct(value: Any, lang: str, signed: bool = False) -> str:
    text = f"{abs(value) if signed else value:.1f}"
    if lang == "ru":
        text = text.replace(".", ",") + "\u00a0%"
    else:
        text += "%"
    return (("+" if value >= 0 else "−") + text) if signed else text


def _fmt_rate(value: float, lang: str) -> str:
    text = f"{value:.1f}"
    return text.replace(".", ",") if lang == "ru" else text


def _fmt_ratio(value: Any, lang: str) -> str:
    text = f"{value:.2f}"
    return {"en": f"{text} times", "ko": f"{text}배", "ru": f"в {text.replace('.', ',')} раза"}[lang]


_CLAUSE_RE = {
    "en": re.compile(r"[,;:]\s+|\s+(?:and|but|while|whereas|or)\s+"),
    "ko": re.compile(r"[,;:]\s+|(?:고|며|지만|으나|는데)\s+"),
    "ru": re.compile(r"[;:]\s+|,\s+(?=(?:а|но|и|тогда как|в то время как|причём|причем|при этом|притом)\s)|,\s+(?=(?:большинство|в основном|главным образом)\s)|\s+(?:и|а|но)\s+(?=(?:ещ[её]\s+)?(?:(?:на|в|примерно|около|почти|приблизительно)\s+){0,2}\d)"),
}


def _clause_bounds(text: str, n: NumberMention, lang: str = "en") -> tuple[int, int]:
    """Start and end of the clause around a number: between commas, semicolons or "and"."""
    pattern = _CLAUSE_RE[lang]
    if lang == "en":
        # "between Q1 and Q2" is one phrase, not two clauses
        text = re.sub(r"\b(between\s+[^,;]{1,30}?\s+)and(\s+)", lambda m: m.group(1) + "~~~" + m.group(2), text)
        # "air and rail together carried 347": one phrase naming the categories counted together
        text = re.sub(r"(\s)and(\s+[\w-]+(?:\s+[\w-]+){0,2}\s+(?:together|combined)\b)", lambda m: m.group(1) + "~~~" + m.group(2), text)
        # "Together, education and personal visitors made up 12.9 %": the same, with the word first
        text = re.sub(r"^(\s*(?:together|combined|taken together|between them),\s+[^,;]*?\s)and(\s)",
                      lambda m: m.group(1) + "~~~" + m.group(2), text)
    starts = [0] + [m.end() for m in pattern.finditer(text) if m.end() <= n.start]
    ends = [m.start() for m in pattern.finditer(text) if m.start() >= n.end]
    return max(starts), (min(ends) if ends else len(text))


def _split_clauses(text: str, lang: str) -> list[str]:
    """The clauses of a text, with "between Pyongyang and Vladivostok" kept as one phrase."""
    if lang == "en":
        text = re.sub(r"\b(between\s+[^,;]{1,30}?\s+)and(\s+)", lambda m: m.group(1) + "~~~" + m.group(2), text)
    return [c.replace("~~~", "and") for c in _CLAUSE_RE[lang].split(text)]


def _clause(text: str, n: NumberMention, lang: str = "en") -> str:
    """The clause around a number, for quoting it back."""
    a, b = _clause_bounds(text, n, lang)
    return text[a:b].strip(" .,;")


def _sentences(text: str) -> list[str]:
    parts = re.split(r"(?<=[.!?])['\"”’]*\s+(?=[A-ZА-ЯЁ0-9\"“'‘«\uac00-\ud7a3])|\n+|;\s+(?=[A-ZА-ЯЁ])", text.strip())
    return [p for p in parts if p.strip()]
