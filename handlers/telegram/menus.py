"""Command menus: the public one for everyone, and the admin one in each admin's private chat.

Menus are optional: a bot without them still answers everything. So no menu call may stop
start-up. Telegram answers 400 "Bad Request: chat not found" to a chat-scoped setMyCommands for
a user who has never opened a chat with the bot (a fresh deployment whose admin has not written
yet, or a mistyped id in BOT_ADMIN_IDS); that is a WARNING naming the id, the id is remembered,
and the admin gets the menu the first time they write to the bot, with no restart.
"""

from __future__ import annotations

import logging

from telegram import BotCommand, BotCommandScopeChat, BotCommandScopeDefault, Bot, Update
from telegram.error import BadRequest, Forbidden, TelegramError
from telegram.ext import Application, ContextTypes

log = logging.getLogger(__name__)

COMMANDS = [
    ("start", "What this bot does, with example questions"),
    ("ask", "Ask a question (in groups: /ask how many came in Q3?)"),
    ("figures", "Every figure in the data, with sources"),
    ("sources", "Where the figures come from"),
    ("chart", "A chart: trend, or a breakdown"),
    ("check", "Check the figures in a sentence from your draft"),
    ("why", "How the last answer was computed"),
    ("passage", "Where in the report the last answer's figures are stated"),
    ("export", "The figures as a CSV file (/export QUESTION: the rows behind an answer)"),
    ("corrections", "Turn correction notices for this chat on or off"),
    ("about", "Data version and coverage"),
    ("help", "How to ask"),
]
ADMIN_COMMANDS = [
    ("reload", "Admin: re-read the data files and swap them in"),
    ("history", "Admin: data versions"),
    ("rollback", "Admin: restore data version N (as a new version)"),
    ("unanswered", "Admin: questions the bot could not answer"),
    ("stats", "Admin: questions per day, share answered, top intents"),
]

PENDING_KEY = "admin_menu_pending"  # bot_data key: admin ids whose menu is not set yet


def describe(exc: TelegramError) -> str:
    """What Telegram said, with the HTTP class it came as (400, 403, network)."""
    if isinstance(exc, BadRequest):
        return f"Telegram answered 400 {exc.message!r}"
    if isinstance(exc, Forbidden):
        return f"Telegram answered 403 {exc.message!r}"
    return f"{type(exc).__name__}: {exc.message}"


async def set_admin_menu(bot: Bot, admin_id: int) -> bool:
    """The admin menu in ``admin_id``'s private chat; False (logged) if Telegram refused it."""
    try:
        await bot.set_my_commands([BotCommand(c, d) for c, d in COMMANDS + ADMIN_COMMANDS],
                                  scope=BotCommandScopeChat(admin_id))
        return True
    except TelegramError as exc:
        hint = (" (this admin has not opened a chat with the bot yet, or the id in BOT_ADMIN_IDS is mistyped)"
                if "chat not found" in exc.message.lower() else "")
        log.warning("admin command menu for user id %d not set: %s%s; the admin gets it on first writing to the bot",
                    admin_id, describe(exc), hint)
        return False


async def set_menus(application: Application, admin_ids: frozenset[int]) -> None:
    """Both menus; every failure is a warning and start-up goes on."""
    bot = application.bot
    try:
        await bot.set_my_commands([BotCommand(c, d) for c, d in COMMANDS], scope=BotCommandScopeDefault())
    except TelegramError as exc:
        log.warning("public command menu not set: %s; the bot runs without it", describe(exc))
    pending: set[int] = application.bot_data.setdefault(PENDING_KEY, set())
    for admin_id in sorted(admin_ids):
        if not await set_admin_menu(bot, admin_id):
            pending.add(admin_id)


async def on_first_contact(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Runs before every handler: an admin whose menu failed at start-up gets it now.

    Only a private message proves the chat exists; the id leaves the pending set before the
    call, so concurrent updates from the same admin set it once, and goes back if it fails.
    """
    if not isinstance(update, Update) or update.effective_user is None:
        return
    pending: set[int] = context.application.bot_data.get(PENDING_KEY, set())
    user_id = update.effective_user.id
    chat = update.effective_chat
    if user_id not in pending or chat is None or chat.id != user_id:
        return
    pending.discard(user_id)
    if await set_admin_menu(context.bot, user_id):
        log.info("admin command menu set for user id %d on first contact", user_id)
    else:
        pending.add(user_id)
