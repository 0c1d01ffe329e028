"""The Backups tab of the Administration screen (administrators).

From top to bottom: the status in one sentence (green when fine, amber when it needs
attention); the backup folder with "Choose folder…" and "Back up now"; the backups of this
installation in that folder, newest first, with "Test restore"; the keep rule of rotation;
and how to restore.

Decisions
---------
* **The folder is chosen, not typed**: a folder dialog (non-blocking) picks it and it is
  checked and remembered at once (:class:`~ui.backup.folder_field.BackupFolderField`, the
  same field as the setup wizard's; on the I/O pool), so the automatic backups and the
  warning use it from then on.  A folder on the same disk as the records is accepted with
  a warning.  "Back up now" also works for a
  folder that is not plugged in: the core's message then says it cannot be found.
* **Back up now** goes through the session's :class:`~ui.backup.common.BackupCoordinator`
  (database thread, rotation after it), so the warning banner and this tab show the same
  state, also while an automatic backup runs; the button is disabled meanwhile.
* **Test restore** tests the selected backup (the newest when nothing is selected) with
  ``operations.test_restore`` and this installation's key, into a temporary folder that is
  deleted afterwards; the result names what was checked and lists every table with its
  row count.  Only this installation's archives are listed, so the key always fits.
* **The keep rule** (daily, weekly, monthly) is saved with
  ``destination.remember_rotation``; the core's messages appear beside the fields.  It
  applies from the next backup on (rotation runs after every backup).
* The folder, the list and the keep rule are read the first time the tab is shown, not
  when the Administration screen is built.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from clinic_app.backup import destination, operations
from clinic_app.backup.archive import BackupEntry
from clinic_app.backup.destination import BackupStatus, KeepRule, Listing
from clinic_app.backup.operations import TrialRestoreReport
from clinic_app.errors import ContinuumError
from ui.backup import jobs
from ui.backup.common import (
    BusyIndicator,
    coordinator,
    counted,
    kind_label,
    local_time,
    size_text,
    status_text,
)
from ui.backup.folder_field import BackupFolderField, same_disk_warning
from ui.backup.jobs import BackupOutcome, ChosenFolder
from ui.forms import Form, message_label, paragraph, set_message
from ui.session import Session
from ui.table_model import RowsModel
from ui.tasks import UnexpectedError, error_text

#: the largest count the keep rule's boxes accept (the core accepts any count of 0 or more)
MAX_KEEP = 999


class BackupsPanel(QScrollArea):
    """Destination, Back up now, the backups with Test restore, the keep rule, how to restore."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.coordinator = coordinator(session)
        self.folder_path: Path | None = None
        self._loaded = False
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        content = QWidget(self)
        layout = QVBoxLayout(content)
        layout.setSpacing(12)
        self.status_line = message_label("ok", content)
        self.status_line.setObjectName("backupStatus")
        layout.addWidget(self.status_line)
        layout.addWidget(self._folder_box(content))
        layout.addWidget(self._list_box(content))
        layout.addWidget(self._keep_box(content))
        layout.addWidget(self._restore_box(content))
        layout.addStretch(1)
        self.setWidget(content)

        self.coordinator.status_changed.connect(self.show_status)
        self.coordinator.backup_started.connect(self._backup_started)
        self.coordinator.backup_finished.connect(self._backup_finished)
        self.coordinator.backup_failed.connect(self._backup_failed)
        if self.coordinator.is_running():
            self._backup_started(0)

    # --- building ------------------------------------------------------------------------------
    def _folder_box(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox(self.tr("Where backups go"), parent)
        self.folder_field = BackupFolderField(self.session.data_dir, self.session.runner, self.tr(
            "A USB stick, a folder on another disk, or a network share: somewhere that survives "
            "if this computer breaks or is stolen. Backups are encrypted: without a password or "
            "the recovery code they cannot be read."), editable=False, parent=box)
        self.folder_field.picked.connect(self.folder_field.remember)
        self.folder_field.remembered.connect(self._folder_used)
        self.back_up_button = QPushButton(self.tr("&Back up now"), box)
        self.back_up_button.clicked.connect(self.back_up_now)
        self.folder_field.buttons.insertWidget(0, self.back_up_button)
        self.busy = BusyIndicator(box)
        self.result = message_label("ok", box)
        self.result.setObjectName("backupResult")
        column = QVBoxLayout(box)
        column.addWidget(self.folder_field)
        column.addWidget(self.busy)
        column.addWidget(self.result)
        return box

    def _list_box(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox(self.tr("Backups in this folder"), parent)
        self.model: RowsModel[BackupEntry] = RowsModel(
            (self.tr("Made"), self.tr("Kind"), self.tr("Size"), self.tr("Continuum version"), self.tr("File")),
            lambda e: (local_time(e.created_at), kind_label(e.kind), size_text(e.size), e.app_version, e.path.name),
            self, right_aligned=(2,))
        self.table = QTableView(box)
        self.table.setObjectName("backupList")
        self.table.setAccessibleName(self.tr("Backups in this folder"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setMinimumHeight(150)
        self.list_message = message_label("hint", box)
        self.list_message.setObjectName("listMessage")
        self.test_button = QPushButton(self.tr("&Test restore"), box)
        self.test_button.setToolTip(self.tr("Restore the selected backup into a temporary folder and check it; "
                                            "nothing here is changed."))
        self.test_button.clicked.connect(self.test_selected)
        self.refresh_button = QPushButton(self.tr("&Refresh"), box)
        self.refresh_button.clicked.connect(self.coordinator.refresh_status)
        buttons = QHBoxLayout()
        buttons.addWidget(self.test_button)
        buttons.addWidget(self.refresh_button)
        buttons.addStretch(1)
        self.test_busy = BusyIndicator(box)
        self.test_result = message_label("ok", box)
        self.test_result.setObjectName("testResult")
        self.counts_model: RowsModel[tuple[str, int]] = RowsModel(
            (self.tr("Table"), self.tr("Rows")), lambda r: (r[0], str(r[1])), self, right_aligned=(1,))
        self.counts = QTableView(box)
        self.counts.setObjectName("rowCounts")
        self.counts.setAccessibleName(self.tr("Rows found in each table"))
        self.counts.setModel(self.counts_model)
        self.counts.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.counts.verticalHeader().hide()
        self.counts.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.counts.horizontalHeader().setStretchLastSection(True)
        self.counts.setMinimumHeight(160)
        self.counts.setMaximumWidth(320)
        self.counts.hide()
        column = QVBoxLayout(box)
        column.addWidget(self.table)
        column.addWidget(self.list_message)
        column.addLayout(buttons)
        column.addWidget(self.test_busy)
        column.addWidget(self.test_result)
        column.addWidget(self.counts)
        return box

    def _keep_box(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox(self.tr("Automatic backups and old backups"), parent)
        intro = paragraph(self.tr(
            "Continuum makes a backup into this folder when an administrator closes it, and once a day "
            "while an administrator is signed in (a counsellor's session cannot make backups). After "
            "every backup, old ones are removed: Continuum keeps the newest backup of each of the last "
            "days, weeks and months below, and always the newest one."), box)
        self.keep_form = Form(box)
        self.keep_daily, self.keep_weekly, self.keep_monthly = QSpinBox(box), QSpinBox(box), QSpinBox(box)
        for key, label, spin in (("keep_daily", self.tr("&Days:"), self.keep_daily),
                                 ("keep_weekly", self.tr("&Weeks:"), self.keep_weekly),
                                 ("keep_monthly", self.tr("&Months:"), self.keep_monthly)):
            spin.setRange(0, MAX_KEEP)
            spin.setMaximumWidth(100)
            self.keep_form.add_field(key, label, spin)
        self.save_keep_button = QPushButton(self.tr("&Save"), box)
        self.save_keep_button.clicked.connect(self.save_keep_rule)
        self.keep_form.add_action(self.save_keep_button)
        self.keep_message = message_label("ok", box)
        row = QHBoxLayout()
        row.addWidget(self.save_keep_button)
        row.addWidget(self.keep_message, 1)
        column = QVBoxLayout(box)
        column.addWidget(intro)
        column.addWidget(self.keep_form)
        column.addLayout(row)
        return box

    def _restore_box(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox(self.tr("Restoring a backup"), parent)
        column = QVBoxLayout(box)
        column.addWidget(paragraph(self.tr(
            "To restore a backup, quit Continuum, start it again and choose “Restore from a backup…” in "
            "the sign-in window. A restore needs an administrator's password or the recovery code, and "
            "the records here are backed up before anything is replaced."), box))
        column.addWidget(paragraph(self.tr(
            "Moving to a new computer is a restore: make a backup here, install Continuum on the new "
            "computer, choose “Restore a backup instead…” on its first page, then sign in as usual."), box))
        return box

    # --- loading ------------------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._loaded:
            self._loaded = True
            self.coordinator.refresh_status()
            data_dir = self.session.data_dir
            self.session.runner.run_io(lambda: destination.configured_rotation(data_dir), self._show_keep_rule)

    def show_status(self, status: BackupStatus) -> None:
        text, kind = status_text(status, True)
        set_message(self.status_line, text, kind)
        self.folder_path = status.folder
        self.folder_field.set_folder(status.folder)
        self.back_up_button.setEnabled(status.folder is not None and not self.coordinator.is_running())
        if status.folder_found and status.folder is not None:
            folder, db_id = status.folder, self.session.ws.db_id
            self.session.runner.run_io(lambda: jobs.backups_in(folder, db_id), self._show_listing, self._listing_failed)
        else:
            self._show_listing(None)

    def _show_listing(self, listing: Listing | None) -> None:
        self.model.set_rows(listing.backups if listing else ())
        self.test_button.setEnabled(bool(self.model.rows()))
        if self.model.rows():
            self.table.selectRow(0)
        notes = []
        if listing is not None and not listing.backups:
            notes.append(self.tr("There are no backups of these records in this folder yet."))
        if listing is not None and listing.unreadable:
            notes.append(counted(len(listing.unreadable),
                                 self.tr("1 file in this folder cannot be read as a backup and was left alone."),
                                 self.tr("{n} files in this folder cannot be read as backups and were left alone.")))
        set_message(self.list_message, " ".join(notes))

    def _listing_failed(self, exc: ContinuumError) -> None:
        self._show_listing(None)
        set_message(self.list_message, error_text(exc))

    def _show_keep_rule(self, rule: KeepRule) -> None:
        self.keep_daily.setValue(rule.daily)
        self.keep_weekly.setValue(rule.weekly)
        self.keep_monthly.setValue(rule.monthly)

    # --- the folder and Back up now ----------------------------------------------------------------
    def _folder_used(self, chosen: ChosenFolder) -> None:
        text = self.tr("Backups will be written to {folder}. Make the first one now with “Back up now”.").format(
            folder=chosen.folder)
        set_message(self.result, f"{text} {same_disk_warning()}" if chosen.same_disk else text,
                    "warn" if chosen.same_disk else "ok")
        self.coordinator.refresh_status()

    def back_up_now(self) -> None:
        if self.folder_path is not None and not self.coordinator.is_running():
            self.coordinator.back_up(self.folder_path)

    def _backup_started(self, _request: int) -> None:
        self.back_up_button.setEnabled(False)
        set_message(self.result, "")
        self.busy.start(self.tr("Making the backup and checking it… The window can be used meanwhile."))

    def _backup_finished(self, _request: int, outcome: BackupOutcome) -> None:
        self.busy.stop()
        entry = outcome.entry
        lines = [self.tr("Backup made: {file} ({size}). It was read back and checked after writing.").format(
            file=entry.path.name, size=size_text(entry.size))]
        if outcome.removed:
            lines.append(counted(len(outcome.removed), self.tr("1 old backup was removed by the keep rule."),
                                 self.tr("{n} old backups were removed by the keep rule.")))
        lines.extend(outcome.skipped)
        kind = "ok"
        if outcome.rotation_error:
            lines.append(self.tr("Old backups could not be removed: {reason}.").format(reason=outcome.rotation_error))
            kind = "warn"
        set_message(self.result, "\n".join(lines), kind)

    def _backup_failed(self, _request: int, exc: ContinuumError) -> None:
        self.busy.stop()
        if not isinstance(exc, UnexpectedError):
            set_message(self.result, self.tr("The backup failed: {reason}").format(reason=error_text(exc)), "error")

    # --- test restore -----------------------------------------------------------------------------------
    def selected_backup(self) -> BackupEntry | None:
        rows = self.table.selectionModel().selectedRows()
        backups = self.model.rows()
        if rows:
            return backups[rows[0].row()]
        return backups[0] if backups else None

    def test_selected(self) -> None:
        entry = self.selected_backup()
        if entry is None:
            return
        ws, actor, path = self.session.ws, self.session.actor, entry.path
        self.test_button.setEnabled(False)
        set_message(self.test_result, "")
        self.counts.hide()
        self.test_busy.start(
            self.tr("Restoring {file} into a temporary folder and checking it…").format(file=path.name))
        self.session.runner.run_db(lambda: operations.test_restore(path, ws=ws, actor=actor),
                                   self._tested, self._test_failed)

    def _tested(self, report: TrialRestoreReport) -> None:
        self.test_busy.stop()
        self.test_button.setEnabled(True)
        made = self.tr("The backup was made {when} of the records of {organisation}.").format(
            when=local_time(report.created_at), organisation=report.organisation)
        if report.ok:
            text = self.tr(
                "The test restore of {file} found no problem: the backup opened; SQLCipher's and SQLite's "
                "integrity checks passed; {entries} are intact; every table holds the rows recorded when "
                "the backup was made.").format(file=report.archive.name, entries=counted(
                    report.audit_entries_checked or 0, self.tr("the audit log's 1 entry"),
                    self.tr("the audit log's {n} entries")))
            set_message(self.test_result, f"{text} {made}", "ok")
        else:
            text = self.tr("The test restore of {file} found problems:").format(file=report.archive.name)
            set_message(self.test_result, "\n".join([text, *report.problems, made]), "error")
        self.counts_model.set_rows(tuple(sorted(report.row_counts.items())))
        self.counts.show()

    def _test_failed(self, exc: ContinuumError) -> None:
        self.test_busy.stop()
        self.test_button.setEnabled(True)
        if not isinstance(exc, UnexpectedError):
            set_message(self.test_result, self.tr("The test restore failed: {reason}").format(reason=error_text(exc)),
                        "error")

    # --- the keep rule ------------------------------------------------------------------------------------
    def save_keep_rule(self) -> None:
        if self.keep_form.busy:
            return
        set_message(self.keep_message, "")
        data_dir = self.session.data_dir
        daily, weekly, monthly = self.keep_daily.value(), self.keep_weekly.value(), self.keep_monthly.value()
        self.keep_form.clear_errors()
        self.keep_form.set_busy(True)
        self.session.runner.run_io(lambda: destination.remember_rotation(data_dir, daily, weekly, monthly),
                                   self._keep_saved, self._keep_failed)

    def _keep_saved(self, rule: KeepRule) -> None:
        self.keep_form.set_busy(False)
        self._show_keep_rule(rule)
        set_message(self.keep_message, self.tr("Saved. It applies from the next backup on."), "ok")

    def _keep_failed(self, exc: ContinuumError) -> None:
        self.keep_form.set_busy(False)
        self.keep_form.show_error(exc)
