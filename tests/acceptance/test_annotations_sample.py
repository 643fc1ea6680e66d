"""Annotations on the shared compilation through the CLI, and migration to a re-typeset edition of it."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from reader.annotations import AnnotationStore
from reader.annotations.spans import annotation_for_span
from reader.annotations.textmatch import FoldedText, fold
from reader.cli import main
from reader.document import Document
from reader.library import Library
from reader.structure import load_structure

from tests.builders.annotations_pdfs import align, typeset  # noqa: E402

pytestmark = pytest.mark.acceptance

KEYS = {"id", "pdf", "page_index", "page_label", "quote", "note", "themes", "document", "doc_number",
        "clause_label", "rects", "status"}


def _cli(capsys, *argv: str):
    code = main([*argv, "--json"])
    out, err = capsys.readouterr()
    return code, (json.loads(out) if out.strip() else None), err


@pytest.fixture(scope="module")
def sample_comp(sample_pdf: Path, tmp_path_factory: pytest.TempPathFactory):
    with Document.open(sample_pdf) as doc:
        return load_structure(doc, tmp_path_factory.mktemp("cache"))


def test_add_quote_across_a_line_break_list_and_remove(capsys, tmp_path: Path, sample_pdf: Path, sample_truth) -> None:
    lib = str(tmp_path / "lib")
    rng = random.Random(1)
    pages = [p for p in sample_truth["pages"] if len(p["lines"]) > 8]
    added = []
    for page in rng.sample(pages, 5):
        k = rng.randrange(3, len(page["lines"]) - 2)
        upper, lower = page["lines"][k], page["lines"][k + 1]
        quote = upper[-6:] + "\n" + lower[:6]  # the end of one printed line and the start of the next
        code, data, err = _cli(capsys, "annotations", "add", str(sample_pdf), "--page", str(page["page_index"]),
                               "--quote", quote, "--theme", "数字化转型", "--theme", "SMEs", "--note", "测试",
                               "--library", lib)
        assert code == 0, err
        assert KEYS <= set(data)
        assert data["page_index"] == page["page_index"] and data["page_label"] == str(page["printed_page"])
        assert fold(data["quote"]) == fold(quote)
        assert len(data["rects"]) == 2 and data["themes"] == ["数字化转型", "中小企业"]
        assert data["status"] == "anchored" and data["document"]
        added.append(data["id"])
    code, listed, _ = _cli(capsys, "annotations", "list", str(sample_pdf), "--library", lib)
    assert [a["id"] for a in listed] == sorted(added, key=lambda i: [a["page_index"] for a in listed if a["id"] == i][0]) \
        or sorted(a["id"] for a in listed) == sorted(added)
    code, listed, _ = _cli(capsys, "annotations", "list", "--theme", "中小企业", "--library", lib)
    assert len(listed) == 5
    code, _, _ = _cli(capsys, "annotations", "remove", added[0], "--library", lib)
    assert code == 0
    code, listed, _ = _cli(capsys, "annotations", "list", "--library", lib)
    assert added[0] not in {a["id"] for a in listed} and len(listed) == 4
    code, themes, _ = _cli(capsys, "themes", "list", "--library", lib)
    assert {t["name"]: t["count"] for t in themes}["中小企业"] == 4


def test_quote_not_on_the_page_exits_2(capsys, tmp_path: Path, sample_pdf: Path) -> None:
    code = main(["annotations", "add", str(sample_pdf), "--page", "0", "--quote", "绝不会出现在汇编里的句子甲乙丙",
                 "--theme", "5G", "--library", str(tmp_path)])
    assert code == 2 and "错误 (error)" in capsys.readouterr().err


def test_tag_a_clause_across_pages(capsys, tmp_path: Path, sample_pdf: Path, sample_comp) -> None:
    spanning = [(d, c) for d, c in sample_comp.iter_clauses() if not c.children and c.end_page > c.start_page]
    assert spanning, "the sample has leaf clauses that run over a page break"
    doc, clause = spanning[len(spanning) // 2]
    body = sample_comp.text[clause.start_offset:clause.end_offset]
    probe = body[len(body) // 2:len(body) // 2 + 14]
    code, data, err = _cli(capsys, "annotations", "add", str(sample_pdf), "--clause-containing", probe,
                           "--theme", "绿色低碳", "--library", str(tmp_path))
    assert code == 0, err
    assert data["clause_label"] == clause.label and data["page_index"] == clause.start_page
    assert sorted(int(p) for p in data["rects_by_page"]) == list(range(clause.start_page, clause.end_page + 1))
    assert fold(data["quote"]) == fold(body) and data["document"] == doc.title


def _retypeset(comp, path: Path, rng: random.Random) -> tuple[Path, int]:
    """The sample's clean text typeset again: smaller pages, other font size, a few sentences edited."""
    documents = []
    bounds = [d.start_offset for d in comp.documents] + [len(comp.text)]
    edits = 0
    for start, end in zip(bounds, bounds[1:]):
        paras = [p for p in comp.text[start:end].split("\n") if p.strip()]
        for i in rng.sample(range(1, len(paras)), min(1, len(paras) - 1)):
            if "。" in paras[i][4:]:
                cut = paras[i].index("。", 4)
                paras[i] = paras[i][:cut] + "，并加强统筹协调" + paras[i][cut:]
                edits += 1
        documents.append((paras[0], paras[1:]))
    return typeset(path, documents, page_size=(516, 729), font_size=10.5, margin=48, page_per_document=False), edits


def test_migrate_to_a_retypeset_edition(capsys, tmp_path: Path, sample_pdf: Path, sample_comp) -> None:
    rng = random.Random(8)
    new_pdf, edits = _retypeset(sample_comp, tmp_path / "revised.pdf", rng)
    assert edits >= 3
    library = Library(tmp_path / "lib")
    library.add(sample_pdf)
    store = AnnotationStore(library.annotations_db)
    before = {}
    text = sample_comp.text
    body_start = sample_comp.documents[0].start_offset
    for _ in range(80):
        start = rng.randrange(body_start, len(text) - 60)
        ann = store.add(annotation_for_span(sample_comp, start, start + rng.randint(8, 60), themes=["5G"]))
        before[ann.id] = ann
    store.close()
    code, report, err = _cli(capsys, "annotations", "migrate", str(sample_pdf), str(new_pdf),
                             "--library", str(tmp_path / "lib"))
    assert code == 0, err
    assert report["found"] + report["moved"] + report["orphaned"] == 80
    with Document.open(new_pdf) as doc:
        new_comp = load_structure(doc, library.structure_cache_dir)
    old_f, new_f = FoldedText.of(text), FoldedText.of(new_comp.text)
    mapping = align(old_f.text, new_f.text)
    right, wrong = 0, []
    for entry in report["annotations"]:
        if entry["status"] == "orphaned":
            continue
        was = before[entry["id"]]
        first, last = old_f.to_folded(was.start_offset), old_f.to_folded(was.end_offset) - 1
        new_start = new_f.text.find(fold(entry["quote"]), max(0, mapping.get(first, 0) - 5))
        if first in mapping and last in mapping and abs(new_start - mapping[first]) <= 3:
            right += 1
        else:
            wrong.append(entry["quote"])
    assert right >= 0.95 * 80, (report["found"], report["moved"], report["orphaned"], wrong[:3])
    assert not wrong, wrong[:3]
