"""Held-out style outline checks: the shared compilation and two re-typeset editions of it.

Runs ``python -m reader outline|text PDF --json`` (in-process) the way an outside checker does.
The editions (tests/acceptance/retypeset.py) carry exactly the truth's text in another layout:
B5 with a 目录 and framed 专栏 boxes, A4 with bookmarks, a page per document and unframed boxes;
both with headings not bold, other running headers/footers and re-wrapped lines. Documents,
文号, dates and clause trees must come out the same as on the shared compilation, and every
clause's text must be the edition's own page text over the clause's page span.
"""

from __future__ import annotations

import pytest

from tests.acceptance.retypeset import cli_json, edition, needs_bold, squash, workdir

STYLES = ["b5", "a4", "title-header", "16k"]


@pytest.fixture(scope="module")
def shared_outline(sample_pdf):
    return cli_json("outline", str(sample_pdf), "--library", str(workdir() / "outline-lib"))


@pytest.fixture(scope="module", params=STYLES)
def retypeset(request, sample_pdf, sample_truth):
    if needs_bold(request.param):
        pytest.skip("no bold CJK font on this machine (e.g. Noto Sans CJK Bold) to set body-sized bold titles")
    made = edition(sample_pdf, sample_truth, request.param)
    lib = str(workdir() / "outline-lib")
    return made, cli_json("outline", str(made.path), "--library", lib), cli_json("text", str(made.path), "--library", lib)


def _walk(clauses, depth=0):
    for clause in clauses:
        yield clause, depth
        yield from _walk(clause["children"], depth + 1)


def _tree(clauses) -> list:
    return [(c["label"], c["kind"], squash(c["heading"]), squash(c["text"]), _tree(c["children"])) for c in clauses]


def _facts(outline) -> list:
    return [(squash(d["title"]), squash(d["doc_number"] or ""), d["date"], d["issuers"], d["kind"])
            for d in outline["documents"]]


def test_shared_outline_has_every_truth_document(shared_outline, sample_truth):
    got = [(d["start_page"], squash(d["title"])) for d in shared_outline["documents"]]
    want = [(d["page_index"], squash(d["title"])) for d in sample_truth["documents"]]
    assert got == want
    assert shared_outline["page_count"] == 84 and len(shared_outline["page_labels"]) == 84
    for doc in shared_outline["documents"]:
        assert set(doc) >= {"title", "doc_number", "issuers", "date", "kind", "start_page", "end_page",
                            "start_label", "clauses"}
        for clause, _ in _walk(doc["clauses"]):
            assert set(clause) >= {"label", "heading", "kind", "start_page", "end_page", "text", "children"}


def test_retypeset_documents_start_pages_and_labels(retypeset):
    made, outline, _ = retypeset
    assert outline["page_count"] == made.page_count
    assert outline["page_labels"] == made.page_labels
    got = [(d["start_page"], squash(d["title"]), d["start_label"]) for d in outline["documents"]]
    want = [(d["start_page"], squash(d["title"]), made.page_labels[d["start_page"]]) for d in made.documents]
    assert got == want, f"{sum(g == w for g, w in zip(got, want))}/{len(want)} documents right"


def test_retypeset_numbers_dates_issuers_kinds_equal_shared(retypeset, shared_outline):
    _, outline, _ = retypeset
    wrong = [(a[0][:16], a[1:], b[1:]) for a, b in zip(_facts(outline), _facts(shared_outline)) if a != b]
    assert not wrong and len(outline["documents"]) == len(shared_outline["documents"]), wrong


def test_retypeset_clause_trees_equal_shared(retypeset, shared_outline):
    _, outline, _ = retypeset
    differing = []
    for mine, theirs in zip(outline["documents"], shared_outline["documents"]):
        a, b = _tree(mine["clauses"]), _tree(theirs["clauses"])
        if a != b:
            flat_a = [(c["label"], squash(c["heading"])[:12]) for c, _ in _walk(mine["clauses"])]
            flat_b = [(c["label"], squash(c["heading"])[:12]) for c, _ in _walk(theirs["clauses"])]
            first = next((i for i, (x, y) in enumerate(zip(flat_a, flat_b)) if x != y), min(len(flat_a), len(flat_b)))
            differing.append((theirs["title"][:20], len(flat_a), len(flat_b), flat_a[first:first + 2], flat_b[first:first + 2]))
    total = sum(1 for d in shared_outline["documents"] for _ in _walk(d["clauses"]))
    assert total > 250
    assert not differing, differing


def test_retypeset_clause_text_is_the_page_text_over_its_span(retypeset):
    """Each clause's text lies in the edition's pages start_page..end_page, starts with its label,
    and siblings tile their parent with nothing dropped."""
    made, outline, _ = retypeset
    offsets, parts, length = {}, [], 0
    for page in range(made.page_count):
        offsets[page] = length
        parts.append(made.page_text(page))
        length += len(parts[-1])
    offsets[made.page_count] = length
    whole = "".join(parts)
    failures = []
    for doc in outline["documents"]:
        where = {}
        for clause, _ in _walk(doc["clauses"]):
            body = squash(clause["text"])
            at = whole.find(body, offsets[clause["start_page"]], offsets[clause["end_page"] + 1])
            if at < 0 or at >= offsets[clause["start_page"] + 1] or not body.startswith(squash(clause["label"])):
                failures.append((doc["title"][:12], clause["label"], clause["heading"][:16]))
            where[id(clause)] = (at, at + len(body))
        for siblings in [doc["clauses"]] + [c["children"] for c, _ in _walk(doc["clauses"])]:
            plain = [c for c in siblings if c["kind"] != "box"]
            for a, b in zip(plain, plain[1:]):
                if where[id(a)][1] != where[id(b)][0]:
                    failures.append(("gap", a["label"], b["label"]))
    assert not failures, failures[:10]


def test_retypeset_boxes_are_children_and_do_not_swallow_the_text_after(retypeset):
    _, outline, _ = retypeset
    boxes = [(c, parent) for d in outline["documents"] for parent, _ in _walk(d["clauses"])
             for c in parent["children"] if c["kind"] == "box"]
    assert [b["label"] for b, _ in boxes] == ["专栏 1", "专栏 2", "专栏 3", "专栏 4"]
    for box, parent in boxes:
        assert squash(box["text"]) in squash(parent["text"])
        assert not any(squash(h) in squash(box["text"]) for h in ("（三）推进绿色低碳", "（四）加强新材料", "（五）夯实行业",
                                                                   "（六）强化标准实施"))


def test_retypeset_clean_text_of_every_page_is_what_was_printed(retypeset):
    """`text PDF --json`: no running header/footer/page number, nothing lost, on every page."""
    made, _, text = retypeset
    assert [p["label"] for p in text["pages"]] == made.page_labels
    wrong = [p["page"] for p in text["pages"] if squash(p["text"]) != made.page_text(p["page"])]
    assert not wrong, f"pages whose clean text differs from what the edition printed: {wrong[:10]}"
