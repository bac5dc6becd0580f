"""A span as a multiple of another span's average: "Q3 as a multiple of H1's quarterly
average", "how many times the 2022 monthly average was Q3?".

The longer span is the one averaged (H1 2023 -> per quarter); the other is compared with that
average at the same unit. Both values, both averages and the multiple come from one query.
"""

from __future__ import annotations

from handlers.model import QuestionFrame
from handlers.operations.base import Decline, OperationCall

NAME = "multiple_of_average"


def applies(frame: QuestionFrame) -> bool:
    return frame.measure == NAME and len(frame.periods) >= 2 and len(frame.categories) <= 1


def run(call: OperationCall) -> str:
    d = call.direction
    dim, cat, avail = call.subject()
    requested = call.requested(avail)
    if len(requested) < 2:
        raise Decline("needs two periods")
    one, two = requested[:2]
    if one.months == two.months:
        raise Decline("equal spans: a plain comparison")
    base, target = (one, two) if one.months > two.months else (two, one)
    what = "total" if dim == "total" else call.desk.label(dim, cat, "phrase")
    # "the quarterly average for 2023 so far": a span the data covers in part is averaged over
    # the months it has (Q1-Q3: nine), and the answer says which quarter is missing.
    base_parts, base_gap = call.desk.span_parts(base, avail, d, what)
    target_parts, target_gap = call.desk.span_parts(target, avail, d, what)
    row = call.runner.one(NAME, citizens=d.citizens, destination=d.destination, dimension=dim, category=cat,
                          a_periods=[p.code for p in base_parts], b_periods=[p.code for p in target_parts],
                          a_months=sum(p.months for p in base_parts), b_months=sum(p.months for p in target_parts))
    partial = [call.desk.partial_note(p, ps, gap) for p, ps, gap in ((base, base_parts, base_gap),
                                                                     (target, target_parts, target_gap)) if gap]
    if row is None or row["multiple"] is None:
        raise Decline("no base value")
    call.figure_ids.extend(row["a_ids"] + row["b_ids"])
    call.periods = [base, target]
    unit = call.frame.time_unit if call.frame.time_unit in ("month", "quarter") else (
        "quarter" if target.months == 3 else "month")
    return call.desk.render(NAME, base=base, target=target, r=row, unit=unit, what=what,
                            category=dim != "total", partial=partial, **call.common(row["source_id"], [base, target]))
