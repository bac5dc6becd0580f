"""End to end: the real python-telegram-bot Application over real HTTP to the loopback Bot API.

Only the network edge is fake (tests/botapi); the handlers, pipeline, DuckDB and templates are
the ones the bot runs in production.
"""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import subprocess
import sys
import tempfile
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

import pytest
from telegram.ext import Application, CommandHandler

import bot
from handlers.settings import PROJECT_ROOT, Settings
from tests.botapi import FakeBotAPI
from tests.botapi import updates as U
from tests.botapi.html import parse_html
from tests.botapi.server import Call

TOKEN = "123456789:AAFakeTokenForFactDeskTests_0123456789"
ADMIN = 777001
GROUP = U.DEFAULT_GROUP_ID
USER = U.DEFAULT_USER_ID


@dataclass
class Harness:
    api: FakeBotAPI
    app: Application

    async def send(self, update: dict, method: str = "sendMessage", count: int = 1, timeout: float = 8.0,
                   chat_id: int | None = None) -> list:
        mark = self.api.mark()
        self.api.push_update(update)
        pred = None if chat_id is None else (lambda c: int(c.params.get("chat_id", 0)) == chat_id)
        return await self.api.wait_for(method, pred, timeout=timeout, count=count, since=mark)

    async def send_ok(self, update: dict, timeout: float = 10.0) -> "object":
        """Push an update and wait for the first sendMessage that succeeded (after any retries)."""
        mark = self.api.mark()
        self.api.push_update(update)
        [call] = (await self.api.wait_for("sendMessage", lambda c: c.ok, timeout=timeout, since=mark))[:1]
        return call

    async def quiet(self, update: dict, seconds: float = 0.6) -> list:
        """Push an update and return whatever the bot sent within ``seconds`` (expected: nothing)."""
        mark = self.api.mark()
        self.api.push_update(update)
        await asyncio.sleep(seconds)
        return [c for c in self.api.calls[mark:] if c.method.lower().startswith(("send", "answer"))]


def settings_for(api: FakeBotAPI, **extra: str) -> Settings:
    # Each test its own state database, unless it names one: state persists, tests must not share it.
    extra.setdefault("FACTDESK_STATE_DIR", tempfile.mkdtemp(prefix="factdesk-state-"))
    env = {"TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_BASE_URL": api.base_url,
           "TELEGRAM_BASE_FILE_URL": api.base_file_url, "BOT_ADMIN_IDS": str(ADMIN), "FACTDESK_MAX_RETRIES": "3",
           **extra}
    return Settings.from_env(env)


@asynccontextmanager
async def running_bot(api: FakeBotAPI, settings: Settings) -> AsyncIterator[Harness]:
    """The real Application, polling the loopback server, with a test-only /boom command."""
    from handlers.telegram.setup import setup_logging

    setup_logging(settings)
    logging.getLogger().setLevel(logging.DEBUG)  # the token must stay out even of DEBUG logs
    app = bot.build(settings, request=api.fast_request(64), get_updates_request=api.fast_request(1))
    app.add_handler(CommandHandler("boom", _boom), group=1)  # exercises the error handler
    await app.initialize()
    await app.post_init(app)
    await app.updater.start_polling(poll_interval=0.0, timeout=1)
    await app.start()
    try:
        yield Harness(api, app)
    finally:
        await app.updater.stop()
        await app.stop()
        await app.shutdown()
        await app.post_shutdown(app)  # type: ignore[misc]  # closes the state store


@pytest.fixture
async def h(caplog: pytest.LogCaptureFixture) -> AsyncIterator[Harness]:
    caplog.set_level(logging.DEBUG)
    async with FakeBotAPI(token=TOKEN, bot_username="FactDeskTestBot") as api:
        async with running_bot(api, settings_for(api)) as harness:
            yield harness
    assert TOKEN not in caplog.text
    assert TOKEN.split(":")[1] not in caplog.text


async def _boom(update: object, context: object) -> None:
    raise RuntimeError("deliberate failure for the error-handler test")


def text_of(call: Call) -> str:
    return parse_html(call.params["text"]).text


# --- private chats --------------------------------------------------------------------------------

async def test_private_question_is_answered_with_source_and_button(h: Harness) -> None:
    [call] = await h.send(U.private_text("How many North Koreans entered Russia in Q3 2023?"))
    text = text_of(call)
    assert "365" in text and "Q3 2023" in text and "FSB" in text and "Donga" in text
    buttons = [b["text"] for row in call.params["reply_markup"]["inline_keyboard"] for b in row]
    assert buttons == ["How was this computed?", "📍 Where in the report", "✍️ Cite"]
    assert call.ok


async def test_followup_in_private_chat(h: Harness) -> None:
    await h.send(U.private_text("how many came by train in q3 2023"))
    [call] = await h.send(U.private_text("what about by air?"))
    assert "213" in text_of(call) and "by air" in text_of(call)


async def test_how_was_this_computed_button_and_why_command(h: Harness) -> None:
    [answer] = await h.send(U.private_text("breakdown by purpose in q3 2023"))
    data = next(b["callback_data"] for row in answer.params["reply_markup"]["inline_keyboard"] for b in row
                if b["text"] == "How was this computed?")
    calls = await h.send(U.callback_query(data, answer.result), method="sendMessage", count=2)
    explanation = "\n".join(text_of(c) for c in calls)
    assert "breakdown" in explanation and "SELECT" in explanation and "business" in explanation
    assert all(c.ok for c in calls)  # the explanation is long: split into valid HTML parts
    await h.api.wait_for("answerCallbackQuery")
    why = await h.send(U.private_text("/why"), count=2)
    assert "How this was computed" in text_of(why[0])


async def test_did_you_mean_buttons_answer_the_question(h: Harness) -> None:
    [call] = await h.send(U.private_text("nk workers siberia q3"))
    keyboard = call.params["reply_markup"]["inline_keyboard"]
    assert 1 <= len(keyboard) <= 3 and "Did you mean" in text_of(call)
    first = keyboard[0][0]
    calls = await h.send(U.callback_query(first["callback_data"], call.result))
    assert calls[-1].ok and "Source" in text_of(calls[-1])
    answered = await h.api.wait_for("answerCallbackQuery")
    assert answered


async def test_expired_button_still_answers_the_callback(h: Harness) -> None:
    msg = (await h.send(U.private_text("total q3 2023")))[0].result
    [ack] = await h.send(U.callback_query("q:doesnotexist", msg), method="answerCallbackQuery")
    assert "expired" in ack.params.get("text", "")


# --- groups ---------------------------------------------------------------------------------------

async def test_group_addressing(h: Harness) -> None:
    assert await h.quiet(U.group_text("lunch anyone? q3 numbers later")) == []
    [a] = await h.send(U.group_text("/ask@FactDeskTestBot how many north koreans entered russia in q2 2023?"))
    assert "213" in text_of(a)
    [b] = await h.send(U.group_text("/ask who is lankov"))
    assert "Kookmin" in text_of(b)
    [c] = await h.send(U.group_text("@FactDeskTestBot russians to north korea q3 2023?"))
    assert "544" in text_of(c)
    # A reply to the bot's answer is a follow-up to that answer.
    [d] = await h.send(U.group_text("and in H1?", reply_to=c.result))
    assert "222" in text_of(d)


async def test_group_ignores_other_mentions_media_and_service_messages(h: Harness) -> None:
    assert await h.quiet(U.group_text("@someone_else how many in q3?")) == []
    assert await h.quiet(U.sticker_message(chat_id=GROUP, chat_type="supergroup")) == []
    assert await h.quiet(U.new_chat_members(chat_id=GROUP)) == []
    assert await h.quiet(U.photo_message(chat_id=GROUP, chat_type="supergroup")) == []


async def test_edited_ask_does_not_answer_twice(h: Harness) -> None:
    original = U.group_text("/ask how many in q3 2023?")
    await h.send(original)
    assert await h.quiet(U.edited_message(original, "/ask how many in q2 2023?")) == []


# --- a fresh deployment: the admin has never written to the bot ----------------------------------------

async def test_admin_who_never_wrote_gets_the_menu_on_first_contact(h: Harness, caplog: pytest.LogCaptureFixture
                                                                    ) -> None:
    """Telegram refuses a chat-scoped menu for an unseen chat (400); start-up went on regardless,
    warned naming the id, and the admin's first message brings the menu, with no restart."""
    refused = h.api.calls_to("setMyCommands", lambda c: (c.params.get("scope") or {}).get("chat_id") == ADMIN)
    assert [c.status for c in refused] == [400]
    assert refused[0].response["description"] == "Bad Request: chat not found"
    startup = caplog.get_records("setup")  # post_init ran while the fixture was set up
    [warning] = [r for r in startup if "admin command menu" in r.getMessage()]
    assert warning.levelno == logging.WARNING and str(ADMIN) in warning.getMessage()
    assert "400" in warning.getMessage() and not [r for r in startup if "unreachable" in r.getMessage().lower()]
    assert h.api.commands({"type": "chat", "chat_id": ADMIN}) == []
    [answer] = await h.send(U.private_text("q3 2023 total", user_id=ADMIN))  # answered as usual
    assert "365" in text_of(answer)
    admin = [c["command"] for c in h.api.commands({"type": "chat", "chat_id": ADMIN})]
    assert "reload" in admin and "start" in admin
    # Set once: later messages do not repeat the call.
    mark = h.api.mark()
    await h.send(U.private_text("q2 2023 total", user_id=ADMIN))
    assert not h.api.calls_to("setMyCommands")[len(refused) + 2:] and \
        not [c for c in h.api.calls[mark:] if c.method == "setMyCommands"]


# --- commands, charts, inline ---------------------------------------------------------------------

async def test_start_registers_commands_and_offers_examples(h: Harness) -> None:
    default = [c["command"] for c in h.api.commands()]
    assert {"start", "ask", "figures", "sources", "chart", "about", "why", "help"} <= set(default)
    assert "reload" not in default
    [start] = await h.send(U.private_text("/start"))
    examples = [row[0]["text"] for row in start.params["reply_markup"]["inline_keyboard"]]
    assert len(examples) >= 3
    calls = await h.send(U.callback_query(start.params["reply_markup"]["inline_keyboard"][0][0]["callback_data"],
                                          start.result))
    assert "Source" in text_of(calls[-1])


@pytest.mark.parametrize("command,expected", [("/figures", "544"), ("/sources", "NK News"), ("/about", "data version"),
                                              ("/help", "Try")])
async def test_info_commands(h: Harness, command: str, expected: str) -> None:
    [call] = await h.send(U.private_text(command))
    assert expected.lower() in text_of(call).lower()


async def test_chart_menu_and_photo(h: Harness) -> None:
    [menu] = await h.send(U.private_text("/chart"))
    buttons = {b["text"]: b["callback_data"] for row in menu.params["reply_markup"]["inline_keyboard"] for b in row}
    assert set(buttons) == {"Trend by period", "By purpose", "By transport mode"}
    [photo] = await h.send(U.callback_query(buttons["By transport mode"], menu.result), method="sendPhoto")
    upload = photo.files["photo"]
    assert upload.data.startswith(b"\x89PNG")
    caption = parse_html(photo.params["caption"]).text
    assert "Q3 2023" in caption and "FSB" in caption and "404" in caption and len(caption) <= 1024
    [direct] = await h.send(U.private_text("/chart trend"), method="sendPhoto")
    assert direct.ok


async def test_inline_mode(h: Harness) -> None:
    [call] = await h.send(U.inline_query("nk->ru q3 2023"), method="answerInlineQuery")
    results = call.params["results"]
    assert results and "365" in results[0]["input_message_content"]["message_text"]
    assert "Source" in results[0]["description"]
    [empty] = await h.send(U.inline_query(""), method="answerInlineQuery")
    assert len(empty.params["results"]) >= 3


# --- reliability -----------------------------------------------------------------------------------

async def test_429_is_waited_out_and_the_reply_arrives(h: Harness) -> None:
    h.api.fail_next("sendMessage", status=429, retry_after=1)
    call = await h.send_ok(U.private_text("q2 2023 total"))
    assert "213" in text_of(call)
    assert [c.status for c in h.api.calls_to("sendMessage")][-2:] == [429, 200]


@pytest.mark.parametrize("fault", ["502", "drop"])
async def test_5xx_and_dropped_connections_are_retried(h: Harness, fault: str) -> None:
    if fault == "drop":
        h.api.drop_next("sendMessage")
    else:
        h.api.fail_next("sendMessage", status=502)
    call = await h.send_ok(U.private_text("q1 2023 total"))
    assert "153" in text_of(call)
    assert any(c.status != 200 for c in h.api.calls_to("sendMessage"))


async def test_a_400_on_the_reply_is_sent_once_then_apologised_for(h: Harness) -> None:
    h.api.fail_next("sendMessage", status=400, description="Bad Request: can't parse entities: injected")
    mark = h.api.mark()
    h.api.push_update(U.private_text("q2 2023 total"))
    calls = await h.api.wait_for("sendMessage", since=mark, count=2)
    await asyncio.sleep(1.0)  # time for any (wrong) retry to show
    calls = [c for c in h.api.calls[mark:] if c.method == "sendMessage"]
    assert [c.status for c in calls] == [400, 200] and "went wrong" in text_of(calls[1])


async def test_blocked_user_is_logged_not_fatal(h: Harness, caplog: pytest.LogCaptureFixture) -> None:
    h.api.block_chat(5550001)
    mark = h.api.mark()
    h.api.push_update(U.private_text("q3 total", user_id=5550001))
    await h.api.wait_for("sendMessage", since=mark)
    [ok] = await h.send(U.private_text("q3 total"))
    assert ok.ok
    assert "blocked" in caplog.text


async def test_error_handler_logs_and_apologises(h: Harness, caplog: pytest.LogCaptureFixture) -> None:
    calls = await h.send(U.private_text("/boom"))
    assert "went wrong" in text_of(calls[-1])
    assert "deliberate failure" in caplog.text


async def test_long_answers_are_split_into_valid_messages(h: Harness) -> None:
    await h.send(U.private_text("what was the breakdown by purpose and transport in q3 2023"))
    calls = await h.send(U.private_text("/why"), count=3)
    assert all(c.ok and len(parse_html(c.params["text"]).text) <= 4096 for c in calls)


# --- admin -------------------------------------------------------------------------------------------

async def test_reload_is_for_admins_only(h: Harness) -> None:
    [refused] = await h.send(U.private_text("/reload"))
    assert "admins only" in text_of(refused)
    [anon] = await h.send(U.anonymous_admin_message("/reload"))
    assert "admins only" in text_of(anon)
    [done] = await h.send(U.private_text("/reload", user_id=ADMIN))
    assert "nothing changed" in text_of(done)  # the data dir is the repo's, unchanged


# --- the real process ---------------------------------------------------------------------------------

async def test_bot_py_runs_against_the_loopback_server() -> None:
    """`python bot.py`, configured only by environment variables, answers over HTTP."""
    async with FakeBotAPI(token=TOKEN, bot_username="FactDeskTestBot") as api:
        env = {**os.environ, "TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_BASE_URL": api.base_url,
               "TELEGRAM_BASE_FILE_URL": api.base_file_url, "FACTDESK_LOG_LEVEL": "DEBUG",
               "FACTDESK_STATE_DIR": tempfile.mkdtemp(prefix="factdesk-state-")}
        proc = subprocess.Popen([sys.executable, "bot.py"], cwd=PROJECT_ROOT, env=env, stdout=subprocess.PIPE,
                                stderr=subprocess.STDOUT)
        try:
            await api.wait_for("setMyCommands", timeout=30)
            api.push_update(U.private_text("how many north koreans entered russia in the first half of 2023?"))
            [call] = await api.wait_for("sendMessage", timeout=15)
            assert "366" in parse_html(call.params["text"]).text
        finally:
            proc.send_signal(signal.SIGTERM)
            out, _ = await asyncio.to_thread(proc.communicate, timeout=30)
        log = out.decode()
        assert TOKEN not in log and TOKEN.split(":")[1] not in log
        assert "factdesk ready" in log


# --- claim check -------------------------------------------------------------------------------------

async def test_check_command_and_inline_check(h: Harness) -> None:
    [call] = await h.send(U.private_text("/check 7,000 North Koreans arrived in Russia by train in Q3 2023"))
    text = text_of(call)
    assert "Differs" in text and "134" in text and "FSB" in text
    [usage] = await h.send(U.private_text("/check"))
    assert "/check" in text_of(usage)
    [inline] = await h.send(U.inline_query("check 365 North Koreans entered Russia in Q3 2023"), method="answerInlineQuery")
    assert "matches" in inline.params["results"][0]["title"]


# --- languages --------------------------------------------------------------------------------------

async def test_korean_and_russian_questions_are_answered_in_their_language(h: Harness) -> None:
    [ko] = await h.send(U.private_text("작년 3분기 러시아에 입국한 북한 주민은 몇 명?", language_code="en"))
    text = text_of(ko)
    assert "365명" in text and "2023년 3분기" in text and "출처" in text and ko.ok
    [ru] = await h.send(U.private_text("Сколько граждан КНДР въехало в Россию поездом в III квартале 2023?"))
    text = text_of(ru)
    assert "134" in text and "III квартал 2023 г." in text and "Источник" in text and ru.ok


async def test_lang_command_fixes_the_chat_language(h: Harness) -> None:
    [set_ru] = await h.send(U.private_text("/lang ru"))
    assert "по-русски" in text_of(set_ru)
    [answer] = await h.send(U.private_text("How many North Koreans entered Russia in Q3 2023?"))
    assert "III квартал 2023 г." in text_of(answer) and "365" in text_of(answer)
    [back] = await h.send(U.private_text("/lang auto"))
    assert "языке вопроса" in text_of(back) or "language" in text_of(back)
    [en] = await h.send(U.private_text("How many North Koreans entered Russia in Q3 2023?"))
    assert "Q3 2023" in text_of(en)
    [usage] = await h.send(U.private_text("/lang xx"))
    assert "/lang ko" in text_of(usage)
    [hinted] = await h.send(U.private_text("q3?", language_code="ko"))
    assert "2023년 3분기" in text_of(hinted)


async def test_views_charts_and_explanations_come_in_the_chat_language(h: Harness) -> None:
    """/figures follows the user's Telegram language; after /lang ru the chart menu, the chart's
    caption and "How was this computed?" are Russian."""
    [figures] = await h.send(U.private_text("/figures", language_code="ko"))
    text = text_of(figures)
    assert "데이터에 있는 모든 수치" in text and "2023년 3분기" in text and "544명" in text and "출처" in text
    await h.send(U.private_text("/lang ru"))
    [menu] = await h.send(U.private_text("/chart"))
    buttons = {b["text"]: b["callback_data"] for row in menu.params["reply_markup"]["inline_keyboard"] for b in row}
    assert "Динамика по периодам" in buttons and "Какой график?" in text_of(menu)
    [photo] = await h.send(U.callback_query(buttons["Динамика по периодам"], menu.result), method="sendPhoto")
    caption = parse_html(photo.params["caption"]).text
    assert photo.files["photo"].data.startswith(b"\x89PNG")
    assert "Въезд граждан КНДР в Россию" in caption and "Источник" in caption and "среднее за квартал" in caption
    await h.api.wait_for("answerCallbackQuery")
    await h.send(U.private_text("сколько въехало поездом"))
    [why] = await h.send(U.private_text("/why"))
    assert "Как получен ответ" in text_of(why) and "поездом" in text_of(why)


async def test_the_apology_comes_in_the_asker_language(h: Harness) -> None:
    [ko] = await h.send(U.private_text("/boom", language_code="ko"))
    assert "죄송합니다" in text_of(ko)
    await h.send(U.private_text("/lang ru"))
    [ru] = await h.send(U.private_text("/boom"))
    assert "Извините" in text_of(ru)
