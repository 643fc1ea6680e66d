"""Theme methods of the annotation store, kept apart so each module stays readable.

A mixin of :class:`reader.annotations.store.AnnotationStore`: it relies on the store's ``_tx``
(one ``BEGIN IMMEDIATE`` transaction per action) and ``_read``. Names match ignoring case and width
(``name_key``), in Chinese or English.
"""

from __future__ import annotations

import json
import sqlite3
from contextlib import AbstractContextManager
from typing import Any, Iterable

from reader.annotations.model import Theme, now_iso
from reader.annotations.themes import checked_new_name, default_themes, match_theme, normalize_color, require_match
from reader.errors import UsageError


class ThemeMethods:
    """Themes: list, look up, create (also safely from two processes at once), rename, merge, delete."""

    def _tx(self) -> AbstractContextManager[sqlite3.Connection]:  # provided by the store
        raise NotImplementedError

    def _read(self, sql: str, params: Iterable[Any] = ()) -> list[sqlite3.Row]:  # provided by the store
        raise NotImplementedError

    def _seed_themes(self) -> None:
        if self._read("SELECT 1 FROM meta WHERE key='themes_seeded'"):
            return
        with self._tx() as db:
            if db.execute("SELECT 1 FROM meta WHERE key='themes_seeded'").fetchone():
                return
            for theme in default_themes():
                self._insert_theme(db, theme)
            db.execute("INSERT INTO meta VALUES ('themes_seeded', ?)", (now_iso(),))

    # ------------------------------------------------------------------ themes
    def themes(self) -> list[Theme]:
        rows = self._read("SELECT * FROM themes ORDER BY position, id")
        return [Theme(r["name"], r["name_en"], r["color"], json.loads(r["keywords"])) for r in rows]

    def theme(self, name: str) -> Theme | None:
        """A theme by Chinese or English name, ignoring case and width."""
        return match_theme(self.themes(), name)

    def require_theme(self, name: str) -> Theme:
        return require_match(self.themes(), name)

    def _insert_theme(self, db: sqlite3.Connection, theme: Theme, if_absent: bool = False) -> bool:
        """Insert ``theme``; with ``if_absent`` a theme of that name already there is kept (returns False)."""
        position = db.execute("SELECT COALESCE(MAX(position), -1) + 1 FROM themes").fetchone()[0]
        cursor = db.execute(
            "INSERT INTO themes(name, name_en, color, keywords, position) VALUES (?,?,?,?,?)"
            + (" ON CONFLICT(name) DO NOTHING" if if_absent else ""),
            (theme.name.strip(), theme.name_en.strip(), normalize_color(theme.color), json.dumps(theme.keywords,
             ensure_ascii=False), position),
        )
        return cursor.rowcount == 1

    def ensure_theme(self, theme: Theme) -> tuple[Theme, bool]:
        """The theme named like ``theme`` (Chinese or English, any case or width), created if absent.

        Safe when two processes tag with the same new name at once: the check runs again inside
        the write transaction and the insert is ``ON CONFLICT DO NOTHING``, so both get the one
        theme and neither loses its annotation. Returns the theme and whether this call created it.
        """
        if not theme.name.strip():
            raise UsageError("主题名称不能为空 (a theme needs a name)")
        found = self.theme(theme.name)
        if found is not None:
            return found, False
        with self._tx() as db:
            if match_theme(self.themes(), theme.name) is not None:
                created = False
            else:
                created = self._insert_theme(db, theme, if_absent=True)
        return self.require_theme(theme.name), created

    def add_theme(self, theme: Theme) -> Theme:
        if not theme.name.strip():
            raise UsageError("主题名称不能为空 (a theme needs a name)")
        if self.theme(theme.name) or (theme.name_en and self.theme(theme.name_en)):
            raise UsageError(f"主题“{theme.name}”已存在 (theme {theme.name!r} already exists)")
        with self._tx() as db:
            self._insert_theme(db, theme)
        return self.require_theme(theme.name)

    def update_theme(self, name: str, *, new_name: str | None = None, name_en: str | None = None,
                     color: str | None = None, keywords: list[str] | None = None) -> Theme:
        """Rename, recolour or re-keyword a theme; its annotations follow (they link by id)."""
        theme = self.require_theme(name)
        new_name = checked_new_name(self.themes(), theme, new_name)
        with self._tx() as db:
            db.execute(
                "UPDATE themes SET name=COALESCE(?, name), name_en=COALESCE(?, name_en), color=COALESCE(?, color), "
                "keywords=COALESCE(?, keywords) WHERE name=?",
                (new_name, name_en, normalize_color(color) if color else None,
                 json.dumps(keywords, ensure_ascii=False) if keywords is not None else None, theme.name),
            )
            db.execute("UPDATE annotations SET modified=? WHERE id IN (SELECT annotation_id FROM annotation_themes "
                       "WHERE theme_id=(SELECT id FROM themes WHERE name=?))", (now_iso(), new_name or theme.name))
        return self.require_theme(new_name or theme.name)

    def merge_theme(self, source: str, target: str) -> int:
        """Retag every annotation of ``source`` with ``target`` and drop ``source``; returns how many were retagged."""
        src, dst = self.require_theme(source), self.require_theme(target)
        if src.name == dst.name:
            raise UsageError("不能把主题合并到自身 (cannot merge a theme into itself)")
        with self._tx() as db:
            src_id = db.execute("SELECT id FROM themes WHERE name=?", (src.name,)).fetchone()[0]
            dst_id = db.execute("SELECT id FROM themes WHERE name=?", (dst.name,)).fetchone()[0]
            ids = [r[0] for r in db.execute("SELECT annotation_id FROM annotation_themes WHERE theme_id=?", (src_id,))]
            db.execute("UPDATE OR IGNORE annotation_themes SET theme_id=? WHERE theme_id=?", (dst_id, src_id))
            db.execute("DELETE FROM themes WHERE id=?", (src_id,))  # cascades the duplicate links only
            db.executemany("UPDATE annotations SET modified=? WHERE id=?", [(now_iso(), i) for i in ids])
        return len(ids)

    def delete_theme(self, name: str) -> int:
        """Delete a theme; its annotations stay, untagged. Returns how many were untagged."""
        theme = self.require_theme(name)
        with self._tx() as db:
            theme_id = db.execute("SELECT id FROM themes WHERE name=?", (theme.name,)).fetchone()[0]
            ids = [r[0] for r in db.execute("SELECT annotation_id FROM annotation_themes WHERE theme_id=?", (theme_id,))]
            db.execute("DELETE FROM themes WHERE id=?", (theme_id,))
            db.executemany("UPDATE annotations SET modified=? WHERE id=?", [(now_iso(), i) for i in ids])
        return len(ids)
