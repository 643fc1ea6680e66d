"""Team search: the page text of every team compilation in PostgreSQL, answering as the local index.

Same matching as the local index (:mod:`reader.index.search`): the query is parsed and folded by
``reader.index.query``; a page matches when every required string starts in its own folded text
(it may run into the head of the next page, kept with the page) and no excluded one does; cover and
contents pages only when asked for; the same document, date, page and compilation filters. So both
find exactly the same pages; ranking is by occurrences (the local index adds BM25 weights and jieba
words, so the order of equally good pages may differ).

How it stays fast over ~10⁵ pages (``benchmarks/bench_team.py``, EXPLAIN ANALYZE as the guide):
- candidates come from GIN indexes: pg_trgm on ``folded`` for strings of three or more characters,
  the page's distinct characters and character pairs (``grams``) for shorter ones; PostgreSQL
  rechecks each candidate with ``strpos``, so the indexes never decide recall;
- one statement counts and ranks: occurrences are computed in the database and only the first
  ``limit`` rows travel, without their text; the snippets' texts are read for the shown hits
  only, a hundred per statement (:meth:`TeamIndex.page_texts_many`), with the names of who
  annotated each page (row-level security applies: a colleague's private annotation is not counted);
- one connection is kept open (a SCRAM login costs milliseconds) and statements are prepared.
"""

from __future__ import annotations

import threading
import time
from contextlib import ExitStack
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, TypeVar

import psycopg
from psycopg.types.json import Jsonb

from reader.index.highlight import find_spans, snippet_parts
from reader.index.normalize import fold
from reader.index.query import ParsedQuery, parse_query
from reader.index.schema import NEXT_PAGE_HEAD
from reader.index.search import HitDetails, PageHit, SearchFilters, SearchResults
from reader.team.connection import TeamError, connect, translate
from reader.team.records import PAGE_COLUMNS, compilation_rows

if TYPE_CHECKING:
    from reader.structure import Compilation

DEFAULT_LIMIT = 200
T = TypeVar("T")
_PAIR_INDEX_MAX = 2  # strings this short are narrowed by ``grams``; longer ones by trigrams
# This connection only searches. A sequential scan would test ``grams`` (kilobytes, compressed) on
# every page, where the GIN index answers a one- or two-character string exactly without reading
# them; ranking sorts all matching pages in memory.
_SESSION_SETTINGS = ("SET enable_seqscan = off", "SET work_mem = '32MB'")


@dataclass
class TeamPageHit(PageHit):
    """A page hit of the team index: also who annotated that page (as this member may see)."""

    authors: list[str] = field(default_factory=list)


def _like(term: str) -> str:
    return "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


class TeamIndex:
    """Page search over the team database at ``url``; thread-safe, one connection kept open."""

    def __init__(self, url: str) -> None:
        self.url = url
        self._conn: psycopg.Connection | None = None
        self._stack: ExitStack | None = None
        self._lock = threading.RLock()

    # ------------------------------------------------------------------ connection
    def _connection(self) -> psycopg.Connection:
        """The kept connection, opened by :func:`reader.team.connection.connect` (the team's one way in:
        credentials, timeout, messages) and held open until :meth:`close`."""
        if self._conn is None or self._conn.closed or self._conn.broken:
            self.close()
            self._stack = ExitStack()
            self._conn = self._stack.enter_context(connect(self.url))
            self._conn.prepare_threshold = 0  # the same few statements again and again: prepare at once
            for setting in _SESSION_SETTINGS:
                self._conn.execute(setting, prepare=False)
        return self._conn

    def run(self, work: Callable[[psycopg.Connection], T]) -> T:
        """``work(conn)`` on the kept connection; a failure closes it (the next call reconnects)."""
        with self._lock:
            try:
                return work(self._connection())
            except psycopg.Error as exc:
                self.close()
                raise translate(exc, self.url) from exc

    def close(self) -> None:
        with self._lock:
            stack, self._stack, self._conn = self._stack, None, None
            if stack is not None:
                try:
                    stack.close()
                except TeamError:  # closing a connection the server already dropped
                    pass

    # ------------------------------------------------------------------ writing
    def index(self, comp: "Compilation", title: str) -> bool:
        """Share ``comp`` (idempotent by content hash); True when it was new to the team."""
        return bool(self.run(lambda conn: share_compilation(conn, comp, title)))

    def compilations(self) -> dict[str, dict[str, Any]]:
        """Every team compilation by content hash: title, page count, PDF size (None when not shared)."""
        rows = self.run(lambda conn: conn.execute(
            "SELECT content_hash, title, page_count, pdf_size, added_by FROM compilations").fetchall())
        return {r[0]: {"title": r[1], "page_count": r[2], "pdf_size": r[3], "added_by": r[4]} for r in rows}

    # ------------------------------------------------------------------ reading
    def search(self, text: str, filters: SearchFilters | None = None, limit: int | None = DEFAULT_LIMIT,
               hidden: set[str] | frozenset[str] = frozenset()) -> SearchResults:
        """Pages matching ``text`` (see :mod:`reader.index.query`), most occurrences first; compilations
        in ``hidden`` (removed from this library's index) are left out."""
        started = time.perf_counter()
        parsed = parse_query(text)
        results = SearchResults(text, parsed, [], 0, parsed.message)
        if parsed.empty:
            return results
        filters = filters or SearchFilters()
        if (filters.content_hashes is not None and not filters.content_hashes) or \
                (filters.pages is not None and not filters.pages):
            return results
        # at least one row even for limit 0: it carries the total
        statement, params = _ranked_query(parsed, filters, None if limit is None else max(1, limit), hidden)
        rows = self.run(lambda conn: conn.execute(statement, params).fetchall())
        results.total_pages = int(rows[0][-1]) if rows else 0
        results.hits = [TeamPageHit(h, p, label, document, doc_index, number, date, 0, int(occ), float(occ),
                                    compilation=title, missing=True)
                        for h, p, label, document, doc_index, number, date, title, occ, _total in rows]
        if limit is not None:
            results.hits = results.hits[:max(0, limit)]
        results.elapsed_ms = (time.perf_counter() - started) * 1000
        return results

    def page_texts(self, content_hash: str, page: int) -> tuple[str, str, list[str]]:
        """(clean text, head of the next page's clean text, who annotated the page) of one page."""
        return self.page_texts_many([(content_hash, page)]).get((content_hash, page), ("", "", []))

    def page_texts_many(self, pages: list[tuple[str, int]]) -> dict[tuple[str, int], tuple[str, str, list[str]]]:
        """:meth:`page_texts` of several pages in one statement (the hits a list shows)."""
        if not pages:
            return {}
        rows = self.run(lambda conn: conn.execute(
            "SELECT p.content_hash, p.page_index, p.text, COALESCE(left(n.text, %s), ''), "
            "  ARRAY(SELECT DISTINCT COALESCE(m.display_name, a.author) FROM annotations a "
            "        LEFT JOIN members m ON m.role = a.author "
            "        WHERE a.content_hash = p.content_hash AND a.page_index = p.page_index ORDER BY 1) "
            "FROM unnest(%s::text[], %s::int[]) AS want(content_hash, page_index) "
            "JOIN pages p USING (content_hash, page_index) "
            "LEFT JOIN pages n ON n.content_hash = p.content_hash AND n.page_index = p.page_index + 1",
            (NEXT_PAGE_HEAD * 2, [h for h, _p in pages], [p for _h, p in pages])).fetchall())
        return {(r[0], r[1]): (r[2], r[3], list(r[4])) for r in rows}

    def details(self, hit: PageHit, parsed: ParsedQuery) -> HitDetails:
        """Snippet and spans of one hit (no rectangles: the PDF may not be on this laptop).
        A :class:`TeamPageHit` gets the names of who annotated the page."""
        clean, next_clean, authors = self.page_texts(hit.content_hash, hit.page_index)
        if isinstance(hit, TeamPageHit):
            hit.authors = authors
        return page_details(clean, next_clean, parsed)


def page_details(clean: str, next_clean: str, parsed: ParsedQuery) -> HitDetails:
    """Snippet and hit spans of a page's clean text, as the local index makes them."""
    spans = find_spans(clean, next_clean, parsed.include)
    return HitDetails(snippet_parts(clean + next_clean, spans, len(clean)), spans)


def _ranked_query(parsed: ParsedQuery, filters: SearchFilters, limit: int | None,
                  hidden: set[str] | frozenset[str] = frozenset()) -> tuple[str, list[Any]]:
    """The one statement that finds, counts and ranks (see the module docstring)."""
    where: list[str] = []
    params: list[Any] = []
    long_terms = [t for t in parsed.include if len(t) > _PAIR_INDEX_MAX]
    if long_terms:
        # trigrams narrow; their recheck reads the row's text. Short strings are then checked on that
        # text too: adding the grams index would make PostgreSQL recheck (decompress) each row's grams.
        for term in long_terms:
            where.append("p.folded LIKE %s")
            params.append(_like(term))
    else:  # exact for strings this short (no recheck): grams holds every character and pair of the page
        where.append("p.grams @> %s::text[]")
        params.append(list(parsed.include))
    for term in parsed.include:
        if term in long_terms or not long_terms:  # present (above): does it start on this page?
            where.append("strpos(p.folded, %s) <= p.own_len")
        else:
            where.append("int4range(1, p.own_len, '[]') @> strpos(p.folded, %s)")
        params.append(term)
    for term in parsed.exclude:
        where.append("NOT int4range(1, p.own_len, '[]') @> strpos(p.folded, %s)")
        params.append(term)
    if not filters.front_matter:
        where.append("NOT p.front_matter")
    if filters.date_from:
        where.append("p.date <> '' AND p.date >= %s")
        params.append(filters.date_from)
    if filters.date_to:
        where.append("p.date <> '' AND p.date <= %s")
        params.append(filters.date_to)
    if filters.document:
        where.append("p.document_key LIKE %s")
        params.append(_like(fold(filters.document)))
    if filters.content_hashes is not None:
        where.append("p.content_hash = ANY(%s::text[])")
        params.append(sorted(filters.content_hashes))
    if hidden:
        where.append("NOT (p.content_hash = ANY(%s::text[]))")
        params.append(sorted(hidden))
    if filters.pages is not None:
        pages = sorted(filters.pages)
        where.append("(p.content_hash, p.page_index) IN (SELECT * FROM unnest(%s::text[], %s::int[]))")
        params += [[h for h, _p in pages], [p for _h, p in pages]]
    # occurrences for ranking, in one pass over the text per string (octet_length is free; the local
    # index counts only those starting on the page, this also those in the next page's head)
    occurrences = " + ".join("(octet_length(p.folded) - octet_length(replace(p.folded, %s, ''))) / %s"
                             for _ in parsed.include)
    occ_params = [x for t in parsed.include for x in (t, len(t.encode("utf-8")))]
    meta = ", ".join(f"p.{c}" for c in ("content_hash", "page_index", "label", "document", "document_index",
                                         "doc_number", "date"))
    # MATERIALIZED: each matching page is read once, its occurrences counted there (not re-read by the sort)
    statement = (f"WITH found AS MATERIALIZED (SELECT {meta}, {occurrences} AS occ FROM pages p "
                 f"WHERE {' AND '.join(where)}) "
                 "SELECT f.content_hash, f.page_index, f.label, f.document, f.document_index, f.doc_number, f.date, "
                 "c.title, f.occ, (SELECT count(*) FROM found) FROM found f JOIN compilations c USING (content_hash) "
                 "ORDER BY f.occ DESC, f.content_hash, f.page_index" + (" LIMIT %s" if limit is not None else ""))
    return statement, occ_params + params + ([limit] if limit is not None else [])


def share_compilation(conn: "psycopg.Connection", comp: "Compilation", title: str) -> bool:
    """Insert a compilation and its pages unless the team has it (the PDF bytes: :mod:`reader.team.pdfs`)."""
    row, pages = compilation_rows(comp, title)
    with conn.transaction():
        inserted = conn.execute(
            "INSERT INTO compilations (content_hash, title, page_count, page_labels, documents) "
            "VALUES (%s, %s, %s, %s, %s) ON CONFLICT (content_hash) DO NOTHING RETURNING 1",
            (row["content_hash"], row["title"], row["page_count"], Jsonb(row["page_labels"]),
             Jsonb(row["documents"]))).fetchone() is not None
        if inserted:
            with conn.cursor() as cur:
                cur.executemany(f"INSERT INTO pages ({', '.join(PAGE_COLUMNS)}) VALUES "
                                f"({', '.join(['%s'] * len(PAGE_COLUMNS))}) ON CONFLICT DO NOTHING", pages)
    return inserted
