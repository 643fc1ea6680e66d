"""An invisible text layer from our OCR, for the annotated copy of a scanned compilation.

Other viewers (Acrobat, WPS, a browser) know nothing of the library's OCR cache: without a text
layer the copy's scanned pages cannot be searched, selected or copied there. Each recognised
character is written where the engine saw it, in render mode 3 (neither filled nor stroked, the
way scanners' "searchable PDF" layers are made), with a CJK font that PyMuPDF ships, so nothing
needs installing and nothing covers the picture. The font is subset to the characters used
when the copy is saved, which keeps it small.
"""

from __future__ import annotations

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

    Boxes are in the page's unrotated coordinates, as the OCR stored them; each character gets the
    size that makes it reach the next character (within its box's height), so a viewer's selection
    covers the printed character and the line reads without made-up spaces.
    """
    writer = pymupdf.TextWriter(page.rect)
    written = 0
    for line in result.lines:
        boxes = [(c, r) for c, r in zip(line.chars, line.rects) if c.strip() and r[3] - r[1] > 0.5 and r[2] > r[0]]
        for number, (char, (x0, y0, x1, y1)) in enumerate(boxes):
            # Sized so the glyph ends where the next one starts: a viewer then reads the line without
            # spaces a gap would make it insert ("2 0 2 4"), and within its height.
            by_height = (y1 - y0) / (1 + _DESCENT)
            reach = (boxes[number + 1][1][0] if number + 1 < len(boxes) else x1) - x0
            advance = font.text_length(char, fontsize=1) if font.has_glyph(ord(char)) else 0
            size = min(max(reach / advance, 0.6 * by_height), 1.3 * by_height) if advance > 0 else by_height
            writer.append((x0, y1 - by_height * _DESCENT), char, font=font, fontsize=size)
            written += 1
    if written:
        writer.write_text(page, render_mode=INVISIBLE)
    return written


def layer_font() -> pymupdf.Font:
    return pymupdf.Font(FONT_NAME)
