"""Scanned pages in the window: their OCR is a step of the library indexing that starts when a file
is opened (reader.index.ocr_step, in the indexing worker process, with progress and cancel in the
status bar); once pages have text the file is read again. A badge marks pages whose text comes from
OCR. Without a library (or for an encrypted file, which the library cannot index) OCR is offered
and runs in its own worker (reader.ocr.worker).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QThreadPool
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMessageBox

from reader.document import MUPDF_LOCK
from reader.errors import ReaderError
from reader.ui.search_tasks import IndexJob

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow


def _scan_state(document_path: str, password: str | None, cache_dir: Any) -> tuple[list[int], set[int]]:
    """(pages without usable text, pages with cached OCR) — off the GUI thread (it reads every page)."""
    from reader.document import Document
    from reader.ocr.auto import needed_pages
    from reader.ocr.store import OcrStore, ocr_root_for

    store = OcrStore(ocr_root_for(cache_dir))
    with Document.open(document_path, password=password) as document:
        return needed_pages(document, store), store.pages(document.content_hash)


class OcrFeature(QObject):
    """Offers, runs and marks OCR for the open document."""

    def __init__(self, window: "MainWindow") -> None:
        super().__init__(window)
        self.window_ = window
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.needed: list[int] = []
        self.ocr_pages: set[int] = set()
        self.job: IndexJob | None = None
        self.offer_box: QMessageBox | None = None
        self.badge = QLabel(self.tr("OCR 识别文字"), objectName="ocrBadge")
        self.badge.setToolTip(self.tr("本页没有文字层，文字由 OCR 识别，可能有误"))
        self.badge.setStyleSheet("QLabel { background: #e8a33d; color: white; padding: 1px 6px; border-radius: 3px; }")
        self.badge.hide()
        window.statusBar().addPermanentWidget(self.badge)
        self.action = QAction(self.tr("识别扫描页文字 (OCR)"), window, objectName="actionOcr")
        self.action.setEnabled(False)
        self.action.triggered.connect(self.start)
        window.menu("tools").addAction(self.action)
        window.compilationReady.connect(self._on_compilation)
        window.documentClosed.connect(self._reset)
        window.currentPageChanged.connect(self._update_badge)
        from reader.ui import ocr_confidence

        self.doubts = ocr_confidence.install(window)  # 视图 ▸ 标出 OCR 没把握的字

    def _reset(self) -> None:
        self.needed, self.ocr_pages = [], set()
        self.action.setEnabled(False)
        self.badge.hide()

    def _on_compilation(self, compilation: Any) -> None:
        window = self.window_
        if window.document is None or window.library is None:
            return
        if compilation is not None and all(compilation.page_starts[p] < compilation.page_starts[p + 1]
                                           for p in range(compilation.page_count)):
            with MUPDF_LOCK:
                first_page_has_images = bool(window.document.pdf[0].get_images())
            if not first_page_has_images:
                return  # text on every page and no scanned picture: a typeset file, nothing to offer
        path, password = str(window.document.path), getattr(window, "_password", None)
        cache_dir = window.library.structure_cache_dir
        window.run_in_background(lambda: _scan_state(path, password, cache_dir),
                                 lambda state: self._on_scan_state(path, *state),
                                 on_error=self._scan_failed)

    def _scan_failed(self, exc: BaseException) -> None:
        """The file went away or became unreadable since it was opened: simply offer nothing."""
        if not isinstance(exc, (ReaderError, OSError)):
            raise exc

    def _on_scan_state(self, path: str, needed: list[int], done: set[int]) -> None:
        if self.window_.document is None or str(self.window_.document.path) != path:
            return
        self.needed, self.ocr_pages = needed, {p for p in needed if p in done}
        missing = [p for p in needed if p not in done]
        self.action.setEnabled(bool(missing))
        self._update_badge(self.window_.view.current_page())
        document = self.window_.document
        if needed and not document.has_text_layer and not document.text_damage:  # the "no text layer" notice
            if not missing:
                self.window_.notice.hide()  # the pages have their OCR text now
            elif self._through_indexing():
                self.window_.notice.show_text(self.tr("此 PDF 没有文字层（扫描件）：正在后台识别文字（OCR），"
                                                      "完成后即可搜索、选择文字和分析结构。"))
        if missing and self.job is None and not self._through_indexing():
            self.offer(len(missing))  # the library indexing (started on open) does it otherwise

    def _through_indexing(self) -> bool:
        """OCR goes through the library indexing when there is a library that can index this file."""
        return self.window_.workspace is not None and not getattr(self.window_, "_password", None)

    def offer(self, count: int) -> None:
        """A non-blocking question: reading goes on while the user decides."""
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("扫描页"),
                          self.tr("此文件有 %1 页没有文字层（扫描件）。现在在后台识别文字（OCR）吗？"
                                  "识别后可搜索、选择、批注这些页。").replace("%1", str(count)),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self.window_)
        box.setObjectName("ocrOffer")
        box.buttonClicked.connect(lambda button: box.standardButton(button) == QMessageBox.StandardButton.Yes
                                  and self.start())
        box.setWindowModality(Qt.WindowModality.NonModal)
        self.offer_box = box
        box.show()

    def start(self) -> None:
        window = self.window_
        if self.job is not None or window.document is None or window.library is None:
            return
        if self._through_indexing():
            if window.compilation is not None:
                window.search_indexing.index_open_document(window.compilation)
            return
        path, root = window.document.path, window.library.root
        password = getattr(window, "_password", None)

        def work(progress, cancelled):
            from reader.ocr.worker import ocr_in_worker

            return ocr_in_worker(root, path, progress=lambda done, total, page: progress(done, total, str(page)),
                                 cancelled=cancelled, password=password)

        job = self.job = IndexJob(work, self.pool, self)
        label = self.tr("正在识别扫描页文字（OCR）…")
        window.busy.update_task(job, label, 0, 0, cancel=job.cancel)
        job.progressed.connect(lambda done, total, _page: window.busy.update_task(job, label, done, total))
        job.finished.connect(lambda result: self._finished(job, str(path), result))
        job.failed.connect(lambda exc: self._failed(job, exc))
        self.action.setEnabled(False)

    def _finished(self, job: IndexJob, path: str, result: Any) -> None:
        self.window_.busy.finish(job)
        self.job = None
        if getattr(result, "cancelled", False):
            self.window_.status(self.tr("已取消 OCR；已识别的页已保存"))
            self.action.setEnabled(True)
            return
        self.reload(path)

    def reload(self, path: str) -> None:
        """Read the open file again when it is ``path``: its analysis now includes the OCR text."""
        document = self.window_.document
        if document is not None and str(document.path) == path:
            self.window_.status(self.tr("OCR 完成，正在重新分析…"))
            page = self.window_.view.current_page()
            if self.window_.workspace is not None and self.window_.compilation is not None:
                self.window_.workspace.forget(self.window_.compilation.content_hash)
            self.window_.close_document()  # re-read: the analysis now includes the OCR text
            self.window_.open_pdf(path, page=page)

    def _failed(self, job: IndexJob, exc: BaseException) -> None:
        self.window_.busy.finish(job)
        self.job = None
        self.action.setEnabled(True)
        self.window_.show_error(exc)

    def _update_badge(self, page: int) -> None:
        self.badge.setVisible(page in self.ocr_pages)


def install(window: "MainWindow") -> OcrFeature:
    return OcrFeature(window)
