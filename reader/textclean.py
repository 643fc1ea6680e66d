"""The one place that cleans text taken out of a PDF, before anything else sees it.

MuPDF hands back whatever a font's ToUnicode map says, and real files say odd things. What a
reader expects from each class of character, and therefore what happens to it:

- Lone UTF-16 surrogates (U+D800–DFFF). A Word equation set in Cambria Math maps each glyph to
  the first half of a surrogate pair (``\\ud835``); the letter itself is lost. Such a string cannot
  be written as UTF-8 at all (every print, JSON dump and SQLite insert fails), yet a glyph *is*
  on the page: it becomes U+FFFD, the standard "a character was here that could not be read", so
  a copy or a quote still shows that something stood there. A valid high+low pair is joined into
  the character it encodes.
- U+FFFD runs: one replacement mark says everything a run of them says; a run (from one formula)
  becomes a single U+FFFD, so snippets and titles are not filled with marks.
- NUL and the other C0/C1 control characters (except newline and tab, which lay text out): they
  have no glyph, nobody sees them on the page, and they break .docx, Markdown and terminals, so
  they are dropped.
- Private-use characters (U+E000–F8FF, planes 15–16) and Unicode non-characters: symbol fonts
  (Wingdings bullets, logos) put their glyphs there; they mean nothing outside that font and show
  as empty boxes anywhere else, so they are dropped.
- Ligatures (ﬁ ﬂ ﬀ ﬃ ﬄ ﬅ ﬆ, U+FB00–FB06): one glyph, several letters. A reader types and reads
  the letters, so they become the letters (``ﬁle`` → ``file``), which search and quotes need.

:func:`clean_char` says what one extracted character becomes, for code that keeps a position per
character (the structure text map drops a character together with its rectangle, and splits a
ligature's rectangle among its letters); :func:`clean_text` cleans a whole string.
"""

from __future__ import annotations

import re
import unicodedata

REPLACEMENT = "\ufffd"
KEEP_LAYOUT = "\n\t"

# Characters that are dropped outright: C0/C1 controls, DEL, private use, non-characters.
_DROP_RANGES = (
    (0x00, 0x1F), (0x7F, 0x9F),
    (0xE000, 0xF8FF), (0xF0000, 0xFFFFD), (0x100000, 0x10FFFD),
    (0xFDD0, 0xFDEF),
)
_LIGATURES = {chr(c): unicodedata.normalize("NFKC", chr(c)) for c in range(0xFB00, 0xFB07)}
_SURROGATE_PAIR = re.compile("[\ud800-\udbff][\udc00-\udfff]")
_SUSPECT = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ue000-\uf8ff\ufb00-\ufb06\ufdd0-\ufdef\ufffd\ufffe\uffff"
    "\U000f0000-\U0010ffff]"
)
_REPLACEMENT_RUN = re.compile("\ufffd{2,}")


def clean_char(char: str) -> str:
    """What one extracted character becomes: itself, its letters (ligature), U+FFFD (a lone
    surrogate) or ``""`` (dropped). Newline and tab are kept; callers decide about layout."""
    if len(char) != 1:
        return clean_text(char)
    code = ord(char)
    if code < 0x80:
        return char if (code >= 0x20 and code != 0x7F) or char in KEEP_LAYOUT else ""
    if 0xD800 <= code <= 0xDFFF:
        return REPLACEMENT
    if 0xFB00 <= code <= 0xFB06:
        return _LIGATURES[char]
    if (code & 0xFFFE) == 0xFFFE:
        return ""
    for low, high in _DROP_RANGES:
        if low <= code <= high:
            return ""
    return char


def _join_pair(match: re.Match[str]) -> str:
    return match.group().encode("utf-16-le", "surrogatepass").decode("utf-16-le")


def clean_text(text: str) -> str:
    """``text`` with every class above handled (see module doc). Fast for clean text."""
    if not text or not _SUSPECT.search(text):
        return text
    text = _SURROGATE_PAIR.sub(_join_pair, text)
    cleaned = "".join(map(clean_char, text)) if _SUSPECT.search(text) else text
    return _REPLACEMENT_RUN.sub(REPLACEMENT, cleaned)


def is_clean(text: str) -> bool:
    """True when ``text`` needs no cleaning (and so encodes as UTF-8)."""
    return clean_text(text) == text
