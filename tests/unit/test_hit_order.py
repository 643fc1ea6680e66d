"""Stepping through search hits in reading order from the reader's position (Qt-free core)."""

from __future__ import annotations

from reader.hit_order import READING, RELEVANCE, HitSequence, compilation_ranks, order_hits
from reader.index.search import PageHit


def hit(page: int, comp: str = "A", occurrences: int = 1, score: float = 0.0) -> PageHit:
    return PageHit(comp, page, str(page + 1), "doc", 0, "", "", 0, occurrences, score)


# the 氢能 case from the report: relevance ranks pages 49, 48, 45, 47
RANKED = [hit(48), hit(47), hit(44), hit(46)]
SPANS = {44: [(5, 7)], 46: [(90, 92), (10, 12)], 47: [(3, 5), (40, 42), (70, 72)], 48: [(8, 10)]}


def sequence(hits=RANKED, first="A") -> HitSequence:
    ranks = compilation_ranks(hits, first)
    return HitSequence(((h.content_hash, h.page_index, SPANS.get(h.page_index, [(0, 2)])) for h in hits), ranks)


def test_list_order_reading_or_relevance() -> None:
    assert [h.page_index for h in order_hits(RANKED, READING, "A")] == [44, 46, 47, 48]
    assert [h.page_index for h in order_hits(RANKED, RELEVANCE, "A")] == [48, 47, 44, 46]


def test_counts_occurrences_and_pages() -> None:
    seq = sequence()
    assert seq.occurrences == 7 and seq.page_count == 4


def test_forward_walks_every_hit_in_page_order_and_wraps() -> None:
    seq = sequence()
    visited, current, wrapped = [], None, []
    for _ in range(8):
        step = seq.step(True, current)
        current = step.index
        key = seq.keys[current]
        visited.append((key.page_index, key.offset))
        wrapped.append(step.wrapped)
    assert visited[:7] == [(44, 5), (46, 10), (46, 90), (47, 3), (47, 40), (47, 70), (48, 8)]
    assert visited[7] == (44, 5) and wrapped == [False] * 7 + [True]


def test_backward_from_the_first_wraps_to_the_last() -> None:
    seq = sequence()
    step = seq.step(False, 0)
    assert step.wrapped and seq.keys[step.index].page_index == 48
    assert seq.keys[seq.step(False, step.index).index] .page_index == 47


def test_steps_start_from_the_reading_position() -> None:
    seq = sequence()
    # the reader scrolled to page 47 (index 46), before its second hit: F3 goes to (46, 90), not to page 49
    step = seq.step(True, position=(0, 46, 50))
    assert (seq.keys[step.index].page_index, seq.keys[step.index].offset) == (46, 90)
    back = seq.step(False, position=(0, 46, 50))
    assert (seq.keys[back.index].page_index, seq.keys[back.index].offset) == (46, 10)
    # from page 48 (index 47) F3 does not skip it
    assert seq.keys[seq.step(True, position=(0, 47, 0)).index].page_index == 47
    # past the last hit: wraps to the first and says so
    last = seq.step(True, position=(0, 60, 0))
    assert last.wrapped and seq.keys[last.index].page_index == 44
    before_all = seq.step(False, position=(0, 10, 0))
    assert before_all.wrapped and seq.keys[before_all.index].page_index == 48


def test_library_results_walk_the_open_compilation_first() -> None:
    hits = [hit(3, "B"), hit(9, "A"), hit(1, "B"), hit(2, "A")]
    assert [(h.content_hash, h.page_index) for h in order_hits(hits, READING, "A")] == [("A", 2), ("A", 9), ("B", 1), ("B", 3)]
    seq = sequence(hits, "A")
    keys = [seq.keys[i] for i in range(len(seq))]
    assert [seq.hashes[i] for i in range(len(seq))] == ["A", "A", "B", "B"] and keys[0].page_index == 2


def test_empty_result_has_no_step() -> None:
    assert HitSequence([], {}).step(True) is None
