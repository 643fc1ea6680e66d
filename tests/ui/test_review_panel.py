"""The review panel in the real window: grouping, counts, filter, jump, in-place note, bulk retag/delete."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt

from reader.ui.review_panel import NOTE, PAGE, QUOTE
from tests.builders.annotations_pdfs import make_documents, typeset


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("pdf")
    return (typeset(folder / "a.pdf", make_documents(seed=4, documents=3, heads=3, subs=3)),
            typeset(folder / "b.pdf", make_documents(seed=9, documents=1, heads=2, subs=2)))


@pytest.fixture
def window(qtbot, make_window, open_analysed, pdfs, tmp_path):
    win = make_window(size=(1300, 850))
    a, b = (Path(shutil.copy(p, tmp_path / p.name)) for p in pdfs)
    controller = win.annotation_controller
    # annotate b first, then open a
    comp_b = open_analysed(win, b)
    qtbot.waitUntil(lambda: controller.loaded_hash == comp_b.content_hash, timeout=15000)
    controller.add_span(comp_b.page_starts[0] + 20, comp_b.page_starts[0] + 40, themes=["新材料"])
    comp = open_analysed(win, a)
    qtbot.waitUntil(lambda: controller.loaded_hash == comp.content_hash, timeout=15000)
    themes = [["5G"], ["氢能", "5G"], [], ["数据要素"]]
    for n, doc in enumerate(comp.documents):
        for k in range(4):
            start = doc.start_offset + 30 + 40 * k
            controller.add_span(start, start + 20, themes=themes[k], note=f"批注{n}{k}")
    win.test_paths = (a, b)
    win.test_comp = comp
    win.review_dock.show()
    win.review_panel.refresh()
    return win


def _groups(panel):
    model = panel.model
    return [(model.index(r, QUOTE).data(), model.rowCount(model.index(r, 0))) for r in range(model.rowCount())]


def test_grouped_by_theme_with_counts_then_by_document(window):
    panel = window.review_panel
    groups = _groups(panel)
    names = [g[0].rsplit("  (", 1)[0] for g in groups]
    assert names == ["5G", "氢能", "数据要素", "未分主题"]  # the store's theme order, untagged last
    assert dict((n, c) for n, (_, c) in zip(names, groups)) == {"5G": 6, "氢能": 3, "数据要素": 3, "未分主题": 3}
    assert "共 12 条" in panel.counts.text() and "5G 6" in panel.counts.text()
    panel.grouping.setCurrentIndex(panel.grouping.findData("document"))
    docs = _groups(panel)
    assert [d[0].rsplit("  (", 1)[0] for d in docs] == [d.title for d in window.test_comp.documents]
    first = panel.model.index(0, 0)
    rows = [panel.model.annotation(panel.model.index(r, 0, first)) for r in range(4)]
    assert [r.sort_key for r in rows] == sorted(r.sort_key for r in rows)  # clause order
    assert panel.model.index(0, PAGE, first).data() == rows[0].page_label


def test_filter_by_theme_text_and_english_name(window, qtbot):
    panel = window.review_panel
    panel.filter_box.setText("hydrogen")
    qtbot.waitUntil(lambda: "共 3 条" in panel.counts.text(), timeout=15000)
    panel.filter_box.setText("批注12")
    qtbot.waitUntil(lambda: "共 1 条" in panel.counts.text(), timeout=15000)


def test_library_scope_and_jump_opens_the_other_file(window, qtbot):
    panel = window.review_panel
    panel.scope.setCurrentIndex(panel.scope.findData("library"))
    names = [g[0].rsplit("  (", 1)[0] for g in _groups(panel)]
    assert "新材料" in names and "共 13 条" in panel.counts.text()
    group = panel.model.index(names.index("新材料"), 0)
    row = panel.model.index(0, QUOTE, group)
    panel.tree.clicked.emit(row)
    assert Path(window.document.path).name == "b.pdf"
    assert window.view.current_page() == panel.model.annotation(row).page_index


def test_note_edits_in_place_and_bulk_retag_delete_are_undoable(window, monkeypatch):
    panel, controller = window.review_panel, window.annotation_controller
    group = panel.model.index(0, 0)
    row = panel.model.index(0, NOTE, group)
    ann = panel.model.annotation(row)
    assert panel.model.flags(row) & Qt.ItemFlag.ItemIsEditable
    assert panel.model.setData(row, "改过的批注")
    assert controller.store.get(ann.id).note == "改过的批注"
    # select the whole 5G group's rows and retag them
    selection = panel.tree.selectionModel()
    group = panel.model.index(0, 0)
    ids = []
    for r in range(panel.model.rowCount(group)):
        index = panel.model.index(r, 0, group)
        ids.append(panel.model.annotation(index).id)
        selection.select(index, QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)
    monkeypatch.setattr(controller, "pick_themes", lambda selected, title=None, text="": ["标准化"])
    panel.retag_selected()
    assert all(controller.store.get(i).themes == ["标准化"] for i in ids)
    panel.tree.selectionModel().clearSelection()
    group = next(panel.model.index(r, 0) for r in range(panel.model.rowCount())
                 if panel.model.index(r, 0).data().startswith("标准化"))
    for r in range(panel.model.rowCount(group)):
        panel.tree.selectionModel().select(panel.model.index(r, 0, group),
                                           QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)
    panel.delete_selected()
    assert all(controller.store.get(i) is None for i in ids)
    controller.undo_stack.undo()  # the delete
    controller.undo_stack.undo()  # the retag
    controller.undo_stack.undo()  # the note
    assert all(controller.store.get(i) is not None and "5G" in controller.store.get(i).themes for i in ids)
    assert controller.store.get(ann.id).note != "改过的批注"


def test_team_library_filters_by_author(window, qtbot):
    """In a library joined to a team, the panel offers the team's, mine, or one colleague's annotations."""
    from reader.team.state import TeamState

    panel = window.review_panel
    assert not panel.author.isVisibleTo(panel)  # a library of one: no author choice
    anns = window.annotation_controller.store.list()
    theirs = {a.id for a in anns[:5]}
    state = TeamState(window.library.root)  # the bookkeeping a sync leaves behind
    with state.tx() as db:
        state.set_meta(db, url="host=127.0.0.1 dbname=team user=张三@team", role="张三@team", name="张三")
        state.put_sharing(db, [(i, "李四@team", "team") for i in theirs])
    state.put_members([("张三@team", "张三"), ("李四@team", "李四")])
    panel.refresh()
    assert panel.author.isVisibleTo(panel)
    assert [panel.author.itemText(i) for i in range(panel.author.count())] == ["全组批注", "我的批注", "李四"]
    panel.scope.setCurrentIndex(panel.scope.findData("library"))
    assert "共 13 条" in panel.counts.text()
    panel.author.setCurrentIndex(panel.author.findData("李四"))
    assert "共 5 条" in panel.counts.text()
    panel.author.setCurrentIndex(panel.author.findData("mine"))
    assert "共 8 条" in panel.counts.text()


def _visible_texts(panel, index):
    """What a user reads in each visible column of a row (the card column: its quote and its note)."""
    texts = []
    for column in range(panel.model.columnCount()):
        if panel.tree.isColumnHidden(column):
            continue
        cell = panel.model.index(index.row(), column, index.parent())
        delegate = panel.tree.itemDelegateForColumn(column)
        ann = panel.model.annotation(cell)
        if delegate is not None and ann is not None:
            texts.extend(delegate._texts(ann))
        else:
            texts.append(cell.data() or "")
    return texts


def test_a_card_shows_its_note_once_and_f2_or_double_click_edits_it(window, qtbot):
    panel, controller = window.review_panel, window.annotation_controller
    group = panel.model.index(0, 0)
    row = panel.model.index(0, QUOTE, group)
    ann = panel.model.annotation(row)
    assert ann.note
    texts = _visible_texts(panel, row)
    assert sum(ann.note in text for text in texts) == 1, texts  # in the card, not again in a column
    assert "批注" not in [panel.model.headerData(c, Qt.Orientation.Horizontal) for c in range(panel.model.columnCount())
                          if not panel.tree.isColumnHidden(c)]
    # the card is tall enough for quote and note (two wrapped blocks)
    panel.tree.expandAll()
    rect = panel.tree.visualRect(row)
    assert rect.height() >= 2 * panel.tree.fontMetrics().height()
    # F2 on the selected card opens the note beside its highlight
    panel.tree.setFocus()
    panel.tree.setCurrentIndex(row)
    qtbot.keyClick(panel.tree, Qt.Key.Key_F2)
    editor = controller.hover.editor
    qtbot.waitUntil(editor.isVisible, timeout=5000)
    assert editor.annotation_id == ann.id and editor.text.toPlainText() == ann.note
    editor.text.selectAll()
    qtbot.keyClicks(editor.text, "only in the card")
    qtbot.keyClick(editor.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: controller.store.get(ann.id).note == "only in the card", timeout=5000)
    panel.refresh()
    qtbot.waitUntil(lambda: any("only in the card" in t for g in range(panel.model.rowCount())
                                for r in range(panel.model.rowCount(panel.model.index(g, 0)))
                                for t in _visible_texts(panel, panel.model.index(r, QUOTE, panel.model.index(g, 0)))),
                    timeout=5000)
