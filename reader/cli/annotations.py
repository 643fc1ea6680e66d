"""`annotations …` and `themes …`: add, list, remove, migrate, export/import annotations; edit themes.

Pages are 0-based page indexes everywhere (as ``page_index`` in the JSON and in the outline
command); ``--page-label`` takes the printed label instead.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reader.annotations import Annotation, Theme
from reader.annotations import backup as backups
from reader.annotations import exchange
from reader.annotations.anchoring import migrate
from reader.annotations.service import migrate_predecessors, validate_store_file
from reader.annotations.spans import (annotation_for_span, clause_span, clauses_containing, find_on_page,
                                      page_for_label)
from reader.annotations.themes import is_valid_color
from reader.cli import annotation_edit, emit
from reader.document import Document
from reader.errors import UsageError
from reader.library import Library
from reader.workspace import AnnotationRepository, Workspace


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    ann = subparsers.add_parser("annotations", help="批注：添加、列出、删除、迁移 (annotations: add, list, remove, migrate)")
    sub = ann.add_subparsers(dest="action", metavar="ACTION", required=True, parser_class=type(ann))

    add = sub.add_parser("add", parents=[common], help="添加批注 (add an annotation)",
                         description="在页面上找到引文并高亮，或标记包含某段文字的整条条款。页码为从 0 开始的页序号。 "
                                     "(Highlight a quote found on a page, or tag the whole clause containing a text. "
                                     "--page is the 0-based page index.)")
    add.add_argument("pdf", metavar="PDF")
    where = add.add_mutually_exclusive_group(required=True)
    where.add_argument("--page", type=int, metavar="N", help="从 0 开始的页序号 (0-based page index, as page_index in JSON)")
    where.add_argument("--page-label", metavar="L", help="印刷页码标签，如 9 或 II (printed page label)")
    where.add_argument("--clause-containing", metavar="TEXT",
                       help="标记包含该文字的最内层条款 (tag the innermost clause containing TEXT)")
    add.add_argument("--quote", metavar="TEXT", help="要高亮的原文，忽略空白与换行 (text to highlight; whitespace ignored)")
    add.add_argument("--occurrence", type=int, default=1, metavar="K",
                     help="引文在该页出现多次时取第 K 次，默认 1 (take the K-th match on the page)")
    add.add_argument("--theme", action="append", default=[], metavar="NAME", help="主题，可重复 (theme; repeatable)")
    add.add_argument("--note", default="", metavar="TEXT", help="批注内容 (note)")
    add.add_argument("--strict-themes", action="store_true",
                     help="主题不存在时报错而不是新建 (fail on an unknown theme instead of creating it)")
    add.add_argument("--create-theme", action="store_true", help=argparse.SUPPRESS)  # the default since 0.1
    add.add_argument("--password", help="加密 PDF 的密码 (password)")
    add.add_argument("--private", action="store_true", help="仅自己可见，不与团队共享 (private: not shared with the team)")
    add.set_defaults(func=run_add)

    lst = sub.add_parser("list", parents=[common], help="列出批注 (list annotations)")
    lst.add_argument("pdf", metavar="PDF", nargs="?", help="只列此汇编的批注 (only this compilation)")
    lst.add_argument("--theme", metavar="NAME", help="只列此主题 (only this theme)")
    lst.add_argument("--text", metavar="TEXT", help="引文或批注包含的文字 (quote/note contains)")
    lst.add_argument("--password", help="加密 PDF 的密码 (password)")
    lst.add_argument("--author", metavar="WHO", help="mine、team 或某位同事 (mine, team, or one colleague)")
    lst.set_defaults(func=run_list)

    rm = sub.add_parser("remove", parents=[common], help="删除批注 (remove an annotation)")
    rm.add_argument("id", metavar="ID", help="批注编号，可用唯一前缀 (annotation id or a unique prefix)")
    rm.set_defaults(func=run_remove)

    annotation_edit.register(sub, common)

    mig = sub.add_parser("migrate", parents=[common], help="把批注迁移到新版汇编 (carry annotations to a new edition)")
    mig.add_argument("old", metavar="OLD.pdf")
    mig.add_argument("new", metavar="NEW.pdf")
    mig.set_defaults(func=run_migrate)

    exp = sub.add_parser("export", parents=[common], help="导出全部批注为 JSON (export all annotations as JSON)")
    exp.add_argument("file", metavar="FILE.json")
    exp.set_defaults(func=run_export)
    imp = sub.add_parser("import", parents=[common], help="从 JSON 导入批注，按编号合并 (import JSON, merge by id)")
    imp.add_argument("file", metavar="FILE.json")
    imp.set_defaults(func=run_import)

    rst = sub.add_parser("restore", parents=[common], help="列出备份或从备份恢复 (list backups, or restore one)",
                         description="不带参数：列出备份及其批注数。带参数：用该备份替换批注数据库（原文件另存，不删除）。 "
                                     "(Without BACKUP: list the backups with their counts. With BACKUP — a path, a file "
                                     "name in the backup folder or a number from the list, 1 = newest — put it in place "
                                     "of the store atomically; the replaced file is kept aside.)")
    rst.add_argument("backup", metavar="BACKUP", nargs="?")
    rst.set_defaults(func=run_restore)

    themes = subparsers.add_parser("themes", help="主题：列出、新建、改名、改色、合并、删除 (themes)")
    tsub = themes.add_subparsers(dest="action", metavar="ACTION", required=True, parser_class=type(themes))
    tl = tsub.add_parser("list", parents=[common], help="列出主题及批注数 (list themes with counts)")
    tl.set_defaults(func=run_themes_list)
    ta = tsub.add_parser("add", parents=[common], help="新建主题 (add a theme)")
    ta.add_argument("name", metavar="NAME")
    ta.add_argument("--name-en", default="", metavar="NAME", help="英文名 (English name)")
    ta.add_argument("--color", default="#ffd54f", metavar="#RRGGBB", help="颜色 (colour)")
    ta.add_argument("--keyword", action="append", default=[], metavar="WORD", help="关键词，可重复 (keyword)")
    ta.set_defaults(func=run_themes_add)
    tr = tsub.add_parser("rename", parents=[common], help="主题改名 (rename a theme)")
    tr.add_argument("name", metavar="OLD")
    tr.add_argument("new_name", metavar="NEW")
    tr.add_argument("--name-en", metavar="NAME", help="同时改英文名 (also set the English name)")
    tr.set_defaults(func=run_themes_rename)
    tc = tsub.add_parser("recolor", parents=[common], help="主题改色 (recolour a theme)")
    tc.add_argument("name", metavar="NAME")
    tc.add_argument("color", metavar="#RRGGBB")
    tc.set_defaults(func=run_themes_recolor)
    tm = tsub.add_parser("merge", parents=[common], help="把主题并入另一主题 (merge a theme into another)")
    tm.add_argument("name", metavar="SOURCE")
    tm.add_argument("target", metavar="TARGET")
    tm.set_defaults(func=run_themes_merge)
    td = tsub.add_parser("delete", parents=[common], help="删除主题，批注保留但去掉该主题 (delete; annotations are kept, untagged)")
    td.add_argument("name", metavar="NAME")
    td.set_defaults(func=run_themes_delete)


# ---------------------------------------------------------------------------- helpers
def _workspace(args: argparse.Namespace, backup: bool = True) -> Workspace:
    return Workspace(Library(args.library), backup=backup)


def _open(args: argparse.Namespace, pdf: str):
    """Workspace, compilation and current path of ``pdf`` (earlier versions' annotations carried over)."""
    workspace = _workspace(args)
    with Document.open(pdf, password=getattr(args, "password", None)) as doc:
        entry = workspace.library.add(pdf, document=doc)
        comp = workspace.compilation(doc)
    library = workspace.library
    for report in [] if library.read_only else migrate_predecessors(library, workspace.annotations, comp, entry.path):
        sys.stderr.write(f"已从旧版本迁移批注 (annotations carried over from the previous version): "
                         f"{report['found']} found, {report['moved']} moved, {report['orphaned']} orphaned\n")
    return workspace, comp, entry.path


def _themes_for(store: AnnotationRepository, names: list[str], create: bool) -> tuple[list[str], list[str]]:
    """The stored names of ``names`` (matched in Chinese or English, any case), and those newly created.

    Tagging with a new name creates the theme, as tags do in reference managers; ``create=False``
    (``--strict-themes``) refuses unknown names instead.
    """
    out, created = [], []
    for name in names:
        theme = store.theme(name)
        if theme is None and create and name.strip():
            theme, new = store.ensure_theme(Theme(name.strip()))  # safe when another process creates it too
            if new:
                created.append(theme.name)
        out.append(store.require_theme(name).name if theme is None else theme.name)
    return out, created


def _line(ann: Annotation) -> str:
    themes = "、".join(ann.themes) or "—"
    where = f"p.{ann.page_label or ann.page_index + 1} [{ann.page_index}]"
    clause = "".join(ann.clause_path)
    note = f"  ✎ {ann.note}" if ann.note else ""
    quote = ann.quote if len(ann.quote) <= 60 else ann.quote[:58] + "…"
    flag = "" if ann.status == "anchored" else f" ({ann.status})"
    return f"{ann.id}  {where}  {themes}  {ann.document[:20]} {clause}\n    “{quote}”{note}{flag}"


# ---------------------------------------------------------------------------- annotations
def run_add(args: argparse.Namespace) -> int:
    workspace, comp, pdf = _open(args, args.pdf)
    with workspace:
        store = workspace.annotations
        notices = []
        if args.strict_themes:
            _themes_for(store, args.theme, create=False)  # refuse before anything is written
        if args.clause_containing is not None:
            if args.quote:
                raise UsageError("--clause-containing 与 --quote 不能同时使用 (use either --clause-containing or --quote)")
            candidates = clauses_containing(comp, args.clause_containing)
            if not candidates:
                raise UsageError(f"没有条款包含该文字 (no clause contains): {args.clause_containing!r}")
            doc, clause = candidates[0]
            if len(candidates) > 1:
                others = "; ".join(f"{d.title[:24]} {c.label}{c.heading[:16]}" for d, c in candidates[1:6])
                notices.append(f"注意：{len(candidates)} 条条款包含该文字，已取第一条 (note: {len(candidates)} clauses "
                               f"match; tagged the first). 其他 (others): {others}")
            start, end = clause_span(comp, clause)
        else:
            if not args.quote:
                raise UsageError("请用 --quote 给出要高亮的原文 (give the text to highlight with --quote)")
            page = args.page if args.page is not None else page_for_label(comp, args.page_label)
            start, end, matches = find_on_page(comp, page, args.quote, args.occurrence)
            if matches > 1 and args.occurrence == 1:
                notices.append(f"注意：引文在该页出现 {matches} 次，已取第 1 次，可用 --occurrence 指定 "
                               f"(note: the quote occurs {matches} times on the page; took the first, see --occurrence)")
        themes, created = _themes_for(store, args.theme, create=not args.strict_themes)
        if created:
            notices.append(f"已新建主题 (new theme): {'、'.join(created)}")
        ann = store.add(annotation_for_span(comp, start, end, pdf=pdf, themes=themes, note=args.note))
    if args.private:
        from reader.team.authors import mark_visibility

        mark_visibility(workspace.library.root, ann.id, "private")
    for notice in notices:
        sys.stderr.write(notice + "\n")
    data = ann.to_json() | ({"visibility": "private"} if args.private else {})
    return emit(args, data, lambda: "已添加 (added)\n" + _line(ann))


def run_list(args: argparse.Namespace) -> int:
    if args.pdf:
        workspace, comp, _ = _open(args, args.pdf)
        content_hash = comp.content_hash
    else:
        workspace, content_hash = _workspace(args), None
    if workspace.library.read_only:
        sys.stderr.write(Library.READ_ONLY_NOTICE + "\n")
    with workspace:
        if args.theme and workspace.annotations.theme(args.theme) is None:
            workspace.annotations.require_theme(args.theme)
        found = workspace.annotations_with_paths(content_hash=content_hash, theme=args.theme, text=args.text)
    if args.author:
        from reader.team.authors import filter_by_author

        found = filter_by_author(workspace.library.root, found, args.author)
    return emit(args, [a.to_json() for a in found],
                lambda: "\n".join(_line(a) for a in found) + f"\n共 {len(found)} 条 (total {len(found)})")


def run_remove(args: argparse.Namespace) -> int:
    with _workspace(args) as workspace:
        store = workspace.annotations
        removed = store.remove(store.resolve_id(args.id))
    data = removed.to_json() if removed else {}
    return emit(args, {"removed": data.get("id"), "annotation": data}, f"已删除 (removed) {data.get('id')}")


def run_migrate(args: argparse.Namespace) -> int:
    with _workspace(args) as workspace:
        with Document.open(args.old) as old_doc:
            workspace.library.add(args.old, document=old_doc)
            old_hash = old_doc.content_hash
        with Document.open(args.new) as new_doc:
            entry = workspace.library.add(args.new, document=new_doc)
            comp = workspace.compilation(new_doc)
        report = migrate(workspace.annotations, old_hash, comp, entry.path)
    report.update({"old": str(Path(args.old).resolve()), "new": entry.path})
    text = (f"找到 (found) {report['found']}，移动 (moved) {report['moved']}，"
            f"未能定位 (orphaned) {report['orphaned']}")
    orphans = [f"  ✗ “{a['quote'][:50]}”" for a in report["annotations"] if a["status"] == "orphaned"]
    return emit(args, report, "\n".join([text, *orphans]))


def run_export(args: argparse.Namespace) -> int:
    from reader.export.outputs import check_output

    with _workspace(args) as workspace:
        if workspace.library.read_only:
            sys.stderr.write(Library.READ_ONLY_NOTICE + "\n")
        check_output(workspace.library, Path(args.file), overwrite=True)  # never onto the store or a library file
        store = workspace.annotations
        count = exchange.export_json(store, Path(args.file))
    return emit(args, {"file": str(Path(args.file).resolve()), "annotations": count},
                f"已导出 {count} 条批注 (exported {count} annotations) → {args.file}")


def run_import(args: argparse.Namespace) -> int:
    with _workspace(args) as workspace:
        store = workspace.annotations
        result = exchange.import_json(store, Path(args.file))
    return emit(args, result, f"已导入 (imported) {result['annotations_imported']}，"
                              f"跳过较旧的 (skipped older) {result['annotations_skipped']}，新主题 (new themes) {result['themes_added']}")


def run_restore(args: argparse.Namespace) -> int:
    """List backups with what they hold, or restore one (the store is not opened: it may be damaged)."""
    library = Library(args.library)
    if not args.backup:
        infos = backups.backup_infos(library.annotations_db)
        data = {"store": str(library.annotations_db), "folder": str(backups.backup_dir(library.annotations_db)),
                "backups": [dict(i.to_json(), number=n) for n, i in enumerate(infos, 1)]}

        def text() -> str:
            if not infos:
                return f"没有备份 (no backups) in {data['folder']}"
            rows = [f"{n:>2}  {i.taken:%Y-%m-%d %H:%M}  "
                    + (f"{i.annotations} 条批注 (annotations), {i.themes} 个主题 (themes)" if i.good
                       else "已损坏 (damaged)") + f"  {i.path.name}" for n, i in enumerate(infos, 1)]
            return "\n".join(rows + ["恢复 (restore): python -m reader annotations restore N"])

        return emit(args, data, text)
    chosen = backups.resolve_backup(library.annotations_db, args.backup)
    result = backups.restore(library.annotations_db, chosen, validate=_validate_restored)
    return emit(args, result, f"已恢复 (restored) {result['annotations']} 条批注 ← {chosen.name}"
                + (f"；原文件另存为 (previous file kept as) {result['kept_aside']}" if result["kept_aside"] else ""))


def _validate_restored(candidate: Path) -> None:
    """The copy about to be put in place opens as an annotation store (schema not newer than ours)."""
    validate_store_file(candidate)


# ---------------------------------------------------------------------------- themes
def _theme_json(theme: Theme, counts: dict[str, int]) -> dict:
    return {**theme.to_json(), "count": counts.get(theme.name, 0)}


def run_themes_list(args: argparse.Namespace) -> int:
    with _workspace(args, backup=False) as workspace:
        store = workspace.annotations
        counts, themes = store.count_by_theme(), store.themes()
    data = [_theme_json(t, counts) for t in themes]
    return emit(args, data, lambda: "\n".join(
        f"{t['color']}  {t['name']} ({t['name_en']})  {t['count']}  {' '.join(t['keywords'])}" for t in data))


def run_themes_add(args: argparse.Namespace) -> int:
    if not is_valid_color(args.color):
        raise UsageError(f"颜色应为 #RRGGBB (colour must be #RRGGBB): {args.color!r}")
    with _workspace(args) as workspace:
        store = workspace.annotations
        theme = store.add_theme(Theme(args.name.strip(), args.name_en.strip(), args.color, args.keyword))
    return emit(args, theme.to_json(), f"已新建主题 (theme added): {theme.name}")


def run_themes_rename(args: argparse.Namespace) -> int:
    with _workspace(args) as workspace:
        store = workspace.annotations
        theme = store.update_theme(args.name, new_name=args.new_name, name_en=args.name_en)
    return emit(args, theme.to_json(), f"已改名 (renamed): {args.name} → {theme.name}")


def run_themes_recolor(args: argparse.Namespace) -> int:
    if not is_valid_color(args.color):
        raise UsageError(f"颜色应为 #RRGGBB (colour must be #RRGGBB): {args.color!r}")
    with _workspace(args) as workspace:
        store = workspace.annotations
        theme = store.update_theme(args.name, color=args.color)
    return emit(args, theme.to_json(), f"已改色 (recoloured): {theme.name} {theme.color}")


def run_themes_merge(args: argparse.Namespace) -> int:
    with _workspace(args) as workspace:
        store = workspace.annotations
        target = store.require_theme(args.target).name
        count = store.merge_theme(args.name, args.target)
    return emit(args, {"merged": args.name, "into": target, "retagged": count},
                f"已合并 (merged) {args.name} → {target}，重新标记 (retagged) {count}")


def run_themes_delete(args: argparse.Namespace) -> int:
    with _workspace(args) as workspace:
        store = workspace.annotations
        name = store.require_theme(args.name).name
        count = store.delete_theme(args.name)
    return emit(args, {"deleted": name, "untagged": count},
                f"已删除主题 (theme deleted) {name}；{count} 条批注保留、去掉此主题 ({count} annotations kept, untagged)")
