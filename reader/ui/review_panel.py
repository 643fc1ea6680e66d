"""The review panel: every annotation of the open compilation or the whole library, grouped by
theme or by document (then clause order), filtered, with counts per theme.

A plain QAbstractItemModel over lists (no per-item widgets) keeps 2,000 annotations instant.
Click jumps to an annotation; each row is a card with the whole quote over the whole note (the note is
shown there only, not again in a column of its own); double-click or F2 edits the note beside its
highlight; themes via the picker; several rows can
be retagged or deleted at once — all through the controller, so every change is undoable.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QModelIndex, QObject, Qt
from PySide6.QtGui import QAction, QBrush, QColor, QKeySequence
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDockWidget, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QMenu, QTreeView,
                               QVBoxLayout, QWidget)

from reader.annotations import Annotation
from reader.errors import ReaderError
from reader.annotations.grouping import AnnotationGroup, filter_annotations, group_annotations, theme_counts
from reader.team.authors import filter_by_author
from reader.team.state import FILE_NAME as TEAM_FILE
from reader.team.state import TeamState
from reader.ui.review_cards import ReviewCardDelegate
from reader.ui.theme_dialog import swatch
from reader.ui.operations import single_shot_timer
from reader.ui.plaintext import plain_label

if TYPE_CHECKING:
    from reader.ui.annotation_controller import AnnotationController
    from reader.ui.main_window import MainWindow

QUOTE, NOTE, THEMES, PAGE = range(4)
ANNOTATION_ROLE = Qt.ItemDataRole.UserRole + 1
_NO_GROUP = 0  # internal id of group rows; annotation rows carry their group's row + 1


class ReviewModel(QAbstractItemModel):
    """Two levels: groups (theme or document) and their annotations."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.groups: list[tuple[str, str | None, list[Annotation]]] = []  # (title, colour, annotations)
        self.english = False

    def set_groups(self, groups: list[tuple[str, str | None, list[Annotation]]]) -> None:
        self.beginResetModel()
        self.groups = groups
        self.endResetModel()

    def headers(self) -> list[str]:
        return [self.tr("引文"), self.tr("批注"), self.tr("主题"), self.tr("页码")]

    # ---------------------------------------------------------------- structure
    def index(self, row: int, column: int, parent: QModelIndex = QModelIndex()) -> QModelIndex:
        if not parent.isValid():
            return self.createIndex(row, column, _NO_GROUP) if 0 <= row < len(self.groups) else QModelIndex()
        if parent.internalId() != _NO_GROUP:
            return QModelIndex()
        members = self.groups[parent.row()][2]
        return self.createIndex(row, column, parent.row() + 1) if 0 <= row < len(members) else QModelIndex()

    def parent(self, index: QModelIndex) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or index.internalId() == _NO_GROUP:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, _NO_GROUP)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        if not parent.isValid():
            return len(self.groups)
        if parent.internalId() == _NO_GROUP and parent.column() == 0:
            return len(self.groups[parent.row()][2])
        return 0

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 4

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def annotation(self, index: QModelIndex) -> Annotation | None:
        if not index.isValid() or index.internalId() == _NO_GROUP:
            return None
        return self.groups[index.internalId() - 1][2][index.row()]

    # ---------------------------------------------------------------- data
    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == _NO_GROUP:
            title, color, members = self.groups[index.row()]
            if role == Qt.ItemDataRole.DisplayRole and index.column() == QUOTE:
                return f"{title}  ({len(members)})"
            if role == Qt.ItemDataRole.DecorationRole and index.column() == QUOTE and color:
                return swatch(color)
            return None
        ann = self.groups[index.internalId() - 1][2][index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == QUOTE:  # whole: the card delegate wraps it
                return " ".join(ann.quote.split())
            if column == NOTE:
                return " ".join(ann.note.split())
            if column == THEMES:
                return "、".join(ann.themes)
            if column == PAGE:
                orphan = self.tr("（未能定位）") if ann.status == "orphaned" else ""
                return f"{ann.page_label or ann.page_index + 1}{orphan}"
        if role == Qt.ItemDataRole.EditRole and column == NOTE:
            return ann.note
        if role == Qt.ItemDataRole.ToolTipRole:
            where = " ".join(filter(None, [ann.document, ann.doc_number, "".join(ann.clause_path)]))
            return f"{where}\n{ann.quote[:400]}" + (f"\n— {ann.note}" if ann.note else "")
        if role == Qt.ItemDataRole.DecorationRole and column == QUOTE:
            return swatch(ann.color, 10)
        if role == Qt.ItemDataRole.ForegroundRole and ann.status == "orphaned":
            return QBrush(QColor("#9e9e9e"))
        if role == ANNOTATION_ROLE:
            return ann
        return None

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        ann = self.annotation(index) if index.column() == NOTE else None
        if ann is not None and "\n" not in ann.note:  # a multi-line note opens the note dialog instead
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: QModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        ann = self.annotation(index)
        if ann is None or role != Qt.ItemDataRole.EditRole or index.column() != NOTE:
            return False
        self.noteEdited(ann.id, str(value))
        return True

    def noteEdited(self, ann_id: str, note: str) -> None:  # replaced by the panel
        pass


class ReviewPanel(QWidget):
    def __init__(self, controller: "AnnotationController", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.scope = QComboBox(self)
        self.scope.addItem(self.tr("本汇编"), "compilation")
        self.scope.addItem(self.tr("整个资料库"), "library")
        self.grouping = QComboBox(self)
        self.grouping.addItem(self.tr("按主题"), "theme")
        self.grouping.addItem(self.tr("按文档"), "document")
        self.author = QComboBox(self, objectName="reviewAuthor")  # team library: mine / the team's / one colleague's
        self.author.setVisible(False)
        self.filter_box = QLineEdit(self)
        self.filter_box.setPlaceholderText(self.tr("筛选：主题、文档、文字"))
        self.filter_box.setClearButtonEnabled(True)
        self.counts = plain_label(QLabel(self))
        self.counts.setWordWrap(True)
        self.model = ReviewModel(self)
        self.model.english = controller.english
        self.model.noteEdited = controller.set_note  # type: ignore[method-assign]
        self.tree = QTreeView(self)
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(False)  # cards are as tall as their quote and note
        self.tree.setWordWrap(True)
        self.tree.setItemDelegateForColumn(QUOTE, ReviewCardDelegate(self.tree, self.model.annotation, QUOTE))
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)  # notes edit beside their highlight
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._context_menu)
        self.tree.clicked.connect(self._on_clicked)
        self.tree.doubleClicked.connect(self._on_double_clicked)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QUOTE, QHeaderView.ResizeMode.Stretch)
        self.tree.setColumnHidden(NOTE, True)  # the card shows the whole note; a column would repeat it cut short
        header.setSectionResizeMode(THEMES, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(PAGE, QHeaderView.ResizeMode.ResizeToContents)
        header.sectionResized.connect(lambda *_a: self.tree.scheduleDelayedItemsLayout())  # re-wrap the cards
        self.empty_hint = QLabel(self.tr("还没有批注。选中文字后按 Ctrl+H 或点浮动工具栏高亮；"
                                         "在页面或大纲上右键可“标记本条款”。"), self)
        self.empty_hint.setObjectName("reviewHint")
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setStyleSheet("color: palette(mid); padding: 8px;")
        top = QHBoxLayout()
        top.addWidget(self.scope)
        top.addWidget(self.grouping)
        top.addWidget(self.author)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(top)
        layout.addWidget(self.filter_box)
        layout.addWidget(self.counts)
        layout.addWidget(self.empty_hint)
        layout.addWidget(self.tree, 1)
        layout.addStretch(0)  # takes the room while the tree is hidden behind the hint
        self._refresh_timer = single_shot_timer(self, 200)
        self._refresh_timer.timeout.connect(self.refresh)
        self.scope.currentIndexChanged.connect(self.refresh)
        self.grouping.currentIndexChanged.connect(self.refresh)
        self.author.currentIndexChanged.connect(self.refresh)
        self.filter_box.textChanged.connect(lambda _t: self._refresh_timer.start())
        delete = QAction(self.tr("删除所选批注"), self.tree)
        delete.setShortcut(QKeySequence.StandardKey.Delete)
        delete.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        delete.triggered.connect(self.delete_selected)
        self.tree.addAction(delete)
        edit = QAction(self.tr("编辑批注"), self.tree)
        edit.setShortcut(QKeySequence(Qt.Key.Key_F2))
        edit.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        edit.triggered.connect(self._edit_current_note)
        self.tree.addAction(edit)

    # ---------------------------------------------------------------- content
    def annotations(self) -> list[Annotation]:
        controller = self.controller
        found = controller.store.list() if self.scope.currentData() == "library" else list(controller.current.values())
        library = controller.window.library
        who = self.author.currentData()
        if library is None or not who:
            return found
        return filter_by_author(library.root, found, who)

    def _fill_authors(self) -> None:
        """Offer 全组 / 我的 / each colleague when the library shares with a team; hidden otherwise."""
        wanted: list[tuple[str, str]] = []
        library = self.controller.window.library
        if library is not None and (library.root / TEAM_FILE).exists():  # never create it just to look
            try:
                state: TeamState | None = TeamState(library.root)
            except ReaderError:  # unreadable bookkeeping (a read-only library): no author choice
                state = None
            if state is not None and state.joined:
                me = state.get("role")
                colleagues = sorted(name for role, name in state.members().items() if role != me)
                wanted = [("team", self.tr("全组批注")), ("mine", self.tr("我的批注"))] + [(n, n) for n in colleagues]
        if [(self.author.itemData(i), self.author.itemText(i)) for i in range(self.author.count())] == wanted:
            return
        current = self.author.currentData()
        self.author.blockSignals(True)
        self.author.clear()
        for data, text in wanted:
            self.author.addItem(text, data)
        self.author.setCurrentIndex(max(0, self.author.findData(current)))
        self.author.blockSignals(False)
        self.author.setVisible(bool(wanted))

    def refresh(self) -> None:
        if not self.isVisible():  # hidden dock: refresh when shown
            self._stale = True
            return
        self._stale = False
        controller = self.controller
        themes = controller.store.themes()
        self._fill_authors()
        anns = self.annotations()
        needle = self.filter_box.text().strip()
        anns = filter_annotations(anns, needle, themes)  # theme (either language), document, 文号, quote or note
        expanded = self._expanded_titles()
        self.tree.setColumnHidden(THEMES, self.grouping.currentData() == "theme")  # the group says it
        self.empty_hint.setVisible(not anns and not needle)
        self.tree.setVisible(bool(anns) or bool(needle))
        groups = [(self._group_title(group), group.theme.color if group.theme else None, group.members)
                  for group in group_annotations(anns, self.grouping.currentData(), themes)]
        self.model.set_groups(groups)
        fresh = not expanded & {g[0] for g in groups}  # first fill, or another grouping: open small lists
        for row, (title, _color, _members) in enumerate(groups):
            self.tree.setFirstColumnSpanned(row, QModelIndex(), True)  # long theme/document names stay whole
            if title in expanded or (fresh and len(anns) <= 300):
                self.tree.setExpanded(self.model.index(row, 0), True)
        counts = theme_counts(anns)
        parts = [f"{t.display_name(controller.english)} {counts[t.name]}" for t in themes if counts.get(t.name)]
        self.counts.setText(self.tr("共 %1 条").replace("%1", str(len(anns))) + ("  ·  " + "  ".join(parts) if parts else ""))

    def _group_title(self, group: AnnotationGroup) -> str:
        if group.theme is not None:
            return group.theme.display_name(self.controller.english)
        return self.tr("未分主题") if group.key[0] == "untagged" else group.document or "—"

    def _expanded_titles(self) -> set[str]:
        out = set()
        for row, (title, _c, _m) in enumerate(self.model.groups):
            if self.tree.isExpanded(self.model.index(row, 0)):
                out.add(title)
        return out

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if getattr(self, "_stale", True):
            self.refresh()

    def selected_ids(self) -> list[str]:
        ids: list[str] = []
        for index in self.tree.selectionModel().selectedRows(0):
            ann = self.model.annotation(index)
            if ann is not None and ann.id not in ids:
                ids.append(ann.id)
        return ids

    # ---------------------------------------------------------------- actions
    def _on_clicked(self, index: QModelIndex) -> None:
        ann = self.model.annotation(index)
        if ann is not None and index.column() != NOTE:
            self.controller.jump_to(ann)

    def _on_double_clicked(self, index: QModelIndex) -> None:
        """Themes column: the picker; a one-line note: edited in the list; elsewhere: the note beside the highlight."""
        ann = self.model.annotation(index)
        if ann is None:
            return
        if index.column() == THEMES:
            self.controller.choose_themes_for([ann.id])
        elif index.column() != NOTE or "\n" in ann.note:
            self.controller.edit_note(ann.id)

    def _edit_current_note(self) -> None:
        ann = self.model.annotation(self.tree.currentIndex())
        if ann is not None:
            self.controller.edit_note(ann.id)

    def delete_selected(self) -> None:
        ids = self.selected_ids()
        if ids:
            self.controller.delete(ids)

    def retag_selected(self) -> None:
        ids = self.selected_ids()
        if ids:
            self.controller.choose_themes_for(ids)

    def _context_menu(self, pos: Any) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        menu = QMenu(self)
        if len(ids) == 1:
            ann = self.controller.store.get(ids[0])
            if ann is not None:
                menu.addAction(self.tr("跳转"), lambda: self.controller.jump_to(ann))
                menu.addAction(self.tr("编辑批注…"), lambda: self.controller.edit_note(ann.id))
        menu.addAction(self.tr("修改主题…（%1 条）").replace("%1", str(len(ids))), self.retag_selected)
        menu.addAction(self.tr("删除（%1 条）").replace("%1", str(len(ids))), self.delete_selected)
        self.last_menu = menu
        menu.popup(self.tree.viewport().mapToGlobal(pos))


def install(window: "MainWindow", controller: "AnnotationController") -> tuple[ReviewPanel, QDockWidget]:
    panel = ReviewPanel(controller, window)
    dock = window.add_panel(panel, QCoreApplication.translate("ReviewPanel", "批注"), "reviewDock", "right")
    controller.annotationsChanged.connect(panel.refresh)
    show = QAction(QCoreApplication.translate("ReviewPanel", "批注一览"), window)
    show.setShortcut(QKeySequence("Ctrl+Shift+A"))
    show.triggered.connect(lambda: (dock.show(), dock.raise_(), panel.filter_box.setFocus()))
    window.menu("view").addAction(show)
    return panel, dock
