"""Offline-first sync between this library's store and the team database, as Zotero's sync protocol.

The local store stays the working copy. A sync:
1. pulls every theme, annotation and tombstone stamped with a library version above the one last
   pulled (one REPEATABLE READ snapshot, so nothing committed below the version read is missed),
   merges them into the store three-way against the shadow (the last synced copy) and records the
   new version;
2. pushes what differs locally from the shadow in one transaction that first bumps the library
   version *conditional on the version just pulled* (``UPDATE … WHERE version = seen``); when
   another member pushed in between, nothing is written and the sync pulls again.

Crash safety without a shared transaction between SQLite and PostgreSQL: each step writes the
store first and the bookkeeping last, and every step is idempotent. Killed after the server
committed a push but before the shadow was written, the next pull sees its own rows come back
identical to the local ones and only records them; a server gone mid-push rolls the push back and
the next sync sends it again. Rows are keyed by annotation id, so nothing is ever doubled.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable

from psycopg.types.json import Jsonb

from reader.annotations.model import Annotation, Theme
from reader.errors import UsageError
from reader.team import catalogue, schema
from reader.team.connection import TeamError, connect, redact, resolve_url, url_user
from reader.team.credentials import forget, remember
from reader.team.local_view import LocalView, catch_up, local_records, outgoing, read_view
from reader.team.merge import merge
from reader.team.records import content, same, theme_record, to_annotation, to_theme
from reader.team.state import TeamState

if TYPE_CHECKING:
    import psycopg

    from reader.workspace.protocols import AnnotationRepository

    from reader.library import Library

MAX_ROUNDS = 20  # pull/push rounds before giving up when colleagues keep pushing in between


@dataclass
class SyncReport:
    version: int = 0
    pulled: int = 0
    pushed: int = 0
    deleted_here: int = 0
    deleted_there: int = 0
    themes_pulled: int = 0
    themes_pushed: int = 0
    conflicts: int = 0
    compilations_shared: int = 0
    rounds: int = 0
    notes: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return dict(self.__dict__)


class TeamSync:
    """Sync one library (its store, read and written only through public methods) with its team."""

    def __init__(self, library: "Library", store: "AnnotationRepository", state: TeamState | None = None) -> None:
        self.library = library
        self.store = store
        self.state = state or TeamState(library.root)
        self._pdf_paths: dict[str, str] = {}

    # ------------------------------------------------------------------ joining
    def join(self, url: str, name: str | None = None) -> dict[str, Any]:
        current = self.state.get("url")
        if current and redact(current) != redact(url):
            raise TeamError(f"此资料库已加入另一个团队库，请先 team leave (this library already belongs to another team; "
                            f"run team leave first): {redact(current)}")
        with connect(url) as conn:
            schema.check(conn)
            role = conn.execute("SELECT current_user").fetchone()[0]
            row = conn.execute("SELECT display_name FROM members WHERE role = current_user").fetchone()
            if row is None:
                raise TeamError(f"该登录不是团队成员 (this login is not a member of the team): {role}")
            if name and name != row[0]:
                conn.execute("UPDATE members SET display_name = %s WHERE role = current_user", (name,))
            dbname = conn.execute("SELECT current_database()").fetchone()[0]
            team = conn.execute("SELECT role, display_name FROM members").fetchall()
        stored = remember(url)  # the password goes to the user's password file, not the library
        with self.state.tx() as db:
            self.state.set_meta(db, url=stored, role=role, name=name or row[0], database=dbname)
            if not current:
                self.state.set_meta(db, last_version=0)
        self.state.put_members(team)
        return {"joined": True, "url": redact(url), "member": role, "name": name or row[0], "database": dbname}

    def leave(self) -> dict[str, Any]:
        url = self.state.get("url")
        self.state.leave()
        if url:
            forget(url)
        return {"left": bool(url), "url": redact(url) if url else None}

    # ------------------------------------------------------------------ local view
    def pending(self) -> dict[str, Any]:
        """What the next sync would push: changed or new annotations, deletions, theme changes."""
        view = read_view(self.store, self.state)
        out = outgoing(view, self.state.shadows(view.ids), self.store, self.state.shadow_themes())
        return {"annotations": sorted(out.changed), "deletions": out.deleted,
                "themes": sorted(out.themes), "theme_deletions": out.theme_deletions}

    def status(self, check_server: bool = True, url: str | None = None) -> dict[str, Any]:
        """Sync state for ``team status``: 已同步 synced / 待同步 pending / n 处冲突 conflicts / 离线 offline."""
        remembered = self.state.get("url")
        pending = self.pending()
        conflicts = self.state.conflicts()
        count = sum(len(v) for v in pending.values())
        result: dict[str, Any] = {
            "joined": remembered is not None, "url": redact(remembered) if remembered else None,
            "member": self.state.get("role"), "name": self.state.get("name"),
            "last_version": self.state.last_version, "pending": pending, "pending_count": count,
            "conflicts": conflicts, "conflict_count": len(conflicts), "online": None, "server_version": None,
        }
        if remembered is None:
            result["state"] = "not_joined"
            return result
        if check_server:
            try:
                with connect(resolve_url(url, remembered)) as conn:
                    schema.check(conn)
                    result["server_version"] = int(conn.execute("SELECT version FROM library").fetchone()[0])
                result["online"] = True
            except TeamError as exc:
                result["online"], result["error"] = False, exc.message
        if conflicts:
            result["state"] = "conflicts"
        elif result["online"] is False:
            result["state"] = "offline"
        elif count or (result["server_version"] or 0) > self.state.last_version:
            result["state"] = "pending"
        else:
            result["state"] = "synced"
        return result

    # ------------------------------------------------------------------ sync
    def sync(self, url: str | None = None, *, share: Callable[["psycopg.Connection"], int] | None = None,
             between: Callable[[str], None] | None = None) -> SyncReport:
        """Pull, merge, push until the server's version is ours. ``share`` uploads compilations;
        ``between(step)`` is called between the steps (tests use it to stop the server mid-sync)."""
        remembered = self.state.get("url")
        if remembered is None:
            raise TeamError("此资料库尚未加入团队库，请先 team join (this library has not joined a team; run team join)")
        url = resolve_url(url, remembered)
        me = url_user(url) or self.state.get("role") or ""
        report = SyncReport()
        with connect(url) as conn:
            schema.check(conn)
            self.state.put_members(conn.execute("SELECT role, display_name FROM members").fetchall())
            if share is not None:
                report.compilations_shared = share(conn)
            catalogue.look(conn, self.state)  # the team's compilations, for lists answered offline
            for _ in range(MAX_ROUNDS):
                report.rounds += 1
                view = read_view(self.store, self.state)
                seen, shadows = self._pull(conn, view, report)
                if between:
                    between("pulled")
                pushed = self._push(conn, view, shadows, seen, me, report, between)
                if pushed is not None:
                    report.version = pushed
                    return report
            raise TeamError("同行持续写入，同步未完成，请稍后再试 (colleagues kept writing; the sync did not finish, "
                            "try again shortly)")

    def _pull(self, conn: "psycopg.Connection", view: LocalView,
              report: SyncReport) -> tuple[int, dict[str, dict]]:
        """Apply what colleagues pushed since the last pull; the version seen and the shadows of the
        view's annotations after it (the view then also holds what the pull wrote)."""
        last = self.state.last_version
        with conn.transaction():
            conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            seen = int(conn.execute("SELECT version FROM library").fetchone()[0])
            if seen == last:
                return seen, self.state.shadows(view.ids)
            themes = conn.execute("SELECT name, record, deleted FROM themes WHERE version > %s ORDER BY version",
                                  (last,)).fetchall()
            rows = conn.execute("SELECT id, author, visibility, record, version FROM annotations WHERE version > %s",
                                (last,)).fetchall()
            tombs = conn.execute("SELECT id, version FROM tombstones WHERE version > %s", (last,)).fetchall()
        self._apply_themes(themes, report)
        pulled = {r[0] for r in rows} | {t[0] for t in tombs}
        local = local_records(self.store, self.state, view, pulled)
        shadows = self.state.shadows(view.ids | pulled)
        self._apply_annotations(rows, tombs, local, shadows, seen, report, view)
        catch_up(view, self.store, self.state)
        # the records the pull merged but did not write (an edit here kept) are candidates too
        view.records.update({i: r for i, r in local.items() if i in pulled and i not in view.records})
        missing = view.ids - set(shadows)
        if missing:
            shadows.update(self.state.shadows(missing))
        return seen, shadows

    def _apply_themes(self, rows: list[tuple], report: SyncReport) -> None:
        """Apply pulled themes; a theme changed here since the last sync is kept (it goes up next).

        Deletions first: a rename arrives as the old name deleted and the new one added, and the
        new one may carry the old one's English name. Annotations are re-put with their pulled
        themes afterwards, so untagging by a deletion loses nothing the team still has.
        """
        shadows = self.state.shadow_themes()
        local = {t.name: theme_record(t) for t in self.store.themes()}
        new_shadows: dict[str, dict | None] = {}
        changes = []
        for name, record, deleted in rows:
            report.themes_pulled += 1
            mine, base = local.get(name), shadows.get(name)
            new_shadows[name] = None if deleted else record
            if mine is not None and base is not None and mine != base:
                continue
            changes.append((name, record, deleted, mine))
        for name, _record, deleted, mine in changes:
            if deleted and mine is not None and self.store.theme(name) is not None:
                self.store.delete_theme(name)
        for name, record, deleted, mine in changes:
            theme = to_theme(record)
            if deleted:
                continue
            if mine is None:
                if self.store.theme(name) is None:
                    try:
                        self.store.add_theme(theme)
                    except UsageError:  # its English name is still another local theme's
                        self.store.add_theme(Theme(theme.name, "", theme.color, theme.keywords))
            elif mine != record:
                self.store.update_theme(name, name_en=theme.name_en, color=theme.color, keywords=theme.keywords)
        with self.state.tx() as db:
            self.state.put_shadow_themes(db, new_shadows)

    def _apply_annotations(self, rows: list[tuple], tombs: list[tuple], local: dict[str, dict],
                           shadows: dict[str, dict], seen: int, report: SyncReport, view: LocalView) -> None:
        """Merge pulled rows into the store; ``shadows`` is updated in place as the bookkeeping is, and
        ``view`` takes the written records as they were written (see :meth:`_write_pulled`)."""
        latest: dict[str, tuple] = {}
        for ident, author, visibility, record, version in rows:
            record = dict(record, visibility=visibility)
            latest[ident] = ("row", author, record, version)
        for ident, version in tombs:
            if ident not in latest or latest[ident][3] < version:
                latest[ident] = ("tomb", None, None, version)
        put: list[Annotation] = []
        remove: list[str] = []
        shadow_put: list[tuple[str, dict, int]] = []
        shadow_drop: list[str] = []
        sharing: list[tuple[str, str, str]] = []
        conflicts: list[tuple[str, str, Any, Any, str]] = []
        for ident, (kind, author, theirs, version) in latest.items():
            mine, base = local.get(ident), shadows.get(ident)
            if kind == "tomb":
                if mine is None:
                    shadow_drop.append(ident)
                elif base is not None and same(mine, base):
                    remove.append(ident)
                    shadow_drop.append(ident)
                    local.pop(ident)
                    report.deleted_there += 1
                else:  # edited here, deleted there: keep ours (it goes up again as new), show it
                    shadow_drop.append(ident)
                    conflicts.append((ident, "deleted", content(mine), None, "mine"))
                continue
            report.pulled += 1
            sharing.append((ident, author, theirs["visibility"]))
            shadow_put.append((ident, theirs, version))
            if mine is None:
                if base is not None and same(theirs, base):
                    continue  # deleted here, unchanged there: the deletion goes up next
                if base is not None:
                    conflicts.append((ident, "deleted", None, content(theirs), "theirs"))
                put.append(to_annotation(theirs, self._pdf(theirs)))
                local[ident] = theirs
            elif same(mine, theirs) or (base is not None and same(mine, base)):
                if not same(mine, theirs):
                    put.append(to_annotation(theirs, self._pdf(theirs)))
                local[ident] = theirs
            else:
                result = merge(content(base) if base else None, mine, theirs)
                for fld, m, t, kept in result.conflicts:
                    conflicts.append((ident, fld, m, t, kept))
                if not same(result.record, mine):
                    put.append(to_annotation(result.record, self._pdf(result.record)))
                local[ident] = result.record
        self._ensure_themes(put)
        self._write_pulled(view, put, remove, local, {i: v for i, _a, v in sharing})
        existing = {(c["id"], c["field"], json.dumps(c["mine"], ensure_ascii=False, sort_keys=True),
                     json.dumps(c["theirs"], ensure_ascii=False, sort_keys=True)) for c in self.state.conflicts()}
        with self.state.tx() as db:
            self.state.put_shadows(db, shadow_put)
            self.state.drop_shadows(db, shadow_drop)
            self.state.put_sharing(db, sharing)
            for ident, fld, m, t, kept in conflicts:
                key = (ident, fld, json.dumps(m, ensure_ascii=False, sort_keys=True),
                       json.dumps(t, ensure_ascii=False, sort_keys=True))
                if key not in existing:  # a sync interrupted after the merge records it once
                    self.state.add_conflict(db, ident, fld, m, t, kept)
                    report.conflicts += 1
            self.state.set_meta(db, last_version=seen)
        shadows.update({i: r for i, r, _v in shadow_put})
        for ident in shadow_drop:
            shadows.pop(ident, None)

    def _write_pulled(self, view: LocalView, put: list[Annotation], remove: list[str], local: dict[str, dict],
                      visibility: dict[str, str]) -> None:
        """Write what the pull merged in one step, without reading it back as local edits.

        A first sync writes 10⁵ pulled annotations; reading them back through ``changes_since``
        was a third of its time. The store's bulk write reports the change counter before and
        after it: when ``before`` is what the view has read (caught up just before), the rows up to
        ``reached`` are exactly the records written, so the view takes them from memory and goes
        on from ``reached``. Otherwise another write came in between and the later catch-up reads
        everything since the view's counter, as before.
        """
        if not put and not remove:
            return
        catch_up(view, self.store, self.state)
        span = self.store.replace_many(put=put, remove=remove)
        if span.before != view.counter:
            return
        for ann in put:
            view.records[ann.id] = dict(local[ann.id], visibility=visibility[ann.id])
        for ident in remove:
            view.records.pop(ident, None)
        view.removed = (view.removed | set(remove)) - {a.id for a in put}
        view.counter = span.reached

    def _push(self, conn: "psycopg.Connection", view: LocalView, shadows: dict[str, dict], seen: int,
              me: str, report: SyncReport, between: Callable[[str], None] | None) -> int | None:
        """Send local changes conditional on ``seen``; the new version, or None when the server moved on."""
        shadow_themes = self.state.shadow_themes()
        out = outgoing(view, shadows, self.store, shadow_themes)
        if not out:
            with self.state.tx() as db:  # nothing to send: what the view covered is synced
                self.state.set_meta(db, local_counter=view.counter)
                self.state.clear_touched(db, view.touched)
            return seen
        changed, deleted = out.changed, out.deleted
        with conn.transaction():
            row = conn.execute("UPDATE library SET version = version + 1 WHERE id = 1 AND version = %s "
                               "RETURNING version", (seen,)).fetchone()
            if row is None:
                return None  # a colleague pushed since our pull: pull again
            version = int(row[0])
            with conn.cursor() as cur:
                cur.executemany(
                    "INSERT INTO themes (name, record, deleted, version) VALUES (%s, %s, %s, %s) "
                    "ON CONFLICT (name) DO UPDATE SET record = EXCLUDED.record, deleted = EXCLUDED.deleted, "
                    "version = EXCLUDED.version, modified_by = current_user",
                    [(n, Jsonb(r), False, version) for n, r in out.themes.items()]
                    + [(n, Jsonb(shadow_themes[n]), True, version) for n in out.theme_deletions])
                cur.executemany(
                    "INSERT INTO annotations (id, content_hash, page_index, visibility, record, created, modified, "
                    "version) VALUES (%s, %s, %s, %s, %s, %s, %s, %s) ON CONFLICT (id) DO UPDATE SET "
                    "content_hash = EXCLUDED.content_hash, page_index = EXCLUDED.page_index, "
                    "visibility = EXCLUDED.visibility, record = EXCLUDED.record, modified = EXCLUDED.modified, "
                    "version = EXCLUDED.version",
                    [(i, r["content_hash"], r["page_index"], r["visibility"], Jsonb(r), r["created"], r["modified"],
                      version) for i, r in changed.items()])
                if deleted:
                    cur.execute("DELETE FROM annotations WHERE id = ANY(%s)", (deleted,))
                cur.executemany(
                    "INSERT INTO tombstones (id, version) VALUES (%s, %s) ON CONFLICT (id) DO UPDATE SET "
                    "version = EXCLUDED.version, deleted_by = current_user",
                    [(i, version) for i in deleted + out.withdrawn])
            if between:
                between("pushing")
        if between:
            between("pushed")
        sharing = self.state.sharing(changed)
        with self.state.tx() as db:
            self.state.put_shadows(db, [(i, r, version) for i, r in changed.items()])
            self.state.drop_shadows(db, deleted)
            self.state.put_sharing(db, [(i, sharing.get(i, (me, ""))[0] or me, r["visibility"])
                                        for i, r in changed.items()])
            self.state.put_shadow_themes(db, {**out.themes, **{n: None for n in out.theme_deletions}})
            self.state.set_meta(db, last_version=version, local_counter=view.counter)
            self.state.clear_touched(db, view.touched)
        report.pushed += len(changed)
        report.deleted_here += len(deleted)
        report.themes_pushed += len(out.themes) + len(out.theme_deletions)
        return version

    # ------------------------------------------------------------------ helpers
    def _pdf(self, record: dict[str, Any]) -> str:
        """Where this laptop has the record's compilation ('' when it does not)."""
        content_hash = record["content_hash"]
        if content_hash not in self._pdf_paths:
            entry = self.library.get(content_hash)
            self._pdf_paths[content_hash] = str(entry.path) if entry is not None else ""
        return self._pdf_paths[content_hash]

    def _ensure_themes(self, annotations: list[Annotation]) -> None:
        """A pulled annotation may carry a theme this laptop has not got (yet): create it."""
        names = {n for a in annotations for n in a.themes}
        for name in sorted(names):
            if self.store.theme(name) is None:
                self.store.add_theme(Theme(name))
