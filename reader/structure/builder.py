"""Join body lines into clean text with a character → page/rectangle map.

Within a paragraph, lines join by the one rule of ``reader.textsource.join`` (nothing between
CJK characters, one space between Latin/digit words); paragraphs end with ``"\\n"``. A paragraph broken by a page break joins
the same way, with the running header and footer left out.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass

from reader.structure.lines import Line
from reader.structure.paragraphs import Layout, starts_paragraph
from reader.textsource.join import join_separator


@dataclass(slots=True)
class PlacedLine:
    """A body line and where its characters landed in the clean text."""

    line: Line
    start: int
    end: int
    paragraph_start: bool
    index: int = 0


@dataclass
class CleanText:
    text: str
    char_pages: array
    rects: array
    page_starts: list[int]
    lines: list[PlacedLine]


def build_clean_text(pages: list[list[Line]], layouts: list[Layout], widths: list[float]) -> CleanText:
    parts: list[str] = []
    char_pages = array("I")
    rects = array("f")
    page_starts: list[int] = []
    placed: list[PlacedLine] = []
    offset = 0
    prev: Line | None = None
    opening: Line | None = None  # first line of the current paragraph
    for page_index, lines in enumerate(pages):
        page_starts.append(offset)
        for line in lines:
            if line.furniture:
                continue
            new_paragraph = starts_paragraph(prev, line, layouts[page_index], widths[page_index], opening)
            if new_paragraph:
                opening = line
            if prev is not None:
                last = prev.rects[-1]
                sep = ""
                if new_paragraph:
                    sep = "\n"
                else:
                    sep = join_separator(prev.chars[-1], line.chars[0])
                if sep:
                    # A separator belongs to the page of the text before it.
                    for k in range(prev.page + 1, page_index + 1):
                        page_starts[k] = offset + 1
                    parts.append(sep)
                    char_pages.append(prev.page)
                    rects.extend((last[2], last[1], last[2], last[3]))
                    offset += 1
            start = offset
            parts.append(line.text)
            for rect in line.rects:
                rects.extend(rect)
            char_pages.extend([page_index] * len(line.chars))
            offset += len(line.chars)
            placed.append(PlacedLine(line, start, offset, new_paragraph, len(placed)))
            prev = line
    page_starts.append(offset)
    return CleanText("".join(parts), char_pages, rects, page_starts, placed)
