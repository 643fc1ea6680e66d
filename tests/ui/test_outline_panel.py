"""The outline panel in the real window: filled on compilationReady, click jumps, follows pages, filters."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMenu

from tests.builders.typesetter import Typesetter


def _compilation_pdf(path):
    kit = Typesetter(header=lambda n: [("测试汇编", "top", "right"), (f"— {n} —", "bottom", "centre")])
    kit.new_page()
    kit.title("关于印发《数据产业发展方案》的通知")
    kit.centred("某发〔2024〕3 号")
    kit.line("一、总体要求")
    kit.paragraph("坚持创新驱动，推动数据产业高质量发展。" * 30)
    kit.line("二、重点任务")
    kit.paragraph("（一）培育经营主体。支持数据企业发展壮大。" * 20)
    kit.new_page()
    kit.title("全省数据产业大会召开")
    kit.paragraph("近日，全省数据产业大会召开，会议总结了全年工作。" * 10)
    return kit.save(path)


@pytest.fixture
def window(make_window, open_analysed, tmp_path):
    win = make_window(size=(1100, 800))
    open_analysed(win, _compilation_pdf(tmp_path / "c.pdf"))
    return win


def _rows(panel, parent=None):
    from PySide6.QtCore import QModelIndex

    parent = parent or QModelIndex()
    out = []
    for row in range(panel.proxy.rowCount(parent)):
        index = panel.proxy.index(row, 0, parent)
        out.append((index.data(), _rows(panel, index)))
    return out


def test_tree_shows_documents_and_clauses(window):
    panel = window.outline_panel
    (root, docs), = _rows(panel)
    assert "2" in root  # page count
    assert [d[0] for d in docs] == ["关于印发《数据产业发展方案》的通知\n某发〔2024〕3 号", "全省数据产业大会召开"]
    assert [c[0] for c in docs[0][1]] == ["一、 总体要求", "二、 重点任务"]
    assert [c[0] for c in docs[0][1][1][1]] == ["（一） 培育经营主体"]


def test_click_jumps_and_panel_follows_reading(window, qtbot):
    panel = window.outline_panel
    doc_index = panel.proxy.index(1, 0, panel.proxy.index(0, 0))
    panel.tree.clicked.emit(doc_index)
    qtbot.waitUntil(lambda: window.view.current_page() == 1, timeout=15000)
    window.view.go_to(0)
    qtbot.waitUntil(lambda: panel.selected_entry() is not None and panel.selected_entry()[0].start_page == 0,
                    timeout=15000)
    window.view.go_to(1)
    qtbot.waitUntil(lambda: panel.selected_entry()[0].title == "全省数据产业大会召开", timeout=5000)


def test_filter_narrows_by_doc_number_and_heading(window):
    panel = window.outline_panel
    panel.filter_box.setText("〔2024〕3")
    (root, docs), = _rows(panel)
    assert len(docs) == 1 and docs[0][0].startswith("关于印发")
    panel.filter_box.setText("培育经营")
    (root, docs), = _rows(panel)
    assert [c[0] for c in docs[0][1]] == ["二、 重点任务"]
    panel.filter_box.setText("")
    assert len(_rows(panel)[0][1]) == 2


def test_context_menu_hooks_get_document_and_clause(window, qtbot):
    panel = window.outline_panel
    seen = []
    panel.context_menu_hooks.append(lambda menu, doc, clause: seen.append((type(menu), doc.title, clause and clause.label)))
    doc_index = panel.proxy.index(0, 0, panel.proxy.index(0, 0))
    clause_index = panel.proxy.index(1, 0, doc_index)
    panel.tree.expandAll()
    panel._on_context_menu(panel.tree.visualRect(clause_index).center())
    assert seen == [(QMenu, "关于印发《数据产业发展方案》的通知", "二、")]
    panel.last_menu.close()
    window.documentClosed.emit()
    assert panel.model.rowCount() == 0


def test_attachments_are_child_rows_of_their_notice_and_a_click_opens_them(make_window, open_analysed, qtbot, tmp_path):
    """A notice's 附件 show under the notice with their label and own title, their clauses under them;
    clicking one goes to its page, and a filter finds it by its title."""
    from tests.builders.official_pdfs import NOTICE_PAGES, official_pdf

    window = make_window(size=(1100, 800))
    open_analysed(window, official_pdf(tmp_path / "notice.pdf", NOTICE_PAGES))
    panel = window.outline_panel
    (_root, docs), = _rows(panel)
    (_notice, children), = docs
    attached = [text for text, _ in children if text.startswith("附件")]
    assert [text.replace(" ", "") for text in attached] == ["附件某某管理办法", "附件2某某申请表"]
    first = next(kids for text, kids in children if text == attached[0])
    assert [text.split()[0] for text, _ in first] == ["第一条", "第二条", "第三条"]
    notice_row = panel.proxy.index(0, 0, panel.proxy.index(0, 0))
    second = panel.proxy.index(len(children) - 1, 0, notice_row)
    assert second.data() == attached[1]
    doc, clause = panel.entry_at(second)
    assert doc.label == "附件2" and clause is None
    panel.tree.clicked.emit(second)
    qtbot.waitUntil(lambda: window.view.current_page() == 2, timeout=15000)
    panel.filter_box.setText("申请表")
    assert [t for t, _ in _rows(panel)[0][1][0][1]] == [attached[1]]
