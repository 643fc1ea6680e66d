"""The store's local change counter: kept by triggers, upgraded into old files, rising across a restore."""

from __future__ import annotations

import sqlite3

from reader.annotations import Annotation, AnnotationStore, Theme
from reader.annotations.backup import restore, take_backup


def _ann(n: int, **kw) -> Annotation:
    return Annotation(content_hash="h", page_index=0, quote=f"第{n}条", rects={0: [(72.0, 90.0 + n, 200.0, 100.0 + n)]},
                      **kw)


def test_a_restored_backup_counts_as_changed_and_the_counter_keeps_rising(tmp_path):
    path = tmp_path / "annotations.sqlite3"
    store = AnnotationStore(path, seed_defaults=False)
    kept = store.add(_ann(1))
    backup = take_backup(store)
    later = store.add(_ann(2))  # made after the backup: the restore deletes it
    store.update(kept.id, note="备份之后改的")
    synced = store.changes_since(0).counter  # as far as a sync has seen
    store.close()

    restore(path, backup)
    store = AnnotationStore(path, seed_defaults=False)
    changes = store.changes_since(synced)
    assert [a.id for a in changes.annotations] == [kept.id] and changes.annotations[0].note == ""
    assert changes.removed == [later.id]
    assert changes.counter > synced
    edited = store.update(kept.id, note="恢复之后改的")
    assert [a.note for a in store.changes_since(changes.counter).annotations] == [edited.note]
    store.close()


def test_an_older_file_counts_everything_as_changed_once(tmp_path):
    path = tmp_path / "annotations.sqlite3"
    store = AnnotationStore(path, seed_defaults=False)
    store.add_theme(Theme("氢能"))
    first = store.add(_ann(1, themes=["氢能"]))
    store.close()
    with sqlite3.connect(path) as db:  # as version 1 of the schema left it
        for name in [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")]:
            db.execute(f"DROP TRIGGER {name}")
        db.execute("DROP TABLE changes")
        db.execute("PRAGMA user_version = 1")
    db.close()

    store = AnnotationStore(path, seed_defaults=False)
    everything = store.changes_since(0)
    assert [a.id for a in everything.annotations] == [first.id] and everything.themes == ["氢能"]
    assert store.changes_since(everything.counter).annotations == []
    store.close()
