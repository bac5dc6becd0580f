"""The one frozen settings object, read from the environment in ``main()`` and passed explicitly.

Every setting is declared once in ``SETTINGS_SPEC`` with its default and description, so
``.env.example`` and the deploy files can be checked against it by a test.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Mapping
from urllib.parse import urlsplit

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
    "FACTDESK_STATE_DIR": ("", "Writable directory for the state database (state.sqlite3: chat preferences, follow-up context, figures given per chat, question and audit logs); empty means FACTDESK_DATA_DIR/.factdesk"),
    "FACTDESK_RETENTION_DAYS": ("90", "Days of history kept in the state database (questions, audit log, figures given); older rows are pruned"),
    "FACTDESK_RETENTION_ROWS": ("100000", "Rows kept per history table in the state database at most (the newest)"),
    "FACTDESK_ANSWER_CACHE": ("2048", "Answers kept per data version for questions asked again (the same words, language and, under a follow-up, no edit of it); 0 turns the answer cache off"),
    "FACTDESK_BOOTSTRAP_RETRIES": ("10", "Start-up attempts to reach Telegram, with backoff (1.5 s growing to 30 s; 10 is about 2 minutes)"),
    "FACTDESK_LOG_JSON": ("false", "true: one JSON object per log line, for log collectors"),
    "FACTDESK_LOG_QUESTIONS": ("false", "true: log the text of questions (and python-telegram-bot's DEBUG lines, which carry whole updates)"),
    "WEBHOOK_URL": ("", "Webhook mode (bot.py --webhook): the public HTTPS URL Telegram posts to; the bot serves the same path"),
    "WEBHOOK_LISTEN": ("0.0.0.0", "Webhook mode: address the bot's HTTP server listens on"),
    "WEBHOOK_PORT": ("8443", "Webhook mode: port the bot's HTTP server listens on (the proxy forwards here; /healthz too)"),
    "WEBHOOK_SECRET": ("", "Webhook mode, required: 16-256 of A-Z a-z 0-9 _ -; Telegram sends it in X-Telegram-Bot-Api-Secret-Token"),
}


def _state_dir(raw: str, data_dir: Path) -> Path:
    """FACTDESK_STATE_DIR as an absolute path (created if missing); by default the data
    directory's ``.factdesk`` folder, next to the data versions, so state survives a restart
    with no setting at all."""
    path = Path(raw) if raw else data_dir / ".factdesk"
    if not path.is_absolute():
        path = PROJECT_ROOT / path
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise SettingsError(f"FACTDESK_STATE_DIR {str(path)!r} cannot be created: {exc.strerror}") from None
    if not os.access(path, os.W_OK):
        raise SettingsError(f"FACTDESK_STATE_DIR {str(path)!r} is not writable")
    return path


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
    bootstrap_retries: int = 10
    log_json: bool = False
    log_questions: bool = False
    webhook_url: str = ""
    webhook_listen: str = "0.0.0.0"
    webhook_port: int = 8443
    webhook_secret: str = ""
    state_dir: Path = PROJECT_ROOT / "data" / ".factdesk"
    retention_days: int = 90
    retention_rows: int = 100_000
    answer_cache: int = 2048

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
            state_dir=_state_dir(get("FACTDESK_STATE_DIR"), data_dir),
            **_operations(get, token),
        )

    @property
    def webhook_path(self) -> str:
        """The path of WEBHOOK_URL, which the bot's own server answers (the proxy keeps it)."""
        return urlsplit(self.webhook_url).path

    def require_webhook(self) -> None:
        """Raise SettingsError unless webhook mode can run (the secret is checked in from_env)."""
        if not self.token:
            raise SettingsError("TELEGRAM_BOT_TOKEN is required for webhook mode")
        if not self.webhook_url:
            raise SettingsError("WEBHOOK_URL is required for webhook mode (bot.py --webhook)")

    def __repr__(self) -> str:
        # The token must never reach a log line, even through a repr in a traceback.
        return f"Settings(token={'<set>' if self.token else '<unset>'}, data_dir={str(self.data_dir)!r}, admins={len(self.admin_ids)})"


_TRUE, _FALSE = {"1", "true", "yes", "on"}, {"0", "false", "no", "off", ""}
_WEBHOOK_SECRET_RE = re.compile(r"[A-Za-z0-9_-]{16,256}")
HEALTH_PATH = "/healthz"


def _operations(get: Callable[[str], str], token: str) -> dict[str, object]:
    """The run-mode and logging settings, validated; each error names its setting."""

    def flag(name: str) -> bool:
        value = get(name).lower()
        if value not in _TRUE | _FALSE:
            raise SettingsError(f"{name} must be true or false, got {get(name)!r}")
        return value in _TRUE

    def number(name: str, low: int, high: int) -> int:
        try:
            value = int(get(name))
        except ValueError:
            raise SettingsError(f"{name} must be a whole number, got {get(name)!r}") from None
        if not low <= value <= high:
            raise SettingsError(f"{name} must be between {low} and {high}, got {value}")
        return value

    # Negative would mean "retry for ever" to python-telegram-bot; a bounded start-up lets the
    # service manager see the failure and restart the unit instead.
    bootstrap = number("FACTDESK_BOOTSTRAP_RETRIES", 0, 100)
    retention_days = number("FACTDESK_RETENTION_DAYS", 1, 36500)
    retention_rows = number("FACTDESK_RETENTION_ROWS", 100, 100_000_000)
    answer_cache = number("FACTDESK_ANSWER_CACHE", 0, 1_000_000)
    port = number("WEBHOOK_PORT", 1, 65535)
    listen = get("WEBHOOK_LISTEN")
    if not listen:
        raise SettingsError("WEBHOOK_LISTEN must be an address such as 0.0.0.0 or 127.0.0.1")
    secret = get("WEBHOOK_SECRET")
    if secret and not _WEBHOOK_SECRET_RE.fullmatch(secret):
        raise SettingsError("WEBHOOK_SECRET must be 16 to 256 characters of A-Z, a-z, 0-9, _ and - "
                            "(for example the output of: openssl rand -hex 32)")
    url = get("WEBHOOK_URL")
    if url:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise SettingsError(f"WEBHOOK_URL must be an https:// URL with a host, got {url!r}")
        if parts.path in ("", "/") or parts.path == HEALTH_PATH:
            raise SettingsError(f"WEBHOOK_URL needs a path of its own (not / or {HEALTH_PATH}), got {url!r}")
        tail = token.split(":", 1)[-1]
        if token and (token in url or tail in url):
            # Telegram's old examples put the token in the path; it would then sit in every proxy log.
            raise SettingsError("WEBHOOK_URL must not contain the bot token; use any other path")
        if not secret:
            raise SettingsError("WEBHOOK_SECRET is required when WEBHOOK_URL is set")
    return {"bootstrap_retries": bootstrap, "retention_days": retention_days, "retention_rows": retention_rows,
            "answer_cache": answer_cache,
            "log_json": flag("FACTDESK_LOG_JSON"),
            "log_questions": flag("FACTDESK_LOG_QUESTIONS"), "webhook_url": url, "webhook_listen": listen,
            "webhook_port": port, "webhook_secret": secret}


def load_settings(webhook: bool = False) -> Settings:
    """Settings from the environment, or exit with a message naming the bad setting.

    ``webhook``: also require what webhook mode needs (token, WEBHOOK_URL).
    """
    import sys

    try:
        settings = Settings.from_env()
        if webhook:
            settings.require_webhook()
        return settings
    except SettingsError as exc:
        print(f"factdesk: bad setting: {exc}", file=sys.stderr)
        raise SystemExit(2) from None
