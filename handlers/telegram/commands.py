"""Commands: /start, /help, /ask, /figures, /sources, /chart, /about, /why, /lang."""

from __future__ import annotations

import asyncio

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import ContextTypes

from handlers.charts import render_png
from handlers.language import LANGS
from handlers.claim_answers import claim_answer
from handlers.claims import ClaimChecker
from handlers.telegram.handoff import send_chart_csv
from handlers.telegram.messages import thread_key
from handlers.telegram.reply import answer_question, keyboard, send_html, send_view, view_lang, with_retries
from handlers.telegram.setup import resources, state


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """What the bot is, with example questions as buttons."""
    message = update.effective_message
    if message is None:
        return
    pipeline = resources(context).pipeline
    st = state(context)
    examples = pipeline.examples()
    rows = [[InlineKeyboardButton(q[:60], callback_data=f"q:{st.button(q)}")] for q in examples]
    rows.append([InlineKeyboardButton("Check a claim", callback_data="checkhelp:")])
    await send_view(message, context, "start", InlineKeyboardMarkup(rows), coverage=pipeline.coverage_rows(),
                    examples=examples)


async def help_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    message = update.effective_message
    if message is None:
        return
    pipeline = resources(context).pipeline
    await send_view(message, context, "help", examples=pipeline.examples(), coverage=pipeline.coverage_rows(),
                    group=message.chat.type != "private", username=context.bot.username)


async def ask(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/ask QUESTION (also /ask@BotName QUESTION in groups)."""
    message = update.effective_message
    if message is None:
        return
    question = " ".join(context.args or [])
    if not question:
        await send_view(message, context, "ask_usage", username=context.bot.username,
                        examples=resources(context).pipeline.examples())
        return
    key = thread_key(message)
    await answer_question(message, context, question, await state(context).context(key), key)


async def check(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/check SENTENCE: the verdict on every figure in a sentence from a draft."""
    message = update.effective_message
    if message is None:
        return
    sentence = " ".join(context.args or [])
    if not sentence:
        await send_view(message, context, "check_usage")
        return
    pipeline = resources(context).pipeline
    checker = ClaimChecker(pipeline)
    answer, _ = await asyncio.to_thread(claim_answer, checker, sentence)
    st = state(context)
    answer_id = st.remember(answer)
    if message.from_user is not None:
        st.last_answer.put((message.chat_id, message.from_user.id), answer_id)  # for /passage
    # The figure checked is the conversation's frame, so "and by air?" after /check edits it;
    # kept before the verdict is sent, so a follow-up sent on seeing it finds it.
    frame = await asyncio.to_thread(pipeline.frame_of, sentence)
    if frame is not None:
        st.keep_context(thread_key(message), frame)
    # A verdict that gives the data's figure gets "Where in the report" and "Cite", like any answer.
    sent = await send_html(message, answer.html, keyboard(answer, st, answer_id, resources(context).renderer),
                           quote=message.chat.type != "private")
    if frame is not None and sent is not None:
        st.keep_message_context(sent.chat_id, sent.message_id, frame)


async def _send_pipeline_view(update: Update, context: ContextTypes.DEFAULT_TYPE, view: str) -> None:
    """Reply with one of the pipeline's fixed views (overview, sources, about), in the chat's language."""
    message = update.effective_message
    if message is not None:
        lang = view_lang(context, message.chat_id, message.from_user)
        html = getattr(resources(context).pipeline.in_language(lang), view)()
        await send_html(message, html, quote=message.chat.type != "private")


async def figures(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await _send_pipeline_view(update, context, "overview")


async def sources(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await _send_pipeline_view(update, context, "sources")


async def about(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await _send_pipeline_view(update, context, "about")


async def why(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """How the asker's last answer in this chat was computed."""
    message = update.effective_message
    if message is None or message.from_user is None:
        return
    answer = state(context).last_answer_of(message.chat_id, message.from_user.id)
    lang = view_lang(context, message.chat_id, message.from_user, answer.question if answer else "")
    await send_view(message, context, "why", view_language=lang, answer=answer)


async def chart(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/chart [kind]: a PNG chart, or a choice of charts as buttons."""
    message = update.effective_message
    if message is None:
        return
    lang = view_lang(context, message.chat_id, message.from_user)
    pipeline = resources(context).pipeline.in_language(lang)
    kinds = dict(pipeline.chart_kinds())
    wanted = (context.args or [""])[0].lower()
    if wanted not in kinds:
        rows = [[InlineKeyboardButton(label, callback_data=f"chart:{kind}")] for kind, label in kinds.items()]
        await send_view(message, context, "chart_menu", InlineKeyboardMarkup(rows), view_language=lang, kinds=kinds)
        return
    await send_chart(message.chat_id, wanted, context, message.message_thread_id if message.is_topic_message else None,
                     lang)


async def send_chart(chat_id: int, kind: str, context: ContextTypes.DEFAULT_TYPE, thread_id: int | None = None,
                     lang: str = "en") -> None:
    """Draw a chart off the event loop and send it with its caption (period and source), in ``lang``."""
    res = resources(context)
    spec = res.pipeline.in_language(lang).chart(kind)
    if spec is None:
        html = res.renderer.html("chart_missing", lang, kind=kind)
        await with_retries(lambda: context.bot.send_message(chat_id, html, parse_mode="HTML", message_thread_id=thread_id))
        return
    png = await _chart_png(context, kind, lang, res.pipeline.snapshot.version, spec)
    caption = res.renderer.html("chart_caption", lang, spec=spec)
    await with_retries(lambda: context.bot.send_photo(chat_id, png, caption=caption, parse_mode="HTML",
                                                      message_thread_id=thread_id))
    await send_chart_csv(context, chat_id, spec, thread_id, lang)  # the numbers plotted, for a chart desk


async def _chart_png(context: ContextTypes.DEFAULT_TYPE, kind: str, lang: str, version: str, spec: object) -> bytes:
    """A chart's PNG, drawn once per data version: 200 presses of a chart button draw it once
    (each drawing holds a matplotlib figure; in parallel they pushed memory up by 125 MB)."""
    cache: dict[tuple[str, str, str], bytes] = context.application.bot_data.setdefault("charts", {})
    lock: asyncio.Lock = context.application.bot_data.setdefault("charts_lock", asyncio.Lock())
    async with lock:  # one drawing at a time
        png = cache.get((kind, lang, version))
        if png is None:
            png = await asyncio.to_thread(render_png, spec)
            if len(cache) >= 32:
                cache.clear()  # a few kinds per version: only old versions are ever dropped
            cache[(kind, lang, version)] = png
    return png


async def lang_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/lang ko|ru|en|auto: fix the chat's answer language, or go back to the question's own."""
    message = update.effective_message
    if message is None:
        return
    choice = (context.args[0].lower() if context.args else "").strip()
    st = state(context)
    valid = choice in LANGS or choice == "auto"
    if choice == "auto":
        st.set_lang(message.chat_id, None)  # no fixed language: the question's script decides
    elif valid:
        st.set_lang(message.chat_id, choice)
    reply_lang = choice if choice in LANGS else "en"
    html = resources(context).renderer.html("lang", reply_lang, valid=valid, choice=choice)
    await send_html(message, html, quote=message.chat.type != "private")
