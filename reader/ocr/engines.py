"""OCR engines behind one small interface: a grey page image in, text boxes with character boxes out.

RapidOCR (PP-OCRv4 detection + recognition on onnxruntime, models inside the PyPI wheel) is the
default: on Chinese print it makes a third of Tesseract's errors at a fraction of its time
(docs/ocr.md). Tesseract with chi_sim (Debian packages) is the second engine, used when asked
for or when RapidOCR is not installed. A missing engine is an ``OcrUnavailableError`` naming
what to install; the rest of the app keeps working without OCR.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from importlib import metadata
from typing import Protocol

from reader.errors import ReaderError

PixelRect = tuple[float, float, float, float]


class OcrUnavailableError(ReaderError):
    """No OCR engine is installed, or the one asked for is missing."""

    code = "ocr_unavailable"


class OcrFailedError(ReaderError):
    """The engine ran but failed on a page."""

    code = "ocr_failed"


@dataclass(slots=True)
class RawBox:
    """One text box in image pixels: its characters with their boxes and confidences."""

    text: str
    score: float
    chars: list[str]
    rects: list[PixelRect]
    scores: list[float]


class Engine(Protocol):
    name: str
    key: str  # engine + package version + our settings: names the cache folder
    dpi: int  # resolution the page is rendered at for this engine

    def recognize(self, gray) -> list[RawBox]:
        """Text boxes of a grey image (a 2-D uint8 numpy array)."""


def _split_word(word: str, rect: PixelRect) -> tuple[list[str], list[PixelRect]]:
    """A word box becomes one box per character, widths by East Asian width (CJK = 2, Latin = 1)."""
    chars = list(word)
    weights = [2.0 if ord(c) > 0x2E80 else 1.0 for c in chars]
    total = sum(weights) or 1.0
    x0, y0, x1, y1 = rect
    out, x = [], x0
    for w in weights:
        step = (x1 - x0) * w / total
        out.append((x, y0, x + step, y1))
        x += step
    return chars, out


def _quad_box(quad) -> PixelRect:
    xs = [float(p[0]) for p in quad]
    ys = [float(p[1]) for p in quad]
    return min(xs), min(ys), max(xs), max(ys)


def _cap_detection_side(detector, det_side: int) -> None:
    """Make RapidOCR's text detector scale the page so its longer side is at most ``det_side`` px.

    rapidocr-onnxruntime 1.4.x ignores ``det_limit_side_len`` when ``det_limit_type`` is "max": it
    picks 960, 1500 or 2000 px by the image's own size, so a 150-dpi A4 page (1754 px) was detected
    at full size, and detection's activations (≈ 160 kB per thousand pixels) made the worker's peak.
    Text lines are still recognised from the full-resolution image; only the search for them runs
    on the smaller copy.
    """
    from rapidocr_onnxruntime.ch_ppocr_det.utils import DetPreProcess

    def preprocess(_longest_side: int) -> DetPreProcess:
        return DetPreProcess(det_side, "max", detector.mean, detector.std)

    detector.get_preprocess = preprocess


class RapidOcrEngine:
    """PP-OCRv4 through rapidocr-onnxruntime; detection on the page scaled to ``det_side`` pixels."""

    name = "rapidocr"

    def __init__(self, dpi: int = 150, det_side: int = 1536, threads: int = 1, batch: int = 1) -> None:
        try:
            from rapidocr_onnxruntime import RapidOCR
        except ImportError as exc:
            raise OcrUnavailableError(
                "未安装 OCR 引擎 RapidOCR (OCR engine missing): pip install rapidocr-onnxruntime"
            ) from exc
        self.dpi, self.det_side, self.threads = dpi, det_side, threads
        version = metadata.version("rapidocr-onnxruntime")
        self.key = f"rapidocr-{version}-dpi{dpi}-det{det_side}-b{batch}"
        # One line per recognition batch: a batch is padded to its widest line, and on a page of
        # long body lines and short headings that padding cost more CPU than batching saved.
        self._ocr = RapidOCR(intra_op_num_threads=threads, inter_op_num_threads=1,
                             det_limit_side_len=det_side, det_limit_type="max", rec_batch_num=batch,
                             print_verbose=False)
        _cap_detection_side(self._ocr.text_det, det_side)

    def recognize(self, gray) -> list[RawBox]:
        import numpy as np

        image = np.ascontiguousarray(np.repeat(gray[:, :, None], 3, axis=2))
        result, _ = self._ocr(image, use_cls=False, return_word_box=True)
        boxes: list[RawBox] = []
        for item in result or ():
            quad, text, score = item[0], str(item[1]), float(item[2])
            words = item[3] if len(item) > 3 else None
            chars: list[str] = []
            rects: list[PixelRect] = []
            scores: list[float] = []
            if words and len(item) > 5 and len(item[4]) == len(words):
                for word_quad, word, word_score in zip(words, item[4], item[5]):
                    c, r = _split_word(str(word), _quad_box(word_quad))
                    chars += c
                    rects += r
                    scores += [float(word_score)] * len(c)
            if "".join(chars).replace(" ", "") != text.replace(" ", ""):
                chars, rects = _split_word(text, _quad_box(quad))
                scores = [score] * len(chars)
            boxes.append(RawBox(text, score, chars, rects, scores))
        return boxes


class TesseractEngine:
    """Tesseract 5 with chi_sim through its command line (TSV words, split into characters)."""

    name = "tesseract"

    def __init__(self, dpi: int = 200, lang: str = "chi_sim", psm: int = 6) -> None:
        exe = shutil.which("tesseract")
        if exe is None:
            raise OcrUnavailableError(
                "未安装 Tesseract (Tesseract missing): apt-get install tesseract-ocr tesseract-ocr-chi-sim"
            )
        langs = subprocess.run([exe, "--list-langs"], capture_output=True, text=True).stdout.split()
        if lang not in langs:
            raise OcrUnavailableError(f"Tesseract 缺少语言包 (language data missing): {lang}")
        version = subprocess.run([exe, "--version"], capture_output=True, text=True).stdout.split()[1]
        self.exe, self.dpi, self.lang, self.psm = exe, dpi, lang, psm
        self.key = f"tesseract-{version}-{lang}-dpi{dpi}-psm{psm}"

    def recognize(self, gray) -> list[RawBox]:
        import cv2

        with tempfile.TemporaryDirectory() as folder:
            image = os.path.join(folder, "page.png")
            cv2.imwrite(image, gray)
            run = subprocess.run([self.exe, image, "-", "-l", self.lang, "--psm", str(self.psm),
                                  "-c", "preserve_interword_spaces=1", "tsv"],
                                 capture_output=True, text=True, env={**os.environ, "OMP_THREAD_LIMIT": "2"})
        if run.returncode != 0:
            raise OcrFailedError(f"Tesseract 识别失败 (Tesseract failed): {run.stderr.strip()[:200]}")
        lines: dict[tuple[int, int, int], RawBox] = {}
        for row in run.stdout.splitlines()[1:]:
            cols = row.split("\t")
            if len(cols) < 12 or cols[0] != "5" or not cols[11].strip():
                continue
            left, top, width, height, conf = (float(cols[6]), float(cols[7]), float(cols[8]),
                                              float(cols[9]), float(cols[10]))
            key = (int(cols[2]), int(cols[3]), int(cols[4]))
            box = lines.setdefault(key, RawBox("", 0.0, [], [], []))
            chars, rects = _split_word(cols[11].strip(), (left, top, left + width, top + height))
            box.chars += chars
            box.rects += rects
            box.scores += [conf / 100] * len(chars)
        for box in lines.values():
            box.text = "".join(box.chars)
            box.score = sum(box.scores) / max(1, len(box.scores))
        return list(lines.values())


def _tuning_from_environment() -> dict:
    """RapidOCR settings a user (or the benchmark) may override: READER_OCR_DPI, _DET, _THREADS, _BATCH."""
    names = {"READER_OCR_DPI": "dpi", "READER_OCR_DET": "det_side", "READER_OCR_THREADS": "threads",
             "READER_OCR_BATCH": "batch"}
    out = {}
    for variable, setting in names.items():
        value = os.environ.get(variable, "").strip()
        if value.isdigit() and int(value) > 0:
            out[setting] = int(value)
    return out


def make_engine(name: str | None = None, **settings) -> Engine:
    """The engine ``name`` ("rapidocr" or "tesseract"), or the best one installed."""
    if name in (None, "auto", "rapidocr"):
        settings = {**_tuning_from_environment(), **settings}
    if name in (None, "auto"):
        try:
            return RapidOcrEngine(**settings)
        except OcrUnavailableError as first:
            try:
                return TesseractEngine()
            except OcrUnavailableError:
                raise first from None
    if name == "rapidocr":
        return RapidOcrEngine(**settings)
    if name == "tesseract":
        return TesseractEngine(**settings)
    raise OcrUnavailableError(f"未知 OCR 引擎 (unknown OCR engine): {name}")
