"""Where documents and their attachments start, from the elements of GB/T 9704 (``gbt9704``).

A 版头 (发文机关标志 + 文号, or "××令" + "第×号") opens the document it heads: the title below it is
that document's title, and the 版头 gives it its issuers and 文号 instead of becoming a document
of its own. An attachment (附件, 附件1 … at the top of a page) belongs to the document before it;
titles on the attachment's first page are its own title or cover, and later titles stay inside it
unless they open a new document (a 版头, a 文号 or 题注 under the title, or a 主送机关 line) or a
sibling attachment printed without its label (a title in the attachments' title size at the top of a
page, followed by text).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reader.structure.blocks import Paragraph
from reader.structure.gbt9704 import (attachment_label, is_doc_number, is_issuer_mark, is_law_note,
                                      is_order_mark, is_red, issuer_of_order, issuers_of_mark, note_text, order_number,
                                      squash)
from reader.structure.headings import match_heading

_TERMINAL = ("。", "；", "，", "：", ":", ";")
_FORM_FIELD = re.compile(r"(?:\S\s+){3,}\S?\s*[:：]$")  # "课 程 名 称 ：" — a field to fill in


@dataclass
class Head:
    """A 版头: the paragraphs it spans, what it says, and the title it puts its document under."""

    index: int
    last: int
    title_index: int | None
    doc_number: str | None = None
    issuers: list[str] = field(default_factory=list)
    mark_text: str = ""


@dataclass
class AttachmentStart:
    index: int  # the label paragraph (or the title, when printed without a label)
    label: str
    title: str
    title_index: int | None  # the paragraph holding the title (None: the title is on the label line)
    body_from: int  # first paragraph of the attachment's own text


def _title_like(p: Paragraph, body_size: float) -> bool:
    text = p.text.strip()
    symmetric = abs((p.x0 + p.x1) / 2 - p.page_width / 2) < 2 * p.size
    return (4 <= len(squash(text)) <= 120 and (p.centred or symmetric) and p.size >= body_size - 0.5
            and not text.endswith(_TERMINAL) and match_heading(text) is None and not is_doc_number(p))


def find_heads(paragraphs: list[Paragraph], body_size: float, first_page: int) -> list[Head]:
    heads: list[Head] = []
    index = 0
    while index < len(paragraphs):
        p = paragraphs[index]
        following = paragraphs[index + 1:index + 2]
        head = None
        if p.page >= first_page and is_order_mark(p, body_size, following):
            head = Head(index, index + 1, None, order_number(p, following[0]), [issuer_of_order(p)], squash(p.text))
            # The order's own text and signature come first; the regulation it promulgates follows.
            for k in range(index + 2, min(len(paragraphs), index + 16)):
                if paragraphs[k].page > p.page + 1:
                    break
                if _title_like(paragraphs[k], body_size) and paragraphs[k].size >= body_size + 0.9:
                    head.title_index = head.last = k
                    break
        elif p.page >= first_page and is_issuer_mark(p, body_size, following):
            last = index
            while (last + 1 < len(paragraphs) and not squash(paragraphs[last].text).endswith("文件")
                   and paragraphs[last + 1].page == p.page and paragraphs[last + 1].size >= body_size * 1.25
                   and not is_doc_number(paragraphs[last + 1]) and is_red(paragraphs[last + 1]) == is_red(p)):
                last += 1  # a mark set on two lines: 河南大学 / 软件学院文件
            mark = "".join(squash(paragraphs[k].text) for k in range(index, last + 1))
            head = Head(index, last, None, None, issuers_of_mark(mark), mark)
            if last + 1 < len(paragraphs) and is_doc_number(paragraphs[last + 1]):
                head.last = last = last + 1
                head.doc_number = " ".join(paragraphs[last].text.split())
            nxt = last + 1
            title = paragraphs[nxt] if nxt < len(paragraphs) else None
            if (title is not None and title.page <= p.page + 1 and _title_like(title, body_size)
                    and (title.size >= body_size + 0.9 or title.bold >= 0.6)):  # 标题: larger or bold
                head.title_index = head.last = nxt
        if head is not None:
            heads.append(head)
            index = head.last + 1
        else:
            index += 1
    return heads


def _first_on_page(paragraphs: list[Paragraph], index: int) -> bool:
    return index == 0 or paragraphs[index - 1].end_page < paragraphs[index].page


def _addressee(p: Paragraph) -> bool:
    """A 主送机关 line: "各有关单位：" — short, ends with a colon, not a form field to fill in."""
    text = p.text.strip()
    return len(squash(text)) <= 80 and text.endswith(("：", ":")) and not _FORM_FIELD.search(text) \
        and not text.startswith("附件")


def opens_document(paragraphs: list[Paragraph], index: int) -> bool:
    """A title that opens a document of its own: a 文号 or 题注 under it, or a 主送机关 line."""
    after = paragraphs[index + 1:index + 3]
    return (any(is_doc_number(p) for p in after) or is_law_note(note_text(paragraphs, index + 1))
            or bool(after and _addressee(after[0])) or addressed_title(paragraphs, index))


def addressed_title(paragraphs: list[Paragraph], index: int) -> bool:
    """``paragraphs[index]`` heads a 公文's 主体: its title (wrapped over centred lines) is followed by
    the 主送机关 line ("各有关单位：") — whatever size the title is set in."""
    for p in paragraphs[index + 1:index + 4]:
        if p.page != paragraphs[index].page:
            return False
        if _addressee(p):
            return True
        if not p.centred or len(squash(p.text)) > 40 or p.text.strip().endswith(_TERMINAL):
            return False
    return False


def _prose(p: Paragraph) -> bool:
    return len(squash(p.text)) >= 30 and not _FORM_FIELD.search(p.text.strip())


def _title_goes_on(line: Paragraph, nxt: Paragraph) -> bool:
    """``nxt`` carries on the title in ``line``: same page and size, right below, short, no stop."""
    text = nxt.text.strip()
    return (nxt.page == line.page and abs(nxt.size - line.size) < 0.5 and len(squash(text)) <= 40
            and nxt.first.y0 - line.lines[-1].line.y1 < 1.5 * line.size and not text.endswith(_TERMINAL)
            and match_heading(text) is None and not _FORM_FIELD.search(text) and not _cells_like(text))


def _cells_like(text: str) -> bool:
    return "□" in text or bool(re.search(r"\S\s{3,}\S", text))


def _names_same(rest: str, title: Paragraph) -> bool:
    """The label line's text names the attachment whose title is ``title``: nearly all of the title's
    characters occur in it (a listed name may be shortened, reordered or misprinted around it)."""
    name, full = squash(rest), squash(title.text)
    if len(full) < 4:
        return False
    return sum(1 for ch in full if ch in name) >= 0.8 * len(full)


def labelled_attachments(paragraphs: list[Paragraph], body_size: float, first_page: int) -> list[AttachmentStart]:
    out: list[AttachmentStart] = []
    for index, p in enumerate(paragraphs):
        if p.page < first_page:
            continue
        found = attachment_label(p, _first_on_page(paragraphs, index))
        if not found:
            continue
        label, rest = found
        nxt = index + 1
        if rest and nxt < len(paragraphs) and _names_same(rest, paragraphs[nxt]) and paragraphs[nxt].page == p.page \
                and paragraphs[nxt].centred and _title_like(paragraphs[nxt], body_size - 2):
            # "附件1 名单" at the margin over the centred title that prints the same name in full
            out.append(AttachmentStart(index, label, paragraphs[nxt].text.replace("\n", ""), nxt, nxt + 1))
            continue
        if rest:
            body_from = index + 1
            while body_from < len(paragraphs) and _title_goes_on(paragraphs[body_from - 1], paragraphs[body_from]):
                rest += squash(paragraphs[body_from].text)  # a long title wraps under its label line
                body_from += 1
            out.append(AttachmentStart(index, label, rest, None, body_from))
            continue
        nxt = index + 1
        if nxt < len(paragraphs) and paragraphs[nxt].page == p.page and _title_like(paragraphs[nxt], body_size - 2):
            out.append(AttachmentStart(index, label, paragraphs[nxt].text.replace("\n", ""), nxt, nxt + 1))
        else:
            out.append(AttachmentStart(index, label, "", None, index + 1))
    return out


def _label_number(label: str) -> int | None:
    match = re.match(r"^附件(\d+)", label)
    return int(match.group(1)) if match else None


def _number_skipped(zone: AttachmentStart, attachments: list[AttachmentStart], index: int) -> bool:
    """The next labelled attachment after ``index`` is numbered more than one past ``zone``."""
    current = _label_number(zone.label)
    following = next((a for a in attachments if a.index > index), None)
    after = _label_number(following.label) if following else None
    return current is not None and after is not None and after > current + 1


def sort_starts(paragraphs: list[Paragraph], body_size: float, heads: list[Head], titles: list[int],
                attachments: list[AttachmentStart]) -> tuple[list[int], list[AttachmentStart]]:
    """Decide which plain title starts open documents, given the 版头s and attachment labels.

    Returns the plain title starts that open documents, and all attachment starts (labelled ones plus
    siblings printed without their label)."""
    claimed: set[int] = set()
    for head in heads:
        claimed.update(range(head.index, head.last + 1))
    boundaries = sorted([(h.index, "head", h) for h in heads] + [(a.index, "attachment", a) for a in attachments]
                        + [(t, "title", None) for t in titles if t not in claimed], key=lambda e: e[0])
    kept: list[int] = []
    extra: list[AttachmentStart] = []
    zone: AttachmentStart | None = None  # the attachment whose text we are in
    zone_size = 0.0
    for index, kind, item in boundaries:
        if kind == "head":
            zone = None
            continue
        if kind == "attachment":
            zone = item
            zone_size = paragraphs[item.title_index].size if item.title_index is not None else paragraphs[item.index].size
            continue
        p = paragraphs[index]
        if zone is None:
            kept.append(index)
            continue
        if p.page == paragraphs[zone.index].page or index <= zone.body_from:
            continue  # the attachment's own title or cover
        if opens_document(paragraphs, index):
            kept.append(index)
            zone = None
        elif (_first_on_page(paragraphs, index) and p.size >= zone_size - 0.5 and index + 1 < len(paragraphs)
              and _prose(paragraphs[index + 1])):
            # A title in the attachments' size at the top of a page, with text under it: the attachment
            # whose label is missing when the numbering skips one here (附件1 … 附件3), else a new document.
            if _number_skipped(zone, attachments, index):
                zone = AttachmentStart(index, "", p.text.replace("\n", ""), index, index + 1)
                extra.append(zone)
            else:
                kept.append(index)
                zone = None
    return kept, sorted(attachments + extra, key=lambda a: a.index)
