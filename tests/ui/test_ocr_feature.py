"""A scanned file in the window: OCR is offered, runs in a worker process with progress in the status
bar, and the file then reads like a typeset one (text, outline), with a badge on OCR'd pages."""

from __future__ import annotations


import pytest
from PySide6.QtWidgets import QMessageBox

from tests.builders import ocr_pdfs  # noqa: E402

from reader.ui.main_window import MainWindow  # noqa: E402

pytestmark = pytest.mark.slow


def test_scanned_file_offers_ocr_and_then_reads_as_text(qtbot, tmp_path):
    pdf = ocr_pdfs.scanned_pdf(tmp_path / "scan.pdf")
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1000, 800)
    window.show()
    qtbot.waitExposed(window)
    with qtbot.waitSignal(window.compilationReady, timeout=60000):
        assert window.open_pdf(pdf)
    assert window.compilation.text == ""
    qtbot.waitUntil(lambda: window.ocr.offer_box is not None and window.ocr.offer_box.isVisible(), timeout=30000)
    assert not window.ocr.badge.isVisible()
    window.ocr.offer_box.button(QMessageBox.StandardButton.Yes).click()
    assert window.ocr.job is not None
    qtbot.waitUntil(lambda: any("OCR" in label for label in window.busy.tasks()), timeout=10000)
    with qtbot.waitSignal(window.compilationReady, timeout=180000):
        qtbot.waitUntil(lambda: window.ocr.job is None, timeout=180000)
    assert ocr_pdfs.TITLE in window.compilation.text
    assert [d.title for d in window.compilation.documents] == [ocr_pdfs.TITLE]
    qtbot.waitUntil(lambda: window.ocr.badge.isVisible(), timeout=30000)
    window.search_indexing.wait(30000)
    window.close()
