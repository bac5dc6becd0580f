"""Button presses: a suggested question, "how was this computed?", a chart choice.

Every callback query is answered (Telegram shows a spinner until it is), even when its button
has expired.
"""

from __future__ import annotations

from telegram import Update
from telegram.ext import ContextTypes

from handlers.telegram.commands import send_chart
from handlers.telegram.messages import thread_key
from handlers.render import to_plain
from handlers.telegram.reply import answer_question, send_view, view_lang
from handlers.telegram.setup import resources, state


async def on_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.callback_query
    if query is None:
        return
    kind, _, payload = (query.data or "").partition(":")
    st = state(context)
    message = query.message if query.message is not None and query.message.is_accessible else None
    chat_id = message.chat_id if message is not None else query.from_user.id
    lang = view_lang(context, chat_id, query.from_user)
    if kind == "q":
        question = st.buttons.get(payload)
        if question is None or message is None:
            await query.answer(to_plain(resources(context).renderer.html("expired", lang)))
            return
        await query.answer()
        key = (message.chat_id, query.from_user.id, message.message_thread_id if message.is_topic_message else None)
        await answer_question(message, context, question, await st.context(key), key)
    elif kind == "why":
        answer = st.answers.get(payload)
        await query.answer()
        if message is not None:
            lang = view_lang(context, chat_id, query.from_user, answer.question if answer else "")
            await send_view(message, context, "why", view_language=lang, answer=answer)
    elif kind == "checkhelp":
        await query.answer()
        if message is not None:
            await send_view(message, context, "check_usage")
    elif kind == "chart" and message is not None:
        await query.answer()
        await send_chart(message.chat_id, payload, context,
                         message.message_thread_id if message.is_topic_message else None, lang)
    else:
        await query.answer(to_plain(resources(context).renderer.html("expired", lang)))


__all__ = ["on_button", "thread_key"]
