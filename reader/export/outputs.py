"""Where an export may write: never onto the user's data or the documents it summarises.

An export's ``-o`` is typed by hand or picked in a dialog; a slip must not cost the user their
annotation store, the library's catalogue or the source PDF. Refused outright: the annotation
store (and its journal files), any existing file inside the library folder, a source PDF of the
export and any PDF the library knows. An existing file elsewhere is replaced only when the caller
says so (``--force`` on the command line; the dialog asks first).
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Iterable

from reader.errors import UsageError
from reader.library import Library


class OutputExistsError(UsageError):
    """The output file exists and replacing it was not asked for."""


def _same(a: Path, b: Path) -> bool:
    try:
        if a.exists() and b.exists():
            return os.path.samefile(a, b)
    except OSError:
        pass
    return a.resolve() == b.resolve()


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
    except ValueError:
        return False
    return True


def check_output(library: Library, target: Path, sources: Iterable[Path | None] = (), *,
                 overwrite: bool = False) -> None:
    """Raise a :class:`UsageError` if writing ``target`` could destroy something; see the module doc."""
    target = Path(target).expanduser()
    store = library.annotations_db
    for protected in (store, store.with_name(store.name + "-wal"), store.with_name(store.name + "-shm")):
        if _same(target, protected):
            raise UsageError(f"不能导出到批注数据库上 (refusing to overwrite the annotation store): {target}")
    for source in sources:
        if source is not None and _same(target, Path(source)):
            raise UsageError(f"不能导出到原 PDF 上，请换一个文件名 (refusing to overwrite a source PDF of this "
                             f"export; choose another name): {target}")
    if target.exists() and _inside(target, library.root):
        raise UsageError(f"不能覆盖资料库文件夹中的文件 (refusing to overwrite a file in the library folder "
                         f"{library.root}): {target}")
    if target.suffix.lower() == ".pdf" and target.exists() and library.find_by_path(target) is not None:
        raise UsageError(f"不能覆盖资料库中的 PDF (refusing to overwrite a PDF of the library): {target}")
    if target.exists() and not target.is_dir() and not overwrite:
        raise OutputExistsError(f"文件已存在，未覆盖；加 --force 覆盖 (the file exists and was not replaced; "
                                f"use --force to replace it): {target}", path=str(target))


_NOT_IN_FILE_NAMES = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]+')


def file_stem(title: str, fallback: str) -> str:
    """A file name made from a summary's title: one name, never a path.

    A title such as ``氢能/储能 月报`` would otherwise put the file in a ``氢能`` subfolder; the
    characters Windows forbids in names are replaced too, so the name works on every system.
    """
    stem = _NOT_IN_FILE_NAMES.sub("-", title).strip(" .-")
    return stem[:120] or fallback
