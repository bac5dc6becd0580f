"""The newsroom hand-off: where in the report each figure is stated, a ready-to-paste attributed
line, and the figures as a spreadsheet file.

Built on an :class:`~handlers.pipeline.Answer`'s ``figure_ids`` (the stored figures an answer was
computed from), never on its text. Three views, each rendered from ``answers/<lang>/``:

* ``passage`` ("Where in the report", ``/passage``): every figure behind the answer with its
  locator (paragraph and sentence of the source), the source's title, date and URL, and, when
  the operator put the source's text in ``data/sources/``, the located sentence quoted with the
  figure marked. A derived figure (a sum, a change, a share) lists each figure it comes from.
* ``cite``: one line per stated figure, ready to paste, in the asker's language: the figure, its
  period spelled out, the attribution chain, and the caveat in brackets where one applies. A
  derived figure is attributed as computed from the source's figures.
* ``csv_bytes`` (``/export``): UTF-8 with a byte order mark, so spreadsheets open it right; one
  row per figure with its period, source chain, locator and caveats.

Every number comes from SQL (``handlers/sql/handoff_*.sql``) or, for a derived figure, from the
answer's own query trace (the same row the answer was rendered from), so a cite line can never
disagree with the answer above it. When the derivation is not recognised, each stored figure gets
its own line: longer, never wrong. No Telegram import here: the console and tests call it too.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any, Iterator

from markupsafe import escape

from handlers import locators
from handlers.charts import ChartSpec
from handlers.periods import MONTH_NAMES, RU_MONTHS, Period, parse_code
from handlers.model import StatedFigure
from handlers.operations.registry import OPERATIONS
from handlers.pipeline import Answer, Pipeline
from handlers.queries import QueryRunner
from handlers.render import to_plain

CSV_COLUMNS = ("figure_id", "what", "citizens", "destination", "period", "period_label", "first_month", "last_month",
               "dimension", "category", "value", "source_chain", "source_url", "source_title", "locator",
               "located_at", "caveats", "note", "data_version")
# Answers of these operations state a figure computed from stored ones (check_figure: a sum of
# parts, or one stored figure as it is, which is cited as stored); so does a comparison of the
# two directions (a difference, a ratio, both together).
COMPUTING_OPERATIONS = frozenset(op.name for op in OPERATIONS) | {"compare_directions"}
# A follow-up combining the last figures given ("together?", "gap?", "how many times?", "as a
# share?") computes from them, whatever intent it answers under; so does an answer that ran an
# operation's query or the share of figures given.
COMPUTING_FOLLOWUPS = frozenset({"given"})
COMPUTING_TRACES = frozenset(op.name for op in OPERATIONS) | {"share_of_given"}
EXPORT_SLICE = 10_000  # rows fetched from DuckDB at a time while writing an export
FORMULA_START = ("=", "+", "-", "@")  # a cell starting so would run as a formula in a spreadsheet

# Russian month names in the genitive ("23 января") and prepositional ("в июле") cases.
RU_MONTHS_GEN = ("", "января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
                 "октября", "ноября", "декабря")
RU_MONTHS_PREP = ("", "январе", "феврале", "марте", "апреле", "мае", "июне", "июле", "августе", "сентябре",
                  "октябре", "ноябре", "декабре")


# --- periods and dates spelled out, per language ----------------------------------------------------

def spelled_period(p: Period, lang: str) -> str:
    """A period as a sentence says it: "July–September 2023", "2023년 7~9월", "в июле–сентябре 2023 года"."""
    y1, m1 = divmod(p.start, 12)
    y2, m2 = divmod(p.end, 12)
    m1, m2 = m1 + 1, m2 + 1
    whole_year = y1 == y2 and m1 == 1 and m2 == 12
    if lang == "ko":
        return f"{y1}년" if whole_year else p.span_in("ko")
    if lang == "ru":
        if whole_year:
            return f"в {y1} году"
        if p.months == 1:
            return f"в {RU_MONTHS_PREP[m1]} {y1} года"
        if y1 == y2:
            return f"в {RU_MONTHS_PREP[m1]}–{RU_MONTHS_PREP[m2]} {y1} года"
        return f"с {RU_MONTHS_GEN[m1]} {y1} года по {RU_MONTHS[m2]} {y2} года"
    if whole_year:
        return str(y1)
    if p.months == 1:
        return f"{MONTH_NAMES[m1]} {y1}"
    if y1 == y2:
        return f"{MONTH_NAMES[m1]}–{MONTH_NAMES[m2]} {y1}"
    return f"{MONTH_NAMES[m1]} {y1}–{MONTH_NAMES[m2]} {y2}"


def _spelled_union(periods: list[Period], lang: str) -> str:
    """Periods summed together, spelled out: one span when they follow each other ("January–June
    2023"), else each of them ("January–March 2023 and July–September 2023"), never the months
    between them that were not added."""
    ordered = sorted(periods)
    if all(b.start == a.end + 1 for a, b in zip(ordered, ordered[1:])):
        return spelled_period(Period(ordered[0].start, ordered[-1].end), lang)
    words = [spelled_period(p, lang) for p in ordered]
    joiner = {"ko": " 및 ", "ru": " и "}.get(lang, " and ")
    return ", ".join(words[:-1]) + joiner + words[-1] if lang == "en" and len(words) > 2 else joiner.join(words)


def spelled_date(iso: str | None, lang: str) -> str:
    """A source's publication date ("2024-01-23" or "2024-01") as a sentence says it."""
    if not iso:
        return ""
    parts = [int(x) for x in iso.split("-")]
    if len(parts) == 2:
        y, m = parts
        return {"ko": f"{y}년 {m}월", "ru": f"{RU_MONTHS[m]} {y} года"}.get(lang, f"{MONTH_NAMES[m]} {y}")
    d = date(*parts)
    return {"ko": f"{d.year}년 {d.month}월 {d.day}일", "ru": f"{d.day} {RU_MONTHS_GEN[d.month]} {d.year} года"
            }.get(lang, f"{d.day} {MONTH_NAMES[d.month]} {d.year}")


def located_at(locator: str | None, lang: str) -> str:
    """A locator for people: "paragraph 3, sentence 1" / "3번째 문단 1번째 문장" / "абзац 3, предложение 1"."""
    if not locator:
        return ""
    try:
        places = locators.parse(locator)
    except locators.LocatorError:
        return locator
    out = []
    for pl in places:
        sent = "" if pl.first is None else (str(pl.first) if not pl.last or pl.last == pl.first else f"{pl.first}–{pl.last}")
        if lang == "ko":
            out.append(f"{pl.paragraph}번째 문단" + (f" {sent}번째 문장" if sent else ""))
        elif lang == "ru":
            out.append(f"абзац {pl.paragraph}" + (f", {'предложения' if '–' in sent else 'предложение'} {sent}" if sent else ""))
        else:
            out.append(f"paragraph {pl.paragraph}" + (f", {'sentences' if '–' in sent else 'sentence'} {sent}" if sent else ""))
    return "; ".join(out)


def ko_particle(word: str, with_final: str, without_final: str) -> str:
    """The Korean particle for a word: 은/는, 이/가, 을/를 by whether its last syllable has a final
    consonant. Trailing brackets ("동아일보(Donga)") are skipped; a word ending in Latin letters or
    digits gets both forms ("은(는)"), as Korean copy-editors write when unsure."""
    text = word.strip()
    while text.endswith(")") and "(" in text:
        text = text[:text.rfind("(")].rstrip()
    last = text[-1:] if text else ""
    if "가" <= last <= "힣":
        return with_final if (ord(last) - 0xAC00) % 28 else without_final
    return f"{with_final}({without_final})"


# --- what stands behind an answer -------------------------------------------------------------------

@dataclass
class Backing:
    """One stored figure behind an answer, with everything the hand-off shows about it."""

    figure_id: str
    value: int
    period: Period
    period_text: str  # spelled out in the answer's language
    citizens: str
    destination: str
    dimension: str
    category: str
    people: str
    destination_label: str
    people_gen: str  # Russian: "граждан КНДР"; elsewhere the people label
    to: str  # Russian: "в Россию"; elsewhere the destination label
    phrase: str  # the category as a phrase ("by air", "항공편으로", "с деловыми целями"); "" for totals
    what: str  # "North Koreans entering Russia, Q3 2023, by air"
    source_id: str
    chain: list[dict[str, Any]]
    locator: str | None
    located_at: str
    quotes: list[dict[str, Any]] = field(default_factory=list)  # located sentences, figure marked
    caveats: list[str] = field(default_factory=list)
    note: str = ""


@dataclass
class FactBacking:
    """A fact an answer gives, with where its source states it."""

    fact_id: str
    topic: str
    statement: str
    chain: list[dict[str, Any]]
    locator: str | None
    located_at: str
    quotes: list[dict[str, Any]] = field(default_factory=list)  # located sentences, the report's quote marked


@dataclass
class Derived:
    """A figure an answer computed from stored ones: a sum, a change or a share."""

    kind: str  # "sum" | "change" | "share"
    value: float | int
    parts: list[Backing]
    period_text: str = ""
    values: dict[str, Any] = field(default_factory=dict)  # kind-specific (a/b values, diff, pct, total)


@dataclass
class Computed:
    """A figure an answer computed by an operation or a claim check (an average, a multiple, a
    gap, a share of several categories, a verdict's data side): what the answer says of it, in the
    answer's language, and every stored figure it is computed from."""

    text: str
    parts: list[Backing]


@dataclass
class Behind:
    """The figures behind one answer: stored ones, and the derived ones when there are any."""

    figures: list[Backing]
    derived: Derived | None
    lang: str
    totals: list[Backing] = field(default_factory=list)  # totals a breakdown answer sets its figures against
    facts: list[FactBacking] = field(default_factory=list)  # facts the answer gives (for "where", not cite)
    computed: list[Computed] = field(default_factory=list)  # figures computed from ``figures``
    own: list[Backing] | None = None  # with ``computed``: the figures the answer also states as stored

    @property
    def empty(self) -> bool:
        return not self.figures and not self.facts

    @property
    def plain(self) -> list[Backing]:
        """The stored figures the answer states as they are (each gets its own cite line)."""
        return self.figures if self.own is None else self.own


class Handoff:
    """Locators, cite lines and CSV export for one pipeline (one data snapshot); cheap to build."""

    def __init__(self, pipeline: Pipeline) -> None:
        self.pipeline = pipeline
        self.snapshot = pipeline.snapshot
        self.lexicon = pipeline.lexicon
        self.renderer = pipeline.renderer

    def _runner(self) -> QueryRunner:
        return QueryRunner(self.snapshot, self.pipeline.queries)

    # --- backing figures ----------------------------------------------------------------------------

    def backings(self, figure_ids: list[str] | None, lang: str = "en") -> list[Backing]:
        """The stored figures with these ids (all figures for None), in the order given."""
        runner = self._runner()
        ids = list(dict.fromkeys(figure_ids or []))
        rows = runner.run("handoff_figures", ids=ids, all=figure_ids is None)
        caveats: dict[str, list[str]] = {}
        for c in runner.run("handoff_caveats", ids=ids, all=figure_ids is None):
            text = self.lexicon.translated("caveat", c["caveat_id"], "text", lang) if lang != "en" else None
            caveats.setdefault(c["figure_id"], []).append(text or c["text"])
        chains: dict[str, list[dict[str, Any]]] = {}
        out = {r["figure_id"]: self._backing(r, lang, runner, chains, caveats.get(r["figure_id"], [])) for r in rows}
        order = ids if figure_ids is not None else [r["figure_id"] for r in rows]
        return [out[i] for i in order if i in out]

    def _backing(self, r: dict[str, Any], lang: str, runner: QueryRunner, chains: dict[str, list[dict[str, Any]]],
                 caveats: list[str]) -> Backing:
        label = self.lexicon.label
        period = parse_code(r["period"])
        if r["source_id"] not in chains:
            chains[r["source_id"]] = self.chain(runner, r["source_id"], lang)
        people = label("country", r["citizens"], "people", lang)
        dest = label("country", r["destination"], "label", lang)
        total = r["dimension"] == "total"
        phrase = "" if total else label(r["dimension"], r["category"], "phrase", lang)
        en_what = self.pipeline.figure_label(r["figure_id"], r)
        return Backing(
            figure_id=r["figure_id"], value=r["value"], period=period, period_text=spelled_period(period, lang),
            citizens=r["citizens"], destination=r["destination"], dimension=r["dimension"], category=r["category"],
            people=people, destination_label=dest,
            people_gen=label("country", r["citizens"], "people_gen", lang) if lang == "ru" else people,
            to=label("country", r["destination"], "to", lang) if lang == "ru" else dest,
            phrase=phrase, what=en_what if lang == "en" else f"{people} → {dest}, {period.label_in(lang)}"
            + (f", {label(r['dimension'], r['category'], 'label', lang)}" if not total else ""),
            source_id=r["source_id"], chain=chains[r["source_id"]], locator=r["locator"],
            located_at=located_at(r["locator"], lang), quotes=self._quotes(r), caveats=caveats, note=r["note"] or "")

    def _quotes(self, r: dict[str, Any]) -> list[dict[str, Any]]:
        """The located sentences, when the source's text is here, as pieces with the figure marked."""
        text = self.snapshot.texts.get(r["source_id"])
        if not text or not r["locator"]:
            return []
        out = []
        for place in locators.parse(r["locator"]):
            located = locators.resolve(text, place)  # validated at load: the data check resolved it
            out.append({"code": place.code, "pieces": locators.highlight(located.text, r["value"])})
        return out

    def chain(self, runner: QueryRunner, source_id: str, lang: str) -> list[dict[str, Any]]:
        """A source's chain, origin first, with names and citation wording in ``lang``."""
        rows = runner.run("handoff_chain", source_id=source_id)
        for s in rows:
            for f in ("name", "cite_as", "title"):
                text = self.lexicon.translated("source", s["source_id"], f, lang) if lang != "en" else None
                if text:
                    s[f] = text
            s["cite"] = s["cite_as"] or s["name"]
            s["date"] = spelled_date(s["published"], lang)
        return rows

    # --- answers ------------------------------------------------------------------------------------

    def behind(self, answer: Answer, lang: str = "en") -> Behind:
        """The stored figures behind an answer, and the derived figure it states, if any."""
        ids = list(dict.fromkeys(answer.figure_ids))
        if answer.stated:
            # A claim check's verdicts, or figures given as context: the answer says which.
            return self._behind_stated([s if s.text or not s.computed else replace(s, text=statement(answer))
                                        for s in answer.stated], lang)
        if answer.kind != "answer":
            return Behind([], None, lang)
        if not ids:
            return Behind([], None, lang, facts=self.facts_behind(answer, lang))
        if (answer.intent in COMPUTING_OPERATIONS | COMPUTING_FOLLOWUPS
                or any(t.name in COMPUTING_TRACES for t in answer.traces)):
            # A registered operation computes its figure from the stored ones: an average, a
            # multiple, a gap, a set of categories, a span from its parts. A checked figure is
            # one stored figure (cited as it is) or a sum of parts.
            ids += self._totals_stated(answer, ids)  # "12.1% of the 365 total": the total is behind it too
            stated = [StatedFigure(statement(answer), tuple(ids), not (answer.intent == "check_figure" and len(ids) == 1))]
            # "253 is the report's figure for business": what the checked number really is, stated too.
            named = [f for row in self._trace_rows(answer, "check_figure") for f in row.get("stated_ids") or []
                     if f not in ids and _states(answer, f, self.pipeline.figure_values.get(f))]
            stated += [StatedFigure("", (f,), False) for f in dict.fromkeys(named)]
            return self._behind_stated(stated, lang)
        picked = self._picked(answer, ids)
        derived = self._derived(answer, picked, lang)
        if derived is not None:
            return Behind(derived.parts, derived, lang)
        figures = self.backings(picked, lang)
        if any(not locators.contains_value(answer.text, f.value) for f in figures):
            # The answer states a value made of these ("North Koreans entering Russia: 366" for
            # H1 from Q1 and Q2) rather than each of them: cite it as computed, from every one.
            return self._behind_stated([StatedFigure(statement(answer), tuple(picked), True)], lang)
        totals: list[Backing] = []
        if answer.intent in ("breakdown", "ranking", "category", "complement"):
            # These answers give each category's share of the published total: locate it too.
            rows = self._runner().run("handoff_total_of", ids=picked)
            total_ids = list(dict.fromkeys(r["total_id"] for r in rows if r["total_id"] not in picked))
            totals = self.backings(total_ids, lang)
        return Behind(figures, None, lang, totals)

    def _totals_stated(self, answer: Answer, ids: list[str]) -> list[str]:
        """The published totals of these figures that the answer's text gives, not yet among them."""
        rows = self._runner().run("handoff_total_of", ids=ids)
        values = self.pipeline.figure_values
        return list(dict.fromkeys(r["total_id"] for r in rows if r["total_id"] not in ids
                                  and locators.contains_value(answer.text, values.get(r["total_id"], -1))))

    def _behind_stated(self, stated: list[StatedFigure], lang: str) -> Behind:
        """The figures behind an answer that says which figures it states and which it computed."""
        figures = self.backings([f for s in stated for f in s.figure_ids], lang)
        by_id = {b.figure_id: b for b in figures}
        computed = [Computed(s.text, [by_id[f] for f in s.figure_ids if f in by_id]) for s in stated if s.computed]
        own = list({b.figure_id: b for s in stated if not s.computed
                    for b in (by_id[f] for f in s.figure_ids if f in by_id)}.values())
        return Behind(figures, None, lang, computed=[c for c in computed if c.parts], own=own)

    def _picked(self, answer: Answer, ids: list[str]) -> list[str]:
        """The figures an answer states. A question about one category ("how many came by air?")
        reads the whole breakdown, to check it against the total, but states only that category."""
        ctx = answer.context
        if answer.intent not in ("category", "share") or ctx is None or not ctx.categories:
            return ids
        wanted = set(ctx.categories)
        rows = self.pipeline.snapshot.figures(ids)
        picked = [i for i in ids if i in rows and (rows[i]["dimension"], rows[i]["category"]) in wanted]
        return picked or ids

    def facts_behind(self, answer: Answer, lang: str) -> list[FactBacking]:
        """The facts an answer gives: those its facts query found whose statement the answer shows
        (a fact that was looked up but not given, say for not saying what was asked, is left out)."""
        shown: list[str] = []
        for row in self._trace_rows(answer, "facts"):
            fid = row["fact_id"]
            texts = [row["statement"], *(self.lexicon.translated("fact", fid, "statement", other) for other in ("ko", "ru"))]
            if fid not in shown and any(t and str(escape(t)) in answer.html for t in texts):
                shown.append(fid)
        if not shown:
            return []
        runner = self._runner()
        out = []
        for r in runner.run("handoff_facts", ids=shown):
            tr = (lambda f: self.lexicon.translated("fact", r["fact_id"], f, lang)) if lang != "en" else (lambda f: None)
            text = self.snapshot.texts.get(r["source_id"])
            quotes = []
            if text and r["locator"]:
                for place in locators.parse(r["locator"]):
                    sentence = locators.resolve(text, place).text
                    quotes.append({"code": place.code, "pieces": _mark(sentence, r["quote"])})
            # A fact is the report's own (an expert, an event), not the FSB's statistics: as in
            # the fact answers, the chain leaves the statistics' origin out.
            chain = [c for c in self.chain(runner, r["source_id"], lang) if c["kind"] != "official statistics"]
            out.append(FactBacking(r["fact_id"], tr("topic") or r["topic"], tr("statement") or r["statement"],
                                   chain, r["locator"],
                                   located_at(r["locator"], lang), quotes))
        return out

    def _trace_rows(self, answer: Answer, name: str) -> list[dict[str, Any]]:
        return [dict(zip(t.columns, row)) for t in answer.traces if t.name == name for row in t.rows]

    def _derived(self, answer: Answer, ids: list[str], lang: str) -> Derived | None:
        """The sum, change or share an answer states, from the very query row it was rendered from."""
        wanted = set(ids)
        if answer.intent == "total" and len(ids) > 1:
            for row in self._trace_rows(answer, "sum_periods"):
                if set(row["figure_ids"]) == wanted:
                    parts = self.backings(list(row["figure_ids"]), lang)
                    return Derived("sum", row["value"], parts, _spelled_union([p.period for p in parts], lang))
        if answer.intent == "compare_periods":
            for row in self._trace_rows(answer, "compare"):
                if set(row["a_ids"]) | set(row["b_ids"]) == wanted and row["diff"] is not None:
                    if row["pct"] is not None and f"{abs(row['pct']):.1f}" not in answer.html.replace(",", "."):  # "71,4 %" in Russian
                        # "By what percent was Q2 lower than Q3?" is answered from the larger side
                        # (41.6 % lower): a cite line must not state the rise (71.4 %) it never gave.
                        continue
                    a = self.backings(list(row["a_ids"]), lang)
                    b = self.backings(list(row["b_ids"]), lang)
                    return Derived("change", row["diff"], a + b, values={
                        "a_value": row["a_value"], "b_value": row["b_value"], "diff": row["diff"], "pct": row["pct"],
                        "a_period": _spelled_union([p.period for p in a], lang),
                        "b_period": _spelled_union([p.period for p in b], lang),
                        "a_parts": len(a), "b_parts": len(b),
                        # A side summed from several stored figures shows them: "731 (153 + 213 + 365)".
                        "a_values": [p.value for p in a], "b_values": [p.value for p in b],
                        # Unequal spans (a half-year against a quarter) are flagged, as the answer does.
                        "a_months": sum(p.period.months for p in a), "b_months": sum(p.period.months for p in b)})
        if answer.intent == "share" and len(ids) == 1:
            for row in self._trace_rows(answer, "breakdown"):
                if list(row["figure_ids"]) == ids and row["share"] is not None:
                    totals = self._runner().run("handoff_total_of", ids=ids)
                    if len(totals) != 1:
                        return None  # a share of a total made of several periods: list the figures instead
                    part, total = self.backings([ids[0], totals[0]["total_id"]], lang)
                    if total.value != row["total"]:
                        return None
                    return Derived("share", row["share"], [part, total], part.period_text,
                                   values={"part": part.value, "total": total.value})
        return None

    # --- rendered views -----------------------------------------------------------------------------

    def passage(self, answer: Answer | None, lang: str = "en") -> str:
        """ "Where in the report": the locator (and, with the text, the sentence) of every figure."""
        behind = self.behind(answer, lang) if answer is not None else Behind([], None, lang)
        sources = self._sources_of(behind.figures + behind.totals + behind.facts)
        return self.renderer.html("passage", lang, answer=answer, b=behind, sources=sources,
                                  has_texts=bool(self.snapshot.texts), version=self.snapshot.version)

    def cite(self, answer: Answer | None, lang: str = "en") -> str:
        """Ready-to-paste attributed lines for what the answer states."""
        behind = self.behind(answer, lang) if answer is not None else Behind([], None, lang)
        return self.renderer.html("cite", lang, answer=answer, b=behind, ko=_ko_particles(behind))

    @staticmethod
    def _sources_of(figures: list[Any]) -> list[dict[str, Any]]:
        seen: dict[str, dict[str, Any]] = {}
        for f in figures:
            for s in f.chain:
                seen.setdefault(s["source_id"], s)
        return list(seen.values())

    # --- export -------------------------------------------------------------------------------------

    def rows(self, figure_ids: list[str] | None) -> Iterator[list[Any]]:
        """CSV rows (English labels, in ``CSV_COLUMNS`` order) for these figures, or every figure for None.

        Streamed from DuckDB in slices and never cached: an export of 100,000 figures must not
        keep them all in memory, in the query cache or as objects (labels are looked up once per
        distinct country, period, category, source and locator).
        """
        params = {"ids": list(dict.fromkeys(figure_ids or [])), "all": figure_ids is None}
        queries = self.pipeline.queries
        # A cursor of its own: the labels below run queries on the thread's shared cursor, which
        # would end this result set half-read.
        cur = self.snapshot.con.cursor()
        try:
            yield from self._stream(cur, queries, params)
        finally:
            cur.close()

    def _stream(self, cur: Any, queries: dict[str, str], params: dict[str, Any]) -> Iterator[list[Any]]:
        caveats: dict[str, list[str]] = {}
        for fid, _, text in cur.execute(queries["handoff_caveats"], params).fetchall():
            caveats.setdefault(fid, []).append(text)
        runner = self._runner()
        label = self.lexicon.label
        sources: dict[str, tuple[str, str, str]] = {}
        periods: dict[str, tuple[str, str, str]] = {}
        places: dict[str, str] = {}
        result = cur.execute(queries["handoff_figures"], params)
        columns = [d[0] for d in result.description]
        version = self.snapshot.version
        while batch := result.fetchmany(EXPORT_SLICE):
            for values in batch:
                r = dict(zip(columns, values))
                if r["source_id"] not in sources:
                    chain = self.chain(runner, r["source_id"], "en")
                    own = chain[-1] if chain else {}
                    sources[r["source_id"]] = (
                        " → ".join(c["name"] + (f" ({c['published']})" if c["published"] else "") for c in chain),
                        own.get("url") or "", own.get("title") or "")
                if r["period"] not in periods:
                    p = parse_code(r["period"])
                    (y1, m1), (y2, m2) = divmod(p.start, 12), divmod(p.end, 12)
                    periods[r["period"]] = (p.label, f"{y1}-{m1 + 1:02d}", f"{y2}-{m2 + 1:02d}")
                locator = r["locator"] or ""
                if locator not in places:
                    places[locator] = located_at(locator, "en")
                period_label, first, last = periods[r["period"]]
                total = r["dimension"] == "total"
                what = (f"{label('country', r['citizens'], 'people')} entering {label('country', r['destination'])}, "
                        f"{period_label}" + ("" if total else f", {label(r['dimension'], r['category'], 'phrase')}"))
                chain_text, url, title = sources[r["source_id"]]
                yield [r["figure_id"], what, label("country", r["citizens"]), label("country", r["destination"]),
                       r["period"], period_label, first, last, r["dimension"], "" if total else r["category"],
                       r["value"], chain_text, url, title, locator, places[locator],
                       " | ".join(caveats.get(r["figure_id"], [])), r["note"] or "", version]

    def csv_bytes(self, figure_ids: list[str] | None) -> bytes:
        """The figures as CSV: UTF-8 with a byte order mark, comma-separated, CRLF, a header row."""
        buf = io.BytesIO()
        text = io.TextIOWrapper(buf, encoding="utf-8-sig", newline="")
        writer = csv.writer(text, lineterminator="\r\n")
        writer.writerow(CSV_COLUMNS)
        for row in self.rows(figure_ids):
            writer.writerow([_cell(v) for v in row])
        text.flush()
        data = buf.getvalue()
        text.detach()
        return data

    def chart_csv(self, spec: ChartSpec) -> bytes:
        """The CSV of exactly what a chart plots."""
        return self.csv_bytes(list(spec.figure_ids))


def statement(answer: Answer) -> str:
    """What an answer says of the figure it computed: its first paragraph as plain text (the
    operations' templates state the result there, with its period), without caveat and source
    lines. The cite line quotes the answer itself, so it can never disagree with it."""
    lines: list[str] = []
    for line in to_plain(answer.html).strip().splitlines():
        line = line.strip()
        if not line:
            if lines:
                break
            continue
        if line.startswith(("⚠", "Source:", "출처:", "Источник:")):
            continue
        lines.append(line.lstrip("•· ").strip())
    # Bullet lines carry no full stop: "North Koreans entering Russia: 366; Russians ...: 222; ..."
    return " ".join(x if x[-1:] in ".:;!?)。" or i == len(lines) - 1 else x + ";" for i, x in enumerate(lines))


def _states(answer: Answer, figure_id: str, value: int | None) -> bool:
    """Whether an answer's text gives this stored figure's value (check_figure names only the
    figures a stated number really is; the SQL lists every figure with that value)."""
    return value is not None and locators.contains_value(answer.text, value)


def _mark(sentence: str, quote: str | None) -> list[tuple[str, bool]]:
    """A sentence as pieces with the report's quotation marked, when the fact has one."""
    if not quote:
        return [(sentence, False)]
    m = re.search(re.escape(quote).replace(r"\ ", r"\s+"), sentence, re.I)
    if m is None:
        return [(sentence, False)]
    return [p for p in ((sentence[:m.start()], False), (m.group(0), True), (sentence[m.end():], False)) if p[0]]


def _cell(value: Any) -> Any:
    """A text cell that a spreadsheet would run as a formula gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def _ko_particles(behind: Behind) -> dict[str, str]:
    """Korean particles for the words a Korean cite line attaches them to."""
    out: dict[str, str] = {}
    for f in behind.figures + behind.totals:
        out[f.people] = ko_particle(f.people, "은", "는")
        for s in f.chain:
            out["subj:" + s["cite"]] = ko_particle(s["cite"], "이", "가")
            out["obj:" + s["cite"]] = ko_particle(s["cite"], "을", "를")
    return out
