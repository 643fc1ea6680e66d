"""文件 ▸ 导出摘要…: choose format, grouping, scope and template; export off the GUI thread.

The dialog only gathers choices into :class:`reader.export.ExportOptions` and calls
:func:`reader.export.run_export` in the background with a progress bar and a cancel button;
the last choices are remembered per library (:mod:`reader.export.templates`).
"""

from __future__ import annotations

import threading
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, Qt, QTimer, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (QButtonGroup, QCheckBox, QComboBox, QDateEdit, QDialog, QDialogButtonBox,
                               QFileDialog, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit,
                               QListWidget, QListWidgetItem, QMessageBox, QProgressBar, QPushButton,
                               QRadioButton, QVBoxLayout)

from reader.fsnames import shown_path
from reader.errors import ReaderError, StorageError
from reader.export import ExportCancelled, ExportOptions
from reader.export.collect import date_span
from reader.export.outputs import OutputExistsError, file_stem
from reader.export.templates import load_template, options_from_template, save_template
from reader.ui.theme_dialog import swatch
from reader.ui.plaintext import plain_message_box, tooltip

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow

FORMAT_SUFFIX = {"docx": ".docx", "md": ".md", "pdf": ".pdf"}
FONT_CHOICES = ("宋体", "仿宋", "楷体", "黑体", "微软雅黑", "方正小标宋简体", "SimSun", "SimHei")


class ExportDialog(QDialog):
    """Everything the analyst chooses for the month's summary, and the export's progress."""

    def __init__(self, window: "MainWindow") -> None:
        super().__init__(window)
        self.window_ = window
        self.setWindowTitle(self.tr("导出摘要"))
        self.setObjectName("exportDialog")
        self._cancel = threading.Event()
        self.running = False
        self._label = ""
        self.last_result = None
        root = window.library.root
        remembered = load_template(root)
        options = options_from_template(root)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)

        self.format_box = QComboBox(self, objectName="exportFormat")
        for key, label in (("docx", self.tr("Word 文档 (.docx)")), ("md", self.tr("Markdown (.md)")),
                           ("pdf", self.tr("标注 PDF（高亮与批注写入副本）"))):
            self.format_box.addItem(label, key)
        form.addRow(self.tr("格式："), self.format_box)
        self.pdf_note = QLabel(self.tr("副本会去掉原文件中的脚本、启动程序的链接和附件，以便安全地发给同事。"),
                               self, objectName="exportPdfNote", wordWrap=True)
        self.pdf_note.setStyleSheet("color: palette(mid);")
        form.addRow("", self.pdf_note)
        self.ocr_layer_check = QCheckBox(self.tr("加入扫描页的 OCR 文字（隐藏文字层，副本可在其他阅读器中搜索、复制）"),
                                         self, objectName="exportOcrLayer")
        self.ocr_layer_check.setChecked(bool(options.ocr_layer))
        form.addRow("", self.ocr_layer_check)
        self.group_box = QComboBox(self, objectName="exportGroup")
        self.group_box.addItem(self.tr("按主题（主题 → 文件 → 条目）"), "theme")
        self.group_box.addItem(self.tr("按文件（汇编 → 文件 → 条款顺序）"), "document")
        form.addRow(self.tr("分组："), self.group_box)

        columns = QHBoxLayout()
        columns.addWidget(self._scope_box(), 1)
        columns.addWidget(self._filter_box(options), 1)
        layout.addLayout(columns)

        template = QGroupBox(self.tr("模板"), self)
        tform = QFormLayout(template)
        self.title_edit = QLineEdit(options.title, self, objectName="exportTitle")
        self.header_edit = QLineEdit(options.header_text, self, objectName="exportHeader")
        self.header_edit.setPlaceholderText(self.tr("留空则用标题"))
        self.footer_edit = QLineEdit(options.footer_text, self, objectName="exportFooter")
        self.footer_edit.setPlaceholderText(self.tr("页码之前的文字，可留空"))
        self.body_font = self._font_box(options.body_font)
        self.heading_font = self._font_box(options.heading_font)
        self.style_box = QComboBox(self, objectName="exportStyle")
        self.style_box.addItem(self.tr("现代（彩色标题）"), "modern")
        self.style_box.addItem(self.tr("公文（GB/T 9704：仿宋、黑体、楷体，黑色标题）"), "official")
        self._select(self.style_box, options.template)
        self.style_box.currentIndexChanged.connect(lambda _index: self._format_changed())
        self.page_size_box = QComboBox(self, objectName="exportPageSize")
        self.page_size_box.addItem(self.tr("A4（210 × 297 毫米）"), "A4")
        self.page_size_box.addItem(self.tr("Letter（美国信纸）"), "Letter")
        self._select(self.page_size_box, options.page_size)
        self.author_edit = QLineEdit(options.document_author, self, objectName="exportAuthor")
        self.author_edit.setPlaceholderText(self.tr("写入文档属性，可留空"))
        tform.addRow(self.tr("样式："), self.style_box)
        tform.addRow(self.tr("纸张："), self.page_size_box)
        tform.addRow(self.tr("作者："), self.author_edit)
        tform.addRow(self.tr("标题："), self.title_edit)
        tform.addRow(self.tr("页眉："), self.header_edit)
        tform.addRow(self.tr("页脚："), self.footer_edit)
        tform.addRow(self.tr("正文字体："), self.body_font)
        tform.addRow(self.tr("标题字体："), self.heading_font)
        layout.addWidget(template)

        out_row = QHBoxLayout()
        self.output_edit = QLineEdit(self, objectName="exportOutput")
        browse = QPushButton(self.tr("浏览…"), self)
        browse.clicked.connect(self._browse)
        out_row.addWidget(self.output_edit, 1)
        out_row.addWidget(browse)
        layout.addWidget(QLabel(self.tr("保存到（标注 PDF 涉及多份汇编时为文件夹）："), self))
        layout.addLayout(out_row)

        self.progress = QProgressBar(self)
        self.progress.hide()
        layout.addWidget(self.progress)
        self.buttons = QDialogButtonBox(self)
        self.export_button = self.buttons.addButton(self.tr("导出"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        self.export_button.clicked.connect(lambda: self.start())
        self.cancel_button.clicked.connect(self._cancel_or_close)
        layout.addWidget(self.buttons)

        self._select(self.format_box, options.format)
        self._select(self.group_box, options.group)
        self.format_box.currentIndexChanged.connect(self._format_changed)
        self._output_dir = remembered.get("output_dir") or str(Path.home())
        self._format_changed()
        self.setMinimumWidth(720)
        self._span: Future | None = None
        if not (options.date_from or options.date_to):
            self._default_dates()

    # ------------------------------------------------------------------ building
    def _scope_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("范围"), self)
        layout = QVBoxLayout(box)
        self.scope_current = QRadioButton(self.tr("当前汇编"), box, objectName="scopeCurrent")
        self.scope_chosen = QRadioButton(self.tr("选定的汇编："), box, objectName="scopeChosen")
        self.scope_library = QRadioButton(self.tr("整个资料库"), box, objectName="scopeLibrary")
        self.scope_group = QButtonGroup(box)
        for button in (self.scope_current, self.scope_chosen, self.scope_library):
            self.scope_group.addButton(button)
            layout.addWidget(button)
        self.compilation_list = QListWidget(box, objectName="exportCompilations")
        self.compilation_list.setMinimumHeight(80)
        for entry in self.window_.library.files(include_changed=False):
            item = QListWidgetItem(entry.title, self.compilation_list)
            item.setData(Qt.ItemDataRole.UserRole, entry.content_hash)
            item.setToolTip(tooltip(shown_path(entry.path)))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        layout.addWidget(self.compilation_list)
        current = self.window_.content_hash
        self.scope_current.setEnabled(bool(current))
        (self.scope_current if current else self.scope_library).setChecked(True)
        self.scope_chosen.toggled.connect(self.compilation_list.setEnabled)
        self.compilation_list.setEnabled(False)
        return box

    def _filter_box(self, options: ExportOptions) -> QGroupBox:
        box = QGroupBox(self.tr("筛选"), self)
        layout = QVBoxLayout(box)
        layout.addWidget(QLabel(self.tr("主题（全不选 = 全部主题）："), box))
        self.theme_list = QListWidget(box, objectName="exportThemes")
        self.theme_list.setMinimumHeight(140)
        themes = self.window_.workspace.annotations.themes()
        english = self.window_.language == "en"
        for theme in themes:
            item = QListWidgetItem(swatch(theme.color), theme.display_name(english), self.theme_list)
            item.setData(Qt.ItemDataRole.UserRole, theme.name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if theme.name in options.themes else Qt.CheckState.Unchecked)
        layout.addWidget(self.theme_list)
        dates = QHBoxLayout()
        self.date_check = QCheckBox(self.tr("文件日期从"), box, objectName="exportDateRange")
        self.date_from = QDateEdit(box, calendarPopup=True, displayFormat="yyyy-MM-dd")
        self.date_to = QDateEdit(box, calendarPopup=True, displayFormat="yyyy-MM-dd")
        today = QDate.currentDate()
        self.date_from.setDate(QDate.fromString(options.date_from or "", "yyyy-MM-dd") if options.date_from
                               else today.addMonths(-1))
        self.date_to.setDate(QDate.fromString(options.date_to or "", "yyyy-MM-dd") if options.date_to else today)
        self.date_check.setChecked(bool(options.date_from or options.date_to))
        for edit in (self.date_from, self.date_to):
            edit.setEnabled(self.date_check.isChecked())
            self.date_check.toggled.connect(edit.setEnabled)
        for widget in (self.date_check, self.date_from, QLabel(self.tr("至"), box), self.date_to):
            dates.addWidget(widget)
        dates.addStretch(1)
        layout.addLayout(dates)
        self.notes_check = QCheckBox(self.tr("只导出写了批注的条目"), box, objectName="exportOnlyNotes")
        self.notes_check.setChecked(options.only_with_notes)
        layout.addWidget(self.notes_check)
        return box

    def _default_dates(self) -> None:
        """Preset the range to the annotated documents' own dates (not today's month), found off the GUI thread."""
        workspace = self.window_.workspace
        compilations = [self.window_.content_hash] if self.scope_current.isChecked() else None

        def span():
            return date_span(workspace.library, workspace.annotations, compilations, workspace.compilation)

        pool = ThreadPoolExecutor(max_workers=1)
        self._span = pool.submit(span)
        pool.shutdown(wait=False)
        self._span_timer = QTimer(self, interval=30)
        self._span_timer.timeout.connect(self._dates_found)
        self._span_timer.start()

    def _dates_found(self) -> None:
        if self._span is None or not self._span.done():
            return
        self._span_timer.stop()
        try:
            span = self._span.result()
        except (ReaderError, OSError):
            span = None
        self._span = None
        if span and not self.date_check.isChecked():  # the user has not chosen a range meanwhile
            self.date_from.setDate(QDate.fromString(span[0], "yyyy-MM-dd"))
            self.date_to.setDate(QDate.fromString(span[1], "yyyy-MM-dd"))

    def _font_box(self, current: str) -> QComboBox:
        box = QComboBox(self, editable=True)
        box.addItems(list(FONT_CHOICES))
        box.setCurrentText(current)
        return box

    @staticmethod
    def _select(box: QComboBox, value: str) -> None:
        index = box.findData(value)
        if index >= 0:
            box.setCurrentIndex(index)

    # ------------------------------------------------------------------ choices
    def options(self) -> ExportOptions:
        themes = [self.theme_list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.theme_list.count())
                  if self.theme_list.item(i).checkState() == Qt.CheckState.Checked]
        if self.scope_current.isChecked():
            compilations = [self.window_.content_hash]
        elif self.scope_chosen.isChecked():
            compilations = [self.compilation_list.item(i).data(Qt.ItemDataRole.UserRole)
                            for i in range(self.compilation_list.count())
                            if self.compilation_list.item(i).checkState() == Qt.CheckState.Checked]
        else:
            compilations = None
        dated = self.date_check.isChecked()
        return ExportOptions(
            format=self.format_box.currentData(), group=self.group_box.currentData(),
            title=self.title_edit.text().strip(), header_text=self.header_edit.text().strip(),
            footer_text=self.footer_edit.text().strip(), body_font=self.body_font.currentText().strip() or "宋体",
            heading_font=self.heading_font.currentText().strip() or "黑体", compilations=compilations,
            themes=themes, only_with_notes=self.notes_check.isChecked(),
            date_from=self.date_from.date().toString("yyyy-MM-dd") if dated else None,
            date_to=self.date_to.date().toString("yyyy-MM-dd") if dated else None,
            page_size=self.page_size_box.currentData(), template=self.style_box.currentData(),
            document_author=self.author_edit.text().strip(), language=getattr(self.window_, "language", "zh") or "zh",
            ocr_layer=self.format_box.currentData() == "pdf" and self.ocr_layer_check.isChecked(),
        )

    def _format_changed(self) -> None:
        fmt = self.format_box.currentData()
        self.group_box.setEnabled(fmt != "pdf")
        self.pdf_note.setVisible(fmt == "pdf")
        self.ocr_layer_check.setVisible(fmt == "pdf")
        for widget in (self.header_edit, self.footer_edit):
            widget.setEnabled(fmt != "pdf")
        for widget in (self.style_box, self.page_size_box, self.author_edit):
            widget.setEnabled(fmt == "docx")
        own_fonts = fmt == "docx" and self.style_box.currentData() != "official"  # 公文 fonts are fixed
        for widget in (self.body_font, self.heading_font):
            widget.setEnabled(own_fonts)
        current = self.output_edit.text().strip()
        folder = str(Path(current).parent) if current else self._output_dir
        stem = Path(current).stem if current else file_stem(self.title_edit.text(), self.tr("批注摘要"))
        self.output_edit.setText(str(Path(folder) / (stem + FORMAT_SUFFIX[fmt])))

    def _browse(self) -> None:
        fmt = self.format_box.currentData()
        filters = {"docx": self.tr("Word 文档 (*.docx)"), "md": self.tr("Markdown (*.md)"), "pdf": self.tr("PDF (*.pdf)")}
        path, _ = QFileDialog.getSaveFileName(self, self.tr("导出到"), self.output_edit.text(), filters[fmt])
        if path:
            if not path.lower().endswith(FORMAT_SUFFIX[fmt]):
                path += FORMAT_SUFFIX[fmt]
            self.output_edit.setText(path)

    # ------------------------------------------------------------------ running
    def start(self, overwrite: bool = False) -> None:
        """Run the export; an existing output file is replaced only after the user agreed (``overwrite``)."""
        self._overwrite = overwrite
        options = self.options()
        output = self.output_edit.text().strip()
        if options.compilations == []:
            QMessageBox.information(self, self.tr("导出摘要"), self.tr("请至少勾选一份汇编。"))
            return
        if not output:
            QMessageBox.information(self, self.tr("导出摘要"), self.tr("请选择保存位置。"))
            return
        library = self.window_.library
        try:
            save_template(library.root, options, output_dir=str(Path(output).parent))
        except ReaderError:
            pass  # remembering the choices is a convenience; the export can still run
        self._cancel.clear()
        self.running = True
        self.export_button.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.show()

        workspace = self.window_.workspace

        def work(progress):
            return workspace.export(options, output, progress=progress, cancelled=self._cancel.is_set,
                                    overwrite=overwrite)

        self._label = self.tr("正在导出摘要…")
        self.window_.run_in_background(work, self._finished, self._failed, progress_label=self._label)
        self.window_.runner.busyChanged.connect(self._on_progress)

    def _on_progress(self, label: str, done: int, total: int) -> None:
        if self.running and total and label == self._label:
            self.progress.setRange(0, total)
            self.progress.setValue(done)

    def _stop(self) -> None:
        self.running = False
        self.progress.hide()
        self.export_button.setEnabled(True)
        try:
            self.window_.runner.busyChanged.disconnect(self._on_progress)
        except (RuntimeError, TypeError):
            pass

    def _finished(self, result) -> None:
        self._stop()
        self.last_result = result
        self.window_.status(self.tr("已导出 {0} 条批注").format(result.annotations))
        self.accept()
        text = self.tr("已导出 {0} 条批注（{1} 份文件）到：\n{2}").format(
            result.annotations, result.documents, "\n".join(str(p) for p in result.outputs))
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("导出完成"), text,
                          QMessageBox.StandardButton.Close, self.window_)
        plain_message_box(box)
        open_folder = box.addButton(self.tr("打开所在文件夹"), QMessageBox.ButtonRole.ActionRole)
        folder = result.outputs[0].parent if result.outputs else result.output
        open_folder.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.window_.last_export_message = box
        box.open()

    def _failed(self, exc: BaseException) -> None:
        self._stop()
        if isinstance(exc, ExportCancelled):
            self.window_.status(self.tr("导出已取消"))
            return
        if isinstance(exc, OutputExistsError) and not self._overwrite:
            answer = QMessageBox.question(
                self, self.tr("导出摘要"), self.tr("文件已存在：\n{0}\n要替换它吗？").format(exc.path or self.output_edit.text()),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
            if answer == QMessageBox.StandardButton.Yes:
                self.start(overwrite=True)
            return
        self.window_.show_error(exc)

    def _cancel_or_close(self) -> None:
        if self.running:
            self._cancel.set()
        else:
            self.reject()

    def reject(self) -> None:  # Esc while running cancels the export rather than hiding it
        if self.running:
            self._cancel.set()
            return
        super().reject()


def open_export_dialog(window: "MainWindow") -> ExportDialog | None:
    if window.library is None:
        window.show_error(StorageError(QCoreApplication.translate(
            "ExportDialog", "资料库无法打开，不能导出 (the library is unavailable; nothing to export)")))
        return None
    dialog = ExportDialog(window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.export_dialog = dialog
    dialog.open()
    return dialog


def install(window: "MainWindow") -> QAction:
    """文件 ▸ 导出摘要… (Ctrl+E)."""
    action = QAction(QCoreApplication.translate("ExportDialog", "导出摘要…"), window, objectName="actionExportSummary")
    action.setShortcut(QKeySequence("Ctrl+E"))
    action.triggered.connect(lambda: open_export_dialog(window))
    menu = window.menu("file")
    quit_action = next((a for a in menu.actions() if a.objectName() == "actionQuit"), None)
    if quit_action is not None:  # above 退出, with its own separator
        menu.insertAction(quit_action, action)
        menu.insertSeparator(quit_action)
    else:
        menu.addAction(action)
    return action
