"""Menus, toolbar, page box and zoom box of the main window.

Kept apart from ``main_window`` so the window class stays about documents and the plug-in API.
"""

from __future__ import annotations

import re
from pathlib import Path
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QMenu, QMessageBox, QToolBar

from reader.fsnames import shown_path
from reader.ui import i18n
from reader.ui.plaintext import tooltip

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow

ZOOM_PRESETS = (50, 75, 100, 125, 150, 200, 300, 400)



class PageBox(QLineEdit):
    """Shows ``45 (47/84)``: the printed label, then the physical position; accepts labels and numbers."""

    def __init__(self, window: "MainWindow") -> None:
        super().__init__(window)
        self.window_ = window
        self.setObjectName("pageBox")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setFixedWidth(120)
        self.setToolTip(QCoreApplication.translate("MainWindow", "输入页码标签（如 45、II）或 #页序号，回车跳转 (Ctrl+G)"))
        self.returnPressed.connect(self.jump)

    def show_page(self, page: int) -> None:
        document = self.window_.document
        if document is None:
            self.clear()
            return
        if not self.hasFocus():
            self.setText(f"{document.page_label(page)} ({page + 1}/{document.page_count})")

    def jump(self) -> bool:
        document = self.window_.document
        if document is None:
            return False
        text = self.text().strip()
        index = document.page_index_for(text)
        if index is None:  # "45 (47/84)" typed back: take the label before the bracket
            match = re.match(r"^\s*(\S+)\s*\(", text)
            index = document.page_index_for(match.group(1)) if match else None
        if index is None:
            self.window_.status(QCoreApplication.translate("MainWindow", "没有这一页：%1").replace("%1", text))
            self.selectAll()
            return False
        self.window_.view.go_to(index)
        self.window_.view.setFocus()
        self.show_page(index)
        return True

    def focusInEvent(self, event) -> None:  # type: ignore[override]
        super().focusInEvent(event)
        self.selectAll()

    def focusOutEvent(self, event) -> None:  # type: ignore[override]
        super().focusOutEvent(event)
        self.show_page(self.window_.view.current_page())


class ZoomBox(QComboBox):
    """Editable zoom percentage, with presets and the two fit modes."""

    def __init__(self, window: "MainWindow") -> None:
        super().__init__(window)
        self.window_ = window
        self.setObjectName("zoomBox")
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMinimumContentsLength(7)
        self.addItem(QCoreApplication.translate("MainWindow", "适合宽度"), "width")
        self.addItem(QCoreApplication.translate("MainWindow", "适合页面"), "page")
        for percent in ZOOM_PRESETS:
            self.addItem(f"{percent}%", percent / 100)
        self.activated.connect(self._chosen)
        self.lineEdit().returnPressed.connect(self._typed)

    def show_zoom(self, zoom: float) -> None:
        self.lineEdit().setText(f"{round(zoom * 100)}%")

    def _chosen(self, row: int) -> None:
        value = self.itemData(row)
        view = self.window_.view
        if isinstance(value, str):
            view.set_fit_mode(value)
        else:
            view.set_zoom(float(value))
        self.show_zoom(view.zoom())
        view.setFocus()

    def _typed(self) -> None:
        match = re.search(r"\d+(\.\d+)?", self.currentText())
        if match:
            self.window_.view.set_zoom(float(match.group(0)) / 100)
        self.show_zoom(self.window_.view.zoom())
        self.window_.view.setFocus()


def _action(window: "MainWindow", text: str, slot, shortcut=None, object_name: str = "") -> QAction:
    action = QAction(text, window)
    if shortcut is not None:
        action.setShortcuts(shortcut if isinstance(shortcut, list) else [QKeySequence(shortcut)])
    action.triggered.connect(slot)
    if object_name:
        action.setObjectName(object_name)
    return action


@dataclass
class WindowMenus:
    """What the menu bar gives the window: the menus by key and the parts it refers to later."""

    menus: dict[str, QMenu]
    recent_menu: QMenu
    panels_menu: QMenu
    zoom_in_action: QAction
    zoom_out_action: QAction
    language_group: Any


def build_menus(window: "MainWindow") -> WindowMenus:
    bar = window.menuBar()
    menus = {
        "file": bar.addMenu(QCoreApplication.translate("MainWindow", "文件(&F)")),
        "edit": bar.addMenu(QCoreApplication.translate("MainWindow", "编辑(&E)")),
        "view": bar.addMenu(QCoreApplication.translate("MainWindow", "视图(&V)")),
        "tools": bar.addMenu(QCoreApplication.translate("MainWindow", "工具(&T)")),
        "help": bar.addMenu(QCoreApplication.translate("MainWindow", "帮助(&H)")),
    }
    view = window.view
    file_menu = menus["file"]
    file_menu.addAction(_action(window, QCoreApplication.translate("MainWindow", "打开…"), window.choose_file, QKeySequence.StandardKey.Open, "actionOpen"))
    recent_menu = file_menu.addMenu(QCoreApplication.translate("MainWindow", "最近打开"))
    recent_menu.aboutToShow.connect(lambda: _fill_recent(window, recent_menu))
    file_menu.addSeparator()
    file_menu.addAction(_action(window, QCoreApplication.translate("MainWindow", "退出"), window.close, QKeySequence.StandardKey.Quit, "actionQuit"))

    copy = _action(window, QCoreApplication.translate("MainWindow", "复制"), view.copy_selection, QKeySequence.StandardKey.Copy, "actionCopy")
    copy.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    view.addAction(copy)
    menus["edit"].addAction(copy)
    menus["edit"].addAction(_action(window, QCoreApplication.translate("MainWindow", "转到页…"), window.focus_page_box, "Ctrl+G", "actionGoTo"))

    view_menu = menus["view"]
    zoom_in_action = _action(window, QCoreApplication.translate("MainWindow", "放大"), view.zoom_in,
                                    [QKeySequence.StandardKey.ZoomIn, QKeySequence("Ctrl+=")], "actionZoomIn")
    zoom_out_action = _action(window, QCoreApplication.translate("MainWindow", "缩小"), view.zoom_out, [QKeySequence.StandardKey.ZoomOut], "actionZoomOut")
    view_menu.addAction(zoom_in_action)
    view_menu.addAction(zoom_out_action)
    view_menu.addAction(_action(window, QCoreApplication.translate("MainWindow", "实际大小"), lambda: view.set_zoom(1.0), "Ctrl+0", "actionActualSize"))
    view_menu.addAction(_action(window, QCoreApplication.translate("MainWindow", "适合宽度"), lambda: view.set_fit_mode("width"), "Ctrl+1", "actionFitWidth"))
    view_menu.addAction(_action(window, QCoreApplication.translate("MainWindow", "适合页面"), lambda: view.set_fit_mode("page"), "Ctrl+2", "actionFitPage"))
    view_menu.addSeparator()
    panels_menu = view_menu.addMenu(QCoreApplication.translate("MainWindow", "面板"))
    view_menu.addSeparator()
    language_menu = view_menu.addMenu(QCoreApplication.translate("MainWindow", "语言"))
    language_group = i18n.build_language_menu(language_menu, window, window.language, window.choose_language)

    menus["help"].addAction(_action(window, QCoreApplication.translate("MainWindow", "关于"), lambda: _about(window), None, "actionAbout"))
    return WindowMenus(menus, recent_menu, panels_menu, zoom_in_action, zoom_out_action, language_group)


def build_toolbar(window: "MainWindow", parts: WindowMenus) -> tuple[QToolBar, "PageBox", "ZoomBox"]:
    toolbar = QToolBar(QCoreApplication.translate("MainWindow", "工具栏"), window)
    toolbar.setObjectName("mainToolbar")
    toolbar.setMovable(False)
    toolbar.addAction(window.findChild(QAction, "actionOpen"))
    toolbar.addSeparator()
    toolbar.addWidget(QLabel(QCoreApplication.translate("MainWindow", "页码 ")))
    page_box = PageBox(window)
    toolbar.addWidget(page_box)
    toolbar.addSeparator()
    for action, sign in ((parts.zoom_out_action, "－"), (parts.zoom_in_action, "＋")):
        action.setToolTip(f"{action.text()} ({action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})")
        action.setIconText(sign)  # the toolbar shows the sign; the menu keeps the words
    toolbar.addAction(parts.zoom_out_action)
    zoom_box = ZoomBox(window)
    toolbar.addWidget(zoom_box)
    toolbar.addAction(parts.zoom_in_action)
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)
    return toolbar, page_box, zoom_box


def _fill_recent(window: "MainWindow", menu: QMenu) -> None:
    menu.clear()
    files = window.settings.recent_files()
    for path in files:
        action = menu.addAction(shown_path(Path(path).name), lambda p=path: window.open_pdf(p))
        action.setToolTip(tooltip(shown_path(path)))
        action.setEnabled(Path(path).exists())
    if files:
        menu.addSeparator()
        menu.addAction(QCoreApplication.translate("MainWindow", "清除列表"), window.settings.clear_recent)
    else:
        menu.addAction(QCoreApplication.translate("MainWindow", "（无）")).setEnabled(False)


def _about(window: "MainWindow") -> None:
    QMessageBox.about(window, QCoreApplication.translate("MainWindow", "关于"), QCoreApplication.translate("MainWindow", 
        "政策汇编阅读器\n\n阅读、检索与批注政策汇编 PDF。\n所有数据保存在本机。"))
