"""Sending answers: splitting, buttons, and retries on network trouble.

The rate limiter already waits out 429s; here a send that fails on a dropped connection or a
5xx is tried again a few times with backoff, and a chat that blocked the bot is logged and
left alone. Handlers call :func:`answer_question` and never build message text themselves.
"""

from __future__ import annotations

import asyncio
import logging
import time
from typing import Any, Awaitable, Callable

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, User
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TimedOut
from telegram.ext import ContextTypes

from handlers.language import detect
from handlers.answering import Answerer
from handlers.pipeline import Answer, Context
from handlers.render import Renderer, split_message
from handlers.settings import Settings
from handlers.telegram.fairness import ChatQueueFull
from handlers.telegram.handoff_keys import handoff_row, labels
from handlers.telegram.setup import resources, state
from handlers.telegram.state import ChatState

log = logging.getLogger(__name__)

SEND_ATTEMPTS = 4
BACKOFF_SECONDS = 0.5


async def with_retries(send: Callable[[], Awaitable[Any]]) -> Any:
    """Run a Bot API call, retrying network errors and 5xx (never a 400); None if the user blocked the bot."""
    for attempt in range(1, SEND_ATTEMPTS + 1):
        try:
            return await send()
        except Forbidden as exc:
            log.warning("not delivered, the chat blocked the bot or removed it: %s", exc)
            return None
        except ChatQueueFull as exc:
            log.warning("not delivered: %s", exc)
            return None
        except RetryAfter:
            raise  # the rate limiter's retries are exhausted; let the error handler log it
        except BadRequest:
            # A 400 is permanent (BadRequest subclasses NetworkError in python-telegram-bot, so
            # it must be caught before it): asking again gets the same answer.
            raise
        except (TimedOut, NetworkError) as exc:
            if attempt == SEND_ATTEMPTS:
                raise
            log.warning("send failed (%s), retry %d of %d", exc, attempt, SEND_ATTEMPTS - 1)
            await asyncio.sleep(BACKOFF_SECONDS * 2 ** (attempt - 1))
    return None


def keyboard(answer: Answer, st: ChatState, answer_id: str, renderer: Renderer) -> InlineKeyboardMarkup | None:
    """Buttons under an answer, labelled in its language: "did you mean" questions, "How was this
    computed?", and for an answer that states a figure "Where in the report" and "Cite"."""
    rows: list[list[InlineKeyboardButton]] = []
    for q in answer.suggestions[:3]:
        rows.append([InlineKeyboardButton(q[:60], callback_data=f"q:{st.button(q)}")])
    if answer.kind == "answer" and answer.traces:
        rows.append([InlineKeyboardButton(labels(renderer, answer.lang)["why"], callback_data=f"why:{answer_id}")])
    rows.extend(handoff_row(answer, answer_id, renderer))  # "Where in the report" and "Cite"
    return InlineKeyboardMarkup(rows) if rows else None


async def send_html(message: Message, html: str, markup: InlineKeyboardMarkup | None = None,
                    quote: bool = True) -> Message | None:
    """Reply with HTML split below Telegram's limit; buttons go on the last part."""
    chunks = split_message(html)
    sent: Message | None = None
    for i, chunk in enumerate(chunks):
        last = i == len(chunks) - 1

        async def send(chunk: str = chunk, last: bool = last) -> Message:
            return await message.reply_html(chunk, reply_markup=markup if last else None, do_quote=quote,
                                            disable_web_page_preview=True)

        sent = await with_retries(send)
        if sent is None:
            return None
    return sent


def answerer(context: ContextTypes.DEFAULT_TYPE) -> Answerer:
    """The process's Answerer (answer cache, inline or threaded), made on first use."""
    bot_data = context.application.bot_data
    found = bot_data.get("answerer")
    if found is None:
        settings: Settings | None = bot_data.get("settings")
        found = bot_data.setdefault("answerer", Answerer(cache_size=settings.answer_cache) if settings else Answerer())
    return found


async def answer_question(message: Message, context: ContextTypes.DEFAULT_TYPE, question: str,
                          previous: Context | None, thread_key: tuple[int, int, int | None] | None) -> Answer:
    """Answer (cached, on the loop or in a thread: handlers/answering.py), reply, keep the context."""
    started = time.perf_counter()
    res = resources(context)
    st = state(context)
    pipeline = res.pipeline  # keep one snapshot for the whole question, even if a reload swaps it
    # The chat's /lang choice, else the question's script; the user's Telegram language only
    # decides for a question with no words in any script.
    lang = await st.lang(message.chat_id)
    hint = message.from_user.language_code if message.from_user else None
    answer = await answerer(context).answer(pipeline, question, st.fresh(previous), lang, hint)
    computed = time.perf_counter()
    answer_id = st.remember(answer)
    sent = await send_html(message, answer.html, keyboard(answer, st, answer_id, res.renderer),
                           quote=message.chat.type != "private")
    if thread_key is not None:
        st.last_answer.put(thread_key[:2], answer_id)
        if answer.context is not None:
            st.keep_context(thread_key, answer.context)
    if sent is not None and answer.context is not None and message.chat.type != "private":
        # Read only when someone in a group replies to this answer (messages.group_text); a private
        # chat's follow-ups use its thread's context, so there it would be a write per answer for nothing.
        st.keep_message_context(sent.chat_id, sent.message_id, answer.context)
    if sent is not None:
        # Remembered so a later correction of a figure reaches the chat that was given it.
        context.application.bot_data["activity"].record_answer(message.chat_id, answer, pipeline.figure_values)
    log_answered(res.settings, message.chat_id, question, answer, started, computed)
    return answer


def log_answered(settings: Settings, chat_id: int, question: str, answer: Answer, started: float,
                 computed: float) -> None:
    """One line per answered question; latency is handler start to reply sent, Telegram included.

    Nothing is built when INFO is off, and the fields for a JSON log line (``extra``) only when the
    log is JSON or carries questions: the plain line has them in its text already.
    """
    if not log.isEnabledFor(logging.INFO):
        return
    latency_ms, pipeline_ms = round((time.perf_counter() - started) * 1000), round((computed - started) * 1000)
    asked = f" question={question!r}" if settings.log_questions else ""  # off by default: a question can reveal a story
    extra: dict[str, Any] | None = None
    if settings.log_json or settings.log_questions:
        extra = {"event": "answered", "chat": chat_id, "intent": answer.intent, "kind": answer.kind,
                 "score": answer.score, "version": answer.version, "latency_ms": latency_ms, "pipeline_ms": pipeline_ms}
        if settings.log_questions:
            extra["question"] = question
    log.info("answered chat=%s intent=%s kind=%s score=%s version=%s latency_ms=%d pipeline_ms=%d%s", chat_id,
             answer.intent, answer.kind, answer.score, answer.version, latency_ms, pipeline_ms, asked, extra=extra)


def view_lang(context: ContextTypes.DEFAULT_TYPE, chat_id: int, user: User | None, text: str = "") -> str:
    """The language of a reply that is not an answer (overviews, charts, explanations, errors):
    the chat's /lang choice, else the script of ``text`` (the question a view explains), else the
    user's Telegram language when the bot speaks it, else English."""
    fixed = state(context).langs.get(chat_id)
    if fixed:
        return fixed
    return detect(text, user.language_code if user else None)


async def send_view(message: Message, context: ContextTypes.DEFAULT_TYPE, template: str,
                    markup: InlineKeyboardMarkup | None = None, *, view_language: str | None = None,
                    **values: Any) -> Message | None:
    """Reply with a rendered Telegram-only template (start, errors, explanations); a template
    the language lacks falls back to English. Without ``view_language``, the sender's: the chat's
    /lang choice, else their Telegram language (a command's own word, "/start", says nothing)."""
    if view_language is None:
        view_language = view_lang(context, message.chat_id, message.from_user)
    html = resources(context).renderer.html(template, view_language, **values)
    return await send_html(message, html, markup, quote=message.chat.type != "private")


def html_view(context: ContextTypes.DEFAULT_TYPE, template: str, lang: str = "en", **values: Any) -> str:
    return resources(context).renderer.html(template, lang, **values)

