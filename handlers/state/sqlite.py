"""``StateStore`` on the standard library's SQLite, in WAL mode, one file.

WAL lets a reader (a backup, ``sqlite3`` by hand) work while the bot writes; ``synchronous=NORMAL``
makes each commit an append to the log, durable across a process crash (a power cut may lose the
last commits, not corrupt the file). Statements are the named blocks of ``sqlite.sql``.
"""

from __future__ import annotations

import json
import re
import sqlite3
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from handlers.state.store import QuestionRecord, Retention

SQL_FILE = Path(__file__).with_suffix(".sql")
FILE_NAME = "state.sqlite3"
SCHEMA_VERSION = "1"


def load_statements(path: Path = SQL_FILE) -> dict[str, str]:
    """The ``-- name: x`` blocks of a .sql file."""
    blocks = re.split(r"^-- name: (\w+)\s*$", path.read_text(encoding="utf-8"), flags=re.M)
    return {name: body.strip() for name, body in zip(blocks[1::2], blocks[2::2])}


class SqliteStore:
    """The bot's state in ``<state dir>/state.sqlite3``. One thread uses it (see worker.py)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.sql = load_statements()
        # check_same_thread=False: opened on the caller's thread, then used only by the worker's.
        self.db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.execute("PRAGMA busy_timeout=5000")
        self.db.executescript(self.sql["schema"])
        self.db.execute(self.sql["meta_set"], {"key": "schema", "value": SCHEMA_VERSION})
        self._in_tx = False

    @classmethod
    def open(cls, state_dir: Path) -> "SqliteStore":
        state_dir.mkdir(parents=True, exist_ok=True)
        return cls(state_dir / FILE_NAME)

    # --- transactions: the worker groups queued writes into one ----------------------------------

    def begin(self) -> None:
        if not self._in_tx:
            self.db.execute("BEGIN")
            self._in_tx = True

    def commit(self) -> None:
        if self._in_tx:
            self.db.execute("COMMIT")
            self._in_tx = False

    def close(self) -> None:
        self.commit()
        self.db.close()

    def _write(self, name: str, params: dict[str, Any]) -> sqlite3.Cursor:
        self.begin()
        return self.db.execute(self.sql[name], params)

    # --- preferences -------------------------------------------------------------------------------

    def get_prefs(self, chat_id: int) -> tuple[str | None, bool]:
        row = self.db.execute(self.sql["get_prefs"], {"chat_id": chat_id}).fetchone()
        return (row[0], bool(row[1])) if row else (None, True)

    def set_lang(self, chat_id: int, lang: str | None, now: float) -> None:
        self._write("set_lang", {"chat_id": chat_id, "lang": lang or None, "ts": now})

    def set_corrections(self, chat_id: int, on: bool, now: float) -> None:
        self._write("set_corrections", {"chat_id": chat_id, "on": int(on), "ts": now})

    # --- follow-up context -------------------------------------------------------------------------

    def put_context(self, key: str, body: str, now: float) -> None:
        self._write("put_context", {"key": key, "ts": now, "body": body})

    def get_context(self, key: str, since: float) -> str | None:
        row = self.db.execute(self.sql["get_context"], {"key": key, "since": since}).fetchone()
        return row[0] if row else None

    def known_chats(self, since: float) -> tuple[set[int], set[int]]:
        """(chats with a /lang choice stored, chats with a follow-up context stored since ``since``)."""
        langs = {chat_id for (chat_id,) in self.db.execute(self.sql["lang_chats"])}
        contexts = {chat for (key,) in self.db.execute(self.sql["context_keys"], {"since": since})
                    if (chat := context_chat(key)) is not None}
        return langs, contexts

    def drop_context(self, key: str) -> None:
        self._write("drop_context", {"key": key})

    # --- figures given -----------------------------------------------------------------------------

    def record_given(self, chat_id: int, values: list[tuple[str, int]], now: float) -> None:
        self.begin()
        self.db.executemany(self.sql["record_given"],
                            [{"chat_id": chat_id, "figure_id": f, "value": v, "ts": now} for f, v in values])

    def corrections_due(self, changed: dict[str, int], since: float) -> dict[int, list[tuple[str, int, int]]]:
        due: dict[int, list[tuple[str, int, int]]] = {}
        self.begin()
        for figure_id, new in sorted(changed.items()):
            params = {"figure_id": figure_id, "value": new, "since": since}
            for chat_id, old in self.db.execute(self.sql["given_changed"], params).fetchall():
                due.setdefault(chat_id, []).append((figure_id, old, new))
            self.db.execute(self.sql["given_update"], params)
        self.commit()  # announced once: the new values are stored before anything is sent
        return due

    # --- logs --------------------------------------------------------------------------------------

    def record_question(self, record: QuestionRecord) -> None:
        self._write("record_question", record.__dict__)

    def audit(self, ts: str, who: int | None, action: str, details: str) -> None:
        self._write("audit", {"ts": ts, "who": who, "action": action, "details": details})

    def unanswered(self, limit: int) -> list[tuple[str, int]]:
        return [(q, n) for q, n in self.db.execute(self.sql["unanswered"], {"limit": limit})]

    def stats(self, days: int) -> dict[str, Any]:
        rows = self.db.execute(self.sql["stats_days"], {"days": days}).fetchall()
        total, answered = self.db.execute(self.sql["stats_totals"]).fetchone()
        intents = self.db.execute(self.sql["stats_intents"]).fetchall()
        return {"days": [(d, n, a) for d, n, a in reversed(rows)], "total": total, "answered": answered,
                "share": round(100.0 * answered / total, 1) if total else None,
                "intents": [(i, n) for i, n in intents]}

    # --- retention ---------------------------------------------------------------------------------

    def prune(self, retention: Retention, now: float, batch: int) -> int:
        """One batch of deletions past retention, in one transaction; rows deleted."""
        cutoff = now - retention.max_age_s
        params = {"cutoff": cutoff, "context_cutoff": now - retention.context_ttl_s, "batch": batch,
                  "max_rows": retention.max_rows,
                  "cutoff_iso": datetime.fromtimestamp(cutoff, timezone.utc).isoformat(timespec="seconds")}
        deleted = 0
        for name in ("prune_questions_age", "prune_questions_rows", "prune_audit_age", "prune_audit_rows",
                     "prune_given_age", "prune_given_rows", "prune_contexts_age", "prune_contexts_rows",
                     "prune_prefs_rows"):
            deleted += self._write(name, params).rowcount
        self.commit()
        return deleted

    # --- migration bookkeeping ---------------------------------------------------------------------

    def meta(self, key: str) -> str | None:
        row = self.db.execute(self.sql["meta_get"], {"key": key}).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        self._write("meta_set", {"key": key, "value": value})


def context_chat(key: str) -> int | None:
    """The chat id of a context key ("t:chat:user:thread" or "m:chat:message"), None if malformed."""
    parts = key.split(":")
    try:
        return int(parts[1]) if len(parts) >= 3 else None
    except ValueError:
        return None


def details_json(details: dict[str, Any]) -> str:
    return json.dumps(details, ensure_ascii=False, default=str)
