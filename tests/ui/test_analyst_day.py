"""Annotations you can see and trust, themes asked for, theme suggestions — driven as a user does
(mouse over a highlight, clicks, keys) in the real window (issue 14, points 3–5)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from reader.annotations.suggestion_memory import RejectedSuggestions
from reader.annotations.textmatch import fold
from tests.ui.conftest import answer_theme_picker
from tests.builders.annotations_pdfs import typeset

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
DOCS = [
    ("关于推进氢能产业发展的通知", [
        "各有关单位：为加快制氢装备发展，现通知如下：",
        "一、总体要求",
        "（一）推动可再生能源制氢，建设加氢站，形成一批可复制推广的经验，完善配套政策和资金保障，"
        "推动产业向高端化、智能化、绿色化发展，每年遴选一批典型案例并在全国范围内推广应用。",
        "（二）推进数字化转型，提升产业链供应链韧性。",
        "（三）支持人工智能大模型在工厂应用。",
        "二、保障措施",
        "（一）加大财政支持力度，统筹安排专项资金。",
        "（二）鼓励储氢材料研发，推动氢燃料电池汽车示范。",
    ]),
]


@pytest.fixture(scope="module")
def pdf(tmp_path_factory) -> Path:
    return typeset(tmp_path_factory.mktemp("day") / "day.pdf", DOCS)


@pytest.fixture
def window(qtbot, make_window, open_analysed, pdf, tmp_path):
    win = make_window(size=(1200, 850))
    win.test_comp = open_analysed(win, Path(shutil.copy(pdf, tmp_path / "day.pdf")))
    qtbot.waitUntil(lambda: win.annotation_controller.loaded_hash == win.test_comp.content_hash, timeout=30000)
    return win


def _span_of(comp, text: str) -> tuple[int, int]:
    at = comp.text.index(text)
    return at, at + len(text)


def _viewport_point(win, page: int, x: float, y: float) -> QPoint:
    view = win.view
    px, py, _w, _h = view.layout_.page_rect(page, view.viewport().width())
    scale = view.layout_.scale
    return QPoint(round(px + x * scale - view.horizontalScrollBar().value()),
                  round(py + y * scale - view.verticalScrollBar().value()))


def _double_click(qtbot, widget, pos: QPoint) -> None:
    """What a mouse sends for a double-click: press and release, then the double-click."""
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=pos)
    qtbot.mouseDClick(widget, Qt.MouseButton.LeftButton, pos=pos)


# ----------------------------------------------------------------------------------- 3. annotations
def test_hover_card_note_marker_and_note_edited_in_place(window, qtbot):
    comp, controller = window.test_comp, window.annotation_controller
    start, end = _span_of(comp, "推动可再生能源制氢")
    ann = controller.add_span(start, end, themes=["氢能"], note="对照 2025 年目标")
    page, rect = ann.page_index, ann.rects[ann.page_index][0]
    window.view.go_to(page, rect)
    centre = _viewport_point(window, page, (rect[0] + rect[2]) / 2, (rect[1] + rect[3]) / 2)
    qtbot.mouseMove(window.view.viewport(), centre)
    card = controller.hover.card
    qtbot.waitUntil(card.isVisible, timeout=5000)
    shown = card.label.text()
    assert "氢能" in shown and "对照 2025 年目标" in shown and "（一）" in shown and ann.created[:10] in shown
    # a highlight with a note carries a marker on the page
    (marker,) = window.view.markers[page]
    spot = _viewport_point(window, page, marker[0], marker[1])
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=spot)
    editor = controller.hover.editor
    assert editor.isVisible() and editor.text.toPlainText() == "对照 2025 年目标"
    editor.text.selectAll()
    qtbot.keyClicks(editor.text, "check the target")
    qtbot.keyClick(editor.text, Qt.Key.Key_Return, CTRL)
    assert not editor.isVisible() and controller.store.get(ann.id).note == "check the target"
    assert "已保存批注" in window.statusBar().currentMessage()
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Z, CTRL)
    assert controller.store.get(ann.id).note == "对照 2025 年目标"
    # moving off the highlight hides the card
    qtbot.mouseMove(window.view.viewport(), QPoint(3, 3))
    qtbot.waitUntil(lambda: not card.isVisible(), timeout=5000)


def test_review_cards_show_whole_quotes_and_double_click_opens_the_note(window, qtbot):
    comp, controller, review = window.test_comp, window.annotation_controller, window.review_panel
    long_text = DOCS[0][1][2]
    start, end = _span_of(comp, long_text)
    ann = controller.add_span(start, end, themes=["氢能"], note="整条都要看：加氢站、资金保障和推广应用")
    window.review_dock.show()
    review.refresh()
    qtbot.waitUntil(lambda: review.model.rowCount() == 1, timeout=5000)
    group = review.model.index(0, 0)
    review.tree.expand(group)
    cell = review.model.index(0, 0, group)
    assert fold(review.model.data(cell)) == fold(comp.text[ann.start_offset:ann.end_offset]), "the whole quote"
    rect = review.tree.visualRect(cell)
    line = review.tree.fontMetrics().height()
    assert rect.height() > 3 * line, "quote and note wrap onto several lines"
    assert review.model.data(review.model.index(0, 0)).startswith("氢能"), "grouping kept"
    _double_click(qtbot, review.tree.viewport(), rect.center())
    editor = controller.hover.editor
    qtbot.waitUntil(editor.isVisible, timeout=5000)
    assert editor.text.toPlainText() == ann.note and editor.annotation_id == ann.id


# ---------------------------------------------------------------------------------- 4. themes asked
def test_ctrl_h_asks_with_keyword_themes_ticked_and_filter_then_says_what_it_did(window, qtbot):
    comp, controller = window.test_comp, window.annotation_controller
    controller.last_themes = ["5G"]  # used last: must not be applied silently
    start, end = _span_of(comp, "鼓励储氢材料研发")
    window.view.select_span(start, end)
    offered: list = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or dialog.objectName() != "themePicker":
            QTimer.singleShot(20, answer)
            return
        offered.append((dialog.chosen(), list(dialog.suggested)))
        qtbot.keyClicks(dialog.filter, "data")  # type to filter (English name or keyword)
        offered.append(dialog.visible_names())
        qtbot.keyClick(dialog.filter, Qt.Key.Key_Return)  # the one row left is ticked, and OK
        window.activateWindow()  # a window manager does this when a dialog closes; offscreen Qt does not

    QTimer.singleShot(0, answer)
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_H, CTRL)
    assert offered[0] == (["氢能"], ["氢能"]), "the keyword's theme is pre-ticked, not the last used"
    assert offered[1] == ["数据要素"]
    (ann,) = controller.store.list()
    assert ann.themes == ["氢能", "数据要素"]
    assert "主题：氢能、数据要素" in window.statusBar().currentMessage()

    # redo on Ctrl+Shift+Z and on Ctrl+Y
    qtbot.keyClick(window.view, Qt.Key.Key_Z, CTRL)
    assert controller.store.list() == [] and "已撤销" in window.statusBar().currentMessage()
    qtbot.keyClick(window.view, Qt.Key.Key_Z, CTRL | SHIFT)
    assert [a.id for a in controller.store.list()] == [ann.id] and "已重做" in window.statusBar().currentMessage()
    qtbot.keyClick(window.view, Qt.Key.Key_Z, CTRL)
    qtbot.keyClick(window.view, Qt.Key.Key_Y, CTRL)
    assert [a.id for a in controller.store.list()] == [ann.id]


def test_cancelled_picker_adds_nothing_and_swatches_are_labelled(window, qtbot):
    comp, controller = window.test_comp, window.annotation_controller
    start, end = _span_of(comp, "加大财政支持力度")
    window.view.select_span(start, end)
    qtbot.waitUntil(controller.toolbar.isVisible, timeout=15000)
    labels = [b.text() for b in controller.toolbar.findChildren(type(controller.toolbar.row.itemAt(0).widget()))
              if b.objectName() == "themeSwatch"]
    assert labels[:3] == [t.display_name(False) for t in controller.store.themes()[:3]]
    answer_theme_picker([], accept=False)
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_H, CTRL)
    assert controller.store.list() == [] and "已取消" in window.statusBar().currentMessage()
    # a clause tagged from the page menu asks too (its keywords: 财政 → none; 专项资金 → 财税金融)
    clause = comp.clause_path_at(start)[-1]
    seen = answer_theme_picker(["财税金融"])
    from PySide6.QtWidgets import QMenu

    menu = QMenu()
    controller.page_menu_hook(menu, clause.start_page, start)
    next(a for a in menu.actions() if a.text().startswith("标记本条款")).trigger()
    assert seen and seen[0]["suggested"] == ["财税金融"]
    (ann,) = controller.store.list()
    assert ann.themes == ["财税金融"] and "标记条款" in window.statusBar().currentMessage()


# ------------------------------------------------------------------------------ 5. suggestions
def test_suggestions_accept_reject_remembered_and_open(window, qtbot):
    comp, controller = window.test_comp, window.annotation_controller
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_T, CTRL | SHIFT)
    panel = window.suggestion_panel
    assert window.suggestion_dock.isVisible()
    panel.theme_box.setCurrentIndex(panel.theme_box.findData("氢能"))
    qtbot.mouseClick(panel.find_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.list.topLevelItemCount() > 0, timeout=15000)
    count = panel.list.topLevelItemCount()
    assert count == 3 and "3 条条款" in panel.summary.text()  # the opening paragraph, 一、（一）, 二、（二）
    rows = [panel.list.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole + 1) for i in range(count)]
    assert [r.clause_path for r in rows] == [[], ["一、", "（一）"], ["二、", "（二）"]]

    # double-click opens: the keyword is selected on its page
    second = panel.list.topLevelItem(1)
    panel.list.scrollToItem(second)
    _double_click(qtbot, panel.list.viewport(), panel.list.visualItemRect(second).center())
    assert window.view.selected_text() == "制氢"

    # A accepts: the clause is tagged with the theme
    panel.list.setCurrentItem(second)
    panel.list.setFocus()
    qtbot.keyClick(panel.list, Qt.Key.Key_A)
    (ann,) = controller.store.list()
    assert ann.themes == ["氢能"] and ann.clause_path == ["一、", "（一）"]
    # R rejects the opening paragraph, remembered in the library
    panel.list.setCurrentItem(panel.list.topLevelItem(0))
    qtbot.keyClick(panel.list, Qt.Key.Key_R)
    assert RejectedSuggestions(window.library.root).keys() == {rows[0].key}
    assert panel.list.topLevelItemCount() == 1
    # asking again proposes neither the accepted nor the rejected clause
    qtbot.mouseClick(panel.find_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.summary.text().startswith("1 "), timeout=15000)
    assert panel.list.topLevelItem(0).data(0, Qt.ItemDataRole.UserRole + 1).clause_path == ["二、", "（二）"]
    # undo the accepted tag: it comes back next time
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Z, CTRL)
    qtbot.mouseClick(panel.find_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.summary.text().startswith("2 "), timeout=15000)


OTHER = [("关于推进数字化转型的通知", ["各有关单位：", "一、总体要求", "（一）推进数字化转型，提升产业链韧性。",
                                     "（二）完善配套政策。"])]


def test_suggestions_cover_the_library_tag_and_open_other_files(window, qtbot, open_analysed, tmp_path, pdf):
    """Scope “整个资料库”: clauses of every compilation in the library, as `python -m reader suggest` without a PDF."""
    day = window.document.path
    other = typeset(tmp_path / "other.pdf", OTHER)
    open_analysed(window, other)  # the library now holds both; the other one is open
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_T, CTRL | SHIFT)
    panel = window.suggestion_panel
    panel.theme_box.setCurrentIndex(panel.theme_box.findData("氢能"))
    qtbot.mouseClick(panel.find_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "没有" in panel.summary.text() or panel.list.topLevelItemCount(), timeout=15000)
    assert panel.list.topLevelItemCount() == 0  # the open compilation says nothing of hydrogen
    panel.scope.setFocus()
    qtbot.keyClick(panel.scope, Qt.Key.Key_Down)  # 本汇编 → 整个资料库
    assert panel.scope.currentData() == "library"
    qtbot.mouseClick(panel.find_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.list.topLevelItemCount() == 3, timeout=30000)
    rows = [panel.list.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole + 1) for i in range(3)]
    assert [r.clause_path for r in rows] == [[], ["一、", "（一）"], ["二、", "（二）"]]
    assert all("day.pdf" in panel.list.topLevelItem(i).text(0) for i in range(3))  # which file each comes from
    # A tags a clause of the file that is not open
    panel.list.setCurrentItem(panel.list.topLevelItem(1))
    panel.list.setFocus()
    qtbot.keyClick(panel.list, Qt.Key.Key_A)
    (ann,) = window.annotation_controller.store.list()
    assert ann.themes == ["氢能"] and ann.clause_path == ["一、", "（一）"] and ann.content_hash == rows[1].content_hash
    assert Path(ann.pdf).name == "day.pdf"
    # double-click opens that file at the clause
    item = panel.list.topLevelItem(1)
    _double_click(qtbot, panel.list.viewport(), panel.list.visualItemRect(item).center())
    assert Path(window.document.path).name == Path(day).name
    assert window.view.current_page() == rows[2].page_index
