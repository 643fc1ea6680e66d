"""The analysis cache: one file per content hash, versioned, written atomically, data only.

The search layer loads compilations to place hits, so loading must be fast, and a cache file is
just a file in the user's folder that anything could have written: it is read as data, never as
code (no pickle). Layout of a ``.structure`` file::

    MAGIC (8 bytes) | header length (uint32 LE) | header: UTF-8 JSON | text: UTF-8 |
    char_pages: uint32 LE × n | char_rects: float32 LE × 4n

The JSON header holds the plain values (labels, documents, …) and the byte lengths of the three
raw sections; the big arrays are raw little-endian bytes (``array.frombytes``, no parsing). A file
with another magic, another version, a wrong length or anything that does not parse simply means
"analyse again".
"""

from __future__ import annotations

import json
import struct
import sys
from array import array
from pathlib import Path

from reader.atomicfile import replace_cache_file
from reader.structure.model import DocumentInfo
from reader.structure.textmap import Compilation, RectArray

FORMAT_VERSION = 24  # bump whenever the analysis changes what it finds: old caches are re-analysed
MAGIC = b"PCRSTRC\x00"
_LENGTH = struct.Struct("<I")


def cache_path(cache_dir: Path, content_hash: str) -> Path:
    return Path(cache_dir) / f"{content_hash}.structure"


def _typed(typecode: str, values) -> array:
    return values if isinstance(values, array) and values.typecode == typecode else array(typecode, values)


def _little_endian(values: array) -> bytes:
    if sys.byteorder == "little":
        return values.tobytes()
    swapped = array(values.typecode, values)
    swapped.byteswap()
    return swapped.tobytes()


def _from_little_endian(typecode: str, data: bytes) -> array:
    values = array(typecode)
    values.frombytes(data)
    if sys.byteorder != "little":
        values.byteswap()
    return values


def encode(comp: Compilation) -> bytes:
    """The cache file's bytes for ``comp``."""
    text = comp.text.encode("utf-8")
    pages = _little_endian(_typed("I", comp.char_pages))
    rects = _little_endian(_typed("f", comp.char_rects.flat))
    header = json.dumps({
        "version": FORMAT_VERSION,
        "content_hash": comp.content_hash,
        "page_count": comp.page_count,
        "page_labels": comp.page_labels,
        "has_text_layer": comp.has_text_layer,
        "page_starts": comp.page_starts,
        "documents": [d.to_dict() for d in comp.documents],
        "furniture_lines": comp.furniture_lines,
        "page_sizes": [list(s) for s in comp.page_sizes],
        "sections": [len(text), len(pages), len(rects)],
    }, ensure_ascii=False).encode("utf-8")
    return b"".join((MAGIC, _LENGTH.pack(len(header)), header, text, pages, rects))


def decode(data: bytes, content_hash: str) -> Compilation | None:
    """The compilation in ``data``, or None when it is not a current cache file of ``content_hash``."""
    if not data.startswith(MAGIC) or len(data) < len(MAGIC) + _LENGTH.size:
        return None
    (size,) = _LENGTH.unpack_from(data, len(MAGIC))
    start = len(MAGIC) + _LENGTH.size
    try:
        header = json.loads(data[start:start + size].decode("utf-8"))
        if not isinstance(header, dict) or header.get("version") != FORMAT_VERSION:
            return None
        if header.get("content_hash") != content_hash:
            return None
        text_len, pages_len, rects_len = (int(n) for n in header["sections"])
        body = start + size
        if body + text_len + pages_len + rects_len != len(data) or pages_len % 4 or rects_len % 16:
            return None
        text = data[body:body + text_len].decode("utf-8")
        pages = _from_little_endian("I", data[body + text_len:body + text_len + pages_len])
        rects = _from_little_endian("f", data[body + text_len + pages_len:])
        if not len(pages) == len(text) == len(rects) // 4:
            return None
        return Compilation(
            content_hash=content_hash,
            page_count=int(header["page_count"]),
            page_labels=[str(label) for label in header["page_labels"]],
            has_text_layer=bool(header["has_text_layer"]),
            text=text,
            char_pages=pages,
            char_rects=RectArray(rects),
            page_starts=[int(n) for n in header["page_starts"]],
            documents=[DocumentInfo.from_dict(d) for d in header["documents"]],
            furniture_lines=int(header.get("furniture_lines", 0)),
            page_sizes=[(float(w), float(h)) for w, h in header.get("page_sizes", [])],
        )
    except (ValueError, KeyError, TypeError, AttributeError, struct.error):  # damaged or foreign: re-analyse
        return None


def save(comp: Compilation, cache_dir: Path) -> Path:
    """Write ``comp`` to the cache (temp file + ``os.replace``, so readers never see half a file)."""
    directory = Path(cache_dir)
    directory.mkdir(parents=True, exist_ok=True)
    target = cache_path(directory, comp.content_hash)
    replace_cache_file(target, encode(comp))
    return target


def load(cache_dir: Path, content_hash: str) -> Compilation | None:
    """The cached analysis of ``content_hash``, or None when absent, stale or unreadable."""
    path = cache_path(cache_dir, content_hash)
    try:
        data = path.read_bytes()
    except OSError:  # absent or unreadable: re-analyse
        return None
    return decode(data, content_hash)
