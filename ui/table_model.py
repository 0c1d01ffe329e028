"""The read-only table model every list in the GUI uses: rows of the core's frozen dataclasses.

:class:`RowsModel` holds a tuple of rows (``set_rows`` replaces them all with one model
reset) and gets each row's texts from a ``cells`` function, so a table is its header texts
plus that function.  The texts answer the ``text_roles`` (display and tooltip unless told
otherwise); columns listed in ``right_aligned`` are aligned right (numbers).

Decisions:

- A model that needs more (a bold font, a colour, a tooltip of its own for one column, rows
  that are headings) subclasses and overrides :meth:`RowsModel.cell_data`, calling ``super()``
  for what it does not handle; everything else (row and column counts, headers, resets)
  stays here.
- Models whose rows carry more state than the tuple (the codes of clients, today's date)
  set that state, then call ``set_rows``: all of it is read only after the reset.
- :func:`styled_font` is the bold or italic font models return for ``FontRole``.
- A cell in a colour of its own answers both ``ForegroundRole`` and ``BackgroundRole``
  (:class:`CellColours`: :data:`ALERT`, :data:`WARNING`, :data:`MUTED`), so it reads on a
  light and on a dark system palette alike (WCAG AA, 4.5:1).
- :func:`row_table` is the view such a model is shown in: whole rows, one at a time, not
  editable, no row numbers; callers add their own sizing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget

T = TypeVar("T")
AnyIndex = QModelIndex | QPersistentModelIndex
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
DISPLAY_AND_TOOLTIP = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)
DISPLAY_AND_ACCESSIBLE = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole)


def styled_font(*, bold: bool = False, italic: bool = False) -> QFont:
    font = QFont()
    font.setBold(bold)
    font.setItalic(italic)
    return font


@dataclass(frozen=True)
class CellColours:
    """A text colour and the background it is read on, answered together for one cell."""

    text: QColor
    background: QColor

    def data(self, role: int) -> QColor | None:
        """The colour for ``ForegroundRole`` or ``BackgroundRole`` (None for any other role)."""
        if role == Qt.ItemDataRole.ForegroundRole:
            return self.text
        if role == Qt.ItemDataRole.BackgroundRole:
            return self.background
        return None


#: needs attention now (overdue, a safeguarding concern, a refused value)
ALERT = CellColours(QColor("#a4262c"), QColor("#fdecee"))
#: worth a look (a data-quality problem)
WARNING = CellColours(QColor("#8a4b00"), QColor("#fff1dc"))
#: no longer in force (a withdrawn consent)
MUTED = CellColours(QColor("#595959"), QColor("#eeeeee"))


class RowsModel(QAbstractTableModel, Generic[T]):
    """Read-only rows of frozen dataclasses; ``cells(row)`` gives the texts of one row."""

    def __init__(self, headers: Sequence[str], cells: Callable[[T], Sequence[str]],
                 parent: QObject | None = None, right_aligned: Sequence[int] = (),
                 text_roles: Sequence[Qt.ItemDataRole] = DISPLAY_AND_TOOLTIP) -> None:
        super().__init__(parent)
        self._headers, self._cells, self._right = tuple(headers), cells, frozenset(right_aligned)
        self._text_roles = tuple(text_roles)
        self._rows: tuple[T, ...] = ()

    def set_rows(self, rows: tuple[T, ...]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def rows(self) -> tuple[T, ...]:
        return self._rows

    def row(self, row: int) -> T:
        return self._rows[row]

    def row_if_any(self, row: int) -> T | None:
        """The row ``row``, ``None`` when there is no such row (no selection is row -1)."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_where(self, wanted: Callable[[T], bool]) -> int:
        """The number of the first row ``wanted`` accepts, -1 if none does."""
        return next((i for i, item in enumerate(self._rows) if wanted(item)), -1)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        return self.cell_data(self._rows[index.row()], index.column(), role)

    def cell_data(self, row: T, column: int, role: int) -> Any:
        """What ``role`` asks of ``row`` in ``column``; override for more roles, calling ``super()``."""
        if role == Qt.ItemDataRole.TextAlignmentRole and column in self._right:
            return RIGHT
        if role in self._text_roles:
            return self._cells(row)[column]
        return None


def row_table(model: QAbstractTableModel, parent: QWidget, name: str) -> QTableView:
    """A read-only table of whole rows named ``name`` for screen readers (one row selected at a time)."""
    view = QTableView(parent)
    view.setModel(model)
    view.setAccessibleName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    return view
