"""Documents, titles and 文号 of scanned official documents, read through real OCR of small colour
scans (tests.builders.ocr_pdfs): the rules of GB/T 9704 hold when sizes, weights and colours come
from the page image instead of a text layer.

Slow (each page is OCR'd once per module, a few seconds a page).
"""

from __future__ import annotations

import json

import pytest

from tests.builders import ocr_pdfs  # noqa: E402

from reader.cli import main  # noqa: E402
from reader.document import Document  # noqa: E402
from reader.ocr.ink import is_red  # noqa: E402
from reader.ocr.store import INK_VERSION, OcrStore  # noqa: E402

pytestmark = pytest.mark.slow


def squash(text: str) -> str:
    return "".join(text.split())


def outline(capsys, pdf, library) -> list[dict]:
    code = main(["outline", str(pdf), "--json", "--library", str(library)])
    out, err = capsys.readouterr()
    assert code == 0, err
    return json.loads(out)["documents"]


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return tmp_path_factory.mktemp("ocr-structure")


def test_red_header_gives_issuer_and_number_and_the_title_below_it(folder, capsys):
    pdf = ocr_pdfs.red_header_scan(folder / "red.pdf")
    library = folder / "library"
    documents = outline(capsys, pdf, library)
    assert len(documents) == 1
    doc = documents[0]
    # The red 发文机关标志 is the 版头, not the title; the title's two lines are one title.
    assert squash(doc["title"]) == "".join(ocr_pdfs.RED_TITLE)
    assert squash(doc["doc_number"]) == ocr_pdfs.RED_NUMBER
    assert doc["issuers"] == [ocr_pdfs.RED_MARK.removesuffix("文件")]
    assert doc["start_page"] == 0  # a first page holding little but the 版头 and title is no cover
    # The attachment's label line names it; its title is the centred line below.
    assert [(a["start_page"], a["label"], squash(a["title"])) for a in doc["attachments"]] == \
        [(1, "附件1", ocr_pdfs.ATTACHMENT_NAME)]
    # The worker sampled each box's ink: the mark is red, the title black.
    with Document.open(pdf) as opened:
        page = OcrStore(library / "cache" / "ocr").load(opened.content_hash, 0)
    assert page is not None and page.ink_version == INK_VERSION
    inks = {squash(line.text): line.ink for line in page.lines}
    assert is_red(inks[ocr_pdfs.RED_MARK])
    assert not is_red(inks[ocr_pdfs.RED_TITLE[0]])


def test_bold_title_in_body_size_is_read_whole_with_its_spaced_genre_line(folder, capsys):
    pdf = ocr_pdfs.bold_title_scan(folder / "bold.pdf")
    documents = outline(capsys, pdf, folder / "library")
    assert [squash(d["title"]) for d in documents] == ["".join(squash(t) for t in ocr_pdfs.BOLD_TITLE)]


def test_a_version_note_under_a_title_is_not_part_of_it(folder, capsys):
    pdf = ocr_pdfs.noted_title_scan(folder / "noted.pdf")
    documents = outline(capsys, pdf, folder / "library")
    assert [squash(d["title"]) for d in documents] == [ocr_pdfs.NOTE_TITLE]
    assert [c["label"] for c in documents[0]["clauses"]][:3] == ["第一条", "第二条", "第三条"]
