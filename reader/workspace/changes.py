"""Telling listeners that annotations, themes or the index changed — also when another process wrote them.

Backends expose a cheap ``change_token()`` (SQLite's ``PRAGMA data_version`` on a connection of
their own sees every commit, by this process or any other). :meth:`ChangeNotifier.poll` compares
the tokens with the last ones seen and calls each listener with the set of kinds that changed.
Polling is driven from outside (the window uses a timer; a CLI never polls), so the core starts
no thread of its own.
"""

from __future__ import annotations

import logging
import threading
from typing import Callable, Iterable

ANNOTATIONS = "annotations"
THEMES = "themes"
INDEX = "index"
KINDS = (ANNOTATIONS, THEMES, INDEX)

Listener = Callable[[frozenset[str]], None]
_log = logging.getLogger(__name__)


class ChangeNotifier:
    """Listeners plus the last token seen per source; thread-safe."""

    def __init__(self) -> None:
        self._listeners: list[Listener] = []
        self._tokens: dict[str, object] = {}
        self._lock = threading.Lock()

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener(kinds)`` after every change; returns the function that unsubscribes."""
        with self._lock:
            self._listeners.append(listener)

        def unsubscribe() -> None:
            with self._lock:
                if listener in self._listeners:
                    self._listeners.remove(listener)

        return unsubscribe

    def observe(self, source: str, token: object) -> bool:
        """Record ``token`` for ``source``; True when it differs from the one seen before (not the first)."""
        with self._lock:
            before = self._tokens.get(source, token)
            self._tokens[source] = token
        return before != token

    def notify(self, kinds: Iterable[str]) -> None:
        """Tell every listener; one failing listener does not stop the others."""
        changed = frozenset(kinds)
        if not changed:
            return
        with self._lock:
            listeners = list(self._listeners)
        for listener in listeners:
            try:
                listener(changed)
            except Exception:  # a listener's bug must not break the writer that notified
                _log.exception("change listener failed")
