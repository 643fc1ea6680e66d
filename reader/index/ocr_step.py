"""OCR as a step of indexing: the pages of a file without usable text are recognised before its
text is read, so a scanned compilation is searchable however it entered the library (``index``
on the command line, or the window's own indexing worker).

One step for every caller, so there is one rule for which pages are OCR'd (``reader.ocr.auto``:
no text layer, a scanner's layer or garbage), one cache (a page is recognised once per engine
version) and one engine per run: the engine is made on first need and kept for the next files
(loading its models costs about a second), then released before the indexing proper. Progress is reported per page in the indexing's
own ``(done, total, what)`` form with ``what`` made by :func:`reader.progress.ocr_what`, so a caller can tell OCR
progress from indexing progress; cancelling is honoured between pages.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from reader.document import Document
from reader.ocr.runner import return_freed_memory
from reader.ocr.store import OcrStore, ocr_root_for
from reader.progress import ocr_what

Progress = Callable[[int, int, str], None]  # (done, total, what)


@dataclass
class OcrOutcome:
    """What the step did for one file."""

    pages: list[int] = field(default_factory=list)  # recognised now
    missing: list[int] = field(default_factory=list)  # needing OCR, still without it
    cancelled: bool = False
    message: str = ""  # why pages were left without text (no engine), for the report


def engine_installed() -> bool:
    """Whether an OCR engine is installed, without loading one (the window asks this; the models
    would cost it hundreds of MB)."""
    import importlib.util
    import shutil

    return importlib.util.find_spec("rapidocr_onnxruntime") is not None or shutil.which("tesseract") is not None


def needs_indexing_for_ocr(structure_cache_dir: Path, path: Path | str, content_hash: str) -> bool:
    """For an indexed file: whether it has scanned pages an indexing run may have to OCR or re-read
    (the worker decides exactly, see ``LibraryIndexer._lacks_ocr``). Reads every page the first time;
    after that the answer is in the OCR cache (``needs.json``). Off the GUI thread."""
    from reader.errors import ReaderError
    from reader.ocr.auto import needed_pages

    step = OcrStep(structure_cache_dir)
    try:
        with Document.open(path) as document:
            if document.content_hash != content_hash:
                return False
            needed = needed_pages(document, step.store)
    except (ReaderError, OSError):
        return False
    return bool(needed) and engine_installed()


class OcrStep:
    """Recognise the pages of files that need it, into the library's OCR cache."""

    def __init__(self, structure_cache_dir: Path, enabled: bool = True) -> None:
        self.structure_cache_dir = Path(structure_cache_dir)
        self.store = OcrStore(ocr_root_for(self.structure_cache_dir))
        self.enabled = enabled
        self._engine = None
        self._unavailable: str | None = None

    def outstanding(self, document: Document) -> list[int]:
        """Pages of ``document`` that need OCR and have none cached (none when OCR is off)."""
        from reader.ocr.auto import needed_pages

        if not self.enabled:
            return []
        cached = self.store.pages(document.content_hash)
        return [p for p in needed_pages(document, self.store) if p not in cached]

    def changed_since(self, content_hash: str, when: float) -> bool:
        """True when OCR results of this file were written after ``when`` (e.g. by ``ocr`` after
        the file was indexed without them): its index records lack that text."""
        folder = self.store.root / content_hash
        try:
            return any(p.is_dir() and p.stat().st_mtime > when for p in folder.iterdir())
        except OSError:
            return False

    def engine_available(self) -> bool:
        """Whether an engine can be made (tried once per run; the models stay loaded)."""
        return self._get_engine() is not None

    def release(self) -> None:
        """Let the engine (and its models' memory) go; the next :meth:`run` makes it again."""
        import gc

        if self._engine is not None:
            self._engine = None
            gc.collect()
            return_freed_memory()

    def _get_engine(self):
        from reader.ocr.engines import OcrUnavailableError, make_engine

        if self._engine is None and self._unavailable is None:
            try:
                self._engine = make_engine()
            except OcrUnavailableError as exc:
                self._unavailable = str(exc)
        return self._engine

    def run(self, document: Document, name: str, progress: Progress | None = None,
            cancelled: Callable[[], bool] | None = None) -> OcrOutcome:
        """OCR the outstanding pages of ``document`` (``name`` labels the progress records)."""
        from reader.ocr.runner import ocr_document

        out = OcrOutcome()
        todo = self.outstanding(document)
        if not todo:
            return out
        engine = self._get_engine()
        if engine is None:
            out.missing = todo
            out.message = f"{self._unavailable}；{len(todo)} 页没有文字 ({len(todo)} pages without text left out)"
            return out

        def on_page(done: int, total: int, page: int) -> None:
            if progress is not None and page >= 0:
                progress(done, total, ocr_what(page, name))

        report = ocr_document(document, self.store, engine, todo, progress=on_page, cancelled=cancelled,
                              structure_cache_dir=self.structure_cache_dir)
        out.pages, out.cancelled = report.pages, report.cancelled
        finished = set(report.done)
        out.missing = [p for p in todo if p not in finished]
        if report.failed:
            out.message = "; ".join(report.failed[p] for p in sorted(report.failed))
        return out
