"""Hostile and odd PDFs, made on the spot, for the reliability probe and its fast test subset.

Each maker writes one file and returns its path. They are written as raw PDF objects where MuPDF
would refuse to produce them itself (a page tree with a cycle, text mapped to lone surrogates,
nested form XObjects that multiply the work). Nothing here is specific to one real file: each is a
class of input a reader meets in the wild (Word equations mapped to surrogates, broken producers,
decompression and recursion bombs, truncated downloads, names from Windows zip files).
"""

from __future__ import annotations

import os
import random
import zlib
from pathlib import Path
from typing import Callable

import pymupdf

Maker = Callable[[Path], Path]


def raw_pdf(objects: list[bytes | str], trailer_extra: str = "") -> bytes:
    """A PDF whose object ``n`` (1-based) is ``objects[n-1]``; object 1 is the catalog."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        data = body if isinstance(body, bytes) else body.encode("latin-1")
        out += f"{number} 0 obj\n".encode() + data + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += (f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R {trailer_extra}>>\n"
            f"startxref\n{xref}\n%%EOF\n").encode()
    return bytes(out)


def stream(data: bytes, extra: str = "") -> bytes:
    return f"<< /Length {len(data)} {extra} >>\nstream\n".encode() + data + b"\nendstream"


def _one_page(content: bytes, resources: str, more: list[bytes | str] = ()) -> bytes:
    """Catalog, pages, one A4 page with ``content`` (object 4) and ``resources``, then ``more`` (5, 6 …)."""
    return raw_pdf([
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources {resources} >>",
        stream(content),
        *more,
    ])


_SURROGATE_CMAP = b"""/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Odd def
1 begincodespacerange <00> <FF> endcodespacerange
3 beginbfchar <41> <D800> <42> <DFFF> <43> <E000> endbfchar
endcmap CMapName currentdict /CMap defineresource pop end end"""


def surrogate_text(path: Path) -> Path:
    """Text whose font maps glyphs to lone UTF-16 surrogates and private use (as Word equations do)."""
    content = b"BT /F1 14 Tf 72 760 Td (AB Policy text ABC) Tj 0 -20 Td (More words AB here) Tj ET"
    path.write_bytes(_one_page(content, "<< /Font << /F1 5 0 R >> >>", [
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>",
        stream(_SURROGATE_CMAP)]))
    return path


def page_tree_cycle(path: Path) -> Path:
    """A page tree whose intermediate node lists its own parent as a kid."""
    path.write_bytes(raw_pdf([
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R 5 0 R] /Count 3 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        stream(b"BT /Helvetica 12 Tf 72 700 Td (page) Tj ET"),
        "<< /Type /Pages /Parent 2 0 R /Kids [2 0 R 3 0 R] /Count 2 >>",
    ]))
    return path


def form_bomb(path: Path, depth: int = 9, fan: int = 10) -> Path:
    """Nested form XObjects: each draws the one below ``fan`` times (``fan ** depth`` glyph runs)."""
    objects: list[bytes | str] = []
    first = 5
    for level in range(depth + 1):
        if level == 0:
            body = b"BT /F1 6 Tf 10 10 Td (bomb text) Tj ET"
            resources = f"<< /Font << /F1 {first + depth + 1} 0 R >> >>"
        else:
            body = b" ".join(b"q 1 0 0 1 0.1 0.1 cm /X Do Q" for _ in range(fan))
            resources = f"<< /XObject << /X {first + level - 1} 0 R >> >>"
        objects.append(stream(body, f"/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources {resources}"))
    objects.append("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    content = b"q /X Do Q"
    path.write_bytes(_one_page(content, f"<< /XObject << /X {first + depth} 0 R >> >>", objects))
    return path


def image_bomb(path: Path, side: int = 40000) -> Path:
    """A one-bit image of ``side`` × ``side`` pixels that deflates from a few hundred KB."""
    row = bytes((side + 7) // 8)
    data = zlib.compress(row * side, 9)
    content = b"q 595 0 0 842 0 0 cm /Im Do Q"
    path.write_bytes(_one_page(content, "<< /XObject << /Im 5 0 R >> >>", [
        stream(data, f"/Type /XObject /Subtype /Image /Width {side} /Height {side} /BitsPerComponent 1 "
                     "/ColorSpace /DeviceGray /Filter /FlateDecode")]))
    return path


def many_pages(path: Path, pages: int = 20000) -> Path:
    """A very long PDF: ``pages`` pages that share one small content stream."""
    kids = " ".join(f"{4 + n} 0 R" for n in range(pages))
    objects: list[bytes | str] = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>",
        stream(b"BT /F1 12 Tf 72 700 Td (A long file) Tj ET"),
    ]
    font = 4 + pages
    objects += [f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R "
                f"/Resources << /Font << /F1 {font} 0 R >> >> >>" for _ in range(pages)]
    objects.append("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    path.write_bytes(raw_pdf(objects))
    return path


def text_pdf(path: Path, pages: int = 3) -> Path:
    """An ordinary small Chinese text PDF (the base for fuzzing and odd metadata)."""
    doc = pymupdf.open()
    for number in range(pages):
        page = doc.new_page(width=595, height=842)
        page.insert_text((72, 100), f"关于推进数据产业发展的通知 第{number + 1}页", fontname="china-s", fontsize=14)
        page.insert_text((72, 140), "一、总体要求。坚持创新驱动，推动高质量发展。", fontname="china-s", fontsize=11)
    doc.save(path)
    doc.close()
    return path


def odd_metadata(path: Path) -> Path:
    """NUL, vertical tab and a newline in the title; markup in the text."""
    text_pdf(path)
    doc = pymupdf.open(path)
    doc.set_metadata({"title": "标题\x00带\x0b控制\n# 字符 <img src=\"/dev/zero\">", "author": "\x07作者"})
    doc.saveIncr()
    doc.close()
    return path


def truncated(path: Path) -> Path:
    data = text_pdf(path).read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def empty_file(path: Path) -> Path:
    path.write_bytes(b"")
    return path


def not_a_pdf(path: Path) -> Path:
    path.write_bytes(b"PK\x03\x04 this is a zip, not a PDF" * 10)
    return path


def encrypted(path: Path) -> Path:
    doc = pymupdf.open(text_pdf(path.with_suffix(".plain.pdf")))
    doc.save(path, encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="secret", owner_pw="owner")
    doc.close()
    path.with_suffix(".plain.pdf").unlink()
    return path


def zero_pages(path: Path) -> Path:
    path.write_bytes(raw_pdf(["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [] /Count 0 >>"]))
    return path


def non_utf8_name(folder: Path) -> Path:
    """A PDF whose file name is GBK bytes (as Windows zip files deliver them)."""
    raw = os.path.join(os.fsencode(folder), b"\xd5\xfe\xb2\xdf\xbb\xe3\xb1\xe0.pdf")  # 政策汇编 in GBK
    os.replace(text_pdf(folder / "gbk-name.tmp.pdf"), raw)  # MuPDF cannot save to such a name itself
    return Path(os.fsdecode(raw))


def fuzzed(path: Path, seed: int, base: bytes) -> Path:
    """``base`` with a few random bytes changed, cut or repeated (deterministic per seed)."""
    rng = random.Random(seed)
    data = bytearray(base)
    for _ in range(rng.randint(1, 12)):
        roll, at = rng.random(), rng.randrange(len(data))
        if roll < 0.6:
            data[at] = rng.randrange(256)
        elif roll < 0.8:
            del data[at: at + rng.randint(1, 64)]
        else:
            data[at:at] = data[at: at + rng.randint(1, 64)]
    path.write_bytes(bytes(data))
    return path


#: category → makers (each writes one file into the folder it is given)
FILE_CATEGORIES: dict[str, list[Callable[[Path], Path]]] = {
    "odd-text": [lambda d: surrogate_text(d / "surrogates.pdf"), lambda d: odd_metadata(d / "metadata.pdf")],
    "broken-structure": [lambda d: page_tree_cycle(d / "cycle.pdf"), lambda d: truncated(d / "truncated.pdf"),
                         lambda d: zero_pages(d / "zero-pages.pdf")],
    "not-a-pdf": [lambda d: empty_file(d / "empty.pdf"), lambda d: not_a_pdf(d / "zip.pdf"),
                  lambda d: encrypted(d / "encrypted.pdf")],
    "bombs": [lambda d: form_bomb(d / "form-bomb.pdf"), lambda d: image_bomb(d / "image-bomb.pdf")],
    "huge": [lambda d: many_pages(d / "20000-pages.pdf")],
    "names": [non_utf8_name],
}
