"""Follow-up operations: each runs one kind of edit (handlers/understanding/followup.py) of the
conversation's last frame and renders it.

Every figure still comes out of SQL (rate.sql, compare.sql, breakdown.sql, rank_periods.sql,
reasons.sql, fact_reasons.sql); what cannot be answered exactly raises :class:`NoData`, and the
frame that was asked about stays the conversation's state, so an honest "not in the data" never
loses the direction, period or filter the next follow-up builds on.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import replace
from datetime import date
from typing import Any, Callable, Protocol

from handlers.understanding.accounting import EXACT_WORDS, states_amount, states_duration
from handlers.understanding.extract import Extraction
from handlers.lexicon import normalise, tokens
from handlers.model import Answer, CategoryRef, Direction, FollowUp, NoData, Ref
from handlers.periods import Period, PeriodMention, parse_code
from handlers.operations.registry import choose
from handlers.operations.run import OperationDesk, run_operation
from handlers.queries import QueryRunner
from handlers.understanding.followup import (MIDDLE_PLACE, PREVIOUS_PLACE, Edit, average_multiple_frame, edit_frame, edited_frame, fact_frame,
                                             intent_for, mention_of, names_slots, person_name, uncovered,
                                             words_of_another_fact)
from handlers.understanding.frame import build_frame
from handlers.understanding.matcher import MatchResult


class FollowUpDesk(Protocol):
    """What the follow-up operations use of the pipeline (which implements it); no import of it."""

    lang: str
    directions: list[Direction]
    default_direction: Direction | None
    snapshot: Any
    lexicon: Any  # handlers.lexicon.Lexicon: the fact keywords a follow-up's words are read against

    def render(self, template: str, **values: Any) -> str: ...
    def label(self, kind: str, id_: str, form: str = "label") -> str: ...
    def dir_values(self, d: Direction) -> dict[str, str]: ...
    def period_label(self, period: Period) -> str: ...
    def series_name(self, dimension: str, category: str) -> str: ...
    def available(self, runner: QueryRunner, d: Direction, dimension: str = ..., category: str = ...) -> list[Period]: ...
    def resolve_mentions(self, mentions: list[PeriodMention], available: list[Period]) -> list[Period]: ...
    def stored_parts(self, period: Period, available: list[Period], d: Direction, what: str) -> list[Period]: ...
    def direction_for(self, ex: Extraction) -> tuple[Direction, bool]: ...
    def pick_direction(self, citizens: str | None, dest: str | None, bare: list[Any]) -> tuple[Direction, bool]: ...
    def compare(self, runner: QueryRunner, a: tuple[Direction, list[Period], str], b: tuple[Direction, list[Period], str],
                dimension: str = ...) -> dict[str, Any]: ...
    def run_frame(self, intent: str, frame: FollowUp, ex: Extraction, runner: QueryRunner,
                  now: float) -> tuple[str, FollowUp, list[str]]: ...
    def source_chain(self, runner: QueryRunner, source_id: str) -> list[dict[str, Any]]: ...
    def default_source_chain(self) -> list[dict[str, Any]]: ...
    def figure_source(self, runner: QueryRunner, figure_id: str) -> str: ...
    def localise(self, rows: list[dict[str, Any]], kind: str, key: str, fields: tuple[str, ...]) -> list[dict[str, Any]]: ...
    def caveat_rows(self, runner: QueryRunner, d: Direction, periods: list[Period], dimension: str | None,
                    categories: list[str] | None, all_categories: bool = False) -> list[dict[str, Any]]: ...
    def is_cue(self, word: str, cue: str) -> bool: ...
    def new_runner(self) -> QueryRunner: ...
    def answer_fresh(self, question: str, now: float) -> Answer: ...


Result = tuple[str, FollowUp, list[str]]
SPEAKER_KINDS = ("report", "source")
# Facts whose date is when they happened (a visit, a resolution adopted, a report published); the
# date of an estimate or a prediction is the period it is about, not when it was made.
DATED_KINDS = ("event", "resolution", "source")
LISTING_INTENTS = ("ranking", "breakdown", "series")  # answers that list more figures than the refs they leave
RATE_MEASURES = ("per_month", "per_day", "per_quarter")
DETAIL_STEM_LEN = 4  # "работ" / "рабочих", "project" / "projects": a word and the fact's share a stem  # facts whose subject is the outlet that reported them


class FollowUpAnswerDesk(FollowUpDesk, OperationDesk, Protocol):
    """The follow-up operations' desk that also runs registered operations on an edited frame."""


def answer_followup(p: FollowUpAnswerDesk, edit: Edit, ex: Extraction, previous: FollowUp | None, result: MatchResult,
                    question: str, now: float) -> Answer | None:
    """A follow-up's answer: a registered operation on the last frame edited, else the edit's own
    operation. None: the edit does not apply after all, and the question is answered on its own."""
    runner = p.new_runner()
    base = Answer(question=question, kind="fallback", intent=previous.intent if previous else None,
                  score=max(result.score, 75.0), html="", entities=ex.entity_summary(), version=p.snapshot.version)
    if edit.kind == "average_multiple" and previous is not None:
        # "How many times 2022's quarterly average is that?": the operation, on the last figure.
        base.frame = average_multiple_frame(build_frame(ex, result.intent), ex, previous)
        if run_operation(p, base.frame, ex, result, runner, base, now, previous.refs[-1].direction):
            base.traces = runner.traces
            return base
    if (edit.kind == "slots" and previous is not None and previous.frame is not None
            and not (names_slots(ex) and edit_frame(previous.frame, ex) == previous.frame)):
        # "and in Q2?" after an operation's answer: that operation, on its frame edited. A slot
        # the operation's frame has no place for ("how did they travel?": a breakdown) changes
        # nothing there, and the same answer again would pass for the one asked: the edit below.
        base.frame = edit_frame(previous.frame, ex)
        if run_operation(p, base.frame, ex, result, runner, base, now, None if ex.countries else previous.direction):
            if base.context is not None:
                base.context = base.context.with_refs(previous)  # "combined?" next sums both
            base.traces = runner.traces
            return base
    if (edit.kind == "compare" and previous is not None and previous.measure in RATE_MEASURES and previous.refs
            and len(ex.periods) == 1 and not (ex.countries or ex.categories) and edit.pair is None and edit.position is None):
        # "3분기는 그 몇 배야?" after H1's quarterly average: the period named as a multiple of the
        # average just given (the multiple-of-average operation), never against the span's total.
        return _multiple_of_rate(p, ex, previous, result, runner, base, now)
    if (edit.kind == "measure" and edit.measure == "share" and previous is not None and previous.frame is not None
            and previous.frame.excluded and not names_slots(ex)):
        # "%?" after "how many were not on business?": the share of that same set (the operation
        # gives it), never "a share of what?" nor the share of the category set aside.
        base.frame = previous.frame
        if run_operation(p, base.frame, ex, result, runner, base, now, previous.direction):
            base.context = base.context.with_refs(previous) if base.context is not None else None
            base.traces = runner.traces
            return base
    if (edit.kind == "slots" and edit.measure is None and previous is not None and previous.frame is None
            and previous.direction is not None and ex.periods and not (previous.categories or ex.categories)
            and "share" not in ex.cues):  # "as a share of 2023 so far?": the part's share (_slots), not the span's sum
        # "And how many in 2023 as a whole?" after Q3: a span the data covers in part is the
        # partial-span operation's (the parts, labelled), for the conversation's direction.
        frame = build_frame(ex, "total")
        op = choose(frame)
        if op is not None and op.name == "partial_span":
            base.frame = frame
            if run_operation(p, frame, ex, result, runner, base, now, None if ex.countries else previous.direction):
                base.context = base.context.with_refs(previous) if base.context is not None else None
                base.traces = runner.traces
                return base
    if answer_edit(p, edit, ex, previous, base, runner, now):
        base.traces = runner.traces
        return base
    return None


def _multiple_of_rate(p: FollowUpAnswerDesk, ex: Extraction, previous: FollowUp, result: MatchResult, runner: QueryRunner,
                      base: Answer, now: float) -> Answer:
    """The period a follow-up names against the average just given: the operation runs only when
    the averaged span is the longer one (that is the average it computes); otherwise, or when it
    declines, the answer says the two are not alike rather than comparing the totals."""
    ref = previous.refs[-1]
    unit = {"per_month": "month", "per_quarter": "quarter", "per_day": "day"}[previous.measure]
    named = p.resolve_mentions(ex.periods, p.available(runner, ref.direction, ref.dimension, ref.category))
    if len(named) == 1 and named[0].months < ref.period.months:
        cats = (CategoryRef(ref.dimension, ref.category, -1),) if ref.category != "all" else ()
        frame = replace(build_frame(ex, result.intent), measure="multiple_of_average", comparison="periods",
                        time_unit=unit, periods=(mention_of(ref.period), mention_of(named[0])), categories=cats,
                        citizens=ref.direction.citizens, destination=ref.direction.destination)
        base.frame = frame
        if run_operation(p, frame, ex, result, runner, base, now, ref.direction):
            base.context = base.context.with_refs(previous) if base.context is not None else None
            base.entities["followup"] = "compare"
            base.traces = runner.traces
            return base
    base.kind = "fallback"
    base.html = p.render("nodata", reason="edit", what="same_span")
    base.context = replace(previous, created=now, nodata=True)
    base.entities["followup"] = "compare"
    base.traces = runner.traces
    return base


def answer_edit(p: FollowUpDesk, edit: Edit, ex: Extraction, previous: FollowUp | None, base: Answer,
                runner: QueryRunner, now: float) -> bool:
    """Fill ``base`` with the edited frame's answer. False: the edit does not apply after all."""
    if edit.kind == "person":
        return _person(p, edit, ex, previous, base, now)
    if edit.kind == "no_person":
        base.kind, base.intent = "fallback", "fact"
        base.html = p.render("nodata", reason="edit", what="person")
        base.context = replace(previous, created=now) if previous is not None else None
        base.entities["followup"] = edit.kind
        return True
    if previous is None:
        return False
    op = OPERATIONS[edit.kind]
    try:
        html, ctx, ids = op(p, edit, ex, previous, runner, now)
    except NoData as nd:
        base.kind = "fallback"
        base.html = p.render("nodata", reason=nd.reason, **{k: v for k, v in nd.values.items() if k != "context"})
        frame = nd.values.get("context")
        base.context = replace(frame if isinstance(frame, FollowUp) else previous, nodata=True, created=now)
        base.entities["followup"] = edit.kind
        return True
    base.kind, base.html, base.figure_ids = "answer", html, ids
    base.intent = ctx.intent
    base.context = ctx.with_refs(previous)
    base.entities["followup"] = edit.kind
    return True


def _run(p: FollowUpDesk, intent: str, frame: FollowUp, ex: Extraction, runner: QueryRunner, now: float) -> Result:
    """Run a frame; a NoData carries the frame, so the conversation keeps it."""
    try:
        if intent == "rate":
            return _rate_of(p, _ref_of(frame), frame.measure, runner, now)
        html, ctx, ids = p.run_frame(intent, frame, ex, runner, now)
        return html, ctx, ids
    except NoData as nd:
        nd.values.setdefault("context", frame)
        raise


def _ref_of(frame: FollowUp) -> Ref:
    """The one figure a frame names, or NoData when it names several or none."""
    if frame.direction is None or len(frame.periods) != 1:
        if frame.refs:
            return frame.refs[-1]
        raise NoData("edit", what="one_figure")
    dim, cat = frame.categories[0] if len(frame.categories) == 1 else ("total", "all")
    return Ref(frame.direction, frame.periods[0], dim, cat)


# --- operations ---------------------------------------------------------------------------------


def _slots(p: FollowUpDesk, edit: Edit, ex: Extraction, previous: FollowUp, runner: QueryRunner, now: float) -> Result:
    frame = edited_frame(p, ex, previous, runner, now, drop_filter=edit.measure == "total")
    if edit.measure == "both":
        # Both periods just given, each with the filter: a period without that breakdown is said.
        periods = tuple(sorted({r.period for r in previous.refs[-2:]}, key=lambda x: x.start))
        frame = replace(frame, periods=periods)
        for period in periods:
            for dim, cat in frame.categories:
                if period not in p.available(runner, frame.direction or previous.refs[-1].direction, dim, cat):
                    avail = p.available(runner, frame.direction or previous.refs[-1].direction, dim, cat)
                    raise NoData("breakdown", context=frame, period=p.period_label(period),
                                 dimension=p.label("dimension", dim), available=[p.period_label(x) for x in avail],
                                 **p.dir_values(frame.direction or previous.refs[-1].direction))
    if edit.measure == "total":
        frame = replace(frame, measure="count")
    span = _span_of_part(previous)
    if span is not None and len(frame.periods) == 1 and len(ex.periods) == 1 and not ex.countries and edit.measure is None:
        new = frame.periods[0]
        if span.contains(new) and new != span:
            # "q1?" after "what share of Jan-Sep came in Q3?": Q1 within the same span, not Q1's count.
            frame = replace(frame, periods=(span, new), intent="compare_periods")
            return _run(p, "compare_periods", frame, ex, runner, now)
    last = previous.refs[-1] if previous.refs else None
    if ("share" in ex.cues and last is not None and last.category == "all" and len(frame.periods) == 1
            and len(ex.periods) == 1 and not (ex.countries or ex.categories) and edit.measure is None):
        whole = frame.periods[0]
        if whole.contains(last.period) and whole != last.period:
            # "what share of the first nine months is that?" after Q1: the figure just given as a
            # part of the span named, never the span's own total.
            frame = replace(frame, periods=(whole, last.period), intent="compare_periods")
            return _run(p, "compare_periods", frame, ex, runner, now)
    intent = ("total" if edit.measure == "total" else "compare_directions" if edit.measure == "both_directions"
              else intent_for(frame, ex, previous))
    frame = replace(frame, intent=intent)
    return _run(p, intent, frame, ex, runner, now)


def _span_of_part(previous: FollowUp) -> Period | None:
    """The span the last answer set a part of it against ("what share of Jan-Sep came in Q3?"),
    or None when it compared two periods that do not nest."""
    if previous.intent != "compare_periods" or len(previous.periods) != 2:
        return None
    a, b = sorted(previous.periods, key=lambda x: x.months)
    return b if b.contains(a) and a != b else None


def _complement(p: FollowUpDesk, edit: Edit, ex: Extraction, previous: FollowUp, runner: QueryRunner, now: float) -> Result:
    """ "and everyone else?", "not by air?": the total minus the named (or last) category."""
    frame = edited_frame(p, ex, previous, runner, now) if ex.categories else replace(previous, created=now)
    if not frame.categories:
        raise NoData("edit", what="one_figure", context=previous)
    return _run(p, "complement", replace(frame, intent="complement", measure="count"), ex, runner, now)


def _reverse(p: FollowUpDesk, edit: Edit, ex: Extraction, previous: FollowUp, runner: QueryRunner, now: float) -> Result:
    d = previous.direction
    if d is None:
        raise NoData("edit", what="direction")
    other = Direction(d.destination, d.citizens)
    # "the other way round": only a period or category named alongside is an edit too ("way" is no dimension).
    frame = edited_frame(p, ex, previous, runner, now) if ex.periods or ex.categories else previous
    frame = replace(frame, direction=other, created=now)
    if other not in p.directions:
        raise NoData("reverse", context=frame, **p.dir_values(d))
    return _run(p, intent_for(frame, ex, previous), frame, ex, runner, now)


def _measure(p: FollowUpDesk, edit: Edit, ex: Extraction, previous: FollowUp, runner: QueryRunner, now: float) -> Result:
    frame = edited_frame(p, ex, previous, runner, now) if names_slots(ex) else previous
    if edit.measure == "share" and previous.intent == "complement" and not names_slots(ex):
        # "What's that as a share?" after "and the rest?": the rest's share, which that answer computes.
        return _run(p, "complement", replace(previous, created=now), ex, runner, now)
    if edit.measure == "share":
        if not frame.categories:
            if previous.refs and previous.refs[-1].category != "all":
                r = previous.refs[-1]
                # The group the question names stays ("Russian share?" after a North Korean category).
                frame = replace(frame, categories=((r.dimension, r.category),), dimensions=(r.dimension,),
                                periods=(r.period,), direction=frame.direction if ex.countries else r.direction)
            else:
                raise NoData("share_of_what", context=frame, **p.dir_values(frame.direction or p.default_direction))
        return _run(p, "share", replace(frame, intent="share"), ex, runner, now)
    ref = _ref_of(frame) if names_slots(ex) or not previous.refs else previous.refs[-1]
    return _rate_of(p, ref, edit.measure or "per_month", runner, now)


def _rate_of(p: FollowUpDesk, ref: Ref, measure: str, runner: QueryRunner, now: float) -> Result:
    """A figure spread over its period's months or days ("monthly average?", "per day?")."""
    d, period = ref.direction, ref.period
    what = p.series_name(ref.dimension, ref.category)
    avail = p.available(runner, d, ref.dimension, ref.category)
    parts = p.stored_parts(period, avail, d, what)
    y1, m1 = divmod(period.start, 12)
    y2, m2 = divmod(period.end, 12)
    last = date(y2, m2 + 1, calendar.monthrange(y2, m2 + 1)[1])
    row = runner.one("rate", citizens=d.citizens, destination=d.destination, dimension=ref.dimension,
                     category=ref.category, periods=[x.code for x in parts], months=period.months,
                     first_day=date(y1, m1 + 1, 1).isoformat(), last_day=last.isoformat())
    if row is None or row["value"] is None:
        raise NoData("period", period=p.period_label(period), what=what, available=[p.period_label(x) for x in avail], overlapping=[],
                     **p.dir_values(d))
    chain = p.source_chain(runner, p.figure_source(runner, row["ids"][0]))
    html = p.render("rate", r=row, period=period, what=what, measure=measure, dir=p.dir_values(d), source=chain,
                     version=p.snapshot.version)
    ctx = FollowUp("rate", d, (period,), ((ref.dimension, ref.category),) if ref.category != "all" else (),
                  (ref.dimension,) if ref.dimension != "total" else (), now, measure=measure, refs=(ref,))
    return html, ctx, list(row["ids"])


def _combine(p: FollowUpDesk, edit: Edit, ex: Extraction, previous: FollowUp, runner: QueryRunner, now: float) -> Result:
    """ "together?", "gap?", "how many times?", "% change?" over the last two figures given."""
    refs = previous.refs
    if edit.measure == "more_than_two":
        raise NoData("edit", what="n_figures", context=previous)  # a share, gap or ratio of three: not computed
    if edit.measure in ("sum_many", "mean_many", "min_many", "max_many"):
        return _many(p, edit, ex, previous, runner, now)
    if len(refs) < 2:
        if edit.measure == "change" and len(refs) == 1 and refs[0].category == "all":
            # "growth?" after one figure: against the period before, as a comparison question means.
            frame = replace(previous, periods=(refs[0].period,), categories=(), dimensions=())
            return _run(p, "compare_periods", frame, ex, runner, now)
        raise NoData("edit", what="two_figures", context=previous)
    if edit.measure == "pp_gap":
        return _pp_gap(p, refs[-2], refs[-1], previous, runner, now)
    group = _group_of(previous)
    if edit.measure in ("sum", "sum_share") and previous.measure in ("sum", "sum_share") and len(group) > 2:
        # "%?" after "by road, on foot and by water combined" or after "with education?" added a
        # third: the share of all of them, never of the last two the refs happen to end with.
        return _group_sum(p, group, edit.measure, previous, runner, now)
    if (previous.measure in RATE_MEASURES and refs[-2].period.months != refs[-1].period.months
            and edit.measure in ("ratio", "gap", "change", "sum")):
        # "How many times more?" after the monthly averages of 2022 and of Q3: the averages were
        # given, and the totals' ratio (1.64) is not theirs (6.55); say so rather than answer it.
        raise NoData("edit", what="same_span", context=previous)
    unit = _rate_asked(ex, previous)
    if unit is not None and refs[-2].period != refs[-1].period and edit.measure in ("sum", "gap"):
        raise NoData("edit", what="same_span", context=previous)  # two spans have no one monthly sum
    if (previous.intent == "compare_periods" and edit.measure in ("change", "gap", "ratio")
            and not (_tiled(p, runner, refs[-2]) and _tiled(p, runner, refs[-1]))):
        # "so how many times more?" after 2022 against 2023 (Q1-Q3 only): that comparison again,
        # which states the difference, the % change and the multiple with the partial span labelled.
        return _run(p, "compare_periods", replace(previous, created=now), ex, runner, now)
    a, b = refs[-2], refs[-1]
    if (previous.measure == "sum" and edit.measure in ("change", "gap", "ratio")
            and (a.direction, a.dimension, a.category) == (b.direction, b.dimension, b.category)
            and b.period.contains(a.period) and a.period != b.period):
        # "А разница?" after "Вместе?" (Q2 + Q3 kept as one figure, April-September): the two
        # figures summed, against each other, never the sum against one of its own parts.
        if a.period.start == b.period.start:
            rest = Period(a.period.end + 1, b.period.end)
        elif a.period.end == b.period.end:
            rest = Period(b.period.start, a.period.start - 1)
        else:
            raise NoData("edit", what="two_figures", context=previous)
        return _given(p, Ref(a.direction, rest, a.dimension, a.category), a, edit.measure, runner, now)
    if edit.measure == "side_share":
        # The share of one side (edit.position of the last two) in the two together.
        return _given(p, refs[-2], refs[-1], "side_share", runner, now, side=refs[-2:][edit.position or 0])
    return _given(p, refs[-2], refs[-1], edit.measure or "gap", runner, now,
                  rate=unit if edit.measure in ("sum", "gap") else None)


def _rate_asked(ex: Extraction, previous: FollowUp) -> str | None:
    """The unit a sum or gap is asked per: the question's own ("gap per month?", "합치면 하루
    몇 명?"), else the averages just given; None for a sum or gap of the totals."""
    cues = ex.cues.keys()
    if "avg_day" in cues:
        return "per_day"
    if "avg_quarter" in cues:
        return "per_quarter"
    if cues & {"avg_month", "followup_monthly"}:
        return "per_month"
    return previous.measure if previous.measure in RATE_MEASURES else None


def _many(p: FollowUpDesk, edit: Edit, ex: Extraction, previous: FollowUp, runner: QueryRunner, now: float) -> Result:
    """ "Those three together?", "the quarterly average across those three?": the last three (or
    four) figures given, each one stored figure. The quarters of one series that follow each
    other are one span, so their average is the span's rate per quarter (rate.sql); otherwise
    given_many.sql adds them up. Fewer figures than asked, or one that is not a stored figure
    (a sum given before), is refused rather than replaced."""
    n = edit.position or 3
    refs = previous.refs[-n:]
    if n == 2 and previous.measure == "sum" and len(previous.refs) >= 3 and all(
            previous.refs[-1].period.contains(r.period) for r in previous.refs[-3:-1]):
        refs = previous.refs[-3:-1]  # "average of the two?" after "sum?": the two summed, not the sum itself
    series = {(r.direction, r.dimension, r.category) for r in refs}
    groups = {(r.direction, r.period, r.dimension) for r in refs}
    if (len(refs) < n or len(set(refs)) < n or previous.intent in LISTING_INTENTS
            or not (len(series) == 1 or len(groups) == 1)):
        # Three figures of one series (periods) or of one breakdown (categories of a period),
        # given one by one; after a list (a ranking, a breakdown) "those three" are rows of it,
        # and three figures of different kinds are no sum a reporter means.
        raise NoData("edit", what="n_figures", context=previous)
    ordered = sorted(refs, key=lambda r: r.period.start)
    if edit.measure == "mean_many" and len(series) == 1 and len({r.period.months for r in refs}) > 1:
        raise NoData("edit", what="same_length", context=previous)  # a year and two quarters have no mean per figure
    if edit.measure in ("sum_many", "mean_many") and len(series) == 1 and all(
            x.period.end + 1 == y.period.start for x, y in zip(ordered, ordered[1:])):
        span = Ref(refs[0].direction, Period(ordered[0].period.start, ordered[-1].period.end), refs[0].dimension,
                   refs[0].category)
        if edit.measure == "mean_many" and all(r.period.months == 3 for r in refs):
            return _rate_of(p, span, "per_quarter", runner, now)
        if edit.measure == "sum_many":
            frame = FollowUp("total", span.direction, (span.period,),
                             ((span.dimension, span.category),) if span.category != "all" else (),
                             (span.dimension,) if span.dimension != "total" else (), now, measure="count", refs=(span,))
            html, ctx, ids = _run(p, "category" if span.category != "all" else "total", frame, ex, runner, now)
            return html, replace(ctx, refs=(span,)), ids
    keys = [f"{r.direction.citizens}|{r.direction.destination}|{r.dimension}|{r.category}|{r.period.code}" for r in refs]
    rows = runner.run("given_many", keys=keys)
    if len(rows) != n:
        raise NoData("edit", what="n_figures", context=previous)
    items = [_item(p, r, row["value"]) for r, row in zip(refs, rows)]
    picked: list[dict[str, Any]] = []
    if edit.measure in ("min_many", "max_many"):
        if len(series) == 1 and len({r.period.months for r in refs}) > 1:
            raise NoData("edit", what="same_length", context=previous)
        end = (min if edit.measure == "min_many" else max)(row["value"] for row in rows)
        picked = [x for x in items if x["value"] == end]  # a tie names every figure that shares the place
    chain = p.source_chain(runner, rows[-1]["source_id"])
    html = p.render("given_many", items=items, r=rows[0], measure=edit.measure, share=None, total=None, source=chain,
                     picked=picked, version=p.snapshot.version)
    ctx = FollowUp("given", refs[-1].direction, tuple(sorted({r.period for r in refs}, key=lambda x: x.start)), (), (), now,
                   measure="sum" if edit.measure == "sum_many" else "mean", refs=tuple(refs))
    return html, ctx, [row["figure_id"] for row in rows]


def _group_of(previous: FollowUp) -> list[Ref]:
    """The categories of one breakdown the last answers gave for one direction and period: the
    set a category answer summed ("by road, on foot and by water combined"), else the run of
    figures given one by one at the end of the conversation ("personal?", "and maintenance?")."""
    cats = previous.categories
    if (previous.intent == "category" and previous.measure == "sum" and len(cats) >= 2 and len(previous.periods) == 1
            and previous.direction is not None and len({d for d, _ in cats}) == 1):
        return [Ref(previous.direction, previous.periods[0], d, c) for d, c in cats]
    if not previous.refs or previous.intent in LISTING_INTENTS:
        return list(previous.refs[-1:])
    last = previous.refs[-1]
    group: list[Ref] = []
    for r in reversed(previous.refs):
        if (r.direction, r.period, r.dimension) != (last.direction, last.period, last.dimension) or r.category == "all":
            break
        if r not in group:
            group.insert(0, r)
    return group


def _add_named(p: FollowUpDesk, edit: Edit, ex: Extraction, previous: FollowUp, runner: QueryRunner, now: float) -> Result:
    """ "With personal?", "плюс учёба?" after a category: the categories of that breakdown just
    given (one direction and period) with the one named added, as one sum, or as one share of the
    period's total when the conversation was giving shares."""
    group = _group_of(previous)
    dim, cat, _ = ex.categories[0]
    last = previous.refs[-1]
    named = Ref(last.direction, last.period, dim, cat)
    if not group or named in group:
        raise NoData("edit", what="other_figure", context=previous)
    group.append(named)
    if len(group) == 2:
        return _given(p, group[0], group[1], edit.measure or "sum", runner, now)
    return _group_sum(p, group, edit.measure or "sum", previous, runner, now)


def _group_sum(p: FollowUpDesk, group: list[Ref], measure: str, previous: FollowUp, runner: QueryRunner,
               now: float) -> Result:
    """Several categories of one breakdown, direction and period, each listed, with their sum
    (given_many.sql) and, for ``sum_share``, the sum's share of the period's total (category_set.sql)."""
    first = group[0]
    if len({(r.direction, r.period, r.dimension) for r in group}) != 1 or "all" in {r.category for r in group}:
        raise NoData("edit", what="n_figures", context=previous)
    keys = [f"{r.direction.citizens}|{r.direction.destination}|{r.dimension}|{r.category}|{r.period.code}" for r in group]
    rows = runner.run("given_many", keys=keys)
    if len(rows) != len(group):
        raise NoData("edit", what="n_figures", context=previous)  # a period without that breakdown: no sum made up
    share = total = None
    if measure == "sum_share":
        row = runner.one("category_set", citizens=first.direction.citizens, destination=first.direction.destination,
                         dimension=first.dimension, categories=[r.category for r in group], periods=[first.period.code])
        if row is None or row["set_share"] is None:
            raise NoData("edit", what="n_figures", context=previous)
        share, total = row["set_share"], row["total"]
    items = [_item(p, r, row["value"]) for r, row in zip(group, rows)]
    html = p.render("given_many", items=items, r=rows[0], measure="sum_many", share=share, total=total,
                     source=p.source_chain(runner, rows[-1]["source_id"]), picked=[], version=p.snapshot.version)
    ctx = FollowUp("given", first.direction, (first.period,), (), (), now, measure="sum_share" if share else "sum",
                   refs=tuple(group[-4:]))
    return html, ctx, [row["figure_id"] for row in rows]


def _pp_gap(p: FollowUpDesk, a: Ref, b: Ref, previous: FollowUp, runner: QueryRunner, now: float) -> Result:
    """The gap in percentage points between the two shares just given (pp_gap.sql)."""
    if a.period != b.period or "all" in (a.category, b.category) or "total" in (a.dimension, b.dimension):
        # Two shares of one period only; of two breakdowns ("business" and "by rail") both are of
        # the same total, so their gap in points is still one subtraction of two shares.
        raise NoData("edit", what="two_figures", context=previous)
    row = runner.one("pp_gap", a_dimension=a.dimension, b_dimension=b.dimension, a_citizens=a.direction.citizens, a_destination=a.direction.destination,
                     a_category=a.category, a_periods=[x.code for x in _parts(p, runner, a)], b_citizens=b.direction.citizens,
                     b_destination=b.direction.destination, b_category=b.category,
                     b_periods=[x.code for x in _parts(p, runner, b)])
    if row is None or row["gap"] is None:
        raise NoData("edit", what="both", context=previous)
    sides = [{"dir": p.dir_values(r.direction), "phrase": p.label(r.dimension, r.category, "phrase"),
              "label": p.label(r.dimension, r.category)} for r in (a, b)]
    html = p.render("pp_gap", a=sides[0], b=sides[1], r=row, period=a.period, same_direction=a.direction == b.direction,
                    dir=sides[0]["dir"], assumed_direction=False, assumed_period=False, caveats=[], related=[],
                    source=p.source_chain(runner, row["source_id"]), version=p.snapshot.version)
    ctx = replace(previous, created=now, measure="pp_gap", refs=(a, b))
    return html, ctx, list(row["figure_ids"])


def _named_sum(p: FollowUpDesk, edit: Edit, ex: Extraction, previous: FollowUp, runner: QueryRunner, now: float) -> Result:
    """ "And by air and rail combined?" after a share: the two categories named, as one share of
    the period just given (share_of_given.sql through the given template)."""
    last = previous.refs[-1]
    (d1, c1, _), (d2, c2, _) = ex.categories[:2]
    return _given(p, Ref(last.direction, last.period, d1, c1), Ref(last.direction, last.period, d2, c2),
                  edit.measure or "sum", runner, now)


def _pp_compare(p: FollowUpDesk, edit: Edit, ex: Extraction, previous: FollowUp, runner: QueryRunner, now: float) -> Result:
    """ "How many points below the business share?": the share just given against the named
    category's share of the same period and breakdown (pp_gap.sql). The share of a sum of two
    categories is not one row pp_gap.sql reads, so it is refused rather than replaced."""
    if previous.measure != "share" or not previous.refs:
        raise NoData("edit", what="one_figure", context=previous)
    a = previous.refs[-1]
    dim, cat, _ = ex.categories[0]
    b = Ref(a.direction, a.period, dim, cat)
    if b == a:
        raise NoData("edit", what="other_figure", context=previous)
    return _pp_gap(p, a, b, previous, runner, now)


def _parts(p: FollowUpDesk, runner: QueryRunner, r: Ref) -> list[Period]:
    """The stored periods that make up a figure's period."""
    return p.stored_parts(r.period, p.available(runner, r.direction, r.dimension, r.category), r.direction,
                          p.series_name(r.dimension, r.category))


def _tiled(p: FollowUpDesk, runner: QueryRunner, r: Ref) -> bool:
    """Do stored periods make up the figure's period exactly (2023 as a whole: no, Q4 is missing)?"""
    try:
        return bool(_parts(p, runner, r))
    except NoData:
        return False


def _compare(p: FollowUpDesk, edit: Edit, ex: Extraction, previous: FollowUp, runner: QueryRunner, now: float) -> Result:
    """ "compare that with 2022", "is that more than education?": the last figure against the
    same figure with the named slot changed."""
    if not previous.refs:
        raise NoData("edit", what="figure", context=previous)
    a = _last_figure(previous)
    base = replace(previous, direction=a.direction, periods=(a.period,),
                   categories=((a.dimension, a.category),) if a.category != "all" else (),
                   dimensions=(a.dimension,) if a.dimension != "total" else ())
    frame = edited_frame(p, ex, base, runner, now)
    if "overall" in ex.cues and not ex.categories and a.category != "all":
        # "how many more than the whole Q2 total?" after Q3's business figure: the other side is
        # the named period's total, not its business figure (which Q2 does not have).
        frame = replace(frame, categories=(), dimensions=())
    if edit.pair is not None:
        frame = replace(frame, periods=tuple(_quarter_of(previous, n) for n in edit.pair))
    elif edit.position is not None:
        frame = replace(frame, periods=(_quarter_of(previous, edit.position),))
    if len(frame.categories) == 2 and len(frame.periods) == 1:  # "how many times more business than education?"
        (d1, c1), (d2, c2) = frame.categories
        return _given(p, Ref(frame.direction, frame.periods[0], d1, c1), Ref(frame.direction, frame.periods[0], d2, c2),
                      edit.measure or "change", runner, now)
    if (len(frame.periods) == 1 and len(ex.periods) == 1 and ex.periods[0].endpoints
            and ex.periods[0].kind == "quarters" and frame.periods[0].months > 3):
        # "and from Q2 to Q3?": the two end quarters, as a comparison question means, not the span.
        r = frame.periods[0]
        frame = replace(frame, periods=(Period(r.start, r.start + 2), Period(r.end - 2, r.end)))
    if len(frame.periods) > 1 and a.period not in frame.periods and "of_them" in ex.cues:
        # "is that more than 2022 and Q2 combined?": one figure against several periods at once is
        # not a pair this operation compares; say so rather than compare two other figures.
        raise NoData("edit", what="figure", context=previous)
    if len(frame.periods) > 1:  # "from Q1 to Q3": the named periods are the pair
        pair = [Ref(frame.direction, x, a.dimension, a.category) for x in frame.periods[:2]]
        return _given(p, pair[0], pair[1], edit.measure or "change", runner, now)
    b = _ref_of(frame)
    if b == a and len(previous.refs) >= 2 and a in previous.refs[-2:]:
        # "How many times bigger is the Q3 number?" after H1 then Q3: the figure named is one of the
        # two just given, so it is compared with the other one.
        b = next(r for r in previous.refs[-2:] if r != a) if len(set(previous.refs[-2:])) == 2 else a
    if b == a:
        raise NoData("edit", what="other_figure", context=previous)
    if ((a.direction, a.dimension, a.category) == (b.direction, b.dimension, b.category) and edit.measure != "ratio"
            and not (_tiled(p, runner, a) and _tiled(p, runner, b))):
        # "vs 2023?" after 2022: a period the data covers in part (Q1-Q3 of 2023) is compared as the
        # question asked alone would be, its parts labelled as a partial figure, never refused.
        return _run(p, "compare_periods", replace(frame, periods=(a.period, b.period), intent="compare_periods"),
                    ex, runner, now)
    return _given(p, a, b, edit.measure or "change", runner, now)


def _last_figure(previous: FollowUp) -> Ref:
    """The figure the last answer gave: a total over several adjacent periods ("Q1 and Q2
    together") is their sum, one figure over the whole span; otherwise the last figure named."""
    periods = sorted(previous.periods, key=lambda x: x.start)
    if (previous.intent in ("total", "category") and previous.measure == "count" and len(periods) > 1
            and previous.direction is not None and len(previous.categories) <= 1
            and all(x.end + 1 == y.start for x, y in zip(periods, periods[1:]))):
        dim, cat = previous.categories[0] if previous.categories else ("total", "all")
        return Ref(previous.direction, Period(periods[0].start, periods[-1].end), dim, cat)
    return previous.refs[-1]


def _given(p: FollowUpDesk, a: Ref, b: Ref, measure: str, runner: QueryRunner, now: float,
           rate: str | None = None, side: Ref | None = None) -> Result:
    """Two figures side by side: sum, difference, % change and ratio, all from compare.sql.

    The base is the earlier period when the periods differ, else the smaller figure, so "% up"
    and "how many times" read the way a reporter means them.
    """
    def pieces(r: Ref) -> list[Period]:
        return p.stored_parts(r.period, p.available(runner, r.direction, r.dimension, r.category), r.direction,
                        p.series_name(r.dimension, r.category))

    if (a.period.end, a.period.start) > (b.period.end, b.period.start):
        a, b = b, a
    row = _compare_refs(p, runner, a, b, pieces)
    if a.period == b.period and (row["a_value"] or 0) > (row["b_value"] or 0):
        a, b = b, a
        row = _compare_refs(p, runner, a, b, pieces)
    if row["a_value"] is None or row["b_value"] is None:
        raise NoData("edit", what="both")
    overlap = (a.period.overlaps(b.period) and a.direction == b.direction and a.dimension != b.dimension
               and "total" not in (a.dimension, b.dimension))
    items = [_item(p, r, v) for r, v in ((a, row["a_value"]), (b, row["b_value"]))]
    share = None
    if measure == "sum_share":
        if a.direction != b.direction or a.period != b.period or "total" in (a.dimension, b.dimension):
            raise NoData("edit", what="two_figures")
        share = runner.one("share_of_given", citizens=a.direction.citizens, destination=a.direction.destination,
                           periods=[x.code for x in pieces(a)], a_dimension=a.dimension, a_category=a.category,
                           b_dimension=b.dimension, b_category=b.category)
    per = None
    if rate is not None and a.period == b.period:
        # The averages were what was asked: the sum (or gap) spread over the one period, in SQL.
        y1, m1 = divmod(a.period.start, 12)
        y2, m2 = divmod(a.period.end, 12)
        value = row["combined"] if measure == "sum" else abs(row["diff"])
        per = runner.one("rate_given", value=value, months=a.period.months, first_day=date(y1, m1 + 1, 1).isoformat(),
                         last_day=date(y2, m2 + 1, calendar.monthrange(y2, m2 + 1)[1]).isoformat())
        per = dict(per, unit=rate, value=value, months=a.period.months)
    chain = p.source_chain(runner, p.figure_source(runner, (row["b_ids"] or row["a_ids"])[0]))
    if measure == "pair_share":
        # Each figure's share of its period's total (share_of_given.sql with the category on both sides).
        for x, r in zip(items, (a, b)):
            one = runner.one("share_of_given", citizens=r.direction.citizens, destination=r.direction.destination,
                             periods=[x.code for x in pieces(r)], a_dimension=r.dimension, a_category=r.category,
                             b_dimension=r.dimension, b_category=r.category)
            if one is None or one["share"] is None:
                raise NoData("edit", what="two_figures")
            x["share"], x["total"] = one["share"], one["total"]
        measure, left = "change", "share"  # "the gap in points?" next is of these two shares
    else:
        left = measure
    side_share = None
    if measure == "side_share":
        # compare.sql gives each side's share of the two combined; the named side's is the answer.
        named = a if side == a else b
        side_share = {**_item(p, named, None), "share": row["a_share_of_combined"] if named is a else row["b_share_of_combined"]}
        left = "side_share"  # "and the Russians?" next is the other side's share
    html = p.render("given", a=items[0], b=items[1], r=row, measure=measure, overlap=overlap, share=share,
                     per=per, side_share=side_share, source=chain, version=p.snapshot.version)
    refs: tuple[Ref, ...] = (a, b)
    if measure == "sum" and (a.direction, a.dimension, a.category) == (b.direction, b.dimension, b.category) \
            and a.period.end + 1 == b.period.start:
        # Q1 + Q2 is one figure, H1: "compare that with 2022" then compares the sum.
        refs = (Ref(a.direction, Period(a.period.start, b.period.end), a.dimension, a.category),)
    ctx = FollowUp("given", b.direction, (b.period,), (), (), now, measure=left, refs=refs)
    return html, ctx, list(row["a_ids"]) + list(row["b_ids"])


def _compare_refs(p: FollowUpDesk, runner: QueryRunner, a: Ref, b: Ref, pieces: Callable[[Ref], list[Period]]) -> dict[str, Any]:
    """compare.sql over two refs, which may come from different breakdowns (business vs by air)."""
    row = runner.one("compare", a_citizens=a.direction.citizens, a_destination=a.direction.destination,
                     a_dimension=a.dimension, a_category=a.category, a_periods=[x.code for x in pieces(a)],
                     b_citizens=b.direction.citizens, b_destination=b.direction.destination,
                     b_dimension=b.dimension, b_category=b.category, b_periods=[x.code for x in pieces(b)])
    assert row is not None  # an aggregate over tiled periods always returns one row
    return row


def _item(p: FollowUpDesk, r: Ref, value: Any) -> dict[str, Any]:
    return {"dir": p.dir_values(r.direction), "period": r.period, "what": p.series_name(r.dimension, r.category),
            "value": value}


def _ordinal(p: FollowUpDesk, edit: Edit, ex: Extraction, previous: FollowUp, runner: QueryRunner, now: float) -> Result:
    """ "and the second?", "the least?", "the next one?" along the last ranking; after a quarter,
    "а в первом?" is that quarter of the same year."""
    position = edit.position if edit.position is not None else 1
    d = previous.direction
    if d is None:
        raise NoData("edit", what="ranking", context=previous)
    rows, dim, period, dim_label = _ranking_rows(p, previous, d, runner)
    if position == PREVIOUS_PLACE:  # "the one before it": one place up from the place last given
        last = previous.rank_position
        if last == 0 or last == 1:
            raise NoData("edit", what="next_place", context=previous)
        if last > 0:
            # The block last given may be a tie (places 3-4); the place before it is above its start.
            start = min((r["rank_desc"] for r in rows if r["rank_desc"] <= last < r["rank_desc"] + r["tied"]), default=last)
            above = [r["rank_desc"] for r in rows if r["rank_desc"] < start]
            if not above:
                raise NoData("edit", what="next_place", context=previous)
            position = max(above)
        else:
            position = 0  # up from the bottom is on from it
    if position == MIDDLE_PLACE:
        if len(rows) % 2 == 0:
            raise NoData("edit", what="middle", context=previous)  # four places have no one in between
        position = (len(rows) + 1) // 2
    if position == 0:  # "the next one": on from the place last given, down from the top or up from the bottom
        if previous.rank_position == 0:
            raise NoData("edit", what="next_place", context=previous)
        col = "rank_desc" if previous.rank_position > 0 else "rank_asc"
        later = [r[col] for r in rows if r[col] > abs(previous.rank_position)]
        if not later:
            raise NoData("rank_end", context=previous, n=len(rows))
        position = min(later) if previous.rank_position > 0 else -min(later)
    # A place is shared by tied rows: rank 3 with two tied covers places 3 and 4.
    col = "rank_desc" if position > 0 else "rank_asc"
    chosen = [r for r in rows if r[col] <= abs(position) < r[col] + r["tied"]]
    if not chosen:
        raise NoData("rank_end", context=previous, n=len(rows))
    end = chosen[0][col] + chosen[0]["tied"] - 1
    new_position = end if position > 0 else -end
    ids = [i for r in chosen for i in r["figure_ids"]]
    chain = p.source_chain(runner, p.figure_source(runner, ids[0]))
    html = p.render("ordinal", chosen=chosen, position=position, n=len(rows), dimension=dim_label,
                     period=period, dir=p.dir_values(d), source=chain, version=p.snapshot.version)
    refs = tuple(Ref(d, period, dim, r["category"]) if period is not None else Ref(d, parse_code(r["period"]))
                 for r in chosen)
    ctx = replace(previous, created=now, refs=refs[-2:], rank_position=new_position, nodata=False)
    return html, ctx, ids


def _ranking_rows(p: FollowUpDesk, previous: FollowUp, d: Direction,
                  runner: QueryRunner) -> tuple[list[dict[str, Any]], str, Period | None, str]:
    """The last ranking's rows, best first: the breakdown asked, or the quarters by total."""
    if previous.dimensions:
        dim = previous.dimensions[0]
        if not previous.periods:
            raise NoData("edit", what="ranking", context=previous)  # a refused frame named no period to rank
        period = previous.periods[0]
        parts = p.stored_parts(period, p.available(runner, d), d, "total")
        rows = runner.run("breakdown", citizens=d.citizens, destination=d.destination, dimension=dim,
                          periods=[x.code for x in parts])
        for r in rows:
            r["label"] = p.label(dim, r["category"])
        dim_label = p.label("dimension", dim)
    else:
        dim, period = "total", None
        pool = list(previous.periods) or [x for x in p.available(runner, d) if x.months == 3]
        rows = runner.run("rank_periods", citizens=d.citizens, destination=d.destination, dimension="total",
                          category="all", periods=[x.code for x in pool])
        for r in rows:
            r["label"] = p.period_label(parse_code(r["period"]))
            r["tied"] = sum(1 for o in rows if o["value"] == r["value"])
            r["figure_ids"] = [r["figure_id"]]
        dim_label = ""
    if not rows:
        raise NoData("edit", what="ranking", context=previous)
    return rows, dim, period, dim_label


def _rank_pair(p: FollowUpDesk, edit: Edit, ex: Extraction, previous: FollowUp, runner: QueryRunner, now: float) -> Result:
    """ "How many times bigger is the first than the second?": two places of the last ranking,
    set side by side by compare.sql; a place shared by a tie is not one figure, so it is refused."""
    d = previous.direction
    if d is None or not previous.dimensions or edit.pair is None:
        raise NoData("edit", what="ranking", context=previous)
    rows, dim, period, _ = _ranking_rows(p, previous, d, runner)
    if period is None:
        raise NoData("edit", what="ranking", context=previous)
    refs = []
    for place in edit.pair:
        col = "rank_desc" if place > 0 else "rank_asc"  # -1 is the bottom place
        chosen = [r for r in rows if r[col] <= abs(place) < r[col] + r["tied"]]
        if len(chosen) != 1:
            raise NoData("edit", what="two_figures", context=previous)
        refs.append(Ref(d, period, dim, chosen[0]["category"]))
    html, ctx, ids = _given(p, refs[0], refs[1], edit.measure or "change", runner, now)
    # The ranking stays the conversation's frame: "and the second and the third?" are its places too.
    ctx = replace(ctx, intent="ranking", direction=d, periods=(period,), dimensions=(dim,),
                  rank_position=previous.rank_position)
    return html, ctx, ids


def _quarter_of(previous: FollowUp, n: int) -> Period:
    """Quarter ``n`` of the year of the last period named ("а в первом?" after Q2 2023)."""
    y = previous.periods[-1].start // 12
    return Period(y * 12 + 3 * (n - 1), y * 12 + 3 * (n - 1) + 2)


def _quarter(p: FollowUpDesk, edit: Edit, ex: Extraction, previous: FollowUp, runner: QueryRunner, now: float) -> Result:
    frame = replace(previous, periods=(_quarter_of(previous, edit.position or 1),), created=now, nodata=False)
    return _run(p, intent_for(frame, ex, previous), frame, ex, runner, now)


def _half(p: FollowUpDesk, edit: Edit, ex: Extraction, previous: FollowUp, runner: QueryRunner, now: float) -> Result:
    """ "а за полугодие?" after a quarter: the half-year that holds that quarter, same slots."""
    last = previous.periods[-1]
    start = last.start - (last.start % 12) % 6
    frame = replace(previous, periods=(Period(start, start + 5),), created=now, nodata=False)
    return _run(p, intent_for(frame, ex, previous), frame, ex, runner, now)


def _why(p: FollowUpDesk, edit: Edit, ex: Extraction, previous: FollowUp, runner: QueryRunner, now: float) -> Result:
    """What the report offers as the reason for the last figure or fact, or an honest "it doesn't say"."""
    if previous.facts and previous.intent == "fact":
        facts = p.localise(runner.run("facts", ids=list(previous.facts)), "fact", "fact_id", ("subject", "statement"))
        subjects = [f.get("subject_en") or f["subject"] for f in facts]
        reasons = p.localise(runner.run("fact_reasons", subjects=subjects), "fact", "fact_id",
                              ("topic", "statement", "subject"))
        if not reasons:
            raise NoData("no_reason", context=previous, caveats=[])
        chain = p.source_chain(runner, reasons[0]["source_id"])
        # The fact asked about comes first ("what for?" is answered by its own words too: "for
        # construction projects"), then the reasons the report gives for it.
        about = [f["statement"] for f in facts if f["kind"] != "reason"][:1]
        html = p.render("reason", reasons=[r["statement"] for r in reasons], source=chain, version=p.snapshot.version,
                         item=None, about=about)
        return html, replace(previous, created=now), []
    named = bool(ex.categories or ex.countries or ex.periods)
    frame = edited_frame(p, ex, previous, runner, now) if named else previous
    ref = frame.refs[-1] if frame.refs and not named else _ref_of(frame) if frame.periods else None
    if ref is None and frame.direction is not None and frame.periods:
        ref = Ref(frame.direction, frame.periods[0], frame.dimensions[0] if frame.dimensions else "total", "all")
    if ref is None:
        raise NoData("no_reason", context=previous, caveats=[])
    # "why" reads as the purpose dimension too, so only the previous answer says whether a breakdown was asked.
    dim = (ref.dimension if ref.category != "all"
           else previous.dimensions[0] if previous.intent == "breakdown" and previous.dimensions else "total")
    rows = runner.run("reasons", citizens=ref.direction.citizens, destination=ref.direction.destination,
                      periods=[ref.period.code], dimension=dim, category=ref.category)
    rows = p.localise(rows, "caveat", "caveat_id", ("text",))
    if not rows:
        notes = p.localise(runner.run("caveats", citizens=ref.direction.citizens, destination=ref.direction.destination,
                                       periods=[ref.period.code], dimension=dim, category=None, all_categories=True,
                                       provenance=False), "caveat", "caveat_id", ("text",))
        raise NoData("no_reason", context=previous, caveats=[c["text"] for c in notes if c["kind"] == "as_published"])
    chain = p.default_source_chain()
    html = p.render("reason", reasons=[r["text"] for r in rows], item=_item(p, ref, None), about=[], source=chain,
                     version=p.snapshot.version)
    return html, replace(previous, created=now), []


def _who_said(p: FollowUpDesk, edit: Edit, ex: Extraction, previous: FollowUp, runner: QueryRunner, now: float) -> Result:
    """The speaker of the last fact, the outlet that reported it, or a figure's source chain."""
    if previous.facts and previous.intent == "fact":
        facts = p.localise(runner.run("facts", ids=list(previous.facts)), "fact", "fact_id",
                            ("topic", "statement", "speaker", "subject"))
        named: list[dict[str, Any]] = []
        for f in facts:
            f["chain"] = p.source_chain(runner, f["source_id"])
            f["who"] = f.get("speaker") or (f["subject"] if f["kind"] in SPEAKER_KINDS + ("report",) else None)
            f["unnamed"] = bool(f.get("speaker")) and person_name(f) is None
            if f["unnamed"]:
                # "Experts believe ...": the report names none of them; the one expert it does
                # name on that topic is shown apart, as his own statement, never as the speaker.
                named += [n for n in runner.run("facts_on_topic", topic=f.get("topic_en") or f["topic"],
                                                given=list(previous.facts))
                          if person_name(n) and n["fact_id"] not in {x["fact_id"] for x in named}]
        kinds = {f["kind"] for f in facts if f["unnamed"]}
        named = p.localise(sorted(named, key=lambda n: n["kind"] not in kinds), "fact", "fact_id",
                           ("topic", "statement", "speaker", "subject"))  # an estimate beside an estimate first
        for n in named:
            n["chain"] = p.source_chain(runner, n["source_id"])
        html = p.render("speaker", facts=facts, figures=None, named=named, version=p.snapshot.version)
        ctx = replace(previous, created=now)
        if named and previous.person is None:
            ctx = replace(ctx, person=named[0]["fact_id"])  # "what else did he say?" is about the expert named
        return html, ctx, []
    if previous.refs or previous.direction is not None:
        chain = p.default_source_chain()
        ref = previous.refs[-1] if previous.refs else None
        if ref is not None and ex.categories:
            dim, cat, _ = ex.categories[0]
            ref = Ref(ref.direction, ref.period, dim, cat)  # "who thinks there are more workers?": that category
        if ref is None and previous.direction is not None and len(previous.periods) <= 1 and len(previous.categories) <= 1:
            # A figure asked but not given ("how many workers really came?", declined): its source
            # and the estimate the report sets against it are still whose the question was about
            # (in the latest period when none was named, as the question alone would be read).
            dim, cat = previous.categories[0] if previous.categories else ("total", "all")
            avail = p.available(runner, previous.direction, dim, cat)
            period = previous.periods[0] if previous.periods else max(avail, key=lambda x: x.end, default=None)
            ref = Ref(previous.direction, period, dim, cat) if period is not None else None
        # The answer may also have carried an expert's estimate next to the official figure
        # ("work": 3, Lankov's "hundreds"); whose it is, the caveat says.
        estimates = [c["text"] for c in p.caveat_rows(runner, ref.direction, [ref.period], ref.dimension,
                                                       [ref.category] if ref.category != "all" else None)
                     if c["kind"] == "official_vs_estimate"] if ref else []
        html = p.render("speaker", facts=None, figures=chain, item=_item(p, ref, None) if ref else None,
                         estimates=estimates, version=p.snapshot.version)
        return html, replace(previous, created=now), []
    raise NoData("edit", what="statement", context=previous)


_PRONOUN_SPLIT = re.compile(r"(\w+)", re.UNICODE)


def _person(p: FollowUpDesk, edit: Edit, ex: Extraction, previous: FollowUp, base: Answer, now: float) -> bool:
    """ "where does he teach?": the question asked again with the last person's name in place of
    the pronoun (or, for "when was that?", with the last fact's subject added)."""
    runner = p.new_runner()
    rows = p.localise(runner.run("facts", ids=[edit.name_fact]), "fact", "fact_id", ("speaker", "subject"))
    if not rows:
        return False
    fact = rows[0]
    name = person_name(fact) or fact.get("subject") or ""
    words = _PRONOUN_SPLIT.split(base.question)
    replaced = False
    for i, w in enumerate(words):
        if p.is_cue(w.lower(), "pronoun_person"):
            words[i] = name
            replaced = True
    text = "".join(words) if replaced else f"{base.question.rstrip(' ?')} {name}?"
    answer = p.answer_fresh(text, now)
    own = [f for f, _ in ex.facts[:1] if f not in previous.facts
           and words_of_another_fact(ex, f, previous.facts, p.lexicon.fact_keywords, p.lexicon.vocabulary_non_fact)]
    if own and answer.intent == "fact" and answer.context is not None and set(answer.context.facts) <= set(previous.facts):
        # "Which countries have been avoiding it?" after the resolution: asked again with the
        # subject it gets the same fact back, while its own words name another fact about it.
        facts = p.localise(runner.run("facts", ids=own), "fact", "fact_id",
                           ("topic", "statement", "date", "place", "speaker", "subject"))
        for f in facts:
            f["chain"] = p.source_chain(runner, f["source_id"])
        base.kind, base.intent = "answer", "fact"
        base.html = p.render("fact", facts=facts, version=p.snapshot.version)
        base.context = fact_frame(facts, now, asked=ex.text)
        base.entities["followup"] = "person"
        return True
    if answer.kind == "answer" and answer.intent != "fact" and not names_slots(ex):
        # "How many were there exactly?" about the last fact: asked again in full it reads as a
        # figure (or the sources) on defaults, which is not what the fact was about.
        base.kind, base.intent = "fallback", "fact"
        base.html = p.render("nodata", reason="fact_detail", detail=" ".join(uncovered(ex)) or ex.text.strip(" ?"),
                             facts=_facts_with_chain(p, runner, [edit.name_fact]), version=p.snapshot.version)
        base.context = replace(previous, created=now)
        base.entities["followup"] = "person"
        return True
    for key in ("kind", "html", "intent", "score", "suggestions", "traces", "figure_ids"):
        setattr(base, key, getattr(answer, key))
    ctx = answer.context
    if ctx is not None and ctx.person is None:
        ctx = replace(ctx, person=edit.name_fact)
    base.context = ctx or replace(previous, created=now)
    base.entities["followup"] = "person"
    base.entities["asked_as"] = text
    return True


def _not_covered(p: FollowUpDesk, edit: Edit, ex: Extraction, previous: FollowUp, runner: QueryRunner,
                 now: float) -> Result:
    """ "What did they agree?" after a fact: the report doesn't say; the fact it does give, again.
    After a figure ("which airline operated those flights?"): the data has no such figures."""
    if not edit.name_fact:
        raise NoData("measure", context=previous, words=list(edit.words) or uncovered(ex))
    raise NoData("fact_detail", context=previous, detail=" ".join(uncovered(ex)) or ex.text.strip(" ?"),
                 facts=_facts_with_chain(p, runner, [edit.name_fact] if edit.name_fact else []),
                 version=p.snapshot.version)


def _named_fact(p: FollowUpDesk, edit: Edit, previous: FollowUp, runner: QueryRunner) -> dict[str, Any]:
    """The fact the follow-up is about (the last one named), localised; "no statement" if gone."""
    facts = p.localise(runner.run("facts", ids=[edit.name_fact]), "fact", "fact_id",
                       ("topic", "statement", "date", "place", "speaker", "subject"))
    if not facts:
        raise NoData("edit", what="statement", context=previous)
    return facts[0]


def _fact_detail(p: FollowUpDesk, edit: Edit, ex: Extraction, previous: FollowUp, runner: QueryRunner,
                 now: float) -> Result:
    """ "For what kind of projects?" after the Siberian authorities' demand: the fact again when
    its own text has the word asked about ("construction projects"), else "the report doesn't say"."""
    fact = _named_fact(p, edit, previous, runner)
    text = " ".join(str(fact.get(k) or "") for k in ("statement", "subject", "place", "topic"))
    stems = {t[:DETAIL_STEM_LEN] for t in tokens(normalise(text)) if len(t) >= DETAIL_STEM_LEN}
    asked = [t for t in ex.toks if len(t) >= DETAIL_STEM_LEN and t not in p.lexicon.filler
             and not p.is_cue(t, "which_kind") and not p.is_cue(t, "followup")]
    # "Which company runs that site?": the kind asked is the word after "which"; the fact naming
    # the site does not say which company. Without such a word, any word asked the fact has.
    head = _kind_asked(p, ex)
    if head is not None:
        asked = [head]
    # "In which region?": a place asked, and the fact names its place.
    place = bool(fact.get("place")) and "asks_place" in ex.cues
    if not place and (not asked or not any(t[:DETAIL_STEM_LEN] in stems for t in asked)):
        raise NoData("fact_detail", context=previous, detail=" ".join(asked) or ex.text.strip(" ?"),
                     facts=_facts_with_chain(p, runner, [edit.name_fact]), version=p.snapshot.version)
    return _fact_again(p, fact, previous, runner, now)


def _kind_asked(p: FollowUpDesk, ex: Extraction) -> str | None:
    """The word right after a "which" word ("which company", "каких работ"), when one follows it."""
    toks = ex.toks
    for i, tok in enumerate(toks):
        if p.is_cue(tok, "which_kind") and i + 1 < len(toks):
            nxt = toks[i + 1]
            if len(nxt) >= DETAIL_STEM_LEN and nxt not in p.lexicon.filler and not p.is_cue(nxt, "which_kind"):
                return nxt
    return None


def _profile(p: FollowUpDesk, edit: Edit, ex: Extraction, previous: FollowUp, runner: QueryRunner, now: float) -> Result:
    """ "Where does he teach?", "What is her job?": the report's profile of the person last named;
    without one, the statement naming that person in a role (an event: "Foreign Minister Choe Son
    Hui visited ..."), else "the report doesn't say", with what it does say of them."""
    raw = runner.run("facts", ids=[edit.name_fact]) if edit.name_fact else []
    name = person_name(raw[0]) if raw else None
    if not name:
        raise NoData("edit", what="person", context=previous)
    rows = runner.run("person_profile", person=name)
    if rows:
        facts = p.localise(rows, "fact", "fact_id", ("topic", "statement", "date", "place", "speaker", "subject"))
        for f in facts:
            f["chain"] = p.source_chain(runner, f["source_id"])
        html = p.render("fact", facts=facts, version=p.snapshot.version)
        ctx = replace(previous, created=now, facts=tuple(f["fact_id"] for f in facts), person=facts[0]["fact_id"],
                      nodata=False)
        return html, ctx, []
    if raw[0]["kind"] in ("event",) and raw[0]["subject"] == name:
        return _fact_again(p, _named_fact(p, edit, previous, runner), previous, runner, now)
    raise NoData("fact_detail", context=previous, detail=ex.text.strip(" ?"),
                 facts=_facts_with_chain(p, runner, [edit.name_fact]), version=p.snapshot.version)


def _fact_when(p: FollowUpDesk, edit: Edit, ex: Extraction, previous: FollowUp, runner: QueryRunner,
               now: float) -> Result:
    """ "When exactly did he say that?": the fact again when it is something that happened on a
    date the report gives (a visit, a resolution adopted, a report published); for what someone
    said, estimated or predicted the date column is the period it is about, not when it was
    said, so the answer is "the report doesn't say when", with the fact."""
    fact = _named_fact(p, edit, previous, runner)
    if fact["kind"] not in DATED_KINDS or not str(fact.get("date") or "").strip():
        raise NoData("fact_detail", context=replace(previous, facts=(fact["fact_id"],) + tuple(
            f for f in previous.facts if f != fact["fact_id"])),
            detail=" ".join(t for t in ex.toks if p.is_cue(t, "focus_date")) or ex.text.strip(" ?"),
            facts=_facts_with_chain(p, runner, [fact["fact_id"]]), version=p.snapshot.version)
    return _fact_again(p, fact, previous, runner, now)


def _fact_count(p: FollowUpDesk, edit: Edit, ex: Extraction, previous: FollowUp, runner: QueryRunner,
                now: float) -> Result:
    """ "How many were there?" after a fact: the fact again when it states an amount (in digits
    or words: "dozens", "thousands"; the report gives no exact number then, and none is made up),
    else "the report doesn't say how many", with the fact."""
    fact = _named_fact(p, edit, previous, runner)
    exact = bool(EXACT_WORDS & set(ex.toks))
    if not states_amount(str(fact.get("statement_en") or fact.get("statement") or ""), exact):
        raise NoData("fact_detail", context=previous,
                     detail=" ".join(t for t in ex.toks if p.is_cue(t, "count")) or ex.text.strip(" ?"),
                     facts=_facts_with_chain(p, runner, [fact["fact_id"]]), version=p.snapshot.version)
    return _fact_again(p, fact, previous, runner, now)


def _fact_duration(p: FollowUpDesk, edit: Edit, ex: Extraction, previous: FollowUp, runner: QueryRunner,
                   now: float) -> Result:
    """ "Within what time?" after a fact: the fact again when it states a duration ("within 24
    months"), else "the report doesn't say", with the fact."""
    fact = _named_fact(p, edit, previous, runner)
    if not states_duration(str(fact.get("statement_en") or fact.get("statement") or "")):
        raise NoData("fact_detail", context=previous, detail=ex.text.strip(" ?"),
                     facts=_facts_with_chain(p, runner, [fact["fact_id"]]), version=p.snapshot.version)
    return _fact_again(p, fact, previous, runner, now)


def _fact_again(p: FollowUpDesk, fact: dict[str, Any], previous: FollowUp, runner: QueryRunner, now: float) -> Result:
    """The fact a follow-up asked about, again, with its source chain; the conversation goes on."""
    fact["chain"] = p.source_chain(runner, fact["source_id"])
    html = p.render("fact", facts=[fact], version=p.snapshot.version)
    return html, replace(previous, created=now, nodata=False), []


def _no_average(p: FollowUpDesk, edit: Edit, ex: Extraction, previous: FollowUp, runner: QueryRunner,
                now: float) -> Result:
    """The multiple-of-average operation could not run on the last figure: say so, substitute nothing."""
    raise NoData("edit", what="one_figure", context=previous)


def _facts_with_chain(p: FollowUpDesk, runner: QueryRunner, ids: list[str]) -> list[dict[str, Any]]:
    facts = p.localise(runner.run("facts", ids=ids), "fact", "fact_id", ("topic", "statement", "speaker", "subject"))
    for f in facts:
        f["chain"] = p.source_chain(runner, f["source_id"])
    return facts


def _more_facts(p: FollowUpDesk, edit: Edit, ex: Extraction, previous: FollowUp, runner: QueryRunner, now: float) -> Result:
    """ "What else did he say?": the other statements of the person (or outlet) last named."""
    rows = runner.run("facts", ids=[edit.name_fact]) if edit.name_fact else []
    name = (rows[0].get("speaker") or rows[0].get("subject")) if rows else None
    if not name:
        raise NoData("edit", what="statement", context=previous)
    facts = p.localise(runner.run("facts_by_person", person=name, given=list(previous.facts)), "fact", "fact_id",
                       ("topic", "statement", "date", "place", "speaker", "subject"))
    if not facts:
        raise NoData("no_more_facts", context=previous, name=p.localise(rows, "fact", "fact_id", ("speaker", "subject"))[0].get("speaker") or name)
    for f in facts:
        f["chain"] = p.source_chain(runner, f["source_id"])
    html = p.render("fact", facts=facts, version=p.snapshot.version)
    ctx = replace(previous, created=now, facts=previous.facts + tuple(f["fact_id"] for f in facts), nodata=False)
    return html, ctx, []


OPERATIONS: dict[str, Callable[[FollowUpDesk, Edit, Extraction, FollowUp, QueryRunner, float], Result]] = {
    "slots": _slots,
    "reverse": _reverse,
    "complement": _complement,
    "measure": _measure,
    "combine": _combine,
    "compare": _compare,
    "ordinal": _ordinal,
    "rank_pair": _rank_pair,
    "pp_compare": _pp_compare,
    "named_sum": _named_sum,
    "add_named": _add_named,
    "quarter": _quarter,
    "half": _half,
    "why": _why,
    "who_said": _who_said,
    "more_facts": _more_facts,
    "not_covered": _not_covered,
    "fact_detail": _fact_detail,
    "fact_when": _fact_when,
    "profile": _profile,
    "fact_count": _fact_count,
    "fact_duration": _fact_duration,
    "average_multiple": _no_average,
}
