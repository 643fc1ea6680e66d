"""Indexing in a separate, short-lived process (``python -m reader index --progress``).

Why a process rather than a thread: indexing loads jieba's dictionary and a whoosh writer (well
over 100 MB) that the reading app would otherwise carry for the rest of the session, and text is
extracted from untrusted files — a crash in MuPDF or an endless page must not take the reader
down with it. Cancelling simply terminates the worker: an uncommitted whoosh writer leaves the
previous index usable and the persisted queue lets the next run finish the job.
"""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
from pathlib import Path
from typing import Callable, Iterable

from reader.errors import ReaderError
from reader.index.indexing import IndexReport

Progress = Callable[[int, int, str], None]

PROGRESS_KEY = "progress"
_POLL_S = 0.1


def progress_line(done: int, total: int, what: str) -> str:
    """One progress record as the worker prints it on stderr."""
    return json.dumps({PROGRESS_KEY: [done, total, what]}, ensure_ascii=False)


def _command(library_root: Path, paths: Iterable[str | os.PathLike[str]]) -> list[str]:
    return [sys.executable, "-m", "reader", "index", *map(str, paths),
            "--library", str(library_root), "--json", "--progress"]


def _environment() -> dict[str, str]:
    """The worker must import this very ``reader`` package, installed or not."""
    env = dict(os.environ)
    package_parent = str(Path(__file__).resolve().parents[2])
    env["PYTHONPATH"] = os.pathsep.join(p for p in (package_parent, env.get("PYTHONPATH")) if p)
    env["PYTHONIOENCODING"] = "utf-8"
    return env


def _pump(stream, lines: "queue.Queue[str | None]") -> None:
    for line in stream:
        lines.put(line)
    lines.put(None)


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
    process = subprocess.Popen(
        _command(Path(library_root), paths), stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True, encoding="utf-8", env=_environment(),
    )
    stderr_lines: "queue.Queue[str | None]" = queue.Queue()
    threading.Thread(target=_pump, args=(process.stderr, stderr_lines), daemon=True).start()
    messages: list[str] = []
    stopped = False
    finished_stderr = False
    while not finished_stderr:
        if cancelled and cancelled() and not stopped:
            process.terminate()
            stopped = True
        try:
            line = stderr_lines.get(timeout=_POLL_S)
        except queue.Empty:
            continue
        if line is None:
            finished_stderr = True
            continue
        record = _progress_record(line)
        if record is not None:
            if progress:
                progress(*record)
        elif line.strip():
            messages.append(line.strip())
    output = process.stdout.read() if process.stdout else ""
    process.wait()
    if stopped:
        return IndexReport(cancelled=True)
    try:
        data = json.loads(output)
    except ValueError:
        detail = messages[-1] if messages else f"exit status {process.returncode}"
        raise ReaderError(f"索引进程意外退出 (the indexing worker stopped unexpectedly): {detail}") from None
    return IndexReport(indexed=data.get("indexed", []), skipped=data.get("skipped", []),
                       failed=data.get("failed", []), cancelled=bool(data.get("cancelled")))


def _progress_record(line: str) -> tuple[int, int, str] | None:
    if not line.startswith("{"):
        return None
    try:
        record = json.loads(line)
    except ValueError:
        return None
    value = record.get(PROGRESS_KEY) if isinstance(record, dict) else None
    if isinstance(value, list) and len(value) == 3:
        return int(value[0]), int(value[1]), str(value[2])
    return None
