"""Word summary read back with python-docx: styles, fonts, order, quotes, notes, fields."""

from __future__ import annotations

import datetime as dt

import docx
import pytest
from docx.oxml.ns import qn

from reader.export.docx_writer import write_docx
from reader.export.grouping import build_report
from reader.export.model import ExportCancelled, ExportEntry, ThemeInfo

THEMES = [ThemeInfo("氢能", "#26c6da"), ThemeInfo("财税金融", "#ffca28")]


def entry(ident, page, themes, quote, note="", doc="中华人民共和国增值税法", number="", clause=("第二章", "第十一条"),
          whole=False) -> ExportEntry:
    return ExportEntry(
        annotation_id=ident, quote=quote, note=note, themes=tuple(themes), color="#ffd54f", page_index=page,
        page_label=str(page - 1), clause_label=clause[-1], clause_path=clause, document_title=doc,
        doc_number=number, compilation="政策汇编（2024年12月）", content_hash="h", reading_key=(page, page, 0),
        whole_clause=whole,
    )


ENTRIES = [
    entry("tax", 71, ["财税金融"], "第十一条 适用简易计税方法计算缴纳增值税的征收率为百分之三。", note="征收率 3%", whole=True),
    entry("h2", 47, ["氢能", "财税金融"], "推动风电、光伏发电等\n清洁能源富集地区", note="关注\n园区",
          doc="工信部等三部门联合印发《加快工业领域清洁低碳氢应用实施方案》", number="工信厅联节函〔2024〕499 号",
          clause=("二、", "（三）")),
]


@pytest.fixture
def written(tmp_path):
    report = build_report(ENTRIES, group="theme", themes=THEMES, title="十二月摘要", scope="整个资料库",
                          made=dt.date(2024, 12, 31), header_text="内部参考", footer_text="研究部")
    out = tmp_path / "摘要.docx"
    write_docx(report, out, body_font="仿宋", heading_font="微软雅黑")
    return docx.Document(str(out))


def east_asia(style) -> str | None:
    fonts = style.element.rPr.find(qn("w:rFonts"))
    return None if fonts is None else fonts.get(qn("w:eastAsia"))


def test_east_asian_fonts_are_set_on_body_heading_quote_and_note_styles(written):
    styles = written.styles
    assert east_asia(styles["Normal"]) == "仿宋"
    for name in ("Title", "Heading 1", "Heading 2", "Heading 3"):
        assert east_asia(styles[name]) == "微软雅黑", name
        fonts = styles[name].element.rPr.find(qn("w:rFonts"))
        assert fonts.get(qn("w:eastAsiaTheme")) is None  # a theme font would override the name
    assert east_asia(styles["引文"]) == "仿宋" and east_asia(styles["批注"]) == "仿宋"
    lang = styles["Normal"].element.rPr.find(qn("w:lang"))
    assert lang.get(qn("w:eastAsia")) == "zh-CN"
    assert styles["批注"].font.color.rgb != styles["引文"].font.color.rgb


def test_headings_order_quotes_notes_and_sources(written):
    paragraphs = [(p.style.name, p.text) for p in written.paragraphs]
    assert paragraphs[0] == ("Title", "十二月摘要")
    heads = [(s, t) for s, t in paragraphs if s.startswith("Heading")]
    assert heads == [
        ("Heading 1", "■ 氢能"),
        ("Heading 2", "工信部等三部门联合印发《加快工业领域清洁低碳氢应用实施方案》（工信厅联节函〔2024〕499 号）"),
        ("Heading 3", "（三） · 第 46 页"),
        ("Heading 1", "■ 财税金融"),
        ("Heading 2", "工信部等三部门联合印发《加快工业领域清洁低碳氢应用实施方案》（工信厅联节函〔2024〕499 号）"),
        ("Heading 3", "（三） · 第 46 页"),
        ("Heading 2", "中华人民共和国增值税法"),
        ("Heading 3", "第十一条（整条） · 第 70 页"),
    ]
    quotes = [t for s, t in paragraphs if s == "引文"]
    assert quotes[:2] == ["推动风电、光伏发电等", "清洁能源富集地区"]
    assert quotes[-1] == "第十一条 适用简易计税方法计算缴纳增值税的征收率为百分之三。"
    notes = [t for s, t in paragraphs if s == "批注"]
    assert notes[0] == "批注：关注\n园区" and notes[-1] == "批注：征收率 3%"
    sources = [t for s, t in paragraphs if s == "出处"]
    assert "（另见：财税金融）" in sources[0]
    assert "出处：工信部等三部门联合印发《加快工业领域清洁低碳氢应用实施方案》（工信厅联节函〔2024〕499 号） · 二、（三） · 第 46 页" in sources[0]
    assert sources[-1].endswith("出处：中华人民共和国增值税法 · 第二章 第十一条 · 第 70 页 · 汇编：政策汇编（2024年12月）")


def test_theme_marker_is_coloured_with_the_theme_colour(written):
    heading = next(p for p in written.paragraphs if p.style.name == "Heading 1")
    assert heading.runs[0].text.startswith("■") and str(heading.runs[0].font.color.rgb) == "26C6DA"
    table = written.tables[0]
    assert [r.cells[0].text for r in table.rows] == ["主题", "■ 氢能", "■ 财税金融"]
    assert [r.cells[1].text for r in table.rows] == ["条数", "1", "2"]


def test_toc_field_update_on_open_header_and_page_number_footer(written):
    body = written.element.body.xml
    assert 'TOC \\o "1-2" \\h \\z \\u' in body
    assert written.settings.element.find(qn("w:updateFields")).get(qn("w:val")) == "true"
    section = written.sections[0]
    assert section.header.paragraphs[0].text == "内部参考"
    footer = section.footer.paragraphs[0]._p
    fields = footer.findall(qn("w:fldSimple"))
    assert [f.get(qn("w:instr")) for f in fields] == ["PAGE"]
    assert "研究部" in section.footer.paragraphs[0].text


def test_cancel_stops_and_writes_nothing(tmp_path):
    report = build_report(ENTRIES, group="document", themes=THEMES, title="t", scope="s")
    out = tmp_path / "x.docx"
    with pytest.raises(ExportCancelled):
        write_docx(report, out, cancelled=lambda: True)
    assert not out.exists() and list(tmp_path.iterdir()) == []
