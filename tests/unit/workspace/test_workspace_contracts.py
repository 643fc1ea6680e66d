"""The storage contracts, run against every registered implementation (SQLite/whoosh and in-memory).

A behaviour tested here belongs to the contract: a new backend passes these tests or is wrong.
"""

from __future__ import annotations


import pytest

from reader.annotations import Annotation, Theme
from reader.errors import UsageError
from reader.index.search import SearchFilters
from reader.library import Library
from reader.workspace import AnnotationRepository, PageIndex, Workspace
from reader.workspace.registry import ANNOTATION_REPOSITORIES, PAGE_INDEXES, SERVER_BACKENDS

from tests.builders.index_pdfs import BODY, make_pdf  # noqa: E402


@pytest.fixture(params=sorted(ANNOTATION_REPOSITORIES))
def repository(request, tmp_path) -> AnnotationRepository:
    workspace = Workspace(Library(tmp_path / "lib"), annotations=request.param, backup=False)
    yield workspace.annotations
    workspace.close()


@pytest.fixture(params=sorted(set(PAGE_INDEXES) - SERVER_BACKENDS))  # tests/team/test_team_contracts.py: "team"
def indexed(request, tmp_path) -> tuple[Workspace, str]:
    workspace = Workspace(Library(tmp_path / "lib"), index=request.param)
    pdf = make_pdf(tmp_path / "a.pdf", BODY)
    report = workspace.index.index([pdf])
    assert [entry["status"] for entry in report.indexed] == ["indexed"]
    yield workspace, report.indexed[0]["content_hash"]
    workspace.close()


def _note(content_hash: str, quote: str, page: int, themes: list[str], offset: int) -> Annotation:
    return Annotation(content_hash=content_hash, page_index=page, quote=quote, themes=themes,
                      rects={page: [(72.0, 90.0 + offset, 200.0, 102.0 + offset)]}, start_offset=offset)


def test_repository_satisfies_the_protocol(repository):
    assert isinstance(repository, AnnotationRepository)


def test_themes_match_ignoring_width_case_and_spacing(repository):
    repository.add_theme(Theme("５Ｇ 网络", "5G Networks", "#AbC"))
    assert repository.theme("5g网络").name == "５Ｇ 网络"
    assert repository.theme("5g networks").color == "#aabbcc"
    with pytest.raises(UsageError):
        repository.add_theme(Theme("5G网络"))
    with pytest.raises(UsageError):
        repository.require_theme("没有这个")


def test_annotations_round_trip_in_reading_order(repository):
    repository.add_theme(Theme("氢能试点", color="#112233"))
    repository.add_theme(Theme("数据试点", color="#445566"))
    late = repository.add(_note("h1", "建设加氢站", 1, ["氢能试点"], 300))
    early = repository.add(_note("h1", "开展氢冶金示范", 0, ["数据试点", "氢能试点"], 10))
    other = repository.add(_note("h2", "数据要素", 0, [], 5))
    assert [a.id for a in repository.list()] == [early.id, late.id, other.id]
    assert [a.id for a in repository.list(content_hash="h1", theme="氢能试点")] == [early.id, late.id]
    assert early.color == "#445566"  # the first theme's colour
    assert repository.list(text="加氢") == [late]
    assert repository.count_by_theme("h1")["氢能试点"] == 2
    assert sorted(repository.content_hashes()) == ["h1", "h2"]
    assert repository.resolve_id(other.id[:10]) == other.id
    with pytest.raises(UsageError):
        repository.add(_note("h1", "  ", 0, [], 0).copy(rects={}))


def test_theme_edits_follow_their_annotations(repository):
    repository.add_theme(Theme("甲"))
    repository.add_theme(Theme("乙"))
    note = repository.add(_note("h", "文字", 0, ["甲"], 0))
    repository.update_theme("甲", new_name="丙")
    assert repository.get(note.id).themes == ["丙"]
    assert repository.merge_theme("丙", "乙") == 1
    assert repository.get(note.id).themes == ["乙"] and repository.theme("丙") is None
    assert repository.delete_theme("乙") == 1
    assert repository.get(note.id).themes == []


def test_updates_retags_removals_and_undo_steps(repository):
    repository.add_theme(Theme("甲"))
    repository.add_theme(Theme("乙"))
    a = repository.add(_note("h", "第一", 0, ["甲"], 0))
    b = repository.add(_note("h", "第二", 0, [], 20))
    assert repository.update(a.id, note="要点").note == "要点"
    with pytest.raises(ValueError):
        repository.update(a.id, id="x")
    retagged = repository.retag([a.id, b.id], add=["乙"], remove=["甲"])
    assert [n.themes for n in retagged] == [["乙"], ["乙"]]
    assert repository.remove(a.id).id == a.id and repository.get(a.id) is None
    repository.replace_many(put=[a.copy(themes=["乙", "已删除的主题"])], remove=[b.id])
    assert [n.id for n in repository.list()] == [a.id] and repository.get(a.id).themes == ["乙"]
    assert repository.put_many([b]) == 1 and len(repository.get_many([a.id, b.id])) == 2
    repository.set_pdf_path("h", "/new/place.pdf")
    assert {n.pdf for n in repository.list()} == {"/new/place.pdf"}


def test_every_write_changes_the_token(repository):
    before = repository.change_token()
    repository.add_theme(Theme("新主题"))
    after_theme = repository.change_token()
    repository.add(_note("h", "文字", 0, ["新主题"], 0))
    assert len({before, after_theme, repository.change_token()}) == 3


def test_changes_since_names_only_what_was_written_after_the_counter(repository):
    repository.add_theme(Theme("甲"))
    kept = repository.add(_note("h", "不变", 0, [], 0))
    edited = repository.add(_note("h", "要改", 0, ["甲"], 10))
    dropped = repository.add(_note("h", "要删", 0, [], 20))
    everything = repository.changes_since(0)
    assert {a.id for a in everything.annotations} == {kept.id, edited.id, dropped.id}
    assert "甲" in everything.themes and everything.removed == []

    counter = everything.counter
    assert repository.changes_since(counter).annotations == [] and repository.changes_since(counter).counter == counter
    repository.update(edited.id, note="新批注")
    repository.update(edited.id, note="再改一次")
    repository.remove(dropped.id)
    repository.update_theme("甲", new_name="乙")
    later = repository.changes_since(counter)
    assert [(a.id, a.note, a.themes) for a in later.annotations] == [(edited.id, "再改一次", ["乙"])]
    assert later.removed == [dropped.id]
    assert {"甲", "乙"} <= set(later.themes)
    assert later.counter > counter

    repository.put_many([dropped])  # re-added after its deletion: changed, not removed
    again = repository.changes_since(later.counter)
    assert [a.id for a in again.annotations] == [dropped.id] and again.removed == []
    repository.delete_theme("乙")
    assert "乙" in repository.changes_since(again.counter).themes


def test_index_satisfies_the_protocol(indexed):
    workspace, _hash = indexed
    assert isinstance(workspace.index, PageIndex)


def test_search_finds_folded_text_across_line_breaks(indexed):
    workspace, content_hash = indexed
    index = workspace.index
    assert index.is_indexed(content_hash) and index.pending() == []
    # "氢冶金" is broken over two lines, "５Ｇ 工厂" typeset in full width with a space
    for query, page in (("氢冶金", 0), ("5g工厂", 0), ("加氢站", 1)):
        results = index.search(query)
        assert (content_hash, page) in {(h.content_hash, h.page_index) for h in results.hits}, query
    with_station = {h.page_index for h in index.search("氢能").hits}
    assert 1 in with_station and 1 not in {h.page_index for h in index.search("氢能 -加氢站").hits}
    assert index.search("加氢站", SearchFilters(pages={(content_hash, 0)})).hits == []
    hit = index.search("加氢站").hits[0]
    assert hit.pdf.endswith("a.pdf") and not hit.missing
    details = index.details(hit, index.search("加氢站").parsed)
    assert details.snippet_plain[details.snippet_spans[0][0]:details.snippet_spans[0][1]] == "加氢站"
    assert len(details.hit_rects) == len(details.spans) == 1
    page, (x0, y0, x1, y1) = details.hit_rects[0][0]
    assert page == 1 and x1 > x0 and y1 > y0


def test_index_removal_and_change_token(indexed):
    workspace, content_hash = indexed
    before = workspace.index.change_token()
    workspace.index.remove(content_hash)
    assert not workspace.index.is_indexed(content_hash)
    assert workspace.index.search("加氢站").hits == []
    assert workspace.index.change_token() != before


def test_bulk_write_reports_the_counter_it_reached(repository):
    """A sync writes what it pulled and goes on from the counter the write reached, without reading it back."""
    kept = repository.add(_note("h", "留下", 0, [], 0))
    gone = repository.add(_note("h", "删去", 0, [], 10))
    start = repository.changes_since(0).counter
    span = repository.replace_many(put=[kept.copy(note="拉取的批注")], remove=[gone.id])
    assert span.before == start and span.reached > start
    assert repository.changes_since(span.reached).annotations == []
    written = repository.changes_since(span.before)
    assert [a.note for a in written.annotations] == ["拉取的批注"] and written.removed == [gone.id]
    repository.update(kept.id, note="之后的编辑")  # a later write is above what the bulk write reached
    later = repository.replace_many(put=[])
    assert later.before > span.reached and later.before == later.reached
    assert [a.note for a in repository.changes_since(span.reached).annotations] == ["之后的编辑"]


def test_index_takes_the_ocr_switch_every_caller_passes(indexed):
    """``index(…, ocr=False)`` (``index --no-ocr``) is part of the contract: every backend accepts it."""
    workspace, content_hash = indexed
    path = workspace.library.resolve(content_hash)
    workspace.index.remove(content_hash)
    workspace.index.index([path], ocr=False)
    assert workspace.index.is_indexed(content_hash)
    assert workspace.index.search("加氢站").hits
