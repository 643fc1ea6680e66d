"""Word styles for the summary: Chinese fonts that Word and WPS honour, quote and note styles.

Word picks the font for Chinese characters from ``w:rFonts/@w:eastAsia``; the default template's
headings use theme fonts (``w:asciiTheme``, ``w:eastAsiaTheme`` …), which override explicit
names, so those attributes are removed. ``w:lang/@w:eastAsia="zh-CN"`` makes Word and WPS treat
the text as Simplified Chinese (line breaking, punctuation width).
"""

from __future__ import annotations

from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

QUOTE_STYLE = "引文"
NOTE_STYLE = "批注"
SOURCE_STYLE = "出处"
TOC_STYLES = ("toc 1", "toc 2")

_THEME_FONT_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")
_HEADING_STYLES = ("Title", "Title Char", "Heading 1", "Heading 2", "Heading 3",
                   "Heading 1 Char", "Heading 2 Char", "Heading 3 Char", "TOC Heading")
_BODY_STYLES = ("Normal", "Header", "Footer", "Quote", "Quote Char")


def set_style_fonts(style, latin: str, east_asia: str) -> None:
    """Explicit Latin and East Asian font on a style (theme font links dropped)."""
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.get_or_add_rFonts()
    for attr in _THEME_FONT_ATTRS:
        fonts.attrib.pop(qn(attr), None)
    fonts.set(qn("w:ascii"), latin)
    fonts.set(qn("w:hAnsi"), latin)
    fonts.set(qn("w:eastAsia"), east_asia)
    fonts.set(qn("w:cs"), latin)


def _set_lang(style) -> None:
    rpr = style.element.get_or_add_rPr()
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:eastAsia"), "zh-CN")


def _left_border(style, color: str) -> None:
    ppr = style.element.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    left = OxmlElement("w:left")
    for key, value in (("w:val", "single"), ("w:sz", "18"), ("w:space", "8"), ("w:color", color)):
        left.set(qn(key), value)
    borders.append(left)
    # pBdr must precede spacing/ind in CT_PPr's sequence; python-docx inserts in order.
    ppr.insert_element_before(borders, "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku",
                              "w:wordWrap", "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE",
                              "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid",
                              "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents",
                              "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
                              "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle",
                              "w:rPr", "w:sectPr", "w:pPrChange")


def _paragraph_style(styles, name: str, base: str, style_id: str):
    """A paragraph style named ``name`` (what Word shows) with an ASCII id, as Word itself writes them."""
    try:
        return styles[name]
    except KeyError:
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.style_id = style_id
        style.base_style = styles[base]
        style.quick_style = True
        return style


OFFICIAL_BODY_FONT = "仿宋_GB2312"
OFFICIAL_HEADING_FONT = "黑体"
OFFICIAL_QUOTE_FONT = "楷体_GB2312"
OFFICIAL_TITLE_FONT = "方正小标宋简体"
BLACK = RGBColor(0, 0, 0)


def _official(styles, roles: dict[str, object], latin_font: str) -> None:
    """GB/T 9704-2012's look: 3号 (16 pt) 仿宋_GB2312 text, 黑体 headings, 楷体 quotes, 小标宋 title, all black.

    The standard's fixed 28 pt line pitch gives its 22 lines per page; headings keep the body size
    (公文 mark levels by typeface, not size), the title is 2号 (22 pt) and centred.
    """
    for name in _BODY_STYLES:
        set_style_fonts(styles[name], latin_font, OFFICIAL_BODY_FONT)
    for name in _HEADING_STYLES:
        set_style_fonts(styles[name], latin_font, OFFICIAL_HEADING_FONT)
    normal = styles["Normal"]
    normal.font.size = Pt(16)
    normal.paragraph_format.line_spacing = Pt(28)
    for level in (1, 2, 3):
        heading = styles[f"Heading {level}"]
        heading.font.size = Pt(16)
        heading.font.color.rgb = BLACK
        heading.font.bold = False
    title = styles["Title"]
    set_style_fonts(title, latin_font, OFFICIAL_TITLE_FONT)
    title.font.size = Pt(22)
    title.font.color.rgb = BLACK
    title.paragraph_format.alignment = 1  # centred
    ppr = title.element.get_or_add_pPr()
    border = ppr.find(qn("w:pBdr"))
    if border is not None:  # the default template's blue rule under the title
        ppr.remove(border)
    styles["TOC Heading"].font.color.rgb = BLACK
    quote = roles["quote"]
    set_style_fonts(quote, latin_font, OFFICIAL_QUOTE_FONT)
    quote.font.color.rgb = BLACK
    roles["note"].font.color.rgb = BLACK
    roles["source"].font.color.rgb = BLACK
    roles["source"].font.size = Pt(12)


def setup_styles(document, *, body_font: str, heading_font: str, latin_font: str,
                 template: str = "modern") -> dict[str, object]:
    """Configure the template's styles; returns the style objects the writer uses (by role).

    ``official`` replaces the fonts and colours with a 公文's (see :func:`_official`); the
    user's font choices apply to ``modern``.
    """
    styles = document.styles
    for name in _BODY_STYLES:
        set_style_fonts(styles[name], latin_font, body_font)
    for name in _HEADING_STYLES:
        set_style_fonts(styles[name], latin_font, heading_font)
    normal = styles["Normal"]
    normal.font.size = Pt(11)
    _set_lang(normal)
    normal.paragraph_format.space_after = Pt(4)
    for level, size in ((1, 16), (2, 14), (3, 12)):
        styles[f"Heading {level}"].font.size = Pt(size)
    styles["Heading 3"].font.color.rgb = RGBColor(0x40, 0x40, 0x40)

    quote = _paragraph_style(styles, QUOTE_STYLE, "Normal", "ExportQuote")
    quote.paragraph_format.left_indent = Cm(0.8)
    quote.paragraph_format.space_after = Pt(3)
    quote.paragraph_format.line_spacing = 1.25
    quote.font.color.rgb = RGBColor(0x26, 0x26, 0x26)
    set_style_fonts(quote, latin_font, body_font)
    _left_border(quote, "A6A6A6")

    note = _paragraph_style(styles, NOTE_STYLE, "Normal", "ExportNote")
    note.paragraph_format.left_indent = Cm(0.8)
    note.font.color.rgb = RGBColor(0x1F, 0x4E, 0x99)
    note.font.italic = False
    set_style_fonts(note, latin_font, body_font)

    source = _paragraph_style(styles, SOURCE_STYLE, "Normal", "ExportSource")
    source.paragraph_format.left_indent = Cm(0.8)
    source.paragraph_format.space_after = Pt(10)
    source.font.size = Pt(9)
    source.font.color.rgb = RGBColor(0x59, 0x59, 0x59)
    set_style_fonts(source, latin_font, body_font)

    toc = []
    for level in (1, 2):
        style = _paragraph_style(styles, TOC_STYLES[level - 1], "Normal", f"TOC{level}")
        style.paragraph_format.left_indent = Cm(0.75 * (level - 1))
        style.paragraph_format.space_after = Pt(2)
        toc.append(style)
    roles = {
        "title": styles["Title"],
        "h1": styles["Heading 1"],
        "h2": styles["Heading 2"],
        "h3": styles["Heading 3"],
        "normal": normal,
        "quote": quote,
        "note": note,
        "source": source,
        "toc1": toc[0],
        "toc2": toc[1],
        "toc_heading": styles["TOC Heading"],
    }
    if template == "official":
        _official(styles, roles, latin_font)
    return roles
