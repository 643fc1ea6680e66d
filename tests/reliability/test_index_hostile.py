"""A folder of hostile and odd files is indexed in one batch: every good file is indexed, every bad
one is reported with a reason, the output is valid UTF-8 JSON with no traceback, and later runs
are not wedged by what failed."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
from tests.builders import pdfs as build  # noqa: E402
from tests.builders.index_pdfs import BODY, make_pdf  # noqa: E402
from tests.builders.odd_text_pdfs import odd_text_pdf, page_tree_cycle_pdf  # noqa: E402

REPO = ROOT.parent


def _cli(*args: str, library: Path) -> subprocess.CompletedProcess:
    result = subprocess.run([sys.executable, "-m", "reader", *args, "--library", str(library)], cwd=REPO,
                            capture_output=True, timeout=600)
    err = result.stderr.decode("utf-8")
    assert "Traceback" not in err and "lost sys.stderr" not in err, err
    return result


def test_hostile_folder_indexes_every_good_file_and_reports_the_rest(tmp_path: Path) -> None:
    folder = tmp_path / "incoming"
    folder.mkdir()
    good = {
        make_pdf(folder / "01 正常.pdf", BODY[:2], title="正常一").name,
        odd_text_pdf(folder / "02 公式.pdf", ["abAAc", "aCbDle", "aEEEb"]).name,
        page_tree_cycle_pdf(folder / "03 页树有环.pdf").name,
        make_pdf(folder / "09 正常.pdf", BODY[2:], title="正常二").name,
    }
    bad = {
        build.truncated_pdf(folder / "04 截断.pdf").name,
        build.not_a_pdf(folder / "05 不是.pdf").name,
        build.zero_page_pdf(folder / "06 空.pdf").name,
        build.encrypted_pdf(folder / "07 加密.pdf").name,
        page_tree_cycle_pdf(folder / "08 全坏.pdf", readable_pages=False).name,
    }
    for helper in [p for p in folder.iterdir() if len(p.suffixes) > 1]:  # builders' intermediate files
        helper.unlink()
    gbk = os.fsdecode(os.fsencode(folder) + b"/" + "10 关于通知".encode("gbk") + b".pdf")
    shutil.copy(make_pdf(tmp_path / "src.pdf", BODY[1:], title="另一个"), gbk)
    library = tmp_path / "lib"

    result = _cli("index", str(folder), "--json", library=library)
    assert result.returncode == 2
    report = json.loads(result.stdout.decode("utf-8"))
    # the GBK-named file is indexed like the others and shown as a person reads its name
    assert {Path(e["pdf"]).name for e in report["indexed"]} == good | {"10 关于通知.pdf"}
    (gbk_entry,) = [e for e in report["indexed"] if e["pdf"].endswith("10 关于通知.pdf")]
    assert os.fsencode(gbk) == gbk_entry["pdf_bytes"].encode("utf-8").decode("unicode_escape").encode("latin-1")
    failed = {Path(f["pdf"]).name: f for f in report["failed"]}
    assert bad == set(failed)
    assert all(f["error"] and f["error_type"] for f in report["failed"])
    hits = json.loads(_cli("search", "燃料电池", "--front-matter", "--json", library=library).stdout)["hits"]
    assert any(h["pdf"].endswith("10 关于通知.pdf") for h in hits)

    later = make_pdf(tmp_path / "later.pdf", [["后来加入的文件讨论低空经济。"]], title="后来")
    again = _cli("index", str(later), "--json", library=library)
    assert again.returncode == 0 and [Path(e["pdf"]).name for e in json.loads(again.stdout)["indexed"]] == ["later.pdf"]
    found = _cli("search", "低空经济", "--front-matter", "--json", library=library)
    assert json.loads(found.stdout)["hits"]
    listed = json.loads(_cli("index", "--failed", "--json", library=library).stdout)["failed"]
    assert {Path(f["pdf"]).name for f in listed} == {"08 全坏.pdf"}  # recorded in the library (the rest never got in)
