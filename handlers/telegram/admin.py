"""Admin commands: reload, CSV upload with validation and preview, versions, rollback, and the
activity views (/unanswered, /stats). Also /corrections on|off, which any chat may use.

Only user IDs in BOT_ADMIN_IDS have admin power: being a group admin grants nothing, and a
message sent anonymously on behalf of a group (no real user behind it) never does. Refusals are
answered briefly and written to the audit log.

Admin output is private. An admin command sent in a group is answered in the admin's private
chat with the bot; if the bot cannot write there (the admin never started it), the group gets a
pointer to the private chat and nothing else, and the command does not run. Question texts
(/unanswered) are therefore only ever shown to an admin, in private.

Changes are serialised: uploads, reloads and rollbacks are applied one at a time under one lock.
A preview is pinned to the files it was computed against; if another change was applied before
Confirm, the upload is merged only when the two touch different rows (by key), otherwise the
admin gets a new preview. A change is validated completely before anything is written, written
as a new version atomically, and only then swapped in, so questions in flight see the old data or
the new, never a mix. A failed write changes nothing and keeps the pending upload. Another bot
process sharing the data directory (a replica) that wrote a version meanwhile is detected by the
version store, and the change is refused until /reload loads that version.
"""

from __future__ import annotations

import asyncio
import logging
import re
import secrets
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.error import BadRequest, Forbidden
from telegram.ext import ContextTypes

from handlers import locators
from handlers.activity import ActivityLog
from handlers.admin_ops import figure_diff, merge_table, table_diff
from handlers.render import split_message
from handlers.resources import Resources
from handlers.settings import Settings
from handlers.store import (LOAD_ORDER, MAX_ERRORS_SHOWN, TABLES, DataLoadError, Snapshot, build_snapshot,
                            located, read_dir)
from handlers.telegram.handoff_keys import labels
from handlers.telegram.reply import html_view, send_view, view_lang, with_retries
from handlers.telegram.setup import resources
from handlers.versions import VersionConflict, VersionStore, VersionWriteError, version_number

log = logging.getLogger(__name__)

UPLOAD_MAX_BYTES = 10 * 1024 * 1024
UPLOAD_MAX_ROWS = 50_000
PENDING_TTL = 15 * 60  # an unconfirmed upload is forgotten after 15 minutes
PROBLEM_CHARS = 240  # one problem line in a chat message; the attached report has them whole
PROBLEMS_BUDGET = 3_300  # characters of problem lines in one refusal: with its frame, under Telegram's 4,096

USAGE = {
    "reload": "/reload",
    "history": "/history",
    "rollback": "/rollback N",
    "unanswered": "/unanswered",
    "stats": "/stats",
}


@dataclass
class Pending:
    """A validated upload waiting for Confirm, pinned to the files its preview was computed on."""

    admin_id: int
    table: str
    file_name: str
    raw: bytes  # the uploaded file
    base: dict[str, bytes]  # the served files the preview was computed against
    snapshot: Snapshot  # base with the upload in place, validated: what Confirm applies if nothing moved
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


def safe_name(name: str | None, fallback: str) -> str:
    """A file name fit to show: no control or bidi characters, at most 64 characters."""
    cleaned = re.sub("[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]", "", name or "")
    cleaned = cleaned.strip() or fallback
    return cleaned if len(cleaned) <= 64 else cleaned[:63] + "…"


class Undeliverable(Exception):
    """Telegram refused a message to the admin's private chat (e.g. "chat not found": the admin
    never started the bot). Not a network error: trying again cannot help."""


class AdminReply:
    """Where an admin's answers go: always a private chat with the admin (never a group)."""

    def __init__(self, context: ContextTypes.DEFAULT_TYPE, chat_id: int, lang: str = "en") -> None:
        self.context = context
        self.chat_id = chat_id
        self.lang = lang  # the admin's: their private chat's /lang choice, else their Telegram language

    async def view(self, template: str, markup: InlineKeyboardMarkup | None = None, **values: Any) -> Message | None:
        html = html_view(self.context, template, self.lang, **values)
        chunks = split_message(html)
        sent: Message | None = None
        for i, chunk in enumerate(chunks):
            last = i == len(chunks) - 1

            async def send(chunk: str = chunk, last: bool = last) -> Message:
                try:
                    return await self.context.bot.send_message(self.chat_id, chunk, parse_mode="HTML",
                                                               reply_markup=markup if last else None,
                                                               disable_web_page_preview=True)
                except BadRequest as exc:  # a NetworkError subclass, which with_retries would retry
                    raise Undeliverable(str(exc)) from exc

            sent = await with_retries(send)
            if sent is None:
                return None
        return sent

    async def document(self, file_name: str, content: bytes, caption: str) -> Message | None:
        async def send() -> Message:
            return await self.context.bot.send_document(self.chat_id, content, filename=file_name, caption=caption,
                                                        parse_mode="HTML")

        return await with_retries(send)

    async def refusal(self, template: str, exc: DataLoadError, file_name: str, version: str,
                      rename: tuple[str, str] | None = None, **values: Any) -> None:
        """One bounded message (the first problems, each cut short, then "and N more"), and the
        whole report as a text file when there are more."""
        shown: list[str] = []
        for error in exc.errors[:MAX_ERRORS_SHOWN]:
            line = located(error, rename)
            line = line if len(line) <= PROBLEM_CHARS else line[:PROBLEM_CHARS - 1] + "…"
            if sum(map(len, shown)) + len(line) > PROBLEMS_BUDGET:
                break  # one Telegram message, whatever the problems say
            shown.append(line)
        attach = exc.total > len(shown)
        await self.view(template, file_name=file_name, errors=shown, total=exc.total, attached=attach,
                        version=version, **values)
        if attach:
            caption = html_view(self.context, "problems_caption", self.lang, file_name=file_name, total=exc.total,
                                listed=len(exc.errors))
            await self.document(f"problems-{Path(file_name).stem or 'data'}.txt",
                                exc.report(rename).encode("utf-8"), caption)


async def _gate(update: Update, context: ContextTypes.DEFAULT_TYPE, command: str,
                max_args: int = 0) -> tuple[Message, AdminReply] | None:
    """The message and where to answer if its sender is an admin; otherwise refuse and return None.

    In a group, an admin is answered in private: the bot first tells the admin there, and only
    if that works does the command run. Bad arguments get the command's usage line.
    """
    message = update.effective_message
    if message is None:
        return None
    user = message.from_user.id if message.from_user else None
    if not is_admin(message, resources(context).settings):
        activity(context).audit(user, f"refused /{command}", chat=message.chat_id,
                                anonymous=message.sender_chat is not None)
        await send_view(message, context, "not_admin")
        return None
    assert message.from_user is not None
    out = AdminReply(context, message.from_user.id, view_lang(context, message.from_user.id, message.from_user))
    if message.chat.type != "private":
        try:
            sent = await out.view("admin_in_private", command=command)
        except (Undeliverable, Forbidden) as exc:
            log.info("admin %s used /%s in a group; the private chat is not open (%s)", user, command, exc)
            sent = None
        activity(context).audit(user, f"/{command} sent in a group", chat=message.chat_id, answered_privately=bool(sent))
        if sent is None:
            await send_view(message, context, "admin_private_only", command=command,
                            bot_username=context.bot.username)
            return None
    if len(context.args or []) > max_args:
        await out.view("admin_usage", usage=USAGE[command])
        return None
    return message, out


async def _apply(context: ContextTypes.DEFAULT_TYPE, res: Resources, new: Snapshot, who: int,
                 what: str, pinned: bool = True) -> tuple[str, Snapshot, dict[str, list[dict[str, Any]]], int]:
    """Write a validated snapshot's files as a version, swap it in, and send corrections.

    Returns the old version's name, not the old snapshot: nothing here holds the old data (a
    whole second copy of every row) past the swap, while corrections go out at 30 a second.

    Must run under the admin lock. Raises VersionWriteError (nothing changed) if the write fails,
    and, when ``pinned``, VersionConflict if another process wrote a version since this one
    loaded the data it serves (a /reload, which reads the shared files, is not pinned).
    """
    old = res.pipeline.snapshot
    store = VersionStore(res.settings.data_dir)
    expected = version_number(old.version) if pinned else None
    info = await asyncio.to_thread(store.commit, new.files, str(who), what, old.files, expected)
    new.version = str(info.number)
    diff = figure_diff(old, new)
    old_version = old.version
    del old  # questions in flight keep their own reference; the swap is the last use here
    res.swap(new)
    sent = await send_corrections(context, res, diff)
    activity(context).audit(who, what, version=info.number, added=len(diff["added"]), changed=len(diff["changed"]),
                            removed=len(diff["removed"]), corrections=sent)
    return old_version, new, diff, sent


async def _conflict(out: AdminReply, context: ContextTypes.DEFAULT_TYPE, res: Resources, who: int,
                    exc: VersionConflict, pending: bool = False) -> None:
    activity(context).audit(who, "version conflict", current=exc.current, served=exc.expected)
    await out.view("version_conflict", current=exc.current, version=res.pipeline.snapshot.version, pending=pending)


async def _write_failed(out: AdminReply, context: ContextTypes.DEFAULT_TYPE, res: Resources, who: int,
                        exc: VersionWriteError, pending: bool = False) -> None:
    activity(context).audit(who, "write failed", path=exc.path, reason=exc.reason)
    log.error("could not write a data version: %s", exc)
    await out.view("write_failed", path=exc.path, reason=exc.reason, version=res.pipeline.snapshot.version,
                   pending=pending)


async def send_corrections(context: ContextTypes.DEFAULT_TYPE, res: Resources, diff: dict[str, list[dict[str, Any]]]) -> int:
    """Tell every chat that was given a changed figure in the last 30 days what it is now."""
    changed = {c["figure_id"]: (c["old"], c["new"]) for c in diff["changed"]}
    changed.update({r["figure_id"]: (r["old"], None) for r in diff["removed"]})
    due = await activity(context).corrections_due({k: v for k, v in changed.items() if v[1] is not None})
    pipeline = res.pipeline
    sent = 0
    for chat_id, items in due.items():
        lines = [{"label": pipeline.figure_label(fid), "old": old, "new": new} for fid, old, new in items]
        html = res.renderer.html("correction", lines=lines, source=pipeline.default_source_chain(),
                                 version=pipeline.snapshot.version)
        if await with_retries(lambda: context.bot.send_message(chat_id, html, parse_mode="HTML")) is not None:
            sent += 1
    return sent


async def _report(out: AdminReply, old_version: str, new: Snapshot, diff: dict[str, list[dict[str, Any]]],
                  corrections: int, merged: bool = False) -> None:
    """The summary an admin gets after any applied change."""
    await out.view("reload_ok", old_version=old_version, new_version=new.version, counts=new.counts(), diff=diff,
                   warnings=new.warnings, corrections=corrections, merged=merged)


# --- /reload ------------------------------------------------------------------------------------

async def reload(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/reload: re-read data/ from disk, validate, write a version, swap it in, report what changed."""
    gated = await _gate(update, context, "reload")
    if gated is None:
        return
    message, out = gated
    res = resources(context)
    who = message.from_user.id  # type: ignore[union-attr]
    async with _lock(context):
        try:
            files = await asyncio.to_thread(read_dir, res.settings.data_dir)
            texts = await asyncio.to_thread(locators.read_texts, res.settings.data_dir)
        except OSError as exc:
            await _write_failed(out, context, res, who, VersionWriteError.of(exc, res.settings.data_dir))
            return
        if files == res.pipeline.snapshot.files and texts == res.pipeline.snapshot.texts:
            await out.view("reload_same", version=res.pipeline.snapshot.version)
            return
        try:
            snapshot = await asyncio.to_thread(build_snapshot, files, None, None, texts)
        except DataLoadError as exc:
            activity(context).audit(who, "/reload refused", errors=exc.total)
            await out.refusal("reload_failed", exc, "data", res.pipeline.snapshot.version)
            return
        try:
            old_version, new, diff, sent = await _apply(context, res, snapshot, who, "reload from the data directory",
                                                pinned=False)
        except VersionWriteError as exc:
            await _write_failed(out, context, res, who, exc)
            return
    await _report(out, old_version, new, diff, sent)


# --- uploads ------------------------------------------------------------------------------------

def detect_table(file_name: str, raw: bytes) -> str | None:
    """Which data file an upload replaces: by its name ("figures.csv"), else by its header."""
    stem = Path(file_name or "").stem.lower()
    named = [t for t in LOAD_ORDER if t in stem]
    if len(named) == 1:
        return named[0]
    first = raw[:4096].split(b"\n", 1)[0].decode("utf-8-sig", errors="replace").strip().replace(" ", "")
    by_header = [t for t in LOAD_ORDER if ",".join(TABLES[t].header) == first]
    return by_header[0] if len(by_header) == 1 else None


async def upload(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """An admin sends a CSV file in a private chat: validate it and preview the change."""
    message = update.effective_message
    if message is None or message.document is None:
        return
    if message.chat.type != "private":
        return  # files in groups are not uploads
    gated = await _gate(update, context, "upload", max_args=99)
    if gated is None or message.document is None:
        return
    _, out = gated
    res = resources(context)
    doc = message.document
    who = message.from_user.id  # type: ignore[union-attr]
    name = safe_name(doc.file_name, "upload.csv")
    if doc.file_size is not None and doc.file_size > UPLOAD_MAX_BYTES:
        activity(context).audit(who, "upload refused", file=name, reason="too large", size=doc.file_size)
        await out.view("upload_errors", file_name=name, total=1, attached=False,
                       errors=[f"{name}: the file is {doc.file_size:,} bytes; the limit is {UPLOAD_MAX_BYTES:,}"],
                       version=res.pipeline.snapshot.version)
        return
    tg_file = await doc.get_file()
    raw = bytes(await tg_file.download_as_bytearray())
    table = detect_table(name, raw)
    if table is None:
        activity(context).audit(who, "upload refused", file=name, reason="unknown table")
        await out.view("upload_unknown", file_name=name, tables=[TABLES[t].file for t in LOAD_ORDER],
                       version=res.pipeline.snapshot.version)
        return
    await _preview(out, context, res, who, table, name, raw, res.pipeline.snapshot)


async def _preview(out: AdminReply, context: ContextTypes.DEFAULT_TYPE, res: Resources, who: int, table: str,
                   name: str, raw: bytes, served: Snapshot, changed_to: str | None = None) -> None:
    """Validate an upload against the served files and show what Confirm would change."""
    base = dict(served.files)
    files = {**base, table: raw}
    try:
        # Held to the same rule as the data check: located sentences must contain their figures.
        snapshot = await asyncio.to_thread(build_snapshot, files, None, {table: (UPLOAD_MAX_BYTES, UPLOAD_MAX_ROWS)},
                                           served.texts)
    except DataLoadError as exc:
        activity(context).audit(who, "upload refused", file=name, table=table, errors=exc.total)
        # Problems in the uploaded file name it as the admin sent it, with line and column.
        await out.refusal("upload_errors", exc, name, served.version, rename=(TABLES[table].file, name))
        return
    token = secrets.token_urlsafe(8)
    pending = _pending(context)
    now = time.time()
    for key in [k for k, p in pending.items() if now - p.created > PENDING_TTL]:
        del pending[key]
    pending[token] = Pending(who, table, name, raw, base, snapshot, now)
    diff = figure_diff(served, snapshot) if table == "figures" else None
    rows = table_diff(base.get(table, b""), raw, TABLES[table]) if table != "figures" else None
    activity(context).audit(who, "upload validated", file=name, table=table, base=served.version)
    names = labels(res.renderer, out.lang)
    markup = InlineKeyboardMarkup([[InlineKeyboardButton(names["confirm"], callback_data=f"apply:{token}"),
                                    InlineKeyboardButton(names["cancel"], callback_data=f"cancel:{token}")]])
    await out.view("upload_preview", markup, file_name=name, table=TABLES[table].file, changed_to=changed_to,
                   diff=diff, rows=rows, warnings=snapshot.warnings, version=served.version,
                   labels={fid: res.pipeline.figure_label(fid) for fid in _diff_ids(diff)},
                   new_labels={fid: snapshot_label(snapshot, res, fid) for fid in _diff_ids(diff)})


def _diff_ids(diff: dict[str, list[dict[str, Any]]] | None) -> list[str]:
    if not diff:
        return []
    return [r["figure_id"] for key in ("added", "changed", "removed") for r in diff[key]]


def snapshot_label(snapshot: Snapshot, res: Resources, figure_id: str) -> str:
    """A figure's label in a snapshot that is not yet served (an added figure)."""
    row = snapshot.figure(figure_id)
    return res.pipeline.figure_label(figure_id, row)


async def on_upload_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Confirm or Cancel under an upload preview; only the uploading admin may press them."""
    query = update.callback_query
    if query is None:
        return
    action, _, token = (query.data or "").partition(":")
    res = resources(context)
    who = query.from_user.id
    pending = _pending(context).get(token)
    if pending is not None and time.time() - pending.created > PENDING_TTL:
        _pending(context).pop(token, None)  # older than its time to live: pressed too late
        pending = None
    if (pending is None or who != pending.admin_id or who not in res.settings.admin_ids
            or action not in ("apply", "cancel") or query.message is None or not query.message.is_accessible
            or query.message.chat.type != "private"):
        activity(context).audit(who, f"refused upload {action[:16]}", token=token[:16])
        await query.answer(res.renderer.html("expired", view_lang(context, who, query.from_user)))
        return
    await query.answer()
    out = AdminReply(context, who, view_lang(context, who, query.from_user))
    if action == "cancel":
        _pending(context).pop(token, None)
        activity(context).audit(who, "upload cancelled", file=pending.file_name)
        await out.view("upload_cancelled", file_name=pending.file_name, version=res.pipeline.snapshot.version)
        return
    async with _lock(context):
        if _pending(context).get(token) is not pending:
            await out.view("expired")  # pressed twice: the first press applied it
            return
        served = res.pipeline.snapshot
        table, spec = pending.table, TABLES[pending.table]
        merged = False
        snapshot = pending.snapshot
        if served.files != pending.base:
            # Another change landed after this preview: apply only this upload's own rows, and
            # only if that change touched none of them; otherwise show the admin a new preview.
            now_table = served.files.get(table, b"")
            base_table = pending.base.get(table, b"")
            mine = pending.raw if now_table == base_table else \
                merge_table(spec, base_table, now_table, pending.raw)
            if mine is None:
                _pending(context).pop(token, None)
                activity(context).audit(who, "upload conflict", file=pending.file_name, now=served.version)
                await _preview(out, context, res, who, table, pending.file_name, pending.raw, served,
                               changed_to=served.version)
                return
            try:
                snapshot = await asyncio.to_thread(build_snapshot, {**served.files, table: mine}, None,
                                                   {table: (UPLOAD_MAX_BYTES, UPLOAD_MAX_ROWS)}, served.texts)
            except DataLoadError as exc:
                _pending(context).pop(token, None)
                await out.refusal("upload_errors", exc, pending.file_name, served.version)
                return
            merged = True
        try:
            old_version, new, diff, sent = await _apply(context, res, snapshot, who,
                                                f"upload of {pending.file_name} ({table})"
                                                + (f", merged onto v{served.version}" if merged else ""))
        except VersionWriteError as exc:
            await _write_failed(out, context, res, who, exc, pending=True)  # the token stays valid
            return
        except VersionConflict as exc:
            await _conflict(out, context, res, who, exc, pending=True)
            return
        _pending(context).pop(token, None)
    await _report(out, old_version, new, diff, sent, merged=merged)


# --- versions -----------------------------------------------------------------------------------

async def history(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    gated = await _gate(update, context, "history")
    if gated is None:
        return
    _, out = gated
    res = resources(context)
    store = VersionStore(res.settings.data_dir)
    versions = await asyncio.to_thread(store.history)
    await out.view("history", versions=versions[-20:], current=store.current_number())


_VERSION_RE = re.compile(r"[0-9]{1,9}", re.ASCII)


async def rollback(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/rollback N: make version N's data current again, as a new version."""
    gated = await _gate(update, context, "rollback", max_args=1)
    if gated is None:
        return
    message, out = gated
    res = resources(context)
    who = message.from_user.id  # type: ignore[union-attr]
    args = context.args or []
    store = VersionStore(res.settings.data_dir)
    if len(args) != 1 or not _VERSION_RE.fullmatch(args[0]) or int(args[0]) < 1:
        await out.view("rollback_usage", versions=(await asyncio.to_thread(store.history))[-5:], missing=None,
                       usage=USAGE["rollback"])
        return
    number = int(args[0])
    async with _lock(context):
        try:
            files = await asyncio.to_thread(store.files_of, number)
        except KeyError:
            await out.view("rollback_usage", versions=store.history()[-5:], missing=number, usage=USAGE["rollback"])
            return
        except OSError as exc:
            await _write_failed(out, context, res, who, VersionWriteError.of(exc, store.root))
            return
        try:
            texts = await asyncio.to_thread(locators.read_texts, res.settings.data_dir)
            snapshot = await asyncio.to_thread(build_snapshot, files, None, None, texts)
        except OSError as exc:
            await _write_failed(out, context, res, who, VersionWriteError.of(exc, res.settings.data_dir))
            return
        except DataLoadError as exc:
            await out.refusal("reload_failed", exc, f"version {number}", res.pipeline.snapshot.version)
            return
        try:
            old_version, new, diff, sent = await _apply(context, res, snapshot, who, f"rollback to version {number}")
        except VersionWriteError as exc:
            await _write_failed(out, context, res, who, exc)
            return
        except VersionConflict as exc:
            await _conflict(out, context, res, who, exc)
            return
    await _report(out, old_version, new, diff, sent)


# --- activity -----------------------------------------------------------------------------------

async def unanswered(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Question texts from every chat: only ever sent to an admin's private chat (see _gate)."""
    gated = await _gate(update, context, "unanswered")
    if gated is not None:
        await gated[1].view("unanswered", items=await activity(context).unanswered())


async def stats(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    gated = await _gate(update, context, "stats")
    if gated is not None:
        await gated[1].view("stats", s=await activity(context).stats())


async def corrections(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/corrections on|off: whether this chat is told when a figure it was given changes."""
    message = update.effective_message
    if message is None:
        return
    arg = (context.args or [""])[0].lower()
    log_ = activity(context)
    if arg in ("on", "off"):
        log_.set_corrections(message.chat_id, arg == "on")
    await send_view(message, context, "corrections_set", on=await log_.corrections_on(message.chat_id),
                    changed=arg in ("on", "off"))
