"""Page labels of compilations: the compilation's own numbers win; restarted numbers name their document."""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest

from reader.document import Document
from reader.errors import UsageError
from reader.structure import analyze
from reader.structure.labels import page_for_label, qualified_labels

from tests.builders.pdfs import RESTARTED_SENTENCE as SENTENCE
from tests.builders.pdfs import RESTARTED_TITLES as TITLES
from tests.builders.pdfs import restarted_numbers_compilation as _compilation


def _labels(path: Path) -> list[str]:
    with Document.open(path) as doc:
        return analyze(doc).page_labels


def test_the_compilations_own_page_numbers_are_the_labels(tmp_path: Path) -> None:
    assert _labels(_compilation(tmp_path / "c.pdf", own_numbers=True)) == [str(n) for n in range(1, 10)]


def test_restarted_numbers_name_their_document_and_a_bare_number_is_never_guessed(tmp_path: Path) -> None:
    with Document.open(_compilation(tmp_path / "r.pdf", own_numbers=False)) as doc:
        comp = analyze(doc)
    assert comp.page_labels == ["1", "2", "3"] * 3  # what is printed
    qualified = qualified_labels(comp.page_labels, comp.documents)
    assert len(set(qualified)) == len(qualified) and qualified[:4] == ["1-1", "1-2", "1-3", "2-1"]
    assert page_for_label(comp.page_labels, "2-3", comp.documents) == 5
    with pytest.raises(UsageError) as error:
        page_for_label(comp.page_labels, "3", comp.documents)
    assert all(name in str(error.value) for name in ("1-3 (#3)", "2-3 (#6)", "3-3 (#9)"))


def test_a_binding_line_in_the_margin_is_not_body_text(tmp_path: Path) -> None:
    """装订线 characters set one under the other (or rotated) beside the text stay out of it."""
    doc = pymupdf.open()
    for number in range(2):
        page = doc.new_page(width=595, height=842)
        for k, ch in enumerate("装订线"):
            page.insert_text((30, 300 + k * 120), ch, fontname="china-s", fontsize=12)
        page.insert_text((50, 500), "密封线内不要答题", fontname="china-s", fontsize=10, rotate=90)
        page.insert_text((79, 100), TITLES[number], fontname="china-s", fontsize=22)
        for row in range(10):
            page.insert_text((79, 160 + row * 28), SENTENCE[: 27 - (row % 5)], fontname="china-s", fontsize=16)
    doc.save(tmp_path / "m.pdf")
    with Document.open(tmp_path / "m.pdf") as opened:
        comp = analyze(opened)
    text = "".join(comp.text.split())
    assert not any(ch in text for ch in "装订密封") and "答题" not in text
    assert text.startswith(TITLES[0]) and SENTENCE[:20] in text


def test_a_table_title_repeated_on_consecutive_pages_is_not_a_running_header(tmp_path: Path) -> None:
    """A long table repeats its title atop each page it spans; the text keeps it, while the running
    header on every page goes."""
    doc = pymupdf.open()
    for number in range(8):
        page = doc.new_page(width=595, height=842)
        page.insert_text((420, 40), "某某协会内部资料", fontname="china-s", fontsize=9)
        y = 90.0
        if 2 <= number <= 4:
            page.insert_text((200, y), "表1 重点项目统计表（续）", fontname="china-s", fontsize=16)
            y += 40
        for row in range(12):
            page.insert_text((79, y + row * 28), SENTENCE[: 27 - (row % 5)], fontname="china-s", fontsize=16)
        page.insert_text((290, 810), f"— {number + 1} —", fontname="china-s", fontsize=10)
    doc.save(tmp_path / "t.pdf")
    with Document.open(tmp_path / "t.pdf") as opened:
        comp = analyze(opened)
    assert ["表1重点项目统计表（续）" in "".join(comp.page_text(p).split()) for p in range(8)] == \
        [False, False, True, True, True, False, False, False]
    assert "某某协会内部资料" not in comp.text


def test_outline_json_names_every_page_once_beside_the_printed_labels(tmp_path: Path) -> None:
    """``page_labels`` keep what is printed; ``page_names`` qualify restarted numbers by document,
    and every name given back to ``--page-label`` finds its own page."""
    from reader.cli.structure import outline_json, outline_text

    with Document.open(_compilation(tmp_path / "r.pdf", own_numbers=False)) as doc:
        comp = analyze(doc)
    data = outline_json(comp)
    assert data["page_labels"] == comp.page_labels
    names = data["page_names"]
    assert len(set(names)) == len(names) == comp.page_count
    assert [page_for_label(comp.page_labels, name, comp.documents) for name in names] == list(range(comp.page_count))
    assert "[p. 2-1]" in outline_text(comp)
    with Document.open(_compilation(tmp_path / "c.pdf", own_numbers=True)) as doc:
        own = analyze(doc)
    assert outline_json(own)["page_names"] == own.page_labels
