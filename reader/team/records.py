"""What a team row holds, and how it maps to the local store's objects.

An annotation travels as its full record (``Annotation.to_record``) minus ``pdf`` (a path on one
laptop) and, when it has themes, ``color`` (derived from its first theme, so a recolour is one theme
change, not one per annotation), plus ``visibility``; a theme as ``Theme.to_json``. Two records are the same edit when they
agree on everything but ``modified``. A compilation travels by content hash with its title, page
labels and documents (title, 文号, issuers, date, kind, pages), its page text (clean and folded
as the local index folds it) and optionally the PDF bytes.
"""

from __future__ import annotations

from dataclasses import fields
from typing import TYPE_CHECKING, Any

from reader.annotations.model import Annotation, Theme
from reader.team.state import VISIBILITY_TEAM

if TYPE_CHECKING:
    from reader.structure import Compilation

LOCAL_ONLY = ("pdf",)


_FIELDS = tuple(f.name for f in fields(Annotation) if f.name not in LOCAL_ONLY)


def annotation_record(ann: Annotation, visibility: str = VISIBILITY_TEAM) -> dict[str, Any]:
    """``ann.to_record()`` for the team, built field by field: a sync diffs every local annotation,
    and ``dataclasses.asdict``'s deep copies made that most of an incremental sync's time."""
    record = {name: getattr(ann, name) for name in _FIELDS}
    record["rects"] = {str(p): [list(r) for r in rs] for p, rs in ann.rects.items()}
    record["themes"] = list(ann.themes)
    record["clause_path"] = list(ann.clause_path)
    if ann.themes:  # the store shows a tagged annotation in its first theme's colour: not the annotation's own
        record.pop("color", None)
    record["visibility"] = visibility
    return record


def content(record: dict[str, Any] | None) -> dict[str, Any] | None:
    """The record without edit bookkeeping: what decides whether two versions differ."""
    if record is None:
        return None
    return {k: v for k, v in record.items() if k != "modified"}


def same(a: dict[str, Any] | None, b: dict[str, Any] | None) -> bool:
    return content(a) == content(b)


def to_annotation(record: dict[str, Any], pdf: str = "") -> Annotation:
    data = {k: v for k, v in record.items() if k != "visibility"}
    data["pdf"] = pdf
    return Annotation.from_record(data)


def theme_record(theme: Theme) -> dict[str, Any]:
    return theme.to_json()


def to_theme(record: dict[str, Any]) -> Theme:
    return Theme(record["name"], record.get("name_en", ""), record.get("color") or "#ffd54f",
                 list(record.get("keywords") or []))


def character_grams(folded: str) -> list[str]:
    """The distinct characters and two-character strings of ``folded``: what the team's GIN index of
    grams narrows one- and two-character queries with (trigrams start at three characters)."""
    return sorted(set(folded) | {folded[i:i + 2] for i in range(len(folded) - 1)})



PAGE_COLUMNS = ("content_hash", "page_index", "label", "text", "folded", "own_len", "grams", "front_matter",
                "document", "document_index", "doc_number", "date", "document_key")


def compilation_rows(comp: "Compilation", title: str) -> tuple[dict[str, Any], list[tuple]]:
    """The compilation row and its page rows (values in :data:`PAGE_COLUMNS` order) for the team tables.

    Pages are the local index's rows (:func:`reader.index.indexing.page_rows`): folded text with the
    head of the next page, the page's own folded length, cover/contents marks and the page's
    document, so team search finds exactly the pages the local index finds.
    """
    # only when sharing: the window's status check stays light
    from reader.index.indexing import front_matter_pages, page_meta, page_rows
    from reader.index.normalize import fold

    documents = [{"title": d.title, "doc_number": d.doc_number or "", "issuers": list(d.issuers),
                  "date": d.date or "", "kind": d.kind, "start_page": d.start_page, "end_page": d.end_page}
                 for d in comp.documents]
    labels = list(comp.page_labels)
    row = {"content_hash": comp.content_hash, "title": title, "page_count": comp.page_count,
           "page_labels": labels, "documents": documents}
    front = front_matter_pages(comp)
    pages = []
    for page, own_len, folded, clean, _next in page_rows(comp):
        label, document, doc_index, number, date = page_meta(comp, page)
        pages.append((comp.content_hash, page, label, clean, folded, own_len, character_grams(folded),
                      page in front, document, doc_index, number, date, fold(document) + "\x1f" + fold(number)))
    return row, pages
