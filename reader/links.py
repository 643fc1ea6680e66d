"""Where a click on a page leads: the PDF's own links, and the printed 目录's entries.

A compilation's table of contents is printed text — a title, dot leaders, a page number — and
rarely carries PDF link annotations. Each contents line is matched to a detected document by its
title (the printed title may be cut short with “…”), so a click on the line opens that document
even when the printed page numbers are off (they count from the first document, not the cover).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from reader.document import MUPDF_LOCK, Document

Rect = tuple[float, float, float, float]

CONTENTS_PAGES = 8
"""The 目录 lies before the first document; only this many leading pages are looked at."""
MIN_TITLE_CHARS = 4
_LEADER = re.compile(r"^(?P<title>.+?)\s*(?:[.·…⋯－—_\-\s]{3,}|\s{2,})\s*(?P<label>[0-9ivxlcIVXLC]+)\s*$")
_NOISE = re.compile(r"[\s·.…⋯]+")


@dataclass(frozen=True)
class Link:
    """A clickable area of ``page`` (points) leading to ``target_page`` (and ``target_y`` points down it), or to ``uri``."""

    page: int
    rect: Rect
    target_page: int | None = None
    target_y: float | None = None
    uri: str = ""

    def contains(self, x: float, y: float) -> bool:
        x0, y0, x1, y1 = self.rect
        return x0 <= x <= x1 and y0 <= y <= y1


def pdf_links(document: Document, index: int) -> list[Link]:
    """Internal (go-to page) and web links that the PDF itself defines on page ``index``."""
    out = []
    with MUPDF_LOCK:
        try:
            raw = document.pdf[index].get_links()
        except Exception:  # a damaged annotation list: the page still reads, without links
            return []
    for link in raw:
        rect = tuple(link["from"])
        target = link.get("page", -1)
        if isinstance(target, int) and 0 <= target < document.page_count:
            point = link.get("to")
            out.append(Link(index, rect, target, float(point.y) if point is not None else None))
        elif link.get("uri"):
            out.append(Link(index, rect, uri=str(link["uri"])))
    return out


def _squash(text: str) -> str:
    return _NOISE.sub("", text)


def contents_links(comp: Any) -> list[Link]:
    """Links from the printed 目录's lines to the documents whose titles they name."""
    documents = getattr(comp, "documents", None) or []
    if not documents:
        return []
    titles = [(_squash(doc.title), doc) for doc in documents if doc.title]
    out = []
    for page in range(min(documents[0].start_page, CONTENTS_PAGES, comp.page_count)):
        base, text = comp.page_starts[page], comp.page_text(page)
        start = 0
        for line in text.split("\n"):
            end = start + len(line)
            match = _LEADER.match(line)
            key = _squash(match.group("title")) if match else ""
            if len(key) >= MIN_TITLE_CHARS:
                doc = next((d for t, d in titles if t.startswith(key) or (len(t) >= MIN_TITLE_CHARS and key.startswith(t))),
                           None)
                rects = comp.span_rects(base + start, base + end).get(page) if doc is not None else None
                if rects:
                    box = (min(r[0] for r in rects), min(r[1] for r in rects),
                           max(r[2] for r in rects), max(r[3] for r in rects))
                    head = comp.span_rects(doc.start_offset, doc.start_offset + 1).get(doc.start_page)
                    out.append(Link(page, box, doc.start_page, head[0][1] if head else None))
            start = end + 1
    return out
