"""The analysis cache: one file per content hash, versioned, written atomically.

The search layer loads compilations to place hits, so loading must be fast: the text and
the flat position arrays are stored as raw bytes inside one pickle of plain values.
A format version mismatch or an unreadable file simply means "analyse again".
"""

from __future__ import annotations

import os
import pickle
import tempfile
from array import array
from pathlib import Path

from reader.structure.model import DocumentInfo
from reader.structure.textmap import Compilation, RectArray

FORMAT_VERSION = 14  # bump whenever the analysis changes what it finds: old caches are re-analysed


def cache_path(cache_dir: Path, content_hash: str) -> Path:
    return Path(cache_dir) / f"{content_hash}.structure"


def save(comp: Compilation, cache_dir: Path) -> Path:
    """Write ``comp`` to the cache (temp file + ``os.replace``, so readers never see half a file)."""
    directory = Path(cache_dir)
    directory.mkdir(parents=True, exist_ok=True)
    payload = {
        "version": FORMAT_VERSION,
        "content_hash": comp.content_hash,
        "page_count": comp.page_count,
        "page_labels": comp.page_labels,
        "has_text_layer": comp.has_text_layer,
        "text": comp.text,
        "char_pages": comp.char_pages.tobytes(),
        "char_rects": comp.char_rects.flat.tobytes(),
        "page_starts": comp.page_starts,
        "documents": [d.to_dict() for d in comp.documents],
        "furniture_lines": comp.furniture_lines,
        "page_sizes": comp.page_sizes,
    }
    target = cache_path(directory, comp.content_hash)
    fd, temp = tempfile.mkstemp(prefix=".structure-", dir=directory)
    try:
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(payload, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temp, target)
    except BaseException:
        try:
            os.unlink(temp)
        except OSError:
            pass
        raise
    return target


def load(cache_dir: Path, content_hash: str) -> Compilation | None:
    """The cached analysis of ``content_hash``, or None when absent, stale or unreadable."""
    path = cache_path(cache_dir, content_hash)
    try:
        with open(path, "rb") as handle:
            payload = pickle.load(handle)
    except FileNotFoundError:
        return None
    except Exception:  # truncated, foreign or older file: re-analyse
        return None
    if not isinstance(payload, dict) or payload.get("version") != FORMAT_VERSION:
        return None
    if payload.get("content_hash") != content_hash:
        return None
    pages = array("I")
    pages.frombytes(payload["char_pages"])
    rects = array("f")
    rects.frombytes(payload["char_rects"])
    return Compilation(
        content_hash=content_hash,
        page_count=payload["page_count"],
        page_labels=payload["page_labels"],
        has_text_layer=payload["has_text_layer"],
        text=payload["text"],
        char_pages=pages,
        char_rects=RectArray(rects),
        page_starts=payload["page_starts"],
        documents=[DocumentInfo.from_dict(d) for d in payload["documents"]],
        furniture_lines=payload.get("furniture_lines", 0),
        page_sizes=[tuple(s) for s in payload.get("page_sizes", [])],
    )
