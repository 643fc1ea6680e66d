"""`python -m reader ocr PDF [--pages A-B] [--json]`: OCR the pages without usable text.

Runs in this process (a worker: the app starts it as ``--progress`` and reads JSON progress
lines from stderr). Results go to the library's OCR cache; ``text``, ``outline``, ``index``
and ``annotations add`` then read them (and run OCR themselves when a page has none yet).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys

from reader.cli import EXIT_ERROR, EXIT_OK, emit
from reader.document import Document
from reader.errors import ReaderError, UsageError


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    ocr = subparsers.add_parser(
        "ocr", parents=[common],
        help="识别扫描页的文字 (OCR scanned pages)",
        description="识别没有文字层（或文字层不可用）的页面，结果存入资料库 (OCR pages without usable text into the library)",
    )
    ocr.add_argument("pdf", metavar="PDF")
    ocr.add_argument("--pages", metavar="A-B", help="只识别这些页（从 0 开始）(only these 0-based pages: 3, 2-5)")
    ocr.add_argument("--engine", choices=("auto", "rapidocr", "tesseract"), default="auto",
                     help="OCR 引擎，默认 RapidOCR (engine; default RapidOCR, else Tesseract)")
    ocr.add_argument("--progress", action="store_true",
                     help="在标准错误输出逐行输出 JSON 进度 (JSON progress lines on stderr, for the app)")
    ocr.add_argument("--password", help="加密 PDF 的密码 (password of an encrypted PDF)")
    ocr.set_defaults(func=run_ocr)


def parse_pages(spec: str | None, count: int) -> list[int] | None:
    """``"3"``, ``"2-5"`` or ``"1,4-6"`` (0-based, inclusive) → page list; None = all."""
    if not spec:
        return None
    pages: list[int] = []
    try:
        for part in spec.split(","):
            first, _, last = part.strip().partition("-")
            a, b = int(first), int(last or first)
            pages.extend(range(a, b + 1))
    except ValueError:
        raise UsageError(f"页码范围无效 (bad page range): {spec}") from None
    bad = [p for p in pages if not 0 <= p < count]
    if bad or not pages:
        raise UsageError(f"页码超出范围 (page out of range): {spec}; 0–{count - 1}")
    return sorted(set(pages))


def run_ocr(args: argparse.Namespace) -> int:
    from reader.library import Library
    from reader.ocr.engines import make_engine
    from reader.ocr.runner import ocr_document
    from reader.ocr.store import OcrStore, ocr_root_for

    library = Library(args.library)
    with Document.open(args.pdf, password=args.password) as doc:
        pages = parse_pages(args.pages, doc.page_count)
        engine = make_engine(args.engine)
        store = OcrStore(ocr_root_for(library.structure_cache_dir))

        def progress(done: int, total: int, page: int) -> None:
            if args.progress:
                sys.stderr.write(json.dumps({"done": done, "total": total, "page": page}) + "\n")
            elif page >= 0:
                sys.stderr.write(f"OCR {done + 1}/{total} (page {page})\n")
            sys.stderr.flush()

        report = ocr_document(doc, store, engine, pages, progress=progress,
                              structure_cache_dir=library.structure_cache_dir)
        texts = {p: (store.load(doc.content_hash, p, engine.key) or store.load(doc.content_hash, p))
                 for p in report.done}
        data = {
            "pdf": str(args.pdf), "content_hash": doc.content_hash, "engine": engine.key,
            "page_count": doc.page_count,
            "ocr_pages": report.pages, "cached_pages": report.cached, "skipped_pages": report.skipped,
            "failed": [{"page": p, "error": e} for p, e in sorted(report.failed.items())],
            "seconds_per_page": round(statistics.median(report.seconds), 2) if report.seconds else None,
            "pages": [{"page": p, "text": texts[p].text if texts[p] else "",
                       "confidence": round(statistics.mean(l.score for l in texts[p].lines), 3)
                       if texts[p] and texts[p].lines else None} for p in report.done],
        }

    def text() -> str:
        lines = [f"OCR [{engine.key}]: 识别 (recognised) {len(report.pages)}，已有 (cached) {len(report.cached)}，"
                 f"有文字层 (text layer) {len(report.skipped)}，失败 (failed) {len(report.failed)}"]
        if report.seconds:
            lines.append(f"每页 (per page) {statistics.median(report.seconds):.1f} s")
        return "\n".join(lines)

    emit(args, data, text)
    for failure in data["failed"]:
        sys.stderr.write(f"错误 (error): {failure['error']}\n")
    return EXIT_ERROR if report.failed else EXIT_OK


def auto_ocr(args: argparse.Namespace, doc: Document, structure_cache_dir) -> None:
    """Before ``text``/``outline``/``annotations add`` read a file: OCR its pages without text.

    (``index`` OCRs as a step of indexing: reader.index.ocr_step.) ``--no-ocr`` (where a command has it) skips this; without an engine a note goes to stderr
    and the command uses what text there is.
    """
    if getattr(args, "no_ocr", False) or structure_cache_dir is None:
        return
    from reader.ocr.auto import ensure_ocr

    interactive = sys.stderr.isatty()  # a script reading stderr gets one line per failure, nothing else

    def notify(message: str) -> None:
        if interactive or "未安装" in message:  # a missing engine is always said
            sys.stderr.write(f"注意 (note): {message}\n")

    def progress(done: int, total: int, page: int) -> None:
        if page >= 0 and interactive:
            sys.stderr.write(f"\rOCR {done + 1}/{total} (page {page})" + ("\n" if done + 1 == total else ""))
            sys.stderr.flush()

    try:
        ensure_ocr(doc, structure_cache_dir, notify=notify, progress=progress)
    except (ReaderError, OSError) as exc:  # OCR trouble (or a read-only library) must not cost the rest
        if interactive:
            sys.stderr.write(f"注意 (note): OCR: {exc}\n")


__all__ = ["register", "run_ocr", "auto_ocr", "parse_pages", "EXIT_ERROR"]
