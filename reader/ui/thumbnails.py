"""Thumbnails side panel: a list of small page images, rendered only when scrolled into view.

The model asks for a thumbnail when the list paints an item (so only visible rows cost anything),
through the view's render worker on its low-priority "thumbs" channel.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QListView, QWidget

from reader.ui.page_view import PageView
from reader.ui.render_worker import ImageCache, RenderKey, RenderResult
from reader.ui.operations import single_shot_timer

THUMB_WIDTH = 120  # logical pixels
THUMB_CACHE_BYTES = 24 * 1024 * 1024


class ThumbnailModel(QAbstractListModel):
    def __init__(self, view: PageView) -> None:
        super().__init__(view)  # dies with the view, and so does its timer
        self.view = view
        self.sizes: list[tuple[float, float]] = []
        self.cache = ImageCache(THUMB_CACHE_BYTES)
        self._pixmaps: dict[int, QPixmap] = {}
        self._wanted: list[int] = []
        self._flush = single_shot_timer(self, 30)
        self._flush.timeout.connect(self._request)
        view.worker.rendered.connect(self._on_rendered)

    def set_pages(self, sizes: list[tuple[float, float]]) -> None:
        self.beginResetModel()
        self.sizes = sizes
        self.cache.clear()
        self._pixmaps.clear()
        self._wanted.clear()
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.sizes)

    def zoom_for(self, page: int) -> float:
        width = self.sizes[page][0] or 595
        return round(THUMB_WIDTH / width * self.view.device_pixel_ratio(), 4)

    def thumb_size(self, page: int) -> QSize:
        width, height = self.sizes[page]
        return QSize(THUMB_WIDTH, round(THUMB_WIDTH * height / max(width, 1)))

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        page = index.row()
        if role == Qt.ItemDataRole.DisplayRole:
            labels = self.view.labels
            return labels[page] if page < len(labels) else str(page + 1)
        if role == Qt.ItemDataRole.DecorationRole:
            return self._pixmap(page)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("第 %1 页").replace("%1", str(page + 1))
        return None

    def _pixmap(self, page: int) -> QPixmap:
        pixmap = self._pixmaps.get(page)
        if pixmap is not None:
            return pixmap
        size = self.thumb_size(page)
        result = self.cache.get(RenderKey("thumbs", page, self.zoom_for(page)))
        if result is not None and result.image is not None:
            pixmap = QPixmap.fromImage(result.image)
            pixmap.setDevicePixelRatio(self.view.device_pixel_ratio())
            painter = QPainter(pixmap)  # a hairline frame: white pages on a light list stay apart
            painter.setPen(QColor("#9a9ea3"))
            painter.drawRect(0, 0, round(pixmap.width() / pixmap.devicePixelRatio()) - 1,
                             round(pixmap.height() / pixmap.devicePixelRatio()) - 1)
            painter.end()
            if len(self._pixmaps) > 200:
                self._pixmaps.clear()
            self._pixmaps[page] = pixmap
            return pixmap
        if page not in self._wanted:
            self._wanted.append(page)
            self._flush.start()
        placeholder = QPixmap(size)
        placeholder.fill(QColor("#ececec"))
        return placeholder

    def _request(self) -> None:
        keys = [RenderKey("thumbs", page, self.zoom_for(page)) for page in self._wanted[-24:] if page < len(self.sizes)]
        self._wanted.clear()
        self.view.worker.want("thumbs", [key for key in keys if key not in self.cache])

    def _on_rendered(self, result: RenderResult) -> None:
        if result.key.channel != "thumbs" or result.generation != self.view.worker.generation:
            return
        self.cache.put(result)
        self._pixmaps.pop(result.key.page, None)
        row = self.index(result.key.page)
        self.dataChanged.emit(row, row, [Qt.ItemDataRole.DecorationRole])


class ThumbnailPanel(QListView):
    """Click a thumbnail to go to its page; the current page stays selected and in view."""

    def __init__(self, view: PageView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("thumbnails")
        self.page_view = view
        self.model_ = ThumbnailModel(view)
        self.setModel(self.model_)
        self.setViewMode(QListView.ViewMode.IconMode)  # label under the image, one column
        self.setFlow(QListView.Flow.TopToBottom)
        self.setWrapping(False)
        self.setMovement(QListView.Movement.Static)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setUniformItemSizes(True)  # 2,000 rows lay out instantly
        self.setSpacing(6)
        self.setIconSize(QSize(THUMB_WIDTH, round(THUMB_WIDTH * 1.5)))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setMinimumWidth(THUMB_WIDTH + 40)
        self.setStyleSheet("QListView { background: #e6e7e9; } QListView::item { padding: 2px; }")
        self.clicked.connect(lambda index: view.go_to(index.row()))
        view.currentPageChanged.connect(self.show_page)

    def set_pages(self, sizes: list[tuple[float, float]]) -> None:
        self.model_.set_pages(sizes)

    def show_page(self, page: int) -> None:
        index = self.model_.index(page)
        if index.isValid() and self.currentIndex() != index:
            self.setCurrentIndex(index)
            self.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)

    def sizeHint(self) -> QSize:
        return QSize(THUMB_WIDTH + 48, 400)

