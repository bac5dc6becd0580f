"""Periods are read only from real period words, and a period named as a modifier is never dropped.

A period decides which figure is given, so a word that merely looks like a month ("match",
"jury", "marsh") must not become one, and a year inside a noun phrase ("the 2022 entrants")
must be that year, not a count of 2,022 people with the default period answered.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from handlers import periods
from handlers.periods import PERIOD_WORDS, _one_edit, english_lookalikes, find_periods, fix_period_typos
from handlers.pipeline import Pipeline
from handlers.understanding.normalise import normalise_text

REPORT = date(2024, 1, 23)

# English words within one edit of a period word, or starting with a month's abbreviation.
LOOKALIKES = ["match", "matches", "marsh", "marry", "market", "mars", "marc", "mach", "jury", "junk", "judge",
              "janitor", "jane", "julep", "augment", "decent", "decade", "decline", "novel",
              "novice", "octopus", "octane", "septic", "sepia", "maybe", "mayor", "mayday", "hall", "halt", "fist",
              "whale", "while", "whose", "yeah", "latent", "mouths", "aprons", "febrile", "marching"]


@pytest.mark.parametrize("word", LOOKALIKES)
def test_an_english_word_is_never_read_as_a_period(word: str) -> None:
    text = fix_period_typos(f"does the q3 figure {word} the total")
    kinds = [(m.kind, m.m1, m.m2) for m in find_periods(text, REPORT)]
    assert kinds == [("quarter", 7, 9)], (word, text, kinds)


def test_the_lookalikes_kept_are_every_english_word_one_edit_from_a_period_word() -> None:
    # Only these words are kept (not pyspellchecker's 160,000): they must be exactly the words of
    # its dictionary that fix_period_typos can ask about (four letters or more, one OSA edit away).
    from rapidfuzz.distance import OSA
    from spellchecker import SpellChecker

    near = set().union(*(_one_edit(w) for w in PERIOD_WORDS))
    assert all(OSA.distance(x, w) == 1 for w in PERIOD_WORDS[:3] for x in _one_edit(w) if x != w)
    words = SpellChecker(distance=1).word_frequency.dictionary
    expected = {w for w in words if len(w) >= 4 and w in near}
    assert english_lookalikes() == expected and len(expected) > 50
    assert {w for w in words if w.isascii() and w.isalpha() and len(w) >= 4
            and any(OSA.distance(w, p) == 1 for p in PERIOD_WORDS)} <= expected


def test_korean_and_russian_period_patterns_need_their_letters() -> None:
    # find_periods skips the Korean patterns for a text without a Hangul syllable and the Russian
    # ones without a Cyrillic letter: each such pattern's own letters are all of its script, and
    # over every question of the evaluation sets, skipping them finds the same periods.
    for patterns, letters, sample in ((periods._KO_PATTERNS, periods._HANGUL_RE, "2023년 3분기"),
                                      (periods._RU_PATTERNS, periods._CYRILLIC_RE, "третий квартал 2023 г.")):
        for _, pattern in patterns:
            assert all(c.isascii() or letters.match(c) for c in pattern.pattern), pattern.pattern
    # the script-neutral digit patterns (year ranges) lead every list
    lead = periods._LEAD_PATTERNS
    assert not any(periods._HANGUL_RE.search(pattern.pattern) or periods._CYRILLIC_RE.search(pattern.pattern)
                   for _, pattern in lead)
    assert periods._patterns_for("q3 2023") == lead + periods._EN_PATTERNS
    assert periods._patterns_for("2023년 3분기 q3") == lead + periods._KO_PATTERNS + periods._EN_PATTERNS
    assert periods._patterns_for("квартал") == lead + periods._RU_PATTERNS + periods._EN_PATTERNS
    assert [m.kind for m in find_periods("2023년 3분기", REPORT)] == ["quarter"]
    assert [m.kind for m in find_periods("третий квартал 2023 г.", REPORT)] == ["quarter"]
    texts = [normalise_text((lambda d: d.get("q") or d.get("text") or "")(json.loads(line)), lambda w: False)
             for path in sorted(Path("tests/eval").glob("*.jsonl")) for line in path.read_text(encoding="utf-8").splitlines()
             if line.strip()]
    assert len(texts) > 1000
    for text in texts:
        assert find_periods(text, REPORT) == find_periods(text, REPORT, periods._PATTERNS), text


@pytest.mark.parametrize("slip,fixed", [("frist half", "first half"), ("thrid quater", "third quarter"),
                                        ("decmber 2023", "december 2023"), ("secnd quarter", "second quarter")])
def test_slips_in_period_words_are_still_corrected(slip: str, fixed: str) -> None:
    assert fix_period_typos(slip) == fixed


@pytest.mark.parametrize("text,year", [("how many of the 2022 entrants came for business", 2022),
                                       ("how many 2023 arrivals came by air", 2023),
                                       ("those 2022 visitors by purpose", 2022),
                                       ("of all 2022 travellers how many flew", 2022)])
def test_a_year_before_people_is_their_year(text: str, year: int) -> None:
    years = [m.year for m in find_periods(text, REPORT) if m.kind == "year"]
    assert years == [year]


def test_a_stated_count_of_people_is_not_a_year() -> None:
    assert find_periods("some 2022 north koreans came in q3", REPORT)[0].kind == "quarter"
    assert all(m.kind != "year" for m in find_periods("some 2022 north koreans came in q3", REPORT))


@pytest.mark.parametrize("question,thing", [("How many weapons did North Korea send to Russia?", "weapons"),
                                            ("How many trains crossed the border in Q3?", "trains"),
                                            ("number of flights between Pyongyang and Vladivostok in Q3?", "flights"),
                                            ("How many cars crossed into Russia in Q3?", "cars")])
def test_a_count_of_things_is_not_the_people_count(pipeline: Pipeline, question: str, thing: str) -> None:
    answer = pipeline.answer(question)
    assert answer.kind != "answer" and f"no number of {thing}" in answer.text, answer.text
    for figure in ("365", "134", "213", "31"):
        assert figure not in answer.text.split("What it does say")[0]


@pytest.mark.parametrize("question,figure", [("How many rail passengers came in Q3?", "134"),
                                             ("How many North Korean air travellers entered Russia in Q3?", "213"),
                                             ("How many people came by car in Q3?", "31")])
def test_people_named_by_their_vehicle_are_still_counted(pipeline: Pipeline, question: str, figure: str) -> None:
    answer = pipeline.answer(question)
    assert answer.kind == "answer" and figure in answer.text, answer.text


def test_a_place_the_report_does_not_name_is_said_so(pipeline: Pipeline) -> None:
    answer = pipeline.answer("who did the NK foreign minister meet in Moscow")
    assert answer.kind == "answer" and "Putin" in answer.text
    assert "does not name Moscow" in answer.text


@pytest.mark.parametrize("text,months", [("did north koreans march into russia in q3", []),
                                         ("do the q3 arrivals mar the trend", []),
                                         ("in march 2023", [3]), ("how many came in march", [3]),
                                         ("early august", [8]), ("compare march and june", [3, 6]),
                                         ("the march figure", [3])])
def test_march_mar_and_august_are_months_only_where_a_time_is_placed(text: str, months: list[int]) -> None:
    assert [m.m1 for m in find_periods(text, REPORT) if m.kind == "months"] == months
