"""Held-out style bad input: every command that takes a PDF, on every kind of bad PDF.

The issue: not a PDF, truncated/corrupt, encrypted (without or with a wrong --password),
image-only, zero-page, missing path → one line on stderr, exit 2, never a traceback. An image-only
PDF may also be accepted (exit 0) where the command has nothing to read, but never crash.
"""

from __future__ import annotations

import json

import pytest

from tests.acceptance.retypeset import run_cli
from tests.builders.pdfs import encrypted_pdf, image_only_pdf, not_a_pdf, truncated_pdf, zero_page_pdf

BAD = {
    "not-a-pdf": lambda d: not_a_pdf(d / "notes.pdf"),
    "truncated": lambda d: truncated_pdf(d / "cut.pdf"),
    "encrypted": lambda d: encrypted_pdf(d / "locked.pdf"),
    "zero-page": lambda d: zero_page_pdf(d / "empty.pdf"),
    "missing": lambda d: d / "nowhere" / "gone.pdf",
    "directory": lambda d: d,
    "image-only": lambda d: image_only_pdf(d / "scan.pdf"),
}
COMMANDS = {
    "outline": lambda pdf, lib: ["outline", pdf, "--json", "--library", lib],
    "text": lambda pdf, lib: ["text", pdf, "--json", "--library", lib],
    "text-page": lambda pdf, lib: ["text", pdf, "--page", "0", "--library", lib],
    "index": lambda pdf, lib: ["index", pdf, "--json", "--library", lib],
    "annotate": lambda pdf, lib: ["annotations", "add", pdf, "--page", "0", "--quote", "扫描件", "--theme", "5G",
                                  "--library", lib, "--json"],
    "tag-clause": lambda pdf, lib: ["annotations", "add", pdf, "--clause-containing", "通知", "--theme", "5G",
                                    "--library", lib],
    "list": lambda pdf, lib: ["annotations", "list", pdf, "--library", lib, "--json"],
    "migrate": lambda pdf, lib: ["annotations", "migrate", pdf, pdf, "--library", lib, "--json"],
    "export": lambda pdf, lib: ["export", "--format", "md", "--pdf", pdf, "-o", lib + "/out.md", "--library", lib],
}


def _check(code: int, err: str, kind: str, command: str, out: str = "") -> None:
    assert "Traceback" not in err
    if (kind == "image-only" or (kind == "directory" and command == "index")) and code == 0:
        # a scan is answered (through OCR, or as a file without text); index takes folders (an empty
        # one indexes nothing): either way a real answer, which is valid JSON where JSON was asked for
        if "--json" in COMMANDS[command]("x.pdf", "lib"):
            data = json.loads(out)
            if kind == "directory":
                assert data["indexed"] == [] and data["failed"] == []
        return
    assert code == 2, f"{command} on {kind}: exit {code}, stderr {err!r}"
    lines = err.strip().splitlines()
    assert lines and lines[-1].startswith("错误 (error): "), err
    assert "Traceback" not in err
    if command not in ("export",):  # argparse-free paths print exactly one line
        assert len(lines) == 1, err


@pytest.mark.parametrize("kind", list(BAD))
@pytest.mark.parametrize("command", list(COMMANDS))
def test_bad_pdf_is_one_line_and_exit_2(tmp_path, kind, command):
    pdf = str(BAD[kind](tmp_path))
    library = str(tmp_path / "lib")
    code, out, err = run_cli(*COMMANDS[command](pdf, library))
    _check(code, err, kind, command, out)


@pytest.mark.parametrize("password", [None, "wrong"])
def test_encrypted_needs_the_right_password(tmp_path, password):
    pdf = str(encrypted_pdf(tmp_path / "locked.pdf"))
    extra = ["--password", password] if password else []
    code, out, err = run_cli("outline", pdf, "--json", "--library", str(tmp_path / "lib"), *extra)
    _check(code, err, "encrypted", "outline")
    code, out, err = run_cli("outline", pdf, "--json", "--library", str(tmp_path / "lib"), "--password", "secret")
    assert code == 0, err


def test_page_out_of_range_and_bad_options(sample_pdf, tmp_path):
    library = str(tmp_path / "lib")
    for argv in (["text", str(sample_pdf), "--page", "9999"], ["text", str(sample_pdf), "--page", "-1"],
                 ["annotations", "add", str(sample_pdf), "--page", "9999", "--quote", "氢", "--theme", "5G"],
                 ["annotations", "add", str(sample_pdf), "--page", "3", "--quote", "不存在的引文内容", "--theme", "5G"],
                 ["annotations", "add", str(sample_pdf), "--page", "3", "--quote", "原材料", "--theme", "没有这个主题",
                  "--strict-themes"],
                 ["annotations", "remove", "nonexistent-id"],
                 ["export", "--format", "md", "--theme", "没有这个主题", "-o", str(tmp_path / "x.md")]):
        code, _, err = run_cli(*argv, "--library", library)
        assert code == 2 and err.startswith("错误 (error): ") and len(err.strip().splitlines()) == 1, (argv, code, err)
