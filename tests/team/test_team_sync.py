"""Two and three members in separate library folders syncing through a real PostgreSQL database."""

from __future__ import annotations

from pathlib import Path

import pytest

from teamkit import comparable, compilation_pdf, make_team


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
    assert li.state().sharing()[ann["id"]][0] == zhang.name
    assert li.status()["state"] == "synced" and zhang.status()["state"] == "synced"
