"""The question pipeline: normalise -> extract entities -> match intent -> query -> render.

It never imports ``telegram``: the console, the Telegram handlers, inline mode and the tests all
call :meth:`Pipeline.answer` and get an :class:`Answer` with HTML, plain text, suggestions and
the trace of every query that produced a figure.

Two rules shape everything here. Every number in an answer comes out of a SQL query over the
data (never typed into a template or computed in Python). And when the data cannot answer
exactly what was asked (another period, a country or category it does not have), the answer
says so and lists what it does have, instead of substituting a neighbouring figure.
"""

from __future__ import annotations

import copy
import re
import time
from dataclasses import dataclass, field
from typing import Any

from handlers.charts import ChartSpec
from handlers.extract import CountryMention, Extraction, extract
from handlers.language import LANGS, detect
from handlers.lexicon import Lexicon
from handlers.matcher import ACCEPT, FACT_STRONG, FIGURE_INTENTS, MatchResult, match
from handlers.periods import Period, PeriodMention, parse_code, tile
from handlers.queries import QueryRunner
from handlers.render import Renderer, to_plain
from handlers.model import Answer, Direction, FollowUp, NoData, QuestionFrame
from handlers.operations.base import Decline, OperationCall
from handlers.operations.registry import choose
from handlers.store import Snapshot
from handlers.understanding.frame import build_frame, fact_aspect
from handlers.understanding.normalise import normalise_text

MAX_SUGGESTIONS = 3
MAX_FACTS = 4
FACT_KEEP_RATIO = 0.75  # facts scoring within this share of the best are answered together
FACT_FIELDS = ("topic", "statement", "date", "place", "speaker", "subject")  # translated in translations.csv
MAX_ECHO = 40  # characters of the user's own words repeated back, so answers stay short

# The old name of FollowUp, still imported by handlers/telegram (owned elsewhere); remove when it
# imports FollowUp from handlers.model.
Context = FollowUp

OPERATION_SCORE = 80.0  # an operation answers only a frame it fully fits; its score for logs and --json
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


def name_asked_of_a_figure(ex: Extraction, lex: Lexicon) -> list[str]:
    """ "Which border crossing did they use?": the noun after "which" is no part of a figure."""
    for i, tok in enumerate(ex.toks[:-1]):
        if tok == "which":
            noun = ex.toks[i + 1]
            entity = any(t.kind in ("country", "purpose", "transport", "dimension") for t in lex.phrases.get((noun,), ()))
            if noun not in WHICH_FIGURE_WORDS and not entity:
                return [noun] + [t for t in ex.toks[i + 2:i + 3] if t in lex.filler and t not in WHICH_FIGURE_WORDS][:1]
            return []
    return []


_QUANTITY_WORDS = frozenset({"dozens", "hundreds", "thousands", "millions", "dozen", "hundred", "thousand"})


def fact_words_a_figure_leaves(ex: Extraction, lex: Lexicon) -> list[str]:
    """Words only a fact's keywords consumed ("LPR", "trade", "repatriate"), which an answer from
    the entry figures would leave unanswered. Places ("to Pyongyang") and amounts quoted back
    ("the 'hundreds' figure") qualify a figure question rather than change it."""
    return [w for w in ex.fact_only_words if w not in lex.place_words and w not in _QUANTITY_WORDS]


def operation_may_answer(frame: QuestionFrame, ex: Extraction, result: MatchResult, lex: Lexicon) -> bool:
    """May an operation answer this question? Only when nothing in it asks for something else."""
    if ex.slot_unknown or ex.measure_unknown or ex.proper_unknown or ex.exits or ex.fact_only_words:
        return False
    if name_asked_of_a_figure(ex, lex):
        return False
    if ex.cues.keys() & {"other_measure", "stock", "duration_question"}:
        return False
    if "opinion" in ex.cues and frame.measure != "check":
        return False  # "should Russia ...?"; but "what should the copy say?" asks for a check
    if "who_question" in ex.cues and not ex.cues.keys() & {"count", "share", "change", "combine", "negation"}:
        return False  # "which minister ...": a name is asked for, not a number
    if result.intent in ("fact", "sources", "caveats", "help", "coverage") and result.decision == "answer":
        return False
    if ex.facts and ex.facts[0][1] >= FACT_STRONG and "movement" not in ex.cues and not ex.categories:
        return False  # "trade volume in 2023": a subject the report states in words, not the entry figures
    plain = [w for w in ex.unknown if w not in ex.slot_unknown]
    return result.decision == "answer" or len(plain) <= BLOCKING_UNKNOWNS_LIMIT


_FOCUS_RE = re.compile(r"\b(?:which|what)\s+(?:kind of\s+|type of\s+|sort of\s+)?([a-z][\w'-]*)"
                       r"|\bname of\s+(?:the\s+|a\s+)?([a-z][\w'-]*(?:\s+[a-z][\w'-]*)?)"
                       r"|\bwho\s+(?:is|was|are)\s+(?:the\s+)?([a-z][\w' -]*)")
_MONTH_OR_YEAR_RE = re.compile(r"\b(?:19|20)\d\d\b|\b(?:january|february|march|april|may|june|july|august|september|"
                               r"october|november|december)\b", re.I)
_FORWARD_RE = re.compile(r"\b(expects?|predicts?|will|forecasts?|within [\w-]+ to [\w-]+ years)\b")
_WH_RE = re.compile(r"\b(what|which|who|whom|whose|when|where|why|how)\b")
_SPAN_RE = re.compile(r"\bwithin\s+[\w-]+(?:\s+to\s+[\w-]+)?\s+(?:years?|months?|weeks?|days?)\b")
_NAME_RE = re.compile(r"\b[A-Z][a-z]+(?:[ -][A-Z][a-z]+)+\b")


def question_focus(text: str, lex: Lexicon) -> list[str]:
    """The thing a fact question asks for ("which airline" -> airline, "when" -> when), or []
    for open questions ("what did Lankov say?")."""
    for m in _FOCUS_RE.finditer(text):
        words = [w.removesuffix("'s") for w in re.split(r"[\s-]+", next(g for g in m.groups() if g)) if w][:4]
        focus_kind = any(t.kind == "cue" and t.id.startswith("focus_") for t in lex.phrases.get((words[0],), ()))
        if m.group(1) is not None and words[0] in lex.filler and not focus_kind:
            continue  # "what is ...", "what did ...": no particular thing asked for here
        # Country names and categories qualify the thing asked for; they are not it
        # ("which Russian city" asks for a city).
        content = [w for w in words if (w not in lex.filler or w == words[0] and focus_kind)
                   and not any(t.kind in ("country", "purpose", "transport") for t in lex.phrases.get((w,), ()))]
        if m.group(1) is not None:
            content = content[:1] if content and content[0] == words[0] else content[:1]
        if content:
            return content[:3]
    if re.search(r"\b(exact quote|quote|quotes|verbatim|exact words|in his words|in her words)\b", text):
        return ["quote"]
    if re.search(r"\bwhen\b", text):
        return ["when"]
    return []


FACT_STEM_LEN = 5  # a question word is in a fact when its first five letters are ("discuss" ~ "discussed")
SPEECHLESS_KINDS = frozenset({"event", "profile"})  # facts that report no one's words


def words_the_facts_leave_out(ex: Extraction, facts: list[dict[str, Any]], lex: Lexicon) -> list[str]:
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
    return [w for w in ex.unknown if w not in corrected and not w.isdigit()
            and w[:FACT_STEM_LEN] not in body and w[:FACT_STEM_LEN] not in keywords]


ASPECT_DETAIL = {"where": "where exactly", "how_many": "an exact number", "when": "when"}
_EXACT_WORDS = frozenset({"exact", "exactly", "precise", "precisely"})
_AMOUNT_RE = re.compile(r"(?<![\w-])\d+(?:[.,]\d+)?(?![\w-])")  # a number standing alone ...
_YEAR_RE = re.compile(r"\b(?:19|20)\d\d\b")  # ... that is not a year


def gives_aspect(aspect: str | None, ex: Extraction, facts: list[dict[str, Any]]) -> bool:
    """Does the best fact give what the question asks for? A place the question does not already
    name for "where"; a number for "how many" (digits when an exact one is asked)."""
    if not facts:
        return True
    fact = facts[0]
    if aspect == "where":
        place = str(fact.get("place") or "").lower()
        named = [p.strip() for p in place.replace(" and ", ",").split(",") if p.strip()]
        return bool(named) and not all(p in ex.text for p in named)
    if aspect == "how_many" and ex.facts and "duration_question" not in ex.cues:
        statement = str(fact.get("statement") or "")
        if _EXACT_WORDS & set(ex.toks):
            return bool(_AMOUNT_RE.search(_YEAR_RE.sub("", statement)))
    return True


SPEECH_VERBS = frozenset({"say", "said", "says", "saying", "tell", "told", "tells"})


def says_what_was_said(ex: Extraction, fact: dict[str, Any] | None) -> bool:
    """ "What did Putin say ...?" is answered only by a fact that reports someone's words."""
    if fact is None or "who_question" in ex.cues or not SPEECH_VERBS & set(ex.toks):
        return True
    return fact.get("kind") not in SPEECHLESS_KINDS or bool(fact.get("quote"))


def focus_covered(focus: list[str], fact: dict[str, Any], lex: Lexicon, question_text: str = "") -> bool:
    """Does a fact say what the question asks for? By kind of thing (a date, a place, a country,
    a person) or, for anything else, by the word itself (its first five letters)."""
    statement = fact.get("statement") or ""
    body = " ".join(str(fact.get(k) or "") for k in ("statement", "topic", "subject", "speaker", "quote")).lower()
    keywords = " ".join(k for k, in [(" ".join(kw),) for kw in lex.fact_keywords.get(fact["fact_id"], {})])
    for word in focus:
        if word == "quote":
            if not fact.get("quote"):
                return False  # asked for someone's words; the report quotes only where it quotes
            continue
        kinds = {t.id for t in lex.phrases.get((word,), ()) if t.kind == "cue" and t.id.startswith("focus_")}
        if "focus_date" in kinds:
            ok = bool(fact.get("date")) or bool(_MONTH_OR_YEAR_RE.search(statement)) or bool(_SPAN_RE.search(statement))
        elif "focus_place" in kinds:
            # "Where exactly in Siberia?": a place the question already names is no answer.
            place = str(fact.get("place") or "").lower()
            ok = bool(place) and not all(p.strip() in question_text for p in place.replace(" and ", ",").split(",") if p.strip())
        elif "focus_country" in kinds:
            ok = any(label.lower() in body for (kind, _), v in lex.labels.items() if kind == "country"
                     for label in (v["label"],))
        elif "focus_person" in kinds:
            ok = bool(_NAME_RE.search(statement))
        else:
            stem = word[:5]
            ok = stem in body or stem in keywords
        if not ok:
            return False
    return True


class Pipeline:
    """Answers questions from one data snapshot. Build once per snapshot; thread-safe to call."""

    def __init__(self, snapshot: Snapshot, renderer: Renderer, queries: dict[str, str], lang: str = "en") -> None:
        self.snapshot = snapshot
        self.renderer = renderer
        self.queries = queries
        self.lang = lang
        self.lexicon = Lexicon.build(snapshot)
        meta = snapshot.meta
        self.report_date = snapshot.report_date
        runner = QueryRunner(snapshot, queries)
        self.direction_info = {Direction(r["citizens"], r["destination"]): r for r in runner.run("directions")}
        self.directions = list(self.direction_info)  # most covered first, as the query orders them
        default = Direction(meta.get("default_citizens", ""), meta.get("default_destination", ""))
        self.default_direction = default if default in self.directions else (self.directions[0] if self.directions else None)
        self.dataset = meta.get("dataset", "")
        self._views: dict[str, Pipeline] = {}  # per-language views of this pipeline, shared by all of them
        self.figure_values = {r["figure_id"]: r["value"] for r in snapshot.tables["figures"]}
        # By id, because scanning the rows for one figure costs ~20 ms per answer at 200,000 rows.
        self.figure_rows = {r["figure_id"]: r for r in snapshot.tables["figures"]}
        # The breakdown categories in the data, in first-seen order; labels stay per language view.
        self.category_pairs = list(dict.fromkeys((r["dimension"], r["category"]) for r in snapshot.tables["figures"]
                                                 if r["dimension"] != "total"))
        # coverage() by answer language; the dict is shared with the language views (shallow copies).
        self._coverage: dict[str, list[dict[str, Any]]] = {}

    # --- entry point -------------------------------------------------------------------------

    def in_language(self, lang: str) -> "Pipeline":
        """This pipeline answering in ``lang``: the same snapshot and index, other templates and labels."""
        if lang == self.lang or lang not in LANGS:
            return self
        view = self._views.get(lang)
        if view is None:
            view = copy.copy(self)
            view.lang = lang
            self._views[lang] = view
        return view

    def answer(self, question: str, previous: FollowUp | None = None, now: float | None = None,
               lang: str | None = None, lang_hint: str | None = None) -> Answer:
        """Answer one question; ``previous`` is the asker's last context for follow-ups.

        ``lang`` fixes the answer's language (a chat's /lang choice); otherwise it is the
        question's own, read from its script, with ``lang_hint`` (Telegram's language_code)
        deciding only for a question with no words ("Q3?").
        """
        lang = lang if lang in LANGS else detect(question, lang_hint)
        if lang != self.lang:
            return self.in_language(lang)._answer(question, previous, now)
        return self._answer(question, previous, now)

    def _answer(self, question: str, previous: FollowUp | None, now: float | None) -> Answer:
        now = time.time() if now is None else now
        question = question.strip()
        text = normalise_text(question[:2000], self.lexicon.is_word)
        ex = extract(text, self.lexicon, self.report_date)
        result = match(ex)
        # Only figure questions have entities to carry over; "who is Lankov?" then "Russians in Q3?"
        # is a new question.
        followup = (previous is not None and previous.intent in FIGURE_INTENTS and self._is_followup(ex, result))
        if followup:
            result = MatchResult(previous.intent, max(result.score, 75.0), "answer", result.ranked, result.penalties)
        runner = QueryRunner(self.snapshot, self.queries)
        base = Answer(question=question, kind="fallback", intent=result.intent, score=result.score, html="",
                      entities=ex.entity_summary(), version=self.snapshot.version)
        base.entities["followup"] = followup
        # "Claim: ...", "is it true that ...", or "a post says 544 ..." with no question of its own.
        claim = "claim" in ex.cues or ("claim_weak" in ex.cues and not _WH_RE.search(ex.text))
        base.frame = build_frame(ex, result.intent)
        if claim and ex.numbers and self.lang == "en" and self._claim_check(text, base):
            # The claim checker found nothing to match or correct ("not in the data"): a check of
            # the stated figure against the question's own frame may still say what it really is.
            if base.kind == "answer" or not self._run_operation(base.frame, ex, result, runner, base, now):
                base.traces = runner.traces
                return base
            base.traces = runner.traces
            return base
        if not followup and self._run_operation(base.frame, ex, result, runner, base, now):
            base.traces = runner.traces
            return base
        if (result.decision == "suggest" and result.intent == "fact" and "duration_question" in ex.cues
                and self._states_duration(ex.facts[0][0])):
            # "Within how many months must workers be sent home?": the top fact states a duration.
            result = MatchResult("fact", max(result.score, ACCEPT), "answer", result.ranked, result.penalties)
            base.intent, base.score = result.intent, result.score
        unanswered = fact_words_a_figure_leaves(ex, self.lexicon) + name_asked_of_a_figure(ex, self.lexicon)
        if result.decision == "answer" and result.intent in FIGURE_INTENTS and result.intent != "ranking" and unanswered:
            # "How many workers did the LPR hire?": "LPR" and "hire" belong to a statement, not to
            # the entry figures, so the work count would answer a different question.
            facts = self._localise(runner.run("facts", ids=[ex.facts[0][0]]), "fact", "fact_id",
                                   FACT_FIELDS) if ex.facts else []
            for f in facts:
                f["chain"] = self.source_chain(runner, f["source_id"])
            base.html = self._render("nodata", reason="fact_detail", detail=" ".join(unanswered), facts=facts,
                                     version=self.snapshot.version)
        elif result.decision == "answer" and result.intent:
            try:
                html, ctx, figure_ids = self._run_intent(result.intent, ex, runner, previous if followup else None, now)
                base.kind, base.html, base.context, base.figure_ids = "answer", html, ctx, figure_ids
            except NoData as nd:
                base.html = self._render("nodata", reason=nd.reason, **nd.values)
                base.context = nd.values.get("context")
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
        base.traces = runner.traces
        return base

    def _run_operation(self, frame: QuestionFrame, ex: Extraction, result: MatchResult, runner: QueryRunner,
                       base: Answer, now: float) -> bool:
        """Answer with a registered operation when one fits the frame; False leaves it to the intents."""
        op = choose(frame)
        if op is None or not operation_may_answer(frame, ex, result, self.lexicon):
            return False
        try:
            direction, assumed = self.direction_for(ex)
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
            base.intent = op.name
            return True
        base.kind, base.intent, base.html = call.kind, op.name, html
        # Figures given only as context (a part of the span asked for) are not answers to correct later.
        base.figure_ids = call.figure_ids if call.kind == "answer" else []
        base.score = max(base.score, OPERATION_SCORE)
        # A follow-up ("and in Q2?") asks for the plain figure of the same subject.
        base.context = FollowUp("total", direction, tuple(call.periods),
                                tuple((c.dimension, c.category) for c in frame.categories[:1]),
                                tuple(c.dimension for c in frame.categories[:1]), now)
        return True

    def _states_duration(self, fact_id: str) -> bool:
        row = next((r for r in self.snapshot.tables["facts"] if r["fact_id"] == fact_id), None)
        return row is not None and bool(_DURATION_RE.search(row["statement"]))

    def _claim_check(self, question: str, base: Answer) -> bool:
        """ "Claim: 300 came for work in Q3" / "is it true that ...": the claim checker's verdicts.

        Used only when it finds something to check; a verdict that the data lacks the figure is
        an honest fallback, a match or a difference is an answer (it carries the right figure).
        """
        from handlers.claims import ClaimChecker  # the checker builds on this module

        html, verdicts = ClaimChecker(self).render(question)
        if not verdicts:
            return False
        base.html = html
        base.intent = "claim_check"
        base.kind = "answer" if any(v.verdict in ("matches", "differs") for v in verdicts) else "fallback"
        base.score = max(base.score, 80.0)
        return True

    # --- follow-ups ------------------------------------------------------------------------------

    def _is_followup(self, ex: Extraction, result: MatchResult) -> bool:
        """A short question that leans on the previous one: "and in Q2?", "what about by train?"."""
        starts = ex.toks[:2] if ex.toks else []
        lead = any(h for h in ("and", "what about", "how about", "same for", "now", "also") if " ".join(starts).startswith(h))
        has_intent_cue = bool(ex.cues.keys() & {"share", "rank_top", "rank_bottom", "series", "breakdown", "change",
                                                "both_directions", "sources", "caveat"})
        changes = bool(ex.countries or ex.periods or ex.categories or ex.dimensions)
        short = len(ex.toks) <= 6
        return changes and short and (lead or (not has_intent_cue and "count" not in ex.cues)) and not ex.unknown

    def _merge(self, ex: Extraction, previous: FollowUp) -> tuple[Direction | None, list[Period] | None, list[tuple[str, str]], list[str]]:
        """The previous question's entities, overridden by whatever this one names."""
        direction = previous.direction
        if ex.countries and direction is not None:
            citizens = next((m.id for m in ex.countries if m.role == "citizens"), None)
            dest = next((m.id for m in ex.countries if m.role == "destination"), None)
            direction = self._pick_direction(citizens, dest, [m for m in ex.countries if not m.role])[0]
        periods = None if ex.periods else list(previous.periods)
        cats = [(d, i) for d, i, _ in ex.categories] or list(previous.categories)
        dims = ex.dimensions or list(previous.dimensions)
        if ex.categories and not ex.dimensions:
            dims = [ex.categories[0][0]]
        if ex.dimensions and not ex.categories:
            cats = []
        return direction, periods, cats, dims

    # --- resolution ------------------------------------------------------------------------------

    def _pick_direction(self, citizens: str | None, dest: str | None, bare: list[CountryMention]) -> tuple[Direction, bool]:
        """The direction a question means, and whether it was assumed; NoData if none fits."""
        known = {d.citizens for d in self.directions} | {d.destination for d in self.directions}
        for cid in [c for c in (citizens, dest) if c] + [m.id for m in bare]:
            if cid not in known:
                raise NoData("country", country=self._label("country", cid), directions=self._direction_labels())
        if bare and not citizens and not dest:
            only = bare[0].id
            fits = [d for d in self.directions if only in (d.citizens, d.destination)]
            if fits:
                return self._likeliest(fits), False
        candidates = [d for d in self.directions
                      if (citizens is None or d.citizens == citizens) and (dest is None or d.destination == dest)]
        if not candidates:
            raise NoData("direction", citizens=self._label("country", citizens, "people") if citizens else None,
                         destination=self._label("country", dest) if dest else None,
                         directions=self._direction_labels())
        return self._likeliest(candidates), citizens is None and dest is None

    def _likeliest(self, candidates: list[Direction]) -> Direction:
        """Of several directions a question fits, the one it means, or NoData asking which.

        The dataset's own pair (the default direction and its reverse) is what a bare "Russians"
        means; beyond that the bot does not guess between, say, Russians entering 200 countries.
        """
        if len(candidates) == 1:
            return candidates[0]
        d = self.default_direction
        if d in candidates:
            return d
        if d is not None:
            home = [c for c in candidates if {c.citizens, c.destination} == {d.citizens, d.destination}]
            if home:
                return home[0]
        raise NoData("ambiguous_direction", options=[f"{v['people']} entering {v['destination']}"
                                                     for v in map(self._dir_values, candidates[:6])],
                     more=max(0, len(candidates) - 6))

    def direction_for(self, ex: Extraction) -> tuple[Direction, bool]:
        citizens = [m.id for m in ex.countries if m.role == "citizens"]
        dests = [m.id for m in ex.countries if m.role == "destination"]
        bare = [m for m in ex.countries if not m.role]
        return self._pick_direction(citizens[0] if citizens else None, dests[0] if dests else None, bare)

    def available(self, runner: QueryRunner, d: Direction, dimension: str = "total", category: str = "all") -> list[Period]:
        rows = runner.run("periods_for", citizens=d.citizens, destination=d.destination, dimension=dimension, category=category)
        return [parse_code(r["period"]) for r in rows]

    def resolve_mentions(self, mentions: list[PeriodMention], available: list[Period]) -> list[Period]:
        """Turn period phrases into periods; an implied year comes from the question or the data."""
        return [p for _, p in self.resolve_pairs(mentions, available)]

    def resolve_pairs(self, mentions: list[PeriodMention], available: list[Period]) -> list[tuple[PeriodMention, Period]]:
        """Each period phrase that names a period, with the period it names."""
        # A yearless "Q2" takes the year of another part-year ("Q2 vs Q3 2023"), never of a whole
        # year it is being compared with ("Q3 vs 2022" means the latest Q3, not Q3 2022).
        explicit_years = [m.year for m in mentions if m.year is not None and m.kind not in ("year", "same_part")]
        out: list[tuple[PeriodMention, Period]] = []
        parts = [m for m in mentions if m.kind in ("quarter", "half", "months", "quarters")]
        for m in mentions:
            if m.kind in ("previous", "relative"):
                continue
            if m.kind == "same_part":
                # "the same quarter of 2022": the months of the other period named, in that year.
                if parts and m.year is not None:
                    out.append((m, parts[0].resolve(m.year)))
                continue
            if m.kind == "latest":
                if available:
                    out.append((m, max(available, key=lambda p: (p.end, -p.months))))
                continue
            if m.year is not None:
                out.append((m, m.resolve(m.year)))
                continue
            if explicit_years:
                out.append((m, m.resolve(explicit_years[-1])))
                continue
            years = sorted({p.year for p in available} | {p.end // 12 for p in available}, reverse=True)
            chosen = next((y for y in years if tile(m.resolve(y), available)), None)
            out.append((m, m.resolve(chosen if chosen is not None else self.report_date.year - 1)))
        return out

    def latest(self, available: list[Period]) -> Period | None:
        return max(available, key=lambda p: (p.end, -p.months)) if available else None

    def pieces(self, period: Period, available: list[Period], d: Direction, what: str) -> list[Period]:
        """Stored periods that make up ``period`` exactly, or NoData listing what there is."""
        parts = tile(period, available)
        if parts is None:
            near = [p for p in available if p.overlaps(period)]
            raise NoData("period", period=self.period_label(period), what=what, available=[self.period_label(p) for p in available],
                         overlapping=[self.period_label(p) for p in near], **self._dir_values(d))
        return parts

    # --- intents -----------------------------------------------------------------------------------

    def _run_intent(self, intent: str, ex: Extraction, runner: QueryRunner, previous: FollowUp | None,
                    now: float) -> tuple[str, FollowUp, list[str]]:
        if intent in ("fact", "sources", "caveats", "help", "coverage"):
            html, ids = getattr(self, f"_i_{intent}")(ex, runner)
            return html, FollowUp(intent, None, (), (), (), now), ids
        if previous is not None:
            direction, periods_prev, cats, dims = self._merge(ex, previous)
            if direction is None:
                direction, assumed = self.direction_for(ex)
            else:
                assumed = False
        else:
            direction, assumed = self.direction_for(ex)
            periods_prev, cats, dims = None, [(d, i) for d, i, _ in ex.categories], list(ex.dimensions)
        state = _State(ex=ex, runner=runner, direction=direction, assumed_direction=assumed,
                       categories=cats, dimensions=dims or [c[0] for c in cats][:1],
                       fixed_periods=periods_prev, now=now)
        if intent == "compare_directions" and previous is None:
            state.compare_pair = self._direction_pair(ex, direction)
        if intent in ("share", "complement", "ranking", "category") and not state.categories and intent != "ranking":
            intent = "breakdown" if state.dimensions else "total"
        return getattr(self, f"_i_{intent}")(state), state.context(intent), state.figure_ids

    def _periods_for(self, st: "_State", dimension: str = "total", category: str = "all",
                     direction: Direction | None = None) -> tuple[list[Period], list[Period], bool]:
        """(requested periods, available periods, whether the period was assumed)."""
        d = direction or st.direction
        avail = self.available(st.runner, d, dimension, category)
        if st.fixed_periods is not None:
            return list(st.fixed_periods), avail, False
        requested = self.resolve_mentions(st.ex.periods, avail)
        if requested:
            return requested, avail, False
        latest = self.latest(avail)
        if latest is None:
            raise NoData("series", what=self._what(dimension, category), **self._dir_values(d))
        return [latest], avail, True

    def _sum(self, st: "_State", period: Period, avail: list[Period], dimension: str = "total", category: str = "all",
             direction: Direction | None = None) -> dict[str, Any]:
        d = direction or st.direction
        parts = self.pieces(period, avail, d, self._what(dimension, category))
        row = st.runner.one("sum_periods", citizens=d.citizens, destination=d.destination, dimension=dimension,
                            category=category, periods=[p.code for p in parts])
        assert row is not None and row["value"] is not None  # the tiling came from the same rows
        st.figure_ids.extend(row["figure_ids"])
        return {"value": row["value"], "period": period, "parts": [
            {"label": self.period_label(parse_code(c)), "value": v} for c, v in zip(row["periods"], row["part_values"])],
            "source": self.source_chain(st.runner, row["source_id"])}

    def _i_total(self, st: "_State") -> str:
        requested, avail, assumed = self._periods_for(st)
        st.periods = requested
        if len(requested) == 2 and "combine" not in st.ex.cues:
            return self._i_compare_periods(st)
        if len(requested) >= 2:
            return self._period_list(st, requested, avail)
        result = self._sum(st, requested[0], avail)
        return self._render("total", r=result, assumed_period=assumed, **self._common(st, requested))

    def _period_list(self, st: "_State", requested: list[Period], avail: list[Period]) -> str:
        """Several named periods: each value, and their sum when the periods do not overlap."""
        results = [self._sum(st, p, avail) for p in sorted(set(requested))]
        periods = sorted(set(requested))
        disjoint = all(a.end < b.start for a, b in zip(periods, periods[1:]))
        combined = None
        if disjoint:
            pieces = [x for p in periods for x in self.pieces(p, avail, st.direction, "total")]
            combined = st.runner.one("sum_periods", citizens=st.direction.citizens, destination=st.direction.destination,
                                     dimension="total", category="all", periods=[p.code for p in pieces])
        return self._render("period_list", results=results, combined=combined, **self._common(st, periods))

    def _breakdown_rows(self, st: "_State", dimension: str, period: Period, avail: list[Period]) -> list[dict[str, Any]]:
        parts = self.pieces(period, avail, st.direction, "total")
        rows = st.runner.run("breakdown", citizens=st.direction.citizens, destination=st.direction.destination,
                             dimension=dimension, periods=[p.code for p in parts])
        for r in rows:
            r["label"] = self._label(dimension, r["category"])
            r["phrase"] = self._label(dimension, r["category"], "phrase")
            st.figure_ids.extend(r["figure_ids"])
        return rows

    def _dimension_period(self, st: "_State", dimension: str) -> tuple[Period, list[Period], bool]:
        """The period for a breakdown: asked, or the latest that has this breakdown."""
        requested, avail, assumed = self._periods_for(st)
        st.periods = requested
        if assumed:
            with_dim = self._periods_with_dimension(st, dimension)
            if with_dim:
                return self.latest(with_dim), avail, True
        return requested[0], avail, assumed

    def _periods_with_dimension(self, st: "_State", dimension: str) -> list[Period]:
        """Periods with a total and a breakdown by ``dimension``, oldest first (one query, not one per period)."""
        rows = st.runner.run("periods_with_dimension", citizens=st.direction.citizens,
                             destination=st.direction.destination, dimension=dimension)
        return [parse_code(r["period"]) for r in rows]

    def _need_rows(self, st: "_State", dimension: str, period: Period, avail: list[Period]) -> list[dict[str, Any]]:
        rows = self._breakdown_rows(st, dimension, period, avail)
        if not rows:
            have = [self.period_label(p) for p in self._periods_with_dimension(st, dimension)]
            raise NoData("breakdown", dimension=self._label("dimension", dimension), period=self.period_label(period),
                         available=have, **self._dir_values(st.direction))
        return rows

    def _i_breakdown(self, st: "_State") -> str:
        dims = st.dimensions or [r for r in self._dimensions_in_data()]
        blocks = []
        period = None
        assumed = False
        for dim in dims:
            period, avail, assumed = self._dimension_period(st, dim)
            rows = self._need_rows(st, dim, period, avail)
            blocks.append({"dimension": self._label("dimension", dim), "rows": rows,
                           "caveats": self.caveats(st, [period], dim, None, all_categories=True)})
        st.periods = [period] if period else []
        return self._render("breakdown", blocks=blocks, period=period, assumed_period=assumed,
                            **self._common(st, st.periods, caveats=False))

    def _category_rows(self, st: "_State") -> tuple[list[dict[str, Any]], Period, bool, list[dict[str, Any]]]:
        dims = {d for d, _ in st.categories}
        if len(dims) > 1:
            raise NoData("crosstab", categories=[self._label(d, i) for d, i in st.categories],
                         **self._dir_values(st.direction))
        dim = next(iter(dims))
        period, avail, assumed = self._dimension_period(st, dim)
        rows = self._need_rows(st, dim, period, avail)
        picked = []
        for d, cid in st.categories:
            row = next((r for r in rows if r["category"] == cid), None)
            if row is None:
                raise NoData("category", category=self._label(d, cid), dimension=self._label("dimension", d),
                             period=self.period_label(period), rows=rows, **self._dir_values(st.direction))
            picked.append(row)
        st.periods = [period]
        return picked, period, assumed, rows

    def _i_category(self, st: "_State") -> str:
        picked, period, assumed, rows = self._category_rows(st)
        dim = st.categories[0][0]
        combined = None
        if len(picked) > 1:
            parts = self.pieces(period, self.available(st.runner, st.direction), st.direction, "total")
            combined = st.runner.one("sum_categories", citizens=st.direction.citizens, destination=st.direction.destination,
                                     dimension=dim, categories=[r["category"] for r in picked],
                                     periods=[p.code for p in parts])
        return self._render("category", picked=picked, rows=rows, period=period, assumed_period=assumed, combined=combined,
                            pair=self._category_pair(st, picked, period),
                            dimension=self._label("dimension", dim),
                            caveats=self.caveats(st, [period], dim, [c for _, c in st.categories]),
                            **self._common(st, [period], caveats=False))

    def _category_pair(self, st: "_State", picked: list[dict[str, Any]], period: Period) -> dict[str, Any] | None:
        """Two categories side by side: difference and ratio, computed in SQL."""
        if len(picked) != 2:
            return None
        dim = st.categories[0][0]
        small, big = sorted(picked, key=lambda r: r["value"])
        parts = self.pieces(period, self.available(st.runner, st.direction), st.direction, "total")
        d = st.direction
        row = self.compare(st.runner, (d, parts, small["category"]), (d, parts, big["category"]), dim)
        return {"big": big, "small": small, "r": row}

    def compare(self, runner: QueryRunner, a: tuple[Direction, list[Period], str], b: tuple[Direction, list[Period], str],
                dimension: str = "total") -> dict[str, Any]:
        """Series a (the base) against series b, each (direction, stored periods, category):
        values, difference, percentage change and ratios, all computed by compare.sql."""
        (a_dir, a_periods, a_cat), (b_dir, b_periods, b_cat) = a, b
        row = runner.one("compare", a_citizens=a_dir.citizens, a_destination=a_dir.destination, a_dimension=dimension,
                         a_category=a_cat, a_periods=[p.code for p in a_periods], b_citizens=b_dir.citizens,
                         b_destination=b_dir.destination, b_dimension=dimension, b_category=b_cat,
                         b_periods=[p.code for p in b_periods])
        assert row is not None  # an aggregate over tiled periods always returns one row
        return row

    def _i_share(self, st: "_State") -> str:
        picked, period, assumed, rows = self._category_rows(st)
        dim = st.categories[0][0]
        return self._render("share", picked=picked, rows=rows, period=period, assumed_period=assumed,
                            dimension=self._label("dimension", dim),
                            caveats=self.caveats(st, [period], dim, [c for _, c in st.categories]),
                            **self._common(st, [period], caveats=False))

    def _i_complement(self, st: "_State") -> str:
        picked, period, assumed, rows = self._category_rows(st)
        dim = st.categories[0][0]
        others = [r for r in rows if r["category"] not in {c for _, c in st.categories}]
        return self._render("complement", picked=picked[0], others=others, rows=rows, period=period,
                            assumed_period=assumed, dimension=self._label("dimension", dim),
                            caveats=self.caveats(st, [period], dim, None, all_categories=True),
                            **self._common(st, [period], caveats=False))

    def _i_ranking(self, st: "_State") -> str:
        dims = st.dimensions or sorted({d for d, _ in st.categories})
        if not dims:
            return self._rank_periods(st)
        dim = dims[0]
        period, avail, assumed = self._dimension_period(st, dim)
        rows = self._need_rows(st, dim, period, avail)
        st.periods = [period]
        toks = set(st.ex.toks)
        cues = st.ex.cues
        position = (2 if toks & {"second", "2nd"} or "rank_second" in cues
                    else 3 if toks & {"third", "3rd"} or "rank_third" in cues else None)
        if position is None:
            mode = "bottom" if "rank_bottom" in st.ex.cues else "top" if "rank_top" in st.ex.cues else "all"
        else:
            mode = "position"
        if mode == "top" and {"rank_top", "rank_bottom"} <= st.ex.cues.keys():
            mode = "both"
        top_rank_col = "rank_asc" if mode == "bottom" else "rank_desc"
        want = 1 if mode in ("top", "bottom", "both") else (position or 1)
        chosen = [r for r in rows if r[top_rank_col] == want]
        bottom = [r for r in rows if r["rank_asc"] == 1]
        unaccounted = rows[0]["unaccounted"] or 0
        # The leader is certain only if no unpublished remainder could hide a bigger category.
        certain = mode != "all" and all(r["value"] >= unaccounted for r in chosen) if mode in ("top", "both", "position") else True
        asked = [c for _, c in st.categories]
        return self._render("ranking", rows=rows, chosen=chosen, bottom=bottom, mode=mode, position=want,
                            certain=certain, asked=asked, period=period, assumed_period=assumed,
                            dimension=self._label("dimension", dim),
                            caveats=self.caveats(st, [period], dim, None, all_categories=True),
                            **self._common(st, [period], caveats=False))

    def _rank_periods(self, st: "_State") -> str:
        """Periods of the total ranked by value, within the asked range (or all of equal length)."""
        avail = self.available(st.runner, st.direction)
        requested = self.resolve_mentions(st.ex.periods, avail) if st.fixed_periods is None else list(st.fixed_periods)
        partial: Period | None = None
        if len(requested) >= 2:
            pool = [p for r in requested for p in (tile(r, avail) or [])]
        elif requested:
            pool = [p for p in avail if requested[0].contains(p) and p != requested[0]]
            if pool and tile(requested[0], pool) is None:
                partial = requested[0]
        else:
            quarters = [p for p in avail if p.months == 3]
            pool = quarters or avail
        if len(pool) < 2:
            raise NoData("which_dimension", dimensions=[self._label("dimension", d) for d in self._dimensions_in_data()])
        rows = st.runner.run("rank_periods", citizens=st.direction.citizens, destination=st.direction.destination,
                             dimension="total", category="all", periods=[p.code for p in pool])
        for r in rows:
            r["label"] = self.period_label(parse_code(r["period"]))
            st.figure_ids.append(r["figure_id"])
        st.periods = [parse_code(r["period"]) for r in rows]
        mode = "bottom" if "rank_bottom" in st.ex.cues else "top"
        chosen = [r for r in rows if r["rank_asc" if mode == "bottom" else "rank_desc"] == 1]
        return self._render("rank_periods", rows=rows, chosen=chosen, mode=mode, partial=partial,
                            **self._common(st, st.periods))

    def _compare_periods_pair(self, st: "_State", avail: list[Period], requested: list[Period]) -> tuple[Period, Period]:
        kinds = {m.kind for m in st.ex.periods}
        if len(requested) == 1 and len(st.ex.periods) == 1 and st.ex.periods[0].endpoints:
            # "from Q2 to Q3" in a comparison means the two quarters, not the range between them.
            r = requested[0]
            return Period(r.start, r.start + 2), Period(r.end - 2, r.end)
        if len(requested) >= 2:
            a, b = sorted(requested[:2])
            return a, b
        target = requested[0] if requested else self.latest(avail)
        if target is None:
            raise NoData("series", what="total", **self._dir_values(st.direction))
        if "relative" in kinds:
            return Period(target.start - 12, target.end - 12), target
        before = Period(target.start - target.months, target.start - 1)
        if "previous" in kinds or requested == [] or target == self.latest(avail):
            return before, target
        return target, self.latest(avail)

    def _i_compare_periods(self, st: "_State") -> str:
        dim, cat = (st.categories[0] if st.categories else ("total", "all"))
        requested, avail, assumed = self._periods_for(st, dim, cat)
        if st.fixed_periods is None and not st.ex.periods:
            requested = self._periods_from_numbers(st, dim, cat)
        a, b = self._compare_periods_pair(st, avail, requested)
        if a == b:
            raise NoData("same_period", period=self.period_label(a), **self._dir_values(st.direction))
        pa = self.pieces(a, avail, st.direction, self._what(dim, cat))
        pb = self.pieces(b, avail, st.direction, self._what(dim, cat))
        d = st.direction
        row = self.compare(st.runner, (d, pa, cat), (d, pb, cat), dim)
        st.figure_ids.extend(row["a_ids"] + row["b_ids"])
        st.periods = [a, b]
        parts_a = [self.period_label(p) for p in pa] if len(pa) > 1 else []
        parts_b = [self.period_label(p) for p in pb] if len(pb) > 1 else []
        return self._render("compare_periods", a=a, b=b, r=row, parts_a=parts_a, parts_b=parts_b,
                            what=self._what(dim, cat), unequal=a.months != b.months,
                            assumed_period=not st.ex.periods and st.fixed_periods is None,
                            **self._common(st, [a, b]))

    def _periods_from_numbers(self, st: "_State", dimension: str, category: str) -> list[Period]:
        """ "% jump from 153 to 365?": figures quoted in the question name their periods, when each
        quoted number is exactly one stored figure of this series; otherwise nothing is inferred."""
        if len(st.ex.numbers) < 2:
            return []
        rows = st.runner.run("periods_for", citizens=st.direction.citizens, destination=st.direction.destination,
                             dimension=dimension, category=category)
        found: list[Period] = []
        for n in st.ex.numbers:
            matches = [r for r in rows if str(r["value"]) == n]
            if len(matches) != 1:
                return []
            found.append(parse_code(matches[0]["period"]))
        return found if len(set(found)) >= 2 else []

    def _direction_pair(self, ex: Extraction, first: Direction) -> tuple[Direction, Direction]:
        pairs: list[tuple[str, str | None]] = []
        for i, m in enumerate(ex.countries):
            if m.role == "citizens" and m.id not in [c for c, _ in pairs]:
                # "Russians to North Korea vs North Koreans to Russia": each side's own destination.
                nxt = ex.countries[i + 1] if i + 1 < len(ex.countries) else None
                pairs.append((m.id, nxt.id if nxt is not None and nxt.role == "destination" else None))
        if len(pairs) >= 2:
            one = self._pick_direction(pairs[0][0], pairs[0][1], [])[0]
            two = self._pick_direction(pairs[1][0], pairs[1][1], [])[0]
            return one, two
        reverse = Direction(first.destination, first.citizens)
        if reverse not in self.directions:
            raise NoData("reverse", **self._dir_values(first))
        return first, reverse

    def _i_compare_directions(self, st: "_State") -> str:
        one, two = st.compare_pair or self._direction_pair(st.ex, st.direction)
        dim, cat = (st.categories[0] if st.categories else ("total", "all"))
        avail_one = self.available(st.runner, one, dim, cat)
        avail_two = self.available(st.runner, two, dim, cat)
        requested = self.resolve_mentions(st.ex.periods, avail_one + avail_two) if st.fixed_periods is None else list(st.fixed_periods)
        assumed = not requested
        if not requested:
            common = [p for p in avail_one if tile(p, avail_two)]
            latest = self.latest(common)
            if latest is None:
                raise NoData("no_common_period", **self._dir_values(one))
            requested = [latest]
        period = requested[0]
        p1 = self.pieces(period, avail_one, one, self._what(dim, cat))
        p2 = self.pieces(period, avail_two, two, self._what(dim, cat))
        row = self.compare(st.runner, (two, p2, cat), (one, p1, cat), dim)
        st.figure_ids.extend(row["a_ids"] + row["b_ids"])
        st.periods = [period]
        chain = self.source_chain(st.runner, self._figure_source(st.runner, row["b_ids"][0]))
        return self._render("compare_directions", one=self._dir_values(one), two=self._dir_values(two), r=row,
                            period=period, what=self._what(dim, cat), assumed_period=assumed, source=chain,
                            version=self.snapshot.version, caveats=[], related=self._related_facts(st))

    def _i_series(self, st: "_State") -> str:
        dim, cat = (st.categories[0] if st.categories else ("total", "all"))
        d = st.direction
        rows = st.runner.run("series", citizens=d.citizens, destination=d.destination, dimension=dim, category=cat)
        if not rows:
            raise NoData("series", what=self._what(dim, cat), **self._dir_values(d))
        for r in rows:
            r["label"] = self.period_label(parse_code(r["period"]))
            r["span"] = parse_code(r["period"]).span_in(self.lang)
            r["months"] = parse_code(r["period"]).months
            st.figure_ids.append(r["figure_id"])
        st.periods = [parse_code(rows[-1]["period"])]
        mixed = len({r["months"] for r in rows}) > 1
        return self._render("series", rows=rows, what=self._what(dim, cat), mixed=mixed,
                            **self._common(st, [parse_code(r["period"]) for r in rows]))

    def _i_fact(self, ex: Extraction, runner: QueryRunner) -> tuple[str, list[str]]:
        top = ex.facts[0][1]
        ids = [f for f, s in ex.facts if s >= FACT_KEEP_RATIO * top][:MAX_FACTS]
        facts = self._localise(runner.run("facts", ids=ids), "fact", "fact_id", FACT_FIELDS)
        if "future" in ex.cues and not any(f.get("kind") == "prediction" or _FORWARD_RE.search(f.get("statement") or "")
                                           for f in facts):
            # "Will Putin visit in spring?": only a stated prediction answers a question about the
            # future; otherwise say so, and give what the report does say.
            for f in facts[:1]:
                f["chain"] = self.source_chain(runner, f["source_id"])
            raise NoData("fact_detail", detail="a forecast", facts=facts[:1], version=self.snapshot.version)
        # English only for now: Korean and Russian words reach this point stemmed or split, and
        # the facts' translations are not indexed by stem, so every word would look uncovered.
        uncovered = words_the_facts_leave_out(ex, facts, self.lexicon) if self.lang == "en" else []
        aspect = fact_aspect(ex)
        if uncovered or not says_what_was_said(ex, facts[0] if facts else None) or not gives_aspect(aspect, ex, facts):
            # "How did each member vote on 2397?": the resolution's fact is near, but nothing in it
            # answers "vote". Say what the report does not give, then what it does, as context.
            for f in facts[:1]:
                f["chain"] = self.source_chain(runner, f["source_id"])
            raise NoData("fact_detail", detail=" ".join(uncovered) or ASPECT_DETAIL.get(aspect or "", "what was said"),
                         facts=facts[:1],
                         version=self.snapshot.version)
        focus = question_focus(ex.text, self.lexicon)
        if focus:
            # "Which airline flies the route?": the flights fact is near, but it does not say.
            # The best-matching fact must say it; a weaker fact that happens to (another quote of
            # the same person) would answer a different question.
            answering = [f for f in facts if focus_covered(focus, f, self.lexicon, ex.text)]
            if not facts or facts[0] not in answering:
                for f in facts[:1]:
                    f["chain"] = self.source_chain(runner, f["source_id"])
                raise NoData("fact_detail", detail=" ".join(focus), facts=facts[:1], version=self.snapshot.version)
            facts = answering
        for f in facts:
            f["chain"] = self.source_chain(runner, f["source_id"])
        return self._render("fact", facts=facts, version=self.snapshot.version), []

    def _i_sources(self, ex: Extraction, runner: QueryRunner) -> tuple[str, list[str]]:
        chain: list[dict[str, Any]] = []
        for r in runner.run("sources_used"):
            for s in self.source_chain(runner, r["source_id"]):
                if s["source_id"] not in {c["source_id"] for c in chain}:
                    chain.append(s)
        caveats = self._localise([c for c in runner.run("all_caveats") if c["kind"] == "provenance"],
                                 "caveat", "caveat_id", ("text",))
        return self._render("sources", chain=chain, caveats=caveats, report_date=self.report_date,
                            dataset=self._dataset(), version=self.snapshot.version), []

    def _i_caveats(self, ex: Extraction, runner: QueryRunner) -> tuple[str, list[str]]:
        # Only breakdowns that miss their total are shown; listed by direction, dimension, period.
        order = {d: i for i, d in enumerate(self.directions)}
        dims = self._dimensions_in_data()
        gaps = sorted(runner.run("breakdown_gaps"),
                      key=lambda r: (order.get(Direction(r["citizens"], r["destination"]), len(order)),
                                     dims.index(r["dimension"]) if r["dimension"] in dims else len(dims),
                                     r["p_start"], r["p_end"]))
        checks = [{"dir": self._dir_values(Direction(r["citizens"], r["destination"])), "period": parse_code(r["period"]),
                   "dimension": self._label("dimension", r["dimension"]), "total": r["total"],
                   "parts_sum": r["parts_sum"], "unaccounted": r["unaccounted"], "n": r["n"]} for r in gaps]
        caveats = self._localise(runner.run("all_caveats"), "caveat", "caveat_id", ("text",))
        return self._render("caveats", checks=checks, caveats=caveats, version=self.snapshot.version), []

    def _i_help(self, ex: Extraction, runner: QueryRunner) -> tuple[str, list[str]]:
        return self._render("help", examples=self.examples(), coverage=self.coverage(runner)), []

    def _i_coverage(self, ex: Extraction, runner: QueryRunner) -> tuple[str, list[str]]:
        return self._render("coverage", coverage=self.coverage(runner), dataset=self._dataset(),
                            version=self.snapshot.version), []

    def _dataset(self) -> str:
        return self.lexicon.translated("meta", "dataset", "text", self.lang) or self.dataset if self.lang != "en" else self.dataset

    # --- overviews and charts (for /figures, /about, /chart) --------------------------------------

    def overview(self) -> str:
        """Every figure in one compact message, grouped by direction, with sources."""
        runner = QueryRunner(self.snapshot, self.queries)
        meta = self.snapshot.meta
        groups: list[dict[str, Any]] = []
        for r in runner.run("overview", default_citizens=meta.get("default_citizens", ""),
                            default_destination=meta.get("default_destination", "")):
            d = Direction(r["citizens"], r["destination"])
            if not groups or groups[-1]["direction"] != d:
                groups.append({"direction": d, "dir": self._dir_values(d), "lines": []})
            label = "total" if r["dimension"] == "total" else self._label(r["dimension"], r["category"])
            groups[-1]["lines"].append({"period": self._pl(parse_code(r["period"])), "label": label, "value": r["value"],
                                        "dimension": r["dimension"]})
        chain = self.source_chain(runner, self.snapshot.tables["figures"][0]["source_id"]) if self.snapshot.tables["figures"] else []
        return self._render("figures", groups=groups, source=chain, version=self.snapshot.version)

    def about(self) -> str:
        runner = QueryRunner(self.snapshot, self.queries)
        return self._render("about", version=self.snapshot.version, loaded_at=self.snapshot.loaded_at,
                            counts=self.snapshot.counts(), coverage=self.coverage(runner), dataset=self._dataset(),
                            report_date=self.report_date)

    def sources(self) -> str:
        """The /sources view: the source chain behind the figures."""
        return self._i_sources(extract("", self.lexicon, self.report_date), QueryRunner(self.snapshot, self.queries))[0]

    def coverage_rows(self) -> list[dict[str, Any]]:
        return self.coverage(QueryRunner(self.snapshot, self.queries))

    def chart_kinds(self) -> list[tuple[str, str]]:
        """(kind, button label) for every chart the data supports, in the answer's language."""
        kinds = [("trend", self._chart_text("menu_trend"))]
        kinds += [(d, self._chart_text("menu_dimension", dimension=self._label("dimension", d)))
                  for d in self._dimensions_in_data()]
        return kinds

    def _chart_text(self, part: str, **values: Any) -> str:
        """One piece of a chart's text (title, caption, axis, note) as plain text, from the
        language's ``chart_text`` template: a chart is an image, not Telegram HTML."""
        return to_plain(self._render("chart_text", part=part, **values))

    def chart(self, kind: str) -> ChartSpec | None:
        """A chart of the default direction: its series, or its latest breakdown by a dimension."""
        d = self.default_direction
        if d is None:
            return None
        runner = QueryRunner(self.snapshot, self.queries)
        v = self._dir_values(d)
        if kind == "trend":
            rows = runner.run("series", citizens=d.citizens, destination=d.destination, dimension="total", category="all")
            if not rows:
                return None
            periods = [parse_code(r["period"]) for r in rows]
            chain = self.source_chain(runner, self._figure_source(runner, rows[0]["figure_id"]))
            # A whole year beside quarters is drawn as its quarterly average, marked as such: as
            # one bar among quarters it would look like a quarter four times the size.
            unit = min(p.months for p in periods)
            averaged = tuple(p.months > unit for p in periods)
            shown = tuple(round(r["value"] * unit / p.months, 1) if avg else r["value"]
                          for r, p, avg in zip(rows, periods, averaged))
            value_labels = tuple(self._chart_text("average_value", value=v_, total=r["value"], unit=unit)
                                 if avg else self._chart_text("value", value=r["value"])
                                 for r, avg, v_ in zip(rows, averaged, shown))
            labels = tuple(self._chart_text("average_label", period=self._pl(p), unit=unit) if avg else self._pl(p)
                           for p, avg in zip(periods, averaged))
            longest = max(p.months for p in periods)
            note = self._chart_text("average_note", unit=unit, parts=longest // unit) if any(averaged) else ""
            return ChartSpec("trend", self._chart_text("trend_title", dir=v), labels, shown,
                             self._caption(chain, self._chart_text("period_range", first=self._pl(periods[0]),
                                                                   last=self._pl(periods[-1]))),
                             note, tuple(r["figure_id"] for r in rows), axis=self._chart_text("axis"),
                             value_labels=value_labels, averaged=averaged)
        if kind not in self._dimensions_in_data():
            return None
        st = _State(ex=extract("", self.lexicon, self.report_date), runner=runner, direction=d, assumed_direction=False,
                    categories=[], dimensions=[kind], fixed_periods=None, now=0.0)
        try:
            period, avail, _ = self._dimension_period(st, kind)
            rows = self._need_rows(st, kind, period, avail)
        except NoData:
            return None
        chain = self.source_chain(runner, self._figure_source(runner, st.figure_ids[0]))
        r0 = rows[0]
        gap = r0["unaccounted"]
        note = self._chart_text("gap_note", parts=r0["parts_sum"], gap=gap, total=r0["total"]) if gap else ""
        dim = self._label("dimension", kind)
        return ChartSpec(kind, self._chart_text("breakdown_title", dir=v, dimension=dim, period=self._pl(period)),
                         tuple(r["label"] for r in rows), tuple(r["value"] for r in rows),
                         self._caption(chain, f"{self._pl(period)} ({period.span_in(self.lang)})"), note,
                         tuple(i for r in rows for i in r["figure_ids"]), axis=self._chart_text("axis"),
                         value_labels=tuple(self._chart_text("value", value=r["value"]) for r in rows))

    def figure_label(self, figure_id: str, row: dict[str, Any] | None = None) -> str:
        """ "North Koreans entering Russia, Q3 2023, by air": what a stored figure counts."""
        if row is None:
            row = self.figure_rows.get(figure_id)
        if row is None:
            return figure_id
        v = self._dir_values(Direction(row["citizens"], row["destination"]))
        what = "" if row["dimension"] == "total" else f", {self._what(row['dimension'], row['category'])}"
        return f"{v['people']} entering {v['destination']}, {parse_code(row['period']).label}{what}"

    def default_source_chain(self) -> list[dict[str, Any]]:
        figures = self.snapshot.tables["figures"]
        if not figures:
            return []
        return self.source_chain(QueryRunner(self.snapshot, self.queries), figures[0]["source_id"])

    def _caption(self, chain: list[dict[str, Any]], period: str) -> str:
        return self._chart_text("caption", chain=[s["name"] for s in chain], period=period, version=self.snapshot.version)

    # --- shared pieces -----------------------------------------------------------------------------

    def _render(self, template: str, **values: Any) -> str:
        return self.renderer.html(template, self.lang, **values)

    def _label(self, kind: str, id_: str, form: str = "label") -> str:
        return self.lexicon.label(kind, id_, form, self.lang)

    def period_label(self, period: Period) -> str:
        """A period's name in the answer's language."""
        return period.label_in(self.lang)

    # The Desk protocol (handlers/operations/base.py): what operations may use.
    def render(self, template: str, **values: Any) -> str:
        return self._render(template, **values)

    def label(self, kind: str, id_: str, form: str = "label") -> str:
        return self._label(kind, id_, form)

    def dir_values(self, d: Direction) -> dict[str, str]:
        return self._dir_values(d)

    def direction_pair(self, ex: Extraction, first: Direction) -> tuple[Direction, Direction]:
        return self._direction_pair(ex, first)

    def caveat_rows(self, runner: QueryRunner, d: Direction, periods: list[Period], dimension: str | None,
                    categories: list[str] | None, all_categories: bool = False) -> list[dict[str, Any]]:
        """The caveats that apply to these figures, in the answer's language."""
        seen: dict[str, dict[str, Any]] = {}
        for cat in categories or [None]:
            for row in runner.run("caveats", citizens=d.citizens, destination=d.destination,
                                  periods=[p.code for p in periods], dimension=dimension, category=cat,
                                  all_categories=all_categories, provenance=False):
                seen.setdefault(row["caveat_id"], row)
        return self._localise(list(seen.values()), "caveat", "caveat_id", ("text",))

    def _localise(self, rows: list[dict[str, Any]], kind: str, key: str, fields: tuple[str, ...]) -> list[dict[str, Any]]:
        """Rows from SQL with their text columns in the answer's language, where translated."""
        if self.lang == "en":
            return rows
        for r in rows:
            for f in fields:
                text = self.lexicon.translated(kind, r[key], f, self.lang)
                if text:
                    r[f + "_en"] = r[f]  # the original stays for templates that test a value
                    r[f] = text
        return rows

    def _dimensions_in_data(self) -> list[str]:
        dims: list[str] = []
        for info in self.direction_info.values():
            for d in info["dimensions"] or []:
                if d not in dims:
                    dims.append(d)
        return dims

    def _dir_values(self, d: Direction) -> dict[str, str]:
        values = {"people": self._label("country", d.citizens, "people"),
                  "destination": self._label("country", d.destination),
                  "origin": self._label("country", d.citizens)}
        if self.lang != "en":
            # Forms other languages' grammar needs: "граждан КНДР" after a number, "в Россию".
            values["people_gen"] = self._label("country", d.citizens, "people_gen")
            values["to"] = self._label("country", d.destination, "to")
            values["from"] = self._label("country", d.citizens, "origin")
        return values

    def _direction_labels(self, limit: int = 8) -> list[str]:
        """Directions in the data, for "the data covers only ..."; a long list ends with '…'."""
        shown = self.directions[:limit]
        if self.lang != "en":
            labels = [to_plain(self._render("direction", dir=v)) for v in map(self._dir_values, shown)]
        else:
            labels = [f"{v['people']} entering {v['destination']}" for v in map(self._dir_values, shown)]
        if len(self.directions) > limit:
            labels.append(f"… (+{len(self.directions) - limit})")
        return labels

    def _what(self, dimension: str, category: str) -> str:
        return "total" if dimension == "total" else self._label(dimension, category, "phrase")

    def _figure_source(self, runner: QueryRunner, figure_id: str) -> str:
        row = self.figure_rows.get(figure_id)
        return row["source_id"] if row else ""

    def source_chain(self, runner: QueryRunner, source_id: str) -> list[dict[str, Any]]:
        return self._localise(runner.run("source_chain", source_id=source_id), "source", "source_id",
                              ("name", "kind", "description"))

    def caveats(self, st: "_State", periods: list[Period], dimension: str | None, categories: list[str] | None,
                all_categories: bool = False) -> list[dict[str, Any]]:
        return self.caveat_rows(st.runner, st.direction, periods, dimension, categories, all_categories)

    def _common(self, st: "_State", periods: list[Period], caveats: bool = True) -> dict[str, Any]:
        source_id = self._figure_source(st.runner, st.figure_ids[0]) if st.figure_ids else ""
        out = {"dir": self._dir_values(st.direction), "assumed_direction": st.assumed_direction,
               "source": self.source_chain(st.runner, source_id) if source_id else [],
               "version": self.snapshot.version}
        if caveats:
            out["caveats"] = self.caveats(st, periods, None, None)
        out["related"] = self._related_facts(st)
        return out

    def _related_facts(self, st: "_State") -> list[dict[str, Any]]:
        """For "why ..." questions, the report's own context next to the figure."""
        if "why" not in st.ex.cues or not st.ex.facts:
            return []
        top = st.ex.facts[0][1]
        ids = [f for f, w in st.ex.facts if w >= FACT_KEEP_RATIO * top][:2]
        return self._localise(st.runner.run("facts", ids=ids), "fact", "fact_id", FACT_FIELDS)

    def coverage(self, runner: QueryRunner) -> list[dict[str, Any]]:
        # Computed once per language: every fallback shows it, and with 400 directions x 40
        # periods it costs ~100 ms to rebuild. Callers get their own dicts.
        cached = self._coverage.get(self.lang)
        if cached is None:
            cached = []
            for d in self.directions:
                info = self.direction_info[d]
                periods = sorted(parse_code(p) for p in info["total_periods"] or [])
                cached.append({**self._dir_values(d), "periods": [self.period_label(p) for p in periods],
                               "dimensions": [self._label("dimension", x) for x in info["dimensions"] or []]})
            self._coverage[self.lang] = cached
        return [dict(c) for c in cached]

    def examples(self) -> list[str]:
        """Example questions built from the data, each one the pipeline can answer."""
        out = []
        d = self.default_direction
        if d is None:
            return out
        v = self._dir_values(d)
        runner = QueryRunner(self.snapshot, self.queries)
        avail = self.available(runner, d)
        latest = self.latest(avail)
        if latest and self.lang != "en":
            return self._local_examples(v, latest, avail)
        if latest:
            out.append(f"How many {v['people']} entered {v['destination']} in {latest.label}?")
            dims = self._dimensions_in_data()
            if dims:
                out.append(f"What was the most common {self._label('dimension', dims[0])} in {latest.label}?")
            earlier = [p for p in avail if p.months == latest.months and p.end < latest.start]
            if earlier:
                out.append(f"How did {latest.label} compare with {max(earlier).label}?")
        out.append("Where do the figures come from?")
        return out[:4]

    def _local_examples(self, v: dict[str, str], latest: Period, avail: list[Period]) -> list[str]:
        """The example questions in Korean or Russian, from the language's question template."""
        dims = self._dimensions_in_data()
        values: dict[str, Any] = {"dir": v, "period": latest, "category": None,
                                  "dimension": self._label("dimension", dims[0]) if dims else None}
        out = []
        for intent in ("total", "ranking", "compare_periods", "sources"):
            q = to_plain(self.renderer.html("question", self.lang, intent=intent, fact_topic="", **values)).strip()
            if q:
                out.append(q)
        return out[:4]

    def suggestions(self, ex: Extraction, result: MatchResult) -> list[str]:
        """Full questions the bot can answer that are close to what was asked."""
        values: dict[str, Any] = {"dir": None, "period": None, "category": None, "dimension": None}
        try:
            d, _ = self.direction_for(ex)
        except NoData:
            d = self.default_direction
        if d is None:
            return []
        values["dir"] = self._dir_values(d)
        runner = QueryRunner(self.snapshot, self.queries)
        avail = self.available(runner, d)
        periods = self.resolve_mentions(ex.periods, avail)
        good = [p for p in periods if tile(p, avail)]
        values["period"] = (good[0] if good else self.latest(avail))
        if ex.categories:
            dim, cid, _ = ex.categories[0]
            values["category"] = self._label(dim, cid, "phrase")
            values["dimension"] = self._label("dimension", dim)
        elif ex.dimensions:
            values["dimension"] = self._label("dimension", ex.dimensions[0])
        out: list[str] = []
        ranked = [i for i, _ in result.ranked]
        if ex.countries or ex.periods or ex.categories:
            ranked += ["category", "total"] if ex.categories else ["total"]
        for intent in ranked:
            q = self.renderer.html("question", self.lang, intent=intent, fact_topic=self._fact_subject(ex), **values)
            q = to_plain(q).strip()
            if q and q not in out:
                out.append(q)
            if len(out) == MAX_SUGGESTIONS:
                break
        return out

    def _fact_subject(self, ex: Extraction) -> str:
        if not ex.facts:
            return ""
        fid = ex.facts[0][0]
        row = next((r for r in self.snapshot.tables["facts"] if r["fact_id"] == fid), None)
        if row is None:
            return ""
        # Facts about the report itself share a generic topic; their subject ("NK News") says more.
        return row["subject"] if row["kind"] == "source" else row["topic"]

    def _category_labels(self, ex: Extraction) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for dimension, category in self.category_pairs:
            label = self._label(dimension, category)
            out.setdefault(self._label("dimension", dimension), [])
            if label not in out[self._label("dimension", dimension)]:
                out[self._label("dimension", dimension)].append(label)
        return out

    @staticmethod
    def _echo(words: list[str]) -> list[str]:
        return [w[:MAX_ECHO] for w in words[:5]]


@dataclass
class _State:
    """Per-question working state for the figure intents."""

    ex: Extraction
    runner: QueryRunner
    direction: Direction
    assumed_direction: bool
    categories: list[tuple[str, str]]
    dimensions: list[str]
    fixed_periods: list[Period] | None
    now: float
    periods: list[Period] = field(default_factory=list)
    figure_ids: list[str] = field(default_factory=list)
    compare_pair: tuple[Direction, Direction] | None = None

    def context(self, intent: str) -> FollowUp:
        return FollowUp(intent, self.direction, tuple(self.periods), tuple(self.categories), tuple(self.dimensions), self.now)
