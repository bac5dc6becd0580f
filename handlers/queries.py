"""Named SQL queries: each lives in ``handlers/sql/NAME.sql`` and takes only bound parameters.

Only names in the directory can be run (the whitelist is the directory listing read once at
start-up); values always travel as DuckDB parameters, never inside the SQL text. Every run is
recorded as a :class:`Trace`, so an answer can show exactly how it was computed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from handlers.store import Snapshot

SQL_DIR = Path(__file__).resolve().parent / "sql"


@dataclass(frozen=True)
class Trace:
    """One query as run: its name, text, parameters and result rows."""

    name: str
    sql: str
    params: dict[str, Any]
    columns: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]


def load_queries(sql_dir: Path = SQL_DIR) -> dict[str, str]:
    """Read every named query once; the returned names are the whitelist."""
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(sql_dir.glob("*.sql"))}


@dataclass
class QueryRunner:
    """Runs named queries against one snapshot and keeps the traces of one question."""

    snapshot: Snapshot
    queries: dict[str, str]
    traces: list[Trace] = field(default_factory=list)

    def run(self, name: str, **params: Any) -> list[dict[str, Any]]:
        """Run a named query with bound parameters; return rows as dicts."""
        try:
            sql = self.queries[name]
        except KeyError:
            raise KeyError(f"no query named {name!r}; known: {sorted(self.queries)}") from None
        cur = self.snapshot.cursor()
        result = cur.execute(sql, params)
        columns = tuple(d[0] for d in result.description)
        rows = tuple(result.fetchall())
        self.traces.append(Trace(name, sql, dict(params), columns, rows))
        return [dict(zip(columns, r)) for r in rows]

    def one(self, name: str, **params: Any) -> dict[str, Any] | None:
        rows = self.run(name, **params)
        return rows[0] if rows else None
