"""The table preview: every table of a statistics report, one at a time, as the export shows it.

:func:`preview_grid` lays a protected :class:`~clinic_app.statistics.model.Table` out the
way the PDF report (:mod:`clinic_app.statistics.report_pdf`) prints it: one-way tables as
label, number (or median) and percentage; two-way tables as rows by columns with the total
column (and total row for grids); the "people reached" table with its percentage column.
:class:`StatisticsTableModel` shows that grid in a ``QTableView``; :class:`TablesPanel`
puts the list of tables (grouped by the report's sections) beside it.

Decisions:

- **The export's language.**  Titles, categories and the notes under a table are the
  report's own texts (:func:`clinic_app.i18n.tr`), shown in the language chosen for the
  export, so the preview is what the files will say.  Numbers are written with that
  language's conventions (``QLocale``: "12.5%" / "12,5 %").
- **Hidden figures.**  A suppressed cell shows ``*`` on a grey background, whatever the
  reason it is hidden (the report never tells small counts from secondary suppressions);
  its tooltip, the line under the table and, for screen readers, its accessible text say
  why.  Totals (the total row and column) are bold, as in the PDF.
- Only what is in the protected report is shown: the preview cannot reveal a figure the
  export hides, because it never receives one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QLocale, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from clinic_app.i18n import tr as core_tr
from clinic_app.statistics.model import DERIVED, FIGURES, GRID, LIST, ROWS, VALUES, Cell, Report, Table
from clinic_app.statistics.records import TOTAL
from clinic_app.statistics.report_pdf import HIDDEN, SECTIONS, hidden_legend
from ui.forms import heading, message_label, set_message

AnyIndex = QModelIndex | QPersistentModelIndex

#: item data role: True for a cell whose figure is hidden
SUPPRESSED_ROLE = Qt.ItemDataRole.UserRole + 1
#: item data role of the table list: the table's key (``None`` for a section heading)
TABLE_KEY_ROLE = Qt.ItemDataRole.UserRole + 2
HIDDEN_BACKGROUND = QColor("#e9ecef")


@dataclass(frozen=True)
class PreviewCell:
    """One cell of the preview: its text, and how it is shown."""

    text: str
    numeric: bool = False
    bold: bool = False
    suppressed: bool = False


@dataclass(frozen=True)
class PreviewGrid:
    """A table laid out for the screen: column headings and rows of cells."""

    headers: tuple[str, ...]
    rows: tuple[tuple[PreviewCell, ...], ...]


class _Numbers:
    """Numbers and percentages written the way ``lang`` writes them."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.locale = QLocale(lang)

    def value(self, cell: Cell) -> str:
        if cell.suppressed:
            return HIDDEN
        if cell.value is None:
            return "–"
        if isinstance(cell.value, float) and not cell.value.is_integer():
            return self.locale.toString(cell.value, "f", 1)
        return self.locale.toString(int(cell.value))

    def percent(self, cell: Cell) -> str:
        if cell.percent is None:
            return ""
        number = self.locale.toString(cell.percent, "f", 1)
        return f"{number}\u00a0%" if self.lang == "es" else f"{number}%"


def _number_cell(text: str, cell: Cell, bold: bool) -> PreviewCell:
    return PreviewCell(text, numeric=True, bold=bold, suppressed=cell.suppressed)


def preview_grid(table: Table, lang: str) -> PreviewGrid:
    """``table`` laid out as the PDF report prints it, with texts in ``lang``."""
    numbers = _Numbers(lang)
    first = table.dimensions[0]
    if table.shape in (LIST, FIGURES, VALUES):
        headers = [first.heading(lang), core_tr("Median" if table.shape == VALUES else "Number", lang)]
        if table.with_percent:
            headers.append("%")
        rows = []
        for cell in table.cells:
            total = cell.coords[0] == TOTAL
            row = [PreviewCell(first.label(cell.coords[0], lang), bold=total),
                   _number_cell(numbers.value(cell), cell, total)]
            if table.with_percent:
                row.append(PreviewCell(numbers.percent(cell), numeric=True, bold=total))
            rows.append(tuple(row))
        return PreviewGrid(tuple(headers), tuple(rows))

    second = table.dimensions[1]
    columns = second.codes + ((TOTAL,) if table.shape != DERIVED else ())
    row_codes = first.codes + ((TOTAL,) if table.shape in (GRID, DERIVED) else ())
    headers = [f"{first.heading(lang)} / {second.heading(lang)}"] + [second.label(c, lang) for c in columns]
    if table.shape == DERIVED:
        headers.append("%")
    rows = []
    for r in row_codes:
        total_row = r == TOTAL
        row = [PreviewCell(first.label(r, lang), bold=total_row)]
        for c in columns:
            cell = table.get(r, c)
            text = numbers.value(cell)
            if table.shape == ROWS and cell.percent is not None:
                text += f" ({numbers.percent(cell)})"
            row.append(_number_cell(text, cell, total_row or c == TOTAL))
        if table.shape == DERIVED:
            row.append(PreviewCell(numbers.percent(table.get(r, columns[-1])), numeric=True, bold=total_row))
        rows.append(tuple(row))
    return PreviewGrid(tuple(headers), tuple(rows))


class StatisticsTableModel(QAbstractTableModel):
    """A :class:`PreviewGrid` for a ``QTableView``; hidden cells carry ``legend`` as tooltip."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._grid = PreviewGrid((), ())
        self._legend = ""

    def set_grid(self, grid: PreviewGrid, legend: str) -> None:
        self.beginResetModel()
        self._grid, self._legend = grid, legend
        self.endResetModel()

    def cell(self, row: int, column: int) -> PreviewCell:
        return self._grid.rows[row][column]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._grid.rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._grid.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._grid.headers[section]
        if role == Qt.ItemDataRole.TextAlignmentRole and section > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        cell = self.cell(index.row(), index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return cell.text
        if role == SUPPRESSED_ROLE:
            return cell.suppressed
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._legend if cell.suppressed else None
        if role == Qt.ItemDataRole.AccessibleTextRole and cell.suppressed:
            return self.tr("not shown")
        if role == Qt.ItemDataRole.FontRole and cell.bold:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole and cell.suppressed:
            return QBrush(HIDDEN_BACKGROUND)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = Qt.AlignmentFlag.AlignRight if cell.numeric else Qt.AlignmentFlag.AlignLeft
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        return None


def _table_order() -> tuple[tuple[str | None, tuple[str, ...]], ...]:
    """(section heading or ``None``, table keys) in the order the PDF report prints them."""
    return ((None, ("key_figures",)),) + SECTIONS


class TablesPanel(QWidget):
    """The report's tables listed on the left (by section); the selected one on the right."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._report: Report | None = None
        self._lang = "en"

        self.table_list = QListWidget(self)
        self.table_list.setObjectName("tableList")
        self.table_list.setAccessibleName(self.tr("Tables"))
        self.table_list.setWordWrap(True)
        list_label = QLabel(self.tr("T&ables:"), self)
        list_label.setBuddy(self.table_list)
        left = QWidget(self)
        left_column = QVBoxLayout(left)
        left_column.setContentsMargins(0, 0, 0, 0)
        left_column.addWidget(list_label)
        left_column.addWidget(self.table_list)

        self.title = heading("", self, scale=1.15)
        self.population = message_label("hint", self)
        self.model = StatisticsTableModel(self)
        self.view = QTableView(self)
        self.view.setObjectName("tablePreview")
        self.view.setModel(self.model)
        self.view.setAccessibleName(self.tr("Selected table"))
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(self.view.fontMetrics().height() + 8)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(False)
        self.view.setAlternatingRowColors(False)
        self.notes = message_label("hint", self)
        self.notes.setObjectName("tableNotes")
        right = QWidget(self)
        right_column = QVBoxLayout(right)
        right_column.setContentsMargins(0, 0, 0, 0)
        right_column.addWidget(self.title)
        right_column.addWidget(self.population)
        right_column.addWidget(self.view, 1)
        right_column.addWidget(self.notes)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([250, 650])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.table_list.currentItemChanged.connect(lambda _now, _before: self._show_current())

    # --- what is shown ------------------------------------------------------------------
    def show_report(self, report: Report | None, lang: str) -> None:
        """List the tables of ``report`` in ``lang``, keeping the selected table selected."""
        selected = self.current_key() or "key_figures"
        self._report, self._lang = report, lang
        self.table_list.blockSignals(True)
        self.table_list.clear()
        if report is not None:
            for section, keys in _table_order():
                if section is not None:
                    self._add_heading(core_tr(section, lang))
                for key in keys:
                    item = QListWidgetItem(report.table(key).title_in(lang, report.year), self.table_list)
                    item.setData(TABLE_KEY_ROLE, key)
                    if key == selected:
                        self.table_list.setCurrentItem(item)
        self.table_list.blockSignals(False)
        self._show_current()

    def _add_heading(self, text: str) -> None:
        item = QListWidgetItem(text, self.table_list)
        item.setFlags(Qt.ItemFlag.NoItemFlags)
        font = item.font()
        font.setBold(True)
        item.setFont(font)
        item.setForeground(QBrush(QColor("#1f2a36")))

    def current_key(self) -> str | None:
        item = self.table_list.currentItem()
        return None if item is None else item.data(TABLE_KEY_ROLE)

    def select_table(self, key: str) -> None:
        """Show the table ``key`` (as if the user picked it in the list)."""
        for row in range(self.table_list.count()):
            if self.table_list.item(row).data(TABLE_KEY_ROLE) == key:
                self.table_list.setCurrentRow(row)
                return
        raise KeyError(key)

    def _show_current(self) -> None:
        key, report, lang = self.current_key(), self._report, self._lang
        if report is None or key is None:
            self.title.setText("")
            set_message(self.population, "")
            set_message(self.notes, "")
            self.model.set_grid(PreviewGrid((), ()), "")
            return
        table = report.table(key)
        legend = hidden_legend(report.threshold, lang)
        self.title.setText(table.title_in(lang, report.year))
        set_message(self.population, table.population_in(lang, report.year))
        self.model.set_grid(preview_grid(table, lang), legend)
        notes = [core_tr(table.note, lang)] if table.note else []
        if table.any_suppressed:
            notes.append(legend)
        set_message(self.notes, "\n".join(notes))
