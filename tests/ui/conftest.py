"""Window fixtures shared by the UI tests.

``make_window`` makes a shown ``MainWindow`` whose analysis the test drives (no background
thread, so nothing races the test), and ``open_analysed`` opens a PDF in it and then does what the
window's own background work does once a file is open: record it in the library, analyse it
(through the structure cache) and hand the compilation over, so every panel reacts as in the app.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterator

import pytest

from reader.document import Document
from reader.structure import Compilation, load_structure
from reader.ui.main_window import MainWindow


@pytest.fixture
def make_window(qtbot) -> Iterator[Callable[..., MainWindow]]:
    """``make_window(restore=False, size=(1100, 800), **MainWindow options)``: a new window, shown and exposed.

    Analysis is left to the test unless ``background_analysis=True`` is passed; ``restore=True``
    keeps the geometry the window restored from the settings. Every window is closed after the test.
    """
    made: list[MainWindow] = []

    def make(restore: bool = False, size: tuple[int, int] = (1100, 800), **kwargs) -> MainWindow:
        kwargs.setdefault("background_analysis", False)
        win = MainWindow(**kwargs)
        qtbot.addWidget(win)
        if not restore:  # a fixed size keeps figures independent of earlier runs
            win.resize(*size)
        win.show()
        qtbot.waitExposed(win)
        made.append(win)
        return win

    yield make
    for win in made:
        win.close()


def _deliver_compilation(win: MainWindow, path: Path) -> Compilation:
    """Record ``path`` (already open in ``win``) and hand over its compilation, as the app's background work does."""
    win.content_hash = win.library.add(path).content_hash
    with Document.open(path) as doc:
        comp = load_structure(doc, win.library.structure_cache_dir)
    win._on_analysed(win._open_generation, comp)  # what the background analysis does when it finishes
    return comp


@pytest.fixture
def open_analysed() -> Callable[[MainWindow, Path], Compilation]:
    """``open_analysed(win, path)``: open the PDF in the window and deliver its compilation."""

    def open_(win: MainWindow, path: Path) -> Compilation:
        assert win.open_pdf(path)
        return _deliver_compilation(win, Path(path))

    return open_


def answer_theme_picker(names: list[str], accept: bool = True) -> list:
    """Answer the next theme picker as a user does: click the rows so exactly ``names`` are ticked, then OK.

    Returns a list that receives the dialog once answered (so a test can check what it offered).
    """
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QApplication, QDialogButtonBox

    seen: list = []

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or dialog.objectName() != "themePicker":
            QTimer.singleShot(20, poll)
            return
        seen.append({"ticked": dialog.chosen(), "suggested": list(dialog.suggested)})
        for row in range(dialog.list.count()):
            item = dialog.list.item(row)
            wanted = item.data(Qt.ItemDataRole.UserRole) in names
            if (item.checkState() == Qt.CheckState.Checked) != wanted:
                dialog.list.itemClicked.emit(item)
        button = QDialogButtonBox.StandardButton.Ok if accept else QDialogButtonBox.StandardButton.Cancel
        dialog.findChild(QDialogButtonBox).button(button).click()
        dialog.parentWidget().window().activateWindow()

    QTimer.singleShot(0, poll)
    return seen
