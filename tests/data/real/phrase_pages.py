"""Compute and check the pages a search phrase must find in a real PDF (the truth's search part).

The truth files (expected.json here and in compilations/) say which pages a search for a phrase must
return. That is a statement about the text a reader sees, so it is computed from the PDF's text layer
independently of the reader's own code: a page is expected when the phrase occurs in the page's text with
all whitespace removed and with page furniture removed — page-number lines ("— 3 —", "- 3 -", "第 3 页",
"第3页，共6页") and running headers/footers (the same margin line repeated on many pages). A phrase of type
cross_page spans a page break; either page counts. image_only phrases are visible only on the page image
and are not checked here.

Usage:
    python tests/data/real/phrase_pages.py check [EXPECTED_JSON [PDF_DIR ...]]   # verify expected_pages
    python tests/data/real/phrase_pages.py find PDF PHRASE                        # pages holding PHRASE
    python tests/data/real/phrase_pages.py suggest PDF [--seed N]                 # candidate phrases
"""

from __future__ import annotations

import json
import random
import re
import sys
from collections import Counter
from functools import lru_cache
from pathlib import Path

import pymupdf

HERE = Path(__file__).resolve().parent
SHARED_REAL = HERE.parents[2].parent / "shared" / "corpus" / "real"

MARGIN_SHARE = 0.12  # top/bottom share of the page height where running headers and footers live
_PAGE_NUMBER = re.compile(
    r"^[\s\-—–－―_·•]*(第\s*)?([0-9]+|[ivxlcdmIVXLCDM]+)(\s*页)?([，,]?\s*共\s*[0-9]+\s*页)?[\s\-—–－―_·•]*$"
)
_CJK = re.compile(r"[\u3400-\u9fff]")


def _squash(text: str) -> str:
    """Remove every whitespace character: Chinese text has no spaces, and line breaks are layout."""
    return re.sub(r"\s+", "", text)


def _margin_lines(page: pymupdf.Page) -> list[tuple[str, bool]]:
    """Lines of a page as (text, lies_in_top_or_bottom_margin)."""
    height = page.rect.height
    top, bottom = page.rect.y0 + height * MARGIN_SHARE, page.rect.y1 - height * MARGIN_SHARE
    lines: list[tuple[str, bool]] = []
    for block in page.get_text("dict")["blocks"]:
        for line in block.get("lines", []):
            text = "".join(span["text"] for span in line["spans"])
            if not text.strip():
                continue
            y0, y1 = line["bbox"][1], line["bbox"][3]
            lines.append((text, y1 <= top or y0 >= bottom))
    return lines


def _furniture_key(text: str) -> str:
    """A margin line with its digits blurred, so '第3页，共6页' and '第4页，共6页' count as one."""
    return re.sub(r"[0-9]+", "#", _squash(text))


def _is_furniture(text: str, in_margin: bool, repeated: set[str]) -> bool:
    """A page number or running header/footer line.

    A decorated page number ("- 4 -", "第4页") is furniture wherever the text layer puts it (some producers
    place the footer at the start of the page's text, or just inside the margin); a bare number only in the
    margin, since tables hold bare numbers too.
    """
    squashed = _squash(text)
    if _PAGE_NUMBER.match(text):
        decorated = squashed != re.sub(r"[^0-9A-Za-z]", "", squashed)
        return decorated or in_margin
    return in_margin and _furniture_key(text) in repeated


@lru_cache(maxsize=64)
def page_texts(pdf: str) -> tuple[str, ...]:
    """Each page's searchable text: whitespace, page numbers and running headers/footers removed."""
    doc = pymupdf.open(pdf)
    pages = [_margin_lines(page) for page in doc]
    counts: Counter[str] = Counter()
    for lines in pages:
        counts.update({_furniture_key(text) for text, margin in lines if margin})
    repeated = {key for key, n in counts.items() if n >= max(3, len(pages) // 3)}
    texts = []
    for lines in pages:
        kept = [text for text, margin in lines
                if not _is_furniture(text, margin, repeated)]
        texts.append(_squash("".join(kept)))
    return tuple(texts)


def find_pages(pdf: str, phrase: str, cross_page: bool = False) -> list[int]:
    """0-based pages whose text holds the phrase; with cross_page also both pages of a page-break span."""
    texts = page_texts(pdf)
    needle = _squash(phrase)
    hits = set()
    for i, text in enumerate(texts):
        if needle in text:
            hits.add(i)
        elif cross_page and i + 1 < len(texts):
            joined = text[-len(needle):] + texts[i + 1][: len(needle)]
            if needle in joined:
                hits.update({i, i + 1})
    return sorted(hits)


def find_pages_bound(pdf: str, members: list[tuple[str, int]], phrase: str, cross_page: bool = False) -> list[int]:
    """Pages of a compilation holding the phrase, found member by member.

    Each member keeps its own running headers, which repeat only within the member, so furniture is judged per
    member (shifted by its first page); pages before the first member (cover, 目录) are read from the compilation.
    """
    front = min(first for _, first in members)
    hits = {p for p in find_pages(pdf, phrase, cross_page) if p < front}
    for member, first in members:
        hits.update(first + p for p in find_pages(member, phrase, cross_page))
    return sorted(hits)


def _resolve(name: str, pdf_dirs: list[Path]) -> Path | None:
    return next((d / name for d in pdf_dirs if (d / name).exists()), None)


def check(expected_json: Path, pdf_dirs: list[Path]) -> int:
    """Compare every text phrase's expected_pages with the text layer; print mismatches; return their count."""
    truth = json.loads(expected_json.read_text(encoding="utf-8"))
    bad = 0
    for name, entry in truth["pdfs"].items():
        pdf = _resolve(name, pdf_dirs)
        members = [(str(_resolve(m["file"], pdf_dirs)), m["first_page"]) for m in entry.get("members", [])]
        if pdf is None or any(m == "None" for m, _ in members):
            print(f"MISSING {name} or one of its members")
            bad += 1
            continue
        for item in entry.get("search", []):
            if item.get("type") == "image_only":
                continue
            cross = item["type"] == "cross_page"
            got = (find_pages_bound(str(pdf), members, item["query"], cross) if members
                   else find_pages(str(pdf), item["query"], cross))
            if got != item["expected_pages"]:
                bad += 1
                print(f"{name}: {item['query']!r} ({item['type']}) expected {item['expected_pages']} text layer {got}")
    print(f"{expected_json.name}: {bad} mismatch(es)")
    return bad


def suggest(pdf: str, seed: int = 1) -> None:
    """Print candidate inline, line_wrap and cross_page phrases taken from the raw text lines."""
    rng = random.Random(seed)
    doc = pymupdf.open(pdf)
    for i, page in enumerate(doc):
        lines = [t for t, margin in _margin_lines(page) if not margin and len(_CJK.findall(t)) >= 6]
        if len(lines) < 3:
            continue
        a = rng.randrange(len(lines) - 1)
        line = _squash(lines[a])
        start = rng.randrange(max(1, len(line) - 6))
        inline = line[start:start + 6]
        tail, head = _squash(lines[a])[-3:], _squash(lines[a + 1])[:3]
        print(f"p{i} inline {inline!r} -> {find_pages(pdf, inline)}; "
              f"line_wrap {tail + head!r} {[tail, head]} -> {find_pages(pdf, tail + head)}")
        if i + 1 < doc.page_count:
            nxt = page_texts(pdf)[i + 1]
            cross = page_texts(pdf)[i][-4:] + nxt[:4]
            print(f"     cross_page {cross!r} -> {find_pages(pdf, cross, True)}")


def main(argv: list[str]) -> int:
    if not argv or argv[0] == "check":
        expected = Path(argv[1]) if len(argv) > 1 else HERE / "expected.json"
        dirs = [Path(a) for a in argv[2:]] or [expected.parent, HERE, SHARED_REAL]
        return 1 if check(expected, dirs) else 0
    if argv[0] == "find":
        print(find_pages(argv[1], argv[2]))
        return 0
    if argv[0] == "suggest":
        suggest(argv[1], int(argv[3]) if len(argv) > 3 else 1)
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
