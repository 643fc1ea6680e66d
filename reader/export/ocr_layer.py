"""An invisible text layer from our OCR, for the annotated copy of a scanned compilation.

Other viewers (Acrobat, WPS, a browser) know nothing of the library's OCR cache: without a text
layer the copy's scanned pages cannot be searched, selected or copied there. Each recognised
character is written where the engine saw it, in render mode 3 (neither filled nor stroked, the
way scanners' "searchable PDF" layers are made), with a CJK font that PyMuPDF ships, so nothing
needs installing and nothing covers the picture. The font is subset to the characters used
when the copy is saved, which keeps it small.
"""

from __future__ import annotations

import math
from pathlib import Path

import pymupdf

from reader.ocr.store import OcrPage, OcrStore, ocr_root_for

FONT_NAME = "china-s"  # PyMuPDF's built-in Simplified Chinese font (Droid Sans Fallback)
INVISIBLE = 3  # PDF text render mode: neither fill nor stroke
_DESCENT = 0.12  # of the em: where the baseline sits above the bottom of a character box


def cached_ocr_pages(structure_cache_dir: Path, content_hash: str) -> dict[int, OcrPage]:
    """The OCR results the library holds for a file, page → result (newest engine per page)."""
    store = OcrStore(ocr_root_for(Path(structure_cache_dir)))
    out = {}
    for page in sorted(store.pages(content_hash)):
        result = store.load(content_hash, page)
        if result is not None and result.lines:
            out[page] = result
    return out


def add_text_layer(page: pymupdf.Page, result: OcrPage, font: pymupdf.Font) -> int:
    """Write ``result``'s characters invisibly on ``page``, each on its box; returns characters written.

    Boxes are in the page's unrotated coordinates, as the OCR stored them. A scanned sheet is
    rarely fed in straight, so each line is written along its own slope (the fitted line through
    its characters' centres), turned with it: a viewer then reads one line per printed line and
    its selection follows the print. Each character gets the size that makes it reach the next
    character (within its box's height), so the line reads without made-up spaces.
    """
    written = 0
    for line in result.lines:
        boxes = [(c, r) for c, r in zip(line.chars, line.rects) if c.strip() and r[3] - r[1] > 0.5 and r[2] > r[0]]
        if not boxes:
            continue
        angle = line_slope_degrees([r for _, r in boxes])
        writer = pymupdf.TextWriter(page.rect)
        pivot, placed = _along_line([r for _, r in boxes], angle)
        for number, ((char, _), (left, baseline, width, height)) in enumerate(zip(boxes, placed)):
            # Sized so the glyph ends where the next one starts: a viewer then reads the line without
            # spaces a gap would make it insert ("2 0 2 4"), and within its height.
            by_height = height / (1 + _DESCENT)
            reach = (placed[number + 1][0] if number + 1 < len(placed) else left + width) - left
            advance = font.text_length(char, fontsize=1) if font.has_glyph(ord(char)) else 0
            size = min(max(reach / advance, 0.6 * by_height), 1.3 * by_height) if advance > 0 else by_height
            writer.append((left, baseline - by_height * _DESCENT), char, font=font, fontsize=size)
            written += 1
        # TextWriter turns text in PDF space (y up): a clockwise slope on the page is a negative angle there.
        morph = (pivot, pymupdf.Matrix(-angle)) if angle else None
        writer.write_text(page, render_mode=INVISIBLE, morph=morph)
    return written


def line_slope_degrees(rects: list[tuple[float, float, float, float]]) -> float:
    """The slope of a line of characters, in degrees clockwise (PDF page space, y down): the least-
    squares line through the boxes' centres. 0 for fewer than three characters or a short line,
    where a box's jitter would outweigh any skew; skews beyond 10° are no scanner's and are ignored."""
    if len(rects) < 3:
        return 0.0
    xs = [(r[0] + r[2]) / 2 for r in rects]
    ys = [(r[1] + r[3]) / 2 for r in rects]
    mean_x, mean_y = sum(xs) / len(xs), sum(ys) / len(ys)
    spread = sum((x - mean_x) ** 2 for x in xs)
    height = sorted(r[3] - r[1] for r in rects)[len(rects) // 2]
    if spread <= 0 or max(xs) - min(xs) < 3 * height:
        return 0.0
    slope = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys)) / spread
    degrees = math.degrees(math.atan(slope))
    return degrees if 0.05 <= abs(degrees) <= 10 else 0.0


def _along_line(rects: list[tuple[float, float, float, float]], angle: float
                ) -> tuple[pymupdf.Point, list[tuple[float, float, float, float]]]:
    """The line's pivot (its first box's centre) and, per box, (left, bottom, width, height) in the
    line's own upright frame: the page turned back by ``angle`` about the pivot. Writing there and
    turning the text by ``angle`` about the pivot puts each character on its box."""
    first = rects[0]
    pivot = pymupdf.Point((first[0] + first[2]) / 2, (first[1] + first[3]) / 2)
    cos, sin = math.cos(math.radians(angle)), math.sin(math.radians(angle))
    placed = []
    for x0, y0, x1, y1 in rects:
        dx, dy = (x0 + x1) / 2 - pivot.x, (y0 + y1) / 2 - pivot.y
        u, v = dx * cos + dy * sin, -dx * sin + dy * cos
        # An upright box around a turned character is taller and wider by the turn; undo that.
        width = max((x1 - x0) - (y1 - y0) * abs(sin), (x1 - x0) / 2)
        height = max((y1 - y0) - (x1 - x0) * abs(sin), (y1 - y0) / 2)
        placed.append((pivot.x + u - width / 2, pivot.y + v + height / 2, width, height))
    return pivot, placed


def layer_font() -> pymupdf.Font:
    return pymupdf.Font(FONT_NAME)
