"""Off-GUI-thread page rendering with a bounded image cache.

The view tells the worker which pages it wants *now* (visible pages first); a newer wish list
replaces the older one, so pages the user has scrolled past are never rendered. Results come back
to the GUI thread through a queued signal and land in an LRU cache bounded by bytes.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass

from PySide6.QtCore import QObject, QThread, Signal
from PySide6.QtGui import QImage

from reader.document import MUPDF_ERRORS, Document, RenderCancelled, RenderedImage
from reader.errors import ReaderError


Clip = tuple[float, float, float, float]
BAND_LIMIT_BYTES = 16 * 1024 * 1024  # a bigger page image is rendered in horizontal bands
BAND_ROWS = 1024  # device pixels per band


@dataclass(frozen=True)
class RenderKey:
    """What to render: a page (or a band of it, ``clip`` in points) at a pymupdf zoom (pixel ratio folded in)."""

    channel: str  # "view" or "thumbs": separate wish lists, the view always served first
    page: int
    zoom: float
    clip: Clip | None = None


def keys_for_page(channel: str, page: int, size: tuple[float, float], zoom: float,
                  visible: tuple[float, float]) -> list[RenderKey]:
    """The renders that cover the ``visible`` vertical span (points) of a page.

    The whole page when its image is small enough; at high zoom (a 400 % page on a HiDPI screen is
    ~170 MB) only the horizontal bands in view, so memory stays bounded at every zoom.
    """
    width, height = size
    if width * height * zoom * zoom * 3 <= BAND_LIMIT_BYTES:
        return [RenderKey(channel, page, zoom)]
    band = BAND_ROWS / zoom
    first = max(0, int(visible[0] // band))
    last = min(int(max(visible[1], visible[0]) // band), int((height - 1e-6) // band))
    return [RenderKey(channel, page, zoom, (0.0, round(i * band, 3), width, round(min(height, (i + 1) * band), 3)))
            for i in range(first, last + 1)]


@dataclass
class RenderResult:
    key: RenderKey
    generation: int
    image: QImage | None  # None when the page could not be rendered (damaged)
    error: str = ""
    pixels: RenderedImage | None = None  # owns the buffer ``image`` points into


def to_qimage(pixels: RenderedImage) -> QImage:
    """Wrap MuPDF's RGB buffer without copying it; the caller keeps ``pixels`` alive with the image."""
    return QImage(pixels.samples, pixels.width, pixels.height, pixels.stride, QImage.Format.Format_RGB888)


class ImageCache:
    """Least-recently-used rendered pages, bounded by total bytes rather than count (zoom changes sizes)."""

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self._items: OrderedDict[RenderKey, RenderResult] = OrderedDict()
        self.bytes = 0
        self.protected: set[RenderKey] = set()  # on screen now: never evicted for prefetched pages

    def get(self, key: RenderKey) -> RenderResult | None:
        item = self._items.get(key)
        if item is not None:
            self._items.move_to_end(key)
        return item

    def any_for(self, channel: str, page: int) -> RenderResult | None:
        """Some render of ``page`` at any zoom (the newest): shown scaled while the exact one renders."""
        for key in reversed(self._items):
            if key.page == page and key.channel == channel and key.clip is None:
                return self._items[key]
        return None

    def __contains__(self, key: RenderKey) -> bool:
        return key in self._items

    def put(self, result: RenderResult) -> None:
        if result.key in self._items:
            self.bytes -= _size(self._items.pop(result.key))
        self._items[result.key] = result
        self.bytes += _size(result)
        if self.bytes > self.max_bytes:
            for key in [k for k in self._items if k not in self.protected and k != result.key]:
                self.bytes -= _size(self._items.pop(key))
                if self.bytes <= self.max_bytes:
                    break

    def clear(self) -> None:
        self._items.clear()
        self.bytes = 0

    def __len__(self) -> int:
        return len(self._items)


def _size(result: RenderResult) -> int:
    return result.image.sizeInBytes() if result.image is not None else 64


class RenderWorker(QThread):
    """One thread rendering the newest wish list; MuPDF is serialised by MUPDF_LOCK anyway."""

    rendered = Signal(object)  # RenderResult
    textReady = Signal(int, object)  # generation, PageTextMap: a page's text for selection before the analysis

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cond = threading.Condition()
        self._wanted: dict[str, list[RenderKey]] = {"view": [], "thumbs": []}
        self._text_wanted: list[int] = []  # pages whose text the selection needs (served after the view)
        self._document: Document | None = None
        self._generation = 0
        self._stopping = False
        self._current: RenderKey | None = None
        self._current_wanted = True  # False once a newer wish list leaves the page being rendered out
        self._busy = threading.Lock()  # held while rendering, so a document swap waits for it

    # ------------------------------------------------------------ GUI thread
    def set_document(self, document: Document | None) -> int:
        """Switch documents; returns the new generation (results of older ones are stale).

        The generation changes first, so a heavy page of the old document stops at its next band;
        only then does the swap wait for the render in progress (the old document is closed next).
        """
        with self._cond:
            self._generation += 1
            self._document = None
            for wanted in self._wanted.values():
                wanted.clear()
            self._text_wanted.clear()
            generation = self._generation
        with self._busy, self._cond:
            if generation == self._generation:
                self._document = document
            return generation

    @property
    def generation(self) -> int:
        return self._generation

    def want(self, channel: str, keys: list[RenderKey]) -> None:
        """Replace ``channel``'s wish list (most wanted first); keys already rendering are not repeated."""
        with self._cond:
            if self._current is not None and self._current.channel == channel:
                self._current_wanted = self._current in keys
            self._wanted[channel] = [key for key in keys if key != self._current]
            self._cond.notify()

    def want_text(self, pages: list[int]) -> None:
        """Replace the list of pages whose text (a PageTextMap) to extract here, off the GUI thread."""
        with self._cond:
            self._text_wanted = list(pages)
            self._cond.notify()

    def stop(self) -> None:
        with self._cond:
            self._stopping = True
            self._cond.notify()
        if self.isRunning():
            self.wait()

    # ------------------------------------------------------------ worker thread
    def _next(self) -> tuple[RenderKey | int, Document, int] | None:
        """The next job: a view render, else a page's text, else a thumbnail."""
        with self._cond:
            while not self._stopping:
                if self._document is not None:
                    if self._wanted["view"]:
                        self._current = self._wanted["view"].pop(0)
                    elif self._text_wanted:
                        return self._text_wanted.pop(0), self._document, self._generation
                    elif self._wanted["thumbs"]:
                        self._current = self._wanted["thumbs"].pop(0)
                    if self._current is not None:
                        self._current_wanted = True
                        return self._current, self._document, self._generation
                self._cond.wait()
            return None

    def _extract_text(self, page: int, document: Document, generation: int) -> None:
        from reader.ui.page_text import PageTextMap  # the structure's rules load here, never on the GUI thread

        with self._busy:
            if generation != self._generation:
                return
            try:
                text_map = PageTextMap.build(document, page)
            except (ReaderError, *MUPDF_ERRORS):  # a damaged page has no text to select
                text_map = PageTextMap(page)
        if not self._stopping:
            self.textReady.emit(generation, text_map)

    def _unwanted(self, key: RenderKey, generation: int) -> bool:
        """The page being rendered was scrolled away from (not on the newest wish list) or its document closed."""
        with self._cond:
            return self._stopping or generation != self._generation or not self._current_wanted

    def run(self) -> None:
        while True:
            job = self._next()
            if job is None:
                return
            key, document, generation = job
            if isinstance(key, int):
                self._extract_text(key, document, generation)
                continue
            with self._busy:
                if generation != self._generation:
                    continue
                try:
                    pixels = document.render(key.page, key.zoom, key.clip, cancelled=lambda: self._unwanted(key, generation))
                    result = RenderResult(key, generation, to_qimage(pixels), pixels=pixels)
                except RenderCancelled:
                    with self._cond:
                        self._current = None
                    continue
                except ReaderError as exc:  # a damaged page: show it as such, keep the rest readable
                    result = RenderResult(key, generation, None, error=exc.message)
            if self._stopping:
                return  # the view is closing: nobody is left to receive the image
            self.rendered.emit(result)
            with self._cond:
                self._current = None
