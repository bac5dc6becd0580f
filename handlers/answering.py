"""Where a question is answered: on the event loop when that is cheap, else in a worker thread.

A warm answer takes about a millisecond; handing it to a worker thread and back costs two thread
wake-ups, a fraction of a millisecond on an idle machine but 10 ms and more on a loaded one
(measured: hop + pipeline p50 13.3 ms for a pipeline p50 of 1.2 ms, 2 cores at load 10). So:

* an answer already given (same question, language choice and language hint, no follow-up
  context) is reused from a per-pipeline cache, with no thread hop at all;
* other answers run on the loop while the recent ones have been fast (``INLINE_BUDGET_S``), and
  in a worker thread once they are not, so a slow answer (large data, uncached queries) never
  holds every other chat up for long.

Pipelines are immutable per data version and answers depend only on the question, the chosen
language, the hint and the data, so a cached answer is the answer; only its follow-up context is
restamped (a follow-up's age is counted from the time it was given). Never imports telegram.
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
CACHE_SIZE = 2048  # answers kept per pipeline (data version)

_Key = tuple[str, str | None, str | None]


class Answerer:
    """Answers questions for the Telegram front: cached, inline or threaded (see module doc)."""

    def __init__(self, cache_size: int = CACHE_SIZE, budget_s: float = INLINE_BUDGET_S) -> None:
        self.cache_size = cache_size
        self.budget_s = budget_s
        self.expected_s = 0.0  # running estimate of an uncached answer's CPU time
        # Keyed weakly by pipeline: after a reload the old answers go with the old snapshot.
        self._caches: weakref.WeakKeyDictionary[Pipeline, OrderedDict[_Key, Answer]] = weakref.WeakKeyDictionary()
        self.hits = self.inline = self.threaded = 0

    async def answer(self, pipeline: Pipeline, question: str, previous: FollowUp | None, lang: str | None,
                     hint: str | None) -> Answer:
        """``pipeline.answer(question, previous, None, lang, hint)``, as cheaply as possible."""
        key: _Key = (question, lang, hint)
        cache = self._caches.get(pipeline) if previous is None else None
        if cache is not None:
            hit = cache.get(key)
            if hit is not None:
                cache.move_to_end(key)
                self.hits += 1
                return _restamped(hit)
        if self.expected_s <= self.budget_s:
            self.inline += 1
            answer, took = _timed(pipeline, question, previous, lang, hint)
        else:
            self.threaded += 1
            answer, took = await asyncio.to_thread(_timed, pipeline, question, previous, lang, hint)
        self.expected_s += SMOOTHING * (took - self.expected_s)
        if previous is None:
            cache = self._caches.get(pipeline)
            if cache is None:
                cache = self._caches[pipeline] = OrderedDict()
            cache[key] = answer
            if len(cache) > self.cache_size:
                cache.popitem(last=False)
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


def _restamped(answer: Answer) -> Answer:
    """A cached answer whose follow-up context counts its age from now."""
    if answer.context is None:
        return answer
    return dataclasses.replace(answer, context=dataclasses.replace(answer.context, created=time.time()))
