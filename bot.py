"""factdesk entry point, a routing table: settings, then the console or the Telegram bot.

The command line is parsed by ``handlers/cli.py`` (``bot.py --help``). Without
TELEGRAM_BOT_TOKEN (or with ``console``, ``ask ...``, ``claim ...``) questions are answered in the
console; with it, the Application is built, handlers are registered in order, the error handler
is added and the bot runs: long polling, or ``run --webhook``. ``check`` validates settings and
data offline. Everything else lives in ``handlers/``.
"""

from __future__ import annotations

import sys

from telegram import Update
from telegram.ext import (Application, CallbackQueryHandler, CommandHandler, InlineQueryHandler, MessageHandler,
                          TypeHandler, filters)

from handlers import cli, console, preflight
from handlers.settings import Settings, load_settings
from handlers.telegram import admin, callbacks, commands, errors, handoff, handoff_keys, inline, menus, messages, modes
from handlers.telegram.setup import build_application, load_chat_state, setup_logging


def build(settings: Settings, **requests: object) -> Application:
    """The bot with its handlers, in the order they are tried."""
    app = build_application(settings, **requests)  # type: ignore[arg-type]
    new = filters.UpdateType.MESSAGE  # never edited messages: an edited /ask must not answer twice
    text = new & filters.TEXT & ~filters.COMMAND
    # Before any other handler: an admin whose menu Telegram refused at start-up gets it now.
    app.add_handler(TypeHandler(Update, menus.on_first_contact), group=-1)
    # Before that: the chat's remembered /lang, so replies of every kind use it after a restart.
    app.add_handler(TypeHandler(Update, load_chat_state), group=-2)
    # (Button presses are throttled per user on arrival, before any handler: the update processor.)
    app.add_handler(CommandHandler("start", commands.start, filters=new))
    app.add_handler(CommandHandler("help", commands.help_command, filters=new))
    app.add_handler(CommandHandler("ask", commands.ask, filters=new))
    app.add_handler(CommandHandler("figures", commands.figures, filters=new))
    app.add_handler(CommandHandler("sources", commands.sources, filters=new))
    app.add_handler(CommandHandler("chart", commands.chart, filters=new))
    app.add_handler(CommandHandler("about", commands.about, filters=new))
    app.add_handler(CommandHandler("why", commands.why, filters=new))
    app.add_handler(CommandHandler("check", commands.check, filters=new))
    app.add_handler(CommandHandler("lang", commands.lang_command, filters=new))
    app.add_handler(CommandHandler("passage", handoff.passage, filters=new))
    app.add_handler(CommandHandler("export", handoff.export, filters=new))
    app.add_handler(CommandHandler("reload", admin.reload, filters=new))
    app.add_handler(CommandHandler("history", admin.history, filters=new))
    app.add_handler(CommandHandler("rollback", admin.rollback, filters=new))
    app.add_handler(CommandHandler("unanswered", admin.unanswered, filters=new))
    app.add_handler(CommandHandler("stats", admin.stats, filters=new))
    app.add_handler(CommandHandler("corrections", admin.corrections, filters=new))
    app.add_handler(MessageHandler(new & filters.Document.ALL & filters.ChatType.PRIVATE, admin.upload))
    app.add_handler(CallbackQueryHandler(admin.on_upload_button, pattern=r"^(apply|cancel):"))
    app.add_handler(CallbackQueryHandler(handoff.on_button, pattern=handoff_keys.PATTERN))
    app.add_handler(CallbackQueryHandler(callbacks.on_button))
    app.add_handler(InlineQueryHandler(inline.on_inline_query))
    app.add_handler(MessageHandler(text & filters.ChatType.PRIVATE, messages.private_text))
    app.add_handler(MessageHandler(text & filters.ChatType.GROUPS & (filters.Entity("mention") | filters.REPLY),
                                   messages.group_text))
    app.add_error_handler(errors.on_error)
    return app


def main(argv: list[str]) -> int:
    command = cli.parse(argv)  # --help on each command; the old forms still work
    settings = load_settings(webhook=command.webhook)
    if command.name == "check":
        return preflight.run(settings)  # settings, data and templates, offline: 0 means deployable
    if command.name in ("console", "ask", "claim", "export") or not settings.token:
        return console.run(settings, command)  # no token: the console, so anyone can try it at once
    setup_logging(settings)
    app = build(settings)
    return modes.webhook(app, settings) if command.webhook else modes.polling(app, settings)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
