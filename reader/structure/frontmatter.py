"""Cover and contents pages, recognised by what they say.

A compilation opens with a cover (title, edition, issuer, date: a few short lines, not one
sentence) and a 目录 (lines ending in leaders and a page number). These are the only pages a
reader may leave out of default search or skip when looking for documents; a page holding a
law's title, its 目录 and its first articles, or a red-header notice, is text.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.structure.blocks import Paragraph

TOC_LINE = re.compile(r"(?:(?:[.·…⋯．。\-—_]\s*){3,}|\s{3,})\s*[\dIVXLCivxlc]{1,4}\s*$")
TOC_HEAD = re.compile(r"^(?:目录|目次|contents)$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[。；！？;!?]")
COVER_MAX_CHARS = 300  # a cover names a title, an edition, an issuer and a date; a page of text says more
COVER_MAX_LINE = 40
COVER_MAX_LINES = 8  # a list of chapters is short lines too, but many of them
# What only a page of text carries: a 文号 with its year in brackets (计机〔2025〕1号: a red-header
# notice's 版头) or a line ending in a colon (a 主送机关 "各系、室、中心：", "通知如下：").
_TEXT_MARK = re.compile(r"(?:[〔\[【(（]\s*(?:19|20)\d\d\s*[〕\]】)）]\s*\d{1,5}\s*号|[:：])$")


def _squash(text: str) -> str:
    return "".join(text.split())


def is_contents(lines: list[str]) -> bool:
    """A contents list: most lines end in leaders and a page number (the 目录 heading may top it)."""
    entries = [line for line in lines if not TOC_HEAD.match(_squash(line))]
    return len(entries) >= 2 and sum(bool(TOC_LINE.search(line)) for line in entries) >= 0.5 * len(entries)


def is_cover(lines: list[str]) -> bool:
    """A cover: a few short lines and not one sentence (nor a 目录 heading, a 文号 or a 主送机关 line:
    a scanned notice whose first page holds little else is text)."""
    squashed = [_squash(line) for line in lines]
    return (len(squashed) <= COVER_MAX_LINES and 0 < sum(map(len, squashed)) <= COVER_MAX_CHARS and all(len(line) <= COVER_MAX_LINE for line in squashed)
            and not any(_SENTENCE_END.search(line) or _TEXT_MARK.search(line) for line in squashed)
            and not any(TOC_HEAD.match(line) for line in squashed))


def front_matter(pages: list[list[str]]) -> set[int]:
    """Pages (given as their lines) that are a contents list anywhere, or a cover at the start of the
    file (a cover can only follow another cover or contents page)."""
    found: set[int] = set()
    leading = True
    for index, lines in enumerate(pages):
        lines = [line for line in lines if line.strip()]
        if not lines:
            continue
        if is_contents(lines):
            found.add(index)
        elif leading and is_cover(lines):
            found.add(index)
        else:
            leading = False
    return found


def _page_lines(paragraphs: list["Paragraph"]) -> dict[int, list[str]]:
    lines: dict[int, list[str]] = {}
    for p in paragraphs:
        for item in p.lines:
            lines.setdefault(item.line.page, []).append(item.line.text)
    return lines


def front_matter_end(paragraphs: list["Paragraph"], labels: list[str]) -> int:
    """First page that is neither a cover nor a contents list by its content
    (``front_matter``). Pages labelled in roman numerals before arabic ones are
    front matter too (a preface is no document)."""
    lines = _page_lines(paragraphs)
    first = 0
    roman = re.compile(r"^[ivxlcdm]+$", re.IGNORECASE)
    if labels and roman.match(labels[0]) and any(l.isdigit() for l in labels):
        first = next(i for i, l in enumerate(labels) if l.isdigit())
    last = max(lines) if lines else 0
    covers = front_matter([lines.get(page, []) for page in range(last + 1)])
    for page in sorted(lines):
        if page >= first and page not in covers:
            return page
    return first


def only_front_matter(paragraphs: list["Paragraph"], start_page: int) -> bool:
    """Every page before ``start_page`` is a cover or a contents list by its content, or has no text:
    in a file that holds one document (a report, a book) they are that document's own cover and 目录."""
    lines = _page_lines(paragraphs)
    covers = front_matter([lines.get(page, []) for page in range(start_page)])
    return all(page in covers or page not in lines for page in range(start_page))
