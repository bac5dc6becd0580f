"""The state database: what it keeps, how long, its migration from JSON Lines, and a restart of
the real ``python bot.py`` that keeps /lang, follow-up context and corrections with no setting.
"""

from __future__ import annotations

import asyncio
import json
import shutil
import sqlite3
import time
from pathlib import Path

import pytest

from handlers.activity import ActivityLog, prune_all
from handlers.pipeline import Context, Pipeline
from handlers.settings import PROJECT_ROOT
from handlers.state.sqlite import FILE_NAME, SqliteStore
from handlers.state.store import QuestionRecord, Retention, UnreadableContext, decode_context, encode_context
from tests.botapi import FakeBotAPI
from tests.botapi import updates as U
from tests.botapi.html import parse_html
from tests.test_operations import START_TIMEOUT, assert_clean, bot_process

DATA_DIR = PROJECT_ROOT / "data"
DAY = 86400.0


@pytest.fixture
def store(tmp_path: Path) -> SqliteStore:
    s = SqliteStore.open(tmp_path)
    yield s
    s.close()


# --- the store --------------------------------------------------------------------------------------

def test_file_is_sqlite_in_wal_mode(store: SqliteStore) -> None:
    assert store.path.name == FILE_NAME
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_prefs_default_and_change(store: SqliteStore) -> None:
    assert store.get_prefs(1) == (None, True)
    store.set_lang(1, "ru", 10.0)
    store.set_corrections(1, False, 11.0)
    store.set_lang(1, None, 12.0)  # /lang auto keeps /corrections off
    store.commit()
    assert store.get_prefs(1) == (None, False)


def test_corrections_reach_chats_given_the_old_value_once(store: SqliteStore) -> None:
    now = 1_000 * DAY
    store.record_given(1, [("f1", 365), ("f2", 10)], now - 40 * DAY)  # too old for a correction
    store.record_given(2, [("f1", 365)], now - DAY)
    store.record_given(3, [("f1", 365)], now - DAY)
    store.record_given(4, [("f1", 370)], now - DAY)  # already told the new value
    store.set_corrections(3, False, now)
    store.commit()
    since = now - 30 * DAY
    assert store.corrections_due({"f1": 370}, since) == {2: [("f1", 365, 370)]}
    assert store.corrections_due({"f1": 370}, since) == {}  # announced once


def test_unanswered_and_stats_are_sql(store: SqliteStore) -> None:
    t = 1_700_000_000.0
    for i, (kind, q) in enumerate([("answer", None), ("fallback", "Who won?"), ("fallback", "who won"),
                                   ("suggest", "nk wrkers"), ("answer", None)]):
        store.record_question(QuestionRecord(t + i * DAY, 5, kind, "total" if kind == "answer" else None, 0.9,
                                             q, q.lower().strip("?") if q else None))
    store.commit()
    assert store.unanswered(10) == [("Who won?", 2), ("nk wrkers", 1)]
    s = store.stats(14)
    assert s["total"] == 5 and s["answered"] == 2 and s["share"] == 40.0 and s["intents"] == [("total", 2)]
    assert len(s["days"]) == 5 and s["days"][0][0] < s["days"][-1][0]


# --- follow-up context: serialised with a format version, unreadable rows dropped -------------------

def test_context_round_trips(pipeline: Pipeline) -> None:
    ctx = pipeline.answer("how many came by train in q3 2023").context
    assert isinstance(ctx, Context)
    back = decode_context(encode_context(ctx))
    assert back == ctx and isinstance(back, Context)


@pytest.mark.parametrize("body", [
    '{"format": 0, "ctx": {}}',  # another format
    "not json",
    '{"format": 1, "ctx": {"$cls": "handlers.pipeline:NoSuchClass"}}',  # a class renamed
    '{"format": 1, "ctx": {"$cls": "handlers.pipeline:Direction", "citizens": "kp"}}',  # a field missing
    '{"format": 1, "ctx": {"$cls": "os:system"}}',  # never outside handlers
])
def test_unreadable_context_is_refused(body: str) -> None:
    with pytest.raises(UnreadableContext):
        decode_context(body)


async def test_unreadable_stored_context_is_dropped(tmp_path: Path, pipeline: Pipeline) -> None:
    activity = ActivityLog.open(tmp_path)
    try:
        activity.save_context("t:1:1:None", pipeline.answer("q3 2023 total").context)
        activity.worker.write(lambda s: s.put_context("t:2:2:None", '{"format": 1, "ctx": {"$cls": "x:y"}}', time.time()))
        assert isinstance(await activity.context("t:1:1:None", 900), Context)
        assert await activity.context("t:2:2:None", 900) is None
        assert activity.worker.call(lambda s: s.get_context("t:2:2:None", 0)) is None  # deleted
    finally:
        activity.close()


async def test_a_chat_with_nothing_stored_is_answered_without_reading_the_store(tmp_path: Path, pipeline: Pipeline) -> None:
    """After a start, only chats the store holds a /lang choice or a fresh context for are read from
    it (a hop to the state thread); any other chat's first message waits for none."""
    from handlers.telegram.state import ChatState

    activity = ActivityLog.open(tmp_path)
    activity.set_lang(1, "ru")
    activity.set_lang(5, None)  # "auto" is no choice to read
    activity.save_context("t:2:2:None", pipeline.answer("q3 2023 total").context)
    activity.save_context("m:6:40", pipeline.answer("q2 2023 total").context)
    activity.close()
    activity = ActivityLog.open(tmp_path)
    try:
        reads: list[str] = []
        read = activity.worker.read

        async def counted(fn, *args):  # type: ignore[no-untyped-def]
            reads.append(fn.__name__)
            return await read(fn, *args)

        activity.worker.read = counted  # type: ignore[method-assign]
        st = ChatState(ttl=900, store=activity)
        assert await st.lang(1) == "ru" and await st.lang(3) is None and await st.lang(5) is None
        assert isinstance(await st.context((2, 2, None)), Context) and await st.context((3, 3, None)) is None
        assert isinstance(await st.message_context(6, 40), Context) and await st.message_context(3, 41) is None
        assert reads == ["_get_prefs", "_get_context", "_get_context"]  # chats 1, 2 and 6 only
        # Written by this process: known at once, and read back from the store by a fresh memory.
        st.set_lang(3, "ko")
        st.keep_context((3, 3, None), pipeline.answer("q1 2023 total").context)
        fresh = ChatState(ttl=900, store=activity)
        assert await fresh.lang(3) == "ko" and isinstance(await fresh.context((3, 3, None)), Context)
        assert reads[-2:] == ["_get_prefs", "_get_context"]
    finally:
        activity.close()


# --- retention ---------------------------------------------------------------------------------------

def test_retention_by_age_and_rows(store: SqliteStore) -> None:
    now = 1_000 * DAY
    for i in range(300):
        store.record_question(QuestionRecord(now - (299 - i) * 3600, 1, "answer", "total", 1.0))
        store.audit(time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime(now - (299 - i) * 3600)), 1, "x", "{}")
    store.record_given(1, [("old", 1)], now - 10 * DAY)
    store.record_given(1, [("new", 1)], now)
    store.put_context("t:old", "{}", now - 2000)
    store.put_context("t:new", "{}", now)
    store.commit()
    # 300 hourly questions: 5 days keeps 121; 100 rows keeps the newest 100.
    assert prune_all(store, Retention(max_age_s=5 * DAY, max_rows=100, context_ttl_s=900), now) > 0
    ids = [r[0] for r in store.db.execute("SELECT ts FROM questions ORDER BY ts")]
    assert len(ids) == 100 and ids[-1] == now
    assert store.db.execute("SELECT count(*) FROM audit").fetchone()[0] == 100
    assert [r[0] for r in store.db.execute("SELECT figure_id FROM given")] == ["new"]
    assert [r[0] for r in store.db.execute("SELECT key FROM contexts")] == ["t:new"]
    assert prune_all(store, Retention(max_age_s=5 * DAY, max_rows=100, context_ttl_s=900), now) == 0


def _old_questions(tmp_path: Path, n: int) -> None:
    """A backlog of ``n`` questions logged 200 days ago, written straight to the state database."""
    now = time.time()
    s = SqliteStore.open(tmp_path)
    s.begin()
    s.db.executemany("INSERT INTO questions (ts, chat_id, kind) VALUES (?, 1, 'answer')",
                     [(now - 200 * DAY + i,) for i in range(n)])
    s.commit()
    s.close()


def test_pruning_runs_in_batches_on_the_state_thread(tmp_path: Path) -> None:
    _old_questions(tmp_path, 12_000)
    activity = ActivityLog.open(tmp_path, Retention(max_age_s=90 * DAY, max_rows=100_000), prune_delay=0)
    try:
        # open() returns before pruning is done; the batches run behind it on the state thread.
        remaining = activity.worker.call(lambda st: st.db.execute("SELECT count(*) FROM questions").fetchone()[0])
        assert remaining <= 12_000
        wait_idle(activity)
        assert activity.worker.call(lambda st: st.db.execute("SELECT count(*) FROM questions").fetchone()[0]) == 0
    finally:
        activity.close()


def test_pruning_waits_until_start_up_is_over(tmp_path: Path) -> None:
    """A backlog is not deleted while the bot starts: the first pass comes ``prune_delay`` later
    (PRUNE_START_DELAY in the bot), on a timer, whether or not questions come."""
    _old_questions(tmp_path, 3_000)
    activity = ActivityLog.open(tmp_path, Retention(max_age_s=90 * DAY, max_rows=100_000), prune_delay=1.5)
    count = lambda st: st.db.execute("SELECT count(*) FROM questions").fetchone()[0]  # noqa: E731
    try:
        wait_idle(activity)
        activity.maybe_prune(time.time())  # a question recorded while starting: nothing pruned
        wait_idle(activity)
        assert activity.worker.call(count) == 3_000
        for _ in range(100):  # then the timer starts the first pass, with no question
            if activity.worker.call(count) == 0:
                break
            time.sleep(0.1)
        assert activity.worker.call(count) == 0
    finally:
        activity.close()


# --- migration from JSON Lines -------------------------------------------------------------------------

def test_json_lines_are_migrated_once(tmp_path: Path) -> None:
    now = time.time()
    lines = {
        "questions.jsonl": [{"ts": now, "intent": "total", "kind": "answer", "score": 1.0},
                            {"ts": now, "intent": None, "kind": "fallback", "score": 0.1, "question": "Who won?"}],
        "given.jsonl": [{"chat_id": 7, "figure_id": "kp-ru-2023q3", "value": 365, "ts": now}],
        "prefs.jsonl": [{"chat_id": 8, "corrections": "off", "ts": now}],
        "audit.jsonl": [{"ts": time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime(now)), "who": 1, "action": "/reload", "version": 2}],
    }
    for name, records in lines.items():
        (tmp_path / name).write_text("\n".join(json.dumps(r) for r in records) + "\n{torn", encoding="utf-8")
    for _ in range(2):  # the second open finds nothing left to import
        activity = ActivityLog.open(tmp_path)
        try:
            wait_idle(activity)
            assert asyncio.run(_read_all(activity)) == (
                [("Who won?", 1)], 2, {7: [("kp-ru-2023q3", 365, 370)]}, False)
        finally:
            activity.close()
        assert not list(tmp_path.glob("*.jsonl")) and len(list(tmp_path.glob("*.jsonl.migrated"))) == 4
        with sqlite3.connect(tmp_path / FILE_NAME) as db:
            assert db.execute("SELECT count(*) FROM audit").fetchone()[0] == 1
            db.execute("UPDATE given SET value = 365")  # so the second round can announce again


def wait_idle(activity: ActivityLog) -> None:
    """Until background jobs (import, pruning) are done: bounded, 10 s at most."""
    for _ in range(1000):
        if activity.worker.call(lambda s: activity.worker.idle):
            return
        time.sleep(0.01)
    raise AssertionError("state thread still busy after 10 s")


async def _read_all(activity: ActivityLog) -> tuple[object, ...]:
    return (await activity.unanswered(), (await activity.stats())["total"],
            await activity.corrections_due({"kp-ru-2023q3": (365, 370)}), await activity.corrections_on(8))


# --- a restart of the real process, default settings ----------------------------------------------------

TOKEN = "123456789:AAFakeTokenForFactDeskTests_0123456789"
ADMIN, TOLD, OPTED_OUT, RUSSIAN, FOLLOWER = 5550401, 5550402, 5550403, 5550404, 5550405


async def test_restart_keeps_lang_followups_and_corrections(tmp_path: Path) -> None:
    """No FACTDESK_STATE_DIR: the state lands under the data directory and survives a restart.
    After it, /lang still holds, a follow-up reuses the question asked before, and an admin's
    data change reaches the chat that was told the old figure (not the one that opted out)."""
    data = tmp_path / "data"
    data.mkdir()
    for f in DATA_DIR.glob("*.csv"):
        shutil.copy(f, data / f.name)
    env = {"FACTDESK_DATA_DIR": str(data), "FACTDESK_STATE_DIR": "", "BOT_ADMIN_IDS": str(ADMIN)}
    log = tmp_path / "bot.log"

    def to(chat: int) -> object:
        return lambda c: int(c.params["chat_id"]) == chat and c.ok

    async with FakeBotAPI(token=TOKEN) as api:
        async def ask(text: str, chat: int) -> str:
            mark = api.mark()
            api.push_update(U.private_text(text, user_id=chat))
            [call] = (await api.wait_for("sendMessage", to(chat), timeout=15, since=mark))[:1]
            return parse_html(call.params["text"]).text

        with bot_process(log, api.base_url, **env) as bot:
            await api.wait_for("getUpdates", timeout=START_TIMEOUT)
            assert "365" in await ask("how many north koreans entered russia in q3 2023", TOLD)
            assert "365" in await ask("how many north koreans entered russia in q3 2023", OPTED_OUT)
            await ask("/corrections off", OPTED_OUT)
            await ask("/lang ru", RUSSIAN)
            assert "134" in await ask("how many came by train in q3 2023", FOLLOWER)
            assert await bot.stop() == 0
        assert (data / ".factdesk" / FILE_NAME).is_file()

        with bot_process(log, api.base_url, **env) as bot:
            await api.wait_for("getUpdates", timeout=START_TIMEOUT, since=api.mark())
            assert "III квартал 2023 г." in await ask("How many North Koreans entered Russia in Q3 2023?", RUSSIAN)
            followup = await ask("what about by air?", FOLLOWER)
            assert "213" in followup and "by air" in followup
            # After the restart the admin changes Q3 2023 (365 -> 370) on disk and applies it.
            figures = (data / "figures.csv").read_text(encoding="utf-8")
            line = next(x for x in figures.splitlines() if x.startswith("kp-ru-2023q3,"))
            (data / "figures.csv").write_text(figures.replace(line, line.replace(",365,", ",370,")), encoding="utf-8")
            mark = api.mark()
            api.push_update(U.private_text("/reload", user_id=ADMIN))
            [correction] = await api.wait_for(
                "sendMessage", lambda c: c.params.get("text", "").startswith("<b>Correction</b>"), since=mark)
            assert int(correction.params["chat_id"]) == TOLD and "365 → 370" in parse_html(correction.params["text"]).text
            await api.wait_for("sendMessage", to(ADMIN), since=mark)
            await asyncio.sleep(0.5)
            assert not [c for c in api.calls[mark:] if c.method == "sendMessage"
                        and int(c.params["chat_id"]) == OPTED_OUT]
            assert await bot.stop() == 0
    assert_clean(log.read_text())
