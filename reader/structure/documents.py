"""Split a compilation into its documents.

A document opens with a title block: a paragraph set larger than the body text and placed
centred (it may wrap; the paragraph builder already joined its lines). When the PDF has
bookmarks, their top-level entries name the documents instead. Cover and 目录 pages are
front matter, not documents; a 目录, when present, only adds titles typeset too plainly to
stand out.
"""

from __future__ import annotations

import re

from reader.structure.blocks import Paragraph, build_paragraphs
from reader.structure.builder import PlacedLine
from reader.structure.clauses import find_clauses, match_heading
from reader.structure.frontmatter import front_matter_end, only_front_matter
from reader.structure.gbt9704 import GENRE_END, REVISION_NOTE, is_doc_number, is_law_note, is_red, note_text
from reader.structure.heads import (AttachmentStart, Head, addressed_title, find_heads, labelled_attachments,
                                    sort_starts)
from reader.structure.metadata import Metadata, cover_release, describe, printed_date
from reader.structure.model import DocumentInfo
from reader.structure.paragraphs import Layout
from reader.structure.textmap import Compilation
from reader.structure.titles import (OWN_FRONT, own_title_below, same_title_page, title_again, title_rest, title_text,
                                      without_note)

_LEADER_LINE = re.compile(r"(?:[.·…⋯．•_]{4,}|\s{3,})\s*[\dIVXivx]{1,4}\s*$")
_TOC_HEAD = re.compile(r"^目\s*录$")
_HAN = re.compile(r"[\u3400-\u9fff]")
# Lines of a cover that are never a document's title: the kind of a standard ("中华人民共和国国家标准",
# "××行业标准") and the bodies that issue it ("×××发布" at the foot of the cover).
_STANDARD_KIND = re.compile(r"^(?:中华人民共和国)?(?:国家|[\u4e00-\u9fff]{2,8}?行业|[\u4e00-\u9fff]{2,8}?地方|团体)标准$")
_ISSUED_BY = re.compile(r"^([\u4e00-\u9fff、（）()\s]{4,80}?)\s*发\s*布$")
_ORGAN_END = re.compile(r"(?:局|部|委员会|委|院|署|办公室|办公厅|厅|政府|中心|协会|学会|联合会|总会)$")
_NAME_START = re.compile(r"(?<=[局部委会院署室厅府心])(?=中华人民共和国|中国|国家)")
_CJK = re.compile(r"[\u4e00-\u9fff]")
# An appendix a law or regulation prints after its last article: "附：国旗制法说明" (the 国旗法),
# "附：国徽图案说明". It belongs to the law the way an attachment belongs to a notice.
_APPENDIX = re.compile(r"^附\s*[:：]\s*([^\d\s《“0-9０-９].{1,38})$")


def _squash(text: str) -> str:
    return "".join(text.split())


def toc_titles(paragraphs: list[Paragraph]) -> list[str]:
    """Entries of a 目录 page: text before the dot leaders and page number."""
    titles = []
    for p in paragraphs:
        for item in p.lines:
            match = _LEADER_LINE.search(item.line.text)
            if match:
                entry = item.line.text[:match.start()].rstrip(" …．.·")
                if len(_squash(entry)) >= 4:
                    titles.append(entry)
    return titles


def _cells(p: Paragraph) -> bool:
    """A row of table cells or a form line (wide gaps between characters, check boxes): no title."""
    if "□" in p.text or "£" in p.text:
        return True
    for item in p.lines:
        rects = [r for ch, r in zip(item.line.chars, item.line.rects) if ch.strip()]
        if any(b[0] - a[2] > 2.5 * item.line.size for a, b in zip(rects, rects[1:])):
            return True
    return False


def _is_title(p: Paragraph, body_size: float, larger_only: bool = True) -> bool:
    """A title block: set larger than the body (or, in compilations whose titles are body-sized,
    bold and centred), not a clause heading, not a 目录 line."""
    if len(_squash(p.text)) < 4 or len(p.text) > 120 or _LEADER_LINE.search(p.text) \
            or _TOC_HEAD.match(_squash(p.text)) or is_doc_number(p) or len(_HAN.findall(p.text)) < 2 or is_red(p):
        return False  # a title names its document in Chinese (a web address set large is none) in black ink
    body_size = p.body_size or body_size  # the page's own: documents bound together keep their sizes
    symmetric = abs((p.first.x0 + p.first.x1) / 2 - p.page_width / 2) < 2 * p.size and "，" not in p.text
    if p.size >= body_size + 0.9:
        return ((p.centred or symmetric or p.bold >= 0.6) and match_heading(p.text) is None
                and not p.text.rstrip().endswith(("。", "；", "：", ":"))  # a sentence set large is no title
                and not _cells(p))
    if larger_only:
        return False
    return (p.bold >= 0.6 and p.centred and len(_squash(p.text)) >= 6 and match_heading(p.text) is None
            and not p.text.rstrip().endswith(("。", "；", "：")) and not _cells(p))


def _attached_title(p: Paragraph, current: str | None) -> bool:
    """The notice's attached text repeats the name quoted in the notice's own title."""
    if current is None:
        return False
    inner = _squash(p.text).strip("《》")
    return len(inner) >= 6 and inner in current and inner != current


def _law_title(paragraphs: list[Paragraph], index: int) -> bool:
    """A law or regulation's title: a short centred line with its 题注 (通过/修正 note) right below."""
    p = paragraphs[index]
    text = p.text.strip()
    symmetric = abs((p.x0 + p.x1) / 2 - p.page_width / 2) < 2 * p.size
    return (index + 1 < len(paragraphs) and is_law_note(note_text(paragraphs, index + 1)) and (p.centred or symmetric)
            and 4 <= len(_squash(text)) <= 60 and not text.endswith(("。", "；", "：", "，"))
            and match_heading(text) is None)


_NUMBERED = re.compile(r"^(?:第\s*[一二三四五六七八九十百千零〇\d]+\s*[编章节条]|[一二三四五六七八九十百]+、"
                       r"|[（(][一二三四五六七八九十百\d]+[）)]|\d{1,2}[.．、\s])")


# In a bookmark, "1. …" numbers the documents of a compilation; these mark a document's own parts.
_CLAUSE_MARK = re.compile(r"^(?:第\s*[一二三四五六七八九十百千零〇\d]+\s*[编章节条]|[一二三四五六七八九十百]+、|[（(][一二三四五六七八九十百]+[）)])")


def _never_title(paragraphs: list[Paragraph], index: int) -> bool:
    """Parts of a document that are never a document's title: a 题注 (or a version note), a 文号, an
    attachment label, a numbered heading (第一章 总则, 第三节, 二、…, （一）…, 1 …), a standard's kind or
    issuers on its cover, and a line with no Chinese (the English translation of the title above)."""
    p = paragraphs[index]
    text = _squash(p.text)
    return (is_law_note(note_text(paragraphs, index)) or bool(REVISION_NOTE.match(text)) or is_doc_number(p)
            or text.startswith("附件")
            or bool(_NUMBERED.match(p.text.strip())) or bool(_STANDARD_KIND.match(text))
            or _issued_by(p) or len(_CJK.findall(text)) < 2)


def _issued_by(p: Paragraph) -> bool:
    """The foot of a standard's cover: its issuing bodies, then 发布 ("×××局 ×××委员会 发 布") — every
    name an organ's, so a headline that ends in 发布 ("…判定标准发布") is no such line."""
    match = _ISSUED_BY.match(p.text.strip())
    if not match:
        return False
    names = [n for part in re.split(r"[\s、]+", match.group(1)) for n in _NAME_START.split(part) if n]
    return bool(names) and all(_ORGAN_END.search(n) for n in names)


def _title_starts(paragraphs: list[Paragraph], body_size: float, first_page: int,
                  toc: list[str], head_titles: list[int] | None = None) -> tuple[list[int], list[int], list[int]]:
    """Paragraphs that open a document, titles of attached texts (the name quoted in the title of the
    document before them, which may be the title under a 版头: ``head_titles``) and appendix labels
    ("附：…" after a law's last article)."""
    starts: list[int] = []
    heads = sorted(head_titles or [])
    attached: list[int] = []
    appendices: list[int] = []
    larger_only = any(_is_title(p, body_size) for p in paragraphs if p.page >= first_page)
    for index, p in enumerate(paragraphs):
        if p.page < first_page:
            continue
        if _never_title(paragraphs, index):
            continue
        if starts and _APPENDIX.match(_squash(p.text)) and "\n" not in p.text.strip() \
                and not p.text.rstrip().endswith(("。", "；", "，")) \
                and (p.size >= (p.body_size or body_size) + 0.9 or p.bold >= 0.6 or p.centred):
            appendices.append(index)
            continue
        if _is_title(p, body_size, larger_only) or _law_title(paragraphs, index) \
                or (larger_only and _is_title(p, body_size, False) and addressed_title(paragraphs, index)):
            before = [i for i in heads if i < index] + starts
            current, title_end = title_text(paragraphs, max(before)) if before else (None, -1)
            if index <= title_end:
                continue  # a later line of that title, not a title of its own
            if _attached_title(p, current):
                attached.append(index)
                continue
            if starts and starts[-1] == index - 1 and paragraphs[index - 1].size == p.size:
                continue  # a title set in two paragraphs (different alignment): keep the first
            if starts and (same_title_page(paragraphs, starts[-1], index) or title_again(paragraphs, starts[-1], index)):
                continue  # a cover or inner title page repeating the title belongs to the document
            starts.append(index)
    # 目录 entries whose title is typeset like body text: find them by their text. Titles in one
    # compilation often share a long opening (工信部等四部门联合印发《…), so compare 24 characters.
    found = {_squash(paragraphs[i].text)[:24] for i in starts}
    for entry in toc:
        key = _squash(entry)[:24]
        if len(key) < 6 or any(f.startswith(key) or key.startswith(f) for f in found):
            continue
        for index, p in enumerate(paragraphs):
            # A 目录 of one report or regulation lists its own sections (一、…, 1. …): numbered like a
            # heading, such a line is never a document's title.
            if p.page >= first_page and _squash(p.text).startswith(key) and len(p.text) <= 120 \
                    and (p.centred or p.bold >= 0.6) and not _never_title(paragraphs, index):
                starts.append(index)
                found.add(key)
                break
    return sorted(set(starts)), attached, appendices


_BOOKMARK_NUMBER = re.compile(r"^(?:\d{1,3}[.．、]|[（(]?[一二三四五六七八九十百]+[）)、.．]|第[一二三四五六七八九十百\d]+[篇部分]?)\s*")
_ELLIPSIS = re.compile(r"(?:…+|\.{2,}|．{2,})$")


def bookmark_stem(title: str) -> str:
    """What a bookmark says of the printed title: its own numbering ("3. ") and a closing ellipsis
    ("…") taken off, whitespace removed."""
    return _ELLIPSIS.sub("", _squash(_BOOKMARK_NUMBER.sub("", title.strip())))


def _bookmark_starts(paragraphs: list[Paragraph], toc: list[list]) -> list[tuple[int, str]]:
    """(paragraph index, title) for each top-level bookmark; the title is the printed one when the
    bookmark only numbers or shortens it."""
    out: list[tuple[int, str]] = []
    top = 1
    second = [str(e[1]) for e in toc if e[0] == 2]
    if sum(1 for e in toc if e[0] == 1) == 1 and len(second) >= 2 \
            and sum(1 for t in second if _CLAUSE_MARK.match(t.strip())) < 0.5 * len(second):
        top = 2  # one root bookmark (the compilation itself) holding the documents, not its chapters
    for entry in toc:
        level, title, page = entry[0], str(entry[1]).strip(), int(entry[2]) - 1
        if level != top or page < 0 or _TOC_HEAD.match(_squash(title)) or _squash(title) in ("封面", "目次") \
                or _CLAUSE_MARK.match(title):
            continue  # a chapter or numbered section is part of a document, never one
        stem = bookmark_stem(title)
        key = stem[:10]
        chosen = None
        for index, p in enumerate(paragraphs):
            if p.end_page < page:
                continue
            if p.page > page:
                break
            if key and _squash(p.text).startswith(key[: max(4, len(key))]):
                chosen = index
                break
            if chosen is None and p.page >= page:
                chosen = index if p.page == page else chosen
        if chosen is None:
            chosen = next((i for i, p in enumerate(paragraphs) if p.page >= page), None)
        if chosen is not None:
            printed = paragraphs[chosen].text.replace("\n", "")
            if len(stem) >= 4 and _squash(printed).startswith(stem) and len(printed) <= 120:
                title = printed
            out.append((chosen, title))
    return out


def find_documents(comp: Compilation, placed: list[PlacedLine], layouts: list[Layout],
                   widths: list[float], body_size: float, toc: list[list],
                   frames: dict | None = None, fallback_title: str = "",
                   tables: dict | None = None) -> list[DocumentInfo]:
    paragraphs = build_paragraphs(comp.text, placed, layouts, widths)
    if not paragraphs:
        return []
    build = _Builder(comp, paragraphs, body_size, frames, tables)
    bookmarks = _bookmark_starts(paragraphs, toc) if toc else []
    if bookmarks:
        return [build.document(index, _stop(bookmarks, k, len(paragraphs)), title=title)
                for k, (index, title) in enumerate(bookmarks) if _stop(bookmarks, k, len(paragraphs)) > index]
    first_page = front_matter_end(paragraphs, comp.page_labels)
    toc_entries = toc_titles([p for p in paragraphs if p.page < first_page]) if first_page else []
    heads = find_heads(paragraphs, body_size, first_page)
    titles, quoted, appendices = _title_starts(paragraphs, body_size, first_page, toc_entries,
                                               [h.title_index for h in heads if h.title_index is not None])
    labelled = labelled_attachments(paragraphs, body_size, first_page)
    kept, attachments = sort_starts(paragraphs, body_size, heads, titles, labelled)
    claimed = {k for h in heads for k in range(h.index, h.last + 1)} | {a.index for a in attachments} \
        | {a.title_index for a in attachments}
    attachments += [AttachmentStart(i, "", paragraphs[i].text.replace("\n", ""), i, i + 1)
                    for i in quoted if i not in claimed]
    attachments += [AttachmentStart(i, "附", _APPENDIX.match(_squash(paragraphs[i].text)).group(1), i, i + 1)
                    for i in appendices if i not in claimed]
    attachments.sort(key=lambda a: a.index)
    entries: list[tuple[int, Head | None]] = sorted([(h.index, h) for h in heads] + [(t, None) for t in kept],
                                                    key=lambda e: e[0])
    documents: list[DocumentInfo] = []
    first_entry = entries[0][0] if entries else len(paragraphs)
    loose = [a for a in attachments if a.index < first_entry]  # attachments printed without their document
    for k, attached in enumerate(loose):
        stop = loose[k + 1].index if k + 1 < len(loose) else first_entry
        documents.append(build.attachment(attached, stop))
    if not entries and not loose:
        # No title block anywhere: read the whole text as one document so its clauses still show.
        # A report or book that opens with its own cover is titled there (the body's first line is
        # its first section heading).
        cover = _cover_title(paragraphs, body_size, first_page)
        if cover is not None:
            return [build.document(0, len(paragraphs), title=cover)]
        first = next((i for i, p in enumerate(paragraphs) if p.page >= first_page), 0)
        title = paragraphs[first].text.replace("\n", "")
        if len(title) > 60 or title.rstrip()[-1:] in "。；，！？.;,":
            return [build.document(first, len(paragraphs), title=fallback_title or title, kind="其他")]
        return [build.document(first, len(paragraphs))]
    for k, (index, head) in enumerate(entries):
        stop = entries[k + 1][0] if k + 1 < len(entries) else len(paragraphs)
        mine = [a for a in attachments if index < a.index < stop]
        doc = build.document(index, stop, head=head, main_stop=mine[0].index if mine else stop)
        doc.attachments = [build.attachment(a, mine[j + 1].index if j + 1 < len(mine) else stop)
                           for j, a in enumerate(mine)]
        documents.append(doc)
    first = documents[0] if documents else None
    if first is not None and first.start_page > 0 and (all(
            _squash(comp.page_text(page)) in ("", _squash(first.title)) for page in range(first.start_page))
            or _own_cover(comp, first.title, first.start_page)
            or (len(documents) == 1 and only_front_matter(paragraphs, first.start_page))):
        # Only its own covers come before (a picture, or its title alone): they are part of it.
        first.start_page, first.start_label, first.start_offset = 0, comp.page_labels[0], 0
        if first.date is None or not first.issuers:  # a standard's cover says when and by whom it was released
            meta = Metadata(first.doc_number, list(first.issuers), first.date, first.kind)
            cover_release([p for p in paragraphs if p.page == 0], meta)
            first.date, first.issuers = meta.date, meta.issuers
    return documents


def _cover_title(paragraphs: list[Paragraph], body_size: float, first_page: int) -> str | None:
    """The title a cover at the start of the file prints: its first title block and the short lines centred
    below it, up to the line that names the kind of text (自评报告, 实施方案: a title ends in its 文种,
    GB/T 9704 7.3.1); the issuer and date under it are not part of it. A cover spreads its lines over the
    page and may set the unit above the subject, larger or smaller: no distance or size test between them."""
    on_cover = [k for k, p in enumerate(paragraphs) if p.page == 0 < first_page]
    for k in on_cover:
        p = paragraphs[k]
        if _never_title(paragraphs, k) or not _is_title(p, body_size):
            continue
        lines = [_squash(p.text)]
        for j in range(k + 1, min(k + 4, len(paragraphs))):
            nxt = paragraphs[j]
            centre = abs((nxt.x0 + nxt.x1) / 2 - nxt.page_width / 2) < 2 * nxt.size
            if GENRE_END.search(lines[-1]) or nxt.page != 0 or not (nxt.centred or centre) \
                    or nxt.size < (nxt.body_size or body_size) - 0.5 or len(_squash(nxt.text)) > 30 \
                    or _never_title(paragraphs, j):
                break
            lines.append(_squash(nxt.text))
        return "".join(lines) if GENRE_END.search(lines[-1]) else lines[0]
    return None


def _own_cover(comp: Compilation, title: str, start_page: int) -> bool:
    """The first page is the document's own cover: it prints the document's title as a line of its
    own and is no contents list, and only its 目录 and 前言 come between (a standard, a book)."""
    lines = [_squash(line) for line in comp.page_text(0).splitlines()]
    if _squash(title) not in lines or any(OWN_FRONT.match(line) for line in lines):
        return False
    for page in range(1, start_page):
        text = comp.page_text(page)
        if not any(OWN_FRONT.match(_squash(line)) for line in text.splitlines()[:6]):
            return False
    return True


def _stop(starts: list, k: int, default: int) -> int:
    return starts[k + 1][0] if k + 1 < len(starts) else default


class _Builder:
    """Turns paragraph ranges into DocumentInfo records (range, metadata, clause tree)."""

    def __init__(self, comp: Compilation, paragraphs: list[Paragraph], body_size: float, frames: dict | None,
                 tables: dict | None = None):
        self.comp, self.paragraphs, self.body_size, self.frames = comp, paragraphs, body_size, frames
        self.tables = tables

    def _end_offset(self, stop: int) -> int:
        return self.paragraphs[stop].start if stop < len(self.paragraphs) else len(self.comp.text)

    def _record(self, title: str, meta, start: int, stop: int, clauses_from: int, clauses_to: int) -> DocumentInfo:
        comp, first = self.comp, self.paragraphs[start]
        end_offset = self._end_offset(stop)
        end_page = comp.page_of_offset(max(first.start, end_offset - 1))
        doc = DocumentInfo(
            title=title, doc_number=meta.doc_number, issuers=meta.issuers, date=meta.date, kind=meta.kind,
            start_page=first.page, end_page=end_page, start_label=comp.page_labels[first.page],
            start_offset=first.start, end_offset=end_offset, end_label=comp.page_labels[end_page])
        body = self.paragraphs[clauses_from:clauses_to]
        doc.clauses = find_clauses(comp, body, self._end_offset(clauses_to), self.frames, self.tables)
        return doc

    def document(self, index: int, stop: int, title: str | None = None, head: Head | None = None,
                 main_stop: int | None = None, kind: str | None = None) -> DocumentInfo:
        """The document at ``paragraphs[index:stop]``; its own text ends at ``main_stop`` (attachments follow)."""
        main_stop = stop if main_stop is None else main_stop
        title_index = index
        if head is not None:
            title_index = head.title_index if head.title_index is not None else head.last
        title_para = self.paragraphs[title_index]
        if title is None:
            untitled = head is not None and head.title_index is None
            title = head.mark_text if untitled else without_note(title_para)
            if not untitled and title == title_para.text.replace("\n", ""):
                title += title_rest(self.paragraphs, title_index, self.body_size)
            title = own_title_below(self.paragraphs, title_index, title) or title
        skip = {index, title_index}
        if head is not None:  # the 版头's lines; an order's own text and date stay for the metadata
            order = head.mark_text.endswith("令")
            skip |= set(range(index, index + 2 if order else head.last + 1))
        rest = [p for k, p in enumerate(self.paragraphs[index:main_stop], start=index) if k not in skip]
        meta = describe(title, [title_para] + rest, self.body_size)
        if head is not None:
            meta.doc_number = head.doc_number or meta.doc_number
            meta.issuers = head.issuers or meta.issuers
        if meta.date is None and stop > main_stop:  # the 版记 may follow the attached texts
            meta.date = printed_date(self.paragraphs[main_stop:stop])
        if kind:
            meta.kind = kind
        return self._record(title, meta, index, stop, max(skip | {title_index}) + 1, main_stop)

    def attachment(self, start: AttachmentStart, stop: int) -> DocumentInfo:
        title = start.title or (start.label or "附件")
        meta = describe(title, [self.paragraphs[start.index]] + self.paragraphs[start.body_from:stop], self.body_size)
        meta.doc_number = None  # an attachment is issued under its document's number
        doc = self._record(title, meta, start.index, stop, start.body_from, stop)
        doc.label = start.label
        return doc
