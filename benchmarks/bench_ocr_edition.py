"""The scanned edition of the shared compilation: documents and search through OCR, as a user gets them.

All 84 pages are rendered as a grey, skewed, JPEG-compressed scan (benchmarks/make_scan.py) and
rebuilt as an image-only PDF. Then, through the command line as an outside check would:
``index`` (which OCRs the pages), ``outline --json`` of the scan against ``outline --json`` of the
text edition (documents at the same start page with the same title, whitespace and punctuation
ignored), and the search acceptance's listed and line-break queries against the truth pages.

    python benchmarks/bench_ocr_edition.py [--pages 0-83] [--work DIR]

With ``--work DIR`` the scan and its OCR cache are kept there: a second run re-reads only the
structure and the index (minutes less on this machine).

Targets (issue 13): at most one document missed; search recall ≥ 95 %.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT / "tests" / "acceptance"))

CORPUS = ROOT.parent / "shared" / "corpus"
SOURCE = CORPUS / "policy-2024-12.pdf"
TRUTH = CORPUS / "policy-2024-12.truth.json"


def _cli(*argv: str, library: Path) -> dict:
    done = subprocess.run([sys.executable, "-m", "reader", *argv, "--library", str(library), "--json"],
                          capture_output=True, text=True, encoding="utf-8", cwd=ROOT,
                          env=dict(os.environ, PYTHONPATH=str(ROOT)))
    if done.returncode not in (0, 2) or not done.stdout.strip():
        raise SystemExit(f"{argv[0]} failed ({done.returncode}): {done.stderr[-500:]}")
    return json.loads(done.stdout)


def _key(title: str) -> str:
    return re.sub(r"[\s\W_]+", "", title or "")


def run(args: argparse.Namespace) -> dict:
    from make_scan import make_scan

    if not SOURCE.exists():
        return {"ocr_edition_skipped": "shared sample absent"}
    from reader.index.search import LibrarySearcher
    from reader.library import Library
    from test_search_sample import QUERIES, _score, line_break_queries

    # A kept work folder keeps the scan and its OCR cache: a second run re-reads only the structure.
    work = Path(args.work) if getattr(args, "work", None) else Path(tempfile.mkdtemp(prefix="ocr-edition-"))
    pages = None
    if getattr(args, "pages", None):
        first, last = (int(p) for p in args.pages.split("-"))
        pages = list(range(first, last + 1))
    scan = work / ("scan.pdf" if pages is None else f"scan-{args.pages}.pdf")
    if not scan.exists():
        make_scan(SOURCE, scan, pages=pages)
    library = work / "lib"
    if library.exists():  # a kept folder: keep only the OCR cache, so the index and structure are made anew
        for item in library.iterdir():
            if item.name != "cache":
                shutil.rmtree(item) if item.is_dir() else item.unlink()
        shutil.rmtree(library / "cache" / "structure", ignore_errors=True)
    started = time.monotonic()
    report = _cli("index", str(scan), library=library)
    index_s = time.monotonic() - started
    scanned = _cli("outline", str(scan), library=library)
    text = _cli("outline", str(SOURCE), library=work / "text-lib")
    want = [(d["start_page"], _key(d["title"])) for d in text["documents"]]
    got = {(d["start_page"], _key(d["title"])) for d in scanned["documents"]}
    if pages is not None:
        want = [w for w in want if w[0] in range(len(pages))]
    missed = [w for w in want if w not in got]
    truth = json.loads(TRUTH.read_text(encoding="utf-8"))
    if pages is not None:
        truth = {**truth, "pages": [p for p in truth["pages"] if p["page_index"] in pages]}
    recall, precision, misses, expected = _score(LibrarySearcher(Library(library)), truth,
                                                 [q for q in QUERIES if q.strip()] + line_break_queries(truth))
    figures = {
        "ocr_edition_pages": len(pages) if pages else text.get("page_count"),
        "ocr_edition_index_s": round(index_s, 1),
        "ocr_edition_index_failed": len(report.get("failed", [])),
        "ocr_edition_documents_expected": len(want),
        "ocr_edition_documents_missed": len(missed),
        "ocr_edition_documents_found": len(scanned["documents"]),
        "ocr_edition_search_recall": round(recall, 4),
        "ocr_edition_search_precision": round(precision, 4),
        "ocr_edition_search_expected_pages": expected,
    }
    for page, title in missed:
        print(f"  missed document p{page}: {title[:40]}", file=sys.stderr)
    for query, pages_missed in list(misses.items())[:20]:
        print(f"  search {query!r}: missed pages {pages_missed}", file=sys.stderr)
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", help="0-based range of the compilation to scan, e.g. 0-20 (default all)")
    parser.add_argument("--work", help="folder kept between runs for the scan and its library (OCR cache); "
                                       "default a new temporary folder")
    print(json.dumps(run(parser.parse_args()), ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
