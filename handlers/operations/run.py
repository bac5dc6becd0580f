"""Running a registered operation on a question frame, into the answer being built.

Shared by the pipeline (a question on its own) and the follow-up stage (an edited frame), so
both answer a frame the same way: the operation's figures, its kind, and the frame it leaves
for the next follow-up.
"""

from __future__ import annotations

from typing import Any, Protocol

from handlers.model import Answer, Direction, FollowUp, NoData, QuestionFrame, Ref
from handlers.operations.base import Decline, Desk, OperationCall
from handlers.operations.registry import choose
from handlers.periods import Period
from handlers.queries import QueryRunner
from handlers.understanding.accounting import operation_may_answer
from handlers.understanding.extract import Extraction
from handlers.understanding.followup import FrameResolver, attempted_frame, followup_measure
from handlers.understanding.matcher import MatchResult

OPERATION_SCORE = 80.0  # an operation answers only a frame it fully fits; its score for logs and --json


class OperationDesk(Desk, FrameResolver, Protocol):
    """What running an operation uses of the pipeline (which implements it); no import of it."""

    lexicon: Any  # handlers.lexicon.Lexicon: operation_may_answer reads the question's words against it
    snapshot: Any  # its version labels the operation's answer


def run_operation(p: OperationDesk, frame: QuestionFrame, ex: Extraction, result: MatchResult, runner: QueryRunner,
                  base: Answer, now: float, last_direction: Direction | None = None) -> bool:
    """Answer with a registered operation when one fits the frame; False leaves it to the intents."""
    op = choose(frame)
    if op is None or not operation_may_answer(frame, ex, result, p.lexicon):
        return False
    try:
        direction, assumed = (last_direction, False) if last_direction and not ex.countries else p.direction_for(ex)
    except NoData:
        return False  # the intent handlers say which countries there are
    call = OperationCall(frame=frame, ex=ex, runner=runner, desk=p, direction=direction,
                         assumed_direction=assumed, version=p.snapshot.version)
    mark = len(runner.traces)
    try:
        html = op.run(call)
    except Decline:
        del runner.traces[mark:]  # the intent handlers' queries are the ones that explain their answer
        return False
    except NoData as nd:
        base.html = p.render("nodata", reason=nd.reason, **nd.values)
        base.intent, base.stated = op.name, []
        # The next follow-up keeps the subject and the measure ("and in Q3?" after "per month in Q4?").
        base.context = attempted_frame(p, ex, "total", runner, now, followup_measure(frame))
        return True
    base.kind, base.intent, base.html = call.kind, op.name, html
    base.stated = []  # a claim check's figures, when this answers instead of its "not in the data"
    # Figures given only as context (a part of the span asked for) are not answers to correct later.
    base.figure_ids = call.figure_ids if call.kind == "answer" else []
    base.score = max(base.score, OPERATION_SCORE)
    cats = tuple((c.dimension, c.category) for c in frame.categories[:1])
    # An average stays the measure of the next follow-up ("and in Q2?" gives Q2's monthly average),
    # and the operation's own frame is kept for an edit of it.
    measure = followup_measure(frame) if op.name == "average_per_unit" else "count"
    given = call.periods[:1]
    if op.name == "multiple_of_average":
        # [base, target]: the figure the answer gives is the target's (Q3 as a multiple of 2022's
        # quarterly average), so "compared with 2022 as a whole?" next compares Q3 with 2022.
        given = call.periods[-1:]
    if op.name == "partial_span" and call.periods:
        # "last year" answered from the parts stored (H1 + Q3): the figure given is their sum.
        given = [Period(min(p.start for p in call.periods), max(p.end for p in call.periods))]
    refs = tuple(Ref(direction, p, *(cats[0] if cats else ("total", "all"))) for p in given)
    if op.name == "category_compare" and len(frame.categories) == 2 and len(given) == 1:
        # "How many more by air than by rail?": both figures were given, so "ratio?" next is theirs.
        refs = tuple(Ref(direction, given[0], c.dimension, c.category) for c in frame.categories)
    base.context = FollowUp("total", direction, tuple(call.periods), cats, tuple(c for c, _ in cats), now,
                            measure=measure, refs=refs, frame=frame)
    return True
