"""whoosh's pickles may name whoosh's own classes only: a planted index file runs nothing."""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest
from whoosh.fields import Schema

from reader.index.indexing import LibraryIndexer
from reader.index.safe_pickle import loads
from reader.index.schema import make_schema
from reader.library import Library

from tests.builders.index_pdfs import BODY, make_pdf

REPO = Path(__file__).resolve().parents[3]
QUERY = "专精特新"


class _Payload(Schema):
    """A schema that unpickles as a call of ``os.system`` — what a planted index file would carry."""

    def __init__(self, marker: Path) -> None:
        super().__init__()
        self.marker = marker

    def __reduce__(self):
        return (os.system, (f"touch {self.marker}",))


def test_the_real_schema_loads_and_foreign_callables_do_not(tmp_path):
    assert type(loads(pickle.dumps(make_schema()))).__name__ == "Schema"
    marker = tmp_path / "ran"
    with pytest.raises(pickle.UnpicklingError):
        loads(pickle.dumps(_Payload(marker)))
    with pytest.raises(pickle.UnpicklingError):  # whoosh functions are callables too (whoosh.compat.exec_)
        loads(b"cwhoosh.compat\nexec_\n(S'open(\"x\",\"w\")'\ntR.")
    assert not marker.exists()


def test_a_planted_table_of_contents_is_rebuilt_not_run(tmp_path):
    from whoosh.filedb.filestore import FileStorage
    from whoosh.index import TOC

    pdf = make_pdf(tmp_path / "a.pdf", BODY, title="甲")
    library = Library(tmp_path / "lib")
    LibraryIndexer(library).index_paths([pdf])
    storage = FileStorage(str(library.index_dir / "whoosh"))
    toc = TOC.read(storage, "MAIN", schema=make_schema())
    marker = tmp_path / "ran"
    planted = TOC(_Payload(marker), toc.segments, toc.generation + 1)
    planted.write(storage, "MAIN")  # the newest table of contents now names os.system

    done = subprocess.run([sys.executable, "-m", "reader", "search", QUERY, "--library", str(library.root), "--json"],
                          capture_output=True, text=True, encoding="utf-8", cwd=REPO, timeout=120)
    assert not marker.exists(), "a pickle in the index ran code"
    assert "Traceback" not in done.stderr
    assert done.returncode == 0, done.stderr
    assert "搜索索引已损坏" in done.stderr  # said, and rebuilt from the page texts
    assert json.loads(done.stdout)["total_pages"] >= 1
