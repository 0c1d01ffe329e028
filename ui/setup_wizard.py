"""The setup wizard, shown when the data folder is empty.

Pages, in plain words and short sentences:

1. welcome: what is about to happen, the folder the records will be kept in, and
   "Restore a backup instead…" (``restore_requested``: the way onto a new computer; the
   launcher opens the restore wizard in place of this one);
2. the organisation's name;
3. what the recovery code is and why it matters: nobody, not even the makers of
   Continuum, can open the records without a password or the code (read before the
   password is chosen and while going back is still possible);
4. the first administrator (user name, full name, password twice with live policy
   feedback).  This is the commit page: its "Create" button runs
   ``workspace.create_installation`` on the database thread; the service's messages go
   beside the matching fields (the organisation's on the organisation page).  Once the
   installation exists there is no going back and no cancelling;
5. the recovery code, shown once in large selectable monospace, with "Print the recovery
   sheet…" and "Save the recovery sheet as PDF…" (``clinic_app.documents.recovery_sheet``);
   Next needs the confirmation that the code has been kept somewhere safe.  The wizard
   never writes the code anywhere itself;
6. why backups matter (a stolen or broken computer), where to keep them (a USB stick or a
   second disk kept apart), and that they are encrypted;
7. the first backup folder: the Backups tab's own field
   (:class:`~ui.backup.folder_field.BackupFolderField`: typed or chosen, checked and
   remembered with ``destination.remember_destination`` on the I/O pool when the user goes
   on; a refusal appears under the field), or "I will do this later", allowed only with
   its warning shown; the main window keeps warning until a folder is chosen.  This page
   commits the choice (no way back to it afterwards);
8. ready: the first backup is made at once into the chosen folder, with the same job as
   "Back up now" (:func:`ui.backup.jobs.make_backup`: verified, then rotated), and its
   result shown ("Try again" if it failed); Finish waits while it runs.  Then the next
   steps (accounts, F1 for the user guide).

**Decisions**: Finish is only on the last page, so backups are part of setup, and the
one optional step ("later") says plainly what it costs.  The first backup is made, not
offered, because a user who has just chosen a folder expects it to be used, and the
result proves the folder works.
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
from ui.backup.common import BusyIndicator, size_text
from ui.backup.folder_field import BackupFolderField, same_disk_warning
from ui.backup.jobs import BackupOutcome, ChosenFolder
from ui.dialogs import ask_save_path
from ui.forms import Form, PasswordPair, message_label, paragraph, plain_label, set_message
from ui.printing import print_pdf
from ui.tasks import TaskRunner, UnexpectedError, error_text


class WelcomePage(QWizardPage):
    def __init__(self, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Welcome to Continuum"))
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        for text in (
            self.tr("Continuum keeps your organisation's client records on this computer. "
                    "Everything is encrypted: without a password nobody can read it, even with a copy of the files."),
            self.tr("Setting up takes four short steps:"),
            self.tr("1. Type your organisation's name.\n"
                    "2. Create the first administrator account: the person who will add the other accounts.\n"
                    "3. Print the recovery code and put it somewhere safe.\n"
                    "4. Choose where backups go: a USB stick or a second disk."),
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
        self.form.add_field("organisation", self.tr("&Organisation name:"), self.name)
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
                self._wizard.go_back_to(self._wizard.organisation_page)
            if not rest:
                return
            exc = ValidationError(rest)
        self.form.show_error(exc)


class ExplanationPage(QWizardPage):
    """A page of plain words: paragraphs, and one warning set apart in a box."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setSpacing(12)

    def explain(self, title: str, subtitle: str, paragraphs: tuple[str, ...], warning: str) -> None:
        self.setTitle(title)
        self.setSubTitle(subtitle)
        for text in paragraphs:
            self._layout.addWidget(paragraph(text, self))
        self.warning = paragraph(warning, self)
        self.warning.setProperty("kind", "note")
        self.warning.setObjectName("explanationWarning")
        self._layout.addWidget(self.warning)
        self._layout.addStretch(1)


class RecoveryCodeExplainedPage(ExplanationPage):
    """What the recovery code is, and what losing it means."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.explain(
            self.tr("What the recovery code is"),
            self.tr("Please read this before you choose your password."),
            (self.tr("Continuum locks the records. A password opens the lock. The recovery code is a spare "
                     "key, for emergencies."),
             self.tr("You need the code if every administrator forgets their password. You may also need it "
                     "to put a backup on a new computer."),
             self.tr("Print the code, or write it down. Keep the paper locked away: not next to the computer, "
                     "not on a phone. Anyone who has the code and a copy of the records can read them.")),
            self.tr("Nobody else can open the records for you: not the makers of Continuum, not a computer "
                    "technician, nobody. If every password is forgotten and the code is lost, the records "
                    "are lost for good."))


class BackupsExplainedPage(ExplanationPage):
    """Why backups matter, where to keep them, and that they are encrypted."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.explain(
            self.tr("Why backups matter"),
            self.tr("A backup is a copy of all the records, in one file."),
            (self.tr("Computers are stolen, dropped or broken, and disks wear out. When that happens, the "
                     "records on the computer are gone. With a backup, you can put them back on another "
                     "computer."),
             self.tr("So keep backups away from this computer: on a USB stick, or on a second disk, kept in "
                     "another place. A backup on this computer's own disk is lost together with it."),
             self.tr("Continuum makes a backup by itself once a day while an administrator is signed in, and "
                     "each time an administrator closes it, if the USB stick or disk is plugged in. It warns "
                     "you when the last backup is more than a week old.")),
            self.tr("Backups are encrypted, like the records. Without a password or the recovery code nobody "
                    "can read them, even if the USB stick is lost."))


class RecoveryCodePage(QWizardPage):
    """Shows the recovery code once; Finish needs the "I have kept it" confirmation."""

    def __init__(self, wizard: "SetupWizard") -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Next: backups"))
        self.setTitle(self.tr("Your recovery code"))
        self.setSubTitle(self.tr("Print this code or write it down now. It is shown only this once."))
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(paragraph(self.tr(
            "If every administrator password is forgotten, this code is the only way to open the records "
            "again. Keep the sheet locked away, not on the computer."), self))
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
        self.kept = QCheckBox(self.tr("I have printed or &written down the recovery code and put it somewhere safe."), self)
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
    """The first backup folder, checked and remembered on Next; or "later", with its warning."""

    def __init__(self, wizard: "SetupWizard") -> None:
        super().__init__(wizard)
        self._wizard = wizard
        #: the folder remembered as the destination (None until then, and when left for later)
        self.chosen: ChosenFolder | None = None
        self.setTitle(self.tr("Where backups go"))
        self.setSubTitle(self.tr("Choose a USB stick, or a folder on a second disk."))
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Next"))
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(paragraph(self.tr(
            "Plug in the USB stick or disk, then press “Choose folder…”. You can also type the folder's "
            "path."), self))
        self.field = BackupFolderField(wizard.data_dir, wizard.runner, self.tr(
            "For example the USB stick, or a folder on a second disk. Not a folder on this computer's own disk."),
            editable=True, parent=self)
        self.field.edit.textChanged.connect(self.completeChanged)
        self.field.form.busy_changed.connect(self.completeChanged)
        self.field.remembered.connect(self._remembered)
        layout.addWidget(self.field)
        layout.addStretch(1)
        self.later = QCheckBox(self.tr("I will do this &later"), self)
        self.later.setAccessibleName(plain_label(self.later.text()))
        self.later.toggled.connect(self._later_toggled)
        # no change of mind while a folder is being checked
        self.field.form.busy_changed.connect(lambda busy: self.later.setEnabled(not busy))
        layout.addWidget(self.later)
        self.warning = message_label("warn", self)
        self.warning.setObjectName("laterWarning")
        layout.addWidget(self.warning)

    def _later_toggled(self, later: bool) -> None:
        self.field.setEnabled(not later)
        self.field.form.clear_errors()
        set_message(self.warning, self.tr(
            "Without a backup, a stolen or broken computer means every record is lost. Continuum will "
            "warn you each time it opens until a backup folder is chosen in Administration › Backups.")
            if later else "")
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return not self.field.form.busy and (self.later.isChecked() or bool(self.field.text()))

    def validatePage(self) -> bool:
        if self.later.isChecked():
            self.chosen = None
            return True
        if self.chosen is not None and self.field.text() == str(self.chosen.folder):
            return True
        self.field.remember()
        return False

    def _remembered(self, chosen: ChosenFolder) -> None:
        self.chosen = chosen
        self.field.set_folder(chosen.folder)
        self._wizard.next()


class ReadyPage(QWizardPage):
    """The end: the first backup is made into the chosen folder (or the warning if there is none)."""

    def __init__(self, wizard: "SetupWizard") -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.running = False
        #: the first backup, once made
        self.outcome: BackupOutcome | None = None
        self.setTitle(self.tr("Continuum is ready"))
        self.setFinalPage(True)
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        self.busy = BusyIndicator(self)
        layout.addWidget(self.busy)
        self.result = message_label("ok", self)
        self.result.setObjectName("firstBackupResult")
        layout.addWidget(self.result)
        self.retry_button = QPushButton(self.tr("&Try again"), self)
        self.retry_button.clicked.connect(self.back_up)
        self.retry_button.hide()
        layout.addWidget(self.retry_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.advice = message_label("warn", self)
        self.advice.setObjectName("backupAdvice")
        layout.addWidget(self.advice)
        for label in (self.result, self.advice):  # reachable with Tab: read aloud, the file name can be copied
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                          | Qt.TextInteractionFlag.TextSelectableByKeyboard)
            label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        layout.addWidget(paragraph(self.tr(
            "Next, add an account for each person who will use Continuum: Administration › Accounts. "
            "Everyone signs in with their own name and password."), self))
        layout.addWidget(paragraph(self.tr(
            "Help is in the Help menu. Press F1 at any time to read the user guide."), self))
        layout.addStretch(1)

    def initializePage(self) -> None:
        chosen = self._wizard.backup_page.chosen
        if chosen is None:
            self.setSubTitle(self.tr("Setup is done, but the records are not backed up yet."))
            set_message(self.advice, self.tr(
                "No backup folder has been chosen. Choose one soon in Administration › Backups."), "warn")
            self._focus_finish()
            return
        self.setSubTitle(self.tr("Setup is done. Now the first backup is made."))
        set_message(self.advice, same_disk_warning() if chosen.same_disk else "", "warn")
        self.back_up()

    def isComplete(self) -> bool:
        return not self.running

    def back_up(self) -> None:
        """Make a backup into the chosen folder (database thread), the way "Back up now" does."""
        w, chosen = self._wizard, self._wizard.backup_page.chosen
        if self.running or chosen is None or w.workspace is None or w.actor is None:
            return
        ws, actor, folder = w.workspace, w.actor, chosen.folder
        self.running = True
        self.retry_button.hide()
        set_message(self.result, "")
        self.busy.start(self.tr("Making the first backup and checking it…"))
        self.completeChanged.emit()
        w.runner.run_db(lambda: jobs.make_backup(ws, actor, folder), self._made, self._failed)

    def _stop(self) -> None:
        self.running = False
        self.busy.stop()
        self.completeChanged.emit()
        self._focus_finish()

    def _focus_finish(self) -> None:
        """Enter finishes; the focus no longer rests on a widget of the page before."""
        self._wizard.button(QWizard.WizardButton.FinishButton).setFocus(Qt.FocusReason.OtherFocusReason)

    def _made(self, outcome: BackupOutcome) -> None:
        self._stop()
        self.outcome = outcome
        set_message(self.result, self.tr(
            "The first backup is made: {file} ({size}) in {folder}. It was read back and checked.").format(
                file=outcome.entry.path.name, size=size_text(outcome.entry.size), folder=outcome.entry.path.parent),
            "ok")

    def _failed(self, exc: ContinuumError) -> None:
        self._stop()
        reason = self.tr("something unexpected went wrong") if isinstance(exc, UnexpectedError) else error_text(exc)
        set_message(self.result, self.tr(
            "The first backup could not be made: {reason}\nYou can try again, or finish now: Continuum will "
            "try again by itself.").format(reason=reason), "error")
        self.retry_button.show()


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
        self.recovery_explained_page = RecoveryCodeExplainedPage(self)
        self.recovery_page = RecoveryCodePage(self)
        self.backups_explained_page = BackupsExplainedPage(self)
        self.backup_page = BackupFolderPage(self)
        self.ready_page = ReadyPage(self)
        for page in (self.welcome_page, self.organisation_page, self.recovery_explained_page,
                     self.administrator_page, self.recovery_page, self.backups_explained_page,
                     self.backup_page, self.ready_page):
            self.addPage(page)
        self.welcome_page.restore_button.clicked.connect(lambda: self.restore_requested.emit())

    def go_back_to(self, page: QWizardPage) -> None:
        """Go back (through the pages visited) to ``page``."""
        while self.currentPage() is not page and self.visitedIds() and self.currentId() != self.visitedIds()[0]:
            self.back()

    def installation_created(self, ws: Workspace, actor: Actor, code: str) -> None:
        self.workspace, self.actor, self.recovery_code = ws, actor, code
        self.setOption(QWizard.WizardOption.NoCancelButton)  # there is no going back now

    def reject(self) -> None:
        # Once the installation exists the only way on is Finish (after the code was kept).
        if self.workspace is None and not self.administrator_page.form.busy:
            super().reject()
