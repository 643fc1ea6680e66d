"""Team passwords live in libpq's password file, never in the library folder.

A library folder is copied, backed up and shared with colleagues; a password inside
``team.sqlite3`` would travel with it. ``team join`` and ``team init`` therefore keep the URL
without its password and write the password to a password file in the user's config folder
(``pgpass``, the format of libpq's ``~/.pgpass``: ``host:port:database:user:password``, mode
0600), which libpq itself reads when :func:`reader.team.connection.connect` names it. The
file is the user's, not the library's: another library of the same user joined to the same team
finds the password there too, and ``psql`` can use it (``PGPASSFILE=…``).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import psycopg
from psycopg import conninfo

from reader.errors import StorageError
from reader.paths import config_dir

PASSFILE_NAME = "pgpass"
PRIVATE_MODE = 0o600
DEFAULT_HOST = "localhost"
DEFAULT_PORT = "5432"


def passfile() -> Path:
    return config_dir() / PASSFILE_NAME


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace(":", "\\:")


def _fields(line: str) -> list[str]:
    """A password-file line split on unescaped colons, escapes undone."""
    out, current, escaped = [], [], False
    for char in line:
        if escaped:
            current.append(char)
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == ":":
            out.append("".join(current))
            current = []
        else:
            current.append(char)
    out.append("".join(current))
    return out


def _key(params: dict) -> list[str]:
    """host, port, database, user as libpq matches them in the password file."""
    return [str(params.get("host") or DEFAULT_HOST), str(params.get("port") or DEFAULT_PORT),
            str(params.get("dbname") or params.get("user") or ""), str(params.get("user") or "")]


def _params(url: str) -> dict:
    try:
        return conninfo.conninfo_to_dict(url)
    except psycopg.ProgrammingError:
        return {}


def without_password(url: str) -> str:
    """``url`` as connection parameters without the password (what the library may keep)."""
    params = _params(url)
    if "password" not in params:
        return url
    params.pop("password")
    return conninfo.make_conninfo(**params)


def has_password(url: str) -> bool:
    return "password" in _params(url)


def _lines() -> list[str]:
    try:
        return passfile().read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return []
    except OSError as exc:
        raise StorageError(f"无法读取密码文件 (cannot read the password file): {passfile()}: {exc}") from exc


def _write(lines: list[str]) -> None:
    """Replace the file atomically, private from the first byte (libpq ignores a readable one)."""
    target = passfile()
    try:
        handle, temp = tempfile.mkstemp(prefix=".pgpass-", dir=target.parent)  # mkstemp creates it 0600
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write("".join(line + "\n" for line in lines))
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temp, PRIVATE_MODE)
        os.replace(temp, target)
    except OSError as exc:
        raise StorageError(f"无法写入密码文件 (cannot write the password file): {target}: {exc}") from exc


def remember(url: str) -> str:
    """Move ``url``'s password into the password file; returns the URL without it."""
    params = _params(url)
    password = params.get("password")
    if password is None:
        return url
    key = _key(params)
    kept = [line for line in _lines() if _fields(line)[:4] != key]
    _write(kept + [":".join(_escape(v) for v in [*key, str(password)])])
    return without_password(url)


def forget(url: str) -> None:
    """Remove the password of ``url``'s login from the password file (``team leave``)."""
    key = _key(_params(url))
    lines = _lines()
    kept = [line for line in lines if _fields(line)[:4] != key]
    if kept != lines:
        _write(kept)


def passfile_for(url: str) -> str | None:
    """The password file to hand libpq for ``url``: ours when it holds this login's password."""
    params = _params(url)
    if "password" in params or not params:
        return None
    key = _key(params)
    return str(passfile()) if any(_fields(line)[:4] == key for line in _lines()) else None
