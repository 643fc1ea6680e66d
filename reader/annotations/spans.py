"""Turning a span of a compilation's clean text into an annotation, and finding spans to annotate.

Everything is expressed in clean-text offsets (the structure layer's one mapping between text
and page), so a highlight over a line break, a page break or a whole clause is one span.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

from reader.annotations.model import DEFAULT_COLOR, Annotation, make_sort_key
from reader.annotations.textmatch import fold, folded_text_of
from reader.errors import UsageError

if TYPE_CHECKING:
    from reader.structure import Clause, Compilation, DocumentInfo

CONTEXT_CHARS = 32
"""Prefix/suffix kept around a quote to tell repeated phrases apart when re-anchoring."""


def trim_span(comp: "Compilation", start: int, end: int) -> tuple[int, int]:
    """Shrink ``[start, end)`` to exclude surrounding whitespace and separators."""
    text = comp.text
    start, end = max(0, start), min(len(text), end)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def anchor_fields(comp: "Compilation", start: int, end: int) -> dict:
    """Everything an annotation records about where ``text[start:end]`` is."""
    start, end = trim_span(comp, start, end)
    if end <= start:
        raise UsageError("选区为空 (the selection is empty)")
    rects = comp.span_rects(start, end)
    page = comp.page_of_offset(start)
    if rects and page not in rects:
        page = min(rects)
    doc = comp.document_at(start)
    path = comp.clause_path_at(start)
    top = min((r[1] for r in rects.get(page, [])), default=0.0)
    return {
        "content_hash": comp.content_hash,
        "page_index": page,
        "page_label": comp.page_labels[page] if page < len(comp.page_labels) else str(page + 1),
        "rects": rects,
        "quote": comp.text[start:end],
        "prefix": comp.text[max(0, start - CONTEXT_CHARS):start],
        "suffix": comp.text[end:end + CONTEXT_CHARS],
        "document": doc.title if doc else "",
        "doc_number": (doc.doc_number or "") if doc else "",
        "clause_label": path[-1].label if path else "",
        "clause_path": [c.label for c in path],
        "sort_key": make_sort_key(page, start, top),
        "start_offset": start,
        "end_offset": end,
        "text_length": len(comp.text),
    }


def annotation_for_span(comp: "Compilation", start: int, end: int, *, pdf: str = "",
                        themes: Iterable[str] = (), note: str = "", color: str = DEFAULT_COLOR) -> Annotation:
    return Annotation(**anchor_fields(comp, start, end), pdf=pdf, themes=list(themes), note=note, color=color)


def find_on_page(comp: "Compilation", page: int, quote: str, occurrence: int = 1) -> tuple[int, int, int]:
    """Span of the ``occurrence``-th match of ``quote`` starting on ``page`` (may run onto the next page).

    Returns ``(start, end, matches_on_page)``. Matching ignores whitespace and width.
    """
    if not 0 <= page < comp.page_count:
        raise UsageError(f"页码超出范围 (page index out of range): {page}, 0–{comp.page_count - 1}")
    needle = fold(quote)
    if not needle:
        raise UsageError("引文为空 (the quote is empty)")
    folded = folded_text_of(comp)
    lo = folded.to_folded(comp.page_starts[page])
    hi = folded.to_folded(comp.page_starts[page + 1])
    hits = folded.find_all(needle, lo, hi)
    if not hits:
        raise UsageError(
            f"第 {page} 页（页码 {comp.page_labels[page]}）找不到引文 (quote not found on page index {page}, "
            f"label {comp.page_labels[page]}): {quote[:40]!r}"
        )
    if not 1 <= occurrence <= len(hits):
        raise UsageError(f"引文在该页只出现 {len(hits)} 次 (the quote occurs {len(hits)} time(s) on that page)")
    pos = hits[occurrence - 1]
    start, end = folded.to_original(pos, pos + len(needle))
    return start, end, len(hits)


def page_for_label(comp: "Compilation", label: str) -> int:
    """The page ``label`` names; an error listing the pages when it names several."""
    from reader.structure.labels import page_for_label as lookup

    return lookup(comp.page_labels, label, comp.documents)


def clauses_containing(comp: "Compilation", text: str) -> list[tuple["DocumentInfo", "Clause"]]:
    """Innermost clauses whose heading or text contains ``text`` (whitespace-insensitive), in reading order."""
    needle = fold(text)
    if not needle:
        raise UsageError("要查找的条款文字为空 (the clause text to look for is empty)")
    folded = folded_text_of(comp)

    def contains(clause: "Clause") -> bool:
        lo, hi = folded.to_folded(clause.start_offset), folded.to_folded(clause.end_offset)
        pos = folded.text.find(needle, lo, hi)
        return pos != -1 or needle in fold(clause.heading)

    found: list[tuple["DocumentInfo", "Clause"]] = []

    def walk(doc: "DocumentInfo", clauses: list["Clause"]) -> None:
        for clause in clauses:
            if contains(clause):
                inner = [c for c in clause.children if contains(c)]
                if inner:
                    walk(doc, clause.children)
                else:
                    found.append((doc, clause))

    for doc in comp.documents:
        walk(doc, doc.clauses)
    return found


def clause_span(comp: "Compilation", clause: "Clause") -> tuple[int, int]:
    """The whole clause, heading included, as a trimmed clean-text span."""
    return trim_span(comp, clause.start_offset, clause.end_offset)
