"""The figures as compact columns: numbers in numpy arrays, grouped by direction, read once per snapshot.

A first-time answer at 104k rows read its direction's series with one DuckDB query (about 2 ms of
CPU each, most of it DuckDB's fixed cost per query), and its breakdown, sum or comparison with
another. Here the whole table is read once at load, as codes and numbers (a series, period and
source are small integers into tables of their values; a direction is a range of rows; the ids
of a direction are one comma-joined string), about 5 MB at 104k rows against a Python tuple per
figure; a direction's view (its figures as short lists, each series' positions) is made from its range
when it is asked about.

No Python object is made per figure until its direction is asked about, and then only that
direction's (a few hundred rows), kept while the direction is among the recently used ones.
Small data (the material's 17 rows) reads no columns: its few directions are read by a query
each, into the same view (``DirectionView.from_rows``), and numpy is never imported for it.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import duckdb

if TYPE_CHECKING:
    import numpy as np


@dataclass(frozen=True)
class DirectionView:
    """One direction's figures, in file order as parallel lists (position i is the i-th figure of
    the direction in figures.csv), and each series' positions oldest first: by p_start, p_end, then
    file line, as direction_series.sql orders them. A few hundred rows; made when a direction is
    asked about and kept only while recently used (Snapshot.direction)."""

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
        figure_id, line, source_id): the fallback when no columns were read, and the tests' reference."""
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
class FigureColumns:
    """Every figure of a snapshot as codes and numbers, rows grouped by direction in file order."""

    series: tuple[tuple[str, str], ...]  # code -> (dimension, category), in their sort order
    periods: tuple[str, ...]  # code -> period
    bounds: tuple[tuple[int, int], ...]  # code -> the period's first and last month (p_start, p_end)
    starts: np.ndarray  # the same first months as an array (for sorting)
    ends: np.ndarray  # and last months
    sources: tuple[str, ...]  # code -> source_id
    directions: dict[tuple[str, str], tuple[int, int, str]]  # (citizens, destination) -> first row, end, ids
    series_code: np.ndarray
    period_code: np.ndarray
    value: np.ndarray
    source_code: np.ndarray

    @classmethod
    def read(cls, cur: duckdb.DuckDBPyConnection, sql: dict[str, str]) -> "FigureColumns | None":
        """Read the figures table (three queries over it); None if what was read does not add up,
        and the caller then reads each direction with a query (direction_series.sql)."""
        import numpy as np  # here, not at the top: importing it costs ~10 MB, and small data never reads columns
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
        columns = cur.execute(sql["figure_columns"]).fetchnumpy()
        directions: dict[tuple[str, str], tuple[int, int, str]] = {}
        row = 0
        for citizens, destination, n, ids in cur.execute(sql["figure_directions"]).fetchall():
            if ids.count(",") != n - 1:
                return None
            directions[(sys.intern(citizens), sys.intern(destination))] = (row, row + n, ids)
            row += n
        if row != len(columns["value"]):
            return None
        starts = np.array([b[0] for b in bounds], dtype=np.int64)
        ends = np.array([b[1] for b in bounds], dtype=np.int64)
        return cls(tuple(series), tuple(periods), tuple(bounds), starts, ends, tuple(sources), directions,
                   np.asarray(columns["series"], dtype=np.int32), np.asarray(columns["period"], dtype=np.int32),
                   np.asarray(columns["value"], dtype=np.int64),
                   np.asarray(columns["source"], dtype=np.int32))

    def direction(self, citizens: Any, destination: Any) -> DirectionView | None:
        """One direction's view (None for a direction with no figures), from its range of rows."""
        import numpy as np  # imported by read() already; a dictionary lookup here
        found = self.directions.get((citizens, destination))
        if found is None:
            return None
        lo, hi, joined = found
        codes = self.series_code[lo:hi]
        period_codes = self.period_code[lo:hi]
        # lexsort is stable and the range is in file order, so equal keys keep the line order.
        order = np.lexsort((self.ends[period_codes], self.starts[period_codes], codes))
        ordered_codes = codes[order]
        cuts = (np.flatnonzero(np.diff(ordered_codes)) + 1).tolist()
        series = {self.series[int(ordered_codes[start])]: part.tolist()
                  for start, part in zip([0] + cuts, np.split(order, cuts)) if len(part)}
        labels, bounds, names = self.periods, self.bounds, self.sources
        pcs = period_codes.tolist()
        ids = joined.split(",")
        return DirectionView([labels[p] for p in pcs], [bounds[p][0] for p in pcs], [bounds[p][1] for p in pcs],
                             self.value[lo:hi].tolist(), ids, [names[k] for k in self.source_code[lo:hi].tolist()],
                             series, {f: n for n, f in enumerate(ids)})

    @property
    def nbytes(self) -> int:
        """The arrays' and id strings' size (not the small code tables)."""
        arrays = (self.series_code, self.period_code, self.value, self.source_code)
        return sum(a.nbytes for a in arrays) + sum(len(ids) for _, _, ids in self.directions.values())
