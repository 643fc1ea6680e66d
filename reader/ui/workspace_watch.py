"""The Qt side of the Workspace's change notification: a timer polls, a signal tells the window.

The core never starts threads or timers; here a QTimer asks the Workspace every second whether
annotations, themes or the index changed (``PRAGMA data_version``: microseconds, no lock), so
what the CLI, an import or a colleague's process wrote shows in the open window without
reopening. Listeners are called on the GUI thread through the ``changed`` signal.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from reader.workspace import Workspace, changes

POLL_MS = 1000


class WorkspaceWatcher(QObject):
    """Relays :meth:`Workspace.subscribe` to the ``changed(frozenset[str])`` signal."""

    changed = Signal(object)

    def __init__(self, workspace: Workspace, parent: QObject | None = None, interval_ms: int = POLL_MS) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self._unsubscribe = workspace.subscribe(self.changed.emit)  # a queued connection if another thread polls
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.poll)
        self.timer.start()

    def poll(self) -> None:
        self.workspace.poll_changes()

    def acknowledge(self) -> None:
        """Take note of this window's own annotation write, already shown (no second refresh); other news still goes out."""
        self.workspace.poll_changes(quiet={changes.ANNOTATIONS, changes.THEMES})

    def stop(self) -> None:
        self.timer.stop()
        self._unsubscribe()
