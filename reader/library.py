"""The user's library: every compilation opened or indexed, identified by content hash.

A file is known by the SHA-256 of its bytes, so a moved or renamed file is recognised when it is
seen again, and a file changed in place becomes a new entry (the old one is kept, marked
``changed`` with a pointer to its successor, so its annotations can be carried over).
Re-adding an unchanged file (same path, size and mtime) does no hashing at all.
"""

from __future__ import annotations

import errno
import os
import sqlite3
import time
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path

from reader.document import Document, file_content_hash
from reader.fsnames import real_path, stored_path
from reader.paths import library_dir
from reader.errors import StorageError
from reader.sqlite_store import MigrationStep, SQLiteFile

# Numbered schema steps (PRAGMA user_version); append, never edit a released one.
MIGRATIONS: list[MigrationStep] = [
    # 1: the catalogue ("IF NOT EXISTS": harmless on a file whose version was never recorded)
    [
        """CREATE TABLE IF NOT EXISTS files (
            content_hash TEXT PRIMARY KEY,
            path         TEXT NOT NULL,
            title        TEXT NOT NULL,
            page_count   INTEGER NOT NULL,
            size         INTEGER NOT NULL,
            mtime        REAL NOT NULL,
            added_at     REAL NOT NULL,
            opened_at    REAL NOT NULL,
            status       TEXT NOT NULL DEFAULT 'ok',
            replaced_by  TEXT
        )""",
        "CREATE INDEX IF NOT EXISTS files_path ON files(path)",
    ],
]
SCHEMA_VERSION = len(MIGRATIONS)


@dataclass(frozen=True)
class LibraryFile:
    content_hash: str
    path: str
    title: str
    page_count: int
    size: int
    mtime: float
    added_at: float
    opened_at: float
    status: str  # "ok" | "missing" | "changed"
    replaced_by: str | None = None


class Library:
    """The library folder and its catalogue of files. Safe to use from several threads (one connection per call)."""

    def __init__(self, root: str | os.PathLike[str] | None = None, read_only: bool | None = None) -> None:
        """Open the library at ``root``; ``read_only`` None = decide from whether the folder can be written.

        A read-only library (a write-protected disk, a colleague's shared folder) still searches,
        lists and exports; anything that would record something raises a ``StorageError`` saying so.
        """
        self.root = library_dir(root)
        self.db_path = self.root / "library.sqlite3"
        self.structure_cache_dir = self.root / "cache" / "structure"
        self.index_dir = self.root / "index"
        self.annotations_db = self.root / "annotations.sqlite3"
        self.read_only = self._not_writable() if read_only is None else read_only
        if not self.read_only:
            try:
                self.structure_cache_dir.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                if exc.errno not in (errno.EROFS, errno.EACCES, errno.EPERM):
                    raise
                self.read_only = True
        self._sqlite = SQLiteFile(self.db_path, ("资料库", "library database"), synchronous="FULL",
                                  row_factory=sqlite3.Row, read_only=self.read_only)
        if self.read_only and not self.db_path.exists():
            raise StorageError(f"资料库为只读且尚未建立 (the library folder is read-only and holds no library "
                               f"yet): {self.root}", path=str(self.root))
        self._sqlite.migrate_file(MIGRATIONS)

    def _not_writable(self) -> bool:
        """True when the library exists but its folder or database cannot be written."""
        if not self.root.is_dir():
            return False
        if not os.access(self.root, os.W_OK):
            return True
        return self.db_path.exists() and not os.access(self.db_path, os.W_OK)

    READ_ONLY_NOTICE = ("资料库为只读：可以搜索、列出和导出，不能修改 (the library is read-only: search, list and "
                        "export work; nothing can be changed)")

    def _connect(self, write: bool = False) -> AbstractContextManager[sqlite3.Connection]:
        """A connection of its own and one transaction, per call (any thread may call).

        Readers never wait (WAL); a writing block takes the write lock up front (BEGIN IMMEDIATE),
        so one that reads before it writes cannot fail on a lock upgrade when the app and the CLI
        write at once.
        """
        return self._sqlite.connect(immediate=write)

    @staticmethod
    def _row(row: sqlite3.Row | None) -> LibraryFile | None:
        if not row:
            return None
        fields = dict(row)
        fields["path"] = real_path(fields["path"])  # the exact name, also when it is not UTF-8
        return LibraryFile(**fields)

    # ------------------------------------------------------------------- public
    def add(self, path: str | os.PathLike[str], document: Document | None = None) -> LibraryFile:
        """Record ``path`` (opening it to read title and pages unless ``document`` is given)."""
        file = Path(path).resolve()
        stat = file.stat()
        now = time.time()
        known = self.find_by_path(file)
        if self.read_only:
            return self._add_read_only(file, known, document)
        if known and known.size == stat.st_size and known.mtime == stat.st_mtime and known.status != "changed":
            with self._connect(write=True) as db:
                db.execute("UPDATE files SET opened_at=?, status='ok' WHERE content_hash=?", (now, known.content_hash))
            return self.get(known.content_hash)  # type: ignore[return-value]
        content_hash = document.content_hash if document else file_content_hash(file)
        if document is None:
            with Document.open(file) as opened:
                title, pages = opened.title, opened.page_count
        else:
            title, pages = document.title, document.page_count
        with self._connect(write=True) as db:
            if known and known.content_hash != content_hash:
                db.execute(
                    "UPDATE files SET status='changed', replaced_by=? WHERE content_hash=?",
                    (content_hash, known.content_hash),
                )
            exists = db.execute("SELECT 1 FROM files WHERE content_hash=?", (content_hash,)).fetchone()
            if exists:
                db.execute(
                    "UPDATE files SET path=?, size=?, mtime=?, opened_at=?, status='ok', replaced_by=NULL "
                    "WHERE content_hash=?",
                    (stored_path(file), stat.st_size, stat.st_mtime, now, content_hash),
                )
            else:
                db.execute(
                    "INSERT INTO files VALUES (?,?,?,?,?,?,?,?, 'ok', NULL)",
                    (content_hash, stored_path(file), title, pages, stat.st_size, stat.st_mtime, now, now),
                )
        return self.get(content_hash)  # type: ignore[return-value]

    def _add_read_only(self, file: Path, known: LibraryFile | None, document: Document | None) -> LibraryFile:
        """What :meth:`add` would record, without recording it (the library cannot be written)."""
        stat = file.stat()
        if known and (known.size, known.mtime) == (stat.st_size, stat.st_mtime) and known.status != "changed":
            return known
        content_hash = document.content_hash if document else file_content_hash(file)
        entry = self.get(content_hash)
        if entry is not None:
            return entry
        if document is None:
            with Document.open(file) as opened:
                title, pages = opened.title, opened.page_count
        else:
            title, pages = document.title, document.page_count
        return LibraryFile(content_hash, str(file), title, pages, stat.st_size, stat.st_mtime, time.time(),
                           time.time(), "ok")

    def files(self, include_changed: bool = True) -> list[LibraryFile]:
        with self._connect() as db:
            rows = db.execute("SELECT * FROM files ORDER BY added_at").fetchall()
        entries = [self._row(r) for r in rows]
        return [e for e in entries if e and (include_changed or e.status != "changed")]

    def get(self, content_hash: str) -> LibraryFile | None:
        with self._connect() as db:
            return self._row(db.execute("SELECT * FROM files WHERE content_hash=?", (content_hash,)).fetchone())

    def find_by_path(self, path: str | os.PathLike[str]) -> LibraryFile | None:
        """The current (not superseded) entry recorded at ``path``."""
        with self._connect() as db:
            row = db.execute(
                "SELECT * FROM files WHERE path=? ORDER BY (status='changed'), opened_at DESC LIMIT 1",
                (stored_path(Path(path).resolve()),),
            ).fetchone()
        return self._row(row)

    def resolve(self, content_hash: str) -> Path | None:
        """Where the file with this hash is now, or None (and the entry marked ``missing``)."""
        entry = self.get(content_hash)
        if entry is None:
            return None
        file = Path(entry.path)
        if file.is_file():
            stat = file.stat()
            if (stat.st_size, stat.st_mtime) == (entry.size, entry.mtime) or file_content_hash(file) == content_hash:
                if entry.status == "missing":
                    self._set_status(content_hash, "ok")
                return file
        if entry.status != "changed":
            self._set_status(content_hash, "missing")
        return None

    def current_path(self, content_hash: str) -> Path | None:
        """Where this compilation is now: its own file, or the file that replaced it in place.

        A file changed in place keeps its old entry (``status='changed'``, ``replaced_by`` the new
        hash); following that chain finds the current edition, so an export of annotations made on
        the old one still finds its source instead of saying it is gone.
        """
        seen: set[str] = set()
        current: str | None = content_hash
        while current and current not in seen:
            seen.add(current)
            path = self.resolve(current)
            if path is not None:
                return path
            entry = self.get(current)
            current = entry.replaced_by if entry else None
        return None

    def check_files(self) -> list[LibraryFile]:
        """Re-check every entry on disk; returns the entries that are missing."""
        for entry in self.files():
            self.resolve(entry.content_hash)
        return [e for e in self.files() if e.status == "missing"]

    def _set_status(self, content_hash: str, status: str) -> None:
        if self.read_only:
            return
        with self._connect(write=True) as db:
            db.execute("UPDATE files SET status=? WHERE content_hash=?", (status, content_hash))
