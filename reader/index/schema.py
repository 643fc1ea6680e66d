"""The whoosh schema and the page-text store that together make the library index.

whoosh (``index_dir/whoosh``) holds one record per page: metadata for filters and grouping,
``grams`` (characters + character pairs, the recall path) and ``words`` (jieba, for ranking).
SQLite (``index_dir/pages.sqlite3``) holds each page's clean and folded text, used to verify
candidates exactly (C-speed ``instr``), to cut snippets, and the persistent indexing queue.
Both live on disk; nothing is loaded whole into memory.
"""

from __future__ import annotations

import sqlite3
from contextlib import AbstractContextManager
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh.columns import NumericColumn
from whoosh.fields import COLUMN, ID, STORED, TEXT, Schema
from whoosh.formats import Existence

from reader.errors import StorageError
from reader.index.analyzer import GramAnalyzer, WordAnalyzer
from reader.sqlite_store import MigrationStep, SQLiteFile

WHOOSH_DIR = "whoosh"
PAGES_DB = "pages.sqlite3"
NEXT_PAGE_HEAD = 48  # folded characters of the next page kept with a page, for phrases across a page break


def _existence(field: TEXT) -> TEXT:
    """Pairs are a candidate filter: presence is all that is needed, the smallest postings whoosh writes."""
    field.format = Existence(field_boost=field.format.field_boost)
    return field


def make_schema() -> Schema:
    return Schema(
        pid=COLUMN(NumericColumn("q")),  # rowid of the page in pages.sqlite3 (a column: no index terms)
        content_hash=ID(stored=True),
        page_index=STORED(),
        grams=_existence(TEXT(analyzer=GramAnalyzer(), phrase=False)),
        words=TEXT(analyzer=WordAnalyzer(), phrase=False),
    )


def open_whoosh(index_dir: Path, create: bool = True):
    """The whoosh index under ``index_dir`` (created when absent and ``create``), or None."""
    directory = Path(index_dir) / WHOOSH_DIR
    try:
        if whoosh_index.exists_in(str(directory)):
            return whoosh_index.open_dir(str(directory))
        if not create:
            return None
        directory.mkdir(parents=True, exist_ok=True)
        return whoosh_index.create_in(str(directory), make_schema())
    except (OSError, whoosh_index.IndexError) as exc:
        raise StorageError(f"搜索索引无法打开 (search index cannot be opened): {directory}: {exc}") from exc


# Numbered schema steps of pages.sqlite3 (PRAGMA user_version); append, never edit a released one.
PAGE_MIGRATIONS: list[MigrationStep] = [
    # 1: page texts, indexed compilations, the indexing queue
    [
        """CREATE TABLE IF NOT EXISTS pages (
            id           INTEGER PRIMARY KEY,
            content_hash TEXT NOT NULL,
            page_index   INTEGER NOT NULL,
            own_len      INTEGER NOT NULL,      -- folded characters that belong to this page
            folded       TEXT NOT NULL,         -- folded page text + the head of the next page
            clean        TEXT NOT NULL,         -- clean page text as in Compilation.page_text
            next_clean   TEXT NOT NULL DEFAULT '',  -- clean head of the next page (snippets across the break)
            page_label   TEXT NOT NULL DEFAULT '',
            document     TEXT NOT NULL DEFAULT '',  -- title of the document the page belongs to
            document_index INTEGER NOT NULL DEFAULT -1,
            doc_number   TEXT NOT NULL DEFAULT '',  -- 文号
            date         TEXT NOT NULL DEFAULT '',  -- YYYY-MM-DD
            front_matter INTEGER NOT NULL DEFAULT 0,  -- cover / table of contents: left out unless asked for
            UNIQUE (content_hash, page_index)
        )""",
        """CREATE TABLE IF NOT EXISTS compilations (
            content_hash TEXT PRIMARY KEY,
            title        TEXT NOT NULL,
            page_count   INTEGER NOT NULL,
            indexed_at   REAL NOT NULL          -- set only after the whoosh commit that holds its pages
        )""",
        """CREATE TABLE IF NOT EXISTS queue (
            content_hash TEXT PRIMARY KEY,
            path         TEXT NOT NULL,
            queued_at    REAL NOT NULL
        )""",
    ],
]
INDEX_VERSION = len(PAGE_MIGRATIONS)


class PageStore:
    """SQLite side of the index. One connection per call, so any thread may use it."""

    def __init__(self, index_dir: Path) -> None:
        self.path = Path(index_dir) / PAGES_DB
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # synchronous=NORMAL: the index can always be rebuilt from the PDFs, so a commit need not be fsynced.
        # Plain BEGIN: every writing block starts with its write, so readers (search) never take the write lock.
        self._sqlite = SQLiteFile(self.path, ("搜索索引", "search index"), synchronous="NORMAL")
        self._sqlite.migrate_file(PAGE_MIGRATIONS)

    def connect(self) -> AbstractContextManager[sqlite3.Connection]:
        """A connection of its own holding one transaction (any thread may call)."""
        return self._sqlite.connect()

    # ----------------------------------------------------------------- queue
    def enqueue(self, content_hash: str, path: str, when: float) -> None:
        with self.connect() as db:
            db.execute("INSERT OR REPLACE INTO queue VALUES (?,?,?)", (content_hash, path, when))

    def queued(self) -> list[tuple[str, str]]:
        with self.connect() as db:
            return db.execute("SELECT content_hash, path FROM queue ORDER BY queued_at").fetchall()

    def indexed_hashes(self) -> set[str]:
        with self.connect() as db:
            return {r[0] for r in db.execute("SELECT content_hash FROM compilations")}

    def is_indexed(self, content_hash: str) -> bool:
        with self.connect() as db:
            return db.execute("SELECT 1 FROM compilations WHERE content_hash=?", (content_hash,)).fetchone() is not None
