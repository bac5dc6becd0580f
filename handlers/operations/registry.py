"""The one table of operations. Each row is a module in this folder with ``NAME``, ``applies``
and ``run``, a ``<NAME>.sql`` beside it, and ``answers/<lang>/<NAME>.j2`` in every language;
``tests/test_operation_contract.py`` fails when any of these, or the operation's evaluation
lines, is missing. Adding an operation is one module, one SQL file, three templates, eval lines
and one row here.

Order matters only where two operations could apply to one frame: the more specific first.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import ModuleType
from typing import Callable

from handlers.model import QuestionFrame
from handlers.operations import (all_figures, average_per_unit, category_compare, category_set, check_figure, multiple_of_average,
                                 partial_span, pp_gap)
from handlers.operations.base import OperationCall


@dataclass(frozen=True)
class Operation:
    """A registered operation: its name (= its SQL file and template name) and its two functions."""

    name: str
    applies: Callable[[QuestionFrame], bool]
    run: Callable[[OperationCall], str]


def _row(module: ModuleType) -> Operation:
    return Operation(module.NAME, module.applies, module.run)


OPERATIONS: tuple[Operation, ...] = tuple(_row(m) for m in (
    check_figure, multiple_of_average, average_per_unit, pp_gap, category_compare, category_set, partial_span, all_figures))


def choose(frame: QuestionFrame) -> Operation | None:
    """The first registered operation that answers this frame, or None (the intent handlers do)."""
    return next((op for op in OPERATIONS if op.applies(frame)), None)
