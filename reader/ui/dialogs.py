"""Error and password dialogs.

The headline comes from the error's stable ``code`` (translated here); the detail is the core's
bilingual message, which names the file and the cause.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget

from reader.errors import ReaderError


def _tr(text: str) -> str:
    return QCoreApplication.translate("dialogs", text)


def error_title(code: str) -> str:
    """A short translated headline for an error code."""
    titles = {
        "missing": _tr("找不到文件"),
        "not_pdf": _tr("不是 PDF 文件"),
        "corrupt": _tr("PDF 文件已损坏"),
        "empty": _tr("PDF 没有页面"),
        "password": _tr("需要密码"),
        "no_text": _tr("没有文字层"),
        "storage": _tr("无法读写数据"),
        "usage": _tr("无法执行此操作"),
    }
    return titles.get(code, _tr("出错了"))


def error_dialog(parent: QWidget | None, exc: ReaderError) -> QMessageBox:
    """A modal warning for ``exc``; returned (not executed) so callers and tests can decide."""
    box = QMessageBox(QMessageBox.Icon.Warning, error_title(exc.code), error_title(exc.code), parent=parent)
    box.setObjectName("errorDialog")
    box.setInformativeText(exc.message)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    return box


def ask_password(parent: QWidget | None, file_name: str, wrong: bool) -> str | None:
    """Ask for the password of ``file_name``; None when the user cancels."""
    prompt = _tr("“%1”已加密，请输入密码：").replace("%1", file_name)
    if wrong:
        prompt = _tr("密码错误，请重试。") + "\n" + prompt
    text, ok = QInputDialog.getText(parent, _tr("需要密码"), prompt, QLineEdit.EchoMode.Password)
    return text if ok else None
