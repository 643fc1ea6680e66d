"""Text source 1: the PDF's own text layer, read from PyMuPDF ``rawdict``.

Also judges whether that layer is worth reading (:func:`layer_state`): a scanned page has no
layer, or one a scanner's OCR wrote invisibly over the page image, or one whose characters are
mostly unmappable glyphs; such pages are better read by our OCR (reader/textsource/ocr.py).
"""

from __future__ import annotations

import unicodedata

import pymupdf

from reader.textclean import REPLACEMENT, clean_char
from reader.textsource.model import Line, Piece, Rect
from reader.textsource.rows import rows_from_pieces

_FLAGS = pymupdf.TEXT_PRESERVE_WHITESPACE | pymupdf.TEXT_PRESERVE_LIGATURES | pymupdf.TEXT_MEDIABOX_CLIP

# What a page's text layer is, for choosing a source.
GOOD = "text"            # a typeset text layer: read it
EMPTY = "none"           # no text at all (an image-only scan, or a blank page)
SCANNER = "scanner-ocr"  # invisible text over a page-sized image: a scanner's OCR
GARBAGE = "garbage"      # mostly characters that map to nothing readable
MARGINS = "margins-only"  # a page-sized picture with text only in the margins: a scan bound into a
                          # compilation, its running header and page number stamped on top

_MARGIN_BAND = 0.13  # share of the page height at the top and the bottom where furniture stands
_MARGIN_MAX_CHARS = 80  # a header and a page number, not a page of text


def _unified(c: str) -> str:
    """Kangxi radicals (⼯ U+2F2F) and CJK compatibility ideographs (料 U+F9BE) that some fonts'
    ToUnicode maps give back for ordinary characters become the characters readers type (工, 料),
    one for one, so search, quotes and copies match what the user sees."""
    folded = unicodedata.normalize("NFKC", c)
    return folded if len(folded) == 1 else c


def _append(chars: list[str], rects: list[Rect], sizes: list[float], bolds: list[bool], text: str,
            rect: Rect, size: float, bold: bool) -> None:
    """Add one cleaned glyph: a ligature's letters share its box in equal slices, and a run of
    unreadable glyphs (U+FFFD) stays one mark whose box grows over the whole run."""
    if text == REPLACEMENT and chars and chars[-1] == REPLACEMENT:
        last = rects[-1]
        rects[-1] = (min(last[0], rect[0]), min(last[1], rect[1]), max(last[2], rect[2]), max(last[3], rect[3]))
        return
    x0, y0, x1, y1 = rect
    step = (x1 - x0) / len(text)
    for index, letter in enumerate(text):
        chars.append(letter)
        rects.append((x0 + index * step, y0, x0 + (index + 1) * step, y1))
        sizes.append(size)
        bolds.append(bold)


def pieces_of(page: pymupdf.Page) -> list[Piece]:
    raw = page.get_text("rawdict", flags=_FLAGS)
    pieces: list[Piece] = []
    for number, block in enumerate(raw.get("blocks", ())):
        if block.get("type") != 0:
            continue
        for line in block.get("lines", ()):
            direction = line.get("dir", (1.0, 0.0))
            if abs(direction[1]) > 0.1 or direction[0] < 0:
                continue  # rotated stamps and vertical text are not body text
            chars: list[str] = []
            rects: list[Rect] = []
            sizes: list[float] = []
            bolds: list[bool] = []
            for span in line.get("spans", ()):
                size = float(span.get("size", 0.0))
                bold = bool(span.get("flags", 0) & 16)
                for ch in span.get("chars", ()):
                    c = ch["c"]
                    if c in "\r\n":
                        continue
                    if c == "\t" or c == "\u3000" or c == "\xa0":
                        c = " " if c != "\u3000" else c
                    elif "\u2e80" <= c <= "\u2fdf" or "\uf900" <= c <= "\ufaff":
                        c = _unified(c)
                    elif c in "\u2010\u2011":
                        c = "-"  # fonts map the hyphen glyph back to HYPHEN / NON-BREAKING HYPHEN: read "-"
                    else:
                        c = clean_char(c)  # surrogates, controls, private use, ligatures (reader.textclean)
                        if not c or c in "\r\n":
                            continue  # dropped together with its box
                    _append(chars, rects, sizes, bolds, c, tuple(ch["bbox"]), size, bold)
            if not any(c.strip() for c in chars):
                continue
            y0, y1 = line["bbox"][1], line["bbox"][3]
            pieces.append(Piece(chars, rects, sizes, bolds, y0, y1, line["bbox"][0], block=number))
    return pieces


def page_lines(page: pymupdf.Page, page_index: int, pieces: list[Piece] | None = None) -> list[Line]:
    """Visual rows of one page from its text layer, top to bottom."""
    return rows_from_pieces(pieces_of(page) if pieces is None else pieces, page_index)


def _unreadable(c: str) -> bool:
    category = unicodedata.category(c)
    return c == "\ufffd" or category in ("Co", "Cn", "Cc", "Cs")


def layer_state(page: pymupdf.Page, pieces: list[Piece] | None = None) -> str:
    """What the page's text layer is worth (GOOD, EMPTY, SCANNER, GARBAGE or MARGINS).

    A page-sized image under text that is never painted (render mode 3) is how scanners and
    OCR tools make a "searchable PDF"; typeset documents paint their text. More than a third
    of unreadable characters (U+FFFD, private use, unassigned) means the fonts carry no usable
    ToUnicode map. A page-sized picture whose only text stands in the top and bottom margins is a
    scanned page that a compilation stamped its header and page number on: its text is the
    picture's. ``pieces`` (from :func:`pieces_of`) saves reading the text twice.
    """
    if pieces is None:
        pieces = pieces_of(page)
    visible = [c for piece in pieces for c in piece.chars if not c.isspace()]
    if not visible:
        return EMPTY
    if sum(1 for c in visible if _unreadable(c)) > len(visible) / 3:
        return GARBAGE
    if not page.get_images():  # cheap: the page's resources; most typeset pages stop here
        return GOOD
    area = abs(page.rect)
    page_sized = any(area and abs(pymupdf.Rect(info["bbox"]) & page.rect) >= 0.8 * area
                     for info in page.get_image_info())
    if page_sized:  # only then is the (slower) text trace worth reading
        traces = page.get_texttrace()
        if traces and all(span.get("type") == 3 or span.get("opacity", 1.0) == 0 for span in traces):
            return SCANNER
        height = page.rect.height
        if len(visible) <= _MARGIN_MAX_CHARS and all(
                piece.y1 <= page.rect.y0 + _MARGIN_BAND * height or piece.y0 >= page.rect.y1 - _MARGIN_BAND * height
                for piece in pieces if any(not c.isspace() for c in piece.chars)):
            return MARGINS
    return GOOD
