"""Characters of one page with their boxes: the selection fallback before the structure is ready.

Once ``reader.structure`` has produced a Compilation, selection uses its clean text. Until then
(or for documents it cannot analyse) this gives the same services for a single page, built from
pymupdf's ``rawdict``: lines of a block are joined with no separator between CJK characters and
one space between Latin words, blocks are separated by a newline. Qt-free on purpose.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from reader.document import MUPDF_LOCK, Document

Rect = tuple[float, float, float, float]


def _is_wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in ("W", "F")


def join_separator(before: str, after: str) -> str:
    """What goes between two lines of a paragraph: nothing around CJK, a space between Latin words."""
    if not before or not after:
        return ""
    if _is_wide(before) or _is_wide(after) or before.isspace() or after.isspace() or before == "-":
        return ""
    return " "


@dataclass
class PageTextMap:
    """Text of one page; ``rects[i]`` and ``lines[i]`` say where ``text[i]`` sits (separators: zero-size)."""

    page: int
    text: str = ""
    rects: list[Rect] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)

    @classmethod
    def build(cls, document: Document, page: int) -> "PageTextMap":
        with MUPDF_LOCK:
            raw = document.pdf[page].get_text("rawdict")
        out = cls(page)
        chars: list[str] = []
        line_id = 0
        for block in raw.get("blocks", []):
            if block.get("type") != 0:
                continue
            first_line_of_block = True
            for line in block.get("lines", []):
                line_chars = [(c["c"], tuple(c["bbox"])) for span in line["spans"] for c in span["chars"]]
                while line_chars and line_chars[-1][0].isspace():
                    line_chars.pop()
                if not line_chars:
                    continue
                if chars:
                    separator = "\n" if first_line_of_block else join_separator(chars[-1], line_chars[0][0])
                    if separator:
                        _, y0, x1, y1 = out.rects[-1]
                        chars.append(separator)
                        out.rects.append((x1, y0, x1, y1))
                        out.lines.append(line_id - 1)
                for char, rect in line_chars:
                    chars.append(char)
                    out.rects.append(rect)
                    out.lines.append(line_id)
                line_id += 1
                first_line_of_block = False
        out.text = "".join(chars)
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
