"""Harmless events that come in bursts, logged as one INFO line per burst with a count.

A button press Telegram no longer accepts ("query is too old", or an id it does not know) is not
a failure of the bot; during a storm of presses there can be thousands. Each kind gets one INFO
line at most every ``_LOG_EVERY`` seconds, never a traceback.
"""

from __future__ import annotations

import logging
import time

from telegram.error import BadRequest

log = logging.getLogger("handlers.telegram.errors")  # the name these lines have always had

EXPIRED_QUERY = ("query is too old", "query id is invalid")
_LOG_EVERY = 10.0  # at most one INFO line per this many seconds; the rest are counted in it


class QuietLog:
    """One INFO line for a burst of the same harmless event, with how many it stands for."""

    def __init__(self, what: str) -> None:
        self.what = what
        self.count = 0
        self.last = 0.0

    def note(self, detail: str) -> None:
        self.count += 1
        now = time.monotonic()
        if now - self.last >= _LOG_EVERY:
            log.info("%s (%s); %d since the last such line", self.what, detail, self.count)
            self.count, self.last = 0, now


expired_queries = QuietLog("button press no longer accepted by Telegram, not answered")


def is_expired_query(exc: BadRequest) -> bool:
    """True for Telegram's answer to a callback query answered too late (or never known)."""
    return any(s in exc.message.lower() for s in EXPIRED_QUERY)
