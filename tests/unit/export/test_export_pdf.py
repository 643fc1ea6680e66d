"""Annotated PDF: standard highlight annotations with theme colours and notes; original untouched."""

from __future__ import annotations

import hashlib

import pymupdf
import pytest

from reader.errors import UsageError
from reader.export.annotated_pdf import hex_to_rgb, write_annotated_pdf
from reader.export.model import ExportEntry


@pytest.fixture
def source(tmp_path):
    path = tmp_path / "汇编.pdf"
    pdf = pymupdf.open()
    for text in ("第一条 推动氢能在工业领域的应用。", "第二条 支持中小企业数字化转型。"):
        page = pdf.new_page(width=420, height=300)
        page.insert_text((40, 80), text, fontname="china-s", fontsize=14)
    pdf.save(path)
    pdf.close()
    return path


def rects_of(path, page, text):
    with pymupdf.open(path) as pdf:
        return [tuple(r) for r in pdf[page].search_for(text)]


def entry(ident, rects, themes, note, color="#ffd54f") -> ExportEntry:
    first = min(rects)
    return ExportEntry(
        annotation_id=ident, quote="q", note=note, themes=tuple(themes), color=color, page_index=first,
        page_label=str(first + 1), clause_label="第一条", clause_path=("第一条",), document_title="某办法",
        doc_number="某〔2024〕1 号", compilation="汇编", content_hash="h", reading_key=(first, 0, 0), rects=rects,
    )


def sha(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_highlights_carry_theme_colour_note_and_themes(source, tmp_path):
    before = sha(source)
    entries = [
        entry("a", {0: rects_of(source, 0, "推动氢能")}, ["氢能", "绿色低碳"], "重点：氢能"),
        entry("b", {0: rects_of(source, 0, "工业领域"), 1: rects_of(source, 1, "中小企业")}, [], "", color="#ff0000"),
    ]
    out = tmp_path / "out.pdf"
    added = write_annotated_pdf(source, entries, out, theme_colors={"氢能": "#26c6da", "绿色低碳": "#66bb6a"})
    assert added == 3  # one per page covered
    assert sha(source) == before
    with pymupdf.open(source) as original:
        assert all(not list(p.annots()) for p in original)
    with pymupdf.open(out) as pdf:
        found = [(p.number, a.type[1], dict(a.info), a.colors["stroke"], pymupdf.Rect(a.rect))
                 for p in pdf for a in p.annots()]
    assert [(page, kind) for page, kind, *_ in found] == [(0, "Highlight"), (0, "Highlight"), (1, "Highlight")]
    _, _, info, stroke, rect = found[0]
    assert info["content"] == "重点：氢能" and info["title"] == "氢能、绿色低碳"
    assert stroke == pytest.approx(hex_to_rgb("#26c6da"), abs=0.01)
    assert "某〔2024〕1 号" in info["subject"] and "第一条" in info["subject"]
    assert rect.intersects(pymupdf.Rect(rects_of(source, 0, "推动氢能")[0]))
    _, _, info, stroke, _ = found[2]
    assert stroke == pytest.approx((1.0, 0.0, 0.0), abs=0.01)
    assert info["title"] == "未分类" and info["content"] == ""


def test_rects_outside_the_page_or_document_are_skipped(source, tmp_path):
    entries = [entry("x", {5: [(10, 10, 50, 30)], 0: [(-50, -50, -10, -10)]}, ["氢能"], "")]
    out = tmp_path / "out.pdf"
    assert write_annotated_pdf(source, entries, out) == 0
    with pymupdf.open(out) as pdf:
        assert pdf.page_count == 2


def test_output_may_not_be_the_original(source):
    entries = [entry("a", {0: rects_of(source, 0, "推动氢能")}, ["氢能"], "")]
    before = sha(source)
    with pytest.raises(UsageError):
        write_annotated_pdf(source, entries, source)
    assert sha(source) == before


def test_copy_carries_no_active_content(tmp_path):
    """JavaScript open action, a Launch link and an embedded file of the source never reach the copy."""
    path = tmp_path / "active.pdf"
    pdf = pymupdf.open()
    page = pdf.new_page(width=420, height=300)
    page.insert_text((40, 80), "第一条 推动氢能在工业领域的应用。", fontname="china-s", fontsize=14)
    page.insert_link({"kind": pymupdf.LINK_LAUNCH, "from": pymupdf.Rect(40, 100, 200, 120), "file": "calc.exe"})
    page.insert_link({"kind": pymupdf.LINK_URI, "from": pymupdf.Rect(40, 130, 200, 150), "uri": "https://www.gov.cn/"})
    pdf.embfile_add("payload.exe", b"MZ" + b"\0" * 64)
    pdf.xref_set_key(pdf.pdf_catalog(), "OpenAction", "<< /S /JavaScript /JS (app.alert(1)) >>")
    pdf.save(path)
    pdf.close()
    out = tmp_path / "out.pdf"
    write_annotated_pdf(path, [entry("a", {0: rects_of(path, 0, "推动氢能")}, ["氢能"], "")], out)
    with pymupdf.open(path) as original:  # the source keeps everything
        assert original.embfile_count() == 1 and original.xref_get_key(original.pdf_catalog(), "OpenAction")[0] != "null"
    with pymupdf.open(out) as copy:
        assert copy.embfile_count() == 0
        assert copy.xref_get_key(copy.pdf_catalog(), "OpenAction")[0] == "null"
        kinds = [link["kind"] for link in copy[0].get_links()]
        assert pymupdf.LINK_LAUNCH not in kinds and pymupdf.LINK_URI in kinds
        assert b"app.alert" not in out.read_bytes() and b"calc.exe" not in out.read_bytes()
        assert [a.type[1] for a in copy[0].annots()] == ["Highlight"]
