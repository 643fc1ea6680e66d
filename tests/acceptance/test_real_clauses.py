"""Clause trees of real laws and reports (``../shared/corpus/real``) against ``expected.json``.

Laws: the articles (第N条) found must be ≥ 98 % of the articles the law has, each once, in order,
none swallowing the pages after it. Reports and notices: every section heading listed in the truth
(``headings_h1``) is a clause.
"""

from __future__ import annotations

import json

import pytest

from tests.acceptance.real_clauses import REAL, article_numbers, read, walk

pytestmark = pytest.mark.skipif(not (REAL / "expected.json").exists(),
                                reason="the real PDFs (../shared/corpus/real) are not next to the repo")


def _truth() -> dict:
    return json.loads((REAL / "expected.json").read_text(encoding="utf-8"))["pdfs"] \
        if (REAL / "expected.json").exists() else {}


def _squash(text: str) -> str:
    return "".join(text.split())


LAWS = [name for name, entry in _truth().items() if entry.get("articles")]
REPORTS = [name for name, entry in _truth().items() if entry.get("headings_h1")]


@pytest.fixture(scope="module")
def analysed():
    cache: dict = {}

    def get(name: str):
        if name not in cache:
            cache[name] = read(REAL / name)
        return cache[name]
    return get


@pytest.mark.parametrize("name", LAWS)
def test_law_articles_found_once_and_in_order(name, analysed):
    expected = _truth()[name]["articles"]
    comp, whole = analysed(name)
    numbers = article_numbers(whole)
    found = {n for n in numbers if 1 <= n <= expected}
    print(f"{name}: articles {len(found)}/{expected} (whole file read as one document)")
    assert len(found) >= 0.98 * expected, sorted(set(range(1, expected + 1)) - found)[:20]
    assert numbers == sorted(set(numbers)), "articles repeated or out of order"
    for doc in comp.documents:
        outline = article_numbers(list(walk(doc.clauses)))
        assert outline == sorted(set(outline)), doc.title
        for clause in walk(doc.clauses):
            if clause.kind == "article":
                assert clause.end_page - clause.start_page <= 2, (clause.label, clause.start_page, clause.end_page)


@pytest.mark.parametrize("name", REPORTS)
def test_report_section_headings_all_found(name, analysed):
    comp, _ = analysed(name)
    seen = {_squash(c.label + c.heading) for _, c in comp.iter_clauses()}
    missing = [h for h in _truth()[name]["headings_h1"] if _squash(h) not in seen]
    assert not missing
