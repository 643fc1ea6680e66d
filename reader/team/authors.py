"""Who wrote an annotation, and the mine / team / one-colleague filter of list and export.

Authorship lives in the team bookkeeping (``sharing``): annotations pulled from colleagues carry
their author's role; anything without an entry (or with this member's own role) is the user's own,
so the filter works the same in a library that never joined a team.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable

from reader.errors import ReaderError
from reader.team.state import FILE_NAME, VISIBILITY_TEAM, TeamState

if TYPE_CHECKING:
    from reader.annotations.model import Annotation

MINE = "mine"
TEAM = "team"


def authors(library_root: str | Path) -> tuple[dict[str, tuple[str, str]], str]:
    """(id → (author, visibility), this member's role or '') from the bookkeeping file."""
    state = TeamState(library_root)
    return state.sharing(), state.get("role") or ""


def author_of(sharing: dict[str, tuple[str, str]], me: str, annotation_id: str) -> str:
    author = sharing.get(annotation_id, ("", VISIBILITY_TEAM))[0]
    return author or me


def filter_by_author(library_root: str | Path, annotations: Iterable["Annotation"], who: str | None) -> list["Annotation"]:
    """``mine``, ``team`` (everything this member can see) or one colleague, by role or shown name."""
    annotations = list(annotations)
    if not who or who == TEAM:
        return annotations
    state = TeamState(library_root)
    sharing, me = state.sharing(), state.get("role") or ""
    if who == MINE:
        wanted = {me}
    else:
        wanted = {who} | {role for role, name in state.members().items() if name == who}
        if who == state.get("name"):
            wanted.add(me)
    return [a for a in annotations if author_of(sharing, me, a.id) in wanted
            or (who == MINE and not sharing.get(a.id, ("", ""))[0])]


def author_names(library_root: str | Path) -> Callable[[str], str] | None:
    """Annotation id → the name of its author as colleagues see it (an export names each entry's
    author); None for a library that never shared with a team (every entry is the user's own), or
    whose bookkeeping cannot be opened (a read-only library still exports, without the names)."""
    if not (Path(library_root) / FILE_NAME).exists():
        return None  # never create the bookkeeping file just to look (the library may be read-only)
    try:
        state = TeamState(library_root)
    except ReaderError:
        return None
    sharing, me = state.sharing(), state.get("role") or ""
    if not me and not any(author for author, _visibility in sharing.values()):
        return None
    names = state.members()
    my_name = state.get("name") or names.get(me) or me

    def name(annotation_id: str) -> str:
        role = author_of(sharing, me, annotation_id)
        return my_name if role == me else names.get(role, role)

    return name


def mark_visibility(library_root: str | Path, annotation_id: str, visibility: str) -> None:
    TeamState(library_root).set_visibility(annotation_id, visibility)
