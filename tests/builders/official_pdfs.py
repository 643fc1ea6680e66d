"""Small official documents laid out by GB/T 9704 and by the drafting conventions of laws.

Each page is a list of ``(text, size, align)`` rows (align: "left", "indent", "centre", "right");
red marks are drawn in red with a red rule under the 版头, as printed notices are.
"""

from __future__ import annotations

from pathlib import Path

import pymupdf

WIDTH, HEIGHT, LEFT, RIGHT = 595.0, 842.0, 79.0, 516.0
BODY = 16.0
Row = tuple[str, float, str]

SENTENCE = "为进一步规范管理工作，提高工作质量和效率，结合实际情况，经研究决定有关事项如下。"
NOTICE_PAGES: list[list[Row]] = [
    [("某某大学文件", 36, "red"), ("某大发〔2024〕5号", BODY, "centre"), ("", 0, "rule"),
     ("某某大学关于印发《某某管理办法》的通知", 22, "centre"), ("各学院、各部门：", BODY, "left"),
     (SENTENCE, BODY, "indent"), (SENTENCE, BODY, "indent"), ("附件：某某管理办法", BODY, "indent"),
     ("某某大学", BODY, "right"), ("2024年3月5日", BODY, "right"),
     ("抄送：某某教育厅。", 14, "left"), ("某某大学办公室 2024年3月5日印发", 14, "left")],
    [("附件", BODY, "left"), ("某某管理办法", 22, "centre"),
     ("第一条 " + SENTENCE, BODY, "indent"), ("第二条 " + SENTENCE, BODY, "indent"),
     ("第三条 " + SENTENCE, BODY, "indent")],
    [("附件2：某某申请表", BODY, "left"), ("申请表填写说明", 22, "centre"),
     (SENTENCE, BODY, "indent"), (SENTENCE, BODY, "indent")],
]
LAW_PAGES: list[list[Row]] = [
    [("中华人民共和国某某法", BODY, "centre"),
     ("（2020年1月1日第十三届全国人民代表大会常务委员会", BODY, "indent"),
     ("第十五次会议通过）", BODY, "indent"),
     ("目录", BODY, "centre"), ("第一章 总则", BODY, "indent"), ("第二章 附则", BODY, "indent"),
     ("第一章 总则", BODY, "centre"),
     ("第一条 " + SENTENCE, BODY, "indent"), ("第二条 " + SENTENCE, BODY, "indent")],
    [("第二章 附则", BODY, "centre"), ("第三条 " + SENTENCE, BODY, "indent"),
     ("第四条 本法自2020年5月1日起施行。", BODY, "indent")],
]
ORDER_PAGES: list[list[Row]] = [
    [("中华人民共和国国务院令", 22, "centre"), ("第 100 号", BODY, "centre"),
     ("《某某条例》已经2020年1月1日国务院第1次常务会议通过，现予公布，自公布之日起施行。", BODY, "indent"),
     ("总理 某某", BODY, "right"), ("二〇二〇年一月八日", BODY, "right"),
     ("某某条例", 22, "centre"), ("第一条 " + SENTENCE, BODY, "indent"), ("第二条 " + SENTENCE, BODY, "indent")],
]
COVER: list[Row] = [("政策文件汇编", 30, "centre"), ("2024年第3期", BODY, "centre"), ("某某协会编", BODY, "centre")]
OTHER_NOTICE: list[Row] = [("关于做好年度统计工作的通知", 22, "centre"), ("各会员单位：", BODY, "left"),
                           (SENTENCE, BODY, "indent"), (SENTENCE, BODY, "indent"),
                           ("某某协会", BODY, "right"), ("2024年2月1日", BODY, "right")]


def _wrap(text: str, size: float, first_x: float) -> list[tuple[float, str]]:
    """Break ``text`` into rows that fit between the margins (CJK glyphs are ``size`` wide)."""
    rows, x, current = [], first_x, ""
    for ch in text:
        if x + (len(current) + 1) * size > RIGHT + 0.5:
            rows.append((x, current))
            x, current = LEFT, ""
        current += ch
    rows.append((x, current))
    return rows


def official_pdf(path: Path, pages: list[list[Row]]) -> Path:
    doc = pymupdf.open()
    for rows in pages:
        page = doc.new_page(width=WIDTH, height=HEIGHT)
        y = 90.0
        for text, size, align in rows:
            if align == "rule":
                page.draw_line((LEFT, y - 8), (RIGHT, y - 8), color=(1, 0, 0), width=2)
                y += 12
                continue
            colour = (1, 0, 0) if align == "red" else (0, 0, 0)
            width = len(text) * size
            if align in ("centre", "red"):
                placed = [((WIDTH - width) / 2, text)]
            elif align == "right":
                placed = [(RIGHT - width - 2 * BODY, text)]
            else:
                placed = _wrap(text, size, LEFT + (2 * size if align == "indent" else 0))
            for x, part in placed:
                page.insert_text((x, y + size), part, fontname="china-s", fontsize=size, color=colour)
                y += size * 1.8
    doc.save(path)
    doc.close()
    return path
