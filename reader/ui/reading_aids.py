"""Moving around a compilation as in a browser: links, the printed 目录, Back/Forward, print, status.

- A click on a PDF link, or on a line of the printed 目录 (matched to a detected document's
  title, :func:`reader.links.contents_links`), jumps there; web links open in the browser.
- Every jump (outline, search, links, page box) leaves its starting place on a Back list:
  Alt+← returns there, Alt+→ goes forward again, as in a browser.
- 文件 ▸ 打印… (Ctrl+P) prints the chosen pages through the system's print dialog.
- The status bar always shows the page (printed label, position/count) and the zoom.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable

from PySide6.QtCore import QCoreApplication, QObject, QRectF, Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QImage, QKeySequence, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QLabel

from reader.errors import ReaderError
from reader.links import Link, contents_links, pdf_links

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow

HISTORY_LIMIT = 100
PRINT_DPI_LIMIT = 300
"""Pages are rendered for the printer at its resolution up to this; more only makes the job bigger."""


def _tr(text: str) -> str:
    return QCoreApplication.translate("ReadingAids", text)


class ReadingAids(QObject):
    """Links, jump history, printing and the status line of one main window."""

    def __init__(self, window: "MainWindow") -> None:
        super().__init__(window)
        self.window = window
        self.back_stack: list[tuple[int, float]] = []
        self.forward_stack: list[tuple[int, float]] = []
        self._contents: list[Link] = []
        self._page_links: dict[int, list[Link]] = {}
        self._moving = False
        self._printer: QPrinter | None = None
        view = window.view
        view.jumpStarted.connect(self._on_jump)
        view.linkClicked.connect(self._on_click)
        view.currentPageChanged.connect(self.show_status)
        view.zoomChanged.connect(self.show_status)
        window.documentOpened.connect(self._on_opened)
        window.documentClosed.connect(self._on_opened)
        window.compilationReady.connect(self._on_compilation)

        self.status_label = QLabel(window, objectName="pageZoomStatus")
        window.statusBar().addPermanentWidget(self.status_label)
        self.back_action = self._action(_tr("后退"), "Alt+Left", self.back, "actionBack")
        self.forward_action = self._action(_tr("前进"), "Alt+Right", self.forward, "actionForward")
        self.print_action = self._action(_tr("打印…"), QKeySequence.StandardKey.Print, self.print_dialog, "actionPrint")
        edit = window.menu("edit")
        edit.addSeparator()
        edit.addAction(self.back_action)
        edit.addAction(self.forward_action)
        file_menu = window.menu("file")
        quit_action = file_menu.actions()[-1] if file_menu.actions() else None
        file_menu.insertAction(quit_action, self.print_action)
        self._update_actions()

    def _action(self, text: str, shortcut: Any, slot, name: str) -> QAction:
        action = QAction(text, self.window, objectName=name)
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)  # also from a floating panel
        action.triggered.connect(slot)
        self.window.addAction(action)
        return action

    # ------------------------------------------------------------------ document
    def _on_opened(self, *_: Any) -> None:
        self.back_stack.clear()
        self.forward_stack.clear()
        self._contents = []
        self._page_links = {}
        self._update_actions()
        self.show_status()

    def _on_compilation(self, comp: Any) -> None:
        self._contents = contents_links(comp) if comp is not None else []

    def links_on(self, page: int) -> list[Link]:
        """The page's PDF links (read once), then 目录 lines of that page."""
        document = self.window.document
        if document is None:
            return []
        if page not in self._page_links:
            self._page_links[page] = pdf_links(document, page)
        return self._page_links[page] + [link for link in self._contents if link.page == page]

    def link_at(self, page: int, x: float, y: float) -> Link | None:
        return next((link for link in self.links_on(page) if link.contains(x, y)), None)

    def _on_click(self, page: int, x: float, y: float) -> None:
        link = self.link_at(page, x, y)
        if link is None:
            return
        if link.uri:
            QDesktopServices.openUrl(QUrl(link.uri))
            self.window.status(_tr("已在浏览器中打开：%1").replace("%1", link.uri))
            return
        rect = (0.0, link.target_y, 1.0, link.target_y + 1) if link.target_y is not None else None
        self.window.view.go_to(link.target_page, rect)

    # ------------------------------------------------------------------ history
    def _on_jump(self, page: int, offset: float) -> None:
        if self._moving or self.window.document is None:
            return
        place = (page, round(offset, 1))
        if self.back_stack and self.back_stack[-1] == place:
            return
        self.back_stack.append(place)
        del self.back_stack[:-HISTORY_LIMIT]
        self.forward_stack.clear()
        self._update_actions()

    def _move(self, source: list, target: list) -> None:
        if not source or self.window.document is None:
            return
        view = self.window.view
        target.append(view.reading_position())
        self._moving = True
        try:
            view.set_reading_position(*source.pop())
        finally:
            self._moving = False
        self._update_actions()

    def back(self) -> None:
        self._move(self.back_stack, self.forward_stack)

    def forward(self) -> None:
        self._move(self.forward_stack, self.back_stack)

    def _update_actions(self) -> None:
        self.back_action.setEnabled(bool(self.back_stack))
        self.forward_action.setEnabled(bool(self.forward_stack))

    # ------------------------------------------------------------------ status
    def show_status(self, *_: Any) -> None:
        document = self.window.document
        if document is None:
            self.status_label.setText("")
            return
        page = self.window.view.current_page()
        text = _tr("第 %1 页（%2/%3）").replace("%1", document.page_label(page)).replace(
            "%2", str(page + 1)).replace("%3", str(document.page_count))
        zoom = _tr("缩放 %1%").replace("%1", str(round(self.window.view.zoom() * 100)))
        self.status_label.setText(f"{text}  ·  {zoom}")

    # ------------------------------------------------------------------ printing
    def printer(self) -> QPrinter:
        """One printer for the session, so the next print starts from the last choices (made on first use)."""
        if self._printer is None:
            self._printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        return self._printer

    def print_dialog(self) -> None:
        if self.window.document is None:
            return
        printer = self.printer()
        dialog = QPrintDialog(printer, self.window)
        dialog.setWindowTitle(_tr("打印"))
        dialog.setMinMax(1, self.window.document.page_count)
        dialog.setOption(QPrintDialog.PrintDialogOption.PrintCurrentPage, True)
        self.last_print_dialog = dialog
        dialog.accepted.connect(lambda: self._print_chosen(printer))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.show()  # not exec(): the window keeps painting while the dialog is up

    def _print_chosen(self, printer: QPrinter) -> None:
        """Print off the GUI thread (QPainter may paint on a QPrinter in any thread), from a Document of its own."""
        document = self.window.document
        count = document.page_count
        mode = printer.printRange()
        if mode == QPrinter.PrintRange.PageRange:
            pages = range(max(printer.fromPage(), 1) - 1, min(printer.toPage(), count))
        elif mode == QPrinter.PrintRange.CurrentPage:
            pages = range(self.window.view.current_page(), self.window.view.current_page() + 1)
        else:
            pages = range(count)
        path, password = document.path, getattr(self.window, "_password", None)

        def work(progress) -> int:
            from reader.document import Document

            with Document.open(path, password=password) as own:  # the window may close its copy meanwhile
                return print_pages(own, printer, pages, progress)

        def done(printed: int) -> None:
            self.window.status(_tr("已发送 %1 页到打印机").replace("%1", str(printed)))

        self.window.run_in_background(work, done, progress_label=_tr("正在打印…"))


def print_pages(document: Any, printer: QPrinter, pages: range, progress: Callable[[int, int], None] | None = None) -> int:
    """Paint ``pages`` of ``document`` on ``printer``, each scaled to fit the printable area; the count printed."""
    painter = QPainter()
    if not painter.begin(printer):
        raise ReaderError(_tr("无法开始打印 (cannot start printing)"))
    printed = 0
    try:
        dpi = min(printer.resolution(), PRINT_DPI_LIMIT)
        for number, page in enumerate(pages):
            if number:
                printer.newPage()
            image = document.render(page, dpi / 72.0)
            qimage = QImage(image.samples, image.width, image.height, image.stride, QImage.Format.Format_RGB888)
            area = painter.viewport()
            scale = min(area.width() / qimage.width(), area.height() / qimage.height())
            width, height = qimage.width() * scale, qimage.height() * scale
            target = QRectF((area.width() - width) / 2, (area.height() - height) / 2, width, height)
            painter.drawImage(target, qimage)
            printed += 1
            if progress:
                progress(printed, len(pages))
    finally:
        painter.end()
    return printed


def install(window: "MainWindow") -> ReadingAids:
    return ReadingAids(window)
