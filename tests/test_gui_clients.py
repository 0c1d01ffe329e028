"""The Clients screen and the Overview tab, driven like a user would (offscreen, pytest-qt).

- On 20,000 clients the list fetches pages as it scrolls (never everything) while the count
  says 20,000; typing a search narrows the list after a pause, as one search.
- Filters (status, counsellor, programme), the name order, opening a client (record view
  beside the list, header, Overview with alerts and the BARC-10 chart).
- Unsaved text is never lost: switching client, Ctrl+L and closing the window ask; the idle
  lock only covers the window.  Ctrl+S saves the open tab.
- Statistics staff have no way to reach a client record.
- The splitter and the column widths survive re-creating the window.
- The "New client" hook calls the intake's ``open_new_intake`` and opens the new client.

Fixtures for the GUI (QSettings in the test's folder, the task runner, opening the main
window) come from ``test_gui_shell``; the 20,000 clients from ``test_search``.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from datetime import date, timedelta

import pytest
from client_inputs import register
from conftest import ADMIN_PASSWORD, STATS_NAME, STATS_PASSWORD, Installation
from gui_helpers import message_boxes, save_screenshot, unlabelled_inputs
from PySide6.QtCore import QLocale, QPoint, Qt
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select
from test_gui_shell import _configured_app, _gui_settings, open_window, runner, type_into  # noqa: F401 - fixtures
from test_search import BULK, FAMILY, GIVEN, bulk_insert_clients

from clinic_app import codes, workspace
from clinic_app.db.models import AuditEntry
from clinic_app.services import assessments, discharge, family, search
from clinic_app.services.auth import Actor
from clinic_app.services.consents import ConsentGiven
from ui.client_record.overview import OverviewTab
from ui.client_record.tab import RecordTab
from ui.client_record.view import ClientRecordView
from ui.clients import screen as clients_screen
from ui.clients.display import show_date
from ui.clients.model import NAME_COLUMN
from ui.clients.screen import ClientsScreen
from ui.main_window import MainWindow
from ui.navigation import CLIENTS, TODAY
from ui.session import Session
from ui.tasks import TaskRunner

# --- helpers ----------------------------------------------------------------------------------


def clients_of(window: MainWindow) -> ClientsScreen:
    page = window.open_screen(CLIENTS)
    assert isinstance(page, ClientsScreen)
    assert window.session.runner.wait_idle()
    return page


def audited(installation: Installation, action: str) -> int:
    with installation.ws.unit_of_work(write=False) as uow:
        return int(uow.session.execute(select(func.count()).select_from(AuditEntry)
                                       .where(AuditEntry.action == action)).scalar_one())


def answer(box_text: str, button: str) -> None:
    """Click ``button`` in the one message box shown, whose text contains ``box_text``."""
    [box] = message_boxes()
    assert box_text in box.text()
    next(b for b in box.buttons() if b.text() == button).click()


def barc10(points: int) -> dict[str, int]:
    return {item: points for item in codes.BARC10_ITEM.codes()}


class DraftTab(RecordTab):
    """A record tab holding typed text, standing in for any tab with a form."""

    key = "draft"
    title = "Draft"

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.text = QPlainTextEdit(self)
        self.saved: list[str] = []
        self._clean = ""

    def has_unsaved_changes(self) -> bool:
        return self.text.toPlainText() != self._clean

    def save(self, on_done: Callable[[bool], object]) -> None:
        self._clean = self.text.toPlainText()
        self.saved.append(self._clean)
        on_done(True)

    def discard_changes(self) -> None:
        self.text.setPlainText(self._clean)


@pytest.fixture
def with_draft_tab(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("ui.client_record.view.record_tabs", lambda: (OverviewTab, DraftTab))


@pytest.fixture
def window_of(qtbot: QtBot, installation: Installation, runner: TaskRunner) -> Iterator[Callable[[Actor], MainWindow]]:
    opened: list[MainWindow] = []

    def make(actor: Actor) -> MainWindow:
        opened.append(open_window(qtbot, Session(installation.ws, actor, runner)))
        return opened[-1]

    yield make
    for window in opened:
        for box in message_boxes():
            box.close()
        window.idle_lock.unlock()
        window.close()
    runner.wait_idle()


# --- 20,000 clients: lazy list, search as you type -------------------------------------------


@pytest.mark.slow
def test_the_list_fetches_pages_as_it_scrolls_and_search_narrows_it(
        qtbot: QtBot, installation: Installation, window_of: Callable[[Actor], MainWindow]) -> None:
    bulk_insert_clients(installation.ws, BULK)
    window = window_of(installation.counsellor)
    clients = clients_of(window)
    model = clients.model
    assert clients.total() == BULK and clients.count.text() == f"{QLocale().toString(BULK)} clients"
    assert model.rowCount() == 200  # one page, not 20,000
    clients.table.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() == 400)
    assert window.session.runner.wait_idle()
    assert model.rowCount() <= 400 and model.total == BULK
    with installation.ws.unit_of_work() as uow:
        first_pages = search.list_clients(uow, installation.counsellor, limit=400)
    assert [model.row(row) for row in range(400)] == list(first_pages)

    searches = audited(installation, "clients.counted")
    qtbot.keyClicks(clients.filters.search, "maria nun")
    qtbot.waitUntil(lambda: model.total is not None and model.total < BULK, timeout=10_000)
    assert window.session.runner.wait_idle()
    assert audited(installation, "clients.counted") == searches + 1  # one search for nine key presses
    expected = sum(1 for _i, names in zip(range(BULK), itertools.cycle(itertools.product(GIVEN, FAMILY)))
                   if names == ("María José", "Núñez"))
    assert model.total == expected and model.rowCount() == min(expected, 200)
    assert {model.index(row, NAME_COLUMN).data() for row in range(model.rowCount())} == {"Núñez, María José"}
    assert clients.count.text() == f"{expected} clients"

    qtbot.keyClicks(clients.filters.search, "zzz")
    qtbot.waitUntil(lambda: model.total == 0, timeout=10_000)
    assert clients.count.text() == "No client matches “maria nunzzz”."
    clients.filters.search.clear()
    qtbot.waitUntil(lambda: model.total == BULK, timeout=10_000)
    save_screenshot(window, "clients-20000")


# --- filters, order, opening a client -------------------------------------------------------------


@pytest.fixture
def three_clients(installation: Installation) -> dict[str, int]:
    """Núñez (Carmen's, aftercare, in care), Abad (the admin's, residential, discharged), Zamora
    (nobody's, outpatient, in care, with two BARC-10s, a child at risk and no consent)."""
    ws, carmen, admin = installation.ws, installation.counsellor, installation.admin
    nunez = register(ws, carmen, client={"counsellor_id": carmen.user_id},
                     consents=(ConsentGiven("treatment", date(2025, 3, 10)),), barc10=barc10(3))
    abad = register(ws, admin, client={"given_names": "Pedro", "family_name": "Abad", "counsellor_id": admin.user_id},
                    episode={"programme": "residential"})
    zamora = register(ws, admin, client={"given_names": "Óscar", "family_name": "Zamora"},
                      episode={"programme": "outpatient"}, barc10=barc10(2))
    with ws.unit_of_work() as uow:
        discharge.discharge(uow, admin, abad.episode_id, date.today() - timedelta(days=30), "completed")
        assessments.record_barc10(uow, admin, zamora.client_id, date.today() - timedelta(days=10), barc10(5),
                                  assessments.OTHER)
        family.add_member(uow, admin, zamora.client_id, "child", "Lucía", birth_year=2015, safeguarding_concern=True)
        uow.commit()
    return {"nunez": nunez.client_id, "abad": abad.client_id, "zamora": zamora.client_id}


def shown_names(clients: ClientsScreen) -> list[str]:
    return [clients.model.index(row, NAME_COLUMN).data() for row in range(clients.model.rowCount())]


def test_filters_order_and_opening_a_client(qtbot: QtBot, installation: Installation, three_clients: dict[str, int],
                                            window_of: Callable[[Actor], MainWindow]) -> None:
    window = window_of(installation.admin)
    clients = clients_of(window)
    runner = window.session.runner
    assert shown_names(clients) == ["Abad, Pedro", "Núñez, María José", "Zamora, Óscar"]
    assert unlabelled_inputs(clients.filters) == []
    assert clients.right.currentWidget() is clients.placeholder

    clients.filters.status.setCurrentIndex(clients.filters.status.findData("discharged"))
    assert runner.wait_idle() and shown_names(clients) == ["Abad, Pedro"]
    clients.filters.status.setCurrentIndex(0)
    clients.filters.programme.setCurrentIndex(clients.filters.programme.findData("outpatient"))
    assert runner.wait_idle() and shown_names(clients) == ["Zamora, Óscar"]
    clients.filters.status.setCurrentIndex(clients.filters.status.findData("discharged"))
    assert runner.wait_idle() and shown_names(clients) == []
    assert clients.count.text() == "No client matches these filters."
    clients.filters.status.setCurrentIndex(0)
    clients.filters.programme.setCurrentIndex(0)
    counsellor = clients.filters.counsellor
    choices = [counsellor.itemText(i) for i in range(counsellor.count())]
    assert choices == ["Any counsellor", "My clients", "Carmen Ruiz"]
    counsellor.setCurrentIndex(counsellor.findText("Carmen Ruiz"))
    assert runner.wait_idle() and shown_names(clients) == ["Núñez, María José"]
    counsellor.setCurrentIndex(counsellor.findText("My clients"))
    assert runner.wait_idle() and shown_names(clients) == ["Abad, Pedro"]
    counsellor.setCurrentIndex(0)
    assert runner.wait_idle()

    header = clients.table.horizontalHeader()
    name_x = header.sectionViewportPosition(NAME_COLUMN) + 20
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(name_x, header.height() // 2))
    assert runner.wait_idle() and shown_names(clients) == ["Zamora, Óscar", "Núñez, María José", "Abad, Pedro"]
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(5, header.height() // 2))  # "Code"
    assert runner.wait_idle() and header.sortIndicatorSection() == NAME_COLUMN
    assert shown_names(clients) == ["Zamora, Óscar", "Núñez, María José", "Abad, Pedro"]

    row_rect = clients.table.visualRect(clients.model.index(0, NAME_COLUMN))
    qtbot.mouseClick(clients.table.viewport(), Qt.MouseButton.LeftButton, pos=row_rect.center())
    assert runner.wait_idle()
    record = clients.record
    assert record.client_id == three_clients["zamora"] and clients.right.currentWidget() is record
    overview = record.tab("overview")
    assert isinstance(overview, OverviewTab)
    assert "Óscar Zamora" in record.header.text() and record.current_tab() is overview
    assert dict(overview.fact_rows)["Age:"].endswith(" (born 2 Apr 1990)")
    assert ("Programme:", "Outpatient") in overview.fact_rows and ("Counsellor:", "Not assigned") in overview.fact_rows
    alerts = overview.alert_texts()
    assert any("Safeguarding concern recorded for Lucía (Child)" in text for text in alerts)
    assert any("No current consent to treatment" in text for text in alerts)
    assert any("No active care plan" in text for text in alerts)
    assert [total for _day, total in overview.chart.points()] == [20, 50]
    assert overview.chart.points()[1][0] == date.today() - timedelta(days=10)
    assert overview.chart.view.isVisible()
    assert "2 assessments: first 20" in overview.chart.summary.text()
    save_screenshot(window, "clients-overview")

    clients.table.setFocus()
    clients.table.setCurrentIndex(clients.model.index(2, 0))
    qtbot.keyClick(clients.table, Qt.Key.Key_Return)
    assert runner.wait_idle()
    assert record.client_id == three_clients["abad"]
    assert ("Status:", "Discharged") in overview.fact_rows
    assert ("Discharged:", f"{show_date(date.today() - timedelta(days=30))} (from Residential)") in overview.fact_rows
    assert not overview.chart.view.isVisible() and overview.chart.summary.text() == "No BARC-10 assessments yet."
    assert overview.alert_texts() == ["Nothing needs attention."]


# --- unsaved changes ---------------------------------------------------------------------------


def test_typed_text_is_never_thrown_away(qtbot: QtBot, installation: Installation, three_clients: dict[str, int],
                                         with_draft_tab: None, window_of: Callable[[Actor], MainWindow]) -> None:
    window = window_of(installation.admin)
    clients = clients_of(window)
    runner = window.session.runner
    clients.open_client(three_clients["nunez"], "draft")
    assert runner.wait_idle()
    draft = clients.record.tab("draft")
    assert isinstance(draft, DraftTab) and clients.record.current_tab() is draft
    draft.text.setPlainText("Talked about the new job.")
    nunez_row = clients.model.row_where(lambda c: c.id == three_clients["nunez"])

    clients.table.activated.emit(clients.model.index(0, 0))  # Abad: another client
    answer("not saved yet (Draft)", "Keep editing")
    assert clients.record.client_id == three_clients["nunez"]
    assert draft.text.toPlainText() == "Talked about the new job."
    assert clients.table.selectionModel().selectedRows()[0].row() == nunez_row

    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(draft.text, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    answer("not saved yet", "Keep editing")
    assert not window.idle_lock.is_locked()

    window.close()
    answer("not saved yet", "Keep editing")
    assert window.isVisible() and draft.text.toPlainText() == "Talked about the new job."

    window.idle_lock.set_timeout_ms(200)  # the idle lock covers the window without asking
    qtbot.waitUntil(window.idle_lock.is_locked, timeout=5_000)
    assert not [box for box in message_boxes() if box.objectName() == "unsavedChanges"]
    window.idle_lock.set_timeout_ms(600_000)
    type_into(qtbot, window.idle_lock.overlay.password, ADMIN_PASSWORD)
    window.idle_lock.overlay.unlock_button.click()
    assert runner.wait_idle() and not window.idle_lock.is_locked()
    assert draft.text.toPlainText() == "Talked about the new job."

    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(draft.text, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # Ctrl+S saves the open tab
    assert draft.saved == ["Talked about the new job."] and not draft.has_unsaved_changes()

    draft.text.setPlainText("A second thought.")
    clients.table.activated.emit(clients.model.index(0, 0))
    answer("not saved yet", "Save")
    assert clients.record.client_id == three_clients["abad"] and draft.saved[-1] == "A second thought."

    draft.text.setPlainText("Never mind.")
    window.close()
    answer("not saved yet", "Discard changes")
    assert not window.isVisible() and draft.saved[-1] == "A second thought."


# --- statistics staff -------------------------------------------------------------------------------


def test_statistics_staff_have_no_way_to_a_client_record(qtbot: QtBot, installation: Installation,
                                                        three_clients: dict[str, int], runner: TaskRunner) -> None:
    ws, actor = workspace.sign_in(installation.data_dir, STATS_NAME, STATS_PASSWORD)
    window = open_window(qtbot, Session(ws, actor, runner))
    try:
        assert TODAY not in window.screen_titles() and CLIENTS not in window.screen_titles()
        shortcuts = {action.shortcut().toString() for action in window.findChildren(type(window.lock_action))}
        assert not {"Ctrl+F", "Ctrl+N"} & shortcuts
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        for key in (Qt.Key.Key_F, Qt.Key.Key_N):
            qtbot.keyClick(window.navigation, key, Qt.KeyboardModifier.ControlModifier)
        assert runner.wait_idle()
        assert window.findChildren(ClientsScreen) == [] and window.findChildren(ClientRecordView) == []
        for title in window.screen_titles():
            window.open_screen(title)
        assert runner.wait_idle()
        assert window.findChildren(ClientRecordView) == []
    finally:
        window.close()
        runner.wait_idle()


# --- remembered layout -----------------------------------------------------------------------------


def test_splitter_and_column_widths_survive_a_new_window(qtbot: QtBot, installation: Installation,
                                                         runner: TaskRunner) -> None:
    session = Session(installation.ws, installation.counsellor, runner)
    window = open_window(qtbot, session)
    clients = clients_of(window)
    clients.splitter.setSizes([380, 700])
    sizes = clients.splitter.sizes()
    clients.table.horizontalHeader().resizeSection(NAME_COLUMN, 321)
    window.close()
    assert runner.wait_idle()

    again = open_window(qtbot, Session(installation.ws, installation.counsellor, runner))
    try:
        restored = clients_of(again)
        QApplication.processEvents()
        assert restored is not clients
        # the list keeps the width it was given; the record takes the rest of the window, which can be
        # narrower: a restored window is fitted to the (800 px wide offscreen) screen, then to its minimum width
        assert restored.splitter.sizes()[0] == sizes[0] and restored.splitter.sizes()[1] <= sizes[1]
        assert restored.table.horizontalHeader().sectionSize(NAME_COLUMN) == 321
        assert restored.table.horizontalHeader().sortIndicatorSection() == NAME_COLUMN
    finally:
        again.close()
        runner.wait_idle()


# --- the "New client" hook -----------------------------------------------------------------------------


def test_new_client_uses_the_intake_hook_and_opens_the_new_client(
        qtbot: QtBot, installation: Installation, monkeypatch: pytest.MonkeyPatch,
        window_of: Callable[[Actor], MainWindow]) -> None:
    calls: list[tuple[QWidget, Session]] = []

    def open_new_intake(parent: QWidget, session: Session, on_created: Callable[[int], object]) -> None:
        calls.append((parent, session))
        made = register(installation.ws, installation.counsellor, client={"family_name": "Nueva"})
        on_created(made.client_id)

    monkeypatch.setattr(clients_screen, "intake_opener", lambda: open_new_intake)
    monkeypatch.setattr("ui.main_window.intake_opener", lambda: open_new_intake)
    window = window_of(installation.counsellor)
    assert window.new_client_action.isEnabled()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window.navigation, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.session.runner.wait_idle()
    clients = window.stack.currentWidget()
    assert isinstance(clients, ClientsScreen) and calls == [(clients, window.session)]
    assert clients.total() == 1 and "María José Nueva" in clients.record.header.text()
    assert clients.record.client_id == clients.model.row(0).id

    qtbot.keyClick(window.navigation, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert clients.filters.search.hasFocus()


def test_without_an_intake_form_new_client_is_disabled(installation: Installation, monkeypatch: pytest.MonkeyPatch,
                                                       window_of: Callable[[Actor], MainWindow]) -> None:
    monkeypatch.setattr(clients_screen, "intake_opener", lambda: None)
    monkeypatch.setattr("ui.main_window.intake_opener", lambda: None)
    window = window_of(installation.counsellor)
    clients = clients_of(window)
    assert not window.new_client_action.isEnabled() and not clients.new_button.isEnabled()
    assert "not available" in clients.new_button.toolTip()
    assert clients.count.text() == "No clients yet."
    save_screenshot(window, "clients-empty")


def test_a_refused_search_is_explained_under_the_field(qtbot: QtBot, installation: Installation,
                                                       window_of: Callable[[Actor], MainWindow]) -> None:
    window = window_of(installation.counsellor)
    clients = clients_of(window)
    clients.filters.search.setText(" ".join(f"w{i}" for i in range(25)))
    clients.filters.search_now()
    assert window.session.runner.wait_idle()
    assert "at most 20 words" in clients.filters.message.text() and clients.filters.message.isVisible()
    assert not message_boxes()
    clients.filters.search.setText("maria")
    clients.filters.search_now()
    assert window.session.runner.wait_idle() and not clients.filters.message.isVisible()
