"""Running a worker process that reports progress on stderr and its result on stdout.

Indexing and OCR run apart from the reading app (a crash or a memory-hungry engine must not take
the window down). Both workers speak the same way: one JSON progress record per stderr line, other
stderr lines are messages (the last one says why a worker failed), and the result is JSON on
stdout. Cancelling terminates the worker; what it finished is kept by the worker itself.
"""

from __future__ import annotations

import queue
import subprocess
import threading
from dataclasses import dataclass, field
from typing import Callable, Sequence

_POLL_S = 0.1


@dataclass
class WorkerRun:
    output: str = ""
    messages: list[str] = field(default_factory=list)
    returncode: int = 0
    stopped: bool = False

    def failure_detail(self) -> str:
        """The worker's own last words, or its exit status."""
        return self.messages[-1] if self.messages else f"exit status {self.returncode}"


def _pump(stream, lines: "queue.Queue[str | None]") -> None:
    for line in stream:
        lines.put(line)
    lines.put(None)


def run_worker(command: Sequence[str], on_progress: Callable[[str], bool],
               cancelled: Callable[[], bool] | None = None, env: dict[str, str] | None = None) -> WorkerRun:
    """Run ``command`` to its end (or until ``cancelled()``), blocking the calling thread.

    ``on_progress(line)`` is given every stderr line and returns True when it was a progress record;
    the other non-empty lines are kept as messages.
    """
    process = subprocess.Popen(list(command), stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True, encoding="utf-8", env=env)
    lines: "queue.Queue[str | None]" = queue.Queue()
    threading.Thread(target=_pump, args=(process.stderr, lines), daemon=True).start()
    run = WorkerRun()
    while True:
        if cancelled is not None and cancelled() and not run.stopped:
            process.terminate()
            run.stopped = True
        try:
            line = lines.get(timeout=_POLL_S)
        except queue.Empty:
            continue
        if line is None:
            break
        if not on_progress(line) and line.strip():
            run.messages.append(line.strip())
    run.output = process.stdout.read() if process.stdout else ""
    run.returncode = process.wait()
    return run
