"""The directions the code may depend in: the core is Qt-free, storage stays behind its doors.

- nothing outside ``reader/ui/`` imports Qt;
- the index never reaches into annotations, export never into the index (they meet in the Workspace);
- the UI and the CLI reach storage only through :class:`reader.workspace.Workspace`: no sqlite3,
  whoosh, PageStore, AnnotationStore, searcher/indexer classes or the indexing worker;
- whoosh lives in ``reader/index/`` only, sqlite3 only in the modules that own a database file.
"""

import ast
from pathlib import Path

CORE = Path(__file__).resolve().parents[2] / "reader"

STORAGE_MODULES = {"sqlite3", "whoosh", "reader.index.schema", "reader.index.indexing", "reader.index.worker",
                   "reader.index.backend", "reader.annotations.store", "reader.annotations.repository",
                   "reader.annotations.memory", "reader.index.memory", "reader.sqlite_store", "reader.sqlite_watch"}
STORAGE_NAMES = {"PageStore", "AnnotationStore", "SQLiteAnnotationRepository", "LibrarySearcher", "LibraryIndexer",
                 "open_store", "open_whoosh", "index_in_worker", "WhooshPageIndex"}
SQLITE_OWNERS = {"sqlite_store.py", "sqlite_watch.py", "library.py", "annotations/store.py", "annotations/backup.py",
                 "annotations/theme_store.py", "annotations/change_log.py",
                 "index/schema.py", "team/state.py"}


def _imports(path: Path) -> set[str]:
    """Every module and every imported name (as module.name) the file imports, anywhere in it."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def _files(folder: str = ""):
    for path in sorted((CORE / folder).rglob("*.py")):
        yield path.relative_to(CORE).as_posix(), _imports(path)


def _hits(imports: set[str], modules: set[str] = frozenset(), names: set[str] = frozenset()) -> list[str]:
    return sorted(n for n in imports if any(n == m or n.startswith(m + ".") for m in modules)
                  or n.rsplit(".", 1)[-1] in names)


def test_core_modules_do_not_import_qt_or_ui():
    offenders = []
    for rel, imports in _files():
        if rel.startswith("ui/"):
            continue
        for name in imports:
            if name.split(".")[0] in {"PySide6", "PyQt5", "PyQt6", "shiboken6"} or name.startswith("reader.ui"):
                offenders.append(f"{rel} imports {name}")
    assert not offenders, offenders


def test_index_does_not_reach_into_annotations_nor_export_into_the_index():
    offenders = [f"{rel} imports {hit}" for rel, imports in _files("index")
                 for hit in _hits(imports, {"reader.annotations"})]
    offenders += [f"{rel} imports {hit}" for rel, imports in _files("export")
                  for hit in _hits(imports, {"reader.index"})]
    assert not offenders, offenders


def test_ui_and_cli_reach_storage_only_through_the_workspace():
    offenders = [f"{rel} imports {hit}" for folder in ("ui", "cli") for rel, imports in _files(folder)
                 for hit in _hits(imports, STORAGE_MODULES, STORAGE_NAMES)]
    assert not offenders, offenders


def test_whoosh_and_sqlite3_stay_inside_their_backends():
    offenders = []
    for rel, imports in _files():
        if _hits(imports, {"whoosh"}) and not rel.startswith("index/"):
            offenders.append(f"{rel} imports whoosh")
        if _hits(imports, {"sqlite3"}) and rel not in SQLITE_OWNERS:
            offenders.append(f"{rel} imports sqlite3")
    assert not offenders, offenders
