"""Admin commands: reload, CSV upload with validation and preview, versions, rollback, and the
activity views (/unanswered, /stats). Also /corrections on|off, which any chat may use.

Only user IDs in BOT_ADMIN_IDS have admin power: being a group admin grants nothing, and a
message sent anonymously on behalf of a group (no real user behind it) never does. Refusals are
answered briefly and written to the audit log. Writers are serialised by one lock; a change is
validated completely before anything is written, written as a new version atomically, and only
then swapped in, so questions in flight see the old data or the new, never a mix.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.ext import ContextTypes

from handlers import locators
from handlers.activity import ActivityLog
from handlers.admin_ops import figure_diff, table_diff
from handlers.resources import Resources
from handlers.settings import Settings
from handlers.store import LOAD_ORDER, TABLES, DataLoadError, Snapshot, build_snapshot, read_dir
from handlers.telegram.reply import send_view, with_retries
from handlers.telegram.setup import resources
from handlers.versions import VersionStore

log = logging.getLogger(__name__)

UPLOAD_MAX_BYTES = 10 * 1024 * 1024
UPLOAD_MAX_ROWS = 50_000
PENDING_TTL = 15 * 60  # an unconfirmed upload is forgotten after 15 minutes


@dataclass
class Pending:
    """A validated upload waiting for Confirm."""

    admin_id: int
    table: str
    file_name: str
    files: dict[str, bytes]
    snapshot: Snapshot
    created: float


def is_admin(message: Message, settings: Settings) -> bool:
    if message.sender_chat is not None or message.from_user is None:
        return False  # anonymous group admins and channel posts act as the chat, not as a person
    return message.from_user.id in settings.admin_ids


def activity(context: ContextTypes.DEFAULT_TYPE) -> ActivityLog:
    return context.application.bot_data["activity"]


def _lock(context: ContextTypes.DEFAULT_TYPE) -> asyncio.Lock:
    return context.application.bot_data.setdefault("admin_lock", asyncio.Lock())


def _pending(context: ContextTypes.DEFAULT_TYPE) -> dict[str, Pending]:
    return context.application.bot_data.setdefault("pending_uploads", {})


async def _gate(update: Update, context: ContextTypes.DEFAULT_TYPE, action: str) -> Message | None:
    """The message if its sender is an admin; otherwise refuse, audit, and return None."""
    message = update.effective_message
    if message is None:
        return None
    user = message.from_user.id if message.from_user else None
    if not is_admin(message, resources(context).settings):
        activity(context).audit(user, f"refused {action}", chat=message.chat_id,
                                anonymous=message.sender_chat is not None)
        await send_view(message, context, "not_admin")
        return None
    return message


async def _apply(context: ContextTypes.DEFAULT_TYPE, res: Resources, new: Snapshot, who: int,
                 what: str) -> tuple[Snapshot, Snapshot, dict[str, list[dict[str, Any]]], int]:
    """Write a validated snapshot's files as a version, swap it in, and send corrections.

    Returns (old, new, diff, corrections sent). The snapshot was built by the validation, so it
    is not loaded a second time; it only takes the version number it was written under.
    """
    old = res.pipeline.snapshot
    store = VersionStore(res.settings.data_dir)
    info = await asyncio.to_thread(store.commit, new.files, str(who), what)
    new.version = str(info.number)
    diff = figure_diff(old, new)
    res.swap(new)
    sent = await send_corrections(context, res, diff)
    activity(context).audit(who, what, version=info.number, added=len(diff["added"]), changed=len(diff["changed"]),
                            removed=len(diff["removed"]), corrections=sent)
    return old, new, diff, sent


async def send_corrections(context: ContextTypes.DEFAULT_TYPE, res: Resources, diff: dict[str, list[dict[str, Any]]]) -> int:
    """Tell every chat that was given a changed figure in the last 30 days what it is now."""
    changed = {c["figure_id"]: (c["old"], c["new"]) for c in diff["changed"]}
    changed.update({r["figure_id"]: (r["old"], None) for r in diff["removed"]})
    due = activity(context).corrections_due({k: v for k, v in changed.items() if v[1] is not None})
    pipeline = res.pipeline
    sent = 0
    for chat_id, items in due.items():
        lines = [{"label": pipeline.figure_label(fid), "old": old, "new": new} for fid, old, new in items]
        html = res.renderer.html("correction", lines=lines, source=pipeline.default_source_chain(),
                                 version=pipeline.snapshot.version)
        if await with_retries(lambda: context.bot.send_message(chat_id, html, parse_mode="HTML")) is not None:
            sent += 1
    return sent


async def _report(message: Message, context: ContextTypes.DEFAULT_TYPE, old: Snapshot, new: Snapshot,
                  diff: dict[str, list[dict[str, Any]]], corrections: int) -> None:
    """The summary an admin gets after any applied change."""
    await send_view(message, context, "reload_ok", old_version=old.version, new_version=new.version,
                    counts=new.counts(), diff=diff, warnings=new.warnings, corrections=corrections)


# --- /reload ------------------------------------------------------------------------------------

async def reload(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/reload: re-read data/ from disk, validate, write a version, swap it in, report what changed."""
    message = await _gate(update, context, "/reload")
    if message is None:
        return
    res = resources(context)
    who = message.from_user.id  # type: ignore[union-attr]
    async with _lock(context):
        files = await asyncio.to_thread(read_dir, res.settings.data_dir)
        texts = await asyncio.to_thread(locators.read_texts, res.settings.data_dir)
        if files == res.pipeline.snapshot.files and texts == res.pipeline.snapshot.texts:
            await send_view(message, context, "reload_same", version=res.pipeline.snapshot.version)
            return
        try:
            snapshot = await asyncio.to_thread(build_snapshot, files, None, None, texts)
        except DataLoadError as exc:
            activity(context).audit(who, "/reload refused", errors=len(exc.errors))
            await send_view(message, context, "reload_failed", errors=[str(e) for e in exc.errors],
                            version=res.pipeline.snapshot.version)
            return
        old, new, diff, sent = await _apply(context, res, snapshot, who, "reload from the data directory")
    await _report(message, context, old, new, diff, sent)


# --- uploads ------------------------------------------------------------------------------------

def detect_table(file_name: str, raw: bytes) -> str | None:
    """Which data file an upload replaces: by its name ("figures.csv"), else by its header."""
    stem = Path(file_name or "").stem.lower()
    named = [t for t in LOAD_ORDER if t in stem]
    if len(named) == 1:
        return named[0]
    first = raw.split(b"\n", 1)[0].decode("utf-8-sig", errors="replace").strip().replace(" ", "")
    by_header = [t for t in LOAD_ORDER if ",".join(TABLES[t].header) == first]
    return by_header[0] if len(by_header) == 1 else None


async def upload(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """An admin sends a CSV file in a private chat: validate it and preview the change."""
    message = update.effective_message
    if message is None or message.document is None:
        return
    if message.chat.type != "private":
        return  # files in groups are not uploads
    message = await _gate(update, context, "upload")
    if message is None or message.document is None:
        return
    res = resources(context)
    doc = message.document
    who = message.from_user.id  # type: ignore[union-attr]
    if doc.file_size is not None and doc.file_size > UPLOAD_MAX_BYTES:
        activity(context).audit(who, "upload refused", file=doc.file_name, reason="too large", size=doc.file_size)
        await send_view(message, context, "upload_errors", file_name=doc.file_name,
                        errors=[f"{doc.file_name}: the file is {doc.file_size:,} bytes; the limit is {UPLOAD_MAX_BYTES:,}"],
                        version=res.pipeline.snapshot.version)
        return
    tg_file = await doc.get_file()
    raw = bytes(await tg_file.download_as_bytearray())
    table = detect_table(doc.file_name or "", raw)
    if table is None:
        activity(context).audit(who, "upload refused", file=doc.file_name, reason="unknown table")
        await send_view(message, context, "upload_unknown", file_name=doc.file_name,
                        tables=[TABLES[t].file for t in LOAD_ORDER], version=res.pipeline.snapshot.version)
        return
    current = dict(res.pipeline.snapshot.files)
    files = {**current, table: raw}
    try:
        # Held to the same rule as the data check: located sentences must contain their figures.
        snapshot = await asyncio.to_thread(build_snapshot, files, None,
                                           {table: (UPLOAD_MAX_BYTES, UPLOAD_MAX_ROWS)}, res.pipeline.snapshot.texts)
    except DataLoadError as exc:
        # Errors in the uploaded file name it as the admin sent it, with line and column.
        errors = [str(e).replace(TABLES[table].file, doc.file_name or TABLES[table].file, 1) for e in exc.errors]
        activity(context).audit(who, "upload refused", file=doc.file_name, table=table, errors=len(errors))
        await send_view(message, context, "upload_errors", file_name=doc.file_name, errors=errors,
                        version=res.pipeline.snapshot.version)
        return
    token = secrets.token_urlsafe(8)
    pending = _pending(context)
    now = time.time()
    for key in [k for k, p in pending.items() if now - p.created > PENDING_TTL]:
        del pending[key]
    pending[token] = Pending(who, table, doc.file_name or TABLES[table].file, files, snapshot, now)
    diff = figure_diff(res.pipeline.snapshot, snapshot) if table == "figures" else None
    rows = table_diff(current.get(table, b""), raw, TABLES[table]) if table != "figures" else None
    activity(context).audit(who, "upload validated", file=doc.file_name, table=table)
    markup = InlineKeyboardMarkup([[InlineKeyboardButton("Confirm", callback_data=f"apply:{token}"),
                                    InlineKeyboardButton("Cancel", callback_data=f"cancel:{token}")]])
    await send_view(message, context, "upload_preview", markup, file_name=doc.file_name, table=TABLES[table].file,
                    diff=diff, rows=rows, warnings=snapshot.warnings, version=res.pipeline.snapshot.version,
                    labels={fid: res.pipeline.figure_label(fid) for fid in _diff_ids(diff)},
                    new_labels={fid: snapshot_label(snapshot, res, fid) for fid in _diff_ids(diff)})


def _diff_ids(diff: dict[str, list[dict[str, Any]]] | None) -> list[str]:
    if not diff:
        return []
    return [r["figure_id"] for key in ("added", "changed", "removed") for r in diff[key]]


def snapshot_label(snapshot: Snapshot, res: Resources, figure_id: str) -> str:
    """A figure's label in a snapshot that is not yet served (an added figure)."""
    row = next((r for r in snapshot.tables["figures"] if r["figure_id"] == figure_id), None)
    return res.pipeline.figure_label(figure_id, row)


async def on_upload_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Confirm or Cancel under an upload preview; only the uploading admin may press them."""
    query = update.callback_query
    if query is None or query.message is None or not query.message.is_accessible:
        return
    action, _, token = (query.data or "").partition(":")
    res = resources(context)
    who = query.from_user.id
    pending = _pending(context).get(token)
    if pending is None or who != pending.admin_id or who not in res.settings.admin_ids:
        activity(context).audit(who, f"refused upload {action}", token=token)
        await query.answer(res.renderer.html("expired"))
        return
    await query.answer()
    del _pending(context)[token]
    message = query.message
    if action == "cancel":
        activity(context).audit(who, "upload cancelled", file=pending.file_name)
        await send_view(message, context, "upload_cancelled", file_name=pending.file_name,
                        version=res.pipeline.snapshot.version)
        return
    async with _lock(context):
        # Re-validate against what is served now if another change landed since the preview;
        # otherwise the snapshot validated for the preview is the one to apply.
        files = {**res.pipeline.snapshot.files, pending.table: pending.files[pending.table]}
        snapshot = pending.snapshot
        if files != pending.files:
            try:
                snapshot = await asyncio.to_thread(build_snapshot, files, None,
                                                   {pending.table: (UPLOAD_MAX_BYTES, UPLOAD_MAX_ROWS)},
                                                   res.pipeline.snapshot.texts)
            except DataLoadError as exc:
                await send_view(message, context, "upload_errors", file_name=pending.file_name,
                                errors=[str(e) for e in exc.errors], version=res.pipeline.snapshot.version)
                return
        old, new, diff, sent = await _apply(context, res, snapshot, who,
                                            f"upload of {pending.file_name} ({pending.table})")
    await _report(message, context, old, new, diff, sent)


# --- versions -----------------------------------------------------------------------------------

async def history(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    message = await _gate(update, context, "/history")
    if message is None:
        return
    res = resources(context)
    store = VersionStore(res.settings.data_dir)
    versions = await asyncio.to_thread(store.history)
    await send_view(message, context, "history", versions=versions[-20:], current=store.current_number())


async def rollback(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/rollback N: make version N's data current again, as a new version."""
    message = await _gate(update, context, "/rollback")
    if message is None:
        return
    res = resources(context)
    who = message.from_user.id  # type: ignore[union-attr]
    args = context.args or []
    store = VersionStore(res.settings.data_dir)
    if len(args) != 1 or not args[0].isdigit():
        await send_view(message, context, "rollback_usage", versions=store.history()[-5:])
        return
    number = int(args[0])
    async with _lock(context):
        try:
            files = await asyncio.to_thread(store.files_of, number)
            snapshot = await asyncio.to_thread(build_snapshot, files, None, None,
                                               locators.read_texts(res.settings.data_dir))
        except KeyError:
            await send_view(message, context, "rollback_usage", versions=store.history()[-5:], missing=number)
            return
        except DataLoadError as exc:
            await send_view(message, context, "reload_failed", errors=[str(e) for e in exc.errors],
                            version=res.pipeline.snapshot.version)
            return
        old, new, diff, sent = await _apply(context, res, snapshot, who, f"rollback to version {number}")
    await _report(message, context, old, new, diff, sent)


# --- activity -----------------------------------------------------------------------------------

async def unanswered(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    message = await _gate(update, context, "/unanswered")
    if message is not None:
        await send_view(message, context, "unanswered", items=activity(context).unanswered())


async def stats(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    message = await _gate(update, context, "/stats")
    if message is not None:
        await send_view(message, context, "stats", s=activity(context).stats())


async def corrections(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/corrections on|off: whether this chat is told when a figure it was given changes."""
    message = update.effective_message
    if message is None:
        return
    arg = (context.args or [""])[0].lower()
    log_ = activity(context)
    if arg in ("on", "off"):
        log_.set_corrections(message.chat_id, arg == "on")
    await send_view(message, context, "corrections_set", on=message.chat_id not in log_.corrections_off,
                    changed=arg in ("on", "off"))
