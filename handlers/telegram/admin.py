"""Admin commands. Only user IDs in BOT_ADMIN_IDS have admin power: being a group admin grants
nothing, and a message sent anonymously on behalf of a group (no real user behind it) never does.
"""

from __future__ import annotations

import asyncio
import logging

from telegram import Message, Update
from telegram.ext import ContextTypes

from handlers.admin_ops import figure_diff
from handlers.settings import Settings
from handlers.store import DataLoadError, load_dir
from handlers.telegram.reply import send_view
from handlers.telegram.setup import resources

log = logging.getLogger(__name__)
audit = logging.getLogger("factdesk.audit")


def is_admin(message: Message, settings: Settings) -> bool:
    if message.sender_chat is not None or message.from_user is None:
        return False  # anonymous group admins and channel posts act as the chat, not as a person
    return message.from_user.id in settings.admin_ids


async def reload(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/reload: re-read data/ from disk, validate, swap atomically, report what changed."""
    message = update.effective_message
    if message is None:
        return
    res = resources(context)
    user = message.from_user.id if message.from_user else None
    if not is_admin(message, res.settings):
        audit.warning("refused /reload from user=%s chat=%s", user, message.chat_id)
        await send_view(message, context, "not_admin")
        return
    old = res.pipeline.snapshot
    try:
        snapshot = await asyncio.to_thread(load_dir, res.settings.data_dir)
    except DataLoadError as exc:
        audit.warning("/reload by user=%s refused: %d data errors", user, len(exc.errors))
        await send_view(message, context, "reload_failed", errors=[str(e) for e in exc.errors], version=old.version)
        return
    diff = figure_diff(old, snapshot)
    res.swap(snapshot)
    audit.info("/reload by user=%s: v%s -> v%s (+%d ~%d -%d)", user, old.version, snapshot.version,
               len(diff["added"]), len(diff["changed"]), len(diff["removed"]))
    await send_view(message, context, "reload_ok", old_version=old.version, new_version=snapshot.version,
                    counts=snapshot.counts(), diff=diff, warnings=snapshot.warnings)
