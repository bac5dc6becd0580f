"""Named queries answered from what a snapshot holds, not by a DuckDB query each.

A first-time answer at 104k rows made a DuckDB query for each step (a series' periods, its sum, a
breakdown, a comparison, the caveats), and DuckDB's fixed cost per query (binding, planning:
0.4-1.4 ms, more for a breakdown's window functions) was most of its time. Each function here
gives exactly the columns and rows its .sql file would, which stays the text the answer's trace
shows (tests/test_local_queries.py compares them with DuckDB running the file):

* ``periods_for``, ``sum_periods``, ``breakdown`` and ``compare`` from the direction's figures
  (``Snapshot.direction``, a view unpacked from the figures packed by direction);
* ``caveats`` by matching the caveat rows, read once per snapshot, with the file's ``WHERE``;
* ``facts`` by looking up the fact rows, read once per snapshot, by id (3 ms of DuckDB per
  first-time fact question on the material, for a table of a few dozen rows).

The arithmetic is DuckDB's: a sum is exact (HUGEINT, a Python int), ``100.0 * x / y`` is the
double of 100x divided by the double of y (IEEE: a zero divisor gives inf or nan, as DuckDB does),
and ``round(x, n)`` rounds the double's exact value half away from zero (``c_round``). Those
doubles are exact only while the integers are below 2^53 / 1000 (DuckDB scales 100.0 * x to 1000x
before the division), so larger figures, parameters of other types and a sum whose parts DuckDB
would order by a tie return None: the runner then asks DuckDB, as before.
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Context, Decimal
from typing import Any, Callable

from handlers.packed import DirectionView
from handlers.store import Snapshot

Result = tuple[tuple[str, ...], tuple[tuple[Any, ...], ...]]
EXACT = 2 ** 53 // 1000  # |integers| below this make every double here exact (see the module docstring)

_PERIODS_COLUMNS = ("period", "p_start", "p_end", "value", "figure_id")
_CAVEAT_COLUMNS = ("caveat_id", "kind", "text")
_SUM_COLUMNS = ("value", "parts", "periods", "part_values", "figure_ids", "source_id")
_BREAKDOWN_COLUMNS = ("category", "value", "total", "share", "complement", "complement_share", "rank_desc", "rank_asc",
                      "tied", "parts_sum", "unaccounted", "parts_share", "share_of_parts", "figure_ids")
_COMPARE_COLUMNS = ("a_value", "b_value", "diff", "pct", "ratio", "b_pct_of_a", "inverse_ratio", "inverse_pct",
                    "combined", "a_share_of_combined", "b_share_of_combined", "a_ids", "b_ids")


def c_round(x: float, digits: int) -> float:
    """DuckDB's round(DOUBLE, digits >= 0) as DuckDB 2.0 computes it: the double's exact decimal
    value rounded to ``digits`` places, half away from zero (round(1.075, 2) is 1.07: the double
    1.075 is 1.07499999...; round(0.125, 2) is 0.13), back to the nearest double. inf and nan
    are given back unchanged."""
    if math.isinf(x) or math.isnan(x):
        return x
    return float(Decimal(x).quantize(_PLACES[digits], context=_ROUNDING))


_ROUNDING = Context(prec=800, rounding=ROUND_HALF_UP)  # enough digits for any double's exact value
_PLACES = {n: Decimal(1).scaleb(-n) for n in range(0, 4)}


def divide(x: int, y: int) -> float:
    """DuckDB's DOUBLE division of two exact integers: x / 0 is inf, -inf or nan, not an error."""
    if y == 0:
        return math.nan if x == 0 else math.copysign(math.inf, x)
    return float(x) / float(y)


def _share(x: int | None, y: int | None, digits: int = 1, scale: int = 100) -> float | None:
    """round(100.0 * x / y, digits) (or round(x / y, digits) with scale 1), NULL in, NULL out."""
    if x is None or y is None:
        return None
    return c_round(divide(scale * x, y), digits)


def _view(snapshot: Snapshot, citizens: Any, destination: Any) -> DirectionView | None:
    """The direction's view; None for a direction with no figures or a NULL one (it matches no row)."""
    if not isinstance(citizens, str) or not isinstance(destination, str):
        return None
    return snapshot.direction(citizens, destination)


def _codes(periods: Any) -> list[str] | None:
    """A $periods parameter this module can match as DuckDB's list_contains does: strings only."""
    if isinstance(periods, (list, tuple)) and all(isinstance(p, str) for p in periods):
        return list(periods)
    return None


def _exact(*values: int | None) -> bool:
    return all(v is None or -EXACT < v < EXACT for v in values)


def periods_for(snapshot: Snapshot, params: dict[str, Any]) -> Result | None:
    """periods_for.sql: one series' stored periods, oldest first."""
    if params.keys() != {"citizens", "destination", "dimension", "category"}:
        return None
    view = _view(snapshot, params["citizens"], params["destination"])
    return _PERIODS_COLUMNS, (view.rows((params["dimension"], params["category"])) if view is not None else ())


def sum_periods(snapshot: Snapshot, params: dict[str, Any]) -> Result | None:
    """sum_periods.sql: one series summed over a set of stored periods, its lists by p_start."""
    if params.keys() != {"citizens", "destination", "dimension", "category", "periods"}:
        return None
    codes = _codes(params["periods"])
    if codes is None:
        return None
    wanted = set(codes)
    view = _view(snapshot, params["citizens"], params["destination"])
    chosen = [] if view is None else [i for i in view.series.get((params["dimension"], params["category"]), ())
                                      if view.periods[i] in wanted]  # oldest first: p_start, p_end, line
    if view is None or not chosen:
        return _SUM_COLUMNS, ((None, 0, None, None, None, None),)
    if len({view.starts[i] for i in chosen}) != len(chosen):
        return None  # two parts start together: DuckDB's list(... ORDER BY p_start) leaves their order open
    values = [view.values[i] for i in chosen]
    return _SUM_COLUMNS, ((sum(values), len(chosen), [view.periods[i] for i in chosen], values,
                           [view.ids[i] for i in chosen], min(view.sources[i] for i in chosen)),)


def breakdown(snapshot: Snapshot, params: dict[str, Any]) -> Result | None:
    """breakdown.sql: the categories of one dimension over a set of periods, with shares of the
    published total, ranks and ties; a category's figure ids in file order, as DuckDB's scan of
    the direction (stored in file order) lists them."""
    if params.keys() != {"citizens", "destination", "dimension", "periods"}:
        return None
    codes = _codes(params["periods"])
    if codes is None:
        return None
    wanted, dimension = set(codes), params["dimension"]
    view = _view(snapshot, params["citizens"], params["destination"])
    if view is None:
        return _BREAKDOWN_COLUMNS, ()  # no categories, so no row
    totals = [view.values[i] for (dim, _), positions in view.series.items() if dim == "total"
              for i in positions if view.periods[i] in wanted]
    total = sum(totals) if totals else None
    parts: list[tuple[str, int, list[str]]] = []
    for (dim, category), positions in view.series.items():
        if dim != dimension:
            continue
        chosen = sorted(i for i in positions if view.periods[i] in wanted)
        if chosen and len(chosen) == len(codes):  # HAVING count(*) = len($periods); file order
            parts.append((category, sum(view.values[i] for i in chosen), [view.ids[i] for i in chosen]))
    parts_sum = sum(v for _, v, _ in parts)
    if not _exact(total, parts_sum, *totals, *(v for _, v, _ in parts)):
        return None
    values = [v for _, v, _ in parts]
    unaccounted = None if total is None else total - parts_sum
    out = []
    for category, value, ids in sorted(parts, key=lambda p: (-p[1], p[0])):
        complement = None if total is None else total - value
        out.append((category, value, total, _share(value, total), complement, _share(complement, total),
                    1 + sum(v > value for v in values), 1 + sum(v < value for v in values), values.count(value),
                    parts_sum, unaccounted, _share(parts_sum, total), _share(value, parts_sum), ids))
    return _BREAKDOWN_COLUMNS, tuple(out)


def _side(snapshot: Snapshot, params: dict[str, Any], side: str) -> tuple[int | None, list[str] | None] | None:
    """One side of compare.sql: sum(value) and list(figure_id) (file order) of a series over periods."""
    codes = _codes(params[f"{side}_periods"])
    if codes is None:
        return None
    wanted = set(codes)
    view = _view(snapshot, params[f"{side}_citizens"], params[f"{side}_destination"])
    if view is None:
        return None, None
    chosen = sorted(i for i in view.series.get((params[f"{side}_dimension"], params[f"{side}_category"]), ())
                    if view.periods[i] in wanted)
    if not chosen:
        return None, None
    return sum(view.values[i] for i in chosen), [view.ids[i] for i in chosen]


def compare(snapshot: Snapshot, params: dict[str, Any]) -> Result | None:
    """compare.sql: two series' values, difference, change and ratios."""
    names = {f"{s}_{k}" for s in "ab" for k in ("citizens", "destination", "dimension", "category", "periods")}
    if params.keys() != names:
        return None
    a_side, b_side = _side(snapshot, params, "a"), _side(snapshot, params, "b")
    if a_side is None or b_side is None:
        return None
    (a, a_ids), (b, b_ids) = a_side, b_side
    if not _exact(a, b, *((a + b, b - a) if a is not None and b is not None else ())):
        return None
    both = a is not None and b is not None
    a_positive, b_positive = a is not None and a > 0, b is not None and b > 0
    return _COMPARE_COLUMNS, ((a, b, b - a if both else None,
                               _share(b - a, a) if a_positive and b is not None else None,
                               _share(b, a, 2, 1) if a_positive else None,
                               _share(b, a) if a_positive else None,
                               _share(a, b, 2, 1) if b_positive else None,
                               _share(a - b, b) if b_positive and a is not None else None,
                               a + b if both else None,
                               _share(a, a + b) if both and a + b > 0 else None,
                               _share(b, a + b) if both and a + b > 0 else None, a_ids, b_ids),)


def caveats(snapshot: Snapshot, params: dict[str, Any]) -> Result | None:
    """caveats.sql's WHERE over the snapshot's caveat rows. Its conditions are ANDs of ORs with
    no NOT, so SQL's NULL (a NULL parameter compared with anything) acts as false here."""
    if params.keys() != {"citizens", "destination", "periods", "dimension", "category", "all_categories", "provenance"}:
        return None
    periods = params["periods"]
    if not isinstance(periods, (list, tuple)):
        return None
    dimension, category = params["dimension"], params["category"]

    def equal(column: Any, value: Any) -> bool:
        return column is not None and value is not None and column == value

    rows = tuple((cid, kind, text) for cid, citizens, destination, period, dim, cat, kind, text in snapshot.caveat_rules()
                 if (citizens is None or equal(citizens, params["citizens"]))
                 and (destination is None or equal(destination, params["destination"]))
                 and (period is None or period in periods)
                 and (dim is None or equal(dim, dimension))
                 and (cat is None or equal(cat, category) or (params["all_categories"] is True and equal(dim, dimension)))
                 and ((kind is not None and kind != "provenance") or params["provenance"] is True)
                 and kind is not None and kind != "reason")
    return _CAVEAT_COLUMNS, rows


def facts(snapshot: Snapshot, params: dict[str, Any]) -> Result | None:
    """facts.sql: the facts of ``$ids`` in the order asked, one row per id given (an id twice, its
    row twice; an unknown id, none), from the fact rows read once per snapshot. Ids that are not
    all strings, or a table whose fact_id is not unique, go to DuckDB."""
    ids = params.get("ids")
    if params.keys() != {"ids"} or not isinstance(ids, (list, tuple)) or not all(isinstance(i, str) for i in ids):
        return None
    columns, rows = snapshot.fact_rows()
    by_id = _facts_by_id(snapshot, rows)
    if by_id is None:
        return None
    return columns, tuple(by_id[i] for i in ids if i in by_id)


def _facts_by_id(snapshot: Snapshot, rows: tuple[tuple[Any, ...], ...]) -> dict[str, tuple[Any, ...]] | None:
    """fact_id -> its row (the first column), kept per snapshot; None if an id is on two rows."""
    key = ("facts_by_id",)
    by_id = snapshot.query_cache.get(key)
    if by_id is None:
        by_id = {r[0]: r for r in rows}
        if len(by_id) != len(rows):
            return None
        snapshot.query_cache[key] = by_id  # type: ignore[assignment]
    return by_id  # type: ignore[return-value]


LOCAL: dict[str, Callable[[Snapshot, dict[str, Any]], Result | None]] = {
    "periods_for": periods_for, "caveats": caveats, "sum_periods": sum_periods, "breakdown": breakdown,
    "compare": compare, "facts": facts,
}
