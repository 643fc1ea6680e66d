"""Searching the library index: candidates from whoosh, exact verification in SQLite, ranking.

1. candidates: for every required string, its rarest character pairs (or the character itself)
   must all be in a page's ``grams`` — a superset of the true pages, found without jieba;
2. verification: SQLite checks each candidate's folded text with ``instr`` (the match must start
   on the page; its tail may run onto the next page), and drops pages with excluded strings;
3. ranking: BM25 over the verified occurrences, plus jieba-word BM25 from whoosh's ``words`` field
   when the hit list is small enough for it to be cheap.
Snippets and hit rectangles are computed only for the hits a caller shows (:meth:`details`).
"""

from __future__ import annotations

import json
import math
import os
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable

from whoosh import query as wq

from reader.index.analyzer import pairs
from reader.index.highlight import find_spans, hit_rects, rects_by_page, snippet_parts
from reader.index.normalize import fold
from reader.index.query import ParsedQuery, parse_query
from reader.index.schema import PageStore, open_whoosh
from reader.library import Library

if TYPE_CHECKING:
    from reader.structure import Compilation

_GRAMS_PER_TERM = 3  # rarest pairs per string used to find candidates; verification does the rest
_SAMPLE_PAIRS = 64  # pairs of a long string whose frequencies are looked up
_JIEBA_RANK_LIMIT = 300  # above this many hits, rank by occurrences alone (visiting postings costs ~20 µs a hit)
_FILES_TTL = 3.0  # seconds the library's file list (paths, missing marks) is reused between searches
_CACHE_CHARS = 40_000_000  # folded page text kept in memory between searches (~80 MB at most)


@dataclass
class SearchFilters:
    content_hashes: set[str] | None = None  # only these compilations
    document: str | None = None  # substring of the document title or 文号 (whitespace/width-insensitive)
    date_from: str | None = None  # "YYYY-MM-DD" inclusive, on the document's date
    date_to: str | None = None
    pages: set[tuple[str, int]] | None = None  # only these (content_hash, page_index), e.g. annotated ones
    front_matter: bool = False  # include cover and contents pages (they repeat every title)


@dataclass
class PageHit:
    content_hash: str
    page_index: int
    page_label: str
    document: str
    document_index: int
    doc_number: str
    date: str
    pid: int
    occurrences: int
    score: float = 0.0
    pdf: str = ""
    compilation: str = ""
    missing: bool = False


@dataclass
class HitDetails:
    snippet_parts: list[tuple[str, bool]]  # (text, is_hit), in order
    spans: list[tuple[int, int]]  # clean-text offsets of the hits within the page (may end on the next page)
    rects: dict[int, list[tuple[float, float, float, float]]] = field(default_factory=dict)  # by page
    hit_rects: list[list[tuple[int, tuple[float, float, float, float]]]] = field(default_factory=list)  # per hit

    @property
    def snippet(self) -> str:
        return "".join(f"【{t}】" if hit else t for t, hit in self.snippet_parts)

    @property
    def snippet_plain(self) -> str:
        return "".join(t for t, _ in self.snippet_parts)

    @property
    def snippet_spans(self) -> list[list[int]]:
        spans, at = [], 0
        for text, hit in self.snippet_parts:
            if hit:
                spans.append([at, at + len(text)])
            at += len(text)
        return spans


@dataclass
class SearchResults:
    query: str
    parsed: ParsedQuery
    hits: list[PageHit]
    total_pages: int
    message: str | None = None
    elapsed_ms: float = 0.0

    def groups(self) -> list[tuple[str, list[tuple[str, list[PageHit]]]]]:
        """Hits grouped compilation → document, groups in order of their best hit."""
        by_comp: OrderedDict[str, OrderedDict[tuple, list[PageHit]]] = OrderedDict()
        for hit in self.hits:
            comp = by_comp.setdefault(hit.content_hash, OrderedDict())
            comp.setdefault((hit.document_index, hit.document), []).append(hit)
        out = []
        for comp_hash, docs in by_comp.items():
            first = next(iter(docs.values()))[0]
            out.append((first.compilation or comp_hash[:12],
                        [(doc or "（未归入文件）", hits) for (_i, doc), hits in docs.items()]))
        return out


class LibrarySearcher:
    """Search over a library's index. Thread-safe; opening it reads nothing but the index's table of contents."""

    def __init__(self, library: Library, compilations: Callable[[str], "Compilation | None"] | None = None) -> None:
        self.library = library
        self._compilations = compilations  # the Workspace's one cache; without it, a small cache of its own
        self.store = PageStore(library.index_dir)
        self._lock = threading.RLock()
        self._index = None
        self._searcher = None
        self._pids = None
        self._docnums: dict[int, int] | None = None
        self._page_cache: dict[int, tuple] = {}
        self._cached_chars = 0
        self._files: tuple[float, dict, dict] | None = None

    # ------------------------------------------------------------------ whoosh
    def _current_searcher(self):
        if self._index is None:
            self._index = open_whoosh(self.library.index_dir, create=False)
            if self._index is None:
                return None
        if self._searcher is None:
            self._searcher = self._index.searcher()
            self._pids = self._docnums = None
        else:
            fresh = self._searcher.refresh()
            if fresh is not self._searcher:
                self._searcher, self._pids, self._docnums = fresh, None, None
        return self._searcher

    def _pid_column(self, searcher):
        if self._pids is None:
            self._pids = list(searcher.reader().column_reader("pid"))
        return self._pids

    def close(self) -> None:
        with self._lock:
            if self._searcher is not None:
                self._searcher.close()
            self._searcher = self._pids = None

    # ------------------------------------------------------------------ search
    def search(self, text: str, filters: SearchFilters | None = None, limit: int | None = None) -> SearchResults:
        """Pages matching ``text`` (see :mod:`reader.index.query`), best first; never raises on odd input."""
        started = time.perf_counter()
        parsed = parse_query(text)
        results = SearchResults(text, parsed, [], 0, parsed.message)
        if parsed.empty:
            return results
        filters = filters or SearchFilters()
        with self._lock:
            searcher = self._current_searcher()
            if searcher is None:
                results.message = "资料库还没有建立索引 (the library has not been indexed yet)"
                return results
            candidates, idf = self._candidates(searcher, parsed, filters)
            hits = self._verify(parsed, filters, candidates) if candidates else []
            self._rank(searcher, parsed, hits, idf, candidates)
        self._attach_files(hits)
        results.total_pages = len(hits)
        results.hits = hits if limit is None else hits[: max(0, limit)]
        results.elapsed_ms = (time.perf_counter() - started) * 1000
        return results

    def _candidates(self, searcher, parsed: ParsedQuery, filters: SearchFilters):
        """{pid: docnum} of pages that may hold every required string, and an idf per string.

        Strings with indexable pairs use their rarest pairs in whoosh; when no string has any
        (a single character, punctuation), the stored page text is scanned for the first one.
        """
        chosen: list[str] = []
        idf: dict[str, float] = {}
        total = max(1, searcher.doc_count())
        unindexed = []
        for term in parsed.include:
            term_pairs = list(dict.fromkeys(pairs(term)))
            if not term_pairs:
                unindexed.append(term)
                continue
            if len(term_pairs) > _SAMPLE_PAIRS:  # a pasted paragraph: sample pairs along it
                step = len(term_pairs) / _SAMPLE_PAIRS
                term_pairs = [term_pairs[int(i * step)] for i in range(_SAMPLE_PAIRS)]
            freqs = sorted((searcher.doc_frequency("grams", p), p) for p in term_pairs)
            if freqs[0][0] == 0:
                return {}, idf
            chosen.extend(p for _f, p in freqs[:_GRAMS_PER_TERM])
            idf[term] = _idf(total, freqs[0][0])
        if filters.content_hashes is not None and not filters.content_hashes:
            return {}, idf
        pids = self._pid_column(searcher)
        if chosen:
            q = wq.And([wq.Term("grams", p) for p in dict.fromkeys(chosen)])
            if filters.content_hashes is not None:
                q = wq.And([q, wq.Or([wq.Term("content_hash", h) for h in filters.content_hashes])])
            candidates = {pids[d]: d for d in searcher.docs_for_query(q)}
        else:
            candidates = self._scan(unindexed[0], filters.content_hashes, searcher)
        for term in unindexed:
            idf[term] = _idf(total, len(candidates))
        return candidates, idf

    def _scan(self, term: str, content_hashes: set[str] | None, searcher) -> dict[int, int]:
        """Pages whose stored text holds ``term`` (for strings the pair index cannot narrow)."""
        sql = "SELECT id FROM pages WHERE instr(folded, ?) BETWEEN 1 AND own_len"
        params: list = [term]
        if content_hashes is not None:
            sql += " AND content_hash IN (SELECT value FROM json_each(?))"
            params.append(json.dumps(sorted(content_hashes)))
        with self.store.connect() as db:
            found = [row[0] for row in db.execute(sql, params)]
        if self._docnums is None:
            self._docnums = {pid: docnum for docnum, pid in enumerate(self._pid_column(searcher))}
        return {pid: self._docnums[pid] for pid in found if pid in self._docnums}

    def _verify(self, parsed: ParsedQuery, filters: SearchFilters, candidates: dict[int, int]) -> list[PageHit]:
        """Candidates whose folded text really holds every required string (starting on the page)."""
        rows = self._rows(candidates)
        wanted_doc = fold(filters.document) if filters.document else ""
        include, exclude = parsed.include, parsed.exclude
        hits = []
        for pid in candidates:
            row = rows.get(pid)
            if row is None:
                continue
            chash, page, label, document, doc_index, number, date, own_len, folded, front = row
            if not all(0 <= folded.find(t, 0, own_len + len(t) - 1) < own_len for t in include):
                continue
            if any(0 <= folded.find(t, 0, own_len + len(t) - 1) < own_len for t in exclude):
                continue
            if front and not filters.front_matter:
                continue
            if (filters.date_from and not (date and date >= filters.date_from)) or \
                    (filters.date_to and not (date and date <= filters.date_to)):
                continue
            if wanted_doc and wanted_doc not in fold(document) and wanted_doc not in fold(number):
                continue
            if filters.pages is not None and (chash, page) not in filters.pages:
                continue
            occurrences = sum(folded.count(t, 0, own_len + len(t) - 1) for t in include)
            hit = PageHit(chash, page, label, document, doc_index, number, date, pid, occurrences)
            hit.score = own_len  # temporarily: page length, for BM25 normalisation
            hits.append(hit)
        return hits

    def _rows(self, pids) -> dict[int, tuple]:
        """Page rows by id, from the cache or (missing ones) from SQLite in one query."""
        cache = self._page_cache
        missing = [pid for pid in pids if pid not in cache]
        if missing:
            with self.store.connect() as db:
                fetched = db.execute(
                    "SELECT id, content_hash, page_index, page_label, document, document_index, doc_number, date, "
                    "own_len, folded, front_matter FROM pages WHERE id IN (SELECT value FROM json_each(?))",
                    (json.dumps(missing),),
                ).fetchall()
            for row in fetched:
                self._cached_chars += len(row[9])
                cache[row[0]] = row[1:]
            if self._cached_chars > _CACHE_CHARS:  # bounded: a huge library does not pile up in memory
                keep = set(pids)
                for pid in [p for p in cache if p not in keep]:
                    self._cached_chars -= len(cache.pop(pid)[8])
        return cache

    def _rank(self, searcher, parsed: ParsedQuery, hits: list[PageHit], idf: dict[str, float], candidates) -> None:
        if not hits:
            return
        k1, b = 1.2, 0.75
        average = sum(h.score for h in hits) / len(hits) or 1.0
        weight = sum(idf.values()) / max(1, len(idf))
        for hit in hits:
            tf = hit.occurrences / max(1, len(parsed.include))
            hit.score = weight * tf * (k1 + 1) / (tf + k1 * (1 - b + b * hit.score / average))
        if len(hits) <= _JIEBA_RANK_LIMIT:
            self._add_word_scores(searcher, parsed, hits, candidates)
        hits.sort(key=lambda h: (-h.score, h.content_hash, h.page_index))

    @staticmethod
    def _add_word_scores(searcher, parsed: ParsedQuery, hits: list[PageHit], candidates: dict[int, int]) -> None:
        """Pages where the query is a word of its own (jieba) rank above pages where it is part of another word.

        Only the hit pages are visited (skip_to along each word's postings), not whole posting lists.
        """
        terms = {w for term in parsed.include for w in _indexed_words(searcher, term)}
        by_docnum = sorted((candidates[h.pid], h) for h in hits)
        for term in terms:
            if not searcher.doc_frequency("words", term):
                continue
            matcher = searcher.postings("words", term)
            for docnum, hit in by_docnum:
                if not matcher.is_active():
                    break
                if matcher.id() < docnum:
                    matcher.skip_to(docnum)
                    if not matcher.is_active():
                        break
                if matcher.id() == docnum:
                    hit.score += 0.5 * matcher.score()

    def _attach_files(self, hits: list[PageHit]) -> None:
        """Path, title and a fresh "missing" mark (a cheap stat, reused for a few seconds) per hit."""
        now = time.monotonic()
        if self._files is None or now - self._files[0] > _FILES_TTL:
            self._files = (now, {f.content_hash: f for f in self.library.files()}, {})
        _when, files, present = self._files
        for hit in hits:
            entry = files.get(hit.content_hash)
            if entry is None:
                continue
            if hit.content_hash not in present:
                present[hit.content_hash] = entry.status != "missing" and os.path.isfile(entry.path)
            hit.pdf, hit.compilation, hit.missing = entry.path, entry.title, not present[hit.content_hash]

    # ----------------------------------------------------------------- details
    def details(self, hit: PageHit, parsed: ParsedQuery, with_rects: bool = True) -> HitDetails:
        """Snippet with the hits marked, the hits' clean-text spans and (optionally) their rectangles."""
        with self.store.connect() as db:
            row = db.execute("SELECT clean, next_clean FROM pages WHERE id=?", (hit.pid,)).fetchone()
        clean, next_clean = row if row else ("", "")
        spans = find_spans(clean, next_clean, parsed.include)
        details = HitDetails(snippet_parts(clean + next_clean, spans, len(clean)), spans)
        if with_rects and spans:
            self.add_rects(hit, details, clean)
        return details

    def add_rects(self, hit: PageHit, details: HitDetails, clean: str | None = None) -> None:
        """Fill in the hits' rectangles (per hit and per page) from the compilation's geometry.

        Left empty when the compilation is unavailable or its page text is no longer what was
        indexed (the file was re-analysed since): stale offsets would light the wrong words.
        """
        comp = self.compilation(hit.content_hash)
        if comp is None or (clean is not None and comp.page_text(hit.page_index) != clean):
            return
        details.hit_rects = hit_rects(comp, hit.page_index, details.spans)
        details.rects = rects_by_page(details.hit_rects)

    def compilation(self, content_hash: str) -> "Compilation | None":
        """The analysed structure of a compilation (the Workspace's cache, else the structure cache or the PDF)."""
        if self._compilations is None:
            from reader.workspace import Workspace

            self._compilations = Workspace(self.library).compilation
        return self._compilations(content_hash)


def _idf(total: int, frequency: int) -> float:
    return math.log(1 + (total - frequency + 0.5) / (frequency + 0.5))


def _indexed_words(searcher, term: str, longest: int = 16) -> set[str]:
    """``term`` split into words the way the index stored them: forward maximum matching over the
    ``words`` field's own vocabulary (jieba's segmentation of the pages).

    This keeps jieba's ~60 MB dictionary out of the searching process; only indexing needs it.
    """
    found: set[str] = set()
    start = 0
    while start < len(term):
        for size in range(min(longest, len(term) - start), 0, -1):
            piece = term[start:start + size]
            if (size > 1 or piece.isalnum()) and searcher.doc_frequency("words", piece):
                found.add(piece)
                start += size
                break
        else:
            start += 1
    return found
