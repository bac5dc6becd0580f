"""Sending replies: split as Telegram counts (UTF-16 units after entity parsing), a 400 is never
retried, and the token is redacted from logs in any letter case.

The HTTP tests drive a real ``telegram.Bot`` against the loopback Bot API, which parses the HTML
and counts UTF-16 units after parsing, as Telegram does.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator

import pytest
import telegram
from telegram.error import BadRequest

from handlers.render import TELEGRAM_TEXT_LIMIT, split_message
from handlers.telegram.reply import send_html
from handlers.telegram.setup import protect_secret, redact
from tests.botapi import FakeBotAPI
from tests.botapi import updates as U
from tests.botapi.html import parse_html, utf16_len

TOKEN = "123456789:AAFakeTokenForFactDeskTests_0123456789"
EMOJI = "\U0001F4CA"  # 📊, outside the BMP: two UTF-16 units, one code point


def emoji_answer(lines: int = 45, per_line: int = 45) -> str:
    """An HTML answer where most characters are astral: ~2x as long in UTF-16 as in code points."""
    return "\n".join(f"<b>{i}</b> {EMOJI * per_line} &amp; {EMOJI}" for i in range(lines))


def test_chunks_fit_in_utf16_units_after_parsing() -> None:
    html = emoji_answer()
    # Below the limit counted in code points (the old split sent it whole), above it in UTF-16.
    assert len(html) < TELEGRAM_TEXT_LIMIT - 96 < TELEGRAM_TEXT_LIMIT < utf16_len(parse_html(html).text)
    chunks = split_message(html)
    assert len(chunks) == 2
    parsed = [parse_html(c).text for c in chunks]  # also proves every chunk is valid HTML
    assert all(utf16_len(p) <= TELEGRAM_TEXT_LIMIT for p in parsed)
    # Nothing lost, nothing split inside a surrogate pair.
    assert "\n".join(parsed).count(EMOJI) == parse_html(html).text.count(EMOJI)
    # The limit is used, not a guess far below it.
    assert max(utf16_len(p) for p in parsed) > TELEGRAM_TEXT_LIMIT - 100


def test_a_single_astral_line_longer_than_the_limit_is_cut_between_code_points() -> None:
    line = f"<i>{EMOJI * 3000}</i> tail & more"  # 6,000 units on one line, no spaces inside
    chunks = split_message(line.replace("&", "&amp;"))
    parsed = [parse_html(c).text for c in chunks]
    assert len(chunks) == 2 and all(utf16_len(p) <= TELEGRAM_TEXT_LIMIT for p in parsed)
    assert "".join(parsed).count(EMOJI) == 3000 and "\ufffd" not in "".join(parsed)


@pytest.fixture
async def api_and_message() -> AsyncIterator[tuple[FakeBotAPI, telegram.Message]]:
    async with FakeBotAPI(token=TOKEN) as api:
        async with api.make_bot() as bot:
            update = api.push_update(U.private_text("hello"))
            yield api, telegram.Message.de_json(update["message"], bot)


async def test_emoji_heavy_reply_is_accepted_by_the_bot_api(
        api_and_message: tuple[FakeBotAPI, telegram.Message]) -> None:
    api, message = api_and_message
    for lines, parts in ((45, 2), (150, 4)):
        mark = api.mark()
        sent = await send_html(message, emoji_answer(lines), quote=False)
        calls = [c for c in api.calls[mark:] if c.method == "sendMessage"]
        assert sent is not None and len(calls) == parts and all(c.ok for c in calls), [c.describe() for c in calls]


async def test_a_400_is_not_retried(api_and_message: tuple[FakeBotAPI, telegram.Message]) -> None:
    api, message = api_and_message
    api.fail_next("sendMessage", status=400, description="Bad Request: can't parse entities: injected")
    with pytest.raises(BadRequest):
        await send_html(message, "<b>an answer</b>", quote=False)
    assert [c.status for c in api.calls_to("sendMessage")] == [400]
    # A 502, by contrast, is retried and the reply arrives.
    api.fail_next("sendMessage", status=502)
    assert await send_html(message, "<b>an answer</b>", quote=False) is not None
    assert [c.status for c in api.calls_to("sendMessage")] == [400, 502, 200]


@pytest.mark.parametrize("shown", [TOKEN, TOKEN.lower(), TOKEN.upper(), TOKEN.split(":")[1].lower()])
def test_token_is_redacted_in_any_letter_case(shown: str, caplog: pytest.LogCaptureFixture) -> None:
    protect_secret(TOKEN)
    logger = logging.getLogger("factdesk.test.redact")
    with caplog.at_level(logging.WARNING, logger=logger.name):
        # python-telegram-bot lower-cases some descriptions before they reach a log line.
        logger.warning("telegram said: %s", f"invalid url https://api.telegram.org/bot{shown}/getme")
    text = caplog.text
    secret = TOKEN.split(":")[1].lower()
    assert secret not in text.lower() and "[REDACTED]" in text
    assert secret not in redact(f"x{shown}y").lower()
