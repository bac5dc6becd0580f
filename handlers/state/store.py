"""The state store interface, its retention bounds, and the follow-up context's serialised form.

Every method is blocking and is called from one thread only (``worker.StateWorker``); an
implementation needs no locking of its own. A second implementation (PostgreSQL, for replicas
sharing state) implements this Protocol and nothing else changes.
"""

from __future__ import annotations

import dataclasses
import importlib
import json
from dataclasses import dataclass
from typing import Any, Protocol

CONTEXT_FORMAT = 1  # bump when the encoding below changes; rows in another format are dropped


@dataclass(frozen=True)
class Retention:
    """How much history is kept: rows older than ``max_age_s`` go, and each log keeps at most
    ``max_rows`` rows (the newest). Follow-up contexts live ``context_ttl_s``."""

    max_age_s: float = 90 * 24 * 3600
    max_rows: int = 100_000
    context_ttl_s: float = 900.0


@dataclass(frozen=True)
class QuestionRecord:
    """One question the bot answered (or could not). ``question`` only when not answered."""

    ts: float
    chat_id: int
    kind: str
    intent: str | None
    score: float | None
    question: str | None = None
    norm: str | None = None  # normalised text, so /unanswered groups variants of one question


class StateStore(Protocol):
    """What the bot keeps across restarts. Times are Unix seconds."""

    # preferences
    def get_prefs(self, chat_id: int) -> tuple[str | None, bool]:
        """(/lang choice or None, corrections on)."""
    def set_lang(self, chat_id: int, lang: str | None, now: float) -> None: ...
    def set_corrections(self, chat_id: int, on: bool, now: float) -> None: ...

    # follow-up context, as the JSON text made by ``encode_context``
    def put_context(self, key: str, body: str, now: float) -> None: ...
    def get_context(self, key: str, since: float) -> str | None: ...
    def drop_context(self, key: str) -> None: ...
    def known_chats(self, since: float) -> tuple[set[int], set[int]]:
        """(chats with a /lang choice stored, chats with a follow-up context stored since ``since``),
        read once at start-up so a chat with neither needs no read at all."""

    # figures given, and corrections
    def record_given(self, chat_id: int, values: list[tuple[str, int]], now: float) -> None: ...
    def corrections_due(self, changed: dict[str, int], since: float) -> dict[int, list[tuple[str, int, int]]]:
        """Per chat (corrections on) given a changed figure since ``since``: (figure, old, new).
        The records take the new values, so one change is announced once."""

    # logs
    def record_question(self, record: QuestionRecord) -> None: ...
    def audit(self, ts: str, who: int | None, action: str, details: str) -> None: ...
    def unanswered(self, limit: int) -> list[tuple[str, int]]: ...
    def stats(self, days: int) -> dict[str, Any]: ...

    # housekeeping
    def prune(self, retention: Retention, now: float, batch: int) -> int:
        """Delete up to ``batch`` rows past retention; the number deleted (0: nothing left)."""
    def commit(self) -> None: ...
    def close(self) -> None: ...


# --- follow-up context ------------------------------------------------------------------------------
# The pipeline's follow-up object is a tree of frozen dataclasses from handlers.* modules, and its
# shape changes as the pipeline does. It is stored as tagged JSON (class path + fields); a row that
# no longer fits the code (a class renamed, a field removed) is dropped, never half-read.

class UnreadableContext(ValueError):
    """A stored context that does not match today's classes."""


# Per dataclass: its tag and the names of its init fields, worked out once per process (asking
# dataclasses.fields for every object was about half of encoding a context, once per answer).
_SHAPES: dict[type, tuple[str, tuple[str, ...]]] = {}


def _shape(cls: type) -> tuple[str, tuple[str, ...]]:
    shape = _SHAPES.get(cls)
    if shape is None:
        if not cls.__module__.startswith("handlers."):
            raise TypeError(f"not a handlers dataclass: {cls!r}")
        shape = _SHAPES[cls] = (f"{cls.__module__}:{cls.__qualname__}",
                                tuple(f.name for f in dataclasses.fields(cls) if f.init))
    return shape


def _encode(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        tag, names = _shape(type(value))
        return {"$cls": tag, **{name: _encode(getattr(value, name)) for name in names}}
    if isinstance(value, tuple):
        return {"$tuple": [_encode(v) for v in value]}
    if isinstance(value, list):
        return [_encode(v) for v in value]
    if isinstance(value, dict):
        if not all(isinstance(k, str) for k in value):
            raise TypeError("only str keys")
        return {k: _encode(v) for k, v in value.items()}
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, (set, frozenset)):
        return {"$tuple": [_encode(v) for v in sorted(value)]}
    raise TypeError(f"cannot store {type(value).__name__}")


def _decode(value: Any) -> Any:
    if isinstance(value, list):
        return [_decode(v) for v in value]
    if not isinstance(value, dict):
        return value
    if "$tuple" in value:
        return tuple(_decode(v) for v in value["$tuple"])
    if "$cls" in value:
        module_name, _, qualname = str(value["$cls"]).partition(":")
        if not module_name.startswith("handlers."):
            raise UnreadableContext(f"class outside handlers: {module_name}")
        try:
            cls: Any = importlib.import_module(module_name)
            for part in qualname.split("."):
                cls = getattr(cls, part)
        except (ImportError, AttributeError) as exc:
            raise UnreadableContext(str(exc)) from None
        if not (isinstance(cls, type) and dataclasses.is_dataclass(cls)):
            raise UnreadableContext(f"{qualname} is not a dataclass")
        fields = {k: _decode(v) for k, v in value.items() if k != "$cls"}
        try:
            return cls(**fields)
        except TypeError as exc:  # a field added without a default, or one removed
            raise UnreadableContext(str(exc)) from None
    return {k: _decode(v) for k, v in value.items()}


def encode_context(ctx: Any) -> str:
    """A follow-up context as JSON text with its format version."""
    return json.dumps({"format": CONTEXT_FORMAT, "ctx": _encode(ctx)}, ensure_ascii=False, separators=(",", ":"))


def decode_context(text: str) -> Any:
    """The context back, or UnreadableContext if it was stored by another shape of the code."""
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise UnreadableContext(f"not JSON: {exc}") from None
    if not isinstance(data, dict) or data.get("format") != CONTEXT_FORMAT:
        raise UnreadableContext(f"format {data.get('format') if isinstance(data, dict) else '?'}")
    return _decode(data.get("ctx"))
