"""How annotations are ordered, filtered and grouped — one rule for the review panel and the export.

Reading order is page, then clean-text offset, then position on the page (``sort_key``, with the
exact offset when known). Themes are listed in the user's configured order, then any other
names alphabetically; an annotation with several themes is listed under each; annotations
without a theme come last. Documents appear in reading order.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from reader.annotations.model import Annotation, Theme
from reader.textfold import fold


def reading_key(ann: Annotation) -> tuple[float, ...]:
    """Where an annotation starts, as numbers: (page, offset, top)."""
    parts = []
    for piece in (ann.sort_key or "").split("|"):
        try:
            parts.append(float(piece))
        except ValueError:
            parts.append(0.0)
    if ann.start_offset is not None and len(parts) >= 2:
        parts[1] = float(ann.start_offset)
    return tuple(parts) if parts else (float(ann.page_index),)


def theme_order(used: Iterable[str], configured: Iterable[str]) -> list[str]:
    """Configured themes first (in their configured order), then unknown names alphabetically."""
    configured = list(configured)
    used = set(used)
    return [name for name in configured if name in used] + sorted(used - set(configured))


@dataclass
class AnnotationGroup:
    """A theme (``theme`` set, ``None`` = untagged) or a document (``document`` set) and its annotations."""

    key: tuple[str, str]  # ("theme", name) | ("untagged", "") | ("document", content_hash + title)
    theme: Theme | None = None
    document: str = ""
    members: list[Annotation] = field(default_factory=list)


def matches(ann: Annotation, needle: str, themes: list[Theme]) -> bool:
    """True when the folded ``needle`` occurs in the quote, note, document, 文号 or a theme name (either language)."""
    if not needle:
        return True
    if needle in fold(" ".join([ann.quote, ann.note, ann.document, ann.doc_number])):
        return True
    names = {t.name: fold(f"{t.name} {t.name_en}") for t in themes}
    return any(needle in names.get(n, fold(n)) for n in ann.themes)


def filter_annotations(annotations: Iterable[Annotation], text: str, themes: list[Theme]) -> list[Annotation]:
    """The annotations that ``text`` (width-, case- and space-insensitive) finds; all when it is empty."""
    needle = fold(text)
    return [a for a in annotations if matches(a, needle, themes)]


def group_annotations(annotations: Iterable[Annotation], by: str, themes: list[Theme]) -> list[AnnotationGroup]:
    """Groups in display order (see module doc); members in reading order."""
    ordered = sorted(annotations, key=lambda a: (a.content_hash, reading_key(a), a.id))
    if by == "theme":
        known = {t.name: t for t in themes}
        groups = []
        for name in theme_order((n for a in ordered for n in a.themes), known):
            theme = known.get(name) or Theme(name)
            groups.append(AnnotationGroup(("theme", name), theme, members=[a for a in ordered if name in a.themes]))
        untagged = [a for a in ordered if not a.themes]
        if untagged:
            groups.append(AnnotationGroup(("untagged", ""), members=untagged))
        return groups
    by_document: dict[tuple[str, str], AnnotationGroup] = {}
    for ann in ordered:
        key = (ann.content_hash, ann.document)
        if key not in by_document:
            by_document[key] = AnnotationGroup(("document", "\0".join(key)), document=ann.document)
        by_document[key].members.append(ann)
    return list(by_document.values())


def theme_counts(annotations: Iterable[Annotation]) -> dict[str, int]:
    """How many of ``annotations`` carry each theme name."""
    counts: dict[str, int] = {}
    for ann in annotations:
        for name in dict.fromkeys(ann.themes):
            counts[name] = counts.get(name, 0) + 1
    return counts
