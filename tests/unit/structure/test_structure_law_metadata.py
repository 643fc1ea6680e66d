"""What laws and titled rules say about themselves, read by the drafting conventions of Chinese laws
and 公文: the body that passed a law (题注 or promulgation sentence), the order that promulgated it,
articles an amendment inserted (第N条之一), an appendix after the last article (附：…), and the
issuing body a title starts with."""

from __future__ import annotations

from pathlib import Path

from reader.document import Document
from reader.structure import analyze
from tests.builders.official_pdfs import BODY, SENTENCE, official_pdf


def _documents(tmp_path: Path, pages):
    with Document.open(official_pdf(tmp_path / "doc.pdf", pages)) as doc:
        return analyze(doc).documents


def _squash(text: str | None) -> str:
    return "".join((text or "").split())


def _walk(clauses):
    for clause in clauses:
        yield clause
        yield from _walk(clause.children)


def _law(head: list[tuple[str, float, str]], articles: list[str], tail: list[tuple[str, float, str]] = ()):
    return [[("中华人民共和国某某法", 22, "centre"), *head,
             *[(f"{label} {SENTENCE}", BODY, "indent") for label in articles], *tail]]


def test_articles_inserted_by_an_amendment_are_articles_in_their_place(tmp_path: Path) -> None:
    pages = _law([("（2000年1月1日第九届全国人民代表大会第三次会议通过）", BODY, "indent")],
                 ["第一条", "第二条", "第二条之一", "第二条之二", "第三条"])
    (law,) = _documents(tmp_path, pages)
    assert [c.label for c in _walk(law.clauses) if c.kind == "article"] == [
        "第一条", "第二条", "第二条之一", "第二条之二", "第三条"]


def test_an_appendix_after_the_last_article_belongs_to_the_law(tmp_path: Path) -> None:
    pages = _law([("（1990年6月28日第七届全国人民代表大会常务委员会第十四次会议通过）", BODY, "indent")],
                 ["第一条", "第二条", "第三条"],
                 [("附：某某图案说明", 18, "left"), ("（1949年9月28日某某会议主席团公布）", BODY, "indent"),
                  (SENTENCE, BODY, "indent"), (SENTENCE, BODY, "indent")])
    documents = _documents(tmp_path, pages)
    assert [_squash(d.title) for d in documents] == ["中华人民共和国某某法"]
    assert [(a.label, _squash(a.title)) for a in documents[0].attachments] == [("附", "某某图案说明")]
    assert sum(1 for c in _walk(documents[0].clauses) if c.kind == "article") == 3


def test_a_promulgation_sentence_gives_the_date_and_the_body_that_passed_the_law(tmp_path: Path) -> None:
    sentence = ("《中华人民共和国某某法》已由中华人民共和国第八届全国人民代表大会常务委员会第八次会议于"
                "1994年7月5日通过，现予公布，自1995年1月1日起施行。")
    (law,) = _documents(tmp_path, _law([(sentence, BODY, "indent")], ["第一条", "第二条"]))
    assert law.date == "1994-07-05"
    assert law.issuers == ["全国人民代表大会常务委员会"]


def test_the_promulgating_order_printed_under_the_title_is_the_doc_number(tmp_path: Path) -> None:
    head = [("（中华人民共和国主席令第 31 号）", BODY, "centre"),
            ("（1994年8月31日第八届全国人民代表大会常务委员会第九次会议通过）", BODY, "indent")]
    (law,) = _documents(tmp_path, _law(head, ["第一条", "第二条"]))
    assert _squash(law.doc_number) == "中华人民共和国主席令第31号"
    assert law.date == "1994-08-31"


def test_a_local_congress_and_an_illegible_date_still_name_the_body(tmp_path: Path) -> None:
    local = _law([("（2019年3月28日某某省第十三届人民代表大会常务委员会第十一次会议通过）", BODY, "indent")],
                 ["第一条", "第二条"])
    (law,) = _documents(tmp_path, local)
    assert law.issuers == ["某某省人民代表大会常务委员会"] and law.date == "2019-03-28"
    blank = _law([("（××××年×月×日第九届全国人民代表大会第二次会议通过）", BODY, "indent")], ["第一条", "第二条"])
    (law,) = _documents(tmp_path, blank)
    assert law.issuers == ["全国人民代表大会"] and law.date is None


def test_a_title_that_starts_with_the_issuing_body_names_it(tmp_path: Path) -> None:
    def rule(title: str):
        (doc,) = _documents(tmp_path, [[(title, 22, "centre"), *[(f"第{n}条 {SENTENCE}", BODY, "indent")
                                                                for n in "一二三"]]])
        return doc.issuers

    assert rule("某某大学本科生学籍管理条例") == ["某某大学"]
    assert rule("某某大学信息学院本科教学工作委员会工作职责") == ["某某大学信息学院"]
    assert rule("某某市人民政府2024年政府信息公开工作年度报告") == ["某某市人民政府"]
    assert rule("证券公司监督管理条例") == []  # the subject of a rule is not its issuer


def test_a_ministry_rule_names_the_ministry_whose_meeting_passed_it(tmp_path: Path) -> None:
    note = "（2023年7月10日某某信息办公室2023年第12次室务会议审议通过 2023年7月13日某某信息办公室令第15号公布）"
    pages = [[("某某服务管理暂行办法", 22, "centre"), (note, BODY, "indent"),
              *[(f"第{n}条 {SENTENCE}", BODY, "indent") for n in "一二三"]]]
    (rule,) = _documents(tmp_path, pages)
    assert rule.issuers == ["某某信息办公室"] and rule.date == "2023-07-10"


def test_a_standard_is_one_document_from_its_cover_with_its_release_date_and_bodies(tmp_path: Path) -> None:
    cover = [("中华人民共和国国家标准", 22, "centre"), ("GB/T 1234—2020", BODY, "right"),
             ("某某文件格式", 26, "centre"), ("Layout key for some documents", 18, "centre"),
             ("2020-06-29 发布          2020-07-01 实施", BODY, "centre"),
             ("某某监督检验总局", 18, "centre"), ("某某标准化管理委员会", 18, "centre"), ("发 布", 18, "centre")]
    contents = [("目次", 22, "centre"), ("前言", BODY, "left"), ("1 范围", BODY, "left"), ("2 术语", BODY, "left")]
    foreword = [("前言", 22, "centre"), (SENTENCE, BODY, "indent"), (SENTENCE, BODY, "indent")]
    body = [("某某文件格式", 22, "centre"), ("1 范围", BODY, "left"), (SENTENCE, BODY, "indent"),
            ("2 术语", BODY, "left"), (SENTENCE, BODY, "indent")]
    documents = _documents(tmp_path, [cover, contents, foreword, body])
    assert [(_squash(d.title), d.start_page) for d in documents] == [("某某文件格式", 0)]
    assert documents[0].date == "2020-06-29"
    assert documents[0].issuers == ["某某监督检验总局", "某某标准化管理委员会"]


def test_titles_naming_the_party_centre_or_a_university_before_guanyu_give_the_issuers() -> None:
    from reader.structure.metadata import _issuers_from_title

    assert _issuers_from_title("中共中央 国务院关于全面推进美丽中国建设的意见") == ["中共中央", "国务院"]
    assert _issuers_from_title("某某大学关于印发《某某办法》的通知") == ["某某大学"]
