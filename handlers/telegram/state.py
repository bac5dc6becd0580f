"""Conversation state: follow-up contexts, /lang choices, button payloads, recent answers.

The in-memory maps are bounded (least recently used entries are dropped) and follow-up contexts
expire after ``ttl`` seconds, so a bot that runs for months does not grow without limit and a
"what about Q2?" asked tomorrow does not silently reuse yesterday's question. Follow-up contexts
and /lang choices are also written to the state store (``activity``), and read back from it when
memory does not have them: after a restart, or once they were dropped from memory.
"""

from __future__ import annotations

import secrets
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Generic, Hashable, TypeVar

from handlers.pipeline import Answer, Context

if TYPE_CHECKING:
    from handlers.activity import ActivityLog

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")

MAX_CONTEXTS = 5000
MAX_BUTTONS = 5000
MAX_ANSWERS = 2000


class Lru(Generic[K, V]):
    """A small bounded mapping that forgets the least recently used entry."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._data: OrderedDict[K, V] = OrderedDict()

    def get(self, key: K) -> V | None:
        if key not in self._data:
            return None
        self._data.move_to_end(key)
        return self._data[key]

    def put(self, key: K, value: V) -> None:
        self._data[key] = value
        self._data.move_to_end(key)
        while len(self._data) > self.limit:
            self._data.popitem(last=False)

    def __len__(self) -> int:
        return len(self._data)


ThreadKey = tuple[int, int, int | None]  # (chat id, user id, message thread id)


@dataclass
class ChatState:
    """Per-process conversation memory for the Telegram front."""

    ttl: float
    contexts: Lru[ThreadKey, Context] = field(default_factory=lambda: Lru(MAX_CONTEXTS))
    by_message: Lru[tuple[int, int], Context] = field(default_factory=lambda: Lru(MAX_CONTEXTS))
    buttons: Lru[str, str] = field(default_factory=lambda: Lru(MAX_BUTTONS))
    answers: Lru[str, Answer] = field(default_factory=lambda: Lru(MAX_ANSWERS))
    last_answer: Lru[tuple[int, int], str] = field(default_factory=lambda: Lru(MAX_CONTEXTS))
    langs: Lru[int, str] = field(default_factory=lambda: Lru(MAX_CONTEXTS))  # chat id -> /lang choice, "" auto
    store: "ActivityLog | None" = None

    async def lang(self, chat_id: int) -> str | None:
        """The chat's /lang choice, or None for the question's own language."""
        cached = self.langs.get(chat_id)
        if cached is None and self.store is not None:
            # A chat the store holds no choice for (most, after a start) costs no thread hop.
            cached = ((await self.store.prefs(chat_id))[0] or "") if self.store.may_have_lang(chat_id) else ""
            self.langs.put(chat_id, cached)
        return cached or None

    def set_lang(self, chat_id: int, lang: str | None) -> None:
        self.langs.put(chat_id, lang or "")
        if self.store is not None:
            self.store.set_lang(chat_id, lang or None)

    def last_answer_of(self, chat_id: int, user_id: int) -> Answer | None:
        """The asker's last answer in this chat, if still remembered (/why, /passage)."""
        answer_id = self.last_answer.get((chat_id, user_id))
        return self.answers.get(answer_id) if answer_id else None

    async def context(self, key: ThreadKey) -> Context | None:
        """The follow-up context of a chat, user and topic, if still fresh."""
        return await self._context(self.contexts, key, "t:%s:%s:%s" % key, key[0])

    async def message_context(self, chat_id: int, message_id: int) -> Context | None:
        """The context of one of the bot's answers (a reply to it in a group is a follow-up)."""
        return await self._context(self.by_message, (chat_id, message_id), f"m:{chat_id}:{message_id}", chat_id)

    def keep_context(self, key: ThreadKey, ctx: Context) -> None:
        self.contexts.put(key, ctx)
        if self.store is not None:
            self.store.save_context("t:%s:%s:%s" % key, ctx)

    def keep_message_context(self, chat_id: int, message_id: int, ctx: Context) -> None:
        self.by_message.put((chat_id, message_id), ctx)
        if self.store is not None:
            self.store.save_context(f"m:{chat_id}:{message_id}", ctx)

    async def _context(self, memory: "Lru[K, Context]", key: K, store_key: str, chat_id: int) -> Context | None:
        ctx = memory.get(key)
        if ctx is None and self.store is not None and self.store.may_have_context(chat_id):
            stored = await self.store.context(store_key, self.ttl)
            # Only today's Context class is used; anything else was stored by another version.
            if isinstance(stored, Context):
                ctx = stored
                memory.put(key, ctx)
        return self.fresh(ctx)

    def fresh(self, ctx: Context | None, now: float | None = None) -> Context | None:
        """The context if it has not expired."""
        if ctx is None:
            return None
        now = time.time() if now is None else now
        return ctx if now - ctx.created <= self.ttl else None

    def button(self, payload: str) -> str:
        """Store a question behind a short token; callback data is limited to 64 bytes."""
        token = secrets.token_urlsafe(8)
        self.buttons.put(token, payload)
        return token

    def remember(self, answer: Answer) -> str:
        """Keep an answer for "how was this computed?"; returns its id."""
        answer_id = secrets.token_urlsafe(6)
        self.answers.put(answer_id, answer)
        return answer_id
