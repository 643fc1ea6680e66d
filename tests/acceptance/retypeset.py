"""A re-typeset edition of the shared compilation, built from its truth file (not a test module).

Outside checkers run the CLI on "a re-typeset edition" of the shared compilation; this builds
one of our own so the same checks run here. The text comes from the truth file (furniture-free
lines); the only thing read from the original PDF is each truth line's geometry (indent,
centred, right-aligned, size), with raw pymupdf, never with reader code, to rebuild paragraphs:
a line that is indented, centred, right-aligned or follows a short line starts a new block.

The blocks are then set again with a different layout (tests/acceptance/retypeset_layout.py, on
the structure tests' Typesetter): other page size and margins, other font size, lines
re-wrapped to another width (glyph widths as set, Latin runs kept whole), headings not bold,
other running headers (alternating sides) and footers (``第 N 页``), page labels, a 目录 or none,
bookmarks or none, 专栏 boxes framed or not. The builder records what it put on every page,
so tests compute their expectations from the edition itself.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import pymupdf

from tests.acceptance.retypeset_layout import (  # noqa: F401  (re-exported for the tests)
    HEADING, STYLES, Block, Edition, Kit, Style, bold_font_file, needs_bold, set_box, squash, system_font_file,
    typeset)

_WORD_END = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]")  # a short line ending so is cut, not ended


# ------------------------------------------------------------------------ reading the source
@dataclass
class SourceLine:
    text: str
    page: int
    x0: float
    x1: float
    size: float
    left: float   # text block edges on this page
    right: float
    width: float  # page width

    @property
    def centred(self) -> bool:
        middle = (self.x0 + self.x1) / 2
        return abs(middle - self.width / 2) < self.size and self.x0 > self.left + 3 * self.size

    @property
    def right_aligned(self) -> bool:
        return self.x1 > self.right - self.size * 0.6 and self.x0 > self.width / 2

    @property
    def indented(self) -> bool:
        return self.x0 > self.left + self.size * 0.8

    @property
    def short(self) -> bool:
        return self.x1 < self.right - self.size * 2.5


def _raw_lines(page: pymupdf.Page) -> list[tuple[str, tuple[float, float, float, float], float]]:
    out = []
    for block in page.get_text("dict")["blocks"]:
        for line in block.get("lines", []):
            spans = line["spans"]
            text = "".join(s["text"] for s in spans)
            if text.strip():
                out.append((text, tuple(line["bbox"]), max(s["size"] for s in spans)))
    return out


def _body_right(pdf: pymupdf.Document, truth: dict) -> float:
    """The text block's right edge: the commonest right end of full lines (right-aligned ones overhang)."""
    ends: dict[int, int] = {}
    for page in truth["pages"]:
        for _, (x0, _, x1, _), _ in _raw_lines(pdf[page["page_index"]]):
            ends[round(x1)] = ends.get(round(x1), 0) + 1
    common = sorted(ends, key=ends.get, reverse=True)[:3]
    return float(max(common))


def source_lines(pdf_path: Path, truth: dict) -> list[SourceLine]:
    """Every truth line with the geometry of the printed line it came from."""
    out: list[SourceLine] = []
    with pymupdf.open(pdf_path) as pdf:
        right = _body_right(pdf, truth)
        for page in sorted(truth["pages"], key=lambda p: p["page_index"]):
            index = page["page_index"]
            raw = _raw_lines(pdf[index])
            wanted = [squash(t) for t in page["lines"]]
            body = [r for r in raw if squash(r[0]) in set(wanted)]
            left = min(r[1][0] for r in body)
            cursor = 0
            for text in page["lines"]:
                key = squash(text)
                while cursor < len(raw) and squash(raw[cursor][0]) != key:
                    cursor += 1
                if cursor == len(raw):  # not printed as one line: assume a plain full line
                    out.append(SourceLine(text, index, left, right, 12.0, left, right, pdf[index].rect.width))
                    cursor = 0
                    continue
                _, (x0, _, x1, _), size = raw[cursor]
                out.append(SourceLine(text, index, x0, x1, size, left, right, pdf[index].rect.width))
                cursor += 1
    return out


# ----------------------------------------------------------------------------- blocks
def _join(a: str, b: str) -> str:
    if a and b and a[-1].isascii() and a[-1].isalnum() and b[0].isascii() and b[0].isalnum():
        return a + " " + b
    return a + b


def build_blocks(lines: list[SourceLine], truth: dict) -> list[Block]:
    """Paragraphs rebuilt from the lines; titles from the truth's document list; 专栏 boxes grouped."""
    titles = {d["page_index"]: [] for d in truth["documents"]}
    for d in truth["documents"]:
        titles[d["page_index"]].append(d)
    blocks: list[Block] = []
    i = 0
    previous: SourceLine | None = None
    while i < len(lines):
        line = lines[i]
        # A document title: consecutive lines on its start page that spell the truth title.
        started = None
        for d in titles.get(line.page, []):
            want, got, j = squash(d["title"]), "", i
            while j < len(lines) and lines[j].page == line.page and want.startswith(got + squash(lines[j].text)):
                got += squash(lines[j].text)
                j += 1
                if got == want:
                    break
            if got == want:
                started = (d, j)
                break
        if started:
            d, j = started
            top = i == 0 or lines[i - 1].page != line.page
            blocks.append(Block("title", d["title"], document=d["index"], new_page=top))
            titles[line.page].remove(d)
            previous, i = None, j
            continue
        ended = previous is not None and previous.short and (
            not _WORD_END.match(previous.text.rstrip()[-1:])
            or (blocks[-1].text == previous.text and previous.x1 < previous.right - 6 * previous.size
                and "。" not in previous.text))  # a one-line heading or title-like line
        continues = (previous is not None and blocks and blocks[-1].kind == "para" and not ended
                     and not line.indented and not line.centred and not line.right_aligned
                     and not HEADING.match(squash(line.text)))
        if continues:
            blocks[-1].text = _join(blocks[-1].text, line.text)
        elif line.centred and not line.indented or (line.centred and len(squash(line.text)) < 30 and line.short):
            blocks.append(Block("centre", line.text))
        elif line.right_aligned:
            blocks.append(Block("right", line.text))
        else:
            blocks.append(Block("para", line.text, indent=line.indented))
        previous = line
        i += 1
    return _group_boxes(blocks)


def _group_boxes(blocks: list[Block]) -> list[Block]:
    """A 专栏 runs from its head to the next numbered heading, title or box (as in the source)."""
    out: list[Block] = []
    box: Block | None = None
    for block in blocks:
        text = squash(block.text)
        if re.match(r"专栏\d+", text) and block.kind in ("centre", "para"):
            box = Block("box", block.text)
            out.append(box)
            continue
        if box is not None and (block.kind == "title" or HEADING.match(text)):
            box = None
        if box is not None:
            box.children.append(block)
        else:
            out.append(block)
    return out


def _flatten(blocks: list[Block]) -> list[Block]:
    out = []
    for block in blocks:
        out.append(block)
        out.extend(block.children)
    return out


REVISION_NOTE = "根据修订要求，本段表述作相应调整。"


def revise(blocks: list[Block]) -> list[Block]:
    """A revised edition's text: in a few long paragraphs a sentence deleted, a figure or word changed,
    or a sentence inserted. Deterministic, spread over the whole book, titles and headings untouched."""
    import copy

    revised = copy.deepcopy(blocks)
    long = [b for b in _flatten(revised) if b.kind == "para" and len(b.text) > 80]
    for k, block in enumerate(long):
        sentences = [x for x in re.split(r"(?<=。)", block.text) if x]
        if k % 7 == 3 and len(sentences) >= 3:
            del sentences[1]
            block.text = "".join(sentences)
        elif k % 11 == 5:
            changed = re.sub(r"2027", "2028", block.text, count=1)
            if changed == block.text:
                changed = block.text.replace("加强", "强化", 1)
            block.text = changed if changed != block.text else block.text.replace("。", "。" + REVISION_NOTE, 1)
        elif k % 13 == 8:
            heading = HEADING.match(block.text.replace(" ", ""))
            at = block.text.find("。") + 1 if heading else 0
            block.text = block.text[:at] + REVISION_NOTE + block.text[at:]
    return revised


def _offset_map(old: list[Block], new: list[Block]) -> list[int]:
    """Squashed-text offset in the old blocks → offset in the new ones (-1 where the text changed)."""
    import difflib

    mapping: list[int] = []
    new_at = 0
    for a, b in zip(_flatten(old), _flatten(new)):
        x, y = squash(a.text), squash(b.text)
        local = [-1] * len(x)
        if x == y:
            local = [new_at + i for i in range(len(x))]
        else:
            for m in difflib.SequenceMatcher(None, x, y, autojunk=False).get_matching_blocks():
                for i in range(m.size):
                    local[m.a + i] = new_at + m.b + i
        mapping.extend(local)
        new_at += len(y)
    return mapping


def build_edition(pdf_path: Path, truth: dict, out: Path, style: str = "b5", revised: bool = False) -> Edition:
    """Typeset the truth's text in ``style``; ``revised`` also edits a few paragraphs (see ``revise``)."""
    lines = source_lines(pdf_path, truth)
    blocks = build_blocks(lines, truth)
    source = "".join(squash(line.text) for line in lines)
    assert "".join(squash(b.text) for b in _flatten(blocks)) == source
    final = revise(blocks) if revised else blocks
    edition = typeset(final, truth, STYLES[style], out)
    content = "".join(edition.page_text(p) for p in range(edition.first_content_page, edition.page_count))
    assert content == "".join(squash(b.text) for b in _flatten(final)), "the edition must carry exactly its text"
    edition.old_to_new = _offset_map(blocks, final)
    return edition


# ----------------------------------------------------------------------- test plumbing
_BUILT: dict[str, Edition] = {}
_WORKDIR: list[Path] = []


def workdir() -> Path:
    """One scratch folder per test session (editions, libraries), removed at exit."""
    if not _WORKDIR:
        import atexit
        import shutil
        import tempfile

        folder = Path(tempfile.mkdtemp(prefix="heldout-"))
        atexit.register(shutil.rmtree, folder, True)
        _WORKDIR.append(folder)
    return _WORKDIR[0]


def edition(pdf_path: Path, truth: dict, style: str, revised: bool = False) -> Edition:
    """The edition in ``style``, built once per session whichever test module asks first."""
    key = style + ("-revised" if revised else "")
    if key not in _BUILT:
        _BUILT[key] = build_edition(pdf_path, truth, workdir() / f"retypeset-{key}.pdf", style, revised)
    return _BUILT[key]


def run_cli(*argv: str) -> tuple[int, str, str]:
    """``python -m reader …`` in-process: exit code, stdout, stderr. Exceptions propagate (a traceback
    is a failure); argparse's SystemExit becomes its code."""
    import contextlib
    import io

    from reader.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(list(argv))
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 2
    return code, out.getvalue(), err.getvalue()


def cli_json(*argv: str):
    code, out, err = run_cli(*argv, "--json")
    assert code == 0, f"{' '.join(argv)} → exit {code}: {err.strip()}"
    return json.loads(out)


if __name__ == "__main__":  # python -m tests.acceptance.retypeset OUT.pdf [STYLE] [--revised]: look at an edition
    import sys

    corpus = Path(__file__).resolve().parents[3] / "shared" / "corpus"
    truth_data = json.loads((corpus / "policy-2024-12.truth.json").read_text(encoding="utf-8"))
    made = build_edition(corpus / "policy-2024-12.pdf", truth_data, Path(sys.argv[1]),
                         sys.argv[2] if len(sys.argv) > 2 else "b5", "--revised" in sys.argv)
    print(json.dumps({k: v for k, v in made.to_json().items() if k != "pages"}, ensure_ascii=False, indent=1))
