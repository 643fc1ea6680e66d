"""Export outputs never destroy user data; text that breaks formats is made safe; dates are real dates."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pymupdf
import pytest
from docx import Document as WordDocument

from reader.annotations import Annotation, AnnotationStore
from reader.errors import UsageError
from reader.export import ExportOptions, run_export
from reader.export.outputs import OutputExistsError
from reader.export.text import safe_text
from reader.library import Library

REPO = Path(__file__).resolve().parents[3]


def make_pdf(path: Path, line: str) -> Path:
    with pymupdf.open() as pdf:
        pdf.new_page(width=420, height=300).insert_text((40, 80), line, fontname="china-s", fontsize=14)
        pdf.save(path)
    return path


@pytest.fixture
def setup(tmp_path: Path):
    lib = Library(tmp_path / "lib")
    source = make_pdf(tmp_path / "甲汇编.pdf", "一、推动氢能在工业领域应用。")
    entry = lib.add(source)
    store = AnnotationStore(lib.annotations_db)
    with pymupdf.open(source) as pdf:
        rects = [tuple(r) for r in pdf[0].search_for("推动氢能")]
    store.add(Annotation(entry.content_hash, 0, "推动氢能", {0: rects}, pdf=entry.path, themes=["氢能"],
                         note="第一行\x0b第二行（从 Word 粘贴）\x00", document="某\x00文件\n# 注入的标题"))
    yield lib, store, source
    store.close()


def test_output_onto_the_store_a_library_file_or_the_source_is_refused(setup, tmp_path: Path) -> None:
    lib, store, source = setup
    store_bytes, source_bytes = lib.annotations_db.read_bytes(), source.read_bytes()
    for fmt, target, words in (("md", lib.annotations_db, "annotation store"),
                               ("docx", lib.db_path, "library folder"),
                               ("md", source, "source PDF"),
                               ("pdf", source, "source PDF")):
        with pytest.raises(UsageError, match=words):
            run_export(lib, ExportOptions(format=fmt), target, store=store, overwrite=True)
    assert lib.annotations_db.read_bytes() == store_bytes and source.read_bytes() == source_bytes
    link = tmp_path / "link.md"
    link.symlink_to(lib.annotations_db)
    with pytest.raises(UsageError, match="annotation store"):
        run_export(lib, ExportOptions(format="md"), link, store=store, overwrite=True)


def test_an_existing_file_is_replaced_only_when_asked(setup, tmp_path: Path) -> None:
    lib, store, _ = setup
    out = tmp_path / "summary.md"
    out.write_text("我的旧文件", encoding="utf-8")
    with pytest.raises(OutputExistsError, match="--force"):
        run_export(lib, ExportOptions(format="md"), out, store=store)
    assert out.read_text(encoding="utf-8") == "我的旧文件"
    run_export(lib, ExportOptions(format="md"), out, store=store, overwrite=True)
    assert "推动氢能" in out.read_text(encoding="utf-8")


def _cli(*argv: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "reader", *argv], cwd=REPO, capture_output=True, text=True,
                          encoding="utf-8", timeout=120)


def test_cli_needs_force_and_refuses_impossible_dates(setup, tmp_path: Path) -> None:
    lib, store, _ = setup
    store.close()
    out = tmp_path / "s.docx"
    out.write_bytes(b"old")
    refused = _cli("export", "-o", str(out), "--library", str(lib.root))
    assert refused.returncode == 2 and "--force" in refused.stderr and out.read_bytes() == b"old"
    forced = _cli("export", "-o", str(out), "--force", "--library", str(lib.root))
    assert forced.returncode == 0, forced.stderr
    for argv in (["export", "-o", str(tmp_path / "x.md"), "--format", "md"], ["search", "氢能"]):
        bad = _cli(*argv, "--from", "2024-13-45", "--library", str(lib.root))
        assert bad.returncode == 2 and "Traceback" not in bad.stderr
        last = bad.stderr.strip().splitlines()[-1]  # argparse's usage, then the one error line
        assert last.startswith("错误 (error): argument --from") and "2024-13-45" in last
    with pytest.raises(UsageError, match="YYYY-MM-DD"):
        ExportOptions(date_from="2024-02-30").validate()


def test_control_characters_and_newlines_cannot_break_word_or_markdown(setup, tmp_path: Path) -> None:
    lib, store, _ = setup
    docx_out, md_out = tmp_path / "s.docx", tmp_path / "s.md"
    run_export(lib, ExportOptions(format="docx", title="月度\x00摘要"), docx_out, store=store)
    text = "\n".join(p.text for p in WordDocument(str(docx_out)).paragraphs)
    assert "第一行" in text and "第二行" in text and "月度摘要" in text
    run_export(lib, ExportOptions(format="md", title="标题\n# 假标题\n- 假列表"), md_out, store=store)
    markdown = md_out.read_text(encoding="utf-8")
    assert "\x00" not in markdown and "\x0b" not in markdown
    lines = markdown.splitlines()
    assert not any(line.startswith(("# 假标题", "- 假列表", "# 注入的标题", "### 注入的标题")) for line in lines)
    assert sum(line.startswith("# ") for line in lines) == 1  # the one real title
    assert safe_text("a\x0bb\x0cc\u2028d\x07e", multiline=True) == "a\nb\nc\nde"
    assert safe_text("a\r\nb", multiline=False) == "a b"


def test_a_file_changed_in_place_still_finds_its_source(setup, tmp_path: Path) -> None:
    lib, store, source = setup
    make_pdf(source, "一、推动氢能在工业领域应用。二、新增一句。")  # same path, new content
    lib.add(source)
    result = run_export(lib, ExportOptions(format="pdf"), tmp_path / "out.pdf", store=store)
    assert result.entries == 1 and (tmp_path / "out.pdf").is_file()


def test_library_databases_backups_and_choices_are_private(setup, tmp_path: Path) -> None:
    """One rule for the library folder: its files are the user's alone (0600), whatever the umask."""
    lib, store, _ = setup
    from reader.annotations.backup import take_backup
    from reader.export.templates import save_template, template_path

    backup = take_backup(store)
    save_template(lib.root, ExportOptions(title="我的摘要"))
    for path in (lib.db_path, lib.annotations_db, backup, template_path(lib.root)):
        assert os.stat(path).st_mode & 0o777 == 0o600, path


def test_json_export_of_annotations_never_lands_on_the_store(setup) -> None:
    lib, store, _ = setup
    store.close()
    before = lib.annotations_db.read_bytes()
    proc = _cli("annotations", "export", str(lib.annotations_db), "--library", str(lib.root))
    assert proc.returncode == 2 and "annotation store" in proc.stderr and "Traceback" not in proc.stderr
    assert lib.annotations_db.read_bytes() == before
