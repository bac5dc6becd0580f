"""The gap between two shares in percentage points: "how many points bigger is the business
share of Russian visitors than of North Korean ones?", "air share minus rail share in pp".

Two sides, each a (direction, category) share of its own total: one category in two directions,
or two categories of one direction, of one dimension or of two ("business share minus air
share": each is a share of the same total, so no cross-tabulation is needed). Shares and the gap
come from one query.
"""

from __future__ import annotations

from handlers.model import QuestionFrame
from handlers.operations.base import Decline, OperationCall, requested_or_latest

NAME = "pp_gap"
POOLING_WORDS = frozenset({"both", "together", "pooled", "combined", "overall", "altogether"})


def applies(frame: QuestionFrame) -> bool:
    if frame.measure != NAME:
        return False
    cats = frame.categories
    return len(cats) in (1, 2)


def run(call: OperationCall) -> str:
    cats = call.frame.categories
    dim, dim_b = cats[0].dimension, cats[-1].dimension
    if len(cats) == 2:
        sides = [(call.direction, cats[0].category), (call.direction, cats[1].category)]
    else:
        one, two = call.desk.direction_pair(call.ex, call.direction)
        sides = [(one, cats[0].category), (two, cats[0].category)]
    avails = [call.desk.available(call.runner, d, dm, c) for (d, c), dm in zip(sides, (dim, dim_b))]
    common = [p for p in avails[0] if p in avails[1]]
    requested, assumed = requested_or_latest(call, common)
    period = requested[0]
    if period not in common:
        raise Decline("a period one side lacks")  # the intent handlers say what there is
    (da, ca), (db, cb) = sides
    row = call.runner.one(NAME, a_dimension=dim, b_dimension=dim_b, a_citizens=da.citizens, a_destination=da.destination, a_category=ca,
                          a_periods=[period.code], b_citizens=db.citizens, b_destination=db.destination,
                          b_category=cb, b_periods=[period.code])
    if row is None or row["gap"] is None:
        raise Decline("no shares")
    call.figure_ids.extend(row["figure_ids"])
    call.periods = [period]
    a = {"dir": call.desk.dir_values(da), "phrase": call.desk.label(dim, ca, "phrase"), "label": call.desk.label(dim, ca)}
    b = {"dir": call.desk.dir_values(db), "phrase": call.desk.label(dim_b, cb, "phrase"), "label": call.desk.label(dim_b, cb)}
    pooled = None
    if da != db and (call.ex.cues.keys() & {"combine"} or POOLING_WORDS & set(call.ex.toks)):
        # "Taking both directions together, what share came on business?": one share of everyone
        # who crossed either way, from the same four published figures, next to the two shares.
        value, total = row["a_value"] + row["b_value"], row["a_total"] + row["b_total"]
        pooled = {"value": value, "total": total, "share": round(100.0 * value / total, 1)}
    return call.desk.render(NAME, a=a, b=b, r=row, period=period, assumed_period=assumed,
                            same_direction=da == db, pooled=pooled,
                            **call.common(row["source_id"], [period], dim if dim == dim_b else None,
                                          [ca, cb] if dim == dim_b else None))
