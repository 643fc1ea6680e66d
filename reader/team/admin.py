"""The administrator's side: create (or upgrade) a team library, add and list members.

A member is a PostgreSQL login role with a generated password, granted the team's group role;
``members`` maps the role to the name shown to colleagues. The password is shown once (as the
URL the member joins with) and never stored by the app on the admin's side.
"""

from __future__ import annotations

import secrets

from psycopg import sql

from reader.team import schema
from reader.team.connection import TeamError, connect, member_url


def init_team(admin_url: str) -> dict:
    """Create the schema, or bring it up to date; safe to run again."""
    with connect(admin_url, autocommit=True) as conn:
        before, after = schema.migrate(conn)
        dbname = conn.execute("SELECT current_database()").fetchone()[0]
    return {"database": dbname, "schema_version": after, "upgraded_from": before, "created": before == 0}


def add_member(admin_url: str, name: str) -> dict:
    """A new member role with a fresh password; returns the URL the member joins with (password inside)."""
    name = name.strip()
    if not name or len(name.encode("utf-8")) > 63:
        raise TeamError(f"成员名须为 1–63 字节 (a member name takes 1–63 bytes): {name!r}")
    password = secrets.token_urlsafe(18)
    with connect(admin_url, autocommit=True) as conn:
        schema.check(conn)
        group = schema.group_role(conn)
        with conn.transaction():
            if conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (name,)).fetchone():
                raise TeamError(f"已有同名成员或数据库角色 (a member or database role of that name exists): {name}")
            conn.execute(sql.SQL("CREATE ROLE {} LOGIN PASSWORD {}").format(sql.Identifier(name),
                                                                            sql.Literal(password)))
            conn.execute(sql.SQL("GRANT {} TO {}").format(sql.Identifier(group), sql.Identifier(name)))
            conn.execute("INSERT INTO members(role, display_name) VALUES (%s, %s)", (name, name))
    return {"member": name, "password": password, "url": member_url(admin_url, name, password)}


def members(conn) -> list[dict]:
    rows = conn.execute("SELECT role, display_name, added_at FROM members ORDER BY added_at, role").fetchall()
    return [{"role": r[0], "name": r[1], "added_at": r[2].isoformat()} for r in rows]
