"""Private annotations are unreadable to other members at the database level: plain SQL as their role."""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest

from tests.team.teamkit import compilation_pdf, make_team


@pytest.fixture(scope="module")
def pdf(tmp_path_factory) -> Path:
    return compilation_pdf(tmp_path_factory.mktemp("rls-pdf"))


def test_private_rows_are_invisible_and_untouchable_to_colleagues(team_db, team_tag, tmp_path, pdf) -> None:
    zhang, li = make_team(team_db, tmp_path, team_tag, ["张三", "李四"])
    secret = zhang.add(pdf, "各省、自治区", "--note", "内部判断", "--private")
    shared = zhang.add(pdf, "自治区", "--note", "共享")
    assert secret["visibility"] == "private"
    zhang.sync()
    li.sync()
    assert shared["id"] in li.annotations() and secret["id"] not in li.annotations()

    with psycopg.connect(li.url, autocommit=True) as conn:
        visible = {r[0] for r in conn.execute("SELECT id FROM annotations")}
        assert visible == {shared["id"]}
        assert conn.execute("SELECT count(*) FROM annotations WHERE record::text LIKE '%内部判断%'").fetchone()[0] == 0
        assert conn.execute("UPDATE annotations SET record = '{}' WHERE id = %s", (secret["id"],)).rowcount == 0
        assert conn.execute("DELETE FROM annotations WHERE id = %s", (secret["id"],)).rowcount == 0
        with pytest.raises(psycopg.errors.InsufficientPrivilege):  # cannot write in someone else's name
            conn.execute("INSERT INTO annotations (id, content_hash, page_index, author, visibility, record, created, "
                         "modified, version) VALUES ('forged', 'h', 0, %s, 'team', '{}', '', '', 1)", (zhang.role,))
        # Editing a colleague's team annotation keeps its author; turning it private is refused.
        conn.execute("UPDATE annotations SET author = current_user WHERE id = %s", (shared["id"],))
        assert conn.execute("SELECT author, modified_by FROM annotations WHERE id = %s",
                            (shared["id"],)).fetchone() == (zhang.role, li.role)
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("UPDATE annotations SET visibility = 'private' WHERE id = %s", (shared["id"],))
        with pytest.raises(psycopg.errors.InsufficientPrivilege):  # members cannot touch the schema
            conn.execute("DROP TABLE annotations")

    with psycopg.connect(zhang.url, autocommit=True) as conn:  # the author still reads it
        assert conn.execute("SELECT count(*) FROM annotations WHERE id = %s", (secret["id"],)).fetchone()[0] == 1


def test_turning_private_withdraws_it_from_colleagues(team_db, team_tag, tmp_path, pdf) -> None:
    zhang, li = make_team(team_db, tmp_path, team_tag, ["张三", "李四"])
    ann = zhang.add(pdf, "各省、自治区", "--note", "先共享后收回")
    zhang.sync(), li.sync()
    assert ann["id"] in li.annotations()
    zhang.run("annotations", "edit", ann["id"], "--private")
    zhang.sync(), li.sync()
    assert ann["id"] not in li.annotations() and ann["id"] in zhang.annotations()
    assert li.run("annotations", "list", "--author", zhang.name, "--json") == []
    mine = zhang.run("annotations", "list", "--author", "mine", "--json")
    assert [a["id"] for a in mine] == [ann["id"]]
