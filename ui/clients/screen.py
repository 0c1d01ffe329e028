"""The Clients screen: the list on the left, the open client's record on the right.

Layout decision: a splitter (list | record), not a page that replaces the list.  A counsellor
working through a caseload goes from one client to the next; with the list always in view
they keep their search, their filters and their place in the list, and see which client is
open.  The splitter's sizes and the list's column widths are remembered on this computer
(``QSettings``, saved whenever the screen is hidden, which includes closing the window).

- The list is a lazy :class:`~ui.clients.paged_model.PagedTableModel`: pages of
  :data:`~ui.clients.model.PAGE_SIZE` clients are fetched as the view scrolls; the line above
  it says how many clients match in all.
- A client opens on a click or on Enter (arrow keys only move the highlight: every opening
  is an audited read of the record, so passing over a name must not open it).  Opening
  another client goes through :meth:`ClientRecordView.open_client`, which asks first about
  unsaved changes; until the user has answered, the list keeps showing the open client.
- The list is sorted by name; clicking the Name header reverses the order.  The other
  columns are not sortable (see :mod:`ui.clients.model`).
- "New client" (and Ctrl+N) starts the intake through the hook
  ``ui.client_record.intake.open_new_intake(parent_widget, session, on_created)`` provided
  by the intake tab: ``parent_widget`` is this screen, ``on_created(client_id)`` refreshes
  the list and opens the new client.  Until that module exists the button is
  disabled with a tooltip saying why.
"""

from __future__ import annotations

import dataclasses
import importlib
import importlib.util
from collections.abc import Callable

from PySide6.QtCore import QLocale, QModelIndex, Qt
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from clinic_app.errors import ContinuumError, ValidationError
from clinic_app.services.clients import ClientRecord
from clinic_app.services.search import ClientSummary
from ui.client_record.overview import OverviewTab
from ui.client_record.view import ClientRecordView
from ui.clients.display import full_name
from ui.clients.filters import FilterBar
from ui.clients.model import NAME_COLUMN, ClientQuery, client_list_model, client_source
from ui.preferences import workstation_settings
from ui.session import Session
from ui.tasks import UnexpectedError, error_text

SPLITTER_KEY = "clients/splitter"
COLUMNS_KEY = "clients/columns"
INTAKE_MODULE = "ui.client_record.intake"
DEFAULT_COLUMN_WIDTHS = (105, 190, 105, 90, 140, 140)

IntakeOpener = Callable[[QWidget, Session, Callable[[int], object]], object]


def intake_opener() -> IntakeOpener | None:
    """``open_new_intake`` of :data:`INTAKE_MODULE`, once the intake tab provides it."""
    if importlib.util.find_spec(INTAKE_MODULE) is None:
        return None
    opener: IntakeOpener | None = getattr(importlib.import_module(INTAKE_MODULE), "open_new_intake", None)
    return opener


class ClientsScreen(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._query = ClientQuery()
        self._header_wanted: tuple[int, str, str] | None = None

        self.filters = FilterBar(session, self)
        self.count = QLabel(self)
        self.count.setObjectName("clientCount")
        self.new_button = QPushButton(self.tr("&New client…"), self)
        self._opener = intake_opener()
        self.new_button.setEnabled(self._opener is not None)
        if self._opener is None:
            self.new_button.setToolTip(self.tr("The intake form is not available in this version."))
        self.model = client_list_model(session, self)
        self.table = QTableView(self)
        self.table.setObjectName("clientTable")
        self.table.setAccessibleName(self.tr("Clients"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(NAME_COLUMN, Qt.SortOrder.AscendingOrder)
        header.setToolTip(self.tr("The list is sorted by name. Click “Name” to reverse the order."))
        for column, width in enumerate(DEFAULT_COLUMN_WIDTHS):
            header.resizeSection(column, max(width, header.sectionSizeHint(column)))

        top = QHBoxLayout()
        top.addWidget(self.count, 1)
        top.addWidget(self.new_button)
        list_pane = QWidget(self)
        left = QVBoxLayout(list_pane)
        left.setContentsMargins(10, 10, 4, 10)
        left.addWidget(self.filters)
        left.addLayout(top)
        left.addWidget(self.table, 1)

        self.record = ClientRecordView(session, self)
        self.placeholder = QLabel(self.tr("Choose a client in the list to open their record, or add a new client."),
                                  self)
        self.placeholder.setObjectName("recordPlaceholder")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setProperty("kind", "hint")
        self.right = QStackedWidget(self)
        self.right.addWidget(self.placeholder)
        self.right.addWidget(self.record)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("clientsSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(list_pane)
        self.splitter.addWidget(self.right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([400, 600])  # scaled to the width the screen gets
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        self._restore_layout()

        self.filters.changed.connect(self._filters_changed)
        self.filters.search.returnPressed.connect(self.filters.search_now)
        header.sortIndicatorChanged.connect(self._sort_changed)
        self.table.clicked.connect(self._open_index)
        self.table.activated.connect(self._open_index)
        self.new_button.clicked.connect(self.new_client)
        self.model.total_changed.connect(self._show_count)
        self.model.busy_changed.connect(self._show_busy)
        self.model.load_failed.connect(self._load_failed)
        self.model.rowsInserted.connect(self._rows_arrived)
        self.record.client_opened.connect(self._client_opened)
        overview = self.record.tab(OverviewTab.key)
        if isinstance(overview, OverviewTab):
            overview.client_loaded.connect(self._record_loaded)
        self._apply()

    # --- the list -----------------------------------------------------------------------
    def _apply(self) -> None:
        self.filters.show_message("")
        self.model.set_source(client_source(self.session, self._query))

    def _filters_changed(self, query: ClientQuery) -> None:
        self._query = dataclasses.replace(query, descending=self._query.descending)
        self._apply()

    def _sort_changed(self, column: int, order: Qt.SortOrder) -> None:
        header = self.table.horizontalHeader()
        if column != NAME_COLUMN:  # only the name order exists: put the indicator back
            header.blockSignals(True)
            header.setSortIndicator(NAME_COLUMN, Qt.SortOrder.DescendingOrder if self._query.descending
                                    else Qt.SortOrder.AscendingOrder)
            header.blockSignals(False)
            return
        self._query = dataclasses.replace(self._query, descending=order == Qt.SortOrder.DescendingOrder)
        self._apply()

    def _show_busy(self, busy: bool) -> None:
        if busy and self.model.total is None:
            self.count.setText(self.tr("Searching…"))

    def _show_count(self, total: int) -> None:
        if total == 0:
            if self._query.search.strip():
                text = self.tr("No client matches “{text}”.").format(text=self._query.search.strip())
            elif any(value is not None for value in (self._query.status, self._query.counsellor_id,
                                                     self._query.programme)):
                text = self.tr("No client matches these filters.")
            else:
                text = self.tr("No clients yet.")
        elif total == 1:
            text = self.tr("1 client")
        else:
            text = self.tr("{count} clients").format(count=QLocale().toString(total))
        self.count.setText(text)

    def _load_failed(self, exc: ContinuumError) -> None:
        self.count.setText("")
        if isinstance(exc, ValidationError):
            self.filters.show_message(error_text(exc))
        elif not isinstance(exc, UnexpectedError):  # the runner has shown that one already
            self.session.runner.show_error(exc)

    def total(self) -> int | None:
        """How many clients match the search and filters (``None`` while counting)."""
        return self.model.total

    def focus_search(self) -> None:
        """Ctrl+F: put the cursor in the search field."""
        self.filters.focus_search()

    # --- opening a client ---------------------------------------------------------------
    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            client: ClientSummary = self.model.row(index.row())
            self.open_client(client.id, None, client.code, full_name(client.given_names, client.family_name))

    def open_client(self, client_id: int, tab_key: str | None = None, code: str = "", name: str = "") -> None:
        """Show ``client_id``'s record at ``tab_key`` (after the unsaved-changes question, if any)."""
        self._header_wanted = (client_id, code, name) if code else None
        self._select_row(self.record.client_id)  # until the user has answered, the open client stays selected
        self.record.open_client(client_id, tab_key)

    def _client_opened(self, client_id: int) -> None:
        self.right.setCurrentWidget(self.record)
        if self._header_wanted is not None and self._header_wanted[0] == client_id:
            self.record.set_header(*self._header_wanted[1:])
        self._select_row(client_id)

    def _record_loaded(self, record: ClientRecord) -> None:
        if record.id == self.record.client_id:
            self.record.set_header(record.code, full_name(record.given_names, record.family_name))
            row = self.model.row_where(lambda c: c.id == record.id)
            if row >= 0 and (self.model.row(row).family_name, self.model.row(row).given_names) != (
                    record.family_name, record.given_names):
                self._apply()  # the names were edited: the list (and its order) must show them

    def _rows_arrived(self, _parent: QModelIndex, first: int, _last: int) -> None:
        """A new first page (new search, reload): highlight the open client if it is on it."""
        if first == 0 and self.record.client_id is not None:
            self._select_row(self.record.client_id)

    def _select_row(self, client_id: int | None) -> None:
        row = -1 if client_id is None else self.model.row_where(lambda c: c.id == client_id)
        selection = self.table.selectionModel()
        if row < 0:
            selection.clearSelection()
        else:
            self.table.selectRow(row)

    # --- new client ---------------------------------------------------------------------
    def can_add_clients(self) -> bool:
        """Whether "New client" works (the intake form is there)."""
        return self._opener is not None

    def new_client(self) -> None:
        """Start the intake of a new client (after the unsaved-changes question, if any)."""
        opener = self._opener
        if opener is None:
            return

        self.record.confirm_leave(lambda: opener(self, self.session, self._client_created))

    def _client_created(self, client_id: int) -> None:
        self.model.reload()
        self.open_client(client_id, OverviewTab.key)

    # --- Ctrl+S, Ctrl+P and the unsaved-changes guard ---------------------------------------
    def save_current(self) -> bool:
        """Ctrl+S: save the open tab; False if it had nothing to save."""
        tab = self.record.current_tab()
        if tab is None or not tab.has_unsaved_changes():
            return False
        self.record.save_current()
        return True

    def print_current(self) -> bool:
        """Ctrl+P: print what the open tab shows; False if it has nothing to print."""
        return self.record.client_id is not None and self.record.print_current()

    def has_unsaved_changes(self) -> bool:
        return bool(self.record.dirty_tabs())

    def confirm_leave(self, then: Callable[[], object]) -> None:
        """Run ``then`` once nothing typed is left unsaved (asking the user if needed)."""
        self.record.confirm_leave(then)

    # --- remembered layout ----------------------------------------------------------------
    def _restore_layout(self) -> None:
        settings = workstation_settings()
        splitter, columns = settings.value(SPLITTER_KEY), settings.value(COLUMNS_KEY)
        if splitter is not None:
            self.splitter.restoreState(splitter)
        if columns is not None:
            header = self.table.horizontalHeader()
            header.restoreState(columns)
            header.setSortIndicator(NAME_COLUMN, Qt.SortOrder.AscendingOrder)  # widths only: every visit starts A→Z

    def save_layout(self) -> None:
        settings = workstation_settings()
        settings.setValue(SPLITTER_KEY, self.splitter.saveState())
        settings.setValue(COLUMNS_KEY, self.table.horizontalHeader().saveState())

    def hideEvent(self, event: QHideEvent) -> None:
        self.save_layout()
        super().hideEvent(event)
