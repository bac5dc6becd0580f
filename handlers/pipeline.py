"""The question pipeline: normalise -> extract -> frame -> operation (SQL) -> render.

This is the orchestrator only. The stages live in their own folders: handlers/understanding/
(normalise, frame, word accounting, follow-ups), handlers/operations/ (registered operations,
each with its .sql and templates), handlers/intents/ (the older intent handlers), and
handlers/desk.py (resolvers and labels). It never imports ``telegram``: the console, the
Telegram handlers, inline mode and the tests all call :meth:`Pipeline.answer`.

Every number in an answer comes out of a SQL query over the data; when the data cannot answer
exactly what was asked, the answer says so and lists what it does have.
"""

from __future__ import annotations

import re
import time
from typing import Any

from handlers.desk import ReportDesk
from handlers.understanding.extract import Extraction, extract
from handlers.intents.figures import FigureIntents, FigureQuestion
from handlers.intents.texts import STATEMENT_CHECK_LANGS, TextIntents
from handlers.language import LANGS, detect
from handlers.understanding.matcher import ACCEPT, FIGURE_INTENTS, MatchResult, match
from handlers.model import Answer, Direction, FollowUp, NoData, QuestionFrame, Ref
from handlers.operations.base import Decline, OperationCall
from handlers.operations.registry import choose
from handlers.periods import Period
from handlers.queries import QueryRunner
from handlers.stated import context_figures
from handlers.understanding.accounting import (asks_yes_or_no, checks_a_statement, counted_thing_not_people,
                                               fact_words_a_figure_leaves, forecast_asked, growth_asked_of_levels,
                                               method_asked, month_asked, name_asked_of_a_figure, operation_may_answer,
                                               other_source_asked, part_of_a_quoted_figure, periods_too_fine_or_left, reason_asked_of_a_figure,
                                               second_question_left, share_across_periods, states_a_claim,
                                               states_duration, subgroup_asked, subset_of_a_category, vague_part_of_a_year,
                                               detail_asked_ko)
from handlers.operations.followups import answer_edit
from handlers.understanding.followup import (answered_frame, attempted_frame, average_multiple_frame, edit_frame, fact_frame,
                                             followup_measure, named_frame, names_slots, read_edit)
from handlers.understanding.frame import build_frame
from handlers.understanding.normalise import normalise_text
from handlers.views import ReportViews

__all__ = ["Answer", "Direction", "FollowUp", "NoData", "Pipeline"]  # re-exported for callers of this module

# The old name of FollowUp, still imported by handlers/telegram (owned elsewhere); remove when it
# imports FollowUp from handlers.model.
Context = FollowUp

OPERATION_SCORE = 80.0  # an operation answers only a frame it fully fits; its score for logs and --json
# A fact this strongly matched (and clearly more strongly than the next) is what a "..., right?"
# statement is about, unknown words and all. A name the report gives once ("Choe") is enough.
FACT_CHECKED = 3.0
# "the figures come from ...", "these stats are from ...": the data's origin, not a movement of people.
_DATA_FROM_RE = re.compile(r"\b(?:figures|numbers|stats|statistics|data|counts)\s+(?:\w+\s+)?(?:come|comes|came|are|were|is)"
                           r"\s+(?:from|sourced from|published by|compiled by)\b")
CHECKED_LEAD = 1.75  # the best fact's lead over the next
TEXT_INTENTS = ("fact", "sources", "caveats", "help", "coverage")
# A declined question leaves its figure frame for the next follow-up only when its words ask a
# figure ("Где ... работали десятки рабочих?" asks none) ...
FIGURE_ASK_CUES = frozenset({"count", "share", "rank_top", "rank_bottom", "change", "breakdown", "series", "average",
                             "avg_month", "avg_day", "avg_quarter"})
# ... and not who, where, when or why of something: that is about a statement, not a figure.
FACT_ASPECT_CUES = frozenset({"who_question", "who_said", "speech", "focus_place", "focus_date", "focus_person", "why"})


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
        answer = (self.in_language(lang) if lang != self.lang else self)._answer(question, previous, now)
        answer.lang = lang
        if not answer.figure_ids and not answer.stated:
            # "Not in the data; what it has: business (196)": figures given as context, for the hand-off.
            answer.stated = context_figures(answer, self.figure_values)
        return answer

    def _answer(self, question: str, previous: FollowUp | None, now: float | None) -> Answer:
        now = time.time() if now is None else now
        question = question.strip()
        text = normalise_text(question[:2000], self.lexicon.is_word)
        ex = extract(text, self.lexicon, self.report_date)
        result = match(ex)
        edit = read_edit(ex, previous, text_intent=result.decision == "answer" and result.intent in TEXT_INTENTS,
                         unanswered=tuple(name_asked_of_a_figure(ex, self.lexicon)) if previous is not None else (),
                         alone=result.intent)
        if edit is not None:
            # A follow-up edits the last frame (handlers/understanding/followup.py); its operations
            # are handlers/operations/followups.py.
            runner = QueryRunner(self.snapshot, self.queries)
            base = Answer(question=question, kind="fallback", intent=previous.intent if previous else None,
                          score=max(result.score, 75.0), html="", entities=ex.entity_summary(), version=self.snapshot.version)
            if edit.kind == "average_multiple" and previous is not None:
                # "How many times 2022's quarterly average is that?": the operation, on the last figure.
                base.frame = average_multiple_frame(build_frame(ex, result.intent), ex, previous)
                if self._run_operation(base.frame, ex, result, runner, base, now, previous.refs[-1].direction):
                    base.traces = runner.traces
                    return base
            if edit.kind == "slots" and previous is not None and previous.frame is not None:
                # "and in Q2?" after an operation's answer: that operation, on its frame edited.
                base.frame = edit_frame(previous.frame, ex)
                if self._run_operation(base.frame, ex, result, runner, base, now,
                                       None if ex.countries else previous.direction):
                    if base.context is not None:
                        base.context = base.context.with_refs(previous)  # "combined?" next sums both
                    base.traces = runner.traces
                    return base
            if (edit.kind == "slots" and edit.measure is None and previous is not None and previous.frame is None
                    and previous.direction is not None and ex.periods and not (previous.categories or ex.categories)):
                # "And how many in 2023 as a whole?" after Q3: a span the data covers in part is the
                # partial-span operation's (the parts, labelled), for the conversation's direction.
                frame = build_frame(ex, "total")
                op = choose(frame)
                if op is not None and op.name == "partial_span":
                    base.frame = frame
                    if self._run_operation(frame, ex, result, runner, base, now, None if ex.countries else previous.direction):
                        base.context = base.context.with_refs(previous) if base.context is not None else None
                        base.traces = runner.traces
                        return base
            if answer_edit(self, edit, ex, previous, base, runner, now):
                base.traces = runner.traces
                return base
        runner = QueryRunner(self.snapshot, self.queries)
        base = Answer(question=question, kind="fallback", intent=result.intent, score=result.score, html="",
                      entities=ex.entity_summary(), version=self.snapshot.version)
        base.entities["followup"] = False
        claim = states_a_claim(ex)
        base.frame = build_frame(ex, result.intent)
        if (base.frame.measure == "share" and len(base.frame.categories) == 1 and result.intent in FIGURE_INTENTS
                and result.intent != "share"):
            # "Did more than half come on business?": the frame asks for a share, whatever the matcher heard.
            result = MatchResult("share", max(result.score, ACCEPT), "answer", result.ranked, result.penalties)
            base.intent, base.score = result.intent, result.score
        if ("share" in ex.cues and not base.frame.categories and len(ex.periods) == 2 and result.intent == "total"):
            # "1~9월 누적 중 1분기 비중은?": a share of one period in another is their comparison,
            # which gives the ratio; a list of the two figures leaves it out.
            result = MatchResult("compare_periods", max(result.score, ACCEPT), "answer", result.ranked, result.penalties)
            base.intent, base.score = result.intent, result.score
            base.frame = build_frame(ex, result.intent)
        if (result.intent == "caveats" and len(ex.categories) >= 2 and ex.cues.keys() >= {"sum_given", "count"}
                and "why" not in ex.cues):
            # "철도·차량·도보·수로 네 가지를 다 더하면 몇 명?": named categories summed, with a count
            # asked, is their sum; "다 더하면" alone is no question about why the parts do not add up.
            result = MatchResult("category", max(result.score, ACCEPT), "answer", result.ranked, result.penalties)
            base.intent, base.score = result.intent, result.score
            base.frame = build_frame(ex, result.intent)
        if claim and ex.numbers and self.lang == "en" and self._claim_check(text, base):
            if base.kind != "answer":  # "not in the data": a check against the question's frame may say more
                self._run_operation(base.frame, ex, result, runner, base, now)
            if base.context is None:
                # The figure checked is the conversation's frame: "and by air?" edits it.
                base.context = named_frame(self, ex, runner, now)
            base.traces = runner.traces
            return base
        if self._run_operation(base.frame, ex, result, runner, base, now):
            base.traces = runner.traces
            return base
        if (result.decision == "suggest" and result.intent == "fact" and "duration_question" in ex.cues
                and states_duration(self.fact_statement(ex.facts[0][0]))):
            # "Within how many months must workers be sent home?": the top fact states a duration.
            result = MatchResult("fact", max(result.score, ACCEPT), "answer", result.ranked, result.penalties)
            base.intent, base.score = result.intent, result.score
        if (self.lang == "en" and "sources" in ex.cues and checks_a_statement(ex) and _DATA_FROM_RE.search(ex.text)
                and result.intent != "sources"):
            # "These figures come from Russia's customs office, correct?": the figures are what comes
            # from somewhere, so it is a statement about the sources, not people coming from Russia.
            result = MatchResult("sources", max(result.score, ACCEPT), "suggest", result.ranked, result.penalties)
        if (self.lang not in STATEMENT_CHECK_LANGS and "sources" in ex.cues and asks_yes_or_no(ex, self.lexicon) and result.intent != "sources"
                and not (ex.numbers or ex.periods or ex.categories or ex.facts)):
            # "통계 출처가 러시아 통계청 맞나요?": a statement about the sources and nothing else.
            result = MatchResult("sources", max(result.score, ACCEPT), "suggest", result.ranked, result.penalties)
        if (result.intent == "sources" and result.decision != "answer" and "sources" in ex.cues
                and (checks_a_statement(ex) if self.lang in STATEMENT_CHECK_LANGS else asks_yes_or_no(ex, self.lexicon))):
            # "These numbers come from the Interior Ministry, right?": a statement about the sources,
            # checked against them; the words they do not contain are what it gets wrong.
            result = MatchResult("sources", max(result.score, ACCEPT), "answer", result.ranked, result.penalties)
            base.intent, base.score = result.intent, result.score
        if result.intent == "sources":
            # "Who heads the FSB?": a person asked for, about nothing the report states.
            asks_person = "who_question" in ex.cues and not ex.facts and self.lang == "en"
            unanswered = [w for w in ex.unknown if w not in {a for a, _ in ex.corrected}] if asks_person else []
            if "method_question" in ex.cues:
                unanswered += method_asked(ex)  # "FSB 통계 집계 방식은?": the list of sources does not say how
        else:
            unanswered = (fact_words_a_figure_leaves(ex, self.lexicon) + name_asked_of_a_figure(ex, self.lexicon)
                          + growth_asked_of_levels(ex, result.intent) + subgroup_asked(ex, self.lexicon)
                          + reason_asked_of_a_figure(ex) + subset_of_a_category(ex) + forecast_asked(ex)
                          + method_asked(ex) + vague_part_of_a_year(ex) + share_across_periods(ex, result.intent)
                          + part_of_a_quoted_figure(ex, self.lexicon) + detail_asked_ko(ex, self.lexicon))
            # a month asked, or a period finer than the data or left unread: each named once
            unanswered += [w for w in month_asked(ex) + periods_too_fine_or_left(ex, self.lexicon) if w not in unanswered]
        if (ex.facts and ex.facts[0][1] >= FACT_CHECKED
                and (checks_a_statement(ex) if self.lang in STATEMENT_CHECK_LANGS else asks_yes_or_no(ex, self.lexicon))
                and all(ex.facts[0][1] >= CHECKED_LEAD * score for _, score in ex.facts[1:2])
                and (result.decision != "answer" or unanswered and result.intent in FIGURE_INTENTS + ("sources",))):
            # "Lankov teaches at SNU, right?", "2397 gives 36 months, correct?": a statement about one
            # fact, checked against it, whatever the other words made the matcher hear.
            result = MatchResult("fact", max(result.score, ACCEPT), "answer", result.ranked, result.penalties)
            base.intent, base.score, unanswered = result.intent, result.score, []
        if (result.decision == "answer" and unanswered and result.intent in FIGURE_INTENTS and ex.facts
                and not ex.cues.keys() & FIGURE_ASK_CUES and not (ex.periods or ex.categories or ex.numbers)):
            # "이를 회피해 온 나라는 어디인가요?": no figure word, no period or category, and the
            # words a figure leaves out are a fact's: that fact is what is asked, not a count.
            result = MatchResult("fact", max(result.score, ACCEPT), "answer", result.ranked, result.penalties)
            base.intent, base.score, unanswered = result.intent, result.score, []
        counted = counted_thing_not_people(ex, self.lexicon) if result.intent in FIGURE_INTENTS and self.lang == "en" else []
        other_source = other_source_asked(ex) if result.intent in FIGURE_INTENTS and self.lang == "en" else []
        if other_source:
            # "Did North Korea's own statistics confirm the numbers?": counts the report does not have;
            # the answer names whose counts it does have instead of giving them as the confirmation.
            base.html = self.not_covered(ex, runner, other_source, reason="other_source")
        elif counted:
            # "How many weapons ...?", "how many trains ...?": the figures count people, not that.
            base.html = self.not_covered(ex, runner, counted, reason="unit")
        elif (result.decision == "answer" and unanswered
                and (result.intent in FIGURE_INTENTS and (result.intent != "ranking" or periods_too_fine_or_left(ex, self.lexicon))
                     or result.intent == "sources")):
            # "How many workers did the LPR hire?": those words belong to a statement, not the counts.
            base.html = self.not_covered(ex, runner, unanswered)
        elif result.decision == "answer" and result.intent:
            try:
                html, ctx, figure_ids = self._run_intent(result.intent, ex, runner, now)
                # A sum of categories stays one figure for the next follow-up ("as a share?").
                ctx = answered_frame(ex, result.intent, ctx)
                base.kind, base.html, base.context, base.figure_ids = "answer", html, ctx, figure_ids
                left = second_question_left(ex) if result.intent in FIGURE_INTENTS and self.lang == "en" else None
                if left:
                    # "... in Q3, and where did they go?": the figure, and what the report does not give.
                    base.html = self._render("part_left", part=left) + "\n" + html
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
        # A figure is asked by a figure word, or by naming who and when ("3분기 러시아인 방북자는?").
        asks_figure = bool(ex.cues.keys() & FIGURE_ASK_CUES) or (
            bool(ex.periods) and any(m.role == "citizens" for m in ex.countries))
        if (base.kind != "answer" and names_slots(ex) and asks_figure
                and not ex.cues.keys() & FACT_ASPECT_CUES) and (
                base.context is None or (base.context.intent == "fact" and base.context.nodata and "count" in ex.cues)):
            # A question declined or not in the data still leaves what it asked about ("3분기
            # 러시아인 방북자는 몇 명?" read as a fact): "and by air?" next is about the Russians, and
            # "why was that number so low?" about the figure asked, never the defaults.
            figure = result.intent if result.intent in FIGURE_INTENTS else "category" if ex.categories else "total"
            base.context = attempted_frame(self, ex, figure, runner, now, followup_measure(base.frame)) or base.context
        if previous is not None and base.context is not None:
            # A question of its own still follows the conversation's last figures ("how many times more?").
            base.context = base.context.with_refs(previous)
        base.traces = runner.traces
        return base

    def _run_operation(self, frame: QuestionFrame, ex: Extraction, result: MatchResult, runner: QueryRunner,
                       base: Answer, now: float, last_direction: Direction | None = None) -> bool:
        """Answer with a registered operation when one fits the frame; False leaves it to the intents."""
        op = choose(frame)
        if op is None or not operation_may_answer(frame, ex, result, self.lexicon):
            return False
        try:
            direction, assumed = (last_direction, False) if last_direction and not ex.countries else self.direction_for(ex)
        except NoData:
            return False  # the intent handlers say which countries there are
        call = OperationCall(frame=frame, ex=ex, runner=runner, desk=self, direction=direction,
                             assumed_direction=assumed, version=self.snapshot.version)
        mark = len(runner.traces)
        try:
            html = op.run(call)
        except Decline:
            del runner.traces[mark:]  # the intent handlers' queries are the ones that explain their answer
            return False
        except NoData as nd:
            base.html = self._render("nodata", reason=nd.reason, **nd.values)
            base.intent, base.stated = op.name, []
            # The next follow-up keeps the subject and the measure ("and in Q3?" after "per month in Q4?").
            base.context = attempted_frame(self, ex, "total", runner, now, followup_measure(frame))
            return True
        base.kind, base.intent, base.html = call.kind, op.name, html
        base.stated = []  # a claim check's figures, when this answers instead of its "not in the data"
        # Figures given only as context (a part of the span asked for) are not answers to correct later.
        base.figure_ids = call.figure_ids if call.kind == "answer" else []
        base.score = max(base.score, OPERATION_SCORE)
        cats = tuple((c.dimension, c.category) for c in frame.categories[:1])
        # An average stays the measure of the next follow-up ("and in Q2?" gives Q2's monthly average),
        # and the operation's own frame is kept for an edit of it.
        measure = followup_measure(frame) if op.name == "average_per_unit" else "count"
        given = call.periods[:1]
        if op.name == "multiple_of_average":
            # [base, target]: the figure the answer gives is the target's (Q3 as a multiple of 2022's
            # quarterly average), so "compared with 2022 as a whole?" next compares Q3 with 2022.
            given = call.periods[-1:]
        if op.name == "partial_span" and call.periods:
            # "last year" answered from the parts stored (H1 + Q3): the figure given is their sum.
            given = [Period(min(p.start for p in call.periods), max(p.end for p in call.periods))]
        refs = tuple(Ref(direction, p, *(cats[0] if cats else ("total", "all"))) for p in given)
        base.context = FollowUp("total", direction, tuple(call.periods), cats, tuple(c for c, _ in cats), now,
                                measure=measure, refs=refs, frame=frame)
        return True

    def frame_of(self, sentence: str, now: float | None = None) -> FollowUp | None:
        """The figure a sentence names, as a conversation's frame: /check keeps it, so a
        follow-up after a claim check ("and by air?") edits the checked figure."""
        lang = detect(sentence, None)
        if lang != self.lang and lang in LANGS:
            return self.in_language(lang).frame_of(sentence, now)
        ex = extract(normalise_text(sentence.strip()[:2000], self.lexicon.is_word), self.lexicon, self.report_date)
        return named_frame(self, ex, QueryRunner(self.snapshot, self.queries), time.time() if now is None else now)

    def _claim_check(self, question: str, base: Answer) -> bool:
        """ "Claim: 300 came for work in Q3" / "is it true that ...": the claim checker's verdicts.

        Used only when it finds something to check; a verdict that the data lacks the figure is
        an honest fallback, a match or a difference is an answer (it carries the right figure).
        """
        from handlers.claims import ClaimChecker  # the checker builds on this module

        from handlers.claim_answers import answered_ids, stated_figures

        checker = ClaimChecker(self)
        html, verdicts = checker.render(question)
        if not verdicts:
            return False
        base.html = html
        base.intent = "claim_check"
        base.kind = "answer" if any(v.verdict in ("matches", "differs") for v in verdicts) else "fallback"
        base.score = max(base.score, 80.0)
        # The figures the verdicts give, for "Where in the report" and "Cite" (and corrections).
        base.stated = stated_figures(checker, verdicts, self.lang)
        base.figure_ids = answered_ids(verdicts)
        return True

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

    def answer_fresh(self, question: str, now: float) -> Answer:
        """A question answered on its own, in this view's language (a follow-up restated in full)."""
        return self._answer(question, None, now)
