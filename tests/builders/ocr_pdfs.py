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


def skewed_scan(path: Path, degrees: float = 2.0, dpi: int = 150) -> Path:
    """One image-only page of the notice fed into the scanner turned by ``degrees`` (counter-clockwise
    as seen), as sheets often are: every printed line then runs at that slope in the picture."""
    source = pymupdf.open()
    typeset_notice(source)
    turned = pymupdf.open()
    page = turned.new_page(width=595, height=842)
    # show_pdf_page keeps the rotated page inside the target rect: a rect a little larger than the
    # page keeps the text at its printed size (a 2° turn of A4 needs about 1.07 × the width).
    grow = 1 + abs(degrees) / 30
    rect = pymupdf.Rect(0, 0, 595 * grow, 842 * grow)
    rect = rect + (297.5 - rect.width / 2, 421 - rect.height / 2) * 2
    page.show_pdf_page(rect, source, 0, rotate=degrees)
    picture = page.get_pixmap(dpi=dpi, colorspace=pymupdf.csGRAY).tobytes("jpeg", jpg_quality=70)
    doc = pymupdf.open()
    doc.new_page(width=595, height=842).insert_image(pymupdf.Rect(0, 0, 595, 842), stream=picture)
    doc.save(path)
    return path


def fine_scan(path: Path, pages: int = 1, dpi: int = 600, paper: tuple[float, float] = (595, 842)) -> Path:
    """Image-only pages scanned at ``dpi`` (600: a 35-megapixel A4 picture) on paper of ``paper``
    points, the notice scaled to fill it: the heavy pages a worker's memory must survive."""
    source = pymupdf.open()
    typeset_notice(source)
    width, height = paper
    sheet = pymupdf.open()
    sheet.new_page(width=width, height=height).show_pdf_page(pymupdf.Rect(0, 0, width, height), source, 0)
    picture = sheet[0].get_pixmap(dpi=dpi, colorspace=pymupdf.csGRAY).tobytes("jpeg", jpg_quality=60)
    doc = pymupdf.open()
    for _ in range(pages):
        doc.new_page(width=width, height=height).insert_image(pymupdf.Rect(0, 0, width, height), stream=picture)
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


# A red-header notice (GB/T 9704 版头: the 发文机关标志 in large red type, the 文号, a red rule), its
# title wrapped on two lines, and an attachment whose label line names it before its centred title.
RED_MARK = "滨海市教育局文件"
RED_NUMBER = "滨教发〔2024〕12号"
RED_TITLE = ["滨海市教育局关于加强中小学", "课后服务管理工作的通知"]
RED_BODY = ["各区县教育局：", "为规范中小学课后服务，提高服务质量，现就有关", "事项通知如下。"]
ATTACHMENT_NAME = "课后服务工作安排表"
# A notice whose title is set in the body size but bold, on three lines, the last the spaced 文种.
BOLD_TITLE = ["滨海市科技发展中心（有限合伙）", "关于召开2024年度合伙人会议的", "通　　知"]
# A regulation whose title carries a 题注 line saying which version it is.
NOTE_TITLE = "滨海市教育局学生资助管理办法"
NOTE_LINE = "（2024 版修订）"

RED = (0.85, 0.1, 0.1)


def _centred(page: pymupdf.Page, y: float, text: str, size: float, **style) -> None:
    page.insert_text((297.5 - size * len(text) / 2, y), text, fontname="china-s", fontsize=size, **style)


def _body(page: pymupdf.Page, y: float, lines: list[str], size: float = 16) -> float:
    for line in lines:
        x = 80 if line.endswith("：") else 112
        page.insert_text((x, y), line, fontname="china-s", fontsize=size)
        y += 30
    return y


def _colour_scan(source: pymupdf.Document, path: Path, dpi: int = 150) -> Path:
    """Each page of ``source`` as a colour JPEG picture on an image-only page, as a colour scanner gives it."""
    doc = pymupdf.open()
    for page in source:
        picture = page.get_pixmap(dpi=dpi, colorspace=pymupdf.csRGB).tobytes("jpeg", jpg_quality=80)
        doc.new_page(width=page.rect.width, height=page.rect.height).insert_image(page.rect, stream=picture)
    doc.save(path)
    return path


def red_header_scan(path: Path) -> Path:
    """Page 0: the red-header notice; page 1: its attachment, "附件【1】…" over the centred title."""
    source = pymupdf.open()
    page = source.new_page(width=595, height=842)
    _centred(page, 150, RED_MARK, 36, color=RED)
    _centred(page, 200, RED_NUMBER, 16)
    page.draw_line((80, 215), (515, 215), color=RED, width=1.5)
    _centred(page, 270, RED_TITLE[0], 22)
    _centred(page, 305, RED_TITLE[1], 22)
    y = _body(page, 360, RED_BODY)
    page.insert_text((380, y + 40), "滨海市教育局", fontname="china-s", fontsize=16)
    page.insert_text((360, y + 70), "2024年3月1日", fontname="china-s", fontsize=16)
    page = source.new_page(width=595, height=842)
    page.insert_text((80, 100), f"附件【1】{ATTACHMENT_NAME}", fontname="china-s", fontsize=16)
    _centred(page, 150, ATTACHMENT_NAME, 22)
    _body(page, 200, ["一、每天下午放学后开展课后服务，时间不少于两小时。", "二、学校应当制定课后服务工作方案并向家长公布。"])
    return _colour_scan(source, path)


def bold_title_scan(path: Path) -> Path:
    """A notice whose three-line title is bold in the body size, the last line the spaced 文种."""
    source = pymupdf.open()
    page = source.new_page(width=595, height=842)
    for k, line in enumerate(BOLD_TITLE):
        _centred(page, 100 + 30 * k, line, 16, render_mode=2, border_width=0.09)
    _body(page, 220, ["各位合伙人：", "根据合伙协议的有关规定，本中心定于2024年12月11日", "召开本年度合伙人会议，现将有关事项通知如下。",
                      "一、会议时间：2024年12月11日", "二、会议地点：本中心会议室"])
    return _colour_scan(source, path)


def noted_title_scan(path: Path) -> Path:
    """A regulation: its title, a 题注 line right below it in the title's size, then articles."""
    source = pymupdf.open()
    page = source.new_page(width=595, height=842)
    _centred(page, 110, NOTE_TITLE, 20)
    _centred(page, 140, NOTE_LINE, 20)
    _body(page, 200, ["第一条 为规范学生资助工作，根据有关规定，制定本办法。", "第二条 本办法适用于本市各级各类学校。",
                      "第三条 学生资助工作坚持公开、公平、公正的原则。"])
    return _colour_scan(source, path)
