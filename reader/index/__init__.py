"""The library's full-text index (whoosh-reloaded + jieba), Qt-free.

Design, chosen by measurement (benchmarks/bench_search.py):
- Matching is defined on *folded* clean text: NFKC (``５Ｇ`` = ``5G``, ``（`` = ``(``), Latin
  case-folded, every whitespace removed, so words broken across lines are contiguous.
- Recall comes from a whoosh field of character pairs (letters/digits/ideographs) — a superset
  filter that jieba cannot make miss — followed by exact verification on the stored folded page
  text. jieba words (with resources/jieba_userdict.txt) only add to the ranking.
- A phrase that starts on one page and ends on the next is reported on the page where it starts
  (its rectangles cover both pages). The shared truth file counts such a phrase on neither page,
  so these few hits count as false positives there; users asked for words broken across page
  breaks to be found, so we keep them.
- Cover and contents pages (before the first document, or made of "title …… 12" lines) are
  indexed but left out of results unless asked for (``front_matter=True``, ``--front-matter``):
  they repeat every title.
- Page texts and metadata live in SQLite beside the whoosh index; both on disk. Searches cache
  the folded text of pages they touched (bounded), never the whole library at open.

Everything outside this package reaches the index through ``Workspace.index`` (the PageIndex
protocol); :mod:`reader.index.backend` is the whoosh implementation, built on
:class:`reader.index.indexing.LibraryIndexer` and :class:`reader.index.search.LibrarySearcher`;
:mod:`reader.index.memory` is an in-memory one; :mod:`reader.index.worker` indexes in a process of its own.
"""
