"""A copy of a compilation with the annotations written as standard PDF highlight annotations.

Each annotation becomes one ``/Highlight`` per page it covers (QuadPoints from its rectangles),
coloured with its first theme's colour; the note is the annotation's ``/Contents`` (what
Acrobat, Okular and WPS show in the pop-up), the themes its ``/T`` (author line) and the clause
and document its ``/Subj``. The original is opened read-only and never saved: the copy goes to
a temporary file that is renamed into place.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

import pymupdf

from reader.atomicfile import atomic_path
from reader.document import MUPDF_LOCK, Document
from reader.export.model import DEFAULT_HIGHLIGHT, CancelCheck, ExportCancelled, ExportEntry, Progress


def hex_to_rgb(color: str | None) -> tuple[float, float, float]:
    value = (color or DEFAULT_HIGHLIGHT).lstrip("#")
    try:
        return tuple(int(value[i:i + 2], 16) / 255 for i in (0, 2, 4))  # type: ignore[return-value]
    except (ValueError, IndexError):
        return hex_to_rgb(DEFAULT_HIGHLIGHT)


def entry_color(entry: ExportEntry, theme_colors: dict[str, str]) -> str:
    for name in entry.themes:
        if theme_colors.get(name):
            return theme_colors[name]
    return entry.color or DEFAULT_HIGHLIGHT


def _subject(entry: ExportEntry) -> str:
    parts = [entry.document_title]
    if entry.doc_number:
        parts.append(entry.doc_number)
    if entry.clause_label:
        parts.append(entry.clause_label)
    return " ".join(p for p in parts if p)


def _add_highlights(pdf: pymupdf.Document, entry: ExportEntry, color: str) -> int:
    added = 0
    for page_index, rects in sorted(entry.rects.items()):
        if not 0 <= page_index < pdf.page_count:
            continue
        page = pdf[page_index]
        bounds = page.rect
        quads = []
        for rect in rects:
            box = pymupdf.Rect(rect) & bounds
            if not box.is_empty and box.width > 0.1 and box.height > 0.1:
                quads.append(box.quad)
        if not quads:
            continue
        annot = page.add_highlight_annot(quads=quads)
        annot.set_colors(stroke=hex_to_rgb(color))
        annot.set_info(content=entry.note or "", title="、".join(entry.themes) or "未分类", subject=_subject(entry))
        annot.update()
        added += 1
    return added


def write_annotated_pdf(
    source: str | Path,
    entries: Iterable[ExportEntry],
    output: str | Path,
    *,
    theme_colors: dict[str, str] | None = None,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
) -> int:
    """Write ``output``: ``source`` plus one highlight per annotation and page; returns annotations added."""
    source, output = Path(source), Path(output)
    if output.exists() and source.exists() and output.resolve() == source.resolve():
        from reader.errors import UsageError

        raise UsageError(f"输出文件不能是原文件 (the output must not be the original PDF): {output}")
    entries = list(entries)
    colors = theme_colors or {}
    added = 0
    with Document.open(source) as doc, MUPDF_LOCK:
        pdf = doc.pdf
        for done, entry in enumerate(entries, 1):
            if cancelled and cancelled():
                raise ExportCancelled("导出已取消 (export cancelled)")
            added += _add_highlights(pdf, entry, entry_color(entry, colors))
            if progress and done % 50 == 0:
                progress(done, len(entries))
        with atomic_path(output) as temp:
            pdf.save(str(temp), garbage=1, deflate=True)
    if progress:
        progress(len(entries), len(entries))
    return added
