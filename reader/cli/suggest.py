"""`suggest --theme NAME [PDF]`: clauses that mention a theme's keywords, for the analyst to tag.

Without a PDF every compilation of the library is looked at (those whose structure was analysed
before and whose file is still there). Rejections made in the app are remembered in the library
and left out here too; clauses already tagged with the theme are not proposed again.
"""

from __future__ import annotations

import argparse
import sys

from reader.annotations.suggestion_memory import RejectedSuggestions
from reader.annotations.suggestions import Suggestion, suggest_clauses
from reader.cli import emit
from reader.document import Document
from reader.library import Library
from reader.workspace import Workspace
from reader.workspace.suggest import suggest_in_library


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    cmd = subparsers.add_parser(
        "suggest", parents=[common], help="按主题关键词推荐条款 (clauses a theme's keywords propose)",
        description="列出提到主题关键词的最内层条款（关键词忽略空白与全半角，中文按子串、英文数字按整词匹配）。 "
                    "(List the innermost clauses that mention a theme's keywords; matching ignores whitespace "
                    "and width, Chinese keywords match as substrings, Latin/digit keywords as whole words.)")
    cmd.add_argument("pdf", metavar="PDF", nargs="?", help="只看此汇编，默认整个资料库 (only this compilation; default: the library)")
    cmd.add_argument("--theme", required=True, metavar="NAME", help="主题名称，中文或英文 (theme name, Chinese or English)")
    cmd.add_argument("--password", help="加密 PDF 的密码 (password)")
    cmd.set_defaults(func=run_suggest)


def _one_compilation(workspace: Workspace, pdf: str, password: str | None) -> list:
    with Document.open(pdf, password=password) as doc:
        workspace.library.add(pdf, document=doc)
        comp = workspace.compilation(doc)
    return [comp] if comp is not None else []


def run_suggest(args: argparse.Namespace) -> int:
    workspace = Workspace(Library(args.library), backup=False)  # reads only
    with workspace:
        store = workspace.annotations
        theme = store.require_theme(args.theme)
        rejected = RejectedSuggestions(workspace.library.root).keys()
        found: list[Suggestion] = []
        if args.pdf:
            for comp in _one_compilation(workspace, args.pdf, args.password):
                found.extend(suggest_clauses(comp, theme, annotations=store.list(content_hash=comp.content_hash),
                                             rejected=rejected))
        else:  # the whole library, the walk the window's panel uses too
            walk = suggest_in_library(workspace, theme, store.list(), rejected)
            for path, why in walk.skipped:  # one unreadable file does not stop the rest
                sys.stderr.write(f"跳过 (skipped) {path}: {why}\n")
            found = walk.suggestions
    if not theme.keywords:
        sys.stderr.write(f"注意：主题“{theme.name}”没有关键词 (note: the theme has no keywords)\n")
    data = {"theme": theme.name, "keywords": list(theme.keywords), "count": len(found),
            "suggestions": [s.to_json() for s in found]}

    def text() -> str:
        lines = [f"{s.page_label:>4}  {s.doc_number or s.document[:24]}  {''.join(s.clause_path) or '（段落）'}"
                 f"  [{'、'.join(s.keywords)}]  {s.excerpt[:40]}" for s in found]
        return "\n".join(lines + [f"共 {len(found)} 条 (total {len(found)}) · 主题 (theme) {theme.name}"])

    return emit(args, data, text)
