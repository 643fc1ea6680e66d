"""Remembered rejections of theme suggestions, kept in the library folder.

A rejected suggestion must not come back the next time the analyst asks, in this session or
the next, so the keys (:func:`reader.annotations.suggestions.suggestion_key`) are written to
``suggestions_rejected.json`` beside the annotations at every change, atomically. A small JSON
file rather than a table in the annotation store: rejections are advice about what to show,
not annotations, and losing the file only brings suggestions back.
"""

from __future__ import annotations

import json
from pathlib import Path

from reader.atomicfile import write_text_atomic

FILE_NAME = "suggestions_rejected.json"
FORMAT = "policy-reader-rejected-suggestions"


class RejectedSuggestions:
    """The set of rejected suggestion keys of one library, read once and written on change."""

    def __init__(self, library_root: Path) -> None:
        self.path = Path(library_root) / FILE_NAME
        self._keys: dict[str, str] = self._read()  # key -> theme (kept to list or forget per theme)

    def _read(self) -> dict[str, str]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}  # missing or unreadable: nothing is rejected yet
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            return {}
        rejected = data.get("rejected", {})
        return {str(k): str(v) for k, v in rejected.items()} if isinstance(rejected, dict) else {}

    def _write(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        write_text_atomic(self.path, json.dumps({"format": FORMAT, "version": 1, "rejected": self._keys},
                                                ensure_ascii=False, indent=1, sort_keys=True))

    def keys(self) -> frozenset[str]:
        return frozenset(self._keys)

    def __contains__(self, key: str) -> bool:
        return key in self._keys

    def reject(self, key: str, theme: str) -> None:
        if self._keys.get(key) != theme:
            self._keys[key] = theme
            self._write()

    def restore(self, key: str) -> None:
        """Forget a rejection (undo)."""
        if self._keys.pop(key, None) is not None:
            self._write()

    def forget_theme(self, theme: str) -> int:
        """Bring back every suggestion rejected for ``theme``; returns how many."""
        gone = [k for k, t in self._keys.items() if t == theme]
        for key in gone:
            del self._keys[key]
        if gone:
            self._write()
        return len(gone)
