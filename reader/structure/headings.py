"""Clause labels of Chinese official documents: 第一章 / 第十条 / 一、 / （一） / 1. / （1） / 专栏 N.

Shared by paragraph detection (a numbered item opening a line) and the clause tree.
"""

from __future__ import annotations

import re

_CN = "零〇一二三四五六七八九十百"
_PATTERNS: list[tuple[str, int, re.Pattern]] = [
    ("part", 0, re.compile(rf"^第([{_CN}\d]+)编")),
    ("chapter", 1, re.compile(rf"^第([{_CN}\d]+)章")),
    ("section", 2, re.compile(rf"^第([{_CN}\d]+)节")),
    ("article", 3, re.compile(rf"^第([{_CN}\d]+)条")),
    ("h1", 4, re.compile(rf"^([{_CN}]+)、")),
    ("h2", 5, re.compile(rf"^[（(]([{_CN}]+)[）)]")),
    ("h3", 6, re.compile(r"^(\d{1,2})(?:[.．](?!\d)|、)")),
    ("h4", 7, re.compile(r"^[（(](\d{1,2})[）)]")),
    ("box", 9, re.compile(r"^专栏\s*(\d{1,3})")),
]
_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")}
_DIGITS["〇"] = 0
_CUT = re.compile(r"[。；：！？:;!?]")


def cn_number(text: str) -> int:
    if text.isdigit():
        return int(text)
    total, current = 0, 0
    for ch in text:
        if ch == "百":
            total += (current or 1) * 100
            current = 0
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        else:
            current = _DIGITS.get(ch, 0)
    return total + current


def _squash_cjk_spaces(text: str) -> str:
    return re.sub(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])", "", text).strip()


def match_heading(text: str) -> tuple[str, int, int, str, str] | None:
    """(kind, rank, number, label, heading) when ``text`` opens with a clause label."""
    for kind, rank, pattern in _PATTERNS:
        m = pattern.match(text)
        if not m:
            continue
        number = cn_number(m.group(1))
        if number <= 0:
            return None
        label = m.group(0).replace(" ", "")
        if kind == "box":
            label = f"专栏 {number}"
        elif kind == "h3":
            label = m.group(0)[:-1] + ("." if m.group(0)[-1] in ".．" else "、")
        rest = text[m.end():].lstrip(" 　")
        first_line = rest.split("\n", 1)[0]
        cut = _CUT.search(first_line)
        heading = first_line[:cut.start()] if cut else first_line
        return kind, rank, number, label, _squash_cjk_spaces(heading)[:60]
    return None


