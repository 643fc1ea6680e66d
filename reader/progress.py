"""Progress as JSON lines on stderr: how a worker process (or ``index --progress``) reports its steps."""

from __future__ import annotations

import json

PROGRESS_KEY = "progress"


def progress_line(done: int, total: int, what: str) -> str:
    """One progress record as a line of JSON: ``{"progress": [done, total, what]}``."""
    return json.dumps({PROGRESS_KEY: [done, total, what]}, ensure_ascii=False)


def parse_progress_line(line: str) -> tuple[int, int, str] | None:
    """The (done, total, what) of a progress line, or None for any other line."""
    if not line.startswith("{"):
        return None
    try:
        record = json.loads(line)
    except ValueError:
        return None
    value = record.get(PROGRESS_KEY) if isinstance(record, dict) else None
    if isinstance(value, list) and len(value) == 3:
        return int(value[0]), int(value[1]), str(value[2])
    return None


OCR_PREFIX = "OCR "


def ocr_what(page: int, name: str) -> str:
    """The ``what`` of a progress record of the OCR step of indexing: ``"OCR p12 · file.pdf"`` (page 1-based)."""
    return f"{OCR_PREFIX}p{page + 1} · {name}"


def is_ocr_progress(what: str) -> bool:
    """True for a progress record of the OCR step (see :func:`ocr_what`), so a caller can say "OCR"."""
    return what.startswith(OCR_PREFIX)
