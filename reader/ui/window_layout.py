"""The window's first-run size and panel arrangement (a saved layout replaces both).

Sized to fit a 1366×768 laptop; the page keeps the middle, wide enough to read at fit-width:
outline/thumbnails share the left column, search and annotations share the right one as tabs.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDockWidget, QMainWindow, QTabWidget

DEFAULT_SIZE = QSize(1280, 720)
LEFT_WIDTH, RIGHT_WIDTH = 240, 330
LEFT_DOCKS = ("outlineDock", "thumbnailsDock")
RIGHT_DOCKS = ("searchDock", "reviewDock", "suggestionDock")


def default_size(window: QMainWindow) -> QSize:
    """DEFAULT_SIZE, shrunk to the screen's free area (minus room for the title bar)."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return DEFAULT_SIZE
    free = screen.availableGeometry()
    return QSize(min(DEFAULT_SIZE.width(), free.width() - 16), min(DEFAULT_SIZE.height(), free.height() - 40))


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
    widths = [(left[:1], LEFT_WIDTH), (right[:1], RIGHT_WIDTH)]
    docks = [d[0] for d, _w in widths if d]
    if docks:
        window.resizeDocks(docks, [w for d, w in widths if d], Qt.Orientation.Horizontal)
