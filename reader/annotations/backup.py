"""Backups of the annotation store: when to take them, which to keep, how to restore one.

The snapshot itself is the store's own business (:meth:`AnnotationStore.backup_to`, SQLite's
online backup API, consistent even while the app writes); this module only decides names, timing
and rotation, and never imports the store (it works on the store's path), so the store can name
its backups in an error message without an import cycle.

Two kinds of backup, both ``<stem>.backup-<stamp>[-recent].sqlite3`` in ``backups/`` beside the store:

- the daily one, at the first open of a day (``BACKUPS_KEPT`` are kept);
- a recent one after every ``BACKUP_EVERY_CHANGES`` changes and when a store with changes is
  closed (``RECENT_KEPT`` kept), so a backup never lags a day of work behind.

Rotation never deletes the newest backup that holds annotations: a store emptied by accident (or
by a damaged disk) cannot push the last good copy out within a few days.

JSON export/import of annotations and themes lives in :mod:`reader.annotations.exchange`; its
names are re-exported here for the callers that know them from this module.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Union

from reader.annotations.exchange import (  # re-exported: callers know the JSON exchange from this module
    EXPORT_FORMAT,
    EXPORT_VERSION,
    export_data,
    export_json,
    import_data,
    import_json,
)
from reader.annotations.change_log import continue_after_restore
from reader.errors import StorageError, UsageError
from reader.sqlite_store import PRIVATE_FILE_MODE

if TYPE_CHECKING:
    from reader.annotations.store import AnnotationStore

BACKUPS_KEPT = 5
RECENT_KEPT = 3
BACKUP_INTERVAL_S = 24 * 3600
BACKUP_EVERY_CHANGES = 25
_RECENT = "-recent"
_TEMP_SUFFIX = ".backup-tmp"

StoreRef = Union["AnnotationStore", str, os.PathLike]


def _store_path(store: StoreRef) -> Path:
    return Path(getattr(store, "path", store))


def backup_dir(store: StoreRef) -> Path:
    return _store_path(store).parent / "backups"


def list_backups(store: StoreRef) -> list[Path]:
    """Every backup of this store, oldest first (names sort by time)."""
    path = _store_path(store)
    return sorted(backup_dir(path).glob(f"{path.stem}.backup-*.sqlite3"))


@dataclass(frozen=True)
class BackupInfo:
    """What a backup holds, to choose one to restore. ``annotations`` is None when it cannot be read."""

    path: Path
    taken: datetime
    annotations: int | None
    themes: int | None
    recent: bool

    @property
    def good(self) -> bool:
        return self.annotations is not None

    def to_json(self) -> dict:
        return {"path": str(self.path), "name": self.path.name, "taken": self.taken.isoformat(timespec="seconds"),
                "annotations": self.annotations, "themes": self.themes, "good": self.good,
                "kind": "recent" if self.recent else "daily"}


def count_rows(path: Path, check: bool = True) -> tuple[int, int] | None:
    """(annotations, themes) in a store file opened read-only, or None if it is not a sound store."""
    if not path.is_file() or path.stat().st_size == 0:
        return None
    try:
        db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=5)
    except sqlite3.Error:
        return None
    try:
        if check and db.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            return None
        return (db.execute("SELECT COUNT(*) FROM annotations").fetchone()[0],
                db.execute("SELECT COUNT(*) FROM themes").fetchone()[0])
    except sqlite3.Error:
        return None
    finally:
        db.close()


def describe(path: Path) -> BackupInfo:
    counts = count_rows(path)
    return BackupInfo(path, datetime.fromtimestamp(path.stat().st_mtime), counts[0] if counts else None,
                      counts[1] if counts else None, path.stem.endswith(_RECENT))


def backup_infos(store: StoreRef) -> list[BackupInfo]:
    """Every backup with what it holds, newest first (what a restore dialog lists)."""
    return [describe(p) for p in reversed(list_backups(store))]


def newest_good_backup(store: StoreRef) -> BackupInfo | None:
    """The newest backup that opens and holds annotations, else the newest that opens at all."""
    infos = [i for i in backup_infos(store) if i.good]
    return next((i for i in infos if i.annotations), infos[0] if infos else None)


def damage_advice(store: StoreRef) -> str:
    """What a damaged store's message adds: the file was left untouched, and the newest good backup."""
    folder, best = backup_dir(store), newest_good_backup(store)
    if best is not None:
        return (f"文件未被改动；最近的完好备份是 {best.path}（{best.annotations} 条批注，"
                f"{best.taken:%Y-%m-%d %H:%M}，备份文件夹 {folder}），可用 `python -m reader annotations restore` "
                f"恢复 (the file was left untouched; the newest good backup holds {best.annotations} annotations: "
                f"restore it with `python -m reader annotations restore`)")
    return (f"文件未被改动，备份文件夹 {folder} 中没有可用的备份 (the file was left untouched; "
            f"no usable backup in that folder)")


def _clean_stale_temps(folder: Path) -> None:
    """Remove our half-written backups left by a killed process (only our own recognisable names)."""
    for stale in folder.glob(f"*{_TEMP_SUFFIX}"):
        try:
            if time.time() - stale.stat().st_mtime > 60:
                stale.unlink()
        except OSError:
            pass


def take_backup(store: "AnnotationStore", recent: bool = False) -> Path:
    """Snapshot ``store`` now into a new backup file, then rotate."""
    folder = backup_dir(store)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StorageError(f"批注备份失败 (annotation backup failed): {folder}: {exc}", path=str(folder)) from exc
    _clean_stale_temps(folder)
    now = time.time()
    stamp = time.strftime("%Y%m%d-%H%M%S", time.localtime(now)) + f"-{int(now * 1000) % 1000:03d}"
    target = folder / f"{store.path.stem}.backup-{stamp}{_RECENT if recent else ''}.sqlite3"
    n = 1
    while target.exists():  # two backups within the same millisecond
        target = target.with_name(target.name.replace(".sqlite3", f"-{n}.sqlite3"))
        n += 1
    temp = target.with_name(target.name + _TEMP_SUFFIX)
    try:
        store.backup_to(temp)
        temp.replace(target)
    except (StorageError, OSError) as exc:
        temp.unlink(missing_ok=True)
        raise StorageError(f"批注备份失败 (annotation backup failed): {target}: {exc}", path=str(target)) from exc
    rotate(store)
    return target


def rotate(store: StoreRef, keep: int = BACKUPS_KEPT, keep_recent: int = RECENT_KEPT) -> list[Path]:
    """Delete old backups beyond ``keep`` daily and ``keep_recent`` recent ones; returns those deleted.

    The newest backup holding annotations is never deleted, whatever its age or kind.
    """
    backups = list_backups(store)
    daily = [p for p in backups if not p.stem.endswith(_RECENT)]
    recent = [p for p in backups if p.stem.endswith(_RECENT)]
    doomed = daily[:-keep] if keep else list(daily)
    doomed += recent[:-keep_recent] if keep_recent else list(recent)
    if not doomed:
        return []
    last_good = next((p for p in reversed(backups) if (count_rows(p, check=False) or (0, 0))[0] > 0), None)
    deleted = []
    for old in doomed:
        if old != last_good:
            old.unlink(missing_ok=True)
            deleted.append(old)
    return deleted


def rolling_backup(store: "AnnotationStore", keep: int = BACKUPS_KEPT, min_interval_s: float = BACKUP_INTERVAL_S,
                   force: bool = False) -> Path | None:
    """The daily backup: a snapshot unless a daily one is younger than ``min_interval_s``; keeps ``keep``."""
    daily = [p for p in list_backups(store) if not p.stem.endswith(_RECENT)]
    if daily and not force and time.time() - daily[-1].stat().st_mtime < min_interval_s:
        return None
    target = take_backup(store)
    if keep != BACKUPS_KEPT:
        rotate(store, keep=keep)
    return target


# ---------------------------------------------------------------------------- restore
def resolve_backup(store: StoreRef, name: str) -> Path:
    """A backup given as a path, a file name in the backup folder, or a number from the list (1 = newest)."""
    infos = backup_infos(store)
    if name.isdigit() and 1 <= int(name) <= len(infos):
        return infos[int(name) - 1].path
    for candidate in (Path(name).expanduser(), backup_dir(store) / name):
        if candidate.is_file():
            return candidate
    raise UsageError(f"找不到这个备份 (no such backup): {name}；可用 `annotations restore` 列出备份 "
                     f"(list them with `annotations restore`)")


def restore(store_path: str | os.PathLike, backup: Path,
            validate: Callable[[Path], None] | None = None) -> dict:
    """Put ``backup`` in place of the store atomically; the file it replaces is kept aside, never deleted.

    The backup is copied to a temporary file beside the store and checked there; the current
    store (damaged or not) is hard-linked (or copied) to ``<stem>.replaced-<stamp>.sqlite3``; its
    ``-wal``/``-shm`` are moved aside with it (they belong to the old file and would otherwise be
    replayed into the restored one); then one rename puts the copy under the store's name.
    No process may have the store open meanwhile (the caller closes its own connection).
    """
    store_path = Path(store_path)
    counts = count_rows(backup)
    if counts is None:
        raise StorageError(f"这个备份已损坏或不是批注数据库，未恢复 (this backup is damaged or not an annotation "
                           f"store; nothing restored): {backup}", path=str(backup))
    stamp = time.strftime("%Y%m%d-%H%M%S")
    temp = store_path.with_name(f".{store_path.name}.restore{_TEMP_SUFFIX}")
    aside = store_path.with_name(f"{store_path.stem}.replaced-{stamp}.sqlite3")
    try:
        shutil.copyfile(backup, temp)
        os.chmod(temp, PRIVATE_FILE_MODE)
        with open(temp, "rb+") as handle:
            os.fsync(handle.fileno())
        if validate is not None:
            validate(temp)
        continue_after_restore(store_path, temp)  # the change counter keeps rising (team sync)
        if store_path.exists():
            try:
                os.link(store_path, aside)
            except OSError:
                shutil.copy2(store_path, aside)
        for side in ("-wal", "-shm"):
            old = store_path.with_name(store_path.name + side)
            if old.exists():
                os.replace(old, aside.with_name(aside.name + side))
        os.replace(temp, store_path)
    except StorageError:
        temp.unlink(missing_ok=True)
        raise
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise StorageError(f"恢复失败，批注数据库未改动 (restore failed; the store was left as it was): "
                           f"{store_path}: {exc}", path=str(store_path)) from exc
    return {"restored": str(backup), "store": str(store_path), "annotations": counts[0], "themes": counts[1],
            "kept_aside": str(aside) if aside.exists() else None}


__all__ = [
    "BACKUPS_KEPT", "BACKUP_EVERY_CHANGES", "BackupInfo", "EXPORT_FORMAT", "EXPORT_VERSION", "backup_dir",
    "backup_infos", "count_rows", "export_data", "export_json", "import_data", "import_json", "list_backups",
    "newest_good_backup", "resolve_backup", "restore", "rolling_backup", "rotate", "take_backup",
]
