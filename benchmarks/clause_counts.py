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


def measure(path: Path, truth: dict) -> dict:
    """Figures for one file: article numbers found in 1..N, the expected h1 headings found."""
    from reader.document import Document
    from reader.structure import analyze
    from reader.structure.numerals import parse_chinese

    with Document.open(path) as doc:
        comp = analyze(doc)
    clauses = [c for _, c in comp.iter_clauses()]
    out: dict = {"clauses": len(clauses)}
    if truth.get("articles"):
        expected = truth["articles"]
        numbers = [parse_chinese(c.label[1:-1]) for c in clauses if c.kind == "article"]
        found = {n for n in numbers if n and 1 <= n <= expected}
        out.update(articles_expected=expected, articles_found=len(found), articles_listed=len(numbers),
                   articles_missing=sorted(set(range(1, expected + 1)) - found))
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
    total_expected = total_found = 0
    for name, entry in truth.items():
        if not (entry.get("articles") or entry.get("headings_h1")):
            continue
        figures = measure(REAL / name, entry)
        line = f"{name:42s}"
        if "articles_expected" in figures:
            total_expected += figures["articles_expected"]
            total_found += figures["articles_found"]
            line += f" articles {figures['articles_found']}/{figures['articles_expected']}" \
                    f" (listed {figures['articles_listed']})"
            if args.missing and figures["articles_missing"]:
                line += f" missing {figures['articles_missing'][:30]}"
        if "headings_expected" in figures:
            line += f" headings {figures['headings_found']}/{figures['headings_expected']}"
            if figures["headings_missing"]:
                line += f" missing {figures['headings_missing']}"
        print(line)
    if total_expected:
        print(f"articles overall {total_found}/{total_expected} = {100 * total_found / total_expected:.1f} %")


if __name__ == "__main__":
    main()
