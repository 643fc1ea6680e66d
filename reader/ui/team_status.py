"""Team library in the window: sync state in the status bar, a background sync, the join dialog.

The label reads 已同步 / 同步中… / 待同步 / 离线 / n 处冲突 (hidden while the library has not joined
a team). A sync runs off the GUI thread every few minutes and from 工具 ▸ 与团队库同步; when it
brought colleagues' changes, the open compilation's highlights are redrawn at once. Every minute a
lighter look (also off the GUI thread) asks whether colleagues added compilations, so the search
panel's lists and results follow without waiting for the sync. 工具 ▸
团队库设置… joins a team (URL and name). The work itself is reader.team's; nothing here talks to
the database.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit

from reader.errors import ReaderError

if TYPE_CHECKING:
    from reader.ui.annotation_controller import AnnotationController
    from reader.ui.main_window import MainWindow

SYNC_INTERVAL_MS = 5 * 60 * 1000
FIRST_LOOK_MS = 1500
COMPILATIONS_LOOK_MS = 60 * 1000  # how soon a colleague's new compilation shows in the search lists


class TeamStatus(QObject):
    """The status-bar label and the sync/settings actions of one window."""

    def __init__(self, window: "MainWindow", annotations: "AnnotationController") -> None:
        super().__init__(window)
        self.window = window
        self.annotations = annotations
        self.syncing = False
        self.joined = False
        self.label = QLabel(objectName="teamSyncState")
        self.label.hide()
        window.statusBar().addPermanentWidget(self.label)
        self.sync_action = QAction(self.tr("与团队库同步"), window, objectName="actionTeamSync")
        self.sync_action.triggered.connect(lambda: self.sync_now(quiet=False))
        self.settings_action = QAction(self.tr("团队库设置…"), window, objectName="actionTeamSettings")
        self.settings_action.triggered.connect(self.open_settings)
        tools = window.menu("tools")
        tools.addSeparator()
        tools.addAction(self.sync_action)
        tools.addAction(self.settings_action)
        self.timer = QTimer(self, interval=SYNC_INTERVAL_MS)
        self.timer.timeout.connect(lambda: self.sync_now(quiet=True))
        self.timer.start()
        QTimer.singleShot(FIRST_LOOK_MS, self.refresh)  # after the first page is on screen
        self.look_timer = QTimer(self, interval=COMPILATIONS_LOOK_MS)
        self.look_timer.timeout.connect(self.look_for_compilations)
        self.look_timer.start()

    # ------------------------------------------------------------------ state
    def refresh(self) -> None:
        """Show the local state (no server contact)."""
        library = self.window.library
        if library is None or library.read_only:  # no library, or one that cannot take a sync
            return
        self.window.run_in_background(lambda: _status(library), self.show_state)

    def show_state(self, status: dict[str, Any]) -> None:
        state = status.get("state")
        self.joined = state != "not_joined"
        if not self.joined:
            self.label.hide()
            return
        if state == "conflicts":
            text = self.tr("%n 处冲突", "", int(status.get("conflict_count", 0)))
        elif state == "offline":
            text = self.tr("离线")
        elif state == "pending" or status.get("pending_count"):
            text = self.tr("待同步")
        else:
            text = self.tr("已同步")
        self.label.setText(text)
        self.label.setToolTip(status.get("url") or "")
        self.label.show()

    def look_for_compilations(self) -> None:
        """Ask the team server, off the GUI thread, whether colleagues added compilations; the
        index's change token then changes and the window's watcher refreshes the search lists."""
        workspace = self.window.workspace
        if not self.joined or self.syncing or workspace is None:
            return

        def failed(exc: BaseException) -> None:  # the server unreachable or refusing: the next look or sync says so
            if not isinstance(exc, ReaderError):
                raise exc

        self.window.run_in_background(lambda: _look(workspace), None, failed)

    # ------------------------------------------------------------------ sync
    def sync_now(self, quiet: bool = False) -> None:
        if self.syncing:
            return
        if not self.joined:
            if not quiet:
                self.open_settings()
            return
        self.syncing = True
        self.label.setText(self.tr("同步中…"))
        library = self.window.library

        def failed(exc: BaseException) -> None:
            self.syncing = False
            if not isinstance(exc, ReaderError):
                raise exc
            self.label.setText(self.tr("离线") if getattr(exc, "code", "") == "team_offline" else self.tr("同步失败"))
            self.label.setToolTip(exc.message)
            if not quiet:
                self.window.show_error(exc)

        self.window.run_in_background(lambda: _sync(library), self._synced, failed)

    def _synced(self, result: tuple[dict[str, Any], dict[str, Any]]) -> None:
        self.syncing = False
        report, status = result
        self.show_state(status)
        if report.get("pulled") and self.window.compilation is not None:
            self.annotations.reload()  # a colleague's new highlight appears without reopening

    # ------------------------------------------------------------------ settings
    def open_settings(self) -> None:
        dialog = QDialog(self.window, objectName="teamSettingsDialog")
        dialog.setWindowTitle(self.tr("团队库设置"))
        form = QFormLayout(dialog)
        url = QLineEdit(objectName="teamUrl")
        url.setEchoMode(QLineEdit.EchoMode.Password)  # the URL carries the member's password
        url.setPlaceholderText("postgresql://…")
        name = QLineEdit(objectName="teamName")
        form.addRow(self.tr("团队库地址"), url)
        form.addRow(self.tr("显示名"), name)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        form.addRow(buttons)
        dialog.accepted.connect(lambda: self.join(url.text().strip(), name.text().strip()))
        self.settings_dialog = dialog
        dialog.open()

    def join(self, url: str, name: str) -> None:
        if not url:
            return
        library = self.window.library
        if library is None:
            return

        def joined(_result: Any) -> None:
            self.window.status(self.tr("已加入团队库"))
            self.joined = True
            self.label.show()
            self.sync_now(quiet=False)

        self.window.run_in_background(lambda: _join(library, url, name), joined, self.window.show_error)


def _status(library) -> dict[str, Any]:
    from reader.team.sync import TeamSync
    from reader.workspace import Workspace

    with Workspace(library, backup=False) as workspace:
        return TeamSync(library, workspace.annotations).status(check_server=False)


def _look(workspace) -> bool:
    refresh = getattr(workspace.index, "refresh_compilations", None)  # the team PageIndex only
    return bool(refresh()) if refresh is not None else False


def _sync(library) -> tuple[dict[str, Any], dict[str, Any]]:
    from reader.team.sharing import library_sharer
    from reader.team.sync import TeamSync
    from reader.workspace import Workspace

    with Workspace(library, backup=False) as workspace:
        sync = TeamSync(library, workspace.annotations)
        report = sync.sync(share=library_sharer(library, sync.state))
        return report.to_json(), sync.status(check_server=False)


def _join(library, url: str, name: str) -> dict[str, Any]:
    from reader.team.sync import TeamSync
    from reader.workspace import Workspace

    with Workspace(library, backup=False) as workspace:
        return TeamSync(library, workspace.annotations).join(url, name or None)


def install(window: "MainWindow", annotations: "AnnotationController") -> TeamStatus:
    """工具 ▸ 与团队库同步 / 团队库设置…, and the sync state in the status bar."""
    return TeamStatus(window, annotations)
