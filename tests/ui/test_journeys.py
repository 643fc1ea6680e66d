"""Whole analyst journeys through the real window on the shared compilation: search, highlight and
review, clause tagging from the outline, export, coming back the next day, bad files.

Everything goes through what a user touches (shortcuts, clicks, context menus, dialogs); the
background analysis and indexing run for real, exactly as after File ▸ Open.
"""

from __future__ import annotations

import re
from pathlib import Path

import pymupdf
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QContextMenuEvent, QInputMethodEvent
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QDockWidget, QFileDialog, QInputDialog

from reader.ui.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _open_window(qtbot, pdf: Path, size=(1366, 740)) -> MainWindow:
    """A window with ``pdf`` opened, analysed and indexed in the background as after File ▸ Open."""
    win = MainWindow()
    qtbot.addWidget(win)
    win.resize(*size)
    win.show()
    qtbot.waitExposed(win)
    with qtbot.waitSignal(win.compilationReady, timeout=120000):
        assert win.open_pdf(pdf)
    qtbot.waitUntil(lambda: win.annotation_controller.loaded_hash == win.compilation.content_hash, timeout=10000)
    return win


def _wait_indexed(qtbot, win: MainWindow) -> None:
    qtbot.waitUntil(lambda: not win.search_indexing.jobs, timeout=120000)


def _close(win: MainWindow) -> None:
    win.search_panel.worker.wait(10000)
    win.search_indexing.wait(10000)
    win.close()


def _answer_modal(qtbot, answer, timeout_ms: int = 10000) -> list:
    """Answer the next modal dialog with ``answer(dialog)`` (called from the event loop it blocks)."""
    seen: list = []

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, poll)
            return
        seen.append(dialog)
        answer(dialog)

    QTimer.singleShot(0, poll)
    return seen


def _tick_first_theme_and_ok(dialog: QDialog) -> None:
    """Tick exactly the store's first theme (whatever the keywords pre-ticked) and press OK."""
    first = dialog.store.themes()[0].name
    for row in range(dialog.list.count()):
        item = dialog.list.item(row)
        wanted = item.data(Qt.ItemDataRole.UserRole) == first
        if (item.checkState() == Qt.CheckState.Checked) != wanted:
            dialog.list.itemClicked.emit(item)  # what a click on the row does
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    # A window manager gives the focus back to the main window when a dialog closes; offscreen Qt
    # does not, and window shortcuts (Ctrl+H, Ctrl+Z) only reach the active window.
    dialog.parentWidget().window().activateWindow()


def _passage(comp, page: int, length: int = 24) -> tuple[int, int]:
    """A stretch of body text on ``page``: the middle of its longest paragraph."""
    start, end = comp.page_starts[page], comp.page_starts[page + 1]
    best = max(((m.start() + start, m.end() + start) for m in re.finditer(r"[^\n]+", comp.text[start:end])),
               key=lambda span: span[1] - span[0])
    middle = (best[0] + best[1]) // 2
    return middle - length // 2, middle + length // 2


def _type_with_input_method(widget, text: str) -> None:
    """Chinese arrives as an input-method commit, not key presses (QTest cannot type CJK)."""
    for char in text:
        event = QInputMethodEvent()
        event.setCommitString(char)
        QApplication.sendEvent(widget, event)


def _search_overlay(win: MainWindow) -> dict:
    return win.view._overlays.get("search", {})


def _current_hit_rect(win: MainWindow):
    from reader.ui.search_panel import CURRENT_COLOR

    return [(page, rect) for page, items in _search_overlay(win).items()
            for rect, color in items if color.rgb() == CURRENT_COLOR.rgb()]


# --------------------------------------------------------------------------------- a. search
def test_search_the_library_open_a_hit_and_step_with_f3(qtbot, sample_pdf):
    win = _open_window(qtbot, sample_pdf)
    _wait_indexed(qtbot, win)
    panel = win.search_panel
    win.view.setFocus()
    qtbot.keyClick(win, Qt.Key.Key_F, CTRL | SHIFT)
    assert panel.box.hasFocus() and panel.scope.currentData() == "library"
    assert win.search_dock.isVisible()
    _type_with_input_method(panel.box, "氢冶金")
    qtbot.waitUntil(lambda: panel.results is not None and panel.results.query == "氢冶金", timeout=30000)

    rows = panel.page_rows()
    comp = win.compilation
    pages_with_term = [p for p in range(comp.page_count) if "氢冶金" in _squash(comp.page_text(p))]
    assert rows and len(rows) <= len(pages_with_term)
    for row in rows:  # grouped compilation → document → page, each page under its own document
        hit, _details = row.data(0, Qt.ItemDataRole.UserRole + 1)
        assert row.parent().text(0) == hit.document == comp.document_for_page(hit.page_index).title
        assert row.parent().parent().parent() is None
        assert hit.page_label in row.text(0)

    first = rows[0]
    panel.tree.scrollToItem(first)
    qtbot.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton,
                     pos=panel.tree.visualItemRect(first).center())
    hit, _details = first.data(0, Qt.ItemDataRole.UserRole + 1)
    qtbot.waitUntil(lambda: win.view.current_page() == hit.page_index, timeout=15000)
    assert _search_overlay(win).get(hit.page_index), "the hits are lit on the page shown"
    before = _current_hit_rect(win)
    assert len({p for p, _r in before}) >= 1

    win.view.setFocus()
    qtbot.keyClick(win.view, Qt.Key.Key_F3)
    after = _current_hit_rect(win)
    assert after and after != before, "F3 makes the next hit current"
    item, number = panel._current
    assert (item is first and number == 1) or (item is rows[1 % len(rows)] and number == 0)
    assert win.view.current_page() == after[0][0]
    qtbot.keyClick(win.view, Qt.Key.Key_F3, SHIFT)
    assert _current_hit_rect(win) == before
    _close(win)


# ------------------------------------------------------------------- b. highlight and review
def test_highlight_review_edit_note_undo_redo(qtbot, sample_pdf):
    win = _open_window(qtbot, sample_pdf)
    comp, controller, review = win.compilation, win.annotation_controller, win.review_panel
    page = next(p for p in range(comp.page_count // 3, comp.page_count) if len(comp.page_text(p)) > 400)
    win.view.go_to(page)
    start, end = _passage(comp, page)
    win.view.select_span(start, end)  # what a drag over the text does
    assert win.view.selected_text()
    qtbot.waitUntil(lambda: controller.toolbar.isVisible(), timeout=15000)

    win.view.setFocus()
    asked = _answer_modal(qtbot, _tick_first_theme_and_ok)
    qtbot.keyClick(win.view, Qt.Key.Key_H, CTRL)
    assert asked, "the first highlight asks for themes"
    theme = controller.store.themes()[0]
    stored = controller.store.list(content_hash=comp.content_hash)
    assert len(stored) == 1
    ann = stored[0]
    assert ann.themes == [theme.name] and _squash(ann.quote) == _squash(comp.text[start:end])
    assert win.view._overlays["annotations"][ann.page_index], "drawn from the stored rectangles"
    assert not controller.toolbar.isVisible()

    win.review_dock.show()
    win.review_dock.raise_()
    qtbot.waitUntil(lambda: review.model.rowCount() == 1, timeout=15000)
    group = review.model.index(0, 0)
    assert review.model.data(group).startswith(theme.display_name(False))
    row = review.model.index(0, 3, group)
    assert review.model.data(row) == comp.page_labels[ann.page_index]

    note_index = review.model.index(0, 1, group)
    review.tree.setCurrentIndex(note_index)
    review.tree.edit(note_index)
    editor = review.tree.indexWidget(note_index)  # the in-place line editor
    assert editor is not None
    qtbot.keyClicks(editor, "check the 2025 target")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits on the next turn of the event loop
    qtbot.waitUntil(lambda: controller.store.get(ann.id).note == "check the 2025 target", timeout=15000)
    assert "check the 2025 target" in review.model.data(review.model.index(0, 1, review.model.index(0, 0)))

    win.view.setFocus()
    qtbot.keyClick(win.view, Qt.Key.Key_Z, CTRL)
    assert controller.store.get(ann.id).note == ""
    qtbot.keyClick(win.view, Qt.Key.Key_Z, CTRL | SHIFT)
    assert controller.store.get(ann.id).note == "check the 2025 target"
    _close(win)


# -------------------------------------------------------------------- c. clause from outline
def _outline_index_of(panel, clause):
    model = panel.proxy

    def walk(parent):
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            found = panel.entry_at(index)
            if found is not None and found[1] is clause:
                return index
            deeper = walk(index)
            if deeper is not None:
                return deeper
        return None

    return walk(model.index(-1, -1))


def test_tag_a_clause_from_the_outline(qtbot, sample_pdf):
    win = _open_window(qtbot, sample_pdf)
    comp, controller, panel = win.compilation, win.annotation_controller, win.outline_panel
    clauses = [c for _doc, c in comp.iter_clauses() if not c.children and len(c.text) < 4000]
    clause = next((c for c in clauses if c.end_page > c.start_page), clauses[0])
    win.outline_dock.show()
    win.outline_dock.raise_()
    index = _outline_index_of(panel, clause)
    assert index is not None
    panel.tree.scrollTo(index)
    pos = panel.tree.visualRect(index).center()
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, panel.tree.viewport().mapToGlobal(pos))
    QApplication.sendEvent(panel.tree.viewport(), event)
    menu = panel.last_menu
    action = next(a for a in menu.actions() if a.text().startswith("标记本条款"))
    menu.close()
    asked = _answer_modal(qtbot, _tick_first_theme_and_ok)
    action.trigger()
    assert asked
    stored = controller.store.list(content_hash=comp.content_hash)
    assert len(stored) == 1
    ann = stored[0]
    assert _squash(ann.quote) == _squash(clause.text)
    assert set(ann.rects) == set(range(clause.start_page, clause.end_page + 1))
    assert ann.clause_label == clause.label or clause.label in "".join(ann.clause_path)
    _close(win)


# ---------------------------------------------------------------------------- d. export
def test_export_summary_to_markdown(qtbot, sample_pdf, tmp_path):
    win = _open_window(qtbot, sample_pdf)
    comp, controller = win.compilation, win.annotation_controller
    quotes = []
    for page in (comp.page_count // 4, comp.page_count // 2):
        start, end = _passage(comp, page, 18)
        win.view.select_span(start, end)
        _answer_modal(qtbot, _tick_first_theme_and_ok)  # every highlight asks for its themes
        win.view.setFocus()
        qtbot.keyClick(win.view, Qt.Key.Key_H, CTRL)
        quotes.append(comp.text[start:end])
    assert len(controller.store.list()) == 2

    qtbot.keyClick(win.view, Qt.Key.Key_E, CTRL)
    dialog = win.export_dialog
    assert dialog.isVisible()
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("md"))
    out = tmp_path / "摘要.md"
    dialog.output_edit.setText(str(out))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: getattr(win, "last_export_message", None) is not None, timeout=30000)
    assert out.is_file()
    text = _squash(out.read_text(encoding="utf-8"))
    for quote in quotes:
        assert _squash(quote) in text
    win.last_export_message.close()
    _close(win)


# -------------------------------------------------------------------- e. the next day
def test_reopen_restores_page_zoom_annotations_and_docks(qtbot, sample_pdf):
    win = _open_window(qtbot, sample_pdf)
    comp, controller = win.compilation, win.annotation_controller
    page = comp.page_count // 2
    qtbot.keyClick(win, Qt.Key.Key_G, CTRL)
    assert win.page_box.hasFocus()
    qtbot.keyClicks(win.page_box, f"#{page + 1}")
    qtbot.keyClick(win.page_box, Qt.Key.Key_Return)
    assert win.view.current_page() == page
    qtbot.keyClick(win.view, Qt.Key.Key_Equal, CTRL)
    qtbot.keyClick(win.view, Qt.Key.Key_Equal, CTRL)
    zoom = win.view.zoom()
    start, end = _passage(comp, page)
    win.view.select_span(start, end)
    _answer_modal(qtbot, _tick_first_theme_and_ok)
    qtbot.keyClick(win.view, Qt.Key.Key_H, CTRL)
    assert len(controller.store.list()) == 1
    win.view.go_to(page)
    win.outline_dock.close()  # the user closes the outline and moves the notes to the left
    win.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, win.review_dock)
    win.review_dock.show()
    _close(win)

    again = _open_window(qtbot, sample_pdf)
    assert again.view.current_page() == page
    assert again.view.zoom() == pytest.approx(zoom, rel=1e-3)
    assert not again.findChild(QDockWidget, "outlineDock").isVisible()
    assert again.dockWidgetArea(again.review_dock) == Qt.DockWidgetArea.LeftDockWidgetArea
    ann = again.annotation_controller.store.list()[0]
    assert again.view._overlays["annotations"][ann.page_index]
    _close(again)


def test_position_is_saved_soon_after_moving_without_closing(qtbot, sample_pdf):
    """A crash must not lose the reading position: the INI file has it shortly after a move."""
    from PySide6.QtCore import QSettings

    win = _open_window(qtbot, sample_pdf)
    page = win.compilation.page_count - 3
    win.view.go_to(page)
    file = str(win.settings.file)

    def saved_page() -> int | None:
        fresh = QSettings(file, QSettings.Format.IniFormat)  # what a new process would read
        pages = [fresh.value(k) for k in fresh.allKeys() if k.startswith("documents/") and k.endswith("/page")]
        return int(pages[0]) if pages and len(set(pages)) == 1 else None

    qtbot.waitUntil(lambda: saved_page() == page, timeout=15000)
    _close(win)


# --------------------------------------------------------------------------- f. bad files
def test_bad_files_explain_and_keep_the_open_document(qtbot, sample_pdf, tmp_path, monkeypatch):
    win = _open_window(qtbot, sample_pdf)
    page = 5
    win.view.go_to(page)
    corrupt = tmp_path / "损坏.pdf"
    corrupt.write_bytes(sample_pdf.read_bytes()[:4000])  # a download cut short
    encrypted = tmp_path / "加密.pdf"
    doc = pymupdf.open()
    doc.new_page().insert_text((72, 72), "secret", fontname="helv")
    doc.save(encrypted, encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="pw", owner_pw="owner")
    doc.close()

    chosen = iter([str(corrupt), str(encrypted)])
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (next(chosen), "PDF (*.pdf)"))
    qtbot.keyClick(win.view, Qt.Key.Key_O, CTRL)
    box = win.last_error_dialog
    assert box is not None and box.isVisible()
    assert box.text() == "PDF 文件已损坏" and "已损坏" in box.informativeText()
    assert corrupt.name in box.informativeText()
    box.close()
    assert win.document is not None and win.document.path.resolve() == sample_pdf.resolve()
    assert win.view.current_page() == page

    prompts = []

    def cancel_password(dialog) -> None:
        prompts.append(dialog.labelText() if isinstance(dialog, QInputDialog) else "")
        dialog.reject()

    _answer_modal(qtbot, cancel_password)
    qtbot.keyClick(win.view, Qt.Key.Key_O, CTRL)
    assert prompts and encrypted.name in prompts[0] and "密码" in prompts[0]
    assert win.document is not None and win.document.path.resolve() == sample_pdf.resolve()
    assert win.view.current_page() == page and win.compilation is not None
    _close(win)
