"""Opening files: drag and drop, recent files, a remembered position that follows a moved file."""

from __future__ import annotations

import shutil

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from tests.builders import pdfs as build  # noqa: E402


def test_dropping_a_pdf_opens_it(make_window, qtbot, tmp_path):
    window = make_window()
    pdf = build.text_pdf(tmp_path / "dropped.pdf", pages=3)
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(pdf))])
    event = QDropEvent(QPointF(100, 100), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    qtbot.waitUntil(lambda: window.document is not None, timeout=15000)
    assert window.document.path == pdf and window.document.page_count == 3


def test_recent_files_menu_lists_opened_files_newest_first(make_window, tmp_path):
    window = make_window()
    first = build.text_pdf(tmp_path / "first.pdf")
    second = build.text_pdf(tmp_path / "second.pdf")
    window.open_pdf(first)
    window.open_pdf(second)
    window.open_pdf(first)
    window.recent_menu.aboutToShow.emit()
    names = [action.text() for action in window.recent_menu.actions() if action.text()]
    assert names[:2] == ["first.pdf", "second.pdf"]
    window.recent_menu.actions()[1].trigger()
    assert window.document.path == second


def test_position_follows_a_moved_file_by_content_hash(make_window, qtbot, tmp_path, monkeypatch):
    # Only the window itself: feature panels start their own background work on the file we move.
    original = build.text_pdf(tmp_path / "a.pdf", pages=12)
    window = make_window(background_analysis=True, features=False)
    window.open_pdf(original)
    qtbot.waitUntil(lambda: window.content_hash is not None, timeout=10000)
    window.view.go_to(7)
    window.close()

    moved = tmp_path / "elsewhere" / "renamed.pdf"
    moved.parent.mkdir()
    shutil.move(original, moved)
    again = make_window(background_analysis=True, features=False)
    again.open_pdf(moved)
    assert again.view.current_page() == 0                 # unknown path: starts at the top …
    qtbot.waitUntil(lambda: again.view.current_page() == 7, timeout=10000)   # … until the hash is known


def test_opening_the_open_document_again_only_moves_to_the_page(make_window, sample_pdf):
    window = make_window()
    window.open_pdf(sample_pdf)
    document = window.document
    opened = []
    window.documentOpened.connect(opened.append)
    assert window.open_pdf(sample_pdf, page="45")
    assert window.document is document and opened == []
    assert window.view.current_page() == document.page_labels.index("45")


def test_a_gbk_named_file_opens_is_named_readably_and_reopens_from_the_recent_list(make_window, qtbot, tmp_path):
    """A name of GBK bytes (a zip made on Windows): the window shows 政策汇编, records and reopens the exact file."""
    import os
    from pathlib import Path

    gbk = os.fsdecode(os.path.join(os.fsencode(tmp_path), "政策汇编".encode("gbk") + b".pdf"))
    os.replace(build.text_pdf(tmp_path / "made.pdf", pages=2), gbk)
    other = build.text_pdf(tmp_path / "other.pdf")
    window = make_window(background_analysis=True)
    assert window.open_pdf(gbk)
    assert window.windowTitle().startswith("政策汇编")
    qtbot.waitUntil(lambda: window.compilation is not None, timeout=60000)  # recorded and analysed in the background
    entry = window.library.find_by_path(gbk)
    assert entry is not None and entry.path == gbk and entry.content_hash == window.compilation.content_hash
    window.open_pdf(other)
    window.recent_menu.aboutToShow.emit()
    names = [action.text() for action in window.recent_menu.actions() if action.text()]
    assert names[:2] == ["other.pdf", "政策汇编.pdf"]
    window.recent_menu.actions()[1].trigger()
    assert window.document is not None and Path(window.document.path) == Path(gbk)
