"""Loopback fake of the Telegram Bot API server for end-to-end tests.

The real PTB ``Application``/``Bot`` is pointed at this server with
``base_url``/``base_file_url`` and talks to it over real HTTP, so the whole
stack -- request encoding, httpx, error mapping, polling, handlers -- is
exercised without network access.  The fake validates what the real server
validates where bugs typically hide (Telegram HTML, length limits, callback
data size, inline results, command lists) and answers with real Bot API
shapes that PTB's ``de_json`` accepts.

Typical use in a test::

    async with FakeBotAPI(token=TOKEN, bot_username="FactDeskTestBot") as api:
        app = (ApplicationBuilder().token(TOKEN)
               .base_url(api.base_url).base_file_url(api.base_file_url).build())
        ...
        api.push_update(updates.private_text("hello"))
        [call] = await api.wait_for("sendMessage")

Standalone, for pointing a real ``python bot.py`` at it by hand::

    python -m tests.botapi.server --port 8081 --token 123:ABC
    curl -d '{"text": "/start"}' localhost:8081/_control/build/private_text
    curl localhost:8081/_control/calls

Everything runs on the caller's event loop; no threads, no global state.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import copy
import dataclasses
import hashlib
import itertools
import json
import logging
import mimetypes
import re
import struct
import time
from collections.abc import Awaitable, Callable, Iterator
from typing import TYPE_CHECKING, Any, ClassVar

from aiohttp import ClientSession, ClientTimeout, web
from aiohttp.web_request import FileField

from tests.botapi import updates as update_builders
from tests.botapi.html import HTMLParseError, ParsedText, parse_html, strip_and_shift, utf16_len

if TYPE_CHECKING:
    # Only for annotations: standalone mode must not need PTB imported.
    from telegram import Bot
    from telegram.ext import ApplicationBuilder
    from telegram.request import HTTPXRequest

__all__ = ["ApiError", "Call", "FakeBotAPI", "StoredFile", "UploadedFile", "main"]

_LOGGER = logging.getLogger("tests.botapi")

JSONDict = dict[str, Any]

DEFAULT_TOKEN = "123456789:AAFakeTokenForFactDeskTests_0123456789"
MESSAGE_LIMIT = 4096
CAPTION_LIMIT = 1024
CALLBACK_ANSWER_LIMIT = 200
MAX_INLINE_RESULTS = 50
GET_FILE_LIMIT = 20 * 1024 * 1024  # getFile refuses bigger files on the cloud API.
UPLOAD_LIMIT = 50 * 1024 * 1024
WEBHOOK_RETRY_DELAY = 0.2

# Form-encoded values are JSON-decoded (PTB JSON-encodes ints, bools, lists and
# objects) except for parameters that are strings by definition: a text "123"
# or "true" must stay a string, and query ids must not turn into ints.
_STRING_PARAMS = frozenset(
    {
        "action",
        "animation",
        "audio",
        "business_connection_id",
        "callback_query_id",
        "caption",
        "custom_title",
        "description",
        "document",
        "emoji",
        "file_id",
        "inline_message_id",
        "inline_query_id",
        "ip_address",
        "language_code",
        "message_effect_id",
        "name",
        "next_offset",
        "parse_mode",
        "photo",
        "question",
        "secret_token",
        "short_description",
        "sticker",
        "switch_pm_parameter",
        "switch_pm_text",
        "text",
        "thumbnail",
        "title",
        "url",
        "video",
        "voice",
    }
)
# Object/array parameters that a JSON body may still carry as JSON-encoded strings
# (the real API accepts both, and hand-written clients do it).
_OBJECT_PARAMS = frozenset(
    {
        "allowed_updates",
        "button",
        "caption_entities",
        "commands",
        "entities",
        "link_preview_options",
        "media",
        "menu_button",
        "message_ids",
        "reply_markup",
        "reply_parameters",
        "results",
        "rights",
        "scope",
    }
)
_INT_PARAMS = frozenset(
    {
        "cache_time",
        "chat_id",
        "from_chat_id",
        "limit",
        "max_connections",
        "message_id",
        "message_thread_id",
        "offset",
        "reply_to_message_id",
        "user_id",
    }
)
# Update types the API withholds unless explicitly requested in allowed_updates.
_OPT_IN_UPDATE_TYPES = frozenset({"chat_member", "message_reaction", "message_reaction_count"})
_INLINE_RESULT_TYPES = frozenset(
    {
        "article",
        "audio",
        "contact",
        "document",
        "game",
        "gif",
        "location",
        "mpeg4_gif",
        "photo",
        "sticker",
        "venue",
        "video",
        "voice",
    }
)
_COMMAND_SCOPES = frozenset(
    {
        "default",
        "all_private_chats",
        "all_group_chats",
        "all_chat_administrators",
        "chat",
        "chat_administrators",
        "chat_member",
    }
)
_BUTTON_ACTIONS = (
    "url",
    "callback_data",
    "web_app",
    "login_url",
    "switch_inline_query",
    "switch_inline_query_current_chat",
    "switch_inline_query_chosen_chat",
    "copy_text",
    "callback_game",
    "pay",
)
_COMMAND_RE = re.compile(r"^[a-z0-9_]{1,32}$")
_SECRET_RE = re.compile(r"^[A-Za-z0-9_-]{1,256}$")
_TOKEN_FORMAT_RE = re.compile(r"^\d+:[A-Za-z0-9_-]+$")
_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_MEMBER_STATUSES = frozenset({"member", "administrator", "creator", "restricted"})
# Methods that deliver something to a chat and therefore fail for blocked chats.
_BLOCKABLE = frozenset({"sendmessage", "sendphoto", "senddocument", "editmessagetext"})
_NOT_MODIFIED = (
    "Bad Request: message is not modified: specified new message content and reply markup "
    "are exactly the same as a current content and reply markup of the message"
)
_REPLY_NOT_FOUND = "Bad Request: message to be replied not found"
_QUERY_TOO_OLD = (
    "Bad Request: query is too old and response timeout expired or query ID is invalid"
)


class ApiError(Exception):
    """An error response in Bot API shape; raised by method handlers."""

    def __init__(self, status: int, description: str, parameters: JSONDict | None = None) -> None:
        super().__init__(description)
        self.status = status
        self.description = description
        self.parameters = parameters

    def body(self) -> JSONDict:
        """The JSON body the real server sends for this error."""
        payload: JSONDict = {
            "ok": False,
            "error_code": self.status,
            "description": self.description,
        }
        if self.parameters:
            payload["parameters"] = self.parameters
        return payload


def _bad_request(detail: str) -> ApiError:
    """Shorthand for the ubiquitous 400 error."""
    return ApiError(400, f"Bad Request: {detail}")


@dataclasses.dataclass
class UploadedFile:
    """A multipart file part the bot uploaded (``call.params["photo"]`` etc.)."""

    field_name: str
    filename: str | None
    content_type: str | None
    data: bytes

    def summary(self) -> JSONDict:
        """JSON-friendly description used by the control endpoint and repr."""
        return {
            "uploaded_file": self.filename,
            "content_type": self.content_type,
            "size": len(self.data),
        }

    def __repr__(self) -> str:
        # Keep call listings readable: never dump megabytes of image bytes.
        return f"UploadedFile({self.field_name!r}, {self.filename!r}, {len(self.data)} bytes)"


@dataclasses.dataclass
class StoredFile:
    """A file the server can serve from ``/file/bot<token>/<file_path>``."""

    file_id: str
    file_unique_id: str
    data: bytes
    file_name: str | None
    file_path: str
    mime_type: str | None


@dataclasses.dataclass
class Call:
    """One recorded request.  Unpacks as ``method, params, time = call``."""

    method: str
    params: JSONDict
    time: float
    files: dict[str, UploadedFile] = dataclasses.field(default_factory=dict)
    http_method: str = "POST"
    status: int | None = None
    response: JSONDict | None = None
    content_type: str | None = None  # of the request body, as the spec checker needs it
    spec_checked: bool = False  # set by tests.apispec once the call went through the spec checker

    def __iter__(self) -> Iterator[Any]:
        # Tuple-style unpacking keeps the (method, params, time) contract of the brief.
        return iter((self.method, self.params, self.time))

    @property
    def ok(self) -> bool:
        """True if the server answered ``{"ok": true}``."""
        return bool(self.response and self.response.get("ok"))

    @property
    def result(self) -> Any:
        """The ``result`` field of a successful response (None otherwise)."""
        return self.response.get("result") if self.response else None

    def _shown_params(self) -> JSONDict:
        """Params with uploads replaced by a short summary (never raw bytes)."""
        return {
            k: (v.summary() if isinstance(v, UploadedFile) else v) for k, v in self.params.items()
        }

    def describe(self) -> str:
        """One-line summary for assertion messages."""
        text = json.dumps(self._shown_params(), ensure_ascii=False, default=str)
        if len(text) > 300:
            text = text[:297] + "..."
        return f"{self.method}({text}) -> {self.status}"

    def to_json(self) -> JSONDict:
        """Serializable form for ``GET /_control/calls``."""
        return {
            "method": self.method,
            "params": self._shown_params(),
            "time": self.time,
            "http_method": self.http_method,
            "status": self.status,
            "response": self.response,
        }


@dataclasses.dataclass
class _Fault:
    """A pending injected failure for one method (or ``*`` for any)."""

    method: str  # lower-cased, or "*"
    kind: str  # "fail" | "drop"
    remaining: int
    status: int = 429
    retry_after: int = 1
    description: str | None = None


_Handler = Callable[[JSONDict, dict[str, UploadedFile]], Awaitable[Any]]


@dataclasses.dataclass
class _Result:
    """Handler result that also carries the optional ``description`` field."""

    value: Any
    description: str | None = None


def _dumps(obj: Any) -> str:
    """JSON encoder for responses: real UTF-8 text, and never fail on odd values."""
    return json.dumps(obj, ensure_ascii=False, default=str)


def _update_type(update: JSONDict) -> str:
    """The update's kind, i.e. its single key besides ``update_id``."""
    for key in update:
        if key != "update_id":
            return key
    return ""


def _chat_type_for_id(chat_id: int) -> str:
    """Guess a chat type from the id the way Telegram allocates them."""
    if chat_id > 0:
        return "private"
    if chat_id <= -1_000_000_000_000:
        return "supergroup"
    return "group"


def _image_size(data: bytes) -> tuple[int, int] | None:
    """(width, height) of a PNG or JPEG, or None if it is neither."""
    if data.startswith(_PNG_SIGNATURE):
        if len(data) < 24 or data[12:16] != b"IHDR":
            return None
        width, height = struct.unpack(">II", data[16:24])
        return (width, height) if width and height else None
    if data.startswith(b"\xff\xd8\xff"):
        i = 2
        while i + 9 < len(data):
            if data[i] != 0xFF:
                return None
            marker = data[i + 1]
            if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
                i += 2
                continue
            (seg_len,) = struct.unpack(">H", data[i + 2 : i + 4])
            # SOF0..SOF15 except DHT(C4), JPG(C8), DAC(CC) carry the frame size.
            if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
                height, width = struct.unpack(">HH", data[i + 5 : i + 9])
                return (width, height) if width and height else None
            i += 2 + seg_len
        return None
    return None


def _coerce_int(name: str, value: Any) -> Any:
    """Turn numeric strings into ints for id-like parameters (as the API does)."""
    if isinstance(value, str) and re.fullmatch(r"-?\d+", value.strip()):
        return int(value)
    if isinstance(value, float) and value.is_integer() and name != "timeout":
        return int(value)
    return value


def _decode_form_value(name: str, raw: str) -> Any:
    """Decode a form field the way the Bot API interprets PTB's encoding."""
    if name in _STRING_PARAMS:
        return raw
    try:
        return json.loads(raw)
    except ValueError:
        return raw


class FakeBotAPI:
    """A fake Telegram Bot API server on 127.0.0.1 for tests.

    State (chats, messages, files, pending updates) lives in memory and is
    per instance, so one instance per test keeps tests independent.

    ``on_start`` (a class attribute) is called with every instance entered as a context manager:
    the test suite's conftest registers each one so that every call it receives goes through
    the Bot API spec checker (tests/apispec.py) before the test ends.
    """

    on_start: ClassVar[Callable[[FakeBotAPI], None] | None] = None

    def __init__(
        self,
        token: str = DEFAULT_TOKEN,
        bot_username: str = update_builders.DEFAULT_BOT_USERNAME,
        *,
        bot_first_name: str = "FactDesk",
        bot_id: int | None = None,
        host: str = "127.0.0.1",
        port: int = 0,
        shutdown_timeout: float = 1.0,
    ) -> None:
        self.token = token
        self.host = host
        self._requested_port = port
        self._shutdown_timeout = shutdown_timeout
        prefix = token.split(":", 1)[0]
        # Like the real API, the bot's user id is the numeric part of its token.
        if bot_id is None:
            bot_id = int(prefix) if prefix.isdigit() else 123456789
        self.bot_id = bot_id
        self.bot_username = bot_username
        self.bot_first_name = bot_first_name

        self.calls: list[Call] = []
        self.file_downloads: list[str] = []
        self.webhook_deliveries: list[tuple[int, int | str]] = []
        self.answered_callback_queries: dict[str, JSONDict] = {}
        self.answered_inline_queries: dict[str, JSONDict] = {}

        self._runner: web.AppRunner | None = None
        self._site: web.TCPSite | None = None
        self._port: int | None = None
        self._closing = False
        self._changed = asyncio.Event()
        self._faults: list[_Fault] = []

        self._updates: list[JSONDict] = []
        self._next_update_id = 10_000
        self._allowed_updates: list[str] | None = None
        self._poll_generation = 0

        self._chats: dict[int, JSONDict] = {}
        self._users: dict[int, JSONDict] = {}
        self._blocked: dict[int, str] = {}
        self._messages: dict[int, dict[int, JSONDict]] = {}
        self._max_message_id: dict[int, int] = {}
        self._sent: list[JSONDict] = []
        self._callback_ids: set[str] = set()
        self._inline_ids: set[str] = set()
        self._commands: dict[tuple[str, str], list[JSONDict]] = {}
        self._files: dict[str, StoredFile] = {}
        self._files_by_path: dict[str, StoredFile] = {}
        self._file_counter = itertools.count(1)

        self._webhook: JSONDict | None = None
        self._webhook_error: tuple[int, str] | None = None
        self._webhook_task: asyncio.Task[None] | None = None

        self._handlers: dict[str, tuple[str, _Handler]] = {}
        for attr in dir(self):
            if attr.startswith("_m_"):
                canonical = attr[3:]
                self._handlers[canonical.lower()] = (canonical, getattr(self, attr))

        self.app = web.Application(client_max_size=UPLOAD_LIMIT + 1024 * 1024)
        self.app.router.add_route("*", "/bot{token}/{method}", self._handle_api)
        self.app.router.add_get("/file/bot{token}/{file_path:.+}", self._handle_file)
        self._add_control_routes()

    # ------------------------------------------------------------------ lifecycle

    async def start(self) -> FakeBotAPI:
        """Bind the server (port 0 picks a free port) and start serving."""
        self._closing = False
        self._runner = web.AppRunner(
            self.app, access_log=None, shutdown_timeout=self._shutdown_timeout
        )
        await self._runner.setup()
        self._site = web.TCPSite(self._runner, self.host, self._requested_port)
        await self._site.start()
        # aiohttp exposes no public accessor for the port that port=0 picked.
        sockets = getattr(self._site._server, "sockets", None)
        assert sockets, "aiohttp site has no listening socket"
        self._port = int(sockets[0].getsockname()[1])
        self._webhook_task = asyncio.create_task(
            self._webhook_worker(), name="fake-botapi-webhook"
        )
        _LOGGER.debug("FakeBotAPI listening on %s", self.url)
        return self

    async def stop(self) -> None:
        """Wake all long polls, stop the webhook worker and close the server."""
        self._closing = True
        # Long polls must return now, otherwise cleanup waits for their timeouts.
        self._notify()
        if self._webhook_task is not None:
            self._webhook_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._webhook_task
            self._webhook_task = None
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
            self._site = None

    async def __aenter__(self) -> FakeBotAPI:
        if FakeBotAPI.on_start is not None:
            FakeBotAPI.on_start(self)  # the test suite registers every server to spec-check its calls
        return await self.start()

    async def __aexit__(self, *exc_info: object) -> None:
        await self.stop()

    @property
    def port(self) -> int:
        """The bound TCP port (only valid after :meth:`start`)."""
        if self._port is None:
            raise RuntimeError("FakeBotAPI is not started")
        return self._port

    @property
    def url(self) -> str:
        """Server root, e.g. ``http://127.0.0.1:PORT``."""
        return f"http://{self.host}:{self.port}"

    @property
    def base_url(self) -> str:
        """Value for ``Bot(base_url=...)``; PTB appends the token."""
        return f"{self.url}/bot"

    @property
    def base_file_url(self) -> str:
        """Value for ``Bot(base_file_url=...)``; PTB appends the token."""
        return f"{self.url}/file/bot"

    # ------------------------------------------------------------------ PTB helpers

    @staticmethod
    def fast_request(connection_pool_size: int = 8, **kwargs: Any) -> HTTPXRequest:
        """An ``HTTPXRequest`` for loopback use.

        ``verify=False`` skips loading the CA bundle, which is ~50 ms per client
        (a Bot has two); the fake speaks plain HTTP so nothing is lost.
        """
        from telegram.request import HTTPXRequest

        return HTTPXRequest(
            connection_pool_size=connection_pool_size, httpx_kwargs={"verify": False}, **kwargs
        )

    def make_bot(self, token: str | None = None, **kwargs: Any) -> Bot:
        """A ``telegram.Bot`` wired to this server (not initialized; use ``async with``)."""
        from telegram import Bot

        kwargs.setdefault("request", self.fast_request())
        kwargs.setdefault("get_updates_request", self.fast_request(1))
        return Bot(
            token or self.token,
            base_url=self.base_url,
            base_file_url=self.base_file_url,
            **kwargs,
        )

    def application_builder(
        self, token: str | None = None
    ) -> ApplicationBuilder[Any, Any, Any, Any, Any, Any]:
        """An ``ApplicationBuilder`` pre-set with token, URLs and fast requests.

        Add handlers/persistence/rate limiter as usual, then ``.build()``.
        """
        from telegram.ext import ApplicationBuilder

        return (
            ApplicationBuilder()
            .token(token or self.token)
            .base_url(self.base_url)
            .base_file_url(self.base_file_url)
            .request(self.fast_request(256))
            .get_updates_request(self.fast_request(1))
        )

    @property
    def bot_user(self) -> JSONDict:
        """The bot as a ``User`` dict, as it appears in ``from`` of its messages."""
        return {
            "id": self.bot_id,
            "is_bot": True,
            "first_name": self.bot_first_name,
            "username": self.bot_username,
        }

    # ------------------------------------------------------------------ recording

    def _notify(self) -> None:
        """Wake everything waiting for state changes (polls, wait_for, webhook)."""
        self._changed.set()
        self._changed = asyncio.Event()

    async def _wait_changed(self, timeout: float) -> None:
        """Sleep until the next state change or ``timeout`` seconds."""
        event = self._changed
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(event.wait(), timeout=max(0.0, timeout))

    def calls_to(self, method: str, predicate: Callable[[Call], bool] | None = None) -> list[Call]:
        """Recorded calls of ``method`` (case-insensitive), optionally filtered."""
        wanted = method.lower()
        return [
            c
            for c in self.calls
            if c.method.lower() == wanted and (predicate is None or predicate(c))
        ]

    def mark(self) -> int:
        """Current position in :attr:`calls`; pass as ``since=`` to only see newer calls."""
        return len(self.calls)

    async def wait_for(
        self,
        method: str,
        predicate: Callable[[Call], bool] | None = None,
        timeout: float = 5.0,
        count: int = 1,
        *,
        since: int = 0,
    ) -> list[Call]:
        """Wait until at least ``count`` matching calls exist and return all matches.

        ``predicate`` receives the :class:`Call` (use ``call.params``); ``since``
        ignores calls recorded before that index (see :meth:`mark`).  Raises
        AssertionError listing recent calls on timeout.
        """
        deadline = asyncio.get_running_loop().time() + timeout
        while True:
            wanted = method.lower()
            matches = [
                c
                for c in self.calls[since:]
                if c.method.lower() == wanted and (predicate is None or predicate(c))
            ]
            if len(matches) >= count:
                return matches
            remaining = deadline - asyncio.get_running_loop().time()
            if remaining <= 0:
                recent = "\n  ".join(c.describe() for c in self.calls[-20:]) or "(no calls)"
                raise AssertionError(
                    f"timed out after {timeout}s waiting for {count} call(s) to {method}"
                    f" (found {len(matches)}). Recent calls:\n  {recent}"
                )
            await self._wait_changed(remaining)

    def sent_messages(self, chat_id: int | None = None) -> list[JSONDict]:
        """Messages the bot sent (send* results), as returned to it, oldest first."""
        return [
            copy.deepcopy(m) for m in self._sent if chat_id is None or m["chat"]["id"] == chat_id
        ]

    def message(self, chat_id: int, message_id: int) -> JSONDict | None:
        """Current state of a stored message (edits applied), None if unknown/deleted."""
        msg = self._messages.get(chat_id, {}).get(message_id)
        return copy.deepcopy(msg) if msg is not None else None

    def chat_history(self, chat_id: int) -> list[JSONDict]:
        """All live messages in a chat (incoming and bot's), by message_id."""
        msgs = self._messages.get(chat_id, {})
        return [copy.deepcopy(msgs[k]) for k in sorted(msgs)]

    def commands(self, scope: JSONDict | None = None, language_code: str = "") -> list[JSONDict]:
        """Commands stored by setMyCommands for ``scope`` (default scope if None)."""
        return copy.deepcopy(self._commands.get((self._scope_key(scope), language_code), []))

    def clear_calls(self) -> None:
        """Forget recorded calls (state such as chats and messages is kept)."""
        self.calls.clear()

    # ------------------------------------------------------------------ test controls

    def fail_next(
        self,
        method: str,
        status: int = 429,
        retry_after: int = 1,
        times: int = 1,
        description: str | None = None,
    ) -> None:
        """Make the next ``times`` calls to ``method`` (or ``"*"``) fail with ``status``.

        429 -> ``Too Many Requests: retry after N`` with ``parameters.retry_after``;
        5xx -> JSON 5xx error; other codes use ``description`` or a generic text.
        """
        self._faults.append(
            _Fault(method.lower(), "fail", times, status, retry_after, description)
        )

    def drop_next(self, method: str, times: int = 1) -> None:
        """Close the connection without a response for the next ``times`` calls."""
        self._faults.append(_Fault(method.lower(), "drop", times))

    def block_chat(self, chat_id: int, description: str | None = None) -> None:
        """Make deliveries to ``chat_id`` fail with 403 (user blocked / bot kicked)."""
        if description is None:
            kind = self._chats.get(chat_id, {}).get("type") or _chat_type_for_id(chat_id)
            description = {
                "private": "Forbidden: bot was blocked by the user",
                "group": "Forbidden: bot was kicked from the group chat",
                "supergroup": "Forbidden: bot was kicked from the supergroup chat",
                "channel": "Forbidden: bot is not a member of the channel chat",
            }.get(kind, "Forbidden: bot was blocked by the user")
        self._blocked[chat_id] = description

    def unblock_chat(self, chat_id: int) -> None:
        """Undo :meth:`block_chat`."""
        self._blocked.pop(chat_id, None)

    def register_chat(self, chat: JSONDict) -> None:
        """Make a chat known, as if it had written to the bot."""
        self._chats[chat["id"]] = {**self._chats.get(chat["id"], {}), **copy.deepcopy(chat)}

    def register_file(
        self, content: bytes, file_name: str = "file.bin", mime_type: str | None = None
    ) -> tuple[str, str]:
        """Store bytes for getFile + download; returns ``(file_id, file_unique_id)``."""
        stored = self._store_file(content, file_name, mime_type, folder="documents")
        return stored.file_id, stored.file_unique_id

    def file_bytes(self, file_id: str) -> bytes:
        """Bytes of a registered or uploaded file (e.g. a photo the bot sent)."""
        return self._files[file_id].data

    def push_update(self, update: JSONDict) -> JSONDict:
        """Queue an Update for getUpdates/webhook and return it.

        Assigns ``update_id`` if missing, in place.  A new message whose
        ``message_id`` is already used in its chat gets the next free id (also
        in place).  Chats, users, messages and query ids are registered so later
        bot calls (replies, edits, answers) are validated against them.
        """
        self.push_updates([update])
        return update

    def push_updates(self, updates: list[JSONDict]) -> None:
        """:meth:`push_update` for many at once (one sort, one wake-up: for load tests)."""
        for update in updates:
            if "update_id" not in update:
                update["update_id"] = self._next_update_id
            self._next_update_id = max(self._next_update_id, int(update["update_id"])) + 1
            self._register_update(update)
            self._updates.append(copy.deepcopy(update))
        self._updates.sort(key=lambda u: u["update_id"])
        self._notify()

    @property
    def pending_updates(self) -> list[JSONDict]:
        """Updates not yet confirmed by getUpdates/delivered to the webhook."""
        return copy.deepcopy(self._updates)

    @property
    def webhook(self) -> JSONDict | None:
        """Current setWebhook parameters, or None."""
        return copy.deepcopy(self._webhook)

    # ------------------------------------------------------------------ state helpers

    def _user_dict(self, user_id: int) -> JSONDict:
        """Known user or a synthetic one (lenient mode)."""
        if user_id == self.bot_id:
            return self.bot_user
        if user_id in self._users:
            return copy.deepcopy(self._users[user_id])
        return {"id": user_id, "is_bot": False, "first_name": f"User{user_id}"}

    def _register_chat_obj(self, chat: JSONDict | None) -> None:
        if chat and "id" in chat:
            self._chats[chat["id"]] = {**self._chats.get(chat["id"], {}), **copy.deepcopy(chat)}

    def _register_user(self, user: JSONDict | None) -> None:
        if user and "id" in user and user["id"] != self.bot_id:
            self._users[user["id"]] = copy.deepcopy(user)

    def _store_message(self, msg: JSONDict) -> None:
        chat_id = msg["chat"]["id"]
        self._messages.setdefault(chat_id, {})[msg["message_id"]] = copy.deepcopy(msg)
        self._max_message_id[chat_id] = max(
            self._max_message_id.get(chat_id, 0), msg["message_id"]
        )

    def _register_message(self, msg: JSONDict, *, new: bool) -> None:
        """Record chats/users of an incoming message; renumber on id collisions."""
        self._register_chat_obj(msg.get("chat"))
        self._register_chat_obj(msg.get("sender_chat"))
        self._register_user(msg.get("from"))
        if "chat" not in msg or "message_id" not in msg:
            return
        chat_id = msg["chat"]["id"]
        existing = self._messages.get(chat_id, {}).get(msg["message_id"])
        if new and existing is not None and existing != msg:
            # The id is taken (e.g. by a bot reply); real ids are unique per chat.
            msg["message_id"] = self._max_message_id.get(chat_id, 0) + 1
        self._store_message(msg)
        for member in msg.get("new_chat_members", []):
            self._register_user(member)
            if member.get("id") == self.bot_id:
                self.unblock_chat(chat_id)
        left = msg.get("left_chat_member")
        if left and left.get("id") == self.bot_id:
            self.block_chat(chat_id)

    def _register_update(self, update: JSONDict) -> None:
        kind = _update_type(update)
        body = update.get(kind)
        if not isinstance(body, dict):
            return
        if kind in ("message", "channel_post", "business_message"):
            self._register_message(body, new=True)
        elif kind in ("edited_message", "edited_channel_post", "edited_business_message"):
            self._register_message(body, new=False)
        elif kind == "callback_query":
            self._callback_ids.add(str(body["id"]))
            self._register_user(body.get("from"))
            if isinstance(body.get("message"), dict):
                self._register_chat_obj(body["message"].get("chat"))
        elif kind == "inline_query":
            self._inline_ids.add(str(body["id"]))
            self._register_user(body.get("from"))
        elif kind in ("my_chat_member", "chat_member"):
            self._register_chat_obj(body.get("chat"))
            self._register_user(body.get("from"))
            new_member = body.get("new_chat_member", {})
            user = new_member.get("user", {})
            self._register_user(user)
            if kind == "my_chat_member":
                # The bot losing membership (or a user blocking it) makes sends fail with 403.
                if new_member.get("status") in ("kicked", "left"):
                    self.block_chat(body["chat"]["id"])
                elif new_member.get("status") in _MEMBER_STATUSES:
                    self.unblock_chat(body["chat"]["id"])

    def _resolve_chat(self, chat_ref: Any) -> JSONDict:
        """Chat dict for a chat_id parameter (int or "@username")."""
        if chat_ref is None or chat_ref == "":
            raise _bad_request("chat_id is empty")
        if isinstance(chat_ref, str) and chat_ref.startswith("@"):
            for known in self._chats.values():
                if known.get("username", "").lower() == chat_ref[1:].lower():
                    return copy.deepcopy(known)
            raise _bad_request("chat not found")
        if not isinstance(chat_ref, int) or isinstance(chat_ref, bool):
            raise _bad_request("chat not found")
        if chat_ref in self._chats:
            return copy.deepcopy(self._chats[chat_ref])
        # Like Telegram: a chat the bot has never seen (no update from it, not registered) is
        # unknown, whatever its id looks like.
        raise _bad_request("chat not found")

    def _store_file(
        self, content: bytes, file_name: str | None, mime_type: str | None, folder: str
    ) -> StoredFile:
        n = next(self._file_counter)
        digest = hashlib.sha1(content + str(n).encode()).hexdigest()
        # Mimic real id prefixes (photos "AgAC...", documents "BQAC...") for readable logs.
        prefix = "AgACAgIAAx" if folder == "photos" else "BQACAgIAAx"
        file_id = f"{prefix}{digest[:24]}_{n}"
        unique_id = f"AgAD{digest[24:36]}"
        ext = ""
        if file_name and "." in file_name:
            ext = "." + file_name.rsplit(".", 1)[1]
        file_path = f"{folder}/file_{n}{ext}"
        if mime_type is None and file_name:
            mime_type = mimetypes.guess_type(file_name, strict=False)[0]
        stored = StoredFile(file_id, unique_id, content, file_name, file_path, mime_type)
        self._files[file_id] = stored
        self._files_by_path[file_path] = stored
        return stored

    def _new_message(self, chat: JSONDict, **fields: Any) -> JSONDict:
        """Create, store and record a message sent by the bot."""
        chat_id = chat["id"]
        message_id = self._max_message_id.get(chat_id, 0) + 1
        msg: JSONDict = {
            "message_id": message_id,
            "from": self.bot_user,
            "chat": chat,
            "date": int(time.time()),
        }
        msg.update({k: v for k, v in fields.items() if v is not None})
        self._store_message(msg)
        self._sent.append(copy.deepcopy(msg))
        return msg

    def _check_blocked(self, method_lower: str, params: JSONDict) -> None:
        if method_lower in _BLOCKABLE:
            chat_id = params.get("chat_id")
            if isinstance(chat_id, int) and chat_id in self._blocked:
                raise ApiError(403, self._blocked[chat_id])

    # ------------------------------------------------------------------ validation helpers

    @staticmethod
    def _format(
        text: Any,
        parse_mode: Any,
        entities: Any,
        *,
        caption: bool,
    ) -> ParsedText:
        """Apply parse_mode, strip, and enforce the length limits of text/captions."""
        raw = "" if text is None else str(text)
        mode = str(parse_mode).lower() if parse_mode else ""
        if mode == "html":
            try:
                parsed = parse_html(raw)
            except HTMLParseError as exc:
                raise _bad_request(f"can't parse entities: {exc}") from None
        elif mode in ("", "markdown", "markdownv2"):
            # Markdown isn't validated by this fake; text is echoed verbatim.
            parsed = ParsedText(raw, list(entities) if isinstance(entities, list) else [])
        else:
            raise _bad_request("unsupported parse_mode")
        parsed = strip_and_shift(parsed)
        if caption:
            if parsed.length > CAPTION_LIMIT:
                raise _bad_request("message caption is too long")
        else:
            if not parsed.text:
                raise _bad_request("message text is empty")
            if parsed.length > MESSAGE_LIMIT:
                raise _bad_request("message is too long")
        return parsed

    @staticmethod
    def _check_markup(markup: Any) -> JSONDict | None:
        """Validate reply_markup; return it if it is echoed in the Message (inline only)."""
        if markup is None:
            return None
        if not isinstance(markup, dict):
            raise _bad_request("can't parse reply keyboard markup JSON object")
        if "inline_keyboard" not in markup:
            return None  # Reply keyboards/ForceReply are accepted but not part of Message.
        rows = markup["inline_keyboard"]
        if not isinstance(rows, list) or not all(isinstance(r, list) for r in rows):
            raise _bad_request(
                'field "inline_keyboard" of the InlineKeyboardMarkup should be an Array of Arrays'
            )
        for row in rows:
            for button in row:
                if not isinstance(button, dict) or not str(button.get("text", "")).strip():
                    raise _bad_request("can't parse inline keyboard button: Text is empty")
                actions = [a for a in _BUTTON_ACTIONS if a in button]
                if not actions:
                    raise _bad_request(
                        "can't parse inline keyboard button: Text buttons are unallowed in the "
                        "inline keyboard"
                    )
                if "callback_data" in button:
                    data = str(button["callback_data"]).encode("utf-8")
                    if not 1 <= len(data) <= 64:
                        raise _bad_request("BUTTON_DATA_INVALID")
        return markup

    def _reply_to(self, chat_id: int, params: JSONDict) -> JSONDict | None:
        """Resolve reply_parameters / reply_to_message_id into a reply_to_message dict."""
        reply = params.get("reply_parameters")
        target_chat = chat_id
        allow_missing = bool(params.get("allow_sending_without_reply"))
        if isinstance(reply, dict):
            message_id = _coerce_int("message_id", reply.get("message_id"))
            target_chat = _coerce_int("chat_id", reply.get("chat_id", chat_id))
            allow_missing = bool(reply.get("allow_sending_without_reply", allow_missing))
        elif reply is not None:
            raise _bad_request("can't parse reply parameters JSON object")
        else:
            message_id = params.get("reply_to_message_id")
        if message_id is None:
            return None
        found = self._messages.get(target_chat, {}).get(message_id)
        if found is None:
            if allow_missing:
                return None
            raise _bad_request(_REPLY_NOT_FOUND)
        replied = copy.deepcopy(found)
        replied.pop("reply_to_message", None)
        return replied

    def _thread_fields(self, chat: JSONDict, params: JSONDict) -> JSONDict:
        thread_id = params.get("message_thread_id")
        if thread_id is None:
            return {}
        fields: JSONDict = {"message_thread_id": thread_id}
        if chat.get("is_forum"):
            fields["is_topic_message"] = True
        return fields

    def _text_fields(self, parsed: ParsedText, *, caption: bool) -> JSONDict:
        if caption:
            if not parsed.text:
                return {}
            out: JSONDict = {"caption": parsed.text}
            if parsed.entities:
                out["caption_entities"] = parsed.entities
            return out
        out = {"text": parsed.text}
        if parsed.entities:
            out["entities"] = parsed.entities
        return out

    def _file_param(
        self, params: JSONDict, files: dict[str, UploadedFile], name: str
    ) -> UploadedFile | StoredFile | str:
        """The uploaded part, a known stored file, or a URL for a media parameter."""
        value = params.get(name)
        if isinstance(value, UploadedFile):
            return value
        if isinstance(value, str) and value.startswith("attach://"):
            part = files.get(value[len("attach://") :])
            if part is None:
                raise _bad_request(f"there is no {name} in the request")
            return part
        if isinstance(value, str) and value:
            if value in self._files:
                return self._files[value]
            if value.startswith(("http://", "https://")):
                return value
            raise _bad_request("wrong file identifier/HTTP URL specified")
        raise _bad_request(f"there is no {name} in the request")

    def _find_message(self, params: JSONDict, *, what: str) -> JSONDict:
        chat_id = params.get("chat_id")
        message_id = params.get("message_id")
        if chat_id is None:
            raise _bad_request("chat_id is empty")
        if message_id is None:
            raise _bad_request("message identifier is not specified")
        self._resolve_chat(chat_id)
        msg = self._messages.get(chat_id, {}).get(message_id)
        if msg is None:
            raise _bad_request(f"message to {what} not found")
        return msg

    # ------------------------------------------------------------------ Bot API methods

    async def _m_getMe(self, p: JSONDict, files: dict[str, UploadedFile]) -> Any:
        return {
            **self.bot_user,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": True,
            "can_connect_to_business": False,
            "has_main_web_app": False,
        }

    async def _m_getUpdates(self, p: JSONDict, files: dict[str, UploadedFile]) -> Any:
        return await self._get_updates(p, None)

    async def _get_updates(self, p: JSONDict, request: web.Request | None) -> Any:
        """getUpdates with long polling; ``request`` lets us notice abandoned polls."""
        if self._webhook is not None:
            raise ApiError(
                409,
                "Conflict: can't use getUpdates method while webhook is active; "
                "use deleteWebhook to delete the webhook first",
            )
        offset = int(p.get("offset") or 0)
        limit = min(100, max(1, int(p.get("limit") or 100)))
        timeout = max(0.0, float(p.get("timeout") or 0))
        if "allowed_updates" in p:
            self._set_allowed(p["allowed_updates"])
        if offset > 0:
            # Confirm everything below offset, exactly like the real server.
            self._updates = [u for u in self._updates if u["update_id"] >= offset]
        elif offset < 0:
            self._updates = self._updates[offset:]
        self._poll_generation += 1
        generation = self._poll_generation
        self._notify()  # Lets an older poll notice it was superseded.
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            if request is not None and (
                request.transport is None or request.transport.is_closing()
            ):
                # PTB cancels its long poll on shutdown; nobody reads this answer, and a
                # 409 here would only confuse tests that assert every call succeeded.
                raise ApiError(499, "Client Closed Request: long poll abandoned by the client")
            if generation != self._poll_generation:
                raise ApiError(
                    409,
                    "Conflict: terminated by other getUpdates request; make sure that only "
                    "one bot instance is running",
                )
            batch = self._deliverable()[:limit]
            remaining = deadline - loop.time()
            if batch or remaining <= 0 or self._closing:
                return copy.deepcopy(batch)
            await self._wait_changed(remaining)

    def _set_allowed(self, allowed: Any) -> None:
        if allowed is None:
            return
        if not isinstance(allowed, list):
            raise _bad_request("can't parse allowed updates")
        # An empty list means "default set", as documented.
        self._allowed_updates = [str(a) for a in allowed] or None

    def _deliverable(self) -> list[JSONDict]:
        """Pending updates of allowed types; disallowed ones are dropped for good."""
        if self._allowed_updates is None:
            keep = [u for u in self._updates if _update_type(u) not in _OPT_IN_UPDATE_TYPES]
        else:
            allowed = set(self._allowed_updates)
            keep = [u for u in self._updates if _update_type(u) in allowed]
        self._updates = keep
        return keep

    async def _m_sendMessage(self, p: JSONDict, files: dict[str, UploadedFile]) -> Any:
        chat = self._resolve_chat(p.get("chat_id"))
        if "text" not in p:
            raise _bad_request("message text is empty")
        parsed = self._format(p.get("text"), p.get("parse_mode"), p.get("entities"), caption=False)
        markup = self._check_markup(p.get("reply_markup"))
        reply_to = self._reply_to(chat["id"], p)
        return self._new_message(
            chat,
            **self._thread_fields(chat, p),
            reply_to_message=reply_to,
            **self._text_fields(parsed, caption=False),
            reply_markup=markup,
        )

    async def _m_sendPhoto(self, p: JSONDict, files: dict[str, UploadedFile]) -> Any:
        chat = self._resolve_chat(p.get("chat_id"))
        source = self._file_param(p, files, "photo")
        parsed = self._format(
            p.get("caption"), p.get("parse_mode"), p.get("caption_entities"), caption=True
        )
        markup = self._check_markup(p.get("reply_markup"))
        reply_to = self._reply_to(chat["id"], p)
        if isinstance(source, UploadedFile):
            if not source.data:
                raise _bad_request("file must be non-empty")
            size = _image_size(source.data)
            if size is None:
                raise _bad_request("IMAGE_PROCESS_FAILED")
            stored = self._store_file(source.data, source.filename, source.content_type, "photos")
        elif isinstance(source, StoredFile):
            stored = source
            size = _image_size(source.data) or (800, 600)
        else:
            stored = self._store_file(b"", "remote.jpg", "image/jpeg", "photos")
            size = (800, 600)
        width, height = size
        scale = max(width, height) / 90
        thumb = {
            "file_id": f"{stored.file_id}_s",
            "file_unique_id": f"{stored.file_unique_id}_s",
            "file_size": max(1, len(stored.data) // 20),
            "width": max(1, round(width / scale)),
            "height": max(1, round(height / scale)),
        }
        full = {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
            "file_size": len(stored.data),
            "width": width,
            "height": height,
        }
        return self._new_message(
            chat,
            **self._thread_fields(chat, p),
            reply_to_message=reply_to,
            photo=[thumb, full],
            **self._text_fields(parsed, caption=True),
            reply_markup=markup,
        )

    async def _m_sendDocument(self, p: JSONDict, files: dict[str, UploadedFile]) -> Any:
        chat = self._resolve_chat(p.get("chat_id"))
        source = self._file_param(p, files, "document")
        parsed = self._format(
            p.get("caption"), p.get("parse_mode"), p.get("caption_entities"), caption=True
        )
        markup = self._check_markup(p.get("reply_markup"))
        reply_to = self._reply_to(chat["id"], p)
        if isinstance(source, UploadedFile):
            if not source.data:
                raise _bad_request("file must be non-empty")
            stored = self._store_file(
                source.data, source.filename, source.content_type, "documents"
            )
        elif isinstance(source, StoredFile):
            stored = source
        else:
            name = source.rsplit("/", 1)[-1] or "file"
            stored = self._store_file(b"", name, None, "documents")
        document: JSONDict = {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
            "file_size": len(stored.data),
        }
        if stored.file_name:
            document["file_name"] = stored.file_name
        if stored.mime_type:
            document["mime_type"] = stored.mime_type
        return self._new_message(
            chat,
            **self._thread_fields(chat, p),
            reply_to_message=reply_to,
            document=document,
            **self._text_fields(parsed, caption=True),
            reply_markup=markup,
        )

    async def _m_editMessageText(self, p: JSONDict, files: dict[str, UploadedFile]) -> Any:
        if p.get("inline_message_id"):
            self._format(p.get("text"), p.get("parse_mode"), p.get("entities"), caption=False)
            self._check_markup(p.get("reply_markup"))
            return True  # Inline messages aren't stored; the API returns True for them.
        msg = self._find_message(p, what="edit")
        if "text" not in msg:
            raise _bad_request("there is no text in the message to edit")
        parsed = self._format(p.get("text"), p.get("parse_mode"), p.get("entities"), caption=False)
        markup = self._check_markup(p.get("reply_markup"))
        if msg.get("from", {}).get("id") != self.bot_id:
            raise _bad_request("message can't be edited")
        if (
            msg["text"] == parsed.text
            and msg.get("entities", []) == parsed.entities
            and msg.get("reply_markup") == markup
        ):
            raise _bad_request(_NOT_MODIFIED)
        msg["text"] = parsed.text
        msg.pop("entities", None)
        if parsed.entities:
            msg["entities"] = parsed.entities
        self._apply_markup(msg, markup)
        msg["edit_date"] = int(time.time())
        return copy.deepcopy(msg)

    @staticmethod
    def _apply_markup(msg: JSONDict, markup: JSONDict | None) -> None:
        if markup is None:
            msg.pop("reply_markup", None)
        else:
            msg["reply_markup"] = copy.deepcopy(markup)

    async def _m_answerCallbackQuery(self, p: JSONDict, files: dict[str, UploadedFile]) -> Any:
        query_id = str(p.get("callback_query_id") or "")
        if query_id not in self._callback_ids:
            raise _bad_request(_QUERY_TOO_OLD)
        text = p.get("text")
        if text is not None and utf16_len(str(text)) > CALLBACK_ANSWER_LIMIT:
            raise _bad_request("MESSAGE_TOO_LONG")
        self.answered_callback_queries[query_id] = dict(p)
        return True

    async def _m_answerInlineQuery(self, p: JSONDict, files: dict[str, UploadedFile]) -> Any:
        query_id = str(p.get("inline_query_id") or "")
        if query_id not in self._inline_ids:
            raise _bad_request(_QUERY_TOO_OLD)
        results = p.get("results")
        if not isinstance(results, list):
            raise _bad_request("can't parse inline query results JSON object")
        if len(results) > MAX_INLINE_RESULTS:
            raise _bad_request("RESULTS_TOO_MUCH")
        seen: set[str] = set()
        for result in results:
            if not isinstance(result, dict) or result.get("type") not in _INLINE_RESULT_TYPES:
                raise _bad_request("RESULT_TYPE_INVALID")
            result_id = result.get("id")
            if not isinstance(result_id, str) or not 1 <= len(result_id.encode()) <= 64:
                raise _bad_request("RESULT_ID_INVALID")
            if result_id in seen:
                raise _bad_request("RESULT_ID_DUPLICATE")
            seen.add(result_id)
            if result["type"] == "article":
                if not str(result.get("title", "")).strip():
                    raise _bad_request("RESULT_TITLE_EMPTY")
                if not isinstance(result.get("input_message_content"), dict):
                    raise _bad_request("can't parse InputMessageContent: not an object")
            content = result.get("input_message_content")
            if isinstance(content, dict) and "message_text" in content:
                try:
                    self._format(
                        content["message_text"],
                        content.get("parse_mode"),
                        content.get("entities"),
                        caption=False,
                    )
                except ApiError as exc:
                    if "too long" in exc.description:
                        raise _bad_request("MESSAGE_TOO_LONG") from None
                    if "empty" in exc.description:
                        raise _bad_request("MESSAGE_EMPTY") from None
                    raise
            if "caption" in result:
                self._format(
                    result["caption"],
                    result.get("parse_mode"),
                    result.get("caption_entities"),
                    caption=True,
                )
            self._check_markup(result.get("reply_markup"))
        next_offset = p.get("next_offset")
        if next_offset is not None and len(str(next_offset).encode()) > 64:
            raise _bad_request("NEXT_OFFSET_INVALID")
        self.answered_inline_queries[query_id] = dict(p)
        return True

    def _scope_key(self, scope: Any) -> str:
        """Canonical key for a BotCommandScope (chat ids normalised to int)."""
        if scope is None:
            scope = {"type": "default"}
        if not isinstance(scope, dict) or scope.get("type") not in _COMMAND_SCOPES:
            raise _bad_request("can't parse BotCommandScope: unsupported type")
        norm = {k: _coerce_int(k, v) for k, v in scope.items()}
        if norm["type"] in ("chat", "chat_administrators", "chat_member"):
            if "chat_id" not in norm:
                raise _bad_request("chat_id is empty")
        if norm["type"] == "chat_member" and "user_id" not in norm:
            raise _bad_request("user_id is empty")
        return json.dumps(norm, sort_keys=True)

    async def _m_setMyCommands(self, p: JSONDict, files: dict[str, UploadedFile]) -> Any:
        commands = p.get("commands")
        if not isinstance(commands, list):
            raise _bad_request("can't parse commands JSON object")
        if len(commands) > 100:
            raise _bad_request("too many commands specified")
        clean: list[JSONDict] = []
        for command in commands:
            if not isinstance(command, dict):
                raise _bad_request("can't parse BotCommand JSON object")
            name = str(command.get("command", ""))
            description = str(command.get("description", "")).strip()
            if not _COMMAND_RE.match(name):
                raise _bad_request("BOT_COMMAND_INVALID")
            if not description:
                raise _bad_request("command description is empty")
            if len(description) > 256:
                raise _bad_request("BOT_COMMAND_DESCRIPTION_INVALID")
            clean.append({"command": name, "description": description})
        key = (self._scope_key(p.get("scope")), str(p.get("language_code") or ""))
        scope = p.get("scope") or {}
        if "chat_id" in scope:
            self._resolve_chat(_coerce_int("chat_id", scope["chat_id"]))  # 400 "chat not found" if unseen
        self._commands[key] = clean
        return True

    async def _m_setWebhook(self, p: JSONDict, files: dict[str, UploadedFile]) -> Any:
        url = str(p.get("url") or "")
        if not url:
            return await self._m_deleteWebhook(p, files)
        host = re.sub(r"^[a-z]+://", "", url).split("/", 1)[0].split(":", 1)[0]
        # The real API demands HTTPS; loopback HTTP is allowed so PTB's local webhook server works.
        if not url.startswith("https://") and not (
            url.startswith("http://") and host in ("127.0.0.1", "localhost")
        ):
            raise _bad_request("bad webhook: An HTTPS URL must be provided for webhook")
        secret = p.get("secret_token")
        if secret is not None and not _SECRET_RE.match(str(secret)):
            raise _bad_request("secret token contains unallowed characters")
        max_connections = int(p.get("max_connections") or 40)
        if not 1 <= max_connections <= 100:
            raise _bad_request("bad webhook: max_connections must be between 1 and 100")
        if "allowed_updates" in p:
            self._set_allowed(p["allowed_updates"])
        if p.get("drop_pending_updates"):
            self._updates.clear()
        already = self._webhook is not None and self._webhook["url"] == url
        self._webhook = {
            "url": url,
            "secret_token": secret,
            "max_connections": max_connections,
            "allowed_updates": p.get("allowed_updates"),
            "drop_pending_updates": bool(p.get("drop_pending_updates")),
            "ip_address": p.get("ip_address"),
        }
        self._webhook_error = None
        self._notify()
        return _Result(True, "Webhook is already set" if already else "Webhook was set")

    async def _m_deleteWebhook(self, p: JSONDict, files: dict[str, UploadedFile]) -> Any:
        if p.get("drop_pending_updates"):
            self._updates.clear()
        existed = self._webhook is not None
        self._webhook = None
        self._webhook_error = None
        return _Result(True, "Webhook was deleted" if existed else "Webhook is already deleted")

    async def _m_getFile(self, p: JSONDict, files: dict[str, UploadedFile]) -> Any:
        stored = self._files.get(str(p.get("file_id") or ""))
        if stored is None:
            raise _bad_request("invalid file_id")
        if len(stored.data) > GET_FILE_LIMIT:
            raise _bad_request("file is too big")
        return {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
            "file_size": len(stored.data),
            "file_path": stored.file_path,
        }

    # ------------------------------------------------------------------ HTTP layer

    async def _read_params(self, request: web.Request) -> tuple[JSONDict, dict[str, UploadedFile]]:
        """Parse query string + JSON / urlencoded / multipart bodies into typed params."""
        params: JSONDict = {}
        files: dict[str, UploadedFile] = {}
        for key, value in request.query.items():
            params[key] = _decode_form_value(key, value)
        content_type = request.content_type
        if request.can_read_body:
            if content_type == "application/json":
                try:
                    body = await request.json()
                except ValueError:
                    raise _bad_request("can't parse JSON encoded request body") from None
                if not isinstance(body, dict):
                    raise _bad_request("request body must be a JSON object")
                for key, value in body.items():
                    if key in _OBJECT_PARAMS and isinstance(value, str):
                        params[key] = _decode_form_value(key, value)
                    else:
                        params[key] = value
            elif content_type in ("application/x-www-form-urlencoded", "multipart/form-data"):
                form = await request.post()
                for key, field in form.items():
                    if isinstance(field, FileField):
                        upload = UploadedFile(
                            key, field.filename, field.content_type, field.file.read()
                        )
                        files[key] = upload
                        params[key] = upload
                    else:
                        params[key] = _decode_form_value(key, str(field))
            else:
                await request.read()
        for key in _INT_PARAMS & params.keys():
            params[key] = _coerce_int(key, params[key])
        return params, files

    async def _handle_api(self, request: web.Request) -> web.StreamResponse:
        token = request.match_info["token"]
        requested = request.match_info["method"]
        method_lower = requested.lower()
        canonical, handler = self._handlers.get(method_lower, (requested, None))
        try:
            params, files = await self._read_params(request)
        except ApiError as exc:
            params, files = {}, {}
            parse_error: ApiError | None = exc
        else:
            parse_error = None
        call = Call(canonical, params, time.time(), files, request.method,
                    content_type=request.content_type if request.can_read_body else None)
        self.calls.append(call)
        try:
            if token != self.token:
                if _TOKEN_FORMAT_RE.match(token):
                    raise ApiError(401, "Unauthorized")
                raise ApiError(404, "Not Found")
            fault = self._take_fault(method_lower)
            if fault is not None and fault.kind == "drop":
                call.status = 0  # Marks "no HTTP response at all" in the recording.
                _LOGGER.debug("%s (connection dropped)", call.describe())
                self._notify()
                # Abort the TCP connection; the client sees "Server disconnected".
                if request.transport is not None:
                    request.transport.abort()
                raise asyncio.CancelledError()
            if fault is not None:
                raise self._fault_error(fault)
            if handler is None:
                raise ApiError(404, "Not Found")
            if parse_error is not None:
                raise parse_error
            self._check_blocked(method_lower, params)
            if canonical == "getUpdates":
                value = await self._get_updates(params, request)
            else:
                value = await handler(params, files)
            body: JSONDict = {"ok": True}
            if isinstance(value, _Result):
                body["result"] = value.value
                if value.description:
                    body["description"] = value.description
            else:
                body["result"] = value
            status = 200
        except ApiError as exc:
            body, status = exc.body(), exc.status
        except Exception as exc:  # A fake bug must surface as an error, not hang the bot.
            _LOGGER.exception("FakeBotAPI failed handling %s", canonical)
            status = 500
            body = {
                "ok": False,
                "error_code": 500,
                "description": f"Internal Server Error: FakeBotAPI bug: {exc!r}",
            }
        call.status, call.response = status, body
        _LOGGER.debug("%s", call.describe())  # One line per call, with the final status.
        self._notify()
        return web.json_response(body, status=status, dumps=_dumps)

    def _take_fault(self, method_lower: str) -> _Fault | None:
        for fault in self._faults:
            if fault.method in (method_lower, "*"):
                fault.remaining -= 1
                if fault.remaining <= 0:
                    self._faults.remove(fault)
                return fault
        return None

    @staticmethod
    def _fault_error(fault: _Fault) -> ApiError:
        if fault.status == 429:
            return ApiError(
                429,
                fault.description or f"Too Many Requests: retry after {fault.retry_after}",
                {"retry_after": fault.retry_after},
            )
        default_descriptions = {
            400: "Bad Request: injected failure",
            401: "Unauthorized",
            403: "Forbidden: bot was blocked by the user",
            404: "Not Found",
            409: "Conflict: terminated by other getUpdates request; make sure that only one "
            "bot instance is running",
            500: "Internal Server Error",
            502: "Bad Gateway",
            503: "Service Unavailable",
            504: "Gateway Timeout",
        }
        return ApiError(
            fault.status,
            fault.description or default_descriptions.get(fault.status, f"Error {fault.status}"),
        )

    async def _handle_file(self, request: web.Request) -> web.StreamResponse:
        if request.match_info["token"] != self.token:
            return web.json_response(
                {"ok": False, "error_code": 404, "description": "Not Found"}, status=404
            )
        path = request.match_info["file_path"]
        self.file_downloads.append(path)
        stored = self._files_by_path.get(path)
        if stored is None:
            return web.json_response(
                {"ok": False, "error_code": 404, "description": "Not Found"}, status=404
            )
        return web.Response(
            body=stored.data, content_type=stored.mime_type or "application/octet-stream"
        )

    # ------------------------------------------------------------------ webhook delivery

    async def _webhook_worker(self) -> None:
        """Deliver pending updates to the webhook URL in order, retrying failures."""
        session: ClientSession | None = None
        try:
            while not self._closing:
                webhook = self._webhook
                pending = self._deliverable() if webhook else []
                if not webhook or not pending:
                    await self._wait_changed(1.0)
                    continue
                if session is None:
                    session = ClientSession(timeout=ClientTimeout(total=10))
                update = pending[0]
                headers = {"Content-Type": "application/json"}
                if webhook.get("secret_token"):
                    headers["X-Telegram-Bot-Api-Secret-Token"] = webhook["secret_token"]
                try:
                    async with session.post(
                        webhook["url"], data=json.dumps(update), headers=headers
                    ) as resp:
                        await resp.read()
                        outcome: int | str = resp.status
                        delivered = 200 <= resp.status < 300
                except (OSError, TimeoutError) as exc:
                    outcome, delivered = f"{type(exc).__name__}: {exc}", False
                self.webhook_deliveries.append((update["update_id"], outcome))
                if delivered:
                    self._updates = [u for u in self._updates if u is not update]
                    self._notify()
                else:
                    message = (
                        outcome
                        if isinstance(outcome, str)
                        else f"Wrong response from the webhook: {outcome}"
                    )
                    self._webhook_error = (int(time.time()), message)
                    await asyncio.sleep(WEBHOOK_RETRY_DELAY)
        finally:
            if session is not None:
                await session.close()

    # ------------------------------------------------------------------ control API

    def _add_control_routes(self) -> None:
        r = self.app.router
        r.add_get("/_control", self._ctl_help)
        r.add_get("/_control/calls", self._ctl_calls)
        r.add_post("/_control/updates", self._ctl_updates)
        r.add_post("/_control/build/{builder}", self._ctl_build)
        r.add_get("/_control/sent_messages", self._ctl_sent)
        r.add_post("/_control/fail", self._ctl_fail)
        r.add_post("/_control/drop", self._ctl_drop)
        r.add_post("/_control/block", self._ctl_block)
        r.add_post("/_control/unblock", self._ctl_unblock)
        r.add_post("/_control/files", self._ctl_files)
        r.add_post("/_control/clear_calls", self._ctl_clear)

    _BUILDERS = (
        "private_text",
        "group_text",
        "anonymous_admin_message",
        "edited_message",
        "callback_query",
        "inline_query",
        "document_message",
        "photo_message",
        "sticker_message",
        "new_chat_members",
        "left_chat_member",
    )

    async def _ctl_help(self, request: web.Request) -> web.StreamResponse:
        text = (
            "FakeBotAPI control endpoints:\n"
            "  GET  /_control/calls[?method=sendMessage&since=N]\n"
            "  POST /_control/updates            body: Update JSON (or a list)\n"
            "  POST /_control/build/<builder>    body: JSON kwargs for the builder\n"
            f"       builders: {', '.join(self._BUILDERS)}\n"
            "  GET  /_control/sent_messages[?chat_id=N]\n"
            '  POST /_control/fail               body: {"method": "sendMessage", "status": 429,\n'
            '                                           "retry_after": 1, "times": 1}\n'
            '  POST /_control/drop               body: {"method": "sendMessage", "times": 1}\n'
            '  POST /_control/block|unblock      body: {"chat_id": 123}\n'
            "  POST /_control/files?file_name=x.csv  body: raw bytes -> file_id\n"
            "  POST /_control/clear_calls\n"
        )
        return web.Response(text=text)

    async def _ctl_calls(self, request: web.Request) -> web.StreamResponse:
        since = int(request.query.get("since", "0"))
        method = request.query.get("method")
        calls = self.calls[since:]
        if method:
            calls = [c for c in calls if c.method.lower() == method.lower()]
        return web.json_response([c.to_json() for c in calls], dumps=_dumps)

    async def _ctl_updates(self, request: web.Request) -> web.StreamResponse:
        body = await request.json()
        items = body if isinstance(body, list) else [body]
        pushed = [self.push_update(item)["update_id"] for item in items]
        return web.json_response({"ok": True, "result": pushed})

    async def _ctl_build(self, request: web.Request) -> web.StreamResponse:
        name = request.match_info["builder"]
        if name not in self._BUILDERS:
            return web.json_response(
                {"ok": False, "description": f"unknown builder {name}"}, status=404
            )
        kwargs = await request.json() if request.can_read_body else {}
        try:
            update = getattr(update_builders, name)(**kwargs)
        except TypeError as exc:
            return web.json_response({"ok": False, "description": str(exc)}, status=400)
        return web.json_response({"ok": True, "result": self.push_update(update)})

    async def _ctl_sent(self, request: web.Request) -> web.StreamResponse:
        chat_id = request.query.get("chat_id")
        return web.json_response(self.sent_messages(int(chat_id) if chat_id else None))

    async def _ctl_fail(self, request: web.Request) -> web.StreamResponse:
        body = await request.json()
        self.fail_next(
            body["method"],
            status=int(body.get("status", 429)),
            retry_after=int(body.get("retry_after", 1)),
            times=int(body.get("times", 1)),
            description=body.get("description"),
        )
        return web.json_response({"ok": True})

    async def _ctl_drop(self, request: web.Request) -> web.StreamResponse:
        body = await request.json()
        self.drop_next(body["method"], times=int(body.get("times", 1)))
        return web.json_response({"ok": True})

    async def _ctl_block(self, request: web.Request) -> web.StreamResponse:
        body = await request.json()
        self.block_chat(int(body["chat_id"]), body.get("description"))
        return web.json_response({"ok": True})

    async def _ctl_unblock(self, request: web.Request) -> web.StreamResponse:
        body = await request.json()
        self.unblock_chat(int(body["chat_id"]))
        return web.json_response({"ok": True})

    async def _ctl_files(self, request: web.Request) -> web.StreamResponse:
        data = await request.read()
        file_id, unique_id = self.register_file(data, request.query.get("file_name", "file.bin"))
        return web.json_response({"ok": True, "file_id": file_id, "file_unique_id": unique_id})

    async def _ctl_clear(self, request: web.Request) -> web.StreamResponse:
        self.clear_calls()
        return web.json_response({"ok": True})


async def _serve_forever(args: argparse.Namespace) -> None:
    """Run a FakeBotAPI until interrupted (standalone mode)."""
    api = FakeBotAPI(
        token=args.token,
        bot_username=args.bot_username,
        host=args.host,
        port=args.port,
    )
    await api.start()
    print(f"FakeBotAPI for @{api.bot_username} listening on {api.url}")
    print(f"  base_url      = {api.base_url}")
    print(f"  base_file_url = {api.base_file_url}")
    print(f"  control help  = {api.url}/_control")
    try:
        await asyncio.Event().wait()
    finally:
        await api.stop()


def main(argv: list[str] | None = None) -> None:
    """Command-line entry point: ``python -m tests.botapi.server --port 8081 --token X``."""
    parser = argparse.ArgumentParser(description="Fake Telegram Bot API server for manual testing")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8081)
    parser.add_argument("--token", default=DEFAULT_TOKEN)
    parser.add_argument("--bot-username", default=update_builders.DEFAULT_BOT_USERNAME)
    parser.add_argument("--quiet", action="store_true", help="don't log every API call")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(message)s")
    # Every API call is logged at DEBUG; show them to the human unless --quiet.
    _LOGGER.setLevel(logging.WARNING if args.quiet else logging.DEBUG)
    with contextlib.suppress(KeyboardInterrupt):  # Ctrl-C is the normal way to stop.
        asyncio.run(_serve_forever(args))


if __name__ == "__main__":
    main()
