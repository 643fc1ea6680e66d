"""A re-typeset edition of the shared compilation, built from its truth file (not a test module).

Outside checkers run the CLI on "a re-typeset edition" of the shared compilation; this builds
one of our own so the same checks run here. The text comes from the truth file (furniture-free
lines); the only thing read from the original PDF is each truth line's geometry (indent,
centred, right-aligned, size), with raw pymupdf, never with reader code, to rebuild paragraphs:
a line that is indented, centred, right-aligned or follows a short line starts a new block.

The blocks are then set again with a different layout through the structure tests' Typesetter
(tests/unit/test_structure_pdfkit.py): other page size and margins, other font size, lines
re-wrapped to another width (glyph widths as set, Latin runs kept whole), headings not bold,
other running headers (alternating sides) and footers (``第 N 页``), page labels, a 目录 or none,
bookmarks or none, 专栏 boxes framed or not. The builder records what it put on every page,
so tests compute their expectations from the edition itself.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import pymupdf

from tests.unit.test_structure_pdfkit import A4, B5, Typesetter

HEADING = re.compile(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[.．](?!\d)|（\d+）|"
                     r"第[一二三四五六七八九十百零]+[章节条]|专栏\s*\d+)")
_LATIN_RUN = re.compile(r"[A-Za-z0-9.%+\-_/]+")
_WORD_END = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]")  # a short line ending so is cut, not ended
_NO_LINE_START = set("，。、；：？！）》」』”’%—…·")


def squash(text: str) -> str:
    return "".join(text.split())


# ------------------------------------------------------------------------ reading the source
@dataclass
class SourceLine:
    text: str
    page: int
    x0: float
    x1: float
    size: float
    left: float   # text block edges on this page
    right: float
    width: float  # page width

    @property
    def centred(self) -> bool:
        middle = (self.x0 + self.x1) / 2
        return abs(middle - self.width / 2) < self.size and self.x0 > self.left + 3 * self.size

    @property
    def right_aligned(self) -> bool:
        return self.x1 > self.right - self.size * 0.6 and self.x0 > self.width / 2

    @property
    def indented(self) -> bool:
        return self.x0 > self.left + self.size * 0.8

    @property
    def short(self) -> bool:
        return self.x1 < self.right - self.size * 2.5


def _raw_lines(page: pymupdf.Page) -> list[tuple[str, tuple[float, float, float, float], float]]:
    out = []
    for block in page.get_text("dict")["blocks"]:
        for line in block.get("lines", []):
            spans = line["spans"]
            text = "".join(s["text"] for s in spans)
            if text.strip():
                out.append((text, tuple(line["bbox"]), max(s["size"] for s in spans)))
    return out


def _body_right(pdf: pymupdf.Document, truth: dict) -> float:
    """The text block's right edge: the commonest right end of full lines (right-aligned ones overhang)."""
    ends: dict[int, int] = {}
    for page in truth["pages"]:
        for _, (x0, _, x1, _), _ in _raw_lines(pdf[page["page_index"]]):
            ends[round(x1)] = ends.get(round(x1), 0) + 1
    common = sorted(ends, key=ends.get, reverse=True)[:3]
    return float(max(common))


def source_lines(pdf_path: Path, truth: dict) -> list[SourceLine]:
    """Every truth line with the geometry of the printed line it came from."""
    out: list[SourceLine] = []
    with pymupdf.open(pdf_path) as pdf:
        right = _body_right(pdf, truth)
        for page in sorted(truth["pages"], key=lambda p: p["page_index"]):
            index = page["page_index"]
            raw = _raw_lines(pdf[index])
            wanted = [squash(t) for t in page["lines"]]
            body = [r for r in raw if squash(r[0]) in set(wanted)]
            left = min(r[1][0] for r in body)
            cursor = 0
            for text in page["lines"]:
                key = squash(text)
                while cursor < len(raw) and squash(raw[cursor][0]) != key:
                    cursor += 1
                if cursor == len(raw):  # not printed as one line: assume a plain full line
                    out.append(SourceLine(text, index, left, right, 12.0, left, right, pdf[index].rect.width))
                    cursor = 0
                    continue
                _, (x0, _, x1, _), size = raw[cursor]
                out.append(SourceLine(text, index, x0, x1, size, left, right, pdf[index].rect.width))
                cursor += 1
    return out


# ----------------------------------------------------------------------------- blocks
@dataclass
class Block:
    kind: str  # title / centre / right / para / box
    text: str
    indent: bool = False
    document: int | None = None  # index of the document a title starts
    new_page: bool = False       # the document started at the top of a page in the source
    children: list["Block"] = field(default_factory=list)  # a box's paragraphs


def _join(a: str, b: str) -> str:
    if a and b and a[-1].isascii() and a[-1].isalnum() and b[0].isascii() and b[0].isalnum():
        return a + " " + b
    return a + b


def build_blocks(lines: list[SourceLine], truth: dict) -> list[Block]:
    """Paragraphs rebuilt from the lines; titles from the truth's document list; 专栏 boxes grouped."""
    titles = {d["page_index"]: [] for d in truth["documents"]}
    for d in truth["documents"]:
        titles[d["page_index"]].append(d)
    blocks: list[Block] = []
    i = 0
    previous: SourceLine | None = None
    while i < len(lines):
        line = lines[i]
        # A document title: consecutive lines on its start page that spell the truth title.
        started = None
        for d in titles.get(line.page, []):
            want, got, j = squash(d["title"]), "", i
            while j < len(lines) and lines[j].page == line.page and want.startswith(got + squash(lines[j].text)):
                got += squash(lines[j].text)
                j += 1
                if got == want:
                    break
            if got == want:
                started = (d, j)
                break
        if started:
            d, j = started
            top = i == 0 or lines[i - 1].page != line.page
            blocks.append(Block("title", d["title"], document=d["index"], new_page=top))
            titles[line.page].remove(d)
            previous, i = None, j
            continue
        ended = previous is not None and previous.short and (
            not _WORD_END.match(previous.text.rstrip()[-1:])
            or (blocks[-1].text == previous.text and previous.x1 < previous.right - 6 * previous.size
                and "。" not in previous.text))  # a one-line heading or title-like line
        continues = (previous is not None and blocks and blocks[-1].kind == "para" and not ended
                     and not line.indented and not line.centred and not line.right_aligned
                     and not HEADING.match(squash(line.text)))
        if continues:
            blocks[-1].text = _join(blocks[-1].text, line.text)
        elif line.centred and not line.indented or (line.centred and len(squash(line.text)) < 30 and line.short):
            blocks.append(Block("centre", line.text))
        elif line.right_aligned:
            blocks.append(Block("right", line.text))
        else:
            blocks.append(Block("para", line.text, indent=line.indented))
        previous = line
        i += 1
    return _group_boxes(blocks)


def _group_boxes(blocks: list[Block]) -> list[Block]:
    """A 专栏 runs from its head to the next numbered heading, title or box (as in the source)."""
    out: list[Block] = []
    box: Block | None = None
    for block in blocks:
        text = squash(block.text)
        if re.match(r"专栏\d+", text) and block.kind in ("centre", "para"):
            box = Block("box", block.text)
            out.append(box)
            continue
        if box is not None and (block.kind == "title" or HEADING.match(text)):
            box = None
        if box is not None:
            box.children.append(block)
        else:
            out.append(block)
    return out


# ----------------------------------------------------------------------------- typesetting
@dataclass
class Style:
    """One edition's layout."""
    name: str
    size: tuple[float, float] = B5
    margin: tuple[float, float, float, float] = (50.0, 62.0, 46.0, 66.0)
    body: float = 10.5
    leading: float = 1.75
    title_size: float = 15.0
    contents: bool = True            # a cover and a 目录 before the documents
    bookmarks: bool = False
    short_bookmarks: bool = False    # bookmarks "N. first words…" under one root entry, not the full titles
    frame_boxes: bool = True
    indent_headings: bool = True     # headings indented like body text (the source sets them flush)
    page_per_document: bool = False  # else documents run on when the source ran them on
    header_even: str = "重型机械政策汇编（第十二期）"
    header_odd: str = "中国重型机械工业协会编印"
    header_is_title: bool = False    # running header = the current document's short title, top centre
    footer: str = "第 {n} 页"         # {n} page number, {m} number of content pages
    bold_headings: bool = False      # one-line headings bold (needs a system bold CJK font)
    title_font: str = "china-s"      # "bold": a system Noto CJK Bold (the built-in fonts have no bold)
    page_labels: bool = True         # else the PDF has no /PageLabels: labels only printed in the footer
    header: bool = True              # else a footer alone
    centre_headings: bool = False    # one-line headings (一、 第一章 …) centred
    body_font: str = "china-s"       # "serif": a system Noto Serif CJK (proportional Latin and digits)


@dataclass
class Edition:
    """What was put where: the test's truth for the re-typeset PDF."""
    path: Path
    style: Style
    page_count: int
    first_content_page: int
    page_labels: list[str]
    page_lines: list[list[str]]            # printed lines per page, furniture excluded
    furniture: list[list[str]]             # running header/footer lines per page
    documents: list[dict]                  # index, title, start_page
    content_pages: list[int] = field(default_factory=list)  # page of each char of the squashed content
    old_to_new: list[int] = field(default_factory=list)     # truth offset → content offset (-1: revised away)

    def page_text(self, page: int) -> str:
        return "".join(squash(line) for line in self.page_lines[page])

    def pages_of_span(self, start: int, end: int) -> list[int]:
        """Pages holding squashed-content characters ``start``..``end`` (end exclusive)."""
        return sorted(set(self.content_pages[start:end]))

    def to_json(self) -> dict:
        return {"path": str(self.path), "style": self.style.name, "page_count": self.page_count,
                "first_content_page": self.first_content_page, "page_labels": self.page_labels,
                "documents": self.documents, "pages": self.page_lines}


_SYSTEM_FONTS = {"bold": "Noto*CJK*Bold.tt[cf]", "serif": "NotoSerifCJK*Regular.tt[cf]"}
_LOADED: dict[str, pymupdf.Font] = {}


def system_font_file(kind: str) -> Path | None:
    """A CJK font of ``kind`` ("bold", "serif") installed on this machine, if any (Noto CJK on most
    Linux systems). The built-in CJK fonts have no bold face and set every glyph one em wide."""
    for folder in (Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), Path.home() / ".fonts"):
        if folder.is_dir():
            for path in sorted(folder.rglob(_SYSTEM_FONTS[kind])):
                return path
    return None


def bold_font_file() -> Path | None:
    return system_font_file("bold")


def needs_bold(style: str) -> bool:
    """The style's titles stand out only by being bold (or its body is in a system serif), and this
    machine lacks the font."""
    chosen = STYLES[style]
    return (chosen.title_font == "bold" and bold_font_file() is None) or \
        (chosen.body_font == "serif" and system_font_file("serif") is None)


def system_font(kind: str) -> pymupdf.Font:
    if kind not in _LOADED:
        _LOADED[kind] = pymupdf.Font(fontfile=str(system_font_file(kind)))
    return _LOADED[kind]


class Kit(Typesetter):
    """The structure tests' Typesetter, re-wrapping text and recording every line it sets; text in a
    system font goes through one TextWriter per page, written out at save."""

    lines: dict[int, list[str]]
    body_font: str = "china-s"
    writers: dict[int, pymupdf.TextWriter]

    def usable(self, font: str | None) -> str:
        font = font or self.body_font
        return font if font not in _SYSTEM_FONTS or system_font_file(font) is not None else "china-s"

    def measure(self, text: str, size: float, font: str | None = None) -> float:
        font = self.usable(font)
        if font in _SYSTEM_FONTS:
            return system_font(font).text_length(text, fontsize=size)  # proportional Latin and digits
        return len(text) * size  # insert_text sets every glyph of the built-in CJK font one em wide

    def _put(self, x: float, text: str, size: float, font: str | None = None) -> None:
        self._room(size * self.leading)
        font = self.usable(font)
        if font in _SYSTEM_FONTS:
            if not hasattr(self, "writers"):
                self.writers = {}
            writer = self.writers.setdefault(self.page.number, pymupdf.TextWriter(self.page.rect))
            writer.append((x, self.y + size), text, font=system_font(font), fontsize=size)
        else:
            self.page.insert_text((x, self.y + size), text, fontname=font, fontsize=size)
        self.lines.setdefault(self.page.number, []).append(text)
        self.y += size * self.leading

    def save(self, path: Path, first_content_page: int = 0) -> Path:
        for number, writer in getattr(self, "writers", {}).items():
            writer.write_text(self.doc[number])
        self.writers = {}
        return super().save(path, first_content_page)

    def line(self, text: str, indent: int = 0, font: str | None = None) -> None:
        self._put(self.margin[0] + indent * self.body, text, self.body, font)

    def centred(self, text: str, size: float | None = None, font: str | None = None) -> None:
        size = size or self.body
        for part in self.wrap(text, size, 0, font):
            self._put((self.size[0] - self.measure(part, size, font)) / 2, part, size, font)

    def right(self, text: str) -> None:
        self._put(self.size[0] - self.margin[2] - self.measure(text, self.body), text, self.body)

    def wrap(self, text: str, size: float, indent: float, font: str | None = None) -> list[str]:
        """Greedy wrap on measured widths; Latin/digit runs stay whole, closing marks never start a line."""
        pieces: list[str] = []
        at = 0
        for match in _LATIN_RUN.finditer(text):
            pieces.extend(text[at:match.start()])
            run = match.group()
            # Latin runs stay whole unless longer than half a line (a URL): those break anywhere.
            pieces.extend(run if self.measure(run, size, font) > self.width / 2 else [run])
            at = match.end()
        pieces.extend(text[at:])
        lines, current, used, limit = [], "", 0.0, self.width - indent
        for piece in pieces:
            advance = self.measure(piece, size, font)
            if current and used + advance > limit + 0.01 and piece[0] not in _NO_LINE_START:
                lines.append(current)
                current, used, limit = "", 0.0, self.width
                if piece == " ":
                    continue
            current += piece
            used += advance
        if current:
            lines.append(current)
        return lines

    def paragraph(self, text: str, indent: int = 2) -> None:
        for n, part in enumerate(self.wrap(text, self.body, indent * self.body, self.body_font)):
            self.line(part, indent if n == 0 else 0)

    def title(self, text: str, size: float = 18.0, bookmark: bool = False, font: str | None = None) -> None:
        self.y += size * 0.5
        self._room(size * self.leading * 2 + self.body * self.leading * 3)  # never a title alone at a page foot
        if bookmark:
            self.bookmarks.append([1, text, self.doc.page_count])
        self.centred(text, size, font)  # not bold by default: headings must be found without it
        self.y += size * 0.3


def _roman(n: int) -> str:
    out = ""
    for value, letters in ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out, n = out + letters, n - value
    return out


def typeset(blocks: list[Block], truth: dict, style: Style, path: Path) -> Edition:
    """Set ``blocks`` in ``style``; return the edition's record."""
    doc_of_page: dict[int, str] = {}

    def running(n: int) -> list[tuple[str, str, str]]:
        if style.header_is_title:
            title = doc_of_page.get(n - 1 + front, "")
            top = (re.sub(r"[（(].*|《|》", "", title)[:16], "top", "centre")
        else:
            top = (style.header_even, "top", "left") if n % 2 == 0 else (style.header_odd, "top", "right")
        footer = style.footer.format(n=n, m=kit.doc.page_count - front)
        return ([top] if style.header else []) + [(footer, "bottom", "right" if style.header_is_title else "centre")]

    kit = Kit(size=style.size, margin=style.margin, body=style.body, leading=style.leading, header=running)
    kit.lines = {}
    kit.body_font = style.body_font
    titles = [b for b in blocks if b.kind == "title"]
    front = 0
    if style.contents:
        # Cover and 目录 first; the 目录 is rewritten with the real page labels once they are known.
        kit.new_page()
        kit.y = style.size[1] * 0.3
        kit.centred("政 策 汇 编", 28)
        kit.centred("（2024年第12期）", 16)
        kit.new_page()
        front = 2
    starts: dict[int, int] = {}
    for block in blocks:
        if block.kind == "title":
            if kit.page is None or kit.doc.page_count <= front or style.page_per_document or block.new_page \
                    or kit.y > kit.size[1] - kit.margin[3] - 220:
                kit.new_page()
            kit.title(block.text, style.title_size, bookmark=style.bookmarks, font=style.title_font)
            starts[block.document] = kit.page.number
        elif block.kind == "centre":
            kit.centred(block.text)
        elif block.kind == "right":
            kit.right(block.text)
        elif block.kind == "para":
            heading = HEADING.match(squash(block.text))
            indent = 2 if block.indent or (style.indent_headings and heading) else 0
            one_line = heading and len(block.text) <= 30 and "。" not in block.text
            if style.centre_headings and one_line:
                kit.centred(block.text, font="bold" if style.bold_headings else "china-s")
            elif style.bold_headings and one_line:
                kit.line(block.text, indent, font="bold")
            else:
                kit.paragraph(block.text, indent)
        elif block.kind == "box":
            set_box(kit, block, style)
    if style.contents:
        _contents(kit, titles, starts, front)
    if style.short_bookmarks:
        kit.bookmarks = [[1, "政策汇编", front + 1]] + [
            [2, f"{n}. {squash(b.text)[:12]}…", starts[b.document] + 1] for n, b in enumerate(titles, 1)]
    labels = ([{"startpage": 0, "prefix": "", "style": "R", "firstpagenum": 1}] if front else []) + \
             [{"startpage": front, "prefix": "", "style": "D", "firstpagenum": 1}]
    if style.page_labels:
        kit.doc.set_page_labels(labels)
    ordered = sorted((page, b.text) for b in titles for page in [starts[b.document]])
    for page in range(kit.doc.page_count):
        doc_of_page[page] = next((t for p, t in reversed(ordered) if p <= page), "")
    kit.save(path, first_content_page=front)
    page_count = kit.doc.page_count
    page_lines = [kit.lines.get(p, []) for p in range(page_count)]
    furniture = [[text for text, _, _ in running(p - front + 1)] if p >= front else [] for p in range(page_count)]
    page_labels = [_roman(p + 1) if p < front else str(p - front + 1) for p in range(page_count)]
    documents = [{"index": b.document, "title": b.text, "start_page": starts[b.document]} for b in titles]
    content_pages = []
    for p in range(front, page_count):
        content_pages.extend([p] * len("".join(squash(line) for line in page_lines[p])))
    return Edition(path, style, page_count, front, page_labels, page_lines, furniture, documents, content_pages)


def set_box(kit: Kit, block: Block, style: Style) -> None:
    kit._room(kit.body * kit.leading * 4)
    top_page, top = kit.page.number, kit.y
    kit.centred(block.text)
    for child in block.children:
        if child.kind == "para":
            kit.paragraph(child.text, 2 if child.indent else 0)
        elif child.kind == "centre":
            kit.centred(child.text)
        else:
            kit.paragraph(child.text, 0)
    if not style.frame_boxes:
        return
    # Frame every page the box touches.
    for number in range(top_page, kit.page.number + 1):
        page = kit.doc[number]
        y0 = top - 4 if number == top_page else kit.margin[1] - 4
        y1 = kit.y + 2 if number == kit.page.number else kit.size[1] - kit.margin[3] + 2
        page.draw_rect(pymupdf.Rect(kit.margin[0] - 6, y0, kit.size[0] - kit.margin[2] + 6, y1),
                       color=(0.3, 0.3, 0.3), width=0.8)
    kit.y += kit.body * 0.6


def _contents(kit: Kit, titles: list[Block], starts: dict[int, int], front: int) -> None:
    """Fill the 目录 page (page 1): one line per document, dot leaders, printed page label."""
    page = kit.doc[1]
    size = kit.body
    y = kit.margin[1] + 20
    heading = "目  录"
    page.insert_text(((kit.size[0] - kit.measure(heading, 18, "china-s")) / 2, y), heading, fontname="china-s", fontsize=18)
    kit.lines.setdefault(1, []).append(heading)
    y += 40
    for block in titles:
        label = str(starts[block.document] - front + 1)
        text = block.text
        room = kit.width - kit.measure(label, size, "china-s") - size * 2 - kit.measure("····", size, "china-s")  # leaders ≥ 4 dots
        while kit.measure(text, size, "china-s") > room:
            text = text[:-1]
        dots = "·" * max(4, int((room + size * 2 - kit.measure(text, size, "china-s")) // kit.measure("·", size, "china-s")))
        line = f"{text}{dots}{label}"
        page.insert_text((kit.margin[0], y), line, fontname="china-s", fontsize=size)
        kit.lines[1].append(line)
        y += size * 2.2


STYLES = {
    # B5, 目录, framed boxes, headings indented, documents run on as in the source.
    "b5": Style("b5"),
    # A4 with wide margins and larger type, no 目录, bookmarks ("3. first words…" under a root entry),
    # unframed boxes, a page per document,
    # headers swapped and a bare page number footer.
    # A5-ish narrow pages, the document's own title as running header (it changes with every document,
    # and a one-page document shows its header once), "第 N 页 共 M 页" bottom right, titles barely larger
    # than the body, bold one-line headings centred, framed boxes, neither 目录 nor bookmarks.
    "title-header": Style("title-header", size=(420.0, 612.0), margin=(40.0, 56.0, 40.0, 56.0), body=10.0,
                          leading=1.7, title_size=12.5, contents=False, header_is_title=True,
                          footer="第 {n} 页 共 {m} 页", bold_headings=True, centre_headings=True),
    # 16K pages whose PDF has no page labels (the printed "— N —" footer is the only numbering, after a
    # cover and a 目录), no running header, titles in the body size set bold.
    "16k": Style("16k", size=(516.0, 729.0), margin=(58.0, 70.0, 58.0, 70.0), body=11.0, leading=1.8,
                 title_size=11.0, title_font="bold", page_labels=False, header=False, footer="— {n} —"),
    "a4": Style("a4", size=A4, margin=(72.0, 90.0, 72.0, 80.0), body=13.0, leading=1.6, title_size=19.0,
                contents=False, bookmarks=True, short_bookmarks=True, frame_boxes=False, indent_headings=False, page_per_document=True,
                header_even="国家政策文件选编", header_odd="2024 年 12 月", footer="- {n} -"),
}


def _flatten(blocks: list[Block]) -> list[Block]:
    out = []
    for block in blocks:
        out.append(block)
        out.extend(block.children)
    return out


REVISION_NOTE = "根据修订要求，本段表述作相应调整。"


def revise(blocks: list[Block]) -> list[Block]:
    """A revised edition's text: in a few long paragraphs a sentence deleted, a figure or word changed,
    or a sentence inserted. Deterministic, spread over the whole book, titles and headings untouched."""
    import copy

    revised = copy.deepcopy(blocks)
    long = [b for b in _flatten(revised) if b.kind == "para" and len(b.text) > 80]
    for k, block in enumerate(long):
        sentences = [x for x in re.split(r"(?<=。)", block.text) if x]
        if k % 7 == 3 and len(sentences) >= 3:
            del sentences[1]
            block.text = "".join(sentences)
        elif k % 11 == 5:
            changed = re.sub(r"2027", "2028", block.text, count=1)
            if changed == block.text:
                changed = block.text.replace("加强", "强化", 1)
            block.text = changed if changed != block.text else block.text.replace("。", "。" + REVISION_NOTE, 1)
        elif k % 13 == 8:
            heading = HEADING.match(block.text.replace(" ", ""))
            at = block.text.find("。") + 1 if heading else 0
            block.text = block.text[:at] + REVISION_NOTE + block.text[at:]
    return revised


def _offset_map(old: list[Block], new: list[Block]) -> list[int]:
    """Squashed-text offset in the old blocks → offset in the new ones (-1 where the text changed)."""
    import difflib

    mapping: list[int] = []
    new_at = 0
    for a, b in zip(_flatten(old), _flatten(new)):
        x, y = squash(a.text), squash(b.text)
        local = [-1] * len(x)
        if x == y:
            local = [new_at + i for i in range(len(x))]
        else:
            for m in difflib.SequenceMatcher(None, x, y, autojunk=False).get_matching_blocks():
                for i in range(m.size):
                    local[m.a + i] = new_at + m.b + i
        mapping.extend(local)
        new_at += len(y)
    return mapping


def build_edition(pdf_path: Path, truth: dict, out: Path, style: str = "b5", revised: bool = False) -> Edition:
    """Typeset the truth's text in ``style``; ``revised`` also edits a few paragraphs (see ``revise``)."""
    lines = source_lines(pdf_path, truth)
    blocks = build_blocks(lines, truth)
    source = "".join(squash(line.text) for line in lines)
    assert "".join(squash(b.text) for b in _flatten(blocks)) == source
    final = revise(blocks) if revised else blocks
    edition = typeset(final, truth, STYLES[style], out)
    content = "".join(edition.page_text(p) for p in range(edition.first_content_page, edition.page_count))
    assert content == "".join(squash(b.text) for b in _flatten(final)), "the edition must carry exactly its text"
    edition.old_to_new = _offset_map(blocks, final)
    return edition


# ----------------------------------------------------------------------- test plumbing
_BUILT: dict[str, Edition] = {}
_WORKDIR: list[Path] = []


def workdir() -> Path:
    """One scratch folder per test session (editions, libraries), removed at exit."""
    if not _WORKDIR:
        import atexit
        import shutil
        import tempfile

        folder = Path(tempfile.mkdtemp(prefix="heldout-"))
        atexit.register(shutil.rmtree, folder, True)
        _WORKDIR.append(folder)
    return _WORKDIR[0]


def edition(pdf_path: Path, truth: dict, style: str, revised: bool = False) -> Edition:
    """The edition in ``style``, built once per session whichever test module asks first."""
    key = style + ("-revised" if revised else "")
    if key not in _BUILT:
        _BUILT[key] = build_edition(pdf_path, truth, workdir() / f"retypeset-{key}.pdf", style, revised)
    return _BUILT[key]


def run_cli(*argv: str) -> tuple[int, str, str]:
    """``python -m reader …`` in-process: exit code, stdout, stderr. Exceptions propagate (a traceback
    is a failure); argparse's SystemExit becomes its code."""
    import contextlib
    import io

    from reader.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(list(argv))
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 2
    return code, out.getvalue(), err.getvalue()


def cli_json(*argv: str):
    code, out, err = run_cli(*argv, "--json")
    assert code == 0, f"{' '.join(argv)} → exit {code}: {err.strip()}"
    return json.loads(out)


if __name__ == "__main__":  # python -m tests.acceptance.retypeset OUT.pdf [STYLE] [--revised]: look at an edition
    import sys

    corpus = Path(__file__).resolve().parents[3] / "shared" / "corpus"
    truth_data = json.loads((corpus / "policy-2024-12.truth.json").read_text(encoding="utf-8"))
    made = build_edition(corpus / "policy-2024-12.pdf", truth_data, Path(sys.argv[1]),
                         sys.argv[2] if len(sys.argv) > 2 else "b5", "--revised" in sys.argv)
    print(json.dumps({k: v for k, v in made.to_json().items() if k != "pages"}, ensure_ascii=False, indent=1))
