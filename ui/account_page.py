""""My account": who is signed in, changing one's own password, and this computer's keyring.

Everyone signed in sees this screen.  The keyring sentence comes from
``clinic_app.security.keystore.keyring_status()`` and says plainly when this computer has no
secure password store (binding the data to the computer is then impossible; everything
else works).  The status is read on the I/O pool: some keyring backends talk to a daemon.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clinic_app.security.keystore import KeyringStatus, keyring_status
from clinic_app.services import accounts
from clinic_app.services.accounts import UserInfo
from ui.dialogs import show_message
from ui.forms import FormDialog, PasswordPair, heading, message_label, set_message
from ui.labels import local_date, role_label
from ui.session import Session


class ChangeOwnPasswordDialog(FormDialog):
    """The signed-in user changes their own password (the current one is asked first)."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent, session.runner, self.tr("Change my password"), self.tr("Change password"),
                         self.tr("Type your current password, then the new one twice."))
        self.session = session
        self.current = QLineEdit(self)
        self.current.setEchoMode(QLineEdit.EchoMode.Password)
        self.form.add_field("current_password", self.tr("&Current password:"), self.current)
        self.new = PasswordPair(self.form, lambda: session.actor.name, "new_password",
                                self.tr("&New password:"), self.tr("&Repeat the new password:"))

    def task(self) -> Callable[[], Any]:
        return self.session.call(accounts.change_own_password, self.current.text(), self.new.text())


def open_change_password(session: Session, parent: QWidget) -> ChangeOwnPasswordDialog:
    """Open the change-password dialog; confirm in a message when it is done."""
    dialog = ChangeOwnPasswordDialog(session, parent)
    dialog.succeeded.connect(lambda _info: show_message(
        parent, QCoreApplication.translate("ChangeOwnPasswordDialog", "Change my password"),
        QCoreApplication.translate("ChangeOwnPasswordDialog", "Your password has been changed.")))
    dialog.open()
    return dialog


class MyAccountPage(QWidget):
    """The signed-in user's account and this computer's password store."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("My account"), self))

        account = QGroupBox(self.tr("Account"), self)
        box = QVBoxLayout(account)
        self.summary = QLabel(self.tr("Signed in as {name} ({role}).").format(
            name=session.actor.name, role=role_label(session.actor.role)), account)
        self.summary.setWordWrap(True)
        self.password_age = QLabel(account)
        row = QHBoxLayout()
        self.change_button = QPushButton(self.tr("Change my &password…"), account)
        self.change_button.clicked.connect(lambda: open_change_password(session, self))
        row.addWidget(self.change_button)
        row.addStretch(1)
        box.addWidget(self.summary)
        box.addWidget(self.password_age)
        box.addLayout(row)
        layout.addWidget(account)

        computer = QGroupBox(self.tr("This computer"), self)
        box = QVBoxLayout(computer)
        self.keyring = message_label("hint", computer)
        self.keyring.setObjectName("keyringStatus")
        box.addWidget(self.keyring)
        layout.addWidget(computer)
        layout.addStretch(1)

        session.runner.run_db(session.call(accounts.me, write=False), self._show_me)
        session.runner.run_io(keyring_status, self._show_keyring)

    def _show_me(self, me: UserInfo) -> None:
        name = f"{me.full_name} ({me.name})" if me.full_name else me.name
        self.summary.setText(self.tr("Signed in as {name}, {role}.").format(name=name, role=role_label(me.role)))
        self.password_age.setText(self.tr("Password last changed on {date}.").format(date=local_date(me.password_changed_at)))

    def _show_keyring(self, status: KeyringStatus) -> None:
        set_message(self.keyring, status.message, "hint" if status.secure else "warn")
