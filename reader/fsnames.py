"""File names that are not valid UTF-8 (GBK names from a zip made on Windows): stored losslessly, shown readably.

On POSIX a file name is bytes; Python gives a name that is not UTF-8 as text with "surrogate escapes"
(``os.fsdecode``), which opens the file fine but cannot be written to SQLite or JSON. So:

- :func:`stored_path` is the text written to a database: the path itself when it is valid UTF-8,
  else ``fsbytes:`` and the raw bytes percent-encoded (an absolute path never starts so);
- :func:`real_path` turns stored text back into the exact name (``open()`` works with it);
- :func:`shown_path` is what a person reads: the bytes decoded as GB 18030 (Windows' Chinese
  encoding), else Big5, else ``\\xNN`` escapes — for messages, JSON and the window.
"""

from __future__ import annotations

import os
import re
from typing import Any
from urllib.parse import quote_from_bytes, unquote_to_bytes

STORED_PREFIX = "fsbytes:"


def is_utf8(path: str | os.PathLike[str]) -> bool:
    try:
        os.fspath(path).encode("utf-8")
        return True
    except UnicodeEncodeError:
        return False


def stored_path(path: str | os.PathLike[str]) -> str:
    """Text for a database: the path, or ``fsbytes:`` + its percent-encoded bytes when it is not UTF-8."""
    text = os.fspath(path)
    if is_utf8(text):
        return text
    return STORED_PREFIX + quote_from_bytes(os.fsencode(text), safe="/")


def real_path(stored: str) -> str:
    """The exact file name :func:`stored_path` was given."""
    if stored.startswith(STORED_PREFIX):
        return os.fsdecode(unquote_to_bytes(stored[len(STORED_PREFIX):]))
    return stored


def escaped_path(path: str | os.PathLike[str]) -> str:
    """The exact bytes of a non-UTF-8 name as ``\\xNN`` escapes in UTF-8 text (unambiguous, for a bug report)."""
    return os.fsencode(os.fspath(path)).decode("utf-8", "backslashreplace")


def shown_path(path: str | os.PathLike[str]) -> str:
    """How a person reads the name (or any text holding such names): each part between slashes and
    spaces that is not UTF-8 decoded as GB 18030, else Big5, else ``\\xNN`` escapes; the rest unchanged."""
    text = os.fspath(path)
    if is_utf8(text):
        return text
    return _PART.sub(lambda m: _decoded(m.group(0)) if not is_utf8(m.group(0)) else m.group(0), text)


_PART = re.compile(r"[^/\\\s]+")


def _decoded(part: str) -> str:
    raw = os.fsencode(part)  # the exact bytes: valid UTF-8 pieces re-encode to what they were decoded from
    for encoding in ("gb18030", "big5"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("utf-8", "backslashreplace")


def readable(data: Any) -> Any:
    """``data`` (JSON-like) with every string that holds a non-UTF-8 name shown readably (CLI output)."""
    if isinstance(data, str):
        return data if is_utf8(data) else shown_path(data)
    if isinstance(data, dict):
        return {key: readable(value) for key, value in data.items()}
    if isinstance(data, (list, tuple)):
        return [readable(value) for value in data]
    return data
