"""Reading-app memory at rest: resident memory after opening the sample and pressing Ctrl+F.

Figures (median over runs, each a fresh process with an empty library and offscreen Qt):
- idle_rss_mb: VmRSS once the sample compilation is open, analysed, Ctrl+F has focused the
  search box and the app has then sat idle for a few seconds (indexing runs in its own worker
  process and is not counted);
- idle_jieba_loaded: whether jieba's dictionary got into the reading app (searching does not
  need it; only the indexing worker does).
Run: python benchmarks/bench_memory.py [--quick] [--repo DIR] (``--repo`` measures another checkout,
e.g. the main branch, for a before/after comparison in the same conditions).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO.parent / "shared" / "corpus" / "policy-2024-12.pdf"
IDLE_S = 5.0

PROBE = r"""
import json, sys, time
sys.path.insert(0, sys.argv[1])
from PySide6.QtWidgets import QApplication
app = QApplication([])
from reader.ui.main_window import MainWindow

def pump(seconds, until=lambda: False):
    end = time.monotonic() + seconds
    while time.monotonic() < end and not until():
        app.processEvents()
        time.sleep(0.02)

window = MainWindow()
window.resize(1200, 850)
window.show()
window.open_pdf(sys.argv[2])
pump(120, lambda: window.compilation is not None)
window.search_panel.focus_search("document")  # Ctrl+F: a reader about to look something up
pump(float(sys.argv[3]))
with open("/proc/self/status", encoding="ascii") as status:
    rss = next(int(line.split()[1]) for line in status if line.startswith("VmRSS:"))
import reader
assert reader.__file__.startswith(sys.argv[1]), reader.__file__  # the checkout asked for, not an installed one
print(json.dumps({"rss_mb": round(rss / 1024, 1), "jieba": "jieba" in sys.modules,
                  "analysed": window.compilation is not None}))
window.close()
"""


def measure(repo: Path, runs: int) -> dict:
    samples, jieba = [], []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as folder:
            env = dict(os.environ, QT_QPA_PLATFORM="offscreen", READER_LIBRARY=str(Path(folder) / "lib"),
                       READER_CONFIG=str(Path(folder) / "config"))
            out = subprocess.run([sys.executable, "-c", PROBE, str(repo), str(SAMPLE), str(IDLE_S)], env=env,
                                 capture_output=True, text=True, check=True, timeout=600, cwd=folder)
            result = json.loads(out.stdout.strip().splitlines()[-1])
            if not result["analysed"]:
                raise RuntimeError("the sample was not analysed within two minutes")
            samples.append(result["rss_mb"])
            jieba.append(result["jieba"])
    return {"idle_rss_mb": round(statistics.median(samples), 1), "idle_jieba_loaded": any(jieba)}


def run(args: argparse.Namespace) -> dict:
    if not SAMPLE.exists():
        return {}
    return measure(Path(getattr(args, "repo", None) or REPO), 1 if args.quick else 3)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--repo", help="the checkout to measure (default: this one)")
    print(json.dumps(run(parser.parse_args())))
