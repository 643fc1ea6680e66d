"""What a sync needs of the local store: the annotations and themes written since the last sync.

A library of 100,000 annotations changes a few at a time; reading and diffing all of them at
every sync was most of an incremental sync's time. The store's change counter
(``AnnotationRepository.changes_since``) names what was written after the counter value the
last successful sync reached (kept as ``local_counter`` in the team bookkeeping); only those
annotations, plus the ones whose visibility was changed (the store does not see that), plus the
ones a pull touches, are compared with their shadows. Without a remembered counter (a library's
first sync, or one made by an older version) everything is compared once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Iterable

from reader.team.records import annotation_record, same, theme_record
from reader.team.state import VISIBILITY_PRIVATE, VISIBILITY_TEAM, TeamState

if TYPE_CHECKING:
    from reader.annotations.model import Annotation
    from reader.workspace.protocols import AnnotationRepository


@dataclass
class LocalView:
    """Candidates for a push: annotations written since ``counter``'s predecessor, removals, themes."""

    counter: int  # the store's change counter this view reaches
    touched: int  # the last visibility mark included
    records: dict[str, dict[str, Any]] = field(default_factory=dict)  # id → team record, as stored now
    removed: set[str] = field(default_factory=set)
    themes: set[str] | None = None  # theme names written since; None: every theme is a candidate

    @property
    def ids(self) -> set[str]:
        return set(self.records) | self.removed


def _records(state: TeamState, annotations: Iterable["Annotation"]) -> dict[str, dict[str, Any]]:
    annotations = list(annotations)
    sharing = state.sharing(a.id for a in annotations)
    return {a.id: annotation_record(a, sharing.get(a.id, ("", VISIBILITY_TEAM))[1]) for a in annotations}


def read_view(store: "AnnotationRepository", state: TeamState) -> LocalView:
    """The candidates since the last sync (everything, on a first sync)."""
    counter = state.local_counter
    touched_upto, touched = state.touched()
    changes = store.changes_since(counter or 0)
    if counter is not None and changes.counter < counter:  # not the store the counter was read from
        counter, changes = None, store.changes_since(0)
    annotations = list(changes.annotations)
    present = {a.id for a in annotations}
    annotations += store.get_many([i for i in touched if i not in present])
    view = LocalView(changes.counter, touched_upto, _records(state, annotations))
    if counter is None:  # deletions made before the store counted changes are shadows without a record
        view.removed = state.shadow_ids() - set(view.records)
    else:
        view.removed = set(changes.removed) - set(view.records)
        view.themes = set(changes.themes)
    return view


def catch_up(view: LocalView, store: "AnnotationRepository", state: TeamState) -> None:
    """Add what was written since ``view`` was read (a pull's own writes, an edit made meanwhile)."""
    changes = store.changes_since(view.counter)
    if changes.counter == view.counter:
        return
    fresh = _records(state, changes.annotations)
    view.records.update(fresh)
    view.removed = (view.removed | set(changes.removed)) - set(fresh)
    for ident in changes.removed:
        if ident not in fresh:
            view.records.pop(ident, None)
    if view.themes is not None:
        view.themes |= set(changes.themes)
    view.counter = changes.counter


def local_records(store: "AnnotationRepository", state: TeamState, view: LocalView,
                  ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """The view's records plus the current local record of each of ``ids`` the view lacks (a pull's rows)."""
    missing = [i for i in ids if i not in view.records and i not in view.removed]
    return {**_records(state, store.get_many(missing)), **view.records}


@dataclass
class Outgoing:
    """What a push sends: changed annotations, deletions, withdrawn (turned private), themes."""

    changed: dict[str, dict[str, Any]]
    deleted: list[str]
    withdrawn: list[str]
    themes: dict[str, dict[str, Any]]
    theme_deletions: list[str]

    def __bool__(self) -> bool:
        return bool(self.changed or self.deleted or self.themes or self.theme_deletions)


def outgoing(view: LocalView, shadows: dict[str, dict], store: "AnnotationRepository",
             shadow_themes: dict[str, dict]) -> Outgoing:
    """The view's candidates that differ from their shadows (``shadows`` covers ``view.ids``)."""
    changed = {i: r for i, r in view.records.items() if not same(r, shadows.get(i))}
    deleted = sorted(i for i in view.removed if i in shadows)
    withdrawn = [i for i, r in changed.items() if r["visibility"] == VISIBILITY_PRIVATE
                 and (shadows.get(i) or {}).get("visibility") == VISIBILITY_TEAM]
    themes = {t.name: theme_record(t) for t in store.themes()}
    names = set(themes) | set(shadow_themes) if view.themes is None else view.themes
    return Outgoing(changed, deleted, withdrawn,
                    {n: themes[n] for n in sorted(names) if n in themes and themes[n] != shadow_themes.get(n)},
                    sorted(n for n in names if n in shadow_themes and n not in themes))
