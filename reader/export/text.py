"""Wording shared by the Markdown and Word writers, so both say the same thing the same way."""

from __future__ import annotations

import dataclasses
import re
from typing import TypeVar

from reader.export.model import UNTAGGED, ExportEntry, ExportReport, GroupItem
from reader.export.wording import words

_SPACES = re.compile(r"[ \t\u3000\u00a0]+")
_LINE_BREAKS = re.compile(r"\r\n|[\r\n\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
# C0 controls but tab and line feed, DEL, C1 controls, lone surrogates, the XML non-characters
_UNWRITABLE = re.compile(r"[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")
_MULTILINE_FIELDS = {"quote", "note"}
_SUSPECT = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")  # anything safe_text may change
_TEXT_FIELDS: dict[type, tuple[str, ...]] = {}
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
    """A copy of an export dataclass with :func:`safe_text` applied to its text and text tuples.

    Most text needs nothing: one regex search per string decides, so a 2,000-entry export pays
    a few milliseconds, not a rewrite of every field.
    """
    names = _TEXT_FIELDS.get(type(record))
    if names is None:
        names = _TEXT_FIELDS[type(record)] = tuple(f.name for f in dataclasses.fields(record))  # type: ignore[arg-type]
    values = [getattr(record, name) for name in names]
    text = "".join(v if isinstance(v, str) else "".join(x for x in v if isinstance(x, str))
                   for v in values if isinstance(v, (str, tuple)))
    if _SUSPECT.search(text) is None:
        return record
    changes = {}
    for name, value in zip(names, values):
        if isinstance(value, str):
            if _SUSPECT.search(value) is None:
                continue
            cleaned = safe_text(value, name in _MULTILINE_FIELDS)
        elif isinstance(value, tuple) and value and all(isinstance(v, str) for v in value):
            if not any(_SUSPECT.search(v) for v in value):
                continue
            cleaned = tuple(safe_text(v, False) for v in value)
        else:
            continue
        if cleaned != value:
            changes[name] = cleaned
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


def document_heading(title: str, doc_number: str, language: str = "zh") -> str:
    title = title or words(language)["unknown_document"]
    return f"{title}（{doc_number}）" if doc_number else title


def section_title(title: str, language: str = "zh") -> str:
    """A section's heading: a theme's or compilation's name, or the untagged section in the reader's language."""
    return words(language)["untagged_section"] if title == UNTAGGED else title


def clause_text(labels: tuple[str, ...] | list[str]) -> str:
    """``二、（三）``: labels that end in punctuation join directly, others with a space."""
    out = ""
    for label in labels:
        if out and out[-1] not in "、）)．.：:":
            out += " "
        out += label
    return out


def page_text(entry: ExportEntry, language: str = "zh") -> str:
    return words(language)["page"].format(label=entry.page_label or entry.page_index + 1)


def locator(entry: ExportEntry, language: str = "zh") -> str:
    """Where the entry lies: clause label and page, e.g. ``（三） · 第 5 页``."""
    w = words(language)
    parts = []
    if entry.clause_label:
        label = clause_text((entry.clause_label, entry.clause_heading) if entry.clause_heading else (entry.clause_label,))
        parts.append(label + (w["whole_clause"] if entry.whole_clause else ""))
    parts.append(page_text(entry, language))
    if entry.orphaned:
        parts.append(w["orphaned"])
    return w["join"].join(parts)


def clause_name(entry: ExportEntry) -> str:
    """The clause as a reader would cite it: each level's label with its heading (``四、升级融合应用… （三）…``).

    A bare ``（三）`` means nothing outside its document; the heading says which part it is. Levels
    whose heading is unknown (no structure: file moved) keep their label alone.
    """
    labels = entry.clause_path or ((entry.clause_label,) if entry.clause_label else ())
    headings = entry.clause_headings if len(entry.clause_headings) == len(labels) else ()
    if not headings and entry.clause_heading and labels and labels[-1] == entry.clause_label:
        headings = ("",) * (len(labels) - 1) + (entry.clause_heading,)
    tokens: list[str] = []
    for index, label in enumerate(labels):
        tokens.append(label)
        if headings and headings[index]:
            tokens.append(headings[index])
    return clause_text(tokens)


def source_line(entry: ExportEntry, language: str = "zh") -> str:
    """Document title and 文号, clause with its heading, page, compilation: enough to cite the entry on its own."""
    w = words(language)
    parts = [document_heading(entry.document_title, entry.doc_number, language)]
    clause = clause_name(entry)
    if clause:
        parts.append(clause)
    parts.append(page_text(entry, language))
    parts.append(w["compilation"].format(name=entry.compilation))
    return w["source"] + w["join"].join(parts)


def author_line(entry: ExportEntry, language: str = "zh") -> str:
    """"— 张三": who wrote the entry, in a team library ('' otherwise)."""
    return words(language)["author"].format(name=entry.author) if entry.author else ""


def themes_line(item: GroupItem, language: str = "zh") -> str:
    w = words(language)
    shown = [section_title(t, language) for t in item.entry.themes if t not in item.also_in]
    text = w["themes"] + (w["list_sep"].join(shown) if shown else w["untagged"])
    if item.also_in:
        text += w["also_in"].format(names=w["list_sep"].join(item.also_in))
    return text


def summary_lines(report: ExportReport) -> list[str]:
    """The lines under the title: scope, the documents' dates, date made, totals."""
    w = words(report.language)
    grouping = w["by_theme"] if report.group == "theme" else w["by_document"]
    lines = [w["scope"].format(scope=report.scope)]
    span = report.date_span
    if span:
        lines.append(w["dates"].format(first=span[0], last=span[1]))
    lines.append(w["made"].format(date=report.made.isoformat()))
    lines.append(w["totals"].format(annotations=len(report.entries), documents=report.document_count,
                                    grouping=grouping))
    return lines
