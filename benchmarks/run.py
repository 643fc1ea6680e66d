"""Run every ``benchmarks/bench_*.py`` and print one final JSON line with all their figures.

Each module has ``run(args) -> dict``. Usage: ``python benchmarks/run.py [--quick] [--only render,search]``.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer repetitions and smaller data (a smoke run)")
    parser.add_argument("--only", default="", help="comma-separated bench names (e.g. render,search)")
    args = parser.parse_args()
    wanted = {name.strip() for name in args.only.split(",") if name.strip()}
    merged: dict = {}
    for path in sorted(HERE.glob("bench_*.py")):
        name = path.stem.removeprefix("bench_")
        if wanted and name not in wanted:
            continue
        spec = importlib.util.spec_from_file_location(path.stem, path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)  # type: ignore[union-attr]
        started = time.perf_counter()
        figures = module.run(args)
        print(f"# {name}: {json.dumps(figures, ensure_ascii=False)} ({time.perf_counter() - started:.0f} s)", flush=True)
        merged.update(figures)
    print(json.dumps(merged, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
