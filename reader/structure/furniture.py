"""Running headers, footers and page numbers, found by repetition and position.

A line is furniture when it sits in the top or bottom band of its page, nothing but other
furniture lies between it and the page edge, and either its text (digits folded to ``#``)
recurs at about the same height on several pages, or it is a bare page number, or it is small
print standing where such running lines stand on many pages. Nothing
here knows any particular compilation's header strings; odd/even headers work because each
variant recurs on its own.
"""

from __future__ import annotations

import re
from collections import defaultdict

from reader.structure.lines import Line

BAND = 0.13  # share of the page height searched for furniture at the top and the bottom
_MAX_PER_EDGE = 3  # furniture lines stacked at one edge (header + rule text + subtitle)

_PAGE_NUMBER = re.compile(
    r"^[\s\-—–－―~·•.*]*"
    r"(?:第\s*)?(?:\d{1,4}|[IVXLCDMivxlcdm]{1,7})(?:\s*页)?(?:\s*[/／]\s*(?:共\s*)?\d{1,4}\s*页?)?"
    r"[\s\-—–－―~·•.*]*$"
)
_DIGITS = re.compile(r"\d+")


def normalise(text: str) -> str:
    """Text key under which running lines repeat: no whitespace or stray punctuation, numbers folded."""
    key = _DIGITS.sub("#", "".join(text.split()))
    return "".join(ch for ch in key if ch.isalnum() or ch in "#—-–") or key


def is_page_number(text: str) -> bool:
    stripped = text.strip()
    if not stripped or len(stripped) > 16:
        return False
    return bool(_PAGE_NUMBER.match(stripped))


def _candidates(lines: list[Line], height: float) -> tuple[list[Line], list[Line]]:
    """Lines at the top and at the bottom edge of a page, outermost first."""
    ordered = sorted((l for l in lines if not l.furniture), key=lambda l: l.y0)  # margin glyphs already out
    top = [l for l in ordered[:_MAX_PER_EDGE] if l.y1 <= height * BAND]
    bottom = [l for l in reversed(ordered[-_MAX_PER_EDGE:]) if l.y0 >= height * (1 - BAND)]
    return top, bottom


def mark_furniture(pages: list[list[Line]], heights: list[float], body_size: float) -> int:
    """Set ``line.furniture`` on running headers/footers/page numbers; return how many.

    Text repeated at an edge on a quarter of the pages is furniture; text repeated on only a
    few pages (a per-document running title) must also be set smaller than the body, so a
    heading such as 附件 that happens to open several pages is not mistaken for a header.
    """
    occurrences: dict[tuple[str, str], set[int]] = defaultdict(set)
    edges: list[tuple[list[Line], list[Line]]] = []
    for index, lines in enumerate(pages):
        top, bottom = _candidates(lines, heights[index])
        edges.append((top, bottom))
        for edge, group in (("top", top), ("bottom", bottom)):
            for line in group:
                key = normalise(line.text)
                occurrences[(edge, key)].add(index)
    # Documents inserted whole keep their own page size: a running line is counted among the pages
    # of its own size (a short book bound into an A4 compilation has headers on all of its pages).
    size_of = [round(height) for height in heights]
    per_size: dict[int, int] = defaultdict(int)
    for index, lines in enumerate(pages):
        if lines:
            per_size[size_of[index]] += 1
    text_pages = sum(per_size.values())
    common = max(2, round(0.25 * text_pages))
    count = 0
    for index, (top, bottom) in enumerate(edges):
        for edge, group in (("top", top), ("bottom", bottom)):
            for line in group:  # outermost first: stop at the first body line
                where = occurrences[(edge, normalise(line.text))]
                small = line.size < body_size * 0.95
                own = per_size[size_of[index]]
                near = max(2, round(0.25 * own))
                same_size = sum(1 for page in where if size_of[page] == size_of[index])
                apart = _set_apart(line, pages[index])
                repeated = (len(where) >= common or (len(where) >= 2 and small) or (own < text_pages and same_size >= near)
                            or (len(where) >= 3 and _one_short_run(where, 2 * len(where) + 1) and apart))  # one document's
                if repeated and not small and _one_short_run(where, own if own < text_pages else text_pages) and not apart:
                    repeated = False  # a table's title or header row repeated over the pages it spans
                if repeated and _same_height(line, pages, where):
                    line.furniture = True
                elif is_page_number(line.text):
                    line.furniture = True
                else:
                    break
                count += 1
    return count + _mark_in_running_slots(edges, common, body_size)


def _mark_in_running_slots(edges: list[tuple[list[Line], list[Line]]], common: int, body_size: float) -> int:
    """Small print in the place where running lines stand on many pages is one too, even when its
    text is seen once: a header that names the current document shows a one-page document's title
    only on that page. Outermost first, as above: the first line that does not fit ends the edge."""
    slots: dict[str, list[float]] = {"top": [], "bottom": []}
    for top, bottom in edges:
        for edge, group in (("top", top), ("bottom", bottom)):
            slots[edge].extend({round(l.y0) for l in group if l.furniture})
    count = 0
    for top, bottom in edges:
        for edge, group in (("top", top), ("bottom", bottom)):
            for line in group:
                if line.furniture:
                    continue
                tolerance = max(3.0, line.height)
                pages_here = sum(1 for y in slots[edge] if abs(y - line.y0) <= tolerance)
                if line.size < body_size * 0.95 and pages_here >= common:
                    line.furniture = True
                    count += 1
                else:
                    break
    return count


def _set_apart(line: Line, lines: list[Line]) -> bool:
    """Nothing within one and a half line heights below (or above, at the foot) ``line``: a running line stands
    apart from the text, while a repeated table title sits right on its table."""
    gaps = [other.y0 - line.y1 if other.y0 >= line.y1 else line.y0 - other.y1
            for other in lines if other is not line and not other.furniture]
    return min(gaps, default=1e9) >= 1.5 * line.height


def _one_short_run(pages: set[int], text_pages: int) -> bool:
    """Pages that form one run of consecutive pages covering less than half of the file: where a
    table that breaks over pages repeats its title, not where a running header stands."""
    ordered = sorted(pages)
    return ordered[-1] - ordered[0] + 1 == len(ordered) and len(ordered) < 0.5 * text_pages


def _same_height(line: Line, pages: list[list[Line]], where: set[int]) -> bool:
    """True when the repeated text sits at about this height on at least one other page."""
    key = normalise(line.text)
    tolerance = max(3.0, line.height)
    for index in where:
        if index == line.page:
            continue
        for other in pages[index]:
            if abs(other.y0 - line.y0) <= tolerance and normalise(other.text) == key:
                return True
    return False


def mark_margin_glyphs(pages: list[list[Line]], layouts: list, body_size: float) -> int:
    """Leave out glyphs in the margin beside the body column: a binding line (装订线 characters set
    one under the other, or rotated) and similar marks. A line is one when it runs down the page
    rather than across it, or when it stands wholly outside the body column with at most two
    characters; text that merely starts left of the margin (a table wider than the text) stays."""
    count = 0
    for index, lines in enumerate(pages):
        layout = layouts[index]
        for line in lines:
            if line.furniture or not line.chars:
                continue
            size = line.size or body_size
            _trim_margin_chars(line, layout.left - size, layout.right + size, size)
            outside = line.x1 < layout.left - 2 * size or line.x0 > layout.right + 2 * size
            vertical = len(line.chars) >= 2 and (line.y1 - line.y0) > 2.5 * (line.x1 - line.x0)
            if vertical or (outside and len(line.text.replace(" ", "")) <= 2):
                line.furniture = True
                count += 1
    return count


def _trim_margin_chars(line: Line, left: float, right: float, size: float) -> None:
    """Drop up to two glyphs at either end of a row that stand in the margin, apart from the rest:
    a binding-line character that happens to share a baseline with a line of the body."""
    for from_start in (True, False):
        for _ in range(2):
            if len(line.chars) < 3:
                return
            k = 0 if from_start else -1
            inner = [i for i, ch in enumerate(line.chars) if ch.strip()]
            if len(inner) < 3:
                return
            near = inner[1] if from_start else inner[-2]
            rect, other = line.rects[k], line.rects[near]
            stray = rect[2] < left if from_start else rect[0] > right
            apart = (other[0] - rect[2] if from_start else rect[0] - other[2]) >= 2 * size
            if not (stray and apart):
                break
            line.chars.pop(k)
            line.rects.pop(k)
            line.finish()


def mark_figure_labels(pdf, pages: list[list[Line]], body_size: float) -> int:
    """Leave out the small labels drawn inside a figure (boxes of a diagram); keep its caption.

    A figure draws several filled boxes; a page with one filled frame holds a text box (a
    signature block or a note set in a Word/WPS text box), whose lines are read as body text.

    Only pages with small print outside the edge bands pay for reading their vector drawings.
    Caller holds ``MUPDF_LOCK``.
    """
    count = 0
    for index, lines in enumerate(pages):
        small = [l for l in lines if not l.furniture and l.size < body_size * 0.9]
        if not small:
            continue
        boxes = []
        for drawing in pdf.load_page(index).get_drawings():
            rect = drawing.get("rect")
            if rect is None or drawing.get("fill") is None:
                continue
            if rect.width > 2 * body_size and rect.height > 2 * body_size:
                boxes.append((rect.x0, rect.y0, rect.x1, rect.y1))
        if not boxes:
            continue
        if len(boxes) == 1:
            continue  # one filled frame is a text box (Word, WPS) holding text of the body; a figure draws several
        for line in small:
            for x0, y0, x1, y1 in boxes:
                if line.x0 >= x0 - 1 and line.x1 <= x1 + 1 and line.y0 >= y0 - 1 and line.y1 <= y1 + 1:
                    line.furniture = True
                    count += 1
                    break
    return count


def box_frames(pdf, pages: list[list[Line]], body_size: float) -> dict[int, list[tuple[float, float, float, float]]]:
    """Drawn rectangles on pages that have a 专栏 line: the frames of boxed text.

    Caller holds ``MUPDF_LOCK``.
    """
    frames: dict[int, list[tuple[float, float, float, float]]] = {}
    wanted = {i for i, lines in enumerate(pages) if any(l.text.startswith("专栏") for l in lines)}
    wanted |= {i + 1 for i in wanted if i + 1 < len(pages)}
    for index in sorted(wanted):
        for drawing in pdf.load_page(index).get_drawings():
            rect = drawing.get("rect")
            if rect is not None and rect.width > 5 * body_size and rect.height > 2 * body_size:
                frames.setdefault(index, []).append((rect.x0, rect.y0, rect.x1, rect.y1))
    return frames


_PRINTED_NUMBER = re.compile(r"^[\s\-—–－―~·•.*]*(?:第\s*)?(\d{1,4})\s*(?:页)?(?:\s*[/／共]\s*\d{1,4}\s*页?)?[\s\-—–－―~·•.*]*$")


def printed_labels(pages: list[list[Line]]) -> list[str] | None:
    """Page labels read off the printed page numbers, for PDFs without a /PageLabels tree.

    A page's label is its printed number ("— 3 —", "第 3 页", "第 3 页 共 70 页"); pages without one
    continue from the page before (or count back from the first number; front matter before page 1
    gets roman numerals). A compilation that prints its own running numbers over the documents' own
    has two numbers per page, at different heights: the sequence that runs on with the page count
    (the compilation's) is chosen. Numbering may restart (documents inserted with their own page
    numbers), but consecutive numbered pages must agree with their distance nearly always, and most
    pages must carry a number; otherwise None (the caller keeps 1…n).
    """
    slots: dict[int, dict[int, int]] = {}
    for index, lines in enumerate(pages):
        for line in lines:
            match = _PRINTED_NUMBER.match(line.text.strip()) if line.furniture else None
            if match:
                slots.setdefault(round(line.y0 / 8), {}).setdefault(index, int(match.group(1)))
    if not slots:
        return None

    def runs_on(printed: dict[int, int]) -> tuple[int, int]:
        numbered = sorted(printed)
        steps = zip(numbered, numbered[1:])
        return sum(1 for i, j in steps if printed[j] - printed[i] == j - i), len(printed)

    printed = max(slots.values(), key=runs_on)
    if len(printed) < max(2, len(pages) // 2):
        return None
    numbered = sorted(printed)
    steps = list(zip(numbered, numbered[1:]))
    agree = sum(1 for i, j in steps if printed[j] - printed[i] == j - i or printed[j] == 1)
    if steps and agree < 0.9 * len(steps):
        return None
    labels = []
    first = numbered[0]
    last: tuple[int, int] = (first, printed[first] - first)  # (page, number - page) in force
    for index in range(len(pages)):
        if index in printed:
            last = (index, printed[index] - index)
        number = index + last[1]
        labels.append(str(number) if number >= 1 else _roman(index + 1))
    return labels


def _roman(n: int) -> str:
    out = ""
    for value, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                           (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out, n = out + letters, n - value
    return out
