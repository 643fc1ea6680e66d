"""The structure cache: keyed by content hash, versioned, atomic; and the CLI on top."""

from __future__ import annotations

import json
import pickle
import os
import shutil

from reader.cli import main
from reader.document import Document
from reader.structure import cache, load_structure
from tests.builders.typesetter import Typesetter


def _pdf(path, body="第一段正文内容，用于检验缓存。"):
    kit = Typesetter()
    kit.new_page()
    kit.title("关于开展缓存测试工作的通知")
    kit.centred("某测发〔2024〕1 号")
    kit.line("一、工作目标")
    kit.paragraph(body)
    return kit.save(path)


def test_cached_equals_fresh_and_moved_file_is_not_reanalysed(tmp_path, monkeypatch):
    path = _pdf(tmp_path / "a.pdf")
    with Document.open(path) as doc:
        fresh = load_structure(doc, tmp_path / "cache")
    moved = tmp_path / "elsewhere.pdf"
    shutil.move(path, moved)
    monkeypatch.setattr("reader.structure.analyze", lambda doc: (_ for _ in ()).throw(AssertionError("re-analysed")))
    with Document.open(moved) as doc:
        again = load_structure(doc, tmp_path / "cache")
    assert again.text == fresh.text and list(again.char_rects) == list(fresh.char_rects)
    assert list(again.char_pages) == list(fresh.char_pages) and again.page_starts == fresh.page_starts
    assert again.documents == fresh.documents and again.documents[0].doc_number == "某测发〔2024〕1 号"


def test_changed_file_and_old_format_are_reanalysed(tmp_path):
    path = _pdf(tmp_path / "a.pdf")
    with Document.open(path) as doc:
        first = load_structure(doc, tmp_path / "cache")
    _pdf(path, body="改过的正文内容，文件变了。")
    with Document.open(path) as doc:
        changed = load_structure(doc, tmp_path / "cache")
    assert changed.content_hash != first.content_hash and "改过的正文" in changed.text
    stored = cache.cache_path(tmp_path / "cache", changed.content_hash)
    current = stored.read_bytes()
    assert current.startswith(cache.MAGIC)
    old = current.replace(f'"version": {cache.FORMAT_VERSION}'.encode(), f'"version": {cache.FORMAT_VERSION - 1}'.encode(), 1)
    assert old != current
    stored.write_bytes(old)
    assert cache.load(tmp_path / "cache", changed.content_hash) is None
    with Document.open(path) as doc:
        assert "改过的正文" in load_structure(doc, tmp_path / "cache").text
    for damaged in (b"\x80garbage", current[: len(current) // 2], current[:10], current + b"x",
                    current.replace(b'"sections"', b'"sectionz"', 1)):
        stored.write_bytes(damaged)
        assert cache.load(tmp_path / "cache", changed.content_hash) is None
        with Document.open(path) as doc:
            assert "改过的正文" in load_structure(doc, tmp_path / "cache").text
    assert not [p for p in (tmp_path / "cache").iterdir() if p.name.startswith(".structure-")]


def test_cli_outline_json_and_text(tmp_path, capsys):
    path = _pdf(tmp_path / "a.pdf")
    assert main(["outline", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["page_count"] == 1 and data["page_labels"] == ["1"]
    (doc,) = data["documents"]
    assert {"title", "doc_number", "issuers", "date", "kind", "start_page", "end_page", "start_label",
            "clauses"} <= set(doc)
    assert doc["title"] == "关于开展缓存测试工作的通知" and doc["kind"] == "通知"
    (clause,) = doc["clauses"]
    assert {"label", "heading", "kind", "start_page", "end_page", "text", "children"} <= set(clause)
    assert clause["label"] == "一、" and clause["text"] == "一、工作目标\n第一段正文内容，用于检验缓存。"
    assert main(["outline", str(path)]) == 0
    assert "一、 工作目标" in capsys.readouterr().out
    assert main(["text", str(path), "--page", "0"]) == 0
    assert "第一段正文内容" in capsys.readouterr().out
    assert main(["text", str(path), "--page", "5"]) == 2
    assert capsys.readouterr().err.startswith("错误 (error):")


class _Planted:
    """What an attacker would put in a cache file read with pickle: code that runs on load."""

    def __init__(self, marker: str) -> None:
        self.marker = marker

    def __reduce__(self):
        return (os.mkdir, (self.marker,))


def test_planted_pickle_never_runs(tmp_path):
    path = _pdf(tmp_path / "a.pdf")
    with Document.open(path) as doc:
        content_hash = doc.content_hash
    marker = tmp_path / "ran"
    stored = cache.cache_path(tmp_path / "cache", content_hash)
    stored.parent.mkdir(parents=True)
    evil = pickle.dumps({"version": cache.FORMAT_VERSION, "x": _Planted(str(marker))})
    pickle.loads(evil)  # the payload really runs when unpickled …
    assert marker.is_dir()
    marker.rmdir()
    for planted in (evil, cache.MAGIC + evil):
        stored.write_bytes(planted)
        with Document.open(path) as doc:
            comp = load_structure(doc, tmp_path / "cache")  # … but the cache never unpickles
        assert not marker.exists() and "第一段正文内容" in comp.text
        assert stored.read_bytes().startswith(cache.MAGIC)  # re-analysed and rewritten as data
