"""Titles set as a trapezoid, reports that open with their own cover and 目录, and the 版记's 印发 date."""

from __future__ import annotations

from pathlib import Path

from reader.document import Document
from reader.structure import analyze
from tests.builders.official_pdfs import BODY, NOTICE_PAGES, SENTENCE, official_pdf


def _documents(tmp_path: Path, name: str, pages: list) -> list:
    with Document.open(official_pdf(tmp_path / name, pages)) as doc:
        return analyze(doc).documents


def test_a_title_whose_second_line_is_wider_is_one_title(tmp_path: Path) -> None:
    # GB/T 9704 lets a title wrap as a trapezoid: the unit on the first line, the 事由 and 文种 below.
    # Set with wide leading (an empty row between), so its lines are paragraphs of their own.
    pages = [[("某某学院", 20, "centre"), ("", 8, "centre"), ("课程目标达成度评价实施办法", 20, "centre"),
              ("1. 总则", BODY, "left"), (SENTENCE, BODY, "indent"),
              ("2. 评价方法", BODY, "left"), (SENTENCE, BODY, "indent")]]
    documents = _documents(tmp_path, "trapezoid.pdf", pages)
    assert [(d.start_page, d.title) for d in documents] == [(0, "某某学院课程目标达成度评价实施办法")]


REPORT_PAGES = [
    [("某某大学某某工程专业", 22, "centre"), ("新增列学士学位授权", 22, "centre"), ("自评报告", 30, "centre"),
     ("某某大学", 22, "centre"), ("2022年11月", BODY, "centre")],
    [("目录", 20, "centre"), ("一、学院总体建设情况........................1", BODY, "left"),
     ("1. 坚持以本为本全面提升专业建设水平..............1", BODY, "left"),
     ("二、专业建设情况..............................2", BODY, "left")],
    [("一、学院总体建设情况", BODY, "left"), ("1. 坚持以本为本全面提升专业建设水平", BODY, "centre"),
     (SENTENCE, BODY, "indent"), (SENTENCE, BODY, "indent")],
    [("二、专业建设情况", BODY, "left"), (SENTENCE, BODY, "indent"), (SENTENCE, BODY, "indent")],
]


def test_a_report_starts_at_its_cover_and_is_titled_there_not_by_its_contents_lines(tmp_path: Path) -> None:
    documents = _documents(tmp_path, "report.pdf", REPORT_PAGES)
    assert [(d.start_page, d.title) for d in documents] == [(0, "某某大学某某工程专业新增列学士学位授权自评报告")]
    headings = [c.label + c.heading for c in documents[0].clauses]
    assert headings[:2] == ["一、学院总体建设情况", "二、专业建设情况"]


def test_a_cover_and_contents_before_the_one_titled_document_belong_to_it(tmp_path: Path) -> None:
    pages = [[("2023年度本科教学质量报告", 22, "centre"), ("某某大学", 22, "centre"), ("2024年11月", BODY, "centre")],
             [("目录", 20, "centre"), ("一、基本情况..............................1", BODY, "left"),
              ("二、需要解决的问题........................2", BODY, "left")],
             [("某某大学2023年度本科教学质量报告", 22, "centre"), ("一、基本情况", BODY, "left"),
              (SENTENCE, BODY, "indent"), ("二、需要解决的问题", BODY, "left"), (SENTENCE, BODY, "indent")]]
    documents = _documents(tmp_path, "quality.pdf", pages)
    assert [(d.start_page, d.title) for d in documents] == [(0, "某某大学2023年度本科教学质量报告")]


def test_a_notice_without_a_legible_date_is_dated_by_its_printing_line(tmp_path: Path) -> None:
    first = [row for row in NOTICE_PAGES[0] if row[0] != "2024年3月5日"]
    first = [("某某大学办公室 2024年3月6日印发", 14, "left") if "印发" in row[0] and row[2] == "left" else row
             for row in first]
    documents = _documents(tmp_path, "undated.pdf", [first, *NOTICE_PAGES[1:]])
    assert documents[0].doc_number == "某大发〔2024〕5号"
    assert documents[0].date == "2024-03-06"
    # and a notice that signs with its date keeps that date, not the 印发 one
    signed = [("某某大学办公室 2024年3月9日印发", 14, "left") if "印发" in row[0] and row[2] == "left" else row
              for row in NOTICE_PAGES[0]]
    assert _documents(tmp_path, "signed.pdf", [signed, *NOTICE_PAGES[1:]])[0].date == "2024-03-05"


def test_a_reprint_headline_yields_to_the_documents_own_title_and_signature_line(tmp_path: Path) -> None:
    # A web reprint: a headline naming the document in 《》, then the bodies and date on one line, then the
    # document's own title in body type and its text.
    pages = [[("两部门《关于做好某某工作的意见》的通知（全文）", 20, "left"),
              ("教育部   财政部    2024年1月5日", BODY, "left"),
              ("关于做好某某工作的意见", BODY, "left"), (SENTENCE, BODY, "indent"),
              ("一、总体要求", BODY, "left"), (SENTENCE, BODY, "indent")]]
    documents = _documents(tmp_path, "reprint.pdf", pages)
    assert [(d.start_page, d.title) for d in documents] == [(0, "关于做好某某工作的意见")]
    assert (documents[0].date, documents[0].issuers) == ("2024-01-05", ["教育部", "财政部"])
    # a notice whose title quotes another document keeps its own title: its 主送机关 comes first
    notice = [("某某大学关于印发《某某管理办法》的通知", 20, "centre"), ("各学院、各部门：", BODY, "left"),
              ("某某管理办法", BODY, "left"), (SENTENCE, BODY, "indent")]
    assert _documents(tmp_path, "notice.pdf", [notice])[0].title == "某某大学关于印发《某某管理办法》的通知"
