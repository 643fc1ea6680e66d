"""Structure benchmark: full analysis of the shared 84-page compilation and loading its cache.

Figures (medians):
- structure_s: `reader.structure.analyze` on an open document (rows, furniture, clean text,
  documents, clauses) — target ≤ 1.5 s;
- structure_cache_load_ms: `load_structure` when the cache file exists (hash of the file is
  already known, as when the library has it) — target ≤ 30 ms;
- structure_documents / structure_clauses / structure_chars: what was found, for context.
Run: python benchmarks/bench_structure.py [--quick] (or via benchmarks/run.py).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO.parent / "shared" / "corpus" / "policy-2024-12.pdf"
sys.path.insert(0, str(REPO))


def run(args: argparse.Namespace | None = None) -> dict:
    from reader.document import Document
    from reader.structure import analyze, load_structure

    if not SAMPLE.exists():
        return {"structure_skipped": "shared sample not found"}
    quick = bool(getattr(args, "quick", False))
    rounds = 3 if quick else 7
    with Document.open(SAMPLE) as doc:
        doc.content_hash  # noqa: B018 - hash once, outside the timings
        analyse_times = []
        for _ in range(rounds):
            start = time.perf_counter()
            comp = analyze(doc)
            analyse_times.append(time.perf_counter() - start)
        with tempfile.TemporaryDirectory() as cache_dir:
            load_structure(doc, Path(cache_dir))
            load_times = []
            for _ in range(rounds * 3):
                start = time.perf_counter()
                cached = load_structure(doc, Path(cache_dir))
                load_times.append((time.perf_counter() - start) * 1000)
            assert cached.text == comp.text
    return {
        "structure_s": round(statistics.median(analyse_times), 3),
        "structure_cache_load_ms": round(statistics.median(load_times), 2),
        "structure_documents": len(comp.documents),
        "structure_clauses": sum(1 for _ in comp.iter_clauses()),
        "structure_chars": len(comp.text),
    }


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true")
    print(json.dumps(run(parser.parse_args()), ensure_ascii=False))
