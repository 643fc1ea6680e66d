"""The user's last export choices (title, header/footer, fonts, grouping …), kept per library.

Stored as a small JSON file in the library folder so the dialog and the command line start
from what was used last time. A damaged file is ignored (defaults), never fatal.
"""

from __future__ import annotations

import json
from dataclasses import fields
from pathlib import Path

from reader.atomicfile import write_text_atomic
from reader.sqlite_store import PRIVATE_FILE_MODE
from reader.export.model import PAGE_SIZES, TEMPLATES, ExportOptions

TEMPLATE_FILE = "export_template.json"
REMEMBERED = (
    "format", "group", "title", "header_text", "footer_text", "body_font", "heading_font", "latin_font",
    "themes", "date_from", "date_to", "only_with_notes", "page_size", "template", "document_author",
    "ocr_layer",
)
UI_ONLY = ("output_dir",)
"""Remembered for the dialog only (where the last export went)."""
TEMPLATE_ONLY = ("title", "header_text", "footer_text", "body_font", "heading_font", "latin_font", "page_size",
                 "template", "document_author")
"""What the command line takes from the remembered choices when not given (the rest it is told)."""


def template_path(library_root: str | Path) -> Path:
    return Path(library_root) / TEMPLATE_FILE


def load_template(library_root: str | Path) -> dict:
    """The remembered choices, only known keys with values of the right type."""
    try:
        data = json.loads(template_path(library_root).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    defaults = ExportOptions()
    clean = {}
    for key in UI_ONLY:
        if isinstance(data.get(key), str):
            clean[key] = data[key]
    for key in REMEMBERED:
        if key not in data:
            continue
        value, default = data[key], getattr(defaults, key)
        if key in ("date_from", "date_to"):
            if value is None or isinstance(value, str):
                clean[key] = value or None
        elif key == "page_size":
            if value in PAGE_SIZES:
                clean[key] = value
        elif key == "template":
            if value in TEMPLATES:
                clean[key] = value
        elif key == "themes":
            if isinstance(value, list) and all(isinstance(v, str) for v in value):
                clean[key] = value
        elif isinstance(value, type(default)):
            clean[key] = value
    return clean


def options_from_template(library_root: str | Path, **overrides) -> ExportOptions:
    """Defaults, then remembered choices, then ``overrides`` (``None`` values ignored)."""
    values = load_template(library_root)
    values.update({k: v for k, v in overrides.items() if v is not None})
    known = {f.name for f in fields(ExportOptions)}
    return ExportOptions(**{k: v for k, v in values.items() if k in known})


def save_template(library_root: str | Path, options: ExportOptions, keys: tuple[str, ...] = REMEMBERED,
                  output_dir: str | None = None) -> None:
    """Remember ``options`` (only ``keys``; other remembered values are kept)."""
    data = load_template(library_root)
    data.update({key: getattr(options, key) for key in keys})
    if output_dir:
        data["output_dir"] = output_dir
    write_text_atomic(template_path(library_root), json.dumps(data, ensure_ascii=False, indent=1) + "\n",
                      file_mode=PRIVATE_FILE_MODE)  # a library file: private like the databases
