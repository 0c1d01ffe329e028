"""The Reports screen: choose a year, check the data, preview the tables, export the files.

Administrators and statistics staff see it (statistics staff see nothing else).  Above:
the year, the language of the export and the threshold, with the Export button.  Below,
two tabs: the data-quality check (:mod:`ui.reports.quality`) and the table preview
(:mod:`ui.reports.preview`).  Every service call runs on the database thread; the figures
and the export use the services' ``*_unlocked`` forms, which read the records in a read
transaction and take the write lock only for their audit entries, so nobody else is kept
from saving for the seconds a large year takes.

Decisions:

- **Year.**  A spin box bounded like :func:`clinic_app.services.statistics.check_year`
  (1900 to this year), starting at the last full year; this year gives the figures so far
  and says so.  Keyboard tracking is off, so typing "2024" asks for one year, not four.
- **Threshold.**  Read from the organisation settings.  Administrators may change it for
  this preview and export (3 to 100, the service's bounds; a hint says when it differs from
  the setting); statistics staff see it read-only and their calls pass no threshold, so the
  service always applies the setting.
- **Loading.**  A change of year or threshold reloads after a short pause (several quick
  changes, one load); answers to an older request are dropped.  A new year needs both the
  report and the quality check: one call (``report_and_quality_unlocked``) computes both
  from one reading of the records, which is nearly all of the cost of either; a new
  threshold recomputes only the report.  The report and the quality check are audited by
  the service as "viewed" each time they are loaded.
- **Export.**  The folder is chosen in a non-blocking folder dialog (it must be new or
  empty: an earlier export is never overwritten; the dialog can make a new folder).
  ``export_statistics_unlocked`` collects, protects and writes the files in one call on the
  database thread, so there is no finer progress to report: a busy bar runs and the form is
  disabled meanwhile.  Errors (a folder that is not empty, a threshold out of bounds) appear
  beside the field they concern or under the form; success is confirmed in a message naming
  the folder and its files.  The folder's parent is remembered for next time (``QSettings``).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from clinic_app.errors import ContinuumError, ValidationError
from clinic_app.i18n import SUPPORTED_LANGUAGES, normalise_lang
from clinic_app.services import settings, statistics
from clinic_app.services.auth import ADMINISTRATOR, RECORD_ROLES
from clinic_app.services.common import EARLIEST_DATE, today
from clinic_app.services.settings import MIN_STATISTICS_THRESHOLD, OrganisationSettings
from clinic_app.services.statistics import ReportAndQuality
from clinic_app.statistics.disclosure import MAX_THRESHOLD
from clinic_app.statistics.export import JSON_NAME, PDF_NAME, ExportResult
from clinic_app.statistics.model import Report
from clinic_app.statistics.quality import QualityReport
from ui.dialogs import show_message
from ui.forms import Form, heading, message_label, set_message
from ui.preferences import workstation_settings
from ui.reports.preview import TablesPanel
from ui.reports.quality import QualityPanel
from ui.session import Session
from ui.tasks import UnexpectedError

RELOAD_DELAY_MS = 400
LAST_FOLDER_KEY = "reports/last_export_parent"


def ask_folder(parent: QWidget, title: str, start: str, on_chosen: Callable[[str], object]) -> QFileDialog:
    """Ask for a folder (window-modal, no nested event loop); ``on_chosen(path)`` runs if one is picked."""
    dialog = QFileDialog(parent, title, start)
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    dialog.setLabelText(QFileDialog.DialogLabel.Accept, QCoreApplication.translate("ReportsPage", "Export here"))
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.fileSelected.connect(on_chosen)
    dialog.open()
    return dialog


class ReportsPage(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.can_change_threshold = session.actor.role == ADMINISTRATOR
        self._org_threshold: int | None = None
        self._report: Report | None = None
        self._requests = {"report": 0, "quality": 0}
        self._pending: set[str] = set()

        intro = QLabel(self.tr(
            "Anonymised figures for funders and national reporting: counts only, no names, no dates "
            "finer than the year. Small counts are hidden (shown as *)."), self)
        intro.setWordWrap(True)

        self.form = Form(self)
        self.year = QSpinBox(self)
        self.year.setRange(EARLIEST_DATE.year, today().year)
        self.year.setValue(today().year - 1)
        self.year.setKeyboardTracking(False)
        self.language = QComboBox(self)
        names = {"en": self.tr("English"), "es": self.tr("Spanish")}
        for lang in SUPPORTED_LANGUAGES:
            self.language.addItem(names[lang], lang)
        self.language.setCurrentIndex(self.language.findData(normalise_lang(QLocale().name())))
        self.threshold = QSpinBox(self)
        self.threshold.setRange(MIN_STATISTICS_THRESHOLD, MAX_THRESHOLD)
        self.threshold.setKeyboardTracking(False)
        if not self.can_change_threshold:
            self.threshold.setReadOnly(True)
            self.threshold.setButtonSymbols(QSpinBox.ButtonSymbols.NoButtons)
        self.form.add_field("year", self.tr("&Year:"), self.year)
        self.form.add_field("lang", self.tr("&Language of the export:"), self.language,
                            self.tr("The table preview and the exported files use this language."))
        self.form.add_field("threshold", self.tr("Th&reshold:"), self.threshold)

        self.export_button = QPushButton(self.tr("&Export…"), self)
        self.form.add_action(self.export_button)
        export_hint = message_label("hint", self)
        set_message(export_hint, self.tr(
            "Writes one CSV file per table, {json} (all tables) and {pdf} (the report with charts) into a "
            "new or empty folder you choose.").format(json=JSON_NAME, pdf=PDF_NAME))
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.setAccessibleName(self.tr("Export in progress"))
        self.progress.hide()
        self.export_status = message_label("hint", self)
        self.export_status.setObjectName("exportStatus")
        self.status = message_label("hint", self)
        self.status.setObjectName("reportStatus")
        export_column = QVBoxLayout()
        export_column.addWidget(self.export_button, 0, Qt.AlignmentFlag.AlignLeft)
        export_column.addWidget(export_hint)
        export_column.addWidget(self.progress)
        export_column.addWidget(self.export_status)
        export_column.addStretch(1)
        controls = QHBoxLayout()
        controls.addWidget(self.form, 3, Qt.AlignmentFlag.AlignTop)
        controls.addSpacing(24)
        controls.addLayout(export_column, 2)

        self.quality = QualityPanel(session.actor.role in RECORD_ROLES, self)
        self.tables = TablesPanel(self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.quality, self.tr("&Data quality"))
        self.tabs.addTab(self.tables, self.tr("&Tables"))

        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Reports"), self))
        layout.addWidget(intro)
        layout.addLayout(controls)
        layout.addWidget(self.status)
        layout.addWidget(self.tabs, 1)

        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(RELOAD_DELAY_MS)
        self._reload_timer.timeout.connect(self._load)
        self.year.valueChanged.connect(lambda _year: self._schedule("report", "quality"))
        self.threshold.valueChanged.connect(lambda _value: self._schedule("report"))
        self.language.currentIndexChanged.connect(lambda _index: self.tables.show_report(self._report, self.lang()))
        self.export_button.clicked.connect(self.choose_folder)
        self.form.busy_changed.connect(self.progress.setVisible)
        session.settings_changed.connect(self._apply_settings)
        self._show_year_hint()
        session.runner.run_db(session.call(settings.get_settings, write=False), self._first_settings,
                              self.form.show_error)

    # --- the chosen values ----------------------------------------------------------------
    @property
    def report(self) -> Report | None:
        """The report the preview shows (``None`` before it has loaded, or if loading failed)."""
        return self._report

    def lang(self) -> str:
        return str(self.language.currentData())

    def threshold_override(self) -> int | None:
        """The threshold to pass to the service: ``None`` means "the organisation's setting"."""
        if not self.can_change_threshold or self.threshold.value() == self._org_threshold:
            return None
        return self.threshold.value()

    # --- settings and hints -----------------------------------------------------------------
    def _first_settings(self, values: OrganisationSettings) -> None:
        self._apply_settings(values)
        self._schedule("report", "quality")
        self._load()

    def _apply_settings(self, values: OrganisationSettings) -> None:
        """Follow the organisation's threshold, unless an administrator chose another one here."""
        previous, self._org_threshold = self._org_threshold, values.statistics_threshold
        if previous is None or self.threshold.value() == previous:
            self.threshold.setValue(values.statistics_threshold)  # reloads if it changed
        self._show_threshold_hint()

    def _show_year_hint(self) -> None:
        if self.year.value() == today().year:
            self.form.set_hint("year", self.tr("This year is not over: the figures so far."), "warn")
        else:
            self.form.set_hint("year", "")

    def _show_threshold_hint(self) -> None:
        value = self.threshold.value()
        hidden = self.tr("Counts from 1 to {max} are hidden.").format(max=value - 1)
        if not self.can_change_threshold:
            self.form.set_hint("threshold", hidden + " " + self.tr(
                "An administrator sets the threshold in the organisation settings."))
        elif value == self._org_threshold:
            self.form.set_hint("threshold", hidden + " " + self.tr(
                "This is the organisation's setting; you may change it for this export (at least {min}).").format(
                    min=MIN_STATISTICS_THRESHOLD))
        else:
            self.form.set_hint("threshold", hidden + " " + self.tr(
                "The organisation's setting is {setting}; this preview and export use {value}.").format(
                    setting=self._org_threshold, value=value), "warn")

    # --- loading ------------------------------------------------------------------------------
    def reload_pending(self) -> bool:
        """True while a change waits for its pause before the figures are asked for."""
        return self._reload_timer.isActive()

    def _schedule(self, *parts: str) -> None:
        self._pending.update(parts)
        self._show_year_hint()
        self._show_threshold_hint()
        if self._org_threshold is not None:
            self._reload_timer.start()

    def _load(self) -> None:
        """Ask for the parts that changed on the database thread: the report, or (a new year) both."""
        self._reload_timer.stop()
        parts, self._pending = self._pending, set()
        if not parts:
            return
        self.form.clear_errors()
        ws, actor, year, threshold = self.session.ws, self.session.actor, self.year.value(), self.threshold_override()
        set_message(self.status, self.tr("Loading the figures for {year}…").format(year=year))
        self._requests["report"] += 1
        report_request = self._requests["report"]
        if "quality" in parts:  # only ever asked for with the report
            self._requests["quality"] += 1
            requests = (report_request, self._requests["quality"])
            self.session.runner.run_db(
                functools.partial(statistics.report_and_quality_unlocked, ws, actor, year, threshold=threshold,
                                  lang=normalise_lang(QLocale().name())),
                functools.partial(self._figures_loaded, *requests), functools.partial(self._figures_failed, *requests))
        else:
            self.session.runner.run_db(
                functools.partial(statistics.annual_report_unlocked, ws, actor, year, threshold=threshold),
                functools.partial(self._report_loaded, report_request),
                functools.partial(self._load_failed, "report", report_request))

    def _current(self, part: str, request: int) -> bool:
        return request == self._requests[part]

    def _figures_loaded(self, report_request: int, quality_request: int, figures: ReportAndQuality) -> None:
        self._report_loaded(report_request, figures.report)
        self._quality_loaded(quality_request, figures.quality)

    def _figures_failed(self, report_request: int, quality_request: int, exc: ContinuumError) -> None:
        self._load_failed("report", report_request, exc)
        self._load_failed("quality", quality_request, exc)

    def _report_loaded(self, request: int, report: Report) -> None:
        if not self._current("report", request):
            return
        self._report = report
        self.tables.show_report(report, self.lang())
        hidden = sum(t.any_suppressed for t in report.tables)
        self.tabs.setTabText(1, self.tr("&Tables ({count})").format(count=len(report.tables)))
        set_message(self.status, self.tr("Figures for {year}: {count} tables, {hidden} with hidden figures.").format(
            year=report.year, count=len(report.tables), hidden=hidden))

    def _quality_loaded(self, request: int, result: QualityReport) -> None:
        if not self._current("quality", request):
            return
        self.quality.show_quality(result)
        if result.problem_total:
            self.tabs.setTabText(0, self.tr("&Data quality – problems: {count}").format(count=result.problem_total))
        else:
            self.tabs.setTabText(0, self.tr("&Data quality"))

    def _load_failed(self, part: str, request: int, exc: ContinuumError) -> None:
        if not self._current(part, request):
            return
        if part == "report":
            self._report = None
            self.tables.show_report(None, self.lang())
        else:
            self.quality.clear()
        set_message(self.status, "")
        self.form.show_error(exc)

    # --- export ---------------------------------------------------------------------------------
    def choose_folder(self) -> QFileDialog | None:
        """Ask for the export folder (nothing happens while an export runs)."""
        if self.form.busy:
            return None
        start = workstation_settings().value(LAST_FOLDER_KEY) or str(Path.home())
        return ask_folder(self, self.tr("Choose a new or empty folder for the statistics of {year}").format(
            year=self.year.value()), str(start), self.export_to)

    def export_to(self, folder: str) -> None:
        """Export the chosen year into ``folder`` on the database thread."""
        self._load()  # a change still waiting for its pause is shown before the export starts
        path = Path(folder)
        workstation_settings().setValue(LAST_FOLDER_KEY, str(path.parent))
        set_message(self.export_status, self.tr("Exporting the statistics for {year} to {folder}…").format(
            year=self.year.value(), folder=path), "hint")
        task = functools.partial(statistics.export_statistics_unlocked, self.session.ws, self.session.actor,
                                 self.year.value(), path, threshold=self.threshold_override(), lang=self.lang())
        self.form.submit(self.session.runner, task, self._exported, self._export_failed)

    def _exported(self, result: ExportResult) -> None:
        tables = sum(1 for f in result.files if f.suffix == ".csv")
        set_message(self.export_status, self.tr("Exported to {folder}").format(folder=result.folder), "ok")
        show_message(self, self.tr("Statistics exported"), self.tr(
            "The statistics for {year} are in the folder\n{folder}\n\n"
            "{tables} CSV files (one per table), {json} (all tables, for other programs) and "
            "{pdf} (the report to print or send).").format(
                year=self.year.value(), folder=result.folder, tables=tables, json=JSON_NAME, pdf=PDF_NAME))

    def _export_failed(self, exc: ContinuumError) -> None:
        """Messages about a field go beside it; the rest (the folder) under the Export button."""
        if isinstance(exc, ValidationError):
            rest = "\n".join(self.form.show_errors(exc.errors).values())
        else:
            rest = "" if isinstance(exc, UnexpectedError) else str(exc)  # the runner showed the unexpected
        set_message(self.export_status, "\n".join(filter(None, (self.tr("Nothing was exported."), rest))), "error")
