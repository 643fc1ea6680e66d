"""Whoosh storage whose files and folders are the user's alone (0600 / 0700), like the rest of the library.

The search index holds the text of everything the user reads; whoosh's own ``FileStorage`` creates
its segments, table of contents and lock files with the process umask (usually 0644), which would let
anyone on the machine read it. This subclass creates every file with owner-only permissions from the
start (no window in which it is readable) and tightens what an older version left behind.
"""

from __future__ import annotations

import os
from pathlib import Path

from whoosh.filedb.filestore import FileStorage
from whoosh.filedb.structfile import StructFile
from whoosh.util import random_name
from whoosh.util.filelock import FileLock

PRIVATE_FILE_MODE = 0o600
PRIVATE_DIR_MODE = 0o700


def make_private_dir(path: Path) -> None:
    """Create ``path`` (and parents) owner-only; tighten it when it exists already."""
    path.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR_MODE)
    _chmod(path, PRIVATE_DIR_MODE)


def tighten(directory: Path) -> None:
    """Make every file in ``directory`` (and the folder itself) owner-only: indexes built before this rule."""
    _chmod(directory, PRIVATE_DIR_MODE)
    try:
        entries = list(os.scandir(directory))
    except OSError:
        return
    for entry in entries:
        if entry.is_dir(follow_symlinks=False):
            _chmod(Path(entry.path), PRIVATE_DIR_MODE)
        elif entry.is_file(follow_symlinks=False):
            _chmod(Path(entry.path), PRIVATE_FILE_MODE)


def _chmod(path: Path, mode: int) -> None:
    try:
        if os.stat(path).st_mode & 0o777 != mode:
            os.chmod(path, mode)
    except OSError:
        pass  # a file system without modes (FAT, some network shares), or a read-only library


class _PrivateLock(FileLock):
    """whoosh's file lock, with its lock file created 0600 before whoosh opens it."""

    def acquire(self, blocking: bool = False) -> bool:
        try:
            os.close(os.open(self.filename, os.O_CREAT | os.O_WRONLY, PRIVATE_FILE_MODE))
        except OSError:
            pass  # whoosh's own open reports it
        return super().acquire(blocking)


class PrivateFileStorage(FileStorage):
    """A whoosh ``FileStorage`` creating owner-only files and folders."""

    def create(self) -> "PrivateFileStorage":
        make_private_dir(Path(os.path.abspath(self.folder)))
        return self

    def create_file(self, name: str, excl: bool = False, mode: str = "wb", **kwargs) -> StructFile:
        if self.readonly:
            return super().create_file(name, excl=excl, mode=mode, **kwargs)  # raises ReadOnlyError
        flags = os.O_CREAT | os.O_RDWR | (os.O_EXCL if excl else os.O_TRUNC) | getattr(os, "O_BINARY", 0)
        path = self._fpath(name)
        fd = os.open(path, flags, PRIVATE_FILE_MODE)
        _chmod(Path(path), PRIVATE_FILE_MODE)  # an existing file keeps its mode through os.open
        return StructFile(os.fdopen(fd, mode), name=name, **kwargs)

    def lock(self, name: str) -> _PrivateLock:
        return _PrivateLock(self._fpath(name))

    def temp_storage(self, name: str | None = None) -> "PrivateFileStorage":
        folder = os.path.join(self.folder, name or f"{random_name()}.tmp")
        return PrivateFileStorage(folder).create()
