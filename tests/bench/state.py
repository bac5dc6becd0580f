"""Start-up time and memory of ``python bot.py`` with a large history in the state database.

    .venv/bin/python -m tests.bench.state                     # 1,000,000 records, 3 runs each
    .venv/bin/python -m tests.bench.state --records 200000 --runs 1
    .venv/bin/python -m tests.bench.state --scenarios empty sqlite

Each scenario starts the real bot against the loopback Bot API with a question already waiting
and measures, per run, the wall time from spawn to that question's reply arriving (start-up to
first answer) and the bot process's own peak RSS (VmHWM, written by the process at exit; see
benchmark.py for why wait4's figure is not used). Scenarios:

- ``empty``: no state at all (the baseline).
- ``sqlite``: ``--records`` question-log rows and ``--records`` figures-given rows (chats x
  figures) in state.sqlite3, all within the retention age, with default settings: on the first
  start the rows over FACTDESK_RETENTION_ROWS are pruned in the background, from
  ``PRUNE_START_DELAY`` (60 s) after start-up.
  Each run gets a fresh copy of the database, so every run is such a first start.
- ``sqlite-kept``: the same history with FACTDESK_RETENTION_ROWS above it, so nothing is pruned:
  the cost of merely having the history.
- ``jsonl``: the same history as the JSON Lines files earlier versions wrote, migrated on this
  first start (in the background, in steps).
- ``sqlite-prune`` (not run by default): one ``sqlite`` start kept running 30 s past the first
  pruning pass (which waits ``PRUNE_START_DELAY`` after start-up): peak memory while it deletes.

Prints one JSON object per scenario and a Markdown table.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import shutil
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from handlers.activity import PRUNE_START_DELAY
from handlers.settings import PROJECT_ROOT
from handlers.state.sqlite import FILE_NAME, SqliteStore
from tests.bench.benchmark import _PEAK_WRAPPER, _env, _peak_from, _reap

TOKEN = "123456789:AAFakeTokenForFactDeskBench_0123456789"
QUESTION = "How many North Koreans entered Russia in Q3 2023?"
FIGURES = 20  # figures given per chat: records / FIGURES chats


def build_sqlite(path: Path, records: int) -> None:
    """``records`` questions and ``records`` figures-given rows, spread over the last 60 days."""
    store = SqliteStore.open(path)
    now = time.time()
    span = 60 * 86400.0
    store.begin()
    store.db.executemany(
        "INSERT INTO questions (ts, chat_id, kind, intent, score, question, norm) VALUES (?, ?, ?, ?, ?, ?, ?)",
        ((now - span + span * i / records, 1000 + i % 5000, "answer" if i % 10 else "fallback",
          "total" if i % 10 else None, 0.9, None if i % 10 else f"question {i % 977}",
          None if i % 10 else f"question {i % 977}") for i in range(records)))
    store.db.executemany(
        "INSERT INTO given (chat_id, figure_id, value, ts) VALUES (?, ?, ?, ?)",
        ((1000 + i // FIGURES, f"fig-{i % FIGURES}", i % 1000, now - span + span * i / records)
         for i in range(records)))
    store.commit()
    store.close()


def build_jsonl(path: Path, records: int) -> None:
    now = time.time()
    span = 60 * 86400.0
    with (path / "questions.jsonl").open("w", encoding="utf-8") as f:
        for i in range(records):
            r: dict[str, Any] = {"ts": now - span + span * i / records, "intent": "total", "kind": "answer", "score": 0.9}
            f.write(json.dumps(r) + "\n")
    with (path / "given.jsonl").open("w", encoding="utf-8") as f:
        for i in range(records):
            f.write(json.dumps({"chat_id": 1000 + i // FIGURES, "figure_id": f"fig-{i % FIGURES}", "value": i % 1000,
                                "ts": now - span + span * i / records}) + "\n")


async def start_once(state_dir: Path, linger: float = 3.0, **extra: str) -> tuple[float, float]:
    """Spawn bot.py with a question waiting; (seconds to its reply, peak RSS MB)."""
    from tests.botapi import updates as U
    from tests.botapi.server import FakeBotAPI

    async with FakeBotAPI(token=TOKEN, bot_username="FactDeskBenchBot") as api:
        api.push_update(U.private_text(QUESTION, user_id=4242))
        peak_file = Path(tempfile.mkstemp(prefix="factdesk-peak-")[1])
        env = _env(TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_BASE_URL=api.base_url, TELEGRAM_BASE_FILE_URL=api.base_file_url,
                   FACTDESK_STATE_DIR=str(state_dir), FACTDESK_BENCH_PEAK=str(peak_file), **extra)
        t0 = time.time()
        proc = subprocess.Popen([sys.executable, "-c", _PEAK_WRAPPER, "bot.py"], cwd=PROJECT_ROOT,  # noqa: ASYNC220
                                env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            [call] = (await api.wait_for("sendMessage", timeout=300))[:1]
            elapsed = call.time - t0
            await asyncio.sleep(linger)  # let background pruning / import run a while, for the memory peak
        finally:
            proc.send_signal(signal.SIGTERM)
            _, peak, _ = await asyncio.to_thread(_reap, proc)
        rss = _peak_from(peak_file, peak)
        peak_file.unlink(missing_ok=True)
        if "365" not in call.params.get("text", ""):
            raise RuntimeError(f"unexpected reply: {call.describe()}")
        return elapsed, rss


async def scenario(name: str, template: Path | None, runs: int, linger: float = 3.0, **extra: str) -> dict[str, Any]:
    times, rss, rows_after = [], [], []
    for _ in range(runs):
        with tempfile.TemporaryDirectory(prefix="factdesk-bench-state-") as tmp:
            state = Path(tmp) / "state"
            if template is not None:
                shutil.copytree(template, state)
            else:
                state.mkdir()
            t, m = await start_once(state, linger, **extra)
            times.append(t)
            rss.append(m)
            with sqlite3.connect(state / FILE_NAME) as db:
                rows_after.append(db.execute("SELECT (SELECT count(*) FROM questions) + (SELECT count(*) FROM given)")
                                  .fetchone()[0])
    return {"scenario": name, "runs": runs, "start_to_first_answer_s": [round(t, 3) for t in times],
            "median_s": round(statistics.median(times), 3), "max_s": round(max(times), 3),
            "peak_rss_mb": [round(m, 1) for m in rss], "max_rss_mb": round(max(rss), 1),
            "rows_after_run": rows_after}


async def main_async(args: argparse.Namespace) -> None:
    with tempfile.TemporaryDirectory(prefix="factdesk-bench-templates-") as tmp:
        sqlite_dir, jsonl_dir = Path(tmp) / "sqlite", Path(tmp) / "jsonl"
        sqlite_dir.mkdir()
        jsonl_dir.mkdir()
        t = time.perf_counter()
        build_sqlite(sqlite_dir, args.records)
        build_jsonl(jsonl_dir, args.records)
        print(f"built {args.records:,} + {args.records:,} records in {time.perf_counter() - t:.1f} s", flush=True)
        runs = {"empty": lambda: scenario("empty", None, args.runs),
                "sqlite": lambda: scenario("sqlite", sqlite_dir, args.runs),
                "sqlite-kept": lambda: scenario("sqlite-kept", sqlite_dir, args.runs,
                                                FACTDESK_RETENTION_ROWS=str(args.records * 2)),
                "jsonl": lambda: scenario("jsonl", jsonl_dir, args.runs),
                # One start kept running past the first pruning pass: memory while it deletes.
                "sqlite-prune": lambda: scenario("sqlite-prune", sqlite_dir, 1, linger=PRUNE_START_DELAY + 30)}
        results = [await runs[name]() for name in args.scenarios]
    for r in results:
        print(json.dumps(r))
    print("\n| scenario | history | start to first answer, median / max | peak RSS, max | rows after |")
    print("| --- | --- | --- | --- | --- |")
    for r in results:
        history = "none" if r["scenario"] == "empty" else f"{args.records:,} questions + {args.records:,} given"
        print(f"| {r['scenario']} | {history} | {r['median_s']:.2f} / {r['max_s']:.2f} s | {r['max_rss_mb']:.0f} MB "
              f"| {r['rows_after_run'][-1]:,} |")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--scenarios", nargs="+", default=["empty", "sqlite", "sqlite-kept", "jsonl"],
                        choices=["empty", "sqlite", "sqlite-kept", "jsonl", "sqlite-prune"])
    asyncio.run(main_async(parser.parse_args(argv)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
