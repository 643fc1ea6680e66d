"""Team search: the page text of every team compilation in PostgreSQL, a second page index.

Same matching as the local index: the query is parsed and folded by ``reader.index.query`` and
pages are matched on their folded text (``reader.index.normalize.fold``), so both find exactly the
same pages. A pg_trgm GIN index on ``pages.folded`` narrows candidates for ``LIKE '%term%'``
(terms of three or more characters), a GIN index of each page's character pairs those of two
characters (one-character queries scan), and PostgreSQL rechecks every candidate
against the text itself, so trigrams never decide recall; occurrences are counted in SQL and only
the shown hits' text is fetched.
Hits carry compilation, document, 文号, a snippet and who annotated that page (row-level security
applies: a colleague's private annotation is not counted).

Like the local index it offers index / remove / pending / search / details, so a Workspace can
hold it beside (or instead of) the local one when the PDF is not on this laptop.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable

from psycopg.types.json import Jsonb

from reader.index.highlight import find_spans, snippet_parts
from reader.index.query import ParsedQuery, parse_query
from reader.team.connection import connect
from reader.team.records import compilation_rows

if TYPE_CHECKING:
    import psycopg

    from reader.library import Library
    from reader.structure import Compilation

DEFAULT_LIMIT = 200


@dataclass
class TeamHit:
    content_hash: str
    page_index: int
    page_label: str
    compilation: str
    document: str
    doc_number: str
    date: str
    occurrences: int
    authors: list[str] = field(default_factory=list)
    text: str = ""
    next_text: str = ""

    def to_json(self, parsed: ParsedQuery | None = None) -> dict[str, Any]:
        data = {"content_hash": self.content_hash, "page_index": self.page_index, "page_label": self.page_label,
                "compilation": self.compilation, "document": self.document, "doc_number": self.doc_number,
                "date": self.date, "occurrences": self.occurrences, "annotation_authors": list(self.authors)}
        if parsed is not None:
            data["snippet"] = details(self, parsed)
        return data


@dataclass
class TeamResults:
    query: str
    parsed: ParsedQuery
    hits: list[TeamHit]
    total_pages: int
    message: str | None = None
    elapsed_ms: float = 0.0


def _like(term: str) -> str:
    return "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def details(hit: TeamHit, parsed: ParsedQuery) -> str:
    """The snippet around the first hit, hits in 【】 as the local index shows them."""
    spans = find_spans(hit.text, hit.next_text, parsed.include)
    return "".join(f"【{t}】" if is_hit else t for t, is_hit in snippet_parts(hit.text + hit.next_text, spans,
                                                                              len(hit.text)))


class TeamIndex:
    """Page index over the team database at ``url``."""

    def __init__(self, url: str) -> None:
        self.url = url

    # ------------------------------------------------------------------ writing
    def index(self, comp: "Compilation", title: str, pdf: Path | None = None) -> bool:
        """Share ``comp`` (idempotent by content hash); True when it was new to the team."""
        with connect(self.url) as conn:
            return share_compilation(conn, comp, title, pdf)

    def remove(self, content_hash: str) -> None:
        with connect(self.url) as conn:
            conn.execute("DELETE FROM compilations WHERE content_hash = %s", (content_hash,))

    def pending(self, library: "Library") -> list[str]:
        """Library files the team has not got yet."""
        with connect(self.url) as conn:
            known = {r[0] for r in conn.execute("SELECT content_hash FROM compilations")}
        return [f.content_hash for f in library.files() if f.content_hash not in known and f.status == "ok"]

    # ------------------------------------------------------------------ reading
    def search(self, text: str, limit: int | None = DEFAULT_LIMIT, content_hashes: Iterable[str] | None = None) -> TeamResults:
        started = time.perf_counter()
        parsed = parse_query(text)
        if parsed.empty:
            return TeamResults(text, parsed, [], 0, parsed.message)
        where = ["p.folded LIKE %s" for _ in parsed.include] + ["p.folded NOT LIKE %s" for _ in parsed.exclude]
        params: list[Any] = [_like(t) for t in parsed.include] + [_like(t) for t in parsed.exclude]
        pairs = [t for t in parsed.include if len(t) == 2]
        if pairs:  # two-character terms: the pairs index narrows where trigrams cannot
            where.append("p.grams @> %s::text[]")
            params.append(pairs)
        if content_hashes is not None:
            where.append("p.content_hash = ANY(%s)")
            params.append(list(content_hashes))
        # Occurrences counted in the database (non-overlapping, as str.count), so only the shown
        # hits' text travels; LIKE on the folded text is the exact check (trigrams only propose).
        occurrences = " + ".join("(length(p.folded) - length(replace(p.folded, %s, ''))) / length(%s)"
                                 for _ in parsed.include)
        ranked = (f"SELECT p.content_hash, p.page_index, {occurrences} AS occ, count(*) OVER () AS total "
                  f"FROM pages p WHERE {' AND '.join(where)} "
                  "ORDER BY occ DESC, p.content_hash, p.page_index" + (" LIMIT %s" if limit else ""))
        ranked_params = [x for t in parsed.include for x in (t, t)] + params + ([limit] if limit else [])
        with connect(self.url) as conn:
            top = conn.execute(ranked, ranked_params).fetchall()
            rows = conn.execute(
                "SELECT p.content_hash, p.page_index, p.label, p.text, c.title, c.documents, "
                "  COALESCE((SELECT n.text FROM pages n WHERE n.content_hash = p.content_hash "
                "            AND n.page_index = p.page_index + 1), ''), "
                "  ARRAY(SELECT DISTINCT COALESCE(m.display_name, a.author) FROM annotations a "
                "        LEFT JOIN members m ON m.role = a.author "
                "        WHERE a.content_hash = p.content_hash AND a.page_index = p.page_index ORDER BY 1) "
                "FROM unnest(%s::text[], %s::int[]) AS want(content_hash, page_index) "
                "JOIN pages p USING (content_hash, page_index) JOIN compilations c USING (content_hash)",
                ([r[0] for r in top], [r[1] for r in top])).fetchall() if top else []
        found = {(r[0], r[1]): r for r in rows}
        hits = []
        for content_hash, page, occ, _total in top:
            _h, _p, label, page_text, title, documents, next_text, authors = found[(content_hash, page)]
            doc = _document_for_page(documents, page)
            hits.append(TeamHit(content_hash, page, label, title, doc.get("title", ""), doc.get("doc_number", ""),
                                doc.get("date", ""), int(occ), list(authors), page_text, next_text))
        total = int(top[0][3]) if top else 0
        elapsed = (time.perf_counter() - started) * 1000
        return TeamResults(text, parsed, hits, total, None, elapsed)

    def details(self, hit: TeamHit, parsed: ParsedQuery) -> str:
        return details(hit, parsed)


def _document_for_page(documents: list[dict], page: int) -> dict:
    for doc in documents or []:
        if doc.get("start_page", -1) <= page <= doc.get("end_page", -1):
            return doc
    return {}


def share_compilation(conn: "psycopg.Connection", comp: "Compilation", title: str, pdf: Path | None = None) -> bool:
    """Insert a compilation and its pages unless the team has it; optionally add the PDF bytes."""
    row, pages = compilation_rows(comp, title)
    with conn.transaction():
        inserted = conn.execute(
            "INSERT INTO compilations (content_hash, title, page_count, page_labels, documents) "
            "VALUES (%s, %s, %s, %s, %s) ON CONFLICT (content_hash) DO NOTHING RETURNING 1",
            (row["content_hash"], row["title"], row["page_count"], Jsonb(row["page_labels"]),
             Jsonb(row["documents"]))).fetchone() is not None
        if inserted:
            with conn.cursor() as cur:
                cur.executemany("INSERT INTO pages (content_hash, page_index, label, text, folded, grams) "
                                "VALUES (%s, %s, %s, %s, %s, %s) ON CONFLICT DO NOTHING", pages)
        if pdf is not None:
            conn.execute("UPDATE compilations SET pdf = %s WHERE content_hash = %s AND pdf IS NULL",
                         (Path(pdf).read_bytes(), row["content_hash"]))
    return inserted
