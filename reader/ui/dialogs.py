"""Error and password dialogs, and the non-blocking notice bar.

The headline comes from the error's stable ``code`` (translated here); the detail is the core's
bilingual message, which names the file and the cause.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (QHBoxLayout, QInputDialog, QLabel, QLineEdit, QMessageBox, QToolButton,
                               QWidget)

from reader.errors import ReaderError
from reader.ui.plaintext import plain_label, plain_message_box



def error_title(code: str) -> str:
    """A short translated headline for an error code."""
    titles = {
        "missing": QCoreApplication.translate("dialogs", "找不到文件"),
        "not_pdf": QCoreApplication.translate("dialogs", "不是 PDF 文件"),
        "corrupt": QCoreApplication.translate("dialogs", "PDF 文件已损坏"),
        "empty": QCoreApplication.translate("dialogs", "PDF 没有页面"),
        "empty_file": QCoreApplication.translate("dialogs", "文件是空的"),
        "password": QCoreApplication.translate("dialogs", "需要密码"),
        "storage": QCoreApplication.translate("dialogs", "无法读写数据"),
        "usage": QCoreApplication.translate("dialogs", "无法执行此操作"),
    }
    return titles.get(code, QCoreApplication.translate("dialogs", "出错了"))


_BILINGUAL = re.compile(r"^(?P<zh>[^()（）]*?[\u3400-\u9fff][^()]*?)\s*\((?P<en>[^()]*[A-Za-z][^()]*)\)(?P<rest>.*)$", re.S)


def message_for_language(message: str, language: str) -> str:
    """The half of a core message ``中文 (English): detail`` that the interface speaks.

    Core messages carry both languages so the command line serves everyone; a dialog in an
    English interface shows ``English: detail`` only, a Chinese one keeps the message whole.
    """
    if language != "en":
        return message
    match = _BILINGUAL.match(message)
    if match is None:
        return message
    english = match.group("en").strip()
    return english[:1].upper() + english[1:] + match.group("rest")


def language_of(widget: QWidget | None) -> str:
    """The interface language of ``widget``'s main window (``zh`` when unknown)."""
    while widget is not None:
        language = getattr(widget, "language", None)
        if isinstance(language, str):
            return language
        widget = widget.parentWidget()
    return "zh"


def error_dialog(parent: QWidget | None, exc: ReaderError) -> QMessageBox:
    """A modal warning for ``exc``; returned (not executed) so callers and tests can decide."""
    box = QMessageBox(QMessageBox.Icon.Warning, error_title(exc.code), error_title(exc.code), parent=parent)
    box.setObjectName("errorDialog")
    box.setInformativeText(message_for_language(exc.message, language_of(parent)))
    box.setStyleSheet("QLabel#qt_msgbox_informativelabel { min-width: 420px; }")  # paths wrap less
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    return plain_message_box(box)


def ask_password(parent: QWidget | None, file_name: str, wrong: bool) -> str | None:
    """Ask for the password of ``file_name``; None when the user cancels."""
    prompt = QCoreApplication.translate("dialogs", "“%1”已加密，请输入密码：").replace("%1", file_name)
    if wrong:
        prompt = QCoreApplication.translate("dialogs", "密码错误，请重试。") + "\n" + prompt
    text, ok = QInputDialog.getText(parent, QCoreApplication.translate("dialogs", "需要密码"), prompt, QLineEdit.EchoMode.Password)
    return text if ok else None


class NoticeBar(QWidget):
    """A dismissible one-line notice above the pages (non-blocking, unlike a dialog)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("noticeBar")
        self.setStyleSheet("#noticeBar { background: #fff4ce; } QLabel { color: #5c4a00; }")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.label = plain_label(QLabel(self))
        self.label.setWordWrap(True)
        close = QToolButton(self)
        close.setText("×")
        close.setAutoRaise(True)
        close.clicked.connect(self.hide)
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 4, 4, 4)
        row.addWidget(self.label, 1)
        row.addWidget(close)
        self.hide()

    def show_text(self, text: str) -> None:
        self.label.setText(text)
        self.show()

    def text(self) -> str:
        return self.label.text() if self.isVisible() else ""
