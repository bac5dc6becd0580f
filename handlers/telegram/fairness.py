"""Fair under load: every chat waits its turn, not behind everybody else's backlog.

Two queues stand between a burst and Telegram. In both, each chat (or user) has its own line,
and the line served least recently goes next: round-robin, in which a newcomer goes first.

* :class:`FairUpdateProcessor` admits updates into processing. python-telegram-bot's own
  processor admits them first come, first served, so a chat that sent 300 questions holds every
  slot and a newcomer waits for all of them. Here questions and commands take turns by chat
  (``MAX_SLOTS`` at once, at most ``PER_CHAT_RUNNING`` per chat), and button presses and inline
  queries take turns by user in a pool of their own (``BUTTON_SLOTS``, ``MAX_WAITING_PER_USER``
  waiting per user), so neither waits behind
  the other. A line with ``MAX_WAITING_PER_CHAT`` updates waiting has further ones dropped, with
  a WARNING: memory stays bounded and a flood from one chat cannot crowd out the others (the
  flooder's surplus is not answered; everyone else's is).
* Button presses are throttled per user *on arrival* (:class:`PressGate`: at most
  ``PRESSES_PER_WINDOW`` in ``THROTTLE_SECONDS``, any button, and ``PRESSES_PER_SECOND``
  repeated presses from all users together), judged on the raw JSON of the
  updates as they come from getUpdates (:class:`SiftingRequest`) or the webhook, before
  python-telegram-bot parses them. A press beyond it is never parsed nor handled: only its query
  id is kept, in a bounded queue of bare answers (``BARE_ANSWERERS`` at a time; Telegram's
  spinner stops, nothing is sent; one still waiting after ``BARE_MAX_AGE`` is left to time out,
  as Telegram would refuse it). Judging the throttle when a press was processed rather than
  when it arrived let a storm's presses through one by one; holding them all in lines held every
  update in memory (10,000 presses: 237 MB); and parsing them all put a newcomer's question,
  which Telegram delivers after them, behind 10,000 parsed updates.
* :class:`FairRateLimiter` (a ``BaseRateLimiter``) holds each message send until Telegram's
  limits allow it: 30 messages per second overall and 20 per minute in one group. A 429 is
  waited out and retried, up to ``max_retries``, and pauses all sends meanwhile, as
  ``AIORateLimiter`` does. Other methods (answering a button or an inline query, getUpdates,
  setMyCommands) are not held. A chat with ``MAX_QUEUED_PER_CHAT`` sends already waiting gets no
  more: the send fails with :class:`ChatQueueFull` (a WARNING, not retried, no apology).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections import deque
from typing import Any, Awaitable, Callable, Coroutine

from telegram import Bot, Update
from telegram.error import BadRequest, RetryAfter, TelegramError
from telegram.ext import BaseRateLimiter, BaseUpdateProcessor
from telegram.request import BaseRequest, RequestData

from handlers.telegram.quiet import QuietLog, expired_queries, is_expired_query

log = logging.getLogger(__name__)

OVERALL_PER_SECOND = 30  # Telegram: about 30 messages per second per bot
GROUP_PER_MINUTE = 20  # Telegram: 20 messages per minute in one group
# Updates processed at once. Few, so that the fair line above is where updates wait: every
# update admitted shares the event loop (and its sends the connection pool) with every other,
# so with python-telegram-bot's 256 a burst's 120 running questions each took 1/121 of the loop,
# the newcomer's too (a 300-question burst on a loaded machine: the newcomer waited 7-32 s). Each
# answer takes milliseconds, and its send at most a second in the rate limiter, so 16 keep
# Telegram's 30 messages/s busy.
MAX_SLOTS = 16
PER_CHAT_RUNNING = 2  # of which one chat may hold at most this many
MAX_WAITING_PER_CHAT = 200  # updates waiting per chat (or per user's presses); beyond, dropped
BUTTON_SLOTS = 8  # button presses and inline queries processed at once (each is a quick answer)
PER_USER_RUNNING = 2  # of which one user's
MAX_WAITING_PER_USER = 50  # presses waiting per user; beyond, answered bare and let go
THROTTLE_SECONDS = 3.0  # a user may press PRESSES_PER_WINDOW buttons in this many seconds
PRESSES_PER_WINDOW = 5  # (a few different buttons in a row are normal use; a hundred are not)
BARE_ANSWERERS = 2  # bare answers to throttled presses in flight at once (leaves the loop to the rest)
# A throttled press still waiting for its bare answer after this long is left to time out:
# Telegram refuses late answers anyway (and the spinner stops by itself), and answering a storm's
# stale presses one by one would spend the bot's time on nothing while questions wait.
BARE_MAX_AGE = 10.0
# Repeated presses (a user's second and later within THROTTLE_SECONDS) handled per second, all
# users together; beyond, answered bare. During a storm this bounds the work presses cause, so
# updates behind them in Telegram's queue are still read promptly. A first press always counts.
PRESSES_PER_SECOND = 20
MAX_BARE_WAITING = 20_000  # query ids waiting for a bare answer (~100 bytes each); the oldest go first
# Upload previews' Confirm/Cancel are single-use and checked by admin.py: never throttled.
UNTHROTTLED_PREFIXES = ("apply:", "cancel:")
MAX_QUEUED_PER_CHAT = 100  # sends waiting for one chat; beyond this they are refused
# Methods that put a message in a chat: these count against Telegram's limits and are queued.
QUEUED_PREFIXES = ("send", "edit", "copyMessage", "forwardMessage")


class ChatQueueFull(RuntimeError):
    """A chat already has MAX_QUEUED_PER_CHAT sends waiting; this one is not sent."""


class _Lines:
    """Per-key FIFO lines of futures. The next key served is the waiting one served least
    recently (a key never served comes first): round-robin that also counts turns taken
    without waiting, so a chat that just went cannot go again before one that has not."""

    def __init__(self) -> None:
        self.lines: dict[Any, deque[asyncio.Future[None]]] = {}
        self.last: dict[Any, int] = {}  # key -> tick of its last turn
        self.tick = 0

    def add(self, key: Any, future: asyncio.Future[None]) -> None:
        self.lines.setdefault(key, deque()).append(future)

    def waiting(self, key: Any) -> int:
        line = self.lines.get(key)
        return len(line) if line else 0

    def next_key(self, ready: Callable[[Any], bool]) -> Any:
        """The waiting key served least recently whose head may go now (``ready``), or None.
        Lines left with only cancelled waiters are dropped on the way."""
        best, best_tick = None, None
        for key in list(self.lines):
            line = self.lines[key]
            while line and line[0].done():
                line.popleft()
            if not line:
                del self.lines[key]
                continue
            tick = self.last.get(key, -1)
            if (best_tick is None or tick < best_tick) and ready(key):
                best, best_tick = key, tick
        return best

    def served(self, key: Any) -> None:
        """Note a turn taken (also one taken without waiting in line)."""
        self.tick += 1
        self.last[key] = self.tick
        if len(self.last) > 50_000:  # forget keys not waiting; they count as never served
            self.last = {k: v for k, v in self.last.items() if k in self.lines}

    def release(self, key: Any) -> None:
        line = self.lines[key]
        future = line.popleft()
        if not line:
            del self.lines[key]
        self.served(key)
        future.set_result(None)

    def __bool__(self) -> bool:
        return bool(self.lines)


def update_line(update: object) -> tuple[str, int]:
    """(pool, line) an update waits in: button presses and inline queries by user in a pool of
    their own (they only need a quick answer), everything else by chat."""
    if not isinstance(update, Update):
        return "updates", 0
    if update.callback_query is not None or update.inline_query is not None:
        return "buttons", update.effective_user.id if update.effective_user is not None else 0
    if update.effective_chat is not None:
        return "updates", update.effective_chat.id
    return "updates", update.effective_user.id if update.effective_user is not None else 0


class PressThrottle:
    """Per-user press times: a press beyond PRESSES_PER_WINDOW in THROTTLE_SECONDS is throttled.
    At most ``max_users`` users are remembered (least recently pressing forgotten first)."""

    def __init__(self, per_window: int = PRESSES_PER_WINDOW, seconds: float = THROTTLE_SECONDS,
                 max_users: int = 10_000) -> None:
        self.per_window, self.seconds, self.max_users = per_window, seconds, max_users
        self.recent_times: dict[int, deque[float]] = {}

    def recent(self, user: int, now: float) -> int:
        """How many of the user's presses were let through in the last THROTTLE_SECONDS."""
        times = self.recent_times.get(user)
        return sum(1 for t in times if now - t < self.seconds) if times else 0

    def throttled(self, user: int, now: float | None = None) -> bool:
        now = time.monotonic() if now is None else now
        times = self.recent_times.pop(user, None)  # re-inserted below: the dict's order is recency
        if times is None:
            times = deque(maxlen=self.per_window)
            if len(self.recent_times) >= self.max_users:
                del self.recent_times[next(iter(self.recent_times))]
        self.recent_times[user] = times
        if len(times) == self.per_window and now - times[0] < self.seconds:
            return True
        times.append(now)
        return False


unanswered_presses = QuietLog("button presses waiting for a bare answer beyond the bound, left to time out")
stale_presses = QuietLog("throttled button presses too old to answer, left to time out")
failed_bare_answers = QuietLog("bare answer to a throttled button press failed")


class BareAnswers:
    """Answers throttled presses with nothing (the spinner stops), a few at a time, oldest first.

    Only the query id is kept, not the update, so a storm of presses costs ~100 bytes each while
    it waits; ``BARE_ANSWERERS`` answers in flight leave the event loop to everything else.
    """

    def __init__(self, answerers: int = BARE_ANSWERERS, max_waiting: int = MAX_BARE_WAITING) -> None:
        self.answerers, self.max_waiting = answerers, max_waiting
        self.bot: Bot | None = None  # set once the Application has its bot (build_application)
        self.waiting: deque[tuple[float, str]] = deque()  # (arrival, query id)
        self.tasks: set[asyncio.Task[None]] = set()
        self.answered = 0
        self.left = 0  # stale or beyond the bound: left to time out

    def add(self, query_id: str) -> None:
        if len(self.waiting) >= self.max_waiting:
            self.waiting.popleft()  # the oldest would be too old for Telegram by now anyway
            self.left += 1
            unanswered_presses.note(f"{self.max_waiting} waiting")
        self.waiting.append((time.monotonic(), query_id))
        if len(self.tasks) < self.answerers and self.bot is not None:
            task = asyncio.get_running_loop().create_task(self._drain(self.bot), name="factdesk-bare-answers")
            self.tasks.add(task)
            task.add_done_callback(self.tasks.discard)

    async def _drain(self, bot: Bot) -> None:
        while self.waiting:
            arrived, query_id = self.waiting.popleft()
            if time.monotonic() - arrived > BARE_MAX_AGE:
                self.left += 1
                stale_presses.note(f"over {BARE_MAX_AGE:.0f} s old")
                continue
            try:
                await bot.answer_callback_query(query_id)
                self.answered += 1
            except BadRequest as exc:
                if is_expired_query(exc):
                    expired_queries.note(exc.message)
                else:
                    failed_bare_answers.note(exc.message)
            except TelegramError as exc:  # a network error: the spinner times out, nothing else is lost
                failed_bare_answers.note(exc.message)

    async def close(self) -> None:
        for task in list(self.tasks):
            task.cancel()
        await asyncio.gather(*self.tasks, return_exceptions=True)
        self.waiting.clear()


class PressGate:
    """The per-user press throttle, applied to updates as JSON, before they are parsed.

    :meth:`sift` takes a list of update dicts and returns the ones to parse and handle. A press
    over its user's throttle gives its query id to :class:`BareAnswers` and is left out, except
    that the last update of a batch always stays, as an empty stub if it was a press left out,
    so that python-telegram-bot's next getUpdates offset moves past it (the stub is let go by
    the update processor, see :meth:`is_stub`).
    """

    def __init__(self, per_second: int = PRESSES_PER_SECOND) -> None:
        self.throttle = PressThrottle()
        self.bare = BareAnswers()
        self.stubs: set[int] = set()
        self.per_second = per_second
        self.handled: deque[float] = deque()  # times of the presses let through in the last second
        self.sifted = 0

    def excess(self, update: Any) -> bool:
        """True (and the press handed to the bare answers) for a press over its user's throttle."""
        query = update.get("callback_query") if isinstance(update, dict) else None
        if not isinstance(query, dict):
            return False
        data, query_id, user = query.get("data"), query.get("id"), query.get("from")
        user_id = user.get("id") if isinstance(user, dict) else None
        if isinstance(data, str) and data.startswith(UNTHROTTLED_PREFIXES):
            return False
        if not isinstance(query_id, str) or not isinstance(user_id, int):
            return False
        now = time.monotonic()
        while self.handled and now - self.handled[0] >= 1.0:
            self.handled.popleft()
        # A user's first press in a while always goes on (200 people pressing a chart button at
        # once each get their chart); repeated presses share PRESSES_PER_SECOND among all users.
        repeated = self.throttle.recent(user_id, now) > 0
        if not (repeated and len(self.handled) >= self.per_second) and not self.throttle.throttled(user_id, now):
            self.handled.append(now)
            return False
        self.bare.add(query_id)
        self.sifted += 1
        return True

    def sift(self, updates: list[Any]) -> list[Any]:
        kept = [u for u in updates if not self.excess(u)]
        if updates and (not kept or kept[-1] is not updates[-1]) and isinstance(updates[-1].get("update_id"), int):
            self.stubs.add(updates[-1]["update_id"])
            kept.append({"update_id": updates[-1]["update_id"]})
        return kept

    def is_stub(self, update: object) -> bool:
        if isinstance(update, Update) and update.update_id in self.stubs:
            self.stubs.discard(update.update_id)
            return True
        return False


class SiftingRequest(BaseRequest):
    """The getUpdates request, wrapped: the updates Telegram returns go through
    :meth:`PressGate.sift` before python-telegram-bot parses them (``parse_json_payload`` is
    the documented place to change how a response is read)."""

    def __init__(self, inner: BaseRequest, gate: PressGate) -> None:
        self.inner, self.gate = inner, gate

    @property
    def read_timeout(self) -> float | None:
        return self.inner.read_timeout

    async def initialize(self) -> None:
        await self.inner.initialize()

    async def shutdown(self) -> None:
        await self.inner.shutdown()

    async def do_request(self, url: str, method: str, request_data: RequestData | None = None,
                         read_timeout: Any = None, write_timeout: Any = None, connect_timeout: Any = None,
                         pool_timeout: Any = None) -> tuple[int, bytes]:
        return await self.inner.do_request(url, method, request_data, read_timeout=read_timeout,
                                           write_timeout=write_timeout, connect_timeout=connect_timeout,
                                           pool_timeout=pool_timeout)

    def parse_json_payload(self, payload: bytes) -> dict[str, Any]:
        data = self.inner.parse_json_payload(payload)
        if isinstance(data, dict) and data.get("ok") and isinstance(data.get("result"), list):
            data["result"] = self.gate.sift(data["result"])
        return data


class _Pool:
    """Slots for processing, shared by lines served least recently first."""

    def __init__(self, slots: int, per_line: int, max_waiting: int) -> None:
        self.slots, self.per_line, self.max_waiting = slots, per_line, max_waiting
        self.running: dict[int, int] = {}
        self.busy = 0
        self.lines = _Lines()
        self.dropped = 0

    def take(self, key: int) -> None:
        self.busy += 1
        self.running[key] = self.running.get(key, 0) + 1
        self.lines.served(key)

    def done(self, key: int) -> None:
        self.busy -= 1
        self.running[key] -= 1
        if not self.running[key]:
            del self.running[key]
        while self.busy < self.slots and self.lines:
            nxt = self.lines.next_key(lambda k: self.running.get(k, 0) < self.per_line)
            if nxt is None:
                return
            self.busy += 1
            self.running[nxt] = self.running.get(nxt, 0) + 1
            self.lines.release(nxt)  # notes the turn

    def must_wait(self, key: int) -> bool:
        return self.busy >= self.slots or self.running.get(key, 0) >= self.per_line or bool(self.lines.waiting(key))


class FairUpdateProcessor(BaseUpdateProcessor):
    """Admits updates least-recently-served line first (see the module docstring).

    Two pools: questions and commands by chat (``slots``, ``per_chat`` each), and button presses
    and inline queries by user (``button_slots``, ``PER_USER_RUNNING`` per user), so neither kind
    waits behind the other. Bounded concurrency also keeps the HTTP connection pool's queue
    short: thousands of simultaneous requests make httpcore's request assignment quadratic.
    """

    def __init__(self, slots: int = MAX_SLOTS, per_chat: int = PER_CHAT_RUNNING,
                 max_waiting: int = MAX_WAITING_PER_CHAT, button_slots: int = BUTTON_SLOTS) -> None:
        super().__init__(max_concurrent_updates=slots + button_slots)
        self.pools = {"updates": _Pool(slots, per_chat, max_waiting),
                      "buttons": _Pool(button_slots, PER_USER_RUNNING, min(max_waiting, MAX_WAITING_PER_USER))}
        self.gate = PressGate()

    async def process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        name, key = update_line(update)
        pool = self.pools[name]
        if self.gate.is_stub(update) or (name == "buttons" and self._excess_press(update, pool, key)):
            if isinstance(coroutine, Coroutine):
                coroutine.close()
            return
        if pool.lines.waiting(key) >= pool.max_waiting:
            self._drop(pool, name, key, coroutine)
            return
        if pool.must_wait(key):
            future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
            pool.lines.add(key, future)
            try:
                await future
            except asyncio.CancelledError:
                if isinstance(coroutine, Coroutine):
                    coroutine.close()
                raise
        else:
            pool.take(key)
        try:
            await coroutine
        finally:
            pool.done(key)

    def _excess_press(self, update: object, pool: _Pool, user: int) -> bool:
        """A button press beyond its user's line (the throttle was applied on arrival, as JSON):
        handed to the bare answers, True."""
        query = update.callback_query if isinstance(update, Update) else None
        if query is None or (query.data or "").startswith(UNTHROTTLED_PREFIXES):
            return False
        if pool.lines.waiting(user) < pool.max_waiting:
            return False
        self.gate.bare.add(query.id)
        return True

    @staticmethod
    def _drop(pool: _Pool, name: str, key: int, coroutine: Awaitable[Any]) -> None:
        if isinstance(coroutine, Coroutine):
            coroutine.close()
        pool.dropped += 1
        if pool.dropped == 1 or pool.dropped % 100 == 0:
            log.warning("%s: %d already waiting from %d; update dropped (%d dropped so far; the rest are "
                        "answered in turn)", name, pool.max_waiting, key, pool.dropped)

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        await coroutine  # not used: process_update above does the admitting

    async def initialize(self) -> None:
        pass

    async def shutdown(self) -> None:
        await self.gate.bare.close()


class FairRateLimiter(BaseRateLimiter[int]):
    """Telegram's overall and per-group limits, chats served round-robin, 429s waited out."""

    def __init__(self, max_retries: int = 0, overall_per_second: int = OVERALL_PER_SECOND,
                 group_per_minute: int = GROUP_PER_MINUTE, max_queued_per_chat: int = MAX_QUEUED_PER_CHAT) -> None:
        self.max_retries = max_retries
        self.max_queued_per_chat = max_queued_per_chat
        self.refused = 0
        self.overall = overall_per_second
        self.group = group_per_minute
        self._sent: deque[float] = deque()  # send times within the last second
        self._group_sent: dict[int, deque[float]] = {}
        self._lines = _Lines()
        self._wake = asyncio.Event()
        self._resume = asyncio.Event()  # cleared while a 429 is being waited out
        self._resume.set()
        self._scheduler: asyncio.Task[None] | None = None

    async def initialize(self) -> None:
        pass

    async def shutdown(self) -> None:
        if self._scheduler is not None:
            self._scheduler.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._scheduler
            self._scheduler = None

    @property
    def queued(self) -> int:
        return sum(len(line) for line in self._lines.lines.values())

    async def process_request(self, callback: Callable[..., Coroutine[Any, Any, Any]], args: Any,
                              kwargs: dict[str, Any], endpoint: str, data: dict[str, Any],
                              rate_limit_args: int | None) -> Any:
        chat = data.get("chat_id")
        queued = endpoint.startswith(QUEUED_PREFIXES) and isinstance(chat, (int, str))
        retries = rate_limit_args if rate_limit_args is not None else self.max_retries
        for attempt in range(retries + 1):
            await self._resume.wait()
            if queued:
                await self._turn(int(chat) if isinstance(chat, int) or str(chat).lstrip("-").isdigit() else 0)
            try:
                return await callback(*args, **kwargs)
            except RetryAfter as exc:
                if attempt == retries:
                    log.warning("rate limit hit after %d retries (%s)", retries, endpoint)
                    raise
                wait = exc._retry_after.total_seconds() + 0.1  # pylint: disable=protected-access
                log.info("rate limit hit (%s); every send waits %.1f s", endpoint, wait)
                self._resume.clear()
                try:
                    await asyncio.sleep(wait)
                finally:
                    self._resume.set()
        raise AssertionError("not reached")  # the loop returns or raises

    async def _turn(self, chat: int) -> None:
        if self._lines.waiting(chat) >= self.max_queued_per_chat:
            self.refused += 1
            raise ChatQueueFull(f"chat {chat} has {self.max_queued_per_chat} messages waiting to be sent; "
                                f"this one is dropped ({self.refused} so far)")
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._lines.add(chat, future)
        if self._scheduler is None or self._scheduler.done():
            self._scheduler = asyncio.create_task(self._serve(), name="factdesk-fair-sends")
        self._wake.set()
        await future

    def _group_ready(self, chat: int, now: float) -> bool:
        if chat >= 0:
            return True  # private chats: only the overall limit
        sent = self._group_sent.get(chat)
        while sent and now - sent[0] >= 60.0:
            sent.popleft()
        return not sent or len(sent) < self.group

    async def _serve(self) -> None:
        """Release one waiting send at a time, in chat turn order, within the limits."""
        while True:
            if not self._lines:
                self._wake.clear()
                await self._wake.wait()
                continue
            await self._resume.wait()
            now = time.monotonic()
            while self._sent and now - self._sent[0] >= 1.0:
                self._sent.popleft()
            if len(self._sent) >= self.overall:
                await asyncio.sleep(1.0 - (now - self._sent[0]))
                continue
            chat = self._lines.next_key(lambda c: self._group_ready(c, now))
            if chat is None:
                if self._lines:  # only groups at their per-minute limit are waiting
                    self._wake.clear()
                    with contextlib.suppress(TimeoutError):
                        await asyncio.wait_for(self._wake.wait(), timeout=self._next_group_slot(now))
                continue
            self._sent.append(now)
            if chat < 0:
                self._group_sent.setdefault(chat, deque()).append(now)
            self._lines.release(chat)
            # Forget groups that have been quiet for a minute, so the map stays small.
            if len(self._group_sent) > 1000:
                for key in [k for k, v in self._group_sent.items() if not v or now - v[-1] >= 60.0]:
                    del self._group_sent[key]

    def _next_group_slot(self, now: float) -> float:
        waits = [60.0 - (now - self._group_sent[c][0]) for c in self._lines.lines if c in self._group_sent
                 and self._group_sent[c]]
        return max(0.01, min(waits, default=1.0))
