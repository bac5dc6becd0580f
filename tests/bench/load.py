"""Fairness and memory under load: the real ``python bot.py`` (production rate limiter and update
processor) against the loopback Bot API, which answers every call at once.

    .venv/bin/python -m tests.bench.load

Scenarios, one fresh bot process each:

- ``burst``: 30 chats send 10 questions each at once (300); 2 s later a new chat asks one
  question. Measured: the newcomer's wait (push to its reply arriving at the server), how many
  burst replies were still to come then, and the time until all 300 were answered.
- ``buttons``: 10,000 presses at once from 50 users on one answer's buttons: half carry garbage
  data (Telegram: callback data need not match any button), half the real "How was this
  computed?" data; 10 s in, a new chat asks a question. Measured: the newcomer's wait, presses
  answered (throttled presses are answered bare while fresh; the rest are left to time out),
  apology messages ("went wrong"), tracebacks and log size.
- ``charts``: 200 presses of a chart button from 200 users.

For each, the bot's own peak RSS (VmHWM at exit). Timings include the fake server and this
script sharing the machine with the bot. Prints one JSON object per scenario.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, AsyncIterator

from handlers.settings import PROJECT_ROOT
from tests.bench.benchmark import _PEAK_WRAPPER, _env, _peak_from, _reap
from tests.botapi import updates as U
from tests.botapi.server import FakeBotAPI

TOKEN = "123456789:AAFakeTokenForFactDeskBench_0123456789"
NEWCOMER = 7770001
QUESTIONS = ["q1 2023 total", "q2 2023 total", "q3 2023 total", "h1 2023 total", "q3 2023 by train"]


async def until(api: FakeBotAPI, test: Any, timeout: float) -> Any:
    """Poll the recorded calls (incrementally cheap) until ``test(calls)`` is truthy."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = test(api.calls)
        if found:
            return found
        await asyncio.sleep(0.05)
    raise TimeoutError("condition not met")


def first_to(chat: int, since: int = 0) -> Any:
    def test(calls: list[Any]) -> Any:
        return next((c for c in calls[since:] if c.method == "sendMessage" and c.ok
                     and int(c.params["chat_id"]) == chat), None)
    return test


class Bot:
    def __init__(self, api: FakeBotAPI, tmp: Path) -> None:
        self.peak = tmp / "peak"
        self.log = tmp / "bot.log"
        env = _env(TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_BASE_URL=api.base_url, TELEGRAM_BASE_FILE_URL=api.base_file_url,
                   FACTDESK_STATE_DIR=str(tmp / "state"), FACTDESK_BENCH_PEAK=str(self.peak))
        with self.log.open("wb") as out:
            self.proc = subprocess.Popen([sys.executable, "-c", _PEAK_WRAPPER, "bot.py"], cwd=PROJECT_ROOT,
                                         env=env, stdout=out, stderr=subprocess.STDOUT)

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()

    async def stop(self) -> dict[str, Any]:
        self.proc.send_signal(signal.SIGTERM)
        _, peak, _ = await asyncio.to_thread(_reap, self.proc)
        text = self.log.read_text(errors="replace")
        return {"peak_rss_mb": round(_peak_from(self.peak, peak), 1), "log_bytes": len(text.encode()),
                "tracebacks": text.count("Traceback"), "error_lines": text.count(" ERROR "),
                "warning_lines": text.count(" WARNING ")}


@contextlib.asynccontextmanager
async def polling_bot() -> AsyncIterator[tuple[FakeBotAPI, "Bot"]]:
    """The real bot.py polling the loopback Bot API from a state folder of its own, until it first
    polls; killed if the scenario fails, so a failed run never leaves the bot behind."""
    async with FakeBotAPI(token=TOKEN) as api:
        with tempfile.TemporaryDirectory(prefix="factdesk-bench-load-") as tmp, contextlib.ExitStack() as stack:
            bot = Bot(api, Path(tmp))
            stack.callback(bot.kill)
            await api.wait_for("getUpdates", timeout=60)
            yield api, bot


async def burst() -> dict[str, Any]:
    async with polling_bot() as (api, bot):
        t0 = time.monotonic()
        api.push_updates([U.private_text(QUESTIONS[i % len(QUESTIONS)], user_id=6660000 + c)
                          for i in range(10) for c in range(30)])
        await asyncio.sleep(2.0)
        mark = api.mark()
        sent_before = len(api.calls_to("sendMessage"))
        t1 = time.monotonic()
        api.push_update(U.private_text("How many North Koreans entered Russia in Q3 2023?", user_id=NEWCOMER))
        reply = await until(api, first_to(NEWCOMER, mark), 120)
        wait = time.monotonic() - t1
        ahead = sum(1 for c in api.calls[mark:api.calls.index(reply)] if c.method == "sendMessage")
        await until(api, lambda calls: len([c for c in calls if c.method == "sendMessage"]) >= 301, 120)
        total = time.monotonic() - t0
        return {"scenario": "burst", "newcomer_wait_s": round(wait, 2), "burst_replies_sent_before": sent_before,
                "burst_replies_ahead_of_newcomer": ahead, "all_301_answered_s": round(total, 1),
                **await bot.stop()}


async def buttons(presses: int = 10_000) -> dict[str, Any]:
    async with polling_bot() as (api, bot):
        api.push_update(U.private_text("breakdown by purpose in q3 2023", user_id=6670000))
        answer = await until(api, first_to(6670000), 60)
        why = next(b["callback_data"] for row in answer.params["reply_markup"]["inline_keyboard"] for b in row
           if b["text"] == "How was this computed?")
        mark = api.mark()
        garbage = ["", "zz", "q:", "chart:nope", "why", "\x00garbage\x7f", "q:" + "x" * 60]
        api.push_updates([U.callback_query(why if i % 2 else garbage[i % len(garbage)], answer.result,
                                           user_id=6680000 + i % 50) for i in range(presses)])
        t0 = time.monotonic()
        await asyncio.sleep(10.0)
        t1 = time.monotonic()
        newcomer_mark = api.mark()
        api.push_update(U.private_text("q2 2023 total", user_id=NEWCOMER))
        await until(api, first_to(NEWCOMER, newcomer_mark), 300)
        wait = time.monotonic() - t1
        # Until no press has been answered for 3 s: throttled presses are answered bare while
        # fresh, the rest are left to time out (as Telegram would refuse a late answer).
        count, still = -1, 0.0
        while still < 3.0:
            now_count = sum(1 for c in api.calls[mark:] if c.method == "answerCallbackQuery")
            still = still + 0.5 if now_count == count else 0.0
            count = now_count
            await asyncio.sleep(0.5)
        answered_s = time.monotonic() - t0 - 3.0
        sent = [c for c in api.calls[mark:] if c.method == "sendMessage"]
        return {"scenario": "buttons", "presses": presses, "newcomer_wait_s": round(wait, 2),
                "last_press_answered_s": round(answered_s, 1),
                "answered": sum(1 for c in api.calls[mark:] if c.method == "answerCallbackQuery"),
                "answer_failures": sum(1 for c in api.calls[mark:] if c.method == "answerCallbackQuery" and not c.ok),
                "messages_sent": len(sent), "apologies": sum("went wrong" in c.params.get("text", "") for c in sent),
                **await bot.stop()}


async def charts(presses: int = 200) -> dict[str, Any]:
    async with polling_bot() as (api, bot):
        api.push_update(U.private_text("/chart", user_id=6690000))
        menu = await until(api, first_to(6690000), 60)
        data = menu.params["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
        mark = api.mark()
        t0 = time.monotonic()
        api.push_updates([U.callback_query(data, menu.result, user_id=6691000 + i) for i in range(presses)])
        await until(api, lambda calls: sum(1 for c in calls[mark:] if c.method == "sendPhoto") >= presses, 300)
        return {"scenario": "charts", "presses": presses, "all_photos_sent_s": round(time.monotonic() - t0, 1),
                **await bot.stop()}


async def main_async() -> None:
    wanted = sys.argv[1:] or ["burst", "buttons", "charts"]
    for run in [r for r in (burst, buttons, charts) if r.__name__ in wanted]:
        print(json.dumps(await run()), flush=True)


if __name__ == "__main__":
    asyncio.run(main_async())
    sys.exit(0)
