"""The "team" PageIndex: a library joined to a team searches every compilation the team has read.

Registered in :mod:`reader.workspace.registry`; a Workspace over a joined library uses it by default
(:func:`default_for`), so ``search``, the window's search panel and everything else that searches
go through the same door on a team library. It holds two indexes:
- the library's own whoosh index (:class:`reader.index.backend.WhooshPageIndex`): indexing runs
  there as in any library, and it answers while the team server cannot be reached (the results
  then say so), as every laptop keeps working offline;
- the team's pages in PostgreSQL (:class:`reader.team.search.TeamIndex`): what indexing adds is
  shared at once (else by the next ``team sync``), and searching covers every team compilation,
  also those whose PDF is not on this laptop (their hits are marked ``missing``; ``team fetch``
  downloads a shared PDF).
Removing a compilation takes it out of this library's index and its searches; the team keeps its
copy for colleagues.
"""

from __future__ import annotations

import json
import os
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable

from reader.errors import ReaderError
from reader.team import catalogue
from reader.team.catalogue import add_shared
from reader.team.state import FILE_NAME, TeamState

if TYPE_CHECKING:
    from reader.document import Document
    from reader.index.backend import WhooshPageIndex
    from reader.team.search import TeamIndex
    from reader.index.indexing import IndexReport
    from reader.index.query import ParsedQuery
    from reader.index.search import HitDetails, PageHit, SearchFilters, SearchResults
    from reader.library import Library
    from reader.workspace import Workspace

Progress = Callable[[int, int, str], None]

_TEXT_BATCH = 100  # page texts read per statement when a list asks for its hits' details
OFFLINE_RETRY_S = 30.0  # after a failed connection, search locally this long before trying the server again
OFFLINE_NOTE = "团队库暂时无法连接，只搜索了本机的汇编 (the team server cannot be reached; only this laptop's " \
               "compilations were searched)"
_SHARED_KEY = "shared_compilations"  # the same bookkeeping as reader.team.sharing
HIDDEN_KEY = "hidden_compilations"


def joined_url(library_root: str | os.PathLike[str]) -> str | None:
    """The team URL a library folder joined, or None (without creating the bookkeeping file)."""
    if not (Path(library_root) / FILE_NAME).exists():
        return None
    try:
        return TeamState(library_root).get("url")
    except ReaderError:  # unreadable bookkeeping (a damaged or read-only copy): search this laptop's index
        return None


def default_for(library: "Library") -> str | None:
    """"team" for a library joined to a team, else None (the Workspace's own default)."""
    return "team" if joined_url(library.root) else None


class TeamPageIndex:
    """The local index plus team search; thread-safe as its two parts are (each holds its own lock)."""

    def __init__(self, workspace: "Workspace", url: str | None = None) -> None:
        from reader.index.backend import WhooshPageIndex
        from reader.team.connection import resolve_url
        from reader.team.search import TeamIndex

        self.library: "Library" = workspace.library
        self._compilation = workspace.compilation
        self.local: "WhooshPageIndex" = WhooshPageIndex(self.library, compilations=workspace.compilation)
        self.state = TeamState(self.library.root)
        self.team: "TeamIndex" = TeamIndex(resolve_url(url, self.state.get("url")))
        self._offline_until = 0.0
        self._shared_here = 0  # compilations this object shared: part of the change token
        self._texts_lock = threading.Lock()
        self._texts: dict[tuple[str, int], tuple[str, str, list[str]]] = {}  # page texts of a batch of hits
        self._last_order: list[tuple[str, int]] = []  # the last search's hits, in order
        self._last_hits: dict[tuple[str, int], int] = {}

    # ------------------------------------------------------------ bookkeeping
    def _hashes(self, key: str) -> set[str]:
        return set(json.loads(self.state.get(key, "[]") or "[]"))

    def _set_hashes(self, key: str, hashes: set[str]) -> None:
        with self.state.tx() as db:
            self.state.set_meta(db, **{key: json.dumps(sorted(hashes))})

    def _online(self) -> bool:
        return time.monotonic() >= self._offline_until

    def _went_offline(self) -> None:
        self._offline_until = time.monotonic() + OFFLINE_RETRY_S

    # ------------------------------------------------------------ indexing
    def index(self, paths: Iterable[str | os.PathLike[str]] = (), progress: Progress | None = None,
              cancelled: Callable[[], bool] | None = None, retry_failed: bool = False,
              ocr: bool = True) -> "IndexReport":
        """Index ``paths`` locally (pages without text OCR'd first unless ``ocr`` is False), then
        share what was indexed with the team."""
        report = self.local.index(paths, progress, cancelled, retry_failed=retry_failed, ocr=ocr)
        self._share(report)
        return report

    def index_in_worker(self, paths: Iterable[str | os.PathLike[str]] = (), progress: Progress | None = None,
                        cancelled: Callable[[], bool] | None = None) -> "IndexReport":
        report = self.local.index_in_worker(paths, progress, cancelled)
        self._share(report)
        return report

    def _share(self, report: "IndexReport") -> None:
        """Send the compilations just indexed (and unchanged ones never sent); offline, the next sync does."""
        from reader.team.connection import TeamOfflineError
        from reader.team.pdfs import PdfTooLargeError, limit_bytes, share_setting, upload_pdf

        done = [e["content_hash"] for e in report.indexed + report.skipped if e.get("content_hash")]
        hidden = self._hashes(HIDDEN_KEY)
        if hidden & set(done):
            self._set_hashes(HIDDEN_KEY, hidden - set(done))
        shared = self._hashes(_SHARED_KEY)
        todo = [h for h in done if h not in shared]
        if not todo or not self._online():
            return
        with_pdf = share_setting(self.state)
        try:
            for content_hash in todo:
                comp = self._compilation(content_hash)
                entry = self.library.get(content_hash)
                if comp is None or entry is None:
                    continue
                self.team.index(comp, entry.title or Path(entry.path).stem)
                add_shared(self.state, content_hash, entry.title or Path(entry.path).stem, comp.page_count,
                           self.state.get("role") or "")
                if with_pdf:
                    try:
                        self.team.run(lambda conn: upload_pdf(conn, content_hash, Path(entry.path),
                                                              limit_bytes(self.state)))
                    except PdfTooLargeError as exc:
                        report.failed.append({"pdf": entry.path, "error": exc.message})
                shared.add(content_hash)
                self._shared_here += 1
        except TeamOfflineError:
            self._went_offline()
        finally:
            self._set_hashes(_SHARED_KEY, shared)

    def queue_document(self, doc: "Document") -> bool:
        return self.local.queue_document(doc)

    def remove(self, content_hash: str) -> None:
        """Out of this library's index and searches; the team's copy stays for colleagues."""
        self.local.remove(content_hash)
        self._set_hashes(HIDDEN_KEY, self._hashes(HIDDEN_KEY) | {content_hash})

    def pending(self) -> list[tuple[str, str]]:
        return self.local.pending()

    def damage(self) -> str | None:
        return self.local.damage()

    def repair(self, thorough: bool = False) -> str | None:
        return self.local.repair(thorough)

    def failures(self) -> list[dict]:
        return self.local.failures()

    def is_indexed(self, content_hash: str) -> bool:
        """Indexed here, or a team compilation as last seen (never a server round trip: the window asks
        on its GUI thread; searches, syncs and :meth:`refresh_compilations` keep the record current)."""
        if content_hash in self._hashes(HIDDEN_KEY):
            return False
        return self.local.is_indexed(content_hash) or content_hash in catalogue.recorded(self.state)

    def refresh_compilations(self) -> bool:
        """Look at the server's compilations (off the GUI thread); True when the list changed.
        Unreachable: False, and the record stays as last seen."""
        from reader.team.connection import TeamOfflineError

        if not self._online():
            return False
        try:
            return self.team.run(lambda conn: catalogue.look(conn, self.state))
        except TeamOfflineError:
            self._went_offline()
            return False

    # ------------------------------------------------------------ searching
    def search(self, text: str, filters: "SearchFilters | None" = None, limit: int | None = None) -> "SearchResults":
        """Every team compilation's pages; this laptop's alone (with a note) while the server is unreachable."""
        from reader.team.connection import TeamOfflineError

        if self._online():
            try:
                results = self.team.search(text, filters, limit, hidden=self._hashes(HIDDEN_KEY))
            except TeamOfflineError:
                self._went_offline()
            else:
                self.refresh_compilations()  # a colleague's new compilation: the lists follow
                self._attach_files(results.hits)
                with self._texts_lock:
                    self._last_order = [(h.content_hash, h.page_index) for h in results.hits]
                    self._last_hits = {key: i for i, key in enumerate(self._last_order)}
                    self._texts = {}
                return results
        results = self.local.search(text, filters, limit)
        if not results.parsed.empty:
            results.message = OFFLINE_NOTE
        return results

    def _attach_files(self, hits: list["PageHit"]) -> None:
        """Where this laptop has the compilation: its path and title; elsewhere the hit is ``missing``."""
        files = {f.content_hash: f for f in self.library.files()}
        present: dict[str, bool] = {}
        for hit in hits:
            entry = files.get(hit.content_hash)
            if entry is None:
                continue
            if hit.content_hash not in present:
                present[hit.content_hash] = entry.status != "missing" and os.path.isfile(entry.path)
            hit.pdf, hit.missing = entry.path, not present[hit.content_hash]
            hit.compilation = entry.title or hit.compilation

    def details(self, hit: "PageHit", parsed: "ParsedQuery", with_rects: bool = True) -> "HitDetails":
        """Snippet from the team's page text (and who annotated the page); rectangles when the PDF is here."""
        from reader.team.search import TeamPageHit, page_details

        if not isinstance(hit, TeamPageHit):  # a hit of the local index, found while offline
            return self.local.details(hit, parsed, with_rects)
        clean, next_clean, hit.authors = self._page_texts(hit)
        details = page_details(clean, next_clean, parsed)
        if with_rects and details.spans and not hit.missing:
            from reader.index.highlight import hit_rects, rects_by_page

            comp = self._compilation(hit.content_hash)
            if comp is not None and comp.page_text(hit.page_index) == clean:
                details.hit_rects = hit_rects(comp, hit.page_index, details.spans)
                details.rects = rects_by_page(details.hit_rects)
        return details

    def _page_texts(self, hit: "PageHit") -> tuple[str, str, list[str]]:
        """The hit's page texts, read with those of the next hits of the last search in one statement:
        a list asks for the details of every hit it shows, one by one."""
        key = (hit.content_hash, hit.page_index)
        with self._texts_lock:
            texts = self._texts.get(key)
            if texts is None:
                start = self._last_hits.get(key, -1)
                batch = [key] if start < 0 else self._last_order[start:start + _TEXT_BATCH]
                self._texts = self.team.page_texts_many(batch)
                texts = self._texts.get(key, ("", "", []))
            return texts

    def fetch_pdf(self, compilation: str, folder: Path | None = None) -> dict:
        """Download a team compilation's PDF (content hash, prefix or title), verified by its content hash,
        into ``folder`` (default ``team-pdfs`` in the library) and add it to the library: its hits open."""
        from reader.team.pdfs import FETCH_FOLDER, fetch_pdf

        target = folder if folder is not None else self.library.root / FETCH_FOLDER
        result = self.team.run(lambda conn: fetch_pdf(conn, compilation, target))
        result["added"] = self.library.add(result["path"]).content_hash == result["content_hash"]
        return result

    def change_token(self) -> object:
        """The local index's token, what this object shared and the server's compilation version as
        last seen (:mod:`reader.team.catalogue`): a colleague's new compilation changes it once a
        sync, a search or :meth:`refresh_compilations` has seen it. The server itself is not asked:
        the window polls every second on its GUI thread, and an unreachable server would stall it."""
        return (self.local.change_token(), self._shared_here, catalogue.recorded_version(self.state))

    def close(self) -> None:
        self.local.close()
        self.team.close()


def open_team_index(workspace: "Workspace") -> TeamPageIndex:
    """The registered factory of the "team" PageIndex (see reader.workspace.registry)."""
    return TeamPageIndex(workspace)
