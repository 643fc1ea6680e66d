"""`python -m reader info`: figures as JSON, and every bad input as one line on stderr with exit 2."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.builders import pdfs as build  # noqa: E402

from reader.cli import main  # noqa: E402

REPO = Path(__file__).resolve().parents[3]


def run_cli(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_info_json(tmp_path, capsys):
    path = build.text_pdf(tmp_path / "a.pdf", pages=4,
                          labels=[{"startpage": 0, "style": "R", "firstpagenum": 1},
                                  {"startpage": 1, "style": "D", "firstpagenum": 1}])
    code, out, err = run_cli(capsys, "info", str(path), "--json")
    assert code == 0 and err == ""
    data = json.loads(out)
    assert data["page_count"] == 4
    assert data["page_labels"] == ["I", "1", "2", "3"]
    assert data["has_text_layer"] is True
    assert len(data["content_hash"]) == 64


def test_info_image_only_pdf_opens_and_says_why_search_is_unavailable(tmp_path, capsys):
    code, out, err = run_cli(capsys, "info", str(build.image_only_pdf(tmp_path / "scan.pdf")))
    assert code == 0
    assert "没有文字层" in out and "no text layer" in out


def test_info_encrypted_with_password(tmp_path, capsys):
    path = build.encrypted_pdf(tmp_path / "locked.pdf", password="pw")
    code, out, err = run_cli(capsys, "info", str(path), "--password", "pw", "--json")
    assert code == 0 and json.loads(out)["page_count"] == 1


@pytest.mark.parametrize("maker, words", [
    (build.not_a_pdf, "not a PDF"),
    (build.truncated_pdf, "corrupt"),
    (build.zero_page_pdf, "no pages"),
    (build.encrypted_pdf, "password required"),
    (None, "file not found"),
])
def test_bad_input_is_one_line_and_exit_2(tmp_path, capsys, maker, words):
    path = maker(tmp_path / "bad.pdf") if maker else tmp_path / "missing.pdf"
    code, out, err = run_cli(capsys, "info", str(path), "--json")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("错误 (error): ")
    assert words in err and "Traceback" not in err


def test_wrong_password_exit_2(tmp_path, capsys):
    path = build.encrypted_pdf(tmp_path / "locked.pdf", password="pw")
    code, _, err = run_cli(capsys, "info", str(path), "--password", "nope")
    assert code == 2 and "wrong password" in err


def test_as_a_process(tmp_path):
    """The real entry point: exit status and stderr as a shell user sees them."""
    bad = build.not_a_pdf(tmp_path / "notes.pdf")
    proc = subprocess.run([sys.executable, "-m", "reader", "info", str(bad)], cwd=REPO,
                          capture_output=True, text=True, encoding="utf-8")
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == [f"错误 (error): 不是 PDF 文件 (not a PDF file): {bad}"]
