"""JSON import is validated whole and applied all or nothing; backups sit behind the store's own interface."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest

from reader.annotations import Annotation, AnnotationStore, Theme
from reader.annotations.backup import export_data, import_json
from reader.errors import UsageError

REPO = Path(__file__).resolve().parents[3]


@pytest.fixture
def exported(tmp_path: Path) -> dict:
    with AnnotationStore(tmp_path / "source.sqlite3") as source:
        source.ensure_theme(Theme("新主题甲"))
        for n in range(4):
            source.add(Annotation("h" * 64, n, f"引文{n}", {n: [(1, 2, 30, 14)]}, themes=["新主题甲"], note=f"注{n}"))
        return export_data(source)


def _counts(store: AnnotationStore) -> tuple[int, int]:
    return len(store.list()), len(store.themes())


@pytest.mark.parametrize("breakage, named", [
    (lambda d: d["annotations"][2].pop("quote"), "annotations[2].quote"),
    (lambda d: d["annotations"][3].update(page_index="七"), "annotations[3].page_index"),
    (lambda d: d["annotations"][1].update(rects={"0": [[1, 2, 3]]}), "annotations[1].rects"),
    (lambda d: d["annotations"][0].update(themes="氢能"), "annotations[0].themes"),
    (lambda d: d["annotations"].append(d["annotations"][0]), "duplicate id"),
    (lambda d: d["themes"].append({"name": 5}), "themes[N].name"),
    (lambda d: d.update(annotations={"a": 1}), "annotations: "),
    (lambda d: d.update(format="something-else"), "not an annotations export"),
    (lambda d: d["annotations"][1].update(page_index=10 ** 30), "annotations[1].page_index"),
    (lambda d: d["annotations"][0].update(note="\ud800"), "lone surrogate"),
    (lambda d: d["annotations"][0].update(rects={"0": [[1, 2, float("inf"), 4]]}), "annotations[0].rects"),
])
def test_a_malformed_import_names_the_fault_and_changes_nothing(tmp_path: Path, exported: dict, breakage,
                                                                named: str) -> None:
    breakage(exported)
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(exported), encoding="utf-8")  # \uXXXX escapes, as a hand-edited file may hold
    with AnnotationStore(tmp_path / "target.sqlite3") as store:
        store.add(Annotation("k" * 64, 0, "原有的", {0: [(1, 2, 3, 4)]}))
        before = _counts(store)
        pattern = named.replace("[", r"\[").replace("]", r"\]").replace("N", r"\d+")
        with pytest.raises(UsageError, match=pattern):
            import_json(store, path)
        assert _counts(store) == before  # no theme, no annotation from the broken file


def test_invalid_json_text_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "cut.json"
    path.write_text('{"format": "policy-reader-annotations", "annotations": [', encoding="utf-8")
    with AnnotationStore(tmp_path / "t.sqlite3") as store, pytest.raises(UsageError, match="not valid JSON"):
        import_json(store, path)


def test_a_good_import_arrives_whole_in_one_step(tmp_path: Path, exported: dict) -> None:
    path = tmp_path / "good.json"
    path.write_text(json.dumps(exported, ensure_ascii=False), encoding="utf-8")
    with AnnotationStore(tmp_path / "t.sqlite3") as store:
        result = import_json(store, path)
        assert result == {"themes_added": 1, "annotations_imported": 4, "annotations_skipped": 0}
        assert sorted(a.note for a in store.list(theme="新主题甲")) == ["注0", "注1", "注2", "注3"]
        again = import_json(store, path)
        assert again["themes_added"] == 0 and again["annotations_imported"] == 4  # same ids: replaced, not doubled
        assert len(store.list()) == 4


def test_backup_module_does_not_import_the_store_at_run_time() -> None:
    """The store names its backups in its messages; the backup module must not import it back."""
    tree = ast.parse((REPO / "reader" / "annotations" / "backup.py").read_text(encoding="utf-8"))
    runtime = [node for node in tree.body if isinstance(node, (ast.Import, ast.ImportFrom))]
    modules = [n.module for n in runtime if isinstance(n, ast.ImportFrom)] + \
              [a.name for n in runtime if isinstance(n, ast.Import) for a in n.names]
    assert "reader.annotations.store" not in modules
    source = (REPO / "reader" / "annotations" / "backup.py").read_text(encoding="utf-8")
    assert "._db" not in source  # the snapshot goes through AnnotationStore.backup_to


def test_text_with_a_lone_surrogate_is_stored_with_a_replacement_character(tmp_path: Path) -> None:
    """PDF text can map a glyph to U+D800; the annotation is kept, that one character replaced."""
    with AnnotationStore(tmp_path / "t.sqlite3") as store:
        stored = store.add(Annotation("h" * 64, 0, "引\ud800文", {0: [(1, 2, 3, 4)]}, clause_path=["一\udc00、"]))
        assert stored.quote == "引\ufffd文" and stored.clause_path == ["一\ufffd、"]
