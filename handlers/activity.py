"""What the bot has done, for admins: questions asked, figures given per chat, chat preferences,
and the audit log of admin actions.

Kept in memory, and appended to JSON Lines files in FACTDESK_STATE_DIR when it is set, so
corrections still reach a chat after a restart. Question texts are kept only for questions the
bot could not answer (admins need them to add synonyms or data); answered ones keep only their
intent.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections import Counter, deque
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterable

from handlers.lexicon import normalise
from handlers.pipeline import Answer

CORRECTION_WINDOW = 30 * 24 * 3600  # a figure given within 30 days gets a correction
MAX_EVENTS = 50_000

audit_log = logging.getLogger("factdesk.audit")


@dataclass
class Given:
    """A figure the bot gave in a chat."""

    chat_id: int
    figure_id: str
    value: int
    ts: float


@dataclass
class ActivityLog:
    """Questions, figures given, per-chat preferences and admin actions."""

    state_dir: Path | None = None
    questions: deque[dict[str, Any]] = field(default_factory=lambda: deque(maxlen=MAX_EVENTS))
    given: list[Given] = field(default_factory=list)
    corrections_off: set[int] = field(default_factory=set)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @classmethod
    def open(cls, state_dir: Path | None) -> "ActivityLog":
        log = cls(state_dir)
        if state_dir is not None:
            log._load()
        return log

    # --- persistence ---------------------------------------------------------------------------

    def _path(self, name: str) -> Path | None:
        return self.state_dir / name if self.state_dir is not None else None

    def _append(self, name: str, record: dict[str, Any]) -> None:
        path = self._path(name)
        if path is None:
            return
        with self._lock, open(path, "a", encoding="utf-8") as f:
            f.write(json.dumps(record, ensure_ascii=False) + "\n")

    def _read(self, name: str) -> Iterable[dict[str, Any]]:
        path = self._path(name)
        if path is None or not path.exists():
            return []
        out = []
        for line in path.read_text(encoding="utf-8").splitlines():
            try:
                out.append(json.loads(line))
            except json.JSONDecodeError:
                continue  # a line torn by a crash mid-append is skipped, the rest is kept
        return out

    def _load(self) -> None:
        for r in self._read("questions.jsonl"):
            self.questions.append(r)
        cutoff = time.time() - CORRECTION_WINDOW
        self.given = [Given(**r) for r in self._read("given.jsonl") if r.get("ts", 0) >= cutoff]
        for r in self._read("prefs.jsonl"):
            (self.corrections_off.add if r.get("corrections") == "off" else self.corrections_off.discard)(r["chat_id"])

    # --- recording -----------------------------------------------------------------------------

    def record_answer(self, chat_id: int, answer: Answer, values: dict[str, int], now: float | None = None) -> None:
        now = time.time() if now is None else now
        record = {"ts": now, "intent": answer.intent, "kind": answer.kind, "score": answer.score}
        if answer.kind != "answer":
            record["question"] = answer.question[:300]
        self.questions.append(record)
        self._append("questions.jsonl", record)
        for fid in answer.figure_ids if answer.kind == "answer" else []:
            if fid in values:
                g = Given(chat_id, fid, values[fid], now)
                self.given.append(g)
                self._append("given.jsonl", g.__dict__)

    def set_corrections(self, chat_id: int, on: bool) -> None:
        (self.corrections_off.discard if on else self.corrections_off.add)(chat_id)
        self._append("prefs.jsonl", {"chat_id": chat_id, "corrections": "on" if on else "off", "ts": time.time()})

    def audit(self, who: int | None, action: str, **details: Any) -> None:
        record = {"ts": datetime.now(timezone.utc).isoformat(timespec="seconds"), "who": who, "action": action, **details}
        audit_log.info("admin action: %s", json.dumps(record, ensure_ascii=False, default=str))
        self._append("audit.jsonl", record)

    # --- reading -------------------------------------------------------------------------------

    def corrections_due(self, changed: dict[str, tuple[int, int]], now: float | None = None
                        ) -> dict[int, list[tuple[str, int, int]]]:
        """Per chat, the changed figures it was given in the last 30 days: (figure_id, old, new).

        The records are updated to the new values, so one change is announced once.
        """
        now = time.time() if now is None else now
        due: dict[int, dict[str, tuple[str, int, int]]] = {}
        for g in self.given:
            if g.figure_id in changed and now - g.ts <= CORRECTION_WINDOW and g.chat_id not in self.corrections_off:
                old, new = changed[g.figure_id]
                if g.value != new:
                    due.setdefault(g.chat_id, {})[g.figure_id] = (g.figure_id, g.value, new)
                    g.value = new
        return {chat: list(items.values()) for chat, items in due.items()}

    def unanswered(self, limit: int = 15) -> list[tuple[str, int]]:
        counts: Counter[str] = Counter()
        shown: dict[str, str] = {}
        for r in self.questions:
            if r.get("kind") != "answer" and r.get("question"):
                key = normalise(r["question"])
                counts[key] += 1
                shown.setdefault(key, r["question"])
        return [(shown[k], n) for k, n in counts.most_common(limit)]

    def stats(self, days: int = 14) -> dict[str, Any]:
        per_day: Counter[str] = Counter()
        answered: Counter[str] = Counter()
        intents: Counter[str] = Counter()
        for r in self.questions:
            day = datetime.fromtimestamp(r["ts"], timezone.utc).date().isoformat()
            per_day[day] += 1
            if r.get("kind") == "answer":
                answered[day] += 1
                intents[r.get("intent") or "?"] += 1
        total = sum(per_day.values())
        return {"days": [(d, per_day[d], answered[d]) for d in sorted(per_day)[-days:]], "total": total,
                "answered": sum(answered.values()), "share": round(100.0 * sum(answered.values()) / total, 1) if total else None,
                "intents": intents.most_common(8)}
