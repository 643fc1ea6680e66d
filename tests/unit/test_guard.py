"""Page cost estimates: bombs are caught before MuPDF works on them, real pages never are."""

from __future__ import annotations

import time
from pathlib import Path

import pymupdf
import pytest

from reader.guard import MAX_EXPANDED_CONTENT, MAX_IMAGE_PIXELS, page_cost
from tests.builders import hostile

SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"


def test_nested_forms_are_over_the_content_limit(tmp_path):
    pdf = pymupdf.open(hostile.form_bomb(tmp_path / "bomb.pdf", depth=9, fan=10))
    started = time.perf_counter()
    cost = page_cost(pdf, 0)
    assert time.perf_counter() - started < 1.0  # estimated, not executed
    assert cost.content_bytes > MAX_EXPANDED_CONTENT and cost.too_costly
    assert "第 1 页" in cost.reason(0)


def test_shallow_nesting_stays_under_the_limit(tmp_path):
    cost = page_cost(pymupdf.open(hostile.form_bomb(tmp_path / "small.pdf", depth=2, fan=3)), 0)
    assert not cost.too_costly and cost.content_bytes > 9 * len(b"BT /F1 6 Tf 10 10 Td (bomb text) Tj ET")


def test_gigapixel_image_is_over_the_pixel_limit(tmp_path):
    cost = page_cost(pymupdf.open(hostile.image_bomb(tmp_path / "img.pdf", side=40000)), 0)
    assert cost.image_pixels == 40000 * 40000 > MAX_IMAGE_PIXELS and cost.too_costly


def test_a_form_that_draws_itself_counts_as_over(tmp_path):
    path = tmp_path / "loop.pdf"
    path.write_bytes(hostile.raw_pdf([
        "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /XObject << /X 5 0 R >> >> >>",
        hostile.stream(b"/X Do"),
        hostile.stream(b"/X Do", "/Type /XObject /Subtype /Form /BBox [0 0 9 9] /Resources << /XObject << /X 5 0 R >> >>"),
    ]))
    assert page_cost(pymupdf.open(path), 0).too_costly


OURS = Path(__file__).resolve().parents[1] / "data" / "real"


@pytest.mark.parametrize("name", ["policy-2024-12.pdf", "real", "ours"])
def test_real_pages_are_never_flagged(name):
    """Shared files, our real set and its bound compilations (book-made laws keep contents behind arrays)."""
    if name == "ours":
        paths = sorted(OURS.glob("*.pdf")) + sorted((OURS / "compilations").glob("*.pdf"))
    else:
        paths = sorted((SHARED / "real").glob("*.pdf")) if name == "real" else [SHARED / name]
    if not paths or not paths[0].exists():
        pytest.skip("the shared corpus (../shared/corpus) is not next to the repo")
    for path in paths:
        pdf = pymupdf.open(path)
        flagged = [i for i in range(pdf.page_count) if page_cost(pdf, i).too_costly]
        assert flagged == [], f"{path.name}: pages {flagged}"
