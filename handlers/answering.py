"""Where a question is answered: on the event loop when that is cheap, else in a worker thread.

A warm answer takes about a millisecond; handing it to a worker thread and back costs two thread
wake-ups, a fraction of a millisecond on an idle machine but 10 ms and more on a loaded one
(measured: hop + pipeline p50 13.3 ms for a pipeline p50 of 1.2 ms, 2 cores at load 10). So:

* an answer already given is reused from a per-pipeline (per data version) cache, with no
  thread hop at all. The key is the answer's language and the question's normalised text
  (:meth:`Pipeline.cache_key`: what every stage reads), so "How many ...?" and "How  many ...?"
  share an entry. Without a follow-up context the entry is the answer given without one. With
  a context, only a question the pipeline reads as one of its own (``Answer.standalone``: not
  an edit of the conversation, checked for that context on every hit) is reused; its context
  takes the conversation's figures as the pipeline would (``FollowUp.with_refs``). A follow-up
  edit ("and in Q2?") is never served from the cache. ``cache_size`` 0 turns the cache off
  (FACTDESK_ANSWER_CACHE);
* other answers run on the loop while the recent ones have been fast (``INLINE_BUDGET_S``), and
  in a worker thread once they are not, so a slow answer (large data, uncached queries) never
  holds every other chat up for long.

Pipelines are immutable per data version and a standalone answer depends only on the question,
its language and the data, so a cached answer is the answer; its question text is the asker's
own and its follow-up context is restamped (a follow-up's age counts from when it was given).
tests/test_speed.py answers every evaluation question and dialogue turn with the cache on and
off and compares. Never imports telegram.
"""

from __future__ import annotations

import asyncio
import dataclasses
import time
import weakref
from collections import OrderedDict

from handlers.model import Answer, FollowUp
from handlers.pipeline import Pipeline

INLINE_BUDGET_S = 0.004  # answers expected to take less CPU time than this run on the event loop
SMOOTHING = 0.2  # weight of the newest answer in the running estimate of answer time
CACHE_SIZE = 2048  # answers kept per pipeline (data version); FACTDESK_ANSWER_CACHE

# (language, normalised text, kind): kind NO_CONTEXT is the answer given without a follow-up
# context; OWN is a question's own answer, reusable under any context it is not an edit of.
_Key = tuple[str, str, str]
NO_CONTEXT, OWN = "alone", "own"


class Answerer:
    """Answers questions for the Telegram front: cached, inline or threaded (see module doc)."""

    def __init__(self, cache_size: int = CACHE_SIZE, budget_s: float = INLINE_BUDGET_S) -> None:
        self.cache_size = cache_size
        self.budget_s = budget_s
        self.expected_s = 0.0  # running estimate of an uncached answer's CPU time
        # Keyed weakly by pipeline: after a reload the old answers go with the old snapshot.
        self._caches: weakref.WeakKeyDictionary[Pipeline, OrderedDict[_Key, Answer]] = weakref.WeakKeyDictionary()
        self.hits = self.inline = self.threaded = 0
        self.context_hits = 0  # of the hits, those under a follow-up context

    async def answer(self, pipeline: Pipeline, question: str, previous: FollowUp | None, lang: str | None,
                     hint: str | None) -> Answer:
        """``pipeline.answer(question, previous, None, lang, hint)``, as cheaply as possible."""
        if self.cache_size <= 0:
            return await self._computed(pipeline, question, previous, lang, hint)
        answer_lang, text = pipeline.cache_key(question, lang, hint)
        cache = self._caches.get(pipeline)
        if cache is not None:
            key = (answer_lang, text, NO_CONTEXT if previous is None else OWN)
            hit = cache.get(key)
            # Under a context, the question must not be an edit of it (checked for this context).
            if hit is not None and (previous is None or not pipeline.edits(answer_lang, text, previous)):
                cache.move_to_end(key)
                self.hits += 1
                self.context_hits += previous is not None
                return _served(hit, question, previous)
        answer = await self._computed(pipeline, question, previous, lang, hint)
        if previous is None or answer.standalone:
            cache = self._caches.get(pipeline)
            if cache is None:
                cache = self._caches[pipeline] = OrderedDict()
            own = _own(answer)
            if previous is None:
                self._keep(cache, (answer_lang, text, NO_CONTEXT), answer)
            if answer.standalone:
                self._keep(cache, (answer_lang, text, OWN), own)
        return answer

    def _keep(self, cache: "OrderedDict[_Key, Answer]", key: _Key, answer: Answer) -> None:
        cache[key] = answer
        cache.move_to_end(key)
        while len(cache) > self.cache_size:
            cache.popitem(last=False)

    async def _computed(self, pipeline: Pipeline, question: str, previous: FollowUp | None, lang: str | None,
                        hint: str | None) -> Answer:
        """The pipeline's answer: on the loop while answers are cheap, else in a worker thread."""
        if self.expected_s <= self.budget_s:
            self.inline += 1
            answer, took = _timed(pipeline, question, previous, lang, hint)
        else:
            self.threaded += 1
            answer, took = await asyncio.to_thread(_timed, pipeline, question, previous, lang, hint)
        self.expected_s += SMOOTHING * (took - self.expected_s)
        return answer


def _timed(pipeline: Pipeline, question: str, previous: FollowUp | None, lang: str | None,
           hint: str | None) -> tuple[Answer, float]:
    """The answer and the CPU time it took on this thread.

    CPU time, not wall time: how long an answer holds the loop is its own work; time the
    thread spent preempted by other processes would send cheap answers to a thread for nothing.
    """
    started = time.thread_time()
    answer = pipeline.answer(question, previous, None, lang, hint)
    return answer, time.thread_time() - started


def _own(answer: Answer) -> Answer:
    """A standalone answer as the question's own: its context without the previous turn's figures."""
    if answer.merges_refs and answer.context is not answer.own_context:
        return dataclasses.replace(answer, context=answer.own_context)
    return answer


def _served(answer: Answer, question: str, previous: FollowUp | None) -> Answer:
    """A cached answer for this asker: their question text, and a follow-up context that counts its
    age from now and, where the pipeline would, keeps the conversation's last figures."""
    context = answer.context
    if context is not None:
        context = dataclasses.replace(context, created=time.time())
        own = context
        if previous is not None and answer.merges_refs:
            context = context.with_refs(previous)
        return dataclasses.replace(answer, question=question.strip(), context=context,
                                   own_context=own if answer.merges_refs else answer.own_context)
    return dataclasses.replace(answer, question=question.strip())
