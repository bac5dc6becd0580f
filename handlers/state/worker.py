"""One thread that owns the state store: writes are queued and never wait, reads are awaited.

Everything goes through one FIFO queue to one thread, so a read sees every write queued before
it (a /lang choice is in force for the next question) and the store needs no locks. Writes
that are queued together are committed in one transaction. Long jobs (pruning a million old
rows, importing legacy files) are generators stepped only while the queue is empty, one small
transaction per step, so they never hold up a question's state. The queue is bounded: if the disk
stalls for long, a write beyond ``MAX_QUEUED`` waits on the event loop rather than growing
memory without limit.
"""

from __future__ import annotations

import asyncio
import logging
import queue
import threading
from collections import deque
from typing import Any, Callable, Iterator, TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")
MAX_QUEUED = 10_000
MAX_BATCH = 500  # writes per transaction
_STOP = object()


class StateWorker:
    """Runs ``fn(store, *args)`` calls on its own thread, in order."""

    def __init__(self, store: Any, name: str = "factdesk-state") -> None:
        self.store = store
        self._queue: queue.Queue[Any] = queue.Queue(maxsize=MAX_QUEUED)
        self._jobs: deque[Iterator[Any]] = deque()  # touched only by the state thread
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._thread.start()

    def write(self, fn: Callable[..., Any], *args: Any) -> None:
        """Queue a write; it runs after everything queued before it. Errors are logged."""
        self._queue.put((fn, args, None, None))

    def background(self, job: Callable[..., Iterator[Any]], *args: Any) -> None:
        """Start ``job(store, *args)``, a generator, stepped while nothing else is queued."""
        self.write(self._add_job, job, args)

    def _add_job(self, store: Any, job: Callable[..., Iterator[Any]], args: tuple[Any, ...]) -> None:
        self._jobs.append(job(store, *args))

    @property
    def idle(self) -> bool:
        """Nothing queued and no background job left (for tests and scripts)."""
        return self._queue.empty() and not self._jobs

    async def read(self, fn: Callable[..., T], *args: Any) -> T:
        """Run ``fn`` on the state thread after every queued write, and return its result."""
        loop = asyncio.get_running_loop()
        future: asyncio.Future[T] = loop.create_future()
        self._queue.put((fn, args, loop, future))
        return await future

    def call(self, fn: Callable[..., T], *args: Any, timeout: float = 60.0) -> T:
        """Blocking ``read`` for code without an event loop (start-up, tests, scripts)."""
        done = threading.Event()
        box: dict[str, Any] = {}

        def run(store: Any, *a: Any) -> None:
            try:
                box["value"] = fn(store, *a)
            except BaseException as exc:  # handed back to the caller below
                box["error"] = exc
            finally:
                done.set()

        self._queue.put((run, args, None, None))
        if not done.wait(timeout):
            raise TimeoutError("state thread did not answer")
        if "error" in box:
            raise box["error"]
        return box["value"]

    def close(self, timeout: float = 30.0) -> None:
        """Run what is queued, commit, close the store, stop the thread."""
        if self._thread.is_alive():
            self._queue.put(_STOP)
            self._thread.join(timeout)

    @property
    def queued(self) -> int:
        return self._queue.qsize()

    def _run(self) -> None:
        while True:
            try:
                item = self._queue.get(block=not self._jobs)
            except queue.Empty:
                self._step_job()
                continue
            batch = [item]
            while item is not _STOP and len(batch) < MAX_BATCH:
                try:
                    item = self._queue.get_nowait()
                except queue.Empty:
                    break
                batch.append(item)
            for entry in batch:
                if entry is _STOP:
                    self._finish()
                    return
                self._one(*entry)
            try:
                self.store.commit()
            except Exception:  # a failed commit is logged; the next batch starts a new transaction
                log.exception("state store: commit failed")

    def _step_job(self) -> None:
        job = self._jobs[0]
        try:
            next(job)
            self._jobs.rotate(-1)  # several jobs take turns
        except StopIteration:
            self._jobs.popleft()
        except Exception:
            self._jobs.popleft()
            log.exception("state store: background job failed")
        try:
            self.store.commit()
        except Exception:
            log.exception("state store: commit failed")

    def _one(self, fn: Callable[..., Any], args: tuple[Any, ...], loop: asyncio.AbstractEventLoop | None,
             future: asyncio.Future[Any] | None) -> None:
        try:
            result = fn(self.store, *args)
        except Exception as exc:
            if future is None:
                log.exception("state store: %s failed", getattr(fn, "__name__", fn))
            else:
                self._settle(loop, future, error=exc)
            return
        if future is not None:
            self._settle(loop, future, result=result)

    @staticmethod
    def _settle(loop: asyncio.AbstractEventLoop | None, future: asyncio.Future[Any], result: Any = None,
                error: BaseException | None = None) -> None:
        def settle() -> None:
            if future.done():
                return  # the awaiting coroutine was cancelled
            if error is not None:
                future.set_exception(error)
            else:
                future.set_result(result)
        try:
            assert loop is not None
            loop.call_soon_threadsafe(settle)
        except RuntimeError:
            pass  # the loop is closed: nobody is waiting any more

    def _finish(self) -> None:
        try:
            self.store.close()
        except Exception:
            log.exception("state store: close failed")
