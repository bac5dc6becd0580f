"""The named queries a snapshot answers from data it reads once (queries._LOCAL: periods_for from
a direction's series, caveats from the caveat rows) give exactly the columns and rows their .sql
files give when DuckDB runs them, over the material and a generated dataset, for every series,
for series that do not exist (records shuffled out of period order), and for every combination of caveat parameters the data suggests."""

from __future__ import annotations

import itertools
import random
from pathlib import Path
from typing import Any

import pytest

from handlers import store
from handlers.queries import _LOCAL, QueryRunner, load_queries
from handlers.store import Snapshot
from tests.bench.generate import generate
from tests.conftest import DATA_DIR

QUERIES = load_queries()


def _duckdb(snapshot: Snapshot, name: str, params: dict[str, Any]) -> tuple[tuple[str, ...], tuple[tuple[Any, ...], ...]]:
    result = snapshot.cursor().execute(QUERIES[name], params)
    return tuple(d[0] for d in result.description), tuple(result.fetchall())


@pytest.fixture(scope="module", params=["material", "generated"])
def snapshot(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Snapshot:
    if request.param == "material":
        return store.load_dir(DATA_DIR)
    folder: Path = tmp_path_factory.mktemp("generated")
    generate(folder, seed=5, countries=5, quarters=6, questions=5)
    # Records out of period order, so the series' order comes from the query, not from the file.
    header, *lines = (folder / "figures.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    random.Random(5).shuffle(lines)
    (folder / "figures.csv").write_text(header + "".join(lines), encoding="utf-8")
    return store.load_dir(folder)


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
