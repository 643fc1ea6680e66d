"""Three-way merge of one annotation edited on two laptops since their last common (synced) version.

Field by field against the base (the shadow): a field changed on one side only takes that side;
changed identically on both, either; ``themes`` merges as a set (additions and removals of both
sides apply, the server's order first). A field changed differently on both sides is a conflict:
the later edit (``modified``) wins, the other value is returned so it is kept as a visible conflict.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

#: Fields that are not content: bookkeeping of the edit itself.
IGNORED = {"modified"}


@dataclass
class MergeResult:
    record: dict[str, Any]
    conflicts: list[tuple[str, Any, Any, str]] = field(default_factory=list)  # (field, mine, theirs, kept)


def merge_lists(base: list, mine: list, theirs: list) -> list:
    """Set-like merge keeping order: theirs, minus what mine removed, plus what mine added."""
    removed = [x for x in base if x not in mine]
    added = [x for x in mine if x not in base and x not in theirs]
    return [x for x in theirs if x not in removed] + added


def merge(base: dict[str, Any] | None, mine: dict[str, Any], theirs: dict[str, Any]) -> MergeResult:
    """Merge ``mine`` and ``theirs`` against ``base`` (None when both created it independently)."""
    base = base or {}
    mine_later = str(mine.get("modified", "")) >= str(theirs.get("modified", ""))
    out: dict[str, Any] = {}
    conflicts: list[tuple[str, Any, Any, str]] = []
    for key in list(theirs) + [k for k in mine if k not in theirs]:
        m, t, b = mine.get(key), theirs.get(key), base.get(key)
        if key in IGNORED or m == t:
            out[key] = m if key not in IGNORED else max(str(m or ""), str(t or ""))
        elif m == b:
            out[key] = t
        elif t == b:
            out[key] = m
        elif key == "themes" and isinstance(m, list) and isinstance(t, list):
            out[key] = merge_lists(b if isinstance(b, list) else [], m, t)
        else:
            out[key] = m if mine_later else t
            conflicts.append((key, m, t, "mine" if mine_later else "theirs"))
    return MergeResult(out, conflicts)
