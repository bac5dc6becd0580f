"""Claim check: verdicts on our claim set, and the rule that 'matches' is never said wrongly."""

from __future__ import annotations

import pytest

from handlers.claims import ClaimChecker, words_to_number
from handlers.pipeline import Pipeline
from tests.eval.run_claims import DEFAULT_SET, evaluate, load_set

MIN_CORRECT = 0.95


@pytest.fixture(scope="module")
def checker(pipeline: Pipeline) -> ClaimChecker:
    return ClaimChecker(pipeline)


def test_claim_set_meets_the_bar(checker: ClaimChecker) -> None:
    if not DEFAULT_SET.exists():
        pytest.skip("claims_en.jsonl not present")
    results = evaluate(checker, load_set(DEFAULT_SET))
    wrong = [f"{r.id} {r.value}: expected {r.expected}, got {r.got}" for r in results if r.expected != r.got]
    false_matches = [w for r, w in zip([r for r in results if r.expected != r.got], wrong) if r.got == "matches"]
    assert not false_matches, false_matches
    assert (len(results) - len(wrong)) / len(results) >= MIN_CORRECT, wrong


@pytest.mark.parametrize("sentence,verdicts", [
    ("7,000 North Koreans arrived in Russia by train in Q3 2023", ["differs"]),
    ("365 North Koreans entered Russia in Q3 2023, up 71% from 213 in Q2.", ["matches", "matches", "matches"]),
    ("About 70% came for business.", ["matches"]),
    ("More than 360 North Koreans entered Russia in the third quarter of 2023.", ["matches"]),
    ("Arrivals more than doubled from Q1 to Q3 2023.", ["matches"]),
    ("Arrivals tripled from Q2 to Q3 2023.", ["differs"]),
    ("In Q4 2023, 400 North Koreans entered Russia.", ["not_in_data"]),
    ("1,200 Chinese citizens entered Russia in Q3 2023.", ["not_in_data"]),
    ("More Russians went to North Korea than North Koreans to Russia in Q3 2023.", ["matches"]),
    ("Fewer Russians went to North Korea than North Koreans to Russia in Q3 2023.", ["differs"]),
    ("Most came by train.", ["differs"]),
    ("Arrivals fell in Q3 2023.", ["differs"]),
    ("Three hundred and sixty-five North Koreans entered Russia in Q3 2023.", ["matches"]),
])
def test_verdicts(checker: ClaimChecker, sentence: str, verdicts: list[str]) -> None:
    assert [v.verdict for v in checker.check(sentence)] == verdicts


def test_differs_gives_the_right_figure_with_period_and_source(checker: ClaimChecker) -> None:
    html, verdicts = checker.render("7,000 North Koreans arrived in Russia by train in Q3 2023")
    assert verdicts[0].data_text == "134"
    assert "134" in html and "Q3 2023" in html and "FSB" in html and "Donga" in html


def test_never_matches_a_figure_that_is_not_in_the_data(checker: ClaimChecker) -> None:
    for sentence in ["Russians entering North Korea in Q1 2023 numbered 100.", "In 2021, 50 North Koreans entered Russia.",
                     "300 tourists came from North Korea in Q3 2023.", "About 500 North Koreans left Russia in Q3 2023."]:
        assert all(v.verdict != "matches" for v in checker.check(sentence)), sentence


@pytest.mark.parametrize("words,value", [("three hundred and sixty-five", 365), ("a dozen", 12),
                                         ("two thousand four hundred", 2400), ("thirteen", 13)])
def test_number_words(words: str, value: int) -> None:
    assert words_to_number(words) == value
