"""Tokenizers for the two indexed fields.

``grams``: every distinct pair of adjacent letters/digits/ideographs in the folded page text. It
exists for recall: a query can only occur on a page holding all its pairs, whatever jieba makes of
the context. Candidates are then verified by substring search, so pairs need no positions. Pairs
with punctuation and single characters are left out (they would add ~40 % to the index and select
almost nothing); a query without any indexable pair (``氢``, ``（``, ``*``) is answered by a scan
of the stored page text instead.

``words``: jieba words of the folded text, for ranking (BM25) only; recall never depends on them.
jieba costs ~0.8 s to load, so it is loaded lazily, once, with the policy user dictionary.
"""

from __future__ import annotations

import logging
import threading
from typing import Iterable, Iterator

from whoosh.analysis import Token, Tokenizer

from reader.paths import resources_dir

USER_DICT = "jieba_userdict.txt"
_JIEBA_LOCK = threading.Lock()
_JIEBA = None


def grams(folded: str) -> set[str]:
    """Distinct indexable pairs of ``folded`` (see :func:`pairs`)."""
    return set(pairs(folded))


def pairs(folded: str) -> list[str]:
    """Adjacent pairs of letters, digits or ideographs, in order (may repeat)."""
    return [folded[i : i + 2] for i in range(len(folded) - 1) if folded[i : i + 2].isalnum()]


def jieba_module():
    """The jieba module, initialised once with the user dictionary (thread-safe, lazy)."""
    global _JIEBA
    if _JIEBA is not None:
        return _JIEBA
    with _JIEBA_LOCK:
        if _JIEBA is None:
            import jieba

            jieba.setLogLevel(logging.WARNING)
            jieba.initialize()
            user_dict = resources_dir() / USER_DICT
            if user_dict.is_file():
                jieba.load_userdict(str(user_dict))
            _JIEBA = jieba
    return _JIEBA


def words(folded: str) -> list[str]:
    """jieba words of ``folded`` that carry meaning (no punctuation or single symbols)."""
    return [w for w in jieba_module().cut(folded, HMM=True) if w and (len(w) > 1 or w.isalnum())]


class _TermsTokenizer(Tokenizer):
    """Turns text into whoosh tokens via ``split``; the field's text is already folded."""

    def __init__(self, split) -> None:
        self._split = split

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _TermsTokenizer) and other._split is self._split

    def __call__(self, value: str, positions: bool = False, chars: bool = False, keeporiginal: bool = False,
                 removestops: bool = True, start_pos: int = 0, start_char: int = 0, tokenize: bool = True,
                 mode: str = "", **kwargs) -> Iterator[Token]:
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        terms: Iterable[str] = self._split(value) if tokenize else [value]
        for position, term in enumerate(terms, start_pos):
            token.text = term
            token.boost = 1.0
            token.stopped = False
            if positions:
                token.pos = position
            yield token


def _grams_list(value: str) -> list[str]:
    return sorted(grams(value))


def _query_words(value: str) -> list[str]:
    return words(value)


def GramAnalyzer() -> _TermsTokenizer:  # noqa: N802 - whoosh names analyzers like classes
    return _TermsTokenizer(_grams_list)


def WordAnalyzer() -> _TermsTokenizer:  # noqa: N802
    return _TermsTokenizer(_query_words)
