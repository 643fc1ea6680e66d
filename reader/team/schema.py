"""The team database's schema, created and upgraded by the app in numbered steps (as the local store).

``team_schema.version`` counts the steps applied. The administrator's ``team init`` runs the
missing steps in one transaction under an advisory lock (two admins at once upgrade once); a
member's client only checks: a server newer than this program is refused with a clear message
(an older program must not write rows it does not understand), an older one asks for the admin.

Sharing model, enforced by PostgreSQL itself:
- every member is a login role, granted the team's group role ``<database>_members``;
- ``library.version`` is the one library version (Zotero's ``Last-Modified-Version``): every
  push bumps it once, conditional on the version the client last saw, and stamps its rows;
- ``annotations`` has row-level security keyed on ``current_user``: a private row is visible and
  writable only to its author; the author column is set from ``current_user`` and kept on update
  by a trigger, so nobody can write in another's name;
- ``tombstones`` records deletions (and a team annotation turned private) with their version;
- ``pages`` holds each shared compilation's page text, folded as the local index folds it, with a
  pg_trgm GIN index for terms of three or more characters and a GIN index on the page's character
  pairs (``grams``) for two-character terms, which trigrams cannot narrow (Chinese words are often
  two characters: 数据, 氢能).
"""

from __future__ import annotations

import psycopg
from psycopg import sql

from reader.team.connection import TeamError

#: Step n upgrades version n to n + 1. ``{group}`` is the team's group role (quoted identifier).
MIGRATIONS: list[list[str]] = [
    [
        "CREATE EXTENSION IF NOT EXISTS pg_trgm",
        """CREATE TABLE members (
               role text PRIMARY KEY,
               display_name text NOT NULL,
               added_at timestamptz NOT NULL DEFAULT now())""",
        """CREATE TABLE library (
               id int PRIMARY KEY CHECK (id = 1),
               version bigint NOT NULL)""",
        "INSERT INTO library VALUES (1, 0)",
        """CREATE TABLE compilations (
               content_hash text PRIMARY KEY,
               title text NOT NULL DEFAULT '',
               page_count int NOT NULL,
               page_labels jsonb NOT NULL DEFAULT '[]',
               documents jsonb NOT NULL DEFAULT '[]',
               pdf bytea,
               added_by text NOT NULL DEFAULT current_user,
               added_at timestamptz NOT NULL DEFAULT now())""",
        """CREATE TABLE pages (
               content_hash text NOT NULL REFERENCES compilations ON DELETE CASCADE,
               page_index int NOT NULL,
               label text NOT NULL DEFAULT '',
               text text NOT NULL,
               folded text NOT NULL,
               grams text[] NOT NULL DEFAULT '{{}}',
               PRIMARY KEY (content_hash, page_index))""",
        "CREATE INDEX pages_folded_trgm ON pages USING gin (folded gin_trgm_ops)",
        "CREATE INDEX pages_grams ON pages USING gin (grams)",
        """CREATE TABLE themes (
               name text PRIMARY KEY,
               record jsonb NOT NULL,
               deleted boolean NOT NULL DEFAULT false,
               version bigint NOT NULL,
               modified_by text NOT NULL DEFAULT current_user)""",
        "CREATE INDEX themes_version ON themes (version)",
        """CREATE TABLE annotations (
               id text PRIMARY KEY,
               content_hash text NOT NULL,
               page_index int NOT NULL,
               author text NOT NULL DEFAULT current_user,
               modified_by text NOT NULL DEFAULT current_user,
               visibility text NOT NULL DEFAULT 'team' CHECK (visibility IN ('team', 'private')),
               record jsonb NOT NULL,
               created text NOT NULL,
               modified text NOT NULL,
               version bigint NOT NULL)""",
        "CREATE INDEX annotations_version ON annotations (version)",
        "CREATE INDEX annotations_page ON annotations (content_hash, page_index)",
        """CREATE TABLE tombstones (
               id text PRIMARY KEY,
               version bigint NOT NULL,
               deleted_by text NOT NULL DEFAULT current_user)""",
        "CREATE INDEX tombstones_version ON tombstones (version)",
        """CREATE FUNCTION annotations_keep_author() RETURNS trigger LANGUAGE plpgsql AS $$
           BEGIN
               NEW.author := OLD.author;
               NEW.modified_by := current_user;
               RETURN NEW;
           END $$""",
        """CREATE TRIGGER annotations_keep_author BEFORE UPDATE ON annotations
               FOR EACH ROW EXECUTE FUNCTION annotations_keep_author()""",
        "ALTER TABLE annotations ENABLE ROW LEVEL SECURITY",
        """CREATE POLICY annotations_read ON annotations FOR SELECT
               USING (visibility = 'team' OR author = current_user)""",
        """CREATE POLICY annotations_insert ON annotations FOR INSERT
               WITH CHECK (author = current_user)""",
        """CREATE POLICY annotations_update ON annotations FOR UPDATE
               USING (visibility = 'team' OR author = current_user)
               WITH CHECK (visibility = 'team' OR author = current_user)""",
        """CREATE POLICY annotations_delete ON annotations FOR DELETE
               USING (visibility = 'team' OR author = current_user)""",
        "GRANT SELECT, UPDATE (display_name) ON members TO {group}",
        "GRANT SELECT, UPDATE ON library TO {group}",
        "GRANT SELECT, INSERT, UPDATE ON compilations, pages, themes, tombstones TO {group}",
        "GRANT SELECT, INSERT, UPDATE, DELETE ON annotations TO {group}",
        "GRANT SELECT ON team_schema TO {group}",
    ],
    # 2: team search answers exactly as the local index (reader.index): each page keeps the head
    # of the next page (a phrase across a page break) with its own length, whether it is a cover
    # or contents page, and the document it belongs to (filters without reading `documents`);
    # grams also hold single characters, so a one-character query is narrowed too.
    # Row layout for search (EXPLAIN ANALYZE over 84,000 pages): a search reads the folded text of
    # every candidate page and sorts the matches by hash, so the folded text stays in the row, as is
    # up to ~4 kB (else lz4 where the server has it: pglz decompression was most of a search's
    # time), and the short columns never move to the TOAST table (they did, one lookup per
    # comparison in the sort); the page's clean text and its grams go out of line first.
    [
        "ALTER TABLE pages SET (toast_tuple_target = 4080)",
        "ALTER TABLE pages ALTER COLUMN content_hash SET STORAGE MAIN",
        "ALTER TABLE pages ALTER COLUMN label SET STORAGE MAIN",
        "ALTER TABLE pages ALTER COLUMN folded SET STORAGE MAIN",
        """DO $$ BEGIN EXECUTE 'ALTER TABLE pages ALTER COLUMN folded SET COMPRESSION lz4';
           EXCEPTION WHEN OTHERS THEN NULL; END $$""",
        "ALTER TABLE pages ADD COLUMN own_len int",
        "UPDATE pages SET own_len = length(folded), folded = folded || ''",
        "ALTER TABLE pages ALTER COLUMN own_len SET NOT NULL",
        "ALTER TABLE pages ADD COLUMN front_matter boolean NOT NULL DEFAULT false",
        "ALTER TABLE pages ADD COLUMN document text NOT NULL DEFAULT ''",
        "ALTER TABLE pages ADD COLUMN document_index int NOT NULL DEFAULT -1",
        "ALTER TABLE pages ADD COLUMN doc_number text NOT NULL DEFAULT ''",
        "ALTER TABLE pages ADD COLUMN date text NOT NULL DEFAULT ''",
        "ALTER TABLE pages ADD COLUMN document_key text NOT NULL DEFAULT ''",
        "ALTER TABLE pages ALTER COLUMN document SET STORAGE MAIN, ALTER COLUMN doc_number SET STORAGE MAIN, "
        "ALTER COLUMN date SET STORAGE MAIN, ALTER COLUMN document_key SET STORAGE MAIN",
        """WITH d AS (
               SELECT DISTINCT ON (p.content_hash, p.page_index) p.content_hash, p.page_index, e.doc, e.ord
               FROM pages p JOIN compilations c USING (content_hash)
               CROSS JOIN LATERAL jsonb_array_elements(c.documents) WITH ORDINALITY AS e(doc, ord)
               WHERE p.page_index BETWEEN (e.doc->>'start_page')::int AND (e.doc->>'end_page')::int
               ORDER BY p.content_hash, p.page_index, e.ord)
           UPDATE pages p SET document = COALESCE(d.doc->>'title', ''), document_index = d.ord - 1,
               doc_number = COALESCE(d.doc->>'doc_number', ''), date = COALESCE(d.doc->>'date', ''),
               document_key = lower(replace(COALESCE(d.doc->>'title', ''), ' ', '')) || chr(31)
                              || lower(replace(COALESCE(d.doc->>'doc_number', ''), ' ', ''))
           FROM d WHERE d.content_hash = p.content_hash AND d.page_index = p.page_index""",
        """UPDATE pages SET grams = ARRAY(SELECT DISTINCT g FROM unnest(grams || regexp_split_to_array(folded, ''))
                                          AS g WHERE g <> '' ORDER BY 1)""",
        "ALTER TABLE compilations ADD COLUMN pdf_size bigint",
        "UPDATE compilations SET pdf_size = length(pdf) WHERE pdf IS NOT NULL",
    ],
]

SCHEMA_VERSION = len(MIGRATIONS)
_LOCK_KEY = 0x7EA31B  # advisory lock: one schema upgrade at a time


def group_role(conn: psycopg.Connection) -> str:
    """The team's group role: named after the database, since roles are global to a server."""
    dbname = conn.execute("SELECT current_database()").fetchone()[0]
    return f"{dbname}_members"


def _ensure_group(conn: psycopg.Connection, group: str) -> None:
    """Create the group role, or check that the existing one is this team's (never adopt a login).

    PostgreSQL cuts names at 63 bytes, so two long database names could share one cut group
    role name: refused instead. A role of that name that can log in is someone's account, not a
    group this program created: granting it the team's tables would let it read them.
    """
    if len(group.encode("utf-8")) > 63:
        raise TeamError(f"团队库的数据库名过长（最多 55 字节） (the team database's name is too long, at most 55 "
                        f"bytes): {group[:-len('_members')]}")
    row = conn.execute("SELECT rolcanlogin FROM pg_roles WHERE rolname = %s", (group,)).fetchone()
    if row is None:
        conn.execute(sql.SQL("CREATE ROLE {} NOLOGIN").format(sql.Identifier(group)))
    elif row[0]:
        raise TeamError(f"服务器上已有同名的登录角色，不能用作团队的成员组 (a login role of that name exists on the "
                        f"server; it cannot serve as the team's group): {group}")


def server_version(conn: psycopg.Connection) -> int | None:
    """The schema version on the server, or None when the database has no team schema."""
    exists = conn.execute("SELECT to_regclass('team_schema') IS NOT NULL").fetchone()[0]
    if not exists:
        return None
    return int(conn.execute("SELECT version FROM team_schema").fetchone()[0])


def migrate(conn: psycopg.Connection) -> tuple[int, int]:
    """Create or upgrade the schema (administrator); returns (version before, version after)."""
    group = group_role(conn)
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (_LOCK_KEY,))
        conn.execute("CREATE TABLE IF NOT EXISTS team_schema (version int NOT NULL)")
        if conn.execute("SELECT count(*) FROM team_schema").fetchone()[0] == 0:
            conn.execute("INSERT INTO team_schema VALUES (0)")
        before = int(conn.execute("SELECT version FROM team_schema").fetchone()[0])
        refuse_newer(before)
        _ensure_group(conn, group)
        # any role of the server may connect to a new database: only this team's members may
        database = sql.Identifier(conn.execute("SELECT current_database()").fetchone()[0])
        conn.execute(sql.SQL("REVOKE CONNECT ON DATABASE {} FROM PUBLIC").format(database))
        conn.execute(sql.SQL("GRANT CONNECT ON DATABASE {} TO {}").format(database, sql.Identifier(group)))
        for step in MIGRATIONS[before:]:
            for statement in step:
                conn.execute(sql.SQL(statement).format(group=sql.Identifier(group)))  # type: ignore[arg-type]
        conn.execute("UPDATE team_schema SET version = %s", (SCHEMA_VERSION,))
    return before, SCHEMA_VERSION


def refuse_newer(version: int) -> None:
    if version > SCHEMA_VERSION:
        raise TeamError(f"团队库由更新版本的程序创建，请升级本程序；本地工作不受影响 (the team database was made by a newer "
                        f"version of this program; please upgrade it; local work goes on): schema {version} > "
                        f"{SCHEMA_VERSION}")


def check(conn: psycopg.Connection) -> int:
    """A member's check before syncing: the schema exists and is the one this program writes."""
    version = server_version(conn)
    if version is None or version == 0:
        raise TeamError("该数据库还不是团队库，请管理员先运行 team init (this database is not a team library yet; "
                        "the administrator runs team init)")
    refuse_newer(version)
    if version < SCHEMA_VERSION:
        raise TeamError(f"团队库结构较旧，请管理员运行 team init 升级 (the team database's schema is older than this "
                        f"program's; the administrator runs team init to upgrade it): {version} < {SCHEMA_VERSION}")
    return version
