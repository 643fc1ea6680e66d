"""Clause trees: headings such as 第一编 / 第一章 / 第十条 / 一、 / （一） / 1. / （1） / 专栏 N.

A heading opens a paragraph; the same pattern inside a sentence (（一）适用…；（二）…) is not
a heading. Levels follow the usual order of Chinese official documents, and numbering must
continue — an analyst's sanity check that also rejects list items that merely wrapped to the start
of a line. Numbering continues from the sibling before (一 → 二), starts again at 一 under a new
parent, or carries on across parents (（十二） under 五、 after （十一） under 四、; articles number
through a whole law); a document may also start anywhere (an excerpt whose first item is （三）)
when the next number confirms it. What only looks like a heading is left out: the entries of a
目录 (the same chapters listed before the real ones), the rows of a ruled table, a number without a
dot unless its siblings number the same way. The 附件说明, the signature and date block and the
版记 (抄送, 印发) after the last heading close the text, so the last clause ends before them.
A 专栏 box is a child of the clause it sits in and ends where its box ends (its drawn frame,
its own type size, or the next heading), so it never swallows the text after it.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from reader.structure.blocks import Paragraph
from reader.structure.headings import LOOSE_KIND, TOC_ENTRY, match_heading
from reader.structure.model import Clause
from reader.structure.tables import in_table
from reader.structure.textmap import Compilation

__all__ = ["find_clauses", "match_heading"]

_STRUCTURAL = {"part", "subpart", "chapter", "section"}
_CONTENTS_HEAD = {"目录", "目次"}
_PAGE_NUMBER = re.compile(r"[\s.·…．•_\d]+$")
# A row of a statistics table set without ruling lines: its label, then three or more number cells.
_NUMBER_CELLS = re.compile(r"(?:\s+[-—]?[\d.,，%]+){3,}\s*$")
_LOOKAHEAD = 40  # headings searched for the number that confirms a start anywhere
_DATE = r"(?:[\d〇零○一二三四五六七八九]{4})\s*年\s*[\d一二三四五六七八九十]{1,2}\s*月\s*[\d一二三四五六七八九十]{1,3}\s*日"
_DATE_LINE = re.compile(rf"{_DATE}$")
_RECORD = re.compile(rf"^(?:抄送|抄报|分送)[：:]|{_DATE}\s*印发$")
# 附件说明 ("附件：1. …") after the 正文, or the "附件2" line heading an attachment's first page.
_ATTACHMENT = re.compile(r"^附件\s*[\d一二三四五六七八九十]{0,3}\s*(?:[：:].*)?$")


@dataclass
class _Heading:
    kind: str
    rank: int
    number: int
    label: str
    heading: str
    paragraph: int
    series: str = ""  # kind, and whether the label has no dot: only the same series number on together

    @property
    def key(self) -> str:
        """What a 目录 entry and the heading it lists have in common (a page number after the entry
        left out)."""
        return self.label + _PAGE_NUMBER.sub("", self.heading)[:8]


def _squash(text: str) -> str:
    return "".join(text.split())


def _candidates(paragraphs: list[Paragraph], tables: dict) -> list[_Heading]:
    """Paragraphs that open with a clause label; table cells (in a ruled grid, or a label followed by
    number cells) and contents lines left out."""
    found: list[_Heading] = []
    for index, p in enumerate(paragraphs):
        first = p.first
        if TOC_ENTRY.search(first.text) or _NUMBER_CELLS.search(first.text):
            continue  # a contents line (leaders and a page number) or a table row of numbers
        hit = _as_heading(p.text, index)
        if hit is None or in_table(first.page, first.x0 + min(first.size, first.x1 - first.x0) / 2,
                                   (first.y0 + first.y1) / 2, tables):
            continue
        found.append(hit)
    return found


def _as_heading(text: str, index: int) -> _Heading | None:
    hit = match_heading(text, loose=True)
    if not hit:
        return None
    kind, rank, number, label, heading = hit
    loose = kind == LOOSE_KIND and label.isdigit()
    return _Heading(kind, rank, number, label, heading, index, kind + ("~" if loose else ""))


def _body_text(p: Paragraph) -> bool:
    """A paragraph of running text, not an entry of a contents list."""
    text = _squash(p.text)
    return len(text) > 40 or text[-1:] in "。；;"


def _contents(paragraphs: list[Paragraph], hits: list[_Heading]) -> set[int]:
    """Paragraph indices that are entries of a 目录: headed 目录/目次, the entries run until the first
    entry comes again (the real text starts) or running text starts; without a head, a run of three
    or more chapter-level headings with nothing between them whose first comes again later."""
    at = {h.paragraph: h for h in hits}
    out: set[int] = set()
    for index, p in enumerate(paragraphs):
        if _squash(p.text) not in _CONTENTS_HEAD:
            continue
        first_key = None
        entries: list[_Heading] = []
        for j in range(index + 1, len(paragraphs)):
            hit = at.get(j)
            if hit is not None and hit.kind == "article":
                # Running into the first article: the 编/章 right above it that open one another
                # (第一编 → 第一章 → 第一条) are the real headings, not the last entries.
                rank, below = hit.rank, j
                while entries and entries[-1].paragraph == below - 1 and entries[-1].rank < rank \
                        and entries[-1].paragraph in at:
                    heading = entries.pop()
                    rank, below = heading.rank, heading.paragraph
                    out.discard(heading.paragraph)
                break
            text = paragraphs[j].text
            listed = TOC_ENTRY.search(text)
            if hit is None and listed:
                hit = _as_heading(text[:listed.start()].rstrip(" .·…．•_"), j)
            if hit is not None:
                if hit.key == first_key:
                    break
                first_key = first_key or hit.key
                entries.append(hit)
            elif _body_text(paragraphs[j]):
                break
            out.add(j)
    run: list[_Heading] = []
    for h in hits + [None]:  # type: ignore[list-item]
        entry = h is not None and h.kind in _STRUCTURAL and h.paragraph not in out
        if entry and (not run or run[-1].paragraph == h.paragraph - 1):
            run.append(h)
            continue
        if len(run) >= 3:
            later = [x for x in hits if x.paragraph > run[0].paragraph and x.key == run[0].key]
            if later:
                out.update(x.paragraph for x in run if x.paragraph < later[0].paragraph)
        run = [h] if entry else []
    return out


def _confirmed(hits: list[_Heading], pos: int) -> bool:
    """A number that does not start at 1 opens a series only when the next number follows it (or,
    for 编/章/节, when its first subdivision follows right under it)."""
    h = hits[pos]
    after = hits[pos + 1] if pos + 1 < len(hits) else None
    if h.kind in _STRUCTURAL and after is not None and after.paragraph == h.paragraph + 1 \
            and after.rank > h.rank and not after.series.endswith("~"):
        return True  # 第四编 right above its first 章 or 条: a heading with its content under it
    for later in hits[pos + 1:pos + 1 + _LOOKAHEAD]:
        if later.series == h.series:
            return later.number == h.number + 1
    return False


def _headings(paragraphs: list[Paragraph], tables: dict | None = None) -> list[_Heading]:
    hits = _candidates(paragraphs, tables or {})
    contents = _contents(paragraphs, hits)
    hits = [h for h in hits if h.paragraph not in contents]
    found: list[_Heading] = []
    stack: list[_Heading] = []
    last_number: dict[str, int] = {}
    for pos, item in enumerate(hits):
        if item.kind == "box":
            found.append(item)
            continue
        number = item.number
        depth = len(stack)
        while depth and stack[depth - 1].rank > item.rank:
            depth -= 1
        sibling = stack[depth - 1] if depth and stack[depth - 1].rank == item.rank else None
        if sibling is not None and sibling.series != item.series:
            continue  # "2 …" after "1." (or the reverse) is not the next item
        last = last_number.get(item.series)
        if item.kind == "article":
            # 第N条 number on through the whole law, across chapters; a law may be cut anywhere. An
            # article an amendment inserted (第N条之一, 之二) keeps the number of the one before it.
            inserted = "之" in item.label and last == number
            if not (inserted or (last < number <= last + 3 if last is not None
                                 else _confirmed(hits, pos) or number == 1)):
                continue
            if sibling is not None:
                depth -= 1
        elif sibling is not None and sibling.number < number <= sibling.number + 3:
            depth -= 1
        elif sibling is not None and number == 1 and depth == 1:
            depth = 0  # numbering restarts at the top level: an attachment or a new part
        elif sibling is not None:
            continue  # numbering does not continue: a list item or a quotation
        elif not (number == 1 or (last is not None and number == last + 1)
                  or (last is None and _confirmed(hits, pos))):
            continue  # a new level starts at 一 / 1, carries on its numbering, or is confirmed
        if item.series.endswith("~") and not (sibling is not None or _confirmed(hits, pos)):
            continue  # a number without a dot heads a section only when its siblings number on
        last_number[item.series] = number
        del stack[depth:]
        stack.append(item)
        found.append(item)
    return found


def _closings(paragraphs: list[Paragraph]) -> list[int]:
    """Where the closing blocks start: the 附件说明 or an attachment's "附件N" line, the signature and
    date (署名 + 成文日期: short lines ending in a date, with the issuer lines right above) and the
    版记 (抄送…, …印发)."""
    starts: list[int] = []
    for index, p in enumerate(paragraphs):
        text = _squash(p.text)
        if (_RECORD.search(text) and len(text) <= 120) or (_ATTACHMENT.match(text) and len(text) <= 80):
            starts.append(index)
            continue
        if len(text) > 40 or not _DATE_LINE.search(text) or match_heading(p.text):
            continue
        first = index
        while first > 0:
            above = paragraphs[first - 1]
            squashed = _squash(above.text)
            if len(squashed) > 30 or squashed[-1:] in "。；;：:，," or match_heading(above.text) \
                    or not (above.right_aligned or above.x0 > 0.45 * above.page_width):
                break
            first -= 1
        starts.append(first)
    return starts


def _box_end(paragraphs: list[Paragraph], start: int, stop: int, heading_at: set[int],
             frames: dict[int, list[tuple[float, float, float, float]]]) -> int:
    """Index of the first paragraph after the 专栏 at ``start`` that is no longer in the box."""
    head = paragraphs[start]
    frame = None
    for rect in frames.get(head.page, ()):
        if rect[0] - 2 <= head.x0 and head.x1 <= rect[2] + 2 and rect[1] - 2 <= head.first.y0 <= rect[3]:
            frame = rect
    first_size = paragraphs[start + 1].size if start + 1 < stop else head.size
    index = start + 1
    while index < stop and index not in heading_at:
        p = paragraphs[index]
        if frame is not None:
            if p.page != head.page and p.page != head.page + 1:
                break
            line = p.first
            if p.page == head.page and not (frame[1] - 2 <= line.y0 <= frame[3] + 2):
                break
            if p.page != head.page:
                next_frames = frames.get(p.page, ())
                if not any(r[1] - 2 <= line.y0 <= r[3] + 2 and r[0] - 2 <= line.x0 for r in next_frames):
                    break
        elif abs(p.size - first_size) > 0.6:
            break
        index += 1
    return index


def find_clauses(comp: Compilation, paragraphs: list[Paragraph], doc_end: int,
                 frames: dict[int, list[tuple[float, float, float, float]]] | None = None,
                 tables: dict[int, list[tuple[float, float, float, float]]] | None = None) -> list[Clause]:
    """The clause tree of one document; ``paragraphs`` exclude its title. ``frames`` are the drawn
    boxes of 专栏, ``tables`` the ruled tables per page (see :mod:`reader.structure.tables`)."""
    if not paragraphs:
        return []
    frames = frames or {}
    headings = _headings(paragraphs, tables)
    heading_at = {h.paragraph for h in headings}
    # Closing blocks after the last heading end the clauses still open there. One between two
    # headings (an attachment whose numbering starts again) is left inside the clause before it,
    # so that siblings keep tiling their parent.
    last_heading = max((h.paragraph for h in headings if h.kind != "box"), default=len(paragraphs))
    closings = [c for c in _closings(paragraphs) if c > last_heading]
    ends: dict[int, int] = {}
    for k, h in enumerate(headings):
        if h.kind == "box":
            ends[k] = _box_end(paragraphs, h.paragraph, len(paragraphs), heading_at, frames)
            continue
        stop = next((later.paragraph for later in itertools.islice(headings, k + 1, None)
                     if later.kind != "box" and later.rank <= h.rank), len(paragraphs))
        closing = next((c for c in closings if c > h.paragraph), stop)
        ends[k] = min(stop, closing)
    roots: list[Clause] = []
    open_: list[tuple[Clause, int]] = []  # (clause, end paragraph index)
    for k, h in enumerate(headings):
        start_offset = paragraphs[h.paragraph].start
        end_index = ends[k]
        end_offset = paragraphs[end_index].start if end_index < len(paragraphs) else doc_end
        text = comp.text[start_offset:end_offset].rstrip("\n")
        end_offset = start_offset + len(text)
        clause = Clause(h.label, h.heading, h.kind, paragraphs[h.paragraph].page,
                        comp.page_of_offset(max(start_offset, end_offset - 1)),
                        start_offset, end_offset, text)
        while open_ and open_[-1][1] <= h.paragraph:
            open_.pop()
        (open_[-1][0].children if open_ else roots).append(clause)
        open_.append((clause, end_index))
    return roots
