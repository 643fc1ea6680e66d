"""Rolling backups and JSON export/import of every annotation and theme.

Backups use SQLite's online backup API (a consistent snapshot even while the app writes),
go to a temporary name and are renamed into place, so a crash mid-backup never leaves a
half-written file with a backup's name.
"""

from __future__ import annotations

import json
import sqlite3
import time
from pathlib import Path
from typing import Any

from reader.annotations.model import Annotation, Theme
from reader.annotations.store import AnnotationStore
from reader.errors import StorageError, UsageError

EXPORT_FORMAT = "policy-reader-annotations"
EXPORT_VERSION = 1
BACKUPS_KEPT = 5
BACKUP_INTERVAL_S = 24 * 3600


def backup_dir(store: AnnotationStore) -> Path:
    return store.path.parent / "backups"


def list_backups(store: AnnotationStore) -> list[Path]:
    return sorted(backup_dir(store).glob(f"{store.path.stem}.backup-*.sqlite3"))


def rolling_backup(store: AnnotationStore, keep: int = BACKUPS_KEPT, min_interval_s: float = BACKUP_INTERVAL_S,
                   force: bool = False) -> Path | None:
    """Snapshot the store unless the newest backup is younger than ``min_interval_s``; keep the last ``keep``."""
    folder = backup_dir(store)
    folder.mkdir(parents=True, exist_ok=True)
    for stale in folder.glob("*.tmp"):
        stale.unlink(missing_ok=True)
    existing = list_backups(store)
    if existing and not force and time.time() - existing[-1].stat().st_mtime < min_interval_s:
        return None
    stamp = time.strftime("%Y%m%d-%H%M%S") + f"-{int(time.time() * 1000) % 1000:03d}"
    target = folder / f"{store.path.stem}.backup-{stamp}.sqlite3"
    temp = target.with_suffix(".tmp")
    try:
        with store._lock:  # noqa: SLF001 — the backup must see a committed state
            dest = sqlite3.connect(temp)
            try:
                store._db.backup(dest)  # noqa: SLF001
            finally:
                dest.close()
        temp.replace(target)
    except (sqlite3.DatabaseError, OSError) as exc:
        temp.unlink(missing_ok=True)
        raise StorageError(f"批注备份失败 (annotation backup failed): {target}: {exc}") from exc
    for old in list_backups(store)[:-keep]:
        old.unlink(missing_ok=True)
    return target


def export_data(store: AnnotationStore, content_hash: str | None = None) -> dict[str, Any]:
    """Everything needed to rebuild the annotations elsewhere (ids preserved)."""
    return {
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "themes": [t.to_json() for t in store.themes()],
        "annotations": [a.to_record() for a in store.list(content_hash=content_hash)],
    }


def export_json(store: AnnotationStore, path: Path, content_hash: str | None = None) -> int:
    data = export_data(store, content_hash)
    temp = path.with_name(path.name + ".tmp")
    try:
        temp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
        temp.replace(path)
    except OSError as exc:
        raise StorageError(f"无法写入导出文件 (cannot write export file): {path}: {exc}") from exc
    return len(data["annotations"])


def import_data(store: AnnotationStore, data: dict[str, Any]) -> dict[str, int]:
    """Merge an export: themes by name (missing ones created), annotations by id (newer wins)."""
    if not isinstance(data, dict) or data.get("format") != EXPORT_FORMAT:
        raise UsageError("不是批注导出文件 (not an annotations export file)")
    if int(data.get("version", 0)) > EXPORT_VERSION:
        raise UsageError("导出文件来自更新版本的程序 (export written by a newer version)")
    themes_added = 0
    for raw in data.get("themes", []):
        theme = Theme(raw["name"], raw.get("name_en", ""), raw.get("color", "#ffd54f"), list(raw.get("keywords", [])))
        if store.theme(theme.name) is None:
            store.add_theme(theme)
            themes_added += 1
    incoming = [Annotation.from_record(raw) for raw in data.get("annotations", [])]
    for ann in incoming:  # a theme only referenced by an annotation still comes along
        for name in ann.themes:
            if store.theme(name) is None:
                store.add_theme(Theme(name, color=ann.color))
                themes_added += 1
    current = {a.id: a for a in store.get_many([a.id for a in incoming])}
    fresh = [a for a in incoming if a.id not in current or a.modified >= current[a.id].modified]
    store.put_many(fresh)
    return {"themes_added": themes_added, "annotations_imported": len(fresh),
            "annotations_skipped": len(incoming) - len(fresh)}


def import_json(store: AnnotationStore, path: Path) -> dict[str, int]:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise UsageError(f"无法读取导入文件 (cannot read import file): {path}: {exc}") from exc
    return import_data(store, data)
