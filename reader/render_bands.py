"""Rendering a heavy page in horizontal bands, so one page cannot freeze the window.

PyMuPDF holds Python's GIL — and we hold MUPDF_LOCK — for the whole of one call, so a page that
takes seconds to rasterise in one ``get_pixmap`` stops every other thread, the GUI's included,
for those seconds. Here the page is interpreted once (a display list) and rasterised band by band
into one pixmap; between bands both locks are free, and a page the view no longer wants stops.
Which pages: big content or images by the guard's estimate, or a page that was slow before
(``reader.document.Document.render`` decides). Qt-free.
"""

from __future__ import annotations

import time
from typing import Callable

import pymupdf

#: A page whose content expands to this many bytes, or draws this many image pixels, renders in bands
#: (real pages: under 100 KB of content; a 300 dpi A4 scan is 8.7 million pixels).
BANDED_CONTENT_BYTES = 256 * 1024
BANDED_IMAGE_PIXELS = 12_000_000
#: A page that once took this long renders in bands from then on.
SLOW_RENDER_S = 0.15
#: About how long one band may hold the GIL and MUPDF_LOCK.
BAND_TARGET_S = 0.02


class RenderCancelled(Exception):
    """A banded render stopped because its page was no longer wanted (not an error to show)."""

    def __init__(self, page_index: int) -> None:
        super().__init__(f"render of page {page_index + 1} cancelled")
        self.page_index = page_index


def render_in_bands(pdf: pymupdf.Document, index: int, matrix: pymupdf.Matrix,
                    clip: tuple[float, float, float, float] | None,
                    cancelled: Callable[[], bool] | None = None) -> pymupdf.Pixmap:
    """Page ``index`` (or ``clip`` of it, in points) at ``matrix`` as one RGB pixmap, rasterised in bands.

    Band heights adapt so each call takes about ``BAND_TARGET_S``; ``cancelled()`` is asked before
    each band and raises :class:`RenderCancelled` when it says yes. MuPDF errors propagate.
    """
    from reader.document import MUPDF_LOCK  # the one lock (reader.document imports this module)

    with MUPDF_LOCK:
        page = pdf[index]
        area = pymupdf.Rect(clip) if clip else page.rect
        display = page.get_displaylist(annots=True)
        box = (area * matrix).irect
        out = pymupdf.Pixmap(pymupdf.csRGB, box, False)
        out.clear_with(255)
    zoom_y = matrix.d
    rows, top = 32, box.y0
    while top < box.y1:
        if cancelled is not None and cancelled():
            raise RenderCancelled(index)
        bottom = min(box.y1, top + rows)
        band = pymupdf.Rect(area.x0, max(area.y0, top / zoom_y), area.x1, min(area.y1, bottom / zoom_y))
        started = time.perf_counter()
        with MUPDF_LOCK:
            part = display.get_pixmap(matrix=matrix, clip=band, alpha=False)
            out.copy(part, part.irect)
        spent = time.perf_counter() - started
        top = bottom
        rows = max(8, min(4096, int(rows * BAND_TARGET_S / max(spent, 1e-4))))
    return out
