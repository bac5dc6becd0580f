"""Console front end: ``python bot.py ask ...`` and the interactive console without a token.

A thin layer over the pipeline, the same one Telegram uses, so what a reporter sees here is what
the bot would say.
"""

from __future__ import annotations

import json
import logging
import sys
from typing import BinaryIO, TextIO

from handlers.claims import ClaimChecker
from handlers.cli import Command
from handlers.handoff import Handoff
from handlers.model import Answer, FollowUp
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


def batch(resources: Resources, inp: TextIO, out: TextIO) -> int:
    """``ask -``: one JSON answer per input line, in order.

    A plain line is an independent question. A JSON line ``{"chat": ID, "q": TEXT}`` is a turn of
    conversation ID: it is answered as a follow-up to that chat's last answer, the way a private
    chat would be, so evaluation scripts can replay whole conversations. A line that is neither
    gets a JSON error object naming its line number, and the batch goes on.
    """
    contexts: dict[str, FollowUp] = {}
    for number, line in enumerate(inp, start=1):
        text = line.strip()
        if not text:
            continue
        chat: str | None = None
        if text.startswith("{"):
            try:
                turn = json.loads(text)
                chat, question = str(turn["chat"]), str(turn["q"])
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                out.write(json.dumps({"line": number, "error": f"not a {{\"chat\", \"q\"}} object: {exc}"}) + "\n")
                out.flush()
                continue
        else:
            question = text
        answer = resources.pipeline.answer(question, previous=contexts.get(chat) if chat is not None else None)
        if chat is not None and answer.context is not None:
            contexts[chat] = answer.context
        row = answer.as_json()
        if chat is not None:
            row = {"chat": chat, **row}
        out.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
        out.flush()
    return 0


def interactive(resources: Resources, inp: TextIO = sys.stdin, out: TextIO = sys.stdout) -> int:
    """A prompt that keeps follow-up context, like a private chat with the bot."""
    out.write("factdesk console: no TELEGRAM_BOT_TOKEN set, so questions are answered here.\n"
              "Ask about the report's figures and facts; 'help' for examples, 'why' to see how the last\n"
              "answer was computed, 'where' where in the report its figures are stated, 'cite' a line to\n"
              "paste, Ctrl-D or 'quit' to leave.\n")
    context: FollowUp | None = None
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
        if line.strip().lower() in ("where", "cite"):
            handoff = Handoff(resources.pipeline)
            lang = last.lang if last else "en"
            view = handoff.passage if line.strip().lower() == "where" else handoff.cite
            out.write(to_plain(view(last, lang)) + "\n")
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


def run(settings: Settings, command: Command) -> int:
    """Load the data (refusing to start on errors) and run ``ask``, ``claim`` or the interactive console."""
    logging.basicConfig(level=settings.log_level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        resources = Resources.build(settings)
    except DataLoadError as exc:
        print(f"factdesk: cannot load data from {settings.data_dir}:\n{exc}", file=sys.stderr)
        return 3
    if command.name == "ask":
        if command.words == ("-",):
            return batch(resources, sys.stdin, sys.stdout)
        return ask(resources, [" ".join(command.words)], command.as_json, sys.stdout)
    if command.name == "claim":
        return claim(resources, " ".join(command.words), command.as_json)
    if command.name == "export":
        return export(resources, " ".join(command.words), sys.stdout.buffer)
    return interactive(resources)


def export(resources: Resources, question: str, out: BinaryIO) -> int:
    """``export [QUESTION]``: every figure as CSV, or the figures behind a question's answer.
    Exit 1 (with the reason on stderr) when the answer states no figure."""
    handoff = Handoff(resources.pipeline)
    ids = None
    if question:
        behind = handoff.behind(resources.pipeline.answer(question), "en")
        ids = [f.figure_id for f in behind.figures + behind.totals]
        if not ids:
            print("factdesk: that answer states no figure from the data; nothing to export.", file=sys.stderr)
            return 1
    out.write(handoff.csv_bytes(ids))
    out.flush()
    return 0


def claim(resources: Resources, sentence: str, as_json: bool, out: TextIO = sys.stdout) -> int:
    """``claim [--json] SENTENCE``: the verdict on every claim in the sentence."""
    html, verdicts = ClaimChecker(resources.pipeline).render(sentence)
    if as_json:
        for v in verdicts:
            out.write(json.dumps(v.as_json(), ensure_ascii=False) + "\n")
    else:
        out.write(to_plain(html) + "\n")
    return 0
