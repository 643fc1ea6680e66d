"""Scanned pages for the OCR tests: a 公文-style notice typeset with pymupdf, then rasterised in grey,
JPEG-compressed and put back as an image-only page (no text layer), like a scanner's output."""

from __future__ import annotations

from pathlib import Path

import pymupdf

TITLE = "关于开展数据安全检查工作的通知"
DOC_NUMBER = "工信厅函〔2024〕15号"
BODY = [
    "各有关单位：",
    "为贯彻落实数据安全法，加强重要数据保护，现就开展",
    "数据安全检查工作通知如下。",
    "一、检查范围",
    "重点检查工业互联网平台和数据中心的安全管理制度。",
    "二、工作要求",
    "请于2024年6月30日前报送自查报告。",
]


def typeset_notice(doc: pymupdf.Document) -> pymupdf.Page:
    page = doc.new_page(width=595, height=842)
    page.insert_text((297 - 22 * len(TITLE) / 2, 150), TITLE, fontname="china-s", fontsize=22)
    page.insert_text((297 - 16 * len(DOC_NUMBER) / 2 + 20, 190), DOC_NUMBER, fontname="china-s", fontsize=16)
    y = 240.0
    for line in BODY:
        x = 80 if line.endswith("：") or line[0] in "一二" else 112
        page.insert_text((x, y), line, fontname="china-s", fontsize=16)
        y += 30
    return page


def scanned_pdf(path: Path, pages: int = 1, dpi: int = 150) -> Path:
    """``pages`` image-only pages, each a grey JPEG picture of the typeset notice."""
    source = pymupdf.open()
    picture = typeset_notice(source).get_pixmap(dpi=dpi, colorspace=pymupdf.csGRAY).tobytes("jpeg", jpg_quality=70)
    doc = pymupdf.open()
    for _ in range(pages):
        doc.new_page(width=595, height=842).insert_image(pymupdf.Rect(0, 0, 595, 842), stream=picture)
    doc.save(path)
    return path


def scanner_ocr_pdf(path: Path, layer_text: str = "zO24年姐月") -> Path:
    """A scanned page with a scanner's invisible (render mode 3) OCR layer over the picture."""
    scanned_pdf(path.with_suffix(".plain.pdf"))
    doc = pymupdf.open(path.with_suffix(".plain.pdf"))
    doc[0].insert_text((112, 300), layer_text, fontname="china-s", fontsize=16, render_mode=3)
    doc.save(path)
    return path


def typeset_pdf(path: Path) -> Path:
    doc = pymupdf.open()
    typeset_notice(doc)
    doc.save(path)
    return path
