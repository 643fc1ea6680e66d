"""Which pages default search leaves out: only covers and contents lists, judged by their content."""

from __future__ import annotations

from pathlib import Path

from reader.document import Document
from reader.index.indexing import front_matter_pages
from reader.structure import analyze
from tests.builders.index_pdfs import make_pdf

COVER = ["政策文件汇编", "第十二期", "某某行业协会编", "二〇二五年一月"]
CONTENTS = ["目录", "关于推进数据产业发展的通知………………………1",
            "关于加强标准化工作的意见………………………………5", "某某条例实施细则………………………………9"]
LAW_FIRST_PAGE = ["中华人民共和国某某法", "目录", "第一章 总则", "第二章 监督管理", "第一章 总则",
                  "第一条 为了规范某某活动，保护当事人合法权益，制定本法。",
                  "第二条 在中华人民共和国境内开展某某活动，适用本法。"]
NOTICE = ["关于推进数据产业发展的通知", "各有关单位：现将有关事项通知如下，请认真贯彻落实。",
          "一、加强数据要素市场建设，培育数据产业。"]
OPINION = ["关于加强标准化工作的意见", "各有关单位：为加强标准化工作，提出如下意见。",
           "一、完善标准体系，提升标准质量。"]


def _front(tmp_path: Path, pages: list[list[str]]) -> set[int]:
    with Document.open(make_pdf(tmp_path / "c.pdf", pages)) as doc:
        return front_matter_pages(analyze(doc))


def test_cover_and_contents_pages_are_front_matter(tmp_path: Path) -> None:
    assert _front(tmp_path, [COVER, CONTENTS, NOTICE, OPINION]) == {0, 1}


def test_a_law_whose_first_page_holds_title_contents_and_articles_stays_searchable(tmp_path: Path) -> None:
    assert _front(tmp_path, [LAW_FIRST_PAGE, NOTICE]) == set()


def test_text_before_the_first_detected_document_stays_searchable(tmp_path: Path) -> None:
    """A page of plain sentences ahead of every title is body text, not a cover."""
    preface = ["本汇编收录二〇二四年发布的政策文件，供会员单位学习参考。", "如有疏漏，敬请指正。"]
    assert _front(tmp_path, [COVER, preface, NOTICE]) == {0}


def test_a_short_page_inside_the_documents_is_not_a_cover(tmp_path: Path) -> None:
    """Only pages that open the file can be its cover: a short signature page later is text."""
    signature = ["某某行业协会", "二〇二五年一月十日"]
    assert _front(tmp_path, [NOTICE, signature, OPINION]) == set()
