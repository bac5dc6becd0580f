"""Operations, end to end with the real ``python bot.py`` process against the loopback Bot API:
graceful SIGTERM, start-up before Telegram is reachable, webhook mode with its secret and
health endpoint, and logs (JSON, one line per answer, never the token or the question).
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import aiohttp
import pytest

from handlers.settings import PROJECT_ROOT, Settings
from handlers.telegram.fairness import PRESSES_PER_WINDOW
from handlers.telegram.reply import log_answered
from handlers.telegram.setup import JsonFormatter, protect_secret
from tests.botapi import FakeBotAPI
from tests.botapi import updates as U
from tests.botapi.html import parse_html

TOKEN = "123456789:AAFakeTokenForFactDeskTests_0123456789"
SECRET = "webhook_secret_for_tests_0123456789"
QUESTION = "How many North Koreans entered Russia in Q3 2023?"
START_TIMEOUT = 30.0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class BotProcess:
    """``python bot.py`` with its combined output in a file (a pipe could fill up and block it)."""

    def __init__(self, log_file: Path, base_url: str, *args: str, **env: str) -> None:
        self.log_file = log_file
        self.signalled = False
        # The state database next to the log, so runs of the tests never share follow-ups or /lang.
        full_env = {**os.environ, "TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_BASE_URL": base_url,
                    "TELEGRAM_BASE_FILE_URL": base_url.replace("/bot", "/file/bot"),
                    "FACTDESK_STATE_DIR": str(log_file.parent / "state"), **env}
        with log_file.open("ab") as out:
            self.proc = subprocess.Popen([sys.executable, "bot.py", *args], cwd=PROJECT_ROOT, env=full_env,
                                         stdout=out, stderr=subprocess.STDOUT)

    @property
    def log(self) -> str:
        return self.log_file.read_text(errors="replace")

    def terminate(self) -> None:
        """One SIGTERM, as systemd and Docker send (a second one stops python-telegram-bot at once)."""
        if not self.signalled and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            self.signalled = True

    async def stop(self, timeout: float = 30.0) -> int:
        """SIGTERM unless already sent, then wait for the exit code."""
        self.terminate()
        return await asyncio.to_thread(self.proc.wait, timeout)

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()


@contextmanager
def bot_process(log_file: Path, base_url: str, *args: str, **env: str) -> Iterator[BotProcess]:
    bot = BotProcess(log_file, base_url, *args, **env)
    try:
        yield bot
    finally:
        bot.kill()  # only if a failed assertion left it running


def assert_clean(log: str, *secrets: str) -> None:
    """No token (nor its secret half) nor other secret anywhere in a session's output."""
    for s in (TOKEN, TOKEN.split(":", 1)[1], *secrets):
        assert s not in log


def answered_to(api: FakeBotAPI, chat_id: int) -> list[str]:
    """Texts of the successful sendMessage calls to ``chat_id``."""
    return [parse_html(c.params["text"]).text for c in api.calls_to("sendMessage")
            if c.ok and int(c.params["chat_id"]) == chat_id]


# --- graceful shutdown -------------------------------------------------------------------------------

async def test_sigterm_while_answering_finishes_the_answer_and_keeps_pending_updates(tmp_path: Path) -> None:
    """SIGTERM while a reply is held up: the reply still arrives; an update pushed during the
    shutdown is answered exactly once, by this process or by the next one."""
    first, second = 5550101, 5550102
    log = tmp_path / "bot.log"
    async with FakeBotAPI(token=TOKEN) as api:
        with bot_process(log, api.base_url, FACTDESK_LOG_LEVEL="DEBUG") as bot:
            await api.wait_for("getUpdates", timeout=START_TIMEOUT)
            # The first reply meets a 429: the rate limiter waits 2 s, and SIGTERM lands meanwhile.
            api.fail_next("sendMessage", status=429, retry_after=2)
            api.push_update(U.private_text(QUESTION, user_id=first))
            await api.wait_for("sendMessage", lambda c: c.status == 429, timeout=15)
            bot.terminate()
            api.push_update(U.private_text("total q2 2023", user_id=second))
            assert await bot.stop() == 0
        assert [t for t in answered_to(api, first) if "365" in t], api.calls_to("sendMessage")
        if not answered_to(api, second):
            # Not fetched before polling stopped: still pending at Telegram, answered after a restart.
            assert api.pending_updates
            with bot_process(log, api.base_url) as bot:
                await api.wait_for("sendMessage", lambda c: int(c.params["chat_id"]) == second and c.ok, timeout=20)
                assert await bot.stop() == 0
        assert len(answered_to(api, first)) == 1 and len(answered_to(api, second)) == 1
        assert "213" in answered_to(api, second)[0]
    output = log.read_text()
    assert_clean(output)
    assert QUESTION not in output  # question text is not logged by default, not even at DEBUG
    assert "Application.stop() complete" in output


# --- start-up before Telegram is reachable -------------------------------------------------------------

async def test_bot_started_before_telegram_is_reachable_comes_up_and_answers(tmp_path: Path) -> None:
    port = free_port()
    with bot_process(tmp_path / "bot.log", f"http://127.0.0.1:{port}/bot") as bot:
        await asyncio.sleep(3)  # nothing listens yet: the bot must be retrying, not dead
        assert bot.proc.poll() is None, bot.log
        async with FakeBotAPI(token=TOKEN, port=port) as api:
            await api.wait_for("setMyCommands", timeout=START_TIMEOUT)
            api.push_update(U.private_text(QUESTION))
            [call] = await api.wait_for("sendMessage", timeout=15)
            assert "365" in parse_html(call.params["text"]).text
            assert await bot.stop() == 0
    assert_clean(bot.log)


async def test_fresh_deployment_with_an_admin_who_never_wrote_starts_and_answers(tmp_path: Path) -> None:
    """The real process: BOT_ADMIN_IDS names a user Telegram has never seen (400 "chat not found"
    for the admin menu). The bot starts, answers, and the admin gets the menu on writing."""
    admin = 5550301
    async with FakeBotAPI(token=TOKEN) as api:
        with bot_process(tmp_path / "bot.log", api.base_url, BOT_ADMIN_IDS=str(admin)) as bot:
            await api.wait_for("getUpdates", timeout=START_TIMEOUT)
            assert bot.proc.poll() is None, bot.log
            api.push_update(U.private_text(QUESTION))
            [call] = await api.wait_for("sendMessage", timeout=15)
            assert "365" in parse_html(call.params["text"]).text
            assert api.commands({"type": "chat", "chat_id": admin}) == []
            api.push_update(U.private_text(QUESTION, user_id=admin))
            await api.wait_for("sendMessage", lambda c: int(c.params["chat_id"]) == admin, timeout=15)
            assert "reload" in [c["command"] for c in api.commands({"type": "chat", "chat_id": admin})]
            assert await bot.stop() == 0
    log = bot.log
    assert f"admin command menu for user id {admin} not set: Telegram answered 400" in log
    assert "unreachable" not in log and "Traceback" not in log
    assert f"admin command menu set for user id {admin}" in log
    assert_clean(log)


async def test_startup_retries_are_bounded(tmp_path: Path) -> None:
    port = free_port()
    with bot_process(tmp_path / "bot.log", f"http://127.0.0.1:{port}/bot", FACTDESK_BOOTSTRAP_RETRIES="1") as bot:
        code = await asyncio.to_thread(bot.proc.wait, 20)  # one retry after 1.5 s, then give up
    assert code == 1 and "Telegram unreachable at start-up after 1 retries (NetworkError" in bot.log
    assert_clean(bot.log)


async def test_a_refused_token_stops_at_once_with_a_clear_message(tmp_path: Path) -> None:
    wrong = "987654321:AAWrongTokenRefusedByTelegram_9876543"
    async with FakeBotAPI(token=TOKEN) as api:
        with bot_process(tmp_path / "bot.log", api.base_url, TELEGRAM_BOT_TOKEN=wrong) as bot:
            code = await asyncio.to_thread(bot.proc.wait, 20)
    assert code == 2 and "Telegram refused TELEGRAM_BOT_TOKEN" in bot.log
    assert wrong not in bot.log and wrong.split(":")[1] not in bot.log


async def test_bad_data_at_start_is_one_clear_message(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    for f in (PROJECT_ROOT / "data").glob("*.csv"):
        (data / f.name).write_bytes(f.read_bytes())
    (data / "meta.csv").write_text("key,value\nreport_date,not-a-date\n")
    async with FakeBotAPI(token=TOKEN) as api:
        with bot_process(tmp_path / "bot.log", api.base_url, FACTDESK_DATA_DIR=str(data)) as bot:
            code = await asyncio.to_thread(bot.proc.wait, 30)
    assert code == 3 and "cannot load the data" in bot.log and "meta.csv line" in bot.log
    assert "Traceback" not in bot.log


# --- webhook mode -----------------------------------------------------------------------------------------

async def test_webhook_mode_end_to_end(tmp_path: Path) -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}/telegram/hook-4f1c"
    log = tmp_path / "bot.log"
    async with FakeBotAPI(token=TOKEN) as api, aiohttp.ClientSession() as http:
        with bot_process(log, api.base_url, "--webhook", WEBHOOK_URL=url, WEBHOOK_LISTEN="127.0.0.1",
                         WEBHOOK_PORT=str(port), WEBHOOK_SECRET=SECRET, FACTDESK_LOG_JSON="true") as bot:
            [hook] = await api.wait_for("setWebhook", timeout=START_TIMEOUT)
            assert hook.ok and hook.params["url"] == url and hook.params["secret_token"] == SECRET
            assert not hook.params.get("drop_pending_updates")

            # The fake Telegram delivers with the secret header: answered.
            update = api.push_update(U.private_text(QUESTION))
            [call] = await api.wait_for("sendMessage", timeout=15)
            assert "365" in parse_html(call.params["text"]).text
            assert (update["update_id"], 200) in api.webhook_deliveries

            # A storm of presses from one user, delivered by webhook: every press is answered, those
            # over the per-user throttle bare (never parsed), and none causes a message.
            since = api.mark()
            for _ in range(12):
                api.push_update(U.callback_query("zz", call.result, user_id=5550202))
            answered = await api.wait_for("answerCallbackQuery", count=12, since=since, timeout=15)
            assert sum(1 for c in answered if c.params.get("text")) == PRESSES_PER_WINDOW  # "expired"
            assert not [c for c in api.calls[since:] if c.method == "sendMessage"]

            # Anyone else: refused, and nothing is answered.
            mark = api.mark()
            forged = json.dumps(U.private_text("total q2 2023", user_id=5550201))
            for headers in ({}, {"X-Telegram-Bot-Api-Secret-Token": "not_the_secret_0123456789"}):
                async with http.post(url, data=forged, headers={"Content-Type": "application/json", **headers}) as r:
                    assert r.status == 403
            # With the secret, but hostile: nested 100,000 deep, or bigger than any update. Refused
            # with 400 (not a 500 with a RecursionError), and the bot goes on answering.
            secret_headers = {"Content-Type": "application/json", "X-Telegram-Bot-Api-Secret-Token": SECRET}
            deep = b'{"update_id": 1, "message": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
            async with http.post(url, data=deep, headers=secret_headers) as r:
                assert r.status == 400
            huge = b'{"update_id": 2, "x": "' + b"a" * (2 << 20) + b'"}'
            try:
                async with http.post(url, data=huge, headers=secret_headers) as r:
                    assert 400 <= r.status < 500
            except aiohttp.ClientError:
                pass  # tornado may close the connection on a body over max_body_size: also a refusal
            async with http.get(f"http://127.0.0.1:{port}/healthz") as r:
                assert r.status == 200
                health = await r.json()
            assert health["ok"] is True
            async with http.get(f"http://127.0.0.1:{port}/other") as r:
                assert r.status == 404
            await asyncio.sleep(1)
            assert not [c for c in api.calls[mark:] if c.method == "sendMessage"]
            assert await bot.stop() == 0
    output = log.read_text()
    assert_clean(output, SECRET)
    assert QUESTION not in output
    lines = [json.loads(line) for line in output.splitlines() if line.startswith("{")]
    [answered] = [e for e in lines if e.get("event") == "answered"]
    # Compared within the process: other work may change data/ while this test runs.
    assert answered["version"] == health["version"] and f"data v{health['version']}" in output
    assert answered["intent"] and answered["score"] is not None
    assert isinstance(answered["latency_ms"], int) and answered["latency_ms"] >= answered["pipeline_ms"] >= 0
    refusals = [e for e in lines if "refused (403)" in e["msg"]]
    assert len(refusals) == 2 and all(e["level"] == "WARNING" for e in refusals)
    assert "RecursionError" not in output and "Traceback" not in output
    assert [e for e in lines if "deeper than" in e["msg"]]


async def test_webhook_mode_refuses_to_start_without_its_settings(tmp_path: Path) -> None:
    out = subprocess.run([sys.executable, "bot.py", "--webhook"], cwd=PROJECT_ROOT, capture_output=True, text=True,
                         env={**os.environ, "TELEGRAM_BOT_TOKEN": TOKEN, "WEBHOOK_URL": ""}, timeout=60)
    assert out.returncode == 2 and "WEBHOOK_URL" in out.stderr
    out = subprocess.run([sys.executable, "bot.py", "--webhook"], cwd=PROJECT_ROOT, capture_output=True, text=True,
                         env={**os.environ, "TELEGRAM_BOT_TOKEN": TOKEN, "WEBHOOK_URL": "https://bot.example/tg"},
                         timeout=60)
    assert out.returncode == 2 and "WEBHOOK_SECRET" in out.stderr


# --- log lines ---------------------------------------------------------------------------------------------

class _Answer:
    intent, kind, score, version = "total", "answer", 0.93, "abc123"


def _answered_record(caplog: pytest.LogCaptureFixture, **env: str) -> logging.LogRecord:
    settings = Settings.from_env(env)
    with caplog.at_level(logging.INFO, logger="handlers.telegram.reply"):
        log_answered(settings, 42, "who leaked the memo?", _Answer(), 0.0, 0.0)  # type: ignore[arg-type]
    [record] = [r for r in caplog.records if r.name == "handlers.telegram.reply"]
    return record


def test_answered_line_has_no_question_unless_allowed(caplog: pytest.LogCaptureFixture) -> None:
    record = _answered_record(caplog)
    assert "who leaked" not in record.getMessage() and not hasattr(record, "question")
    assert "latency_ms=" in record.getMessage() and "version=abc123" in record.getMessage()
    caplog.clear()
    record = _answered_record(caplog, FACTDESK_LOG_QUESTIONS="true")
    assert "who leaked the memo?" in record.getMessage() and record.question == "who leaked the memo?"


def test_json_formatter_redacts_message_extra_and_traceback() -> None:
    protect_secret(TOKEN)
    logger = logging.getLogger("factdesk.test.json")
    try:
        raise RuntimeError(f"failed at https://api.telegram.org/bot{TOKEN}/getMe")
    except RuntimeError:
        record = logger.makeRecord(logger.name, logging.ERROR, __file__, 1, "url %s", (f"/bot{TOKEN}/x",),
                                   sys.exc_info(), extra={"url": f"/bot{TOKEN}/y", "intent": "total"})
    line = JsonFormatter().format(record)
    entry = json.loads(line)
    assert entry["level"] == "ERROR" and entry["intent"] == "total" and "RuntimeError" in entry["exc"]
    assert_clean(line)
