"""Every figure for a subject or a period: "all the figures for Russians", "everything on North
Koreans in Q3", "give me all the numbers for 2023".

Such a question used to get one figure (the latest total, or the series of totals) as if it were
all the report has. This lists every stored figure that fits what the question names: the
direction when it names one (else every direction), the periods inside the period it names (else
every period), totals and breakdowns alike, each with its period and category.
"""

from __future__ import annotations

from typing import Any

from handlers.model import QuestionFrame
from handlers.operations.base import Decline, OperationCall
from handlers.periods import Period, parse_code

NAME = "all_figures"
MAX_LISTED = 60  # a larger data set's "everything" is the /figures overview, not a chat answer


def applies(frame: QuestionFrame) -> bool:
    return frame.measure == "all_figures"


def run(call: OperationCall) -> str:
    d = call.direction
    # A question that names no country asks about every direction ("all the numbers for 2023").
    named = not call.assumed_direction
    spans: list[Period | None] = [None]
    if call.frame.periods:
        avail = call.desk.available(call.runner, d) if named else []
        spans = list(dict.fromkeys(call.desk.resolve_mentions(list(call.frame.periods), avail)))
        if not spans:
            raise Decline("a period the data cannot place")
    rows: list[dict[str, Any]] = []
    for span in spans:
        rows += call.runner.run(NAME, citizens=d.citizens if named else None, destination=d.destination if named else None,
                                p_lo=span.start if span else None, p_hi=span.end if span else None,
                                first_citizens=d.citizens, first_destination=d.destination)
    rows = list({r["figure_id"]: r for r in rows}.values())
    if not rows or len(rows) > MAX_LISTED:
        raise Decline("nothing stored inside the period, or too much to list")  # the intents say what there is
    groups: list[dict[str, Any]] = []
    for r in rows:
        key = (r["citizens"], r["destination"])
        if not groups or groups[-1]["key"] != key:
            groups.append({"key": key, "dir": call.desk.dir_values(type(d)(*key)), "lines": []})
        period = parse_code(r["period"])
        groups[-1]["lines"].append({"period": call.desk.period_label(period), "value": r["value"],
                                    "category": None if r["dimension"] == "total" else call.desk.label(r["dimension"], r["category"])})
        call.figure_ids.append(r["figure_id"])
    call.periods = [p for p in spans if p is not None]
    sources = list(dict.fromkeys(r["source_id"] for r in rows if r["source_id"]))
    return call.desk.render(NAME, groups=groups, spans=[call.desk.period_label(p) for p in call.periods],
                            count=len(rows), breakdowns=any(r["dimension"] != "total" for r in rows),
                            **call.common(sources[0] if sources else "", call.periods))
