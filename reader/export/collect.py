"""From the annotation store, the library and document structure to export entries.

Structure is loaded (from its cache) for every compilation whose file can be found: it gives
document dates (for a date range), document order, and whether a highlight covers a whole
clause. A compilation whose file is gone still exports from what the annotations recorded.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace
from pathlib import Path

from typing import TYPE_CHECKING, Callable

from reader.annotations import STATUS_ORPHANED, Annotation
from reader.annotations.grouping import reading_key
from reader.annotations.themes import match_theme
from reader.errors import ReaderError, UsageError
from reader.export.model import CancelCheck, ExportCancelled, ExportEntry, ExportOptions, ThemeInfo
from reader.export.wording import words
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


SOURCE_HEADING_CHARS = 12
"""A source line names every level of the clause; each heading is cut shorter than the locator's."""


def _short(heading: str, limit: int) -> str:
    heading = " ".join(heading.split())
    return heading if len(heading) <= limit else heading[:limit] + "…"


def _clause_headings(ann: Annotation, comp) -> tuple[str, ...]:
    """Each level's heading for the annotation's recorded clause path, when the structure agrees with it."""
    if comp is None or ann.start_offset is None or not ann.clause_path:
        return ()
    path = comp.clause_path_at(ann.start_offset)
    if [c.label for c in path] != list(ann.clause_path):
        return ()
    return tuple(_short(c.heading, SOURCE_HEADING_CHARS) for c in path)


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
        clause_headings=_clause_headings(ann, comp),
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
    if options.author:
        from reader.team.authors import filter_by_author

        annotations = filter_by_author(library.root, annotations, options.author)
    from reader.team.authors import author_names

    name_of = author_names(library.root)
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
            entries.append(replace(entry, author=name_of(ann.id)) if name_of else entry)
    return Collected(entries, themes, infos, selected)


def scope_text(options: ExportOptions, collected: Collected) -> str:
    """How the summary describes what it covers (in the export's language)."""
    w = words(options.language)
    if options.compilations is None:
        parts = [w["whole_library"].format(count=len(collected.compilations))]
    else:
        names = [collected.compilations[h].name for h in dict.fromkeys(options.compilations) if h in collected.compilations]
        parts = [w["compilations"].format(names=w["list_sep"].join(w["compilation_name"].format(name=n) for n in names))]
    if collected.selected_themes:
        parts.append(w["scope_themes"].format(names=w["list_sep"].join(collected.selected_themes)))
    if options.date_from or options.date_to:
        parts.append(w["scope_dates"].format(first=options.date_from or w["any"], last=options.date_to or w["any"]))
    if options.only_with_notes:
        parts.append(w["with_notes"])
    if options.author:
        who = {"mine": w["by_me"], "team": w["by_team"]}.get(options.author, options.author)
        parts.append(w["scope_author"].format(name=who))
    return w["scope_sep"].join(parts)


def date_span(library: Library, store: "AnnotationRepository", hashes: list[str] | None = None,
              compilations: Compilations | None = None) -> tuple[str, str] | None:
    """First and last dates of the documents that hold annotations in scope: the range a summary defaults to.

    Loads each compilation's structure (from its cache), so call it off the GUI thread.
    """
    collected = collect(library, store, ExportOptions(compilations=hashes), compilations=compilations)
    dates = sorted(e.document_date for e in collected.entries if e.document_date)
    return (dates[0], dates[-1]) if dates else None
