"""The figures packed by direction: read once per snapshot, a few bytes a figure, no Python object per figure.

A first-time answer at 104k rows read its direction's series with one DuckDB query (about 2 ms of
CPU each, most of it DuckDB's fixed cost per query), then its breakdown, sum or comparison with
another. Here every figure is read once per snapshot (when a direction is first asked about, not
during a reload: ``Snapshot.packed_figures``), one text per direction (``figures_packed.sql``:
each figure's id, then its series, period and source as small numbers into tables of their
values, and its value; 4.4 MB at 104k rows), and a direction's view (its figures as short lists,
each series' positions) is made from its text when the direction is asked about, and kept only
while it is among the recently used ones (``Snapshot.direction``).

Small data (the material's 17 rows) packs nothing: its few directions are read by a query each,
into the same view (``DirectionView.from_rows``).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from typing import Any

import duckdb


@dataclass(frozen=True)
class DirectionView:
    """One direction's figures, in file order as parallel lists (position i is the i-th figure of
    the direction in figures.csv), and each series' positions oldest first: by p_start, p_end, then
    file line, as direction_series.sql orders them. A few hundred rows."""

    periods: list[str]
    starts: list[int]
    ends: list[int]
    values: list[int]
    ids: list[str]
    sources: list[str]
    series: dict[tuple[str, str], list[int]]  # (dimension, category) -> positions, oldest first
    position: dict[str, int]  # figure_id -> its position

    @classmethod
    def from_rows(cls, rows: list[tuple[Any, ...]]) -> "DirectionView":
        """From direction_series.sql's rows (dimension, category, period, p_start, p_end, value,
        figure_id, line, source_id): small data's way, and the tests' reference for the packed one."""
        by_line = sorted(range(len(rows)), key=lambda i: rows[i][7])
        place = {i: n for n, i in enumerate(by_line)}
        series: dict[tuple[str, str], list[int]] = {}
        for i, row in enumerate(rows):  # already in series order, oldest first
            series.setdefault((row[0], row[1]), []).append(place[i])
        ordered = [rows[i] for i in by_line]
        ids = [r[6] for r in ordered]
        return cls([r[2] for r in ordered], [r[3] for r in ordered], [r[4] for r in ordered], [r[5] for r in ordered],
                   ids, [sys.intern(r[8]) for r in ordered], series, {f: n for n, f in enumerate(ids)})

    def rows(self, key: tuple[str, str]) -> tuple[tuple[str, int, int, int, str], ...]:
        """One series as periods_for.sql gives it: (period, p_start, p_end, value, figure_id), oldest first."""
        return tuple((self.periods[i], self.starts[i], self.ends[i], self.values[i], self.ids[i])
                     for i in self.series.get(key, ()))


@dataclass(frozen=True)
class PackedFigures:
    """Every figure of a snapshot, one text per direction, with the tables its numbers index."""

    series: tuple[tuple[str, str], ...]  # code -> (dimension, category), in their sort order
    periods: tuple[str, ...]  # code -> period
    bounds: tuple[tuple[int, int], ...]  # code -> the period's first and last month (p_start, p_end)
    sources: tuple[str, ...]  # code -> source_id
    directions: dict[tuple[str, str], tuple[int, str]]  # (citizens, destination) -> figures, packed text

    @classmethod
    def read(cls, cur: duckdb.DuckDBPyConnection, sql: dict[str, str]) -> "PackedFigures | None":
        """Read the figures table (two queries); None if what was read does not add up, and the
        caller then reads each direction with a query (direction_series.sql)."""
        series: list[tuple[str, str]] = []
        periods: list[str] = []
        bounds: list[tuple[int, int]] = []
        sources: list[str] = []
        for kind, code, name, detail, p_start, p_end in cur.execute(sql["figure_codes"]).fetchall():
            table = (series, periods, sources)[kind]
            if code != len(table):
                return None
            if kind == 0:
                series.append((sys.intern(name), sys.intern(detail)))
            elif kind == 1:
                periods.append(sys.intern(name))
                bounds.append((p_start, p_end))
            else:
                sources.append(sys.intern(name))
        directions: dict[tuple[str, str], tuple[int, str]] = {}
        for citizens, destination, n, text in cur.execute(sql["figures_packed"]).fetchall():
            if text.count(" ") != 5 * n - 1:  # five fields a figure; no field holds a space
                return None
            directions[(sys.intern(citizens), sys.intern(destination))] = (n, text)
        return cls(tuple(series), tuple(periods), tuple(bounds), tuple(sources), directions)

    def direction(self, citizens: Any, destination: Any) -> DirectionView | None:
        """One direction's view (None for a direction with no figures), unpacked from its text."""
        found = self.directions.get((citizens, destination))
        if found is None:
            return None
        n, text = found
        fields = text.split(" ")
        ids = fields[0::5]
        codes = list(map(int, fields[1::5]))
        period_codes = list(map(int, fields[2::5]))
        bounds = self.bounds
        # A stable sort of positions in file order: equal keys keep the line order.
        order = sorted(range(n), key=lambda i: (codes[i], bounds[period_codes[i]]))
        series: dict[tuple[str, str], list[int]] = {}
        names = self.series
        for i in order:
            series.setdefault(names[codes[i]], []).append(i)
        labels, source_names = self.periods, self.sources
        return DirectionView([labels[p] for p in period_codes], [bounds[p][0] for p in period_codes],
                             [bounds[p][1] for p in period_codes], list(map(int, fields[4::5])), ids,
                             [source_names[k] for k in map(int, fields[3::5])], series, {f: i for i, f in enumerate(ids)})

    @property
    def nbytes(self) -> int:
        """The packed texts' size in characters (ASCII: bytes), not the small code tables."""
        return sum(len(text) for _, text in self.directions.values())
