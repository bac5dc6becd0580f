"""Shared types of the question pipeline: the question frame, the follow-up it leaves behind,
the answer, and the "no data" signal. Every stage imports these from here, so no stage has to
import another stage for its types (and no import cycle can start from them).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any, Protocol

from handlers.periods import Period, PeriodMention
from handlers.queries import Trace
from handlers.render import to_plain

# What a question asks for. Extraction fills these; operations are chosen by them.
MEASURES = ("count", "sum", "share", "difference", "pct_change", "ratio", "average_per_unit", "multiple_of_average",
            "pp_gap", "rank", "list", "check", "fact", "all_figures")
COMPARISONS = ("periods", "directions", "categories", "shares", "rest")  # rest: one category against all the others
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
    whole_span: bool = False  # "all of 2023", "full-year": recorded; the parts stored answer it, labelled partial, alone or compared
    legacy_intent: str | None = None  # the matcher's intent, until every intent is an operation

    def as_json(self) -> dict[str, Any]:
        return {"measure": self.measure, "citizens": self.citizens, "destination": self.destination,
                "both_directions": self.both_directions, "periods": [p.text for p in self.periods],
                "categories": [f"{c.dimension}:{c.category}" for c in self.categories],
                "excluded": [f"{c.dimension}:{c.category}" for c in self.excluded],
                "dimensions": list(self.dimensions), "comparison": self.comparison, "time_unit": self.time_unit,
                "fact_aspect": self.fact_aspect, "stated_numbers": list(self.stated_numbers),
                "uncovered": list(self.uncovered)}


FOLLOWUP_VERSION = 2  # bump when FollowUp's fields change: a stored state of another version is dropped
MAX_REFS = 4  # "together?", "gap?", "how many times?" combine the last two figures given; "those three" the last three


@dataclass(frozen=True)
class Ref:
    """One figure an answer gave: who, when and which category; its value is re-read by SQL."""

    direction: Direction
    period: Period
    dimension: str = "total"
    category: str = "all"

    def to_dict(self) -> dict[str, Any]:
        return {"citizens": self.direction.citizens, "destination": self.direction.destination,
                "period": [self.period.start, self.period.end], "dimension": self.dimension, "category": self.category}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Ref":
        return cls(Direction(str(d["citizens"]), str(d["destination"])), Period(int(d["period"][0]), int(d["period"][1])),
                   str(d["dimension"]), str(d["category"]))


@dataclass(frozen=True)
class FollowUp:
    """The last frame of a conversation, which a follow-up edits (handlers/understanding/followup.py).

    ``intent`` and the slots (direction, periods, categories, dimensions) say what was asked;
    ``measure`` how it was measured (count, share, change, per_month, per_day, sum, gap, ratio,
    rank, fact); ``refs`` the last figures given, most recent last; ``rank_position`` the place in
    a ranking last given (-1 for the bottom); ``facts`` the facts last given and ``person`` the
    fact whose person was last named ("he", "she"); ``nodata`` that the last answer was an honest
    "not in the data" for this frame, which a follow-up still edits. Plain data: kept in memory or
    stored as :meth:`to_dict` (with a version) and read back with :meth:`from_dict`.
    """

    intent: str
    direction: Direction | None
    periods: tuple[Period, ...]
    categories: tuple[tuple[str, str], ...]
    dimensions: tuple[str, ...]
    created: float
    measure: str = "count"
    refs: tuple[Ref, ...] = ()
    rank_position: int = 0
    facts: tuple[str, ...] = ()
    person: str | None = None
    nodata: bool = False
    # Set when an operation answered: "and in Q2?" edits that QuestionFrame. Not stored by
    # to_dict (it holds the question's own period phrases); after a restart the measure and refs
    # above carry the follow-up instead.
    frame: QuestionFrame | None = field(default=None, compare=False)

    def with_refs(self, previous: "FollowUp | None") -> "FollowUp":
        """This frame with the previous turn's figures kept before its own (the last two count)."""
        own = self.refs
        if len(own) >= MAX_REFS or previous is None:
            return self
        merged = tuple(r for r in previous.refs if r not in own) + own
        return replace(self, refs=merged[-MAX_REFS:])

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": FOLLOWUP_VERSION,
            "intent": self.intent,
            "direction": [self.direction.citizens, self.direction.destination] if self.direction else None,
            "periods": [[p.start, p.end] for p in self.periods],
            "categories": [list(c) for c in self.categories],
            "dimensions": list(self.dimensions),
            "created": self.created,
            "measure": self.measure,
            "refs": [r.to_dict() for r in self.refs],
            "rank_position": self.rank_position,
            "facts": list(self.facts),
            "person": self.person,
            "nodata": self.nodata,
        }

    @classmethod
    def from_dict(cls, d: Any) -> "FollowUp | None":
        """The stored state, or None when another version of the bot wrote it (or it is not one)."""
        if not isinstance(d, dict) or d.get("version") != FOLLOWUP_VERSION:
            return None
        try:
            direction = Direction(*d["direction"]) if d.get("direction") else None
            return cls(intent=str(d["intent"]), direction=direction,
                       periods=tuple(Period(int(a), int(b)) for a, b in d.get("periods", [])),
                       categories=tuple((str(a), str(b)) for a, b in d.get("categories", [])),
                       dimensions=tuple(str(x) for x in d.get("dimensions", [])), created=float(d["created"]),
                       measure=str(d.get("measure", "count")), refs=tuple(Ref.from_dict(r) for r in d.get("refs", [])),
                       rank_position=int(d.get("rank_position", 0)), facts=tuple(str(f) for f in d.get("facts", [])),
                       person=d.get("person"), nodata=bool(d.get("nodata", False)))
        except (KeyError, TypeError, ValueError):
            return None  # a damaged record is no state, not a crash


@dataclass(frozen=True)
class StatedFigure:
    """A figure an answer states and the stored figures behind it: one stored figure as it is
    (``computed`` False), or a value computed from several (a sum, a rate, a share, a gap).

    Set by answers whose figures no single query row describes (a claim check's verdicts); the
    newsroom hand-off (handlers/handoff.py) locates and cites each from it.
    """

    text: str  # what the answer says of it, plain text in the answer's language
    figure_ids: tuple[str, ...]
    computed: bool


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
    lang: str = "en"  # the language the answer is in (set by Pipeline.answer); its buttons and views follow it
    stated: list[StatedFigure] = field(default_factory=list)  # see StatedFigure; empty for most answers
    # Set by the pipeline for the answer cache (handlers/answering.py). ``standalone``: the
    # question was answered on its own, not as an edit of the previous turn, so the answer is the
    # same whatever the conversation was, except that ``merges_refs`` says its context takes the
    # previous turn's figures (FollowUp.with_refs); ``own_context`` is that context before it did.
    standalone: bool = field(default=False, compare=False, repr=False)
    merges_refs: bool = field(default=False, compare=False, repr=False)
    own_context: FollowUp | None = field(default=None, compare=False, repr=False)

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
