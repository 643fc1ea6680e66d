"""Small PDFs built with pymupdf for tests: CJK text, page labels, encryption, damage, scans."""

from __future__ import annotations

from pathlib import Path

import pymupdf

LINES = ["关于推动制造业绿色发展的通知", "各省、自治区、直辖市工业和信息化主管部门：",
         "为贯彻落实党中央决策部署，加快推进新型工业化，", "现将有关事项通知如下。"]


def text_pdf(path: Path, pages: int = 3, labels: list[dict] | None = None,
             size: tuple[float, float] = (595, 842)) -> Path:
    """``pages`` pages of Chinese text, four lines each, with an optional page label rule list."""
    doc = pymupdf.open()
    for number in range(pages):
        page = doc.new_page(width=size[0], height=size[1])
        for row, line in enumerate(LINES):
            page.insert_text((72, 100 + row * 24), line if row else f"{line}{number + 1}", fontname="china-s", fontsize=14)
    if labels:
        doc.set_page_labels(labels)
    doc.save(path)
    return path


def paragraph_pdf(path: Path, first: str, second: str) -> Path:
    """One page whose paragraph wraps across two lines: selection must join them."""
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 100), first, fontname="china-s", fontsize=14)
    page.insert_text((72, 120), second, fontname="china-s", fontsize=14)
    doc.save(path)
    return path


def image_only_pdf(path: Path, pages: int = 2) -> Path:
    """Pages that carry only a picture of text (like a scan): no text layer."""
    source = pymupdf.open()
    page = source.new_page(width=300, height=200)
    page.insert_text((20, 50), "扫描件", fontname="china-s", fontsize=30)
    png = page.get_pixmap(dpi=72).tobytes("png")
    doc = pymupdf.open()
    for _ in range(pages):
        doc.new_page(width=300, height=200).insert_image(pymupdf.Rect(0, 0, 300, 200), stream=png)
    doc.save(path)
    return path


def encrypted_pdf(path: Path, password: str = "secret") -> Path:
    doc = pymupdf.open(text_pdf(path.with_suffix(".plain.pdf"), pages=1))
    doc.save(path, encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw=password, owner_pw=password + "-owner")
    return path


def zero_page_pdf(path: Path) -> Path:
    path.write_bytes(b"%PDF-1.4\n1 0 obj <</Type/Catalog/Pages 2 0 R>> endobj\n"
                     b"2 0 obj <</Type/Pages/Kids[]/Count 0>> endobj\n"
                     b"trailer <</Root 1 0 R>>\n%%EOF\n")
    return path


def truncated_pdf(path: Path) -> Path:
    """The first few hundred bytes of a real PDF: the header survives, the body does not."""
    whole = text_pdf(path.with_suffix(".whole.pdf"), pages=3).read_bytes()
    path.write_bytes(whole[:300])
    return path


def not_a_pdf(path: Path) -> Path:
    path.write_text("这不是 PDF，只是一段文字。\n", encoding="utf-8")
    return path


def printed_numbers_pdf(path: Path, body_pages: int = 7) -> Path:
    """A cover, then pages numbered "— 1 —", "— 2 —" … in the footer, with no /PageLabels at all."""
    doc = pymupdf.open()
    cover = doc.new_page(width=595, height=842)
    cover.insert_text((200, 300), "政策汇编", fontname="china-ss", fontsize=36)
    for number in range(1, body_pages + 1):
        page = doc.new_page(width=595, height=842)
        page.insert_text((400, 40), "政策汇编（2025年1月）", fontname="china-s", fontsize=9)
        page.insert_text((285, 810), f"— {number} —", fontname="china-s", fontsize=10)
        for line in range(20):
            page.insert_text((60, 100 + line * 30), f"第{number}页正文第{line}行，关于推进产业数字化转型的若干措施。",
                             fontname="china-s", fontsize=12)
    doc.save(path)
    return path


RESTARTED_TITLES = ["关于做好年度统计工作的通知", "关于加强安全生产管理的意见", "关于开展质量提升行动的通知"]
RESTARTED_SENTENCE = "为进一步规范管理工作，提高工作质量和效率，结合实际情况，经研究决定有关事项如下。"


def restarted_numbers_compilation(path: Path, own_numbers: bool) -> Path:
    """Three documents of three pages each; each prints its own "— n —" restarting at 1, and the
    compilation (when ``own_numbers``) adds "第 N 页" lower down, counting on over all pages."""
    doc = pymupdf.open()
    sheet = 0
    for title in RESTARTED_TITLES:
        for number in range(1, 4):
            sheet += 1
            page = doc.new_page(width=595, height=842)
            y = 100.0
            if number == 1:
                page.insert_text(((595 - len(title) * 22) / 2, y), title, fontname="china-s", fontsize=22)
                y += 50
            for row in range(12):
                page.insert_text((79, y + row * 28), RESTARTED_SENTENCE[: 27 - (row % 5)], fontname="china-s", fontsize=16)
            page.insert_text((280, 780), f"— {number} —", fontname="china-s", fontsize=12)
            if own_numbers:
                page.insert_text((270, 815), f"第 {sheet} 页", fontname="china-s", fontsize=10)
    doc.save(path)
    return path
