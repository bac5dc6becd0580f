"""Conversation state kept in memory: follow-up contexts, button payloads, recent answers.

Everything here is bounded (least recently used entries are dropped) and follow-up contexts
expire after ``ttl`` seconds, so a bot that runs for months does not grow without limit and a
"what about Q2?" asked tomorrow does not silently reuse yesterday's question.
"""

from __future__ import annotations

import secrets
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Generic, Hashable, TypeVar

from handlers.pipeline import Answer, Context

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
    langs: Lru[int, str] = field(default_factory=lambda: Lru(MAX_CONTEXTS))  # chat id -> /lang choice

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
