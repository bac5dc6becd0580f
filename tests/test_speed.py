"""The cheap paths of issue 15 keep answers, contexts and logs exactly what they were.

Speed itself is measured by tests/bench/benchmark.py, never asserted here; these tests check
that the answer cache, the inline/threaded choice, the start-up warm-up and the queued logging
change nothing a user or an operator sees.
"""

from __future__ import annotations

import asyncio
import dataclasses
import gc
import json
import logging
import threading
import time
from pathlib import Path

import pytest

from handlers.answering import Answerer
from handlers.pipeline import Answer, Pipeline
from handlers.queries import _PARSED, load_queries
from handlers.resources import Resources
from handlers.settings import Settings
from handlers.warmup import BASIC_QUESTIONS, compile_templates, settle, unsettle, warm
from tests.conftest import data_files, make_pipeline

QUESTION = "How many North Koreans entered Russia in Q3 2023?"


def test_a_cached_answer_is_the_same_answer_with_a_fresh_context(pipeline: Pipeline) -> None:
    answerer = Answerer()
    first = asyncio.run(answerer.answer(pipeline, QUESTION, None, None, None))
    time.sleep(0.01)
    second = asyncio.run(answerer.answer(pipeline, QUESTION, None, None, None))
    assert answerer.hits == 1
    assert second.html == first.html == pipeline.answer(QUESTION).html
    assert second.figure_ids == first.figure_ids and second.traces == first.traces
    # The follow-up window counts from when the answer was given, not when it was computed.
    assert first.context is not None and second.context is not None
    assert second.context.created > first.context.created
    assert second.context.intent == first.context.intent and second.context.direction == first.context.direction


def test_no_cache_with_a_follow_up_context_and_none_across_languages(pipeline: Pipeline) -> None:
    answerer = Answerer()
    base = asyncio.run(answerer.answer(pipeline, QUESTION, None, None, None))
    follow = asyncio.run(answerer.answer(pipeline, "and in Q2?", base.context, None, None))
    again = asyncio.run(answerer.answer(pipeline, "and in Q2?", base.context, None, None))
    assert answerer.hits == 0 and again.html == follow.html
    assert "2023" in follow.html and follow.html != base.html
    ru = asyncio.run(answerer.answer(pipeline, QUESTION, None, "ru", None))
    assert answerer.hits == 0 and ru.html != base.html  # the chat's /lang choice is part of the key


def test_slow_answers_go_to_a_worker_thread_and_fast_ones_stay_on_the_loop(pipeline: Pipeline) -> None:
    seen: list[str] = []

    class Spy(Pipeline):
        def answer(self, *args, **kwargs):  # type: ignore[no-untyped-def]
            seen.append(threading.current_thread().name)
            return super().answer(*args, **kwargs)

    spy = Spy.__new__(Spy)
    spy.__dict__.update(pipeline.__dict__)
    fast = Answerer(budget_s=10.0)
    asyncio.run(fast.answer(spy, QUESTION, None, None, None))
    slow = Answerer(budget_s=0.0)
    slow.expected_s = 1.0  # as if recent answers had taken a second
    asyncio.run(slow.answer(spy, "How many Russians went to North Korea in 2023?", None, None, None))
    assert seen[0] == threading.main_thread().name and seen[1] != threading.main_thread().name
    assert (fast.inline, fast.threaded, slow.inline, slow.threaded) == (1, 0, 0, 1)


def test_the_cache_does_not_keep_an_old_data_version_alive() -> None:
    answerer = Answerer()
    old = make_pipeline(data_files())
    asyncio.run(answerer.answer(old, QUESTION, None, None, None))
    assert len(answerer._caches) == 1
    del old
    gc.collect()
    assert len(answerer._caches) == 0


def test_warm_up_parses_every_query_and_compiles_every_template(tmp_path: Path) -> None:
    res = Resources.build(Settings.from_env({"FACTDESK_DATA_DIR": str(Path("data").resolve())}))
    done = warm(res)
    queries = load_queries()
    assert done["queries"] == len(queries) and all(sql in _PARSED for sql in queries.values())
    templates = sum(1 for lang, env in res.renderer.envs.items()
                    for name in env.list_templates(extensions=["j2"]) if name.startswith(f"{lang}/"))
    assert done["templates"] == templates > 100
    # Compiled: jinja's cache holds every one of them, so no answer compiles a template again.
    assert sum(len(env.cache or {}) for env in res.renderer.envs.values()) >= templates
    assert compile_templates(res) == templates
    # The examples, then (small data) the data's basic questions: each direction and period it has.
    basic = res.pipeline.basic_questions(BASIC_QUESTIONS)
    examples = res.pipeline.examples()
    assert done["examples"] == len(examples + [q for q in basic if q not in examples]) > len(examples) > 0
    assert {q.split(" in ")[-1].rstrip("?") for q in basic} >= {"Q3 2023", "2022"}
    assert any("Russians entered North Korea" in q for q in basic) and any("North Koreans entered Russia" in q for q in basic)
    # Their queries ran at warm-up: asking them again runs none (every result is in the cache).
    cached = len(res.pipeline.snapshot.query_cache)
    for q in basic:
        res.pipeline.answer(q)
    assert len(res.pipeline.snapshot.query_cache) == cached
    # Every figure is in memory too (the material is small): an answer looks none up.
    assert done["figures"] == res.pipeline.snapshot.figure_count == len(res.pipeline.snapshot._figure_cache) > 0


def test_settle_freezes_what_start_up_built_and_unsettle_gives_it_back() -> None:
    try:
        frozen = settle()
        assert frozen == gc.get_freeze_count() > 10_000  # modules, data, analysers: thousands of objects
    finally:
        unsettle()
    assert gc.get_freeze_count() == 0


def test_queued_log_lines_keep_message_traceback_and_redaction(tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    import subprocess
    import sys

    token = "123456789:AAQueuedLoggingSecretToken_abcdefghij"
    script = (
        "import logging\n"
        "from handlers.settings import Settings\n"
        "from handlers.telegram.setup import setup_logging\n"
        f"setup_logging(Settings.from_env({{'TELEGRAM_BOT_TOKEN': {token!r}, 'FACTDESK_LOG_JSON': 'true'}}))\n"
        "log = logging.getLogger('probe')\n"
        "log.info('answered chat=%s', 42, extra={'intent': 'total'})\n"
        "try:\n"
        f"    raise RuntimeError('boom with ' + {token!r})\n"
        "except RuntimeError:\n"
        "    log.exception('failed for %s', 'someone')\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60,
                         cwd=Path(__file__).resolve().parent.parent)
    assert out.returncode == 0, out.stderr
    lines = [json.loads(line) for line in out.stderr.splitlines() if line.startswith("{")]
    assert [e["msg"] for e in lines] == ["answered chat=42", "failed for someone"]
    assert lines[0]["intent"] == "total" and lines[0]["level"] == "INFO"
    assert "RuntimeError" in lines[1]["exc"] and token.split(":")[1] not in out.stderr


def test_queued_logging_still_reaches_handlers_added_later(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO):
        logging.getLogger("probe").info("seen by %s", "pytest")
    assert "seen by pytest" in caplog.text


# --- the answer cache gives exactly the pipeline's answers (FACTDESK_ANSWER_CACHE on and off) ----------

EVAL = Path(__file__).resolve().parent / "eval"


def _view(answer: Answer) -> tuple[object, ...]:
    """What a user and the next turn see of an answer: text, kind, figures, language, buttons'
    inputs, and the follow-up context it leaves (its time stamp aside)."""
    ctx = answer.context
    return (answer.question, answer.html, answer.kind, answer.intent, answer.figure_ids, answer.lang,
            answer.suggestions, answer.stated, [(t.name, t.params) for t in answer.traces],
            None if ctx is None else dataclasses.replace(ctx, created=0.0))


def _conversations() -> list[list[str]]:
    """Every dialogue of tests/eval/dialogues.jsonl, then the main English question set asked in one
    conversation (each question under the previous answer's context, as the benchmark asks), then
    the same set asked again alone and again with whitespace and quotes changed (the cache's key is
    the normalised text)."""
    dialogues = [[t["q"] for t in json.loads(line)["turns"]]
                 for line in (EVAL / "dialogues.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    questions = [json.loads(line)["q"] for line in (EVAL / "questions_en.jsonl").read_text(encoding="utf-8").splitlines()
                 if line.strip()]
    variants = ["  " + q.replace(" ", "  ").replace("'", "\u2019") + " " for q in questions]
    return dialogues + [questions] + [[q] for q in questions] + [questions[::-1]] + [[q] for q in variants]


def _answer_all(pipeline: Pipeline, answerer: Answerer) -> list[tuple[object, ...]]:
    out = []
    for turns in _conversations():
        previous = None
        for q in turns:
            answer = asyncio.run(answerer.answer(pipeline, q, previous, None, None))
            out.append(_view(answer))
            # As the Telegram front keeps it: an answer without a context leaves the last one.
            previous = answer.context if answer.context is not None else previous
    return out


def test_the_answer_cache_changes_no_answer_of_any_dialogue_or_question(pipeline: Pipeline) -> None:
    off = Answerer(cache_size=0)
    on = Answerer()
    without = _answer_all(pipeline, off)
    with_cache = _answer_all(pipeline, on)
    assert off.hits == 0 and on.hits > 300 and on.context_hits > 100  # the cache was used, under contexts too
    diffs = [(a[0], a[1][:80], b[1][:80]) for a, b in zip(without, with_cache) if a != b]
    assert diffs == []
    assert len(without) == len(with_cache)


def test_answer_cache_size_is_a_setting_and_0_turns_it_off(pipeline: Pipeline) -> None:
    from handlers.settings import SettingsError

    assert Settings.from_env({}).answer_cache == 2048
    assert Settings.from_env({"FACTDESK_ANSWER_CACHE": "0"}).answer_cache == 0
    with pytest.raises(SettingsError, match="FACTDESK_ANSWER_CACHE"):
        Settings.from_env({"FACTDESK_ANSWER_CACHE": "-1"})
    off = Answerer(cache_size=0)
    for _ in range(2):
        asyncio.run(off.answer(pipeline, QUESTION, None, None, None))
    assert off.hits == 0 and not off._caches
