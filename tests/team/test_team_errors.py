"""Wrong password, unreachable server, a newer server schema: one clear line, and local work goes on."""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest

from tests.team.pgcluster import free_port
from tests.team.teamkit import Member, cli, compilation_pdf, make_team


@pytest.fixture(scope="module")
def pdf(tmp_path_factory) -> Path:
    return compilation_pdf(tmp_path_factory.mktemp("err-pdf"))


def test_wrong_password_is_refused_clearly(team_db, team_tag, tmp_path) -> None:
    (zhang,) = make_team(team_db, tmp_path, team_tag, ["张三"])
    wrong = zhang.url.replace(zhang.url.split(":")[2].split("@")[0], "not-the-password")
    stranger = Member("x", tmp_path / "stranger", wrong)
    code, _, err = stranger.try_run("team", "join", wrong, "--name", "x")
    assert code == 2 and "密码错误" in err and "wrong name or password" in err
    assert "not-the-password" not in err and "Traceback" not in err
    assert stranger.run("team", "status", "--json")["state"] == "not_joined"


def test_unreachable_server_keeps_local_work(team_db, team_tag, tmp_path, pdf, monkeypatch) -> None:
    (zhang,) = make_team(team_db, tmp_path, team_tag, ["张三"])
    nowhere = f"postgresql://{zhang.name}:pw@127.0.0.1:{free_port()}/team"
    monkeypatch.setenv("READER_TEAM_URL", nowhere)
    ann = zhang.add(pdf, "各省、自治区", "--note", "离线写的")  # local work goes on
    code, _, err = zhang.try_run("team", "sync")
    assert code == 2 and "无法连接团队库" in err and "cannot reach the team server" in err
    status = zhang.status()
    assert status["state"] == "offline" and status["pending"]["annotations"] == [ann["id"]]
    monkeypatch.delenv("READER_TEAM_URL")
    assert zhang.sync()["pushed"] == 1 and zhang.status()["state"] == "synced"


def test_newer_server_schema_is_refused(team_db, team_tag, tmp_path, pdf) -> None:
    (zhang,) = make_team(team_db, tmp_path, team_tag, ["张三"])
    with psycopg.connect(team_db, autocommit=True) as conn:
        conn.execute("UPDATE team_schema SET version = version + 1")
    ann = zhang.add(pdf, "各省、自治区")
    code, _, err = zhang.try_run("team", "sync")
    assert code == 2 and "newer version of this program" in err
    assert ann["id"] in zhang.annotations()
    code, _, err = cli("team", "init", team_db, "--library", str(tmp_path / "admin"))
    assert code == 2 and "newer version" in err


def test_not_a_member_and_not_a_team(pg_cluster, team_db, team_tag, tmp_path) -> None:
    code, _, err = cli("team", "join", pg_cluster.admin_url(), "--library", str(tmp_path / "a"))
    assert code == 2 and "team init" in err
    code, _, err = cli("team", "sync", "--library", str(tmp_path / "a"))
    assert code == 2 and "team join" in err
    code, _, err = cli("team", "join", "postgresql://[bad", "--library", str(tmp_path / "a"))
    assert code == 2 and err.startswith("错误 (error):")
