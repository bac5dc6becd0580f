"""Shared types of the question pipeline: the question frame, the follow-up it leaves behind,
the answer, and the "no data" signal. Every stage imports these from here, so no stage has to
import another stage for its types (and no import cycle can start from them).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Protocol

from handlers.periods import Period, PeriodMention
from handlers.queries import Trace
from handlers.render import to_plain

# What a question asks for. Extraction fills these; operations are chosen by them.
MEASURES = ("count", "sum", "share", "difference", "pct_change", "ratio", "average_per_unit", "multiple_of_average",
            "pp_gap", "rank", "list", "check", "fact")
COMPARISONS = ("periods", "directions", "categories", "shares")
FACT_ASPECTS = ("who", "when", "where", "how_many", "what_said", "why")
TIME_UNITS = ("day", "week", "month", "quarter")


@dataclass(frozen=True)
class Direction:
    """Citizens of one country entering another."""

    citizens: str
    destination: str


@dataclass(frozen=True)
class CategoryRef:
    """One breakdown category named in a question, with where it was named (token index)."""

    dimension: str
    category: str
    pos: int = -1


@dataclass(frozen=True)
class QuestionFrame:
    """The typed meaning of one question: what is measured, of whom, over what, compared with what.

    Built by :func:`handlers.understanding.frame.build_frame` from an extraction; an operation is
    chosen by ``measure`` and ``comparison``, so a new combination of known parts needs no code.
    """

    measure: str  # one of MEASURES
    citizens: str | None = None  # the subject: who entered ...
    destination: str | None = None  # ... where; both None and ``both_directions`` for "both ways"
    both_directions: bool = False
    periods: tuple[PeriodMention, ...] = ()  # one, several (a sum or a comparison), or none (latest)
    categories: tuple[CategoryRef, ...] = ()  # included categories, in question order
    excluded: tuple[CategoryRef, ...] = ()  # "other than business", "all but air"
    dimensions: tuple[str, ...] = ()
    comparison: str | None = None  # one of COMPARISONS
    time_unit: str | None = None  # for average_per_unit and multiple_of_average
    fact_aspect: str | None = None  # one of FACT_ASPECTS, for fact questions
    stated_numbers: tuple[str, ...] = ()  # figures the question itself states (checks)
    uncovered: tuple[str, ...] = ()  # meaning-bearing words no extractor consumed
    legacy_intent: str | None = None  # the matcher's intent, until every intent is an operation

    def as_json(self) -> dict[str, Any]:
        return {"measure": self.measure, "citizens": self.citizens, "destination": self.destination,
                "both_directions": self.both_directions, "periods": [p.text for p in self.periods],
                "categories": [f"{c.dimension}:{c.category}" for c in self.categories],
                "excluded": [f"{c.dimension}:{c.category}" for c in self.excluded],
                "dimensions": list(self.dimensions), "comparison": self.comparison, "time_unit": self.time_unit,
                "fact_aspect": self.fact_aspect, "stated_numbers": list(self.stated_numbers),
                "uncovered": list(self.uncovered)}


@dataclass(frozen=True)
class FollowUp:
    """What a question was about, kept so a follow-up ("and in Q2?") can reuse it."""

    intent: str
    direction: Direction | None
    periods: tuple[Period, ...]
    categories: tuple[tuple[str, str], ...]
    dimensions: tuple[str, ...]
    created: float
    frame: QuestionFrame | None = None  # set when an operation answered: a follow-up edits this frame


@dataclass
class Answer:
    """Everything a front end needs to reply, and everything needed to explain the reply."""

    question: str
    kind: str  # "answer" | "suggest" | "fallback"
    intent: str | None
    score: float
    html: str
    suggestions: list[str] = field(default_factory=list)
    entities: dict[str, Any] = field(default_factory=dict)
    traces: list[Trace] = field(default_factory=list)
    figure_ids: list[str] = field(default_factory=list)
    context: FollowUp | None = None  # the follow-up this answer leaves; front ends pass it back as ``previous``
    version: str = ""
    frame: QuestionFrame | None = None

    @property
    def followup(self) -> FollowUp | None:
        return self.context

    @property
    def text(self) -> str:
        return to_plain(self.html)

    @property
    def has_figures(self) -> bool:
        return self.kind == "answer" and bool(self.figure_ids)

    def as_json(self) -> dict[str, Any]:
        return {
            "question": self.question,
            "kind": self.kind,
            "intent": self.intent,
            "score": self.score,
            "entities": self.entities,
            "frame": self.frame.as_json() if self.frame else None,
            "answer": self.text,
            "suggestions": self.suggestions,
            "sql": [{"name": t.name, "params": _jsonable(t.params)} for t in self.traces],
            "figure_ids": self.figure_ids,
            "data_version": self.version,
        }


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    return value


class NoData(Exception):
    """The data cannot answer exactly this; ``reason`` and ``values`` feed the nodata template."""

    def __init__(self, reason: str, **values: Any) -> None:
        super().__init__(reason)
        self.reason = reason
        self.values = values


class DataAccess(Protocol):
    """What a reader of the data needs from the pipeline: the snapshot, the vocabulary, the named
    queries, the templates and the report's date. The claim checker takes this instead of the
    pipeline class, so it builds on the same resources without importing the orchestrator."""

    snapshot: Any
    lexicon: Any
    queries: dict[str, str]
    renderer: Any
    report_date: date
    lang: str
