"""Which OCR'd characters the engine was unsure of, so the window can show them on request.

The engine gives each character a score (``OcrLine.scores``, 0–1); a result without per-character
scores (an older cache, an engine that only scores lines) uses its line's score for every character.
RapidOCR's characters read correctly score mostly above 0.9, misread ones mostly below: the default
threshold marks few characters on a clean scan and the doubtful ones on a poor one.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reader.ocr.store import OcrPage, OcrStore, Rect, ocr_root_for

LOW_CONFIDENCE = 0.8


@dataclass(frozen=True, slots=True)
class DoubtfulChar:
    char: str
    score: float
    rect: Rect  # PDF points


def doubtful_chars(result: OcrPage, threshold: float = LOW_CONFIDENCE) -> list[DoubtfulChar]:
    """Characters of one OCR'd page scored below ``threshold``."""
    out = []
    for line in result.lines:
        scores = line.scores if len(line.scores) == len(line.chars) else [line.score] * len(line.chars)
        for char, rect, score in zip(line.chars, line.rects, scores):
            if char.strip() and score < threshold:
                out.append(DoubtfulChar(char, float(score), tuple(rect)))
    return out


def doubtful_by_page(structure_cache_dir: Path, content_hash: str,
                     threshold: float = LOW_CONFIDENCE) -> dict[int, list[DoubtfulChar]]:
    """page → its doubtful characters, for every page of the file with cached OCR."""
    store = OcrStore(ocr_root_for(Path(structure_cache_dir)))
    out = {}
    for page in sorted(store.pages(content_hash)):
        result = store.load(content_hash, page)
        if result is not None:
            out[page] = doubtful_chars(result, threshold)
    return out
