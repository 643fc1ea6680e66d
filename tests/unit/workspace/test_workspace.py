"""The Workspace: one compilation cache, combined queries, change notification across processes."""

from __future__ import annotations

import subprocess
import sys

from reader.annotations import Annotation
from reader.document import Document
from reader.library import Library
from reader.workspace import Workspace

from tests.builders.index_pdfs import BODY, make_pdf  # noqa: E402


def test_one_compilation_cache_by_hash_or_document(tmp_path):
    workspace = Workspace(Library(tmp_path / "lib"))
    pdf = make_pdf(tmp_path / "a.pdf", BODY)
    entry = workspace.library.add(pdf)
    with Document.open(pdf) as doc:
        from_document = workspace.compilation(doc)
    assert workspace.compilation(entry.content_hash) is from_document
    fresh = Workspace(workspace.library)  # another process: the structure cache on disk answers
    assert fresh.compilation(entry.content_hash).text == from_document.text
    assert fresh.compilation("0" * 64) is None


def test_annotated_pages_cover_every_page_of_an_annotation(tmp_path):
    workspace = Workspace(Library(tmp_path / "lib"), annotations="memory")
    workspace.annotations.add(Annotation(content_hash="h", page_index=2, quote="跨页的句子",
                                         rects={2: [(1, 2, 3, 4)], 3: [(1, 2, 3, 4)]}))
    workspace.annotations.add(Annotation(content_hash="g", page_index=0, quote="另一句", rects={0: [(1, 2, 3, 4)]}))
    assert workspace.annotated_pages() == {("h", 2), ("h", 3), ("g", 0)}
    assert workspace.annotated_pages("g") == {("g", 0)}


def test_listeners_hear_about_writes_by_another_process(tmp_path):
    library = Library(tmp_path / "lib")
    workspace = Workspace(library, backup=False)
    heard: list[frozenset[str]] = []
    unsubscribe = workspace.subscribe(heard.append)
    workspace.annotations.themes()  # open the store: only open backends are polled
    assert workspace.poll_changes() == frozenset()
    script = (
        "import sys; from reader.library import Library; from reader.workspace import Workspace;"
        "from reader.annotations import Annotation, Theme;"
        "w = Workspace(Library(sys.argv[1]), backup=False);"
        "w.annotations.add_theme(Theme('别处的主题'));"
        "w.annotations.add(Annotation(content_hash='h', page_index=0, quote='别处写的', rects={0: [(1, 2, 3, 4)]}))"
    )
    subprocess.run([sys.executable, "-c", script, str(library.root)], check=True)
    assert workspace.poll_changes() == {"annotations", "themes"}
    assert heard == [frozenset({"annotations", "themes"})]
    assert workspace.poll_changes() == frozenset()
    unsubscribe()
    workspace.annotations.add(Annotation(content_hash="h", page_index=0, quote="这里写的", rects={0: [(1, 2, 3, 4)]}))
    assert workspace.poll_changes() == {"annotations"}  # a write through this process's own store, too
    assert len(heard) == 1
    workspace.subscribe(heard.append)
    workspace.annotations.add(Annotation(content_hash="h", page_index=0, quote="已显示的", rects={0: [(1, 2, 3, 4)]}))
    assert workspace.poll_changes(quiet={"annotations", "themes"}) == {"annotations"}
    assert len(heard) == 1  # noted, not told
    workspace.close()


def test_a_backend_is_one_registration_line_and_unknown_names_are_refused(tmp_path, monkeypatch):
    import pytest

    from reader.errors import UsageError
    from reader.workspace import registry

    monkeypatch.setitem(registry.PAGE_INDEXES, "second", "reader.index.memory:MemoryPageIndex")
    workspace = Workspace(Library(tmp_path / "lib"), index="second")
    assert type(workspace.index).__name__ == "MemoryPageIndex"
    with pytest.raises(UsageError, match="unknown page index backend"):
        _ = Workspace(Library(tmp_path / "lib"), index="nonesuch").index
