"""Real scans through the command line: image-only scans (shared 20, ours 44 and 45) and a scan with a
scanner's poor OCR layer (shared 21, read again by our OCR), checked against their truth files.
Scan 45's first page holds little besides the 版头, 文号 and a short notice: it must be searchable by
default (a page of a document, not front matter)."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from tests.acceptance.retypeset import cli_json

pytestmark = [pytest.mark.acceptance, pytest.mark.slow]

REPO = Path(__file__).resolve().parents[2]
SHARED_REAL = REPO.parent / "shared" / "corpus" / "real"
OUR_REAL = REPO / "tests" / "data" / "real"
SCANS = [(SHARED_REAL, "20_scan_company_notice.pdf"), (SHARED_REAL, "21_scan_ocr_shou_threshold_notice.pdf"),
         (OUR_REAL, "44_scan_shou_xinxi_2018_28.pdf"), (OUR_REAL, "45_scan_scnu_2025_1.pdf")]


def squash(text: str) -> str:
    return "".join(text.split())


def words(text: str) -> str:
    """Text without whitespace and punctuation, width-folded (as benchmarks/bench_real.py compares titles)."""
    folded = unicodedata.normalize("NFKC", text or "")
    return "".join(ch for ch in folded if not ch.isspace() and not unicodedata.category(ch).startswith(("P", "S")))


@pytest.fixture(scope="module")
def indexed(tmp_path_factory):
    if not (SHARED_REAL / "expected.json").exists():
        pytest.skip("the shared real corpus (../shared/corpus/real) is not next to the repo")
    library = str(tmp_path_factory.mktemp("library"))
    truth = {}
    for folder, name in SCANS:
        truth[name] = json.loads((folder / "expected.json").read_text("utf-8"))["pdfs"][name]
    data = cli_json("index", *[str(folder / name) for folder, name in SCANS], "--library", library)
    assert len(data["indexed"]) == len(SCANS)
    return library, truth


@pytest.mark.parametrize("name", [name for _, name in SCANS])
def test_scan_search_finds_every_phrase_on_its_page(indexed, name):
    library, truth = indexed
    missed = []
    for case in truth[name]["search"]:
        hits = cli_json("search", case["query"], "--library", library)["hits"]
        pages = {h["page_index"] for h in hits if h["pdf"].endswith(name)}
        if not set(case["expected_pages"]) & pages:
            missed.append(case["query"])
    assert missed == []


@pytest.mark.parametrize("folder,name", SCANS)
def test_scan_outline_starts_at_the_right_page_with_its_title_and_number(indexed, folder, name):
    library, truth = indexed
    expected = truth[name]["documents"][0]
    found = cli_json("outline", str(folder / name), "--library", library)["documents"]
    assert found and found[0]["start_page"] == expected["start_page"]
    # The title, not the red 版头 above it nor the first of its lines (punctuation as OCR reads it).
    assert words(found[0]["title"]) == words(expected["title"])
    if expected.get("doc_number"):
        assert squash(found[0]["doc_number"] or "") == squash(expected["doc_number"])


def test_scanner_ocr_layer_is_replaced_by_ours(indexed):
    library, _ = indexed
    text = cli_json("text", str(SHARED_REAL / "21_scan_ocr_shou_threshold_notice.pdf"), "--library", library)
    page = squash(text["pages"][0]["text"])
    assert "2021年4月25日" in page and "zO21" not in page and "0.65" in page
