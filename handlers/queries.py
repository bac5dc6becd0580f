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

from handlers.local_queries import LOCAL
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


# Named queries answered from what the snapshot holds, not by a DuckDB query each
# (handlers/local_queries.py): each gives exactly the columns and rows its .sql file would, which
# stays the text its trace shows; None (parameters it does not take) sends the query to DuckDB.
_LOCAL = LOCAL


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
