"""Where the hits are in a page's clean text, and the snippet shown for it.

Matching happens on folded text (see :mod:`reader.index.normalize`); the offset map of
:func:`fold_with_offsets` carries each match back to clean-text offsets, which the structure
layer turns into rectangles, including the parts of a word broken across lines or pages.
"""

from __future__ import annotations

from reader.index.normalize import fold, fold_with_offsets

_SNIPPET_BEFORE, _SNIPPET_AFTER = 36, 72


def find_spans(clean: str, next_clean: str, terms: list[str]) -> list[tuple[int, int]]:
    """Clean-text spans of every occurrence of ``terms`` starting on the page (merged, in order)."""
    folded, offsets = fold_with_offsets(clean + next_clean)
    own = len(fold(clean))
    spans = []
    for term in terms:
        at = folded.find(term)
        while 0 <= at < own:
            spans.append((offsets[at], offsets[at + len(term) - 1] + 1))
            at = folded.find(term, at + 1)
    spans.sort()
    merged: list[tuple[int, int]] = []
    for a, b in spans:
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return merged


def snippet_parts(text: str, spans: list[tuple[int, int]], own_len: int) -> list[tuple[str, bool]]:
    """A window of ``text`` around the first hit, as (text, is_hit) parts; line breaks shown as spaces."""
    if not spans:
        return [(" ".join(text[: _SNIPPET_BEFORE + _SNIPPET_AFTER].split()), False)]
    first = spans[0]
    start = max(0, first[0] - _SNIPPET_BEFORE)
    end = min(len(text), max(first[1], first[0] + _SNIPPET_AFTER))
    end = min(len(text), max(end, min(first[1], own_len)))
    parts: list[tuple[str, bool]] = []
    at = start
    for a, b in spans:
        if a >= end:
            break
        a, b = max(a, start), min(b, max(end, b))
        if a > at:
            parts.append((text[at:a], False))
        parts.append((text[a:b], True))
        at = max(at, b)
    if at < end:
        parts.append((text[at:end], False))
    cleaned = [(t.replace("\n", " "), hit) for t, hit in parts if t]
    if start > 0:
        cleaned.insert(0, ("…", False))
    if end < len(text):
        cleaned.append(("…", False))
    return cleaned


Rect = tuple[float, float, float, float]


def hit_rects(comp, page_index: int, spans: list[tuple[int, int]]) -> list[list[tuple[int, Rect]]]:
    """Rectangles of each hit (``spans`` are offsets within the page's clean text), in reading order.

    A hit broken over lines or pages has several (page, rect) pairs. ``comp`` is the page's
    :class:`reader.structure.Compilation`; the one place search geometry is computed.
    """
    start = comp.page_starts[page_index]
    return [[(page, rect) for page, rects in sorted(comp.span_rects(start + a, start + b).items()) for rect in rects]
            for a, b in spans]


def rects_by_page(per_hit: list[list[tuple[int, Rect]]]) -> dict[int, list[Rect]]:
    """The rectangles of :func:`hit_rects` gathered per page (what an overlay draws)."""
    out: dict[int, list[Rect]] = {}
    for rects in per_hit:
        for page, rect in rects:
            out.setdefault(page, []).append(rect)
    return out
