"""One thread that owns the state store: writes are recorded at once and committed together a
moment later; reads are awaited.

A write is appended to an in-memory list. The first write of a batch (the list was empty) wakes
the state thread once; it then lingers ``LINGER_S`` while more writes are recorded (they wake
nobody), applies them all and commits them in one transaction, and sleeps until the next batch's
first write or a read: an idle bot wakes it never, a busy one once per ``LINGER_S`` (at 20
answers a second, one wake-up per five answers; polling every 50 ms, as before, woke it 20
times a second, busy or not, and committed about once per answer). A read wakes it at once and
first applies every write recorded before it, so it sees them all (a /lang choice is in force
for the next question), and the store needs no locks: one thread uses it. ``MAX_BATCH`` writes
waiting end the linger early. ``close`` applies and commits what is still recorded, so a clean
shutdown loses nothing; a crash loses at most the last ``LINGER_S`` of writes (SQLite's
``synchronous=NORMAL`` already allows a power cut to lose the last commits).

Long jobs (pruning a million old rows, importing legacy files) are generators stepped only while
no read is waiting, one small transaction per step, so they never hold up a question's state.
The list is bounded: if the disk stalls for long, a write beyond ``MAX_QUEUED`` waits for the
state thread rather than growing memory without limit.
"""

from __future__ import annotations

import asyncio
import logging
import queue
import threading
import time
from collections import deque
from typing import Any, Callable, Iterator, TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")
LINGER_S = 0.25  # a write waits at most about this long for its transaction
MAX_QUEUED = 10_000
MAX_BATCH = 500  # writes waiting that end the linger early
_STOP = object()
_WRITES = object()  # wakes the state thread: a batch of writes has begun (its first write)
_FLUSH = object()  # wakes the state thread to apply what is recorded now (MAX_BATCH reached)


def _noop(store: Any) -> None:
    return None


class StateWorker:
    """Runs ``fn(store, *args)`` calls on its own thread, writes in order, coalesced."""

    def __init__(self, store: Any, name: str = "factdesk-state", linger: float = LINGER_S) -> None:
        self.store = store
        self.linger = linger
        # Reads and control items: putting one wakes the thread.
        self._queue: queue.SimpleQueue[Any] = queue.SimpleQueue()
        # Writes: deque.append is atomic and wakes nobody; only the state thread pops.
        self._writes: deque[tuple[Callable[..., Any], tuple[Any, ...]]] = deque()
        self._jobs: deque[Iterator[Any]] = deque()  # touched only by the state thread
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._thread.start()

    def write(self, fn: Callable[..., Any], *args: Any) -> None:
        """Record a write; it is applied after every write recorded before it. Errors are logged."""
        self._writes.append((fn, args))
        waiting = len(self._writes)
        if waiting == 1:
            # The first write of a batch (or one racing the thread's last pop: a spare wake-up,
            # harmless); the rest of the batch wakes nobody.
            self._queue.put(_WRITES)
        elif waiting % MAX_BATCH == 0:
            self._queue.put(_FLUSH)
        if waiting >= MAX_QUEUED and threading.current_thread() is not self._thread and self._thread.is_alive():
            self.call(_noop)  # the disk is stalling: wait for it rather than grow without limit

    def background(self, job: Callable[..., Iterator[Any]], *args: Any) -> None:
        """Start ``job(store, *args)``, a generator, stepped while nothing else is queued."""
        self.write(self._add_job, job, args)

    def _add_job(self, store: Any, job: Callable[..., Iterator[Any]], args: tuple[Any, ...]) -> None:
        self._jobs.append(job(store, *args))

    @property
    def idle(self) -> bool:
        """Nothing recorded or queued and no background job left (for tests and scripts)."""
        return self._queue.empty() and not self._writes and not self._jobs

    async def read(self, fn: Callable[..., T], *args: Any) -> T:
        """Run ``fn`` on the state thread after every recorded write, and return its result."""
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
        """Apply what is recorded, commit, close the store, stop the thread."""
        if self._thread.is_alive():
            self._queue.put(_STOP)
            self._thread.join(timeout)

    @property
    def queued(self) -> int:
        return self._queue.qsize() + len(self._writes)

    def _run(self) -> None:
        due: float | None = None  # when the writes recorded so far are to be committed
        while True:
            # With a background job to step, only look; with writes recorded, wait out their
            # linger (a read still wakes the thread at once); otherwise sleep until woken.
            try:
                if self._jobs:
                    item = self._queue.get_nowait()
                elif due is not None:
                    item = self._queue.get(timeout=max(0.0, due - time.monotonic()))
                else:
                    item = self._queue.get()
            except queue.Empty:
                item = None
            batch = [] if item is None else [item]
            while item is not None and item is not _STOP and len(batch) < MAX_BATCH:
                try:
                    item = self._queue.get_nowait()
                except queue.Empty:
                    break
                batch.append(item)
            now = time.monotonic()
            commit = False
            for entry in batch:
                if entry is _STOP:
                    self._apply_writes()
                    self._commit()
                    self._finish()
                    return
                if entry is _WRITES:
                    if due is None:
                        due = now + self.linger
                elif entry is _FLUSH:
                    due = now
                else:
                    self._apply_writes()  # a read sees every write recorded before it
                    self._one(*entry)
                    commit = True
            if commit and due is not None and not self._writes:
                due = None  # a read applied them all
            if due is None and self._writes:
                due = now + self.linger  # recorded without a wake-up of its own (a race): not left behind
            if due is not None and now >= due:
                self._apply_writes()
                commit, due = True, None
            if not batch and self._jobs:
                self._step_job()
                commit = True
            if commit:
                self._commit()

    def _apply_writes(self) -> None:
        writes = self._writes
        while writes:
            fn, args = writes.popleft()
            try:
                fn(self.store, *args)
            except Exception:
                log.exception("state store: %s failed", getattr(fn, "__name__", fn))

    def _commit(self) -> None:
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
