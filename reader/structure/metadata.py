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
_BRACKETED = re.compile(r"^[（(].*[）)]$")
# The 版记's last line: the office that prints the document and the date it did ("…办公室 2025年1月8日印发").
_PRINTED_ON = re.compile(r"^[\u4e00-\u9fff（）()]{2,30}?" + _DATE + r"印发$")
_NUMBER_IN_NOTE = re.compile(r"[\u4e00-\u9fff]{1,16}[〔［\[]\d{4}[〕］\]]\d{1,5}号")
# The body that passed a law, as its 题注 or promulgation sentence names it: "第十届全国人民代表大会
# 常务委员会第十七次会议通过", "××省第十三届人民代表大会常务委员会第五次会议", "国务院第25次常务会议". Read
# even where the date is not legible (a font without a usable encoding garbles the digits).
_PASSED_BY = re.compile(
    r"([\u4e00-\u9fff]{0,12}?(?:省|市|自治区|州|县|区)?)第[一二三四五六七八九十]{1,4}届((?:全国)?人民代表大会(?:常务委员会)?)"
    r"第[一二三四五六七八九十]{1,4}次(?:全体)?会议"
    r"|(国务院)第\s*[\d一二三四五六七八九十百]{1,4}\s*次常务会议"
    # a ministry's rules (规章): "2023年7月10日国家互联网信息办公室2023年第12次室务会议审议通过"
    r"|([\u4e00-\u9fff]{2,24}?(?:部|委员会|总局|局|署|办公室|银行))(?:\d{4}年)?第\s*[\d一二三四五六七八九十百]{1,4}\s*次"
    r"(?:部务|委务|委主任|局务|署务|室务|行务)会议")
# A law promulgated with the order's sentence under its title instead of a bracketed note:
# "《××法》已由……会议于1994年7月5日通过，现予公布，自……起施行。"
_PROMULGATED = re.compile(r"已由.{4,60}?于\s*" + _DATE + r"\s*(?:通过|修订|修正)")
# A title opening with the name of the body that issues it, and no 关于 after it: "上海海洋大学本科生
# 学籍管理条例", "淮安市洪泽区人民政府2024年政府信息公开工作年度报告". The name is one organ or an organ
# and its sub-unit ("上海海洋大学信息学院"); what follows names a kind of document.
_TITLE_ORGAN = re.compile(r"(?:人民政府|大学|学院|委员会|办公厅|办公室|研究院|学会|协会)")
_TITLE_KIND = re.compile(r"(?:报告|条例|细则|办法|规定|章程|职责|方案|计划|规划|制度|机制|意见|通知|通告|公告|决定"
                         r"|指南|要点|规则|规程|守则|标准|纲要|总结|目录|清单)$")
_BODY_SUFFIX = re.compile(r"(?:部|委|局|厅|院|会|行|署|办|室|府|中心|协会|集团|公司|银行|总局|委员会|办公厅|小组|中央|大学|学校)$")


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


def _organ_prefix(title: str) -> list[str]:
    """The issuing body a title starts with when it names no 关于: the longest run of at most two
    organ names (each ending in 人民政府, 大学, 学院, 委员会, …) before the name of the document."""
    text = _squash(title)
    if text.startswith("中华人民共和国") or not _TITLE_KIND.search(re.sub(r"[（(][^）)]*[）)]$", "", text)):
        return []  # the state's name heads laws and state regulations, whose issuer the 题注 or 令 gives
    end, pieces = 0, 0
    for match in _TITLE_ORGAN.finditer(text):
        piece = text[end:match.end()]
        if re.search(r"[\d０-９年《》“”\"（）()、，]", piece) or len(piece) < (4 if pieces == 0 else 3) or len(piece) > 16:
            break
        end, pieces = match.end(), pieces + 1
        if pieces == 2:
            break
    rest = text[end:]
    if not end or len(rest) < 4:
        return []
    return [text[:end]]


def adopted_by(text: str) -> str | None:
    """The body a law's 题注 or promulgation sentence says passed it (the first one named)."""
    match = _PASSED_BY.search(_squash(text))
    if not match:
        return None
    if match.group(3):
        return match.group(3)
    if match.group(4):
        return re.sub(r"^.*?(?:日|经|由)", "", match.group(4)) or None
    place = match.group(1) if not match.group(2).startswith("全国") else ""
    place = re.sub(r"^.*?(?:通过|日|，|、)", "", place)  # the date or a previous clause is no place name
    return place + match.group(2)


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
            if _BRACKETED.match(meta.doc_number):  # an order cited under a law's title: （主席令第31号）
                meta.doc_number = meta.doc_number[1:-1].strip()
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
            match = DATE_IN_NOTE.match(note) or _PROMULGATED.search(note)
            if match:
                meta.date = parse_date(match)
                body = adopted_by(note)  # a law names the body that passed it
                if body and not meta.issuers:
                    meta.issuers = [body]
                break
    if not meta.issuers and meta.kind == "法律":
        # A 题注 whose date cannot be read (garbled digits) or set over plain lines still names the body.
        # Only the head of the law counts: what comes before its 目录 or first chapter or article
        # (a book's cover and title page may come first).
        head_text = "".join(_squash(p.text) for p in paragraphs[1:12])
        head_text = re.split(r"目录|第[一二三四五六七八九十]+[编章条]", head_text, maxsplit=1)[0][:300]
        if "会议" in head_text and "通过" in head_text:
            body = adopted_by(head_text)
            if body:
                meta.issuers = [body]
    note = note_text(paragraphs, 1) if len(paragraphs) > 1 else ""
    if note.startswith(("（", "(")):  # a 题注 of date and 文号 only: "（2010年8月30日 校办编号〔2010〕278号）"
        dated = re.match(r"^[（(]" + _DATE, note)
        number = _NUMBER_IN_NOTE.search(note, dated.end() if dated else 0)
        if meta.doc_number is None and number:
            meta.doc_number = number.group(0)
        if meta.date is None and dated:
            meta.date = parse_date(dated)
    if meta.date is None:
        _signed_line(paragraphs[1:3], meta)
    if meta.date is None:
        meta.date = printed_date(paragraphs[1:])
    if meta.date is None or not meta.issuers:
        cover_release(paragraphs[1:8], meta)
    if not meta.issuers:
        meta.issuers = _issuers_from_title(title) or _organ_prefix(title)
    return meta


def _signed_line(paragraphs: list[Paragraph], meta: Metadata) -> None:
    """Issuing bodies and date on one line under the title, as a reprint of a joint document prints them
    ("最高人民法院   最高人民检察院    公 安 部      2019 年1 月30 日"): wide gaps part the bodies."""
    for p in paragraphs:
        for item in getattr(p, "lines", []):
            signed = re.match(r"^(.*?)\s*" + _DATE + r"$", item.line.text.strip())
            names = [_squash(n) for n in re.split(r"\s{2,}", signed.group(1).strip())] if signed else []
            if names and all(len(n) >= 2 and _BODY_SUFFIX.search(n) for n in names):
                meta.date = parse_date(re.search(_DATE, item.line.text))
                meta.issuers = meta.issuers or names
                return


def printed_date(paragraphs: list[Paragraph]) -> str | None:
    """The date of the 版记's 印发 line ("×××办公室  2025年1月8日印发", GB/T 9704 7.4.3): when no 成文日期
    can be read (on a scan the seal is printed over it), still when the document was sent out."""
    for p in reversed(paragraphs):
        printed = _PRINTED_ON.search(_squash(p.text))
        if printed:
            return parse_date(printed)
    return None


# The cover of a standard (GB/T 1.1): "2012-06-29 发布 … 2012-07-01 实施" and, at its foot, the
# issuing bodies followed by 发布, printed one under the other (so read as one run of text).
_RELEASED_ON = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})发布")
_RELEASED_BY = re.compile(r"^([\u4e00-\u9fff（）()、]{4,80})发布$")
_NEXT_ORGAN = re.compile(r"(?<=[局部委会院署室厅])(?=中华人民共和国|中国|国家)")


def cover_release(paragraphs: list[Paragraph], meta: Metadata) -> None:
    """Date and issuers of a standard from its cover's 发布 lines."""
    for p in paragraphs:
        text = _squash(p.text)
        dated = _RELEASED_ON.match(text)
        if dated and meta.date is None:
            meta.date = parse_date(dated)
        named = _RELEASED_BY.match(text)
        if named and not meta.issuers and "关于" not in text:
            # one body a line when the paragraph keeps its lines, else split where a new name starts
            lines = [_squash(item.line.text) for item in getattr(p, "lines", [])]
            lines = [line.removesuffix("发布") for line in lines if line and line != "发布"]
            parts = lines if len(lines) > 1 else [part for part in re.split(r"、|" + _NEXT_ORGAN.pattern, named.group(1)) if part]
            if parts and all(_BODY_SUFFIX.search(part) for part in parts):
                meta.issuers = parts
