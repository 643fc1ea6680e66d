"""Lighting and walking the search hits in the page view (presentation over reader.hit_order).

Every hit of the open compilation is lit on every page as soon as results arrive, the current
one in a stronger colour; F3 / Shift+F3 step in reading order from where the reader is (the
last hit shown if they have not scrolled away since, else the top of the view); the summary says
"第 3 / 共 15 处，4 页" and the status bar says when the walk wrapped round.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable

from PySide6.QtCore import QCoreApplication, QPoint
from PySide6.QtGui import QColor

from reader.hit_order import HitSequence, Step, compilation_ranks

if TYPE_CHECKING:
    from reader.index.search import HitDetails, PageHit
    from reader.ui.main_window import MainWindow

HIT_COLOR = QColor(255, 196, 0)
CURRENT_COLOR = QColor(255, 90, 0)
LAYER = "search"


class SearchNavigation:
    """The hits of one result set: their sequence, the current one, and what the view shows."""

    def __init__(self, window: "MainWindow", compilation_for: Callable[[str], Any]) -> None:
        """``compilation_for(content_hash)``: the analysed structure of a compilation (cached), so hits
        of a file just opened from the list are lit before the window's own analysis finishes."""
        self.window = window
        self.compilation_for = compilation_for
        self.sequence = HitSequence([], {})
        self.ranks: dict[str, int] = {}
        self.hits: dict[tuple[str, int], tuple["PageHit", "HitDetails"]] = {}
        self.current: int | None = None
        self.shown_hash: str | None = None  # the compilation whose hits are shown (the window records it later)
        self._scroll_at_current: int | None = None

    # ------------------------------------------------------------------ results
    def set_results(self, pairs: list[tuple["PageHit", "HitDetails"]]) -> None:
        """New results: the old highlights go, every hit of the open compilation is lit."""
        open_hash = self.window.content_hash
        self.ranks = compilation_ranks((h for h, _d in pairs), open_hash)
        self.hits = {(h.content_hash, h.page_index): (h, d) for h, d in pairs}
        self.sequence = HitSequence(((h.content_hash, h.page_index, d.spans) for h, d in pairs), self.ranks)
        self.current = None
        self.shown_hash = open_hash
        self._scroll_at_current = None
        self.light()

    def document_opened(self, expected_hash: str | None) -> None:
        """Another file is shown: its hits (if it is the one a result opened) or none are lit."""
        self.shown_hash = expected_hash
        self.light()

    def clear(self) -> None:
        self.set_results([])
        self.window.view.clear_overlay(LAYER)

    # ------------------------------------------------------------------ geometry
    def open_compilation(self) -> Any:
        """The structure of the compilation the window shows (its own, else the cached one)."""
        content_hash = self.shown_hash or self.window.content_hash
        if not content_hash:
            return None
        comp = self.window.compilation
        if comp is not None and comp.content_hash == content_hash:
            return comp
        return self.compilation_for(content_hash) if content_hash in self.ranks else None

    def _rects(self, content_hash: str, page: int, span: tuple[int, int]) -> dict[int, list]:
        comp = self.open_compilation()
        if comp is None or comp.content_hash != content_hash or page + 1 >= len(comp.page_starts):
            return {}
        from reader.index.highlight import hit_rects, rects_by_page  # not before the first paint

        return rects_by_page(hit_rects(comp, page, [span]))  # the core's one hit geometry

    def light(self) -> None:
        """Every hit of the open compilation lit; the current one distinct."""
        comp = self.open_compilation()
        overlay: dict[int, list] = {}
        if comp is not None:
            for index, key in enumerate(self.sequence.keys):
                content_hash = self.sequence.hashes[index]
                if content_hash != comp.content_hash:
                    continue
                span = sorted(self.hits[(content_hash, key.page_index)][1].spans)[key.number]
                color = CURRENT_COLOR if index == self.current else HIT_COLOR
                for page, rects in self._rects(content_hash, key.page_index, span).items():
                    overlay.setdefault(page, []).extend((rect, color) for rect in rects)
        if overlay:
            self.window.view.set_overlay(LAYER, overlay)
        else:
            self.window.view.clear_overlay(LAYER)

    # ------------------------------------------------------------------ stepping
    def reading_position(self) -> tuple[int, int, int] | None:
        """(rank, page, offset within the page) at the top of the view, in the open compilation."""
        comp, view = self.open_compilation(), self.window.view
        if comp is None or comp.content_hash not in self.ranks:
            return None
        where = view.point_to_page(QPoint(view.viewport().width() // 2, 2))
        if where is None:
            return None
        page, x, y = where
        height = comp.page_sizes[page][1] if page < len(comp.page_sizes) else float("inf")
        if y >= height:  # in the gap below a page: the reader is at the top of the next one
            return self.ranks[comp.content_hash], page + 1, 0
        if y <= 0:
            return self.ranks[comp.content_hash], page, 0
        offset = comp.offset_at(page, x, y)
        relative = (offset - comp.page_starts[page]) if offset is not None else 0
        return self.ranks[comp.content_hash], page, max(relative, 0)

    def moved_since_current(self) -> bool:
        value = self.window.view.verticalScrollBar().value()
        return self._scroll_at_current is None or abs(value - self._scroll_at_current) > 2

    def step(self, forward: bool) -> Step | None:
        current = None if self.current is None or self.moved_since_current() else self.current
        return self.sequence.step(forward, current, None if current is not None else self.reading_position())

    def show(self, index: int) -> "tuple[PageHit, HitDetails, int] | None":
        """Make hit ``index`` current: light it and scroll it into view. Returns (hit, details, number)."""
        if not 0 <= index < len(self.sequence):
            return None
        key, content_hash = self.sequence.keys[index], self.sequence.hashes[index]
        hit, details = self.hits[(content_hash, key.page_index)]
        self.current = index
        self.shown_hash = content_hash
        self.light()
        span = sorted(details.spans)[key.number]
        rects = self._rects(content_hash, key.page_index, span)
        first = min(rects) if rects else None
        self.window.view.go_to(first if first is not None else key.page_index, rects[first][0] if first is not None else None)
        self._scroll_at_current = self.window.view.verticalScrollBar().value()
        return hit, details, key.number

    def index_of(self, hit: "PageHit", number: int) -> int | None:
        return self.sequence.index_of(self.ranks.get(hit.content_hash, -1), hit.page_index, number)

    # ------------------------------------------------------------------ words
    def count_text(self) -> str:
        """"第 3 / 共 15 处，4 页" (or "共 15 处，4 页" before the first step)."""
        occurrences, pages = str(self.sequence.occurrences), str(self.sequence.page_count)
        if self.current is None:
            return QCoreApplication.translate("SearchNavigation", "共 %1 处，%2 页").replace("%1", occurrences).replace("%2", pages)
        return (QCoreApplication.translate("SearchNavigation", "第 %1 / 共 %2 处，%3 页")
                .replace("%1", str(self.current + 1)).replace("%2", occurrences).replace("%3", pages))

    @staticmethod
    def wrap_text(forward: bool) -> str:
        if forward:
            return QCoreApplication.translate("SearchNavigation", "已到最后一处，从第一处继续")
        return QCoreApplication.translate("SearchNavigation", "已到第一处，从最后一处继续")
