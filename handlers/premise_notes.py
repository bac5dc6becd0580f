"""A stated premise named in the answer: "Since 544 North Koreans entered in Q3, ..." (544 is the
Russians' figure). The finding is handlers/premises.py; this mixin looks the values up and puts
the note in front of the answer. Moved out of handlers/pipeline.py (the orchestrator)."""

from __future__ import annotations

from typing import Any

from handlers.model import Answer
from handlers.premises import MAX_LABELS as MAX_PREMISE_LABELS, premises_elsewhere
from handlers.queries import QueryRunner
from handlers.understanding.extract import Extraction


class PremiseNotes:
    """Mixin for the pipeline (needs ``lang``, ``snapshot``, ``queries``, ``figure_label`` and ``_render``)."""

    # Annotations only (no stub methods): a stub here would shadow the real method in the MRO.
    lang: str
    snapshot: Any
    queries: dict[str, str]
    figure_label: Any
    _render: Any

    def _note_premises(self, ex: Extraction, base: Answer, checked: bool = False) -> None:
        """ "Since 544 North Koreans entered in Q3, what share came on business?": the answer is
        computed from the stored figures; a number the question states that is the report's figure
        for something else is named first, so the wrong premise is not passed over in silence."""
        if self.lang != "en" or base.kind != "answer" or not ex.numbers or not base.figure_ids:
            return
        lookup = QueryRunner(self.snapshot, self.queries)  # its own runner: a lookup, not a figure the answer states

        def figures_of(value: int) -> list[str]:
            return [r["figure_id"] for r in lookup.run("figures_with_value", value=value, limit=MAX_PREMISE_LABELS + 1)]

        found = premises_elsewhere(ex.text, ex.numbers, base.html, figures_of, base.figure_ids if checked else None)
        if found:
            premises = [{"value": value, "labels": [self.figure_label(i) for i in ids]} for value, ids in found]
            base.html = self._render("premise_note", premises=premises) + "\n" + base.html
