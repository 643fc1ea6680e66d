"""Sharing this library's compilations with the team during a sync.

Each library file is analysed once (the structure cache makes later runs free) and sent by content
hash: title, page labels, documents (title, 文号, issuers, date, kind) and page text for team
search; with ``with_pdf`` also the PDF bytes. The hashes already sent are remembered in the team
bookkeeping file, so a sync does not re-read the library's PDFs.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Callable

from reader.document import Document
from reader.errors import DocumentError
from reader.team.search import share_compilation
from reader.team.state import TeamState

if TYPE_CHECKING:
    import psycopg

    from reader.library import Library


def library_sharer(library: "Library", state: TeamState, with_pdf: bool = False,
                   notes: list[str] | None = None) -> Callable[["psycopg.Connection"], int]:
    """A function for ``TeamSync.sync(share=…)`` that sends compilations the team has not got."""
    from reader.structure import load_structure

    def share(conn: "psycopg.Connection") -> int:
        shared = set(json.loads(state.get("shared_compilations", "[]") or "[]"))
        count = 0
        for entry in library.files(include_changed=False):
            if entry.content_hash in shared:
                continue
            path = library.resolve(entry.content_hash)
            if path is None:
                continue
            try:
                with Document.open(path) as doc:
                    comp = load_structure(doc, library.structure_cache_dir)
            except DocumentError as exc:
                if notes is not None:
                    notes.append(f"未共享 (not shared) {path}: {exc.message}")
                continue
            if share_compilation(conn, comp, entry.title or path.stem, path if with_pdf else None):
                count += 1
            shared.add(entry.content_hash)
            with state.tx() as db:
                state.set_meta(db, shared_compilations=json.dumps(sorted(shared)))
        return count

    return share
