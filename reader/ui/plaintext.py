"""Showing text that comes from a PDF, a note or a theme name as plain text, everywhere.

Qt guesses whether a string is rich text (``Qt::mightBeRichText``) for tool tips, labels and message
boxes. Text from a PDF is untrusted: ``<img src="/dev/zero">`` in a clause would make Qt load the file
while rendering the tool tip. Tool tips have no plain-text switch, so their text is escaped and wrapped
as rich text that can only display characters; labels and message boxes are switched to plain text.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox


def tooltip(text: str) -> str:
    """``text`` as a tool tip that shows exactly these characters (line breaks kept, no markup)."""
    if not text:
        return ""
    escaped = html.escape(text, quote=False).replace("\n", "<br>")
    return f"<qt><p style='white-space:pre-wrap'>{escaped}</p></qt>"


def plain_label(label: QLabel) -> QLabel:
    """Make ``label`` show its text literally (never as HTML); returns it for chaining."""
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def plain_message_box(box: QMessageBox) -> QMessageBox:
    """Main and informative text of ``box`` shown literally (file names, titles and notes included)."""
    box.setTextFormat(Qt.TextFormat.PlainText)
    for child in box.findChildren(QLabel):  # the informative text is a child label of its own
        child.setTextFormat(Qt.TextFormat.PlainText)
    return box


def warn(parent, title: str, text: str) -> None:
    """A modal warning whose text is shown literally (QMessageBox.warning would guess rich text)."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    plain_message_box(box).exec()


def ask_yes_no(parent, title: str, text: str) -> bool:
    """A Yes/No question shown literally; True for Yes."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text,
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
    return plain_message_box(box).exec() == QMessageBox.StandardButton.Yes
