"""Reading a question: its extraction, the matcher's reading, and the edit it makes to the last frame.

Moved out of handlers/pipeline.py (the orchestrator keeps only the order of the stages). The same
reading serves the answer (Pipeline._answer), the answer cache's follow-up check
(handlers/cache_keys.py), /check's frame (``frame_of``) and the multi-part splitter's check that a
whole answer already names the part it leaves (``second_ask_noted``).
"""

from __future__ import annotations

import time
from typing import Any

from handlers.language import LANGS, detect
from handlers.model import FollowUp
from handlers.queries import QueryRunner
from handlers.understanding.accounting import (counted_by_a_thing_counter, counted_thing_not_people, name_asked_of_a_figure,
                                               second_question_left)
from handlers.understanding.extract import Extraction, extract
from handlers.understanding.followup import FIGURE_EDITS, Edit, named_frame, read_edit
from handlers.understanding.matcher import MatchResult, match
from handlers.understanding.normalise import normalise_text

TEXT_INTENTS = ("fact", "sources", "caveats", "help", "coverage")


class QuestionReading:
    """Mixin for the pipeline: how a question's text is read (needs ``lexicon``, ``report_date``,
    ``lang``, ``snapshot``, ``queries`` and ``in_language`` from the class it is mixed into)."""

    # Annotations only (no stub methods): a stub here would shadow the real method in the MRO.
    lang: str
    lexicon: Any
    report_date: Any
    snapshot: Any
    queries: dict[str, str]
    in_language: Any

    def _read(self, text: str, previous: FollowUp | None) -> tuple[Extraction, MatchResult, Any]:
        """Extraction, the matcher's reading, and the edit a follow-up makes to ``previous`` (None:
        a question of its own)."""
        ex = extract(text, self.lexicon, self.report_date)
        result = match(ex)
        return ex, result, self._edit(ex, result, previous)

    def _edit(self, ex: Extraction, result: MatchResult, previous: FollowUp | None) -> Any:
        edit = read_edit(ex, previous, text_intent=result.decision == "answer" and result.intent in TEXT_INTENTS,
                         unanswered=tuple(name_asked_of_a_figure(ex, self.lexicon)) if previous is not None else (),
                         alone=result.intent)
        if edit is not None and edit.kind in FIGURE_EDITS:
            counted = (counted_thing_not_people(ex, self.lexicon) if self.lang == "en"
                       else counted_by_a_thing_counter(ex, self.lexicon) if self.lang == "ko" else [])
            if counted:
                # "how many flights a week?" after the air figure: flights are not people, and every
                # figure counts people; the edit would give the people figure again as if it were that.
                edit = Edit("not_covered", words=tuple(counted))
        return edit

    def frame_of(self, sentence: str, now: float | None = None) -> FollowUp | None:
        """The figure a sentence names, as a conversation's frame: /check keeps it, so a
        follow-up after a claim check ("and by air?") edits the checked figure."""
        lang = detect(sentence, None)
        if lang != self.lang and lang in LANGS:
            return self.in_language(lang).frame_of(sentence, now)
        ex = self.part_reading(sentence)
        return named_frame(self, ex, QueryRunner(self.snapshot, self.queries), time.time() if now is None else now)

    def second_ask_noted(self, question: str) -> bool:
        """Whether the answer to the whole question already says which part the report does not answer."""
        return second_question_left(self.part_reading(question)) is not None

    def part_reading(self, text: str) -> Extraction:
        """A text read alone, with no conversation: a Korean or Russian part of a question (its cues
        say where it may be split and what it asks), a sentence a claim names, a whole question."""
        return extract(normalise_text(text.strip()[:2000], self.lexicon.is_word), self.lexicon, self.report_date)
