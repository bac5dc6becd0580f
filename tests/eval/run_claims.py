"""Claim-check evaluation: verdicts on tests/eval/claims_en.jsonl.

Each expected claim is paired with the checker's verdict on the same number (or, for
qualitative claims, the next qualitative verdict in order). A claim is correct when the verdicts
agree; a "matches" given to a claim that is false or not in the data is counted separately,
because it is the failure that must never happen.
Run: ``python -m tests.eval.run_claims [FILE] [--show]``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from handlers import claims_words as W
from handlers.claims import ClaimChecker, Verdict, words_to_number

EVAL_DIR = Path(__file__).resolve().parent
DEFAULT_SET = EVAL_DIR / "claims_en.jsonl"
MULTIPLIER_WORDS = {"doubled": 2.0, "double": 2.0, "twice": 2.0, "thrice": 3.0, "tripled": 3.0, "triple": 3.0, "quadrupled": 4.0, "halved": 0.5,
                    "twofold": 2.0, "threefold": 3.0, "tripling": 3.0, "doubling": 2.0, "quadrupling": 4.0, "half": 50.0, "a third": 100 / 3, "two-thirds": 200 / 3,
                    "two thirds": 200 / 3, "three-quarters": 75.0, "three quarters": 75.0, "a majority": 50.0}
MULTIPLIER_WORDS.update({"three-fifths": 60.0, "three fifths": 60.0, "two-fifths": 40.0, "a fifth": 20.0,
                         "four-fifths": 80.0, "a quarter": 25.0})
# Numbers and shares written in Korean or Russian words, as a set may give a claim's value.
WORD_NUMBERS = {"절반": 50.0, "과반": 50.0, "половина": 50.0, "трое": 3.0, "двое": 2.0, "четверо": 4.0}
# Amounts in words ("thousands", "수천", "тысячи", "a few hundred") have no single value: the checker
# judges them as the amount part of a statement, so they are paired with a verdict without a value,
# never with one on another part of it (an expert's affiliation).
VAGUE = object()
VAGUE_RE = re.compile(r"(?:^|\s)(?:dozens|hundreds|thousands|tens of thousands|(?:a few|several|many) (?:dozen|hundred|thousand))$"
                      r"|^(?:수십|수백|수천|수만)|^(?:десятк|сотн|тысяч)\w*$")


@dataclass(frozen=True)
class ClaimResult:
    id: str
    text: str
    expected: str
    got: str
    value: str | None


def expected_value(raw: str | None) -> float | object | None:
    if raw is None:
        return None
    key = raw.strip().lower().rstrip("%").strip()
    if VAGUE_RE.search(key):
        return VAGUE
    key = re.sub(r"^[$€£₩]\s*|\s*(?:원|달러|dollars?|руб\w*)$", "", key)  # a currency around the amount
    korean = re.fullmatch(r"([\d.]+)\s*만", key)
    if korean:
        return float(korean.group(1)) * 10000  # "50만" is 500,000
    korean_fraction = re.fullmatch(r"(\d+)\s*분의\s*(\d+)", key)
    if korean_fraction and int(korean_fraction.group(1)):  # "3분의 2": two-thirds
        return 100 * int(korean_fraction.group(2)) / int(korean_fraction.group(1))
    in_ten = re.fullmatch(r"(\w+)\s+(?:in|out of)\s+(\w+)", key)
    if in_ten:  # "seven in ten": a share
        a, b = expected_value(in_ten.group(1)), expected_value(in_ten.group(2))
        if isinstance(a, float) and isinstance(b, float) and b:
            return 100 * a / b
    half = re.fullmatch(r"(.+?)\s+and\s+a\s+half", key)
    if half:  # "six and a half"
        whole = expected_value(half.group(1))
        return whole + 0.5 if isinstance(whole, float) else None
    if key in MULTIPLIER_WORDS:
        return MULTIPLIER_WORDS[key]
    for lang in ("ko", "ru"):  # "두 배", "вдвое": the checker's own multiplier words
        for word, value in W.MULTIPLIERS[lang]:
            if key == word:
                return value
    if key in WORD_NUMBERS:
        return WORD_NUMBERS[key]
    if re.fullmatch(r"\d+,\d{1,2}", key):
        key = key.replace(",", ".")  # "69,3" is a Russian decimal, "7,000" a thousand separator
    times = re.fullmatch(r"(.+?)\s+times", key)
    if times:  # "six times", "3 times"
        return expected_value(times.group(1))
    try:
        return float(key.replace(",", ""))
    except ValueError:
        n = words_to_number(key)
        return float(n) if n is not None else None


def score_item(item: dict, checker: ClaimChecker) -> list[ClaimResult]:
    verdicts = checker.check(item["text"])
    pool: list[Verdict | None] = list(verdicts)
    out = []
    wants = [expected_value(claim["value"]) for claim in item["claims"]]
    for k, claim in enumerate(item["claims"]):
        want = wants[k]
        match_index = None
        for i, v in enumerate(pool):
            if v is None:
                continue
            if want is VAGUE:
                if v.claimed_value is None and v.part != "affiliation":
                    match_index = i
                    break
                continue
            if want is None and v.claimed_value is None:
                match_index = i
                break
            if isinstance(want, float) and v.claimed_value is not None and abs(v.claimed_value - want) < 1e-6:
                match_index = i
                break
        if match_index is None and want is None:
            # A set may label a claim written only in words ("more than doubled", "nearly half",
            # "seven in ten", "세 배", "втрое") with no value; the checker reads the word's value (2,
            # 50, 70, 3). Such a verdict (its claimed text has no digit, or is not written so in the
            # sentence: "three times" is claimed as "3") pairs with the valueless claim, unless a
            # later claim of the sentence asks for that very value.
            later = [w for w in wants[k + 1:] if isinstance(w, float)]
            for i, v in enumerate(pool):
                if v is not None and v.claimed_value is not None and v.claimed and \
                        (not re.search(r"\d", v.claimed) or not re.search(rf"(?<![\w.,]){re.escape(v.claimed)}(?!\w)", item["text"])) and \
                        not any(abs(v.claimed_value - w) < 1e-6 for w in later):
                    match_index = i
                    break
        got = "missing"
        if match_index is not None:
            got = pool[match_index].verdict  # type: ignore[union-attr]
            pool[match_index] = None
        out.append(ClaimResult(item["id"], item["text"], claim["verdict"], got, claim["value"]))
    return out


def evaluate(checker: ClaimChecker, items: list[dict]) -> list[ClaimResult]:
    return [r for item in items for r in score_item(item, checker)]


def load_set(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def main(argv: list[str]) -> int:
    from handlers.resources import Resources
    from handlers.settings import Settings

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", default=str(DEFAULT_SET))
    parser.add_argument("--show", action="store_true", help="list the claims judged wrongly")
    args = parser.parse_args(argv)
    checker = ClaimChecker(Resources.build(Settings.from_env({})).pipeline)
    results = evaluate(checker, load_set(Path(args.file)))
    correct = sum(r.expected == r.got for r in results)
    false_matches = [r for r in results if r.got == "matches" and r.expected != "matches"]
    if args.show:
        for r in results:
            if r.expected != r.got:
                print(f"[{r.expected} -> {r.got}] {r.id} value={r.value}: {r.text}")
    n = len(results)
    print(f"\n{n} claims: correct {correct} ({100 * correct / n:.1f}%), false 'matches' {len(false_matches)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
