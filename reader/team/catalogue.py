"""The team's compilations as this laptop last saw them, kept in the team bookkeeping.

The window asks often and on its GUI thread: which compilations the filter list offers, whether
"this document" is indexed, whether the index changed (every second). None of that may wait for
the server, which may be slow or gone. So whoever talks to the server anyway (a sync, a search,
``search --compilation`` in the CLI, sharing a compilation) records what it saw here: each team
compilation's title, page count and who added it, and the server's *compilation version*. The
questions above are answered from this record; a colleague's new compilation shows as soon as
one of those calls has seen it.

The compilation version is read, not kept by the server: compilations are only ever added (by
content hash) and get their PDF bytes later, so the number of compilations, the number with
bytes and the latest addition time change exactly when the list does. No schema step (which
every member would have to wait for) is needed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from reader.textfold import fold

if TYPE_CHECKING:
    import psycopg

    from reader.library import Library
    from reader.team.state import TeamState

_LIST_KEY = "team_compilations"  # {content_hash: {title, page_count, pdf_size, added_by}}
_VERSION_KEY = "team_compilations_version"  # read every second by the window: kept apart, small

HERE, MISSING, TEAM = "here", "missing", "team"  # where a listed compilation's PDF is


@dataclass
class CompilationChoice:
    """One entry of a compilation list: this laptop's file, or a team compilation not on it."""

    content_hash: str
    title: str
    path: str  # '' for a team compilation this laptop has not got
    where: str  # HERE, MISSING (recorded, file gone) or TEAM (only on the server)

    def matches(self, wanted: str) -> bool:
        """``wanted`` (already folded) is part of the title or path (``search --compilation``)."""
        return wanted in fold(self.title) or (bool(self.path) and wanted in fold(self.path))


def server_version(conn: "psycopg.Connection") -> str:
    """The server's compilation version (one aggregate over the small ``compilations`` table)."""
    count, with_pdf, latest = conn.execute(
        "SELECT count(*), count(pdf_size), max(added_at) FROM compilations").fetchone()
    return f"{count}:{with_pdf}:{latest.isoformat() if latest else ''}"


def look(conn: "psycopg.Connection", state: "TeamState") -> bool:
    """Record the server's compilations when its version is not the one recorded; True when it was not."""
    version = server_version(conn)
    if state.get(_VERSION_KEY) == version:
        return False
    rows = conn.execute("SELECT content_hash, title, page_count, pdf_size, added_by FROM compilations").fetchall()
    listing = {r[0]: {"title": r[1], "page_count": r[2], "pdf_size": r[3], "added_by": r[4]} for r in rows}
    with state.tx() as db:
        state.set_meta(db, **{_LIST_KEY: json.dumps(listing, ensure_ascii=False), _VERSION_KEY: version})
    return True


def add_shared(state: "TeamState", content_hash: str, title: str, page_count: int, added_by: str) -> None:
    """This laptop just shared a compilation: known to the team from now on (the version follows at
    the next look at the server)."""
    listing = recorded(state)
    if content_hash in listing:
        return
    listing[content_hash] = {"title": title, "page_count": page_count, "pdf_size": None, "added_by": added_by}
    with state.tx() as db:
        state.set_meta(db, **{_LIST_KEY: json.dumps(listing, ensure_ascii=False)})


def recorded(state: "TeamState") -> dict[str, dict[str, Any]]:
    """The team compilations last seen (empty before the first look)."""
    return json.loads(state.get(_LIST_KEY, "{}") or "{}")


def recorded_version(state: "TeamState") -> str:
    """The compilation version last seen ('' before the first look): part of the index's change token."""
    return state.get(_VERSION_KEY, "") or ""


def compilation_choices(library: "Library", state: "TeamState | None" = None,
                        hidden: set[str] | frozenset[str] = frozenset(),
                        include_changed: bool = False) -> list[CompilationChoice]:
    """This laptop's compilations, then (in a team library) the team's others, marked TEAM.

    ``hidden``: compilations taken out of this library's searches (``PageIndex.remove``);
    ``include_changed``: also entries whose file has changed since (see ``Library.files``).
    """
    choices = [CompilationChoice(f.content_hash, f.title, f.path, MISSING if f.status == "missing" else HERE)
               for f in library.files(include_changed=include_changed)]
    if state is None:
        return choices
    here = {c.content_hash for c in choices}
    team = sorted(((h, info) for h, info in recorded(state).items() if h not in here and h not in hidden),
                  key=lambda item: (item[1].get("title") or "", item[0]))
    return choices + [CompilationChoice(h, info.get("title") or h[:12], "", TEAM) for h, info in team]


def library_choices(library: "Library", include_changed: bool = False) -> list[CompilationChoice]:
    """:func:`compilation_choices` for a library folder: with the team's compilations when it joined a
    team (as last recorded: no server contact), less those removed from its searches."""
    from reader.team.page_index import HIDDEN_KEY, joined_url
    from reader.team.state import TeamState

    if joined_url(library.root) is None:
        return compilation_choices(library, include_changed=include_changed)
    state = TeamState(library.root)
    hidden = set(json.loads(state.get(HIDDEN_KEY, "[]") or "[]"))
    return compilation_choices(library, state, hidden, include_changed)
