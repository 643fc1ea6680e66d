"""Clause labels of Chinese official documents: 第一编 / 第一分编 / 第一章 / 第一节 / 第十条 / 一、 /
（一） / 1. / （1） / 专栏 N.

Shared by paragraph detection (a numbered item opening a line) and the clause tree. Levels follow
the drafting conventions of laws (编 → 分编 → 章 → 节 → 条) and of 公文 (一、 → （一） → 1. → （1））.
"""

from __future__ import annotations

import re

from reader.structure.numerals import NUMERAL_CHARS, parse_chinese

_CN = NUMERAL_CHARS
_NUM = rf"[{_CN}\d０-９]+"
_PATTERNS: list[tuple[str, int, re.Pattern]] = [
    ("part", 0, re.compile(rf"^第\s*({_NUM})\s*编")),
    ("subpart", 1, re.compile(rf"^第\s*({_NUM})\s*分编")),
    ("chapter", 2, re.compile(rf"^第\s*({_NUM})\s*章")),
    ("section", 3, re.compile(rf"^第\s*({_NUM})\s*节")),
    # An article inserted by an amendment keeps its neighbour's number: 第一百二十条之一 follows 第一百二十条.
    ("article", 4, re.compile(rf"^第\s*({_NUM})\s*条(?:\s*之\s*[{_CN}]+)?")),
    ("h1", 5, re.compile(rf"^([{_CN}]+)\s*、")),
    ("h2", 6, re.compile(rf"^[（(]\s*([{_CN}]+)\s*[）)]")),
    ("h3", 7, re.compile(r"^(\d{1,2})(?:[.．](?!\d)|、)")),
    ("h4", 8, re.compile(r"^[（(]\s*(\d{1,2})\s*[）)]")),
    ("box", 9, re.compile(r"^专栏\s*(\d{1,3})")),
]
# "1 督导组成员": an Arabic number and a space, no dot. Only the clause tree asks for it (``loose``),
# and only accepts it where its siblings number on the same way; a quantity ("3 个", "10 月") is not
# a heading, so a unit or measure word after the number rules it out.
_LOOSE = re.compile(r"^(\d{1,2})[ \u3000]+(?=[\u4e00-\u9fff])(?![年月日号时分秒个项次条款章节万亿元名人家所件天周倍])")
LOOSE_KIND = "h3"
LOOSE_RANK = 7
_CUT = re.compile(r"[。；：！？:;!?]")
# A line of a contents list: dot leaders (or a wide gap) and a page number at its end.
TOC_ENTRY = re.compile(r"(?:[.·…．•_]{4,}|\s{3,})\s*[\dIVXivx]{1,4}\s*$")


def cn_number(text: str) -> int:
    """The value of a label's number (Chinese or Arabic); 0 when it is no well-formed numeral."""
    return parse_chinese(text) or 0


def _squash_cjk_spaces(text: str) -> str:
    return re.sub(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])", "", text).strip()


def _heading_text(rest: str) -> str:
    first_line = rest.lstrip(" 　").split("\n", 1)[0]
    cut = _CUT.search(first_line)
    heading = first_line[:cut.start()] if cut else first_line
    return _squash_cjk_spaces(heading)[:60]


def match_heading(text: str, loose: bool = False) -> tuple[str, int, int, str, str] | None:
    """(kind, rank, number, label, heading) when ``text`` opens with a clause label; with ``loose``
    also a number without a dot ("1 督导组成员"), labelled with the number alone."""
    for kind, rank, pattern in _PATTERNS:
        m = pattern.match(text)
        if not m:
            continue
        number = cn_number(m.group(1))
        if number <= 0:
            return None
        label = re.sub(r"\s+", "", m.group(0))
        if kind == "box":
            label = f"专栏 {number}"
        elif kind == "h3":
            label = m.group(0)[:-1] + ("." if m.group(0)[-1] in ".．" else "、")
        return kind, rank, number, label, _heading_text(text[m.end():])
    if loose:
        m = _LOOSE.match(text)
        if m and int(m.group(1)) > 0:
            return LOOSE_KIND, LOOSE_RANK, int(m.group(1)), m.group(1), _heading_text(text[m.end():])
    return None
