"""Loopback fake of the Telegram Bot API for factdesk's end-to-end tests.

* :class:`~tests.botapi.server.FakeBotAPI` -- the aiohttp server the real PTB
  ``Application`` talks to (``base_url``/``base_file_url``).
* :mod:`tests.botapi.updates` -- builders for Update JSON dicts to push.
* :mod:`tests.botapi.html` -- the Telegram-HTML validator the server uses.

Exports are resolved lazily so that ``python -m tests.botapi.server`` does not
import the server module twice (runpy warns when the package pre-imports it).
"""

from __future__ import annotations

import importlib
from typing import Any

__all__ = ["ApiError", "Call", "FakeBotAPI", "UploadedFile", "html", "server", "updates"]

_SERVER_EXPORTS = frozenset({"ApiError", "Call", "FakeBotAPI", "UploadedFile"})


def __getattr__(name: str) -> Any:
    """Lazily import submodules and the server's public classes on first access."""
    if name in _SERVER_EXPORTS:
        return getattr(importlib.import_module("tests.botapi.server"), name)
    if name in ("html", "server", "updates"):
        return importlib.import_module(f"tests.botapi.{name}")
    raise AttributeError(f"module 'tests.botapi' has no attribute {name!r}")
