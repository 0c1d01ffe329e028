"""One user's whole journey through the desktop application, in one process, in order.

First-run setup (wizard) → sign-in → Clients → New client (a refused birth date, corrected) →
care plan (draft, two goals, review date, activate) → a note typed through an idle lock, signed
and amended → a child and a sensitive family note → discharge three months ago → Today lists the
overdue check-up → its row opens the follow-up tab → an attempt and an outcome close it.

Each step reuses the interaction helpers of the screen's own GUI tests; what the user sees is
checked on the way, and what reached the database is checked at the end through the services.
Offscreen Qt (pytest-qt), English labels.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from gui_helpers import message_boxes, save_screenshot
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWizard
from pytestqt.qtbot import QtBot
from test_gui_care_plan import closed as dialog_closed
from test_gui_care_plan import submit
from test_gui_family import answer, closed, fetch, only
from test_gui_intake import (  # noqa: F401 - shared GUI fixtures
    _english_and_brisk,
    fill_assessment,
    fill_person_and_episode,
    type_into,
    wait_message,
)
from test_gui_shell import _configured_app, _gui_settings, runner  # noqa: F401 - shared GUI fixtures
from test_gui_shell import type_into as type_without_enter

from clinic_app import codes
from clinic_app.services import care_plans, clients, discharge, family, followups, notes
from clinic_app.services.care_plans import ACTIVE
from clinic_app.services.followups import DONE
from clinic_app.services.intake import BARC10_FIELD_PREFIX
from clinic_app.services.notes import SIGNED
from ui import app as ui_app
from ui.client_record.care_plan import CarePlanTab, GoalDialog
from ui.client_record.family import FamilyTab, MemberDialog, NoteDialog
from ui.client_record.followup import AttemptDialog, FollowupTab, OutcomeDialog
from ui.client_record.intake import NewIntakeDialog
from ui.client_record.notes import NotesTab
from ui.clients.screen import ClientsScreen
from ui.main_window import MainWindow
from ui.navigation import CLIENTS, TODAY
from ui.setup_wizard import SetupWizard
from ui.sign_in import SignInDialog
from ui.tasks import TaskRunner
from ui.today import TodayScreen

ORGANISATION = "Asociación Renacer Almería"
ADMIN = "begoña"
ADMIN_FULL_NAME = "Begoña Ibáñez Muñoz"
PASSWORD = "Olivar-de-Jaén-2026"
ADMITTED = date.today() - timedelta(days=182)
DISCHARGED = date.today() - timedelta(days=95)
GOALS = (("housing", "Keep the tenancy of the flat on Calle Olmo", "Rent paid on the 1st by standing order"),
         ("employment_income", "Find part-time work in catering", "Two applications a week with the job coach"))
NOTE = "Sesión individual: María José lleva cuatro semanas sin consumir y ha empezado a buscar trabajo."
AMENDMENT = "Corrección: tres semanas sin consumir, no cuatro."
SECRET = "Íker contó a la enfermera del colegio que hay gritos en casa; el colegio avisará si falta."


def setup_through_the_wizard(qtbot: QtBot, runner: TaskRunner, data_dir: Path) -> str:
    """The first start: organisation, administrator, recovery code kept, backups later; the recovery code."""
    launcher = ui_app.Launcher(data_dir, runner)
    launcher.start()
    wizard = launcher.window
    assert isinstance(wizard, SetupWizard)
    qtbot.addWidget(wizard)
    qtbot.waitExposed(wizard)
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    next_button.click()
    type_without_enter(qtbot, wizard.organisation_page.name, ORGANISATION)
    next_button.click()
    next_button.click()  # what the recovery code is
    page = wizard.administrator_page
    for edit, text in ((page.user_name, ADMIN), (page.full_name, ADMIN_FULL_NAME),
                       (page.passwords.password, PASSWORD), (page.passwords.confirm, PASSWORD)):
        type_without_enter(qtbot, edit, text)
    wizard.button(QWizard.WizardButton.CommitButton).click()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.recovery_page, timeout=20_000)
    code = wizard.recovery_page.code.text()
    assert len(code) == 34
    wizard.recovery_page.kept.click()
    next_button.click()
    next_button.click()  # why backups matter
    assert wizard.currentPage() is wizard.backup_page
    wizard.backup_page.later.click()
    assert "every record is lost" in wizard.backup_page.warning.text()
    wizard.button(QWizard.WizardButton.CommitButton).click()
    wizard.button(QWizard.WizardButton.FinishButton).click()
    qtbot.waitUntil(lambda: isinstance(launcher.window, MainWindow), timeout=20_000)
    first = launcher.window
    assert isinstance(first, MainWindow) and runner.wait_idle()
    assert ORGANISATION in first.status_text()
    first.close()  # the user quits; the next start asks to sign in
    qtbot.waitUntil(lambda: not first.isVisible(), timeout=10_000)
    assert runner.wait_idle()
    return code


def sign_in(qtbot: QtBot, runner: TaskRunner, data_dir: Path) -> MainWindow:
    launcher = ui_app.Launcher(data_dir, runner)
    launcher.start()
    dialog = launcher.window
    assert isinstance(dialog, SignInDialog)
    qtbot.addWidget(dialog)
    type_without_enter(qtbot, dialog.user_name, ADMIN)
    type_without_enter(qtbot, dialog.password, PASSWORD)
    dialog.sign_in_button.click()
    qtbot.waitUntil(lambda: isinstance(launcher.window, MainWindow), timeout=20_000)
    window = launcher.window
    assert isinstance(window, MainWindow) and runner.wait_idle()
    window.resize(1200, 800)
    assert ADMIN in window.status_text() and ORGANISATION in window.status_text()
    return window


def new_client(qtbot: QtBot, window: MainWindow) -> ClientsScreen:
    """Clients → New client: a birth date in the future is refused beside the field, corrected, saved."""
    screen = window.open_screen(CLIENTS)
    assert isinstance(screen, ClientsScreen) and window.session.runner.wait_idle()
    screen.new_button.click()
    [dialog] = [w for w in QApplication.topLevelWidgets() if isinstance(w, NewIntakeDialog) and w.isVisible()]
    assert window.session.runner.wait_idle()  # the counsellor list
    form = dialog.intake
    fill_person_and_episode(qtbot, form)
    counsellor = form.field("counsellor_id")
    counsellor.setCurrentIndex(counsellor.findText(ADMIN_FULL_NAME, Qt.MatchFlag.MatchContains))
    assert counsellor.currentData() == window.session.actor.user_id
    type_into(qtbot, form.field("admission_date"), ADMITTED.isoformat())
    fill_assessment(qtbot, form, primary_age="19")
    for item in codes.BARC10_ITEM.codes():
        qtbot.keyClick(form.field(BARC10_FIELD_PREFIX + item), Qt.Key.Key_4)
    type_into(qtbot, form.field("date_of_birth"), (date.today() + timedelta(days=30)).isoformat())
    wait_message(qtbot, form, "date_of_birth", "The date cannot be in the future.")
    dialog.save_button.click()
    assert window.session.runner.wait_idle()
    assert dialog.isVisible() and "in the future" in form.forms.error_text("date_of_birth")
    type_into(qtbot, form.field("date_of_birth"), "1990-04-02")
    qtbot.waitUntil(lambda: form.forms.error_text("date_of_birth") == "", timeout=3_000)
    dialog.save_button.click()
    assert window.session.runner.wait_idle()
    qtbot.waitUntil(lambda: screen.record.client_id is not None, timeout=5_000)
    assert window.session.runner.wait_idle()
    assert "María José Núñez Peña" in screen.record.header.text()
    assert screen.total() == 1
    return screen


def care_plan(qtbot: QtBot, screen: ClientsScreen) -> None:
    tab = screen.record.tab("care_plan")
    assert isinstance(tab, CarePlanTab)
    screen.record.tabs.setCurrentWidget(tab)
    runner = tab.session.runner
    assert runner.wait_idle() and tab.title_label.text() == "No care plan yet"
    tab.new_draft_button.click()
    assert runner.wait_idle()
    for domain, goal, actions in GOALS:
        tab.add_button.click()
        dialog = only(tab, GoalDialog)
        dialog.domain.set_code(domain)
        qtbot.keyClicks(dialog.goal, goal)
        qtbot.keyClicks(dialog.actions, actions)
        qtbot.keyClicks(dialog.responsible, "Client, with the counsellor")
        submit(dialog)
        assert dialog_closed(dialog)
    assert tab.model.index(0, 0).data() == "Housing"
    type_into(qtbot, tab.review_date, (date.today() + timedelta(days=90)).isoformat())
    assert tab.has_unsaved_changes()
    assert screen.save_current()  # Ctrl+S
    assert runner.wait_idle() and not tab.has_unsaved_changes()
    tab.activate_button.click()
    answer("Activate")
    assert runner.wait_idle()
    assert tab.version.currentText().startswith("Version 1 · Active")


def write_sign_and_amend(qtbot: QtBot, window: MainWindow, screen: ClientsScreen) -> None:
    """A note typed, interrupted by the idle lock, finished, signed and amended."""
    tab = screen.record.tab("notes")
    assert isinstance(tab, NotesTab)
    screen.record.tabs.setCurrentWidget(tab)
    runner = tab.session.runner
    assert runner.wait_idle()
    tab.text.setFocus()
    half = len(NOTE) // 2
    tab.text.insertPlainText(NOTE[:half])
    lock = window.idle_lock
    lock.set_timeout_ms(300)
    qtbot.waitUntil(lock.is_locked, timeout=5_000)
    assert lock.overlay.isVisible() and not tab.isVisible() and not window.centralWidget().isVisible()
    save_screenshot(window, "journey-locked")
    lock.set_timeout_ms(10 * 60_000)
    assert runner.wait_idle()
    lock.overlay.password.insert(PASSWORD)
    qtbot.keyClick(lock.overlay.password, Qt.Key.Key_Return)
    assert runner.wait_idle()
    assert not lock.is_locked() and tab.isVisible()
    assert tab.text.toPlainText() == NOTE[:half]
    tab.text.moveCursor(tab.text.textCursor().MoveOperation.End)
    tab.text.insertPlainText(NOTE[half:])
    tab.sign_button.click()
    answer("Sign")
    assert runner.wait_idle()
    assert tab.pages.currentWidget() is tab.viewer_page and tab.viewer_text.toPlainText() == NOTE
    tab.amend_button.click()
    assert tab.editor_title.text() == "Amendment"
    tab.text.insertPlainText(AMENDMENT)
    tab.sign_button.click()
    answer("Sign")
    assert runner.wait_idle()
    assert tab.viewer_text.toPlainText() == AMENDMENT and "This note amends" in tab.viewer_links.text()


def child_and_sensitive_note(qtbot: QtBot, screen: ClientsScreen) -> None:
    tab = screen.record.tab("family")
    assert isinstance(tab, FamilyTab)
    screen.record.tabs.setCurrentWidget(tab)
    runner = tab.session.runner
    assert runner.wait_idle()
    tab.add_child_button.click()
    dialog = only(tab, MemberDialog)
    dialog.first_name.insert("Íker")
    qtbot.keyClicks(dialog.birth_year, "2016")
    dialog.carer.set_code("client")
    qtbot.keyClicks(dialog.school, "CEIP San Blas")
    dialog.ok_button.click()
    assert runner.wait_idle() and closed(tab, MemberDialog)
    assert tab.members_model.rowCount() == 1
    tab.members.setCurrentIndex(tab.members_model.index(0, 0))
    tab.add_note_button.click()
    note = only(tab, NoteDialog)
    qtbot.keyClick(note.sensitive, Qt.Key.Key_Space)
    note.text.insertPlainText(SECRET)
    note.ok_button.click()
    assert runner.wait_idle() and closed(tab, NoteDialog)
    assert tab.notes_model.index(0, 3).data() == "Sensitive"


def discharge_three_months_ago(screen: ClientsScreen) -> None:
    tab = screen.record.tab("followup")
    assert isinstance(tab, FollowupTab)
    screen.record.tabs.setCurrentWidget(tab)
    runner = tab.session.runner
    assert runner.wait_idle()
    tab.actual_date.set_date(DISCHARGED)
    tab.reason.setCurrentIndex(tab.reason.findData("completed_drug_free"))
    tab.discharge_button.click()
    [question] = message_boxes()
    assert "Discharge María José Núñez Peña" in question.text()
    answer("Discharge")
    assert runner.wait_idle()
    assert "Discharged on" in tab.discharged_label.text()
    assert tab.checkups_model.rowCount() == 8
    assert tab.checkups_model.index(0, 2).data() == "Overdue"


def checkup_from_today(qtbot: QtBot, window: MainWindow, screen: ClientsScreen) -> None:
    """Today lists the overdue check-up; Enter on its row opens the follow-up tab; attempt and outcome."""
    today = window.open_screen(TODAY)
    assert isinstance(today, TodayScreen) and window.session.runner.wait_idle()
    section = today.sections["checkups_overdue"]
    assert section.title() == "Check-ups overdue (1)"
    model = section.model
    assert model.index(0, 1).data() == "María José Núñez Peña" and model.index(0, 2).data().endswith("· overdue")
    save_screenshot(window, "journey-today")
    section.table.setFocus()
    section.table.setCurrentIndex(model.index(0, 0))
    qtbot.keyClick(section.table, Qt.Key.Key_Return)
    assert window.session.runner.wait_idle()
    assert window.stack.currentWidget() is screen
    tab = screen.record.current_tab()
    assert isinstance(tab, FollowupTab) and tab is screen.record.tab("followup")
    runner = tab.session.runner
    assert tab.current_checkup() is not None and tab.current_checkup().months_after == 3  # type: ignore[union-attr]

    tab.attempt_button.click()
    attempt = only(tab, AttemptDialog)
    attempt.channel.set_code("phone")
    attempt.reached.setCurrentIndex(attempt.reached.findData(True))
    qtbot.keyClicks(attempt.note, "Spoke with her on the phone.")
    attempt.ok_button.click()
    assert runner.wait_idle() and closed(tab, AttemptDialog)
    tab.outcome_button.click()
    outcome = only(tab, OutcomeDialog)
    outcome.outcome.set_code("doing_well")
    outcome.ok_button.click()
    assert runner.wait_idle() and closed(tab, OutcomeDialog)
    assert tab.checkups_model.index(0, 3).data() == "Doing well"
    assert tab.checkups_model.index(0, 2).data().startswith("Done")
    save_screenshot(window, "journey-followup")


def test_a_whole_journey_from_first_start_to_a_done_check_up(qtbot: QtBot, runner: TaskRunner,
                                                             tmp_path: Path) -> None:
    data_dir = tmp_path / "continuum"
    setup_through_the_wizard(qtbot, runner, data_dir)
    window = sign_in(qtbot, runner, data_dir)
    session = window.session
    try:
        screen = new_client(qtbot, window)
        client_id = screen.record.client_id
        assert client_id is not None
        care_plan(qtbot, screen)
        write_sign_and_amend(qtbot, window, screen)
        child_and_sensitive_note(qtbot, screen)
        discharge_three_months_ago(screen)
        checkup_from_today(qtbot, window, screen)

        record = fetch(session, clients.get_client, client_id)
        assert (record.given_names, record.family_name, record.date_of_birth) == (
            "María José", "Núñez Peña", date(1990, 4, 2))
        assert record.status == "discharged"
        [episode] = record.episodes
        assert (episode.admission_date, episode.discharge_date) == (ADMITTED, DISCHARGED)
        assert fetch(session, discharge.get_plan, episode.id).reason == "completed_drug_free"  # type: ignore[union-attr]
        [plan] = fetch(session, care_plans.list_versions, episode.id)
        assert (plan.version, plan.status, plan.goal_count) == (1, ACTIVE, 2)
        timeline = fetch(session, notes.timeline, client_id)
        original = next(n for n in timeline if n.amends_id is None)
        amendment = next(n for n in timeline if n.amends_id == original.id)
        assert (original.text, original.status, original.amended_by) == (NOTE, SIGNED, (amendment.id,))
        assert (amendment.text, amendment.status) == (AMENDMENT, SIGNED)
        kin = fetch(session, family.family_record, client_id)
        assert [(m.first_name, m.is_child, m.birth_year) for m in kin.members] == [("Íker", True, 2016)]
        assert [(n.sensitive, n.text) for n in kin.notes] == [(True, SECRET)]
        first = fetch(session, followups.list_checkups, client_id)[0]
        assert (first.months_after, first.status, first.outcome) == (3, DONE, "doing_well")
        assert [(a.channel, a.reached) for a in first.attempts] == [("phone", True)]
    finally:
        window.close()
        runner.wait_idle()
