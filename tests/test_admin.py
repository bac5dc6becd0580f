"""Admin data management, end to end and on disk: uploads, previews, versions, rollback,
corrections, refusals, malformed files, crash safety and atomic swaps."""

from __future__ import annotations

import shutil
import threading
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from handlers.resources import Resources
from handlers.settings import Settings
from handlers.store import DataLoadError, build_snapshot, read_dir
from handlers.telegram.admin import UPLOAD_MAX_BYTES, UPLOAD_MAX_ROWS
from handlers.versions import VersionStore
from tests.apispec import check_calls_against_spec
from tests.botapi import FakeBotAPI
from tests.botapi import updates as U
from tests.conftest import DATA_DIR
from tests.test_telegram import ADMIN, TOKEN, Harness, running_bot, settings_for, text_of

REPORTER_CHAT = 5550100
OTHER_CHAT = 5550200


def copy_data(tmp: Path) -> Path:
    target = tmp / "data"
    target.mkdir()
    for f in DATA_DIR.glob("*.csv"):
        shutil.copy(f, target / f.name)
    return target


def corrected_figures(old: str = ",365,", new: str = ",370,") -> bytes:
    text = (DATA_DIR / "figures.csv").read_text(encoding="utf-8")
    line = next(line for line in text.splitlines() if line.startswith("kp-ru-2023q3,"))
    return text.replace(line, line.replace(old, new)).encode()


@pytest.fixture
async def ha(tmp_path: Path) -> AsyncIterator[Harness]:
    data = copy_data(tmp_path)
    async with FakeBotAPI(token=TOKEN, bot_username="FactDeskTestBot") as api:
        settings = settings_for(api, FACTDESK_DATA_DIR=str(data), FACTDESK_STATE_DIR=str(tmp_path / "state"))
        async with running_bot(api, settings) as harness:
            yield harness
        check_calls_against_spec(api.calls, tmp_path)


async def upload(h: Harness, content: bytes, name: str = "figures.csv", user_id: int = ADMIN,
                 size: int | None = None) -> object:
    fid, fuid = h.api.register_file(content, name)
    [call] = await h.send(U.document_message(fid, fuid, name, "text/csv", size if size is not None else len(content),
                                             user_id=user_id))
    return call


async def press(h: Harness, call: object, label: str, user_id: int = ADMIN) -> list:
    buttons = {b["text"]: b["callback_data"] for row in call.params["reply_markup"]["inline_keyboard"] for b in row}
    return await h.send(U.callback_query(buttons[label], call.result, user_id=user_id))


async def ask(h: Harness, question: str, chat: int = REPORTER_CHAT) -> str:
    [call] = await h.send(U.private_text(question, user_id=chat), chat_id=chat)
    return text_of(call)


# --- the full story --------------------------------------------------------------------------------

async def test_upload_preview_confirm_correction_and_rollback(ha: Harness) -> None:
    h = ha
    assert "365" in await ask(h, "how many north koreans entered russia in q3 2023")
    await ask(h, "how many north koreans entered russia in q3 2023", chat=OTHER_CHAT)
    [off] = await h.send(U.private_text("/corrections off", user_id=OTHER_CHAT))
    assert "off" in text_of(off)

    preview = await upload(h, corrected_figures())
    text = text_of(preview)
    assert "365 → 370" in text and "Q3 2023" in text and "Nothing changes until you press Confirm" in text
    assert "365" in await ask(h, "q3 2023 total")  # nothing changed before Confirm

    mark = h.api.mark()
    await press(h, preview, "Confirm")
    done = await h.api.wait_for("sendMessage", lambda c: "Data updated" in c.params.get("text", ""), since=mark)
    assert "370" in text_of(done[0])
    corrections = await h.api.wait_for("sendMessage", lambda c: c.params.get("text", "").startswith("<b>Correction</b>"), since=mark)
    assert [int(c.params["chat_id"]) for c in corrections] == [REPORTER_CHAT]  # OTHER_CHAT turned them off
    assert "365 → 370" in text_of(corrections[0])

    answer = await ask(h, "q3 2023 total")
    assert "370" in answer and "data v2" in answer

    [history] = await h.send(U.private_text("/history", user_id=ADMIN))
    assert "v1" in text_of(history) and "v2" in text_of(history) and "upload of figures.csv" in text_of(history)
    [rolled] = await h.send(U.private_text("/rollback 1", user_id=ADMIN))
    assert "v3" in text_of(rolled)
    assert "365" in await ask(h, "q3 2023 total")


async def test_cancel_changes_nothing(ha: Harness) -> None:
    preview = await upload(ha, corrected_figures())
    calls = await press(ha, preview, "Cancel")
    assert "Cancelled" in text_of(calls[-1])
    assert "365" in await ask(ha, "q3 2023 total")


async def test_non_admins_have_no_admin_power(ha: Harness) -> None:
    for command in ["/reload", "/history", "/rollback 1", "/unanswered", "/stats"]:
        [call] = await ha.send(U.private_text(command, user_id=REPORTER_CHAT))
        assert "admins only" in text_of(call), command
    refused = await upload(ha, corrected_figures(), user_id=REPORTER_CHAT)
    assert "admins only" in text_of(refused)
    [anon] = await ha.send(U.anonymous_admin_message("/reload"))
    assert "admins only" in text_of(anon)
    # Another user cannot press the admin's Confirm button.
    preview = await upload(ha, corrected_figures())
    [ack] = await ha.send(U.callback_query(
        preview.params["reply_markup"]["inline_keyboard"][0][0]["callback_data"], preview.result, user_id=REPORTER_CHAT),
        method="answerCallbackQuery")
    assert "expired" in ack.params.get("text", "")
    assert "365" in await ask(ha, "q3 2023 total")


async def test_admin_replies_in_the_admins_language(ha: Harness) -> None:
    # Issue 13: admin replies and refusals in Russian and Korean, by the chat's /lang choice or
    # the user's Telegram language, with the Confirm and Cancel buttons labelled alike.
    [ru] = await ha.send(U.private_text("/reload", user_id=REPORTER_CHAT, language_code="ru"))
    assert "только администраторам" in text_of(ru)
    [ko] = await ha.send(U.private_text("/stats", user_id=REPORTER_CHAT, language_code="ko"))
    assert "관리자만" in text_of(ko)
    await ha.send(U.private_text("/lang ru", user_id=ADMIN))
    preview = await upload(ha, corrected_figures())
    assert "Пока вы не нажмёте «Подтвердить»" in text_of(preview) and "365 → " in text_of(preview)
    mark = ha.api.mark()
    await press(ha, preview, "Подтвердить")
    done = await ha.api.wait_for("sendMessage", lambda c: "Данные обновлены" in c.params.get("text", ""), since=mark)
    assert "v2" in text_of(done[0])
    [history] = await ha.send(U.private_text("/history", user_id=ADMIN))
    assert "Версии данных" in text_of(history)
    [usage] = await ha.send(U.private_text("/rollback", user_id=ADMIN))
    assert "Использование" in text_of(usage)


async def test_bad_upload_names_line_and_column_and_keeps_serving(ha: Harness) -> None:
    bad = corrected_figures(",365,", ",-5,")
    call = await upload(ha, bad)
    text = text_of(call)
    line = bad.decode().splitlines().index(next(l for l in bad.decode().splitlines() if ",-5," in l)) + 1
    assert f"figures.csv line {line}, column 'value'" in text and "negative" in text
    assert "365" in await ask(ha, "q3 2023 total")


async def test_too_large_upload_is_refused_before_download(ha: Harness) -> None:
    call = await upload(ha, b"figure_id\n", size=30 * 1024 * 1024)
    assert "limit" in text_of(call)
    assert not ha.api.calls_to("getFile")


async def test_unanswered_and_stats_for_admins(ha: Harness) -> None:
    await ask(ha, "what is the price of bitcoin")
    await ask(ha, "what is the price of bitcoin")
    await ask(ha, "q3 2023 total")
    [un] = await ha.send(U.private_text("/unanswered", user_id=ADMIN))
    assert "2× what is the price of bitcoin" in text_of(un)
    [st] = await ha.send(U.private_text("/stats", user_id=ADMIN))
    assert "3 in all, 1 answered" in text_of(st)


# --- validation of malformed files (the same function the upload handler uses) -------------------------

GOOD = (DATA_DIR / "figures.csv").read_bytes()
HEADER = GOOD.split(b"\n", 1)[0]
ROW = b"x-1,north_korea,russia,2023-Q3,transport,air,5,donga,,"


def _lines(*rows: bytes) -> bytes:
    return b"\n".join(rows) + b"\n"


MALFORMED: dict[str, tuple[bytes, str]] = {
    "wrong header": (GOOD.replace(b"figure_id,", b"id,", 1), "header must be exactly"),
    "missing column": (_lines(HEADER.replace(b",note", b""), b"x,north_korea,russia,2023-Q3,total,all,1,donga"), "missing note"),
    "extra column": (_lines(HEADER + b",extra", ROW + b",1"), "unexpected extra"),
    "bad number": (GOOD.replace(b",365,", b",three hundred,"), "column 'value'"),
    "negative count": (GOOD.replace(b",365,", b",-365,"), "negative"),
    "unknown period": (GOOD.replace(b",2023-Q3,total,all,365", b",2023-Q5,total,all,365"), "period"),
    "duplicate key": (GOOD + GOOD.split(b"\n")[1] + b"\n", "duplicate key"),
    "empty file": (b"", "empty"),
    "header only": (HEADER + b"\n", "no rows"),
    "binary data": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "NUL"),
    "wrong encoding": ("figure_id,citizens\nkp-ru-é,x\n".encode("latin-1"), "not UTF-8"),
    "wrong delimiter": (GOOD.replace(b",", b";"), "delimiter"),
    "too many rows": (HEADER + b"\n" + b"".join(b"r-%d,north_korea,russia,2023-Q3,transport,air,1,donga,,\n" % i
                                              for i in range(UPLOAD_MAX_ROWS + 1)), "the limit is"),
    "30 MB file": (GOOD + b"#" * (30 * 1024 * 1024), "bytes; the limit"),
    "formula cell": (_lines(HEADER, b"=1+1,north_korea,russia,2023-Q3,transport,air,1,donga,,"), "formula"),
    "NUL bytes": (GOOD.replace(b"donga", b"don\x00ga", 1), "NUL"),
    "unknown source": (GOOD.replace(b",365,donga,", b",365,tass,"), "unknown source id"),
    "unknown category": (_lines(GOOD.rstrip(b"\n"), b"x-2,north_korea,russia,2023-Q3,transport,zeppelin,1,donga,,"),
                         "unknown transport category"),
    "unknown country": (_lines(GOOD.rstrip(b"\n"), b"x-3,atlantis,russia,2023-Q3,total,all,1,donga,,"), "unknown country"),
    "total with a category": (GOOD.replace(b",total,all,365,", b",total,air,365,"), "category 'all'"),
    "unterminated quote": (_lines(GOOD.rstrip(b"\n"), b'x-4,north_korea,russia,2023-Q3,transport,air,1,donga,,"open'), "line"),
    "same figure twice": (_lines(GOOD.rstrip(b"\n"), b"x-5,north_korea,russia,2023-Q3,total,all,1,donga,,"),
                          "same figure is already"),
    "wrong field count": (_lines(GOOD.rstrip(b"\n"), b"x-6,north_korea,russia"), "fields"),
}


@pytest.mark.parametrize("case", sorted(MALFORMED))
def test_malformed_file_gets_a_clear_error(case: str) -> None:
    content, expected = MALFORMED[case]
    files = {**read_dir(DATA_DIR), "figures": content}
    with pytest.raises(DataLoadError) as exc:
        build_snapshot(files, None, {"figures": (UPLOAD_MAX_BYTES, UPLOAD_MAX_ROWS)})
    message = str(exc.value)
    assert "figures.csv line" in message and expected in message, message


def test_breakdown_exceeding_total_is_a_warning_not_an_error() -> None:
    snapshot = build_snapshot(read_dir(DATA_DIR))
    assert any("more than the total" in w for w in snapshot.warnings)


# --- disk: restarts, crashes, atomic swaps ------------------------------------------------------------

def settings_on(data: Path) -> Settings:
    return Settings.from_env({"FACTDESK_DATA_DIR": str(data)})


def uploaded_correction(tmp_path: Path) -> tuple[Path, VersionStore]:
    """A copy of the data with the corrected figures.csv stored as version 2, as an upload
    through the bot leaves it (its files on disk too)."""
    data = copy_data(tmp_path)
    store = VersionStore(data)
    store.commit({**read_dir(data), "figures": corrected_figures()}, "777001", "upload of figures.csv")
    return data, store


def test_restart_serves_the_uploaded_version(tmp_path: Path) -> None:
    data, _ = uploaded_correction(tmp_path)
    resources = Resources.build(settings_on(data))  # a fresh process would do exactly this
    assert resources.pipeline.snapshot.version == "2"
    assert "370" in resources.pipeline.answer("q3 2023 total").text


def test_files_edited_on_disk_while_down_are_served_and_recorded(tmp_path: Path) -> None:
    """Next quarter's figures copied over the CSV files, then a restart: the edit is served (not
    the stored version it replaced) and recorded as a version, so /rollback can undo it."""
    data, store = uploaded_correction(tmp_path)
    (data / "figures.csv").write_bytes(corrected_figures(",365,", ",372,"))
    resources = Resources.build(settings_on(data))
    assert resources.pipeline.snapshot.version == "3"
    assert "372" in resources.pipeline.answer("q3 2023 total").text
    latest = store.history()[-1]
    assert latest.number == 3 and latest.who == "data directory" and "figures.csv" in latest.what
    # Unchanged files at the next start: no new version.
    assert Resources.build(settings_on(data)).pipeline.snapshot.version == "3"


def test_files_broken_on_disk_while_down_keep_the_stored_version_serving(tmp_path: Path,
                                                                         caplog: pytest.LogCaptureFixture) -> None:
    data, store = uploaded_correction(tmp_path)
    (data / "figures.csv").write_bytes(corrected_figures(",365,", ",3x5,"))
    resources = Resources.build(settings_on(data))
    assert resources.pipeline.snapshot.version == "2"
    assert "370" in resources.pipeline.answer("q3 2023 total").text
    assert "figures.csv" in caplog.text and "keeps serving" in caplog.text
    assert store.current_number() == 2


def test_crash_between_write_and_rename_serves_the_last_complete_version(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    store = VersionStore(data)
    store.commit({**read_dir(data), "figures": corrected_figures()}, "777001", "first change")
    # A crash while writing version 3: a temporary directory with a torn file, never renamed.
    torn = store.root / ".tmp-0003-crash"
    torn.mkdir()
    (torn / "figures.csv").write_bytes(corrected_figures()[:100])
    # And a crash after a version directory was renamed but before CURRENT was replaced.
    orphan = store.root / "0004"
    shutil.copytree(store.root / "0002", orphan)
    (orphan / "figures.csv").write_bytes(corrected_figures(",365,", ",999,"))
    resources = Resources.build(settings_on(data))
    assert resources.pipeline.snapshot.version == "2"
    assert "370" in resources.pipeline.answer("q3 2023 total").text
    # The next commit cleans up the torn temporary directory and numbers past the orphan.
    info = store.commit({**read_dir(data), "figures": corrected_figures(",365,", ",371,")}, "777001", "next")
    assert info.number == 5 and not torn.exists()


def test_concurrent_questions_see_old_or_new_never_a_mix(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    resources = Resources.build(settings_on(data))
    old = resources.pipeline.snapshot
    new = build_snapshot({**read_dir(data), "figures": corrected_figures()}, "new")
    seen: list[str] = []
    stop = threading.Event()

    def asker() -> None:
        while not stop.is_set():
            text = resources.pipeline.answer("breakdown by purpose and transport q3 2023").text
            seen.append(text)

    threads = [threading.Thread(target=asker) for _ in range(4)]
    for t in threads:
        t.start()
    for i in range(40):
        resources.swap(new if i % 2 == 0 else old)
    stop.set()
    for t in threads:
        t.join()
    assert seen
    for text in seen:
        if f"data v{new.version}" in text:
            assert "(total 370)" in text and "(total 365)" not in text
        else:
            assert f"data v{old.version}" in text and "(total 365)" in text and "(total 370)" not in text
