"""The hand-off buttons under an answer: "Where in the report" and "Cite".

Kept apart from the handlers (``handoff.py``) so that the reply module can add the buttons
without importing the handlers that send through it. Callback data is ``where:<answer id>`` or
``cite:<answer id>``, the same answer id as "How was this computed?".
"""

from __future__ import annotations

from telegram import InlineKeyboardButton

from handlers.pipeline import Answer

WHERE, CITE = "where", "cite"
PATTERN = rf"^({WHERE}|{CITE}):"  # registered in bot.py before the general button handler


def handoff_row(answer: Answer, answer_id: str) -> list[list[InlineKeyboardButton]]:
    """Both buttons for an answer that states a figure; "Where in the report" alone for an answer
    built from the report's facts (the facts carry locators too); none otherwise."""
    where = InlineKeyboardButton("📍 Where in the report", callback_data=f"{WHERE}:{answer_id}")
    if answer.has_figures:
        return [[where, InlineKeyboardButton("✍️ Cite", callback_data=f"{CITE}:{answer_id}")]]
    if answer.kind == "answer" and any(t.name == "facts" and t.rows for t in answer.traces):
        return [[where]]
    return []
