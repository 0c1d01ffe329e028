"""The intake, driven like a user would: a new client typed in, refused, corrected and saved;
the Intake tab of the record; and the reusable input widgets (code combo, date, BARC-10).

Offscreen Qt (pytest-qt), English labels (``QLocale`` set for the module).  What reached the
database is read back through the services on the database thread.  Set
``CONTINUUM_SCREENSHOTS=/some/folder`` to keep the pictures.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from typing import Any, TypeVar

import pytest
import shiboken6
from client_inputs import discharge_directly, episode_details, register
from conftest import Installation
from gui_helpers import message_boxes, save_screenshot, unlabelled_inputs
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QLineEdit, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot
from test_gui_shell import _configured_app, _gui_settings, runner  # noqa: F401 - shared GUI fixtures

from clinic_app import codes
from clinic_app.services import assessments, clients, episodes, search
from clinic_app.services.consents import ConsentGiven
from clinic_app.services.episodes import age_on
from clinic_app.services.intake import BARC10_FIELD_PREFIX
from ui.client_record.intake import IntakeForm, IntakeTab, NewIntakeDialog, open_new_intake
from ui.client_record.tabs import record_tabs
from ui.client_record.view import ClientRecordView
from ui.clients.screen import ClientsScreen
from ui.session import Session
from ui.tasks import TaskRunner
from ui.widgets import Barc10Entry, CodeCombo, OptionalDateEdit

T = TypeVar("T")
DOB = date(1990, 4, 2)


@pytest.fixture(autouse=True)
def _english_and_brisk(qapp: QApplication) -> Iterator[None]:
    """English labels; combo type-ahead forgets earlier keys after 50 ms (not 400), so one
    answer's letters never run into the next one's in a fast test."""
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    interval = qapp.keyboardInputInterval()
    qapp.setKeyboardInputInterval(50)
    yield
    qapp.setKeyboardInputInterval(interval)
    QLocale.setDefault(QLocale.system())


@pytest.fixture
def session(installation: Installation, runner: TaskRunner) -> Session:
    return Session(installation.ws, installation.counsellor, runner)


def fetch(session: Session, service: Callable[..., T], *args: Any) -> T:
    """Call a service on the database thread (where the workspace lives) and return its result."""
    result: list[T] = []
    session.runner.run_db(session.call(service, *args), result.append)
    assert session.runner.wait_idle()
    return result[0]


# --- driving the form ------------------------------------------------------------------------
def type_into(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Replace the field's text by typing ``text`` (QTest types ASCII only: the rest is inserted),
    then leave it with Enter (a line edit's "editing finished")."""
    if isinstance(widget, QPlainTextEdit):
        widget.clear()
        if text.isascii() and "\n" not in text:
            qtbot.keyClicks(widget, text)
        else:
            widget.insertPlainText(text)
        return
    assert isinstance(widget, QLineEdit)
    widget.clear()
    if text.isascii():
        qtbot.keyClicks(widget, text)
    else:
        widget.insert(text)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def choose(qtbot: QtBot, combo: QWidget, typed: str) -> None:
    """Choose an answer by typing the start of its label, as a keyboard user does."""
    assert isinstance(combo, CodeCombo)
    qtbot.wait(60)  # a pause, as between two answers
    qtbot.keyClicks(combo, typed)
    assert combo.currentText().casefold().startswith(typed.casefold()), combo.currentText()


def pick(combo: QWidget, code: str) -> None:
    assert isinstance(combo, CodeCombo)
    combo.setCurrentIndex(combo.findData(code))
    assert combo.code() == code


@pytest.fixture
def screen(qtbot: QtBot) -> QWidget:
    """Stands for the Clients screen the intake is opened from."""
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def open_dialog(screen: QWidget, session: Session, created: list[int]) -> NewIntakeDialog:
    open_new_intake(screen, session, created.append)
    [dialog] = [w for w in QApplication.topLevelWidgets() if isinstance(w, NewIntakeDialog) and w.isVisible()]
    dialog.resize(980, 860)
    assert session.runner.wait_idle()  # the counsellor list
    return dialog


def focus_order(form: IntakeForm) -> list[str]:
    """The form's fields in the order Tab reaches them."""
    keys = {id(form.field(key)): key for key in form.keys()}
    order: list[str] = []
    start = widget = form.field(form.keys()[0])
    while True:
        key = keys.get(id(widget))
        if key is not None and key not in order:
            order.append(key)
        widget = widget.nextInFocusChain()
        if widget is start:
            return order


def wait_message(qtbot: QtBot, form: IntakeForm, key: str, expected: str) -> None:
    qtbot.waitUntil(lambda: expected in form.forms.error_text(key), timeout=3_000)


def fill_person_and_episode(qtbot: QtBot, form: IntakeForm) -> None:
    f = form.field
    type_into(qtbot, f("given_names"), "María José")
    type_into(qtbot, f("family_name"), "Núñez Peña")
    type_into(qtbot, f("date_of_birth"), "19900402")
    assert f("date_of_birth").text() == "1990-04-02"  # tidied when the field was left
    choose(qtbot, f("sex"), "F")
    pick(f("gender_identity"), "woman")
    choose(qtbot, f("nationality"), "Nat")
    choose(qtbot, f("preferred_language"), "Sp")
    type_into(qtbot, f("phone"), "+34 600 123 456")
    type_into(qtbot, f("address"), "Calle de la Alegría 7\nMadrid")
    type_into(qtbot, f("consent_treatment"), date.today().isoformat())
    type_into(qtbot, f("consent_share_services"), date.today().isoformat())
    type_into(qtbot, f("consent_share_services_scope"), "Centro de Salud San Blas")
    choose(qtbot, f("programme"), "Aft")
    choose(qtbot, f("centre_type"), "Out")
    choose(qtbot, f("referral_source"), "Self")
    choose(qtbot, f("previously_treated"), "Prev")


def fill_assessment(qtbot: QtBot, form: IntakeForm, primary_age: str) -> None:
    f = form.field
    choose(qtbot, f("primary_drug"), "Her")
    choose(qtbot, f("primary_route"), "Sm")
    choose(qtbot, f("primary_frequency"), "Da")
    type_into(qtbot, f("primary_age_first_use"), primary_age)
    assert not f("secondary_1_route").isEnabled()  # until a secondary drug is chosen
    choose(qtbot, f("secondary_1_drug"), "Can")
    assert f("secondary_1_route").isEnabled()
    choose(qtbot, f("secondary_1_route"), "Sm")
    pick(f("secondary_1_frequency"), "days_2_3_week")
    type_into(qtbot, f("secondary_1_age_first_use"), "15")
    for key, code in (("living_with", "alone"), ("housing", "stable"), ("living_with_children", "no"),
                      ("has_children", "yes"), ("labour_status", "unemployed"), ("education", "upper_secondary"),
                      ("injecting", "never"), ("opioid_substitution", "never"), ("tested_hiv", "tested_last_12_months"),
                      ("tested_hcv", "tested_earlier"), ("tested_hbv", codes.NOT_KNOWN)):
        pick(f(key), code)
    type_into(qtbot, f("number_of_children"), "2")
    type_into(qtbot, f("mental_health"), "Low mood since the summer; sleeps badly.")


# --- the new-client intake ----------------------------------------------------------------------
def test_new_intake_is_refused_beside_the_field_then_corrected_and_saved(
        qtbot: QtBot, screen: QWidget, session: Session, installation: Installation) -> None:
    created: list[int] = []
    dialog = open_dialog(screen, session, created)
    form = dialog.intake
    assert unlabelled_inputs(dialog) == []
    assert not form.has_unsaved_changes()
    assert form.value("counsellor_id") == installation.counsellor.user_id  # a counsellor takes their own clients
    assert form.value("admission_date") == date.today().isoformat()
    assert focus_order(form) == list(form.keys())  # Tab walks the fields in the order they are shown
    save_screenshot(dialog, "intake-new-top")

    fill_person_and_episode(qtbot, form)
    type_into(qtbot, form.field("email"), "maria@")  # only the service knows e-mail addresses
    fill_assessment(qtbot, form, primary_age="45")
    assert form.has_unsaved_changes()
    age_now = age_on(DOB, date.today())
    age_error = f"The age at first use (45) is above the client's age at the assessment ({age_now})."
    wait_message(qtbot, form, "primary_age_first_use", age_error)  # as the user types, beside the field
    assert form.forms.error_text("secondary_1_age_first_use") == ""
    assert form.forms.error_text("given_names") == ""

    for item in codes.BARC10_ITEM.codes():  # the digit keys answer the BARC-10
        qtbot.keyClick(form.field(BARC10_FIELD_PREFIX + item), Qt.Key.Key_5)
    assert form.barc10 is not None and form.barc10.total() == 50
    assert "Total: 50 of 60" in form.barc10.total_label.text()

    dialog.save_button.click()  # refused before the service is called
    assert session.runner.wait_idle()
    assert dialog.isVisible() and created == []
    assert age_error in form.forms.error_text("primary_age_first_use")
    assert fetch(session, search.count_clients) == 0
    form.scroll.ensureWidgetVisible(form.field("primary_age_first_use"), 40, 220)
    save_screenshot(dialog, "intake-error")
    form.scroll.ensureWidgetVisible(form.field("secondary_3_age_first_use"), 40, 40)
    save_screenshot(dialog, "intake-substances")

    type_into(qtbot, form.field("primary_age_first_use"), "19")
    qtbot.waitUntil(lambda: form.forms.error_text("primary_age_first_use") == "", timeout=3_000)
    qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # Ctrl+S saves
    assert session.runner.wait_idle()
    assert "not an e-mail address" in form.forms.error_text("email")  # the service's message, beside its field
    assert dialog.isVisible() and created == []
    assert fetch(session, search.count_clients) == 0  # nothing half-saved

    type_into(qtbot, form.field("email"), "maria.jose@example.org")
    assert form.forms.error_text("email") == ""  # the service's message goes once the field is edited
    dialog.save_button.click()
    assert session.runner.wait_idle()
    assert len(created) == 1
    assert not shiboken6.isValid(dialog) or not dialog.isVisible()

    record = fetch(session, clients.get_client, created[0])
    assert (record.given_names, record.family_name, record.date_of_birth) == ("María José", "Núñez Peña", DOB)
    assert (record.sex, record.gender_identity, record.nationality, record.preferred_language) == (
        "female", "woman", "national", "es")
    assert record.address == "Calle de la Alegría 7\nMadrid" and record.email == "maria.jose@example.org"
    assert record.counsellor_id == installation.counsellor.user_id
    assert {(c.kind, c.given_on, c.scope) for c in record.consents} == {
        ("treatment", date.today(), ""), ("share_services", date.today(), "Centro de Salud San Blas")}
    [episode] = record.episodes
    assert (episode.admission_date, episode.programme, episode.centre_type, episode.referral_source,
            episode.previously_treated, episode.status) == (
        date.today(), "aftercare", "outpatient", "self", "yes", "open")
    intake = episode.intake
    assert intake is not None and intake.assessed_on == date.today()
    assert [(s.rank, s.drug, s.route, s.frequency, s.age_first_use) for s in intake.substances] == [
        (1, "heroin", "smoke_inhale", "daily", 19), (2, "cannabis", "smoke_inhale", "days_2_3_week", 15)]
    assert (intake.has_children, intake.number_of_children, intake.tested_hbv) == ("yes", 2, codes.NOT_KNOWN)
    assert intake.mental_health == "Low mood since the summer; sleeps badly."
    [barc10] = fetch(session, assessments.barc10_series, created[0])
    assert (barc10.context, barc10.episode_id, barc10.total) == (assessments.INTAKE, episode.id, 50)


def test_intake_checks_as_you_type_and_guards_what_was_typed(qtbot: QtBot, screen: QWidget, session: Session) -> None:
    created: list[int] = []
    dialog = open_dialog(screen, session, created)
    form = dialog.intake
    f = form.field
    dob = f("date_of_birth")
    type_into(qtbot, dob, "2099-01-01")
    wait_message(qtbot, form, "date_of_birth", "The date cannot be in the future.")
    assert form.forms.error_text("given_names") == ""  # fields not visited yet stay quiet
    type_into(qtbot, dob, "1990-02-30")
    wait_message(qtbot, form, "date_of_birth", "is not a valid date")
    type_into(qtbot, dob, "1990/4/2")
    assert dob.text() == "1990-04-02"
    qtbot.waitUntil(lambda: form.forms.error_text("date_of_birth") == "", timeout=3_000)

    for prefix in ("primary", "secondary_1"):  # the same drug twice: a message for the substances
        choose(qtbot, f(f"{prefix}_drug"), "Coc")
        choose(qtbot, f(f"{prefix}_route"), "Sn")
        choose(qtbot, f(f"{prefix}_frequency"), "Once")
    wait_message(qtbot, form, "secondary_drugs", "cannot also be a secondary drug")
    choose(qtbot, f("secondary_1_drug"), "Alc")
    qtbot.waitUntil(lambda: form.forms.error_text("secondary_drugs") == "", timeout=3_000)
    pick(f("secondary_1_route"), "eat_drink")
    pick(f("secondary_1_drug"), "")  # back to "None": the rest of that substance is cleared
    assert f("secondary_1_route").code() == "" and not f("secondary_1_route").isEnabled()

    type_into(qtbot, f("consent_share_services_scope"), "Cáritas")
    dialog.save_button.click()
    assert "Enter the date the client agreed" in form.forms.error_text("consent_share_services")
    assert "required" in form.forms.error_text("given_names")  # a failed save shows every message
    assert session.runner.is_idle() and created == []
    type_into(qtbot, f("given_names"), "Ana")
    qtbot.waitUntil(lambda: form.forms.error_text("given_names") == "", timeout=3_000)

    dialog.reject()  # Escape or Cancel with typed text: asked first
    [question] = message_boxes()
    assert dialog.isVisible()
    [discard] = [b for b in question.buttons() if b.text() == "Discard intake"]
    discard.click()
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog) or not dialog.isVisible(), timeout=3_000)
    assert created == []


def test_calendar_picks_a_date_with_the_keyboard(qtbot: QtBot) -> None:
    edit = OptionalDateEdit(maximum=date(2026, 1, 31))
    qtbot.addWidget(edit)
    edit.show()
    assert edit.date() is None and edit.value() == ""
    edit.set_date(date(2025, 12, 30))
    qtbot.keyClick(edit, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    popup = edit.popup
    assert popup is not None and popup.calendar.selectedDate().toPython() == date(2025, 12, 30)
    assert popup.calendar.maximumDate().toPython() == date(2026, 1, 31)
    days = popup.calendar.focusProxy()  # the day grid, where the keys go
    assert days is not None
    qtbot.keyClick(days, Qt.Key.Key_Right)
    qtbot.keyClick(days, Qt.Key.Key_Return)
    assert edit.date() == date(2025, 12, 31)
    edit.set_date(None)
    assert edit.text() == "" and edit.date() is None


def test_code_combo_offers_not_known_where_allowed_in_the_users_language(qtbot: QtBot) -> None:
    spanish = CodeCombo(codes.DRUG, lang="es")
    qtbot.addWidget(spanish)
    labels = [spanish.itemText(i) for i in range(spanish.count())]
    assert spanish.code() == "" and spanish.currentIndex() == -1 and spanish.placeholderText() == "Choose…"
    assert "Heroína" in labels and labels[-1] == "No consta"
    assert labels[-2] == ""  # the separator before "not known"
    spanish.set_code("cannabis")
    assert spanish.code() == "cannabis" and spanish.currentText() == "Cannabis"

    secondary = CodeCombo(codes.DRUG, none_text="None", exclude=(codes.NOT_KNOWN,))
    qtbot.addWidget(secondary)
    assert secondary.currentText() == "None" and secondary.code() == ""
    assert secondary.findData(codes.NOT_KNOWN) < 0
    centre = CodeCombo(codes.TREATMENT_CENTRE)  # a list without "not known"
    qtbot.addWidget(centre)
    assert centre.findData(codes.NOT_KNOWN) < 0
    centre.set_code("retired_code")  # an old value is shown, not replaced
    assert centre.code() == "retired_code" and centre.currentText() == "retired_code"


def test_barc10_entry_totals_and_checks_with_the_core(qtbot: QtBot) -> None:
    entry = Barc10Entry()
    qtbot.addWidget(entry)
    assert unlabelled_inputs(entry) == []
    assert entry.is_empty() and entry.total() is None
    entry.set_answers({item: 4 for item in codes.BARC10_ITEM.codes()[:9]})
    assert entry.answered() == 9 and entry.total() is None
    assert "9 answered" in entry.total_label.text()
    last = codes.BARC10_ITEM.codes()[-1]
    assert entry.check() == {last: "Every BARC-10 statement needs an answer."}
    qtbot.keyClick(entry.combo(last), Qt.Key.Key_6)
    assert entry.answers()[last] == 6 and entry.total() == 42 and entry.check() == {}
    assert entry.total_label.text() == "Total: 42 of 60"
    assert entry.combo(last).currentText() == "6 · Strongly agree"


# --- the Intake tab ---------------------------------------------------------------------------------
def test_intake_tab_shows_the_recorded_intake_read_only(qtbot: QtBot, session: Session,
                                                        installation: Installation) -> None:
    assert "intake" in [t.key for t in record_tabs()]
    barc10 = {item: 1 + n % 6 for n, item in enumerate(codes.BARC10_ITEM.codes())}
    result = register(installation.ws, installation.counsellor, client={"given_names": "Lucía", "family_name": "Peña"},
                      consents=[ConsentGiven("treatment", date(2025, 3, 10))], barc10=barc10)
    view = ClientRecordView(session)
    qtbot.addWidget(view)
    view.resize(1000, 1400)
    view.show()
    view.open_client(result.client_id, "intake")
    view.set_header(result.code, "Lucía Peña")
    assert session.runner.wait_idle()
    tab = view.tab("intake")
    assert isinstance(tab, IntakeTab) and view.current_tab() is tab
    texts = [label.text() for label in tab.view_area.widget().findChildren(QLabel)]
    for expected in ("Lucía", "Peña", "Heroin", "Cannabis", "Smoke or inhale", "Given 10 Mar 2025", "Aftercare",
                     f"{sum(barc10.values())} of 60", "6 · Strongly agree"):
        assert any(expected in text for text in texts), expected
    assert not tab.record_button.isVisible() and not tab.has_unsaved_changes()
    assert unlabelled_inputs(tab) == []
    save_screenshot(view, "intake-tab")


def test_intake_tab_records_the_assessment_of_a_readmission(qtbot: QtBot, session: Session,
                                                           installation: Installation) -> None:
    first = register(installation.ws, installation.counsellor)
    discharge_directly(installation.ws, first.episode_id, date(2025, 9, 1))
    readmission = fetch(session, episodes.open_episode, first.client_id, episode_details(admission_date=date(2026, 1, 5)))
    view = ClientRecordView(session)
    qtbot.addWidget(view)
    view.resize(1000, 800)
    view.show()
    view.open_client(first.client_id, "intake")
    assert session.runner.wait_idle()
    tab = view.tab("intake")
    assert isinstance(tab, IntakeTab)
    assert tab.selected_episode() is not None and tab.selected_episode().id == readmission.id
    assert tab.record_button.isVisible() and tab.episode_choice.count() == 2
    tab.record_button.click()
    form = tab.editor
    assert form is not None and not form.is_new_client and "given_names" not in form.keys()
    assert unlabelled_inputs(tab) == []
    fill_assessment(qtbot, form, primary_age="17")
    assert tab.has_unsaved_changes()
    form.scroll.ensureWidgetVisible(form.field("primary_age_first_use"))
    save_screenshot(view, "intake-tab-recording")
    view.save_current()  # what Ctrl+S does on the record
    assert session.runner.wait_idle()
    assert tab.editor is None and not tab.has_unsaved_changes()
    record = fetch(session, clients.get_client, first.client_id)
    saved = next(e for e in record.episodes if e.id == readmission.id).intake
    assert saved is not None and saved.assessed_on == date(2026, 1, 5) and saved.primary.age_first_use == 17
    assert not tab.record_button.isVisible()
    save_screenshot(view, "intake-tab-recorded")


def test_clients_screen_offers_the_new_client_intake(qtbot: QtBot, installation: Installation,
                                                     runner: TaskRunner) -> None:
    session = Session(installation.ws, installation.admin, runner)
    screen = ClientsScreen(session)
    qtbot.addWidget(screen)
    screen.show()
    assert session.runner.wait_idle()
    assert screen.can_add_clients()
    screen.new_client()
    assert session.runner.wait_idle()
    [dialog] = [w for w in QApplication.topLevelWidgets() if isinstance(w, NewIntakeDialog) and w.isVisible()]
    counsellor = dialog.intake.field("counsellor_id")
    assert isinstance(counsellor, QComboBox)
    assert dialog.intake.value("counsellor_id") is None  # an administrator chooses whom to assign
    assert "Carmen Ruiz (carmen)" in [counsellor.itemText(i) for i in range(counsellor.count())]
    dialog.reject()  # nothing typed: closes at once
    assert message_boxes() == []
