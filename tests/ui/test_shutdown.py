"""Closing the window while work runs in its thread pools ends the process cleanly.

A pool thread still running Python when the interpreter exits is ended with pthread_exit, whose
unwinding Qt's pool catches and reports ("Qt Concurrent has caught an exception thrown from a
worker thread"): the window must cancel and wait for its jobs when it closes.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.builders.index_pdfs import BODY, make_pdf

REPO = Path(__file__).resolve().parents[2]

SCRIPT = r"""
import sys
from PySide6.QtWidgets import QApplication
from reader.ui.main_window import MainWindow

app = QApplication([])
window = MainWindow(background_analysis=False)
window.show()
job = window.search_indexing.index_paths([sys.argv[1]])
started = []
job.progressed.connect(lambda *a: started.append(a))
while not started:  # the indexing worker process is running
    app.processEvents()
window.close()
window.deleteLater()  # as pytest-qt and the app's own quit do
app.processEvents()
print("closed", flush=True)
"""


def test_closing_while_indexing_cancels_and_waits_for_the_pool(tmp_path):
    pdfs = tmp_path / "pdfs"
    pdfs.mkdir()
    for n in range(6):  # enough files that indexing is still going when the window closes
        make_pdf(pdfs / f"{n}.pdf", BODY * 3, title=f"汇编{n}")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", READER_LIBRARY=str(tmp_path / "lib"),
               READER_CONFIG=str(tmp_path / "config"))
    done = subprocess.run([sys.executable, "-c", SCRIPT, str(pdfs)], capture_output=True, text=True,
                          encoding="utf-8", cwd=REPO, env=env, timeout=180)
    assert "closed" in done.stdout, done.stderr
    assert "Qt Concurrent has caught an exception" not in done.stderr, done.stderr.replace("This plugin does not support propagateSizeHints()", "")
    assert "Traceback" not in done.stderr
    assert done.returncode == 0, done.stderr[-2000:]
