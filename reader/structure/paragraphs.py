"""Which body lines start a paragraph, judged from the page's own geometry.

Thresholds come from the compilation itself (body left margin = most common line start,
full-line right edge = most common line end, body size = most common font size), never
from constants tuned on one PDF.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from reader.structure.headings import match_heading
from reader.structure.lines import Line
from reader.structure.numerals import NUMERAL_CHARS

# Sentence ends after which a numbered line may open a paragraph. "；" is left out on purpose:
# list items inside one sentence (（一）适用…；（二）…) end with it and must stay joined.
_TERMINAL = set("。：！？!?:）)」”")
_LEADERS = re.compile(r"[.·…⋯．•_\-]{4,}\s*\S{0,6}$")
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
    gap: float = 0.0  # usual space between two body lines of a paragraph (0: unknown)
    gaps: tuple[tuple[float, float], ...] = ()  # (font size, usual space) of the page's own runs of lines

    def gap_for(self, size: float) -> float:
        """The usual space between lines of this size on the page, else the layout's."""
        near = [gap for each, gap in self.gaps if abs(each - size) <= 0.6]
        return near[0] if near else self.gap


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
    """A layout per page: shared by all pages of the same width, refined when a page has enough lines
    of its own that disagree (a document inserted whole into a compilation keeps its own margins and
    body size, so it reads the same as on its own)."""
    by_width: dict[int, list[Line]] = {}
    for index, lines in enumerate(pages):
        by_width.setdefault(round(widths[index]), []).extend(
            l for l in lines if not l.furniture and abs(l.size - body_size) <= 1.0)
    shared: dict[int, Layout] = {}
    for width, body in by_width.items():
        left = _mode([(l.x0, len(l.chars)) for l in body], 0.0)
        right = _mode([(l.x1, len(l.chars)) for l in body if abs(l.x0 - left) < 2], float(width))
        shared[width] = Layout(left, right, body_size, _usual_gap(body))
    out = []
    for index, lines in enumerate(pages):
        layout = _own_layout(lines, shared[round(widths[index])])
        text = sorted((l for l in lines if not l.furniture and not _has_cells(l)), key=lambda l: l.y0)
        gaps = []
        for size in sorted({round(l.size, 1) for l in text}):
            same = [l for l in text if abs(l.size - size) <= 0.3]
            gap = _usual_gap(same, least=2)  # the page's own leading for this size, where it shows
            if gap:
                gaps.append((size, gap))
        out.append(replace(layout, gaps=tuple(gaps)) if gaps else layout)
    return out


_OWN_LINES = 8  # lines of one size a page needs before its own margins are trusted


def _own_layout(lines: list[Line], shared: Layout) -> Layout:
    """The page's own body geometry when it clearly differs from the shared one, else the shared one."""
    text = [l for l in lines if not l.furniture and len(l.chars) >= 10 and not _has_cells(l)]
    if len(text) < 3 or sum(1 for l in text if abs(l.size - shared.body_size) <= 1.0) >= 3:
        return shared  # too little of its own, or the shared body text is on the page (tables aside)
    size = _mode([(l.size, len(l.chars)) for l in text], shared.body_size)
    body = [l for l in text if abs(l.size - size) <= 1.0]
    if len(body) < 3:
        return shared
    exact = sorted((l.size for l in body), key=lambda v: abs(v - size))[0]
    if len(body) < _OWN_LINES:  # a short page set in another size: its size, the shared margins
        return shared if abs(exact - shared.body_size) <= 1.0 else replace(shared, body_size=exact)
    left = _mode([(l.x0, len(l.chars)) for l in body], shared.left)
    right = _mode([(l.x1, len(l.chars)) for l in body if abs(l.x0 - left) < 2], shared.right)
    if abs(size - shared.body_size) <= 0.6 and abs(left - shared.left) <= size and abs(right - shared.right) <= size:
        return shared
    return Layout(left, right, exact, _usual_gap(body))


def _has_cells(line: Line) -> bool:
    """A row of table cells: spread far wider than its characters need (a CJK character is about
    as wide as the type size; Latin ones are narrower, so this never mistakes running text)."""
    return (line.x1 - line.x0) > 1.3 * len(line.chars) * line.size + 2.5 * line.size


def _usual_gap(body: list[Line], least: int = 4) -> float:
    """Most common space between consecutive body lines on one page: the leading a blank line is
    measured against (some documents are set double-spaced)."""
    gaps: list[tuple[float, int]] = []
    for a, b in zip(body, body[1:]):
        if a.page == b.page and 0 <= b.y0 - a.y1 < 3 * a.size:
            gaps.append((b.y0 - a.y1, 1))
    return _mode(gaps, 0.0) if len(gaps) >= least else 0.0


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
    if prev.page == line.page and line.y0 - prev.y1 > max(0.9 * size, layout.gap_for(line.size) + 0.6 * size):
        return True  # a blank line
    if HEADING_START.match(line.text) and prev.text[-1:] in _TERMINAL:
        return True
    if prev.text[-1:] in "；;。" and _next_item(opening, line):
        return True
    return False

