"""Reading as a user does it: links and the printed 目录, Back/Forward, print, the status line, the
outline marker, filters without a match, the exact place restored, the last file reopened, English
messages, empty files."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pymupdf
import pytest
from PySide6.QtCore import QCoreApplication, QPoint, Qt, QTranslator
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtGui import QAction

from reader.ui.app import reopen_last
from reader.ui.reading_aids import print_pages

from tests.builders import pdfs as build  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
CJK = re.compile(r"[\u3400-\u9fff]")


def _linked_pdf(path: Path) -> Path:
    """Four pages; page 1 has a link to page 4 (a box near the top left)."""
    pdf = pymupdf.open()
    for number in range(4):
        page = pdf.new_page(width=420, height=600)
        page.insert_text((40, 80 + 20 * number), f"Page {number + 1} text", fontsize=14)
    pdf[0].insert_link({"kind": pymupdf.LINK_GOTO, "from": pymupdf.Rect(40, 100, 240, 140), "page": 3,
                        "to": pymupdf.Point(0, 0)})
    pdf[0].insert_text((45, 125), "Go to page 4", fontsize=14)
    pdf.save(path)
    pdf.close()
    return path


def _active(window, qtbot) -> None:
    """Window shortcuts reach the active window only; offscreen Qt activates none by itself."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    window.view.setFocus()


def _view_point(window, page: int, x: float, y: float) -> QPoint:
    """Where the point (x, y) of ``page`` (points) is on the view's viewport."""
    view = window.view
    left, top, _w, _h = view.layout_.page_rect(page, view.viewport().width())
    scale = view.layout_.scale
    return QPoint(round(left + x * scale - view.horizontalScrollBar().value()),
                  round(top + y * scale - view.verticalScrollBar().value()))


def test_pdf_link_click_jumps_and_alt_arrows_go_back_and_forward(make_window, qtbot, tmp_path):
    window = make_window()
    assert window.open_pdf(_linked_pdf(tmp_path / "links.pdf"))
    _active(window, qtbot)
    window.view.set_reading_position(0, 30.0)
    start = window.view.reading_position()
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=_view_point(window, 0, 120, 120))
    qtbot.waitUntil(lambda: window.view.current_page() == 3, timeout=5000)
    aids = window.reading_aids
    assert aids.back_action.isEnabled() and not aids.forward_action.isEnabled()
    qtbot.keyClick(window.view, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.view.reading_position()[0] == start[0]
    assert abs(window.view.reading_position()[1] - start[1]) < 1  # the exact place, not just the page
    qtbot.keyClick(window.view, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert window.view.current_page() == 3
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(5, 5))  # not on a link
    assert window.view.current_page() == 3


def test_printed_contents_entries_jump_to_their_documents(make_window, open_analysed, qtbot, sample_pdf):
    window = make_window(size=(1200, 900))
    comp = open_analysed(window, sample_pdf)
    _active(window, qtbot)
    links = [link for link in window.reading_aids._contents]
    assert len(links) >= len(comp.documents) - 2, "nearly every 目录 line is matched to a document"
    hydrogen = next(d for d in comp.documents if "清洁低碳氢" in d.title)
    link = next(link for link in links if link.target_page == hydrogen.start_page)
    window.view.go_to(link.page)
    x0, y0, x1, y1 = link.rect
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton,
                     pos=_view_point(window, link.page, (x0 + x1) / 2, (y0 + y1) / 2))
    qtbot.waitUntil(lambda: window.view.current_page() == hydrogen.start_page, timeout=5000)
    qtbot.keyClick(window.view, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.view.current_page() == link.page


def test_status_bar_shows_page_and_zoom(make_window, qtbot, tmp_path):
    window = make_window()
    window.open_pdf(build.text_pdf(tmp_path / "three.pdf", pages=3))
    label = window.reading_aids.status_label
    _active(window, qtbot)
    assert "第 1 页（1/3）" in label.text() and "%" in label.text()
    qtbot.keyClick(window.view, Qt.Key.Key_End)
    qtbot.waitUntil(lambda: "（3/3）" in label.text(), timeout=3000) if window.view.verticalScrollBar().maximum() else None
    assert window.view.current_page() == 2 and "（3/3）" in label.text(), label.text()
    before = label.text()
    qtbot.keyClick(window.view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: label.text() != before, timeout=3000)
    assert f"{round(window.view.zoom() * 100)}%" in label.text()


def test_print_dialog_prints_the_chosen_pages(make_window, qtbot, tmp_path):
    window = make_window()
    window.open_pdf(build.text_pdf(tmp_path / "three.pdf", pages=3))
    _active(window, qtbot)
    printer = window.reading_aids.printer()  # as if the user had chosen "print to file" before
    out = tmp_path / "printed.pdf"
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 3)
    qtbot.keyClick(window.view, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    dialog = window.reading_aids.last_print_dialog
    qtbot.waitUntil(dialog.isVisible, timeout=3000)
    dialog.accept()
    assert window.runner.wait(60000)  # printed off the GUI thread
    qtbot.waitUntil(lambda: "2" in window.statusBar().currentMessage(), timeout=5000)
    with pymupdf.open(out) as printed:
        assert printed.page_count == 2
        assert printed[0].get_images(), "the page is on the paper"


def test_print_pages_scales_each_page_onto_the_paper(tmp_path):
    from reader.document import Document

    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "all.pdf"))
    with Document.open(build.text_pdf(tmp_path / "three.pdf", pages=3)) as document:
        assert print_pages(document, printer, range(3)) == 3
    with pymupdf.open(tmp_path / "all.pdf") as printed:
        assert printed.page_count == 3


def test_outline_marker_follows_the_clause_on_screen(make_window, open_analysed, qtbot, sample_pdf):
    window = make_window(size=(1200, 900))
    comp = open_analysed(window, sample_pdf)
    panel = window.outline_panel
    # a clause that starts low on a page where an earlier entry starts too: the page alone would pick the earlier
    candidates = [(doc, clause) for doc, clause in comp.iter_clauses() if clause.children == [] and
                  comp.span_rects(clause.start_offset, clause.start_offset + 1).get(clause.start_page, [(0, 0, 0, 0)])[0][1] > 350]
    doc, clause = candidates[len(candidates) // 2]
    y = comp.span_rects(clause.start_offset, clause.start_offset + 1)[clause.start_page][0][1]
    view = window.view
    probe = max(view.viewport().height() * 0.2, 11) / view.layout_.scale
    view.set_reading_position(clause.start_page, y - probe + 4)
    qtbot.waitUntil(lambda: panel.selected_entry() is not None and panel.selected_entry()[1] is clause, timeout=5000)


def test_outline_filter_without_a_match_says_so(make_window, open_analysed, qtbot, sample_pdf):
    window = make_window()
    open_analysed(window, sample_pdf)
    panel = window.outline_panel
    qtbot.keyClicks(panel.filter_box, "zzqx")
    assert panel.no_match.isVisible() and "zzqx" in panel.no_match.text()
    panel.filter_box.clear()
    qtbot.keyClicks(panel.filter_box, "2024")
    assert not panel.no_match.isVisible()


def test_exact_place_and_last_document_come_back_at_start(make_window, qtbot, tmp_path):
    pdf = build.text_pdf(tmp_path / "long.pdf", pages=6)
    first = make_window()
    first.open_pdf(pdf)
    first.view.set_zoom(1.5)
    first.view.set_reading_position(3, 123.0)
    place = first.view.reading_position()
    first.close()
    again = make_window()
    assert again.document is None
    assert reopen_last(again)  # what the app does when started without a file
    assert again.document.path == pdf
    page, offset = again.view.reading_position()
    assert page == place[0] and abs(offset - place[1]) < 1


def test_an_empty_file_says_it_is_empty(make_window, qtbot, tmp_path):
    window = make_window()
    empty = tmp_path / "下载失败.pdf"
    empty.write_bytes(b"")
    assert not window.open_pdf(empty)
    box = window.last_error_dialog
    assert "空" in box.text() and "空" in box.informativeText() and "不是 PDF" not in box.informativeText()
    box.close()


@pytest.fixture
def english(tmp_path):
    qm = tmp_path / "reader_en.qm"
    sources = sorted(str(p) for p in (REPO / "resources" / "translations").glob("reader_en_*.ts"))
    tool = Path(sys.executable).parent / "pyside6-lrelease"
    subprocess.run([str(tool), *sources, "-qm", str(qm)], check=True, capture_output=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    app = QCoreApplication.instance()
    app.installTranslator(translator)
    yield
    app.removeTranslator(translator)


def test_english_ui_has_english_titles_and_english_errors(make_window, qtbot, tmp_path, english):
    window = make_window(language="en")
    assert not CJK.search(window.windowTitle())
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    window.open_pdf(empty)
    box = window.last_error_dialog
    assert box.windowTitle() == box.text() == "The file is empty"
    assert box.informativeText().startswith("The file is empty: ")
    assert "文件是空的" not in box.informativeText() and not CJK.search(window.statusBar().currentMessage().replace(str(empty), ""))
    box.close()
    window.open_pdf(build.text_pdf(tmp_path / "three.pdf", pages=3))
    assert not CJK.search(window.windowTitle().replace("three", ""))
    assert window.reading_aids.status_label.text().startswith("Page 1 (1/3)")
    window.findChild(QAction, "actionPrint").trigger()
    dialog = window.reading_aids.last_print_dialog
    assert not CJK.search(dialog.windowTitle())
    dialog.reject()
