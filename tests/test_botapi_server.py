"""Tests for the fake Telegram Bot API server in ``tests/botapi``.

The fake is only useful if the *real* PTB stack accepts it, so most tests
drive it with a genuine ``telegram.Bot`` (and one with a polling
``Application``) over loopback HTTP and assert on PTB-level outcomes:
parsed objects, and the exact exception classes PTB maps errors to.
The HTML validator also gets direct unit tests, including a Hypothesis
round-trip property, because every bot reply in HTML mode goes through it.
"""

from __future__ import annotations

import asyncio
import datetime as dtm
import html as stdlib_html
import json
import struct
import subprocess
import sys
import time
import warnings
import zlib
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import pytest_asyncio
import telegram
from aiohttp import web
from hypothesis import given, settings
from hypothesis import strategies as st
from telegram import (
    BotCommand,
    BotCommandScopeChat,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InputTextMessageContent,
    ReplyParameters,
    Update,
)
from telegram.error import BadRequest, Forbidden, InvalidToken, NetworkError, RetryAfter
from telegram.warnings import PTBDeprecationWarning
from telegram.ext import ApplicationBuilder, ContextTypes, MessageHandler, filters

from tests.apispec import SERVERS, refused_where_spec_broken, unchecked, violations
from tests.botapi import updates
from tests.botapi.html import HTMLParseError, parse_html, strip_and_shift, utf16_len
from tests.botapi.server import FakeBotAPI

TOKEN = "987654321:AAH-fake_token_for_botapi_server_tests"
BOT_USERNAME = "FactDeskTestBot"
USER_ID = updates.DEFAULT_USER_ID
GROUP_ID = updates.DEFAULT_GROUP_ID
REPO_ROOT = Path(__file__).resolve().parents[1]


def _png(width: int = 4, height: int = 3) -> bytes:
    """A minimal valid PNG, built by hand so the test needs no imaging library."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = struct.pack(">I", zlib.crc32(kind + data))
        return struct.pack(">I", len(data)) + kind + data + crc

    raw = b"".join(b"\x00" + b"\x00\x00\x00" * width for _ in range(height))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def _message(update: Update | None) -> telegram.Message:
    """The (edited) message of an Update, asserting it is there (also narrows the type)."""
    assert update is not None and update.effective_message is not None
    return update.effective_message


def _retry_seconds(exc: RetryAfter) -> float:
    """RetryAfter.retry_after is int or timedelta depending on PTB_TIMEDELTA; normalise."""
    with warnings.catch_warnings():
        # PTB 22 warns about the upcoming int -> timedelta switch on attribute access.
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        value: Any = exc.retry_after
    return value.total_seconds() if isinstance(value, dtm.timedelta) else float(value)


@pytest.fixture(autouse=True)
def spec_breaking_calls_are_refused() -> Iterator[None]:
    """These tests send calls that break the Bot API spec on purpose, to see the server refuse
    them as Telegram does: every call the spec checker objects to must have got a 400 (or 404
    for an unknown method). Every other call must pass the checker (tests/conftest.py)."""
    yield
    problems = [p for api in SERVERS for p in refused_where_spec_broken(api.calls)]
    assert not problems, "\n".join(problems[:20])


@pytest_asyncio.fixture
async def api() -> AsyncIterator[FakeBotAPI]:
    """A started fake server, stopped after the test."""
    async with FakeBotAPI(token=TOKEN, bot_username=BOT_USERNAME) as server:
        # Telegram knows a chat only once it has written to the bot; these two have.
        server.register_chat(updates.private_chat(updates.make_user()))
        server.register_chat(updates.group_chat())
        yield server


@pytest_asyncio.fixture
async def bot(api: FakeBotAPI) -> AsyncIterator[telegram.Bot]:
    """A real PTB Bot pointed at the fake server (fast loopback requests)."""
    async with api.make_bot() as b:
        yield b


# --------------------------------------------------------------------------- Bot API via PTB


@pytest.mark.asyncio
async def test_get_me(bot: telegram.Bot, api: FakeBotAPI) -> None:
    me = await bot.get_me()
    assert me.id == 987654321  # Derived from the token prefix, like the real API.
    assert me.username == BOT_USERNAME
    assert me.is_bot and me.can_join_groups and me.supports_inline_queries
    assert me.can_read_all_group_messages is False
    # Bot.initialize() already called getMe once.
    assert len(api.calls_to("getme")) == 2
    method, params, when = api.calls[-1]
    assert (method, params) == ("getMe", {}) and when <= time.time()


@pytest.mark.asyncio
async def test_send_message_html_markup_and_reply(bot: telegram.Bot, api: FakeBotAPI) -> None:
    incoming = api.push_update(updates.private_text("question?"))["message"]
    markup = InlineKeyboardMarkup([[InlineKeyboardButton("More", callback_data="more:1")]])
    msg = await bot.send_message(
        USER_ID,
        "<b>Answer</b> &amp; <a href='https://example.org/?a=1&amp;b=2'>source</a>",
        parse_mode="HTML",
        reply_markup=markup,
        reply_parameters=ReplyParameters(incoming["message_id"]),
    )
    assert msg.text == "Answer & source"
    assert [(e.type, e.offset, e.length) for e in msg.entities] == [
        ("bold", 0, 6),
        ("text_link", 9, 6),
    ]
    assert msg.entities[1].url == "https://example.org/?a=1&b=2"
    assert msg.reply_markup == markup
    assert msg.from_user is not None and msg.reply_to_message is not None
    assert msg.from_user.id == bot.id and msg.chat.id == USER_ID
    assert msg.reply_to_message.message_id == incoming["message_id"]
    assert msg.message_id == incoming["message_id"] + 1  # Ids are per chat and shared.
    second = await bot.send_message(USER_ID, "plain <not html>")  # No parse_mode: no checks.
    assert second.message_id == msg.message_id + 1 and second.text == "plain <not html>"

    [call] = api.calls_to("sendMessage", lambda c: c.params.get("parse_mode") == "HTML")
    # PTB form-encodes objects as JSON strings; the fake hands tests decoded values.
    assert call.params["reply_markup"] == markup.to_dict()
    assert call.params["chat_id"] == USER_ID
    sent_texts = [m["text"] for m in api.sent_messages(USER_ID)]
    assert sent_texts == ["Answer & source", "plain <not html>"]
    assert api.sent_messages(chat_id=-1) == []


@pytest.mark.asyncio
async def test_reply_to_unknown_message_is_rejected(bot: telegram.Bot) -> None:
    with pytest.raises(BadRequest, match=r"(?i)message to be replied not found"):
        await bot.send_message(USER_ID, "x", reply_to_message_id=999_999)
    ok = await bot.send_message(
        USER_ID, "x", reply_parameters=ReplyParameters(999_999, allow_sending_without_reply=True)
    )
    assert ok.reply_to_message is None


@pytest.mark.parametrize(
    ("text", "detail"),
    [
        ("<b>bold</i>", 'Unmatched end tag at byte offset 7, expected "</b>", found "</i>"'),
        ("<b>never closed", 'Can\'t find end tag corresponding to start tag "b"'),
        ("fish & chips", 'Character "&" is reserved'),
        ("1 < 2", 'Unsupported start tag "" at byte offset 2'),
        ("<div>x</div>", 'Unsupported start tag "div"'),
    ],
)
@pytest.mark.asyncio
async def test_invalid_html_is_bad_request(
    bot: telegram.Bot, api: FakeBotAPI, text: str, detail: str
) -> None:
    with pytest.raises(BadRequest) as info:
        await bot.send_message(USER_ID, text, parse_mode="HTML")
    # PTB strips "Bad Request: " and capitalises; compare with the raw response instead.
    assert "can't parse entities" in str(info.value).lower()
    call = api.calls_to("sendMessage")[-1]
    assert call.status == 400 and call.response is not None
    assert call.response["description"].startswith("Bad Request: can't parse entities: ")
    assert detail in call.response["description"]


@pytest.mark.asyncio
async def test_length_limits_use_utf16_after_parsing(bot: telegram.Bot) -> None:
    # Tags don't count: 4096 visible chars wrapped in <b> are fine.
    await bot.send_message(USER_ID, "<b>" + "x" * 4096 + "</b>", parse_mode="HTML")
    # An emoji outside the BMP is 2 UTF-16 units: 2048 fit, 2049 don't.
    await bot.send_message(USER_ID, "😀" * 2048)
    with pytest.raises(BadRequest, match=r"(?i)message is too long"):
        await bot.send_message(USER_ID, "😀" * 2049)
    with pytest.raises(BadRequest, match=r"(?i)message text is empty"):
        await bot.send_message(USER_ID, "<b> </b>\n", parse_mode="HTML")


@pytest.mark.asyncio
async def test_rate_limit_maps_to_retry_after(bot: telegram.Bot, api: FakeBotAPI) -> None:
    api.fail_next("sendMessage", status=429, retry_after=7)
    with warnings.catch_warnings(), pytest.raises(RetryAfter) as info:
        # RetryAfter.__init__ itself reads retry_after and emits PTB's deprecation warning.
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        await bot.send_message(USER_ID, "hi")
    assert _retry_seconds(info.value) == 7
    assert api.calls[-1].response == {
        "ok": False,
        "error_code": 429,
        "description": "Too Many Requests: retry after 7",
        "parameters": {"retry_after": 7},
    }
    assert (await bot.send_message(USER_ID, "hi")).text == "hi"  # Only the next call failed.


@pytest.mark.parametrize("status", [500, 502])
@pytest.mark.asyncio
async def test_server_errors_map_to_network_error(
    bot: telegram.Bot, api: FakeBotAPI, status: int
) -> None:
    api.fail_next("SENDMESSAGE", status=status, times=2)
    for _ in range(2):
        with pytest.raises(NetworkError):
            await bot.send_message(USER_ID, "hi")
    await bot.send_message(USER_ID, "hi")
    assert [c.status for c in api.calls_to("sendMessage")] == [status, status, 200]


@pytest.mark.asyncio
async def test_dropped_connection_is_network_error(bot: telegram.Bot, api: FakeBotAPI) -> None:
    api.drop_next("sendMessage")
    with pytest.raises(NetworkError) as info:
        await bot.send_message(USER_ID, "hi")
    assert not isinstance(info.value, (BadRequest, RetryAfter))
    assert "disconnected" in str(info.value).lower()
    assert (await bot.send_message(USER_ID, "again")).text == "again"


@pytest.mark.asyncio
async def test_blocked_chat_is_forbidden(bot: telegram.Bot, api: FakeBotAPI) -> None:
    api.block_chat(USER_ID)
    with pytest.raises(Forbidden, match=r"(?i)bot was blocked by the user"):
        await bot.send_message(USER_ID, "hi")
    api.unblock_chat(USER_ID)
    await bot.send_message(USER_ID, "hi")
    # A my_chat_member "kicked" update in a private chat means the user blocked the bot.
    api.push_update(updates.my_chat_member(api.bot_user, chat_type="private", new_status="kicked"))
    with pytest.raises(Forbidden):
        await bot.send_message(USER_ID, "hi")


@pytest.mark.asyncio
async def test_wrong_token_is_invalid_token(api: FakeBotAPI) -> None:
    wrong = telegram.Bot("111:wrong", base_url=api.base_url, base_file_url=api.base_file_url)
    try:
        # initialize() is what Application startup does; it calls getMe.
        with pytest.raises(InvalidToken):
            await wrong.initialize()
    finally:
        await wrong.shutdown()  # Closes the httpx pools; avoids ResourceWarnings.
    assert api.calls[-1].status == 401
    assert api.calls[-1].response == {
        "ok": False,
        "error_code": 401,
        "description": "Unauthorized",
    }


@pytest.mark.asyncio
async def test_send_photo_png_and_caption_rules(bot: telegram.Bot, api: FakeBotAPI) -> None:
    png = _png(640, 480)
    msg = await bot.send_photo(
        GROUP_ID, png, caption="<i>chart</i>", parse_mode="HTML", message_thread_id=7
    )
    assert (msg.photo[-1].width, msg.photo[-1].height) == (640, 480)
    assert msg.photo[-1].file_size == len(png)
    assert msg.caption == "chart" and msg.caption_entities[0].type == "italic"
    assert msg.message_thread_id == 7 and msg.chat.type == "supergroup"
    call = api.calls_to("sendPhoto")[-1]
    assert call.files["photo"].data == png  # Sent as a multipart file part.
    assert api.file_bytes(msg.photo[-1].file_id) == png

    with pytest.raises(BadRequest, match=r"(?i)IMAGE_PROCESS_FAILED"):
        await bot.send_photo(GROUP_ID, b"GIF89a not a png")
    with pytest.raises(BadRequest, match=r"(?i)message caption is too long"):
        await bot.send_photo(GROUP_ID, png, caption="c" * 1025)
    # Resending by file_id works, like on the real server.
    again = await bot.send_photo(GROUP_ID, msg.photo[-1].file_id)
    assert again.photo[-1].file_id == msg.photo[-1].file_id


@pytest.mark.asyncio
async def test_document_get_file_and_download_round_trip(
    bot: telegram.Bot, api: FakeBotAPI
) -> None:
    content = b"fact,source\nwater boils at 100C,textbook\n"
    file_id, unique_id = api.register_file(content, "facts.csv")
    api.push_update(
        updates.document_message(file_id, unique_id, "facts.csv", "text/csv", len(content))
    )
    [update] = await bot.get_updates()
    document = _message(update).document
    assert document is not None and document.file_name == "facts.csv"
    tg_file = await document.get_file()
    assert tg_file.file_size == len(content) and tg_file.file_path is not None
    assert bytes(await tg_file.download_as_bytearray()) == content
    assert api.file_downloads == [tg_file.file_path.rsplit("/file/bot" + TOKEN + "/", 1)[1]]

    with pytest.raises(BadRequest, match=r"(?i)invalid file_id"):
        await bot.get_file("nope")


@pytest.mark.asyncio
async def test_answer_inline_query(bot: telegram.Bot, api: FakeBotAPI) -> None:
    query_id = api.push_update(updates.inline_query("water"))["inline_query"]["id"]

    def article(i: int) -> InlineQueryResultArticle:
        return InlineQueryResultArticle(
            id=f"r{i}",
            title=f"Fact {i}",
            input_message_content=InputTextMessageContent(f"<b>fact {i}</b>", parse_mode="HTML"),
        )

    assert await bot.answer_inline_query(query_id, [article(i) for i in range(3)], cache_time=0)
    results = api.calls_to("answerInlineQuery")[-1].params["results"]
    assert [r["id"] for r in results] == ["r0", "r1", "r2"] and results[0]["type"] == "article"

    with pytest.raises(BadRequest, match=r"(?i)RESULTS_TOO_MUCH"):
        await bot.answer_inline_query(query_id, [article(i) for i in range(51)])
    with pytest.raises(BadRequest, match=r"(?i)RESULT_ID_DUPLICATE"):
        await bot.answer_inline_query(query_id, [article(1), article(1)])
    broken = InlineQueryResultArticle(
        id="x", title="t", input_message_content=InputTextMessageContent("<b>", parse_mode="HTML")
    )
    with pytest.raises(BadRequest, match=r"(?i)can't parse entities"):
        await bot.answer_inline_query(query_id, [broken])
    with pytest.raises(BadRequest, match=r"(?i)query is too old"):
        await bot.answer_inline_query("unknown-query", [])


@pytest.mark.asyncio
async def test_my_commands_are_stored_per_scope_and_language(
    bot: telegram.Bot, api: FakeBotAPI
) -> None:
    scope = BotCommandScopeChat(GROUP_ID)
    commands = [BotCommand("ask", "Ask a question"), BotCommand("sources", "List sources")]
    assert await bot.set_my_commands(commands, scope=scope)
    assert await bot.set_my_commands([BotCommand("start", "Start")], language_code="de")
    assert api.commands() == []  # Default scope was never set.
    assert [c["command"] for c in api.commands(language_code="de")] == ["start"]
    assert api.commands({"type": "chat", "chat_id": GROUP_ID})[0]["command"] == "ask"
    # Like Telegram: a chat-scoped menu for a chat that never wrote to the bot is refused.
    with pytest.raises(BadRequest, match=r"^Chat not found$"):
        await bot.set_my_commands(commands, scope=BotCommandScopeChat(5550999))
    with pytest.raises(BadRequest, match=r"(?i)BOT_COMMAND_INVALID"):
        await bot.set_my_commands([BotCommand("Bad-Name", "x")])


@pytest.mark.asyncio
async def test_callback_query_on_bot_message(bot: telegram.Bot, api: FakeBotAPI) -> None:
    markup = InlineKeyboardMarkup([[InlineKeyboardButton("Yes", callback_data="yes")]])
    await bot.send_message(USER_ID, "Confirm?", reply_markup=markup)
    pressed = api.push_update(updates.callback_query("yes", api.sent_messages()[-1]))
    [update] = await bot.get_updates()
    query = update.callback_query
    assert query is not None and query.data == "yes"
    assert isinstance(query.message, telegram.Message) and query.message.reply_markup == markup
    assert await query.answer("Thanks")
    assert api.answered_callback_queries[pressed["callback_query"]["id"]]["text"] == "Thanks"
    with pytest.raises(BadRequest, match=r"(?i)query is too old"):
        await bot.answer_callback_query("123")


@pytest.mark.asyncio
async def test_get_updates_long_poll_offset_and_allowed_updates(
    bot: telegram.Bot, api: FakeBotAPI
) -> None:
    loop = asyncio.get_running_loop()
    started = loop.time()
    poll = asyncio.create_task(bot.get_updates(timeout=5))
    await api.wait_for("getUpdates")
    first = api.push_update(updates.private_text("wake up"))
    result = await asyncio.wait_for(poll, 2)
    assert loop.time() - started < 2  # Woken by the push, not by the 5 s timeout.
    assert [u.update_id for u in result] == [first["update_id"]]

    # Without a confirming offset the update is delivered again, as on the real API.
    assert [u.update_id for u in await bot.get_updates()] == [first["update_id"]]
    second = api.push_update(updates.group_text("/ask@FactDeskTestBot hi"))
    got = await bot.get_updates(offset=first["update_id"] + 1)
    assert [u.update_id for u in got] == [second["update_id"]]
    assert len(api.pending_updates) == 1

    # allowed_updates filters (and drops) other update types.
    api.push_update(updates.inline_query("q"))
    got = await bot.get_updates(offset=second["update_id"] + 1, allowed_updates=["message"])
    assert got == ()
    assert await bot.get_updates(timeout=0) == ()  # Empty timeout=0 poll returns at once.


@pytest.mark.asyncio
async def test_webhook_set_delivery_and_delete(bot: telegram.Bot, api: FakeBotAPI) -> None:
    received: list[tuple[dict[str, Any], str | None]] = []

    async def receive(request: web.Request) -> web.Response:
        received.append(
            (await request.json(), request.headers.get("X-Telegram-Bot-Api-Secret-Token"))
        )
        return web.Response()

    app = web.Application()
    app.router.add_post("/hook", receive)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    try:
        url = f"http://127.0.0.1:{port}/hook"
        assert await bot.set_webhook(url, secret_token="s3cret", allowed_updates=["message"])
        assert api.webhook is not None and api.webhook["url"] == url
        with pytest.raises(telegram.error.Conflict):
            await bot.get_updates()
        pushed = api.push_update(updates.private_text("via webhook"))
        for _ in range(100):
            if received:
                break
            await asyncio.sleep(0.02)
        assert received == [(pushed, "s3cret")]
        assert api.webhook_deliveries == [(pushed["update_id"], 200)]
        assert api.pending_updates == []
        assert await bot.delete_webhook()
        assert api.webhook is None
        with pytest.raises(BadRequest, match=r"(?i)HTTPS URL must be provided"):
            await bot.set_webhook("http://example.org/hook")
    finally:
        await runner.cleanup()


@pytest.mark.asyncio
async def test_unknown_chat_is_rejected_until_it_writes() -> None:
    async with FakeBotAPI(token=TOKEN) as strict:
        async with strict.make_bot() as b:
            with pytest.raises(BadRequest, match=r"(?i)chat not found"):
                await b.send_message(1234, "hi")
            strict.push_update(updates.private_text("hello", user_id=1234))
            assert (await b.send_message(1234, "hi")).chat.first_name == "Alice"


@pytest.mark.asyncio
async def test_polling_application_end_to_end(api: FakeBotAPI) -> None:
    async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.message is not None
        escaped = stdlib_html.escape(update.message.text or "")
        await update.message.reply_html(f"<i>echo:</i> {escaped}")

    app = (
        ApplicationBuilder()
        .token(TOKEN)
        .base_url(api.base_url)
        .base_file_url(api.base_file_url)
        .build()
    )
    app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, echo))
    assert app.updater is not None
    async with app:
        await app.start()
        await app.updater.start_polling(poll_interval=0.0, timeout=dtm.timedelta(seconds=5))
        pushed = api.push_update(updates.private_text("a < b & c"))
        [call] = await api.wait_for("sendMessage", timeout=5)
        await app.updater.stop()
        await app.stop()
    assert call.ok and call.result["text"] == "echo: a < b & c"
    assert call.params["chat_id"] == USER_ID
    # The updater's shutdown poll confirmed the update, so nothing stays pending.
    assert api.pending_updates == []
    assert pushed["update_id"] < api.calls_to("getUpdates")[-1].params["offset"] + 1


@pytest.mark.asyncio
async def test_application_builder_helper(api: FakeBotAPI) -> None:
    app = api.application_builder().build()
    async with app:  # initialize() calls getMe against the fake.
        assert app.bot.username == BOT_USERNAME
        assert app.bot.base_url == f"{api.base_url}{TOKEN}"
    assert api.calls_to("getMe")[-1].ok


@pytest.mark.asyncio
async def test_wait_for_timeout_lists_recent_calls(api: FakeBotAPI, bot: telegram.Bot) -> None:
    mark = api.mark()
    await bot.send_message(USER_ID, "hello")
    assert len(await api.wait_for("sendmessage", since=mark)) == 1
    with pytest.raises(AssertionError, match=r"sendPhoto[\s\S]*sendMessage\(") as info:
        await api.wait_for("sendPhoto", timeout=0.05)
    assert "found 0" in str(info.value)


# --------------------------------------------------------------------------- raw HTTP


@pytest.mark.asyncio
async def test_raw_http_body_encodings_and_routing(api: FakeBotAPI) -> None:
    base = f"{api.base_url}{TOKEN}"
    markup = {"inline_keyboard": [[{"text": "a", "callback_data": "b"}]]}
    async with httpx.AsyncClient() as client:
        as_json = await client.post(
            f"{base}/SendMessage", json={"chat_id": str(USER_ID), "text": "123"}
        )
        assert as_json.json()["result"]["text"] == "123"  # Text stays a string.
        form = await client.post(
            f"{base}/sendmessage",
            data={"chat_id": str(USER_ID), "text": "true", "reply_markup": json.dumps(markup)},
        )
        assert form.json()["result"]["reply_markup"] == markup
        query = await client.get(f"{base}/getMe")
        assert query.json()["result"]["username"] == BOT_USERNAME
        missing = await client.post(f"{base}/noSuchMethod")
        assert missing.status_code == 404
        assert missing.json() == {"ok": False, "error_code": 404, "description": "Not Found"}
        bad_token = await client.get(f"{api.base_url}1:x/getMe")
        assert bad_token.status_code == 401
        calls = (await client.get(f"{api.url}/_control/calls?method=sendMessage")).json()
        assert [c["params"]["text"] for c in calls] == ["123", "true"]
        built = await client.post(
            f"{api.url}/_control/build/private_text", json={"text": "/start"}
        )
        assert built.json()["result"]["message"]["entities"][0]["type"] == "bot_command"
        pushed = await client.post(f"{api.url}/_control/updates", json=updates.private_text("x"))
        assert len(pushed.json()["result"]) == 1
    assert [c.method for c in api.calls[:2]] == ["sendMessage", "sendMessage"]
    assert len(api.pending_updates) == 2


def test_standalone_cli_serves_control_endpoint() -> None:
    command = [sys.executable, "-m", "tests.botapi.server", "--port", "0", "--token", TOKEN]
    # The context manager closes the pipes; stderr goes to a pipe we read on failure only.
    with subprocess.Popen(
        [*command, "--quiet"],
        cwd=REPO_ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as proc:
        try:
            assert proc.stdout is not None and proc.stderr is not None
            banner = proc.stdout.readline()
            if "listening on http://127.0.0.1:" not in banner:
                proc.kill()
                pytest.fail(f"server did not start: {banner!r} {proc.stderr.read()}")
            root = banner.rsplit(" ", 1)[1].strip()
            help_text = httpx.get(f"{root}/_control", timeout=5).text
            assert "/_control/updates" in help_text
            me = httpx.get(f"{root}/bot{TOKEN}/getMe", timeout=5).json()
            assert me["ok"] and me["result"]["is_bot"]
        finally:
            proc.terminate()
            proc.wait(timeout=5)


# --------------------------------------------------------------------------- builders


def test_group_text_entities_use_utf16_offsets() -> None:
    upd = updates.group_text("👋 /ask@FactDeskTestBot what is @FactDeskTestBot?")
    msg = upd["message"]
    assert msg["chat"] == {"id": GROUP_ID, "type": "supergroup", "title": "FactDesk Test Group"}
    assert msg["entities"] == [
        {"type": "bot_command", "offset": 3, "length": 20},
        {"type": "mention", "offset": 32, "length": 16},
    ]
    parsed = _message(Update.de_json(upd | {"update_id": 1}, None))
    assert parsed.parse_entities() == {
        parsed.entities[0]: "/ask@FactDeskTestBot",
        parsed.entities[1]: "@FactDeskTestBot",
    }


def test_builders_parse_in_ptb() -> None:
    bot_user = {"id": 1, "is_bot": True, "first_name": "Bot", "username": BOT_USERNAME}
    bot_msg = updates.text_message("Pick one", updates.private_chat(updates.make_user()), bot_user)
    built = [
        updates.private_text("hi"),
        updates.group_text("reply", reply_to=bot_msg),
        updates.edited_message(updates.private_text("old"), "new"),
        updates.callback_query("data", bot_msg),
        updates.inline_query("q"),
        updates.document_message("fid", "fuid", "a.csv", "text/csv", 3),
        updates.photo_message(caption="see #facts"),
        updates.sticker_message(),
        updates.new_chat_members([bot_user]),
        updates.left_chat_member(updates.make_user(5, "Bob")),
        updates.anonymous_admin_message("/ask anon"),
        updates.my_chat_member(bot_user, new_status="administrator"),
    ]
    for i, upd in enumerate(built):
        parsed = Update.de_json({**upd, "update_id": i}, None)
        assert parsed is not None and parsed.to_dict()
    reply = _message(Update.de_json({**built[1], "update_id": 1}, None))
    assert reply.reply_to_message is not None and reply.reply_to_message.text == "Pick one"
    anon = _message(Update.de_json({**built[10], "update_id": 1}, None))
    assert anon.from_user is not None and anon.sender_chat is not None
    assert anon.from_user.id == 1087968824 and anon.sender_chat.id == GROUP_ID
    assert _message(Update.de_json({**built[2], "update_id": 1}, None)).text == "new"


@pytest.mark.asyncio
async def test_user_reply_to_bot_message_round_trip(bot: telegram.Bot, api: FakeBotAPI) -> None:
    sent = await bot.send_message(GROUP_ID, "<b>Fact:</b> water is wet", parse_mode="HTML")
    api.push_update(updates.group_text("source?", reply_to=api.sent_messages(GROUP_ID)[-1]))
    [update] = await bot.get_updates()
    replied = _message(update).reply_to_message
    assert replied is not None and replied.message_id == sent.message_id
    assert replied.from_user is not None and replied.from_user.id == bot.id
    assert replied.text_html == "<b>Fact:</b> water is wet"  # Entities survive the trip.


@pytest.mark.asyncio
async def test_pushed_message_ids_never_collide_with_bot_messages(
    bot: telegram.Bot, api: FakeBotAPI
) -> None:
    first = api.push_update(updates.private_text("one", message_id=1))
    sent = await bot.send_message(USER_ID, "bot")
    second = api.push_update(updates.private_text("two", message_id=sent.message_id))
    assert first["message"]["message_id"] == 1
    assert second["message"]["message_id"] == sent.message_id + 1  # Renumbered in place.


# --------------------------------------------------------------------------- HTML validator


@pytest.mark.parametrize(
    "text",
    [
        "<b>b</b><strong>s</strong><i>i</i><em>e</em><u>u</u><ins>n</ins>",
        "<s>s</s><strike>k</strike><del>d</del>",
        '<span class="tg-spoiler">x</span><tg-spoiler>y</tg-spoiler>',
        '<a href="https://t.me/x?a=1&amp;b=2">link</a>',
        "<code>x &lt; y</code>",
        '<pre><code class="language-python">print(1)</code></pre>',
        "<blockquote>q</blockquote><blockquote expandable>long</blockquote>",
        '<tg-emoji emoji-id="5368324170671202286">👍</tg-emoji>',
        "<B>upper-case tags</B> &#128512; &#x1F600; &quot;q&quot; a > b",
        "<b>bold <i>nested <u>deeply</u></i></b>",
    ],
)
def test_html_validator_accepts_telegram_html(text: str) -> None:
    parse_html(text)


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("<b><i>x</b></i>", "Unmatched end tag"),
        ("</b>", "Unexpected end tag"),
        ("<b>x", "Can't find end tag"),
        ("<b x", "Unclosed start tag"),
        ("a & b", 'Character "&" is reserved'),
        ("&nbsp;", 'Unsupported HTML entity "&nbsp;"'),
        ("&amp", 'Character "&" is reserved'),
        ("&#0;", "Invalid numeric HTML entity"),
        ("x <3", 'Unsupported start tag "3"'),
        ("<br>", 'Unsupported start tag "br"'),
        ('<span class="other">x</span>', 'must have class "tg-spoiler"'),
        ("<tg-emoji>x</tg-emoji>", "emoji-id"),
    ],
)
def test_html_validator_rejects_invalid_html(text: str, fragment: str) -> None:
    with pytest.raises(HTMLParseError, match=fragment):
        parse_html(text)


def test_html_entities_offsets_and_utf16() -> None:
    parsed = parse_html('😀 <b>bold</b> <pre><code class="language-py">x</code></pre>')
    assert parsed.text == "😀 bold x"
    assert parsed.entities == [
        {"type": "bold", "offset": 3, "length": 4},
        {"type": "pre", "offset": 8, "length": 1, "language": "py"},
    ]
    # Formatting inside code/pre is dropped silently, as the server does.
    assert parse_html("<code><b>x</b></code> <pre><i>y</i></pre>").entities == [
        {"type": "code", "offset": 0, "length": 1},
        {"type": "pre", "offset": 2, "length": 1},
    ]
    assert utf16_len("😀") == 2 and utf16_len("aé") == 2 and parsed.length == 9
    trimmed = strip_and_shift(parse_html("  <b> hi</b>  "))
    assert trimmed.text == "hi" and trimmed.entities == [
        {"type": "bold", "offset": 0, "length": 2}
    ]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(exclude_categories=["Cs"])))
def test_escaped_text_round_trips(text: str) -> None:
    # html.escape is how the bot escapes user content; it must always be valid Telegram HTML.
    parsed = parse_html(stdlib_html.escape(text))
    assert parsed.text == text and parsed.entities == []


@pytest.mark.asyncio
async def test_every_request_reaching_the_server_goes_through_the_spec_checker(api: FakeBotAPI) -> None:
    """The suite's guard (tests/conftest.py) sees every server and every call: a request sent
    behind any test's back, breaking the spec, is still there to be checked and is found."""
    assert api in SERVERS
    async with httpx.AsyncClient() as http:
        await http.post(f"{api.base_url}{TOKEN}/sendMessage", json={"chat_id": USER_ID, "text": "x", "colour": "red"})
    [call] = unchecked(api.calls)
    found = violations([call])
    assert found and "colour" in found[0]
    assert not unchecked(api.calls)  # checked now: the guard will not report it twice
