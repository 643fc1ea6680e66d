"""Team library benchmark on a throwaway local PostgreSQL cluster (tests/team/pgcluster.py).

Figures:
- team_first_sync_s: a new member's first sync of a team of 50 members × 2,000 annotations
  (100,000 rows pulled and written into an empty local store);
- team_push_100_s / team_pull_100_s: an incremental sync of 100 edited annotations, pushed by one
  member and pulled by another (each sync reads only what the store's change counter names, not
  the whole local store);
- team_search_ms_median / _p95 over 1,000 generated compilations (84,000 pages; the shared sample's
  page text, each copy with its own inserted line, as the search benchmark's copies), with
  local_search_ms_median / _p95 of the local index over the same text for N copies beside it (the
  local index is built by indexing real PDF copies; building 1,000 takes too long here, so N is
  smaller: --local-copies, default 30) and team_search_ms_*_same_n over the same N copies; every
  search finds and counts all matching pages (cover and contents pages included, on both sides);
  team_search_ms_*_shown: the same 1,000 with the window's limit (300 pages listed, all counted);
The 50 members' rows are seeded by the administrator in bulk (one version per member, as 50
pushes would leave them); everything measured runs the app's own sync and search code.
Run: python benchmarks/bench_team.py [--quick] (or via benchmarks/run.py).
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DISPLAY_LIMIT = 300  # pages the window lists (reader/ui/search_panel.py); the total is always counted
SAMPLE = REPO.parent / "shared" / "corpus" / "policy-2024-12.pdf"
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))
sys.path.insert(0, str(REPO / "tests" / "team"))
sys.path.insert(0, str(REPO / "tests" / "acceptance"))


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def _templates(comp, count: int, seed: int = 3) -> list:
    """``count`` real annotations of the sample: random spans anchored by the app's own code."""
    from reader.annotations.spans import annotation_for_span

    rng = random.Random(seed)
    out = []
    while len(out) < count:
        start = rng.randrange(0, len(comp.text) - 40)
        end = start + rng.randrange(8, 40)
        if comp.text[start:end].strip():
            out.append(annotation_for_span(comp, start, end, themes=["数字经济"], note="基准"))
    return out


def _seed_members(admin_url: str, comp, members: int, per_member: int) -> list[dict]:
    from psycopg.types.json import Jsonb

    from reader.team.admin import add_member, init_team
    from reader.team.connection import connect
    from reader.team.records import annotation_record

    init_team(admin_url)
    added = [add_member(admin_url, f"成员{n:02d}") for n in range(members)]
    templates = _templates(comp, per_member)
    with connect(admin_url) as conn:
        with conn.transaction():
            conn.execute("INSERT INTO themes (name, record, version) VALUES (%s, %s, 1)",
                         ("数字经济", Jsonb({"name": "数字经济", "name_en": "Digital economy", "color": "#1e88e5",
                                              "keywords": []})))
            for version, member in enumerate(added, start=1):
                with conn.cursor().copy("COPY annotations (id, content_hash, page_index, author, visibility, record, "
                                        "created, modified, version) FROM STDIN") as copy:
                    for i, ann in enumerate(templates):
                        record = annotation_record(ann.copy(id=f"m{version:02d}a{i:05d}", note=f"{member['member']} {i}"))
                        copy.write_row((record["id"], record["content_hash"], record["page_index"], member["member"],
                                        "team", json.dumps(record, ensure_ascii=False), record["created"],
                                        record["modified"], version))
            conn.execute("UPDATE library SET version = %s", (members,))
    return added


def _member_library(root: Path, url: str, name: str, lib_path: Path):
    from reader.annotations.service import open_store
    from reader.library import Library
    from reader.team.sync import TeamSync

    library = Library(lib_path)
    library.add(SAMPLE)
    store = open_store(library, backup=False)
    sync = TeamSync(library, store)
    sync.join(url, name)
    return library, store, sync


def _sync_figures(admin_url: str, comp, work: Path, members: int, per_member: int) -> dict:
    from reader.annotations.service import open_store
    from reader.library import Library
    from reader.team.admin import add_member
    from reader.team.state import TeamState
    from reader.team.sync import TeamSync

    started = time.perf_counter()
    _seed_members(admin_url, comp, members, per_member)
    seed_s = time.perf_counter() - started
    newcomer = add_member(admin_url, "新同事")
    colleague = add_member(admin_url, "老同事")
    library, store, sync = _member_library(work, newcomer["url"], "新同事", work / "new")
    started = time.perf_counter()
    first = sync.sync()
    first_s = time.perf_counter() - started
    count = len(store.list())
    store.close()
    # The colleague's laptop: the same synced library, joined under the colleague's own login.
    shutil.copytree(work / "new", work / "colleague")
    state = TeamState(work / "colleague")
    with state.tx() as db:
        state.set_meta(db, url=colleague["url"], role=colleague["member"], name="老同事")
    store = open_store(Library(work / "new"), backup=False)
    for ann in store.list()[:100]:
        store.update(ann.id, note=ann.note + " 已复核")
    started = time.perf_counter()
    pushed = TeamSync(Library(work / "new"), store).sync()
    push_s = time.perf_counter() - started
    store.close()
    other = open_store(Library(work / "colleague"), backup=False)
    started = time.perf_counter()
    pulled = TeamSync(Library(work / "colleague"), other).sync()
    pull_s = time.perf_counter() - started
    other.close()
    return {"team_members": members, "team_annotations": members * per_member, "team_seed_s": round(seed_s, 1),
            "team_first_sync_s": round(first_s, 1), "team_first_sync_rows": first.pulled,
            "team_first_sync_local_count": count, "team_push_100_s": round(push_s, 2),
            "team_pushed": pushed.pushed, "team_pull_100_s": round(pull_s, 2), "team_pulled": pulled.pulled}


def _share_copies(admin_url: str, comp, copies: int) -> float:
    """``copies`` compilations: the sample's pages, each copy with its own line on page 2 (as bench_search).

    Loaded in bulk as a restore would: the two GIN indexes are dropped, the rows copied, the
    indexes built again (building a GIN index once is many times faster than growing it per row).
    """
    from psycopg.types.json import Jsonb

    from reader.index.normalize import fold
    from reader.team.connection import connect
    from reader.team.records import PAGE_COLUMNS, character_grams, compilation_rows

    row, pages = compilation_rows(comp, "政策汇编")
    at = {name: i for i, name in enumerate(PAGE_COLUMNS)}
    started = time.perf_counter()
    with connect(admin_url) as conn, conn.transaction():
        conn.execute("SET LOCAL maintenance_work_mem = '256MB'")
        conn.execute("DROP INDEX pages_folded_trgm")
        conn.execute("DROP INDEX pages_grams")
        for number in range(copies):
            content_hash = f"copy{number:04d}" + comp.content_hash[8:]
            conn.execute("INSERT INTO compilations (content_hash, title, page_count, page_labels, documents) "
                         "VALUES (%s, %s, %s, %s, %s)", (content_hash, f"政策汇编 第 {number + 1} 辑", row["page_count"],
                                                         Jsonb(row["page_labels"]), Jsonb(row["documents"])))
            with conn.cursor().copy(f"COPY pages ({', '.join(PAGE_COLUMNS)}) FROM STDIN") as copy:
                for page_row in pages:
                    values = list(page_row)
                    values[at["content_hash"]] = content_hash
                    if values[at["page_index"]] == 1:
                        values[at["text"]] += f"\n基准副本编号 {number} 测试文字"
                        own = fold(values[at["text"]])
                        values[at["folded"]] = own + values[at["folded"]][values[at["own_len"]]:]
                        values[at["own_len"]] = len(own)
                        values[at["grams"]] = character_grams(values[at["folded"]])
                    copy.write_row(values)
        conn.execute("CREATE INDEX pages_folded_trgm ON pages USING gin (folded gin_trgm_ops)")
        conn.execute("CREATE INDEX pages_grams ON pages USING gin (grams)")
    with connect(admin_url) as conn:
        conn.execute("VACUUM ANALYZE pages")
    return time.perf_counter() - started


def _time_team(url: str, queries: list[str], repeats: int, hashes: list[str] | None = None,
               limit: int | None = None) -> list[float]:
    """Milliseconds per search through TeamIndex (one kept connection, as the app's team PageIndex)."""
    from reader.index.search import SearchFilters
    from reader.team.search import TeamIndex

    index = TeamIndex(url)
    filters = SearchFilters(content_hashes=set(hashes) if hashes is not None else None, front_matter=True)
    index.search("预热", filters, limit=limit)  # connect once, as a window's first search does
    times = []
    for _ in range(repeats):
        for query in queries:
            started = time.perf_counter()
            index.search(query, filters, limit=limit)
            times.append((time.perf_counter() - started) * 1000)
    index.close()
    return times


def run(args) -> dict:
    if not SAMPLE.exists():
        return {"team_skipped": "shared corpus absent"}
    from tests.team.pgcluster import PgCluster, find_bindir

    bindir = find_bindir()
    if bindir is None:
        return {"team_skipped": "PostgreSQL not installed"}
    quick = bool(getattr(args, "quick", False))
    members, per_member = (5, 200) if quick else (50, 2000)
    copies = int(getattr(args, "copies", 0) or (20 if quick else 1000))
    local_copies = int(getattr(args, "local_copies", 0) or (5 if quick else 30))
    repeats = 1 if quick else 3

    from bench_search import index_in_subprocess, make_copies, queries

    from reader.document import Document
    from reader.structure import load_structure

    work = Path(tempfile.mkdtemp(prefix="bench-team-"))
    cluster = PgCluster(bindir)
    figures: dict = {}
    try:
        cluster.start()
        with Document.open(SAMPLE) as doc:
            comp = load_structure(doc, work / "structure")
        if not getattr(args, "search_only", False):
            figures.update(_sync_figures(cluster.create_database("team_sync"), comp, work, members, per_member))
        if getattr(args, "sync_only", False):
            return figures

        search_url = cluster.create_database("team_search")
        from reader.team.admin import init_team

        init_team(search_url)
        figures["team_search_load_s"] = round(_share_copies(search_url, comp, copies), 1)
        query_list = queries()
        team_times = _time_team(search_url, query_list, repeats)
        figures.update({"team_search_compilations": copies, "team_search_pages": copies * comp.page_count,
                        "team_search_ms_median": round(statistics.median(team_times), 1),
                        "team_search_ms_p95": round(_percentile(team_times, 0.95), 1)})
        shown_times = _time_team(search_url, query_list, repeats, limit=DISPLAY_LIMIT)
        figures.update({"team_search_ms_median_shown": round(statistics.median(shown_times), 1),
                        "team_search_ms_p95_shown": round(_percentile(shown_times, 0.95), 1)})

        same_n = [f"copy{n:04d}" + comp.content_hash[8:] for n in range(local_copies)]
        same_times = _time_team(search_url, query_list, repeats, same_n)
        figures.update({"team_search_ms_median_same_n": round(statistics.median(same_times), 1),
                        "team_search_ms_p95_same_n": round(_percentile(same_times, 0.95), 1)})
        paths = make_copies(local_copies, work / "copies")
        index_in_subprocess(work / "local", [work / "copies"])
        from reader.index.search import LibrarySearcher
        from reader.library import Library

        from reader.index.search import SearchFilters

        searcher = LibrarySearcher(Library(work / "local"))
        searcher.search("预热")
        local_times = []
        for _ in range(repeats):
            for query in query_list:
                started = time.perf_counter()
                searcher.search(query, SearchFilters(front_matter=True))
                local_times.append((time.perf_counter() - started) * 1000)
        figures.update({"local_search_compilations": len(paths),
                        "local_search_ms_median": round(statistics.median(local_times), 1),
                        "local_search_ms_p95": round(_percentile(local_times, 0.95), 1),
                        "team_queries": len(query_list)})
    finally:
        cluster.destroy()
        shutil.rmtree(work, ignore_errors=True)
    return figures


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--local-copies", type=int, default=0)
    parser.add_argument("--search-only", action="store_true", help="skip the sync figures")
    parser.add_argument("--sync-only", action="store_true", help="skip the search figures")
    parser.add_argument("--copies", type=int, default=0, help="team compilations for search (default 1000)")
    print(json.dumps(run(parser.parse_args()), ensure_ascii=False))
