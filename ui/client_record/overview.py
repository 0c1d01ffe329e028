"""The Overview tab of the client record: who the client is, what needs attention, BARC-10 trend.

- **Client**: code, name, age (with the date of birth), contact, assigned counsellor,
  status, and the open episode (programme, admission date), or the last discharge when not
  in care.  "Edit details…" changes the personal and contact details and the assigned
  counsellor (:mod:`ui.client_record.client_details`).
- **Needs attention** (:func:`alerts`): a safeguarding concern recorded for a family member
  or child; recovery check-ups overdue or due soon; the care-plan review overdue or due
  soon; no active care plan for the open episode; no current consent to treatment.  "Soon"
  is the worklists' horizon (``worklists.DEFAULT_DAYS``), so the tab and the Today screen
  agree; the consent rule is the worklist's too (a treatment consent not withdrawn).
  With nothing to flag it says so in words.
- **Consents** (:class:`ui.client_record.consents.ConsentsBox`): every consent given and
  withdrawn, with "Record consent…" and "Withdraw…", here because this is where the missing
  consent is flagged and where the Today "consent missing" worklist opens the client.
- **Recovery capital**: the BARC-10 totals over time as a line chart (QtCharts: dates on
  x, totals 10-60 on y) with a sentence saying the same for screen readers; "no
  assessments yet" in words when there are none.

Everything is loaded in one job on the database thread: the client record, the active
plan of the open episode, the BARC-10 series, the check-ups and the family record (for
the safeguarding flags), each through its service (and so audited as a read).  After an
edit of the details or the consents the tab loads again in place (the alerts follow) and
emits ``record_changed`` for the other tabs.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCharts import QChart, QChartView, QDateTimeAxis, QLineSeries, QValueAxis
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QDateTime, QMargins, Qt, QTime, Signal
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from clinic_app import codes
from clinic_app.errors import ContinuumError
from clinic_app.services import assessments, care_plans, clients, family, followups, worklists
from clinic_app.services.assessments import Barc10Result
from clinic_app.services.care_plans import CarePlan
from clinic_app.services.clients import ClientRecord
from clinic_app.services.common import today
from clinic_app.services.episodes import OPEN, age_on
from clinic_app.services.family import FamilyRecord
from clinic_app.services.followups import CheckupInfo
from ui.client_record.client_details import open_edit_details
from ui.client_record.consents import ConsentsBox
from ui.client_record.tab import RecordTab
from ui.clients.display import code_label, full_name, show_date, status_label
from ui.forms import message_label, set_message
from ui.session import Session
from ui.tasks import UnexpectedError, error_text

BARC10_MIN, BARC10_MAX = 10, 60
LINE_COLOUR = QColor("#1a5fb4")
CHART_HEIGHT = 250


translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") with both written out


@dataclass(frozen=True)
class OverviewData:
    record: ClientRecord
    active_plan: CarePlan | None
    barc10: tuple[Barc10Result, ...]
    checkups: tuple[CheckupInfo, ...]
    family: FamilyRecord


@dataclass(frozen=True)
class Alert:
    #: "error" (act now: overdue, safeguarding) or "warn" (coming up, missing)
    kind: str
    text: str


def load_overview(session: Session, client_id: int) -> Callable[[], OverviewData]:
    """The job that reads everything the tab shows (for the database thread)."""

    def job() -> OverviewData:
        record = session.call(clients.get_client, client_id)()
        episode = record.open_episode
        plan = session.call(care_plans.active_plan, episode.id)() if episode is not None else None
        return OverviewData(record, plan, session.call(assessments.barc10_series, client_id)(),
                            session.call(followups.list_checkups, client_id)(),
                            session.call(family.family_record, client_id)())

    return job


def alerts(data: OverviewData, on: date) -> list[Alert]:
    """What needs attention on ``on``, most urgent first."""
    found: list[Alert] = []
    soon = on + timedelta(days=worklists.DEFAULT_DAYS)
    concerns = [m for m in data.family.members if m.safeguarding_concern]
    if concerns:
        who = ", ".join(f"{m.first_name} ({code_label(codes.FAMILY_RELATIONSHIP, m.relationship)})" for m in concerns)
        found.append(Alert("error", translate("Overview", "Safeguarding concern recorded for {who}.").format(who=who)))
    overdue = [c for c in data.checkups if c.is_overdue(on)]
    if len(overdue) == 1:
        found.append(Alert("error", translate(
            "Overview", "Recovery check-up overdue: the {months}-month check-up was due on {date}.").format(
                months=overdue[0].months_after, date=show_date(overdue[0].due_date))))
    elif overdue:
        found.append(Alert("error", translate(
            "Overview", "{count} recovery check-ups overdue; the oldest was due on {date}.").format(
                count=len(overdue), date=show_date(overdue[0].due_date))))
    upcoming = [c for c in data.checkups if c.status == followups.DUE and on <= c.due_date <= soon]
    if upcoming:
        found.append(Alert("warn", translate(
            "Overview", "Recovery check-up due on {date} ({months} months after discharge).").format(
                date=show_date(upcoming[0].due_date), months=upcoming[0].months_after)))
    plan = data.active_plan
    if plan is not None and plan.review_date is not None:
        if plan.review_date < on:
            found.append(Alert("error", translate("Overview", "Care-plan review overdue since {date}.").format(
                date=show_date(plan.review_date))))
        elif plan.review_date <= soon:
            found.append(Alert("warn", translate("Overview", "Care-plan review due on {date}.").format(
                date=show_date(plan.review_date))))
    if data.record.open_episode is not None and plan is None:
        found.append(Alert("warn", translate("Overview", "No active care plan for the current episode.")))
    if data.record.status == OPEN and not any(c.kind == "treatment" and c.withdrawn_on is None
                                              for c in data.record.consents):
        found.append(Alert("warn", translate("Overview", "No current consent to treatment and record keeping.")))
    return found


def _moment(day: date) -> QDateTime:
    return QDateTime(QDate(day.year, day.month, day.day), QTime(12, 0))


class Barc10Chart(QWidget):
    """BARC-10 totals over time: a line chart and the same facts in a sentence."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.series = QLineSeries()
        self.series.setPointsVisible(True)
        self.series.setPen(QPen(LINE_COLOUR, 2.5))
        self.series.setColor(LINE_COLOUR)
        self.chart = QChart()
        self.chart.addSeries(self.series)
        self.chart.legend().hide()
        self.chart.setMargins(QMargins(4, 4, 4, 4))
        self.chart.setBackgroundRoundness(0)
        self.x_axis = QDateTimeAxis()
        self.x_axis.setFormat("MMM yyyy")
        self.x_axis.setTickCount(5)
        self.x_axis.setTitleText(self.tr("Date of the assessment"))
        self.y_axis = QValueAxis()
        self.y_axis.setRange(BARC10_MIN, BARC10_MAX)
        self.y_axis.setTickCount(6)
        self.y_axis.setLabelFormat("%d")
        self.y_axis.setTitleText(self.tr("Total (10–60)"))
        self.chart.addAxis(self.x_axis, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(self.y_axis, Qt.AlignmentFlag.AlignLeft)
        self.series.attachAxis(self.x_axis)
        self.series.attachAxis(self.y_axis)
        self.view = QChartView(self.chart, self)
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setMinimumHeight(CHART_HEIGHT)
        self.view.setMaximumHeight(CHART_HEIGHT + 80)
        self.view.setAccessibleName(self.tr("BARC-10 totals over time"))
        self.summary = QLabel(self)
        self.summary.setObjectName("barc10Summary")
        self.summary.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.summary)

    def set_results(self, results: tuple[Barc10Result, ...]) -> None:
        """Plot ``results`` (oldest first); with none, say so instead of drawing empty axes."""
        self.series.clear()
        self.view.setVisible(bool(results))
        if not results:
            self.summary.setText(self.tr("No BARC-10 assessments yet."))
            return
        for result in results:
            self.series.append(_moment(result.assessed_on).toMSecsSinceEpoch(), result.total)
        first, last = results[0].assessed_on, results[-1].assessed_on
        pad = max(timedelta(days=15), (last - first) / 20)
        self.x_axis.setRange(_moment(first - pad), _moment(last + pad))
        self.x_axis.setTickCount(min(5, max(2, len(results))))
        if len(results) == 1:
            self.summary.setText(self.tr("One assessment: total {total} on {date}.").format(
                total=results[0].total, date=show_date(first)))
        else:
            self.summary.setText(self.tr("{count} assessments: first {first} on {first_date}, latest {last} on "
                                         "{last_date}.").format(count=len(results), first=results[0].total,
                                                                first_date=show_date(first), last=results[-1].total,
                                                                last_date=show_date(last)))

    def points(self) -> list[tuple[date, int]]:
        """The plotted points as (day, total), for tests and checks."""
        days = [QDateTime.fromMSecsSinceEpoch(int(p.x())).date() for p in self.series.points()]
        totals = [int(p.y()) for p in self.series.points()]
        return [(date(d.year(), d.month(), d.day()), total) for d, total in zip(days, totals, strict=True)]


class OverviewTab(RecordTab):
    key = "overview"
    title = str(QT_TRANSLATE_NOOP("ClientRecord", "Overview"))

    #: the client's record arrived (carries the ``ClientRecord``: the view's header uses it)
    client_loaded = Signal(object)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.data: OverviewData | None = None
        #: the facts shown in the Client box, as (caption, value)
        self.fact_rows: list[tuple[str, str]] = []
        self.status = message_label("hint", self)
        self.status.setObjectName("overviewStatus")

        self.facts_box = QGroupBox(self.tr("Client"), self)
        self.facts = QFormLayout()
        self.facts.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        self.edit_button = QPushButton(self.tr("&Edit details…"), self.facts_box)
        self.edit_button.setToolTip(self.tr("Change the personal and contact details or the assigned counsellor"))
        self.edit_button.clicked.connect(self.edit_details)
        edit_row = QHBoxLayout()
        edit_row.addWidget(self.edit_button)
        edit_row.addStretch(1)
        facts_layout = QVBoxLayout(self.facts_box)
        facts_layout.addLayout(self.facts)
        facts_layout.addStretch(1)
        facts_layout.addLayout(edit_row)
        self.alerts_box = QGroupBox(self.tr("Needs attention"), self)
        self.alerts_layout = QVBoxLayout(self.alerts_box)
        self.alerts_layout.setSpacing(6)
        self.alerts_layout.addStretch(1)
        self.alert_labels: list[QLabel] = []
        self.consents = ConsentsBox(session, self)
        self.consents.changed.connect(self._edited)
        self.chart_box = QGroupBox(self.tr("Recovery capital (BARC-10)"), self)
        self.chart = Barc10Chart(self.chart_box)
        QVBoxLayout(self.chart_box).addWidget(self.chart)

        content = QWidget(self)
        grid = QGridLayout(content)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.status, 0, 0, 1, 2)
        grid.addWidget(self.facts_box, 1, 0)
        grid.addWidget(self.alerts_box, 1, 1)
        grid.addWidget(self.consents, 2, 0, 1, 2)
        grid.addWidget(self.chart_box, 3, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(4, 1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        self._show(None)

    # --- loading ------------------------------------------------------------------------
    def load(self, client_id: int) -> None:
        super().load(client_id)
        self._show(None)
        set_message(self.status, self.tr("Loading…"), "hint")
        self._fetch(client_id)

    def _fetch(self, client_id: int) -> None:
        self.session.runner.run_db(load_overview(self.session, client_id),
                                   functools.partial(self._loaded, client_id),
                                   functools.partial(self._failed, client_id))

    def _loaded(self, client_id: int, data: OverviewData) -> None:
        if client_id != self.client_id:
            return
        set_message(self.status, "")
        self._show(data)
        self.client_loaded.emit(data.record)

    def _failed(self, client_id: int, exc: ContinuumError) -> None:
        if client_id == self.client_id:
            text = self.tr("The overview could not be loaded.") if isinstance(exc, UnexpectedError) else error_text(exc)
            set_message(self.status, text, "error")

    # --- editing ------------------------------------------------------------------------
    def edit_details(self) -> None:
        """Open "Edit details…" for the client shown."""
        if self.data is not None:
            open_edit_details(self, self.session, self.data.record, lambda _record: self._edited())

    def _edited(self) -> None:
        """The details or the consents changed: load again in place and tell the other tabs."""
        if self.client_id is not None:
            self._fetch(self.client_id)
        self.record_changed.emit()

    # --- showing ------------------------------------------------------------------------
    def _show(self, data: OverviewData | None) -> None:
        self.data = data
        self.fact_rows = []
        while self.facts.rowCount():
            self.facts.removeRow(0)
        for label in self.alert_labels:
            self.alerts_layout.removeWidget(label)
            label.hide()  # deleted later, when control is back in the event loop
            label.deleteLater()
        self.alert_labels = []
        for box in (self.facts_box, self.alerts_box, self.consents, self.chart_box):
            box.setVisible(data is not None)
        self.consents.set_record(data.record if data is not None else None)
        if data is None:
            return
        self.fact_rows = self._facts(data.record)
        for caption, value in self.fact_rows:
            shown = QLabel(value, self.facts_box)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            shown.setWordWrap(True)
            self.facts.addRow(caption, shown)
        found = alerts(data, today())
        for alert in found or [Alert("ok", self.tr("Nothing needs attention."))]:
            label = message_label(alert.kind, self.alerts_box)
            set_message(label, ("⚠ " if alert.kind == "error" else "") + alert.text)
            self.alerts_layout.insertWidget(len(self.alert_labels), label)
            self.alert_labels.append(label)
        self.chart.set_results(data.barc10)

    def _facts(self, record: ClientRecord) -> list[tuple[str, str]]:
        now = today()
        facts = [
            (self.tr("Code:"), record.code),
            (self.tr("Name:"), full_name(record.given_names, record.family_name)),
            (self.tr("Age:"), self.tr("{age} (born {date})").format(age=age_on(record.date_of_birth, now),
                                                                   date=show_date(record.date_of_birth))),
            (self.tr("Contact:"), " · ".join(part for part in (record.phone, record.email) if part.strip())
             or self.tr("None recorded")),
            (self.tr("Counsellor:"), record.counsellor_name or self.tr("Not assigned")),
            (self.tr("Status:"), status_label(record.status)),
        ]
        episode = record.open_episode
        if episode is not None:
            days = (now - episode.admission_date).days
            facts += [
                (self.tr("Programme:"), code_label(codes.PROGRAMME, episode.programme)),
                (self.tr("Admitted:"), self.tr("{date} ({days} days in care)").format(
                    date=show_date(episode.admission_date), days=days)),
            ]
        else:
            last = max((e for e in record.episodes if e.discharge_date is not None),
                       key=lambda e: e.discharge_date or date.min, default=None)
            if last is not None:
                facts.append((self.tr("Discharged:"), self.tr("{date} (from {programme})").format(
                    date=show_date(last.discharge_date), programme=code_label(codes.PROGRAMME, last.programme))))
        return facts

    def alert_texts(self) -> list[str]:
        """What the "Needs attention" box says, one line per alert."""
        return [label.text() for label in self.alert_labels]
