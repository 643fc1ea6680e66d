"""The administrator's side: create (or upgrade) a team library, add and list members.

A member is a PostgreSQL login role (``NAME@database``: roles are global to a server) with a
generated password, granted the team's group role; ``members`` maps the role to the name shown
to colleagues. The password is shown once (as the
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


def member_role(name: str, database: str) -> str:
    """The login role of member ``name`` of the team in ``database``.

    Roles are global to a PostgreSQL server while a team is one database, so the role carries
    the database, as PostgreSQL's own per-database user names did (``db_user_namespace``):
    张三 of two teams on one server are two roles, each with its own password.
    """
    return f"{name}@{database}"


def add_member(admin_url: str, name: str) -> dict:
    """A new member role with a fresh password; returns the URL the member joins with (password inside)."""
    name = name.strip()
    if not name or "@" in name:
        raise TeamError(f"成员名不能为空，也不能含 @ (a member name must not be empty nor contain @): {name!r}")
    password = secrets.token_urlsafe(18)
    with connect(admin_url, autocommit=True) as conn:
        schema.check(conn)
        group = schema.group_role(conn)
        database = conn.execute("SELECT current_database()").fetchone()[0]
        role = member_role(name, database)
        if len(role.encode("utf-8")) > 63:
            raise TeamError(f"成员名加团队库名须不超过 63 字节 (a member name plus the team database's name takes at "
                            f"most 63 bytes): {role!r}")
        with conn.transaction():
            if conn.execute("SELECT 1 FROM members WHERE role = %s OR display_name = %s", (role, name)).fetchone():
                raise TeamError(f"团队中已有此成员 (the team already has this member): {name}")
            if conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,)).fetchone():
                raise TeamError(f"服务器上已有同名数据库角色 (the server already has a database role of that name): "
                                f"{role}")
            conn.execute(sql.SQL("CREATE ROLE {} LOGIN PASSWORD {}").format(sql.Identifier(role),
                                                                            sql.Literal(password)))
            conn.execute(sql.SQL("GRANT {} TO {}").format(sql.Identifier(group), sql.Identifier(role)))
            conn.execute("INSERT INTO members(role, display_name) VALUES (%s, %s)", (role, name))
    return {"member": role, "name": name, "password": password, "url": member_url(admin_url, role, password)}


def members(conn) -> list[dict]:
    rows = conn.execute("SELECT role, display_name, added_at FROM members ORDER BY added_at, role").fetchall()
    return [{"role": r[0], "name": r[1], "added_at": r[2].isoformat()} for r in rows]
