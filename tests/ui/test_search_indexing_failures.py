"""The window tells which file could not be indexed and why (never "the worker stopped
unexpectedly"), and indexing goes on after a worker was killed on one file."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from tests.builders.index_pdfs import BODY, make_pdf  # noqa: E402

from reader.index.schema import PageStore  # noqa: E402

REPO = Path(__file__).resolve().parents[2]


def _kill_while_indexing(pdf: Path, library: Path) -> None:
    """Start a real indexing process on ``pdf`` and SIGKILL it once it is working on the file."""
    process = subprocess.Popen([sys.executable, "-m", "reader", "index", str(pdf), "--library", str(library)],
                               cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    db = library / "index" / "pages.sqlite3"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and process.poll() is None:
            try:
                with sqlite3.connect(db, timeout=1) as conn:
                    if conn.execute("SELECT 1 FROM queue WHERE started_at IS NOT NULL").fetchone():
                        break
            except sqlite3.OperationalError:
                pass
            time.sleep(0.02)
        assert process.poll() is None, "the indexing process finished before it could be killed"
        process.kill()
    finally:
        process.wait()


def test_quiet_indexing_names_the_failed_file_and_goes_on(qtbot, make_window, tmp_path):
    win = make_window()
    library = win.library.root
    big = make_pdf(tmp_path / "大文件.pdf", BODY * 60, title="大文件")
    _kill_while_indexing(big, library)
    doomed = make_pdf(tmp_path / "将移走.pdf", BODY[:1], title="将移走")
    entry = win.library.add(doomed)
    PageStore(win.library.index_dir).enqueue(entry.content_hash, entry.path, time.time())
    doomed.unlink()
    good = make_pdf(tmp_path / "正常.pdf", BODY[1:], title="正常")
    good_entry = win.library.add(good)
    PageStore(win.library.index_dir).enqueue(good_entry.content_hash, good_entry.path, time.time())

    win.search_indexing.resume_quietly()
    assert win.search_indexing.wait(120000)
    qtbot.waitUntil(lambda: not win.search_indexing.jobs, timeout=10000)
    message = win.statusBar().currentMessage()
    assert "大文件.pdf" in message and "索引进程在处理此文件时退出" in message
    assert "将移走.pdf" in message and "文件已不在原处" in message
    assert "意外退出" not in message
    store = PageStore(win.library.index_dir)
    assert store.is_indexed(good_entry.content_hash) and store.queued() == []
    failed = {Path(f["pdf"]).name: f for f in store.failures()}
    assert set(failed) == {"大文件.pdf", "将移走.pdf"} and failed["将移走.pdf"]["content_hash"] == entry.content_hash


def test_file_with_unreadable_pages_says_so_instead_of_no_text_layer(make_window, tmp_path):
    from tests.builders.odd_text_pdfs import page_tree_cycle_pdf

    win = make_window()
    assert win.open_pdf(page_tree_cycle_pdf(tmp_path / "cycle.pdf", readable_pages=False))
    assert win.notice.isVisible()
    text = win.notice.text()
    assert "页面已损坏" in text and "cycle in page tree" in text and "没有文字层" not in text


def test_damaged_index_is_rebuilt_after_start_up(qtbot, make_window, tmp_path):
    from reader.index.indexing import LibraryIndexer
    from reader.index.repair import index_damage
    from reader.library import Library

    win = make_window()
    library = Library(win.library.root)
    LibraryIndexer(library).index_paths([make_pdf(tmp_path / "a.pdf", BODY, title="甲")])
    for segment in (library.index_dir / "whoosh").glob("*.seg"):
        with open(segment, "r+b") as handle:
            handle.truncate(100)
    assert index_damage(library.index_dir) is not None
    win.search_indexing.resume_quietly()
    assert win.search_indexing.wait(120000)
    qtbot.waitUntil(lambda: not win.search_indexing.jobs, timeout=10000)
    assert "搜索索引已损坏" in win.statusBar().currentMessage()
    assert index_damage(library.index_dir, thorough=True) is None


def test_worker_killed_during_the_apps_own_run_is_followed_by_a_run_that_names_the_file(qtbot, make_window, tmp_path):
    """The app's indexing process is killed (as the OOM killer would) while it works on a file: the
    app runs it once more, which records that file as failed and indexes the rest."""
    import os
    import signal

    win = make_window()
    store = PageStore(win.library.index_dir)
    big = win.library.add(make_pdf(tmp_path / "巨大.pdf", BODY * 60, title="巨大"))
    store.enqueue(big.content_hash, big.path, time.time())
    small = win.library.add(make_pdf(tmp_path / "小.pdf", BODY[:1], title="小"))
    store.enqueue(small.content_hash, small.path, time.time() + 1)
    win.search_indexing.resume_quietly()
    qtbot.waitUntil(lambda: bool(win.search_indexing.jobs), timeout=10000)
    worker_pid = None
    deadline = time.monotonic() + 60
    while worker_pid is None and time.monotonic() < deadline:
        with sqlite3.connect(win.library.index_dir / "pages.sqlite3", timeout=1) as conn:
            row = conn.execute("SELECT started_pid FROM queue WHERE content_hash=? AND started_at IS NOT NULL",
                               (big.content_hash,)).fetchone()
        worker_pid = row[0] if row else None
        time.sleep(0.02)
    assert worker_pid is not None and worker_pid != os.getpid()
    os.kill(worker_pid, signal.SIGKILL)
    assert win.search_indexing.wait(120000)
    qtbot.waitUntil(lambda: not win.search_indexing.jobs, timeout=10000)
    message = win.statusBar().currentMessage()
    assert "巨大.pdf" in message and "索引进程在处理此文件时退出" in message and "意外退出" not in message
    assert store.is_indexed(small.content_hash) and store.queued() == []
