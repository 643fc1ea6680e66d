"""Noticing commits to an SQLite file made by any connection, in this process or another.

``PRAGMA data_version`` on a connection changes whenever *another* connection committed to the
file. A watcher keeps one idle read connection of its own, so every writer — the store in this
process, the CLI, a colleague's import — is "another connection". Reading the pragma costs
microseconds and takes no lock, so a window can poll it on a timer.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path


class DataVersionWatch:
    """``token()`` changes after every commit to ``path`` (None while the file does not exist)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._db: sqlite3.Connection | None = None
        self._lock = threading.Lock()

    def token(self) -> int | None:
        with self._lock:
            if self._db is None:
                if not self.path.exists():
                    return None
                try:
                    self._db = sqlite3.connect(f"{self.path.as_uri()}?mode=ro", uri=True, check_same_thread=False)
                except sqlite3.Error:
                    return None
            try:
                return int(self._db.execute("PRAGMA data_version").fetchone()[0])
            except sqlite3.Error:
                self._db.close()
                self._db = None
                return None

    def close(self) -> None:
        with self._lock:
            if self._db is not None:
                self._db.close()
                self._db = None
