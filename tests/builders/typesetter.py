"""A tiny typesetter for structure tests: builds compilations with pymupdf's built-in CJK fonts.

Layouts differ on purpose between tests (page size, margins, header/footer text and place,
title size, 目录 or none, bookmarks or none), so the structure code cannot lean on any one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import pymupdf

A4 = (595.0, 842.0)
B5 = (499.0, 709.0)


@dataclass
class Typesetter:
    size: tuple[float, float] = A4
    margin: tuple[float, float, float, float] = (54.0, 80.0, 54.0, 80.0)  # left, top, right, bottom
    body: float = 12.0
    leading: float = 1.8
    header: Callable[[int], list[tuple[str, str, str]]] | None = None  # page → [(text, "top"/"bottom", "left"/"centre"/"right")]
    doc: pymupdf.Document = field(default_factory=pymupdf.open)
    page: pymupdf.Page | None = None
    y: float = 0.0
    bookmarks: list[list] = field(default_factory=list)

    # ------------------------------------------------------------ geometry
    @property
    def width(self) -> float:
        return self.size[0] - self.margin[0] - self.margin[2]

    def chars_per_line(self, size: float | None = None) -> int:
        return int(self.width // (size or self.body))

    def new_page(self) -> None:
        self.page = self.doc.new_page(width=self.size[0], height=self.size[1])
        self.y = self.margin[1]

    def _room(self, height: float) -> None:
        if self.page is None or self.y + height > self.size[1] - self.margin[3]:
            self.new_page()

    def _put(self, x: float, text: str, size: float, font: str = "china-s") -> None:
        self._room(size * self.leading)
        self.page.insert_text((x, self.y + size), text, fontname=font, fontsize=size)
        self.y += size * self.leading

    # -------------------------------------------------------------- blocks
    def centred(self, text: str, size: float | None = None, font: str = "china-s") -> None:
        size = size or self.body
        x = (self.size[0] - len(text) * size) / 2
        self._put(x, text, size, font)

    def right(self, text: str) -> None:
        x = self.size[0] - self.margin[2] - len(text) * self.body
        self._put(x, text, self.body)

    def line(self, text: str, indent: int = 0, font: str = "china-s") -> None:
        self._put(self.margin[0] + indent * self.body, text, self.body, font)

    def title(self, text: str, size: float = 18.0, bookmark: bool = False) -> None:
        """A centred title, wrapped when it is wider than the text block."""
        self.y += size * 0.5
        per_line = int(self.width // size)
        self._room(size * self.leading * 2)
        if bookmark:
            self.bookmarks.append([1, text, self.doc.page_count])
        while text:
            self.centred(text[:per_line], size, "china-ss")
            text = text[per_line:]
        self.y += size * 0.3

    def paragraph(self, text: str, indent: int = 2) -> None:
        """Wrap like a typesetter: full lines reach the right margin, the first line is indented."""
        first = True
        while text:
            room = self.chars_per_line() - (indent if first else 0)
            self.line(text[:room], indent if first else 0)
            text = text[room:]
            first = False

    def box(self, title: str, paragraphs: list[str]) -> None:
        """A 专栏: centred title and paragraphs inside a drawn frame."""
        self._room(self.body * self.leading * 4)  # keep the box head with its first lines
        top = self.y
        self.centred(title, font="china-ss")
        for text in paragraphs:
            self.paragraph(text)
        rect = pymupdf.Rect(self.margin[0] - 6, top - 4, self.size[0] - self.margin[2] + 6, self.y + 2)
        self.page.draw_rect(rect, color=(0.3, 0.3, 0.3), width=0.8)
        self.y += self.body * 0.6

    def toc(self, entries: list[tuple[str, str]]) -> None:
        self.new_page()
        self.centred("目  录", 20, "china-ss")
        for text, label in entries:
            dots = "·" * max(4, self.chars_per_line() - len(text) - len(label) - 1)
            self.line(f"{text}{dots}{label}")

    # ------------------------------------------------------------- finish
    def save(self, path: Path, first_content_page: int = 0) -> Path:
        if self.header is not None:
            for index in range(self.doc.page_count):
                if index < first_content_page:
                    continue
                page = self.doc[index]
                for text, edge, where in self.header(index - first_content_page + 1):
                    size = self.body * 0.75
                    width = len(text) * size
                    x = {"left": self.margin[0], "centre": (self.size[0] - width) / 2,
                         "right": self.size[0] - self.margin[2] - width}[where]
                    y = self.margin[1] * 0.45 if edge == "top" else self.size[1] - self.margin[3] * 0.45
                    page.insert_text((x, y), text, fontname="china-s", fontsize=size)
        if self.bookmarks:
            self.doc.set_toc(self.bookmarks)
        self.doc.save(path)
        return path
