"""Every word accounted for: what a question asks that an answer would leave out.

Each token of a question is consumed by an extractor (period, country, category, cue, fact
keyword) or is a function word (the ``filler`` cue group in data/cues.csv, per language). What
is left carries meaning; these checks decide whether an answer still answers the question:
a fact answer must contain the aspect asked (a place for "where", an amount for "how many
exactly", someone's words for "what did X say") and account for every remaining word; a figure
answer must not leave behind words only a fact consumed ("LPR", "trade") or a name asked for
("which border crossing"). Otherwise the answer says what the report does not give, first.
"""

from __future__ import annotations

import re
from typing import Any

from handlers.understanding.extract import Extraction
from handlers.language import asks_korean_forecast, ends_in_a_predicate, is_particle, korean_word_known, script_of
from handlers.lexicon import CATEGORY_SET, Lexicon, normalise, tokens
from handlers.understanding.matcher import DAY_ORDINAL_RE, FACT_STRONG, MatchResult
from handlers.language import detect, normalise_tokens, russian_modifier, russian_numeral
from handlers.model import QuestionFrame

# The matcher's doubts an operation may not overrule: a word in a category slot ("by bicycle"),
# another measure ("how many soldiers", "wages"), a name the report lacks, a departure.
BLOCKING_UNKNOWNS_LIMIT = 0

_DURATION_RE = re.compile(r"\b\d+\s+(?:months?|years?|weeks?|days?)\b")
# After "which"/"what", words that ask for a figure's own parts ("which quarter", "which mode");
# any other noun asks for a name the entry figures do not give ("which border crossing").
WHICH_FIGURE_WORDS = frozenset({"quarter", "quarters", "period", "periods", "month", "months", "year", "half", "one",
                                "ones", "was", "is", "were", "are", "had", "has", "did", "do", "does", "of", "way",
                                "direction", "side", "group", "category", "categories", "figure", "figures", "number",
                                "numbers", "total", "purpose", "purposes", "mode", "modes", "means", "type", "kind",
                                "sort", "share", "percentage", "proportion", "change", "the", "a", "came", "more",
                                "most", "least", "biggest", "largest", "smallest", "country", "countries", "people",
                                "nationality", "reason", "reasons", "transport", "travel", "route"})


ABOUT_THE_DATA = frozenset({"data", "statistics", "stats", "fsb", "figures", "border", "borders", "side"})


# Words that ask for a person's name, which neither a figure nor the list of sources gives.
PERSON_NAME_WORDS = frozenset({"name", "names", "reporter", "reporters", "journalist", "journalists", "author",
                               "authors", "byline", "이름", "기자", "имя", "фамилия", "журналист", "автор"})
NAME_ASKING_WORDS = PERSON_NAME_WORDS | {"wrote", "writer", "written"}  # "who wrote ...?" of the sources


# Korean topic particles: a question that ends on a noun and one of them asks for that noun
# ("그들이 이용한 항공사는?": which airline).
_KO_TOPIC = frozenset({"는", "은"})


def _korean_topic_at_end(toks: list[str], nouns: list[int]) -> bool:
    """Whether the question ends on a name-asking noun as its topic ("..., 항공사는?")."""
    return bool(nouns) and len(toks) >= 2 and toks[-1] in _KO_TOPIC and nouns[-1] == len(toks) - 2


def name_asked_of_a_figure(ex: Extraction, lex: Lexicon) -> list[str]:
    """ "Which border crossing did they use?", "what airport?": a name is asked for, which no
    figure gives. Nouns that ask for names are data (the ``name_noun`` cue group); so is a
    person's name ("the name of the journalist behind the figures")."""
    person = [t for t in ex.toks if t in PERSON_NAME_WORDS]
    if person:
        return person[:2]
    nouns = [i for i, t in enumerate(ex.toks) if any((x.kind, x.id) == ("cue", "name_noun") for x in lex.phrases.get((t,), ()))]
    named = [ex.toks[i] for i in nouns if not _in_a_named_set(ex.toks, i, lex)]  # "the minor routes" names categories
    # "Which airport?"; Korean asks "공항은 어디입니까?" (where), a question word the data lists.
    asks_name = (_WHICH_WHAT & set(ex.toks) or "asks_place" in ex.cues and "question_word" in ex.cues
                 or _korean_topic_at_end(ex.toks, nouns))
    if "name_noun" in ex.cues and asks_name and (named or not nouns):
        at = next((i for i, t in enumerate(ex.toks) if t in _WHICH_WHAT), len(ex.toks))
        return named[:2] or ex.toks[at + 1:at + 3]  # a phrase ("border crossing"): the words after "which"
    kind = kind_asked(ex.text)
    if kind is not None and kind not in WHICH_FIGURE_WORDS:
        terms = lex.phrases.get((kind,), ())
        if any(t.kind in ("purpose", "transport") for t in terms):
            # "what kind of vehicles?": a category is the finest the figures go; its kinds are not given.
            return [f"what kind of {kind}"]
        if not any(t.kind in ("country", "dimension") or (t.kind, t.id) == ("cue", "people_nouns") for t in terms):
            return [kind]  # "what kind of site were they at?": a kind of thing no figure gives
    for i, tok in enumerate(ex.toks[:-1]):
        if tok == "what" and ex.toks[i + 1] not in WHICH_FIGURE_WORDS | ABOUT_THE_DATA and any(
                (x.kind, x.id) == ("cue", "place_nouns") for x in lex.phrases.get((ex.toks[i + 1],), ())):
            return [ex.toks[i + 1]]  # "what weapons did Russia get?": a thing the report names, not a count
        if tok == "what" and i <= 1 and ex.toks[i + 1] in ex.unknown:
            return [ex.toks[i + 1]]  # "what nationality were the other 39?": a thing nothing here knows
        if tok == "which":
            noun = ex.toks[i + 1]
            entity = any(t.kind in ("country", "purpose", "transport", "dimension") or (t.kind, t.id) == ("cue", "people_nouns")
                         for t in lex.phrases.get((noun,), ()))  # "which flow was bigger?": the people counted
            if noun not in WHICH_FIGURE_WORDS and noun not in lex.filler and not entity:
                return [noun] + [t for t in ex.toks[i + 2:i + 3] if t in lex.filler and t not in WHICH_FIGURE_WORDS][:1]
            return []
    return []


def _in_a_named_set(toks: list[str], i: int, lex: Lexicon) -> bool:
    """Is token ``i`` inside the name of a set of categories ("minor routes", "land route")?"""
    spans = [tuple(toks[a:b]) for a in range(max(0, i - 2), i + 1) for b in range(i + 1, min(len(toks), i + 3) + 1)]
    return any(t.kind == CATEGORY_SET for span in spans for t in lex.phrases.get(span, ()))


_WHICH_WHAT = frozenset({"which", "what", "какой", "который", "어떤", "어느", "무슨"})
_PLACE_NOUN_STEMS = frozenset({"city", "citi", "town", "regi", "obla", "prov", "port", "stat", "airp", "chec", "rout"})
_PLACE_NOUN_LEMMAS = frozenset({"город", "регион", "область", "порт", "аэропорт", "станция", "маршрут", "пункт"})  # Russian lemmas
_QUANTITY_WORDS = frozenset({"dozens", "hundreds", "thousands", "millions", "dozen", "hundred", "thousand"})
QUANTITY_WORDS = _QUANTITY_WORDS | {"half"}  # amounts in words, which a statement can set against each other
# Words that give an amount without a number ("several", "a few", "tens of thousands").
_AMOUNT_WORDS = frozenset({"several", "few", "many", "tens", "scores", "some", "handful", "number", "numerous",
                           "half", "most", "all", "none", "single", "dozens", "million", "billion", "percent"})


COUNT_CUES = frozenset({"count", "share", "measure_head"})  # the question asks for a number of people


def subgroup_asked(ex: Extraction, lex: Lexicon) -> list[str]:
    """ "How many of the 365 were government officials?", "how many women came?": a kind of person
    the entry figures do not count (the ``person_kind`` cue group). The figures break down by
    purpose and transport only, so no figure answers it; a purpose the data has ("students",
    "workers") is a category and is not a kind of person here."""
    if not ex.cues.keys() & COUNT_CUES:
        return []
    found: list[str] = []
    skip = -1
    for i, tok in enumerate(ex.toks):
        if i <= skip:
            continue  # the second word of a pair already found ("government officials")
        for phrase in ((tok, ex.toks[i + 1]) if i + 1 < len(ex.toks) else None, (tok,)):
            if phrase and any((x.kind, x.id) == ("cue", "person_kind") for x in lex.phrases.get(phrase, ())):
                if not any(x.kind in ("purpose", "transport") for x in lex.phrases.get(phrase, ())):
                    found.append(" ".join(phrase))
                    skip = i + len(phrase) - 1
                break
    return list(dict.fromkeys(found))[:2]


# What a "how many ..." may be asked of: the figures count people (entries of people), so the head
# noun after the measure words must be a unit of people (the ``people_nouns`` and ``person_kind``
# cue groups, a country's people, a category named by its people: "students", "workers") or be
# left out ("how many came by air?"). A vehicle ("trains", "flights": role ``vehicle`` in
# data/synonyms.csv), a thing the report names ("weapons") or a word nothing knows is not counted.
_COUNT_HEADS = (("how", "many"), ("number", "of"), ("numbers", "of"), ("count", "of"), ("tally", "of"))
_BEFORE_HEAD = frozenset({"of", "the", "those", "these", "all", "more", "fewer", "less", "additional", "extra", "other",
                          "individual", "separate", "different", "total", "overall", "such", "any", "north", "south"})
_PEOPLE_CUES = frozenset({"people_nouns", "person_kind"})
_TIME_UNITS = frozenset({"quarter", "quarters", "month", "months", "year", "years", "days", "day", "weeks", "week",
                         "times", "percent", "points", "categories", "purposes", "modes", "sources"})


def counted_thing_not_people(ex: Extraction, lex: Lexicon) -> list[str]:
    """ "How many weapons did North Korea send?", "how many trains crossed?", "the number of
    flights": the thing counted is not people, and every figure in the data counts people. The
    people figure would answer another question (134 people came by rail, not 134 trains)."""
    toks = ex.toks
    corrected = {a for a, _ in ex.corrected}
    for i in range(len(toks) - 1):
        if (toks[i], toks[i + 1]) not in _COUNT_HEADS:
            continue
        thing: str | None = None
        first = -1  # where the thing's words start ("artillery shells", "tonnes of cargo")
        j = i + 2
        while j < len(toks):
            tok = toks[j]
            two = tuple(toks[j:j + 2])
            terms = [*lex.phrases.get(two, ()), *lex.phrases.get((tok,), ())] if len(two) == 2 else list(lex.phrases.get((tok,), ()))
            if any((t.kind, t.id) == ("cue", "group_nouns") for t in terms):
                thing = " ".join(two) if any((t.kind, t.id) == ("cue", "group_nouns") for t in lex.phrases.get(two, ())) else tok
                break  # "how many delegations went?": groups of people, which no figure counts
            if any(t.kind == "cue" and t.id in _PEOPLE_CUES for t in terms) or tok in ("people", "persons", "ppl"):
                thing = None
                break  # "how many rail passengers": people, whatever came before
            country = [t for t in terms if t.kind == "country"]
            if (tok.isdigit() or tok in _BEFORE_HEAD) and not country:
                j += 1
                continue
            if country:
                thing = None if any(t.role == "people" for t in country) else thing
                j += 2 if any(t.kind == "country" for t in lex.phrases.get(two, ())) and len(two) == 2 else 1
                continue  # "North Korean workers", "NK nationals": a country qualifies the noun after it
            category = [t for t in terms if t.kind in ("purpose", "transport")]
            if category:
                thing = tok if any(t.role == "vehicle" for t in category) else None
                first = j if thing is not None and first < 0 else first
                j += 2 if any(t.kind in ("purpose", "transport") for t in lex.phrases.get(two, ())) and len(two) == 2 else 1
                continue  # "business visitors", "train passengers": the noun after it decides
            if tok in _TIME_UNITS:
                break
            unknown = tok in ex.unknown and tok not in corrected
            thing_cue = any(t.kind == "cue" and t.id in ("place_nouns", "other_measure", "name_noun") for t in terms)
            if (unknown or thing_cue or tok in ex.fact_only_words) and tok not in ABOUT_THE_DATA:
                thing = tok
                first = j if first < 0 else first
                j += 1
                continue  # "artillery shells": the last noun is the thing
            break
        if thing is not None:
            return [" ".join(toks[first:j]).strip() if 0 <= first < j else thing]
    return []


def counted_by_a_thing_counter(ex: Extraction, lex: Lexicon) -> list[str]:
    """ "제재 건수는?", "선박 몇 척이 들어왔나", "차량 몇 대": Korean counts a thing with a counter
    of its own (the ``thing_counter`` and ``vehicle_counter`` cue groups), set after the noun it counts. Every figure in the
    data counts people, so a people figure would answer another question (31 people came by road,
    not 31 vehicles). A counter after an arrival word or a people noun ("입국 건수", entries of
    people) counts people, and is left to the figures."""
    toks = ex.toks
    for i in range(len(toks)):
        for n in (2, 1):
            key = tuple(toks[i:i + n])
            counters = {t.id for t in lex.phrases.get(key, ()) if t.kind == "cue"} & {"thing_counter", "vehicle_counter"}
            if len(key) < n or not counters:
                continue
            j = i - 1
            while j >= 0 and is_particle(toks[j]):
                j -= 1
            if j < 0 or toks[j].startswith("~"):
                return []  # nothing named before it, or another counter ("몇 명이 몇 대로")
            terms = lex.phrases.get((toks[j],), ())
            # A vehicle's counter (척, 대) makes a mode of transport the vehicles ("차량 몇 대"); a
            # case's counter (건) after a mode counts its travellers' entries.
            vehicles = "vehicle_counter" in counters
            people = any(t.kind == "cue" and t.id in _PEOPLE_CUES | {"movement"} for t in terms) or any(
                t.kind == "country" or t.kind == "purpose" or t.kind == "transport" and t.role != "vehicle" and not vehicles
                for t in terms)
            return [] if people else [toks[j]]
    return []


_WHY_RE = re.compile(r"^(?:\w+\s+){0,3}?(?:why|what explains|what drove|what caused|what's behind|what is behind|"
                     r"how come|for what reason|what reasons?|what explanation|what is the reason|what's the reason|"
                     r"what was the reason|is there a reason|is there an explanation)\b")


def reason_asked_of_a_figure(ex: Extraction) -> list[str]:
    """ "Why did business trips rise so sharply?": a reason is asked for, which no figure gives
    (the caveat questions, "why don't they add up?", are the caveats' own)."""
    # English by its phrasing; Korean by the ``why`` cue group ("늘어난 이유").
    asks_why = _WHY_RE.search(ex.text.lower()) or "why" in ex.cues and script_of(ex.text) == "ko"
    if ex.cues.keys() & {"caveat", "combine"} or not asks_why:
        return []
    if (ex.cues.keys() & {"movement", "to_marker"} or "purpose" in ex.dimensions) and "change" not in ex.cues \
            and not GROWTH_WORDS & set(ex.toks) and not ex.categories:
        return []  # "why did North Koreans go to Russia?": their purposes, which the breakdown gives
    return ["why"]


_BESIDES_RE = re.compile(r"\b(?:besides|apart from|aside from|other than|except(?: for)?|in addition to|as well as)\s+"
                         r"(?:the\s+)?([a-z][\w'-]*)")


def asked_beyond(ex: Extraction, fact: dict[str, Any]) -> str | None:
    """ "Who did Choe meet besides Putin?": what the fact names is excluded by the question, so the
    fact does not answer it. Returns the phrase ("anyone besides putin"), or None."""
    m = _BESIDES_RE.search(ex.text.lower())
    if m is None:
        return None
    statement = str(fact.get("statement") or "").lower()
    word = m.group(1)
    if len(word) < 3 or word[:FACT_STEM_LEN] not in statement:
        return None
    # Everything set aside: "other than China and Russia, which ...".
    rest = re.split(r"[,?;:]|\b(?:which|who|what|where|when|did|does|do|is|are|was|were)\b", ex.text.lower()[m.start(1):])[0]
    excluded = {w[:FACT_STEM_LEN] for w in re.findall(r"[\w'-]+", rest) if w not in ("and", "or", "the")}
    # "China and Russia": the fact names another beside those set aside, so it still answers.
    stem = re.escape(word[:FACT_STEM_LEN])
    for pair in re.finditer(r"\b([\w'-]+)\s+(?:and|&)\s+" + stem + r"|\b" + stem + r"[\w'-]*\s+(?:and|&)\s+([\w'-]+)", statement):
        other = (pair.group(1) or pair.group(2) or "")[:FACT_STEM_LEN]
        if other and other not in excluded:
            return None
    return f"anything besides {rest.strip() or word}"


_COPULA = frozenset({"were", "was", "are", "is", "came", "actually", "really"})


def subset_of_a_category(ex: Extraction) -> list[str]:
    """ "How many of the 253 business visitors were actually workers?": one category inside
    another. Each breakdown is published on its own, so no figure gives the overlap."""
    head = " ".join(ex.toks[:4])
    if ex.set_overlap and ex.cues.keys() & {"share", "negation"}:
        return ex.set_overlap[:1]  # "what share of overland arrivals came by train?": rail inside the set
    if not (head.startswith(("how many of", "how much of", "what share of", "what percentage of")) or ex.toks[:1] == ["of"]) \
            or len(ex.categories) < 2:
        return []
    (d1, c1, _), (d2, c2, _) = ex.categories[:2]
    p1, p2 = ex.category_at.get((d1, c1), -1), ex.category_at.get((d2, c2), -1)
    if 0 <= p1 < p2 and _COPULA & set(ex.toks[p1:p2]):
        return [ex.toks[p2]] if p2 < len(ex.toks) else [c2]
    return []


_QUOTED_OF = frozenset({"the", "those", "these", "all"})
_ASK_WORDS = frozenset({"how", "what", "which", "many", "much", "share", "proportion", "percentage", "percent"})
_CATEGORY_KINDS = ("purpose", "transport")


def _category_ids(tok: str, lex: Lexicon) -> set[tuple[str, str]]:
    return {(x.kind, x.id) for x in lex.phrases.get((tok,), ()) if x.kind in _CATEGORY_KINDS}


def part_of_a_quoted_figure(ex: Extraction, lex: Lexicon) -> list[str]:
    """ "How many of the 134 rail passengers used the X bridge?", "of the 31 who came by vehicle,
    how many were in trucks?", "what proportion of the 365 were repeat visitors?": a figure quoted
    back and a part of it asked for. The report publishes each breakdown on its own and nothing
    finer than a category, so a part named by words no extractor knows, or by the very category
    the quoted figure already is, has no figure; answering with the quoted figure would present
    it as the part. A published category of a quoted total ("how many of the 365 came by air?")
    still passes: its words are all accounted for and name another category than the quote."""
    if not ex.cues.keys() & COUNT_CUES:
        return []
    toks = ex.toks
    at = next((i for i in range(len(toks) - 1) if toks[i] == "of" and (
        toks[i + 1].isdigit() or toks[i + 1] in _QUOTED_OF and i + 2 < len(toks) and toks[i + 2].isdigit())
        and not _YEAR_RE.fullmatch(toks[i + 1 if toks[i + 1].isdigit() else i + 2])), None)
    if at is None:
        return []
    if "negation" in ex.cues:
        return []  # "how many of the 365 are not accounted for by the purposes?": the complement
    corrected = {a for a, _ in ex.corrected}
    start = at + (2 if toks[at + 1] in _QUOTED_OF else 1)
    end = _quote_end(toks, start)
    # Words no extractor knows in what is asked of the quote ("were repeat visitors", "used the X
    # bridge"); a format asked for after it ("to one decimal") is not a part of anything.
    asked_words = set(toks[end + 1:]) if end < len(toks) and toks[end] in _QUOTE_STOPS_ASKING else set()
    left = [w for w in ex.unknown if w in asked_words and w not in corrected and not w.isdigit() and w not in lex.filler]
    if left:
        return left[:3]
    # The same category named twice, once with the quote and once as the part asked for.
    seen: dict[tuple[str, str], int] = {}
    for i, tok in enumerate(toks[at:], start=at):
        for cid in _category_ids(tok, lex):
            if cid in seen and _ASK_WORDS & set(toks[seen[cid] + 1:i]):
                return [tok]
            seen.setdefault(cid, i)
    # "How many of the 253 business visitors were first-time travellers?": the quote is a
    # category's figure and what is asked of it names no category at all.
    quoted = [i for i in range(start, end) if _category_ids(toks[i], lex)]
    asked = [i for i in range(end, len(toks)) if _category_ids(toks[i], lex)]
    rest = [t for t in toks[end + 1:] if t not in lex.filler and not t.isdigit()]
    if quoted and not asked and end < len(toks) and toks[end] in _QUOTE_STOPS_ASKING:
        return rest[:2] or toks[end + 1:end + 3]
    # "What share of the 134 train passengers travelled in cars?": another category of the
    # quote's own dimension; no one is counted in both.
    quoted_dims = {d for i in quoted for d, _ in _category_ids(toks[i], lex)}
    clash = [toks[i] for i in asked if {d for d, _ in _category_ids(toks[i], lex)} & quoted_dims]
    if clash:
        return clash[:1]
    return []


_QUOTE_STOPS = frozenset({"were", "was", "are", "is", "how", "what", "which", "came", "used", "took", "travelled",
                          "traveled", "arrived", "flew", "entered", "held", "had", "drove", "did", "do"})
_QUOTE_STOPS_ASKING = frozenset({"were", "was", "are", "is", "used", "took", "held", "had", "drove", "came",
                                  "travelled", "traveled", "arrived", "flew", "entered"})


def _quote_end(toks: list[str], start: int) -> int:
    """Where a quoted figure's own words end: at its verb ("253 business visitors | were ..."),
    or, with a relative clause ("31 who came by vehicle"), at the question that follows it."""
    clause = any(t in ("who", "that") for t in toks[start:start + 3])
    # A clause's own verb ("who flew") belongs to the quote; a second verb after it ("who flew |
    # came on the Vladivostok route") starts what is asked of the quote.
    stops = frozenset({"how", "what", "which", "were", "was", "are", "is"}) | _QUOTE_STOPS_ASKING if clause else _QUOTE_STOPS
    skip = next((i for i in range(start, min(start + 3, len(toks))) if toks[i] in ("who", "that")), start - 1)
    for i in range(start, len(toks)):
        if toks[i] in stops and (not clause or i > skip + 1):
            return i
    return len(toks)


# "... in Q3, and where did they go?": a second question joined to a figure question.
_SECOND_QUESTION_RE = re.compile(r"(?:,|\band\b|;|\?)\s*(?:and\s+)?((?:where|which|what|who|whom|how long|how much|why|"
                                 r"when)\b[^?]*)\??\s*$")
_FIGURE_ASKS = re.compile(r"\b(?:how many|more|fewer|less|busier|bigger|larger|smaller|higher|lower|greater|how much of|share|percent|percentage|proportion|total|number|figure|many|ratio|"
                          r"times|compare|breakdown|most|least|average|change|rise|increase|fall|gap|"
                          r"what (?:do|does) (?:i|we|that|it) (?:get|make|give|come to))\b")  # "..., what do I get?": the sum


_PLUS_RE = re.compile(r"\s*(?:\+|plus|&)\s*")


def periods_joined_by_plus(ex: Extraction) -> bool:
    """ "2022 + 2023 ytd", "Q1 plus Q2": two periods written as a sum are summed, not compared."""
    named = [m for m in ex.periods if m.span != (0, 0)]
    return any(_PLUS_RE.fullmatch(ex.text[a.span[1]:b.span[0]].lower()) for a, b in zip(named, named[1:]))


def year_range(ex: Extraction) -> bool:
    """ "2022-23", "2022/2023": two years written as one range (both mentions keep its text)."""
    return len(ex.periods) == 2 and ex.periods[0].text == ex.periods[1].text and ex.periods[0].kind == "year" == ex.periods[1].kind


def second_question_left(ex: Extraction) -> str | None:
    """ "How many North Koreans entered Russia in Q3 and where did they go?": the figure answers
    the first question; the second asks what no figure gives. Returns that clause (so the answer
    says the report does not give it), or None when the second part asks for figures too."""
    m = _SECOND_QUESTION_RE.search(ex.text.lower())
    if m is None or m.start(1) < 8:
        return None
    if re.fullmatch(r"[\W\s]*(?:(?:please|pls|hi|hello|hey|ok|okay|so|sorry|thanks|well)[\W\s]*)*", ex.text.lower()[:m.start(1)]):
        return None  # "Please, how much ...": a courtesy before the one question, not a first question
    clause = m.group(1).strip(" ,")
    if _FIGURE_ASKS.search(clause) or clause.split()[0] in ("what", "which") and len(clause.split()) <= 2:
        return None
    return clause


_METHOD_RE = re.compile(r"^(?:do|does|did|are|is|were|was|has|have)\b.*\b(?:include|includes|included|exclude|excludes|"
                        r"excluded|verify|verified|checked|audited|adjusted|double[- ]count\w*|counted|count people|"
                        r"counts of)\b")


# "North Korea's own statistics", "Pyongyang's figures", "according to Chinese customs data": counts
# kept by someone other than the border service the report's figures come from. The report has
# no such counts to confirm or contradict them (English; the sources' origin is Russia's FSB).
_OTHER_KEEPER = (r"(?:north\s+korea(?:n)?|dprk|pyongyang|kcna|china|chinese|beijing|south\s+korea(?:n)?|seoul|"
                 r"japan(?:ese)?|the\s+un|un|united\s+nations|kim\s+jong\s+un)")
_STAT_WORDS = r"(?:statistics|stats|figures|data|numbers|records|count|counts|tally|census|customs\s+data|border\s+data)"
_OTHER_SOURCE_RE = re.compile(
    rf"\b{_OTHER_KEEPER}(?:'s|’s|s')?\s+(?:own\s+)?(?:official\s+|government\s+|state\s+|customs\s+|border\s+)?"
    rf"{_STAT_WORDS}\b")
_OWN_RE = re.compile(r"(?:'s|’s|s')\s|\bown\b|\bofficial\b|\bgovernment\b|\bstate\b|\bcustoms\b|\bborder\b")


def other_source_asked(ex: Extraction) -> list[str]:
    """ "Did North Korea's own statistics confirm the numbers?": another keeper's counts, which the
    report does not have. A keeper's possessive, "own", or "according to" is needed: "North
    Korean figures for Q3" asks for the figures about North Koreans, which the data has."""
    m = _OTHER_SOURCE_RE.search(ex.text.lower())
    if m is None:
        return []
    if not (_OWN_RE.search(m.group(0)) or ex.text.lower()[:m.start()].rstrip().endswith("according to")):
        return []
    return [m.group(0)]


def method_asked(ex: Extraction) -> list[str]:
    """ "Do the figures include people who crossed more than once?", "did NK News verify them?":
    how the figures were made, which the figures themselves do not say."""
    asked = _METHOD_RE.search(ex.text.lower()) or "method_question" in ex.cues  # Korean, Russian: a cue group
    return ["how the figures were compiled"] if asked else []


_VAGUE_PART_RE = re.compile(r"\b(summer|autumn|fall|winter|spring|late|early|start|beginning|end|middle|mid|mid-year)"
                            r"(?:\s+of)?(?:\s+the)?(?:\s+year)?\s+(?:19|20)\d\d\b"
                            r"|\b(?:19|20)\d\d(?:'s)?\s+(summer|autumn|fall|winter|spring)\b")

# Russian: "в конце 2023 года", "в начале 2023-го", "в середине 2023", "летом 2023". "С начала 2023
# года" is the year so far (a partial span read elsewhere), so "начало" after "с" is not vague.
_VAGUE_PART_RU_RE = re.compile(r"(?<!\bс\s)(?<!\bсо\s)\b(конц\w*|конец|начал[аео]|середин\w*|летом|лета|лето|зим[аоуы]\w*|"
                               r"весн\w*|осен\w*|последн\w*\s+(?:два|две|три|шесть|[1-9])\s+месяц\w*)\s+(?:(?:19|20)\d\d)\b")


def vague_part_of_a_year(ex: Extraction) -> list[str]:
    """ "How many came in the summer of 2023?", "late 2023": a part of a year the data does not
    name (its periods are quarters, halves and years), so neither the year nor a guessed quarter
    answers it. "The summer quarter" is a quarter and is read as one elsewhere."""
    m = _VAGUE_PART_RE.search(ex.text.lower())
    if m:
        return [m.group(1) or m.group(2)]
    m = _VAGUE_PART_RU_RE.search(ex.text.lower())
    if m:
        return [m.group(1)]
    # "those arriving in the spring quarter", "the winter crowd": a season no period phrase
    # consumed (a period's words are masked out of the tokens) is a period dropped, never the
    # default period's figure to give.
    toks = ex.toks
    for i, tok in enumerate(toks):
        if tok in _SEASONS or tok == "fall" and i > 0 and toks[i - 1] in ("the", "last", "this", "in", "during"):
            return [tok]
    return []


# A period named only relative to another ("before Q3", "pre-Q3", "the months after Q1") or by a
# word nothing reads ("the opening quarter", "the year-earlier entrants"): the period phrase found
# is not the period asked, so its figure (or the default period's) would answer another question.
_RELATION_BEFORE_RE = re.compile(r"(?:\bbefore|\bpre-?|\bprior to|\bearlier than|\bahead of|\bafter|\bfollowing|"
                                 r"\buntil|\btill|\bup to|\bup until|\bleading up to|\bin the run-up to)\s*(?:the\s+)?$")
_FINER_RE = re.compile(r"\b(?:which|what)\s+(?:single\s+|particular\s+|calendar\s+)?(?:month|week|day|date)\b")
_PERIOD_NOUNS = frozenset({"quarter", "quarters", "half", "halves", "year", "years", "month", "months", "season", "period"})
_RELATION_WORDS = frozenset({"before", "after", "earlier", "prior", "preceding", "following", "later", "pre", "post"})


def period_left_over(ex: Extraction, lex: Lexicon) -> list[str]:
    """ "How many came before Q3?", "during the opening quarter", "the year-earlier entrants": a
    period the question names that no period phrase consumed; it must be refused, never read as
    the period next to it or as the default one. A period noun that a cue reads ("per quarter",
    "which quarter", "a quarter of them") or that only stands with a determiner is not one."""
    text = ex.text.lower()
    finer = _FINER_RE.search(text)
    if finer and not ex.periods:
        return [finer.group(0)]  # "in which month did most arrive?": the data has no monthly figures
    relative = [m for m in ex.periods if m.kind in ("previous", "relative")]
    if relative and len(relative) == len(ex.periods) and "change" not in ex.cues:
        # "How many came in the quarter before?": before what? Only a comparison reads it.
        return [relative[0].text]
    for m in ex.periods:
        if m.kind != "previous" and _RELATION_BEFORE_RE.search(text[:m.span[0]]):
            return [(_RELATION_BEFORE_RE.search(text[:m.span[0]]).group(0).strip() + " " + m.text).strip()]
    corrected = {a for a, _ in ex.corrected}
    toks = ex.toks
    for i, tok in enumerate(toks):
        if tok not in _PERIOD_NOUNS or any(t.kind == "cue" and t.id not in ("filler", "focus_date")
                                           for t in lex.phrases.get((tok,), ())):
            continue
        before = toks[i - 1] if i else ""
        after = toks[i + 1] if i + 1 < len(toks) else ""
        if ((before in ex.unknown and before not in corrected and before not in NUMBER_WORDS)
                or before in _RELATION_WORDS or after in _RELATION_WORDS):
            return [" ".join(w for w in (before, tok, after) if w in _RELATION_WORDS or w == tok or w in ex.unknown)]
    return []


_SEASONS = frozenset({"spring", "summer", "autumn", "winter", "springtime", "summertime", "wintertime"})


def month_asked(ex: Extraction) -> list[str]:
    """ "Which month did flights resume?", "몇 월에 다시 열렸어요?": a month, which no figure gives
    (the periods are quarters, halves and years). The words are data (``asks_month``)."""
    return ["month"] if "asks_month" in ex.cues else []


def share_across_periods(ex: Extraction, intent: str | None) -> list[str]:
    """ "Education visitors in Q3 as a share of 2022's total?": a share whose base is another
    period's total. A share answer is always of its own period's total, so it would answer a
    different question."""
    if intent not in ("share", "complement") or "share" not in ex.cues:
        return []
    named = {(m.kind, m.year, m.m1, m.m2) for m in ex.periods if m.kind not in ("latest", "previous", "relative")}
    return ["a share of another period's total"] if len(named) >= 2 else []


# "What did the business travellers do there?", "what are the students studying?": an activity.
_ACTIVITY_RE = re.compile(r"\bwhat (?:did|do|does|were|are|was|is) (?:the |these |those |they |he |she |it )?[\w' -]*?"
                          r"\b(?:do|doing|study|studying|work on|working on|build|building|buy|buying|sell|selling)\b")


def activity_asked(ex: Extraction) -> list[str]:
    """ "What did the Russian business travellers do in North Korea?": what people did is asked of
    a figure that only counts them; the purposes are the FSB's categories, not what they did.
    "What were the personal reasons the 23 gave?": the reasons behind a category, likewise."""
    text = ex.text.lower()
    if _ACTIVITY_RE.search(text):
        return ["what they did"]
    if ex.categories and _REASONS_GIVEN_RE.search(text) and "count" not in ex.cues:
        return ["what the reasons were"]
    return []


_REASONS_GIVEN_RE = re.compile(r"\bwhat (?:were|are|was) (?:the |their |those )?(?:\w+ )?(?:reasons|motives)\b")


_OF_ANOTHER_RE = re.compile(r"\bas an? (?:share|percentage|proportion|percent|fraction) of (?:all |the )?(\w+)")


def share_of_another_direction(ex: Extraction) -> list[str]:
    """ "North Korean business arrivals as a share of all Russian arrivals?": a share whose base is
    the other direction's total. A share is always of its own direction's total, and a gap between
    the two shares answers another question."""
    m = _OF_ANOTHER_RE.search(ex.text.lower())
    if not m or len({c.id for c in ex.countries}) < 2:
        return []
    base = [c for c in ex.countries if c.pos >= len(tokens(ex.text[:m.start(1)]))]
    first = [c for c in ex.countries if c not in base]
    return ["a share of the other direction's total"] if base and first and base[0].id != first[0].id else []


def share_without_part(ex: Extraction, intent: str | None) -> list[str]:
    """ "What share of arrivals came from Pyongyang?", "q1 share of 9m": a share asked with no
    category and at most one period names no part the data has; a plain total would answer a
    different question. (Two periods are a comparison; a category is a share.)"""
    named = [m for m in ex.periods if m.kind not in ("latest", "previous", "relative")]
    if intent != "total" or "share" not in ex.cues or ex.categories or len(named) >= 2:
        return []
    return ["a share of what"]


_FINER_PERIOD_RE = re.compile(r"\b(?:which|what|in which|on which|busiest|peak|best|worst)\s+(?:calendar\s+)?"
                              r"(month|week|day|date|weekday)s?\b"
                              r"|\b(?:daily|weekly|monthly|single[- ]day|one[- ]day)\s+(?:peak|high|record|maximum|max|low|minimum|spike)\b")
FINER_RANK_CUES = frozenset({"rank_top", "rank_bottom", "rank_order", "change"})


def periods_too_fine_or_left(ex: Extraction, lex: Lexicon) -> list[str]:
    """The period words a figure cannot answer: finer than the data (a day, "which month") or
    named but consumed by no period phrase; each named once. Read once per question (three
    stages ask), from words no stage changes after extraction."""
    if "periods_too_fine_or_left" not in ex.derived:
        ex.derived["periods_too_fine_or_left"] = list(dict.fromkeys(finer_period_asked(ex) + period_left_over(ex, lex)))
    return list(ex.derived["periods_too_fine_or_left"])


def finer_period_asked(ex: Extraction) -> list[str]:
    """ "How many arrived on the 12th?", "which month of Q3 was busiest?": a day, or a month or
    week picked out of a period, which the data never has (its finest periods are quarters).
    Neither the quarter's total nor its average per month answers it."""
    day = [w for w in ex.unknown if DAY_ORDINAL_RE.fullmatch(w)]
    if day:
        return [f"the {day[0]}"]
    m = _FINER_PERIOD_RE.search(ex.text.lower())
    if m and m.group(1) is None:
        return [m.group(0)]  # "the daily peak": no day's figure exists, and an average is no peak
    if m and (ex.cues.keys() & FINER_RANK_CUES or m.group(0).split()[0] in ("busiest", "peak", "best", "worst")):
        return [f"which {m.group(1)}"]
    return []


def forecast_asked(ex: Extraction) -> list[str]:
    """ "Will arrivals keep rising?", "how many will come in 2024?": a forecast, which the
    published figures never give (a period the data lacks is refused on its own)."""
    # Not the "future" cue itself: its "going to" is also travel ("Russians going to North Korea").
    forecast = _FORECAST_RE.search(ex.text.lower()) or asks_korean_forecast(ex.text)  # "계속될까?"
    return ["a forecast"] if forecast and not ex.facts[:1] else []


_FORECAST_RE = re.compile(r"\b(?:will|won't|forecasts?|projected|projections?|predicted|next (?:year|quarter|month)|"
                          r"in the future|keep (?:rising|falling|growing|climbing)|going to (?:rise|fall|grow|keep|continue))\b")


GROWTH_WORDS = frozenset({"grow", "grew", "grown", "growth", "faster", "slower", "quicker", "rise", "rose", "risen"})


def growth_asked_of_levels(ex: Extraction, intent: str | None) -> list[str]:
    """ "Did NK arrivals grow faster than Russian ones?": a comparison of two directions' levels
    does not answer a question about their growth (which needs the same periods for both)."""
    return sorted(GROWTH_WORDS & set(ex.toks)) if intent == "compare_directions" else []


# Words before a place that make it where people went ("arrived in Vladivostok", "to the Russian Far East").
DESTINATION_WORDS = frozenset({"to", "in", "into", "at", "toward", "towards", "reached", "reaching", "entered",
                               "entering", "visited", "visiting"})
CROSSING_WORDS = frozenset({"via", "through"})  # "entered Russia via Vladivostok": a crossing point, never the country
ORIGIN_WORDS = frozenset({"from"})  # "how many of them were from Pyongyang?": a city of origin, which national figures do not give
_BEFORE_PLACE = frozenset({"the", "russian", "russia's", "russia", "north", "korean", "korea's", "korea", "eastern",
                           "western", "southern", "northern"})


# "flights from Pyongyang", "the route from Pyongyang": a place that sets the scene, not an origin counted.
_SCENE_RE = re.compile(r"\b(?:flights?|route|routes|trains?|service|link)\s+from\b")


def places_as_destination(ex: Extraction, lex: Lexicon) -> list[str]:
    """ "How many North Koreans arrived in Vladivostok?": a place inside a country, named as
    where people went. The data counts entries to whole countries, so the national figure does
    not answer it. Places are data: those the facts name, and the ``subnational`` cue group. A
    place that only qualifies ("for a piece on the Vladivostok route") is not a destination."""
    toks, out = ex.toks, []
    if detect(ex.text) in ("ko", "ru"):
        # "하산을 거쳐", "나진으로", "через Хасан", "в Расон": Korean marks the place with a particle
        # after it and Russian by case, so a place inside a country named anywhere in a figure
        # question is where the people went or passed; the national figure answers neither.
        for i, tok in enumerate(toks):
            for p in ((tok, toks[i + 1]) if i + 1 < len(toks) else None, (tok,)):
                if p and any((x.kind, x.id) == ("cue", "subnational") for x in lex.phrases.get(p, ())):
                    out.append(" ".join(p))
                    break
        return list(dict.fromkeys(out))
    for i, tok in enumerate(toks):
        two = (tok, toks[i + 1]) if i + 1 < len(toks) else None
        sub = [p for p in (two, (tok,)) if p and any((x.kind, x.id) == ("cue", "subnational") for x in lex.phrases.get(p, ()))]
        is_country = any(x.kind == "country" for x in lex.phrases.get((tok,), ()))
        if not sub and (tok not in lex.place_words or is_country or tok in lex.filler):
            continue
        j = i - 1
        while j >= 0 and toks[j] in _BEFORE_PLACE:
            j -= 1
        # "... delegations to Pyongyang: how many went to NK?": the country is named as the
        # destination elsewhere, so the place only sets the scene.
        # Not a country named as the people's own ("how many of the NK arrivals went to Moscow?").
        elsewhere = any(k not in range(j + 1, i) and any((x.kind, x.role) == ("country", "place") or x.kind == "country"
                                                          and toks[k - 1:k] and toks[k - 1] in DESTINATION_WORDS
                                                          for x in lex.phrases.get((t,), ()))
                        for k, t in enumerate(toks) if k != i
                        and not any(m.pos <= k < m.end and m.role == "citizens" for m in ex.countries))
        if j >= 0 and (toks[j] in DESTINATION_WORDS and not elsewhere or toks[j] in CROSSING_WORDS
                       or toks[j] in ORIGIN_WORDS and "count" in ex.cues and not _SCENE_RE.search(ex.text)):
            out.append(" ".join(sub[0]) if sub else tok)
    return out


def fact_words_a_figure_leaves(ex: Extraction, lex: Lexicon) -> list[str]:
    """Words only a fact's keywords consumed ("LPR", "trade", "repatriate"), which an answer from
    the entry figures would leave unanswered. Places ("to Pyongyang") and amounts quoted back
    ("the 'hundreds' figure") qualify a figure question rather than change it."""
    movement = "movement" in ex.cues  # "how many came to Russia by plane, for a piece on the Vladivostok route"
    destinations = places_as_destination(ex, lex)
    kept = [w for w in ex.fact_only_words if not (movement and w in lex.place_words and w not in destinations)
            and w not in _QUANTITY_WORDS]
    # "What did the Kremlin say ...?": a government named by its seat is a statement's subject, not a count.
    metonyms = [t for t in ex.toks if "metonym" in ex.cues and any((x.kind, x.id) == ("cue", "metonym")
                                                                  for x in lex.phrases.get((t,), ()))]
    # "러시아 정부는 이 통계 보도에 어떤 입장을 냈나요?": a stance, a judgement, what was discussed or
    # agreed is asked; a count answers none of them (Korean and Russian: English reads these
    # words in its own frames).
    # Phrases of up to three lemmas ("кем работать"), not single words only.
    toks = ex.toks if detect(ex.text) in ("ko", "ru") else []
    framing = [" ".join(toks[i:i + n]) for n in (1, 2, 3) for i in range(len(toks) - n + 1) if any(
        (x.kind, x.id) in _FRAMING_FOR_FIGURES for x in lex.phrases.get(tuple(toks[i:i + n]), ()))]
    return (kept + [p for p in destinations if p not in kept] + [m for m in metonyms if m not in kept]
            + [f for f in framing if f not in kept])


# "occupation": "какая профессия у въехавших?" asks what they do for a living, which no count gives
# (the purposes are reasons for a trip, not jobs).
_FRAMING_FOR_FIGURES = frozenset({("cue", "stance"), ("cue", "judgement"), ("cue", "content"), ("cue", "outcome"),
                                  ("cue", "occupation")})


def operation_may_answer(frame: QuestionFrame, ex: Extraction, result: MatchResult, lex: Lexicon) -> bool:
    """May an operation answer this question? Only when nothing in it asks for something else."""
    if ex.slot_unknown or ex.measure_unknown or ex.proper_unknown or ex.exits or ex.fact_only_words:
        return False
    if (name_asked_of_a_figure(ex, lex) or places_as_destination(ex, lex) or subgroup_asked(ex, lex)
            or reason_asked_of_a_figure(ex) or subset_of_a_category(ex) or vague_part_of_a_year(ex)
            or part_of_a_quoted_figure(ex, lex) or counted_thing_not_people(ex, lex) or month_asked(ex)
            or counted_by_a_thing_counter(ex, lex)
            or periods_too_fine_or_left(ex, lex) or share_of_another_direction(ex)):
        return False
    if ex.cues.keys() & {"other_measure", "stock", "duration_question", "metonym"}:
        return False  # "metonym": "did the Kremlin confirm 365?" is about a government's words, not the count
    if "opinion" in ex.cues and frame.measure != "check":
        return False  # "should Russia ...?"; but "what should the copy say?" asks for a check
    if "who_question" in ex.cues and not ex.cues.keys() & {"count", "share", "change", "combine", "negation"}:
        return False  # "which minister ...": a name is asked for, not a number
    if result.intent in ("fact", "sources", "caveats", "help", "coverage") and result.decision == "answer":
        return False
    if (ex.facts and ex.facts[0][1] >= FACT_STRONG and "movement" not in ex.cues and not ex.categories
            and frame.measure != "all_figures"):  # "every number the report has": "report" names no statement here
        return False  # "trade volume in 2023": a subject the report states in words, not the entry figures
    plain = [w for w in ex.unknown if w not in ex.slot_unknown]
    return result.decision == "answer" or len(plain) <= BLOCKING_UNKNOWNS_LIMIT


# After "which", two words: a country or category may qualify the thing asked ("which Russian officials").
_FOCUS_RE = re.compile(r"\b(?:which|what)\s+(?:kind of\s+|type of\s+|sort of\s+)?([a-z][\w'-]*(?:\s+[a-z][\w'-]*)?)"
                       r"|\bname of\s+(?:the\s+|a\s+)?([a-z][\w'-]*(?:\s+[a-z][\w'-]*)?)"
                       r"|\bwho\s+(?:is|was|are)\s+(?:the\s+)?([a-z][\w' -]*)")
_MONTH_OR_YEAR_RE = re.compile(r"\b(?:19|20)\d\d\b|\b(?:january|february|march|april|may|june|july|august|september|"
                               r"october|november|december)\b", re.I)
_FORWARD_RE = re.compile(r"\b(expects?|predicts?|will|forecasts?|within [\w-]+ to [\w-]+ years)\b")
_WH_RE = re.compile(r"\b(what|which|who|whom|whose|when|where|why|how)\b")
_SPAN_RE = re.compile(r"\bwithin\s+[\w-]+(?:\s+to\s+[\w-]+)?\s+(?:years?|months?|weeks?|days?)\b")
_NAME_RE = re.compile(r"\b[A-Z][a-z]+(?:[ -][A-Z][a-z]+)+\b")


_PART_OF_PLACE_RE = re.compile(r"\b(?:which|what)\s+(?:part|parts|corner|area|areas)\s+of\s+(?:the\s+)?"
                               r"(?:russia|north korea|country|dprk|siberia)\b")


def question_focus(text: str, lex: Lexicon, lang: str = "en", toks: list[str] | None = None) -> list[str]:
    """The thing a fact question asks for ("which airline" -> airline, "when" -> when), or []
    for open questions ("what did Lankov say?"). Korean and Russian questions are read from
    their lemmas: a word of a ``focus_*`` cue group ("언제", "когда") is the thing asked for."""
    if lang != "en":
        toks = toks or []
        for i, t in enumerate(toks):
            # A word or a phrase of two ("какой день", "какого месяца").
            for phrase in ((t,), tuple(toks[i:i + 2])):
                if len(phrase) == len(set(phrase)) and any(x.kind == "cue" and x.id.startswith("focus_")
                                                           for x in lex.phrases.get(phrase, ())):
                    return [" ".join(phrase)]
        return []
    if _PART_OF_PLACE_RE.search(text):
        return ["where"]
    for m in _FOCUS_RE.finditer(text):
        words = [w.removesuffix("'s") for w in re.split(r"[\s-]+", next(g for g in m.groups() if g)) if w][:4]
        if any((t.kind, t.id) == ("cue", "why") for t in lex.phrases.get(tuple(m.group(0).split()[:2]), ())):
            continue  # "what makes them keen ...?" asks why, not for a thing called "makes"
        focus_kind = any(t.kind == "cue" and t.id.startswith("focus_") for t in lex.phrases.get((words[0],), ()))
        if m.group(1) is not None and words[0] in lex.filler and not focus_kind:
            continue  # "what is ...", "what did ...": no particular thing asked for here
        # Country names and categories qualify the thing asked for; they are not it
        # ("which Russian city" asks for a city).
        content = [w for w in words if (w not in lex.filler or w == words[0] and focus_kind)
                   and not any(t.kind in ("country", "purpose", "transport") for t in lex.phrases.get((w,), ()))
                   # "which Siberian regions": a place the report names qualifies the thing asked for
                   and not any(w[:FACT_STEM_LEN] == p[:FACT_STEM_LEN] for p in lex.place_words if len(p) >= FACT_STEM_LEN)]
        if m.group(1) is not None:
            content = content[:1] if content and content[0] == words[0] else content[:1]
        if content:
            return content[:3]
    if _PART_OF_PLACE_RE.search(text):
        return ["where"]  # "which part of Russia ...?": a place inside the country is asked for
    if re.search(r"\bhow old\b|\bwhat age\b|\b(?:his|her|their) age\b", text):
        return ["age"]
    if re.search(r"\b(exact quote|quote|quotes|verbatim|exact words|in his words|in her words)\b", text):
        return ["quote"]
    if re.search(r"\bwhen\b", text):
        return ["when"]
    return []


# Cue groups whose words are details a fact must state to answer ("the population of Vladivostok").
FACT_MEASURE_CUES = frozenset({"stock_noun"})
CHANGE_VERBS = frozenset({"increase", "increased", "increasing", "decrease", "decreased", "decline", "declined", "grow",
                          "grew", "grown", "rise", "rose", "risen", "fall", "fell", "fallen", "drop", "dropped", "jump",
                          "jumped", "surge", "surged", "double", "doubled", "halve", "halved"})
FACT_STEM_LEN = 5  # a question word is in a fact when its first five letters are ("discuss" ~ "discussed")
SPEECHLESS_KINDS = frozenset({"event", "profile"})  # facts that report no one's words


def words_the_facts_leave_out(ex: Extraction, facts: list[dict[str, Any]], lex: Lexicon,
                              lang: str = "en") -> list[str]:
    """Meaning-bearing words of the question that neither an extractor nor the facts account for.

    Function words are data (the ``filler`` cue group per language); a word one of the facts
    contains (by its first letters) is accounted for; anything else is a detail the report may
    not give, and an answer that ignored it would answer a different question.
    """
    if not facts:
        return []
    body = " ".join(str(f.get(k) or "") for f in facts
                    for k in ("statement", "topic", "subject", "speaker", "quote", "place", "date")).lower()
    keywords = " ".join(" ".join(kw) for f in facts for kw in lex.fact_keywords.get(f["fact_id"], {}))
    corrected = {a for a, _ in ex.corrected}
    if lang != "en":
        leftover = _lemmas_the_facts_leave_out(ex, body + " " + keywords, corrected, lex, lang)
        # A word a cue consumed because it names a measure of its own ("운항 횟수", "월급") still
        # asks for something: the facts must say it too.
        text = (body + " " + keywords).replace(" ", "")
        leftover += [t for t in ex.toks if t not in leftover and t[:KO_STEM_LEN if lang == "ko" else RU_STEM_LEN] not in text
                     and any(x.kind == "cue" and x.id in FACT_MEASURE_CUES | {"other_measure"}
                             for x in lex.phrases.get((t,), ()))]
        # "Какой авиакомпанией летели?": a name-asking noun the best fact does not answer.
        top = " ".join(str(facts[0].get(k) or "") for k in ("statement", "subject", "speaker", "quote")).lower()
        top_lemmas = set(tokens(normalise(top)))
        asks = _WHICH_WHAT & set(ex.toks)
        # "Между какими городами?": a place noun is answered by a place the question does not already name.
        places = [p.strip() for p in re.split(r",| и | and ", str(facts[0].get("place") or "").lower()) if p.strip()]
        new_place = any(p[:RU_STEM_LEN] not in ex.text for p in places)
        # Framing words ("분석했나요", "признают ли") are accounted for only by a fact of the matching
        # aspect, as in English (FRAMING_TESTS).
        # A hedge on what was discussed ("что, предположительно, обсуждали") qualifies the content,
        # which the statement of the discussion answers (texts.facts_on_content picks it).
        hedged_content = {w for w in ex.toks if "content" in ex.cues
                          and any((x.kind, x.id) == ("cue", "hearsay") for x in lex.phrases.get((w,), ()))}
        leftover = [w for w in framing_the_fact_leaves(ex, facts[0], lex)
                    if w not in leftover and w not in hedged_content] + leftover
        return leftover + [t for t in ex.toks if asks and t not in leftover and t not in top_lemmas
                           and any((x.kind, x.id) == ("cue", "name_noun") for x in lex.phrases.get((t,), ()))
                           and t[:RU_STEM_LEN] not in top and not (_place_noun(t, lex) and new_place)]
    # Words a cue consumed because they frame what is asked ("doubt", "deny", "rumoured",
    # "Moscow") are accounted for only by a fact of the matching aspect (FRAMING_TESTS).
    framing = framing_the_fact_leaves(ex, facts[0], lex)
    # Words a cue consumed because they name a measure of their own ("population", "inhabitants")
    # still ask for something: the facts must say it too.
    measured = [t for t in ex.toks if any(x.kind == "cue" and x.id in FACT_MEASURE_CUES for x in lex.phrases.get((t,), ()))
                or t in CHANGE_VERBS]  # "has the number of workers increased?": the fact must state a change
    said = set(re.findall(r"\d+", body))
    # "the 14th" is accounted for by a fact that states the 14th; "the 12th" is left over.
    leftover = framing + [w for w in list(dict.fromkeys(ex.unknown + measured)) if w not in corrected and not w.isdigit()
                and not (DAY_ORDINAL_RE.fullmatch(w) and re.match(r"\d+", w).group() in said)
                and w[:FACT_STEM_LEN] not in body and w[:FACT_STEM_LEN] not in keywords
                and not _contracted_filler(w, lex) and not _base_in(w, body + " " + keywords)]
    # "Which Siberian regions ...?": a name-asking noun must be answered by the best fact: a place
    # noun by a place the question does not already name, any other by the noun itself.
    top = facts[0]
    top_body = " ".join(str(top.get(k) or "") for k in ("statement", "subject", "speaker", "quote")).lower()
    for t in ex.toks if _WHICH_WHAT & set(ex.toks) else []:
        terms = {(x.kind, x.id) for x in lex.phrases.get((t,), ())}
        if ("cue", "name_noun") not in terms:
            continue
        if t[:4] in _PLACE_NOUN_STEMS:
            places = [p.strip() for p in str(top.get("place") or "").lower().replace(" and ", ",").split(",") if p.strip()]
            if any(p[:FACT_STEM_LEN] not in ex.text for p in places):
                continue
        elif t[:FACT_STEM_LEN] in top_body:
            continue
        elif t in _PURPOSE_NOUNS and (top.get("kind") == "reason" or _REASON_RE.search(top_body)):
            continue  # "for what purpose did the LPR discuss ...?": "to rebuild infrastructure" says it
        leftover.append(t)
    return leftover


_PURPOSE_NOUNS = frozenset({"purpose", "purposes", "reason", "reasons", "aim", "aims", "goal", "goals", "motive", "motives"})


def _place_noun(lemma: str, lex: Lexicon) -> bool:
    """A Russian or Korean noun that asks for a place ("город", "도시"): the lemma lists, or the
    focus_place cue group of data/cues.csv."""
    return lemma in _PLACE_NOUN_LEMMAS or any((x.kind, x.id) == ("cue", "focus_place") for x in lex.phrases.get((lemma,), ()))


# Framing cue groups (data/cues.csv) and the aspect a fact must have to account for their words.
# "Why does Lankov doubt ...?" asks for a judgement, which an analyst's estimate or analysis gives
# and an event does not; "have they acknowledged ...?" asks for a stance, which "both deny it"
# gives; "what was rumoured / likely on the agenda?" asks for something hedged, which "is expected
# to have been discussed" gives; "Moscow" stands for Russia in a fact that names the country.
JUDGING_KINDS = frozenset({"estimate", "analysis", "prediction"})
_STANCE_RE = re.compile(r"\b(?:den(?:y|ies|ied|ial)|admit|acknowledg|confirm|reject|dismiss)")
_HEDGE_RE = re.compile(r"\b(?:expected|likely|probably|reported|reportedly|suspicion|suspected|believed|believe|"
                       r"known to|signal|alleg|estimate)")
_BOTH_COUNTRIES_RE = re.compile(r"\b(?:the|both) (?:two )?countries\b")


def _names_a_country(fact: dict[str, Any], lex: Lexicon) -> bool:
    body = " ".join(str(fact.get(k) or "") for k in ("statement", "subject", "place")).lower()
    return bool(_BOTH_COUNTRIES_RE.search(body)) or any(
        str(v.get(form) or "").lower().rstrip("s") in body for (kind, _), v in lex.labels.items() if kind == "country"
        for form in ("label", "people") if v.get(form))


FRAMING_TESTS = {
    "judgement": lambda fact, lex: fact.get("kind") in JUDGING_KINDS or bool(fact.get("quote")),
    # A translated fact is tested on its English statement, kept beside the translation.
    "stance": lambda fact, lex: bool(_STANCE_RE.search(str(fact.get("statement_en") or fact.get("statement") or "").lower())),
    "hearsay": lambda fact, lex: bool(_HEDGE_RE.search(str(fact.get("statement_en") or fact.get("statement") or "").lower())),
    "metonym": _names_a_country,
}


def framing_the_fact_leaves(ex: Extraction, fact: dict[str, Any], lex: Lexicon) -> list[str]:
    """The framing words of a question ("doubt", "acknowledged", "chatter", "Moscow") that the
    best fact does not account for by its aspect; each is a detail the report does not give."""
    out: list[str] = []
    for group, test in FRAMING_TESTS.items():
        if group not in ex.cues or test(fact, lex):
            continue
        words = [t for t in ex.toks if any((x.kind, x.id) == ("cue", group) for x in lex.phrases.get((t,), ()))]
        out.extend(words[:1] or [group])
    if "metonym" in ex.cues and not ex.cues.keys() & {"who_question", "focus_date"}:
        # "Did Choe visit Moscow ...?": after a visit or "to"/"in", the capital is a place, which
        # only a fact naming that city accounts for. When a person or a date is asked for ("who did
        # she meet in Moscow?", "when was Choe in Moscow?") the fact answers, with places_unnamed's
        # note that the report says Russia.
        said = " ".join(str(fact.get(k) or "") for k in ("statement", "place")).lower()
        out.extend(t for i, t in enumerate(ex.toks) if i and ex.toks[i - 1] in DESTINATION_WORDS | {"visit"}
                   and any((x.kind, x.id) == ("cue", "metonym") for x in lex.phrases.get((t,), ()))
                   and t[:FACT_STEM_LEN] not in said and t not in out)
    return out


def _contracted_filler(word: str, lex: Lexicon) -> bool:
    """ "it'll", "they've", "we'd": a function word with a contracted auxiliary is a function word."""
    if word.endswith("n't"):
        return True  # "isn't", "don't": a negated auxiliary, as in a tag question ("..., isn't it?")
    head, sep, tail = word.partition("'")
    return bool(sep) and head in lex.filler and tail in ("ll", "ve", "d", "re", "s", "m")


_ENDINGS = ("ing", "ed", "es", "s")


def _base_in(word: str, text: str) -> bool:
    """ "sending" ~ "send", "returned" ~ "return": a short root under an inflection, which the
    five-letter stem misses ("sendi" is in no fact), is in the facts as a word of its own."""
    for end in _ENDINGS:
        base = word.removesuffix(end)
        if base != word and len(base) >= 3 and re.search(r"\b" + re.escape(base) + r"(?:e|s|es|ed|ing)?\b", text):
            return True
    return False


RU_STEM_LEN = 5  # a Russian lemma is in a fact when a lemma of the fact starts the same ("договориться" ~ "договор")
KO_STEM_LEN = 2  # a Korean lemma's first two syllables inside the fact's text ("합의" in "합의했다")


def _lemmas_the_facts_leave_out(ex: Extraction, body: str, corrected: set[str], lex: Lexicon,
                                lang: str) -> list[str]:
    """Korean and Russian: the question's words reach here as lemmas (mecab-ko, pymorphy3), so
    the facts' text (in the question's language, already localised) is read into lemmas the same
    way before the two are compared. Russian compares lemma stems, Korean looks for the lemma's
    stem inside the text, because Korean nouns compound without spaces ("공사장" in "건설공사장")."""
    fact_lemmas = set(tokens(normalise(body)))
    text = body.replace(" ", "")
    stems = {t[:RU_STEM_LEN] for t in fact_lemmas if len(t) >= RU_STEM_LEN}
    out = []
    # Korean nouns the lexicon knows only as part of another phrase ("국적" of "국적자") and that
    # nothing consumed here still ask for something; verbs are left to the fact's own wording.
    idle = [w for w in ex.idle if lang == "ko" and w not in ex.unknown and len(w) >= 2 and not w.endswith("다")
            and not w.startswith("~") and not is_particle(w) and korean_word_known(w)]
    # A place inside a country ("모스크바", "Хасан": the subnational cue group) is a detail the fact
    # must name itself, as an unknown word would be.
    places = [w for w in ex.toks if w not in ex.unknown
              and any((x.kind, x.id) == ("cue", "subnational") for x in lex.phrases.get((w,), ()))]
    for w in ex.unknown + idle + places:
        if w in corrected or w.isdigit() or w in lex.filler or w in fact_lemmas or w in body:
            continue
        if lang == "ru" and (len(w) < 3 or w[:RU_STEM_LEN] in stems):
            continue
        if lang == "ko":
            stem = w[:-1] if w.endswith("다") and len(w) > 2 else w
            # "원해" left unanalysed by mecab where "원하다" became "원": the verb's stem is the noun.
            verb_stem = re.sub(r"(?:하다|해요|해|했|하|한)$", "", w)
            if len(stem) < 2 or stem[:KO_STEM_LEN] in text or verb_stem and verb_stem != w and verb_stem in fact_lemmas:
                continue
        out.append(w)
    return out


ASPECT_DETAIL = {"where": "where exactly", "how_many": "an exact number", "when": "when"}
EXACT_WORDS = frozenset({"exact", "exactly", "precise", "precisely", "정확히", "точно", "ровно", "именно"})
_AMOUNT_RE = re.compile(r"(?<![\w-])\d+(?:[.,]\d+)?(?![\w-])")  # a number standing alone ...
_YEAR_RE = re.compile(r"\b(?:19|20)\d\d\b")  # ... that is not a year
_MONTHS = r"(?:january|february|march|april|may|june|july|august|september|october|november|december)"
_DAYS_RE = re.compile(r"\b\d{1,2}(?:\s*(?:to|–|-|and)\s*\d{1,2})?\s+" + _MONTHS + r"|" + _MONTHS + r"\s+\d{1,2}\b")


def gives_aspect(aspect: str | None, ex: Extraction, facts: list[dict[str, Any]]) -> bool:
    """Does the best fact give what the question asks for? A place the question does not already
    name for "where"; a number for "how many" (digits when an exact one is asked)."""
    if not facts:
        return True
    fact = facts[0]
    if aspect == "where":
        place = str(fact.get("place") or "").lower()
        named = [p.strip() for p in place.replace(" and ", ",").split(",") if p.strip()]
        if named and ex.toks[:1] and ex.toks[0] in _YES_NO_FIRST and all(p in ex.text.lower() for p in named):
            return True  # "Is Kookmin University where Lankov works?": the place put to the fact is its place
        return bool(named) and not all(p in ex.text for p in named)
    if aspect == "how_many" and ex.facts and "duration_question" not in ex.cues:
        # The English text: what follows reads amounts in English words ("thousands"), and a
        # Korean or Russian question gets the fact localised ("수천 명"), its original kept as _en.
        if "caveat_weak" in ex.cues and fact.get("kind") != "estimate":
            # "How many actually work on Siberian sites?": the real number is asked, and only an
            # estimate of it answers; "the authorities want thousands" is an amount of another thing.
            return False
        statement = str(fact.get("statement_en") or fact.get("statement") or "")
        # An exact number asked ("назовите точную цифру"): only digits answer it, not "thousands";
        # the words are the ``exact_number`` cue group (lemmas, per language) besides EXACT_WORDS.
        return states_amount(statement, bool(EXACT_WORDS & set(ex.toks)) or "exact_number" in ex.cues)
    return True


def states_amount(statement: str, exact: bool = False) -> bool:
    """Does an (English) statement give an amount: digits or words ("hundreds", "three"), not a
    date or "the two countries"; digits only when an exact number is asked?"""
    if exact:
        return bool(_AMOUNT_RE.search(_YEAR_RE.sub("", statement)))
    # No amount at all, in digits or words ("hundreds", "three"): the fact says who and when,
    # never how many ("how big was Choe's delegation?"), so it does not answer the question.
    undated = _DAYS_RE.sub("", _YEAR_RE.sub("", statement.lower()))  # "14 to 18 January" is a date
    # "the two countries" names who, not how many
    undated = re.sub(r"\b(?:the|both|these|those) (?:two|three|2|3) [a-z]+", "", undated)
    words = set(re.findall(r"[a-z]+", undated))
    return bool(_AMOUNT_RE.search(undated) or words & (_QUANTITY_WORDS | NUMBER_WORDS | _AMOUNT_WORDS))


def _states_cue(fact: dict[str, Any], group: str, lex: Lexicon) -> bool:
    """Does the fact's own text contain a phrase of cue ``group`` ("agreed", "discussed")?"""
    toks = tokens(normalise(" ".join(str(fact.get(k) or "") for k in ("statement", "quote"))))
    return any((x.kind, x.id) == ("cue", group) for n in (1, 2, 3) for i in range(len(toks) - n + 1)
               for x in lex.phrases.get(tuple(toks[i:i + n]), ()))


DETAIL_GROUP_PREFIX = "detail_"  # cues.csv groups named detail_*: a detail asked, and stated, in the same words


def details_unstated(ex: Extraction, fact: dict[str, Any] | None, lex: Lexicon) -> list[str]:
    """The details a question asks of a fact that the fact does not state, in the question's words.

    Each ``detail_*`` group of cues.csv lists the ways a detail is asked and stated ("went with",
    "accompanied", "delegation" for who went along; "checkpoint", "border crossing" for where they
    crossed; "paid for", "funded" for who paid). A question that hits a group is answered by a
    fact only when the fact's own text hits the same group; otherwise the detail is one the report
    does not give, and the nearest fact, which merely shares other words, is context. A new detail
    of this kind is one row of cues.csv."""
    if fact is None:
        return []
    asked = [g for g in ex.cues if g.startswith(DETAIL_GROUP_PREFIX)]
    missing = [g for g in asked if not _states_cue(fact, g, lex)]
    if not missing:
        return []
    out: list[str] = []
    for h in lex.scan(ex.toks):
        if h.term.kind == "cue" and h.term.id in missing:
            out.append(" ".join(ex.toks[h.start:h.end]))
    return list(dict.fromkeys(out)) or [g[len(DETAIL_GROUP_PREFIX):] for g in missing]


def facts_on_content(ex: Extraction, facts: list[dict[str, Any]], lex: Lexicon) -> list[dict[str, Any]] | None:
    """ "What did Choe and Putin talk about?": what was discussed is asked for (the ``content``
    cue group). The facts that state a discussion ("is expected to have been discussed") answer
    it, not the one that says only that they met. None when the content is not asked."""
    if "content" not in ex.cues:
        return None
    return [f for f in facts if _states_cue(f, "content", lex)]


_REASON_RE = re.compile(r"\b(?:because|due to|owing to|thanks to|faced with|in order to|as a result|driven by|so that|"
                        r"since|amid|ties [\w' -]+ to|as the two|the reason|to rebuild|for construction)\b")


def reason_unstated(ex: Extraction, fact: dict[str, Any] | None) -> bool:
    """ "Why did Choe visit Russia?": a reason is asked (the ``why`` cue group) and the fact says
    only what happened. A statement of kind ``reason``, or one that gives a cause or a purpose in
    its own words ("faced with a labour shortage", "to rebuild infrastructure"), answers it."""
    if fact is None or "why" not in ex.cues or not re.match(r"^(?:\w+\s+){0,3}?(?:why|how come|for what reason)\b",
                                                            ex.text.lower()):
        return False
    said = " ".join(str(fact.get(k) or "") for k in ("statement", "quote", "statement_en")).lower()
    return fact.get("kind") != "reason" and not _REASON_RE.search(said)


def outcome_unstated(ex: Extraction, fact: dict[str, Any] | None, lex: Lexicon) -> bool:
    """ "What came out of Choe's meeting with Putin?", "was any deal signed?": the outcome of an
    event is asked for (the ``outcome`` cue group), and the fact says only that it happened or
    what was discussed. Only a statement that itself states an outcome (its words in the same
    cue group: "agreed", "signed", "decided") answers it."""
    if fact is None or "outcome" not in ex.cues or re.search(r"\bagrees?\s+with\b", ex.text):
        return False  # "does Lankov agree with the experts?" asks an opinion, not an outcome
    return not _states_cue(fact, "outcome", lex)


# A fact that reports only an intention, a wish or a discussion ("discussed using workers",
# "signalled that they want", "expected to have been discussed") does not say the thing happened.
_INTENTION_RE = re.compile(r"\b(?:discuss(?:ed|ing|es)?|wants?|wanted|signall?ed|expected|plans?|planned|planning|"
                           r"consider(?:ed|ing)?|propos(?:ed|al)|hopes?|hoped|intends?|intended)\b")
# Words asking whether it did happen ("have workers actually arrived in Donetsk?", "did Putin visit?").
_REALISED_RE = re.compile(r"\b(?:arrived?|arriving|go|goes|travell?ed|reached|start(?:ed)?|began|begun|received|deployed|sent|went|gone|"
                          r"visit(?:ed)?|came|turned up|showed up|happened|took place|materiali[sz]ed|went ahead|"
                          r"gone ahead|actually|yet|already|hired?|hires|hiring|recruit(?:ed|s)?|employ(?:ed|s)?|brought in|"
                          r"got|received?|working)\b")


_HOW_MANY_RE = re.compile(r"^\W*(?:\w+\W+){0,3}?how (?:many|much)\b")
_YES_NO_FIRST = frozenset({"did", "has", "have", "had", "was", "were", "is", "are", "do", "does"})


def movement_unstated(ex: Extraction, fact: dict[str, Any] | None, lex: Lexicon) -> bool:
    """ "Did Lankov visit Russia himself?": a yes/no question about someone going somewhere, put to
    a fact that states no movement at all (a profile); that he went is not in the report."""
    if fact is None or not ex.toks or ex.toks[0] not in _YES_NO_FIRST or not _MOVE_RE.search(ex.text.lower()):
        return False
    said = " ".join(str(fact.get(k) or "") for k in ("statement", "statement_en")).lower()
    return not (_MOVE_RE.search(said) or _states_cue(fact, "movement", lex))


_MOVE_RE = re.compile(r"\b(?:visit(?:ed|s|ing)?|travel(?:l?ed|s|ling)?|go|goes|went|gone|come|came|fly|flew|flown|"
                      r"enter(?:ed|s)?|arrive[ds]?|trip|been to|been in)\b")


def realisation_unstated(ex: Extraction, fact: dict[str, Any] | None, lex: Lexicon) -> bool:
    """ "Have North Korean workers actually arrived in Donetsk?", "did Putin visit Pyongyang?":
    whether a thing happened, asked of a fact that reports only that it was discussed, wanted or
    expected. The fact is context; that it happened is not what the report says."""
    text = ex.text.lower()
    yes_no = (bool(ex.toks) and ex.toks[0] in _YES_NO_FIRST or asks_yes_or_no(ex, lex)
              or bool(ex.cues.keys() & {"claim", "claim_weak", "check_figure"}))
    # "How many did the Siberian authorities actually hire?": an amount of what happened, asked of
    # a fact that gives only the amount wanted ("they want thousands"), is as unstated as whether
    # it happened. Not when the question itself asks for the wish ("how many do they want?").
    amount_done = bool(_HOW_MANY_RE.match(text)) and not _INTENTION_RE.search(text)
    if fact is None or not (yes_no or amount_done) or not _REALISED_RE.search(text):
        return False
    said = str(fact.get("statement_en") or fact.get("statement") or "").lower()
    return bool(_INTENTION_RE.search(said)) and not _states_cue(fact, "outcome", lex)


# "Is Lankov right?", "can we trust Lankov?": a verdict on a person, which the report never gives.
_VERDICT_ON_PERSON_RE = re.compile(r"^\s*(?:(?:is|was|are|were)\s+(?:\w+\s+){1,3}(?:right|correct|wrong|accurate|credible|"
                                   r"reliable|trustworthy)|(?:can|should)\s+(?:we|i|you)\s+(?:trust|believe)\s+(?:\w+\s*){1,3})\s*\??\s*$")


def verdict_on_a_person(ex: Extraction) -> bool:
    """ "Is Lankov right?": the question names a person the facts know and nothing else but a
    verdict; the report states what he said, not whether he is right."""
    return ex.named_subject and not ex.numbers and bool(_VERDICT_ON_PERSON_RE.match(ex.text.lower()))


def organisations_unnamed(text: str, fact: dict[str, Any] | None, organisations: list[str]) -> list[str]:
    """ "Which NK News journalist wrote the story?", "who at Donga translated it?": an organisation
    of the source chain named in the question (by its name or the short form in brackets) whose
    people the fact does not name: it names the organisation not at all, or only as its own
    subject (what Donga did, not who at Donga). A person there is asked for, so it does not answer."""
    if fact is None:
        return []
    said = " ".join(str(fact.get(k) or "") for k in ("statement", "subject", "speaker", "quote")).lower()
    subject = str(fact.get("subject") or "").lower()
    asked = text.lower()
    out = []
    for name in organisations:
        forms = {f.strip().lower() for f in [re.sub(r"\s*\(.*?\)", "", name), *re.findall(r"\(([^)]+)\)", name)]
                 if len(f.strip()) >= 3}
        if not any(re.search(r"\b" + re.escape(f) + r"\b", asked) for f in forms):
            continue
        if not any(f in said for f in forms) or any(f in subject for f in forms) and _PERSON_AT_RE.search(asked):
            out.append(re.sub(r"\s*\(.*?\)", "", name))
    return out


# A person of an organisation asked for: "who at Donga", "which FSB official", "the NK News reporter".
_PERSON_AT_RE = re.compile(r"\bwho at\b|\b(?:journalist|reporter|editor|official|officer|translator|author|staffer|"
                           r"spokesman|spokeswoman|spokesperson|employee)s?\b")


def places_unnamed(ex: Extraction, fact: dict[str, Any] | None, lex: Lexicon) -> list[str]:
    """ "Who did the foreign minister meet in Moscow?": a place inside a country (the
    ``subnational`` cue group) that the fact does not name. The fact still answers who; the
    answer says that the report names only the country."""
    if fact is None:
        return []
    body = " ".join(str(fact.get(k) or "") for k in ("statement", "place", "quote")).lower()
    toks, out = ex.toks, []
    for i, tok in enumerate(toks):
        for phrase in ((tok, toks[i + 1]) if i + 1 < len(toks) else None, (tok,)):
            if phrase and any((x.kind, x.id) == ("cue", "subnational") for x in lex.phrases.get(phrase, ())):
                name = " ".join(phrase)
                if name not in body and name not in " ".join(out):
                    out.append(name)
                break
    return [w.title() for w in out]


SPEECH_VERBS = frozenset({"say", "said", "says", "saying", "tell", "told", "tells",
                          "сказать", "говорить", "заявить", "заявлять"})  # Russian lemmas


_REPORT_SAYS_RE = re.compile(r"\b(?:the\s+)?(?:report|article|piece|story|data|text|nk news|donga)\s+(?:say|says|said|tell|tells)\b")


def says_what_was_said(ex: Extraction, fact: dict[str, Any] | None) -> bool:
    """ "What did Putin say ...?" is answered only by a fact that reports someone's words."""
    if fact is None or "who_question" in ex.cues or not SPEECH_VERBS & set(ex.toks):
        return True
    if not SPEECH_VERBS & set(tokens(_REPORT_SAYS_RE.sub(" ", ex.text.lower()))):
        return True  # "what does the report say was on the agenda?": the report's statement, not someone's words
    return fact.get("kind") not in SPEECHLESS_KINDS or bool(fact.get("quote"))


_KIND_RE = re.compile(r"\b(?:what|which)\s+(?:kinds?|types?|sorts?|categor(?:y|ies)|forms?)\s+of\s+([a-z][\w'-]*)")
_KIND_AFTER_RE = r"(?:\s*\(|\s*:|,?\s+(?:such as|including|like|namely|e\.g\.))"


def kind_asked(text: str) -> str | None:
    """ "What kind of weapons ...?": the noun whose kind is asked for, or None."""
    m = _KIND_RE.search(text.lower())
    return m.group(1) if m else None


def thing_asked(ex: Extraction, lex: Lexicon) -> str | None:
    """ "What weapons ...?", "which weapons ...?": a thing the report names (a ``place_nouns``
    word) asked for by which ones, or None."""
    for i, tok in enumerate(ex.toks[:-1]):
        noun = ex.toks[i + 1]
        terms = {(x.kind, x.id) for x in lex.phrases.get((noun,), ())}
        if (tok in ("what", "which") and noun not in WHICH_FIGURE_WORDS | ABOUT_THE_DATA and ("cue", "place_nouns") in terms
                and not any(k == "cue" and i.startswith("focus_") for k, i in terms)):
            return noun  # persons and places asked for ("which officials") are the focus checks' own
    return None


def thing_asked_local(ex: Extraction, lex: Lexicon) -> str | None:
    """ "Какое (именно) оружие ...?", "어떤 무기를 ...?": a thing the report names only in general (a
    ``place_nouns`` lemma) asked for by which ones, in Korean or Russian, or None. The words
    between may only be function words ("именно", "정확히")."""
    for i, tok in enumerate(ex.toks[:-1]):
        if not any((x.kind, x.id) == ("cue", "which_kind") for x in lex.phrases.get((tok,), ())):
            continue
        j = i + 1
        while j < len(ex.toks) - 1 and ex.toks[j] in lex.filler and not _is_place_noun(ex.toks[j], lex):
            j += 1
        noun = ex.toks[j]
        terms = {(x.kind, x.id) for x in lex.phrases.get((noun,), ())}
        if (_is_place_noun(noun, lex) and noun not in WHICH_FIGURE_WORDS | ABOUT_THE_DATA
                and not any(k == "cue" and c.startswith("focus_") for k, c in terms)):
            return noun
    return None


def _is_place_noun(word: str, lex: Lexicon) -> bool:
    return any((x.kind, x.id) == ("cue", "place_nouns") for x in lex.phrases.get((word,), ()))


# A kind named beside a noun in Korean and Russian statements: a list after it or before it.
_LOCAL_KIND_AFTER_RE = re.compile(r"^\s*(?:\(|:|,?\s*(?:такие как|такие, как|в том числе|включая|например)\b)")
_RU_PLACING = ("северокорейск", "российск", "русск", "корейск")  # adjectives that place a thing, not its kind
_KO_KIND_BEFORE_RE = re.compile(r"(?:같은|등의|등|따위의)\s*$")


def names_a_kind_local(noun: str, statement: str, lang: str) -> bool:
    """Does a Korean or Russian statement say what kind of ``noun`` (a lemma) it is? In Russian an
    adjective before it ("артиллерийские снаряды") or a list after it; in Korean a list before or
    after it ("포탄 등 무기", "무기(포탄)"). A verb or a place before it names no kind."""
    words = re.findall(r"[\w-]+|[():,]", statement.lower())
    for k, word in enumerate(words):
        if normalise_tokens([word])[:1] != [noun] and not (lang == "ko" and word.startswith(noun)):
            continue
        rest = " ".join(words[k + 1:])
        if _LOCAL_KIND_AFTER_RE.match(" " + rest):
            return True
        b = k - 1
        while lang == "ru" and b >= 0 and russian_modifier(words[b]):  # "местные российские власти"
            if not words[b].startswith(_RU_PLACING):
                return True
            b -= 1
        if lang == "ko" and _KO_KIND_BEFORE_RE.search(" ".join(words[:k])):
            return True
    return False


def names_a_kind(noun: str, statement: str, lex: Lexicon) -> bool:
    """Does a statement say what kind of ``noun`` it is ("a construction site", "weapons such as
    shells")? A word before the noun that only places it ("North Korean workers"), counts it
    ("dozens of") or is a verb ("received weapons") does not name a kind."""
    stem = noun[:FACT_STEM_LEN].rstrip("s")
    text = statement.lower()
    for m in re.finditer(r"\b" + re.escape(stem) + r"[\w'-]*", text):
        if re.match(_KIND_AFTER_RE, text[m.end():]):
            return True
        before = re.findall(r"[\w'-]+", text[:m.start()])[-1:]
        if not before:
            continue
        word = before[0]
        placing = any(t.kind == "country" for t in lex.phrases.get((word,), ())) or word in ("korean", "russian")
        if (word in lex.filler or placing or word in _QUANTITY_WORDS or word.isdigit()
                or word.endswith(("ed", "ing")) or word in ("of", "has", "have", "had", "its", "their")):
            continue
        return True
    return False


def focus_covered(focus: list[str], fact: dict[str, Any], lex: Lexicon, question_text: str = "") -> bool:
    """Does a fact say what the question asks for? By kind of thing (a date, a place, a country,
    a person) or, for anything else, by the word itself (its first five letters)."""
    statement = fact.get("statement") or ""
    body = " ".join(str(fact.get(k) or "") for k in ("statement", "topic", "subject", "speaker", "quote")).lower()
    keywords = " ".join(k for k, in [(" ".join(kw),) for kw in lex.fact_keywords.get(fact["fact_id"], {})])
    for word in focus:
        if word == "age":
            if not _AGE_RE.search(statement):
                return False  # "how old is Lankov?": only a stated age answers
            continue
        if word == "quote":
            if not fact.get("quote"):
                return False  # asked for someone's words; the report quotes only where it quotes
            continue
        kinds = {t.id for t in lex.phrases.get(tuple(word.split()), ()) if t.kind == "cue" and t.id.startswith("focus_")}
        if "focus_date" in kinds:
            # A translated fact keeps its English statement: a span ("within one to two years") is
            # read there, whatever the question's language.
            said = statement + " " + str(fact.get("statement_en") or "")
            ok = bool(fact.get("date")) or bool(_MONTH_OR_YEAR_RE.search(said)) or bool(_SPAN_RE.search(said))
        elif "focus_place" in kinds:
            # "Where exactly in Siberia?": a place the question already names is no answer.
            place = str(fact.get("place") or "").lower()
            ok = bool(place) and not all(p.strip() in question_text for p in place.replace(" and ", ",").split(",") if p.strip())
        elif "focus_country" in kinds:
            ok = any(label.lower() in body for (kind, _), v in lex.labels.items() if kind == "country"
                     for label in (v["label"],))
        elif "focus_person" in kinds:
            # "North Korean" is capitalised but names no one: countries and their people are struck first.
            unnamed = statement
            for (kind, _), v in lex.labels.items():
                if kind == "country":
                    for form in sorted({v.get("people") or "", v.get("label") or ""}, key=len, reverse=True):
                        if form:
                            unnamed = re.sub(r"\b" + re.escape(form.rstrip("s")) + r"s?\b", "", unnamed)
            ok = bool(_NAME_RE.search(unnamed))
        elif word in _PURPOSE_NOUNS:
            # "For what purpose did the LPR discuss ...?": a stated cause or aim ("to rebuild
            # infrastructure") says it; a fact that only says what happened does not.
            ok = fact.get("kind") == "reason" or bool(_REASON_RE.search(body))
        else:
            stem = word[:5]
            ok = stem in body or stem in keywords
        if not ok:
            return False
    return True


_WH_RE = re.compile(r"\b(what|which|who|whom|whose|when|where|why|how)\b")
_AGE_RE = re.compile(r"\baged?\s+\d+|\b\d+[- ]years?[- ]old\b|\b\d+-year-old\b")




def sources_leave_out(ex: Extraction, lex: Lexicon, sources_text: str, lang: str = "en") -> list[str]:
    """What a question about the sources asks that the list of sources does not give: a
    person's name ("the name of the reporter"), or a meaning word neither an extractor nor the
    sources' own descriptions account for ("what stance did Seoul take on the report?")."""
    corrected = {a for a, _ in ex.corrected}
    body = sources_text.lower()
    if lang != "en":
        leftover = _lemmas_the_facts_leave_out(ex, body, corrected, lex, lang)
        # "NK뉴스 보도에 어떤 반응을 보였어요?": a stance, a judgement or what was discussed is no
        # part of a list of sources.
        leftover += [t for t in ex.toks if t not in leftover and any(
            (x.kind, x.id) in {("cue", g) for g in (*FRAMING_TESTS, "content", "outcome")} for x in lex.phrases.get((t,), ()))]
    else:
        leftover = [w for w in ex.unknown if w not in corrected and not w.isdigit() and w not in lex.filler
                    and w[:FACT_STEM_LEN] not in body and not _contracted_filler(w, lex)]
    return [w for w in ex.toks if w in NAME_ASKING_WORDS][:2] + leftover


def states_a_claim(ex: Extraction) -> bool:
    """ "Claim: ...", "is it true that ...", or "a post says 544 ..." with no question of its own."""
    return "claim" in ex.cues or ("claim_weak" in ex.cues and not _WH_RE.search(ex.text))


# "..., right?", "is that what the report says?", "correct?": the question states something and asks
# whether it holds (English; the check_figure and claim cue groups cover the other phrasings).
_CHECK_TAIL_RE = re.compile(r"(?:\b(?:right|correct|yes|true|ok|okay|accurate|no)\s*\?+\s*$)"
                            r"|^\s*(?:claim|fact[- ]?check|check)\s*:"  # "Claim: Lankov teaches at SNU."
                            r"|\bis (?:that|this|it) (?:what the (?:report|piece|story|article) says|accurate|correct|right|ok)\b"
                            r"|\b(?:correct|right|accurate|ok|okay)\?\s*$"
                            # Tag questions and their typed forms: "..., isn't it?", "..., rite?", "..., yeah?"
                            r"|,?\s*\b(?:isn't|aren't|wasn't|weren't|doesn't|don't|didn't|hasn't|haven't|won't|can't)"
                            r"\s+(?:it|he|she|they|there|that|we|you)\s*\?+\s*$"
                            r"|,\s*(?:rite|ryt|yeah|yea|yep|no|true|innit)\s*\?+\s*$"
                            # "..., the report says?", "... and experts agree with that?"
                            r"|\b(?:the\s+)?(?:report|piece|article|story)\s+says\s*\?+\s*$"
                            r"|\bagrees?\s+with\s+(?:that|this|it)\s*\?+\s*$"
                            # A statement asked as a question: "Choe was in Russia 4-8 January?"
                            r"|^(?!(?:how|what|which|who|whom|whose|when|where|why|is|are|was|were|do|does|did|can|could|"
                            r"has|have|had|will|would|should|and|but|so|any|if)\b)(?:[\w'-]+\s+){1,3}(?:was|were|is|are)"
                            r"\s+(?:in|at|from|on)\b[^?]*\?\s*$")


NUMBER_WORDS = frozenset({"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                          "twenty", "thirty", "forty", "fifty", "hundred", "hundreds", "thousand", "thousands",
                          "dozen", "dozens", "half"})


def checks_a_statement(ex: Extraction) -> bool:
    """Does the question state a fact and ask whether it holds ("Lankov teaches at SNU, right?")?

    Russian asks that by intonation alone ("Ланьков — профессор Сеульского университета?"): a
    question with no question word (the ``open_question`` cue group) states what it asks about.
    """
    if detect(ex.text) == "ru" and "?" in ex.text and "open_question" not in ex.cues:
        return True
    return bool(_CHECK_TAIL_RE.search(ex.text)) or bool(ex.cues.keys() & {"check_figure", "claim"}) and "?" in ex.text


def asks_yes_or_no(ex: Extraction, lex: Lexicon) -> bool:
    """A question with no question word states something and asks whether it holds: Korean
    marks it only by its ending, which the analyser drops ("란코프가 서울대 교수인가요?", "50명
    정도였죠?"). The question words are data (the ``question_word`` cue group); a language
    without that group is read by ``checks_a_statement`` alone."""
    if checks_a_statement(ex) and "question_word" not in ex.cues:
        return True
    langs = {script_of(t) for t in ex.toks if t.isalpha()}
    return (bool(langs) and all("question_word" in lex.cue_groups.get(lang, ()) for lang in langs)
            and "question_word" not in ex.cues and ("?" in ex.text or "check_figure" in ex.cues)
            and ends_in_a_predicate(ex.text))


def amount_only_in_words(fact: dict[str, Any]) -> bool:
    """Does a fact give its amounts only in words ("dozens of workers", "in the hundreds")? Then a
    number a question puts to it ("about 50?") is neither confirmed nor wrong: the report does
    not give one. Read on the English statement, where dates and years are told from amounts."""
    said = str(fact.get("statement_en") or fact.get("statement") or "").lower()
    return not _AMOUNT_RE.search(_DAYS_RE.sub("", _YEAR_RE.sub("", said)))


def numbers_put_to_a_fact(ex: Extraction, fact: dict[str, Any]) -> list[str]:
    """The numbers a question states (not years) that the fact's own text does not, each with
    its counter as written ("50명", "12개월")."""
    statement = " ".join(str(fact.get(k) or "") for k in ("statement", "statement_en", "date", "place"))
    said = set(re.findall(r"\d+", statement))
    out = []
    for n in dict.fromkeys(ex.numbers):
        # With its counter as written ("50명", "12개월"): the analyser marks counters with "~".
        at = ex.toks.index(n) if n in ex.toks else -1
        unit = ex.toks[at + 1] if 0 <= at < len(ex.toks) - 1 and ex.toks[at + 1].startswith("~") else ""
        if n.split(".")[0] in said or _YEAR_RE.fullmatch(n) and unit in ("", "~년"):
            continue  # "2000명" is a count, "2017년" a year
        out.append(n + unit.lstrip("~"))
    return out


def counts_people(stated: str, lex: Lexicon) -> bool:
    """Is a stated number a count of people: bare ("50"), or with a counter the ``count`` cue
    group lists ("50명")? Dates, durations and numbers of a resolution are not."""
    unit = stated.lstrip("0123456789.")
    return not unit or any((t.kind, t.id) == ("cue", "count") for t in lex.phrases.get((unit,), ()))


YES_NO_LEADS = frozenset({"did", "does", "do", "was", "were", "is", "are", "has", "have", "had"})
_ORDINAL_OR_NUMBER_RE = re.compile(r"\d+(?:st|nd|rd|th)?|(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|"
                                   r"tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|"
                                   r"eighteenth|nineteenth|twentieth)")


def asks_whether_detail_holds(ex: Extraction, uncovered: list[str], fact: dict[str, Any] | None = None) -> bool:
    """ "Did Choe visit Russia from the 12th to the 16th?": a yes/no question whose only words the
    fact leaves out are numbers or dates. It states a detail and asks whether it holds, so the
    answer is a check: the fact's own detail and what the question got wrong."""
    if not ex.toks or ex.toks[0] not in YES_NO_LEADS:
        return False
    if uncovered and not _duration_differs(ex, fact):
        return all(_ORDINAL_OR_NUMBER_RE.fullmatch(w) or _name_of_a_kind_the_fact_names(ex, w, fact) for w in uncovered)
    # "Did the resolution give 12 months?": a number the fact does not state (it says 24).
    said = set(re.findall(r"\d+", " ".join(str((fact or {}).get(k) or "") for k in ("statement", "date"))))
    return fact is not None and any(n.split(".")[0] not in said for n in ex.numbers)


_KIND_NOUNS = ("university", "institute", "college", "academy", "school", "city", "port", "ministry", "agency",
               "newspaper", "outlet", "council", "committee", "republic", "region")


def _name_of_a_kind_the_fact_names(ex: Extraction, word: str, fact: dict[str, Any] | None) -> bool:
    """ "Is Lankov at Seoul National University?": a name the report does not know, followed by a
    noun of a kind the fact names too ("Kookmin University"): a detail put to the fact to check."""
    if fact is None or word not in ex.proper_unknown:
        return False
    said = str(fact.get("statement") or "").lower()
    m = re.search(rf"\b{re.escape(word)}\b((?:\s+\w+){{0,3}})", ex.text.lower())
    return m is not None and any(k in m.group(1).split() and k in said for k in _KIND_NOUNS)


def _duration_differs(ex: Extraction, fact: dict[str, Any] | None) -> bool:
    """ "Did Resolution 2397 allow 36 months?": the question states a duration in a unit the fact
    also states one in, with another number: a check, whatever its verb ("allow")."""
    said = str((fact or {}).get("statement") or "").lower()
    for n, unit in re.findall(r"\b(\d+)\s*-?\s*(month|year|week|day)s?\b", ex.text.lower()):
        theirs = re.findall(r"\b(\d+)\s*-?\s*" + unit + r"s?\b", said)
        if theirs and n not in theirs:
            return True
    return False


def stated_differently(ex: Extraction, fact: dict[str, Any], uncovered: list[str]) -> list[str]:
    """What a checked statement says that the fact does not: the words the fact leaves out, names
    the fact does not contain, and numbers it does not state ("12 months" against "24 months")."""
    statement = " ".join(str(fact.get(k) or "") for k in ("statement", "date", "place", "speaker", "subject")).lower()
    said = set(re.findall(r"\d+", statement)) | {w for w in re.findall(r"[a-z]+", statement) if w in NUMBER_WORDS}
    # A Russian number word is compared by its lemma: "двух стран" in the question is the fact's
    # "две страны" (pymorphy3 reads both as два), not another number.
    said |= {t for t in normalise_tokens(re.findall(r"[а-яё]+", statement)) if russian_numeral(t)}
    # Figures, years read as periods ("adopted in 2016") and number words ("within five years").
    stated = list(ex.numbers) + [str(m.year) for m in ex.periods if m.year is not None and str(m.year) in ex.text]
    stated += [t for t in ex.toks if t in NUMBER_WORDS or russian_numeral(t)]
    numbers = [n for n in dict.fromkeys(stated) if n.split(".")[0] not in said]
    names = [w for w in ex.proper_unknown if w[:FACT_STEM_LEN] not in statement]
    return list(dict.fromkeys(uncovered + names + numbers))


def counted_in_words(fact: dict[str, Any]) -> bool:
    """Does a fact give its amount only in words ("dozens of workers", "in the hundreds")?

    A number stated in the question ("were there 40?") can then be neither confirmed nor refuted:
    the honest answer is that the report gives no exact number. Read in the English statement,
    which a translated fact keeps.
    """
    statement = str(fact.get("statement_en") or fact.get("statement") or "").lower()
    undated = _DAYS_RE.sub("", _YEAR_RE.sub("", statement))
    return not _AMOUNT_RE.search(undated) and bool(set(re.findall(r"[a-z]+", undated)) & _QUANTITY_WORDS)


def states_duration(statement: str) -> bool:
    """Does a fact state a duration ("within 24 months")?"""
    return bool(_DURATION_RE.search(statement))


_SPAN_WORDS_RE = re.compile(r"\b(?:within|from \d+ to \d+|\d+\s*(?:–|-|to)\s*\d+)\b")


def duration_unstated(ex: Extraction, fact: dict[str, Any] | None) -> bool:
    """ "How long is the Pyongyang-Vladivostok flight?": a duration is asked and the fact states
    none (no "within 24 months", no span of dates such as "14 to 18 January"); its being near is
    no answer."""
    if fact is None or "duration_question" not in ex.cues:
        return False
    said = " ".join(str(fact.get(k) or "") for k in ("statement", "statement_en", "date")).lower()
    return not (states_duration(said) or _SPAN_WORDS_RE.search(said) or _SPAN_RE.search(said))


# Korean words that ask for the particulars behind a figure ("구체적으로", "자세히"), and the
# nouns of a crossing point ("하산 국경", "두만강 검문소"): the figures are national totals by
# purpose and transport, and name no place of work, no crossing point and no activity.
_KO_PARTICULARS = frozenset({"구체", "세부", "자세히", "상세", "구체적"})
_KO_THING_MEASURES = frozenset({"종류", "개수", "수량", "몇", "규모", "물량", "양"})
_KO_CROSSING_NOUNS = frozenset({"국경", "검문소", "통관", "세관", "항구", "역", "다리", "교량"})


def detail_asked_ko(ex: Extraction, lex: Lexicon) -> list[str]:
    """ "노동 목적 3명은 어디서 일해요?", "하산 국경 통해 들어간 사람은?", "차량 정비 목적이란 게
    구체적으로 뭐 하러 간 거야": a Korean question about a detail of a figure (where, through which
    crossing, what exactly) that the figures do not give. A place asked of a figure is "where"
    with a question word; a crossing point is a word the bot does not know before a crossing
    noun; particulars are asked with a question word but no count word."""
    if script_of(ex.text) != "ko":
        return []
    corrected = {a for a, _ in ex.corrected}
    out: list[str] = []
    if "asks_place" in ex.cues and "question_word" in ex.cues and (ex.categories or ex.numbers):
        out.append(next((t for t in ex.toks if any((x.kind, x.id) == ("cue", "asks_place") for x in lex.phrases.get((t,), ()))),
                        "어디"))
    for i, tok in enumerate(ex.toks[:-1]):
        if ex.toks[i + 1] in _KO_CROSSING_NOUNS and tok in ex.unknown and tok not in corrected:
            out.append(f"{tok} {ex.toks[i + 1]}")
    if "people_nouns" not in ex.cues and not ex.categories:
        # "북한이 준 무기 종류는?", "무기 몇 개": a thing the report names, measured; the figures
        # count people only, and the report lists no kinds or amounts of things.
        for i, tok in enumerate(ex.toks[:-1]):
            things = lex.phrases.get((tok,), ())
            if (ex.toks[i + 1] in _KO_THING_MEASURES
                    and any((x.kind, x.id) in (("cue", "place_nouns"), ("cue", "other_measure")) for x in things)
                    and not any((x.kind, x.id) == ("cue", "asks_place") for x in things)):
                out.append(f"{tok} {ex.toks[i + 1]}")
    if (_KO_PARTICULARS & set(ex.toks) and "question_word" in ex.cues and ex.categories
            and not ex.cues.keys() & COUNT_CUES):
        out.append(next(t for t in ex.toks if t in _KO_PARTICULARS))
    return list(dict.fromkeys(out))[:2]


# "Which month will they return?", "the exact date": a date finer than the fact's own ("within one
# to two years") is asked.
_FINE_DATE_RE = re.compile(r"\b(?:which|what)\s+(?:month|date|day|week)\b|\b(?:exact|precise)\s+(?:date|day|month)\b|"
                           r"\bwhen\s+exactly\b|\bexactly\s+when\b|\bon\s+what\s+date\b")
_DATE_IN_TEXT_RE = re.compile(r"\b" + _MONTHS + r"\b|\b\d{1,2}\s*(?:–|-|to)\s*\d{1,2}\b")
_STAY_ASKED_RE = re.compile(r"\bhow long\b[^?]*\b(?:stay|stayed|staying|remain|remained|spend|spent|last)\b|\blength of (?:their )?stay\b")
_ORDINAL_QUARTER = {"first": 1, "second": 2, "third": 3, "fourth": 4}
_FACT_QUARTER_RE = re.compile(r"\b(first|second|third|fourth)\s+quarter\s+of\s+((?:19|20)\d\d)\b")
# An amount stated as what someone wants, plans or discussed ("signalled that they want to bring in
# thousands"): no count of who is there.
_WISHED_AMOUNT_RE = re.compile(r"\b(?:wants?|wanted|plans?|planned|hopes?|hoped|intends?|seeks?|sought|discussed|"
                               r"signall?ed)\b[^.;]{0,60}?\b(?:dozens|hundreds|thousands|millions|\d+)\b")
_WISH_ASKED_RE = re.compile(r"\b(?:want|wants|wanted|plan|plans|planned|hope|hopes|seek|seeks|sought|ask(?:ed|ing)? for|"
                            r"procure|recruit|bring in|intend|target|demand|request(?:ed)?|looking for|need)\b")


def detail_lacking(ex: Extraction, fact: dict[str, Any] | None, aspect: str | None) -> str | None:
    """What the question asks of the fact that the fact does not state, or None (English).

    - a date finer than the fact gives ("which month will they return?" of "within one to two years");
    - an amount for another period than the fact's own ("how many does Lankov expect for Q4?" of his
      Q3 estimate);
    - a count of who is there, of a fact whose amount is only wanted or planned ("how many workers
      are in Siberia now?" of "the authorities want thousands")."""
    if fact is None:
        return None
    said = " ".join(str(fact.get(k) or "") for k in ("statement", "statement_en", "date")).lower()
    text = ex.text.lower()
    if _FINE_DATE_RE.search(text) and not _DATE_IN_TEXT_RE.search(said):
        return "the exact date"
    if _STAY_ASKED_RE.search(text) and not re.search(r"\b(?:stay|stayed|remain|remained|length of stay)\b", said):
        # "How long did the North Koreans stay?": a length of stay; a deadline for sending
        # workers home (24 months) is another duration.
        return "how long they stayed"
    stated = ({(int(y), _ORDINAL_QUARTER[q]) for q, y in _FACT_QUARTER_RE.findall(said)}
              | {(int(y), int(q)) for q, y in re.findall(r"\bq([1-4])\s+((?:19|20)\d\d)\b", said)})  # date "Q3 2023"
    asked = [(p.year, p.m2 // 3) for p in ex.periods if p.kind == "quarter"]
    if stated and asked and not any((y is None or (y, q) in stated) and q in {sq for _, sq in stated} for y, q in asked):
        return "a figure for " + ", ".join(f"Q{q} {y}" if y else f"Q{q}" for y, q in asked)
    if aspect == "how_many" and _WISHED_AMOUNT_RE.search(said) and not _WISH_ASKED_RE.search(text):
        return "how many there actually are"
    return None



_NUMBERED_RE = re.compile(r"\b([a-z]+)\s+(?:no\.?\s+|number\s+|#)?(\d{3,})\b")


def document_numbers(text: str, statement: str) -> list[tuple[str, str]]:
    """(number asked, number stated) for each document the question names by a word and a number
    ("resolution 2375") that the statement numbers too ("Resolution 2397")."""
    said = statement.lower()
    out: list[tuple[str, str]] = []
    for word, number in _NUMBERED_RE.findall(text.lower()):
        m = re.search(rf"\b{re.escape(word)}\s+(\d{{3,}})\b", said)
        if m and not word.isdigit() and word not in _NOT_DOCUMENT_WORDS:
            out.append((number, m.group(1)))
    return out


def document_number_put(text: str, statement: str) -> bool:
    """Does the question name a document the statement numbers? Whether the numbers agree is the
    fact answer's to say."""
    return bool(document_numbers(text, statement))


# Words before a number that name a period or a count, never a document.
_NOT_DOCUMENT_WORDS = frozenset({"in", "of", "for", "and", "than", "to", "from", "since", "by", "q1", "q2", "q3", "q4",
                                 "year", "fy", "only", "just", "about", "around", "nearly", "some", "were", "was", "the"})
