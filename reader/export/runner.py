"""One call that the CLI and the dialog share: collect, group, render, write atomically.

Annotated PDFs: one output file per compilation. With one compilation in scope ``output`` is
the file (or, if it is an existing folder, ``<name>-批注.pdf`` inside it); with several,
``output`` must be a folder (created if absent) and gets one ``<name>-批注.pdf`` per compilation.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from reader.annotations.service import open_store
from reader.atomicfile import write_text_atomic
from reader.errors import FileMissingError, StorageError, UsageError
from reader.export.collect import Collected, Compilations, collect, scope_text
from reader.export.grouping import build_report
from reader.export.outputs import check_output
from reader.export.text import safe_fields, safe_text
from reader.export.model import DEFAULT_TITLE, CancelCheck, ExportCancelled, ExportOptions, ExportReport, Progress
from reader.export.wording import words
from reader.library import Library

if TYPE_CHECKING:
    from reader.workspace.protocols import AnnotationRepository

PDF_SUFFIX = "-批注.pdf"


@dataclass
class ExportResult:
    format: str
    group: str
    output: Path
    annotations: int
    entries: int
    themes: dict[str, int]
    documents: int
    outputs: list[Path] = field(default_factory=list)

    def to_json(self) -> dict:
        """The CLI's JSON (keys fixed by the issue), plus every file written."""
        return {
            "format": self.format,
            "group": self.group,
            "output": str(self.output),
            "annotations": self.annotations,
            "entries": self.entries,
            "themes": self.themes,
            "documents": self.documents,
            "outputs": [str(p) for p in self.outputs],
        }


def _check(cancelled: CancelCheck | None) -> None:
    if cancelled and cancelled():
        raise ExportCancelled("导出已取消 (export cancelled)")


def build(library: Library, store: AnnotationRepository, options: ExportOptions,
          cancelled: CancelCheck | None = None,
          compilations: Compilations | None = None) -> tuple[Collected, ExportReport]:
    """Collected entries and the arranged report, without writing anything."""
    options.validate()
    collected = collect(library, store, options, cancelled, compilations)
    if not collected.entries:
        raise UsageError(f"没有符合条件的批注，未导出 (no annotations match; nothing exported): {scope_text(options, collected)}")
    # Every string that reaches a writer passes safe_text here, and only here.
    collected.entries = [safe_fields(e) for e in collected.entries]
    collected.themes = [safe_fields(t) for t in collected.themes]
    collected.selected_themes = [safe_text(n, multiline=False) for n in collected.selected_themes]
    report = build_report(
        collected.entries,
        group=options.group,
        themes=collected.themes,
        title=_title(options),
        scope=safe_text(scope_text(options, collected), multiline=False),
        only_themes=collected.selected_themes or None,
        header_text=safe_text(options.header_text, multiline=False).strip(),
        footer_text=safe_text(options.footer_text, multiline=False).strip(),
        language=options.language,
    )
    return collected, report


def _title(options: ExportOptions) -> str:
    """The user's title; the default one in the export's language."""
    title = safe_text(options.title, multiline=False).strip()
    if not title or title == DEFAULT_TITLE:
        return words(options.language)["default_title"]
    return title


def _pdf_targets(output: Path, collected: Collected) -> dict[str, Path]:
    used = [h for h, info in collected.compilations.items() if any(e.content_hash == h for e in collected.entries)]
    for content_hash in used:
        if collected.compilations[content_hash].path is None:
            raise FileMissingError(
                f"找不到汇编原文件，无法生成标注 PDF (source PDF not found): {collected.compilations[content_hash].name}"
            )
    if len(used) == 1 and not output.is_dir() and not str(output).endswith(("/", "\\")):
        return {used[0]: output}
    if output.exists() and not output.is_dir():
        raise UsageError(
            f"有 {len(used)} 份汇编，-o 须为文件夹 (several compilations: the output must be a folder): {output}"
        )
    try:
        output.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StorageError(f"无法创建文件夹 (cannot create folder): {output}: {exc.strerror}", path=str(output)) from exc
    targets, names = {}, set()
    for content_hash in used:
        stem = collected.compilations[content_hash].path.stem  # type: ignore[union-attr]
        name = stem + PDF_SUFFIX
        if name in names:
            name = f"{stem}-{content_hash[:8]}{PDF_SUFFIX}"
        names.add(name)
        targets[content_hash] = output / name
    return targets


def run_export(
    library: Library,
    options: ExportOptions,
    output: str | Path,
    *,
    store: AnnotationRepository | None = None,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
    compilations: Compilations | None = None,
    overwrite: bool = False,
) -> ExportResult:
    """Export ``options``' scope to ``output``; nothing appears under the final name unless complete.

    ``store`` and ``compilations`` come from the caller's Workspace; without them the library's
    store is opened the one usual way (read-only for a read-only library) and structures come
    from the structure cache. ``output`` is checked first
    (:func:`reader.export.outputs.check_output`): never the annotation store, a file in the
    library folder or a source PDF; an existing file only with ``overwrite``.
    """
    output = Path(output).expanduser()
    own_store = store is None
    store = store or open_store(library, backup=False)
    try:
        collected, report = build(library, store, options, cancelled, compilations)
    finally:
        if own_store:
            store.close()
    _check(cancelled)
    sources = [info.path for info in collected.compilations.values()]
    targets = _pdf_targets(output, collected) if options.format == "pdf" else {"": output}
    for target in targets.values():
        check_output(library, target, sources, overwrite=overwrite)
    outputs: list[Path] = []
    entries = report.placed
    if options.format == "md":
        from reader.export.markdown import render_markdown

        text = render_markdown(report, progress, cancelled)
        write_text_atomic(output, text)
        outputs.append(output)
    elif options.format == "docx":
        from reader.export.docx_writer import write_docx

        write_docx(report, output, body_font=options.body_font, heading_font=options.heading_font,
                   latin_font=options.latin_font, page_size=options.page_size, template=options.template,
                   author=options.document_author, progress=progress, cancelled=cancelled)
        outputs.append(output)
    else:
        from reader.export.annotated_pdf import write_annotated_pdf

        entries = 0
        total, done = len(collected.entries), 0
        for content_hash, target in targets.items():
            own = [e for e in collected.entries if e.content_hash == content_hash]
            source = collected.compilations[content_hash].path
            offset = done

            def relay(step: int, _total: int, offset: int = offset) -> None:
                if progress:
                    progress(offset + step, total)

            ocr_pages = None
            if options.ocr_layer:
                from reader.export.ocr_layer import cached_ocr_pages

                ocr_pages = cached_ocr_pages(library.structure_cache_dir, content_hash)
            entries += write_annotated_pdf(source, own, target, theme_colors=report.theme_colors,
                                           progress=relay, cancelled=cancelled, ocr_pages=ocr_pages)
            done += len(own)
            outputs.append(target)
    return ExportResult(
        format=options.format,
        group=options.group,
        output=output,
        annotations=len(report.entries),
        entries=entries,
        themes=dict(report.theme_counts),
        documents=report.document_count,
        outputs=outputs,
    )
