"""Text sources: one door that turns a page into visual rows with a box per character.

``pdf_layer`` reads the PDF's text layer; ``ocr`` reads cached OCR results of the page image
(made by ``reader.ocr`` in a worker process). :func:`page_sources` decides per page which one
speaks for it; :func:`extract_pages` returns the rows of every page. The structure analysis
and the selection before analysis both read pages only through here, so OCR'd pages give the
same clean text with positions as typeset ones. A further source is one module with a
``lines(...) -> list[Line]`` function, added to :func:`extract_pages`.
"""

from __future__ import annotations

from reader.textsource.join import join_separator
from reader.textsource.model import Line, Piece, Rect
from reader.textsource.select import PageSource, extract_pages, page_lines_for

__all__ = ["Line", "Piece", "Rect", "join_separator", "PageSource", "extract_pages", "page_lines_for"]
