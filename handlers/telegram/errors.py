"""The one error handler: log first, then tell the asker politely that the question failed.

A button press Telegram no longer accepts ("query is too old", or an id it does not know) is
not a failure of the bot: one INFO line, no traceback, no message to the user.
"""

from __future__ import annotations

import logging

from telegram import Update
from telegram.error import BadRequest, TelegramError
from telegram.ext import ContextTypes

from handlers.telegram.fairness import ChatQueueFull
from handlers.telegram.quiet import QuietLog, expired_queries, is_expired_query
from handlers.telegram.reply import view_lang
from handlers.telegram.setup import resources

log = logging.getLogger(__name__)

__all__ = ["QuietLog", "expired_queries", "is_expired_query", "on_error"]


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    error = context.error
    if isinstance(error, BadRequest) and is_expired_query(error):
        expired_queries.note(error.message)  # one INFO line per burst, no traceback, no apology
        return
    if isinstance(error, ChatQueueFull):
        log.warning("update %s: not answered: %s", getattr(update, "update_id", "?"), error)
        return  # an apology would only join the same full queue
    log.error("update %s failed", getattr(update, "update_id", "?"), exc_info=context.error)
    if not isinstance(update, Update) or update.effective_chat is None or update.inline_query is not None:
        return
    try:
        # The apology in the asker's language: the chat's /lang choice, else the failed message's
        # script, else the user's Telegram language.
        text = (update.effective_message.text or "") if update.effective_message is not None else ""
        text = "" if text.startswith("/") else text  # a command's name is not the asker's language
        lang = view_lang(context, update.effective_chat.id, update.effective_user, text)
        html = resources(context).renderer.html("error", lang)
        await context.bot.send_message(update.effective_chat.id, html, parse_mode="HTML")
    except (TelegramError, KeyError, ChatQueueFull) as exc:  # the apology itself failed: logged, not retried
        log.warning("could not tell the user about the failure: %s", exc)
