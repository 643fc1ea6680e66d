"""The search panel in the real window: indexing the open document, typing, grouped results,
hits lit on the page, F3 stepping, scopes and shortcuts, other compilations, the index action."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from reader.index.normalize import fold

from tests.builders.index_pdfs import BODY, make_pdf  # noqa: E402


@pytest.fixture
def window(qtbot, make_window, open_analysed, tmp_path):
    win = make_window(size=(1200, 850))
    open_analysed(win, make_pdf(tmp_path / "a.pdf", BODY))
    assert win.search_indexing.wait(60000)
    qtbot.waitUntil(lambda: not win.search_indexing.jobs, timeout=10000)
    yield win
    win.search_panel.worker.wait(10000)
    win.search_indexing.wait(10000)


def _search(qtbot, panel, text: str) -> None:
    panel.results = None
    panel.box.clear()
    for char in text:  # typed one character at a time (QTest cannot type CJK)
        panel.box.insert(char)
    qtbot.waitUntil(lambda: panel.results is not None and panel.results.query == text, timeout=15000)


def _pages_with(win, text: str) -> set[int]:
    comp = win.compilation
    return {p for p in range(comp.page_count) if fold(text) in fold(comp.page_text(p))}


def test_typing_searches_the_open_document_in_the_background(qtbot, window):
    panel = window.search_panel
    threads = []
    original = panel.searcher

    def spy():
        threads.append(threading.current_thread())
        return original()

    panel.searcher = spy
    _search(qtbot, panel, "专精特新")
    assert threads and all(t is not threading.main_thread() for t in threads)
    rows = panel.page_rows()
    assert {row.data(0, 0x0101)[0].page_index for row in rows} == _pages_with(window, "专精特新")
    assert "<b>专精特新</b>" in rows[0].data(0, 0x0102)
    assert panel.tree.topLevelItemCount() == 1  # grouped under the one compilation


def test_clicking_a_result_lights_every_hit_and_f3_steps(qtbot, window):
    panel = window.search_panel
    _search(qtbot, panel, "氢冶金")
    rows = panel.page_rows()
    first = next(r for r in rows if r.data(0, 0x0101)[0].page_index == 0)
    panel.tree.itemClicked.emit(first, 0)
    overlay = window.view._overlays["search"]
    assert len(overlay[0]) >= 3  # title + a word broken over two lines
    panel.window_.activateWindow()
    before = panel._current
    qtbot.keyClick(window, Qt.Key.Key_F3)
    assert panel._current != before
    qtbot.keyClick(window, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert panel._current == before


def test_shortcuts_choose_the_scope(qtbot, window):
    panel = window.search_panel
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert panel.scope.currentData() == "library"
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert panel.scope.currentData() == "document"


def test_library_scope_finds_other_compilations_and_opens_them(qtbot, window, tmp_path):
    other = make_pdf(tmp_path / "more" / "b.pdf" if (tmp_path / "more").mkdir() is None else None,
                     [["前言", "另一本汇编也讨论低空经济和专精特新。"], ["正文", "其他内容。"]], title="另一本汇编")
    job = window.search_indexing.index_paths([tmp_path / "more"])
    assert job is not None
    qtbot.waitUntil(lambda: not window.search_indexing.jobs, timeout=60000)
    panel = window.search_panel
    panel.focus_search("library")
    _search(qtbot, panel, "低空经济")
    rows = panel.page_rows()
    assert len(rows) == 1 and panel.tree.topLevelItemCount() == 1
    panel.tree.itemClicked.emit(rows[0], 0)
    assert Path(window.document.path).resolve() == other.resolve()
    assert window.view._overlays["search"]
    _search(qtbot, panel, "专精特新")
    assert panel.tree.topLevelItemCount() == 2


def test_odd_and_empty_queries_show_a_message(qtbot, window):
    panel = window.search_panel
    for text in ['"', "(", "AND", "😀"]:
        _search(qtbot, panel, text)
        shown = panel.summary.text()
        assert shown and shown != panel.tr("正在搜索…")  # the search ended and says how
        assert text.strip('"()') in shown or "没有" in shown or "请" in shown, shown
    panel.box.clear()
    qtbot.waitUntil(lambda: panel.summary.text() == "", timeout=15000)
    assert panel.tree.topLevelItemCount() == 0
