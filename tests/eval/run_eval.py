"""Evaluation runner: scores the pipeline on a JSONL question set.

Each question is judged as
- correct: a confident answer containing every expected string, or an honest fallback where
  one was expected;
- wrong: a confident answer that misses an expected figure, contains a forbidden one, or answers
  where the data has nothing (the worst outcome: a confident wrong number);
- miss: an honest fallback or "did you mean" where an answer was expected.

Figures match as whole numbers (so "23" does not match inside "2023"), after thousands
separators are removed and decimal commas read as points (Russian answers write "71,4 %"). Run: ``python -m tests.eval.run_eval [FILE] [--show wrong,miss]``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from handlers.pipeline import Answer, Pipeline

EVAL_DIR = Path(__file__).resolve().parent
DEFAULT_SET = EVAL_DIR / "questions_en.jsonl"


@dataclass(frozen=True)
class Verdict:
    """One question's outcome."""

    id: str
    question: str
    outcome: str  # correct | wrong | miss
    why: str
    answer: str
    intent: str | None
    kind: str


_NUMBER_RE = re.compile(r"(?<![\d.])\d+(?:\.\d+)?(?![\d])")


def normalise_numbers(text: str) -> str:
    """One spelling for numbers in any answer language: "1 234" / "1,234" -> "1234", "71,4" -> "71.4".

    Thousands separators (comma, space, no-break or thin space before exactly three digits) go
    first, so the comma left between digits is a decimal comma (Russian "71,4 %").
    """
    text = re.sub(r"(?<=\d)[,\u202f\u00a0](?=\d{3}(?!\d))", "", text)  # "1,497명": a counter may follow
    text = re.sub(r"(?<![\d.,])(\d{1,3}) (?=\d{3}\b)", r"\1", text)
    return re.sub(r"(?<=\d),(?=\d)", ".", text)


# The data version in a source line ("data v13", "데이터 v13", "данные v13") is a label, not a
# figure: a required "13" must not be found in it.
_DATA_VERSION_RE = re.compile(r"(?<![\w.])v(?:\d+|[0-9a-f]{10})\b")


def contains(text: str, expected: str) -> bool:
    """Figures match as numbers, words as case-insensitive substrings.

    An expected "365" matches 365 or 365.0 but not 2365 or 36.5; an expected "1.6" matches any
    number that rounds to it at that precision (1.6, 1.64), the way a journalist would read it.
    """
    flat = normalise_numbers(_DATA_VERSION_RE.sub("", text))
    expected = normalise_numbers(expected)
    if not re.fullmatch(r"\d+(?:\.\d+)?", expected):
        return expected.lower() in flat.lower()
    decimals = len(expected.partition(".")[2])
    for found in _NUMBER_RE.findall(flat):
        found_decimals = len(found.partition(".")[2])
        if decimals == 0:
            if float(found) == float(expected) and (found_decimals == 0 or float(found).is_integer()):
                return True
        elif found_decimals >= decimals and round(float(found), decimals) == float(expected):
            return True
    return False


def judge(item: dict, pipeline: Pipeline) -> Verdict:
    return judge_answer(item, pipeline.answer(item["q"]))


def judge_answer(item: dict, answer: Answer) -> Verdict:
    """One answer against the item's expectation."""
    text = answer.text
    confident = answer.kind == "answer"
    expect = item["expect"]
    if expect == "fallback":
        outcome, why = ("wrong", "answered where the data has nothing") if confident else ("correct", "")
    elif not confident:
        outcome, why = "miss", f"gave {answer.kind}"
    else:
        missing = [s for s in item.get("must_include", []) if not contains(text, s)]
        forbidden = [s for s in item.get("must_not_include", []) if contains(text, s)]
        if missing or forbidden:
            outcome = "wrong"
            why = "; ".join(filter(None, [f"missing {missing}" if missing else "", f"forbidden {forbidden}" if forbidden else ""]))
        else:
            outcome, why = "correct", ""
    return Verdict(item["id"], item["q"], outcome, why, text, answer.intent, answer.kind)


def load_set(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def evaluate(pipeline: Pipeline, items: list[dict]) -> tuple[Counter, list[Verdict]]:
    verdicts = [judge(item, pipeline) for item in items]
    return Counter(v.outcome for v in verdicts), verdicts


def main(argv: list[str]) -> int:
    from handlers.resources import Resources
    from handlers.settings import Settings

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", default=str(DEFAULT_SET))
    parser.add_argument("--show", default="wrong,miss", help="outcomes to list (comma-separated), or 'none'")
    args = parser.parse_args(argv)
    resources = Resources.build(Settings.from_env({}))
    items = load_set(Path(args.file))
    counts, verdicts = evaluate(resources.pipeline, items)
    show = set(args.show.split(","))
    for v in verdicts:
        if v.outcome in show:
            print(f"[{v.outcome}] {v.id} ({v.intent}/{v.kind}) {v.question!r}: {v.why}")
            print("    " + v.answer.replace("\n", "\n    ")[:600])
    n = len(verdicts)
    print(f"\n{n} questions: correct {counts['correct']} ({100 * counts['correct'] / n:.1f}%), "
          f"wrong {counts['wrong']} ({100 * counts['wrong'] / n:.1f}%), miss {counts['miss']} ({100 * counts['miss'] / n:.1f}%)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
