"""The team's compilations beyond this laptop: compilation lists and filters include them, "is it
indexed" is answered without the server, and a colleague's new compilation changes the index's
change token, so an open window's lists and results update."""

from __future__ import annotations

import time

from reader.document import file_content_hash
from reader.library import Library
from reader.team.catalogue import TEAM, library_choices, recorded
from reader.team.page_index import OFFLINE_NOTE, TeamPageIndex
from reader.workspace import Workspace, changes
from tests.team.teamkit import compilation_pdf, make_team

UNREACHABLE = "postgresql://nobody@127.0.0.1:1/nothing"  # nothing listens on port 1: refused at once


def test_a_colleagues_compilation_reaches_lists_filters_and_the_change_token(team_db, team_tag, tmp_path) -> None:
    zhang, li = make_team(team_db, tmp_path, team_tag, ["张三", "李四"])
    mine, theirs = compilation_pdf(tmp_path, 6), compilation_pdf(tmp_path, 9)
    li.run("index", str(mine), "--json")
    theirs_hash, mine_hash = file_content_hash(theirs), file_content_hash(mine)

    with Workspace(Library(li.library), backup=False) as window:  # an open window of 李四's
        index = window.index
        assert isinstance(index, TeamPageIndex)
        window.poll_changes()
        assert not index.is_indexed(theirs_hash)

        zhang.run("index", str(theirs), "--json")  # shared with the team at once
        assert window.poll_changes() == frozenset()  # nothing seen yet: the window never asks the server itself
        li.sync()  # the background sync (another Workspace, as the window's sync runs) sees it
        assert changes.INDEX in window.poll_changes()
        assert index.is_indexed(theirs_hash) and index.is_indexed(mine_hash)

        zhang.run("team", "share-pdf", str(theirs), "--json")  # its PDF now on the server: a new version
        assert index.refresh_compilations() is True and changes.INDEX in window.poll_changes()
        assert index.refresh_compilations() is False and window.poll_changes() == frozenset()

    choices = {c.content_hash: c for c in library_choices(Library(li.library))}
    assert choices[theirs_hash].where == TEAM and choices[theirs_hash].path == ""
    assert choices[mine_hash].where != TEAM and choices[mine_hash].path
    title = recorded(li.state())[theirs_hash]["title"]
    assert choices[theirs_hash].title == title

    found = li.run("search", "关于", "--compilation", title, "--front-matter", "--json")
    assert found["total_pages"] > 0
    assert {h["content_hash"] for h in found["hits"]} == {theirs_hash}
    assert all(h["missing"] for h in found["hits"])
    assert li.run("search", "关于", "--compilation", "没有这个汇编", "--json")["total_pages"] == 0


def test_is_indexed_answers_from_what_was_seen_without_the_server(team_db, team_tag, tmp_path) -> None:
    zhang, li = make_team(team_db, tmp_path, team_tag, ["张三", "李四"])
    theirs = compilation_pdf(tmp_path, 9)
    zhang.run("index", str(theirs), "--json")
    li.sync()
    theirs_hash = file_content_hash(theirs)

    with Workspace(Library(li.library), backup=False) as workspace:
        offline = TeamPageIndex(workspace, url=UNREACHABLE)  # the server gone since the last sync
        try:
            started = time.monotonic()
            assert offline.is_indexed(theirs_hash)
            assert not offline.is_indexed("0" * 64)
            assert time.monotonic() - started < 1.0
            assert offline.refresh_compilations() is False  # unreachable: the record stays as last seen
            assert offline.is_indexed(theirs_hash)
            assert offline.search("关于").message == OFFLINE_NOTE
            assert theirs_hash in {c.content_hash for c in library_choices(Library(li.library))}
            offline.remove(theirs_hash)  # taken out of this library's searches: out of its lists too
            assert not offline.is_indexed(theirs_hash)
            assert theirs_hash not in {c.content_hash for c in library_choices(Library(li.library))}
        finally:
            offline.close()


def test_an_open_window_lists_a_colleagues_new_compilation(qtbot, team_db, team_tag, tmp_path, monkeypatch) -> None:
    from reader.ui.main_window import MainWindow

    zhang, li = make_team(team_db, tmp_path, team_tag, ["张三", "李四"])
    li.run("index", str(compilation_pdf(tmp_path, 6)), "--json")
    theirs = compilation_pdf(tmp_path, 9)
    monkeypatch.setenv("READER_LIBRARY", str(li.library))
    window = MainWindow(background_analysis=False)
    qtbot.addWidget(window)
    window.show()
    panel = window.search_panel
    panel.filters_button.setChecked(True)
    qtbot.waitUntil(lambda: window.team_status.joined, timeout=20000)
    listed = lambda: [panel.compilation_filter.itemData(i) for i in range(panel.compilation_filter.count())]  # noqa: E731
    assert file_content_hash(theirs) not in listed()

    zhang.run("index", str(theirs), "--json")
    window.team_status.look_for_compilations()  # what the window's timer does every minute
    qtbot.waitUntil(lambda: file_content_hash(theirs) in listed(), timeout=20000)
    row = panel.compilation_filter.findData(file_content_hash(theirs))
    assert panel.compilation_filter.itemText(row).endswith(panel.tr("（团队库，不在本机）"))
    window.close()
