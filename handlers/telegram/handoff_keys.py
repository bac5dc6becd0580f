"""The hand-off buttons under an answer: "Where in the report" and "Cite", labelled in the
answer's language.

Kept apart from the handlers (``handoff.py``) so that the reply module can add the buttons
without importing the handlers that send through it. Callback data is ``where:<answer id>`` or
``cite:<answer id>``, the same answer id as "How was this computed?". The labels are data:
``answers/<lang>/buttons.j2``, one ``key=label`` a line.
"""

from __future__ import annotations

import weakref

from telegram import InlineKeyboardButton

from handlers.pipeline import Answer
from handlers.render import Renderer, to_plain

WHERE, CITE = "where", "cite"
PATTERN = rf"^({WHERE}|{CITE}):"  # registered in bot.py before the general button handler


# Labels per renderer and language, read once: every answer's keyboard needs them, and rendering
# and parsing the template each time cost more than building the keyboard itself.
_LABELS: "weakref.WeakKeyDictionary[Renderer, dict[str, dict[str, str]]]" = weakref.WeakKeyDictionary()


def labels(renderer: Renderer, lang: str) -> dict[str, str]:
    """The button labels in ``lang`` (English for a language without its own). Shared: read only."""
    by_lang = _LABELS.get(renderer)
    if by_lang is None:
        by_lang = _LABELS.setdefault(renderer, {})
    found = by_lang.get(lang)
    if found is None:
        found = {}
        for line in to_plain(renderer.html("buttons", lang)).splitlines():
            key, sep, label = line.partition("=")
            if sep:
                found[key.strip()] = label.strip()
        by_lang[lang] = found
    return found


def handoff_row(answer: Answer, answer_id: str, renderer: Renderer) -> list[list[InlineKeyboardButton]]:
    """Both buttons for an answer that states a figure; "Where in the report" alone for an answer
    built from the report's facts (the facts carry locators too); none otherwise."""
    if not offers_handoff(answer):
        return []
    names = labels(renderer, answer.lang)
    where = InlineKeyboardButton(names[WHERE], callback_data=f"{WHERE}:{answer_id}")
    if states_figures(answer):
        return [[where, InlineKeyboardButton(names[CITE], callback_data=f"{CITE}:{answer_id}")]]
    return [[where]]


def states_figures(answer: Answer) -> bool:
    """An answer that gives stored figures, or figures computed from them: its own, a claim
    check's, or the context of an honest "not in the data" (``Answer.stated``)."""
    return answer.has_figures or bool(answer.stated)


def offers_handoff(answer: Answer) -> bool:
    """Whether an answer gets hand-off buttons: it states a figure, or gives the report's facts."""
    return states_figures(answer) or (answer.kind == "answer" and any(t.name == "facts" and t.rows for t in answer.traces))
