"""The real-PDF test data (tests/data/real) is what its records say: sources, truth and compilations agree.

Scoreboards and acceptance tests trust expected.json; these checks keep it honest when files or truth are
edited: every PDF matches its recorded source, every search phrase's pages agree with the text layer, and
the committed compilations are exactly what bind.py builds from their members.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pymupdf
import pytest

from tests.conftest import SHARED_CORPUS

pytestmark = pytest.mark.acceptance

REAL = Path(__file__).resolve().parent.parent / "data" / "real"
SHARED_REAL = SHARED_CORPUS / "real"


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"real_{name}", REAL / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _json(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def needs_shared() -> None:
    if not (SHARED_REAL / "expected.json").exists():
        pytest.skip("compilations bind members from ../shared/corpus/real/, which is not next to the repo")


def test_every_pdf_matches_its_recorded_source() -> None:
    sources = _json(REAL / "sources.json")["files"]
    on_disk = {p.name for p in REAL.glob("*.pdf")}
    assert on_disk == set(sources)
    for name, source in sources.items():
        data = (REAL / name).read_bytes()
        assert len(data) == source["bytes"], name
        assert hashlib.sha256(data).hexdigest() == source["sha256"], name
        assert len(data) <= 1_572_864, name  # 1.5 MiB


def test_every_pdf_has_a_truth_whose_pages_exist() -> None:
    truth = _json(REAL / "expected.json")["pdfs"]
    assert set(truth) == {p.name for p in REAL.glob("*.pdf")}
    for name, entry in truth.items():
        pages = pymupdf.open(REAL / name).page_count
        starts = [d["start_page"] for d in entry["documents"]]
        assert starts == sorted(starts) and all(0 <= s < pages for s in starts), name
        for item in entry["search"]:
            assert item["expected_pages"] and all(0 <= p < pages for p in item["expected_pages"]), (name, item)
        assert all(0 <= p < pages for p in entry["front_matter_pages"]), name


def test_search_truth_agrees_with_the_text_layer() -> None:
    phrase_pages = _load("phrase_pages")
    assert phrase_pages.check(REAL / "expected.json", [REAL]) == 0


def test_compilation_truth_agrees_with_the_text_layer(needs_shared: None) -> None:
    phrase_pages = _load("phrase_pages")
    assert phrase_pages.check(REAL / "compilations" / "expected.json", [REAL / "compilations", REAL, SHARED_REAL]) == 0


def test_committed_compilations_are_what_bind_builds(needs_shared: None, tmp_path: Path) -> None:
    bind = _load("bind")
    rebuilt = bind.build_all(REAL / "compilations" / "compilations.json", tmp_path)
    committed = _json(REAL / "compilations" / "expected.json")
    assert rebuilt == committed
    for name, entry in committed["pdfs"].items():
        doc = pymupdf.open(REAL / "compilations" / name)
        assert doc.page_count == pymupdf.open(tmp_path / name).page_count
        assert doc.get_toc() == []
        members = entry["members"]
        assert members[0]["first_page"] == entry["printed_page_numbers"]["first_page"]
        for before, after in zip(members, members[1:]):
            assert before["first_page"] + before["pages"] == after["first_page"]
        assert members[-1]["first_page"] + members[-1]["pages"] == doc.page_count
        contents = "".join(doc[p].get_text() for p in range(1, members[0]["first_page"]))
        for document in entry["documents"]:
            printed = document["start_page"] - members[0]["first_page"] + 1
            assert str(printed) in contents, (name, document.get("title"))
