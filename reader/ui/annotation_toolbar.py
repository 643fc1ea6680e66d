"""The mini toolbar that floats under a fresh selection: highlight, a few theme colours, more
themes, note. Kept apart from the controller: it is presentation only, every button calls it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QToolButton, QWidget

from reader.ui.theme_dialog import swatch
from reader.ui.plaintext import tooltip

if TYPE_CHECKING:
    from reader.ui.annotation_controller import AnnotationController


class MiniToolbar(QFrame):
    """Floats under a fresh selection: highlight, a few theme colours, more themes, note."""

    def __init__(self, controller: "AnnotationController", parent: QWidget) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setObjectName("annotationMiniToolbar")
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(3, 2, 3, 2)
        self.row.setSpacing(2)
        self.hide()

    def rebuild(self) -> None:
        while self.row.count():
            self.row.takeAt(0).widget().deleteLater()
        c = self.controller
        self._button(self.tr("高亮…"), self.tr("高亮所选并选择主题（按关键词预先勾选） (Ctrl+H)"), lambda: c.highlight_selection())
        for theme in c.store.themes()[:6]:
            name = theme.display_name(c.english)
            button = self._button(name, self.tr("用主题“%1”高亮所选").replace("%1", name),
                                  lambda _=False, n=theme.name: c.highlight_selection([n]))
            button.setIcon(swatch(theme.color))
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)  # a labelled swatch
            button.setObjectName("themeSwatch")
        self._button(self.tr("批注…"), self.tr("高亮、选择主题并写批注"), lambda: c.highlight_with_note())
        self.adjustSize()

    def _button(self, text: str, tip: str, slot: Any) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tooltip(tip))
        button.setAutoRaise(True)
        button.clicked.connect(slot)
        self.row.addWidget(button)
        return button


def show_under_selection(controller: "AnnotationController") -> None:
    """Place the toolbar just under the selection's last line (above it near the bottom edge)."""
    view = controller.window.view
    span = view.selection_span()
    if span is None or controller.compilation is None:
        return
    rects = controller.compilation.span_rects(*span)
    if not rects:
        return
    page = max(rects)
    rect = max(rects[page], key=lambda r: r[3])
    x, y, _w, _h = view.layout_.page_rect(page, view.viewport().width())
    scale = view.layout_.scale
    point = QPoint(round(x + rect[0] * scale - view.horizontalScrollBar().value()),
                   round(y + rect[3] * scale - view.verticalScrollBar().value()) + 6)
    controller.toolbar.rebuild()
    viewport = view.viewport()
    point.setX(max(0, min(point.x(), viewport.width() - controller.toolbar.width())))
    if point.y() + controller.toolbar.height() > viewport.height():
        point.setY(max(0, point.y() - controller.toolbar.height() - round((rect[3] - rect[1]) * scale) - 12))
    controller.toolbar.move(point)
    controller.toolbar.show()
    controller.toolbar.raise_()
