"""A follow-up question read as an edit of the conversation's last frame.

"and in Q2?" replaces the period; "as a share?" changes the measure; "together?", "gap?" and
"how many times?" combine the last two figures given; "compare that with 2022" compares the
last figure with the same figure edited; "and the second?" moves along the last ranking; "why?"
asks for the report's reasons; "who said that?" for the speaker of the last fact; "where does he
teach?" is asked about the last person named. Everything here is a pure function of the
extraction and the previous :class:`FollowUp`; the operations in :mod:`handlers.operations.followups`
run the edited frame. The words that signal each edit are cue groups in ``data/cues.csv``
(``reverse``, ``avg_month``, ``avg_day``, ``followup_monthly``, ``sum_given``, ``gap``, ``ratio_given``, ``who_said``,
``pronoun_person``, ``next_rank``, ``rank_first``, ``of_them``, ``same_period``, ``more_than_two``, ``four_given``, ``which_kind``,
``asks_place``, ``both_given``, ``ratio_against``, ``add_named``, ``absolute``, ``occupation``, ``bare_half``), so no language is hard-coded (bare English ordinals aside: see
``EN_PLACES``).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Protocol

from handlers.understanding.extract import Extraction
from handlers.model import CategoryRef, Direction, FollowUp, NoData, QuestionFrame, Ref
from handlers.periods import Period, PeriodMention
from handlers.queries import QueryRunner
from handlers.understanding.matcher import FIGURE_INTENTS

FIGURE_FRAMES = {"total", "category", "share", "complement", "breakdown", "ranking", "compare_periods",
                 "compare_directions", "series", "rate", "given"}
ORDINAL_CUES = {"rank_first": 1, "rank_second": 2, "rank_third": 3}
PREVIOUS_PLACE = -999  # "the one before it": one place up the ranking from the place last given
MIDDLE_PLACE = -998  # "the one in between": the middle place of a ranking with an odd number of places
RANK_CUES = frozenset({"rank_top", "rank_bottom", "rank_second_last"})  # not rank_order: it holds bare ordinals
# "and ...", "what about ...", "of those ...", "that ...", "in the same period ...": words that lean on the last answer.
LEAD_CUES = frozenset({"followup", "of_them", "same_period"})
# Cues that make a question its own kind when it also names its subject ("which transport mode
# did North Koreans use most?"); comparisons and shares are left out: "북한 주민과 비교하면?" edits.
OWN_INTENT_CUES = frozenset({"rank_top", "rank_bottom", "rank_order", "series", "breakdown", "sources", "caveat"})
# A fact the question names in its own words (a person, an event) scores well above this; the
# follow-ups of the gated sets that lean on a word like "and" score at most 4.6 ("кто это сказал?").
NAMED_FACT_SCORE = 5.0
FACT_WORDS_SCORE = 2.0  # "that forecast" names one of the person's statements (3.0); a stray word scores under 1
MIN_OWN_TOKENS = 4  # "by purpose?" (2) edits; "what was the top purpose?" (5) is its own
COMBINE_CUES = frozenset({"sum_given", "gap", "ratio_given", "change"})  # "how many times more did ...?" leans on the last figure
# A declined question leaves its figure frame for the next follow-up only when its words ask a
# figure ("Где ... работали десятки рабочих?" asks none) ...
FIGURE_ASK_CUES = frozenset({"count", "share", "rank_top", "rank_bottom", "change", "breakdown", "series", "average",
                             "avg_month", "avg_day", "avg_quarter"})
# ... and not who, where, when or why of something: that is about a statement, not a figure.
FACT_ASPECT_CUES = frozenset({"who_question", "who_said", "speech", "focus_place", "focus_date", "focus_person", "why"})
MAX_EDIT_TOKENS = 9  # a follow-up is short ...
MAX_BARE_EDIT_TOKENS = 3  # "그럼 3분기는?", "and Q3 then?": a lead word and the slot, nothing else
MAX_EDIT_TOKENS_LED = 12  # ... or led by "and", "what about", "그럼", "а"
FIGURE_MEASURE_CUES = frozenset({"count", "share", "change", "gap", "ratio_given", "sum_given", "average", "avg_month",
                                 "avg_day", "avg_quarter", "rank_top", "rank_bottom", "breakdown", "series"})
# "and the total?" after a category: these words drop the filter, unless a measure is asked too.
DROP_FILTER_CUES = frozenset({"count", "whole_span", "combine"})
MEASURE_CUES = frozenset({"share", "change", "sum_given", "gap", "ratio_given", "avg_month", "avg_day", "average",
                          "why", "who_said", "negation", "sources", "caveat", "help", "coverage", "series",
                          "breakdown", "speech", "who_question", "focus_place", "focus_date", "focus_person"})
PAIR_MEASURES = ("change", "gap", "ratio")  # measures of a pair of figures
MAX_DROP_FILTER_TOKENS = 6
MANY_THREE, MANY_FOUR = 3, 4  # "those three", "all four": how many of the last figures given
# "as a quarterly average?": with no slot of its own, an average can only be of the figure just given.
AVERAGE_CUES = frozenset({"avg_month", "avg_day", "avg_quarter", "followup_monthly"})
AVERAGE_OF_CUES = frozenset({"average", "avg_month", "avg_quarter"})  # "the 2022 quarterly average"  # "and the total that quarter?"; a longer question is its own
PERSON_KINDS = ("profile", "event")  # facts whose subject is a person ("he", "she")


# Edits that answer with a figure of the data (a count of people): a thing counted instead
# ("how many flights?") is refused before them.
FIGURE_EDITS = frozenset({"slots", "measure", "combine", "compare", "reverse", "complement", "quarter", "half"})


# A question made of a direction and these words only ("러시아에서 북한 쪽은?", "Russians to North
# Korea?") asks nothing of its own: the conversation's period and measure carry over to it.
DIRECTION_ONLY_CUES = frozenset({"filler", "from_marker", "to_marker", "from_after", "to_after", "movement",
                                 "people_nouns", "place_nouns"})


class FrameResolver(Protocol):
    """How an edit's words become slots: directions and periods resolved against the data."""

    def available(self, runner: QueryRunner, d: Direction, dimension: str = ..., category: str = ...) -> list[Period]: ...
    def resolve_mentions(self, mentions: list[PeriodMention], available: list[Period]) -> list[Period]: ...
    def direction_for(self, ex: Extraction) -> tuple[Direction, bool]: ...
    def pick_direction(self, citizens: str | None, dest: str | None, bare: list[Any]) -> tuple[Direction, bool]: ...


@dataclass(frozen=True)
class Edit:
    """What a follow-up changes.

    ``kind``: ``slots`` (period, category, direction or filter replaced: the frame is run again),
    ``measure`` (``measure`` names the new one: share, per_month, per_day), ``combine`` (the last
    two figures: ``measure`` sum, gap, ratio or change), ``compare`` (the last figure against the
    same figure with the named slot changed, or with quarter ``position`` of its year),
    ``ordinal`` (``position``: 1, 2, 3... from the top, -1, -2... from the bottom, 0 for "the next
    one", PREVIOUS_PLACE for "the one before it"), ``more_facts`` (the other statements of the
    person or outlet of ``name_fact``: "what else did he say?"), ``complement`` (everyone but the named or last category), ``quarter``
    (quarter ``position`` of the last period's year: "а в первом?"), ``half`` (the half of the year
    holding the last quarter: "а за полугодие?"), ``not_covered`` (a detail of the
    fact ``name_fact`` the report does not give: "what did they agree?"), ``why``, ``who_said``, ``person`` (``name_fact`` is the fact
    naming the person asked about), ``rank_pair`` (places ``pair`` of the last ranking, combined by
    ``measure``), ``fact_detail`` (which kind or place the last fact ``name_fact`` names:
    the fact again when it states it, else "the report doesn't say"), ``named_sum`` (the two
    categories named, summed, as ``measure``), ``pp_compare`` (the last share against a named
    category's, in points), ``add_named`` (the categories just given plus the one named, as
    ``measure`` sum or sum_share), ``profile`` (the report's profile of the person of fact
    ``name_fact``: "what is her job?"), ``no_person`` ("he", "she" with nobody named before), ``reverse``
    (the other direction), ``fact_when`` (the date of fact ``name_fact``: "when did he say that?"), ``fact_count`` (the
    amount fact ``name_fact`` states: "how many were there?"), ``fact_duration`` (the time limit
    it states: "within what time?").
    """

    kind: str
    measure: str | None = None
    position: int | None = None
    name_fact: str | None = None
    pair: tuple[int, int] | None = None  # two quarters of the last period's year, compared
    words: tuple[str, ...] = ()  # what the question asks that no figure answers ("which carrier")


def names_slots(ex: Extraction) -> bool:
    """Does the question name a period, direction or category of its own?"""
    return bool(ex.periods or ex.countries or ex.categories or ex.dimensions)


def uncovered(ex: Extraction) -> list[str]:
    """The question's words that nothing in the lexicon covers (a spelling fixed is covered)."""
    corrected = {a for a, _ in ex.corrected}
    return [w for w in ex.unknown if w not in corrected]


def _is_figure(ctx: FollowUp) -> bool:
    return ctx.intent in FIGURE_FRAMES


def names_other_slots(ex: Extraction) -> bool:
    """Does the question name a period, category or breakdown (anything but countries)?"""
    return bool(ex.periods or ex.categories or ex.dimensions)


def own_question(ex: Extraction, text_intent: bool) -> bool:
    """Does a question stand on its own although a conversation is going on? In a private chat
    every question has a previous one, so this decides between "a new topic" and "an edit".

    Not when a follow-up word leads it ("and ...", "what about ...", "that ...", "그중", "а ...")
    or it combines the figures just given. Otherwise yes when it names a whole direction ("nk->ru
    q2 2023"), asks "how many" of a named country, is one the matcher answers from the report's
    text (a fact, the sources), or asks its own kind of question (a ranking, a breakdown, a
    series) of a named country or breakdown.
    """
    cues = ex.cues.keys()
    combines = cues & COMBINE_CUES
    if cues & {"rank_top", "rank_bottom"}:
        combines -= {"change"}  # "top" and "most" are also comparison words ("topped"); with a ranking cue they rank
    if text_intent and ex.facts and ex.facts[0][1] >= NAMED_FACT_SCORE:
        return True  # "When did Choe Son Hui visit Russia, and whom did she meet?": "and" inside, not leading
    if cues & LEAD_CUES or _many_measure(ex) is not None:
        return False  # "Сколько всего этими тремя способами?" leans on the figures just given
    roles = {m.role for m in ex.countries}
    if {"citizens", "destination"} <= roles and not (cues <= DIRECTION_ONLY_CUES and not names_other_slots(ex)):
        return True  # "Q3 North Koreans to Russia vs Russians to North Korea?" names all it needs
    if combines:
        return False
    if cues & AVERAGE_CUES and not names_slots(ex):
        return False  # "분기 평균으로 하면?" also reads as a help request ("하면")
    if "count" in cues and ex.countries:
        return True
    if text_intent:
        return True
    # A bare "by purpose?" is an edit (a breakdown of the period just asked); "what was the top
    # purpose?" asks its own question.
    # Words, not tokens: the Korean analyser splits particles off ("목적별로는" -> 목적 별 로 는).
    words = [t for t in ex.toks if len(t) > 1]
    return bool(cues & OWN_INTENT_CUES) and bool(ex.countries or (ex.dimensions and len(words) >= MIN_OWN_TOKENS))


def read_edit(ex: Extraction, previous: FollowUp | None, text_intent: bool = False,
              unanswered: tuple[str, ...] = (), alone: str | None = None) -> Edit | None:
    """The edit a follow-up makes to ``previous``, or None when it is a question of its own.

    ``text_intent``: the matcher, reading the question alone, answers it from the report's text
    (a fact, the sources, the caveats). ``unanswered``: words no figure answers, as the question
    alone was read ("which carrier": a name asked of a figure). ``alone``: the intent the
    matcher gives the question on its own.
    """
    cues = ex.cues
    if ("pronoun_person" in cues and (previous is None or not (previous.person or previous.facts))
            and _asks_of_a_person(ex, alone)):
        # "Where does he teach?" with nobody named before: whoever "he" is, the conversation does
        # not say, and the question alone would be answered about something else (a figure, the sources).
        return Edit("no_person")
    if previous is None:
        return None
    # Longer questions stand on their own, unless a follow-up word leads them ("and Russians going
    # the other way in the same half?").
    short = len(ex.toks) <= (MAX_EDIT_TOKENS_LED if cues.keys() & LEAD_CUES else MAX_EDIT_TOKENS)
    slots = names_slots(ex)
    # A half named alone, with no year ("полгода": periods.py reads it alone as the first half)
    # is no period of its own after a quarter (the period reader took the word, so the cue is not
    # seen): the edit below places it.
    named_periods = _named_periods(ex)
    if (("bare_half" in cues or ex.periods and not named_periods) and not (named_periods or ex.countries or ex.categories)
            and previous.periods
            and previous.periods[-1].months == 3 and not cues.keys() & (MEASURE_CUES - {"share", "change", "focus_date"})):
        # "а за полугодие?", "and for the half-year?" after a quarter: the half of that year which
        # holds it (Q2 2023 -> H1 2023), as the quarter's own "the same year" would be the year.
        return Edit("half")
    # "why" also reads as the purpose dimension ("for what reason"); a bare "why?" names no slot.
    why_slots = bool(ex.periods or ex.countries or ex.categories)
    if (not _is_figure(previous) and previous.facts and "count" in cues and short and not slots and not uncovered(ex)
            and not cues.keys() & (FIGURE_MEASURE_CUES - {"count"}) and not (ex.facts and ex.facts[0][0] not in previous.facts
                                                                          and ex.facts[0][1] >= NAMED_FACT_SCORE)):
        # "How many were there?" after a fact: the amount the fact states, in its own words
        # ("dozens"), or "the report doesn't say how many"; never a figure of the data on defaults.
        return Edit("fact_count", name_fact=fact_asked(ex, previous))
    if (not _is_figure(previous) and previous.facts and "duration_question" in cues and short
            and not (ex.periods or ex.countries or ex.categories)):
        return Edit("fact_duration", name_fact=fact_asked(ex, previous))  # "В какой срок?" after the resolution
    when = _when_of_fact(ex, previous, short)
    if when is not None:
        return Edit("fact_when", name_fact=when)  # "when exactly did he say that?": the fact's own date, if it has one
    if "who_said" in cues and short and not (ex.periods or ex.countries) and (not slots or _is_figure(previous)):
        return Edit("who_said")  # "а кто считает, что рабочих больше?" after a figure: whose that category's figure is
    if "more_facts" in cues and previous.facts and short:
        return Edit("more_facts", name_fact=previous.person or previous.facts[0])  # "what else did he say?"
    if ("occupation" in cues and "pronoun_person" in cues and previous.person and short
            and not (ex.periods or ex.countries)):
        # "Where does he teach?", "What is her job?", "А кем он работает?": the report's profile of
        # the person last named (a "where" about him is no place, a "work" no purpose).
        return Edit("profile", name_fact=previous.person)
    if "pronoun_person" in cues and previous.person:
        return Edit("person", name_fact=previous.person)
    if not _is_figure(previous) and previous.facts and not slots and short and not ex.facts and uncovered(ex):
        # "What did they agree?" after a fact: a word nothing here covers, no figure or fact of its
        # own named: a detail of the last fact the report does not give, not a new figure question
        # ("어느 지역 ...?" asks which place: the fact answers when it names one).
        return Edit("fact_detail" if "which_kind" in cues else "not_covered", name_fact=previous.facts[0])
    if (_is_figure(previous) and previous.refs and cues.keys() & {"ratio_given", "change"} and cues.keys() & AVERAGE_OF_CUES
            and len(ex.periods) == 1 and not (ex.countries or ex.categories)):
        return Edit("average_multiple")  # "how many times 2022's quarterly average is that?"
    if (not _is_figure(previous) and previous.facts and "which_kind" in cues and short and ex.facts
            and ex.facts[0][0] in previous.facts and not (ex.periods or ex.countries) and not cues.keys() & FIGURE_MEASURE_CUES):
        return Edit("fact_detail", name_fact=ex.facts[0][0])  # "어느 지역 건설 사업이야?": of the fact just given
    if len(ex.periods) >= 2 and cues.keys() & AVERAGE_OF_CUES and cues.keys() & {"ratio_given", "change", "gap"}:
        return None  # "How many times 2022's quarterly average was Q3 2023?" names both sides: its own question
    if _other_direction_compared(ex, previous):
        # "How many times the North Koreans entering Russia in the same quarter is that?" after the
        # Russians' Q3 figure: the last figure against the one direction named, not a new comparison.
        return Edit("compare", measure="ratio" if "ratio_given" in cues else "gap" if "gap" in cues else "change")
    if own_question(ex, text_intent):
        return None  # "How many Russians went to North Korea in Q3?", "What do the authorities want?"
    if not _is_figure(previous):
        if previous.facts and "why" in cues and not why_slots and short:
            return Edit("why")
        if previous.facts and not slots and short and ("of_them" in cues or "focus_date" in cues or "when" in ex.toks):
            return Edit("person", name_fact=previous.facts[0])  # "when was that?": about the last fact
        if (previous.facts and "which_kind" in cues and short and not (ex.periods or ex.countries)
                and not cues.keys() & FIGURE_MEASURE_CUES):
            # "For what kind of projects?", "Для каких работ?" after a fact: a detail of that fact
            # (which it may state), never the count of a category the word also names ("работ").
            return Edit("fact_detail", name_fact=previous.facts[0])
        if (previous.facts and "count" in cues and short and ex.categories and not (ex.periods or ex.countries)
                and not cues.keys() & (FIGURE_MEASURE_CUES - {"count"})):
            # "Сколько рабочих?" after a fact about workers: the amount that fact gives, in its own
            # words, or "the report doesn't say"; never a category's count on a default period and
            # direction that the conversation never asked for.
            return Edit("fact_count", name_fact=fact_asked(ex, previous))
        if previous.nodata and previous.intent and slots and short and not ex.facts:
            return Edit("slots")
        return None
    if "why" in cues and short:
        return Edit("why")  # "why did it go up from Q1?": the reason for the figure just given, if the report has one
    if ("repeat" in cues and short and not slots and not ex.facts
            and not cues.keys() & (MEASURE_CUES | COMBINE_CUES | AVERAGE_CUES | {"negation", "other_measure"})):
        # "sorry, how many was it again?", "다시 몇 명이었죠?", "повтори?": the frame just answered,
        # run again unchanged; never a figure on the defaults nor "I can't answer that".
        return Edit("slots")
    if (previous.nodata and not previous.refs and slots and not ex.facts and "followup" in cues
            and "of_them" not in cues and cues.keys() & COMBINE_CUES and len(ex.toks) <= MAX_BARE_EDIT_TOKENS):
        # "그럼 3분기는?" after "Q2 by purpose?" (no breakdown for Q2): nothing was given to compare or
        # combine, so whatever else the words read as, the question names the slots to put in the frame.
        return Edit("slots")
    many = _many_measure(ex)
    if many is not None and not why_slots:
        # "those three together?", "the quarterly average across those three?": the last three
        # (or four) figures given, summed or averaged; a share, gap or ratio of three is refused
        # rather than computed from two of them.
        return Edit("combine", measure=many, position=MANY_FOUR if "four_given" in cues else MANY_THREE)
    if ("pp_gap" in cues and previous.refs and previous.measure in ("share", "sum_share", "pp_gap") and len(ex.categories) == 1
            and not (ex.periods or ex.countries)):
        # "How many percentage points below the business share?" after a share: the share just
        # given against the named category's, in points; never the named share alone or the counts' gap.
        return Edit("pp_compare")
    if ("both_given" in cues and cues.keys() & (AVERAGE_CUES | {"average"}) and not why_slots and len(previous.refs) >= 2
            and not cues.keys() & (COMBINE_CUES | {"share", "pp_gap"})):
        # "average of the two?" after two figures: their mean, as for "those three" (the span's
        # rate per quarter when they are consecutive quarters); never "I can't answer that".
        return Edit("combine", measure="mean_many", position=2)
    places = rank_places(ex)
    ranked = previous.dimensions and (previous.measure == "rank" or previous.intent == "ranking")
    if (ranked and len(places) < 2 and previous.rank_position and cues.keys() & {"rank_top", "rank_bottom"}
            and "of_them" in cues and cues.keys() & {"ratio_given", "gap", "sum_given"} and not slots):
        # "How many times bigger is the top one than that?" after a place: the top (or bottom)
        # place against the place last given, never the last two figures (a tie gives two).
        end = 1 if "rank_top" in cues else -1
        places = [end, previous.rank_position] if not places else [places[0], previous.rank_position]
        if len(set(places)) == 2:
            places = sorted(places, key=lambda x: (x < 0, abs(x)))
    if (len(places) == 2 and ranked
            and cues.keys() & {"ratio_given", "gap", "change", "sum_given"} and not slots):
        # "How many times bigger is the first than the second?" after a ranking: those two places of
        # the ranking, whichever figures the conversation gave last.
        measure = ("ratio" if "ratio_given" in cues else "gap" if "gap" in cues
                   else "sum" if "sum_given" in cues else "change")
        return Edit("rank_pair", measure=measure, pair=(places[0], places[1]))
    if ("absolute" in cues and not slots and len(previous.refs) >= 2 and short
            and (previous.measure in PAIR_MEASURES or previous.intent in ("compare_periods", "compare_directions"))):
        # "in absolute terms?", "а в людях?" after a % change or a ratio: the same two figures' difference.
        return Edit("combine", measure="gap")
    if (previous.intent == "compare_periods" and len(previous.periods) == 2 and ex.countries and short
            and not (ex.periods or ex.categories or ex.dimensions) and "change" in cues
            and not cues.keys() & {"of_them", "ratio_against", "ratio_given", "gap", "sum_given", "share"}):
        # "Russians, same comparison?", "did Russians also rise?" after Q2 -> Q3 for North Koreans:
        # the same two periods for the group named (or "not in the data" for a period it lacks),
        # never that group's figure set against the last one.
        return Edit("slots")
    side = _side_named(ex, previous)
    if side is None and "share" in cues and ex.countries and not (ex.periods or ex.categories or ex.dimensions) and short:
        # "Russian share?" when no two figures of one whole were given: the share of the group's
        # figure in what it names (its category), else "a share of what?", never its total.
        return Edit("measure", measure="share")
    if side is not None:
        # "North Korean share of that?", "그중 러시아인 비중은?", "А доля россиян?" after both
        # directions' figures of one period: that side's share of the two together, never the
        # named side's own total on the conversation's defaults.
        return Edit("combine", measure="side_share", position=side)
    if "both_directions" in cues and not slots and short and cues.keys() & {"combine", "sum_given", "overall"}:
        pair = previous.refs[-2:]
        if len(pair) == 2 and pair[0].direction != pair[1].direction and pair[0].period == pair[1].period:
            return Edit("combine", measure="sum")  # "Итого в обе стороны?" after each direction's figure: their sum
        if previous.direction is not None and previous.periods:
            # "both directions together?" after one direction's figure: both, for the conversation's period.
            return Edit("slots", measure="both_directions")
    given = _given_measure(ex, previous, slots)
    if given is not None:
        return Edit("combine", measure=given)  # "how many times bigger is the first than the second?", however long
    two_periods = len(ex.periods) == 2 or (len(ex.periods) == 1 and ex.periods[0].endpoints)  # "from Q2 to Q3"
    if (two_periods and not (ex.countries or ex.categories) and short
            and (previous.intent == "compare_periods" or previous.measure in PAIR_MEASURES)):
        # "and from Q2 to Q3?" after a change: the same comparison of the two periods named, not their sum.
        return Edit("compare", measure=previous.measure if previous.measure in PAIR_MEASURES else "change")
    if not short:
        return None
    if (previous.intent == "given" and previous.measure in PAIR_MEASURES and len(ex.periods) == 1
            and not (ex.countries or ex.categories or ex.dimensions) and "followup" in cues and len(previous.refs) >= 2
            and not cues.keys() & (MEASURE_CUES | AVERAGE_CUES) - {"change", "gap", "ratio_given"}
            and not ("count" in cues and not cues.keys() & {"change", "gap", "ratio_given"})):  # "and how many in 2023?" asks a count
        # "and on Q1?" after "is that up on Q2?": the same comparison with the other period put in.
        return Edit("compare", measure=previous.measure)
    if (previous.measure == "share" and len(ex.categories) == 2 and cues.keys() & {"combine", "sum_given"}
            and not (ex.periods or ex.countries) and previous.refs):
        return Edit("named_sum", measure="sum_share")  # "and by air and rail combined?" after a share: one share of both
    if "negation" in cues and (ex.categories or previous.categories) and not (ex.periods or ex.countries):
        return Edit("complement")  # "and everyone else?", "not by air?", "사업 외 목적은?"
    # "How much did their tickets cost?": a measure the figures do not have (a price, a wage) or a
    # word nothing covers, asked of the figure just given; never that figure or the total instead.
    other_measure = not slots and ("other_measure" in cues or uncovered(ex)) and not cues.keys() & MEASURE_CUES
    if previous.categories and not slots and not other_measure and cues.keys() & DROP_FILTER_CUES and not cues.keys() & MEASURE_CUES \
            and len(ex.toks) <= MAX_DROP_FILTER_TOKENS:
        return Edit("slots", measure="total")  # "and the total?", "전체는?", "а всего?": the filter removed
    if (previous.categories and "overall" in cues and (ex.periods or ex.countries) and not (ex.categories or ex.dimensions)
            and not cues.keys() & MEASURE_CUES and len(ex.toks) <= MAX_DROP_FILTER_TOKENS + 2):
        # "What was the 2022 total, then?", "А сколько всего во втором квартале?", "а всего
        # россиян?" after a category: the period's (or group's) total, the filter removed in so many words.
        return Edit("slots", measure="total")
    if (previous.nodata and not previous.categories and "overall" in cues and not slots
            and not cues.keys() & MEASURE_CUES and len(ex.toks) <= MAX_DROP_FILTER_TOKENS):
        # "ok, the total then?", "그럼 전체는?" after "how many women ...?" (no such figure): the
        # frame that was asked, for the whole group, not "I can't answer that" again.
        return Edit("slots", measure="total")
    if "reverse" in cues:  # "and Russians going the other way?": the country named is the reversed one
        return Edit("reverse")
    quarters = sorted(n for cue, n in ORDINAL_CUES.items() if cue in cues)
    if (quarters and not slots and len(previous.refs) >= 2 and previous.refs[-1].period == previous.refs[-2].period
            and cues.keys() & {"change", "gap", "ratio_given"} and not cues.keys() & RANK_CUES
            and previous.measure != "rank"):
        # "на сколько больше первых?" after two groups of one period: "the first" is the first
        # figure given, not the first quarter (the two figures differ in group, not in period).
        return Edit("combine", measure="ratio" if "ratio_given" in cues else "gap" if "gap" in cues else "change")
    if (len(quarters) == 2 and not ex.periods and previous.periods and previous.periods[-1].months == 3
            and (cues.keys() & {"change", "gap", "ratio_given"}
                 or previous.intent == "compare_periods" or previous.measure in PAIR_MEASURES)
            and not cues.keys() & RANK_CUES):
        # (After a comparison of periods, "а со второго на третий?" needs no comparison word of its own.)
        # "а в третьем по сравнению со вторым?": both quarters named, of the last period's year.
        return Edit("compare", measure="ratio" if "ratio_given" in cues else "change", pair=(quarters[0], quarters[1]))
    ordinal = _ordinal(ex, previous)
    if ordinal is not None:
        if ordinal.kind == "quarter" and {"change", "gap", "ratio_given", "share"} & cues.keys():
            return Edit("compare", measure="ratio" if "ratio_given" in cues else "change", position=ordinal.position)
        return ordinal
    if cues.keys() & AVERAGE_CUES:
        # "monthly?" alone is a monthly average only as a follow-up (data/cues.csv followup_monthly).
        return Edit("measure", measure="per_day" if "avg_day" in cues else "per_quarter" if "avg_quarter" in cues
                    else "per_month")
    if "sum_given" in cues and "share" in cues and not (ex.periods or ex.countries):
        return Edit("combine", measure="sum_share")  # "share of those two together?"
    combined = {"sum_given": "sum", "gap": "gap", "ratio_given": "ratio"}
    for cue, measure in combined.items():
        if cue in cues and not slots:
            return Edit("combine", measure=measure)
    if ("change" in cues or "gap" in cues or "ratio_given" in cues) and slots:
        return Edit("compare", measure="ratio" if "ratio_given" in cues else "change")
    if (cues.keys() & {"sum_given", "add_named"} and len(ex.categories) == 1 and not (ex.periods or ex.countries)
            and previous.refs and previous.refs[-1].dimension == ex.categories[0][0] and _changes_slots(ex, previous)
            and not cues.keys() & (MEASURE_CUES - {"share", "sum_given"})):
        # (Only to a category of the same breakdown: the total plus one of its parts is no sum.)
        # "항공편 입국자와 합치면 몇 명?", "with personal?", "вместе с образованием?" after a category:
        # the categories of that breakdown just given plus the one named, in the same period, as a
        # sum, or as a share when shares were being given; never the named category alone.
        return Edit("add_named", measure="sum_share" if previous.measure in ("share", "sum_share") or "share" in cues
                    else "sum")
    if "change" in cues and not slots:
        return Edit("combine", measure="change")
    if "share" in cues and not (ex.periods or ex.countries):
        if previous.measure == "sum" and not ex.categories:
            return Edit("combine", measure="sum_share")  # "as a share?" after "by air and by train combined"
        compared = (previous.intent == "given" and previous.measure in PAIR_MEASURES) or (
            previous.frame is not None and previous.frame.comparison == "categories")  # "how many more by air than by rail?"
        if (compared and not ex.categories and len(previous.refs) >= 2
                and len({(r.direction, r.period) for r in previous.refs[-2:]}) == 1
                and "all" not in {r.category for r in previous.refs[-2:]}):
            # "비율로는?", "а в процентах?" after two categories of one period set side by side:
            # each one's share of the total, with their difference in percent as before.
            return Edit("combine", measure="pair_share")
        if previous.measure in ("change", "gap", "ratio", "sum") and not ex.categories:
            return Edit("combine", measure="change")  # "in percent?" after a difference
        return Edit("measure", measure="share")
    if other_measure and "other_measure" in cues:
        return Edit("not_covered", words=tuple(uncovered(ex)))
    if slots and "both_given" in cues and not (ex.periods or ex.countries) and len({r.period for r in previous.refs[-2:]}) == 2:
        # "how many of those two quarters' arrivals came by air?": the filter on both periods just
        # given, which the data may have for one only; never the one figure it has.
        return Edit("slots", measure="both")
    if slots:
        words = tuple(uncovered(ex)) + tuple(w for w in unanswered if w not in uncovered(ex))
        if words and not _changes_slots(ex, previous):
            return Edit("not_covered", words=words)  # "which airline operated those flights?": the same figure, asked for what it lacks
        return Edit("slots")
    return None


# Bare English ordinals are no cue group: "first" and "second" also name periods ("first half").
# Read only where the question names no period.
EN_PLACES = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3}


def rank_places(ex: Extraction) -> list[int]:
    """The places of a ranking a question names ("the first than the second": [1, 2])."""
    if ex.periods:
        return []
    places = {n for cue, n in ORDINAL_CUES.items() if cue in ex.cues}
    places |= {EN_PLACES[t] for t in ex.toks if t in EN_PLACES}
    return sorted(places)


def words_of_another_fact(ex: Extraction, fact_id: str, given: tuple[str, ...], fact_keywords: dict[str, dict[tuple[str, ...], float]],
                          common: frozenset[str]) -> list[str]:
    """The question's words that fact ``fact_id`` has as keywords and none of the facts ``given``
    has, leaving out countries, categories and cues ("Russia", "who"): "avoiding" names the
    avoidance fact, not the resolution just given, so "which countries have been avoiding it?"
    asks that fact."""
    own = {w for k in fact_keywords.get(fact_id, {}) for w in k}
    theirs = {w for f in given for k in fact_keywords.get(f, {}) for w in k}
    return [t for t in ex.toks if t in own and t not in theirs and t not in common]


def _asks_of_a_person(ex: Extraction, alone: str | None) -> bool:
    """ "Where does he teach?", "What is her job?": a question about a person named only by a
    pronoun, not about a figure ("его доля" is the share of a figure) or a fact its words name
    ("whom did she meet?" names the visit)."""
    return not (ex.periods or ex.countries or (ex.facts and alone == "fact")
                or ex.cues.keys() & (FIGURE_MEASURE_CUES | {"combine"}))



def _named_periods(ex: Extraction) -> list[PeriodMention]:
    """The periods a question names, less a half named by its noun alone ("а за полгода?"): the
    period reader makes that the first half (its words are then no ``bare_half`` cue), but after
    a quarter it is the half holding it."""
    return [p for p in ex.periods if not (p.bare_half and p.year is None)]


def _changes_slots(ex: Extraction, previous: FollowUp) -> bool:
    """Does the follow-up name a period, country, category or breakdown the last frame did not have?"""
    return bool(ex.periods or ex.countries
                or {(d, c) for d, c, _ in ex.categories} - set(previous.categories)
                or set(ex.dimensions) - set(previous.dimensions))


def _when_of_fact(ex: Extraction, previous: FollowUp, short: bool) -> str | None:
    """The fact a "when" follow-up asks the date of: the fact just given (or the one of them the
    question's words name), unless the question names another fact strongly, or a period,
    country or category of its own (then it is a question of its own)."""
    if _is_figure(previous) or not previous.facts or "focus_date" not in ex.cues or not short:
        return None
    if ex.periods or ex.countries:
        return None  # a category word ("workers") is the fact's own subject here, not a filter
    if "future" in ex.cues and "speech" not in ex.cues:  # "그 예측은 언제 나온 거예요?" asks when it was said
        # "А когда Путин поедет в Пхеньян?" after Choe's visit: a future event, which the date of
        # the event just given does not answer; asked alone, it gets the report's forecast refusal.
        return None
    top = ex.facts[0] if ex.facts else None
    if top is not None and top[0] not in previous.facts and top[1] >= NAMED_FACT_SCORE:
        return None  # "When did Choe Son Hui visit Russia?" after a Lankov quote
    if (top is not None and top[0] not in previous.facts and previous.person and "pronoun_person" in ex.cues
            and top[1] >= FACT_WORDS_SCORE):
        return top[0]  # "When did he make that forecast?": his other statement, named by its words
    return fact_asked(ex, previous)


def fact_asked(ex: Extraction, previous: FollowUp) -> str:
    """Which of the facts just given a follow-up is about: the one its words name best ("how
    many do they want?" after the Vladivostok site and the Siberian demand), else the first."""
    return next((f for f, _ in ex.facts if f in previous.facts), previous.facts[0])


def _other_direction_compared(ex: Extraction, previous: FollowUp) -> bool:
    """Does a short comparison follow-up name one whole direction (citizens and destination, once
    each) other than the last figure's, and nothing to compare within itself (no two periods,
    categories or directions)? Then it compares the last figure with that direction's."""
    cues = ex.cues.keys()
    if not (_is_figure(previous) and previous.refs and cues & {"ratio_given", "gap", "change"}
            and cues & (LEAD_CUES | {"of_them", "ratio_against"})):
        return False  # "that", "это", "X의 몇 배": the subject compared is the figure just given
    roles = [m for m in ex.countries if m.role]
    citizens = [m.id for m in roles if m.role == "citizens"]
    dest = [m.id for m in roles if m.role == "destination"]
    if len(citizens) != 1 or len(dest) != 1 or len(ex.countries) != 2 or len(ex.periods) > 1 or ex.categories:
        return False
    last = previous.refs[-1].direction
    return (citizens[0], dest[0]) != (last.citizens, last.destination)


def _side_named(ex: Extraction, previous: FollowUp) -> int | None:
    """Which of the last two figures (0 or 1) a share question names, when the two differ in one
    slot only and the question names that slot's value for one of them: "North Korean share of
    that?" after both directions' Q3 figures, "what share of the two was Q3?" after Q2 and Q3,
    "business share of those?" after business and education. After such a share, the other
    value named alone ("and the Russians?") is the other side's. None otherwise."""
    if len(previous.refs) < 2 or ("share" not in ex.cues and previous.measure != "side_share"):
        return None
    if ex.cues.keys() & {"change", "gap", "ratio_given"} and "combine" not in ex.cues:
        # "the percentage increase from that figure to Q3?": a change, not a share ("합계 대비 ...
        # 비율", "of the combined" name the sum the share is of).
        return None
    a, b = previous.refs[-2:]
    differ = [a.direction != b.direction, a.period != b.period, (a.dimension, a.category) != (b.dimension, b.category)]
    if sum(differ) != 1 or ex.dimensions:
        return None
    if differ[0] and ex.countries and not (ex.periods or ex.categories):
        def fits(r: Ref) -> bool:
            # A group named without a role ("Russians", "러시아인") is the people travelling.
            return all(r.direction.destination == m.id if m.role == "destination" else r.direction.citizens == m.id
                       for m in ex.countries)
    elif differ[1] and len(ex.periods) == 1 and not (ex.countries or ex.categories):
        m = ex.periods[0]

        def fits(r: Ref) -> bool:
            # "Q3" without a year is the quarter of either figure's year; with one, that year's.
            year, first = divmod(r.period.start, 12)
            return (first + 1, first + r.period.months) == (m.m1, m.m2) and m.year in (None, year)
    elif differ[2] and len(ex.categories) == 1 and not (ex.countries or ex.periods):
        named = ex.categories[0][:2]

        def fits(r: Ref) -> bool:
            return (r.dimension, r.category) == named
    else:
        return None
    sides = {i for i, r in enumerate((a, b)) if fits(r)}
    return sides.pop() if len(sides) == 1 else None


def _many_measure(ex: Extraction) -> str | None:
    """What a follow-up asks of "those three" (``more_than_two``): their sum, their mean, or
    something of them this does not compute (``more_than_two``: refused); None when it asks none."""
    cues = ex.cues.keys()
    if "more_than_two" not in cues:
        return None
    if cues & {"rank_top", "rank_bottom"} and not cues & {"ratio_given", "gap", "share"}:
        # "which of those three is smallest?": among the three just given, not the whole ranking
        return "min_many" if "rank_bottom" in cues else "max_many"
    if cues & {"ratio_given", "gap", "change", "share", "pp_gap"}:
        return "more_than_two" if cues & (COMBINE_CUES | {"combine", "share"}) else None
    if cues & (AVERAGE_CUES | {"average"}):
        return "mean_many"
    if cues & {"sum_given", "combine", "overall"}:
        return "sum_many"  # "сколько всего по этим трём?"
    return None


def _given_measure(ex: Extraction, previous: FollowUp, slots: bool) -> str | None:
    """The sum, gap or ratio of the two figures just given, asked without naming any slot: with
    nothing of its own named there is nothing else such a question could be about, so it is an
    edit however long it is ("what's the total of those two quarters?" counts "combine" only
    with "those")."""
    cues = ex.cues.keys()
    if slots or len(previous.refs) < 2 or cues & {"why", "negation"}:
        return None
    if previous.measure == "share" and cues & {"pp_gap", "gap"}:
        return "pp_gap"  # "the gap in percentage points?" after two shares: of the shares, not the counts
    if "share" in cues:
        return None
    if "ratio_given" in cues:
        return "ratio"
    if "gap" in cues:
        return "gap"
    if "sum_given" in cues or {"combine", "of_them"} <= cues:
        # "вместе?" after two shares: the sum and its share of the period's total, the measure the
        # conversation was in; the sum alone would drop what was asked.
        a, b = previous.refs[-2:]
        one_total = a.period == b.period and a.direction == b.direction
        return "sum_share" if previous.measure == "share" and one_total else "sum"
    return None


def _ordinal(ex: Extraction, previous: FollowUp) -> Edit | None:
    """ "and the second?", "the least?", "the next one?" after a ranking; "а в первом?" after a quarter."""
    cues = ex.cues
    position = next((n for cue, n in ORDINAL_CUES.items() if cue in cues), None)
    if position is None and {"second", "2nd"} & set(ex.toks):
        position = 2
    if position is None and {"third", "3rd"} & set(ex.toks):
        position = 3
    bottom = "rank_bottom" in cues
    nxt = "next_rank" in cues
    ranked = previous.measure == "rank" or previous.intent == "ranking"
    # "and the second most common?" after the top one's share: still the ranking of that breakdown.
    asks_rank = bool(cues.keys() & RANK_CUES) and bool(previous.dimensions)
    if ranked or asks_rank:
        if ex.periods or ex.countries or (ex.dimensions and set(ex.dimensions) != set(previous.dimensions)):
            return None  # another period, country or breakdown: not a place in the last ranking
        if "rank_second_last" in cues:
            return Edit("ordinal", position=-2)
        if nxt and previous.rank_position:
            return Edit("ordinal", position=0)  # "the next-least?" after the least: on from the place last given
        if bottom:
            # "the second smallest?", "the third least common?": counted from the bottom.
            return Edit("ordinal", position=-position if position and position > 1 else -1)
        if nxt:
            return Edit("ordinal", position=0)
        if "prev_rank" in cues:
            return Edit("ordinal", position=PREVIOUS_PLACE)
        if "rank_middle" in cues:
            return Edit("ordinal", position=MIDDLE_PLACE)  # "and the one in between?" after the top and the bottom
        if position is not None:
            return Edit("ordinal", position=position)
        if "rank_top" in cues:
            return Edit("ordinal", position=1)
        if {"last"} & set(ex.toks):
            return Edit("ordinal", position=-1)
        return None
    if position is not None and not ex.periods and previous.periods and previous.periods[-1].months == 3 \
            and not cues.keys() & RANK_CUES:
        return Edit("quarter", position=position)  # "а в первом?" after a quarter: that quarter of the year
    return None


# --- applying an edit to the frame -----------------------------------------------------------


def fact_frame(facts: list[dict[str, Any]], now: float, nodata: bool = False, asked: str = "") -> FollowUp:
    """The state after a fact answer: which facts, and the person they name ("he", "she") —
    the one the question itself named when there are several ("what about Putin?")."""
    named = [f for f in facts if person_name(f)]
    words = set(asked.lower().split())
    person = next((f["fact_id"] for f in named if words & set(str(person_name(f)).lower().split())),
                  named[0]["fact_id"] if named else None)
    return FollowUp("fact", None, (), (), (), now, measure="fact", facts=tuple(f["fact_id"] for f in facts),
                    person=person, nodata=nodata)


def person_name(fact: dict[str, Any]) -> str | None:
    """The person a fact names: its speaker, or the subject of a profile or event; not "experts"."""
    speaker = (fact.get("speaker_en") or fact.get("speaker") or "").strip()
    if speaker and speaker[:1].isupper():
        return fact.get("speaker") or speaker
    if fact.get("kind") in PERSON_KINDS:
        return fact.get("subject")
    return None


def followup_measure(frame: QuestionFrame | None) -> str:
    """The measure a question frame leaves for its follow-ups: an average per month or day, else a count."""
    if frame is not None and frame.measure == "average_per_unit":
        return {"month": "per_month", "day": "per_day", "quarter": "per_quarter"}.get(frame.time_unit or "", "count")
    return "count"


def attempted_frame(p: FrameResolver, ex: Extraction, intent: str | None, runner: QueryRunner, now: float,
                    measure: str = "count") -> FollowUp | None:
    """The frame a question asked about when the data could not answer it, for the next follow-up."""
    if intent is None or intent in ("sources", "caveats", "help", "coverage", "fact"):
        return None
    try:
        direction, _ = p.direction_for(ex)
    except NoData:
        direction = None
    periods: list[Period] = []
    if direction is not None:
        periods = p.resolve_mentions(ex.periods, p.available(runner, direction))
    cats = tuple((d, i) for d, i, _ in ex.categories)
    dims = tuple(ex.dimensions) or tuple(c[0] for c in cats[:1])
    return FollowUp(intent, direction, tuple(periods), cats, dims, now, measure=measure, nodata=True)


def context_left(p: FrameResolver, ex: Extraction, intent: str | None, kind: str, context: FollowUp | None,
                 frame: QuestionFrame | None, runner: QueryRunner, now: float) -> FollowUp | None:
    """The frame an answer leaves for the next follow-up: ``context`` as it is, or, for a question
    declined or not in the data, the figure frame it asked about."""
    # A figure is asked by a figure word, or by naming who and when ("3분기 러시아인 방북자는?").
    asks_figure = bool(ex.cues.keys() & FIGURE_ASK_CUES) or (
        bool(ex.periods) and any(m.role == "citizens" for m in ex.countries))
    if (kind != "answer" and names_slots(ex) and asks_figure
            and not ex.cues.keys() & FACT_ASPECT_CUES) and (
            context is None or (context.intent == "fact" and context.nodata and "count" in ex.cues)):
        # A question declined or not in the data still leaves what it asked about ("3분기
        # 러시아인 방북자는 몇 명?" read as a fact): "and by air?" next is about the Russians, and
        # "why was that number so low?" about the figure asked, never the defaults.
        figure = intent if intent in FIGURE_INTENTS else "category" if ex.categories else "total"
        return attempted_frame(p, ex, figure, runner, now, followup_measure(frame)) or context
    return context


def named_frame(p: FrameResolver, ex: Extraction, runner: QueryRunner, now: float) -> FollowUp | None:
    """The figure a question names although it was answered from the text or by the claim check
    ("Who says 544 Russians went to North Korea in Q3?"): the next follow-up edits that figure
    ("how many of those were business trips?") rather than the defaults. None when the question
    names no figure: no number or period ("what does the report say about trade between North
    Korea and Russia?" names countries, not a figure)."""
    if not (ex.numbers or ex.periods):
        return None
    frame = attempted_frame(p, ex, "category" if ex.categories else "total", runner, now)
    if frame is None or frame.direction is None:
        return None
    refs: tuple[Ref, ...] = ()
    if len(frame.periods) == 1 and len(frame.categories) <= 1:
        dim, cat = frame.categories[0] if frame.categories else ("total", "all")
        if frame.periods[0] in p.available(runner, frame.direction, dim, cat):
            refs = (Ref(frame.direction, frame.periods[0], dim, cat),)
    return replace(frame, nodata=False, refs=refs)


def answered_frame(ex: Extraction, intent: str, ctx: FollowUp | None) -> FollowUp | None:
    """The state a fresh answer leaves for the next follow-up: "by air and by train combined?"
    gives one sum, and its measure says so, so "as a share?" is the sum's share."""
    if (ctx is not None and intent == "category" and len(ctx.categories) >= 2 and ctx.measure == "count"
            and ex.cues.keys() & {"combine", "sum_given"} and len(ctx.refs) >= 2):
        return replace(ctx, measure="sum")
    return ctx


def edited_frame(p: FrameResolver, ex: Extraction, previous: FollowUp, runner: QueryRunner, now: float,
                 drop_filter: bool = False) -> FollowUp:
    """The previous frame with whatever this question names put in place of what it had."""
    direction = previous.direction
    if ex.countries:
        citizens = next((m.id for m in ex.countries if m.role == "citizens"), None)
        dest = next((m.id for m in ex.countries if m.role == "destination"), None)
        direction = p.pick_direction(citizens, dest, [m for m in ex.countries if not m.role])[0]
    if direction is None:
        direction = p.direction_for(ex)[0]
    periods = tuple(previous.periods)
    if ex.periods:
        resolved = tuple(p.resolve_mentions(ex.periods, p.available(runner, direction)))
        kinds = {m.kind for m in ex.periods}
        if not resolved and previous.periods and kinds & {"previous", "relative"}:
            # "the previous quarter", "a year earlier": relative to the frame's own period.
            last = previous.periods[-1]
            shift = 12 if "relative" in kinds else last.months
            resolved = (Period(last.start - shift, last.end - shift),)
        periods = resolved or periods  # "the same half": nothing new, the frame's period stays
    cats = tuple((d, i) for d, i, _ in ex.categories) or tuple(previous.categories)
    dims = tuple(ex.dimensions) or tuple(previous.dimensions)
    if ex.categories and not ex.dimensions:
        dims = (ex.categories[0][0],)
    if "of_them" in ex.cues and ex.categories and previous.categories and \
            {d for d, _ in previous.categories}.isdisjoint(d for d, _, _ in ex.categories):
        # "and of those, how many for business?" after "by train": both filters, never one dropped.
        cats = tuple(previous.categories) + cats
    if ex.dimensions and not ex.categories:
        cats = ()
    if drop_filter:
        cats, dims = (), ()
    return replace(previous, direction=direction, periods=periods, categories=cats, dimensions=dims, created=now,
                   nodata=False)


def intent_for(frame: FollowUp, ex: Extraction, previous: FollowUp) -> str:
    """Which operation answers the edited frame: the previous measure, on the new slots."""
    if previous.measure == "share" and frame.categories:
        return "share"
    if previous.measure in ("per_month", "per_day", "per_quarter"):
        # "by purpose?" after a monthly average: the breakdown itself (no average of each part is
        # computed), never the total's average again as if it answered the breakdown.
        return "breakdown" if frame.dimensions and not frame.categories else "rate"
    if previous.intent == "series":
        return "series"
    if previous.intent == "compare_directions" and not ex.countries:
        return "compare_directions"  # "and H1 2023?" after "North Koreans vs Russians in Q3?"
    if previous.intent == "compare_periods" and len(frame.periods) == 2 and not ex.periods:
        return "compare_periods"  # "and for business?" after "Q2 vs Q3?"
    if previous.intent == "ranking" and not ex.categories:
        return "ranking"
    if frame.categories:
        return "category"
    if frame.dimensions:
        return "breakdown"
    return "total"


def mention_of(period: Period) -> PeriodMention:
    """A period of the data as if the question had named it (an operation's frame holds mentions)."""
    year, m0 = divmod(period.start, 12)
    kind = {3: "quarter", 6: "half", 12: "year"}.get(period.months, "months")
    return PeriodMention(kind, year, m0 + 1, m0 + period.months, text=period.code)


def average_multiple_frame(frame: QuestionFrame, ex: Extraction, previous: FollowUp) -> QuestionFrame:
    """ "How many times 2022's quarterly average is that?": the last figure as a multiple of the
    named span's average, in the unit asked (a quarter unless a month is named)."""
    ref = previous.refs[-1]
    unit = "month" if "avg_month" in ex.cues else "quarter"
    cats = (CategoryRef(ref.dimension, ref.category, -1),) if ref.category != "all" else ()
    return replace(frame, measure="multiple_of_average", comparison="periods", time_unit=unit,
                   periods=tuple(ex.periods) + (mention_of(ref.period),), categories=cats,
                   citizens=ref.direction.citizens, destination=ref.direction.destination)


def edit_frame(frame: QuestionFrame, ex: Extraction) -> QuestionFrame:
    """The last question's frame with what the follow-up names put in ("and in Q2?" after a
    monthly average is the monthly average of Q2): its periods, its categories, its countries."""
    changes: dict[str, Any] = {}
    periods = tuple(p for p in ex.periods if p.kind != "latest")
    if len(periods) == 1 and len(frame.periods) == 2 and frame.comparison == "periods":
        # "1분기는?" after "Q3 as a multiple of 2022's quarterly average": the period of the same
        # length is the one replaced; the other is what it is compared with.
        same = [i for i, m in enumerate(frame.periods) if m.m2 - m.m1 == periods[0].m2 - periods[0].m1]
        if len(same) == 1:
            kept = list(frame.periods)
            kept[same[0]] = periods[0]
            periods = tuple(kept)
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
