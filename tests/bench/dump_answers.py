"""Dump every evaluation answer to one text file, so two checkouts can be diffed for identical behaviour.

    python -m tests.bench.dump_answers OUT.txt

Speed work must leave every answer byte-identical; this writes, for every question of
tests/eval/*.jsonl and tests/eval/blind/*.jsonl (questions alone, dialogue turns with the context
the previous turn left, claim texts both as a question and through the claim checker), the
answer's kind, intent, language, score, figure ids, suggestions, stated figures, traces, context
and full HTML. Run it on both checkouts (each with its own venv) and ``diff`` the files: empty
means the same behaviour. The data version label is stripped (it differs between checkouts only
if their data differ, which they must not).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

from handlers.claims import ClaimChecker
from handlers.resources import Resources
from handlers.settings import Settings

EVAL_DIR = Path(__file__).resolve().parents[1] / "eval"
# The follow-up context's creation time is the clock's, not the answer's.
_CREATED = re.compile(r"created=[0-9.e+-]+")


def describe(answer: Any) -> str:
    """Every field of an answer a user or a later turn can see, one line each."""
    context = _CREATED.sub("created=T", repr(answer.context))
    own = _CREATED.sub("created=T", repr(answer.own_context))
    return "\n".join([
        f"kind={answer.kind} intent={answer.intent} lang={answer.lang} score={answer.score!r}",
        f"figures={answer.figure_ids} suggestions={answer.suggestions}",
        f"stated={answer.stated!r}",
        f"traces={[(t.name, repr(t.params), repr(t.rows)) for t in answer.traces]}",
        f"standalone={answer.standalone} merges={answer.merges_refs} context={context} own={own}",
        f"entities={json.dumps(answer.entities, sort_keys=True, default=repr, ensure_ascii=False)}",
        answer.html,
    ])


def main(argv: list[str]) -> int:
    out_path = Path(argv[0])
    pipeline = Resources.build(Settings.from_env({})).pipeline
    checker = ClaimChecker(pipeline)
    now = 1_800_000_000.0  # fixed, so follow-up ages are the same in both runs
    lines: list[str] = []
    files = sorted(EVAL_DIR.glob("*.jsonl")) + sorted((EVAL_DIR / "blind").glob("*.jsonl"))
    for path in files:
        for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines()):
            if not raw.strip():
                continue
            item = json.loads(raw)
            tag = f"### {path.name}:{n}"
            if "turns" in item:
                previous = None
                for t, turn in enumerate(item["turns"]):
                    answer = pipeline.answer(turn["q"], previous=previous, now=now)
                    lines += [f"{tag}#{t} {turn['q']}", describe(answer)]
                    if answer.context is not None:
                        previous = answer.context
            elif "claims" in item:
                lines += [f"{tag} {item['text']}", describe(pipeline.answer(item["text"], now=now))]
                lines.append("verdicts=" + repr(checker.check(item["text"])))
            else:
                lines += [f"{tag} {item['q']}", describe(pipeline.answer(item["q"], now=now))]
    text = "\n".join(lines) + "\n"
    text = re.sub(r"\bv(?:\d+|[0-9a-f]{10})\b", "vX", text)
    out_path.write_text(text, encoding="utf-8")
    print(f"{len(files)} files, {sum(1 for x in lines if x.startswith('### '))} items -> {out_path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
