"""Literal gates for regular expressions: strings one of which every match must contain.

``re`` tries a pattern like ``\\b(first|second)\\s+half`` at every position of the text, so the
period patterns (36 for an English question, each scanning the whole question) cost about a tenth
of a first-time answer. Most of them cannot match most questions: "half" is not in the text. The
gate of a pattern is read from its parsed form once, at import: a set of strings such that any
match of the pattern contains at least one of them (so a text containing none of them has no
match, and the scan is skipped with nothing lost). ``None`` means no such set was found (a
pattern that can match without any fixed character), and the pattern is always run.

The derivation is conservative: only literal characters, small character classes and ``\\d``,
groups, alternations (every branch must have a gate; the gate is their union) and repeats of at
least one count; lookarounds, anchors, ``.``, ``\\w`` and backreferences are no requirement,
``\\d`` is one only for ASCII texts (``ascii_text``), and case-insensitive patterns get no gate.
tests/test_regex_gates.py checks, for every period pattern and every evaluation question, that a
match implies the gate.
"""

from __future__ import annotations

import re
from re import _constants as C  # type: ignore[attr-defined]
from re import _parser as P  # type: ignore[attr-defined]

Gate = frozenset[str] | None

_SMALL_CLASS = 12  # a character class of at most this many characters is a gate of single characters
_DIGITS = frozenset("0123456789")


def gate(pattern: re.Pattern[str], ascii_text: bool = False) -> Gate:
    """Strings one of which every match of ``pattern`` contains; None when none were found.

    ``ascii_text``: the gate is for ASCII texts only, where ``\\d`` is one of the ten digits (in
    any other text it is any Unicode decimal digit, so it is no gate there).
    """
    if pattern.flags & re.IGNORECASE or not isinstance(pattern.pattern, str):
        return None
    try:
        parsed = P.parse(pattern.pattern, pattern.flags)
    except Exception:  # an internal parser's surprise must never stop a pattern from running
        return None
    found = _sequence(list(parsed), ascii_text or bool(pattern.flags & re.ASCII))
    return frozenset(found) if found else None


def passes(gate_: Gate, text: str) -> bool:
    """Whether ``text`` may match the pattern of this gate (False: it cannot)."""
    return gate_ is None or any(map(text.__contains__, gate_))


def _better(a: Gate, b: Gate) -> Gate:
    """The more selective of two gates: the one whose shortest string is longer, then the smaller."""
    if a is None:
        return b
    if b is None:
        return a
    return max((a, b), key=lambda g: (min(map(len, g)), -len(g)))


def _sequence(items: list[tuple[object, object]], digits: bool) -> Gate:
    """A sequence must contain each element's match: any one element's gate is the sequence's;
    consecutive literal characters are one string."""
    best: Gate = None
    run: list[str] = []
    for op, av in items:
        if op is C.LITERAL:
            run.append(chr(av))  # type: ignore[arg-type]
            continue
        if run:
            best = _better(best, frozenset({"".join(run)}))
            run = []
        best = _better(best, _element(op, av, digits))
    if run:
        best = _better(best, frozenset({"".join(run)}))
    return best


def _element(op: object, av: object, digits: bool) -> Gate:
    if op is C.SUBPATTERN:
        _group, add_flags, _del_flags, sub = av  # type: ignore[misc]
        if add_flags & re.IGNORECASE:
            return None
        return _sequence(list(sub), digits)
    if op is C.BRANCH:
        _, branches = av  # type: ignore[misc]
        union: set[str] = set()
        for branch in branches:
            g = _sequence(list(branch), digits)
            if g is None:
                return None  # a branch with no gate: the alternation can match without any
            union |= g
        return frozenset(union)
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", None)):
        low, _high, sub = av  # type: ignore[misc]
        return _sequence(list(sub), digits) if low >= 1 else None
    if op is getattr(C, "ATOMIC_GROUP", None):
        return _sequence(list(av), digits)  # type: ignore[arg-type]
    if op is C.IN:
        return _char_class(av, digits)  # type: ignore[arg-type]
    return None  # AT, ANY, ASSERT, ASSERT_NOT, GROUPREF, NOT_LITERAL...: no fixed character


def _char_class(items: list[tuple[object, object]], digits: bool) -> Gate:
    chars: set[str] = set()
    for op, av in items:
        if op is C.LITERAL:
            chars.add(chr(av))  # type: ignore[arg-type]
        elif op is C.RANGE:
            lo, hi = av  # type: ignore[misc]
            if hi - lo >= _SMALL_CLASS:
                return None
            chars.update(chr(c) for c in range(lo, hi + 1))
        elif op is C.CATEGORY and av is C.CATEGORY_DIGIT and digits:
            chars |= _DIGITS
        else:
            return None  # NEGATE, \w, \s...: too wide to be a gate
    return frozenset(chars) if 0 < len(chars) <= _SMALL_CLASS else None
