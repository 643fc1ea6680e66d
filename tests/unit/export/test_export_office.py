"""Word and Markdown as offices expect them: paper, properties, keeping an entry together, the 公文
template, clause names with headings, the documents' dates, file names, the reader's language."""

from __future__ import annotations

import datetime as dt

import docx
import pytest
from docx.oxml.ns import qn

from reader.export.docx_writer import write_docx
from reader.export.grouping import build_report
from reader.export.markdown import render_markdown
from reader.export.model import UNTAGGED, ExportEntry, ExportOptions, ThemeInfo
from reader.export.outputs import file_stem
from reader.export.templates import load_template, options_from_template, save_template
from reader.errors import UsageError

THEMES = [ThemeInfo("氢能", "#26c6da")]


def entry(ident: str, page: int, themes, quote: str, note: str = "", date: str | None = "2024-12-30",
          headings=("升级融合应用", "推进绿色甲醇示范")) -> ExportEntry:
    return ExportEntry(
        annotation_id=ident, quote=quote, note=note, themes=tuple(themes), color="#ffd54f", page_index=page,
        page_label=str(page + 1), clause_label="（十六）", clause_path=("四、", "（十六）"),
        document_title="加快工业领域清洁低碳氢应用实施方案", doc_number="工信厅联节函〔2024〕499 号",
        compilation="政策汇编（2024年12月）", content_hash="h", reading_key=(page, page, 0),
        document_date=date, clause_headings=tuple(headings),
    )


ENTRIES = [
    entry("a", 47, ["氢能"], "推进绿色甲醇示范项目建设。\n提高碳转化率。", note="关注进度"),
    entry("b", 12, [], "加快构建新发展格局。", date="2024-03-01", headings=()),
]


def report(language: str = "zh"):
    return build_report(ENTRIES, group="theme", themes=THEMES, title="十二月摘要", scope="整个资料库",
                        made=dt.date(2025, 1, 6), language=language)


def written(tmp_path, **options):
    out = tmp_path / "摘要.docx"
    write_docx(report(options.pop("language", "zh")), out, **options)
    return docx.Document(str(out))


def east_asia(style) -> str | None:
    fonts = style.element.rPr.find(qn("w:rFonts"))
    return None if fonts is None else fonts.get(qn("w:eastAsia"))


def test_word_is_a4_by_default_and_letter_on_request(tmp_path):
    section = written(tmp_path).sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    letter = written(tmp_path, page_size="Letter").sections[0]
    assert (round(letter.page_width.inches, 2), round(letter.page_height.inches, 2)) == (8.5, 11.0)


def test_document_properties_are_this_apps_not_python_docx_defaults(tmp_path):
    props = written(tmp_path, author="研究部").core_properties
    assert props.title == "十二月摘要" and props.author == "研究部" and props.last_modified_by == "研究部"
    assert props.created.date() == dt.datetime.now(dt.timezone.utc).date()
    assert "python-docx" not in (props.comments + props.author + props.last_modified_by)
    assert props.revision == 1 and props.keywords == "氢能、未分类 (Untagged)"
    anonymous = written(tmp_path).core_properties
    assert anonymous.author == "政策汇编阅读器"


def test_quote_note_and_source_are_kept_together_across_page_breaks(tmp_path):
    paragraphs = written(tmp_path).paragraphs
    start = next(i for i, p in enumerate(paragraphs) if p.text.startswith("推进绿色甲醇"))
    chain = paragraphs[start - 1: start + 4]  # locator, two quote paragraphs, note, source
    assert [p.style.name for p in chain] == ["Heading 3", "引文", "引文", "批注", "出处"]
    assert all(p.paragraph_format.keep_together for p in chain)
    assert all(p.paragraph_format.keep_with_next for p in chain[:-1])
    assert not chain[-1].paragraph_format.keep_with_next  # the next entry may start on a new page


def test_source_line_names_each_clause_level_with_its_heading(tmp_path):
    text = "\n".join(p.text for p in written(tmp_path).paragraphs)
    assert "四、升级融合应用 （十六）推进绿色甲醇示范 · 第 48 页" in text
    markdown = render_markdown(report())
    assert "四、升级融合应用 （十六）推进绿色甲醇示范" in markdown
    assert "出处：加快工业领域清洁低碳氢应用实施方案（工信厅联节函〔2024〕499 号） · 四、（十六） · 第 13 页" in markdown


def test_official_template_follows_gb_t_9704(tmp_path):
    document = written(tmp_path, template="official")
    section = document.sections[0]
    margins = [round(m.mm) for m in (section.top_margin, section.bottom_margin, section.left_margin,
                                     section.right_margin)]
    assert margins == [37, 35, 28, 26]
    styles = document.styles
    assert east_asia(styles["Normal"]) == "仿宋_GB2312"
    assert all(east_asia(styles[f"Heading {n}"]) == "黑体" for n in (1, 2, 3))
    assert east_asia(styles["引文"]) == "楷体_GB2312"
    for name in ("Title", "Heading 1", "Heading 2", "Heading 3", "引文"):
        assert str(styles[name].font.color.rgb) == "000000", name
    assert styles["Normal"].font.size.pt == 16
    headings = [p for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings and not any("■" in p.text for p in headings)  # no colour marks on 公文 headings
    modern = written(tmp_path, template="modern").styles
    assert str(modern["Heading 1"].font.color.rgb) != "000000"


def test_summary_states_the_documents_dates(tmp_path):
    text = render_markdown(report())
    assert "文件日期：2024-03-01 至 2024-12-30" in text
    assert "生成日期：2025-01-06" in text


def test_english_export_speaks_english_around_the_users_text(tmp_path):
    markdown = render_markdown(report("en"))
    assert "Source: 加快工业领域清洁低碳氢应用实施方案" in markdown and "p. 48" in markdown
    assert "## Untagged" in markdown and "Note: 关注进度" in markdown
    for chinese_label in ("出处", "批注：", "第 48 页", "目录", "范围", "未分类"):
        assert chinese_label not in markdown, chinese_label
    document = written(tmp_path, language="en")
    texts = [p.text for p in document.paragraphs]
    assert "Contents" in texts and any("\nSource: " in t for t in texts)
    assert document.core_properties.author == "Policy Compilation Reader"
    footer = document.sections[0].footer.paragraphs[0].text
    assert footer.startswith("Page ") and "页" not in footer


def test_title_with_a_slash_never_becomes_a_folder():
    assert file_stem("氢能/储能 月报", "摘要") == "氢能-储能 月报"
    assert "/" not in file_stem("a/../../b", "x") and "\\" not in file_stem(r"c:\temp\x", "x")
    assert file_stem("///", "摘要") == "摘要"


def test_page_size_template_and_author_are_remembered(tmp_path):
    options = ExportOptions(page_size="Letter", template="official", document_author="研究部")
    save_template(tmp_path, options)
    assert load_template(tmp_path)["page_size"] == "Letter"
    again = options_from_template(tmp_path)
    assert (again.page_size, again.template, again.document_author) == ("Letter", "official", "研究部")
    assert ExportOptions().page_size == "A4"


@pytest.mark.parametrize("field,value", [("page_size", "A3"), ("template", "fancy"), ("language", "fr")])
def test_unknown_choices_are_refused(field, value):
    with pytest.raises(UsageError):
        ExportOptions(**{field: value}).validate()


def test_untagged_key_is_unchanged_for_outside_checks():
    assert UNTAGGED in report("en").theme_counts
