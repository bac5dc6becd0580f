"""What the bot has done and must remember, for admins and across restarts: questions asked,
figures given per chat (so corrections reach them), chat preferences (/lang, /corrections),
follow-up context, and the audit log of admin actions.

All of it lives in the state store (``handlers/state``: SQLite under the data directory's
``.factdesk`` folder by default, FACTDESK_STATE_DIR to move it), run on a thread of its own:
recording never waits on the disk nor wakes that thread (writes are committed together every
50 ms), and reads are awaited off the event loop. History is bounded
by age and rows (FACTDESK_RETENTION_DAYS, FACTDESK_RETENTION_ROWS) and pruned in small batches
on that thread, so start-up time and memory do not grow with it. Question texts are kept only
for questions the bot could not answer (admins need them to add synonyms or data).
"""

from __future__ import annotations

import json
import logging
import threading
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterator, Mapping

from handlers.lexicon import normalise
from handlers.pipeline import Answer
from handlers.state.migrate import migrate_jsonl
from handlers.state.sqlite import SqliteStore, context_chat, details_json
from handlers.state.store import QuestionRecord, Retention, UnreadableContext, decode_context, encode_context
from handlers.state.worker import StateWorker

CORRECTION_WINDOW = 30 * 24 * 3600  # a figure given within 30 days gets a correction
PRUNE_BATCH = 1_000  # rows per statement per pruning step: a read waits for one step at most (a few ms)
PRUNE_EVERY = 3600.0  # seconds between pruning passes while running
# The first pass waits this long after start-up (a timer): a backlog of history (a first start after an
# upgrade, a long-stopped bot) would otherwise be deleted while the bot starts and answers its
# first questions, competing for the CPU (measured: 1.0 s to the first answer with 1,000,000 rows
# kept, 2.6 s with them being pruned meanwhile). History cannot grow much in the meantime.
PRUNE_START_DELAY = 60.0

audit_log = logging.getLogger("factdesk.audit")
log = logging.getLogger(__name__)


@dataclass
class ActivityLog:
    """The bot's durable state, behind a thread. Writes return at once; reads are awaited."""

    worker: StateWorker
    retention: Retention
    _last_prune: float = 0.0
    _timer: threading.Timer | None = None
    # The last context encoded and its JSON: an answer's context is kept under its thread's key and
    # its message's key, one after the other. Touched only by the state thread.
    _encoded: tuple[Any, str | None] = (None, None)
    # Chats that may have a /lang choice, and a follow-up context, in the store: read at open and kept
    # up to date by this process's writes (the event loop's thread only). A chat in neither (a new
    # chat, most chats after a restart) needs no read, so its first message waits for no thread.
    # None: not known (an ActivityLog not made by ``open``), every chat may have both.
    _lang_chats: set[int] | None = None
    _context_chats: set[int] | None = None

    def _put_context(self, store: SqliteStore, key: str, ctx: Any, now: float) -> None:
        last, body = self._encoded
        if ctx is not last:
            try:
                body = encode_context(ctx)
            except TypeError as exc:
                body = None
                log.warning("follow-up context not stored: %s", exc)
            self._encoded = (ctx, body)
        if body is not None:
            store.put_context(key, body, now)

    @classmethod
    def open(cls, state_dir: Path, retention: Retention | None = None,
             prune_delay: float = PRUNE_START_DELAY) -> "ActivityLog":
        """Open (or create) the store; import legacy JSON Lines once on the state thread, so
        start-up does not wait for it. Pruning starts ``prune_delay`` seconds later (a timer),
        then runs every PRUNE_EVERY (with the questions recorded)."""
        store = SqliteStore.open(state_dir)
        retention = retention or Retention()
        # Before the state thread starts, so it is the only user of the store from then on.
        langs, contexts = store.known_chats(time.time() - retention.context_ttl_s)
        activity = cls(StateWorker(store), retention, _lang_chats=langs, _context_chats=contexts)
        activity.worker.background(migrate_jsonl, state_dir)
        activity._last_prune = time.time() - PRUNE_EVERY + prune_delay
        if prune_delay <= 0:
            activity.maybe_prune(time.time())
        else:  # also when no question comes: the first pass must not wait for traffic
            activity._timer = threading.Timer(prune_delay, lambda: activity.maybe_prune(time.time()))
            activity._timer.daemon = True
            activity._timer.start()
        return activity

    def close(self) -> None:
        """Write what is queued and close the store (blocking: call off the event loop)."""
        if self._timer is not None:
            self._timer.cancel()
        self.worker.close()

    def maybe_prune(self, now: float) -> None:
        """Start a pruning pass on the state thread if the last began PRUNE_EVERY ago (or the
        start-up delay is over); called with each question recorded."""
        if now - self._last_prune >= PRUNE_EVERY:
            self._last_prune = now
            self.worker.background(prune_job, self.retention, now)

    # --- recording (queued, never waits) -------------------------------------------------------

    def record_answer(self, chat_id: int, answer: Answer, values: Mapping[str, int], now: float | None = None) -> None:
        """Log the question and the figures it gave, as one write (an unanswered question is
        normalised on the state thread). Values are looked up here: the snapshot they come from
        may be closed by a reload before the write is applied."""
        now = time.time() if now is None else now
        given = [(fid, values[fid]) for fid in (answer.figure_ids if answer.kind == "answer" else []) if fid in values]
        self.worker.write(_record_answer, chat_id, answer, given, now)
        self.maybe_prune(now)

    def set_corrections(self, chat_id: int, on: bool) -> None:
        self.worker.write(_set_corrections, chat_id, on, time.time())

    def set_lang(self, chat_id: int, lang: str | None) -> None:
        if lang and self._lang_chats is not None:
            self._lang_chats.add(chat_id)
        self.worker.write(_set_lang, chat_id, lang, time.time())

    def may_have_lang(self, chat_id: int) -> bool:
        """False when the store surely holds no /lang choice for the chat (no read needed)."""
        return self._lang_chats is None or chat_id in self._lang_chats

    def may_have_context(self, chat_id: int) -> bool:
        """False when the store surely holds no fresh follow-up context of the chat."""
        return self._context_chats is None or chat_id in self._context_chats

    def save_context(self, key: str, ctx: Any) -> None:
        """Keep a follow-up context. It is encoded on the state thread (once, when the same context
        is kept under two keys); one the store cannot encode is kept in memory only."""
        chat = context_chat(key)
        if self._context_chats is not None and chat is not None:
            self._context_chats.add(chat)
        self.worker.write(self._put_context, key, ctx, time.time())

    def audit(self, who: int | None, action: str, **details: Any) -> None:
        ts = datetime.now(timezone.utc).isoformat(timespec="seconds")
        record = {"ts": ts, "who": who, "action": action, **details}
        audit_log.info("admin action: %s", json.dumps(record, ensure_ascii=False, default=str))
        self.worker.write(_audit, ts, who, action, details_json(details))

    # --- reading (awaited, after every queued write) --------------------------------------------

    async def prefs(self, chat_id: int) -> tuple[str | None, bool]:
        """(/lang choice or None, corrections on) for a chat."""
        return await self.worker.read(_get_prefs, chat_id)

    async def corrections_on(self, chat_id: int) -> bool:
        return (await self.prefs(chat_id))[1]

    async def context(self, key: str, ttl: float) -> Any:
        """A stored follow-up context younger than ``ttl``, or None (also for an unreadable one,
        which is deleted: stored by an older shape of the pipeline)."""
        return await self.worker.read(_get_context, key, time.time() - ttl)

    async def corrections_due(self, changed: dict[str, tuple[int, int]], now: float | None = None
                              ) -> dict[int, list[tuple[str, int, int]]]:
        """Per chat, the changed figures it was given in the last 30 days: (figure_id, old, new).

        The records are updated to the new values, so one change is announced once.
        """
        now = time.time() if now is None else now
        return await self.worker.read(_corrections_due, {f: new for f, (_, new) in changed.items()},
                                      now - CORRECTION_WINDOW)

    async def unanswered(self, limit: int = 15) -> list[tuple[str, int]]:
        return await self.worker.read(_unanswered, limit)

    async def stats(self, days: int = 14) -> dict[str, Any]:
        return await self.worker.read(_stats, days)


# Functions run on the state thread; the store is their first argument.

def _record_answer(store: SqliteStore, chat_id: int, answer: Answer, given: list[tuple[str, int]], now: float) -> None:
    text = answer.question[:300] if answer.kind != "answer" else None
    store.record_question(QuestionRecord(now, chat_id, answer.kind, answer.intent, answer.score, text,
                                         normalise(text) if text else None))
    if given:
        store.record_given(chat_id, given, now)


def _set_corrections(store: SqliteStore, chat_id: int, on: bool, now: float) -> None:
    store.set_corrections(chat_id, on, now)


def _set_lang(store: SqliteStore, chat_id: int, lang: str | None, now: float) -> None:
    store.set_lang(chat_id, lang, now)


def _audit(store: SqliteStore, ts: str, who: int | None, action: str, details: str) -> None:
    store.audit(ts, who, action, details)


def _get_prefs(store: SqliteStore, chat_id: int) -> tuple[str | None, bool]:
    return store.get_prefs(chat_id)


def _get_context(store: SqliteStore, key: str, since: float) -> Any:
    body = store.get_context(key, since)
    if body is None:
        return None
    try:
        return decode_context(body)
    except UnreadableContext as exc:
        log.info("stored follow-up context dropped (written by another version of the pipeline: %s)", exc)
        store.drop_context(key)
        return None


def _corrections_due(store: SqliteStore, changed: dict[str, int], since: float) -> dict[int, list[tuple[str, int, int]]]:
    return store.corrections_due(changed, since)


def _unanswered(store: SqliteStore, limit: int) -> list[tuple[str, int]]:
    return store.unanswered(limit)


def _stats(store: SqliteStore, days: int) -> dict[str, Any]:
    return store.stats(days)


def prune_job(store: SqliteStore, retention: Retention, now: float) -> Iterator[int]:
    """Prune past retention one batch per step (a background job of the state thread)."""
    total = 0
    while (n := store.prune(retention, now, PRUNE_BATCH)) > 0:
        total += n
        yield n
    if total:
        log.info("state: pruned %d rows past retention", total)


def prune_all(store: SqliteStore, retention: Retention, now: float) -> int:
    """Every row past retention, batch by batch (for scripts and tests); rows deleted."""
    total = 0
    while (n := store.prune(retention, now, PRUNE_BATCH)) > 0:
        total += n
    return total
