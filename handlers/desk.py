"""The report desk: one data snapshot with its resolvers and labels.

Resolvers turn what a question names into what the data holds: a direction (who entered where),
periods (an implied year, the latest period, the stored periods that make up a span), source
chains and caveats. Labels give countries, categories and periods in the answer's language.
Intents, operations, views and the claim checker all use these; none of them reimplements one.
"""

from __future__ import annotations

import copy
import weakref
from typing import TYPE_CHECKING, Any

from handlers.understanding.extract import CountryMention, Extraction
from handlers.language import LANGS
from handlers.lexicon import Lexicon
from handlers.understanding.matcher import MatchResult
from handlers.model import Direction, NoData
from handlers.periods import (PARTIAL_MIN_COVERAGE, Period, PeriodMention, covered_parts, latest, parse_code, resolve_pairs,
                             tile)
from handlers.queries import QueryRunner
from handlers.render import Renderer, to_plain
from handlers.store import FigureValues, Snapshot
from handlers.understanding.directions import DirectionUnresolved, pick_direction

if TYPE_CHECKING:
    from handlers.intents.figures import FigureQuestion

MAX_SUGGESTIONS = 3
MAX_FACTS = 4
FACT_KEEP_RATIO = 0.75  # facts scoring within this share of the best are answered together
FACT_CONTEXT_SCORE = 2.5  # a fact this strongly named ("the LPR") is context for a count it does not give
FACT_FIELDS = ("topic", "statement", "date", "place", "speaker", "subject")  # translated in translations.csv
MAX_ECHO = 40  # characters of the user's own words repeated back, so answers stay short


class ReportDesk:
    """One snapshot's data, resolvers and labels, in one answer language."""

    def __init__(self, snapshot: Snapshot, renderer: Renderer, queries: dict[str, str], lang: str = "en") -> None:
        self.snapshot = snapshot
        self.renderer = renderer
        self.queries = queries
        self.lang = lang
        self.lexicon = Lexicon.build(snapshot)
        meta = snapshot.meta
        self.report_date = snapshot.report_date
        runner = QueryRunner(snapshot, queries)
        self.direction_info = {Direction(r["citizens"], r["destination"]): r for r in runner.run("directions")}
        self.directions = list(self.direction_info)  # most covered first, as the query orders them
        default = Direction(meta.get("default_citizens", ""), meta.get("default_destination", ""))
        self.default_direction = default if default in self.directions else (self.directions[0] if self.directions else None)
        self.dataset = meta.get("dataset", "")
        self._views: dict[str, ReportDesk] = {}  # per-language views of this pipeline, shared by all of them
        # Each view holds this dict, which holds the view: a cycle that would keep the snapshot (its
        # DuckDB tables) alive after a reload until the cyclic GC ran. Emptied when this desk goes,
        # so a replaced snapshot is freed as soon as the last question using it is answered.
        weakref.finalize(self, self._views.clear)
        # Values by id, read from DuckDB as asked for: no copy of the figures table in Python.
        self.figure_values = FigureValues(snapshot)
        # The breakdown categories in the data, in first-seen order; labels stay per language view.
        self.category_pairs = [(r["dimension"], r["category"]) for r in runner.run("category_pairs")]
        # coverage() by answer language; the dict is shared with the language views (shallow copies).
        self._coverage: dict[str, list[dict[str, Any]]] = {}

    # --- resolution ------------------------------------------------------------------------------

    def in_language(self, lang: str) -> "ReportDesk":
        """This desk answering in ``lang``: the same snapshot and index, other templates and labels."""
        if lang == self.lang or lang not in LANGS:
            return self
        view = self._views.get(lang)
        if view is None:
            view = copy.copy(self)
            view.lang = lang
            self._views[lang] = view
        return view

    # Old names the claim checker (handlers/claims.py, owned elsewhere) still calls; remove with issue 14.
    def pieces(self, period: Period, available: list[Period], d: Direction, what: str) -> list[Period]:
        return self.stored_parts(period, available, d, what)

    def _dir_values(self, d: Direction) -> dict[str, str]:
        return self.dir_values(d)

    def _what(self, dimension: str, category: str) -> str:
        return self.series_name(dimension, category)

    def not_covered(self, ex: Extraction, runner: QueryRunner, words: list[str], reason: str = "fact_detail") -> str:
        """ "The report doesn't say that (words)", then the nearest fact as context; with reason
        "unit", "the report gives no number of (words)": a count of things, not of people."""
        ids = [f for f, _ in ex.facts[:1]]
        if reason == "unit":
            # The context is a statement about the thing asked for ("weapons": the suspicions of
            # transfers), never the nearest fact that merely shares "Russia".
            stems = [w[:5] for w in " ".join(words).split() if len(w) >= 3]
            ids = ([f for f, _ in ex.facts if any(stem in " ".join(kw) for kw in self.lexicon.fact_keywords.get(f, {})
                                                  for stem in stems)]
                   or [f for f, score in ex.facts[:1] if score >= FACT_CONTEXT_SCORE])[:1]
        if reason == "other_source":
            # Whose counts the report does have: the chain behind its figures, each source once.
            chain: list[dict[str, Any]] = []
            for r in runner.run("sources_used"):
                chain += [s for s in self.source_chain(runner, r["source_id"])
                          if s["source_id"] not in {c["source_id"] for c in chain}]
            return self._render("nodata", reason=reason, detail=" ".join(words), chain=chain,
                                version=self.snapshot.version)
        facts = self._localise(runner.run("facts", ids=ids), "fact", "fact_id", FACT_FIELDS) if ids else []
        for f in facts:
            f["chain"] = self.source_chain(runner, f["source_id"])
        return self._render("nodata", reason=reason, detail=" ".join(words), facts=facts,
                            version=self.snapshot.version)

    def _pick_direction(self, citizens: str | None, dest: str | None, bare: list[CountryMention]) -> tuple[Direction, bool]:
        """The direction a question means, and whether it was assumed; NoData if none fits."""
        try:
            return pick_direction(self.directions, self.default_direction, citizens, dest, [m.id for m in bare])
        except DirectionUnresolved as e:
            def entering(d: Direction) -> str:
                v = self.dir_values(d)
                return f"{v['people']} entering {v['destination']}"
            raise NoData(e.reason, **e.details(self._label, self._direction_labels(), entering)) from None

    def direction_for(self, ex: Extraction) -> tuple[Direction, bool]:
        citizens = [m.id for m in ex.countries if m.role == "citizens"]
        # No one enters their own country in these data: "북한인 입국자 ... 러시아인 입북자" names
        # North Koreans first and North Korea as the Russians' destination, not theirs.
        dests = [m.id for m in ex.countries if m.role == "destination" and (not citizens or m.id != citizens[0])]
        bare = [m for m in ex.countries if not m.role]
        if citizens and not dests and {m.id for m in ex.countries} == {citizens[0]} and any(
                m.role == "destination" for m in ex.countries):
            # "How many Russians went to Russia?": one country only, as people and as destination;
            # no figure counts people entering their own country, and the other direction is no answer.
            return self._pick_direction(citizens[0], citizens[0], bare)
        return self._pick_direction(citizens[0] if citizens else None, dests[0] if dests else None, bare)

    def available(self, runner: QueryRunner, d: Direction, dimension: str = "total", category: str = "all") -> list[Period]:
        rows = runner.run("periods_for", citizens=d.citizens, destination=d.destination, dimension=dimension, category=category)
        return [parse_code(r["period"]) for r in rows]

    def resolve_mentions(self, mentions: list[PeriodMention], available: list[Period]) -> list[Period]:
        """Turn period phrases into periods; an implied year comes from the question or the data."""
        return [p for _, p in self.resolve_pairs(mentions, available)]

    def resolve_pairs(self, mentions: list[PeriodMention], available: list[Period]) -> list[tuple[PeriodMention, Period]]:
        """Each period phrase that names a period, with the period it names (``periods.resolve_pairs``)."""
        return resolve_pairs(mentions, available, self.report_date.year - 1)

    def latest(self, available: list[Period]) -> Period | None:
        return latest(available)

    def stored_parts(self, period: Period, available: list[Period], d: Direction, what: str) -> list[Period]:
        """Stored periods that make up ``period`` exactly, or NoData listing what there is."""
        parts = tile(period, available)
        if parts is None:
            near = [p for p in available if p.overlaps(period)]
            raise NoData("period", period=self.period_label(period), what=what, available=[self.period_label(p) for p in available],
                         overlapping=[self.period_label(p) for p in near], **self.dir_values(d))
        return parts

    def span_parts(self, period: Period, available: list[Period], d: Direction, what: str) -> tuple[list[Period], list[Period]]:
        """Stored periods that make up ``period``, and the quarters of it the data lacks.

        A span the data covers whole gives its parts and no gap. A span it covers only in part
        ("2023", "last year", "2023 so far": Q1-Q3 stored, Q4 not) gives the parts it has and the
        quarters missing, so a comparison or an average can be composed from them and labelled
        as partial, also when the span was asked for as a whole ("2023 as a whole against 2022":
        the parts, never presented as the whole); not when the parts cover half of it or less.
        Otherwise NoData, as :meth:`stored_parts`.
        """
        if tile(period, available) is not None:
            return self.stored_parts(period, available, d, what), []
        parts, missing = covered_parts(period, available)
        covered = sum(p.months for p in parts)
        if not parts or not missing or covered <= PARTIAL_MIN_COVERAGE * period.months:
            return self.stored_parts(period, available, d, what), []
        return parts, missing

    def partial_note(self, period: Period, parts: list[Period], missing: list[Period]) -> dict[str, Any]:
        """What a template says of a span given in part: its label, the parts summed, the gap."""
        return {"label": self.period_label(period), "parts": [self.period_label(p) for p in parts],
                "missing": [self.period_label(p) for p in missing], "months": sum(p.months for p in parts), "people": None}

    def compare(self, runner: QueryRunner, a: tuple[Direction, list[Period], str], b: tuple[Direction, list[Period], str],
                dimension: str = "total") -> dict[str, Any]:
        """Series a (the base) against series b, each (direction, stored periods, category):
        values, difference, percentage change and ratios, all computed by compare.sql."""
        (a_dir, a_periods, a_cat), (b_dir, b_periods, b_cat) = a, b
        row = runner.one("compare", a_citizens=a_dir.citizens, a_destination=a_dir.destination, a_dimension=dimension,
                         a_category=a_cat, a_periods=[p.code for p in a_periods], b_citizens=b_dir.citizens,
                         b_destination=b_dir.destination, b_dimension=dimension, b_category=b_cat,
                         b_periods=[p.code for p in b_periods])
        assert row is not None  # an aggregate over tiled periods always returns one row
        return row

    def _direction_pair(self, ex: Extraction, first: Direction) -> tuple[Direction, Direction]:
        pairs: list[tuple[str, str | None]] = []
        for i, m in enumerate(ex.countries):
            if m.role == "citizens" and m.id not in [c for c, _ in pairs]:
                # "Russians to North Korea vs North Koreans to Russia": each side's own destination,
                # the one next to it; Korean names it first ("방북 러시아인", NK-visiting Russians).
                # No one enters their own country.
                near = [ex.countries[j] for j in (i + 1, i - 1) if 0 <= j < len(ex.countries)]
                dest = next((n.id for n in near if n.role == "destination" and n.id != m.id), None)
                pairs.append((m.id, dest))
        if len(pairs) >= 2:
            one = self._pick_direction(pairs[0][0], pairs[0][1], [])[0]
            two = self._pick_direction(pairs[1][0], pairs[1][1], [])[0]
            return one, two
        reverse = Direction(first.destination, first.citizens)
        if reverse not in self.directions:
            raise NoData("reverse", **self.dir_values(first))
        return first, reverse

    # --- shared pieces -----------------------------------------------------------------------------

    # Public names the follow-up operations use (handlers/operations/followups.py, FollowUpDesk).
    def pick_direction(self, citizens: str | None, dest: str | None, bare: list[CountryMention]) -> tuple[Direction, bool]:
        return self._pick_direction(citizens, dest, bare)

    def figure_source(self, runner: QueryRunner, figure_id: str) -> str:
        return self._figure_source(runner, figure_id)

    def localise(self, rows: list[dict[str, Any]], kind: str, key: str, fields: tuple[str, ...]) -> list[dict[str, Any]]:
        return self._localise(rows, kind, key, fields)

    def is_cue(self, word: str, cue: str) -> bool:
        """Is ``word`` a phrase of cue group ``cue`` (data/cues.csv)?"""
        return any(t.kind == "cue" and t.id == cue for t in self.lexicon.phrases.get((word,), ()))

    def new_runner(self) -> QueryRunner:
        return QueryRunner(self.snapshot, self.queries)

    def _render(self, template: str, **values: Any) -> str:
        return self.renderer.html(template, self.lang, **values)

    def _label(self, kind: str, id_: str, form: str = "label") -> str:
        return self.lexicon.label(kind, id_, form, self.lang)

    def period_label(self, period: Period) -> str:
        """A period's name in the answer's language."""
        return period.label_in(self.lang)

    # The Desk protocol (handlers/operations/base.py): what operations may use.
    def render(self, template: str, **values: Any) -> str:
        return self._render(template, **values)

    def label(self, kind: str, id_: str, form: str = "label") -> str:
        return self._label(kind, id_, form)

    def direction_pair(self, ex: Extraction, first: Direction) -> tuple[Direction, Direction]:
        return self._direction_pair(ex, first)

    def caveat_rows(self, runner: QueryRunner, d: Direction, periods: list[Period], dimension: str | None,
                    categories: list[str] | None, all_categories: bool = False) -> list[dict[str, Any]]:
        """The caveats that apply to these figures, in the answer's language."""
        seen: dict[str, dict[str, Any]] = {}
        for cat in categories or [None]:
            for row in runner.run("caveats", citizens=d.citizens, destination=d.destination,
                                  periods=[p.code for p in periods], dimension=dimension, category=cat,
                                  all_categories=all_categories, provenance=False):
                seen.setdefault(row["caveat_id"], row)
        return self._localise(list(seen.values()), "caveat", "caveat_id", ("text",))

    def _localise(self, rows: list[dict[str, Any]], kind: str, key: str, fields: tuple[str, ...]) -> list[dict[str, Any]]:
        """Rows from SQL with their text columns in the answer's language, where translated."""
        if self.lang == "en":
            return rows
        for r in rows:
            for f in fields:
                text = self.lexicon.translated(kind, r[key], f, self.lang)
                if text:
                    r[f + "_en"] = r[f]  # the original stays for templates that test a value
                    r[f] = text
        return rows

    def _dimensions_in_data(self) -> list[str]:
        dims: list[str] = []
        for info in self.direction_info.values():
            for d in info["dimensions"] or []:
                if d not in dims:
                    dims.append(d)
        return dims

    def dir_values(self, d: Direction) -> dict[str, str]:
        """A direction's names for templates: its people, destination and origin, in the answer's language."""
        values = {"people": self._label("country", d.citizens, "people"),
                  "destination": self._label("country", d.destination),
                  "origin": self._label("country", d.citizens)}
        if self.lang != "en":
            # Forms other languages' grammar needs: "граждан КНДР" after a number, "в Россию".
            values["people_gen"] = self._label("country", d.citizens, "people_gen")
            values["to"] = self._label("country", d.destination, "to")
            values["from"] = self._label("country", d.citizens, "origin")
        return values

    def _direction_labels(self, limit: int = 8) -> list[str]:
        """Directions in the data, for "the data covers only ..."; a long list ends with '…'."""
        shown = self.directions[:limit]
        if self.lang != "en":
            labels = [to_plain(self._render("direction", dir=v)) for v in map(self.dir_values, shown)]
        else:
            labels = [f"{v['people']} entering {v['destination']}" for v in map(self.dir_values, shown)]
        if len(self.directions) > limit:
            labels.append(f"… (+{len(self.directions) - limit})")
        return labels

    def series_name(self, dimension: str, category: str) -> str:
        """ "total", or a category's phrase ("for business", "by air")."""
        return "total" if dimension == "total" else self._label(dimension, category, "phrase")

    def _figure_source(self, runner: QueryRunner, figure_id: str) -> str:
        return self.snapshot.source_of(figure_id)

    def source_chain(self, runner: QueryRunner, source_id: str) -> list[dict[str, Any]]:
        return self._localise(runner.run("source_chain", source_id=source_id), "source", "source_id",
                              ("name", "kind", "description"))

    def caveats(self, asked: FigureQuestion, periods: list[Period], dimension: str | None, categories: list[str] | None,
                all_categories: bool = False) -> list[dict[str, Any]]:
        return self.caveat_rows(asked.runner, asked.direction, periods, dimension, categories, all_categories)

    def _common(self, asked: FigureQuestion, periods: list[Period], caveats: bool = True) -> dict[str, Any]:
        source_id = self._figure_source(asked.runner, asked.figure_ids[0]) if asked.figure_ids else ""
        out = {"dir": self.dir_values(asked.direction), "assumed_direction": asked.assumed_direction,
               "source": self.source_chain(asked.runner, source_id) if source_id else [],
               "version": self.snapshot.version}
        if caveats:
            out["caveats"] = self.caveats(asked, periods, None, None)
        out["related"] = self._related_facts(asked)
        return out

    def _related_facts(self, asked: FigureQuestion) -> list[dict[str, Any]]:
        """For "why ..." questions, the report's own context next to the figure."""
        if "why" not in asked.ex.cues or not asked.ex.facts:
            return []
        top = asked.ex.facts[0][1]
        ids = [f for f, w in asked.ex.facts if w >= FACT_KEEP_RATIO * top][:2]
        return self._localise(asked.runner.run("facts", ids=ids), "fact", "fact_id", FACT_FIELDS)

    def coverage(self, runner: QueryRunner) -> list[dict[str, Any]]:
        # Computed once per language: every fallback shows it, and with 400 directions x 40
        # periods it costs ~100 ms to rebuild. Callers get their own dicts.
        cached = self._coverage.get(self.lang)
        if cached is None:
            cached = []
            for d in self.directions:
                info = self.direction_info[d]
                periods = sorted(parse_code(p) for p in info["total_periods"] or [])
                cached.append({**self.dir_values(d), "periods": [self.period_label(p) for p in periods],
                               "dimensions": [self._label("dimension", x) for x in info["dimensions"] or []]})
            self._coverage[self.lang] = cached
        return [dict(c) for c in cached]

    def examples(self) -> list[str]:
        """Example questions built from the data, each one the pipeline can answer."""
        out = []
        d = self.default_direction
        if d is None:
            return out
        v = self.dir_values(d)
        runner = QueryRunner(self.snapshot, self.queries)
        avail = self.available(runner, d)
        latest = self.latest(avail)
        if latest and self.lang != "en":
            return self._local_examples(v, latest, avail)
        if latest:
            out.append(f"How many {v['people']} entered {v['destination']} in {latest.label}?")
            dims = self._dimensions_in_data()
            if dims:
                out.append(f"What was the most common {self._label('dimension', dims[0])} in {latest.label}?")
            earlier = [p for p in avail if p.months == latest.months and p.end < latest.start]
            if earlier:
                out.append(f"How did {latest.label} compare with {max(earlier).label}?")
        out.append("Where do the figures come from?")
        return out[:4]

    def basic_questions(self, limit: int) -> list[str]:
        """The data's basic questions, at most ``limit``: for every direction and period it has, the
        total, the breakdown and the most common of each dimension, and each category's count and
        share, in the words of the "did you mean" buttons (answers/<lang>/question.j2). Built from
        the data alone; the start-up warm-up answers them so their queries are cached."""
        out: list[str] = []
        runner = QueryRunner(self.snapshot, self.queries)
        dims = self._dimensions_in_data()
        for d in self.directions:
            values: dict[str, Any] = {"dir": self.dir_values(d), "category": None, "dimension": None}
            for period in sorted(self.available(runner, d), reverse=True):  # the latest first
                asks: list[tuple[str, dict[str, Any]]] = [("total", {})]
                asks += [(intent, {"dimension": self._label("dimension", dim)}) for dim in dims
                         for intent in ("breakdown", "ranking")]
                asks += [(intent, {"category": self._label(dim, cat, "phrase")}) for dim, cat in self.category_pairs
                         for intent in ("category", "share")]
                for intent, more in asks:
                    q = to_plain(self.renderer.html("question", self.lang, intent=intent, fact_topic="",
                                                    **{**values, "period": period, **more})).strip()
                    if q and q not in out:
                        out.append(q)
                    if len(out) >= limit:
                        return out
        return out

    def _local_examples(self, v: dict[str, str], latest: Period, avail: list[Period]) -> list[str]:
        """The example questions in Korean or Russian, from the language's question template."""
        dims = self._dimensions_in_data()
        values: dict[str, Any] = {"dir": v, "period": latest, "category": None,
                                  "dimension": self._label("dimension", dims[0]) if dims else None}
        out = []
        for intent in ("total", "ranking", "compare_periods", "sources"):
            q = to_plain(self.renderer.html("question", self.lang, intent=intent, fact_topic="", **values)).strip()
            if q:
                out.append(q)
        return out[:4]

    def suggestions(self, ex: Extraction, result: MatchResult) -> list[str]:
        """Full questions the bot can answer that are close to what was asked."""
        values: dict[str, Any] = {"dir": None, "period": None, "category": None, "dimension": None}
        try:
            d, _ = self.direction_for(ex)
        except NoData:
            d = self.default_direction
        if d is None:
            return []
        values["dir"] = self.dir_values(d)
        runner = QueryRunner(self.snapshot, self.queries)
        avail = self.available(runner, d)
        periods = self.resolve_mentions(ex.periods, avail)
        good = [p for p in periods if tile(p, avail)]
        values["period"] = (good[0] if good else self.latest(avail))
        if ex.categories:
            dim, cid, _ = ex.categories[0]
            values["category"] = self._label(dim, cid, "phrase")
            values["dimension"] = self._label("dimension", dim)
        elif ex.dimensions:
            values["dimension"] = self._label("dimension", ex.dimensions[0])
        out: list[str] = []
        ranked = [i for i, _ in result.ranked]
        if ex.countries or ex.periods or ex.categories:
            ranked += ["category", "total"] if ex.categories else ["total"]
        for intent in ranked:
            q = self.renderer.html("question", self.lang, intent=intent, fact_topic=self._fact_subject(ex), **values)
            q = to_plain(q).strip()
            if q and q not in out:
                out.append(q)
            if len(out) == MAX_SUGGESTIONS:
                break
        return out

    def fact_statement(self, fact_id: str) -> str:
        row = next((r for r in self.snapshot.tables["facts"] if r["fact_id"] == fact_id), None)
        return row["statement"] if row else ""

    def _fact_subject(self, ex: Extraction) -> str:
        if not ex.facts:
            return ""
        fid = ex.facts[0][0]
        row = next((r for r in self.snapshot.tables["facts"] if r["fact_id"] == fid), None)
        if row is None:
            return ""
        # Facts about the report itself share a generic topic; their subject ("NK News") says more.
        field = "subject" if row["kind"] == "source" else "topic"
        # In the asker's language where translated (data/translations.csv), else as stored.
        return (self.lexicon.translated("fact", fid, field, self.lang) if self.lang != "en" else None) or row[field]

    def _category_labels(self, ex: Extraction) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for dimension, category in self.category_pairs:
            label = self._label(dimension, category)
            out.setdefault(self._label("dimension", dimension), [])
            if label not in out[self._label("dimension", dimension)]:
                out[self._label("dimension", dimension)].append(label)
        return out

    @staticmethod
    def _echo(words: list[str]) -> list[str]:
        return [w[:MAX_ECHO] for w in words[:5]]
