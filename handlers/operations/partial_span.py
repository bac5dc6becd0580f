"""A span the data covers only in part: "how many went to Russia last year?" (2023, with Q4
missing), "2023 so far", "year to date".

The answer is the sum of the stored periods inside the span, labelled as partial, naming the
quarters the report lacks; it is never presented as the span's figure.
"""

from __future__ import annotations

from handlers.model import QuestionFrame
from handlers.operations.base import Decline, OperationCall, covered_parts
from handlers.periods import PARTIAL_MIN_COVERAGE, parse_code, tile

NAME = "partial_span"


def applies(frame: QuestionFrame) -> bool:
    return (frame.measure in ("count", "total", "category") and len(frame.periods) == 1
            and len(frame.categories) <= 1 and not frame.excluded)


def run(call: OperationCall) -> str:
    d = call.direction
    dim, cat, avail = call.subject()
    requested = call.requested(avail)
    if len(requested) != 1 or tile(requested[0], avail) is not None:
        raise Decline("covered whole, or not one span")  # a plain total answers it
    period = requested[0]
    parts, missing = covered_parts(period, avail)
    if not parts or not missing:
        raise Decline("nothing inside, or overlapping parts")
    row = call.runner.one(NAME, citizens=d.citizens, destination=d.destination, dimension=dim, category=cat,
                          periods=[p.code for p in parts])
    if row is None or row["value"] is None:
        raise Decline("no value")
    call.figure_ids.extend(row["figure_ids"])
    call.periods = parts
    coverage = sum(p.months for p in parts) / period.months
    # "2023 as a whole", "last year": the sum of the parts stored, labelled as partial and naming
    # the quarters missing, is the answer (it is never presented as the whole); a span the data
    # barely covers gets it only as context.
    if coverage <= PARTIAL_MIN_COVERAGE:
        call.kind = "fallback"
    labelled = [{"label": call.desk.period_label(parse_code(c)), "value": v} for c, v in zip(row["periods"], row["part_values"])]
    what = "total" if dim == "total" else call.desk.label(dim, cat, "phrase")
    return call.desk.render(NAME, period=period, r=row, parts=labelled, category=dim != "total", what=what,
                            missing=[call.desk.period_label(p) for p in missing], context_only=call.kind == "fallback",
                            **call.common(row["source_id"], parts))
