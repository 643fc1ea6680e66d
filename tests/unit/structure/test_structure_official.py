"""Documents read by the layout of official documents: 版头, 题注, promulgation orders, 附件."""

from __future__ import annotations

from pathlib import Path

from reader.document import Document
from reader.structure import analyze
from tests.builders.official_pdfs import COVER, LAW_PAGES, NOTICE_PAGES, ORDER_PAGES, OTHER_NOTICE, official_pdf


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


def test_a_law_reads_the_same_bound_among_documents_set_in_smaller_type(tmp_path: Path) -> None:
    """A compilation whose other documents are set in a smaller body size: the law keeps its own
    body size and line spacing, so its lines join into articles and none of them becomes a title."""
    small = [[("关于做好年度统计工作的通知", 18, "centre")] +
             [("为进一步规范管理工作，提高工作质量和效率，结合实际情况，经研究决定有关事项如下，请遵照执行。" * 2, 10.5, "indent")] * 12
             for _ in range(3)]
    small[1][0] = small[2][0] = ("为进一步规范管理工作，提高工作质量和效率。", 10.5, "indent")
    (law,) = _documents(tmp_path, LAW_PAGES, "law.pdf")
    bound = _documents(tmp_path, [*small, *LAW_PAGES], "bound.pdf")
    assert [(_squash(d.title), d.start_page) for d in bound] == [("关于做好年度统计工作的通知", 0), ("中华人民共和国某某法", 3)]
    facts = [(_squash(d.title), d.date, d.issuers, [c.label for c in _walk(d.clauses) if c.kind == "article"])
             for d in (law, bound[1])]
    assert facts[0] == facts[1]
