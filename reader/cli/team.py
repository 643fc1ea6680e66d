"""`python -m reader team …`: create a team library, add members, join, sync, status, search.

The URL of the team database comes from the command line, else ``$READER_TEAM_URL``, else what
``team join`` (or, for an administrator, ``team init``) remembered in the library folder.
"""

from __future__ import annotations

import argparse

from reader.cli import emit
from reader.library import Library
from reader.workspace import Workspace


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    team = subparsers.add_parser("team", help="团队库：创建、加入、同步、搜索 (team library: create, join, sync, search)")
    sub = team.add_subparsers(dest="team_command", metavar="ACTION", required=True)

    init = sub.add_parser("init", parents=[common], help="创建或升级团队库，管理员用 (create or upgrade the team "
                                                          "database; administrator)")
    init.add_argument("admin_url", metavar="ADMIN_URL", nargs="?", help="管理员连接地址 (administrator's URL)")
    init.set_defaults(func=run_init)

    add = sub.add_parser("add-member", parents=[common], help="添加成员，打印一次其密码与加入地址 (add a member; "
                                                               "prints the password and join URL once)")
    add.add_argument("name", metavar="NAME")
    add.add_argument("--url", metavar="ADMIN_URL", help="管理员连接地址 (administrator's URL)")
    add.set_defaults(func=run_add_member)

    join = sub.add_parser("join", parents=[common], help="加入团队库 (join a team library)")
    join.add_argument("url", metavar="URL", nargs="?", help="成员连接地址 (the member's URL)")
    join.add_argument("--name", metavar="NAME", help="显示给同事的名字 (name shown to colleagues)")
    join.set_defaults(func=run_join)

    status = sub.add_parser("status", parents=[common], help="同步状态、待同步与冲突 (sync state, pending changes, "
                                                              "conflicts)")
    status.add_argument("--offline", action="store_true", help="不连接服务器 (do not contact the server)")
    status.set_defaults(func=run_status)

    sync = sub.add_parser("sync", parents=[common], help="与团队库同步 (sync with the team library)")
    sync.add_argument("--with-pdf", action="store_true", help="同时上传 PDF 文件，亦见 team share-pdf --always (also "
                                                              "upload the PDF files; see also team share-pdf --always)")
    sync.set_defaults(func=run_sync)

    leave = sub.add_parser("leave", parents=[common], help="退出团队库，本地批注保留 (leave; local annotations stay)")
    leave.set_defaults(func=run_leave)

    resolve = sub.add_parser("resolve", parents=[common], help="把冲突标为已处理 (mark conflicts as dealt with)")
    resolve.add_argument("conflicts", metavar="N", nargs="*", type=int, help="冲突编号，缺省为全部 (conflict "
                                                                             "numbers; default all)")
    resolve.set_defaults(func=run_resolve)

    search = sub.add_parser("search", parents=[common], help="搜索团队已读的全部汇编 (search every team compilation)")
    search.add_argument("query", metavar="QUERY", nargs="+")
    search.add_argument("--limit", type=int, default=50, metavar="N")
    search.set_defaults(func=run_search)

    from reader.cli import team_pdfs

    team_pdfs.register(sub, common)


def _sync(args: argparse.Namespace):
    from reader.team.sync import TeamSync

    workspace = Workspace(Library(args.library))
    return workspace, TeamSync(workspace.library, workspace.annotations)


def _remembered(library: Library, key: str) -> str | None:
    from reader.team.state import TeamState

    return TeamState(library.root).get(key)


def run_init(args: argparse.Namespace) -> int:
    from reader.team.admin import init_team
    from reader.team.connection import redact, resolve_url
    from reader.team.credentials import remember
    from reader.team.state import TeamState

    library = Library(args.library)
    url = resolve_url(args.admin_url, _remembered(library, "admin_url"))
    result = init_team(url)
    state = TeamState(library.root)
    with state.tx() as db:  # add-member may then omit the URL
        state.set_meta(db, admin_url=remember(url))  # the password goes to the user's password file
    result["url"] = redact(url)
    verb = "已创建 (created)" if result["created"] else "已是最新 (up to date)"
    return emit(args, result, f"团队库 {result['database']} {verb}: schema {result['schema_version']}")


def run_add_member(args: argparse.Namespace) -> int:
    from reader.team.admin import add_member
    from reader.team.connection import resolve_url

    library = Library(args.library)
    result = add_member(resolve_url(args.url, _remembered(library, "admin_url")), args.name)
    return emit(args, result, f"已添加成员 (member added): {result['member']}\n"
                              f"密码只显示这一次 (the password is shown only once): {result['password']}\n"
                              f"加入 (join): python -m reader team join '{result['url']}' --name {result['name']}")


def run_join(args: argparse.Namespace) -> int:
    from reader.team.connection import resolve_url

    workspace, sync = _sync(args)
    with workspace:
        result = sync.join(resolve_url(args.url), args.name)
    return emit(args, result, f"已加入团队库 (joined) {result['url']} 成员 (member) {result['name']}；"
                              "运行 team sync 同步 (run team sync)")


def run_status(args: argparse.Namespace) -> int:
    workspace, sync = _sync(args)
    with workspace:
        result = sync.status(check_server=not args.offline)

    def text() -> str:
        labels = {"not_joined": "未加入团队库 (not joined)", "synced": "已同步 (synced)",
                  "pending": "待同步 (pending)", "offline": "离线 (offline)",
                  "conflicts": f"{result['conflict_count']} 处冲突 ({result['conflict_count']} conflicts)"}
        lines = [labels[result["state"]]]
        if result["joined"]:
            lines.append(f"团队库 (team) {result['url']} 成员 (member) {result['name']} 版本 (version) "
                         f"{result['last_version']}/{result['server_version'] if result['server_version'] is not None else '?'}")
            lines.append(f"待上传 (to push): {result['pending_count']}")
        for c in result["conflicts"]:
            lines.append(f"  冲突 (conflict) #{c['conflict']} {c['id']} {c['field']}: 本机 (mine) {c['mine']!r} / "
                         f"同事 (theirs) {c['theirs']!r}; 保留 (kept) {c['kept']}")
        if result.get("error"):
            lines.append(result["error"])
        return "\n".join(lines)

    return emit(args, result, text)


def run_sync(args: argparse.Namespace) -> int:
    from reader.team.sharing import library_sharer

    workspace, sync = _sync(args)
    notes: list[str] = []
    with workspace:
        report = sync.sync(share=library_sharer(workspace.library, sync.state, with_pdf=args.with_pdf, notes=notes))
    report.notes.extend(notes)
    data = report.to_json()
    return emit(args, data, lambda: (f"已同步 (synced) 版本 (version) {report.version}: 收到 (pulled) {report.pulled}, "
                                     f"发出 (pushed) {report.pushed}, 删除 (deleted) {report.deleted_here}+"
                                     f"{report.deleted_there}, 新冲突 (new conflicts) {report.conflicts}, "
                                     f"共享汇编 (compilations shared) {report.compilations_shared}"
                                     + "".join("\n" + n for n in report.notes)))


def run_leave(args: argparse.Namespace) -> int:
    workspace, sync = _sync(args)
    with workspace:
        result = sync.leave()
    return emit(args, result, "已退出团队库，本地批注保留 (left the team; local annotations stay)" if result["left"]
                else "未加入团队库 (not joined)")


def run_resolve(args: argparse.Namespace) -> int:
    from reader.team.state import TeamState

    state = TeamState(Library(args.library).root)
    count = state.resolve_conflicts(args.conflicts or None)
    return emit(args, {"resolved": count}, f"已处理 (resolved) {count}")


def run_search(args: argparse.Namespace) -> int:
    """The team's pages through the library's "team" PageIndex (the same door as ``search``)."""
    with Workspace(Library(args.library), index="team") as workspace:
        index = workspace.index
        results = index.search(" ".join(args.query), limit=args.limit)
        hits = []
        for hit in results.hits:
            details = index.details(hit, results.parsed, with_rects=False)
            hits.append({"content_hash": hit.content_hash, "page_index": hit.page_index, "page_label": hit.page_label,
                         "compilation": hit.compilation, "document": hit.document, "doc_number": hit.doc_number,
                         "date": hit.date, "occurrences": hit.occurrences,
                         "annotation_authors": list(getattr(hit, "authors", [])), "snippet": details.snippet,
                         "missing": hit.missing, "pdf": hit.pdf})
    data = {"query": results.query, "total_pages": results.total_pages, "message": results.message,
            "elapsed_ms": round(results.elapsed_ms, 1), "hits": hits}

    def text() -> str:
        if results.message and not hits:
            return results.message
        lines = [f"{h['compilation']} · {h['document']} {h['doc_number']} · 第 {h['page_label']} 页 (page "
                 f"{h['page_index']}) · {h['occurrences']} 处"
                 + (f" · 批注 (annotated by) {'、'.join(h['annotation_authors'])}" if h["annotation_authors"] else "")
                 + (" · 不在本机 (not on this laptop)" if h["missing"] else "")
                 + f"\n    {h['snippet']}" for h in hits]
        return "\n".join(lines + [f"共 {results.total_pages} 页 (pages)"] + ([results.message] if results.message else []))

    return emit(args, data, text)
