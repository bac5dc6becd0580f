"""Hunt for false "matches": perturb every number of every true claim in the claim sets.

Each number a claim set marks as matching is replaced by its digit transpositions and by itself
±1, ±2 and ±10, and the sentence is checked again. A perturbed number may still match only when
it is hedged ("about 360" for 365 is within its rounding) or when the data has exactly that
number (another figure of the sentence). Anything else is a false "matches".
Run: ``python -m tests.eval.perturb_claims [--show]``.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from handlers import claims_words as W
from handlers.claims import ClaimChecker
from tests.eval.run_claims import EVAL_DIR, load_set

STEPS = (1, -1, 2, -2, 10, -10)


@dataclass(frozen=True)
class Probe:
    text: str
    value: str
    verdict: str
    data: str | None


def variants(digits: str) -> set[str]:
    """Transpositions of neighbouring digits and small steps either side."""
    out = set()
    for i in range(len(digits) - 1):
        swapped = digits[:i] + digits[i + 1] + digits[i] + digits[i + 2:]
        if swapped != digits and not swapped.startswith("0"):
            out.add(swapped)
    n = int(digits)
    out |= {str(n + d) for d in STEPS if n + d > 0}
    return out


def hedged(text: str, value: str) -> bool:
    """Is the number written with a hedge in any of the three languages?"""
    low = text.lower()
    at = low.find(value)
    if at < 0:
        return False
    before = re.sub(r"\s+(?:на|в)$", "", low[:at].rstrip())
    after = low[at + len(value):]
    if any(before.endswith(phrase) for lang in W.HEDGES_BEFORE for phrase, h in W.HEDGES_BEFORE[lang] if h != "exact"):
        return True
    return any(p.match(after) for p, _ in W.KO_HEDGES_AFTER)


def probe(checker: ClaimChecker, files: list[Path]) -> tuple[int, list[Probe]]:
    total, bad = 0, []
    for path in files:
        for item in load_set(path):
            for claim in item["claims"]:
                raw = claim["value"]
                if claim["verdict"] != "matches" or not raw or not re.fullmatch(r"\d+", raw) or raw not in item["text"]:
                    continue
                for variant in sorted(variants(raw)):
                    text = item["text"].replace(raw, variant, 1)
                    total += 1
                    for v in checker.check(text):
                        if v.verdict != "matches" or v.claimed_value is None or abs(v.claimed_value - float(variant)) > 1e-9:
                            continue
                        if hedged(text, variant) or (v.data_value is not None and abs(v.data_value - float(variant)) < 1e-9):
                            continue
                        bad.append(Probe(text, variant, v.verdict, v.data_text))
    return total, bad


def claim_files() -> list[Path]:
    return sorted(set(EVAL_DIR.glob("claims_*.jsonl")) | set(EVAL_DIR.glob("fresh_claims_*.jsonl")))


def main(argv: list[str]) -> int:
    from handlers.resources import Resources
    from handlers.settings import Settings

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="list the false matches")
    args = parser.parse_args(argv)
    checker = ClaimChecker(Resources.build(Settings.from_env({})).pipeline)
    total, bad = probe(checker, claim_files())
    if args.show:
        for b in bad:
            print(f"{b.value}: {b.text}  (data: {b.data})")
    print(f"{total} perturbed claims, {len(bad)} false 'matches'")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
