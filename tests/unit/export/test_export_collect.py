"""Collector and runner over a real store and library: scope, filters, outputs, remembered choices."""

from __future__ import annotations

import json

import pymupdf
import pytest

from reader.annotations import Annotation, AnnotationStore
from reader.errors import UsageError
from reader.export import ExportOptions, run_export
from reader.export.collect import collect
from reader.export.runner import PDF_SUFFIX
from reader.export.templates import load_template, options_from_template, save_template
from reader.library import Library


def make_pdf(path, lines):
    pdf = pymupdf.open()
    for line in lines:
        page = pdf.new_page(width=420, height=300)
        page.insert_text((40, 80), line, fontname="china-s", fontsize=14)
    pdf.save(path)
    pdf.close()
    return path


@pytest.fixture
def setup(tmp_path):
    lib = Library(tmp_path / "lib")
    first = make_pdf(tmp_path / "甲汇编.pdf", ["一、推动氢能在工业领域应用。", "二、支持中小企业上云。"])
    second = make_pdf(tmp_path / "乙汇编.pdf", ["第十条 税率为百分之三。"])
    a, b = lib.add(first), lib.add(second)
    store = AnnotationStore(lib.annotations_db)

    def ann(file, page, quote, themes, note=""):
        with pymupdf.open(file.path) as pdf:
            rects = [tuple(r) for r in pdf[page].search_for(quote)]
        return store.add(Annotation(file.content_hash, page, quote, rects={page: rects}, pdf=file.path,
                                    page_label=str(page + 1), note=note, themes=themes, document="某文件",
                                    doc_number="某〔2024〕1 号"))

    ann(a, 0, "推动氢能", ["氢能"], note="重点")
    ann(a, 1, "中小企业上云", ["中小企业", "氢能"])
    ann(b, 0, "税率为百分之三", ["财税金融"], note="3%")
    yield lib, store, a, b
    store.close()


def test_scope_themes_and_notes_filters(setup):
    lib, store, a, b = setup
    everything = collect(lib, store, ExportOptions())
    assert sorted(e.quote for e in everything.entries) == ["中小企业上云", "推动氢能", "税率为百分之三"]
    assert {e.compilation for e in everything.entries} == {"甲汇编", "乙汇编"}
    one = collect(lib, store, ExportOptions(compilations=[b.content_hash]))
    assert [e.quote for e in one.entries] == ["税率为百分之三"]
    english = collect(lib, store, ExportOptions(themes=["hydrogen ENERGY"]))
    assert english.selected_themes == ["氢能"]
    assert sorted(e.quote for e in english.entries) == ["中小企业上云", "推动氢能"]
    noted = collect(lib, store, ExportOptions(only_with_notes=True))
    assert sorted(e.note for e in noted.entries) == ["3%", "重点"]
    with pytest.raises(UsageError, match="no such theme"):
        collect(lib, store, ExportOptions(themes=["不存在的主题"]))


def test_run_export_markdown_counts_match_the_cli_contract(setup, tmp_path):
    lib, store, *_ = setup
    result = run_export(lib, ExportOptions(format="md", group="theme"), tmp_path / "out.md", store=store)
    data = result.to_json()
    assert {k: data[k] for k in ("format", "group", "annotations", "entries", "documents")} == {
        "format": "md", "group": "theme", "annotations": 3, "entries": 4, "documents": 2}
    assert data["themes"] == {"氢能": 2, "中小企业": 1, "财税金融": 1}
    text = (tmp_path / "out.md").read_text(encoding="utf-8")
    assert text.count("> 中小企业上云") == 2  # under 氢能 and 中小企业


def test_annotated_pdf_one_file_or_one_per_compilation_in_a_folder(setup, tmp_path):
    lib, store, a, b = setup
    single = run_export(lib, ExportOptions(format="pdf", compilations=[a.content_hash]), tmp_path / "a.pdf", store=store)
    assert single.outputs == [tmp_path / "a.pdf"] and single.entries == 2
    folder = tmp_path / "pdfs"
    both = run_export(lib, ExportOptions(format="pdf"), folder, store=store)
    assert sorted(p.name for p in folder.iterdir()) == sorted(["甲汇编" + PDF_SUFFIX, "乙汇编" + PDF_SUFFIX])
    assert both.entries == 3
    with pytest.raises(UsageError, match="folder"):
        run_export(lib, ExportOptions(format="pdf"), tmp_path / "a.pdf", store=store)


def test_nothing_matching_is_an_error_and_writes_nothing(setup, tmp_path):
    lib, store, *_ = setup
    out = tmp_path / "x.docx"
    with pytest.raises(UsageError, match="no annotations match"):
        run_export(lib, ExportOptions(format="docx", date_from="1990-01-01", date_to="1990-12-31"), out, store=store)
    assert not out.exists()
    with pytest.raises(UsageError):
        run_export(lib, ExportOptions(format="docx", date_from="2024/01/01"), out, store=store)


def test_last_choices_are_remembered_and_a_damaged_file_is_ignored(tmp_path):
    options = ExportOptions(format="md", group="document", title="月报", header_text="内部", footer_text="研究部",
                            body_font="仿宋", themes=["氢能"], only_with_notes=True)
    save_template(tmp_path, options)
    again = options_from_template(tmp_path)
    assert (again.format, again.group, again.title, again.header_text, again.footer_text, again.body_font,
            again.themes, again.only_with_notes) == ("md", "document", "月报", "内部", "研究部", "仿宋", ["氢能"], True)
    assert options_from_template(tmp_path, title="新标题", footer_text=None).footer_text == "研究部"
    (tmp_path / "export_template.json").write_text(json.dumps({"title": 5, "group": "document"}), encoding="utf-8")
    assert load_template(tmp_path) == {"group": "document"}
    (tmp_path / "export_template.json").write_text("{broken", encoding="utf-8")
    assert options_from_template(tmp_path).title == ExportOptions().title


@pytest.mark.parametrize("fmt", ["md", "docx", "pdf"])
def test_cancelled_export_raises_and_leaves_nothing(setup, tmp_path, fmt):
    from reader.export import ExportCancelled

    lib, store, a, _ = setup
    calls = []

    def cancel_after_collecting() -> bool:
        calls.append(1)
        return len(calls) > 1  # let the first check pass: cancel in the middle

    out = tmp_path / f"out.{fmt}"
    with pytest.raises(ExportCancelled):
        run_export(lib, ExportOptions(format=fmt, compilations=[a.content_hash]), out, store=store,
                   cancelled=cancel_after_collecting)
    assert not out.exists() and not [p for p in tmp_path.iterdir() if p.name.startswith(".out")]


def test_cli_accepts_several_values_after_one_flag_and_prints_the_contract_json(setup, tmp_path, capsys):
    from reader.cli import main

    lib, store, a, b = setup
    out = tmp_path / "cli.md"
    code = main(["export", "--format", "md", "--group", "document", "--theme", "氢能", "财税金融",
                 "--pdf", str(a.path), str(b.path), "-o", str(out), "--library", str(lib.root), "--json"])
    assert code == 0
    data = json.loads(capsys.readouterr().out)
    assert list(data)[:7] == ["format", "group", "output", "annotations", "entries", "themes", "documents"]
    assert data["annotations"] == 3 and data["entries"] == 3 and data["documents"] == 2  # same title, two compilations
    assert data["themes"] == {"氢能": 2, "财税金融": 1}
    assert out.read_text(encoding="utf-8").startswith("# ")
