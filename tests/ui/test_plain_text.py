"""Text from a PDF is shown literally: markup in a clause or title never becomes rich text.

Qt guesses rich text for tool tips, labels and message boxes; ``<img src="/dev/zero">`` in a clause
would make a tool tip read /dev/zero until memory runs out. The outline's tool tips and the error
dialog must display exactly the characters of the PDF.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import Qt as GuiQt, QTextDocument
from PySide6.QtWidgets import QLabel

from reader.errors import ReaderError
from reader.ui.dialogs import error_dialog
from tests.builders.typesetter import Typesetter

HOSTILE = '<img src="/dev/zero"> <b>粗体</b> &amp;'


def _hostile_pdf(path):
    kit = Typesetter(header=lambda n: [(f"— {n} —", "bottom", "centre")])
    kit.new_page()
    kit.title("关于印发《数据产业发展方案》的通知")
    kit.line("一、总体要求")
    kit.paragraph(f"坚持创新驱动，{HOSTILE}推动数据产业高质量发展。" * 4)
    kit.line(f"二、{HOSTILE}重点任务")
    kit.paragraph("培育经营主体，支持数据企业发展壮大。" * 6)
    return kit.save(path)


def _tooltips(model, parent=QModelIndex()):
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        tip = index.data(Qt.ItemDataRole.ToolTipRole)
        if tip:
            yield tip
        yield from _tooltips(model, index)


def _shown_as(markup: str) -> str:
    """What Qt displays for a tool tip: rich text is rendered, anything else is shown as is."""
    if not GuiQt.mightBeRichText(markup):
        return markup
    doc = QTextDocument()
    doc.setHtml(markup)
    return doc.toPlainText()


def test_outline_tooltips_show_pdf_markup_literally(make_window, open_analysed, tmp_path):
    win = make_window()
    open_analysed(win, _hostile_pdf(tmp_path / "hostile.pdf"))
    tips = list(_tooltips(win.outline_panel.model))
    hostile = [t for t in tips if "img" in t]
    assert hostile, "the clause with markup has a tool tip"
    for tip in hostile:
        shown = _shown_as(tip).replace("\u2029", "\n")
        assert '<img src="/dev/zero">' in shown and "<b>粗体</b>" in shown and "&amp;" in shown


def test_error_dialog_shows_message_literally(make_window):
    win = make_window()
    box = error_dialog(win, ReaderError(f"无法打开 (cannot open): {HOSTILE}.pdf"))
    labels = [label for label in box.findChildren(QLabel) if HOSTILE in label.text()]
    assert labels, "the message is in the dialog"
    assert all(label.textFormat() == Qt.TextFormat.PlainText for label in labels)
