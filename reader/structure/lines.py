"""Visual text lines with per-character boxes: the structure's view of ``reader.textsource``.

Everything downstream (furniture, paragraphs, documents, clauses) reasons about *visual
rows*. Where the rows come from — the PDF's text layer or OCR of the page image — is decided
in ``reader.textsource``; this module keeps the names the structure code imports.
"""

from __future__ import annotations

from pathlib import Path

from reader.textsource import Line, PageSource, extract_pages
from reader.textsource.model import Rect
from reader.textsource.pdf_layer import page_lines

__all__ = ["Line", "Rect", "PageSource", "page_lines", "extract_lines", "extract_lines_with_sources"]


def extract_lines_with_sources(pdf, lock=None, content_hash: str | None = None,
                               ocr_root: Path | None = None) -> tuple[list[list[Line]], list[PageSource]]:
    """Rows of every page and which source each came from."""
    return extract_pages(pdf, lock, content_hash, ocr_root)


def extract_lines(pdf, lock=None) -> list[list[Line]]:
    """Rows of every page from the text layer alone (no OCR cache)."""
    return extract_pages(pdf, lock)[0]
