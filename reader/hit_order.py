"""Moving through search hits the way a reader does: in reading order, from where they are.

The result list ranks pages by relevance, but F3 / Shift+F3 must walk the text: next hit after
the reading position, previous before it, wrapping at the ends (and saying so). This module is
the Qt-free part: it orders hits, counts occurrences and pages, and answers "which hit is next
from here". Positions are (compilation rank, page index, clean-text offset within the page), so
several hits on one page keep their order and a library-wide result walks one compilation after
another.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable, Sequence

if TYPE_CHECKING:
    from reader.index.search import PageHit

READING = "reading"
RELEVANCE = "relevance"


@dataclass(frozen=True, order=True)
class HitKey:
    """Where one hit is, comparable in reading order."""

    rank: int  # the compilation's place in the result (the open one first)
    page_index: int
    offset: int  # start of the hit in the page's clean text
    number: int = 0  # the hit's number on its page (0-based)


@dataclass(frozen=True)
class Step:
    """The answer to "next/previous hit": which one, and whether the walk wrapped round."""

    index: int  # position in HitSequence.keys
    wrapped: bool


def compilation_ranks(hits: Iterable["PageHit"], first: str | None = None) -> dict[str, int]:
    """Compilations in the order their hits come, ``first`` (the open one) ahead of all."""
    ranks: dict[str, int] = {}
    if first:
        ranks[first] = 0
    for hit in hits:
        ranks.setdefault(hit.content_hash, len(ranks))
    return ranks


def reading_order(hits: Sequence["PageHit"], first: str | None = None) -> list["PageHit"]:
    """``hits`` sorted compilation by compilation (the open one first), then by page."""
    ranks = compilation_ranks(hits, first)
    return sorted(hits, key=lambda h: (ranks[h.content_hash], h.page_index))


def order_hits(hits: Sequence["PageHit"], mode: str, first: str | None = None) -> list["PageHit"]:
    """The result list's order: reading order, or relevance as ranked by the search."""
    return reading_order(hits, first) if mode == READING else list(hits)


class HitSequence:
    """Every hit of a result, in reading order, for stepping with F3 / Shift+F3."""

    def __init__(self, pages: Iterable[tuple[str, int, Sequence[tuple[int, int]]]], ranks: dict[str, int]) -> None:
        """``pages``: (content_hash, page_index, hit spans within the page) for each result page."""
        keys = []
        for content_hash, page, spans in pages:
            rank = ranks.get(content_hash, len(ranks))
            for number, (start, _end) in enumerate(sorted(spans)):
                keys.append((HitKey(rank, page, start, number), content_hash))
        keys.sort(key=lambda k: k[0])
        self.keys: list[HitKey] = [k for k, _ in keys]
        self.hashes: list[str] = [h for _, h in keys]

    def __len__(self) -> int:
        return len(self.keys)

    @property
    def occurrences(self) -> int:
        return len(self.keys)

    @property
    def page_count(self) -> int:
        return len({(k.rank, k.page_index) for k in self.keys})

    def index_of(self, rank: int, page_index: int, number: int) -> int | None:
        for i, key in enumerate(self.keys):
            if (key.rank, key.page_index, key.number) == (rank, page_index, number):
                return i
        return None

    def step(self, forward: bool, current: int | None = None,
             position: tuple[int, int, int] | None = None) -> Step | None:
        """The next (``forward``) or previous hit.

        From ``current`` (the hit last shown) when the reader has not moved away from it; otherwise
        from ``position`` = (rank, page, offset), the reading position: forward gives the first hit
        at or after it, backward the last hit before it. ``wrapped`` says the walk went past the
        last hit back to the first (or the other way).
        """
        if not self.keys:
            return None
        count = len(self.keys)
        if current is not None and 0 <= current < count:
            target = current + (1 if forward else -1)
        elif position is not None:
            probe = HitKey(*position, number=-1)
            target = bisect.bisect_left(self.keys, probe) if forward else bisect.bisect_left(self.keys, probe) - 1
        else:
            target = 0 if forward else count - 1
            return Step(target, False)
        if target >= count:
            return Step(0, True)
        if target < 0:
            return Step(count - 1, True)
        return Step(target, False)


def separate_snippet_spans(spans: Sequence[tuple[int, int]], window: int = 60) -> list[list[tuple[int, int]]]:
    """Group a page's hit spans into snippets: a hit farther than ``window`` characters from the
    first hit of the current group starts a new snippet, so a page with hits in three paragraphs
    shows three snippets, and hits close together share one."""
    groups: list[list[tuple[int, int]]] = []
    for span in sorted(spans):
        if groups and span[0] - groups[-1][0][0] <= window:
            groups[-1].append(span)
        else:
            groups.append([span])
    return groups
