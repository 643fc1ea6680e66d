"""Exports of a team library: mine, the team's or one colleague's annotations, each naming its author."""

from __future__ import annotations

from pathlib import Path

import docx
import pymupdf
import pytest

from tests.team.teamkit import compilation_pdf, make_team


@pytest.fixture(scope="module")
def pdf(tmp_path_factory) -> Path:
    return compilation_pdf(tmp_path_factory.mktemp("export-pdf"))


def _docx_lines(path: Path) -> list[str]:
    return [line for p in docx.Document(str(path)).paragraphs for line in p.text.splitlines()]


def _after(lines: list[str], needle: str) -> str:
    """The author line of the entry whose note contains ``needle``: the first '— ' line after it."""
    start = next(i for i, line in enumerate(lines) if needle in line)
    return next(line for line in lines[start:] if line.startswith("— "))


def test_exports_name_each_entry_author(team_db, team_tag, tmp_path, pdf) -> None:
    zhang, li = make_team(team_db, tmp_path, team_tag, ["张三", "李四"])
    zhang.add(pdf, "各省、自治区", "--note", "张三的批注", "--theme", "氢能")
    li.add(pdf, "提升产业链供应链韧性", "--note", "李四的批注", "--theme", "氢能", page=1)
    li.run("annotations", "add", str(pdf), "--page", "1", "--quote", "供应链", "--note", "李四的私有批注", "--private")
    zhang.sync(), li.sync(), zhang.sync()

    def export(member, fmt: str, who: str, lang: str = "zh") -> Path:
        out = tmp_path / f"{member.name}-{who}-{lang}.{fmt}"
        member.run("export", "--format", fmt, "-o", str(out), "--author", who, "--lang", lang)
        return out

    # The team's annotations in Word, read back: every entry ends with its author.
    lines = _docx_lines(export(li, "docx", "team"))
    assert _after(lines, "张三的批注") == f"— {zhang.name}"
    assert _after(lines, "李四的批注") == f"— {li.name}"
    assert _after(lines, "李四的私有批注") == f"— {li.name}"
    assert any("批注人：全体成员" in line for line in lines)  # the scope says whose

    # One colleague's, in Markdown: only theirs, the scope says whose.
    text = export(li, "md", zhang.name).read_text(encoding="utf-8")
    assert "张三的批注" in text and "李四的批注" not in text
    assert f"— {zhang.name}" in text and f"— {li.name}" not in text
    assert f"批注人：{zhang.name}" in text

    # Mine, in English: the wording around the entries follows the language, the name does not change.
    text = export(li, "md", "mine", "en").read_text(encoding="utf-8")
    assert "李四的批注" in text and "李四的私有批注" in text and "张三的批注" not in text
    assert f"— {li.name}" in text and "annotations by me" in text

    # 张三 never sees 李四's private annotation; the annotated PDF names authors in the pop-up title.
    out = tmp_path / "annotated.pdf"
    zhang.run("export", "--format", "pdf", "-o", str(out), "--author", "team")
    titles = [a.info["title"] for page in pymupdf.open(out) for a in page.annots()]
    assert sorted(titles) == sorted([f"{zhang.name} · 氢能", f"{li.name} · 氢能"])
