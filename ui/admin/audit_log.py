"""The audit log viewer (administrators): who did what to which record, when, with filters,
and a check that nobody has tampered with the log.

The table is a :class:`~ui.table_model.RowsModel` over the tuple of ``audit.AuditRow`` that
``audit.list_entries`` returns, newest first; "Verify audit chain" runs ``audit.verify``
and says the result in words.

Decisions
---------
* **Paging**: the first :data:`PAGE_SIZE` matching entries are shown; "Load more" asks
  again with a limit :data:`PAGE_SIZE` larger (``list_entries`` has a limit and no offset,
  and asking again also picks up entries written meanwhile), up to the service's own cap
  of :data:`MAX_ENTRIES`, after which the status line asks for narrower filters.
* **Dates are the user's local dates**, like the times in the table.  The service filters
  whole UTC days, so the query is widened by a day on each side and the rows are then
  kept by their local date.  "Load more" is offered whenever the service returned as many
  rows as asked for, even if fewer are left after that local cut.
* **Client codes**: entries hold the client's id.  The id → code map comes from
  ``search.list_clients`` (read once, in pages, and again only when an entry names a
  client newer than any in the map, or a typed code is not in it), so it is cheap but,
  like every client list, audited ("clients.listed").  A code typed in the client filter
  is resolved through the same map (any case); an unknown code is reported under the
  filters and nothing is listed.  An id without a code (a client since removed) shows as
  "#id".
* **Filters apply** with "Apply filters" or Enter in a text field, never while typing, so a
  half-typed client code is never looked up.  The user list comes from
  ``accounts.list_users`` plus the "(system)" name of entries written without a user; the
  action box offers the actions seen so far and accepts any text (matched exactly).
* The entries are loaded the first time the tab is shown, not when the Administration
  screen is built.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
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
from clinic_app.services import accounts, audit, search
from clinic_app.services.accounts import UserInfo
from clinic_app.services.audit import AuditRow, ChainReport
from ui.forms import message_label, plain_label, set_message
from ui.labels import local_date
from ui.session import Session
from ui.table_model import RowsModel
from ui.tasks import UnexpectedError, error_text
from ui.widgets.inputs import OptionalDateEdit


PAGE_SIZE = 200
MAX_ENTRIES = audit.MAX_LIST_LIMIT
#: clients read per ``search.list_clients`` call when building the code map
CLIENT_PAGE = search.MAX_PAGE


def local_time(row: AuditRow) -> str:
    """The entry's time in the user's time zone: "24 Nov 2026 14:03:12"."""
    return f"{local_date(row.at)} {row.at.astimezone():%H:%M:%S}"


def _value_text(value: Any) -> str:
    if isinstance(value, list | tuple):
        return ", ".join(_value_text(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(", ", ": "))
    return str(value)


def details_text(details: Any) -> str:
    """An entry's details in one line: ``{"settings": ["name", "address"]}`` -> "settings: name, address"."""
    if details is None:
        return ""
    if isinstance(details, dict):
        return "; ".join(f"{key}: {_value_text(value)}" for key, value in sorted(details.items()))
    return _value_text(details)


def record_text(row: AuditRow) -> str:
    """The record an entry concerns: "client 12", "user 3", or just the kind."""
    if row.entity is None:
        return ""
    return row.entity if row.entity_id is None else f"{row.entity} {row.entity_id}"


@dataclass(frozen=True)
class AuditQuery:
    """The filters as applied (not as being typed); empty values match everything."""

    user_name: str | None = None
    client_code: str = ""
    action: str = ""
    since: date | None = None
    until: date | None = None
    limit: int = PAGE_SIZE


@dataclass(frozen=True)
class AuditPage:
    """What one load found: the rows, a new client code map (``None``: unchanged), and
    the typed client code when no client has it (then ``rows`` is empty)."""

    rows: tuple[AuditRow, ...]
    has_more: bool
    codes: Mapping[int, str] | None = None
    unknown_code: str | None = None


def _read_codes(session: Session) -> dict[int, str]:
    codes: dict[int, str] = {}
    offset = 0
    while True:
        page = session.call(search.list_clients, offset=offset, limit=CLIENT_PAGE)()
        codes.update((c.id, c.code) for c in page)
        if len(page) < CLIENT_PAGE:
            return codes
        offset += CLIENT_PAGE


def _code_id(codes: Mapping[int, str], code: str) -> int | None:
    wanted = code.strip().upper()
    return next((client_id for client_id, known in codes.items() if known.upper() == wanted), None)


def load_job(session: Session, query: AuditQuery, known: Mapping[int, str]) -> Callable[[], AuditPage]:
    """The database job for ``query``; ``known`` is the client code map the viewer holds."""
    held = dict(known)

    def job() -> AuditPage:
        codes, fresh = held, False
        client_id = None
        if query.client_code:
            client_id = _code_id(codes, query.client_code)
            if client_id is None:
                codes, fresh = _read_codes(session), True
                client_id = _code_id(codes, query.client_code)
            if client_id is None:
                return AuditPage((), False, codes, query.client_code.strip())
        rows = session.call(
            audit.list_entries, write=False, limit=query.limit, user_name=query.user_name,
            client_id=client_id, action=query.action or None,
            since=query.since - timedelta(days=1) if query.since else None,
            until=query.until + timedelta(days=1) if query.until else None,
        )()
        has_more = len(rows) == query.limit and query.limit < MAX_ENTRIES
        kept = tuple(r for r in rows if _in_range(r, query.since, query.until))
        unknown = {r.client_id for r in kept if r.client_id is not None and r.client_id not in codes}
        if unknown and not fresh and max(unknown) > max(codes, default=0):
            codes, fresh = _read_codes(session), True
        return AuditPage(kept, has_more, codes if fresh else None)

    return job


def _in_range(row: AuditRow, since: date | None, until: date | None) -> bool:
    day = row.at.astimezone().date()
    return (since is None or day >= since) and (until is None or day <= until)


class AuditModel(RowsModel[AuditRow]):
    """The entries, one per row: number, time, user, action, record, client, details."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__((self.tr("No."), self.tr("Time"), self.tr("User"), self.tr("Action"), self.tr("Record"),
                          self.tr("Client"), self.tr("Details")), self._texts, parent, right_aligned=(0,))
        self._codes: Mapping[int, str] = {}

    def set_entries(self, rows: tuple[AuditRow, ...], codes: Mapping[int, str]) -> None:
        """Show ``rows``, naming clients by their ``codes``."""
        self._codes = codes
        self.set_rows(rows)

    def entry(self, row: int) -> AuditRow:
        return self.row(row)

    def client_text(self, row: AuditRow) -> str:
        if row.client_id is None:
            return ""
        return self._codes.get(row.client_id, f"#{row.client_id}")

    def _texts(self, r: AuditRow) -> tuple[str, ...]:
        return (str(r.seq), local_time(r), r.user_name, r.action, record_text(r), self.client_text(r),
                details_text(r.details))


class AuditLogPanel(QWidget):
    """Filters above the entries; "Load more" and "Verify audit chain" below them."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._codes: Mapping[int, str] = {}
        #: entries per page: the first load and each "Load more"
        self.page_size = PAGE_SIZE
        self._query = AuditQuery()
        self._loaded_once = False
        self._loading = False

        self.user = QComboBox(self)
        self.user.addItem(self.tr("Anyone"), None)
        self.action = QComboBox(self)
        self.action.setEditable(True)
        self.action.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.action.lineEdit().setPlaceholderText(self.tr("Any action"))
        self.action.lineEdit().setClearButtonEnabled(True)
        self.client = QLineEdit(self)
        self.client.setPlaceholderText(self.tr("Any client, or a code such as C-2026-0042"))
        self.client.setClearButtonEnabled(True)
        self.since = OptionalDateEdit(self, maximum=date.today())
        self.until = OptionalDateEdit(self)
        self.apply_button = QPushButton(self.tr("A&pply filters"), self)
        self.clear_button = QPushButton(self.tr("Clear filte&rs"), self)
        self.apply_button.clicked.connect(self.apply)
        self.clear_button.clicked.connect(self.clear_filters)
        for edit in (self.client, self.since, self.until, self.action.lineEdit()):
            edit.returnPressed.connect(self.apply)
        self.filter_message = message_label("error", self)
        self.filter_message.setObjectName("filterMessage")

        filters = QGridLayout()
        filters.setHorizontalSpacing(8)
        filters.setVerticalSpacing(6)
        self._add(filters, 0, 0, self.tr("&User:"), self.user)
        self._add(filters, 0, 2, self.tr("Act&ion:"), self.action)
        self._add(filters, 1, 0, self.tr("C&lient code:"), self.client)
        dates = QHBoxLayout()
        dates.setSpacing(8)
        from_label, to_label = QLabel(self.tr("Fr&om:"), self), QLabel(self.tr("&To:"), self)
        for label, edit in ((from_label, self.since), (to_label, self.until)):
            label.setBuddy(edit)
            edit.setAccessibleName(plain_label(label.text()))
            dates.addWidget(label)
            dates.addWidget(edit, 1)
        filters.addLayout(dates, 1, 2, 1, 2)
        buttons = QHBoxLayout()
        buttons.addWidget(self.apply_button)
        buttons.addWidget(self.clear_button)
        buttons.addStretch(1)
        filters.addLayout(buttons, 2, 1, 1, 3)
        filters.addWidget(self.filter_message, 3, 1, 1, 3)
        filters.setColumnStretch(1, 1)
        filters.setColumnStretch(3, 1)

        self.model = AuditModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Audit log entries"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.model.columnCount() - 1, QHeaderView.ResizeMode.Stretch)

        self.status = QLabel(self)
        self.status.setObjectName("auditStatus")
        self.status.setWordWrap(True)
        self.more_button = QPushButton(self.tr("Load &more"), self)
        self.more_button.clicked.connect(self.load_more)
        self.more_button.setEnabled(False)
        self.verify_button = QPushButton(self.tr("&Verify audit chain"), self)
        self.verify_button.clicked.connect(self.verify)
        self.verify_result = message_label("ok", self)
        self.verify_result.setObjectName("verifyResult")
        below = QHBoxLayout()
        below.addWidget(self.status, 1)
        below.addWidget(self.more_button)
        below.addWidget(self.verify_button)

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(below)
        layout.addWidget(self.verify_result)
        session.runner.run_db(session.call(accounts.list_users, write=False), self._add_users)

    def _add(self, grid: QGridLayout, row: int, column: int, text: str, widget: QWidget) -> None:
        label = QLabel(text, self)
        label.setBuddy(widget)
        widget.setAccessibleName(plain_label(text))
        grid.addWidget(label, row, column)
        grid.addWidget(widget, row, column + 1)

    def _add_users(self, users: tuple[UserInfo, ...]) -> None:
        for user in sorted(users, key=lambda u: u.name):
            self.user.addItem(f"{user.name} ({user.full_name})" if user.full_name else user.name, user.name)
        self.user.addItem(self.tr("System (no user)"), audit.SYSTEM)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._loaded_once:
            self._loaded_once = True
            self.apply()

    # --- filters and loading ---------------------------------------------------------
    def query_from_filters(self) -> AuditQuery | str:
        """The filters as typed, or a message saying which one is not understood."""
        for edit, name in ((self.since, self.tr("From")), (self.until, self.tr("To"))):
            if edit.value() and edit.date() is None:
                return self.tr("Enter the {field} date as YYYY-MM-DD (e.g. 2026-03-01), or leave it empty.").format(
                    field=name)
        since, until = self.since.date(), self.until.date()
        if since and until and since > until:
            return self.tr("The From date is after the To date.")
        return AuditQuery(self.user.currentData(), self.client.text().strip(), self.action.currentText().strip(),
                          since, until, self.page_size)

    def apply(self) -> None:
        """Load the first page of entries matching the filters as typed."""
        query = self.query_from_filters()
        if isinstance(query, str):
            set_message(self.filter_message, query)
            return
        self._load(query)

    def load_more(self) -> None:
        self._load(replace(self._query, limit=min(self._query.limit + self.page_size, MAX_ENTRIES)))

    def clear_filters(self) -> None:
        self.user.setCurrentIndex(0)
        self.action.setEditText("")
        for edit in (self.client, self.since, self.until):
            edit.clear()
        self.apply()

    def _load(self, query: AuditQuery) -> None:
        if self._loading:
            return
        set_message(self.filter_message, "")
        self._set_loading(True)
        self._query = query
        self.session.runner.run_db(load_job(self.session, query, self._codes), self._loaded, self._failed)

    def _set_loading(self, loading: bool) -> None:
        self._loading = loading
        self.apply_button.setEnabled(not loading)
        self.clear_button.setEnabled(not loading)
        if loading:
            self.more_button.setEnabled(False)
            self.status.setText(self.tr("Loading…"))

    def _failed(self, exc: ContinuumError) -> None:
        self._set_loading(False)
        self.status.setText("")
        if not isinstance(exc, UnexpectedError):  # that one the runner has already shown
            set_message(self.filter_message, error_text(exc))

    def _loaded(self, page: AuditPage) -> None:
        self._set_loading(False)
        if page.codes is not None:
            self._codes = page.codes
        if page.unknown_code is not None:
            self.model.set_entries((), self._codes)
            self.status.setText("")
            set_message(self.filter_message, self.tr("There is no client with the code {code}.").format(
                code=page.unknown_code))
            self.client.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.model.set_entries(page.rows, self._codes)
        self._offer_actions(page.rows)
        self.more_button.setEnabled(page.has_more)
        self.status.setText(self._status_text(page))

    def _status_text(self, page: AuditPage) -> str:
        shown = len(page.rows)
        if shown == 0:
            return self.tr("No entries match these filters.")
        text = (self.tr("1 entry shown.") if shown == 1
                else self.tr("{count} entries shown, newest first.").format(count=shown))
        if page.has_more:
            return text + " " + self.tr("Older entries: Load more.")
        if self._query.limit >= MAX_ENTRIES and shown:
            return text + " " + self.tr("This is as many as can be shown at once; narrow the filters to see older "
                                        "entries.")
        return text

    def _offer_actions(self, rows: tuple[AuditRow, ...]) -> None:
        known = {self.action.itemText(i) for i in range(self.action.count())}
        new = {r.action for r in rows} - known
        if not new:
            return
        typed = self.action.currentText()
        self.action.blockSignals(True)
        self.action.clear()
        self.action.addItems(sorted(known | new))
        self.action.setEditText(typed)
        self.action.blockSignals(False)

    # --- verification -------------------------------------------------------------------
    def verify(self) -> None:
        self.verify_button.setEnabled(False)
        set_message(self.verify_result, self.tr("Checking every entry of the audit log…"), "hint")
        self.session.runner.run_db(self.session.call(audit.verify, write=False), self._verified, self._verify_failed)

    def _verified(self, report: ChainReport) -> None:
        self.verify_button.setEnabled(True)
        if report.ok:
            text = self.tr("The audit log is intact: all {count} entries were checked, and none has been changed, "
                           "removed or put out of order.").format(count=report.checked)
            set_message(self.verify_result, text, "ok")
            return
        text = self.tr("The audit log has been tampered with or damaged: {problem}. The {checked} entries before "
                       "that point are intact. Keep this computer and its backups as they are, and ask for "
                       "help.").format(problem=report.problem, checked=report.checked)
        set_message(self.verify_result, text, "error")

    def _verify_failed(self, exc: ContinuumError) -> None:
        self.verify_button.setEnabled(True)
        set_message(self.verify_result, "" if isinstance(exc, UnexpectedError) else error_text(exc), "error")
