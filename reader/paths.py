"""Where the user's data lives.

Tests and benchmarks pass ``--library DIR`` or set ``READER_LIBRARY`` so they never touch the
real library; the GUI and CLI use the same resolution so both see the same data.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "policy-reader"
LIBRARY_ENV = "READER_LIBRARY"


def library_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The library folder: ``override`` > ``$READER_LIBRARY`` > the platform's user data dir. Created if absent."""
    if override:
        root = Path(override)
    elif os.environ.get(LIBRARY_ENV):
        root = Path(os.environ[LIBRARY_ENV])
    else:
        root = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    root = root.expanduser()
    root.mkdir(parents=True, exist_ok=True)
    return root


def config_dir() -> Path:
    """Settings that belong to the machine's user, not to a library (window state, language)."""
    override = os.environ.get("READER_CONFIG")
    root = Path(override) if override else Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))
    root.mkdir(parents=True, exist_ok=True)
    return root


def resources_dir() -> Path:
    """The shipped ``resources/`` folder (translations, themes, jieba dictionary, icons)."""
    return Path(__file__).resolve().parent.parent / "resources"
