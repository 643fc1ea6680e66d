"""Visual text lines with per-character boxes, read from PyMuPDF ``rawdict``.

Everything downstream (furniture, paragraphs, documents, clauses) reasons about *visual
rows*: pieces of text that MuPDF reports as separate lines but that sit on the same
baseline (dot leaders in a 目录, table cells, a date split into spans) are merged, so the
structure code sees what a reader sees.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

import pymupdf

from reader.document import MUPDF_ERRORS, mupdf_detail
from reader.errors import CorruptPdfError
from reader.textclean import REPLACEMENT, clean_char
from reader.guard import page_cost

Rect = tuple[float, float, float, float]

_FLAGS = pymupdf.TEXT_PRESERVE_WHITESPACE | pymupdf.TEXT_PRESERVE_LIGATURES | pymupdf.TEXT_MEDIABOX_CLIP


@dataclass(slots=True)
class Line:
    """One visual row of text on a page; ``chars[i]`` sits in ``rects[i]``."""

    page: int
    chars: list[str]
    rects: list[Rect]
    size: float  # dominant font size
    bold: float  # share of characters set in a bold face (0…1)
    x0: float = 0.0
    y0: float = 0.0
    x1: float = 0.0
    y1: float = 0.0
    furniture: bool = False
    text: str = field(default="")

    def finish(self) -> "Line":
        """Trim edge spaces and compute the bounding box and text."""
        while self.chars and not self.chars[0].strip():
            self.chars.pop(0)
            self.rects.pop(0)
        while self.chars and not self.chars[-1].strip():
            self.chars.pop()
            self.rects.pop()
        if self.rects:
            self.x0 = min(r[0] for r in self.rects)
            self.y0 = min(r[1] for r in self.rects)
            self.x1 = max(r[2] for r in self.rects)
            self.y1 = max(r[3] for r in self.rects)
        self.text = "".join(self.chars)
        return self

    @property
    def height(self) -> float:
        return self.y1 - self.y0

    @property
    def center_x(self) -> float:
        return (self.x0 + self.x1) / 2


@dataclass(slots=True)
class _Piece:
    chars: list[str]
    rects: list[Rect]
    sizes: list[float]
    bolds: list[bool]
    y0: float
    y1: float
    x0: float


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


def _pieces(page: pymupdf.Page) -> list[_Piece]:
    raw = page.get_text("rawdict", flags=_FLAGS)
    pieces: list[_Piece] = []
    for block in raw.get("blocks", ()):
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
            pieces.append(_Piece(chars, rects, sizes, bolds, y0, y1, line["bbox"][0]))
    return pieces


def _dominant(values: list[float]) -> float:
    counts: dict[float, int] = {}
    for v in values:
        key = round(v, 1)
        counts[key] = counts.get(key, 0) + 1
    return max(counts.items(), key=lambda kv: (kv[1], kv[0]))[0] if counts else 0.0


def page_lines(page: pymupdf.Page, page_index: int) -> list[Line]:
    """Visual rows of one page, top to bottom, each row's pieces left to right."""
    pieces = sorted(_pieces(page), key=lambda p: ((p.y0 + p.y1) / 2, p.x0))
    rows: list[list[_Piece]] = []
    for piece in pieces:
        if rows:
            row = rows[-1]
            top = min(p.y0 for p in row)
            bottom = max(p.y1 for p in row)
            overlap = min(bottom, piece.y1) - max(top, piece.y0)
            smaller = min(bottom - top, piece.y1 - piece.y0) or 1.0
            if overlap >= 0.5 * smaller:
                row.append(piece)
                continue
        rows.append([piece])
    lines: list[Line] = []
    for row in rows:
        row.sort(key=lambda p: p.x0)
        chars: list[str] = []
        rects: list[Rect] = []
        sizes: list[float] = []
        bolds: list[bool] = []
        for piece in row:
            if chars:
                gap = piece.rects[0][0] - rects[-1][2]
                if gap > 0.3 * (sizes[-1] or 10) and chars[-1] != " " and piece.chars[0] != " ":
                    r = rects[-1]
                    chars.append(" ")
                    rects.append((r[2], r[1], piece.rects[0][0], r[3]))
                    sizes.append(sizes[-1])
                    bolds.append(False)
            chars.extend(piece.chars)
            rects.extend(piece.rects)
            sizes.extend(piece.sizes)
            bolds.extend(piece.bolds)
        visible = [i for i, c in enumerate(chars) if c.strip()]
        size = _dominant([sizes[i] for i in visible])
        bold = sum(1 for i in visible if bolds[i]) / max(1, len(visible))
        line = Line(page_index, chars, rects, size, bold).finish()
        if line.chars:
            lines.append(line)
    return lines


def extract_lines(pdf: pymupdf.Document, lock=None) -> list[list[Line]]:
    """Rows of every page. ``lock`` (MUPDF_LOCK) is taken per page, so a renderer waiting for
    MuPDF waits for one page's extraction, not the whole analysis. A page MuPDF cannot read
    counts as a page without text rather than failing the whole compilation; when no page at all
    can be read, the file is damaged (not a scan without text) and a CorruptPdfError says so."""
    import contextlib

    out = []
    damage: Exception | None = None
    failures = 0
    for index in range(pdf.page_count):
        with lock if lock is not None else contextlib.nullcontext():
            try:
                cost = page_cost(pdf, index)
            except MUPDF_ERRORS:
                cost = None
            if cost is not None and cost.too_costly_for_text:  # a bomb: left out, like a page without text
                out.append([])
                continue
            try:
                out.append(page_lines(pdf.load_page(index), index))
            except MUPDF_ERRORS as exc:  # a damaged page (FzErrorFormat for a cycle in the page tree, …)
                out.append([])
                damage, failures = damage or exc, failures + 1
    if out and failures == len(out):
        raise CorruptPdfError(f"PDF 的页面都已损坏，无法读取 (no page of this PDF can be read){mupdf_detail(damage)}")
    return out
