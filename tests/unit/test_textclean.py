"""Cleaning text taken out of PDFs: unit rules, and real MuPDF output from a PDF that produces
lone surrogates, private-use symbols, ligatures and U+FFFD runs (tests/unit/odd_text_pdfs.py)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pymupdf
import pytest

from reader.document import Document
from reader.structure import load_structure
from reader.textclean import REPLACEMENT, clean_char, clean_text

from tests.builders.odd_text_pdfs import odd_text_pdf  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
REAL_EQUATION_PDF = REPO.parent / "shared" / "corpus" / "real" / "10_notice_henu_2016_17.pdf"


def _encodes(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


@pytest.mark.parametrize(("raw", "clean"), [
    ("其中，\ud835\ud835为评价值", f"其中，{REPLACEMENT}为评价值"),  # run of unreadable glyphs → one mark
    ("a\ud835\udc4eb", "a\U0001d44eb"),  # a valid pair is the character it encodes
    ("\udc4e孤", f"{REPLACEMENT}孤"),  # lone low surrogate
    ("标\x00题\x0b一\x1f二\x7f三\x85四", "标题一二三四"),  # NUL, C0, DEL, C1 dropped
    ("第一行\n\t第二行", "第一行\n\t第二行"),  # layout kept
    ("\ue001要点\U000f0001", "要点"),  # private use dropped
    ("\ufb01le \ufb02ow \ufb03", "file flow ffi"),  # ligatures to letters
    ("a\ufffd\ufffd\ufffdb", f"a{REPLACEMENT}b"),
    ("\ufdd0x\uffff", "x"),  # non-characters
    ("普通文字 plain", "普通文字 plain"),
])
def test_clean_text_rules(raw: str, clean: str) -> None:
    assert clean_text(raw) == clean
    assert _encodes(clean_text(raw))


def test_clean_char_says_what_one_glyph_becomes() -> None:
    assert clean_char("\ud835") == REPLACEMENT
    assert clean_char("\x00") == ""
    assert clean_char("\ue000") == ""
    assert clean_char("\ufb00") == "ff"
    assert clean_char("字") == "字"
    assert clean_char("\n") == "\n"


def test_pdf_with_odd_glyphs_gives_clean_structure_and_keeps_rects(tmp_path: Path) -> None:
    pdf = odd_text_pdf(tmp_path / "odd.pdf", ["abAAc", "aCbDle", "aEEEb"])
    raw = pymupdf.open(pdf)[0].get_text("rawdict", flags=pymupdf.TEXT_PRESERVE_LIGATURES)
    produced = {ch["c"] for b in raw["blocks"] for ln in b.get("lines", ()) for s in ln["spans"] for ch in s["chars"]}
    assert {"\ud835", "\ue001", "\ufb01", "\ufffd"} <= produced  # MuPDF really hands these out
    with Document.open(pdf) as doc:
        comp = load_structure(doc)
        assert _encodes(doc.page_text(0))
    assert _encodes(comp.text)
    assert f"ab{REPLACEMENT}c" in comp.text  # two lone surrogates became one mark
    assert "abfile" in comp.text.replace(" ", "")  # private use dropped, ligature split into letters
    assert f"a{REPLACEMENT}b" in comp.text
    assert len(comp.char_pages) == len(comp.text) == len(comp.char_rects)
    start = comp.text.index("file")
    f_rect, i_rect = comp.char_rects[start], comp.char_rects[start + 1]
    assert f_rect[2] == pytest.approx(i_rect[0], abs=0.01) and f_rect[0] < i_rect[0]  # ﬁ's box split in two
    mark = comp.text.index(f"ab{REPLACEMENT}c") + 2
    rect = comp.char_rects[mark]
    assert rect[2] - rect[0] > 1.5 * (comp.char_rects[mark - 1][2] - comp.char_rects[mark - 1][0])  # covers both glyphs


def test_metadata_title_is_cleaned(tmp_path: Path) -> None:
    pdf = odd_text_pdf(tmp_path / "odd.pdf", ["abc"])
    doc = pymupdf.open(pdf)
    doc.set_metadata({"title": "通知\x00\x0b标题\ue000"})
    doc.save(tmp_path / "titled.pdf")
    with Document.open(tmp_path / "titled.pdf") as opened:
        assert opened.title == "通知标题"


def _cli(*args: str, library: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "reader", *args, "--library", str(library)], cwd=REPO,
                          capture_output=True, timeout=300)


@pytest.mark.parametrize("source", ["built", "real"])
def test_cli_commands_work_on_files_with_equation_glyphs(tmp_path: Path, source: str) -> None:
    if source == "real":
        if not REAL_EQUATION_PDF.exists():
            pytest.skip("the shared real corpus (../shared/corpus/real/) is not next to the repo")
        pdf, quote = REAL_EQUATION_PDF, "课程目标达成度评价值"
    else:
        pdf, quote = odd_text_pdf(tmp_path / "odd.pdf", ["abAAc", "aEEEb"]), "公式符号"
    library = tmp_path / "lib"
    outline = _cli("outline", str(pdf), "--json", library=library)
    assert outline.returncode == 0, outline.stderr.decode()
    json.loads(outline.stdout.decode("utf-8"))
    text = _cli("text", str(pdf), library=library)
    assert text.returncode == 0, text.stderr.decode()
    assert REPLACEMENT in text.stdout.decode("utf-8")
    index = _cli("index", str(pdf), "--json", library=library)
    assert index.returncode == 0, index.stderr.decode()
    assert len(json.loads(index.stdout)["indexed"]) == 1
    found = _cli("search", quote, "--front-matter", "--json", library=library)
    assert found.returncode == 0 and json.loads(found.stdout)["hits"], found.stderr.decode()
    added = _cli("annotations", "add", str(pdf), "--page", "0" if source == "built" else "3", "--quote", quote,
                 "--theme", "公式", "--json", library=library)
    assert added.returncode == 0, added.stderr.decode()
    assert json.loads(added.stdout)["quote"]


def test_query_with_bytes_that_are_not_utf8_or_controls_is_searched_not_crashed(tmp_path: Path) -> None:
    from reader.index.normalize import fold

    assert fold("\udcff氢能\x01") == f"{REPLACEMENT}氢能" and fold("a\x00b") == "ab"
    pdf = odd_text_pdf(tmp_path / "odd.pdf", ["abc"])
    library = tmp_path / "lib"
    assert _cli("index", str(pdf), library=library).returncode == 0
    result = subprocess.run([sys.executable, "-m", "reader", "search", b"\xff\xfe\xe5\x85\xac", "--json",
                             "--library", str(library)], cwd=REPO, capture_output=True, timeout=120)
    assert result.returncode == 0, result.stderr.decode()
    assert json.loads(result.stdout.decode("utf-8"))["hits"] == []


def test_bookmark_titles_are_cleaned(tmp_path: Path) -> None:
    from reader.structure.analyze import _safe_toc

    pdf = odd_text_pdf(tmp_path / "odd.pdf", ["abc"])
    doc = pymupdf.open(pdf)
    doc.set_toc([[1, "关于\ue000通知\x0b一\ufb01", 1]])
    doc.save(tmp_path / "toc.pdf")
    assert pymupdf.open(tmp_path / "toc.pdf").get_toc()[0][1] == "关于\ue000通知\x0b一\ufb01"  # stored as given
    with Document.open(tmp_path / "toc.pdf") as opened:
        assert _safe_toc(opened.pdf) == [[1, "关于通知一fi", 1]]
