"""The store's local change counter, read: what a team sync must look at since its last push.

A mixin of :class:`reader.annotations.store.AnnotationStore`. The counter itself is kept by
SQLite triggers (schema step 2: one ``changes`` row per annotation id or theme name with the
counter value of its last write), so every write path (the store's methods, an import, a
restore, another process) counts without remembering to.
"""

from __future__ import annotations

import sqlite3
import threading
from contextlib import closing
from pathlib import Path

from reader.annotations.model import Annotation, ChangeSet
from reader.annotations.schema import MIGRATIONS
from reader.sqlite_store import SQLiteFile

_FAR_ABOVE = 1 << 40  # above any counter a store reaches (one per write)


class ChangeLogMethods:
    """``changes_since`` over the triggers' ``changes`` table."""

    _lock: threading.RLock  # provided by the store
    _sqlite: SQLiteFile
    _db: sqlite3.Connection

    def _rows_to_annotations(self, db: sqlite3.Connection, rows: list[sqlite3.Row]) -> list[Annotation]:
        raise NotImplementedError  # provided by the store

    @staticmethod
    def _counter(db: sqlite3.Connection) -> int:
        """The counter's value now (inside the caller's transaction)."""
        return int(db.execute("SELECT COALESCE(MAX(seq), 0) FROM changes").fetchone()[0])

    def changes_since(self, counter: int) -> ChangeSet:
        """Annotations and themes written after ``counter`` (see :class:`ChangeSet`), in one snapshot.

        The counter is kept by triggers (schema step 2), so a sync reads what changed instead of
        every annotation of the library.
        """
        with self._lock, self._sqlite.transaction(self._db, immediate=False) as db:
            now = self._counter(db)
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


def continue_after_restore(replaced: Path, restored: Path) -> None:
    """Prepare a backup copy about to replace the store so the change counter stays truthful.

    A backup's counter is older than the store's: left as it is, the counter would run through
    values a team sync already covered, and later edits would go unseen. So every row of the
    restored copy is renumbered above the replaced store's highest value (everything restored
    counts as changed: the next sync compares it all), and the annotations of the replaced store
    that the backup lacks are recorded as deleted. A replaced store that cannot be read (the
    usual reason to restore) pushes the numbers far above anything it can have reached.
    """
    try:
        with closing(sqlite3.connect(f"{replaced.resolve().as_uri()}?mode=ro", uri=True)) as old:
            top = int(old.execute("SELECT COALESCE(MAX(seq), 0) FROM changes").fetchone()[0])
            ids = {r[0] for r in old.execute("SELECT id FROM annotations")}
    except sqlite3.Error:
        top, ids = _FAR_ABOVE, set()
    file = SQLiteFile(restored, ("批注数据库", "annotation store"), synchronous="FULL")
    try:
        with closing(sqlite3.connect(restored, isolation_level=None)) as db:
            file.migrate(db, MIGRATIONS)  # a backup from before the counter gets it first
            with file.transaction(db, immediate=True):
                db.execute("UPDATE changes SET seq = seq + ?", (top,))
                base = int(db.execute("SELECT COALESCE(MAX(seq), 0) FROM changes").fetchone()[0])
                gone = sorted(ids - {r[0] for r in db.execute("SELECT id FROM annotations")})
                db.executemany("INSERT OR REPLACE INTO changes VALUES ('annotation', ?, ?)",
                               [(ident, base + n) for n, ident in enumerate(gone, start=1)])
            db.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, as backups are
    except sqlite3.Error as exc:
        raise file.error(exc) from exc
