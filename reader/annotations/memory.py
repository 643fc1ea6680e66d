"""An AnnotationRepository held in memory: the second implementation of the contract, used by tests.

Same rules as the SQLite store (themes matched by name ignoring case/width/spacing, an
annotation's colour is its first theme's, reading order, one call = one complete change) without
any file, so the contract tests show which behaviour belongs to the contract and which to SQLite.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any, Iterable

from reader.annotations.model import Annotation, ChangeSet, CounterSpan, Theme, now_iso
from reader.annotations.themes import (checked_new_name, default_themes, match_theme, name_key, normalize_color,
                                       require_match)
from reader.errors import UsageError

if TYPE_CHECKING:
    from reader.workspace import Workspace

_EDITABLE = {
    "content_hash", "pdf", "page_index", "page_label", "quote", "prefix", "suffix", "document", "doc_number",
    "clause_label", "status", "sort_key", "start_offset", "end_offset", "text_length",
    "note", "color", "rects", "clause_path", "themes",
}


class MemoryAnnotationStore:
    """Annotations and themes in dictionaries, behind one lock."""

    def __init__(self, workspace: "Workspace | None" = None, seed_defaults: bool = True) -> None:
        self._themes: list[Theme] = [self._clean(t) for t in default_themes()] if seed_defaults else []
        self._notes: dict[str, Annotation] = {}
        self._version = 0  # the local change counter
        self._annotation_seq: dict[str, int] = {}  # id → counter value of its last write (deleted ones too)
        self._theme_seq: dict[str, int] = {}
        self._lock = threading.RLock()

    @staticmethod
    def _clean(theme: Theme) -> Theme:
        return Theme(theme.name.strip(), theme.name_en.strip(), normalize_color(theme.color), list(theme.keywords))

    def _changed(self, ids: Iterable[str] = (), themes: Iterable[str] = ()) -> None:
        """Count a write and remember which annotations and themes it touched (``changes_since``)."""
        self._version += 1
        for annotation_id in ids:
            self._annotation_seq[annotation_id] = self._version
        for name in themes:
            self._theme_seq[name] = self._version

    def changes_since(self, counter: int) -> ChangeSet:
        with self._lock:
            ids = [i for i, seq in self._annotation_seq.items() if seq > counter]
            return ChangeSet(self._version, self.get_many(ids), [i for i in ids if i not in self._notes],
                             [n for n, seq in self._theme_seq.items() if seq > counter])

    # ------------------------------------------------------------------ themes
    def themes(self) -> list[Theme]:
        with self._lock:
            return [Theme(t.name, t.name_en, t.color, list(t.keywords)) for t in self._themes]

    def theme(self, name: str) -> Theme | None:
        return match_theme(self.themes(), name)

    def require_theme(self, name: str) -> Theme:
        return require_match(self.themes(), name)

    def add_theme(self, theme: Theme) -> Theme:
        if not theme.name.strip():
            raise UsageError("主题名称不能为空 (a theme needs a name)")
        with self._lock:
            if self.theme(theme.name) or (theme.name_en and self.theme(theme.name_en)):
                raise UsageError(f"主题“{theme.name}”已存在 (theme {theme.name!r} already exists)")
            self._themes.append(self._clean(theme))
            self._changed(themes=[theme.name.strip()])
        return self.require_theme(theme.name)

    def update_theme(self, name: str, *, new_name: str | None = None, name_en: str | None = None,
                     color: str | None = None, keywords: list[str] | None = None) -> Theme:
        with self._lock:
            theme = self.require_theme(name)
            new_name = checked_new_name(self.themes(), theme, new_name)
            index = next(i for i, t in enumerate(self._themes) if t.name == theme.name)
            self._themes[index] = Theme(new_name or theme.name, theme.name_en if name_en is None else name_en,
                                        normalize_color(color) if color else theme.color,
                                        list(theme.keywords if keywords is None else keywords))
            renamed = []
            if new_name and new_name != theme.name:
                for ann in self._notes.values():
                    if theme.name in ann.themes:
                        ann.themes = [new_name if n == theme.name else n for n in ann.themes]
                        renamed.append(ann.id)
            self._changed(renamed, themes=[theme.name, new_name or theme.name])
        return self.require_theme(new_name or theme.name)

    def merge_theme(self, source: str, target: str) -> int:
        with self._lock:
            src, dst = self.require_theme(source), self.require_theme(target)
            if src.name == dst.name:
                raise UsageError("不能把主题合并到自身 (cannot merge a theme into itself)")
            tagged = [a for a in self._notes.values() if src.name in a.themes]
            for ann in tagged:
                names = [dst.name if n == src.name else n for n in ann.themes]
                ann.themes, ann.modified = list(dict.fromkeys(names)), now_iso()
            self._themes = [t for t in self._themes if t.name != src.name]
            self._changed([a.id for a in tagged], themes=[src.name])
            return len(tagged)

    def delete_theme(self, name: str) -> int:
        with self._lock:
            theme = self.require_theme(name)
            tagged = [a for a in self._notes.values() if theme.name in a.themes]
            for ann in tagged:
                ann.themes, ann.modified = [n for n in ann.themes if n != theme.name], now_iso()
            self._themes = [t for t in self._themes if t.name != theme.name]
            self._changed([a.id for a in tagged], themes=[theme.name])
            return len(tagged)

    # ------------------------------------------------------------------ annotations
    def _canonical(self, ann: Annotation, drop_unknown: bool = False) -> Annotation:
        names: list[str] = []
        for name in ann.themes:
            theme = self.theme(name) if drop_unknown else self.require_theme(name)
            if theme is not None and theme.name not in names:
                names.append(theme.name)
        return ann.copy(themes=names, color=normalize_color(ann.color))

    def _view(self, ann: Annotation) -> Annotation:
        """What a read returns: a copy whose colour is its first theme's (as the SQLite store does)."""
        colors = {t.name: t.color for t in self._themes}
        return ann.copy(color=colors.get(ann.themes[0], ann.color) if ann.themes else ann.color)

    def add(self, annotation: Annotation) -> Annotation:
        if not annotation.quote.strip() and not annotation.rects:
            raise UsageError("批注没有内容 (an annotation needs a quote or rectangles)")
        with self._lock:
            if annotation.id in self._notes:
                raise UsageError(f"数据冲突 (conflicting data): {annotation.id}")
            self._notes[annotation.id] = self._canonical(annotation)
            self._changed([annotation.id])
        return self.get(annotation.id)  # type: ignore[return-value]

    def put(self, annotation: Annotation) -> Annotation:
        self.put_many([annotation])
        return self.get(annotation.id)  # type: ignore[return-value]

    def put_many(self, annotations: Iterable[Annotation]) -> int:
        with self._lock:
            written = {a.id: self._canonical(a) for a in annotations}  # all or nothing
            self._notes.update(written)
            self._changed(written)
            return len(written)

    def replace_many(self, put: Iterable[Annotation] = (), remove: Iterable[str] = ()) -> CounterSpan:
        put, remove = list(put), list(remove)
        with self._lock:
            before = self._version
            for annotation_id in remove:
                self._notes.pop(annotation_id, None)
            for ann in put:
                self._notes[ann.id] = self._canonical(ann, drop_unknown=True)
            if put or remove:  # as in SQLite, where only a written row counts
                self._changed([*remove, *(a.id for a in put)])
            return CounterSpan(before, self._version)

    def update(self, annotation_id: str, **changes: Any) -> Annotation:
        unknown = set(changes) - _EDITABLE
        if unknown:
            raise ValueError(f"not editable: {sorted(unknown)}")
        current = self.get(annotation_id)
        if current is None:
            raise UsageError(f"没有这条批注 (no annotation with id {annotation_id!r})")
        return self.put(current.copy(**changes, modified=now_iso()))

    def retag(self, ids: Iterable[str], add: Iterable[str] = (), remove: Iterable[str] = (),
              replace: list[str] | None = None) -> list[Annotation]:
        ids = list(ids)
        with self._lock:
            add_names = [self.require_theme(n).name for n in add]
            replace_names = [self.require_theme(n).name for n in replace] if replace is not None else None
            keys = {name_key(n) for n in remove}
            dropped = {t.name for t in self._themes if name_key(t.name) in keys or (t.name_en and name_key(t.name_en) in keys)}
            for annotation_id in ids:
                ann = self._notes.get(annotation_id)
                if ann is None:
                    continue
                names = list(replace_names) if replace_names is not None else [n for n in ann.themes if n not in dropped]
                names += [n for n in add_names if n not in names]
                ann.themes, ann.modified = names, now_iso()
            self._changed(ids)
        return self.get_many(ids)

    def remove(self, annotation_id: str) -> Annotation | None:
        removed = self.remove_many([annotation_id])
        return removed[0] if removed else None

    def remove_many(self, ids: Iterable[str]) -> list[Annotation]:
        with self._lock:
            found = self.get_many(ids)
            for ann in found:
                del self._notes[ann.id]
            self._changed([a.id for a in found])
            return found

    def get(self, annotation_id: str) -> Annotation | None:
        found = self.get_many([annotation_id])
        return found[0] if found else None

    def get_many(self, ids: Iterable[str]) -> list[Annotation]:
        with self._lock:
            return [self._view(self._notes[i]) for i in ids if i in self._notes]

    def resolve_id(self, prefix: str) -> str:
        with self._lock:
            found = [i for i in self._notes if i.startswith(prefix)][:2]
        if len(found) != 1:
            raise UsageError(f"没有这条批注或编号不唯一 (no annotation, or ambiguous id): {prefix!r}")
        return found[0]

    def list(self, content_hash: str | None = None, theme: str | None = None, text: str | None = None) -> list[Annotation]:
        wanted = None
        if theme:
            found = self.theme(theme)
            if found is None:
                return []
            wanted = found.name
        with self._lock:
            notes = [self._view(a) for a in self._notes.values()
                     if (not content_hash or a.content_hash == content_hash) and (wanted is None or wanted in a.themes)]
        notes.sort(key=lambda a: (a.content_hash, a.sort_key, a.created))
        if text:
            key = name_key(text)
            notes = [a for a in notes if key in name_key(" ".join([a.quote, a.note, a.document, *a.themes]))]
        return notes

    def content_hashes(self) -> list[str]:
        with self._lock:
            return list(dict.fromkeys(a.content_hash for a in self._notes.values()))

    def count_by_theme(self, content_hash: str | None = None) -> dict[str, int]:
        with self._lock:
            notes = [a for a in self._notes.values() if not content_hash or a.content_hash == content_hash]
            return {t.name: sum(t.name in a.themes for a in notes) for t in self._themes}

    def set_pdf_path(self, content_hash: str, pdf: str) -> None:
        with self._lock:
            for ann in self._notes.values():
                if ann.content_hash == content_hash:
                    ann.pdf = pdf
            self._changed([a.id for a in self._notes.values() if a.content_hash == content_hash])

    def change_token(self) -> object:
        return self._version

    def close(self) -> None:
        pass
