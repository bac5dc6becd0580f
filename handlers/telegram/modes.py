"""Run modes: long polling (the default) and webhook mode (``bot.py --webhook``).

Both retry a Telegram that cannot be reached at start-up a bounded number of times
(FACTDESK_BOOTSTRAP_RETRIES, backoff 1.5 s growing to 30 s) and then exit non-zero with one
clear line, so the service manager restarts the unit. Both answer, on SIGTERM, every update
already received before exiting, and never drop the updates still waiting at Telegram.

In webhook mode Telegram POSTs updates to WEBHOOK_URL's path and the same server answers
``GET /healthz``. PTB's ``run_webhook`` serves only the update path, while a proxy or load
balancer checks health on the port it already talks to; so this module runs its own tornado
server (tornado comes with ``python-telegram-bot[webhooks]``: nothing new to install) and
follows ``run_webhook``'s life cycle: initialize, ``post_init``, listen, start, ``setWebhook``
with the secret, serve until SIGTERM or SIGINT, then stop listening, answer every update
already received, and shut down. The webhook stays registered on exit, so Telegram keeps new
updates until the bot is back (or delivers them to another replica).
"""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
import re
import signal
import time
from typing import Any, Awaitable, Callable

from telegram import Update
from telegram.error import BadRequest, InvalidToken, NetworkError, TelegramError
from telegram.ext import Application
from tornado.httpserver import HTTPServer
from tornado.web import Application as WebApplication
from tornado.web import RequestHandler

from handlers.settings import HEALTH_PATH, Settings
from handlers.store import DataLoadError
from handlers.telegram.fairness import FairUpdateProcessor

log = logging.getLogger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
MAX_UPDATE_BYTES = 1 << 20  # updates are a few kB; anything near this is not from Telegram
# A real update nests about ten levels (message, reply_to_message, reply_markup, rows, buttons);
# json.loads recurses per level, so a 100,000-deep body would raise RecursionError.
MAX_JSON_DEPTH = 64
# A string (its closing quote optional, so a match never fails and never backtracks: linear
# time even on hostile input) or a bracket.
_JSON_TOKEN = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"?|[\[\]{}]')


def json_depth_exceeds(body: bytes, limit: int = MAX_JSON_DEPTH) -> bool:
    """True if the JSON text nests deeper than ``limit``, found without parsing it.

    Brackets inside strings do not count; one linear pass, no recursion.
    """
    depth = 0
    for m in _JSON_TOKEN.finditer(body):
        token = m.group()
        if token[0] == 0x22:  # a string
            continue
        if token in (b"[", b"{"):
            depth += 1
            if depth > limit:
                return True
        else:
            depth -= 1
    return False
FIRST_DELAY, MAX_DELAY = 1.5, 30.0  # the same backoff as PTB's bootstrap in polling mode


class UpdateHandler(RequestHandler):
    """POST of one update: refused (403) without the right secret, queued otherwise."""

    def initialize(self, bot_app: Application, secret: str) -> None:  # tornado's per-request hook
        self.bot_app = bot_app
        self.secret = secret.encode()

    async def post(self) -> None:
        given = self.request.headers.get(SECRET_HEADER, "")
        if not hmac.compare_digest(given.encode(), self.secret):
            log.warning("webhook request refused (403): %s secret token, from %s",
                        "wrong" if given else "no", self.request.remote_ip)
            self.set_status(403)
            return
        if not self.bot_app.running:
            # Shutting down: an update queued now would be dropped; 503 makes Telegram resend it.
            self.set_status(503)
            return
        if json_depth_exceeds(self.request.body):
            log.warning("webhook request refused (400): JSON nested deeper than %d levels", MAX_JSON_DEPTH)
            self.set_status(400)
            return
        try:
            data = json.loads(self.request.body)
            processor = self.bot_app.update_processor
            if isinstance(processor, FairUpdateProcessor) and processor.gate.excess(data):
                return  # a press over its user's throttle: answered bare, never parsed (fairness.py)
            update = Update.de_json(data, self.bot_app.bot)
        except (ValueError, TypeError, KeyError, AttributeError, RecursionError) as exc:
            log.warning("webhook request refused (400): not an update: %s", type(exc).__name__)
            self.set_status(400)
            return
        await self.bot_app.update_queue.put(update)


class HealthHandler(RequestHandler):
    """GET /healthz: 200 with the data version while running, 503 otherwise."""

    def initialize(self, bot_app: Application, started: float) -> None:
        self.bot_app = bot_app
        self.started = started

    def get(self) -> None:
        resources = self.bot_app.bot_data.get("resources")
        ok = self.bot_app.running and resources is not None
        self.set_status(200 if ok else 503)
        self.write({"ok": ok, "mode": "webhook",
                    "version": resources.pipeline.snapshot.version if resources is not None else None,
                    "queued_updates": self.bot_app.update_queue.qsize(),
                    "uptime_s": round(time.monotonic() - self.started)})


def _access_log(handler: RequestHandler) -> None:
    # Answered questions get their own log line and refusals are logged where they are decided;
    # what is left worth a line is an unexpected path or method.
    status = handler.get_status()
    if status >= 400 and status not in (400, 403, 503):
        log.warning("webhook server: %s %s -> %d", handler.request.method, handler.request.path, status)


def web_application(bot_app: Application, settings: Settings) -> WebApplication:
    """The routes: the webhook path and /healthz; anything else is 404."""
    return WebApplication(
        # tornado reads route paths as regular expressions; WEBHOOK_URL's path is literal text.
        [(re.escape(settings.webhook_path), UpdateHandler, {"bot_app": bot_app, "secret": settings.webhook_secret}),
         (HEALTH_PATH, HealthHandler, {"bot_app": bot_app, "started": time.monotonic()})],
        log_function=_access_log,
    )


async def retrying(action: Callable[[], Awaitable[Any]], retries: int, what: str, stop: asyncio.Event) -> bool:
    """Run ``action``, retrying network errors ``retries`` times with growing delays.

    429s are already waited out by the rate limiter. Returns False if a stop signal came while
    waiting; the last error is raised when retries run out, so the service manager sees a failed
    start and restarts the unit.
    """
    delay = FIRST_DELAY
    for attempt in range(1, retries + 2):
        try:
            await action()
            return True
        except NetworkError as exc:  # includes TimedOut; a refused token is not retried
            if isinstance(exc, BadRequest) or attempt > retries:  # a 400 will not change by asking again
                raise
            log.warning("%s failed (%s); retry %d of %d in %.1fs", what, exc, attempt, retries, delay)
        try:
            await asyncio.wait_for(stop.wait(), timeout=delay)
            return False
        except TimeoutError:
            delay = min(MAX_DELAY, delay * 1.5)
    return True  # not reached: the last attempt returns or raises


async def serve(application: Application, settings: Settings) -> None:
    """Run the bot in webhook mode until a stop signal; every received update is answered."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGABRT):
        loop.add_signal_handler(sig, stop.set)
    retries = settings.bootstrap_retries
    if not await retrying(application.initialize, retries, "connecting to Telegram", stop):
        return
    try:
        if application.post_init:
            await application.post_init(application)
        server = HTTPServer(web_application(application, settings), max_body_size=MAX_UPDATE_BYTES)
        server.listen(settings.webhook_port, settings.webhook_listen)
        try:
            await application.start()

            async def set_webhook() -> None:
                # drop_pending_updates=False: what arrived while the bot was down is answered now.
                await application.bot.set_webhook(settings.webhook_url, secret_token=settings.webhook_secret,
                                                  allowed_updates=Update.ALL_TYPES, drop_pending_updates=False)

            if await retrying(set_webhook, retries, "setWebhook", stop):
                log.info("webhook mode: listening on %s:%d, path %s, health %s", settings.webhook_listen,
                         settings.webhook_port, settings.webhook_path, HEALTH_PATH)
                await stop.wait()
            log.info("stop signal: no new updates taken; answering those already received")
        finally:
            server.stop()
            await server.close_all_connections()
            if application.running:
                await application.stop()  # returns once every queued update has been handled
                if application.post_stop:
                    await application.post_stop(application)
    finally:
        await application.shutdown()
        if application.post_shutdown:
            await application.post_shutdown(application)


def polling(application: Application, settings: Settings) -> int:
    """Long polling; PTB handles the stop signals and answers what it fetched before exiting."""
    try:
        # drop_pending_updates=False: what arrived while the bot was down is answered now.
        application.run_polling(allowed_updates=Update.ALL_TYPES, bootstrap_retries=settings.bootstrap_retries,
                                drop_pending_updates=False)
    except (InvalidToken, NetworkError, DataLoadError) as exc:  # only start-up lets these out
        return _startup_failed(exc, settings)
    return 0


def webhook(application: Application, settings: Settings) -> int:
    """Webhook mode with /healthz on the same port."""
    try:
        asyncio.run(serve(application, settings))
    except (InvalidToken, NetworkError, DataLoadError) as exc:
        return _startup_failed(exc, settings)
    return 0


def _startup_failed(exc: Exception, settings: Settings) -> int:
    """One clear line instead of a traceback; the exit code tells the service manager."""
    if isinstance(exc, DataLoadError):
        log.critical("cannot load the data in %s:\n%s", settings.data_dir, exc)
        return 3
    if isinstance(exc, InvalidToken):
        log.critical("Telegram refused TELEGRAM_BOT_TOKEN (%s): revoked or mistyped? Check it with BotFather", exc)
        return 2
    if isinstance(exc, BadRequest):
        # BadRequest is a NetworkError subclass in python-telegram-bot, but Telegram was reached.
        log.critical("Telegram refused a start-up call with 400 %r; exiting", exc.message)
        return 1
    log.critical("Telegram unreachable at start-up after %d retries (%s: %s); exiting so the service manager "
                 "restarts the bot", settings.bootstrap_retries, type(exc).__name__,
                 exc.message if isinstance(exc, TelegramError) else exc)
    return 1
