"""A title's lines: a title set on several lines is one title, and a 题注 under it is not part of it.

Official documents centre a long title over two or three lines (GB/T 9704: 发文机关 + 事由 + 文种, so
the last line may be the 文种 alone, often spaced out: "通　知"). Typeset, the lines share a size and
often one paragraph; read from a scan, they are joined by geometry — centred right below one another
in about the same estimated size, or in the same bold face.
"""

from __future__ import annotations

import re

from reader.structure.blocks import Paragraph
from reader.structure.gbt9704 import GENRE, REVISION_NOTE, is_doc_number, is_law_note, note_text
from reader.structure.headings import match_heading

# What stands between a title on a cover and the same title over the body: the document's own 目录
# (目次) and 前言 (序言), as standards and books print them.
OWN_FRONT = re.compile(r"^(?:目录|目次|前言|序言|引言)$")


def _squash(text: str) -> str:
    return "".join(text.split())


def title_text(paragraphs: list[Paragraph], index: int) -> tuple[str, int]:
    """The title at ``paragraphs[index]`` with the centred lines set in its size right below it on its
    page (a long title wraps: "关于印发《…教学督导" over "工作实施细则》的通知"), and its last paragraph."""
    title = paragraphs[index]
    text, last = _squash(title.text), index
    for k in range(index + 1, min(index + 3, len(paragraphs))):
        p = paragraphs[k]
        if p.page != title.page or abs(p.size - title.size) >= 0.5 or not p.centred \
                or p.first.y0 - paragraphs[k - 1].lines[-1].line.y1 > 2.5 * title.size:
            break
        text, last = text + _squash(p.text), k
    return text, last


def without_note(p: Paragraph) -> str:
    """A title paragraph's text without a 题注 line joined under it ("（2018 版修订）")."""
    text = p.text.replace("\n", "")
    if len(p.lines) > 1:
        last = p.lines[-1]
        note = _squash(last.line.text)
        if REVISION_NOTE.match(note) or is_law_note(note):
            return p.text[:last.start - p.start].replace("\n", "").rstrip() or text
    return text


def title_rest(paragraphs: list[Paragraph], index: int, body_size: float) -> str:
    """The rest of a title set with wide leading, which left its later lines paragraphs of their own
    ("关于印发《…》" over "的通知"): centred right below, no wider, no full stop, in the title's size
    (or bold like a body-sized title); a line that is only the 文种 ("通　知") ends it in any size,
    since a scan's size estimate of a short spaced-out line is loose. A 题注 is not part of it."""
    title = paragraphs[index]
    rest, prev = "", title
    for nxt in paragraphs[index + 1:index + 4]:
        text = nxt.text.strip()
        squashed = _squash(text)
        below = nxt.page == title.page and nxt.first.y0 - prev.lines[-1].line.y1 < 2.5 * title.size
        genre = bool(GENRE.match(squashed)) and nxt.centred
        same_face = abs(nxt.size - title.size) < 0.5 and (
            nxt.size >= body_size + 0.9 or (title.bold >= 0.6 and nxt.bold >= 0.6))
        # GB/T 9704 7.3.1 sets a long title as a trapezoid or a diamond: a later line set larger than the
        # body may be wider than the first; a body-sized one (told only by its bold face) must be no wider.
        wider = nxt.x1 - nxt.x0 > title.x1 - title.x0 + title.size
        if not (below and (genre or (same_face and nxt.centred and not (wider and nxt.size < body_size + 0.9)
                                     and len(squashed) <= 40))):
            break
        if (text.endswith(("。", "；", "：", ":")) or match_heading(text) is not None or is_doc_number(nxt)
                or REVISION_NOTE.match(squashed) or is_law_note(squashed)):
            break
        if len(squashed) > 20 and not (title.bold >= 0.6 and nxt.bold >= 0.6):
            break  # a long second line in the title's size: a subtitle or text, unless bold like it
        rest += text
        prev = nxt
        if genre:
            break
    return rest


def title_again(paragraphs: list[Paragraph], before: int, index: int) -> bool:
    """``paragraphs[index]`` prints the title at ``before`` again over the body, after the
    document's own 目录 or 前言 (a standard, a book): one document, which starts at the cover."""
    if _squash(paragraphs[index].text) != _squash(paragraphs[before].text):
        return False
    return any(OWN_FRONT.match(_squash(p.text)) for p in paragraphs[before + 1:index])


def same_title_page(paragraphs: list[Paragraph], before: int, index: int) -> bool:
    """``paragraphs[index]`` repeats the title at ``before`` with no text of substance between: a
    book's cover, its inner title page and its first page each print the same title."""
    title, first = _squash(paragraphs[index].text), paragraphs[before]
    seen, end = "", before
    while end < index and paragraphs[end].page == first.page and title.startswith(seen + _squash(paragraphs[end].text)):
        seen += _squash(paragraphs[end].text)  # the cover may set the title over several lines
        end += 1
    if seen != title:
        return False
    between = paragraphs[end:index]
    return all(len(_squash(p.text)) < 30 or is_law_note(note_text(paragraphs, end + k))
               for k, p in enumerate(between))


def own_title_below(paragraphs: list[Paragraph], index: int, headline: str) -> str | None:
    """A reprint's headline names the document in 《》 ("…《关于办理…的意见》的通知（全文）") and the
    document's own title follows right below it, after at most its issuers and date: that is its title."""
    names = re.findall(r"《([^《》]{6,60})》", _squash(headline))
    if len(names) != 1:
        return None
    for p in paragraphs[index + 1:index + 3]:
        for item in p.lines:
            line = _squash(item.line.text)
            if line == names[0]:
                return item.line.text.strip()
            if line.endswith(("。", "：", ":", "；")):
                return None  # the body (or a 主送机关) begins: the name quoted is another document's
    return None
