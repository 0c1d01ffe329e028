"""The Discharge and follow-up tab: the discharge plan, discharging, and the recovery check-ups.

What the tab shows (for the client's current episode: the open one, else the latest)
-----------------------------------------------------------------------------------
* **Discharge plan** (``discharge.get_plan``/``save_plan``): planned date, aftercare
  arrangements, relapse-prevention plan and the referrals, a small table edited in place
  (service, contact details, notes; "Add referral" starts a row and opens its first cell).
  Saved with "Save plan" or Ctrl+S; :meth:`FollowupTab.has_unsaved_changes` is True while
  what is typed differs from what is stored, so the record view asks before leaving it.
* **Discharge** (while the episode is open): the date (today by default), the reason
  (``codes.DISCHARGE_REASON``; the hint under it says how the reason is reported, TEDS and
  NDTMS groups, and whether it counts as a planned exit), the optional BARC-10 at discharge,
  and the check-up schedule the discharge will create (``settings.checkup_months``).  Once
  discharged, the top of the tab says when and why, the check-ups move above the plan (they
  are now what the tab is for) and the plan becomes read-only.
* **Recovery check-ups** (``followups.list_checkups``): due date, status (overdue ones in
  red), outcome, attempts and BARC-10 total; the attempts and outcome of the check-up under
  the cursor are listed beneath.  "Record attempt…" (:class:`AttemptDialog`) and "Record
  outcome…" (:class:`OutcomeDialog`, with an optional BARC-10) work on a check-up that is
  still due.

Decisions
---------
* **Discharging asks first**, in words: who, from which episode, on which date, for which
  reason, that the plan then closes, and which check-ups will be scheduled.  The checks the
  service would make on the date, the reason and the BARC-10 run before the question (the
  core's own ``Checker`` and ``assessments.check_answers``), so the user is not asked to
  confirm something that is then refused.
* **One transaction per action**: unsaved plan changes are saved together with the
  discharge (:func:`discharge_episode`), so a discharge never leaves the plan half-saved
  and never loses what was typed in it.
* Referral messages from the service (``referrals.<row>.<field>``) are gathered into one
  line under the table ("Referral 1, service: …") and the cells they name are tinted.  A
  row left completely empty is not a referral and is dropped when saving.
* The discharge fields themselves are not "unsaved changes": saving them would mean
  discharging, which only happens after the question.
* Recording an outcome emits ``record_changed`` (the Overview shows due check-ups and the
  BARC-10 trend); so does discharging.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from clinic_app import codes
from clinic_app.codes import CHECKUP_CHANNEL, CHECKUP_OUTCOME, DISCHARGE_REASON, NDTMS_GROUP, PROGRAMME, TEDS_GROUP
from clinic_app.errors import ContinuumError, ValidationError
from clinic_app.services import clients, discharge, followups, settings
from clinic_app.services.auth import Actor
from clinic_app.services.common import Checker
from clinic_app.services.discharge import NO_FOLLOWUP_REASONS, DischargePlanInfo, DischargeResult
from clinic_app.services.episodes import DISCHARGED, OPEN, EpisodeRecord
from clinic_app.services.followups import DONE, DUE, NO_CONTACT_OUTCOMES, CheckupInfo
from clinic_app.uow import UnitOfWork
from ui.client_record.family import clear_messages_on_edit, text_box
from ui.client_record.tab import RecordTab
from ui.clients.display import code_label, full_name, show_date
from ui.dialogs import confirm
from ui.forms import Form, FormDialog, heading, message_label, set_message
from ui.session import Session
from ui.table_model import ALERT, DISPLAY_AND_ACCESSIBLE, AnyIndex, RowsModel, row_table, styled_font
from ui.tasks import UnexpectedError, error_text
from ui.widgets.barc10 import Barc10Entry
from ui.widgets.code_combo import CodeCombo
from ui.widgets.form_set import FormSet, FormSetDialog
from ui.widgets.inputs import OptionalDateEdit


REFERRALS = "referrals"
#: the check-up table shows this many rows without scrolling (fewer when there are fewer)
MIN_CHECKUP_ROWS, MAX_CHECKUP_ROWS = 3, 9

Referral = tuple[str, str, str]


# --- reading and writing (database thread) -------------------------------------------------------------


@dataclass(frozen=True)
class PlanValues:
    """A discharge plan as typed (the arguments of ``discharge.save_plan``)."""

    planned_date: str
    aftercare: str
    relapse_prevention: str
    referrals: tuple[Referral, ...]

    def as_arguments(self) -> dict[str, Any]:
        return {
            "planned_date": self.planned_date or None,
            "aftercare": self.aftercare,
            "relapse_prevention": self.relapse_prevention,
            "referrals": [{"service": s, "contact": c, "notes": n} for s, c, n in self.referrals],
        }


def stored_values(plan: DischargePlanInfo | None) -> PlanValues:
    """The values a form shows for ``plan`` (an empty form when there is none yet)."""
    if plan is None:
        return PlanValues("", "", "", ())
    return PlanValues(plan.planned_date.isoformat() if plan.planned_date else "", plan.aftercare,
                      plan.relapse_prevention, tuple((r.service, r.contact, r.notes) for r in plan.referrals))


@dataclass(frozen=True)
class FollowupPage:
    """Everything the tab shows for one client."""

    client_code: str
    client_name: str
    episode: EpisodeRecord | None
    plan: DischargePlanInfo | None
    checkups: tuple[CheckupInfo, ...]
    checkup_months: tuple[int, ...]


def load_followup_page(uow: UnitOfWork, actor: Actor, client_id: int) -> FollowupPage:
    """The client's current episode (open, else latest), its plan, the check-ups and the schedule."""
    record = clients.get_client(uow, actor, client_id)
    episode = record.open_episode or (record.episodes[-1] if record.episodes else None)
    plan = discharge.get_plan(uow, actor, episode.id) if episode is not None else None
    return FollowupPage(record.code, full_name(record.given_names, record.family_name), episode, plan,
                        followups.list_checkups(uow, actor, client_id),
                        settings.get_settings(uow, actor).checkup_months)


def save_plan(uow: UnitOfWork, actor: Actor, episode_id: int, values: PlanValues) -> DischargePlanInfo:
    return discharge.save_plan(uow, actor, episode_id, **values.as_arguments())


def discharge_episode(uow: UnitOfWork, actor: Actor, episode_id: int, plan: PlanValues | None,
                      actual_date: str, reason: str, barc10: Mapping[str, int | None] | None) -> DischargeResult:
    """Save the plan's unsaved changes (if any) and discharge, in one transaction."""
    if plan is not None:
        save_plan(uow, actor, episode_id, plan)
    return discharge.discharge(uow, actor, episode_id, actual_date, reason, barc10)  # type: ignore[arg-type]


# --- display helpers -----------------------------------------------------------------------------------


translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") with both written out


def months_text(months: tuple[int, ...]) -> str:
    """"3, 6 and 12": the check-up months in words."""
    numbers = [str(m) for m in months]
    if len(numbers) < 2:
        return "".join(numbers)
    return translate("FollowupTab", "{first} and {last}").format(first=", ".join(numbers[:-1]), last=numbers[-1])


def reason_text(reason: str) -> str:
    """How a discharge reason is reported: TEDS and NDTMS groups, planned or not."""
    mapped = codes.discharge_reason(reason)
    kind = (translate("FollowupTab", "a successful completion") if mapped.successful
            else translate("FollowupTab", "a planned exit") if mapped.planned
            else translate("FollowupTab", "an unplanned exit"))
    text = translate("FollowupTab", "Reported as “{teds}” (TEDS) and “{ndtms}” (NDTMS); {kind}.").format(
        teds=code_label(TEDS_GROUP, mapped.teds), ndtms=code_label(NDTMS_GROUP, mapped.ndtms), kind=kind)
    if reason in NO_FOLLOWUP_REASONS:
        text += " " + translate("FollowupTab", "No recovery check-ups are scheduled.")
    return text


def checkup_status(checkup: CheckupInfo, on: date) -> str:
    if checkup.is_overdue(on):
        return translate("FollowupTab", "Overdue")
    if checkup.status == DUE:
        return translate("FollowupTab", "Due")
    if checkup.status == DONE:
        return translate("FollowupTab", "Done {date}").format(date=show_date(checkup.completed_on))
    return translate("FollowupTab", "Cancelled (back in care)")


# --- the referrals table ---------------------------------------------------------------------------------


class ReferralsModel(QAbstractTableModel):
    """The referrals being edited: (service, contact, notes) per row; cells named by errors are tinted."""

    FIELDS = ("service", "contact", "notes")
    edited = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: tuple[Referral, ...] = ()
        self._errors: dict[tuple[int, int], str] = {}
        self.editable = True
        self._headers = (self.tr("Service"), self.tr("Contact details"), self.tr("Notes"))

    def column_title(self, column: int) -> str:
        return self._headers[column]

    def set_referrals(self, rows: tuple[Referral, ...]) -> None:
        self.beginResetModel()
        self._rows, self._errors = rows, {}
        self.endResetModel()

    def referrals(self) -> tuple[Referral, ...]:
        """The rows as typed (a completely empty row is no referral and is left out)."""
        return tuple(r for r in self._rows if any(part.strip() for part in r))

    def rows(self) -> tuple[Referral, ...]:
        return self._rows

    def add_row(self) -> int:
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows = (*self._rows, ("", "", ""))
        self.endInsertRows()
        self.edited.emit()
        return row

    def remove_row(self, row: int) -> None:
        if not 0 <= row < len(self._rows):
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        self._rows = self._rows[:row] + self._rows[row + 1:]
        self._errors = {}
        self.endRemoveRows()
        self.edited.emit()

    def set_errors(self, errors: dict[tuple[int, int], str]) -> None:
        self._errors = errors
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(self.FIELDS) - 1))

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.FIELDS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        return flags | Qt.ItemFlag.ItemIsEditable if self.editable and index.isValid() else flags

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        cell = (index.row(), index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._rows[index.row()][index.column()]
        if cell in self._errors and ALERT.data(role) is not None:
            return ALERT.data(role)
        if role == Qt.ItemDataRole.ToolTipRole and cell in self._errors:
            return self._errors[cell]
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or not self.editable:
            return False
        row = list(self._rows[index.row()])
        row[index.column()] = str(value)
        self._rows = (*self._rows[:index.row()], (row[0], row[1], row[2]), *self._rows[index.row() + 1:])
        self._errors.pop((index.row(), index.column()), None)
        self.dataChanged.emit(index, index)
        self.edited.emit()
        return True


# --- the check-ups table ------------------------------------------------------------------------------------


class CheckupsModel(RowsModel[CheckupInfo]):
    """The client's check-ups by due date; overdue ones in red."""

    STATUS_COLUMN = 2

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__((self.tr("Due"), self.tr("Check-up"), self.tr("Status"), self.tr("Outcome"),
                          self.tr("Attempts"), self.tr("BARC-10")), self._texts, parent,
                         text_roles=DISPLAY_AND_ACCESSIBLE)
        self._today = date.today()

    def set_checkups(self, checkups: tuple[CheckupInfo, ...]) -> None:
        self._today = date.today()
        self.set_rows(checkups)

    def checkup(self, row: int) -> CheckupInfo | None:
        return self.row_if_any(row)

    def row_of(self, checkup_id: int) -> int:
        return self.row_where(lambda c: c.id == checkup_id)

    def first_due_row(self) -> int:
        due = self.row_where(lambda c: c.status == DUE)
        return due if due >= 0 or not self.rows() else 0

    def attempts_text(self, checkup: CheckupInfo) -> str:
        if not checkup.attempts:
            return self.tr("None")
        reached = sum(a.reached for a in checkup.attempts)
        return self.tr("{count} ({reached} reached)").format(count=len(checkup.attempts), reached=reached)

    def _texts(self, checkup: CheckupInfo) -> tuple[str, ...]:
        return (
            show_date(checkup.due_date),
            self.tr("{months} months after discharge").format(months=checkup.months_after),
            checkup_status(checkup, self._today),
            code_label(CHECKUP_OUTCOME, checkup.outcome),
            self.attempts_text(checkup),
            "" if checkup.barc10_total is None else str(checkup.barc10_total),
        )

    def cell_data(self, row: CheckupInfo, column: int, role: int) -> Any:
        if row.is_overdue(self._today):
            if ALERT.data(role) is not None:
                return ALERT.data(role)
            if role == Qt.ItemDataRole.FontRole and column == self.STATUS_COLUMN:
                return styled_font(bold=True)
        return super().cell_data(row, column, role)


def _table(model: QAbstractTableModel, parent: QWidget, name: str) -> QTableView:
    view = row_table(model, parent, name)
    view.setAlternatingRowColors(True)
    return view


# --- dialogs -------------------------------------------------------------------------------------------------


class AttemptDialog(FormDialog):
    """Record one try to reach the person for a check-up."""

    def __init__(self, session: Session, checkup: CheckupInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent, session.runner, self.tr("Record a contact attempt"), self.tr("Record attempt"),
                         self.tr("The {months}-month recovery check-up, due {date}.").format(
                             months=checkup.months_after, date=show_date(checkup.due_date)))
        self.session, self.checkup_id = session, checkup.id
        self.attempted_on = OptionalDateEdit(self, maximum=date.today())
        self.attempted_on.set_date(date.today())
        self.channel = CodeCombo(CHECKUP_CHANNEL, self)
        self.reached = QComboBox(self)
        self.reached.setPlaceholderText(self.tr("Choose…"))
        self.reached.addItem(self.tr("Yes, the person was reached"), True)
        self.reached.addItem(self.tr("No, not reached"), False)
        self.reached.setCurrentIndex(-1)
        self.note = text_box(self, 3)
        self.form.add_field("attempted_on", self.tr("&Date:"), self.attempted_on)
        self.form.add_field("channel", self.tr("&How:"), self.channel)
        self.form.add_field("reached", self.tr("&Reached:"), self.reached)
        self.form.add_field("note", self.tr("&Note:"), self.note, self.tr("For example: left a message; "
                                                                          "call back on Friday."))
        clear_messages_on_edit(self.form, "attempted_on", "channel", "reached", "note")
        self.channel.setFocus(Qt.FocusReason.OtherFocusReason)

    def task(self) -> Callable[[], CheckupInfo]:
        reached = self.reached.currentData() if self.reached.currentIndex() >= 0 else None
        return self.session.call(followups.record_attempt, self.checkup_id, self.attempted_on.value(),
                                 self.channel.code(), reached, self.note.toPlainText())


class OutcomeDialog(FormSetDialog):
    """Close a check-up with its outcome, optionally with a BARC-10; ``succeeded`` carries the check-up."""

    def __init__(self, session: Session, checkup: CheckupInfo, parent: QWidget | None = None) -> None:
        super().__init__(session, parent, self.tr("Record the check-up's outcome"),
                         self.tr("The {months}-month recovery check-up, due {date}. Once its outcome is recorded "
                                 "the check-up is closed.").format(months=checkup.months_after,
                                                                   date=show_date(checkup.due_date)),
                         self.tr("Record outcome"), (720, 420))
        self.checkup_id = checkup.id
        content, column = self.content, self.content_layout
        form = self.forms.add_form(Form(content))
        self.outcome = CodeCombo(CHECKUP_OUTCOME, content)
        self.completed_on = OptionalDateEdit(content, maximum=date.today())
        self.completed_on.set_date(date.today())
        self.notes = text_box(content, 3)
        form.add_field("outcome", self.tr("&Outcome:"), self.outcome)
        form.add_field("completed_on", self.tr("&Date:"), self.completed_on)
        form.add_field("notes", self.tr("&Notes:"), self.notes)
        clear_messages_on_edit(form, "outcome", "completed_on", "notes")
        column.addWidget(form)
        self.take_barc10 = QCheckBox(self.tr("The client answered the &BARC-10 at this check-up"), content)
        self.barc10 = Barc10Entry(content)
        self.barc10.hide()
        self.forms.add_form(self.barc10.form)
        self.take_barc10.toggled.connect(self._barc10_toggled)
        self.outcome.code_changed.connect(self._outcome_chosen)
        column.addWidget(self.take_barc10)
        column.addWidget(self.barc10)
        column.addStretch(1)
        self.forms.add_validator(lambda: self.barc10.check() if self.take_barc10.isChecked() else {})
        self.outcome.setFocus(Qt.FocusReason.OtherFocusReason)

    def _barc10_toggled(self, on: bool) -> None:
        self.barc10.setVisible(on)
        if on:
            self.resize(self.width(), max(self.height(), 760))

    def _outcome_chosen(self, outcome: str) -> None:
        """Nobody answered questions when the person declined or was not reached: no BARC-10 then."""
        possible = outcome not in NO_CONTACT_OUTCOMES
        if not possible:
            self.take_barc10.setChecked(False)
        self.take_barc10.setEnabled(possible)
        self.take_barc10.setToolTip("" if possible else self.tr("The person did not take part, so there is "
                                                                "no BARC-10."))

    def submit(self) -> None:
        answers = self.barc10.answers() if self.take_barc10.isChecked() else None
        self.run(self.session.call(followups.record_outcome, self.checkup_id, self.outcome.code(),
                                   self.completed_on.value(), self.notes.toPlainText(), answers))


# --- the tab ----------------------------------------------------------------------------------------------------


class FollowupTab(RecordTab):
    key = "followup"
    title = str(QT_TRANSLATE_NOOP("ClientRecord", "Discharge and follow-up"))

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.page: FollowupPage | None = None
        self._was_dirty = False
        self._filling = False
        #: the episode the discharge fields were last reset for
        self._discharge_fields_for: int | None = None
        self.forms = FormSet(self)

        self.status = message_label("hint", self)
        self.status.setObjectName("followupStatus")
        self.result = message_label("ok", self)
        self.result.setObjectName("followupResult")
        self.episode_label = heading("", self, 1.1)
        self.notice = QLabel(self)
        self.notice.setWordWrap(True)
        self.notice.setProperty("kind", "note")

        # --- the plan --------------------------------------------------------------------------------
        self.plan_box = QGroupBox(self.tr("Discharge plan"), self)
        self.plan_form = self.forms.add_form(Form(self.plan_box))
        self.planned_date = OptionalDateEdit(self.plan_box)
        self.aftercare = text_box(self.plan_box, 4)
        self.relapse_prevention = text_box(self.plan_box, 4)
        #: the hint under each plan field while the plan can be edited
        self.plan_hints = {
            "planned_date": self.tr("YYYY-MM-DD; may be left empty."),
            "aftercare": self.tr("Arrangements after discharge: groups, mutual aid, housing, work."),
            "relapse_prevention": self.tr("Warning signs, coping strategies, who to call."),
        }
        self.plan_form.add_field("planned_date", self.tr("&Planned date:"), self.planned_date)
        self.plan_form.add_field("aftercare", self.tr("&Aftercare:"), self.aftercare)
        self.plan_form.add_field("relapse_prevention", self.tr("Relapse pre&vention:"), self.relapse_prevention)
        clear_messages_on_edit(self.plan_form, "planned_date", "aftercare", "relapse_prevention")
        self.referrals_model = ReferralsModel(self)
        self.referrals = _table(self.referrals_model, self.plan_box, self.tr("Referrals"))
        self.referrals.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                       | QAbstractItemView.EditTrigger.EditKeyPressed
                                       | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.referrals.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.referrals.setTabKeyNavigation(False)
        self.referrals.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.referrals.setMinimumHeight(self.referrals.verticalHeader().defaultSectionSize() * 4 + 8)
        self.referrals.setMaximumHeight(self.referrals.verticalHeader().defaultSectionSize() * 6 + 8)
        self.referrals_label = QLabel(self.plan_box)
        self.referrals_label.setBuddy(self.referrals)
        self.referral_message = message_label("error", self.plan_box)
        self.referral_message.setObjectName("referralErrors")
        self.forms.add_message_label(REFERRALS, self.referral_message)
        self.add_referral_button = QPushButton(self.tr("Add referra&l"), self.plan_box)
        self.remove_referral_button = QPushButton(self.tr("Remove referral"), self.plan_box)
        self.save_plan_button = QPushButton(self.tr("&Save plan"), self.plan_box)
        self.add_referral_button.clicked.connect(self.add_referral)
        self.remove_referral_button.clicked.connect(self.remove_referral)
        self.save_plan_button.clicked.connect(lambda: self.save(lambda _ok: None))
        for button in (self.add_referral_button, self.remove_referral_button, self.save_plan_button):
            self.forms.add_action(button)
        plan_buttons = QHBoxLayout()
        plan_buttons.addWidget(self.add_referral_button)
        plan_buttons.addWidget(self.remove_referral_button)
        plan_buttons.addStretch(1)
        plan_buttons.addWidget(self.save_plan_button)
        plan_layout = QVBoxLayout(self.plan_box)
        plan_layout.addWidget(self.plan_form)
        plan_layout.addWidget(self.referrals_label)
        plan_layout.addWidget(self.referrals)
        plan_layout.addWidget(self.referral_message)
        plan_layout.addLayout(plan_buttons)

        # --- discharging ----------------------------------------------------------------------------
        self.discharge_box = QGroupBox(self.tr("Discharge"), self)
        self.discharge_form = self.forms.add_form(Form(self.discharge_box))
        self.actual_date = OptionalDateEdit(self.discharge_box, maximum=date.today())
        self.reason = CodeCombo(DISCHARGE_REASON, self.discharge_box)
        self.discharge_form.add_field("actual_date", self.tr("Discharge &date:"), self.actual_date)
        self.discharge_form.add_field("reason", self.tr("R&eason:"), self.reason)
        clear_messages_on_edit(self.discharge_form, "actual_date", "reason")
        self.reason.code_changed.connect(self._reason_chosen)
        self.schedule_label = QLabel(self.discharge_box)
        self.schedule_label.setObjectName("scheduleHint")
        self.schedule_label.setWordWrap(True)
        self.schedule_label.setProperty("kind", "hint")
        self.take_barc10 = QCheckBox(self.tr("The client answered the &BARC-10 at discharge"), self.discharge_box)
        self.barc10 = Barc10Entry(self.discharge_box)
        self.barc10.hide()
        self.forms.add_form(self.barc10.form)
        self.take_barc10.toggled.connect(self.barc10.setVisible)
        self.discharge_button = QPushButton(self.tr("Dis&charge…"), self.discharge_box)
        self.discharge_button.clicked.connect(self.ask_discharge)
        self.forms.add_action(self.discharge_button)
        self.discharged_label = QLabel(self)
        self.discharged_label.setObjectName("dischargedSummary")
        self.discharged_label.setWordWrap(True)
        self.discharged_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        discharge_buttons = QHBoxLayout()
        discharge_buttons.addStretch(1)
        discharge_buttons.addWidget(self.discharge_button)
        discharge_layout = QVBoxLayout(self.discharge_box)
        discharge_layout.addWidget(self.discharge_form)
        discharge_layout.addWidget(self.schedule_label)
        discharge_layout.addWidget(self.take_barc10)
        discharge_layout.addWidget(self.barc10)
        discharge_layout.addLayout(discharge_buttons)
        discharge_layout.addStretch(1)

        # --- check-ups ------------------------------------------------------------------------------
        self.checkups_box = QGroupBox(self.tr("Recovery check-ups"), self)
        self.checkups_model = CheckupsModel(self)
        self.checkups = _table(self.checkups_model, self.checkups_box, self.tr("Recovery check-ups"))
        self.checkups.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.checkups.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.checkups.horizontalHeader().setStretchLastSection(True)
        self.checkups.selectionModel().currentRowChanged.connect(lambda *_: self._checkup_chosen())
        checkups_label = QLabel(self.tr("Chec&k-ups:"), self.checkups_box)
        checkups_label.setBuddy(self.checkups)
        self.checkups_hint = QLabel(self.checkups_box)
        self.checkups_hint.setWordWrap(True)
        self.checkups_hint.setProperty("kind", "hint")
        self.checkup_details = QLabel(self.checkups_box)
        self.checkup_details.setObjectName("checkupDetails")
        self.checkup_details.setWordWrap(True)
        self.checkup_details.setTextFormat(Qt.TextFormat.PlainText)
        self.checkup_details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.attempt_button = QPushButton(self.tr("Record atte&mpt…"), self.checkups_box)
        self.outcome_button = QPushButton(self.tr("Record &outcome…"), self.checkups_box)
        self.attempt_button.clicked.connect(self.open_attempt_dialog)
        self.outcome_button.clicked.connect(self.open_outcome_dialog)
        checkup_buttons = QHBoxLayout()
        checkup_buttons.addWidget(self.attempt_button)
        checkup_buttons.addWidget(self.outcome_button)
        checkup_buttons.addStretch(1)
        checkups_layout = QVBoxLayout(self.checkups_box)
        self.checkups_area = QWidget(self.checkups_box)
        area_layout = QVBoxLayout(self.checkups_area)
        area_layout.setContentsMargins(0, 0, 0, 0)
        area_layout.addWidget(checkups_label)
        area_layout.addWidget(self.checkups, 1)
        area_layout.addWidget(self.checkup_details)
        area_layout.addLayout(checkup_buttons)
        checkups_layout.addWidget(self.checkups_hint)
        checkups_layout.addWidget(self.checkups_area, 1)

        # --- layout ------------------------------------------------------------------------------------
        content = QWidget(self)
        column = QVBoxLayout(content)
        column.addWidget(self.status)
        column.addWidget(self.episode_label)
        column.addWidget(self.discharged_label)
        column.addWidget(self.notice)
        top = QHBoxLayout()
        top.addWidget(self.plan_box, 3)
        top.addWidget(self.discharge_box, 2)
        column.addLayout(top)
        column.addWidget(self.forms.general_error)
        column.addWidget(self.result)
        column.addWidget(self.checkups_box, 1)
        column.addStretch(1)  # what is left of the height goes below the content, not between its rows
        self.content_layout = column
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll_area.setWidget(content)
        self.forms.first_error.connect(lambda field: self.scroll_area.ensureWidgetVisible(field))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll_area)

        for edit in (self.planned_date, self.aftercare, self.relapse_prevention):
            edit.textChanged.connect(self._plan_edited)
        self.referrals_model.edited.connect(self._plan_edited)
        self.referrals.selectionModel().currentChanged.connect(lambda *_: self._update_buttons())
        self._show_page(None)

    # --- RecordTab ---------------------------------------------------------------------------------------
    def load(self, client_id: int) -> None:
        super().load(client_id)
        self._show_page(None)
        set_message(self.result, "")
        set_message(self.status, self.tr("Loading…"), "hint")
        self._reload()

    def has_unsaved_changes(self) -> bool:
        if not self.editable() or self.page is None:
            return False
        return self.plan_values() != stored_values(self.page.plan)

    def save(self, on_done: Callable[[bool], object]) -> None:
        if not self.has_unsaved_changes() or self.page is None or self.page.episode is None:
            on_done(True)
            return
        task = self.session.call(save_plan, self.page.episode.id, self.plan_values())
        self._submit(task, functools.partial(self._plan_saved, then=on_done), lambda _exc: on_done(False))

    def discard_changes(self) -> None:
        self._fill_plan(self.page.plan if self.page else None)

    # --- loading and showing ---------------------------------------------------------------------------
    def _reload(self, select_checkup: int | None = None) -> None:
        assert self.client_id is not None
        self.session.runner.run_db(self.session.call(load_followup_page, self.client_id),
                                   functools.partial(self._loaded, self.client_id, select_checkup),
                                   functools.partial(self._failed, self.client_id))

    def _loaded(self, client_id: int, select_checkup: int | None, page: FollowupPage) -> None:
        if client_id != self.client_id:
            return  # another client was opened meanwhile
        set_message(self.status, "")
        self._show_page(page)
        row = self.checkups_model.row_of(select_checkup) if select_checkup is not None else -1
        self._select_checkup(row if row >= 0 else self.checkups_model.first_due_row())

    def _failed(self, client_id: int, exc: ContinuumError) -> None:
        if client_id == self.client_id:
            text = (self.tr("The discharge plan and check-ups could not be loaded.")
                    if isinstance(exc, UnexpectedError) else error_text(exc))
            set_message(self.status, text, "error")

    def editable(self) -> bool:
        """True while the episode shown is open (its plan may change and it may be discharged)."""
        return self.page is not None and self.page.episode is not None and self.page.episode.status == OPEN

    def _show_page(self, page: FollowupPage | None) -> None:
        self.page = page
        episode = page.episode if page else None
        self.forms.clear_errors()
        self.plan_box.setVisible(episode is not None)
        self.checkups_box.setVisible(page is not None)
        self.episode_label.setText(self._episode_text(page))
        self.notice.setText(self._notice_text(page))
        self.notice.setVisible(bool(self.notice.text()))
        self._fill_plan(page.plan if page else None)
        open_episode = self.editable()
        self.discharge_box.setVisible(open_episode)
        self._place_checkups(first=episode is not None and not open_episode)
        if open_episode and episode is not None and episode.id != self._discharge_fields_for:
            self._discharge_fields_for = episode.id  # a reload of the same episode keeps what was chosen
            self.actual_date.set_date(date.today())
            self.reason.set_code("")
            self.take_barc10.setChecked(False)
            self.barc10.clear()
        self.barc10.setVisible(open_episode and self.take_barc10.isChecked())
        self.discharged_label.setVisible(episode is not None and not open_episode)
        self._show_schedule()
        self.discharged_label.setText(self._discharged_text(page))
        self.checkups_model.set_checkups(page.checkups if page else ())
        self.checkups_area.setVisible(self.checkups_model.rowCount() > 0)
        self.checkups_box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred
                                        if self.checkups_model.rowCount() else QSizePolicy.Policy.Maximum)
        shown_rows = min(max(self.checkups_model.rowCount(), MIN_CHECKUP_ROWS), MAX_CHECKUP_ROWS)
        self.checkups.setMinimumHeight(self.checkups.horizontalHeader().sizeHint().height() + 4
                                       + self.checkups.verticalHeader().defaultSectionSize() * shown_rows)
        self.checkups_hint.setText(self._checkups_hint(page))
        self.checkups_hint.setVisible(bool(self.checkups_hint.text()))
        self._checkup_chosen()

    def _place_checkups(self, *, first: bool) -> None:
        """After a discharge the check-ups are what the tab is for: they move above the (closed) plan."""
        column = self.content_layout
        for widget in (self.result, self.checkups_box):
            column.removeWidget(widget)
        at = column.indexOf(self.notice) + 1 if first else column.count() - 1  # before the closing stretch
        column.insertWidget(at, self.result)
        column.insertWidget(at + 1, self.checkups_box, 1)

    def _episode_text(self, page: FollowupPage | None) -> str:
        if page is None:
            return ""
        episode = page.episode
        if episode is None:
            return self.tr("No episode of care")
        if episode.status == OPEN:
            return self.tr("Episode of care since {date} · {programme}").format(
                date=show_date(episode.admission_date), programme=code_label(PROGRAMME, episode.programme))
        return self.tr("Episode of care {start} – {end} · {programme}").format(
            start=show_date(episode.admission_date), end=show_date(episode.discharge_date),
            programme=code_label(PROGRAMME, episode.programme))

    def _notice_text(self, page: FollowupPage | None) -> str:
        if page is None:
            return ""
        if page.episode is None:
            return self.tr("This client has no episode of care, so there is nothing to discharge.")
        if page.episode.status != OPEN:
            return self.tr("The discharge plan below is the record of what was arranged and can no longer "
                           "change. Corrections are made in a progress note.")
        return ""

    def _discharged_text(self, page: FollowupPage | None) -> str:
        if page is None or page.episode is None or page.episode.status == OPEN:
            return ""
        plan = page.plan
        reason = plan.reason if plan is not None else None
        lines = [self.tr("Discharged on {date}.").format(date=show_date(page.episode.discharge_date))]
        if reason:
            lines.append(self.tr("Reason: {reason}.").format(reason=code_label(DISCHARGE_REASON, reason)))
            lines.append(reason_text(reason))
        return "\n".join(lines)

    def _checkups_hint(self, page: FollowupPage | None) -> str:
        if page is None or page.checkups:
            return ""
        if self.editable():
            return self.tr("The check-ups are scheduled when the client is discharged.")
        return self.tr("No recovery check-ups were scheduled.")

    def _show_schedule(self) -> None:
        months = self.page.checkup_months if self.page else ()
        if self.reason.code() in NO_FOLLOWUP_REASONS:
            text = self.tr("No recovery check-ups will be scheduled.")
        else:
            text = self.tr("Recovery check-ups will be scheduled {months} months after the discharge date.").format(
                months=months_text(months))
        self.schedule_label.setText(text)

    def _reason_chosen(self, code: str) -> None:
        self.discharge_form.set_hint("reason", reason_text(code) if code else "")
        self._show_schedule()

    # --- the plan ------------------------------------------------------------------------------------------
    def plan_values(self) -> PlanValues:
        return PlanValues(self.planned_date.value(), self.aftercare.toPlainText(),
                          self.relapse_prevention.toPlainText(), self.referrals_model.referrals())

    def _fill_plan(self, plan: DischargePlanInfo | None) -> None:
        values = stored_values(plan)
        editable = self.editable()
        self._filling = True
        self.planned_date.setText(values.planned_date)
        self.aftercare.setPlainText(values.aftercare)
        self.relapse_prevention.setPlainText(values.relapse_prevention)
        self.referrals_model.editable = editable
        self.referrals_model.set_referrals(values.referrals)
        self._filling = False
        for box in (self.aftercare, self.relapse_prevention):
            box.setReadOnly(not editable)
        self.planned_date.setReadOnly(not editable)
        self.planned_date.calendar_action.setVisible(editable)
        self.planned_date.setPlaceholderText(self.tr("YYYY-MM-DD") if editable else self.tr("Not set"))
        for key, hint in self.plan_hints.items():
            self.plan_form.set_hint(key, hint if editable else "")
        self.referrals_label.setText(self.tr("&Referrals (F2 edits a cell):") if editable else self.tr("&Referrals:"))
        self._update_buttons()
        self._plan_edited()

    def _plan_edited(self) -> None:
        if self._filling:
            return
        dirty = self.has_unsaved_changes()
        if dirty:
            set_message(self.result, "")  # "saved" no longer holds
        self.save_plan_button.setEnabled(dirty and not self.forms.busy)
        if dirty != self._was_dirty:
            self._was_dirty = dirty
            self.dirty_changed.emit(dirty)

    def _plan_saved(self, plan: DischargePlanInfo, then: Callable[[bool], object]) -> None:
        assert self.page is not None
        self.page = dataclasses.replace(self.page, plan=plan)
        self._fill_plan(plan)
        set_message(self.result, self.tr("The discharge plan was saved."), "ok")
        then(True)

    def add_referral(self) -> None:
        row = self.referrals_model.add_row()
        index = self.referrals_model.index(row, 0)
        self.referrals.setCurrentIndex(index)
        self.referrals.setFocus(Qt.FocusReason.OtherFocusReason)
        self.referrals.edit(index)

    def remove_referral(self) -> None:
        self.referrals_model.remove_row(self.referrals.currentIndex().row())
        self._update_buttons()

    def _update_buttons(self) -> None:
        editable, busy = self.editable(), self.forms.busy
        self.add_referral_button.setVisible(editable)
        self.remove_referral_button.setVisible(editable)
        self.save_plan_button.setVisible(editable)
        self.add_referral_button.setEnabled(not busy)
        self.remove_referral_button.setEnabled(not busy and self.referrals.currentIndex().isValid())
        self.save_plan_button.setEnabled(not busy and self.has_unsaved_changes())
        self.discharge_button.setEnabled(not busy and editable)
        self.referrals.setEnabled(not busy)
        checkup = self.current_checkup()
        due = checkup is not None and checkup.status == DUE
        self.attempt_button.setEnabled(due)
        self.outcome_button.setEnabled(due)

    # --- running service calls --------------------------------------------------------------------------
    def _submit(self, task: Callable[[], Any], on_done: Callable[[Any], object],
                on_error: Callable[[ContinuumError], object] | None = None) -> None:
        self.forms.clear_errors()
        self.referrals_model.set_errors({})
        set_message(self.result, "")
        self.forms.set_busy(True)
        self._update_buttons()
        self.session.runner.run_db(task, functools.partial(self._finish, on_done),
                                   functools.partial(self._finish, functools.partial(self._failed_call, on_error)))

    def _finish(self, callback: Callable[[Any], object], value: Any) -> None:
        self.forms.set_busy(False)
        self._update_buttons()
        callback(value)

    def _failed_call(self, then: Callable[[ContinuumError], object] | None, exc: ContinuumError) -> None:
        self.show_error(exc)
        if then is not None:
            then(exc)

    def show_error(self, exc: ContinuumError) -> None:
        """Messages beside their fields; referral messages gathered under the table."""
        if isinstance(exc, UnexpectedError):
            return  # the runner has already said so
        if isinstance(exc, ValidationError):
            self.forms.show_error(ValidationError(self._gather_referral_errors(exc.errors)))
        else:
            self.forms.show_error(exc)

    def _gather_referral_errors(self, errors: Mapping[str, str]) -> dict[str, str]:
        """``referrals.<row>.<field>`` messages become one ``referrals`` message; their cells are tinted."""
        rest: dict[str, str] = {}
        lines: list[str] = []
        cells: dict[tuple[int, int], str] = {}
        for key, message in errors.items():
            parts = key.split(".")
            if parts[0] != REFERRALS:
                rest[key] = message
                continue
            if len(parts) == 1 or not parts[1].isdigit():
                lines.append(message)
                continue
            row = int(parts[1])
            field = parts[2] if len(parts) > 2 else ""
            if field in ReferralsModel.FIELDS:
                column = ReferralsModel.FIELDS.index(field)
                cells[(row, column)] = message
                lines.append(self.tr("Referral {number}, {column}: {message}").format(
                    number=row + 1, column=self.referrals_model.column_title(column).lower(), message=message))
            else:
                lines.append(self.tr("Referral {number}: {message}").format(number=row + 1, message=message))
        self.referrals_model.set_errors(cells)
        if lines:
            rest[REFERRALS] = "\n".join(lines)
        return rest

    # --- discharging -----------------------------------------------------------------------------------------
    def discharge_problems(self) -> dict[str, str]:
        """What the service would refuse in the discharge fields (checked before asking)."""
        assert self.page is not None and self.page.episode is not None
        admitted = self.page.episode.admission_date
        c = Checker()
        c.date(self.actual_date.value(), "actual_date", past_only=True, not_before=admitted,
               not_before_label=f"the admission date ({admitted.isoformat()})")
        c.code(DISCHARGE_REASON, self.reason.code(), "reason")
        problems = dict(c.errors)
        if self.take_barc10.isChecked():
            problems.update(self.barc10.check())
        return problems

    def ask_discharge(self) -> QWidget | None:
        """Check the discharge fields, then ask the question; returns the question box (if asked)."""
        if not self.editable() or self.forms.busy:
            return None
        assert self.page is not None and self.page.episode is not None
        self.forms.clear_errors()
        problems = self.discharge_problems()
        if problems:
            self.show_error(ValidationError(problems))
            return None
        page, episode, reason = self.page, self.page.episode, self.reason.code()
        text = self.tr("Discharge {name} ({code}) from the episode of care that began on {admitted}?").format(
            name=page.client_name, code=page.client_code, admitted=show_date(episode.admission_date))
        text += "\n\n" + self.tr("Discharge date: {date}\nReason: {reason}").format(
            date=show_date(self.actual_date.date()), reason=code_label(DISCHARGE_REASON, reason))
        text += "\n\n" + self.tr("The episode will be closed and its discharge plan can no longer be changed.")
        if self.has_unsaved_changes():
            text += " " + self.tr("Your changes to the plan are saved with the discharge.")
        text += " " + self.schedule_label.text()
        return confirm(self, self.tr("Discharge the client"), text, self.tr("Discharge"), self.discharge)

    def discharge(self) -> None:
        """Discharge now (after the question), saving unsaved plan changes in the same transaction."""
        if not self.editable() or self.page is None or self.page.episode is None:
            return
        plan = self.plan_values() if self.has_unsaved_changes() else None
        answers = self.barc10.answers() if self.take_barc10.isChecked() else None
        task = self.session.call(discharge_episode, self.page.episode.id, plan, self.actual_date.value(),
                                 self.reason.code(), answers)
        self._submit(task, self._discharged)

    def _discharged(self, result: DischargeResult) -> None:
        assert self.page is not None and self.page.episode is not None
        episode = dataclasses.replace(self.page.episode, status=DISCHARGED, discharge_date=result.plan.actual_date)
        self._show_page(dataclasses.replace(self.page, episode=episode, plan=result.plan))
        self._reload()  # the check-ups as the service lists them
        self.record_changed.emit()
        set_message(self.result, self.tr("The client was discharged; {count} recovery check-ups were scheduled.")
                    .format(count=len(result.checkups)), "ok")

    # --- check-ups ----------------------------------------------------------------------------------------
    def current_checkup(self) -> CheckupInfo | None:
        return self.checkups_model.checkup(self.checkups.currentIndex().row())

    def _select_checkup(self, row: int) -> None:
        if 0 <= row < self.checkups_model.rowCount():
            self.checkups.selectRow(row)
            self.checkups.setCurrentIndex(self.checkups_model.index(row, 0))

    def _checkup_chosen(self) -> None:
        checkup = self.current_checkup()
        self._update_buttons()
        if checkup is None:
            self.checkup_details.setText("")
            return
        lines = []
        if checkup.attempts:
            lines.append(self.tr("Contact attempts:"))
            for attempt in checkup.attempts:
                line = self.tr("• {date} · {channel} · {reached}").format(
                    date=show_date(attempt.attempted_on), channel=code_label(CHECKUP_CHANNEL, attempt.channel),
                    reached=self.tr("reached") if attempt.reached else self.tr("not reached"))
                lines.append(line + (f" · {attempt.note.strip()}" if attempt.note.strip() else ""))
        else:
            lines.append(self.tr("No contact attempts recorded."))
        if checkup.outcome is not None:
            outcome = self.tr("Outcome: {outcome} on {date}").format(
                outcome=code_label(CHECKUP_OUTCOME, checkup.outcome), date=show_date(checkup.completed_on))
            if checkup.barc10_total is not None:
                outcome += " · " + self.tr("BARC-10 total {total}").format(total=checkup.barc10_total)
            lines.append(outcome + (f" · {checkup.notes.strip()}" if checkup.notes.strip() else ""))
        self.checkup_details.setText("\n".join(lines))

    def open_attempt_dialog(self) -> AttemptDialog | None:
        checkup = self.current_checkup()
        if checkup is None or checkup.status != DUE:
            return None
        dialog = AttemptDialog(self.session, checkup, self)
        dialog.succeeded.connect(lambda info: self._reload(select_checkup=info.id))
        dialog.open()
        return dialog

    def open_outcome_dialog(self) -> OutcomeDialog | None:
        checkup = self.current_checkup()
        if checkup is None or checkup.status != DUE:
            return None
        dialog = OutcomeDialog(self.session, checkup, self)
        dialog.succeeded.connect(self._outcome_recorded)
        dialog.open()
        return dialog

    def _outcome_recorded(self, checkup: CheckupInfo) -> None:
        self._reload(select_checkup=checkup.id)
        self.record_changed.emit()
