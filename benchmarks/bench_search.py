"""Search benchmark: index build (1 and N compilations, peak RSS), query latency, recall.

Figures (medians unless named otherwise):
- index_s_84: indexing the shared 84-page compilation in a fresh process (structure analysis,
  jieba loading, whoosh + SQLite writes) — target ≤ 3 s;
- index_s_100, index_peak_rss_mb_100: a library of N re-saved copies (hashes differ) indexed by
  `python -m reader index FOLDER` in a subprocess — targets ≤ 300 s, ≤ 500 MB;
- search_ms_median / search_ms_p95: LibrarySearcher.search (all matching pages, ranked) over that
  library, in-process; beside it, in the same run, a substring scan and SQLite FTS5-trigram over the
  same folded page text (yardsticks); details_ms_median: snippet + rectangles for one hit;
- recall / precision on the shared compilation against its truth file.
Run: python benchmarks/bench_search.py [--quick] (or via benchmarks/run.py).
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO.parent / "shared" / "corpus" / "policy-2024-12.pdf"
TRUTH = SAMPLE.with_name("policy-2024-12.truth.json")
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests" / "acceptance"))


def make_copies(count: int, folder: Path) -> list[Path]:
    """``count`` copies of the sample, each with its own metadata and a line of inserted text."""
    import pymupdf

    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for number in range(count):
        target = folder / f"compilation-{number:03d}.pdf"
        if not target.exists():
            doc = pymupdf.open(SAMPLE)
            meta = dict(doc.metadata or {})
            meta["title"] = f"政策汇编 第 {number + 1} 辑"
            meta["subject"] = f"benchmark copy {number}"
            doc.set_metadata(meta)
            page = doc[min(1, doc.page_count - 1)]
            page.insert_text((60, page.rect.height - 120), f"基准副本编号 {number} 测试文字", fontname="china-s", fontsize=9)
            doc.save(target, garbage=1, deflate=True)
            doc.close()
        out.append(target)
    return out


_INDEX_CHILD = r"""
import json, sys, time
sys.path.insert(0, sys.argv[1])
sys.path.insert(0, sys.argv[1] + "/benchmarks")
from memory import peak_rss_mb
from reader.library import Library
from reader.index.indexing import LibraryIndexer
started = time.perf_counter()
report = LibraryIndexer(Library(sys.argv[2])).index_paths(sys.argv[3:])
elapsed = time.perf_counter() - started
print(json.dumps({"seconds": elapsed, "indexed": len(report.indexed), "failed": len(report.failed),
                  "peak_rss_mb": peak_rss_mb()}))
"""


def index_in_subprocess(library: Path, paths: list[Path]) -> dict:
    env = dict(os.environ, READER_LIBRARY=str(library))
    done = subprocess.run([sys.executable, "-c", _INDEX_CHILD, str(REPO), str(library), *map(str, paths)],
                          capture_output=True, text=True, env=env, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def queries() -> list[str]:
    from test_search_sample import QUERIES, line_break_queries

    truth = json.loads(TRUTH.read_text(encoding="utf-8"))
    return [q for q in QUERIES if q.strip()] + line_break_queries(truth)


def recall_precision(library_root: Path) -> dict:
    from test_search_sample import _score, line_break_queries, QUERIES
    from reader.index.search import LibrarySearcher
    from reader.library import Library

    truth = json.loads(TRUTH.read_text(encoding="utf-8"))
    recall, precision, misses, expected = _score(LibrarySearcher(Library(library_root)), truth,
                                                 QUERIES + line_break_queries(truth))
    return {"recall": recall, "precision": round(precision, 4), "expected_pages": expected, "missed_queries": len(misses)}


def time_searches(library_root: Path, query_list: list[str], repeats: int) -> dict:
    from reader.index.query import parse_query
    from reader.index.search import LibrarySearcher
    from reader.library import Library

    from reader.index.analyzer import jieba_module

    opened = time.perf_counter()
    searcher = LibrarySearcher(Library(library_root))
    searcher.search("预热")  # opens the index
    open_ms = (time.perf_counter() - opened) * 1000
    jieba_module()  # the app loads jieba in the background before the first search is typed
    cold = []
    for query in query_list:  # first pass: page text not yet cached in memory
        started = time.perf_counter()
        searcher.search(query)
        cold.append((time.perf_counter() - started) * 1000)
    times, details_times, totals = [], [], []
    for _ in range(repeats):
        for query in query_list:
            started = time.perf_counter()
            results = searcher.search(query)
            times.append((time.perf_counter() - started) * 1000)
            totals.append(results.total_pages)
            if results.hits:
                started = time.perf_counter()
                searcher.details(results.hits[0], results.parsed)
                details_times.append((time.perf_counter() - started) * 1000)
    # yardsticks over the very same folded page text
    db = sqlite3.connect(Path(library_root) / "index" / "pages.sqlite3")
    rows = db.execute("SELECT id, folded, own_len FROM pages WHERE front_matter = 0").fetchall()
    texts = [(pid, folded[:own]) for pid, folded, own in rows]
    scan_times = []
    for _ in range(repeats):
        for query in query_list:
            parsed = parse_query(query)
            started = time.perf_counter()
            [pid for pid, text in texts if all(t in text for t in parsed.include)
             and not any(t in text for t in parsed.exclude)]
            scan_times.append((time.perf_counter() - started) * 1000)
    fts = sqlite3.connect(":memory:")
    build = time.perf_counter()
    fts.execute("CREATE VIRTUAL TABLE t USING fts5(body, tokenize='trigram')")
    fts.executemany("INSERT INTO t(rowid, body) VALUES (?, ?)", texts)
    fts_build = time.perf_counter() - build
    fts_times = []
    for _ in range(repeats):
        for query in query_list:
            parsed = parse_query(query)
            long_terms = [t for t in parsed.include if len(t) >= 3]
            short = [t for t in parsed.include if len(t) < 3]
            where = " AND ".join(["instr(body, ?) > 0"] * len(short) + ["instr(body, ?) = 0"] * len(parsed.exclude))
            started = time.perf_counter()
            if long_terms:
                match = " AND ".join('"' + t.replace('"', '""') + '"' for t in long_terms)
                sql = "SELECT rowid FROM t WHERE t MATCH ?" + (f" AND {where}" if where else "")
                fts.execute(sql, [match, *short, *parsed.exclude]).fetchall()
            else:
                sql = "SELECT rowid FROM t" + (f" WHERE {where}" if where else "")
                fts.execute(sql, [*short, *parsed.exclude]).fetchall()
            fts_times.append((time.perf_counter() - started) * 1000)
    return {
        "index_open_ms": round(open_ms, 1),
        "search_ms_first_pass_median": round(statistics.median(cold), 2),
        "search_ms_first_pass_p95": round(percentile(cold, 0.95), 2),
        "search_ms_median": round(statistics.median(times), 2),
        "search_ms_p95": round(percentile(times, 0.95), 2),
        "search_ms_max": round(max(times), 2),
        "details_ms_median": round(statistics.median(details_times), 2) if details_times else None,
        "substring_scan_ms_median": round(statistics.median(scan_times), 2),
        "substring_scan_ms_p95": round(percentile(scan_times, 0.95), 2),
        "fts5_trigram_ms_median": round(statistics.median(fts_times), 3),
        "fts5_trigram_ms_p95": round(percentile(fts_times, 0.95), 3),
        "fts5_trigram_build_s": round(fts_build, 2),
        "pages_searched": len(texts),
        "median_hits_per_query": statistics.median(totals) if totals else 0,
    }


def run(args) -> dict:
    quick = bool(getattr(args, "quick", False))
    count = 10 if quick else 100
    if not SAMPLE.exists():
        return {"search_skipped": "shared corpus absent"}
    work = Path(tempfile.mkdtemp(prefix="bench-search-"))
    figures: dict = {}
    one = [index_in_subprocess(work / f"lib84-{i}", [SAMPLE]) for i in range(1 if quick else 3)]
    figures["index_s_84"] = round(statistics.median(r["seconds"] for r in one), 3)
    figures.update({f"search_84_{k}": v for k, v in recall_precision(work / "lib84-0").items()})
    copies = make_copies(count, work / "copies")
    many = index_in_subprocess(work / "lib-many", [work / "copies"])
    figures[f"index_s_{count}"] = round(many["seconds"], 1)
    figures[f"index_peak_rss_mb_{count}"] = round(many["peak_rss_mb"], 1)
    figures[f"index_failed_{count}"] = many["failed"]
    figures["compilations"] = len(copies)
    timing = time_searches(work / "lib-many", queries(), repeats=1 if quick else 3)
    figures.update(timing)
    if not getattr(args, "keep", False):
        import shutil

        shutil.rmtree(work, ignore_errors=True)
    else:
        figures["work_dir"] = str(work)
    return figures


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--keep", action="store_true")
    print(json.dumps(run(parser.parse_args()), ensure_ascii=False))
