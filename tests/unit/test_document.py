"""The document model on small PDFs built here: labels, lookup, text, render size, bad input."""

from __future__ import annotations


import pytest

from tests.builders import pdfs as build  # noqa: E402

from reader.document import Document, compute_page_labels  # noqa: E402
from reader.errors import (CorruptPdfError, EmptyPdfError, FileMissingError, NotPdfError,  # noqa: E402
                           PasswordRequiredError)

FRONT_MATTER_LABELS = [
    {"startpage": 0, "prefix": "", "style": "R", "firstpagenum": 1},
    {"startpage": 2, "prefix": "", "style": "D", "firstpagenum": 1},
]


def test_labels_follow_the_pdf_label_rules(tmp_path):
    with Document.open(build.text_pdf(tmp_path / "a.pdf", pages=5, labels=FRONT_MATTER_LABELS)) as doc:
        assert doc.page_labels == ["I", "II", "1", "2", "3"]
        assert doc.page_label(2) == "1"


def test_pages_without_label_rules_are_numbered_from_one(tmp_path):
    with Document.open(build.text_pdf(tmp_path / "a.pdf", pages=3)) as doc:
        assert doc.page_labels == ["1", "2", "3"]


def test_label_formats_prefix_letters_and_lower_roman():
    rules = [{"startpage": 0, "style": "r", "firstpagenum": 4}, {"startpage": 2, "style": "A", "prefix": "附-"},
             {"startpage": 4, "style": "D", "firstpagenum": 27}]
    assert compute_page_labels(rules, 6) == ["iv", "v", "附-A", "附-B", "27", "28"]


def test_page_box_lookup_prefers_labels_then_numbers(tmp_path):
    with Document.open(build.text_pdf(tmp_path / "a.pdf", pages=5, labels=FRONT_MATTER_LABELS)) as doc:
        assert doc.page_index_for("1") == 2          # the printed "1", not the first sheet
        assert doc.page_index_for("ii") == 1         # labels match case-insensitively
        assert doc.page_index_for("#1") == 0         # '#' forces a physical page number
        assert doc.page_index_for("5") == 4          # no label "5": physical page 5
        assert doc.page_index_for("9") is None
        assert doc.page_index_for("  ") is None


def test_text_and_text_layer(tmp_path):
    with Document.open(build.text_pdf(tmp_path / "a.pdf", pages=2)) as doc:
        assert "关于推动制造业绿色发展的通知2" in doc.page_text(1)
        assert doc.has_text_layer
    with Document.open(build.image_only_pdf(tmp_path / "scan.pdf")) as doc:
        assert doc.page_count == 2
        assert not doc.has_text_layer


@pytest.mark.parametrize("zoom", [1.0, 96 / 72, 2.0])
def test_render_size_follows_zoom(tmp_path, zoom):
    with Document.open(build.text_pdf(tmp_path / "a.pdf", pages=1, size=(400, 600))) as doc:
        assert doc.page_size(0) == (400, 600)
        image = doc.render(0, zoom)
        assert abs(image.width - 400 * zoom) <= 1 and abs(image.height - 600 * zoom) <= 1  # MuPDF rounds outwards
        assert image.stride >= image.width * 3
        assert len(image.samples) == image.stride * image.height
        pixels = bytes(image.samples)
        assert set(pixels[:30]) == {255}             # white margin …
        assert min(pixels) < 100                       # … and dark text somewhere


def test_page_sizes_of_mixed_pages(tmp_path):
    import pymupdf

    doc = pymupdf.open()
    doc.new_page(width=595, height=842)
    doc.new_page(width=842, height=595)
    doc.save(tmp_path / "mixed.pdf")
    with Document.open(tmp_path / "mixed.pdf") as opened:
        assert opened.page_sizes() == [(595, 842), (842, 595)]


def test_content_hash_is_the_files_identity(tmp_path):
    first = build.text_pdf(tmp_path / "a.pdf", pages=2)
    copy = tmp_path / "moved.pdf"
    copy.write_bytes(first.read_bytes())
    with Document.open(first) as a, Document.open(copy) as b:
        assert a.content_hash == b.content_hash and len(a.content_hash) == 64


@pytest.mark.parametrize("maker, error", [
    (build.not_a_pdf, NotPdfError),
    (build.truncated_pdf, CorruptPdfError),
    (build.zero_page_pdf, EmptyPdfError),
    (build.encrypted_pdf, PasswordRequiredError),
])
def test_bad_input_raises_a_clear_error(tmp_path, maker, error):
    path = maker(tmp_path / "bad.pdf")
    with pytest.raises(error) as caught:
        Document.open(path)
    message = str(caught.value)
    assert "(" in message and str(path) in message   # bilingual, names the file


def test_missing_file(tmp_path):
    with pytest.raises(FileMissingError, match="file not found"):
        Document.open(tmp_path / "nowhere.pdf")


def test_password(tmp_path):
    path = build.encrypted_pdf(tmp_path / "locked.pdf", password="秘密")
    with pytest.raises(PasswordRequiredError) as caught:
        Document.open(path, password="wrong")
    assert caught.value.wrong_password
    with Document.open(path, password="秘密") as doc:
        assert doc.page_count == 1


def test_a_damaged_page_does_not_stop_the_document_from_opening(tmp_path, monkeypatch):
    with Document.open(build.text_pdf(tmp_path / "a.pdf", pages=3, size=(400, 600))) as doc:
        real_load = doc.pdf.load_page

        def load(index):
            if index == 1:
                raise RuntimeError("code=2: cannot find object in xref")
            return real_load(index)

        monkeypatch.setattr(doc.pdf, "load_page", load)
        assert doc.page_sizes() == [(400, 600)] * 3          # the damaged page borrows its neighbour's size
        with pytest.raises(CorruptPdfError, match="page 2 is damaged"):
            doc.render(1, 1.0)
        assert doc.render(2, 1.0).width > 0                   # the others still render
