"""The continuous page view: all pages in one vertical scroll, rendered lazily off the GUI thread.

Painting never waits for MuPDF: a page not yet rendered at the current zoom is drawn from an
older render (scaled) or as a grey placeholder with its label, and a wish list of visible pages
goes to the render worker. Overlays (search hits, annotations, selection) are rectangles in PDF
points, drawn as translucent fills at the current zoom so they stay crisp at every zoom.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable

from PySide6.QtCore import QPoint, QPointF, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication
from PySide6.QtWidgets import QAbstractScrollArea, QMenu, QWidget

from reader.document import Document
from reader.ui.page_layout import PAGE_GAP, PageLayout
from reader.ui.page_view_input import PageViewInput
from reader.ui.page_view_paint import PageViewPainting
from reader.ui.render_worker import ImageCache, RenderKey, RenderResult, RenderWorker, keys_for_page
from reader.ui.selection import TextSelection
from reader.ui.operations import single_shot_timer

if TYPE_CHECKING:
    from reader.structure import Compilation

Rect = tuple[float, float, float, float]
CACHE_BYTES = 64 * 1024 * 1024  # ~10 pages at 150 %: a screenful plus prefetch, twice over
MIN_ZOOM, MAX_ZOOM = 0.25, 6.0
ZOOM_STEPS = (0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0)
SELECTION_LAYER = "selection"


TEXT_AFTER_FIRST_PAINT_MS = 250  # selection text is extracted this long after the first paint (start-up stays lean)


class PageView(PageViewPainting, PageViewInput, QAbstractScrollArea):
    currentPageChanged = Signal(int)
    zoomChanged = Signal(float)
    selectionChanged = Signal()
    firstPagePainted = Signal()
    jumpStarted = Signal(int, float)
    linkClicked = Signal(int, float, float)  # a click without a drag at (page, x, y points): a link, maybe  # the reading position (page, points from its top) a jump leaves

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document: Document | None = None
        self.labels: list[str] = []
        self.layout_: PageLayout = PageLayout([], 1.0)
        self.fit_mode: str | None = "width"  # "width", "page" or None (fixed zoom)
        self.context_menu_hooks: list[Callable[[QMenu, int, int | None], None]] = []
        self.cache = ImageCache(CACHE_BYTES)
        self.worker = RenderWorker(self)
        self.worker.rendered.connect(self._on_rendered)
        self.worker.textReady.connect(self._on_text_ready)
        self.selection = TextSelection()
        self._overlays: dict[str, dict[int, list[tuple[Rect, QColor]]]] = {}
        self.markers: dict[int, list[tuple[float, float, QColor]]] = {}  # note markers: (x, y) in points per page
        self._generation = 0
        self._current = -1
        self._first_painted = False
        self._schedule_timer = single_shot_timer(self, 0)
        self._schedule_timer.timeout.connect(self._request_visible)
        self._text_timer = single_shot_timer(self, TEXT_AFTER_FIRST_PAINT_MS)  # then the pages' text for selection
        self._text_timer.timeout.connect(self._request_visible)
        self.firstPagePainted.connect(self._text_timer.start)
        self.viewport().setMouseTracking(False)
        self.viewport().setCursor(Qt.CursorShape.IBeamCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._press: tuple[int, float, float] | None = None
        # Always shown, so fitting the width never toggles the bar and re-fits in a loop.
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.verticalScrollBar().valueChanged.connect(self._on_scrolled)
        self.horizontalScrollBar().valueChanged.connect(lambda _: self.viewport().update())

    # ------------------------------------------------------------------ document
    def set_document(self, document: Document | None, sizes: list[tuple[float, float]] | None = None) -> None:
        """Show ``document`` from its first page; ``sizes`` in points (measured by the caller)."""
        if document is not None and not self.worker.isRunning():
            self.worker.start()  # started with the first document: a window that fails to build leaves no thread
        self.document = document
        self.labels = document.page_labels if document else []
        self._generation = self.worker.set_document(document)
        self.cache.clear()
        self._overlays.clear()
        self.selection.reset(document)
        self._first_painted = False
        self._current = -1
        self.layout_ = PageLayout(sizes or [], self.zoom())
        self._relayout()
        self.verticalScrollBar().setValue(0)
        self._on_scrolled()

    def set_compilation(self, compilation: Compilation | None) -> None:
        self.selection.reset(self.document, compilation)
        self.clear_overlay(SELECTION_LAYER)
        if compilation is None:
            self._schedule_timer.start()  # the pages in view need their text extracted again

    def shutdown(self) -> None:
        self.worker.stop()

    # ------------------------------------------------------------------ zoom
    def zoom(self) -> float:
        return self.layout_.zoom

    def set_zoom(self, zoom: float, anchor: QPoint | None = None, fit: str | None = None) -> None:
        """Zoom keeping the content under ``anchor`` (viewport point, default top-left) in place."""
        zoom = max(MIN_ZOOM, min(MAX_ZOOM, zoom))
        self.fit_mode = fit
        if abs(zoom - self.zoom()) < 1e-4:
            return
        anchor = anchor or QPoint(0, 0)
        page, fx, fy = self._fraction_at(anchor)
        self.layout_ = PageLayout(self.layout_.sizes, zoom)
        self._relayout()
        if self.document is not None:
            x, y, w, h = self.layout_.page_rect(page, self.viewport().width())
            self.verticalScrollBar().setValue(round(y + fy * h - anchor.y()))
            self.horizontalScrollBar().setValue(round(x + fx * w - anchor.x()))
        self.zoomChanged.emit(zoom)
        self.viewport().update()
        self._schedule()

    def zoom_in(self) -> None:
        self.set_zoom(next((s for s in ZOOM_STEPS if s > self.zoom() + 1e-3), MAX_ZOOM))

    def zoom_out(self) -> None:
        self.set_zoom(next((s for s in reversed(ZOOM_STEPS) if s < self.zoom() - 1e-3), MIN_ZOOM))

    def set_fit_mode(self, mode: str | None) -> None:
        self.fit_mode = mode
        self._apply_fit()

    def _apply_fit(self) -> None:
        if not self.fit_mode or not len(self.layout_):
            return
        width, height = self.viewport().width(), self.viewport().height()
        if self.fit_mode == "width":
            zoom = self.layout_.fit_width_zoom(width)
        else:
            zoom = self.layout_.fit_page_zoom(width, height, max(0, self.current_page()))
        mode = self.fit_mode
        self.set_zoom(zoom, fit=mode)
        if mode == "page":
            self.go_to(self.current_page())

    def _fraction_at(self, point: QPoint) -> tuple[int, float, float]:
        if not len(self.layout_):
            return 0, 0.0, 0.0
        cy = point.y() + self.verticalScrollBar().value()
        page = self.layout_.page_at(cy)
        x, y, w, h = self.layout_.page_rect(page, self.viewport().width())
        cx = point.x() + self.horizontalScrollBar().value()
        return page, (cx - x) / max(w, 1), (cy - y) / max(h, 1)

    # ------------------------------------------------------------------ navigation
    def current_page(self) -> int:
        return max(self._current, 0)

    def reading_position(self) -> tuple[int, float]:
        """The exact place at the top of the view: (page, points below that page's top edge), zoom-free."""
        if not len(self.layout_):
            return 0, 0.0
        top = self.verticalScrollBar().value()
        page = self.layout_.page_at(top)
        return page, (top - self.layout_.tops[page]) / self.layout_.scale

    def set_reading_position(self, page: int, offset_pt: float) -> None:
        """Scroll back to a place from :meth:`reading_position` (at any zoom); not a jump."""
        if not len(self.layout_):
            return
        page = max(0, min(page, len(self.layout_) - 1))
        self.verticalScrollBar().setValue(round(self.layout_.tops[page] + offset_pt * self.layout_.scale))
        self._on_scrolled()

    def probe_position(self) -> tuple[int, float]:
        """(page, y in points) of the line the reader is taken to be reading (as for the current page)."""
        if not len(self.layout_):
            return 0, 0.0
        y = self.verticalScrollBar().value() + max(self.viewport().height() * 0.2, PAGE_GAP + 1)
        page = self.layout_.page_at(y)
        return page, (y - self.layout_.tops[page]) / self.layout_.scale

    def go_to(self, page: int, rect: Rect | None = None) -> None:
        """Scroll ``page`` to the top of the view, or ``rect`` (points) into view a little below the top."""
        if not len(self.layout_):
            return
        self.jumpStarted.emit(*self.reading_position())
        page = max(0, min(page, len(self.layout_) - 1))
        x, y, w, h = self.layout_.page_rect(page, self.viewport().width())
        if rect is None:
            self.verticalScrollBar().setValue(y - PAGE_GAP)
        else:
            scale = self.layout_.scale
            target = y + rect[1] * scale - self.viewport().height() * 0.2
            self.verticalScrollBar().setValue(round(max(target, y - PAGE_GAP)))
            left = x + rect[0] * scale
            if not (self.horizontalScrollBar().value() <= left <= self.horizontalScrollBar().value() + self.viewport().width()):
                self.horizontalScrollBar().setValue(round(left - 20))
        self._on_scrolled()

    def _on_scrolled(self, *_: object) -> None:
        self._update_current()
        self.viewport().update()
        self._schedule()

    def _update_current(self) -> None:
        if not len(self.layout_):
            return
        top = self.verticalScrollBar().value()
        bar = self.verticalScrollBar()
        # The probe line sits below the gap that go_to() leaves above a page, however small the view.
        probe = top + max(self.viewport().height() * 0.2, PAGE_GAP + 1)
        if bar.value() >= bar.maximum() and bar.maximum() > 0:
            page = len(self.layout_) - 1
            last_top = self.layout_.tops[page]
            if last_top < top:  # last page not fully visible: stay with the one at the probe line
                page = self.layout_.page_at(probe)
        else:
            page = self.layout_.page_at(probe)
        if page != self._current:
            self._current = page
            self.currentPageChanged.emit(page)

    def _relayout(self) -> None:
        viewport = self.viewport()
        v_bar, h_bar = self.verticalScrollBar(), self.horizontalScrollBar()
        v_bar.setRange(0, max(0, self.layout_.content_height - viewport.height()))
        v_bar.setPageStep(viewport.height())
        v_bar.setSingleStep(40)
        h_bar.setRange(0, max(0, self.layout_.content_width - viewport.width()))
        h_bar.setPageStep(viewport.width())
        h_bar.setSingleStep(40)

    # ------------------------------------------------------------------ rendering
    def device_pixel_ratio(self) -> float:
        return self.viewport().devicePixelRatioF()

    def render_zoom(self) -> float:
        """MuPDF zoom for the current view zoom on this screen (1.0 = 72 dpi)."""
        return round(self.layout_.scale * self.device_pixel_ratio(), 4)

    def _schedule(self) -> None:
        if not self._schedule_timer.isActive():
            self._schedule_timer.start()

    def visible_pages(self) -> range:
        top = self.verticalScrollBar().value()
        return self.layout_.visible(top, top + self.viewport().height())

    def _page_keys(self, page: int, top: float, bottom: float) -> list[RenderKey]:
        """The renders covering ``page`` between content ``top`` and ``bottom`` (whole page or bands)."""
        y, scale = self.layout_.tops[page], self.layout_.scale
        return keys_for_page("view", page, self.layout_.sizes[page], self.render_zoom(),
                             ((top - y) / scale, (bottom - y) / scale))

    def missing_renders(self) -> list[RenderKey]:
        """Renders the visible pages still wait for (empty once the screen is fully painted)."""
        top = self.verticalScrollBar().value()
        bottom = top + self.viewport().height()
        return [key for page in self.visible_pages() for key in self._page_keys(page, top, bottom)
                if key not in self.cache]

    def _request_visible(self) -> None:
        if self.document is None:
            return
        visible = list(self.visible_pages())
        if not visible:
            return
        height = self.viewport().height()
        top = self.verticalScrollBar().value()
        self.cache.protected = {key for page in visible for key in self._page_keys(page, top, top + height)}
        keys = self.missing_renders()
        for page in (visible[-1] + 1, visible[-1] + 2):  # prefetch what scrolling down shows next …
            if page < len(self.layout_):
                keys += self._page_keys(page, self.layout_.tops[page], self.layout_.tops[page] + height)
        if visible[0] > 0:  # … and the page above
            page = visible[0] - 1
            bottom = self.layout_.tops[page] + self.layout_.heights[page]
            keys += self._page_keys(page, bottom - height, bottom)
        self.worker.want("view", [key for key in keys if key not in self.cache])
        if self._first_painted:  # the first paint never waits for text extraction (nor its imports)
            self.worker.want_text([page for page in visible if not self.selection.has_text(page)])

    def _on_text_ready(self, generation: int, text_map: Any) -> None:
        if generation == self._generation and self.selection.compilation is None:
            self.selection.add_map(text_map)

    def text_ready(self, page: int) -> bool:
        """Whether text on ``page`` can be selected yet (its text extracted, or the analysis done)."""
        return self.selection.has_text(page)

    def _on_rendered(self, result: RenderResult) -> None:
        if result.generation != self._generation or result.key.channel != "view":
            return
        if result.image is not None:  # drawn 1:1 on device pixels: crisp on HiDPI
            result.image.setDevicePixelRatio(self.device_pixel_ratio())
        self.cache.put(result)
        if result.key.page in self.visible_pages():
            self.viewport().update()

    # ------------------------------------------------------------------ overlays and selection
    def set_overlay(self, layer: str, rects_by_page: dict[int, list[tuple[Rect, QColor]]]) -> None:
        translucent = {}
        for page, items in rects_by_page.items():
            translucent[page] = [(rect, _translucent(color)) for rect, color in items]
        self._overlays.pop(layer, None)
        self._overlays[layer] = translucent
        if layer != SELECTION_LAYER and SELECTION_LAYER in self._overlays:  # selection stays on top
            self._overlays[SELECTION_LAYER] = self._overlays.pop(SELECTION_LAYER)
        self.viewport().update()

    def set_markers(self, markers: dict[int, list[tuple[float, float, QColor]]]) -> None:
        """Small note markers drawn on the pages, each centred at (x, y) in PDF points."""
        self.markers = markers
        self.viewport().update()

    def clear_overlay(self, layer: str) -> None:
        if self._overlays.pop(layer, None) is not None:
            self.viewport().update()

    def selection_span(self) -> tuple[int, int] | None:
        return self.selection.span()

    def selected_text(self) -> str:
        return self.selection.text()

    def select_span(self, start: int, end: int) -> None:
        self.selection.select_span(start, end)
        self._selection_updated()

    def clear_selection(self) -> None:
        if not self.selection.is_empty():
            self.selection.clear()
            self._selection_updated()

    def copy_selection(self) -> bool:
        text = self.selected_text()
        if text:
            QGuiApplication.clipboard().setText(text)
        return bool(text)

    def _selection_updated(self) -> None:
        color = QColor(self.palette().highlight().color())
        color.setAlpha(90)
        self.set_overlay(SELECTION_LAYER, {p: [(r, color) for r in rects] for p, rects in self.selection.rects().items()})
        self.selectionChanged.emit()

    def point_to_page(self, point: QPoint | QPointF) -> tuple[int, float, float] | None:
        """Viewport point → ``(page, x, y)`` in PDF points, or None in the gaps or without a document."""
        if self.document is None or not len(self.layout_):
            return None
        cx, cy = point.x() + self.horizontalScrollBar().value(), point.y() + self.verticalScrollBar().value()
        page = self.layout_.page_at(cy)
        x, y, w, h = self.layout_.page_rect(page, self.viewport().width())
        scale = self.layout_.scale
        return page, (cx - x) / scale, min(max(cy - y, -PAGE_GAP), h + PAGE_GAP) / scale

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        if self.fit_mode:
            self._apply_fit()
        self._relayout()
        self._on_scrolled()


def _translucent(color: QColor) -> QColor:
    if color.alpha() == 255:
        color = QColor(color)
        color.setAlpha(80)
    return color
