"""Theme picker (several themes per annotation) and the theme manager (add, rename, recolour,
merge, delete). Deleting a theme never deletes annotations: they are untagged, after asking."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (QColorDialog, QDialog, QDialogButtonBox, QHBoxLayout, QInputDialog, QLabel, QLineEdit,
                               QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget)

from reader.annotations import Theme
from reader.annotations.suggestions import themes_matching
from reader.annotations.themes import name_key
from reader.errors import ReaderError
from reader.ui.plaintext import ask_yes_no, plain_label, warn

if TYPE_CHECKING:
    from reader.workspace import AnnotationRepository


def swatch(color: str, size: int = 14) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(color))
    return QIcon(pixmap)


def theme_label(theme: Theme, english: bool) -> str:
    return theme.display_name(english)


class ThemePicker(QDialog):
    """A checkable, filterable list of themes; ``chosen()`` gives the names in the order they were ticked.

    Opened with the themes whose keywords the annotated text contains already ticked (never the
    last ones used: a clause about 5G must not be tagged 氢能 because 氢能 came last). Typing
    filters the list by name, English name or keyword; one click anywhere on a row ticks it;
    Enter accepts (ticking the only row left by the filter if none is ticked yet).
    """

    def __init__(self, store: "AnnotationRepository", selected: list[str], english: bool = False,
                 parent: QWidget | None = None, title: str | None = None, text: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(title or self.tr("选择主题"))
        self.setObjectName("themePicker")
        self.store, self.english = store, english
        themes = store.themes()
        self.suggested = [t.name for t in themes_matching(text, themes)] if text and not selected else []
        self._order = list(selected) or list(self.suggested)
        layout = QVBoxLayout(self)
        hint = self.tr("可多选；高亮颜色取第一个主题的颜色。")
        if self.suggested:
            hint = self.tr("已按关键词勾选：%1").replace("%1", "、".join(self.suggested)) + "\n" + hint
        self.hint = plain_label(QLabel(hint, self, wordWrap=True))
        layout.addWidget(self.hint)
        self.filter = QLineEdit(self, objectName="themeFilter", clearButtonEnabled=True)
        self.filter.setPlaceholderText(self.tr("输入以筛选主题（名称或关键词）"))
        layout.addWidget(self.filter)
        self.list = QListWidget(self)
        layout.addWidget(self.list)
        manage = QPushButton(self.tr("管理主题…"), self)
        manage.setAutoDefault(False)
        manage.clicked.connect(self._manage)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(manage)
        row.addStretch(1)
        row.addWidget(buttons)
        layout.addLayout(row)
        self.list.itemClicked.connect(self._toggle)
        self.list.itemChanged.connect(self._on_changed)
        QShortcut(QKeySequence(Qt.Key.Key_Space), self.list, lambda: self._toggle(self.list.currentItem()))
        self.filter.textChanged.connect(self._apply_filter)
        self.filter.returnPressed.connect(self._accept)
        self._fill()
        self.filter.setFocus()

    def _fill(self) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        themes = self.store.themes()
        first = [t for n in self._order for t in themes if t.name == n]
        for theme in first + [t for t in themes if t not in first]:  # ticked ones on top
            item = QListWidgetItem(swatch(theme.color), theme_label(theme, self.english), self.list)
            item.setData(Qt.ItemDataRole.UserRole, theme.name)
            item.setData(Qt.ItemDataRole.UserRole + 1, " ".join([theme.name, theme.name_en, *theme.keywords]))
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsUserCheckable)  # the row's click ticks, not only the box
            item.setCheckState(Qt.CheckState.Checked if theme.name in self._order else Qt.CheckState.Unchecked)
        self.list.blockSignals(False)
        self._apply_filter(self.filter.text())

    def _toggle(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            checked = item.checkState() == Qt.CheckState.Checked
            item.setCheckState(Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)

    def _on_changed(self, item: QListWidgetItem) -> None:
        """Keep the tick order (the first theme gives the colour) in step with the boxes."""
        name = item.data(Qt.ItemDataRole.UserRole)
        if item.checkState() == Qt.CheckState.Checked and name not in self._order:
            self._order.append(name)
        elif item.checkState() != Qt.CheckState.Checked and name in self._order:
            self._order.remove(name)

    def _apply_filter(self, text: str) -> None:
        key = name_key(text)
        for i in range(self.list.count()):
            item = self.list.item(i)
            item.setHidden(bool(key) and key not in name_key(item.data(Qt.ItemDataRole.UserRole + 1)))

    def visible_names(self) -> list[str]:
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())
                if not self.list.item(i).isHidden()]

    def _accept(self) -> None:
        visible = self.visible_names()
        if self.filter.text().strip() and len(visible) == 1 and visible[0] not in self._order:
            self._order.append(visible[0])
        self.accept()

    def set_checked(self, names: list[str]) -> None:
        self._order = list(names)
        self._fill()

    def _manage(self) -> None:
        ThemeManager(self.store, self.english, self).exec()
        known = {t.name for t in self.store.themes()}
        self._order = [n for n in self._order if n in known]
        self._fill()

    def chosen(self) -> list[str]:
        return list(self._order)


class ThemeManager(QDialog):
    """Edit the library's themes. Changes are stored at once (each is one transaction)."""

    def __init__(self, store: "AnnotationRepository", english: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("主题管理"))
        self.store, self.english = store, english
        self.resize(460, 420)
        layout = QHBoxLayout(self)
        self.list = QListWidget(self)
        layout.addWidget(self.list, 1)
        column = QVBoxLayout()
        for text, slot in ((self.tr("新建…"), self.add), (self.tr("改名…"), self.rename),
                           (self.tr("颜色…"), self.recolor), (self.tr("关键词…"), self.edit_keywords),
                           (self.tr("合并到…"), self.merge), (self.tr("删除…"), self.delete)):
            button = QPushButton(text, self)
            button.clicked.connect(slot)
            column.addWidget(button)
        column.addStretch(1)
        close = QPushButton(self.tr("关闭"), self)
        close.clicked.connect(self.accept)
        column.addWidget(close)
        layout.addLayout(column)
        self.changed = False
        self.refresh()

    def refresh(self) -> None:
        counts = self.store.count_by_theme()
        current = self.current()
        self.list.clear()
        for theme in self.store.themes():
            other = theme.name if self.english else theme.name_en
            text = f"{theme_label(theme, self.english)}" + (f"  ({other})" if other and other != theme_label(
                theme, self.english) else "") + f"  · {counts.get(theme.name, 0)}"
            item = QListWidgetItem(swatch(theme.color), text, self.list)
            item.setData(Qt.ItemDataRole.UserRole, theme.name)
            if theme.name == current:
                self.list.setCurrentItem(item)

    def current(self) -> str | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def _run(self, action) -> None:
        try:
            action()
        except ReaderError as exc:
            warn(self, self.tr("主题"), exc.message)
        self.changed = True
        self.refresh()

    def add(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("新建主题"), self.tr("主题名称（中文）："))
        if not ok or not name.strip():
            return
        name_en, _ = QInputDialog.getText(self, self.tr("新建主题"), self.tr("英文名称（可选）："))
        color = QColorDialog.getColor(QColor("#ffd54f"), self, self.tr("主题颜色"))
        hex_color = color.name() if color.isValid() else "#ffd54f"
        self._run(lambda: self.store.add_theme(Theme(name.strip(), name_en.strip(), hex_color, [])))

    def rename(self) -> None:
        name = self.current()
        if not name:
            return
        theme = self.store.theme(name)
        new, ok = QInputDialog.getText(self, self.tr("主题改名"), self.tr("中文名称："), text=theme.name)
        if not ok:
            return
        new_en, ok = QInputDialog.getText(self, self.tr("主题改名"), self.tr("英文名称："), text=theme.name_en)
        if ok:
            self._run(lambda: self.store.update_theme(name, new_name=new.strip() or name, name_en=new_en.strip()))

    def recolor(self) -> None:
        name = self.current()
        if not name:
            return
        color = QColorDialog.getColor(QColor(self.store.theme(name).color), self, self.tr("主题颜色"))
        if color.isValid():
            self._run(lambda: self.store.update_theme(name, color=color.name()))

    def edit_keywords(self) -> None:
        name = self.current()
        if not name:
            return
        text, ok = QInputDialog.getText(self, self.tr("关键词"), self.tr("关键词（用空格分隔）："),
                                        text=" ".join(self.store.theme(name).keywords))
        if ok:
            self._run(lambda: self.store.update_theme(name, keywords=text.split()))

    def merge(self) -> None:
        name = self.current()
        if not name:
            return
        others = [t for t in self.store.themes() if t.name != name]
        labels = [theme_label(t, self.english) for t in others]
        target, ok = QInputDialog.getItem(self, self.tr("合并主题"),
                                          self.tr("把“%1”的批注并入：").replace("%1", name), labels, 0, False)
        if ok and target:
            chosen = others[labels.index(target)].name
            self._run(lambda: self.store.merge_theme(name, chosen))

    def delete(self) -> None:
        name = self.current()
        if not name:
            return
        count = self.store.count_by_theme().get(name, 0)
        question = self.tr("删除主题“%1”？").replace("%1", name)
        if count:
            question += "\n" + self.tr("有 %1 条批注带有此主题：批注会保留，只去掉此主题。").replace("%1", str(count))
        if ask_yes_no(self, self.tr("删除主题"), question):
            self._run(lambda: self.store.delete_theme(name))
