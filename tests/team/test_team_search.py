"""Team search over PostgreSQL finds exactly the pages the local index finds, names who annotated
them, and covers compilations whose PDF is not on this laptop."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from reader.document import file_content_hash
from reader.index.indexing import LibraryIndexer
from reader.index.search import LibrarySearcher, SearchFilters
from reader.library import Library
from reader.team.page_index import OFFLINE_NOTE
from reader.team.search import TeamIndex
from reader.workspace import Workspace
from tests.team.teamkit import compilation_pdf, make_team

QUERIES = ["提升产业链供应链韧性", "5G", "自治区 -数据要素", "典型案例", "绿色", "不存在的词语组合", "数", "（",
           "关于", "%", "资金 保障"]


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory) -> list[Path]:
    folder = tmp_path_factory.mktemp("search-pdf")
    return [compilation_pdf(folder, seed) for seed in (6, 9)]


def _pages(results) -> set[tuple[str, int]]:
    return {(h.content_hash, h.page_index) for h in results.hits}


def test_team_search_matches_local_index_and_shows_authors(team_db, team_tag, tmp_path, pdfs) -> None:
    zhang, li = make_team(team_db, tmp_path, team_tag, ["张三", "李四"])
    zhang.add(pdfs[0], "提升产业链供应链韧性", "--note", "看", page=1)
    li.add(pdfs[0], "资金保障", "--private", page=1)
    li.add(pdfs[1], "自治区", page=0)
    assert zhang.sync()["compilations_shared"] == 1
    assert li.sync()["compilations_shared"] == 1  # pdfs[0] is on the server already

    local = Library(tmp_path / "local")
    LibraryIndexer(local).index_paths(pdfs)
    searcher, team = LibrarySearcher(local), TeamIndex(li.url)
    first_hash = file_content_hash(pdfs[0])
    documents = {h.document for h in searcher.search("关于", SearchFilters(front_matter=True)).hits if h.document}
    some_document = sorted(documents)[0][2:8]
    filter_sets = [SearchFilters(front_matter=True), SearchFilters(), SearchFilters(document=some_document),
                   SearchFilters(date_from="2000-01-01"), SearchFilters(content_hashes={first_hash}),
                   SearchFilters(pages={(first_hash, 1), (first_hash, 2)}, front_matter=True)]
    found_any = 0
    for filters in filter_sets:
        for query in QUERIES:
            want = searcher.search(query, filters, limit=None)
            got = team.search(query, filters, limit=None)
            assert _pages(got) == _pages(want), (query, filters)
            assert got.total_pages == want.total_pages
            found_any += bool(want.hits)
            limited = team.search(query, filters, limit=3)
            assert limited.total_pages == want.total_pages and len(limited.hits) == min(3, want.total_pages)
    assert found_any > 20
    assert team.search("不存在的词语组合").total_pages == 0  # nothing on either side

    def authors(url: str) -> list[str]:
        index = TeamIndex(url)
        results = index.search("提升产业链供应链韧性")
        hit = next(h for h in results.hits if h.page_index == 1 and h.content_hash == first_hash)
        details = index.details(hit, results.parsed)
        assert "【提升产业链供应链韧性】" in details.snippet and hit.document.startswith("关于推进")
        return hit.authors

    assert authors(li.url) == sorted([zhang.name, li.name])
    assert authors(zhang.url) == [zhang.name]  # 李四's private annotation on that page stays hidden

    out = li.run("team", "search", "提升", "产业链", "--json")
    assert out["total_pages"] >= 1 and all("【" in h["snippet"] for h in out["hits"])
    assert {"compilation", "document", "doc_number", "snippet", "annotation_authors"} <= set(out["hits"][0])
    assert li.run("team", "search", "   ", "--json")["message"]


def test_search_on_a_team_library_covers_compilations_not_on_this_laptop(team_db, team_tag, tmp_path, pdfs) -> None:
    zhang, li = make_team(team_db, tmp_path, team_tag, ["张三", "李四"])
    zhang.add(pdfs[0], "提升产业链供应链韧性", "--note", "看", page=1)
    zhang.sync()
    li.sync()
    first_hash = file_content_hash(pdfs[0])
    # the plain `search` command: the same door as in any library, here the team's pages
    out = li.run("search", "提升产业链供应链韧性", "--json")
    hit = next(h for h in out["hits"] if h["content_hash"] == first_hash and h["page_index"] == 1)
    assert hit["missing"] and hit["pdf"] == "" and hit["compilation"]
    assert hit["annotation_authors"] == [zhang.name] and "【提升产业链供应链韧性】" in hit["snippet"]
    assert hit["document"].startswith("关于推进") and hit["rects"] == []  # no PDF here: no geometry
    # on zhang's laptop the same hit opens the file and lights its words
    mine = next(h for h in zhang.run("search", "提升产业链供应链韧性", "--json")["hits"]
                if h["content_hash"] == first_hash and h["page_index"] == 1)
    assert not mine["missing"] and mine["pdf"].endswith(pdfs[0].name) and mine["rects"]


def test_unreachable_server_searches_this_laptop_and_says_so(team_db, team_tag, tmp_path, pdfs, monkeypatch) -> None:
    zhang, = make_team(team_db, tmp_path, team_tag, ["张三"])
    zhang.run("index", str(pdfs[1]), "--json")
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    monkeypatch.setenv("READER_TEAM_URL", f"postgresql://{zhang.name}:x@127.0.0.1:{port}/nowhere")
    with Workspace(Library(zhang.library)) as workspace:
        results = workspace.index.search("自治区")
        assert results.hits and results.message == OFFLINE_NOTE
        details = workspace.index.details(results.hits[0], results.parsed)
        assert "【自治区】" in details.snippet and details.rects
