"""The ink colour of each OCR text box, sampled from the page image where it is OCR'd.

OCR engines read grey images and report no colour, but colour carries structure in official
documents: GB/T 9704-2012 prints the 发文机关标志 (the issuer's "××文件" mark) and the rule under
the 文号 in red, and the seal over the signature is red too, while the title and the body are
black. The worker has the page's pixels anyway, so it samples each box's ink once and the cache
keeps it; the structure analysis then knows a red line from a black one without rendering.
"""

from __future__ import annotations

Rect = tuple[float, float, float, float]
Ink = tuple[int, int, int]

INK_DPI = 72  # colour needs no detail: a 16 pt line is 16 px high at 72 dpi
_INK_MIN = 70  # a pixel is ink when its lightest channel is this far below white (paper stays out)
_MIN_PIXELS = 6


def render_rgb(page, dpi: int = INK_DPI):
    """The page as an RGB numpy array (height × width × 3) at ``dpi``, and its scale in px/pt."""
    import numpy as np
    import pymupdf

    scale = dpi / 72
    pix = page.get_pixmap(matrix=pymupdf.Matrix(scale, scale), colorspace=pymupdf.csRGB, alpha=False)
    rgb = np.frombuffer(pix.samples, dtype=np.uint8).reshape(pix.height, pix.stride)[:, :pix.width * 3]
    return rgb.reshape(pix.height, pix.width, 3).copy(), scale


def box_ink(rgb, scale: float, rects: list[Rect]) -> Ink | None:
    """Median colour of the ink pixels inside the boxes ``rects`` (PDF points); None when the box
    holds too little ink to say (or the image is grey: then every ink reads grey, which is right)."""
    import numpy as np

    if not rects:
        return None
    height, width = rgb.shape[:2]
    x0 = max(0, int(min(r[0] for r in rects) * scale))
    y0 = max(0, int(min(r[1] for r in rects) * scale))
    x1 = min(width, int(max(r[2] for r in rects) * scale + 1))
    y1 = min(height, int(max(r[3] for r in rects) * scale + 1))
    if x1 <= x0 or y1 <= y0:
        return None
    block = rgb[y0:y1, x0:x1].reshape(-1, 3)
    darkness = 255 - block.min(axis=1).astype(np.int16)
    ink = block[darkness >= _INK_MIN]
    if len(ink) < _MIN_PIXELS:
        return None
    # Strokes thinner than a pixel blend with the paper; the darker half of the ink pixels is the
    # stroke's own colour.
    dark = darkness[darkness >= _INK_MIN]
    ink = ink[dark >= np.median(dark)]
    r, g, b = (int(v) for v in np.median(ink, axis=0))
    return r, g, b


def is_red(ink: Ink | None) -> bool:
    """Red or red-orange ink as printed for a 版头 or a seal (a faded or pale print still counts)."""
    if ink is None:
        return False
    r, g, b = ink
    return r >= 110 and r - max(g, b) >= 40
