"""The store's local change counter, read: what a team sync must look at since its last push.

A mixin of :class:`reader.annotations.store.AnnotationStore`. The counter itself is kept by
SQLite triggers (schema step 2: one ``changes`` row per annotation id or theme name with the
counter value of its last write), so every write path (the store's methods, an import, a
restore, another process) counts without remembering to.
"""

from __future__ import annotations

import sqlite3
import threading

from reader.annotations.model import Annotation, ChangeSet
from reader.sqlite_store import SQLiteFile


class ChangeLogMethods:
    """``changes_since`` over the triggers' ``changes`` table."""

    _lock: threading.RLock  # provided by the store
    _sqlite: SQLiteFile
    _db: sqlite3.Connection

    def _rows_to_annotations(self, db: sqlite3.Connection, rows: list[sqlite3.Row]) -> list[Annotation]:
        raise NotImplementedError  # provided by the store

    def changes_since(self, counter: int) -> ChangeSet:
        """Annotations and themes written after ``counter`` (see :class:`ChangeSet`), in one snapshot.

        The counter is kept by triggers (schema step 2), so a sync reads what changed instead of
        every annotation of the library.
        """
        with self._lock, self._sqlite.transaction(self._db, immediate=False) as db:
            now = int(db.execute("SELECT COALESCE(MAX(seq), 0) FROM changes").fetchone()[0])
            if now <= counter:
                return ChangeSet(now)
            rows = db.execute("SELECT a.* FROM changes c JOIN annotations a ON a.id = c.key "
                              "WHERE c.kind = 'annotation' AND c.seq > ?", (counter,)).fetchall()
            removed = [r[0] for r in db.execute(
                "SELECT key FROM changes c WHERE kind = 'annotation' AND seq > ? "
                "AND NOT EXISTS (SELECT 1 FROM annotations a WHERE a.id = c.key)", (counter,))]
            themes = [r[0] for r in db.execute("SELECT key FROM changes WHERE kind = 'theme' AND seq > ?", (counter,))]
            annotations = self._rows_to_annotations(db, rows)
        return ChangeSet(now, annotations, removed, themes)
