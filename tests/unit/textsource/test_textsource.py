"""The text-source seam without running OCR: which source a page gets, cached OCR read as rows,
the one join rule, and the OCR command's handling of bad arguments and a missing engine."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pymupdf
import pytest

from tests.builders import ocr_pdfs  # noqa: E402

from reader.document import Document  # noqa: E402
from reader.ocr.store import OcrLine, OcrPage, OcrStore  # noqa: E402
from reader.structure import analyze  # noqa: E402
from reader.textsource import join_separator, pdf_layer  # noqa: E402

REPO = Path(__file__).resolve().parents[3]


def _state(path: Path, page: int = 0) -> str:
    with pymupdf.open(path) as pdf:
        return pdf_layer.layer_state(pdf[page])


def test_layer_state_tells_typeset_scanned_and_scanner_ocr_pages_apart(tmp_path):
    assert _state(ocr_pdfs.typeset_pdf(tmp_path / "typeset.pdf")) == pdf_layer.GOOD
    assert _state(ocr_pdfs.scanned_pdf(tmp_path / "scan.pdf")) == pdf_layer.EMPTY
    assert _state(ocr_pdfs.scanner_ocr_pdf(tmp_path / "scanner.pdf")) == pdf_layer.SCANNER


def test_join_rule_spaces_only_between_latin_words():
    assert join_separator("色", "发") == ""
    assert join_separator("n", "发") == ""
    assert join_separator("digital", "transition") == " "
    assert join_separator("2027", "年") == ""
    assert join_separator("5", "G") == " "


def _cached_ocr_page(width: float, height: float) -> OcrPage:
    """An OCR result as the runner stores it: one title box and two body lines, boxes in points."""
    def box(text: str, x: float, y: float, size: float) -> OcrLine:
        rects = [(x + i * size, y, x + (i + 1) * size, y + size) for i in range(len(text))]
        return OcrLine(text, 0.99, list(text), rects, [0.99] * len(text))

    lines = [box(ocr_pdfs.TITLE, 130, 130, 22),
             box("为贯彻落实数据安全法，加强重要数据保护，现就开展数据", 80, 240, 16),
             box("安全检查工作通知如下。", 80, 270, 16)]
    return OcrPage(0, "test-engine", width, height, lines)


def test_cached_ocr_feeds_the_structure_like_a_text_layer(tmp_path):
    pdf = ocr_pdfs.scanned_pdf(tmp_path / "scan.pdf")
    root = tmp_path / "ocr"
    with Document.open(pdf) as doc:
        assert analyze(doc, root).text == ""  # nothing cached yet: the page has no text
        OcrStore(root).save(doc.content_hash, _cached_ocr_page(595, 842))
        comp = analyze(doc, root)
    assert comp.has_text_layer
    assert comp.text.startswith(ocr_pdfs.TITLE + "\n")
    assert "开展数据安全检查工作" in comp.text  # the wrapped body line joined with no break
    start = comp.text.index("通知如下")
    rects = comp.span_rects(start, start + 4)[0]
    assert len(rects) == 1 and rects[0][1] == pytest.approx(270) and rects[0][0] == pytest.approx(80 + 16 * 6)
    assert comp.offset_at(0, 80 + 16 * 8.5, 278) == start + 2
    assert [d.title for d in comp.documents] == [ocr_pdfs.TITLE]


def test_store_keeps_engines_apart_and_ignores_damaged_files(tmp_path):
    store = OcrStore(tmp_path)
    page = _cached_ocr_page(595, 842)
    store.save("abc", page)
    assert store.pages("abc") == {0} and store.pages("abc", "other-engine") == set()
    loaded = store.load("abc", 0)
    assert loaded is not None and loaded.text == page.text and loaded.lines[0].rects == page.lines[0].rects
    (tmp_path / "abc" / "test-engine" / "00001.json").write_text("{half", encoding="utf-8")
    assert store.load("abc", 1) is None


def _cli(*argv: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "reader", *argv], cwd=REPO, capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, timeout=120)


def test_ocr_command_rejects_a_bad_page_range(tmp_path):
    pdf = ocr_pdfs.scanned_pdf(tmp_path / "scan.pdf")
    run = _cli("ocr", str(pdf), "--pages", "3-9", "--library", str(tmp_path / "lib"))
    assert run.returncode == 2 and run.stderr.strip().splitlines()[-1].startswith("错误 (error): ")
    assert "Traceback" not in run.stderr


def test_a_missing_engine_is_one_clear_line_and_text_still_works(tmp_path):
    pdf = ocr_pdfs.scanned_pdf(tmp_path / "scan.pdf")
    typeset = ocr_pdfs.typeset_pdf(tmp_path / "typeset.pdf")
    no_tesseract = {"PATH": str(Path(sys.executable).parent)}  # the venv's python only: no tesseract binary
    run = _cli("ocr", str(pdf), "--engine", "tesseract", "--library", str(tmp_path / "lib"), env=no_tesseract)
    assert run.returncode == 2
    assert run.stderr.strip() == "错误 (error): 未安装 Tesseract (Tesseract missing): " \
                                 "apt-get install tesseract-ocr tesseract-ocr-chi-sim"
    run = _cli("text", str(typeset), "--json", "--library", str(tmp_path / "lib"), env=no_tesseract)
    assert run.returncode == 0
    assert ocr_pdfs.TITLE in "".join(page["text"] for page in json.loads(run.stdout)["pages"])


def test_a_huge_scan_page_is_rendered_within_the_pixel_cap(tmp_path):
    """A poster-sized 600-dpi scan is read at a bounded size: memory stays flat page by page."""
    from reader.ocr.runner import MAX_PIXELS, render_gray

    doc = pymupdf.open()
    page = doc.new_page(width=2384, height=3370)  # A0 in points
    gray, scale = render_gray(page, 600)
    assert gray.shape[0] * gray.shape[1] <= MAX_PIXELS * 1.01
    assert gray.shape[1] == pytest.approx(2384 * scale, abs=2)


def _piece(text: str, x0: float, y0: float, block: int, size: float = 14.0):
    from reader.textsource.model import Piece

    rects = [(x0 + k * size, y0, x0 + (k + 1) * size, y0 + size) for k in range(len(text))]
    return Piece(list(text), rects, [size] * len(text), [False] * len(text), y0, y0 + size, x0, block=block)


def test_a_text_box_over_the_blank_run_of_a_row_keeps_its_own_rows():
    """A signature block set in a text box over the spaces of "甲方：   乙方：   丙方：" reads as its
    own lines one after the other, not merged into the rows it overlaps."""
    from reader.textsource.rows import rows_from_pieces

    row = "甲方：" + " " * 8 + "乙方：" + " " * 8 + "丙方：" + " " * 8
    pieces = [_piece(row, 90, 121, block=0), _piece("(盖章)" + " " * 8 + "(盖章)" + " " * 8, 90, 143, block=0),
              _piece("合肥工业大学计", 248, 118, block=1), _piece("算机与信息学院", 248, 133, block=1),
              _piece("（人工智能学院）", 248, 147, block=1)]
    texts = [line.text for line in rows_from_pieces(pieces, 0)]
    assert texts[:3] == ["合肥工业大学计", "算机与信息学院", "（人工智能学院）"]
    assert texts[3].startswith("甲方：") and texts[3].endswith("丙方：") and texts[4] == "(盖章)" + " " * 8 + "(盖章)"


def test_side_by_side_pieces_and_the_glyphs_of_an_equation_stay_in_their_rows():
    """Pieces next to each other are one row, and an equation's scattered one-glyph pieces (sub- and
    superscripts) inside a row's extent are not taken for a text box."""
    from reader.textsource.rows import rows_from_pieces

    beside = [_piece("第一条", 90, 100, block=0), _piece("为了规范管理", 150, 100, block=1)]
    assert [line.text for line in rows_from_pieces(beside, 0)] == ["第一条 为了规范管理"]
    row = "如公式" + " " * 10 + "所示："
    equation = [_piece(row, 90, 142, block=0), _piece("n", 160, 140, block=5), _piece("i", 175, 148, block=5)]
    assert len(rows_from_pieces(equation, 0)) == 1
