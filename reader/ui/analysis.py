"""The background steps after opening a PDF, as plain functions for ``run_in_background``.

They use a separate Document instance, so the render path only ever waits for MUPDF_LOCK for
one short MuPDF call at a time, never for a whole analysis. Qt-free; imports of the heavy
layers happen here, in the worker thread, so the first page paints before any of them load.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from reader.document import Document
from reader.errors import ReaderError

_log = logging.getLogger(__name__)


def make_library() -> Any:
    """The user's Library, or None when it cannot be opened (the reader still works without it)."""
    try:
        from reader.library import Library
    except ImportError:  # pragma: no cover - the library module ships with the app
        return None
    try:
        return Library(root=None)
    except ReaderError as exc:
        _log.warning("library unavailable: %s", exc)
        return None


def record_in_library(library: Any, path: Path, password: str | None) -> tuple[str, Document]:
    """Open a background copy of the PDF and record it; returns its content hash and the copy."""
    document = Document.open(path, password=password)
    if library is not None:
        entry = library.add(path, document=document)
        return entry.content_hash, document
    return document.content_hash, document


def analyse(document: Document, cache_dir: Path | None) -> Any:
    """The Compilation for ``document`` (closed afterwards); None when the structure layer is absent."""
    try:
        try:
            from reader.structure import load_structure
        except ImportError:
            return None
        return load_structure(document, cache_dir=cache_dir)
    finally:
        document.close()
