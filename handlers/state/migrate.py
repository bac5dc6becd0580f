"""One-time import of the JSON Lines files that earlier versions wrote to FACTDESK_STATE_DIR.

questions.jsonl, given.jsonl, prefs.jsonl and audit.jsonl are read line by line (a line torn by
a crash is skipped), inserted, and renamed to ``*.jsonl.migrated`` once committed, so a second
start does not import them again and nothing is deleted. The import runs in steps; how far it
got is committed with each step, so a stop half-way resumes where it was, without duplicates.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any, Callable, Iterator

from handlers.lexicon import normalise
from handlers.state.sqlite import SqliteStore, details_json
from handlers.state.store import QuestionRecord

log = logging.getLogger(__name__)

LEGACY_FILES = ("questions.jsonl", "given.jsonl", "prefs.jsonl", "audit.jsonl")


def _records(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8", errors="replace") as f:
        for line in f:
            try:
                record = json.loads(line)
            except ValueError:
                continue
            if isinstance(record, dict):
                yield record


def _question(store: SqliteStore, r: dict[str, Any]) -> None:
    text = r.get("question")
    store.record_question(QuestionRecord(float(r["ts"]), int(r.get("chat_id", 0)), str(r.get("kind", "answer")),
                                         r.get("intent"), r.get("score"), text,
                                         normalise(text) if text and r.get("kind") != "answer" else None))


def _given(store: SqliteStore, r: dict[str, Any]) -> None:
    store.record_given(int(r["chat_id"]), [(str(r["figure_id"]), int(r["value"]))], float(r["ts"]))


def _prefs(store: SqliteStore, r: dict[str, Any]) -> None:
    store.set_corrections(int(r["chat_id"]), r.get("corrections") != "off", float(r.get("ts", 0)))


def _audit(store: SqliteStore, r: dict[str, Any]) -> None:
    details = {k: v for k, v in r.items() if k not in ("ts", "who", "action")}
    store.audit(str(r["ts"]), r.get("who"), str(r["action"]), details_json(details))


_IMPORTERS: dict[str, Callable[[SqliteStore, dict[str, Any]], None]] = {
    "questions.jsonl": _question, "given.jsonl": _given, "prefs.jsonl": _prefs, "audit.jsonl": _audit}


STEP = 2_000  # records per transaction; the state thread serves questions between steps


def migrate_jsonl(store: SqliteStore, state_dir: Path) -> Iterator[dict[str, int]]:
    """Import every legacy file found (a background job: yields after every ``STEP`` records);
    the last value yielded is the rows imported per file."""
    counts: dict[str, int] = {}
    for name in LEGACY_FILES:
        path = state_dir / name
        if not path.is_file():
            continue
        progress_key = f"migrated:{name}"
        done = int(store.meta(progress_key) or 0)
        n = skipped = 0
        for i, record in enumerate(_records(path)):
            if i < done:
                continue  # imported by an earlier, interrupted start
            try:
                _IMPORTERS[name](store, record)
                n += 1
            except (KeyError, TypeError, ValueError):
                skipped += 1
            if (i + 1) % STEP == 0:
                store.set_meta(progress_key, str(i + 1))
                yield counts
        store.set_meta(progress_key, "0")
        store.commit()
        path.rename(path.with_name(name + ".migrated"))
        counts[name] = n
        log.info("state: imported %d records from %s (%d unreadable skipped); the file is kept as %s.migrated",
                 n, path, skipped, name)
    yield counts
