"""Limits on the work an untrusted PDF can make us do, checked before MuPDF does it.

A few kilobytes of PDF can ask for billions of drawing operations (form XObjects that draw each
other ten times, ten levels deep) or a gigapixel image (a one-bit image deflates a thousand to one).
MuPDF cannot be interrupted once it starts extracting or rendering such a page, and the one MuPDF
lock would freeze the window meanwhile. So before a page is extracted or rendered, its cost is
estimated from the objects alone — the bytes of content it expands to, following every ``Do`` with
its multiplicity, and the pixels of the images it draws — and a page over the limits is left out
with a clear message instead. Ordinary pages, even 600 dpi scans, are far below the limits.

The estimate reads only object dictionaries and content streams (each decoded at most once per
page check, cached by xref), never renders, and stops as soon as a limit is passed.
"""

from __future__ import annotations

import re
import resource
from dataclasses import dataclass

import pymupdf

#: Bytes of content a page may expand to once every form is inlined (real pages: well under 5 MB).
MAX_EXPANDED_CONTENT = 64 * 2**20
#: Image pixels a page may draw, counted with repetition (a 600 dpi A4 scan: ~35 million).
MAX_IMAGE_PIXELS = 400_000_000
#: A single content stream larger than this is not decoded for the estimate (counted as over).
MAX_STREAM_BYTES = 64 * 2**20
#: Address space for processes that work on untrusted files without a window (CLI, workers).
PROCESS_MEMORY_LIMIT = 6 * 2**30

_DO = re.compile(rb"/([^\s/\[\]()<>{}%]+)\s*Do\b")


@dataclass(frozen=True)
class PageCost:
    content_bytes: int
    image_pixels: int

    @property
    def too_costly(self) -> bool:
        """Too costly to render (content and images both count)."""
        return self.content_bytes > MAX_EXPANDED_CONTENT or self.image_pixels > MAX_IMAGE_PIXELS

    @property
    def too_costly_for_text(self) -> bool:
        """Too costly to extract text from (text extraction does not decode images)."""
        return self.content_bytes > MAX_EXPANDED_CONTENT

    def reason(self, page_index: int) -> str:
        if self.image_pixels > MAX_IMAGE_PIXELS:
            what = f"图像过大（约 {self.image_pixels // 1_000_000} 百万像素）(images of ~{self.image_pixels // 1_000_000} megapixels)"
        else:
            what = "内容层层嵌套，展开后过于庞大 (nested content expands beyond limits)"
        return f"第 {page_index + 1} 页{what}，为安全起见未处理 (page {page_index + 1} skipped for safety)"


class _Estimator:
    def __init__(self, pdf: pymupdf.Document) -> None:
        self.pdf = pdf
        self.memo: dict[int, tuple[int, int]] = {}

    def _key(self, xref: int, key: str) -> tuple[str, str]:
        return self.pdf.xref_get_key(xref, key)

    def _dict_text(self, kind: str, value: str) -> str | None:
        """The text of a dictionary given inline or by reference."""
        if kind == "dict":
            return value
        if kind == "xref":
            return self.pdf.xref_object(int(value.split()[0]), compressed=True)
        return None

    def _xobjects_of(self, xref: int) -> dict[str, int]:
        """Name → xref of the XObjects that object ``xref`` (a page or a form) can draw."""
        resources = self._dict_text(*self._key(xref, "Resources"))
        if not resources:
            return {}
        inner = re.search(r"/XObject\s*(<<.*?>>|\d+\s+0\s+R)", resources, re.S)
        if not inner:
            return {}
        text = inner.group(1)
        if text.endswith("R"):
            text = self.pdf.xref_object(int(text.split()[0]), compressed=True)
        return {name: int(number) for name, number in re.findall(r"/([^\s/\[\]()<>{}%]+)\s+(\d+)\s+0\s+R", text)}

    def _stream(self, xref: int) -> bytes | None:
        """The decoded stream of ``xref`` (b"" when it is no stream); None when it is too large to decode."""
        kind, length = self._key(xref, "Length")
        if kind == "int" and int(length) > MAX_STREAM_BYTES:
            return None
        if not self.pdf.xref_is_stream(xref):
            return b""
        data = self.pdf.xref_stream(xref) or b""
        return data if len(data) <= MAX_STREAM_BYTES else None

    def xobject_cost(self, xref: int, depth: int = 0) -> tuple[int, int]:
        """(content bytes, image pixels) of drawing XObject ``xref`` once."""
        if xref in self.memo:
            return self.memo[xref]
        self.memo[xref] = (MAX_EXPANDED_CONTENT + 1, 0)  # a cycle counts as over the limit
        subtype = self._key(xref, "Subtype")[1]
        if subtype == "/Image":
            width, height = self._key(xref, "Width")[1], self._key(xref, "Height")[1]
            try:
                cost = (0, int(width) * int(height))
            except ValueError:
                cost = (0, 0)
        elif subtype == "/Form" and depth < 64:
            data = self._stream(xref)
            cost = (MAX_EXPANDED_CONTENT + 1, 0) if data is None else \
                self.content_cost(data, self._xobjects_of(xref), depth + 1)
        else:
            cost = (0, 0)
        self.memo[xref] = cost
        return cost

    def content_cost(self, data: bytes, xobjects: dict[str, int], depth: int) -> tuple[int, int]:
        content, pixels = len(data), 0
        counts: dict[str, int] = {}
        for match in _DO.finditer(data):
            name = match.group(1).decode("latin-1")
            counts[name] = counts.get(name, 0) + 1
        for name, times in counts.items():
            xref = xobjects.get(name)
            if not xref:
                continue
            sub_content, sub_pixels = self.xobject_cost(xref, depth)
            content += times * sub_content
            pixels += times * sub_pixels
            if content > MAX_EXPANDED_CONTENT or pixels > MAX_IMAGE_PIXELS:
                break
        return content, pixels


def page_cost(pdf: pymupdf.Document, index: int) -> PageCost:
    """Estimated cost of extracting or rendering page ``index`` (caller holds the MuPDF lock)."""
    estimator = _Estimator(pdf)
    page_xref = pdf.page_xref(index)
    contents = pdf.load_page(index).get_contents()  # the content streams, also behind an array object
    data = bytearray()
    for xref in contents:
        part = estimator._stream(xref)
        if part is None:
            return PageCost(MAX_EXPANDED_CONTENT + 1, 0)
        data += part + b"\n"
        if len(data) > MAX_STREAM_BYTES:
            return PageCost(len(data), 0)
    content, pixels = estimator.content_cost(bytes(data), estimator._xobjects_of(page_xref), 0)
    return PageCost(content, pixels)


def limit_process_memory(limit: int = PROCESS_MEMORY_LIMIT) -> None:
    """Cap this process's address space, so a hostile file fails an allocation instead of eating the machine.

    Only for processes without a window (the CLI and workers): MuPDF turns a failed allocation into
    an error we report, where the system would otherwise swap or kill. Never lowers an existing cap.
    """
    try:
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        if soft == resource.RLIM_INFINITY or soft > limit:
            resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ValueError, OSError):  # not permitted here: the limits above still guard pages
        pass
