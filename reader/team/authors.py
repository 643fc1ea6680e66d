"""Who wrote an annotation, and the mine / team / one-colleague filter of list and export.

Authorship lives in the team bookkeeping (``sharing``): annotations pulled from colleagues carry
their author's role; anything without an entry (or with this member's own role) is the user's own,
so the filter works the same in a library that never joined a team.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from reader.team.state import VISIBILITY_TEAM, TeamState

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
    """``mine``, ``team`` (everything this member can see) or one colleague's role name."""
    annotations = list(annotations)
    if not who or who == TEAM:
        return annotations
    sharing, me = authors(library_root)
    wanted = me if who == MINE else who
    return [a for a in annotations if author_of(sharing, me, a.id) == wanted
            or (who == MINE and not sharing.get(a.id, ("", ""))[0])]


def mark_visibility(library_root: str | Path, annotation_id: str, visibility: str) -> None:
    TeamState(library_root).set_visibility(annotation_id, visibility)
