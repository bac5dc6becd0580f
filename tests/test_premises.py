"""A number a figure question states as its premise, checked against the stored figures: the
answer stays the computed one, and a stated number that is the report's figure for something
else is named (handlers/premises.py). Driven through the real pipeline and DuckDB."""

from __future__ import annotations

from handlers.pipeline import Pipeline
from handlers.premises import stated_counts


def test_a_stated_figure_of_another_direction_is_named(pipeline: Pipeline) -> None:
    a = pipeline.answer("Since 544 North Koreans entered in Q3, what share came on business?")
    assert a.kind == "answer" and "69.3" in a.text
    assert "544 is Russians entering North Korea" in a.text


def test_a_value_shared_by_two_figures_names_both(pipeline: Pipeline) -> None:
    a = pipeline.answer("With 213 arrivals in Q3, how many came by rail?")
    assert "134" in a.text and "Q2 2023" in a.text and "by air" in a.text


def test_no_note_when_the_answer_states_the_number(pipeline: Pipeline) -> None:
    a = pipeline.answer("Q3 NK entries 365, share by air?")
    assert "58.4" in a.text and "Note:" not in a.text


def test_thresholds_units_and_years_are_not_premises() -> None:
    text = "did more than 24 months pass, 70 % in 2023, top 3, 1.7 times, and 544 people?"
    assert stated_counts(text, ["24", "70", "2023", "3", "1.7", "544"]) == [544]
