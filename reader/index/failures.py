"""What to tell the user when one file cannot be indexed, and how to name a file whose name is
not UTF-8 — so that one bad file is reported and the batch goes on.

Failures are classified precisely: our own expected errors (``ReaderError``), MuPDF's reports of
damage (``FzErrorBase`` subclasses such as ``FzErrorFormat`` for a cycle in the page tree, which
are neither ``RuntimeError`` nor ``ValueError``), the file system, and running out of memory or
recursion depth on a hostile file. Anything else is a bug in our analysis of that one file: it is
still recorded (with its type and where it was raised, for a bug report) rather than allowed to
stop the whole library from indexing, but its message says it is an internal error.
"""

from __future__ import annotations

import traceback
from pathlib import Path

from reader.document import MUPDF_ERRORS
from reader.errors import ReaderError

FILE_ERRORS: tuple[type[BaseException], ...] = (OSError, UnicodeError, MemoryError, RecursionError, *MUPDF_ERRORS)


def describe_failure(exc: BaseException) -> tuple[str, str]:
    """(bilingual message, error type) for an exception raised while indexing one file."""
    kind = type(exc).__name__
    if isinstance(exc, ReaderError):
        return exc.message, kind
    detail = str(exc).strip() or kind
    if isinstance(exc, FILE_ERRORS):
        return f"无法读取或分析此文件 (cannot read or analyse this file): {kind}: {detail}", kind
    frames = traceback.extract_tb(exc.__traceback__)
    where = f" at {Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else ""
    return (f"分析此文件时出现程序错误，请报告 (internal error while analysing this file; please report it): "
            f"{kind}: {detail}", f"{kind}{where}")

