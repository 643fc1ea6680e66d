"""Reading-window benchmark: render overhead, open time, start-up, memory while scrolling.

Figures (medians over several runs):
- render_ms_per_page_100 / _150: Document.render + the QImage wrap the view does, per page of the
  shared compilation at 100 % (96 dpi) and 150 %; raw_pymupdf_ms_per_page_100 / _150: plain
  page.get_pixmap at the same zoom in the same run; render_overhead_ratio_100 / _150 (target ≤ 1.2);
- open_s_84 / open_s_2000: Document.open plus what the window computes up front (labels, page
  sizes, text-layer probe) — target ≤ 2 s for 2,000 pages; window_open_s_2000: MainWindow.open_pdf;
- startup_s: whole process `python main.py --quit-after-first-paint PDF`, offscreen (target ≤ 1.5 s);
- peak_rss_mb: a process that opens the real window at 150 % and scrolls through every page of the
  compilation, waiting for each screenful to render, while the compilation is analysed and indexed
  in the background as it is for a user (indexing itself runs in its own worker process; target
  ≤ 300 MB).
Run: python benchmarks/bench_render.py [--quick] (or via benchmarks/run.py).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO.parent / "shared" / "corpus" / "policy-2024-12.pdf"
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from memory import peak_rss_mb  # noqa: E402

PIXELS_PER_POINT_100 = 96 / 72


def build_big_pdf(folder: Path, pages: int = 2000) -> Path:
    """A ``pages``-page PDF made of copies of the compilation (a realistic mix of pages and fonts)."""
    import pymupdf

    path = folder / f"big-{pages}.pdf"
    if path.exists():
        return path
    source = pymupdf.open(SAMPLE)
    big = pymupdf.open()
    while big.page_count < pages:
        big.insert_pdf(source, to_page=min(source.page_count, pages - big.page_count) - 1)
    big.save(path)
    return path


def render_figures(runs: int) -> dict:
    import pymupdf

    from reader.document import Document
    from reader.ui.render_worker import to_qimage

    out: dict = {}
    document = Document.open(SAMPLE)
    raw = pymupdf.open(SAMPLE)
    pages = range(document.page_count)
    for percent in (100, 150):
        zoom = percent / 100 * PIXELS_PER_POINT_100
        matrix = pymupdf.Matrix(zoom, zoom)
        app_runs, raw_runs = [], []
        for run_number in range(runs):
            # Page by page, alternating which path goes first, so machine noise hits both alike.
            app_s = raw_s = 0.0
            for index in pages:
                for path in (("app", "raw") if (index + run_number) % 2 else ("raw", "app")):
                    started = time.perf_counter()
                    if path == "app":
                        image = to_qimage(document.render(index, zoom))
                        image.setDevicePixelRatio(1.0)
                        app_s += time.perf_counter() - started
                    else:
                        raw[index].get_pixmap(matrix=matrix, alpha=False)
                        raw_s += time.perf_counter() - started
            app_runs.append(app_s * 1000 / len(pages))
            raw_runs.append(raw_s * 1000 / len(pages))
        app_ms, raw_ms = statistics.median(app_runs), statistics.median(raw_runs)
        out[f"render_ms_per_page_{percent}"] = round(app_ms, 2)
        out[f"raw_pymupdf_ms_per_page_{percent}"] = round(raw_ms, 2)
        out[f"render_overhead_ratio_{percent}"] = round(app_ms / raw_ms, 3)
    document.close()
    return out


def open_seconds(path: Path, runs: int) -> float:
    from reader.document import Document

    times = []
    for _ in range(runs):
        started = time.perf_counter()
        document = Document.open(path)
        document.page_labels, document.page_sizes(), document.has_text_layer
        times.append(time.perf_counter() - started)
        document.close()
    return round(statistics.median(times), 4)


def _env(work: Path) -> dict:
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", "READER_CONFIG": str(work / "config"),
            "READER_LIBRARY": str(work / "library")}


def startup_seconds(work: Path, runs: int) -> float:
    times = []
    command = [sys.executable, str(REPO / "main.py"), str(SAMPLE), "--quit-after-first-paint"]
    subprocess.run(command, env=_env(work), check=True, capture_output=True)  # warm the OS file cache
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, env=_env(work), check=True, capture_output=True)
        times.append(time.perf_counter() - started)
    return round(statistics.median(times), 3)


def _indexing(window) -> bool:
    indexing = getattr(window, "search_indexing", None)
    return bool(indexing and indexing.jobs)


def scroll_probe(big: Path) -> dict:
    """In a fresh process: open the big PDF in the window, then scroll the compilation at 150 %."""
    from PySide6.QtWidgets import QApplication

    from reader.ui.main_window import MainWindow

    app = QApplication([])
    quiet = MainWindow(background_analysis=False)
    quiet.resize(1280, 900)
    quiet.show()
    started = time.perf_counter()
    quiet.open_pdf(big)
    window_open = time.perf_counter() - started
    quiet.close()
    quiet.deleteLater()
    app.processEvents()
    # As a user reads: the compilation is analysed and indexed in the background while scrolling.
    window = MainWindow()
    window.resize(1280, 900)
    window.show()
    window.open_pdf(SAMPLE)
    view = window.view
    view.set_zoom(1.5)
    view.go_to(0)
    bar = view.verticalScrollBar()
    started = time.perf_counter()
    screens = 0
    while True:
        screens += 1
        deadline = time.perf_counter() + 10
        while time.perf_counter() < deadline:
            app.processEvents()
            if not view.missing_renders():
                break
        view.viewport().repaint()
        if bar.value() >= bar.maximum():
            break
        bar.setValue(bar.value() + bar.pageStep())
    scroll_s = time.perf_counter() - started
    settle = time.perf_counter() + 30  # let analysis and indexing finish, so their cost is counted
    while time.perf_counter() < settle and (window.compilation is None or _indexing(window)):
        app.processEvents()
        time.sleep(0.01)
    figures = {"window_open_s_2000": round(window_open, 3), "scroll_all_s_150": round(scroll_s, 2),
               "scroll_screens_150": screens, "peak_rss_mb": peak_rss_mb(),
               "scroll_with_analysis_and_indexing": window.compilation is not None}
    window.close()
    window.deleteLater()
    app.processEvents()
    return figures


def run(args: argparse.Namespace) -> dict:
    if not SAMPLE.exists():
        return {"render_skipped": f"shared compilation not found at {SAMPLE}"}
    quick = bool(getattr(args, "quick", False))
    runs = 3 if quick else 5
    with tempfile.TemporaryDirectory(prefix="bench-render-") as folder:
        work = Path(folder)
        big = build_big_pdf(work)
        figures = render_figures(runs)
        figures["open_s_84"] = open_seconds(SAMPLE, runs)
        figures["open_s_2000"] = open_seconds(big, runs)
        figures["startup_s"] = startup_seconds(work, runs)
        probe = subprocess.run([sys.executable, __file__, "--scroll-probe", str(big)], env=_env(work),
                               check=True, capture_output=True, text=True)
        figures.update(json.loads(probe.stdout.strip().splitlines()[-1]))
    return figures


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--scroll-probe", metavar="BIG_PDF")
    options = parser.parse_args()
    if options.scroll_probe:
        print(json.dumps(scroll_probe(Path(options.scroll_probe))))
    else:
        print(json.dumps(run(options), ensure_ascii=False))
