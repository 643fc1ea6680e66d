"""The library recognises files by content: unchanged, moved, changed and deleted files."""

import os
import shutil
from pathlib import Path

import pymupdf
import pytest

from reader.library import Library


def _make_pdf(path: Path, text: str) -> Path:
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 72), text, fontname="china-s")
    doc.set_metadata({"title": f"汇编 {text}"})
    doc.save(path)
    return path


@pytest.fixture
def library(tmp_path: Path) -> Library:
    return Library(tmp_path / "lib")


def test_add_records_title_pages_and_hash(library: Library, tmp_path: Path):
    pdf = _make_pdf(tmp_path / "a.pdf", "政策一")
    entry = library.add(pdf)
    assert entry.title == "汇编 政策一"
    assert entry.page_count == 1
    assert len(entry.content_hash) == 64
    assert [e.content_hash for e in library.files()] == [entry.content_hash]


def test_unchanged_file_is_not_rehashed(library: Library, tmp_path: Path, monkeypatch):
    pdf = _make_pdf(tmp_path / "a.pdf", "政策一")
    first = library.add(pdf)
    import reader.library as module

    def fail(*_):
        raise AssertionError("an unchanged file must not be hashed again")

    monkeypatch.setattr(module, "file_content_hash", fail)
    again = library.add(pdf)
    assert again.content_hash == first.content_hash
    assert again.opened_at >= first.opened_at


def test_moved_file_is_found_again_by_hash(library: Library, tmp_path: Path):
    pdf = _make_pdf(tmp_path / "a.pdf", "政策一")
    entry = library.add(pdf)
    moved = tmp_path / "sub" / "renamed.pdf"
    moved.parent.mkdir()
    shutil.move(pdf, moved)
    assert library.resolve(entry.content_hash) is None
    assert library.get(entry.content_hash).status == "missing"
    again = library.add(moved)
    assert again.content_hash == entry.content_hash
    assert again.status == "ok" and again.path == str(moved.resolve())
    assert len(library.files()) == 1


def test_changed_file_gets_a_new_entry_and_keeps_the_old(library: Library, tmp_path: Path):
    pdf = _make_pdf(tmp_path / "a.pdf", "政策一")
    old = library.add(pdf)
    _make_pdf(tmp_path / "b.pdf", "政策二（修订）")
    os.replace(tmp_path / "b.pdf", pdf)
    new = library.add(pdf)
    assert new.content_hash != old.content_hash
    old_now = library.get(old.content_hash)
    assert old_now.status == "changed" and old_now.replaced_by == new.content_hash
    assert library.find_by_path(pdf).content_hash == new.content_hash


def test_deleted_file_is_marked_missing_not_dropped(library: Library, tmp_path: Path):
    pdf = _make_pdf(tmp_path / "a.pdf", "政策一")
    entry = library.add(pdf)
    pdf.unlink()
    assert [e.content_hash for e in library.check_files()] == [entry.content_hash]
    assert library.get(entry.content_hash).status == "missing"
