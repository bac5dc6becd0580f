"""Questions of several parts: where they are split, and that each part is answered or none is."""

from __future__ import annotations

import pytest

from handlers.multipart import split_parts
from handlers.pipeline import Pipeline


@pytest.mark.parametrize("question, parts", [
    ("How many in Q3, and how many by air?", ["How many in Q3?", "how many by air?"]),
    ("Total for 2022? And for Q3 2023?", ["Total for 2022?", "And for Q3 2023?"]),
    ("Q3 NK arrivals by plane as share, and per day, pls", ["Q3 NK arrivals by plane as share?", "per day, pls?"]),
    ("how many nk in q3; how many russians in q3", ["how many nk in q3?", "how many russians in q3?"]),
    # blind set 7's classes (f8en): "how big a share", a measure named as a noun, "plus", a comma
    ("how many by air in Q3, and how big a share by train?", ["how many by air in Q3?", "how big a share by train?"]),
    ("daily average and monthly average for North Koreans in Q3?", ["daily average in Q3?", "monthly average for North Koreans in Q3?"]),
    ("the share of air plus the share of water in Q3", ["the share of air in Q3?", "the share of water in Q3?"]),
    ("how many came by air, what share came by rail?", ["how many came by air?", "what share came by rail?"]),
])
def test_a_second_ask_is_a_part(question: str, parts: list[str]) -> None:
    assert split_parts(question) == parts


@pytest.mark.parametrize("question", [
    "How many came by rail and road in Q3?",          # a set of categories, one ask
    "Q1 and Q2 together?",
    "Who visited Russia and when?",                   # a one-word ask is a detail of the first
    "How many North Koreans entered Russia in Q3 2023?",
    "In Q3, how many came by air?",                   # a comma after a period, not after an ask
    "How many came by road or on foot in Q3, as a share?",  # ", as a share" qualifies the same figure
    "Is there a total for 2023? I just need one number for the headline.",  # a remark after "?"
])
def test_one_ask_is_not_split(question: str) -> None:
    assert split_parts(question) == [question]


def test_each_part_is_answered(pipeline: Pipeline) -> None:
    answer = pipeline.answer("how many nk in q3 and how many russians in q3")
    assert answer.kind == "answer"
    assert "365" in answer.text and "544" in answer.text


def test_a_part_the_report_lacks_means_no_answer(pipeline: Pipeline) -> None:
    # The Q3 total alone would read as the answer to both parts.
    answer = pipeline.answer("how many nk entered russia in q3 and how many were women")
    assert answer.kind != "answer"
    assert "how many nk entered russia in q3?" in answer.suggestions


def test_a_measure_asked_must_be_shown(pipeline: Pipeline) -> None:
    answer = pipeline.answer("Q3 NK arrivals by plane as share, and per day, pls")
    assert answer.kind == "answer"
    assert "58.4" in answer.text and "2.3" in answer.text
