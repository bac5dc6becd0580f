"""Whole-report views for commands: /figures, /about, /sources, /chart, and figure labels."""

from __future__ import annotations

from typing import Any

from handlers.charts import ChartSpec
from handlers.understanding.extract import extract
from handlers.intents.figures import FigureQuestion
from handlers.model import Direction, NoData
from handlers.periods import parse_code
from handlers.queries import QueryRunner
from handlers.render import to_plain


class ReportViews:
    """Overviews and charts of the whole report (a mixin of the pipeline)."""

    # --- overviews and charts (for /figures, /about, /chart) --------------------------------------

    def overview(self, direction: Direction | None = None) -> str:
        """Every figure in one compact message, grouped by direction, with sources; ``direction``:
        that direction's figures only ("러시아인 방북 관련 수치 전부")."""
        runner = QueryRunner(self.snapshot, self.queries)
        meta = self.snapshot.meta
        groups: list[dict[str, Any]] = []
        for r in runner.run("overview", default_citizens=meta.get("default_citizens", ""),
                            default_destination=meta.get("default_destination", "")):
            d = Direction(r["citizens"], r["destination"])
            if direction is not None and d != direction:
                continue
            if not groups or groups[-1]["direction"] != d:
                groups.append({"direction": d, "dir": self.dir_values(d), "lines": []})
            label = "total" if r["dimension"] == "total" else self._label(r["dimension"], r["category"])
            groups[-1]["lines"].append({"period": self.period_label(parse_code(r["period"])), "label": label, "value": r["value"],
                                        "dimension": r["dimension"]})
        chain = self.source_chain(runner, self.snapshot.first_source) if self.snapshot.first_source else []
        return self._render("figures", groups=groups, source=chain, version=self.snapshot.version)

    def about(self) -> str:
        runner = QueryRunner(self.snapshot, self.queries)
        return self._render("about", version=self.snapshot.version, loaded_at=self.snapshot.loaded_at,
                            counts=self.snapshot.counts(), coverage=self.coverage(runner), dataset=self._dataset(),
                            report_date=self.report_date)

    def sources(self) -> str:
        """The /sources view: the source chain behind the figures."""
        return self._i_sources(extract("", self.lexicon, self.report_date), QueryRunner(self.snapshot, self.queries))[0]

    def coverage_rows(self) -> list[dict[str, Any]]:
        return self.coverage(QueryRunner(self.snapshot, self.queries))

    def chart_kinds(self) -> list[tuple[str, str]]:
        """(kind, button label) for every chart the data supports, in the answer's language."""
        kinds = [("trend", self._chart_text("menu_trend"))]
        kinds += [(d, self._chart_text("menu_dimension", dimension=self._label("dimension", d)))
                  for d in self._dimensions_in_data()]
        return kinds

    def _chart_text(self, part: str, **values: Any) -> str:
        """One piece of a chart's text (title, caption, axis, note) as plain text, from the
        language's ``chart_text`` template: a chart is an image, not Telegram HTML."""
        return to_plain(self._render("chart_text", part=part, **values))

    def chart(self, kind: str) -> ChartSpec | None:
        """A chart of the default direction: its series, or its latest breakdown by a dimension."""
        d = self.default_direction
        if d is None:
            return None
        runner = QueryRunner(self.snapshot, self.queries)
        v = self.dir_values(d)
        if kind == "trend":
            rows = runner.run("series", citizens=d.citizens, destination=d.destination, dimension="total", category="all")
            if not rows:
                return None
            periods = [parse_code(r["period"]) for r in rows]
            chain = self.source_chain(runner, self._figure_source(runner, rows[0]["figure_id"]))
            # A whole year beside quarters is drawn as its quarterly average, marked as such: as
            # one bar among quarters it would look like a quarter four times the size.
            unit = min(p.months for p in periods)
            averaged = tuple(p.months > unit for p in periods)
            shown = tuple(round(r["value"] * unit / p.months, 1) if avg else r["value"]
                          for r, p, avg in zip(rows, periods, averaged))
            value_labels = tuple(self._chart_text("average_value", value=v_, total=r["value"], unit=unit)
                                 if avg else self._chart_text("value", value=r["value"])
                                 for r, avg, v_ in zip(rows, averaged, shown))
            labels = tuple(self._chart_text("average_label", period=self.period_label(p), unit=unit) if avg else self.period_label(p)
                           for p, avg in zip(periods, averaged))
            longest = max(p.months for p in periods)
            note = self._chart_text("average_note", unit=unit, parts=longest // unit) if any(averaged) else ""
            return ChartSpec("trend", self._chart_text("trend_title", dir=v), labels, shown,
                             self._caption(chain, self._chart_text("period_range", first=self.period_label(periods[0]),
                                                                   last=self.period_label(periods[-1]))),
                             note, tuple(r["figure_id"] for r in rows), axis=self._chart_text("axis"),
                             value_labels=value_labels, averaged=averaged)
        if kind not in self._dimensions_in_data():
            return None
        asked = FigureQuestion(ex=extract("", self.lexicon, self.report_date), runner=runner, direction=d, assumed_direction=False,
                    categories=[], dimensions=[kind], fixed_periods=None, now=0.0)
        try:
            period, avail, _ = self._dimension_period(asked, kind)
            rows = self._need_rows(asked, kind, period, avail)
        except NoData:
            return None
        chain = self.source_chain(runner, self._figure_source(runner, asked.figure_ids[0]))
        r0 = rows[0]
        gap = r0["unaccounted"]
        note = self._chart_text("gap_note", parts=r0["parts_sum"], gap=gap, total=r0["total"]) if gap else ""
        dim = self._label("dimension", kind)
        return ChartSpec(kind, self._chart_text("breakdown_title", dir=v, dimension=dim, period=self.period_label(period)),
                         tuple(r["label"] for r in rows), tuple(r["value"] for r in rows),
                         self._caption(chain, f"{self.period_label(period)} ({period.span_in(self.lang)})"), note,
                         tuple(i for r in rows for i in r["figure_ids"]), axis=self._chart_text("axis"),
                         value_labels=tuple(self._chart_text("value", value=r["value"]) for r in rows))

    def figure_label(self, figure_id: str, row: dict[str, Any] | None = None) -> str:
        """ "North Koreans entering Russia, Q3 2023, by air": what a stored figure counts."""
        if row is None:
            row = self.snapshot.figure(figure_id)
        if row is None:
            return figure_id
        v = self.dir_values(Direction(row["citizens"], row["destination"]))
        what = "" if row["dimension"] == "total" else f", {self.series_name(row['dimension'], row['category'])}"
        return f"{v['people']} entering {v['destination']}, {parse_code(row['period']).label}{what}"

    def default_source_chain(self) -> list[dict[str, Any]]:
        source = self.snapshot.first_source
        if not source:
            return []
        return self.source_chain(QueryRunner(self.snapshot, self.queries), source)

    def _caption(self, chain: list[dict[str, Any]], period: str) -> str:
        return self._chart_text("caption", chain=[s["name"] for s in chain], period=period, version=self.snapshot.version)
