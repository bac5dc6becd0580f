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

from handlers.cache_keys import CacheKeys
from handlers.claim_answers import check_claim
from handlers.desk import ReportDesk
from handlers.intents.dispatch import IntentDispatch
from handlers.intents.figures import FigureIntents
from handlers.intents.texts import TextIntents
from handlers.language import LANGS, detect
from handlers.model import Answer, Direction, FollowUp, NoData
from handlers.multipart import answer_parts
from handlers.operations.followups import answer_followup
from handlers.operations.run import run_operation
from handlers.premise_notes import PremiseNotes
from handlers.queries import QueryRunner
from handlers.reading import TEXT_INTENTS, QuestionReading
from handlers.stated import context_figures
from handlers.understanding.accounting import (counted_by_a_thing_counter, counted_thing_not_people, month_asked, other_source_asked,
                                               periods_too_fine_or_left, second_question_left, states_a_claim)
from handlers.understanding.followup import answered_frame, attempted_frame, context_left, followup_measure, named_frame
from handlers.understanding.frame import build_frame
from handlers.understanding.matcher import ACCEPT, FIGURE_INTENTS, MatchResult
from handlers.understanding.normalise import normalise_text
from handlers.understanding.route import PLACE_OR_PERSON_CUES, reread_measure, route
from handlers.views import ReportViews

__all__ = ["Answer", "Direction", "FollowUp", "NoData", "Pipeline", "TEXT_INTENTS"]  # re-exported for callers of this module

# The old name of FollowUp, still imported by handlers/telegram (owned elsewhere); remove when it
# imports FollowUp from handlers.model.
Context = FollowUp


class Pipeline(CacheKeys, QuestionReading, IntentDispatch, PremiseNotes, ReportViews, TextIntents, FigureIntents, ReportDesk):
    """Answers questions from one data snapshot. Build once per snapshot; thread-safe to call.

    The answer cache's key and follow-up check (handlers/cache_keys.py), reading a question and
    its edit of the last frame (handlers/reading.py), running an intent (handlers/intents/dispatch.py)
    and noting a stated premise (handlers/premise_notes.py) are mixins; this class is the order
    of the stages."""

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

    def answer_in_turn(self, question: str, previous: FollowUp | None, now: float) -> Answer:
        """One part of a question of several parts, as a follow-up of the part before it."""
        return self._answer(question, previous, now)

    def answer_fresh(self, question: str, now: float) -> Answer:
        """A question answered on its own, in this view's language (a follow-up restated in full)."""
        return self._answer(question, None, now)
