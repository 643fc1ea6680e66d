"""Export on the shared compilation, end to end through `python -m reader`.

Annotations are made with the annotations CLI (several themes, notes, a whole-clause tag, four or
more documents); each export is read back: python-docx for Word, text for Markdown, pymupdf for
the annotated PDF. Pages are located through the truth file's printed text, not hard-coded.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import docx
import pymupdf
import pytest
from docx.oxml.ns import qn

pytestmark = pytest.mark.acceptance
REPO = Path(__file__).resolve().parents[2]

HIGHLIGHTS = [  # quote (as printed; may cross a line break), themes, note
    ("标准在原材料工业发展中发挥着基础性、引领性作用", ["标准化", "新材料"], "标准的定位：基础性、引领性"),
    ("中小企业上云率超过 40%", ["中小企业", "数字化转型"], "上云率目标"),
    ("坚持市场主导，政府引导", ["数字化转型"], ""),
    ("推动风电、光伏发电等清洁能源富集地区的工业企业", ["氢能", "绿色低碳"], "一体化项目\n关注园区"),
]
CLAUSE_TAG = ("适用简易计税方法计算缴纳增值税的征收率为百分之三", ["财税金融"], "征收率 3%")


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def cli(library: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    env = dict(os.environ, READER_LIBRARY=str(library), READER_CONFIG=str(library.parent / "config"))
    done = subprocess.run([sys.executable, "-m", "reader", *args, "--library", str(library)], cwd=REPO, env=env,
                          capture_output=True, text=True, encoding="utf-8", timeout=300)
    if check and done.returncode != 0:
        raise AssertionError(f"{args} failed: {done.stderr}")
    return done


def page_with(truth: dict, quote: str) -> int:
    head = squash(quote)[:12]
    pages = [p["page_index"] for p in truth["pages"] if head in squash("".join(p["lines"]))]
    assert pages, f"truth has no page with {quote!r}"
    return pages[0]


@pytest.fixture(scope="module")
def made(sample_pdf, sample_truth, tmp_path_factory):
    library = tmp_path_factory.mktemp("export") / "library"
    for quote, themes, note in HIGHLIGHTS:
        args = ["annotations", "add", str(sample_pdf), "--page", str(page_with(sample_truth, quote)), "--quote", quote]
        for theme in themes:
            args += ["--theme", theme]
        cli(library, *args, *(["--note", note] if note else []))
    text, themes, note = CLAUSE_TAG
    cli(library, "annotations", "add", str(sample_pdf), "--clause-containing", text, "--theme", themes[0],
        "--note", note)
    annotations = json.loads(cli(library, "annotations", "list", "--json").stdout)
    theme_colors = {t["name"]: t["color"] for t in json.loads(cli(library, "themes", "list", "--json").stdout)}
    return library, annotations, theme_colors


def export(library: Path, out: Path, *args: str) -> dict:
    return json.loads(cli(library, "export", *args, "-o", str(out), "--json").stdout)


def test_annotations_cover_at_least_four_documents(made):
    _, annotations, _ = made
    assert len({a["document"] for a in annotations}) >= 4
    assert any(a["clause_label"] == "第十一条" for a in annotations)


def test_docx_by_theme_headings_order_quotes_numbers_pages_fonts(made, sample_truth, tmp_path):
    library, annotations, _ = made
    out = tmp_path / "摘要.docx"
    data = export(library, out, "--format", "docx", "--group", "theme", "--title", "十二月政策摘要")
    assert data["format"] == "docx" and data["group"] == "theme" and data["output"] == str(out)
    assert data["annotations"] == len(annotations) == 5
    assert data["entries"] == sum(len(a["themes"]) for a in annotations) == 8
    assert data["documents"] == len({a["document"] for a in annotations})
    assert data["themes"]["数字化转型"] == 2 and data["themes"]["财税金融"] == 1
    document = docx.Document(str(out))
    paragraphs = [(p.style.name, p.text) for p in document.paragraphs]
    assert paragraphs[0] == ("Title", "十二月政策摘要")
    h1 = [t.lstrip("■ ") for s, t in paragraphs if s == "Heading 1"]
    assert h1 == [name for name in ["氢能", "中小企业", "数字化转型", "绿色低碳", "新材料", "财税金融", "标准化"]]
    # under each theme: documents, then entries with page labels in reading order
    by_id = {a["id"]: a for a in annotations}
    section, pages = None, {}
    for style, text in paragraphs:
        if style == "Heading 1":
            section = text.lstrip("■ ")
        elif style == "Heading 3":
            pages.setdefault(section, []).append(int(re.search(r"第 (\d+) 页", text).group(1)))
    for name, labels in pages.items():
        assert labels == sorted(labels), name
    assert pages["数字化转型"] == sorted(int(a["page_label"]) for a in annotations if "数字化转型" in a["themes"])
    body = "\n".join(t for _, t in paragraphs)
    quotes = [t for s, t in paragraphs if s == "引文"]
    for ann in by_id.values():
        assert squash(ann["quote"])[:30] in squash("".join(quotes))
        printed = next(p["printed_page"] for p in sample_truth["pages"] if p["page_index"] == ann["page_index"])
        assert ann["page_label"] == str(printed)
        assert f"第 {printed} 页" in body
        if ann["doc_number"]:
            assert any(s == "Heading 2" and ann["doc_number"] in t for s, t in paragraphs)
            first_page = next(d["page_index"] for d in sample_truth["documents"] if squash(d["title"]) == squash(ann["document"]))
            lines = next(p["lines"] for p in sample_truth["pages"] if p["page_index"] == first_page)
            assert squash(ann["doc_number"]) in squash("".join(lines))
    assert "推动风电、光伏发电等清洁能源富集地区的工业企业" in quotes  # joined across the printed line break
    assert any(s == "Heading 3" and t.startswith("第十一条") and "（整条）" in t for s, t in paragraphs)
    assert "批注：一体化项目\n关注园区" in body
    assert "（另见：绿色低碳）" in body and "（另见：氢能）" in body
    styles = document.styles
    fonts = {name: styles[name].element.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia"))
             for name in ("Normal", "Heading 1", "Heading 2", "Heading 3", "引文")}
    assert fonts == {"Normal": "宋体", "Heading 1": "黑体", "Heading 2": "黑体", "Heading 3": "黑体", "引文": "宋体"}


def test_docx_by_document_follows_the_compilation_order(made, tmp_path):
    library, annotations, _ = made
    out = tmp_path / "by-doc.docx"
    data = export(library, out, "--format", "docx", "--group", "document")
    assert data["entries"] == data["annotations"] == len(annotations)
    paragraphs = [(p.style.name, p.text) for p in docx.Document(str(out)).paragraphs]
    assert [s for s, _ in paragraphs].count("Heading 1") == 1
    h3_pages = [int(re.search(r"第 (\d+) 页", t).group(1)) for s, t in paragraphs if s == "Heading 3"]
    assert h3_pages == sorted(int(a["page_label"]) for a in annotations)


def test_markdown_theme_filter_and_notes_only(made, tmp_path):
    library, annotations, _ = made
    out = tmp_path / "摘要.md"
    data = export(library, out, "--format", "md", "--theme", "数字化转型", "--theme", "Hydrogen energy")
    text = out.read_text(encoding="utf-8")
    assert data["annotations"] == 3
    assert [l for l in text.splitlines() if l.startswith("## ")] == ["## 氢能", "## 数字化转型"]
    assert "> 中小企业上云率超过 40%" in text and "> 推动风电、光伏发电等清洁能源富集地区的工业企业" in text
    assert "批注：上云率目标" in text and "第十一条" not in text
    assert "](#氢能)" in text
    noted = tmp_path / "notes.md"
    data = export(library, noted, "--format", "md", "--with-notes")
    assert data["annotations"] == sum(1 for a in annotations if a["note"])
    assert "坚持市场主导" not in noted.read_text(encoding="utf-8")


def test_annotated_pdf_has_standard_highlights_and_the_original_is_unchanged(made, sample_pdf, tmp_path):
    library, annotations, theme_colors = made
    before = hashlib.sha256(sample_pdf.read_bytes()).hexdigest()
    out = tmp_path / "批注版.pdf"
    data = export(library, out, "--format", "pdf", "--pdf", str(sample_pdf))
    assert hashlib.sha256(sample_pdf.read_bytes()).hexdigest() == before
    expected = sorted((int(p), a["note"], "、".join(a["themes"])) for a in annotations for p in a["rects_by_page"])
    with pymupdf.open(out) as pdf:
        found = sorted((page.number, annot.info["content"], annot.info["title"]) for page in pdf
                       for annot in page.annots() if annot.type[1] == "Highlight")
        colors = {(page.number, annot.info["title"]): tuple(round(c * 255) for c in annot.colors["stroke"])
                  for page in pdf for annot in page.annots()}
    assert found == expected and data["entries"] == len(expected)
    for ann in annotations:
        want = theme_colors[ann["themes"][0]]
        rgb = tuple(int(want[i:i + 2], 16) for i in (1, 3, 5))
        for page in ann["rects_by_page"]:
            assert colors[(int(page), "、".join(ann["themes"]))] == pytest.approx(rgb, abs=1)


def test_bad_output_path_is_one_clear_line_and_exit_2(made, tmp_path):
    library, _, _ = made
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    done = cli(library, "export", "--format", "md", "-o", str(blocker / "out.md"), check=False)
    assert done.returncode == 2
    assert done.stderr.startswith("错误 (error): ") and str(blocker) in done.stderr and len(done.stderr.splitlines()) == 1
    kept = tmp_path / "kept.docx"
    kept.write_bytes(b"previous export")
    done = cli(library, "export", "--format", "docx", "--theme", "没有的主题", "-o", str(kept), check=False)
    assert done.returncode == 2 and kept.read_bytes() == b"previous export"


def test_date_range_keeps_documents_dated_inside_it(made, sample_pdf, tmp_path):
    library, annotations, _ = made
    outline = json.loads(cli(library, "outline", str(sample_pdf), "--json").stdout)
    dates = {squash(d["title"]): d["date"] for d in outline["documents"]}
    low, high = "2024-12-15", "2024-12-26"
    expected = {a["id"] for a in annotations if (dates.get(squash(a["document"])) or "") and
                low <= dates[squash(a["document"])] <= high}
    assert 0 < len(expected) < len(annotations)
    out = tmp_path / "range.md"
    data = export(library, out, "--format", "md", "--group", "document", "--from", low, "--to", high)
    assert data["annotations"] == len(expected)
    text = out.read_text(encoding="utf-8")
    for ann in annotations:
        assert (squash(ann["quote"])[:20] in squash(text)) == (ann["id"] in expected)
    assert f"文件日期：{low} 至 {high}" in text
