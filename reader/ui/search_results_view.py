"""The search result list's drawing: rows of rich text (snippets with the hits in bold) that wrap
to the panel's width and grow in height when it is resized."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QTreeWidget

HTML_ROLE = Qt.ItemDataRole.UserRole + 2


class ResultTree(QTreeWidget):
    """Snippet rows wrap to the panel's width, so their heights follow its resizes."""

    def resizeEvent(self, event) -> None:  # type: ignore[override]
        super().resizeEvent(event)
        self.scheduleDelayedItemsLayout()


class HtmlDelegate(QStyledItemDelegate):
    """Draws rows whose HTML_ROLE holds rich text (snippets with bold hits)."""

    def __init__(self, tree: QTreeWidget) -> None:
        super().__init__(tree)
        self.tree = tree

    def paint(self, painter, option, index) -> None:  # type: ignore[override]
        markup = index.data(HTML_ROLE)
        if not markup:
            return super().paint(painter, option, index)
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        opt.widget.style().drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        doc = QTextDocument()
        doc.setDefaultFont(opt.font)
        doc.setHtml(markup)
        doc.setTextWidth(max(50, opt.rect.width()))
        painter.save()
        painter.translate(opt.rect.topLeft())
        doc.drawContents(painter, QRectF(0, 0, opt.rect.width(), opt.rect.height()))
        painter.restore()

    def sizeHint(self, option, index) -> QSize:  # type: ignore[override]
        markup = index.data(HTML_ROLE)
        if not markup:
            return super().sizeHint(option, index)
        depth, parent = 0, index.parent()
        while parent.isValid():
            depth, parent = depth + 1, parent.parent()
        width = max(120, self.tree.viewport().width() - (depth + 1) * self.tree.indentation() - 4)
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setHtml(markup)
        doc.setTextWidth(width)
        return QSize(width, int(doc.size().height()) + 6)
