"""The shared SQLite plumbing: pragmas, one transaction per block, numbered migrations, clear errors."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from reader.errors import StorageError
from reader.sqlite_store import SQLiteFile

STEPS = [
    ["CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)"],
    ["ALTER TABLE notes ADD COLUMN author TEXT NOT NULL DEFAULT ''"],
    lambda db: db.execute("INSERT INTO notes (body, author) VALUES ('seeded', 'step 3')"),
]


def _file(tmp_path: Path, **options) -> SQLiteFile:
    return SQLiteFile(tmp_path / "store.sqlite3", ("测试库", "test store"), **options)


def _version(path: Path) -> int:
    with sqlite3.connect(path) as db:
        return db.execute("PRAGMA user_version").fetchone()[0]


def _columns(path: Path, table: str) -> list[str]:
    with sqlite3.connect(path) as db:
        return [row[1] for row in db.execute(f"PRAGMA table_info({table})")]


def test_connection_pragmas_wal_synchronous_foreign_keys_row_factory(tmp_path: Path) -> None:
    store = _file(tmp_path, synchronous="FULL", foreign_keys=True, row_factory=sqlite3.Row)
    db = store.open()
    try:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert isinstance(db.execute("SELECT 1 AS one").fetchone(), sqlite3.Row)
    finally:
        db.close()
    plain = _file(tmp_path).open()
    try:
        assert plain.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL
        assert plain.execute("PRAGMA foreign_keys").fetchone()[0] == 0
        assert type(plain.execute("SELECT 1").fetchone()) is tuple
    finally:
        plain.close()
    with sqlite3.connect(store.path) as other:  # WAL is a property of the file, seen by every connection
        assert other.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_unknown_synchronous_level_is_a_programming_error(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        _file(tmp_path, synchronous="SOMETIMES")


def test_migrations_apply_in_order_once(tmp_path: Path) -> None:
    store = _file(tmp_path)
    assert store.migrate_file(STEPS[:1]) == 1
    assert _columns(store.path, "notes") == ["id", "body"]
    assert store.migrate_file(STEPS) == 3  # steps 2 and 3 run, step 1 is not re-run (it would fail)
    assert _version(store.path) == 3
    assert _columns(store.path, "notes") == ["id", "body", "author"]
    assert store.migrate_file(STEPS) == 3  # nothing left to do: step 3's insert is not repeated
    with store.connect() as db:
        assert db.execute("SELECT body, author FROM notes").fetchall() == [("seeded", "step 3")]


def test_failed_migration_rolls_back_every_pending_step(tmp_path: Path) -> None:
    store = _file(tmp_path)
    store.migrate_file(STEPS[:1])
    broken = STEPS[:2] + [["CREATE TABLE extra (x)", "THIS IS NOT SQL"]]
    with pytest.raises(StorageError) as caught:
        store.migrate_file(broken)
    assert str(store.path) in caught.value.message
    assert _version(store.path) == 1
    assert _columns(store.path, "notes") == ["id", "body"]  # step 2 ran, then was rolled back with step 3
    assert _columns(store.path, "extra") == []

    def failing(db: sqlite3.Connection) -> None:
        db.execute("INSERT INTO notes (body, author) VALUES ('half', '')")
        raise RuntimeError("step bug")

    with pytest.raises(RuntimeError):  # a bug in a step surfaces as itself, after the rollback
        store.migrate_file(STEPS[:2] + [failing])
    assert _version(store.path) == 1
    with store.connect() as db:
        assert db.execute("SELECT COUNT(*) FROM notes").fetchone()[0] == 0
    assert store.migrate_file(STEPS) == 3  # the file is still upgradeable


def test_newer_file_is_refused_and_left_alone(tmp_path: Path) -> None:
    store = _file(tmp_path)
    store.migrate_file(STEPS)
    with pytest.raises(StorageError, match="written by a newer version") as caught:
        store.migrate_file(STEPS[:2])
    assert "更新版本" in caught.value.message and str(store.path) in caught.value.message
    assert caught.value.path == str(store.path)
    assert _version(store.path) == 3


def test_corrupt_file_gives_a_storage_error_naming_it(tmp_path: Path) -> None:
    store = _file(tmp_path, advice="备份在别处 (backups are elsewhere)")
    store.path.write_bytes(b"definitely not a database " * 200)
    with pytest.raises(StorageError) as caught:
        store.migrate_file(STEPS)
    message = caught.value.message
    assert str(store.path) in message
    assert "测试库" in message and "test store" in message and "damaged" in message
    assert message.endswith("备份在别处 (backups are elsewhere)")
    assert isinstance(caught.value.__cause__, sqlite3.DatabaseError)


def test_transaction_commits_or_rolls_back_as_a_whole(tmp_path: Path) -> None:
    store = _file(tmp_path)
    store.migrate_file(STEPS[:1])
    with store.connect() as db:
        db.execute("INSERT INTO notes (body) VALUES ('kept')")
    with pytest.raises(KeyError):
        with store.connect() as db:
            db.execute("INSERT INTO notes (body) VALUES ('dropped')")
            raise KeyError("caller failure")
    kept = store.open()
    try:
        with pytest.raises(StorageError):  # an OperationalError (no such table) mid-transaction
            with store.transaction(kept) as db:
                db.execute("INSERT INTO notes (body) VALUES ('dropped too')")
                db.execute("INSERT INTO missing_table VALUES (1)")
        assert not kept.in_transaction  # a kept connection is usable again
        with store.transaction(kept) as db:
            assert [r[0] for r in db.execute("SELECT body FROM notes")] == ["kept"]
    finally:
        kept.close()


def test_constraint_violations_pass_through_for_the_store_to_judge(tmp_path: Path) -> None:
    store = _file(tmp_path)
    store.migrate_file(STEPS[:1])
    with pytest.raises(sqlite3.IntegrityError):
        with store.connect() as db:
            db.execute("INSERT INTO notes (id, body) VALUES (1, 'a')")
            db.execute("INSERT INTO notes (id, body) VALUES (1, 'b')")
    with store.connect() as db:
        assert db.execute("SELECT COUNT(*) FROM notes").fetchone()[0] == 0


def test_immediate_transactions_take_the_write_lock_up_front(tmp_path: Path) -> None:
    store = _file(tmp_path, immediate=True, timeout=0.2)
    store.migrate_file(STEPS[:1])
    holder = store.open()
    try:
        with store.transaction(holder):  # holds the write lock, has written nothing yet
            with pytest.raises(StorageError, match="locked"):
                with store.connect():
                    pass
            deferred = _file(tmp_path, timeout=0.2)
            with deferred.connect() as db:  # a plain BEGIN only reads: not blocked
                assert db.execute("SELECT COUNT(*) FROM notes").fetchone()[0] == 0
            with pytest.raises(StorageError, match="locked"):  # a writing block asks for the lock per call
                with deferred.connect(immediate=True):
                    pass
    finally:
        holder.close()


def test_connect_is_usable_from_several_threads(tmp_path: Path) -> None:
    store = _file(tmp_path, immediate=True)
    store.migrate_file(STEPS[:1])
    errors: list[BaseException] = []

    def write(n: int) -> None:
        try:
            for i in range(20):
                with store.connect() as db:
                    count = db.execute("SELECT COUNT(*) FROM notes").fetchone()[0]
                    db.execute("INSERT INTO notes (body) VALUES (?)", (f"{n}-{i}-{count}",))
        except BaseException as exc:  # noqa: BLE001 — reported below
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with store.connect() as db:
        assert db.execute("SELECT COUNT(*) FROM notes").fetchone()[0] == 80
