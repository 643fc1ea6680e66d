"""Annotating in the reading window: highlight a selection, tag a clause, themes, notes, undo.

The controller owns no data: every action is a QUndoCommand that writes the store at once
(one transaction) and then redraws the highlights from the stored rectangles. Undo/redo
replay the before/after records of the annotations concerned, so every action is undoable.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QAction, QColor, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QInputDialog, QMenu

from reader.annotations import Annotation
from reader.annotations.model import now_iso
from reader.annotations.service import migrate_predecessors, unavailable_store
from reader.annotations.spans import annotation_for_span, clause_span
from reader.errors import DamagedStoreError, FileMissingError, ReaderError, StorageError
from reader.ui.annotation_toolbar import MiniToolbar, show_under_selection
from reader.ui.annotation_hover import AnnotationHover, edit_in_place
from reader.ui.annotation_tools import AnnotationLibraryTools
from reader.ui.theme_dialog import ThemePicker
from reader.ui.operations import single_shot_timer
from reader.workspace import changes

if TYPE_CHECKING:
    from reader.structure import Clause, DocumentInfo
    from reader.structure import Compilation
    from reader.ui.main_window import MainWindow
    from reader.ui.outline_panel import OutlinePanel
    from reader.workspace import AnnotationRepository

LAYER = "annotations"
HIGHLIGHT_ALPHA = 90
UNDERLINE_PT = 1.2


class ReplaceCommand(QUndoCommand):
    """Annotations go from ``before`` to ``after`` states (None = absent); undo goes back."""

    def __init__(self, controller: "AnnotationController", text: str,
                 before: dict[str, Annotation | None], after: dict[str, Annotation | None]) -> None:
        super().__init__(text)
        self.controller, self.before, self.after = controller, before, after
        self.applied = False  # the controller applies the first redo itself, where errors can be shown

    def _apply(self, states: dict[str, Annotation | None]) -> None:
        puts = [a for a in states.values() if a is not None]
        removes = [i for i, a in states.items() if a is None]
        self.controller.store.replace_many(put=puts, remove=removes)
        self.controller.after_change(states)

    def redo(self) -> None:
        if self.applied:
            self.applied = False
            return
        self._apply(self.after)

    def undo(self) -> None:
        self._apply(self.before)


class AnnotationController(AnnotationLibraryTools, QObject):
    annotationsChanged = Signal()

    def __init__(self, window: "MainWindow") -> None:
        super().__init__(window)
        self.window = window
        self.undo_stack = QUndoStack(self)
        self.current: dict[str, Annotation] = {}
        self.last_themes: list[str] = []
        self.loaded_hash: str | None = None  # the compilation whose annotations are shown
        self._stand_in: "AnnotationRepository | None" = None  # while the real store is damaged
        self.english = window.language == "en"
        self.toolbar = MiniToolbar(self, window.view.viewport())
        self._toolbar_timer = single_shot_timer(self, 250)
        self._toolbar_timer.timeout.connect(lambda: show_under_selection(self))
        self.hover = AnnotationHover(self)  # card, note markers and the in-place note editor on the pages

    # ------------------------------------------------------------------ data
    @property
    def store(self) -> "AnnotationRepository":
        """The library's annotations, through the window's Workspace (the one way they are opened).

        A damaged store is left untouched: an empty stand-in that refuses changes serves meanwhile
        (its ``problem`` says why) and the restore dialog is offered."""
        if self._stand_in is not None:
            return self._stand_in
        workspace = self.window.workspace
        if workspace is None:
            raise StorageError(self.tr("资料库无法打开，不能保存批注 (the library is unavailable; annotations cannot be saved)"))
        try:
            return workspace.annotations
        except DamagedStoreError as exc:
            self._stand_in = unavailable_store(exc)
            return self._stand_in

    def reopen_store(self) -> None:
        """Close the store (before a restore replaces its file); the next use opens it again."""
        if self._stand_in is not None:
            self._stand_in.close()
            self._stand_in = None
        if self.window.workspace is not None:
            self.window.workspace.close_annotations()

    @property
    def compilation(self) -> "Compilation | None":
        return self.window.compilation

    def pdf_path(self) -> str:
        document = self.window.document
        return str(Path(document.path).resolve()) if document is not None else ""

    def on_compilation(self, comp: "Compilation") -> None:
        """Load this compilation's annotations, first carrying over those of its earlier versions."""
        self.undo_stack.clear()
        library, pdf, store = self.window.library, self.pdf_path(), self.store  # opened here, on the GUI thread
        if store.problem is not None:  # the store is damaged: offer its backups rather than an empty store
            from reader.ui.restore_dialog import offer_restore
            offer_restore(self.window, store.problem.message)

        def carry_over() -> list[dict]:
            if library is None or store.read_only:  # (also the stand-in for a damaged store)
                return []
            reports = migrate_predecessors(library, store, comp, pdf)
            store.set_pdf_path(comp.content_hash, pdf)
            return reports

        def done(reports: list[dict]) -> None:
            if comp is not self.compilation:
                return
            for report in reports:
                self.window.status(self.tr("已从旧版本迁移批注：找到 %1，移动 %2，未能定位 %3")
                                   .replace("%1", str(report["found"])).replace("%2", str(report["moved"]))
                                   .replace("%3", str(report["orphaned"])))
            self.reload()

        self.window.run_in_background(carry_over, done)

    def reload(self) -> None:
        comp = self.compilation
        self.current = {a.id: a for a in self.store.list(content_hash=comp.content_hash)} if comp else {}
        self.loaded_hash = comp.content_hash if comp else None
        self.draw()
        self.annotationsChanged.emit()

    def clear(self) -> None:
        self.current = {}
        self.loaded_hash = None
        self.undo_stack.clear()
        self.toolbar.hide()
        self.annotationsChanged.emit()

    def after_change(self, states: dict[str, Annotation | None]) -> None:
        """Keep the open compilation's annotations in step with a command, then redraw."""
        comp_hash = self.compilation.content_hash if self.compilation is not None else None
        for ann_id, ann in states.items():
            if ann is not None and ann.content_hash == comp_hash:
                self.current[ann_id] = self.store.get(ann_id) or ann
            else:
                self.current.pop(ann_id, None)
        self.draw()
        self.annotationsChanged.emit()
        if self.window.watcher is not None:
            self.window.watcher.acknowledge()  # shown already: the next poll need not reload

    def on_workspace_changed(self, kinds: frozenset[str]) -> None:
        """Annotations or themes written elsewhere (the CLI, an import, another window): show them."""
        if kinds & {changes.ANNOTATIONS, changes.THEMES} and self.compilation is not None:
            self.reload()

    def draw(self) -> None:
        overlay: dict[int, list] = {}
        for ann in sorted(self.current.values(), key=lambda a: a.sort_key):
            color = QColor(ann.color)
            color.setAlpha(HIGHLIGHT_ALPHA)
            line = QColor(ann.color)
            line.setAlpha(220)
            for page, rects in ann.rects.items():
                items = overlay.setdefault(page, [])
                for rect in rects:
                    items.append((rect, color))
                    # a solid underline tells a stored highlight from a live (blue) selection
                    items.append(((rect[0], rect[3] - UNDERLINE_PT, rect[2], rect[3]), line))
        self.window.view.set_overlay(LAYER, overlay)

    # ------------------------------------------------------------------ actions
    def push(self, text: str, before: dict[str, Annotation | None], after: dict[str, Annotation | None],
             message: str | None = None) -> None:
        command = ReplaceCommand(self, text, before, after)
        try:
            command._apply(after)
        except ReaderError as exc:  # nothing was written: nothing to undo
            self.window.show_error(exc)
            return
        command.applied = True
        self.undo_stack.push(command)
        self.window.status((message or text) + self.tr("（Ctrl+Z 撤销）"))

    def themes_text(self, names: list[str]) -> str:
        """Theme names as the user reads them (English names in the English UI)."""
        shown = []
        for name in names:
            theme = self.store.theme(name)
            shown.append(theme.display_name(self.english) if theme is not None else name)
        return "、".join(shown) if shown else self.tr("无主题")

    def themes_for_new(self, themes: list[str] | None, text: str = "") -> list[str] | None:
        """The given themes, else the analyst's choice in the picker (keyword matches of ``text`` pre-ticked)."""
        if themes is not None:
            return themes
        return self.pick_themes([], text=text)

    def pick_themes(self, selected: list[str], title: str | None = None, text: str = "") -> list[str] | None:
        picker = ThemePicker(self.store, selected, self.english, self.window, title, text=text)
        try:
            return picker.chosen() if picker.exec() else None
        finally:
            picker.deleteLater()  # one dialog per question, not one more child of the window each time

    def add_span(self, start: int, end: int, themes: list[str] | None = None,
                 note: str = "", label: str | None = None) -> Annotation | None:
        comp = self.compilation
        if comp is None:
            return None
        themes = self.themes_for_new(themes, comp.text[start:end])
        if themes is None:
            self.window.status(self.tr("已取消，未添加批注"))
            return None
        self.last_themes = list(themes) or self.last_themes
        ann = annotation_for_span(comp, start, end, pdf=self.pdf_path(), themes=themes, note=note)
        label = label or self.tr("高亮")
        where = f" {ann.clause_label}" if ann.clause_label and label != self.tr("高亮") else ""
        self.push(label, {ann.id: None}, {ann.id: ann},
                  self.tr("已%1%2，主题：%3").replace("%1", label).replace("%2", where).replace("%3", self.themes_text(themes)))
        return self.current.get(ann.id)

    def highlight_selection(self, themes: list[str] | None = None, ask: bool = True) -> Annotation | None:
        span = self.window.view.selection_span()
        if span is None:
            self.window.status(self.tr("请先选中文字（结构分析完成后才能高亮）"))
            return None
        self.toolbar.hide()
        ann = self.add_span(*span, themes=themes)
        if ann is not None:
            self.window.view.clear_selection()
        return ann

    def highlight_with_note(self) -> None:
        ann = self.highlight_selection()
        if ann is not None:
            self.edit_note(ann.id)

    def tag_clause(self, clause: "Clause") -> Annotation | None:
        comp = self.compilation
        if comp is None or clause is None:
            return None
        start, end = clause_span(comp, clause)
        return self.add_span(start, end, label=self.tr("标记条款"))

    def edit_note(self, ann_id: str) -> None:
        """Edit a note beside its highlight when it is on the open compilation, else in a dialog."""
        ann = self.store.get(ann_id)
        if ann is None or edit_in_place(self, ann):
            return
        text, ok = QInputDialog.getMultiLineText(self.window, self.tr("批注"), self.tr("批注内容："), ann.note)
        if ok and text != ann.note:
            self.set_note(ann_id, text)

    def set_note(self, ann_id: str, note: str) -> None:
        ann = self.store.get(ann_id)
        if ann is not None:
            self.push(self.tr("编辑批注"), {ann.id: ann}, {ann.id: ann.copy(note=note, modified=now_iso())},
                      self.tr("已保存批注") if note else self.tr("已清空批注"))

    def retag(self, ids: list[str], themes: list[str]) -> None:
        before = {a.id: a for a in self.store.get_many(ids)}
        after = {i: a.copy(themes=list(themes), modified=now_iso()) for i, a in before.items()}
        if before:
            self.last_themes = list(themes) or self.last_themes
            self.push(self.tr("修改主题"), dict(before), after,
                      self.tr("已把 %1 条批注的主题改为：%2").replace("%1", str(len(after))).replace("%2", self.themes_text(themes)))

    def choose_themes_for(self, ids: list[str]) -> None:
        anns = self.store.get_many(ids)
        if not anns:
            return
        themes = self.pick_themes(anns[0].themes if len(anns) == 1 else [], text=anns[0].quote if len(anns) == 1 else "")
        if themes is not None:
            self.retag(ids, themes)

    def delete(self, ids: list[str]) -> None:
        before = {a.id: a for a in self.store.get_many(ids)}
        if before:
            self.push(self.tr("删除批注"), dict(before), {i: None for i in before},
                      self.tr("已删除 %1 条批注").replace("%1", str(len(before))))

    def annotations_at(self, offset: int | None) -> list[Annotation]:
        if offset is None:
            return []
        return [a for a in self.current.values()
                if a.start_offset is not None and a.start_offset <= offset < (a.end_offset or 0)]

    def jump_to(self, ann: Annotation) -> None:
        """Show ``ann``: open its compilation first if another one is open."""
        window = self.window
        if self.compilation is None or ann.content_hash != self.compilation.content_hash:
            path = window.library.resolve(ann.content_hash) if window.library else None
            if path is None and ann.pdf and Path(ann.pdf).is_file():
                path = Path(ann.pdf)
            if path is None:
                window.show_error(FileMissingError(
                    f"找不到此批注所在的文件 (the annotated file is missing): {ann.pdf}", path=ann.pdf))
                return
            current = window.document.path if window.document is not None else None
            if current is None or Path(current).resolve() != Path(path).resolve():
                if not window.open_pdf(path, page=ann.page_index):
                    return
        rects = ann.rects.get(ann.page_index) or []
        window.view.go_to(ann.page_index, rects[0] if rects else None)

    # ------------------------------------------------------------------ menus and toolbar
    def page_menu_hook(self, menu: QMenu, page: int, offset: int | None) -> None:
        comp = self.compilation
        if comp is None:
            return
        menu.addSeparator()
        if self.window.view.selection_span() is not None:
            menu.addAction(self.tr("高亮所选"), self.highlight_selection)
        path = comp.clause_path_at(offset) if offset is not None else []
        if path:
            menu.addAction(self.tr("标记本条款 %1").replace("%1", path[-1].label), lambda c=path[-1]: self.tag_clause(c))
            if len(path) > 1:
                menu.addAction(self.tr("标记上级条款 %1").replace("%1", path[-2].label),
                               lambda c=path[-2]: self.tag_clause(c))
        for ann in self.annotations_at(offset)[:3]:
            quote = ann.quote if len(ann.quote) <= 12 else ann.quote[:12] + "…"
            sub = menu.addMenu(self.tr("批注“%1”").replace("%1", quote))
            sub.addAction(self.tr("编辑批注"), lambda i=ann.id: self.edit_note(i))
            sub.addAction(self.tr("修改主题…"), lambda i=ann.id: self.choose_themes_for([i]))
            sub.addAction(self.tr("删除批注"), lambda i=ann.id: self.delete([i]))

    def outline_menu_hook(self, menu: QMenu, document_info: "DocumentInfo | None", clause: "Clause | None") -> None:
        if clause is not None and self.compilation is not None:
            menu.addSeparator()
            menu.addAction(self.tr("标记本条款"), lambda: self.tag_clause(clause))

    def on_selection_changed(self) -> None:
        if self.window.view.selection_span() is None:
            self._toolbar_timer.stop()
            self.toolbar.hide()
        else:
            self._toolbar_timer.start()



def redo_shortcuts() -> list[QKeySequence]:
    """Ctrl+Shift+Z and Ctrl+Y, each once: the platform's Redo key is often one of them, and a key
    bound twice to the same action is an "ambiguous shortcut" that Qt ignores."""
    keys: list[QKeySequence] = []
    for key in [QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y"), *QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)]:
        if not key.isEmpty() and all(key != k for k in keys):
            keys.append(key)
    return keys


def install(window: "MainWindow", outline: "OutlinePanel") -> AnnotationController:
    controller = AnnotationController(window)
    window.compilationReady.connect(controller.on_compilation)
    if window.watcher is not None:
        window.watcher.changed.connect(controller.on_workspace_changed)
    window.documentClosed.connect(controller.clear)
    window.view.selectionChanged.connect(controller.on_selection_changed)
    window.view.verticalScrollBar().valueChanged.connect(lambda _v: controller.toolbar.hide())
    window.view.context_menu_hooks.append(controller.page_menu_hook)
    outline.context_menu_hooks.append(controller.outline_menu_hook)

    edit = window.menu("edit")
    edit.addSeparator()
    undo = controller.undo_stack.createUndoAction(window, QCoreApplication.translate("AnnotationController", "撤销"))
    undo.setShortcut(QKeySequence.StandardKey.Undo)
    redo = controller.undo_stack.createRedoAction(window, QCoreApplication.translate("AnnotationController", "重做"))
    redo.setShortcuts(redo_shortcuts())
    highlight = QAction(QCoreApplication.translate("AnnotationController", "高亮所选"), window)
    highlight.setShortcut(QKeySequence("Ctrl+H"))
    highlight.triggered.connect(lambda: controller.highlight_selection())
    for action in (undo, redo, highlight):
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        edit.addAction(action)
        window.addAction(action)
    undo.triggered.connect(lambda: window.status(QCoreApplication.translate("AnnotationController", "已撤销：%1")
                                                  .replace("%1", controller.undo_stack.redoText())))
    redo.triggered.connect(lambda: window.status(QCoreApplication.translate("AnnotationController", "已重做：%1")
                                                  .replace("%1", controller.undo_stack.undoText())))
    controller.actions = {"undo": undo, "redo": redo, "highlight": highlight}

    tools = window.menu("tools")
    tools.addSeparator()
    tools.addAction(QCoreApplication.translate("AnnotationController", "主题管理…"), controller.manage_themes)
    tools.addAction(QCoreApplication.translate("AnnotationController", "从其他版本迁移批注…"), controller.migrate_from_other)
    tools.addAction(QCoreApplication.translate("AnnotationController", "导出全部批注（JSON）…"), controller.export_all)
    tools.addAction(QCoreApplication.translate("AnnotationController", "导入批注（JSON）…"), controller.import_all)
    if window.compilation is not None:
        controller.on_compilation(window.compilation)
    return controller
