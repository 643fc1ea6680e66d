"""Painting of the continuous page view (a mixin of PageView): rendered bands, stale renders
scaled while the new ones come, placeholders, overlays, and the hint of an empty window.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen

if TYPE_CHECKING:
    from reader.ui.render_worker import RenderResult

BACKGROUND = QColor("#9a9ea3")
PLACEHOLDER = QColor("#ececec")
HINT = QColor("#f4f4f4")


NOTE_MARKER_PX = 14


def paint_note_marker(painter: QPainter, centre: QPointF, color: QColor) -> None:
    """A small note sign (a filled square with a folded corner and two lines) marking a highlight with a note."""
    half = NOTE_MARKER_PX / 2
    box = QRectF(centre.x() - half, centre.y() - half, NOTE_MARKER_PX, NOTE_MARKER_PX)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QColor(60, 60, 60))
    painter.setBrush(color)
    painter.drawRoundedRect(box, 2, 2)
    painter.setPen(QColor(40, 40, 40))
    for k in (0.38, 0.62):
        painter.drawLine(QPointF(box.left() + 3, box.top() + NOTE_MARKER_PX * k), QPointF(box.right() - 3, box.top() + NOTE_MARKER_PX * k))
    painter.restore()


def paint_wavy_underline(painter: QPainter, left: float, right: float, y: float, color: QColor) -> None:
    """A wavy line from ``left`` to ``right`` at ``y`` (device pixels), as spelling checkers mark words."""
    path, step, amplitude = QPainterPath(QPointF(left, y)), 3.0, 1.5
    x, up = left, True
    while x < right:
        x = min(x + step, right)
        path.lineTo(QPointF(x, y - amplitude if up else y + amplitude))
        up = not up
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(color, 1.3))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(path)
    painter.restore()


class PageViewPainting:
    """Needs PageView's layout, cache, overlays and scroll bars."""

    underlines: dict[int, list[tuple[tuple[float, float, float, float], QColor]]] = {}

    def set_underlines(self, rects_by_page: dict[int, list[tuple[tuple[float, float, float, float], QColor]]]) -> None:
        """Wavy underlines under these boxes (PDF points), e.g. characters OCR was unsure of; {} clears."""
        self.underlines = rects_by_page
        self.viewport().update()

    def paintEvent(self, event: Any) -> None:
        painter = QPainter(self.viewport())
        painter.fillRect(event.rect(), BACKGROUND)
        if self.document is None:
            self._paint_empty_hint(painter)
            return
        dx, dy = self.horizontalScrollBar().value(), self.verticalScrollBar().value()
        scale = self.layout_.scale
        painted_real = missing = False
        for page in self.visible_pages():
            x, y, w, h = self.layout_.page_rect(page, self.viewport().width())
            target = QRect(x - dx, y - dy, w, h)
            results = [self.cache.get(key) for key in self._page_keys(page, dy, dy + self.viewport().height())]
            if not all(results):  # underneath: an older zoom scaled, else the placeholder
                stale = self.cache.any_for("view", page)
                if stale is not None and stale.image is not None:
                    painter.drawImage(QRectF(target), stale.image)
                else:
                    self._paint_placeholder(painter, target, page, None)
                missing = True
            for result in results:
                if result is None:
                    continue
                painted_real = True  # a damaged page, marked as such, counts as painted
                if result.image is None:
                    self._paint_placeholder(painter, target, page, result)
                else:  # 1:1 device pixels: no resampling
                    top = target.y() + (result.key.clip[1] * scale if result.key.clip else 0)
                    painter.drawImage(QPointF(target.x(), top), result.image)
            for layer, pages in self._overlays.items():
                for rect, color in pages.get(page, ()):
                    painter.fillRect(QRectF(target.x() + rect[0] * scale, target.y() + rect[1] * scale,
                                            (rect[2] - rect[0]) * scale, (rect[3] - rect[1]) * scale), color)
            for rect, color in self.underlines.get(page, ()):
                paint_wavy_underline(painter, target.x() + rect[0] * scale, target.x() + rect[2] * scale,
                                     target.y() + rect[3] * scale + 1.5, color)
            for x, y, color in self.markers.get(page, ()):
                paint_note_marker(painter, QPointF(target.x() + x * scale, target.y() + y * scale), color)
        painter.end()
        if missing:  # also catches a move to a screen with another pixel ratio
            self._schedule()
        if painted_real and not self._first_painted:
            self._first_painted = True
            self.firstPagePainted.emit()

    def _paint_placeholder(self, painter: QPainter, target: QRect, page: int, result: RenderResult | None) -> None:
        painter.fillRect(target, PLACEHOLDER)
        painter.setPen(QColor("#8a8a8a"))
        text = self.labels[page] if page < len(self.labels) else str(page + 1)
        if result is not None and result.error:
            text = QCoreApplication.translate("PageView", "第 %1 页无法显示（页面已损坏）").replace("%1", text)
        painter.drawText(target, Qt.AlignmentFlag.AlignCenter, text)

    def _paint_empty_hint(self, painter: QPainter) -> None:
        """An empty window says how to start instead of showing a blank grey area."""
        font = QFont(painter.font())
        font.setPointSizeF(font.pointSizeF() * 1.25)
        painter.setFont(font)
        painter.setPen(HINT)
        text = QCoreApplication.translate("PageView", "打开 PDF（Ctrl+O），或把文件拖到这里")
        painter.drawText(self.viewport().rect(), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, text)
        painter.end()
