"""Default themes shipped in ``resources/themes.json`` and theme-name matching."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

from reader.annotations.model import Theme
from reader.paths import resources_dir

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
    """How theme names are compared: NFKC, case-folded, no whitespace (``5g`` = ``５Ｇ``)."""
    return "".join(unicodedata.normalize("NFKC", name or "").casefold().split())


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


def suggest_themes(text: str, themes: list[Theme]) -> list[Theme]:
    """Themes whose keywords occur in ``text`` (whitespace-insensitive), most hits first."""
    folded = name_key(text)
    scored = []
    for theme in themes:
        hits = sum(1 for k in theme.keywords if k and name_key(k) in folded)
        if hits:
            scored.append((-hits, theme.name, theme))
    return [t for *_, t in sorted(scored, key=lambda s: (s[0], s[1]))]
