"""The Care plan tab: the versions of the current episode's plan, its goals by domain, and the
steps of its life (draft → active → superseded, and periodic reviews with a BARC-10).

What the tab shows
------------------
* The plan of the client's **current episode**: the open one, else the most recent (its
  plan is then read-only: a discharged episode's plan no longer changes).
* A **version picker** listing every version (draft, active, superseded).  The tab opens
  on the draft if there is one (that is what someone is working on), else the active
  version, else the latest.  Any earlier version can be picked and is shown exactly as it
  was; only a draft can be edited.
* The goals in a table **grouped by recovery domain** (domain order of
  ``codes.RECOVERY_DOMAIN``, the plan's own order inside a domain), with actions, who is
  responsible, target date and status.

What the user does
------------------
* **New draft** copies the latest version (goals, statuses, review date), or starts empty
  when there is none.  On a draft: **Add / Edit / Remove goal** (a dialog whose messages
  come from ``care_plans.add_goal``/``update_goal``), the **review date** (saved with its
  button or Ctrl+S; :meth:`CarePlanTab.has_unsaved_changes` is True while the typed date is
  not saved), and **Activate**, which asks first and says which version it supersedes.
* On the active version: **Review** opens :class:`ReviewDialog` (review date, every goal's
  status, the next review date and the BARC-10, which can be left out when the client did
  not take it); the review creates and activates the next version and records the
  BARC-10, so the tab emits ``record_changed`` for the tabs that show BARC-10 scores.
* **Client signed…** records the day the client signed the paper copy.  Printing is the
  record view's (its Print menu and Ctrl+P print the version this tab shows, :attr:`CarePlanTab.plan`).

Decisions
---------
* The goals model is a :class:`~ui.table_model.RowsModel` whose rows are domain headings and goals;
  headings span the row and cannot be selected, so the keyboard moves from goal to goal.
  Enter or a double click edits a goal of a draft; Delete removes it (after asking).
* After every change the version list is read again (goal counts and statuses change);
  the plan itself comes back from the service that changed it.
* Every rule (a goal needs text and a domain, target dates not before admission, review
  dates not in the past, activation needs goals and a review date) is the service's; its
  messages appear beside the fields they name.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QItemSelectionModel,
    QObject,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from clinic_app.codes import CARE_PLAN_STATUS, GOAL_STATUS, PROGRAMME, RECOVERY_DOMAIN
from clinic_app.errors import ContinuumError, ValidationError
from clinic_app.services import care_plans, clients
from clinic_app.services.auth import Actor
from clinic_app.services.care_plans import ACTIVE, DRAFT, SUPERSEDED, CarePlan, Goal, PlanReview, PlanVersion
from clinic_app.services.episodes import OPEN, EpisodeRecord
from clinic_app.uow import UnitOfWork
from ui.client_record.tab import RecordTab
from ui.clients.display import code_label, show_date
from ui.dialogs import confirm
from ui.forms import Form, FormDialog, fit_height, heading, message_label, set_message
from ui.labels import local_date
from ui.session import Session
from ui.table_model import AnyIndex, RowsModel, styled_font
from ui.tasks import UnexpectedError
from ui.widgets.barc10 import Barc10Entry
from ui.widgets.code_combo import CodeCombo
from ui.widgets.form_set import FormSetDialog
from ui.widgets.inputs import OptionalDateEdit


#: the next review proposed at a review, in days from today
NEXT_REVIEW_DAYS = 91
GOAL_PREVIEW_CHARS = 70
#: extra pixels under and over the wrapped text of a goal row
ROW_PADDING = 10


@dataclass(frozen=True)
class PlanPage:
    """What the tab shows for one client: the current episode, its versions, the version chosen."""

    episode: EpisodeRecord | None
    versions: tuple[PlanVersion, ...]
    plan: CarePlan | None


def _default_version(versions: tuple[PlanVersion, ...]) -> PlanVersion | None:
    return (next((v for v in versions if v.status == DRAFT), None)
            or next((v for v in versions if v.status == ACTIVE), None)
            or (versions[-1] if versions else None))


def load_plan_page(uow: UnitOfWork, actor: Actor, client_id: int) -> PlanPage:
    """The client's current episode (open, else latest), its plan versions and the one to show."""
    record = clients.get_client(uow, actor, client_id)
    episode = record.open_episode or (record.episodes[-1] if record.episodes else None)
    if episode is None:
        return PlanPage(None, (), None)
    versions = care_plans.list_versions(uow, actor, episode.id)
    chosen = _default_version(versions)
    return PlanPage(episode, versions, care_plans.get_plan(uow, actor, chosen.id) if chosen else None)


def _preview(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= GOAL_PREVIEW_CHARS else flat[: GOAL_PREVIEW_CHARS - 1] + "…"


# --- the goals table ---------------------------------------------------------------------------------


class GoalsModel(RowsModel["str | Goal"]):
    """A plan's goals grouped by domain: a heading row per domain, then its goals."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__((self.tr("Goal"), self.tr("Actions"), self.tr("Responsible"), self.tr("Target date"),
                          self.tr("Status")), _goal_texts, parent)

    def set_goals(self, goals: tuple[Goal, ...]) -> None:
        rows: list[str | Goal] = []
        for domain in RECOVERY_DOMAIN.codes() + tuple(sorted({g.domain for g in goals} - set(RECOVERY_DOMAIN.codes()))):
            in_domain = [g for g in goals if g.domain == domain]
            if in_domain:
                rows.append(domain)
                rows.extend(in_domain)
        self.set_rows(tuple(rows))

    def goal(self, row: int) -> Goal | None:
        """The goal at ``row`` (``None`` for a domain heading or no row)."""
        item = self.row_if_any(row)
        return item if isinstance(item, Goal) else None

    def heading_rows(self) -> list[int]:
        return [i for i, item in enumerate(self.rows()) if isinstance(item, str)]

    def row_of(self, goal_id: int) -> int:
        return self.row_where(lambda item: isinstance(item, Goal) and item.id == goal_id)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if index.isValid() and isinstance(self.row(index.row()), str):
            return Qt.ItemFlag.ItemIsEnabled
        return super().flags(index)

    def cell_data(self, row: str | Goal, column: int, role: int) -> Any:
        if not isinstance(row, str):
            return super().cell_data(row, column, role)
        if role == Qt.ItemDataRole.DisplayRole and column == 0:
            return code_label(RECOVERY_DOMAIN, row)
        if role == Qt.ItemDataRole.FontRole:
            return styled_font(bold=True)
        return None


def _goal_texts(item: str | Goal) -> tuple[str, ...]:
    """A goal's cells (a domain heading's come from :meth:`GoalsModel.cell_data`)."""
    assert isinstance(item, Goal)
    return (item.goal, item.actions, item.responsible, show_date(item.target_date),
            code_label(GOAL_STATUS, item.status))


class GoalsView(QTableView):
    """The goals table: headings span the row, text wraps; Delete asks to remove the current goal."""

    remove_requested = Signal()

    def __init__(self, model: GoalsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(True)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        model.modelReset.connect(self._spans)

    def _spans(self) -> None:
        self.clearSpans()
        model = self.model()
        assert isinstance(model, GoalsModel)
        for row in model.heading_rows():
            self.setSpan(row, 0, 1, model.columnCount())
        self.fit_columns()

    def fit_columns(self) -> None:
        """Share the width: goal and actions get most of it; rows grow to show wrapped text.  No column is
        narrower than its title: a view too narrow for them all (large fonts) scrolls sideways."""
        width = max(self.viewport().width(), 600)
        header = self.horizontalHeader()
        fixed = (0.14, 0.12, 0.13)  # responsible, target date, status: never narrower than their titles
        for column, share in zip((2, 3, 4), fixed, strict=True):
            header.resizeSection(column, max(int(width * share), header.sectionSizeHint(column)))
        rest = width - sum(header.sectionSize(c) for c in (2, 3, 4))
        header.resizeSection(0, max(int(rest * 0.45), header.sectionSizeHint(0)))
        header.resizeSection(1, max(rest - header.sectionSize(0), header.sectionSizeHint(1)))
        self.resizeRowsToContents()
        model = self.model()
        assert isinstance(model, GoalsModel)
        for row in range(model.rowCount()):
            if model.goal(row) is not None:
                self.setRowHeight(row, self.rowHeight(row) + ROW_PADDING)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_columns()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Delete:
            self.remove_requested.emit()
            return
        super().keyPressEvent(event)


# --- dialogs ------------------------------------------------------------------------------------------


def _text_box(parent: QWidget, lines: int) -> QPlainTextEdit:
    box = QPlainTextEdit(parent)
    box.setTabChangesFocus(True)
    box.setFixedHeight(box.fontMetrics().lineSpacing() * lines + 14)
    return box


class GoalDialog(FormDialog):
    """Add a goal to a draft, or change one (``goal`` given)."""

    def __init__(self, session: Session, plan_id: int, goal: Goal | None, parent: QWidget | None = None) -> None:
        title = self.tr("Change a goal") if goal else self.tr("Add a goal")
        super().__init__(parent, session.runner, title, self.tr("Save goal") if goal else self.tr("Add goal"))
        self.setMinimumWidth(600)
        self.session, self.plan_id, self.goal_id = session, plan_id, goal.id if goal else None
        self.domain = CodeCombo(RECOVERY_DOMAIN, self)
        self.goal = _text_box(self, 3)
        self.actions = _text_box(self, 4)
        self.responsible = QLineEdit(self)
        self.target_date = OptionalDateEdit(self)
        self.status = CodeCombo(GOAL_STATUS, self)
        self.form.add_field("domain", self.tr("&Domain:"), self.domain)
        self.form.add_field("goal", self.tr("&Goal:"), self.goal, self.tr("What the client wants to achieve, "
                                                                             "in their words where possible."))
        self.form.add_field("actions", self.tr("&Actions:"), self.actions, self.tr("The steps, who takes them and how."))
        self.form.add_field("responsible", self.tr("&Responsible:"), self.responsible,
                            self.tr("For example: the client; the counsellor; the housing officer."))
        self.form.add_field("target_date", self.tr("&Target date:"), self.target_date,
                            self.tr("YYYY-MM-DD; may be left empty."))
        self.form.add_field("status", self.tr("&Status:"), self.status)
        if goal is not None:
            self.domain.set_code(goal.domain)
            self.goal.setPlainText(goal.goal)
            self.actions.setPlainText(goal.actions)
            self.responsible.setText(goal.responsible)
            self.target_date.set_date(goal.target_date)
            self.status.set_code(goal.status)
        else:
            self.status.set_code("not_started")
        self.domain.setFocus(Qt.FocusReason.OtherFocusReason)

    def task(self) -> Callable[[], CarePlan]:
        values = (self.domain.code(), self.goal.toPlainText(), self.actions.toPlainText(), self.responsible.text(),
                  self.target_date.value() or None, self.status.code())
        if self.goal_id is None:
            return self.session.call(care_plans.add_goal, self.plan_id, *values)
        return self.session.call(care_plans.update_goal, self.goal_id, *values)


class ClientSignatureDialog(FormDialog):
    """Record the day the client signed the paper copy of a plan version."""

    def __init__(self, session: Session, plan: CarePlan, parent: QWidget | None = None) -> None:
        super().__init__(parent, session.runner, self.tr("Client's signature"), self.tr("Record signature"),
                         self.tr("Record the day the client signed the printed care plan (version {version}).")
                         .format(version=plan.version))
        self.session, self.plan_id = session, plan.id
        self.signed_on = OptionalDateEdit(self, maximum=date.today())
        self.signed_on.set_date(plan.client_signed_on or date.today())
        self.form.add_field("client_signed_on", self.tr("&Signed on:"), self.signed_on)

    def task(self) -> Callable[[], CarePlan]:
        return self.session.call(care_plans.record_client_signature, self.plan_id, self.signed_on.value())


class ReviewDialog(FormSetDialog):
    """Review the active plan: when, each goal's status, the next review date and the BARC-10.

    ``succeeded`` carries the :class:`~clinic_app.services.care_plans.PlanReview`.
    """

    def __init__(self, session: Session, plan: CarePlan, parent: QWidget | None = None) -> None:
        super().__init__(session, parent, self.tr("Review the care plan"),
                         self.tr("The review becomes version {version} of the plan and replaces version {current}, "
                                 "which stays readable. Goals can be changed afterwards in a new draft.")
                         .format(version=plan.version + 1, current=plan.version),
                         self.tr("Record review"), (760, 720))
        self.plan = plan
        content, column = self.content, self.content_layout
        dates = self.forms.add_form(Form(content))
        self.reviewed_on = OptionalDateEdit(content, maximum=date.today())
        self.reviewed_on.set_date(date.today())
        self.next_review_date = OptionalDateEdit(content)
        self.next_review_date.set_date(date.today() + timedelta(days=NEXT_REVIEW_DAYS))
        hints = (self.tr("The day of the review meeting (YYYY-MM-DD)."),
                 self.tr("Proposed: in three months. It cannot be in the past."))
        dates.add_field("reviewed_on", self.tr("Reviewed &on:"), self.reviewed_on, hints[0])
        dates.add_field("next_review_date", self.tr("&Next review:"), self.next_review_date, hints[1])
        dates.setMinimumWidth(max(dates.fontMetrics().horizontalAdvance(h) for h in hints) + 160)
        dates_row = QHBoxLayout()  # the dates as wide as their hints, not as the dialog
        dates_row.addWidget(dates)
        dates_row.addStretch(1)
        column.addLayout(dates_row)

        goals_box = QGroupBox(self.tr("Progress on the goals"), content)
        goals_layout = QVBoxLayout(goals_box)
        goals = self.forms.add_form(Form(goals_box))
        self.statuses: dict[int, CodeCombo] = {}
        for goal in plan.goals:
            combo = CodeCombo(GOAL_STATUS, goals_box)
            combo.set_code(goal.status)
            goals.add_field(f"goal_statuses.{goal.id}", f"{code_label(RECOVERY_DOMAIN, goal.domain)}: "
                                                        f"{_preview(goal.goal)}".replace("&", "&&"), combo)
            self.statuses[goal.id] = combo
        for label in goals.findChildren(QLabel):
            if label.buddy() is not None:
                label.setWordWrap(True)
        goals_layout.addWidget(goals)
        column.addWidget(goals_box)

        barc_box = QGroupBox(self.tr("Recovery capital (BARC-10)"), content)
        barc_layout = QVBoxLayout(barc_box)
        self.take_barc10 = QCheckBox(self.tr("The client answered the &BARC-10 at this review"), barc_box)
        self.take_barc10.setChecked(True)
        self.barc10 = Barc10Entry(barc_box)
        self.forms.add_form(self.barc10.form)
        self.take_barc10.toggled.connect(self.barc10.setEnabled)
        barc_layout.addWidget(self.take_barc10)
        barc_layout.addWidget(self.barc10)
        column.addWidget(barc_box)
        column.addStretch(1)
        self.forms.add_validator(lambda: self.barc10.check() if self.take_barc10.isChecked() else {})

    def submit(self) -> None:
        answers = self.barc10.answers() if self.take_barc10.isChecked() else None
        statuses = {goal_id: combo.code() for goal_id, combo in self.statuses.items()}
        self.run(self.session.call(care_plans.review_plan, self.plan.id, self.reviewed_on.value(), statuses,
                                   self.next_review_date.value(), answers))


# --- the tab ---------------------------------------------------------------------------------------------


class CarePlanTab(RecordTab):
    key = "care_plan"
    title = QT_TRANSLATE_NOOP("ClientRecord", "Care plan")

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.episode: EpisodeRecord | None = None
        self.versions: tuple[PlanVersion, ...] = ()
        self.plan: CarePlan | None = None

        self.episode_label = QLabel(self)
        self.episode_label.setWordWrap(True)
        self.version = QComboBox(self)
        self.version.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        version_label = QLabel(self.tr("&Version:"), self)
        version_label.setBuddy(self.version)
        self.version.setAccessibleName(self.tr("Version"))
        self.version.activated.connect(self._version_picked)
        self.new_draft_button = QPushButton(self.tr("Ne&w draft"), self)
        self.activate_button = QPushButton(self.tr("A&ctivate…"), self)
        self.review_button = QPushButton(self.tr("&Review…"), self)
        self.signature_button = QPushButton(self.tr("C&lient signed…"), self)
        self.new_draft_button.setToolTip(self.tr("Start the next version as a copy of the latest one"))
        self.review_button.setToolTip(self.tr("Record a review with the BARC-10; it becomes the next version"))
        self.new_draft_button.clicked.connect(self.new_draft)
        self.activate_button.clicked.connect(self._ask_activate)
        self.review_button.clicked.connect(self.open_review)
        self.signature_button.clicked.connect(self._open_signature)
        top = QHBoxLayout()
        top.addWidget(version_label)
        top.addWidget(self.version)
        top.addStretch(1)
        plan_actions = QHBoxLayout()  # a row of their own: beside the version they did not fit 1280 px
        for button in (self.new_draft_button, self.activate_button, self.review_button, self.signature_button):
            plan_actions.addWidget(button)
        plan_actions.addStretch(1)

        self.title_label = heading("", self, 1.15)
        self.status_label = QLabel(self)
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notice = QLabel(self)
        self.notice.setWordWrap(True)
        self.notice.setProperty("kind", "note")

        self.model = GoalsModel(self)
        self.goals = GoalsView(self.model, self)
        goals_label = QLabel(self.tr("G&oals by domain:"), self)
        goals_label.setBuddy(self.goals)
        self.goals.setAccessibleName(self.tr("Goals by domain"))
        self.goals.activated.connect(lambda _index: self.edit_goal())
        self.goals.remove_requested.connect(self._ask_remove)
        self.goals.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())

        self.add_button = QPushButton(self.tr("&Add goal…"), self)
        self.edit_button = QPushButton(self.tr("&Edit goal…"), self)
        self.remove_button = QPushButton(self.tr("Re&move goal…"), self)
        self.add_button.clicked.connect(self.add_goal)
        self.edit_button.clicked.connect(self.edit_goal)
        self.remove_button.clicked.connect(self._ask_remove)
        self.review_form = Form(self)
        self.review_date = OptionalDateEdit(self)
        self.review_form.add_field("review_date", self.tr("Review &date:"), self.review_date)
        self.save_date_button = QPushButton(self.tr("&Save review date"), self)
        self.save_date_button.clicked.connect(lambda: self.save(lambda _ok: None))
        self.review_form.add_action(self.save_date_button)
        self.review_date.textChanged.connect(self._date_edited)
        bottom = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.remove_button):
            bottom.addWidget(button)
        bottom.addStretch(1)
        review_row = QHBoxLayout()  # under the goal buttons: beside them it did not fit 1280 px
        review_row.addWidget(self.review_form, 0, Qt.AlignmentFlag.AlignTop)
        review_row.addWidget(self.save_date_button, 0, Qt.AlignmentFlag.AlignTop)
        review_row.addStretch(1)

        self.message = message_label("error", self)
        self.message.setObjectName("planMessage")

        layout = QVBoxLayout(self)
        layout.addWidget(self.episode_label)
        layout.addLayout(top)
        layout.addLayout(plan_actions)
        layout.addWidget(self.title_label)
        layout.addWidget(self.status_label)
        layout.addWidget(self.notice)
        layout.addWidget(goals_label)
        layout.addWidget(self.goals, 1)
        layout.addLayout(bottom)
        layout.addLayout(review_row)
        layout.addWidget(self.message)
        self._was_dirty = False
        self._show_page(PlanPage(None, (), None))
        self.setEnabled(False)

    # --- RecordTab ---------------------------------------------------------------------------------
    def load(self, client_id: int) -> None:
        super().load(client_id)
        self.session.runner.run_db(self.session.call(load_plan_page, client_id),
                                   functools.partial(self._loaded, client_id))

    def has_unsaved_changes(self) -> bool:
        plan = self.plan
        if plan is None or plan.status != DRAFT or not self.editable():
            return False
        return self.review_date.value() != (plan.review_date.isoformat() if plan.review_date else "")

    def save(self, on_done: Callable[[bool], object]) -> None:
        plan = self.plan
        if plan is None or not self.has_unsaved_changes():
            on_done(True)
            return
        task = self.session.call(care_plans.set_review_date, plan.id, self.review_date.value())

        def failed(exc: ContinuumError) -> None:
            self.show_error(exc)
            on_done(False)

        self.review_form.submit(self.session.runner, task, lambda p: (self._changed(p), on_done(True)), failed)

    def discard_changes(self) -> None:
        self._fill_review_date()

    # --- showing ------------------------------------------------------------------------------------
    def editable(self) -> bool:
        """True when the shown episode is open (its plan may change)."""
        return self.episode is not None and self.episode.status == OPEN

    def _loaded(self, client_id: int, page: PlanPage) -> None:
        if client_id == self.client_id:
            self.setEnabled(True)
            self._show_page(page)

    def _show_page(self, page: PlanPage) -> None:
        self.episode, self.versions = page.episode, page.versions
        self._fill_versions()
        self._show_plan(page.plan)
        episode = page.episode
        if episode is None:
            self.episode_label.setText(self.tr("This client has no episode of care, so there is no care plan."))
        elif episode.status == OPEN:
            self.episode_label.setText(self.tr("Episode of care since {date} · {programme}").format(
                date=show_date(episode.admission_date), programme=code_label(PROGRAMME, episode.programme)))
        else:
            self.episode_label.setText(self.tr("Episode of care {start} – {end} · {programme} · discharged: its care "
                                               "plan can no longer change").format(
                start=show_date(episode.admission_date), end=show_date(episode.discharge_date),
                programme=code_label(PROGRAMME, episode.programme)))

    def _fill_versions(self) -> None:
        self.version.blockSignals(True)
        self.version.clear()
        for v in reversed(self.versions):
            when = {ACTIVE: v.activated_at, SUPERSEDED: v.superseded_at, DRAFT: v.created_at}.get(v.status)
            text = self.tr("Version {version} · {status}").format(version=v.version,
                                                                  status=code_label(CARE_PLAN_STATUS, v.status))
            if when is not None:
                text = self.tr("{version} since {date}").format(version=text, date=local_date(when))
            self.version.addItem(text, v.id)
        if self.plan is not None:
            self.version.setCurrentIndex(max(0, self.version.findData(self.plan.id)))
        self.version.blockSignals(False)

    def _show_plan(self, plan: CarePlan | None) -> None:
        current = self.current_goal()
        self.plan = plan
        self.model.set_goals(plan.goals if plan else ())
        if current is not None:
            self.select_goal(current.id)
        if plan is not None:
            self.version.blockSignals(True)
            self.version.setCurrentIndex(max(0, self.version.findData(plan.id)))
            self.version.blockSignals(False)
        self.title_label.setText(self.tr("Care plan, version {version}").format(version=plan.version) if plan
                                 else self.tr("No care plan yet"))
        self.status_label.setText(self._status_text(plan))
        self.notice.setText(self._notice_text(plan))
        self.notice.setVisible(bool(self.notice.text()))
        self.review_form.clear_errors()
        self._fill_review_date()
        self._update_buttons()

    def _status_text(self, plan: CarePlan | None) -> str:
        if plan is None:
            return ""
        parts = [code_label(CARE_PLAN_STATUS, plan.status)]
        if plan.activated_at:
            parts.append(self.tr("activated {date}").format(date=local_date(plan.activated_at)))
        if plan.superseded_at:
            parts.append(self.tr("superseded {date}").format(date=local_date(plan.superseded_at)))
        parts.append(self.tr("review due {date}").format(date=show_date(plan.review_date)) if plan.review_date
                     else self.tr("no review date yet"))
        parts.append(self.tr("signed by the counsellor {date}").format(date=show_date(plan.counsellor_signed_on))
                     if plan.counsellor_signed_on else self.tr("not signed by the counsellor yet"))
        parts.append(self.tr("signed by the client {date}").format(date=show_date(plan.client_signed_on))
                     if plan.client_signed_on else self.tr("client's signature not recorded"))
        return " · ".join(parts)

    def _notice_text(self, plan: CarePlan | None) -> str:
        if plan is None:
            return self.tr("Start the care plan with “New draft”.") if self.editable() else ""
        if not self.editable():
            return ""
        if plan.status == SUPERSEDED:
            return self.tr("This earlier version is shown exactly as it was; it can no longer change.")
        if plan.status == ACTIVE:
            if any(v.status == DRAFT for v in self.versions):
                return self.tr("A draft of the next version exists: pick it in the version list to continue it.")
            return self.tr("This is the plan in force. To change its goals, start a new draft (a copy of this "
                           "version); a review records the goals' progress and the BARC-10 as the next version.")
        active = next((v for v in self.versions if v.status == ACTIVE), None)
        if active is not None:
            return self.tr("Draft: change the goals and the review date, then activate it. It will replace "
                           "version {version}, which stays readable.").format(version=active.version)
        return self.tr("Draft: add the goals and a review date, then activate it.")

    def _fill_review_date(self) -> None:
        self.review_date.blockSignals(True)
        self.review_date.set_date(self.plan.review_date if self.plan else None)
        self.review_date.blockSignals(False)
        self._dirty_may_have_changed()

    def _update_buttons(self) -> None:
        plan, editable = self.plan, self.editable()
        is_draft = editable and plan is not None and plan.status == DRAFT
        has_draft = any(v.status == DRAFT for v in self.versions)
        goal = self.current_goal()
        self.new_draft_button.setEnabled(editable and not has_draft)
        self.activate_button.setEnabled(is_draft)
        self.review_button.setEnabled(editable and plan is not None and plan.status == ACTIVE and not has_draft)
        self.signature_button.setEnabled(editable and plan is not None and plan.status != SUPERSEDED)
        for widget in (self.add_button, self.edit_button, self.remove_button, self.review_form,
                       self.save_date_button):
            widget.setVisible(is_draft)
        self.add_button.setEnabled(is_draft)
        self.edit_button.setEnabled(is_draft and goal is not None)
        self.remove_button.setEnabled(is_draft and goal is not None)
        self.save_date_button.setEnabled(is_draft and self.has_unsaved_changes())
        self.version.setEnabled(bool(self.versions))

    def current_goal(self) -> Goal | None:
        return self.model.goal(self.goals.currentIndex().row())

    def select_goal(self, goal_id: int) -> None:
        row = self.model.row_of(goal_id)
        if row >= 0:
            self.goals.selectionModel().setCurrentIndex(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)

    def _say(self, text: str) -> None:
        set_message(self.message, text)

    def show_error(self, exc: ContinuumError) -> None:
        """A refusal: a review-date message beside that field, anything else under the goals."""
        if isinstance(exc, UnexpectedError):
            return  # the runner has already said so
        if isinstance(exc, ValidationError):
            rest = self.review_form.show_errors(exc.errors)
            self._say("\n".join(rest.values()))
        else:
            self._say(str(exc))

    def _run(self, service: Callable[..., CarePlan], *args: Any) -> None:
        """Change the plan with ``service``; show the result, or why it was refused."""
        self._say("")
        self.review_form.clear_errors()
        self.session.runner.run_db(self.session.call(service, *args), self._changed, self.show_error)

    def _date_edited(self) -> None:
        self._dirty_may_have_changed()
        self._update_buttons()

    def _dirty_may_have_changed(self) -> None:
        dirty = self.has_unsaved_changes()
        if dirty != self._was_dirty:
            self._was_dirty = dirty
            self.dirty_changed.emit(dirty)

    # --- versions -----------------------------------------------------------------------------------
    def _version_picked(self, index: int) -> None:
        plan_id = self.version.itemData(index)
        if plan_id is None or (self.plan is not None and plan_id == self.plan.id):
            return
        self.save(lambda ok: self._open_version(plan_id) if ok else self._fill_versions())

    def _open_version(self, plan_id: int) -> None:
        self.session.runner.run_db(self.session.call(care_plans.get_plan, plan_id), self._show_plan)

    def _changed(self, plan: CarePlan) -> None:
        """A service changed ``plan``: show it and read the version list again."""
        self._say("")
        self._show_plan(plan)
        assert self.episode is not None
        self.session.runner.run_db(self.session.call(care_plans.list_versions, self.episode.id),
                                   self._versions_read)

    def _versions_read(self, versions: tuple[PlanVersion, ...]) -> None:
        self.versions = versions
        self._fill_versions()
        self._show_plan(self.plan)

    # --- actions ------------------------------------------------------------------------------------
    def new_draft(self) -> None:
        if self.episode is None:
            return
        self._run(care_plans.create_draft, self.episode.id)

    def add_goal(self) -> GoalDialog | None:
        """Open the dialog that adds a goal to the draft shown."""
        return self._open_goal_dialog(None) if self.add_button.isEnabled() else None

    def edit_goal(self) -> GoalDialog | None:
        """Open the dialog that changes the current goal of the draft shown."""
        goal = self.current_goal()
        return self._open_goal_dialog(goal) if goal is not None and self.edit_button.isEnabled() else None

    def _open_goal_dialog(self, goal: Goal | None) -> GoalDialog:
        assert self.plan is not None
        dialog = GoalDialog(self.session, self.plan.id, goal, self)
        dialog.succeeded.connect(lambda plan: self._goal_saved(plan, goal))
        dialog.open()
        fit_height(dialog)
        return dialog

    def _goal_saved(self, plan: CarePlan, goal: Goal | None) -> None:
        self._changed(plan)
        goal_id = goal.id if goal else max(g.id for g in plan.goals)
        self.select_goal(goal_id)
        self.goals.setFocus(Qt.FocusReason.OtherFocusReason)

    def _ask_remove(self) -> None:
        goal = self.current_goal()
        if goal is None or not self.remove_button.isEnabled():
            return
        confirm(self, self.tr("Remove a goal"),
                self.tr("Remove the goal “{goal}” from this draft? Earlier versions keep their own copy.")
                .format(goal=_preview(goal.goal)), self.tr("Remove"),
                lambda: self._run(care_plans.remove_goal, goal.id))

    def _ask_activate(self) -> None:
        plan = self.plan
        if plan is None or plan.status != DRAFT:
            return
        active = next((v for v in self.versions if v.status == ACTIVE), None)
        text = self.tr("Version {version} becomes the care plan in force, signed by you today.").format(
            version=plan.version)
        if active is not None:
            text += " " + self.tr("Version {old} will be superseded; it stays readable.").format(old=active.version)
        confirm(self, self.tr("Activate the care plan"), text, self.tr("Activate"),
                lambda: self.save(lambda ok: self._activate(plan.id) if ok else None))

    def _activate(self, plan_id: int) -> None:
        self._run(care_plans.activate_plan, plan_id)

    def open_review(self) -> ReviewDialog | None:
        if self.plan is None or self.plan.status != ACTIVE:
            return None
        dialog = ReviewDialog(self.session, self.plan, self)
        dialog.succeeded.connect(self._reviewed)
        dialog.open()
        return dialog

    def _reviewed(self, review: PlanReview) -> None:
        self._changed(review.plan)
        self.record_changed.emit()

    def _open_signature(self) -> None:
        if self.plan is None:
            return
        dialog = ClientSignatureDialog(self.session, self.plan, self)
        dialog.succeeded.connect(self._changed)
        dialog.open()
