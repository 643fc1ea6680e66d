"""Annotation rows of the review panel drawn as cards: the whole quote and the whole note,
wrapped to the panel's width (as Zotero 7's annotation cards), with a bar in the theme colour.

Only the quote column of annotation rows is drawn this way; group rows and the other columns keep
the standard look, so grouping, selection and in-place editing behave as before.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QTreeView

if TYPE_CHECKING:
    from reader.annotations import Annotation

BAR_PX, PAD_PX, GAP_PX = 4, 6, 3
_FLAGS = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap)


class ReviewCardDelegate(QStyledItemDelegate):
    """Paints an annotation as quote (regular) over note (italic), both wrapped."""

    def __init__(self, tree: QTreeView, annotation_of: Any, column: int) -> None:
        super().__init__(tree)
        self.tree, self.annotation_of, self.column = tree, annotation_of, column

    def _texts(self, ann: "Annotation") -> tuple[str, str]:
        return " ".join(ann.quote.split()), ann.note.strip()

    def _width(self, option: QStyleOptionViewItem, index: QModelIndex) -> int:
        width = option.rect.width() if option.rect.width() > 0 else self.tree.columnWidth(index.column())
        indent = self.tree.indentation() * 2 if option.rect.width() <= 0 else 0
        return max(80, width - indent - BAR_PX - 2 * PAD_PX)

    @staticmethod
    def _note_font(font: QFont) -> QFont:
        italic = QFont(font)
        italic.setItalic(True)
        return italic

    def _heights(self, option: QStyleOptionViewItem, width: int, quote: str, note: str) -> tuple[int, int]:
        bound = QRect(0, 0, width, 100000)
        q = QFontMetrics(option.font).boundingRect(bound, _FLAGS, quote).height()
        n = QFontMetrics(self._note_font(option.font)).boundingRect(bound, _FLAGS, note).height() if note else 0
        return q, n

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # noqa: N802 (Qt's name)
        ann = self.annotation_of(index) if index.column() == self.column else None
        if ann is None:
            return super().sizeHint(option, index)
        quote, note = self._texts(ann)
        q, n = self._heights(option, self._width(option, index), quote, note)
        return QSize(self._width(option, index), q + (n + GAP_PX if n else 0) + 2 * PAD_PX)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        ann = self.annotation_of(index) if index.column() == self.column else None
        if ann is None:
            super().paint(painter, option, index)
            return
        painter.save()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette = option.palette
        if selected:
            painter.fillRect(option.rect, palette.color(QPalette.ColorRole.Highlight))
        rect = option.rect
        painter.fillRect(QRect(rect.left() + 1, rect.top() + 2, BAR_PX, rect.height() - 4), QColor(ann.color))
        text_color = palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        if ann.status == "orphaned":
            text_color = QColor("#9e9e9e")
        quote, note = self._texts(ann)
        width = rect.width() - BAR_PX - 2 * PAD_PX
        q, n = self._heights(option, width, quote, note)
        left = rect.left() + BAR_PX + PAD_PX
        painter.setPen(text_color)
        painter.setFont(option.font)
        painter.drawText(QRect(left, rect.top() + PAD_PX, width, q), _FLAGS, quote)
        if note:
            painter.setFont(self._note_font(option.font))
            note_color = QColor(text_color)
            if not selected:
                note_color = QColor("#1a5fb4")
            painter.setPen(note_color)
            painter.drawText(QRect(left, rect.top() + PAD_PX + q + GAP_PX, width, n), _FLAGS, note)
        painter.restore()
