"""Team search over PostgreSQL finds exactly the pages the local index finds, and names who annotated them."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.document import file_content_hash
from reader.index.indexing import LibraryIndexer
from reader.index.search import LibrarySearcher, SearchFilters
from reader.library import Library
from reader.team.search import TeamIndex
from tests.team.teamkit import compilation_pdf, make_team

QUERIES = ["提升产业链供应链韧性", "5G", "自治区 -数据要素", "典型案例", "绿色", "不存在的词语组合"]


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory) -> list[Path]:
    folder = tmp_path_factory.mktemp("search-pdf")
    return [compilation_pdf(folder, seed) for seed in (6, 9)]


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
    for query in QUERIES:
        want = {(h.content_hash, h.page_index) for h in
                searcher.search(query, SearchFilters(front_matter=True), limit=None).hits}
        got = team.search(query, limit=None)
        assert {(h.content_hash, h.page_index) for h in got.hits} == want, query
    assert want == set()  # the last query finds nothing on either side

    first_hash = file_content_hash(pdfs[0])

    def authors(url: str) -> list[str]:
        hits = TeamIndex(url).search("提升产业链供应链韧性").hits
        return next(h for h in hits if h.page_index == 1 and h.content_hash == first_hash).authors

    assert authors(li.url) == sorted([zhang.name, li.name])
    assert authors(zhang.url) == [zhang.name]  # 李四's private annotation on that page stays hidden
    page = next(h for h in team.search("提升产业链供应链韧性").hits if h.page_index == 1 and h.content_hash == first_hash)
    shown = page.to_json(team.search("提升产业链供应链韧性").parsed)
    assert "【提升产业链供应链韧性】" in shown["snippet"] and shown["document"].startswith("关于推进")
    assert {"compilation", "document", "doc_number", "snippet", "annotation_authors"} <= set(shown)

    out = li.run("team", "search", "提升", "产业链", "--json")
    assert out["total_pages"] >= 1 and all("【" in h["snippet"] for h in out["hits"])
    assert li.run("team", "search", "   ", "--json")["message"]
