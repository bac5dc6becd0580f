"""Console front end: ``python bot.py ask ...`` and the interactive console without a token.

A thin layer over the pipeline, the same one Telegram uses, so what a reporter sees here is what
the bot would say.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from typing import TextIO

from handlers.claims import ClaimChecker
from handlers.pipeline import Answer, Context
from handlers.render import to_plain
from handlers.resources import Resources
from handlers.settings import Settings
from handlers.store import DataLoadError


def ask(resources: Resources, questions: list[str], as_json: bool, out: TextIO) -> int:
    """Answer each question; one JSON object per line with ``as_json``. Returns an exit code."""
    for q in questions:
        answer = resources.pipeline.answer(q)
        if as_json:
            out.write(json.dumps(answer.as_json(), ensure_ascii=False, default=str) + "\n")
        else:
            out.write(answer.text + "\n")
            if len(questions) > 1:
                out.write("\n")
        out.flush()
    return 0


def interactive(resources: Resources, inp: TextIO = sys.stdin, out: TextIO = sys.stdout) -> int:
    """A prompt that keeps follow-up context, like a private chat with the bot."""
    out.write("factdesk console: no TELEGRAM_BOT_TOKEN set, so questions are answered here.\n"
              "Ask about the report's figures and facts; 'help' for examples, 'why' to see how the last\n"
              "answer was computed, Ctrl-D or 'quit' to leave.\n")
    context: Context | None = None
    last = None
    while True:
        out.write("\n> ")
        out.flush()
        line = inp.readline()
        if not line or line.strip().lower() in {"quit", "exit", ":q"}:
            out.write("\n")
            return 0
        if not line.strip():
            continue
        if line.strip().lower() == "why":
            out.write(explain(last) if last else "Nothing answered yet.\n")
            continue
        answer = resources.pipeline.answer(line, previous=context)
        if answer.context is not None:
            context = answer.context
        last = answer
        out.write(answer.text + "\n")


def explain(answer: Answer) -> str:
    """The plain-text "how was this computed" view."""
    lines = [f"intent: {answer.intent} (score {answer.score})", f"entities: {json.dumps(answer.entities, ensure_ascii=False)}"]
    for t in answer.traces:
        lines.append(f"-- {t.name} {json.dumps(t.params, default=str)}")
        lines.append(t.sql.strip())
        for r in t.rows[:10]:
            lines.append(f"   {r}")
    return "\n".join(lines) + "\n"


def run(settings: Settings, argv: list[str]) -> int:
    """Load the data (refusing to start on errors) and run ``ask ...`` or the interactive console."""
    logging.basicConfig(level=settings.log_level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        resources = Resources.build(settings)
    except DataLoadError as exc:
        print(f"factdesk: cannot load data from {settings.data_dir}:\n{exc}", file=sys.stderr)
        return 3
    if argv and argv[0] == "ask":
        return main(resources, argv[1:])
    if argv and argv[0] == "check":
        return check(resources, argv[1:])
    return interactive(resources)


def check(resources: Resources, argv: list[str], out: TextIO = sys.stdout) -> int:
    """``check [--json] SENTENCE``: the verdict on every figure in the sentence."""
    parser = argparse.ArgumentParser(prog="bot.py check", description="Check the figures in a sentence.")
    parser.add_argument("--json", action="store_true", help="one JSON object per claim")
    parser.add_argument("sentence", nargs="+")
    args = parser.parse_args(argv)
    html, verdicts = ClaimChecker(resources.pipeline).render(" ".join(args.sentence))
    if args.json:
        for v in verdicts:
            out.write(json.dumps(v.as_json(), ensure_ascii=False) + "\n")
    else:
        out.write(to_plain(html) + "\n")
    return 0


def main(resources: Resources, argv: list[str]) -> int:
    """``ask [--json] QUESTION|-``."""
    parser = argparse.ArgumentParser(prog="bot.py ask", description="Answer questions from the command line.")
    parser.add_argument("--json", action="store_true", help="one JSON object per question")
    parser.add_argument("question", nargs="+", help="the question, or - to read one per line from stdin")
    args = parser.parse_args(argv)
    if args.question == ["-"]:
        # Batch mode is for evaluation scripts: always one JSON object per input line, in order.
        questions = [line.rstrip("\n") for line in sys.stdin if line.strip()]
        return ask(resources, questions, True, sys.stdout)
    return ask(resources, [" ".join(args.question)], args.json, sys.stdout)
