"""Arrange entries into sections: by theme or by document.

By theme: theme → document → entries in reading order; an entry with several themes is filed
under each (marked with the others), never twice in one section; entries with no theme go to
an "untagged" section at the end. By document: compilation → document → clause (reading)
order, each entry once.
"""

from __future__ import annotations

import datetime as _dt
from typing import Iterable

from reader.annotations.grouping import theme_order as shared_theme_order
from reader.export.model import (
    UNTAGGED,
    DocumentGroup,
    ExportEntry,
    ExportReport,
    GroupItem,
    Section,
    ThemeInfo,
)


def _document_id(entry: ExportEntry) -> tuple:
    return (entry.content_hash, entry.document_key, entry.document_title, entry.doc_number)


def _entry_order(entry: ExportEntry) -> tuple:
    return (entry.compilation_key, entry.compilation, entry.content_hash, entry.reading_key, entry.annotation_id)


def _documents(items: Iterable[GroupItem]) -> list[DocumentGroup]:
    """Split items (already in reading order) into document groups, in the order documents appear."""
    groups: dict[tuple, DocumentGroup] = {}
    for item in items:
        entry = item.entry
        key = _document_id(entry)
        group = groups.get(key)
        if group is None:
            group = groups[key] = DocumentGroup(
                entry.document_title, entry.doc_number, entry.compilation, entry.document_date
            )
        group.items.append(item)
    return list(groups.values())


def theme_order(entries: Iterable[ExportEntry], themes: list[ThemeInfo]) -> list[str]:
    """Configured themes first, then unknown names alphabetically (the review panel's order too)."""
    return shared_theme_order((name for e in entries for name in e.themes), (t.name for t in themes))


def by_theme(entries: list[ExportEntry], themes: list[ThemeInfo], only: list[str] | None = None) -> list[Section]:
    colors = {t.name: t.color for t in themes}
    ordered = sorted(entries, key=_entry_order)
    sections = []
    wanted = set(only or [])
    for name in theme_order(ordered, themes):
        if wanted and name not in wanted:
            continue
        seen: set[str] = set()
        items = []
        for entry in ordered:
            if name in entry.themes and entry.annotation_id not in seen:
                seen.add(entry.annotation_id)
                others = tuple(dict.fromkeys(t for t in entry.themes if t != name))
                items.append(GroupItem(entry, others))
        sections.append(Section(name, colors.get(name, _first_color(items)), _documents(items)))
    untagged = [GroupItem(e) for e in ordered if not e.themes]
    if untagged and not wanted:
        sections.append(Section(UNTAGGED, None, _documents(untagged)))
    return sections


def by_document(entries: list[ExportEntry]) -> list[Section]:
    sections: dict[tuple, list[GroupItem]] = {}
    seen: set[str] = set()
    for entry in sorted(entries, key=_entry_order):
        if entry.annotation_id in seen:
            continue
        seen.add(entry.annotation_id)
        sections.setdefault((entry.content_hash, entry.compilation), []).append(GroupItem(entry))
    return [Section(key[1], None, _documents(items)) for key, items in sections.items()]


def _first_color(items: list[GroupItem]) -> str | None:
    return items[0].entry.color if items else None


def theme_counts(entries: list[ExportEntry], themes: list[ThemeInfo]) -> dict[str, int]:
    counts = {name: 0 for name in theme_order(entries, themes)}
    for entry in entries:
        for name in dict.fromkeys(entry.themes):
            counts[name] += 1
    untagged = sum(1 for e in entries if not e.themes)
    if untagged:
        counts[UNTAGGED] = untagged
    return counts


def build_report(
    entries: list[ExportEntry],
    *,
    group: str,
    themes: list[ThemeInfo],
    title: str,
    scope: str,
    only_themes: list[str] | None = None,
    made: _dt.date | None = None,
    header_text: str = "",
    footer_text: str = "",
    language: str = "zh",
) -> ExportReport:
    """The summary the renderers write. ``only_themes`` limits the theme sections shown."""
    sections = by_theme(entries, themes, only_themes) if group == "theme" else by_document(entries)
    colors = {t.name: t.color for t in themes}
    for entry in entries:
        for name in entry.themes:
            colors.setdefault(name, entry.color)
    counts = theme_counts(entries, themes)
    if only_themes:
        counts = {k: v for k, v in counts.items() if k in only_themes}
    return ExportReport(
        title=title,
        scope=scope,
        made=made or _dt.date.today(),
        group=group,
        sections=sections,
        entries=entries,
        theme_counts=counts,
        theme_colors=colors,
        header_text=header_text,
        footer_text=footer_text,
        language=language,
    )
