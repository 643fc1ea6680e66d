"""Where each page sits in the continuous view, in logical pixels (Qt-free arithmetic).

Pages are stacked top to bottom, centred horizontally. Positions are cumulative sums, so finding
the pages in a viewport is a binary search, which keeps a 2,000-page document as cheap as a short one.
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate

POINTS_TO_PIXELS = 96 / 72  # 100 % shows a page at its printed size on a 96-dpi screen
PAGE_GAP = 12
MARGIN = 12


class PageLayout:
    """Page rectangles at one zoom; rebuild when the zoom or the document changes."""

    def __init__(self, sizes: list[tuple[float, float]], zoom: float) -> None:
        self.sizes = sizes
        self.zoom = zoom
        self.scale = zoom * POINTS_TO_PIXELS  # logical pixels per PDF point
        heights = [round(h * self.scale) for _, h in sizes]
        self.widths = [round(w * self.scale) for w, _ in sizes]
        self.heights = heights
        self.tops = [MARGIN + top for top in accumulate([0] + [h + PAGE_GAP for h in heights[:-1]])] if sizes else []
        self.content_width = (max(self.widths) if sizes else 0) + 2 * MARGIN
        self.content_height = (self.tops[-1] + heights[-1] + MARGIN) if sizes else 0

    def __len__(self) -> int:
        return len(self.sizes)

    def page_rect(self, page: int, viewport_width: int) -> tuple[int, int, int, int]:
        """``(x, y, width, height)`` of ``page`` in content coordinates."""
        width = self.widths[page]
        area = max(viewport_width, self.content_width)
        return (area - width) // 2, self.tops[page], width, self.heights[page]

    def page_at(self, y: float) -> int:
        """The page whose slot (page plus the gap below it) contains content ``y``."""
        if not self.sizes:
            return 0
        return max(0, min(len(self.sizes) - 1, bisect_right(self.tops, y) - 1))

    def visible(self, top: float, bottom: float) -> range:
        """Pages overlapping the content band ``top..bottom``."""
        if not self.sizes:
            return range(0)
        first = self.page_at(top)
        if self.tops[first] + self.heights[first] < top:
            first = min(first + 1, len(self.sizes) - 1)
        last = self.page_at(bottom)
        return range(first, last + 1)

    def fit_width_zoom(self, viewport_width: int) -> float:
        widest = max((w for w, _ in self.sizes), default=595)
        return max(0.1, (viewport_width - 2 * MARGIN) / (widest * POINTS_TO_PIXELS))

    def fit_page_zoom(self, viewport_width: int, viewport_height: int, page: int) -> float:
        if not self.sizes:
            return 1.0
        w, h = self.sizes[page]
        return max(0.1, min((viewport_width - 2 * MARGIN) / (w * POINTS_TO_PIXELS),
                            (viewport_height - 2 * PAGE_GAP) / (h * POINTS_TO_PIXELS)))
