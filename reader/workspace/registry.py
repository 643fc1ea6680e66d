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
    from reader.workspace.protocols import AnnotationRepository, PageIndex

PAGE_INDEXES: dict[str, str] = {
    "whoosh": "reader.index.backend:open_page_index",
    "memory": "reader.index.memory:MemoryPageIndex",
}
ANNOTATION_REPOSITORIES: dict[str, str] = {
    "sqlite": "reader.annotations.service:open_repository",
    "memory": "reader.annotations.memory:MemoryAnnotationStore",
}
DEFAULT_PAGE_INDEX = "whoosh"
DEFAULT_ANNOTATIONS = "sqlite"


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
