"""The admin attack suite, end to end over HTTP against the loopback Bot API (see README, "Admin
attack suite"): hostile uploads, concurrent confirms, forged callbacks, admin commands in groups,
read-only directories, bad command arguments, and the original data kept as version 1.

Every Bot API call the bot makes here is checked against Telegram's spec by
../shared/apispec/check.py when the bot stops.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from pathlib import Path

import pytest

from handlers import preflight
from handlers.settings import PROJECT_ROOT, Settings
from handlers.store import QUOTE_CHARS, TABLES, DataLoadError, build_snapshot, read_dir
from handlers.telegram.admin import UPLOAD_MAX_BYTES, UPLOAD_MAX_ROWS
from handlers.versions import VersionStore
from tests.apispec import check_calls_against_spec
from tests.attacks import ATTACKS, Attack
from tests.botapi import FakeBotAPI
from tests.botapi import updates as U
from tests.botapi.server import Call
from tests.conftest import DATA_DIR
from tests.test_admin import ask, copy_data, press, upload
from tests.test_telegram import ADMIN, TOKEN, Harness, running_bot, settings_for, text_of

ADMIN2 = 777002
REPORTER = 5550300
GROUP = U.DEFAULT_GROUP_ID


@asynccontextmanager
async def admin_bot(tmp: Path, state: bool = True, **env: str) -> AsyncIterator[Harness]:
    """The real bot over HTTP on a copy of the data, two admins, spec-checked at the end."""
    data = copy_data(tmp) if not (tmp / "data").exists() else tmp / "data"
    extra = {"FACTDESK_DATA_DIR": str(data), "BOT_ADMIN_IDS": f"{ADMIN},{ADMIN2}"}
    if state:
        extra["FACTDESK_STATE_DIR"] = str(tmp / "state")
    async with FakeBotAPI(token=TOKEN, bot_username="FactDeskTestBot") as api:
        async with running_bot(api, settings_for(api, **extra, **env)) as harness:
            yield harness
        check_calls_against_spec(api.calls, tmp)


@pytest.fixture
async def hb(tmp_path: Path) -> AsyncIterator[Harness]:
    async with admin_bot(tmp_path) as harness:
        yield harness


def sent_to(h: Harness, chat_id: int, since: int = 0, method: str = "sendMessage") -> list[Call]:
    return [c for c in h.api.calls[since:] if c.method == method and c.ok and int(c.params.get("chat_id", 0)) == chat_id]


async def settle(h: Harness, seconds: float = 0.4) -> None:
    """Let any stray replies arrive before counting messages."""
    await asyncio.sleep(seconds)


# --- hostile uploads: the validator (fast, one test each) --------------------------------------------

@pytest.mark.parametrize("attack", ATTACKS, ids=[a.name for a in ATTACKS])
def test_hostile_file_is_refused_with_its_location(attack: Attack) -> None:
    files = {**read_dir(DATA_DIR), attack.table: attack.content}
    with pytest.raises(DataLoadError) as exc:
        build_snapshot(files, None, {attack.table: (UPLOAD_MAX_BYTES, UPLOAD_MAX_ROWS)})
    message = str(exc.value)
    for expected in attack.expect:
        assert expected in message, f"{attack.name}: {expected!r} not in {message[:800]}"
    assert f"{attack.table}.csv line " in message
    for problem in exc.value.errors[:20]:
        for quoted in re.findall(r"'(?:[^'\\]|\\.)*'", problem.message):
            if quoted.strip("'") == ",".join(TABLES[attack.table].header):
                continue  # the header the file must have, not a value from the file
            assert len(quoted) <= QUOTE_CHARS + 1, (attack.name, problem.message[:200])
        assert len(str(problem)) < 600, (attack.name, str(problem)[:200])


def test_the_suite_has_at_least_80_hostile_uploads() -> None:
    assert len(ATTACKS) >= 80
    assert len({a.name for a in ATTACKS}) == len(ATTACKS)


# --- hostile uploads: every one over HTTP, then the data is unchanged ---------------------------------

async def test_every_hostile_upload_gets_one_bounded_refusal_and_nothing_changes(tmp_path: Path) -> None:
    async with admin_bot(tmp_path) as h:
        data = tmp_path / "data"
        before_disk = read_dir(data)
        version = h.app.bot_data["resources"].pipeline.snapshot.version
        start = h.api.mark()
        documents = 0
        for attack in ATTACKS:
            mark = h.api.mark()
            fid, fuid = h.api.register_file(attack.content, f"{attack.table}.csv")
            h.api.push_update(U.document_message(fid, fuid, f"{attack.table}.csv", "text/csv", len(attack.content),
                                                 user_id=ADMIN))
            [reply] = await h.api.wait_for("sendMessage", lambda c: int(c.params.get("chat_id", 0)) == ADMIN,
                                           since=mark, timeout=20)
            text = text_of(reply)
            assert reply.ok and "was not applied" in text and f"keeps serving v{version}" in text, (attack.name, text[:500])
            for expected in attack.expect:
                assert expected in text, f"{attack.name}: {expected!r} not in {text[:800]}"
            bullets = [line for line in text.splitlines() if line.startswith("•")]
            assert 1 <= len(bullets) <= 20, attack.name
            if "in the attached file" in text:
                [doc] = await h.api.wait_for("sendDocument", since=mark, timeout=20)
                report = h.api.file_bytes(doc.result["document"]["file_id"]).decode()
                assert report.splitlines()[0].endswith("problem(s)") and len(report.splitlines()) > 20, attack.name
                documents += 1
        await settle(h)
        replies = sent_to(h, ADMIN, start)
        assert len(replies) == len(ATTACKS), "one message per refused upload, never a flood"
        assert all(len(c.params["text"]) <= 4096 for c in replies)
        assert documents == len(sent_to(h, ADMIN, start, "sendDocument")) >= 1
        assert "365" in await ask(h, "q3 2023 total")
        assert h.app.bot_data["resources"].pipeline.snapshot.version == version
        assert read_dir(data) == before_disk
        assert [v.number for v in VersionStore(data).history()] == [1]


async def test_a_long_report_is_one_message_and_the_whole_list_as_a_file(hb: Harness) -> None:
    attack = next(a for a in ATTACKS if a.name == "size: 20,000 bad rows")
    mark = hb.api.mark()
    call = await upload(hb, attack.content)
    text = text_of(call)
    assert "20000 problem(s)" in text and "and 19980 more (all of them are in the attached file)" in text
    assert len([line for line in text.splitlines() if line.startswith("•")]) == 20
    [doc] = await hb.api.wait_for("sendDocument", since=mark)
    assert doc.params["document"].filename == "problems-figures.txt"
    report = hb.api.file_bytes(doc.result["document"]["file_id"]).decode()
    lines = report.splitlines()
    assert lines[0] == "20000 problem(s)" and lines[1].startswith("figures.csv line 2, column 'value'")
    assert lines[-1] == "... and 18000 more not listed"  # 2,000 kept, the rest counted


def test_validating_a_10_mb_hostile_file_stays_under_200_mb(tmp_path: Path) -> None:
    """Peak memory (VmHWM) of a fresh process validating each 10 MB-class hostile file."""
    script = r"""
import sys
from handlers.store import build_snapshot, read_dir, DataLoadError
from tests.attacks import ATTACKS
from tests.conftest import DATA_DIR
attack = next(a for a in ATTACKS if a.name == sys.argv[1])
try:
    build_snapshot({**read_dir(DATA_DIR), attack.table: attack.content}, None, {attack.table: (10485760, 50000)})
except DataLoadError as exc:
    print(exc.total)
print([l for l in open("/proc/self/status") if l.startswith("VmHWM")][0].split()[1])
"""
    for name in ["size: 10 MB, 8 bad cells in each of 50,000 rows", "size: 10 MB header of 5,000,001 fields", "size: eight 120,000-character cells",
                 "size: 20,000 bad rows", "size: 1,200,000-character data line", "size: 100,002 fields in a data line"]:
        done = subprocess.run([sys.executable, "-c", script, name], capture_output=True, text=True, cwd=PROJECT_ROOT,
                              timeout=120)
        assert done.returncode == 0, done.stderr[-2000:]
        peak_kb = int(done.stdout.split()[-1])
        assert peak_kb < 200 * 1024, f"{name}: peak {peak_kb / 1024:.0f} MB"


async def test_a_hostile_file_name_is_shown_clean_and_escaped(hb: Harness) -> None:
    name = "<b>figures</b>\u202e\x07" + "x" * 200 + ".csv"
    call = await upload(hb, edited({"kp-ru-2023q3": "366"}), name=name)
    text = text_of(call)
    assert call.ok and "<b>figures</b>" in text and "\u202e" not in text and "\x07" not in text
    assert "is valid and would replace figures.csv" in text and len(text.split(" is valid")[0]) <= 64


# --- the same validator on disk: /reload, cold start, bot.py check -------------------------------------

def _on_disk(tmp: Path, attack_name: str) -> tuple[Path, Attack]:
    data = copy_data(tmp)
    attack = next(a for a in ATTACKS if a.name == attack_name)
    (data / f"{attack.table}.csv").write_bytes(attack.content)
    return data, attack


@pytest.mark.parametrize("name", ["count: 2^63", "count: full-width digits", "sources: three-source cycle",
                                  "meta: report_date not a date", "encoding: Latin-1 byte"])
def test_bot_py_check_names_file_line_and_column_and_exits_3(tmp_path: Path, name: str) -> None:
    data, attack = _on_disk(tmp_path, name)
    done = subprocess.run([sys.executable, "bot.py", "check"], capture_output=True, text=True, cwd=PROJECT_ROOT,
                          env={**os.environ, "TELEGRAM_BOT_TOKEN": TOKEN, "FACTDESK_DATA_DIR": str(data)}, timeout=60)
    assert done.returncode == preflight.BAD_DATA, done.stderr
    assert "Traceback" not in done.stderr + done.stdout
    assert attack.expect[0] in done.stderr, done.stderr


def test_cold_start_of_the_bot_refuses_bad_data_without_a_traceback(tmp_path: Path) -> None:
    data, attack = _on_disk(tmp_path, "count: 2^63")
    done = subprocess.run([sys.executable, "bot.py", "ask", "q3 2023 total"], capture_output=True, text=True,
                          cwd=PROJECT_ROOT, env={**os.environ, "FACTDESK_DATA_DIR": str(data)}, timeout=60)
    assert done.returncode == 3 and "Traceback" not in done.stderr and attack.expect[0] in done.stderr


async def test_reload_of_hostile_files_on_disk_is_refused_and_keeps_serving(hb: Harness, tmp_path: Path) -> None:
    data = tmp_path / "data"
    for name in ["count: 2^63", "id: right-to-left override in id", "sources: derived from itself",
                 "size: 10 MB header of 5,000,001 fields"]:
        attack = next(a for a in ATTACKS if a.name == name)
        original = (data / f"{attack.table}.csv").read_bytes()
        (data / f"{attack.table}.csv").write_bytes(attack.content)
        [call] = await hb.send(U.private_text("/reload", user_id=ADMIN), chat_id=ADMIN)
        text = text_of(call)
        assert "Not applied" in text and attack.expect[0] in text, (name, text[:400])
        (data / f"{attack.table}.csv").write_bytes(original)
    assert "365" in await ask(hb, "q3 2023 total")


async def test_the_real_bot_refuses_a_10_mb_hostile_upload_under_flood_control_and_stops_on_sigterm(
        tmp_path: Path) -> None:
    """``python bot.py`` as deployed: the 400,000-problem upload meets 429s, gets one message and
    one file, and one SIGTERM stops the bot well inside systemd's TimeoutStopSec=60."""
    from tests.test_operations import START_TIMEOUT, bot_process

    data = copy_data(tmp_path)
    attack = next(a for a in ATTACKS if a.name.startswith("size: 10 MB, 8 bad cells"))
    async with FakeBotAPI(token=TOKEN) as api:
        with bot_process(tmp_path / "bot.log", api.base_url, FACTDESK_DATA_DIR=str(data),
                         BOT_ADMIN_IDS=str(ADMIN), FACTDESK_STATE_DIR=str(tmp_path / "state")) as bot:
            await api.wait_for("getUpdates", timeout=START_TIMEOUT)
            api.fail_next("sendMessage", status=429, retry_after=1, times=2)
            fid, fuid = api.register_file(attack.content, "figures.csv")
            api.push_update(U.document_message(fid, fuid, "figures.csv", "text/csv", len(attack.content), user_id=ADMIN))
            [refusal] = await api.wait_for("sendMessage", lambda c: c.ok, timeout=60)
            await api.wait_for("sendDocument", lambda c: c.ok, timeout=30)
            status = Path(f"/proc/{bot.proc.pid}/status").read_text()
            peak_kb = int(next(line for line in status.splitlines() if line.startswith("VmHWM")).split()[1])
            print(f"bot process peak after the 10 MB hostile upload: {peak_kb / 1024:.0f} MB")
            assert peak_kb < 200 * 1024, f"the bot process peaked at {peak_kb / 1024:.0f} MB"
            assert await bot.stop(timeout=60) == 0
        sent = [c for c in api.calls if c.method in ("sendMessage", "sendDocument") and c.ok]
        assert len(sent) == 2 and "400000 problem(s)" in text_of(refusal)
        check_calls_against_spec(api.calls, tmp_path)
    assert "Traceback" not in bot.log


async def test_the_real_bot_refuses_to_start_on_a_count_past_bigint(tmp_path: Path) -> None:
    from tests.test_operations import bot_process

    data, attack = _on_disk(tmp_path, "count: 2^63")
    async with FakeBotAPI(token=TOKEN) as api:
        with bot_process(tmp_path / "bot.log", api.base_url, FACTDESK_DATA_DIR=str(data)) as bot:
            code = await asyncio.to_thread(bot.proc.wait, 30)
    assert code == 3 and attack.expect[0] in bot.log and "Traceback" not in bot.log


# --- serialised changes: two admins confirming at once ----------------------------------------------

def edited(changes: dict[str, str]) -> bytes:
    """figures.csv with the values of some figures changed: {figure_id: new value}."""
    content = (DATA_DIR / "figures.csv").read_bytes()
    for figure, value in changes.items():
        content, _ = with_cell_bytes(content, figure, value)
    return content


def with_cell_bytes(content: bytes, figure: str, value: str) -> tuple[bytes, None]:
    lines = content.decode().splitlines()
    for i, line in enumerate(lines):
        cells = line.split(",")
        if cells[0] == figure:
            cells[6] = value
            lines[i] = ",".join(cells)
    return ("\n".join(lines) + "\n").encode(), None


async def confirm_together(h: Harness, previews: list[tuple[Call, int]]) -> int:
    """Press several Confirm buttons at the same moment; return the mark before."""
    mark = h.api.mark()
    for preview, user in previews:
        buttons = {b["text"]: b["callback_data"] for row in preview.params["reply_markup"]["inline_keyboard"] for b in row}
        h.api.push_update(U.callback_query(buttons["Confirm"], preview.result, user_id=user))
    return mark


async def test_two_admins_confirming_different_rows_at_once_keep_both_changes(hb: Harness, tmp_path: Path) -> None:
    await ask(hb, "how many north koreans entered russia in q3 2023", chat=REPORTER)
    a = await upload(hb, edited({"kp-ru-2023q3": "366"}), user_id=ADMIN)
    b = await upload(hb, edited({"kp-ru-2023q2": "214"}), user_id=ADMIN2)
    assert "365 → 366" in text_of(a) and "213 → 214" in text_of(b) and "365 →" not in text_of(b)
    mark = await confirm_together(hb, [(a, ADMIN), (b, ADMIN2)])
    done = await hb.api.wait_for("sendMessage", lambda c: "Data updated" in c.params.get("text", ""), since=mark,
                                 count=2, timeout=15)
    assert any("merged" in text_of(c) or "in other rows" in text_of(c) for c in done)
    assert "366" in await ask(hb, "q3 2023 total") and "214" in await ask(hb, "q2 2023 total")
    # The reporter told 365 got exactly one correction, to 366, and never one back to 365.
    corrections = [text_of(c) for c in sent_to(hb, REPORTER, mark) if text_of(c).startswith("Correction")]
    assert len(corrections) == 1 and "365 → 366" in corrections[0]
    figures = (tmp_path / "data" / "figures.csv").read_text()
    assert ",366,donga" in figures and ",214,donga" in figures
    history = VersionStore(tmp_path / "data").history()
    assert [v.number for v in history] == [1, 2, 3]


async def test_two_confirms_of_the_same_row_never_revert_each_other(hb: Harness) -> None:
    a = await upload(hb, edited({"kp-ru-2023q3": "366"}), user_id=ADMIN)
    b = await upload(hb, edited({"kp-ru-2023q3": "367"}), user_id=ADMIN2)
    mark = await confirm_together(hb, [(a, ADMIN), (b, ADMIN2)])
    [applied] = await hb.api.wait_for("sendMessage", lambda c: "Data updated" in c.params.get("text", ""), since=mark)
    [again] = await hb.api.wait_for("sendMessage", lambda c: "The data changed" in c.params.get("text", ""), since=mark)
    await settle(hb)
    assert len([c for c in hb.api.calls[mark:] if "Data updated" in c.params.get("text", "")]) == 1
    winner = "366" if int(applied.params["chat_id"]) == ADMIN else "367"
    loser = "367" if winner == "366" else "366"
    assert winner in await ask(hb, "q3 2023 total")
    # The new preview shows the change against what is served now, with fresh buttons.
    assert f"{winner} → {loser}" in text_of(again) and again.params.get("reply_markup")
    user = ADMIN if int(again.params["chat_id"]) == ADMIN else ADMIN2
    mark = hb.api.mark()
    await press(hb, again, "Confirm", user_id=user)
    await hb.api.wait_for("sendMessage", lambda c: "Data updated" in c.params.get("text", ""), since=mark)
    assert loser in await ask(hb, "q3 2023 total")


async def test_a_reload_between_preview_and_confirm_is_not_undone(hb: Harness, tmp_path: Path) -> None:
    data = tmp_path / "data"
    preview = await upload(hb, edited({"kp-ru-2023q2": "214"}))
    (data / "figures.csv").write_bytes(edited({"kp-ru-2023q3": "367"}))
    [reloaded] = await hb.send(U.private_text("/reload", user_id=ADMIN), chat_id=ADMIN)
    assert "Data updated" in text_of(reloaded)
    mark = hb.api.mark()
    await press(hb, preview, "Confirm")
    await hb.api.wait_for("sendMessage", lambda c: "Data updated" in c.params.get("text", ""), since=mark)
    assert "367" in await ask(hb, "q3 2023 total") and "214" in await ask(hb, "q2 2023 total")


def test_merge_applies_only_the_uploads_own_rows_and_refuses_shared_ones() -> None:
    from handlers.admin_ops import merge_table
    from handlers.store import TABLES

    spec = TABLES["synonyms"]  # a five-column composite key
    base = (DATA_DIR / "synonyms.csv").read_bytes()
    lines = base.decode().splitlines()
    theirs = "\n".join(lines + ["country,russia,rossiya,place,en"]) + "\n"  # another admin added a row
    mine = "\n".join([lines[0]] + lines[2:] + ["country,china,zhongguo,place,en"]) + "\n"  # removed one, added one
    merged = merge_table(spec, base, theirs.encode(), mine.encode())
    assert merged is not None
    text = merged.decode()
    assert "rossiya" in text and "zhongguo" in text and lines[1] not in text.splitlines()
    assert build_snapshot({**read_dir(DATA_DIR), "synonyms": merged}).counts()["synonyms"] == len(lines) - 1 - 1 + 2
    # Both touched the same row (by key): no merge, the admin must see a new preview.
    clash = "\n".join(lines + ["country,china,zhongguo,place,en"]) + "\n"
    assert merge_table(spec, base, clash.encode(), mine.encode()) is None


async def test_a_version_written_by_another_process_is_never_reverted(hb: Harness, tmp_path: Path) -> None:
    """Another replica sharing the data directory commits v2 while this bot still serves v1."""
    data = tmp_path / "data"
    preview = await upload(hb, edited({"kp-ru-2023q2": "214"}))
    VersionStore(data).commit({**read_dir(data), "figures": edited({"kp-ru-2023q3": "367"})}, "replica-2",
                              "upload on another replica", expected=1)
    mark = hb.api.mark()
    await press(hb, preview, "Confirm")
    [refused] = await hb.api.wait_for("sendMessage", lambda c: "another bot process" in c.params.get("text", ""),
                                      since=mark)
    assert "v2" in text_of(refused) and "still pending" not in text_of(refused)
    assert VersionStore(data).current_number() == 2 and b",367," in (data / "figures.csv").read_bytes()
    [reloaded] = await hb.send(U.private_text("/reload", user_id=ADMIN), chat_id=ADMIN)
    assert "365 → 367" in text_of(reloaded)
    mark = hb.api.mark()
    await press(hb, preview, "Confirm")
    await hb.api.wait_for("sendMessage", lambda c: "Data updated" in c.params.get("text", ""), since=mark)
    assert "367" in await ask(hb, "q3 2023 total") and "214" in await ask(hb, "q2 2023 total")


def test_two_processes_committing_at_once_never_lose_or_tear_a_version(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    VersionStore(data).record_original(read_dir(data))
    script = r"""
import sys
from pathlib import Path
from handlers.store import read_dir
from handlers.versions import VersionStore
data = Path(sys.argv[1])
store = VersionStore(data)
for i in range(15):
    files = read_dir(data)
    store.commit({**files, "figures": files["figures"] + f"x-{sys.argv[2]}-{i},north_korea,russia,2019,total,all,1,donga,\n".encode()},
                 sys.argv[2], f"{i}")
"""
    procs = [subprocess.Popen([sys.executable, "-c", script, str(data), who], cwd=PROJECT_ROOT) for who in ("1", "2")]
    assert [p.wait(timeout=120) for p in procs] == [0, 0]
    store = VersionStore(data)
    history = store.history()
    assert [v.number for v in history] == list(range(1, 32))  # 1 + 2 x 15, none lost or doubled
    assert all(v.parent == v.number - 1 for v in history[1:])  # each built on the one before it
    assert store.files_of(store.current_number()) == read_dir(data)


async def test_pressing_confirm_twice_applies_once(hb: Harness) -> None:
    preview = await upload(hb, edited({"kp-ru-2023q3": "366"}))
    mark = await confirm_together(hb, [(preview, ADMIN), (preview, ADMIN)])
    await hb.api.wait_for("sendMessage", lambda c: "Data updated" in c.params.get("text", ""), since=mark)
    await settle(hb, 0.8)
    assert len([c for c in hb.api.calls[mark:] if "Data updated" in c.params.get("text", "")]) == 1
    assert [v.number for v in VersionStore(Path(hb.app.bot_data["settings"].data_dir)).history()] == [1, 2]


# --- forged callbacks -------------------------------------------------------------------------------

async def test_forged_and_foreign_callbacks_change_nothing(hb: Harness) -> None:
    preview = await upload(hb, edited({"kp-ru-2023q3": "999"}))
    token = preview.params["reply_markup"]["inline_keyboard"][0][0]["callback_data"].split(":", 1)[1]
    forged = [(f"apply:{token}", REPORTER), (f"apply:{token}", ADMIN2), (f"cancel:{token}", ADMIN2),
              ("apply:AAAAAAAAAAA", ADMIN), ("apply:", ADMIN), (f"apply:{token}x", ADMIN),
              ("apply:" + "A" * 58, ADMIN), (f"cancel:{token}", REPORTER)]
    for data, user in forged:
        [ack] = await hb.send(U.callback_query(data, preview.result, user_id=user), method="answerCallbackQuery")
        assert "expired" in ack.params.get("text", ""), data
    # A valid token pressed on a message in a group (a forwarded or forged preview) is refused too.
    group_message = {**preview.result, "chat": {"id": GROUP, "type": "supergroup", "title": "G"}}
    [ack] = await hb.send(U.callback_query(f"apply:{token}", group_message, user_id=ADMIN), method="answerCallbackQuery")
    assert "expired" in ack.params.get("text", "")
    assert "365" in await ask(hb, "q3 2023 total")
    # The genuine button still works afterwards: nothing above used it up.
    mark = hb.api.mark()
    await press(hb, preview, "Confirm")
    await hb.api.wait_for("sendMessage", lambda c: "Data updated" in c.params.get("text", ""), since=mark)


async def test_a_preview_past_its_time_to_live_cannot_be_confirmed(hb: Harness) -> None:
    preview = await upload(hb, edited({"kp-ru-2023q3": "999"}))
    for pending in hb.app.bot_data["pending_uploads"].values():
        pending.created -= 16 * 60  # as if the admin came back after 16 minutes
    buttons = {b["text"]: b["callback_data"] for row in preview.params["reply_markup"]["inline_keyboard"] for b in row}
    [ack] = await hb.send(U.callback_query(buttons["Confirm"], preview.result, user_id=ADMIN), method="answerCallbackQuery")
    assert "expired" in ack.params.get("text", "")
    assert "365" in await ask(hb, "q3 2023 total")


# --- admin commands in groups -------------------------------------------------------------------------

@pytest.mark.parametrize("command", ["/history", "/stats", "/unanswered", "/rollback 1", "/reload", "/rollback"])
async def test_admin_commands_in_a_group_are_answered_in_private(hb: Harness, command: str) -> None:
    secret = "what did my confidential informant say about the price of bitcoin"
    await ask(hb, secret, chat=REPORTER)
    hb.api.register_chat(U.private_chat(U.make_user(ADMIN)))  # the admin has opened a private chat before
    mark = hb.api.mark()
    hb.api.push_update(U.group_text(command, user_id=ADMIN))
    await hb.api.wait_for("sendMessage", lambda c: int(c.params.get("chat_id", 0)) == ADMIN, since=mark, count=2)
    await settle(hb)
    assert not [c for c in hb.api.calls[mark:] if int(c.params.get("chat_id", 0) or 0) == GROUP]
    private = [text_of(c) for c in sent_to(hb, ADMIN, mark)]
    assert "in a group" in private[0]
    if command == "/unanswered":
        assert any("confidential informant" in t for t in private)  # the admin, in private, sees it


async def test_admin_command_in_a_group_without_a_private_chat_reveals_nothing(hb: Harness) -> None:
    await ask(hb, "what did my confidential informant say about the price of bitcoin", chat=REPORTER)
    for command in ["/unanswered", "/history", "/stats", "/rollback 1"]:
        mark = hb.api.mark()
        hb.api.fail_next("sendMessage", status=400, description="Bad Request: chat not found")
        hb.api.push_update(U.group_text(command, user_id=ADMIN))
        [pointer] = await hb.api.wait_for("sendMessage", lambda c: c.ok and int(c.params.get("chat_id", 0)) == GROUP,
                                          since=mark)
        await settle(hb)
        text = text_of(pointer)
        assert "private chat" in text and "@FactDeskTestBot" in text
        assert "confidential" not in text and "v1" not in text and "365" not in text
        assert len([c for c in hb.api.calls[mark:] if c.method == "sendMessage" and c.ok]) == 1
    assert [v.number for v in VersionStore(Path(hb.app.bot_data["settings"].data_dir)).history()] == [1]  # nothing ran


async def test_admin_who_blocked_the_bot_gets_a_pointer_in_the_group_and_nothing_runs(hb: Harness) -> None:
    hb.api.block_chat(ADMIN)
    mark = hb.api.mark()
    hb.api.push_update(U.group_text("/reload", user_id=ADMIN))
    [pointer] = await hb.api.wait_for("sendMessage", lambda c: c.ok and int(c.params.get("chat_id", 0)) == GROUP,
                                      since=mark)
    assert "private chat" in text_of(pointer)
    await settle(hb)
    assert len([c for c in hb.api.calls[mark:] if c.method == "sendMessage" and c.ok]) == 1


async def test_unanswered_never_reaches_a_group_or_a_non_admin(hb: Harness) -> None:
    await ask(hb, "what did my confidential informant say about the price of bitcoin", chat=REPORTER)
    mark = hb.api.mark()
    for update in [U.group_text("/unanswered", user_id=REPORTER), U.private_text("/unanswered", user_id=REPORTER),
                   U.anonymous_admin_message("/unanswered")]:
        hb.api.push_update(update)
    await hb.api.wait_for("sendMessage", since=mark, count=3)
    await settle(hb)
    for call in hb.api.calls[mark:]:
        assert "confidential" not in json.dumps(call.params, ensure_ascii=False)
    assert not sent_to(hb, ADMIN, mark)


# --- bad arguments get the usage line ------------------------------------------------------------------

@pytest.mark.parametrize("command,usage", [
    ("/rollback", "/rollback N"), ("/rollback -1", "/rollback N"), ("/rollback 1 2", "/rollback N"),
    ("/rollback ²", "/rollback N"), ("/rollback ３", "/rollback N"), ("/rollback 0", "/rollback N"),
    ("/rollback 1.0", "/rollback N"), ("/rollback 99999999999999999999", "/rollback N"),
    ("/rollback 42", "There is no version 42"), ("/history all", "/history"), ("/reload now", "/reload"),
    ("/stats 7", "/stats"), ("/unanswered 5", "/unanswered")])
async def test_bad_arguments_get_the_usage_line(hb: Harness, command: str, usage: str) -> None:
    [call] = await hb.send(U.private_text(command, user_id=ADMIN), chat_id=ADMIN)
    text = text_of(call)
    assert usage in text and "Sorry" not in text, text
    assert "365" in await ask(hb, "q3 2023 total")


# --- versions keep the original ------------------------------------------------------------------------

@pytest.mark.parametrize("state", [True, False], ids=["FACTDESK_STATE_DIR set", "default state dir"])
async def test_rollback_1_restores_the_data_first_served(tmp_path: Path, state: bool) -> None:
    async with admin_bot(tmp_path, state=state) as h:
        data = tmp_path / "data"
        assert (data / ".factdesk" / "versions" / "0001").is_dir()  # written at start, state dir named or not
        (data / "figures.csv").write_bytes(edited({"kp-ru-2023q3": "367"}))  # edited on disk, not yet served
        assert "365" in await ask(h, "q3 2023 total")
        [reloaded] = await h.send(U.private_text("/reload", user_id=ADMIN), chat_id=ADMIN)
        assert "365 → 367" in text_of(reloaded) and "v2" in text_of(reloaded)
        [rolled] = await h.send(U.private_text("/rollback 1", user_id=ADMIN), chat_id=ADMIN)
        assert "v3" in text_of(rolled)
        assert "365" in await ask(h, "q3 2023 total")
        assert VersionStore(data).files_of(1)["figures"] == (DATA_DIR / "figures.csv").read_bytes()


def test_version_1_is_written_before_anything_can_change_it(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    store = VersionStore(data)
    served = read_dir(data)
    assert store.record_original(served).number == 1
    (data / "figures.csv").write_bytes(edited({"kp-ru-2023q3": "367"}))
    assert store.record_original(read_dir(data)) is None  # never overwritten
    assert store.files_of(1) == served


# --- read-only directories and failed writes ------------------------------------------------------------

@contextmanager
def read_only(path: Path) -> Iterator[None]:
    """Make a directory unwritable: chmod for a normal user, the immutable flag for root."""
    as_root = os.geteuid() == 0
    if as_root:
        if shutil.which("chattr") is None or subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode:
            pytest.skip("running as root where the immutable flag is unavailable: cannot make a directory read-only")
    else:
        path.chmod(0o555)
    try:
        probe = path / ".probe"
        try:
            probe.write_bytes(b"x")
            probe.unlink()
            pytest.skip(f"{path} is still writable here")
        except OSError:
            pass
        yield
    finally:
        if as_root:
            subprocess.run(["chattr", "-i", str(path)], check=True)
        else:
            path.chmod(0o755)


@pytest.mark.parametrize("which", ["versions", "data"])
async def test_a_failed_write_reports_path_and_reason_changes_nothing_and_keeps_the_upload(
        hb: Harness, tmp_path: Path, which: str) -> None:
    data = tmp_path / "data"
    target = data / ".factdesk" / "versions" if which == "versions" else data
    before = read_dir(data)
    preview = await upload(hb, edited({"kp-ru-2023q3": "370"}))
    with read_only(target):
        mark = hb.api.mark()
        await press(hb, preview, "Confirm")
        [failed] = await hb.api.wait_for("sendMessage", lambda c: "could not write" in c.params.get("text", ""), since=mark)
        text = text_of(failed)
        assert str(target) in text and ("Permission denied" in text or "Operation not permitted" in text), text
        assert "Nothing changed" in text and "still pending" in text
        assert "365" in await ask(hb, "q3 2023 total")
        assert VersionStore(data).current_number() == 1 and read_dir(data) == before
        if which == "versions":
            [rolled] = await hb.send(U.private_text("/rollback 1", user_id=ADMIN), chat_id=ADMIN)
            assert "could not write" in text_of(rolled) and VersionStore(data).current_number() == 1
    # Once the directory is writable again, the same Confirm button applies the upload.
    mark = hb.api.mark()
    await press(hb, preview, "Confirm")
    [done] = await hb.api.wait_for("sendMessage", lambda c: "Data updated" in c.params.get("text", ""), since=mark)
    assert "370" in await ask(hb, "q3 2023 total")
    assert VersionStore(data).files_of(VersionStore(data).current_number())["figures"] == (data / "figures.csv").read_bytes()


async def test_a_corrupt_version_description_does_not_break_history(hb: Harness, tmp_path: Path) -> None:
    (tmp_path / "data" / ".factdesk" / "versions" / "0001" / "version.json").write_bytes(b"{not json\xff")
    [call] = await hb.send(U.private_text("/history", user_id=ADMIN), chat_id=ADMIN)
    assert "v1" in text_of(call) and "description unreadable" in text_of(call)


def test_a_write_that_runs_out_of_space_midway_leaves_no_trace(tmp_path: Path) -> None:
    """A real short write (the file-size limit, as a full disk would): the version being written
    is removed whole, CURRENT and the data directory are untouched, the error names the file."""
    data = copy_data(tmp_path)
    VersionStore(data).record_original(read_dir(data))
    before = read_dir(data)
    script = r"""
import resource, signal, sys
from pathlib import Path
from handlers.store import read_dir
from handlers.versions import VersionStore, VersionWriteError
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a short write returns EFBIG instead of killing us
resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024, 64 * 1024))
data = Path(sys.argv[1])
files = read_dir(data)
try:
    VersionStore(data).commit({**files, "figures": files["figures"] + b"#" * 200_000}, "t", "too big", files, 1)
except VersionWriteError as exc:
    print("REFUSED", exc.path, "|", exc.reason)
"""
    done = subprocess.run([sys.executable, "-c", script, str(data)], capture_output=True, text=True, cwd=PROJECT_ROOT,
                          timeout=60)
    assert done.returncode == 0 and done.stdout.startswith("REFUSED"), done.stdout + done.stderr
    assert "figures.csv" in done.stdout and "too large" in done.stdout.lower()
    store = VersionStore(data)
    assert store.current_number() == 1 and [v.number for v in store.history()] == [1]
    assert not list(store.root.glob(".tmp-*")) and read_dir(data) == before


def test_a_version_store_that_cannot_be_read_is_bad_data_not_a_traceback(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    store = VersionStore(data)
    store.record_original(read_dir(data))
    (store.root / "CURRENT").write_text("7\n")  # points at a version that does not exist
    code = preflight.run(Settings.from_env({"TELEGRAM_BOT_TOKEN": TOKEN, "FACTDESK_DATA_DIR": str(data)}),
                         out=open(os.devnull, "w"), err=(err := _Capture()))
    assert code == preflight.BAD_DATA and "CURRENT" in err.text


class _Capture:
    """A text sink for preflight's error stream."""

    def __init__(self) -> None:
        self.text = ""

    def write(self, s: str) -> int:
        self.text += s
        return len(s)
