"""The structure layer: furniture, clean text with positions, documents and clauses.

``load_structure(doc, cache_dir)`` is the entry point everyone uses; it analyses a PDF once
and caches the result by the file's content hash (a changed file is re-analysed, a moved
one is not).
"""

from __future__ import annotations

import logging
from pathlib import Path

from reader.structure.analyze import analyze
from reader.structure.model import Clause, DocumentInfo
from reader.structure.textmap import Compilation

__all__ = ["load_structure", "analyze", "Compilation", "DocumentInfo", "Clause"]

_log = logging.getLogger(__name__)


def load_structure(doc, cache_dir: Path | None = None) -> Compilation:
    """The structure of ``doc`` (a :class:`reader.document.Document`), from the cache when it has it."""
    from reader.structure import cache

    if cache_dir is not None:
        cached = cache.load(Path(cache_dir), doc.content_hash)
        if cached is not None:
            return cached
    from reader.ocr.store import ocr_root_for

    # OCR results of scanned pages live beside the structure cache; the OCR runner drops the
    # cached analysis of a file whenever it adds pages, so the next load sees them.
    comp = analyze(doc, ocr_root_for(Path(cache_dir)) if cache_dir is not None else None)
    if cache_dir is not None:
        try:
            cache.save(comp, Path(cache_dir))
        except OSError as exc:  # a read-only or full disk costs speed, not the result
            _log.warning("structure cache not written: %s", exc)
    return comp
