"""What every operation receives and may raise.

An operation is a small unit: ``applies(frame)`` says whether it answers a frame, ``run(call)``
runs its own named SQL (``handlers/operations/<name>.sql``) with bound parameters and renders
its own template (``answers/<lang>/<name>.j2``). It reaches the data model only through the
:class:`Desk` protocol (resolution of directions and periods, labels, sources), never through
the pipeline's private methods, so operations do not import the pipeline.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Protocol

from handlers.understanding.extract import Extraction
from handlers.model import Direction, QuestionFrame
from handlers.periods import PARTIAL_MIN_COVERAGE, Period, PeriodMention, covered_parts
from handlers.queries import QueryRunner


__all__ = ["PARTIAL_MIN_COVERAGE", "Decline", "Desk", "OperationCall", "covered_parts", "day_after", "first_day", "requested_or_latest"]


class Decline(Exception):
    """Raised by an operation that, once the frame is resolved against the data, does not fit
    (a span the data covers whole is a plain total): the intent handlers answer instead."""


class Desk(Protocol):
    """The resolvers and labels an operation may use (implemented by the pipeline)."""

    lang: str

    def available(self, runner: QueryRunner, d: Direction, dimension: str = ..., category: str = ...) -> list[Period]: ...
    def resolve_mentions(self, mentions: list[PeriodMention], available: list[Period]) -> list[Period]: ...
    def latest(self, available: list[Period]) -> Period | None: ...
    def stored_parts(self, period: Period, available: list[Period], d: Direction, what: str) -> list[Period]: ...
    def span_parts(self, period: Period, available: list[Period], d: Direction, what: str) -> tuple[list[Period], list[Period]]: ...
    def partial_note(self, period: Period, parts: list[Period], missing: list[Period]) -> dict[str, Any]: ...
    def source_chain(self, runner: QueryRunner, source_id: str) -> list[dict[str, Any]]: ...
    def dir_values(self, d: Direction) -> dict[str, str]: ...
    def label(self, kind: str, id_: str, form: str = "label") -> str: ...
    def period_label(self, period: Period) -> str: ...
    def render(self, template: str, **values: Any) -> str: ...
    def figure_label(self, figure_id: str, row: dict[str, Any] | None = None) -> str: ...
    def direction_pair(self, ex: Extraction, first: Direction) -> tuple[Direction, Direction]: ...
    def caveat_rows(self, runner: QueryRunner, d: Direction, periods: list[Period], dimension: str | None,
                    categories: list[str] | None, all_categories: bool = False) -> list[dict[str, Any]]: ...


@dataclass
class OperationCall:
    """One frame being answered: the resolved subject and the runner that records every query."""

    frame: QuestionFrame
    ex: Extraction
    runner: QueryRunner
    desk: Desk
    direction: Direction
    assumed_direction: bool
    version: str
    figure_ids: list[str] = field(default_factory=list)
    periods: list[Period] = field(default_factory=list)
    kind: str = "answer"  # an operation that can give only context (a part of a span) sets "fallback"

    def subject(self) -> tuple[str, str, list[Period]]:
        """The one category the frame names (or the total), and the periods the data has for it."""
        dim, cat = ((self.frame.categories[0].dimension, self.frame.categories[0].category)
                    if self.frame.categories else ("total", "all"))
        return dim, cat, self.desk.available(self.runner, self.direction, dim, cat)

    def requested(self, avail: list[Period]) -> list[Period]:
        """The periods the question names, resolved against the periods the data has."""
        return self.desk.resolve_mentions(list(self.frame.periods), avail)

    def common(self, source_id: str, periods: list[Period], dimension: str | None = None,
               categories: list[str] | None = None, all_categories: bool = False) -> dict[str, Any]:
        """The values every answer template shares: direction, source chain, caveats, version."""
        return {"dir": self.desk.dir_values(self.direction), "assumed_direction": self.assumed_direction,
                "source": self.desk.source_chain(self.runner, source_id) if source_id else [],
                "caveats": self.desk.caveat_rows(self.runner, self.direction, periods, dimension, categories,
                                                 all_categories),
                "related": [], "version": self.version}


def first_day(period: Period) -> date:
    year, month0 = divmod(period.start, 12)
    return date(year, month0 + 1, 1)


def day_after(period: Period) -> date:
    year, month0 = divmod(period.end + 1, 12)
    return date(year, month0 + 1, 1)


def requested_or_latest(call: OperationCall, avail: list[Period]) -> tuple[list[Period], bool]:
    """The periods the question names, or the latest in the data (and that it was assumed)."""
    requested = call.requested(avail)
    if requested:
        return requested, False
    latest = call.desk.latest(avail)
    if latest is None:
        raise Decline("no periods")
    return [latest], True
