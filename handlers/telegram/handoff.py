"""The newsroom hand-off in Telegram: "Where in the report" and "Cite" buttons, /passage, /export,
and the CSV sent with every chart.

Each handler unpacks the update, asks :class:`handlers.handoff.Handoff` (which never imports
telegram) for the view, and replies. The buttons work under answers in private chats and groups
(the view is sent as a reply to the answer) and under inline-mode messages, which the bot cannot
reply to: there the inline message is edited to carry the view below the answer.
"""

from __future__ import annotations

import asyncio

from telegram import InlineKeyboardMarkup, Message, Update
from telegram.error import BadRequest
from telegram.ext import ContextTypes

from handlers.charts import ChartSpec
from handlers.handoff import Handoff
from handlers.pipeline import Answer
from handlers.render import split_message
from handlers.telegram.handoff_keys import WHERE, handoff_row
from handlers.telegram.reply import send_html, view_lang, with_retries
from handlers.telegram.setup import resources, state

UPLOAD_LIMIT = 50 * 1000 * 1000  # Telegram's limit for a file a bot sends


def view(context: ContextTypes.DEFAULT_TYPE, kind: str, answer: Answer | None, lang: str) -> str:
    """The passage or cite view of an answer, from the data being served now."""
    handoff = Handoff(resources(context).pipeline)
    return handoff.passage(answer, lang) if kind == WHERE else handoff.cite(answer, lang)


async def on_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """ "Where in the report" / "Cite" under an answer, in a chat or on an inline message."""
    query = update.callback_query
    if query is None:
        return
    kind, _, answer_id = (query.data or "").partition(":")
    answer = state(context).answers.get(answer_id)
    if answer is None:
        await query.answer(resources(context).renderer.html("expired"))
        return
    message = query.message if query.message is not None and query.message.is_accessible else None
    # The view is in the answer's language (the chat's /lang choice or the question's own).
    html = await asyncio.to_thread(view, context, kind, answer, answer.lang)
    await query.answer()
    if message is not None:
        await send_html(message, html, quote=message.chat.type != "private")  # type: ignore[arg-type]
    elif query.inline_message_id:
        # An inline message has no chat the bot may write to: the view goes under the answer.
        text = split_message(answer.html + "\n\n" + html)[0]
        markup = InlineKeyboardMarkup(handoff_row(answer, answer_id, resources(context).renderer))
        inline_id = query.inline_message_id
        try:
            await with_retries(lambda: context.bot.edit_message_text(text, inline_message_id=inline_id,
                                                                     parse_mode="HTML", reply_markup=markup,
                                                                     disable_web_page_preview=True))
        except BadRequest as exc:
            if "not modified" not in exc.message.lower():
                raise  # pressing the same button twice leaves the message as it is; anything else is a bug


async def passage(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/passage: where in the report the figures of the asker's last answer are stated."""
    message = update.effective_message
    if message is None or message.from_user is None:
        return
    answer = state(context).last_answer_of(message.chat_id, message.from_user.id)
    lang = answer.lang if answer else view_lang(context, message.chat_id, message.from_user)
    html = await asyncio.to_thread(view, context, WHERE, answer, lang)
    await send_html(message, html, quote=message.chat.type != "private")


async def export(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/export: every figure as CSV; /export QUESTION: the figures behind that question's answer."""
    message = update.effective_message
    if message is None:
        return
    res = resources(context)
    pipeline = res.pipeline
    handoff = Handoff(pipeline)
    question = " ".join(context.args or [])
    version = pipeline.snapshot.version
    # Captions in the asker's language: the chat's /lang choice, else the question's, else Telegram's.
    view_language = view_lang(context, message.chat_id, message.from_user, question)
    if not question:
        data = await asyncio.to_thread(handoff.csv_bytes, None)
        caption = res.renderer.html("export_caption", view_language, n=pipeline.snapshot.figure_count,
                                    question="", version=version)
        await send_csv(message, context, data, f"factdesk-figures-v{version}.csv", caption, view_language)
        return
    lang = state(context).langs.get(message.chat_id)
    hint = message.from_user.language_code if message.from_user else None
    answer = await asyncio.to_thread(pipeline.answer, question, None, None, lang, hint)
    behind = await asyncio.to_thread(handoff.behind, answer, "en")
    ids = [f.figure_id for f in behind.figures + behind.totals]
    if not ids:
        await send_html(message, res.renderer.html("export_none", answer.lang, answer=answer),
                        quote=message.chat.type != "private")
        return
    data = await asyncio.to_thread(handoff.csv_bytes, ids)
    caption = res.renderer.html("export_caption", answer.lang, n=len(ids), question=question, version=version)
    await send_csv(message, context, data, f"factdesk-answer-v{version}.csv", caption, answer.lang)


async def send_csv(message: Message, context: ContextTypes.DEFAULT_TYPE, data: bytes, filename: str,
                   caption: str, lang: str = "en") -> Message | None:
    """Reply with a CSV file and its caption (or say, in ``lang``, that it is too big for Telegram)."""
    if len(data) > UPLOAD_LIMIT:
        html = resources(context).renderer.html("export_too_big", lang, mb=len(data) / 1e6, limit_mb=UPLOAD_LIMIT / 1e6)
        return await send_html(message, html, quote=message.chat.type != "private")
    return await with_retries(lambda: message.reply_document(data, filename=filename, caption=caption,
                                                             parse_mode="HTML",
                                                             do_quote=message.chat.type != "private"))


async def send_chart_csv(context: ContextTypes.DEFAULT_TYPE, chat_id: int, spec: ChartSpec,
                         thread_id: int | None = None, lang: str = "en") -> None:
    """After a chart, the CSV of exactly what it plots (captioned in the chart's language)."""
    res = resources(context)
    version = res.pipeline.snapshot.version
    data = await asyncio.to_thread(Handoff(res.pipeline).chart_csv, spec)
    caption = res.renderer.html("export_caption", lang, n=len(spec.figure_ids), question="", chart=spec.title,
                                version=version)
    await with_retries(lambda: context.bot.send_document(chat_id, data, filename=f"factdesk-chart-{spec.kind}-v{version}.csv",
                                                         caption=caption, parse_mode="HTML",
                                                         message_thread_id=thread_id))

