"""The one door to a library's data: compilations, annotations, the search index, and their changes.

``Workspace(library)`` is what the CLI and the GUI hold. It keeps the one cache of analysed
compilations, opens the annotation repository and the page index through the registry
(:mod:`reader.workspace.registry`; the SQLite store and whoosh are the first implementations),
answers the queries that combine them (annotated pages for the search filter, annotations for
export) and tells listeners when annotations, themes or the index changed. Qt-free.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import TYPE_CHECKING, Callable

from reader.workspace import changes
from reader.workspace.protocols import AnnotationRepository, PageIndex
from reader.workspace.registry import (
    DEFAULT_ANNOTATIONS,
    annotation_repository_factory,
    default_page_index,
    page_index_factory,
)

if TYPE_CHECKING:
    from reader.document import Document
    from reader.library import Library
    from reader.structure import Compilation

__all__ = ["Workspace", "AnnotationRepository", "PageIndex"]

_COMPILATIONS_KEPT = 4  # analysed compilations kept in memory (a big one is ~30 MB)


class Workspace:
    """A library's compilations, annotations and index behind one object. Thread-safe."""

    def __init__(self, library: "Library", *, index: str | None = None,
                 annotations: str = DEFAULT_ANNOTATIONS, backup: bool = True) -> None:
        self.library = library
        self.backup = backup  # take the annotation store's daily rolling backup when it opens
        # None: the library's own choice (a library joined to a team searches the team's pages)
        self._index_backend, self._annotation_backend = index, annotations
        self._lock = threading.RLock()
        self._compilations: OrderedDict[str, "Compilation"] = OrderedDict()
        self._annotations: AnnotationRepository | None = None
        self._index: PageIndex | None = None
        self._notifier = changes.ChangeNotifier()
        self._theme_snapshot: list | None = None

    # ------------------------------------------------------------ compilations
    def compilation(self, source: "str | Document") -> "Compilation | None":
        """The analysed structure of a compilation, by content hash or from an open Document.

        From memory, else the structure cache, else the PDF (analysed once, then cached on disk).
        None when a hash's file is neither cached nor present, or changed since it was recorded.
        """
        content_hash = source if isinstance(source, str) else source.content_hash
        with self._lock:
            comp = self._compilations.get(content_hash)
            if comp is not None:
                self._compilations.move_to_end(content_hash)
                return comp
        comp = self._load(source)
        if comp is not None:
            self.remember(comp)
        return comp

    def remember(self, comp: "Compilation") -> None:
        """Keep an analysed compilation (the least recently used one beyond the limit is dropped)."""
        with self._lock:
            self._compilations[comp.content_hash] = comp
            self._compilations.move_to_end(comp.content_hash)
            while len(self._compilations) > _COMPILATIONS_KEPT:
                self._compilations.popitem(last=False)

    def forget(self, content_hash: str) -> None:
        """Drop a compilation from memory, because what it was read from changed (OCR added the text
        of scanned pages; reader.ocr drops the cached analysis on disk): the next use re-reads it."""
        with self._lock:
            self._compilations.pop(content_hash, None)

    def _load(self, source: "str | Document") -> "Compilation | None":
        from reader.structure import cache, load_structure

        cache_dir = self.library.structure_cache_dir
        if not isinstance(source, str):
            return load_structure(source, cache_dir)
        comp = cache.load(cache_dir, source)
        if comp is not None:
            return comp
        path = self.library.resolve(source)
        if path is None:
            return None
        from reader.document import Document

        with Document.open(path) as doc:
            if doc.content_hash != source:
                return None
            return load_structure(doc, cache_dir)

    # ------------------------------------------------------------ storage doors
    @property
    def annotations(self) -> AnnotationRepository:
        """The library's annotations and themes (opened on first use)."""
        with self._lock:
            if self._annotations is None:
                self._annotations = annotation_repository_factory(self._annotation_backend)(self)
                # the baseline: what was there when it opened is not a change
                self._notifier.observe(changes.ANNOTATIONS, self._annotations.change_token())
                self._theme_snapshot = self._annotations.themes()
            return self._annotations

    @property
    def index(self) -> PageIndex:
        """The library's search index (opened on first use; searching loads no jieba)."""
        with self._lock:
            if self._index is None:
                backend = self._index_backend or default_page_index(self.library)
                self._index = page_index_factory(backend)(self)
                self._notifier.observe(changes.INDEX, self._index.change_token())
            return self._index

    def close_annotations(self) -> None:
        """Close the annotation repository (before a restore replaces its file); the next use reopens it."""
        with self._lock:
            if self._annotations is not None:
                self._annotations.close()
                self._annotations = None

    def close(self) -> None:
        with self._lock:
            for backend in (self._annotations, self._index):
                if backend is not None:
                    backend.close()
            self._annotations = self._index = None
            self._compilations.clear()

    def __enter__(self) -> "Workspace":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------ combined queries
    def annotated_pages(self, content_hash: str | None = None) -> set[tuple[str, int]]:
        """(content_hash, page) of every page an annotation covers, for the "only annotated" search filter."""
        pages: set[tuple[str, int]] = set()
        for note in self.annotations.list(content_hash=content_hash):
            pages.add((note.content_hash, note.page_index))
            for page in note.rects or {}:
                pages.add((note.content_hash, int(page)))
        return pages

    def annotations_with_paths(self, content_hash: str | None = None, theme: str | None = None,
                               text: str | None = None) -> list:
        """Annotations with each one's PDF path as the library knows it now (the file may have moved)."""
        from reader.annotations.service import with_current_path

        return with_current_path(self.library, self.annotations.list(content_hash, theme, text))

    def export(self, options, output, progress=None, cancelled=None, overwrite: bool = False):
        """Write an export of the library's annotations (see :func:`reader.export.runner.run_export`);
        an existing output file is replaced only with ``overwrite``."""
        from reader.export.runner import run_export

        return run_export(self.library, options, output, store=self.annotations, progress=progress,
                          cancelled=cancelled, compilations=self.compilation, overwrite=overwrite)

    # ------------------------------------------------------------ change notification
    def subscribe(self, listener: changes.Listener) -> Callable[[], None]:
        """``listener(kinds)`` is called with the kinds ("annotations", "themes", "index") that changed."""
        return self._notifier.subscribe(listener)

    def notify(self, *kinds: str) -> None:
        """Tell listeners about a change made in this process (one they cannot see by polling soon enough)."""
        self._notifier.notify(kinds)

    def poll_changes(self, quiet: frozenset[str] | set[str] = frozenset()) -> frozenset[str]:
        """Look for writes since the last poll (by any process) and tell listeners; returns what changed.

        Only backends already opened are polled: a window that never searched does not open the index.
        Kinds in ``quiet`` are only taken note of (a caller that has just shown its own write).
        """
        changed: set[str] = set()
        with self._lock:
            annotations, index = self._annotations, self._index
        if annotations is not None:
            if self._notifier.observe(changes.ANNOTATIONS, annotations.change_token()):
                changed.add(changes.ANNOTATIONS)
            themes = annotations.themes() if changed or self._theme_snapshot is None else self._theme_snapshot
            if self._theme_snapshot is not None and themes != self._theme_snapshot:
                changed.add(changes.THEMES)
            self._theme_snapshot = themes
        if index is not None and self._notifier.observe(changes.INDEX, index.change_token()):
            changed.add(changes.INDEX)
        self._notifier.notify(changed - set(quiet))
        return frozenset(changed)

