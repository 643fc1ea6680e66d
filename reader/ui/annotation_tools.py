"""Library-wide annotation tools (Tools menu): themes, JSON export/import, migration between
editions. A mixin of the controller, so its strings keep the controller's translation context.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QInputDialog

from reader.fsnames import shown_path
from reader.annotations.backup import export_json, import_json
from reader.errors import ReaderError
from reader.ui.theme_dialog import ThemeManager


def _tr(text: str) -> str:
    return QCoreApplication.translate("AnnotationController", text)


class AnnotationLibraryTools:
    """Needs ``self.window``, ``self.store``, ``self.english``, ``self.compilation``, ``self.undo_stack``,
    ``self.reload()`` and ``self.pdf_path()`` from the controller."""

    def manage_themes(self) -> None:
        dialog = ThemeManager(self.store, self.english, self.window)
        dialog.exec()
        if dialog.changed:
            self.reload()

    def export_all(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self.window, _tr("导出全部批注"), "annotations.json",
                                              _tr("JSON 文件 (*.json)"))
        if path:
            try:
                count = export_json(self.store, Path(path))
                self.window.status(_tr("已导出 %1 条批注").replace("%1", str(count)))
            except ReaderError as exc:
                self.window.show_error(exc)

    def import_all(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.window, _tr("导入批注"), "", _tr("JSON 文件 (*.json)"))
        if path:
            try:
                result = import_json(self.store, Path(path))
                self.window.status(_tr("已导入 %1 条批注").replace("%1", str(result["annotations_imported"])))
                self.undo_stack.clear()
                self.reload()
            except ReaderError as exc:
                self.window.show_error(exc)

    def migrate_from_other(self) -> None:
        """Carry annotations of another edition (a library file) onto the open compilation."""
        comp, library = self.compilation, self.window.library
        if comp is None or library is None:
            return
        sources = [f for f in library.files() if f.content_hash != comp.content_hash
                   and self.store.list(content_hash=f.content_hash)]
        if not sources:
            self.window.status(_tr("资料库中没有其他带批注的版本"))
            return
        labels = [f"{f.title} — {shown_path(Path(f.path).name)}" for f in sources]
        choice, ok = QInputDialog.getItem(self.window, _tr("从其他版本迁移批注"), _tr("把哪个版本的批注迁移到当前文件："),
                                          labels, 0, False)
        if not ok:
            return
        from reader.annotations.anchoring import migrate

        report = migrate(self.store, sources[labels.index(choice)].content_hash, comp, self.pdf_path())
        self.undo_stack.clear()
        self.reload()
        self.window.status(_tr("迁移完成：找到 %1，移动 %2，未能定位 %3").replace("%1", str(report["found"]))
                           .replace("%2", str(report["moved"])).replace("%3", str(report["orphaned"])))
