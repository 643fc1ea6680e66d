"""Where ruled tables sit on a page, so that their cells are never read as clause headings.

Statistics tables in official reports (政府信息公开工作年度报告 and the like) label their rows
一、 （一） 1. exactly as headings are labelled; what tells a row from a heading is the grid drawn
around it. PyMuPDF's ``find_tables`` finds such grids, but it costs tens of milliseconds a page,
so it runs only on pages that both carry a heading-like line and draw enough ruling lines to hold
a grid (a cheap look at the page's vector drawings).
"""

from __future__ import annotations

import pymupdf

from reader.structure.lines import Line
from reader.structure.paragraphs import HEADING_START

Rect = tuple[float, float, float, float]

_MIN_RULES = 3  # horizontal and vertical ruling lines a grid needs at least

# find_tables would otherwise print an advertisement for an optional package to stdout, in the
# middle of the CLI's JSON.
getattr(pymupdf, "no_recommend_layout", lambda: None)()


def _rulings(page) -> tuple[int, int, list[Rect]]:
    """(horizontal, vertical) thin lines and thin filled rectangles drawn on ``page``, and each
    ruling's box."""
    across = down = 0
    boxes: list[Rect] = []
    for drawing in page.get_cdrawings():
        for item in drawing.get("items", ()):
            if item[0] == "l":
                (x0, y0), (x1, y1) = item[1], item[2]
            elif item[0] == "re":
                x0, y0, x1, y1 = item[1]
            else:
                continue
            width, height = abs(x1 - x0), abs(y1 - y0)
            boxes.append((min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)))
            if height <= 2 and width > 10:
                across += 1
            elif width <= 2 and height > 5:
                down += 1
            elif item[0] == "re" and width > 10 and height > 5:
                across += 2  # a stroked cell rectangle draws its own four rules
                down += 2
    return across, down, boxes


def table_areas(pdf, pages: list[list[Line]]) -> dict[int, list[Rect]]:
    """Cells of ruled tables in rows of two or more columns, on the pages that may hold
    heading-like table rows. Caller holds ``MUPDF_LOCK``."""
    areas: dict[int, list[Rect]] = {}
    for index, lines in enumerate(pages):
        labelled = [l for l in lines if not l.furniture and HEADING_START.match(l.text)]
        if not labelled:
            continue
        page = pdf.load_page(index)
        across, down, rules = _rulings(page)
        if across < _MIN_RULES or down < _MIN_RULES:
            continue
        # Only a labelled line between a ruling above and one below can be a table row.
        if not any(any(r[1] <= l.y0 and r[0] <= l.x0 + 1 and l.x0 <= r[2] for r in rules)
                   and any(r[3] >= l.y1 and r[0] <= l.x0 + 1 and l.x0 <= r[2] for r in rules)
                   for l in labelled):
            continue
        try:
            found = page.find_tables(strategy="lines").tables
        except Exception:  # a drawing MuPDF cannot analyse is no table
            continue
        # Cells of rows split into columns: a row that is one cell spanning the grid (ruled writing
        # paper, a boxed paragraph, a table caption) holds text, not a table row.
        cells = [tuple(cell) for table in found for row in table.rows
                 if sum(1 for c in row.cells if c is not None) >= 2
                 for cell in row.cells if cell is not None]
        if cells:
            areas[index] = cells
    return areas


def in_table(page: int, x: float, y: float, areas: dict[int, list[Rect]]) -> bool:
    """Whether the point (x, y) on ``page`` lies inside one of the table cells found there."""
    return any(x0 - 1 <= x <= x1 + 1 and y0 - 1 <= y <= y1 + 1 for x0, y0, x1, y1 in areas.get(page, ()))
