"""Default themes shipped in ``resources/themes.json`` and theme-name matching."""

from __future__ import annotations

import json
import re
from pathlib import Path

from reader.annotations.model import Theme
from reader.errors import UsageError
from reader.paths import resources_dir
from reader.textfold import fold

_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")


def default_themes(path: Path | None = None) -> list[Theme]:
    """The themes seeded into a new store (the user edits them there afterwards)."""
    source = path or resources_dir() / "themes.json"
    try:
        data = json.loads(source.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    return [
        Theme(t["name"], t.get("name_en", ""), normalize_color(t.get("color", "")), list(t.get("keywords", [])))
        for t in data.get("themes", [])
        if t.get("name")
    ]


def normalize_color(color: str, fallback: str = "#ffd54f") -> str:
    color = (color or "").strip()
    if _COLOR.match(color):
        return color.lower()
    if re.match(r"^#[0-9a-fA-F]{3}$", color):
        return "#" + "".join(c * 2 for c in color[1:]).lower()
    return fallback


def is_valid_color(color: str) -> bool:
    return bool(_COLOR.match((color or "").strip())) or bool(re.match(r"^#[0-9a-fA-F]{3}$", (color or "").strip()))


def name_key(name: str) -> str:
    """How theme names are compared: the program's one fold (``5g`` = ``５Ｇ`` = ``5 G``)."""
    return fold(name or "")


def match_theme(themes: list[Theme], name: str) -> Theme | None:
    """The theme called ``name`` in Chinese or English, ignoring case, width and spacing."""
    key = name_key(name)
    for theme in themes:
        if name_key(theme.name) == key:
            return theme
    for theme in themes:
        if theme.name_en and name_key(theme.name_en) == key:
            return theme
    return None


def checked_new_name(themes: list[Theme], theme: Theme, new_name: str | None) -> str | None:
    """``new_name`` stripped, or None when not renaming; a UsageError when it is empty or another theme's."""
    if new_name is None:
        return None
    new_name = new_name.strip()
    other = match_theme(themes, new_name) if new_name else None
    if not new_name or (other and other.name != theme.name):
        raise UsageError(f"主题名称无效或已存在 (theme name empty or taken): {new_name!r}")
    return new_name


def require_match(themes: list[Theme], name: str) -> Theme:
    """:func:`match_theme`, or a UsageError listing the themes there are (every repository says it so)."""
    theme = match_theme(themes, name)
    if theme is None:
        known = "、".join(t.name for t in themes)
        raise UsageError(f"没有名为“{name}”的主题，可用 `themes add` 新建 (no theme named {name!r}; create it with "
                         f"`themes add`). 现有 (known): {known}")
    return theme
