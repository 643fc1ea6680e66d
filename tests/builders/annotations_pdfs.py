"""Typesetting small compilations for annotation tests (not a test module itself).

``typeset`` lays out documents (title + paragraphs) with a CJK font at a given page size and
font size, line by line, with a running header and a centred page-number footer, so that the
same text can be produced as different "editions" (other page size, reflowed lines).
"""

from __future__ import annotations

import random
from pathlib import Path

import pymupdf

FONT = "china-s"

_SUBJECTS = ["中小企业", "制造业", "数据要素", "工业互联网", "新材料产业", "氢能产业链", "绿色工厂", "5G 网络",
             "公共服务平台", "标准体系", "人工智能", "专精特新企业", "产业园区", "龙头企业", "科研院所"]
_VERBS = ["加快推进", "持续完善", "统筹布局", "鼓励发展", "支持建设", "着力提升", "深入实施", "有序开展", "积极培育"]
_OBJECTS = ["数字化转型", "关键核心技术攻关", "示范应用场景", "融资服务体系", "人才培养机制", "质量标准", "节能降碳改造",
            "供需对接", "创新载体", "安全保障能力", "国际合作", "试点示范工作"]
_TAILS = ["到 2027 年形成一批可复制推广的经验", "力争培育 {n} 家左右标杆企业", "提升产业链供应链韧性",
          "推动产业向高端化、智能化、绿色化发展", "完善配套政策和资金保障", "每年遴选 {n} 个典型案例",
          "形成上下联动、协同推进的工作格局"]


def sentence(rng: random.Random) -> str:
    tail = rng.choice(_TAILS).format(n=rng.randint(10, 300))
    where = rng.choice(["", "在重点地区", f"围绕{rng.choice(_OBJECTS)}", f"依托{rng.choice(_SUBJECTS)}", "按照有关要求"])
    return f"{where}{rng.choice(_SUBJECTS)}{rng.choice(_VERBS)}{rng.choice(_OBJECTS)}，{tail}。"


def make_documents(seed: int = 7, documents: int = 4, heads: int = 3, subs: int = 3) -> list[tuple[str, list[str]]]:
    """Documents of numbered clauses (一、 / （一）) with distinct sentences."""
    rng = random.Random(seed)
    out = []
    numerals = "一二三四五六七八九十"
    for d in range(documents):
        paras = [f"各省、自治区、直辖市有关部门：{sentence(rng)}{sentence(rng)}"]
        for h in range(heads):
            paras.append(f"{numerals[h]}、{rng.choice(_OBJECTS)}")
            for s in range(subs):
                paras.append(f"（{numerals[s]}）{rng.choice(_SUBJECTS)}{rng.choice(_VERBS)}。"
                             + "".join(sentence(rng) for _ in range(rng.randint(2, 5))))
        out.append((f"关于推进第{numerals[d]}批{rng.choice(_OBJECTS)}工作的通知", paras))
    return out


_WIDTHS: dict[str, float] = {}


def _wrap(text: str, font: pymupdf.Font, size: float, width: float, indent: float) -> list[str]:
    lines, current, used, limit = [], "", 0.0, width - indent
    for ch in text:
        if ch not in _WIDTHS:
            _WIDTHS[ch] = font.text_length(ch, fontsize=1)
        advance = _WIDTHS[ch] * size
        if current and used + advance > limit:
            lines.append(current)
            current, used, limit = "", 0.0, width
        current += ch
        used += advance
    if current:
        lines.append(current)
    return lines


def align(old: str, new: str, gram: int = 12) -> dict[int, int]:
    """Offset in ``old`` → offset in ``new`` for characters the two editions share (the test's truth).

    Anchors are ``gram``-character strings that occur exactly once in each text, kept in
    increasing order on both sides; from each anchor the mapping runs on while the characters
    agree. Unlike walking both texts in step, this cannot drift when a sentence was deleted or a
    formulaic phrase repeats, and unlike a whole-text difflib run it takes milliseconds.
    """
    def unique_grams(text: str) -> dict[str, int]:
        seen: dict[str, int] = {}
        for i in range(len(text) - gram + 1):
            key = text[i:i + gram]
            seen[key] = -1 if key in seen else i
        return seen

    old_grams, new_grams = unique_grams(old), unique_grams(new)
    mapping: dict[int, int] = {}
    last_j = -1
    i = 0
    while i <= len(old) - gram:
        j = new_grams.get(old[i:i + gram], -1)
        if old_grams.get(old[i:i + gram], -1) == i and j > last_j:
            while i < len(old) and j < len(new) and old[i] == new[j]:
                mapping[i] = j
                i, j = i + 1, j + 1
            last_j = j - 1
        else:
            i += 1
    return mapping


def typeset(path: Path, documents: list[tuple[str, list[str]]], page_size: tuple[float, float] = (595, 842),
            font_size: float = 12, margin: float = 64, header: str = "政策汇编（测试版）",
            page_per_document: bool = True) -> Path:
    """Write ``documents`` as a PDF; each document starts on a new page unless told otherwise."""
    font = pymupdf.Font(FONT)
    pdf = pymupdf.open()
    width = page_size[0] - 2 * margin
    leading = font_size * 1.7
    page = None
    y = 0.0

    def new_page() -> pymupdf.Page:
        nonlocal y
        p = pdf.new_page(width=page_size[0], height=page_size[1])
        p.insert_text((page_size[0] - margin - font.text_length(header, fontsize=9), margin / 2), header,
                      fontname=FONT, fontsize=9)
        number = f"— {pdf.page_count} —"
        p.insert_text(((page_size[0] - font.text_length(number, fontsize=9)) / 2, page_size[1] - margin / 2),
                      number, fontname=FONT, fontsize=9)
        y = margin + font_size
        return p

    for title, paragraphs in documents:
        if page is None or page_per_document or y > page_size[1] - margin - 4 * leading:
            page = new_page()
        else:
            y += leading
        for line in _wrap(title, font, font_size + 4, width, 0):
            x = (page_size[0] - font.text_length(line, fontsize=font_size + 4)) / 2
            page.insert_text((x, y), line, fontname=FONT, fontsize=font_size + 4)
            y += (font_size + 4) * 1.8
        for para in paragraphs:
            indent = 2 * font_size
            for n, line in enumerate(_wrap(para, font, font_size, width, indent)):
                if y > page_size[1] - margin:
                    page = new_page()
                page.insert_text((margin + (indent if n == 0 else 0), y), line, fontname=FONT, fontsize=font_size)
                y += leading
    pdf.save(path)
    pdf.close()
    return path
