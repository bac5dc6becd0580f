"""The figures as compact columns: numbers in numpy arrays, grouped by direction, read once per snapshot.

A first-time answer at 104k rows read its direction's series with one DuckDB query (about 2 ms of
CPU each, most of it DuckDB's fixed cost per query), and its breakdown, sum or comparison with
another. Here the whole table is read once at load, as codes and numbers (a series, period and
source are small integers into tables of their values; a direction is a range of rows; the ids
of a direction are one comma-joined string), about 6 MB at 104k rows against a Python tuple per
figure; a direction's series are built from its range the first time it is asked about.

No Python object is made per figure until its direction is asked about, and then only that
direction's (a few hundred rows).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from typing import Any

import duckdb
import numpy as np

# One figure of a series as the snapshot keeps it: periods_for.sql's five columns, then the
# figure's line in figures.csv (list() order in the aggregate queries) and its source_id.
SeriesRow = tuple[str, int, int, int, str, int, str]
Series = dict[tuple[str, str], tuple[SeriesRow, ...]]


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
    line: np.ndarray
    source_code: np.ndarray

    @classmethod
    def read(cls, cur: duckdb.DuckDBPyConnection, sql: dict[str, str]) -> "FigureColumns | None":
        """Read the figures table (three queries over it); None if what was read does not add up,
        and the caller then reads directions from DuckDB as before."""
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
        if row != len(columns["value"]) or any(np.ma.is_masked(c) for c in columns.values()):
            return None
        starts = np.array([b[0] for b in bounds], dtype=np.int64)
        ends = np.array([b[1] for b in bounds], dtype=np.int64)
        return cls(tuple(series), tuple(periods), tuple(bounds), starts, ends, tuple(sources), directions,
                   np.asarray(columns["series"], dtype=np.int32), np.asarray(columns["period"], dtype=np.int32),
                   np.asarray(columns["value"], dtype=np.int64), np.asarray(columns["line"], dtype=np.int64),
                   np.asarray(columns["source"], dtype=np.int32))

    def direction(self, citizens: Any, destination: Any) -> Series:
        """Every series of one direction, each ordered as direction_series.sql orders it
        (p_start, p_end, then file line); {} for a direction with no figures."""
        found = self.directions.get((citizens, destination))
        if found is None:
            return {}
        lo, hi, ids = found
        codes = self.series_code[lo:hi]
        periods = self.period_code[lo:hi]
        # lexsort is stable and the range is in file order, so equal keys keep the line order.
        order = np.lexsort((self.ends[periods], self.starts[periods], codes))
        figure_ids = ids.split(",")
        grouped: dict[tuple[str, str], list[SeriesRow]] = {}
        names, labels, bounds, srcs = self.series, self.periods, self.bounds, self.sources
        for i, s, p, value, line, source in zip(order.tolist(), codes[order].tolist(), periods[order].tolist(),
                                                self.value[lo:hi][order].tolist(), self.line[lo:hi][order].tolist(),
                                                self.source_code[lo:hi][order].tolist()):
            start, end = bounds[p]
            grouped.setdefault(names[s], []).append((labels[p], start, end, value, figure_ids[i], line, srcs[source]))
        return {k: tuple(v) for k, v in grouped.items()}

    @property
    def nbytes(self) -> int:
        """The arrays' and id strings' size (not the small code tables)."""
        arrays = (self.series_code, self.period_code, self.value, self.line, self.source_code)
        return sum(a.nbytes for a in arrays) + sum(len(ids) for _, _, ids in self.directions.values())
