"""Conversation evaluation: every turn of each conversation in a JSONL set, follow-ups included.

A conversation is ``{"id", "lang", "turns": [{"q", "expect", "must_include", ...}], "tags"}``.
Each turn is asked with the previous answer's follow-up context, as in a private chat, and judged
like a single question (tests/eval/run_eval.py): correct, wrong (a confident answer that is wrong,
the worst outcome) or miss. Follow-up turns (every turn after the first) are also counted apart,
because they are what this set measures.
Run: ``python -m tests.eval.run_dialogues [FILE] [--show wrong,miss]``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from handlers.pipeline import Pipeline
from tests.eval.run_eval import Verdict, judge_answer

EVAL_DIR = Path(__file__).resolve().parent
DEFAULT_SET = EVAL_DIR / "dialogues.jsonl"


@dataclass(frozen=True)
class TurnVerdict:
    """One turn's outcome within its conversation."""

    conversation: str
    turn: int
    verdict: Verdict


def run_conversation(item: dict, pipeline: Pipeline) -> list[TurnVerdict]:
    """Ask every turn with the context the previous answer left."""
    previous = None
    out = []
    for n, turn in enumerate(item["turns"]):
        answer = pipeline.answer(turn["q"], previous=previous)
        if answer.context is not None:
            previous = answer.context
        out.append(TurnVerdict(item["id"], n, judge_answer({"id": f"{item['id']}#{n}", **turn}, answer)))
    return out


def evaluate(pipeline: Pipeline, items: list[dict]) -> tuple[Counter, Counter, list[TurnVerdict]]:
    """Outcomes over all turns, over follow-up turns only, and every turn's verdict."""
    turns = [t for item in items for t in run_conversation(item, pipeline)]
    return (Counter(t.verdict.outcome for t in turns), Counter(t.verdict.outcome for t in turns if t.turn > 0), turns)


def load_set(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def summary(label: str, counts: Counter) -> str:
    n = sum(counts.values()) or 1
    return (f"{label} {sum(counts.values())}: correct {counts['correct']} ({100 * counts['correct'] / n:.1f}%), "
            f"wrong {counts['wrong']} ({100 * counts['wrong'] / n:.1f}%), miss {counts['miss']} ({100 * counts['miss'] / n:.1f}%)")


def main(argv: list[str]) -> int:
    from handlers.resources import Resources
    from handlers.settings import Settings

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", default=str(DEFAULT_SET))
    parser.add_argument("--show", default="wrong,miss", help="outcomes to list (comma-separated), or 'none'")
    args = parser.parse_args(argv)
    resources = Resources.build(Settings.from_env({}))
    items = load_set(Path(args.file))
    all_turns, followups, turns = evaluate(resources.pipeline, items)
    show = set(args.show.split(","))
    for t in turns:
        v = t.verdict
        if v.outcome in show:
            print(f"[{v.outcome}] {v.id} ({v.intent}/{v.kind}) {v.question!r}: {v.why}")
            print("    " + v.answer.replace("\n", "\n    ")[:400])
    print(f"\n{len(items)} conversations; " + summary("turns", all_turns) + "; " + summary("follow-up turns", followups))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
