"""A scanned file in the window: opening it starts the library indexing, whose worker OCRs the pages
without text (progress and cancel in the status bar); the file then reads like a typeset one (text,
outline), is found by the search panel, and OCR'd pages carry a badge."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.builders import ocr_pdfs  # noqa: E402

from reader.ui.main_window import MainWindow  # noqa: E402

pytestmark = pytest.mark.slow


def _open(qtbot, pdf) -> MainWindow:
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1000, 800)
    window.show()
    qtbot.waitExposed(window)
    with qtbot.waitSignal(window.compilationReady, timeout=60000):
        assert window.open_pdf(pdf)
    return window


def test_opening_a_scan_ocrs_it_in_the_indexing_worker_and_makes_it_searchable(qtbot, tmp_path):
    pdf = ocr_pdfs.scanned_pdf(tmp_path / "scan.pdf")
    window = _open(qtbot, pdf)
    assert window.compilation.text == ""
    # Nobody has to ask: the indexing started on open shows OCR progress in the status bar.
    qtbot.waitUntil(lambda: any("OCR" in label for label in window.busy.tasks()), timeout=60000)
    assert window.ocr.offer_box is None and window.ocr.job is None  # no OCR of its own beside the indexing
    with qtbot.waitSignal(window.compilationReady, timeout=180000):
        pass  # the file is read again once its pages have text
    assert ocr_pdfs.TITLE in window.compilation.text
    assert [d.title for d in window.compilation.documents] == [ocr_pdfs.TITLE]
    qtbot.waitUntil(lambda: window.ocr.badge.isVisible(), timeout=30000)
    assert window.search_indexing.wait(60000)

    panel = window.search_panel
    window.view.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    for char in "报送自查报告":  # typed one character at a time (QTest cannot type CJK)
        panel.box.insert(char)
    qtbot.waitUntil(lambda: panel.results is not None and panel.results.query == "报送自查报告", timeout=30000)
    assert [row.data(0, 0x0101)[0].page_index for row in panel.page_rows()] == [0]
    panel.worker.wait(10000)
    window.close()


def test_ocr_in_the_indexing_can_be_cancelled_from_the_status_bar(qtbot, tmp_path):
    pdf = ocr_pdfs.scanned_pdf(tmp_path / "scan.pdf", pages=20)
    window = _open(qtbot, pdf)
    qtbot.waitUntil(lambda: any("OCR" in label for label in window.busy.tasks()), timeout=60000)
    qtbot.wait(3500)  # past the start-up's "finish interrupted work", which queues behind it

    def cancel_all() -> bool:  # the status bar's cancel stops the task it shows, one at a time
        window.busy.cancel_current()
        return not window.busy.tasks()

    qtbot.waitUntil(cancel_all, timeout=60000)
    assert window.search_indexing.wait(60000)
    assert window.compilation.text == ""  # nothing was indexed or re-read
    assert window.ocr.action.isEnabled()  # 工具 ▸ 识别扫描页文字 starts it again
    window.ocr.action.trigger()
    qtbot.waitUntil(lambda: any("OCR" in label for label in window.busy.tasks()), timeout=60000)
    window.busy.cancel_current()
    assert window.search_indexing.wait(60000)
    window.close()
