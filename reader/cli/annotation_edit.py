"""`annotations edit ID [--note TEXT] [--theme NAME …] [--private|--team]`: change an annotation in place.

Works in any library; in a team library the change goes up with the next ``team sync``.
Kept beside ``annotations.py`` so that module only gains the registration line.
"""

from __future__ import annotations

import argparse

from reader.annotations import Theme
from reader.cli import emit
from reader.errors import UsageError
from reader.library import Library
from reader.workspace import Workspace


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    edit = sub.add_parser("edit", parents=[common], help="修改批注内容、主题或可见范围 (edit an annotation's note, "
                                                         "themes or visibility)")
    edit.add_argument("id", metavar="ID", help="批注编号，可用唯一前缀 (annotation id or a unique prefix)")
    edit.add_argument("--note", metavar="TEXT", help="新的批注内容 (new note)")
    edit.add_argument("--theme", action="append", metavar="NAME",
                      help="主题，可重复，替换原有主题 (themes, repeatable; replace the current ones)")
    shared = edit.add_mutually_exclusive_group()
    shared.add_argument("--private", dest="visibility", action="store_const", const="private",
                        help="仅自己可见 (visible to me only)")
    shared.add_argument("--team", dest="visibility", action="store_const", const="team",
                        help="团队可见 (visible to the team)")
    edit.set_defaults(func=run_edit)


def run_edit(args: argparse.Namespace) -> int:
    from reader.team.authors import mark_visibility

    if args.note is None and args.theme is None and args.visibility is None:
        raise UsageError("请给出 --note、--theme、--private 或 --team (give --note, --theme, --private or --team)")
    workspace = Workspace(Library(args.library))
    library = workspace.library
    with workspace:
        store = workspace.annotations
        ident = store.resolve_id(args.id)
        changes: dict = {}
        if args.note is not None:
            changes["note"] = args.note
        if args.theme is not None:
            names = []
            for name in args.theme:
                theme = store.theme(name) or (store.add_theme(Theme(name.strip())) if name.strip() else None)
                names.append(store.require_theme(name).name if theme is None else theme.name)
            changes["themes"] = names
        ann = store.update(ident, **changes) if changes else store.get(ident)
    if args.visibility:
        mark_visibility(library.root, ident, args.visibility)
    data = ann.to_json()  # type: ignore[union-attr]
    if args.visibility:
        data["visibility"] = args.visibility
    return emit(args, data, f"已修改 (edited) {ident}")
