"""A set of categories: the share of two or more categories together ("what share came for
education and personal reasons?"), or everything but one ("how many came for purposes other
than business?").

For "all but one" there are two honest numbers, because the published breakdowns do not add
up to the total: the total minus that category, and the sum of the other listed categories.
The answer gives both and says which is which. When the question asks what the other
categories were ("the Russians' purposes besides business, and how many for each?") and the
report publishes none, the total minus the one is only context: the answer says the rest is not
broken down (kind "fallback"), never presents the remainder as the categories asked for.
"""

from __future__ import annotations

from typing import Any

from handlers.model import CategoryRef, Direction, QuestionFrame
from handlers.operations.base import Decline, OperationCall, day_after, first_day, requested_or_latest
from handlers.periods import Period

NAME = "category_set"


def applies(frame: QuestionFrame) -> bool:
    if frame.measure == "share" and len(frame.categories) >= 2:
        return len({c.dimension for c in frame.categories}) == 1
    if frame.measure == "average_per_unit" and frame.time_unit and len(frame.categories) >= 2 and not frame.excluded:
        # "on foot or by water, per month": the set's sum spread over the period (average_per_unit takes one category)
        return len({c.dimension for c in frame.categories}) == 1
    # "Add up rail, road, foot and water, without air": the listed set and the one set aside.
    return (frame.measure == "sum" and bool(frame.excluded)
            and len({c.dimension for c in frame.excluded + frame.categories}) == 1)


def _set_row(call: OperationCall, d: Direction, dim: str, refs: tuple[CategoryRef, ...], period: Period) -> dict[str, Any] | None:
    return call.runner.one(NAME, citizens=d.citizens, destination=d.destination, dimension=dim,
                           categories=[r.category for r in refs], periods=[period.code])


def run(call: OperationCall) -> str:
    excluding = bool(call.frame.excluded)
    refs = call.frame.excluded or call.frame.categories
    dim = refs[0].dimension
    d = call.direction
    avail = call.desk.available(call.runner, d, dim, refs[0].category)
    requested, assumed = requested_or_latest(call, avail)
    period = requested[0]
    if period not in avail:
        raise Decline("no breakdown for that period")  # the intent handlers say what there is
    row = _set_row(call, d, dim, refs, period)
    if (excluding and call.frame.categories and row is not None
            and set(row["other_categories"] or []) != {c.category for c in call.frame.categories}):
        # The listed categories are not all the others ("rail and road, without air"): what is
        # asked is their sum, given with its share; the one set aside is simply not in it.
        excluding, refs = False, call.frame.categories
        row = _set_row(call, d, dim, refs, period)
    if row is None or row["set_value"] is None or row["found"] != len({r.category for r in refs}):
        raise Decline("a category without figures")  # the intent handlers say which categories there are
    if excluding and row["total_minus_set"] is not None and row["total_minus_set"] < 0:
        # Every category set aside, and they add up to more than the total: no count of people is
        # negative, so this reading of the question is wrong, not the figure (blind7 r7-034: -39).
        raise Decline("more set aside than the total")
    unlisted = excluding and not row["other_categories"] and _asks_the_others(call)
    if unlisted:
        call.kind = "fallback"  # the remainder is context; the categories asked for are not published
    call.figure_ids.extend(row["figure_ids"])
    call.periods = [period]
    others = [{"label": call.desk.label(dim, c), "value": v}
              for c, v in zip(row["other_categories"] or [], row["other_values"] or [])]
    members = [call.desk.label(dim, r.category, "phrase") for r in refs]
    member_labels = [call.desk.label(dim, r.category) for r in refs]
    # "Non-business Russians per day in Q3?": the set's figures per unit of time asked, beside them.
    unit = call.frame.time_unit if call.frame.time_unit in ("day", "month", "quarter") else None
    spread = _spread(call, row, period, excluding, unit) if unit else None
    return call.desk.render(NAME, excluding=excluding, unlisted=unlisted, members=members, member_labels=member_labels, others=others, r=row, period=period,
                            unit=unit, spread=spread,
                            assumed_period=assumed, dimension=call.desk.label("dimension", dim),
                            **call.common(row["source_id"], [period], dim, None, all_categories=True))


def _spread(call: OperationCall, row: dict[str, Any], period: Period, excluding: bool, unit: str) -> dict[str, Any] | None:
    """The set's figures per ``unit`` of the period: for all but one, the remainder and the sum of
    the listed others; for a set, its sum. Computed in SQL (spread_per_unit.sql), rounded there."""
    values = [row["total_minus_set"], row["others_value"]] if excluding else [row["set_value"]]
    values = [v for v in values if v is not None]
    if not values:
        return None
    rates = call.runner.one("spread_per_unit", values=values, months=period.months,
                            first_day=first_day(period), day_after=day_after(period))
    if rates is None:
        return None
    per = rates[f"per_{unit}"]
    return {"days": rates["days"], "months": rates["months"], "first": per[0], "second": per[1] if len(per) > 1 else None}


def _asks_the_others(call: OperationCall) -> bool:
    """ "What purposes besides business ...?", "... and how many for each?": the dimension is named
    as what is asked for (a list of its other categories), not a count or a share of the rest."""
    return (bool(call.frame.dimensions) and "share" not in call.ex.cues
            and ("count" not in call.ex.cues or "each" in call.ex.toks))
