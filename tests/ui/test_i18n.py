"""Chinese by default, English from the compiled translations; the choice is remembered."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from reader.ui import i18n
from reader.ui.main_window import MainWindow
from reader.ui.settings import AppSettings

REPO = Path(__file__).resolve().parents[2]
MAIN_TS = REPO / "resources" / "translations" / "reader_en_main.ts"
UI_FILES = ["app.py", "main_window.py", "page_view.py", "thumbnails.py", "dialogs.py", "i18n.py",
            "window_actions.py", "operations.py", "settings.py"]


def _tool(name: str) -> str:
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if not found:
        pytest.skip(f"{name} is not installed (it comes with PySide6; run scripts/setup)")
    return found


def test_every_window_string_has_an_english_translation(tmp_path):
    fresh = tmp_path / "fresh.ts"
    subprocess.run([_tool("pyside6-lupdate"), *[str(REPO / "reader" / "ui" / f) for f in UI_FILES], "-ts", str(fresh)],
                   check=True, capture_output=True)
    wanted = {(c.findtext("name"), m.findtext("source")) for c in ET.parse(fresh).getroot() for m in c.iter("message")}
    shipped = {(c.findtext("name"), m.findtext("source")): m.find("translation")
               for c in ET.parse(MAIN_TS).getroot() for m in c.iter("message")}
    assert wanted - set(shipped) == set(), "run pyside6-lupdate and translate the new strings"
    unfinished = [key for key, node in shipped.items() if key in wanted and (node.get("type") or not node.text)]
    assert unfinished == []


def test_english_translator_translates_the_menus(qtbot, tmp_path):
    qm = tmp_path / "reader_en.qm"
    subprocess.run([_tool("pyside6-lrelease"), str(MAIN_TS), "-qm", str(qm)], check=True, capture_output=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    app = QCoreApplication.instance()
    app.installTranslator(translator)
    try:
        window = MainWindow(background_analysis=False)
        qtbot.addWidget(window)
        assert window.menu("file").title() == "&File"
        assert window.menu("view").title() == "&View"
        window.close()
    finally:
        app.removeTranslator(translator)
    window = MainWindow(background_analysis=False)
    qtbot.addWidget(window)
    assert window.menu("file").title() == "文件(&F)"      # Chinese is the source language
    window.close()


def test_language_choice_is_remembered_and_offers_a_restart_in_place(qtbot, monkeypatch, sample_pdf):
    offered = []
    monkeypatch.setattr(i18n, "offer_restart", lambda window, args: offered.append(args))
    window = MainWindow(background_analysis=False)
    qtbot.addWidget(window)
    window.open_pdf(sample_pdf)
    window.view.go_to(10)
    assert [a.text() for a in window.language_group.actions()] == ["中文", "English"]
    assert window.language_group.checkedAction().data() == "zh"
    window.language_group.actions()[1].trigger()
    assert AppSettings().language() == "en"
    assert offered == [[str(sample_pdf), "--page", "#11", "--lang", "en"]]   # reopens at the same page
    window.close()


def test_missing_translation_file_is_reported_not_fatal(qapp, monkeypatch, tmp_path):
    monkeypatch.setattr(i18n, "translations_dir", lambda: str(tmp_path))
    assert i18n.install_translators(qapp, "en") is False
    assert i18n.install_translators(qapp, "zh") is True
