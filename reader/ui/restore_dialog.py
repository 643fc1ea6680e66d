"""工具 ▸ 从备份恢复批注…, and the offer shown when the annotation store is found damaged.

The dialog lists every backup with its date and what it holds (annotations, themes), newest first,
the newest one holding annotations preselected; damaged backups are listed but cannot be chosen.
Restoring (``reader.annotations.backup.restore``) is one rename: the current file, damaged or not,
is kept aside beside the store, never deleted. The app's own connection to the store is closed
first and the annotations reloaded afterwards.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QLabel, QListWidget, QListWidgetItem, QMessageBox,
                               QVBoxLayout, QWidget)

from reader.annotations import backup as backups
from reader.annotations.service import validate_store_file
from reader.errors import ReaderError

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow


class RestoreDialog(QDialog):
    """Choose a backup of the annotation store; ``problem`` says why it is offered (a damaged store)."""

    def __init__(self, parent: QWidget | None, store_path: Path, problem: str = "") -> None:
        super().__init__(parent, objectName="restoreDialog")
        self.store_path = Path(store_path)
        self.setWindowTitle(self.tr("从备份恢复批注"))
        layout = QVBoxLayout(self)
        if problem:
            warning = QLabel(self.tr("批注数据库已损坏，程序没有改动它。可以从下面的备份恢复（损坏的文件会另存，不会删除）："),
                             self, objectName="restoreProblem")
            warning.setWordWrap(True)
            layout.addWidget(warning)
            detail = QLabel(problem, self)
            detail.setTextFormat(Qt.TextFormat.PlainText)
            detail.setWordWrap(True)
            layout.addWidget(detail)
        else:
            intro = QLabel(self.tr("用所选备份替换当前的批注数据库（当前文件会另存，不会删除）："), self)
            intro.setWordWrap(True)
            layout.addWidget(intro)
        self.backup_list = QListWidget(self, objectName="restoreBackups")
        self.backup_list.setMinimumSize(460, 180)
        layout.addWidget(self.backup_list)
        self.infos = backups.backup_infos(self.store_path)
        for info in self.infos:
            self.backup_list.addItem(self._item(info))
        preferred = next((n for n, i in enumerate(self.infos) if i.annotations), None)
        if preferred is None:
            preferred = next((n for n, i in enumerate(self.infos) if i.good), None)
        if preferred is not None:
            self.backup_list.setCurrentRow(preferred)
        if not self.infos:
            layout.addWidget(QLabel(self.tr("还没有任何备份。"), self))
        buttons = QDialogButtonBox(self)
        self.restore_button = buttons.addButton(self.tr("恢复"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setObjectName("restoreButton")
        buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.backup_list.currentRowChanged.connect(self._update_button)
        self._update_button()

    def _item(self, info: backups.BackupInfo) -> QListWidgetItem:
        when = info.taken.strftime("%Y-%m-%d %H:%M")
        if info.good:
            text = self.tr("{0}　{1} 条批注，{2} 个主题").format(when, info.annotations, info.themes)
            if info.recent:
                text += self.tr("（近期备份）")
        else:
            text = self.tr("{0}　已损坏，无法使用").format(when)
        item = QListWidgetItem(text)
        item.setToolTip(str(info.path))
        item.setData(Qt.ItemDataRole.UserRole, str(info.path))
        if not info.good:
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled & ~Qt.ItemFlag.ItemIsSelectable)
        return item

    def _update_button(self) -> None:
        self.restore_button.setEnabled(self.chosen() is not None)

    def chosen(self) -> Path | None:
        row = self.backup_list.currentRow()
        if 0 <= row < len(self.infos) and self.infos[row].good:
            return self.infos[row].path
        return None


def _validate(candidate: Path) -> None:
    validate_store_file(candidate)


def restore_backup(window: "MainWindow", store_path: Path, backup: Path) -> dict | None:
    """Close the app's store, put ``backup`` in place, reload; errors are shown, not raised."""
    controller = getattr(window, "annotation_controller", None)  # unset in a window built without features
    if controller is not None:  # the app's connection must be closed while the file is replaced
        controller.reopen_store()
    try:
        result = backups.restore(store_path, backup, validate=_validate)
    except ReaderError as exc:
        window.show_error(exc)
        return None
    window.status(QCoreApplication.translate("RestoreDialog", "已从备份恢复 {0} 条批注").format(result["annotations"]))
    if controller is not None and getattr(window, "compilation", None) is not None:
        controller.on_compilation(window.compilation)
    return result


def offer_restore(window: "MainWindow", problem: str = "",
                  on_done: Callable[[dict | None], None] | None = None) -> RestoreDialog | None:
    """Open the restore dialog (window-modal, not blocking the caller); restore when the user agrees."""
    library = getattr(window, "library", None)
    if library is None:
        return None
    dialog = RestoreDialog(window, library.annotations_db, problem)  # a child of the window, deleted with it

    def accepted() -> None:
        chosen = dialog.chosen()
        result = restore_backup(window, library.annotations_db, chosen) if chosen else None
        if on_done is not None:
            on_done(result)

    dialog.accepted.connect(accepted)
    window.restore_dialog = dialog
    dialog.open()
    return dialog


def _restore_from_menu(window: "MainWindow") -> None:
    if getattr(window, "library", None) is None:
        return
    if not backups.list_backups(window.library.annotations_db):
        QMessageBox.information(window, QCoreApplication.translate("RestoreDialog", "从备份恢复批注"),
                                QCoreApplication.translate("RestoreDialog", "还没有任何备份。"))
        return
    offer_restore(window)


def install(window: "MainWindow") -> QAction:
    """工具 ▸ 从备份恢复批注…; and, for a library that cannot be written, a lasting note saying so."""
    library = getattr(window, "library", None)
    if library is not None and getattr(library, "read_only", False):
        window.status(QCoreApplication.translate(
            "RestoreDialog", "资料库为只读：可以阅读、搜索和导出，不能添加或修改批注"), 0)
    action = window.menu("tools").addAction(QCoreApplication.translate("RestoreDialog", "从备份恢复批注…"))
    action.setObjectName("actionRestoreAnnotations")
    action.triggered.connect(lambda: _restore_from_menu(window))
    return action
