"""Typesetting for the re-typeset editions (not a test module): layouts, fonts, the page record.

``typeset`` sets rebuilt blocks (tests/acceptance/retypeset.py) in a ``Style`` through ``Kit``, the
structure tests' Typesetter (tests/builders/typesetter.py) extended to re-wrap text, record
every line it prints and use a system Noto CJK font where a style asks for bold or a proportional
face. ``Edition`` is what was put where: the tests' truth for the new PDF.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pymupdf

from tests.builders.typesetter import A4, B5, Typesetter

HEADING = re.compile(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[.．](?!\d)|（\d+）|"
                     r"第[一二三四五六七八九十百零]+[章节条]|专栏\s*\d+)")
_LATIN_RUN = re.compile(r"[A-Za-z0-9.%+\-_/]+")
_NO_LINE_START = set("，。、；：？！）》」』”’%—…·")


def squash(text: str) -> str:
    return "".join(text.split())


@dataclass
class Block:
    kind: str  # title / centre / right / para / box
    text: str
    indent: bool = False
    document: int | None = None  # index of the document a title starts
    new_page: bool = False       # the document started at the top of a page in the source
    children: list["Block"] = field(default_factory=list)  # a box's paragraphs


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
    # A4 with wide margins and larger type, no 目录, bookmarks ("3. first words…" under a root entry),
    # unframed boxes, a page per document, other header texts and a "- N -" footer.
    "a4": Style("a4", size=A4, margin=(72.0, 90.0, 72.0, 80.0), body=13.0, leading=1.6, title_size=19.0,
                contents=False, bookmarks=True, short_bookmarks=True, frame_boxes=False, indent_headings=False,
                page_per_document=True,
                header_even="国家政策文件选编", header_odd="2024 年 12 月", footer="- {n} -"),
}
