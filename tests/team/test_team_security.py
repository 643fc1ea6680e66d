"""Passwords stay out of the library, and two teams share one PostgreSQL server without clashing."""

from __future__ import annotations

import stat
from pathlib import Path

import psycopg
import pytest

from reader.team import credentials
from reader.team.state import FILE_NAME
from tests.team.teamkit import Member, cli, compilation_pdf, make_team, ok


@pytest.fixture(scope="module")
def pdf(tmp_path_factory) -> Path:
    return compilation_pdf(tmp_path_factory.mktemp("security-pdf"))


def _password(url: str) -> str:
    return psycopg.conninfo.conninfo_to_dict(url)["password"]


def _library_bytes(library: Path) -> bytes:
    return b"".join(p.read_bytes() for p in library.iterdir() if p.name.startswith(FILE_NAME))


def test_the_password_lives_in_the_password_file_not_the_library(team_db, team_tag, tmp_path, pdf) -> None:
    zhang, li = make_team(team_db, tmp_path, team_tag, ["张三", "李四"])
    zhang.add(pdf, "各省、自治区", "--note", "同步一条")
    assert zhang.sync()["pushed"] == 1 and li.sync()["pulled"] == 1  # syncing works from the password file

    secret = _password(zhang.url)
    assert secret.encode() not in _library_bytes(zhang.library)
    assert _password(team_db).encode() not in _library_bytes(tmp_path / "admin")  # team init remembered the URL
    assert ok("team", "add-member", "王五", "--json", "--library", str(tmp_path / "admin"))["name"] == "王五"
    assert stat.S_IMODE(credentials.passfile().stat().st_mode) == 0o600
    assert secret in credentials.passfile().read_text(encoding="utf-8")
    status = zhang.status()
    assert status["state"] == "synced" and secret not in str(status)
    assert secret not in str(zhang.sync()) and secret not in str(zhang.join())

    zhang.run("team", "leave")
    assert secret not in credentials.passfile().read_text(encoding="utf-8")
    assert _password(li.url) in credentials.passfile().read_text(encoding="utf-8")  # 李四's login stays


def test_two_teams_on_one_server_each_have_their_own_zhang(pg_cluster, team_tag, tmp_path, pdf) -> None:
    first_db = pg_cluster.create_database(f"team_{team_tag}_a")
    second_db = pg_cluster.create_database(f"team_{team_tag}_b")
    (zhang_a,) = make_team(first_db, tmp_path / "a", "", ["张三"])
    (zhang_b,) = make_team(second_db, tmp_path / "b", "", ["张三"])  # the same name, another team
    assert zhang_a.role != zhang_b.role and _password(zhang_a.url) != _password(zhang_b.url)

    zhang_a.add(pdf, "各省、自治区", "--note", "甲队的批注")
    zhang_b.add(pdf, "自治区", "--note", "乙队的批注", page=0)
    zhang_a.sync(), zhang_b.sync()
    assert {a["note"] for a in zhang_a.annotations().values()} == {"甲队的批注"}
    assert {a["note"] for a in zhang_b.annotations().values()} == {"乙队的批注"}

    # Neither login reaches the other team's database.
    other = zhang_a.url.rsplit("/", 1)[0] + "/" + second_db.rsplit("/", 1)[1]
    with pytest.raises(psycopg.OperationalError, match="permission denied"):
        psycopg.connect(other).close()
    code, _, err = Member("张三", zhang_a.library).try_run("team", "join", other)
    assert code == 2 and "Traceback" not in err and _password(zhang_a.url) not in err

    code, _, err = cli("team", "add-member", "张三", "--library", str(tmp_path / "a" / "admin"))
    assert code == 2 and "already has this member" in err
