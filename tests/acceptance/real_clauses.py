"""Clause trees of the real PDFs in ``../shared/corpus/real`` for the acceptance test and the
``benchmarks/clause_counts.py`` script: the tree as the outline gives it, and the tree of the whole
file read as one document, which measures the clause rules apart from where document detection
puts each document's start."""

from __future__ import annotations

from pathlib import Path

from reader.document import MUPDF_LOCK, Document
from reader.structure import analyze
from reader.structure.blocks import build_paragraphs
from reader.structure.builder import build_clean_text
from reader.structure.clauses import find_clauses
from reader.structure.furniture import mark_furniture
from reader.structure.lines import extract_lines
from reader.structure.model import Clause
from reader.structure.numerals import parse_chinese
from reader.structure.paragraphs import body_size_of, layouts
from reader.structure.tables import table_areas
from reader.structure.textmap import Compilation

REAL = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "real"


def walk(clauses: list[Clause]):
    for clause in clauses:
        yield clause
        yield from walk(clause.children)


def whole_file_clauses(doc: Document, comp: Compilation) -> list[Clause]:
    """Every clause of the file read as one document whose title is its first paragraph."""
    pages = extract_lines(doc.pdf, MUPDF_LOCK)
    body_size = body_size_of(pages)
    mark_furniture(pages, [h for _, h in comp.page_sizes], body_size)
    widths = [w for w, _ in comp.page_sizes]
    page_layouts = layouts(pages, widths, body_size)
    clean = build_clean_text(pages, page_layouts, widths)
    paragraphs = build_paragraphs(clean.text, clean.lines, page_layouts, widths)
    with MUPDF_LOCK:
        tables = table_areas(doc.pdf, pages)
    return list(walk(find_clauses(comp, paragraphs[1:], len(clean.text), None, tables)))


def article_numbers(clauses: list[Clause]) -> list[int]:
    return [parse_chinese(c.label[1:-1]) or 0 for c in clauses if c.kind == "article"]


def read(path: Path) -> tuple[Compilation, list[Clause]]:
    """The analysed file and its whole-file clause list."""
    with Document.open(path) as doc:
        comp = analyze(doc)
        return comp, whole_file_clauses(doc, comp)
