"""Small CJK PDFs for the search tests: a running header and footer, paragraphs that wrap."""

from __future__ import annotations

from pathlib import Path

import pymupdf

HEADER = "测试汇编（2025年1月）"


def make_pdf(path: Path, pages: list[list[str]], title: str = "测试汇编") -> Path:
    """Write ``pages`` (lines of body text each) with a running header and a page-number footer."""
    doc = pymupdf.open()
    for number, lines in enumerate(pages, start=1):
        page = doc.new_page(width=595, height=842)
        page.insert_text((380, 40), HEADER, fontname="china-s", fontsize=9)
        y = 90.0
        for line in lines:
            page.insert_text((72, y), line, fontname="china-s", fontsize=12)
            y += 20
        page.insert_text((285, 810), f"— {number} —", fontname="china-s", fontsize=9)
    doc.set_metadata({"title": title})
    doc.save(path)
    doc.close()
    return path


BODY = [
    [
        "关于推进氢冶金和5G工厂建设的通知",
        "各有关单位：为加快推动钢铁行业低碳转型，支持有条件的企业开展氢冶",
        "金示范，推动５Ｇ 工厂和工业互联网融合应用，现将有关事项通知如下。",
        "一、推进专精特新中小企业数字化转型，提升中小企业上云率，推广",
        "DCMM 数据管理能力成熟度评估模型，引导企业部署 ERP 系统。",
    ],
    [
        "二、有序发展氢能，在交通领域开展燃料电池汽车示范应用，支持",
        "建设加氢站。对长期破净的上市公司加强市值管理。",
        "三、加强数据要素市场建设，培育数据产业，推动 5G+工业互联网",
        "融合发展。各地要结合实际抓好落实。推动新型工业化和氢",
    ],
    [
        "冶金技术进步，开展关键技术攻关。",
        "附件：有关单位名单",
        "本通知自印发之日起施行。",
    ],
    [
        "解读：本次通知明确了数据要素、氢能交通和专精特新等重点方向，",
        "并对工业互联网平台提出要求。",
    ],
]
