"""One order for the review panel and the export: themes as configured, reading order within."""

from __future__ import annotations

from reader.annotations import Annotation, Theme
from reader.annotations.grouping import filter_annotations, group_annotations, reading_key, theme_counts, theme_order
from reader.export.grouping import theme_order as export_theme_order
from reader.export.model import ThemeInfo

THEMES = [Theme("氢能", "Hydrogen", "#26c6da"), Theme("5G", "5G", "#42a5f5"), Theme("数据要素", "Data")]


def _ann(quote: str, page: int, offset: int, themes: list[str], document: str = "甲文件", content_hash: str = "h",
         note: str = "") -> Annotation:
    return Annotation(content_hash=content_hash, page_index=page, quote=quote, themes=themes, start_offset=offset,
                      rects={page: [(0, 0, 1, 1)]}, document=document, note=note)


NOTES = [
    _ann("第十页的话", 10, 9000, ["5G"]),
    _ann("第二页的话", 2, 1500, ["氢能", "5G"], document="乙文件"),
    _ann("没有主题", 1, 800, []),
    _ann("别的主题", 3, 2000, ["旧主题"]),
    _ann("同页靠前", 2, 1200, ["氢能"], note="ＥＲＰ 系统"),
]


def test_reading_order_is_numeric_not_textual():
    assert sorted(NOTES, key=reading_key)[0].quote == "没有主题"
    assert [a.quote for a in sorted(NOTES, key=reading_key)][1:3] == ["同页靠前", "第二页的话"]


def test_groups_by_theme_follow_the_configured_order_then_unknown_then_untagged():
    groups = group_annotations(NOTES, "theme", THEMES)
    assert [g.key for g in groups] == [("theme", "氢能"), ("theme", "5G"), ("theme", "旧主题"), ("untagged", "")]
    assert [a.quote for a in groups[0].members] == ["同页靠前", "第二页的话"]  # reading order
    assert [a.quote for a in groups[1].members] == ["第二页的话", "第十页的话"]  # listed under each theme
    assert groups[0].theme.color == "#26c6da" and groups[2].theme.name == "旧主题"


def test_review_and_export_order_themes_the_same_way():
    used = [n for a in NOTES for n in a.themes]
    assert theme_order(used, [t.name for t in THEMES]) == ["氢能", "5G", "旧主题"]
    entries = [type("Entry", (), {"themes": a.themes})() for a in NOTES]
    assert export_theme_order(entries, [ThemeInfo(t.name, t.color, t.name_en) for t in THEMES]) == ["氢能", "5G", "旧主题"]


def test_groups_by_document_in_reading_order():
    groups = group_annotations(NOTES, "document", THEMES)
    assert [g.document for g in groups] == ["甲文件", "乙文件"]
    assert [a.quote for a in groups[0].members] == ["没有主题", "同页靠前", "别的主题", "第十页的话"]


def test_filter_matches_quote_note_document_and_either_theme_name_folded():
    assert [a.quote for a in filter_annotations(NOTES, "erp系统", THEMES)] == ["同页靠前"]
    assert {a.quote for a in filter_annotations(NOTES, "hydrogen", THEMES)} == {"第二页的话", "同页靠前"}
    assert [a.quote for a in filter_annotations(NOTES, "乙 文件", THEMES)] == ["第二页的话"]
    assert filter_annotations(NOTES, "  ", THEMES) == NOTES
    assert theme_counts(NOTES) == {"5G": 2, "氢能": 2, "旧主题": 1}
