"""Grouping: theme → document → reading order; by document; several themes; untagged; counts."""

from __future__ import annotations

from reader.export.grouping import build_report, by_document, by_theme, theme_counts
from reader.export.model import UNTAGGED, ExportEntry, ThemeInfo

THEMES = [ThemeInfo("氢能", "#26c6da"), ThemeInfo("中小企业", "#ffa726"), ThemeInfo("财税金融", "#ffca28")]


def entry(ident, page, offset, themes, doc="甲文件", number="工信部联科〔2024〕1 号", doc_index=0,
          compilation="汇编A", content_hash="a", comp_order=0, note="") -> ExportEntry:
    return ExportEntry(
        annotation_id=ident, quote=f"引文{ident}", note=note, themes=tuple(themes), color="#ffd54f",
        page_index=page, page_label=str(page + 1), clause_label="（一）", clause_path=("一、", "（一）"),
        document_title=doc, doc_number=number, compilation=compilation, content_hash=content_hash,
        reading_key=(page, offset, 0), document_key=(doc_index,), compilation_key=(comp_order,),
    )


def sample():
    return [
        entry("e3", 9, 900, ["中小企业"], doc="乙文件", number="", doc_index=1),
        entry("e1", 2, 100, ["氢能", "中小企业"]),
        entry("e2", 3, 300, ["氢能"]),
        entry("e4", 1, 50, [], doc="丙文件", compilation="汇编B", content_hash="b", comp_order=1, doc_index=0),
        entry("e5", 4, 400, ["财税金融", "财税金融"]),  # a theme listed twice still gives one placement
    ]


def ids(section):
    return [[item.entry.annotation_id for item in doc.items] for doc in section.documents]


def test_by_theme_files_an_entry_under_each_of_its_themes_marked_with_the_others():
    sections = by_theme(sample(), THEMES)
    assert [s.title for s in sections] == ["氢能", "中小企业", "财税金融", UNTAGGED]
    hydrogen, smes, finance, untagged = sections
    assert ids(hydrogen) == [["e1", "e2"]]
    assert ids(smes) == [["e1"], ["e3"]]  # documents in reading order, 甲 before 乙
    assert [d.title for d in smes.documents] == ["甲文件", "乙文件"]
    assert hydrogen.documents[0].items[0].also_in == ("中小企业",)
    assert smes.documents[0].items[0].also_in == ("氢能",)
    assert hydrogen.documents[0].items[1].also_in == ()
    assert ids(finance) == [["e5"]]
    assert ids(untagged) == [["e4"]]
    assert hydrogen.color == "#26c6da"


def test_never_twice_inside_one_group():
    doubled = sample() + [entry("e1", 2, 100, ["氢能", "中小企业"])]
    for section in by_theme(doubled, THEMES) + by_document(doubled):
        placed = [i for doc in section.documents for i in ids_flat(doc)]
        assert len(placed) == len(set(placed))


def ids_flat(doc):
    return [item.entry.annotation_id for item in doc.items]


def test_by_document_is_compilation_then_document_then_reading_order():
    sections = by_document(sample())
    assert [s.title for s in sections] == ["汇编A", "汇编B"]
    assert ids(sections[0]) == [["e1", "e2", "e5"], ["e3"]]
    assert ids(sections[1]) == [["e4"]]
    assert all(item.also_in == () for doc in sections[0].documents for item in doc.items)


def test_configured_theme_order_then_unknown_themes_alphabetically():
    entries = [entry("x", 1, 1, ["自定义乙"]), entry("y", 2, 2, ["自定义甲"]), entry("z", 3, 3, ["财税金融"])]
    assert [s.title for s in by_theme(entries, THEMES)] == ["财税金融", "自定义乙", "自定义甲"]


def test_counts_and_report_totals():
    entries = sample()
    assert theme_counts(entries, THEMES) == {"氢能": 2, "中小企业": 2, "财税金融": 1, UNTAGGED: 1}
    report = build_report(entries, group="theme", themes=THEMES, title="月报", scope="整个资料库")
    assert report.placed == 6  # e1 twice
    assert report.document_count == 3
    only = build_report(entries, group="theme", themes=THEMES, title="月报", scope="s", only_themes=["氢能"])
    assert [s.title for s in only.sections] == ["氢能"]
    assert only.theme_counts == {"氢能": 2}
