"""Account administration: the list of accounts and the dialogs that change them.

The table is a :class:`~ui.table_model.RowsModel` over the tuple of ``accounts.UserInfo`` that
``accounts.list_users`` returns; after every change the list is read again, so the table
always shows what the database holds.  Each action is a small :class:`~ui.forms.FormDialog`
whose messages appear beside its fields; refusals that concern no field (deactivating
the last administrator) are shown in a message box by the task runner.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from clinic_app.services import accounts
from clinic_app.services.accounts import UserInfo
from clinic_app.services.auth import COUNSELLOR
from ui.dialogs import confirm
from ui.forms import FormDialog, PasswordPair
from ui.labels import local_date, role_choices, role_label
from ui.session import Session
from ui.table_model import RowsModel


class AccountsModel(RowsModel[UserInfo]):
    """The accounts, one per row: user name, full name, role, active, password changed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__((self.tr("User name"), self.tr("Full name"), self.tr("Role"), self.tr("Status"),
                          self.tr("Password changed")), self._texts, parent)

    def set_users(self, users: tuple[UserInfo, ...]) -> None:
        self.set_rows(users)

    def user(self, row: int) -> UserInfo:
        return self.row(row)

    def row_of(self, name: str) -> int:
        """The row of the account ``name``, -1 if absent."""
        return self.row_where(lambda u: u.name == name)

    def _texts(self, u: UserInfo) -> tuple[str, ...]:
        return (
            u.name,
            u.full_name,
            role_label(u.role),
            self.tr("Active") if u.active else self.tr("Deactivated"),
            local_date(u.password_changed_at),
        )


def _role_box(parent: QWidget, current: str) -> QComboBox:
    box = QComboBox(parent)
    for label, role in role_choices():
        box.addItem(label, role)
    box.setCurrentIndex(box.findData(current))
    return box


class AddAccountDialog(FormDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent, session.runner, self.tr("Add an account"), self.tr("Add account"),
                         self.tr("The new user signs in with this name and password, and should then "
                                 "change the password under My account."))
        self.session = session
        self.name = QLineEdit(self)
        self.full_name = QLineEdit(self)
        self.form.add_field("name", self.tr("&User name:"), self.name,
                            self.tr("What the person types to sign in, e.g. “maria”."))
        self.form.add_field("full_name", self.tr("&Full name:"), self.full_name)
        self.role = _role_box(self, COUNSELLOR)
        self.form.add_field("role", self.tr("&Role:"), self.role)
        self.passwords = PasswordPair(self.form, self.name.text)
        self.passwords.watch(self.name)

    def task(self) -> Callable[[], Any]:
        return self.session.call(accounts.add_user, self.name.text(), self.role.currentData(),
                                 self.passwords.text(), self.full_name.text())


class SetPasswordDialog(FormDialog):
    """Reset the password of an account, or reactivate a deactivated one with a new password."""

    def __init__(self, session: Session, user: UserInfo, reactivate: bool, parent: QWidget | None = None) -> None:
        if reactivate:
            title, ok = self.tr("Reactivate {name}").format(name=user.name), self.tr("Reactivate")
            intro = self.tr("The account can sign in again with this new password. Tell the person, "
                            "and ask them to change it under My account.")
        else:
            title, ok = self.tr("Reset the password of {name}").format(name=user.name), self.tr("Reset password")
            intro = self.tr("The old password stops working at once. Tell the person the new one, "
                            "and ask them to change it under My account.")
        super().__init__(parent, session.runner, title, ok, intro)
        self.session, self.user, self.reactivate = session, user, reactivate
        self.passwords = PasswordPair(self.form, lambda: user.name, label=self.tr("&New password:"),
                                      confirm_label=self.tr("&Repeat the new password:"))

    def task(self) -> Callable[[], Any]:
        service = accounts.reactivate_user if self.reactivate else accounts.reset_password
        return self.session.call(service, self.user.name, self.passwords.text())


class ChangeRoleDialog(FormDialog):
    def __init__(self, session: Session, user: UserInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent, session.runner, self.tr("Change the role of {name}").format(name=user.name),
                         self.tr("Change role"),
                         self.tr("Administrators manage accounts and settings; counsellors keep client "
                                 "records; statistics staff only export anonymised statistics."))
        self.session, self.user = session, user
        self.role = _role_box(self, user.role)
        self.form.add_field("role", self.tr("&Role:"), self.role)

    def task(self) -> Callable[[], Any]:
        return self.session.call(accounts.set_role, self.user.name, self.role.currentData())


class AccountsPanel(QWidget):
    """The accounts table with its actions."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.model = AccountsModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Accounts"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)

        self.add_button = QPushButton(self.tr("&Add account…"), self)
        self.reset_button = QPushButton(self.tr("Reset pass&word…"), self)
        self.deactivate_button = QPushButton(self.tr("&Deactivate"), self)
        self.reactivate_button = QPushButton(self.tr("Reac&tivate…"), self)
        self.role_button = QPushButton(self.tr("Change &role…"), self)
        self.add_button.clicked.connect(self.add_account)
        self.reset_button.clicked.connect(lambda: self._open(SetPasswordDialog(session, self.selected(), False, self)))
        self.reactivate_button.clicked.connect(lambda: self._open(SetPasswordDialog(session, self.selected(), True, self)))
        self.role_button.clicked.connect(lambda: self._open(ChangeRoleDialog(session, self.selected(), self)))
        self.deactivate_button.clicked.connect(self.deactivate)

        buttons = QHBoxLayout()
        for button in (self.add_button, self.reset_button, self.deactivate_button, self.reactivate_button, self.role_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self._update_buttons()
        self.refresh()

    def selected(self) -> UserInfo:
        return self.model.user(self.table.currentIndex().row())

    def _has_selection(self) -> bool:
        return self.table.selectionModel().hasSelection()

    def _update_buttons(self) -> None:
        user = self.selected() if self._has_selection() else None
        self.reset_button.setEnabled(user is not None and user.active)
        self.deactivate_button.setEnabled(user is not None and user.active)
        self.reactivate_button.setEnabled(user is not None and not user.active)
        self.role_button.setEnabled(user is not None)

    def refresh(self, select: str | None = None) -> None:
        """Read the accounts again; keep (or move) the selection to the account ``select``."""
        keep = select or (self.selected().name if self._has_selection() else None)
        self.session.runner.run_db(self.session.call(accounts.list_users, write=False),
                                   functools.partial(self._loaded, select=keep))

    def _loaded(self, users: tuple[UserInfo, ...], select: str | None) -> None:
        self.model.set_users(users)
        row = self.model.row_of(select) if select else -1
        if row >= 0:
            self.table.selectRow(row)
        self._update_buttons()

    def _changed(self, info: UserInfo) -> None:
        self.refresh(info.name)

    def _open(self, dialog: FormDialog) -> FormDialog:
        dialog.succeeded.connect(self._changed)
        dialog.open()
        return dialog

    def add_account(self) -> AddAccountDialog:
        dialog = AddAccountDialog(self.session, self)
        self._open(dialog)
        return dialog

    def deactivate(self) -> None:
        name = self.selected().name
        confirm(self, self.tr("Deactivate {name}").format(name=name),
                self.tr("Deactivate the account “{name}”? The person can no longer sign in and their "
                        "password stops working. You can reactivate the account later with a new password.")
                .format(name=name),
                self.tr("Deactivate"),
                lambda: self.session.runner.run_db(self.session.call(accounts.deactivate_user, name), self._changed))
