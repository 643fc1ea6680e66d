"""Annotations you can see on the page: a card on hover, a marker on highlights with notes, and
the note edited in place (a small editor beside the highlight instead of a modal dialog).

Presentation only: which annotation is under the pointer is a rectangle test on the stored
rectangles; saving goes through the controller (one undoable command).
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from reader.ui.page_view_paint import NOTE_MARKER_PX
from reader.ui.operations import single_shot_timer

if TYPE_CHECKING:
    from reader.annotations import Annotation
    from reader.ui.annotation_controller import AnnotationController

MARKER_GAP_PT = 7.0  # at least this far right of the highlight's first line
MARKER_MARGIN_PT = 30.0  # from the page's right edge: in the margin, where it hides no text


def marker_position(ann: "Annotation", page_width: float = 0.0) -> tuple[int, float, float] | None:
    """(page, x, y) in points of the note marker of ``ann``: in the right margin beside its first line
    (or just right of the line's end when the text runs into the margin)."""
    rects = ann.rects.get(ann.page_index) or next(iter(ann.rects.values()), None)
    if not rects:
        return None
    page = ann.page_index if ann.rects.get(ann.page_index) else next(iter(ann.rects))
    first = min(rects, key=lambda r: (r[1], r[0]))
    line = [r for r in rects if abs(r[1] - first[1]) < 1.0]
    return page, max(max(r[2] for r in line) + MARKER_GAP_PT, page_width - MARKER_MARGIN_PT), (first[1] + first[3]) / 2


class HoverCard(QFrame):
    """Themes, note, clause and date of the highlight under the pointer."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("annotationHoverCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setMaximumWidth(360)
        self.label = QLabel(self, wordWrap=True, textFormat=Qt.TextFormat.RichText)
        self.edit = QPushButton(self.tr("编辑批注"), self)
        self.edit.setObjectName("hoverEditNote")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.label)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.edit)
        layout.addLayout(row)
        self.annotation: Annotation | None = None
        self.hide()

    def show_for(self, ann: "Annotation", controller: "AnnotationController", at: QPoint) -> None:
        self.annotation = ann
        themes = []
        for name in ann.themes:
            theme = controller.store.theme(name)
            color = theme.color if theme is not None else ann.color
            shown = theme.display_name(controller.english) if theme is not None else name
            themes.append(f"<span style='background:{html.escape(color)}'>&nbsp;&nbsp;&nbsp;</span> {html.escape(shown)}")
        where = " ".join(filter(None, [ann.document, ann.doc_number]))
        clause = "".join(ann.clause_path)
        no_note, no_theme = self.tr("（无批注）"), self.tr("（无主题）")
        page = self.tr("第 %1 页").replace("%1", ann.page_label or str(ann.page_index + 1))
        note = (f"<div style='margin-top:4px'>{html.escape(ann.note).replace(chr(10), '<br>')}</div>" if ann.note
                else f"<div style='color:gray; margin-top:4px'>{html.escape(no_note)}</div>")
        date = (ann.modified or ann.created or "")[:10]
        self.label.setText(
            "<div>" + ("&nbsp; ".join(themes) or html.escape(no_theme)) + "</div>" + note
            + f"<div style='color:#555; margin-top:4px'>{html.escape(where)}"
            + (f" · {html.escape(clause)}" if clause else "") + "</div>"
            + f"<div style='color:#777'>{html.escape(page)} · {html.escape(date)}</div>")
        self.adjustSize()
        parent = self.parentWidget()
        x = max(0, min(at.x() + 12, parent.width() - self.width()))
        y = at.y() + 18 if at.y() + 18 + self.height() <= parent.height() else max(0, at.y() - self.height() - 8)
        self.move(x, y)
        self.show()
        self.raise_()


class NoteEditor(QFrame):
    """Edits one annotation's note beside its highlight. Ctrl+Enter saves, Esc cancels."""

    def __init__(self, controller: "AnnotationController", parent: QWidget) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setObjectName("noteEditor")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("noteEditorText")
        self.text.setPlaceholderText(self.tr("写批注…（Ctrl+Enter 保存，Esc 取消）"))
        save, cancel = QPushButton(self.tr("保存"), self), QPushButton(self.tr("取消"), self)
        save.setObjectName("noteEditorSave")
        save.clicked.connect(self.save)
        cancel.clicked.connect(self.cancel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.text)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(cancel)
        row.addWidget(save)
        layout.addLayout(row)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.save, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.cancel, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.resize(320, 150)
        self.annotation_id: str | None = None
        self.hide()

    def open_for(self, ann: "Annotation", at: QPoint) -> None:
        self.annotation_id = ann.id
        self.text.setPlainText(ann.note)
        parent = self.parentWidget()
        self.move(max(0, min(at.x(), parent.width() - self.width())),
                  at.y() if at.y() + self.height() <= parent.height() else max(0, at.y() - self.height() - 24))
        self.show()
        self.raise_()
        self.text.setFocus()
        self.text.moveCursor(self.text.textCursor().MoveOperation.End)

    def save(self) -> None:
        ann_id, note = self.annotation_id, self.text.toPlainText()
        self.cancel()
        ann = self.controller.current.get(ann_id) if ann_id else None
        if ann is not None and note != ann.note:
            self.controller.set_note(ann_id, note)

    def cancel(self) -> None:
        self.annotation_id = None
        self.hide()
        self.controller.window.view.setFocus()


class AnnotationHover(QObject):
    """Watches the pointer over the pages: card on hover, click on a note marker opens the editor."""

    def __init__(self, controller: "AnnotationController") -> None:
        super().__init__(controller)
        self.controller = controller
        view = controller.window.view
        self.view = view
        self.card = HoverCard(view.viewport())
        self.editor = NoteEditor(controller, view.viewport())
        self.card.edit.clicked.connect(lambda: self.card.annotation and self.open_editor(self.card.annotation))
        self._hide_timer = single_shot_timer(self, 350)
        self._hide_timer.timeout.connect(self._maybe_hide)
        view.viewport().setMouseTracking(True)
        view.viewport().installEventFilter(self)
        view.verticalScrollBar().valueChanged.connect(lambda _v: self.card.hide())
        controller.annotationsChanged.connect(self.update_markers)

    # ------------------------------------------------------------------ geometry
    def marker_of(self, ann: "Annotation") -> tuple[int, float, float] | None:
        sizes = self.view.layout_.sizes
        page = ann.page_index if ann.rects.get(ann.page_index) else next(iter(ann.rects), ann.page_index)
        return marker_position(ann, sizes[page][0] if 0 <= page < len(sizes) else 0.0)

    def _to_viewport(self, page: int, x: float, y: float) -> QPoint:
        view = self.view
        px, py, _w, _h = view.layout_.page_rect(page, view.viewport().width())
        scale = view.layout_.scale
        return QPoint(round(px + x * scale - view.horizontalScrollBar().value()),
                      round(py + y * scale - view.verticalScrollBar().value()))

    def annotation_at(self, point: QPointF) -> "Annotation | None":
        where = self.view.point_to_page(point)
        if where is None:
            return None
        page, x, y = where
        for ann in self.controller.current.values():
            if any(r[0] <= x <= r[2] and r[1] - 1 <= y <= r[3] + 1 for r in ann.rects.get(page, ())):
                return ann
        return None

    def marker_at(self, point: QPointF) -> "Annotation | None":
        for ann in self.controller.current.values():
            if not ann.note:
                continue
            spot = self.marker_of(ann)
            if spot is None:
                continue
            centre = self._to_viewport(*spot)
            if abs(centre.x() - point.x()) <= NOTE_MARKER_PX / 2 + 2 and abs(centre.y() - point.y()) <= NOTE_MARKER_PX / 2 + 2:
                return ann
        return None

    def update_markers(self) -> None:
        markers: dict[int, list] = {}
        for ann in self.controller.current.values():
            spot = self.marker_of(ann) if ann.note else None
            if spot is not None:
                color = QColor(ann.color)
                markers.setdefault(spot[0], []).append((spot[1], spot[2], color))
        self.view.set_markers(markers)
        if self.editor.annotation_id and self.editor.annotation_id not in self.controller.current:
            self.editor.cancel()

    # ------------------------------------------------------------------ actions
    def open_editor(self, ann: "Annotation") -> None:
        self.card.hide()
        spot = self.marker_of(ann)
        if spot is None:
            return
        page, x, y = spot
        self.editor.open_for(ann, self._to_viewport(page, x, y) + QPoint(10, 10))

    def _maybe_hide(self) -> None:
        if not self.card.underMouse():
            self.card.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        kind = event.type()
        if kind == QEvent.Type.MouseMove and not event.buttons():
            point = event.position()
            ann = self.annotation_at(point) or self.marker_at(point)
            if ann is not None:
                self._hide_timer.stop()
                if self.card.annotation is not ann or not self.card.isVisible():
                    self.card.show_for(ann, self.controller, point.toPoint())
            elif self.card.isVisible():
                self._hide_timer.start()
        elif kind == QEvent.Type.MouseButtonPress and event.button() == Qt.MouseButton.LeftButton:
            ann = self.marker_at(event.position())
            if ann is not None:
                self.open_editor(ann)
                return True
            self.card.hide()
        elif kind == QEvent.Type.Leave:
            self._hide_timer.start()
        return False


def edit_in_place(controller: "AnnotationController", ann: "Annotation") -> bool:
    """Open the in-place editor for ``ann`` if it is on the open compilation; False otherwise."""
    hover = controller.hover
    if ann.id not in controller.current:
        return False
    controller.jump_to(ann)
    hover.open_editor(controller.current[ann.id])
    return True
