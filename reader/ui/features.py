"""Features that plug into the main window without editing it.

Each module listed here has ``install(window: MainWindow) -> None``. A module that is not
present is skipped, so pieces of the app can be developed and shipped independently.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow

FEATURE_MODULES = (
    "reader.ui.outline_panel",
    "reader.ui.search_panel",
    "reader.ui.annotation_controller",
    "reader.ui.review_panel",
    "reader.ui.export_dialog",
    "reader.ui.restore_dialog",
    "reader.ui.reading_aids",
)


def install_features(window: "MainWindow") -> list[str]:
    """Install every available feature; return the names installed."""
    installed = []
    for name in FEATURE_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:
                continue
            raise
        module.install(window)
        installed.append(name)
    return installed
