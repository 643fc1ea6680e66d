"""PDF bytes shared with the team: uploaded by choice and within a size limit, fetched verified by content hash."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.document import file_content_hash
from reader.team.connection import connect
from tests.team.teamkit import cli, compilation_pdf, make_team


@pytest.fixture(scope="module")
def pdf(tmp_path_factory) -> Path:
    return compilation_pdf(tmp_path_factory.mktemp("pdfs"), 7)


def test_a_colleague_fetches_a_shared_pdf_and_its_hits_open(team_db, team_tag, tmp_path, pdf) -> None:
    zhang, li = make_team(team_db, tmp_path, team_tag, ["张三", "李四"])
    content_hash = file_content_hash(pdf)
    zhang.add(pdf, "自治区", page=0)
    zhang.sync()  # text shared, bytes not (sharing the PDF is a choice)
    code, _data, err = li.try_run("team", "fetch", content_hash[:10], "--json")
    assert code == 2 and "team share-pdf" in err and "Traceback" not in err

    code, _data, err = zhang.try_run("team", "share-pdf", str(pdf), "--limit-mb", "0.001", "--json")
    assert code == 2 and "MB" in err and "--limit-mb" in err  # too large: both sizes named, nothing sent
    shared = zhang.run("team", "share-pdf", str(pdf), "--limit-mb", "50", "--json")
    assert [u["content_hash"] for u in shared["uploaded"]] == [content_hash] and shared["limit_mb"] == 50

    hit = next(h for h in li.run("search", "自治区", "--json")["hits"] if h["content_hash"] == content_hash)
    assert hit["missing"]
    got = li.run("team", "fetch", content_hash[:10], "--to", str(tmp_path / "got"), "--json")
    assert got["added"] and file_content_hash(got["path"]) == content_hash
    assert Path(got["path"]).read_bytes() == pdf.read_bytes()
    hit = next(h for h in li.run("search", "自治区", "--json")["hits"] if h["content_hash"] == content_hash)
    assert not hit["missing"] and hit["pdf"] == got["path"] and hit["rects"]
    again = li.run("team", "fetch", got["title"], "--to", str(tmp_path / "got"), "--json")
    assert again["path"] == got["path"]  # the same bytes are already there: kept


def test_damaged_bytes_on_the_server_are_never_saved(team_db, team_tag, tmp_path, pdf) -> None:
    zhang, li = make_team(team_db, tmp_path, team_tag, ["张三", "李四"])
    zhang.run("team", "share-pdf", "--always", "--json")
    zhang.add(pdf, "自治区", page=0)
    zhang.sync()  # the setting uploads the bytes with the text
    content_hash = file_content_hash(pdf)
    with connect(team_db) as conn:  # the administrator's view: the stored bytes are damaged
        size = conn.execute("SELECT pdf_size FROM compilations WHERE content_hash = %s", (content_hash,)).fetchone()[0]
        assert size == pdf.stat().st_size
        conn.execute("UPDATE compilations SET pdf = overlay(pdf placing '\\x00'::bytea from 200) "
                     "WHERE content_hash = %s", (content_hash,))
    code, _data, err = li.try_run("team", "fetch", content_hash, "--to", str(tmp_path / "got"), "--json")
    assert code == 2 and "content hash" in err
    assert not list(tmp_path.glob("got/*.pdf"))


def test_unknown_or_ambiguous_compilation_is_a_usage_error(team_db, team_tag, tmp_path) -> None:
    zhang, = make_team(team_db, tmp_path, team_tag, ["张三"])
    code, _data, err = cli("team", "fetch", "没有这份", "--library", str(zhang.library))
    assert code == 2 and "no such team compilation" in err
