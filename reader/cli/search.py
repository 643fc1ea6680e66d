"""`index PDF…` and `search QUERY`: the library's full-text index from the command line."""

from __future__ import annotations

import argparse
import signal
import sys
import threading

from reader.cli import EXIT_ERROR, EXIT_OK, emit
from reader.cli.argtypes import iso_date
from reader.errors import UsageError
from reader.library import Library
from reader.workspace import Workspace


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    index = subparsers.add_parser(
        "index", parents=[common],
        help="把 PDF 或文件夹加入资料库并建立全文索引 (add PDFs or folders to the library and index them)",
    )
    index.add_argument("pdfs", metavar="PDF", nargs="*",
                       help="PDF 文件或文件夹；不给则只完成上次未完成的索引 (files or folders; none = finish pending work)")
    index.add_argument("--no-ocr", action="store_true",
                       help="不识别扫描页 (do not OCR pages without text)")
    index.add_argument("--progress", action="store_true",
                       help="在标准错误输出逐行输出 JSON 进度 (JSON progress lines on stderr, for the app's worker)")
    index.add_argument("--retry-failed", action="store_true",
                       help="重试以前失败的文件 (try the files that failed before again)")
    index.add_argument("--failed", action="store_true",
                       help="只列出索引失败的文件及原因，不建立索引 (only list files whose indexing failed, and why)")
    index.set_defaults(func=run_index)

    search = subparsers.add_parser(
        "search", parents=[common],
        help="在资料库中全文搜索 (full-text search over the library)",
        description="多个词须同时出现；\"…\" 为短语；-词 排除；空格和换行不计。 "
                    "(all words must occur; \"…\" is a phrase; -word excludes; spaces and line breaks are ignored)",
    )
    search.add_argument("query", metavar="QUERY", nargs="*", help="搜索内容 (what to find); -词 排除 (-word excludes)")
    search.add_argument("--document", metavar="TEXT", help="只搜标题或文号含此文字的文件 (only documents whose title or 文号 contains TEXT)")
    search.add_argument("--compilation", metavar="TEXT", help="只搜标题或路径含此文字的汇编；团队库含同事的汇编 (only compilations whose title or path "
                        "contains TEXT; in a team library also the team's)")
    search.add_argument("--from", dest="date_from", type=iso_date, metavar="YYYY-MM-DD", help="文件日期不早于 (document date on or after)")
    search.add_argument("--to", dest="date_to", type=iso_date, metavar="YYYY-MM-DD", help="文件日期不晚于 (document date on or before)")
    search.add_argument("--annotated", action="store_true", help="只搜有批注的页 (only pages I annotated)")
    search.add_argument("--front-matter", action="store_true",
                        help="也搜封面和目录页 (also search cover and contents pages)")
    search.add_argument("--limit", type=int, metavar="N", help="最多列出 N 页，默认全部 (at most N pages; default all)")
    search.set_defaults(func=run_search, dash_words="query")


def run_index(args: argparse.Namespace) -> int:
    from reader.progress import progress_line

    # The app cancels its indexing worker with SIGTERM: unwind like Ctrl+C, so the file being worked
    # on is not taken for one that killed the process (reader.index.schema.PageStore.recover_abandoned).
    if threading.current_thread() is threading.main_thread():  # signal handlers live in the main thread only
        signal.signal(signal.SIGTERM, _cancelled)
    workspace = Workspace(Library(args.library))
    library = workspace.library
    if args.failed:
        return _list_failed(args, workspace.index.failures())
    def progress(done: int, total: int, what: str) -> None:
        if args.progress:
            sys.stderr.write(progress_line(done, total, what) + "\n")
            sys.stderr.flush()
        elif not args.json and what and sys.stderr.isatty():
            sys.stderr.write(f"\r[{done + 1}/{total}] {what[:60]:<60}")

    # scanned pages are OCR'd as a step of indexing (reader.index.ocr_step), unless --no-ocr
    report = workspace.index.index(args.pdfs, progress=progress, retry_failed=args.retry_failed, ocr=not args.no_ocr)
    if not args.json and sys.stderr.isatty():
        sys.stderr.write("\r" + " " * 72 + "\r")
    if report.repaired:
        sys.stderr.write(f"注意 (note): {report.repaired}\n")
    for note in report.notes:
        sys.stderr.write(f"注意 (note): {note}\n")
    for failure in report.failed:
        sys.stderr.write(f"错误 (error): {failure['error']}\n")
    data = report.as_dict()
    data["library"] = str(library.root)

    def text() -> str:
        lines = [f"已索引 (indexed) {len(report.indexed)}，未变 (unchanged) {len(report.skipped)}，"
                 f"失败 (failed) {len(report.failed)}"]
        lines += [f"  + {e['pdf']} ({e.get('pages', 0)} 页 pages)" for e in report.indexed]
        lines += [f"  = {e['pdf']}" for e in report.skipped]
        lines += [f"  ! {e['pdf']}" for e in report.failed]
        return "\n".join(lines)

    emit(args, data, text)
    return EXIT_ERROR if report.failed else EXIT_OK


def _cancelled(_signum: int, _frame: object) -> None:
    raise KeyboardInterrupt


def _list_failed(args: argparse.Namespace, failures: list[dict]) -> int:
    """``index --failed``: what failed, why and when; ``--retry-failed`` tries them again."""
    def text() -> str:
        if not failures:
            return "没有索引失败的文件 (no file failed to index)"
        lines = [f"索引失败 (failed) {len(failures)}：用 --retry-failed 重试 (retry with --retry-failed)"]
        lines += [f"  ! {f['pdf']}  [{f['failed_at']}]\n    {f['error']}" for f in failures]
        return "\n".join(lines)

    return emit(args, {"failed": failures}, text)


def run_search(args: argparse.Namespace) -> int:
    from reader.index.search import SearchFilters
    from reader.textfold import fold

    query = " ".join(args.query)
    if args.limit is not None and args.limit < 0:
        raise UsageError("--limit 不能为负数 (--limit must not be negative)")
    workspace = Workspace(Library(args.library))
    library = workspace.library
    if library.read_only:
        sys.stderr.write(Library.READ_ONLY_NOTICE + "\n")
    filters = SearchFilters(document=args.document, date_from=args.date_from, date_to=args.date_to,
                            front_matter=args.front_matter)
    searcher = workspace.index
    if args.compilation:
        from reader.team.catalogue import library_choices

        refresh = getattr(searcher, "refresh_compilations", None)  # a team library: look at the server's list
        if refresh is not None:
            refresh()
        wanted = fold(args.compilation)
        filters.content_hashes = {c.content_hash for c in library_choices(library, include_changed=True) if c.matches(wanted)}
    if args.annotated:
        filters.pages = workspace.annotated_pages()
    repaired = searcher.repair()
    if repaired:
        sys.stderr.write(f"注意 (note): {repaired}\n")
    results = searcher.search(query, filters, limit=args.limit)
    if results.parsed.empty:
        raise UsageError(results.message or "请输入要搜索的内容 (enter something to search)")
    hits = []
    for hit in results.hits:
        details = searcher.details(hit, results.parsed)
        hits.append({
            "pdf": hit.pdf,
            "page_index": hit.page_index,
            "page_label": hit.page_label,
            "document": hit.document,
            "doc_number": hit.doc_number,
            "snippet": details.snippet,
            "rects": [[round(v, 2) for v in r] for r in details.rects.get(hit.page_index, [])],
            "snippet_spans": details.snippet_spans,
            "compilation": hit.compilation,
            "content_hash": hit.content_hash,
            "date": hit.date,
            "missing": hit.missing,
            "score": round(hit.score, 4),
        })
        if hasattr(hit, "authors"):  # a team library: who annotated the page (as this member may see)
            hits[-1]["annotation_authors"] = list(hit.authors)
    data = {"query": query, "total_pages": results.total_pages, "hits": hits}
    if results.message:
        data["message"] = results.message

    def text() -> str:
        if results.message and not hits:
            return results.message
        lines = [f"共 {results.total_pages} 页 (pages)"]
        for group_title, docs in results.groups():
            lines.append(f"■ {group_title}")
            shown = {(h["content_hash"], h["page_index"]): h for h in hits}
            for doc_title, doc_hits in docs:
                lines.append(f"  ▶ {doc_title}")
                for hit in doc_hits:
                    entry = shown[(hit.content_hash, hit.page_index)]
                    missing = " [文件缺失 missing]" if hit.missing else ""
                    lines.append(f"    第 {hit.page_label} 页 (p. {hit.page_index + 1}){missing}  {entry['snippet']}")
        return "\n".join(lines)

    return emit(args, data, text)
