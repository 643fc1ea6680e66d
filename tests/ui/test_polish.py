"""What a user sees around the journeys: every menu entry in both languages, no shortcut clashes,
a window that fits a laptop, progress with cancel while the open document is indexed, the
language restart, and a reading position that survives a crash."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QProcess, QSettings, Qt, QTranslator
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMenu, QMessageBox

from reader.ui.main_window import MainWindow

REPO = Path(__file__).resolve().parents[2]
CJK = re.compile(r"[\u3400-\u9fff]")
LANGUAGE_NAMES = {"中文", "English"}


def _tool(name: str) -> str:
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if not found:
        pytest.skip(f"{name} is not installed (it comes with PySide6; run scripts/setup)")
    return found


def _menu_actions(menu: QMenu) -> list[QAction]:
    out = []
    for action in menu.actions():
        if action.isSeparator():
            continue
        out.append(action)
        if action.menu() is not None:
            out.extend(_menu_actions(action.menu()))
    return out


def _all_menu_actions(window: MainWindow) -> list[QAction]:
    actions = []
    for key in ("file", "edit", "view", "tools", "help"):
        actions.append(window.menu(key).menuAction())
        actions.extend(_menu_actions(window.menu(key)))
    return actions


@pytest.fixture
def english(tmp_path):
    qm = tmp_path / "reader_en.qm"
    sources = sorted(str(p) for p in (REPO / "resources" / "translations").glob("reader_en_*.ts"))
    subprocess.run([_tool("pyside6-lrelease"), *sources, "-qm", str(qm)], check=True, capture_output=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    app = QCoreApplication.instance()
    app.installTranslator(translator)
    yield
    app.removeTranslator(translator)


def test_every_menu_entry_and_panel_is_chinese_then_english(qtbot, english):
    window = MainWindow(background_analysis=False, language="en")
    qtbot.addWidget(window)
    untranslated = [a.text() for a in _all_menu_actions(window) if CJK.search(a.text()) and a.text() not in LANGUAGE_NAMES]
    docks = [d.windowTitle() for d in window.findChildren(QDockWidget) if CJK.search(d.windowTitle())]
    assert untranslated == [] and docks == []
    window.close()


def test_every_menu_entry_has_a_chinese_label(qtbot):
    window = MainWindow(background_analysis=False)
    qtbot.addWidget(window)
    actions = _all_menu_actions(window)
    assert len(actions) > 30
    missing = [a.text() for a in actions if not CJK.search(a.text()) and a.text() not in LANGUAGE_NAMES]
    assert missing == []
    assert all(CJK.search(d.windowTitle()) for d in window.findChildren(QDockWidget))
    window.close()


def test_no_two_actions_share_a_shortcut(qtbot):
    window = MainWindow(background_analysis=False)
    qtbot.addWidget(window)
    owners: dict[str, list[str]] = {}
    for action in set(window.findChildren(QAction)) | set(window.actions()) | set(window.view.actions()):
        if action.shortcutContext() == Qt.ShortcutContext.WidgetShortcut:
            continue  # only live while its own widget has the focus (e.g. Delete in the notes list)
        for key in {k.toString(QKeySequence.SequenceFormat.PortableText) for k in action.shortcuts()}:
            if key:
                owners.setdefault(key, []).append(action.text())
    clashes = {key: names for key, names in owners.items() if len(names) > 1}
    assert clashes == {}
    for expected in ("Ctrl+O", "Ctrl+F", "Ctrl+Shift+F", "F3", "Ctrl+H", "Ctrl+Z", "Ctrl+Shift+Z", "Ctrl+E"):
        assert expected in owners
    window.close()


def test_first_run_window_fills_the_screen_and_leaves_the_page_room(qtbot):
    window = MainWindow(background_analysis=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    free = window.screen().availableGeometry()
    assert free.width() - 40 <= window.width() <= free.width() and free.height() - 60 <= window.height() <= free.height()
    assert not window.findChild(QDockWidget, "searchDock").isVisible()  # out of the way until used
    window.resize(1366, 728)  # a laptop (the offscreen test screen is smaller)
    qtbot.wait(50)
    search, review = window.findChild(QDockWidget, "searchDock"), window.findChild(QDockWidget, "reviewDock")
    qtbot.keyClick(window.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(search.isVisible)
    assert review in window.tabifiedDockWidgets(search), "search and annotations share the right column"
    assert window.view.width() >= 0.5 * window.width()
    assert window.review_panel.empty_hint.isVisible() or not review.isVisible()
    assert window.search_panel.empty_hint.text() and window.outline_panel.empty_hint.text()
    window.close()


def test_indexing_the_open_document_shows_progress_with_cancel(qtbot, sample_pdf):
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.compilationReady, timeout=120000):
        assert window.open_pdf(sample_pdf)
    busy = window.busy
    assert busy.isVisible() and "索引" in busy.label.text(), "indexing shows in the status bar"
    assert busy.cancel_button.isVisible()
    job = window.search_indexing.jobs[0]
    qtbot.mouseClick(busy.cancel_button, Qt.MouseButton.LeftButton)
    assert job.cancelled
    qtbot.waitUntil(lambda: not window.search_indexing.jobs, timeout=60000)
    qtbot.waitUntil(lambda: not busy.isVisible(), timeout=15000)
    window.close()


def test_language_restart_reopens_at_the_same_page(qtbot, sample_pdf, monkeypatch):
    started = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QProcess, "startDetached", staticmethod(lambda program, args, *rest: started.append((program, args)) or True))
    window = MainWindow(background_analysis=False)
    qtbot.addWidget(window)
    window.show()
    window.open_pdf(sample_pdf)
    window.view.set_zoom(1.5)
    window.view.go_to(12)
    window.language_group.actions()[1].trigger()
    assert started, "the restart was started"
    program, args = started[0]
    assert program == sys.executable
    assert args[:2] == ["-m", "reader.ui.app"]  # pytest is not main.py: the module starts the app
    assert args[-5:] == [str(sample_pdf), "--page", "#13", "--lang", "en"]
    saved = window.settings.reading_state(sample_pdf)
    assert saved["page"] == 12 and saved["zoom"] == pytest.approx(1.5, rel=1e-3)
    assert not window.isVisible()


def test_reading_position_survives_a_killed_process(sample_pdf, tmp_path):
    """A real main.py, sent to page #31 from the command line, is killed with SIGKILL: the page is on disk."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", READER_CONFIG=str(tmp_path / "cfg"),
               READER_LIBRARY=str(tmp_path / "lib"))
    process = subprocess.Popen([sys.executable, str(REPO / "main.py"), str(sample_pdf), "--page", "#31"],
                               cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    ini = tmp_path / "cfg" / "reader.ini"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and process.poll() is None:
            if ini.exists() and "page=30" in ini.read_text(encoding="utf-8", errors="replace"):
                break
            time.sleep(0.2)
    finally:
        process.send_signal(signal.SIGKILL)
        _out, err = process.communicate(timeout=30)
    assert b"Ambiguous shortcut" not in err
    settings = QSettings(str(ini), QSettings.Format.IniFormat)
    pages = {settings.value(k) for k in settings.allKeys() if k.startswith("documents/") and k.endswith("/page")}
    assert pages == {"30"} or pages == {30}


def test_every_ui_string_has_a_finished_english_translation(tmp_path):
    """lupdate over all of reader/ui: each (context, source) is shipped in some .ts, translated."""
    import xml.etree.ElementTree as ET

    fresh = tmp_path / "all.ts"
    sources = sorted(str(p) for p in (REPO / "reader" / "ui").glob("*.py"))
    subprocess.run([_tool("pyside6-lupdate"), *sources, "-ts", str(fresh)], check=True, capture_output=True)
    wanted = {(c.findtext("name"), m.findtext("source")) for c in ET.parse(fresh).getroot().iter("context")
              for m in c.iter("message")}
    shipped = {}
    for ts in (REPO / "resources" / "translations").glob("reader_en_*.ts"):
        for context in ET.parse(ts).getroot().iter("context"):
            for message in context.iter("message"):
                node = message.find("translation")
                finished = node.get("type") is None and bool((node.text or "").strip() or list(node))
                shipped[(context.findtext("name"), message.findtext("source"))] = finished
    assert sorted(wanted - set(shipped)) == []
    assert sorted(key for key in wanted if not shipped[key]) == []
