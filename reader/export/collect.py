"""From the annotation store, the library and document structure to export entries.

Structure is loaded (from its cache) for every compilation whose file can be found: it gives
document dates (for a date range), document order, and whether a highlight covers a whole
clause. A compilation whose file is gone still exports from what the annotations recorded.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from typing import TYPE_CHECKING, Callable

from reader.annotations import STATUS_ORPHANED, Annotation
from reader.annotations.grouping import reading_key
from reader.annotations.themes import match_theme
from reader.errors import ReaderError, UsageError
from reader.export.model import CancelCheck, ExportCancelled, ExportEntry, ExportOptions, ThemeInfo
from reader.library import Library

if TYPE_CHECKING:
    from reader.structure import Compilation
    from reader.workspace.protocols import AnnotationRepository

Compilations = Callable[[str], "Compilation | None"]  # content hash -> structure (the Workspace's cache)

_log = logging.getLogger(__name__)
_LAST = 10**9


@dataclass
class CompilationInfo:
    content_hash: str
    name: str
    order: int
    path: Path | None
    structure: object | None = None  # reader.structure.Compilation
    annotations: list[Annotation] = field(default_factory=list)


@dataclass
class Collected:
    entries: list[ExportEntry]
    themes: list[ThemeInfo]
    compilations: dict[str, CompilationInfo]
    selected_themes: list[str]


def resolve_theme_names(store: "AnnotationRepository", names: list[str]) -> list[str]:
    """Canonical names for the user's theme arguments (Chinese or English, any width/case)."""
    themes = store.themes()
    out = []
    for name in names:
        theme = match_theme(themes, name)
        if theme is None:
            known = "、".join(t.name for t in themes) or "（无）"
            raise UsageError(f"没有这个主题 (no such theme): {name}；现有主题 (themes): {known}")
        if theme.name not in out:
            out.append(theme.name)
    return out


def _load_structure(info: CompilationInfo, compilations: Compilations):
    if info.path is None:
        return None  # the file is gone: export from what the annotations recorded
    try:
        return compilations(info.content_hash)
    except ReaderError as exc:
        _log.info("no structure for %s: %s", info.path, exc)
        return None


def _compilation_info(library: Library, content_hash: str, order: int, sample: Annotation | None) -> CompilationInfo:
    entry = library.get(content_hash)
    path = library.current_path(content_hash) if entry else None
    if path is None and sample is not None and sample.pdf and Path(sample.pdf).is_file():
        from reader.document import file_content_hash

        candidate = Path(sample.pdf)
        if file_content_hash(candidate) == content_hash:
            path = candidate
    if entry is not None:
        name = entry.title
    elif path is not None:
        name = path.stem
    else:
        name = Path(sample.pdf).stem if sample and sample.pdf else content_hash[:12]
    return CompilationInfo(content_hash, name, order, path)


def _whole_clause(ann: Annotation, comp) -> bool:
    if comp is None or ann.start_offset is None or ann.end_offset is None:
        return False
    from reader.annotations.spans import trim_span

    for clause in comp.clause_path_at(ann.start_offset):
        if trim_span(comp, clause.start_offset, clause.end_offset) == (ann.start_offset, ann.end_offset):
            return True
    return False


HEADING_CHARS = 24


def _clause_heading(ann: Annotation, comp) -> str:
    """The heading of the clause the annotation lies in (``总体要求``), shortened for a locator line."""
    if comp is None or ann.start_offset is None or not ann.clause_label:
        return ""
    path = comp.clause_path_at(ann.start_offset)
    if not path or path[-1].label != ann.clause_label:
        return ""
    heading = " ".join(path[-1].heading.split())
    return heading if len(heading) <= HEADING_CHARS else heading[:HEADING_CHARS] + "…"


def _document_of(ann: Annotation, comp):
    """(index, DocumentInfo) of the document the annotation lies in, when structure is known."""
    if comp is None or ann.start_offset is None:
        return None, None
    doc = comp.document_at(ann.start_offset)
    if doc is None:
        return None, None
    for index, candidate in enumerate(comp.documents):
        if candidate is doc:
            return index, doc
    return None, doc


def _entry(ann: Annotation, info: CompilationInfo) -> tuple[ExportEntry, str | None]:
    comp = info.structure
    index, doc = _document_of(ann, comp)
    title = ann.document or (doc.title if doc else "")
    number = ann.doc_number or ((doc.doc_number or "") if doc else "")
    date = doc.date if doc else None
    entry = ExportEntry(
        annotation_id=ann.id,
        quote=ann.quote,
        note=ann.note or "",
        themes=tuple(dict.fromkeys(ann.themes)),
        color=ann.color,
        page_index=ann.page_index,
        page_label=ann.page_label,
        clause_label=ann.clause_label,
        clause_path=tuple(ann.clause_path or ()),
        document_title=title,
        doc_number=number,
        compilation=info.name,
        content_hash=ann.content_hash,
        reading_key=reading_key(ann),
        document_key=(index,) if index is not None else (),
        compilation_key=(info.order,),
        document_date=date,
        rects={int(p): [tuple(r) for r in rs] for p, rs in ann.rects.items()},
        whole_clause=_whole_clause(ann, comp),
        clause_heading=_clause_heading(ann, comp),
        orphaned=ann.status == STATUS_ORPHANED,
    )
    return entry, date


def collect(library: Library, store: "AnnotationRepository", options: ExportOptions,
            cancelled: CancelCheck | None = None, compilations: Compilations | None = None) -> Collected:
    """Entries for ``options``' scope and filters, in no particular order (grouping sorts)."""
    if compilations is None:
        from reader.workspace import Workspace

        compilations = Workspace(library).compilation
    selected = resolve_theme_names(store, options.themes) if options.themes else []
    themes = [ThemeInfo(t.name, t.color, t.name_en) for t in store.themes()]
    order = {f.content_hash: i for i, f in enumerate(library.files())}
    hashes = options.compilations
    annotations = (
        [a for h in dict.fromkeys(hashes) for a in store.list(content_hash=h)] if hashes is not None else store.list()
    )
    infos: dict[str, CompilationInfo] = {}
    for ann in annotations:
        if ann.content_hash not in infos:
            infos[ann.content_hash] = _compilation_info(library, ann.content_hash, order.get(ann.content_hash, _LAST), ann)
        infos[ann.content_hash].annotations.append(ann)
    for content_hash in hashes or []:
        if content_hash not in infos:
            infos[content_hash] = _compilation_info(library, content_hash, order.get(content_hash, _LAST), None)
    wanted = set(selected)
    entries = []
    for info in infos.values():
        kept = [
            a for a in info.annotations
            if (not wanted or wanted & set(a.themes)) and (not options.only_with_notes or (a.note or "").strip())
        ]
        if not kept:
            continue
        if cancelled and cancelled():
            raise ExportCancelled("导出已取消 (export cancelled)")
        info.structure = _load_structure(info, compilations)
        for ann in kept:
            entry, date = _entry(ann, info)
            if options.date_from or options.date_to:
                if date is None:
                    continue  # undated (or file not found): cannot show it is inside the range
                if options.date_from and date < options.date_from:
                    continue
                if options.date_to and date > options.date_to:
                    continue
            entries.append(entry)
    return Collected(entries, themes, infos, selected)


def scope_text(options: ExportOptions, collected: Collected) -> str:
    """How the summary describes what it covers."""
    if options.compilations is None:
        parts = [f"整个资料库（{len(collected.compilations)} 份汇编有批注）"]
    else:
        names = [collected.compilations[h].name for h in dict.fromkeys(options.compilations) if h in collected.compilations]
        parts = ["汇编：" + "、".join(f"《{n}》" for n in names)]
    if collected.selected_themes:
        parts.append("主题：" + "、".join(collected.selected_themes))
    if options.date_from or options.date_to:
        parts.append(f"文件日期：{options.date_from or '不限'} 至 {options.date_to or '不限'}")
    if options.only_with_notes:
        parts.append("仅含有批注文字的条目")
    return "；".join(parts)
