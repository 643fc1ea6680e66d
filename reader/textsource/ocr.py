"""Text source 2: OCR results of the page image (cached by ``reader.ocr``), as visual rows.

Each OCR text box becomes a piece with one box per character, and pieces are merged into rows
by the same rule as the text layer's; the font size is estimated from the character boxes
(OCR knows no fonts), rounded so that lines of one size agree.
"""

from __future__ import annotations

from statistics import median

from reader.ocr.store import OcrPage
from reader.textsource.model import Line, Piece
from reader.textsource.rows import rows_from_pieces

# A glyph's ink box is a little smaller than its em square: Chinese glyphs fill ~92 % of it.
_INK_TO_EM = 1 / 0.92


def _size_of(heights: list[float]) -> float:
    return round(median(heights) * _INK_TO_EM * 2) / 2 if heights else 0.0


def ocr_lines(result: OcrPage, page_index: int) -> list[Line]:
    """Rows of one page from its OCR result."""
    pieces: list[Piece] = []
    for box in result.lines:
        if not box.chars or not any(c.strip() for c in box.chars):
            continue
        heights = [r[3] - r[1] for c, r in zip(box.chars, box.rects) if c.strip() and not c.isascii()]
        heights = heights or [r[3] - r[1] for r in box.rects]
        size = _size_of(heights)
        rects = list(box.rects)
        y0 = min(r[1] for r in rects)
        y1 = max(r[3] for r in rects)
        pieces.append(Piece(list(box.chars), rects, [size] * len(rects), [False] * len(rects), y0, y1, rects[0][0]))
    return rows_from_pieces(pieces, page_index)
