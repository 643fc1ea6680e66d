"""`info PDF`: page count, labels and text layer of a PDF — and a quick check that it opens."""

from __future__ import annotations

import argparse

from reader.cli import emit
from reader.document import Document


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "info", parents=[common], help="文件信息：页数、页码标签、文字层 (page count, labels, text layer)"
    )
    parser.add_argument("pdf", metavar="PDF")
    parser.add_argument("--password", help="加密 PDF 的密码 (password of an encrypted PDF)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    with Document.open(args.pdf, password=args.password) as doc:
        data = {
            "pdf": str(doc.path.resolve()),
            "title": doc.title,
            "page_count": doc.page_count,
            "page_labels": doc.page_labels,
            "has_text_layer": doc.has_text_layer,
            "content_hash": doc.content_hash,
            "text_problem": doc.text_damage,
        }
    lines = [
        f"{data['title']}",
        f"页数 (pages): {data['page_count']}",
        f"页码 (labels): {', '.join(data['page_labels'][:8])}{' …' if data['page_count'] > 8 else ''}",
    ]
    if data["text_problem"]:
        lines.append(f"注意 (note): {data['text_problem']}")
    elif not data["has_text_layer"]:
        lines.append("注意：此 PDF 没有文字层，无法搜索或分析结构 (no text layer: search and structure unavailable)")
    return emit(args, data, "\n".join(lines))
