"""This library's side of the team library: a small SQLite file of its own (``team.sqlite3``).

Kept apart from the annotation store's schema on purpose: the store stays the working copy and is
read and written only through its public methods; this file holds what syncing needs beside it:
- ``meta``: the team URL (without its password: that is in the user's password file, see
  ``credentials.py``), the member's role and shown name, the team's members (role → name), the
  last library version pulled (``last_version``) and the store's change counter the last push
  covered (``local_counter``: see ``local_view.py``);
- ``shadow``: every annotation as last seen on the server (the base of a three-way merge: a local
  record that differs from its shadow is a pending change; a shadow without a local record is a
  pending deletion), and ``shadow_themes`` likewise for the team's themes;
- ``sharing``: author and visibility (team/private) of each annotation, also in a library that
  has no team yet (``annotations add --private``);
- ``conflicts``: edits that could not be merged field by field, both versions kept;
- ``touched``: annotations whose visibility changed (the store does not see that) until synced.
"""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any, Iterable, Iterator

from reader.sqlite_store import SQLiteFile

FILE_NAME = "team.sqlite3"
VISIBILITY_TEAM = "team"
VISIBILITY_PRIVATE = "private"

def _move_passwords_out(db: sqlite3.Connection) -> None:
    """Older versions kept the member's and the administrator's URL with the password: move it to
    the user's password file (written before this step commits) and overwrite the freed pages."""
    from reader.team.credentials import remember

    db.execute("PRAGMA secure_delete = ON")
    for (key, value) in db.execute("SELECT key, value FROM meta WHERE key IN ('url', 'admin_url')").fetchall():
        stripped = remember(value)
        if stripped != value:
            db.execute("UPDATE meta SET value = ? WHERE key = ?", (stripped, key))


_MIGRATIONS = [
    [
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        "CREATE TABLE shadow (id TEXT PRIMARY KEY, record TEXT NOT NULL, version INTEGER NOT NULL)",
        "CREATE TABLE shadow_themes (name TEXT PRIMARY KEY, record TEXT NOT NULL)",
        "CREATE TABLE sharing (id TEXT PRIMARY KEY, author TEXT NOT NULL DEFAULT '', "
        "visibility TEXT NOT NULL DEFAULT 'team')",
        """CREATE TABLE conflicts (
               seq INTEGER PRIMARY KEY AUTOINCREMENT, annotation_id TEXT NOT NULL, field TEXT NOT NULL,
               mine TEXT, theirs TEXT, kept TEXT NOT NULL, at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
               resolved INTEGER NOT NULL DEFAULT 0)""",
    ],
    [
        # annotations whose visibility changed (a change the annotation store does not see)
        "CREATE TABLE touched (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL)",
    ],
    _move_passwords_out,
]


def _chunked(db: sqlite3.Connection, sql: str, ids: Iterable[str], size: int = 500) -> list[tuple]:
    """``sql`` (with one ``IN ({})``) run over ``ids`` in chunks (SQLite limits bound parameters)."""
    ids = list(dict.fromkeys(ids))
    rows: list[tuple] = []
    for start in range(0, len(ids), size):
        chunk = ids[start:start + size]
        rows += db.execute(sql.format(",".join("?" * len(chunk))), chunk).fetchall()
    return rows


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


class TeamState:
    """The sync bookkeeping of one library folder."""

    def __init__(self, library_root: str | Path) -> None:
        self.path = Path(library_root) / FILE_NAME
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._file = SQLiteFile(self.path, ("团队同步记录", "team sync records"), synchronous="FULL", immediate=True)
        with closing(self._file.open()) as db:
            before = int(db.execute("PRAGMA user_version").fetchone()[0])
            self._file.migrate(db, _MIGRATIONS)
            if 0 < before < len(_MIGRATIONS):  # an old file: no page of the old URLs stays in the log
                db.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def tx(self) -> Iterator[sqlite3.Connection]:
        """One transaction: everything written in it lands together or not at all."""
        return self._file.connect()  # type: ignore[return-value]

    # ------------------------------------------------------------------ meta
    def get(self, key: str, default: str | None = None) -> str | None:
        with self._file.connect(immediate=False) as db:
            row = db.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        return row[0] if row else default

    def set_meta(self, db: sqlite3.Connection, **values: str | int | None) -> None:
        for key, value in values.items():
            if value is None:
                db.execute("DELETE FROM meta WHERE key=?", (key,))
            else:
                db.execute("INSERT OR REPLACE INTO meta VALUES (?,?)", (key, str(value)))

    @property
    def joined(self) -> bool:
        return self.get("url") is not None

    @property
    def last_version(self) -> int:
        return int(self.get("last_version", "0") or 0)

    def members(self) -> dict[str, str]:
        """The team's roles → the names colleagues see (as of the last sync)."""
        return json.loads(self.get("members", "{}") or "{}")

    def put_members(self, rows: Iterable[tuple[str, str]]) -> None:
        with self.tx() as db:
            self.set_meta(db, members=_dumps(dict(rows)))

    @property
    def local_counter(self) -> int | None:
        """The store's change counter up to which local changes are synced; None: compare everything."""
        value = self.get("local_counter")
        return int(value) if value is not None else None

    # ------------------------------------------------------------------ shadow
    def shadows(self, ids: Iterable[str] | None = None) -> dict[str, dict]:
        """Shadows of ``ids`` (all of them when None: only a library's first sync needs that)."""
        with self._file.connect(immediate=False) as db:
            if ids is None:
                return {r[0]: json.loads(r[1]) for r in db.execute("SELECT id, record FROM shadow")}
            return {r[0]: json.loads(r[1]) for r in _chunked(db, "SELECT id, record FROM shadow WHERE id IN ({})", ids)}

    def shadow_ids(self) -> set[str]:
        with self._file.connect(immediate=False) as db:
            return {r[0] for r in db.execute("SELECT id FROM shadow")}

    def shadow_themes(self) -> dict[str, dict]:
        with self._file.connect(immediate=False) as db:
            return {r[0]: json.loads(r[1]) for r in db.execute("SELECT name, record FROM shadow_themes")}

    @staticmethod
    def put_shadows(db: sqlite3.Connection, records: Iterable[tuple[str, dict, int]]) -> None:
        db.executemany("INSERT OR REPLACE INTO shadow VALUES (?,?,?)",
                       [(i, _dumps(r), v) for i, r, v in records])

    @staticmethod
    def drop_shadows(db: sqlite3.Connection, ids: Iterable[str]) -> None:
        db.executemany("DELETE FROM shadow WHERE id=?", [(i,) for i in ids])

    @staticmethod
    def put_shadow_themes(db: sqlite3.Connection, records: dict[str, dict | None]) -> None:
        for name, record in records.items():
            if record is None:
                db.execute("DELETE FROM shadow_themes WHERE name=?", (name,))
            else:
                db.execute("INSERT OR REPLACE INTO shadow_themes VALUES (?,?)", (name, _dumps(record)))

    # ------------------------------------------------------------------ sharing
    def sharing(self, ids: Iterable[str] | None = None) -> dict[str, tuple[str, str]]:
        """id → (author, visibility) of ``ids`` (or all); an id not listed is the user's own, shared with the team."""
        with self._file.connect(immediate=False) as db:
            if ids is None:
                rows = db.execute("SELECT id, author, visibility FROM sharing").fetchall()
            else:
                rows = _chunked(db, "SELECT id, author, visibility FROM sharing WHERE id IN ({})", ids)
            return {r[0]: (r[1], r[2]) for r in rows}

    def set_visibility(self, annotation_id: str, visibility: str) -> None:
        """Mark an annotation team or private; the next sync sends it even though the store did not change."""
        with self._file.connect() as db:
            db.execute("INSERT INTO sharing(id, visibility) VALUES (?,?) "
                       "ON CONFLICT(id) DO UPDATE SET visibility=excluded.visibility", (annotation_id, visibility))
            db.execute("INSERT INTO touched(id) VALUES (?)", (annotation_id,))

    def touched(self) -> tuple[int, list[str]]:
        """(last mark, ids) of annotations whose visibility changed since they were last synced."""
        with self._file.connect(immediate=False) as db:
            rows = db.execute("SELECT seq, id FROM touched").fetchall()
        return max((r[0] for r in rows), default=0), sorted({r[1] for r in rows})

    @staticmethod
    def clear_touched(db: sqlite3.Connection, upto: int) -> None:
        db.execute("DELETE FROM touched WHERE seq <= ?", (upto,))

    @staticmethod
    def put_sharing(db: sqlite3.Connection, rows: Iterable[tuple[str, str, str]]) -> None:
        db.executemany("INSERT OR REPLACE INTO sharing VALUES (?,?,?)", list(rows))

    # ------------------------------------------------------------------ conflicts
    @staticmethod
    def add_conflict(db: sqlite3.Connection, annotation_id: str, field: str, mine: Any, theirs: Any, kept: str) -> None:
        db.execute("INSERT INTO conflicts(annotation_id, field, mine, theirs, kept) VALUES (?,?,?,?,?)",
                   (annotation_id, field, _dumps(mine), _dumps(theirs), kept))

    def conflicts(self, include_resolved: bool = False) -> list[dict]:
        with self._file.connect(immediate=False) as db:
            rows = db.execute("SELECT seq, annotation_id, field, mine, theirs, kept, at, resolved FROM conflicts"
                              + ("" if include_resolved else " WHERE resolved = 0") + " ORDER BY seq").fetchall()
        return [{"conflict": r[0], "id": r[1], "field": r[2], "mine": json.loads(r[3]), "theirs": json.loads(r[4]),
                 "kept": r[5], "at": r[6], "resolved": bool(r[7])} for r in rows]

    def resolve_conflicts(self, seqs: Iterable[int] | None = None) -> int:
        with self._file.connect() as db:
            if seqs is None:
                return db.execute("UPDATE conflicts SET resolved=1 WHERE resolved=0").rowcount
            return sum(db.execute("UPDATE conflicts SET resolved=1 WHERE seq=?", (s,)).rowcount for s in seqs)

    def leave(self) -> None:
        """Forget the team (URL, versions, shadows, conflicts); keep sharing marks (private stays private)."""
        with self._file.connect() as db:
            for table in ("meta", "shadow", "shadow_themes", "conflicts", "touched"):
                db.execute(f"DELETE FROM {table}")
