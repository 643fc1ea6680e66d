"""Which body lines start a paragraph, judged from the page's own geometry.

Thresholds come from the compilation itself (body left margin = most common line start,
full-line right edge = most common line end, body size = most common font size), never
from constants tuned on one PDF.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from reader.structure.headings import match_heading
from reader.structure.lines import Line
from reader.structure.numerals import NUMERAL_CHARS

# Sentence ends after which a numbered line may open a paragraph. "；" is left out on purpose:
# list items inside one sentence (（一）适用…；（二）…) end with it and must stay joined.
_TERMINAL = set("。：！？!?:）)」”")
_LEADERS = re.compile(r"[.·…．•_\-]{4,}\s*\S{0,6}$")
HEADING_START = re.compile(
    rf"^(?:[{NUMERAL_CHARS}]+、|[（(][{NUMERAL_CHARS}]+[）)]|\d{{1,2}}[.．、](?!\d)|[（(]\d{{1,2}}[）)]"
    rf"|第[{NUMERAL_CHARS}\d]+(?:[章节条编]|分编)|专栏\s*\d+)"
)


@dataclass(frozen=True)
class Layout:
    """Typical geometry of the body text on pages of one width."""

    left: float
    right: float
    body_size: float


def _mode(values: list[tuple[float, int]], default: float) -> float:
    """Most common value, each weighted by its line's length (long body lines outvote centred ones)."""
    if not values:
        return default
    counts: Counter = Counter()
    for value, weight in values:
        counts[round(value)] += weight
    return float(counts.most_common(1)[0][0])


def body_size_of(pages: list[list[Line]]) -> float:
    sizes = Counter(round(l.size * 2) / 2 for lines in pages for l in lines if not l.furniture
                    for _ in range(max(1, len(l.chars) // 8)))
    return sizes.most_common(1)[0][0] if sizes else 10.0


def layouts(pages: list[list[Line]], widths: list[float], body_size: float) -> list[Layout]:
    """A layout per page: shared by all pages of the same width, refined when a page has enough lines."""
    by_width: dict[int, list[Line]] = {}
    for index, lines in enumerate(pages):
        by_width.setdefault(round(widths[index]), []).extend(
            l for l in lines if not l.furniture and abs(l.size - body_size) <= 1.0)
    shared: dict[int, Layout] = {}
    for width, body in by_width.items():
        left = _mode([(l.x0, len(l.chars)) for l in body], 0.0)
        right = _mode([(l.x1, len(l.chars)) for l in body if abs(l.x0 - left) < 2], float(width))
        shared[width] = Layout(left, right, body_size)
    return [shared[round(widths[i])] for i in range(len(pages))]


def _is_centred(line: Line, layout: Layout, width: float) -> bool:
    page_centre = width / 2
    return (line.x0 > layout.left + line.size and abs(line.center_x - page_centre) < 2 * line.size)


def _next_item(opening: Line | None, line: Line) -> bool:
    """``line`` opens the item numbered right after the one that opened the current paragraph
    at a line start ((一)…； then (二)…): a list of items, not a list inside one sentence."""
    if opening is None:
        return False
    this, before = match_heading(line.text), match_heading(opening.text)
    return bool(this and before and this[0] == before[0] and this[2] == before[2] + 1)


def _cut_mid_sentence(prev: Line, line: Line, layout: Layout) -> bool:
    """A line that stops a little short on a character inside a word (no closing punctuation), with a
    plain line after it, was cut by the typesetter, not ended: Chinese paragraphs end on punctuation,
    and headings or titles without it stop far shorter. Without this, a heading such as 第一条 would
    end at the first line break and change with the layout."""
    last = prev.text.rstrip()[-1:]
    return (bool(last) and (last.isalnum() or "\u4e00" <= last <= "\u9fff")
            and prev.x1 > layout.right - 6 * prev.size and not HEADING_START.match(line.text))


def starts_paragraph(prev: Line | None, line: Line, layout: Layout, width: float,
                     opening: Line | None = None) -> bool:
    """Whether ``line`` opens a new paragraph after ``prev`` (the previous body line, maybe on the
    page before); ``opening`` is the first line of the paragraph ``prev`` belongs to."""
    if prev is None:
        return True
    size = line.size or layout.body_size
    if _LEADERS.search(prev.text) or _LEADERS.search(line.text):
        return True
    if abs(line.size - prev.size) > 0.6:
        return True
    prev_bold, line_bold = prev.bold >= 0.6, line.bold >= 0.6
    centred = _is_centred(line, layout, width)
    same_look = prev_bold == line_bold and prev.page == line.page and line.y0 - prev.y1 < line.size
    if same_look and line.size > layout.body_size + 0.5 and abs(line.center_x - width / 2) < 2 * line.size \
            and abs(prev.center_x - width / 2) < 2 * line.size:
        return False  # a wrapped title (either line may run the full width)
    labelled = HEADING_START.match(line.text) is not None  # 二、 then （一） centred: two headings
    if same_look and centred and _is_centred(prev, layout, width) and line_bold and not labelled:
        return False  # a wrapped centred bold heading
    if same_look and centred and line_bold and not labelled and abs(prev.center_x - width / 2) < 2 * size \
            and prev.x1 - prev.x0 >= 0.75 * (layout.right - layout.left) and line.x1 - line.x0 < prev.x1 - prev.x0:
        return False  # a bold title in the body size wrapped: a wide centred first line, a shorter centred rest
    if prev_bold != line_bold and (prev.bold >= 0.9 or line.bold >= 0.9):
        return True
    if line.x0 >= layout.left + 0.8 * size:
        return True  # indented, centred or right-aligned
    if prev.x0 > layout.left + 3.5 * prev.size:
        return True  # after a centred or right-aligned line (signature, date), text restarts at the margin
    if prev.x1 < layout.right - 2.5 * prev.size and not _cut_mid_sentence(prev, line, layout):
        return True  # the previous line stopped short
    if prev.page == line.page and line.y0 - prev.y1 > 0.9 * size:
        return True  # a blank line
    if HEADING_START.match(line.text) and prev.text[-1:] in _TERMINAL:
        return True
    if prev.text[-1:] in "；;。" and _next_item(opening, line):
        return True
    return False

