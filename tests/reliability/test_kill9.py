"""kill -9 a real process that writes annotations, again and again; the store must survive intact.

The writer prints a line only after a store call has returned (committed). After every SIGKILL
the store must open, pass ``PRAGMA integrity_check`` and hold every annotation whose add returned
(unless a remove of it had started), none whose remove returned, and nothing never started.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path


REPO = Path(__file__).resolve().parents[2]
KILLS = 60

WRITER = r"""
import sys, random
from reader.annotations import Annotation, AnnotationStore
from reader.annotations.backup import rolling_backup
store = AnnotationStore(sys.argv[1])
run, rng = sys.argv[2], random.Random(sys.argv[2])
mine = []
for n in range(100000):
    ann_id = f"{run}-{n}"
    print("S", ann_id, flush=True)
    store.add(Annotation("hash-" + str(n % 3), n % 7, f"引文 {ann_id} " * 3, {n % 7: [(10, 20 + n, 200, 34 + n)]},
                         id=ann_id, themes=["5G", "氢能"][: n % 3], note="批注" * (n % 5)))
    print("A", ann_id, flush=True)
    mine.append(ann_id)
    roll = rng.random()
    if roll < 0.2 and mine:
        victim = mine.pop(rng.randrange(len(mine)))
        print("D", victim, flush=True)  # removal started: from here on it may or may not be gone
        store.remove(victim)
        print("R", victim, flush=True)
    elif roll < 0.35 and mine:
        store.update(mine[-1], note="改过 " + ann_id, themes=["数据要素"])
    elif roll < 0.37:
        rolling_backup(store, force=True)
"""


def _check_store(path: Path, started: set[str], added: set[str], removing: set[str], removed: set[str]) -> int:
    db = sqlite3.connect(path)
    try:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        has_table = db.execute("SELECT 1 FROM sqlite_master WHERE name='annotations'").fetchone()
        present = {row[0] for row in db.execute("SELECT id FROM annotations")} if has_table else set()
    finally:
        db.close()
    missing = (added - removing) - present
    assert not missing, f"annotations whose add had returned are gone: {sorted(missing)[:5]}"
    assert not present & removed, "an annotation whose remove had returned is back"
    assert present <= started, f"annotations that were never written: {sorted(present - started)[:5]}"
    return len(present)


def test_sigkill_never_loses_a_returned_add_nor_corrupts(tmp_path: Path) -> None:
    store_path = tmp_path / "annotations.sqlite3"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    rng = random.Random(20261125)
    started: set[str] = set()
    added: set[str] = set()
    removing: set[str] = set()
    removed: set[str] = set()
    kills_after_writes = 0
    for run in range(KILLS):
        proc = subprocess.Popen([sys.executable, "-c", WRITER, str(store_path), f"r{run}"],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=REPO,
                                bufsize=0)  # unbuffered: communicate() reads the fd, so nothing may sit in a buffer
        first = b""
        if run % 5 == 0:  # a few kills during start-up and schema creation
            time.sleep(rng.uniform(0.0, 0.08))
        else:  # most while writing: wait for the writer to be under way, however loaded the machine
            first = proc.stdout.readline()
            time.sleep(rng.uniform(0.0, 0.25))
        os.kill(proc.pid, signal.SIGKILL)
        out, err = proc.communicate(timeout=30)
        assert proc.returncode == -signal.SIGKILL, err.decode(errors="replace")[-2000:]
        lines = (first + out).decode("utf-8", errors="replace").split("\n")[:-1]  # a torn last line is ignored
        for line in lines:
            kind, _, ann_id = line.partition(" ")
            {"S": started, "A": added, "D": removing, "R": removed}[kind].add(ann_id)
        kills_after_writes += any(line.startswith("A") for line in lines)
        _check_store(store_path, started, added, removing, removed)
    from reader.annotations import AnnotationStore

    with AnnotationStore(store_path) as store:  # and the app's own code opens it and sees the same
        ids = {a.id for a in store.list()}
    assert (added - removing) <= ids and not ids & removed
    assert kills_after_writes >= KILLS // 2, "the kills should mostly land while annotations are being written"
    assert len(added) > 100
