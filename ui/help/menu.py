"""The Help menu's actions, and the windows they open.

:class:`HelpMenu` is made by the main window with one line and fills its Help menu:

- User guide (F1) → :class:`~ui.help.guide.UserGuideWindow`
- Where is my data? → :class:`~ui.help.folders.DataFoldersWindow`
- How to back up and restore → :class:`~ui.help.howto.BackupHowToWindow`
- How to move to a new computer → :class:`~ui.help.howto.MovingHowToWindow`
- About Continuum → a message: the version, the licence, Qt's version and the data folder.

Each window is built the first time it is asked for, then kept and brought to the front
(one window per kind, not a new one per click).  They belong to the main window.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import metadata
from typing import TypeVar

from PySide6.QtCore import QObject, Qt, qVersion
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from ui.dialogs import show_message
from ui.help.folders import DataFoldersWindow
from ui.help.guide import UserGuideWindow
from ui.help.howto import BackupHowToWindow, MovingHowToWindow
from ui.help.window import HelpWindow
from ui.session import Session

W = TypeVar("W", bound=HelpWindow)


class HelpMenu(QObject):
    """The Help actions of ``window`` (the main window) for ``session``."""

    def __init__(self, window: QWidget, session: Session) -> None:
        super().__init__(window)
        self.window, self.session = window, session
        self._windows: dict[type[HelpWindow], HelpWindow] = {}
        self.guide_action = self._action(self.tr("&User guide"), self.open_guide)
        self.guide_action.setShortcut(QKeySequence(Qt.Key.Key_F1))
        self.data_action = self._action(self.tr("&Where is my data?"), self.open_data_folders)
        self.backup_action = self._action(self.tr("How to &back up and restore"), self.open_backup_help)
        self.moving_action = self._action(self.tr("How to &move to a new computer"), self.open_moving_help)
        self.about_action = self._action(self.tr("&About Continuum"), self.show_about)

    def _action(self, text: str, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self.window)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def fill(self, menu: QMenu) -> None:
        menu.addAction(self.guide_action)
        menu.addAction(self.data_action)
        menu.addSeparator()
        menu.addAction(self.backup_action)
        menu.addAction(self.moving_action)
        menu.addSeparator()
        menu.addAction(self.about_action)

    def _present(self, kind: type[W], make: Callable[[], W]) -> W:
        window = self._windows.get(kind)
        if window is None:
            window = self._windows[kind] = make()
        window.present()
        assert isinstance(window, kind)
        return window

    def open_guide(self) -> UserGuideWindow:
        return self._present(UserGuideWindow, lambda: UserGuideWindow(self.window))

    def open_data_folders(self) -> DataFoldersWindow:
        return self._present(DataFoldersWindow, lambda: DataFoldersWindow(self.session, self.window))

    def open_backup_help(self) -> BackupHowToWindow:
        return self._present(BackupHowToWindow, lambda: BackupHowToWindow(self.window))

    def open_moving_help(self) -> MovingHowToWindow:
        return self._present(MovingHowToWindow, lambda: MovingHowToWindow(self.window))

    def show_about(self) -> None:
        show_message(self.window, self.tr("About Continuum"), self.tr(
            "Continuum {version}\n\nOffline, encrypted record keeping for aftercare and "
            "recovery-management providers.\n\nFree software under the GNU General Public License, "
            "version 3 or later: you may use, study, share and change it.\n\nData folder: {folder}\n"
            "Qt {qt}").format(version=metadata.version("continuum"), folder=self.session.data_dir, qt=qVersion()))
