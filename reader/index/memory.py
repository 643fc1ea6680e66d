"""A PageIndex held in memory: the second implementation of the contract, used by tests.

It shows what a backend must do and nothing more: pages are the same rows the whoosh index
stores (:func:`reader.index.indexing.page_rows`), matching is the same folded-substring rule,
ranking is by occurrences. Nothing survives the process, so change tokens are a write counter.
"""

from __future__ import annotations

import itertools
import os
import threading
from typing import TYPE_CHECKING, Callable, Iterable

from reader.errors import ReaderError
from reader.index.highlight import find_spans, hit_rects, rects_by_page, snippet_parts
from reader.index.indexing import IndexReport, expand_paths, front_matter_pages, page_meta, page_rows
from reader.index.normalize import fold
from reader.index.query import ParsedQuery, parse_query
from reader.index.search import HitDetails, PageHit, SearchFilters, SearchResults

if TYPE_CHECKING:
    from reader.document import Document
    from reader.library import Library
    from reader.structure import Compilation
    from reader.workspace import Workspace

Progress = Callable[[int, int, str], None]


class MemoryPageIndex:
    """Pages of the compilations indexed in this process."""

    def __init__(self, workspace: "Workspace") -> None:
        self.library: "Library" = workspace.library
        self._compilation = workspace.compilation
        self._pages: dict[str, list[tuple[PageHit, str, str, str, bool]]] = {}  # hash -> (hit, folded, clean, next)
        self._queue: dict[str, str] = {}
        self._pids = itertools.count(1)
        self._version = 0
        self._lock = threading.RLock()

    def index(self, paths: Iterable[str | os.PathLike[str]] = (), progress: Progress | None = None,
              cancelled: Callable[[], bool] | None = None, *, ocr: bool = False) -> IndexReport:
        """``ocr`` is accepted and ignored: this backend indexes the text the Workspace gives."""
        report = IndexReport()
        for path in expand_paths(paths):
            try:
                entry = self.library.add(path)
            except ReaderError as exc:
                report.failed.append({"pdf": str(path), "error": exc.message})
                continue
            if self.is_indexed(entry.content_hash):
                report.skipped.append({"pdf": entry.path, "content_hash": entry.content_hash, "status": "unchanged"})
            else:
                self._queue[entry.content_hash] = entry.path
        for number, (content_hash, path) in enumerate(list(self._queue.items())):
            if cancelled and cancelled():
                report.cancelled = True
                break
            if progress:
                progress(number, len(self._queue), path)
            comp = self._compilation(content_hash)
            del self._queue[content_hash]
            if comp is None:
                report.failed.append({"pdf": path, "error": f"文件已不在原处 (file is missing): {path}"})
                continue
            self._add(comp)
            report.indexed.append({"pdf": path, "content_hash": content_hash, "status": "indexed",
                                   "pages": len(self._pages[content_hash])})
        return report

    def index_in_worker(self, paths: Iterable[str | os.PathLike[str]] = (), progress: Progress | None = None,
                        cancelled: Callable[[], bool] | None = None) -> IndexReport:
        return self.index(paths, progress, cancelled)  # in memory there is no other process to use

    def _add(self, comp: "Compilation") -> None:
        front = front_matter_pages(comp)
        rows = []
        for page, own, folded, clean, next_clean in page_rows(comp):
            label, document, doc_index, number, date = page_meta(comp, page)
            hit = PageHit(comp.content_hash, page, label, document, doc_index, number, date, next(self._pids), own)
            rows.append((hit, folded, clean, next_clean, page in front))
        with self._lock:
            self._pages[comp.content_hash] = rows
            self._version += 1

    def queue_document(self, doc: "Document") -> bool:
        entry = self.library.add(doc.path, document=doc)
        if self.is_indexed(entry.content_hash):
            return False
        self._queue[entry.content_hash] = entry.path
        return True

    def remove(self, content_hash: str) -> None:
        with self._lock:
            self._pages.pop(content_hash, None)
            self._version += 1

    def pending(self) -> list[tuple[str, str]]:
        return list(self._queue.items())

    def damage(self) -> str | None:
        """Nothing can damage an index held in memory."""
        return None

    def is_indexed(self, content_hash: str) -> bool:
        return content_hash in self._pages

    def search(self, text: str, filters: SearchFilters | None = None, limit: int | None = None) -> SearchResults:
        parsed = parse_query(text)
        results = SearchResults(text, parsed, [], 0, parsed.message)
        if parsed.empty:
            return results
        filters = filters or SearchFilters()
        wanted_doc = fold(filters.document) if filters.document else ""
        hits = []
        with self._lock:
            pages = [row for chash, rows in self._pages.items()
                     if filters.content_hashes is None or chash in filters.content_hashes for row in rows]
        for template, folded, _clean, _next, front in pages:
            own = template.occurrences  # the folded length of the page itself
            starts = {t: [i for i in _find_all(folded, t) if i < own] for t in parsed.include + parsed.exclude}
            if not all(starts[t] for t in parsed.include) or any(starts[t] for t in parsed.exclude):
                continue
            if (front and not filters.front_matter) \
                    or (filters.date_from and not (template.date and template.date >= filters.date_from)) \
                    or (filters.date_to and not (template.date and template.date <= filters.date_to)) \
                    or (wanted_doc and wanted_doc not in fold(template.document) and wanted_doc not in fold(template.doc_number)) \
                    or (filters.pages is not None and (template.content_hash, template.page_index) not in filters.pages):
                continue
            count = sum(len(starts[t]) for t in parsed.include)
            hits.append(PageHit(**{**template.__dict__, "occurrences": count, "score": float(count)}))
        hits.sort(key=lambda h: (-h.score, h.content_hash, h.page_index))
        files = {f.content_hash: f for f in self.library.files()}
        for hit in hits:
            entry = files.get(hit.content_hash)
            if entry is not None:
                hit.pdf, hit.compilation, hit.missing = entry.path, entry.title, entry.status == "missing"
        results.total_pages = len(hits)
        results.hits = hits if limit is None else hits[: max(0, limit)]
        return results

    def details(self, hit: PageHit, parsed: ParsedQuery, with_rects: bool = True) -> HitDetails:
        with self._lock:
            row = next((r for r in self._pages.get(hit.content_hash, []) if r[0].page_index == hit.page_index), None)
        clean, next_clean = (row[2], row[3]) if row else ("", "")
        spans = find_spans(clean, next_clean, parsed.include)
        details = HitDetails(snippet_parts(clean + next_clean, spans, len(clean)), spans)
        comp = self._compilation(hit.content_hash) if with_rects and spans else None
        if comp is not None:
            details.hit_rects = hit_rects(comp, hit.page_index, spans)
            details.rects = rects_by_page(details.hit_rects)
        return details

    def change_token(self) -> object:
        return self._version

    def close(self) -> None:
        pass


def _find_all(text: str, term: str) -> list[int]:
    found, at = [], text.find(term)
    while at >= 0:
        found.append(at)
        at = text.find(term, at + 1)
    return found
