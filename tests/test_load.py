"""Fair under load, end to end: the real bot (production rate limiter and update processor) over
HTTP against the loopback Bot API. Assertions count what happened in order, not seconds; the
timings are measured by ``tests/bench/load.py``.
"""

from __future__ import annotations

import asyncio
import logging

import pytest

from handlers.telegram.fairness import (PRESSES_PER_WINDOW, THROTTLE_SECONDS, FairRateLimiter, FairUpdateProcessor,
                                       PressGate)
from tests.test_telegram import Harness, text_of
from tests.botapi import updates as U

pytest_plugins = ["tests.test_telegram"]  # the ``h`` fixture: the real bot on a loopback server

BUSY = [5560000 + i for i in range(30)]
NEWCOMER = 5569999
QUESTIONS = ["q1 2023 total", "q2 2023 total", "q3 2023 total", "h1 2023 total", "q3 2023 by train"]
ROUND = len(BUSY)


async def test_a_newcomer_is_answered_within_one_round_of_a_300_question_burst(h: Harness) -> None:
    for i in range(10):
        for chat in BUSY:
            h.api.push_update(U.private_text(QUESTIONS[i % len(QUESTIONS)], user_id=chat))
    await h.api.wait_for("sendMessage", count=ROUND, timeout=60)  # the burst is flowing
    mark = h.api.mark()
    h.api.push_update(U.private_text("How many North Koreans entered Russia in Q3 2023?", user_id=NEWCOMER))
    [reply] = await h.api.wait_for("sendMessage", lambda c: int(c.params["chat_id"]) == NEWCOMER, since=mark,
                                   timeout=60)
    assert "365" in text_of(reply) and reply.ok
    ahead = [c for c in h.api.calls[mark:h.api.calls.index(reply)] if c.method == "sendMessage"]
    # First come, first served would put ~270 burst replies ahead of it; in turn, at most one
    # round of the busy chats (plus the few already released when it arrived).
    assert len(ahead) <= 2 * ROUND, len(ahead)
    burst_sent = len(h.api.calls_to("sendMessage")) - 1
    assert burst_sent < 300 - ROUND  # the burst was still queued: the newcomer did not just come last


async def test_button_storm_is_answered_at_once_with_no_errors(h: Harness, caplog: pytest.LogCaptureFixture) -> None:
    [answer] = await h.send(U.private_text("breakdown by purpose in q3 2023"))
    why = next(b["callback_data"] for row in answer.params["reply_markup"]["inline_keyboard"] for b in row
               if b["text"] == "How was this computed?")
    too_old = "Bad Request: query is too old and response timeout expired or query ID is invalid"
    h.api.fail_next("answerCallbackQuery", status=400, description=too_old, times=30)
    users = [5570000 + i for i in range(20)]
    presses = 600
    mark = h.api.mark()
    for i in range(presses):
        data = why if i % 2 else ["", "zz", "q:", "chart:nope", "why", "\x00garbage\x7f", "q:" + "x" * 60][i % 7]
        h.api.push_update(U.callback_query(data, answer.result, user_id=users[i % len(users)]))
    h.api.push_update(U.private_text("q2 2023 total", user_id=NEWCOMER))
    [reply] = await h.api.wait_for("sendMessage", lambda c: int(c.params["chat_id"]) == NEWCOMER, since=mark,
                                   timeout=60)
    assert "213" in text_of(reply)
    answered = await h.api.wait_for("answerCallbackQuery", count=presses, since=mark, timeout=120)
    assert len(answered) == presses  # every press answered once (30 of them too late, on purpose)
    assert sum(c.status == 400 for c in answered) == 30
    await asyncio.sleep(0.5)
    sent = [c for c in h.api.calls[mark:] if c.method == "sendMessage"]
    assert not [c for c in sent if "went wrong" in text_of(c)]  # no apology for anything
    # Presses are throttled per user: at most PRESSES_PER_WINDOW explanations (two or three
    # messages each) per user per THROTTLE_SECONDS of the storm, not one per press.
    explanations = [c for c in sent if int(c.params["chat_id"]) != NEWCOMER]
    storm = answered[-1].time - answered[0].time
    assert len(explanations) <= 3 * PRESSES_PER_WINDOW * len(users) * (storm / THROTTLE_SECONDS + 1)
    assert len(explanations) < presses  # and fewer than one message per press
    bad = [r for r in caplog.get_records("call") if r.levelno >= logging.WARNING or r.exc_info]
    assert not bad, [r.getMessage() for r in bad[:5]]
    too_old_lines = [r for r in caplog.get_records("call") if "no longer accepted" in r.getMessage()]
    assert 1 <= len(too_old_lines) <= 10 and all(r.levelno == logging.INFO for r in too_old_lines)


# --- the two queues on their own ---------------------------------------------------------------------------

async def test_rate_limiter_serves_chats_in_turn_within_the_group_limit() -> None:
    limiter = FairRateLimiter(overall_per_second=1000, group_per_minute=3)
    order: list[int] = []

    async def send(chat: int) -> bool:
        order.append(chat)
        return True

    async def request(chat: int) -> None:
        await limiter.process_request(send, (chat,), {}, "sendMessage", {"chat_id": chat}, None)

    tasks = [asyncio.create_task(request(chat)) for chat in [1] * 6 + [2] * 3 + [-5] * 5]
    await asyncio.sleep(0.3)
    try:
        # Private chats alternate; the group stops at 3 this minute and the rest wait.
        assert order[:6] == [1, 2, -5, 1, 2, -5] and order.count(-5) == 3 and order.count(1) == 6
        assert limiter.queued == 2
    finally:
        for t in tasks:
            t.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        await limiter.shutdown()


async def test_update_processor_admits_chats_in_turn_and_bounds_each_line(caplog: pytest.LogCaptureFixture) -> None:
    processor = FairUpdateProcessor(slots=1, per_chat=1, max_waiting=3, button_slots=1)
    gate = asyncio.Event()
    started: list[int] = []

    async def work(chat: int) -> None:
        started.append(chat)
        await gate.wait()

    def update(chat: int) -> object:
        from telegram import Update
        return Update.de_json(U.private_text("x", user_id=chat) | {"update_id": 1}, None)

    tasks = [asyncio.create_task(processor.process_update(update(c), work(c))) for c in [1, 1, 1, 1, 1, 1, 2]]
    await asyncio.sleep(0.05)
    gate.set()
    await asyncio.gather(*tasks)
    # Chat 1 holds the slot, three of its updates wait, two more are dropped (with a warning);
    # chat 2 comes right after chat 1's first, not after all of chat 1's.
    assert started == [1, 2, 1, 1, 1]
    assert "dropped" in caplog.text


def _press(update_id: int, user: int, data: str = "why:x") -> dict[str, object]:
    return {"update_id": update_id, "callback_query": {"id": f"q{update_id}", "from": {"id": user}, "data": data,
                                                       "chat_instance": "1"}}


async def test_press_gate_throttles_as_json_and_keeps_the_offset_moving() -> None:
    gate = PressGate(per_second=1000)
    first = [_press(i, user=1) for i in range(8)] + [{"update_id": 8, "message": {"text": "hi"}}]
    kept = gate.sift(first)
    # User 1's first PRESSES_PER_WINDOW presses go on; the rest never get parsed, only answered bare.
    assert [u["update_id"] for u in kept] == list(range(PRESSES_PER_WINDOW)) + [8]
    assert [q for _, q in gate.bare.waiting] == [f"q{i}" for i in range(PRESSES_PER_WINDOW, 8)]
    # A batch ending in a throttled press keeps a bare stub of it, so getUpdates' offset passes it,
    # and the update processor lets the stub go without handling it.
    kept = gate.sift([_press(9, user=1), _press(10, user=2), _press(11, user=1)])
    assert kept == [_press(10, user=2), {"update_id": 11}]
    from telegram import Update
    assert gate.is_stub(Update.de_json(kept[-1], None)) and not gate.is_stub(Update.de_json(kept[-1], None))
    # An upload preview's Confirm/Cancel is never throttled.
    assert gate.sift([_press(12, user=1, data="apply:abc")]) == [_press(12, user=1, data="apply:abc")]
    await gate.bare.close()


async def test_press_gate_bounds_repeated_presses_per_second_from_all_users() -> None:
    gate = PressGate(per_second=3)
    # Six users press once each: a first press always goes on (a crowd pressing a chart button).
    kept = gate.sift([_press(i, user=100 + i) for i in range(6)])
    assert [u["update_id"] for u in kept] == list(range(6)) and not gate.bare.waiting
    # Then each presses again: within the second, the shared budget is spent and the rest go bare.
    kept = gate.sift([_press(10 + i, user=100 + i) for i in range(6)])
    assert [u["update_id"] for u in kept if "callback_query" in u] == []
    assert len(gate.bare.waiting) == 6
    await gate.bare.close()
