"""Run slow core calls off the GUI thread and hear back on it (after Anki's ``aqt.operations``).

``fn`` runs in a worker thread; ``on_done(result)`` or ``on_error(exc)`` run on the GUI thread.
Without ``on_error``, an expected failure (ReaderError) becomes the window's error dialog, and
anything else is re-raised on the GUI thread: a bug should surface, not vanish in a thread.
If ``fn`` takes a ``progress`` parameter it receives ``progress(done, total)`` to move a bar.
"""

from __future__ import annotations

import inspect
from typing import Any, Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from reader.errors import ReaderError


class _Relay(QObject):
    """Lives on the GUI thread; queued signals carry results across."""

    done = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int)


class _Task(QRunnable):
    def __init__(self, fn: Callable[..., Any], relay: _Relay, wants_progress: bool) -> None:
        super().__init__()
        self.fn, self.relay, self.wants_progress = fn, relay, wants_progress
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            if self.wants_progress:
                result = self.fn(progress=self._progress)
            else:
                result = self.fn()
        except BaseException as exc:  # handed to the GUI thread, which decides (see module doc)
            self._emit(self.relay.failed, exc)
        else:
            self._emit(self.relay.done, result)

    def _progress(self, done: int, total: int) -> None:
        self._emit(self.relay.progressed, int(done), int(total))

    @staticmethod
    def _emit(signal: Any, *values: Any) -> None:
        try:
            signal.emit(*values)
        except RuntimeError:  # the window (and its relay) closed while we worked: nobody to tell
            pass


class BackgroundRunner(QObject):
    """Owns the thread pool and the bookkeeping of running operations for one window."""

    busyChanged = Signal(str, int, int)  # label ("" when idle), done, total (0 = unknown)

    def __init__(self, show_error: Callable[[BaseException], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(2)
        self._show_error = show_error
        self._running: dict[_Relay, str] = {}
        self._shut_down = False

    def run(
        self,
        fn: Callable[..., Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        progress_label: str | None = None,
    ) -> None:
        if self._shut_down:  # the window is closing: results would have nowhere to go
            return
        relay = _Relay(self)
        label = progress_label or ""
        self._running[relay] = label

        def finish() -> None:
            self._running.pop(relay, None)
            relay.deleteLater()
            self._announce()

        def succeeded(result: Any) -> None:
            finish()
            if on_done is not None:
                on_done(result)

        def failed(exc: BaseException) -> None:
            finish()
            if self._shut_down:  # the window closed while it ran (its store may be closed): nobody to tell
                return
            if on_error is not None:
                on_error(exc)
            elif isinstance(exc, ReaderError):
                self._show_error(exc)
            else:
                raise exc

        relay.done.connect(succeeded)
        relay.failed.connect(failed)
        relay.progressed.connect(lambda done, total: self.busyChanged.emit(label, done, total) if label else None)
        self._announce()
        self.pool.start(_Task(fn, relay, _takes_progress(fn)))

    def shutdown(self, msecs: int = 3000) -> bool:
        """Refuse new operations and wait for the running ones (window closing)."""
        self._shut_down = True
        return self.pool.waitForDone(msecs)

    def busy(self) -> bool:
        return bool(self._running)

    def wait(self, msecs: int = -1) -> bool:
        """Block until every operation is done (tests, shutdown)."""
        return self.pool.waitForDone(msecs)

    def _announce(self) -> None:
        labels = [label for label in self._running.values() if label]
        self.busyChanged.emit(labels[-1] if labels else "", 0, 0)


def _takes_progress(fn: Callable[..., Any]) -> bool:
    try:
        return "progress" in inspect.signature(fn).parameters
    except (TypeError, ValueError):
        return False


def single_shot_timer(parent: QObject, interval_ms: int) -> QTimer:
    """A restartable one-shot timer (debouncing).

    Built with setters: PySide6 6.12's keyword-property constructor (``QTimer(singleShot=True, …)``)
    drops a reference to None per call, which eventually crashes the interpreter.
    """
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(interval_ms)
    return timer
