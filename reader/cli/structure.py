"""`outline PDF` and `text PDF`: the structure of a compilation and its clean text."""

from __future__ import annotations

import argparse

from reader.cli import emit
from reader.document import Document
from reader.errors import ReaderError, UsageError
from reader.structure import Clause, Compilation, load_structure
from reader.structure.labels import qualified_labels


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    outline = subparsers.add_parser(
        "outline", parents=[common],
        help="汇编结构：文件、文号、日期、条款 (structure: documents, numbers, dates, clauses)")
    outline.add_argument("pdf", metavar="PDF")
    outline.add_argument("--password", help="加密 PDF 的密码 (password of an encrypted PDF)")
    outline.add_argument("--no-ocr", action="store_true",
                      help="不识别扫描页 (do not OCR pages without text)")
    outline.set_defaults(func=run_outline)

    text = subparsers.add_parser(
        "text", parents=[common],
        help="去掉页眉页脚后的正文 (clean text without running headers/footers)")
    text.add_argument("pdf", metavar="PDF")
    text.add_argument("--page", type=int, metavar="N",
                      help="只输出第 N 页（从 0 开始的页序号）(only page N, 0-based index)")
    text.add_argument("--password", help="加密 PDF 的密码 (password of an encrypted PDF)")
    text.add_argument("--no-ocr", action="store_true",
                      help="不识别扫描页 (do not OCR pages without text)")
    text.set_defaults(func=run_text)


def _compilation(args: argparse.Namespace) -> Compilation:
    from reader.library import Library
    from reader.workspace import Workspace

    with Document.open(args.pdf, password=args.password) as doc:
        try:
            workspace = Workspace(Library(args.library))
        except (OSError, ReaderError):  # no usable library: analyse without caching
            return load_structure(doc)
        from reader.cli.ocr import auto_ocr

        # scanned pages: OCR once into the library, then they read as text
        auto_ocr(args, doc, workspace.library.structure_cache_dir)
        return workspace.compilation(doc)


def clause_json(clause: Clause) -> dict:
    return {
        "label": clause.label,
        "heading": clause.heading,
        "kind": clause.kind,
        "start_page": clause.start_page,
        "end_page": clause.end_page,
        "text": clause.text,
        "children": [clause_json(c) for c in clause.children],
    }


def document_json(d) -> dict:
    """One document of ``outline --json``; its attachments (附件) nest with the same keys."""
    return {
        "title": d.title,
        "doc_number": d.doc_number,
        "issuers": d.issuers,
        "date": d.date,
        "kind": d.kind,
        "start_page": d.start_page,
        "end_page": d.end_page,
        "start_label": d.start_label,
        "end_label": d.end_label,
        "clause_count": sum(1 for _ in _walk(d.clauses)),
        "clauses": [clause_json(c) for c in d.clauses],
        "label": d.label,
        "attachments": [document_json(a) for a in d.attachments],
    }


def outline_json(comp: Compilation) -> dict:
    return {
        "page_count": comp.page_count,
        "page_labels": comp.page_labels,
        # The same labels made unique: where printed numbers restart per document, a repeated
        # number is named with its document ("2-3"); --page-label accepts these.
        "page_names": qualified_labels(comp.page_labels, comp.documents),
        "has_text_layer": comp.has_text_layer,
        "documents": [document_json(d) for d in comp.documents],
    }


def _walk(clauses):
    for clause in clauses:
        yield clause
        yield from _walk(clause.children)


def outline_text(comp: Compilation) -> str:
    names = qualified_labels(comp.page_labels, comp.documents)
    if not comp.has_text_layer:
        return "此 PDF 没有文字层，无法分析结构 (no text layer: structure unavailable)"
    lines = [f"页数 (pages): {comp.page_count}  文件 (documents): {len(comp.documents)}"]
    for number, doc in enumerate(comp.documents, 1):
        facts = [f for f in (doc.doc_number, doc.date, doc.kind) if f]
        lines.append(f"{number}. {doc.title}  [p. {names[doc.start_page]}]" + (f"  ({'；'.join(facts)})" if facts else ""))
        if doc.issuers:
            lines.append(f"   发文机关 (issuers): {'、'.join(doc.issuers)}")

        def add(clauses: list[Clause], depth: int) -> None:
            for clause in clauses:
                lines.append(f"{'   ' * depth}{clause.label} {clause.heading}  [p. {names[clause.start_page]}]")
                add(clause.children, depth + 1)

        add(doc.clauses, 1)
        for attached in doc.attachments:
            lines.append(f"   {attached.label or '附件'} {attached.title}  [p. {names[attached.start_page]}]")
            add(attached.clauses, 2)
    return "\n".join(lines)


def run_outline(args: argparse.Namespace) -> int:
    comp = _compilation(args)
    return emit(args, outline_json(comp), lambda: outline_text(comp))


def run_text(args: argparse.Namespace) -> int:
    comp = _compilation(args)
    if args.page is not None:
        if not 0 <= args.page < comp.page_count:
            raise UsageError(
                f"页序号超出范围 (page out of range): {args.page}，应为 0–{comp.page_count - 1}")
        body = comp.page_text(args.page)
        data = {"page": args.page, "label": comp.page_labels[args.page], "text": body}
    else:
        body = comp.text
        data = {"page_count": comp.page_count,
                "pages": [{"page": p, "label": comp.page_labels[p], "text": comp.page_text(p)}
                          for p in range(comp.page_count)]}
    return emit(args, data, body)
