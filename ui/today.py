"""The Today screen: the worklists of the caseload dashboard, each row opening the client.

Six lists from :mod:`clinic_app.services.worklists`, most urgent first: check-ups overdue,
check-ups due soon, care-plan reviews due (overdue ones included), clients in care without
an active care plan, clients without a current consent to treatment, and "my clients".
Each list shows its count in its title and says in words when it is empty; its rows come
a page at a time (:class:`~ui.clients.paged_model.PagedTableModel`), so a long list costs
one page until it is scrolled.  Overdue dates are shown in the warning colour and say so.

Activating a row (double-click or Enter) emits :attr:`TodayScreen.client_requested` with
the client and the tab the row names (``WorklistRow.tab``: "followup" for check-ups,
"care_plan" for plans, "overview" otherwise); the main window opens the client there.

Decisions:

- Scope: a counsellor starts with their own caseload and an administrator with every
  client (the core's defaults), and either can switch.  With "every client" the first
  list is "clients in care" rather than "my clients".
- The lists are read again each time the screen is shown (and with Refresh, F5), so coming
  back from a record shows what was just done.  Each read is one audited call per list.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QLocale, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from clinic_app.services import worklists
from clinic_app.services.auth import ADMINISTRATOR
from clinic_app.services.worklists import Worklist, WorklistRow
from ui.clients.display import show_date
from ui.clients.paged_model import Column, Page, PagedTableModel
from ui.forms import heading, plain_label
from ui.session import Session

PAGE_SIZE = worklists.DEFAULT_LIMIT
VISIBLE_ROWS = 6


translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") with both written out


@dataclass(frozen=True)
class WorklistSpec:
    """One list of the screen: the service, its titles and what it says when empty."""

    name: str
    service: Callable[..., Worklist]
    title: str
    date_title: str
    empty: str
    #: the title when every client is shown (defaults to ``title``)
    title_all: str = ""


WORKLISTS: tuple[WorklistSpec, ...] = (
    WorklistSpec("checkups_overdue", worklists.checkups_overdue, str(QT_TRANSLATE_NOOP("Today", "Check-ups overdue")),
                 str(QT_TRANSLATE_NOOP("Today", "Was due")),
                 str(QT_TRANSLATE_NOOP("Today", "No recovery check-ups are overdue."))),
    WorklistSpec("checkups_due", worklists.checkups_due, str(QT_TRANSLATE_NOOP("Today", "Check-ups due soon")),
                 str(QT_TRANSLATE_NOOP("Today", "Due")),
                 str(QT_TRANSLATE_NOOP("Today", "No recovery check-ups are due in the next {days} days."))),
    WorklistSpec("plan_reviews_due", worklists.plan_reviews_due,
                 str(QT_TRANSLATE_NOOP("Today", "Care-plan reviews due")),
                 str(QT_TRANSLATE_NOOP("Today", "Review date")),
                 str(QT_TRANSLATE_NOOP("Today", "No care-plan reviews are due in the next {days} days."))),
    WorklistSpec("without_active_plan", worklists.without_active_plan,
                 str(QT_TRANSLATE_NOOP("Today", "No active care plan")), str(QT_TRANSLATE_NOOP("Today", "Admitted")),
                 str(QT_TRANSLATE_NOOP("Today", "Every client in care has an active care plan."))),
    WorklistSpec("consent_missing", worklists.consent_missing, str(QT_TRANSLATE_NOOP("Today", "Consent missing")),
                 str(QT_TRANSLATE_NOOP("Today", "Admitted")),
                 str(QT_TRANSLATE_NOOP("Today", "Every client in care has a current consent to treatment."))),
    WorklistSpec("my_clients", worklists.my_clients, str(QT_TRANSLATE_NOOP("Today", "My clients")),
                 str(QT_TRANSLATE_NOOP("Today", "Admitted")), str(QT_TRANSLATE_NOOP("Today", "No clients in care.")),
                 str(QT_TRANSLATE_NOOP("Today", "Clients in care"))),
)


def _date_text(row: WorklistRow) -> str:
    shown = show_date(row.date)
    return translate("Today", "{date} · overdue").format(date=shown) if row.overdue else shown


class WorklistSection(QGroupBox):
    """One worklist: its title with the count, and its rows or a sentence saying there are none."""

    #: a row was activated (carries its ``WorklistRow``)
    row_activated = Signal(object)

    def __init__(self, spec: WorklistSpec, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec, self.session = spec, session
        self.setObjectName(f"worklist_{spec.name}")
        self._scope = worklists.MINE
        columns: tuple[Column[WorklistRow], ...] = (
            Column(translate("Today", "Code"), lambda r: r.client_code),
            Column(translate("Today", "Name"), lambda r: r.display_name),
            Column(translate("Today", spec.date_title), _date_text, warn=lambda r: r.overdue),
        )
        self.model: PagedTableModel[WorklistRow] = PagedTableModel(session.runner, columns, PAGE_SIZE, self)
        self.table = QTableView(self)
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
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)  # code and date: never cut off
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setToolTip(translate("Today", "Double-click a row, or press Enter, to open the client."))
        self.empty = QLabel(self)
        self.empty.setObjectName("emptyWorklist")
        self.empty.setWordWrap(True)
        self.empty.setProperty("kind", "hint")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.empty.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.empty)
        self._fit_table(0)
        self.model.total_changed.connect(self._show_total)
        self.model.busy_changed.connect(self._show_busy)
        self.table.activated.connect(self._activated)
        self._show_title("…")

    def title_text(self) -> str:
        """The list's title without its count."""
        if self._scope == worklists.ALL and self.spec.title_all:
            return translate("Today", self.spec.title_all)
        return translate("Today", self.spec.title)

    def _show_title(self, count: str) -> None:
        self.setTitle(translate("Today", "{title} ({count})").format(title=self.title_text(), count=count))
        self.table.setAccessibleName(self.title_text())

    def load(self, scope: str) -> None:
        """Read the list again for ``scope`` ("mine" or "all")."""
        self._scope = scope
        service = self.spec.service
        session = self.session

        def source(offset: int, limit: int, _total: int | None) -> Callable[[], Page[WorklistRow]]:
            def job() -> Page[WorklistRow]:
                found = session.call(service, scope=scope, limit=limit, offset=offset)()
                return Page(found.rows, found.total)

            return job

        self.model.set_source(source)

    def _show_busy(self, busy: bool) -> None:
        if busy and self.model.total is None:
            self._show_title("…")

    def _show_total(self, total: int) -> None:
        self._show_title(QLocale().toString(total))
        self.empty.setText(translate("Today", self.spec.empty).format(days=worklists.DEFAULT_DAYS))
        self.table.setVisible(total > 0)
        self.empty.setVisible(total == 0)
        self._fit_table(total)

    def _fit_table(self, rows: int) -> None:
        """As tall as its rows, up to :data:`VISIBLE_ROWS` (then it scrolls, fetching more as needed)."""
        shown = min(max(rows, 1), VISIBLE_ROWS)
        rows_height = shown * self.table.verticalHeader().defaultSectionSize()
        self.table.setFixedHeight(self.table.horizontalHeader().sizeHint().height() + rows_height
                                  + 2 * self.table.frameWidth())

    def count(self) -> int | None:
        return self.model.total

    def is_empty_shown(self) -> bool:
        return not self.empty.isHidden()

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.row_activated.emit(self.model.row(index.row()))


class TodayScreen(QWidget):
    #: open a client: (client id, tab key, client code, display name)
    client_requested = Signal(int, str, str, str)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        title = heading(self.tr("Today"), self)
        self.date_label = QLabel(self)
        self.date_label.setProperty("kind", "hint")
        self.scope = QComboBox(self)
        self.scope.addItem(self.tr("My caseload"), worklists.MINE)
        self.scope.addItem(self.tr("Every client"), worklists.ALL)
        self.scope.setCurrentIndex(self.scope.findData(worklists.ALL if session.actor.role == ADMINISTRATOR
                                                       else worklists.MINE))
        scope_label = QLabel(self.tr("&Show:"), self)
        scope_label.setBuddy(self.scope)
        self.scope.setAccessibleName(plain_label(scope_label.text()))
        self.refresh_button = QPushButton(self.tr("&Refresh"), self)
        self.refresh_button.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        self.refresh_button.setToolTip(self.tr("Read the lists again (F5)"))

        top = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(title)
        titles.addWidget(self.date_label)
        top.addLayout(titles, 1)
        top.addWidget(scope_label)
        top.addWidget(self.scope)
        top.addWidget(self.refresh_button)

        self.sections = {spec.name: WorklistSection(spec, session, self) for spec in WORKLISTS}
        content = QWidget(self)
        grid = QGridLayout(content)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(12)
        for position, section in enumerate(self.sections.values()):
            grid.addWidget(section, position // 2, position % 2, Qt.AlignmentFlag.AlignTop)
            section.row_activated.connect(self._open_row)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(len(WORKLISTS) // 2, 1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(content)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 12)
        layout.addLayout(top)
        layout.addWidget(scroll, 1)
        self.scope.currentIndexChanged.connect(self.refresh)
        self.refresh_button.clicked.connect(self.refresh)

    def refresh(self) -> None:
        """Read every list again."""
        self.date_label.setText(QLocale().toString(QDate.currentDate(), QLocale.FormatType.LongFormat))
        scope = self.scope.currentData()
        for section in self.sections.values():
            section.load(scope)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not event.spontaneous():
            self.refresh()

    def _open_row(self, row: WorklistRow) -> None:
        self.client_requested.emit(row.client_id, row.tab, row.client_code, row.display_name)
