"""A scanned file that the library has OCR'd, in the window: the characters OCR was unsure of are
marked on request (视图 menu, Ctrl+Shift+L) and the export dialog can put the OCR text into the
annotated copy as an invisible layer."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pymupdf
import pytest
from PySide6.QtCore import QPoint, Qt

from tests.builders import ocr_pdfs  # noqa: E402

from reader.cli import main  # noqa: E402
from reader.ui.main_window import MainWindow  # noqa: E402

pytestmark = pytest.mark.slow
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def window(qtbot, tmp_path):
    # a coarse scan (75 dpi): the engine is unsure of a few characters
    pdf = ocr_pdfs.scanned_pdf(tmp_path / "scan.pdf", dpi=75)
    library = os.environ["READER_LIBRARY"]
    assert main(["index", str(pdf), "--library", library]) == 0  # OCR'd by the indexing
    assert main(["annotations", "add", str(pdf), "--page", "0", "--quote", "工业互联网平台",
                 "--theme", "数据安全", "--library", library]) == 0
    win = MainWindow()
    qtbot.addWidget(win)
    win.resize(1100, 850)
    win.show()
    qtbot.waitExposed(win)
    with qtbot.waitSignal(win.compilationReady, timeout=60000):
        assert win.open_pdf(pdf)
    yield win
    win.search_indexing.wait(60000)
    win.runner.wait(10000)
    win.close()


def _scores_below(library: str, threshold: float) -> list[tuple[int, list[float]]]:
    """(page, box) of every cached OCR character scored below ``threshold``, read from the JSON."""
    out = []
    for path in sorted(Path(library, "cache", "ocr").glob("*/*/*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        for line in data["lines"]:
            out += [(data["page"], rect) for char, rect, score in zip(line["chars"], line["rects"], line["scores"])
                    if char.strip() and score < threshold]
    return out


def test_ctrl_shift_l_marks_the_doubtful_characters_and_takes_the_marks_away(qtbot, window):
    from reader.ocr.confidence import LOW_CONFIDENCE

    action = window.findChild(type(window.ocr.action), "actionShowOcrDoubts")
    assert action in window.menu("view").actions() and action.shortcut().toString() == "Ctrl+Shift+L"
    expected = _scores_below(os.environ["READER_LIBRARY"], LOW_CONFIDENCE)
    assert expected, "a 75-dpi scan has characters OCR is unsure of"
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_L, CTRL_SHIFT)
    qtbot.waitUntil(lambda: bool(window.view.underlines), timeout=15000)
    shown = [(page, [round(v, 1) for v in rect]) for page, items in window.view.underlines.items()
             for rect, _color in items]
    assert sorted(shown) == sorted((page, [round(v, 1) for v in rect]) for page, rect in expected)
    assert window.view._overlays.get("ocr-doubtful")  # tinted as well
    assert window.ocr.badge.isVisible()  # the OCR badge stays
    qtbot.keyClick(window.view, Qt.Key.Key_L, CTRL_SHIFT)
    assert not window.view.underlines and "ocr-doubtful" not in window.view._overlays


def test_export_dialog_adds_the_ocr_layer_when_ticked(qtbot, window, tmp_path):
    window.export_action.trigger()
    dialog = window.export_dialog
    qtbot.waitUntil(dialog.isVisible)
    assert not dialog.ocr_layer_check.isVisibleTo(dialog)  # Word is the default format
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("pdf"))
    assert dialog.ocr_layer_check.isVisibleTo(dialog)
    qtbot.mouseClick(dialog.ocr_layer_check, Qt.MouseButton.LeftButton,
                     pos=QPoint(8, dialog.ocr_layer_check.height() // 2))  # on the box itself
    assert dialog.ocr_layer_check.isChecked()
    output = tmp_path / "copy.pdf"
    dialog.output_edit.setText(str(output))
    dialog.export_button.click()
    qtbot.waitUntil(lambda: not dialog.running and output.exists(), timeout=60000)
    page = pymupdf.open(output)[0]
    assert "报送自查报告" in "".join(page.get_text().split())
    assert page.get_texttrace() and all(t["type"] == 3 for t in page.get_texttrace())
