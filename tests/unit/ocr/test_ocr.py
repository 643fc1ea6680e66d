"""OCR for real on a few small scanned pages: the text, outline, search hits and quotes of a scan.

Slow (a few seconds a page on this machine kind), so each test OCRs one or two pages at most and
the library is shared by the checks that read the same page.
"""

from __future__ import annotations

import json
import shutil

import pymupdf
import pytest

from tests.builders import ocr_pdfs  # noqa: E402

from reader.cli import main  # noqa: E402
from reader.document import Document  # noqa: E402
from reader.ocr.engines import RapidOcrEngine, TesseractEngine  # noqa: E402
from reader.ocr.runner import ocr_document  # noqa: E402
from reader.ocr.store import OcrStore  # noqa: E402

pytestmark = pytest.mark.slow


def squash(text: str) -> str:
    return "".join(text.split())


def cer(found: str, truth: str) -> float:
    from rapidfuzz.distance import Levenshtein

    return Levenshtein.distance(squash(found), squash(truth)) / len(squash(truth))


TRUTH = ocr_pdfs.TITLE + ocr_pdfs.DOC_NUMBER + "".join(ocr_pdfs.BODY)


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def scanned(tmp_path_factory):
    folder = tmp_path_factory.mktemp("scan")
    return ocr_pdfs.scanned_pdf(folder / "notice.pdf"), folder / "library"


def test_ocr_command_reads_the_scan(scanned, capsys):
    pdf, library = scanned
    code, out, err = run(capsys, "ocr", str(pdf), "--json", "--library", str(library))
    assert code == 0, err
    data = json.loads(out)
    assert data["ocr_pages"] == [0] and data["failed"] == []
    assert cer(data["pages"][0]["text"], TRUTH) <= 0.03
    assert "OCR 1/1" in err  # progress on stderr
    code, out, err = run(capsys, "ocr", str(pdf), "--json", "--library", str(library))
    assert json.loads(out)["cached_pages"] == [0] and json.loads(out)["ocr_pages"] == []  # OCR'd once


def test_scan_gives_outline_search_hits_and_quotes(scanned, capsys):
    pdf, library = scanned
    code, out, err = run(capsys, "outline", str(pdf), "--json", "--library", str(library))
    assert code == 0, err
    documents = json.loads(out)["documents"]
    assert [(d["title"], d["doc_number"], d["start_page"]) for d in documents] == \
        [(ocr_pdfs.TITLE, ocr_pdfs.DOC_NUMBER, 0)]
    assert [c["label"] for c in documents[0]["clauses"]] == ["一、", "二、"]

    code, out, err = run(capsys, "index", str(pdf), "--json", "--library", str(library))
    assert code == 0, err
    code, out, err = run(capsys, "search", "报送自查报告", "--json", "--library", str(library))
    hits = json.loads(out)["hits"]
    assert [h["page_index"] for h in hits] == [0]
    # The hit is lit where the typeset edition has those words (its text layer is the truth).
    typeset = pymupdf.open(ocr_pdfs.typeset_pdf(pdf.parent / "typeset.pdf"))
    truth = typeset[0].search_for("报送自查报告")[0]
    x0, y0, x1, y1 = hits[0]["rects"][0]
    assert max(abs(x0 - truth.x0), abs(x1 - truth.x1), abs(y0 - truth.y0), abs(y1 - truth.y1)) <= 6

    code, out, err = run(capsys, "annotations", "add", str(pdf), "--page", "0", "--quote", "工业互联网平台",
                         "--theme", "数据安全", "--json", "--library", str(library))
    assert code == 0, err
    note = json.loads(out)
    assert note["quote"] == "工业互联网平台" and note["clause_label"] == "一、"
    truth = typeset[0].search_for("工业互联网平台")[0]
    assert all(abs(r[1] - truth.y0) <= 6 and abs(r[3] - truth.y1) <= 6 for r in note["rects"])


def test_cancel_stops_between_pages(tmp_path):
    pdf = ocr_pdfs.scanned_pdf(tmp_path / "three.pdf", pages=3)
    seen: list[int] = []
    with Document.open(pdf) as doc:
        report = ocr_document(doc, OcrStore(tmp_path / "ocr"), RapidOcrEngine(),
                              progress=lambda done, total, page: seen.append(page),
                              cancelled=lambda: len(seen) >= 1)  # cancel once page 0 is under way
    assert report.cancelled and report.pages == [0]
    assert OcrStore(tmp_path / "ocr").pages(doc.content_hash) == {0}


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="Tesseract is not installed (scripts/setup installs it)")
def test_tesseract_is_the_second_engine(tmp_path):
    pdf = ocr_pdfs.scanned_pdf(tmp_path / "notice.pdf", dpi=200)
    engine = TesseractEngine()
    with Document.open(pdf) as doc:
        report = ocr_document(doc, OcrStore(tmp_path / "ocr"), engine)
        page = OcrStore(tmp_path / "ocr").load(doc.content_hash, 0)
    assert report.pages == [0] and page is not None and page.engine.startswith("tesseract-")
    assert cer(page.text, TRUTH) <= 0.15
