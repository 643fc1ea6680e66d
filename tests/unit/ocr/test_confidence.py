"""Doubtful OCR characters: below the threshold by their own score, by their line's when the
characters carry none (an older cache), blanks never; and read back from the library's cache."""

from __future__ import annotations

from reader.ocr.confidence import LOW_CONFIDENCE, doubtful_by_page, doubtful_chars
from reader.ocr.store import OcrLine, OcrPage, OcrStore, ocr_root_for


def _page(page: int = 0) -> OcrPage:
    return OcrPage(page, "test-engine", 595, 842, [
        OcrLine("工信厅函〔2024]", 0.9, list("工信厅函〔2024]"),
                [(100 + 10 * i, 100, 110 + 10 * i, 116) for i in range(10)],
                [0.99, 0.98, 0.97, 0.99, 0.41, 0.99, 0.99, 0.99, 0.99, 0.62]),
        OcrLine("各 单位", 0.5, list("各 单位"), [(100 + 12 * i, 140, 112 + 12 * i, 156) for i in range(4)], []),
    ])


def test_characters_below_the_threshold_with_their_boxes():
    found = doubtful_chars(_page())
    assert [(c.char, c.score) for c in found] == [("〔", 0.41), ("]", 0.62), ("各", 0.5), ("单", 0.5), ("位", 0.5)]
    assert found[0].rect == (140, 100, 150, 116)
    assert [c.char for c in doubtful_chars(_page(), threshold=0.45)] == ["〔"]
    assert 0.62 < LOW_CONFIDENCE < 0.97


def test_read_from_the_cache_per_page(tmp_path):
    store = OcrStore(ocr_root_for(tmp_path / "structure"))
    store.save("abc", _page(0))
    store.save("abc", _page(3))
    found = doubtful_by_page(tmp_path / "structure", "abc")
    assert sorted(found) == [0, 3] and [c.char for c in found[3]][:2] == ["〔", "]"]
    assert doubtful_by_page(tmp_path / "structure", "other") == {}
