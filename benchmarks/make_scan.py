"""Make a scanned edition of a PDF: each page rendered in grey, slightly skewed, JPEG-compressed,
and put back as an image-only PDF page of the same size (no text layer at all).

This is what a photocopied-then-scanned compilation looks like to the reader, with the truth
known (the source's text). Used by benchmarks/bench_ocr.py and the OCR tests.

    python benchmarks/make_scan.py SOURCE.pdf OUT.pdf [--pages 0-9] [--dpi 180] [--skew 0.6] [--quality 55]
"""

from __future__ import annotations

import argparse
import io
import random
import sys
from pathlib import Path

import pymupdf


def scan_page_image(page: pymupdf.Page, dpi: int, skew: float, quality: int, rng: random.Random) -> bytes:
    """JPEG bytes of the page as a scanner at ``dpi`` would give it: grey, turned by about ``skew``°,
    with a little paper noise."""
    from PIL import Image, ImageFilter

    pix = page.get_pixmap(dpi=dpi, colorspace=pymupdf.csGRAY, alpha=False)
    image = Image.frombytes("L", (pix.width, pix.height), pix.samples)
    angle = rng.uniform(0.5, 1.0) * skew * rng.choice((-1, 1))
    image = image.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=250)
    image = image.filter(ImageFilter.GaussianBlur(0.4))
    noise = Image.effect_noise(image.size, 12)
    image = Image.blend(image, noise, 0.06)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=quality)
    return out.getvalue()


def make_scan(source: Path, target: Path, pages: list[int] | None = None, dpi: int = 180,
              skew: float = 0.6, quality: int = 55, seed: int = 7) -> Path:
    """Write the scanned edition of ``source`` (only ``pages``, default all) to ``target``."""
    rng = random.Random(seed)
    src = pymupdf.open(source)
    out = pymupdf.open()
    for index in pages if pages is not None else range(src.page_count):
        page = src.load_page(index)
        jpeg = scan_page_image(page, dpi, skew, quality, rng)
        sheet = out.new_page(width=page.rect.width, height=page.rect.height)
        sheet.insert_image(sheet.rect, stream=jpeg)
    target.parent.mkdir(parents=True, exist_ok=True)
    out.save(target, garbage=3, deflate=True)
    return target


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("source", type=Path)
    parser.add_argument("target", type=Path)
    parser.add_argument("--pages", help="0-based range, e.g. 0-9")
    parser.add_argument("--dpi", type=int, default=180)
    parser.add_argument("--skew", type=float, default=0.6)
    parser.add_argument("--quality", type=int, default=55)
    args = parser.parse_args()
    pages = None
    if args.pages:
        first, _, last = args.pages.partition("-")
        pages = list(range(int(first), int(last or first) + 1))
    make_scan(args.source, args.target, pages, args.dpi, args.skew, args.quality)
    print(args.target)
    return 0


if __name__ == "__main__":
    sys.exit(main())
