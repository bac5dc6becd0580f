"""A question on its own handed to the intent that the matcher chose (``_i_<intent>``).

Moved out of handlers/pipeline.py so the orchestrator holds only the order of the stages; a
follow-up is an edit instead (handlers/understanding/followup.py, handlers/operations/followups.py).
"""

from __future__ import annotations

from typing import Any

from handlers.intents.figures import FigureQuestion
from handlers.model import FollowUp, NoData
from handlers.queries import QueryRunner
from handlers.reading import TEXT_INTENTS
from handlers.understanding.extract import Extraction
from handlers.understanding.followup import fact_frame, named_frame


class IntentDispatch:
    """Mixin for the pipeline: runs one intent handler (``_i_fact``, ``_i_total``, ...) of the
    classes it is mixed with, and returns the answer's html, the conversation's frame and figures."""

    # Annotations only (no stub methods): a stub here would shadow the real method in the MRO.
    _i_fact: Any
    direction_for: Any
    _direction_pair: Any

    def _run_intent(self, intent: str, ex: Extraction, runner: QueryRunner, now: float) -> tuple[str, FollowUp, list[str]]:
        """A question on its own (a follow-up is an edit: handlers/understanding/followup.py)."""
        if intent == "fact":
            chosen: list[dict[str, Any]] = []
            try:
                html, ids = self._i_fact(ex, runner, chosen)
            except NoData as nd:
                nd.values["context"] = fact_frame(chosen[:1], now, nodata=True, asked=ex.text)
                raise
            return html, fact_frame(chosen, now, asked=ex.text), ids
        if intent in TEXT_INTENTS:
            html, ids = getattr(self, f"_i_{intent}")(ex, runner)
            # "Who says 544 Russians went in Q3?": the sources, and that figure for the next follow-up.
            named = named_frame(self, ex, runner, now) if intent == "sources" else None
            return html, named or FollowUp(intent, None, (), (), (), now), ids
        direction, assumed = self.direction_for(ex)
        cats, dims = [(d, i) for d, i, _ in ex.categories], list(ex.dimensions)
        asked = FigureQuestion(ex=ex, runner=runner, direction=direction, assumed_direction=assumed,
                               categories=cats, dimensions=dims or [c[0] for c in cats][:1], fixed_periods=None, now=now)
        if intent == "compare_directions":
            asked.compare_pair = self._direction_pair(ex, direction)
        if intent in ("share", "complement", "category") and not asked.categories:
            intent = "breakdown" if asked.dimensions else "total"
        elif intent == "total" and asked.categories:  # "and by air?" after a total asks for the air figure
            intent = "category"
        return getattr(self, f"_i_{intent}")(asked), asked.context(intent), asked.figure_ids
