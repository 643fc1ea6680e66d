"""Search recall and precision on the shared compilation, against its truth file.

A page is expected for a query when every required string occurs in the page's truth lines
joined without whitespace (NFKC + case folded, furniture is not in the truth) and no excluded
string does. Queries are listed here; the expected pages are always computed, never written down.
"""

from __future__ import annotations

import json
import re
import unicodedata

import pytest

from reader.cli import main as cli_main
from reader.index.indexing import LibraryIndexer
from reader.index.query import parse_query
from reader.index.search import LibrarySearcher
from reader.library import Library

QUERIES = [
    # the issue's own examples
    "氢冶金", "5G工厂", "专精特新", "上云率", "DCMM",
    # mixed Latin / digits / Chinese
    "5G+工业互联网", "ERP", "5G", "512 工程", "2027 年", "MES", "工业 APP",
    # two-character words
    "破净", "氢能", "算力", "税则", "关税",
    # full-width / half-width and case variants
    "５Ｇ工厂", "ＤＣＭＭ", "erp", "（2025—2027 年）", "(2025—2027年)",
    # phrases jieba segments differently from the text
    "专精特新中", "市值管理工作", "网络体系", "数据产业高质量发展", "企业数字化转型实施指南",
    # multi-word, quoted phrase, exclusion
    "氢能 交通", "数据 安全 标准", '"新质 生产力"', "中小企业 -专精特新", "5G -工厂",
    # single characters and odd input searched literally
    "氢", "（", "*", "AND", "😀", "%", "_",
]


def _fold(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).casefold().split())


def truth_pages(truth: dict) -> dict[int, str]:
    return {p["page_index"]: _fold("".join(p["lines"])) for p in truth["pages"]}


def expected(query: str, pages: dict[int, str]) -> set[int]:
    parsed = parse_query(query)
    return {
        index for index, text in pages.items()
        if all(t in text for t in parsed.include) and not any(t in text for t in parsed.exclude)
    }


def line_break_queries(truth: dict, every: int = 6) -> list[str]:
    """Strings that straddle a line break in the truth: the end of one line + the start of the next."""
    out = []
    for page in truth["pages"][::every]:
        lines = page["lines"]
        for a, b in zip(lines, lines[1:]):
            tail, head = a.replace(" ", "")[-3:], b.replace(" ", "")[:3]
            if re.fullmatch(r"[\u4e00-\u9fff]{3}", tail) and re.fullmatch(r"[\u4e00-\u9fff]{3}", head):
                out.append(tail + head)
                break
    return out


@pytest.fixture(scope="module")
def indexed(sample_pdf, tmp_path_factory):
    library = Library(tmp_path_factory.mktemp("search-library"))
    report = LibraryIndexer(library).index_paths([sample_pdf])
    assert not report.failed and report.indexed
    return library


def _score(searcher, truth, queries):
    pages = truth_pages(truth)
    found_total = expected_total = true_hits = 0
    misses = {}
    for query in queries:
        want = expected(query, pages)
        got = {h.page_index for h in searcher.search(query).hits}
        true_hits += len(got & want)
        found_total += len(got)
        expected_total += len(want)
        if want - got:
            misses[query] = sorted(want - got)
    recall = true_hits / expected_total if expected_total else 1.0
    precision = true_hits / found_total if found_total else 1.0
    return recall, precision, misses, expected_total


def test_recall_and_precision_on_listed_queries(indexed, sample_truth):
    assert len(QUERIES) >= 30
    recall, precision, misses, expected_total = _score(LibrarySearcher(indexed), sample_truth, QUERIES)
    assert expected_total > 100, "the query list should exercise many pages"
    assert misses == {}
    assert recall == 1.0
    assert precision >= 0.95, precision


def test_words_broken_across_lines_are_found(indexed, sample_truth):
    queries = line_break_queries(sample_truth)
    assert len(queries) >= 8
    recall, precision, misses, _ = _score(LibrarySearcher(indexed), sample_truth, queries)
    assert misses == {} and recall == 1.0
    assert precision >= 0.95


def test_odd_input_never_raises(indexed):
    searcher = LibrarySearcher(indexed)
    for query in ['"', "*", "(", "AND", "", "   ", "😀", "-", "--", '"unclosed', "氢" * 10000, "数据" * 5000]:
        results = searcher.search(query)
        assert results.total_pages == len(results.hits)
    assert searcher.search("").message
    # a pasted paragraph from the text is found where it is
    page = searcher.search("专精特新").hits[0]
    details = searcher.details(page, parse_query("专精特新"))
    assert "【专精特新】" in details.snippet
    assert details.rects.get(page.page_index)


def test_cli_search_json_shape(indexed, sample_truth, capsys):
    code = cli_main(["search", "5G工厂", "--library", str(indexed.root), "--json"])
    assert code == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) >= {"query", "total_pages", "hits"}
    assert data["query"] == "5G工厂"
    assert data["total_pages"] == len(data["hits"]) > 0
    want = expected("5G工厂", truth_pages(sample_truth))
    assert want <= {h["page_index"] for h in data["hits"]}
    for hit in data["hits"]:
        assert set(hit) >= {"pdf", "page_index", "page_label", "document", "doc_number", "snippet", "rects"}
        assert "【" in hit["snippet"]
        assert hit["rects"] and all(len(r) == 4 and r[0] < r[2] and r[1] < r[3] for r in hit["rects"])
