"""Which source speaks for each page, and the rows of every page.

A page with a good text layer is read from it. A page without one (or with a scanner's OCR
layer, or a garbage one) is read from our cached OCR when it exists; otherwise the layer is
used as it is (an empty page stays empty). OCR itself never runs here: it is slow and runs in
a worker process (``python -m reader ocr``), which then drops the cached analysis.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from pathlib import Path

from reader.document import MUPDF_ERRORS, mupdf_detail
from reader.errors import CorruptPdfError
from reader.guard import page_cost
from reader.ocr.store import OcrStore
from reader.textsource import pdf_layer
from reader.textsource.model import Line
from reader.textsource.ocr import ocr_lines


@dataclass(slots=True)
class PageSource:
    """Where a page's text came from: ``"text"`` (layer), ``"ocr"`` or ``"none"``; ``layer`` is
    :func:`reader.textsource.pdf_layer.layer_state`; ``needs_ocr`` says OCR would help."""

    page: int
    kind: str
    layer: str
    engine: str | None = None

    @property
    def needs_ocr(self) -> bool:
        return self.kind != "ocr" and self.layer != pdf_layer.GOOD


def page_lines_for(pdf, page_index: int, content_hash: str | None, store: OcrStore | None
                   ) -> tuple[list[Line], PageSource]:
    """Rows of one page and where they came from (the caller holds MUPDF_LOCK)."""
    page = pdf.load_page(page_index)
    pieces = pdf_layer.pieces_of(page)
    state = pdf_layer.layer_state(page, pieces)
    if state != pdf_layer.GOOD and store is not None and content_hash:
        result = store.load(content_hash, page_index)
        if result is not None:
            return ocr_lines(result, page_index), PageSource(page_index, "ocr", state, result.engine)
    if state == pdf_layer.EMPTY:
        return [], PageSource(page_index, "none", state)
    return pdf_layer.page_lines(page, page_index, pieces), PageSource(page_index, "text", state)


def extract_pages(pdf, lock=None, content_hash: str | None = None, ocr_root: Path | None = None
                  ) -> tuple[list[list[Line]], list[PageSource]]:
    """Rows of every page and their sources. ``lock`` (MUPDF_LOCK) is taken per page, so a
    renderer waiting for MuPDF waits for one page, not the whole analysis. A page MuPDF cannot
    read, or whose content would explode (reader.guard), counts as a page without text rather
    than failing the whole compilation; when no page at all can be read, the file is damaged
    (not a scan without text) and a CorruptPdfError says so."""
    store = OcrStore(ocr_root) if ocr_root is not None else None
    pages: list[list[Line]] = []
    sources: list[PageSource] = []
    damage: Exception | None = None
    failures = 0
    for index in range(pdf.page_count):
        with lock if lock is not None else contextlib.nullcontext():
            try:
                cost = page_cost(pdf, index)
            except MUPDF_ERRORS:
                cost = None
            if cost is not None and cost.too_costly_for_text:  # a bomb: left out, like a page without text
                lines, source = [], PageSource(index, "none", pdf_layer.EMPTY)
            else:
                try:
                    lines, source = page_lines_for(pdf, index, content_hash, store)
                except MUPDF_ERRORS as exc:  # a damaged page (FzErrorFormat for a cycle in the page tree, …)
                    lines, source = [], PageSource(index, "none", pdf_layer.EMPTY)
                    damage, failures = damage or exc, failures + 1
        pages.append(lines)
        sources.append(source)
    if pages and failures == len(pages):
        raise CorruptPdfError(f"PDF 的页面都已损坏，无法读取 (no page of this PDF can be read){mupdf_detail(damage)}")
    return pages, sources
