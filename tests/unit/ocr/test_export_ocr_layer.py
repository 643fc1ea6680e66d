"""The annotated copy of a scanned file with ``--ocr-layer``: the OCR text is in the copy as an
invisible layer (render mode 3) where the words are printed, so other viewers find and select it;
without the option the copy has no text, and the option is refused for Word/Markdown."""

from __future__ import annotations

import json

import pymupdf
import pytest

from tests.builders import ocr_pdfs  # noqa: E402

from reader.cli import main  # noqa: E402

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def annotated_scan(tmp_path_factory):
    """A two-page scan, indexed (so OCR'd), with one highlight on page 1."""
    folder = tmp_path_factory.mktemp("export")
    pdf = ocr_pdfs.scanned_pdf(folder / "scan.pdf", pages=2)
    library = str(folder / "library")
    assert main(["index", str(pdf), "--library", library]) == 0
    assert main(["annotations", "add", str(pdf), "--page", "1", "--quote", "工业互联网平台",
                 "--theme", "数据安全", "--library", library]) == 0
    return pdf, library, folder


def _export(capsys, pdf, library, output, *extra) -> int:
    code = main(["export", "--format", "pdf", "--pdf", str(pdf), "-o", str(output), "--json",
                 "--library", library, *extra])
    capsys.readouterr()
    return code


def test_the_copy_carries_the_ocr_text_invisibly_on_the_right_pages_and_places(annotated_scan, capsys):
    pdf, library, folder = annotated_scan
    output = folder / "with-layer.pdf"
    assert _export(capsys, pdf, library, output, "--ocr-layer") == 0
    typeset = pymupdf.open(ocr_pdfs.typeset_pdf(folder / "typeset.pdf"))[0]
    copy = pymupdf.open(output)
    assert len(copy) == 2
    for page in copy:
        text = "".join(page.get_text().split())
        assert ocr_pdfs.TITLE in text and "请于2024年6月30日前报送自查报告" in text
        for phrase in ("报送自查报告", "工业互联网平台"):
            found = pymupdf.Rect()
            for rect in page.search_for(phrase):
                found |= rect
            truth = typeset.search_for(phrase)[0]
            assert max(abs(found.x0 - truth.x0), abs(found.x1 - truth.x1),
                       abs(found.y0 - truth.y0), abs(found.y1 - truth.y1)) <= 6, (phrase, found, truth)
        invisible = page.get_texttrace()
        assert invisible and all(t["type"] == 3 for t in invisible)  # render mode 3: never painted
    assert [a.type[0] for a in copy[1].annots()] == [pymupdf.PDF_ANNOT_HIGHLIGHT]  # the highlight is there too
    assert output.stat().st_size < pdf.stat().st_size + 200_000  # the font is subset, not embedded whole


def test_without_the_option_the_copy_has_no_text_and_word_refuses_it(annotated_scan, capsys):
    pdf, library, folder = annotated_scan
    output = folder / "plain.pdf"
    assert _export(capsys, pdf, library, output) == 0
    assert all(not page.get_text().strip() for page in pymupdf.open(output))
    code = main(["export", "--format", "md", "-o", str(folder / "x.md"), "--ocr-layer", "--library", library])
    err = capsys.readouterr().err
    assert code == 2 and "--ocr-layer" in err


def test_on_a_skewed_scan_each_line_is_written_along_its_slope_and_reads_in_order(tmp_path, capsys):
    """A sheet fed in turned by 3°: the layer's lines run at the scan's slope (so a viewer's selection
    follows the print) and the copy's text reads the notice line by line, phrases in order."""
    import math

    degrees = 3.0
    pdf = ocr_pdfs.skewed_scan(tmp_path / "skewed.pdf", degrees=degrees)
    library = str(tmp_path / "library")
    assert main(["index", str(pdf), "--library", library]) == 0
    assert main(["annotations", "add", str(pdf), "--page", "0", "--quote", "工业互联网平台",
                 "--theme", "数据安全", "--library", library]) == 0
    output = tmp_path / "copy.pdf"
    assert _export(capsys, pdf, library, output, "--ocr-layer") == 0
    page = pymupdf.open(output)[0]
    text = "".join(page.get_text().split())
    at = 0
    for phrase in (ocr_pdfs.TITLE, "各有关单位", "为贯彻落实数据安全法", "加强重要数据保护", "一、检查范围",
                   "重点检查工业互联网平台和数据中心的安全管理制度", "二、工作要求", "前报送自查报告"):
        found = text.find(phrase, at)
        assert found >= 0, (phrase, text)
        at = found + len(phrase)
    lines = [line for block in page.get_text("dict")["blocks"] for line in block.get("lines", ())
             if len("".join(span["text"] for span in line["spans"]).strip()) >= 6]
    assert len(lines) >= 7
    for line in lines:  # turned counter-clockwise as seen: up to the right (y grows downwards)
        slope = math.degrees(math.atan2(-line["dir"][1], line["dir"][0]))
        assert abs(slope - degrees) <= 1.0, (slope, "".join(span["text"] for span in line["spans"]))
