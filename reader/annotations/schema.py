"""The annotation database's schema as numbered migration steps (``PRAGMA user_version``).

Each step runs inside the one transaction that also bumps ``user_version``, so an upgrade
either completes or leaves the file exactly as it was (calibre's approach); the runner is
:meth:`reader.sqlite_store.SQLiteFile.migrate`, shared with the library and the index. Append
steps; never edit a released one.
"""

from __future__ import annotations

from reader.sqlite_store import MigrationStep

MIGRATIONS: list[MigrationStep] = [
    # 1: themes, annotations, theme links
    [
        """CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)""",
        """CREATE TABLE themes (
            id       INTEGER PRIMARY KEY,
            name     TEXT NOT NULL UNIQUE COLLATE NOCASE,
            name_en  TEXT NOT NULL DEFAULT '',
            color    TEXT NOT NULL,
            keywords TEXT NOT NULL DEFAULT '[]',
            position INTEGER NOT NULL DEFAULT 0
        )""",
        """CREATE TABLE annotations (
            id           TEXT PRIMARY KEY,
            content_hash TEXT NOT NULL,
            pdf          TEXT NOT NULL DEFAULT '',
            page_index   INTEGER NOT NULL,
            page_label   TEXT NOT NULL DEFAULT '',
            rects        TEXT NOT NULL DEFAULT '{}',
            quote        TEXT NOT NULL,
            prefix       TEXT NOT NULL DEFAULT '',
            suffix       TEXT NOT NULL DEFAULT '',
            note         TEXT NOT NULL DEFAULT '',
            color        TEXT NOT NULL,
            document     TEXT NOT NULL DEFAULT '',
            doc_number   TEXT NOT NULL DEFAULT '',
            clause_label TEXT NOT NULL DEFAULT '',
            clause_path  TEXT NOT NULL DEFAULT '[]',
            status       TEXT NOT NULL DEFAULT 'anchored',
            created      TEXT NOT NULL,
            modified     TEXT NOT NULL,
            sort_key     TEXT NOT NULL,
            start_offset INTEGER,
            end_offset   INTEGER,
            text_length  INTEGER
        )""",
        """CREATE INDEX annotations_hash ON annotations(content_hash, sort_key)""",
        """CREATE TABLE annotation_themes (
            annotation_id TEXT NOT NULL REFERENCES annotations(id) ON DELETE CASCADE,
            theme_id      INTEGER NOT NULL REFERENCES themes(id) ON DELETE CASCADE,
            position      INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (annotation_id, theme_id)
        )""",
        """CREATE INDEX annotation_themes_theme ON annotation_themes(theme_id)""",
    ],
    # 2: the local change counter (``changes_since``): one row per annotation id or theme name with
    # the counter value of its last write, kept by triggers so no write path can forget it. Rows of
    # deleted annotations stay (that is how a deletion is seen); existing rows start as changed.
    [
        """CREATE TABLE changes (
            kind TEXT NOT NULL,
            key  TEXT NOT NULL,
            seq  INTEGER NOT NULL,
            PRIMARY KEY (kind, key)
        ) WITHOUT ROWID""",
        """CREATE INDEX changes_seq ON changes(seq)""",
        *[f"""CREATE TRIGGER {name} AFTER {event} ON {table} BEGIN
            INSERT OR REPLACE INTO changes VALUES ('{kind}', {row}.{key},
                (SELECT COALESCE(MAX(seq), 0) + 1 FROM changes));
        END"""
          for name, event, table, kind, row, key in (
              ("annotations_inserted", "INSERT", "annotations", "annotation", "NEW", "id"),
              ("annotations_updated", "UPDATE", "annotations", "annotation", "NEW", "id"),
              ("annotations_deleted", "DELETE", "annotations", "annotation", "OLD", "id"),
              ("themes_inserted", "INSERT", "themes", "theme", "NEW", "name"),
              ("themes_updated", "UPDATE", "themes", "theme", "NEW", "name"),
              ("themes_renamed", "UPDATE OF name", "themes", "theme", "OLD", "name"),
              ("themes_deleted", "DELETE", "themes", "theme", "OLD", "name"),
          )],
        """INSERT INTO changes SELECT 'annotation', id, ROW_NUMBER() OVER (ORDER BY rowid) FROM annotations""",
        """INSERT INTO changes SELECT 'theme', name,
               (SELECT COUNT(*) FROM annotations) + ROW_NUMBER() OVER (ORDER BY id) FROM themes""",
    ],
]

SCHEMA_VERSION = len(MIGRATIONS)
