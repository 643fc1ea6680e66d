"""The one text fold: how the program decides that two pieces of text say the same thing.

Search, quote matching (annotations, re-anchoring) and theme names all compare text after the
same folding, so a word found by search is also found as a quote, and ``５Ｇ`` is the theme
``5G``: NFKC (full-width forms, compatibility characters), case-folded, every whitespace and
every invisible formatting mark (zero-width space/joiners, word joiner, BOM, soft hyphen)
dropped. Folding goes character by character so each folded character can remember the offset
it came from (hits and quotes are drawn from those offsets).
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

# Characters that only shape text and never carry meaning: typesetting leaves them in PDFs.
INVISIBLE = frozenset({"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"})


@lru_cache(maxsize=65536)
def fold_char(char: str) -> str:
    """One character folded: NFKC + casefold, whitespace and invisible marks removed ('' when dropped)."""
    if char.isspace() or char in INVISIBLE:
        return ""
    if "\u4e00" <= char <= "\u9fff":  # CJK ideographs fold to themselves: the common case, kept fast
        return char
    folded = unicodedata.normalize("NFKC", char).casefold()
    return "".join(c for c in folded if not c.isspace() and c not in INVISIBLE)


def fold(text: str) -> str:
    """``text`` folded for comparison (see module doc)."""
    if text.isascii():
        return "".join(text.split()).casefold()
    return "".join(map(fold_char, text))


def fold_with_offsets(text: str, base: int = 0) -> tuple[str, list[int]]:
    """Folded text and, for each folded character, the offset (plus ``base``) of its source character."""
    out: list[str] = []
    offsets: list[int] = []
    for index, char in enumerate(text):
        folded = fold_char(char)
        if folded:
            out.append(folded)
            offsets.extend([base + index] * len(folded))
    return "".join(out), offsets
