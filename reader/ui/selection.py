"""Mouse text selection over clean text (Compilation) or, until that exists, per-page raw text.

Positions are clean-text offsets when a Compilation is available, so the selection is the same
span that search, annotations and export use; otherwise they are ``(page, index)`` pairs into
:class:`PageTextMap`, extracted by the render worker and handed in with :meth:`add_map` — the GUI
thread never calls into MuPDF for a selection. Qt-free: the view feeds it points in PDF coordinates.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reader.document import Document
from reader.ui.page_text import PageTextMap, join_separator

if TYPE_CHECKING:
    from reader.structure import Compilation

Rect = tuple[float, float, float, float]
_FALLBACK_CACHE_PAGES = 32


class TextSelection:
    def __init__(self) -> None:
        self.document: Document | None = None
        self.compilation: Compilation | None = None
        self._maps: dict[int, PageTextMap] = {}
        self._anchor: Any = None
        self._caret: Any = None

    def reset(self, document: Document | None, compilation: Compilation | None = None) -> None:
        self.document, self.compilation = document, compilation
        self._maps.clear()
        self.clear()

    def clear(self) -> None:
        self._anchor = self._caret = None

    # -------------------------------------------------------------- positions
    def _position(self, page: int, x: float, y: float) -> Any:
        if self.compilation is not None:
            return self.compilation.offset_at(page, x, y)
        if self.document is None:
            return None
        index = self._map(page).offset_at(x, y)
        return None if index is None else (page, index)

    def add_map(self, text_map: PageTextMap) -> None:
        """A page's text, extracted off the GUI thread (the render worker) while there is no Compilation."""
        self._maps.pop(text_map.page, None)
        self._maps[text_map.page] = text_map
        while len(self._maps) > _FALLBACK_CACHE_PAGES:
            self._maps.pop(next(iter(self._maps)))

    def has_text(self, page: int) -> bool:
        """Whether a point on ``page`` can be selected now (never extracts on the calling thread)."""
        return self.compilation is not None or page in self._maps

    def _map(self, page: int) -> PageTextMap:
        """The page's text map; an empty one until the worker has extracted it (nothing selectable yet)."""
        return self._maps.get(page) or PageTextMap(page)

    def begin(self, page: int, x: float, y: float) -> None:
        self._anchor = self._caret = self._position(page, x, y)

    def extend(self, page: int, x: float, y: float) -> bool:
        """Move the free end; returns whether the selection changed."""
        if self._anchor is None:
            self.begin(page, x, y)
            return self._anchor is not None
        position = self._position(page, x, y)
        if position is None or position == self._caret:
            return False
        self._caret = position
        return True

    def select_word(self, page: int, x: float, y: float) -> bool:
        """Select the run of letters/digits/CJK characters under the point (up to punctuation or space).

        For Chinese that is the phrase between two punctuation marks: the unit analysts usually quote.
        """
        position = self._position(page, x, y)
        if position is None:
            return False
        if isinstance(position, int):
            text, index = self.compilation.text, position
        else:
            text, index = self._map(page).text, position[1]
        if not text[index:index + 1].isalnum():
            return False
        start, end = index, index + 1
        while start > 0 and text[start - 1].isalnum():
            start -= 1
        while end < len(text) and text[end].isalnum():
            end += 1
        if isinstance(position, int):
            self._anchor, self._caret = start, end - 1
        else:
            self._anchor, self._caret = (page, start), (page, end - 1)
        return True

    def select_span(self, start: int, end: int) -> None:
        """Select clean-text ``[start, end)`` programmatically (needs a Compilation)."""
        self._anchor, self._caret = start, max(start, end - 1)

    # -------------------------------------------------------------- results
    def _ordered(self) -> tuple[Any, Any] | None:
        if self._anchor is None or self._caret is None:
            return None
        if type(self._anchor) is not type(self._caret):  # the compilation arrived mid-drag
            return None
        return min(self._anchor, self._caret), max(self._anchor, self._caret)

    def span(self) -> tuple[int, int] | None:
        """Clean-text offsets ``(start, end)``; None without a Compilation or selection."""
        ordered = self._ordered()
        if ordered is None or not isinstance(ordered[0], int):
            return None
        return ordered[0], ordered[1] + 1

    def is_empty(self) -> bool:
        return self._ordered() is None

    def rects(self) -> dict[int, list[Rect]]:
        ordered = self._ordered()
        if ordered is None:
            return {}
        start, end = ordered
        if isinstance(start, int):
            return {page: list(rects) for page, rects in self.compilation.span_rects(start, end + 1).items()}
        out: dict[int, list[Rect]] = {}
        for page, first, last in self._page_ranges(start, end):
            out[page] = self._map(page).span_rects(first, last)
        return out

    def text(self) -> str:
        ordered = self._ordered()
        if ordered is None:
            return ""
        start, end = ordered
        if isinstance(start, int):
            return self.compilation.text[start:end + 1]
        pieces: list[str] = []
        for page, first, last in self._page_ranges(start, end):
            piece = self._map(page).text[first:last]
            if pieces and piece:
                pieces.append(join_separator(pieces[-1][-1:], piece[:1]))
            pieces.append(piece)
        return "".join(pieces).strip()

    def _page_ranges(self, start: tuple[int, int], end: tuple[int, int]):
        for page in range(start[0], end[0] + 1):
            length = len(self._map(page).text)
            first = start[1] if page == start[0] else 0
            last = end[1] + 1 if page == end[0] else length
            yield page, first, last
