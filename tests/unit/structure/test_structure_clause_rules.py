"""Clause-tree rules of Chinese official documents, each on a small PDF typeset for it.

Laws number 条 with Chinese numerals up to 千 through the whole text and may list their chapters
in a 目录 first; 公文 numbering may carry on across parents or start anywhere; statistics tables
label their rows like headings; some documents number sections without a dot; the signature, date
and 版记 close a document outside its last clause.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pymupdf

from reader.document import Document
from reader.structure import analyze
from reader.structure.numerals import to_chinese
from tests.builders.typesetter import B5, Typesetter

FILL = "有关部门应当按照职责分工做好相关工作，加强协调配合，确保各项措施落到实处。"


def _squash(text: str) -> str:
    return "".join(text.split())


def _tree(clauses) -> list:
    return [(c.label, _tree(c.children)) for c in clauses]


def _labels(comp, kind: str) -> list[str]:
    return [c.label for _, c in comp.iter_clauses() if c.kind == kind]


def _read(kit: Typesetter, path) -> object:
    kit.save(path)
    with Document.open(path) as doc:
        return analyze(doc)


def _one_document(comp):
    assert len(comp.documents) == 1, [d.title for d in comp.documents]
    return comp.documents[0]


def test_law_articles_past_a_thousand_and_a_contents_list(tmp_path):
    """A part of a long code: 目录 listing 编/章 without page numbers, then the real chapters,
    articles 第九百九十七条 … 第一千零三条 (the numbering of the whole code, starting mid-way)."""
    kit = Typesetter()
    kit.title("中华人民共和国某某法典（节选）")
    kit.centred("目  录")
    contents = ["第四编  人格权", "第一章  一般规定", "第二章  生命权、身体权和健康权"]
    for entry in contents:
        kit.line(entry, indent=2)
    kit.centred("第四编  人格权")
    kit.centred("第一章  一般规定")
    numbers = list(range(997, 1004))
    for number in numbers[:4]:
        kit.paragraph(f"第{to_chinese(number)}条  {FILL}")
    kit.centred("第二章  生命权、身体权和健康权")
    for number in numbers[4:]:
        kit.paragraph(f"第{to_chinese(number)}条  {FILL}")
    comp = _read(kit, tmp_path / "code.pdf")
    doc = _one_document(comp)
    assert _labels(comp, "article") == [f"第{to_chinese(n)}条" for n in numbers]
    assert _tree(doc.clauses) == [("第四编", [
        ("第一章", [(f"第{to_chinese(n)}条", []) for n in numbers[:4]]),
        ("第二章", [(f"第{to_chinese(n)}条", []) for n in numbers[4:]])])]
    # The chapter after 第九百九十九条 does not end inside it: each article holds its own text only.
    thousandth = next(c for _, c in comp.iter_clauses() if c.label == "第一千条")
    assert _squash(thousandth.text) == _squash(f"第一千条  {FILL}")


def test_contents_list_with_page_numbers_is_not_the_tree(tmp_path):
    kit = Typesetter()
    kit.title("某某市物业管理条例")
    kit.centred("目  录")
    for entry, page in (("第一章  总则", "1"), ("第二章  业主和业主大会", "2"), ("第三章  附则", "3")):
        dots = "·" * 20
        kit.line(f"{entry}{dots}{page}", indent=2)
    for chapter, articles in (("第一章  总则", (1, 2)), ("第二章  业主和业主大会", (3, 4)), ("第三章  附则", (5,))):
        kit.centred(chapter)
        for number in articles:
            kit.paragraph(f"第{to_chinese(number)}条  {FILL}")
    comp = _read(kit, tmp_path / "contents.pdf")
    doc = _one_document(comp)
    assert [c.label for c in doc.clauses] == ["第一章", "第二章", "第三章"]
    assert _labels(comp, "article") == ["第一条", "第二条", "第三条", "第四条", "第五条"]


def test_numbering_carries_on_across_parents(tmp_path):
    """（三） under 二、 after （一）（二） under 一、, and 3. under （二） after 1. 2. under （一）."""
    kit = Typesetter(size=B5)
    kit.title("某某省关于加快数字化转型的实施方案")
    kit.paragraph("为加快推进数字化转型，制定本方案。")
    kit.line("一、总体要求")
    kit.paragraph(f"（一）指导思想。{FILL}")
    kit.paragraph(f"1.坚持系统推进。{FILL}")
    kit.paragraph(f"2.坚持分类施策。{FILL}")
    kit.paragraph(f"（二）主要目标。{FILL}")
    kit.paragraph(f"3.到2027年基本完成。{FILL}")
    kit.line("二、重点任务")
    kit.paragraph(f"（三）推进设备更新。{FILL}")
    kit.paragraph(f"（四）培育服务商。{FILL}")
    comp = _read(kit, tmp_path / "carry.pdf")
    doc = _one_document(comp)
    assert _tree(doc.clauses) == [
        ("一、", [("（一）", [("1.", []), ("2.", [])]), ("（二）", [("3.", [])])]),
        ("二、", [("（三）", []), ("（四）", [])])]


def test_numbering_may_start_anywhere_when_the_next_number_follows(tmp_path):
    kit = Typesetter()
    kit.title("某某市关于做好安全生产工作的通知（摘录）")
    kit.paragraph(f"（三）强化隐患排查。{FILL}")
    kit.paragraph(f"（四）加强应急值守。{FILL}")
    kit.paragraph(f"（五）严格责任落实。{FILL}")
    kit.paragraph(f"第五条  {FILL}")
    kit.paragraph(f"7.这一段只是以数字开头的普通文字。{FILL}")
    comp = _read(kit, tmp_path / "excerpt.pdf")
    doc = _one_document(comp)
    # （三）（四）（五） confirm each other; 第五条 and 7. have no successor: not headings.
    assert _tree(doc.clauses) == [("（三）", []), ("（四）", []), ("（五）", [])]


def _table(kit: Typesetter, rows: list[tuple[str, str, str]]) -> None:
    """A ruled statistics table: a label column and two number columns, every cell framed."""
    left = kit.margin[0]
    widths = (240.0, 110.0, 110.0)
    height = kit.body * 2
    kit._room(height * len(rows))
    for row in rows:
        x = left
        for text, width in zip(row, widths):
            kit.page.draw_rect(pymupdf.Rect(x, kit.y, x + width, kit.y + height), color=(0, 0, 0), width=0.6)
            kit.page.insert_text((x + 4, kit.y + height * 0.7), text, fontname="china-s", fontsize=kit.body * 0.8)
            x += width
        kit.y += height
    kit.y += kit.body


def test_rows_of_a_ruled_table_are_not_headings(tmp_path):
    kit = Typesetter()
    kit.title("某某区人民政府2023年政府信息公开工作年度报告")
    kit.line("一、总体情况")
    kit.paragraph(f"（一）主动公开情况。{FILL}")
    kit.line("二、收到和处理政府信息公开申请情况")
    _table(kit, [("申请情况", "自然人", "总计"), ("一、本年新收申请数量", "21", "21"),
                 ("二、上年结转申请数量", "0", "0"), ("三、本年度办理结果", "", ""),
                 ("（一）予以公开", "10", "10"), ("（二）部分公开", "4", "4"), ("1.属于国家秘密", "1", "1"),
                 ("2.其他法律行政法规禁止公开", "0", "0")])
    kit.line("三、存在的主要问题及改进情况")
    kit.paragraph(FILL)
    comp = _read(kit, tmp_path / "report.pdf")
    doc = _one_document(comp)
    assert _tree(doc.clauses) == [("一、", [("（一）", [])]), ("二、", []), ("三、", [])]
    assert "本年新收申请数量" in _squash(doc.clauses[1].text)
    # Looking for tables must not print anything of its own into the CLI's JSON (a fresh process:
    # PyMuPDF's table finder advertises an optional package on stdout once per process).
    run = subprocess.run([sys.executable, "-m", "reader", "outline", str(tmp_path / "report.pdf"), "--json",
                          "--library", str(tmp_path / "lib")], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert [c["label"] for c in json.loads(run.stdout)["documents"][0]["clauses"]] == ["一、", "二、", "三、"]


def test_rows_of_an_unruled_statistics_table_are_not_headings(tmp_path):
    kit = Typesetter()
    kit.title("某某县人民政府2023年政府信息公开工作年度报告")
    kit.line("一、总体情况")
    for _ in range(4):
        kit.paragraph(FILL * 3)  # enough full lines for the page's text block to be measured
    kit.line("二、收到和处理政府信息公开申请情况")
    for row in ("三、本年度办理结果 10 0 0 10", "（一）予以公开 6 0 0 6", "（二）部分公开 4 0 0 4",
                "1.属于国家秘密 1 0 0 1"):
        kit.line(row)
    kit.line("三、存在的主要问题及改进情况")
    kit.paragraph(FILL)
    comp = _read(kit, tmp_path / "unruled.pdf")
    assert _tree(_one_document(comp).clauses) == [("一、", []), ("二、", []), ("三、", [])]


def test_section_numbers_without_a_dot(tmp_path):
    kit = Typesetter()
    kit.title("关于成立学院教学督导组的通知")
    kit.paragraph("为加强教学质量监控，学院决定成立教学督导组，现将有关事项通知如下。")
    kit.line("1 督导组成员")
    kit.paragraph("组长由学院院长担任，成员由各系推荐。")
    kit.line("2 工作职责")
    kit.paragraph("3 个工作日内完成听课记录的整理，" + FILL)
    kit.paragraph("（1）检查教师的教学文件。")
    kit.paragraph("（2）评价课堂教学质量。")
    kit.line("3 经费支持")
    kit.paragraph("督导工作经费由学院统筹安排。")
    comp = _read(kit, tmp_path / "dotless.pdf")
    doc = _one_document(comp)
    assert _tree(doc.clauses) == [("1", []), ("2", [("（1）", []), ("（2）", [])]), ("3", [])]
    assert [c.heading for c in doc.clauses] == ["督导组成员", "工作职责", "经费支持"]


def test_a_lone_dotless_number_is_no_heading(tmp_path):
    kit = Typesetter()
    kit.title("关于做好假期安全工作的通知")
    kit.paragraph("各单位：")
    kit.line("12 名学生留校，由学工部统一安排住宿。")
    kit.paragraph(FILL)
    comp = _read(kit, tmp_path / "lone.pdf")
    assert _one_document(comp).clauses == []


def test_attachment_note_signature_date_and_record_block_are_outside_the_last_clause(tmp_path):
    kit = Typesetter()
    kit.title("某某市人民政府办公室关于做好防汛工作的通知")
    kit.line("各区人民政府，市政府各部门：")
    kit.line("一、提高思想认识")
    kit.paragraph(FILL)
    kit.line("二、落实防汛责任")
    last = "各区要压实防汛责任，细化应急预案，确保安全度汛。"
    kit.paragraph(last)
    kit.line("附件：防汛值班安排表", indent=2)
    kit.right("某某市人民政府办公室")
    kit.right("2024年6月3日")
    kit.centred("（此件公开发布）")
    kit.line("抄送：市委各部门，市人大常委会办公厅。")
    kit.line("某某市人民政府办公室                    2024年6月4日印发")
    comp = _read(kit, tmp_path / "closing.pdf")
    doc = _one_document(comp)
    assert [c.label for c in doc.clauses] == ["一、", "二、"]
    assert _squash(doc.clauses[1].text) == _squash("二、落实防汛责任" + last)


def test_contents_entries_with_bare_page_numbers_and_no_repeat_of_the_first(tmp_path):
    """Entries "第一章 总则 1" (one space before the page number) and real headings that name the
    chapters differently: the chapter right above the first article is still the real one."""
    kit = Typesetter()
    kit.title("某某省安全生产条例")
    kit.centred("目  录")
    for entry in ("第一编 总 则 1", "第一章 一般规定 1", "第二章 生产经营单位 3"):
        kit.line(entry, indent=2)
    kit.centred("第一编  总则部分")
    kit.centred("第一章  一般规定事项")
    kit.paragraph(f"第一条  {FILL}")
    kit.centred("第二章  生产经营单位的安全保障")
    kit.paragraph(f"第二条  {FILL}")
    comp = _read(kit, tmp_path / "bare.pdf")
    doc = _one_document(comp)
    assert _tree(doc.clauses) == [("第一编", [("第一章", [("第一条", [])]), ("第二章", [("第二条", [])])])]
