"""The data-quality check of a reporting year, shown before the statistics are exported.

Two tables over :class:`~clinic_app.statistics.quality.QualityReport`: how complete each
item the tables use is (records lacking it, records saying "not known", and the share of
both), and how many episodes have each consistency problem.  A line above them sums up.

Decisions:

- **Counts only.**  For administrators the service also returns the internal client ids
  of each problem; they are not shown: an internal id means nothing to a person, and the
  check does not give client codes.  Statistics staff never receive them.  The advice line
  says who can correct the records.
- The item and problem names come from the service in the user's language (``QLocale``);
  the check is for the people fixing records, not part of the export.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QLocale, Qt
from PySide6.QtWidgets import QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from clinic_app.statistics.quality import ADMISSIONS, ItemCompleteness, ProblemCount, QualityReport
from ui.forms import message_label, set_message
from ui.table_model import WARNING, RowsModel, T, row_table, styled_font



class _CountsModel(RowsModel[T]):
    """Texts on the left, numbers from column ``first_numeric`` on the right (headers too)."""

    def __init__(self, headers: tuple[str, ...], cells: Callable[[T], tuple[str, ...]], first_numeric: int,
                 parent: QWidget | None) -> None:
        super().__init__(headers, cells, parent, text_roles=(Qt.ItemDataRole.DisplayRole,))
        self._first_numeric = first_numeric

    def _alignment(self, column: int) -> int:
        if column >= self._first_numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.TextAlignmentRole:
            return self._alignment(section)
        return super().headerData(section, orientation, role)

    def cell_data(self, row: T, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return self._alignment(column)
        return super().cell_data(row, column, role)


class CompletenessModel(_CountsModel[ItemCompleteness]):
    """One row per item: item, population, records, not recorded, not known, share missing."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__((self.tr("Item"), self.tr("Counted over"), self.tr("Episodes"), self.tr("Not recorded"),
                          self.tr("Not known"), self.tr("Missing or not known")), self._texts, 2, parent)

    def set_items(self, items: tuple[ItemCompleteness, ...]) -> None:
        self.set_rows(items)

    def _share(self, item: ItemCompleteness) -> str:
        share = item.share_missing
        if share is None:
            return "–"
        number = QLocale().toString(share, "f", 1)
        return f"{number}\u00a0%" if QLocale().language() == QLocale.Language.Spanish else f"{number}%"

    def _texts(self, item: ItemCompleteness) -> tuple[str, ...]:
        locale = QLocale()
        return (
            item.label,
            self.tr("Admissions") if item.population == ADMISSIONS else self.tr("Discharges"),
            locale.toString(item.total),
            locale.toString(item.not_recorded),
            locale.toString(item.not_known),
            self._share(item),
        )


class ProblemsModel(_CountsModel[ProblemCount]):
    """One row per kind of consistency problem: what it is, and how many episodes have it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__((self.tr("Problem"), self.tr("Episodes")),
                         lambda problem: (problem.label, QLocale().toString(problem.count)), 1, parent)

    def set_problems(self, problems: tuple[ProblemCount, ...]) -> None:
        self.set_rows(problems)

    def cell_data(self, row: ProblemCount, column: int, role: int) -> Any:
        if row.count and WARNING.data(role) is not None:
            return WARNING.data(role)
        if row.count and role == Qt.ItemDataRole.FontRole:
            return styled_font(bold=True)
        return super().cell_data(row, column, role)


def _table_view(model: QAbstractTableModel, name: str, parent: QWidget) -> QTableView:
    view = row_table(model, parent, name)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    return view


class QualityPanel(QWidget):
    """The data-quality check: a summary line, completeness by item, consistency problems."""

    def __init__(self, fixes_records: bool, parent: QWidget | None = None) -> None:
        """``fixes_records``: the user can correct client records (else: statistics staff)."""
        super().__init__(parent)
        self._fixes_records = fixes_records
        self.summary = message_label("hint", self)
        self.summary.setObjectName("qualitySummary")
        self.completeness = CompletenessModel(self)
        self.problems = ProblemsModel(self)
        self.completeness_view = _table_view(self.completeness, self.tr("Completeness"), self)
        self.problems_view = _table_view(self.problems, self.tr("Consistency problems"), self)
        completeness_label = QLabel(self.tr("&Completeness of the items the tables count:"), self)
        completeness_label.setBuddy(self.completeness_view)
        problems_label = QLabel(self.tr("Consistency &problems in the year's episodes:"), self)
        problems_label.setBuddy(self.problems_view)
        self.advice = message_label("hint", self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(completeness_label)
        layout.addWidget(self.completeness_view, 1)
        layout.addWidget(problems_label)
        layout.addWidget(self.problems_view)
        layout.addWidget(self.advice)

    def show_quality(self, result: QualityReport) -> None:
        self.completeness.set_items(result.items)
        self.problems.set_problems(result.problems)
        self._fit_problems()
        admissions = next((i.total for i in result.items if i.population == ADMISSIONS), 0)
        discharges = next((i.total for i in result.items if i.population != ADMISSIONS), 0)
        locale = QLocale()
        checked = self.tr("Checked for {year}: admissions {admissions}, discharges {discharges}.").format(
            year=result.year, admissions=locale.toString(admissions), discharges=locale.toString(discharges))
        if result.problem_total:
            found = self.tr("Consistency problems found: {count}. Until they are corrected, the tables count "
                            "these episodes as the records stand.").format(count=locale.toString(result.problem_total))
            set_message(self.summary, f"{checked} {found}", "warn")
        else:
            none_found = self.tr("No consistency problems found.")
            set_message(self.summary, f"{checked} {none_found}", "ok")
        if self._fixes_records:
            advice = self.tr("Missing answers are counted as “Not recorded” or “Not known” in the tables. "
                             "Correct them, and the problems above, in the client records before exporting.")
        else:
            advice = self.tr("Missing answers are counted as “Not recorded” or “Not known” in the tables. "
                             "Ask an administrator to correct the records: this screen never shows which "
                             "clients a problem concerns.")
        set_message(self.advice, advice)

    def _fit_problems(self) -> None:
        """Make the problems table as tall as its rows (there are few), so it never scrolls."""
        view = self.problems_view
        rows = max(self.problems.rowCount(), 1) * view.verticalHeader().defaultSectionSize()
        view.setFixedHeight(view.horizontalHeader().sizeHint().height() + rows + 2 * view.frameWidth())

    def clear(self) -> None:
        self.completeness.set_items(())
        self.problems.set_problems(())
        set_message(self.summary, "")
        set_message(self.advice, "")
