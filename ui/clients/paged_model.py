"""A Qt table model that fetches its rows a page at a time, as the view scrolls.

:class:`PagedTableModel` holds a tuple-like list of frozen dataclasses (the rows fetched so
far) and asks a *page source* for more when the view reaches the end (Qt's
``canFetchMore``/``fetchMore``).  ``rowCount`` is the number of rows fetched so far, never
the total: a list of 100,000 clients costs one page of memory until the user scrolls.
:attr:`PagedTableModel.total` is the number of rows all pages hold together.

A page source is ``source(offset, limit, total)``: it returns a job for the database thread
(``session.runner.run_db``) whose result is a :class:`Page`.  ``total`` is ``None`` for the
first page, which must then report the total; later pages may leave it ``None``.

Decisions:

- One page is in flight at a time.  Changing the source (a new search, another filter)
  forgets the rows and starts again; a page that arrives for an older source is dropped
  (a generation number), so typing fast never mixes two searches.
- A page shorter than asked for ends the list, even if the total said more (a row was
  removed meanwhile): the model never asks for the same rows twice.
- A failed page is reported through :attr:`load_failed` and the model stays as it was.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal

from clinic_app.errors import ContinuumError
from ui.table_model import ALERT
from ui.tasks import TaskRunner

Row = TypeVar("Row")
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Page(Generic[Row]):
    rows: tuple[Row, ...]
    #: how many rows all pages hold (``None``: as reported before)
    total: int | None


@dataclass(frozen=True)
class Column(Generic[Row]):
    """A column: its (translated) title and how to show a row in it."""

    title: str
    text: Callable[[Row], str]
    #: when it returns True the cell is shown in the warning colour
    warn: Callable[[Row], bool] | None = None


PageSource = Callable[[int, int, int | None], Callable[[], Page[Row]]]


class PagedTableModel(QAbstractTableModel, Generic[Row]):
    """Rows fetched page by page from a :data:`PageSource`."""

    #: the total number of rows is known or changed
    total_changed = Signal(int)
    #: a page is being fetched (True) or has arrived or failed (False)
    busy_changed = Signal(bool)
    #: fetching a page failed (carries the ``ContinuumError``)
    load_failed = Signal(object)

    def __init__(self, runner: TaskRunner, columns: tuple[Column[Row], ...], page_size: int = 200,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner, self._columns, self._page_size = runner, columns, page_size
        self._rows: list[Row] = []
        self._total: int | None = None
        self._source: PageSource[Row] | None = None
        self._generation = 0
        self._loading = False

    # --- the source -------------------------------------------------------------------
    def set_source(self, source: PageSource[Row] | None) -> None:
        """Forget every row and fetch the first page from ``source`` (nothing if ``None``)."""
        self._generation += 1
        self.beginResetModel()
        self._rows, self._total, self._source = [], None, source
        self._loading = False
        self.endResetModel()
        if source is not None:
            self._request()

    def reload(self) -> None:
        """Fetch the first page again from the same source."""
        self.set_source(self._source)

    @property
    def total(self) -> int | None:
        """How many rows all pages hold (``None`` until the first page arrives)."""
        return self._total

    def row(self, row: int) -> Row:
        return self._rows[row]

    def row_where(self, wanted: Callable[[Row], bool]) -> int:
        """The first fetched row for which ``wanted`` is true, or -1."""
        return next((i for i, item in enumerate(self._rows) if wanted(item)), -1)

    # --- Qt model -----------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._columns[section].title
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item, column = self._rows[index.row()], self._columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return column.text(item)
        if role in (Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.BackgroundRole) and column.warn is not None and column.warn(item):
            return ALERT.data(role)
        return None

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:
        return (not parent.isValid() and self._source is not None and not self._loading
                and self._total is not None and len(self._rows) < self._total)

    def fetchMore(self, parent: Index = QModelIndex()) -> None:
        if self.canFetchMore(parent):
            self._request()

    # --- fetching -----------------------------------------------------------------------
    def _request(self) -> None:
        assert self._source is not None
        self._loading = True
        self.busy_changed.emit(True)
        generation = self._generation
        job = self._source(len(self._rows), self._page_size, self._total)
        self._runner.run_db(job, functools.partial(self._arrived, generation),
                            functools.partial(self._failed, generation))

    def _arrived(self, generation: int, page: Page[Row]) -> None:
        if generation != self._generation:
            return
        self._loading = False
        total = page.total if page.total is not None else self._total
        if page.rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page.rows) - 1)
            self._rows.extend(page.rows)
            self.endInsertRows()
        if len(page.rows) < self._page_size:
            total = len(self._rows)  # the end of the list, whatever the count said before
        if total != self._total:
            self._total = total
            self.total_changed.emit(total)
        self.busy_changed.emit(False)

    def _failed(self, generation: int, exc: ContinuumError) -> None:
        if generation != self._generation:
            return
        self._loading = False
        self.busy_changed.emit(False)
        self.load_failed.emit(exc)
