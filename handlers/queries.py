"""Named SQL queries: each lives in ``handlers/sql/NAME.sql`` (shared) or
``handlers/operations/NAME.sql`` (an operation's own) and takes only bound parameters.

Only names in the directory can be run (the whitelist is the directory listing read once at
start-up); values always travel as DuckDB parameters, never inside the SQL text. Every run is
recorded as a :class:`Trace`, so an answer can show exactly how it was computed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb

from handlers.store import Snapshot

SQL_DIR = Path(__file__).resolve().parent / "sql"
OPERATIONS_DIR = Path(__file__).resolve().parent / "operations"  # each operation's own .sql, named like it


@dataclass(frozen=True)
class Trace:
    """One query as run: its name, text, parameters and result rows."""

    name: str
    sql: str
    params: dict[str, Any]
    columns: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]


def _freeze(value: Any) -> Any:
    """A hashable form of query parameters, for the result cache."""
    if isinstance(value, dict):
        return tuple(sorted((k, _freeze(v)) for k, v in value.items()))
    if isinstance(value, (list, tuple)):
        return tuple(_freeze(v) for v in value)
    return value


def load_queries(sql_dir: Path = SQL_DIR, operations_dir: Path = OPERATIONS_DIR) -> dict[str, str]:
    """Read every named query once (shared ones and each operation's); the names are the whitelist."""
    queries: dict[str, str] = {}
    for folder in (sql_dir, operations_dir):
        for p in sorted(folder.glob("*.sql")):
            if p.stem in queries:
                raise ValueError(f"two queries named {p.stem!r}")
            queries[p.stem] = p.read_text(encoding="utf-8")
    return queries


# Each named query parsed once per process (by its text, so any snapshot's connection can run it).
# DuckDB re-parses a query given as a string on every execute, and the string path costs about a
# third more than running the parsed statement (1.9 vs 1.3 ms a query over the evaluation set).
_PARSED: dict[str, duckdb.Statement] = {}


def parsed(cur: duckdb.DuckDBPyConnection, sql: str) -> duckdb.Statement:
    """The parsed form of one named query's text, made on first use and kept for the process."""
    statement = _PARSED.get(sql)
    if statement is None:
        [statement] = cur.extract_statements(sql)  # a named query is exactly one statement
        _PARSED[sql] = statement  # a dict write is atomic; a rare double parse is harmless
    return statement


def prepare(snapshot: Snapshot, queries: dict[str, str]) -> int:
    """Parse every named query now (start-up), so no question pays for it; returns how many."""
    cur = snapshot.cursor()
    for sql in queries.values():
        parsed(cur, sql)
    return len(queries)


# Named queries answered from what the snapshot reads once (store.py), not by a DuckDB query each:
# a first-time answer at 104k rows made about four queries, and DuckDB's fixed cost per query
# (binding, planning: 0.4-1.4 ms) was about half its time. Each gives exactly the columns and rows
# its .sql file would, which stays the text its trace shows (tests/test_local_queries.py compares
# them); None (parameters it does not know) sends the query to DuckDB as before.
_PERIODS_COLUMNS = ("period", "p_start", "p_end", "value", "figure_id")
_CAVEAT_COLUMNS = ("caveat_id", "kind", "text")


def _periods_for(snapshot: Snapshot, params: dict[str, Any]) -> tuple[tuple[str, ...], tuple[tuple[Any, ...], ...]] | None:
    """periods_for.sql: one series' stored periods, from its direction's series."""
    if params.keys() != {"citizens", "destination", "dimension", "category"}:
        return None
    citizens, destination = params["citizens"], params["destination"]
    if not isinstance(citizens, str) or not isinstance(destination, str):
        return _PERIODS_COLUMNS, ()  # a NULL direction matches no row
    return _PERIODS_COLUMNS, snapshot.direction_series(citizens, destination).get((params["dimension"], params["category"]), ())


def _caveats(snapshot: Snapshot, params: dict[str, Any]) -> tuple[tuple[str, ...], tuple[tuple[Any, ...], ...]] | None:
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


_LOCAL = {"periods_for": _periods_for, "caveats": _caveats}


@dataclass
class QueryRunner:
    """Runs named queries against one snapshot and keeps the traces of one question."""

    snapshot: Snapshot
    queries: dict[str, str]
    traces: list[Trace] = field(default_factory=list)

    def run(self, name: str, **params: Any) -> list[dict[str, Any]]:
        """Run a named query with bound parameters; return rows as dicts.

        A snapshot never changes, so results are cached on it: planning a DuckDB query costs
        milliseconds, and a newsroom asks the same few questions many times.
        """
        try:
            sql = self.queries[name]
        except KeyError:
            raise KeyError(f"no query named {name!r}; known: {sorted(self.queries)}") from None
        key = (name, _freeze(params))
        cached = self.snapshot.query_cache.get(key)
        if cached is None:
            local = _LOCAL.get(name)
            cached = local(self.snapshot, params) if local is not None else None
            if cached is None:
                cur = self.snapshot.cursor()
                result = cur.execute(parsed(cur, sql), params)
                cached = (tuple(d[0] for d in result.description), tuple(result.fetchall()))
            self.snapshot.query_cache[key] = cached
        columns, rows = cached
        self.traces.append(Trace(name, sql, dict(params), columns, rows))
        return [dict(zip(columns, r)) for r in rows]

    def one(self, name: str, **params: Any) -> dict[str, Any] | None:
        rows = self.run(name, **params)
        return rows[0] if rows else None
