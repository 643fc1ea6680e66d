"""One fold for search, quotes and theme names: they must agree on every odd character."""

from __future__ import annotations

import pytest

from reader.annotations.textmatch import FoldedText
from reader.annotations.textmatch import fold as quote_fold
from reader.annotations.themes import name_key
from reader.index.normalize import fold as search_fold
from reader.textfold import fold, fold_with_offsets

CASES = [
    ("５Ｇ 工厂", "5g工厂"),
    ("ERP\n系统", "erp系统"),
    ("数\u200b据要素", "数据要素"),  # zero-width space typeset inside a word
    ("co\u00adoperation", "cooperation"),  # soft hyphen
    ("\ufeff氢能", "氢能"),  # byte-order mark at the start of a text layer
    ("（一）", "(一)"),
    ("Straße", "strasse"),  # case folding, not just lower-casing
    ("ｱｲ", "アイ"),  # half-width katakana
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_every_comparison_uses_the_same_fold(text, expected):
    assert fold(text) == expected
    assert search_fold(text) == quote_fold(text) == name_key(text) == expected


def test_offsets_point_back_at_the_source_characters():
    text = "数\u200b据 Ｇ\u00adß"
    folded, offsets = fold_with_offsets(text, base=10)
    assert folded == "数据gss"
    assert offsets == [10, 12, 14, 16, 16]
    mapped = FoldedText.of(text)
    assert mapped.text == folded and mapped.to_original(2, 5) == (4, 7)
