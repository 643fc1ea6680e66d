"""Heavy pages render in bands: the same picture, other threads (the window's) run in between, and a page
no longer wanted stops early. PyMuPDF holds the GIL for a whole call, so this is what keeps the window alive."""

from __future__ import annotations

import random
import threading
import time
from pathlib import Path

import pymupdf
import pytest

from reader.document import BANDED_CONTENT_BYTES, Document, RenderCancelled


def heavy_pdf(path: Path, strokes: int = 16000) -> Path:
    """A text page, then a map-like page of separate strokes (well over the banding threshold)."""
    doc = pymupdf.open()
    doc.new_page().insert_text((72, 100), "Plain text page", fontsize=14)
    page = doc.new_page(width=595, height=842)
    rng = random.Random(3)
    ops = []
    for _ in range(strokes):
        x, y = rng.uniform(20, 575), rng.uniform(20, 822)
        ops.append(f"{x:.2f} {y:.2f} m {x + rng.uniform(-60, 60):.2f} {y + rng.uniform(-60, 60):.2f} l 0.8 w S")
    xref = doc.get_new_xref()
    doc.update_object(xref, "<<>>")
    doc.update_stream(xref, "\n".join(ops).encode())
    doc.xref_set_key(page.xref, "Contents", f"{xref} 0 R")
    doc.save(path)
    return path


@pytest.fixture
def document(tmp_path):
    with Document.open(heavy_pdf(tmp_path / "heavy.pdf")) as doc:
        yield doc


def test_the_heavy_page_is_banded_and_ordinary_pages_are_not(document):
    document.page_refusal(0)
    document.page_refusal(1)
    assert document._costs[1].content_bytes > BANDED_CONTENT_BYTES
    assert not document._renders_in_bands(0) and document._renders_in_bands(1)


def test_bands_give_the_page_a_single_render_gives(document):
    zoom = 1.25
    banded = document.render(1, zoom)
    with pymupdf.Document(document.path) as plain:
        whole = plain[1].get_pixmap(matrix=pymupdf.Matrix(zoom, zoom), alpha=False)
    assert (banded.width, banded.height) == (whole.width, whole.height)
    ink = sum(1 for value in bytes(banded.samples)[::97] if value < 128)
    assert ink > 0.05 * len(bytes(banded.samples)[::97])  # drawn, not a blank page
    clip = document.render(1, zoom, clip=(0.0, 200.0, 595.0, 400.0))  # a band of the view at high zoom
    assert (clip.width, clip.height) == (round(595 * zoom), round(200 * zoom))


def test_other_threads_run_while_a_heavy_page_renders(document):
    document.page_refusal(1)
    started = time.perf_counter()
    document.render(1, 1.5)
    whole_s = time.perf_counter() - started
    gaps: list[float] = []
    done = threading.Event()

    def ticker() -> None:
        last = time.perf_counter()
        while not done.is_set():
            time.sleep(0.002)
            now = time.perf_counter()
            gaps.append(now - last)
            last = now

    thread = threading.Thread(target=ticker)
    thread.start()
    try:
        document.render(1, 1.5)
    finally:
        done.set()
        thread.join()
    assert len(gaps) >= 5
    assert max(gaps) < max(0.5 * whole_s, 0.12), (max(gaps), whole_s)  # never frozen for the whole render


def test_a_page_no_longer_wanted_stops_between_bands(document):
    calls = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) > 2

    with pytest.raises(RenderCancelled):
        document.render(1, 2.0, cancelled=cancelled)
    assert len(calls) == 3
