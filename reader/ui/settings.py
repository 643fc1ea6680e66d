"""What the app remembers between runs, in one INI file under ``reader.paths.config_dir()``.

Per document: last page and zoom, keyed by content hash (survives moves and renames) and also by
path (known immediately on open, before the hash is computed in the background).
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from reader import paths
from reader.fsnames import real_path, stored_path

MAX_RECENT = 10


def _path_key(path: str | Path) -> str:
    return "p_" + hashlib.sha1(os.fsencode(Path(path).resolve())).hexdigest()[:20]  # any name, GBK bytes too


class AppSettings:
    def __init__(self, file: Path | None = None) -> None:
        self.file = file or paths.config_dir() / "reader.ini"
        self.qsettings = QSettings(str(self.file), QSettings.Format.IniFormat)

    def sync(self) -> None:
        self.qsettings.sync()

    # ------------------------------------------------------------ language
    def language(self) -> str:
        return str(self.qsettings.value("ui/language", "zh"))

    def set_language(self, language: str) -> None:
        self.qsettings.setValue("ui/language", language)

    # ------------------------------------------------------------ window
    def window_state(self) -> tuple[QByteArray | None, QByteArray | None]:
        return self.qsettings.value("window/geometry"), self.qsettings.value("window/state")

    def set_window_state(self, geometry: QByteArray, state: QByteArray) -> None:
        self.qsettings.setValue("window/geometry", geometry)
        self.qsettings.setValue("window/state", state)

    # ------------------------------------------------------------ recent files
    def recent_files(self) -> list[str]:
        value = self.qsettings.value("recent/files", [])
        if isinstance(value, str):  # QSettings returns a lone entry as a plain string
            value = [value]
        return [real_path(str(item)) for item in value or []]

    def add_recent(self, path: str | Path) -> list[str]:
        path = stored_path(Path(path).resolve())  # a name that is not UTF-8 kept exactly (reader.fsnames)
        files = [path] + [stored_path(item) for item in self.recent_files() if stored_path(item) != path]
        self.qsettings.setValue("recent/files", files[:MAX_RECENT])
        return [real_path(item) for item in files[:MAX_RECENT]]

    def clear_recent(self) -> None:
        self.qsettings.remove("recent/files")

    # ------------------------------------------------------------ per document
    def reading_state(self, path: str | Path, content_hash: str | None = None) -> dict | None:
        """``{"page", "zoom", "fit"}`` last saved for this document, by hash first, then by path."""
        for key in ([f"h_{content_hash}"] if content_hash else []) + [_path_key(path)]:
            if self.qsettings.contains(f"documents/{key}/page"):
                fit = str(self.qsettings.value(f"documents/{key}/fit", ""))
                top = self.qsettings.value(f"documents/{key}/top", "")
                place = str(top).split(":") if top else []
                return {
                    "page": int(self.qsettings.value(f"documents/{key}/page", 0)),
                    "zoom": float(self.qsettings.value(f"documents/{key}/zoom", 1.0)),
                    "fit": fit or None,
                    # the exact scroll position: (page at the top of the view, points below its top)
                    "top": (int(place[0]), float(place[1])) if len(place) == 2 else None,
                }
        return None

    def set_reading_state(self, path: str | Path, content_hash: str | None, page: int, zoom: float,
                          fit: str | None, top: tuple[int, float] | None = None) -> None:
        for key in ([f"h_{content_hash}"] if content_hash else []) + [_path_key(path)]:
            if top is not None:
                self.qsettings.setValue(f"documents/{key}/top", f"{top[0]}:{top[1]:.1f}")
            self.qsettings.setValue(f"documents/{key}/page", page)
            self.qsettings.setValue(f"documents/{key}/zoom", round(zoom, 4))
            self.qsettings.setValue(f"documents/{key}/fit", fit or "")
