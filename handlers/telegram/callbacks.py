"""Button presses: a suggested question, "how was this computed?", a chart choice.

Every callback query is answered first, at once, before anything that waits for the rate
limiter (Telegram shows a spinner until it is, and refuses an answer that comes too late).
Presses are throttled per user on arrival, before any handler, by the update processor
(``handlers/telegram/fairness.py``: beyond ``PRESSES_PER_WINDOW`` in ``THROTTLE_SECONDS``, any
button, a press is answered bare and goes no further). Here, a press while the same user's
previous one is still being handled is answered and otherwise ignored (so one user hammering a
button costs one explanation at a time, not a queue of them). Callback data need not come from
one of our buttons (Telegram says so): unknown or expired data gets the short "expired" notice. A query Telegram no longer
accepts ("query is too old") is logged at INFO, without a traceback and without any message.
"""

from __future__ import annotations

import logging

from telegram import CallbackQuery, Message, Update
from telegram.error import BadRequest
from telegram.ext import ContextTypes

from handlers.render import to_plain
from handlers.telegram.commands import send_chart
from handlers.telegram.messages import thread_key
from handlers.telegram.quiet import QuietLog, expired_queries, is_expired_query
from handlers.telegram.reply import answer_question, send_view, view_lang
from handlers.telegram.setup import resources, state

log = logging.getLogger(__name__)

KINDS = ("q", "why", "checkhelp", "chart")
unknown_buttons = QuietLog("button press with unknown or expired data, answered as expired")


async def answer_query(query: CallbackQuery, text: str | None = None) -> bool:
    """Answer a callback query; False (logged at INFO) if Telegram says it is too old."""
    try:
        await query.answer(text)
        return True
    except BadRequest as exc:
        if not is_expired_query(exc):
            raise
        expired_queries.note(exc.message)
        return False


async def on_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.callback_query
    if query is None:
        return
    kind, _, payload = (query.data or "").partition(":")
    st = state(context)
    res = resources(context)
    message = query.message if query.message is not None and query.message.is_accessible else None
    chat_id = message.chat_id if message is not None else query.from_user.id
    lang = view_lang(context, chat_id, query.from_user)
    question = st.buttons.get(payload) if kind == "q" else None
    known = message is not None and kind in KINDS and (
        kind == "checkhelp" or (kind == "q" and question is not None) or (kind == "why" and bool(payload))
        or (kind == "chart" and payload in dict(res.pipeline.chart_kinds())))
    if not known:
        unknown_buttons.note(f"data of {len(query.data or '')} bytes")
        await answer_query(query, to_plain(res.renderer.html("expired", lang)))
        return
    user = query.from_user.id
    busy: set[int] = context.application.bot_data.setdefault("pressing", set())
    if user in busy:  # (the per-second throttle is the update processor's, on arrival)
        await answer_query(query)
        return
    if not await answer_query(query):
        return
    assert message is not None  # known implies it
    busy.add(user)
    try:
        await _act(context, query, kind, payload, question, message, lang)
    finally:
        busy.discard(user)


async def _act(context: ContextTypes.DEFAULT_TYPE, query: CallbackQuery, kind: str, payload: str,
               question: str | None, message: Message, lang: str) -> None:
    """What a known button does, after its query was answered."""
    st = state(context)
    if kind == "q" and question is not None:
        key = (message.chat_id, query.from_user.id, message.message_thread_id if message.is_topic_message else None)
        await answer_question(message, context, question, await st.context(key), key)
    elif kind == "why":
        answer = st.answers.get(payload)
        lang = view_lang(context, message.chat_id, query.from_user, answer.question if answer else "")
        await send_view(message, context, "why", view_language=lang, answer=answer)
    elif kind == "checkhelp":
        await send_view(message, context, "check_usage")
    else:
        await send_chart(message.chat_id, payload, context,
                         message.message_thread_id if message.is_topic_message else None, lang)


__all__ = ["answer_query", "is_expired_query", "on_button", "thread_key"]
