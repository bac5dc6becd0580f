"""Stored figures an answer gives without answering with them: the context of an honest "not in
the data" ("Published purpose categories: business (196)", "What it does have, as context: 731
(153 + 213 + 365)") and the sums of the caveats view ("the 5 published categories add up to 326,
39 fewer than the total of 365").

Such an answer states figures a reporter may quote, so it gets "Where in the report" and "Cite"
like any other (handlers/handoff.py). The figures are read from the queries the answer ran (the
rows it was rendered from), and one is kept only when the answer's text gives its value: a row
that was looked up but not shown is not stated. They are kept apart from ``Answer.figure_ids``,
which are the figures an answer answers with (corrections follow those).
"""

from __future__ import annotations

from typing import Any

from handlers import locators
from handlers.model import Answer, StatedFigure

ID_COLUMNS = ("figure_id", "figure_ids", "a_ids", "b_ids")  # query columns that name stored figures


def _ids(row: dict[str, Any]) -> list[str]:
    out: list[str] = []
    for col in ID_COLUMNS:
        value = row.get(col)
        if isinstance(value, str):
            out.append(value)
        elif isinstance(value, (list, tuple)):
            out.extend(str(v) for v in value)
    return out


def context_figures(answer: Answer, values: dict[str, int]) -> list[StatedFigure]:
    """The stored figures an answer without figures of its own gives in its text, and the
    breakdown sums of the caveats view with every figure each is computed from."""
    text = answer.text
    out: list[StatedFigure] = []
    for trace in answer.traces:
        for raw in trace.rows:
            row = dict(zip(trace.columns, raw))
            if trace.name == "breakdown_gaps":
                # "the 5 published categories add up to 326, 39 fewer than the total of 365": a sum
                # computed from the categories, set against the total.
                ids = (*row["figure_ids"], row["total_id"])
                line = next((x.strip(" •") for x in text.splitlines()
                             if locators.contains_value(x, row["parts_sum"]) and locators.contains_value(x, row["total"])),
                            None)
                if line is not None:
                    out.append(StatedFigure(line, tuple(ids), True))
                continue
            shown = list(dict.fromkeys(f for f in _ids(row) if f in values and locators.contains_value(text, values[f])))
            if not shown:
                continue
            total = row.get("value")
            summed = (len(shown) > 1 and isinstance(total, int) and total == sum(values[f] for f in shown)
                      and locators.contains_value(text, total))
            # "731 (153 + 213 + 365)": the sum is computed from the parts, each stated as stored too.
            out.append(StatedFigure("", tuple(shown), summed))
    # One mention each: a figure inside a computed sum ("731 (153 + 213 + 365)") is located there.
    in_sums = {f for s in out if s.computed for f in s.figure_ids}
    seen: set[tuple[str, ...]] = set()
    unique = []
    for s in out:
        if s.figure_ids not in seen and (s.computed or not set(s.figure_ids) <= in_sums):
            seen.add(s.figure_ids)
            unique.append(s)
    return unique
