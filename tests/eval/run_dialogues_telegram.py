"""Conversation evaluation driven through Telegram: each conversation in its own private chat.

Issue 12 judges conversations "driven through Telegram (a private chat over the Bot API)". This
runner starts the loopback Bot API server of the tests (tests/botapi.py) and the real
python-telegram-bot Application (bot.build, long polling over HTTP), sends every turn of every
conversation as a private message from its own user, and judges the bot's reply like
tests/eval/run_dialogues.py does. A reply carries no "kind", so the in-process pipeline answers
the same turns with the same per-chat context alongside: its kind (answer, fallback, suggest)
is the reply's, once the two texts are shown to be the same (the data version label aside).
Every reply that differs from the pipeline's is counted and listed; it is judged on its own text.

Run: ``python -m tests.eval.run_dialogues_telegram FILE [--show wrong,miss]``.
"""

from __future__ import annotations

import argparse
import asyncio
import re
import sys
import tempfile
from collections import Counter
from dataclasses import replace
from pathlib import Path

from handlers.model import Answer
from handlers.resources import Resources
from handlers.settings import Settings
from tests.botapi import FakeBotAPI
from tests.botapi import updates as U
from tests.eval.run_dialogues import DEFAULT_SET, load_set
from tests.eval.run_eval import judge_answer
from tests.test_telegram import TOKEN, running_bot, settings_for, text_of

_VERSION_LABEL = re.compile(r"(?<= v)(?:\d+|[0-9a-f]{10})\b")  # "data v1" / "data v9e7824daae"
FIRST_USER = 700000


def _same(a: str, b: str) -> bool:
    return _VERSION_LABEL.sub("N", " ".join(a.split())) == _VERSION_LABEL.sub("N", " ".join(b.split()))


async def evaluate_over_telegram(items: list[dict]) -> tuple[Counter, Counter, list[tuple[str, int, object]], list[str]]:
    """Every turn over HTTP; returns turn counts, follow-up counts, the verdicts and the mismatches."""
    pipeline = Resources.build(Settings.from_env({"FACTDESK_STATE_DIR": tempfile.mkdtemp(prefix="eval-state-")})).pipeline
    turns, followups, verdicts, mismatches = Counter(), Counter(), [], []
    async with FakeBotAPI(token=TOKEN, bot_username="FactDeskEvalBot") as api:
        async with running_bot(api, settings_for(api)) as bot:
            for n, item in enumerate(items):
                user, previous = FIRST_USER + n, None
                for t, turn in enumerate(item["turns"]):
                    expected: Answer = pipeline.answer(turn["q"], previous=previous)
                    previous = expected.context or previous
                    [call] = await bot.send(U.private_text(turn["q"], user_id=user, language_code=item.get("lang", "en")),
                                            timeout=20.0)
                    got = text_of(call)
                    if not _same(got, expected.text):
                        mismatches.append(f"{item['id']}#{t} {turn['q']!r}")
                    # The reply's own text is judged; the kind is the pipeline's for the same turn.
                    verdict = judge_answer(turn | {"id": f"{item['id']}#{t}"}, replace(expected, html=call.params["text"]))
                    turns[verdict.outcome] += 1
                    if t:
                        followups[verdict.outcome] += 1
                    verdicts.append((item["id"], t, verdict))
    return turns, followups, verdicts, mismatches


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("file", nargs="?", default=str(DEFAULT_SET))
    parser.add_argument("--show", default="wrong,miss", help="outcomes to list (comma-separated), or 'none'")
    args = parser.parse_args(argv)
    items = load_set(Path(args.file))
    turns, followups, verdicts, mismatches = asyncio.run(evaluate_over_telegram(items))
    show = set(args.show.split(","))
    for conv, t, v in verdicts:
        if v.outcome in show:
            print(f"[{v.outcome}] {conv}#{t} {v.question!r}: {v.why}")
    for m in mismatches:
        print(f"[reply differs from the pipeline] {m}")
    n, f = sum(turns.values()), sum(followups.values())
    print(f"\n{len(items)} conversations over Telegram; turns {n}: correct {turns['correct']} "
          f"({100 * turns['correct'] / n:.1f}%), wrong {turns['wrong']} ({100 * turns['wrong'] / n:.1f}%), "
          f"miss {turns['miss']}; follow-up turns {f}: correct {followups['correct']} "
          f"({100 * followups['correct'] / max(f, 1):.1f}%), wrong {followups['wrong']}; "
          f"replies differing from the pipeline: {len(mismatches)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
