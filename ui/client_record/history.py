"""The History tab (administrators): the audit entries that name this client, newest first.

It reads ``audit.list_entries(client_id=…)``: who did what to which part of the record,
and when, including reads (opening the record, the family notes, the check-ups…) and
printed documents.  The log itself is append-only and HMAC-chained; this tab only shows it.

Decisions
---------
* **Administrators only** (``roles``): the audit log is theirs (the service refuses
  anyone else), so the tab is not built for other roles at all.
* **Read when shown.**  Every other tab writes entries as it loads (reads are audited), so
  the list is read when the tab becomes visible and again whenever it is shown, never
  while hidden: what the administrator sees includes the reads that opening the record
  just caused.
* :data:`PAGE` entries at a time; "Show older entries" asks for the next ones (up to the
  service's limit of 10,000).  The filter box narrows the entries already read (any
  column, case-insensitive).
* Actions are shown with a readable name (:func:`action_label`; the stable code is in the
  tooltip); an action this tab does not know is shown as its code, never hidden.  Details
  are the entry's own (codes and counts, never free text), written out as ``key: value``.
"""

from __future__ import annotations

import functools
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QDateTime,
    QLocale,
    QObject,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from clinic_app.errors import ContinuumError
from clinic_app.services import audit
from clinic_app.services.audit import AuditRow
from clinic_app.services.auth import ADMINISTRATOR
from ui.client_record.tab import RecordTab
from ui.forms import message_label, set_message
from ui.session import Session
from ui.table_model import DISPLAY_AND_ACCESSIBLE, RowsModel
from ui.tasks import UnexpectedError, error_text


CONTEXT = "AuditActions"
PAGE = 200
MAX_ENTRIES = 10_000

_ACTIONS: dict[str, object] = {
    "client.created": QT_TRANSLATE_NOOP("AuditActions", "Client registered"),
    "client.read": QT_TRANSLATE_NOOP("AuditActions", "Record opened"),
    "client.updated": QT_TRANSLATE_NOOP("AuditActions", "Personal details changed"),
    "consent.recorded": QT_TRANSLATE_NOOP("AuditActions", "Consent recorded"),
    "consent.withdrawn": QT_TRANSLATE_NOOP("AuditActions", "Consent withdrawn"),
    "episode.opened": QT_TRANSLATE_NOOP("AuditActions", "Episode of care opened"),
    "episode.discharged": QT_TRANSLATE_NOOP("AuditActions", "Discharged"),
    "intake.created": QT_TRANSLATE_NOOP("AuditActions", "Intake assessment recorded"),
    "barc10.recorded": QT_TRANSLATE_NOOP("AuditActions", "BARC-10 recorded"),
    "barc10.read": QT_TRANSLATE_NOOP("AuditActions", "BARC-10 results read"),
    "care_plan.draft_created": QT_TRANSLATE_NOOP("AuditActions", "Care plan: draft started"),
    "care_plan.goal_added": QT_TRANSLATE_NOOP("AuditActions", "Care plan: goal added"),
    "care_plan.goal_updated": QT_TRANSLATE_NOOP("AuditActions", "Care plan: goal changed"),
    "care_plan.goal_removed": QT_TRANSLATE_NOOP("AuditActions", "Care plan: goal removed"),
    "care_plan.goals_reordered": QT_TRANSLATE_NOOP("AuditActions", "Care plan: goals reordered"),
    "care_plan.review_date_set": QT_TRANSLATE_NOOP("AuditActions", "Care plan: review date set"),
    "care_plan.signed": QT_TRANSLATE_NOOP("AuditActions", "Care plan: signed by the counsellor"),
    "care_plan.client_signature_recorded": QT_TRANSLATE_NOOP("AuditActions", "Care plan: client's signature "
                                                                             "recorded"),
    "care_plan.activated": QT_TRANSLATE_NOOP("AuditActions", "Care plan: activated"),
    "care_plan.reviewed": QT_TRANSLATE_NOOP("AuditActions", "Care plan: reviewed"),
    "care_plan.read": QT_TRANSLATE_NOOP("AuditActions", "Care plan read"),
    "care_plan.listed": QT_TRANSLATE_NOOP("AuditActions", "Care plan versions listed"),
    "note.draft_created": QT_TRANSLATE_NOOP("AuditActions", "Progress note: draft started"),
    "note.draft_saved": QT_TRANSLATE_NOOP("AuditActions", "Progress note: draft saved"),
    "note.signed": QT_TRANSLATE_NOOP("AuditActions", "Progress note signed"),
    "note.draft_discarded": QT_TRANSLATE_NOOP("AuditActions", "Progress note: draft discarded"),
    "notes.read": QT_TRANSLATE_NOOP("AuditActions", "Progress notes read"),
    "family.member_added": QT_TRANSLATE_NOOP("AuditActions", "Family member added"),
    "family.member_updated": QT_TRANSLATE_NOOP("AuditActions", "Family member changed"),
    "family.note_added": QT_TRANSLATE_NOOP("AuditActions", "Support note added"),
    "family.read": QT_TRANSLATE_NOOP("AuditActions", "Family record read"),
    "discharge_plan.created": QT_TRANSLATE_NOOP("AuditActions", "Discharge plan started"),
    "discharge_plan.updated": QT_TRANSLATE_NOOP("AuditActions", "Discharge plan changed"),
    "discharge_plan.viewed": QT_TRANSLATE_NOOP("AuditActions", "Discharge plan read"),
    "checkups.viewed": QT_TRANSLATE_NOOP("AuditActions", "Check-ups read"),
    "checkup.viewed": QT_TRANSLATE_NOOP("AuditActions", "Check-up read"),
    "checkup.attempt_recorded": QT_TRANSLATE_NOOP("AuditActions", "Check-up: contact attempt recorded"),
    "checkup.outcome_recorded": QT_TRANSLATE_NOOP("AuditActions", "Check-up: outcome recorded"),
    "document.printed": QT_TRANSLATE_NOOP("AuditActions", "Document printed"),
}

_ENTITIES: dict[str, object] = {
    "client": QT_TRANSLATE_NOOP("AuditActions", "Client"),
    "consent": QT_TRANSLATE_NOOP("AuditActions", "Consent"),
    "episode": QT_TRANSLATE_NOOP("AuditActions", "Episode"),
    "intake_assessment": QT_TRANSLATE_NOOP("AuditActions", "Intake"),
    "barc10": QT_TRANSLATE_NOOP("AuditActions", "BARC-10"),
    "care_plan": QT_TRANSLATE_NOOP("AuditActions", "Care plan"),
    "progress_note": QT_TRANSLATE_NOOP("AuditActions", "Progress note"),
    "family_member": QT_TRANSLATE_NOOP("AuditActions", "Family member"),
    "family_note": QT_TRANSLATE_NOOP("AuditActions", "Support note"),
    "checkup": QT_TRANSLATE_NOOP("AuditActions", "Check-up"),
}


def action_label(action: str) -> str:
    """A readable name for an audit action code ("family.read" -> "Family record read"); unknown: the code."""
    text = _ACTIONS.get(action)
    return QCoreApplication.translate(CONTEXT, str(text)) if text else action


def record_label(entity: str | None, entity_id: str | None) -> str:
    """"Care plan 12": which record an entry names ('' when it names none)."""
    if entity is None:
        return ""
    text = _ENTITIES.get(entity)
    name = QCoreApplication.translate(CONTEXT, str(text)) if text else entity
    return f"{name} {entity_id}" if entity_id is not None else name


def details_text(details: Any) -> str:
    """An entry's details as "key: value, key: value" (lists joined with commas)."""
    if details is None:
        return ""
    if isinstance(details, dict):
        return ", ".join(f"{key}: {details_text(value)}" for key, value in details.items())
    if isinstance(details, list | tuple):
        return ", ".join(details_text(v) for v in details)
    return str(details).lower() if isinstance(details, bool) else str(details)


def moment_text(moment: datetime) -> str:
    """The entry's time in the user's time zone, to the second ("24 Nov 2026 11:21:35")."""
    return QLocale().toString(QDateTime.fromSecsSinceEpoch(int(moment.timestamp())), "d MMM yyyy HH:mm:ss")


class HistoryModel(RowsModel[AuditRow]):
    """Audit entries, newest first: when, who, what, which record, details."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__((self.tr("When"), self.tr("User"), self.tr("Action"), self.tr("Record"), self.tr("Details")),
                         self._texts, parent, text_roles=DISPLAY_AND_ACCESSIBLE)

    def entries(self) -> tuple[AuditRow, ...]:
        return self.rows()

    @staticmethod
    def _texts(entry: AuditRow) -> tuple[str, ...]:
        return (moment_text(entry.at), entry.user_name, action_label(entry.action),
                record_label(entry.entity, entry.entity_id), details_text(entry.details))

    def cell_data(self, row: AuditRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and column == 2:
            return self.tr("Entry {seq}: {action}").format(seq=row.seq, action=row.action)
        return super().cell_data(row, column, role)


class HistoryTab(RecordTab):
    key = "history"
    title = str(QT_TRANSLATE_NOOP("ClientRecord", "History"))
    roles = (ADMINISTRATOR,)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.limit = PAGE
        intro = QLabel(self.tr("Everything done with this client's record, newest first, as the tamper-evident "
                               "audit log keeps it: changes, printed documents and every time the record was "
                               "read."), self)
        intro.setWordWrap(True)
        intro.setProperty("kind", "hint")
        self.filter = QLineEdit(self)
        self.filter.setClearButtonEnabled(True)
        self.filter.setPlaceholderText(self.tr("For example: discharge, a user's name, a date"))
        filter_label = QLabel(self.tr("Fi&lter:"), self)
        filter_label.setBuddy(self.filter)
        self.filter.setAccessibleName(self.tr("Filter"))
        self.model = HistoryModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setAccessibleName(self.tr("Audit entries"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        table_label = QLabel(self.tr("&Entries:"), self)
        table_label.setBuddy(self.table)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("historyCount")
        self.status = message_label("hint", self)
        self.status.setObjectName("historyStatus")
        self.more_button = QPushButton(self.tr("Show &older entries"), self)
        self.more_button.clicked.connect(self.show_more)
        self.refresh_button = QPushButton(self.tr("&Refresh"), self)
        self.refresh_button.clicked.connect(self.refresh)

        top = QHBoxLayout()
        top.addWidget(filter_label)
        top.addWidget(self.filter, 1)
        top.addWidget(self.refresh_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label, 1)
        bottom.addWidget(self.more_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(table_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self.more_button.hide()

    # --- RecordTab ---------------------------------------------------------------------------------
    def load(self, client_id: int) -> None:
        super().load(client_id)
        self.limit = PAGE
        self.model.set_rows(())
        self.count_label.setText("")
        self.more_button.hide()
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.client_id is not None:
            self.refresh()

    # --- reading ---------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read this client's entries again (up to the current limit)."""
        if self.client_id is None:
            return
        set_message(self.status, self.tr("Loading…"), "hint")
        job = self.session.call(audit.list_entries, limit=self.limit, client_id=self.client_id, write=False)
        self.session.runner.run_db(job, functools.partial(self._loaded, self.client_id),
                                   functools.partial(self._failed, self.client_id))

    def show_more(self) -> None:
        self.limit = min(self.limit + PAGE, MAX_ENTRIES)
        self.refresh()

    def _loaded(self, client_id: int, rows: tuple[AuditRow, ...]) -> None:
        if client_id != self.client_id:
            return
        set_message(self.status, "")
        self.model.set_rows(rows)
        more = len(rows) >= self.limit and self.limit < MAX_ENTRIES
        self.more_button.setVisible(more)
        self.count_label.setText(self.tr("The latest {count} entries.").format(count=len(rows)) if more
                                 else self.tr("{count} entries.").format(count=len(rows)))

    def _failed(self, client_id: int, exc: ContinuumError) -> None:
        if client_id == self.client_id:
            text = (self.tr("The history could not be read.") if isinstance(exc, UnexpectedError)
                    else error_text(exc))
            set_message(self.status, text, "error")
