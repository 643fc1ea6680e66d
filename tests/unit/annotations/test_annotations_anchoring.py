"""Anchoring on generated compilations: quotes across lines and pages, clause tags, and migration
to a re-typeset edition (other page size, reflowed lines, a few edited sentences)."""

from __future__ import annotations

import difflib
import random
from pathlib import Path

import pytest

from reader.annotations import AnnotationStore
from reader.annotations.anchoring import migrate, reanchor
from reader.annotations.spans import annotation_for_span, clause_span, clauses_containing, find_on_page
from reader.annotations.textmatch import FoldedText, fold
from reader.document import Document
from reader.errors import UsageError
from reader.structure import load_structure

from tests.builders.annotations_pdfs import make_documents, typeset

EDITS = [("加快推进", "大力推进"), ("持续完善", "不断健全完善"), ("有序开展", "稳步有序开展")]


def _edited(documents: list[tuple[str, list[str]]], count: int, rng: random.Random) -> tuple[list, list[str]]:
    """A few sentences reworded; returns the new documents and the edited sentences (new wording)."""
    out = [(t, list(p)) for t, p in documents]
    changed = []
    candidates = [(d, i) for d, (_, paras) in enumerate(out) for i, p in enumerate(paras)
                  if any(old in p for old, _ in EDITS)]
    for d, i in rng.sample(candidates, count):
        para = out[d][1][i]
        old, new = next((o, n) for o, n in EDITS if o in para)
        start = para.index(old)
        end = para.index("。", start) + 1
        begin = max(para.rfind("。", 0, start), para.rfind("）", 0, start)) + 1
        out[d][1][i] = para.replace(old, new, 1)
        changed.append(out[d][1][i][begin:end + len(new) - len(old)])
    return out, changed


@pytest.fixture(scope="module")
def editions(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("editions")
    rng = random.Random(11)
    documents = make_documents(seed=5, documents=5, heads=3, subs=3)
    revised, changed = _edited(documents, 4, rng)
    old_pdf = typeset(folder / "old.pdf", documents, page_size=(595, 842), font_size=12)
    new_pdf = typeset(folder / "new.pdf", revised, page_size=(516, 729), font_size=10.5, margin=50,
                     page_per_document=False)
    with Document.open(old_pdf) as d:
        old = load_structure(d)
    with Document.open(new_pdf) as d:
        new = load_structure(d)
    return old, new, changed


def test_quote_found_across_a_line_break(editions) -> None:
    comp = editions[0]
    page = max(range(comp.page_count), key=lambda p: len(comp.page_text(p)))
    start = comp.page_starts[page] + len(comp.page_text(page)) // 3
    # a stretch long enough to wrap onto the next line: its rects are on two rows
    quote = comp.text[start:start + 60]
    typed = " ".join(quote[i:i + 7] for i in range(0, len(quote), 7))  # the user's spacing does not matter
    s, e, n = find_on_page(comp, page, typed)
    assert comp.text[s:e] == quote.strip() and n >= 1
    ann = annotation_for_span(comp, s, e)
    assert len(ann.rects[page]) >= 2 and ann.page_index == page


def test_quote_continuing_onto_the_next_page(editions) -> None:
    comp = editions[0]
    page = next(p for p in range(comp.page_count - 1) if comp.text[comp.page_starts[p + 1] - 1] != "\n")
    start = comp.page_starts[page + 1] - 16
    s, e, count = find_on_page(comp, page, comp.text[start:start + 30])
    for k in range(2, count + 1):  # a phrase repeated earlier on the page: the user picks the occurrence
        if s == start:
            break
        s, e, _ = find_on_page(comp, page, comp.text[start:start + 30], occurrence=k)
    assert (s, e) == (start, start + 30)
    ann = annotation_for_span(comp, s, e)
    assert set(ann.rects) == {page, page + 1} and ann.page_index == page


def test_missing_quote_and_bad_page_are_clear_errors(editions) -> None:
    comp = editions[0]
    with pytest.raises(UsageError, match="not found"):
        find_on_page(comp, 0, "这句话根本不在文中")
    with pytest.raises(UsageError, match="out of range"):
        find_on_page(comp, comp.page_count, "中小企业")


def test_repeated_phrase_takes_the_requested_occurrence(editions) -> None:
    comp = editions[0]
    page = max(range(comp.page_count), key=lambda p: comp.page_text(p).count("提升产业链供应链韧性"))
    count = comp.page_text(page).count("提升产业链供应链韧性")
    assert count >= 2
    first = find_on_page(comp, page, "提升产业链供应链韧性")
    second = find_on_page(comp, page, "提升产业链供应链韧性", occurrence=2)
    assert first[2] == count and second[0] > first[0]


def test_clause_tag_covers_the_whole_clause_on_every_page(editions) -> None:
    comp = editions[0]
    spanning = [(d, c) for d, c in comp.iter_clauses() if c.end_page > c.start_page and not c.children]
    assert spanning, "the generated compilation should have a clause across a page break"
    doc, clause = spanning[0]
    probe = comp.text[clause.start_offset + 4:clause.start_offset + 16]
    found = clauses_containing(comp, probe)
    assert (doc.title, clause.label, clause.start_offset) in [(d.title, c.label, c.start_offset) for d, c in found]
    ann = annotation_for_span(comp, *clause_span(comp, clause))
    assert set(ann.rects) == set(range(clause.start_page, clause.end_page + 1))
    assert ann.clause_label == clause.label and ann.page_index == clause.start_page
    assert fold(ann.quote) == fold(comp.text[clause.start_offset:clause.end_offset])


def _point_map(old: str, new: str):
    """Folded old offset → folded new offset, for characters the two editions share."""
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    mapping = {}
    for a, b, size in matcher.get_matching_blocks():
        for k in range(size):
            mapping[a + k] = b + k
    return mapping


def test_migration_to_a_retypeset_edition(tmp_path: Path, editions) -> None:
    old, new, changed = editions
    assert old.page_count != new.page_count or old.page_starts != new.page_starts
    rng = random.Random(3)
    store = AnnotationStore(tmp_path / "a.sqlite3")
    spans = []
    for _ in range(100):
        start = rng.randrange(0, len(old.text) - 80)
        spans.append((start, start + rng.randint(6, 70)))
    for sentence in changed:  # annotations right on the reworded sentences
        original = sentence
        for o, n in EDITS:
            original = original.replace(n, o)
        folded = FoldedText.of(old.text)
        pos = folded.text.find(fold(original))
        assert pos >= 0
        spans.append(folded.to_original(pos, pos + len(fold(original))))
    before = {}
    for start, end in spans:
        ann = store.add(annotation_for_span(old, start, end, themes=["5G"]))
        before[ann.id] = ann
    report = migrate(store, old.content_hash, new, "new.pdf")
    assert report["found"] + report["moved"] + report["orphaned"] == len(spans)
    assert len(store.list(content_hash=new.content_hash)) == len(spans)  # nothing dropped

    old_f, new_f = FoldedText.of(old.text), FoldedText.of(new.text)
    mapping = _point_map(old_f.text, new_f.text)
    right, wrong = 0, []
    for ann in store.list(content_hash=new.content_hash):
        if ann.status == "orphaned":
            continue
        was = before[ann.id]
        first, last = old_f.to_folded(was.start_offset), old_f.to_folded(was.end_offset) - 1
        got = new_f.to_folded(ann.start_offset), new_f.to_folded(ann.end_offset) - 1
        exact = all(k in mapping for k in range(first, last + 1))
        if exact:
            ok = got == (mapping[first], mapping[last])
        else:  # the quote overlaps a reworded sentence: its unchanged ends must land within a few characters
            ok = first in mapping and last in mapping and abs(got[0] - mapping[first]) <= 3 \
                and abs(got[1] - mapping[last]) <= 3
        if ok:
            right += 1
        else:
            wrong.append((was.quote, ann.quote))
    assert right / len(spans) >= 0.95, (report["found"], report["moved"], report["orphaned"], wrong[:3])
    assert not wrong, f"every annotation not on its text must be reported orphaned: {wrong[:3]}"
    assert any(e["match"] == "fuzzy" for e in report["annotations"]), "reworded sentences should be found fuzzily"
    assert report["moved"] > 0  # other page size: most annotations changed page


def test_reanchor_keeps_an_unfindable_annotation_as_orphaned(editions) -> None:
    old, new, _ = editions
    ann = annotation_for_span(old, 10, 30).copy(quote="完全不同的一段话，在新版中不存在，也没有相似的文字")
    moved, kind = reanchor(new, ann)
    assert moved.status == "orphaned" and kind == "none"
    assert moved.quote == ann.quote and moved.id == ann.id and moved.content_hash == new.content_hash


def test_deleted_sentences_come_out_orphaned_not_on_look_alikes(tmp_path: Path) -> None:
    """Policy text is formulaic: a deleted sentence usually has a near twin elsewhere."""
    rng = random.Random(21)
    documents = make_documents(seed=8, documents=5, heads=3, subs=3)
    revised = [(t, list(p)) for t, p in documents]
    deleted = []
    for d, i in rng.sample([(d, i) for d, (_, ps) in enumerate(revised) for i, p in enumerate(ps) if p.count("。") >= 3], 20):
        sentences = revised[d][1][i].split("。")
        k = rng.randrange(1, len(sentences) - 1)
        deleted.append(sentences[k] + "。")
        revised[d][1][i] = "。".join(sentences[:k] + sentences[k + 1:])
    old_pdf = typeset(tmp_path / "old.pdf", documents)
    new_pdf = typeset(tmp_path / "new.pdf", revised, page_size=(520, 740), font_size=11)
    with Document.open(old_pdf) as d:
        old = load_structure(d)
    with Document.open(new_pdf) as d:
        new = load_structure(d)
    store = AnnotationStore(tmp_path / "a.sqlite3")
    folded = FoldedText.of(old.text)
    gone = set()
    for sentence in deleted:
        pos = folded.text.find(fold(sentence))
        assert pos >= 0
        gone.add(store.add(annotation_for_span(old, *folded.to_original(pos, pos + len(fold(sentence))))).id)
    report = migrate(store, old.content_hash, new, "new.pdf")
    statuses = {e["id"]: e["status"] for e in report["annotations"]}
    assert all(statuses[i] == "orphaned" for i in gone), [e["quote"] for e in report["annotations"]
                                                           if e["id"] in gone and e["status"] != "orphaned"]
    assert all(store.get(i).quote for i in gone)  # kept, with the quote, for the user to see
