"""Indexing in a separate, short-lived process: the index backend's own worker entry point.

``index_in_worker`` starts ``python -I -X utf8 -c <boot> PACKAGE_PARENT LIBRARY PATH…``: isolated
mode, so neither the GUI's working directory nor ``PYTHON*`` variables can put another
``reader`` package in front of this one; the boot line puts the folder holding *this* package
first and calls :func:`main`. Progress goes to stderr as JSON lines, the report to stdout as JSON.

Why a process rather than a thread: indexing loads jieba's dictionary and a whoosh writer (well
over 100 MB) that the reading app would otherwise carry for the rest of the session, and text is
extracted from untrusted files — a crash in MuPDF or an endless page must not take the reader
down with it. Cancelling simply terminates the worker: an uncommitted whoosh writer leaves the
previous index usable and the persisted queue lets the next run finish the job.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Callable, Iterable

from reader.errors import ReaderError
from reader.worker_process import run_worker
from reader.index.indexing import IndexReport
from reader.progress import parse_progress_line, progress_line

Progress = Callable[[int, int, str], None]

_BOOT = "import sys; sys.path.insert(0, sys.argv[1]); from reader.index.worker import main; raise SystemExit(main(sys.argv[2:]))"


def _command(library_root: Path, paths: Iterable[str | os.PathLike[str]]) -> list[str]:
    """The worker's command line: this very ``reader`` package, installed or not, whatever the cwd."""
    package_parent = str(Path(__file__).resolve().parents[2])
    return [sys.executable, "-I", "-X", "utf8", "-c", _BOOT, package_parent, str(Path(library_root).resolve()),
            *(str(Path(p).resolve()) for p in paths)]


def _cancelled(_signum: int, _frame: object) -> None:
    raise KeyboardInterrupt


def main(argv: list[str]) -> int:
    """Index ``argv[1:]`` into the library at ``argv[0]``; the worker process's whole life."""
    from reader.library import Library
    from reader.workspace import Workspace

    def progress(done: int, total: int, what: str) -> None:
        sys.stderr.write(progress_line(done, total, what) + "\n")
        sys.stderr.flush()

    import signal

    from reader.guard import limit_process_memory

    limit_process_memory()  # a hostile file fails an allocation here instead of eating the machine
    # The app cancels the worker with SIGTERM: unwind like Ctrl+C, so the file being worked on is not
    # taken for one that killed the process (reader.index.schema.PageStore.recover_abandoned).
    signal.signal(signal.SIGTERM, _cancelled)
    try:
        with Workspace(Library(argv[0]), backup=False) as workspace:
            report = workspace.index.index(argv[1:], progress=progress)
    except ReaderError as exc:
        sys.stderr.write(f"错误 (error): {exc.message}\n")
        return 2
    except KeyboardInterrupt:
        sys.stderr.write("已取消 (cancelled)\n")
        return 130
    sys.stdout.write(json.dumps(report.as_dict(), ensure_ascii=False) + "\n")
    return 0


def index_in_worker(
    library_root: str | os.PathLike[str],
    paths: Iterable[str | os.PathLike[str]] = (),
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> IndexReport:
    """Index ``paths`` (and anything queued) in a worker process; returns its report.

    Blocks the calling thread (run it off the GUI thread). ``cancelled()`` is polled; when it turns
    true the worker is terminated and the report says ``cancelled``.
    """
    def on_progress(line: str) -> bool:
        record = parse_progress_line(line)
        if record is not None and progress:
            progress(*record)
        return record is not None

    from reader.ocr.worker import worker_environment

    run = run_worker(_command(Path(library_root), paths), on_progress, cancelled, env=worker_environment())
    if run.stopped:
        return IndexReport(cancelled=True)
    try:
        data = json.loads(run.output)
    except ValueError:
        raise ReaderError(f"索引进程意外退出 (the indexing worker stopped unexpectedly): {run.failure_detail()}") from None
    return IndexReport(indexed=data.get("indexed", []), skipped=data.get("skipped", []),
                       failed=data.get("failed", []), cancelled=bool(data.get("cancelled")),
                       repaired=data.get("repaired"), notes=list(data.get("notes") or []))
