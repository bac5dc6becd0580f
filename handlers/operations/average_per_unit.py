"""Average per unit of time: "monthly average in Q3", "how many a day", "per quarter in 2022".

The span's value divided by its months, calendar days or quarters, in SQL. A span the data
covers only in part (2023, with Q4 missing) is averaged over the months it does cover, and the
answer says so.
"""

from __future__ import annotations

from typing import Any

from handlers.model import QuestionFrame
from handlers.operations.base import Decline, OperationCall, covered_parts, day_after, first_day, requested_or_latest
from handlers.periods import Period
from handlers.understanding.frame import COMPARE_WORDS

NAME = "average_per_unit"


def applies(frame: QuestionFrame) -> bool:
    return frame.measure == NAME and frame.time_unit is not None and not frame.excluded and len(frame.categories) <= 1


# "How many more a month in Q3 than in Q2?": two averages set against each other.
_MORE_WORDS = frozenset({"more", "fewer", "less", "difference", "gap", "higher", "lower",
                         "больше", "меньше", "разница", "разницу", "차이", "더"})
_PER_KEY = {"day": "per_day", "month": "per_month", "quarter": "per_quarter"}


def _gap(call: OperationCall, results: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The difference between two periods' averages (each from the SQL, rounded as shown), when the
    question sets them against each other; None otherwise."""
    if len(results) != 2 or not (_MORE_WORDS & set(call.ex.toks) or "change" in call.ex.cues or call.frame.comparison):
        return None
    key = _PER_KEY[call.frame.time_unit or "month"]
    one, two = sorted(results, key=lambda r: r["row"][key])
    value = round(two["row"][key] - one["row"][key], 2 if key == "per_day" else 1)
    return {"value": value, "higher": two["period"], "lower": one["period"]}


def run(call: OperationCall) -> str:
    citizens = {c.id for c in call.ex.countries if c.role == "citizens"}
    if len(citizens) >= 2 or call.frame.both_directions:
        # "Q3 daily rate NK vs RU": each direction's own average, one after the other; the first
        # direction's alone would read as the answer to both.
        html = []
        for d in call.desk.direction_pair(call.ex, call.direction):
            call.direction, call.assumed_direction = d, False
            html.append(_run_one(call))
        return "\n".join(html)
    return _run_one(call)


def _run_one(call: OperationCall) -> str:
    d = call.direction
    dim, cat, avail = call.subject()
    requested, assumed = requested_or_latest(call, avail)
    ordered = sorted(set(requested))
    if len(ordered) > 1 and not call.frame.comparison and all(a.end + 1 == b.start for a, b in zip(ordered, ordered[1:])) \
            and not (COMPARE_WORDS & set(call.ex.toks) or "change" in call.ex.cues):
        # "average of Q1, Q2 and Q3": over the whole span first, then each period named
        requested = [Period(ordered[0].start, ordered[-1].end)] + ordered
    results = []
    for period in requested[:4]:
        parts, missing = covered_parts(period, avail)
        if not parts:
            raise Decline("nothing stored inside the period")
        covered_months = sum(p.months for p in parts)
        row = call.runner.one(NAME, citizens=d.citizens, destination=d.destination, dimension=dim, category=cat,
                              periods=[p.code for p in parts], months=covered_months,
                              first_day=first_day(parts[0]), day_after=day_after(parts[-1]))
        if row is None or row["value"] is None:
            raise Decline("no value")
        if missing and len(parts) > 1 and any(a.end + 1 != b.start for a, b in zip(parts, parts[1:])):
            raise Decline("covered parts are not one span")  # days would count the gap
        call.figure_ids.extend(row["figure_ids"])
        results.append({"period": period, "row": row, "parts": [call.desk.period_label(p) for p in parts],
                        "missing": [call.desk.period_label(p) for p in missing]})
    call.periods = [r["period"] for r in results]
    what = "total" if dim == "total" else call.desk.label(dim, cat, "phrase")
    return call.desk.render(NAME, results=results, unit=call.frame.time_unit, what=what, category=dim != "total",
                            gap=_gap(call, results),
                            assumed_period=assumed, period=results[0]["period"],
                            **call.common(results[0]["row"]["source_id"], call.periods))
