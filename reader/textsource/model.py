"""What every text source produces: visual rows of a page with one box per character.

A source (the PDF's text layer, OCR of the page image, a further one) only has to turn a page
into :class:`Line` objects; furniture, paragraphs, documents, clauses, search, selection and
highlights are then computed the same way whatever the source was.
"""

from __future__ import annotations

from dataclasses import dataclass, field

Rect = tuple[float, float, float, float]


@dataclass(slots=True)
class Line:
    """One visual row of text on a page; ``chars[i]`` sits in ``rects[i]`` (PDF points, y down)."""

    page: int
    chars: list[str]
    rects: list[Rect]
    size: float  # dominant font size
    bold: float  # share of characters set in a bold face (0…1)
    x0: float = 0.0
    y0: float = 0.0
    x1: float = 0.0
    y1: float = 0.0
    furniture: bool = False
    text: str = field(default="")
    red: float | None = None  # share of characters in red ink (0…1); None when the source knows no colour

    def finish(self) -> "Line":
        """Trim edge spaces and compute the bounding box and text."""
        while self.chars and not self.chars[0].strip():
            self.chars.pop(0)
            self.rects.pop(0)
        while self.chars and not self.chars[-1].strip():
            self.chars.pop()
            self.rects.pop()
        if self.rects:
            self.x0 = min(r[0] for r in self.rects)
            self.y0 = min(r[1] for r in self.rects)
            self.x1 = max(r[2] for r in self.rects)
            self.y1 = max(r[3] for r in self.rects)
        self.text = "".join(self.chars)
        return self

    @property
    def height(self) -> float:
        return self.y1 - self.y0

    @property
    def center_x(self) -> float:
        return (self.x0 + self.x1) / 2


@dataclass(slots=True)
class Piece:
    """A run of characters a source reports as one line (a PDF text line, an OCR text box)."""

    chars: list[str]
    rects: list[Rect]
    sizes: list[float]
    bolds: list[bool]
    y0: float
    y1: float
    x0: float
    red: bool | None = None  # printed in red ink; None when the source knows no colour (a text layer today)
    block: int | None = None  # the text block the source put it in (a PDF's text box); None when unknown
