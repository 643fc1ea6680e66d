"""Annotation benchmark on the shared compilation.

Figures (medians):
- annotation_add_draw_ms: select a span, highlight it (SQLite write with fsync + redraw of the
  overlay) and repaint the view synchronously, in the real window (target ≤ 50 ms).
- review_panel_open_s_2000: with 2,000 annotations in the library, show the hidden review panel
  in library scope: it reads them from the store, groups them by theme and fills its model,
  and the event loop paints it (target ≤ 0.5 s).
- annotation_store_add_ms, annotation_store_list_ms_2000: the store alone.
- annotation_reanchor_ms: re-locating one annotation in the same compilation (exact pass).
Run: python benchmarks/bench_annotations.py [--quick] (or via benchmarks/run.py).
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


def _spans(text: str, count: int, rng: random.Random) -> list[tuple[int, int]]:
    out = []
    while len(out) < count:
        start = rng.randrange(0, len(text) - 130)
        end = start + rng.randint(12, 120)
        if text[start:end].strip():
            out.append((start, end))
    return out


def run(args: argparse.Namespace) -> dict:
    if not SAMPLE.exists():
        return {"annotation_bench_skipped": "shared sample absent"}
    quick = getattr(args, "quick", False)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    root = Path(tempfile.mkdtemp(prefix="bench-ann-"))
    os.environ["READER_LIBRARY"] = str(root / "library")
    os.environ["READER_CONFIG"] = str(root / "config")
    from PySide6.QtWidgets import QApplication

    from reader.annotations.anchoring import reanchor
    from reader.annotations.spans import annotation_for_span
    from reader.document import Document
    from reader.structure import load_structure
    from reader.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    window = MainWindow(background_analysis=False)
    window.resize(1400, 900)
    window.show()
    assert window.open_pdf(SAMPLE)
    with Document.open(SAMPLE) as doc:
        comp = load_structure(doc, window.library.structure_cache_dir)
    window.library.add(SAMPLE)
    window._on_analysed(window._open_generation, comp)
    controller = window.annotation_controller
    deadline = time.time() + 10
    while controller.loaded_hash != comp.content_hash and time.time() < deadline:
        app.processEvents()
        time.sleep(0.005)
    controller.last_themes = ["5G"]
    rng = random.Random(5)

    latencies = []
    page = 10
    window.view.go_to(page)
    app.processEvents()
    for start, end in _spans(comp.page_text(page), 10 if quick else 30, rng):
        base = comp.page_starts[page]
        window.view.select_span(base + start, base + min(end, len(comp.page_text(page))))
        app.processEvents()
        began = time.perf_counter()
        controller.highlight_selection(["5G"])  # a click on the toolbar's 5G swatch
        window.view.viewport().repaint()
        latencies.append((time.perf_counter() - began) * 1000)

    store = controller.store
    store_adds = []
    for start, end in _spans(comp.text, 10 if quick else 30, rng):
        ann = annotation_for_span(comp, start, end, themes=["氢能"])
        began = time.perf_counter()
        store.add(ann)
        store_adds.append((time.perf_counter() - began) * 1000)

    themes = [t.name for t in store.themes()]
    bulk = [annotation_for_span(comp, s, e, themes=rng.sample(themes, rng.randint(1, 2)),
                                note="批注" if rng.random() < 0.4 else "")
            for s, e in _spans(comp.text, 2000 - len(store.list()), rng)]
    store.put_many(bulk)
    lists = []
    for _ in range(3 if quick else 7):
        began = time.perf_counter()
        store.list()
        lists.append((time.perf_counter() - began) * 1000)

    panel = window.review_panel
    window.review_dock.show()
    panel.scope.setCurrentIndex(panel.scope.findData("library"))
    controller.reload()
    opens = []
    for _ in range(3 if quick else 7):
        window.review_dock.hide()
        controller.reload()  # annotations changed while the panel was hidden: it is stale
        app.processEvents()
        assert panel._stale
        began = time.perf_counter()
        window.review_dock.show()  # a hidden panel refreshes when shown: reads the store, groups, fills
        app.processEvents()
        opens.append(time.perf_counter() - began)
    rows = sum(panel.model.rowCount(panel.model.index(r, 0)) for r in range(panel.model.rowCount()))

    sample = store.list()[:200]
    began = time.perf_counter()
    for ann in sample:
        reanchor(comp, ann)
    reanchor_ms = (time.perf_counter() - began) * 1000 / len(sample)
    window.close()
    window.deleteLater()
    app.processEvents()
    return {
        "annotation_add_draw_ms": round(statistics.median(latencies), 2),
        "annotation_add_draw_ms_max": round(max(latencies), 2),
        "annotation_store_add_ms": round(statistics.median(store_adds), 2),
        "annotation_store_list_ms_2000": round(statistics.median(lists), 1),
        "review_panel_open_s_2000": round(statistics.median(opens), 3),
        "review_panel_rows_2000": rows,
        "annotation_reanchor_ms": round(reanchor_ms, 2),
    }


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true")
    print(json.dumps(run(parser.parse_args()), ensure_ascii=False))
