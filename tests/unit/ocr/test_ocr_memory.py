"""The OCR worker's memory: heavy scanned pages (600 dpi, large paper) stay well within the 800 MB
a worker may take, and many pages cost no more than one (one page in memory at a time, the
engine's freed buffers given back between pages), measured as the app runs it: `python -m reader
ocr` in its own process with one malloc arena (``worker_environment``)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.builders import ocr_pdfs  # noqa: E402

from reader.ocr.worker import worker_environment  # noqa: E402

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[3]
LIMIT_MB = 800
MARGIN_MB = 50  # run-to-run variation of the peak (±40 MB)


# The worker reports its own high-water mark (VmHWM of its address space): a child's ru_maxrss
# also counts the parent it was forked from, which is the whole test process here.
_REPORTING_WORKER = """
import runpy, sys
report = sys.argv.pop()
try:
    runpy.run_module("reader", run_name="__main__")
finally:
    status = open("/proc/self/status").read()
    peak = next(line.split()[1] for line in status.splitlines() if line.startswith("VmHWM"))
    open(report, "w").write(peak)
"""


def worker_peak_mb(pdf: Path, library: Path) -> float:
    """Peak RSS of one `python -m reader ocr` run over ``pdf`` (its exit checked)."""
    report = library.with_suffix(".peak")
    run = subprocess.run([sys.executable, "-c", _REPORTING_WORKER, "ocr", str(pdf), "--library", str(library),
                          "--json", str(report)], cwd=REPO, env=worker_environment(), stdout=subprocess.DEVNULL,
                         stderr=subprocess.PIPE, timeout=600)
    assert run.returncode == 0, run.stderr.decode()[-500:]
    return int(report.read_text()) / 1024


def test_a_600_dpi_large_paper_page_stays_well_within_the_limit(tmp_path):
    pdf = ocr_pdfs.fine_scan(tmp_path / "a2-600dpi.pdf", paper=(1191, 1684))  # A2: 140 megapixels at 600 dpi
    assert worker_peak_mb(pdf, tmp_path / "library") <= LIMIT_MB - MARGIN_MB


def test_many_pages_cost_no_more_than_one(tmp_path):
    one = worker_peak_mb(ocr_pdfs.fine_scan(tmp_path / "one.pdf", pages=1), tmp_path / "library-1")
    five = worker_peak_mb(ocr_pdfs.fine_scan(tmp_path / "five.pdf", pages=5), tmp_path / "library-5")
    assert five <= one + 40 and five <= LIMIT_MB - MARGIN_MB
