"""Chinese numerals as laws and headings print them, both ways over the whole range in use."""

from __future__ import annotations

import pytest

from reader.structure.numerals import parse_chinese, to_chinese


def test_every_number_below_ten_thousand_round_trips():
    wrong = [n for n in range(1, 10000) if parse_chinese(to_chinese(n)) != n]
    assert not wrong, wrong[:10]


def test_written_forms_are_distinct():
    forms = [to_chinese(n) for n in range(1, 10000)]
    assert len(set(forms)) == len(forms)


@pytest.mark.parametrize("text, value", [
    ("一千二百六十", 1260), ("一百零五", 105), ("二十", 20), ("十", 10), ("十二", 12), ("一百一十", 110),
    ("九百九十九", 999), ("一千", 1000), ("一千零一十", 1010), ("一千零十", 1010), ("二千零五", 2005),
    ("两百", 200), ("一〇五", 105), ("二〇〇八", 2008), ("二○二四", 2024), ("12", 12), ("１２", 12),
])
def test_forms_printed_in_documents(text, value):
    assert parse_chinese(text) == value


def test_official_spelling():
    assert [to_chinese(n) for n in (10, 11, 20, 105, 110, 1000, 1010, 1260, 9999)] == [
        "十", "十一", "二十", "一百零五", "一百一十", "一千", "一千零一十", "一千二百六十", "九千九百九十九"]


@pytest.mark.parametrize("text", ["", "百", "千", "一百零", "一二十", "十十", "百一", "一十百", "三条", "零"])
def test_what_is_no_numeral(text):
    assert parse_chinese(text) is None


def test_out_of_range_is_refused():
    with pytest.raises(ValueError):
        to_chinese(0)
    with pytest.raises(ValueError):
        to_chinese(10000)
