"""The named queries a snapshot answers from data it holds (handlers/local_queries.py: periods_for,
sum_periods, breakdown and compare from a direction's figures, unpacked from what was read at load
or, on small data, read by a query; caveats from the caveat rows) give exactly the columns and rows
their .sql files give when DuckDB runs them: over the material, a generated dataset with its
records shuffled out of period order, and the same with overlapping periods added; for every
series and direction, series and directions that do not exist, and many sets of periods; for every
combination of caveat parameters the data suggests. DuckDB's rounding and division are checked
apart on a grid of integers."""

from __future__ import annotations

import itertools
import random
from pathlib import Path
from typing import Any

import duckdb
import pytest

from handlers import store
from handlers.packed import DirectionView, PackedFigures
from handlers.local_queries import EXACT, c_round, divide
from handlers.queries import _LOCAL, QueryRunner, load_queries
from handlers.store import Snapshot
from tests.bench.generate import generate
from tests.conftest import DATA_DIR

QUERIES = load_queries()


def _duckdb(snapshot: Snapshot, name: str, params: dict[str, Any]) -> tuple[tuple[str, ...], tuple[tuple[Any, ...], ...]]:
    result = snapshot.cursor().execute(QUERIES[name], params)
    return tuple(d[0] for d in result.description), tuple(result.fetchall())


def _same(a: Any, b: Any) -> bool:
    """Equal results, NaN equal to NaN (DuckDB's 0 / 0), -0.0 told from 0.0: compared by repr."""
    return repr(a) == repr(b)


@pytest.fixture(scope="module", params=["material", "generated", "overlapping"])
def snapshot(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Snapshot:
    if request.param == "material":  # small: each direction read by a query (DirectionView.from_rows)
        return store.load_dir(DATA_DIR)
    folder: Path = tmp_path_factory.mktemp(request.param)
    generate(folder, seed=5, countries=5, quarters=6, questions=5)
    # Records out of period order, so the series' order comes from the query, not from the file.
    header, *lines = (folder / "figures.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    random.Random(5).shuffle(lines)
    if request.param == "overlapping":
        # Periods that start together (a year, its first half and its first quarter, in one
        # series; the loader refuses a period stored twice): the order DuckDB leaves open in
        # sum_periods' lists is where a local answer must step aside.
        first = lines[0].split(",")
        year = first[3][:4]
        for n, (period, value) in enumerate([(year, "999"), (f"{year}-H1", "77")]):
            lines.insert(3 * n + 1, ",".join([f"extra-{n}", *first[1:3], period, *first[4:6], value, *first[7:]]))
    (folder / "figures.csv").write_text(header + "".join(lines), encoding="utf-8")
    # Large data's path, the figures packed at load, although this dataset is small.
    kept, store.PACKED_MIN_ROWS = store.PACKED_MIN_ROWS, 0
    try:
        return store.load_dir(folder)
    finally:
        store.PACKED_MIN_ROWS = kept


def _directions(snapshot: Snapshot) -> list[tuple[str, str]]:
    return snapshot.cursor().execute("SELECT DISTINCT citizens, destination FROM figures ORDER BY ALL").fetchall()


def _period_sets(snapshot: Snapshot) -> list[list[str]]:
    """Sets of periods to sum over: none, every one (in order and reversed), an unknown one, a
    repeat, the first three alone, each neighbouring pair (a year, its half and its first quarter
    sort together)."""
    codes = [r[0] for r in snapshot.cursor().execute("SELECT DISTINCT period FROM figures ORDER BY ALL").fetchall()]
    sets = [[], codes, ["1999-Q1"], codes[:1] * 2, codes[::-1]]
    sets += [[c] for c in codes[:3]] + [list(pair) for pair in zip(codes, codes[1:])]
    return sets


def test_the_packed_figures_give_each_direction_as_its_query_does(snapshot: Snapshot) -> None:
    # The material is small and packs nothing; the generated fixtures are loaded as large data is.
    assert (snapshot.packed_figures() is None) == (snapshot.figure_count < 100)
    packed = snapshot.packed or PackedFigures.read(snapshot.con, store._STORE_SQL)  # the material's too
    assert packed is not None and sum(n for n, _ in packed.directions.values()) == snapshot.figure_count
    for citizens, destination in _directions(snapshot) + [("atlantis", "russia")]:
        rows = snapshot.cursor().execute(store._STORE_SQL["direction_series"],
                                         {"citizens": citizens, "destination": destination}).fetchall()
        view = packed.direction(citizens, destination)
        if not rows:
            assert view is None
            continue
        assert view == DirectionView.from_rows(rows), (citizens, destination)
        # Positions are file order: the query's rows by line, series by series, oldest first.
        by_line = sorted(rows, key=lambda r: r[7])
        assert view.ids == [r[6] for r in by_line] and view.values == [r[5] for r in by_line]
        assert [(k, view.ids[i]) for k, positions in view.series.items() for i in positions] == [((r[0], r[1]), r[6]) for r in rows]


def test_sums_breakdowns_and_comparisons_match_their_sql(snapshot: Snapshot) -> None:
    cur = snapshot.cursor()
    series = cur.execute("SELECT DISTINCT dimension, category FROM figures ORDER BY ALL").fetchall()
    dimensions = sorted({d for d, _ in series}) + ["nothing"]
    directions = _directions(snapshot) + [("atlantis", "russia")]
    period_sets = _period_sets(snapshot)
    counts = {"sum": 0, "sum_deferred": 0, "breakdown": 0, "compare": 0}
    for citizens, destination in directions:
        for periods in period_sets:
            for dimension, category in series + [("total", "nothing")]:
                params = {"citizens": citizens, "destination": destination, "dimension": dimension,
                          "category": category, "periods": periods}
                local = _LOCAL["sum_periods"](snapshot, params)
                if local is None:  # only when two of the parts start in the same month
                    starts = [r[1] for r in _LOCAL["periods_for"](snapshot, {"citizens": citizens, "destination": destination,
                                                                             "dimension": dimension, "category": category})[1]
                              if r[0] in periods]
                    assert len(set(starts)) < len(starts), params
                    counts["sum_deferred"] += 1
                    continue
                assert _same(local, _duckdb(snapshot, "sum_periods", params)), params
                counts["sum"] += local[1][0][0] is not None
            for dimension in dimensions:
                params = {"citizens": citizens, "destination": destination, "dimension": dimension, "periods": periods}
                local = _LOCAL["breakdown"](snapshot, params)
                assert local is not None and _same(local, _duckdb(snapshot, "breakdown", params)), params
                counts["breakdown"] += bool(local[1])
    # Comparisons: each direction's total and first category against another direction's, over period sets.
    sides = [(c, d, dim, cat) for c, d in directions[:4] for dim, cat in series[:2]]
    for (a, b), periods in itertools.product(itertools.product(sides, repeat=2), period_sets[:8]):
        params = {f"{side}_{k}": v for side, values in (("a", a), ("b", b))
                  for k, v in zip(("citizens", "destination", "dimension", "category"), values)}
        params.update(a_periods=periods, b_periods=period_sets[-1])
        local = _LOCAL["compare"](snapshot, params)
        assert local is not None and _same(local, _duckdb(snapshot, "compare", params)), params
        counts["compare"] += local[1][0][0] is not None and local[1][0][1] is not None
    assert counts["sum"] and counts["breakdown"] and counts["compare"], counts  # not only empty results compared
    if snapshot.figure("extra-0") is not None:  # the overlapping dataset: the sums DuckDB orders by a tie were left to it
        assert counts["sum_deferred"], counts
    if len(directions) > 3:  # the generated datasets: many of each
        assert min(counts["sum"], counts["breakdown"], counts["compare"]) > 20, counts


def test_rounding_and_division_are_duckdbs() -> None:
    """round(100.0 * x / y, 1) and round(x / y, 2) over HUGEINT sums, as breakdown.sql and compare.sql
    compute them: a grid with every half-way case of small counts, zero divisors, and large values."""
    rng = random.Random(15)
    pairs = [(x, y) for x in range(-50, 1200, 7) for y in range(0, 160)]
    pairs += [(rng.randrange(-EXACT + 1, EXACT), rng.randrange(-EXACT + 1, EXACT)) for _ in range(3000)]
    pairs += [(rng.randrange(0, 10 ** 6), rng.randrange(1, 10 ** 6)) for _ in range(30000)]
    xs, ys = [x for x, _ in pairs], [y for _, y in pairs]
    con = duckdb.connect()
    rows = con.execute("SELECT round(100.0 * x / y, 1), round(x / y, 2) FROM (SELECT unnest($xs)::HUGEINT AS x, "
                       "unnest($ys)::HUGEINT AS y)", {"xs": xs, "ys": ys}).fetchall()
    con.close()
    for (x, y), (share, ratio) in zip(pairs, rows):
        assert _same(c_round(divide(100 * x, y), 1), share) and _same(c_round(divide(x, y), 2), ratio), (x, y)


def test_periods_for_matches_its_sql_for_every_series(snapshot: Snapshot) -> None:
    cur = snapshot.cursor()
    directions = cur.execute("SELECT DISTINCT citizens, destination FROM figures ORDER BY ALL").fetchall()
    series = cur.execute("SELECT DISTINCT dimension, category FROM figures ORDER BY ALL").fetchall()
    assert len(directions) >= 2 and len(series) >= 3
    checked = 0
    for (citizens, destination), (dimension, category) in itertools.product(directions + [("atlantis", "russia")],
                                                                            series + [("total", "nothing")]):
        params = {"citizens": citizens, "destination": destination, "dimension": dimension, "category": category}
        local = _LOCAL["periods_for"](snapshot, params)
        assert local == _duckdb(snapshot, "periods_for", params), params
        checked += bool(local and local[1])
    assert checked >= len(directions)  # not only empty series compared


def test_caveats_match_their_sql_for_every_combination(snapshot: Snapshot) -> None:
    rules = snapshot.caveat_rules()
    assert rules
    citizens = sorted({r[1] for r in rules if r[1]}) + ["atlantis", None]
    destinations = sorted({r[2] for r in rules if r[2]}) + [None]
    codes = sorted({r[3] for r in rules if r[3]})
    periods = [[], codes, codes[:1], ["1999-Q1"]]
    dimensions = sorted({r[4] for r in rules if r[4]}) + ["total", None]
    categories = sorted({r[5] for r in rules if r[5]}) + [None]
    found = 0
    for c, d, p, dim, cat, all_cats, prov in itertools.product(citizens, destinations, periods, dimensions, categories,
                                                               (False, True), (False, True)):
        params = {"citizens": c, "destination": d, "periods": p, "dimension": dim, "category": cat,
                  "all_categories": all_cats, "provenance": prov}
        local = _LOCAL["caveats"](snapshot, params)
        assert local == _duckdb(snapshot, "caveats", params), params
        found += bool(local and local[1])
    assert found  # some combinations do match caveats


def test_a_runner_traces_a_local_query_as_its_sql_and_sources_come_from_the_series(snapshot: Snapshot) -> None:
    row = snapshot.cursor().execute("SELECT citizens, destination, dimension, category FROM figures ORDER BY line LIMIT 1").fetchone()
    params = dict(zip(("citizens", "destination", "dimension", "category"), row))
    runner = QueryRunner(snapshot, QUERIES)
    rows = runner.run("periods_for", **params)
    [trace] = runner.traces
    assert trace.sql == QUERIES["periods_for"] and (trace.columns, trace.rows) == _duckdb(snapshot, "periods_for", params)
    assert rows and all(snapshot.source_of(r["figure_id"]) == snapshot.figure(r["figure_id"])["source_id"] for r in rows)
    assert snapshot.source_of("no-such-figure") == ""


def test_a_snapshot_keeps_only_the_recently_used_directions(snapshot: Snapshot, monkeypatch: pytest.MonkeyPatch) -> None:
    directions = _directions(snapshot)
    monkeypatch.setattr(store, "VIEWS_KEPT", 1)
    first = snapshot.direction(*directions[0])
    assert first is not None and snapshot.direction(*directions[0]) is first  # kept while recent
    assert snapshot.direction("atlantis", "lemuria") is None  # another direction (with no figures) pushes it out
    again = snapshot.direction(*directions[0])
    assert again is not first and again == first
    # A figure of a direction no longer kept still has its source (from its row).
    snapshot.direction("atlantis", "mu")
    figure_id = first.ids[0]
    assert snapshot.source_of(figure_id) == first.sources[0] == snapshot.figure(figure_id)["source_id"]


def test_facts_match_their_sql_for_every_set_of_ids(snapshot: Snapshot) -> None:
    """facts.sql by id: every fact, in order and reversed, each alone, a repeat, an unknown id, none."""
    ids = [r[0] for r in snapshot.cursor().execute("SELECT fact_id FROM facts ORDER BY fact_id").fetchall()]
    assert ids
    sets = [[], ids, ids[::-1], ids[:1] * 2, ["no-such-fact"], [ids[-1], "no-such-fact", ids[0]]] + [[i] for i in ids]
    for wanted in sets:
        local = _LOCAL["facts"](snapshot, {"ids": wanted})
        assert local is not None and _same(local, _duckdb(snapshot, "facts", {"ids": wanted})), wanted
    assert _LOCAL["facts"](snapshot, {"ids": [1]}) is None  # not strings: DuckDB's own casts decide
