"""The search field and the filters above the client list.

Typing in the search field waits :data:`SEARCH_DELAY_MS` after the last key before the list
is asked again (so "maria" is one search, not five); choosing a filter applies at once.
Either way :attr:`FilterBar.changed` carries the new :class:`~ui.clients.model.ClientQuery`
(name order ascending: the screen owns the order).

The counsellor filter offers "any counsellor" and "my clients" to everyone; administrators
also get every active counsellor and administrator (from ``accounts.list_users``, which only
administrators may call).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QLineEdit, QWidget

from clinic_app import codes
from clinic_app.services import accounts
from clinic_app.services.accounts import UserInfo
from clinic_app.services.auth import ADMINISTRATOR, RECORD_ROLES
from ui.clients.display import code_label, status_choices
from ui.clients.model import ClientQuery
from ui.forms import message_label, plain_label, set_message
from ui.session import Session

SEARCH_DELAY_MS = 250


class FilterBar(QWidget):
    #: the query changed (carries a ``ClientQuery``)
    changed = Signal(object)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.search = QLineEdit(self)
        self.search.setObjectName("clientSearch")
        self.search.setPlaceholderText(self.tr("Name or client code"))
        self.search.setClearButtonEnabled(True)
        self.status = QComboBox(self)
        self.status.addItem(self.tr("Any status"), None)
        for label, status in status_choices():
            self.status.addItem(label, status)
        self.counsellor = QComboBox(self)
        self.counsellor.addItem(self.tr("Any counsellor"), None)
        self.counsellor.addItem(self.tr("My clients"), session.actor.user_id)
        self.programme = QComboBox(self)
        self.programme.addItem(self.tr("Any programme"), None)
        for programme in codes.PROGRAMME.codes():
            self.programme.addItem(code_label(codes.PROGRAMME, programme), programme)
        for combo in (self.status, self.counsellor, self.programme):  # they fill their columns; a long
            # choice (a programme, a counsellor's name) is cut short in the box, not widening the window
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(10)
        self.message = message_label("error", self)
        self.message.setObjectName("searchMessage")

        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(6)
        self._add(grid, 0, 0, self.tr("F&ind:"), self.search, span=3)
        grid.addWidget(self.message, 1, 1, 1, 3)
        self._add(grid, 2, 0, self.tr("S&tatus:"), self.status)
        self._add(grid, 2, 2, self.tr("Co&unsellor:"), self.counsellor)
        self._add(grid, 3, 0, self.tr("Pro&gramme:"), self.programme)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self._emit)
        self.search.textChanged.connect(lambda _text: self._timer.start())
        for combo in (self.status, self.counsellor, self.programme):
            combo.currentIndexChanged.connect(self._emit)
        if session.actor.role == ADMINISTRATOR:
            session.runner.run_db(session.call(accounts.list_users, write=False), self._add_counsellors)

    def _add(self, grid: QGridLayout, row: int, column: int, text: str, widget: QWidget, span: int = 1) -> None:
        label = QLabel(text, self)
        label.setBuddy(widget)
        widget.setAccessibleName(plain_label(text))
        grid.addWidget(label, row, column)
        grid.addWidget(widget, row, column + 1, 1, span)

    def _add_counsellors(self, users: tuple[UserInfo, ...]) -> None:
        for user in users:
            if user.active and user.role in RECORD_ROLES and user.id != self.session.actor.user_id:
                self.counsellor.addItem(user.full_name or user.name, user.id)

    # --- the query ----------------------------------------------------------------------
    def query(self) -> ClientQuery:
        return ClientQuery(search=self.search.text(), status=self.status.currentData(),
                           counsellor_id=self.counsellor.currentData(), programme=self.programme.currentData())

    def search_now(self) -> None:
        """Apply what is typed without waiting for the pause (Enter in the search field)."""
        if self._timer.isActive():
            self._emit()

    def _emit(self) -> None:
        self._timer.stop()
        self.changed.emit(self.query())

    def show_message(self, text: str) -> None:
        """Show (or with '' hide) a message under the search field, e.g. a refused search."""
        set_message(self.message, text)

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()
