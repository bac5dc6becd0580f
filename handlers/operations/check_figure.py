"""A figure stated in the question, checked: "Is it right that 365 North Koreans entered Russia
in Q2?", "Copy reads 'five came for work' — what should it say?".

The answer gives the right figure for what the question describes and, when the stated number
is wrong, what that number really is in the report (another period, mode or direction), or
that the report has no such figure. A span the data covers only in part is checked against
the sum of the parts it has, labelled as such.
"""

from __future__ import annotations

import re

from handlers.model import QuestionFrame
from handlers.operations.base import Decline, OperationCall, covered_parts
from handlers.periods import parse_code, tile
from handlers.understanding.frame import NUMBER_WORDS

NAME = "check_figure"


def stated_number(frame: QuestionFrame, toks: list[str]) -> int | None:
    """The one count the question states (digits or a number word); None for none or several."""
    # A year-like number is a year only when it was read as one ("in 2022"); "2000 North Koreans" is a count.
    years = {str(m.year) for m in frame.periods if m.year is not None} | {
        y for m in frame.periods for y in re.findall(r"\d{4}", m.text)}
    found = [int(n) for n in frame.stated_numbers if n.isdigit() and not (1900 <= int(n) <= 2100 and n in years)]
    found += [NUMBER_WORDS[t] for t in toks if t in NUMBER_WORDS]
    return found[0] if len(set(found)) == 1 else None


# "Is 'up 152 on the previous quarter' right?": the stated number is a change, which this
# operation does not check; the intent handlers compare periods.
CHANGE_WORDS = frozenset({"up", "down", "rise", "rose", "risen", "fell", "fall", "fallen", "increase", "increased",
                          "decrease", "decreased", "jump", "jumped", "drop", "dropped", "grew"})
# "Did more than 500 come?", "fewer than 200?": the stated number is a threshold, not a claim.
ABOVE_WORDS = frozenset({"exceed", "exceeded", "exceeds", "over", "above", "more", "beyond", "surpass", "surpassed",
                         "top", "topped", "least", "reach", "reached"})
BELOW_WORDS = frozenset({"below", "under", "fewer", "less"})


def applies(frame: QuestionFrame) -> bool:
    return frame.measure == "check" and len(frame.categories) <= 1 and not frame.excluded


def run(call: OperationCall) -> str:
    stated = stated_number(call.frame, call.ex.toks)
    if stated is None:
        raise Decline("no single stated count")
    if (CHANGE_WORDS & set(call.ex.toks) or ({"more", "fewer", "less"} & set(call.ex.toks) and not call.frame.stated_numbers)) or any(p.kind in ("previous", "relative") for p in call.ex.periods):
        raise Decline("the stated number is a change")
    d = call.direction
    dim, cat, avail = call.subject()
    requested = call.requested(avail)
    assumed = not requested
    if assumed:
        latest = call.desk.latest(avail)
        if latest is None:
            raise Decline("no periods")
        requested = [latest]
    if len(requested) != 1:
        raise Decline("several periods")
    period = requested[0]
    parts = tile(period, avail)
    missing = []
    if parts is None:
        parts, missing = covered_parts(period, avail)
        if not parts:
            raise Decline("nothing stored for the period")
    row = call.runner.one(NAME, citizens=d.citizens, destination=d.destination, dimension=dim, category=cat,
                          periods=[p.code for p in parts], stated=stated)
    if row is None or row["value"] is None:
        raise Decline("no value")
    call.figure_ids.extend(row["figure_ids"])
    call.periods = [period]
    # What the stated number really is; the asked figure itself only when it is a part of a span.
    stated_as = [call.desk.figure_label(f) for f in row["stated_ids"] or [] if missing or f not in row["figure_ids"]]
    what = "total" if dim == "total" else call.desk.label(dim, cat, "phrase")
    parts_labelled = [{"label": call.desk.period_label(parse_code(c)), "value": v}
                      for c, v in zip(row["periods"], row["part_values"])]
    toks = set(call.ex.toks)
    # English words in code; other languages' are the threshold_above / threshold_below cue groups.
    threshold = ("above" if ABOVE_WORDS & toks or "threshold_above" in call.ex.cues
                 else "below" if BELOW_WORDS & toks or "threshold_below" in call.ex.cues else None)
    return call.desk.render(NAME, stated=stated, r=row, threshold=threshold, period=period, assumed_period=assumed, what=what,
                            category=dim != "total", stated_as=stated_as, parts=parts_labelled,
                            missing=[call.desk.period_label(p) for p in missing],
                            **call.common(row["source_id"], [period], None if dim == "total" else dim,
                                          None if dim == "total" else [cat]))
