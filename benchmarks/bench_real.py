"""Scoreboard on real official PDFs: documents, 文号, articles, report headings and search.

Reads every PDF that has a truth entry in ``../shared/corpus/real/expected.json`` and in any
``expected.json`` under ``tests/data/real/`` (same schema), runs the core the way
``python -m reader outline|index|search --json`` does, and prints per file and in total:

- documents right: an expected document found with the same start page and title (titles compared
  without whitespace and punctuation; a document printed without a title matches on its start page);
  attachments are checked the same way against the found document's attachments;
- extra splits: found documents (top level) that match no expected document;
- 文号 right: on expected documents that print one (a found number may carry the issuer's longer name
  in front, 中华人民共和国国务院令 for 国务院令);
- articles found / expected (clauses of kind ``article``), report section headings found;
- search page recall and precision with the default search (front matter excluded): every expected
  page must be hit, except pages listed in ``front_matter_pages``; a ``cross_page`` phrase is found
  when either page is hit; ``image_only`` phrases (pages without a text layer, read through OCR) are
  counted apart (``real_ocr_search_recall``), since the recall target is for pages with a text layer;
- for context, dates (the 题注's amendment dates accepted for a law) and issuers right;
- the shared sample's documents (16) and 文号 (9) from ``policy-2024-12.truth.json``.

Pages are read as ``python -m reader outline`` reads them: pages without usable text (scans) are
OCR'd (``reader.ocr.auto.ensure_ocr``). The structure cache (keyed by content hash and
FORMAT_VERSION) and the OCR cache (per content hash, page and engine) are kept between runs in the
system's temp folder, so a second run only re-indexes. Run: ``python benchmarks/bench_real.py [--quiet]``.
"""


import argparse
import json
import re
import sys
import tempfile
import time
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared" / "corpus"
REAL_DIRS = [SHARED / "real", REPO / "tests" / "data" / "real"]
SAMPLE = SHARED / "policy-2024-12.pdf"
SAMPLE_TRUTH = SHARED / "policy-2024-12.truth.json"
CACHE_DIR = Path(tempfile.gettempdir()) / "reader-bench-real" / "structure"
OCR_DIR = CACHE_DIR.parent / "ocr"  # reader.ocr.store.ocr_root_for(CACHE_DIR)
sys.path.insert(0, str(REPO))

THRESHOLDS = {  # issue 10, "done when"
    "documents_right": 0.95,
    "extra_splits_max": 0.05,
    "doc_numbers_right": 1.0,
    "articles_found": 0.98,
    "report_headings_found": 1.0,
    "search_recall": 1.0,
    "search_precision": 0.95,
}


def norm(text: str | None) -> str:
    """Text without whitespace and punctuation, width-folded: how titles and numbers are compared."""
    folded = unicodedata.normalize("NFKC", text or "")
    return "".join(ch for ch in folded if not ch.isspace() and not unicodedata.category(ch).startswith(("P", "S")))


def truth_files(extra: list[Path] | None = None) -> list[tuple[Path, dict]]:
    """(pdf path, truth entry) for every PDF with a truth, shared set first."""
    out: list[tuple[Path, dict]] = []
    for folder in [*REAL_DIRS, *(extra or [])]:
        if not folder.is_dir():
            continue
        for expected in sorted(folder.rglob("expected.json")):
            try:
                data = json.loads(expected.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                continue
            for name, entry in sorted(data.get("pdfs", {}).items()):
                pdf = expected.parent / name
                if pdf.is_file():
                    out.append((pdf, entry))
    return out


@dataclass
class FileScore:
    name: str
    documents: int = 0
    documents_right: int = 0
    extra_splits: int = 0
    found_documents: int = 0
    attachments: int = 0
    attachments_right: int = 0
    numbers: int = 0
    dates: int = 0
    dates_right: int = 0
    issuers: int = 0
    issuers_right: int = 0
    numbers_right: int = 0
    articles_expected: int = 0
    articles_found: int = 0
    headings: int = 0
    headings_found: int = 0
    recall_needed: int = 0
    recall_hit: int = 0
    hits: int = 0
    hits_right: int = 0
    ocr_needed: int = 0  # pages of image_only phrases (read through OCR) to hit
    ocr_hit: int = 0
    error: str = ""
    problems: list[str] = field(default_factory=list)


def _walk(clauses):
    for clause in clauses:
        yield clause
        yield from _walk(clause.children)


def _expected_attachments(doc: dict) -> list[dict]:
    if doc.get("attachments"):
        return list(doc["attachments"])
    return [doc["attachment"]] if doc.get("attachment") else []


def _number_right(found: str | None, expected: str) -> bool:
    """Equal without whitespace and punctuation; an order number (国务院令第535号) may be printed with
    the issuer's full name in front (中华人民共和国国务院令 第535号)."""
    got, want = norm(found), norm(expected)
    return bool(got) and (got == want or ("令" in want and got.endswith(want)))


def score_structure(comp, entry: dict, score: FileScore) -> None:
    documents = comp.documents
    score.found_documents = len(documents)
    matched: set[int] = set()
    for want in entry.get("documents", []):
        score.documents += 1
        title = norm(want.get("title"))
        chosen = None
        for index, doc in enumerate(documents):
            if doc.start_page == want["start_page"] and (not title or norm(doc.title) == title):
                chosen = index
                break
        if chosen is None:
            near = [f"p{d.start_page}:{d.title[:30]}" for d in documents if abs(d.start_page - want["start_page"]) <= 1]
            score.problems.append(f"document p{want['start_page']} {want.get('title')!r} not found (near: {near})")
        else:
            matched.add(chosen)
            score.documents_right += 1
        doc = documents[chosen] if chosen is not None else None
        if want.get("doc_number"):
            score.numbers += 1
            if doc is not None and _number_right(doc.doc_number, want["doc_number"]):
                score.numbers_right += 1
            else:
                score.problems.append(f"文号 {want['doc_number']!r}: got {doc.doc_number if doc else None!r}")
        if want.get("date"):
            score.dates += 1
            allowed = [want["date"], *want.get("date_alt", [])]
            if doc is not None and doc.date in allowed:
                score.dates_right += 1
            else:
                score.problems.append(f"date {want['date']!r}: got {doc.date if doc else None!r}")
        if want.get("issuers"):
            score.issuers += 1
            if doc is not None and [norm(i) for i in doc.issuers] == [norm(i) for i in want["issuers"]]:
                score.issuers_right += 1
            else:
                score.problems.append(f"issuers {want['issuers']}: got {doc.issuers if doc else None}")
        for attached in _expected_attachments(want):
            score.attachments += 1
            found = getattr(doc, "attachments", []) if doc is not None else []
            if any(a.start_page == attached["start_page"] and norm(a.title) == norm(attached["title"]) for a in found):
                score.attachments_right += 1
            else:
                score.problems.append(f"attachment p{attached['start_page']} {attached['title']!r} not found "
                                      f"(got {[(a.start_page, a.title[:20]) for a in found]})")
    alt_pages = {w["start_page"] for w in entry.get("documents", []) if w.get("acceptable_alt")}
    extra = [d for i, d in enumerate(documents) if i not in matched and d.start_page not in alt_pages]
    score.extra_splits = len(extra)
    if extra:
        score.problems.append("extra: " + "; ".join(f"p{d.start_page}:{d.title[:30]}" for d in extra[:5]))
    all_clauses = [c for d in documents for c in _walk(d.clauses)]
    all_clauses += [c for d in documents for a in getattr(d, "attachments", []) for c in _walk(a.clauses)]
    if entry.get("articles"):
        score.articles_expected = entry["articles"]
        found = sum(1 for c in all_clauses if c.kind == "article")
        score.articles_found = found
        if found != entry["articles"]:
            score.problems.append(f"articles {found}/{entry['articles']}")
    heads = {norm(c.label + c.heading) for c in all_clauses}
    for heading in entry.get("headings_h1", []):
        score.headings += 1
        if any(h.startswith(norm(heading)) for h in heads):
            score.headings_found += 1
        else:
            score.problems.append(f"heading {heading!r} not found")


def score_search(searcher, content_hash: str, entry: dict, score: FileScore) -> None:
    from reader.index.search import SearchFilters

    front = set(entry.get("front_matter_pages", []))
    for item in entry.get("search", []):
        expected = set(item["expected_pages"])
        results = searcher.search(item["query"], SearchFilters(content_hashes={content_hash}))
        pages = {hit.page_index for hit in results.hits}
        if item.get("type") == "image_only":
            needed = expected - front  # a cover is left out of default search, scanned or not
            score.ocr_needed += len(needed)
            score.ocr_hit += len(needed & pages)
            if needed - pages:
                score.problems.append(f"OCR search {item['query']!r}: missed pages {sorted(needed - pages)}")
            continue
        score.hits += len(pages)
        score.hits_right += len(pages & expected)
        if pages - expected:
            score.problems.append(f"search {item['query']!r}: extra pages {sorted(pages - expected)}")
        if item.get("type") == "cross_page":
            if expected - front:
                score.recall_needed += 1
                score.recall_hit += bool(pages & expected)
                if not pages & expected:
                    score.problems.append(f"search {item['query']!r}: none of {sorted(expected)} hit")
            continue
        needed = expected - front
        score.recall_needed += len(needed)
        score.recall_hit += len(needed & pages)
        if needed - pages:
            score.problems.append(f"search {item['query']!r}: missed pages {sorted(needed - pages)}")


def score_sample() -> dict:
    """Documents (start page + title) and 文号 of the shared sample against its truth file."""
    from reader.document import Document
    from reader.structure import load_structure

    if not SAMPLE.exists() or not SAMPLE_TRUTH.exists():
        return {}
    truth = json.loads(SAMPLE_TRUTH.read_text(encoding="utf-8"))
    with Document.open(SAMPLE) as doc:
        comp = load_structure(doc, CACHE_DIR)
    found = {(d.start_page, norm(d.title)): d for d in comp.documents}
    right = sum((d["page_index"], norm(d["title"])) in found for d in truth["documents"])
    # The truth prints each document's 文号 as a line of its own on the document's pages.
    pages = {p["page_index"]: p["lines"] for p in truth["pages"]}
    starts = [d["page_index"] for d in truth["documents"]] + [max(pages) + 1]
    number_line = re.compile(r"^\S{1,16}(?:〔\d{4}〕\d{1,5}|\d{4}年第\d{1,4})号$")
    numbers = numbers_right = 0
    by_start = {d.start_page: d for d in comp.documents}
    for k, want in enumerate(truth["documents"]):
        lines = [l for p in range(starts[k], starts[k + 1]) for l in pages.get(p, [])]
        printed = next((norm(l) for l in lines if number_line.match("".join(l.split()))), None)
        if printed:
            numbers += 1
            doc = by_start.get(want["page_index"])
            numbers_right += bool(doc and norm(doc.doc_number) == printed)
    return {"sample_documents": f"{right}/{len(truth['documents'])}", "sample_documents_right": right,
            "sample_documents_expected": len(truth["documents"]), "sample_documents_found": len(comp.documents),
            "sample_doc_numbers": f"{numbers_right}/{numbers}", "sample_doc_numbers_right": numbers_right,
            "sample_doc_numbers_expected": numbers}


def evaluate(verbose: bool = True, extra: list[Path] | None = None) -> dict:
    """Score every real PDF with a truth; returns totals (and per-file rows under ``files``)."""
    from reader.document import Document
    from reader.index.indexing import LibraryIndexer
    from reader.index.search import LibrarySearcher
    from reader.library import Library
    from reader.ocr.auto import ensure_ocr
    from reader.structure import load_structure

    files = truth_files(extra)
    started = time.perf_counter()
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    for (pdf, entry), score in zip(files, scores := [FileScore(pdf.name) for pdf, _ in files]):
        try:
            with Document.open(pdf) as doc:
                ensure_ocr(doc, CACHE_DIR)  # as `outline` does: scanned pages read through OCR
                comp = load_structure(doc, CACHE_DIR)
                content_hash = doc.content_hash
            score_structure(comp, entry, score)
        except Exception as exc:  # a crash is a result to report, not a reason to stop
            score.error = f"{type(exc).__name__}: {exc}"
            continue
        # One library per file, as `index FILE` then `search --json` in a fresh library: a file the
        # indexer cannot take does not stop the others.
        with tempfile.TemporaryDirectory() as root:
            library = Library(Path(root) / "library")
            cache = library.structure_cache_dir
            cache.rmdir()  # created empty by Library(): use the persistent analysis cache instead
            cache.symlink_to(CACHE_DIR, target_is_directory=True)
            # and the OCR cache (indexing OCRs the scans, reader.index.ocr_step): once per machine, not per run
            OCR_DIR.mkdir(parents=True, exist_ok=True)
            (cache.parent / "ocr").symlink_to(OCR_DIR, target_is_directory=True)
            try:
                report = LibraryIndexer(library).index_paths([pdf])
                if report.failed:
                    score.error = f"index: {report.failed[0].get('error', '')}"
                    continue
                score_search(LibrarySearcher(library), content_hash, entry, score)
            except Exception as exc:
                score.error = f"index/search {type(exc).__name__}: {exc}"
    totals = _totals(scores)
    totals.update(score_sample())
    totals["real_seconds"] = round(time.perf_counter() - started, 1)
    if verbose:
        _print(scores, totals)
    totals["files"] = [s.__dict__ for s in scores]
    return totals


def _ratio(a: int, b: int) -> float:
    return round(a / b, 4) if b else 1.0


def _totals(scores: list[FileScore]) -> dict:
    def total(name: str) -> int:
        return sum(getattr(s, name) for s in scores)

    articles = sum(min(s.articles_found, s.articles_expected) for s in scores)
    return {
        "real_files": len(scores),
        "real_errors": sum(1 for s in scores if s.error),
        "real_documents_right": _ratio(total("documents_right"), total("documents")),
        "real_documents": f"{total('documents_right')}/{total('documents')}",
        "real_extra_splits": _ratio(total("extra_splits"), total("documents")),
        "real_extra_split_count": total("extra_splits"),
        "real_attachments": f"{total('attachments_right')}/{total('attachments')}",
        "real_doc_numbers_right": _ratio(total("numbers_right"), total("numbers")),
        "real_doc_numbers": f"{total('numbers_right')}/{total('numbers')}",
        "real_dates": f"{total('dates_right')}/{total('dates')}",
        "real_issuers": f"{total('issuers_right')}/{total('issuers')}",
        "real_articles_found": _ratio(articles, total("articles_expected")),
        "real_articles": f"{total('articles_found')}/{total('articles_expected')}",
        "real_report_headings_found": _ratio(total("headings_found"), total("headings")),
        "real_search_recall": _ratio(total("recall_hit"), total("recall_needed")),
        "real_search_precision": _ratio(total("hits_right"), total("hits")),
        "real_ocr_search_recall": _ratio(total("ocr_hit"), total("ocr_needed")),
        "real_ocr_search": f"{total('ocr_hit')}/{total('ocr_needed')}",
    }


def _print(scores: list[FileScore], totals: dict) -> None:
    header = f"{'file':42} {'docs':>5} {'extra':>5} {'att':>5} {'文号':>4} {'articles':>9} {'heads':>5} {'recall':>7} {'prec':>7}"
    print(header)
    for s in scores:
        articles = f"{s.articles_found}/{s.articles_expected}" if s.articles_expected else "-"
        heads = f"{s.headings_found}/{s.headings}" if s.headings else "-"
        print(f"{s.name[:42]:42} {s.documents_right}/{s.documents:<3} {s.extra_splits:>5} "
              f"{s.attachments_right}/{s.attachments:<3} {s.numbers_right}/{s.numbers:<2} {articles:>9} {heads:>5} "
              f"{s.recall_hit:>3}/{s.recall_needed:<3} {s.hits_right:>3}/{s.hits:<3}")
        if s.error:
            print(f"    ERROR {s.error}")
        for problem in s.problems[:8]:
            print(f"    - {problem}")
    print(json.dumps({k: v for k, v in totals.items() if k != "files"}, ensure_ascii=False))


def run(args: argparse.Namespace | None = None) -> dict:
    """benchmarks/run.py entry: the totals only."""
    if not truth_files():
        return {"real_skipped": "no real PDFs with a truth found"}
    totals = evaluate(verbose=False)
    totals.pop("files", None)
    return totals


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="accepted for run.py compatibility")
    parser.add_argument("--quiet", action="store_true", help="print only the totals")
    parser.add_argument("--dir", action="append", type=Path, default=[],
                        help="another folder holding expected.json files (same schema) and their PDFs")
    options = parser.parse_args()
    result = evaluate(verbose=not options.quiet, extra=options.dir)
    if options.quiet:
        result.pop("files", None)
        print(json.dumps(result, ensure_ascii=False))
