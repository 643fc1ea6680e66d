"""The SQLite annotation store as the Workspace's first AnnotationRepository.

It adds to :class:`AnnotationStore` only what the Workspace needs on top: a change token that
also sees writes by other processes (``PRAGMA data_version`` on a connection of its own).
"""

from __future__ import annotations

import os

from reader.annotations.store import AnnotationStore
from reader.sqlite_watch import DataVersionWatch


class SQLiteAnnotationRepository(AnnotationStore):
    """The library's ``annotations.sqlite3``; thread-safe like the store it extends."""

    def __init__(self, path: str | os.PathLike[str], seed_defaults: bool = True, *,
                 backup_every: int | None = None, read_only: bool = False) -> None:
        super().__init__(path, seed_defaults=seed_defaults, backup_every=backup_every, read_only=read_only)
        self._watch = DataVersionWatch(self.path)

    def change_token(self) -> object:
        return self._watch.token()

    def close(self) -> None:
        self._watch.close()
        super().close()
