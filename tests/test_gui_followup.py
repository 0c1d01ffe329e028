"""The Discharge and follow-up tab and the History tab, driven like a user would.

Discharge planning (plan, referral), discharging after the question, the check-up schedule
that appears, a contact attempt and an outcome with a BARC-10; and the History tab, which
administrators have and counsellors do not.  Offscreen Qt (pytest-qt); what reached the
database is read back through the services on the database thread.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from conftest import Installation
from gui_helpers import message_boxes, save_screenshot, unlabelled_inputs
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot
from records_factory import MadeClient, make_client
from test_gui_family import answer, closed, fetch, only, record_view, show_tab
from test_gui_shell import _configured_app, _gui_settings, runner  # noqa: F401 - shared GUI fixtures

from clinic_app import codes
from clinic_app.services import audit, clients, discharge, family, followups
from clinic_app.services.followups import DONE
from ui.client_record.followup import AttemptDialog, FollowupTab, OutcomeDialog
from ui.client_record.history import HistoryTab, action_label, details_text
from ui.session import Session
from ui.tasks import TaskRunner

ADMITTED = date.today() - timedelta(days=120)


@pytest.fixture
def made(installation: Installation) -> MadeClient:
    return make_client(installation.ws, counsellor_id=installation.counsellor.user_id, given_names="Lucía",
                       family_name="Serrano Vidal", admission_date=ADMITTED)


@pytest.fixture
def session(installation: Installation, runner: TaskRunner) -> Session:
    return Session(installation.ws, installation.counsellor, runner)


def type_in_cell(qtbot: QtBot, text: str) -> None:
    """Type into the cell editor that has the focus and leave it with Tab (on to the next cell)."""
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Tab)


def test_plan_discharge_schedule_attempt_and_outcome(qtbot: QtBot, session: Session, made: MadeClient) -> None:
    tab = show_tab(qtbot, FollowupTab(session), made.client_id)
    assert unlabelled_inputs(tab) == []
    assert tab.editable() and not tab.has_unsaved_changes()
    assert "3, 6, 9, 12, 15, 18, 21 and 24 months after the discharge" in tab.schedule_label.text()
    assert tab.checkups_model.rowCount() == 0 and "scheduled when the client is discharged" in tab.checkups_hint.text()

    # the plan: texts, and a referral typed into the table
    qtbot.keyClicks(tab.aftercare, "Weekly aftercare group on Tuesdays; peer mentor from the recovery cafe.")
    qtbot.keyClicks(tab.relapse_prevention, "Warning signs: skipping the group, money worries. Call Ana first.")
    assert tab.has_unsaved_changes() and tab.save_plan_button.isEnabled()
    tab.add_referral_button.click()
    type_in_cell(qtbot, "Narcoticos Anonimos, grupo Centro")
    type_in_cell(qtbot, "Tuesdays 19:00, Calle Mayor 12")
    type_in_cell(qtbot, "Lucia went once with her counsellor")
    tab.save_plan_button.click()
    assert session.runner.wait_idle()
    plan = fetch(session, discharge.get_plan, made.episode_id)
    assert plan is not None and plan.actual_date is None
    assert [(r.service, r.contact, r.notes) for r in plan.referrals] == [
        ("Narcoticos Anonimos, grupo Centro", "Tuesdays 19:00, Calle Mayor 12", "Lucia went once with her counsellor")]
    assert plan.aftercare.startswith("Weekly aftercare group")
    assert not tab.has_unsaved_changes() and tab.result.text() == "The discharge plan was saved."

    # no reason: refused beside the field before any question is asked
    tab.discharge_button.click()
    assert message_boxes() == []
    assert "reason" in tab.discharge_form.error_text("reason")

    tab.reason.setCurrentIndex(tab.reason.findData("completed_drug_free"))
    assert tab.discharge_form.error_text("reason") == ""
    assert "“Treatment completed” (TEDS)" in tab.discharge_form.hint_label("reason").text()
    assert "“Treatment completed – drug-free” (NDTMS)" in tab.discharge_form.hint_label("reason").text()
    save_screenshot(tab, "followup-tab-open")
    tab.discharge_button.click()
    [question] = message_boxes()
    assert "Discharge Lucía Serrano Vidal" in question.text() and "Completed – drug-free" in question.text()
    assert "can no longer be changed" in question.text() and "3, 6, 9" in question.text()
    save_screenshot(question, "followup-discharge-question")
    answer("Cancel")
    assert session.runner.wait_idle()
    assert fetch(session, clients.get_client, made.client_id).status == "open"

    tab.discharge_button.click()
    answer("Discharge")
    assert session.runner.wait_idle()
    record = fetch(session, clients.get_client, made.client_id)
    assert record.status == "discharged" and record.episodes[0].discharge_date == date.today()
    assert fetch(session, discharge.get_plan, made.episode_id).reason == "completed_drug_free"  # type: ignore[union-attr]

    # the schedule appears; the plan is now read-only
    assert tab.checkups_model.rowCount() == 8
    assert [tab.checkups_model.checkup(r).months_after for r in range(8)] == [3, 6, 9, 12, 15, 18, 21, 24]  # type: ignore[union-attr]
    assert tab.checkups_model.index(0, 2).data() == "Due"
    assert not tab.editable() and tab.aftercare.isReadOnly() and not tab.add_referral_button.isVisible()
    assert not tab.discharge_button.isVisible() and "Discharged on" in tab.discharged_label.text()
    assert "recovery check-ups were scheduled" in tab.result.text()

    # a contact attempt that did not reach her
    assert tab.current_checkup() is not None and tab.current_checkup().months_after == 3  # type: ignore[union-attr]
    tab.attempt_button.click()
    attempt = only(tab, AttemptDialog)
    assert unlabelled_inputs(attempt) == []
    attempt.ok_button.click()  # channel and "reached" not chosen: both refused beside their fields
    assert session.runner.wait_idle()
    assert attempt.form.error_text("channel") and "reached" in attempt.form.error_text("reached")
    attempt.channel.set_code("phone")
    assert attempt.form.error_text("channel") == "" and attempt.form.error_text("reached")
    attempt.reached.setCurrentIndex(attempt.reached.findData(False))
    qtbot.keyClicks(attempt.note, "Voicemail; left a message.")
    save_screenshot(attempt, "followup-attempt-dialog")
    attempt.ok_button.click()
    assert session.runner.wait_idle() and closed(tab, AttemptDialog)
    [first, *_rest] = fetch(session, followups.list_checkups, made.client_id)
    assert [(a.channel, a.reached, a.note) for a in first.attempts] == [("phone", False, "Voicemail; left a message.")]
    assert "not reached" in tab.checkup_details.text() and tab.checkups_model.index(0, 4).data() == "1 (0 reached)"

    # the outcome, with a BARC-10
    tab.outcome_button.click()
    outcome = only(tab, OutcomeDialog)
    assert unlabelled_inputs(outcome) == []
    outcome.outcome.set_code("doing_well")
    qtbot.keyClick(outcome.take_barc10, Qt.Key.Key_Space)
    assert outcome.barc10.isVisible()
    for item in codes.BARC10_ITEM.codes():
        outcome.barc10.combo(item).set_code("agree")
    save_screenshot(outcome, "followup-outcome-dialog")
    outcome.ok_button.click()
    assert session.runner.wait_idle() and closed(tab, OutcomeDialog)
    first = fetch(session, followups.list_checkups, made.client_id)[0]
    assert (first.status, first.outcome, first.barc10_total) == (DONE, "doing_well", 50)
    assert tab.checkups_model.index(0, 3).data() == "Doing well" and tab.checkups_model.index(0, 5).data() == "50"
    assert tab.current_checkup() is not None and tab.current_checkup().status == DONE  # type: ignore[union-attr]
    assert not tab.attempt_button.isEnabled() and not tab.outcome_button.isEnabled()
    assert "BARC-10 total 50" in tab.checkup_details.text()

    view = record_view(qtbot, session, made.client_id, "followup", "C-2026-0042", "Lucía Serrano Vidal")
    shown = view.tab("followup")
    assert isinstance(shown, FollowupTab) and shown.current_checkup().months_after == 6  # type: ignore[union-attr]
    shown.checkups.selectRow(0)  # the check-up with an attempt and an outcome, for the picture
    save_screenshot(view, "followup-tab")


def test_referral_messages_and_discharge_saves_what_was_typed(qtbot: QtBot, session: Session,
                                                              made: MadeClient) -> None:
    tab = show_tab(qtbot, FollowupTab(session), made.client_id)
    tab.add_referral_button.click()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)  # no service typed
    type_in_cell(qtbot, "housing office, 555 0100")
    tab.save(lambda ok: None)  # Ctrl+S
    assert session.runner.wait_idle()
    assert tab.referral_message.text() == "Referral 1, service: This field is required."
    assert tab.referrals_model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert fetch(session, discharge.get_plan, made.episode_id) is None
    tab.referrals_model.remove_row(0)

    # a discharge with plan changes not saved yet: both in one go, after the question says so
    qtbot.keyClicks(tab.relapse_prevention, "Keep the phone number of the helpline in the wallet.")
    tab.actual_date.set_date(ADMITTED - timedelta(days=1))
    tab.reason.setCurrentIndex(tab.reason.findData("died"))
    assert "No recovery check-ups will be scheduled." in tab.schedule_label.text()
    tab.discharge_button.click()
    assert message_boxes() == [] and "admission date" in tab.discharge_form.error_text("actual_date")
    tab.actual_date.set_date(date.today())
    tab.discharge_button.click()
    [question] = message_boxes()
    assert "Your changes to the plan are saved with the discharge." in question.text()
    answer("Discharge")
    assert session.runner.wait_idle()
    plan = fetch(session, discharge.get_plan, made.episode_id)
    assert plan is not None and plan.relapse_prevention.startswith("Keep the phone") and plan.reason == "died"
    assert tab.checkups_model.rowCount() == 0 and tab.checkups_hint.text() == "No recovery check-ups were scheduled."
    assert not tab.has_unsaved_changes()


def test_history_tab_lists_this_clients_audit_entries_for_administrators_only(
        qtbot: QtBot, installation: Installation, runner: TaskRunner, session: Session, made: MadeClient) -> None:
    other = make_client(installation.ws, given_names="Pablo", family_name="Other")
    fetch(session, family.add_member, made.client_id, "partner", "Javier")
    fetch(session, discharge.discharge, made.episode_id, date.today(), "completed")
    fetch(session, clients.get_client, other.client_id)

    counsellor_view = record_view(qtbot, session, made.client_id, "followup", "C-2026-0042", "Lucía Serrano Vidal")
    assert counsellor_view.tab("history") is None and counsellor_view.tab("followup") is not None

    admin = Session(installation.ws, installation.admin, runner)
    view = record_view(qtbot, admin, made.client_id, "history", "C-2026-0042", "Lucía Serrano Vidal")
    tab = view.tab("history")
    assert isinstance(tab, HistoryTab) and tab.isVisible()
    assert unlabelled_inputs(tab) == []
    entries = tab.model.entries()
    assert entries and {e.client_id for e in entries} == {made.client_id}
    actions = [e.action for e in entries]
    assert {"episode.discharged", "family.member_added", "client.read", "family.read",
            "checkups.viewed"} <= set(actions)
    assert [e.seq for e in entries] == sorted((e.seq for e in entries), reverse=True)  # newest first
    # the admin's own reads from opening the record are listed (read when shown)
    assert any(e.user_name == "admin" and e.action == "family.read" for e in entries)
    expected = fetch(admin, lambda uow, actor: audit.list_entries(uow, actor, client_id=made.client_id, limit=500))
    assert len(entries) == len(expected)

    row = actions.index("episode.discharged")
    assert tab.model.index(row, 2).data() == "Discharged" == action_label("episode.discharged")
    assert tab.model.index(row, 3).data() == f"Episode {made.episode_id}"
    assert "reason: completed" in tab.model.index(row, 4).data()
    assert details_text({"barc10": False, "fields": ["a", "b"]}) == "barc10: false, fields: a, b"
    assert action_label("something.new") == "something.new"

    qtbot.keyClicks(tab.filter, "family")
    assert 0 < tab.proxy.rowCount() < len(entries)
    assert all("Family" in tab.proxy.index(r, 2).data() for r in range(tab.proxy.rowCount()))
    tab.filter.clear()
    save_screenshot(view, "history-tab")
