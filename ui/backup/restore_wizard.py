"""The restore wizard: put a backup in place of the records in the data folder (also on a new computer).

Pages:

1. **The backup.**  A file chosen with "Browse…" (or handed in: the newest backup that
   the start-up check found; otherwise the newest good backup of this installation is
   looked up and filled in).  It is checked on the I/O pool before Next is allowed: the
   archive's structure, seal and SHA-256 of every part, and its version: a backup made by
   a newer Continuum is refused with the core's message saying which version to install.
2. **Who restores** (the commit page, button "Restore").  An administrator's user name and
   password, or the recovery code.  The page says why: the core lets any account's
   password *open* a backup (a test restore), but only an administrator's password or the
   recovery code may *restore* one, because it replaces everybody's records.  It also says
   what happens to the records already here (backed up first, or kept under a new name
   when they cannot be read; nothing is deleted).  ``operations.restore`` then runs on the
   database thread behind a busy indicator: it checks the copy, upgrades a backup of an
   older version, and only then touches the data folder.  Its messages appear beside the
   fields (a wrong password under the password, a bad code under the code).
3. **Done.**  What was restored (when it was made, the organisation, how many clients),
   whether it was upgraded, where the previous files went, and what to do next: sign in as
   usual; a password bound to the old computer does not work here, use the recovery code.

The wizard emits :attr:`RestoreWizard.closing` (True when a backup was restored) before it
hides, so the caller can show the next window first (the application must never be left
without a window, or it quits).  The data folder must not be open while the wizard runs:
it is opened from the sign-in window, the setup wizard and the start-up problem dialog only.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from clinic_app.backup import destination, operations
from clinic_app.backup.archive import BackupEntry
from clinic_app.backup.operations import RestoreReport
from clinic_app.errors import ContinuumError, SignInFailed
from ui.backup import jobs
from ui.backup.common import BusyIndicator, choose_backup_file, counted, kind_label, local_time, size_text
from ui.forms import Form, message_label, paragraph, set_message
from ui.tasks import TaskRunner, UnexpectedError, error_text


class ChooseBackupPage(QWizardPage):
    """The backup file, checked (structure, hashes, version) before Next."""

    def __init__(self, wizard: RestoreWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.entry: BackupEntry | None = None
        self._checking: str | None = None
        #: the file whose check failed (Next stays disabled until another is named)
        self._refused: str | None = None
        self._next_after_check = False
        self.setTitle(self.tr("Choose the backup"))
        self.setSubTitle(self.tr("Restoring puts the records of a backup in place of the records in {folder}.").format(
            folder=wizard.data_dir))
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(paragraph(self.tr(
            "This is also how Continuum moves to a new computer: choose the newest backup of the old "
            "computer (for example on a USB stick), restore it here, then sign in as usual."), self))
        self.form = Form(self)
        self.path = QLineEdit(self)
        self.form.add_field("archive", self.tr("Backup &file:"), self.path,
                            self.tr("A file whose name ends in “.continuum-backup”."))
        self.path.textEdited.connect(self._edited)
        self.path.editingFinished.connect(self._check_typed)
        layout.addWidget(self.form)
        self.browse_button = QPushButton(self.tr("&Browse…"), self)
        self.browse_button.clicked.connect(self.browse)
        row = QHBoxLayout()
        row.addWidget(self.browse_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.busy = BusyIndicator(self)
        layout.addWidget(self.busy)
        self.summary = message_label("ok", self)
        self.summary.setObjectName("archiveSummary")
        layout.addWidget(self.summary)
        layout.addStretch(1)

    def set_archive(self, path: Path, note: str = "") -> None:
        """Fill in ``path`` and check it (``note`` says where it came from)."""
        self.path.setText(str(path))
        self.check(note)

    def browse(self) -> None:
        current = Path(self.path.text()).parent if self.path.text().strip() else self._wizard.start_folder
        choose_backup_file(self, current, lambda chosen: self.set_archive(Path(chosen)))

    def _edited(self) -> None:
        self.entry = None
        self._refused = None
        set_message(self.summary, "")
        self.completeChanged.emit()

    def _check_typed(self) -> None:
        if self.path.text().strip() and self.entry is None and self._checking is None:
            self.check()

    def check(self, note: str = "") -> None:
        """Check the file named in the field on the I/O pool."""
        path = self.path.text().strip()
        self.entry = None
        self._refused = None
        self._checking = path
        self.form.clear_errors()
        set_message(self.summary, "")
        self.busy.start(self.tr("Checking the backup…"))
        self.completeChanged.emit()
        self._wizard.runner.run_io(lambda: jobs.check_archive(Path(path)),
                                   functools.partial(self._checked, path, note),
                                   functools.partial(self._check_failed, path))

    def _checked(self, path: str, note: str, entry: BackupEntry) -> None:
        if path != self._checking:
            return  # the field changed meanwhile; a newer check is running
        self._checking = None
        self.busy.stop()
        if path != self.path.text().strip():
            self.completeChanged.emit()
            return
        self.entry = entry
        lines = [self.tr("✓ A backup made {when} by Continuum {version} ({kind}, {size}). Its structure and "
                         "checksums are intact.").format(
            when=local_time(entry.created_at), version=entry.app_version, kind=kind_label(entry.kind).lower(),
            size=size_text(entry.size))]
        if note:
            lines.append(note)
        set_message(self.summary, "\n".join(lines), "ok")
        self.completeChanged.emit()
        if self._next_after_check:
            self._next_after_check = False
            self._wizard.next()

    def _check_failed(self, path: str, exc: ContinuumError) -> None:
        if path != self._checking:
            return
        self._checking = None
        self._refused = path
        self._next_after_check = False
        self.busy.stop()
        if not isinstance(exc, UnexpectedError):
            self.form.show_errors({"archive": error_text(exc)})
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        path = self.path.text().strip()
        return bool(path) and self._checking is None and path != self._refused

    def validatePage(self) -> bool:
        if self.entry is not None and str(self.entry.path) == self.path.text().strip():
            return True
        self._next_after_check = True
        self.check()
        return False


class CredentialsPage(QWizardPage):
    """An administrator's password or the recovery code; pressing Restore restores."""

    def __init__(self, wizard: RestoreWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.setTitle(self.tr("Who is restoring"))
        self.setSubTitle(self.tr("A restore replaces every record here, so it needs an administrator's password "
                                 "or the recovery code."))
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Restore"))
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(paragraph(self.tr(
            "Any account's password can open a backup to test it, but only an administrator's password, "
            "or the recovery code from the printed recovery sheet, can restore one. Use the password the "
            "account had when the backup was made."), self))
        self.use_password = QRadioButton(self.tr("An &administrator's user name and password"), self)
        self.use_code = QRadioButton(self.tr("The recovery &code"), self)
        self.choice = QButtonGroup(self)
        self.choice.addButton(self.use_password)
        self.choice.addButton(self.use_code)
        self.use_password.setChecked(True)
        self.form = Form(self)
        self.user = QLineEdit(self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.code = QLineEdit(self)
        self.code.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX")
        self.form.add_field("user", self.tr("&User name:"), self.user)
        self.form.add_field("password", self.tr("&Password:"), self.password)
        self.form.add_field("recovery_code", self.tr("Recovery co&de:"), self.code,
                            self.tr("Upper or lower case; the hyphens may be left out."))
        self.form.add_action(self.use_password)
        self.form.add_action(self.use_code)
        self.use_password.toggled.connect(self._choice_changed)
        self.form.busy_changed.connect(self._busy_changed)
        layout.addWidget(self.use_password)
        layout.addWidget(self.use_code)
        layout.addWidget(self.form)
        self.safety = paragraph(self.tr(
            "Before anything is replaced, the backup is checked again and put together in a separate "
            "folder; a backup made by an older version is upgraded there. Then the records now in this "
            "folder are backed up into “pre-restore-backups” inside it, or, if they cannot be read, kept "
            "under a new name ending in “.damaged-” and the date. Nothing is deleted."), self)
        self.safety.setProperty("kind", "hint")
        layout.addWidget(self.safety)
        self.busy = BusyIndicator(self)
        layout.addWidget(self.busy)
        layout.addStretch(1)
        self._choice_changed()

    def _choice_changed(self) -> None:
        by_password = self.use_password.isChecked()
        for field in (self.user, self.password):
            field.setEnabled(by_password and not self.form.busy)
        self.code.setEnabled(not by_password and not self.form.busy)
        self.form.clear_errors()
        (self.user if by_password else self.code).setFocus()

    def _busy_changed(self, busy: bool) -> None:
        if busy:
            self.busy.start(self.tr("Checking and restoring the backup… This can take a few minutes."))
        else:
            self.busy.stop()
            self._choice_changed()
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return not self.form.busy

    def credentials(self) -> dict[str, Any]:
        if self.use_code.isChecked():
            return {"recovery_code": self.code.text()}
        return {"user": self.user.text(), "password": self.password.text()}

    def validatePage(self) -> bool:
        wizard = self._wizard
        if wizard.report is not None:
            return True
        entry = wizard.choose_page.entry
        if self.form.busy or entry is None:
            return False
        archive_path, data_dir, credentials = entry.path, wizard.data_dir, self.credentials()
        self.form.submit(wizard.runner, lambda: operations.restore(archive_path, data_dir, **credentials),
                         self._restored, self._failed)
        return False

    def _restored(self, report: RestoreReport) -> None:
        self._wizard.restored(report, self.user.text().strip() if self.use_password.isChecked() else "")
        self._wizard.next()

    def _failed(self, exc: ContinuumError) -> None:
        if isinstance(exc, SignInFailed):
            field = "password" if self.use_password.isChecked() else "recovery_code"
            self.form.show_errors({field: str(exc)})
            self.password.clear()
        else:
            self.form.show_error(exc)


class DonePage(QWizardPage):
    """What was restored, where the previous files went, and what to do next."""

    def __init__(self, wizard: RestoreWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.setTitle(self.tr("The backup has been restored"))
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        self.summary = paragraph("", self)
        self.summary.setObjectName("restoreSummary")
        self.previous = paragraph("", self)
        self.previous.setObjectName("previousFiles")
        self.next_steps = paragraph(self.tr(
            "Sign in as usual. A password that was bound to the old computer does not work on a new one: "
            "use “Forgot your password? Use the recovery code…” in the sign-in window and set a new one."), self)
        for label in (self.summary, self.previous, self.next_steps):
            layout.addWidget(label)
        layout.addStretch(1)

    def initializePage(self) -> None:
        report = self._wizard.report
        assert report is not None
        lines = [self.tr("The backup made {when} of the records of {organisation} is now in place in {folder}.").format(
            when=local_time(report.created_at), organisation=report.organisation, folder=report.data_dir)]
        clients = report.row_counts.get("clients")
        if clients is not None:
            lines.append(counted(clients, self.tr("It holds 1 client."), self.tr("It holds {n} clients.")))
        if report.migrated:
            lines.append(self.tr("It was made by an older version of Continuum and has been upgraded "
                                 "(database schema {old} → {new}).").format(old=report.schema_from,
                                                                             new=report.schema_to))
        self.summary.setText(" ".join(lines))
        if report.pre_restore_backup is not None:
            text = self.tr("The records that were here before are kept in the backup {file}.").format(
                file=report.pre_restore_backup)
        elif report.set_aside:
            text = self.tr("The files that were here before could not be read, so they were kept under new "
                           "names:\n{files}").format(files="\n".join(str(p) for p in report.set_aside))
        else:
            text = self.tr("There were no records here before.")
        self.previous.setText(text)


class RestoreWizard(QWizard):
    """Choose a backup, give an administrator's password or the recovery code, restore."""

    #: the wizard is about to hide; True when a backup was restored
    closing = Signal(bool)

    def __init__(self, data_dir: Path, runner: TaskRunner, archive: Path | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data_dir, self.runner = Path(data_dir), runner
        self.report: RestoreReport | None = None
        #: the administrator whose password restored the backup ('' for the recovery code)
        self.restored_by = ""
        self.start_folder = destination.configured_destination(self.data_dir)
        self.setWindowTitle(self.tr("Restore from a backup – Continuum"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage)
        self.setMinimumSize(680, 540)
        self.choose_page = ChooseBackupPage(self)
        self.credentials_page = CredentialsPage(self)
        self.done_page = DonePage(self)
        for page in (self.choose_page, self.credentials_page, self.done_page):
            self.addPage(page)
        if archive is not None:
            self.choose_page.set_archive(archive, self.tr("This is the newest backup found."))
        else:
            data = self.data_dir
            runner.run_io(lambda: jobs.newest_backup_for(data), self._newest_found)

    def _newest_found(self, entry: BackupEntry | None) -> None:
        if entry is not None and not self.choose_page.path.text().strip():
            self.choose_page.set_archive(entry.path, self.tr("This is the newest backup found in the backup folder."))

    def restored(self, report: RestoreReport, by: str) -> None:
        self.report, self.restored_by = report, by

    def reject(self) -> None:
        if not self.credentials_page.form.busy:  # the restore is running: its result must still arrive
            super().reject()

    def done(self, result: int) -> None:
        self.closing.emit(self.report is not None)
        super().done(result)
