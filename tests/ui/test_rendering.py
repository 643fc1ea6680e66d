"""Render worker and cache: bounded by bytes, newest wishes first, HiDPI renders at device pixels."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

from tests.builders import pdfs as build  # noqa: E402

from reader.document import Document  # noqa: E402
from reader.ui.render_worker import ImageCache, RenderKey, RenderResult, RenderWorker  # noqa: E402

REPO = Path(__file__).resolve().parents[2]


def _result(page: int, side: int) -> RenderResult:
    image = QImage(side, side, QImage.Format.Format_RGB888)
    return RenderResult(RenderKey("view", page, 1.0), 1, image)


def test_cache_is_bounded_by_bytes_and_drops_the_least_recently_used():
    one_page = _result(0, 100).image.sizeInBytes()
    cache = ImageCache(max_bytes=3 * one_page)
    for page in range(3):
        cache.put(_result(page, 100))
    cache.get(RenderKey("view", 0, 1.0))          # page 0 used again: page 1 is now the oldest
    cache.put(_result(3, 100))
    assert RenderKey("view", 1, 1.0) not in cache
    assert all(RenderKey("view", p, 1.0) in cache for p in (0, 2, 3))
    assert cache.bytes <= cache.max_bytes
    assert cache.any_for("view", 3) is not None and cache.any_for("thumbs", 3) is None


def test_cache_never_evicts_what_is_on_screen_for_a_prefetch():
    one_page = _result(0, 100).image.sizeInBytes()
    cache = ImageCache(max_bytes=2 * one_page)
    cache.protected = {RenderKey("view", 0, 1.0), RenderKey("view", 1, 1.0)}
    for page in range(3):
        cache.put(_result(page, 100))
    assert RenderKey("view", 0, 1.0) in cache and RenderKey("view", 1, 1.0) in cache


def test_worker_renders_the_newest_wish_list_only(qtbot, tmp_path):
    document = Document.open(build.text_pdf(tmp_path / "a.pdf", pages=30))
    worker = RenderWorker()
    done: list[int] = []
    worker.rendered.connect(lambda result: done.append(result.key.page))
    generation = worker.set_document(document)
    worker.want("view", [RenderKey("view", p, 0.5) for p in range(0, 20)])   # scrolled past at once …
    worker.want("view", [RenderKey("view", p, 0.5) for p in (25, 26)])       # … to here
    worker.start()
    try:
        qtbot.waitUntil(lambda: {25, 26} <= set(done), timeout=15000)
        qtbot.wait(100)
        assert set(done) == {25, 26}
        assert worker.generation == generation
    finally:
        worker.stop()
        worker.deleteLater()
        qtbot.wait(10)
        document.close()


def test_damaged_page_becomes_a_marked_placeholder_not_a_crash(qtbot, tmp_path, monkeypatch):
    from reader.errors import CorruptPdfError

    document = Document.open(build.text_pdf(tmp_path / "a.pdf", pages=2))

    def broken(index, zoom, clip=None, cancelled=None):
        raise CorruptPdfError("第 2 页已损坏 (page 2 is damaged)")

    monkeypatch.setattr(document, "render", broken)
    worker = RenderWorker()
    results: list[RenderResult] = []
    worker.rendered.connect(results.append)
    worker.set_document(document)
    worker.start()
    try:
        worker.want("view", [RenderKey("view", 1, 1.0)])
        qtbot.waitUntil(lambda: bool(results), timeout=15000)
        assert results[0].image is None and "damaged" in results[0].error
    finally:
        worker.stop()
        worker.deleteLater()
        qtbot.wait(10)
        document.close()


PROBE = """
import json, sys
from PySide6.QtWidgets import QApplication
app = QApplication([])
from reader.ui.main_window import MainWindow
from reader.ui.render_worker import RenderKey
w = MainWindow(background_analysis=False); w.resize(900, 700); w.show()
w.open_pdf(sys.argv[1]); w.view.set_zoom(1.0)
v = w.view
key = RenderKey("view", 0, v.render_zoom())
while key not in v.cache:
    app.processEvents()
image = v.cache.get(key).image
print(json.dumps({"dpr": v.device_pixel_ratio(), "render_zoom": v.render_zoom(), "width": image.width(),
                  "image_dpr": image.devicePixelRatio(), "logical_width": v.layout_.widths[0]}))
w.close()
"""


def test_hidpi_renders_at_device_pixels(tmp_path):
    pdf = build.text_pdf(tmp_path / "a.pdf", pages=1)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_SCALE_FACTOR": "2"}
    proc = subprocess.run([sys.executable, "-c", PROBE, str(pdf)], cwd=REPO, env=env, capture_output=True,
                          text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    figures = json.loads(proc.stdout.strip().splitlines()[-1])
    assert figures["dpr"] == 2.0 and figures["image_dpr"] == 2.0
    assert abs(figures["render_zoom"] - 2 * 96 / 72) < 1e-3
    assert abs(figures["width"] - 2 * figures["logical_width"]) <= 2    # twice the pixels, same size on screen
