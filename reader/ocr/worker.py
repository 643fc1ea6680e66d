"""OCR in a separate process (``python -m reader ocr --progress --json``), for the reading app.

The engine (onnxruntime and its models, several hundred MB while it works) never enters the app's
process, a crash in it cannot take the window down, and cancelling terminates the worker: pages
finished so far stay in the cache, so the next run picks up where this one stopped.
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from reader.errors import ReaderError
from reader.worker_process import run_worker

Progress = Callable[[int, int, int], None]  # (done, total, page)
# Isolated mode (-I): neither the app's working directory nor PYTHON* variables can put another
# ``reader`` package in front of this one; the boot line puts the folder holding this package first.
_BOOT = "import sys; sys.path.insert(0, sys.argv[1]); from reader.cli import main; raise SystemExit(main(sys.argv[2:]))"


def worker_environment() -> dict[str, str]:
    """One malloc arena: onnxruntime's threads otherwise each keep their own, and the worker's peak
    RSS grew by 40 MB or so (measured with benchmarks/bench_ocr.py, docs/ocr.md)."""
    return {**os.environ, "MALLOC_ARENA_MAX": "1"}


@dataclass
class WorkerResult:
    ocr_pages: list[int] = field(default_factory=list)
    failed: list[dict] = field(default_factory=list)
    cancelled: bool = False


def ocr_in_worker(library_root: str | os.PathLike[str], pdf: str | os.PathLike[str],
                  progress: Progress | None = None, cancelled: Callable[[], bool] | None = None,
                  password: str | None = None) -> WorkerResult:
    """OCR the pages of ``pdf`` without text in a worker process; blocks (run it off the GUI thread)."""
    package_parent = str(Path(__file__).resolve().parents[2])
    command = [sys.executable, "-I", "-X", "utf8", "-c", _BOOT, package_parent, "ocr", str(Path(pdf).resolve()),
               "--library", str(Path(library_root).resolve()), "--json", "--progress"]
    command += ["--password", password] if password else []
    def on_progress(line: str) -> bool:
        try:
            record = json.loads(line) if line.startswith("{") else None
        except ValueError:
            record = None
        if not (isinstance(record, dict) and {"done", "total", "page"} <= record.keys()):
            return False
        if progress is not None:
            progress(int(record["done"]), int(record["total"]), int(record["page"]))
        return True

    run = run_worker(command, on_progress, cancelled, env=worker_environment())
    if run.stopped:
        return WorkerResult(cancelled=True)
    try:
        data = json.loads(run.output)
    except ValueError:
        detail = run.failure_detail()
        raise ReaderError(detail if detail.startswith("错误") else
                          f"OCR 进程意外退出 (the OCR worker stopped unexpectedly): {detail}") from None
    return WorkerResult(ocr_pages=list(data.get("ocr_pages", [])), failed=list(data.get("failed", [])))
