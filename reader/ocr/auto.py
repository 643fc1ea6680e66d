"""OCR on demand for the commands that read text (``text``, ``outline``, ``index``, ``annotations add``).

They call :func:`ensure_ocr` before loading a file's structure: pages without usable text are
OCR'd once (then read from the cache), so a scanned file gives text, outline, search hits and
quotes like a typeset one. Which pages need OCR is decided once per file and remembered in the
OCR cache (``needs.json``), so a typeset file costs one small file read after the first time.
No engine installed: the command goes on with the text layer and says so once.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from reader.document import Document
from reader.ocr.store import OcrStore, ocr_root_for

Notify = Callable[[str], None]
# Bumped when the rule for which pages need OCR changes (2: scans stamped with a compilation's
# header and page number), so a file's remembered list is made again.
NEEDS_VERSION = 2


@dataclass
class AutoOcr:
    needed: list[int] = field(default_factory=list)
    done: list[int] = field(default_factory=list)
    missing: list[int] = field(default_factory=list)  # needed but not OCR'd (no engine, failed, cancelled)
    message: str = ""


def _needs_path(store: OcrStore, content_hash: str) -> Path:
    return store.root / content_hash / "needs.json"


def needed_pages(document: Document, store: OcrStore) -> list[int]:
    """Pages of ``document`` without usable text, remembered per content hash."""
    from reader.ocr.runner import pages_needing_ocr

    path = _needs_path(store, document.content_hash)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("page_count") == document.page_count and data.get("version", 1) == NEEDS_VERSION:
            return [int(p) for p in data["pages"]]
    except (OSError, ValueError, KeyError, TypeError):
        pass
    pages = pages_needing_ocr(document)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(prefix=".needs-", dir=path.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump({"page_count": document.page_count, "pages": pages, "version": NEEDS_VERSION}, handle)
        os.replace(temp, path)
    except OSError:  # a read-only library costs speed, not the result
        pass
    return pages


def _ink_once(document: Document, store: OcrStore, pages: list[int], structure_cache_dir: Path) -> None:
    """Pages cached before their ink colour was sampled get it once (``runner.add_ink``); a marker
    beside ``needs.json`` saves reading every cached page again on the next command."""
    from reader.ocr.runner import add_ink
    from reader.ocr.store import INK_VERSION

    if not pages:
        return
    marker = store.root / document.content_hash / f"ink-{INK_VERSION}"
    if marker.exists():
        return
    if add_ink(document, store, pages):
        from reader.structure import cache

        cache.cache_path(Path(structure_cache_dir), document.content_hash).unlink(missing_ok=True)
    try:
        marker.touch()
    except OSError:  # a read-only library: the check runs again next time
        pass


def ensure_ocr(document: Document, structure_cache_dir: Path | None, notify: Notify | None = None,
               progress=None, cancelled=None, engine_name: str | None = None) -> AutoOcr:
    """OCR the pages of ``document`` that need it and are not cached yet."""
    from reader.ocr.engines import OcrUnavailableError, make_engine
    from reader.ocr.runner import ocr_document

    out = AutoOcr()
    if structure_cache_dir is None:
        return out
    store = OcrStore(ocr_root_for(Path(structure_cache_dir)))
    out.needed = needed_pages(document, store)
    cached = store.pages(document.content_hash)
    todo = [p for p in out.needed if p not in cached]
    out.done = [p for p in out.needed if p in cached]
    _ink_once(document, store, out.done, structure_cache_dir)
    if not todo:
        return out
    try:
        engine = make_engine(engine_name)
    except OcrUnavailableError as exc:
        out.missing = todo
        out.message = f"{exc}；{len(todo)} 页没有文字 ({len(todo)} pages without text left out)"
        if notify:
            notify(out.message)
        return out
    if notify:
        notify(f"OCR: {len(todo)} 页 (pages) [{engine.key}]")
    report = ocr_document(document, store, engine, todo, progress=progress, cancelled=cancelled,
                          structure_cache_dir=Path(structure_cache_dir))
    out.done = sorted(out.done + report.done)
    out.missing = [p for p in todo if p not in set(report.done)]
    if report.failed and notify:
        for page, error in sorted(report.failed.items()):
            notify(error)
    return out
