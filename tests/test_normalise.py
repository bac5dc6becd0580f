"""The normalise stage: invisible characters, exotic spaces, accents on Latin letters, smart
quotes and full-width digits are folded before anything reads a question."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from handlers.pipeline import Pipeline
from handlers.understanding.normalise import INVISIBLE_JOINERS, ZERO_WIDTH_SPACE, normalise_text

PLAIN_Q3 = "How many North Koreans entered Russia in Q3 2023?"
INVISIBLES = sorted(INVISIBLE_JOINERS | {ZERO_WIDTH_SPACE})
SPACES = ["\u00a0", "\u2009", "\u202f", "\u3000", "\u2002", "\u205f", "\t"]
words = st.text(alphabet=st.characters(whitelist_categories=("Ll", "Lu", "Nd")), min_size=1, max_size=8)


def test_examples() -> None:
    known = {"how", "many", "north", "in"}.__contains__
    assert normalise_text("How\u200bmany\u200bNorth Koreans in\u200bQ3?", known) == "How many North Koreans in Q3?"
    assert normalise_text("Rus\u200bsia") == "Russia"  # junk inside a word joins it
    assert normalise_text("Ru\u0301ssia and Kor\u00adeans") == "Russia and Koreans"
    assert normalise_text("\uff31\uff13 \uff12\uff10\uff12\uff13") == "Q3 2023"
    assert normalise_text("\u201cwork\u201d\u00a0visas \u2018q/q\u2019") == "\"work\" visas 'q/q'"
    assert normalise_text("Q\u200b3 in\u200b2023") == "Q3 in 2023"
    # Combining marks are part of Cyrillic and Hangul letters: they stay.
    assert normalise_text("и\u0306") == "й" and normalise_text("러시아에서") == "러시아에서"


@given(st.lists(words, min_size=1, max_size=6))
@settings(max_examples=200, deadline=None)
def test_idempotent_and_space_folded(parts: list[str]) -> None:
    text = " ".join(parts)
    once = normalise_text(text)
    assert normalise_text(once) == once
    assert "  " not in once and once == once.strip()


@given(st.lists(words, min_size=1, max_size=6), st.data())
@settings(max_examples=200, deadline=None)
def test_invisible_characters_and_spaces_never_survive(parts: list[str], data: st.DataObject) -> None:
    seps = [data.draw(st.sampled_from(SPACES)) for _ in parts[1:]]
    junk = data.draw(st.lists(st.sampled_from(INVISIBLES), max_size=4))
    text = parts[0] + "".join(s + p for s, p in zip(seps, parts[1:]))
    at = data.draw(st.integers(0, len(text)))
    for ch in junk:
        text = text[:at] + ch + text[at:]
    out = normalise_text(text)
    assert not any(unicodedata.category(c) == "Cf" for c in out)
    assert all(c == " " or not c.isspace() for c in out)


@given(st.sampled_from(INVISIBLES), st.integers(0, len(PLAIN_Q3)), st.sampled_from(SPACES + [" "]))
@settings(max_examples=150, deadline=None)
def test_plain_question_survives_phone_text(pipeline: Pipeline, junk: str, at: int, space: str) -> None:
    """An invisible character anywhere, or an exotic space for every space, changes nothing."""
    base = pipeline.answer(PLAIN_Q3)
    noisy = (PLAIN_Q3[:at] + junk + PLAIN_Q3[at:]).replace(" ", space)
    got = pipeline.answer(noisy)
    assert (got.kind, got.intent, got.text) == (base.kind, base.intent, base.text)


def test_accents_and_full_width_in_a_question(pipeline: Pipeline) -> None:
    got = pipeline.answer("How many North Kor\u200deans entered Ru\u0301ssia in \uff31\uff13?")
    assert got.kind == "answer" and "365" in got.text


def test_ascii_text_skips_only_steps_that_leave_ascii_unchanged() -> None:
    # normalise_text skips the joiner, zero-width, NFKC, Latin-mark and format-character steps for
    # ASCII text (most questions): each of them must leave every ASCII character as it is.
    import unicodedata

    from handlers.understanding.normalise import INVISIBLE_JOINERS, ZERO_WIDTH_SPACE, _strip_latin_marks

    for ch in map(chr, range(128)):
        assert ch not in INVISIBLE_JOINERS and ch != ZERO_WIDTH_SPACE
        assert unicodedata.normalize("NFKC", ch) == ch == _strip_latin_marks(ch)
        assert unicodedata.category(ch) != "Cf"
