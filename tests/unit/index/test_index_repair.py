"""A damaged search index is found, said so and rebuilt: files really truncated or deleted."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Callable

import pytest

from reader.cli import main as cli_main
from reader.index.indexing import LibraryIndexer
from reader.index.repair import DAMAGED, index_damage
from reader.library import Library

from tests.builders.index_pdfs import BODY, make_pdf  # noqa: E402

QUERY = "专精特新"


def _truncate(path: Path, size: int) -> None:
    with open(path, "r+b") as handle:
        handle.truncate(size)


def _segments(index_dir: Path) -> list[Path]:
    return sorted((index_dir / "whoosh").glob("*.seg"))


def _toc(index_dir: Path) -> list[Path]:
    return sorted((index_dir / "whoosh").glob("_MAIN_*.toc"))


DAMAGE: dict[str, Callable[[Path], None]] = {
    "segment truncated": lambda d: [_truncate(p, 100) for p in _segments(d)],
    "segment deleted": lambda d: [p.unlink() for p in _segments(d)],
    "toc deleted": lambda d: [p.unlink() for p in _toc(d)],
    "toc truncated": lambda d: [_truncate(p, 50) for p in _toc(d)],
    "pages.sqlite3 overwritten": lambda d: (d / "pages.sqlite3").write_bytes(b"\0" * 4096),
    "pages.sqlite3 truncated": lambda d: _truncate(d / "pages.sqlite3", 3000),
    "pages.sqlite3 deleted": lambda d: (d / "pages.sqlite3").unlink(),
}


@pytest.fixture
def indexed(tmp_path: Path) -> tuple[Library, list[Path]]:
    pdfs = [make_pdf(tmp_path / "a.pdf", BODY[:2], title="甲"), make_pdf(tmp_path / "b.pdf", BODY, title="乙")]
    library = Library(tmp_path / "lib")
    LibraryIndexer(library).index_paths(pdfs)
    return library, pdfs


def _search(library: Library, capsys: pytest.CaptureFixture) -> tuple[list, str]:
    capsys.readouterr()
    assert cli_main(["search", QUERY, "--library", str(library.root), "--json"]) == 0
    out = capsys.readouterr()
    return sorted((h["content_hash"], h["page_index"]) for h in json.loads(out.out)["hits"]), out.err


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_search_finds_damage_says_so_and_rebuilds(indexed, damage: str, capsys) -> None:
    library, _ = indexed
    before, _ = _search(library, capsys)
    assert len(before) >= 2
    DAMAGE[damage](library.index_dir)
    assert index_damage(library.index_dir, thorough=True) is not None
    after, err = _search(library, capsys)
    assert DAMAGED in err and "Traceback" not in err
    assert after == before
    assert index_damage(library.index_dir, thorough=True) is None
    again, err = _search(library, capsys)
    assert again == before and DAMAGED not in err  # said once


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_index_never_says_unchanged_over_a_broken_index(indexed, damage: str, capsys) -> None:
    library, pdfs = indexed
    before, _ = _search(library, capsys)
    DAMAGE[damage](library.index_dir)
    capsys.readouterr()
    code = cli_main(["index", *map(str, pdfs), "--library", str(library.root), "--json"])
    out = capsys.readouterr()
    report = json.loads(out.out)
    assert code == 0 and report["repaired"].startswith(DAMAGED) and DAMAGED in out.err
    assert len(report["indexed"]) + len(report["skipped"]) == 2
    assert _search(library, capsys)[0] == before
    if damage.startswith("pages.sqlite3"):  # page texts lost: the files were read again, not "unchanged"
        assert len(report["indexed"]) == 2
    if damage in ("pages.sqlite3 overwritten", "pages.sqlite3 truncated"):  # kept beside, for inspection
        assert list(library.index_dir.glob("pages.sqlite3.damaged-*"))


def test_intact_index_is_not_touched(indexed, capsys) -> None:
    library, pdfs = indexed
    assert index_damage(library.index_dir, thorough=True) is None
    segments = _segments(library.index_dir)
    capsys.readouterr()
    assert cli_main(["index", *map(str, pdfs), "--library", str(library.root), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["repaired"] is None and len(report["skipped"]) == 2
    assert _segments(library.index_dir) == segments
