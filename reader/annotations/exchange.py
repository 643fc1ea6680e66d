"""JSON export and import of every annotation and theme (moving a library, sharing with a colleague).

An import is checked whole before anything is written — every theme and annotation, with a
message naming the first few faults by position and field — and then merged in one transaction
(:meth:`AnnotationStore.import_records`): a bad file changes nothing, a good one arrives whole.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.annotations.model import STATUSES, Annotation, Theme
from reader.atomicfile import write_text_atomic
from reader.errors import UsageError

if TYPE_CHECKING:
    from reader.annotations.store import AnnotationStore

EXPORT_FORMAT = "policy-reader-annotations"
EXPORT_VERSION = 1
_MAX_FAULTS_SHOWN = 5

_TEXT_FIELDS = ("id", "content_hash", "pdf", "page_label", "quote", "prefix", "suffix", "note", "color", "document",
                "doc_number", "clause_label", "status", "created", "modified", "sort_key")
_OPTIONAL_INTS = ("start_offset", "end_offset", "text_length")


def export_data(store: "AnnotationStore", content_hash: str | None = None) -> dict[str, Any]:
    """Everything needed to rebuild the annotations elsewhere (ids preserved)."""
    return {
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "themes": [t.to_json() for t in store.themes()],
        "annotations": [a.to_record() for a in store.list(content_hash=content_hash)],
    }


def export_json(store: "AnnotationStore", path: Path, content_hash: str | None = None) -> int:
    data = export_data(store, content_hash)
    write_text_atomic(path, json.dumps(data, ensure_ascii=False, indent=1))
    return len(data["annotations"])


_INT_LIMIT = 2 ** 53  # beyond this SQLite's INTEGER and JSON readers elsewhere disagree; no real page or offset is near


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and -_INT_LIMIT < value < _INT_LIMIT


def _unencodable(value: Any) -> bool:
    """Text that cannot be stored as UTF-8 (a lone surrogate written as ``\\ud800`` in the JSON)."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return True
        return False
    if isinstance(value, dict):
        return any(_unencodable(k) or _unencodable(v) for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return any(_unencodable(v) for v in value)
    return False


def _is_number(value: Any) -> bool:
    return (_is_int(value) or isinstance(value, float)) and math.isfinite(value)


def _theme_faults(raw: Any, where: str) -> list[str]:
    if not isinstance(raw, dict):
        return [f"{where}: 应为对象 (must be an object)"]
    if _unencodable(raw):
        return [f"{where}: 含有无法保存的字符（孤立代理项） (holds text that cannot be stored: a lone surrogate)"]
    faults = []
    if not isinstance(raw.get("name"), str) or not raw["name"].strip():
        faults.append(f"{where}.name: 应为非空文字 (must be non-empty text)")
    for key in ("name_en", "color"):
        if key in raw and not isinstance(raw[key], str):
            faults.append(f"{where}.{key}: 应为文字 (must be text)")
    keywords = raw.get("keywords", [])
    if not isinstance(keywords, list) or not all(isinstance(k, str) for k in keywords):
        faults.append(f"{where}.keywords: 应为文字列表 (must be a list of text)")
    return faults


def _rects_faults(rects: Any, where: str) -> list[str]:
    if not isinstance(rects, dict):
        return [f"{where}.rects: 应为 页号→矩形列表 (must map page → list of rectangles)"]
    for page, boxes in rects.items():
        if not str(page).isdigit():
            return [f"{where}.rects: 页号应为非负整数 (page keys must be non-negative integers): {page!r}"]
        if not isinstance(boxes, list) or not all(
                isinstance(b, (list, tuple)) and len(b) == 4 and all(_is_number(v) for v in b) for b in boxes):
            return [f"{where}.rects[{page}]: 应为 [x0, y0, x1, y1] 数字列表 (must be lists of four numbers)"]
    return []


def _annotation_faults(raw: Any, where: str) -> list[str]:
    if not isinstance(raw, dict):
        return [f"{where}: 应为对象 (must be an object)"]
    if _unencodable(raw):
        return [f"{where}: 含有无法保存的字符（孤立代理项） (holds text that cannot be stored: a lone surrogate)"]
    faults = []
    for key in ("id", "content_hash"):
        if not isinstance(raw.get(key), str) or not raw[key].strip():
            faults.append(f"{where}.{key}: 应为非空文字 (must be non-empty text)")
    if not isinstance(raw.get("quote"), str):
        faults.append(f"{where}.quote: 应为文字 (must be text)")
    if not _is_int(raw.get("page_index")) or raw["page_index"] < 0:
        faults.append(f"{where}.page_index: 应为非负整数 (must be a non-negative integer)")
    for key in _TEXT_FIELDS:
        if key in raw and key not in ("id", "content_hash", "quote") and not isinstance(raw[key], str):
            faults.append(f"{where}.{key}: 应为文字 (must be text)")
    for key in _OPTIONAL_INTS:
        if raw.get(key) is not None and not _is_int(raw[key]):
            faults.append(f"{where}.{key}: 应为整数或 null (must be an integer or null)")
    for key in ("themes", "clause_path"):
        value = raw.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            faults.append(f"{where}.{key}: 应为文字列表 (must be a list of text)")
    if isinstance(raw.get("themes"), list) and any(isinstance(v, str) and not v.strip() for v in raw["themes"]):
        faults.append(f"{where}.themes: 主题名不能为空 (theme names must not be empty)")
    if "status" in raw and isinstance(raw["status"], str) and raw["status"] not in STATUSES:
        faults.append(f"{where}.status: 应为 {'/'.join(STATUSES)} (unknown status {raw['status']!r})")
    faults += _rects_faults(raw.get("rects", {}), where)
    return faults


def parse_export(data: Any) -> tuple[list[Theme], list[Annotation]]:
    """Themes and annotations of an export, or a :class:`UsageError` listing what is wrong (nothing written)."""
    if not isinstance(data, dict) or data.get("format") != EXPORT_FORMAT:
        raise UsageError(f"不是批注导出文件 (not an annotations export file): 缺少 \"format\": \"{EXPORT_FORMAT}\"")
    version = data.get("version", 0)
    if not _is_int(version):
        raise UsageError(f"导出文件的 version 应为整数 (the export's version must be an integer): {version!r}")
    if version > EXPORT_VERSION:
        raise UsageError("导出文件来自更新版本的程序 (export written by a newer version)")
    themes_raw, annotations_raw = data.get("themes", []), data.get("annotations", [])
    faults = []
    if not isinstance(themes_raw, list):
        faults.append("themes: 应为列表 (must be a list)")
        themes_raw = []
    if not isinstance(annotations_raw, list):
        faults.append("annotations: 应为列表 (must be a list)")
        annotations_raw = []
    for n, raw in enumerate(themes_raw):
        faults += _theme_faults(raw, f"themes[{n}]")
    seen: set[str] = set()
    for n, raw in enumerate(annotations_raw):
        faults += _annotation_faults(raw, f"annotations[{n}]")
        ann_id = raw.get("id") if isinstance(raw, dict) else None
        if isinstance(ann_id, str):
            if ann_id in seen:
                faults.append(f"annotations[{n}].id: 编号重复 (duplicate id) {ann_id!r}")
            seen.add(ann_id)
    if faults:
        shown = "; ".join(faults[:_MAX_FAULTS_SHOWN])
        more = f"; 另有 {len(faults) - _MAX_FAULTS_SHOWN} 处 (and {len(faults) - _MAX_FAULTS_SHOWN} more)" \
            if len(faults) > _MAX_FAULTS_SHOWN else ""
        raise UsageError(f"导入文件有误，未导入任何内容 (the import file is invalid; nothing was imported): {shown}{more}")
    themes = [Theme(raw["name"].strip(), raw.get("name_en", ""), raw.get("color", "#ffd54f"), list(raw.get("keywords", [])))
              for raw in themes_raw]
    annotations = [Annotation.from_record(raw) for raw in annotations_raw]
    return themes, annotations


def import_data(store: "AnnotationStore", data: Any) -> dict[str, int]:
    """Merge an export: themes by name (missing ones created), annotations by id (newer wins); all or nothing."""
    themes, annotations = parse_export(data)
    return store.import_records(themes, annotations)


def import_json(store: "AnnotationStore", path: Path) -> dict[str, int]:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"无法读取导入文件 (cannot read import file): {path}: {exc}") from exc
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise UsageError(f"导入文件不是有效的 JSON，未导入任何内容 (the import file is not valid JSON; nothing "
                         f"was imported): {path}: {exc}") from exc
    return import_data(store, data)
