"""Building the python-telegram-bot Application: requests, rate limiter, start-up hook, logging.

Resources (data, matcher index, templates) are built in ``post_init``, once, and kept on
``bot_data``; nothing is loaded at import time. Logging is set up so that the bot token can
never reach a log line: httpx's request lines (which carry the token in the URL) are silenced,
and every log record is redacted when it is created, before any handler sees it.
"""

from __future__ import annotations

import asyncio
import atexit
import copy
import json
import logging
import re
import threading
from collections import deque
from datetime import datetime, timezone
from logging.handlers import QueueHandler
from typing import Any

from telegram import Update
from telegram.ext import Application, ApplicationBuilder, ContextTypes
from telegram.request import HTTPXRequest

from handlers.activity import ActivityLog
from handlers.resources import Resources
from handlers.settings import Settings
from handlers.state.store import Retention
from handlers.telegram.fairness import FairRateLimiter, FairUpdateProcessor, SiftingRequest
from handlers.telegram.menus import set_menus
from handlers.telegram.state import ChatState
from handlers.versions import record_served
from handlers.warmup import settle, unsettle, warm

log = logging.getLogger(__name__)

_REDACTED = "[REDACTED]"
_secrets: list[str] = []
_secret_re: re.Pattern[str] | None = None
_base_factory = logging.getLogRecordFactory()


def redact(text: str) -> str:
    """``text`` with every registered secret replaced, in any letter case.

    python-telegram-bot lower-cases some error descriptions, so a token echoed in an error
    would slip past a case-sensitive match.
    """
    return _secret_re.sub(_REDACTED, text) if _secret_re is not None else text


def _redacting_factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
    """Create a log record with every registered secret replaced, message and traceback alike."""
    record = _base_factory(*args, **kwargs)
    if _secret_re is None:
        return record
    try:
        message = record.getMessage()
    except (TypeError, ValueError):
        return record
    # The message is kept as formatted, so no handler formats it a second time.
    record.msg, record.args = (redact(message) if _secret_re.search(message) else message), ()
    if record.exc_info and not record.exc_text:
        record.exc_text = redact(logging.Formatter().formatException(record.exc_info))
    return record


def protect_secret(secret: str) -> None:
    """Register a secret (the bot token) to be redacted from every log record from now on."""
    global _secret_re
    if secret and secret not in _secrets:
        _secrets.append(secret)
        # The token's numeric bot id is public, the part after the colon is the secret.
        tail = secret.split(":", 1)[-1]
        if len(tail) >= 8 and tail not in _secrets:
            _secrets.append(tail)
    if _secrets:
        # Longest first, so the whole token is replaced rather than only its tail.
        _secret_re = re.compile("|".join(re.escape(s) for s in sorted(_secrets, key=len, reverse=True)),
                                re.IGNORECASE)
    logging.setLogRecordFactory(_redacting_factory)


# Attributes every LogRecord has; anything else on a record came from ``extra=`` and is data.
_RECORD_ATTRS = frozenset(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {"message", "asctime"}


class JsonFormatter(logging.Formatter):
    """One JSON object per line: ts, level, logger, msg, the record's ``extra`` fields, exc."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "ts": datetime.fromtimestamp(record.created, timezone.utc).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "msg": record.getMessage(),
        }
        entry.update((k, v) for k, v in vars(record).items() if k not in _RECORD_ATTRS and not k.startswith("_"))
        if record.exc_info and not record.exc_text:
            record.exc_text = self.formatException(record.exc_info)
        if record.exc_text:
            entry["exc"] = record.exc_text
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        # The record factory already redacted message and traceback; ``extra`` values bypass it.
        return redact(json.dumps(entry, ensure_ascii=False, default=str))


LOG_FLUSH_S = 0.25  # queued INFO lines are written at most this long after they were logged


class _Handoff(QueueHandler):
    """Queues a record for the writer thread with its message merged and traceback formatted here.

    Formatting the rest (time stamp, JSON) and writing to stderr happen in the writer thread, so a
    log line costs the event loop a few microseconds even when stderr is a slow or full pipe.
    """

    def __init__(self, writer: "_Writer") -> None:
        super().__init__(writer.records)  # type: ignore[arg-type]  # a deque: append is all enqueue needs
        self.writer = writer

    def enqueue(self, record: logging.LogRecord) -> None:
        self.writer.add(record)

    def prepare(self, record: logging.LogRecord) -> logging.LogRecord:
        record = copy.copy(record)  # other handlers (pytest's) still see the original
        record.msg, record.args = record.getMessage(), None
        if record.exc_info:
            if not record.exc_text:
                record.exc_text = logging.Formatter().formatException(record.exc_info)
            record.exc_info = None  # a traceback object cannot wait in a queue for long
        return record


class _Writer(threading.Thread):
    """Writes queued log records in batches: woken by the first record of a batch, it lingers
    ``LOG_FLUSH_S`` while more are queued (they wake nobody), then formats them all and writes
    them with one write and one flush; a WARNING or worse is written at once. What is left at
    exit is written by ``stop`` (an atexit hook).

    It is never woken per record (as logging's QueueListener is: that made each log line cost the
    event loop about 2 ms on a loaded 2-core machine, as long as the hop to a worker thread), nor
    by a timer while nothing is logged (it polled every 50 ms before: 20 wake-ups a second idle).
    """

    def __init__(self, handler: logging.StreamHandler) -> None:  # type: ignore[type-arg]
        super().__init__(name="log-writer", daemon=True)
        self.records: deque[logging.LogRecord] = deque()  # append and popleft are atomic
        self.handler = handler
        self._wake = threading.Event()
        self._urgent = False
        self._stopped = threading.Event()

    def add(self, record: logging.LogRecord) -> None:
        self.records.append(record)
        if record.levelno >= logging.WARNING:
            self._urgent = True
            self._wake.set()
        elif len(self.records) == 1:
            self._wake.set()  # the first line of a batch (or a race with the last drain: a spare wake-up)

    def run(self) -> None:
        while not self._stopped.is_set():
            self._wake.wait()
            self._wake.clear()
            if not self._urgent and self._wake.wait(LOG_FLUSH_S):
                # The linger (lines logged meanwhile join this batch) cut short by a WARNING or stop.
                self._wake.clear()
            self._urgent = False
            self.drain()
        self.drain()

    def drain(self) -> None:
        batch: list[logging.LogRecord] = []
        while self.records:
            try:
                batch.append(self.records.popleft())
            except IndexError:
                break
        if not batch:
            return
        handler = self.handler
        lines = []
        for record in batch:
            try:
                lines.append(handler.format(record) + handler.terminator)
            except Exception:
                handler.handleError(record)
        if not lines:
            return
        with handler.lock:  # type: ignore[union-attr]
            try:
                handler.stream.write("".join(lines))
                handler.flush()
            except Exception:
                handler.handleError(batch[-1])

    def stop(self) -> None:
        self._stopped.set()
        self._wake.set()
        self.join(timeout=5)


def setup_logging(settings: Settings) -> None:
    """Log format and levels; quiet the libraries whose INFO lines would carry request URLs."""
    handler = logging.StreamHandler()
    handler.setFormatter(JsonFormatter() if settings.log_json
                         else logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    writer = _Writer(handler)
    front = _Handoff(writer)
    logging.basicConfig(level=settings.log_level, handlers=[front])
    if front in logging.getLogger().handlers:  # basicConfig does nothing if logging is already set up
        writer.start()
        atexit.register(writer.stop)  # writes what is still queued at exit
    logging.getLogger().setLevel(settings.log_level)
    for noisy in ("httpx", "httpcore"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    if not settings.log_questions:
        # python-telegram-bot's DEBUG lines print whole updates, i.e. what journalists asked.
        logging.getLogger("telegram").setLevel(max(logging.INFO, logging.getLevelName(settings.log_level)))
    protect_secret(settings.token)
    protect_secret(settings.webhook_secret)


def resources(context: ContextTypes.DEFAULT_TYPE) -> Resources:
    """The Resources built at start-up."""
    return context.application.bot_data["resources"]


def state(context: ContextTypes.DEFAULT_TYPE) -> ChatState:
    """Per-chat conversation state (follow-ups, buttons, last answers)."""
    return context.application.bot_data["state"]


async def post_init(application: Application) -> None:
    """Build resources once and register the command menu."""
    settings: Settings = application.bot_data["settings"]
    application.bot_data["resources"] = Resources.build(settings)
    # The data served now is version 1 on disk before any admin can change it, so /rollback 1
    # restores exactly what was first served. A write that fails is logged and the first change
    # records it instead.
    record_served(settings.data_dir, application.bot_data["resources"].pipeline.snapshot)
    retention = Retention(max_age_s=settings.retention_days * 86400.0, max_rows=settings.retention_rows,
                          context_ttl_s=settings.followup_ttl)
    activity = ActivityLog.open(settings.state_dir, retention)
    application.bot_data["activity"] = activity
    application.bot_data["state"] = ChatState(ttl=settings.followup_ttl, store=activity)
    # Menus are optional: a refused one is a warning, never a failed start (see menus.py).
    await set_menus(application, settings.admin_ids)
    log.info("factdesk ready as @%s, data v%s", application.bot.username, application.bot_data["resources"].pipeline.snapshot.version)
    # Templates compiled, queries parsed, examples answered before the first question, in a
    # thread that starts as polling begins, so the cold start does not wait for it.
    application.bot_data["warm-up"] = asyncio.get_running_loop().create_task(warm_up(application))


async def warm_up(application: Application) -> None:
    """Run handlers/warmup.py off the event loop and log what it did."""
    resources = application.bot_data["resources"]
    done = await asyncio.to_thread(lambda: {**warm(resources), "frozen": settle()})
    log.info("warm: %d templates compiled, %d queries parsed, %d example questions answered in %.2f s; "
             "%d objects frozen out of the garbage collector's walks", done["templates"], done["queries"],
             done["examples"], done["total_s"], done["frozen"])


async def load_chat_state(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Before any handler: the chat's /lang choice into memory (from the state database after a
    restart), so every reply, views and errors included, speaks the chat's language."""
    if isinstance(update, Update) and update.effective_chat is not None and "state" in context.application.bot_data:
        await state(context).lang(update.effective_chat.id)


async def post_shutdown(application: Application) -> None:
    """Write the state still recorded and close the store; give frozen objects back to the GC."""
    activity: ActivityLog | None = application.bot_data.pop("activity", None)
    if activity is not None:
        await asyncio.to_thread(activity.close)
    unsettle()


def builder(settings: Settings, request: HTTPXRequest | None = None,
            get_updates_request: HTTPXRequest | None = None) -> ApplicationBuilder:
    """An ApplicationBuilder with the settings' endpoint, retries and concurrency."""
    processor = FairUpdateProcessor()
    # getUpdates answers pass the press throttle as JSON, before they are parsed (fairness.py).
    # One connection, as python-telegram-bot's own default for getUpdates.
    sifting = SiftingRequest(get_updates_request or HTTPXRequest(connection_pool_size=1), processor.gate)
    b = (ApplicationBuilder()
         .token(settings.token)
         .base_url(settings.base_url)
         .base_file_url(settings.base_file_url)
         # Telegram's limits, chats served in turn; a 429 is waited out up to max_retries times.
         .rate_limiter(FairRateLimiter(max_retries=settings.max_retries))
         # Different chats are answered concurrently, admitted in turn; the pipeline runs in threads.
         .concurrent_updates(processor)
         .get_updates_request(sifting)
         .post_init(post_init)
         .post_shutdown(post_shutdown))
    if request is not None:
        b = b.request(request)
    return b


def build_application(settings: Settings, **requests: HTTPXRequest) -> Application:
    """The Application, with settings on ``bot_data`` for ``post_init``."""
    application = builder(settings, **requests).build()
    application.bot_data["settings"] = settings
    if isinstance(application.update_processor, FairUpdateProcessor):
        application.update_processor.gate.bare.bot = application.bot  # throttled presses answered bare
    return application
