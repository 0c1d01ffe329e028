"""The Today screen: the worklists with their counts, empty lists in words, and rows that open
the client at the tab the row names (offscreen, pytest-qt).

Carmen's caseload is made through the real services: a client with a consent, one without,
one discharged so that the 3-month check-up is due in five days, one discharged four months
ago (check-up overdue), and one client of nobody's.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

import pytest
from client_inputs import ADMISSION, register
from conftest import Installation
from gui_helpers import save_screenshot, unlabelled_inputs
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from test_gui_shell import _configured_app, _gui_settings, open_window, runner  # noqa: F401 - fixtures

from clinic_app.codes import _add_months as add_months
from clinic_app.services import discharge, worklists
from clinic_app.services.consents import ConsentGiven
from ui.clients.screen import ClientsScreen
from ui.main_window import MainWindow
from ui.navigation import CLIENTS, TODAY
from ui.session import Session
from ui.tasks import TaskRunner
from ui.today import TodayScreen


@pytest.fixture
def caseload(installation: Installation) -> dict[str, int]:
    ws, carmen, admin = installation.ws, installation.counsellor, installation.admin
    today = date.today()

    def carmens(family_name: str, **kwargs: object) -> tuple[int, int]:
        made = register(ws, carmen, client={"family_name": family_name, "counsellor_id": carmen.user_id},
                        **kwargs)  # type: ignore[arg-type]
        return made.client_id, made.episode_id

    consented, _ = carmens("Alonso", consents=(ConsentGiven("treatment", ADMISSION),))
    unconsented, _ = carmens("Benítez")
    due, due_episode = carmens("Castro")
    overdue, overdue_episode = carmens("Domínguez")
    register(ws, admin, client={"family_name": "Ezquerra"})
    with ws.unit_of_work() as uow:
        discharge.discharge(uow, carmen, due_episode, add_months(today + timedelta(days=5), -3), "completed")
        discharge.discharge(uow, carmen, overdue_episode, add_months(today, -4), "dropped_out")
        uow.commit()
    return {"consented": consented, "unconsented": unconsented, "due": due, "overdue": overdue}


@pytest.fixture
def carmen_window(qtbot: QtBot, installation: Installation, runner: TaskRunner) -> Iterator[MainWindow]:
    window = open_window(qtbot, Session(installation.ws, installation.counsellor, runner))
    yield window
    window.close()
    runner.wait_idle()


def today_of(window: MainWindow) -> TodayScreen:
    page = window.open_screen(TODAY)
    assert isinstance(page, TodayScreen)
    assert window.session.runner.wait_idle()
    return page


def rows(today: TodayScreen, name: str) -> list[tuple[str, str]]:
    model = today.sections[name].model
    return [(model.index(r, 1).data(), model.index(r, 2).data()) for r in range(model.rowCount())]


def test_today_shows_counts_and_says_when_a_list_is_empty(qtbot: QtBot, caseload: dict[str, int],
                                                          carmen_window: MainWindow) -> None:
    window = carmen_window
    assert window.screen_titles()[:2] == [TODAY, CLIENTS]
    today = today_of(window)
    assert window.stack.currentWidget() is today  # the first screen a counsellor sees
    assert unlabelled_inputs(today) == []
    titles = {name: section.title() for name, section in today.sections.items()}
    assert titles == {
        "checkups_overdue": "Check-ups overdue (1)",
        "checkups_due": "Check-ups due soon (1)",
        "plan_reviews_due": "Care-plan reviews due (0)",
        "without_active_plan": "No active care plan (2)",
        "consent_missing": "Consent missing (1)",
        "my_clients": "My clients (2)",
    }
    reviews = today.sections["plan_reviews_due"]
    assert reviews.is_empty_shown() and not reviews.table.isVisible()
    assert reviews.empty.text() == f"No care-plan reviews are due in the next {worklists.DEFAULT_DAYS} days."
    assert rows(today, "consent_missing") == [("María José Benítez", "10 Mar 2025")]
    [(name, when)] = rows(today, "checkups_overdue")
    assert name == "María José Domínguez" and when.endswith("· overdue")
    assert not today.sections["checkups_overdue"].is_empty_shown()
    save_screenshot(window, "today")

    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(today.scope, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert window.statusBar().currentMessage() == "There is nothing to save here."
    qtbot.keyClick(today.scope, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert window.statusBar().currentMessage() == "There is nothing to print here."

    today.scope.setCurrentIndex(today.scope.findData(worklists.ALL))  # every client: Ezquerra appears
    assert window.session.runner.wait_idle()
    assert today.sections["my_clients"].title() == "Clients in care (3)"
    assert today.sections["consent_missing"].title() == "Consent missing (2)"


def test_a_checkup_row_opens_the_client_at_the_followup_tab(qtbot: QtBot, caseload: dict[str, int],
                                                            carmen_window: MainWindow) -> None:
    window = carmen_window
    today = today_of(window)
    section = today.sections["checkups_due"]
    section.table.setFocus()
    section.table.setCurrentIndex(section.model.index(0, 0))
    qtbot.keyClick(section.table, Qt.Key.Key_Return)
    assert window.session.runner.wait_idle()
    clients = window.stack.currentWidget()
    assert isinstance(clients, ClientsScreen)
    record = clients.record
    assert record.client_id == caseload["due"] and "María José Castro" in record.header.text()
    assert record.requested_tab == worklists.TAB_FOLLOWUP == "followup"
    followup = record.tab("followup")
    if followup is not None:  # once the discharge & follow-up tab is registered, it is the one shown
        assert record.current_tab() is followup

    window.open_screen(TODAY)
    assert window.session.runner.wait_idle()
    mine = today.sections["my_clients"]
    mine.table.activated.emit(mine.model.index(0, 0))
    assert window.session.runner.wait_idle()
    assert record.client_id == caseload["consented"] and record.requested_tab == worklists.TAB_OVERVIEW
    assert record.current_tab() is record.tab("overview")


def test_today_refreshes_when_shown_again(qtbot: QtBot, installation: Installation, caseload: dict[str, int],
                                          carmen_window: MainWindow) -> None:
    window = carmen_window
    today = today_of(window)
    assert today.sections["my_clients"].count() == 2
    register(installation.ws, installation.counsellor,
             client={"family_name": "Fuentes", "counsellor_id": installation.counsellor.user_id})
    window.open_screen(CLIENTS)
    window.open_screen(TODAY)
    assert window.session.runner.wait_idle()
    assert today.sections["my_clients"].title() == "My clients (3)"
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    register(installation.ws, installation.counsellor,
             client={"family_name": "Gil", "counsellor_id": installation.counsellor.user_id})
    qtbot.keyClick(today.refresh_button, Qt.Key.Key_F5)  # a button's shortcut clicks it after a short animation
    qtbot.waitUntil(lambda: today.sections["my_clients"].count() == 4)


def test_a_new_installation_says_every_list_is_empty(installation: Installation, carmen_window: MainWindow) -> None:
    today = today_of(carmen_window)
    for section in today.sections.values():
        assert section.count() == 0 and section.is_empty_shown() and section.empty.text()
    assert today.sections["my_clients"].empty.text() == "No clients in care."
    assert today.sections["checkups_overdue"].empty.text() == "No recovery check-ups are overdue."
