"""Word (.docx) summary with python-docx: styles, contents field, page numbers, theme markers.

Layout: Title; scope, date and totals; a table of theme counts; a TOC field (pre-filled with
the section and document headings so it reads well before Word updates it, and
``w:updateFields`` set so Word offers to update it with page numbers); then Heading 1 per
theme or compilation, Heading 2 per document, Heading 3 per entry (clause and page) followed
by the quote (引文 style), the note (批注 style) and the source line (出处 style).
"""

from __future__ import annotations

from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import RGBColor
from docx.text.paragraph import Paragraph

from reader.atomicfile import atomic_path
from reader.export.docx_styles import setup_styles
from reader.export.model import (
    DEFAULT_BODY_FONT,
    DEFAULT_HEADING_FONT,
    DEFAULT_LATIN_FONT,
    CancelCheck,
    ExportCancelled,
    ExportReport,
    GroupItem,
    Progress,
)
from reader.export.text import clean_note, clean_quote, document_heading, locator, source_line, summary_lines

MARKER = "■"
TOC_INSTRUCTION = 'TOC \\o "1-2" \\h \\z \\u'


def _rgb(color: str | None) -> RGBColor | None:
    value = (color or "").lstrip("#")
    if len(value) != 6:
        return None
    try:
        return RGBColor.from_string(value.upper())
    except ValueError:
        return None


class _FastBody:
    """Appends paragraphs straight into the body XML.

    python-docx's ``add_paragraph`` rescans every body child to insert before ``w:sectPr`` and
    looks the style up by name each time: quadratic, ~25 s for 2,000 entries. Here a paragraph
    is placed with one ``addprevious`` on the section properties and styles go by id.
    """

    def __init__(self, document) -> None:
        self.document = document
        body = document.element.body
        self.anchor = body.sectPr if body.sectPr is not None else None

    def paragraph(self, style, text: str | None = None) -> Paragraph:
        p = OxmlElement("w:p")
        ppr = OxmlElement("w:pPr")
        pstyle = OxmlElement("w:pStyle")
        pstyle.set(qn("w:val"), style.style_id)
        ppr.append(pstyle)
        p.append(ppr)
        if text:
            _run(p, text)
        if self.anchor is not None:
            self.anchor.addprevious(p)
        else:
            self.document.element.body.append(p)
        return Paragraph(p, self.document._body)


def _run(p, text: str = "", *, color: str | None = None, bold: bool = False, line_break: bool = False):
    """A ``w:r`` appended to paragraph element ``p`` (text, optional colour/bold, or a line break)."""
    r = OxmlElement("w:r")
    rgb = _rgb(color) if color else None
    if rgb is not None or bold:
        rpr = OxmlElement("w:rPr")
        if bold:
            rpr.append(OxmlElement("w:b"))
        if rgb is not None:
            element = OxmlElement("w:color")
            element.set(qn("w:val"), str(rgb))
            rpr.append(element)
        r.append(rpr)
    if line_break:
        r.append(OxmlElement("w:br"))
    if text:
        t = OxmlElement("w:t")
        t.set(qn("xml:space"), "preserve")
        t.text = text
        r.append(t)
    p.append(r)
    return r


def _marker(paragraph, color: str | None) -> None:
    """A square in the theme's colour: the theme's highlight colour, visible in print too."""
    _run(paragraph._p, MARKER + " ", color=color)


def _field_char(run, kind: str) -> None:
    element = OxmlElement("w:fldChar")
    element.set(qn("w:fldCharType"), kind)
    if kind == "begin":
        element.set(qn("w:dirty"), "true")
    run._r.append(element)


def _instruction(run, text: str) -> None:
    element = OxmlElement("w:instrText")
    element.set(qn("xml:space"), "preserve")
    element.text = text
    run._r.append(element)


def _simple_field(paragraph, instruction: str, shown: str) -> None:
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = shown
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


_SETTINGS_AFTER_UPDATE_FIELDS = (
    "w:hdrShapeDefaults", "w:footnotePr", "w:endnotePr", "w:compat", "w:docVars", "w:rsids", "m:mathPr",
    "w:attachedSchema", "w:themeFontLang", "w:clrSchemeMapping", "w:doNotIncludeSubdocsInStats",
    "w:doNotAutoCompressPictures", "w:forceUpgrade", "w:captions", "w:readModeInkLockDown", "w:smartTagType",
    "sl:schemaLibrary", "w:shapeDefaults", "w:doNotEmbedSmartTags", "w:decimalSymbol", "w:listSeparator",
)


def _update_fields_on_open(document) -> None:
    settings = document.settings.element
    if settings.find(qn("w:updateFields")) is None:
        update = OxmlElement("w:updateFields")
        update.set(qn("w:val"), "true")
        # CT_Settings is a sequence: Word rejects an out-of-order child, so insert before its successors.
        settings.insert_element_before(update, *_SETTINGS_AFTER_UPDATE_FIELDS)


def _toc(body: "_FastBody", styles, report: ExportReport) -> None:
    """A real TOC field whose current result lists the headings (page numbers come on update)."""
    body.paragraph(styles["toc_heading"], "目录")
    lines = []
    for section in report.sections:
        lines.append((styles["toc1"], section.title))
        for doc in section.documents:
            lines.append((styles["toc2"], document_heading(doc.title, doc.doc_number)))
    if not lines:
        lines.append((styles["toc1"], "（无内容）"))
    for index, (style, text) in enumerate(lines):
        paragraph = body.paragraph(style)
        if index == 0:
            _field_char(paragraph.add_run(), "begin")
            _instruction(paragraph.add_run(), TOC_INSTRUCTION)
            _field_char(paragraph.add_run(), "separate")
        _run(paragraph._p, text)
        if index == len(lines) - 1:
            _field_char(paragraph.add_run(), "end")


def _header_footer(document, report: ExportReport) -> None:
    section = document.sections[0]
    header = section.header.paragraphs[0]
    header.text = report.header_text or report.title
    header.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if report.footer_text:
        footer.add_run(report.footer_text + "　")
    footer.add_run("第 ")
    _simple_field(footer, "PAGE", "1")
    footer.add_run(" 页")


def _summary(document, styles, report: ExportReport) -> None:
    document.add_paragraph(report.title, style=styles["title"])
    for line in summary_lines(report):
        document.add_paragraph(line, style=styles["normal"])
    if report.theme_counts:
        table = document.add_table(rows=1, cols=2)
        table.style = document.styles["Light List Accent 1"]
        table.rows[0].cells[0].text = "主题"
        table.rows[0].cells[1].text = "条数"
        for name, count in report.theme_counts.items():
            cells = table.add_row().cells
            paragraph = cells[0].paragraphs[0]
            _marker(paragraph, report.theme_colors.get(name))
            paragraph.add_run(name)
            cells[1].text = str(count)
            cells[1].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT


def _entry(body: _FastBody, styles, item: GroupItem, theme_colors: dict[str, str]) -> None:
    entry = item.entry
    body.paragraph(styles["h3"], locator(entry))
    for paragraph in clean_quote(entry.quote) or ["（无文字）"]:
        body.paragraph(styles["quote"], paragraph)
    note = clean_note(entry.note)
    if note:
        p = body.paragraph(styles["note"])._p
        _run(p, "批注：", bold=True)
        for index, line in enumerate(note):
            _run(p, line, line_break=index > 0)
    meta = body.paragraph(styles["source"])._p
    for name in (t for t in entry.themes if t not in item.also_in):
        _run(meta, MARKER + " ", color=theme_colors.get(name, entry.color))
        _run(meta, name + "　")
    if not entry.themes:
        _run(meta, "未分类　")
    if item.also_in:
        _run(meta, f"（另见：{'、'.join(item.also_in)}）")
    _run(meta, source_line(entry), line_break=True)


def build_docx(
    report: ExportReport,
    *,
    body_font: str = DEFAULT_BODY_FONT,
    heading_font: str = DEFAULT_HEADING_FONT,
    latin_font: str = DEFAULT_LATIN_FONT,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
):
    """The python-docx Document for ``report`` (not yet saved)."""
    document = docx.Document()
    document.core_properties.title = report.title
    document.core_properties.language = "zh-CN"
    styles = setup_styles(document, body_font=body_font, heading_font=heading_font, latin_font=latin_font)
    _update_fields_on_open(document)
    _header_footer(document, report)
    body = _FastBody(document)
    _summary(document, styles, report)
    _toc(body, styles, report)
    total = max(report.placed, 1)
    done = 0
    for number, section in enumerate(report.sections):
        heading = body.paragraph(styles["h1"])
        if number == 0:
            heading.paragraph_format.page_break_before = True
        if section.color:
            _marker(heading, section.color)
        _run(heading._p, section.title)
        for doc in section.documents:
            body.paragraph(styles["h2"], document_heading(doc.title, doc.doc_number))
            for item in doc.items:
                if cancelled and cancelled():
                    raise ExportCancelled("导出已取消 (export cancelled)")
                _entry(body, styles, item, report.theme_colors)
                done += 1
                if progress and done % 100 == 0:
                    progress(done, total)
    if progress:
        progress(total, total)
    return document


def write_docx(report: ExportReport, output: str | Path, **options) -> Path:
    """Build and save atomically (a temporary file renamed into place)."""
    document = build_docx(report, **options)
    with atomic_path(output) as temp:
        document.save(str(temp))
    return Path(output)
