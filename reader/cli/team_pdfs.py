"""`team share-pdf` and `team fetch`: the PDF bytes of team compilations.

``team share-pdf [PDF|HASH|TITLE …] [--all] [--always|--never] [--limit-mb N]`` uploads the PDFs of
this library's compilations (sharing their text first when the team has not got it) and keeps the
setting for later syncs and indexing; ``team fetch HASH|TITLE [--to DIR]`` downloads a colleague's
PDF, verified by its content hash, and adds it to this library, so its search hits open.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from reader.cli import emit
from reader.errors import UsageError
from reader.library import Library


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    share = sub.add_parser("share-pdf", parents=[common], help="把 PDF 文件共享给团队 (share PDF files with the team)")
    share.add_argument("files", metavar="PDF|HASH|TITLE", nargs="*",
                       help="本资料库中的汇编：路径、内容哈希或标题 (this library's compilations: path, hash or title)")
    share.add_argument("--all", action="store_true", help="本资料库的全部汇编 (every compilation of this library)")
    choice = share.add_mutually_exclusive_group()
    choice.add_argument("--always", dest="setting", action="store_const", const="1",
                        help="以后同步和索引时总是上传 PDF (always upload PDFs when syncing and indexing)")
    choice.add_argument("--never", dest="setting", action="store_const", const="0",
                        help="以后不再自动上传 (stop uploading automatically)")
    share.add_argument("--limit-mb", type=float, metavar="N", help="单个 PDF 的大小上限，MB (size limit per PDF, MB)")
    share.set_defaults(func=run_share_pdf)

    fetch = sub.add_parser("fetch", parents=[common], help="下载同事共享的 PDF，按内容哈希校验 (download a PDF a "
                                                            "colleague shared, verified by content hash)")
    fetch.add_argument("compilation", metavar="HASH|TITLE")
    fetch.add_argument("--to", metavar="DIR", help="保存到的文件夹，默认资料库中的 team-pdfs (folder; default "
                                                    "team-pdfs in the library)")
    fetch.set_defaults(func=run_fetch)


def _entries(library: Library, keys: list[str], everything: bool) -> list:
    from reader.textfold import fold

    files = [f for f in library.files() if f.status == "ok"]
    if everything:
        return files
    chosen = []
    for key in keys:
        path = Path(key)
        if path.is_file():
            chosen.append(library.add(path))
            continue
        wanted = fold(key)
        found = [f for f in files if f.content_hash.startswith(key.lower()) or (wanted and wanted in fold(f.title))]
        if len(found) != 1:
            raise UsageError(f"{'没有' if not found else '有多份'}符合的汇编 ({'no' if not found else 'several'} "
                             f"compilations match): {key}")
        chosen.append(found[0])
    return chosen


def run_share_pdf(args: argparse.Namespace) -> int:
    from reader.team.connection import connect, resolve_url
    from reader.team.pdfs import SETTING_LIMIT, SETTING_SHARE, limit_bytes, upload_pdf
    from reader.team.search import share_compilation
    from reader.team.state import TeamState
    from reader.workspace import Workspace

    library = Library(args.library)
    state = TeamState(library.root)
    if args.limit_mb is not None:
        if args.limit_mb <= 0:
            raise UsageError("--limit-mb 须大于 0 (--limit-mb must be above 0)")
    if args.setting is not None or args.limit_mb is not None:
        with state.tx() as db:
            state.set_meta(db, **{SETTING_SHARE: args.setting, SETTING_LIMIT: args.limit_mb}
                           if args.setting is not None else {SETTING_LIMIT: args.limit_mb})
    entries = _entries(library, args.files, args.all)
    uploaded, already = [], []
    if entries:
        with Workspace(library) as workspace, connect(resolve_url(None, state.get("url"))) as conn:
            for entry in entries:
                comp = workspace.compilation(entry.content_hash)
                if comp is None:
                    raise UsageError(f"文件已不在原处 (file is missing): {entry.path}")
                share_compilation(conn, comp, entry.title or Path(entry.path).stem)
                done = upload_pdf(conn, entry.content_hash, Path(entry.path), limit_bytes(state))
                (uploaded if done else already).append({"content_hash": entry.content_hash, "pdf": entry.path})
    data = {"uploaded": uploaded, "already_shared": already, "always": state.get(SETTING_SHARE) == "1",
            "limit_mb": round(limit_bytes(state) / 1024 / 1024, 3)}
    return emit(args, data, lambda: (f"已上传 (uploaded) {len(uploaded)}，已在团队库 (already there) {len(already)}；"
                                     f"自动上传 (always) {'开 on' if data['always'] else '关 off'}，上限 (limit) "
                                     f"{data['limit_mb']} MB"))


def run_fetch(args: argparse.Namespace) -> int:
    from reader.workspace import Workspace

    with Workspace(Library(args.library), index="team") as workspace:
        result = workspace.index.fetch_pdf(args.compilation, Path(args.to) if args.to else None)
    return emit(args, result, f"已下载并校验 (downloaded and verified) {result['title']}: {result['path']}")
