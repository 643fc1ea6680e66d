"""视图 ▸ 标出 OCR 没把握的字 (Ctrl+Shift+L): on OCR'd pages, the characters the engine scored low
get a light red tint and a wavy underline, so a reader checks them against the picture before
quoting. Off by default (a clean scan has few, but they distract when reading); the choice is
kept for the session. The scores are read from the OCR cache off the GUI thread.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QColor, QKeySequence

from reader.errors import ReaderError

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow

LAYER = "ocr-doubtful"
TINT = QColor(230, 60, 60)
UNDERLINE = QColor(210, 30, 30)
SHORTCUT = "Ctrl+Shift+L"


class LowConfidenceMarks(QObject):
    """The View menu toggle and the marks it puts on the page view."""

    def __init__(self, window: "MainWindow") -> None:
        super().__init__(window)
        self.window_ = window
        self.marked: dict[int, list[Any]] = {}  # page → doubtful characters shown now
        self.action = QAction(self.tr("标出 OCR 没把握的字"), window, objectName="actionShowOcrDoubts", checkable=True)
        self.action.setShortcut(QKeySequence(SHORTCUT))
        self.action.setToolTip(self.tr("在 OCR 识别的页上，给识别分数低的字加红色波浪线"))
        self.action.toggled.connect(self._toggled)
        window.menu("view").addAction(self.action)
        window.compilationReady.connect(lambda _c: self.refresh())
        window.documentClosed.connect(self._clear)

    def _toggled(self, on: bool) -> None:
        if on:
            self.refresh()
        else:
            self._clear()
            self.window_.status(self.tr("已隐藏 OCR 没把握的字"))

    def _clear(self) -> None:
        self.marked = {}
        self.window_.view.clear_overlay(LAYER)
        self.window_.view.set_underlines({})

    def refresh(self) -> None:
        """Read the scores of the open file's OCR'd pages (in the background) and mark them."""
        window = self.window_
        if not self.action.isChecked() or window.document is None or window.library is None:
            return
        if window.compilation is None:
            return  # compilationReady calls again
        content_hash = window.compilation.content_hash
        cache_dir = window.library.structure_cache_dir

        def work():
            from reader.ocr.confidence import doubtful_by_page

            return doubtful_by_page(cache_dir, content_hash)

        window.run_in_background(work, lambda found: self._show(content_hash, found), on_error=self._failed)

    def _failed(self, exc: BaseException) -> None:
        if not isinstance(exc, (ReaderError, OSError)):
            raise exc
        self.window_.status(self.tr("无法读取 OCR 结果"))

    def _show(self, content_hash: str, found: dict[int, list[Any]]) -> None:
        window = self.window_
        compilation = window.compilation
        if compilation is None or compilation.content_hash != content_hash or not self.action.isChecked():
            return
        self.marked = {page: chars for page, chars in found.items() if chars}
        window.view.set_overlay(LAYER, {page: [(c.rect, TINT) for c in chars] for page, chars in self.marked.items()})
        window.view.set_underlines({page: [(c.rect, UNDERLINE) for c in chars] for page, chars in self.marked.items()})
        count = sum(map(len, self.marked.values()))
        if not found:
            window.status(self.tr("本文件没有 OCR 识别的页"))
        else:
            window.status(self.tr("OCR 没把握的字：%1 个（%2 页）").replace("%1", str(count))
                          .replace("%2", str(len(self.marked))))


def install(window: "MainWindow") -> LowConfidenceMarks:
    return LowConfidenceMarks(window)
