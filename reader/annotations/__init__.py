"""Annotations: the model, the SQLite store, themes, anchoring and migration (Qt-free)."""

from reader.annotations.model import (
    DEFAULT_COLOR,
    STATUS_ANCHORED,
    STATUS_MOVED,
    STATUS_ORPHANED,
    Annotation,
    Theme,
)
from reader.annotations.store import AnnotationStore

__all__ = [
    "Annotation", "AnnotationStore", "Theme", "DEFAULT_COLOR",
    "STATUS_ANCHORED", "STATUS_MOVED", "STATUS_ORPHANED",
]
