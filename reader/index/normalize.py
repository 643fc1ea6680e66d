"""The one text folding shared by indexing, querying, verification and highlighting.

Search must treat ``５Ｇ`` as ``5G``, ``（`` as ``(``, ``ERP`` as ``erp`` and ignore every space
and line break, so both sides are folded the same way: NFKC, case-folded, whitespace dropped.
Folding is done character by character so that each folded character remembers the clean-text
offset it came from (hits are drawn from those offsets).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from reader.textclean import clean_char

# ASCII controls that str.split() does not take for whitespace (cleaned away like in extracted text).
_ASCII_CONTROL = re.compile("[\x00-\x08\x0e-\x1b\x7f]")
# Characters that only shape text and never carry meaning for search.
_INVISIBLE = {"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"}


@lru_cache(maxsize=65536)
def fold_char(char: str) -> str:
    """One character folded: NFKC + casefold, whitespace and invisible marks removed ('' when dropped).

    Characters that extracted text never holds (reader.textclean: lone surrogates, controls, private
    use) are cleaned the same way first, so a query typed or passed with them (a surrogate-escaped
    command-line byte) folds to what the index holds and can always be encoded."""
    if char.isspace() or char in _INVISIBLE:
        return ""
    char = clean_char(char)
    if not char:
        return ""
    folded = unicodedata.normalize("NFKC", char).casefold()
    if not folded.strip():
        return ""
    return "".join(c for c in folded if not c.isspace())


def fold(text: str) -> str:
    """``text`` folded for matching (see module doc)."""
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
