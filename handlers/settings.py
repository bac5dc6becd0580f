"""The one frozen settings object, read from the environment in ``main()`` and passed explicitly.

Every setting is declared once in ``SETTINGS_SPEC`` with its default and description, so
``.env.example`` and the deploy files can be checked against it by a test.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping

PROJECT_ROOT = Path(__file__).resolve().parent.parent

# name -> (default, description). Kept as data so tests can compare it with .env.example.
SETTINGS_SPEC: dict[str, tuple[str, str]] = {
    "TELEGRAM_BOT_TOKEN": ("", "Bot token from BotFather; empty runs the console instead of Telegram"),
    "TELEGRAM_BASE_URL": ("https://api.telegram.org/bot", "Bot API endpoint; the token is appended"),
    "TELEGRAM_BASE_FILE_URL": ("https://api.telegram.org/file/bot", "Bot API file endpoint"),
    "BOT_ADMIN_IDS": ("", "Comma-separated Telegram user IDs allowed to run admin commands"),
    "FACTDESK_DATA_DIR": ("data", "Directory with the CSV source files"),
    "FACTDESK_LOG_LEVEL": ("INFO", "Log level: DEBUG, INFO, WARNING, ERROR"),
    "FACTDESK_FOLLOWUP_TTL": ("900", "Seconds a follow-up question may reuse the previous question's context"),
    "FACTDESK_MAX_RETRIES": ("5", "Times a Telegram request is retried after a 429 or network error"),
}


class SettingsError(ValueError):
    """A setting is missing or malformed; the message names the setting."""


@dataclass(frozen=True)
class Settings:
    """Validated settings; build with :meth:`from_env`."""

    token: str = ""
    base_url: str = SETTINGS_SPEC["TELEGRAM_BASE_URL"][0]
    base_file_url: str = SETTINGS_SPEC["TELEGRAM_BASE_FILE_URL"][0]
    admin_ids: frozenset[int] = field(default_factory=frozenset)
    data_dir: Path = PROJECT_ROOT / "data"
    log_level: str = "INFO"
    followup_ttl: float = 900.0
    max_retries: int = 5

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> "Settings":
        """Read and validate every setting; raise SettingsError naming the first bad one."""
        env = os.environ if env is None else env

        def get(name: str) -> str:
            return env.get(name, SETTINGS_SPEC[name][0]).strip()

        admin_raw = get("BOT_ADMIN_IDS")
        try:
            admins = frozenset(int(part) for part in admin_raw.split(",") if part.strip())
        except ValueError:
            raise SettingsError(
                f"BOT_ADMIN_IDS must be comma-separated numeric Telegram user IDs, got {admin_raw!r}"
            ) from None
        level = get("FACTDESK_LOG_LEVEL").upper()
        if level not in {"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"}:
            raise SettingsError(f"FACTDESK_LOG_LEVEL must be DEBUG, INFO, WARNING or ERROR, got {level!r}")
        data_dir = Path(get("FACTDESK_DATA_DIR"))
        if not data_dir.is_absolute():
            data_dir = PROJECT_ROOT / data_dir
        if not data_dir.is_dir():
            raise SettingsError(f"FACTDESK_DATA_DIR {str(data_dir)!r} is not a directory")
        try:
            ttl = float(get("FACTDESK_FOLLOWUP_TTL"))
            retries = int(get("FACTDESK_MAX_RETRIES"))
        except ValueError as exc:
            raise SettingsError(f"FACTDESK_FOLLOWUP_TTL / FACTDESK_MAX_RETRIES must be numbers: {exc}") from None
        if ttl < 0 or retries < 0:
            raise SettingsError("FACTDESK_FOLLOWUP_TTL and FACTDESK_MAX_RETRIES must not be negative")
        for name in ("TELEGRAM_BASE_URL", "TELEGRAM_BASE_FILE_URL"):
            if not get(name).startswith(("http://", "https://")):
                raise SettingsError(f"{name} must start with http:// or https://, got {get(name)!r}")
        token = get("TELEGRAM_BOT_TOKEN")
        if token and (":" not in token or any(c.isspace() for c in token)):
            raise SettingsError("TELEGRAM_BOT_TOKEN does not look like a bot token (expected '<id>:<secret>')")
        return cls(
            token=token,
            base_url=get("TELEGRAM_BASE_URL"),
            base_file_url=get("TELEGRAM_BASE_FILE_URL"),
            admin_ids=admins,
            data_dir=data_dir,
            log_level=level,
            followup_ttl=ttl,
            max_retries=retries,
        )

    def __repr__(self) -> str:
        # The token must never reach a log line, even through a repr in a traceback.
        return f"Settings(token={'<set>' if self.token else '<unset>'}, data_dir={str(self.data_dir)!r}, admins={len(self.admin_ids)})"


def load_settings() -> Settings:
    """Settings from the environment, or exit with a message naming the bad setting."""
    import sys

    try:
        return Settings.from_env()
    except SettingsError as exc:
        print(f"factdesk: bad setting: {exc}", file=sys.stderr)
        raise SystemExit(2) from None
