"""Which implementations of the storage contracts exist, by name.

A backend is registered as ``"module:factory"`` and imported only when a Workspace asks for it,
so the reading app never loads a search engine it does not use. A factory is called with the
Workspace and returns the backend. Adding a backend: write its module, add one line below.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any, Callable

from reader.errors import UsageError

if TYPE_CHECKING:
    from reader.library import Library
    from reader.workspace.protocols import AnnotationRepository, PageIndex

PAGE_INDEXES: dict[str, str] = {
    "whoosh": "reader.index.backend:open_page_index",
    "memory": "reader.index.memory:MemoryPageIndex",
    "team": "reader.team.page_index:open_team_index",
}
ANNOTATION_REPOSITORIES: dict[str, str] = {
    "sqlite": "reader.annotations.service:open_repository",
    "memory": "reader.annotations.memory:MemoryAnnotationStore",
}
DEFAULT_PAGE_INDEX = "whoosh"
DEFAULT_ANNOTATIONS = "sqlite"
#: Backends that need a server to be given (tests/team runs the contract tests against them).
SERVER_BACKENDS = frozenset({"team"})


def default_page_index(library: "Library") -> str:
    """The page index of a library: "team" once it joined a team (its search covers every team
    compilation), else :data:`DEFAULT_PAGE_INDEX`."""
    from reader.team.page_index import default_for

    return default_for(library) or DEFAULT_PAGE_INDEX


def register_page_index(name: str, target: str) -> None:
    """Make a PageIndex implementation available as ``name`` (``target`` = "module:factory")."""
    PAGE_INDEXES[name] = target


def register_annotation_repository(name: str, target: str) -> None:
    """Make an AnnotationRepository implementation available as ``name``."""
    ANNOTATION_REPOSITORIES[name] = target


def _factory(table: dict[str, str], name: str, what: str) -> Callable[..., Any]:
    target = table.get(name)
    if target is None:
        raise UsageError(f"未知的{what[0]}实现 (unknown {what[1]} backend): {name!r}; "
                         f"可用 (known): {', '.join(sorted(table))}")
    module, _, attribute = target.partition(":")
    return getattr(importlib.import_module(module), attribute)


def page_index_factory(name: str) -> Callable[..., "PageIndex"]:
    return _factory(PAGE_INDEXES, name, ("搜索索引", "page index"))


def annotation_repository_factory(name: str) -> Callable[..., "AnnotationRepository"]:
    return _factory(ANNOTATION_REPOSITORIES, name, ("批注存储", "annotation"))
