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
  a WARNING: memory stays bounded and a flood from one chat or user cannot crowd out the
  others (the flooder's surplus is not answered; everyone else's is).
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

from telegram import Update
from telegram.error import RetryAfter
from telegram.ext import BaseRateLimiter, BaseUpdateProcessor

log = logging.getLogger(__name__)

OVERALL_PER_SECOND = 30  # Telegram: about 30 messages per second per bot
GROUP_PER_MINUTE = 20  # Telegram: 20 messages per minute in one group
MAX_SLOTS = 256  # updates processed at once (as python-telegram-bot's default)
PER_CHAT_RUNNING = 4  # of which one chat may hold at most this many
MAX_WAITING_PER_CHAT = 200  # updates waiting per chat (or per user's presses); beyond, dropped
BUTTON_SLOTS = 32  # button presses and inline queries processed at once
PER_USER_RUNNING = 8  # of which one user's (most are throttled at once, so they go quickly)
MAX_WAITING_PER_USER = 50  # presses waiting per user; beyond, dropped (no answer: the spinner times out)
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
    and inline queries by user (``button_slots``, one at a time per user), so neither kind
    waits behind the other. Bounded concurrency also keeps the HTTP connection pool's queue
    short: thousands of simultaneous requests make httpcore's request assignment quadratic.
    """

    def __init__(self, slots: int = MAX_SLOTS, per_chat: int = PER_CHAT_RUNNING,
                 max_waiting: int = MAX_WAITING_PER_CHAT, button_slots: int = BUTTON_SLOTS) -> None:
        super().__init__(max_concurrent_updates=slots + button_slots)
        self.pools = {"updates": _Pool(slots, per_chat, max_waiting),
                      "buttons": _Pool(button_slots, PER_USER_RUNNING, min(max_waiting, MAX_WAITING_PER_USER))}

    async def process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        name, key = update_line(update)
        pool = self.pools[name]
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
        pass


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
