"""Clause trees: headings such as 第一章 / 第十条 / 一、 / （一） / 1. / （1） / 专栏 N.

A heading opens a paragraph; the same pattern inside a sentence (（一）适用…；（二）…) is not
a heading. Levels follow the usual order of Chinese official documents, and numbering must
continue (一 → 二, or start again at 一 under a new parent) — an analyst's sanity check that
also rejects list items that merely wrapped to the start of a line.
A 专栏 box is a child of the clause it sits in and ends where its box ends (its drawn frame,
its own type size, or the next heading), so it never swallows the text after it.
"""

from __future__ import annotations

from dataclasses import dataclass

from reader.structure.blocks import Paragraph
from reader.structure.headings import match_heading
from reader.structure.model import Clause
from reader.structure.textmap import Compilation

_CONTINUOUS = {"part", "chapter", "section", "article"}


@dataclass
class _Heading:
    kind: str
    rank: int
    number: int
    label: str
    heading: str
    paragraph: int


def _headings(paragraphs: list[Paragraph]) -> list[_Heading]:
    found: list[_Heading] = []
    stack: list[_Heading] = []
    last_number: dict[str, int] = {}
    for index, p in enumerate(paragraphs):
        hit = match_heading(p.text)
        if not hit:
            continue
        kind, rank, number, label, heading = hit
        if kind == "box":
            found.append(_Heading(kind, rank, number, label, heading, index))
            continue
        depth = len(stack)
        while depth and stack[depth - 1].rank > rank:
            depth -= 1
        sibling = stack[depth - 1] if depth and stack[depth - 1].rank == rank else None
        if kind in _CONTINUOUS:
            # 第N条 / 第N章 number on through the whole law, across chapters.
            last = last_number.get(kind, 0)
            if not (last < number <= last + 3):
                continue
            last_number[kind] = number
            if sibling is not None:
                depth -= 1
        elif sibling is not None and number == 1 and depth == 1:
            depth = 0  # numbering restarts at the top level: an attachment or a new part
        elif sibling is not None:
            if not (sibling.number < number <= sibling.number + 3):
                continue  # numbering does not continue: a list item or a quotation
            depth -= 1
        elif number != 1:
            continue  # a new level starts at 一 / 1
        item = _Heading(kind, rank, number, label, heading, index)
        del stack[depth:]
        stack.append(item)
        found.append(item)
    return found


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
                 frames: dict[int, list[tuple[float, float, float, float]]] | None = None) -> list[Clause]:
    """The clause tree of one document; ``paragraphs`` exclude its title."""
    if not paragraphs:
        return []
    frames = frames or {}
    headings = _headings(paragraphs)
    heading_at = {h.paragraph for h in headings}
    ends: dict[int, int] = {}
    for k, h in enumerate(headings):
        if h.kind == "box":
            ends[k] = _box_end(paragraphs, h.paragraph, len(paragraphs), heading_at, frames)
            continue
        stop = len(paragraphs)
        for later in headings[k + 1:]:
            if later.kind != "box" and later.rank <= h.rank:
                stop = later.paragraph
                break
        ends[k] = stop
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
