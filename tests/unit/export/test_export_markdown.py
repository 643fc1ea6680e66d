"""Markdown summary: headings, linked contents, > quotes, notes, metadata, escaping."""

from __future__ import annotations

import datetime as dt
import re

from reader.export.grouping import build_report
from reader.export.markdown import Slugger, escape, render_markdown
from reader.export.model import ExportEntry, ThemeInfo

THEMES = [ThemeInfo("氢能", "#26c6da"), ThemeInfo("中小企业", "#ffa726")]


def entry(ident, page, themes, quote, note="", doc="工信部印发《氢能方案》", number="工信厅联节函〔2024〕499 号",
          clause=("二、", "（三）"), label=None) -> ExportEntry:
    return ExportEntry(
        annotation_id=ident, quote=quote, note=note, themes=tuple(themes), color="#26c6da", page_index=page,
        page_label=label or str(page - 1), clause_label=clause[-1] if clause else "", clause_path=clause,
        document_title=doc, doc_number=number, compilation="政策汇编（2024年12月）", content_hash="h",
        reading_key=(page, page * 100, 0),
    )


def report(entries, group="theme"):
    return build_report(entries, group=group, themes=THEMES, title="十二月政策摘要", scope="整个资料库",
                        made=dt.date(2024, 12, 31), header_text="内部参考", footer_text="研究部编")


def test_summary_title_scope_date_counts_and_linked_contents():
    text = render_markdown(report([
        entry("a", 47, ["氢能", "中小企业"], "推动风电、光伏发电等清洁能源富集地区", note="关注园区"),
        entry("b", 10, ["中小企业"], "中小企业上云率超过 40%", doc="中小企业方案", number=""),
    ]))
    lines = text.splitlines()
    assert lines[0] == "# 十二月政策摘要"
    assert "范围：整个资料库" in text and "生成日期：2024-12-31" in text
    assert "- 氢能：1 条" in lines and "- 中小企业：2 条" in lines
    headings = [l for l in lines if l.startswith("#")]
    assert headings[1:4] == ["## 氢能", "### 工信部印发《氢能方案》（工信厅联节函〔2024〕499 号）", "#### （三） · 第 46 页"]
    # every contents link points at a heading's GitHub slug
    slugger = Slugger()
    slugs = {slugger.slug(re.sub(r"^#+ ", "", h).replace("\\", "")) for h in headings}
    links = re.findall(r"\]\(#([^)]+)\)", text)
    assert links and set(links) <= slugs
    assert "](#氢能)" in text
    assert "内部参考" in lines and lines[-1] == "研究部编"


def test_entry_has_quote_block_note_themes_and_source():
    text = render_markdown(report([entry("a", 47, ["氢能", "中小企业"], "第一段\n第二段  里的\u3000字 ", note="甲\n乙")]))
    section = text.split("## 中小企业")[1]
    assert "> 第一段\n>\n> 第二段 里的 字\n" in section  # paragraphs kept, whitespace runs collapsed
    assert "批注：甲  \n乙" in section
    assert "主题：中小企业（另见：氢能）" in section
    assert "出处：工信部印发《氢能方案》（工信厅联节函〔2024〕499 号） · 二、（三） · 第 46 页 · 汇编：政策汇编（2024年12月）" in section


def test_group_by_document_lists_each_entry_once_in_reading_order():
    text = render_markdown(report([
        entry("late", 60, ["氢能"], "后面的话"),
        entry("early", 50, ["氢能", "中小企业"], "前面的话"),
    ], group="document"))
    assert text.count("> 前面的话") == 1
    assert text.index("前面的话") < text.index("后面的话")
    assert "## 政策汇编（2024年12月）" in text


def test_user_text_cannot_turn_into_markup():
    assert escape("# 不是标题") == "\\# 不是标题"
    assert escape("1. 不是列表") == "1\\. 不是列表"
    assert escape("a*b*_c_ [x](y) <b>") == "a\\*b\\*\\_c\\_ \\[x\\](y) \\<b\\>"
    text = render_markdown(report([entry("a", 3, ["氢能"], "- 不是列表项\n> 也不是引用", note="**重点**")]))
    assert "> \\- 不是列表项" in text and "> \\> 也不是引用" in text
    assert "批注：\\*\\*重点\\*\\*" in text


def test_slugs_follow_github_rules_with_numbered_repeats():
    slugger = Slugger()
    assert slugger.slug("第十条 · 第 5 页") == "第十条--第-5-页"
    assert slugger.slug("第十条 · 第 5 页") == "第十条--第-5-页-1"
    assert slugger.slug("Hydrogen (H2)") == "hydrogen-h2"


def test_orphaned_entry_says_it_could_not_be_located():
    from dataclasses import replace

    lost = replace(entry("a", 3, ["氢能"], "旧版里的一句话"), orphaned=True)
    text = render_markdown(report([lost]))
    assert "#### （三） · 第 2 页 · 原文已变动，未能重新定位" in text
