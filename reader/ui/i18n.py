"""Interface language: Simplified Chinese source strings, English from ``reader_en.qm``.

The choice comes from ``--lang``, else the remembered setting, else Chinese. Qt's own strings
(standard buttons, file dialogs) follow through Qt's shipped ``qtbase_*.qm``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QProcess, QTranslator
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from reader import paths

LANGUAGES = {"zh": "中文", "en": "English"}
_installed: list[QTranslator] = []


def translations_dir() -> str:
    return str(paths.resources_dir() / "translations")


def install_translators(app: QCoreApplication, language: str) -> bool:
    """Install translators for ``language``; returns False when its .qm file is missing (English not built)."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    ok = True
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_translator = QTranslator(app)
    if qt_translator.load(QLocale("zh_CN" if language == "zh" else "en_US"), "qtbase", "_", qt_dir):
        app.installTranslator(qt_translator)
        _installed.append(qt_translator)
    if language == "en":
        ours = QTranslator(app)
        ok = ours.load("reader_en", translations_dir())
        if ok:
            app.installTranslator(ours)
            _installed.append(ours)
    QLocale.setDefault(QLocale(QLocale.Language.Chinese if language == "zh" else QLocale.Language.English))
    return ok


def build_language_menu(menu: QMenu, window: QWidget, current: str, on_choose) -> QActionGroup:
    """语言 → 中文 / English: checkable entries calling ``on_choose(code)``."""
    group = QActionGroup(menu)
    group.setExclusive(True)
    for code, name in LANGUAGES.items():
        action = QAction(name, menu, checkable=True)
        action.setData(code)
        action.setChecked(code == current)
        action.triggered.connect(lambda _checked=False, c=code: on_choose(c))
        group.addAction(action)
        menu.addAction(action)
    return group


def offer_restart(window: QWidget, reopen_args: list[str]) -> bool:
    """Tell the user the language applies after a restart; restart now if they agree."""
    box = QMessageBox(QMessageBox.Icon.Information,
                      QCoreApplication.translate("i18n", "界面语言"),
                      QCoreApplication.translate("i18n", "界面语言将在重新启动后切换。现在重新启动吗？"),
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, window)
    if box.exec() != QMessageBox.StandardButton.Yes:
        return False
    program, args, folder = restart_command(reopen_args)
    QProcess.startDetached(program, args, folder)
    window.close()
    return True


def restart_command(reopen_args: list[str]) -> tuple[str, list[str], str]:
    """(program, arguments, working folder) that start this app again: ``main.py`` when that is
    what was run, else the ``reader.ui.app`` module from the folder that holds the package."""
    package_parent = str(Path(__file__).resolve().parents[2])
    script = Path(sys.argv[0]) if sys.argv else None
    if script is not None and script.name == "main.py" and script.exists():
        return sys.executable, [str(script.resolve())] + reopen_args, package_parent
    return sys.executable, ["-m", "reader.ui.app"] + reopen_args, package_parent
