"""The intent matcher: pure, scored, with named thresholds.

Given what a question names (an :class:`Extraction`), every intent gets a score from 0 to 100:
the strength of its cue phrases (fuzzy-matched, so a typo costs a little) and whether the
entities it needs are present. Words the bot does not know lower every score, an unknown word
in a category slot ("by bicycle") most of all. The decision is then explicit:

- ``answer`` when the best score reaches ``ACCEPT`` and beats any rival of a different kind
  by ``AMBIGUITY_MARGIN``;
- ``suggest`` ("did you mean") when it reaches ``SUGGEST`` or rivals are too close;
- ``unknown`` otherwise, and the pipeline says honestly what it does know.
"""

from __future__ import annotations

import re

from dataclasses import dataclass, field

from handlers.language import detect
from handlers.understanding.extract import Extraction

ACCEPT = 70.0
SUGGEST = 40.0
AMBIGUITY_MARGIN = 10.0

UNKNOWN_WORD_PENALTY = 3.0  # a word the bot does not know, outside any slot: framing, mostly
UNKNOWN_PENALTY_CAP = 9.0
# A fact is found by a few keywords, so words it does not explain weigh more against it:
# "how old is Kim Jong Un" shares only "UN" with Resolution 2397.
FACT_UNKNOWN_PENALTY = 12.0
FACT_UNKNOWN_CAP = 36.0
FACT_NO_QUANTITY_PENALTY = 30.0  # "how many flights a week": the flights fact states no amount
OTHER_MEASURE_FACT_PENALTY = 40.0  # a fact rarely states wages or airlines; when it does, the focus check lets it through
PROPER_UNKNOWN_PENALTY = 40.0  # "what did Peskov say": a person or place the report does not mention
SPEECH_FIGURE_PENALTY = 10.0  # "what did X say about the workers": words, not a figure
NAMED_SUBJECT_PENALTY = 25.0
WHO_QUESTION_PENALTY = 30.0
OPINION_PENALTY = 45.0  # "should the UN sanction Russia?": the bot reports, it does not opine
MEASURE_UNKNOWN_PENALTY = 45.0  # "how many soldiers": another measure than the one in the data
SLOT_UNKNOWN_PENALTY = 50.0  # "by bicycle": a category the data does not have
EXIT_PENALTY = 50.0  # "how many left Russia": the data counts entries, not departures
DAY_ORDINAL_RE = re.compile(r"(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)")
FACT_STRONG = 2.5  # fact keyword weight that identifies a fact on its own (a rare name or term)

FIGURE_INTENTS = ("total", "category", "breakdown", "share", "complement", "ranking",
                  "compare_periods", "compare_directions", "series")
# Families: intents in the same family answer compatible questions, so closeness is no ambiguity.
# A figure answer and a text answer (fact, sources, caveats) are the rivals worth a "did you mean";
# two text answers close together are both honest, so the better one is given.
FAMILY = {**{i: "figure" for i in FIGURE_INTENTS}, "fact": "text", "sources": "text", "caveats": "text",
          "help": "text", "coverage": "text"}


@dataclass(frozen=True)
class MatchResult:
    """The matcher's decision with its evidence."""

    intent: str | None
    score: float
    decision: str  # "answer" | "suggest" | "unknown"
    ranked: tuple[tuple[str, float], ...] = ()
    penalties: tuple[str, ...] = ()
    flags: dict[str, bool] = field(default_factory=dict)


CAVEAT_WEAK_BESIDE = 55.0  # a weak doubt word beside a fact or a figure: below either
CAVEAT_WEAK_FACT = 2.0  # a fact this strongly matched is what "exactly"/"actually" qualifies

FIGURE_CUES = {"count", "movement", "share", "rank_top", "rank_bottom", "rank_order", "series", "breakdown",
               "change", "combine", "both_directions"}


def _figure_cue(ex: Extraction) -> bool:
    """Words that ask for a number: "how many", "arrivals", "share", "rise", a number itself."""
    return bool(ex.cues.keys() & FIGURE_CUES or ex.numbers)


def _figure_signal(ex: Extraction) -> bool:
    """Does the question talk about the figures at all? A country alone does not ("capital of Russia")."""
    return bool(ex.categories or ex.dimensions or ex.periods or (_figure_cue(ex) and (ex.countries or "movement" in ex.cues
                or ex.cues.keys() & (FIGURE_CUES - {"count", "movement"}))))


def score_intents(ex: Extraction) -> dict[str, float]:
    """Raw scores before penalties; an intent absent from the dict does not apply."""
    c = ex.cues
    s: dict[str, float] = {}
    real_periods = [p for p in ex.periods if p.kind not in ("latest", "previous", "relative")]
    has_cat = bool(ex.categories)
    has_dim = bool(ex.dimensions)
    citizens = {m.id for m in ex.countries if m.role == "citizens"}
    figure = _figure_signal(ex)
    domain = bool(ex.countries or ex.categories or ex.dimensions or ex.facts)

    def cue(name: str) -> float:
        return c.get(name, 0.0)

    asks_figure = "count" in c and bool(ex.countries or ex.periods or ex.categories)
    if "caveat" in c:
        s["caveats"] = 85 + 0.1 * cue("caveat")
    elif "caveat_weak" in c:
        # "실제", "реально" ("actually", "exactly"): a doubt about the data only when nothing else is
        # asked; beside a fact ("exactly how many at the site?") or a stated figure it qualifies that.
        # So is a figure asked of a named period ("정확히 3분기 철도로 몇 명?"); not "how many
        # workers actually came?", which asks for the experts' estimates. A share asked of a named
        # category ("사업 목적이 절반이라던데 정확한 비중은?") is a figure too: the estimates are counts.
        beside = (ex.numbers or (ex.facts and ex.facts[0][1] >= CAVEAT_WEAK_FACT)
                  or ("count" in c and bool(real_periods)) or ("share" in c and has_cat))
        s["caveats"] = CAVEAT_WEAK_BESIDE if beside else 85.0
    if "sources" in c:
        # "how many ..., according to the FSB?" asks for the figure; the source comes with it.
        figure_entities = bool(ex.categories or ex.dimensions or (ex.countries and real_periods))
        s["sources"] = 85 + 0.1 * cue("sources") - (25 if (has_cat or "share" in c or "change" in c or asks_figure
                                                             or figure_entities) else 0)
    if "coverage" in c:
        # "Which countries are avoiding repatriation?": words only a fact accounts for are not
        # about what the data covers.
        s["coverage"] = 80 + 0.1 * cue("coverage") - (35 if ex.fact_only_words and ex.facts else 0)
    strong_fact = bool(ex.facts) and ex.facts[0][1] >= FACT_STRONG * 1.5
    if strong_fact:
        # "which countries avoid repatriation under 2397": the fact, not the list of countries covered.
        for meta in ("sources", "coverage"):
            if meta in s:
                s[meta] -= 20
    if "help" in c and not domain and not ex.periods:
        s["help"] = 80 + 0.1 * cue("help")
    cue_for_figure = _figure_cue(ex)
    if ex.facts:
        top = ex.facts[0][1]
        fact = min(95.0, 45 + 12 * top)
        if figure and cue_for_figure and top < FACT_STRONG * 1.6:
            fact -= 20  # a common keyword beside "how many ... in Q3" is weak evidence of a fact question
        if "measure_head" in c and c.keys() & {"count"} and ex.facts[0][0] not in ex.quantitative_facts:
            fact -= FACT_NO_QUANTITY_PENALTY
        s["fact"] = fact
    if not figure and not ("count" in c and domain):
        return s
    movement = "movement" in c and "count" in c  # "how many arrivals?": about this data, defaults said
    about_figures = bool(c.keys() & (FIGURE_CUES - {"count", "movement"}))  # "trend?", "breakdown?"
    base = 80.0 if (domain or real_periods or movement or about_figures) else 45.0
    if not cue_for_figure:
        base -= 8  # "NK workers in Siberia?": entities but no word asking for a number
    if "stock" in c:
        base -= 30  # "how many are living in Russia now": a stock, while the data counts entries  # "how many?" with nothing else is not a question about this data
    if "series" in c:
        s["series"] = base + 10
    if "both_directions" in c or len(citizens) >= 2:
        s["compare_directions"] = base + 9
    if c.keys() & {"rank_top", "rank_bottom", "rank_order"} and (has_dim or has_cat):
        s["ranking"] = base + 8
    elif c.keys() & {"rank_top", "rank_bottom", "rank_order"} and "change" not in c and (
            len(real_periods) >= 2 or any(p.m2 - p.m1 >= 3 for p in real_periods) or {"quarter", "period", "year", "half"} & set(ex.toks)
            or "period_nouns" in c):
        s["ranking"] = base + 8  # "which quarter had the most arrivals", "rank the quarters": periods ranked
    elif c.keys() & {"rank_top", "rank_bottom", "rank_order"}:
        # "which was most common?" of what: purposes or transport? Ask, don't pick.
        s["ranking"] = base - 25
        s["total"] = base - 30
    if "share" in c and has_cat:
        s["complement" if "negation" in c else "share"] = base + 7
    elif "negation" in c and has_cat:
        s["complement"] = base + 6
    if (len(real_periods) >= 3 or (len(real_periods) >= 2 and "combine" in c)) and "change" not in c:
        s["total"] = base + 6  # "Q1, Q2 and Q3 (combined)": a list of totals with their sum
    elif len(ex.categories) >= 2 and len(real_periods) < 2:
        pass  # "ratio of business to education": categories compared within one period
    elif len(real_periods) >= 2 or ("change" in c and not has_dim and (
            real_periods or any(p.kind in ("previous", "relative") for p in ex.periods))):
        s["compare_periods"] = base + 5
    elif "change" in c and not has_cat and not has_dim:
        s["compare_periods"] = base + 1  # "how much did it rise?": the latest period against the one before
    if has_dim and not has_cat:
        s["breakdown"] = base + 3
    elif "breakdown" in c:
        s["breakdown"] = base - 5 if has_cat else base - 8  # "list ..." alone: a breakdown of what?
    if "share" in c and not has_cat:
        s["breakdown"] = max(s.get("breakdown", 0), base - 2)
    if has_cat:
        s["category"] = base + 2
    s.setdefault("total", base)
    return s


# What asks for a figure, beside a "when" ("언제 가장 많았나", "when was it highest"): then a figure answers.
_FIGURE_ASKED_CUES = frozenset({"count", "share", "rank_top", "rank_bottom", "change", "breakdown", "series", "average",
                                "avg_month", "avg_day", "avg_quarter", "check_figure"})


def match(ex: Extraction) -> MatchResult:
    """Score every intent, apply penalties, and decide."""
    raw = score_intents(ex)
    penalties: list[str] = []
    penalty = 0.0
    # A day of the month ("the 14th") is checked by the accounting against a fact's date, and
    # refused for figures (accounting.finer_period_asked), so it is not an unknown word here.
    plain_unknown = [w for w in ex.unknown if w not in ex.slot_unknown and w not in ex.measure_unknown
                     and not DAY_ORDINAL_RE.fullmatch(w)]
    if plain_unknown:
        penalty += min(UNKNOWN_PENALTY_CAP, UNKNOWN_WORD_PENALTY * len(plain_unknown))
        penalties.append("unknown words: " + ", ".join(plain_unknown))
    scored = {k: max(0.0, v - penalty) for k, v in raw.items()}
    if ex.slot_unknown:
        # "by bicycle": a category the data lacks; it says nothing against a fact question.
        penalties.append("unknown category: " + ", ".join(ex.slot_unknown))
        scored = {k: (max(0.0, v - SLOT_UNKNOWN_PENALTY * len(ex.slot_unknown)) if k in FIGURE_INTENTS else v)
                  for k, v in scored.items()}
    if "other_measure" in ex.cues:
        # "how much are workers paid", "women", "airline": measures the data does not hold.
        penalties.append("asks for another measure")
        scored = {k: max(0.0, v - (MEASURE_UNKNOWN_PENALTY if k in FIGURE_INTENTS else OTHER_MEASURE_FACT_PENALTY))
                  for k, v in scored.items()}
    # "from the 14th to the 18th": a day of the month is a detail the fact's date is checked
    # against (handlers/understanding/accounting.py), not a word nothing explains.
    fact_unknown = [w for w in ex.unknown if not DAY_ORDINAL_RE.fullmatch(w)]
    if fact_unknown and "fact" in scored:
        extra = min(FACT_UNKNOWN_CAP, FACT_UNKNOWN_PENALTY * len(fact_unknown)) - min(UNKNOWN_PENALTY_CAP, UNKNOWN_WORD_PENALTY * len(plain_unknown))
        scored["fact"] = max(0.0, scored["fact"] - extra)
    if ex.proper_unknown:
        penalties.append("unknown name: " + ", ".join(ex.proper_unknown))
        scored = {k: max(0.0, v - PROPER_UNKNOWN_PENALTY) for k, v in scored.items()}
    if "speech" in ex.cues and "count" not in ex.cues:
        scored = {k: (max(0.0, v - SPEECH_FIGURE_PENALTY) if k in FIGURE_INTENTS else v) for k, v in scored.items()}
    if "duration_question" in ex.cues:
        # "How many months ...": a duration, which a fact may state and the entry counts never do.
        scored = {k: (max(0.0, v - MEASURE_UNKNOWN_PENALTY) if k in FIGURE_INTENTS else v) for k, v in scored.items()}
    if "who_question" in ex.cues and not ex.cues.keys() & {"count", "share", "change", "rank_top", "rank_bottom"}:
        # "Which foreign minister went to Russia?" asks for a name; counts of arrivals are no answer.
        penalties.append("asks who or which, not how many")
        scored = {k: (max(0.0, v - WHO_QUESTION_PENALTY) if k in FIGURE_INTENTS else v) for k, v in scored.items()}
    if ("focus_date" in ex.cues and not ex.cues.keys() & _FIGURE_ASKED_CUES and not ex.categories
            and detect(ex.text) in ("ko", "ru")):
        # "국경이 재개방된 시점은 언제입니까?", "когда открылась граница?": a date asked, and no count,
        # share, change or ranking; a count of arrivals is no date (a fact, or "not in the report").
        penalties.append("asks when, not how many")
        scored = {k: (max(0.0, v - WHO_QUESTION_PENALTY) if k in FIGURE_INTENTS else v) for k, v in scored.items()}
    if ex.named_subject:
        # "How many workers did the LPR hire?": the entry figures do not break down by LPR.
        penalties.append("names a subject of the report's statements")
        scored = {k: (max(0.0, v - NAMED_SUBJECT_PENALTY) if k in FIGURE_INTENTS else v) for k, v in scored.items()}
    if "opinion" in ex.cues:
        penalties.append("asks for an opinion")
        scored = {k: max(0.0, v - OPINION_PENALTY) for k, v in scored.items()}
    if ex.measure_unknown:
        penalties.append("unknown measure: " + ", ".join(ex.measure_unknown))
        scored = {k: (max(0.0, v - MEASURE_UNKNOWN_PENALTY) if k in FIGURE_INTENTS else v) for k, v in scored.items()}
    if ex.exits:
        penalties.append("asks about departures")
        scored = {k: (max(0.0, v - EXIT_PENALTY) if k in FIGURE_INTENTS else v) for k, v in scored.items()}
    # A tie goes to the fact when the question names a person or body the report quotes ("푸틴 방북
    # 문제는?": Putin's visit, not the data's problems).
    ranked = tuple(sorted(scored.items(), key=lambda kv: (-kv[1], not (kv[0] == "fact" and ex.named_subject))))
    if not ranked:
        return MatchResult(None, 0.0, "unknown", (), tuple(penalties))
    intent, score = ranked[0]
    rival = next((s for i, s in ranked[1:] if FAMILY[i] != FAMILY[intent]), 0.0)
    if score >= ACCEPT and score - rival >= AMBIGUITY_MARGIN:
        decision = "answer"
    elif score >= SUGGEST:
        decision = "suggest"
    else:
        decision = "unknown"
    return MatchResult(intent, round(score, 1), decision, tuple((i, round(s, 1)) for i, s in ranked),
                       tuple(penalties))
