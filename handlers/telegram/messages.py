"""Text messages: any text in a private chat, and in groups a mention of the bot or a reply to it.

Each handler only unpacks the update (question text, follow-up context) and calls the pipeline
through :func:`answer_question`.
"""

from __future__ import annotations

import re

from telegram import Message, MessageEntity, Update
from telegram.ext import ContextTypes

from handlers.telegram.reply import answer_question
from handlers.telegram.setup import state


def thread_key(message: Message) -> tuple[int, int, int | None]:
    """Follow-ups are per chat and user, and per forum topic in groups."""
    user_id = message.from_user.id if message.from_user else 0
    return (message.chat_id, user_id, message.message_thread_id if message.is_topic_message else None)


async def private_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """In a private chat every text message is a question."""
    message = update.effective_message
    if message is None or not message.text:
        return
    key = thread_key(message)
    await answer_question(message, context, message.text, await state(context).context(key), key)


def _mentions_bot(message: Message, username: str) -> bool:
    entities = message.parse_entities([MessageEntity.MENTION])
    return any(text.lower() == f"@{username.lower()}" for text in entities.values())


def strip_mention(text: str, username: str) -> str:
    return re.sub(rf"@{re.escape(username)}\b", " ", text, flags=re.IGNORECASE).strip(" ,:")


async def group_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """In groups: answer a mention of the bot, or a reply to one of the bot's messages."""
    message = update.effective_message
    if message is None or not message.text:
        return
    bot = context.bot
    replied = message.reply_to_message
    is_reply_to_bot = replied is not None and replied.from_user is not None and replied.from_user.id == bot.id
    mentioned = _mentions_bot(message, bot.username)
    if not (is_reply_to_bot or mentioned):
        return  # ordinary group chatter
    question = strip_mention(message.text, bot.username)
    st = state(context)
    key = thread_key(message)
    previous = await st.message_context(replied.chat_id, replied.message_id) if is_reply_to_bot and replied else None
    if previous is None:
        previous = await st.context(key)
    await answer_question(message, context, question, previous, key)
