"""The theme suggestions panel: the clauses that mention a theme's keywords — of the open
compilation, or of every compilation in the library (as `python -m reader suggest` without a PDF) —
for the analyst to accept (tag the clause with the theme), reject (remembered in the library) or
open. Matching and memory are the core's (reader.annotations.suggestions / suggestion_memory);
this panel only lists them and calls the annotation controller, so accepting is undoable.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDockWidget, QHBoxLayout, QLabel, QPushButton, QTreeWidget,
                               QTreeWidgetItem, QVBoxLayout, QWidget)

from reader.annotations.suggestion_memory import RejectedSuggestions
from reader.annotations.spans import annotation_for_span
from reader.annotations.suggestions import Suggestion, suggest_clauses
from reader.ui.plaintext import plain_label
from reader.ui.search_results_view import HTML_ROLE, HtmlDelegate
from reader.ui.theme_dialog import swatch
from reader.workspace.suggest import LibrarySuggestions, suggest_in_library

if TYPE_CHECKING:
    from reader.ui.annotation_controller import AnnotationController
    from reader.ui.main_window import MainWindow

SUGGESTION_ROLE = Qt.ItemDataRole.UserRole + 1


class SuggestionPanel(QWidget):
    """Theme chooser, the proposals as wrapped rows, and accept / reject / open."""

    def __init__(self, window: "MainWindow", controller: "AnnotationController") -> None:
        super().__init__(window)
        self.setObjectName("suggestionPanel")
        self.window_, self.controller = window, controller
        self.suggestions: list[Suggestion] = []
        self.theme_box = QComboBox(self, objectName="suggestionTheme")
        self.scope = QComboBox(self, objectName="suggestionScope")
        self.scope.addItem(self.tr("本汇编"), "compilation")
        self.scope.addItem(self.tr("整个资料库"), "library")
        self._library: LibrarySuggestions | None = None  # compilations and paths of library-wide results
        self._asked = 0  # the newest search: older results are dropped
        self.find_button = QPushButton(self.tr("查找"), self, objectName="suggestionFind")
        self.summary = plain_label(QLabel(self, objectName="suggestionSummary", wordWrap=True))
        self.summary.setText(self.tr("选择主题，按其关键词找出本汇编中提到它的条款。"))
        self.list = QTreeWidget(self, objectName="suggestionList")
        self.list.setHeaderHidden(True)
        self.list.setRootIsDecorated(False)
        self.list.setWordWrap(True)
        self.list.setItemDelegate(HtmlDelegate(self.list))
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.accept_button = QPushButton(self.tr("接受（标记条款）"), self, objectName="suggestionAccept")
        self.reject_button = QPushButton(self.tr("拒绝"), self, objectName="suggestionReject")
        self.open_button = QPushButton(self.tr("打开"), self, objectName="suggestionOpen")
        self.accept_button.setToolTip(self.tr("用此主题标记所选条款（可撤销）"))
        self.reject_button.setToolTip(self.tr("不再推荐所选条款（记在资料库中）"))
        top = QHBoxLayout()
        top.addWidget(self.theme_box, 1)
        top.addWidget(self.scope)
        top.addWidget(self.find_button)
        buttons = QHBoxLayout()
        for button in (self.accept_button, self.reject_button, self.open_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self.find_button.clicked.connect(self.find)
        self.theme_box.activated.connect(lambda _i: self.find())
        self.scope.activated.connect(lambda _i: self.find())
        self.accept_button.clicked.connect(self.accept_selected)
        self.reject_button.clicked.connect(self.reject_selected)
        self.open_button.clicked.connect(self.open_current)
        self.list.itemDoubleClicked.connect(lambda item, _c: self.open_item(item))
        self.list.itemActivated.connect(lambda item, _c: self.open_item(item))
        for keys, slot in (("A", self.accept_selected), ("R", self.reject_selected), ("Delete", self.reject_selected)):
            action = QAction(self.list)
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.triggered.connect(slot)
            self.list.addAction(action)

    # ------------------------------------------------------------------ themes
    def refresh_themes(self) -> None:
        current = self.theme_box.currentData()
        self.theme_box.clear()
        for theme in self.controller.store.themes():
            label = theme.display_name(self.controller.english)
            if theme.keywords:
                label += f"  ({' '.join(theme.keywords[:4])}{' …' if len(theme.keywords) > 4 else ''})"
            self.theme_box.addItem(swatch(theme.color), label, theme.name)
        index = self.theme_box.findData(current)
        self.theme_box.setCurrentIndex(max(0, index))

    def memory(self) -> RejectedSuggestions | None:
        library = self.window_.library
        return RejectedSuggestions(library.root) if library is not None else None

    # ------------------------------------------------------------------ finding
    def in_library(self) -> bool:
        return self.scope.currentData() == "library"

    def find(self) -> None:
        """Propose clauses for the chosen theme (in the background: the first call folds the whole text,
        and the library scope may analyse files never opened)."""
        comp, name = self.window_.compilation, self.theme_box.currentData()
        workspace = self.window_.workspace
        if self.in_library() and workspace is None:
            self.summary.setText(self.tr("资料库不可用"))
            return
        if not self.in_library() and comp is None:
            self.summary.setText(self.tr("请先打开一份汇编（结构分析完成后才能推荐）"))
            return
        theme = self.controller.store.theme(name) if name else None
        if theme is None:
            return
        if not theme.keywords:
            self.summary.setText(self.tr("主题“%1”没有关键词：请在“主题管理”中添加").replace("%1", theme.display_name(self.controller.english)))
            self.list.clear()
            return
        memory = self.memory()
        rejected = memory.keys() if memory is not None else frozenset()
        self._asked += 1
        asked = self._asked
        if self.in_library():
            annotations = self.controller.store.list()
            self.summary.setText(self.tr("正在查找整个资料库…"))
            self.window_.run_in_background(lambda: suggest_in_library(workspace, theme, annotations, rejected),
                                           lambda found: self._show_library(asked, found),
                                           progress_label=self.tr("正在查找主题建议…"))
            return
        annotations = list(self.controller.current.values())
        self.summary.setText(self.tr("正在查找…"))
        self.window_.run_in_background(lambda: suggest_clauses(comp, theme, annotations=annotations, rejected=rejected),
                                       lambda found: self._show(asked, found, None))

    def _show_library(self, asked: int, found: LibrarySuggestions) -> None:
        self._show(asked, found.suggestions, found)
        if found.skipped and asked == self._asked:
            self.window_.status(self.tr("有 %1 个文件无法读取，已跳过").replace("%1", str(len(found.skipped))))

    def _show(self, asked: int, found: list[Suggestion], library: LibrarySuggestions | None) -> None:
        if asked != self._asked:
            return  # a newer search (or another document) replaced this one
        self._library = library
        self.suggestions = found
        self.list.clear()
        for suggestion in found:
            self._add_row(suggestion)
        if self.list.topLevelItemCount():
            self.list.setCurrentItem(self.list.topLevelItem(0))
        self._say_count()

    def forget(self) -> None:
        """The open compilation changed: results of this compilation no longer apply (library results do)."""
        if self.in_library():
            return
        self._asked += 1
        self.list.clear()
        self.suggestions = []

    def _say_count(self) -> None:
        count = self.list.topLevelItemCount()
        self.summary.setText(self.tr("%1 条条款提到此主题的关键词（A 接受，R 拒绝，双击打开）").replace("%1", str(count))
                             if count else self.tr("没有（更多）条款提到此主题的关键词"))

    def _add_row(self, s: Suggestion) -> None:
        where = " ".join(filter(None, [s.doc_number or s.document[:30], "".join(s.clause_path)]))
        if self._library is not None and s.content_hash in self._library.paths:  # which file, in the library scope
            where = f"{self._library.paths[s.content_hash].name} · {where}"
        heading = f" {html.escape(s.heading)}" if s.heading and len(s.heading) <= 20 else ""  # a real heading, not a sentence
        excerpt = html.escape(s.excerpt)
        for keyword in s.keywords:
            excerpt = excerpt.replace(html.escape(keyword), f"<b>{html.escape(keyword)}</b>")
        page = self.tr("第 %1 页").replace("%1", s.page_label)
        item = QTreeWidgetItem(self.list, [f"{s.page_label} {where} {s.excerpt}"])
        item.setData(0, HTML_ROLE, f"<span style='color:#555'>{html.escape(page)} · {html.escape(where)}</span>"
                                   f"{heading}<br>{excerpt}"
                                   f"<br><span style='color:gray'>{html.escape('、'.join(s.keywords))}</span>")
        item.setData(0, SUGGESTION_ROLE, s)

    def selected(self) -> list[tuple[QTreeWidgetItem, Suggestion]]:
        items = self.list.selectedItems() or ([self.list.currentItem()] if self.list.currentItem() else [])
        return [(item, item.data(0, SUGGESTION_ROLE)) for item in items]

    def _drop(self, items: list[QTreeWidgetItem]) -> None:
        for item in items:
            self.list.takeTopLevelItem(self.list.indexOfTopLevelItem(item))
        if self.list.topLevelItemCount() and self.list.currentItem() is None:
            self.list.setCurrentItem(self.list.topLevelItem(0))
        self._say_count()

    # ------------------------------------------------------------------ actions
    def accept_selected(self) -> None:
        """Tag each selected clause with the theme (one undoable action each)."""
        chosen = self.selected()
        for _item, s in chosen:
            self._tag(s)
        self._drop([item for item, _s in chosen])
        if chosen:
            self.window_.status(self.tr("已用“%1”标记 %2 条条款（Ctrl+Z 撤销）").replace("%1", chosen[0][1].theme)
                                .replace("%2", str(len(chosen))))

    def _tag(self, s: Suggestion) -> None:
        """Tag the clause: through the open compilation when it is that one, else through the library's."""
        comp = self.window_.compilation
        if comp is not None and comp.content_hash == s.content_hash:
            self.controller.add_span(s.start_offset, s.end_offset, themes=[s.theme], label=self.tr("标记条款"))
            return
        if self._library is None or s.content_hash not in self._library.compilations:
            return
        ann = annotation_for_span(self._library.compilations[s.content_hash], s.start_offset, s.end_offset,
                                  pdf=str(self._library.paths[s.content_hash]), themes=[s.theme])
        label = self.tr("标记条款")
        self.controller.push(label, {ann.id: None}, {ann.id: ann},
                             self.tr("已%1%2，主题：%3").replace("%1", label).replace("%2", f" {ann.clause_label}")
                             .replace("%3", self.controller.themes_text([s.theme])))

    def reject_selected(self) -> None:
        chosen, memory = self.selected(), self.memory()
        if memory is None:
            return
        for _item, s in chosen:
            memory.reject(s.key, s.theme)
        self._drop([item for item, _s in chosen])
        if chosen:
            self.window_.status(self.tr("已拒绝 %1 条建议，以后不再推荐").replace("%1", str(len(chosen))))

    def open_current(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.open_item(item)

    def open_item(self, item: QTreeWidgetItem) -> None:
        """Show the clause with the keyword in view."""
        s: Suggestion = item.data(0, SUGGESTION_ROLE)
        if s is None:
            return
        comp = self.window_.compilation
        if (comp is None or comp.content_hash != s.content_hash) and self._library is not None:
            path = self._library.paths.get(s.content_hash)
            if path is None or not self.window_.open_pdf(path, page=s.page_index):
                return
            comp = self._library.compilations[s.content_hash]  # the same analysis the window is about to get
            self.window_.view.go_to(s.page_index)
            if self.window_.compilation is None or self.window_.compilation.content_hash != s.content_hash:
                return  # the window's own analysis arrives shortly; the page is shown meanwhile
        if comp is None or comp.content_hash != s.content_hash:
            return
        start, end = s.match_spans[0] if s.match_spans else (s.start_offset, s.start_offset + 1)
        rects = comp.span_rects(start, end)
        page = min(rects) if rects else s.page_index
        self.window_.view.go_to(page, rects[page][0] if rects else None)
        self.window_.view.select_span(start, end)


def install(window: "MainWindow", controller: "AnnotationController") -> tuple[SuggestionPanel, QDockWidget]:
    panel = SuggestionPanel(window, controller)
    dock = window.add_panel(panel, QCoreApplication.translate("SuggestionPanel", "主题建议"), "suggestionDock", "right")
    dock.hide()  # out of the way until asked for; a tab of the right column (window_layout.RIGHT_DOCKS)
    panel.refresh_themes()
    # new or renamed themes reach the chooser when the panel is in view (not on every highlight)
    controller.annotationsChanged.connect(lambda: panel.refresh_themes() if dock.isVisible() else None)

    def show() -> None:
        panel.refresh_themes()
        dock.show()
        dock.raise_()
        panel.theme_box.setFocus()

    action = QAction(QCoreApplication.translate("SuggestionPanel", "主题建议…"), window, objectName="actionSuggestions")
    action.setShortcut(QKeySequence("Ctrl+Shift+T"))
    action.triggered.connect(show)
    window.menu("tools").addAction(action)
    window.documentClosed.connect(panel.forget)
    return panel, dock
