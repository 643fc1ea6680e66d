"""The one text fold: how the program decides that two pieces of text say the same thing.

Search, quote matching (annotations, re-anchoring) and theme names all compare text after the
same folding, so a word found by search is also found as a quote, and ``５Ｇ`` is the theme
``5G``: NFKC (full-width forms, compatibility characters), case-folded, every whitespace and
every invisible formatting mark (zero-width space/joiners, word joiner, BOM, soft hyphen)
dropped. Folding goes character by character so each folded character can remember the offset
it came from (hits and quotes are drawn from those offsets).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from reader.textclean import clean_char

# ASCII controls that str.split() does not take for whitespace (cleaned away like in extracted text).
_ASCII_CONTROL = re.compile("[\x00-\x08\x0e-\x1b\x7f]")

# Characters that only shape text and never carry meaning: typesetting leaves them in PDFs.
INVISIBLE = frozenset({"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"})


@lru_cache(maxsize=65536)
def fold_char(char: str) -> str:
    """One character folded: NFKC + casefold, whitespace and invisible marks removed ('' when dropped).

    Characters that extracted text never holds (reader.textclean: lone surrogates, controls, private
    use) are cleaned the same way first, so a query typed or passed with them (a surrogate-escaped
    command-line byte) folds to what the index holds and can always be encoded."""
    if char.isspace() or char in INVISIBLE:
        return ""
    if "\u4e00" <= char <= "\u9fff":  # CJK ideographs fold to themselves: the common case, kept fast
        return char
    char = clean_char(char)
    if not char:
        return ""
    folded = unicodedata.normalize("NFKC", char).casefold()
    return "".join(c for c in folded if not c.isspace() and c not in INVISIBLE)


def fold(text: str) -> str:
    """``text`` folded for comparison (see module doc)."""
    if text.isascii() and not _ASCII_CONTROL.search(text):
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
