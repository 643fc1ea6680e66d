"""Paragraphs of clean text with the layout facts structure detection needs."""

from __future__ import annotations

from dataclasses import dataclass

from reader.structure.builder import PlacedLine
from reader.structure.paragraphs import Layout


@dataclass(slots=True)
class Paragraph:
    lines: list[PlacedLine]
    text: str
    start: int
    end: int
    page: int
    end_page: int
    size: float
    bold: float
    x0: float
    x1: float
    centred: bool
    right_aligned: bool
    indented: bool
    page_width: float
    body_size: float = 0.0  # body size of the page it starts on (a document bound into a compilation keeps its own)
    red: float | None = None  # share of characters in red ink; None when the source knows no colour

    @property
    def first(self):
        return self.lines[0].line


def build_paragraphs(text: str, placed: list[PlacedLine], layouts: list[Layout],
                     widths: list[float]) -> list[Paragraph]:
    groups: list[list[PlacedLine]] = []
    for item in placed:
        if item.paragraph_start or not groups:
            groups.append([item])
        else:
            groups[-1].append(item)
    out = []
    for group in groups:
        first = group[0].line
        layout = layouts[first.page]
        width = widths[first.page]
        chars = sum(len(g.line.chars) for g in group)
        size = max(g.line.size for g in group)
        bold = sum(g.line.bold * len(g.line.chars) for g in group) / max(1, chars)
        x0 = min(g.line.x0 for g in group)
        x1 = max(g.line.x1 for g in group)
        centre = (first.x0 + first.x1) / 2
        centred = first.x0 > layout.left + first.size * 0.8 and abs(centre - width / 2) < 2 * first.size
        right_aligned = (not centred and first.x0 > layout.left + 3 * first.size
                         and first.x1 >= layout.right - first.size)
        indented = first.x0 >= layout.left + 0.8 * first.size
        known = [(g.line.red, len(g.line.chars)) for g in group if g.line.red is not None]
        red = sum(r * n for r, n in known) / max(1, sum(n for _, n in known)) if known else None
        out.append(Paragraph(group, text[group[0].start:group[-1].end], group[0].start, group[-1].end,
                             first.page, group[-1].line.page, size, bold, x0, x1, centred,
                             right_aligned, indented, width, layout.body_size, red))
    return out
