"""Audit of the newsroom hand-off: every answer that states a figure offers "📍 Where in the report"
and "✍️ Cite", and what they give locates and cites every figure behind the answer.

"States a figure" is read from the answer's own text, not from the pipeline's bookkeeping: an
answer states a figure when it gives a stored figure's value (three digits or more, so that
dates and small counts in prose are not mistaken for figures) or when the pipeline says it was
computed from stored figures. The answers come from the real stack: every question of the
evaluation sets (English, Korean, Russian; the operations' class set included), every claim of
the claim sets through /check's path, and every turn of the gated conversations with the
follow-up context the previous turn left. A broad sample of them is then driven over HTTP
against the loopback Bot API in a private chat, a group and inline mode, pressing both buttons.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any, Iterator

import pytest

from handlers import locators
from handlers.claim_answers import claim_answer
from handlers.claims import ClaimChecker
from handlers.handoff import Handoff, located_at
from handlers.pipeline import Answer, Pipeline
from handlers.render import Renderer, fmt_num, fmt_num_ru, to_plain
from handlers.settings import PROJECT_ROOT
from handlers.telegram.handoff_keys import CITE, WHERE, handoff_row, labels
from tests.botapi import updates as U
from tests.botapi.html import parse_html
from tests.test_handoff import TEXTS, _inline_callback, _pipeline, buttons_of, hh, press  # noqa: F401 (hh: fixture)
from tests.test_telegram import GROUP, Harness, text_of

EVAL = PROJECT_ROOT / "tests" / "eval"
QUESTION_SETS = ("questions_en", "holdout_en", "classes_en", "fresh_en", "fresh2_en", "questions_ko", "holdout_ko",
                 "questions_ru", "holdout_ru", "classes_ru")
CLAIM_SETS = ("claims_en", "claims_adv_en", "fresh_claims_en", "claims_ko", "claims_ru")
DIALOGUE_SETS = ("dialogues", "dialogues_probe", "dialogues_probe2", "dialogues_probe3", "dialogues_probe4",
                 "dialogues_probe5", "dialogues_probe7", "dialogues_probe9")  # the gated conversations
MIN_VALUE = 100  # stored values from this size up are figures wherever an answer gives them
DAYS = re.compile(r"\d[\d,]*\s*(?:days?|일|дн)")
COMPUTED_MARK = {"en": "computed", "ko": "계산", "ru": "расч"}


def _lines(name: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in (EVAL / f"{name}.jsonl").read_text(encoding="utf-8").splitlines() if line]


def figure_answers(p: Pipeline) -> Iterator[tuple[str, Answer]]:
    """Answers of every kind the bot gives, through the same calls the front ends make."""
    for name in QUESTION_SETS:
        for item in _lines(name):
            yield f"{name}: {item['q']}", p.answer(item["q"])
    for name in CLAIM_SETS:
        for item in _lines(name):
            answer, _ = claim_answer(ClaimChecker(p), item["text"])  # /check and inline "check ..."
            yield f"{name}: {item['text']}", answer
    for name in DIALOGUE_SETS:
        for item in _lines(name):
            previous = None
            for n, turn in enumerate(item["turns"]):
                answer = p.answer(turn["q"], previous=previous)
                previous = answer.context or previous
                yield f"{name} {item['id']}#{n}: {turn['q']}", answer


def stored_values_stated(p: Pipeline, answer: Answer) -> set[int]:
    """Stored values (from MIN_VALUE up) that the answer's text gives as figures: not a number the
    asker wrote (a claim's own number is quoted back), not a count of days ("365 days")."""
    text = DAYS.sub(" ", answer.text)
    return {v for v in set(p.figure_values.values())
            if v >= MIN_VALUE and locators.contains_value(text, v) and not locators.contains_value(answer.question, v)}


def states_a_figure(p: Pipeline, answer: Answer) -> bool:
    return answer.has_figures or bool(stored_values_stated(p, answer))


def problems(p: Pipeline, handoff: Handoff, answer: Answer, where: str, cite: str) -> list[str]:
    """What is wrong with what the two buttons gave: each figure behind the answer must be located
    in the Where view; each figure the answer states as stored must be in the cite line, and a
    computed figure must be cited as computed, with every figure it comes from."""
    lang = answer.lang
    behind = handoff.behind(answer, lang)
    if not behind.figures:
        return ["nothing behind an answer that states a figure"]
    out = []
    ids = {f.figure_id for f in behind.figures + behind.totals}
    # Every stored figure the text gives is behind the answer (a context figure too).
    for v in sorted(stored_values_stated(p, answer)):
        if not ids & {f for f, x in p.figure_values.items() if x == v}:
            out.append(f"{v} is stated but not behind the answer")
    for f in behind.figures + behind.totals:
        if not f.located_at or located_at(f.locator, lang) not in where:
            out.append(f"{f.figure_id} not located in the Where view")
    fmt = fmt_num_ru if lang == "ru" else fmt_num
    for f in behind.plain:
        if fmt(f.value) not in cite:
            out.append(f"{f.figure_id} ({f.value}) not in the cite line")
        if behind.derived is None and not locators.contains_value(answer.text, f.value):
            out.append(f"{f.figure_id} ({f.value}) is cited as stated but the answer does not give it")
    for c in behind.computed:
        if COMPUTED_MARK[lang] not in cite:
            out.append("a computed figure not cited as computed")
        out += [f"{part.figure_id} not in the computed cite" for part in c.parts if fmt(part.value) not in cite]
    return out


def check_views(p: Pipeline, handoff: Handoff, label: str, answer: Answer, where: str, cite: str) -> None:
    found = problems(p, handoff, answer, where, cite)
    assert not found, (label, found, answer.text, where, cite)


def test_every_answer_that_states_a_figure_offers_both_buttons_and_they_locate_and_cite_it() -> None:
    p = _pipeline(TEXTS)  # with the fixture source text: the Where view quotes the sentences too
    handoff = Handoff(p)
    renderer = Renderer()
    seen: Counter[str] = Counter()
    failures: list[tuple[str, str | None, list[str]]] = []
    for label, answer in figure_answers(p):
        seen["answers"] += 1
        if not states_a_figure(p, answer):
            continue
        seen["state a figure"] += 1
        seen[f"intent {answer.intent}"] += 1
        row = handoff_row(answer, "audit", renderer)
        names = labels(renderer, answer.lang)
        buttons = {b.text: b.callback_data for r in row for b in r}
        if buttons != {names[WHERE]: f"{WHERE}:audit", names[CITE]: f"{CITE}:audit"}:
            failures.append((label, answer.intent, [f"buttons {sorted(buttons)}"]))
            continue
        where, cite = to_plain(handoff.passage(answer, answer.lang)), to_plain(handoff.cite(answer, answer.lang))
        found = problems(p, handoff, answer, where, cite)
        if found:
            failures.append((label, answer.intent, found))
    by_intent = Counter(intent for _, intent, _ in failures)
    assert not failures, (len(failures), by_intent, failures[:12])
    # The audit covered what it means to: claims, every registered operation, follow-ups, three languages.
    assert seen["answers"] > 3000 and seen["state a figure"] > 2000, seen
    for intent in ("claim_check", "check_figure", "average_per_unit", "multiple_of_average", "pp_gap", "category_set",
                   "category_compare", "partial_span", "total", "compare_periods", "share", "breakdown"):
        assert seen[f"intent {intent}"] > 0, (intent, seen)


# --- the same, over HTTP: private chat, group, inline mode ----------------------------------------------

PRIVATE = [  # a question per registered operation, the older intents, follow-ups, Korean and Russian
    "What was the monthly average of North Koreans entering Russia in Q3 2023?",
    "Q3 2023 arrivals as a multiple of the H1 quarterly average for Russians going to North Korea?",
    "By what percent did air exceed rail for North Koreans entering Russia in Q3 2023?",
    "What's the percentage-point gap between the business share of Russians and of North Koreans in Q3 2023?",
    "What share of North Korean arrivals in Q3 2023 came for education and personal reasons combined?",
    "How many North Koreans went to Russia last year?",
    "Is it correct that 223 North Koreans entered Russia in 2023?",
    "Is it right that 365 North Koreans entered Russia in Q2 2023?",
    "q2 vs q3 2023",
    "and as a share of q3?",
    "3분기 러시아에 입국한 북한 주민의 월평균은?",
    "Среднее в месяц граждан КНДР в Россию в III квартале 2023?",
]
CHECKS = [
    "365 North Koreans entered Russia in Q3 2023, of whom 213 came by air.",
    "Business accounted for 69% of North Korean arrivals in Russia in Q3 2023.",
    "North Korean arrivals in Russia rose 71% from Q2 to Q3 2023.",
    "2023년 3분기 러시아에 입국한 북한 주민은 365명이었다.",
    "В III квартале 2023 года в Россию въехали 365 граждан КНДР.",
]


async def _pressed(h: Harness, answer_call: Any, p: Pipeline, answer: Answer) -> None:
    """Press both buttons under a sent answer and check what came back against the answer."""
    names = labels(Renderer(), answer.lang)
    buttons = buttons_of(answer_call)
    assert names[WHERE] in buttons and names[CITE] in buttons, (answer.question, buttons)
    where = text_of(await press(h, answer_call, names[WHERE]))
    cite = text_of(await press(h, answer_call, names[CITE]))
    check_views(p, Handoff(p), answer.question, answer, where, cite)


@pytest.fixture(autouse=True)
def unthrottled(monkeypatch: pytest.MonkeyPatch) -> None:
    """One reporter pressing two buttons under each of a dozen answers in a few seconds: the
    per-user press throttle (tested on its own in tests/test_load.py) would rightly hold them."""
    from handlers.telegram.fairness import PressGate

    # The throttle now sifts presses as JSON before they are parsed (PressGate); let them all on.
    monkeypatch.setattr(PressGate, "excess", lambda self, update: False)


def served(h: Harness) -> Pipeline:
    """The pipeline the running bot serves (the same data, as the version it wrote at start-up)."""
    return h.app.bot_data["resources"].pipeline


async def test_over_http_in_a_private_chat_and_a_group(hh: Harness) -> None:  # noqa: F811 (the fixture)
    p = served(hh)
    previous = None
    for q in PRIVATE:
        [sent] = await hh.send(U.private_text(q))
        answer = p.answer(q, previous=previous)
        previous = answer.context or previous
        assert to_plain(answer.html) == text_of(sent)  # the bot sent the answer the audit checks
        await _pressed(hh, sent, p, answer)
    for sentence in CHECKS:
        [sent] = await hh.send(U.private_text(f"/check {sentence}"))
        answer, _ = claim_answer(ClaimChecker(p), sentence)
        assert to_plain(answer.html) == text_of(sent)
        await _pressed(hh, sent, p, answer)
    [passage] = await hh.send(U.private_text("/passage"))  # the last /check's figures
    assert "paragraph 3, sentence 1" not in text_of(passage) and "абзац 3, предложение 1" in text_of(passage)
    for text, question in (("/ask@FactDeskTestBot how many per day came in q3 2023", "how many per day came in q3 2023"),
                           ("/check@FactDeskTestBot 213 North Koreans flew to Russia in Q3 2023", None)):
        [sent] = await hh.send(U.group_text(text))
        assert sent.params["chat_id"] == GROUP
        answer = p.answer(question) if question else claim_answer(ClaimChecker(p), text.split(" ", 1)[1])[0]
        await _pressed(hh, sent, p, answer)


async def test_over_http_in_inline_mode(hh: Harness) -> None:  # noqa: F811 (the fixture)
    p = served(hh)
    for n, (query, answer) in enumerate((
            ("monthly average nk->ru q3 2023", p.answer("monthly average nk->ru q3 2023")),
            ("check 253 North Koreans came to Russia by air in Q3 2023",
             claim_answer(ClaimChecker(p), "253 North Koreans came to Russia by air in Q3 2023")[0]))):
        [call] = await hh.send(U.inline_query(query), method="answerInlineQuery")
        result = call.params["results"][0]
        keys = {b["text"]: b["callback_data"] for row in result["reply_markup"]["inline_keyboard"] for b in row}
        names = labels(Renderer(), answer.lang)
        assert set(keys) == {names[WHERE], names[CITE]}, keys
        texts = []
        for key in (WHERE, CITE):
            [edit] = await hh.send(_inline_callback(keys[names[key]], f"AgAAAudit{n}"), method="editMessageText")
            full = parse_html(edit.params["text"]).text
            assert full.startswith(to_plain(answer.html)[:40])  # the answer stays, the view goes under it
            texts.append(full)
        check_views(p, Handoff(p), query, answer, texts[0], texts[1])
