"""Keeping the library index current from the GUI: the opened document, chosen files/folders,
and work left over by an interrupted run. All of it happens in one background thread.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QThreadPool, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QProgressDialog

from reader.errors import ReaderError
from reader.progress import is_ocr_progress
from reader.ui.search_tasks import IndexJob

if TYPE_CHECKING:
    from reader.structure import Compilation
    from reader.ui.main_window import MainWindow
    from reader.workspace.protocols import IndexReport
    from reader.ui.search_panel import SearchPanel


class SearchIndexing(QObject):
    """Indexes in the background; the Tools menu entries show progress with a cancel button."""

    def __init__(self, window: MainWindow, panel: SearchPanel) -> None:
        super().__init__(window)
        self.window_, self.panel = window, panel
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)  # one writer; jobs queue behind each other
        self.jobs: list[IndexJob] = []
        self.dialog: QProgressDialog | None = None
        tools = window.menu("tools")
        for text, handler, name in ((self.tr("把文件夹加入资料库并建立索引…"), self.choose_folder, "actionIndexFolder"),
                                    (self.tr("把 PDF 加入资料库并建立索引…"), self.choose_files, "actionIndexFiles"),
                                    (self.tr("完成未完成的索引"), lambda: self.index_paths([]), "actionIndexPending")):
            action = QAction(text, window, objectName=name)
            action.triggered.connect(handler)
            tools.addAction(action)
        window.compilationReady.connect(self.index_open_document)
        if window.workspace is not None:
            QTimer.singleShot(3000, self.resume_quietly)  # after start-up: finish an interrupted run

    def _index_in_worker(self, paths, progress, cancelled) -> "IndexReport":
        """Indexing runs apart from the app (the backend's worker process): it stays lean and survives a crash.

        A worker that dies on one file (a crash inside MuPDF, killed for memory) left that file marked
        as in progress: one more run records it as failed and indexes the rest, so the user hears which
        file could not be indexed instead of "the indexing worker stopped unexpectedly"."""
        index = self.window_.workspace.index
        try:
            return index.index_in_worker(paths, progress=progress, cancelled=cancelled)
        except ReaderError:
            if cancelled():
                raise
            report = index.index_in_worker([], progress=progress, cancelled=cancelled)
            if not report.failed:
                raise
            return report

    def _failure_lines(self, report: Any, limit: int = 10) -> str:
        """"file name: reason" per failed file, for a status message or a dialog."""
        lines = [self.tr("%1：%2").replace("%1", Path(str(f.get("pdf") or "")).name).replace("%2", str(f.get("error", "")))
                 for f in report.failed[:limit]]
        if len(report.failed) > limit:
            lines.append(self.tr("……另有 %1 个").replace("%1", str(len(report.failed) - limit)))
        return "\n".join(lines)

    def _announce_failures(self, report: Any) -> None:
        """A failure in quiet (background) indexing goes to the status bar, naming the file and why."""
        if report is not None and getattr(report, "repaired", None) and not report.failed:
            self.window_.status(self.tr("搜索索引已损坏，已重建"), 15000)
        if report is not None and report.failed:
            self.window_.status(self.tr("无法建立索引：%1").replace("%1", self._failure_lines(report, 3).replace("\n", "；")),
                                15000)

    def _start(self, work, on_done, progress_dialog: bool) -> IndexJob | None:
        if self.window_.workspace is None:
            self.window_.status(self.tr("资料库不可用，无法建立索引"))
            return None
        job = IndexJob(work, self.pool, self)
        self.jobs.append(job)
        job.finished.connect(lambda report: self._finished(job, report, on_done))
        job.failed.connect(lambda exc: self._failed(job, exc))
        if progress_dialog:
            dialog = QProgressDialog(self.tr("正在建立全文索引…"), self.tr("取消"), 0, 0, self.window_)
            dialog.setObjectName("indexProgress")
            dialog.setWindowModality(Qt.WindowModality.NonModal)
            dialog.setMinimumDuration(300)
            dialog.canceled.connect(job.cancel)
            job.progressed.connect(lambda done, total, what: self._progress(dialog, done, total, what))
            job.finished.connect(lambda _r: dialog.reset())
            job.failed.connect(lambda _e: dialog.reset())
            self.dialog = dialog
        else:  # quiet work still shows in the status bar, and can be stopped there
            busy = self.window_.busy
            label, ocr_label = self.tr("正在建立全文索引…"), self.tr("正在识别扫描页文字（OCR）…")
            busy.update_task(job, label, 0, 0, cancel=job.cancel)
            job.progressed.connect(lambda done, total, what: busy.update_task(
                job, ocr_label if is_ocr_progress(what) else label, done, total))
            job.finished.connect(lambda _r: busy.finish(job))
            job.failed.connect(lambda _e: busy.finish(job))
        return job

    def _progress(self, dialog: QProgressDialog, done: int, total: int, what: str) -> None:
        dialog.setMaximum(max(total, 1))
        dialog.setValue(min(done, total))
        if is_ocr_progress(what):
            dialog.setLabelText(self.tr("正在识别扫描页文字（OCR）…") + "\n" + what)
        elif what:
            dialog.setLabelText(what)

    def _finished(self, job: IndexJob, report: Any, on_done) -> None:
        if job in self.jobs:
            self.jobs.remove(job)
        if on_done is not None:
            on_done(report)

    def _failed(self, job: IndexJob, exc: BaseException) -> None:
        if job in self.jobs:
            self.jobs.remove(job)
        self.window_.show_error(exc)

    # ---------------------------------------------------------------- entry points
    def index_open_document(self, compilation: "Compilation") -> IndexJob | None:
        """Index the document just analysed, OCR'ing its scanned pages first in the worker (nothing
        happens when it is indexed with all its text). When OCR gave pages text, the document is read
        again so the window shows it (outline, selection, the OCR badge)."""
        document = self.window_.document
        if document is None or compilation is None or self.window_.workspace is None:
            return None
        path, content_hash = document.path, compilation.content_hash
        workspace = self.window_.workspace
        cache_dir = workspace.library.structure_cache_dir
        if any(getattr(job, "content_hash", None) == content_hash for job in self.jobs):
            return None  # already on its way (an open, then 识别扫描页文字)

        def work(progress, cancelled):
            from reader.index.ocr_step import needs_indexing_for_ocr

            if workspace.index.is_indexed(content_hash) and not needs_indexing_for_ocr(cache_dir, path, content_hash):
                return None
            try:
                entry = workspace.library.add(path)
            except (OSError, ReaderError):
                return None  # moved, deleted or unreadable since it was opened; the next open indexes it
            if entry.content_hash != content_hash:
                return None  # changed on disk since it was opened; the next open indexes it
            return self._index_in_worker([entry.path], progress, cancelled)

        def done(report) -> None:
            if report is not None and report.indexed:
                self.window_.status(self.tr("本文档已建立全文索引"))
                if self.panel.box.text().strip():
                    self.panel.search_now()
            if report is not None and report.cancelled:
                self.window_.status(self.tr("已取消；已识别的页已保存"))
            self._announce_failures(report)
            for note in getattr(report, "notes", None) or []:
                self.window_.status(note, 15000)
            if report is not None and any(e.get("content_hash") == content_hash and e.get("ocr_pages")
                                          for e in report.indexed):
                self.window_.ocr.reload(str(path))

        job = self._start(work, done, progress_dialog=False)
        if job is not None:
            job.content_hash = content_hash
        return job

    def resume_quietly(self) -> None:
        """After start-up: finish an interrupted run, and rebuild a damaged index (the worker's
        ``index`` rebuilds it; the status bar says so)."""
        workspace = self.window_.workspace

        def work(progress, cancelled):
            damage = workspace.index.damage()
            if damage is None and not workspace.index.pending():
                return None
            report = self._index_in_worker([], progress, cancelled)
            if damage is not None:
                report.repaired = damage
            return report

        self._start(work, self._announce_failures, progress_dialog=False)

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self.window_, self.tr("选择包含 PDF 的文件夹"))
        if folder:
            self.index_paths([folder])

    def choose_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self.window_, self.tr("选择 PDF"), "", self.tr("PDF 文件 (*.pdf)"))
        if files:
            self.index_paths(files)

    def index_paths(self, paths: list[str | Path]) -> IndexJob | None:
        """Add ``paths`` (files/folders) and index them with a progress dialog; also finishes pending work."""
        def work(progress, cancelled):
            return self._index_in_worker(paths, progress, cancelled)

        def done(report) -> None:
            message = self.tr("已索引 %1 个文件，未变 %2 个，失败 %3 个").replace("%1", str(len(report.indexed))) \
                .replace("%2", str(len(report.skipped))).replace("%3", str(len(report.failed)))
            if report.cancelled:
                message = self.tr("已取消。") + message
            self.window_.status(message, 12000)
            if report.failed:
                from reader.errors import ReaderError

                details = self._failure_lines(report)
                self.window_.show_error(ReaderError(self.tr("部分文件无法建立索引：") + "\n" + details))
            self.panel.refresh_compilations()

        return self._start(work, done, progress_dialog=True)

    def wait(self, msecs: int = -1) -> bool:
        return self.pool.waitForDone(msecs)
