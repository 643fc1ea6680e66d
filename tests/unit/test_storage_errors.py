"""A damaged database file gives the user one clear line (exit 2), names the file and changes nothing."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from reader.annotations.backup import list_backups
from reader.annotations.service import open_store
from reader.index.schema import PAGES_DB
from reader.library import Library

REPO = Path(__file__).resolve().parents[2]
GARBAGE = b"\x00\x13this is not a SQLite file, just bytes\xff" * 200


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "reader", *args], cwd=REPO, capture_output=True, text=True,
                          encoding="utf-8", timeout=120)


def _damage(path: Path) -> None:
    """Overwrite a closed database with garbage (its WAL files are gone once the last connection closed)."""
    for side in (path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        side.unlink(missing_ok=True)
    path.write_bytes(GARBAGE)


def _single_error_line(proc: subprocess.CompletedProcess) -> str:
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith("错误 (error): ")
    return lines[0]


def test_damaged_annotation_store_names_the_file_and_the_backups(tmp_path: Path) -> None:
    library = Library(tmp_path / "lib")
    with open_store(library) as store:  # the first use of the day takes a rolling backup
        backups = list_backups(store)
    assert len(backups) == 1
    _damage(library.annotations_db)

    line = _single_error_line(_cli("annotations", "list", "--library", str(library.root), "--json"))
    assert str(library.annotations_db) in line
    assert "批注数据库" in line and "annotation store" in line
    assert str(library.root / "backups") in line
    assert library.annotations_db.read_bytes() == GARBAGE  # nothing was overwritten
    assert str(backups[-1]) in line  # the backup the user can copy back


def test_damaged_annotation_store_without_backups_still_names_the_folder(tmp_path: Path) -> None:
    library = Library(tmp_path / "lib")
    library.annotations_db.write_bytes(GARBAGE)
    line = _single_error_line(_cli("annotations", "list", "--library", str(library.root), "--json"))
    assert str(library.annotations_db) in line and str(library.root / "backups") in line
    assert library.annotations_db.read_bytes() == GARBAGE


def test_damaged_library_catalogue_is_one_line_naming_it(tmp_path: Path) -> None:
    library = Library(tmp_path / "lib")
    _damage(library.db_path)
    line = _single_error_line(_cli("search", "x", "--library", str(library.root)))
    assert str(library.db_path) in line
    assert "资料库" in line and "library database" in line
    assert library.db_path.read_bytes() == GARBAGE


def test_damaged_page_store_of_the_index_is_named_set_aside_and_rebuilt(tmp_path: Path) -> None:
    """The index can always be rebuilt from the library, so a damaged page store is not an error:
    one note names it, it is kept beside as *.damaged-<time>, and the command goes on."""
    library = Library(tmp_path / "lib")
    pages = library.index_dir / PAGES_DB
    pages.parent.mkdir(parents=True)
    pages.write_bytes(GARBAGE)
    proc = _cli("search", "x", "--library", str(library.root), "--json")
    assert proc.returncode == 0 and "Traceback" not in proc.stderr
    (line,) = proc.stderr.strip().splitlines()
    assert line.startswith("注意 (note): 搜索索引已损坏，正在重建 (search index damaged, rebuilding)")
    assert str(pages) in line
    (kept,) = library.index_dir.glob(f"{PAGES_DB}.damaged-*")
    assert kept.read_bytes() == GARBAGE
