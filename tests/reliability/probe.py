"""The hostile-input probe: run every command of the app on hostile files and situations, count outcomes.

    .venv/bin/python tests/reliability/probe.py [--fuzz 200] [--extra FOLDER] [--only CATEGORY] [--json]

Every try runs a real ``python -m reader …`` process (or the window with --quit-after-first-paint,
offscreen) and is classed as one of:

- clean: exit 0 (valid JSON where --json was asked), or exit 2 with one ``错误 (error): …`` line;
- traceback: a Python traceback on stderr, or exit 1;
- hang: still running after the time limit;
- crash: killed by a signal or another exit status;
- memory: the process tree went past the memory limit;
- lost: a situation check found annotations missing afterwards.

The table printed at the end has one row per category: tries / clean / traceback / hang / crash /
memory / lost. The fast subset in test_hostile_fast.py runs the same code on a few categories.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import psutil

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from tests.builders import hostile  # noqa: E402

OUTCOMES = ("clean", "traceback", "hang", "crash", "memory", "lost")
TIME_LIMIT_S = 60.0
MEMORY_LIMIT_MB = 2048.0


@dataclass
class Try:
    category: str
    what: str
    outcome: str
    seconds: float
    peak_mb: float
    detail: str = ""


@dataclass
class Tally:
    tries: list[Try] = field(default_factory=list)

    def add(self, item: Try) -> Try:
        self.tries.append(item)
        return item

    def table(self) -> list[dict]:
        rows: dict[str, dict] = {}
        for item in self.tries:
            row = rows.setdefault(item.category, {"category": item.category, "tries": 0, **{o: 0 for o in OUTCOMES},
                                                  "max_s": 0.0, "max_mb": 0.0})
            row["tries"] += 1
            row[item.outcome] += 1
            row["max_s"] = max(row["max_s"], round(item.seconds, 1))
            row["max_mb"] = max(row["max_mb"], round(item.peak_mb))
        return list(rows.values())

    def bad(self) -> list[Try]:
        return [t for t in self.tries if t.outcome != "clean"]


def _tree_rss_mb(proc: psutil.Process) -> float:
    try:
        procs = [proc, *proc.children(recursive=True)]
    except psutil.Error:
        return 0.0
    total = 0
    for p in procs:
        try:
            total += p.memory_info().rss
        except psutil.Error:
            pass
    return total / 2**20


def run(argv: list[str], library: Path, *, time_limit: float = TIME_LIMIT_S, memory_limit: float = MEMORY_LIMIT_MB,
        want_json: bool = False, window: bool = False, cwd: Path | None = None) -> tuple[str, float, float, str]:
    """Run one command to its end or its limit; (outcome, seconds, peak MB, detail)."""
    env = dict(os.environ, READER_LIBRARY=str(library), READER_CONFIG=str(library / "reader.ini"),
               QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO))
    command = [sys.executable, str(REPO / "main.py"), *argv] if window else [sys.executable, "-m", "reader", *argv]
    started = time.monotonic()
    library.parent.mkdir(parents=True, exist_ok=True)
    out_path = library.parent / f"{library.name}.probe-out"
    err_path = library.parent / f"{library.name}.probe-err"
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        child = subprocess.Popen(command, stdout=out, stderr=err, stdin=subprocess.DEVNULL, env=env,
                                 cwd=str(cwd or REPO), start_new_session=True)
        proc = psutil.Process(child.pid)
        peak, outcome = 0.0, ""
        while child.poll() is None:
            peak = max(peak, _tree_rss_mb(proc))
            elapsed = time.monotonic() - started
            if peak > memory_limit:
                outcome = "memory"
            elif elapsed > time_limit:
                outcome = "hang"
            if outcome:
                os.killpg(child.pid, signal.SIGKILL)
                child.wait()
                break
            time.sleep(0.05)
    seconds = time.monotonic() - started
    stdout = out_path.read_bytes()
    stderr = err_path.read_bytes().decode("utf-8", "replace")
    if outcome:
        return outcome, seconds, peak, stderr[-300:]
    code = child.returncode
    if "Traceback (most recent call last)" in stderr or code == 1:
        return "traceback", seconds, peak, stderr[-600:]
    if code < 0:
        return "crash", seconds, peak, f"signal {-code}: {stderr[-300:]}"
    if code == 0:
        if want_json:
            try:
                json.loads(stdout.decode("utf-8"))
            except (UnicodeDecodeError, ValueError) as exc:
                return "traceback", seconds, peak, f"invalid JSON on stdout: {exc}"
        return "clean", seconds, peak, ""
    if code == 2 and stderr.strip() and all(line.startswith("错误 (error):") or not line.strip()
                                            for line in stderr.strip().splitlines()[-1:]):
        return "clean", seconds, peak, stderr.strip().splitlines()[-1][:200]
    return "crash", seconds, peak, f"exit {code}: {stderr[-300:]}"


FILE_COMMANDS: list[tuple[str, list[str], bool]] = [
    ("info", ["info", "{pdf}", "--json"], True),
    ("outline", ["outline", "{pdf}", "--json"], True),
    ("text", ["text", "{pdf}"], False),
    ("index", ["index", "{pdf}", "--json"], True),
    ("search", ["search", "政策", "--json"], True),
    ("annotations add", ["annotations", "add", "{pdf}", "--page", "0", "--quote", "总体要求", "--theme", "5G", "--json"], True),
    ("annotations list", ["annotations", "list", "--json"], True),
]


def probe_file(tally: Tally, category: str, pdf: Path, library: Path, window: bool = True,
               time_limit: float = TIME_LIMIT_S, commands: list[tuple[str, list[str], bool]] | None = None) -> None:
    """Every command (or those named) on ``pdf`` in ``library`` (fresh per file), then the window."""
    for name, template, want_json in commands or FILE_COMMANDS:
        argv = [str(pdf) if part == "{pdf}" else part for part in template]
        outcome, seconds, peak, detail = run(argv, library, want_json=want_json, time_limit=time_limit)
        tally.add(Try(category, f"{name} {pdf.name!r}", outcome, seconds, peak, detail))
    if window:
        outcome, seconds, peak, detail = run([str(pdf), "--quit-after-first-paint"], library, window=True,
                                             time_limit=time_limit)
        tally.add(Try(category, f"window {pdf.name!r}", outcome, seconds, peak, detail))


def _count_annotations(library: Path) -> int:
    db = library / "annotations.sqlite3"
    if not db.exists() or db.stat().st_size == 0:
        return -1
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as con:
        return con.execute("select count(*) from annotations").fetchone()[0]


def _library_with_annotations(root: Path, count: int = 5) -> tuple[Path, Path]:
    library = root / "library"
    library.mkdir(parents=True)
    pdf = hostile.text_pdf(root / "base.pdf")
    run(["index", str(pdf), "--json"], library, want_json=True)
    for n in range(count):
        run(["annotations", "add", str(pdf), "--page", str(n % 3), "--quote", "总体要求", "--theme", "5G",
             "--note", f"批注 {n}", "--json"], library, want_json=True)
    return library, pdf


def probe_situations(tally: Tally, root: Path) -> None:
    """Damaged store and index, SIGKILL while indexing, a planted package in the working directory."""
    # A zero-length store must be refused, never recreated empty or written into.
    library, pdf = _library_with_annotations(root / "zero-store")
    store = library / "annotations.sqlite3"
    for extra in ("-wal", "-shm"):
        Path(str(store) + extra).unlink(missing_ok=True)
    store.write_bytes(b"")
    for name, argv in (("list", ["annotations", "list", "--json"]),
                       ("add", ["annotations", "add", str(pdf), "--page", "0", "--quote", "总体要求", "--theme", "5G"])):
        outcome, seconds, peak, detail = run(argv, library, want_json=name == "list")
        if store.stat().st_size != 0:
            outcome, detail = "lost", "a damaged store was replaced or written into"
        tally.add(Try("damaged-store", f"annotations {name} on a zero-length store", outcome, seconds, peak, detail))

    # A damaged search index: search and index answer clearly and annotations survive.
    library, pdf = _library_with_annotations(root / "damaged-index")
    before = _count_annotations(library)
    for victim in sorted((library / "index").glob("*.seg")) + sorted((library / "index").glob("_*.toc")):
        victim.write_bytes(victim.read_bytes()[:10])
    for name, argv, want_json in (("search", ["search", "总体要求", "--json"], True),
                                  ("index", ["index", str(pdf), "--json"], True),
                                  ("search again", ["search", "总体要求", "--json"], True)):
        outcome, seconds, peak, detail = run(argv, library, want_json=want_json)
        tally.add(Try("damaged-index", name, outcome, seconds, peak, detail))
    if _count_annotations(library) != before:
        tally.add(Try("damaged-index", "annotations kept", "lost", 0, 0, f"{before} → {_count_annotations(library)}"))

    # SIGKILL while indexing, then index again: the queue resumes and annotations are intact.
    library, pdf = _library_with_annotations(root / "kill-index")
    before = _count_annotations(library)
    folder = root / "kill-index" / "many"
    folder.mkdir()
    for n in range(6):
        hostile.text_pdf(folder / f"doc{n}.pdf", pages=30 + n)
    env = dict(os.environ, READER_LIBRARY=str(library), PYTHONPATH=str(REPO))
    child = subprocess.Popen([sys.executable, "-m", "reader", "index", str(folder), "--json"], env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(2.0)
    child.kill()
    child.wait()
    outcome, seconds, peak, detail = run(["index", str(folder), "--json"], library, want_json=True)
    tally.add(Try("sigkill", "index after SIGKILL", outcome, seconds, peak, detail))
    if _count_annotations(library) != before:
        tally.add(Try("sigkill", "annotations kept", "lost", 0, 0, f"{before} → {_count_annotations(library)}"))

    # A folder with a non-UTF-8 file name beside good files: everything indexed or reported.
    folder = root / "names"
    folder.mkdir()
    hostile.non_utf8_name(folder)
    hostile.text_pdf(folder / "good.pdf")
    outcome, seconds, peak, detail = run(["index", str(folder), "--json"], root / "names-lib", want_json=True)
    tally.add(Try("names", "index a folder with a GBK file name", outcome, seconds, peak, detail))

    # The indexing worker must not import a ``reader`` package planted in the working directory.
    planted = root / "planted"
    (planted / "reader").mkdir(parents=True)
    marker = root / "planted-ran"
    (planted / "reader" / "__init__.py").write_text(f"open({str(marker)!r}, 'w').write('ran')\n")
    (planted / "reader" / "__main__.py").write_text(f"open({str(marker)!r}, 'w').write('ran')\n")
    outcome, seconds, peak, detail = run([str(hostile.text_pdf(root / "p.pdf")), "--quit-after-first-paint"],
                                         root / "planted-lib", window=True, cwd=planted)
    if marker.exists():
        outcome, detail = "crash", "code from the working directory ran"
    tally.add(Try("planted-code", "window started in a folder holding a reader/ package", outcome, seconds, peak, detail))


def probe(root: Path, fuzz: int = 200, only: str | None = None, extra: Path | None = None,
          window: bool = True) -> Tally:
    tally = Tally()
    files = root / "files"
    files.mkdir(parents=True, exist_ok=True)
    for category, makers in hostile.FILE_CATEGORIES.items():
        if only and category != only:
            continue
        for maker in makers:
            pdf = maker(files)
            probe_file(tally, category, pdf, root / "libs" / f"{category}-{pdf.stem[:20]}", window=window)
    if fuzz and (not only or only == "fuzzed"):
        base = hostile.text_pdf(root / "fuzz-base.pdf").read_bytes()
        for seed in range(fuzz):
            pdf = hostile.fuzzed(files / f"fuzz-{seed:03d}.pdf", seed, base)
            library = root / "libs" / f"fuzz-{seed:03d}"
            for name, template, want_json in FILE_COMMANDS[:4]:
                argv = [str(pdf) if part == "{pdf}" else part for part in template]
                outcome, seconds, peak, detail = run(argv, library, want_json=want_json)
                tally.add(Try("fuzzed", f"{name} seed {seed}", outcome, seconds, peak, detail))
    if extra and (not only or only == "extra"):
        for pdf in sorted(extra.rglob("*.pdf")):
            probe_file(tally, "extra", pdf, root / "libs" / f"extra-{pdf.stem[:30]}", window=False)
    if not only or only == "situations":
        probe_situations(tally, root / "situations")
    return tally


def print_table(tally: Tally) -> None:
    header = ["category", "tries", *OUTCOMES, "max_s", "max_mb"]
    print("  ".join(f"{h:>14}" if i == 0 else f"{h:>9}" for i, h in enumerate(header)))
    for row in tally.table():
        print("  ".join(f"{row[h]!s:>14}" if i == 0 else f"{row[h]!s:>9}" for i, h in enumerate(header)))
    for item in tally.bad():
        print(f"  ✗ {item.category}: {item.what} → {item.outcome} ({item.seconds:.1f} s, {item.peak_mb:.0f} MB) "
              f"{item.detail.strip().splitlines()[-1] if item.detail.strip() else ''}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--fuzz", type=int, default=200, help="number of fuzzed PDFs")
    parser.add_argument("--only", help="one category (or 'fuzzed', 'situations', 'extra')")
    parser.add_argument("--extra", type=Path, help="a folder of further PDFs (e.g. a PDF test suite)")
    parser.add_argument("--no-window", action="store_true", help="leave out the window tries")
    parser.add_argument("--json", action="store_true", help="also print the table as one JSON line")
    args = parser.parse_args(argv)
    root = Path(tempfile.mkdtemp(prefix="reader-probe-"))
    try:
        tally = probe(root, fuzz=args.fuzz, only=args.only, extra=args.extra, window=not args.no_window)
    finally:
        shutil.rmtree(root, ignore_errors=True)
    print_table(tally)
    if args.json:
        print(json.dumps(tally.table(), ensure_ascii=False))
    return 0 if not tally.bad() else 1


if __name__ == "__main__":
    sys.exit(main())
