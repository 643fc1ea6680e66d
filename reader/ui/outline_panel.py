"""The outline panel: compilation → documents (title, 文号, date) → clauses.

Clicking an entry jumps to its place on the page; the panel follows the reading position; a
filter box narrows the tree (matching titles, 文号, dates and clause headings). Other features
add context-menu entries through ``context_menu_hooks`` — callables
``(menu, document_info, clause_or_None)`` — e.g. "tag this clause".
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable

from PySide6.QtCore import QCoreApplication, QModelIndex, QSortFilterProxyModel, Qt, QTimer
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QDockWidget, QHeaderView, QLabel, QLineEdit, QMenu, QTreeView, QVBoxLayout, QWidget
from reader.ui.plaintext import plain_label, tooltip

if TYPE_CHECKING:
    from reader.structure import Clause, Compilation, DocumentInfo
    from reader.ui.main_window import MainWindow

ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1  # (document index or (document, attachment) indexes, clause path) or None for the root
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 2  # text the filter matches
FOLLOW_DELAY_MS = 80  # the marker follows scrolling this long after it stops (one lookup, not one per pixel)


class OutlinePanel(QWidget):
    """Tree of the compilation's structure with a filter box; Qt presentation only."""

    def __init__(self, go_to: Callable[[int, tuple | None], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outlinePanel")
        self.setMinimumWidth(170)  # a title and its page label; long titles are elided, full in the tooltip
        self._go_to = go_to
        self.compilation: Compilation | None = None
        self.context_menu_hooks: list[Callable[[QMenu, Any, Any], None]] = []
        self._following = False
        self._page_items: list[tuple[int, int, QStandardItem]] = []  # (start offset, order, item)
        self._page_names: list[str] = []  # page labels, a restarted number named with its document

        self.filter_box = QLineEdit(self)
        self.filter_box.setObjectName("outlineFilter")
        self.filter_box.setPlaceholderText(self.tr("筛选：标题、文号、日期或条款"))
        self.filter_box.setClearButtonEnabled(True)
        self.model = QStandardItemModel(self)
        self.model.setHorizontalHeaderLabels([self.tr("大纲"), self.tr("页码")])
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setRecursiveFilteringEnabled(True)
        self.proxy.setFilterRole(SEARCH_ROLE)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(0)
        self.tree = QTreeView(self)
        self.tree.setObjectName("outlineTree")
        self.tree.setModel(self.proxy)
        self.tree.setUniformRowHeights(True)
        self.tree.setHeaderHidden(True)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.setEditTriggers(QTreeView.EditTrigger.NoEditTriggers)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        self.empty_hint = plain_label(QLabel(self))
        self.empty_hint.setObjectName("outlineHint")
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setStyleSheet("color: palette(mid); padding: 8px;")
        self.show_hint(self.tr("打开 PDF 后，这里列出汇编中的各个文件和条款。"))
        self.no_match = plain_label(QLabel(self))
        self.no_match.setObjectName("outlineNoMatch")
        self.no_match.setWordWrap(True)
        self.no_match.setStyleSheet("color: palette(mid); padding: 4px 8px;")
        self.no_match.hide()
        layout.addWidget(self.filter_box)
        layout.addWidget(self.no_match)
        layout.addWidget(self.empty_hint)
        layout.addWidget(self.tree, 1)
        layout.addStretch(0)  # takes the room while the tree is hidden behind the hint

        self.filter_box.textChanged.connect(self._on_filter)
        self.tree.clicked.connect(self._on_activated)
        self.tree.activated.connect(self._on_activated)
        self.tree.customContextMenuRequested.connect(self._on_context_menu)

    # ------------------------------------------------------------------ filling
    def set_compilation(self, comp: Compilation | None) -> None:
        self.compilation = comp
        self.model.removeRows(0, self.model.rowCount())
        self._page_items = []
        self._page_names = []
        if comp is not None:
            from reader.structure.labels import qualified_labels  # here: the first paint never waits for structure

            self._page_names = qualified_labels(comp.page_labels, comp.documents)
        if comp is None:
            self.show_hint(self.tr("打开 PDF 后，这里列出汇编中的各个文件和条款。"))
            return
        self.empty_hint.hide()
        self.tree.show()
        root = self._item(self.tr("汇编（%n 页）", "", comp.page_count), None, "")
        root.setData(None, ENTRY_ROLE)
        if not comp.has_text_layer:
            root.setText(self.tr("此 PDF 没有文字层，无法显示大纲"))
        self.model.appendRow([root, QStandardItem("")])
        for d_index, doc in enumerate(comp.documents):
            facts = "  ".join(f for f in (doc.doc_number, doc.date) if f)
            text = doc.title + (f"\n{facts}" if facts else "")
            item = self._item(text, (d_index, ()), " ".join([doc.title, doc.doc_number or "", doc.date or "",
                                                              doc.kind, " ".join(doc.issuers)]))
            item.setToolTip(tooltip(self._document_tooltip(doc)))
            root.appendRow([item, self._page_item(comp, doc.start_page)])
            self._page_items.append((doc.start_offset, len(self._page_items), item))
            self._add_clauses(comp, item, d_index, (), doc.clauses)
            for a_index, attached in enumerate(doc.attachments):
                # An attachment (附件) is part of the document that issues it: a child row with its
                # label and own title, holding its own clauses.
                key = (d_index, a_index)
                heading = " ".join(part for part in (attached.label or self.tr("附件"), attached.title) if part)
                child = self._item(heading, (key, ()), " ".join([heading, attached.doc_number or ""]))
                child.setToolTip(tooltip(self._document_tooltip(attached)))
                item.appendRow([child, self._page_item(comp, attached.start_page)])
                self._page_items.append((attached.start_offset, len(self._page_items), child))
                self._add_clauses(comp, child, key, (), attached.clauses)
        self.tree.setUniformRowHeights(False)
        self.tree.expandToDepth(0)

    def show_hint(self, text: str) -> None:
        """A line in place of an empty tree: what will appear here, or that it is being prepared."""
        self.empty_hint.setText(text)
        self.empty_hint.show()
        self.tree.hide()

    def _add_clauses(self, comp: Compilation, parent: QStandardItem, d_index: int | tuple[int, int], path: tuple,
                     clauses: list[Clause]) -> None:
        for c_index, clause in enumerate(clauses):
            text = f"{clause.label} {clause.heading}".strip()
            item = self._item(text, (d_index, path + (c_index,)), f"{clause.label}{clause.heading}")
            item.setToolTip(tooltip(clause.text[:300]))
            parent.appendRow([item, self._page_item(comp, clause.start_page)])
            self._page_items.append((clause.start_offset, len(self._page_items), item))
            self._add_clauses(comp, item, d_index, path + (c_index,), clause.children)

    def _item(self, text: str, entry: Any, search: str) -> QStandardItem:
        item = QStandardItem(text)
        item.setData(entry, ENTRY_ROLE)
        item.setData(search or text, SEARCH_ROLE)
        return item

    def _page_item(self, comp: Compilation, page: int) -> QStandardItem:
        item = QStandardItem(self._page_names[page] if page < len(self._page_names) else str(page + 1))
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return item

    def _document_tooltip(self, doc: DocumentInfo) -> str:
        rows = [doc.title]
        if doc.doc_number:
            rows.append(self.tr("文号：%1").replace("%1", doc.doc_number))
        if doc.issuers:
            rows.append(self.tr("发文机关：%1").replace("%1", "、".join(doc.issuers)))
        if doc.date:
            rows.append(self.tr("日期：%1").replace("%1", doc.date))
        rows.append(self.tr("类型：%1").replace("%1", doc.kind))
        return "\n".join(rows)

    # ------------------------------------------------------------------ lookup
    def entry_at(self, proxy_index: QModelIndex) -> tuple[Any, Any] | None:
        """(document, clause or None) of a row in the view; None for the compilation row."""
        source = self.proxy.mapToSource(proxy_index.siblingAtColumn(0))
        entry = self.model.data(source, ENTRY_ROLE)
        if entry is None or self.compilation is None:
            return None
        d_index, path = entry
        if isinstance(d_index, tuple):  # an attachment: (its document, its place among the attachments)
            doc = self.compilation.documents[d_index[0]].attachments[d_index[1]]
        else:
            doc = self.compilation.documents[d_index]
        clause = None
        level = doc.clauses
        for step in path:
            clause = level[step]
            level = clause.children
        return doc, clause

    def _target(self, doc: Any, clause: Any) -> tuple[int, tuple | None]:
        comp = self.compilation
        start = clause.start_offset if clause is not None else doc.start_offset
        page = clause.start_page if clause is not None else doc.start_page
        rects = comp.span_rects(start, start + 1).get(page) if comp is not None else None
        return page, (rects[0] if rects else None)

    # ------------------------------------------------------------------ interaction
    def _on_activated(self, index: QModelIndex) -> None:
        found = self.entry_at(index)
        if found is None:
            if self.compilation is not None and self.compilation.page_count:
                self._go_to(0, None)
            return
        page, rect = self._target(*found)
        self._following = True
        try:
            self._go_to(page, rect)
        finally:
            self._following = False

    def _on_filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        if text.strip():
            self.tree.expandAll()
        else:
            self.tree.collapseAll()
            self.tree.expandToDepth(0)
        nothing = bool(text.strip()) and self.compilation is not None and self.proxy.rowCount() == 0
        self.no_match.setText(self.tr("没有与“%1”匹配的标题、文号、日期或条款。").replace("%1", text.strip()))
        self.no_match.setVisible(nothing)

    def _on_context_menu(self, pos) -> None:
        index = self.tree.indexAt(pos)
        found = self.entry_at(index) if index.isValid() else None
        if found is None:
            return
        doc, clause = found
        menu = QMenu(self)
        go = menu.addAction(self.tr("跳转到此处"))
        go.triggered.connect(lambda: self._on_activated(index))
        copy = menu.addAction(self.tr("复制条款文本") if clause is not None else self.tr("复制标题"))
        copy.triggered.connect(lambda: QGuiApplication.clipboard().setText(
            clause.text if clause is not None else doc.title))
        for hook in list(self.context_menu_hooks):
            hook(menu, doc, clause)
        self.last_menu = menu
        menu.popup(self.tree.viewport().mapToGlobal(pos))

    def follow_page(self, page: int) -> None:
        """Select the entry being read at the top of ``page``: the last one starting before the
        page's first line, or on that line."""
        comp = self.compilation
        if self._following or not self._page_items or comp is None or not 0 <= page < comp.page_count:
            return
        top = comp.page_starts[page]
        first_line_end = comp.text.find("\n", top)
        self.follow_offset(first_line_end if 0 <= first_line_end < comp.page_starts[page + 1] else top)

    def follow_position(self, page: int, y: float) -> None:
        """Select the clause that the line at ``y`` points down ``page`` belongs to (the reading line)."""
        comp = self.compilation
        if self._following or comp is None or not 0 <= page < comp.page_count:
            return
        offset = comp.offset_at(page, 0.0, y)
        if offset is None:
            self.follow_page(page)  # a page without text (a picture): the entry running through it
        else:
            self.follow_offset(offset)

    def follow_offset(self, top: int) -> None:
        """Select the last entry starting at or before text offset ``top``."""
        if self._following or not self._page_items:
            return
        best = None
        for start, _order, item in self._page_items:
            if start <= top:
                best = item
            else:
                break
        if best is None:
            return
        proxy_index = self.proxy.mapFromSource(best.index())
        if not proxy_index.isValid():
            return  # filtered out
        selection = self.tree.selectionModel()
        if self.tree.currentIndex() == proxy_index:
            return
        selection.setCurrentIndex(proxy_index, selection.SelectionFlag.ClearAndSelect | selection.SelectionFlag.Rows)
        self.tree.scrollTo(proxy_index)

    def selected_entry(self) -> tuple[Any, Any] | None:
        index = self.tree.currentIndex()
        return self.entry_at(index) if index.isValid() else None


def install(window: MainWindow) -> tuple[OutlinePanel, QDockWidget]:
    """Add the outline as a left dock panel fed by the window's compilation."""
    panel = OutlinePanel(lambda page, rect: window.view.go_to(page, rect), window)
    dock = window.add_panel(panel, QCoreApplication.translate("OutlinePanel", "大纲"), "outlineDock", "left")
    thumbnails = window.findChild(QDockWidget, "thumbnailsDock")
    if thumbnails is not None:  # share the left column with the thumbnails, as tabs
        window.tabifyDockWidget(thumbnails, dock)
        dock.raise_()
    window.compilationReady.connect(panel.set_compilation)
    window.documentOpened.connect(lambda _doc: panel.show_hint(QCoreApplication.translate("OutlinePanel", "正在分析文档结构…")))
    window.documentClosed.connect(lambda: panel.set_compilation(None))
    follow = QTimer(panel, singleShot=True, interval=FOLLOW_DELAY_MS)
    follow.timeout.connect(lambda: panel.follow_position(*window.view.probe_position()))
    window.view.verticalScrollBar().valueChanged.connect(lambda _value: follow.start())
    window.compilationReady.connect(lambda _comp: follow.start())
    focus = QAction(QCoreApplication.translate("OutlinePanel", "筛选大纲"), window)
    focus.setShortcut(QKeySequence("Ctrl+Shift+O"))

    def show_filter() -> None:
        dock.show()
        dock.raise_()
        panel.filter_box.setFocus()
        panel.filter_box.selectAll()

    focus.triggered.connect(show_filter)
    window.menu("view").addAction(focus)
    if window.compilation is not None:
        panel.set_compilation(window.compilation)
    return panel, dock
