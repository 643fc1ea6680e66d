"""The server stopped in the middle of a sync, and the syncing process SIGKILLed: nothing lost or
doubled, and the next sync finishes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import psycopg
import pytest

from reader.annotations.service import open_store
from reader.library import Library
from reader.team.connection import TeamOfflineError
from reader.team.sync import TeamSync
from tests.team.teamkit import comparable, compilation_pdf, make_team

HERE = Path(__file__).resolve().parent


@pytest.fixture(scope="module")
def pdf(tmp_path_factory) -> Path:
    return compilation_pdf(tmp_path_factory.mktemp("fault-pdf"))


def _bulk(member, pdf: Path, count: int, note: str) -> list[str]:
    """``count`` annotations made through the CLI once, then copied with new ids through the store."""
    first = member.add(pdf, "各省、自治区", "--note", f"{note} 0")
    with open_store(Library(member.library), backup=False) as store:
        base = store.get(first["id"])
        store.put_many(base.copy(id=f"{note}{i:04d}", note=f"{note} {i}") for i in range(1, count))
        return [a.id for a in store.list()]


def _server_ids(url: str) -> list[str]:
    with psycopg.connect(url, autocommit=True) as conn:
        return [r[0] for r in conn.execute("SELECT id FROM annotations ORDER BY id")]


@pytest.mark.parametrize("step", ["pulled", "pushing"])
def test_server_stopped_mid_sync(own_cluster, team_tag, tmp_path, pdf, step) -> None:
    team_db = own_cluster.create_database(f"team_{team_tag}")
    zhang, li = make_team(team_db, tmp_path, team_tag, ["张三", "李四"])
    li.add(pdf, "自治区", "--note", "李四先推")
    li.sync()
    ids = _bulk(zhang, pdf, 120, "z")

    library = Library(zhang.library)
    with open_store(library, backup=False) as store:
        def stop(reached: str) -> None:
            if reached == step:
                own_cluster.stop("immediate")
        with pytest.raises(TeamOfflineError):
            TeamSync(library, store).sync(between=stop)
    assert sorted(zhang.annotations()) == sorted(set(ids) | set(li.annotations()))  # nothing lost here
    assert zhang.status()["state"] == "offline"

    own_cluster.start()
    report = zhang.sync()
    assert report["pushed"] == 120
    li.sync()
    server = _server_ids(team_db)
    assert len(server) == len(set(server)) == 121
    assert comparable(zhang.annotations()) == comparable(li.annotations())
    assert zhang.status()["state"] == li.status()["state"] == "synced"


@pytest.mark.parametrize("step", ["pulled", "pushing", "pushed"])
def test_sigkill_of_the_syncing_process(team_db, team_tag, tmp_path, pdf, step) -> None:
    zhang, li = make_team(team_db, tmp_path, team_tag, ["张三", "李四"])
    li.add(pdf, "自治区", "--note", "李四先推")
    li.sync()
    ids = _bulk(zhang, pdf, 150, "k")
    edited = zhang.annotations()[ids[0]]

    killed = subprocess.run([sys.executable, str(HERE / "sync_and_die.py"), str(zhang.library), step],
                            capture_output=True, text=True, timeout=120)
    assert killed.returncode == -9, killed.stderr
    expected = 150 if step == "pushed" else 0
    assert len(_server_ids(team_db)) == 1 + expected

    report = zhang.sync()
    assert report["pushed"] == 150 - expected and report["conflicts"] == 0
    li.sync()
    server = _server_ids(team_db)
    assert len(server) == len(set(server)) == 151
    assert sorted(zhang.annotations()) == sorted(li.annotations()) == server
    assert zhang.annotations()[ids[0]]["note"] == edited["note"]
    assert zhang.status()["state"] == li.status()["state"] == "synced"
