"""Background work for the search panel: searching as you type and indexing, off the GUI thread.

Searches run one at a time in their own thread pool; a newer query makes older pending ones
obsolete (they are skipped, or their results dropped), so typing never waits for a search.
Indexing runs in another pool and can be cancelled between compilations.
"""

from __future__ import annotations

import threading
from typing import Any, Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


_CLOSED = "readerClosed"


def close_pool(pool: QThreadPool) -> None:
    """Refuse new jobs in ``pool`` (the window is closing): a timer or a late result must not start work
    that would still be running Python when the interpreter exits."""
    pool.setProperty(_CLOSED, True)


def _closed(pool: QThreadPool) -> bool:
    return bool(pool.property(_CLOSED))


class _Relay(QObject):
    done = Signal(int, object)  # generation, result
    failed = Signal(int, object)  # generation, exception
    progressed = Signal(int, int, str)  # done, total, what


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay, generation: int, current: Callable[[], int]) -> None:
        super().__init__()
        self.fn, self.relay, self.generation, self.current = fn, relay, generation, current
        self.setAutoDelete(True)

    def run(self) -> None:
        if self.generation != self.current():
            return  # a newer request superseded this one before it started
        try:
            result = self.fn()
        except Exception as exc:  # handed to the GUI thread, which decides what to show
            self._send(self.relay.failed, exc)
        else:
            self._send(self.relay.done, result)

    def _send(self, signal: Any, payload: Any) -> None:
        try:
            signal.emit(self.generation, payload)
        except RuntimeError:
            pass  # the window (and the relay with it) closed while this job ran: nobody to tell


class LatestOnly(QObject):
    """Runs submitted calls in a worker thread; only the latest call's result is delivered."""

    finished = Signal(object)
    failed = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._generation = 0
        self._relay = _Relay(self)
        self._relay.done.connect(self._deliver)
        self._relay.failed.connect(self._fail)

    def submit(self, fn: Callable[[], Any]) -> int:
        self._generation += 1
        if _closed(self.pool):
            return self._generation
        self.pool.start(_Job(fn, self._relay, self._generation, lambda: self._generation))
        return self._generation

    def cancel_pending(self) -> None:
        self._generation += 1

    def wait(self, msecs: int = -1) -> bool:
        return self.pool.waitForDone(msecs)

    def _deliver(self, generation: int, result: Any) -> None:
        if generation == self._generation:
            self.finished.emit(result)

    def _fail(self, generation: int, exc: Any) -> None:
        if generation == self._generation:
            self.failed.emit(exc)


class IndexJob(QObject):
    """One indexing run in a worker thread, with progress and a cancel flag."""

    progressed = Signal(int, int, str)
    finished = Signal(object)  # IndexReport
    failed = Signal(object)

    def __init__(self, work: Callable[[Callable[[int, int, str], None], Callable[[], bool]], Any],
                 pool: QThreadPool, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cancel = threading.Event()
        self._relay = _Relay(self)
        self._relay.done.connect(lambda _g, result: self.finished.emit(result))
        self._relay.failed.connect(lambda _g, exc: self.failed.emit(exc))
        self._relay.progressed.connect(self.progressed)
        relay, cancel = self._relay, self._cancel
        if _closed(pool):  # the window is closing: the job ends before it starts
            cancel.set()
            return
        pool.start(_Job(lambda: work(lambda d, t, w: relay.progressed.emit(d, t, w), cancel.is_set), relay, 0, lambda: 0))

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()
