"""The sign-in dialog, and the recovery dialog it opens when a password is forgotten.

Before sign-in nothing in the database can be read (it is encrypted with keys the
password unlocks), so the dialog says just "Continuum", not the organisation's name.
A wrong user name and a wrong password give the same message (the core decides);
after repeated failures the core's back-off message is shown as it is.  In demo mode the
dialog shows the demo user's name and password.

The recovery dialog opens the database with the recovery code and sets a new password
for an administrator (``workspace.recover``); the user is then signed in.

"Restore from a backup…" asks for the restore wizard (``restore_requested``; the
launcher opens it in place of this dialog).  A database that cannot be opened (the core's
``StorageError``) is reported on the form and through ``open_failed``, so the launcher can
explain it and offer the newest backup.

**Decision**: this module is on the path to the first window, so it does not import the
workspace and database stack (SQLAlchemy, the models, the services): :func:`sign_in_job`
and :func:`recover_job` import it on the database thread, where signing in runs anyway.
``tests/test_start_up.py`` keeps that path light.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clinic_app.errors import ContinuumError, StorageError
from ui.language import open_language_dialog
from ui.forms import Form, FormDialog, PasswordPair, fit_height, heading, message_label, set_message
from ui.tasks import TaskRunner

if TYPE_CHECKING:
    from clinic_app.services.auth import Actor
    from clinic_app.workspace import Workspace


def sign_in_job(data_dir: Path, name: str, password: str) -> Callable[[], tuple[Workspace, Actor]]:
    """The database-thread job that signs ``name`` in (``workspace.sign_in``)."""
    def job() -> tuple[Workspace, Actor]:
        from clinic_app import workspace

        return workspace.sign_in(data_dir, name, password)
    return job


def recover_job(data_dir: Path, code: str, admin: str, password: str) -> Callable[[], tuple[Workspace, Actor]]:
    """The database-thread job that opens with the recovery code (``workspace.recover``)."""
    def job() -> tuple[Workspace, Actor]:
        from clinic_app import workspace

        return workspace.recover(data_dir, code, admin, password)
    return job


class RecoveryDialog(FormDialog):
    """Recovery code + administrator name + new password -> signed in as that administrator."""

    def __init__(self, data_dir: Path, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent, runner, self.tr("Use the recovery code"), self.tr("Set password and sign in"),
                         self.tr("Type the recovery code from the printed recovery sheet and the name of an "
                                 "administrator account. That account gets the new password below."))
        self.data_dir = data_dir
        self.code = QLineEdit(self)
        self.code.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX")
        self.admin = QLineEdit(self)
        self.form.add_field("recovery_code", self.tr("Recovery &code:"), self.code,
                            self.tr("Upper or lower case; the hyphens may be left out."))
        self.form.add_field("admin", self.tr("&Administrator's user name:"), self.admin)
        self.passwords = PasswordPair(self.form, self.admin.text, label=self.tr("&New password:"),
                                      confirm_label=self.tr("&Repeat the new password:"))
        self.passwords.watch(self.admin)
        self.setMinimumWidth(520)

    def task(self) -> Callable[[], Any]:
        return recover_job(self.data_dir, self.code.text(), self.admin.text(), self.passwords.text())


class SignInDialog(QDialog):
    """Asks for user name and password; emits ``signed_in(ws, actor)`` and accepts on success."""

    signed_in = Signal(object, object)
    #: the user asked to restore a backup
    restore_requested = Signal()
    #: the database could not be opened (carries the ``StorageError``)
    open_failed = Signal(object)

    def __init__(self, data_dir: Path, runner: TaskRunner, demo_hint: tuple[str, str] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data_dir, self.runner = data_dir, runner
        self.setWindowTitle(self.tr("Sign in – Continuum"))
        self.setMinimumWidth(440)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(heading(self.tr("Continuum"), self, 1.6))
        intro = QLabel(self.tr("Sign in with your user name and password."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)

        self.demo_hint = message_label("note", self)
        self.demo_hint.setObjectName("demoHint")
        layout.addWidget(self.demo_hint)
        self.form = Form(self)
        self.user_name = QLineEdit(self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.form.add_field("user_name", self.tr("&User name:"), self.user_name)
        self.form.add_field("password", self.tr("&Password:"), self.password)
        self.form.messages_changed.connect(lambda: fit_height(self))
        layout.addWidget(self.form)

        self.forgot = QPushButton(self.tr("Forgot your password? Use the recovery code…"), self)
        self.forgot.setObjectName("linkButton")
        self.forgot.setFlat(True)
        self.forgot.setCursor(Qt.CursorShape.PointingHandCursor)
        self.forgot.clicked.connect(self.open_recovery)
        layout.addWidget(self.forgot, 0, Qt.AlignmentFlag.AlignLeft)
        self.restore = QPushButton(self.tr("Restore from a backup…"), self)
        self.restore.setObjectName("linkButton")
        self.restore.setFlat(True)
        self.restore.setCursor(Qt.CursorShape.PointingHandCursor)
        self.restore.clicked.connect(lambda: self.restore_requested.emit())
        layout.addWidget(self.restore, 0, Qt.AlignmentFlag.AlignLeft)
        self.language = QPushButton(self.tr("Language…"), self)
        self.language.setObjectName("linkButton")
        self.language.setFlat(True)
        self.language.setCursor(Qt.CursorShape.PointingHandCursor)
        self.language.clicked.connect(lambda: open_language_dialog(self))
        layout.addWidget(self.language, 0, Qt.AlignmentFlag.AlignLeft)

        buttons = QDialogButtonBox(self)
        self.sign_in_button = buttons.addButton(self.tr("&Sign in"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.sign_in_button.setDefault(True)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.sign_in)
        buttons.rejected.connect(self.reject)
        self.form.add_action(self.sign_in_button)
        self.form.add_action(self.forgot)
        self.form.add_action(self.restore)
        layout.addWidget(buttons)

        if demo_hint:
            name, password = demo_hint
            set_message(self.demo_hint, self.tr("Demo: user {name}, password {password}").format(name=name, password=password))
            self.user_name.setText(name)
            self.password.setFocus()

    def sign_in(self) -> None:
        """Sign in; Enter with a field still empty moves on instead (an empty try would count
        as a failed sign-in and bring the back-off closer)."""
        if self.form.busy:
            return
        if not self.user_name.text().strip():
            self.form.show_errors({"user_name": self.tr("Enter your user name.")})
            return
        if not self.password.text():
            self.password.setFocus()
            return
        job = sign_in_job(self.data_dir, self.user_name.text(), self.password.text())
        self.form.submit(self.runner, job, self._done, self._failed)

    def _failed(self, exc: ContinuumError) -> None:
        self.form.show_error(exc)
        self.password.clear()
        self.password.setFocus()
        if isinstance(exc, StorageError):
            self.open_failed.emit(exc)

    def show_note(self, text: str) -> None:
        """Show ``text`` above the form (e.g. "The backup has been restored")."""
        set_message(self.demo_hint, text)

    def _done(self, result: tuple[Workspace, Actor]) -> None:
        self.signed_in.emit(*result)
        self.accept()

    def open_recovery(self) -> RecoveryDialog:
        dialog = RecoveryDialog(self.data_dir, self.runner, self)
        dialog.succeeded.connect(self._done)
        dialog.open()
        return dialog

    def reject(self) -> None:
        if not self.form.busy:
            super().reject()
