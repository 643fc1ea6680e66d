"""File names that are not UTF-8 (GBK from a Windows zip): stored exactly, opened, shown as a person reads them."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from reader.document import Document
from reader.fsnames import readable, real_path, shown_path, stored_path
from reader.library import Library

from tests.builders.hostile import text_pdf

GBK = "政策汇编".encode("gbk")


def _gbk_file(folder: Path, directory: str = "资料") -> str:
    (folder / directory).mkdir()
    raw = os.path.join(os.fsencode(folder / directory), GBK + b".pdf")
    os.replace(text_pdf(folder / "tmp.pdf"), raw)
    return os.fsdecode(raw)


def test_stored_text_is_utf8_and_gives_back_the_exact_name(tmp_path):
    name = _gbk_file(tmp_path)
    stored = stored_path(name)
    stored.encode("utf-8")  # a database or JSON can hold it
    assert real_path(stored) == name and os.path.isfile(real_path(stored))
    assert stored_path(str(tmp_path / "普通.pdf")) == str(tmp_path / "普通.pdf")  # UTF-8 names unchanged
    assert shown_path(name) == str(tmp_path / "资料" / "政策汇编.pdf")  # the UTF-8 folder kept, the GBK part decoded
    assert readable({"pdf": [name]}) == {"pdf": [str(tmp_path / "资料" / "政策汇编.pdf")]}


def test_the_library_records_and_finds_a_gbk_named_file(tmp_path):
    name = _gbk_file(tmp_path)
    library = Library(tmp_path / "lib")
    entry = library.add(name)
    assert entry.path == name and entry.title == "政策汇编"
    assert library.find_by_path(name).content_hash == entry.content_hash
    assert library.resolve(entry.content_hash) == Path(name)
    with sqlite3.connect(library.db_path) as db:  # stored as UTF-8 text, the bytes recoverable
        (stored,) = db.execute("SELECT path FROM files").fetchone()
    assert os.fsencode(real_path(stored)).endswith(GBK + b".pdf")
    with Document.open(name) as doc:
        assert doc.page_count == 3 and doc.page_text(0)
