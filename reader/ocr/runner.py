"""OCR a PDF page by page: only pages without usable text, each cached once, with progress and cancel.

Memory stays flat whatever the scan's size: one page is rendered (grey, at the engine's dpi,
never more than ``MAX_PIXELS``), recognised, written to the cache and dropped before the next.
When pages were added, the cached analysis of the file is removed so the next load of its
structure reads them (``reader.textsource``).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import pymupdf

from reader.document import MUPDF_ERRORS, MUPDF_LOCK, Document
from reader.guard import page_cost
from reader.ocr.engines import Engine, OcrFailedError
from reader.ocr.ink import box_ink, render_rgb
from reader.ocr.store import INK_VERSION, OcrLine, OcrPage, OcrStore
from reader.textsource import pdf_layer

MAX_PIXELS = 4_000_000  # a 600-dpi poster page is rendered smaller rather than filling memory

Progress = Callable[[int, int, int], None]  # (done, total, page)


@dataclass
class OcrReport:
    """What a run did: pages OCR'd now, found in the cache, skipped (good text layer), failed."""

    engine: str
    pages: list[int] = field(default_factory=list)
    cached: list[int] = field(default_factory=list)
    skipped: list[int] = field(default_factory=list)
    failed: dict[int, str] = field(default_factory=dict)
    seconds: list[float] = field(default_factory=list)
    cancelled: bool = False

    @property
    def done(self) -> list[int]:
        return sorted(self.pages + self.cached)


def render_gray(page, dpi: int):
    """The page as a grey numpy array at ``dpi`` (capped at MAX_PIXELS), and its scale in px/pt."""
    import numpy as np
    import pymupdf

    scale = dpi / 72
    area = abs(page.rect) * scale * scale
    if area > MAX_PIXELS:
        scale *= (MAX_PIXELS / area) ** 0.5
    pix = page.get_pixmap(matrix=pymupdf.Matrix(scale, scale), colorspace=pymupdf.csGRAY, alpha=False)
    gray = np.frombuffer(pix.samples, dtype=np.uint8).reshape(pix.height, pix.stride)[:, :pix.width].copy()
    return gray, scale


def return_freed_memory() -> None:
    """Give the heap's free pages back to the system (glibc's malloc_trim). Between pages: the
    engine's buffers of one page, freed but kept by malloc, would otherwise sit under the next
    page's and add to the worker's peak; after OCR, under what indexing loads next."""
    import ctypes
    import ctypes.util

    try:
        ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc: the memory is reused all the same
        pass


def recognize_page(document: Document, index: int, engine: Engine) -> OcrPage:
    """OCR one page: render, recognise, and put every box in PDF points."""
    with MUPDF_LOCK:
        try:
            page = document.pdf.load_page(index)
            gray, scale = render_gray(page, engine.dpi)
            rgb, ink_scale = render_rgb(page)
            width, height = page.rect.width, page.rect.height
            del page
            # MuPDF keeps the decoded scan in its store for the next render: 140 MB for an A2 sheet
            # at 600 dpi, held under the engine's own peak. The page is not rendered again.
            pymupdf.TOOLS.store_shrink(100)
        except MUPDF_ERRORS as exc:
            raise OcrFailedError(f"页面无法渲染 (page cannot be rendered) p{index}: {exc}") from exc
    started, cpu_started = time.perf_counter(), time.process_time()
    try:
        boxes = engine.recognize(gray)
    except MemoryError:
        raise
    except Exception as exc:  # an engine's own failure on one page: reported, the run goes on
        raise OcrFailedError(f"OCR 识别失败 (OCR failed) p{index}: {type(exc).__name__}: {exc}") from exc
    del gray
    lines = [OcrLine(box.text, box.score, box.chars,
                     [(r[0] / scale, r[1] / scale, r[2] / scale, r[3] / scale) for r in box.rects], box.scores)
             for box in boxes if box.chars]
    for line in lines:
        line.ink = box_ink(rgb, ink_scale, line.rects)
    return OcrPage(index, engine.key, width, height, lines, time.perf_counter() - started,
                   time.process_time() - cpu_started, INK_VERSION)


def add_ink(document: Document, store: OcrStore, pages: list[int]) -> list[int]:
    """Give the cached pages among ``pages`` whose ink was never sampled (cached before the sampler,
    or by an older one) their boxes' ink colours from the page image, without OCR'ing them again.
    Returns the pages updated."""
    updated = []
    for index in pages:
        result = store.load(document.content_hash, index)
        if result is None or result.ink_version >= INK_VERSION:
            continue
        with MUPDF_LOCK:
            try:
                rgb, scale = render_rgb(document.pdf.load_page(index))
            except MUPDF_ERRORS:
                continue
        for line in result.lines:
            line.ink = box_ink(rgb, scale, line.rects)
        result.ink_version = INK_VERSION
        store.save(document.content_hash, result)
        updated.append(index)
    return updated


def pages_needing_ocr(document: Document, pages: list[int] | None = None) -> list[int]:
    """Pages whose text layer is missing, a scanner's OCR or garbage."""
    wanted = range(document.page_count) if pages is None else pages
    out = []
    for index in wanted:
        with MUPDF_LOCK:
            try:
                cost = page_cost(document.pdf, index)
                if cost is not None and cost.too_costly_for_text:
                    continue  # a content bomb (reader.guard): left out, as from text extraction
                page = document.pdf.load_page(index)
                state = pdf_layer.layer_state(page)
                blank = state == pdf_layer.EMPTY and not page.get_images()
            except MUPDF_ERRORS:
                continue  # a damaged page: nothing to render either
        if state != pdf_layer.GOOD and not blank:  # a page with neither text nor image has nothing to read
            out.append(index)
    return out


def ocr_document(document: Document, store: OcrStore, engine: Engine, pages: list[int] | None = None,
                 progress: Progress | None = None, cancelled: Callable[[], bool] | None = None,
                 structure_cache_dir: Path | None = None) -> OcrReport:
    """OCR the pages of ``document`` that need it (of ``pages``, default all) into ``store``."""
    report = OcrReport(engine.key)
    wanted = list(range(document.page_count)) if pages is None else pages
    todo = pages_needing_ocr(document, wanted)
    report.skipped = [p for p in wanted if p not in set(todo)]
    have = store.pages(document.content_hash, engine.key)
    for done, index in enumerate(todo):
        if cancelled is not None and cancelled():
            report.cancelled = True
            break
        if progress is not None:
            progress(done, len(todo), index)
        if index in have:
            report.cached.append(index)
            continue
        try:
            result = recognize_page(document, index, engine)
        except OcrFailedError as exc:
            report.failed[index] = str(exc)
            continue
        store.save(document.content_hash, result)
        report.pages.append(index)
        report.seconds.append(result.seconds)
        del result
        return_freed_memory()
    if progress is not None and not report.cancelled:
        progress(len(todo), len(todo), -1)
    if report.pages and structure_cache_dir is not None:
        from reader.structure import cache

        cache.cache_path(Path(structure_cache_dir), document.content_hash).unlink(missing_ok=True)
    return report
