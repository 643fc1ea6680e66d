"""Indexing in a worker process: reports, bad files, cancelling, and a lean searching process."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from reader.index.search import LibrarySearcher
from reader.index.worker import index_in_worker
from reader.library import Library

from tests.builders.index_pdfs import BODY, make_pdf  # noqa: E402

REPO = Path(__file__).resolve().parents[3]


def test_worker_indexes_reports_progress_and_names_bad_files(tmp_path):
    good = make_pdf(tmp_path / "good.pdf", BODY)
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"this is not a PDF at all")
    seen: list[tuple[int, int, str]] = []
    report = index_in_worker(tmp_path / "lib", [good, bad], progress=lambda *p: seen.append(p))
    assert [Path(e["pdf"]).name for e in report.indexed] == ["good.pdf"]
    assert [Path(e["pdf"]).name for e in report.failed] == ["bad.pdf"]
    assert "不是 PDF" in report.failed[0]["error"]
    assert seen and all(0 <= done <= total for done, total, _what in seen)
    hits = LibrarySearcher(Library(tmp_path / "lib")).search("氢冶金").hits
    assert hits and all(h.content_hash == report.indexed[0]["content_hash"] for h in hits)


def test_cancelled_worker_leaves_a_usable_index_and_the_next_run_finishes(tmp_path):
    first = make_pdf(tmp_path / "first.pdf", BODY)
    index_in_worker(tmp_path / "lib", [first])
    before = {h.page_index for h in LibrarySearcher(Library(tmp_path / "lib")).search("氢冶金").hits}
    copies = [make_pdf(tmp_path / f"copy{i}.pdf", BODY, title=f"汇编 {i}") for i in range(3)]
    started = time.monotonic()
    report = index_in_worker(tmp_path / "lib", copies, cancelled=lambda: time.monotonic() - started > 0.5)
    assert report.cancelled
    after = {h.page_index for h in LibrarySearcher(Library(tmp_path / "lib")).search("氢冶金").hits}
    assert before <= after  # the earlier index still answers
    finished = index_in_worker(tmp_path / "lib", copies)
    assert not finished.failed
    compilations = {h.content_hash for h in LibrarySearcher(Library(tmp_path / "lib")).search("氢冶金").hits}
    assert len(compilations) == 4


def test_searching_does_not_load_jieba(tmp_path):
    """jieba's dictionary (~60 MB) is for indexing only; the reading app never carries it."""
    index_in_worker(tmp_path / "lib", [make_pdf(tmp_path / "a.pdf", BODY)])
    probe = (
        "import sys; from reader.library import Library; from reader.index.search import LibrarySearcher;"
        f"hits = LibrarySearcher(Library({str(tmp_path / 'lib')!r})).search('专精特新 氢能').hits;"
        "print(len(hits), 'jieba' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", probe], cwd=REPO, capture_output=True, text=True, check=True)
    count, loaded = out.stdout.split()
    assert loaded == "False"
    assert int(count) >= 1


def test_worker_never_imports_a_reader_folder_from_the_working_directory(tmp_path, monkeypatch):
    """A `reader/` folder where the GUI was started (or on PYTHONPATH) must not replace the package."""
    decoy = tmp_path / "cwd" / "reader"
    (decoy / "index").mkdir(parents=True)
    for init in (decoy / "__init__.py", decoy / "index" / "__init__.py"):
        init.write_text("raise SystemExit('the decoy package was imported')\n", encoding="utf-8")
    (decoy / "index" / "worker.py").write_text("raise SystemExit('the decoy worker ran')\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path / "cwd")
    monkeypatch.setenv("PYTHONPATH", str(tmp_path / "cwd"))
    report = index_in_worker(tmp_path / "lib", [make_pdf(tmp_path / "a.pdf", BODY)])
    assert [Path(e["pdf"]).name for e in report.indexed] == ["a.pdf"]
