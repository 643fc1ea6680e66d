"""Finding a damaged search index and rebuilding it from what the library holds.

The index is two files that must agree: ``pages.sqlite3`` (page texts, the queue, what is indexed)
and the whoosh folder (one record per page of every indexed compilation). Either may be damaged
by a full disk, a crash of the machine or a user's clean-up: a truncated or missing whoosh segment
or table of contents, or a ``pages.sqlite3`` that is not a database any more. Left alone, search
raises and ``index`` keeps saying "unchanged" because SQLite still lists every file as indexed.

:func:`index_damage` says what is wrong (cheap enough to run before every ``index`` and ``search``
command); :func:`rebuild` rebuilds: from the page texts in SQLite when that file is intact (no
PDF is read again), otherwise the damaged file is set aside and every library file is queued
again, to be re-extracted (the structure cache makes that quick).
"""

from __future__ import annotations

import pickle
import shutil
import struct
import time
import zlib
from pathlib import Path

from whoosh import index as whoosh_index

from reader.errors import StorageError
from reader.index.schema import PAGES_DB, WHOOSH_DIR, PageStore, create_whoosh, open_writer, page_record
from reader.library import Library

DAMAGED = "搜索索引已损坏，正在重建 (search index damaged, rebuilding)"

# What whoosh raises when its files are truncated, missing or not its own (its table of contents is a pickle).
WHOOSH_DAMAGE: tuple[type[BaseException], ...] = (
    OSError, EOFError, ValueError, KeyError, struct.error, zlib.error, pickle.UnpicklingError,
    whoosh_index.IndexError,
)


def _store_is_damaged(exc: StorageError) -> bool:
    return "damaged" in exc.message or "malformed" in exc.message


def index_damage(index_dir: Path, thorough: bool = False) -> str | None:
    """What is wrong with the index under ``index_dir`` (None when it is usable or not built yet).

    ``thorough`` adds SQLite's ``quick_check`` (reads the whole page store: before indexing, not
    before every search). Storage trouble that is not damage (read-only disk) is raised as is.
    """
    index_dir = Path(index_dir)
    directory = index_dir / WHOOSH_DIR
    if not (index_dir / PAGES_DB).exists():
        return f"{PAGES_DB}: 文件缺失 (file missing)" if any(directory.glob("*.seg")) else None
    try:
        store = PageStore(index_dir)
        with store.connect() as db:
            if thorough:
                verdict = db.execute("PRAGMA quick_check").fetchone()[0]
                if verdict != "ok":
                    return f"{PAGES_DB}: {verdict}"
            expected = db.execute("SELECT COUNT(*) FROM pages JOIN compilations USING (content_hash)").fetchone()[0]
    except StorageError as exc:
        if _store_is_damaged(exc):
            return exc.message
        raise
    try:
        if not whoosh_index.exists_in(str(directory)):
            return f"{WHOOSH_DIR}: 目录缺失 (table of contents missing)" if expected else None
        ix = whoosh_index.open_dir(str(directory))
        with ix.reader() as reader:
            held = reader.doc_count()
    except WHOOSH_DAMAGE as exc:
        return f"{WHOOSH_DIR}: {type(exc).__name__}: {exc}"
    if held != expected:
        return f"{WHOOSH_DIR}: 有 {held} 页，应有 {expected} 页 (holds {held} of {expected} pages)"
    return None


def rebuild(library: Library, detail: str) -> str:
    """Rebuild the index of ``library``; returns the message to show (``DAMAGED: detail``).

    A caller that indexes afterwards (``LibraryIndexer.run_queue``) picks up what was re-queued.
    """
    index_dir = library.index_dir
    stamp = time.strftime("%Y%m%d-%H%M%S")
    if not (index_dir / PAGES_DB).exists():  # the page texts are gone: re-extract every file
        store = _fresh_store(library, index_dir, stamp)
    else:
        try:
            store = PageStore(index_dir)
            with store.connect() as db:
                db.execute("SELECT COUNT(*) FROM pages").fetchone()
        except StorageError as exc:
            if not _store_is_damaged(exc):
                raise
            store = _fresh_store(library, index_dir, stamp)
    _set_aside(index_dir / WHOOSH_DIR, stamp, keep=False)
    try:
        _whoosh_from_store(store, index_dir)
    except StorageError as exc:  # the page texts themselves are unreadable: re-extract from the PDFs
        if not _store_is_damaged(exc):
            raise
        _set_aside(index_dir / WHOOSH_DIR, stamp, keep=False)
        _fresh_store(library, index_dir, stamp)
    return f"{DAMAGED}: {detail}"


def _set_aside(path: Path, stamp: str, keep: bool) -> None:
    """Move a damaged file out of the way (kept beside it for inspection) or delete a whoosh folder."""
    if not path.exists():
        return
    try:
        if keep:
            path.rename(path.with_name(f"{path.name}.damaged-{stamp}"))
        else:
            shutil.rmtree(path)
    except OSError as exc:
        raise StorageError(f"无法移走损坏的搜索索引 (cannot move the damaged search index aside): {path}: "
                           f"{exc.strerror}", path=str(path)) from exc


def _fresh_store(library: Library, index_dir: Path, stamp: str) -> PageStore:
    """Set the damaged page store aside, start an empty one and queue every library file again."""
    for suffix in ("", "-wal", "-shm"):
        _set_aside(index_dir / f"{PAGES_DB}{suffix}", stamp, keep=True)
    store = PageStore(index_dir)
    now = time.time()
    for number, entry in enumerate(library.files(include_changed=False)):
        store.enqueue(entry.content_hash, entry.path, now + number * 1e-6)
    return store


def _whoosh_from_store(store: PageStore, index_dir: Path) -> None:
    """A new whoosh index holding every page of every indexed compilation, read from SQLite."""
    with store.connect() as db:
        if not db.execute("SELECT 1 FROM pages JOIN compilations USING (content_hash) LIMIT 1").fetchone():
            return  # nothing indexed: no whoosh index at all, which search reports as "not indexed yet"
    directory = index_dir / WHOOSH_DIR
    ix = create_whoosh(directory)
    writer = open_writer(ix)
    try:
        with store.connect() as db:
            rows = db.execute("SELECT id, content_hash, page_index, folded, own_len FROM pages"
                              " JOIN compilations USING (content_hash) ORDER BY id")
            for pid, content_hash, page, folded, own in rows:
                writer.add_document(**page_record(content_hash, page, pid, folded, own))
    except BaseException:
        writer.cancel()
        raise
    writer.commit()
