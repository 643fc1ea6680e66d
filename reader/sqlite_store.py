"""SQLite plumbing shared by the library catalogue, the index's page store and the annotation store.

Why one module: all three keep user data in a SQLite file beside each other and need the same
care — a busy timeout (the app and the CLI may touch the same file), the WAL journal (readers never
block the writer, a crash keeps the last commit), an explicit transaction per unit of work, a
numbered schema upgrade that either completes or leaves the file as it was, refusal of a file
written by a newer program, and a bilingual :class:`StorageError` naming the file instead of a raw
``sqlite3`` exception. Written once, the stores differ only in the choices they pass
(durability level, foreign keys, row type, ``BEGIN IMMEDIATE``).

Connections are opened in autocommit mode and every transaction is begun explicitly, so DDL in a
migration is transactional too (Python's implicit transactions do not cover ``CREATE TABLE``).
Constraint violations (:class:`sqlite3.IntegrityError`) and API misuse
(:class:`sqlite3.ProgrammingError`) are not storage trouble: they pass through for the store to
judge (the annotation store turns a conflict into a ``UsageError``; elsewhere it is a bug).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from contextlib import closing, contextmanager
from pathlib import Path
from typing import Callable, Iterator, Sequence, Union

from reader.errors import DamagedStoreError, StorageError

#: One schema step: SQL statements run in order, or a function doing the work on the connection.
MigrationStep = Union[Sequence[str], Callable[[sqlite3.Connection], None]]

_DAMAGED = ("SQLITE_NOTADB", "SQLITE_CORRUPT")  # with extended codes (SQLITE_CORRUPT_INDEX …)
_NEARLY_FULL = 1 << 20  # bytes free below which an I/O error is taken for a full disk
_PASS_THROUGH = (sqlite3.IntegrityError, sqlite3.ProgrammingError)


SQLITE_HEADER = b"SQLite format 3\x00"

#: Databases, their journals and caches in the library folder are private to the user: they hold
#: what the user reads and writes about (notes, searches), and nobody else on the machine needs them.
PRIVATE_FILE_MODE = 0o600


def _make_private(path: Path) -> None:
    try:
        os.chmod(path, PRIVATE_FILE_MODE)
    except OSError:
        pass  # a file system without modes (FAT, some network shares)


class SQLiteFile:
    """One SQLite file and how its store wants it opened.

    ``label`` names the store in both languages, e.g. ``("资料库", "library database")``;
    ``advice`` (text, or a function giving it when needed) is appended to the message when the
    file is damaged, e.g. where the backups are.
    ``immediate`` makes transactions ``BEGIN IMMEDIATE`` (a caller may choose per block): the write
    lock is taken up front, so a block that reads and then writes never fails half-way on a lock
    upgrade; a plain ``BEGIN`` never waits for a writer (WAL), which suits readers.
    """

    def __init__(self, path: str | os.PathLike[str], label: tuple[str, str], *, synchronous: str = "NORMAL",
                 foreign_keys: bool = False, row_factory: Callable | None = None, immediate: bool = False,
                 advice: str | Callable[[], str] = "", timeout: float = 30.0, read_only: bool = False) -> None:
        if synchronous.upper() not in {"OFF", "NORMAL", "FULL", "EXTRA"}:
            raise ValueError(f"unknown synchronous level: {synchronous!r}")
        self.path = Path(path)
        self.label = label
        self.synchronous = synchronous.upper()
        self.foreign_keys = foreign_keys
        self.row_factory = row_factory
        self.immediate = immediate
        self.advice = advice
        self.timeout = timeout
        self.read_only = read_only

    # ------------------------------------------------------------------ errors
    def error(self, exc: sqlite3.Error) -> StorageError:
        """The user-facing error for a failed SQLite call on this file."""
        zh, en = self.label
        name = getattr(exc, "sqlite_errorname", None) or ""
        if name.startswith(_DAMAGED):
            return self.damaged(str(exc))
        if name.startswith("SQLITE_FULL") or (name.startswith("SQLITE_IOERR") and self._disk_full()):
            text = f"磁盘已满 (disk full): {zh}无法写入 (the {en} cannot be written): {self.path}"
        elif name.startswith("SQLITE_READONLY"):
            text = f"{zh}为只读，无法写入 (the {en} is read-only): {self.path}: {exc}"
        else:
            text = f"{zh}无法读写 ({en} cannot be read or written): {self.path}: {exc}"
        return StorageError(text, path=str(self.path))

    def _disk_full(self) -> bool:
        """Whether the file's disk is (nearly) out of space: some write paths report ENOSPC as an I/O error."""
        try:
            return shutil.disk_usage(self.path.parent).free < _NEARLY_FULL
        except OSError:
            return False

    def damaged(self, detail: str) -> DamagedStoreError:
        """The error for a file that is not a sound database; it names where the backups are."""
        zh, en = self.label
        text = f"{zh}文件已损坏，无法读取 ({en} is damaged or not a database file): {self.path}: {detail}"
        advice = self.advice() if callable(self.advice) else self.advice
        if advice:
            text += f". {advice}"
        return DamagedStoreError(text, path=str(self.path))

    @contextmanager
    def guard(self) -> Iterator[None]:
        """Turn SQLite's storage failures inside the block into :class:`StorageError`."""
        try:
            yield
        except _PASS_THROUGH:
            raise
        except sqlite3.DatabaseError as exc:
            raise self.error(exc) from exc

    # ------------------------------------------------------------------ connections
    def open(self, *, check_same_thread: bool = True) -> sqlite3.Connection:
        """A new autocommit connection with this store's pragmas (the caller closes it)."""
        created = not self.path.exists()
        read_only = self.read_only or (not created and not self._writable())
        with self.guard():
            if read_only:
                db = sqlite3.connect(self._read_only_uri(), uri=True, timeout=self.timeout, isolation_level=None,
                                     check_same_thread=check_same_thread)
            else:
                db = sqlite3.connect(self.path, timeout=self.timeout, isolation_level=None,
                                     check_same_thread=check_same_thread)
            try:
                if self.row_factory is not None:
                    db.row_factory = self.row_factory
                if read_only:
                    db.execute("PRAGMA schema_version")  # fails here on a file that is not a database
                else:
                    db.execute("PRAGMA journal_mode=WAL")  # fails here on a file that is not a database
                    if created:
                        _make_private(self.path)
                db.execute(f"PRAGMA synchronous={self.synchronous}")
                if self.foreign_keys:
                    db.execute("PRAGMA foreign_keys=ON")
            except BaseException:
                db.close()
                raise
            return db

    def _writable(self) -> bool:
        """Whether the file and its folder (where SQLite puts its -wal and -shm) can be written.

        A library on a write-protected disk or in a folder the user may only read is then opened
        read-only: searching and listing still work, a write fails with "read-only" instead of the
        whole store failing to open.
        """
        return os.access(self.path, os.W_OK) and os.access(self.path.parent, os.W_OK)

    def _read_only_uri(self) -> str:
        """``mode=ro``; plus ``immutable`` when nobody can write the folder (SQLite could not make its -shm there)."""
        uri = f"{self.path.resolve().as_uri()}?mode=ro"
        if not os.access(self.path.parent, os.W_OK):
            uri += "&immutable=1"
        return uri

    def check_sound(self) -> None:
        """Raise :class:`DamagedStoreError` unless the file is absent or starts like a SQLite database.

        Zero-length and a foreign header count as damaged: SQLite itself would treat a zero-length
        file as a new empty database and write into it. Call it *before* opening a connection: a
        file descriptor of our own on a database that SQLite has open would, when closed, drop
        SQLite's POSIX locks on it (another process could then checkpoint under our feet).
        """
        try:
            size = self.path.stat().st_size
        except FileNotFoundError:
            return
        except OSError as exc:
            raise StorageError(f"{self.label[0]}无法读取 ({self.label[1]} cannot be read): {self.path}: {exc}",
                               path=str(self.path)) from exc
        if size == 0:
            raise self.damaged("文件长度为 0 (the file is empty, 0 bytes)")
        try:
            with open(self.path, "rb") as handle:
                header = handle.read(len(SQLITE_HEADER))
        except OSError as exc:
            raise StorageError(f"{self.label[0]}无法读取 ({self.label[1]} cannot be read): {self.path}: {exc}",
                               path=str(self.path)) from exc
        if header != SQLITE_HEADER:
            raise self.damaged("不是 SQLite 数据库 (not a SQLite database)")

    def check_integrity(self, db: sqlite3.Connection) -> None:
        """Raise :class:`DamagedStoreError` if ``PRAGMA quick_check`` finds damage (b-trees, pages)."""
        with self.guard():
            problems = [" ".join(str(row[0]).split()) for row in db.execute("PRAGMA quick_check").fetchall()]
        if problems != ["ok"]:
            raise self.damaged("完整性检查未通过 (integrity check failed): " + "; ".join(problems[:3]))

    @contextmanager
    def transaction(self, db: sqlite3.Connection, *, immediate: bool | None = None) -> Iterator[sqlite3.Connection]:
        """One transaction on ``db``: committed when the block ends, rolled back if it raises."""
        begin = "BEGIN IMMEDIATE" if (self.immediate if immediate is None else immediate) else "BEGIN"
        with self.guard():
            db.execute(begin)
            try:
                yield db
                db.execute("COMMIT")
            except BaseException:
                if db.in_transaction:  # also after a failed COMMIT: a kept connection must not stay mid-transaction
                    try:
                        db.execute("ROLLBACK")
                    except sqlite3.Error:
                        pass  # the original failure is the one worth reporting
                raise

    @contextmanager
    def connect(self, *, immediate: bool | None = None) -> Iterator[sqlite3.Connection]:
        """A fresh connection holding one transaction, closed afterwards (safe from any thread)."""
        with closing(self.open()) as db, self.transaction(db, immediate=immediate):
            yield db

    # ------------------------------------------------------------------ schema
    def migrate(self, db: sqlite3.Connection, steps: Sequence[MigrationStep]) -> int:
        """Bring the file to ``len(steps)`` (``PRAGMA user_version``); returns the version.

        Step ``n`` upgrades version ``n`` to ``n + 1``. All pending steps and the version bump run
        in one ``BEGIN IMMEDIATE`` transaction, so a failed upgrade leaves the file exactly as it
        was, and two processes opening an old file at once upgrade it only once.
        """
        target = len(steps)
        with self.guard():
            version = self._version(db)
        self._refuse_newer(version, target)
        if version == target:
            return version
        with self.transaction(db, immediate=True):
            version = self._version(db)  # another process may have upgraded meanwhile
            self._refuse_newer(version, target)
            for step in steps[version:]:
                if callable(step):
                    step(db)
                else:
                    for statement in step:
                        db.execute(statement)
            db.execute(f"PRAGMA user_version = {int(target)}")
        return target

    def migrate_file(self, steps: Sequence[MigrationStep]) -> int:
        """:meth:`migrate` on a connection of its own (for stores that connect per call)."""
        with closing(self.open()) as db:
            return self.migrate(db, steps)

    @staticmethod
    def _version(db: sqlite3.Connection) -> int:
        return int(db.execute("PRAGMA user_version").fetchone()[0])

    def _refuse_newer(self, version: int, target: int) -> None:
        if version > target:
            zh, en = self.label
            raise StorageError(
                f"{zh}由更新版本的程序创建，无法打开 ({en} was written by a newer version, "
                f"schema {version} > {target}): {self.path}",
                path=str(self.path),
            )
