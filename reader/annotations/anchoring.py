"""Re-anchoring annotations in a changed file or a revised edition of a compilation.

Each annotation is looked for by its quote and context, in three passes (hypothesis-style):
exact quote (whitespace and width ignored) choosing the occurrence whose prefix/suffix and
relative position fit best; then a fuzzy match seeded by short n-grams of the quote and scored
with difflib; what is still not found is kept as *orphaned*, quote and all — never dropped.
"""

from __future__ import annotations

import difflib
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader.annotations.model import STATUS_ANCHORED, STATUS_MOVED, STATUS_ORPHANED, Annotation, now_iso
from reader.annotations.spans import anchor_fields
from reader.annotations.textmatch import FoldedText, common_prefix_len, common_suffix_len, fold, folded_text_of

if TYPE_CHECKING:
    from reader.annotations.store import AnnotationStore
    from reader.structure import Compilation

FUZZY_THRESHOLD = 0.8
"""Minimum similarity (difflib ratio, 0–1) for a fuzzy match; below it the annotation is orphaned."""
MIN_FUZZY_CHARS = 8
"""Quotes shorter than this (folded) are only matched exactly: fuzzy hits on them are noise."""


@dataclass
class Match:
    start: int  # folded offsets
    end: int
    kind: str  # "exact" | "normalized" | "fuzzy"
    similarity: float  # of the quote, 0–1
    context: float = 1.0  # share of the stored prefix/suffix that agrees, 0–1

    @property
    def score(self) -> float:
        return 0.7 * self.similarity + 0.3 * self.context


@dataclass
class _Wanted:
    needle: str
    prefix: str
    suffix: str
    relative: float | None


CONTEXT_TRUSTED = 0.5
"""An exact hit whose surroundings agree at least this much is taken without looking further."""
CONTEXT_MIN = 0.2
"""Below this share of agreeing context a candidate is refused (unless a long verbatim unique quote)."""
UNIQUE_QUOTE_CHARS = 20
FAR = 0.3
NEARBY = 0.15
"""How far (share of the text) a context-less unique hit may be from the old relative position."""


def _relative(ann: Annotation) -> float | None:
    if ann.start_offset is None or not ann.text_length:
        return None
    return ann.start_offset / ann.text_length


def _context(folded: FoldedText, start: int, end: int, want: _Wanted) -> float:
    total = len(want.prefix) + len(want.suffix)
    if not total:
        return 1.0
    before = folded.text[max(0, start - len(want.prefix)):start]
    after = folded.text[end:end + len(want.suffix)]
    return (common_suffix_len(want.prefix, before) + common_prefix_len(want.suffix, after)) / total


def _distance(folded: FoldedText, pos: int, want: _Wanted) -> float:
    return abs(pos / max(len(folded.text), 1) - want.relative) if want.relative is not None else 0.0


def _best_exact(folded: FoldedText, want: _Wanted) -> Match | None:
    hits = folded.find_all(want.needle)
    if not hits:
        return None
    n = len(want.needle)
    best = max(hits, key=lambda pos: (_context(folded, pos, pos + n, want), -_distance(folded, pos, want)))
    return Match(best, best + n, "normalized", 1.0, _context(folded, best, best + n, want))


def _seeds(needle: str) -> list[tuple[int, str]]:
    size = 4 if len(needle) < 40 else 6
    step = max(1, (len(needle) - size) // 24)
    return [(i, needle[i:i + size]) for i in range(0, max(1, len(needle) - size + 1), step)]


def _align(needle: str, folded: FoldedText, around: int) -> Match | None:
    """Best alignment of ``needle`` in a window of the text starting near ``around``."""
    n = len(needle)
    lo = max(0, around - n // 2 - 8)
    window = folded.text[lo:around + n + n // 2 + 8]
    matcher = difflib.SequenceMatcher(None, needle, window, autojunk=False)
    blocks = [b for b in matcher.get_matching_blocks() if b.size >= 2]
    if not blocks:
        return None
    matched = sum(b.size for b in blocks)
    start, end = blocks[0].b, blocks[-1].b + blocks[-1].size
    # the quote's own ends may have been edited: extend by the unmatched ends of the needle
    start = max(0, start - blocks[0].a)
    end = min(len(window), end + (n - blocks[-1].a - blocks[-1].size))
    similarity = 2 * matched / (n + (end - start))
    return Match(lo + start, lo + end, "fuzzy", similarity)


def _fuzzy_candidates(folded: FoldedText, want: _Wanted) -> list[Match]:
    needle = want.needle
    if len(needle) < MIN_FUZZY_CHARS:
        return []
    votes: Counter[int] = Counter()
    bucket = max(4, len(needle) // 4)
    for offset, seed in _seeds(needle):
        hits = folded.find_all(seed, limit=200)
        if len(hits) >= 200:
            continue  # too common to say anything
        for pos in hits:
            votes[(pos - offset) // bucket] += 1
    found = []
    for cell, _count in votes.most_common(8):
        match = _align(needle, folded, max(0, cell * bucket))
        if match is not None and match.similarity >= FUZZY_THRESHOLD:
            match.context = _context(folded, match.start, match.end, want)
            found.append(match)
    return found


def locate(comp: "Compilation", ann: Annotation) -> Match | None:
    """Where ``ann``'s quote is in ``comp`` (folded offsets), or None.

    An exact hit whose surroundings agree wins at once. Otherwise exact hits in other
    surroundings and fuzzy candidates compete on similarity and context together — but policy
    text is formulaic, so a candidate whose context does not agree at all is refused (a deleted
    sentence must come out orphaned, not land on its look-alike). The one exception is a long
    quote found verbatim exactly once, near its old relative position: evidence enough on its own.
    """
    want = _Wanted(fold(ann.quote), fold(ann.prefix), fold(ann.suffix), _relative(ann))
    if not want.needle:
        return None
    folded = folded_text_of(comp)
    exact = _best_exact(folded, want)
    if exact is not None and exact.context >= CONTEXT_TRUSTED:
        return exact
    candidates = [m for m in _fuzzy_candidates(folded, want) if m.context >= CONTEXT_MIN]
    if exact is not None and (exact.context >= CONTEXT_MIN or (
            len(want.needle) >= UNIQUE_QUOTE_CHARS and len(folded.find_all(want.needle, limit=2)) == 1
            and _distance(folded, exact.start, want) <= NEARBY)):
        candidates.append(exact)
    # without agreeing context, a hit far from the old relative position is a look-alike
    candidates = [m for m in candidates if _distance(folded, m.start, want) <= FAR]
    if not candidates:
        return None
    return max(candidates, key=lambda m: (round(m.score, 6), -_distance(folded, m.start, want)))


def reanchor(comp: "Compilation", ann: Annotation, pdf: str | None = None) -> tuple[Annotation, str]:
    """``ann`` moved onto ``comp``: re-located, or kept as orphaned. Returns (annotation, match kind)."""
    match = locate(comp, ann)
    pdf = ann.pdf if pdf is None else pdf
    if match is None:
        orphan = ann.copy(content_hash=comp.content_hash, pdf=pdf, rects={}, status=STATUS_ORPHANED,
                          modified=now_iso())
        return orphan, "none"
    folded = folded_text_of(comp)
    start, end = folded.to_original(match.start, match.end)
    fields = anchor_fields(comp, start, end)
    if match.kind == "normalized" and fields["quote"] == ann.quote:
        match.kind = "exact"
    same_place = fields["page_index"] == ann.page_index and ann.status != STATUS_ORPHANED
    fields["status"] = STATUS_ANCHORED if same_place else STATUS_MOVED
    moved = ann.copy(**fields, pdf=pdf, modified=now_iso())
    return moved, match.kind


def migrate(store: "AnnotationStore", old_hash: str, comp: "Compilation", pdf: str) -> dict:
    """Carry every annotation of ``old_hash`` onto ``comp`` in one transaction; report what happened."""
    report = {"found": 0, "moved": 0, "orphaned": 0, "annotations": []}
    results = []
    for ann in store.list(content_hash=old_hash):
        moved, kind = reanchor(comp, ann, pdf)
        results.append(moved)
        key = {"anchored": "found", "moved": "moved", "orphaned": "orphaned"}[moved.status]
        report[key] += 1
        entry = moved.to_json()
        entry.update({"match": kind, "old_page_index": ann.page_index, "old_quote": ann.quote})
        report["annotations"].append(entry)
    store.put_many(results)
    return report
