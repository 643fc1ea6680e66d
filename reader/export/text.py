"""Wording shared by the Markdown and Word writers, so both say the same thing the same way."""

from __future__ import annotations

import dataclasses
import re
from typing import TypeVar

from reader.export.model import ExportEntry, ExportReport, GroupItem

_SPACES = re.compile(r"[ \t\u3000\u00a0]+")
_LINE_BREAKS = re.compile(r"\r\n|[\r\n\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
# C0 controls but tab and line feed, DEL, C1 controls, lone surrogates, the XML non-characters
_UNWRITABLE = re.compile(r"[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")
_MULTILINE_FIELDS = {"quote", "note"}
_T = TypeVar("_T")


def safe_text(text: str, multiline: bool = True) -> str:
    """Text every output format can hold: no control characters, line breaks only as ``\\n``.

    Notes pasted from Word carry ``\\x0b`` (a manual line break), PDF metadata can carry ``\\x00``;
    Word's XML cannot hold them at all (python-docx raises) and a NUL in Markdown breaks viewers.
    Vertical tab, form feed and Unicode line/paragraph separators become line breaks; other
    controls are dropped. Single-line text (titles, names, labels) gets spaces for its line breaks.
    """
    text = _UNWRITABLE.sub("", _LINE_BREAKS.sub("\n", text))
    if not multiline:
        text = re.sub(r"[ \t]*\n[ \t\n]*", " ", text)
    return text


def safe_fields(record: _T) -> _T:
    """A copy of an export dataclass with :func:`safe_text` applied to its text and text tuples."""
    changes = {}
    for f in dataclasses.fields(record):  # type: ignore[arg-type]
        value = getattr(record, f.name)
        multiline = f.name in _MULTILINE_FIELDS
        if isinstance(value, str):
            cleaned = safe_text(value, multiline)
        elif isinstance(value, tuple) and value and all(isinstance(v, str) for v in value):
            cleaned = tuple(safe_text(v, False) for v in value)
        else:
            continue
        if cleaned != value:
            changes[f.name] = cleaned
    return dataclasses.replace(record, **changes) if changes else record  # type: ignore[type-var]


def clean_quote(text: str) -> list[str]:
    """Paragraphs of a quote: whitespace runs collapsed, no blank paragraphs.

    Quotes are stored as clean text (headers dropped, lines joined by the structure layer);
    spaces typeset inside a line (``第十一条 适用``, ``2027 年``) are the source's and stay.
    """
    paragraphs = []
    for line in text.replace("\r", "\n").split("\n"):
        line = _SPACES.sub(" ", line).strip()
        if line:
            paragraphs.append(line)
    return paragraphs


def clean_note(text: str) -> list[str]:
    return [line.strip() for line in (text or "").replace("\r", "\n").split("\n") if line.strip()]


def document_heading(title: str, doc_number: str) -> str:
    title = title or "（未识别的文件）"
    return f"{title}（{doc_number}）" if doc_number else title


def clause_text(labels: tuple[str, ...] | list[str]) -> str:
    """``二、（三）``: labels that end in punctuation join directly, others with a space."""
    out = ""
    for label in labels:
        if out and out[-1] not in "、）)．.：:":
            out += " "
        out += label
    return out


def locator(entry: ExportEntry) -> str:
    """Where the entry lies: clause label and page, e.g. ``（三） · 第 5 页``."""
    parts = []
    if entry.clause_label:
        label = clause_text((entry.clause_label, entry.clause_heading) if entry.clause_heading else (entry.clause_label,))
        parts.append(label + ("（整条）" if entry.whole_clause else ""))
    parts.append(entry.page_text)
    if entry.orphaned:
        parts.append("原文已变动，未能重新定位")
    return " · ".join(parts)


def source_line(entry: ExportEntry) -> str:
    """Document title and 文号, clause, page, compilation: enough to cite the entry on its own."""
    parts = [entry.document_title or "（未识别的文件）"]
    if entry.doc_number:
        parts[0] += f"（{entry.doc_number}）"
    if entry.clause_path or entry.clause_label:
        parts.append(clause_text(entry.clause_path or (entry.clause_label,)))
    parts.append(entry.page_text)
    parts.append(f"汇编：{entry.compilation}")
    return "出处：" + " · ".join(parts)


def themes_line(item: GroupItem) -> str:
    shown = [t for t in item.entry.themes if t not in item.also_in]
    text = "主题：" + ("、".join(shown) if shown else "未分类")
    if item.also_in:
        text += f"（另见：{'、'.join(item.also_in)}）"
    return text


def summary_lines(report: ExportReport) -> list[str]:
    """The lines under the title: scope, date, totals."""
    grouping = "按主题" if report.group == "theme" else "按文件"
    return [
        f"范围：{report.scope}",
        f"生成日期：{report.made.isoformat()}",
        f"共 {len(report.entries)} 条批注，涉及 {report.document_count} 份文件；{grouping}分组。",
    ]
