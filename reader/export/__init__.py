"""Export: the end-of-month summary (Word, Markdown) and annotated PDF copies (Qt-free).

``run_export(library, options, output)`` is the one entry point; the renderers take the small
model in :mod:`reader.export.model`, so each can be used and tested on its own.
"""

from reader.export.model import (
    FORMATS,
    GROUPINGS,
    UNTAGGED,
    ExportCancelled,
    ExportEntry,
    ExportOptions,
    ExportReport,
    ThemeInfo,
)
from reader.export.runner import ExportResult, build, run_export

__all__ = [
    "FORMATS", "GROUPINGS", "UNTAGGED", "ExportCancelled", "ExportEntry", "ExportOptions", "ExportReport",
    "ExportResult", "ThemeInfo", "build", "run_export",
]
