"""Search as an analyst uses it on the shared compilation: hits in reading order from where the
reader is, every hit lit, counts of occurrences and pages, wrapping said out loud (issue 14, 1–2)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from test_journeys import _close, _open_window, _squash, _type_with_input_method, _wait_indexed

SHIFT = Qt.KeyboardModifier.ShiftModifier
TERM = "氢能"


@pytest.fixture(scope="module")
def shared(sample_pdf: Path) -> Path:
    return sample_pdf


def _search(qtbot, win, text: str) -> None:
    panel = win.search_panel
    qtbot.keyClick(win, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    panel.box.clear()
    _type_with_input_method(panel.box, text)
    qtbot.keyClick(panel.box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.results is not None and panel.results.query == text and bool(panel.page_rows()), timeout=30000)


def _current(win):
    from reader.ui.search_navigation import CURRENT_COLOR

    return sorted((page, rect) for page, items in win.view._overlays.get("search", {}).items()
                  for rect, color in items if color.rgb() == CURRENT_COLOR.rgb())


def _occurrences(comp, term: str) -> list[tuple[int, int]]:
    """(page, position) of every occurrence, by the page it starts on, in reading order (the truth).

    Whitespace is ignored, so an occurrence broken over a line or a page break counts."""
    kept = [(i, ch) for i, ch in enumerate(comp.text) if not ch.isspace()]
    squashed = "".join(ch for _i, ch in kept)
    return [(comp.page_of_offset(kept[m.start()][0]), m.start()) for m in re.finditer(term, squashed)]


def test_f3_walks_hits_in_reading_order_from_the_reader_and_lights_them_all(qtbot, shared):
    win = _open_window(qtbot, shared)
    _wait_indexed(qtbot, win)
    comp = win.compilation
    _search(qtbot, win, TERM)
    panel = win.search_panel
    assert panel.order.currentData() == "reading"
    rows = panel.page_rows()
    listed = [r.data(0, Qt.ItemDataRole.UserRole + 1)[0].page_index for r in rows]
    assert listed == sorted(listed), "the list is in page order inside the document"
    truth = [o for o in _occurrences(comp, TERM) if o[0] in set(listed)]
    pages = {p for p, _ in truth}
    assert f"共 {len(truth)} 处，{len(pages)} 页" in panel.summary.text()
    # every hit is lit on its page, before any is chosen
    overlay = win.view._overlays["search"]
    assert pages <= set(overlay) and sum(len(v) for v in overlay.values()) >= len(truth)
    # a page with several hits shows several snippets
    several = next(r for r in rows if sum(1 for p, _ in truth if p == r.data(0, Qt.ItemDataRole.UserRole + 1)[0].page_index) > 1)
    assert several.data(0, Qt.ItemDataRole.UserRole + 2).count("<br>") >= 1

    # the reader is at the top of the page before the last-but-one hit page; F3 goes forward from there
    start_page = sorted(pages)[-2]
    win.view.go_to(start_page)
    win.view.setFocus()
    seen = []
    for _ in range(len(truth) + 1):
        qtbot.keyClick(win.view, Qt.Key.Key_F3)
        seen.append(_current(win)[0][0])
    expected = [p for p, _ in truth if p >= start_page] + [p for p, _ in truth if p < start_page]
    assert seen[:len(truth)] == expected, "F3 visits every hit in page order, none skipped"
    assert "从第一处继续" in win.statusBar().currentMessage() or "从第一处继续" in panel.summary.text()
    assert re.search(r"第 \d+ / 共", panel.summary.text())
    # Shift+F3 goes back one, in reading order
    before = _current(win)
    qtbot.keyClick(win.view, Qt.Key.Key_F3, SHIFT)
    qtbot.keyClick(win.view, Qt.Key.Key_F3)
    assert _current(win) == before

    # relevance order is offered; F3 still walks the text
    panel.order.setCurrentIndex(panel.order.findData("relevance"))
    assert panel.order.currentData() == "relevance"

    # a new query clears the old highlights
    _search(qtbot, win, "合成氨")
    lit = win.view._overlays["search"]
    ammonia = {p for p, _ in _occurrences(comp, "合成氨")}
    assert set(lit) <= ammonia | {p + 1 for p in ammonia}
    _close(win)
