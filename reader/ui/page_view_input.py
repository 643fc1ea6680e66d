"""Mouse, wheel and keyboard handling of the page view (selection, context menu, zoom, paging).

A mixin of :class:`reader.ui.page_view.PageView`, kept apart so each module stays small; it uses the
view's ``selection``, ``point_to_page``, ``set_zoom``, ``go_to`` and scroll bars.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QWheelEvent
from PySide6.QtWidgets import QMenu


class PageViewInput:
    def mousePressEvent(self, event: Any) -> None:
        if event.button() == Qt.MouseButton.LeftButton and (hit := self.point_to_page(event.position())):
            self._press = hit
            if event.modifiers() & Qt.KeyboardModifier.ShiftModifier and not self.selection.is_empty():
                if self.selection.extend(*hit):  # Shift+click moves the free end
                    self._selection_updated()
            elif not self.selection.is_empty():
                self.selection.clear()  # a click alone selects nothing; the drag does
                self._selection_updated()
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event: Any) -> None:
        hit = self.point_to_page(event.position())
        if event.button() == Qt.MouseButton.LeftButton and hit and self.selection.select_word(*hit):
            self._press = None
            self._selection_updated()

    def mouseMoveEvent(self, event: Any) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton and self._press:
            hit = self.point_to_page(event.position())
            if hit:
                if self.selection.is_empty():
                    self.selection.begin(*self._press)
                if self.selection.extend(*hit):
                    self._selection_updated()
            self._autoscroll(event.position().y())

    def mouseReleaseEvent(self, event: Any) -> None:
        press, self._press = self._press, None
        if event.button() == Qt.MouseButton.LeftButton and press and self.selection.is_empty():
            self.linkClicked.emit(*press)  # a click, not a drag: whoever knows the links follows one
        super().mouseReleaseEvent(event)

    def _autoscroll(self, y: float) -> None:
        bar = self.verticalScrollBar()
        if y < 0:
            bar.setValue(bar.value() - 20)
        elif y > self.viewport().height():
            bar.setValue(bar.value() + 20)

    def contextMenuEvent(self, event: Any) -> None:
        self.build_context_menu(event.pos()).exec(event.globalPos())

    def build_context_menu(self, point: Any) -> QMenu:
        """Copy, then whatever the features add through ``context_menu_hooks(menu, page, offset|None)``."""
        hit = self.point_to_page(point)
        menu = QMenu(self)
        copy = menu.addAction(QCoreApplication.translate("PageView", "复制"), self.copy_selection)
        copy.setShortcut(QKeySequence.StandardKey.Copy)
        copy.setEnabled(not self.selection.is_empty())
        if hit is not None:
            page, x, y = hit
            compilation = self.selection.compilation
            offset = compilation.offset_at(page, x, y) if compilation is not None else None
            for hook in self.context_menu_hooks:
                hook(menu, page, offset)
        return menu

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120
            if steps:
                self.set_zoom(self.zoom() * (1.1 ** steps), anchor=event.position().toPoint())
            event.accept()
            return
        super().wheelEvent(event)

    def keyPressEvent(self, event: Any) -> None:
        bar, key = self.verticalScrollBar(), event.key()
        moves = {
            Qt.Key.Key_PageDown: bar.pageStep() - 40, Qt.Key.Key_PageUp: -(bar.pageStep() - 40),
            Qt.Key.Key_Space: bar.pageStep() - 40,
            Qt.Key.Key_Down: bar.singleStep(), Qt.Key.Key_Up: -bar.singleStep(),
        }
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy_selection()
        elif key in moves and not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            bar.setValue(bar.value() + moves[key])
        elif key == Qt.Key.Key_Home:
            bar.setValue(0)
        elif key == Qt.Key.Key_End:
            bar.setValue(bar.maximum())
        elif (key in (Qt.Key.Key_Left, Qt.Key.Key_Right) and self.horizontalScrollBar().maximum() == 0
              and not event.modifiers() & Qt.KeyboardModifier.AltModifier):  # Alt+←/→: back and forward
            self.go_to(self.current_page() + (1 if key == Qt.Key.Key_Right else -1))
        else:
            super().keyPressEvent(event)

