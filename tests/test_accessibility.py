"""Accessibility of the whole GUI, checked the way a keyboard or screen-reader user meets it.

On one installation with realistic records (``clinic_app.demo.populate``: intakes, plans,
notes, family, discharges and check-ups made through the services, plus clients from
``records_factory`` in the states a dialog needs: an active plan, a draft, a due check-up):

- **Names and Tab.**  Every screen of :func:`ui.navigation.default_screens` (for each role that
  sees it), every page of every tab widget on it, every tab of client records in several
  states, and every dialog class of ``ui``: each input has an accessible name and a label
  buddy (``gui_helpers.unlabelled_inputs``); pressing Tab again and again from the first
  widget reaches every visible, enabled widget that takes the focus, is never caught in one,
  and each widget shows the focus frame (its pixels) while it has the focus.
- **Dialogs** come from the registry :data:`DIALOGS`, which says how each class is opened.
  A ``QDialog`` subclass in ``ui`` that is not in it fails
  :func:`test_every_dialog_class_in_ui_is_registered`, so the registry cannot go stale.  A
  dialog that submits has a default button (Enter) unless its entry says why not, and Escape
  closes every dialog that can be closed.
- **Keyboard operation.**  Ctrl+1…n select the screens; a whole flow (sign in, Today, find a
  client, open the record, go through its tabs, quit) is driven with key presses only.
- **Visible focus.**  The style sheet frames focused inputs, buttons, lists, tables, tabs and
  the navigation with 2px of :data:`FOCUS`.
- **System font size.**  No fixed font size in the style sheet or the ``ui`` code; with a
  16 pt application font the key windows still fit their text.
- **Contrast.**  Every colour pair the style sheets set reaches WCAG AA (4.5:1 text, 3:1 input
  borders and focus frame) on a light and on a dark palette; under a dark palette no label or
  button is drawn dark on dark.

Set ``CONTINUUM_SCREENSHOTS=/some/folder`` to keep the pictures (focus, large font, dark).
"""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import TypeVar

import pytest
import shiboken6
from conftest import ADMIN_NAME, ADMIN_PASSWORD, ORG_NAME, STATS_NAME, STATS_PASSWORD
from gui_helpers import save_screenshot, unlabelled_inputs
from PySide6.QtCore import QLocale, QPoint, QRect, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QImage, QKeySequence, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QToolButton,
    QWidget,
    QWizard,
)
from pytestqt.qtbot import QtBot
from records_factory import make_client
from test_gui_shell import _configured_app, _gui_settings, runner  # noqa: F401 - shared GUI fixtures

import ui
from clinic_app import demo, workspace
from clinic_app.backup import archive
from clinic_app.backup.archive import MANUAL
from clinic_app.services import accounts, care_plans, consents, family, followups, search
from clinic_app.services.auth import ADMINISTRATOR, COUNSELLOR, STATISTICS, Actor
from clinic_app.services.followups import DUE
from clinic_app.workspace import Workspace
from ui import app as ui_app
from ui.account_page import ChangeOwnPasswordDialog
from ui.admin.accounts import AddAccountDialog, ChangeRoleDialog, SetPasswordDialog
from ui.admin.page import AdministrationPage
from ui.backup.common import BusyDialog
from ui.backup.jobs import open_failure_report
from ui.backup.monitor import BANNER_STYLE
from ui.backup.problems import StartupProblemDialog
from ui.backup.restore_wizard import RestoreWizard
from ui.client_record.care_plan import CarePlanTab, ClientSignatureDialog, GoalDialog, ReviewDialog
from ui.client_record.client_details import EditDetailsDialog
from ui.client_record.consents import RecordConsentDialog, WithdrawConsentDialog
from ui.client_record.family import FamilyTab, MemberDialog, NoteDialog
from ui.client_record.followup import AttemptDialog, FollowupTab, OutcomeDialog
from ui.client_record.intake import NewIntakeDialog
from ui.client_record.overview import OverviewTab
from ui.client_record.tab import RecordTab
from ui.clients.screen import ClientsScreen
from ui.forms import FormDialog
from ui.help.folders import DataFoldersWindow
from ui.help.guide import UserGuideWindow
from ui.help.howto import BackupHowToWindow, MovingHowToWindow
from ui.help.window import HelpWindow, TextHelpWindow
from ui.language import LanguageDialog, install_translations, installed_language, open_language_dialog
from ui.main_window import MainWindow
from ui.navigation import CLIENTS, TODAY, default_screens
from ui.print_preview import PrintPreview
from ui.session import Session
from ui.setup_wizard import SetupWizard
from ui.sign_in import RecoveryDialog, SignInDialog
from ui.tasks import TaskRunner
from ui.widgets.form_set import FormSetDialog

D = TypeVar("D", bound=QDialog)

STYLE_SHEET = Path(ui.__file__).with_name("resources") / "style.qss"
UI_ROOT = Path(ui.__file__).parent
#: the focus frame's colour, and how far (sum of RGB differences) a pixel may be from it
FOCUS = QColor("#3584e4")
FOCUS_TOLERANCE = 36
WINDOW_SIZE = (1280, 860)
LARGE_FONT_POINTS = 16
#: how many Tabs a widget may keep for moving inside itself before the focus leaves it
TAB_PRESSES_INSIDE = 6
DEMO_CLIENTS = 12
ROLES = (ADMINISTRATOR, COUNSELLOR, STATISTICS)
#: the languages the walks run in (the window is built after the language is installed)
LANGUAGES = ("en", "es")

#: a dark system palette, as a dark desktop theme gives one
DARK = {
    QPalette.ColorRole.Window: "#2b2b2b", QPalette.ColorRole.WindowText: "#f0f0f0",
    QPalette.ColorRole.Base: "#1e1e1e", QPalette.ColorRole.AlternateBase: "#333333",
    QPalette.ColorRole.Text: "#f0f0f0", QPalette.ColorRole.Button: "#3a3a3a",
    QPalette.ColorRole.ButtonText: "#f0f0f0", QPalette.ColorRole.Highlight: "#3d7fc9",
    QPalette.ColorRole.HighlightedText: "#ffffff", QPalette.ColorRole.Link: "#8ab4f8",
    QPalette.ColorRole.LinkVisited: "#c58af9", QPalette.ColorRole.Light: "#505050",
    QPalette.ColorRole.Midlight: "#444444", QPalette.ColorRole.Mid: "#5a5a5a",
    QPalette.ColorRole.Dark: "#1a1a1a", QPalette.ColorRole.Shadow: "#000000",
    QPalette.ColorRole.ToolTipBase: "#3a3a3a", QPalette.ColorRole.ToolTipText: "#f0f0f0",
    QPalette.ColorRole.PlaceholderText: "#a0a0a0", QPalette.ColorRole.BrightText: "#ffffff",
}


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in DARK.items():
        palette.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#8a8a8a"))
    return palette


# --- the installation --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Clinic:
    """The installation, its users, and clients in the states the dialogs need."""

    data_dir: Path
    ws: Workspace
    actors: dict[str, Actor]
    #: in care, with an active care plan and no draft (review, signature, consents)
    plan_client: int
    #: in care, with a draft plan that has goals (goal dialog, review date field)
    draft_client: int
    #: discharged, with a check-up still due (attempt and outcome dialogs)
    due_client: int


def _plan(ws: Workspace, admin: Actor, client_id: int, episode_id: int, activate: bool) -> None:
    """Give a factory client consents (one withdrawn), a child with a safeguarding concern and a
    plan with two goals (activated or a draft): every coloured cell of the record shows."""
    with ws.unit_of_work() as uow:
        consents.record_consent(uow, admin, client_id, "treatment", date.today() - timedelta(days=50), "")
        shared = consents.record_consent(uow, admin, client_id, "share_family", date.today() - timedelta(days=50))
        consents.withdraw_consent(uow, admin, shared.id, date.today() - timedelta(days=10))
        family.add_member(uow, admin, client_id, "child", "Martina", birth_year=2016, lives_with_client=True,
                          carer="client", school="CEIP Los Olivos", needs="Speech therapy twice a week.",
                          safeguarding_concern=True)
        plan = care_plans.create_draft(uow, admin, episode_id)
        care_plans.add_goal(uow, admin, plan.id, "housing", "Keep the tenancy of the flat on Calle Olmo",
                            "Rent paid on the 1st by standing order", "the client", None, "in_progress")
        care_plans.add_goal(uow, admin, plan.id, "employment_income", "Find part-time work in catering",
                            "Two applications a week with the job coach", "the job coach", None, "not_started")
        care_plans.set_review_date(uow, admin, plan.id, date.today() + timedelta(days=40))
        if activate:
            care_plans.activate_plan(uow, admin, plan.id)
        uow.commit()


def _checkups_waiting(checkups: tuple[followups.CheckupInfo, ...]) -> tuple[bool, bool]:
    """(any check-up still due, any of them overdue)."""
    due = [c for c in checkups if c.status == DUE]
    return bool(due), any(c.is_overdue(date.today()) for c in due)


@pytest.fixture(scope="module")
def clinic(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Clinic]:
    data_dir = tmp_path_factory.mktemp("accessibility") / "data"
    ws, admin, _code = workspace.create_installation(data_dir, ORG_NAME, ADMIN_NAME, ADMIN_PASSWORD)
    demo.populate(ws, admin, clients=DEMO_CLIENTS, seed=3)
    with ws.unit_of_work() as uow:
        accounts.add_user(uow, admin, STATS_NAME, STATISTICS, STATS_PASSWORD)
        users = {u.name: u for u in accounts.list_users(uow, admin)}
        uow.commit()
    lucia, stats = users["lucia"], users[STATS_NAME]
    made = {}
    for key, (given, family_name), active in (("plan", ("Rocío", "Navarro Gil"), True),
                                              ("draft", ("Íñigo", "Salas Prieto"), False)):
        made[key] = make_client(ws, counsellor_id=lucia.id, given_names=given, family_name=family_name, intake=True)
        _plan(ws, admin, made[key].client_id, made[key].episode_id, active)
    with ws.unit_of_work() as uow:  # a client with a check-up due, overdue if there is one
        due = max(search.list_clients(uow, admin, status="discharged"),
                  key=lambda s: _checkups_waiting(followups.list_checkups(uow, admin, s.id))).id
        uow.commit()
    yield Clinic(data_dir, ws, {ADMINISTRATOR: admin, COUNSELLOR: Actor(lucia.id, lucia.name, lucia.role),
                                STATISTICS: Actor(stats.id, stats.name, stats.role)},
                 made["plan"].client_id, made["draft"].client_id, due)
    ws.close()


@pytest.fixture(params=LANGUAGES)
def lang(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    """The window's language for the test: English, then Spanish (English again afterwards)."""
    before, installed = QLocale(), installed_language()
    install_translations(qapp, request.param)
    yield request.param
    install_translations(qapp, installed.setting if installed is not None else "en")
    QLocale.setDefault(before)


def open_window(qtbot: QtBot, clinic: Clinic, runner: TaskRunner, role: str) -> MainWindow:
    window = MainWindow(Session(clinic.ws, clinic.actors[role], runner))
    window.resize(*WINDOW_SIZE)
    window.show()
    qtbot.waitExposed(window)
    activate(qtbot, window)
    assert runner.wait_idle()
    return window


@pytest.fixture
def windows(qtbot: QtBot, clinic: Clinic, runner: TaskRunner) -> Iterator[Callable[[str], MainWindow]]:
    """Open a main window for a role (closed after the test)."""
    opened: list[MainWindow] = []

    def make(role: str) -> MainWindow:
        opened.append(open_window(qtbot, clinic, runner, role))
        return opened[-1]

    yield make
    for window in opened:
        window.close()
    runner.wait_idle()


def activate(qtbot: QtBot, window: QWidget) -> None:
    window.raise_()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5_000)


def idle(session: Session) -> None:
    """Wait for the database work queued, then for the layouts and paints it caused."""
    assert session.runner.wait_idle()
    for _ in range(3):
        QApplication.sendPostedEvents()
        QApplication.processEvents()


def shown(kind: type[D]) -> D:
    """The newest visible top-level window of ``kind``."""
    found = [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]
    assert found, f"no {kind.__name__} is open"
    return found[-1]


def show_client(window: MainWindow, client_id: int, tab_key: str) -> RecordTab:
    """Open ``client_id`` on the Clients screen at ``tab_key``; return that tab once loaded."""
    window.open_client(client_id, tab_key)
    idle(window.session)
    screen = window.open_screen(CLIENTS)
    assert isinstance(screen, ClientsScreen)
    tab = screen.record.tab(tab_key)
    assert tab is not None and screen.record.tabs.currentWidget() is tab
    return tab


# --- what a keyboard user meets: names, the Tab order, the focus frame ----------------------------------------
def describe(widget: QWidget) -> str:
    text = widget.text() if isinstance(widget, (QAbstractButton, QLabel)) else ""
    name = widget.accessibleName() or text or widget.objectName()
    return f"{type(widget).__name__} {name!r}"


def takes_tab(widget: QWidget, window: QWidget) -> bool:
    """A widget Tab should stop at: shown, enabled, accepts Tab focus, and not standing in for another."""
    return (widget.isVisible() and widget.isEnabled() and widget.window() is window and widget.focusProxy() is None
            and bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus))


def focus_frame_pixels(widget: QWidget) -> int:
    """How many pixels of the focus colour are in the band along ``widget``'s edges, as the window shows it."""
    window = widget.window()
    rect = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size()).adjusted(-3, -3, 3, 3).intersected(window.rect())
    image = window.grab(rect).toImage().convertToFormat(QImage.Format.Format_RGB32)
    width, height = image.width(), image.height()
    band = 7
    points = {(x, y) for x in range(width) for y in (*range(min(band, height)), *range(max(0, height - band), height))}
    points |= {(x, y) for y in range(height) for x in (*range(min(band, width)), *range(max(0, width - band), width))}
    count = 0
    for x, y in points:
        colour = QColor(image.pixel(x, y))
        distance = (abs(colour.red() - FOCUS.red()) + abs(colour.green() - FOCUS.green())
                    + abs(colour.blue() - FOCUS.blue()))
        count += distance <= FOCUS_TOLERANCE
    return count


def tab_through(window: QWidget, start: QWidget) -> tuple[list[QWidget], list[str]]:
    """Put the focus on ``start`` and press Tab until the focus comes round again.

    Returns the widgets visited and the problems met: a widget that keeps Tab for itself,
    and a widget that shows no focus frame while it has the focus."""
    start.setFocus(Qt.FocusReason.TabFocusReason)
    QApplication.processEvents()
    current = QApplication.focusWidget()
    assert current is not None, f"{describe(start)} did not take the focus"
    visited: list[QWidget] = []
    problems: list[str] = []
    for _ in range(500):
        visited.append(current)
        if focus_frame_pixels(current) < 2 * min(current.width(), current.height()):
            problems.append(f"{describe(current)} shows no focus frame when it has the focus")
        for _press in range(TAB_PRESSES_INSIDE):  # a date edit's Tab first goes through its sections
            QTest.keyClick(current, Qt.Key.Key_Tab)
            QApplication.processEvents()
            following = QApplication.focusWidget()
            if following is not current:
                break
        else:
            problems.append(f"{describe(current)} keeps Tab for itself: the focus cannot leave it")
            break
        if following is None or following in visited:
            break
        current = following
    return visited, problems


def mnemonic_clashes(window: QWidget) -> list[str]:
    """Alt+letters that reach two things in ``window`` as shown, one of them a menu or a button.

    Qt gives an ambiguous Alt+letter only the focus, in turn: two labels sharing a letter still
    take the user to their fields (pressing again goes on to the next), but a menu does not
    open and a button is not pressed."""
    found: dict[str, list[tuple[str, bool]]] = {}

    def add(text: str, what: str, acts: bool) -> None:
        key = QKeySequence.mnemonic(text).toString()
        if key:
            found.setdefault(key, []).append((what, acts))

    if isinstance(window, QMainWindow):
        for action in window.menuBar().actions():
            add(action.text(), f"the {action.text().replace('&', '')} menu", True)
    for widget in window.findChildren(QWidget):
        if widget.isVisible() and isinstance(widget, QAbstractButton):
            add(widget.text(), describe(widget), True)
        elif widget.isVisible() and isinstance(widget, QLabel) and widget.buddy() is not None:
            add(widget.text(), describe(widget), False)
    return [f"{key} is both {' and '.join(what for what, _acts in uses)}"
            for key, uses in found.items() if len(uses) > 1 and any(acts for _what, acts in uses)]


def keyboard_problems(window: QWidget, root: QWidget, start: QWidget, where: str) -> list[str]:
    """Unnamed inputs under ``root``, Alt+letter clashes, clipped texts, and what Tab from ``start`` misses or
    gets wrong."""
    problems = mnemonic_clashes(window) + clipped_text(window)
    visited, walk_problems = tab_through(window, start)
    problems += walk_problems
    reached = set(map(id, visited))
    problems += [f"{describe(w)} cannot be reached with Tab"
                 for w in (root, *root.findChildren(QWidget)) if takes_tab(w, window) and id(w) not in reached]
    return [f"{where}: {p}" for p in unlabelled_inputs(root) + problems]


def reveal(widget: QWidget) -> None:
    """Bring the stacked pages (tabs, screens) that hold ``widget`` to the front."""
    child, parent = widget, widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QStackedWidget):
            parent.setCurrentWidget(child)
        child, parent = parent, parent.parentWidget()


def every_tab_page(window: MainWindow, root: QWidget, where: str) -> list[str]:
    """:func:`keyboard_problems` for ``root`` as it is and for every page of every tab widget in it."""
    problems = keyboard_problems(window, root, window.navigation, where)
    for tabs in root.findChildren(QTabWidget):
        for index in range(tabs.count()):
            reveal(tabs)
            tabs.setCurrentIndex(index)
            idle(window.session)
            page = f"{where} › {tabs.tabText(index).replace('&', '')}"
            problems += keyboard_problems(window, root, window.navigation, page)
    return problems


# --- screens ---------------------------------------------------------------------------------------------
def test_every_screen_is_seen_by_a_role_tested() -> None:
    assert all(any(screen.allows(role) for role in ROLES) for screen in default_screens())


@pytest.mark.parametrize("role", ROLES)
def test_every_screen_and_record_tab_has_named_inputs_and_a_complete_tab_order(
        lang: str, windows: Callable[[str], MainWindow], clinic: Clinic, role: str) -> None:
    window = windows(role)
    problems: list[str] = []
    for screen in default_screens():
        if not screen.allows(role):
            continue
        page = window.open_screen(screen.title)
        idle(window.session)
        where = f"{role} › {screen.title}"
        if not isinstance(page, ClientsScreen):
            problems += every_tab_page(window, page, where)
            continue
        problems += keyboard_problems(window, page, window.navigation, where)  # no client open yet
        clients = (clinic.plan_client, clinic.draft_client, clinic.due_client)
        for client_id in clients if role == ADMINISTRATOR else clients[:1]:  # a record in each state
            show_client(window, client_id, OverviewTab.key)
            problems += every_tab_page(window, page.record, f"{where} › client {client_id}")
    if window.width() > WINDOW_SIZE[0]:  # a screen's minimum width pushed the window wider than asked
        problems.append(f"{role}: the window grew to {window.width()} px wide (asked for {WINDOW_SIZE[0]} px)")
    assert not problems, "\n".join(problems)


def test_main_navigation_has_a_shortcut_per_screen(windows: Callable[[str], MainWindow]) -> None:
    window = windows(ADMINISTRATOR)
    for number, title in reversed(list(enumerate(window.screen_titles(), start=1))):
        QTest.keyClick(window.navigation, Qt.Key(Qt.Key.Key_0.value + number), Qt.KeyboardModifier.ControlModifier)
        idle(window.session)
        assert window.navigation.currentRow() == number - 1, f"Ctrl+{number} does not open {title}"
        assert f"Ctrl+{number}" in window.navigation.item(number - 1).toolTip()


# --- dialogs ---------------------------------------------------------------------------------------------------
@dataclass
class Opened:
    """What an opener gets: the test's main window and the installation."""

    qtbot: QtBot
    clinic: Clinic
    window: MainWindow
    tmp_path: Path

    #: what to undo after the test (e.g. close a workspace a wizard opened)
    cleanups: list[Callable[[], object]] = field(default_factory=list)

    @property
    def session(self) -> Session:
        return self.window.session

    def screen(self, title: str) -> QWidget:
        page = self.window.open_screen(title)
        idle(self.session)
        return page

    def tab(self, client_id: int, kind: type[R]) -> R:
        tab = show_client(self.window, client_id, kind.key)
        assert isinstance(tab, kind)
        return tab

    def after(self, action: Callable[[], object], kind: type[D]) -> D:
        """Run ``action`` (a click, a menu action) and return the dialog of ``kind`` it opened."""
        action()
        idle(self.session)
        return shown(kind)

    def alone(self, dialog: D) -> D:
        """A dialog made here (not by the window): shown, and closed after the test."""
        self.qtbot.addWidget(dialog)
        dialog.show()
        idle(self.session)
        return dialog


R = TypeVar("R", bound=RecordTab)
#: brings a dialog to its next state worth checking (a wizard's next page…); False when there is none
Forward = Callable[[QDialog, Opened], bool]


def no_further_state(_dialog: QDialog, _opened: Opened) -> bool:
    return False


@dataclass(frozen=True)
class DialogSpec:
    """How to open a dialog class, how to go through its states, and what it promises."""

    open: Callable[[Opened], QDialog]
    forward: Forward = no_further_state
    role: str = ADMINISTRATOR
    #: None: Enter presses a default button; else why it must not
    no_default: str | None = None
    #: None: Escape closes it; else why it must not
    no_escape: str | None = None


def _accounts(o: Opened, user: str, button: str, kind: type[D]) -> D:
    page = o.screen("Administration")
    assert isinstance(page, AdministrationPage)
    page.accounts.table.selectRow(page.accounts.model.row_of(user))
    return o.after(getattr(page.accounts, button).click, kind)


def _consent_to_withdraw(o: Opened) -> WithdrawConsentDialog:
    box = o.tab(o.clinic.plan_client, OverviewTab).consents
    box.table.selectRow(next(r for r in range(box.model.rowCount()) if box.model.consent(r).withdrawn_on is None))
    dialog = box.open_withdraw_dialog()
    assert dialog is not None
    return dialog


def _due_checkup(o: Opened, open_dialog: str) -> QDialog:
    tab = o.tab(o.clinic.due_client, FollowupTab)
    row = next(r for r in range(tab.checkups_model.rowCount()) if tab.checkups_model.checkup(r).status == DUE)
    tab.checkups.selectRow(row)
    dialog = getattr(tab, open_dialog)()
    assert dialog is not None
    return dialog


def _first_goal(o: Opened) -> GoalDialog:
    tab = o.tab(o.clinic.draft_client, CarePlanTab)
    assert tab.plan is not None
    tab.select_goal(tab.plan.goals[0].id)
    dialog = tab.edit_goal()
    assert dialog is not None
    return dialog


def _member(o: Opened) -> MemberDialog:
    tab = o.tab(o.clinic.plan_client, FamilyTab)
    tab.members.selectRow(0)
    dialog = tab.edit_member()
    assert dialog is not None
    return dialog


def _with_barc10(dialog: QDialog, _o: Opened) -> bool:
    """Tick "The client answered the BARC-10", which shows its ten questions."""
    box = dialog.take_barc10
    if box.isChecked():
        return False
    box.setChecked(True)
    return True


def _restore_wizard(o: Opened) -> RestoreWizard:
    wizard = o.alone(RestoreWizard(o.tmp_path / "new-computer", o.session.runner))
    usb = o.tmp_path / "usb"
    usb.mkdir()
    entry = archive.backup_database(o.clinic.ws.paths, o.clinic.ws.data_key, usb, kind=MANUAL)
    wizard.choose_page.set_archive(entry.path)
    idle(o.session)
    return wizard


def fill_setup_page(wizard: SetupWizard) -> None:
    """Answer what the setup wizard's current page needs before it lets the user go on."""
    page = wizard.currentPage()
    if page is wizard.organisation_page:
        page.name.setText("Asociación Renacer")
    elif page is wizard.administrator_page:
        for edit, text in ((page.user_name, "ana"), (page.full_name, "Ana Torres"),
                           (page.passwords.password, "Harbour-lights-2026"),
                           (page.passwords.confirm, "Harbour-lights-2026")):
            edit.setText(text)
    elif page is wizard.recovery_page:
        page.kept.setChecked(True)
    elif page is wizard.backup_page:
        page.later.setChecked(True)


def _setup_wizard(o: Opened) -> SetupWizard:
    wizard = o.alone(SetupWizard(o.tmp_path / "new", o.session.runner))
    o.cleanups.append(lambda: wizard.workspace.close() if wizard.workspace is not None else None)
    return wizard


def _wizard_forward(wizard: QDialog, o: Opened) -> bool:
    """Go to the wizard's next page the way the user would (answering what the page needs)."""
    assert isinstance(wizard, QWizard)
    if isinstance(wizard, SetupWizard):
        fill_setup_page(wizard)
    forward = next((b for b in (wizard.button(QWizard.WizardButton.CommitButton),
                                wizard.button(QWizard.WizardButton.NextButton)) if b.isVisible()), None)
    if forward is None or wizard.currentPage() is getattr(wizard, "credentials_page", None):
        return False  # the last page, or (restore) a page whose button would restore over the records
    page_id = wizard.currentId()
    forward.click()
    o.qtbot.waitUntil(lambda: wizard.currentId() != page_id, timeout=20_000)
    idle(o.session)
    return True


NO_DEFAULT_INTAKE = "Enter in a field must not save a half-typed intake; Ctrl+S and Save do"
DIALOGS: dict[type[QDialog], DialogSpec] = {
    AddAccountDialog: DialogSpec(lambda o: o.screen("Administration").accounts.add_account()),
    SetPasswordDialog: DialogSpec(lambda o: _accounts(o, "lucia", "reset_button", SetPasswordDialog)),
    ChangeRoleDialog: DialogSpec(lambda o: _accounts(o, "lucia", "role_button", ChangeRoleDialog)),
    ChangeOwnPasswordDialog: DialogSpec(lambda o: o.after(o.window.password_action.trigger, ChangeOwnPasswordDialog),
                                        role=COUNSELLOR),
    SignInDialog: DialogSpec(lambda o: o.alone(SignInDialog(o.clinic.data_dir, o.session.runner))),
    RecoveryDialog: DialogSpec(lambda o: o.alone(SignInDialog(o.clinic.data_dir, o.session.runner)).open_recovery()),
    SetupWizard: DialogSpec(_setup_wizard, _wizard_forward,
                            no_escape="once the installation exists, the wizard only closes with Finish"),
    RestoreWizard: DialogSpec(_restore_wizard, _wizard_forward),
    StartupProblemDialog: DialogSpec(lambda o: o.alone(StartupProblemDialog(
        open_failure_report(o.clinic.data_dir, "The database file could not be read."), o.window, can_continue=True))),
    BusyDialog: DialogSpec(lambda o: o.alone(BusyDialog("Making a backup before Continuum closes…", "Backing up",
                                                        o.window)),
                           no_escape="the work it waits for cannot be cancelled"),
    PrintPreview: DialogSpec(lambda o: o.after(o.window.blank_form_actions[0].trigger, PrintPreview)),
    LanguageDialog: DialogSpec(lambda o: open_language_dialog(o.window)),
    UserGuideWindow: DialogSpec(lambda o: o.window.help.open_guide()),
    DataFoldersWindow: DialogSpec(lambda o: o.after(o.window.help.open_data_folders, DataFoldersWindow)),
    BackupHowToWindow: DialogSpec(lambda o: o.window.help.open_backup_help()),
    MovingHowToWindow: DialogSpec(lambda o: o.window.help.open_moving_help()),
    NewIntakeDialog: DialogSpec(lambda o: o.after(o.screen(CLIENTS).new_button.click, NewIntakeDialog),
                                role=COUNSELLOR, no_default=NO_DEFAULT_INTAKE),
    EditDetailsDialog: DialogSpec(lambda o: o.after(o.tab(o.clinic.plan_client, OverviewTab).edit_details,
                                                    EditDetailsDialog), no_default=NO_DEFAULT_INTAKE),
    RecordConsentDialog: DialogSpec(lambda o: o.tab(o.clinic.plan_client, OverviewTab).consents.open_record_dialog()),
    WithdrawConsentDialog: DialogSpec(_consent_to_withdraw),
    MemberDialog: DialogSpec(_member, role=COUNSELLOR),
    NoteDialog: DialogSpec(lambda o: o.tab(o.clinic.plan_client, FamilyTab).open_note_dialog(), role=COUNSELLOR),
    AttemptDialog: DialogSpec(lambda o: _due_checkup(o, "open_attempt_dialog")),
    OutcomeDialog: DialogSpec(lambda o: _due_checkup(o, "open_outcome_dialog"), _with_barc10),
    GoalDialog: DialogSpec(_first_goal, role=COUNSELLOR),
    ClientSignatureDialog: DialogSpec(lambda o: o.after(o.tab(o.clinic.plan_client, CarePlanTab).signature_button.click,
                                                        ClientSignatureDialog)),
    ReviewDialog: DialogSpec(lambda o: o.tab(o.clinic.plan_client, CarePlanTab).open_review(), _with_barc10),
}
#: classes that are only ever shown through a subclass
BASE_DIALOGS = {FormDialog, FormSetDialog, HelpWindow, TextHelpWindow}


def dialog_classes_in_ui() -> set[type[QDialog]]:
    found: set[type[QDialog]] = set()
    for module in pkgutil.walk_packages(ui.__path__, "ui."):
        for _name, cls in inspect.getmembers(importlib.import_module(module.name), inspect.isclass):
            if issubclass(cls, QDialog) and cls.__module__.startswith("ui."):
                found.add(cls)
    return found


def test_every_dialog_class_in_ui_is_registered() -> None:
    missing = dialog_classes_in_ui() - DIALOGS.keys() - BASE_DIALOGS
    assert not missing, ("add these dialogs to DIALOGS in tests/test_accessibility.py (how to open them): "
                         + ", ".join(sorted(f"{c.__module__}.{c.__name__}" for c in missing)))


def default_button_problems(dialog: QDialog, spec: DialogSpec) -> list[str]:
    if spec.no_default is not None or isinstance(dialog, QWizard):
        return []  # a wizard makes Next / Finish its default button itself
    submits = [b for box in dialog.findChildren(QDialogButtonBox) for b in box.buttons()
               if box.buttonRole(b) in (QDialogButtonBox.ButtonRole.AcceptRole, QDialogButtonBox.ButtonRole.YesRole)]
    if submits and not any(isinstance(b, QPushButton) and b.isDefault() for b in submits):
        return [f"no default button: Enter does not press {describe(submits[0])}"]
    return []


@pytest.mark.parametrize("cls", sorted(DIALOGS, key=lambda c: c.__name__), ids=lambda c: c.__name__)
def test_every_dialog_has_named_inputs_a_complete_tab_order_enter_and_escape(
        lang: str, qtbot: QtBot, windows: Callable[[str], MainWindow], clinic: Clinic, tmp_path: Path,
        cls: type[QDialog]) -> None:
    spec = DIALOGS[cls]
    opened = Opened(qtbot, clinic, windows(spec.role), tmp_path)
    dialog = spec.open(opened)
    assert type(dialog) is cls
    problems: list[str] = []
    state = 1
    while True:
        activate(qtbot, dialog)
        start = dialog.focusWidget() or next((w for w in dialog.findChildren(QWidget) if takes_tab(w, dialog)), None)
        where = f"{cls.__name__} ({state})"
        problems += (keyboard_problems(dialog, dialog, start, where) if start is not None
                     else [f"{where}: {p}" for p in unlabelled_inputs(dialog)])
        save_screenshot(dialog, f"accessibility-{cls.__name__}-{state}")
        if not spec.forward(dialog, opened):
            break
        state += 1
    problems += default_button_problems(dialog, spec)
    for cleanup in opened.cleanups:
        cleanup()
    assert not problems, "\n".join(problems)
    if spec.no_escape is None:
        QTest.keyClick(QApplication.focusWidget() or dialog, Qt.Key.Key_Escape)
        QApplication.processEvents()
        assert not shiboken6.isValid(dialog) or not dialog.isVisible(), f"Escape does not close {cls.__name__}"


# --- keyboard only ---------------------------------------------------------------------------------------------
def press(widget: QWidget | None, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    assert widget is not None
    QTest.keyClick(widget, key, modifier)
    QApplication.processEvents()


def tab_until(session: Session, wanted: Callable[[QWidget | None], bool], limit: int = 40) -> QWidget:
    """Press Tab until the focused widget is the one wanted."""
    for _ in range(limit):
        focused = QApplication.focusWidget()
        if wanted(focused):
            assert focused is not None
            return focused
        press(focused, Qt.Key.Key_Tab)
        idle(session)
    raise AssertionError("Tab never reached the widget wanted")


def find_a_client_and_read_the_record(window: MainWindow, clinic: Clinic) -> None:
    """Ctrl+2 and Ctrl+1 between screens, Ctrl+F, type a name, Tab to the list, Enter, every tab of the record."""
    session = window.session
    idle(session)

    assert window.screen_titles()[:2] == [TODAY, CLIENTS]
    press(QApplication.focusWidget(), Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    screen = window.stack.currentWidget()
    assert isinstance(screen, ClientsScreen)
    press(QApplication.focusWidget(), Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is not screen
    press(QApplication.focusWidget(), Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)  # Find a client
    assert window.stack.currentWidget() is screen and QApplication.focusWidget() is screen.filters.search
    QTest.keyClicks(screen.filters.search, "Navarro")
    press(screen.filters.search, Qt.Key.Key_Return)
    idle(session)
    assert screen.total() == 1
    table = tab_until(session, lambda w: w is screen.table)
    press(table, Qt.Key.Key_Down)
    press(table, Qt.Key.Key_Return)
    idle(session)
    assert screen.record.client_id == clinic.plan_client and "Navarro Gil" in screen.record.header.text()

    tab_bar = tab_until(session, lambda w: w is screen.record.tabs.tabBar())
    titles = [screen.record.tabs.tabText(screen.record.tabs.currentIndex())]
    for _ in range(screen.record.tabs.count() - 1):
        press(tab_bar, Qt.Key.Key_Right)
        idle(session)
        titles.append(screen.record.tabs.tabText(screen.record.tabs.currentIndex()))
    assert titles == [screen.record.tabs.tabText(i) for i in range(screen.record.tabs.count())]
    press(tab_bar, Qt.Key.Key_Left)
    idle(session)
    inside = tab_until(session, lambda w: w is not None and screen.record.tabs.currentWidget().isAncestorOf(w))
    save_screenshot(window, "accessibility-keyboard-flow")
    press(inside, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)  # from inside a tab: the next tab
    assert screen.record.tabs.currentIndex() == screen.record.tabs.count() - 1


def test_one_whole_flow_with_the_keyboard_only(qtbot: QtBot, clinic: Clinic, runner: TaskRunner) -> None:
    """Sign in, look at Today, find a client, open the record, go through every tab, quit: keys only."""
    launcher = ui_app.Launcher(clinic.data_dir, runner)
    launcher.start()
    dialog = launcher.window
    assert isinstance(dialog, SignInDialog)
    qtbot.addWidget(dialog)
    activate(qtbot, dialog)
    QTest.keyClicks(QApplication.focusWidget(), "lucia")
    press(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert QApplication.focusWidget() is dialog.password
    QTest.keyClicks(dialog.password, demo.DEMO_PASSWORD)
    press(dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(launcher.window, MainWindow), timeout=20_000)
    window = launcher.window
    assert isinstance(window, MainWindow)
    window.resize(*WINDOW_SIZE)
    activate(qtbot, window)
    try:
        find_a_client_and_read_the_record(window, clinic)
        press(QApplication.focusWidget(), Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)  # the File menu, then Quit
        menu = QApplication.activePopupWidget()
        assert menu is not None
        press(menu, Qt.Key.Key_Q)
        qtbot.waitUntil(lambda: not window.isVisible(), timeout=10_000)
    finally:
        window.close()  # (if the flow stopped half-way) before the runner stops
        assert runner.wait_idle()


# --- visible focus ---------------------------------------------------------------------------------------------
def style_rules(text: str) -> list[tuple[list[str], dict[str, str]]]:
    """The rules of a style sheet: (selectors, {property: value}), in order."""
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.DOTALL)
    rules = []
    for selectors, body in re.findall(r"([^{}]+)\{([^}]*)\}", text):
        declarations = {}
        for declaration in body.split(";"):
            if ":" in declaration:
                name, value = declaration.split(":", 1)
                declarations[name.strip().lower()] = value.strip()
        rules.append(([s.strip() for s in selectors.split(",") if s.strip()], declarations))
    return rules


def merged_rules(sheet: str) -> dict[str, dict[str, str]]:
    """Each selector's declarations, from every rule that names it (later ones win)."""
    merged: dict[str, dict[str, str]] = {}
    for selectors, declarations in style_rules(sheet):
        for selector in selectors:
            merged.setdefault(selector, {}).update(declarations)
    return merged


def plainer(selector: str) -> str | None:
    """The selector without its last pseudo-state (``QPushButton:focus`` → ``QPushButton``)."""
    stripped = re.sub(r":!?[a-z-]+$", "", selector)
    return stripped if stripped != selector else None


def effective(merged: dict[str, dict[str, str]], selector: str) -> dict[str, str]:
    """What applies to ``selector``: its plainer selectors' declarations, overridden by its own."""
    chain = [selector]
    while (parent := plainer(chain[-1])) is not None:
        chain.append(parent)
    values: dict[str, str] = {}
    for name in reversed(chain):
        values.update(merged.get(name, {}))
    return values


def border_of(declarations: dict[str, str]) -> tuple[float, str] | None:
    """(width in px, colour) of the border on every side, if the declarations set one."""
    value = declarations.get("border", "")
    width = re.search(r"(\d+(?:\.\d+)?)px", value)
    colour = declarations.get("border-color") or next(iter(re.findall(
        r"#[0-9a-fA-F]{3,6}|palette\([a-z-]+\)|transparent", value)), None)
    if not width or colour is None:
        return None
    return float(width.group(1)), colour


FOCUSABLE = ("QLineEdit", "QComboBox", "QAbstractSpinBox", "QPlainTextEdit", "QTextEdit", "QPushButton", "QToolButton",
             "QCheckBox", "QRadioButton", "QAbstractItemView", "QTabBar::tab", "QListWidget#navigation", "QScrollArea",
             "QGraphicsView", "QPdfView", "QLabel", "QLabel#recoveryCode")


def test_style_sheet_frames_whatever_has_the_focus() -> None:
    rules = merged_rules(STYLE_SHEET.read_text("utf-8"))
    for kind in FOCUSABLE:
        assert f"{kind}:focus" in rules, f"the style sheet gives {kind} no focus frame"
        border = border_of(effective(rules, f"{kind}:focus"))
        assert border is not None and border[0] >= 2 and QColor(border[1]) == FOCUS, \
            f"{kind}'s focus frame is {border}, not 2px {FOCUS.name()}"


def test_focus_frame_shows_on_a_focused_field(windows: Callable[[str], MainWindow], clinic: Clinic) -> None:
    window = windows(COUNSELLOR)
    tab = show_client(window, clinic.draft_client, CarePlanTab.key)
    assert isinstance(tab, CarePlanTab)
    focus_frame_before = focus_frame_pixels(tab.review_date)
    tab.review_date.setFocus(Qt.FocusReason.TabFocusReason)
    QApplication.processEvents()
    assert focus_frame_before == 0 and focus_frame_pixels(tab.review_date) > 2 * tab.review_date.width()
    save_screenshot(window, "accessibility-focus")


# --- the system font size --------------------------------------------------------------------------------------
def test_no_fixed_font_size_in_the_style_sheets_or_the_code() -> None:
    for sheet in (STYLE_SHEET.read_text("utf-8"), BANNER_STYLE):
        for _selectors, declarations in style_rules(sheet):
            assert "font-size" not in declarations
            assert not re.search(r"\d+\s*(px|pt)", declarations.get("font", ""))
    problems = []
    for path in sorted(UI_ROOT.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            sizes = node.args if name in ("setPointSize", "setPointSizeF", "setPixelSize") else (
                node.args[1:2] if name == "QFont" else [])
            for size in sizes:
                relative = any(isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute)
                               and n.func.attr in ("pointSize", "pointSizeF", "pixelSize") for n in ast.walk(size))
                if not relative:
                    problems.append(f"{path.relative_to(UI_ROOT.parent)}:{node.lineno} sets a fixed font size")
    assert not problems, "\n".join(problems)


@pytest.fixture
def large_font(qapp: QApplication) -> Iterator[QFont]:
    """The application font at 16 pt, as a user who chose large text has it (restored afterwards)."""
    original = qapp.font()
    large = QFont(original)
    large.setPointSize(LARGE_FONT_POINTS)
    qapp.setFont(large)
    yield large
    qapp.setFont(original)


def clipped_text(window: QWidget) -> list[str]:
    """Labels and buttons whose text does not fit the room they were given."""
    problems = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or not isinstance(widget, (QLabel, QAbstractButton)) or not widget.text():
            continue
        if isinstance(widget, QToolButton) and widget.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly:
            continue  # its text is the tooltip
        if isinstance(widget, QLabel) and widget.wordWrap():
            needed = widget.heightForWidth(widget.width())
            if widget.height() + 1 < needed:
                problems.append(f"{describe(widget)}: {widget.height()}px high, needs {needed}px")
        elif widget.width() + 1 < widget.sizeHint().width() or widget.height() + 1 < widget.sizeHint().height():
            problems.append(f"{describe(widget)}: {widget.width()}×{widget.height()}px, needs "
                            f"{widget.sizeHint().width()}×{widget.sizeHint().height()}px")
    sized_by_code = (QHeaderView.ResizeMode.Interactive, QHeaderView.ResizeMode.Fixed)
    for header in window.findChildren(QHeaderView):  # columns whose width the code chose (not stretched)
        if header.isVisible() and header.orientation() == Qt.Orientation.Horizontal:
            view = header.parentWidget()
            problems += [f"{describe(view)}: the title {header.model().headerData(c, Qt.Orientation.Horizontal)!r} "
                         f"gets {header.sectionSize(c)}px, needs {header.sectionSizeHint(c)}px"
                         for c in range(header.count()) if not header.isSectionHidden(c)
                         and header.sectionResizeMode(c) in sized_by_code
                         and not (header.stretchLastSection() and c == header.count() - 1)
                         and header.sectionSize(c) + 1 < header.sectionSizeHint(c)]
    navigation = getattr(window, "navigation", None)
    if navigation is not None and (navigation.viewport().width() < navigation.sizeHintForColumn(0)
                                   or navigation.horizontalScrollBar().isVisible()):
        problems.append(f"the navigation is {navigation.viewport().width()}px wide, its items need "
                        f"{navigation.sizeHintForColumn(0)}px and its spacing")
    return problems


def test_key_windows_fit_their_text_at_a_large_system_font(
        lang: str, qtbot: QtBot, large_font: QFont, clinic: Clinic, runner: TaskRunner,
        windows: Callable[[str], MainWindow]) -> None:
    sign_in = SignInDialog(clinic.data_dir, runner)
    qtbot.addWidget(sign_in)
    sign_in.show()
    qtbot.waitExposed(sign_in)
    assert sign_in.font().pointSize() == LARGE_FONT_POINTS
    problems = [f"sign-in: {p}" for p in clipped_text(sign_in)]
    window = windows(ADMINISTRATOR)
    for title in window.screen_titles():
        window.open_screen(title)
        idle(window.session)
        problems += [f"{title}: {p}" for p in clipped_text(window)]
    for tab_key in ("care_plan", "followup", "overview"):
        show_client(window, clinic.plan_client, tab_key)
        problems += [f"{CLIENTS} › {tab_key}: {p}" for p in clipped_text(window)]
        save_screenshot(window, f"accessibility-large-font-{tab_key}")
    dialog = window.open_screen("Administration").accounts.add_account()
    idle(window.session)
    problems += [f"AddAccountDialog: {p}" for p in clipped_text(dialog)]
    save_screenshot(dialog, "accessibility-large-font-dialog")
    assert not problems, "\n".join(problems)


# --- contrast --------------------------------------------------------------------------------------------------
def luminance(colour: QColor) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(colour.red()) + 0.7152 * channel(colour.green()) + 0.0722 * channel(colour.blue())


def contrast(a: QColor, b: QColor) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def resolve(value: str, palette: QPalette) -> QColor | None:
    value = value.strip()
    role = re.fullmatch(r"palette\(([a-z-]+)\)", value)
    if role:
        name = "".join(part.title() for part in role.group(1).split("-"))
        return palette.color(getattr(QPalette.ColorRole, name))
    if value == "transparent" or not QColor.isValidColorName(value):
        return None
    return QColor(value)


def background_of(declarations: dict[str, str]) -> str:
    return declarations.get("background", declarations.get("background-color", ""))


INPUT_SELECTORS = ("QLineEdit", "QComboBox", "QAbstractSpinBox", "QPlainTextEdit", "QTextEdit", "QAbstractItemView")


def colour_problems(sheet: str, palette: QPalette, palette_name: str) -> list[str]:
    """Every text pair below 4.5:1 and every input border or focus frame below 3:1 in ``sheet``."""
    merged = merged_rules(sheet)
    problems = []
    for selector, own in merged.items():
        if ":disabled" in selector:
            continue  # WCAG leaves inactive controls out
        values = effective(merged, selector)
        on_base = selector.startswith(INPUT_SELECTORS)
        window = palette.color(QPalette.ColorRole.Window)
        default_bg = palette.color(QPalette.ColorRole.Base if on_base else QPalette.ColorRole.Window)
        if " " in selector:  # a descendant is drawn on its ancestor's background
            ancestor = effective(merged, selector.rsplit(" ", 1)[0])
            default_bg = resolve(background_of(ancestor), palette) or default_bg
        default_fg = palette.color(QPalette.ColorRole.Text if on_base else QPalette.ColorRole.WindowText)
        background = resolve(background_of(values), palette) or default_bg
        if "color" in own or "background" in own or "background-color" in own:
            text = resolve(values.get("color", ""), palette) or default_fg
            ratio = contrast(text, background)
            if ratio < 4.5:
                problems.append(f"{palette_name}: {selector}: text {text.name()} on {background.name()} "
                                f"is {ratio:.2f}:1")
        if "selection-color" in own:
            text, back = resolve(own["selection-color"], palette), resolve(own["selection-background-color"], palette)
            assert text is not None and back is not None
            if contrast(text, back) < 4.5:
                problems.append(f"{palette_name}: {selector}: selected text is {contrast(text, back):.2f}:1")
        border = border_of(values) if "border" in own or "border-color" in own else None
        if border is not None and (selector.startswith(INPUT_SELECTORS) or selector.endswith(":focus")):
            colour = resolve(border[1], palette)
            for behind in {window.name(): window, background.name(): background}.values():
                if colour is not None and contrast(colour, behind) < 3:
                    problems.append(f"{palette_name}: {selector}: border {colour.name()} on {behind.name()} is "
                                    f"{contrast(colour, behind):.2f}:1")
    return problems


def test_every_colour_pair_of_the_style_sheets_reaches_wcag_aa(qapp: QApplication) -> None:
    light = qapp.style().standardPalette()
    problems = []
    for sheet in (STYLE_SHEET.read_text("utf-8"), BANNER_STYLE):
        problems += colour_problems(sheet, light, "light") + colour_problems(sheet, dark_palette(), "dark")
    assert not problems, "\n".join(problems)


@pytest.fixture
def dark(qapp: QApplication) -> Iterator[QPalette]:
    """The application on a dark system palette (restored afterwards)."""
    original = qapp.palette()
    palette = dark_palette()
    qapp.setPalette(palette)
    yield palette
    qapp.setPalette(original)


def dark_on_dark(window: QWidget) -> list[str]:
    """Labels and buttons whose text, as drawn, hardly differs from what is behind it.

    The darkest and the lightest pixel of a text-only widget are its text and its
    background (antialiasing only narrows the gap), so their contrast is the text's."""
    problems = []
    for widget in window.findChildren(QWidget):
        if (not widget.isVisible() or not widget.isEnabled() or not isinstance(widget, (QLabel, QPushButton))
                or not widget.text().strip() or (isinstance(widget, QLabel) and widget.pixmap() is not None
                                                 and not widget.pixmap().isNull())):
            continue
        visible = widget.visibleRegion().boundingRect()  # not what a scroll area hides
        if visible.width() < 2 or visible.height() < 2:
            continue
        shown = visible.translated(widget.mapTo(window, QPoint(0, 0)))
        image = window.grab(shown).toImage().convertToFormat(QImage.Format.Format_RGB32)  # with what is behind it
        step = max(1, image.width() * image.height() // 20_000)
        colours = [QColor(image.pixel(x, y))
                   for y in range(0, image.height(), 2) for x in range(0, image.width(), step)]
        darkest, lightest = min(colours, key=luminance), max(colours, key=luminance)
        if contrast(darkest, lightest) < 3:
            problems.append(f"{describe(widget)}: {darkest.name()} on {lightest.name()}")
    return problems


def colour_of(value: object) -> QColor | None:
    """A model's ForegroundRole or BackgroundRole answer as a colour (None: the view's own)."""
    if isinstance(value, QBrush):
        return value.color()
    return value if isinstance(value, QColor) else None


def coloured_cells(window: QWidget, palette: QPalette) -> list[str]:
    """Table cells whose model gives a text or background colour that does not reach 4.5:1 with the other."""
    problems = []
    for view in window.findChildren(QTableView):
        model = view.model()
        if not view.isVisible() or model is None:
            continue
        for row in range(min(model.rowCount(), 60)):
            for column in range(model.columnCount()):
                index = model.index(row, column)
                text = colour_of(model.data(index, Qt.ItemDataRole.ForegroundRole))
                back = colour_of(model.data(index, Qt.ItemDataRole.BackgroundRole))
                if text is None and back is None:
                    continue
                text = text or palette.color(QPalette.ColorRole.Text)
                back = back or palette.color(QPalette.ColorRole.Base)
                if contrast(text, back) < 4.5:
                    problems.append(f"{describe(view)}: {model.data(index)!r} in {text.name()} on {back.name()}")
    return problems


def test_dark_system_palette_has_no_dark_on_dark_text(
        qtbot: QtBot, dark: QPalette, clinic: Clinic, runner: TaskRunner,
        windows: Callable[[str], MainWindow]) -> None:
    sign_in = SignInDialog(clinic.data_dir, runner)
    qtbot.addWidget(sign_in)
    sign_in.show()
    qtbot.waitExposed(sign_in)
    problems = [f"sign-in: {p}" for p in dark_on_dark(sign_in)]
    window = windows(ADMINISTRATOR)
    for title in window.screen_titles():
        window.open_screen(title)
        idle(window.session)
        problems += [f"{title}: {p}" for p in dark_on_dark(window) + coloured_cells(window, dark)]
    for client_id in (clinic.plan_client, clinic.draft_client, clinic.due_client):
        for tab_key in ("overview", "care_plan", "family", "followup"):
            show_client(window, client_id, tab_key)
            problems += [f"{CLIENTS} › {client_id} › {tab_key}: {p}"
                         for p in dark_on_dark(window) + coloured_cells(window, dark)]
    save_screenshot(window, "accessibility-dark")
    window.lock()
    problems += [f"lock: {p}" for p in dark_on_dark(window)]
    save_screenshot(window, "accessibility-dark-lock")
    assert not problems, "\n".join(problems)
