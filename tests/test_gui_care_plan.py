"""The Care plan tab, driven like a user would: a draft with two goals activated, a review with
the BARC-10 that becomes version 2 while version 1 stays readable, refusals shown beside the
fields, and a discharged episode's plan read-only.

Offscreen Qt (pytest-qt); the tab is the only screen of a real main window (fixtures shared
with ``test_gui_notes``).  What reached the database is read back through the services.
"""

from __future__ import annotations

from datetime import date, timedelta

from client_inputs import discharge_directly, register
import shiboken6
from conftest import Installation
from gui_helpers import save_screenshot, unlabelled_inputs
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot
from records_factory import make_client
from test_gui_notes import (  # noqa: F401 - shared GUI fixtures
    TabOpener,
    _configured_app,
    _gui_settings,
    answer,
    audited,
    client_id,
    fetch,
    open_tab,
    record_view,
    runner,
    session,
)

from clinic_app import codes
from clinic_app.services import assessments, care_plans
from clinic_app.services.care_plans import ACTIVE, DRAFT, SUPERSEDED
from ui.client_record.care_plan import CarePlanTab, ClientSignatureDialog, GoalDialog, ReviewDialog
from ui.forms import FormDialog
from ui.session import Session

REVIEW_DAY = date.today() + timedelta(days=90)


def type_into(qtbot: QtBot, edit: QLineEdit, text: str) -> None:
    edit.clear()
    qtbot.keyClicks(edit, text)


def submit(dialog: GoalDialog | ClientSignatureDialog | ReviewDialog) -> None:
    dialog.ok_button.click()
    assert dialog.session.runner.wait_idle()


def closed(dialog: FormDialog | ReviewDialog) -> bool:
    """The dialog has closed (and, being delete-on-close, may already be gone)."""
    return not shiboken6.isValid(dialog) or not dialog.isVisible()


def active_plan_with_two_goals(session: Session, episode_id: int) -> care_plans.CarePlan:
    """Version 1 active, made through the services (for tests that start after activation)."""
    with session.ws.unit_of_work() as uow:
        draft = care_plans.create_draft(uow, session.actor, episode_id)
        care_plans.add_goal(uow, session.actor, draft.id, "housing", "Keep the tenancy of the flat",
                            "Pay the rent on the first of the month", "Client", status="in_progress")
        care_plans.add_goal(uow, session.actor, draft.id, "employment_income", "Find part-time work",
                            "Two applications a week with the job coach", "Client and job coach")
        care_plans.set_review_date(uow, session.actor, draft.id, REVIEW_DAY)
        plan = care_plans.activate_plan(uow, session.actor, draft.id)
        uow.commit()
    return plan


def test_draft_two_goals_and_activate(qtbot: QtBot, open_tab: TabOpener[CarePlanTab], client_id: int,
                                      installation: Installation) -> None:
    window, tab = open_tab(CarePlanTab, client_id)
    session = tab.session
    assert {"client.read", "care_plan.listed"} <= set(audited(installation, client_id))
    assert tab.title_label.text() == "No care plan yet"
    assert tab.new_draft_button.isEnabled() and not tab.add_button.isEnabled()
    assert not tab.version.isEnabled()

    tab.new_draft_button.click()
    assert session.runner.wait_idle()
    assert tab.plan is not None and tab.plan.status == DRAFT and tab.plan.version == 1
    assert tab.version.count() == 1 and tab.version.currentText().startswith("Version 1 · Draft")
    assert tab.add_button.isEnabled() and not tab.new_draft_button.isEnabled()

    # first goal: a target date before the admission is refused beside the field, then corrected
    dialog = tab.add_goal()
    assert isinstance(dialog, GoalDialog) and dialog.isVisible()
    assert unlabelled_inputs(dialog) == []
    dialog.domain.set_code("housing")
    qtbot.keyClicks(dialog.goal, "Keep the tenancy of the flat on Calle Olmo")
    qtbot.keyClicks(dialog.actions, "Pay the rent on the first of the month; ask the housing office about arrears")
    qtbot.keyClicks(dialog.responsible, "Client, with the counsellor")
    type_into(qtbot, dialog.target_date, "2020-01-15")
    submit(dialog)
    assert dialog.isVisible()
    assert "cannot be before the episode's admission date" in dialog.form.error_text("target_date")
    save_screenshot(dialog, "care-plan-goal-error")
    type_into(qtbot, dialog.target_date, (date.today() + timedelta(days=60)).isoformat())
    submit(dialog)
    assert closed(dialog)

    # second goal: the goal text is required
    dialog = tab.add_goal()
    assert isinstance(dialog, GoalDialog)
    dialog.domain.set_code("employment_income")
    qtbot.keyClicks(dialog.actions, "Two applications a week with the job coach")
    submit(dialog)
    assert dialog.form.error_text("goal") == "This field is required."
    assert dialog.goal.hasFocus()
    qtbot.keyClicks(dialog.goal, "Find part-time work")
    submit(dialog)
    assert closed(dialog)

    assert tab.plan is not None and [g.goal for g in tab.plan.goals] == [
        "Keep the tenancy of the flat on Calle Olmo", "Find part-time work"]
    assert tab.model.heading_rows() == [0, 2]  # grouped: housing, then employment and income
    assert tab.model.index(0, 0).data() == "Housing"
    assert tab.model.index(2, 0).data() == "Employment and income"
    assert tab.model.goal(3) is not None and tab.model.goal(3).goal == "Find part-time work"  # type: ignore[union-attr]

    # Enter on a goal opens it for editing
    tab.select_goal(tab.plan.goals[1].id)
    tab.goals.setFocus()
    qtbot.keyClick(tab.goals, Qt.Key.Key_Return)
    [editing] = [d for d in tab.findChildren(GoalDialog) if d.isVisible()]
    assert editing.goal.toPlainText() == "Find part-time work" and editing.windowTitle() == "Change a goal"
    editing.status.set_code("in_progress")
    submit(editing)
    assert closed(editing)
    assert [g.status for g in tab.plan.goals] == ["not_started", "in_progress"]
    assert tab.current_goal() is not None and tab.current_goal().id == tab.plan.goals[1].id  # type: ignore[union-attr]

    # without a review date the activation is refused beside the date field
    tab._activate(tab.plan.id)
    assert session.runner.wait_idle()
    assert tab.review_form.error_text("review_date") == "Set a review date before activating the plan."

    # the review date typed is unsaved until Ctrl+S (RecordTab.save)
    dirty: list[bool] = []
    tab.dirty_changed.connect(dirty.append)
    type_into(qtbot, tab.review_date, REVIEW_DAY.isoformat())
    assert tab.has_unsaved_changes() and dirty == [True]
    saved: list[bool] = []
    tab.save(saved.append)
    assert session.runner.wait_idle()
    assert saved == [True] and not tab.has_unsaved_changes() and dirty == [True, False]
    assert tab.plan.review_date == REVIEW_DAY

    save_screenshot(window, "care-plan-draft")
    tab.activate_button.click()
    answer("Activate")
    assert session.runner.wait_idle()
    assert tab.plan.status == ACTIVE
    [v1] = fetch(session, care_plans.list_versions, tab.episode.id)  # type: ignore[union-attr]
    assert v1.status == ACTIVE and v1.goal_count == 2
    assert tab.version.count() == 1 and tab.version.currentText().startswith("Version 1 · Active")
    assert "signed by the counsellor" in tab.status_label.text()
    assert "care_plan.activated" in audited(installation, client_id)

    tab.signature_button.click()  # the client signed the printed plan today
    [signature] = [d for d in tab.findChildren(ClientSignatureDialog) if d.isVisible()]
    assert signature.signed_on.date() == date.today()
    submit(signature)
    assert closed(signature) and tab.plan.client_signed_on == date.today()
    assert "signed by the client" in tab.status_label.text()
    assert not tab.add_button.isVisible() and tab.review_button.isEnabled() and tab.new_draft_button.isEnabled()
    assert unlabelled_inputs(tab) == []
    save_screenshot(window, "care-plan-activated")


def test_review_creates_version_2_and_version_1_stays_readable(
        qtbot: QtBot, open_tab: TabOpener[CarePlanTab], session: Session, installation: Installation) -> None:
    made = make_client(installation.ws, counsellor_id=installation.counsellor.user_id,
                       given_names="Tomás", family_name="Ibarra Sol")
    v1 = active_plan_with_two_goals(session, made.episode_id)
    window, tab = open_tab(CarePlanTab, made.client_id)
    changed: list[bool] = []
    tab.record_changed.connect(lambda: changed.append(True))

    dialog = tab.open_review()
    assert isinstance(dialog, ReviewDialog)
    assert unlabelled_inputs(dialog) == []
    save_screenshot(dialog, "care-plan-review-open")
    housing, work = v1.goals
    dialog.statuses[housing.id].set_code("achieved")
    dialog.statuses[work.id].set_code("in_progress")
    items = codes.BARC10_ITEM.codes()
    for points, item in enumerate(items[:-1]):
        dialog.barc10.combo(item).set_code(codes.BARC10_SCALE.codes()[points % 6])
    submit(dialog)  # one statement unanswered: refused beside it, nothing recorded
    assert dialog.isVisible()
    assert dialog.forms.error_text(items[-1]) == "Every BARC-10 statement needs an answer."
    type_into(qtbot, dialog.next_review_date, (date.today() - timedelta(days=1)).isoformat())
    dialog.barc10.combo(items[-1]).set_code("agree")
    save_screenshot(dialog, "care-plan-review-dialog")
    submit(dialog)  # the service refuses a next review in the past
    assert dialog.isVisible()
    assert dialog.forms.error_text("next_review_date") == "The review date cannot be in the past."
    type_into(qtbot, dialog.next_review_date, (date.today() + timedelta(days=120)).isoformat())
    submit(dialog)
    assert closed(dialog)

    assert changed == [True]
    assert tab.plan is not None and tab.plan.version == 2 and tab.plan.status == ACTIVE
    assert [g.status for g in tab.plan.goals] == ["achieved", "in_progress"]
    versions = fetch(session, care_plans.list_versions, made.episode_id)
    assert [(v.version, v.status) for v in versions] == [(1, SUPERSEDED), (2, ACTIVE)]
    [barc10] = fetch(session, assessments.barc10_series, made.client_id)
    assert barc10.context == assessments.REVIEW and barc10.total == sum(p % 6 + 1 for p in range(9)) + 5
    assert [tab.version.itemText(i).split(" since")[0] for i in range(tab.version.count())] == [
        "Version 2 · Active", "Version 1 · Superseded"]

    # version 1 is picked with the keyboard and shown as it was
    tab.version.setFocus()
    qtbot.keyClick(tab.version, Qt.Key.Key_Down)
    assert session.runner.wait_idle()
    assert tab.plan.version == 1 and tab.plan.status == SUPERSEDED
    assert [g.status for g in tab.plan.goals] == ["in_progress", "not_started"]
    assert "shown exactly as it was" in tab.notice.text()
    assert not tab.add_button.isVisible() and not tab.review_button.isEnabled()
    assert not tab.review_form.isVisible()
    save_screenshot(window, "care-plan-version-1")

    # goals change in a new draft, copied from the latest version
    tab.new_draft_button.click()
    assert session.runner.wait_idle()
    assert tab.plan.version == 3 and tab.plan.status == DRAFT
    assert [g.status for g in tab.plan.goals] == ["achieved", "in_progress"]
    assert "replace version 2" in tab.notice.text()
    tab.select_goal(tab.plan.goals[0].id)
    qtbot.keyClick(tab.goals, Qt.Key.Key_Delete)
    answer("Remove")
    assert session.runner.wait_idle()
    assert [g.goal for g in tab.plan.goals] == ["Find part-time work"]


def test_discharged_episode_plan_is_read_only(qtbot: QtBot, open_tab: TabOpener[CarePlanTab],
                                              session: Session, installation: Installation) -> None:
    made = make_client(installation.ws, given_names="Rosa", family_name="Quintero")
    active_plan_with_two_goals(session, made.episode_id)
    window, tab = open_tab(CarePlanTab, made.client_id)
    discharge_directly(session.ws, made.episode_id, date.today())
    tab.load(made.client_id)
    assert session.runner.wait_idle()
    assert "discharged" in tab.episode_label.text()
    buttons = (tab.new_draft_button, tab.activate_button, tab.review_button, tab.add_button, tab.edit_button,
               tab.remove_button, tab.signature_button)
    assert not any(b.isEnabled() for b in buttons)
    assert tab.plan is not None and tab.plan.version == 1 and len(tab.plan.goals) == 2  # still readable


REALISTIC_GOALS = (
    ("physical_health", "Finish the hepatitis C treatment", "Book the liver clinic; the counsellor phones the day "
     "before each appointment", "Client; counsellor", 45, "in_progress"),
    ("mental_health", "Sleep better and manage anxiety without alcohol", "Weekly CBT group on Tuesdays; keep a "
     "sleep diary", "Client; group facilitator", None, "in_progress"),
    ("housing", "Keep the tenancy of the flat on Calle Olmo", "Rent paid on the 1st by standing order; arrears "
     "plan agreed with the housing office", "Client, with the counsellor", 30, "achieved"),
    ("employment_income", "Find part-time work in catering", "Food-handling certificate course; two applications "
     "a week with the job coach", "Client and job coach", 120, "not_started"),
    ("family_children", "Regular weekend contact with her son", "Family mediation sessions; keep the visiting "
     "schedule agreed with social services", "Client; family worker", 90, "in_progress"),
    ("social_support", "Go to a mutual-aid meeting twice a week", "Try two groups near home; a peer mentor goes to "
     "the first meetings with her", "Client; peer mentor", None, "not_started"),
)


def test_screenshot_with_realistic_plan(qtbot: QtBot, session: Session) -> None:
    """Version 2 of a plan after a review, with goals in six domains (the README picture)."""
    made = register(session.ws, session.actor, client={"given_names": "Lucía", "family_name": "Serrano Vidal"},
                    episode={"admission_date": date.today() - timedelta(days=95)})
    actor = session.actor
    with session.ws.unit_of_work() as uow:
        draft = care_plans.create_draft(uow, actor, made.episode_id)
        for domain, goal, actions, responsible, days, _status in REALISTIC_GOALS:
            target = date.today() + timedelta(days=days) if days else None
            care_plans.add_goal(uow, actor, draft.id, domain, goal, actions, responsible, target)
        care_plans.set_review_date(uow, actor, draft.id, date.today())
        v1 = care_plans.activate_plan(uow, actor, draft.id)
        care_plans.review_plan(uow, actor, v1.id, date.today(),
                               {g.id: spec[5] for g, spec in zip(v1.goals, REALISTIC_GOALS, strict=True)},
                               date.today() + timedelta(days=91),
                               dict.fromkeys(codes.BARC10_ITEM.codes(), 4))
        uow.commit()
    view = record_view(qtbot, session, made.client_id, "care_plan", made.code, "Lucía Serrano Vidal")
    tab = view.current_tab()
    assert isinstance(tab, CarePlanTab)
    assert tab.plan is not None and tab.plan.version == 2 and len(tab.plan.goals) == 6
    assert tab.model.rowCount() == 12
    tab.select_goal(tab.plan.goals[2].id)
    save_screenshot(view, "care-plan-tab")
