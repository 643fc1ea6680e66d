"""GUI event-loop latency while a heavy page renders in the reading window.

PyMuPDF holds Python's GIL (and we hold MUPDF_LOCK) for the whole of one call, so a page that
takes seconds to rasterise in one call freezes the window for seconds, however the work is
threaded. The reader renders such pages in bands (reader/document.py); this probe measures what
the user feels: a 10 ms timer on the GUI thread, how late each tick fires while the heavy page
renders, and how long a text selection (before the analysis) takes meanwhile.

Figures: latency_median_ms / latency_max_ms (target: max well under 200 ms), heavy_render_s
(one-call render time of the page, for scale), selection_ms (a drag over a page while the heavy
page renders). Run: python benchmarks/bench_latency.py (or via benchmarks/run.py).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO.parent / "shared" / "corpus" / "policy-2024-12.pdf"
sys.path.insert(0, str(REPO))


def build_heavy_pdf(folder: Path, strokes: int = 24000) -> Path:
    """Six pages of the sample, then a map-like page of ``strokes`` separate strokes (~0.7 MB of content)."""
    import pymupdf

    path = folder / "heavy.pdf"
    doc = pymupdf.open()
    doc.insert_pdf(pymupdf.open(SAMPLE), to_page=5)
    page = doc.new_page(width=595, height=842)
    rng = random.Random(7)
    ops = []
    for _ in range(strokes):
        x, y = rng.uniform(20, 575), rng.uniform(20, 822)
        ops.append(f"{x:.2f} {y:.2f} m {x + rng.uniform(-60, 60):.2f} {y + rng.uniform(-60, 60):.2f} l "
                   f"{rng.uniform(0.2, 1.5):.2f} w S")
    xref = doc.get_new_xref()
    doc.update_object(xref, "<<>>")
    doc.update_stream(xref, "\n".join(ops).encode())
    doc.xref_set_key(page.xref, "Contents", f"{xref} 0 R")
    doc.save(path)
    return path


def measure(pdf: Path, zoom: float = 1.5) -> dict:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QElapsedTimer, QPoint, Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from reader.document import Document
    from reader.ui.main_window import MainWindow

    with Document.open(pdf) as doc:
        started = time.perf_counter()
        doc.pdf[6].get_pixmap(matrix=__import__("pymupdf").Matrix(zoom * 96 / 72, zoom * 96 / 72))
        heavy_render_s = time.perf_counter() - started

    app = QApplication.instance() or QApplication([])
    window = MainWindow(background_analysis=False, features=False)
    window.resize(1200, 900)
    window.show()
    window.open_pdf(pdf)
    window.view.set_zoom(zoom)
    deadline = time.perf_counter() + 30
    while time.perf_counter() < deadline and not window.view.cache.any_for("view", 0):
        app.processEvents()
    window.view.go_to(6)
    late: list[float] = []
    clock = QElapsedTimer()
    clock.start()
    last = [clock.elapsed()]

    def tick() -> None:
        now = clock.elapsed()
        late.append(max(0.0, now - last[0] - 10))
        last[0] = now

    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(10)
    selection_ms: list[float] = []
    began = time.perf_counter()
    while not window.view.cache.any_for("view", 6) and time.perf_counter() - began < 120:
        app.processEvents()
        if len(selection_ms) < 3 and time.perf_counter() - began > 0.05 * (len(selection_ms) + 1):
            viewport = window.view.viewport()
            t = time.perf_counter()
            window.view.selection.begin(5, 80, 120)  # the page above the heavy one, before any analysis
            window.view.selection.extend(5, 400, 300)
            window.view.selection.text()
            selection_ms.append((time.perf_counter() - t) * 1000)
        time.sleep(0.001)
    render_wait_s = time.perf_counter() - began
    timer.stop()
    window.close()
    return {
        "latency_median_ms": round(statistics.median(late), 1) if late else None,
        "latency_max_ms": round(max(late), 1) if late else None,
        "latency_ticks": len(late),
        "heavy_render_s": round(heavy_render_s, 2),
        "heavy_page_wait_s": round(render_wait_s, 2),
        "selection_max_ms": round(max(selection_ms), 1) if selection_ms else None,
    }


def run(args: argparse.Namespace | None = None) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        os.environ.setdefault("READER_LIBRARY", str(Path(folder) / "lib"))
        os.environ.setdefault("READER_CONFIG", str(Path(folder) / "config"))
        return measure(build_heavy_pdf(Path(folder)))


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    print(json.dumps(run(parser.parse_args())))
