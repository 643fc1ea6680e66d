"""The main window: one open compilation in a continuous view, with panels that features plug in.

The window owns opening (password, errors, remembered position), the background steps after
opening (record in the library, structure analysis on a separate Document), and the small API
that feature modules use (see docs/architecture.md, "GUI integration").
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from PySide6.QtCore import Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QDockWidget, QFileDialog, QMainWindow, QMenu, QVBoxLayout, QWidget

from reader.document import Document
from reader.library import Library
from reader.errors import PasswordRequiredError, ReaderError
from reader.ui import analysis, dialogs, i18n, window_actions, window_layout
from reader.ui.busy_indicator import BusyIndicator
from reader.ui.operations import BackgroundRunner, single_shot_timer
from reader.ui.page_view import PageView
from reader.ui.settings import AppSettings
from reader.ui.thumbnails import ThumbnailPanel
from reader.ui.workspace_watch import WorkspaceWatcher
from reader.workspace import Workspace

if TYPE_CHECKING:
    from reader.structure import Compilation
    from reader.ui.annotation_controller import AnnotationController
    from reader.ui.export_dialog import ExportDialog
    from reader.ui.outline_panel import OutlinePanel
    from reader.ui.reading_aids import ReadingAids
    from reader.ui.review_panel import ReviewPanel
    from reader.ui.ocr_feature import OcrFeature
    from reader.ui.search_indexing import SearchIndexing
    from reader.ui.search_panel import SearchPanel
    from reader.ui.suggestion_panel import SuggestionPanel
    from reader.ui.team_status import TeamStatus

SAVE_DELAY_MS = 800  # reading position written this long after the last move (survives a crash)
_AREAS = {"left": Qt.DockWidgetArea.LeftDockWidgetArea, "right": Qt.DockWidgetArea.RightDockWidgetArea,
          "bottom": Qt.DockWidgetArea.BottomDockWidgetArea, "top": Qt.DockWidgetArea.TopDockWidgetArea}


class MainWindow(QMainWindow):
    """The window and everything it holds: each attribute is declared here and set here."""

    documentOpened = Signal(object)
    compilationReady = Signal(object)
    documentClosed = Signal()
    currentPageChanged = Signal(int)

    # what the window holds besides the view (set in __init__; features get them passed in)
    workspace: Workspace | None
    watcher: WorkspaceWatcher | None
    recent_menu: QMenu
    panels_menu: QMenu
    zoom_in_action: QAction
    zoom_out_action: QAction
    language_group: Any
    page_box: window_actions.PageBox
    zoom_box: window_actions.ZoomBox
    outline_panel: OutlinePanel
    outline_dock: QDockWidget
    search_panel: SearchPanel
    search_dock: QDockWidget
    search_indexing: SearchIndexing
    ocr: OcrFeature
    annotation_controller: AnnotationController
    review_panel: ReviewPanel
    review_dock: QDockWidget
    suggestion_panel: SuggestionPanel
    suggestion_dock: QDockWidget
    export_action: QAction
    restore_action: QAction
    team_status: TeamStatus
    reading_aids: ReadingAids
    export_dialog: ExportDialog | None = None  # the one open export dialog, if any

    def __init__(self, language: str = "zh", settings: AppSettings | None = None,
                 background_analysis: bool = True, features: bool = True) -> None:
        """``features=False`` builds the bare reading window (no panels, no annotation or search work)."""
        super().__init__()
        self.setObjectName("MainWindow")
        self.language = language
        self.ask_passwords = True  # False when nobody is there to answer (--quit-after-first-paint)
        self.settings = settings or AppSettings()
        self.background_analysis = background_analysis
        self.document: Document | None = None
        self.compilation: Compilation | None = None
        self.content_hash: str | None = None
        self.workspace: Workspace | None = analysis.make_workspace()
        # writes by the CLI, an import or another window reach this one through the watcher
        self.watcher: WorkspaceWatcher | None = WorkspaceWatcher(self.workspace, self) if self.workspace else None
        self.last_error_dialog = None
        self.last_error: ReaderError | None = None
        self._password: str | None = None
        self._open_generation = 0
        self._late_restore = False

        self.view = PageView(self)
        self.view.currentPageChanged.connect(self._on_page_changed)
        self.view.zoomChanged.connect(self._on_zoom_changed)
        self.view.firstPagePainted.connect(self._on_first_paint)
        self.notice = dialogs.NoticeBar(self)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.notice)
        layout.addWidget(self.view)
        self.setCentralWidget(central)

        self.runner = BackgroundRunner(self.show_error, self)
        self.busy = BusyIndicator(self)
        self.statusBar().addPermanentWidget(self.busy)
        self.runner.busyChanged.connect(self._on_busy)

        parts = window_actions.build_menus(self)
        self._menus = parts.menus
        self.recent_menu, self.panels_menu = parts.recent_menu, parts.panels_menu
        self.zoom_in_action, self.zoom_out_action = parts.zoom_in_action, parts.zoom_out_action
        self.language_group = parts.language_group
        _toolbar, self.page_box, self.zoom_box = window_actions.build_toolbar(self, parts)
        self.thumbnails = ThumbnailPanel(self.view)
        thumbnails_dock = self.add_panel(self.thumbnails, self.tr("缩略图"), "thumbnailsDock", "left")
        self.menu("view").insertAction(self.panels_menu.menuAction(), thumbnails_dock.toggleViewAction())
        self._save_timer = single_shot_timer(self, SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self.save_reading_state)
        self.setAcceptDrops(True)
        self.setWindowTitle(self.tr("政策汇编阅读器"))

        if features:
            self._install_features()
        self.resize(window_layout.default_size(self))  # first: the panels' widths follow the window's
        window_layout.arrange_panels(self)
        self._restore_window_state()

    def _install_features(self) -> None:
        from reader.ui.features import install_features

        features = install_features(self)
        self.outline_panel, self.outline_dock = features.outline, features.outline_dock
        self.search_panel, self.search_dock = features.search, features.search_dock
        self.search_indexing = features.indexing
        self.annotation_controller = features.annotations
        self.review_panel, self.review_dock = features.review, features.review_dock
        self.suggestion_panel, self.suggestion_dock = features.suggestions, features.suggestions_dock
        self.export_action = features.export_action
        self.restore_action = features.restore_action
        self.team_status = features.team
        self.ocr = features.ocr
        self.reading_aids = features.reading

    # ------------------------------------------------------------------ plug-in API
    @property
    def library(self) -> Library | None:
        """The user's library (None when it could not be opened)."""
        return self.workspace.library if self.workspace is not None else None

    def menu(self, key: str) -> QMenu:
        return self._menus[key]

    def add_panel(self, widget: QWidget, title: str, object_name: str, area: Any = "right") -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(object_name)
        dock.setWidget(widget)
        self.addDockWidget(_AREAS.get(area, area) if isinstance(area, str) else area, dock)
        self.panels_menu.addAction(dock.toggleViewAction())
        return dock

    def run_in_background(self, fn: Callable[..., Any], on_done: Callable[[Any], None] | None = None,
                          on_error: Callable[[BaseException], None] | None = None,
                          progress_label: str | None = None) -> None:
        self.runner.run(fn, on_done, on_error, progress_label)

    def show_error(self, exc: BaseException) -> None:
        """A dialog for an expected failure; anything else is a bug and is raised."""
        if not isinstance(exc, ReaderError):
            raise exc
        self.last_error = exc
        box = dialogs.error_dialog(self, exc)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.last_error_dialog = box
        box.open()  # window-modal, without blocking the caller
        self.status(dialogs.message_for_language(exc.message, self.language))

    def status(self, message: str, timeout_ms: int = 6000) -> None:
        self.statusBar().showMessage(message, timeout_ms)

    # ------------------------------------------------------------------ opening
    def choose_file(self) -> None:
        start = str(Path(self.settings.recent_files()[0]).parent) if self.settings.recent_files() else ""
        path, _ = QFileDialog.getOpenFileName(self, self.tr("打开 PDF"), start, self.tr("PDF 文件 (*.pdf);;所有文件 (*)"))
        if path:
            self.open_pdf(path)

    def open_pdf(self, path: str | Path, page: str | int | None = None) -> bool:
        """Open ``path`` (asking for a password if needed) and show it; False if it could not be opened.

        ``page`` is a label ("45", "#47") or a page index. The document already open is not reopened
        (its analysis and position stay); the view just goes to ``page``.
        """
        if self.document is not None and _same_file(Path(path), self.document.path):
            if page is not None:
                index = page if isinstance(page, int) else self.document.page_index_for(str(page))
                if index is not None:
                    self.view.go_to(index)
            return True
        document = self._open_with_password(Path(path))
        if document is None:
            return False
        self.close_document()
        self._open_generation += 1
        self.document = document
        sizes = document.page_sizes()
        self.view.set_document(document, sizes)
        self.thumbnails.set_pages(sizes)
        self.setWindowTitle(f"{document.title} — {self.tr('政策汇编阅读器')}")
        self._restore_reading_state(page)
        self.settings.add_recent(document.path)
        if not document.has_text_layer and document.text_damage:  # damaged pages, not a scan: say what is wrong
            self.notice.show_text(self.tr("此 PDF 的页面已损坏，无法读取文字：%1").replace("%1", document.text_damage))
        elif not document.has_text_layer:
            self.notice.show_text(self.tr("此 PDF 没有文字层（可能是扫描件）：可以阅读，但无法搜索、选择文字或分析结构。"))
        self.documentOpened.emit(document)
        self._on_page_changed(self.view.current_page())
        self.view.setFocus()  # PgDn, arrows, Ctrl+C work at once
        return True

    def _open_with_password(self, path: Path) -> Document | None:
        password: str | None = None
        while True:
            try:
                document = Document.open(path, password=password)
                self._password = password
                return document
            except PasswordRequiredError as exc:
                if not self.ask_passwords:  # nobody to ask (timing runs): say so instead of waiting
                    self.show_error(exc)
                    return None
                password = dialogs.ask_password(self, path.name, exc.wrong_password)
                if password is None:
                    return None
            except ReaderError as exc:
                self.show_error(exc)
                return None

    def close_document(self) -> None:
        if self.document is None:
            return
        self.save_reading_state()
        old = self.document
        self.document = None
        self.compilation = None
        self.content_hash = None
        self.notice.hide()
        self.view.set_document(None)
        self.thumbnails.set_pages([])
        old.close()
        self.documentClosed.emit()

    def _on_first_paint(self) -> None:
        if self.background_analysis and self.document is not None:
            QTimer.singleShot(150, self._start_background)

    def _start_background(self) -> None:
        if self.document is None:
            return
        generation, path, password = self._open_generation, self.document.path, self._password
        self.run_in_background(lambda: analysis.record_in_library(self.workspace, path, password),
                               lambda result: self._on_recorded(generation, *result),
                               progress_label=self.tr("正在登记文件…"))

    def _on_recorded(self, generation: int, content_hash: str, background_doc: Document) -> None:
        if generation != self._open_generation:
            background_doc.close()
            return
        self.content_hash = content_hash
        self._restore_by_hash()
        self.save_reading_state()
        workspace = self.workspace
        self.run_in_background(lambda: analysis.analyse(workspace, background_doc),
                               lambda comp: self._on_analysed(generation, comp),
                               progress_label=self.tr("正在分析文档结构…"))

    def _on_analysed(self, generation: int, compilation: Compilation | None) -> None:
        if generation != self._open_generation or compilation is None:
            return
        self.compilation = compilation
        # Printed numbers, as outline and search show them; where they restart per document a
        # repeated number names its document too ("2-3"), so the page box never means two pages.
        from reader.structure.labels import qualified_labels  # here: the first paint never waits for structure

        names = qualified_labels(compilation.page_labels, compilation.documents)
        if self.document is not None and self.document.adopt_page_labels(names):
            self.view.labels = self.document.page_labels
            self.view.viewport().update()
            self.thumbnails.viewport().update()
            self.page_box.show_page(self.view.current_page())
        self.view.set_compilation(compilation)
        self.compilationReady.emit(compilation)

    # ------------------------------------------------------------------ remembered state
    def _restore_reading_state(self, page: str | int | None) -> None:
        """Last zoom and page of this file (by path; by content hash once known, see ``_on_recorded``)."""
        state = self.settings.reading_state(self.document.path) if self.document else None
        self._apply_zoom_state(state)
        target = state["page"] if state else 0
        if page is not None:
            index = page if isinstance(page, int) else self.document.page_index_for(str(page))
            if index is None:
                self.status(self.tr("没有这一页：%1").replace("%1", str(page)))
            else:
                target = index
        if page is None and state and state.get("top"):
            self.view.set_reading_position(*state["top"])  # exactly where the reader left off
        else:
            self.view.go_to(target)
        # A moved or renamed file is known only by its hash: allow a late restore if nothing was found.
        self._late_restore = state is None and page is None

    def _apply_zoom_state(self, state: dict | None) -> None:
        if state and state["fit"]:
            self.view.set_fit_mode(state["fit"])
        elif state:
            self.view.set_zoom(state["zoom"])
        else:
            self.view.set_fit_mode("width")
        self.zoom_box.show_zoom(self.view.zoom())

    def _restore_by_hash(self) -> None:
        late, self._late_restore = self._late_restore, False
        if not late or self.document is None or self.view.current_page() != 0:
            return  # the user has moved on: don't yank the view
        state = self.settings.reading_state(self.document.path, self.content_hash)
        if state:
            self._apply_zoom_state(state)
            if state.get("top"):
                self.view.set_reading_position(*state["top"])
            else:
                self.view.go_to(state["page"])

    def save_reading_state(self) -> None:
        """Write page and zoom to disk now (called shortly after every move, so a crash loses nothing)."""
        if self.document is None:
            return
        self.settings.set_reading_state(self.document.path, self.content_hash, self.view.current_page(),
                                        self.view.zoom(), self.view.fit_mode, self.view.reading_position())
        self.settings.sync()

    def _restore_window_state(self) -> None:
        geometry, state = self.settings.window_state()
        if geometry is not None:
            self.restoreGeometry(geometry)
        if state is not None:
            self.restoreState(state)

    def save_window_state(self) -> None:
        self.settings.set_window_state(self.saveGeometry(), self.saveState())

    # ------------------------------------------------------------------ misc slots
    def _on_page_changed(self, page: int) -> None:
        self.page_box.show_page(page)
        self._save_timer.start()
        self.currentPageChanged.emit(page)

    def _on_zoom_changed(self, zoom: float) -> None:
        self.zoom_box.show_zoom(zoom)
        if self.document is not None:
            self._save_timer.start()

    def _on_busy(self, label: str, done: int, total: int) -> None:
        self.busy.update_task(self.runner, label, done, total)

    def focus_page_box(self) -> None:
        self.page_box.setFocus()
        self.page_box.selectAll()

    def choose_language(self, code: str) -> None:
        if code == self.language:
            return
        self.settings.set_language(code)
        self.settings.sync()
        self.save_reading_state()  # the new process reads the zoom from the settings file
        args = ([str(self.document.path), "--page", f"#{self.view.current_page() + 1}"] if self.document else [])
        i18n.offer_restart(self, args + ["--lang", code])  # Qt widgets do not retranslate live

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if _dropped_pdf(event) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        path = _dropped_pdf(event)
        if path is not None:
            event.acceptProposedAction()
            QTimer.singleShot(0, lambda: self.open_pdf(path))

    def closeEvent(self, event: QCloseEvent) -> None:
        self._save_timer.stop()
        self.save_reading_state()
        self.save_window_state()
        self.settings.sync()
        self.view.shutdown()
        self.runner.shutdown(3000)
        self._stop_pools()
        controller = getattr(self, "annotation_controller", None)  # unset in a window built without features
        if controller is not None:  # after the background work: the on-close backup then holds the session's work
            controller.reopen_store()
        if self.watcher is not None:
            self.watcher.stop()
        super().closeEvent(event)


    def _stop_pools(self, msecs: int = 5000) -> None:
        """Cancel indexing and OCR jobs and wait for every thread pool of the window's features.

        A pool thread still inside Python when the interpreter exits is ended by pthread_exit, whose
        stack unwinding Qt's pool catches ("Qt Concurrent has caught an exception thrown from a worker
        thread"); cancelled jobs stop their worker process within a tenth of a second.
        """
        from reader.ui.search_tasks import IndexJob, close_pool

        pools = self.findChildren(QThreadPool)
        for pool in pools:
            close_pool(pool)  # nor may a timer or a late result start new work
        for job in self.findChildren(IndexJob):
            job.cancel()
        for pool in pools:
            pool.waitForDone(msecs)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and a.samefile(b))
    except OSError:
        return False


def _dropped_pdf(event: QDragEnterEvent | QDropEvent) -> str | None:
    for url in event.mimeData().urls() if event.mimeData().hasUrls() else []:
        if url.isLocalFile():
            return url.toLocalFile()  # non-PDFs too: opening them explains why they cannot be read
    return None
