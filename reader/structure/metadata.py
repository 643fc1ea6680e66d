"""What a document says about itself: 文号, issuing bodies, date, and its kind.

Read the way an analyst reads a notice: the 文号 is a line of its own near the title, the
date a line of its own at the signature, the issuers the short lines stacked just above (or
below) that date; the kind follows from the title's last words or the quoted document name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reader.structure.blocks import Paragraph
from reader.structure.gbt9704 import DOC_NUMBER, note_text
from reader.structure.paragraphs import HEADING_START

_CN_DIGITS = {"〇": 0, "零": 0, "○": 0, "Ｏ": 0, "O": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5,
              "六": 6, "七": 7, "八": 8, "九": 9}

_DATE = r"(\d{4}|[〇零○一二三四五六七八九]{4})\s*年\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*日"
DATE_LINE = re.compile(r"^[（(]?" + _DATE + r"[）)]?$")
DATE_IN_NOTE = re.compile(r"^[（(]?\s*" + _DATE + r"[^）)]{0,60}(?:通过|发布|公布|印发|修订|修正)")
_NUMBER_IN_NOTE = re.compile(r"[\u4e00-\u9fff]{1,16}[〔［\[]\d{4}[〕］\]]\d{1,5}号")
_ADOPTED_BY = re.compile(r"日([^第日]{0,12})第[^届]{1,5}届(.{2,24}?(?:常务委员会|代表大会|委员会))第")
_BODY_SUFFIX = re.compile(r"(?:部|委|局|厅|院|会|行|署|办|室|府|中心|协会|集团|公司|银行|总局|委员会|办公厅|小组)$")


@dataclass
class Metadata:
    doc_number: str | None = None
    issuers: list[str] = field(default_factory=list)
    date: str | None = None
    kind: str = "其他"


def _number(text: str) -> int:
    if text.isdigit():
        return int(text)
    if len(text) == 4:  # a year written digit by digit: 二〇二四
        return int("".join(str(_CN_DIGITS.get(c, 0)) for c in text))
    if "十" in text:  # 十 / 十二 / 二十 / 二十一
        tens, _, units = text.partition("十")
        return (_CN_DIGITS.get(tens, 1) if tens else 1) * 10 + (_CN_DIGITS.get(units, 0) if units else 0)
    return _CN_DIGITS.get(text, 0)


def parse_date(match: re.Match) -> str | None:
    year, month, day = (_number(g) for g in match.groups()[:3])
    if not (1900 <= year <= 2200 and 1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def _squash(text: str) -> str:
    return "".join(text.split())


def _looks_like_issuer(p: Paragraph) -> bool:
    text = p.text.strip()
    if "\n" in text or len(_squash(text)) > 40 or len(_squash(text)) < 2:
        return False
    if text[-1] in "。，；：！？,.;:" or DATE_LINE.match(_squash(text)) or re.search(r"[：:。；]", text) \
            or text.startswith("附件") or HEADING_START.match(text):
        return False  # a sentence, a date, an attachment line or a numbered heading is no issuing body
    return p.right_aligned or p.centred or bool(_BODY_SUFFIX.search(text))


def _split_issuers(text: str) -> list[str]:
    parts = [part for part in re.split(r"\s{1,}", text.strip()) if part]
    if len(parts) > 1 and all(len(part) >= 3 and _BODY_SUFFIX.search(part) for part in parts):
        return parts
    return [text.strip()]


def _issuers_from_title(title: str) -> list[str]:
    """Bodies named at the head of a title: "A、B关于…" / "A印发《…》" / "A、B联合出台…"."""
    match = re.match(r"^(.{2,60}?)(?:联合)?(?:关于|印发|发布|出台|公布)", title.split("《", 1)[0])
    head = match.group(1).strip() if match else ""
    parts = [part for part in re.split(r"[、\s]+", head) if part]
    if not parts or not all(_BODY_SUFFIX.search(part) for part in parts):
        return []
    return parts


def kind_of(title: str) -> str:
    text = _squash(title)
    if "解读" in text[:8] or text.endswith("解读") or "答记者问" in text:
        return "解读"
    quoted = re.findall(r"《([^》]+)》", text)
    for name in [re.sub(r"[（(][^）)]*[）)]$", "", text)] + [re.sub(r"[（(][^）)]*[）)]$", "", q) for q in reversed(quoted)]:
        for suffix, kind in (("公告", "公告"), ("通知", "通知"), ("意见", "意见"), ("方案", "方案"),
                             ("计划", "方案"), ("规划", "方案"), ("指南", "指南"), ("指引", "指南"),
                             ("法", "法律"), ("条例", "法律"), ("办法", "法律"), ("规定", "法律"),
                             ("决定", "通知"), ("通告", "公告")):
            if name.endswith(suffix):
                return kind
    return "新闻" if not quoted else "其他"


def describe(title: str, paragraphs: list[Paragraph], body_size: float) -> Metadata:
    """Metadata of one document; ``paragraphs[0]`` is its title."""
    meta = Metadata(kind=kind_of(title))
    head = paragraphs[1:6]
    # Near the title first; some compilations print it after the signature instead.
    for p in head + paragraphs[6:]:
        squashed = p.text.strip()
        if len(squashed) <= 40 and (DOC_NUMBER.match(squashed) or DOC_NUMBER.match(_squash(squashed))):
            meta.doc_number = " ".join(squashed.split())
            break
    for index, p in enumerate(paragraphs[1:], start=1):
        match = DATE_LINE.match(_squash(p.text))
        if not match or not (p.right_aligned or p.centred or p.indented or len(p.text) < 20):
            continue
        meta.date = parse_date(match)
        issuers: list[str] = []
        back = index - 1
        while back >= 1 and _looks_like_issuer(paragraphs[back]) and len(issuers) < 8:
            issuers[0:0] = _split_issuers(paragraphs[back].text)
            back -= 1
        if not issuers and index + 1 < len(paragraphs) and _looks_like_issuer(paragraphs[index + 1]):
            issuers = _split_issuers(paragraphs[index + 1].text)
        meta.issuers = issuers
        break
    if meta.date is None:
        for k in range(1, min(4, len(paragraphs))):
            note = note_text(paragraphs, k)  # a 题注 may be set over several lines
            match = DATE_IN_NOTE.match(note)
            if match:
                meta.date = parse_date(match)
                body = _ADOPTED_BY.search(note)  # a law names the body that passed it
                if body and not meta.issuers:
                    meta.issuers = [body.group(1) + body.group(2)]
                break
    note = note_text(paragraphs, 1) if len(paragraphs) > 1 else ""
    if note.startswith(("（", "(")):  # a 题注 of date and 文号 only: "（2010年8月30日 校办编号〔2010〕278号）"
        dated = re.match(r"^[（(]" + _DATE, note)
        number = _NUMBER_IN_NOTE.search(note, dated.end() if dated else 0)
        if meta.doc_number is None and number:
            meta.doc_number = number.group(0)
        if meta.date is None and dated:
            meta.date = parse_date(dated)
    if not meta.issuers:
        meta.issuers = _issuers_from_title(title)
    return meta
