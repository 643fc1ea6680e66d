"""Text source 2: OCR results of the page image (cached by ``reader.ocr``), as visual rows.

Each OCR text box becomes a piece with one box per character, and pieces are merged into rows
by the same rule as the text layer's; the font size is estimated from the character boxes
(OCR knows no fonts), rounded so that lines of one size agree.
"""

from __future__ import annotations

import re
from statistics import median

from reader.ocr.store import OcrPage
from reader.textsource.model import Line, Piece
from reader.textsource.rows import rows_from_pieces

# A glyph's ink box is a little smaller than its em square: Chinese glyphs fill ~92 % of it.
_INK_TO_EM = 1 / 0.92


# 文号 put the year in hexagonal brackets (GB/T 9704-2012 7.2.4: 〔2024〕15号), and recognisers
# trained on mixed text often read one of the pair as ] [ 】 【 ) ）. When one side reads 〔 or 〕,
# the other is made to match; a year printed in square brackets on both sides ([2018]) is left
# as printed. One character for one, so the boxes stay where they were.
_DOC_NUMBER_YEAR = re.compile(r"([〔\[【(（])((?:19|20)\d\d)([〕\]】)）])(?=\s*\d{1,4}\s*号)")


def _fix_doc_number_brackets(chars: list[str]) -> list[str]:
    text = "".join(chars)
    if "号" not in text:
        return chars
    out = list(chars)
    for match in _DOC_NUMBER_YEAR.finditer(text):
        if match.group(1) == "〔" or match.group(3) == "〕":
            out[match.start()] = "〔"
            out[match.end() - 1] = "〕"
    return out


def _height(rect) -> float:
    return rect[3] - rect[1]


def _snap(sizes: list[float]) -> list[float]:
    """Sizes that differ by less than 10 % from their neighbour in size order form one group,
    and every size becomes its group's median.

    Box heights of one font size wobble by a point or two (detection padding, skew, ascenders);
    the structure compares sizes to tell titles (公文: 2号, 22 pt) from body text (3号, 16 pt),
    which differ by far more, so the wobble is taken out before it sees them.
    """
    order = sorted(range(len(sizes)), key=lambda i: sizes[i])
    groups: list[list[int]] = []
    for i in order:
        if groups and sizes[i] - sizes[groups[-1][-1]] <= 0.10 * sizes[groups[-1][-1]]:
            groups[-1].append(i)
        else:
            groups.append([i])
    out = list(sizes)
    for group in groups:
        middle = median(sizes[i] for i in group)
        for i in group:
            out[i] = middle
    return out


def ocr_lines(result: OcrPage, page_index: int) -> list[Line]:
    """Rows of one page from its OCR result."""
    boxes = [box for box in result.lines if box.chars and any(c.strip() for c in box.chars)]
    sizes = []
    for box in boxes:
        heights = [_height(r) for c, r in zip(box.chars, box.rects) if c.strip() and not c.isascii()]
        heights = heights or [_height(r) for r in box.rects]
        sizes.append(round(median(heights) * _INK_TO_EM * 2) / 2)
    pieces: list[Piece] = []
    for box, size in zip(boxes, _snap(sizes)):
        rects = list(box.rects)
        y0 = min(r[1] for r in rects)
        y1 = max(r[3] for r in rects)
        chars = _fix_doc_number_brackets(list(box.chars)) if len("".join(box.chars)) == len(box.chars) else list(box.chars)
        pieces.append(Piece(chars, rects, [size] * len(rects), [False] * len(rects), y0, y1, rects[0][0]))
    return rows_from_pieces(pieces, page_index)
