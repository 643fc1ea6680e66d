"""A small progress indicator in the status bar for slow background work (analysis, indexing,
export), with a cancel button when the work can be cancelled.

Several tasks may run at once; the most recent one is shown, with a count of the others.
"""

from __future__ import annotations

from typing import Callable, Hashable

from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QSizePolicy, QToolButton, QWidget
from reader.ui.plaintext import plain_label


class BusyIndicator(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("busyIndicator")
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Preferred)
        self.label = plain_label(QLabel(self))
        self.bar = QProgressBar(self)
        self.bar.setFixedWidth(120)
        self.bar.setMaximumHeight(14)
        self.bar.setTextVisible(False)
        self.cancel_button = QToolButton(self)
        self.cancel_button.setObjectName("busyCancel")
        self.cancel_button.setText(self.tr("取消"))
        self.cancel_button.setAutoRaise(True)
        self.cancel_button.clicked.connect(self.cancel_current)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 4, 0)
        row.setSpacing(6)
        row.addWidget(self.label)
        row.addWidget(self.bar)
        row.addWidget(self.cancel_button)
        self._tasks: dict[Hashable, tuple[str, int, int, Callable[[], None] | None]] = {}
        self.hide()

    def update_task(self, key: Hashable, label: str, done: int = 0, total: int = 0,
                    cancel: Callable[[], None] | None = None) -> None:
        """Show (or move) the task ``key``; ``total`` 0 means unknown (a busy bar)."""
        if not label:
            self.finish(key)
            return
        previous = self._tasks.pop(key, None)
        if cancel is None and previous is not None:
            cancel = previous[3]
        self._tasks[key] = (label, done, total, cancel)
        self._refresh()

    def finish(self, key: Hashable) -> None:
        if self._tasks.pop(key, None) is not None:
            self._refresh()

    def tasks(self) -> list[str]:
        return [label for label, *_rest in self._tasks.values()]

    def cancel_current(self) -> None:
        if not self._tasks:
            return
        key = next(reversed(self._tasks))
        label, done, total, cancel = self._tasks[key]
        if cancel is not None:
            cancel()
            self._tasks[key] = (self.tr("正在取消…"), done, total, None)
            self._refresh()

    def _refresh(self) -> None:
        if not self._tasks:
            self.hide()
            return
        label, done, total, cancel = self._tasks[next(reversed(self._tasks))]
        others = len(self._tasks) - 1
        self.label.setText(label + (self.tr("（另有 %1 项）").replace("%1", str(others)) if others else ""))
        self.bar.setRange(0, max(total, 0))
        self.bar.setValue(min(done, total) if total else 0)
        self.bar.setToolTip(f"{done}/{total}" if total else "")
        self.cancel_button.setVisible(cancel is not None)
        self.show()
