"""The window's first-run size and panel arrangement (a saved layout replaces both).

The first start fills the screen's free area (a reader wants the page large); the page keeps the
middle, wide enough to read at fit-width. Outline/thumbnails share the left column, wide enough
for a document title; search and annotations share the right one as tabs, and the search panel
stays closed until it is used (Ctrl+F opens it), so the page gets the room.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDockWidget, QMainWindow, QTabWidget

DEFAULT_SIZE = QSize(1280, 720)
"""Used when no screen is known."""
FRAME_ALLOWANCE = QSize(16, 40)  # the window manager's frame and title bar
LEFT_WIDTH, RIGHT_WIDTH = 320, 330
LEFT_SHARE = 0.24  # on a large screen the outline may take this share of the width
HIDDEN_UNTIL_USED = ("searchDock",)
LEFT_DOCKS = ("outlineDock", "thumbnailsDock")
RIGHT_DOCKS = ("searchDock", "reviewDock", "suggestionDock")


def default_size(window: QMainWindow) -> QSize:
    """The screen's free area, less the window frame (DEFAULT_SIZE without a screen)."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return DEFAULT_SIZE
    free = screen.availableGeometry()
    return QSize(free.width() - FRAME_ALLOWANCE.width(), free.height() - FRAME_ALLOWANCE.height())


def left_width(window_width: int) -> int:
    """Room for a title like 工信部等三部门联合印发《加快工业领域清洁低碳氢应用实施方案》 on a wide screen."""
    return max(LEFT_WIDTH, min(480, round(window_width * LEFT_SHARE)))


def arrange_panels(window: QMainWindow) -> None:
    """Tabs on top of the side columns; the right column's panels share it as tabs."""
    window.setTabPosition(Qt.DockWidgetArea.AllDockWidgetAreas, QTabWidget.TabPosition.North)
    window.setDockOptions(window.dockOptions() | QMainWindow.DockOption.AnimatedDocks)
    right = [d for d in (window.findChild(QDockWidget, name) for name in RIGHT_DOCKS) if d is not None]
    for other in right[1:]:
        window.tabifyDockWidget(right[0], other)
    if right:
        right[0].raise_()
    left = [d for d in (window.findChild(QDockWidget, name) for name in LEFT_DOCKS) if d is not None]
    for dock in left:
        dock.setMinimumWidth(170)
    for dock in right:
        dock.setMinimumWidth(220)
    for dock in right:
        if dock.objectName() in HIDDEN_UNTIL_USED:
            dock.hide()
    shown = [d for d in right if not d.isHidden()]
    if shown:
        shown[0].raise_()
    widths = [(left[:1], left_width(window.width())), (shown[:1], RIGHT_WIDTH)]
    docks = [d[0] for d, _w in widths if d]
    if docks:
        window.resizeDocks(docks, [w for d, w in widths if d], Qt.Orientation.Horizontal)
