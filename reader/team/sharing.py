"""Sharing this library's compilations with the team during a sync.

Each library file is analysed once (the structure cache makes later runs free) and sent by content
hash: title, page labels, documents (title, 文号, issuers, date, kind) and page text for team
search; with ``with_pdf`` or the library's ``share_pdf`` setting (``team share-pdf --always``) also
the PDF bytes, up to the size limit (a larger file is named in the sync's notes). The hashes
already sent are remembered in the team bookkeeping file, so a sync does not re-read the
library's PDFs.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Callable

from reader.document import Document
from reader.errors import DocumentError
from reader.team.search import share_compilation
from reader.team.connection import TeamError
from reader.team.state import TeamState

if TYPE_CHECKING:
    import psycopg

    from reader.library import Library


def library_sharer(library: "Library", state: TeamState, with_pdf: bool = False,
                   notes: list[str] | None = None) -> Callable[["psycopg.Connection"], int]:
    """A function for ``TeamSync.sync(share=…)`` that sends compilations the team has not got."""
    from reader.structure import load_structure
    from reader.team.pdfs import share_setting

    with_pdf = with_pdf or share_setting(state)

    def share(conn: "psycopg.Connection") -> int:
        shared = set(json.loads(state.get("shared_compilations", "[]") or "[]"))
        with_bytes = set(json.loads(state.get("shared_pdfs", "[]") or "[]"))
        count = 0
        for entry in library.files(include_changed=False):
            if with_pdf and entry.content_hash in shared and entry.content_hash not in with_bytes:
                _upload(conn, entry, with_bytes)
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
            if share_compilation(conn, comp, entry.title or path.stem):
                count += 1
            if with_pdf:
                _upload(conn, entry, with_bytes)
            shared.add(entry.content_hash)
            with state.tx() as db:
                state.set_meta(db, shared_compilations=json.dumps(sorted(shared)),
                               shared_pdfs=json.dumps(sorted(with_bytes)))
        with state.tx() as db:  # PDFs uploaded for compilations shared before
            state.set_meta(db, shared_pdfs=json.dumps(sorted(with_bytes)))
        return count

    def _upload(conn: "psycopg.Connection", entry, with_bytes: set[str]) -> None:
        from reader.team.connection import TeamOfflineError
        from reader.team.pdfs import limit_bytes, upload_pdf

        path = library.resolve(entry.content_hash)
        if path is None:
            return
        try:
            upload_pdf(conn, entry.content_hash, path, limit_bytes(state))
        except TeamOfflineError:
            raise
        except TeamError as exc:  # too large, or changed since: said, and the sync goes on
            if notes is not None:
                notes.append(f"未上传 PDF (PDF not uploaded): {exc.message}")
            return
        with_bytes.add(entry.content_hash)

    return share
