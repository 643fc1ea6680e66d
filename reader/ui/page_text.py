"""Characters of one page with their boxes: the selection fallback before the structure is ready.

Once ``reader.structure`` has produced a Compilation, selection uses its clean text. Until then
(or for documents it cannot analyse) this gives the same services for a single page. The rows
come from the one text-source door (``reader.textsource``) and are joined by the structure's own
paragraph and line-join rules, run over this page alone, so a copy made before the analysis
finishes is the text the analysis gives (less what it later recognises as running headers).
Qt-free on purpose.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reader.document import MUPDF_LOCK, Document
from reader.textsource import join_separator, page_lines_for

Rect = tuple[float, float, float, float]

__all__ = ["PageTextMap", "join_separator"]


@dataclass
class PageTextMap:
    """Text of one page; ``rects[i]`` and ``lines[i]`` say where ``text[i]`` sits (separators: zero-size)."""

    page: int
    text: str = ""
    rects: list[Rect] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)

    @classmethod
    def build(cls, document: Document, page: int) -> "PageTextMap":
        # The structure's rules, imported on first use so the first paint never waits for them.
        from reader.structure.builder import build_clean_text
        from reader.structure.paragraphs import body_size_of, layouts

        if document.page_refusal(page):  # a hostile page (see reader.guard): nothing to select, nothing extracted
            return cls(page)
        with MUPDF_LOCK:
            rows, _source = page_lines_for(document.pdf, page, None, None)
            width = document.pdf.load_page(page).rect.width
        for row in rows:
            row.page = 0  # the builder numbers pages of the list it is given
        out = cls(page)
        if not rows:
            return out
        clean = build_clean_text([rows], layouts([rows], [width], body_size_of([rows])), [width])
        flat = clean.rects
        out.text = clean.text
        out.rects = [tuple(flat[4 * i:4 * i + 4]) for i in range(len(clean.text))]  # type: ignore[misc]
        line_of = [0] * len(clean.text)
        previous_end = 0
        for placed in clean.lines:
            for i in range(previous_end, placed.start):  # the separator before this line
                line_of[i] = max(0, placed.index - 1)
            for i in range(placed.start, placed.end):
                line_of[i] = placed.index
            previous_end = placed.end
        out.lines = line_of
        return out

    def offset_at(self, x: float, y: float) -> int | None:
        """Index of the character nearest to the point (same line first, then nearest along it)."""
        if not self.text:
            return None
        best_line, best_dy = None, None
        for index, (x0, y0, x1, y1) in enumerate(self.rects):
            if x0 == x1:
                continue
            dy = 0.0 if y0 <= y <= y1 else min(abs(y - y0), abs(y - y1))
            if best_dy is None or dy < best_dy:
                best_line, best_dy = self.lines[index], dy
        best, best_dx = None, None
        for index, (x0, y0, x1, y1) in enumerate(self.rects):
            if self.lines[index] != best_line or x0 == x1:
                continue
            dx = 0.0 if x0 <= x <= x1 else min(abs(x - x0), abs(x - x1))
            if best_dx is None or dx < best_dx:
                best, best_dx = index, dx
        return best

    def span_rects(self, start: int, end: int) -> list[Rect]:
        """Rectangles covering ``text[start:end]``, one per line."""
        merged: dict[int, list[float]] = {}
        for index in range(max(0, start), min(end, len(self.text))):
            x0, y0, x1, y1 = self.rects[index]
            if x0 == x1:
                continue
            box = merged.setdefault(self.lines[index], [x0, y0, x1, y1])
            box[0], box[1], box[2], box[3] = min(box[0], x0), min(box[1], y0), max(box[2], x1), max(box[3], y1)
        return [tuple(box) for box in merged.values()]  # type: ignore[misc]
