"""Annotation records: plain, serialisable data with no behaviour tied to storage or drawing.

Like Zotero's reader, an annotation carries everything needed to list, sort, draw and export it
(quote, rects per page, sort key) so consumers never recompute geometry, and everything needed
to find it again in a changed file (quote + prefix/suffix context + relative position).
"""

from __future__ import annotations

import uuid
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime, timezone
from typing import Any

Rect = tuple[float, float, float, float]

STATUS_ANCHORED = "anchored"
STATUS_MOVED = "moved"
STATUS_ORPHANED = "orphaned"
STATUSES = (STATUS_ANCHORED, STATUS_MOVED, STATUS_ORPHANED)

DEFAULT_COLOR = "#ffd54f"
"""Colour of an annotation with no theme (a plain highlight)."""


@dataclass(frozen=True)
class Theme:
    """A research theme the analyst tags clauses with; ``name`` is the key (Chinese), ``name_en`` for the English UI."""

    name: str
    name_en: str = ""
    color: str = DEFAULT_COLOR
    keywords: list[str] = field(default_factory=list)

    def display_name(self, english: bool = False) -> str:
        return (self.name_en or self.name) if english else self.name

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "name_en": self.name_en, "color": self.color, "keywords": list(self.keywords)}


def new_id() -> str:
    """A short random id: unique across libraries so JSON imports can merge by id."""
    return uuid.uuid4().hex[:12]


def now_iso() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def make_sort_key(page_index: int, offset: int | None, top: float) -> str:
    """``page|offset|top`` zero-padded so string order is reading order."""
    return f"{max(page_index, 0):05d}|{max(offset or 0, 0):08d}|{max(int(top), 0):05d}"


@dataclass
class Annotation:
    """One highlight (possibly spanning pages) with themes and a note.

    ``rects`` maps page index → list of ``(x0, y0, x1, y1)`` in PDF points. ``start_offset`` /
    ``end_offset`` locate the quote in the compilation's clean text; ``text_length`` is that
    text's length, so a re-anchoring can prefer candidates at the same relative position.
    """

    content_hash: str
    page_index: int
    quote: str
    rects: dict[int, list[Rect]] = field(default_factory=dict)
    id: str = field(default_factory=new_id)
    pdf: str = ""
    page_label: str = ""
    prefix: str = ""
    suffix: str = ""
    note: str = ""
    themes: list[str] = field(default_factory=list)
    color: str = DEFAULT_COLOR
    document: str = ""
    doc_number: str = ""
    clause_label: str = ""
    clause_path: list[str] = field(default_factory=list)
    status: str = STATUS_ANCHORED
    created: str = field(default_factory=now_iso)
    modified: str = field(default_factory=now_iso)
    sort_key: str = ""
    start_offset: int | None = None
    end_offset: int | None = None
    text_length: int | None = None

    def __post_init__(self) -> None:
        self.rects = {int(p): [tuple(r) for r in rs] for p, rs in (self.rects or {}).items()}
        if not self.sort_key:
            top = min((r[1] for r in self.rects.get(self.page_index, [])), default=0.0)
            self.sort_key = make_sort_key(self.page_index, self.start_offset, top)

    @property
    def pages(self) -> list[int]:
        return sorted(self.rects)

    def copy(self, **changes: Any) -> "Annotation":
        return replace(self, **changes)

    def to_record(self) -> dict[str, Any]:
        """Every field, JSON-ready (for export/import and undo)."""
        data = asdict(self)
        data["rects"] = {str(p): [list(r) for r in rs] for p, rs in self.rects.items()}
        return data

    @classmethod
    def from_record(cls, data: dict[str, Any]) -> "Annotation":
        known = cls.__dataclass_fields__
        return cls(**{k: v for k, v in data.items() if k in known})

    def to_json(self) -> dict[str, Any]:
        """The CLI's public JSON shape (keys fixed by issue 6), plus a few extras."""
        return {
            "id": self.id,
            "pdf": self.pdf,
            "page_index": self.page_index,
            "page_label": self.page_label,
            "quote": self.quote,
            "note": self.note,
            "themes": list(self.themes),
            "document": self.document,
            "doc_number": self.doc_number,
            "clause_label": self.clause_label,
            "rects": [list(r) for r in self.rects.get(self.page_index, [])],
            "status": self.status,
            "rects_by_page": {str(p): [list(r) for r in rs] for p, rs in sorted(self.rects.items())},
            "clause_path": list(self.clause_path),
            "color": self.color,
            "content_hash": self.content_hash,
            "created": self.created,
            "modified": self.modified,
        }


@dataclass(frozen=True)
class CounterSpan:
    """The local change counter just before and just after one bulk write (``replace_many``).

    A team sync writes what it pulled and must not read those rows back as local edits: when
    ``before`` is the counter it last read, everything up to ``reached`` was its own write and it
    goes on from ``reached``; otherwise another write came in between and it reads the changes.
    """

    before: int
    reached: int


@dataclass
class ChangeSet:
    """What changed in a repository after a given value of its local change counter.

    The counter rises with every write to an annotation or a theme (also by another process);
    ``counter`` is its value when the set was read, to pass to the next ``changes_since``. An
    annotation written several times appears once, as it is now; ``removed`` are ids deleted since
    (possibly re-added later: then they are in ``annotations`` instead); ``themes`` are names
    created, edited or deleted since, old and new name of a rename both listed.
    """

    counter: int
    annotations: list[Annotation] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)
