"""The main window: menus, the navigation list, the screens, and who is signed in.

- Menus: File (New client… Ctrl+N and Find a client… Ctrl+F for the roles that work with
  records; Save Ctrl+S; Print… Ctrl+P; Lock Ctrl+L; Change my password…; Language…; Quit) and Help
  (:class:`ui.help.menu.HelpMenu`: User guide F1, Where is my data?, How to back up and
  restore, How to move to a new computer, About Continuum).  Save and Print act on the
  screen showing (``ui.navigation.SavesWork``, ``PrintsWork``); with nothing to save or
  print the status bar says so.  Print blank intake form… and Print blank care-plan
  form… open a preview (:mod:`ui.print_preview`).
- Navigation: a list on the left built from :func:`ui.navigation.default_screens`,
  filtered by the user's role; each screen is built the first time it is opened.  A row of
  the Today screen opens the client on the Clients screen, at the tab the row names.
- Unsaved changes: closing the window and Lock (Ctrl+L) first ask the client record what to
  do with typed text not yet saved (save, discard, keep editing).  The idle lock does not
  ask: it only covers the window, and the text stays.  Quitting from the lock screen asks
  its own question (the user cannot see the record there).
- Status bar: the signed-in user, their role and the organisation's name (kept current
  when the settings change).
- The idle lock (:mod:`ui.idle_lock`) takes its timeout from the organisation settings.
- Backups (:mod:`ui.backup.monitor`): the warning banner, the daily automatic backup, and
  the backup when an administrator closes the window (the window waits for it).
- The window's size and position are remembered per computer (``QSettings``).
Closing the window closes the workspace on the database thread.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from clinic_app.services import accounts, settings
from clinic_app.services.accounts import UserInfo
from clinic_app.services.settings import OrganisationSettings
from ui.account_page import open_change_password
from ui.backup.monitor import BackupMonitor
from ui.clients.screen import ClientsScreen, intake_opener
from ui.help.menu import HelpMenu
from ui.idle_lock import IdleLock
from ui.labels import role_label
from ui.language import language_action
from ui.navigation import CLIENTS, PrintsWork, SavesWork, Screen, default_screens, screen_shortcuts
from ui.preferences import workstation_settings
from ui.print_preview import blank_form_actions
from ui.session import Session
from ui.today import TodayScreen

GEOMETRY_KEY = "main_window/geometry"
STATUS_MESSAGE_MS = 4000


class MainWindow(QMainWindow):
    def __init__(self, session: Session, screens: tuple[Screen, ...] | None = None) -> None:
        super().__init__()
        self.session = session
        self.setWindowTitle(self.tr("Continuum"))
        self._screens = [s for s in (screens if screens is not None else default_screens()) if s.allows(session.actor.role)]
        self._pages: dict[int, QWidget] = {}
        self._closed = False

        self.navigation = QListWidget(self)
        self.navigation.setObjectName("navigation")
        self.navigation.setAccessibleName(self.tr("Navigation"))
        self.navigation.setIconSize(QSize(20, 20))
        self.navigation.setSpacing(2)
        for screen in self._screens:
            QListWidgetItem(screen.load_icon(), screen.display_title(), self.navigation)
        self.navigation.ensurePolished()  # as wide as the longest title in the system's font size
        margins = self.navigation.contentsMargins()
        self.navigation.setFixedWidth(max(190, self.navigation.sizeHintForColumn(0) + margins.left()
                                          + margins.right() + 2 * self.navigation.spacing()))
        self.screen_actions = screen_shortcuts(self, self.navigation)
        self.stack = QStackedWidget(self)
        central = QWidget(self)
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.navigation)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.navigation.currentRowChanged.connect(self._show_row)

        self.user_label = QLabel(self)
        self.role_label = QLabel(role_label(session.actor.role), self)
        self.organisation_label = QLabel(self)
        self.user_label.setText(self.tr("Signed in: {name}").format(name=session.actor.name))
        for label in (self.user_label, self.role_label, self.organisation_label):
            self.statusBar().addPermanentWidget(label)

        self.idle_lock = IdleLock(self, session)
        self.backups = BackupMonitor(self, session, self.idle_lock)
        self._build_menus()
        session.settings_changed.connect(self._apply_settings)
        session.runner.run_db(session.call(accounts.me, write=False), self._show_me)
        session.runner.run_db(session.call(settings.get_settings, write=False), self._apply_settings)

        self.resize(1100, 720)
        geometry = workstation_settings().value(GEOMETRY_KEY)
        if geometry is not None:
            self.restoreGeometry(geometry)
        if self._screens:
            self.navigation.setCurrentRow(0)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        if CLIENTS in self.screen_titles():
            self.new_client_action = QAction(self.tr("&New client…"), self)
            self.new_client_action.setShortcut(QKeySequence(QKeySequence.StandardKey.New))
            self.new_client_action.setEnabled(intake_opener() is not None)
            self.new_client_action.triggered.connect(lambda: self._clients_screen().new_client())
            self.find_action = QAction(self.tr("&Find a client…"), self)
            self.find_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Find))
            self.find_action.triggered.connect(lambda: self._clients_screen().focus_search())
            file_menu.addAction(self.new_client_action)
            file_menu.addAction(self.find_action)
            file_menu.addSeparator()
        self.save_action = QAction(self.tr("&Save"), self)
        self.save_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Save))
        self.save_action.triggered.connect(self.save_current)
        self.print_action = QAction(self.tr("&Print…"), self)
        self.print_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Print))
        self.print_action.triggered.connect(self.print_current)
        file_menu.addAction(self.save_action)
        file_menu.addAction(self.print_action)
        self.blank_form_actions = blank_form_actions(self, self.session)  # Print blank intake/care-plan form…
        file_menu.addActions(self.blank_form_actions)
        file_menu.addSeparator()
        self.lock_action = QAction(self.tr("&Lock"), self)
        self.lock_action.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_L))
        self.lock_action.triggered.connect(self.lock)
        self.password_action = QAction(self.tr("Change my &password…"), self)
        self.password_action.triggered.connect(lambda: open_change_password(self.session, self))
        self.quit_action = QAction(self.tr("&Quit"), self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        file_menu.addAction(self.lock_action)
        file_menu.addAction(self.password_action)
        file_menu.addAction(language_action(self))  # Language… (ui.language: takes effect at the next start)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.help = HelpMenu(self, self.session)  # User guide (F1), Where is my data?, how-tos, About
        self.help.fill(help_menu)

    # --- screens ------------------------------------------------------------------------
    def _show_row(self, row: int) -> None:
        if row < 0:
            return
        if row not in self._pages:
            page = self._screens[row].factory(self.session)
            if isinstance(page, TodayScreen):
                page.client_requested.connect(self.open_client)
            self._pages[row] = page
            self.stack.addWidget(page)
        self.stack.setCurrentWidget(self._pages[row])

    def open_screen(self, title: str) -> QWidget:
        """Select the screen whose (source) title is ``title`` and return its widget."""
        row = next(i for i, s in enumerate(self._screens) if s.title == title)
        self.navigation.setCurrentRow(row)
        return self._pages[row]

    def screen_titles(self) -> list[str]:
        return [s.title for s in self._screens]

    def _clients_screen(self) -> ClientsScreen:
        """The Clients screen, shown (only for roles that have it)."""
        page = self.open_screen(CLIENTS)
        assert isinstance(page, ClientsScreen)
        return page

    def _built_clients_screen(self) -> ClientsScreen | None:
        """The Clients screen if it has been opened (only then can it hold typed text)."""
        return next((p for p in self._pages.values() if isinstance(p, ClientsScreen)), None)

    def open_client(self, client_id: int, tab_key: str, code: str = "", name: str = "") -> None:
        """Show ``client_id``'s record on the Clients screen, at the tab ``tab_key``."""
        self._clients_screen().open_client(client_id, tab_key, code, name)

    # --- save, print, lock ------------------------------------------------------------------
    def save_current(self) -> None:
        page = self.stack.currentWidget()
        if not (isinstance(page, SavesWork) and page.save_current()):
            self.statusBar().showMessage(self.tr("There is nothing to save here."), STATUS_MESSAGE_MS)

    def print_current(self) -> None:
        page = self.stack.currentWidget()
        if not (isinstance(page, PrintsWork) and page.print_current()):
            self.statusBar().showMessage(self.tr("There is nothing to print here."), STATUS_MESSAGE_MS)

    def lock(self) -> None:
        """Ctrl+L: lock now, after asking what to do with unsaved typed text (if any)."""
        clients = self._built_clients_screen()
        if clients is None or not clients.has_unsaved_changes():
            self.idle_lock.lock()
            return
        self._clients_screen().confirm_leave(self.idle_lock.lock)

    # --- status bar ---------------------------------------------------------------------
    def _show_me(self, me: UserInfo) -> None:
        name = f"{me.full_name} ({me.name})" if me.full_name else me.name
        self.user_label.setText(self.tr("Signed in: {name}").format(name=name))

    def _apply_settings(self, values: OrganisationSettings) -> None:
        self.organisation_label.setText(values.name)
        self.idle_lock.set_minutes(values.idle_lock_minutes)

    def status_text(self) -> str:
        """Everything the status bar says (for tests and screen readers)."""
        return " · ".join(label.text() for label in (self.user_label, self.role_label, self.organisation_label))

    # --- closing ----------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        clients = self._built_clients_screen()
        if (not self._closed and clients is not None and not self.idle_lock.is_locked()
                and clients.has_unsaved_changes()):
            event.ignore()
            self._clients_screen().confirm_leave(self.close)
            return
        if not self._closed and self.backups.hold_close(self.close):
            event.ignore()  # the backup on closing runs; the window closes when it is written
            return
        if not self._closed:
            self._closed = True
            workstation_settings().setValue(GEOMETRY_KEY, self.saveGeometry())
            self.idle_lock.stop()
            self.session.close()
        super().closeEvent(event)
