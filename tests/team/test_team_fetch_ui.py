"""The window: a search hit in a colleague's compilation that is not on this laptop offers to fetch it,
and the page opens once the verified download is done."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from reader.document import file_content_hash
from reader.ui.main_window import MainWindow
from tests.team.teamkit import compilation_pdf, make_team


def test_missing_hit_offers_the_team_pdf_and_opens_it(qtbot, team_db, team_tag, tmp_path, monkeypatch) -> None:
    zhang, li = make_team(team_db, tmp_path, team_tag, ["张三", "李四"])
    pdf = compilation_pdf(tmp_path, 8)
    zhang.add(pdf, "自治区", page=0)
    zhang.run("team", "share-pdf", str(pdf), "--json")
    zhang.sync()
    li.sync()
    content_hash = file_content_hash(pdf)

    monkeypatch.setenv("READER_LIBRARY", str(li.library))
    asked: list[str] = []

    def answer(_parent, _title, text, *_args):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    window = MainWindow(background_analysis=False)
    qtbot.addWidget(window)
    window.show()
    panel = window.search_panel
    panel.scope.setCurrentIndex(panel.scope.findData("library"))
    for char in "自治区":
        panel.box.insert(char)
    qtbot.waitUntil(lambda: panel.results is not None and panel.results.query == "自治区", timeout=20000)
    rows = [r for r in panel.page_rows() if _hit(r).content_hash == content_hash]
    assert rows and _hit(rows[0]).missing
    assert panel.open_item(rows[0]) is False  # not yet: the download runs in the background
    assert len(asked) == 1 and _hit(rows[0]).compilation in asked[0]  # the question names the compilation
    qtbot.waitUntil(lambda: window.document is not None, timeout=20000)
    assert file_content_hash(window.document.path) == content_hash
    assert Path(window.document.path).is_relative_to(li.library)
    window.close()


def _hit(row):
    from reader.ui.search_panel import HIT_ROLE

    return row.data(0, HIT_ROLE)[0]
