"""The annotation store: CRUD, themes, schema versions, backups, JSON export/import."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from reader.annotations import Annotation, AnnotationStore, Theme
from reader.annotations.backup import export_data, export_json, import_json, list_backups, rolling_backup
from reader.annotations.schema import SCHEMA_VERSION
from reader.errors import StorageError, UsageError


def _ann(n: int = 0, **kw) -> Annotation:
    fields = dict(content_hash="h1", page_index=n % 4, quote=f"引文{n}", rects={n % 4: [(1, 2 + n, 30, 14 + n)]},
                  start_offset=n * 10)
    fields.update(kw)
    return Annotation(**fields)


@pytest.fixture
def store(tmp_path: Path) -> AnnotationStore:
    with AnnotationStore(tmp_path / "annotations.sqlite3") as s:
        yield s


def test_defaults_seeded_once_and_user_deletions_stick(tmp_path: Path) -> None:
    path = tmp_path / "a.sqlite3"
    with AnnotationStore(path) as store:
        names = [t.name for t in store.themes()]
        assert {"5G", "氢能", "中小企业", "数字化转型", "绿色低碳", "新材料", "数据要素"} <= set(names)
        assert all(t.name_en and t.color.startswith("#") for t in store.themes())
        store.delete_theme("5G")
    with AnnotationStore(path) as store:
        assert "5G" not in [t.name for t in store.themes()]


def test_pragmas_and_schema_version(store: AnnotationStore) -> None:
    db = sqlite3.connect(store.path)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    db.close()
    assert store._db.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_newer_schema_is_refused_with_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "a.sqlite3"
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()
    with pytest.raises(StorageError, match="newer version"):
        AnnotationStore(path)


def test_add_get_list_in_reading_order_and_theme_colour(store: AnnotationStore) -> None:
    a = store.add(_ann(3, themes=["hydrogen ENERGY", "5g"], note="看这里"))
    b = store.add(_ann(1))
    assert a.themes == ["氢能", "5G"]
    assert a.color == store.theme("氢能").color
    assert [x.id for x in store.list()] == [b.id, a.id]
    assert [x.id for x in store.list(theme="5G")] == [a.id]
    assert [x.id for x in store.list(text="看这")] == [a.id]
    assert store.list(content_hash="other") == []
    assert store.get(a.id).rects == {3: [(1.0, 5.0, 30.0, 17.0)]}


def test_unknown_theme_is_a_usage_error_suggesting_themes_add(store: AnnotationStore) -> None:
    with pytest.raises(UsageError, match="themes add"):
        store.add(_ann(themes=["不存在"]))
    assert store.list() == []  # the failed action left nothing behind


def test_update_retag_remove_and_undo_by_re_adding(store: AnnotationStore) -> None:
    a = store.add(_ann(themes=["5G"]))
    edited = store.update(a.id, note="新批注", themes=["新材料", "5G"])
    assert (edited.note, edited.themes) == ("新批注", ["新材料", "5G"])
    assert edited.modified >= a.modified
    b = store.add(_ann(2))
    store.retag([a.id, b.id], add=["数据要素"], remove=["5G"])
    assert store.get(a.id).themes == ["新材料", "数据要素"] and store.get(b.id).themes == ["数据要素"]
    removed = store.remove(a.id)
    assert store.get(a.id) is None
    store.add(removed)  # undo
    assert store.get(a.id).themes == ["新材料", "数据要素"] and store.get(a.id).note == "新批注"


def test_theme_rename_recolour_merge_delete_never_delete_annotations(store: AnnotationStore) -> None:
    a = store.add(_ann(themes=["5G", "氢能"]))
    b = store.add(_ann(2, themes=["氢能"]))
    store.update_theme("5G", new_name="第五代通信", color="#123456")
    assert store.get(a.id).themes == ["第五代通信", "氢能"] and store.get(a.id).color == "#123456"
    assert store.merge_theme("氢能", "第五代通信") == 2
    assert store.get(a.id).themes == ["第五代通信"] and store.get(b.id).themes == ["第五代通信"]
    assert store.theme("氢能") is None
    assert store.delete_theme("第五代通信") == 2
    assert {x.id for x in store.list()} == {a.id, b.id}
    assert store.get(a.id).themes == []
    with pytest.raises(UsageError):
        store.add_theme(Theme("新材料"))
    with pytest.raises(UsageError):
        store.update_theme("新材料", new_name="数据要素")


def test_counts_per_theme(store: AnnotationStore) -> None:
    store.add(_ann(1, themes=["5G"]))
    store.add(_ann(2, themes=["5G", "氢能"]))
    store.add(_ann(3, themes=["5G"], content_hash="h2"))
    counts = store.count_by_theme()
    assert counts["5G"] == 3 and counts["氢能"] == 1 and counts["新材料"] == 0
    assert store.count_by_theme("h1")["5G"] == 2


def test_export_import_round_trip_preserves_ids_and_merges(tmp_path: Path, store: AnnotationStore) -> None:
    store.add_theme(Theme("自定义", "Custom", "#abcdef", ["词"]))
    a = store.add(_ann(1, themes=["自定义"], note="n1", clause_path=["一、", "（二）"]))
    store.add(_ann(2, rects={2: [(0, 0, 5, 5)], 3: [(0, 0, 6, 6)]}))
    out = tmp_path / "export.json"
    assert export_json(store, out) == 2
    with AnnotationStore(tmp_path / "other.sqlite3", seed_defaults=False) as other:
        result = import_json(other, out)
        assert result["annotations_imported"] == 2
        assert export_data(other)["annotations"] == export_data(store)["annotations"]
        assert other.theme("Custom").keywords == ["词"]
        # re-import is a merge by id: nothing duplicated
        import_json(other, out)
        assert len(other.list()) == 2
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["annotations"][0]["id"] == a.id


def test_import_rejects_other_files(tmp_path: Path, store: AnnotationStore) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"hello": 1}', encoding="utf-8")
    with pytest.raises(UsageError):
        import_json(store, bad)


def test_rolling_backup_keeps_the_last_five_and_is_a_valid_store(store: AnnotationStore) -> None:
    store.add(_ann(1, themes=["5G"]))
    assert rolling_backup(store) is not None
    assert rolling_backup(store) is None  # once a day unless forced
    for _ in range(7):
        rolling_backup(store, force=True)
    backups = list_backups(store)
    assert len(backups) == 5
    with AnnotationStore(backups[-1]) as restored:
        assert [a.quote for a in restored.list()] == ["引文1"]


def test_schema_upgrade_is_one_transaction_rolled_back_on_failure(tmp_path: Path, monkeypatch) -> None:
    import reader.annotations.store as store_module

    path = tmp_path / "a.sqlite3"
    with AnnotationStore(path) as store:
        kept = store.add(_ann(1, themes=["5G"]))
    steps = store_module.MIGRATIONS + [["ALTER TABLE annotations ADD COLUMN extra TEXT",
                                        "THIS IS NOT SQL"]]
    monkeypatch.setattr(store_module, "MIGRATIONS", steps)
    with pytest.raises(StorageError):
        AnnotationStore(path)
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert "extra" not in [row[1] for row in db.execute("PRAGMA table_info(annotations)")]
    db.close()
    monkeypatch.setattr(store_module, "MIGRATIONS", steps[:-1] + [["ALTER TABLE annotations ADD COLUMN extra TEXT"]])
    with AnnotationStore(path) as store:  # a good upgrade keeps every annotation
        assert [a.id for a in store.list()] == [kept.id]
