"""The Compilation: clean text of a whole PDF mapped character by character to the page.

One mapping serves search hits, highlights, selection, clause tagging and export, so it is
kept compact (flat arrays) and quick to load from the cache.
"""

from __future__ import annotations

import bisect
from array import array
from dataclasses import dataclass, field
from typing import Iterator, Sequence

from reader.structure.model import Clause, DocumentInfo

Rect = tuple[float, float, float, float]


class RectArray(Sequence[Rect]):
    """``(x0, y0, x1, y1)`` per character, stored flat in an ``array('f')``."""

    __slots__ = ("_flat",)

    def __init__(self, flat: array) -> None:
        self._flat = flat

    def __len__(self) -> int:
        return len(self._flat) // 4

    def __getitem__(self, index):  # type: ignore[override]
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        f = self._flat
        j = 4 * index
        return (f[j], f[j + 1], f[j + 2], f[j + 3])

    def __iter__(self) -> Iterator[Rect]:
        f = self._flat
        for j in range(0, len(f), 4):
            yield (f[j], f[j + 1], f[j + 2], f[j + 3])

    @property
    def flat(self) -> array:
        return self._flat


@dataclass
class Compilation:
    """Clean text with positions, plus the documents and clauses found in it."""

    content_hash: str
    page_count: int
    page_labels: list[str]
    has_text_layer: bool
    text: str
    char_pages: array  # array('I'): page index of text[i]
    char_rects: RectArray
    page_starts: list[int]
    documents: list[DocumentInfo] = field(default_factory=list)
    furniture_lines: int = 0
    page_sizes: list[tuple[float, float]] = field(default_factory=list)

    # ------------------------------------------------------------------ text
    def page_text(self, page: int) -> str:
        return self.text[self.page_starts[page]:self.page_starts[page + 1]]

    def page_of_offset(self, offset: int) -> int:
        if not self.text:
            return 0
        offset = max(0, min(offset, len(self.text) - 1))
        return self.char_pages[offset]

    # ------------------------------------------------------------- geometry
    def span_rects(self, start: int, end: int) -> dict[int, list[Rect]]:
        """Rectangles covering ``text[start:end]``, merged per line, keyed by page."""
        start = max(0, start)
        end = min(end, len(self.text))
        out: dict[int, list[Rect]] = {}
        flat = self.char_rects.flat
        pages = self.char_pages
        current: list[float] | None = None
        current_page = -1
        for i in range(start, end):
            j = 4 * i
            x0, y0, x1, y1 = flat[j], flat[j + 1], flat[j + 2], flat[j + 3]
            if x1 <= x0 or y1 <= y0:
                continue  # inserted separator
            page = pages[i]
            if current is not None and page == current_page:
                height = current[3] - current[1]
                same_row = abs(y0 - current[1]) < 0.5 * height and abs(y1 - current[3]) < 0.5 * height
                if same_row and x0 >= current[0] - 1 and x0 - current[2] < 2 * height:
                    current[2] = max(current[2], x1)
                    current[1] = min(current[1], y0)
                    current[3] = max(current[3], y1)
                    continue
            if current is not None:
                out.setdefault(current_page, []).append(tuple(current))  # type: ignore[arg-type]
            current = [x0, y0, x1, y1]
            current_page = page
        if current is not None:
            out.setdefault(current_page, []).append(tuple(current))  # type: ignore[arg-type]
        return out

    def offset_at(self, page: int, x: float, y: float) -> int | None:
        """Offset of the character nearest to ``(x, y)`` on ``page`` (for selection); None if the page has no text."""
        if not 0 <= page < self.page_count:
            return None
        lo, hi = self.page_starts[page], self.page_starts[page + 1]
        flat = self.char_rects.flat
        best, best_cost = None, float("inf")
        for i in range(lo, hi):
            j = 4 * i
            x0, y0, x1, y1 = flat[j], flat[j + 1], flat[j + 2], flat[j + 3]
            if x1 <= x0:
                continue
            dy = 0.0 if y0 <= y <= y1 else min(abs(y - y0), abs(y - y1))
            dx = 0.0 if x0 <= x <= x1 else min(abs(x - x0), abs(x - x1))
            cost = dy * 4 + dx  # the row matters more than the column
            if cost < best_cost:
                best, best_cost = i, cost
                if cost == 0:
                    break
        return best

    # ------------------------------------------------------------ structure
    def document_at(self, offset: int) -> DocumentInfo | None:
        starts = [d.start_offset for d in self.documents]
        k = bisect.bisect_right(starts, offset) - 1
        if k >= 0 and offset < self.documents[k].end_offset:
            return self.documents[k]
        return None

    def document_for_page(self, page: int) -> DocumentInfo | None:
        """The document that is being read on ``page`` (the last one starting on or before it)."""
        found = None
        for doc in self.documents:
            if doc.start_page <= page <= doc.end_page:
                found = doc
        return found

    def clause_path_at(self, offset: int) -> list[Clause]:
        doc = self.document_at(offset)
        path: list[Clause] = []
        level = doc.clauses if doc else []
        while level:
            for clause in level:
                if clause.start_offset <= offset < clause.end_offset:
                    path.append(clause)
                    level = clause.children
                    break
            else:
                break
        return path

    def iter_clauses(self) -> Iterator[tuple[DocumentInfo, Clause]]:
        """Every clause of every document, depth first."""
        def walk(doc: DocumentInfo, clauses: list[Clause]) -> Iterator[tuple[DocumentInfo, Clause]]:
            for clause in clauses:
                yield doc, clause
                yield from walk(doc, clause.children)
        for doc in self.documents:
            yield from walk(doc, doc.clauses)
