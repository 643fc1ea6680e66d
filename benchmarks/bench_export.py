"""Export benchmark: 2,000 annotations on the shared compilation to Word and Markdown.

The annotations are realistic: 2,000 sentence-sized spans of the sample's clean text spread over
all its documents, anchored through the annotation layer (quote, rects, document, 文号, clause
path) and stored in a fresh SQLite store; one or two themes each, a note on 40 %.
Timed: ``run_export`` end to end (read the store, load cached structure, group, render, write the
file atomically), medians.

Figures: export_docx_s_2000 (target ≤ 5 s), export_md_s_2000 (target ≤ 1 s),
export_pdf_s_2000 (annotated PDF, for context), export_entries_2000 (entries placed, theme grouping).
Run: python benchmarks/bench_export.py [--quick] (or via benchmarks/run.py).
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO.parent / "shared" / "corpus" / "policy-2024-12.pdf"
sys.path.insert(0, str(REPO))

COUNT = 2000


def _sentence_spans(text: str, count: int, rng: random.Random) -> list[tuple[int, int]]:
    """``count`` spans of 12–120 characters, starting at sentence starts, spread over the text."""
    starts = [0] + [i + 1 for i, ch in enumerate(text) if ch in "。；\n" and i + 1 < len(text)]
    spans = []
    for _ in range(count):
        start = rng.choice(starts)
        end = min(len(text), start + rng.randint(12, 120))
        while start < end and text[start].isspace():
            start += 1
        if end - start >= 6:
            spans.append((start, end))
    return spans


def _fill_store(library, sample: Path, rng: random.Random) -> int:
    from reader.annotations import AnnotationStore
    from reader.annotations.spans import annotation_for_span
    from reader.document import Document
    from reader.structure import load_structure

    entry = library.add(sample)
    with Document.open(sample) as doc:
        comp = load_structure(doc, library.structure_cache_dir)
    store = AnnotationStore(library.annotations_db)
    try:
        themes = [t.name for t in store.themes()]
        annotations = []
        for start, end in _sentence_spans(comp.text, COUNT, rng):
            picked = rng.sample(themes, rng.choice((1, 1, 2)))
            note = "需要跟进：" + comp.text[start:start + 20] if rng.random() < 0.4 else ""
            try:
                annotations.append(annotation_for_span(comp, start, end, pdf=entry.path, themes=picked, note=note))
            except Exception:  # a span of separators only: pick another
                continue
        store.put_many(annotations)
        return len(annotations)
    finally:
        store.close()


def run(args: argparse.Namespace | None = None) -> dict:
    from reader.export import ExportOptions, run_export
    from reader.library import Library

    if not SAMPLE.exists():
        return {"export_skipped": "shared sample not found"}
    rounds = 2 if getattr(args, "quick", False) else 5
    with tempfile.TemporaryDirectory() as tmp:
        library = Library(Path(tmp) / "library")
        stored = _fill_store(library, SAMPLE, random.Random(7))
        figures: dict = {"export_annotations": stored}
        for fmt in ("md", "docx", "pdf"):
            times, result = [], None
            for index in range(rounds if fmt != "pdf" else max(1, rounds // 2)):
                out = Path(tmp) / f"out{index}.{fmt}"
                start = time.perf_counter()
                result = run_export(library, ExportOptions(format=fmt, group="theme"), out)
                times.append(time.perf_counter() - start)
            figures[f"export_{fmt}_s_2000"] = round(statistics.median(times), 3)
            if fmt == "docx":
                figures["export_entries_2000"] = result.entries  # type: ignore[union-attr]
    return figures


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true")
    print(json.dumps(run(parser.parse_args()), ensure_ascii=False))
