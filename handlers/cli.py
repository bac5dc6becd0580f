"""The command line: ``bot.py [run|console|ask|claim|check|export] ...`` as argparse subcommands.

``bot.py`` with no command runs the Telegram bot when ``TELEGRAM_BOT_TOKEN`` is set and the
console otherwise, so the quick start works with no setup. ``check`` is the offline health check
(settings, data, templates); the claim check is ``claim``. The old ``bot.py check SENTENCE`` and
``bot.py --webhook`` forms still work; the first prints a one-line notice on stderr.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass

DESCRIPTION = "factdesk: answers journalists' questions about a report's figures and facts, with sources."
EPILOG = ("With no command: the Telegram bot if TELEGRAM_BOT_TOKEN is set, else the console. "
          "Settings come from the environment; .env.example lists each with its default.")


@dataclass(frozen=True)
class Command:
    """What the command line asked for: a command name and the arguments left for it."""

    name: str  # "bot" | "console" | "ask" | "claim" | "check" | "export"
    webhook: bool = False
    as_json: bool = False
    words: tuple[str, ...] = ()  # the question or sentence, as typed; ("-",) reads stdin


def build_parser() -> argparse.ArgumentParser:
    """The parser with one subcommand per mode; each has its own ``--help``."""
    parser = argparse.ArgumentParser(prog="bot.py", description=DESCRIPTION, epilog=EPILOG)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    run = sub.add_parser("run", help="run the Telegram bot (long polling, or --webhook)",
                         description="Run the Telegram bot. Needs TELEGRAM_BOT_TOKEN.")
    run.add_argument("--webhook", action="store_true", help="webhook mode (WEBHOOK_URL, WEBHOOK_SECRET)")
    sub.add_parser("console", help="ask questions interactively, with follow-ups",
                   description="An interactive prompt that keeps follow-up context, like a private chat.")
    ask = sub.add_parser("ask", help="answer questions from the command line",
                         description="Answer a question. With -, read stdin: a plain line is one independent "
                                     'question; a JSON line {"chat": ID, "q": TEXT} is a turn of conversation ID '
                                     "(follow-ups keep that chat's context). One JSON object per line out.")
    ask.add_argument("--json", action="store_true", help="one JSON object per answer")
    ask.add_argument("question", nargs="+", help="the question, or - to read from stdin")
    claim = sub.add_parser("claim", help="check the figures and statements in a sentence",
                           description="Give a verdict on every claim in a sentence: matches, differs, not in the data.")
    claim.add_argument("--json", action="store_true", help="one JSON object per claim")
    claim.add_argument("sentence", nargs="+")
    sub.add_parser("check", help="offline health check of settings, data and templates (exit 0, 2 or 3)",
                   description="Is this configuration deployable? One OK line, or exit 2 (setting) / 3 (data).")
    export = sub.add_parser("export", help="the figures as CSV on stdout (UTF-8 with BOM), or the rows behind an answer",
                            description="Every figure with its period, source chain and locator as CSV on stdout; "
                                        "with a question, only the figures behind its answer.")
    export.add_argument("question", nargs="*", help="a question whose answer's figures to export")
    return parser


def parse(argv: list[str], err: object = sys.stderr) -> Command:
    """``argv`` as a Command; the old forms are mapped to the new ones."""
    if argv == ["--webhook"]:
        return Command("bot", webhook=True)
    if len(argv) > 1 and argv[0] == "check" and argv[1] not in ("-h", "--help"):
        print("factdesk: 'bot.py check SENTENCE' is now 'bot.py claim SENTENCE'; running that.", file=err)  # type: ignore[arg-type]
        argv = ["claim", *argv[1:]]
    ns = build_parser().parse_args(argv)
    if ns.command is None:
        return Command("bot")
    if ns.command == "run":
        return Command("bot", webhook=ns.webhook)
    if ns.command == "ask":
        return Command("ask", as_json=ns.json, words=tuple(ns.question))
    if ns.command == "claim":
        return Command("claim", as_json=ns.json, words=tuple(ns.sentence))
    if ns.command == "export":
        return Command("export", words=tuple(ns.question))
    return Command(ns.command)
