"""The client's consents: a list with "Record consent…" and "Withdraw…", shown on the Overview.

:class:`ConsentsBox` lists every consent of the client (what was agreed to, the named
services for sharing with services, the day it was given and the day it was withdrawn),
newest first, from the ``ClientRecord`` the Overview has already loaded.  "Record
consent…" opens :class:`RecordConsentDialog` (``consents.record_consent``); "Withdraw…"
opens :class:`WithdrawConsentDialog` for the consent under the cursor
(``consents.withdraw_consent``).  After either, ``changed`` is emitted: the Overview reloads
(its "no consent to treatment" alert follows) and tells the other tabs.

Decisions
---------
* **On the Overview**, because that is where a counsellor is told that a consent is
  missing ("Needs attention") and where the Today "consent missing" worklist opens the
  client: recording it is one click away from the alert.
* **Nothing is edited or deleted**, as in the core: a withdrawn consent stays in the list,
  greyed, with the day it was withdrawn; agreeing again is a new consent.  "Withdraw…" is
  offered only for a consent still in force.
* **Defaults.**  The dates start at today, the usual case, and stay editable (typed as
  YYYY-MM-DD or picked from the calendar).  When the client has no consent to treatment
  in force (what the Overview flags), "Record consent…" starts with that kind chosen;
  otherwise the kind is left for the user to choose.
* **Named services** are typed only for "sharing with named services"; for any other kind
  the field is disabled and nothing is sent (the core refuses services there).
* The rules and messages are the service's (dates not in the future, not before the date
  of birth or the day given, one consent in force per kind), shown beside the fields;
  a message goes as soon as its field is edited.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from clinic_app import codes
from clinic_app.services import consents
from clinic_app.services.clients import ClientRecord
from clinic_app.services.consents import SCOPED_KIND, ConsentRecord
from ui.client_record.family import clear_messages_on_edit
from ui.clients.display import code_label, full_name, show_date
from ui.forms import FormDialog, fit_height
from ui.session import Session
from ui.table_model import DISPLAY_AND_ACCESSIBLE, MUTED, RowsModel
from ui.widgets import CodeCombo, OptionalDateEdit

DialogT = TypeVar("DialogT", bound=FormDialog)

TREATMENT = "treatment"
#: the list shows up to this many consents before it scrolls
VISIBLE_ROWS = 5


translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") with both written out


def consent_summary(consent: ConsentRecord) -> str:
    """"Inclusion in anonymised statistics, given 10 Mar 2025": one consent in a line."""
    return translate("Consents", "{kind}, given {day}").format(kind=code_label(codes.CONSENT_KIND, consent.kind),
                                             day=show_date(consent.given_on))


def _one_line(scope: str) -> str:
    """Named services as typed (one per line, or separated by , or ;) shown on one line."""
    return "; ".join(line.strip() for line in scope.splitlines() if line.strip())


class ConsentsModel(RowsModel[ConsentRecord]):
    """The consents of one client, newest first; withdrawn ones greyed."""

    WITHDRAWN_COLUMN = 3

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__((self.tr("Consent"), self.tr("Named services"), self.tr("Given on"), self.tr("Withdrawn on")),
                         self._texts, parent, text_roles=DISPLAY_AND_ACCESSIBLE)

    def set_consents(self, given: tuple[ConsentRecord, ...]) -> None:
        self.set_rows(tuple(sorted(given, key=lambda c: (c.given_on, c.id), reverse=True)))

    def consent(self, row: int) -> ConsentRecord | None:
        return self.row_if_any(row)

    def row_of(self, consent_id: int) -> int:
        return self.row_where(lambda c: c.id == consent_id)

    @staticmethod
    def _texts(consent: ConsentRecord) -> tuple[str, ...]:
        withdrawn = consent.withdrawn_on is not None
        return (code_label(codes.CONSENT_KIND, consent.kind), _one_line(consent.scope), show_date(consent.given_on),
                show_date(consent.withdrawn_on) if withdrawn else "—")

    def cell_data(self, consent: ConsentRecord, column: int, role: int) -> Any:
        withdrawn = consent.withdrawn_on is not None
        if withdrawn and MUTED.data(role) is not None:
            return MUTED.data(role)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("Recorded by {name} on {day}").format(name=consent.recorded_by,
                                                                 day=show_date(consent.recorded_at.astimezone().date()))
        if role == Qt.ItemDataRole.AccessibleTextRole and column == self.WITHDRAWN_COLUMN and not withdrawn:
            return self.tr("Not withdrawn")
        return super().cell_data(consent, column, role)


# --- dialogs -------------------------------------------------------------------------------------------


class RecordConsentDialog(FormDialog):
    """Record a consent the client gave (``kind`` pre-chosen when given)."""

    def __init__(self, session: Session, record: ClientRecord, kind: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent, session.runner, self.tr("Record a consent"), self.tr("Record consent"),
                         self.tr("What {name} agreed to, and on which day. A consent is never changed "
                                 "afterwards: if it ends, withdraw it.").format(name=full_name(
                                     record.given_names, record.family_name)))
        self.session, self.client_id = session, record.id
        self.kind = CodeCombo(codes.CONSENT_KIND, self)
        self.kind.set_code(kind)
        self.given_on = OptionalDateEdit(self, maximum=date.today())
        self.given_on.set_date(date.today())
        self.scope = QPlainTextEdit(self)
        self.scope.setTabChangesFocus(True)
        self.scope.setFixedHeight(self.scope.fontMetrics().lineSpacing() * 3 + 14)
        self.form.add_field("kind", self.tr("&Consent to:"), self.kind)
        self.form.add_field("given_on", self.tr("&Given on:"), self.given_on)
        self.form.add_field("scope", self.tr("Named &services:"), self.scope,
                            self.tr("Only for sharing with named services: the services, one per line."))
        clear_messages_on_edit(self.form, "kind", "given_on", "scope")
        self.kind.code_changed.connect(lambda _code: self._enable_scope())
        self.form.busy_changed.connect(lambda _busy: self._enable_scope())
        self._enable_scope()
        (self.given_on if kind else self.kind).setFocus(Qt.FocusReason.OtherFocusReason)

    def _enable_scope(self) -> None:
        self.scope.setEnabled(not self.form.busy and self.kind.code() == SCOPED_KIND)

    def task(self) -> Callable[[], ConsentRecord]:
        scope = self.scope.toPlainText() if self.kind.code() == SCOPED_KIND else ""
        return self.session.call(consents.record_consent, self.client_id, self.kind.code(), self.given_on.value(),
                                 scope)


class WithdrawConsentDialog(FormDialog):
    """Record the day the client withdrew ``consent``."""

    def __init__(self, session: Session, consent: ConsentRecord, parent: QWidget | None = None) -> None:
        super().__init__(parent, session.runner, self.tr("Withdraw a consent"), self.tr("Withdraw consent"),
                         self.tr("{consent}. The consent stays in the record with the day it was withdrawn; "
                                 "if the client agrees again later, record a new consent.").format(
                                     consent=consent_summary(consent)))
        self.session, self.consent_id = session, consent.id
        self.withdrawn_on = OptionalDateEdit(self, maximum=date.today())
        self.withdrawn_on.set_date(date.today())
        self.form.add_field("withdrawn_on", self.tr("&Withdrawn on:"), self.withdrawn_on)
        clear_messages_on_edit(self.form, "withdrawn_on")
        self.withdrawn_on.setFocus(Qt.FocusReason.OtherFocusReason)

    def task(self) -> Callable[[], ConsentRecord]:
        return self.session.call(consents.withdraw_consent, self.consent_id, self.withdrawn_on.value())


# --- the box --------------------------------------------------------------------------------------------


class ConsentsBox(QGroupBox):
    """The consents of the client shown (:meth:`set_record`); ``changed`` after one was recorded or withdrawn."""

    changed = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Consents"), parent)
        self.session = session
        self.record: ClientRecord | None = None
        self._select_id: int | None = None
        self.model = ConsentsModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("consentsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.label = QLabel(self.tr("Consents &given:"), self)
        self.label.setBuddy(self.table)
        self.table.setAccessibleName(self.tr("Consents given"))
        self.empty = QLabel(self.tr("No consent is recorded."), self)
        self.empty.setObjectName("noConsents")
        self.empty.setProperty("kind", "hint")
        self.record_button = QPushButton(self.tr("&Record consent…"), self)
        self.withdraw_button = QPushButton(self.tr("&Withdraw…"), self)
        self.withdraw_button.setToolTip(self.tr("Record that the client withdrew the consent chosen in the list"))
        self.record_button.clicked.connect(self.open_record_dialog)
        self.withdraw_button.clicked.connect(self.open_withdraw_dialog)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._enable())
        buttons = QHBoxLayout()
        buttons.addWidget(self.record_button)
        buttons.addWidget(self.withdraw_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.empty)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.set_record(None)

    def set_record(self, record: ClientRecord | None) -> None:
        """Show ``record``'s consents (``None``: nothing, buttons disabled)."""
        self.record = record
        given = record.consents if record is not None else ()
        self.model.set_consents(given)
        self.empty.setVisible(record is not None and not given)
        self.label.setVisible(bool(given))
        self.table.setVisible(bool(given))
        rows = min(len(given), VISIBLE_ROWS)
        self.table.setFixedHeight(self.table.horizontalHeader().sizeHint().height()
                                  + self.table.verticalHeader().defaultSectionSize() * rows + 4)
        if self._select_id is not None:
            row = self.model.row_of(self._select_id)
            if row >= 0:
                self.table.selectRow(row)
            self._select_id = None
        self._enable()

    def current(self) -> ConsentRecord | None:
        """The consent under the cursor, if any."""
        return self.model.consent(self.table.currentIndex().row())

    def _enable(self) -> None:
        chosen = self.current()
        self.record_button.setEnabled(self.record is not None)
        self.withdraw_button.setEnabled(chosen is not None and chosen.withdrawn_on is None)

    def suggested_kind(self) -> str:
        """Treatment when no consent to treatment is in force (what the Overview flags), else none."""
        if self.record is None or any(c.kind == TREATMENT and c.withdrawn_on is None for c in self.record.consents):
            return ""
        return TREATMENT

    # --- actions -----------------------------------------------------------------------------------
    def open_record_dialog(self) -> RecordConsentDialog | None:
        if self.record is None:
            return None
        dialog = RecordConsentDialog(self.session, self.record, self.suggested_kind(), self)
        return self._open(dialog)

    def open_withdraw_dialog(self) -> WithdrawConsentDialog | None:
        chosen = self.current()
        if chosen is None or chosen.withdrawn_on is not None:
            return None
        return self._open(WithdrawConsentDialog(self.session, chosen, self))

    def _open(self, dialog: DialogT) -> DialogT:
        dialog.succeeded.connect(self._saved)
        dialog.open()
        fit_height(dialog)
        return dialog

    def _saved(self, consent: ConsentRecord) -> None:
        self._select_id = consent.id  # chosen again once the reloaded record arrives
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        self.changed.emit()
