"""Glue between the library, the structure layer and the store, shared by the CLI and the GUI."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from reader.annotations.anchoring import migrate
from reader.annotations.backup import BACKUP_EVERY_CHANGES, rolling_backup
from reader.annotations.model import Annotation
from reader.annotations.repository import SQLiteAnnotationRepository
from reader.annotations.store import AnnotationStore
from reader.errors import StorageError

if TYPE_CHECKING:
    from reader.library import Library
    from reader.structure import Compilation
    from reader.workspace import Workspace


def open_store(library: "Library", backup: bool = True) -> SQLiteAnnotationRepository:
    """The library's annotation store, taking the day's rolling backup on first use.

    The only way the program opens the store (the Workspace's "sqlite" backend calls it).
    A damaged store raises :class:`reader.errors.DamagedStoreError` (naming the newest good backup)
    and is left untouched. Opened this way the store also keeps a recent backup every
    ``BACKUP_EVERY_CHANGES`` changes and when closed after changes. A read-only library
    (``library.read_only``) gets a read-only store: listing and export work, changes are refused.
    """
    read_only = bool(getattr(library, "read_only", False))
    store = SQLiteAnnotationRepository(library.annotations_db,
                                       backup_every=None if read_only else BACKUP_EVERY_CHANGES,
                                       read_only=read_only)
    if backup and not read_only:
        try:
            rolling_backup(store)
        except StorageError:
            pass  # a failed backup must not stop the user from working; the store itself is intact
    return store


def validate_store_file(path: str | os.PathLike[str]) -> None:
    """Raise a StorageError unless ``path`` opens as an annotation store this version can read."""
    AnnotationStore(path, seed_defaults=False, read_only=True).close()


def unavailable_store(problem: StorageError) -> AnnotationStore:
    """An empty in-memory stand-in that refuses every change with ``problem`` (a damaged store is never touched)."""
    return AnnotationStore.unavailable(problem)


def open_repository(workspace: "Workspace") -> SQLiteAnnotationRepository:
    """The registered factory of the "sqlite" AnnotationRepository (see reader.workspace.registry)."""
    return open_store(workspace.library, backup=workspace.backup)


def predecessors(library: "Library", content_hash: str) -> list[str]:
    """Hashes of earlier versions of the file now at ``content_hash`` (changed in place), oldest last."""
    by_successor: dict[str, list[str]] = {}
    for entry in library.files():
        if entry.replaced_by:
            by_successor.setdefault(entry.replaced_by, []).append(entry.content_hash)
    found, todo = [], [content_hash]
    while todo:
        for old in by_successor.get(todo.pop(), []):
            if old not in found and old != content_hash:
                found.append(old)
                todo.append(old)
    return found


def migrate_predecessors(library: "Library", store: AnnotationStore, comp: "Compilation", pdf: str) -> list[dict]:
    """Carry annotations of earlier versions of this file onto it (what opening a changed file does)."""
    reports = []
    with_annotations = set(store.content_hashes())
    for old in predecessors(library, comp.content_hash):
        if old in with_annotations:
            report = migrate(store, old, comp, pdf)
            report["from"] = old
            reports.append(report)
    return reports


def current_pdf_path(library: "Library", ann: Annotation, cache: dict[str, str] | None = None) -> str:
    """Where the annotated compilation is now according to the library (falls back to the stored path)."""
    cache = {} if cache is None else cache
    if ann.content_hash not in cache:
        entry = library.get(ann.content_hash)
        cache[ann.content_hash] = entry.path if entry else ann.pdf
    return cache[ann.content_hash] or ann.pdf


def with_current_path(library: "Library", annotations: list[Annotation]) -> list[Annotation]:
    cache: dict[str, str] = {}
    return [a.copy(pdf=current_pdf_path(library, a, cache)) for a in annotations]
