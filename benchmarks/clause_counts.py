"""Clause trees on the real set: law articles found / expected and report section headings found.

Reads ``../shared/corpus/real/expected.json`` (``articles`` per law, ``headings_h1`` per report or
notice) and prints one line per file, then the overall article recall (target ≥ 98 %).
Run: python benchmarks/clause_counts.py [--missing]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
REAL = REPO.parent / "shared" / "corpus" / "real"
sys.path.insert(0, str(REPO))


def _squash(text: str) -> str:
    return "".join(text.split())


def _whole_file_clauses(doc, comp) -> list:
    """The clause tree of the whole file read as one document (title = its first paragraph), so the
    clause rules are measured apart from where document detection puts the documents' starts."""
    from reader.document import MUPDF_LOCK
    from reader.structure.blocks import build_paragraphs
    from reader.structure.builder import build_clean_text
    from reader.structure.clauses import find_clauses
    from reader.structure.furniture import mark_furniture
    from reader.structure.lines import extract_lines
    from reader.structure.paragraphs import body_size_of, layouts
    from reader.structure.tables import table_areas

    pages = extract_lines(doc.pdf, MUPDF_LOCK)
    body_size = body_size_of(pages)
    mark_furniture(pages, [h for _, h in comp.page_sizes], body_size)
    widths = [w for w, _ in comp.page_sizes]
    page_layouts = layouts(pages, widths, body_size)
    clean = build_clean_text(pages, page_layouts, widths)
    paragraphs = build_paragraphs(clean.text, clean.lines, page_layouts, widths)
    with MUPDF_LOCK:
        tables = table_areas(doc.pdf, pages)
    roots = find_clauses(comp, paragraphs[1:], len(clean.text), None, tables)

    def walk(clauses):
        for clause in clauses:
            yield clause
            yield from walk(clause.children)
    return list(walk(roots))


def _article_figures(clauses: list, expected: int, prefix: str) -> dict:
    from reader.structure.numerals import parse_chinese

    numbers = [parse_chinese(c.label[1:-1]) for c in clauses if c.kind == "article"]
    found = {n for n in numbers if n and 1 <= n <= expected}
    return {f"{prefix}articles_found": len(found), f"{prefix}articles_listed": len(numbers),
            f"{prefix}articles_missing": sorted(set(range(1, expected + 1)) - found)}


def measure(path: Path, truth: dict) -> dict:
    """Figures for one file: article numbers found in 1..N, the expected h1 headings found; also
    the articles found when the whole file is read as one document."""
    from reader.document import Document
    from reader.structure import analyze

    with Document.open(path) as doc:
        comp = analyze(doc)
        whole = _whole_file_clauses(doc, comp) if truth.get("articles") else []
    clauses = [c for _, c in comp.iter_clauses()]
    out: dict = {"clauses": len(clauses)}
    if truth.get("articles"):
        expected = truth["articles"]
        out["articles_expected"] = expected
        out.update(_article_figures(clauses, expected, ""))
        out.update(_article_figures(whole, expected, "whole_"))
    if truth.get("headings_h1"):
        seen = {_squash(c.label + c.heading) for c in clauses} | {_squash(c.label + " " + c.heading) for c in clauses}
        wanted = truth["headings_h1"]
        missing = [h for h in wanted if _squash(h) not in seen]
        out.update(headings_expected=len(wanted), headings_found=len(wanted) - len(missing),
                   headings_missing=missing)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--missing", action="store_true", help="list missing article numbers")
    args = parser.parse_args()
    if not (REAL / "expected.json").exists():
        print("real corpus not found")
        return
    truth = json.loads((REAL / "expected.json").read_text(encoding="utf-8"))["pdfs"]
    total_expected = total_found = whole_found = 0
    for name, entry in truth.items():
        if not (entry.get("articles") or entry.get("headings_h1")):
            continue
        figures = measure(REAL / name, entry)
        line = f"{name:42s}"
        if "articles_expected" in figures:
            total_expected += figures["articles_expected"]
            total_found += figures["articles_found"]
            whole_found += figures["whole_articles_found"]
            line += f" articles {figures['articles_found']}/{figures['articles_expected']}" \
                    f" (listed {figures['articles_listed']}; whole file as one document" \
                    f" {figures['whole_articles_found']}, listed {figures['whole_articles_listed']})"
            if args.missing and figures["articles_missing"]:
                line += f" missing {figures['articles_missing'][:30]}"
            if args.missing and figures["whole_articles_missing"]:
                line += f" missing as one document {figures['whole_articles_missing'][:30]}"
        if "headings_expected" in figures:
            line += f" headings {figures['headings_found']}/{figures['headings_expected']}"
            if figures["headings_missing"]:
                line += f" missing {figures['headings_missing']}"
        print(line)
    if total_expected:
        print(f"articles overall {total_found}/{total_expected} = {100 * total_found / total_expected:.1f} %;"
              f" whole files as one document {whole_found}/{total_expected}"
              f" = {100 * whole_found / total_expected:.1f} %")


if __name__ == "__main__":
    main()
