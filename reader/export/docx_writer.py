"""Word (.docx) summary with python-docx: styles, contents field, page numbers, theme markers.

Layout: Title; scope, date and totals; a table of theme counts; a TOC field (pre-filled with
the section and document headings so it reads well before Word updates it, and
``w:updateFields`` set so Word offers to update it with page numbers); then Heading 1 per
theme or compilation, Heading 2 per document, Heading 3 per entry (clause and page) followed
by the quote (引文 style), the note (批注 style) and the source line (出处 style).
"""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

import docx
from docx.shared import Mm
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import RGBColor
from docx.text.paragraph import Paragraph

from reader.atomicfile import atomic_path
from reader.export.docx_styles import setup_styles
from reader.export.wording import words
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
from reader.export.text import (
    author_line,
    clean_note,
    clean_quote,
    document_heading,
    locator,
    section_title,
    source_line,
    summary_lines,
)

PAGE_SIZES_MM = {"A4": (210, 297), "Letter": (215.9, 279.4)}
MARGINS_MM = {
    # top, bottom, left, right
    "official": (37, 35, 28, 26),  # GB/T 9704-2012 公文: 天头 37 mm, 订口 28 mm, text block 156 × 225 mm
    "modern": (25.4, 25.4, 25.4, 25.4),
}

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
    w = words(report.language)
    body.paragraph(styles["toc_heading"], w["contents"])
    lines = []
    for section in report.sections:
        lines.append((styles["toc1"], section_title(section.title, report.language)))
        for doc in section.documents:
            lines.append((styles["toc2"], document_heading(doc.title, doc.doc_number, report.language)))
    if not lines:
        lines.append((styles["toc1"], w["nothing"]))
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
    before, after = words(report.language)["page_footer"]
    footer.add_run(before)
    _simple_field(footer, "PAGE", "1")
    if after:
        footer.add_run(after)


def _summary(document, styles, report: ExportReport, template: str = "modern") -> None:
    document.add_paragraph(report.title, style=styles["title"])
    for line in summary_lines(report):
        document.add_paragraph(line, style=styles["normal"])
    if report.theme_counts:
        table = document.add_table(rows=1, cols=2)
        table.style = document.styles["Table Grid" if template == "official" else "Light List Accent 1"]
        w = words(report.language)
        table.rows[0].cells[0].text = w["theme"]
        table.rows[0].cells[1].text = w["entries"]
        for name, count in report.theme_counts.items():
            cells = table.add_row().cells
            paragraph = cells[0].paragraphs[0]
            _marker(paragraph, report.theme_colors.get(name))
            paragraph.add_run(section_title(name, report.language))
            cells[1].text = str(count)
            cells[1].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT


def _keep(paragraph, *, with_next: bool) -> None:
    """An entry's paragraphs stay on one page and with the next one, so a page break never
    separates a quote from its note and source (Word breaks anyway when an entry is longer than a page)."""
    fmt = paragraph.paragraph_format
    fmt.keep_together = True
    if with_next:
        fmt.keep_with_next = True


def _entry(body: _FastBody, styles, item: GroupItem, theme_colors: dict[str, str], language: str = "zh") -> None:
    entry = item.entry
    w = words(language)
    _keep(body.paragraph(styles["h3"], locator(entry, language)), with_next=True)
    for paragraph in clean_quote(entry.quote) or [w["no_text"]]:
        _keep(body.paragraph(styles["quote"], paragraph), with_next=True)
    note = clean_note(entry.note)
    if note:
        paragraph = body.paragraph(styles["note"])
        _keep(paragraph, with_next=True)
        p = paragraph._p
        _run(p, w["note"], bold=True)
        for index, line in enumerate(note):
            _run(p, line, line_break=index > 0)
    source = body.paragraph(styles["source"])
    _keep(source, with_next=False)
    meta = source._p
    for name in (t for t in entry.themes if t not in item.also_in):
        _run(meta, MARKER + " ", color=theme_colors.get(name, entry.color))
        _run(meta, name + "　")
    if not entry.themes:
        _run(meta, w["untagged"] + "　")
    if item.also_in:
        _run(meta, w["also_in"].format(names=w["list_sep"].join(item.also_in)))
    _run(meta, source_line(entry, language), line_break=True)
    if entry.author:
        _run(meta, author_line(entry, language), line_break=True)


def _page_setup(document, page_size: str, template: str) -> None:
    """Paper size and margins on every section (python-docx's default template is US Letter)."""
    width, height = PAGE_SIZES_MM[page_size]
    top, bottom, left, right = MARGINS_MM[template]
    for section in document.sections:
        section.page_width, section.page_height = Mm(width), Mm(height)
        section.top_margin, section.bottom_margin = Mm(top), Mm(bottom)
        section.left_margin, section.right_margin = Mm(left), Mm(right)


def _properties(document, report: ExportReport, author: str) -> None:
    """Document properties of this app: python-docx's template says 'python-docx', dated 2013."""
    now = _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0, tzinfo=None)
    w = words(report.language)
    props = document.core_properties
    props.title = report.title
    props.author = author or w["app"]
    props.last_modified_by = author or w["app"]
    props.created = props.modified = now
    props.revision = 1
    props.subject = report.scope
    props.comments = ""
    props.keywords = w["list_sep"].join(section_title(n, report.language) for n in report.theme_counts)
    props.category = ""
    props.language = "zh-CN" if report.language == "zh" else "en-US"
    props.content_status = ""
    props.identifier = ""
    props.version = ""


def build_docx(
    report: ExportReport,
    *,
    body_font: str = DEFAULT_BODY_FONT,
    heading_font: str = DEFAULT_HEADING_FONT,
    latin_font: str = DEFAULT_LATIN_FONT,
    page_size: str = "A4",
    template: str = "modern",
    author: str = "",
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
):
    """The python-docx Document for ``report`` (not yet saved)."""
    document = docx.Document()
    _properties(document, report, author)
    _page_setup(document, page_size, template)
    styles = setup_styles(document, body_font=body_font, heading_font=heading_font, latin_font=latin_font,
                          template=template)
    _update_fields_on_open(document)
    _header_footer(document, report)
    body = _FastBody(document)
    _summary(document, styles, report, template)
    _toc(body, styles, report)
    total = max(report.placed, 1)
    done = 0
    for number, section in enumerate(report.sections):
        heading = body.paragraph(styles["h1"])
        if number == 0:
            heading.paragraph_format.page_break_before = True
        if section.color and template != "official":  # 公文 headings are black, without colour marks
            _marker(heading, section.color)
        _run(heading._p, section_title(section.title, report.language))
        for doc in section.documents:
            body.paragraph(styles["h2"], document_heading(doc.title, doc.doc_number, report.language))
            for item in doc.items:
                if cancelled and cancelled():
                    raise ExportCancelled("导出已取消 (export cancelled)")
                _entry(body, styles, item, report.theme_colors, report.language)
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
