"""`annotations` and `themes` commands in-process on a generated compilation: JSON shapes and errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.cli import main

from tests.builders.annotations_pdfs import make_documents, typeset

KEYS = {"id", "pdf", "page_index", "page_label", "quote", "note", "themes", "document", "doc_number",
        "clause_label", "rects", "status"}


@pytest.fixture(scope="module")
def pdf(tmp_path_factory) -> Path:
    return typeset(tmp_path_factory.mktemp("cli") / "c.pdf", make_documents(seed=6, documents=2, heads=3, subs=3))


def run(capsys, *argv: str) -> tuple[int, object, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    try:
        data = json.loads(out) if "--json" in argv and out.strip() else out
    except ValueError:
        data = out
    return code, data, err


def test_add_list_remove_round_trip(capsys, tmp_path, pdf) -> None:
    lib = str(tmp_path / "lib")
    code, ann, err = run(capsys, "annotations", "add", str(pdf), "--page", "0", "--quote", "各省、自治区",
                         "--theme", "hydrogen energy", "--theme", "5g", "--note", "看", "--json", "--library", lib)
    assert code == 0, err
    assert KEYS <= set(ann) and ann["themes"] == ["氢能", "5G"] and ann["page_index"] == 0
    assert ann["pdf"] == str(pdf.resolve()) and ann["status"] == "anchored" and ann["rects"]
    assert ann["document"].startswith("关于推进")
    code, listed, _ = run(capsys, "annotations", "list", "--theme", "氢能", "--json", "--library", lib)
    assert [a["id"] for a in listed] == [ann["id"]]
    code, text, _ = run(capsys, "annotations", "list", str(pdf), "--library", lib)
    assert ann["id"] in text and "各省、自治区" in text
    code, removed, _ = run(capsys, "annotations", "remove", ann["id"][:6], "--json", "--library", lib)
    assert code == 0 and removed["removed"] == ann["id"]
    code, listed, _ = run(capsys, "annotations", "list", "--json", "--library", lib)
    assert listed == []


def test_page_label_and_clause_tag(capsys, tmp_path, pdf) -> None:
    lib = str(tmp_path / "lib")
    code, ann, err = run(capsys, "annotations", "add", str(pdf), "--page-label", "1", "--quote", "各省",
                         "--theme", "5G", "--json", "--library", lib)
    assert code == 0 and ann["page_index"] == 0, err
    code, ann, err = run(capsys, "annotations", "add", str(pdf), "--clause-containing", "（二）",
                         "--theme", "5G", "--json", "--library", lib)
    assert code == 0, err
    assert ann["clause_label"] == "（二）" and ann["quote"].startswith("（二）")
    assert "clauses match" in err  # every document has a （二）: the first was taken, and the user told


def test_errors_are_one_line_and_exit_2(capsys, tmp_path, pdf) -> None:
    lib = str(tmp_path / "lib")
    for argv in (["annotations", "add", str(pdf), "--page", "0", "--quote", "不存在的句子", "--theme", "5G"],
                 ["annotations", "add", str(pdf), "--page", "99", "--quote", "各省", "--theme", "5G"],
                 ["annotations", "add", str(pdf), "--page", "0", "--quote", "各省", "--theme", "没有这个主题",
                  "--strict-themes"],
                 ["annotations", "remove", "nope"],
                 ["themes", "rename", "没有", "新"],
                 ["themes", "add", "5g"]):
        code, _, err = run(capsys, *argv, "--library", lib)
        assert code == 2 and err.startswith("错误 (error): ") and err.count("\n") == 1, (argv, err)


def test_tagging_with_a_new_theme_name_creates_the_theme(capsys, tmp_path, pdf) -> None:
    code, ann, err = run(capsys, "annotations", "add", str(pdf), "--page", "0", "--quote", "各省", "--theme", "新主题",
                         "--json", "--library", str(tmp_path))
    assert code == 0 and ann["themes"] == ["新主题"], err
    assert "新主题" in err  # said on stderr, the JSON on stdout stays clean
    code, themes, _ = run(capsys, "themes", "list", "--json", "--library", str(tmp_path))
    assert "新主题" in {t["name"] for t in themes}


def test_a_failed_add_creates_no_theme(capsys, tmp_path, pdf) -> None:
    code, _, err = run(capsys, "annotations", "add", str(pdf), "--page", "0", "--quote", "不存在的句子",
                       "--theme", "不该出现", "--library", str(tmp_path))
    assert code == 2, err
    code, themes, _ = run(capsys, "themes", "list", "--json", "--library", str(tmp_path))
    assert "不该出现" not in {t["name"] for t in themes}


def test_themes_commands(capsys, tmp_path, pdf) -> None:
    lib = str(tmp_path / "lib")
    run(capsys, "annotations", "add", str(pdf), "--page", "0", "--quote", "各省", "--theme", "5G", "--library", lib)
    code, theme, _ = run(capsys, "themes", "add", "低空经济", "--name-en", "Low-altitude economy", "--color", "#00aa88",
                         "--keyword", "无人机", "--json", "--library", lib)
    assert code == 0 and theme == {"name": "低空经济", "name_en": "Low-altitude economy", "color": "#00aa88",
                                   "keywords": ["无人机"]}
    code, _, _ = run(capsys, "themes", "rename", "5G", "5G通信", "--library", lib)
    code, result, _ = run(capsys, "themes", "merge", "5G通信", "低空经济", "--json", "--library", lib)
    assert result == {"merged": "5G通信", "into": "低空经济", "retagged": 1}
    code, themes, _ = run(capsys, "themes", "list", "--json", "--library", lib)
    counts = {t["name"]: t["count"] for t in themes}
    assert counts["低空经济"] == 1 and "5G通信" not in counts
    code, result, _ = run(capsys, "themes", "delete", "低空经济", "--json", "--library", lib)
    assert result["untagged"] == 1
    code, listed, _ = run(capsys, "annotations", "list", "--json", "--library", lib)
    assert len(listed) == 1 and listed[0]["themes"] == []  # the annotation survived its theme


def test_export_import_and_migrate(capsys, tmp_path, pdf) -> None:
    lib, other = str(tmp_path / "lib"), str(tmp_path / "other")
    run(capsys, "annotations", "add", str(pdf), "--page", "0", "--quote", "各省、自治区", "--theme", "5G", "--library", lib)
    out = tmp_path / "all.json"
    code, result, _ = run(capsys, "annotations", "export", str(out), "--json", "--library", lib)
    assert code == 0 and result["annotations"] == 1
    code, result, _ = run(capsys, "annotations", "import", str(out), "--json", "--library", other)
    assert result["annotations_imported"] == 1
    revised = typeset(tmp_path / "revised.pdf", make_documents(seed=6, documents=2, heads=3, subs=3),
                      page_size=(480, 680), font_size=10)
    code, report, err = run(capsys, "annotations", "migrate", str(pdf), str(revised), "--json", "--library", other)
    assert code == 0, err
    assert (report["found"], report["moved"], report["orphaned"]) == (1, 0, 0)
    assert report["annotations"][0]["pdf"] == str(revised.resolve())
    code, listed, _ = run(capsys, "annotations", "list", str(revised), "--json", "--library", other)
    assert len(listed) == 1 and listed[0]["quote"] == "各省、自治区"
