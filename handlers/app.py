"""Start-up: settings from the environment, then the console or the Telegram bot."""

from __future__ import annotations

import logging
import sys

from handlers import console
from handlers.resources import Resources
from handlers.settings import Settings, SettingsError
from handlers.store import DataLoadError


def main(argv: list[str]) -> int:
    """Dispatch ``ask`` / console / Telegram; fail fast with a clear message on bad settings or data."""
    try:
        settings = Settings.from_env()
    except SettingsError as exc:
        print(f"factdesk: bad setting: {exc}", file=sys.stderr)
        return 2
    logging.basicConfig(level=settings.log_level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        resources = Resources.build(settings)
    except DataLoadError as exc:
        print(f"factdesk: cannot load data from {settings.data_dir}:\n{exc}", file=sys.stderr)
        return 3
    if argv and argv[0] == "ask":
        return console.main(resources, argv[1:])
    if not settings.token:
        return console.interactive(resources)
    from handlers.telegram.app import run  # imported only when a token is set

    return run(settings, resources)
