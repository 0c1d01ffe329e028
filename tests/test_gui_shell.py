"""The GUI shell, driven like a user would: setup wizard, sign-in, main window, accounts, idle lock.

Offscreen Qt (pytest-qt), QSettings redirected to the test's temporary folder.  Set
``CONTINUUM_SCREENSHOTS=/some/folder`` to keep a picture of every screen visited.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import shiboken6
from conftest import (
    ADMIN_NAME,
    ADMIN_PASSWORD,
    COUNSELLOR_PASSWORD,
    ORG_NAME,
    Installation,
)
from gui_helpers import message_boxes, save_screenshot, unlabelled_inputs
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QProgressDialog, QWizard
from pytestqt.qtbot import QtBot

from clinic_app import workspace
from clinic_app.config import DataPaths
from clinic_app.errors import SignInFailed, ValidationError
from clinic_app.services.auth import STATISTICS
from ui import app as ui_app
from ui.account_page import ChangeOwnPasswordDialog, MyAccountPage
from ui.admin.accounts import AddAccountDialog, ChangeRoleDialog, SetPasswordDialog
from ui.admin.page import AdministrationPage
from ui.forms import GENERAL
from ui.main_window import GEOMETRY_KEY, MainWindow
from ui.preferences import workstation_settings
from ui.language import LanguageDialog, install_translations
from ui.session import Session
from ui.setup_wizard import SetupWizard
from ui.sign_in import SignInDialog
from ui.tasks import TaskRunner, UnexpectedError

NEW_ADMIN_PASSWORD = "Harbour-lights-2026"


@pytest.fixture(scope="session", autouse=True)
def _configured_app(qapp: QApplication) -> None:
    # Once per process: GUI modules import this fixture, which makes it one fixture per module,
    # and setting the style sheet again re-polishes every widget still alive (about 25 s after
    # the accessibility walk).
    if not qapp.styleSheet():
        ui_app.configure_application(qapp)
        install_translations(qapp, "en")  # the tests read English texts, whatever this computer's language


@pytest.fixture(autouse=True)
def _gui_settings(tmp_path: Path) -> None:
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))


@pytest.fixture
def runner(qapp: QApplication) -> Iterator[TaskRunner]:
    r = TaskRunner()
    yield r
    for box in message_boxes():
        box.close()
    r.shutdown()


def open_window(qtbot: QtBot, session: Session) -> MainWindow:
    window = MainWindow(session)
    window.show()
    qtbot.waitExposed(window)
    assert session.runner.wait_idle()
    return window


@pytest.fixture
def admin_window(qtbot: QtBot, installation: Installation, runner: TaskRunner) -> Iterator[MainWindow]:
    window = open_window(qtbot, Session(installation.ws, installation.admin, runner))
    yield window
    window.close()
    runner.wait_idle()


def type_into(qtbot: QtBot, edit: QLineEdit, text: str, clear: bool = True) -> None:
    """Type ``text`` as key presses (QTest can only type ASCII: the rest is inserted)."""
    if clear:
        edit.clear()
    if text.isascii():
        qtbot.keyClicks(edit, text)
    else:
        edit.insert(text)


# --- task runner ---------------------------------------------------------------------------
def test_runner_serialises_database_work_on_one_thread_and_answers_on_the_gui_thread(runner: TaskRunner) -> None:
    db_threads: list[int] = []
    answers: list[tuple[int, int]] = []
    for i in range(5):
        runner.run_db(lambda i=i: (db_threads.append(threading.get_ident()), i)[1],
                      lambda value: answers.append((value, threading.get_ident())))
    io_result: list[str] = []
    runner.run_io(lambda: threading.current_thread().name, io_result.append)
    assert runner.wait_idle()
    assert [value for value, _ in answers] == [0, 1, 2, 3, 4]
    assert len(set(db_threads)) == 1 and db_threads[0] != threading.get_ident()
    assert {thread for _, thread in answers} == {threading.get_ident()}
    assert io_result and io_result[0] != threading.current_thread().name


def test_runner_routes_expected_and_unexpected_errors(runner: TaskRunner, caplog: pytest.LogCaptureFixture) -> None:
    errors: list[Exception] = []
    client_name = "-".join(["Maria", "Lopez"])

    def refuse() -> None:
        raise ValidationError({"name": "Enter a name."})

    def crash() -> None:
        raise KeyError(client_name)

    runner.run_db(refuse, None, errors.append)
    runner.run_db(crash, None, errors.append)
    with caplog.at_level(logging.ERROR, logger="ui.tasks"):
        assert runner.wait_idle()
    assert isinstance(errors[0], ValidationError)
    assert isinstance(errors[1], UnexpectedError)
    assert "Nothing was changed" in str(errors[1])
    assert "KeyError" in caplog.text and "Maria" not in caplog.text  # the type is logged, not the message
    assert [b.text() for b in message_boxes()] == [str(errors[1])]  # the generic dialog

    def fail_sign_in() -> None:
        raise SignInFailed()

    runner.run_db(fail_sign_in)  # no on_error: the default dialog
    assert runner.wait_idle()
    assert SignInFailed.MESSAGE in [b.text() for b in message_boxes()]


# --- setup wizard ----------------------------------------------------------------------------
def test_setup_wizard_end_to_end(qtbot: QtBot, runner: TaskRunner, tmp_path: Path) -> None:
    data_dir = tmp_path / "new-data"
    wizard = SetupWizard(data_dir, runner)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    save_screenshot(wizard, "wizard-1-welcome")
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    next_button.click()

    org = wizard.organisation_page
    assert wizard.currentPage() is org and not next_button.isEnabled()
    type_into(qtbot, org.name, "Casa Nueva Aftercare")
    assert next_button.isEnabled()
    save_screenshot(wizard, "wizard-2-organisation")
    next_button.click()
    assert wizard.currentPage() is wizard.recovery_explained_page  # read before choosing a password
    next_button.click()

    page = wizard.administrator_page
    assert wizard.currentPage() is page
    create = wizard.button(QWizard.WizardButton.CommitButton)
    type_into(qtbot, page.user_name, "ana")
    type_into(qtbot, page.full_name, "Ana Torres")
    type_into(qtbot, page.passwords.password, "short")
    assert "at least 10 characters" in page.form.hint_label("password").text()  # live feedback
    type_into(qtbot, page.passwords.password, NEW_ADMIN_PASSWORD)
    assert "meets the rules" in page.form.hint_label("password").text()
    type_into(qtbot, page.passwords.confirm, NEW_ADMIN_PASSWORD + "x")
    create.click()
    assert "not the same" in page.form.error_text("password_confirm")
    assert page.form.error_text("password") == ""
    assert not DataPaths(data_dir).is_initialised()
    save_screenshot(wizard, "wizard-3-administrator-error")

    type_into(qtbot, page.passwords.confirm, NEW_ADMIN_PASSWORD)
    type_into(qtbot, page.user_name, "a" * 101)  # the service refuses it: shown beside the field
    create.click()
    assert runner.wait_idle()
    assert "at most 100 characters" in page.form.error_text("admin")
    assert not DataPaths(data_dir).is_initialised()

    type_into(qtbot, page.user_name, "ana")
    create.click()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.recovery_page, timeout=20_000)
    assert DataPaths(data_dir).is_initialised()
    recovery = wizard.recovery_page
    code = recovery.code.text()
    assert len(code) == 34 and code.count("-") == 6
    assert recovery.code.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse
    assert not next_button.isEnabled()
    assert not wizard.button(QWizard.WizardButton.CancelButton).isVisible()
    wizard.reject()  # closing is refused once the installation exists
    assert wizard.isVisible()
    save_screenshot(wizard, "wizard-4-recovery-code")

    recovery.ask_printer()
    [print_dialog] = [w for w in QApplication.topLevelWidgets() if isinstance(w, QPrintDialog) and w.isVisible()]
    print_dialog.reject()
    sheet = tmp_path / "sheet.pdf"
    recovery.save_button.click()
    [save_dialog] = [w for w in QApplication.topLevelWidgets() if isinstance(w, QFileDialog) and w.isVisible()]
    save_dialog.selectFile(str(sheet))
    save_dialog.accept()
    assert runner.wait_idle()
    assert sheet.read_bytes().startswith(b"%PDF") and "saved as" in recovery.status.text()
    printed = tmp_path / "printed.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(printed))
    recovery.print_to(printer)
    assert runner.wait_idle()
    assert printed.stat().st_size > 10_000
    assert "sent to the printer" in recovery.status.text()

    recovery.kept.click()
    assert next_button.isEnabled()
    save_screenshot(wizard, "wizard-5-recovery-kept")
    next_button.click()
    next_button.click()
    wizard.backup_page.later.click()  # the backup steps: tests/test_gui_setup_wizard.py
    wizard.button(QWizard.WizardButton.CommitButton).click()
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert wizard.result() == QWizard.DialogCode.Accepted
    assert wizard.actor is not None and wizard.actor.name == "ana"
    ws = wizard.workspace
    assert ws is not None
    runner.run_db(ws.close)
    assert runner.wait_idle()

    ws2, actor = workspace.recover(data_dir, code, "ana", "Another-long-secret-7")
    try:
        assert actor.name == "ana" and ws2.organisation_name() == "Casa Nueva Aftercare"
    finally:
        ws2.close()


# --- launching and signing in -------------------------------------------------------------------
def test_launcher_opens_the_wizard_for_an_empty_folder(qtbot: QtBot, runner: TaskRunner, tmp_path: Path) -> None:
    launcher = ui_app.Launcher(tmp_path / "empty", runner)
    launcher.start()
    assert isinstance(launcher.window, SetupWizard)
    qtbot.addWidget(launcher.window)


def test_sign_in_wrong_then_right_opens_main_window(qtbot: QtBot, runner: TaskRunner, installation: Installation) -> None:
    launcher = ui_app.Launcher(installation.data_dir, runner)
    launcher.start()
    dialog = launcher.window
    assert isinstance(dialog, SignInDialog)
    qtbot.addWidget(dialog)
    assert unlabelled_inputs(dialog) == []
    assert ORG_NAME not in dialog.windowTitle()
    qtbot.keyClick(dialog.user_name, Qt.Key.Key_Return)  # nothing typed: asked for, no try counted
    assert "Enter your user name" in dialog.form.error_text("user_name")
    type_into(qtbot, dialog.user_name, ADMIN_NAME)
    qtbot.keyClick(dialog.user_name, Qt.Key.Key_Return)  # Enter after the name moves to the password
    assert runner.wait_idle()
    assert dialog.password.hasFocus() and dialog.form.error_text(GENERAL) == ""
    type_into(qtbot, dialog.password, "not-the-password")
    dialog.sign_in_button.click()
    assert runner.wait_idle()
    assert dialog.form.error_text(GENERAL) == SignInFailed.MESSAGE
    assert dialog.password.text() == "" and dialog.isVisible()
    save_screenshot(dialog, "sign-in-error")

    type_into(qtbot, dialog.password, ADMIN_PASSWORD)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(launcher.window, MainWindow), timeout=20_000)
    window = launcher.window
    assert isinstance(window, MainWindow)
    assert runner.wait_idle()
    assert ADMIN_NAME in window.status_text() and "Administrator" in window.status_text()
    assert ORG_NAME in window.status_text()
    window.close()
    assert runner.wait_idle()


def test_sign_in_window_offers_the_language_setting(qtbot: QtBot, runner: TaskRunner, installation: Installation) -> None:
    dialog = SignInDialog(installation.data_dir, runner)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.language.click()
    [chooser] = [w for w in QApplication.topLevelWidgets() if isinstance(w, LanguageDialog) and w.isVisible()]
    assert chooser.parent() is dialog and unlabelled_inputs(chooser) == []
    chooser.close()


def test_recovery_dialog_sets_a_new_password_and_signs_in(qtbot: QtBot, runner: TaskRunner,
                                                          installation: Installation) -> None:
    dialog = SignInDialog(installation.data_dir, runner)
    qtbot.addWidget(dialog)
    dialog.show()
    signed_in: list[object] = []
    dialog.signed_in.connect(lambda ws, actor: signed_in.append((ws, actor)))
    recovery = dialog.open_recovery()
    assert unlabelled_inputs(recovery) == []
    type_into(qtbot, recovery.code, installation.recovery_code.lower().replace("-", ""))
    type_into(qtbot, recovery.admin, "carmen")  # a counsellor: refused beside the field
    type_into(qtbot, recovery.passwords.password, NEW_ADMIN_PASSWORD)
    type_into(qtbot, recovery.passwords.confirm, NEW_ADMIN_PASSWORD)
    save_screenshot(recovery, "recovery-dialog")
    recovery.ok_button.click()
    assert runner.wait_idle()
    assert "no administrator account" in recovery.form.error_text("admin")
    type_into(qtbot, recovery.admin, ADMIN_NAME)
    recovery.ok_button.click()
    assert runner.wait_idle()
    assert len(signed_in) == 1 and not dialog.isVisible()
    ws, actor = signed_in[0]  # type: ignore[misc]
    assert actor.name == ADMIN_NAME
    ws.close()
    workspace.sign_in(installation.data_dir, ADMIN_NAME, NEW_ADMIN_PASSWORD)[0].close()


def test_demo_mode_shows_the_demo_password_and_signs_in(qtbot: QtBot, runner: TaskRunner, tmp_path: Path) -> None:
    launcher = ui_app.Launcher(tmp_path / "demo", runner, demo=True, demo_clients=2)
    reported: list[tuple[int, int]] = []
    launcher.demo_progress.connect(lambda done, total: reported.append((done, total)))
    launcher.start()
    qtbot.waitUntil(lambda: isinstance(launcher.window, SignInDialog), timeout=20_000)
    dialog = launcher.window
    assert isinstance(dialog, SignInDialog)
    qtbot.addWidget(dialog)
    assert dialog.demo_hint.text() == f"Demo: user demo, password {ui_app.DEMO_PASSWORD}"
    assert dialog.user_name.text() == "demo"
    assert reported[-1] == (2, 2)  # clinic_app.demo.populate made the demo clients
    save_screenshot(dialog, "sign-in-demo")
    type_into(qtbot, dialog.password, ui_app.DEMO_PASSWORD)
    dialog.sign_in_button.click()
    qtbot.waitUntil(lambda: isinstance(launcher.window, MainWindow), timeout=20_000)
    assert runner.wait_idle()
    window = launcher.window
    assert isinstance(window, MainWindow)
    assert "Demo Aftercare Centre" in window.status_text()
    window.close()
    assert runner.wait_idle()


def test_demo_failure_is_shown_in_the_progress_dialog(qtbot: QtBot, runner: TaskRunner,
                                                      installation: Installation) -> None:
    launcher = ui_app.Launcher(installation.data_dir, runner, demo=True, demo_clients=1)  # not an empty folder
    launcher.start()
    assert runner.wait_idle()
    progress = launcher.window
    assert isinstance(progress, QProgressDialog) and progress.isVisible()
    assert "could not be prepared" in progress.labelText() and "already holds" in progress.labelText()
    progress.cancel()
    assert not progress.isVisible()


def test_parse_args() -> None:
    args = ui_app.parse_args(["--data-dir", "/x/y", "--demo"])
    assert args.data_dir == "/x/y" and args.demo


def test_main_demo_runs_until_the_dialog_is_closed_and_removes_its_folder(
        qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    demo_dir = tmp_path / "demo-run"
    demo_dir.mkdir()
    monkeypatch.setattr(ui_app.tempfile, "mkdtemp", lambda prefix: str(demo_dir))
    monkeypatch.setattr(ui_app, "DEMO_CLIENTS", 1)
    seen: list[str] = []

    def close_sign_in() -> None:
        dialog = next((w for w in QApplication.topLevelWidgets() if isinstance(w, SignInDialog) and w.isVisible()), None)
        if dialog is None:
            QTimer.singleShot(50, close_sign_in)
            return
        seen.append(dialog.demo_hint.text())
        assert DataPaths(demo_dir).is_initialised()
        dialog.reject()  # the last window closes: the application quits

    QTimer.singleShot(50, close_sign_in)
    guard = QTimer()  # never hang the test run if the dialog does not appear
    guard.setSingleShot(True)
    guard.timeout.connect(qapp.quit)
    guard.start(30_000)
    assert ui_app.main(["--demo"]) == 0
    guard.stop()
    assert seen == [f"Demo: user demo, password {ui_app.DEMO_PASSWORD}"]
    assert not demo_dir.exists()


# --- main window and screens ------------------------------------------------------------------
def test_main_window_frame_and_accounts_screen(qtbot: QtBot, admin_window: MainWindow) -> None:
    window = admin_window
    assert window.screen_titles() == ["Today", "Clients", "Reports", "Administration", "My account"]
    assert [a.text() for a in window.menuBar().actions()] == ["&File", "&Help"]
    assert window.lock_action.shortcut().toString() == "Ctrl+L"
    window.help.about_action.trigger()
    [about] = message_boxes()
    assert "Continuum 0." in about.text() and str(window.session.data_dir) in about.text()
    about.close()
    page = window.open_screen("Administration")
    assert window.session.runner.wait_idle()
    assert isinstance(page, AdministrationPage)
    assert page.accounts.model.rowCount() == 3
    assert unlabelled_inputs(window) == []
    save_screenshot(window, "main-window-accounts")

    dialog = page.accounts.add_account()
    assert isinstance(dialog, AddAccountDialog)
    assert unlabelled_inputs(dialog) == []
    type_into(qtbot, dialog.name, "carmen")  # taken
    type_into(qtbot, dialog.full_name, "María Gómez")
    type_into(qtbot, dialog.passwords.password, "Seashell-garden-41")
    type_into(qtbot, dialog.passwords.confirm, "Seashell-garden-41")
    dialog.ok_button.click()
    assert window.session.runner.wait_idle()
    assert "already exists" in dialog.form.error_text("name") and dialog.isVisible()
    save_screenshot(dialog, "add-account-error")
    type_into(qtbot, dialog.name, "maria")
    dialog.ok_button.click()
    assert window.session.runner.wait_idle()
    assert not shiboken6.isValid(dialog)  # closed (and deleted)
    model = page.accounts.model
    row = model.row_of("maria")
    assert row >= 0
    assert model.index(row, 1).data() == "María Gómez" and model.index(row, 2).data() == "Counsellor"
    assert page.accounts.selected().name == "maria"
    save_screenshot(window, "main-window-accounts-added")


def test_accounts_actions_and_last_admin_refusal(qtbot: QtBot, admin_window: MainWindow,
                                                installation: Installation) -> None:
    page = admin_window.open_screen("Administration")
    assert admin_window.session.runner.wait_idle()
    panel = page.accounts
    panel.table.selectRow(panel.model.row_of(ADMIN_NAME))
    panel.deactivate_button.click()
    [question] = message_boxes()
    save_screenshot(question, "deactivate-question")
    next(b for b in question.buttons() if b.text() == "Deactivate").click()
    assert admin_window.session.runner.wait_idle()
    [refusal] = message_boxes()
    assert "last active administrator" in refusal.text()
    refusal.close()

    panel.table.selectRow(panel.model.row_of("carmen"))
    panel.role_button.click()
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, ChangeRoleDialog))
    dialog.role.setCurrentIndex(dialog.role.findData(STATISTICS))
    dialog.ok_button.click()
    assert admin_window.session.runner.wait_idle()
    assert panel.model.index(panel.model.row_of("carmen"), 2).data() == "Statistics staff"

    panel.reset_button.click()
    reset = next(w for w in QApplication.topLevelWidgets() if isinstance(w, SetPasswordDialog))
    assert "carmen" in reset.windowTitle() and unlabelled_inputs(reset) == []
    type_into(qtbot, reset.passwords.password, "carmen2026")  # the user name plus a few characters
    type_into(qtbot, reset.passwords.confirm, "carmen2026")
    reset.ok_button.click()
    assert "must not be the user name" in reset.form.error_text("password")
    type_into(qtbot, reset.passwords.password, NEW_ADMIN_PASSWORD)
    type_into(qtbot, reset.passwords.confirm, NEW_ADMIN_PASSWORD)
    reset.ok_button.click()
    assert admin_window.session.runner.wait_idle()
    assert installation.ws.check_password("carmen", NEW_ADMIN_PASSWORD)

    panel.deactivate_button.click()
    [question] = message_boxes()
    next(b for b in question.buttons() if b.text() == "Deactivate").click()
    assert admin_window.session.runner.wait_idle()
    row = panel.model.row_of("carmen")
    assert panel.model.index(row, 3).data() == "Deactivated"
    assert panel.reactivate_button.isEnabled() and not panel.deactivate_button.isEnabled()


def test_counsellor_sees_no_administration(qtbot: QtBot, installation: Installation, runner: TaskRunner) -> None:
    window = open_window(qtbot, Session(installation.ws, installation.counsellor, runner))
    try:
        assert window.screen_titles() == ["Today", "Clients", "My account"]
        page = window.open_screen("My account")
        assert isinstance(page, MyAccountPage)
        assert runner.wait_idle()
        assert "Carmen Ruiz" in page.summary.text() and "Counsellor" in page.summary.text()
        assert "no secure password store" in page.keyring.text()  # keyring's fail backend in tests
        save_screenshot(window, "main-window-my-account")

        window.password_action.trigger()
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, ChangeOwnPasswordDialog))
        assert unlabelled_inputs(dialog) == []
        type_into(qtbot, dialog.current, "wrong-password-1")
        type_into(qtbot, dialog.new.password, NEW_ADMIN_PASSWORD)
        type_into(qtbot, dialog.new.confirm, NEW_ADMIN_PASSWORD)
        dialog.ok_button.click()
        assert runner.wait_idle()
        assert "not correct" in dialog.form.error_text("current_password")
        type_into(qtbot, dialog.current, COUNSELLOR_PASSWORD)
        dialog.ok_button.click()
        assert runner.wait_idle()
        assert installation.ws.check_password("carmen", NEW_ADMIN_PASSWORD)
    finally:
        window.close()
        runner.wait_idle()


def test_window_geometry_is_remembered(qtbot: QtBot, installation: Installation, runner: TaskRunner) -> None:
    window = open_window(qtbot, Session(installation.ws, installation.admin, runner))
    window.resize(760, 520)
    size = (window.width(), window.height())
    assert size != (1100, 720)
    window.close()
    assert runner.wait_idle()
    assert workstation_settings().value(GEOMETRY_KEY) is not None
    again = open_window(qtbot, Session(installation.ws, installation.admin, runner))
    assert (again.width(), again.height()) == size
    again.close()
    runner.wait_idle()


def test_settings_save_updates_status_bar(qtbot: QtBot, admin_window: MainWindow) -> None:
    page = admin_window.open_screen("Administration")
    assert admin_window.session.runner.wait_idle()
    page.tabs.setCurrentWidget(page.organisation)
    panel = page.organisation
    assert panel.name.text() == ORG_NAME and panel.idle.value() == 10
    assert unlabelled_inputs(panel) == []
    save_screenshot(admin_window, "main-window-organisation")
    type_into(qtbot, panel.name, " ")
    panel.save_button.click()
    assert admin_window.session.runner.wait_idle()
    assert "Enter the organisation's name" in panel.form.error_text("name")
    type_into(qtbot, panel.name, "Casa Nueva")
    panel.idle.setValue(3)
    panel.save_button.click()
    assert admin_window.session.runner.wait_idle()
    assert "Casa Nueva" in admin_window.status_text()
    assert admin_window.idle_lock.timeout_ms() == 3 * 60_000


# --- idle lock ----------------------------------------------------------------------------------
def test_idle_lock_hides_content_and_keeps_what_was_typed(qtbot: QtBot, admin_window: MainWindow) -> None:
    window, runner = admin_window, admin_window.session.runner
    page = window.open_screen("Administration")
    assert window.session.runner.wait_idle()
    page.tabs.setCurrentWidget(page.organisation)
    name = page.organisation.name
    qtbot.keyClicks(name, " Norte")
    dialog = page.accounts.add_account()
    qtbot.keyClicks(dialog.full_name, "Half-typed name")
    lock = window.idle_lock
    lock.set_timeout_ms(300)
    qtbot.waitUntil(lock.is_locked, timeout=5_000)
    assert lock.overlay.isVisible()
    assert not window.centralWidget().isVisible() and not name.isVisible()
    assert not window.menuBar().isVisible() and not dialog.isVisible()
    assert not window.lock_action.isEnabled()
    assert unlabelled_inputs(lock.overlay) == []
    save_screenshot(window, "lock-overlay")

    qtbot.keyClicks(lock.overlay.password, "wrong-password")
    lock.overlay.unlock_button.click()
    assert runner.wait_idle()
    assert lock.is_locked() and "not correct" in lock.overlay.form.error_text("password")
    save_screenshot(window, "lock-overlay-error")

    lock.set_timeout_ms(60_000)
    type_into(qtbot, lock.overlay.password, ADMIN_PASSWORD)
    qtbot.keyClick(lock.overlay.password, Qt.Key.Key_Return)
    assert runner.wait_idle()
    assert not lock.is_locked() and not lock.overlay.isVisible()
    assert window.centralWidget().isVisible() and dialog.isVisible() and window.lock_action.isEnabled()
    assert name.text() == f"{ORG_NAME} Norte" and dialog.full_name.text() == "Half-typed name"
    dialog.reject()


def test_ctrl_l_locks_at_once(qtbot: QtBot, admin_window: MainWindow) -> None:
    window = admin_window
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window.navigation, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.idle_lock.is_locked()
    assert not window.centralWidget().isVisible()
