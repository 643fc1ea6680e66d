"""Connecting to the team database, with failures turned into messages a user can act on.

A team is one PostgreSQL database; its URL (``postgresql://NAME:PASSWORD@HOST:PORT/DB``) comes
from the command line, ``$READER_TEAM_URL`` or what ``team join`` remembered. psycopg's own
errors (``OperationalError`` for a refused connection, a wrong password, a server shut down
mid-transaction) become a :class:`TeamError` / :class:`TeamOfflineError` naming the server but
never the password. A URL without a password finds it in the user's password file
(:mod:`reader.team.credentials`), where ``team join`` put it.
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from typing import Iterator
from urllib.parse import quote

import psycopg
from psycopg import conninfo

from reader.errors import ReaderError

ENV_URL = "READER_TEAM_URL"
CONNECT_TIMEOUT = 5  # seconds: an unreachable server must not freeze a sync for minutes


class TeamError(ReaderError):
    """The team library cannot do what was asked (bad URL, wrong password, schema mismatch …)."""

    code = "team"


class TeamOfflineError(TeamError):
    """The server cannot be reached now; local work goes on and the next sync catches up."""

    code = "team_offline"


def redact(url: str) -> str:
    """``url`` without its password, for messages."""
    try:
        params = conninfo.conninfo_to_dict(url)
    except psycopg.ProgrammingError:
        return "<无效地址 invalid URL>"
    host = params.get("host", "localhost")
    port = params.get("port", "5432")
    return f"{params.get('user', '')}@{host}:{port}/{params.get('dbname', '')}"


def member_url(admin_url: str, role: str, password: str) -> str:
    """The URL a member joins with: the admin URL's server and database, the member's role and password."""
    params = conninfo.conninfo_to_dict(admin_url)
    host = params.get("host", "localhost")
    port = params.get("port", "5432")
    return (f"postgresql://{quote(role, safe='')}:{quote(password, safe='')}@{host}:{port}/"
            f"{quote(str(params.get('dbname', '')), safe='')}")


def url_user(url: str) -> str:
    return str(conninfo.conninfo_to_dict(url).get("user") or "")


def resolve_url(given: str | None, remembered: str | None = None) -> str:
    """The URL to use: given on the command line, else ``$READER_TEAM_URL``, else the remembered one."""
    url = given or os.environ.get(ENV_URL) or remembered
    if not url:
        raise TeamError("没有团队库地址 (no team URL): 请给出 URL 或设置 READER_TEAM_URL "
                        "(give a URL or set READER_TEAM_URL), 或先运行 team join (or run team join first)")
    try:
        conninfo.conninfo_to_dict(url)
    except psycopg.ProgrammingError as exc:
        raise TeamError(f"团队库地址无效 (invalid team URL): {exc}") from exc
    return url


def translate(exc: psycopg.Error, url: str) -> TeamError:
    """A user-facing error for a psycopg failure talking to ``url``."""
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    where = redact(url)
    if "password authentication failed" in text or "no password supplied" in text:
        return TeamError(f"团队库拒绝登录：用户名或密码错误 (the team server refused the login: wrong name or "
                         f"password): {where}")
    if isinstance(exc, psycopg.errors.InsufficientPrivilege):
        return TeamError(f"团队库权限不足 (not allowed on the team server): {where}: {text}")
    if isinstance(exc, (psycopg.OperationalError, psycopg.errors.AdminShutdown, psycopg.InterfaceError)):
        return TeamOfflineError(f"无法连接团队库，本地工作不受影响，稍后再同步 (cannot reach the team server; local "
                                f"work goes on, sync later): {where}: {text}")
    return TeamError(f"团队库出错 (team server error): {where}: {text}")


@contextmanager
def connect(url: str, *, autocommit: bool = True) -> Iterator[psycopg.Connection]:
    """A connection to the team database; every psycopg failure inside the block becomes a TeamError.

    Autocommit by default: each unit of work opens its own ``conn.transaction()``, so a
    transaction begins exactly where the code says (and isolation levels can be set).
    """
    from reader.team.credentials import passfile_for

    extra = {}
    found = passfile_for(url)  # the password kept out of the library (credentials.py)
    if found:
        extra["passfile"] = found
    try:
        conn = psycopg.connect(url, autocommit=autocommit, connect_timeout=CONNECT_TIMEOUT,
                               application_name="policy-reader", **extra)
    except psycopg.Error as exc:
        raise translate(exc, url) from exc
    try:
        with conn:
            yield conn
    except psycopg.Error as exc:
        raise translate(exc, url) from exc
    finally:
        if not conn.closed:
            conn.close()
