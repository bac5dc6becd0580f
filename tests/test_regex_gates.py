"""Literal gates (handlers/regex_gates.py): every match of a pattern contains one of its gate's
strings, so find_periods may skip a pattern whose gate the question does not pass. Checked on
every period pattern over every evaluation question (as asked, lower-cased and as extraction reads
it), and on the derivation's edge cases."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

import pytest

from handlers import periods
from handlers.regex_gates import gate, passes
from handlers.understanding.normalise import normalise_text

EVAL = Path(__file__).resolve().parent / "eval"


@lru_cache(maxsize=1)  # read once for both tests
def _texts() -> tuple[str, ...]:
    out: list[str] = []
    for path in sorted(EVAL.glob("*.jsonl")) + sorted((EVAL / "blind").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            item = json.loads(line)
            qs = [t["q"] for t in item["turns"]] if "turns" in item else [item.get("q") or item.get("text") or ""]
            for q in qs:
                low = q.lower()
                out += [q, low, periods.fix_period_typos(normalise_text(low))]
    return tuple(dict.fromkeys(out))  # each text once


def test_every_period_match_passes_its_gate() -> None:
    texts = _texts()
    assert len(texts) > 5_000
    matched = 0
    for _, pattern in periods._PATTERNS:
        plain, ascii_gate = gate(pattern), gate(pattern, ascii_text=True)
        for text in texts:
            if pattern.search(text):
                matched += 1
                assert passes(plain, text), (pattern.pattern, text)
                if text.isascii():
                    assert passes(ascii_gate, text), (pattern.pattern, text)
    assert matched > 1000


def test_find_periods_is_the_same_with_and_without_gates(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = _texts()[2::3]  # mostly as extraction reads them (normalised, period typos fixed)
    gated = [periods.find_periods(t, periods.date(2024, 3, 1)) for t in texts]
    monkeypatch.setattr(periods, "_GATES", {})
    monkeypatch.setattr(periods, "_ASCII_GATES", {})
    assert gated == [periods.find_periods(t, periods.date(2024, 3, 1)) for t in texts]


@pytest.mark.parametrize("pattern, ascii_text, expected", [
    (r"\bfirst\s+half\b", False, {"first"}),  # the longer of two literal runs: "first" over "half"
    (r"\b(first|second)\s+q", False, {"first", "second"}),
    (r"\b(first|)\s+q", False, {"q"}),  # an empty branch has no gate; the sequence's next literal does
    (r"(?:first)?\s+", False, None),  # optional: no requirement
    (r"(\d{4})", False, None),  # \d is any Unicode digit in a non-ASCII text
    (r"(\d{4})", True, set("0123456789")),
    (r"[1-4]x?", False, set("1234")),
    (r"[^a]b?", False, None),
    (r"(?i)march", False, None),  # case-insensitive: no gate
    (r"(?<=in\s)may", False, {"may"}),  # lookbehind: no requirement of its own
    (r"(a+|bc)d*", False, {"a", "bc"}),
])
def test_gate_derivation(pattern: str, ascii_text: bool, expected: set[str] | None) -> None:
    got = gate(re.compile(pattern), ascii_text=ascii_text)
    assert (None if got is None else set(got)) == expected
