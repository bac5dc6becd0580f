"""Follow-ups: "and in Q2?", "what about by train?" edit the previous question's subject.

A follow-up keeps what the last question was about (a :class:`FollowUp`) and overrides only
what the new one names: a country, a period, a category or a dimension.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Callable

from handlers.extract import CountryMention, Extraction
from handlers.model import CategoryRef, Direction, FollowUp, QuestionFrame
from handlers.periods import Period

FOLLOWUP_MAX_TOKENS = 6  # longer questions stand on their own
FOLLOWUP_LEADS = ("and", "what about", "how about", "same for", "now", "also")
# Cues that make a short question a new one ("share?", "trend?"), not an edit of the last.
OWN_INTENT_CUES = frozenset({"share", "rank_top", "rank_bottom", "series", "breakdown", "change", "both_directions",
                             "sources", "caveat"})

PickDirection = Callable[[str | None, str | None, list[CountryMention]], tuple[Direction, bool]]


def is_followup(ex: Extraction) -> bool:
    """A short question that leans on the previous one: "and in Q2?", "what about by train?"."""
    starts = " ".join(ex.toks[:2])
    lead = any(starts.startswith(h) for h in FOLLOWUP_LEADS)
    own_intent = bool(ex.cues.keys() & OWN_INTENT_CUES)
    changes = bool(ex.countries or ex.periods or ex.categories or ex.dimensions)
    short = len(ex.toks) <= FOLLOWUP_MAX_TOKENS
    return changes and short and (lead or (not own_intent and "count" not in ex.cues)) and not ex.unknown


def merge_followup(ex: Extraction, previous: FollowUp, pick_direction: PickDirection
                   ) -> tuple[Direction | None, list[Period] | None, list[tuple[str, str]], list[str]]:
    """The previous question's subject, overridden by whatever this one names."""
    direction = previous.direction
    if ex.countries and direction is not None:
        citizens = next((m.id for m in ex.countries if m.role == "citizens"), None)
        dest = next((m.id for m in ex.countries if m.role == "destination"), None)
        direction = pick_direction(citizens, dest, [m for m in ex.countries if not m.role])[0]
    periods = None if ex.periods else list(previous.periods)
    cats = [(d, i) for d, i, _ in ex.categories] or list(previous.categories)
    dims = ex.dimensions or list(previous.dimensions)
    if ex.categories and not ex.dimensions:
        dims = [ex.categories[0][0]]
    if ex.dimensions and not ex.categories:
        cats = []
    return direction, periods, cats, dims


def edit_frame(frame: QuestionFrame, ex: Extraction) -> QuestionFrame:
    """The last question's frame with what the follow-up names put in ("and in Q2?" after a
    monthly average is the monthly average of Q2): its periods, its categories, its countries."""
    changes: dict[str, Any] = {}
    periods = tuple(p for p in ex.periods if p.kind != "latest")
    if periods:
        changes["periods"] = periods
    if ex.categories:
        named = tuple(CategoryRef(d, c, ex.category_at.get((d, c), -1)) for d, c, _ in ex.categories)
        slot = "excluded" if frame.excluded or "negation" in ex.cues else "categories"
        changes[slot] = named
    citizens = next((m.id for m in ex.countries if m.role == "citizens"), None)
    destination = next((m.id for m in ex.countries if m.role == "destination"), None)
    if citizens or destination:
        changes["citizens"], changes["destination"] = citizens, destination
    return replace(frame, **changes)
