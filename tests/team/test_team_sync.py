"""Two and three members in separate library folders syncing through a real PostgreSQL database."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.team.teamkit import comparable, compilation_pdf, make_team


@pytest.fixture(scope="module")
def pdf(tmp_path_factory) -> Path:
    return compilation_pdf(tmp_path_factory.mktemp("team-pdf"))


def test_colleague_receives_annotations_with_author(team_db, team_tag, tmp_path, pdf) -> None:
    zhang, li = make_team(team_db, tmp_path, team_tag, ["张三", "李四"])
    ann = zhang.add(pdf, "各省、自治区", "--theme", "氢能", "--note", "先看这里")
    first = zhang.sync()
    assert first["pushed"] == 1 and first["compilations_shared"] == 1
    got = li.sync()
    assert got["pulled"] == 1
    theirs = li.annotations()[ann["id"]]
    assert theirs["note"] == "先看这里" and theirs["themes"] == ["氢能"] and theirs["quote"] == ann["quote"]
    assert theirs["pdf"] == ""  # the PDF is not on 李四's laptop
    assert li.state().sharing()[ann["id"]][0] == zhang.role
    assert li.status()["state"] == "synced" and zhang.status()["state"] == "synced"


def test_offline_edits_merge_by_field_and_conflicts_keep_both(team_db, team_tag, tmp_path, pdf) -> None:
    zhang, li, wang = make_team(team_db, tmp_path, team_tag, ["张三", "李四", "王五"])
    first = zhang.add(pdf, "各省、自治区", "--theme", "氢能", "--note", "原注")
    second = zhang.add(pdf, "提升产业链供应链韧性", "--note", "第二条", page=1)
    zhang.sync(), li.sync(), wang.sync()

    # Offline: 李四 changes the note, 王五 the themes of the same annotation: both survive.
    li.run("annotations", "edit", first["id"], "--note", "李四的看法")
    wang.run("annotations", "edit", first["id"], "--theme", "氢能", "--theme", "5G")
    # Offline: 张三 and 李四 both rewrite the second note: the later wins, the other is kept.
    zhang.run("annotations", "edit", second["id"], "--note", "张三改")
    li.run("annotations", "edit", second["id"], "--note", "李四改")
    # And 王五 adds one of his own, 张三 deletes nothing yet.
    own = wang.add(pdf, "自治区", "--note", "王五新增", page=0)

    for member in (li, wang, zhang, li, wang):
        member.sync()

    stores = [comparable(m.annotations()) for m in (zhang, li, wang)]
    assert stores[0] == stores[1] == stores[2]
    merged = stores[0][first["id"]]
    assert merged["note"] == "李四的看法" and merged["themes"] == ["氢能", "5G"]
    assert stores[0][second["id"]]["note"] == "李四改"  # edited after 张三's
    assert stores[0][own["id"]]["note"] == "王五新增" and len(stores[0]) == 3

    status = zhang.status()
    assert status["state"] == "conflicts" and status["conflict_count"] == 1
    conflict = status["conflicts"][0]
    assert conflict["id"] == second["id"] and conflict["field"] == "note"
    assert {conflict["mine"], conflict["theirs"]} == {"张三改", "李四改"} and conflict["kept"] == "theirs"
    assert li.status()["conflict_count"] == 0  # 李四's push went first: nothing to reconcile there
    zhang.run("team", "resolve", "--json")
    assert zhang.status()["state"] == "synced"


def test_deletions_travel_as_tombstones(team_db, team_tag, tmp_path, pdf) -> None:
    zhang, li = make_team(team_db, tmp_path, team_tag, ["张三", "李四"])
    gone = zhang.add(pdf, "各省、自治区", "--note", "将删除")
    kept = zhang.add(pdf, "自治区", "--note", "删了又改", page=0)
    zhang.sync(), li.sync()
    zhang.run("annotations", "remove", gone["id"])
    zhang.run("annotations", "remove", kept["id"])
    li.run("annotations", "edit", kept["id"], "--note", "李四还要用")  # edited offline while 张三 deleted it
    zhang.sync()
    li.sync()
    zhang.sync()
    assert gone["id"] not in li.annotations() and gone["id"] not in zhang.annotations()
    # An edit is never lost to a deletion: it comes back, and 李四 sees why.
    assert li.annotations()[kept["id"]]["note"] == "李四还要用"
    assert zhang.annotations()[kept["id"]]["note"] == "李四还要用"
    conflicts = li.status()["conflicts"]
    assert [(c["id"], c["field"]) for c in conflicts] == [(kept["id"], "deleted")]


def test_themes_are_one_team_taxonomy(team_db, team_tag, tmp_path, pdf) -> None:
    zhang, li = make_team(team_db, tmp_path, team_tag, ["张三", "李四"])
    ann = zhang.add(pdf, "各省、自治区", "--theme", "数据要素")
    zhang.sync(), li.sync()
    zhang.run("themes", "rename", "数据要素", "数据资源")
    zhang.run("themes", "recolor", "数据资源", "#123456")
    zhang.sync(), li.sync()
    themes = {t["name"]: t for t in li.run("themes", "list", "--json")}
    assert "数据要素" not in themes and themes["数据资源"]["color"] == "#123456"
    assert li.annotations()[ann["id"]]["themes"] == ["数据资源"]
    assert li.status()["pending_count"] == 0


def test_leave_keeps_local_work(team_db, team_tag, tmp_path, pdf) -> None:
    (zhang,) = make_team(team_db, tmp_path, team_tag, ["张三"])
    ann = zhang.add(pdf, "各省、自治区")
    zhang.sync()
    assert zhang.run("team", "leave", "--json")["left"] is True
    assert ann["id"] in zhang.annotations()
    assert zhang.status()["state"] == "not_joined"
    code, _, err = zhang.try_run("team", "sync")
    assert code == 2 and "team join" in err


def test_list_and_export_by_author(team_db, team_tag, tmp_path, pdf) -> None:
    zhang, li = make_team(team_db, tmp_path, team_tag, ["张三", "李四"])
    zhang.add(pdf, "各省、自治区", "--note", "张三的批注")
    li.add(pdf, "提升产业链供应链韧性", "--note", "李四的批注", page=1)
    zhang.sync(), li.sync()

    def exported(who: str) -> tuple[int, str]:
        out = tmp_path / f"{who}.md"
        result = li.run("export", "--format", "md", "-o", str(out), "--author", who, "--json")
        return result["annotations"], out.read_text(encoding="utf-8")

    count, text = exported("mine")
    assert count == 1 and "李四的批注" in text and "张三的批注" not in text
    count, text = exported(zhang.name)
    assert count == 1 and "张三的批注" in text and "李四的批注" not in text
    assert exported("team")[0] == 2
    notes = {a["note"] for a in li.run("annotations", "list", "--author", zhang.name, "--json")}
    assert notes == {"张三的批注"}


def test_incremental_sync_sends_only_what_changed(team_db, team_tag, tmp_path, pdf) -> None:
    zhang, li = make_team(team_db, tmp_path, team_tag, ["张三", "李四"])
    edited = zhang.add(pdf, "各省、自治区", "--theme", "氢能", "--note", "原注")
    hidden = zhang.add(pdf, "提升产业链供应链韧性", "--note", "将设为私有", page=1)
    zhang.add(pdf, "自治区", "--theme", "氢能", "--note", "不动", page=0)
    assert zhang.sync()["pushed"] == 3 and li.sync()["pulled"] == 3
    assert zhang.status()["pending_count"] == 0 and li.status()["pending_count"] == 0

    zhang.run("annotations", "edit", edited["id"], "--note", "改过")
    zhang.run("annotations", "edit", hidden["id"], "--private")  # only the sync bookkeeping changes
    zhang.run("themes", "recolor", "氢能", "#123456")  # touches every 氢能 annotation's modified time
    pending = zhang.status()["pending"]
    assert pending == {"annotations": sorted([edited["id"], hidden["id"]]), "deletions": [],
                       "themes": ["氢能"], "theme_deletions": []}
    report = zhang.sync()
    assert (report["pushed"], report["themes_pushed"]) == (2, 1)
    again = zhang.sync()
    assert (again["pushed"], again["themes_pushed"], again["pulled"]) == (0, 0, 0)

    pulled = li.sync()
    assert (pulled["pulled"], pulled["deleted_there"]) == (1, 1)
    assert hidden["id"] not in li.annotations() and li.annotations()[edited["id"]]["note"] == "改过"
    assert li.status()["pending_count"] == 0  # what the pull wrote is not sent back

    # A library whose bookkeeping has no change counter yet (synced by an older version)
    # compares everything once, and finds nothing to send.
    state = li.state()
    with state.tx() as db:
        state.set_meta(db, local_counter=None)
    assert li.status()["pending_count"] == 0
    assert li.sync()["pushed"] == 0 and state.local_counter is not None
