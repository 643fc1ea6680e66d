"""OCR figures: character error rate, seconds per page and worker peak RSS on a scan we make.

The scan: sample pages of the shared compilation rendered in grey at 180 dpi, skewed ~0.5°,
JPEG-compressed, rebuilt as an image-only PDF (benchmarks/make_scan.py); truth =
policy-2024-12.truth.json. OCR runs in its own worker process (`python -m reader ocr`), as in
the app; the error rate is measured on the clean page text the reader then gives
(`Compilation.page_text`, running headers removed), whitespace ignored.

    python benchmarks/bench_ocr.py [--quick] [--engine rapidocr|tesseract] [--pages 2,7,15] [--compare]

Targets (issue 13): CER ≤ 1.5 %, median ≤ 4 s/page, worker peak RSS ≤ 800 MB.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

CORPUS = ROOT.parent / "shared" / "corpus"
SOURCE = CORPUS / "policy-2024-12.pdf"
TRUTH = CORPUS / "policy-2024-12.truth.json"
REAL_SCANS = [CORPUS / "real" / "20_scan_company_notice.pdf", CORPUS / "real" / "21_scan_ocr_shou_threshold_notice.pdf",
              ROOT / "tests" / "data" / "real" / "44_scan_shou_xinxi_2018_28.pdf",
              ROOT / "tests" / "data" / "real" / "45_scan_scnu_2025_1.pdf"]
SAMPLE = [2, 7, 15, 24, 33, 45, 58, 71]  # a document's first page, body pages, a table-heavy page
QUICK_SAMPLE = [2, 7, 33]


def squash(text: str) -> str:
    return "".join(text.split())


def cer(found: str, truth: str) -> float:
    from rapidfuzz.distance import Levenshtein

    return Levenshtein.distance(squash(found), squash(truth)) / max(1, len(squash(truth)))


def run_worker(pdf: Path, library: Path, engine: str, env_extra: dict | None = None) -> tuple[dict, float, float]:
    """``python -m reader ocr`` in a child process: its JSON, wall seconds and peak RSS (MB)."""
    from reader.ocr.worker import worker_environment

    env = {**worker_environment(), **(env_extra or {})}  # as the app starts its OCR worker
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        child = subprocess.Popen([sys.executable, "-m", "reader", "ocr", str(pdf), "--library", str(library),
                                  "--engine", engine, "--json"], stdout=out, stderr=err, cwd=ROOT, env=env)
        _, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
        wall = time.perf_counter() - started
        out.seek(0)
        err.seek(0)
        if child.returncode != 0:
            raise RuntimeError(f"ocr worker failed: {err.read().decode()[-500:]}")
        return json.loads(out.read()), wall, usage.ru_maxrss / 1024


def measure(engine: str, pages: list[int], workdir: Path, scan: Path, label: str | None = None,
            env_extra: dict | None = None) -> dict:
    from reader.document import Document
    from reader.library import Library
    from reader.ocr.store import OcrStore, ocr_root_for
    from reader.structure import load_structure

    truth = {p["page_index"]: "".join(p["lines"]) for p in json.loads(TRUTH.read_text("utf-8"))["pages"]}
    library = workdir / f"lib-{label or engine}"
    data, wall, rss = run_worker(scan, library, engine, env_extra)
    lib = Library(library)
    with Document.open(scan) as doc:
        comp = load_structure(doc, lib.structure_cache_dir)
        store = OcrStore(ocr_root_for(lib.structure_cache_dir))
        results = [store.load(doc.content_hash, i) for i in range(doc.page_count)]
    errors = [cer(comp.page_text(i), truth[p]) for i, p in enumerate(pages) if p in truth]
    seconds = [r.seconds for r in results if r]
    cpu = [r.cpu_seconds for r in results if r]
    total_truth = sum(len(squash(truth[p])) for p in pages if p in truth)
    total_err = sum(e * len(squash(truth[p])) for e, p in zip(errors, [p for p in pages if p in truth]))
    return {
        "engine": data["engine"], "pages": len(pages),
        "cer": round(total_err / max(1, total_truth), 4),
        "cer_median_page": round(statistics.median(errors), 4) if errors else None,
        "s_per_page": round(statistics.median(seconds), 2) if seconds else None,
        "cpu_s_per_page": round(statistics.median(cpu), 2) if cpu else None,
        "worker_wall_s": round(wall, 1), "worker_peak_rss_mb": round(rss),
    }


def real_scan_peaks(workdir: Path, engine: str) -> dict[str, int]:
    """Worker peak RSS (MB) of ``python -m reader ocr`` on each real scan, each in a fresh library:
    real pages (photocopies, seals, handwriting, larger paper) cost more than the generated scan's."""
    peaks = {}
    for number, scan in enumerate(REAL_SCANS):
        if scan.exists():
            _, _, rss = run_worker(scan, workdir / f"real-{number}", engine)
            peaks[scan.name[:2]] = round(rss)
    return peaks


def make_sample_scan(pages: list[int], workdir: Path) -> Path:
    from make_scan import make_scan

    return make_scan(SOURCE, workdir / "scan.pdf", pages, dpi=180, skew=0.6, quality=55)


def run(args) -> dict:
    if not SOURCE.exists():
        return {"ocr_skipped": "shared corpus missing"}
    pages = QUICK_SAMPLE if getattr(args, "quick", False) else SAMPLE
    if getattr(args, "pages", None):
        pages = [int(p) for p in args.pages.split(",")]
    with tempfile.TemporaryDirectory() as folder:
        workdir = Path(folder)
        scan = make_sample_scan(pages, workdir)
        engine = getattr(args, "engine", None) or "rapidocr"
        result = measure(engine, pages, workdir, scan)
        if not getattr(args, "quick", False):
            result["real_scan_peak_rss_mb"] = real_scan_peaks(workdir, engine)
    real = result.get("real_scan_peak_rss_mb") or {}
    print(f"OCR {result['engine']}: CER {result['cer'] * 100:.2f} % (target ≤ 1.5 %), "
          f"median {result['s_per_page']} s/page wall, {result['cpu_s_per_page']} s CPU (target ≤ 4 s), "
          f"worker peak RSS {result['worker_peak_rss_mb']} MB (target ≤ 800 MB), {len(pages)} pages"
          + (f"; real scans' worker peak RSS {max(real.values())} MB ({', '.join(f'{k}: {v}' for k, v in real.items())})"
             if real else ""), flush=True)
    return {f"ocr_{k}": v for k, v in result.items()}


def compare(pages: list[int]) -> None:
    """Every engine setting on the same scan, one line each (for docs/ocr.md)."""
    def rapid(dpi: int, det: int, threads: int) -> tuple[str, str, dict]:
        return ("rapidocr", f"rapidocr dpi{dpi} det{det} threads{threads}",
                {"READER_OCR_DPI": str(dpi), "READER_OCR_DET": str(det), "READER_OCR_THREADS": str(threads)})

    settings = [rapid(150, 960, 2), rapid(150, 736, 2), rapid(150, 1280, 2), rapid(200, 960, 2),
                rapid(150, 960, 1), rapid(150, 736, 1), ("tesseract", "tesseract chi_sim dpi200 psm6", {})]
    with tempfile.TemporaryDirectory() as folder:
        workdir = Path(folder)
        scan = make_sample_scan(pages, workdir)
        for number, (engine, label, env) in enumerate(settings):
            result = measure(engine, pages, workdir, scan, f"{number}", env)
            print(json.dumps({"setting": label, **result}, ensure_ascii=False), flush=True)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--engine", choices=("rapidocr", "tesseract"))
    parser.add_argument("--pages", help="comma-separated 0-based pages of the compilation")
    parser.add_argument("--compare", action="store_true", help="every engine setting, one JSON line each")
    arguments = parser.parse_args()
    if arguments.compare:
        compare([int(p) for p in arguments.pages.split(",")] if arguments.pages else SAMPLE)
    else:
        print(json.dumps(run(arguments), ensure_ascii=False))
