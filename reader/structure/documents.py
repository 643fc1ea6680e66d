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
from reader.structure.metadata import describe
from reader.structure.model import DocumentInfo
from reader.structure.paragraphs import Layout
from reader.structure.textmap import Compilation

_LEADER_LINE = re.compile(r"(?:[.·…．•_]{4,}|\s{3,})\s*[\dIVXivx]{1,4}\s*$")
_TOC_HEAD = re.compile(r"^目\s*录$")


def _squash(text: str) -> str:
    return "".join(text.split())


def _front_matter_end(paragraphs: list[Paragraph], body_size: float, labels: list[str]) -> int:
    """First page that carries body text; a cover or a 目录 page (lines ending in leaders and
    page numbers, or headed 目录) does not. Pages labelled in roman numerals before arabic ones
    are front matter too."""
    counts: dict[int, int] = {}
    toc_pages: set[int] = set()
    for p in paragraphs:
        for item in p.lines:
            line = item.line
            if _LEADER_LINE.search(line.text) or _TOC_HEAD.match(_squash(line.text)):
                toc_pages.add(line.page)
            elif abs(line.size - body_size) <= 0.6:
                counts[line.page] = counts.get(line.page, 0) + 1
    first = 0
    roman = re.compile(r"^[ivxlcdm]+$", re.IGNORECASE)
    if labels and roman.match(labels[0]) and any(l.isdigit() for l in labels):
        first = next(i for i, l in enumerate(labels) if l.isdigit())
    for page in sorted(counts):
        if page >= first and page not in toc_pages and counts[page] >= 3:
            return page
    return first


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


def _is_title(p: Paragraph, body_size: float, larger_only: bool = True) -> bool:
    """A title block: set larger than the body (or, in compilations whose titles are body-sized,
    bold and centred), not a clause heading, not a 目录 line."""
    if len(_squash(p.text)) < 4 or len(p.text) > 120 or _LEADER_LINE.search(p.text) \
            or _TOC_HEAD.match(_squash(p.text)):
        return False
    symmetric = abs((p.first.x0 + p.first.x1) / 2 - p.page_width / 2) < 2 * p.size
    if p.size >= body_size + 0.9:
        return (p.centred or symmetric or p.bold >= 0.6) and match_heading(p.text) is None
    if larger_only:
        return False
    return (p.bold >= 0.6 and p.centred and len(_squash(p.text)) >= 6 and match_heading(p.text) is None
            and not p.text.rstrip().endswith(("。", "；", "：")))


def _attached_title(p: Paragraph, current: Paragraph | None) -> bool:
    """The notice's attached text repeats the name quoted in the notice's own title."""
    if current is None:
        return False
    inner = _squash(p.text).strip("《》")
    return len(inner) >= 6 and inner in _squash(current.text) and inner != _squash(current.text)


def _title_starts(paragraphs: list[Paragraph], body_size: float, first_page: int,
                  toc: list[str]) -> list[int]:
    starts: list[int] = []
    larger_only = any(_is_title(p, body_size) for p in paragraphs if p.page >= first_page)
    for index, p in enumerate(paragraphs):
        if p.page < first_page:
            continue
        if _is_title(p, body_size, larger_only):
            current = paragraphs[starts[-1]] if starts else None
            if _attached_title(p, current):
                continue
            if starts and starts[-1] == index - 1 and paragraphs[index - 1].size == p.size:
                continue  # a title set in two paragraphs (different alignment): keep the first
            starts.append(index)
    # 目录 entries whose title is typeset like body text: find them by their text. Titles in one
    # compilation often share a long opening (工信部等四部门联合印发《…), so compare 24 characters.
    found = {_squash(paragraphs[i].text)[:24] for i in starts}
    for entry in toc:
        key = _squash(entry)[:24]
        if len(key) < 6 or any(f.startswith(key) or key.startswith(f) for f in found):
            continue
        for index, p in enumerate(paragraphs):
            if p.page >= first_page and _squash(p.text).startswith(key) and len(p.text) <= 120 \
                    and (p.centred or p.bold >= 0.6):
                starts.append(index)
                found.add(key)
                break
    return sorted(set(starts))


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
    if sum(1 for e in toc if e[0] == 1) == 1 and sum(1 for e in toc if e[0] == 2) >= 2:
        top = 2  # one root bookmark (the compilation itself) holding the documents
    for entry in toc:
        level, title, page = entry[0], str(entry[1]).strip(), int(entry[2]) - 1
        if level != top or page < 0 or _TOC_HEAD.match(_squash(title)) or _squash(title) in ("封面", "目次"):
            continue
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
    bookmarks = _bookmark_starts(paragraphs, toc) if toc else []
    untitled = False
    if bookmarks:
        starts = bookmarks
    else:
        first_page = _front_matter_end(paragraphs, body_size, comp.page_labels)
        toc_entries = toc_titles([p for p in paragraphs if p.page < first_page]) if first_page else []
        starts = [(i, None) for i in _title_starts(paragraphs, body_size, first_page, toc_entries)]
        if not starts:
            # No title block anywhere: read the whole text as one document so its clauses still show.
            first = next((i for i, p in enumerate(paragraphs) if p.page >= first_page), 0)
            starts = [(first, None)]
            untitled = True
    documents: list[DocumentInfo] = []
    for k, (index, bookmark_title) in enumerate(starts):
        stop = starts[k + 1][0] if k + 1 < len(starts) else len(paragraphs)
        if stop <= index:
            continue
        body = paragraphs[index:stop]
        title_para = paragraphs[index]
        title = bookmark_title or title_para.text.replace("\n", "")
        if untitled and (len(title) > 60 or title.rstrip()[-1:] in "。；，！？.;,"):
            title = fallback_title  # body text, not a title: name the document after the file
        start_offset = title_para.start
        end_offset = paragraphs[stop].start if stop < len(paragraphs) else len(comp.text)
        end_page = comp.page_of_offset(max(start_offset, end_offset - 1))
        meta = describe(title, body, body_size)
        if untitled and title == fallback_title:
            meta.kind = "其他"
        doc = DocumentInfo(
            title=title, doc_number=meta.doc_number, issuers=meta.issuers, date=meta.date,
            kind=meta.kind, start_page=title_para.page, end_page=end_page,
            start_label=comp.page_labels[title_para.page], start_offset=start_offset,
            end_offset=end_offset, end_label=comp.page_labels[end_page])
        doc.clauses = find_clauses(comp, body[1:], end_offset, frames, tables)
        documents.append(doc)
    return documents
