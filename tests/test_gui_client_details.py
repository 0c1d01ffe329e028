"""Editing a client's details and recording consents, driven like a user would (offscreen, pytest-qt).

- "Edit details…" on the Overview: a field refused (as you type, and by the service) beside
  the field, then the changed phone and family name saved, read back through the service
  and shown in the record header and the Overview.
- Reassigning the counsellor: an administrator chooses any counsellor; a counsellor keeps
  a colleague's assignment on offer, so editing a phone number leaves it alone.
- Consents on the Overview: a treatment consent recorded for a client without one (the
  "no consent" alert goes), a statistics consent withdrawn on a date (a date before it
  was given is refused beside the field).

Set ``CONTINUUM_SCREENSHOTS=/some/folder`` to keep the pictures.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
import shiboken6
from client_inputs import register
from conftest import Installation
from gui_helpers import message_boxes, save_screenshot, unlabelled_inputs
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QWidget
from pytestqt.qtbot import QtBot
from test_gui_intake import _english_and_brisk, fetch, pick, type_into  # noqa: F401 - shared GUI fixtures
from test_gui_shell import _configured_app, _gui_settings, runner  # noqa: F401 - shared GUI fixtures

from clinic_app.services import accounts, clients, consents
from clinic_app.services.auth import COUNSELLOR, Actor
from clinic_app.services.consents import ConsentGiven
from ui.client_record.client_details import EditDetailsDialog
from ui.client_record.consents import RecordConsentDialog, WithdrawConsentDialog
from ui.client_record.intake import IntakeTab
from ui.client_record.overview import OverviewTab
from ui.client_record.view import ClientRecordView
from ui.clients.screen import ClientsScreen
from ui.session import Session
from ui.tasks import TaskRunner

NO_CONSENT = "No current consent to treatment"
GIVEN = date(2025, 3, 10)


def shown(qtbot: QtBot, widget: QWidget, size: tuple[int, int]) -> QWidget:
    qtbot.addWidget(widget)
    widget.resize(*size)
    widget.show()
    return widget


def open_record(qtbot: QtBot, session: Session, client_id: int) -> tuple[ClientRecordView, OverviewTab]:
    view = shown(qtbot, ClientRecordView(session), (1100, 1000))
    assert isinstance(view, ClientRecordView)
    view.open_client(client_id, "overview")  # where the Today "consent missing" worklist opens a client
    assert session.runner.wait_idle()
    overview = view.tab("overview")
    assert isinstance(overview, OverviewTab) and view.current_tab() is overview
    return view, overview


def the_dialog(kind: type[QWidget]) -> QWidget:
    [dialog] = [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]
    return dialog


def edit_dialog(overview: OverviewTab) -> EditDetailsDialog:
    overview.edit_button.click()
    dialog = the_dialog(EditDetailsDialog)
    assert isinstance(dialog, EditDetailsDialog)
    assert overview.session.runner.wait_idle()  # the counsellors on offer
    return dialog


def choices(combo: QWidget) -> list[str]:
    assert isinstance(combo, QComboBox)
    return [combo.itemText(i) for i in range(combo.count())]


def closed(dialog: QWidget) -> bool:
    return not shiboken6.isValid(dialog) or not dialog.isVisible()


@pytest.fixture
def luis(installation: Installation) -> Actor:
    """A second counsellor."""
    with installation.ws.unit_of_work() as uow:
        user = accounts.add_user(uow, installation.admin, "luis", COUNSELLOR, "Luis-counsellor-2026", "Luis Gómez")
        uow.commit()
    return Actor(user.id, user.name, user.role)


# --- details --------------------------------------------------------------------------------------


def test_edit_details_refused_beside_the_field_then_saved_and_shown(
        qtbot: QtBot, installation: Installation, runner: TaskRunner) -> None:
    session = Session(installation.ws, installation.counsellor, runner)
    result = register(installation.ws, installation.counsellor,
                      client={"counsellor_id": installation.counsellor.user_id})
    screen = shown(qtbot, ClientsScreen(session), (1400, 900))
    assert isinstance(screen, ClientsScreen)
    screen.open_client(result.client_id, "overview", result.code, "María José Núñez")
    assert runner.wait_idle()
    overview = screen.record.tab("overview")
    assert isinstance(overview, OverviewTab)
    assert "María José Núñez" in screen.record.header.text()
    assert ("Contact:", "+34 600 000 000 · maria@example.org") in overview.fact_rows

    dialog = edit_dialog(overview)
    form = dialog.details
    assert unlabelled_inputs(dialog) == []
    assert "consent_treatment" not in form.keys() and "primary_drug" not in form.keys()  # the person section only
    assert (form.value("family_name"), form.value("date_of_birth"), form.value("sex"), form.value("address")) == (
        "Núñez", "1990-04-02", "female", "Calle Mayor 1\nMadrid")
    assert choices(form.field("counsellor_id")) == ["Not assigned", "Carmen Ruiz (carmen)"]  # themselves or nobody
    assert form.value("counsellor_id") == installation.counsellor.user_id
    assert not form.has_unsaved_changes()

    type_into(qtbot, form.field("family_name"), "")  # emptied and left: the message appears beside it
    qtbot.waitUntil(lambda: "required" in form.forms.error_text("family_name"), timeout=3_000)
    save_screenshot(dialog, "edit-details-required")
    type_into(qtbot, form.field("family_name"), "Núñez Peña")
    qtbot.waitUntil(lambda: form.forms.error_text("family_name") == "", timeout=3_000)
    type_into(qtbot, form.field("phone"), "+34 611 222 333")
    type_into(qtbot, form.field("email"), "maria@")  # only the service checks an address
    assert form.has_unsaved_changes()
    dialog.save_button.click()
    assert runner.wait_idle()
    assert "not an e-mail address" in form.forms.error_text("email")
    assert dialog.isVisible()
    unchanged = fetch(session, clients.get_client, result.client_id)
    assert (unchanged.family_name, unchanged.phone) == ("Núñez", "+34 600 000 000")  # nothing saved
    save_screenshot(dialog, "edit-details-error")

    type_into(qtbot, form.field("email"), "maria.jose@example.org")
    assert form.forms.error_text("email") == ""  # gone once the field is edited
    qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # Ctrl+S saves
    assert runner.wait_idle()
    assert closed(dialog)

    record = fetch(session, clients.get_client, result.client_id)
    assert (record.family_name, record.phone, record.email) == ("Núñez Peña", "+34 611 222 333",
                                                                "maria.jose@example.org")
    assert (record.given_names, record.date_of_birth, record.counsellor_id) == (
        "María José", date(1990, 4, 2), installation.counsellor.user_id)
    assert "María José Núñez Peña" in screen.record.header.text()
    qtbot.waitUntil(lambda: any(screen.model.row(r).family_name == "Núñez Peña"
                                for r in range(screen.model.rowCount())), timeout=5_000)  # the list too
    assert ("Name:", "María José Núñez Peña") in overview.fact_rows
    assert ("Contact:", "+34 611 222 333 · maria.jose@example.org") in overview.fact_rows
    intake = screen.record.tab("intake")  # the other tabs were told
    assert isinstance(intake, IntakeTab) and intake.record is not None and intake.record.family_name == "Núñez Peña"
    save_screenshot(screen, "edit-details-saved")


def test_an_administrator_reassigns_the_counsellor_and_a_counsellor_keeps_it(
        qtbot: QtBot, installation: Installation, runner: TaskRunner, luis: Actor) -> None:
    result = register(installation.ws, installation.counsellor,
                      client={"counsellor_id": installation.counsellor.user_id})
    admin = Session(installation.ws, installation.admin, runner)
    view, overview = open_record(qtbot, admin, result.client_id)
    assert ("Counsellor:", "Carmen Ruiz") in overview.fact_rows

    dialog = edit_dialog(overview)
    counsellor = dialog.details.field("counsellor_id")
    offered = choices(counsellor)
    assert offered[:2] == ["Not assigned", "Carmen Ruiz (carmen)"]  # the counsellor assigned now, still chosen
    assert "Luis Gómez (luis)" in offered and dialog.details.value("counsellor_id") == installation.counsellor.user_id
    assert isinstance(counsellor, QComboBox)
    counsellor.setFocus()
    qtbot.keyClicks(counsellor, "Lu")  # chosen with the keyboard
    assert dialog.details.value("counsellor_id") == luis.user_id
    save_screenshot(dialog, "edit-details-reassign")
    dialog.save_button.click()
    assert runner.wait_idle() and closed(dialog)
    assert fetch(admin, clients.get_client, result.client_id).counsellor_id == luis.user_id
    assert ("Counsellor:", "Luis Gómez") in overview.fact_rows

    # Carmen (a counsellor) corrects the phone of Luis's client: Luis stays assigned
    carmen = Session(installation.ws, installation.counsellor, runner)
    _view, her_overview = open_record(qtbot, carmen, result.client_id)
    dialog = edit_dialog(her_overview)
    assert choices(dialog.details.field("counsellor_id")) == ["Not assigned", "Luis Gómez", "Carmen Ruiz (carmen)"]
    assert dialog.details.value("counsellor_id") == luis.user_id
    type_into(qtbot, dialog.details.field("phone"), "+34 699 000 111")
    dialog.save_button.click()
    assert runner.wait_idle() and closed(dialog)
    record = fetch(carmen, clients.get_client, result.client_id)
    assert (record.phone, record.counsellor_id) == ("+34 699 000 111", luis.user_id)


def test_cancel_with_changes_asks_first(qtbot: QtBot, installation: Installation, runner: TaskRunner) -> None:
    session = Session(installation.ws, installation.counsellor, runner)
    result = register(installation.ws, installation.counsellor)
    _view, overview = open_record(qtbot, session, result.client_id)
    dialog = edit_dialog(overview)
    type_into(qtbot, dialog.details.field("phone"), "+34 600 999 999")
    dialog.reject()
    [question] = message_boxes()
    assert dialog.isVisible()
    next(b for b in question.buttons() if b.text() == "Discard changes").click()
    qtbot.waitUntil(lambda: closed(dialog), timeout=3_000)
    assert fetch(session, clients.get_client, result.client_id).phone == "+34 600 000 000"


# --- consents ---------------------------------------------------------------------------------------


def test_recording_a_treatment_consent_clears_the_overview_alert(
        qtbot: QtBot, installation: Installation, runner: TaskRunner) -> None:
    session = Session(installation.ws, installation.counsellor, runner)
    result = register(installation.ws, installation.counsellor)  # no consent at intake
    view, overview = open_record(qtbot, session, result.client_id)
    box = overview.consents
    assert any(NO_CONSENT in text for text in overview.alert_texts())
    assert box.isVisible() and box.empty.isVisible() and not box.table.isVisible()
    assert box.record_button.isEnabled() and not box.withdraw_button.isEnabled()
    save_screenshot(view, "consents-missing")

    box.record_button.click()  # one click from the alert
    dialog = the_dialog(RecordConsentDialog)
    assert isinstance(dialog, RecordConsentDialog)
    assert unlabelled_inputs(dialog) == []
    assert dialog.kind.code() == "treatment"  # the consent the Overview asks for
    assert dialog.given_on.value() == date.today().isoformat() and not dialog.scope.isEnabled()
    pick(dialog.kind, "share_services")
    assert dialog.scope.isEnabled()  # named services only for sharing with services
    pick(dialog.kind, "treatment")
    assert not dialog.scope.isEnabled()

    type_into(qtbot, dialog.given_on, "1980-01-01")  # before the client was born
    dialog.ok_button.click()
    assert runner.wait_idle() and dialog.isVisible()
    assert "before the date of birth" in dialog.form.error_text("given_on")
    save_screenshot(dialog, "consent-record-error")
    given = date.today() - timedelta(days=3)
    type_into(qtbot, dialog.given_on, given.isoformat())
    assert dialog.form.error_text("given_on") == ""
    dialog.ok_button.click()
    assert runner.wait_idle() and closed(dialog)

    assert not any(NO_CONSENT in text for text in overview.alert_texts())
    assert [(c.kind, c.given_on, c.withdrawn_on) for c in fetch(session, clients.get_client, result.client_id).consents
            ] == [("treatment", given, None)]
    assert box.model.rowCount() == 1 and box.table.isVisible() and not box.empty.isVisible()
    assert box.model.index(0, 0).data() == "Treatment and record keeping"
    assert box.current() is not None and box.current().kind == "treatment"  # the new consent is chosen
    intake = view.tab("intake")  # the other tabs were told
    assert isinstance(intake, IntakeTab) and intake.record is not None and len(intake.record.consents) == 1
    save_screenshot(view, "consents-recorded")


def test_withdrawing_a_statistics_consent_with_a_date(
        qtbot: QtBot, installation: Installation, runner: TaskRunner) -> None:
    session = Session(installation.ws, installation.counsellor, runner)
    result = register(installation.ws, installation.counsellor, consents=[
        ConsentGiven("treatment", GIVEN), ConsentGiven("statistics", GIVEN),
        ConsentGiven("share_services", GIVEN, "Centro de Salud San Blas\nCáritas Madrid")])
    view, overview = open_record(qtbot, session, result.client_id)
    box = overview.consents
    rows = [[box.model.index(r, c).data() for c in range(4)] for r in range(box.model.rowCount())]
    assert ["Sharing information with named services", "Centro de Salud San Blas; Cáritas Madrid",
            "10 Mar 2025", "—"] in rows
    statistics = next(r for r in range(box.model.rowCount()) if box.model.consent(r).kind == "statistics")
    box.table.setFocus()
    box.table.selectRow(statistics)
    assert box.withdraw_button.isEnabled()
    box.withdraw_button.click()
    dialog = the_dialog(WithdrawConsentDialog)
    assert isinstance(dialog, WithdrawConsentDialog)
    assert unlabelled_inputs(dialog) == []

    type_into(qtbot, dialog.withdrawn_on, "2025-03-01")  # before it was given
    dialog.ok_button.click()
    assert runner.wait_idle() and dialog.isVisible()
    assert "before the day the consent was given" in dialog.form.error_text("withdrawn_on")
    save_screenshot(dialog, "consent-withdraw-error")
    type_into(qtbot, dialog.withdrawn_on, "20250630")
    assert dialog.withdrawn_on.text() == "2025-06-30"
    dialog.ok_button.click()
    assert runner.wait_idle() and closed(dialog)

    record = fetch(session, clients.get_client, result.client_id)
    assert {c.kind: c.withdrawn_on for c in record.consents} == {
        "treatment": None, "statistics": date(2025, 6, 30), "share_services": None}
    with installation.ws.unit_of_work(write=False) as uow:
        assert not consents.has_consent(uow, result.client_id, "statistics")
    chosen = box.current()
    assert chosen is not None and chosen.kind == "statistics"  # still the row under the cursor
    assert box.model.index(box.table.currentIndex().row(), 3).data() == "30 Jun 2025"
    assert not box.withdraw_button.isEnabled()  # withdrawn once, for good
    assert not any(NO_CONSENT in text for text in overview.alert_texts())
    save_screenshot(view, "consents-withdrawn")
