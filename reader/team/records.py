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


def character_pairs(folded: str) -> list[str]:
    """The distinct two-character strings of ``folded`` (what a two-character query can match)."""
    return sorted({folded[i:i + 2] for i in range(len(folded) - 1)})


def compilation_rows(comp: "Compilation", title: str) -> tuple[dict[str, Any], list[tuple]]:
    """The compilation row and its page rows ``(hash, page, label, text, folded, pairs)`` for the team tables."""
    from reader.index.normalize import fold  # only when sharing: the window's status check stays light
    documents = [{"title": d.title, "doc_number": d.doc_number or "", "issuers": list(d.issuers),
                  "date": d.date or "", "kind": d.kind, "start_page": d.start_page, "end_page": d.end_page}
                 for d in comp.documents]
    labels = list(comp.page_labels)
    row = {"content_hash": comp.content_hash, "title": title, "page_count": comp.page_count,
           "page_labels": labels, "documents": documents}
    pages = []
    for page in range(comp.page_count):
        text = comp.page_text(page)
        folded = fold(text)
        pages.append((comp.content_hash, page, labels[page] if page < len(labels) else str(page + 1), text,
                      folded, character_pairs(folded)))
    return row, pages
