"""Entity extraction: what a question names (countries and their roles, periods, categories,
dimensions, cue phrases, facts) and what it says that the bot does not understand.

Pure: a function of the question text, the lexicon and the report date. The words the bot does
not know are part of the result on purpose, because "how many came by bicycle" must not be
answered as "how many came": an unexplained word after "by" or "for" is an unknown category.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date

from handlers.language import russian_noun, script_of
from handlers.lexicon import CATEGORY_SET, Hit, Lexicon, normalise, tokens
from handlers.periods import PeriodMention, find_periods, fix_period_typos, settle_korean

ENTITY_KINDS = ("country", "purpose", "transport", "dimension")
YEAR_ON_YEAR = {"y/y", "yoy", "y-o-y", "year on year", "year-on-year", "year over year", "year-over-year"}
CHANGE_WORDS = frozenset({"up", "down", "rise", "rose", "fell", "increase", "decrease", "jump", "drop"})  # "up 152 on the previous quarter"
QUARTER_ON_QUARTER = {"q/q", "qoq", "q-o-q", "quarter on quarter", "quarter-on-quarter", "sequential", "sequentially"}
PERSON_BONUS = 2.0
SLOT_WORDS = {"by", "via", "for", "through", "using"}  # not "on": "on the on-screen text" is no category


@dataclass(frozen=True)
class CountryMention:
    """A country named in a question and the role it plays: citizens, destination, or unknown."""

    id: str
    role: str  # "citizens" | "destination" | ""
    form: str  # "people" | "place" | "destination" (a word that is a visit there: "방북")
    pos: int
    end: int
    score: float


@dataclass
class Extraction:
    """Everything found in one question; input to the matcher."""

    text: str
    toks: list[str]
    periods: list[PeriodMention]
    countries: list[CountryMention] = field(default_factory=list)
    categories: list[tuple[str, str, float]] = field(default_factory=list)  # (dimension, id, score)
    category_at: dict[tuple[str, str], int] = field(default_factory=dict)  # (dimension, id) -> first token index
    dimensions: list[str] = field(default_factory=list)
    cues: dict[str, float] = field(default_factory=dict)
    facts: list[tuple[str, float]] = field(default_factory=list)  # (fact_id, weight), best first
    unknown: list[str] = field(default_factory=list)
    slot_unknown: list[str] = field(default_factory=list)  # "by bicycle": a category the data lacks
    measure_unknown: list[str] = field(default_factory=list)  # "how many soldiers", "population of": another measure
    proper_unknown: list[str] = field(default_factory=list)  # "Peskov", "Moscow": a name the data does not know
    corrected: list[tuple[str, str]] = field(default_factory=list)
    numbers: list[str] = field(default_factory=list)
    exits: bool = False  # asks about people leaving a country, which entry data does not count
    quantitative_facts: set[str] = field(default_factory=set)
    named_subject: bool = False  # the question names a person or body the report quotes or describes
    fact_only_words: list[str] = field(default_factory=list)  # words only a fact's keywords consumed
    idle: list[str] = field(default_factory=list)  # known words (part of some data phrase) that nothing consumed here
    set_overlap: list[str] = field(default_factory=list)  # a named set's member also named on its own ("overland ... by train")
    cue_start: dict[str, int] = field(default_factory=dict)  # cue group -> first token index it covers
    # Readings derived from the words above, computed once per question by the stage that first
    # asks (the pipeline, the re-routing and the operations' gate all ask for the same ones).
    derived: dict[str, list[str]] = field(default_factory=dict, repr=False, compare=False)

    def entity_summary(self) -> dict[str, object]:
        """A JSON-friendly view, for ``ask --json`` and the "how was this computed" view."""
        return {
            "countries": [{"id": c.id, "role": c.role, "form": c.form} for c in self.countries],
            "periods": [p.text for p in self.periods],
            "categories": [{"dimension": d, "id": i} for d, i, _ in self.categories],
            "dimensions": self.dimensions,
            "cues": sorted(self.cues),
            "facts": [f for f, _ in self.facts[:3]],
            "unknown": self.unknown,
            "measure_unknown": self.measure_unknown,
            "proper_unknown": self.proper_unknown,
            "corrected": [f"{a}->{b}" for a, b in self.corrected],
        }


# Who is asking, and for whom: "I am writing for a Japanese newspaper.", "for my article in
# Germany:", "I'm a reporter from Brazil,". A country there is the asker's, not the question's
# (it made the bot answer "I have no figures about Japan"), so the clause is left out (English).
_WRITER = r"(?:writing|writer|reporter|journalist|correspondent|editor|producer|stringer|freelancer|working)"
_OUTLET = r"(?:article|story|piece|report|paper|newspaper|magazine|outlet|readers|audience|broadcaster|agency|website|channel|tv|radio)"
_ASKER_CLAUSE_RE = re.compile(
    rf"\b(?:i\s+am|i'm|im|we\s+are|we're)\s+(?:a\s+|an\s+)?(?:\w+\s+)?{_WRITER}\b[^.?!:;]*[.!:;,]\s*"
    rf"|\b(?:for|in)\s+(?:my|our|a|an|the)\s+(?:\w+\s+)?{_OUTLET}\s+(?:in|from|for)\s+[\w\s]{{2,30}}?[.!:;,]\s*",
    re.IGNORECASE)


def _without_asker_clause(question: str) -> str:
    """The question without a clause about who asks ("I am writing for Japanese newspaper.")."""
    return _ASKER_CLAUSE_RE.sub(" ", question) if _ASKER_CLAUSE_RE.search(question) else question


def extract(question: str, lex: Lexicon, report_date: date) -> Extraction:
    """Find the entities, cues and unknown words in a question."""
    text = _direction_shorthand(fix_period_typos(normalise(_without_asker_clause(question))), lex)
    periods = find_periods(text, report_date)
    masked = list(text)
    for p in periods:
        for i in range(*p.span):
            masked[i] = " "
    periods = settle_korean(text, periods)
    # The language's vocabulary first: the analyser reads a misspelt word against it.
    lex.ensure({script_of(w) for w in text.split()})
    toks = tokens("".join(masked))
    ex = Extraction(text=text, toks=toks, periods=periods)
    relative = [p for p in periods if p.kind == "relative"]
    if (any(p.text in YEAR_ON_YEAR for p in relative) or (relative and len(relative) < len(periods))
            or any(p.kind == "previous" and (p.text in QUARTER_ON_QUARTER or (CHANGE_WORDS & set(toks)
                                                                          and len(periods) > 1)) for p in periods)):
        # "y/y", "Q3 and a year earlier": a comparison with a year earlier, not a period of its own
        ex.cues["change"] = 100.0
    named = [p for p in periods if p.kind not in ("previous", "relative", "latest")]
    if any(p.kind == "previous" and p.text in QUARTER_ON_QUARTER for p in periods) and (
            len(named) >= 2 or any(p.endpoints for p in named)):
        # "q/q change from Q1 to Q2": both quarters are named, so "q/q" only asks for the change.
        ex.cues["change"] = 100.0
        ex.periods = periods = [p for p in periods if not (p.kind == "previous" and p.text in QUARTER_ON_QUARTER)]
    hits = lex.scan(toks)
    covered = [False] * len(toks)

    # A phrase the filler group lists whole ("border service", the border guards' agency) is not
    # the category one of its words names ("service", vehicle maintenance).
    # A source's name is no country either: "NK뉴스" (NK + 뉴스, as the Korean tokenizer splits it)
    # is the outlet, not North Korea. (English reads "NK News" in its own ways: not touched here.)
    filler_phrases = [(h.start, h.end) for h in hits if h.term.kind == "cue" and h.end - h.start >= 2
                      and (h.term.id == "filler" or h.term.id == "sources"
                           and any(script_of(t) == "ko" for t in toks[h.start:h.end]))]
    entity_hits = _non_overlapping([h for h in hits if h.term.kind in ENTITY_KINDS
                                    and not any(a <= h.start and h.end <= b for a, b in filler_phrases)], lex.filler)
    # "overland", "the minor routes": a named set stands for its categories (entities.csv
    # kind category_set), as if each had been named.
    set_hits = [h for h in _non_overlapping([h for h in hits if h.term.kind == CATEGORY_SET], lex.filler)
                if not any(e.start < h.end and h.start < e.end and e.term.kind != "dimension" for e in entity_hits)]
    # "land routes", "minor modes": the set, not the dimension one of its words also names.
    entity_hits = [e for e in entity_hits if not any(e.start < h.end and h.start < e.end for h in set_hits)]
    for h in entity_hits + set_hits:
        for i in range(h.start, h.end):
            covered[i] = True
    cue_hits = [h for h in hits if h.term.kind == "cue"]
    for h in cue_hits:
        ex.cues[h.term.id] = max(ex.cues.get(h.term.id, 0.0), h.score)
        ex.cue_start[h.term.id] = min(ex.cue_start.get(h.term.id, h.start), h.start)
        for i in range(h.start, h.end):
            covered[i] = True
    for part in (h for h in cue_hits if h.term.id == "place_part"):
        # "which part of Russia ...?": a place inside the country is asked for; its "part of" is no share.
        if any(e.term.kind == "country" and e.start in (part.end, part.end + 1) for e in entity_hits) and all(
                part.start <= s.start and s.end <= part.end for s in cue_hits if s.term.id == "share"):
            ex.cues.pop("share", None)
    tags = [h for h in cue_hits if h.term.id == "check_figure" and h.end == len(toks) and h.end - h.start == 2]
    if tags and not any(h.term.id == "negation" and h.start < tags[0].start for h in cue_hits):
        # "Business was 59 % of Q3, wasn't it?": a tag question asks for a check; its "wasn't"
        # negates nothing, so no category is set aside.
        ex.cues.pop("negation", None)
        ex.cue_start.pop("negation", None)
    ko_tags = [h for h in cue_hits if h.term.id == "negation_after" and h.end == len(toks) and h.start > 0
               and (toks[h.start - 1] in _KO_NOMINALISERS or toks[h.start - 1].endswith("다")
                    or toks[h.start - 1].startswith("~") or toks[h.start - 1].isdigit())]  # "253명 아닌가?"
    if ko_tags and not any(h.term.id == "negation_after" and h.start < ko_tags[0].start for h in cue_hits):
        # "3분기 사업 목적만 해도 2022년보다 많은 거 아님?": a Korean question ending on "(…은 거) 아니야?"
        # asks "isn't it so?"; it sets no category aside (a 아닌 before a noun does: "사업이 아닌 사람").
        for group in ("negation", "negation_after"):
            ex.cues.pop(group, None)
            ex.cue_start.pop(group, None)
    if "who_question" in ex.cues and (_relative_who(toks) or _which_group_who(toks, entity_hits)):
        # "Was it 134 North Koreans who flew in?": a figure stated and checked; its "who" opens a
        # relative clause and asks for no person.
        for group in ("who_question", "focus_person"):
            ex.cues.pop(group, None)
    fact_hits = [h for h in hits if h.term.kind == "fact"]
    for h in fact_hits:
        for i in range(h.start, h.end):
            if not covered[i] and toks[i] not in lex.filler and toks[i] not in lex.vocabulary_non_fact:
                ex.fact_only_words.append(toks[i])
            covered[i] = True
    ex.facts = _score_facts(fact_hits, lex, asks_who="who_question" in ex.cues,
                            asks_words="judgement" in ex.cues and "focus_date" not in ex.cues)
    hit_keys = {h.key for h in fact_hits}
    ex.named_subject = any(hit_keys & people for people in lex.fact_people.values())
    ex.quantitative_facts = lex.quantitative_facts

    for h in entity_hits:
        if h.term.kind == "country":
            ex.countries.append(CountryMention(h.term.id, "", h.term.role or "place", h.start, h.end, h.score))
        elif h.term.kind == "dimension":
            if h.term.id not in ex.dimensions:
                ex.dimensions.append(h.term.id)
        else:
            cat = (h.term.kind, h.term.id, h.score)
            if all(c[:2] != cat[:2] for c in ex.categories):
                ex.categories.append(cat)
                ex.category_at[cat[:2]] = h.start
    for h in set_hits:
        ex.cues["combine"] = max(ex.cues.get("combine", 0.0), h.score)  # one figure for the set, summed
        members = lex.category_sets.get(h.term.id, ())
        named_too = [c for d, c in members if any(x[:2] == (d, c) for x in ex.categories)]
        if 0 < len(named_too) < len(members):
            ex.set_overlap.extend(named_too)  # "overland ... by train": one member, not the set restated
        for dim, cat_id in members:
            if all(c[:2] != (dim, cat_id) for c in ex.categories):
                ex.categories.append((dim, cat_id, h.score))
            # A member also named on its own stays inside the set: "overland against rail" is
            # never read as road and foot against rail.
            ex.category_at[(dim, cat_id)] = min(h.start, ex.category_at.get((dim, cat_id), h.start))
    ex.countries = _assign_roles(ex.countries, toks, cue_hits,
                                 frozenset(h.start for h in entity_hits if h.term.kind not in ("country", "dimension")))
    ex.exits = _asks_exits(ex.countries, cue_hits)
    if (not ex.categories and "purpose" not in ex.dimensions and not ex.named_subject
            and not (ex.facts and ex.facts[0][1] >= NAMED_FACT)  # "what did Choe go to Russia for?": a fact's
            and _WHAT_FOR_RE.search(" ".join("".join(masked).split()))):
        # "What did the H1 Russian visitors come for?": the purposes are asked, never the total.
        ex.dimensions.append("purpose")
        ex.cues["breakdown"] = max(ex.cues.get("breakdown", 0.0), 100.0)

    proper = _proper_nouns(question)
    for i, tok in enumerate(toks):
        if tok.replace(".", "").isdigit():
            ex.numbers.append(tok)
            continue
        if covered[i]:
            continue
        if tok in lex.vocabulary:
            ex.idle.append(tok)  # "국적" of "국적자": a known piece, but no phrase here is made of it
            continue
        guess = lex.fuzzy_word(tok)
        if guess:
            if guess[0] != tok:  # a word known as itself (a Korean particle) is no correction
                ex.corrected.append((tok, guess[0]))
            continue
        ex.unknown.append(tok)
        if tok in proper:
            ex.proper_unknown.append(tok)
        if ((i > 0 and toks[i - 1] in SLOT_WORDS) or _before_dimension(i, entity_hits, cue_hits)
                or _cue_at(cue_hits, "slot_before", i, toks) or _cue_after(cue_hits, "slot_after", i + 1)):
            # "by bicycle", "на велосипеде", "자전거로": the slot words of each language, from cues.csv
            ex.slot_unknown.append(tok)
        elif _in_measure_slot(i, toks, cue_hits, ex.countries):
            ex.measure_unknown.append(tok)
    for h in cue_hits:
        # "численность армии КНДР", "сколько границ": a place or institution right after the
        # measure word is what is counted, and the data counts people entering, not that.
        j = h.end
        while h.term.id == "measure_head" and j < len(toks) and toks[j] in lex.filler:
            j += 1
        if (h.term.id == "measure_head" and j < len(toks) and script_of(toks[j]) == "ru"
                and any(c.term.id == "place_nouns" and c.start == j for c in cue_hits)
                and not any(e.start <= j < e.end for e in entity_hits) and toks[j] not in ex.measure_unknown):
            ex.measure_unknown.append(toks[j])
            ex.unknown.append(toks[j])
    for h in hits:
        if h.score < 100 and (h.text, " ".join(h.key)) not in ex.corrected:
            ex.corrected.append((h.text, " ".join(h.key)))
    return ex


MEASURE_WINDOW = 4  # tokens after "how many" in which an unknown word names what is counted
MEASURE_BEFORE_WINDOW = 2  # tokens before "몇 명": the noun and its particle


_PROPER_RE = re.compile(r"(?<![.!?]\s)(?<!^)\b([A-Z][a-z]+(?:-[A-Z][a-z]+)*|[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)*|[А-ЯЁ]{2,5})\b")


def _proper_nouns(question: str) -> set[str]:
    """Capitalised words not at the start of a sentence: names of people, places, bodies.
    Russian names are also given as their lemmas ("в Приморье", "через Хасан"), the form the
    question's tokens take."""
    words = {m.group(1).lower() for m in _PROPER_RE.finditer(question.strip())}
    return words | {t for w in words if script_of(w) == "ru" for t in tokens(w)}


def _before_dimension(i: int, entity_hits: list[Hit], cue_hits: list[Hit]) -> bool:
    """ "age breakdown", "diplomatic purpose": an unknown word naming a category or dimension."""
    return any(h.start in (i + 1, i + 2) and (h.term.kind == "dimension" or h.term.id == "breakdown")
               for h in entity_hits + cue_hits)


_RU_OF_PEOPLE = frozenset({"у", "из", "среди"})  # prepositions between a measure and the people it is of


def _in_measure_slot(i: int, toks: list[str], cue_hits: list[Hit], countries: list[CountryMention]) -> bool:
    """Is the unknown word at ``i`` the thing being asked for?

    "how many soldiers", "how many people live in", "the population of Russia", "NK soldiers":
    a word the bot does not know in these places changes what is counted, so the bot must not
    answer with the entry figures. Elsewhere ("for a graphic", "my editor asks") it is framing.
    """
    for h in cue_hits:
        if h.term.id == "measure_head" and h.end <= i < h.end + MEASURE_WINDOW:
            return True
        if h.term.id == "measure_before" and i < h.start <= i + MEASURE_BEFORE_WINDOW:
            return True  # Korean names what is counted before the question word: "여성은 몇 명"
    if i + 2 < len(toks) and toks[i + 1] == "of" and any(m.pos == i + 2 for m in countries):
        return True
    if script_of(toks[i]) == "ru":
        # "ВВП России", "население КНДР": Russian puts the country after, in the genitive; so
        # "(возрастной) состав въехавших северокорейцев": a noun of what is measured, then the
        # people it is measured of, with the words of their movement (participles) between.
        if any(m.pos == i + 1 for m in countries):
            return True
        moving = {j for h in cue_hits if h.term.id == "movement" for j in range(h.start, h.end)}
        j = i + 1
        while j < len(toks) and j <= i + 3 and (j in moving or toks[j] in _RU_OF_PEOPLE):
            j += 1  # "профессия у въехавших северокорейцев", "состав приехавших из КНДР"
        if j > i + 1 and any(m.pos == j for m in countries) and russian_noun(toks[i]) and any(k in moving for k in range(i + 1, j)):
            return True  # a noun only: "средний дневной въезд граждан КНДР" is a daily average
    return any(m.end == i for m in countries)


def _non_overlapping(hits: list[Hit], filler: frozenset[str] = frozenset()) -> list[Hit]:
    """Longest, surest hits win; a shorter hit inside a longer one is dropped.

    Length counts content words only, so "vehicle maintenance" beats "by vehicle" where the
    two overlap in "by vehicle maintenance".
    """
    chosen: list[Hit] = []
    taken: set[int] = set()

    def content(h: Hit) -> int:
        return sum(1 for w in h.key or h.text.split() if w not in filler)

    for h in sorted(hits, key=lambda h: (-content(h), -(h.end - h.start), -h.score, h.start)):
        span = set(range(h.start, h.end))
        if span & taken:
            # Same span, other meaning (e.g. one word both a country and a category) is kept;
            # the same meaning twice (a term listed as place and as people) is not.
            same = [c for c in chosen if c.start == h.start and c.end == h.end]
            if not same or any((c.term.kind, c.term.id) == (h.term.kind, h.term.id) for c in same):
                continue
        chosen.append(h)
        taken |= span
    return sorted(chosen, key=lambda h: h.start)


ARTICLES = {"the", "a", "an"}
_PAIR_RE = re.compile(r"\b([a-z][\w.]*)\s*(<-|<=|←|-|/)\s*([a-z][\w.]*)\b")


def _direction_shorthand(text: str, lex: Lexicon) -> str:
    """ "nk-ru", "NK/RU", "RU<-NK": two countries joined by a dash or slash are a direction, the
    first the people's own, the second where they went (as "NK->RU", already "nk to ru"); a
    left arrow points the other way. Only when both sides are country names the data knows."""
    def pair(m: re.Match[str]) -> str:
        a, arrow, b = m.groups()
        if not all(any(t.kind == "country" for t in lex.phrases.get((w,), ())) for w in (a, b)) or a == b:
            return m.group(0)
        return f"{b} to {a}" if arrow in ("<-", "<=", "←") else f"{a} to {b}"
    return _PAIR_RE.sub(pair, text)
_WHAT_FOR_RE = re.compile(r"\bwhat\b[^?]*\b(?:come|came|coming|go|went|going|travel(?:l?ed|l?ing)?|visit(?:ed|ing)?|"
                          r"enter(?:ed|ing)?|arrive[ds]?|arriving|here|there)(?:\s+[\w'-]+){0,3}?\s+for(?:\s+(?:in|during|of|the|over))*\s*[?.!]*\s*$")
NAMED_FACT = 2.5  # a fact keyword this strong names the statement's subject (the matcher's FACT_STRONG)
_YES_NO_OPENERS = frozenset({"was", "were", "is", "are", "did", "does", "do", "has", "have", "had"})


def _relative_who(toks: list[str]) -> bool:
    """A yes/no question that states a number before its "who" ("was it 134 who flew in?",
    "were 213 North Koreans the ones who came by train?"): the "who" is a relative pronoun."""
    at = next((i for i, t in enumerate(toks) if t in ("who", "whom")), None)
    return (at is not None and bool(toks) and toks[0] in _YES_NO_OPENERS
            and any(t.replace(".", "", 1).isdigit() for t in toks[1:at]))


COMPARATIVES = frozenset({"more", "most", "fewer", "fewest", "less", "least", "larger", "bigger", "higher", "lower"})


def _which_group_who(toks: list[str], entity_hits: list[Hit]) -> bool:
    """ "Who crossed more: North Koreans into Russia or Russians into North Korea?": a "who" with
    a comparative, choosing between groups named with "or", asks which group, not for a person."""
    at = next((i for i, t in enumerate(toks) if t in ("who", "whom")), None)
    countries = sum(1 for h in entity_hits if h.term.kind == "country")
    return (at is not None and bool(COMPARATIVES & set(toks[at + 1:at + 4])) and "or" in toks[at:]
            and countries >= 2)


def _cue_at(cue_hits: list[Hit], group: str, pos: int, toks: list[str]) -> bool:
    """Does a ``group`` cue end right before token ``pos`` (articles in between are skipped)?"""
    while pos > 0 and toks[pos - 1] in ARTICLES:
        pos -= 1
    return any(h.term.id == group and h.end == pos for h in cue_hits)


def _cue_after(cue_hits: list[Hit], group: str, start: int) -> bool:
    return any(h.term.id == group and h.start == start for h in cue_hits)


def _assign_roles(found: list[CountryMention], toks: list[str], cue_hits: list[Hit],
                  category_starts: frozenset[int] = frozenset()) -> list[CountryMention]:
    """Decide for each country whether it is the travellers' nationality or the destination.

    Grammar cues come from cues.csv (to_marker, from_marker, people_nouns, place_nouns):
    "North Koreans" is people; "to Russia" a destination; "from Russia" the citizens' country;
    "Russian border" a place; with two bare places, the first is where people come from.
    """
    out: list[CountryMention] = []
    for m in found:
        end = m.end
        form = m.form
        if form == "people" and _cue_after(cue_hits, "place_nouns", end):
            form = "place"
        # "в РФ граждан Северной Кореи": the people noun after a place is the next country's
        # when that language puts it first ("граждане КНДР", the people_before cue).
        theirs = any(o is not m and o.id != m.id and (o.pos == end and o.form == "people"
                                                      or o.pos == end + 1 and _cue_at(cue_hits, "people_before", o.pos, toks))
                     for o in found)
        if form == "place" and not theirs and (_cue_after(cue_hits, "people_nouns", end)
                                               or (end in category_starts and _cue_after(cue_hits, "people_nouns", end + 1))):
            form = "people"  # "NK visitors", "NK business travellers": the country's people
        if (form == "place" and len(found) == 1 and " ".join(toks[m.pos:end]) in COUNTRY_CODES
                and (end in category_starts or _cue_after(cue_hits, "share", end))):
            form = "people"  # desk shorthand: "RU biz share", "RF biz Q3": a code before a category is its people
        if form == "place" and _cue_at(cue_hits, "people_before", m.pos, toks):
            form = "people"  # "граждане КНДР": the people noun comes first in Russian
        if (m.form == "place" and form == "people" and _cue_at(cue_hits, "to_marker", m.pos, toks)
                and any(o.end < m.pos <= o.end + 2 for o in found if o is not m)):
            form = "place"  # "NK->RU arrivals", "North Korea to Russia visitors": arrivals into the second
        nxt = next((o for o in found if o.pos > end and o is not m), None)
        if form == "destination":
            # "방북(자)": one word names the visit and where it went (synonyms' role "destination").
            out.append(CountryMention(m.id, "destination", "place", m.pos, m.end, m.score))
            continue
        if form == "people":
            role = "citizens"
        elif nxt is not None and nxt.pos <= end + 2 and _cue_at(cue_hits, "to_marker", nxt.pos, toks):
            role = "citizens"  # "North Korea to Russia": the first place is where people come from
        elif _cue_at(cue_hits, "from_marker", m.pos, toks):
            role = "citizens"
        elif _cue_at(cue_hits, "to_marker", m.pos, toks):
            role = "destination"
        elif _cue_after(cue_hits, "from_after", end):
            role = "citizens"  # Korean postpositions follow the noun: "북한에서" = from North Korea
        elif _cue_after(cue_hits, "to_after", end):
            role = "destination"  # "러시아에", "러시아로", "북한을 방문한"
        else:
            role = ""
        out.append(CountryMention(m.id, role, form, m.pos, m.end, m.score))
    if len([m for m in out if m.role == "destination"]) >= 2 and not any(m.role == "citizens" for m in out):
        # Two destinations and no origin: the first one named is where people come from.
        first = next(m for m in out if m.role == "destination")
        out = [replace(m, role="citizens") if m is first else m for m in out]
    unassigned = [m for m in out if not m.role]
    if (len(out) == 2 and out[0].id != out[1].id and not any(m.role == "destination" for m in out)
            and unassigned and set(toks[out[0].end:out[1].pos]) & SET_AGAINST):
        # "NK total vs RU total", "North Korea versus Russia in H1": two sides set against each
        # other, each the country's own people (two directions), not a trip from one to the other.
        return [replace(m, role="citizens", form="people") for m in out]
    if unassigned:
        roles_taken = {m.role for m in out if m.role}
        fixed: list[CountryMention] = []
        # "NK air share and NK rail share": a country named again is the same side, not the other
        # one (no one enters their own country); only distinct countries share out the roles.
        distinct = len({m.id for m in unassigned})
        for m in out:
            if m.role:
                fixed.append(m)
                continue
            same = next((f for f in fixed if f.id == m.id and f.role), None)
            if same is not None:
                fixed.append(CountryMention(m.id, same.role, m.form, m.pos, m.end, m.score))
                continue
            if "citizens" not in roles_taken and distinct > 1 and m is unassigned[0]:
                role = "citizens"
            elif _other_side_of_a_comparison(m, out, cue_hits):
                role = "citizens"
            elif "destination" not in roles_taken and (distinct > 1 or "citizens" in roles_taken) and not any(
                    f.id == m.id for f in fixed):
                role = "destination"
            elif "citizens" not in roles_taken and "destination" in roles_taken:
                role = "citizens"
            else:
                role = ""
            roles_taken.add(role)
            fixed.append(CountryMention(m.id, role, m.form, m.pos, m.end, m.score))
        out = fixed
    return out


# Cue groups of a comparison between two sides (data/cues.csv).
_SIDES_COMPARED = frozenset({"ratio_given", "ratio_against", "change", "gap"})


def _other_side_of_a_comparison(m: CountryMention, out: list[CountryMention], cue_hits: list[Hit]) -> bool:
    """ "북한 사업목적 입국자가 러시아인 사업목적 입국자의 몇배?": a bare country (no marker) in its own
    phrase, set against another country's people, is the other side of the comparison: its own
    people. Read as a destination it would name the same trip as the other side (Russians entering
    North Korea) and the question would compare a figure with itself."""
    if not any(h.term.id in _SIDES_COMPARED for h in cue_hits):
        return False
    others = [o for o in out if o is not m and o.id != m.id]
    return len(others) == 1 and others[0].role == "citizens" and others[0].pos - m.end >= 2


# Korean nominalisers before a final 아니다 ("많은 거 아님?"): the sentence is a tag question.
_KO_NOMINALISERS = frozenset({"거", "것"})


COUNTRY_CODES = frozenset({"ru", "rf", "rus", "nk", "kp", "dprk", "prk"})  # codes a desk writes before a category
SET_AGAINST = frozenset({"vs", "versus", "against", "compared", "v"})


def _asks_exits(countries: list[CountryMention], cue_hits: list[Hit]) -> bool:
    """"How many North Koreans left Russia": a departure from a country with no onward destination."""
    for h in cue_hits:
        if h.term.id == "exit_home":
            # "went back home", "returned home": going home is leaving the country visited, whether
            # or not the question names it; the data counts no one going home.
            return True
        if h.term.id != "exit":
            continue
        people = {m.id for m in countries if m.form == "people"}
        if any(m.role == "destination" and m.id in people for m in countries):
            # "Сколько россиян вернулось из КНДР в Россию?": people leaving for their own country
            # go home; the figures count entries into the other country only.
            return True
        after = next((m for m in countries if m.pos in (h.end, h.end + 1)), None)
        if after is not None and not any(m.role == "destination" and m.pos > after.pos for m in countries):
            return True
        if script_of(h.text) == "ko":
            # Korean puts the country first: "러시아를 떠난" (who left Russia).
            before = next((m for m in countries if m.end in (h.start, h.start - 1)), None)
            if before is not None and not any(m.role == "destination" and m is not before for m in countries):
                return True
            if not countries:
                # "들어간 사람 중에 다시 나온 사람은?": leaving, with no country entered named at
                # all; the figures count entries only, so no entry count answers it.
                return True
    return False


def _score_facts(fact_hits: list[Hit], lex: Lexicon, asks_who: bool = False,
                 asks_words: bool = False) -> list[tuple[str, float]]:
    keys = {h.key for h in fact_hits}
    scored = []
    said_by_named: set[str] = set()
    # The facts sharing a word with the question (most share none: their sum is 0, skipped below),
    # from the lexicon's index; read in fact_keywords order, as the sort below is stable.
    sharing = {fid for k in keys for fid in lex.facts_by_keyword.get(k, ())}
    for fid, weights in lex.fact_keywords.items():
        if fid not in sharing:
            continue
        s = sum(w for k, w in weights.items() if k in keys)
        if s > 0 and keys & lex.fact_people.get(fid, set()):
            s += PERSON_BONUS  # "what did Lankov say ...": his statements before anyone else's
            if fid not in lex.profile_facts:
                said_by_named.add(fid)
        if s > 0:
            scored.append((fid, s))
    scored.sort(key=lambda x: -x[1])
    if said_by_named and not asks_who and not asks_words and scored and scored[0][0] not in said_by_named \
            and not lex.fact_people.get(scored[0][0]) and scored[0][0] not in lex.profile_facts:
        # "란코프 교수가 북한 노동자 수천 명 들어왔다고 했다는데": a named person's claim put with
        # another statement's amount word ("수천", the Siberian authorities'; "수십", NK News's site
        # report): his own statements are what is checked, before unattributed ones.
        scored.sort(key=lambda x: x[0] not in said_by_named)
    if asks_words and said_by_named and not asks_who:
        # "란코프가 북러 관계를 뭐라고 분석했나요": how a named person judged something is asked; a
        # statement of the same topic by nobody ("the two countries show close ties") matches the
        # topic's words better, but his own statements answer first.
        scored.sort(key=lambda x: x[0] not in said_by_named)
    if scored and scored[0][0] in lex.profile_facts and not asks_who:
        # "What did Professor Lankov estimate for Q3 workers?": the title names him, and who he is
        # is not the question when another fact about him meets the question's other words.
        people = lex.fact_people.get(scored[0][0], set())
        other = next((f for f, _ in scored[1:] if lex.fact_people.get(f, set()) & people
                      and any(k in keys and k not in lex.fact_people.get(f, set()) for k in lex.fact_keywords[f])), None)
        if other is not None:
            scored.sort(key=lambda x: (x[0] != other, -x[1]))
    return scored
