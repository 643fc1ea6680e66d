"""A damaged annotation store is refused, never replaced or written into; backups restore it.

Real files on disk, really truncated or zeroed, through the real command line (a subprocess):
what a user whose disk lost part of a file would see.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from reader.annotations import Annotation, AnnotationStore
from reader.annotations.backup import backup_infos, list_backups, rolling_backup, take_backup
from reader.annotations.service import open_store
from reader.library import Library

REPO = Path(__file__).resolve().parents[2]


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "reader", *args], cwd=REPO, capture_output=True, text=True,
                          encoding="utf-8", timeout=120)


def _one_error_line(proc: subprocess.CompletedProcess) -> str:
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("错误 (error): "), proc.stderr
    return lines[0]


def _fill(library: Library, count: int) -> None:
    """``count`` annotations written through the app's own way of opening the store (backups included)."""
    with open_store(library) as store:
        for n in range(count):
            store.add(Annotation("h" * 64, n % 5, f"引文{n}", {n % 5: [(1, 2, 30, 14)]}, themes=["氢能"]))


def _close_files(path: Path) -> None:
    for side in ("-wal", "-shm"):
        path.with_name(path.name + side).unlink(missing_ok=True)


@pytest.fixture
def library(tmp_path: Path) -> Library:
    lib = Library(tmp_path / "lib")
    _fill(lib, 30)
    return lib


@pytest.mark.parametrize("damage", ["zeroed", "truncated", "page_garbled"])
def test_damaged_store_is_refused_and_left_as_it_is(library: Library, damage: str) -> None:
    path = library.annotations_db
    _close_files(path)
    data = path.read_bytes()
    if damage == "zeroed":
        path.write_bytes(b"")
    elif damage == "truncated":
        path.write_bytes(data[: len(data) // 2])
    else:  # a page in the middle overwritten: the header is fine, the b-trees are not
        page = 4096
        path.write_bytes(data[:2 * page] + b"\xa5" * page + data[3 * page:])
    before = path.read_bytes()
    newest = max(backup_infos(path), key=lambda i: (i.annotations or 0, i.taken))
    backups_before = list_backups(path)

    for argv in (["annotations", "list", "--json"], ["themes", "add", "新主题"], ["annotations", "restore", "x"]):
        proc = _cli(*argv, "--library", str(library.root))
        if argv[1] == "restore":
            assert "no such backup" in _one_error_line(proc)
            continue
        line = _one_error_line(proc)
        assert "annotation store is damaged" in line and str(path) in line
        assert str(newest.path) in line and "30 条批注" in line  # names the newest good backup and what it holds
    assert path.read_bytes() == before  # never replaced, never written into
    assert list_backups(path) == backups_before  # and no backup of the damaged file was taken


def test_restore_lists_backups_then_puts_one_back_atomically(library: Library) -> None:
    path = library.annotations_db
    _close_files(path)
    path.write_bytes(b"")

    listed = _cli("annotations", "restore", "--json", "--library", str(library.root))
    assert listed.returncode == 0, listed.stderr
    backups = json.loads(listed.stdout)["backups"]
    assert backups and backups[0]["number"] == 1 and backups[0]["annotations"] == 30
    assert all({"path", "taken", "annotations", "themes", "good"} <= set(b) for b in backups)

    done = _cli("annotations", "restore", "1", "--json", "--library", str(library.root))
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["annotations"] == 30
    assert Path(result["kept_aside"]).read_bytes() == b""  # the damaged file is kept, not deleted
    with AnnotationStore(path) as store:
        assert len(store.list()) == 30


def test_rotation_never_drops_the_last_backup_with_annotations(tmp_path: Path) -> None:
    """An emptied store backed up day after day must not push out the last backup that held work."""
    with AnnotationStore(tmp_path / "annotations.sqlite3") as store:
        store.add(Annotation("h" * 64, 0, "引文", {0: [(1, 2, 3, 4)]}))
        good = rolling_backup(store, force=True)
        store.remove_many([a.id for a in store.list()])
        for _ in range(8):
            rolling_backup(store, force=True)
            take_backup(store, recent=True)
    kept = list_backups(store.path)
    assert good in kept
    assert [i.annotations for i in backup_infos(store.path)].count(1) == 1
    assert len(kept) <= 5 + 3 + 1


def test_recent_backup_follows_the_work_not_the_day(tmp_path: Path) -> None:
    library = Library(tmp_path / "lib")
    _fill(library, 3)  # the day's backup was taken at open (empty); closing after changes takes a recent one
    infos = backup_infos(library.annotations_db)
    assert infos[0].recent and infos[0].annotations == 3
    with AnnotationStore(library.annotations_db, backup_every=10) as store:
        for n in range(25):
            store.add(Annotation("h" * 64, 0, f"更多{n}", {0: [(1, 2, 3, 4)]}))
        assert backup_infos(store.path)[0].annotations == 23  # taken after the 20th change of this session
    assert backup_infos(library.annotations_db)[0].annotations == 28  # and on close


def test_zero_length_store_without_any_backup_starts_afresh(tmp_path: Path) -> None:
    """Nothing to lose and nothing to restore from: an interrupted first creation must not lock the user out."""
    path = tmp_path / "annotations.sqlite3"
    path.write_bytes(b"")
    with AnnotationStore(path) as store:
        assert store.themes()
    assert sqlite3.connect(path).execute("PRAGMA integrity_check").fetchone()[0] == "ok"
