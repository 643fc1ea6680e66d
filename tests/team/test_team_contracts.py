"""The PageIndex contract tests of tests/unit/workspace, run against the "team" index on a real PostgreSQL.

The library is a member's, joined to a fresh team; its Workspace picks the team index by itself.
"""

from __future__ import annotations

import pytest

from reader.library import Library
from reader.team.page_index import TeamPageIndex
from reader.workspace import Workspace
from tests.builders.index_pdfs import BODY, make_pdf
from tests.team.teamkit import make_team
from tests.unit.workspace.test_workspace_contracts import (  # noqa: F401  (collected here with this module's fixture)
    test_index_removal_and_change_token,
    test_index_takes_the_ocr_switch_every_caller_passes,
    test_index_satisfies_the_protocol,
    test_search_finds_folded_text_across_line_breaks,
)


@pytest.fixture
def indexed(team_db, team_tag, tmp_path):
    member = make_team(team_db, tmp_path, team_tag, ["王五"])[0]
    workspace = Workspace(Library(member.library))
    assert isinstance(workspace.index, TeamPageIndex)
    pdf = make_pdf(tmp_path / "a.pdf", BODY)
    report = workspace.index.index([pdf])
    assert [entry["status"] for entry in report.indexed] == ["indexed"]
    content_hash = report.indexed[0]["content_hash"]
    assert content_hash in workspace.index.team.compilations()  # shared with the team at once
    yield workspace, content_hash
    workspace.close()


def test_removing_hides_a_compilation_here_only_and_indexing_brings_it_back(team_db, team_tag, tmp_path):
    wang, zhao = make_team(team_db, tmp_path, team_tag, ["王五", "赵六"])
    pdf = make_pdf(tmp_path / "a.pdf", BODY)
    with Workspace(Library(wang.library)) as mine, Workspace(Library(zhao.library)) as theirs:
        content_hash = mine.index.index([pdf]).indexed[0]["content_hash"]
        assert {h.content_hash for h in theirs.index.search("加氢站").hits} == {content_hash}
        assert theirs.index.search("加氢站").hits[0].missing  # 赵六 has not got the PDF
        mine.index.remove(content_hash)
        assert mine.index.search("加氢站").hits == [] and not mine.index.is_indexed(content_hash)
        assert theirs.index.is_indexed(content_hash) and theirs.index.search("加氢站").hits  # the team keeps it
        mine.index.index([pdf])
        assert mine.index.is_indexed(content_hash) and mine.index.search("加氢站").hits
