"""A search hit in a team compilation whose PDF is not on this laptop: offer to fetch it from the team.

The download runs off the GUI thread (``TeamPageIndex.fetch_pdf``: verified by content hash, added
to the library), then the page of the hit opens. Only a library joined to a team offers it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

if TYPE_CHECKING:
    from reader.index.search import PageHit
    from reader.ui.main_window import MainWindow


def offer(window: "MainWindow", hit: "PageHit", opened: Callable[[str], None]) -> bool:
    """Ask whether to download the hit's compilation; True when the question was asked (answered either way)."""
    workspace = window.workspace
    index = workspace.index if workspace is not None else None
    fetch = getattr(index, "fetch_pdf", None)
    if fetch is None:
        return False
    title = hit.compilation or hit.content_hash[:12]
    answer = QMessageBox.question(
        window,
        QCoreApplication.translate("TeamFetch", "从团队库下载"),
        QCoreApplication.translate("TeamFetch", "“%1”不在本机。从团队库下载这份汇编的 PDF 并打开？").replace("%1", title),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes)
    if answer != QMessageBox.StandardButton.Yes:
        return True
    label = QCoreApplication.translate("TeamFetch", "正在从团队库下载…")
    window.run_in_background(lambda: fetch(hit.content_hash), lambda result: opened(result["path"]),
                             window.show_error, label)
    return True
