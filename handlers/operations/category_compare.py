"""One category against another, or against a set of others: "by what percent did air exceed
rail?", "rail compared with air and road together".

The category named first is compared with the rest: both sums, the difference, the percentage
by which one exceeds the other, and the multiple, from one query.
"""

from __future__ import annotations

from handlers.model import CategoryRef, QuestionFrame
from handlers.operations.base import Decline, OperationCall, requested_or_latest

NAME = "category_compare"


def applies(frame: QuestionFrame) -> bool:
    if frame.measure == "difference" and frame.comparison == "rest":
        return len(frame.categories) == 1  # "than all the others": the rest come from the data
    return frame.measure == "difference" and frame.comparison == "categories" and len(frame.categories) >= 2


def run(call: OperationCall) -> str:
    refs = sorted(call.frame.categories, key=lambda c: c.pos)
    dim = refs[0].dimension
    # A named set ("overland": rail, road, on foot) is one side: its categories share a position.
    side_a = tuple(c for c in refs if c.pos == refs[0].pos)
    first, rest = refs[0], refs[len(side_a):]
    if not rest and call.frame.comparison != "rest":
        raise Decline("one side only")  # "overland against rail": rail is inside the set
    if len({m.id for m in call.ex.countries if m.role == "citizens"}) >= 2:
        # "북한 교육목적 입국자가 러시아인 사업목적 입국자보다 몇 명 적어?": each category is another
        # direction's; both set against each other in one direction would be another question.
        raise Decline("a category of each direction")
    d = call.direction
    avail = call.desk.available(call.runner, d, dim, first.category)
    requested, assumed = requested_or_latest(call, avail)
    period = requested[0]
    if period not in avail:
        raise Decline("no breakdown for that period")
    if call.frame.comparison == "rest":
        # Every other published category of the dimension, for that direction and period.
        others = call.runner.one("category_set", citizens=d.citizens, destination=d.destination, dimension=dim,
                                 categories=[first.category], periods=[period.code])
        if others is None or not others["other_categories"]:
            raise Decline("no other categories")
        rest = tuple(CategoryRef(dim, c, first.pos + 1 + i) for i, c in enumerate(others["other_categories"]))
        refs = [first, *rest]
    row = call.runner.one(NAME, citizens=d.citizens, destination=d.destination, dimension=dim,
                          a_categories=[c.category for c in side_a], b_categories=[c.category for c in rest], periods=[period.code])
    if row is None or row["a_value"] is None or row["b_value"] is None or row["b_found"] != len({c.category for c in rest}):
        raise Decline("a category without figures")
    call.figure_ids.extend(row["figure_ids"])
    call.periods = [period]
    return call.desk.render(NAME, a=" + ".join(call.desk.label(dim, c.category) for c in side_a),
                            b=[call.desk.label(dim, c.category) for c in rest], r=row, period=period,
                            assumed_period=assumed,
                            **call.common(row["source_id"], [period], dim, [c.category for c in refs]))
