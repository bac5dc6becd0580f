"""Re-routing a question the operations did not answer: the matcher's reading, corrected by what
the words say ("..., right?" about one fact, "these figures come from ...", a duration asked of
a fact), and the words a figure answer would leave unanswered.

Pure: it reads the extraction and returns the decision; the pipeline renders it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from handlers.intents.texts import STATEMENT_CHECK_LANGS
from handlers.lexicon import Lexicon
from handlers.understanding.accounting import (document_number_put, question_focus, periods_joined_by_plus, year_range, asks_yes_or_no, detail_asked_ko, checks_a_statement, fact_words_a_figure_leaves, forecast_asked,
                                               growth_asked_of_levels, method_asked, month_asked, name_asked_of_a_figure,
                                               part_of_a_quoted_figure, periods_too_fine_or_left, reason_asked_of_a_figure,
                                               share_across_periods, share_without_part, states_duration, activity_asked,
                                               share_of_another_direction, subgroup_asked, subset_of_a_category,
                                               vague_part_of_a_year)
from handlers.model import QuestionFrame
from handlers.understanding.extract import COMPARATIVES, Extraction
from handlers.understanding.followup import FIGURE_ASK_CUES
from handlers.understanding.matcher import ACCEPT, FACT_STRONG, FIGURE_INTENTS, MatchResult

# A fact this strongly matched (and clearly more strongly than the next) is what a "..., right?"
# statement is about, unknown words and all. A name the report gives once ("Choe") is enough.
FACT_CHECKED = 3.0
CHECKED_LEAD = 1.75  # the best fact's lead over the next
# "the figures come from ...", "these stats are from ...": the data's origin, not a movement of people.
_DATA_FROM_RE = re.compile(r"\b(?:figures|numbers|stats|statistics|data|counts)\s+(?:\w+\s+)?(?:come|comes|came|are|were|is)"
                           r"\s+(?:from|sourced from|published by|compiled by)\b")


# A count asked for in words; "the figures", "the statistics" alone name the data, not a count of it.
_COUNT_ASKED_RE = re.compile(r"\b(?:how many|how much|number of|total|count|tally|headcount)\b")
# A duration stated in a question ("within 12 months", "36 months"): checked against a fact's.
STATED_DURATION_RE = re.compile(r"\b\d+\s*-?\s*(?:months?|years?|weeks?|days?)\b")
# Question words that ask who, when or which of a thing: of the figures, that is their source.
SOURCE_ASPECT_CUES = frozenset({"who_question", "focus_person", "focus_date", "which_kind"})
# A ranking's words left over are unanswered only when it asks for a place or a person ("which
# Russian region did most go to?"); its "which" otherwise names what is ranked ("which overland mode").
PLACE_OR_PERSON_CUES = frozenset({"asks_place", "focus_place", "focus_person"})


@dataclass(frozen=True)
class Route:
    """The final reading, the words it leaves unanswered, and the (intent, score) the answer shows
    when a re-route changed them (None: the answer keeps the ones it had)."""

    result: MatchResult
    unanswered: list[str]
    shown: tuple[str | None, float] | None


def reread_measure(ex: Extraction, result: MatchResult, frame: QuestionFrame) -> MatchResult | None:
    """Before the operations: a reading the frame's words decide over the matcher's, or None.
    The caller rebuilds the frame for the new intent and shows it."""
    if "share" in ex.cues and not frame.categories and len(ex.periods) >= 2 and result.intent == "total":
        # "1~9월 누적 중 1분기 비중은?": a share of one period in another is their comparison,
        # which gives the ratio; a list of the two figures leaves it out.
        return MatchResult("compare_periods", max(result.score, ACCEPT), "answer", result.ranked, result.penalties)
    if (result.intent == "caveats" and len(ex.categories) >= 2 and ex.cues.keys() >= {"sum_given", "count"}
            and "why" not in ex.cues):
        # "철도·차량·도보·수로 네 가지를 다 더하면 몇 명?": named categories summed, with a count
        # asked, is their sum; "다 더하면" alone is no question about why the parts do not add up.
        return MatchResult("category", max(result.score, ACCEPT), "answer", result.ranked, result.penalties)
    if (result.intent in ("caveats", "fact") and len(ex.categories) >= 2 and ex.cues.keys() & {"sum_given", "combine"}
            and not ex.cues.keys() & {"why", "caveat"} and not ex.fact_only_words):
        # "If I add business, education, personal, vehicle maintenance and work, what do I get?":
        # the categories named and summed are their sum, whatever "what do I get" sounds like.
        return MatchResult("category", max(result.score, ACCEPT), "answer", result.ranked, result.penalties)
    if (result.intent in ("total", "category", "share") and "rank_after" in ex.cues and len(ex.categories) == 1
            and not ex.numbers and len(ex.periods) <= 1):
        # "사업 다음으로 많은 목적은?", "Что идёт следом за деловыми поездками?": the category named
        # is the point of reference; the one ranked after it is asked (figures.py, _i_ranking).
        return MatchResult("ranking", max(result.score, ACCEPT), "answer", result.ranked, result.penalties)
    if result.intent in ("total", "category") and countries_set_against(ex) and len(ex.periods) <= 1:
        # "Who sent more business travellers in Q3, North Korea or Russia?", "q3 ru minus nk": two
        # countries set against each other are the two directions compared.
        return MatchResult("compare_directions", max(result.score, ACCEPT), "answer", result.ranked, result.penalties)
    if result.intent == "series" and ex.cues.keys() & {"combine", "sum_given"} and ex.periods and "change" not in ex.cues:
        # "If the 2023 quarters are 153, 213 and 365, what's the sum?": a sum over the period named,
        # not the list of every period.
        return MatchResult("total", max(result.score, ACCEPT), "answer", result.ranked, result.penalties)
    if result.intent == "complement" and "share" in ex.cues and frame.categories and not frame.excluded:
        # "Business share of the published purposes, not of the total": the frame sets nothing
        # aside (the negation is of a base), so it is the category's share, not its complement.
        return MatchResult("share", max(result.score, ACCEPT), "answer", result.ranked, result.penalties)
    if result.intent == "compare_periods" and "change" not in ex.cues and (periods_joined_by_plus(ex) or year_range(ex)):
        # "2022 + 2023 ytd": periods written as a sum are their sum, not a comparison.
        return MatchResult("total", max(result.score, ACCEPT), "answer", result.ranked, result.penalties)
    if (result.intent == "caveats" and len(ex.periods) >= 2 and not ex.categories and "count" in ex.cues
            and ex.cues.keys() & {"sum_given", "combine"} and "why" not in ex.cues):
        # "Add 2022 to everything we have for 2023: how many in all?": periods summed, with a
        # count asked, is their sum ("add ... to" is no question about parts that do not add up).
        return MatchResult("total", max(result.score, ACCEPT), "answer", result.ranked, result.penalties)
    return None


# "How many people did NK News interview?": a count of what a source did, not of entries.
_SOURCE_DID_RE = re.compile(r"\bhow many\b.*\b(?:did|does|do|has|have)\s+(?:the\s+)?(?:fsb|nk news|donga)\b")
# "Did the FSB publish monthly numbers?": the sources publish no figures finer than a quarter.
_FINER_UNIT_RE = re.compile(r"\b(?:monthly|weekly|daily|month-by-month|week-by-week|day-by-day)\b")
_AGAINST_WORDS = frozenset({"minus", "vs", "versus", "against", "less"})


def countries_set_against(ex: Extraction) -> bool:
    """Two countries next to each other, joined by "or" (with a comparative in the question:
    "who sent more, North Korea or Russia?") or by "minus"/"vs" ("ru minus nk"): the directions
    are compared. Not "did more go to Russia by air or by rail?": no country after the "or"."""
    ms = sorted(ex.countries, key=lambda m: m.pos)
    for a, b in zip(ms, ms[1:]):
        between = set(ex.toks[a.end:b.pos])
        if a.id != b.id and b.pos - a.end <= 3 and (
                "or" in between and COMPARATIVES & set(ex.toks) or between & _AGAINST_WORDS):
            return True
    return False


def route(ex: Extraction, result: MatchResult, lang: str, lexicon: Lexicon,
          fact_statement: Callable[[str], str]) -> Route:
    """The reading after the operations declined: each re-route below applies in turn."""
    shown: tuple[str | None, float] | None = None

    def checks() -> bool:
        return checks_a_statement(ex) if lang in STATEMENT_CHECK_LANGS else asks_yes_or_no(ex, lexicon)

    if (result.decision == "suggest" and result.intent == "fact" and "duration_question" in ex.cues
            and states_duration(fact_statement(ex.facts[0][0]))):
        # "Within how many months must workers be sent home?": the top fact states a duration.
        result = MatchResult("fact", max(result.score, ACCEPT), "answer", result.ranked, result.penalties)
        shown = result.intent, result.score
    if (lang == "en" and result.intent in FIGURE_INTENTS and "sources" in ex.cues and ex.cues.keys() & SOURCE_ASPECT_CUES
            and not (ex.periods or ex.categories or ex.numbers) and not _COUNT_ASKED_RE.search(ex.text.lower())):
        # "When did NK News publish the figures?", "who leaked the FSB statistics?": who or when
        # asked of the figures themselves is a question about their source chain, never a count.
        result = MatchResult("sources", max(result.score, ACCEPT), "answer", result.ranked, result.penalties)
        shown = result.intent, result.score
    if (lang == "en" and "sources" in ex.cues and checks_a_statement(ex) and _DATA_FROM_RE.search(ex.text)
            and result.intent != "sources"):
        # "These figures come from Russia's customs office, correct?": the figures are what comes
        # from somewhere, so it is a statement about the sources, not people coming from Russia.
        # Only a suggestion, so the answer keeps the intent and score it had.
        result = MatchResult("sources", max(result.score, ACCEPT), "suggest", result.ranked, result.penalties)
    if (lang not in STATEMENT_CHECK_LANGS and "sources" in ex.cues and asks_yes_or_no(ex, lexicon) and result.intent != "sources"
            and not (ex.numbers or ex.periods or ex.categories or ex.facts)):
        # "통계 출처가 러시아 통계청 맞나요?": a statement about the sources and nothing else.
        result = MatchResult("sources", max(result.score, ACCEPT), "suggest", result.ranked, result.penalties)
    if result.intent == "sources" and result.decision != "answer" and "sources" in ex.cues and checks():
        # "These numbers come from the Interior Ministry, right?": a statement about the sources,
        # checked against them; the words they do not contain are what it gets wrong.
        result = MatchResult("sources", max(result.score, ACCEPT), "answer", result.ranked, result.penalties)
        shown = result.intent, result.score
    if result.intent == "sources":
        # "Who heads the FSB?": a person asked for, about nothing the report states.
        asks_person = "who_question" in ex.cues and not ex.facts and lang == "en"
        unanswered = [w for w in ex.unknown if w not in {a for a, _ in ex.corrected}] if asks_person else []
        if "asks_place" in ex.cues and "where" not in ex.toks:
            # "Which North Korean province did most travellers come from?": "come from" is no
            # question about the sources when a place is asked for; the figures name none.
            unanswered += [w for w in name_asked_of_a_figure(ex, lexicon) if w not in unanswered]
        unanswered += [w for w in _FINER_UNIT_RE.findall(ex.text.lower()) if w not in unanswered]
        if "method_question" in ex.cues:
            unanswered += method_asked(ex)  # "FSB 통계 집계 방식은?": the list of sources does not say how
        if lang == "en" and "which_kind" in ex.cues and ex.facts and ex.facts[0][1] >= FACT_STRONG:
            # "What kind of weapons did Russia get, according to this report?": the kind of a thing a
            # statement names is asked; "according to" hedges it, and the list of sources names no kind.
            unanswered += [w for w in question_focus(ex.text, lexicon) or ["what kind"] if w not in unanswered]
    else:
        unanswered = (fact_words_a_figure_leaves(ex, lexicon) + name_asked_of_a_figure(ex, lexicon)
                      + growth_asked_of_levels(ex, result.intent) + subgroup_asked(ex, lexicon)
                      + reason_asked_of_a_figure(ex) + subset_of_a_category(ex) + forecast_asked(ex)
                      + method_asked(ex) + vague_part_of_a_year(ex) + share_across_periods(ex, result.intent)
                      + share_without_part(ex, result.intent) + activity_asked(ex) + share_of_another_direction(ex)
                      # "How many people did NK News interview?": what a source did is no count of entries
                      + ([w for w in ex.unknown if w not in {a for a, _ in ex.corrected}]
                         if lang == "en" and "sources" in ex.cues and result.intent in FIGURE_INTENTS
                         and _SOURCE_DID_RE.search(ex.text.lower()) else [])
                      # "Where in Russia did the students go?": a place asked of a figure, which names none
                      + (["where"] if ex.toks[:1] == ["where"] and result.intent in FIGURE_INTENTS else [])
                      + part_of_a_quoted_figure(ex, lexicon) + detail_asked_ko(ex, lexicon)
                      + content_left_koru(ex, lang, result.intent, lexicon))
        # a month asked, or a period finer than the data or left unread: each named once
        unanswered += [w for w in month_asked(ex) + periods_too_fine_or_left(ex, lexicon) if w not in unanswered]
    # "Is Lankov at Seoul National University?": a name the report does not know, put to a person's
    # profile, is checked against it, though his name matches his other statements as well.
    profile_checked = (lang == "en" and bool(ex.facts) and ex.facts[0][0] in lexicon.profile_facts
                       and bool(ex.proper_unknown) and (checks() or ex.toks[:1] in (["is"], ["was"], ["does"], ["did"])))
    if (ex.facts and ex.facts[0][1] >= FACT_CHECKED and (checks() or profile_checked)
            and (all(ex.facts[0][1] >= CHECKED_LEAD * score for _, score in ex.facts[1:2]) or profile_checked)
            and (result.decision != "answer" or unanswered and result.intent in FIGURE_INTENTS + ("sources",))):
        # "Lankov teaches at SNU, right?", "2397 gives 36 months, correct?": a statement about one
        # fact, checked against it, whatever the other words made the matcher hear.
        result = MatchResult("fact", max(result.score, ACCEPT), "answer", result.ranked, result.penalties)
        shown, unanswered = (result.intent, result.score), []
    if (lang == "en" and (result.intent, result.decision) != ("fact", "answer") and ex.facts
            and STATED_DURATION_RE.search(ex.text.lower()) and checks()
            and states_duration(fact_statement(ex.facts[0][0]))):
        # "2397 gives countries 36 months to send the workers home, correct?": a duration stated
        # and checked against the fact that states one; "workers" does not make it a count.
        result = MatchResult("fact", max(result.score, ACCEPT), "answer", result.ranked, result.penalties)
        shown, unanswered = (result.intent, result.score), []
    if (result.decision == "answer" and unanswered and result.intent in FIGURE_INTENTS and ex.facts
            and not ex.cues.keys() & FIGURE_ASK_CUES and not (ex.periods or ex.categories or ex.numbers)):
        # "이를 회피해 온 나라는 어디인가요?": no figure word, no period or category, and the
        # words a figure leaves out are a fact's: that fact is what is asked, not a count.
        result = MatchResult("fact", max(result.score, ACCEPT), "answer", result.ranked, result.penalties)
        shown, unanswered = (result.intent, result.score), []
    if (result.intent in FIGURE_INTENTS and ex.facts and ex.facts[0][1] >= FACT_CHECKED
            and ("who_question" in ex.cues or {"which_kind", "focus_person"} <= ex.cues.keys())
            and not ex.cues.keys() & FIGURE_ASK_CUES and not (ex.categories or ex.numbers)
            and all(ex.facts[0][1] >= CHECKED_LEAD * score for _, score in ex.facts[1:2])):
        # "Which North Korean minister visited Russia in January 2024?": a person asked for, no
        # count asked, and one fact clearly ahead; the figures name no person, and a month outside
        # them is that fact's date, not a period too fine for a count.
        result = MatchResult("fact", max(result.score, ACCEPT), "answer", result.ranked, result.penalties)
        shown, unanswered = (result.intent, result.score), []
    if (lang == "en" and result.intent in FIGURE_INTENTS and ex.facts
            and document_number_put(ex.text, fact_statement(ex.facts[0][0]))):
        # "Was it Resolution 2375 that told states to send NK workers home?": a number after a word
        # the top fact numbers things by ("Resolution 2397") is that document's number, checked
        # against the fact, not a count; "workers" does not make it a figure question.
        result = MatchResult("fact", max(result.score, ACCEPT), "answer", result.ranked, result.penalties)
        shown, unanswered = (result.intent, result.score), []
    return Route(result, unanswered, shown)


def content_left_koru(ex: Extraction, lang: str, intent: str | None, lexicon: Lexicon) -> list[str]:
    """ "러시아 입국이 거부된 북한 주민 수는?", "Через какой пограничный переход ...?": a Korean or
    Russian content word nothing consumed (no period, country, category, cue or fact keyword) in the
    place that changes what is counted or named: in Korean, a word that qualifies the people counted
    (right before a country or a noun of people: refused, deported), in Russian, the thing a "which"
    asks for (a crossing, an airline). A figure answer would pass over it, so it is named as what the
    report does not give. Other unknown words (colloquial verbs, abbreviations, a Hanja 北) are left
    to the matcher, as before: refusing on them would refuse questions the figures answer."""
    if lang not in ("ko", "ru") or intent not in FIGURE_INTENTS:
        return []
    corrected = {a for a, _ in ex.corrected}
    unknown = [w for w in ex.unknown if w not in corrected and not w.isdigit()]
    if not unknown:
        return []
    toks = ex.toks
    out: list[str] = []
    for i, tok in enumerate(toks[:-1]):
        if tok not in unknown:
            continue
        # a noun only: a verb's lemma ends in 다 ("NK뉴스가 전한 ... 입국자": who reported it, not who is counted)
        if lang == "ko" and len(tok) >= 2 and not tok.endswith("다") and all("\uac00" <= ch <= "\ud7a3" for ch in tok):
            following = {(x.kind, x.id) for x in lexicon.phrases.get((toks[i + 1],), ())}
            if any(kind == "country" for kind, _ in following) or ("cue", "people_nouns") in following:
                out.append(tok)  # "거부(된) 북한 주민": a kind of people the figures do not count
        elif lang == "ru" and i and any((x.kind, x.id) == ("cue", "which_kind") for x in lexicon.phrases.get((toks[i - 1],), ())):
            # "какой пограничный переход": the words a "which" asks for, up to the first known word
            run = [tok] + [t for t in toks[i + 1:i + 3] if t in unknown]
            out.append(" ".join(run))
    return list(dict.fromkeys(out))[:2]
