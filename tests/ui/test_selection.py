"""Mouse selection and copy: raw page text before the structure exists, clean text after."""

from __future__ import annotations


import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication

from tests.builders import pdfs as build  # noqa: E402

from reader.ui.main_window import MainWindow  # noqa: E402


WRAPPED_FIRST_LINE = "为推动制造业绿色发展，加快构建绿色低碳循环发展的产业体系，现推动制造业绿色"


@pytest.fixture
def window(qtbot):
    window = MainWindow(background_analysis=False)
    qtbot.addWidget(window)
    window.resize(1000, 800)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.close()


def to_view(window: MainWindow, page: int, x: float, y: float) -> QPoint:
    view = window.view
    left, top, _, _ = view.layout_.page_rect(page, view.viewport().width())
    scale = view.layout_.scale
    return QPoint(round(left + x * scale - view.horizontalScrollBar().value()),
                  round(top + y * scale - view.verticalScrollBar().value()))


def drag(qtbot, window: MainWindow, start: QPoint, end: QPoint) -> None:
    # as a user does: once the pages are shown (their text is extracted off the GUI thread meanwhile)
    qtbot.waitUntil(lambda: all(window.view.text_ready(p) for p in window.view.visible_pages()), timeout=15000)
    viewport = window.view.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(viewport, pos=(start + end) / 2)
    qtbot.mouseMove(viewport, pos=end)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=end)


def test_drag_selects_across_lines_and_copy_joins_them(window, qtbot, tmp_path):
    # A first line that runs to the right margin: the paragraph wraps, it does not end there.
    pdf = build.paragraph_pdf(tmp_path / "p.pdf", WRAPPED_FIRST_LINE, "发展的通知 and Latin")
    window.open_pdf(pdf)
    window.view.go_to(0)
    spy = []
    window.view.selectionChanged.connect(lambda: spy.append(1))
    # From the first character of line 1 (baseline y=100, 14 pt) to the end of line 2.
    drag(qtbot, window, to_view(window, 0, 73, 95), to_view(window, 0, 400, 115))
    assert spy
    assert window.view.selected_text() == WRAPPED_FIRST_LINE + "发展的通知 and Latin"   # no break between CJK lines
    assert window.view.selection_span() is None          # no Compilation yet: no clean-text offsets
    window.view.setFocus()
    QGuiApplication.clipboard().clear()
    qtbot.keyClick(window.view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == WRAPPED_FIRST_LINE + "发展的通知 and Latin"


def test_latin_lines_join_with_a_space(window, qtbot, tmp_path):
    window.open_pdf(build.paragraph_pdf(tmp_path / "p.pdf", "digital and green", "transition plan"))
    drag(qtbot, window, to_view(window, 0, 72, 95), to_view(window, 0, 400, 115))
    assert window.view.selected_text() == "digital and green transition plan"


def test_a_click_clears_the_selection(window, qtbot, tmp_path):
    window.open_pdf(build.paragraph_pdf(tmp_path / "p.pdf", "推动制造业绿色", "发展的通知"))
    drag(qtbot, window, to_view(window, 0, 73, 95), to_view(window, 0, 150, 95))
    assert window.view.selected_text()
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=to_view(window, 0, 300, 400))
    assert window.view.selected_text() == ""


def test_selection_uses_clean_text_once_the_compilation_is_ready(qtbot, sample_pdf):
    window = MainWindow(background_analysis=True)
    qtbot.addWidget(window)
    window.resize(1000, 800)
    window.show()
    try:
        with qtbot.waitSignal(window.compilationReady, timeout=60000):
            window.open_pdf(sample_pdf)
        comp = window.compilation
        assert comp is not None and window.content_hash == window.document.content_hash
        page = window.document.page_labels.index("45")
        window.view.go_to(page)
        chars = [i for i in range(comp.page_starts[page], comp.page_starts[page + 1]) if comp.char_rects[i][2] > comp.char_rects[i][0]]
        first, last = chars[5], chars[min(len(chars) - 1, 120)]
        x0, y0, x1, y1 = comp.char_rects[first]
        a = to_view(window, page, (x0 + x1) / 2, (y0 + y1) / 2)
        x0, y0, x1, y1 = comp.char_rects[last]
        b = to_view(window, page, (x0 + x1) / 2, (y0 + y1) / 2)
        drag(qtbot, window, a, b)
        start, end = window.view.selection_span()
        assert (start, end) == (first, last + 1)
        assert window.view.selected_text() == comp.text[start:end]
        seen = []
        window.view.context_menu_hooks.append(lambda menu, p, offset: seen.append((menu.actions()[0].isEnabled(), p, offset)))
        window.view.build_context_menu(a)
        assert seen == [(True, page, first)]      # copy enabled; the hook gets the clean-text offset under the pointer
        rects = window.view.selection.rects()
        assert set(rects) == {page} and rects[page] == list(comp.span_rects(start, end)[page])
    finally:
        window.close()


def test_double_click_selects_the_phrase_and_shift_click_extends(window, qtbot, tmp_path):
    window.open_pdf(build.paragraph_pdf(tmp_path / "p.pdf", "各地区，推动制造业绿色发展。", "另起一行"))
    qtbot.waitUntil(lambda: window.view.text_ready(0), timeout=15000)
    viewport = window.view.viewport()
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=to_view(window, 0, 72 + 14 * 5, 95))
    assert window.view.selected_text() == "推动制造业绿色发展"       # between the punctuation marks
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier,
                     pos=to_view(window, 0, 72 + 14 * 2 + 7, 115))  # middle of the third character
    assert window.view.selected_text() == "推动制造业绿色发展。另起一"


def test_selection_never_extracts_on_the_gui_thread(window, qtbot, tmp_path, monkeypatch):
    """Before the analysis, page text comes from the render worker; the GUI thread never calls into MuPDF for it."""
    import threading

    from reader.ui import page_text

    built_on = []
    original = page_text.PageTextMap.build.__func__
    monkeypatch.setattr(page_text.PageTextMap, "build",
                        classmethod(lambda cls, doc, page: (built_on.append(threading.current_thread()),
                                                            original(cls, doc, page))[1]))
    window.open_pdf(build.paragraph_pdf(tmp_path / "p.pdf", "推动制造业绿色", "发展的通知"))
    assert not window.view.text_ready(0) or built_on  # nothing extracted synchronously by opening
    drag(qtbot, window, to_view(window, 0, 73, 95), to_view(window, 0, 400, 95))
    assert window.view.selected_text() == "推动制造业绿色"
    assert built_on and threading.main_thread() not in built_on


def test_copy_before_analysis_is_the_analysed_text(tmp_path):
    """One join rule: the per-page fallback gives the clean text the structure gives."""
    from reader.document import Document
    from reader.structure import analyze
    from reader.ui.page_text import PageTextMap

    short = build.paragraph_pdf(tmp_path / "short.pdf", "推动制造业绿色", "发展的通知 and Latin")
    wrapped = build.paragraph_pdf(tmp_path / "wrapped.pdf", WRAPPED_FIRST_LINE, "发展的通知 and Latin")
    latin = build.paragraph_pdf(tmp_path / "latin.pdf", "digital and green", "transition plan")
    for path in (short, wrapped, latin):
        document = Document.open(path)
        assert PageTextMap.build(document, 0).text == analyze(document).text
