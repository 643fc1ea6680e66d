"""Whitespace- and width-insensitive matching over a compilation's clean text.

Quotes are compared after NFKC folding with all whitespace removed, because the same
sentence comes out of a PDF with different line breaks, spaces between CJK and Latin
(``5G 工厂``) and full-/half-width forms depending on how it was typeset.
"""

from __future__ import annotations

import weakref
from array import array
from dataclasses import dataclass

from reader.textfold import fold, fold_with_offsets

__all__ = ["fold", "FoldedText"]


@dataclass
class FoldedText:
    """A folded copy of a text plus, for each folded character, the offset it came from."""

    text: str
    source: array  # source[i] = offset in the original text of folded text[i]
    length: int  # length of the original text

    @classmethod
    def of(cls, text: str) -> "FoldedText":
        folded, offsets = fold_with_offsets(text)
        return cls(folded, array("I", offsets), len(text))

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Original ``[start, end)`` offsets of the folded span ``[start, end)``."""
        if end <= start or not self.source:
            pos = self.source[min(start, len(self.source) - 1)] if self.source else 0
            return pos, pos
        return self.source[start], self.source[end - 1] + 1

    def to_folded(self, offset: int) -> int:
        """First folded position at or after original ``offset``."""
        import bisect

        return bisect.bisect_left(self.source, offset)

    def find_all(self, needle: str, start: int = 0, end: int | None = None, limit: int = 5000) -> list[int]:
        found: list[int] = []
        if not needle:
            return found
        end = len(self.text) if end is None else end
        pos = self.text.find(needle, start)
        while pos != -1 and pos < end and len(found) < limit:
            found.append(pos)
            pos = self.text.find(needle, pos + 1)
        return found


_CACHE: dict[int, tuple["weakref.ref[object]", FoldedText]] = {}


def folded_text_of(comp: object) -> FoldedText:
    """The folded text of a compilation, built once per Compilation object."""
    key = id(comp)
    hit = _CACHE.get(key)
    if hit is not None and hit[0]() is comp:
        return hit[1]
    folded = FoldedText.of(comp.text)  # type: ignore[attr-defined]
    if len(_CACHE) > 8:
        _CACHE.clear()
    _CACHE[key] = (weakref.ref(comp), folded)
    return folded


def common_suffix_len(a: str, b: str) -> int:
    n = 0
    for x, y in zip(reversed(a), reversed(b)):
        if x != y:
            break
        n += 1
    return n


def common_prefix_len(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n
