"""Inline mode: "@BotName question" in any chat offers the answer as an article with its source;
"@BotName check SENTENCE" the claim check. Both carry "Where in the report" and "Cite" when
they state a figure."""

from __future__ import annotations

import asyncio
import hashlib

from telegram import InlineKeyboardMarkup, InlineQueryResultArticle, InputTextMessageContent, Update
from telegram.ext import ContextTypes

from handlers.claim_answers import claim_answer
from handlers.claims import ClaimChecker
from handlers.pipeline import Answer
from handlers.render import Renderer, split_message
from handlers.telegram.handoff_keys import handoff_row, offers_handoff
from handlers.telegram.setup import resources, state

MAX_RESULTS = 5
CHECK_PREFIX = "check "


def article(answer: Answer, renderer: Renderer, title: str | None = None, answer_id: str | None = None,
            description: str | None = None, result_id: str | None = None) -> InlineQueryResultArticle:
    """One answer as an inline result; the message sent is the answer's first part, with the
    "Where in the report" and "Cite" buttons when it states a figure."""
    rows = handoff_row(answer, answer_id, renderer) if answer_id else []
    lines = [line for line in answer.text.splitlines() if line.strip()]
    source = next((line for line in lines if line.startswith("Source:")), "")
    return InlineQueryResultArticle(
        id=result_id or hashlib.sha1(f"{answer.question}|{answer.version}".encode()).hexdigest()[:32],
        title=(title or (lines[0] if lines else answer.question))[:120],
        description=(description or (" ".join(lines[1:3]) if not source else source))[:200],
        input_message_content=InputTextMessageContent(split_message(answer.html)[0], parse_mode="HTML",
                                                      link_preview_options=None),
        reply_markup=InlineKeyboardMarkup(rows) if rows else None,
    )


async def on_inline_query(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.inline_query
    if query is None:
        return
    pipeline = resources(context).pipeline
    renderer = resources(context).renderer
    text = query.query.strip()
    if text.lower().startswith(CHECK_PREFIX):
        sentence = text[len(CHECK_PREFIX):]
        checked, verdicts = await asyncio.to_thread(claim_answer, ClaimChecker(pipeline), sentence)
        plain = [v.verdict.replace("_", " ") for v in verdicts]
        title = f"Claim check: {', '.join(plain) or 'no figure found'}"
        result = article(checked, renderer, title=title, description=sentence,
                         answer_id=_remember(context, checked),
                         result_id=hashlib.sha1(f"check|{text}|{pipeline.snapshot.version}".encode()).hexdigest()[:32])
        await query.answer([result], cache_time=30)
        return
    if not text:
        questions = pipeline.examples()
        answers = await asyncio.to_thread(lambda: [pipeline.answer(q) for q in questions])
        results = [article(a, renderer, title=a.question, answer_id=_remember(context, a)) for a in answers]
    else:
        answer = await asyncio.to_thread(pipeline.answer, text)
        if answer.kind == "suggest":
            answers = await asyncio.to_thread(lambda: [pipeline.answer(q) for q in answer.suggestions])
            results = [article(a, renderer, title=a.question, answer_id=_remember(context, a)) for a in answers]
        else:
            results = [article(answer, renderer, answer_id=_remember(context, answer))]
    await query.answer(results[:MAX_RESULTS], cache_time=30)


def _remember(context: ContextTypes.DEFAULT_TYPE, answer: Answer) -> str | None:
    """Keep an answer that gets hand-off buttons, so its inline message's buttons can find it."""
    return state(context).remember(answer) if offers_handoff(answer) else None
