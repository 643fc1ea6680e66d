"""Concurrent writers, killed exports, read-only libraries and a full store: no loss, clear messages.

Real processes (multiprocessing, SIGKILL), real immutable folders (``chattr +i``, because as root
``chmod`` does not stop writes), and SQLite's own "database or disk is full" (``SQLITE_FULL``, the
code SQLite returns for ENOSPC) reached through ``max_page_count`` rather than filling a disk.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from reader.annotations import Annotation, AnnotationStore
from reader.errors import StorageError

REPO = Path(__file__).resolve().parents[2]
WRITERS = 6


def _writer(path: str, n: int, barrier) -> None:
    """One writer: open the store, wait for the others, tag a new annotation with a theme none has yet."""
    from reader.annotations import Annotation, AnnotationStore, Theme

    with AnnotationStore(path) as store:
        barrier.wait()
        theme, _ = store.ensure_theme(Theme("同时新建的主题"))
        store.add(Annotation("h" * 64, 0, f"引文{n}", {0: [(1, 2, 3, 4)]}, id=f"w{n}", themes=[theme.name]))


def test_processes_creating_the_same_new_theme_at_once_all_keep_their_annotation(tmp_path: Path) -> None:
    path = str(tmp_path / "annotations.sqlite3")
    AnnotationStore(path).close()
    ctx = multiprocessing.get_context("spawn")
    barrier = ctx.Barrier(WRITERS)
    procs = [ctx.Process(target=_writer, args=(path, n, barrier)) for n in range(WRITERS)]
    for proc in procs:
        proc.start()
    for proc in procs:
        proc.join(120)
    assert [p.exitcode for p in procs] == [0] * WRITERS
    with AnnotationStore(path) as store:
        assert {a.id: a.themes for a in store.list()} == {f"w{n}": ["同时新建的主题"] for n in range(WRITERS)}
        assert [t.name for t in store.themes()].count("同时新建的主题") == 1


SLOW_WRITER = r"""
import sys, time
from reader.atomicfile import atomic_write
with atomic_write(sys.argv[1]) as handle:
    handle.write("半个文件")
    handle.flush()
    print("writing", flush=True)
    time.sleep(60)
"""


def test_a_killed_export_leaves_a_temp_file_that_the_next_write_removes(tmp_path: Path) -> None:
    target = tmp_path / "summary.md"
    foreign = tmp_path / "someone-else.tmp"
    foreign.write_text("not ours")
    proc = subprocess.Popen([sys.executable, "-c", SLOW_WRITER, str(target)], cwd=REPO, stdout=subprocess.PIPE,
                            text=True)
    assert proc.stdout.readline().strip() == "writing"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(30)
    left = [p for p in tmp_path.iterdir() if p.name.endswith(".reader-tmp")]
    assert len(left) == 1 and not target.exists()  # the kill left our temp file, nothing under the final name

    from reader.atomicfile import write_text_atomic
    write_text_atomic(tmp_path / "other.md", "完整")
    assert not left[0].exists()  # its writer is gone: cleaned
    assert foreign.read_text() == "not ours"  # a temp file that is not ours is left alone


def _chattr(flag: str, path: Path) -> bool:
    tool = shutil.which("chattr")
    if tool is None:
        return False
    return subprocess.run([tool, "-R", flag, str(path)], capture_output=True).returncode == 0


@pytest.fixture
def read_only_library(tmp_path: Path):
    import pymupdf

    pdf = tmp_path / "c.pdf"
    with pymupdf.open() as doc:
        doc.new_page(width=420, height=300).insert_text((40, 80), "一、各省、自治区推动氢能在工业领域应用。",
                                                       fontname="china-s", fontsize=14)
        doc.save(pdf)
    lib = tmp_path / "lib"
    cli = [sys.executable, "-m", "reader"]
    added = subprocess.run([*cli, "annotations", "add", str(pdf), "--page", "0", "--quote", "各省、自治区",
                            "--theme", "氢能", "--library", str(lib)], cwd=REPO, capture_output=True, text=True)
    assert added.returncode == 0, added.stderr
    indexed = subprocess.run([*cli, "index", str(pdf), "--library", str(lib)], cwd=REPO, capture_output=True, text=True)
    assert indexed.returncode == 0, indexed.stderr
    if not _chattr("+i", lib):
        pytest.skip("chattr +i is not available here (needs ext4/xfs/btrfs and CAP_LINUX_IMMUTABLE); as root, "
                    "chmod alone does not make a folder read-only")
    try:
        yield lib, pdf
    finally:
        _chattr("-i", lib)


def test_read_only_library_searches_lists_and_exports_and_says_so(read_only_library, tmp_path: Path) -> None:
    lib, pdf = read_only_library

    def cli(*argv: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "reader", *argv, "--library", str(lib)], cwd=REPO,
                              capture_output=True, text=True, encoding="utf-8", timeout=120)

    listed = cli("annotations", "list", "--json")
    assert listed.returncode == 0, listed.stderr
    assert [a["quote"] for a in json.loads(listed.stdout)] == ["各省、自治区"]
    assert "read-only" in listed.stderr
    found = cli("search", "各省", "--json")
    assert found.returncode == 0 and "read-only" in found.stderr, found.stderr
    out = tmp_path / "summary.md"
    exported = cli("export", "--format", "md", "-o", str(out))
    assert exported.returncode == 0, exported.stderr
    assert "各省、自治区" in out.read_text(encoding="utf-8")
    refused = cli("annotations", "add", str(pdf), "--page", "0", "--quote", "各省", "--theme", "氢能")
    assert refused.returncode == 2 and "Traceback" not in refused.stderr
    assert "read-only" in refused.stderr


def test_a_full_store_says_disk_full(tmp_path: Path) -> None:
    with AnnotationStore(tmp_path / "annotations.sqlite3") as store:
        pages = store._db.execute("PRAGMA page_count").fetchone()[0]
        store._db.execute(f"PRAGMA max_page_count = {pages}")  # SQLite answers SQLITE_FULL, as for ENOSPC
        with pytest.raises(StorageError, match=r"磁盘已满 \(disk full"):
            for n in range(200):
                store.add(Annotation("h" * 64, 0, "很长的引文" * 200, {0: [(1, 2, 3, 4)]}, note=str(n)))
