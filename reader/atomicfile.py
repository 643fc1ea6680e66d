"""Write user files atomically: a temporary file beside the target, fsync, then rename.

An interrupted or failed write (an exception, Ctrl-C, a full disk) removes the temporary
file and leaves whatever was under the final name untouched, so the user never finds half a
file there. Environment failures (read-only folder, a file held open by Word on Windows,
no space) become :class:`reader.errors.StorageError` with a bilingual message naming the path.

Temporary files are named ``.<target name>.<pid>.<random>.reader-tmp``: recognisably ours, so a
later write to the same folder removes those left by a killed process (its pid no longer runs, or
the file is older than a day) and never touches anyone else's ``*.tmp``.
"""

from __future__ import annotations

import errno
import os
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Iterator

from reader.errors import StorageError


def _storage_error(target: Path, exc: OSError, *, replacing: bool = False) -> StorageError:
    shown = str(target)
    if exc.errno == errno.ENOSPC:
        text = f"磁盘已满 (disk full): 无法写入 (cannot write) {shown}"
    elif exc.errno == errno.ENOENT:
        text = f"文件夹不存在，无法写入 (folder does not exist): {target.parent}"
    elif isinstance(exc, IsADirectoryError) or target.is_dir():
        text = f"目标是一个文件夹，请给出文件名 (the target is a folder; give a file name): {shown}"
    elif isinstance(exc, PermissionError) and replacing:
        text = (
            "无法替换目标文件：它可能正在 Word/WPS 等程序中打开，或为只读；请关闭后重试 "
            f"(cannot replace the file: it may be open in Word/WPS or read-only; close it and retry): {shown}"
        )
    elif isinstance(exc, PermissionError):
        text = f"没有写入权限 (permission denied, cannot write): {shown}"
    else:
        text = f"无法写入文件 (cannot write file): {shown}: {exc.strerror or exc}"
    return StorageError(text, path=shown)


def _current_umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_UMASK = _current_umask()


def _file_mode(final: Path) -> int:
    """What a plain ``open()`` would give (mkstemp makes files private): the old file's mode or 0666 & ~umask."""
    try:
        return final.stat().st_mode & 0o777
    except OSError:
        return 0o666 & ~_UMASK


def _fsync_dir(folder: Path) -> None:
    """Make the rename itself durable where the platform allows it (not on Windows)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


TEMP_SUFFIX = ".reader-tmp"
STALE_AFTER_S = 24 * 3600


def _pid_running(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists, owned by someone else
    return True


def clean_stale_temps(folder: str | os.PathLike[str]) -> list[Path]:
    """Remove our temporary files in ``folder`` whose writer is gone; returns what was removed."""
    removed = []
    try:
        candidates = list(Path(folder).glob(f".*{TEMP_SUFFIX}"))
    except OSError:
        return removed
    for temp in candidates:
        parts = temp.name[:-len(TEMP_SUFFIX)].rsplit(".", 2)  # .<target>.<pid>.<random>
        try:
            pid = int(parts[-2]) if len(parts) == 3 else -1
            stale = (pid != os.getpid() and not _pid_running(pid)) or time.time() - temp.stat().st_mtime > STALE_AFTER_S
            if stale:
                temp.unlink()
                removed.append(temp)
        except (OSError, ValueError):
            continue
    return removed


@contextmanager
def atomic_path(target: str | os.PathLike[str], file_mode: int | None = None) -> Iterator[Path]:
    """Yield a temporary path next to ``target``; on success it replaces ``target``.

    For libraries that save by file name (pymupdf, python-docx). The caller writes the whole
    file to the yielded path; anything raised inside the block discards it.
    """
    final = Path(target)
    if final.is_dir():
        raise StorageError(
            f"目标是一个文件夹，请给出文件名 (the target is a folder; give a file name): {final}", path=str(final)
        )
    clean_stale_temps(final.parent)
    try:
        fd, temp_name = tempfile.mkstemp(prefix=f".{final.name}.{os.getpid()}.", suffix=TEMP_SUFFIX,
                                         dir=final.parent or ".")
    except OSError as exc:
        raise _storage_error(final, exc) from exc
    os.close(fd)
    temp = Path(temp_name)
    try:
        os.chmod(temp, _file_mode(final) if file_mode is None else file_mode)
    except OSError:
        pass
    try:
        yield temp
        try:
            with open(temp, "rb+") as handle:
                os.fsync(handle.fileno())
        except OSError as exc:
            raise _storage_error(final, exc) from exc
        try:
            os.replace(temp, final)
        except OSError as exc:
            raise _storage_error(final, exc, replacing=True) from exc
        _fsync_dir(final.parent)
    except BaseException:
        try:
            temp.unlink()
        except OSError:
            pass
        raise


@contextmanager
def atomic_write(target: str | os.PathLike[str], mode: str = "w", encoding: str | None = "utf-8",
                 file_mode: int | None = None) -> Iterator[IO]:
    """Open a temporary file for writing; on success it replaces ``target`` (text or ``"wb"``)."""
    binary = "b" in mode
    with atomic_path(target, file_mode) as temp:
        try:
            handle = open(temp, mode, encoding=None if binary else encoding, newline=None if binary else "\n")
        except OSError as exc:
            raise _storage_error(Path(target), exc) from exc
        with handle:
            try:
                yield handle
                handle.flush()
            except OSError as exc:
                raise _storage_error(Path(target), exc) from exc


def write_text_atomic(target: str | os.PathLike[str], text: str, file_mode: int | None = None) -> None:
    """``file_mode`` None: what a plain ``open()`` would give (the user's umask), else exactly that mode."""
    with atomic_write(target, "w", file_mode=file_mode) as handle:
        handle.write(text)


def replace_cache_file(target: str | os.PathLike[str], data: bytes) -> Path:
    """Put ``data`` under ``target`` whole (temp file beside it, then one rename), without fsync.

    For caches the program can rebuild (structures, OCR pages): readers never see half a file, and a
    crash loses at most the newest entry, so the cost of syncing every write is not worth paying.
    Errors are left to the caller (a cache that cannot be written is simply not kept)."""
    final = Path(target)
    final.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=f".{final.name}.{os.getpid()}.", suffix=TEMP_SUFFIX, dir=final.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(temp, final)
    except BaseException:
        try:
            os.unlink(temp)
        except OSError:
            pass
        raise
    return final
