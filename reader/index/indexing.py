"""Putting compilations into the library index, safely and resumably.

Order of writes for one compilation (each step atomic on its own):
1. the file is queued in ``pages.sqlite3`` (so an interrupted run is finished next time);
2. its page texts are written to SQLite;
3. its whoosh records are added in ONE writer and committed (a writer that never commits leaves
   the previous index untouched, so a crash here loses nothing already searchable);
4. it is marked indexed and taken off the queue; records of the file it replaced are removed.
Search only sees pages that whoosh holds, so a crash between any two steps is harmless.
"""

from __future__ import annotations

import os
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable

from reader.document import Document
from reader.errors import ReaderError, StorageError, UsageError
from reader.fsnames import shown_path
from reader.index.failures import describe_failure
from reader.index.ocr_step import OcrOutcome, OcrStep
from reader.index.normalize import fold
from reader.index.repair import index_damage, rebuild
from reader.index import schema
from reader.index.schema import NEXT_PAGE_HEAD, PageStore, open_whoosh, open_writer, page_record, pdf_fields
from reader.library import Library, LibraryFile

if TYPE_CHECKING:
    from reader.workspace import Workspace

Progress = Callable[[int, int, str], None]  # (done, total, what)
_WRITE_LOCK = threading.Lock()
_BATCH_PAGES = 2000  # pages per whoosh commit when indexing many files
_BATCH_SECONDS = 30.0  # one writer per process; whoosh's file lock covers other processes


@dataclass
class IndexReport:
    indexed: list[dict] = field(default_factory=list)
    skipped: list[dict] = field(default_factory=list)
    failed: list[dict] = field(default_factory=list)
    cancelled: bool = False
    repaired: str | None = None  # the index was found damaged and rebuilt: what was wrong
    notes: list[str] = field(default_factory=list)  # said once to the user: pages left without OCR, and why

    def as_dict(self) -> dict:
        return {"indexed": self.indexed, "skipped": self.skipped, "failed": self.failed, "cancelled": self.cancelled,
                "repaired": self.repaired, "notes": self.notes}


def expand_paths(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """PDF files named or found (recursively) in the folders named, in a stable order."""
    out: list[Path] = []
    for raw in paths:
        path = Path(raw).expanduser()
        if path.is_dir():
            out.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() == ".pdf"))
        else:
            out.append(path)
    return out


class LibraryIndexer:
    """Indexes library files; usable from a worker thread (progress and cancel are callbacks).

    A file's structure comes from the Workspace (its one cache of analysed compilations); before it
    is read, the pages without usable text are OCR'd (:mod:`reader.index.ocr_step`) unless ``ocr``
    is False, so every way into the index gives scanned pages their text.
    """

    def __init__(self, library: Library, workspace: "Workspace | None" = None, ocr: bool = True) -> None:
        """Opens the index, first rebuilding it when it is damaged (see :mod:`reader.index.repair`):
        indexing over a broken index would keep saying "unchanged" while search finds nothing."""
        from reader.workspace import Workspace

        self.library = library
        self.workspace = workspace if workspace is not None else Workspace(library)
        self.ocr = OcrStep(library.structure_cache_dir, enabled=ocr)
        damage = index_damage(library.index_dir, thorough=True)
        self.repaired: str | None = rebuild(library, damage) if damage else None
        self.store = PageStore(library.index_dir)

    # ------------------------------------------------------------------ public
    def index_paths(self, paths: Iterable[str | os.PathLike[str]], progress: Progress | None = None,
                    cancelled: Callable[[], bool] | None = None, retry_failed: bool = False) -> IndexReport:
        """Record and index ``paths`` (files or folders), then anything left queued by an earlier run.

        A file that failed before is not tried again (it is listed in ``failed`` with its earlier
        reason) unless ``retry_failed``; a changed file has a new hash and is tried afresh.
        """
        report = IndexReport(repaired=self.repaired)
        if retry_failed:
            self.requeue_failed()
        files = expand_paths(paths)
        for number, path in enumerate(files):
            if progress:
                progress(number, len(files), f"登记 (registering) {shown_path(path.name)}")
            entry = self._register(path, report)
            if entry is None:
                continue
            earlier = self.store.failure(entry.content_hash)
            if earlier is not None:
                report.failed.append(earlier)
            elif self.store.is_indexed(entry.content_hash) and not self._lacks_ocr(entry):
                report.skipped.append(self._entry_dict(entry, "unchanged"))
            else:
                self.store.enqueue(entry.content_hash, entry.path, time.time())
        self.run_queue(report, progress, cancelled)
        return report

    def _register(self, path: Path, report: IndexReport) -> LibraryFile | None:
        """Add one file to the library; a file that cannot be added is reported and skipped."""
        try:
            return self.library.add(path)
        except StorageError:
            raise
        except ReaderError as exc:
            report.failed.append({**pdf_fields(path), "content_hash": None, "error": exc.message,
                                  "error_type": type(exc).__name__})
        except OSError as exc:
            report.failed.append({**pdf_fields(path), "content_hash": None, "error_type": type(exc).__name__,
                                  "error": f"无法读取文件 (cannot read file): {shown_path(path)}: {exc.strerror}"})
        return None

    def _lacks_ocr(self, entry: LibraryFile) -> bool:
        """An indexed file whose records lack OCR text: pages still to be OCR'd (when an engine can do
        it), or OCR results written after it was indexed (``ocr`` run later, or by another process)."""
        if not self.ocr.enabled:
            return False
        with self.store.connect() as db:
            row = db.execute("SELECT indexed_at FROM compilations WHERE content_hash=?", (entry.content_hash,)).fetchone()
        if row is not None and self.ocr.changed_since(entry.content_hash, float(row[0])):
            return True
        try:
            with Document.open(entry.path) as doc:
                if doc.content_hash != entry.content_hash or not self.ocr.outstanding(doc):
                    return False
        except (ReaderError, OSError):
            return False  # unreadable now: indexing it again would not help
        return self.ocr.engine_available()

    def failures(self) -> list[dict]:
        """Files whose indexing failed, with the reason and time (oldest first)."""
        return self.store.failures()

    def requeue_failed(self) -> int:
        """Put every failed file back at the end of the queue (``index --retry-failed``)."""
        failures = self.store.failures()
        for failure in failures:
            self.store.forget_failure(failure["content_hash"])
            self.store.enqueue(failure["content_hash"], failure["pdf"], time.time())
        return len(failures)

    def queue_document(self, doc: Document) -> bool:
        """Record an opened document; True when it still needs indexing (it is then queued)."""
        entry = self.library.add(doc.path, document=doc)
        if self.store.is_indexed(entry.content_hash):
            return False
        self.store.enqueue(entry.content_hash, entry.path, time.time())
        return True

    def pending(self) -> list[tuple[str, str]]:
        return self.store.queued()

    def run_queue(self, report: IndexReport | None = None, progress: Progress | None = None,
                  cancelled: Callable[[], bool] | None = None, compilation=None) -> IndexReport:
        """Index every queued file. ``compilation`` may supply an already analysed structure.

        Several compilations share one whoosh commit (a commit costs about as much as indexing
        a compilation); a cancel is honoured between compilations and keeps what is done.
        """
        report = report or IndexReport()
        report.failed.extend(self.store.recover_abandoned())
        queue = self.store.queued()
        if not queue:
            return report
        ocr = self._ocr_queue(queue, report, progress, cancelled)
        if report.cancelled:
            return report
        with _WRITE_LOCK:
            ix = open_whoosh(self.library.index_dir)
            writer, batch, batch_pages, batch_started = None, [], 0, time.monotonic()
            try:
                for number, (content_hash, recorded_path) in enumerate(queue):
                    if cancelled and cancelled():
                        report.cancelled = True
                        break
                    if progress:
                        progress(number, len(queue), shown_path(Path(recorded_path).name))
                    entry = self.library.get(content_hash)
                    comp = compilation if compilation is not None and compilation.content_hash == content_hash else None
                    self.store.mark_started(content_hash)  # a worker that dies here leaves this mark
                    try:
                        prepared = self._prepare(content_hash, entry, comp, ocr.get(content_hash))
                    except StorageError:
                        raise  # the library's disk, not this file: stop
                    except Exception as exc:  # classified by describe_failure (a bug is named as one)
                        report.failed.append(self.store.record_failure(content_hash, recorded_path, *describe_failure(exc)))
                        continue
                    except BaseException:  # cancelled (Ctrl+C, the app's cancel): not this file's fault
                        self.store.mark_done_working(content_hash)
                        raise
                    if writer is None:
                        writer = open_writer(ix)
                    self._add(writer, prepared)
                    self.store.mark_done_working(content_hash)
                    batch.append((prepared, entry, recorded_path))
                    if prepared["ocr"].message:
                        report.notes.append(f"{Path(recorded_path).name}: {prepared['ocr'].message}")
                    batch_pages += len(prepared["rows"])
                    if batch_pages >= _BATCH_PAGES or time.monotonic() - batch_started > _BATCH_SECONDS:
                        self._commit(writer, batch, report)
                        writer, batch, batch_pages, batch_started = None, [], 0, time.monotonic()
                if writer is not None:
                    self._commit(writer, batch, report)
                    writer = None
            finally:
                if writer is not None:  # an unexpected error: leave the committed index as it was
                    writer.cancel()
        if progress:
            progress(len(queue), len(queue), "")
        return report

    def _ocr_queue(self, queue: list, report: IndexReport, progress: Progress | None,
                   cancelled: Callable[[], bool] | None) -> dict[str, OcrOutcome]:
        """First step of a run: OCR the queued files' pages without usable text, then let the engine go.

        All OCR comes before any indexing so the engine's memory (several hundred MB) is given back
        before jieba and the whoosh writer load: the worker's peak is the larger of the two, not their
        sum. A file being OCR'd is marked as worked on, like one being indexed, so a file that kills
        the worker is recorded as failed by the next run instead of killing it again. A cancel
        between pages sets ``report.cancelled``; what was recognised stays cached."""
        outcomes: dict[str, OcrOutcome] = {}
        if not self.ocr.enabled:
            return outcomes
        try:
            for content_hash, recorded_path in queue:
                path = self.library.resolve(content_hash) if self.library.get(content_hash) else None
                if path is None:
                    continue  # reported by the indexing step
                try:
                    self.store.mark_started(content_hash)  # inside: a cancel right after it still clears it
                    with Document.open(path) as doc:
                        if doc.content_hash != content_hash:
                            continue  # reported by the indexing step
                        outcome = self.ocr.run(doc, Path(recorded_path).name,
                                               self._alive_while(content_hash, progress), cancelled)
                except (ReaderError, OSError):
                    continue  # unreadable: the indexing step records why
                finally:
                    self.store.mark_done_working(content_hash)
                outcomes[content_hash] = outcome
                if outcome.pages:
                    self.workspace.forget(content_hash)  # analysed before these pages had text
                if outcome.cancelled:
                    report.cancelled = True
                    break
        finally:
            self.ocr.release()
        return outcomes

    def _alive_while(self, content_hash: str, progress: Progress | None) -> Progress:
        """``progress`` that also refreshes the file's in-progress marker (at most once a minute), so
        an OCR of thousands of pages is never recorded as a crash by another run."""
        last = time.monotonic()

        def report(done: int, total: int, what: str) -> None:
            nonlocal last
            if time.monotonic() - last >= schema._HEARTBEAT_EVERY_S:
                self.store.heartbeat(content_hash)
                last = time.monotonic()
            if progress is not None:
                progress(done, total, what)

        return report

    def _prepare(self, content_hash: str, entry: LibraryFile | None, comp, ocr: OcrOutcome | None = None) -> dict:
        """Analyse (cached) and store the page texts of one compilation (OCR'd before, ``ocr`` says
        what that did); nothing searchable yet."""
        outcome = ocr or OcrOutcome()
        if comp is None:
            comp = self._load(content_hash, entry)
        rows = page_rows(comp)
        front = front_matter_pages(comp)
        meta = {p: page_meta(comp, p) for p, *_ in rows}
        with self.store.connect() as db:
            db.execute("DELETE FROM pages WHERE content_hash=?", (content_hash,))
            db.executemany(
                "INSERT INTO pages (content_hash, page_index, own_len, folded, clean, next_clean, page_label,"
                " document, document_index, doc_number, date, front_matter) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                [(content_hash, p, own, folded, clean, nxt, *meta[p], int(p in front))
                 for p, own, folded, clean, nxt in rows],
            )
            ids = dict(db.execute("SELECT page_index, id FROM pages WHERE content_hash=?", (content_hash,)).fetchall())
        replaced = [f.content_hash for f in self.library.files() if f.replaced_by == content_hash]
        return {"hash": content_hash, "comp": comp, "rows": rows, "ids": ids, "replaced": replaced,
                "title": entry.title if entry else "", "ocr": outcome}

    @staticmethod
    def _add(writer, prepared: dict) -> None:
        comp, ids = prepared["comp"], prepared["ids"]
        for old in [prepared["hash"], *prepared["replaced"]]:
            writer.delete_by_term("content_hash", old)
        for page, own, folded, _clean, _next in prepared["rows"]:
            writer.add_document(**page_record(comp.content_hash, page, ids[page], folded, own))

    def _commit(self, writer, batch: list, report: IndexReport) -> None:
        writer.commit()
        now = time.time()
        with self.store.connect() as db:
            for prepared, _entry, _path in batch:
                db.execute("INSERT OR REPLACE INTO compilations VALUES (?,?,?,?)",
                           (prepared["hash"], prepared["title"], prepared["comp"].page_count, now))
                db.execute("DELETE FROM queue WHERE content_hash=?", (prepared["hash"],))
                db.execute("DELETE FROM failed WHERE content_hash=?", (prepared["hash"],))
                for old in prepared["replaced"]:
                    db.execute("DELETE FROM pages WHERE content_hash=?", (old,))
                    db.execute("DELETE FROM compilations WHERE content_hash=?", (old,))
                    db.execute("DELETE FROM failed WHERE content_hash=?", (old,))
        for prepared, entry, path in batch:
            fresh = self.library.get(prepared["hash"]) or entry
            info = self._entry_dict(fresh, "indexed") if fresh else {**pdf_fields(path), "status": "indexed"}
            info["pages"] = len(prepared["rows"])
            info["ocr_pages"] = prepared["ocr"].pages  # recognised during this run
            info["ocr_missing"] = prepared["ocr"].missing  # still without text (no engine, failed)
            report.indexed.append(info)

    def remove(self, content_hash: str) -> None:
        """Drop one compilation's records (whoosh first, so search never sees half of it)."""
        with _WRITE_LOCK:
            ix = open_whoosh(self.library.index_dir)
            writer = open_writer(ix)
            writer.delete_by_term("content_hash", content_hash)
            writer.commit()
        with self.store.connect() as db:
            db.execute("DELETE FROM pages WHERE content_hash=?", (content_hash,))
            db.execute("DELETE FROM compilations WHERE content_hash=?", (content_hash,))

    # ---------------------------------------------------------------- internal
    @staticmethod
    def _entry_dict(entry: LibraryFile, status: str) -> dict:
        return {**pdf_fields(entry.path), "content_hash": entry.content_hash, "title": entry.title, "status": status}

    def _load(self, content_hash: str, entry: LibraryFile | None):
        """The file's compilation, from the Workspace (its memory, the structure cache, or analysed now)."""
        path = self.library.resolve(content_hash) if entry else None
        if path is None:
            raise UsageError(f"文件已不在原处，无法建立索引 (file is missing, cannot index): {entry.path if entry else content_hash}")
        with Document.open(path) as doc:
            if doc.content_hash != content_hash:
                raise UsageError(f"文件已被修改，请重新添加 (file changed since it was added): {path}")
            return self.workspace.compilation(doc)


def page_rows(comp) -> list[tuple[int, int, str, str, str]]:
    """(page, own folded length, folded text + next page head, clean text, clean next head) per text page."""
    folded_pages = [fold(comp.page_text(p)) for p in range(comp.page_count)]
    rows = []
    for page in range(comp.page_count):
        own = folded_pages[page]
        if not own:
            continue
        head = folded_pages[page + 1][:NEXT_PAGE_HEAD] if page + 1 < comp.page_count else ""
        next_clean = comp.page_text(page + 1)[: NEXT_PAGE_HEAD * 2] if head else ""
        rows.append((page, len(own), own + head, comp.page_text(page), next_clean))
    return rows


def front_matter_pages(comp) -> set[int]:
    """Pages that are a cover or a contents list by their content (``reader.structure.frontmatter``).

    They repeat every title, so a search for a title would otherwise list them before the text;
    they stay in the index and a filter brings them back. Nothing else is left out of default
    search, wherever the documents were found to start: a first page that holds a law's title,
    its 目录 and its first articles, a red-header notice or text outside any detected document
    must all be found.
    """
    from reader.structure.frontmatter import front_matter

    return front_matter([comp.page_text(page).split("\n") for page in range(comp.page_count)])


def page_meta(comp, page: int) -> tuple[str, str, int, str, str]:
    """(page label, document title, document index, 文号, date) of a page, for filters and grouping."""
    finder = getattr(comp, "document_for_page", None)
    doc = finder(page) if finder else None
    index = comp.documents.index(doc) if doc is not None else -1
    label = comp.page_labels[page] if page < len(comp.page_labels) else str(page + 1)
    if doc is None:
        return label, "", -1, "", ""
    return label, doc.title or "", index, doc.doc_number or "", doc.date or ""
