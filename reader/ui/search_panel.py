"""The search panel: full-text search of the open document or the whole library.

Typing searches (debounced, in a worker thread); results are grouped compilation → document,
each page with its label and a snippet with the hits in bold. Clicking a page opens it with
every hit lit; F3 / Shift+F3 step through the hits. Ctrl+F searches this document,
Ctrl+Shift+F the library. The opened document is indexed in the background once analysed, and
Tools → "建立全文索引" indexes files or folders with progress and cancel.
"""

from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QDockWidget, QHBoxLayout, QLabel, QLineEdit,
                               QToolButton, QTreeWidgetItem,
                               QVBoxLayout, QWidget)

from reader.hit_order import READING, RELEVANCE, order_hits, separate_snippet_spans
from reader.ui.search_navigation import CURRENT_COLOR, HIT_COLOR, SearchNavigation  # noqa: F401 (re-exported)
from reader.ui.search_results_view import HTML_ROLE, HtmlDelegate, ResultTree
from reader.ui.search_tasks import LatestOnly
from reader.ui.operations import single_shot_timer
from reader.ui.plaintext import plain_label, tooltip
from reader.workspace import changes

if TYPE_CHECKING:
    from reader.ui.search_indexing import SearchIndexing
    from reader.index.search import HitDetails, PageHit, SearchFilters, SearchResults
    from reader.workspace import PageIndex
    from reader.ui.main_window import MainWindow

HIT_ROLE = Qt.ItemDataRole.UserRole + 1  # (PageHit, HitDetails) on page rows
DISPLAY_LIMIT = 300  # pages listed (the total is always shown)
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class SearchPanel(QWidget):
    """Query box, scope, filters and the grouped result tree."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("searchPanel")
        self.window_ = window
        self.results: SearchResults | None = None
        self._current: tuple[QTreeWidgetItem, int] | None = None  # page row, hit number on it
        self.navigation = SearchNavigation(
            window, lambda content_hash: window.workspace.compilation(content_hash) if window.workspace else None)
        self._list_note = ""  # "listing the first N pages" when the result was cut
        self._last_payload: tuple | None = None
        self._opening_hash: str | None = None  # set while a result opens its file
        window.documentOpened.connect(lambda _doc: self.navigation.document_opened(self._opening_hash))
        self.worker = LatestOnly(self)
        self.worker.finished.connect(self._show_results)
        self.worker.failed.connect(self._search_failed)

        self.box = QLineEdit(self, objectName="searchBox", clearButtonEnabled=True)
        self.box.setPlaceholderText(self.tr("搜索关键词"))
        self.box.setToolTip(self.tr("多个词用空格分开（都要出现）；\"…\" 为短语；-词 排除。空格、换行、全半角不影响匹配。"))
        self.scope = QComboBox(self, objectName="searchScope")
        self.scope.addItem(self.tr("本文档"), "document")
        self.scope.addItem(self.tr("整个资料库"), "library")
        self.order = QComboBox(self, objectName="searchOrder")
        self.order.addItem(self.tr("阅读顺序"), READING)
        self.order.addItem(self.tr("相关度"), RELEVANCE)
        self.order.setToolTip(self.tr("结果列表的排列：按页序（本文档默认）或按相关度"))
        self.filters_button = QToolButton(self, text=self.tr("筛选"), checkable=True)
        row = QHBoxLayout()
        row.addWidget(self.box, 1)
        row.addWidget(self.scope)
        row.addWidget(self.order)
        row.addWidget(self.filters_button)

        self.filters = QWidget(self, visible=False)
        self.compilation_filter = QComboBox(self.filters, objectName="searchCompilation")
        self.document_filter = QLineEdit(self.filters, objectName="searchDocument", clearButtonEnabled=True)
        self.document_filter.setPlaceholderText(self.tr("文件标题或文号"))
        self.date_from = QLineEdit(self.filters, objectName="searchDateFrom", placeholderText=self.tr("起始日期 YYYY-MM-DD"))
        self.date_to = QLineEdit(self.filters, objectName="searchDateTo", placeholderText=self.tr("截止日期 YYYY-MM-DD"))
        self.annotated_only = QCheckBox(self.tr("只看有批注的页"), self.filters, objectName="searchAnnotated")
        self.front_matter = QCheckBox(self.tr("包括封面和目录页"), self.filters)
        grid = QVBoxLayout(self.filters)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.compilation_filter)
        grid.addWidget(self.document_filter)
        dates = QHBoxLayout()
        dates.addWidget(self.date_from)
        dates.addWidget(self.date_to)
        grid.addLayout(dates)
        checks = QHBoxLayout()
        checks.addWidget(self.annotated_only)
        checks.addWidget(self.front_matter)
        grid.addLayout(checks)

        self.summary = plain_label(QLabel(self, objectName="searchSummary", wordWrap=True))
        self.empty_hint = QLabel(self.hint(), self, objectName="searchHint", wordWrap=True)
        self.empty_hint.setStyleSheet("color: palette(mid); padding: 8px;")
        self.tree = ResultTree(self, objectName="searchResults")
        self.tree.setHeaderHidden(True)
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tree.setItemDelegate(HtmlDelegate(self.tree))
        self.tree.setWordWrap(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(row)
        layout.addWidget(self.filters)
        layout.addWidget(self.summary)
        layout.addWidget(self.empty_hint)
        layout.addWidget(self.tree, 1)
        layout.addStretch(0)
        self.tree.hide()  # until there is something to list: the hint says what to do

        self.debounce = single_shot_timer(self, 250)
        self.debounce.timeout.connect(self.search_now)
        self.box.textChanged.connect(lambda _t: self.debounce.start())
        self.box.returnPressed.connect(self.search_now)
        for signal in (self.scope.currentIndexChanged, self.compilation_filter.currentIndexChanged,
                       self.annotated_only.toggled, self.front_matter.toggled):
            signal.connect(lambda *_a: self.debounce.start())
        for edit in (self.document_filter, self.date_from, self.date_to):
            edit.textChanged.connect(lambda _t: self.debounce.start())
        self.filters_button.toggled.connect(self._toggle_filters)
        self.scope.currentIndexChanged.connect(self._default_order)
        self.order.currentIndexChanged.connect(lambda _i: self._reorder())
        self.tree.itemClicked.connect(lambda item, _c: self.open_item(item))
        self.tree.itemActivated.connect(lambda item, _c: self.open_item(item))

    def hint(self) -> str:
        """What an empty panel says: how to search, and the keys."""
        return self.tr("输入关键词，回车或稍候即搜。Ctrl+F 搜本文档，Ctrl+Shift+F 搜整个资料库；F3 / Shift+F3 逐个查看。")

    # ----------------------------------------------------------------- searching
    def searcher(self) -> "PageIndex":
        """The library's page index, through the window's Workspace (opened on first use)."""
        return self.window_.workspace.index

    def _default_order(self, *_args: object) -> None:
        """Reading order inside a document, relevance across the library (the user may switch)."""
        self.order.blockSignals(True)
        self.order.setCurrentIndex(self.order.findData(READING if self.scope.currentData() == "document" else RELEVANCE))
        self.order.blockSignals(False)

    def _reorder(self) -> None:
        if self.results is not None and self._last_payload is not None:
            self._show_results(self._last_payload)

    def _toggle_filters(self, shown: bool) -> None:
        self.filters.setVisible(shown)
        if shown:
            self.refresh_compilations()

    def refresh_compilations(self) -> None:
        """This laptop's compilations; in a team library also the team's others (as last seen, no
        server contact), marked as not on this laptop."""
        from reader.team.catalogue import MISSING, TEAM, library_choices

        library = self.window_.library
        current = self.compilation_filter.currentData()
        self.compilation_filter.blockSignals(True)
        self.compilation_filter.clear()
        self.compilation_filter.addItem(self.tr("全部汇编"), None)
        marks = {MISSING: self.tr("（文件缺失）"), TEAM: self.tr("（团队库，不在本机）")}
        for entry in (library_choices(library) if library is not None else []):
            self.compilation_filter.addItem(f"{entry.title}{marks.get(entry.where, '')}", entry.content_hash)
        index = self.compilation_filter.findData(current)
        self.compilation_filter.setCurrentIndex(max(0, index))
        self.compilation_filter.blockSignals(False)

    def _filters(self) -> "SearchFilters":
        from reader.index.search import SearchFilters

        filters = SearchFilters(document=self.document_filter.text().strip() or None,
                                front_matter=self.front_matter.isChecked())
        if self.scope.currentData() == "document":
            content_hash = self.window_.content_hash
            filters.content_hashes = {content_hash} if content_hash else set()
        elif self.compilation_filter.currentData():
            filters.content_hashes = {self.compilation_filter.currentData()}
        for edit, name in ((self.date_from, "date_from"), (self.date_to, "date_to")):
            text = edit.text().strip()
            if _DATE.match(text):
                setattr(filters, name, text)
        return filters

    def search_now(self) -> None:
        """Start a search for the box's text in the worker; the previous one is superseded."""
        text = self.box.text()
        if self.window_.workspace is None:
            self.summary.setText(self.tr("资料库不可用，无法搜索"))
            return
        if not text.strip():
            self.worker.cancel_pending()
            self.tree.clear()
            self.results = None
            self.summary.setText("")
            self.empty_hint.show()
            self.tree.hide()
            self.navigation.clear()
            return
        filters = self._filters()
        annotated = self.annotated_only.isChecked()
        workspace = self.window_.workspace
        self.summary.setText(self.tr("正在搜索…"))
        self.empty_hint.hide()
        self.tree.show()

        def work() -> tuple[SearchResults, list[HitDetails]]:
            if annotated:
                filters.pages = workspace.annotated_pages()
            searcher = self.searcher()
            results = searcher.search(text, filters, limit=DISPLAY_LIMIT)
            return results, [searcher.details(hit, results.parsed, with_rects=False) for hit in results.hits]

        self.worker.submit(work)

    def _search_failed(self, exc: BaseException) -> None:
        from reader.errors import ReaderError

        if not isinstance(exc, ReaderError):
            raise exc
        self.summary.setText(exc.message)

    def _show_results(self, payload: tuple[SearchResults, list[HitDetails]]) -> None:
        results, details = payload
        self._last_payload = payload
        self.results = results
        self._current = None
        self.tree.clear()
        self.navigation.set_results([])  # a new query clears the old highlights
        if results.message and not results.hits:
            self.summary.setText(results.message)
            return
        if results.total_pages == 0 and self.scope.currentData() == "document" and not self._document_indexed():
            self.summary.setText(self.tr("本文档的索引尚未建好，请稍候再搜"))
            return
        if results.total_pages == 0:
            self.summary.setText(self.tr("没有找到“%1”").replace("%1", results.query.strip()))
            return
        by_hit = {(h.content_hash, h.page_index): d for h, d in zip(results.hits, details)}
        ordered = order_hits(results.hits, self.order.currentData(), self.window_.content_hash)
        self.navigation.set_results([(h, by_hit[(h.content_hash, h.page_index)]) for h in ordered])
        self._list_note = ""
        if results.total_pages > len(results.hits):
            self._list_note = self.tr("，列出前 %1 页（共 %2 页）").replace("%1", str(len(results.hits))).replace(
                "%2", str(results.total_pages))
        if results.message:  # e.g. a team library searched offline: only this laptop's compilations
            self._list_note += " · " + results.message
        self.summary.setText(self.navigation.count_text() + self._list_note)
        from reader.index.search import SearchResults

        for compilation, documents in SearchResults(results.query, results.parsed, ordered, results.total_pages).groups():
            top = QTreeWidgetItem(self.tree, [compilation])
            top.setData(0, HTML_ROLE, f"<b>{html.escape(compilation)}</b>")
            for document, hits in documents:
                doc_item = QTreeWidgetItem(top, [document])
                number = hits[0].doc_number
                doc_item.setData(0, HTML_ROLE, f"{html.escape(document)}"
                                 + (f" <span style='color:gray'>{html.escape(number)}</span>" if number else ""))
                for hit in hits:
                    self._add_page_row(doc_item, hit, by_hit[(hit.content_hash, hit.page_index)])
            top.setExpanded(True)
            for i in range(top.childCount()):
                top.child(i).setExpanded(True)

    def _add_page_row(self, parent: QTreeWidgetItem, hit: PageHit, details: HitDetails) -> None:
        label = self.tr("第 %1 页").replace("%1", hit.page_label)
        if hit.occurrences > 1 or len(details.spans) > 1:
            label += self.tr("（%1 处）").replace("%1", str(max(hit.occurrences, len(details.spans))))
        snippet = "<br>".join("".join(f"<b>{html.escape(t)}</b>" if bold else html.escape(t) for t, bold in parts)
                              for parts in self._snippets(hit, details))
        missing = f" <i>{html.escape(self.tr('（文件缺失）'))}</i>" if hit.missing else ""
        item = QTreeWidgetItem(parent, [f"{label} {details.snippet_plain}"])
        item.setData(0, HTML_ROLE, f"<span style='color:#555'>{html.escape(label)}</span>{missing} {snippet}")
        item.setData(0, HIT_ROLE, (hit, details))
        item.setToolTip(0, tooltip(hit.pdf))

    def _snippets(self, hit: PageHit, details: HitDetails) -> list[list[tuple[str, bool]]]:
        """One snippet per group of nearby hits when the page is the open compilation's; else the index's one."""
        comp = self.window_.compilation
        if comp is None or comp.content_hash != hit.content_hash or len(details.spans) < 2:
            return [details.snippet_parts]
        from reader.index.highlight import snippet_parts

        page_text = comp.page_text(hit.page_index)
        text = page_text + (comp.page_text(hit.page_index + 1) if hit.page_index + 1 < comp.page_count else "")
        return [snippet_parts(text, group, len(page_text)) for group in separate_snippet_spans(details.spans)[:4]]

    def _document_indexed(self) -> bool:
        content_hash = self.window_.content_hash
        return bool(content_hash) and self.searcher().is_indexed(content_hash)

    # ------------------------------------------------------------------ results
    def page_rows(self) -> list[QTreeWidgetItem]:
        rows = []
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            for j in range(top.childCount()):
                doc = top.child(j)
                rows.extend(doc.child(k) for k in range(doc.childCount()))
        return rows

    def open_item(self, item: QTreeWidgetItem, hit_number: int = 0) -> bool:
        """Show the page of a result row with every hit lit; its ``hit_number``-th hit current."""
        data = item.data(0, HIT_ROLE)
        if not data or self.results is None:
            return False
        hit, details = data
        if not self._open_compilation_of(hit):
            return False
        count = len(details.spans)
        index = self.navigation.index_of(hit, max(0, min(hit_number, count - 1))) if count else None
        if index is None:  # no hit geometry known: still show the page
            self.window_.view.go_to(hit.page_index)
            return True
        self._show_hit(index)
        return True

    def _open_compilation_of(self, hit: PageHit) -> bool:
        window = self.window_
        if window.content_hash == hit.content_hash:
            return True
        if hit.missing or not hit.pdf:
            from reader.ui import team_fetch

            if team_fetch.offer(window, hit, lambda path: window.open_pdf(path, page=hit.page_index)):
                return False  # the page opens when the download is done
            window.status(self.tr("文件缺失，无法打开：%1").replace("%1", hit.pdf or hit.compilation))
            return False
        self._opening_hash = hit.content_hash
        try:
            return bool(window.open_pdf(hit.pdf, page=hit.page_index))
        finally:
            self._opening_hash = None

    def _show_hit(self, index: int) -> None:
        shown = self.navigation.show(index)
        if shown is None:
            return
        hit, _details, number = shown
        row = next((r for r in self.page_rows() if r.data(0, HIT_ROLE)[0] is hit), None)
        if row is not None:
            self._current = (row, number)
            self.tree.setCurrentItem(row)
        self.summary.setText(self.navigation.count_text() + self._list_note)

    def step(self, forward: bool = True) -> None:
        """Next (F3) or previous (Shift+F3) hit in reading order from where the reader is; wraps and says so."""
        step = self.navigation.step(forward)
        if step is None:
            return
        content_hash = self.navigation.sequence.hashes[step.index]
        key = self.navigation.sequence.keys[step.index]
        hit, _details = self.navigation.hits[(content_hash, key.page_index)]
        if not self._open_compilation_of(hit):
            return
        self._show_hit(step.index)
        if step.wrapped:
            message = self.navigation.wrap_text(forward)
            self.window_.status(message)
            self.summary.setText(self.summary.text() + " · " + message)

    def on_workspace_changed(self, kinds: frozenset[str]) -> None:
        """The index (or, for the annotated-only filter, the annotations) changed elsewhere: search again."""
        relevant = {changes.INDEX} | ({changes.ANNOTATIONS} if self.annotated_only.isChecked() else set())
        if changes.INDEX in kinds and not self.filters.isHidden():  # e.g. a colleague's new team compilation
            self.refresh_compilations()
        if kinds & relevant and self.box.text().strip():
            self.debounce.start()

    def focus_search(self, scope: str) -> None:
        self.scope.setCurrentIndex(max(0, self.scope.findData(scope)))
        dock = self.parentWidget()
        if dock is not None:
            dock.show()
            dock.raise_()
        self.box.setFocus()
        self.box.selectAll()


def install(window: MainWindow) -> tuple[SearchPanel, QDockWidget, SearchIndexing]:
    """Dock the search panel on the right; shortcuts, the index action and background indexing."""
    from reader.ui.search_indexing import SearchIndexing

    panel = SearchPanel(window)
    dock = window.add_panel(panel, QCoreApplication.translate("SearchPanel", "全文搜索"), "searchDock", "right")
    edit = window.menu("edit")
    for text, keys, handler, name in (
        (QCoreApplication.translate("SearchPanel", "在本文档中搜索"), QKeySequence("Ctrl+F"), lambda: panel.focus_search("document"), "actionFindInDocument"),
        (QCoreApplication.translate("SearchPanel", "在资料库中搜索"), QKeySequence("Ctrl+Shift+F"), lambda: panel.focus_search("library"), "actionFindInLibrary"),
        (QCoreApplication.translate("SearchPanel", "下一个搜索结果"), QKeySequence("F3"), lambda: panel.step(True), "actionFindNext"),
        (QCoreApplication.translate("SearchPanel", "上一个搜索结果"), QKeySequence("Shift+F3"), lambda: panel.step(False), "actionFindPrevious"),
    ):
        action = QAction(text, window, objectName=name)
        action.setShortcut(keys)
        action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        action.triggered.connect(handler)
        edit.addAction(action)
    indexing = SearchIndexing(window, panel)
    window.documentClosed.connect(lambda: window.view.clear_overlay("search"))
    window.compilationReady.connect(lambda _comp: panel.navigation.light())  # hits of a file opened from the list
    if window.watcher is not None:
        window.watcher.changed.connect(panel.on_workspace_changed)
    return panel, dock, indexing
