"""Question frames: what extraction composes, and follow-ups that edit the last frame."""

from __future__ import annotations

import pytest

from handlers.lexicon import Lexicon
from handlers.pipeline import Pipeline
from handlers.understanding.extract import Extraction


def test_frames_compose_measures(pipeline: Pipeline) -> None:
    cases = {
        "What was the monthly average of North Koreans entering Russia in Q3 2023?": ("average_per_unit", "month"),
        "NK arrivals per day in Q3?": ("average_per_unit", "day"),
        "Q3 2023 as a multiple of the H1 quarterly average for Russians going to North Korea?": ("multiple_of_average", "quarter"),
        "How many North Koreans came in Q3 for purposes other than business?": ("sum", None),
        "What share of North Koreans came for education and personal reasons in Q3?": ("share", None),
        "Is it right that 365 North Koreans entered Russia in Q2 2023?": ("check", None),
    }
    for question, (measure, unit) in cases.items():
        frame = pipeline.answer(question).frame
        assert frame is not None and (frame.measure, frame.time_unit) == (measure, unit), (question, frame)


def test_followup_edits_the_last_frame(pipeline: Pipeline) -> None:
    first = pipeline.answer("What was the monthly average of North Koreans entering Russia in Q3 2023?")
    assert first.intent == "average_per_unit" and "121.7" in first.text
    second = pipeline.answer("and in Q2?", previous=first.context)
    assert second.intent == "average_per_unit" and "71" in second.text and "Q2 2023" in second.text
    third = pipeline.answer("and by air?", previous=second.context)
    assert third.kind != "answer", third.text  # Q2 has no transport breakdown: never the Q2 total instead


def test_followup_category_after_a_total_is_the_category(pipeline: Pipeline) -> None:
    first = pipeline.answer("How many North Koreans entered Russia in Q3?")
    second = pipeline.answer("and by air?", previous=first.context)
    assert second.kind == "answer" and "213" in second.text and "365 North Koreans entered" not in second.text


def test_period_words_left_over_are_read_once_per_question(pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch) -> None:
    """The operations' gate, the re-routing and the pipeline each ask which period words a figure
    cannot answer; the reading is made once per question and kept on the extraction."""
    from handlers.understanding import accounting

    calls: list[str] = []
    real = accounting.period_left_over

    def counted(ex: Extraction, lex: Lexicon) -> list[str]:
        calls.append(ex.text)
        return real(ex, lex)

    monkeypatch.setattr(accounting, "period_left_over", counted)
    answer = pipeline.answer("How many North Koreans entered Russia in the quarter before?")
    assert answer.kind != "answer", answer.text  # before what? never the default quarter
    assert len(calls) == 1, calls  # read by the operations' gate, then kept for the re-routing
    pipeline.answer("Which month of Q3 saw the most North Korean arrivals?")
    assert len(calls) == 2, calls  # a new question is read afresh
