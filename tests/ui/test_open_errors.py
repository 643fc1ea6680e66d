"""Every bad input gets a clear dialog (GUI) or one stderr line and exit 2 (start-up check), never a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.builders import pdfs as build  # noqa: E402

from reader.ui import dialogs  # noqa: E402
from reader.ui.main_window import MainWindow  # noqa: E402

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def window(qtbot):
    window = MainWindow(background_analysis=False)
    qtbot.addWidget(window)
    window.show()
    yield window
    window.close()


@pytest.mark.parametrize("maker, code, words", [
    (build.not_a_pdf, "not_a_pdf", "not a PDF"),
    (build.truncated_pdf, "corrupt", "corrupt or incomplete PDF"),
    (build.zero_page_pdf, "empty", "no pages"),
    (None, "missing", "file not found"),
])
def test_bad_file_shows_a_dialog_and_keeps_the_open_document(window, tmp_path, maker, code, words):
    good = build.text_pdf(tmp_path / "good.pdf", pages=2)
    assert window.open_pdf(good)
    bad = maker(tmp_path / "bad.pdf") if maker else tmp_path / "missing.pdf"
    assert not window.open_pdf(bad)
    box = window.last_error_dialog
    assert box is not None and box.isVisible()
    assert box.windowTitle() == dialogs.error_title(code.replace("not_a_pdf", "not_pdf"))
    assert words in box.informativeText() and str(bad) in box.informativeText()
    assert window.document is not None and window.document.path == good   # nothing lost
    box.close()


def test_encrypted_pdf_asks_for_the_password_until_right(window, tmp_path, monkeypatch):
    path = build.encrypted_pdf(tmp_path / "locked.pdf", password="对的")
    asked = []

    def ask(parent, name, wrong):
        asked.append(wrong)
        return "错的" if len(asked) == 1 else "对的"

    monkeypatch.setattr(dialogs, "ask_password", ask)
    assert window.open_pdf(path)
    assert asked == [False, True]            # the second prompt says the first was wrong
    assert window.document.page_count == 1


def test_cancelled_password_opens_nothing(window, tmp_path, monkeypatch):
    monkeypatch.setattr(dialogs, "ask_password", lambda *args: None)
    assert not window.open_pdf(build.encrypted_pdf(tmp_path / "locked.pdf"))
    assert window.document is None and window.last_error_dialog is None


def test_image_only_pdf_opens_with_a_notice(window, qtbot, tmp_path):
    assert window.open_pdf(build.image_only_pdf(tmp_path / "scan.pdf"))
    assert window.document.page_count == 2
    assert window.notice.isVisible()
    assert "没有文字层" in window.notice.text()
    assert window.last_error_dialog is None      # a notice, not a blocking dialog
    window.open_pdf(build.text_pdf(tmp_path / "text.pdf"))
    assert not window.notice.isVisible()


def _main(*args: str) -> subprocess.CompletedProcess:
    env = {**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "main.py", *args, "--quit-after-first-paint"], cwd=REPO, env=env,
                          capture_output=True, text=True, encoding="utf-8", timeout=60)


def test_quit_after_first_paint_exits_0(tmp_path):
    proc = _main(str(build.text_pdf(tmp_path / "a.pdf")))
    assert proc.returncode == 0, proc.stderr


@pytest.mark.parametrize("maker, words", [(build.not_a_pdf, "not a PDF"), (None, "file not found")])
def test_start_up_with_a_bad_file_exits_2_with_one_line(tmp_path, maker, words):
    bad = maker(tmp_path / "bad.pdf") if maker else tmp_path / "missing.pdf"
    proc = _main(str(bad))
    assert proc.returncode == 2
    errors = [line for line in proc.stderr.splitlines() if line.startswith("错误")]
    assert len(errors) == 1 and words in errors[0] and "Traceback" not in proc.stderr


def test_first_paint_does_not_wait_for_the_heavy_layers(tmp_path):
    """jieba, whoosh and the structure analysis load after the first page is on screen, never before."""
    probe = ("import sys\nfrom reader.ui import app\ncode = app.main(sys.argv[1:])\n"
             "print([m for m in ('jieba', 'whoosh', 'reader.structure', 'reader.index') if m in sys.modules])\n"
             "sys.exit(code)")
    env = {**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run([sys.executable, "-c", probe, str(build.text_pdf(tmp_path / "a.pdf")),
                           "--quit-after-first-paint"], cwd=REPO, env=env, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip().splitlines()[-1] == "[]"
