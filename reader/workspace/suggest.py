"""Theme suggestions over the whole library: one walk shared by `python -m reader suggest` and the window.

Every file of the library that is still where it was recorded is opened and its compilation taken
from the Workspace's one cache (analysed now if it never was); one unreadable file is reported and
skipped, never the end of the walk. Qt-free; slow for a large library, so the window runs it off
the GUI thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable

from reader.annotations.suggestions import Suggestion, suggest_clauses
from reader.document import Document
from reader.errors import ReaderError

if TYPE_CHECKING:
    from reader.annotations import Annotation, Theme
    from reader.structure import Compilation
    from reader.workspace import Workspace


@dataclass
class LibrarySuggestions:
    """Suggestions in library order, and each compilation they come from (to tag or open a clause)."""

    suggestions: list[Suggestion]
    compilations: dict[str, "Compilation"]  # content hash → compilation
    paths: dict[str, Path]  # content hash → where the file is now
    skipped: list[tuple[str, str]]  # (path, why) of files that could not be read


def library_compilations(workspace: "Workspace", skipped: Callable[[str, str], None] | None = None,
                         cancelled: Callable[[], bool] | None = None) -> Iterable[tuple[Path, "Compilation"]]:
    """(path, compilation) for every file of the library that can be read, in the library's order."""
    library = workspace.library
    for entry in library.files():
        if cancelled is not None and cancelled():
            return
        path = library.resolve(entry.content_hash)
        if path is None:
            continue
        try:
            with Document.open(path) as doc:
                comp = workspace.compilation(doc)
        except ReaderError as exc:
            if skipped is not None:
                skipped(str(path), exc.message)
            continue
        if comp is not None:
            yield path, comp


def suggest_in_library(workspace: "Workspace", theme: "Theme", annotations: Iterable["Annotation"],
                       rejected: set[str] | frozenset[str] = frozenset(),
                       cancelled: Callable[[], bool] | None = None) -> LibrarySuggestions:
    """The clauses of every compilation of the library that mention ``theme``'s keywords.

    ``annotations`` are the library's annotations (those already tagged with the theme are not proposed
    again); ``rejected`` the keys the analyst turned down.
    """
    by_hash: dict[str, list["Annotation"]] = {}
    for ann in annotations:
        by_hash.setdefault(ann.content_hash, []).append(ann)
    out = LibrarySuggestions([], {}, {}, [])
    for path, comp in library_compilations(workspace, lambda p, why: out.skipped.append((p, why)), cancelled):
        found = suggest_clauses(comp, theme, annotations=by_hash.get(comp.content_hash, ()), rejected=rejected)
        if found:
            out.compilations[comp.content_hash] = comp
            out.paths[comp.content_hash] = path
            out.suggestions.extend(found)
    return out
