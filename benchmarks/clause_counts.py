"""Clause trees on the real set: law articles found / expected and report section headings found.

Reads ``../shared/corpus/real/expected.json`` (``articles`` per law, ``headings_h1`` per report or
notice) and prints one line per file, then the overall article recall (target ≥ 98 %), both in the
outline (documents as detected) and with each whole file read as one document (the clause rules
alone). Run: python benchmarks/clause_counts.py [--missing]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def _squash(text: str) -> str:
    return "".join(text.split())


def _articles(clauses: list, expected: int) -> tuple[int, int, list[int]]:
    """(distinct numbers found in 1..expected, article clauses listed, numbers missing)."""
    from tests.acceptance.real_clauses import article_numbers

    numbers = article_numbers(clauses)
    found = {n for n in numbers if 1 <= n <= expected}
    return len(found), len(numbers), sorted(set(range(1, expected + 1)) - found)


def measure(path: Path, truth: dict) -> dict:
    """Figures for one file."""
    from tests.acceptance.real_clauses import read, walk

    comp, whole = read(path)
    clauses = [c for doc in comp.documents for c in walk(doc.clauses)]
    out: dict = {"clauses": len(clauses)}
    if truth.get("articles"):
        expected = truth["articles"]
        out["articles_expected"] = expected
        out["articles_found"], out["articles_listed"], out["articles_missing"] = _articles(clauses, expected)
        out["whole_found"], out["whole_listed"], out["whole_missing"] = _articles(whole, expected)
    if truth.get("headings_h1"):
        seen = {_squash(c.label + c.heading) for c in clauses}
        wanted = truth["headings_h1"]
        missing = [h for h in wanted if _squash(h) not in seen]
        out.update(headings_expected=len(wanted), headings_found=len(wanted) - len(missing),
                   headings_missing=missing)
    return out


def main() -> None:
    from tests.acceptance.real_clauses import REAL

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
            whole_found += figures["whole_found"]
            line += (f" articles {figures['articles_found']}/{figures['articles_expected']}"
                     f" (listed {figures['articles_listed']}; whole file as one document"
                     f" {figures['whole_found']}, listed {figures['whole_listed']})")
            if args.missing and figures["articles_missing"]:
                line += f" missing {figures['articles_missing'][:30]}"
            if args.missing and figures["whole_missing"]:
                line += f" missing as one document {figures['whole_missing'][:30]}"
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
