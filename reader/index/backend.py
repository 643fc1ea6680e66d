"""The whoosh + ``pages.sqlite3`` index as the Workspace's first PageIndex.

Searching and indexing modules are imported on first use, so a window that never searches does
not load whoosh; indexing for the GUI runs in a worker process (:mod:`reader.index.worker`).
"""

from __future__ import annotations

import os
import threading
from typing import TYPE_CHECKING, Callable, Iterable

from reader.index.schema import PAGES_DB, PageStore
from reader.sqlite_watch import DataVersionWatch

if TYPE_CHECKING:
    from reader.document import Document
    from reader.index.indexing import IndexReport, LibraryIndexer
    from reader.index.query import ParsedQuery
    from reader.index.search import HitDetails, LibrarySearcher, PageHit, SearchFilters, SearchResults
    from reader.library import Library
    from reader.structure import Compilation
    from reader.workspace import Workspace

Progress = Callable[[int, int, str], None]


class WhooshPageIndex:
    """Library pages in whoosh (candidates, ranking) and SQLite (texts, queue); thread-safe."""

    def __init__(self, library: "Library", compilations: Callable[[str], "Compilation | None"] | None = None,
                 workspace: "Workspace | None" = None) -> None:
        self.library = library
        self.workspace = workspace  # indexing reads compilations through it (None: a Workspace of its own)
        self._compilations = compilations if compilations is not None or workspace is None else workspace.compilation
        self._page_store: PageStore | None = None  # opened on first use: a damaged file is repaired first
        self._watch = DataVersionWatch(library.index_dir / PAGES_DB)
        self._lock = threading.Lock()
        self._searcher: "LibrarySearcher | None" = None
        self.repaired: str | None = None  # the message of the last repair made by this object

    @property
    def _store(self) -> PageStore:
        with self._lock:
            if self._page_store is None:
                self._page_store = PageStore(self.library.index_dir)
            return self._page_store

    def _search_engine(self) -> "LibrarySearcher":
        with self._lock:
            if self._searcher is None:
                from reader.index.search import LibrarySearcher

                self._searcher = LibrarySearcher(self.library, compilations=self._compilations)
            return self._searcher

    def _indexer(self, ocr: bool = True) -> "LibraryIndexer":
        from reader.index.indexing import LibraryIndexer

        return LibraryIndexer(self.library, workspace=self.workspace, ocr=ocr)

    # ------------------------------------------------------------ PageIndex
    def index(self, paths: Iterable[str | os.PathLike[str]] = (), progress: Progress | None = None,
              cancelled: Callable[[], bool] | None = None, retry_failed: bool = False,
              ocr: bool = True) -> "IndexReport":
        """Index ``paths`` and the queue; files that failed before are tried again only with ``retry_failed``.
        A damaged index is rebuilt first (the report's ``repaired`` says what was wrong). Pages without
        usable text are OCR'd first unless ``ocr`` is False (``index --no-ocr``)."""
        return self._indexer(ocr).index_paths(paths, progress=progress, cancelled=cancelled, retry_failed=retry_failed)

    def failures(self) -> list[dict]:
        """Files whose indexing failed, with the reason and time (oldest first)."""
        return self._store.failures()

    def repair(self, thorough: bool = False) -> str | None:
        """Rebuild a damaged index now, from the page texts kept in SQLite (or the library's files).

        Returns the message to show the user, or None when the index is fine. ``thorough`` adds
        SQLite's quick_check (reads every page; for when whoosh already failed)."""
        from reader.index.repair import index_damage, rebuild

        if getattr(self.library, "read_only", False):  # nothing can be rebuilt; search what is there
            return None
        damage = index_damage(self.library.index_dir, thorough=thorough)
        if damage is None:
            return None
        with self._lock:
            if self._searcher is not None:
                self._searcher.close()
                self._searcher = None
            self._page_store = None
        message = rebuild(self.library, damage)
        self._watch.close()  # the page store may be a new file now: watch that one
        self._indexer(ocr=False).run_queue()  # files queued again when their page texts were lost
        self.repaired = message
        return message

    def remove(self, content_hash: str) -> None:
        self._indexer().remove(content_hash)

    def pending(self) -> list[tuple[str, str]]:
        return [tuple(row) for row in self._store.queued()]  # type: ignore[misc]

    def damage(self) -> str | None:
        """What is wrong with the stored index ("搜索索引已损坏… : detail"), None when usable or not built.

        The next ``index``/``index_in_worker`` run rebuilds a damaged index from what the library holds."""
        from reader.index.repair import DAMAGED, index_damage

        detail = index_damage(self.library.index_dir)
        return f"{DAMAGED}: {detail}" if detail else None

    def is_indexed(self, content_hash: str) -> bool:
        return self._store.is_indexed(content_hash)

    def search(self, text: str, filters: "SearchFilters | None" = None, limit: int | None = None) -> "SearchResults":
        """Search; damage whoosh meets on the way (a truncated segment) is repaired once, then searched again."""
        from reader.index.repair import WHOOSH_DAMAGE

        try:
            return self._search_engine().search(text, filters=filters, limit=limit)
        except WHOOSH_DAMAGE:
            if self.repair(thorough=True) is None:
                raise
            return self._search_engine().search(text, filters=filters, limit=limit)

    def details(self, hit: "PageHit", parsed: "ParsedQuery", with_rects: bool = True) -> "HitDetails":
        return self._search_engine().details(hit, parsed, with_rects=with_rects)

    def change_token(self) -> object:
        return self._watch.token()

    def close(self) -> None:
        self._watch.close()
        with self._lock:
            if self._searcher is not None:
                self._searcher.close()
                self._searcher = None

    # ------------------------------------------------------------ beyond the protocol
    def queue_document(self, doc: "Document") -> bool:
        """Record an opened document; True when it still needs indexing (it is then queued)."""
        return self._indexer().queue_document(doc)

    def index_in_worker(self, paths: Iterable[str | os.PathLike[str]] = (), progress: Progress | None = None,
                        cancelled: Callable[[], bool] | None = None) -> "IndexReport":
        """:meth:`index` in a separate process (the reading app never loads jieba, a whoosh writer or
        the OCR engine); it OCRs the pages without text, reporting them with ``ocr_step.ocr_what``."""
        from reader.index.worker import index_in_worker

        return index_in_worker(self.library.root, paths, progress=progress, cancelled=cancelled)


def open_page_index(workspace: "Workspace") -> WhooshPageIndex:
    """The registered factory of the "whoosh" PageIndex (see reader.workspace.registry)."""
    return WhooshPageIndex(workspace.library, workspace=workspace)
