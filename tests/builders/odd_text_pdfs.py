"""PDFs whose text layer really makes MuPDF hand back odd characters (built with pymupdf).

A base-14 font gets a ToUnicode map of our own, so each byte of a content stream maps to the code
point we choose — a lone surrogate as Word's Cambria Math equations give, control characters, NUL,
private-use symbols, U+FFFD and ligatures — exactly the way real files produce them.
"""

from __future__ import annotations

from pathlib import Path

import pymupdf

# byte shown in the content stream → UTF-16BE hex the ToUnicode map gives for it
ODD_MAP = {
    "41": "D835",   # A: lone high surrogate (Cambria Math letter)
    "42": "000B",   # B: vertical tab (C0 control)
    "43": "E001",   # C: private use (symbol font)
    "44": "FB01",   # D: ﬁ ligature
    "45": "FFFD",   # E: replacement character
    "46": "0000",   # F: NUL
    "47": "0085",   # G: C1 control
    "61": "0061", "62": "0062", "63": "0063", "6C": "006C", "65": "0065",  # a b c l e
}


def _cmap(mapping: dict[str, str]) -> bytes:
    entries = "\n".join(f"<{byte}> <{code}>" for byte, code in mapping.items())
    return (
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
        "1 begincodespacerange\n<00> <FF>\nendcodespacerange\n"
        f"{len(mapping)} beginbfchar\n{entries}\nendbfchar\n"
        "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"
    ).encode("ascii")


def odd_text_pdf(path: Path, lines: list[str], pages: int = 1) -> Path:
    """``pages`` pages, each showing ``lines`` (strings of the bytes in ODD_MAP, e.g. "abAAc") in a
    Helvetica whose ToUnicode map is ODD_MAP, plus one ordinary Chinese line per page."""
    doc = pymupdf.open()
    for _ in range(pages):
        doc.new_page(width=595, height=842)
    font = doc.get_new_xref()
    doc.update_object(font, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    cmap = doc.get_new_xref()
    doc.update_object(cmap, "<< >>")
    doc.update_stream(cmap, _cmap(ODD_MAP))
    doc.xref_set_key(font, "ToUnicode", f"{cmap} 0 R")
    for page in doc:
        ops = ["BT /FOdd 12 Tf"]
        for row, line in enumerate(lines):
            ops.append(f"1 0 0 1 72 {700 - row * 20} Tm ({line}) Tj")
        ops.append("ET")
        stream = doc.get_new_xref()
        doc.update_object(stream, "<< >>")
        doc.update_stream(stream, "\n".join(ops).encode("latin-1"))
        doc.xref_set_key(page.xref, "Contents", f"{stream} 0 R")
        doc.xref_set_key(page.xref, "Resources", f"<< /Font << /FOdd {font} 0 R >> >>")
        page.insert_text((72, 80), "关于公式符号的说明", fontname="china-s", fontsize=14)
    doc.save(path)
    return path


def page_tree_cycle_pdf(path: Path, readable_pages: bool = True) -> Path:
    """A page tree that lists itself as a kid (MuPDF raises FzErrorFormat: "cycle in page tree").
    With ``readable_pages`` three good pages come first; without, no page can be loaded at all."""
    from tests.builders.pdfs import text_pdf

    doc = pymupdf.open(text_pdf(path.with_suffix(".good.pdf"), pages=3))
    pages = int(doc.xref_get_key(doc.pdf_catalog(), "Pages")[1].split()[0])
    kids = doc.xref_get_key(pages, "Kids")[1]
    doc.xref_set_key(pages, "Kids", kids[:-1] + f" {pages} 0 R]" if readable_pages else f"[{pages} 0 R]")
    doc.xref_set_key(pages, "Count", "4" if readable_pages else "2")
    doc.save(path)
    return path
