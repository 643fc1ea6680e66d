"""The search index holds the text of what the user reads: its files are 0600 and folders 0700, whatever the umask."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from reader.index.indexing import LibraryIndexer
from reader.library import Library

from tests.builders.index_pdfs import BODY, make_pdf

REPO = Path(__file__).resolve().parents[3]


def _modes(folder: Path) -> dict[str, int]:
    out = {}
    for root, dirs, files in os.walk(folder):
        for name in dirs + files:
            path = Path(root) / name
            out[str(path.relative_to(folder))] = stat.S_IMODE(os.stat(path).st_mode)
    return out


@pytest.fixture
def open_umask():
    """A permissive umask (0022, the usual default): what the library must not inherit."""
    old = os.umask(0o022)
    yield
    os.umask(old)


def _assert_private(index_dir: Path) -> None:
    modes = _modes(index_dir)
    whoosh_files = [name for name in modes if name.startswith("whoosh/") and not os.path.isdir(index_dir / name)]
    assert any(name.endswith(".toc") for name in whoosh_files), modes  # the index was really written
    assert any(name.endswith(".seg") for name in whoosh_files), modes
    assert stat.S_IMODE(os.stat(index_dir).st_mode) == 0o700
    for name, mode in modes.items():
        expected = 0o700 if (index_dir / name).is_dir() else 0o600
        assert mode == expected, f"{name}: {oct(mode)}"


def test_indexing_writes_owner_only_files(tmp_path, open_umask):
    library = Library(tmp_path / "lib")
    LibraryIndexer(library).index_paths([make_pdf(tmp_path / "a.pdf", BODY, title="甲")])
    _assert_private(library.index_dir)
    # a second batch adds segments and rewrites the table of contents: still private
    LibraryIndexer(library).index_paths([make_pdf(tmp_path / "b.pdf", BODY[:1], title="乙")])
    _assert_private(library.index_dir)


def test_an_index_written_before_the_rule_is_tightened_when_opened(tmp_path, open_umask):
    library = Library(tmp_path / "lib")
    LibraryIndexer(library).index_paths([make_pdf(tmp_path / "a.pdf", BODY, title="甲")])
    for path in (library.index_dir / "whoosh").iterdir():
        path.chmod(0o644)  # what older versions left
    done = subprocess.run([sys.executable, "-m", "reader", "search", "专精特新", "--library", str(library.root), "--json"],
                          capture_output=True, text=True, encoding="utf-8", cwd=REPO, timeout=120)
    assert done.returncode == 0, done.stderr
    _assert_private(library.index_dir)
