"""Links a click can follow: the PDF's own, and the lines of a printed 目录 matched to documents."""

from __future__ import annotations

from pathlib import Path

import pymupdf

from reader.document import Document
from reader.links import contents_links, pdf_links
from reader.structure import load_structure
from tests.builders.annotations_pdfs import make_documents, typeset


def _with_contents(path: Path, titles: list[str], cut: int) -> Path:
    """The typeset compilation with a 目录 page in front: title (the ``cut``-th shortened with …), leaders, number."""
    body = path.with_name("body.pdf")
    typeset(body, [(title, paras) for title, paras in zip(titles, _PARAS)])
    pdf = pymupdf.open(body)
    page = pdf.new_page(0, width=595, height=842)
    page.insert_text((250, 90), "目  录", fontname="china-s", fontsize=18)
    for number, title in enumerate(titles):
        shown = title[:9] + "…" if number == cut else title
        line = f"{shown} {'·' * 12} {number * 2 + 1}"
        page.insert_text((60, 150 + 40 * number), line, fontname="china-s", fontsize=12)
    pdf.save(path)
    pdf.close()
    return path


_DOCS = make_documents(seed=5, documents=3, heads=2, subs=2)
_PARAS = [paras for _title, paras in _DOCS]


def test_contents_lines_lead_to_the_documents_they_name(tmp_path):
    titles = [title for title, _paras in _DOCS]
    path = _with_contents(tmp_path / "compilation.pdf", titles, cut=1)
    with Document.open(path) as doc:
        comp = load_structure(doc, tmp_path / "cache")
    found = {d.title: d for d in comp.documents}
    assert set(titles) <= set(found), "the typeset documents are detected"
    links = contents_links(comp)
    assert [link.page for link in links] == [0] * len(titles)
    assert [link.target_page for link in links] == [found[t].start_page for t in titles]  # the shortened one too
    for link in links:
        assert link.target_y is not None and link.rect[2] - link.rect[0] > 200  # the whole line is clickable
    assert not contents_links(None)


def test_pdf_links_go_to_pages_and_web_addresses(tmp_path):
    pdf = pymupdf.open()
    for _ in range(3):
        pdf.new_page()
    pdf[0].insert_link({"kind": pymupdf.LINK_GOTO, "from": pymupdf.Rect(50, 50, 200, 80), "page": 2,
                        "to": pymupdf.Point(0, 300)})
    pdf[0].insert_link({"kind": pymupdf.LINK_URI, "from": pymupdf.Rect(50, 100, 200, 130), "uri": "https://www.gov.cn/"})
    pdf.save(tmp_path / "links.pdf")
    pdf.close()
    with Document.open(tmp_path / "links.pdf") as doc:
        inner, web = pdf_links(doc, 0)
        assert inner.target_page == 2 and inner.contains(100, 60) and not inner.contains(100, 110)
        assert web.uri == "https://www.gov.cn/" and web.target_page is None
        assert pdf_links(doc, 1) == []
