"""Questions that ask two or more things at once ("How many in Q3, and how many by air?").

One frame answers one thing. A question with a second ask joined by "and how many", "and what
share", "? And ..." used to get the first part's figure (or the one operation that happened to
fit either part) as if it answered the whole question: a confident answer with a required figure
missing. Here the question is split at those joints; the first part is answered on its own and
each later part as a follow-up of the one before it (so "and how many on foot?" keeps the first
part's period and direction), through the same pipeline and conversation machinery.

Policy (the named threshold is ``MIN_PART_SCORE``):
- every part answered confidently (kind "answer", score at least ``MIN_PART_SCORE``, and the
  measure a part asks for, a share or a rate, shown in its answer): the parts' answers, each under
  its own part of the question, unless the whole question's own answer already rests on every
  figure the parts do (then that one answer stands);
- a part not answered confidently: no part is given as the answer (the reply says first which
  part could not be answered and why, then the other parts' answers, each under its part, and the
  reply is a fallback, never a complete answer), except that a
  confident answer to the whole question stands when it shows every measure the failing parts
  ask for: a part that fails alone is often a detail of the one before ("By how many?").
The joints here are English words; Korean and Russian joints, read with the analysers, are in
handlers/multipart_koru.py (``split_parts_koru``), with the aspects an answer shows per language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Protocol

from handlers.model import Answer, FollowUp
from handlers.multipart_koru import (aspect_missing_koru, figures_not_shown, has_content, may_have_parts_koru, shares_not_shown,
                                     split_parts_koru)
from handlers.understanding.matcher import ACCEPT
from handlers.understanding.normalise import normalise_text

# A part is answered only when the pipeline is as sure of it as of a question asked alone.
MIN_PART_SCORE = ACCEPT
# More parts than this is a list of questions, not a question: asked as a whole, as before.
MAX_PARTS = 4
# A part shorter than this many words is no question of its own ("and?", "and why").
MIN_PART_WORDS = 2

# The words that open a second ask after "and": an interrogative, a measure asked of the same
# figure ("and what share", "and per day", "and as a percentage"), or a yes/no check.
_ASK_HEAD = (r"(?:how\s+many|how\s+much|how\s+(?:big|large|high|small|low)|how\s+does|how\s+do|how\s+did|how\s+has|how\s+is|what|which|who|whom|when|"
             r"is\s+that|was\s+that|did\s+(?:that|it|this)|does\s+(?:that|it|this)|"
             r"by\s+what|by\s+how\s+much|as\s+a\s+(?:share|percentage|percent|proportion)|"
             r"(?:its|the|their)\s+(?:share|percentage|proportion|daily|monthly|per[- ]day|per[- ]month)|"
             r"per\s+(?:day|month|quarter)|(?:a|each)\s+(?:day|month)|(?:the\s+)?percent(?:age)?\s+(?:rise|increase|change|jump|growth)|"
             # a second measure named as a noun: "daily average and monthly average", "and average a month"
             r"(?:the\s+|its\s+|their\s+|an?\s+)?(?:daily|monthly|quarterly|weekly)\s+(?:average|mean|rate|figure|number)|"
             r"(?:the\s+|an?\s+)?average\s+(?:a|per|each)\s+(?:day|month|quarter|week))\b")
# "..., and how many ...", "... and what share ...": split before "and".
_AND_JOINT_RE = re.compile(rf"(?:\s*[,;]\s*|\s+)(?:and|plus|as\s+well\s+as)\s+(?=(?:also\s+|then\s+)?{_ASK_HEAD})", re.IGNORECASE)
# "how many by air, what share by rail?": a comma before a second ask; split only when the text
# before it asks something itself (so "In Q3, how many ...?" stays one question: see split_parts).
# Only before an interrogative: ", as a share?" or ", per day?" qualifies the same figure.
_COMMA_JOINT_RE = re.compile(r",\s*(?=(?:how\s+(?:many|much|big|large)|what|which|who|when|where)\b)", re.IGNORECASE)
_ASKS_RE = re.compile(r"\b(?:how\s+(?:many|much|big|large)|what|which|who|when|where)\b", re.IGNORECASE)
# "Total for 2022? And for Q3 2023?": a question mark with more question after it: a part opened
# by "and", or one of four words or more. A short one restates the first ("Why ...? What is
# reason?"), and "i.e." or "that is" explains it; neither is a question of its own.
_MARK_JOINT_RE = re.compile(r"\?\s+(?=(?:and|also|plus)\b|(?!(?:i\.?e\.?|e\.?g\.?|that is|meaning|in other words)\b)"
                            r"(?:[^\s?]+\s+){3,}[^\s?]+)", re.IGNORECASE)
# Text after a "?" that neither asks ("...?" again, an interrogative) nor opens with "and" is a
# remark ("just the number is fine", "I need one number for the headline"), not a part.
_REMARK_RE = re.compile(r"^(?!.*\?\s*$)(?!\s*(?:and|also|plus|how|what|which|who|when|where|why|is|are|was|were|did|does|do|can|could|"
                        r"give|tell|show|list)\b)",
                        re.IGNORECASE)
_MARK_THEN_TEXT_RE = re.compile(r"\?\s*\S")
# "how many in Q3; how many by air": a semicolon between two asks.
_SEMI_JOINT_RE = re.compile(rf";\s*(?={_ASK_HEAD})", re.IGNORECASE)
# A later part that refers back ("that", "them") is read as a follow-up only.
_ANAPHORA_RE = re.compile(r"\b(?:that|it|its|this|these|those|them|they|their|each|both)\b", re.IGNORECASE)
# Intents that answer with a statement of the report: a later part that gets one on its own asks it.
STATEMENT_INTENTS = ("fact",)
_WORD_RE = re.compile(r"[^\W_]+", re.UNICODE)
_LEADING_AND_RE = re.compile(r"^\s*(?:and|also|plus)\b\s*", re.IGNORECASE)


def may_have_parts(text: str) -> bool:
    """A cheap test before any splitting: a joint needs "and", "plus", ",", ";" or a "?" with text after it."""
    lower = text.lower()
    return "and" in lower or "plus" in lower or "," in text or ";" in text or bool(_MARK_THEN_TEXT_RE.search(text))


def split_parts(text: str) -> list[str]:
    """The question's asks, in order; one element when it asks one thing (or more than MAX_PARTS)."""
    if not may_have_parts(text):
        return [text]  # no joint at all: most questions, so the joints' patterns are not run on them
    pieces = []
    for piece in _MARK_JOINT_RE.split(text):
        if pieces and _REMARK_RE.match(piece):
            pieces[-1] += "? " + piece  # a remark after a question mark stays with the question before it
        else:
            pieces.append(piece)
    for joint in (_SEMI_JOINT_RE, _AND_JOINT_RE):
        pieces = [p for piece in pieces for p in joint.split(piece)]
    pieces = [p for piece in pieces for p in _comma_split(piece)]
    parts = [p.strip(" ,;") for p in pieces if p.strip(" ,;?")]
    if not 2 <= len(parts) <= MAX_PARTS:
        return [text]
    if any(len(_WORD_RE.findall(_LEADING_AND_RE.sub("", p))) < MIN_PART_WORDS and not re.search(r"\d", p) for p in parts[1:]):
        # "Who visited Russia and when?": a one-word ask is a detail of the first, not a question of its own.
        return [text]
    tail = _SHARED_TAIL_RE.search(parts[-1].rstrip("?. "))
    if tail:
        # "how many nk and how many russians per day in q3": the period (and rate) at the end is
        # every part's; a part that names none takes it, rather than the latest period alone.
        parts = [p if _PERIOD_WORD_RE.search(p) else p.rstrip("?. ") + " " + tail.group(1) for p in parts[:-1]] + parts[-1:]
    # Runs of spaces collapsed: a part is echoed as its label, and the answer cache treats texts that
    # differ only in spacing as one question, so the label must not depend on the spacing either.
    parts = [" ".join(p.split()) for p in parts]
    return [p if p.endswith("?") else p + "?" for p in parts]


def _comma_split(piece: str) -> list[str]:
    """ "how many by air, what share by rail": split at a comma before an ask only when the text
    before the comma is itself an ask (opens with one); "In Q3, how many ...?" and "Russians in Q3,
    how many, how many on business" stay whole."""
    out: list[str] = []
    for chunk in _COMMA_JOINT_RE.split(piece):
        if out and not _ASKS_RE.match(out[-1].lstrip()):
            out[-1] = out[-1] + ", " + chunk
        else:
            out.append(chunk)
    return out


# The period at the end of the last part, with the rate before it: " per day in q3", " in H1 2023".
_SHARED_TAIL_RE = re.compile(r"\s((?:(?:per|a|each)\s+(?:day|month|quarter)\s+)?(?:in|during|for|over)\s+(?:the\s+)?"
                             r"(?:q[1-4]|h[12]|[1-4]q|first|second|third|fourth|(?:19|20)\d\d|last|this|jan\w*|jul\w*)\b[^,;?]*)$",
                             re.IGNORECASE)
_PERIOD_WORD_RE = re.compile(r"\b(?:q[1-4]|h[12]|[1-4]q|(?:19|20)\d\d|quarter|half|year|yr|months?|ytd|so far|"
                             r"jan\w*|feb\w*|mar\w*|apr\w*|may|jun\w*|jul\w*|aug\w*|sep\w*|oct\w*|nov\w*|dec\w*)\b", re.IGNORECASE)


class PartAnswerer(Protocol):
    """What answering the parts needs from the pipeline."""

    snapshot: Any  # the data snapshot: .figure(figure_id) gives a stored figure's row

    def answer_in_turn(self, question: str, previous: FollowUp | None, now: float) -> Answer: ...

    def second_ask_noted(self, question: str) -> bool: ...

    def render(self, template: str, **values: object) -> str: ...

    def part_reading(self, text: str) -> Any: ...  # a part's extraction (its .cues)


@dataclass(frozen=True)
class PartResult:
    """One part of the question and the answer it got."""

    question: str
    answer: Answer
    lang: str = "en"
    cues: frozenset[str] = frozenset()  # the part's cue groups (Korean and Russian aspects read them)
    own: bool = True  # the part names what it is about (Korean and Russian: its figures are its own)

    @property
    def confident(self) -> bool:
        if self.lang != "en":
            return (self.answer.kind == "answer" and self.answer.score >= MIN_PART_SCORE
                    and not aspect_missing_koru(self.lang, set(self.cues), self.answer.text,
                                                self.answer.intent in STATEMENT_INTENTS))
        return (self.answer.kind == "answer" and self.answer.score >= MIN_PART_SCORE
                and all(given.search(self.answer.text) for asked, given in _ASPECTS if asked.search(self.question)))


# A part that asks for a measure must get it: "and the Russians' share?" answered with the
# Russians' total is an answer to another question (the aspect asked, and how an answer shows it).
_ASPECTS = (
    (re.compile(r"\b(?:share|percent(?:age)?|proportion|pct)\b|%", re.IGNORECASE), re.compile(r"%")),
    (re.compile(r"\b(?:per|a|each)\s+day\b|\bdaily\b", re.IGNORECASE), re.compile(r"\b(?:a|per)\s+day\b", re.IGNORECASE)),
    (re.compile(r"\b(?:per|a|each)\s+month\b|\bmonthly\b", re.IGNORECASE), re.compile(r"\b(?:a|per)\s+month\b", re.IGNORECASE)),
    (re.compile(r"\bwho\b", re.IGNORECASE), re.compile(r"[A-Z][a-z]+\s+[A-Z][a-z]+")),
)


def answer_parts(desk: PartAnswerer, question: str, whole: Answer, now: float, previous: FollowUp | None,
                 lang: str = "en") -> Answer:
    """The answer to a question that may ask several things; ``whole`` is its answer as one question.

    When a part fails, a whole answer that already names the part the report does not answer ("...
    in Q3, and where did they go?": the figure, and that the report gives no places) is an honest
    answer to both parts and stands as it is.
    """
    if not (may_have_parts(question) if lang == "en" else may_have_parts_koru(question, lang)):
        return whole  # most questions: no joint, and no second normalisation of the text
    question = question.strip()  # as the whole answer keeps it (Pipeline._answer)
    parts = (split_parts(normalise_text(question)) if lang == "en"
             else split_parts_koru(normalise_text(question), lang, desk.part_reading))
    if len(parts) < 2:
        return whole
    results: list[PartResult] = []
    for n, part in enumerate(parts):
        asked = _LEADING_AND_RE.sub("", part) if lang == "en" else part
        got = desk.answer_in_turn(asked, previous, now)
        if n and lang == "en" and not _ANAPHORA_RE.search(asked):
            alone = desk.answer_in_turn(asked, None, now)
            if alone.kind == "answer" and alone.intent in STATEMENT_INTENTS:
                # "..., and who said the workers were in the hundreds?" asks a statement of its own,
                # not who gave the figure just answered.
                got = alone
        reading = desk.part_reading(part) if lang != "en" else None
        results.append(PartResult(part, got, lang, frozenset(reading.cues) if reading is not None else frozenset(),
                                  has_content(reading) if reading is not None else True))
        previous = got.context if got.context is not None else previous
    if all(r.confident for r in results):
        if lang != "en" and whole.kind == "fallback":
            # "Каким поездом и по какому маршруту ...?": the whole question names what the report
            # lacks ("маршрут"); a part read alone may miss it, so the whole's refusal stands.
            return whole
        if (whole.kind == "answer" and not _new_slots(desk, whole, results)
                and not any(_aspect_missing(r, whole) for r in results)
                and not (lang != "en" and shares_not_shown(sum("share" in r.cues for r in results), whole.text))
                and (lang != "en" or not _parallel(results) or _shows_parts_figures(whole, results))):
            return whole  # one answer already rests on what the parts do (a breakdown asked two of its rows)
        return _combined(desk, question, whole, results)
    failed = [r for r in results if not r.confident]
    answered_as = {r.answer.intent for r in results if r.confident}
    if (whole.kind == "answer" and (whole.intent in answered_as or whole.intent == "claim_check")
            and (lang != "en" or _shows_parts_figures(whole, [r for r in results if r.confident]))
            and (not any(_aspect_missing(r, whole) for r in failed) or (lang == "en" and desk.second_ask_noted(question)))):
        # A part that fails alone is often a detail of the one before ("By how many?", "Give the
        # figure."), which the whole question's answer gives; a part asking a measure the whole
        # answer does not show ("..., and as a share?") is not, nor is a whole answer of another
        # kind than any part's (a statement about trade for "monthly average ..., and did that
        # pace pick up?").
        return whole
    return _declined(desk, question, whole, results)


def _slot(desk: PartAnswerer, figure_id: str) -> tuple[str, ...] | None:
    row = desk.snapshot.figure(figure_id)
    return None if row is None else (row["citizens"], row["destination"], row["period"], row["dimension"])


def _new_slots(desk: PartAnswerer, whole: Answer, results: list[PartResult]) -> bool:
    """Whether the parts rest on a figure of a kind the whole answer has none of: another direction,
    period or breakdown, or the total. Another row of a breakdown the whole answer already gives is
    not (a part read alone may widen "road, foot and water" to every mode)."""
    have = {_slot(desk, i) for i in whole.figure_ids}
    if any(not r.answer.figure_ids and r.answer.intent != whole.intent for r in results):
        return True  # a statement asked ("and who said ...?") that a figure answer does not give
    return any(_slot(desk, i) not in have for r in results for i in r.answer.figure_ids if i not in whole.figure_ids)


_BOLD_RE = re.compile(r"<b>(.*?)</b>", re.DOTALL)
_FIGURE_RE = re.compile(r"\d+(?:\.\d+)?%?")


def _headline_figures(answer: Answer) -> set[str]:
    """The figures an answer states as its result (bold in its html), thousands separators dropped."""
    return {f for b in _BOLD_RE.findall(answer.html) for f in _FIGURE_RE.findall(b.replace(",", "").replace("\u202f", ""))}


def _shows_parts_figures(whole: Answer, results: list[PartResult]) -> bool:
    """Whether the whole question's answer states every part's result: "the share by air and the
    share by rail" answered with the two modes' combined share rests on the same figures but gives
    neither share asked."""
    shown = set(_FIGURE_RE.findall(whole.text.replace(",", "").replace("\u202f", "")))
    return all(_headline_figures(r.answer) <= shown for r in results)


def _parallel(results: list[PartResult]) -> bool:
    """Parts that ask each for a result of its own ("the share by air and the share by rail", "how
    many by rail, and how big a share by road"): distinct headline figures, and no later part referring back ("how does that compare?"), which a
    whole answer of another kind (a gap, a sum) may answer better than the parts read in turn."""
    return (len({frozenset(_headline_figures(r.answer)) for r in results}) == len(results)  # each part its own result
            and not any(_ANAPHORA_RE.search(_LEADING_AND_RE.sub("", r.question)) for r in results[1:])
            and all(_own_subject(r) for r in results[1:]))


def _own_subject(result: PartResult) -> bool:
    """Whether a part names something of its own (a country, period or category) or a rate of its
    own ("average a month"): a bare "what share?" or "what percent?" after "train and car together,
    how many" asks the measure of the figure before it, which the whole answer may give better."""
    ents = result.answer.entities
    return (ents.get("followup") is False  # read as a question of its own ("which quarter was largest?"), not an edit
            or bool(ents.get("countries") or ents.get("periods") or ents.get("categories"))
            or any(asked.search(result.question) for asked, _ in _ASPECTS[1:3]))


def _aspect_missing(part: PartResult, answer: Answer) -> bool:
    if part.lang != "en":
        # A confident part's figures must be in the whole answer too, or that answer is one in part.
        return (aspect_missing_koru(part.lang, set(part.cues), answer.text)
                or (part.own and part.confident and figures_not_shown(part.answer.html, answer.text)))
    return any(asked.search(part.question) and not given.search(answer.text) for asked, given in _ASPECTS)


def _combined(desk: PartAnswerer, question: str, whole: Answer, results: list[PartResult]) -> Answer:
    """Every part answered: each answer under its part, the figures and traces of all of them."""
    html = desk.render("multi_part", parts=[{"question": r.question, "html": r.answer.html} for r in results])
    last = results[-1].answer
    answer = Answer(question=question, kind="answer", intent=results[0].answer.intent,
                    score=min(r.answer.score for r in results), html=html, entities=whole.entities,
                    version=whole.version, frame=results[0].answer.frame)
    answer.figure_ids = list(dict.fromkeys(i for r in results for i in r.answer.figure_ids))
    answer.traces = [t for r in results for t in r.answer.traces]
    answer.stated = [s for r in results for s in r.answer.stated]
    answer.suggestions = []
    answer.context = last.context
    answer.entities = dict(whole.entities, parts=len(results))
    return answer


def _declined(desk: PartAnswerer, question: str, whole: Answer, results: list[PartResult]) -> Answer:
    """A part not answered confidently: none is given as the answer (a part answered alone reads as
    the whole answer); the reply says which part fails and why, and offers the others to ask alone."""
    failed = [r for r in results if not r.confident]
    reasons = [{"question": r.question,
                "why": _first_sentence(r.answer.text) if r.answer.kind != "answer" else None}
               for r in failed]
    askable = [r.question for r in results if r.confident]
    # The parts that can be answered are answered, each under its part, below the part that cannot:
    # the reply is not an answer to the question (kind "fallback"), so a part never passes as the whole.
    answered = [{"question": r.question, "html": r.answer.html} for r in results if r.confident]
    html = desk.render("multi_part_declined", failed=reasons, askable=askable, answered=answered)
    answer = Answer(question=question, kind="fallback", intent=whole.intent, score=whole.score, html=html,
                    entities=dict(whole.entities, parts=len(results)), version=whole.version, frame=whole.frame)
    answer.suggestions = askable
    answer.context = whole.context
    answer.traces = whole.traces
    return answer


def _first_sentence(text: str) -> str:
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    return first[:300]
