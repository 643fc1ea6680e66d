"""The export dialog asks before replacing an existing file, and keeps it when the user says no."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from test_export_dialog import _open, window  # noqa: F401  (the same window with one annotation)


@pytest.mark.parametrize("answer", [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes])
def test_existing_output_is_replaced_only_after_asking(window, qtbot, tmp_path, monkeypatch, answer):  # noqa: F811
    asked: list[str] = []

    def question(parent, title, text, *args):  # the user's reply to the real dialog's question
        asked.append(text)
        return answer

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    out = tmp_path / "摘要.md"
    out.write_text("上个月的摘要", encoding="utf-8")
    dialog = _open(window, qtbot)
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("md"))
    dialog.output_edit.setText(str(out))
    dialog.export_button.click()
    qtbot.waitUntil(lambda: bool(asked) and not dialog.running, timeout=15000)
    assert str(out) in asked[0]
    if answer == QMessageBox.StandardButton.No:
        assert out.read_text(encoding="utf-8") == "上个月的摘要"
    else:
        qtbot.waitUntil(lambda: "推动氢能" in out.read_text(encoding="utf-8"), timeout=15000)
