"""What the backup views share: the session's backup coordinator, file choosers, texts.

- :class:`BackupCoordinator` (one per session, :func:`coordinator`): runs a backup on the
  database thread (:func:`ui.backup.jobs.make_backup`) and the status check on the I/O
  pool, keeps the last :class:`~clinic_app.backup.destination.BackupStatus`, and tells
  every view through signals, so the Backups tab, the warning banner and the automatic
  backups never disagree.  Each backup gets a request number, so the one waiting for the
  backup on closing knows which result is its own.
- :func:`choose_folder` and :func:`choose_backup_file` open non-blocking file dialogs
  (``open()``, never a nested ``exec()``: see :mod:`ui.dialogs`).
- :func:`status_text` puts a status into words for the user's role; :func:`local_time`,
  :func:`size_text` and :func:`kind_label` format what a backup's manifest says;
  :func:`counted` picks the singular or plural sentence for a count.
- :class:`BusyIndicator` is the "working…" line (an indeterminate progress bar and a
  sentence) shown while a backup, a check or a restore runs; :class:`BusyDialog` is the
  same as a small window that cannot be dismissed while the work runs (Escape or the
  title bar's close button would otherwise hide it, and with it the application's last
  window).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QDateTime,
    QLocale,
    QObject,
    Qt,
    Signal,
)
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QProgressBar, QProgressDialog, QWidget

from clinic_app.backup import archive
from clinic_app.backup.destination import BackupStatus
from clinic_app.errors import ContinuumError
from clinic_app.services.auth import ADMINISTRATOR
from ui.backup import jobs
from ui.backup.jobs import BackupOutcome
from ui.session import Session



translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") with both written out


def counted(n: int, one: str, many: str) -> str:
    """``one`` when ``n`` is 1, else ``many`` with ``{n}`` filled in (both already translated).

    English and Spanish need no more forms than these two, and no ``.qm`` is needed for them
    (Qt's ``%n`` plural forms would show "(s)" without a compiled translation).
    """
    return one if n == 1 else many.format(n=QLocale().toString(n))


class BackupCoordinator(QObject):
    """Runs the session's backups and status checks; the views listen to its signals."""

    #: a new status was read (carries the ``BackupStatus``)
    status_changed = Signal(object)
    #: a backup was started (request number)
    backup_started = Signal(int)
    #: a backup was written (request number, ``BackupOutcome``)
    backup_finished = Signal(int, object)
    #: a backup failed (request number, ``ContinuumError``)
    backup_failed = Signal(int, object)

    def __init__(self, session: Session) -> None:
        super().__init__(session)
        self.session = session
        self.status: BackupStatus | None = None
        self._running: set[int] = set()
        self._last_request = 0

    @property
    def may_back_up(self) -> bool:
        """Only administrators make backups (the core's rule)."""
        return self.session.actor.role == ADMINISTRATOR

    def is_running(self) -> bool:
        return bool(self._running)

    def refresh_status(self) -> None:
        """Read the backup folder's status on the I/O pool; ``status_changed`` follows."""
        data_dir, db_id = self.session.data_dir, self.session.ws.db_id
        self.session.runner.run_io(lambda: jobs.current_status(data_dir, db_id), self._set_status)

    def _set_status(self, status: BackupStatus) -> None:
        self.status = status
        self.status_changed.emit(status)

    def back_up(self, folder: Path) -> int:
        """Start a backup into ``folder`` on the database thread; return its request number."""
        self._last_request += 1
        request = self._last_request
        self._running.add(request)
        ws, actor = self.session.ws, self.session.actor
        self.backup_started.emit(request)
        self.session.runner.run_db(lambda: jobs.make_backup(ws, actor, folder),
                                   functools.partial(self._finished, request),
                                   functools.partial(self._failed, request))
        return request

    def _finished(self, request: int, outcome: BackupOutcome) -> None:
        self._running.discard(request)
        self.backup_finished.emit(request, outcome)
        self.refresh_status()

    def _failed(self, request: int, exc: ContinuumError) -> None:
        self._running.discard(request)
        self.backup_failed.emit(request, exc)
        self.refresh_status()


def coordinator(session: Session) -> BackupCoordinator:
    """The session's backup coordinator (made on first use, a child of the session)."""
    found = session.findChild(BackupCoordinator)
    return found if found is not None else BackupCoordinator(session)


# --- choosing files ----------------------------------------------------------------------------------


def _open_dialog(dialog: QFileDialog, on_chosen: Callable[[str], object]) -> QFileDialog:
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.fileSelected.connect(on_chosen)
    dialog.open()
    return dialog


def choose_folder(parent: QWidget, title: str, start: Path | None, on_chosen: Callable[[str], object]) -> QFileDialog:
    """Ask for a folder; ``on_chosen(path)`` runs only if the user picks one."""
    dialog = QFileDialog(parent, title, str(start or Path.home()))
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    return _open_dialog(dialog, on_chosen)


def choose_backup_file(parent: QWidget, start: Path | None, on_chosen: Callable[[str], object]) -> QFileDialog:
    """Ask for a backup archive (``*.continuum-backup``) to open."""
    kinds = translate("Backups", "Continuum backups (*{suffix});;All files (*)").format(suffix=archive.SUFFIX)
    dialog = QFileDialog(parent, translate("Backups", "Choose a backup"), str(start or Path.home()), kinds)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    return _open_dialog(dialog, on_chosen)


# --- texts ----------------------------------------------------------------------------------------------


def local_time(moment: datetime) -> str:
    """``moment`` in the user's time zone: day, month's name, year and time ("9 May 2026 21:30")."""
    local = QDateTime.fromSecsSinceEpoch(int(moment.timestamp()))
    return QLocale().toString(local, "d MMM yyyy HH:mm")


def age_text(age: timedelta) -> str:
    if age.days <= 0:
        return translate("Backups", "today")
    return counted(age.days, translate("Backups", "1 day ago"), translate("Backups", "{n} days ago"))


def size_text(size: int) -> str:
    return QLocale().formattedDataSize(size, 1, QLocale.DataSizeFormat.DataSizeSIFormat)


def kind_label(kind: str) -> str:
    labels = {
        archive.MANUAL: translate("Backups", "Backup"),
        archive.PRE_UPGRADE: translate("Backups", "Before an upgrade"),
        archive.PRE_RESTORE: translate("Backups", "Before a restore"),
    }
    return labels.get(kind, kind)


def status_text(status: BackupStatus, may_back_up: bool) -> tuple[str, str]:
    """The status in words for a user who may (or may not) make backups, and its style ("ok" or "warn")."""
    if status.folder is None:
        text = translate("Backups", "No backup folder has been chosen yet, so the records are not backed up.")
    elif not status.folder_found:
        text = translate("Backups", "The backup folder {folder} cannot be found. If it is on a USB stick or another "
                                    "disk, plug it in.").format(folder=status.folder)
    elif status.last_good is None:
        text = translate("Backups", "There is no usable backup in {folder} yet.").format(folder=status.folder)
    else:
        age = status.age if status.age is not None else timedelta(0)
        text = translate("Backups", "The last good backup was made {when} ({age}).").format(
            when=local_time(status.last_good.created_at), age=age_text(age))
    if not status.needs_attention:
        return text, "ok"
    if may_back_up:
        if status.folder is None:
            advice = translate("Backups", "Choose a backup folder in Administration › Backups.")
        elif not status.folder_found:
            advice = translate("Backups", "Or choose another folder in Administration › Backups.")
        else:
            advice = translate("Backups", "Make a backup now.")
    else:
        advice = translate("Backups", "Only an administrator can make backups: please tell one.")
    return f"{text} {advice}", "warn"


# --- widgets -------------------------------------------------------------------------------------------


class BusyIndicator(QWidget):
    """An indeterminate progress bar and a sentence, shown while work runs; hidden otherwise."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 0)
        self.bar.setTextVisible(False)
        self.bar.setMaximumWidth(160)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setProperty("kind", "hint")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.bar)
        row.addWidget(self.label, 1)
        self.hide()

    def start(self, text: str) -> None:
        self.label.setText(text)
        self.bar.setAccessibleName(text)
        self.show()

    def stop(self) -> None:
        self.hide()


class BusyDialog(QProgressDialog):
    """An indeterminate progress window without a cancel button, closed by :meth:`finish`."""

    def __init__(self, text: str, title: str, parent: QWidget | None = None) -> None:
        super().__init__(text, "", 0, 0, parent)
        self.setWindowTitle(title)
        self.setCancelButton(None)
        self.setMinimumDuration(0)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.setMinimumWidth(420)
        self._dismissable = False

    def finish(self) -> None:
        """The work is over: close."""
        self._dismissable = True
        self.close()

    def offer_close(self, text: str, button: str, on_close: Callable[[], object]) -> None:
        """Show ``text`` with a button ``button`` that (like Escape) closes and calls ``on_close``."""
        self.setLabelText(text)
        bar = self.findChild(QProgressBar)
        if bar is not None:
            bar.hide()  # the work is over
        self._dismissable = True
        self.setCancelButtonText(button)
        self.canceled.connect(on_close)

    def reject(self) -> None:
        if self._dismissable:
            self.canceled.emit()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._dismissable:
            super().closeEvent(event)
        else:
            event.ignore()
