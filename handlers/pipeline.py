"""The question pipeline: normalise -> extract -> frame -> operation (SQL) -> render.

This is the orchestrator only. The stages live in their own folders: handlers/understanding/
(normalise, frame, word accounting, re-routing, follow-ups), handlers/operations/ (registered operations,
each with its .sql and templates), handlers/intents/ (the older intent handlers), and
handlers/desk.py (resolvers and labels). It never imports ``telegram``: the console, the
Telegram handlers, inline mode and the tests all call :meth:`Pipeline.answer`.

Every number in an answer comes out of a SQL query over the data; when the data cannot answer
exactly what was asked, the answer says so and lists what it does have.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from typing import Any

from handlers.claim_answers import check_claim
from handlers.desk import ReportDesk
from handlers.understanding.extract import Extraction, extract
from handlers.intents.figures import FigureIntents, FigureQuestion
from handlers.intents.texts import TextIntents
from handlers.language import LANGS, detect
from handlers.understanding.matcher import ACCEPT, FIGURE_INTENTS, MatchResult, match
from handlers.model import Answer, Direction, FollowUp, NoData
from handlers.multipart import answer_parts
from handlers.operations.followups import answer_followup
from handlers.operations.run import run_operation
from handlers.queries import QueryRunner
from handlers.premises import MAX_LABELS as MAX_PREMISE_LABELS, premises_elsewhere
from handlers.stated import context_figures
from handlers.understanding.accounting import (counted_by_a_thing_counter, counted_thing_not_people, month_asked, name_asked_of_a_figure, other_source_asked,
                                               periods_too_fine_or_left, second_question_left, states_a_claim)
from handlers.understanding.followup import (FIGURE_EDITS, Edit, answered_frame, attempted_frame, context_left, fact_frame,
                                             followup_measure, named_frame, read_edit)
from handlers.understanding.frame import build_frame
from handlers.understanding.normalise import normalise_text
from handlers.understanding.route import PLACE_OR_PERSON_CUES, reread_measure, route
from handlers.views import ReportViews

__all__ = ["Answer", "Direction", "FollowUp", "NoData", "Pipeline"]  # re-exported for callers of this module

# The old name of FollowUp, still imported by handlers/telegram (owned elsewhere); remove when it
# imports FollowUp from handlers.model.
Context = FollowUp

TEXT_INTENTS = ("fact", "sources", "caveats", "help", "coverage")
READINGS = 1024  # questions whose reading the answer cache's follow-up check keeps (Pipeline.edits)

class Pipeline(ReportViews, TextIntents, FigureIntents, ReportDesk):
    """Answers questions from one data snapshot. Build once per snapshot; thread-safe to call."""

    def answer(self, question: str, previous: FollowUp | None = None, now: float | None = None,
               lang: str | None = None, lang_hint: str | None = None) -> Answer:
        """Answer one question; ``previous`` is the asker's last context for follow-ups.

        ``lang`` fixes the answer's language (a chat's /lang choice); otherwise it is the
        question's own, read from its script, with ``lang_hint`` (Telegram's language_code)
        deciding only for a question with no words ("Q3?").
        """
        lang = lang if lang in LANGS else detect(question, lang_hint)
        view = self.in_language(lang) if lang != self.lang else self
        now = time.time() if now is None else now
        answer = view._answer(question, previous, now)
        # "how many in Q3, and how many by air?", "2023 누계와 가장 많은 분기는?": each part answered, or
        # none (handlers/multipart.py; Korean and Russian joints in handlers/multipart_koru.py)
        answer = answer_parts(view, question, answer, now, previous, lang)
        answer.lang = lang
        if not answer.figure_ids and not answer.stated:
            # "Not in the data; what it has: business (196)": figures given as context, for the hand-off.
            answer.stated = context_figures(answer, self.figure_values)
        return answer

    def cache_key(self, question: str, lang: str | None = None, lang_hint: str | None = None) -> tuple[str, str]:
        """(language, normalised text) of a question: what its answer depends on besides the data
        and the conversation (every stage reads the normalised text; ``lang`` and ``lang_hint`` as
        in :meth:`answer`). The answer cache's key, with the data version."""
        lang = lang if lang in LANGS else detect(question, lang_hint)
        view = self.in_language(lang) if lang != self.lang else self
        return lang, normalise_text(question.strip()[:2000], view.lexicon.is_word)

    def edits(self, lang: str, text: str, previous: FollowUp | None) -> bool:
        """Whether a question (language and normalised text, :meth:`cache_key`) would be read as an
        edit of ``previous`` (a follow-up), whose answer depends on the conversation.

        Asked by the answer cache on every hit under a context, so the question's extraction and
        the matcher's reading (functions of the text and the data alone; nothing changes an
        extraction once made but its own memo of derived values) are kept for the last
        ``READINGS`` questions asked so: the check is then only ``read_edit``.
        """
        view = self.in_language(lang) if lang != self.lang else self
        readings: OrderedDict[tuple[str, str], tuple[Extraction, MatchResult]] = \
            self.__dict__.setdefault("_edit_readings", OrderedDict())
        reading = readings.get((lang, text))
        if reading is None:
            ex = extract(text, view.lexicon, view.report_date)
            reading = readings[(lang, text)] = (ex, match(ex))
            if len(readings) > READINGS:
                readings.popitem(last=False)
        else:
            readings.move_to_end((lang, text))
        ex, result = reading
        return view._edit(ex, result, previous) is not None

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

    def _answer(self, question: str, previous: FollowUp | None, now: float | None) -> Answer:
        now = time.time() if now is None else now
        question = question.strip()
        text = normalise_text(question[:2000], self.lexicon.is_word)
        ex, result, edit = self._read(text, previous)
        if edit is not None:
            # A follow-up edits the last frame (handlers/understanding/followup.py); its operations
            # are handlers/operations/followups.py.
            followed = answer_followup(self, edit, ex, previous, result, question, now)
            if followed is not None:
                # An edit of the conversation, even when restated as a question of its own
                # (answer_fresh): never reused for another conversation.
                followed.standalone = followed.merges_refs = False
                return followed
        runner = QueryRunner(self.snapshot, self.queries)
        base = Answer(question=question, kind="fallback", intent=result.intent, score=result.score, html="",
                      entities=ex.entity_summary(), version=self.snapshot.version)
        base.entities["followup"] = False
        # Answered on its own (no edit of the previous turn): the same for any conversation but the
        # refs merged below (only when that path is taken), so the answer cache may reuse it.
        base.standalone = edit is None
        claim = states_a_claim(ex)
        base.frame = build_frame(ex, result.intent)
        if (base.frame.measure == "share" and len(base.frame.categories) == 1 and result.intent in FIGURE_INTENTS
                and result.intent != "share"):
            # "Did more than half come on business?": the frame asks for a share, whatever the matcher heard.
            result = MatchResult("share", max(result.score, ACCEPT), "answer", result.ranked, result.penalties)
            base.intent, base.score = result.intent, result.score
        reread = reread_measure(ex, result, base.frame)
        if reread is not None:
            result, base.intent, base.score = reread, reread.intent, reread.score
            base.frame = build_frame(ex, result.intent)
        if (self.lang != "en" and "all_figures" in ex.cues and not (ex.categories or ex.periods or ex.numbers or ex.dimensions)
                and not ex.cues.keys() & {"caveat", "sum_given", "combine", "gap", "change"}):
            # "러시아인 방북 관련 수치 전부 정리해 주세요", "какие цифры по россиянам?": every figure of
            # the direction named (or of both), not the one total a figure intent would give.
            direction = self.direction_for(ex)[0] if ex.countries else None
            base.kind, base.html, base.intent = "answer", self.overview(direction), "coverage"
            base.score = max(base.score, ACCEPT)
            base.traces = runner.traces
            return base
        if claim and ex.numbers and self.lang == "en" and check_claim(self, text, base):
            if base.kind != "answer":  # "not in the data": a check against the question's frame may say more
                run_operation(self, base.frame, ex, result, runner, base, now)
            if base.context is None:
                # The figure checked is the conversation's frame: "and by air?" edits it.
                base.context = named_frame(self, ex, runner, now)
            self._note_premises(ex, base, checked=True)  # "365 in Q2?": 365 is named as the Q3 figure
            base.traces = runner.traces
            return base
        if run_operation(self, base.frame, ex, result, runner, base, now):
            self._note_premises(ex, base)
            base.traces = runner.traces
            return base
        routed = route(ex, result, self.lang, self.lexicon, self.fact_statement)
        result, unanswered = routed.result, routed.unanswered
        if routed.shown is not None:
            base.intent, base.score = routed.shown
        english_figure = result.intent in FIGURE_INTENTS and self.lang == "en"
        other_source = other_source_asked(ex) if english_figure else []
        # read only when no other source is asked about: that refusal comes first
        counted = counted_thing_not_people(ex, self.lexicon) if english_figure and not other_source else []
        if self.lang == "ko" and (result.intent in FIGURE_INTENTS or result.intent == "fact"):
            # "제재 건수는?": a count of things by its counter; a statement's fact does not count them either.
            counted = counted_by_a_thing_counter(ex, self.lexicon)
        if other_source:
            # "Did North Korea's own statistics confirm the numbers?": counts the report does not have;
            # the answer names whose counts it does have instead of giving them as the confirmation.
            base.html = self.not_covered(ex, runner, other_source, reason="other_source")
        elif counted:
            # "How many weapons ...?", "how many trains ...?": the figures count people, not that.
            base.html = self.not_covered(ex, runner, counted, reason="unit")
        elif (result.decision == "answer" and unanswered
                and (result.intent in FIGURE_INTENTS and (result.intent != "ranking" or periods_too_fine_or_left(ex, self.lexicon) or month_asked(ex)
                                                          or ex.cues.keys() & PLACE_OR_PERSON_CUES)
                     or result.intent == "sources")):
            # "How many workers did the LPR hire?": those words belong to a statement, not the counts.
            base.html = self.not_covered(ex, runner, unanswered)
        elif result.decision == "answer" and result.intent:
            try:
                html, ctx, figure_ids = self._run_intent(result.intent, ex, runner, now)
                # A sum of categories stays one figure for the next follow-up ("as a share?").
                ctx = answered_frame(ex, result.intent, ctx)
                base.kind, base.html, base.context, base.figure_ids = "answer", html, ctx, figure_ids
                left = second_question_left(ex) if english_figure else None
                if left:
                    # "... in Q3, and where did they go?": the figure, and what the report does not give.
                    base.html = self._render("part_left", part=left) + "\n" + html
                self._note_premises(ex, base)
            except NoData as nd:
                base.html = self._render("nodata", reason=nd.reason, **{k: v for k, v in nd.values.items() if k != "context"})
                # The frame asked about stays the conversation's state, so "and in Q3?" after
                # "Russians in 2022?" keeps the Russians.
                base.context = nd.values.get("context") or attempted_frame(self, ex, result.intent, runner, now,
                                                                           followup_measure(base.frame))
        elif result.decision == "suggest":
            base.suggestions = self.suggestions(ex, result)
            base.kind = "suggest" if base.suggestions else "fallback"
            base.html = self._render("suggest", suggestions=base.suggestions, unknown=self._echo(ex.unknown),
                                     slot_unknown=self._echo(ex.slot_unknown), coverage=self.coverage(runner))
        if not base.html:
            base.suggestions = self.examples()
            base.html = self._render("fallback", unknown=self._echo(ex.unknown), slot_unknown=self._echo(ex.slot_unknown),
                                     coverage=self.coverage(runner), suggestions=base.suggestions,
                                     categories=self._category_labels(ex), exits=ex.exits)
        base.context = context_left(self, ex, result.intent, base.kind, base.context, base.frame, runner, now)
        if base.context is not None:
            base.merges_refs, base.own_context = True, base.context
        if previous is not None and base.context is not None:
            # A question of its own still follows the conversation's last figures ("how many times more?").
            base.context = base.context.with_refs(previous)
        base.traces = runner.traces
        return base

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

    def frame_of(self, sentence: str, now: float | None = None) -> FollowUp | None:
        """The figure a sentence names, as a conversation's frame: /check keeps it, so a
        follow-up after a claim check ("and by air?") edits the checked figure."""
        lang = detect(sentence, None)
        if lang != self.lang and lang in LANGS:
            return self.in_language(lang).frame_of(sentence, now)
        ex = extract(normalise_text(sentence.strip()[:2000], self.lexicon.is_word), self.lexicon, self.report_date)
        return named_frame(self, ex, QueryRunner(self.snapshot, self.queries), time.time() if now is None else now)

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

    def answer_in_turn(self, question: str, previous: FollowUp | None, now: float) -> Answer:
        """One part of a question of several parts, as a follow-up of the part before it."""
        return self._answer(question, previous, now)

    def part_reading(self, text: str) -> Extraction:
        """A Korean or Russian part of a question read alone (its cues say where it may be split and what it asks)."""
        return extract(normalise_text(text.strip()[:2000], self.lexicon.is_word), self.lexicon, self.report_date)

    def second_ask_noted(self, question: str) -> bool:
        """Whether the answer to the whole question already says which part the report does not answer."""
        ex = extract(normalise_text(question.strip()[:2000], self.lexicon.is_word), self.lexicon, self.report_date)
        return second_question_left(ex) is not None

    def answer_fresh(self, question: str, now: float) -> Answer:
        """A question answered on its own, in this view's language (a follow-up restated in full)."""
        return self._answer(question, None, now)
