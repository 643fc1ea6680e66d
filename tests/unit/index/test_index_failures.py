"""Per-file failures while indexing: recorded with the reason, off the queue, listed, retried on
request; odd file names and damaged page trees never stop a batch."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pymupdf
import pytest

from reader.index.indexing import LibraryIndexer
from reader.library import Library

from tests.builders.index_pdfs import BODY, make_pdf  # noqa: E402
from tests.builders.odd_text_pdfs import page_tree_cycle_pdf  # noqa: E402

REPO = Path(__file__).resolve().parents[3]


def _cli(*args: str, library: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "reader", *args, "--library", str(library)], cwd=REPO,
                          capture_output=True, timeout=300)


def _clean_stderr(result: subprocess.CompletedProcess) -> str:
    err = result.stderr.decode("utf-8")  # valid UTF-8 or this raises
    assert "Traceback" not in err and "lost sys.stderr" not in err, err
    return err


def test_failed_file_is_recorded_listed_and_not_retried_until_asked(tmp_path: Path) -> None:
    library = Library(tmp_path / "lib")
    indexer = LibraryIndexer(library)
    doomed = make_pdf(tmp_path / "doomed.pdf", BODY[:1], title="将被移走")
    entry = library.add(doomed)
    indexer.store.enqueue(entry.content_hash, entry.path, 1.0)  # queued first, like an earlier run left it
    hidden = doomed.rename(tmp_path / "elsewhere.bin")  # gone when its turn comes
    good = make_pdf(tmp_path / "good.pdf", BODY[1:], title="正常文件")

    report = indexer.index_paths([good])
    assert [e["title"] for e in report.indexed] == ["正常文件"]  # the batch went on
    assert [f["content_hash"] for f in report.failed] == [entry.content_hash]
    assert "file is missing" in report.failed[0]["error"] and report.failed[0]["error_type"] == "UsageError"
    assert indexer.pending() == []  # off the queue
    with sqlite3.connect(library.index_dir / "pages.sqlite3") as db:
        stored = db.execute("SELECT content_hash, error, failed_at FROM failed").fetchall()
    assert [row[0] for row in stored] == [entry.content_hash] and stored[0][2] > 0

    listed = _cli("index", "--failed", "--json", library=library.root)
    assert listed.returncode == 0
    assert [f["content_hash"] for f in json.loads(listed.stdout)["failed"]] == [entry.content_hash]

    hidden.rename(doomed)  # back, unchanged: still not retried by a plain run …
    again = _cli("index", str(good), "--json", library=library.root)
    data = json.loads(again.stdout)
    assert data["indexed"] == [] and data["failed"] == []
    named = _cli("index", str(doomed), "--json", library=library.root)  # … named explicitly: says why, exit 2
    assert named.returncode == 2 and json.loads(named.stdout)["failed"][0]["content_hash"] == entry.content_hash
    _clean_stderr(named)
    retried = _cli("index", "--retry-failed", "--json", library=library.root)  # … until asked
    assert retried.returncode == 0, retried.stderr.decode()
    assert [e["content_hash"] for e in json.loads(retried.stdout)["indexed"]] == [entry.content_hash]
    assert json.loads(_cli("index", "--failed", "--json", library=library.root).stdout)["failed"] == []


def _stop_while_working(big: Path, library: Path, sig: int) -> int:
    """Start ``index big`` and send ``sig`` once it marked the file as in progress; its exit status."""
    process = subprocess.Popen([sys.executable, "-m", "reader", "index", str(big), "--library", str(library)],
                               cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    db_path = library / "index" / "pages.sqlite3"
    try:
        for _ in range(600):
            if process.poll() is not None:
                break
            if db_path.exists():
                try:
                    with sqlite3.connect(db_path, timeout=1) as db:
                        if db.execute("SELECT 1 FROM queue WHERE started_at IS NOT NULL").fetchone():
                            break
                except sqlite3.OperationalError:  # schema not created yet
                    pass
            subprocess.run(["sleep", "0.02"])
        assert process.poll() is None, "the worker finished before it could be stopped"
        process.send_signal(sig)
    finally:
        process.wait()
    return process.returncode


def test_killed_worker_does_not_wedge_the_queue(tmp_path: Path) -> None:
    """SIGKILL the indexing process while it works on a file: the next run records that file as
    failed ("the indexing process exited while working on this file") and indexes the rest."""
    big = make_pdf(tmp_path / "big.pdf", BODY * 60, title="大文件")
    small = make_pdf(tmp_path / "small.pdf", BODY[:1], title="小文件")
    library = tmp_path / "lib"
    _stop_while_working(big, library, signal.SIGKILL)
    result = _cli("index", str(small), "--json", library=library)
    _clean_stderr(result)
    data = json.loads(result.stdout)
    assert [e["title"] for e in data["indexed"]] == ["小文件"]
    assert [Path(f["pdf"]).name for f in data["failed"]] == ["big.pdf"]
    assert "exited while working on this file" in data["failed"][0]["error"]
    assert result.returncode == 2
    later = json.loads(_cli("index", "--json", library=library).stdout)  # recorded once, not again
    assert later["failed"] == [] and later["indexed"] == []


def test_cancelled_worker_is_not_taken_for_a_crash(tmp_path: Path) -> None:
    """The app cancels with SIGTERM: the file is left queued, not recorded as failed."""
    big = make_pdf(tmp_path / "big.pdf", BODY * 60, title="大文件")
    library = tmp_path / "lib"
    assert _stop_while_working(big, library, signal.SIGTERM) == 130
    result = _cli("index", "--json", library=library)
    data = json.loads(result.stdout)
    assert data["failed"] == [] and [e["title"] for e in data["indexed"]] == ["大文件"]


def test_folder_with_a_name_that_is_not_utf8_is_indexed_whole(tmp_path: Path) -> None:
    """A GBK file name (a zip made on Windows) is indexed like the rest and reported readably."""
    folder = tmp_path / "zip"
    folder.mkdir()
    good = make_pdf(folder / "正常.pdf", BODY[:1], title="正常文件")
    gbk_name = os.fsdecode(os.fsencode(folder) + b"/" + "关于通知".encode("gbk") + b".pdf")
    shutil.copy(make_pdf(tmp_path / "src.pdf", BODY[1:], title="另一个"), gbk_name)
    result = _cli("index", str(folder), "--json", library=tmp_path / "lib")
    _clean_stderr(result)
    assert result.returncode == 0
    data = json.loads(result.stdout.decode("utf-8"))
    assert data["failed"] == []
    shown = {e["pdf"]: e for e in data["indexed"]}
    assert set(shown) == {str(good), str(folder / "关于通知.pdf")}  # read as a person reads the name
    assert "\\x" in shown[str(folder / "关于通知.pdf")]["pdf_bytes"] and "pdf_bytes" not in shown[str(good)]
    plain = _cli("index", str(folder), library=tmp_path / "lib")  # the text output too: no escapes, no error
    assert plain.returncode == 0 and "错误" not in _clean_stderr(plain)


def test_page_tree_cycle_reads_the_pages_that_can_be_read(tmp_path: Path) -> None:
    pdf = page_tree_cycle_pdf(tmp_path / "cycle.pdf")
    with pytest.raises(pymupdf.mupdf.FzErrorFormat):
        pymupdf.open(pdf).load_page(3)  # the damage is real
    library = tmp_path / "lib"
    outline = _cli("outline", str(pdf), "--json", library=library)
    _clean_stderr(outline)
    assert outline.returncode == 0 and json.loads(outline.stdout)["page_count"] == 4
    text = _cli("text", str(pdf), library=library)
    assert text.returncode == 0 and "为贯彻落实党中央决策部署" in text.stdout.decode()
    index = _cli("index", str(pdf), "--json", library=library)
    assert index.returncode == 0 and json.loads(index.stdout)["indexed"][0]["pages"] >= 3
    added = _cli("annotations", "add", str(pdf), "--page", "1", "--quote", "加快推进新型工业化", "--theme", "测试",
                 "--json", library=library)
    assert added.returncode == 0, added.stderr.decode()


def test_file_whose_every_page_is_unreadable_says_so(tmp_path: Path) -> None:
    pdf = page_tree_cycle_pdf(tmp_path / "cycle.pdf", readable_pages=False)
    library = tmp_path / "lib"
    for command in (["outline", str(pdf), "--json"], ["text", str(pdf)],
                    ["annotations", "add", str(pdf), "--page", "0", "--quote", "通知", "--theme", "测试"]):
        result = _cli(*command, library=library)
        assert result.returncode == 2, command
        assert "no page of this PDF can be read" in _clean_stderr(result) and "cycle in page tree" in result.stderr.decode()
    index = _cli("index", str(pdf), "--json", library=library)
    (failure,) = json.loads(index.stdout)["failed"]
    assert failure["error_type"] == "CorruptPdfError" and "no page of this PDF can be read" in failure["error"]


def test_info_says_the_pages_are_damaged_not_that_there_is_no_text_layer(tmp_path: Path) -> None:
    pdf = page_tree_cycle_pdf(tmp_path / "cycle.pdf", readable_pages=False)
    info = json.loads(_cli("info", str(pdf), "--json", library=tmp_path / "lib").stdout)
    assert info["has_text_layer"] is False and "cycle in page tree" in info["text_problem"]
    text = _cli("info", str(pdf), library=tmp_path / "lib").stdout.decode()
    assert "damaged" in text and "no text layer" not in text
