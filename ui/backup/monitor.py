"""What the main window gets from backups: the warning banner and the automatic backups.

:class:`BackupMonitor` is made by the main window with one line and asked one question
when the window closes (:meth:`BackupMonitor.hold_close`); everything else lives here.

- **The warning** is a banner (a fixed tool bar) above the screens, shown when the status
  needs attention (see :mod:`ui.backup`); for administrators it carries "Back up now" (or
  "Choose a backup folder…", which opens Administration › Backups).  While a backup runs,
  the status bar shows a small busy indicator.  The banner hides while the idle lock
  covers the window, so nothing under the lock can be reached with the keyboard.
- **Daily**: the status is read when the window opens and every :data:`CHECK_INTERVAL_MS`;
  in an administrator's session a backup is made when the last good one is a day old or
  more (:func:`ui.backup.jobs.is_due`), at most one try per check.  A failed backup (the
  automatic one, or one started from the banner or the Backups tab) is named in the
  banner, with its reason, until a backup succeeds.
- **On closing**: in an administrator's session, when the backup folder was found at the
  last check, :meth:`BackupMonitor.hold_close` starts a backup, covers the window with a
  progress dialog and closes the window when the backup is written.  If it fails, the
  dialog says why and "Close Continuum" goes on closing.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QStyle,
    QToolBar,
    QWidget,
)

from clinic_app.backup.destination import BackupStatus
from clinic_app.errors import ContinuumError
from ui.backup import jobs
from ui.backup.common import BusyDialog, BusyIndicator, coordinator, status_text
from ui.idle_lock import IdleLock
from ui.session import Session
from ui.tasks import error_text

#: how often the backup status is read while the window is open (and a daily backup made if due)
CHECK_INTERVAL_MS = 30 * 60_000
#: the Administration screen's (source) title, as registered in ``ui.navigation``
ADMINISTRATION = "Administration"

BANNER_STYLE = (
    "QToolBar#backupBanner { background: #fff6d6; color: #3d3200; border: none; border-bottom: 1px solid #e3cf8a;"
    " padding: 4px 8px; }"
    "QToolBar#backupBanner QLabel { color: #3d3200; }"
)


class BackupBanner(QToolBar):
    """The warning above the screens: an icon, the sentence and (for administrators) one button."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.setObjectName("backupBanner")
        self.setWindowTitle(self.tr("Backup warning"))
        self.setMovable(False)
        self.setFloatable(False)
        self.setStyleSheet(BANNER_STYLE)
        content = QWidget(self)
        row = QHBoxLayout(content)
        row.setContentsMargins(4, 2, 4, 2)
        row.setSpacing(10)
        icon = QLabel(content)
        icon.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(20, 20))
        self.message = QLabel(content)
        self.message.setObjectName("backupWarning")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.button = QPushButton(content)
        row.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.message, 1)
        row.addWidget(self.button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.addWidget(content)


class BackupMonitor(QObject):
    """The backup warning and the automatic backups of one main window."""

    def __init__(self, window: QMainWindow, session: Session, idle_lock: IdleLock) -> None:
        super().__init__(window)
        self.window, self.session = window, session
        self.coordinator = coordinator(session)
        self.banner = BackupBanner(window)
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.banner)
        self.banner.hide()
        self.banner.button.clicked.connect(self._banner_action)
        self.busy = BusyIndicator(window)
        self.busy.bar.setMaximumWidth(90)
        window.statusBar().insertPermanentWidget(0, self.busy)
        self._locked = False
        idle_lock.locked_changed.connect(self._lock_changed)
        self._try_auto = False
        #: why the last backup failed ('' after a good one): shown until a backup succeeds
        self._failure = ""
        #: the backup on closing: its request number while it runs; then done
        self._closing_request: int | None = None
        self._closing_done = False
        self._then: Callable[[], object] | None = None
        self.closing_dialog: BusyDialog | None = None
        self.coordinator.status_changed.connect(self._show_status)
        self.coordinator.backup_started.connect(self._started)
        self.coordinator.backup_finished.connect(self._finished)
        self.coordinator.backup_failed.connect(self._failed)
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)
        self.timer.start(CHECK_INTERVAL_MS)
        self.check()

    # --- the status and the daily backup ----------------------------------------------------------
    def check(self) -> None:
        """Read the status; a backup follows if one is due (administrators)."""
        self._try_auto = True
        self.coordinator.refresh_status()

    def _show_status(self, status: BackupStatus) -> None:
        may = self.coordinator.may_back_up
        text, _kind = status_text(status, may)
        if self._failure:
            text = self.tr("The last backup failed: {reason}").format(reason=self._failure) + "\n" + text
        self.banner.message.setText(text)
        self.banner.button.setVisible(may)
        # no mnemonic: the Backups tab's own buttons have them, and both can be on screen
        self.banner.button.setText(self.tr("Back up now") if status.folder_found
                                   else self.tr("Choose a backup folder…"))
        self._update_visibility()
        auto, self._try_auto = self._try_auto, False
        if auto and may and not self.coordinator.is_running() and jobs.is_due(status) and status.folder is not None:
            self.coordinator.back_up(status.folder)

    def warning_text(self) -> str:
        """What the banner says ('' when it is hidden): for tests and screen readers."""
        return self.banner.message.text() if self.banner.isVisibleTo(self.window) else ""

    def _banner_action(self) -> None:
        status = self.coordinator.status
        if status is not None and status.folder_found and status.folder is not None:
            if not self.coordinator.is_running():
                self.coordinator.back_up(status.folder)
            return
        open_screen = getattr(self.window, "open_screen", None)
        if open_screen is not None:
            page = open_screen(ADMINISTRATION)
            page.tabs.setCurrentWidget(page.backups)

    def _lock_changed(self, locked: bool) -> None:
        self._locked = locked
        self._update_visibility()

    def _update_visibility(self) -> None:
        status = self.coordinator.status
        attention = bool(self._failure) or (status is not None and status.needs_attention)
        self.banner.setVisible(attention and not self._locked)

    def _started(self, _request: int) -> None:
        self.busy.start(self.tr("Backing up…"))
        self.banner.button.setEnabled(False)

    def _finished(self, request: int, _outcome: object) -> None:
        self._backup_over(request)

    def _failed(self, request: int, exc: ContinuumError) -> None:
        self._backup_over(request, exc)

    def _backup_over(self, request: int, exc: ContinuumError | None = None) -> None:
        self._failure = error_text(exc) if exc is not None else ""  # the status read next shows it
        if not self.coordinator.is_running():
            self.busy.stop()
            self.banner.button.setEnabled(True)
        if request == self._closing_request:
            self._closing_backup_over(exc)

    # --- the backup on closing ----------------------------------------------------------------------
    def hold_close(self, then: Callable[[], object]) -> bool:
        """Called when the window is asked to close: True if it must stay open for the backup.

        ``then`` (closing the window again) is called once the backup is written or the
        user has read why it failed.
        """
        if self._closing_done:
            return False
        if self._closing_request is not None:
            return True  # the backup on closing is running
        status = self.coordinator.status
        if not self.coordinator.may_back_up or status is None or not status.folder_found or status.folder is None:
            self._closing_done = True
            return False
        self.timer.stop()
        self._then = then
        self._closing_request = self.coordinator.back_up(status.folder)
        dialog = BusyDialog(self.tr("Making a backup before Continuum closes…"), self.tr("Backing up"), self.window)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.show()
        self.closing_dialog = dialog
        return True

    def _closing_backup_over(self, exc: ContinuumError | None) -> None:
        self._closing_done = True
        dialog = self.closing_dialog
        if exc is None or dialog is None:
            self._close_now()
            return
        dialog.offer_close(self.tr(
            "The backup before closing failed:\n{reason}\n\nThe records are safe on this computer. "
            "Make a backup as soon as possible.").format(reason=error_text(exc)),
            self.tr("&Close Continuum"), self._close_now)

    def _close_now(self) -> None:
        dialog, self.closing_dialog = self.closing_dialog, None
        then, self._then = self._then, None
        if dialog is not None:
            dialog.finish()
        if then is not None:
            then()
