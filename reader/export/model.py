"""The export's own small data model: what the renderers take, independent of the store.

The collector (:mod:`reader.export.collect`) turns annotations, the library and document
structure into :class:`ExportEntry` records; :func:`reader.export.grouping.build_report`
arranges them into sections. Markdown, Word and PDF writers only read these records, so each
can be tested on entries built by hand.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from typing import Callable

from reader.errors import ReaderError

FORMATS = ("docx", "md", "pdf")
GROUPINGS = ("theme", "document")
PAGE_SIZES = ("A4", "Letter")
TEMPLATES = ("modern", "official")
"""``official``: the look of a 公文 (GB/T 9704-2012) — black headings, 仿宋_GB2312 body, 黑体 headings,
楷体 quotes, margins 37/35/28/26 mm; ``modern``: the app's own colours and 宋体/黑体."""
UNTAGGED = "未分类 (Untagged)"
DEFAULT_TITLE = "政策汇编批注摘要"
DEFAULT_BODY_FONT = "宋体"
DEFAULT_HEADING_FONT = "黑体"
DEFAULT_LATIN_FONT = "Times New Roman"
DEFAULT_HIGHLIGHT = "#ffd400"

Progress = Callable[[int, int], None]
CancelCheck = Callable[[], bool]


class ExportCancelled(ReaderError):
    """The user stopped the export; nothing was written under the final name."""

    code = "cancelled"


@dataclass(frozen=True)
class ThemeInfo:
    name: str
    color: str = DEFAULT_HIGHLIGHT
    name_en: str = ""


@dataclass(frozen=True)
class ExportEntry:
    """One annotation as the export shows it (quote already clean)."""

    annotation_id: str
    quote: str
    note: str
    themes: tuple[str, ...]
    color: str
    page_index: int
    page_label: str
    clause_label: str
    clause_path: tuple[str, ...]
    document_title: str
    doc_number: str
    compilation: str
    content_hash: str
    reading_key: tuple[float, ...]
    document_key: tuple = ()  # orders documents inside one compilation
    compilation_key: tuple = ()  # orders compilations
    document_date: str | None = None
    rects: dict[int, list[tuple[float, float, float, float]]] = field(default_factory=dict, compare=False)
    whole_clause: bool = False
    clause_heading: str = ""  # the innermost clause's heading, when structure is known
    clause_headings: tuple[str, ...] = ()  # the heading of each level of clause_path (shortened), if known
    orphaned: bool = False  # the quote was not found again in a changed file: no position
    author: str = ""  # who wrote it, by the name colleagues see (team library); empty in a library of one

    @property
    def page_text(self) -> str:
        return f"第 {self.page_label or self.page_index + 1} 页"


@dataclass
class ExportOptions:
    """Everything the user chooses in the dialog or on the command line."""

    format: str = "docx"
    group: str = "theme"
    title: str = DEFAULT_TITLE
    header_text: str = ""
    footer_text: str = ""
    body_font: str = DEFAULT_BODY_FONT
    heading_font: str = DEFAULT_HEADING_FONT
    latin_font: str = DEFAULT_LATIN_FONT
    compilations: list[str] | None = None  # content hashes; None = the whole library
    themes: list[str] = field(default_factory=list)  # empty = all themes
    date_from: str | None = None  # "YYYY-MM-DD", documents' dates
    date_to: str | None = None
    only_with_notes: bool = False
    author: str | None = None  # "mine", "team" or one colleague (team library); None = everything
    page_size: str = "A4"  # Word only; offices outside North America print on A4
    template: str = "modern"  # Word only: see TEMPLATES
    document_author: str = ""  # Word's document properties; empty = the app's name
    language: str = "zh"  # the words around the user's text: the interface language
    ocr_layer: bool = False  # annotated PDF only: the OCR text of scanned pages as an invisible layer

    def validate(self) -> None:
        from reader.errors import UsageError

        if self.format not in FORMATS:
            raise UsageError(f"不支持的导出格式 (unknown export format): {self.format}")
        if self.group not in GROUPINGS:
            raise UsageError(f"不支持的分组方式 (unknown grouping): {self.group}")
        if self.page_size not in PAGE_SIZES:
            raise UsageError(f"不支持的纸张大小 (unknown page size): {self.page_size}")
        if self.template not in TEMPLATES:
            raise UsageError(f"没有这个模板 (unknown template): {self.template}")
        from reader.export.wording import LANGUAGES

        if self.language not in LANGUAGES:
            raise UsageError(f"不支持的语言 (unknown language): {self.language}")
        for value in (self.date_from, self.date_to):
            if value is not None and not _valid_date(value):
                raise UsageError(f"日期格式应为 YYYY-MM-DD (date must be YYYY-MM-DD): {value}")
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise UsageError(f"起始日期晚于结束日期 (start date after end date): {self.date_from} > {self.date_to}")


_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _valid_date(value: str) -> bool:
    """``YYYY-MM-DD`` and a real day (``2024-13-45`` is not)."""
    if not _DATE.fullmatch(value):
        return False
    try:
        _dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


@dataclass(frozen=True)
class GroupItem:
    """An entry placed in a section; ``also_in`` names the other themes it is filed under."""

    entry: ExportEntry
    also_in: tuple[str, ...] = ()


@dataclass
class DocumentGroup:
    title: str
    doc_number: str
    compilation: str
    date: str | None
    items: list[GroupItem] = field(default_factory=list)


@dataclass
class Section:
    """A theme (group by theme) or a compilation (group by document)."""

    title: str
    color: str | None
    documents: list[DocumentGroup] = field(default_factory=list)

    @property
    def count(self) -> int:
        return sum(len(d.items) for d in self.documents)


@dataclass
class ExportReport:
    """The whole summary: title, scope, date made, counts, sections."""

    title: str
    scope: str
    made: _dt.date
    group: str
    sections: list[Section]
    entries: list[ExportEntry]
    theme_counts: dict[str, int]
    theme_colors: dict[str, str]
    header_text: str = ""
    footer_text: str = ""
    language: str = "zh"

    @property
    def placed(self) -> int:
        """Entries as placed in sections (an entry under two themes counts twice)."""
        return sum(s.count for s in self.sections)

    @property
    def date_span(self) -> tuple[str, str] | None:
        """The first and last dates of the documents quoted (what the summary covers in time)."""
        dates = sorted(e.document_date for e in self.entries if e.document_date)
        return (dates[0], dates[-1]) if dates else None

    @property
    def document_count(self) -> int:
        return len({(e.content_hash, e.document_title, e.doc_number) for e in self.entries})
