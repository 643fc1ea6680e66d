"""The team library in the window: status-bar state from a real team database, sync off the GUI thread."""

from __future__ import annotations


import pytest


from reader.ui.main_window import MainWindow  # noqa: E402


def test_state_pending_then_synced_then_offline(qtbot, tmp_path, monkeypatch) -> None:
    from tests.team.pgcluster import PgCluster, find_bindir

    bindir = find_bindir()
    if bindir is None:
        pytest.skip("PostgreSQL is not installed (scripts/setup installs Debian's postgresql package)")
    from tests.team.teamkit import compilation_pdf, make_team

    cluster = PgCluster(bindir)
    cluster.start()
    try:
        team_db = cluster.create_database("team_ui")
        zhang, li = make_team(team_db, tmp_path, "ui", ["张三", "李四"])
        pdf = compilation_pdf(tmp_path)
        ann = zhang.add(pdf, "各省、自治区", "--note", "张三")
        zhang.sync()

        monkeypatch.setenv("READER_LIBRARY", str(li.library))
        window = MainWindow(background_analysis=False)
        qtbot.addWidget(window)
        label = window.team_status.label
        qtbot.waitUntil(lambda: not label.isHidden() and label.text() == "待同步", timeout=15000)  # joined, never synced
        window.team_status.sync_action.trigger()
        qtbot.waitUntil(lambda: label.text() == "已同步", timeout=30000)
        assert ann["id"] in li.annotations()
        cluster.stop("immediate")
        window.team_status.sync_now(quiet=True)
        qtbot.waitUntil(lambda: label.text() == "离线", timeout=30000)
        window.close()
    finally:
        cluster.destroy()
