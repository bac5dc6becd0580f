"""Inline mode: "@BotName question" in any chat offers the answer as an article with its source."""

from __future__ import annotations

import asyncio
import hashlib

from telegram import InlineKeyboardMarkup, InlineQueryResultArticle, InputTextMessageContent, Update
from telegram.ext import ContextTypes

from handlers.claims import ClaimChecker
from handlers.pipeline import Answer
from handlers.render import split_message
from handlers.telegram.handoff_keys import handoff_row
from handlers.telegram.setup import resources, state

MAX_RESULTS = 5


def article(answer: Answer, title: str | None = None, answer_id: str | None = None) -> InlineQueryResultArticle:
    """One answer as an inline result; the message sent is the answer's first part, with the
    "Where in the report" and "Cite" buttons when it states a figure."""
    rows = handoff_row(answer, answer_id) if answer_id else []
    lines = [line for line in answer.text.splitlines() if line.strip()]
    source = next((line for line in lines if line.startswith("Source:")), "")
    return InlineQueryResultArticle(
        id=hashlib.sha1(f"{answer.question}|{answer.version}".encode()).hexdigest()[:32],
        title=(title or (lines[0] if lines else answer.question))[:120],
        description=(" ".join(lines[1:3]) if not source else source)[:200],
        input_message_content=InputTextMessageContent(split_message(answer.html)[0], parse_mode="HTML",
                                                      link_preview_options=None),
        reply_markup=InlineKeyboardMarkup(rows) if rows else None,
    )


async def on_inline_query(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.inline_query
    if query is None:
        return
    pipeline = resources(context).pipeline
    text = query.query.strip()
    if text.lower().startswith("check "):
        checker = ClaimChecker(pipeline)
        html, verdicts = await asyncio.to_thread(checker.render, text[6:])
        plain = [v.verdict.replace("_", " ") for v in verdicts]
        result = InlineQueryResultArticle(
            id=hashlib.sha1(f"check|{text}|{pipeline.snapshot.version}".encode()).hexdigest()[:32],
            title=f"Claim check: {', '.join(plain) or 'no figure found'}"[:120],
            description=text[6:][:200],
            input_message_content=InputTextMessageContent(split_message(html)[0], parse_mode="HTML"))
        await query.answer([result], cache_time=30)
        return
    if not text:
        questions = pipeline.examples()
        answers = await asyncio.to_thread(lambda: [pipeline.answer(q) for q in questions])
        results = [article(a, title=a.question, answer_id=_remember(context, a)) for a in answers]
    else:
        answer = await asyncio.to_thread(pipeline.answer, text)
        if answer.kind == "suggest":
            answers = await asyncio.to_thread(lambda: [pipeline.answer(q) for q in answer.suggestions])
            results = [article(a, title=a.question, answer_id=_remember(context, a)) for a in answers]
        else:
            results = [article(answer, answer_id=_remember(context, answer))]
    await query.answer(results[:MAX_RESULTS], cache_time=30)


def _remember(context: ContextTypes.DEFAULT_TYPE, answer: Answer) -> str | None:
    """Keep an answer that gets hand-off buttons, so its inline message's buttons can find it."""
    return state(context).remember(answer) if handoff_row(answer, "-") else None
