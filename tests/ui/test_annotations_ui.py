"""Annotating in the real window: highlight, clause tag, notes, themes, undo/redo, migration on open."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu

from reader.ui.main_window import MainWindow
from tests.ui.conftest import answer_theme_picker
from tests.builders.annotations_pdfs import make_documents, typeset


@pytest.fixture(scope="module")
def pdf(tmp_path_factory):
    return typeset(tmp_path_factory.mktemp("pdf") / "c.pdf", make_documents(seed=2, documents=2, heads=4, subs=4))


@pytest.fixture
def window(qtbot, make_window, open_analysed, pdf, tmp_path):
    win = make_window(size=(1200, 850))
    win.test_comp = open_analysed(win, Path(shutil.copy(pdf, tmp_path / "c.pdf")))
    controller = win.annotation_controller
    qtbot.waitUntil(lambda: controller.loaded_hash == win.test_comp.content_hash, timeout=15000)
    return win


def _overlay(win: MainWindow) -> dict:
    return win.view._overlays.get("annotations", {})


def test_ctrl_h_highlights_the_selection_and_undo_redo(window, qtbot):
    comp, controller = window.test_comp, window.annotation_controller
    answer_theme_picker(["氢能"])
    start = comp.page_starts[0] + 30
    window.view.select_span(start, start + 25)
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    stored = controller.store.list(content_hash=comp.content_hash)
    assert len(stored) == 1 and stored[0].themes == ["氢能"]
    assert stored[0].quote == comp.text[start:start + 25].strip()
    assert stored[0].color == controller.store.theme("氢能").color
    assert _overlay(window)[stored[0].page_index], "the highlight is drawn from the stored rects"
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert controller.store.list() == [] and not any(_overlay(window).values())
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert [a.id for a in controller.store.list()] == [stored[0].id]


def test_first_highlight_asks_for_themes(window, monkeypatch):
    comp, controller = window.test_comp, window.annotation_controller
    asked = []
    monkeypatch.setattr(controller, "pick_themes", lambda selected, title=None, text="": asked.append(1) or ["5G", "新材料"])
    window.view.select_span(comp.page_starts[0] + 5, comp.page_starts[0] + 15)
    ann = controller.highlight_selection()
    assert asked and ann.themes == ["5G", "新材料"] and controller.last_themes == ["5G", "新材料"]


def test_mini_toolbar_follows_a_selection(window, qtbot):
    comp, controller = window.test_comp, window.annotation_controller
    window.view.select_span(comp.page_starts[0] + 40, comp.page_starts[0] + 60)
    qtbot.waitUntil(controller.toolbar.isVisible, timeout=15000)
    theme_button = controller.toolbar.findChildren(type(controller.toolbar.row.itemAt(1).widget()))[1]
    theme_button.click()
    assert len(controller.store.list()) == 1
    assert not controller.toolbar.isVisible()


def test_tag_this_clause_from_the_page_menu_covers_every_page(window):
    comp, controller = window.test_comp, window.annotation_controller
    spanning = [(d, c) for d, c in comp.iter_clauses() if c.end_page > c.start_page]
    assert spanning
    _doc, clause = spanning[0]
    answer_theme_picker(["绿色低碳"])
    menu = QMenu()
    controller.page_menu_hook(menu, clause.start_page, clause.start_offset + 3)
    tag = next(a for a in menu.actions() if a.text().startswith("标记本条款"))
    tag.trigger()
    (ann,) = controller.store.list()
    assert set(ann.rects) == set(range(clause.start_page, clause.end_page + 1))
    assert ann.clause_label == clause.label
    assert all(_overlay(window).get(p) for p in ann.rects)
    # on the highlight, the menu offers edit / delete; delete is undoable
    menu = QMenu()
    controller.page_menu_hook(menu, clause.start_page, clause.start_offset + 5)
    sub = next(a.menu() for a in menu.actions() if a.menu() is not None)
    next(a for a in sub.actions() if a.text() == "删除批注").trigger()
    assert controller.store.list() == []
    controller.undo_stack.undo()
    assert [a.id for a in controller.store.list()] == [ann.id]


def test_outline_menu_tags_a_clause(window):
    comp, controller = window.test_comp, window.annotation_controller
    doc, clause = next(comp.iter_clauses())
    answer_theme_picker(["5G"])
    menu = QMenu()
    for hook in window.outline_panel.context_menu_hooks:
        hook(menu, doc, clause)
    next(a for a in menu.actions() if a.text() == "标记本条款").trigger()
    (ann,) = controller.store.list()
    assert ann.clause_label == clause.label and ann.page_index == clause.start_page


def test_note_and_retag_are_undoable(window):
    comp, controller = window.test_comp, window.annotation_controller
    ann = controller.add_span(comp.page_starts[0] + 10, comp.page_starts[0] + 30, themes=["5G"])
    controller.set_note(ann.id, "重点看")
    controller.retag([ann.id], ["数据要素", "5G"])
    got = controller.store.get(ann.id)
    assert (got.note, got.themes) == ("重点看", ["数据要素", "5G"])
    controller.undo_stack.undo()
    controller.undo_stack.undo()
    got = controller.store.get(ann.id)
    assert (got.note, got.themes) == ("", ["5G"])


def test_a_changed_file_carries_its_annotations_over_on_open(window, qtbot, open_analysed):
    comp, controller = window.test_comp, window.annotation_controller
    path = Path(window.document.path)
    start = comp.text.index("。", comp.page_starts[1]) + 1
    ann = controller.add_span(start, start + 30, themes=["氢能"])
    window.close_document()
    # the same file rewritten as a re-typeset edition
    typeset(path, make_documents(seed=2, documents=2, heads=4, subs=4), page_size=(500, 700), font_size=10)
    new = open_analysed(window, path)
    assert new.content_hash != comp.content_hash
    qtbot.waitUntil(lambda: controller.loaded_hash == new.content_hash, timeout=15000)
    moved = controller.store.get(ann.id)
    assert moved.content_hash == new.content_hash and moved.status in ("anchored", "moved")
    assert moved.quote == ann.quote and ann.id in controller.current


def test_theme_manager_merge_and_delete_keep_annotations(window, monkeypatch):
    from PySide6.QtWidgets import QInputDialog, QMessageBox

    from reader.ui.theme_dialog import ThemeManager

    comp, controller = window.test_comp, window.annotation_controller
    a = controller.add_span(comp.page_starts[0] + 10, comp.page_starts[0] + 30, themes=["5G"])
    b = controller.add_span(comp.page_starts[0] + 40, comp.page_starts[0] + 60, themes=["氢能", "5G"])
    dialog = ThemeManager(controller.store, False, window)

    def select(name):
        item = next(dialog.list.item(i) for i in range(dialog.list.count())
                    if dialog.list.item(i).data(Qt.ItemDataRole.UserRole) == name)
        dialog.list.setCurrentItem(item)

    select("5G")
    monkeypatch.setattr(QInputDialog, "getItem", lambda *args, **kw: ("新材料", True))
    dialog.merge()
    assert controller.store.get(a.id).themes == ["新材料"] and controller.store.get(b.id).themes == ["氢能", "新材料"]
    asked = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: asked.append(box.text()) or QMessageBox.StandardButton.Yes)
    select("新材料")
    dialog.delete()
    assert "2" in asked[0]  # the user is told how many annotations carry the theme
    assert controller.store.get(a.id).themes == [] and controller.store.get(b.id).themes == ["氢能"]
    assert dialog.changed and controller.store.theme("新材料") is None


def test_an_annotation_added_by_the_cli_shows_in_the_open_window(window, qtbot):
    """Another process writes the store; the window's watcher notices and draws it, no reopening."""
    import subprocess
    import sys

    comp, controller = window.test_comp, window.annotation_controller
    quote = comp.page_text(0).split("\n")[1][:8]
    before = len(controller.current)
    subprocess.run([sys.executable, "-m", "reader", "annotations", "add", str(window.document.path), "--page", "0",
                    "--quote", quote, "--theme", "氢能", "--library", str(window.library.root), "--json"],
                   check=True, capture_output=True)
    qtbot.waitUntil(lambda: len(controller.current) == before + 1, timeout=15000)
    (added,) = [a for a in controller.current.values() if a.quote.replace(" ", "") == quote.replace(" ", "")]
    assert _overlay(window).get(0) and added.rects[0][0] in [rect for rect, _color in _overlay(window)[0]]
