"""A damaged annotation store opens the restore dialog (not an empty store); restoring brings the work back."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from reader.annotations import Annotation
from reader.annotations.service import open_store
from reader.library import Library
from tests.builders.annotations_pdfs import make_documents, typeset


@pytest.fixture(scope="module")
def pdf(tmp_path_factory):
    return typeset(tmp_path_factory.mktemp("pdf") / "c.pdf", make_documents(seed=4, documents=1, heads=2, subs=2))


def test_damaged_store_offers_backups_and_restores_them(qtbot, make_window, open_analysed, pdf, tmp_path) -> None:
    copy = Path(shutil.copy(pdf, tmp_path / "c.pdf"))
    library = Library()
    entry = library.add(copy)
    with open_store(library) as store:  # a morning's work, closed: a recent backup holds it
        for n in range(7):
            store.add(Annotation(entry.content_hash, 0, f"引文{n}", {0: [(10, 20 + n, 90, 30 + n)]}, themes=["氢能"]))
    for side in ("-wal", "-shm"):
        library.annotations_db.with_name(library.annotations_db.name + side).unlink(missing_ok=True)
    library.annotations_db.write_bytes(b"")  # then the disk lost the file's content

    win = make_window()
    open_analysed(win, copy)
    qtbot.waitUntil(lambda: getattr(win, "restore_dialog", None) is not None and win.restore_dialog.isVisible(),
                    timeout=15000)
    dialog = win.restore_dialog
    assert library.annotations_db.read_bytes() == b""  # nothing was written into the damaged store
    assert dialog.chosen() is not None and "7" in dialog.backup_list.currentItem().text()
    dialog.restore_button.click()
    controller = win.annotation_controller
    qtbot.waitUntil(lambda: len(controller.current) == 7, timeout=15000)
    assert sorted(a.quote for a in controller.store.list()) == [f"引文{n}" for n in range(7)]
    assert list(library.root.glob("annotations.replaced-*.sqlite3"))  # the damaged file was kept aside


def test_tools_menu_offers_restore(make_window) -> None:
    win = make_window()
    assert win.restore_action.text() == "从备份恢复批注…"
    assert win.restore_action in win.menu("tools").actions()


def test_read_only_library_says_so_in_the_window(make_window, tmp_path) -> None:
    import shutil as sh
    import subprocess

    library = Library()
    with open_store(library):
        pass
    tool = sh.which("chattr")
    if tool is None or subprocess.run([tool, "-R", "+i", str(library.root)], capture_output=True).returncode:
        pytest.skip("chattr +i is not available here; as root, chmod alone does not make a folder read-only")
    try:
        win = make_window()
        assert win.library.read_only
        assert "只读" in win.statusBar().currentMessage()
    finally:
        subprocess.run([tool, "-R", "-i", str(library.root)], capture_output=True)


def test_closing_the_window_leaves_a_backup_of_the_session(make_window, open_analysed, pdf, qtbot, tmp_path) -> None:
    from reader.annotations.backup import backup_infos

    win = make_window()
    comp = open_analysed(win, Path(shutil.copy(pdf, tmp_path / "c.pdf")))
    controller = win.annotation_controller
    qtbot.waitUntil(lambda: controller.loaded_hash == comp.content_hash, timeout=15000)
    controller.store.add(Annotation(comp.content_hash, 0, "本次会话的引文", {0: [(10, 20, 90, 30)]}))
    win.close()
    newest = backup_infos(win.library.annotations_db)[0]
    assert newest.recent and newest.annotations == 1
