"""Claim check: every figure in a journalist's sentence, checked against the data.

A sentence is read number by number. Each number is tied to the measure it claims (a total, a
category count, a difference, a percentage change, a share, a ratio), using the entities near it
and, where it names none, those of the whole sentence. The data value is computed by the same
named SQL queries as answers, and the verdict allows for the sentence's own rounding and hedges
("about 70 %", "more than 360", "nearly doubled"). Sentences without numbers are checked for the
qualitative claims the data settles (which direction was larger, what was most common, whether
arrivals rose every quarter).

The one rule that matters: "matches" is only ever said of a figure the data has. Anything the
data does not cover is "not in the data", with what it does cover.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from handlers.extract import Extraction, extract
from handlers.lexicon import normalise
from handlers.periods import Period, PeriodMention, find_periods, fix_period_typos, parse_code
from handlers.pipeline import Direction, NoData, Pipeline
from handlers.queries import QueryRunner

ABOUT_TOLERANCE = 0.05  # "about 70 %": within 5 % of the claimed value
NEAR_WINDOW = 24  # characters around a number in which its unit and hedge words are read

_HEDGE_BEFORE = [
    ("more than", "gt"), ("over", "gt"), ("above", "gt"), ("exceeding", "gt"), ("upwards of", "gt"),
    ("at least", "ge"), ("no fewer than", "ge"), ("no less than", "ge"),
    ("fewer than", "lt"), ("less than", "lt"), ("under", "lt"), ("below", "lt"),
    ("at most", "le"), ("up to", "le"), ("no more than", "le"),
    ("nearly", "near_below"), ("almost", "near_below"), ("just under", "near_below"), ("close to", "about"),
    ("just over", "near_above"), ("just above", "near_above"), ("slightly more than", "near_above"),
    ("about", "about"), ("around", "about"), ("roughly", "about"), ("approximately", "about"), ("approx", "about"),
    ("some", "about"), ("an estimated", "about"), ("circa", "about"), ("~", "about"),
]
_UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
          "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
          "seventeen": 17, "eighteen": 18, "nineteen": 19}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_SCALES = {"hundred": 100, "thousand": 1000}
_NUMBER_WORDS = set(_UNITS) | set(_TENS) | set(_SCALES) | {"and", "a"}
_WORDS_RE = re.compile(r"\b(?:a dozen|(?:(?:" + "|".join(sorted(set(_UNITS) | set(_TENS) | set(_SCALES), key=len, reverse=True))
                       + r")(?:[\s-]+(?:and[\s-]+)?)?)+)\b")
_MULTIPLIERS = {"doubled": 2.0, "double": 2.0, "twofold": 2.0, "two-fold": 2.0, "tripled": 3.0, "triple": 3.0,
                "threefold": 3.0, "three-fold": 3.0, "quadrupled": 4.0, "fourfold": 4.0, "halved": 0.5}
_FRACTIONS = {"half": 50.0, "a third": 100 / 3, "one third": 100 / 3, "two-thirds": 200 / 3, "two thirds": 200 / 3,
              "three-quarters": 75.0, "three quarters": 75.0, "a majority": 50.0}
_NUM_RE = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?)(?![\w])")
_DURATION_RE = re.compile(r"^\s*(?:-\s*)?(?:months?|years?|days?|weeks?|hours?)\b")


def words_to_number(phrase: str) -> int | None:
    """"three hundred and sixty-five" -> 365; "a dozen" -> 12; None if it is not a number."""
    phrase = phrase.strip().lower()
    if phrase == "a dozen":
        return 12
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

    def as_json(self) -> dict[str, Any]:
        return {"claim": self.claim, "verdict": self.verdict, "measure": self.measure, "claimed": self.claimed,
                "claimed_value": self.claimed_value, "data_value": self.data_value, "period": self.period,
                "direction": self.direction, "note": self.note}


class ClaimChecker:
    """Checks sentences against one pipeline's data."""

    def __init__(self, pipeline: Pipeline) -> None:
        self.p = pipeline

    # --- entry point ------------------------------------------------------------------------------

    def check(self, text: str) -> list[Verdict]:
        verdicts: list[Verdict] = []
        for sentence in _sentences(text[:4000]):
            verdicts.extend(self._check_sentence(sentence))
        return verdicts

    def render(self, text: str) -> tuple[str, list[Verdict]]:
        verdicts = self.check(text)
        html = self.p.renderer.html("claims", self.p.lang, verdicts=verdicts, coverage=self.p.coverage_rows(),
                                    version=self.p.snapshot.version)
        return html, verdicts

    # --- sentences ----------------------------------------------------------------------------------

    _text: str = ""  # the normalised sentence being checked, for clause lookups
    _from_to: dict[int, int] = {}  # "from N1 to N2": number position -> 0 (earlier) or 1 (later)

    def _check_sentence(self, sentence: str) -> list[Verdict]:
        # "2,000 people" is a count, not the year 2000: remember numbers written with separators.
        separated = {m.replace(",", "") for m in re.findall(r"\d{1,3}(?:,\d{3})+", sentence)}
        text = fix_period_typos(normalise(sentence))
        text = self._numbers_from_words(text)
        periods = [m for m in find_periods(text, self.p.report_date)
                   if not (m.kind == "year" and str(m.year) in separated and str(m.year) in m.text)]
        self._text = text
        numbers = self._numbers(text, periods, separated)
        self._from_to = {}
        for m in re.finditer(r"\bfrom\s+(?:about\s+|around\s+)?(\d+(?:\.\d+)?)\b[^\d]{0,40}?\bto\s+(?:about\s+|around\s+)?(\d+(?:\.\d+)?)\b", text):
            self._from_to[m.start(1)] = 0
            self._from_to[m.start(2)] = 1
        whole = extract(text, self.p.lexicon, self.p.report_date)
        if not numbers:
            qualitative = self._qualitative(text, whole, periods)
            return [qualitative] if qualitative else []
        out = []
        for i, n in enumerate(numbers):
            lo, hi = _clause_bounds(text, n)
            lo = max(lo, numbers[i - 1].end if i > 0 else 0)
            hi = min(hi, numbers[i + 1].start if i + 1 < len(numbers) else len(text))
            out.append(self._check_number(text, n, text[lo:n.start], text[n.end:hi], whole, periods, len(numbers)))
        return out

    def _numbers_from_words(self, text: str) -> str:
        """Write number words as digits so one path reads both ("three hundred" -> "300")."""
        def repl(m: re.Match[str]) -> str:
            if re.match(r"[\s-]*(thirds?|quarters|halves)\b", text[m.end():]):
                return m.group(0)  # "two-thirds", "three-quarters" are fractions, read later
            phrase = m.group(0).strip()
            value = words_to_number(phrase.rstrip(" -"))
            if value is None or phrase in ("a", "and") or re.fullmatch(r"(one|a)", phrase):
                return m.group(0)
            tail = m.group(0)[len(m.group(0).rstrip()):]
            return f"{value}{tail}"
        return _WORDS_RE.sub(repl, text)

    def _numbers(self, text: str, periods: list[PeriodMention], separated: set[str]) -> list[NumberMention]:
        taken = [p.span for p in periods]
        found: list[NumberMention] = []
        for m in _NUM_RE.finditer(text):
            a, b = m.span()
            if any(s <= a < e for s, e in taken):
                continue  # part of "Q3 2023"
            before = text[max(0, a - NEAR_WINDOW):a]
            after = text[b:b + NEAR_WINDOW]
            if re.search(r"(resolution|res\.?|unscr|no\.?)\s*$", before):
                continue  # "Resolution 2397": a name, not a figure
            if _DURATION_RE.match(after) and re.search(r"resolution|repatriat|sanction|within|deadline", text):
                continue  # "within 24 months" of the resolution: a fact, not a figure of the data
            if re.match(r"\s*(?:-|to|–)\s*\d+\s*(?:january|february|march|april|may|june|july|august|september|"
                        r"october|november|december)", after) or re.match(
                        r"\s*(?:january|february|march|april|may|june|july|august|september|october|november|december)\b",
                        after):
                continue  # "14 to 18 January": a date
            value = float(m.group(1))
            if 1900 <= value <= 2100 and "." not in m.group(1) and m.group(1) not in separated:
                continue  # a year the period parser did not take ("in 2022 alone")
            percent = bool(re.match(r"\s*(%|percent|per cent|pct)", after))
            times = re.match(r"\s*(times|x\b|-fold|fold)", after)
            n = NumberMention(value, m.group(1) + ("%" if percent else ""), a, b, percent=percent,
                              multiplier=bool(times), decimals=len(m.group(1).partition(".")[2]))
            n.hedge = _hedge(before)
            found.append(n)
        for word, factor in _MULTIPLIERS.items():
            for m in re.finditer(rf"\b{word}\b", text):
                before = text[max(0, m.start() - NEAR_WINDOW):m.start()]
                found.append(NumberMention(factor, word, m.start(), m.end(), multiplier=True, hedge=_hedge(before),
                                           decimals=1))
        for word, pct in _FRACTIONS.items():
            for m in re.finditer(rf"\b{word}\b", text):
                if any(s <= m.start() < e for s, e in taken):
                    continue  # "the first half of 2023" is a period, not a share
                after = text[m.end():m.end() + 12]
                if not re.match(r"\s*(of|the)\b", after):
                    continue
                before = text[max(0, m.start() - NEAR_WINDOW):m.start()]
                hedge = _hedge(before)
                found.append(NumberMention(pct, word, m.start(), m.end(), percent=True,
                                           hedge="gt" if word == "a majority" else (hedge if hedge != "exact" else "about"),
                                           decimals=0))
        found.sort(key=lambda n: n.start)
        return found

    # --- numbers ------------------------------------------------------------------------------------

    def _check_number(self, text: str, n: NumberMention, before: str, after: str, whole: Extraction,
                      periods: list[PeriodMention], count: int) -> Verdict:
        # What a number counts is usually named right after it ("7,000 came by train"), else just
        # before it ("business accounted for 69%"), else once for the whole sentence.
        forward = extract(after, self.p.lexicon, self.p.report_date)
        backward = extract(before, self.p.lexicon, self.p.report_date)
        local = forward if (forward.categories or forward.countries) else backward
        runner = QueryRunner(self.p.snapshot, self.p.queries)
        claim_text = _clause(text, n)
        try:
            # What a number counts is named in the few words after it: "120 were women", "30 days",
            # "3 flights a week". An unknown word or another measure there is not in the data.
            head = forward.toks[:MEASURE_WORDS]
            strange = [w for w in head if w in forward.unknown and w not in ("per", "cent")]
            strange += [" ".join(k) for k in zip(head, head[1:]) if _is_other_measure(self.p, k)]
            strange += [w for w in head if _is_other_measure(self.p, (w,))] + forward.slot_unknown  # "for medical treatment"
            if strange and not n.multiplier:
                # "120 were women", "30 days", "3 flights a week": a measure the data does not have.
                raise NoData("measure", words=strange[:3])
            if whole.exits:
                raise NoData("measure", words=["departures"])
            clause_facts = extract(claim_text, self.p.lexicon, self.p.report_date).facts
            if clause_facts and clause_facts[0][1] >= FACT_CLAIM_WEIGHT and not n.percent:
                return self._fact_claim(n, claim_text, clause_facts[0][0])
            dims = local.dimensions or whole.dimensions
            if dims and re.search(r"\b(add|adds|added|sum|sums|summed|total|totals|come|comes)\s+(up\s+)?to\s*$", before):
                return self._breakdown_sum(n, claim_text, runner, whole, dims[0], periods)
            total_of = re.search(r"\b(of|out of|among|from|total of|all)\s+(the\s+)?$", before) and not n.percent
            direction, directions = self._directions(local, whole)
            categories = [] if total_of else (
                [(d, i) for d, i, _ in forward.categories] or [(d, i) for d, i, _ in backward.categories]
                or ([(d, i) for d, i, _ in whole.categories] if len(whole.categories) == 1 and (count == 1 or n.percent) else []))
            context = text[max(0, n.start - 40):n.end + 40]
            context = re.sub(r"\b(made|make|makes|making|up to)\s+up\b|\bup to\b", " ", context)  # "made up 90 %" is a share
            change = bool(re.search(r"\b(rose|rise|risen|rising|increase[sd]?|grew|grow|growth|jump(ed)?|up|surge[sd]?|"
                                    r"fell|fall|drop(ped)?|decline[sd]?|down|decrease[sd]?|more than doubled|"
                                    r"climb(ed)?|soar(ed)?|higher|lower|more|fewer|less)\b", context))
            if n.multiplier:
                return self._ratio(n, claim_text, runner, direction, directions, categories, periods)
            if n.percent and (change and re.search(r"\b(rise|rose|increase|grew|growth|jump|up|surge|fell|fall|drop|"
                                                   r"decline|down|decrease|higher|lower|climb|soar)", context)):
                return self._change(n, claim_text, runner, direction, categories, periods, "pct")
            if n.percent:
                if re.search(r"year[- ]on[- ]year|y/y|\byoy\b|a year (earlier|before)|same (quarter|period)", text):
                    raise NoData("measure", words=["year-on-year change"])
                return self._share(n, claim_text, runner, direction, categories, periods)
            diff_words = re.search(rf"{re.escape(n.text)}\s+(more|fewer|less|additional|extra)\b|"
                                   rf"\b(rose|risen|increased|grew|jumped|climbed|fell|dropped|declined|decreased|up|down)"
                                   rf"\s+by\s+{re.escape(n.text)}\b|(increase|rise|jump|drop|fall|decline) of\s+{re.escape(n.text)}",
                                   text)
            if diff_words:
                if len(directions) == 2:
                    return self._direction_diff(n, claim_text, runner, directions, categories, periods)
                return self._change(n, claim_text, runner, direction, categories, periods, "diff")
            return self._count(n, claim_text, runner, direction, categories, periods)
        except NoData as nd:
            return self._not_in_data(n, claim_text, nd)

    def _directions(self, local: Extraction, whole: Extraction) -> tuple[Direction, list[Direction]]:
        citizens = []
        for m in whole.countries:
            if m.role == "citizens" and m.id not in citizens:
                citizens.append(m.id)
        pair = [self.p._pick_direction(c, None, [])[0] for c in citizens[:2]] if len(citizens) >= 2 else []
        source = local if local.countries else whole
        direction, _ = self.p.direction_for(source)
        return direction, pair

    def _period(self, n: NumberMention, periods: list[PeriodMention], avail: list[Period],
                text: str = "") -> tuple[Period, bool]:
        """The period a number refers to: the nearest period phrase in its clause, else in the
        sentence, else the latest in the data (and the verdict says so)."""
        real = self.p.resolve_pairs(periods, avail)
        if n.start in self._from_to and len({p for _, p in real}) >= 2:
            # "from 153 to 213": the first number is the earlier period's, the second the later's.
            ordered = sorted({p for _, p in real})
            return (ordered[0] if self._from_to[n.start] == 0 else ordered[-1]), False
        if text and n.end:
            lo, hi = _clause_bounds(text, n)
            in_clause = [(m, p) for m, p in real if lo <= m.span[0] < hi]
            real = in_clause or real
        if real:
            def distance(mp: tuple[PeriodMention, Period]) -> tuple[int, int]:
                m = mp[0]
                if m.span[0] >= n.end:
                    return (m.span[0] - n.end, 0)
                return (n.start - m.span[1] + 8, 1)  # a period after the number is its period more often
            return min(real, key=distance)[1], False
        latest = self.p.latest(avail)
        if latest is None:
            raise NoData("series", what="total", **self.p._dir_values(self.p.default_direction))
        return latest, True

    def _value(self, runner: QueryRunner, d: Direction, period: Period, dim: str, cat: str) -> tuple[int, list[str]]:
        avail = self.p.available(runner, d, dim, cat)
        if dim != "total" and not avail:
            raise NoData("category", category=self.p.lexicon.label(dim, cat), dimension=self.p.lexicon.label("dimension", dim),
                         period=period.label, rows=[], **self.p._dir_values(d))
        parts = self.p.pieces(period, avail, d, self.p._what(dim, cat))
        row = runner.one("sum_periods", citizens=d.citizens, destination=d.destination, dimension=dim, category=cat,
                         periods=[p.code for p in parts])
        assert row is not None and row["value"] is not None
        return row["value"], row["figure_ids"]

    def _count(self, n: NumberMention, claim: str, runner: QueryRunner, d: Direction,
               categories: list[tuple[str, str]], periods: list[PeriodMention]) -> Verdict:
        dim, cat = categories[0] if len(categories) == 1 else ("total", "all")
        if len(categories) > 1:
            raise NoData("crosstab", categories=[self.p.lexicon.label(x, y) for x, y in categories], **self.p._dir_values(d))
        avail = self.p.available(runner, d, dim, cat) or self.p.available(runner, d)
        period, assumed = self._period(n, periods, avail, self._text)
        value, _ = self._value(runner, d, period, dim, cat)
        return self._verdict(n, claim, "count" if dim == "total" else "category", float(value), f"{value:,}", period, d,
                             runner, assumed, what=self.p._what(dim, cat))

    def _share(self, n: NumberMention, claim: str, runner: QueryRunner, d: Direction,
               categories: list[tuple[str, str]], periods: list[PeriodMention]) -> Verdict:
        if len(categories) != 1:
            raise NoData("share_of_what", **self.p._dir_values(d))
        dim, cat = categories[0]
        avail = self.p.available(runner, d, dim, cat)
        if not avail:
            raise NoData("category", category=self.p.lexicon.label(dim, cat), dimension=self.p.lexicon.label("dimension", dim),
                         period="any period", rows=[], **self.p._dir_values(d))
        period, assumed = self._period(n, periods, avail, self._text)
        parts = self.p.pieces(period, self.p.available(runner, d), d, "total")
        rows = runner.run("breakdown", citizens=d.citizens, destination=d.destination, dimension=dim,
                          periods=[p.code for p in parts])
        row = next((r for r in rows if r["category"] == cat), None)
        if row is None:
            raise NoData("category", category=self.p.lexicon.label(dim, cat), dimension=self.p.lexicon.label("dimension", dim),
                         period=period.label, rows=rows, **self.p._dir_values(d))
        return self._verdict(n, claim, "share", float(row["share"]), f"{row['share']:.1f}%", period, d, runner, assumed,
                             what=self.p._what(dim, cat))

    def _pair(self, n: NumberMention, periods: list[PeriodMention], avail: list[Period],
              text: str = "") -> tuple[Period, Period]:
        resolved = sorted(set(self.p.resolve_mentions(periods, avail)))
        real = [m for m in periods if m.kind not in ("previous", "relative", "latest")]
        if len(resolved) == 1 and len(real) == 1 and real[0].endpoints:
            r = resolved[0]  # "from Q1 to Q3": the two quarters, not the range between them
            return Period(r.start, r.start + 2), Period(r.end - 2, r.end)
        if len(resolved) >= 2:
            return resolved[0], resolved[-1]
        target = resolved[0] if resolved else self.p.latest(avail)
        if target is None:
            raise NoData("series", what="total", **self.p._dir_values(self.p.default_direction))
        if any(m.kind == "relative" for m in periods) or re.search(r"year[- ]on[- ]year|y/y|\byoy\b|a year (earlier|before)", text):
            return Period(target.start - 12, target.end - 12), target
        return Period(target.start - target.months, target.start - 1), target

    def _compare(self, runner: QueryRunner, a_dir: Direction, a: list[Period], b_dir: Direction, b: list[Period],
                 dim: str, cat: str) -> dict[str, Any]:
        return self.p.compare(runner, (a_dir, a, cat), (b_dir, b, cat), dim)

    def _change(self, n: NumberMention, claim: str, runner: QueryRunner, d: Direction,
                categories: list[tuple[str, str]], periods: list[PeriodMention], kind: str) -> Verdict:
        dim, cat = categories[0] if len(categories) == 1 else ("total", "all")
        avail = self.p.available(runner, d, dim, cat)
        a, b = self._pair(n, periods, avail, claim)
        pa = self.p.pieces(a, avail, d, self.p._what(dim, cat))
        pb = self.p.pieces(b, avail, d, self.p._what(dim, cat))
        row = self._compare(runner, d, pa, d, pb, dim, cat)
        label = f"{a.label} → {b.label}"
        if kind == "pct":
            value = row["pct"]
            return self._verdict(n, claim, "percentage change", float(value), f"{value:+.1f}%", None, d, runner,
                                 False, period_label=label, signed=True)
        value = row["diff"]
        return self._verdict(n, claim, "difference", float(abs(value)), f"{value:+,}", None, d, runner, False,
                             period_label=label, note=None if value >= 0 else "the figure fell rather than rose")

    def _ratio(self, n: NumberMention, claim: str, runner: QueryRunner, d: Direction, directions: list[Direction],
               categories: list[tuple[str, str]], periods: list[PeriodMention]) -> Verdict:
        dim, cat = categories[0] if len(categories) == 1 else ("total", "all")
        if len(directions) == 2 and not re.search(r"\b(doubled|tripled|quadrupled|halved)\b", n.text):
            one, two = directions
            avail = self.p.available(runner, one, dim, cat)
            period, _ = self._period(n, periods, avail)
            p1 = self.p.pieces(period, avail, one, "total")
            p2 = self.p.pieces(period, self.p.available(runner, two, dim, cat), two, "total")
            row = self._compare(runner, two, p2, one, p1, dim, cat)
            return self._verdict(n, claim, "ratio", float(row["ratio"]), f"{row['ratio']:.2f} times", period, one, runner,
                                 False)
        avail = self.p.available(runner, d, dim, cat)
        a, b = self._pair(n, periods, avail, claim)
        row = self._compare(runner, d, self.p.pieces(a, avail, d, "total"), d, self.p.pieces(b, avail, d, "total"), dim, cat)
        return self._verdict(n, claim, "ratio", float(row["ratio"]), f"{row['ratio']:.2f} times", None, d, runner, False,
                             period_label=f"{a.label} → {b.label}")

    def _direction_diff(self, n: NumberMention, claim: str, runner: QueryRunner, directions: list[Direction],
                        categories: list[tuple[str, str]], periods: list[PeriodMention]) -> Verdict:
        one, two = directions
        dim, cat = categories[0] if len(categories) == 1 else ("total", "all")
        avail = self.p.available(runner, one, dim, cat)
        period, _ = self._period(n, periods, avail)
        p1 = self.p.pieces(period, avail, one, "total")
        p2 = self.p.pieces(period, self.p.available(runner, two, dim, cat), two, "total")
        row = self._compare(runner, two, p2, one, p1, dim, cat)
        return self._verdict(n, claim, "difference between directions", float(abs(row["diff"])), f"{row['diff']:+,}",
                             period, one, runner, False,
                             note=None if row["diff"] >= 0 else "it is the other direction that is larger")

    def _breakdown_sum(self, n: NumberMention, claim: str, runner: QueryRunner, whole: Extraction, dimension: str,
                       periods: list[PeriodMention]) -> Verdict:
        """ "The transport categories add up to 404": the sum of a published breakdown, from SQL."""
        d, _ = self.p.direction_for(whole)
        avail = self.p.available(runner, d)
        period, assumed = self._period(n, periods, avail, self._text)
        rows = runner.run("breakdown", citizens=d.citizens, destination=d.destination, dimension=dimension,
                          periods=[p.code for p in self.p.pieces(period, avail, d, "total")])
        if not rows:
            raise NoData("breakdown", dimension=self.p.lexicon.label("dimension", dimension), period=period.label,
                         available=[], **self.p._dir_values(d))
        total = rows[0]["parts_sum"]
        return self._verdict(n, claim, "sum of a breakdown", float(total), f"{total:,} (the total is {rows[0]['total']:,})",
                             period, d, runner, assumed, what=f"{self.p.lexicon.label('dimension', dimension)} categories")

    def _fact_claim(self, n: NumberMention, claim: str, fact_id: str) -> Verdict:
        """A number about something the report states in words ("dozens of workers at the site").

        Checked against the amount the statement gives, read as a range; a statement with no
        amount cannot settle the number, so it is not in the data.
        """
        row = next(r for r in self.p.snapshot.tables["facts"] if r["fact_id"] == fact_id)
        statement = row["statement"]
        for word, (lo, hi) in VAGUE_AMOUNTS.items():
            if re.search(rf"\b{word}\b", statement.lower()):
                ok = lo <= n.value <= hi if n.hedge == "exact" else _agrees(n.value, n.hedge, n.decimals, (lo + hi) / 2, False)
                return Verdict(claim=claim, verdict="matches" if ok else "differs", measure="statement",
                               claimed=n.text, claimed_value=n.value, data_text=f"“{word}”: {statement.rstrip('.')}",
                               sources=[c for c in self.p.source_chain(QueryRunner(self.p.snapshot, self.p.queries),
                                                                       row["source_id"]) if c["kind"] != "official statistics"])
        raise NoData("measure", words=[f"a number for this; the report says: {statement}"])

    # --- verdicts -----------------------------------------------------------------------------------

    def _verdict(self, n: NumberMention, claim: str, measure: str, data: float, data_text: str, period: Period | None,
                 d: Direction, runner: QueryRunner, assumed: bool, what: str = "total", period_label: str | None = None,
                 signed: bool = False, note: str | None = None) -> Verdict:
        claimed = n.value
        ok = _agrees(claimed, n.hedge, n.decimals, abs(data), n.multiplier)
        if signed:
            # "up 71 %" must be a rise and "down 20 %" a fall; the size alone is not the claim.
            says_up = re.search(r"\b(rose|rise|risen|increase|grew|growth|up|jump|surge|climb|soar|higher)", claim)
            says_down = re.search(r"\b(fell|fall|drop|decline|down|decrease|lower)", claim)
            if (says_up and data < 0) or (says_down and not says_up and data > 0):
                ok = False
        if note and measure.startswith("difference"):
            ok = False  # the claim says it rose (or this side is larger), the data says the opposite
        v = self.p._dir_values(d)
        verdict = Verdict(claim=claim, verdict="matches" if ok else "differs", measure=measure, claimed=n.text,
                          claimed_value=claimed, data_value=data, data_text=data_text,
                          period=period_label or (period.label if period else None),
                          direction=f"{v['people']} entering {v['destination']}" + ("" if what == "total" else f", {what}"),
                          note=note or (f"no period given: checked against the latest, {period.label}" if assumed and period else None))
        verdict.sources = self.p.source_chain(runner, self.p.snapshot.tables["figures"][0]["source_id"])
        return verdict

    def _not_in_data(self, n: NumberMention | None, claim: str, nd: NoData) -> Verdict:
        html = self.p.renderer.html("nodata", self.p.lang, reason=nd.reason, **nd.values)
        first = html.split("\n")[0]
        from handlers.render import to_plain

        return Verdict(claim=claim, verdict="not_in_data", measure="unknown", claimed=n.text if n else None,
                       claimed_value=n.value if n else None, note=to_plain(first))

    # --- qualitative -------------------------------------------------------------------------------------

    def _qualitative(self, text: str, ex: Extraction, periods: list[PeriodMention]) -> Verdict | None:
        runner = QueryRunner(self.p.snapshot, self.p.queries)
        claim = text.strip(" .")
        more = re.search(r"\b(more|larger|bigger|higher|greater|outnumber(?:ed)?|exceed(?:ed)?|surpass(?:ed)?)\b", text)
        fewer = re.search(r"\b(fewer|less|smaller|lower)\b", text)
        same = re.search(r"\b(same number|as many|equal(?:ly)?|level|tied|same as)\b", text)
        try:
            if ex.exits:
                raise NoData("measure", words=["departures"])
            d, _ = self.p.direction_for(ex)  # a country the data lacks ends here, as not in the data
            citizens = []
            for m in ex.countries:
                if m.role == "citizens" and m.id not in citizens:
                    citizens.append(m.id)
            if len(citizens) >= 2 and (more or fewer or same):
                return self._directions_claim(claim, runner, citizens, periods, more, fewer)
            cats = [(dim, cid) for dim, cid, _ in ex.categories]
            if len(cats) >= 2 and cats[0][0] == cats[1][0] and (more or fewer or same):
                return self._categories_claim(claim, text, runner, d, cats[:2], periods, bool(more), bool(fewer))
            real = [m for m in periods if m.kind not in ("previous", "relative", "latest")]
            if len(real) >= 2 and (more or fewer or same) and not re.search(r"\b(rose|increased|grew|fell|declined|dropped)\b", text):
                return self._periods_claim(claim, text, runner, d, real[:2], bool(more), bool(fewer))
            if re.search(r"\b(every|each)\s+quarter\b", text) and re.search(r"\b(rose|increased|grew|fell|declined|dropped)\b", text):
                rows = runner.run("series", citizens=d.citizens, destination=d.destination, dimension="total", category="all")
                years = [m.year for m in periods if m.year]
                quarters = [r for r in rows if r["p_end"] - r["p_start"] == 2 and (not years or r["p_start"] // 12 in years)]
                if len(quarters) < 2:
                    raise NoData("series", what="quarterly", **self.p._dir_values(d))
                rising = all(b["value"] > a["value"] for a, b in zip(quarters, quarters[1:]))
                falling = all(b["value"] < a["value"] for a, b in zip(quarters, quarters[1:]))
                up = re.search(r"\b(rose|increased|grew)\b", text) is not None
                series = ", ".join(f"{parse_code(r['period']).label} {r['value']:,}" for r in quarters)
                return Verdict(claim, "matches" if (rising if up else falling) else "differs", "trend",
                               data_text=series, note="only these quarters are in the data" if years else None)
            if ex.cues.keys() & {"rank_top", "rank_bottom"} and ex.categories:
                dim, cat, _ = ex.categories[0]
                avail = self.p.available(runner, d)
                period, _ = self._period(NumberMention(0, "", 0, 0), periods, avail)
                rows = runner.run("breakdown", citizens=d.citizens, destination=d.destination, dimension=dim,
                                  periods=[p.code for p in self.p.pieces(period, avail, d, "total")])
                if not rows:
                    raise NoData("breakdown", dimension=self.p.lexicon.label("dimension", dim), period=period.label,
                                 available=[], **self.p._dir_values(d))
                col = "rank_asc" if "rank_bottom" in ex.cues else "rank_desc"
                leaders = [r for r in rows if r[col] == 1]
                holds = any(r["category"] == cat for r in leaders)
                if holds and "rank_top" in ex.cues and (rows[0]["unaccounted"] or 0) > leaders[0]["value"]:
                    raise NoData("breakdown", dimension=self.p.lexicon.label("dimension", dim), period=period.label,
                                 available=[], **self.p._dir_values(d))
                names = " and ".join(self.p.lexicon.label(dim, r["category"]) for r in leaders)
                return Verdict(claim, "matches" if holds else "differs", "ranking",
                               data_text=f"{'least' if col == 'rank_asc' else 'most'} common: {names} ({leaders[0]['value']:,})",
                               period=period.label)
            if re.search(r"\b(rose|increased|grew|jumped|surged|fell|declined|dropped|decreased)\b", text) and (
                    ex.countries or periods or "movement" in ex.cues):
                avail = self.p.available(runner, d)
                a, b = self._pair(NumberMention(0, "", 0, 0), periods, avail, text)
                row = self._compare(runner, d, self.p.pieces(a, avail, d, "total"), d, self.p.pieces(b, avail, d, "total"),
                                    "total", "all")
                up = re.search(r"\b(rose|increased|grew|jumped|surged)\b", text) is not None
                holds = row["diff"] > 0 if up else row["diff"] < 0
                return Verdict(claim, "matches" if holds else "differs", "direction of change",
                               data_text=f"{a.label} {row['a_value']:,} → {b.label} {row['b_value']:,}",
                               period=f"{a.label} → {b.label}")
        except NoData as nd:
            return self._not_in_data(None, claim, nd)
        return None

    def _directions_claim(self, claim: str, runner: QueryRunner, citizens: list[str], periods: list[PeriodMention],
                          more: re.Match[str] | None, fewer: re.Match[str] | None) -> Verdict:
        one = self.p._pick_direction(citizens[0], None, [])[0]
        two = self.p._pick_direction(citizens[1], None, [])[0]
        avail = self.p.available(runner, one)
        period, _ = self._period(NumberMention(0, "", 0, 0), periods, avail)
        row = self._compare(runner, two, self.p.pieces(period, self.p.available(runner, two), two, "total"),
                            one, self.p.pieces(period, avail, one, "total"), "total", "all")
        holds = row["diff"] > 0 if more else (row["diff"] < 0 if fewer else row["diff"] == 0)
        v1, v2 = self.p._dir_values(one), self.p._dir_values(two)
        return Verdict(claim, "matches" if holds else "differs", "comparison of directions",
                       data_text=f"{v1['people']} entering {v1['destination']} {row['b_value']:,}; "
                                 f"{v2['people']} entering {v2['destination']} {row['a_value']:,}",
                       period=period.label)

    def _categories_claim(self, claim: str, text: str, runner: QueryRunner, d: Direction, cats: list[tuple[str, str]],
                          periods: list[PeriodMention], more: bool, fewer: bool) -> Verdict:
        """ "more came by road than by train", "as many for personal reasons as for maintenance"."""
        dim = cats[0][0]
        avail = self.p.available(runner, d)
        period, _ = self._period(NumberMention(0, "", 0, 0), periods, avail)
        rows = runner.run("breakdown", citizens=d.citizens, destination=d.destination, dimension=dim,
                          periods=[p.code for p in self.p.pieces(period, avail, d, "total")])
        values = {}
        for _, cid in cats:
            row = next((r for r in rows if r["category"] == cid), None)
            if row is None:
                raise NoData("category", category=self.p.lexicon.label(dim, cid), dimension=self.p.lexicon.label("dimension", dim),
                              period=period.label, rows=rows, **self.p._dir_values(d))
            values[cid] = row["value"]
        first, second = (values[c] for _, c in cats)
        # The category named first is the subject: "more X than Y" claims X > Y.
        holds = first > second if more else (first < second if fewer else first == second)
        shown = "; ".join(f"{self.p.lexicon.label(dim, c)} {values[c]:,}" for _, c in cats)
        return Verdict(claim, "matches" if holds else "differs", "comparison of categories", data_text=shown,
                       period=period.label)

    def _periods_claim(self, claim: str, text: str, runner: QueryRunner, d: Direction, mentions: list[PeriodMention],
                       more: bool, fewer: bool) -> Verdict:
        """ "Q1 2023 saw fewer arrivals than the whole of 2022"; "... than in any of the first three quarters"."""
        avail = self.p.available(runner, d)
        first, second = self.p.resolve_mentions(mentions, avail)[:2]
        # "any of / each of the first three quarters": the claim must hold against every part.
        each = re.search(r"\b(any|each|every one|all)\s+of\s+(the\s+)?", text) is not None
        seconds = self.p.pieces(second, avail, d, "total") if each else [second]
        shown, holds = [], True
        almost = re.search(r"\b(almost|nearly)\s+as\s+many\b", text) is not None
        for other in seconds:
            row = self._compare(runner, d, self.p.pieces(other, avail, d, "total"), d,
                                self.p.pieces(first, avail, d, "total"), "total", "all")
            if more:
                ok = row["diff"] > 0
            elif fewer:
                ok = row["diff"] < 0
            elif almost:
                ok = row["a_value"] * 0.9 <= row["b_value"] < row["a_value"]
            else:
                ok = row["diff"] == 0
            holds = holds and ok
            shown.append(f"{other.label} {row['a_value']:,}")
            first_value = row["b_value"]
        return Verdict(claim, "matches" if holds else "differs", "comparison of periods",
                       data_text=f"{first.label} {first_value:,}; " + "; ".join(shown))


MEASURE_WORDS = 4
FACT_CLAIM_WEIGHT = 4.0  # a clause this close to a statement of the report is about the statement
# Words for amounts, read as the ranges a reader would understand by them.
VAGUE_AMOUNTS = {"dozens": (24, 99), "hundreds": (200, 999), "thousands": (2000, 9999)}


def _is_other_measure(p: Pipeline, key: tuple[str, ...]) -> bool:
    return any(t.kind == "cue" and t.id == "other_measure" for t in p.lexicon.phrases.get(key, ()))


def _hedge(before: str) -> str:
    before = before.lower().rstrip()
    if re.search(r"\b(add|adds|added|adding|sum|sums|summed|come|comes|came|total|totals|totalled|amount|amounts)\s+up to$", before):
        return "exact"  # "add up to 404" states a sum, it is not "up to 404"
    for phrase, hedge in _HEDGE_BEFORE:
        if before.endswith(phrase):
            return hedge
    return "exact"


def _agrees(claimed: float, hedge: str, decimals: int, data: float, multiplier: bool) -> bool:
    """Does the data bear out a claimed value, read with its hedge and its own precision?"""
    if multiplier:
        # "doubled" is about 2x; "nearly doubled" 1.7x-2x; "more than doubled" over 2x.
        if hedge in ("gt", "ge", "near_above"):
            return data > claimed if hedge != "near_above" else claimed <= data <= claimed * 1.1
        if hedge in ("lt", "le"):
            return data < claimed
        if hedge == "near_below":
            return claimed * 0.85 <= data < claimed
        return abs(data - claimed) <= max(0.05 * claimed, 0.5 * 10 ** -decimals)
    if hedge == "gt":
        return data > claimed
    if hedge == "ge":
        return data >= claimed
    if hedge == "lt":
        return data < claimed
    if hedge == "le":
        return data <= claimed
    if hedge == "near_below":
        return claimed * (1 - ABOUT_TOLERANCE) <= data <= claimed
    if hedge == "near_above":
        return claimed <= data <= claimed * (1 + ABOUT_TOLERANCE)
    if hedge == "about":
        return abs(data - claimed) <= ABOUT_TOLERANCE * abs(claimed) or round(data, decimals) == claimed
    return round(data, decimals) == claimed


_CLAUSE_RE = re.compile(r"[,;:]\s+|\s+(?:and|but|while|whereas|or)\s+")


def _clause_bounds(text: str, n: NumberMention) -> tuple[int, int]:
    """Start and end of the clause around a number: between commas, semicolons or "and"."""
    starts = [0] + [m.end() for m in _CLAUSE_RE.finditer(text) if m.end() <= n.start]
    ends = [m.start() for m in _CLAUSE_RE.finditer(text) if m.start() >= n.end]
    return max(starts), (min(ends) if ends else len(text))


def _clause(text: str, n: NumberMention) -> str:
    """The clause around a number, for quoting it back."""
    a, b = _clause_bounds(text, n)
    return text[a:b].strip(" .,;")


def _sentences(text: str) -> list[str]:
    parts = re.split(r"(?<=[.!?])['\"”’]*\s+(?=[A-Z0-9\"“'‘])|\n+|;\s+", text.strip())
    return [p for p in parts if p.strip()]
