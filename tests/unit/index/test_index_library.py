"""Indexing a library of small PDFs: matching, re-indexing by content hash, crash safety, CLI."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli import main as cli_main
from reader.document import Document
from reader.index.indexing import LibraryIndexer
from reader.index.normalize import fold
from reader.index.query import parse_query
from reader.index.search import LibrarySearcher, SearchFilters
from reader.library import Library
from reader.structure import load_structure

from tests.builders.index_pdfs import BODY, HEADER, make_pdf  # noqa: E402

REPO = Path(__file__).resolve().parents[3]
QUERIES = ["氢冶金", "5G工厂", "５Ｇ工厂", "专精特新", "上云率", "DCMM", "dcmm", "ERP", "破净", "氢能",
           "5G+工业互联网", "数据要素", "氢能 交通", "数据要素 -解读", '"市值 管理"', "氢", "（", "：", "AND"]


def _starts_on(term: str, own: str, following: str) -> bool:
    at = (own + following).find(term)
    return 0 <= at < len(own)


def expected_pages(pdf: Path, query: str) -> set[int]:
    """Pages where every required string starts (it may run onto the next page) and no excluded one does."""
    with Document.open(pdf) as doc:
        comp = load_structure(doc)
    parsed = parse_query(query)
    pages = [fold(comp.page_text(p)) for p in range(comp.page_count)] + [""]
    return {p for p in range(comp.page_count)
            if all(_starts_on(t, pages[p], pages[p + 1]) for t in parsed.include)
            and not any(_starts_on(t, pages[p], pages[p + 1]) for t in parsed.exclude)}


@pytest.fixture
def library(tmp_path):
    return Library(tmp_path / "lib")


@pytest.fixture
def sample(tmp_path):
    return make_pdf(tmp_path / "a.pdf", BODY)


def pages_found(library: Library, query: str, **filters) -> set[int]:
    return {h.page_index for h in LibrarySearcher(library).search(query, SearchFilters(**filters)).hits}


def test_every_kind_of_query_finds_exactly_the_pages_holding_it(library, sample):
    report = LibraryIndexer(library).index_paths([sample])
    assert [e["pages"] for e in report.indexed] == [4] and not report.failed
    for query in QUERIES:
        assert pages_found(library, query) == expected_pages(sample, query), query
    # the running header is furniture: not indexed
    assert pages_found(library, HEADER) == set()


def test_phrase_across_a_page_break_is_found_on_the_page_it_starts_on(library, sample):
    LibraryIndexer(library).index_paths([sample])
    searcher = LibrarySearcher(library)
    results = searcher.search("新型工业化和氢冶金技术")
    assert [h.page_index for h in results.hits] == [1]
    details = searcher.details(results.hits[0], results.parsed)
    assert set(details.rects) == {1, 2}, "the hit is lit on both pages"
    assert "【新型工业化和氢冶金技术】" in details.snippet.replace(" ", "")


def test_hits_have_rectangles_on_every_line_of_a_broken_word(library, sample):
    LibraryIndexer(library).index_paths([sample])
    searcher = LibrarySearcher(library)
    results = searcher.search("氢冶金")
    hit = next(h for h in results.hits if h.page_index == 0)
    details = searcher.details(hit, results.parsed)
    rects = details.rects[0]
    assert len(rects) >= 3  # title + "氢冶|金" broken over two lines
    assert len({round(r[1]) for r in rects}) >= 3


def test_unchanged_file_is_not_reindexed_and_moved_file_is_found_by_hash(library, sample, tmp_path):
    indexer = LibraryIndexer(library)
    indexer.index_paths([sample])
    again = indexer.index_paths([sample])
    assert not again.indexed and [e["status"] for e in again.skipped] == ["unchanged"]
    moved = tmp_path / "elsewhere" / "renamed.pdf"
    moved.parent.mkdir()
    shutil.move(sample, moved)
    report = indexer.index_paths([moved])
    assert not report.indexed and len(report.skipped) == 1
    hit = LibrarySearcher(library).search("氢冶金").hits[0]
    assert Path(hit.pdf) == moved.resolve() and not hit.missing


def test_changed_file_is_reindexed_and_its_old_records_removed(library, sample):
    indexer = LibraryIndexer(library)
    indexer.index_paths([sample])
    old_hash = library.find_by_path(sample).content_hash
    changed = [list(p) for p in BODY]
    changed[3] = ["修订：新增低空经济和算力基础设施的内容。"]
    os.utime(make_pdf(sample, changed), (1, 1))
    report = indexer.index_paths([sample])
    assert len(report.indexed) == 1
    assert pages_found(library, "低空经济") == {3}
    assert pages_found(library, "平台提出要求") == set()
    hashes = {h.content_hash for h in LibrarySearcher(library).search("氢").hits}
    assert old_hash not in hashes and len(hashes) == 1


def test_deleted_file_keeps_its_pages_marked_missing(library, sample, capsys):
    LibraryIndexer(library).index_paths([sample])
    sample.unlink()
    hits = LibrarySearcher(library).search("专精特新").hits
    assert hits and all(h.missing for h in hits)
    assert cli_main(["search", "专精特新", "--library", str(library.root), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["hits"] and all(h["missing"] and h["rects"] for h in data["hits"])  # drawn from the cache


def test_only_annotated_pages(library, sample, capsys):
    from reader.annotations import Annotation, AnnotationStore

    LibraryIndexer(library).index_paths([sample])
    content_hash = library.find_by_path(sample).content_hash
    store = AnnotationStore(library.annotations_db)
    store.add(Annotation(content_hash=content_hash, page_index=3, quote="专精特新", rects={3: [(72, 80, 120, 95)]}))
    store.close()
    assert 3 in expected_pages(sample, "专精特新") and len(pages_found(library, "专精特新")) > 1
    code = cli_main(["search", "专精特新", "--annotated", "--library", str(library.root), "--json"])
    assert code == 0 and [h["page_index"] for h in json.loads(capsys.readouterr().out)["hits"]] == [3]


def test_filters_restrict_to_given_pages_and_compilations(library, sample, tmp_path):
    other = make_pdf(tmp_path / "b.pdf", [["前言", "另一本汇编也提到专精特新企业。"], ["正文", "其他内容。"]], title="另一本")
    LibraryIndexer(library).index_paths([tmp_path])  # a folder
    all_hits = LibrarySearcher(library).search("专精特新").hits
    assert len({h.content_hash for h in all_hits}) == 2
    first = library.find_by_path(sample).content_hash
    assert pages_found(library, "专精特新", content_hashes={first}) == expected_pages(sample, "专精特新")
    assert pages_found(library, "专精特新", pages={(first, 3)}) == {3}
    assert pages_found(library, "专精特新", content_hashes=set()) == set()
    assert other.exists()


def test_cancel_keeps_finished_files_and_queues_the_rest(library, tmp_path):
    files = [make_pdf(tmp_path / f"c{i}.pdf", [[f"第{i}本：数据要素与氢能。"]]) for i in range(3)]
    indexer = LibraryIndexer(library)
    calls = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) > 1

    report = indexer.index_paths(files, cancelled=cancelled)
    assert report.cancelled and len(report.indexed) == 1
    assert len(indexer.pending()) == 2
    finished = indexer.index_paths([])
    assert len(finished.indexed) == 2 and not indexer.pending()
    assert len(LibrarySearcher(library).search("数据要素").hits) == 3


_CRASH = r"""
import os, sys
sys.path.insert(0, sys.argv[1])
from reader.library import Library
from reader.index.indexing import LibraryIndexer
def progress(done, total, what):
    if done == 1 and what.endswith(".pdf") and not what.startswith("登记"):  # file 1 in the writer, uncommitted
        os._exit(3)
LibraryIndexer(Library(sys.argv[2])).index_paths(sys.argv[3:], progress=progress)
"""


def test_crash_while_indexing_leaves_previous_index_usable_and_resumes(library, sample, tmp_path):
    LibraryIndexer(library).index_paths([sample])
    new = [make_pdf(tmp_path / f"n{i}.pdf", [[f"新增文件{i}：低空经济示范。"]]) for i in range(2)]
    crashed = subprocess.run([sys.executable, "-c", _CRASH, str(REPO), str(library.root), *map(str, new)],
                             capture_output=True, text=True)
    assert crashed.returncode == 3, crashed.stderr
    assert pages_found(library, "氢冶金") == expected_pages(sample, "氢冶金")
    assert pages_found(library, "低空经济") == set()
    indexer = LibraryIndexer(library)
    assert len(indexer.pending()) == 2
    report = indexer.index_paths([])
    assert len(report.indexed) == 2
    assert len(LibrarySearcher(library).search("低空经济").hits) == 2


def test_cli_index_reports_bad_files_and_indexes_the_others(library, sample, tmp_path, capsys):
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.7 this is not really a pdf")
    missing = tmp_path / "nope.pdf"
    code = cli_main(["index", str(sample), str(bad), str(missing), "--library", str(library.root), "--json"])
    out, err = capsys.readouterr()
    data = json.loads(out)
    assert code == 2
    assert len(data["indexed"]) == 1 and len(data["failed"]) == 2
    assert err.count("错误 (error):") == 2
    code = cli_main(["search", "氢冶金", "--library", str(library.root), "--json"])
    hits = json.loads(capsys.readouterr().out)["hits"]
    assert code == 0 and {h["page_index"] for h in hits} == expected_pages(sample, "氢冶金")


def test_cli_search_odd_and_empty_queries(library, sample, capsys):
    LibraryIndexer(library).index_paths([sample])
    for query in ['"', "*", "(", "AND", "😀", "x" * 10000]:
        assert cli_main(["search", query, "--library", str(library.root), "--json"]) == 0, query
        data = json.loads(capsys.readouterr().out)
        assert data["total_pages"] == len(data["hits"])
    assert cli_main(["search", "", "--library", str(library.root)]) == 2
    assert "错误 (error):" in capsys.readouterr().err
    assert cli_main(["search", "氢", "--limit", "1", "--library", str(library.root), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data["hits"]) == 1 and data["total_pages"] == len(expected_pages(Path(data["hits"][0]["pdf"]), "氢"))


def test_search_before_any_indexing_explains(library):
    results = LibrarySearcher(library).search("氢能")
    assert results.total_pages == 0 and "not been indexed" in results.message
