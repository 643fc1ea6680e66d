"""The Qt-free document model: open a PDF, page labels, sizes, text and rendering.

PyMuPDF is not thread-safe, so every call into it goes through one process-wide lock.
Raw renders cost a few milliseconds a page, so serialising them costs little and keeps
the GUI's render worker and any indexing worker from corrupting MuPDF's shared state.
"""

from __future__ import annotations

import hashlib
import os
import re
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import pymupdf

from reader.errors import (
    CorruptPdfError,
    EmptyFileError,
    EmptyPdfError,
    FileMissingError,
    NotPdfError,
    PageTooCostlyError,
    PasswordRequiredError,
)
from reader.guard import PageCost, page_cost
from reader.render_bands import (BANDED_CONTENT_BYTES, BANDED_IMAGE_PIXELS, SLOW_RENDER_S, RenderCancelled,
                                 render_in_bands)
from reader.fsnames import is_utf8, shown_path
from reader.textclean import clean_text

MUPDF_LOCK = threading.RLock()
"""Held around every PyMuPDF call made through this module (and by anyone else touching pymupdf)."""

# MuPDF prints repair warnings on stderr for damaged files; the app reports problems itself.
pymupdf.TOOLS.mupdf_display_errors(False)
pymupdf.TOOLS.mupdf_display_warnings(False)

_TEXT_PROBE_PAGES = 12
MUPDF_ERRORS: tuple[type[Exception], ...] = (RuntimeError, ValueError, pymupdf.mupdf.FzErrorBase)
"""How MuPDF reports damaged content. FzErrorFormat (a cycle in the page tree, …) is neither a
RuntimeError nor a ValueError, so code that survives a damaged page catches this tuple."""
_MUPDF_ERRORS = MUPDF_ERRORS


@dataclass(frozen=True)
class RenderedImage:
    """Pixels of a rendered page region: packed RGB, ``stride`` bytes per row.

    ``samples`` is a zero-copy view of MuPDF's pixel buffer (copying a 150 % page costs a third
    of rendering it); ``owner`` keeps that buffer alive for as long as this object lives.
    """

    width: int
    height: int
    stride: int
    samples: bytes | memoryview
    owner: object = field(default=None, repr=False, compare=False)


def mupdf_detail(exc: BaseException | None) -> str:
    """MuPDF's own words for the damage (`` — MuPDF: …``), or "" when it says nothing useful."""
    return _detail(exc) if exc is not None else ""


def _detail(exc: BaseException) -> str:
    """MuPDF's own words for the damage, without its internal error code, for a bug report."""
    text = re.sub(r"^code=\d+:\s*", "", str(exc)).strip()
    if not text or text.startswith("Failed to open file"):  # says nothing the message does not
        return ""
    return f" — MuPDF: {text}"


def file_content_hash(path: str | os.PathLike[str]) -> str:
    """SHA-256 of the file's bytes: the identity of a compilation across moves and renames."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _roman(number: int) -> str:
    values = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
              (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    out = []
    for value, letters in values:
        while number >= value:
            out.append(letters)
            number -= value
    return "".join(out)


def _letters(number: int) -> str:
    # PDF spec: A..Z, then AA..ZZ, AAA.. (repeat the letter).
    return chr(ord("A") + (number - 1) % 26) * ((number - 1) // 26 + 1)


def _format_label(rule: dict, page_index: int) -> str:
    number = rule.get("firstpagenum", 1) + page_index - rule.get("startpage", 0)
    style = rule.get("style", "")
    body = {
        "D": str(number),
        "R": _roman(number),
        "r": _roman(number).lower(),
        "A": _letters(number),
        "a": _letters(number).lower(),
    }.get(style, "")
    return f"{clean_text(str(rule.get('prefix') or ''))}{body}"


def compute_page_labels(rules: list[dict], page_count: int) -> list[str]:
    """Labels for every page from the PDF's label rules; ``1…n`` where there are none."""
    if not rules:
        return [str(i + 1) for i in range(page_count)]
    ordered = sorted(rules, key=lambda r: r.get("startpage", 0))
    labels = []
    current = None
    position = 0
    for index in range(page_count):
        while position < len(ordered) and ordered[position].get("startpage", 0) <= index:
            current = ordered[position]
            position += 1
        labels.append(_format_label(current, index) if current else str(index + 1))
    return labels


def _open_with_mupdf(file: Path) -> pymupdf.Document:
    """``pymupdf.open`` for any file name. MuPDF takes names as UTF-8 text, so a name that is not UTF-8
    (GBK bytes from a Windows zip) is opened through ``/proc/self/fd`` (Linux), else read into memory."""
    if is_utf8(file):
        return pymupdf.open(file, filetype="pdf")
    fd = os.open(file, os.O_RDONLY)
    try:
        if os.path.isdir("/proc/self/fd"):
            return pymupdf.open(f"/proc/self/fd/{fd}", filetype="pdf")  # MuPDF keeps its own descriptor
        with os.fdopen(os.dup(fd), "rb") as handle:
            return pymupdf.open(stream=handle.read(), filetype="pdf")
    finally:
        os.close(fd)


class Document:
    """An open PDF. Create with :meth:`open`; expected failures raise :mod:`reader.errors`."""

    def __init__(self, pdf: pymupdf.Document, path: Path) -> None:
        self._pdf = pdf
        self.path = path
        self._labels: list[str] | None = None
        self._hash: str | None = None
        self._has_text: bool | None = None
        self._text_damage: str | None = None
        self._costs: dict[int, PageCost | None] = {}
        self._slow_pages: set[int] = set()

    # ----------------------------------------------------------------- opening
    @classmethod
    def open(cls, path: str | os.PathLike[str], password: str | None = None) -> "Document":
        """Open ``path``; raise a :class:`~reader.errors.DocumentError` subclass when it cannot be read."""
        file = Path(path)
        shown = shown_path(file)  # readable also when the name is GBK bytes
        if not file.exists():
            raise FileMissingError(f"文件不存在 (file not found): {shown}", path=shown)
        if file.is_dir():
            raise NotPdfError(f"这是一个文件夹，不是 PDF (a folder, not a PDF): {shown}", path=shown)
        try:
            with open(file, "rb") as handle:
                head = handle.read(1024)
        except OSError as exc:
            raise FileMissingError(f"无法读取文件 (cannot read file): {shown}: {exc.strerror}", path=shown) from exc
        if not head.strip(b" \t\r\n\x00"):
            raise EmptyFileError(f"文件是空的（0 字节或只有空白） (the file is empty): {shown}", path=shown)
        if b"%PDF" not in head:
            raise NotPdfError(f"不是 PDF 文件 (not a PDF file): {shown}", path=shown)
        with MUPDF_LOCK:
            try:
                pdf = _open_with_mupdf(file)
            except Exception as exc:  # MuPDF reports damage as FileDataError/RuntimeError
                raise CorruptPdfError(
                    f"PDF 文件已损坏或不完整，无法打开 (corrupt or incomplete PDF): {shown}{_detail(exc)}", path=shown
                ) from exc
            if pdf.needs_pass:
                if password is None:
                    pdf.close()
                    raise PasswordRequiredError(
                        f"PDF 已加密，需要密码 (encrypted PDF, password required): {shown}", path=shown
                    )
                if not pdf.authenticate(password):
                    pdf.close()
                    raise PasswordRequiredError(
                        f"密码错误 (wrong password): {shown}", path=shown, wrong_password=True
                    )
            try:
                count = pdf.page_count
            except Exception as exc:
                pdf.close()
                raise CorruptPdfError(
                    f"PDF 文件已损坏或不完整 (corrupt or incomplete PDF): {shown}{_detail(exc)}", path=shown
                ) from exc
            if count == 0:
                pdf.close()
                raise EmptyPdfError(f"PDF 没有任何页面 (PDF has no pages): {shown}", path=shown)
        return cls(pdf, file)

    def close(self) -> None:
        with MUPDF_LOCK:
            self._pdf.close()

    def __enter__(self) -> "Document":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --------------------------------------------------------------- properties
    @property
    def pdf(self) -> pymupdf.Document:
        """The underlying PyMuPDF document, for the structure layer. Hold :data:`MUPDF_LOCK` while using it."""
        return self._pdf

    @property
    def page_count(self) -> int:
        return self._pdf.page_count

    @property
    def content_hash(self) -> str:
        if self._hash is None:
            self._hash = file_content_hash(self.path)
        return self._hash

    @property
    def title(self) -> str:
        """The PDF's metadata title, else the file name without extension."""
        with MUPDF_LOCK:
            meta = self._pdf.metadata or {}
        return clean_text(meta.get("title") or "").strip() or shown_path(self.path.stem)

    @property
    def page_labels(self) -> list[str]:
        if self._labels is None:
            with MUPDF_LOCK:
                try:
                    rules = self._pdf.get_page_labels()
                except Exception:  # damaged label tree: fall back to numbers
                    rules = []
            self._labels = compute_page_labels(rules, self.page_count)
        return self._labels

    def page_label(self, index: int) -> str:
        return self.page_labels[index]

    def adopt_page_labels(self, labels: list[str]) -> bool:
        """Use labels read off the printed page numbers (``reader.structure``) when the PDF has none.

        Labels the PDF declares (/PageLabels) always win; returns whether the labels changed.
        """
        with MUPDF_LOCK:
            try:
                declared = bool(self._pdf.get_page_labels())
            except Exception:
                declared = False
        if declared or len(labels) != self.page_count or labels == self.page_labels:
            return False
        self._labels = list(labels)
        return True

    def page_index_for(self, text: str) -> int | None:
        """Page index for what a user types in a page box: a label ("45", "II") first, then a 1-based number.

        Labels win because the printed number is what analysts quote ("see page 45").
        ``#47`` forces a physical page number.
        """
        wanted = text.strip()
        if not wanted:
            return None
        if wanted.startswith("#") and wanted[1:].isdigit():
            number = int(wanted[1:])
            return number - 1 if 1 <= number <= self.page_count else None
        labels = self.page_labels
        if wanted in labels:
            return labels.index(wanted)
        lowered = wanted.lower()
        for index, label in enumerate(labels):
            if label.lower() == lowered:
                return index
        if wanted.isdigit():
            number = int(wanted)
            if 1 <= number <= self.page_count:
                return number - 1
        return None

    def page_size(self, index: int) -> tuple[float, float]:
        """Page width and height in points, as displayed (rotation applied)."""
        with MUPDF_LOCK:
            rect = self._pdf[index].rect
        return rect.width, rect.height

    def page_sizes(self) -> list[tuple[float, float]]:
        """All page sizes. Cheap: MuPDF reads only each page's boxes, not its content.

        A page whose dictionary is damaged takes the size of the page before it (A4 for the first),
        so one bad page does not stop the rest from opening.
        """
        sizes: list[tuple[float, float]] = []
        with MUPDF_LOCK:
            for index in range(self.page_count):
                try:
                    rect = self._pdf.load_page(index).rect
                    sizes.append((rect.width, rect.height))
                except _MUPDF_ERRORS:
                    sizes.append(sizes[-1] if sizes else (595.0, 842.0))
        return sizes

    def page_refusal(self, index: int, rendering: bool = False) -> str | None:
        """Why page ``index`` is too costly to extract (or, with ``rendering``, to render) safely; else None.

        Estimated once per page from its objects (see reader.guard); a hostile page (nested forms,
        a gigapixel image) is then left out instead of freezing the reader or exhausting memory.
        Text extraction does not decode images, so only rendering is refused for huge images.
        """
        if index not in self._costs:
            with MUPDF_LOCK:
                try:
                    self._costs[index] = page_cost(self._pdf, index)
                except _MUPDF_ERRORS:  # damaged objects: extraction reports the damage itself
                    self._costs[index] = None
        cost = self._costs[index]
        if cost is None or not (cost.too_costly if rendering else cost.too_costly_for_text):
            return None
        return cost.reason(index)

    def page_text(self, index: int) -> str:
        """Raw extracted text of one page (furniture included); see ``reader.structure`` for clean text."""
        if self.page_refusal(index):
            return ""
        with MUPDF_LOCK:
            return clean_text(self._pdf[index].get_text())

    @property
    def has_text_layer(self) -> bool:
        """Whether any of the first pages carries extractable text (scans do not)."""
        if self._has_text is None:
            self._has_text = False
            damage: BaseException | None = None
            with MUPDF_LOCK:
                for index in range(min(self.page_count, _TEXT_PROBE_PAGES)):
                    if self.page_refusal(index):
                        continue
                    try:
                        if self._pdf[index].get_text().strip():
                            self._has_text = True
                            break
                    except _MUPDF_ERRORS as exc:  # a damaged page: ask the next one
                        damage = damage or exc
                        continue
            refused = [self.page_refusal(i) for i in self._costs if self.page_refusal(i)]
            if not self._has_text and refused:
                self._text_damage = refused[0]
            elif not self._has_text and damage is not None:
                self._text_damage = (f"PDF 页面已损坏，无法读取文字 (the pages are damaged; no text can be read)"
                                     f"{mupdf_detail(damage)}")
        return self._has_text

    @property
    def text_damage(self) -> str | None:
        """Why no text was found when the reason is damage, not a scan (pages MuPDF cannot read)."""
        self.has_text_layer
        return self._text_damage

    # ---------------------------------------------------------------- rendering
    def render(
        self,
        index: int,
        zoom: float,
        clip: tuple[float, float, float, float] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> RenderedImage:
        """Render page ``index`` (or the ``clip`` rectangle of it, in points) at ``zoom`` (1.0 = 72 dpi).

        Callers fold the screen's device pixel ratio into ``zoom`` so HiDPI output stays crisp.
        A heavy page (see :meth:`_renders_in_bands`) is rasterised band by band: PyMuPDF holds the
        GIL and MUPDF_LOCK for a whole call, so one long call would freeze every other thread,
        the window's included; between bands both are free, and ``cancelled()`` (the page is no
        longer wanted) stops the work, raising :class:`RenderCancelled`.
        """
        refusal = self.page_refusal(index, rendering=True)
        if refusal:
            raise PageTooCostlyError(refusal, path=str(self.path))
        matrix = pymupdf.Matrix(zoom, zoom)
        started = time.perf_counter()
        try:
            if self._renders_in_bands(index):
                pix = render_in_bands(self._pdf, index, matrix, clip, cancelled)
                return RenderedImage(pix.width, pix.height, pix.stride, pix.samples_mv, owner=pix)
            with MUPDF_LOCK:
                page = self._pdf[index]
                pix = page.get_pixmap(
                    matrix=matrix,
                    clip=pymupdf.Rect(clip) if clip else None,
                    alpha=False,
                    annots=True,
                )
                return RenderedImage(pix.width, pix.height, pix.stride, pix.samples_mv, owner=pix)
        except _MUPDF_ERRORS as exc:  # damaged page content
            raise CorruptPdfError(
                f"第 {index + 1} 页已损坏，无法显示 (page {index + 1} is damaged){_detail(exc)}", path=str(self.path)
            ) from exc
        finally:
            if time.perf_counter() - started > SLOW_RENDER_S:
                self._slow_pages.add(index)

    def _renders_in_bands(self, index: int) -> bool:
        """Whether page ``index`` is heavy: big content or images by the guard's estimate, or slow before.

        Real pages (text, tables, ordinary scans) stay far below the thresholds and render in one call.
        """
        if index in self._slow_pages:
            return True
        cost = self._costs.get(index)
        return cost is not None and (cost.content_bytes >= BANDED_CONTENT_BYTES or cost.image_pixels >= BANDED_IMAGE_PIXELS)
