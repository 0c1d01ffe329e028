"""The setup wizard, shown when the data folder is empty.

Pages: welcome (what is about to happen, in plain words), the organisation's name, the
first administrator (user name, full name, password twice with live policy feedback),
then the recovery code.  The administrator page is the commit page: its "Create" button
runs ``workspace.create_installation`` on the database thread; the service's messages go
beside the matching fields (the organisation's on the organisation page).  Once the
installation exists there is no going back and no cancelling: the recovery code page
shows the code once, in large selectable monospace, offers to print the recovery sheet or
save it as PDF (``clinic_app.documents.recovery_sheet``), and enables Finish only after the
user confirms the code has been kept somewhere safe.  The code is never written anywhere
by the wizard itself.

The last page, reached with "Next: backups" from the recovery code page, chooses the
first backup folder in plain words (a USB stick or a folder on another disk), remembered
with ``destination.remember_destination`` (the installation exists by then); "Choose
later" is allowed, with a clear warning, and the main window keeps warning until a folder
is chosen.  **Decision**: the recovery code page stays a final page (Finish works there
too, once the code is kept), so that the one step that cannot be repeated never waits on
an optional one.  Once the installation exists the Cancel button is gone.

The welcome page offers "Restore a backup instead…" (``restore_requested``), the way onto
a new computer: the launcher opens the restore wizard in place of this one.
"""

from __future__ import annotations

import functools
from datetime import date
from pathlib import Path

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from clinic_app import workspace
from clinic_app.documents.recovery_sheet import render_recovery_sheet
from clinic_app.errors import ContinuumError, ValidationError
from clinic_app.services.auth import Actor
from clinic_app.workspace import Workspace
from ui.backup import jobs
from ui.backup.common import choose_folder
from ui.dialogs import ask_save_path
from ui.forms import Form, PasswordPair, message_label, paragraph, plain_label, set_message
from ui.printing import print_pdf
from ui.tasks import TaskRunner


class WelcomePage(QWizardPage):
    def __init__(self, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Welcome to Continuum"))
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        for text in (
            self.tr("Continuum keeps your organisation's client records on this computer. "
                    "Everything is encrypted: without a password nobody can read it, even with a copy of the files."),
            self.tr("Setting up takes three short steps:"),
            self.tr("1. Type your organisation's name.\n"
                    "2. Create the first administrator account: the person who will add the other accounts.\n"
                    "3. Print the recovery code and put it somewhere safe. It opens the records "
                    "if every administrator password is forgotten."),
            self.tr("The records will be kept in this folder:\n{folder}").format(folder=data_dir),
        ):
            layout.addWidget(paragraph(text, self))
        layout.addStretch(1)
        layout.addWidget(paragraph(self.tr(
            "Moving Continuum from another computer, or starting again after a breakdown? Restore a backup "
            "instead of setting up a new, empty database."), self))
        self.restore_button = QPushButton(self.tr("&Restore a backup instead…"), self)
        self.restore_button.setObjectName("linkButton")
        self.restore_button.setFlat(True)
        self.restore_button.setCursor(Qt.CursorShape.PointingHandCursor)
        layout.addWidget(self.restore_button, 0, Qt.AlignmentFlag.AlignLeft)


class OrganisationPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Your organisation"))
        self.setSubTitle(self.tr("The name appears at the top of every printed document. You can change it later."))
        self.form = Form(self)
        self.name = QLineEdit(self)
        self.form.add_field("organisation", self.tr("Organisation &name:"), self.name)
        self.name.textChanged.connect(self.completeChanged)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addStretch(1)

    def isComplete(self) -> bool:
        return bool(self.name.text().strip())


class AdministratorPage(QWizardPage):
    """The first administrator; pressing Create makes the installation."""

    def __init__(self, wizard: "SetupWizard") -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.setTitle(self.tr("The first administrator"))
        self.setSubTitle(self.tr("This account manages the other accounts and the settings. "
                                 "Choose a password you will remember; nobody can look it up for you."))
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Create"))
        self.form = Form(self)
        self.user_name = QLineEdit(self)
        self.full_name = QLineEdit(self)
        self.form.add_field("admin", self.tr("&User name:"), self.user_name,
                            self.tr("What you type to sign in, e.g. “ana”."))
        self.form.add_field("full_name", self.tr("&Full name:"), self.full_name)
        self.passwords = PasswordPair(self.form, self.user_name.text)
        self.passwords.watch(self.user_name)
        self.form.busy_changed.connect(self.completeChanged)
        self.progress = message_label("hint", self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.progress)
        layout.addStretch(1)

    def isComplete(self) -> bool:
        return not self.form.busy

    def validatePage(self) -> bool:
        wizard = self._wizard
        if wizard.workspace is not None:
            return True
        if self.form.busy:
            return False
        data_dir, org = wizard.data_dir, wizard.organisation_page.name.text()
        name, full_name, password = self.user_name.text(), self.full_name.text(), self.passwords.text()
        if self.form.submit(wizard.runner,
                            lambda: workspace.create_installation(data_dir, org, name, password, full_name),
                            self._created, self._failed):
            set_message(self.progress, self.tr("Creating the encrypted database…"))
        return False

    def _created(self, result: tuple[Workspace, Actor, str]) -> None:
        set_message(self.progress, "")
        self._wizard.installation_created(*result)
        self._wizard.next()

    def _failed(self, exc: ContinuumError) -> None:
        set_message(self.progress, "")
        if isinstance(exc, ValidationError):
            organisation = self._wizard.organisation_page.form
            organisation.clear_errors()
            rest = organisation.show_errors(exc.errors)
            if len(rest) < len(exc.errors):
                self._wizard.back()
            if not rest:
                return
            exc = ValidationError(rest)
        self.form.show_error(exc)


class RecoveryCodePage(QWizardPage):
    """Shows the recovery code once; Finish needs the "I have kept it" confirmation."""

    def __init__(self, wizard: "SetupWizard") -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.setFinalPage(True)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Next: backups"))
        self.setTitle(self.tr("Your recovery code"))
        self.setSubTitle(self.tr("Print this code or write it down now. It is shown only this once."))
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(paragraph(self.tr(
            "If every administrator password is forgotten, this code is the only way to open the records "
            "again. It is also needed to restore a backup on a new computer. Keep the sheet locked away, "
            "not on the computer."), self))
        self.code = QLabel(self)
        self.code.setObjectName("recoveryCode")
        self.code.setAccessibleName(self.tr("Recovery code"))
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(max(font.pointSizeF(), 10) * 1.7)
        font.setBold(True)
        self.code.setFont(font)
        self.code.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                          | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.code.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        layout.addWidget(self.code)

        row = QHBoxLayout()
        self.print_button = QPushButton(self.tr("&Print the recovery sheet…"), self)
        self.save_button = QPushButton(self.tr("&Save the recovery sheet as PDF…"), self)
        self.print_button.clicked.connect(self.ask_printer)
        self.save_button.clicked.connect(self.ask_save)
        row.addWidget(self.print_button)
        row.addWidget(self.save_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.status = message_label("hint", self)
        self.status.setObjectName("sheetStatus")
        layout.addWidget(self.status)
        layout.addStretch(1)
        self.kept = QCheckBox(self.tr("I have &printed or written down the recovery code and put it somewhere safe."), self)
        self.kept.setAccessibleName(plain_label(self.kept.text()))
        self.kept.toggled.connect(self.completeChanged)
        layout.addWidget(self.kept)

    def initializePage(self) -> None:
        self.code.setText(self._wizard.recovery_code)

    def isComplete(self) -> bool:
        return self.kept.isChecked()

    # --- the sheet ----------------------------------------------------------------------
    def _render(self) -> bytes:
        w = self._wizard
        return render_recovery_sheet(w.organisation_page.name.text().strip(), w.recovery_code, date.today(),
                                     QLocale().name())

    def _set_busy(self, busy: bool) -> None:
        self.print_button.setEnabled(not busy)
        self.save_button.setEnabled(not busy)

    def _failed(self, exc: ContinuumError) -> None:
        self._set_busy(False)
        set_message(self.status, str(exc), "error")

    def ask_save(self) -> None:
        ask_save_path(self, self.tr("Save the recovery sheet"), str(Path.home() / "recovery-sheet.pdf"),
                      self.tr("PDF documents (*.pdf)"), "pdf", self.save_to)

    def save_to(self, path: str) -> None:
        """Render the sheet and write it to ``path`` (on the I/O pool)."""
        self._set_busy(True)
        render = self._render
        self._wizard.runner.run_io(lambda: Path(path).write_bytes(render()), functools.partial(self._saved, path),
                                  self._failed)

    def _saved(self, path: str, _size: int) -> None:
        self._set_busy(False)
        set_message(self.status, self.tr(
            "The recovery sheet was saved as {path}. Print it now, then delete the file: "
            "the code must not stay on the computer.").format(path=path), "ok")

    def ask_printer(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.accepted.connect(lambda: self.print_to(printer))
        dialog.show()  # PySide exposes only QPrintDialog.open(receiver, member); this is the plain open()

    def print_to(self, printer: QPrinter) -> None:
        """Render the sheet on the I/O pool, then send it to ``printer``."""
        self._set_busy(True)
        self._wizard.runner.run_io(self._render, functools.partial(self._print, printer=printer), self._failed)

    def _print(self, pdf: bytes, printer: QPrinter) -> None:
        try:
            print_pdf(pdf, printer)
        except ContinuumError as exc:
            self._failed(exc)
            return
        self._set_busy(False)
        set_message(self.status, self.tr("The recovery sheet was sent to the printer."), "ok")


class BackupFolderPage(QWizardPage):
    """The first backup folder, or "later" with a warning; the folder is remembered on Finish."""

    def __init__(self, wizard: "SetupWizard") -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.remembered = False
        self.setTitle(self.tr("Where to keep backups"))
        self.setSubTitle(self.tr("Optional now, but do not leave it for long."))
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        for text in (
            self.tr("A backup is an encrypted copy of all the records. Keep it away from this computer: on a "
                    "USB stick, or in a folder on another disk or on a network share, so that the records "
                    "survive if this computer breaks, is lost or is stolen."),
            self.tr("Continuum makes a backup there every time an administrator closes it, and once a day "
                    "while an administrator is signed in. It keeps the newest backup of each of the last "
                    "7 days, 4 weeks and 12 months; this can be changed in Administration › Backups."),
        ):
            layout.addWidget(paragraph(text, self))
        self.form = Form(self)
        self.folder = QLineEdit(self)
        self.form.add_field("folder", self.tr("Backup &folder:"), self.folder,
                            self.tr("For example the USB stick's drive, or a folder on another disk."))
        self.folder.textChanged.connect(self.completeChanged)
        self.folder.textChanged.connect(lambda: self.form.clear_errors())  # an old message no longer applies
        layout.addWidget(self.form)
        self.choose_button = QPushButton(self.tr("&Choose folder…"), self)
        self.choose_button.clicked.connect(
            lambda: choose_folder(self, self.tr("Choose the backup folder"), None, self.folder.setText))
        self.form.add_action(self.choose_button)
        row = QHBoxLayout()
        row.addWidget(self.choose_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.later = QCheckBox(self.tr("Choose &later"), self)
        self.later.setAccessibleName(plain_label(self.later.text()))
        self.later.toggled.connect(self._later_toggled)
        layout.addWidget(self.later)
        self.warning = message_label("warn", self)
        self.warning.setObjectName("laterWarning")
        layout.addWidget(self.warning)
        layout.addStretch(1)

    def _later_toggled(self, later: bool) -> None:
        self.folder.setEnabled(not later)
        self.choose_button.setEnabled(not later)
        self.form.clear_errors()
        set_message(self.warning, self.tr(
            "Without a backup, a broken, lost or stolen computer means every record is lost. Continuum "
            "will warn on every start until a backup folder is chosen in Administration › Backups.")
            if later else "")
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return not self.form.busy and (self.later.isChecked() or bool(self.folder.text().strip()))

    def validatePage(self) -> bool:
        if self.later.isChecked() or self.remembered:
            return True
        if self.form.busy:
            return False
        data_dir, folder = self._wizard.data_dir, Path(self.folder.text().strip()).expanduser()
        missing = self.tr("There is no folder {folder}. Plug in the USB stick, or choose another folder.").format(
            folder=folder)
        self.form.clear_errors()
        self.form.set_busy(True)
        self._wizard.runner.run_io(lambda: jobs.use_folder(data_dir, folder, missing), self._remembered,
                                   self._failed)
        return False

    def _remembered(self, _folder: Path) -> None:
        self.form.set_busy(False)
        self.remembered = True
        self._wizard.accept()

    def _failed(self, exc: ContinuumError) -> None:
        self.form.set_busy(False)
        self.form.show_error(exc)


class SetupWizard(QWizard):
    """Creates a new installation in ``data_dir``; afterwards ``workspace`` and ``actor`` are set."""

    #: the user chose to restore a backup instead (welcome page)
    restore_requested = Signal()

    def __init__(self, data_dir: Path, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data_dir, self.runner = data_dir, runner
        self.workspace: Workspace | None = None
        self.actor: Actor | None = None
        self.recovery_code = ""
        self.setWindowTitle(self.tr("Set up Continuum"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage)
        self.setMinimumSize(680, 520)
        self.welcome_page = WelcomePage(data_dir, self)
        self.organisation_page = OrganisationPage(self)
        self.administrator_page = AdministratorPage(self)
        self.recovery_page = RecoveryCodePage(self)
        self.backup_page = BackupFolderPage(self)
        for page in (self.welcome_page, self.organisation_page, self.administrator_page, self.recovery_page,
                     self.backup_page):
            self.addPage(page)
        self.welcome_page.restore_button.clicked.connect(lambda: self.restore_requested.emit())

    def installation_created(self, ws: Workspace, actor: Actor, code: str) -> None:
        self.workspace, self.actor, self.recovery_code = ws, actor, code
        self.setOption(QWizard.WizardOption.NoCancelButton)  # there is no going back now

    def reject(self) -> None:
        # Once the installation exists the only way on is Finish (after the code was kept).
        if self.workspace is None and not self.administrator_page.form.busy:
            super().reject()
