"""The whoosh schema and the page-text store that together make the library index.

whoosh (``index_dir/whoosh``) holds one record per page: metadata for filters and grouping,
``grams`` (characters + character pairs, the recall path) and ``words`` (jieba, for ranking).
SQLite (``index_dir/pages.sqlite3``) holds each page's clean and folded text, used to verify
candidates exactly (C-speed ``instr``), to cut snippets, and the persistent indexing queue.
Both live on disk; nothing is loaded whole into memory.
"""

from __future__ import annotations

import os
import sqlite3
import time
from contextlib import AbstractContextManager
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh.columns import NumericColumn
from whoosh.fields import COLUMN, ID, STORED, TEXT, Schema
from whoosh.formats import Existence

from reader.errors import StorageError
from reader.fsnames import escaped_path, is_utf8, real_path, shown_path, stored_path
from reader.index.analyzer import GramAnalyzer, WordAnalyzer
from reader.index import safe_pickle
from reader.index.private_storage import PrivateFileStorage, make_private_dir, tighten
from reader.sqlite_store import MigrationStep, SQLiteFile

safe_pickle.install()  # whoosh's own pickles may name whoosh classes only (a planted index file runs nothing)

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
            tighten(directory)  # files of an index built before the library was made private
            return PrivateFileStorage(str(directory)).open_index()
        if not create:
            return None
        return create_whoosh(directory)
    except (OSError, whoosh_index.IndexError) as exc:
        raise StorageError(f"搜索索引无法打开 (search index cannot be opened): {directory}: {exc}") from exc



def create_whoosh(directory: Path):
    """A new, empty whoosh index in ``directory``, its folder and files owner-only like the rest of the library."""
    make_private_dir(Path(directory).parent)
    return PrivateFileStorage(str(directory)).create().create_index(make_schema())


def open_writer(ix):
    """A whoosh writer, waiting up to two minutes for another process (CLI or app) to finish."""
    from whoosh.index import LockError

    try:
        return ix.writer(timeout=120, limitmb=64)
    except LockError as exc:
        raise StorageError("搜索索引正被另一个程序写入，请稍后再试 (the index is being written by another program; "
                           "try again later)") from exc


def page_record(content_hash: str, page: int, pid: int, folded: str, own: int) -> dict:
    """The whoosh record of one page: grams over the page plus the next page's head (phrases across
    the break are candidates of the page they start on), words over the page alone."""
    return {"pid": pid, "content_hash": content_hash, "page_index": page, "grams": folded, "words": folded[:own]}


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
    # 2: files whose indexing failed (kept off the queue until asked or changed), and the file a
    #    run is working on (a worker that dies leaves it set: the next run records that file as failed)
    [
        """CREATE TABLE IF NOT EXISTS failed (
            content_hash TEXT PRIMARY KEY,
            path         TEXT NOT NULL,
            error        TEXT NOT NULL,         -- bilingual message shown to the user
            error_type   TEXT NOT NULL DEFAULT '',  -- exception class, for a bug report
            failed_at    REAL NOT NULL
        )""",
        "ALTER TABLE queue ADD COLUMN started_at REAL",
        "ALTER TABLE queue ADD COLUMN started_pid INTEGER",
    ],
]
INDEX_VERSION = len(PAGE_MIGRATIONS)
# The worker refreshes its marker (``heartbeat``) at least every _HEARTBEAT_EVERY_S while it OCRs a
# file, page by page, so a 2,000-page scan that takes a day stays alive; no page or indexing step goes
# this long without a sign of life, so a marker this old outlived its process (its pid reused).
_STALE_AFTER_S = 6 * 3600
_HEARTBEAT_EVERY_S = 60.0
WORKER_DIED = ("索引进程在处理此文件时退出 (the indexing process exited while working on this file; "
               "it may be damaged or too large)")


class PageStore:
    """SQLite side of the index. One connection per call, so any thread may use it."""

    def __init__(self, index_dir: Path) -> None:
        self.path = Path(index_dir) / PAGES_DB
        make_private_dir(self.path.parent)
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
            db.execute("INSERT OR REPLACE INTO queue (content_hash, path, queued_at) VALUES (?,?,?)",
                       (content_hash, stored_path(path), when))

    def queued(self) -> list[tuple[str, str]]:
        with self.connect() as db:
            rows = db.execute("SELECT content_hash, path FROM queue ORDER BY queued_at").fetchall()
        return [(content_hash, real_path(path)) for content_hash, path in rows]

    def mark_started(self, content_hash: str) -> None:
        """Say, before any work on it, which file this process is working on (see :meth:`recover_abandoned`)."""
        with self.connect() as db:
            db.execute("UPDATE queue SET started_at=?, started_pid=? WHERE content_hash=?",
                       (time.time(), os.getpid(), content_hash))

    def heartbeat(self, content_hash: str) -> None:
        """Say this process still works on the file: a long OCR is never taken for a dead worker's."""
        with self.connect() as db:
            db.execute("UPDATE queue SET started_at=? WHERE content_hash=? AND started_pid=?",
                       (time.time(), content_hash, os.getpid()))

    def mark_done_working(self, content_hash: str) -> None:
        with self.connect() as db:
            db.execute("UPDATE queue SET started_at=NULL, started_pid=NULL WHERE content_hash=?", (content_hash,))

    def recover_abandoned(self) -> list[dict]:
        """Files a process was working on when it died (segfault, killed): recorded as failed and
        taken off the queue, so one file that kills the worker cannot stop every later run.
        A file another live process is working on right now is left alone: its pid runs and its
        marker was refreshed (:meth:`heartbeat`) within ``_STALE_AFTER_S``."""
        with self.connect() as db:
            rows = db.execute("SELECT content_hash, path, started_pid, started_at FROM queue"
                              " WHERE started_at IS NOT NULL").fetchall()
        stale = time.time() - _STALE_AFTER_S
        abandoned = [(h, real_path(p)) for h, p, pid, started in rows
                     if pid != os.getpid() and (not _alive(pid) or started < stale)]
        return [self.record_failure(h, p, WORKER_DIED, "WorkerExited") for h, p in abandoned]

    def record_failure(self, content_hash: str, path: str, error: str, error_type: str) -> dict:
        """Keep the file and the reason, and take it off the queue (never retried ahead of other work)."""
        now = time.time()
        with self.connect() as db:
            db.execute("INSERT OR REPLACE INTO failed VALUES (?,?,?,?,?)",
                       (content_hash, stored_path(path), error, error_type, now))
            db.execute("DELETE FROM queue WHERE content_hash=?", (content_hash,))
        return failure_dict(content_hash, path, error, error_type, now)

    def failures(self) -> list[dict]:
        with self.connect() as db:
            rows = db.execute("SELECT content_hash, path, error, error_type, failed_at FROM failed"
                              " ORDER BY failed_at").fetchall()
        return [failure_dict(*row) for row in rows]

    def failure(self, content_hash: str) -> dict | None:
        with self.connect() as db:
            row = db.execute("SELECT content_hash, path, error, error_type, failed_at FROM failed WHERE content_hash=?",
                             (content_hash,)).fetchone()
        return failure_dict(*row) if row else None

    def forget_failure(self, content_hash: str) -> None:
        with self.connect() as db:
            db.execute("DELETE FROM failed WHERE content_hash=?", (content_hash,))

    def indexed_hashes(self) -> set[str]:
        with self.connect() as db:
            return {r[0] for r in db.execute("SELECT content_hash FROM compilations")}

    def is_indexed(self, content_hash: str) -> bool:
        with self.connect() as db:
            return db.execute("SELECT 1 FROM compilations WHERE content_hash=?", (content_hash,)).fetchone() is not None


def failure_dict(content_hash: str, path: str, error: str, error_type: str, failed_at: float) -> dict:
    """One failed file as ``index --json`` and ``index --failed --json`` print it (the name readable)."""
    return {**pdf_fields(real_path(path)), "content_hash": content_hash, "error": error, "error_type": error_type,
            "failed_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(failed_at))}


def pdf_fields(path: str | os.PathLike[str]) -> dict:
    """``pdf``: the file as a person reads it; ``pdf_bytes`` too (its exact bytes escaped) when the name is not UTF-8."""
    fields = {"pdf": shown_path(path)}
    if not is_utf8(path):
        fields["pdf_bytes"] = escaped_path(path)
    return fields


def _alive(pid: int | None) -> bool:
    """Whether process ``pid`` still runs (a pid reused by another program counts as alive: safe side)."""
    if not pid:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # exists, owned by someone else
        return True
    return True
