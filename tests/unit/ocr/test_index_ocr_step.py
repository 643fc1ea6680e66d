"""OCR as a step of indexing: one door for the CLI and the window's worker. A scanned file becomes
searchable by being indexed, with OCR progress reported page by page, cancel between pages, the
cache used on the next run, ``--no-ocr`` honoured, and a file indexed without its OCR text indexed
again once that text exists."""

from __future__ import annotations

import json

import pytest

from tests.builders import ocr_pdfs  # noqa: E402

from reader.cli import main  # noqa: E402
from reader.index.indexing import LibraryIndexer  # noqa: E402
from reader.progress import is_ocr_progress  # noqa: E402
from reader.index.search import LibrarySearcher  # noqa: E402
from reader.library import Library  # noqa: E402
from reader.ocr.store import OcrStore, ocr_root_for  # noqa: E402

pytestmark = pytest.mark.slow

PHRASE = "报送自查报告"


def hits(library: Library, text: str) -> list[tuple[str, int]]:
    searcher = LibrarySearcher(library)
    try:
        return [(h.content_hash, h.page_index) for h in searcher.search(text).hits]
    finally:
        searcher.close()


def test_indexing_ocrs_scanned_pages_with_progress_then_uses_the_cache(tmp_path):
    pdf = ocr_pdfs.scanned_pdf(tmp_path / "scan.pdf", pages=2)
    library = Library(tmp_path / "library")
    seen: list[tuple[int, int, str]] = []
    report = LibraryIndexer(library).index_paths([pdf], progress=lambda *r: seen.append(r))
    ocr_records = [r for r in seen if is_ocr_progress(r[2])]
    assert [(done, total) for done, total, _ in ocr_records] == [(0, 2), (1, 2)]
    assert "scan.pdf" in ocr_records[0][2]
    [entry] = report.indexed
    assert entry["ocr_pages"] == [0, 1] and entry["ocr_missing"] == [] and entry["pages"] == 2
    assert sorted(page for _, page in hits(library, PHRASE)) == [0, 1]
    # Indexing again reads nothing new: no OCR progress, the file is unchanged.
    seen.clear()
    report = LibraryIndexer(library).index_paths([pdf], progress=lambda *r: seen.append(r))
    assert [e["status"] for e in report.skipped] == ["unchanged"]
    assert not any(is_ocr_progress(r[2]) for r in seen)


def test_cancel_during_ocr_leaves_the_file_queued_and_the_pages_done_cached(tmp_path):
    pdf = ocr_pdfs.scanned_pdf(tmp_path / "scan.pdf", pages=3)
    library = Library(tmp_path / "library")
    seen: list[str] = []
    indexer = LibraryIndexer(library)
    report = indexer.index_paths([pdf], progress=lambda d, t, what: seen.append(what),
                                 cancelled=lambda: sum(map(is_ocr_progress, seen)) >= 1)
    assert report.cancelled and report.indexed == []
    content_hash = library.files()[0].content_hash
    assert [h for h, _ in indexer.pending()] == [content_hash]  # the next run finishes it
    assert OcrStore(ocr_root_for(library.structure_cache_dir)).pages(content_hash) == {0}


def test_no_ocr_skips_and_a_later_run_indexes_the_ocr_text(tmp_path, capsys):
    pdf = ocr_pdfs.scanned_pdf(tmp_path / "scan.pdf")
    root = str(tmp_path / "library")
    assert main(["index", str(pdf), "--no-ocr", "--json", "--library", root]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["indexed"][0]["ocr_pages"] == [] and data["indexed"][0]["pages"] == 0
    assert hits(Library(root), PHRASE) == []
    # The same file again, with OCR: it is not "unchanged" while its scanned pages lack text.
    assert main(["index", str(pdf), "--json", "--library", root]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["skipped"] == [] and data["indexed"][0]["ocr_pages"] == [0]
    assert [page for _, page in hits(Library(root), PHRASE)] == [0]


def test_a_long_ocr_keeps_its_in_progress_marker_alive(tmp_path, monkeypatch):
    """The worker refreshes its marker while it OCRs: a marker aged past the stale limit (as after
    hours on a 2,000-page scan) is fresh again by the next page, so another run (here a live
    process of another pid) never records the file as abandoned by a crash."""
    import sqlite3
    import subprocess
    import sys
    import time

    from reader.index import schema

    monkeypatch.setattr(schema, "_HEARTBEAT_EVERY_S", 0.0)  # every page, not once a minute
    pdf = ocr_pdfs.scanned_pdf(tmp_path / "scan.pdf", pages=3)
    library = Library(tmp_path / "library")
    indexer = LibraryIndexer(library)
    database = library.index_dir / "pages.sqlite3"
    long_ago = time.time() - schema._STALE_AFTER_S - 3600
    marks: list[float] = []

    def on_progress(done: int, total: int, what: str) -> None:
        if not is_ocr_progress(what):
            return
        with sqlite3.connect(database) as db:
            [(started,)] = db.execute("SELECT started_at FROM queue WHERE started_at IS NOT NULL").fetchall()
            marks.append(started)
            db.execute("UPDATE queue SET started_at=?", (long_ago,))  # as if the OCR had run for hours

    report = indexer.index_paths([pdf], progress=on_progress)
    assert report.indexed and not report.failed
    assert len(marks) == 3 and all(mark > time.time() - 600 for mark in marks[1:])

    # The other half: a marker held by a live process is abandoned only when its heartbeat is old.
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        content_hash = library.files()[0].content_hash
        store = indexer.store
        store.enqueue(content_hash, str(pdf), 1.0)
        with sqlite3.connect(database) as db:
            db.execute("UPDATE queue SET started_at=?, started_pid=?", (time.time() - 60, other.pid))
        assert store.recover_abandoned() == [] and store.queued()
        with sqlite3.connect(database) as db:
            db.execute("UPDATE queue SET started_at=?", (long_ago,))
        assert [f["content_hash"] for f in store.recover_abandoned()] == [content_hash]
    finally:
        other.kill()
        other.wait()
