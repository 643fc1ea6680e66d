"""Documents read by the layout of official documents: 版头, 题注, promulgation orders, 附件."""

from __future__ import annotations

from pathlib import Path

from reader.document import Document
from reader.structure import analyze
from tests.unit.official_pdfs import COVER, LAW_PAGES, NOTICE_PAGES, ORDER_PAGES, OTHER_NOTICE, official_pdf


def _documents(tmp_path: Path, pages, name: str = "doc.pdf"):
    with Document.open(official_pdf(tmp_path / name, pages)) as doc:
        return analyze(doc).documents


def _squash(text: str) -> str:
    return "".join(text.split())


def test_red_header_heads_its_notice_and_gives_issuer_and_doc_number(tmp_path: Path) -> None:
    (notice,) = _documents(tmp_path, NOTICE_PAGES)
    assert _squash(notice.title) == "某某大学关于印发《某某管理办法》的通知"
    assert notice.start_page == 0
    assert _squash(notice.doc_number) == "某大发〔2024〕5号"
    assert notice.issuers == ["某某大学"]
    assert notice.date == "2024-03-05"


def test_attachments_are_children_of_the_notice_with_their_own_title_and_clauses(tmp_path: Path) -> None:
    (notice,) = _documents(tmp_path, NOTICE_PAGES)
    assert [(a.label, _squash(a.title), a.start_page) for a in notice.attachments] == [
        ("附件", "某某管理办法", 1), ("附件2", "某某申请表", 2)]
    assert [c.label for c in notice.attachments[0].clauses] == ["第一条", "第二条", "第三条"]
    assert notice.end_page == 2 and notice.attachments[0].end_page == 1
    assert not any(c.start_page > 0 for c in notice.clauses)  # the notice's own clauses stop at 附件


def test_law_title_and_date_come_from_its_first_page_and_note(tmp_path: Path) -> None:
    (law,) = _documents(tmp_path, LAW_PAGES)
    assert (_squash(law.title), law.start_page) == ("中华人民共和国某某法", 0)
    assert law.date == "2020-01-01"
    assert law.issuers == ["全国人民代表大会常务委员会"]
    assert sum(1 for c in _walk(law.clauses) if c.kind == "article") == 4


def test_a_promulgation_order_is_the_head_of_the_regulation(tmp_path: Path) -> None:
    (regulation,) = _documents(tmp_path, ORDER_PAGES)
    assert _squash(regulation.title) == "某某条例"
    assert _squash(regulation.doc_number) == "国务院令第100号"
    assert regulation.issuers == ["国务院"] and regulation.date == "2020-01-08"


def test_a_notice_reads_the_same_alone_and_inside_a_compilation(tmp_path: Path) -> None:
    alone = _documents(tmp_path, NOTICE_PAGES, "alone.pdf")
    bound = _documents(tmp_path, [COVER, OTHER_NOTICE, *NOTICE_PAGES], "bound.pdf")

    def facts(doc):
        return (_squash(doc.title), _squash(doc.doc_number or ""), doc.issuers, doc.date,
                [(a.label, _squash(a.title)) for a in doc.attachments])

    assert [_squash(d.title) for d in bound] == ["关于做好年度统计工作的通知", "某某大学关于印发《某某管理办法》的通知"]
    assert facts(bound[1]) == facts(alone[0])
    assert bound[1].start_page == 2 and bound[0].attachments == []


def _walk(clauses):
    for clause in clauses:
        yield clause
        yield from _walk(clause.children)
