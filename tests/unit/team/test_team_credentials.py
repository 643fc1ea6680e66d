"""Team passwords stay out of the library folder: libpq's password file in the config folder."""

from __future__ import annotations

import sqlite3
import stat

from reader.team import credentials
from reader.team.connection import redact
from reader.team.state import FILE_NAME, TeamState

URL = "postgresql://张三:s3cret%3Apw@db.example.org:6543/policy_team"


def _passfile_lines() -> list[str]:
    return credentials.passfile().read_text(encoding="utf-8").splitlines()


def test_remember_moves_the_password_to_a_private_password_file():
    stripped = credentials.remember(URL)
    assert "s3cret" not in stripped and not credentials.has_password(stripped)
    assert redact(stripped) == redact(URL) == "张三@db.example.org:6543/policy_team"
    assert _passfile_lines() == ["db.example.org:6543:policy_team:张三:s3cret\\:pw"]  # libpq's escaping
    assert stat.S_IMODE(credentials.passfile().stat().st_mode) == 0o600
    assert credentials.passfile_for(stripped) == str(credentials.passfile())
    assert credentials.passfile_for(URL) is None  # a URL with its password needs no file

    other = URL.replace("张三", "李四").replace("s3cret%3Apw", "other")
    credentials.remember(other)
    credentials.remember(URL.replace("s3cret%3Apw", "new"))  # a new password replaces the old line
    assert sorted(_passfile_lines()) == sorted(["db.example.org:6543:policy_team:张三:new",
                                                "db.example.org:6543:policy_team:李四:other"])
    credentials.forget(stripped)
    assert _passfile_lines() == ["db.example.org:6543:policy_team:李四:other"]
    assert credentials.passfile_for(stripped) is None


def test_an_old_bookkeeping_file_gives_up_its_passwords(tmp_path):
    """A team.sqlite3 written before passwords moved out: opening it moves them, no trace left."""
    root = tmp_path / "lib"
    state = TeamState(root)
    admin = "postgresql://postgres:admin-pw@127.0.0.1:5432/policy_team"
    with sqlite3.connect(state.path) as db:  # as the previous version left it
        db.execute("INSERT INTO meta VALUES ('url', ?), ('admin_url', ?)", (URL, admin))
        db.execute("DROP TABLE touched")
        db.execute("PRAGMA user_version = 1")
    db.close()

    state = TeamState(root)
    assert redact(state.get("url")) == redact(URL) and not credentials.has_password(state.get("url"))
    assert not credentials.has_password(state.get("admin_url"))
    assert sorted(_passfile_lines()) == sorted(["db.example.org:6543:policy_team:张三:s3cret\\:pw",
                                                "127.0.0.1:5432:policy_team:postgres:admin-pw"])
    for path in root.iterdir():  # the file, its log: no byte of either password
        if path.name.startswith(FILE_NAME):
            data = path.read_bytes()
            assert b"s3cret" not in data and b"admin-pw" not in data, path.name
