"""The window's features, installed in one visible order with their dependencies passed in.

Each feature module has ``install(window, …)`` returning what it made; the window keeps those
as declared attributes. A feature that needs another one receives it as an argument here, so
the order below is the whole contract (the outline before the annotations that add to its menu,
the annotation controller before the review panel built on it).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget

from reader.ui import (annotation_controller, export_dialog, ocr_feature, outline_panel, reading_aids,
                       restore_dialog, review_panel, search_panel, suggestion_panel, team_status)
from reader.ui.annotation_controller import AnnotationController
from reader.ui.ocr_feature import OcrFeature
from reader.ui.outline_panel import OutlinePanel
from reader.ui.reading_aids import ReadingAids
from reader.ui.review_panel import ReviewPanel
from reader.ui.search_indexing import SearchIndexing
from reader.ui.search_panel import SearchPanel
from reader.ui.suggestion_panel import SuggestionPanel
from reader.ui.team_status import TeamStatus

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow


@dataclass
class Features:
    outline: OutlinePanel
    outline_dock: QDockWidget
    search: SearchPanel
    search_dock: QDockWidget
    indexing: SearchIndexing
    annotations: AnnotationController
    review: ReviewPanel
    review_dock: QDockWidget
    suggestions: SuggestionPanel
    suggestions_dock: QDockWidget
    export_action: QAction
    restore_action: QAction
    team: TeamStatus
    ocr: OcrFeature
    reading: ReadingAids


def install_features(window: "MainWindow") -> Features:
    """Install every feature, in dependency order; return what each made."""
    outline, outline_dock = outline_panel.install(window)
    search, search_dock, indexing = search_panel.install(window)
    annotations = annotation_controller.install(window, outline)
    review, review_dock = review_panel.install(window, annotations)
    suggestions, suggestions_dock = suggestion_panel.install(window, annotations)
    export_action = export_dialog.install(window)
    restore_action = restore_dialog.install(window)
    team = team_status.install(window, annotations)
    ocr = ocr_feature.install(window)
    reading = reading_aids.install(window)
    return Features(outline, outline_dock, search, search_dock, indexing, annotations, review, review_dock,
                    suggestions, suggestions_dock, export_action, restore_action, team, ocr, reading)
