"""The layout elements of Chinese official documents (GB/T 9704-2012 党政机关公文格式) and of laws.

A 公文 has three parts:
- 版头: the 发文机关标志 (the issuer's name, usually followed by 文件, centred in large red type at the
  top of the first page), the 发文字号 (文号, 机关代字〔年份〕序号号) below it, then a red rule. A
  promulgation order has the same place taken by "××令" and "第×号".
- 主体: 标题, 主送机关, 正文, 附件说明, 署名, 成文日期, 附注 and the 附件 — each attachment starts on a
  new page with "附件" or "附件1" at the top left, then its own title.
- 版记: 抄送 and 印发 lines at the end.
A law or regulation prints its title, then a 题注 in parentheses saying when and by which body it
was adopted (通过), amended (修正/修订) or promulgated (公布).

Every test here is a statement about those conventions, applied to a paragraph of the page.
"""

from __future__ import annotations

import re

from reader.structure.blocks import Paragraph

DOC_NUMBER = re.compile(
    r"^(?:"
    r"[\u4e00-\u9fff、()（）]{1,24}\s*[〔［\[（(【]\s*\d{4}\s*[〕］\]）)】]\s*\d{1,5}\s*号"  # 工信部联科〔2024〕235 号
    r"|[\u4e00-\u9fff]{1,16}\s*公告\s*\d{4}\s*年\s*第\s*\d{1,4}\s*号"  # 税委会公告 2024 年第 13 号
    r"|[\u4e00-\u9fff]{0,16}\s*\d{4}\s*年\s*第\s*\d{1,4}\s*号"
    r"|[\u4e00-\u9fff]{1,16}令\s*[（(]?\s*第\s*[\d一二三四五六七八九十百零〇]+\s*号\s*[）)]?"  # 主席令 第 X 号
    # the order that promulgated a law, cited in brackets under its title: （中华人民共和国主席令第 31 号）
    r"|[（(]\s*[\u4e00-\u9fff]{1,16}令\s*第\s*[\d一二三四五六七八九十百零〇]+\s*号\s*[）)]"
    r")$"
)
ORDER_NUMBER = re.compile(r"^[（(]?\s*第\s*([\d一二三四五六七八九十百千零〇]+)\s*号\s*[）)]?$")  # 第 535 号
_ORDER_NAME = re.compile(r"^[\u4e00-\u9fff]{2,20}令$")  # 中华人民共和国国务院令, 中华人民共和国主席令
_ISSUER_MARK = re.compile(r"^(.{2,60}?)\s*文件$")
LAW_NOTE = re.compile(r"^[（(]?\s*(?:\d{4}|[〇零○一二三四五六七八九]{4})\s*年[^）)。]{0,80}?(?:通过|公布|修正|修订|发布|施行|批准)")
# 附件, 附件1, 附件 2-1, 附件三, and the number in brackets (附件【1】, 附件（2）) as some notices print it.
ATTACHMENT_LABEL = re.compile(r"^附\s*件\s*[【\[（(]?\s*([0-9０-９]{1,2}(?:\s*[-－—–]\s*[0-9０-９]{1,2})?|[一二三四五六七八九十]{1,3})?"
                              r"(?(1)\s*[】\]）)]?|)\s*[:：]?\s*(.*)$")
# The 文种 that ends a 公文's title (GB/T 9704 7.3.1: 发文机关 + 事由 + 文种); printed alone (often spaced
# out, "通　知") it is the title's last line.
GENRE = re.compile(r"^(?:通知|通报|决定|决议|命令|意见|公告|通告|报告|请示|批复|议案|函|纪要|办法|规定|规则|细则|方案|"
                   r"条例|规划|计划|要点|公报|指引|指南|章程|的通知|的决定|的意见|的通报|的批复|的报告|的函)$")
# A title ends in its 文种 (事由 + 文种, GB/T 9704 7.3.1), perhaps with a "（试行）" after it.
GENRE_END = re.compile(r"(?:通知|通报|决定|决议|命令|意见|公告|通告|报告|请示|批复|议案|纪要|办法|规定|规则|细则|方案|"
                       r"条例|规划|计划|要点|公报|指引|指南|章程)(?:[（(][^）)]{1,8}[）)])?$")
# A parenthesised note under a title that says which version it is ("（2018 版修订）", "（2020 年修正）"):
# a 题注, not the title's last line (a year range "（2025—2027 年）" or "（试行）" is part of the title).
REVISION_NOTE = re.compile(r"^[（(][^（()）]{0,30}(?:修订|修正|通过|公布|印发|发布)[^（()）]{0,8}[）)]$")
_ORGAN = re.compile(r"(?:部|委|局|厅|院|会|府|署|办|室|中心|大学|学院|学校|公司|集团|委员会|办公厅|人民政府)$")
RECORD_LINE = re.compile(r"^(?:抄送|印发|抄报|分送)[:：]?")  # 版记


def squash(text: str) -> str:
    return "".join(text.split())


def is_doc_number(p: Paragraph) -> bool:
    text = p.text.strip()
    return len(text) <= 40 and bool(DOC_NUMBER.match(squash(text)) or DOC_NUMBER.match(text))


def _mark_like(p: Paragraph, body_size: float) -> bool:
    """Set like a 发文机关标志: centred (or spanning the width symmetrically), well above the body size."""
    symmetric = abs((p.x0 + p.x1) / 2 - p.page_width / 2) < 2 * p.size
    return p.size >= body_size * 1.25 and (p.centred or symmetric) and len(squash(p.text)) <= 60


def is_issuer_mark(p: Paragraph, body_size: float, following: list[Paragraph]) -> bool:
    """The 发文机关标志: "××文件" in large centred type, or the bare name followed by a 文号 line or
    printed in red."""
    if not _mark_like(p, body_size):
        return False
    text = squash(p.text)
    if _ISSUER_MARK.match(text):
        return True
    if "《" in text or "关于" in text:
        return False
    if is_red(p):
        return True  # printed in red: the mark is known by its colour where the source gives one (a scan)
    return bool(following) and is_doc_number(following[0]) and bool(_ORGAN.search(text))


def is_red(p: Paragraph) -> bool:
    """Mostly red ink (a 发文机关标志 or a seal); False when the source knows no colour."""
    return p.red is not None and p.red >= 0.6


def is_order_mark(p: Paragraph, body_size: float, following: list[Paragraph]) -> bool:
    """"××令" over "第×号": the 版头 of a promulgation order."""
    return (p.size >= body_size * 1.1 and bool(_ORDER_NAME.match(squash(p.text))) and bool(following)
            and bool(ORDER_NUMBER.match(squash(following[0].text))))


def order_number(mark: Paragraph, number: Paragraph) -> str:
    """国务院令第535号 from "中华人民共和国国务院令" and "第 535 号" (the state's name left out, as cited)."""
    name = squash(mark.text)
    body = name.removeprefix("中华人民共和国")
    if body in ("主席令", "令"):
        body = name
    return body + squash(number.text).strip("（）()")


def issuers_of_mark(text: str) -> list[str]:
    """Bodies named in a 发文机关标志: "A、B文件" or "A B 文件" (joint issue) → [A, B]."""
    name = squash(text)
    match = _ISSUER_MARK.match(name)
    name = match.group(1) if match else name
    name = name.replace("(", "（").replace(")", "）")
    parts = [part for part in re.split(r"[、]", name) if part]
    return parts or [name]


def issuer_of_order(mark: Paragraph) -> str:
    """国务院 from 中华人民共和国国务院令; 中华人民共和国主席 from 中华人民共和国主席令."""
    name = squash(mark.text)[:-1]
    body = name.removeprefix("中华人民共和国")
    return name if body in ("主席", "") else body


def note_text(paragraphs: list[Paragraph], start: int) -> str:
    """The text of a 题注 that begins at ``paragraphs[start]``: a parenthesised note may run over
    several short paragraphs (each line set as its own), up to its closing parenthesis."""
    if start >= len(paragraphs):
        return ""
    text = squash(paragraphs[start].text)
    if not text.startswith(("（", "(")):
        return text
    for p in paragraphs[start + 1:start + 8]:
        if "）" in text or ")" in text:
            break
        text += squash(p.text)
    return text


def is_law_note(p: Paragraph | str) -> bool:
    """A 题注: "（2016年11月7日第十二届全国人民代表大会常务委员会第二十四次会议通过）", with or
    without the parentheses."""
    return bool(LAW_NOTE.match(squash(p if isinstance(p, str) else p.text)))


def attachment_label(p: Paragraph, first_on_page: bool) -> tuple[str, str] | None:
    """("附件1", title or "") when ``p`` opens an attachment: 附件 at the top of a page, at the left
    margin, alone or followed by the title (a label and title on one line may be centred). The 附件说明 inside the text (附件：1.《…》) is not one."""
    if not first_on_page or len(squash(p.text)) > 60 or "\n" in p.text.strip():
        return None
    match = ATTACHMENT_LABEL.match(p.text.strip())
    if not match:
        return None
    rest = match.group(2).strip()
    if p.centred and not rest:
        return None  # a bare 附件 stands at the left margin; centred, only with its title after it
    if not rest and re.search(r"[:：]\s*$", p.text):
        return None  # "附件：" over a list of attachments: the 附件说明 of the text
    if rest.startswith(("《", "1.", "1．", "1、")) or rest.endswith(("。", "；")):
        return None
    return "附件" + squash(match.group(1) or ""), rest
