"""The annotation store: one SQLite file in the library folder, written at every user action.

Durability choices: WAL journal (readers never block the writer; a crash mid-write leaves the
last committed state), ``synchronous=FULL`` (each commit is fsynced, so even a power cut keeps
every action the user saw complete; with NORMAL a kill -9 would be safe too, but an OS crash could
drop the last commits — annotation writes are rare, so the fsync costs nothing noticeable),
foreign keys on, one ``BEGIN IMMEDIATE`` transaction per user action. Nothing is held only in
memory: every method commits before it returns. Opening, transactions, the numbered schema steps
(``schema.py``) and error messages come from :mod:`reader.sqlite_store`; a damaged file's message
points at the rolling backups (``backup.py``).
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from reader.fsnames import real_path, stored_path
from reader.annotations import backup as backups
from reader.annotations.change_log import ChangeLogMethods
from reader.annotations.model import DEFAULT_COLOR, Annotation, CounterSpan, Theme, now_iso
from reader.annotations.schema import MIGRATIONS
from reader.annotations.theme_store import ThemeMethods
from reader.annotations.themes import match_theme, name_key, normalize_color
from reader.errors import StorageError, UsageError
from reader.sqlite_store import PRIVATE_FILE_MODE, SQLiteFile

_ANCHOR_FIELDS = (
    "content_hash", "pdf", "page_index", "page_label", "quote", "prefix", "suffix", "document",
    "doc_number", "clause_label", "status", "sort_key", "start_offset", "end_offset", "text_length",
)
_EDITABLE = set(_ANCHOR_FIELDS) | {"note", "color", "rects", "clause_path", "themes"}
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_COLUMNS = (
    "id", "content_hash", "pdf", "page_index", "page_label", "rects", "quote", "prefix", "suffix", "note",
    "color", "document", "doc_number", "clause_label", "clause_path", "status", "created", "modified",
    "sort_key", "start_offset", "end_offset", "text_length",
)


class AnnotationStore(ThemeMethods, ChangeLogMethods):
    """Annotations and themes of one library. Thread-safe (one connection behind a lock)."""

    def __init__(self, path: str | os.PathLike[str], seed_defaults: bool = True, *,
                 backup_every: int | None = None, read_only: bool = False) -> None:
        """Open (or create) the store at ``path``; a damaged file is refused, never replaced.

        ``backup_every``: take a recent backup after this many changes and on close (the app and
        the CLI pass it through :func:`reader.annotations.service.open_store`; tests and tools that
        open a store directly leave it off). ``read_only``: open without writing anything (a
        library on a read-only disk can still be listed and exported); writes then raise.
        """
        self.path = Path(path)
        self.read_only = read_only
        self.problem: StorageError | None = None  # set on the stand-in for a damaged store
        self.backup_every = backup_every
        self._changes = 0  # committed changes since the last backup
        self._lock = threading.RLock()
        self._sqlite = SQLiteFile(
            self.path, ("批注数据库", "annotation store"), synchronous="FULL", foreign_keys=True,
            row_factory=sqlite3.Row, immediate=True, advice=self._backup_advice, read_only=read_only,
        )
        self._refuse_empty_file()
        if not read_only:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StorageError(f"批注数据库无法打开 (annotation store cannot be opened): {self.path}: {exc}",
                                   path=str(self.path)) from exc
        elif not self.path.exists():
            raise StorageError(f"资料库为只读，且还没有批注数据库 (the library is read-only and has no annotation "
                               f"store yet): {self.path}", path=str(self.path))
        existed = self.path.exists() and self.path.stat().st_size > 0  # an empty one was judged above
        if existed:
            self._sqlite.check_sound()  # before SQLite opens it (see check_sound on POSIX locks)
        self._db = self._sqlite.open(check_same_thread=False)
        try:
            if existed:
                self._sqlite.check_integrity(self._db)
            self._sqlite.migrate(self._db, MIGRATIONS)
            if seed_defaults and not read_only:
                self._seed_themes()
                self._changes = 0  # seeding is not the user's work
        except BaseException:
            self._db.close()
            raise

    @classmethod
    def unavailable(cls, problem: StorageError) -> "AnnotationStore":
        """An empty stand-in (in memory) that refuses every change with ``problem``'s message.

        What the app works with while the real store is damaged and the user has not restored a
        backup yet: every panel can still ask for annotations and themes (there are none) without
        an exception in a paint or resize handler, and nothing is ever written to the damaged file.
        """
        stand_in = cls(":memory:", seed_defaults=False)
        stand_in.read_only = True
        stand_in.problem = problem
        return stand_in

    # ------------------------------------------------------------------ plumbing
    def _refuse_empty_file(self) -> None:
        """A zero-length store is damaged when there is anything it could have held (a backup, a journal).

        With neither, it is a store whose creation was interrupted before its first commit: nothing
        can be lost by starting it afresh, and refusing would leave a new user stuck.
        """
        try:
            empty = self.path.stat().st_size == 0
        except OSError:
            return
        wal = self.path.with_name(self.path.name + "-wal")
        if empty and (backups.list_backups(self.path) or (wal.exists() and wal.stat().st_size > 0)):
            self._sqlite.check_sound()  # raises the damaged-store error naming the backup

    def _backup_advice(self) -> str:
        """Where the user's annotations are safe when this file is damaged (it is left untouched)."""
        return backups.damage_advice(self.path)

    def backup_to(self, target: str | os.PathLike[str]) -> None:
        """Write a consistent snapshot of the committed state to ``target`` (SQLite's online backup).

        The copy uses a rollback journal, not WAL, so it is one self-contained file that opens
        read-only anywhere.
        """
        with self._lock, self._sqlite.guard():
            dest = sqlite3.connect(target)
            try:
                self._db.backup(dest)
                dest.execute("PRAGMA journal_mode=DELETE")
            finally:
                dest.close()
        try:
            os.chmod(target, PRIVATE_FILE_MODE)
        except OSError:
            pass

    def _changed(self) -> None:
        """Count a committed change; every ``backup_every`` changes, keep a recent backup."""
        self._changes += 1
        if self.backup_every and self._changes >= self.backup_every:
            self._recent_backup()

    def _recent_backup(self) -> None:
        try:
            backups.take_backup(self, recent=True)
        except StorageError:
            return  # a failed backup must not stop the user's work; the store itself is intact
        self._changes = 0

    def close(self) -> None:
        with self._lock:
            if self.backup_every and self._changes and not self.read_only:
                self._recent_backup()
            self._db.close()

    def __enter__(self) -> "AnnotationStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        """One user action = one BEGIN IMMEDIATE transaction, committed (and fsynced) before returning."""
        if self.problem is not None:
            raise StorageError(self.problem.message, path=self.problem.path)
        if self.read_only:
            raise StorageError(f"资料库为只读，不能修改批注 (the library is read-only; annotations cannot be "
                               f"changed): {self.path}", path=str(self.path))
        with self._lock:
            try:
                with self._sqlite.transaction(self._db) as db:
                    yield db
            except sqlite3.IntegrityError as exc:
                raise UsageError(f"数据冲突 (conflicting data): {exc}") from exc
            self._changed()

    def _read(self, sql: str, params: Iterable[Any] = ()) -> list[sqlite3.Row]:
        with self._lock, self._sqlite.guard():
            return self._db.execute(sql, tuple(params)).fetchall()

    # ------------------------------------------------------------------ annotations
    def _theme_lookup(self, db: sqlite3.Connection) -> Callable[[Iterable[str]], list[int]]:
        """Theme ids by name (Chinese or English, any case or width) for one transaction.

        The themes are read once, not once per annotation: a team sync writes tens of thousands of
        annotations in one call, and reading the themes for each was most of its time.
        """
        themes = self.themes()
        ids = {r[1]: r[0] for r in db.execute("SELECT id, name FROM themes")}
        found: dict[str, int] = {}

        def lookup(names: Iterable[str]) -> list[int]:
            out: list[int] = []
            for name in names:
                if name not in found:
                    theme = match_theme(themes, name)
                    if theme is None:
                        self.require_theme(name)  # raises the helpful error
                    found[name] = ids[theme.name]  # type: ignore[union-attr]
                if found[name] not in out:
                    out.append(found[name])
            return out

        return lookup

    def _write(self, db: sqlite3.Connection, ann: Annotation, replace: bool,
               lookup: Callable[[Iterable[str]], list[int]] | None = None) -> None:
        # the row field by field: dataclasses.asdict's deep copies cost more than the insert itself
        row = {c: getattr(ann, c) for c in _COLUMNS}
        row["rects"] = json.dumps({str(p): [list(r) for r in rs] for p, rs in ann.rects.items()})
        row["clause_path"] = json.dumps(list(ann.clause_path), ensure_ascii=False)
        row["color"] = normalize_color(row["color"], DEFAULT_COLOR)
        row["pdf"] = stored_path(row["pdf"] or "")  # a GBK file name kept exactly (see reader.fsnames)
        verb = "INSERT OR REPLACE" if replace else "INSERT"
        # a lone surrogate (a PDF glyph mapped to U+D800) cannot be stored as UTF-8: keep the rest
        values = [_LONE_SURROGATE.sub("\ufffd", v) if isinstance(v, str) else v for v in (row[c] for c in _COLUMNS)]
        db.execute(f"{verb} INTO annotations({','.join(_COLUMNS)}) VALUES ({','.join('?' * len(_COLUMNS))})", values)
        self._link(db, ann.id, ann.themes, lookup)

    def _link(self, db: sqlite3.Connection, annotation_id: str, names: Iterable[str],
              lookup: Callable[[Iterable[str]], list[int]] | None = None) -> None:
        theme_ids = (lookup or self._theme_lookup(db))(names)
        db.execute("DELETE FROM annotation_themes WHERE annotation_id=?", (annotation_id,))
        if theme_ids:
            db.executemany("INSERT INTO annotation_themes VALUES (?,?,?)",
                           [(annotation_id, tid, pos) for pos, tid in enumerate(theme_ids)])

    def add(self, annotation: Annotation) -> Annotation:
        """Store a new annotation (or re-store a deleted one, same id, for undo)."""
        if not annotation.quote.strip() and not annotation.rects:
            raise UsageError("批注没有内容 (an annotation needs a quote or rectangles)")
        with self._tx() as db:
            self._write(db, annotation, replace=False)
        return self.get(annotation.id)  # type: ignore[return-value]

    def put(self, annotation: Annotation) -> Annotation:
        """Insert or wholly replace (undo of an edit, migration, import)."""
        with self._tx() as db:
            self._write(db, annotation, replace=True)
        return self.get(annotation.id)  # type: ignore[return-value]

    def put_many(self, annotations: Iterable[Annotation]) -> int:
        count = 0
        with self._tx() as db:
            lookup = self._theme_lookup(db)
            for ann in annotations:
                self._write(db, ann, replace=True, lookup=lookup)
                count += 1
        return count

    def import_records(self, themes: Iterable[Theme], annotations: Iterable[Annotation]) -> dict[str, int]:
        """Merge themes (by name) and annotations (by id, the newer ``modified`` wins) in one transaction."""
        annotations = list(annotations)
        wanted = list(themes) + [Theme(name.strip(), color=a.color) for a in annotations for name in a.themes]
        added = 0
        with self._tx() as db:
            for theme in wanted:
                if match_theme(self.themes(), theme.name) is None:
                    added += self._insert_theme(db, theme, if_absent=True)
            current = {a.id: a for a in self._fetch(db, [a.id for a in annotations])}
            fresh = [a for a in annotations if a.id not in current or a.modified >= current[a.id].modified]
            lookup = self._theme_lookup(db)
            for ann in fresh:
                self._write(db, ann, replace=True, lookup=lookup)
        return {"themes_added": added, "annotations_imported": len(fresh),
                "annotations_skipped": len(annotations) - len(fresh)}

    def replace_many(self, put: Iterable[Annotation] = (), remove: Iterable[str] = ()) -> CounterSpan:
        """Write some annotations and delete others in one transaction (one undo/redo step, or
        what a team sync pulled); returns the change counter before and after it.

        Themes that no longer exist (deleted since) are dropped from the written annotations
        rather than failing the whole step.
        """
        known = self.themes()
        matched: dict[str, str | None] = {}  # theme name as written → the store's name (a sync writes 10⁵ rows)

        def existing(name: str) -> str | None:
            if name not in matched:
                theme = match_theme(known, name)
                matched[name] = theme.name if theme is not None else None
            return matched[name]

        with self._tx() as db:
            before = self._counter(db)
            db.executemany("DELETE FROM annotations WHERE id=?", [(i,) for i in remove])
            lookup = self._theme_lookup(db)
            for ann in put:
                themes = [t for t in map(existing, ann.themes) if t is not None]
                self._write(db, ann.copy(themes=themes) if themes != ann.themes else ann, replace=True, lookup=lookup)
            return CounterSpan(before, self._counter(db))

    def update(self, annotation_id: str, **changes: Any) -> Annotation:
        """Change a few fields of one annotation (note, themes, colour, anchor)."""
        unknown = set(changes) - _EDITABLE
        if unknown:
            raise ValueError(f"not editable: {sorted(unknown)}")
        current = self.get(annotation_id)
        if current is None:
            raise UsageError(f"没有这条批注 (no annotation with id {annotation_id!r})")
        updated = current.copy(**changes, modified=now_iso())
        return self.put(updated)

    def retag(self, ids: Iterable[str], add: Iterable[str] = (), remove: Iterable[str] = (),
              replace: list[str] | None = None) -> list[Annotation]:
        """Change the themes of many annotations in one action."""
        ids, add, remove = list(ids), list(add), {name_key(n) for n in remove}
        themes = self.themes()
        add_names = [self.require_theme(n).name for n in add]
        if replace is not None:
            replace = [self.require_theme(n).name for n in replace]
        remove_names = {t.name for t in themes if name_key(t.name) in remove or (t.name_en and name_key(t.name_en) in remove)}
        with self._tx() as db:
            for ann in self._fetch(db, ids):
                names = list(replace) if replace is not None else [n for n in ann.themes if n not in remove_names]
                names += [n for n in add_names if n not in names]
                self._link(db, ann.id, names)
                db.execute("UPDATE annotations SET modified=? WHERE id=?", (now_iso(), ann.id))
        return self.get_many(ids)

    def remove(self, annotation_id: str) -> Annotation | None:
        """Delete one annotation; returns it (so the caller can undo)."""
        removed = self.remove_many([annotation_id])
        return removed[0] if removed else None

    def remove_many(self, ids: Iterable[str]) -> list[Annotation]:
        ids = list(ids)
        with self._tx() as db:
            found = self._fetch(db, ids)
            db.executemany("DELETE FROM annotations WHERE id=?", [(a.id,) for a in found])
        return found

    def get(self, annotation_id: str) -> Annotation | None:
        found = self.get_many([annotation_id])
        return found[0] if found else None

    def get_many(self, ids: Iterable[str]) -> list[Annotation]:
        with self._lock, self._sqlite.guard():
            return self._fetch(self._db, list(ids))

    def resolve_id(self, prefix: str) -> str:
        """The full id for a unique id prefix (the CLI accepts short ids)."""
        rows = self._read("SELECT id FROM annotations WHERE id LIKE ? ESCAPE '\\' LIMIT 2",
                          (prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%",))
        if len(rows) != 1:
            raise UsageError(f"没有这条批注或编号不唯一 (no annotation, or ambiguous id): {prefix!r}")
        return rows[0][0]

    def list(self, content_hash: str | None = None, theme: str | None = None, text: str | None = None) -> list[Annotation]:
        """Annotations in reading order, optionally of one compilation, one theme, containing ``text``."""
        sql, params = "SELECT * FROM annotations", []
        where = []
        if content_hash:
            where.append("content_hash=?")
            params.append(content_hash)
        if theme:
            wanted = self.theme(theme)
            if wanted is None:
                return []
            where.append("id IN (SELECT annotation_id FROM annotation_themes JOIN themes ON themes.id=theme_id "
                         "WHERE themes.name=?)")
            params.append(wanted.name)
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY content_hash, sort_key, created"
        with self._lock, self._sqlite.guard():
            found = self._rows_to_annotations(self._db, self._read(sql, params))
        if text:
            key = name_key(text)
            found = [a for a in found if key in name_key(" ".join([a.quote, a.note, a.document, *a.themes]))]
        return found

    def content_hashes(self) -> list[str]:
        return [r[0] for r in self._read("SELECT DISTINCT content_hash FROM annotations")]

    def count_by_theme(self, content_hash: str | None = None) -> dict[str, int]:
        """How many annotations carry each theme (every theme listed, zero included)."""
        sql = ("SELECT themes.name, COUNT(a.id) FROM themes LEFT JOIN annotation_themes l ON l.theme_id=themes.id "
               "LEFT JOIN annotations a ON a.id=l.annotation_id" + (" AND a.content_hash=?" if content_hash else "")
               + " GROUP BY themes.id ORDER BY themes.position, themes.id")
        return {r[0]: r[1] for r in self._read(sql, [content_hash] if content_hash else [])}

    def set_pdf_path(self, content_hash: str, pdf: str) -> None:
        """Remember where a compilation now lives (it may have moved)."""
        with self._tx() as db:
            pdf = stored_path(pdf)
            db.execute("UPDATE annotations SET pdf=? WHERE content_hash=? AND pdf<>?", (pdf, content_hash, pdf))

    def _fetch(self, db: sqlite3.Connection, ids: list[str]) -> list[Annotation]:
        found: list[Annotation] = []
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            rows = db.execute(f"SELECT * FROM annotations WHERE id IN ({','.join('?' * len(chunk))})", chunk).fetchall()
            found += self._rows_to_annotations(db, rows)
        order = {i: n for n, i in enumerate(ids)}
        return sorted(found, key=lambda a: order.get(a.id, 0))

    def _rows_to_annotations(self, db: sqlite3.Connection, rows: list[sqlite3.Row]) -> list[Annotation]:
        """Records from rows, themes attached; kept lean because the review panel lists thousands."""
        if not rows:
            return []
        if len(rows) > 50:
            theme_rows = db.execute(
                "SELECT l.annotation_id, t.name, t.color FROM annotation_themes l JOIN themes t ON t.id=l.theme_id "
                "ORDER BY l.annotation_id, l.position").fetchall()
        else:
            theme_rows = db.execute(
                f"SELECT l.annotation_id, t.name, t.color FROM annotation_themes l JOIN themes t ON t.id=l.theme_id "
                f"WHERE l.annotation_id IN ({','.join('?' * len(rows))}) ORDER BY l.annotation_id, l.position",
                [r["id"] for r in rows]).fetchall()
        tags: dict[str, list[tuple[str, str]]] = {}
        for ann_id, name, color in theme_rows:
            tags.setdefault(ann_id, []).append((name, color))
        loads = json.loads
        known = Annotation.__dataclass_fields__
        keys = rows[0].keys()
        wanted = [k in known for k in keys]  # columns a later schema added are not record fields
        out = []
        for row in rows:
            data = {k: v for k, v, w in zip(keys, row, wanted) if w}
            data["rects"] = loads(data["rects"])
            data["pdf"] = real_path(data["pdf"] or "")
            path = data["clause_path"]
            data["clause_path"] = loads(path) if path != "[]" else []
            linked = tags.get(data["id"])
            if linked:
                data["themes"] = [name for name, _ in linked]
                data["color"] = linked[0][1]
            else:
                data["themes"] = []
            out.append(Annotation(**data))
        return out
