"""Three-way merge of one annotation edited on two laptops (reader.team.merge)."""

from __future__ import annotations

from reader.team.merge import merge, merge_lists

BASE = {"note": "原注", "themes": ["氢能", "5G"], "quote": "各省", "modified": "2026-01-01T00:00:00.000Z"}


def test_fields_changed_on_one_side_each_are_both_kept() -> None:
    mine = dict(BASE, note="我的看法", modified="2026-01-02T00:00:00.000Z")
    theirs = dict(BASE, quote="各省、自治区", modified="2026-01-03T00:00:00.000Z")
    result = merge(BASE, mine, theirs)
    assert result.conflicts == []
    assert result.record["note"] == "我的看法" and result.record["quote"] == "各省、自治区"
    assert result.record["modified"] == "2026-01-03T00:00:00.000Z"


def test_themes_merge_as_sets_keeping_additions_and_removals() -> None:
    mine = dict(BASE, themes=["氢能", "5G", "数据要素"])  # added one
    theirs = dict(BASE, themes=["5G", "人工智能"])  # removed 氢能, added 人工智能
    result = merge(BASE, mine, theirs)
    assert result.conflicts == [] and result.record["themes"] == ["5G", "人工智能", "数据要素"]
    assert merge_lists(["a"], ["a", "b"], ["a", "b"]) == ["a", "b"]


def test_same_field_changed_differently_later_wins_other_is_reported() -> None:
    mine = dict(BASE, note="早一些", modified="2026-01-02T00:00:00.000Z")
    theirs = dict(BASE, note="晚一些", modified="2026-01-05T00:00:00.000Z")
    result = merge(BASE, mine, theirs)
    assert result.record["note"] == "晚一些"
    assert result.conflicts == [("note", "早一些", "晚一些", "theirs")]
    later_mine = dict(mine, modified="2026-02-01T00:00:00.000Z")
    assert merge(BASE, later_mine, theirs).record["note"] == "早一些"


def test_no_base_means_both_created_independently() -> None:
    result = merge(None, dict(BASE, note="甲"), dict(BASE, note="乙", modified="2027-01-01T00:00:00.000Z"))
    assert result.record["note"] == "乙" and [c[0] for c in result.conflicts] == ["note"]


def test_team_record_is_the_stored_record_minus_local_fields() -> None:
    from reader.annotations.model import Annotation
    from reader.team.records import annotation_record

    ann = Annotation("h" * 64, 2, "各省、自治区", {2: [(1.5, 2.0, 3.25, 4.0)], 3: [(0, 0, 1, 1)]}, pdf="/x.pdf",
                     themes=["氢能"], clause_path=["一、", "（一）"], note="注", start_offset=5, end_offset=11)
    expected = ann.to_record()
    del expected["pdf"], expected["color"]  # a tagged annotation shows its theme's colour
    assert annotation_record(ann, "private") == dict(expected, visibility="private")
    plain = ann.copy(themes=[], color="#123456")
    assert annotation_record(plain)["color"] == "#123456"
