"""The follow-up reader: which edit of the last frame a follow-up makes, in three languages.

Pure: the extraction of the follow-up and the previous answer's state go in, an Edit comes out.
"""

from __future__ import annotations

import re

import pytest

from handlers.understanding.extract import extract
from handlers.understanding.matcher import match
from handlers.model import FollowUp
from handlers.pipeline import Pipeline
from handlers.understanding.followup import read_edit

TOTAL_Q3 = "How many North Koreans entered Russia in Q3 2023?"
AIR_THEN_TRAIN = ("How many North Koreans entered Russia by air?", "and by train?")
RANKING = "What was the most common purpose for North Koreans in Q3?"
LANKOV = "Who is Andrei Lankov?"


def _state(pipeline: Pipeline, *questions: str) -> FollowUp | None:
    previous = None
    for q in questions:
        previous = pipeline.answer(q, previous=previous).context or previous
    return previous


@pytest.mark.parametrize(("before", "followup", "kind", "measure"), [
    ((TOTAL_Q3,), "and in Q2?", "slots", None),
    ((TOTAL_Q3,), "А за первое полугодие?", "slots", None),
    ((TOTAL_Q3,), "그중 사업 목적은?", "slots", None),
    ((TOTAL_Q3,), "and the other way round?", "reverse", None),
    ((TOTAL_Q3,), "а наоборот?", "reverse", None),
    ((TOTAL_Q3,), "monthly average?", "measure", "per_month"),
    ((TOTAL_Q3,), "월평균으로는?", "measure", "per_month"),
    ((TOTAL_Q3,), "compare that with 2022", "compare", "change"),
    ((TOTAL_Q3,), "why did it rise so much?", "why", None),
    ((TOTAL_Q3,), "who says so?", "who_said", None),
    (("How many North Koreans came for business?",), "비율로 치면?", "measure", "share"),
    (("How many North Koreans came for business?",), "а какая это доля?", "measure", "share"),
    (AIR_THEN_TRAIN, "together?", "combine", "sum"),
    (AIR_THEN_TRAIN, "차이는?", "combine", "gap"),
    (AIR_THEN_TRAIN, "во сколько раз больше?", "combine", "ratio"),
    ((RANKING,), "and the second?", "ordinal", None),
    ((RANKING,), "가장 적은 것은?", "ordinal", None),
    ((RANKING,), "the next one?", "ordinal", None),
    (("Сколько северокорейцев въехало во втором квартале?",), "а в первом?", "quarter", None),
    ((LANKOV,), "where does he teach?", "profile", None),  # his job: the report's profile of him
    ((LANKOV,), "где он преподаёт?", "profile", None),
    ((LANKOV,), "그 사람 직업은?", "profile", None),
    ((LANKOV,), "what did he say about trade?", "person", None),  # asked again with his name
    (("What does the report say about North Korea-Russia trade?",), "who said that?", "who_said", None),
    (("What do local Russian authorities want?",), "why?", "why", None),
    (("How many North Koreans came for business in Q3?",), "and everyone else?", "complement", None),
    (("How many North Koreans came for business in Q3?",), "а всего?", "slots", "total"),
    ((RANKING,), "and second to last?", "ordinal", None),
    ((TOTAL_Q3,), "up how much on the previous quarter?", "compare", "change"),
    ((RANKING,), "and the one before it?", "ordinal", None),
    ((LANKOV,), "what else did he say?", "more_facts", None),
    ((LANKOV,), "а что ещё он говорил?", "more_facts", None),
    (AIR_THEN_TRAIN, "share of those two together?", "combine", "sum_share"),
    (("러시아인 3분기 북한 입국자 수?",), "반대로는?", "reverse", None),
    (("How many North Koreans entered Russia in Q2 2023?",), "why did it go up from Q1?", "why", None),
    (("What was the total for North Koreans entering Russia in 2022?",), "monthly?", "measure", "per_month"),
])
def test_followup_is_read_as_an_edit(pipeline: Pipeline, before: tuple[str, ...], followup: str, kind: str,
                                     measure: str | None) -> None:
    previous = _state(pipeline, *before)
    ex = extract(followup.lower(), pipeline.lexicon, pipeline.report_date)
    edit = read_edit(ex, previous)
    assert edit is not None and edit.kind == kind, (followup, edit)
    if measure is not None:
        assert edit.measure == measure


@pytest.mark.parametrize("question", ["How many Russians went to North Korea in Q3 2023?",
                                      "who is lankov", "where do the figures come from?", "nk->ru q2 2023",
                                      "Which transport mode did North Koreans use most?",
                                      "What do local Russian authorities want?"])
def test_a_question_of_its_own_is_no_edit(pipeline: Pipeline, question: str) -> None:
    previous = _state(pipeline, "How many North Koreans came for business in Q3?")
    ex = extract(question.lower(), pipeline.lexicon, pipeline.report_date)
    result = match(ex)
    assert read_edit(ex, previous, text_intent=result.decision == "answer" and result.intent == "fact"
                     or result.intent == "sources") is None
    text = re.sub(r"\bv[0-9a-f]{8,}\b", "", pipeline.answer(question, previous=previous).text)  # the data version is no figure
    assert not re.search(r"(?<!\d)196(?!\d)", text)  # the business filter is not carried over


def test_no_previous_state_no_edit(pipeline: Pipeline) -> None:
    assert read_edit(extract("and in q2?", pipeline.lexicon, pipeline.report_date), None) is None


def test_a_damaged_stored_state_is_no_state() -> None:
    assert FollowUp.from_dict({"version": 2, "intent": "total"}) is None
    assert FollowUp.from_dict("not a dict") is None
