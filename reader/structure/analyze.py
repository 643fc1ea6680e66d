"""Run the whole analysis of one PDF: rows → furniture → clean text → documents → clauses."""

from __future__ import annotations

from array import array

from reader.document import MUPDF_LOCK, Document
from reader.structure.builder import build_clean_text
from reader.structure.documents import find_documents
from reader.structure.furniture import (box_frames, mark_figure_labels, mark_furniture, mark_margin_glyphs,
                                        printed_labels)
from reader.structure.lines import extract_lines
from reader.structure.paragraphs import body_size_of, layouts
from reader.structure.tables import table_areas
from reader.structure.textmap import Compilation, RectArray
from reader.textclean import clean_text


def analyze(doc: Document) -> Compilation:
    """Analyse ``doc`` from scratch (no cache). Never raises for image-only PDFs."""
    pdf = doc.pdf
    pages = extract_lines(pdf, MUPDF_LOCK)
    sizes = doc.page_sizes()  # a page MuPDF cannot load keeps the size of the one before it
    with MUPDF_LOCK:
        toc = _safe_toc(pdf)
    labels = list(doc.page_labels)
    if not any(pages):
        return Compilation(doc.content_hash, len(pages), labels, False, "", array("I"),
                           RectArray(array("f")), [0] * (len(pages) + 1), [], 0, sizes)
    body_size = body_size_of(pages)
    widths = [w for w, _ in sizes]
    mark_margin_glyphs(pages, layouts(pages, widths, body_size), body_size)  # before the edges are read
    furniture = mark_furniture(pages, [h for _, h in sizes], body_size)
    with MUPDF_LOCK:
        furniture += mark_figure_labels(doc.pdf, pages, body_size)
        frames = box_frames(doc.pdf, pages, body_size)
        tables = table_areas(doc.pdf, pages)
        has_label_rules = bool(_safe_label_rules(pdf))
    if not has_label_rules:
        labels = printed_labels(pages) or labels
    page_layouts = layouts(pages, widths, body_size)
    clean = build_clean_text(pages, page_layouts, widths)
    comp = Compilation(doc.content_hash, len(pages), labels, True, clean.text, clean.char_pages,
                       RectArray(clean.rects), clean.page_starts, [], furniture, sizes)
    comp.documents = find_documents(comp, clean.lines, page_layouts, widths, body_size, toc, frames,
                                    fallback_title=doc.title, tables=tables)
    return comp


def _safe_label_rules(pdf) -> list[dict]:
    try:
        return pdf.get_page_labels() or []
    except Exception:  # a damaged label tree is no label tree
        return []


def _safe_toc(pdf) -> list[list]:
    """Bookmarks with their titles cleaned like all text taken out of a PDF (reader.textclean)."""
    try:
        toc = pdf.get_toc(simple=True) or []
    except Exception:  # a damaged outline is no outline
        return []
    return [[level, clean_text(str(title)), *rest] for level, title, *rest in toc]
