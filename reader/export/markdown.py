"""CommonMark summary: readable as plain text, rendered nicely by any Markdown viewer.

Headings: ``#`` title, ``##`` theme or compilation, ``###`` document, ``####`` the entry's
clause and page. The contents list links to the ``##``/``###`` headings with GitHub-style
slugs (lower case, punctuation dropped, spaces to ``-``, ``-1``… for repeats), which most
renderers (GitHub, GitLab, VS Code, Typora) produce. Quotes are ``>`` blocks.
"""

from __future__ import annotations

import re

from reader.export.model import CancelCheck, ExportCancelled, ExportReport, Progress
from reader.export.wording import words
from reader.export.text import (
    author_line,
    clean_note,
    clean_quote,
    document_heading,
    locator,
    section_title,
    source_line,
    summary_lines,
    themes_line,
)

_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>~|])")
_ENTITY = re.compile(r"&(?=#?\w+;)")
_LINE_START = re.compile(r"^(\s*)([#>+=-]|\d+[.)])")
_BREAKS = re.compile(r"\s*[\r\n\x0b\x0c\x1c-\x1e\x85\u2028\u2029]+\s*")
_CLOSING_HASHES = re.compile(r"(\s)(#+)\s*$")
_SLUG_DROP = re.compile(r"[^\w\- ]", re.UNICODE)


def escape(text: str) -> str:
    """Backslash-escape what Markdown would treat as markup in user text, kept on one line.

    Every use is inline (a heading, a list item, one line of a quote or note: callers split
    multi-line text first), so a line break left in the text would start a new block — a title
    ``"x\\n# y"`` would add a heading. Line breaks become spaces; a trailing ``#`` run (a heading's
    closing sequence) is escaped too.
    """
    text = _BREAKS.sub(" ", text)
    text = _ENTITY.sub(r"\\&", _INLINE_SPECIAL.sub(r"\\\1", text))
    text = _CLOSING_HASHES.sub(lambda m: m.group(1) + "\\" + m.group(2), text)
    match = _LINE_START.match(text)
    if match:
        lead, mark = match.groups()
        if mark[0].isdigit():
            text = f"{lead}{mark[:-1]}\\{mark[-1]}{text[match.end():]}"
        else:
            text = f"{lead}\\{mark}{text[match.end():]}"
    return text


class Slugger:
    """GitHub's heading ids: lower case, punctuation removed, spaces to hyphens, repeats numbered."""

    def __init__(self) -> None:
        self._occurrences: dict[str, int] = {}

    def slug(self, heading: str) -> str:
        original = _SLUG_DROP.sub("", heading.lower()).replace(" ", "-")
        slug = original
        while slug in self._occurrences:  # github-slugger's numbering
            self._occurrences[original] += 1
            slug = f"{original}-{self._occurrences[original]}"
        self._occurrences[slug] = 0
        return slug


def _heading_texts(report: ExportReport) -> list[tuple[int, str]]:
    """Every heading in output order, so slugs are numbered as a renderer numbers them."""
    lang = report.language
    out = [(1, report.title)]
    for section in report.sections:
        out.append((2, section_title(section.title, lang)))
        for doc in section.documents:
            out.append((3, document_heading(doc.title, doc.doc_number, lang)))
            for item in doc.items:
                out.append((4, locator(item.entry, lang)))
    return out


def render_markdown(
    report: ExportReport, progress: Progress | None = None, cancelled: CancelCheck | None = None
) -> str:
    lang = report.language
    w = words(lang)
    headings = _heading_texts(report)
    slugger = Slugger()
    slugs = [slugger.slug(text) for _, text in headings]
    lines: list[str] = []
    add = lines.append

    def heading(level: int, text: str) -> None:
        add(f"{'#' * level} {escape(text)}")
        add("")

    heading(1, report.title)
    if report.header_text:
        add(escape(report.header_text))
        add("")
    for line in summary_lines(report):
        add(escape(line) + "  ")  # hard line break: one block, three lines
    lines[-1] = lines[-1].rstrip()
    add("")
    if report.theme_counts:
        add(w["theme_counts_md"])
        add("")
        for name, count in report.theme_counts.items():
            add(f"- {escape(section_title(name, lang))}{'：' if lang == 'zh' else ': '}{w['count'].format(count=count)}")
        add("")
    add(w["contents_md"])
    add("")
    position = 1
    for section in report.sections:
        add(f"- [{escape(section_title(section.title, lang))}](#{slugs[position]}){w['section_count'].format(count=section.count)}")
        position += 1
        for doc in section.documents:
            add(f"  - [{escape(document_heading(doc.title, doc.doc_number, lang))}](#{slugs[position]})")
            position += 1 + len(doc.items)
    add("")

    total = max(report.placed, 1)
    done = 0
    for section in report.sections:
        heading(2, section_title(section.title, lang))
        for doc in section.documents:
            heading(3, document_heading(doc.title, doc.doc_number, lang))
            for item in doc.items:
                if cancelled and cancelled():
                    raise ExportCancelled("导出已取消 (export cancelled)")
                _entry(lines, item, lang)
                done += 1
                if progress and done % 200 == 0:
                    progress(done, total)
    if report.footer_text:
        add("---")
        add("")
        add(escape(report.footer_text))
        add("")
    if progress:
        progress(total, total)
    return "\n".join(lines).rstrip("\n") + "\n"


def _entry(lines: list[str], item, lang: str = "zh") -> None:
    entry = item.entry
    w = words(lang)
    lines.append(f"#### {escape(locator(entry, lang))}")
    lines.append("")
    paragraphs = clean_quote(entry.quote) or [w["no_text"]]
    for index, paragraph in enumerate(paragraphs):
        if index:
            lines.append(">")
        lines.append(f"> {escape(paragraph)}")
    lines.append("")
    note = clean_note(entry.note)
    if note:
        lines.append(w["note"] + "  \n".join(escape(n) for n in note))
        lines.append("")
    lines.append(f"{escape(themes_line(item, lang))}  ")
    author = author_line(entry, lang)
    lines.append(escape(source_line(entry, lang)) + ("  " if author else ""))
    if author:
        lines.append(escape(author))
    lines.append("")
