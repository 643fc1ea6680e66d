"""The background steps after opening a PDF, as plain functions for ``run_in_background``.

They use a separate Document instance, so the render path only ever waits for MUPDF_LOCK for
one short MuPDF call at a time, never for a whole analysis. Qt-free; imports of the heavy
layers happen here, in the worker thread, so the first page paints before any of them load.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from reader.document import Document
from reader.errors import ReaderError
from reader.library import Library
from reader.workspace import Workspace

if TYPE_CHECKING:
    from reader.structure import Compilation

_log = logging.getLogger(__name__)


def make_workspace() -> Workspace | None:
    """The user's library as a Workspace, or None when it cannot be opened (the reader still works without it)."""
    try:
        return Workspace(Library(root=None))
    except ReaderError as exc:
        _log.warning("library unavailable: %s", exc)
        return None


def record_in_library(workspace: Workspace | None, path: Path, password: str | None) -> tuple[str, Document]:
    """Open a background copy of the PDF and record it; returns its content hash and the copy."""
    document = Document.open(path, password=password)
    if workspace is not None:
        entry = workspace.library.add(path, document=document)
        return entry.content_hash, document
    return document.content_hash, document


def analyse(workspace: Workspace | None, document: Document) -> "Compilation":
    """The Compilation for ``document`` (closed afterwards), through the Workspace's one cache."""
    try:
        if workspace is not None:
            return workspace.compilation(document)
        from reader.structure import load_structure

        return load_structure(document)
    finally:
        document.close()
