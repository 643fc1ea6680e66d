"""The reading window on the shared compilation and on small PDFs: navigation, zoom, rendering, settings."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QWheelEvent

from tests.builders import pdfs as build  # noqa: E402

from reader.ui.main_window import MainWindow  # noqa: E402
from reader.ui.render_worker import BAND_LIMIT_BYTES  # noqa: E402


def rendered(window: MainWindow) -> bool:
    return not window.view.missing_renders()


def test_opens_the_compilation_and_paints_real_pages(make_window, qtbot, sample_pdf):
    window = make_window()
    assert window.open_pdf(sample_pdf)
    labels = window.document.page_labels
    assert window.page_box.text() == f"{labels[0]} (1/{window.document.page_count})"
    qtbot.waitUntil(lambda: rendered(window), timeout=15000)
    # The page area holds the render, not the placeholder: dark text pixels exist on page 1.
    image = window.view.viewport().grab().toImage()
    x, y, w, h = window.view.layout_.page_rect(0, window.view.viewport().width())
    darkest = min(QColor(image.pixel(px, py)).lightness()
                  for px in range(x + 20, x + w - 20, 7) for py in range(max(y, 0) + 20, min(h, image.height()) - 5, 7))
    assert darkest < 100


def test_scroll_to_end_go_to_label_and_zoom(make_window, qtbot, sample_pdf):
    window = make_window()
    window.open_pdf(sample_pdf)
    document, view = window.document, window.view
    last = document.page_count - 1
    qtbot.keyClick(view, Qt.Key.Key_End)
    assert view.current_page() == last
    assert window.page_box.text() == f"{document.page_label(last)} ({last + 1}/{last + 1})"
    qtbot.waitUntil(lambda: rendered(window), timeout=15000)
    assert last in view.visible_pages()

    # Ctrl+G, type the printed label, Enter.
    qtbot.keyClick(window, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    assert window.page_box.hasFocus()
    window.page_box.clear()
    qtbot.keyClicks(window.page_box, "45")
    qtbot.keyClick(window.page_box, Qt.Key.Key_Return)
    target = document.page_labels.index("45")
    assert view.current_page() == target
    assert window.page_box.text() == f"45 ({target + 1}/{document.page_count})"

    # Zoom in keeps the page; the zoom box follows; renders are redone at the new zoom.
    before = view.zoom()
    window.zoom_in_action.trigger()
    assert view.zoom() > before and view.fit_mode is None
    assert view.current_page() == target
    assert window.zoom_box.currentText() == f"{round(view.zoom() * 100)}%"
    qtbot.waitUntil(lambda: rendered(window), timeout=15000)
    width = view.layout_.widths[target]
    assert abs(width - document.page_size(target)[0] * view.zoom() * 96 / 72) <= 1

    # Ctrl+wheel zooms out.
    zoom = view.zoom()
    centre = QPointF(view.viewport().rect().center())
    wheel = QWheelEvent(centre, view.viewport().mapToGlobal(centre), QPoint(0, 0), QPoint(0, -120),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.ControlModifier, Qt.ScrollPhase.NoScrollPhase, False)
    view.wheelEvent(wheel)
    assert view.zoom() < zoom

    # Fit width: the widest page spans the viewport minus the margins.
    window.zoom_box.setCurrentIndex(window.zoom_box.findData("width"))
    window.zoom_box.activated.emit(window.zoom_box.currentIndex())
    assert view.fit_mode == "width"
    assert abs(view.layout_.content_width - view.viewport().width()) <= 2


def test_zoom_box_accepts_a_typed_percentage(make_window, qtbot, sample_pdf):
    window = make_window()
    window.open_pdf(sample_pdf)
    window.zoom_box.lineEdit().setText("150")
    qtbot.keyClick(window.zoom_box.lineEdit(), Qt.Key.Key_Return)
    assert window.view.zoom() == pytest.approx(1.5)
    assert window.zoom_box.currentText() == "150%"


def test_page_keys(make_window, qtbot, sample_pdf):
    window = make_window()
    window.open_pdf(sample_pdf)
    view = window.view
    view.set_fit_mode("page")
    assert view.current_page() == 0
    qtbot.keyClick(view, Qt.Key.Key_PageDown)
    qtbot.keyClick(view, Qt.Key.Key_PageDown)
    assert view.current_page() == 2
    qtbot.keyClick(view, Qt.Key.Key_PageUp)
    assert view.current_page() == 1
    qtbot.keyClick(view, Qt.Key.Key_Home)
    assert view.current_page() == 0


def test_reading_position_zoom_and_layout_round_trip(make_window, qtbot, sample_pdf):
    window = make_window()
    window.open_pdf(sample_pdf)
    window.view.set_zoom(1.75)
    window.view.go_to(30)
    window.findChild(type(window.thumbnails.parent()), "thumbnailsDock").hide()
    window.resize(700, 500)  # inside the offscreen screen (800×600): restoreGeometry clamps to it
    window.close()

    again = make_window(restore=True)
    assert again.size().width() == 700 and again.size().height() == 500
    assert not again.findChild(type(again.thumbnails.parent()), "thumbnailsDock").isVisible()
    again.open_pdf(sample_pdf)
    assert again.view.zoom() == pytest.approx(1.75)
    assert again.view.current_page() == 30
    assert again.settings.recent_files()[0] == str(Path(sample_pdf).resolve())


def test_page_option_wins_over_the_remembered_page(make_window, sample_pdf):
    window = make_window()
    window.open_pdf(sample_pdf, page="45")
    assert window.view.current_page() == window.document.page_labels.index("45")


def test_two_thousand_pages_open_without_rendering_them_all(make_window, qtbot, tmp_path):
    import pymupdf

    one = pymupdf.open(build.text_pdf(tmp_path / "one.pdf", pages=10))
    big = pymupdf.open()
    for _ in range(200):
        big.insert_pdf(one)
    big.save(tmp_path / "big.pdf")
    window = make_window()
    assert window.open_pdf(tmp_path / "big.pdf")
    assert window.page_box.text() == "1 (1/2000)"
    qtbot.keyClick(window.view, Qt.Key.Key_End)
    qtbot.waitUntil(lambda: rendered(window), timeout=15000)
    assert window.view.current_page() == 1999
    assert len(window.view.cache) < 20          # only what was on screen (and next to it)
    assert window.thumbnails.model().rowCount() == 2000


def test_thumbnail_click_goes_to_page_and_follows_scrolling(make_window, qtbot, sample_pdf):
    window = make_window()
    window.open_pdf(sample_pdf)
    thumbs = window.thumbnails
    index = thumbs.model().index(5)
    thumbs.scrollTo(index)
    qtbot.mouseClick(thumbs.viewport(), Qt.MouseButton.LeftButton, pos=thumbs.visualRect(index).center())
    assert window.view.current_page() == 5
    window.view.go_to(40)
    assert thumbs.currentIndex().row() == 40
    qtbot.waitUntil(lambda: any(k.channel == "thumbs" for k in thumbs.model_.cache._items), timeout=15000)


def test_overlay_is_drawn_over_the_page(make_window, qtbot, tmp_path):
    window = make_window()
    window.open_pdf(build.text_pdf(tmp_path / "a.pdf", pages=2))
    view = window.view
    qtbot.waitUntil(lambda: rendered(window), timeout=15000)
    view.set_overlay("test", {0: [((300, 400, 500, 500), QColor("#ff0000"))]})
    image = view.viewport().grab().toImage()
    x, y, _, _ = view.layout_.page_rect(0, view.viewport().width())
    scale = view.layout_.scale
    colour = QColor(image.pixel(round(x + 400 * scale), round(y + 450 * scale - view.verticalScrollBar().value())))
    assert colour.red() > 200 and colour.green() < 230 and colour.green() == colour.blue()  # translucent red on white
    view.clear_overlay("test")
    image = view.viewport().grab().toImage()
    colour = QColor(image.pixel(round(x + 400 * scale), round(y + 450 * scale - view.verticalScrollBar().value())))
    assert colour.name() == "#ffffff"


def test_high_zoom_renders_bands_not_whole_pages(make_window, qtbot, sample_pdf):
    window = make_window()
    window.open_pdf(sample_pdf)
    view = window.view
    view.set_zoom(6.0)
    view.go_to(10)
    view.verticalScrollBar().setValue(view.verticalScrollBar().value() + 3000)   # mid-page
    qtbot.waitUntil(lambda: rendered(window), timeout=10000)
    shown = [view.cache.get(key) for key in view._page_keys(10, view.verticalScrollBar().value(),
                                                             view.verticalScrollBar().value() + view.viewport().height())]
    assert shown and all(result.key.clip is not None for result in shown)
    assert all(result.image.sizeInBytes() <= BAND_LIMIT_BYTES for result in shown)
    assert view.cache.bytes <= view.cache.max_bytes
    # The band really holds the page's middle: dark text pixels, not an empty image.
    assert any(min(result.image.pixelColor(x, y).lightness() for x in range(0, result.image.width(), 9)
                   for y in range(0, result.image.height(), 9)) < 100 for result in shown)
