"""Backups in the desktop application, driven like a user would (offscreen Qt, pytest-qt).

The Backups tab (folder, Back up now, Test restore, keep rule), the warning banner and the
automatic backups (daily, on closing, administrators only), the restore wizard onto a new
computer, and the start-up checks that explain a damaged database and offer the newest
backup.  The setup wizard's backup steps are in ``tests/test_gui_setup_wizard.py``.  ``CONTINUUM_SCREENSHOTS=/some/folder`` keeps the
pictures.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from conftest import ADMIN_NAME, ADMIN_PASSWORD, COUNSELLOR_NAME, COUNSELLOR_PASSWORD, ORG_NAME, Installation
from gui_helpers import message_boxes, save_screenshot, sign_in_to_main_window, unlabelled_inputs
from PySide6.QtWidgets import QApplication, QFileDialog, QWizard
from pytestqt.qtbot import QtBot
from test_backup import make_installation_at_first_revision
from test_gui_shell import _configured_app, _gui_settings, runner  # noqa: F401 - shared GUI fixtures

from clinic_app import workspace
from clinic_app.backup import archive, destination, operations, startup
from clinic_app.backup.archive import MANUAL
from clinic_app.config import DataPaths
from clinic_app.demo import populate
from clinic_app.errors import StorageError, ValidationError
from clinic_app.services import accounts, audit
from ui import app as ui_app
from ui.admin.page import AdministrationPage
from ui.backup.common import BusyDialog
from ui.backup.panel import BackupsPanel
from ui.backup.problems import StartupProblemDialog
from ui.backup.restore_wizard import RestoreWizard
from ui.forms import GENERAL
from ui.main_window import MainWindow
from ui.session import Session
from ui.setup_wizard import SetupWizard
from ui.sign_in import SignInDialog
from ui.tasks import TaskRunner

SLOW = 30_000


@pytest.fixture
def usb(tmp_path: Path) -> Path:
    folder = tmp_path / "usb-stick"
    folder.mkdir()
    return folder


def open_window(qtbot: QtBot, session: Session) -> MainWindow:
    window = MainWindow(session)
    window.show()
    qtbot.waitExposed(window)
    assert session.runner.wait_idle(SLOW)
    return window


def archives(folder: Path) -> list[Path]:
    return sorted(folder.glob(f"*{archive.SUFFIX}"))


def close_window(qtbot: QtBot, window: MainWindow) -> None:
    """Close ``window``, waiting for the backup on closing if one starts."""
    window.close()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=SLOW)
    assert window.session.runner.wait_idle(SLOW)


def file_dialog() -> QFileDialog:
    [dialog] = [w for w in QApplication.topLevelWidgets() if isinstance(w, QFileDialog) and w.isVisible()]
    return dialog


def audit_actions(inst: Installation) -> list[str]:
    with inst.ws.unit_of_work(write=False) as uow:
        return [row.action for row in audit.list_entries(uow, inst.admin, limit=500)]


# --- the Backups tab --------------------------------------------------------------------------------------
def test_backups_tab_chooses_a_folder_backs_up_tests_and_backs_up_on_closing(
        qtbot: QtBot, installation: Installation, runner: TaskRunner, usb: Path) -> None:
    populate(installation.ws, installation.admin, clients=4, seed=7)
    window = open_window(qtbot, Session(installation.ws, installation.admin, runner))
    monitor = window.backups
    assert "No backup folder has been chosen yet" in monitor.warning_text()
    assert monitor.banner.button.text() == "Choose a backup folder…"
    monitor.banner.button.click()  # opens Administration › Backups
    page = window.stack.currentWidget()
    assert isinstance(page, AdministrationPage) and page.tabs.currentWidget() is page.backups
    panel = page.backups
    assert isinstance(panel, BackupsPanel)
    assert runner.wait_idle(SLOW)
    assert unlabelled_inputs(panel) == []
    assert panel.status_line.property("kind") == "warn" and not panel.back_up_button.isEnabled()

    panel.folder_field.choose_button.click()
    dialog = file_dialog()
    dialog.selectFile(str(usb))
    dialog.accept()
    assert runner.wait_idle(SLOW)
    assert destination.configured_destination(installation.data_dir) == usb.resolve()
    assert panel.folder_field.edit.text() == str(usb.resolve())
    assert "There is no usable backup" in panel.status_line.text()

    panel.back_up_button.click()
    assert panel.busy.isVisible() and not panel.back_up_button.isEnabled()  # working, window responsive
    assert monitor.busy.isVisible()
    assert runner.wait_idle(SLOW)
    [made] = archives(usb)
    assert archive.verify_archive(made).ok
    assert "Backup made" in panel.result.text() and made.name in panel.result.text()
    assert "backup.created" in audit_actions(installation)
    assert panel.status_line.property("kind") == "ok" and "(today)" in panel.status_line.text()
    assert monitor.warning_text() == "" and not panel.busy.isVisible()
    assert panel.model.rowCount() == 1 and panel.model.rows()[0].path == made

    panel.test_button.click()
    assert panel.test_busy.isVisible()
    assert runner.wait_idle(SLOW)
    assert "found no problem" in panel.test_result.text() and ORG_NAME in panel.test_result.text()
    counts = dict(panel.counts_model.rows())
    with installation.ws.unit_of_work(write=False) as uow:
        users = len(accounts.list_users(uow, installation.admin))
    assert counts["clients"] == 4 and counts["users"] == users and counts["audit_log"] > 0
    assert panel.counts.isVisible()
    assert "backup.test_restored" in audit_actions(installation)

    panel.keep_daily.setValue(3)
    panel.keep_weekly.setValue(2)
    panel.save_keep_button.click()
    assert runner.wait_idle(SLOW)
    assert destination.configured_rotation(installation.data_dir) == destination.KeepRule(3, 2, 12)
    assert "Saved" in panel.keep_message.text()
    window.resize(1100, 860)
    save_screenshot(window, "backups-tab")

    window.close()  # an administrator closes: the backup on closing runs first
    assert window.isVisible() and isinstance(monitor.closing_dialog, BusyDialog)
    assert monitor.closing_dialog.isVisible()
    save_screenshot(monitor.closing_dialog, "backup-on-closing")
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=SLOW)
    assert runner.wait_idle(SLOW)
    [kept] = archives(usb)  # rotation keeps the newest backup of the day
    assert kept != made and archive.verify_archive(kept).ok


def test_backup_on_closing_that_fails_says_why_and_closes_when_asked(
        qtbot: QtBot, installation: Installation, runner: TaskRunner, usb: Path) -> None:
    destination.remember_destination(installation.data_dir, usb)
    archive.backup_database(installation.ws.paths, installation.ws.data_key, usb, kind=MANUAL)  # not due
    window = open_window(qtbot, Session(installation.ws, installation.admin, runner))
    assert len(archives(usb)) == 1 and window.backups.warning_text() == ""
    unplugged = usb.rename(usb.parent / "unplugged")  # the stick is pulled out after the last check
    window.close()
    assert runner.wait_idle(SLOW)
    dialog = window.backups.closing_dialog
    assert dialog is not None and window.isVisible()
    assert "The backup before closing failed" in dialog.labelText() and "does not exist" in dialog.labelText()
    save_screenshot(dialog, "backup-on-closing-failed")
    dialog.reject()  # Escape, like the "Close Continuum" button, goes on closing
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=SLOW)
    assert runner.wait_idle(SLOW)
    assert len(archives(unplugged)) == 1 and not usb.exists()


def test_keep_rule_is_remembered_checked_and_falls_back_to_the_defaults(tmp_path: Path) -> None:
    # the core's side of the keep rule the Backups tab saves (clinic_app.backup.destination)
    assert destination.configured_rotation(tmp_path) == destination.KeepRule(7, 4, 12)
    with pytest.raises(ValidationError) as refused:
        destination.remember_rotation(tmp_path, 7, -1, 12)
    assert set(refused.value.errors) == {"keep_weekly"}
    assert destination.remember_rotation(tmp_path, 0, 2, 24) == destination.configured_rotation(tmp_path)
    (tmp_path / destination.ROTATION_FILE).write_text('{"daily": "seven"}', "utf-8")
    assert destination.configured_rotation(tmp_path) == destination.KeepRule()


# --- the warning and the daily backup -----------------------------------------------------------------------
def test_warning_for_an_old_backup_or_a_missing_folder_and_the_daily_backup(
        qtbot: QtBot, installation: Installation, runner: TaskRunner, usb: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    destination.remember_destination(installation.data_dir, usb)
    old = archive.backup_database(installation.ws.paths, installation.ws.data_key, usb, kind=MANUAL,
                                  now=datetime.now(timezone.utc) - timedelta(days=8))

    counsellor = open_window(qtbot, Session(installation.ws, installation.counsellor, runner))
    warning = counsellor.backups.warning_text()
    assert "The last good backup was made" in warning and "8 days ago" in warning
    assert "Only an administrator can make backups" in warning
    assert not counsellor.backups.banner.button.isVisibleTo(counsellor)
    save_screenshot(counsellor, "backup-warning-counsellor")
    close_window(qtbot, counsellor)
    assert archives(usb) == [old.path]  # a counsellor's session makes no backup, not even on closing

    def disk_full(*_args: object) -> None:
        raise StorageError("There is not enough free space in the backup folder.")

    with monkeypatch.context() as m:
        m.setattr(operations, "create_backup", disk_full)
        admin = open_window(qtbot, Session(installation.ws, installation.admin, runner))  # the daily backup is due
    warning = admin.backups.warning_text()
    assert warning.startswith("The last backup failed: There is not enough free space") and "8 days ago" in warning
    assert admin.backups.banner.button.text() == "Back up now"
    save_screenshot(admin, "backup-warning-failed")
    admin.backups.banner.button.click()
    assert runner.wait_idle(SLOW)
    assert len(archives(usb)) == 2 and admin.backups.warning_text() == ""
    assert all(archive.verify_archive(p).ok for p in archives(usb))
    admin.backups.check()  # the next check: a backup was made today, none is due
    assert runner.wait_idle(SLOW)
    assert len(archives(usb)) == 2

    unplugged = usb.parent / "unplugged-stick"
    destination.remember_destination(installation.data_dir, unplugged)
    admin.backups.check()
    assert runner.wait_idle(SLOW)
    warning = admin.backups.warning_text()
    assert f"The backup folder {unplugged.resolve()} cannot be found" in warning and "plug it in" in warning
    assert admin.backups.banner.button.text() == "Choose a backup folder…"
    save_screenshot(admin, "backup-warning")
    admin.idle_lock.lock()
    assert not admin.backups.banner.isVisible()  # nothing to reach under the lock
    admin.idle_lock.unlock()
    assert admin.backups.banner.isVisible()
    close_window(qtbot, admin)  # the folder is missing: closing does not wait for a backup
    assert len(archives(usb)) == 2


# --- restoring onto a new computer -----------------------------------------------------------------------------
def test_restore_wizard_onto_a_new_computer_with_the_recovery_code_then_sign_in(
        qtbot: QtBot, installation: Installation, runner: TaskRunner, usb: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    populate(installation.ws, installation.admin, clients=3, seed=11)
    good = operations.create_backup(installation.ws, installation.admin, usb)
    with monkeypatch.context() as m:
        m.setattr(archive, "__version__", "99.0.0")
        newer = archive.backup_database(installation.ws.paths, installation.ws.data_key, usb, kind=MANUAL)

    new_computer = tmp_path / "new-computer-data"
    launcher = ui_app.Launcher(new_computer, runner)
    launcher.start()
    setup = launcher.window
    assert isinstance(setup, SetupWizard)
    save_screenshot(setup, "wizard-1-welcome-restore")
    setup.welcome_page.restore_button.click()
    wizard = launcher.window
    assert isinstance(wizard, RestoreWizard) and not setup.isVisible()
    qtbot.addWidget(wizard)
    assert runner.wait_idle(SLOW)
    assert wizard.choose_page.path.text() == ""  # nothing known on a new computer
    assert unlabelled_inputs(wizard) == []

    wizard.choose_page.set_archive(newer.path)
    assert runner.wait_idle(SLOW)
    message = wizard.choose_page.form.error_text("archive")
    assert "made by Continuum 99.0.0" in message and "Install Continuum 99.0.0 or later" in message
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    assert not next_button.isEnabled()  # until another file is named
    save_screenshot(wizard, "restore-1-newer-refused")

    wizard.choose_page.browse_button.click()
    chooser = file_dialog()
    chooser.selectFile(str(good.path))
    chooser.accept()
    assert runner.wait_idle(SLOW)
    assert wizard.choose_page.form.error_text("archive") == ""
    assert "Its structure and checksums are intact" in wizard.choose_page.summary.text()
    save_screenshot(wizard, "restore-1-backup")
    next_button.click()

    page = wizard.credentials_page
    assert wizard.currentPage() is page
    restore_button = wizard.button(QWizard.WizardButton.CommitButton)
    page.user.setText(COUNSELLOR_NAME)  # any account opens a backup; only an administrator restores it
    page.password.setText(COUNSELLOR_PASSWORD)
    restore_button.click()
    assert page.busy.isVisible()
    assert runner.wait_idle(SLOW)
    assert "Only an administrator's password (or the recovery code)" in page.form.error_text(GENERAL)
    assert not DataPaths(new_computer).is_initialised()

    page.use_code.click()
    assert not page.user.isEnabled() and page.code.isEnabled()
    page.code.setText(installation.recovery_code.lower())
    save_screenshot(wizard, "restore-2-credentials")
    restore_button.click()
    assert runner.wait_idle(SLOW)
    assert wizard.currentPage() is wizard.done_page
    summary = wizard.done_page.summary.text()
    assert ORG_NAME in summary and "It holds 3 clients" in summary
    assert "There were no records here before" in wizard.done_page.previous.text()
    save_screenshot(wizard, "restore-3-done")
    wizard.button(QWizard.WizardButton.FinishButton).click()

    dialog = launcher.window
    assert isinstance(dialog, SignInDialog) and dialog.isVisible()
    qtbot.addWidget(dialog)
    assert "The backup has been restored" in dialog.demo_hint.text()
    assert runner.wait_idle(SLOW)
    assert [w for w in QApplication.topLevelWidgets() if isinstance(w, StartupProblemDialog) and w.isVisible()] == []
    dialog.user_name.setText(ADMIN_NAME)
    dialog.password.setText(ADMIN_PASSWORD)
    dialog.sign_in_button.click()
    qtbot.waitUntil(lambda: isinstance(launcher.window, MainWindow), timeout=SLOW)
    window = launcher.window
    assert isinstance(window, MainWindow)
    assert runner.wait_idle(SLOW)
    assert ORG_NAME in window.status_text()
    close_window(qtbot, window)


# --- start-up checks ---------------------------------------------------------------------------------------------
def shown_problem() -> StartupProblemDialog | None:
    return next((w for w in QApplication.topLevelWidgets() if isinstance(w, StartupProblemDialog) and w.isVisible()),
                None)


def sign_in_as_admin(qtbot: QtBot, launcher: ui_app.Launcher) -> MainWindow:
    """Sign in as the administrator: the main window opens at once (the full check runs after it)."""
    window: MainWindow = sign_in_to_main_window(qtbot, launcher, ADMIN_NAME, ADMIN_PASSWORD, SLOW)
    return window


def test_damaged_database_is_explained_restored_from_the_newest_backup_and_kept(
        qtbot: QtBot, installation: Installation, runner: TaskRunner, usb: Path) -> None:
    operations.create_backup(installation.ws, installation.admin, usb)  # remembered as the destination
    newest = operations.create_backup(installation.ws, installation.admin, usb)
    installation.ws.close()
    db = DataPaths(installation.data_dir).database
    damaged = bytearray(db.read_bytes())
    middle = len(damaged) // 2
    damaged[middle:middle + 64] = b"\xaa" * 64  # a page in the middle is overwritten
    db.write_bytes(bytes(damaged))

    launcher = ui_app.Launcher(installation.data_dir, runner)
    launcher.start()
    assert runner.wait_idle(SLOW)  # the files look fine before the key is known
    window = sign_in_as_admin(qtbot, launcher)
    qtbot.waitUntil(lambda: shown_problem() is not None, timeout=SLOW)  # the full check, in the background
    problem = shown_problem()
    assert problem is not None and problem.parent() is window
    assert runner.wait_idle(SLOW)
    for box in message_boxes():
        box.close()  # the Today screen could not read all of its lists either
    assert "The database failed its integrity checks" in problem.problems.text()
    assert str(newest.path) in problem.newest.text()
    assert "Nothing has been changed" in problem.kept.text()
    assert problem.continue_button is not None and problem.restore_button is not None
    assert startup.full_check_due(installation.data_dir)  # a failed check is not recorded: checked again next time
    save_screenshot(problem, "startup-problem")
    problem.restore_button.click()
    # the main window closes as it always does: the backup on closing is tried first, and fails
    qtbot.waitUntil(lambda: window.backups.closing_dialog is not None
                    and "backup before closing failed" in window.backups.closing_dialog.labelText(), timeout=SLOW)
    assert window.isVisible() and not isinstance(launcher.window, RestoreWizard)
    window.backups.closing_dialog.reject()  # "Close Continuum"

    wizard = launcher.window
    assert isinstance(wizard, RestoreWizard)
    qtbot.addWidget(wizard)
    assert runner.wait_idle(SLOW)
    assert wizard.choose_page.path.text() == str(newest.path) and wizard.choose_page.entry is not None
    assert "newest backup found" in wizard.choose_page.summary.text()
    wizard.button(QWizard.WizardButton.NextButton).click()
    page = wizard.credentials_page
    page.user.setText(ADMIN_NAME)
    page.password.setText("not-the-password")
    wizard.button(QWizard.WizardButton.CommitButton).click()
    assert runner.wait_idle(SLOW)
    assert page.form.error_text("password") and page.password.text() == ""
    page.password.setText(ADMIN_PASSWORD)
    wizard.button(QWizard.WizardButton.CommitButton).click()
    assert runner.wait_idle(SLOW)
    assert wizard.currentPage() is wizard.done_page
    [kept] = [p for p in installation.data_dir.iterdir() if p.name.startswith("continuum.db.damaged-")
              and not p.name.endswith(("-wal", "-shm"))]
    kept_bytes = kept.read_bytes()  # the damaged file is kept (with the sign-in's own audit entry)
    assert len(kept_bytes) == len(damaged) and kept_bytes[middle:middle + 64] == b"\xaa" * 64
    assert str(kept) in wizard.done_page.previous.text()
    wizard.button(QWizard.WizardButton.FinishButton).click()

    dialog = launcher.window
    assert isinstance(dialog, SignInDialog)
    qtbot.addWidget(dialog)
    assert dialog.user_name.text() == ADMIN_NAME  # the administrator who restored
    dialog.password.setText(ADMIN_PASSWORD)
    dialog.sign_in_button.click()
    qtbot.waitUntil(lambda: isinstance(launcher.window, MainWindow), timeout=SLOW)
    assert runner.wait_idle(SLOW)
    window = launcher.window
    assert isinstance(window, MainWindow)
    close_window(qtbot, window)  # an administrator closing: one more backup first


def test_files_damaged_before_sign_in_or_unreadable_at_sign_in_are_explained(
        qtbot: QtBot, installation: Installation, runner: TaskRunner, usb: Path) -> None:
    newest = operations.create_backup(installation.ws, installation.admin, usb)
    installation.ws.close()
    db = DataPaths(installation.data_dir).database
    original = db.read_bytes()
    db.write_bytes(original[:-1000])  # cut short

    launcher = ui_app.Launcher(installation.data_dir, runner)
    launcher.start()
    dialog = launcher.window
    assert isinstance(dialog, SignInDialog)
    qtbot.addWidget(dialog)
    assert runner.wait_idle(SLOW)
    [problem] = [w for w in QApplication.topLevelWidgets() if isinstance(w, StartupProblemDialog) and w.isVisible()]
    assert problem.parent() is dialog and problem.continue_button is None
    assert "not a whole number of pages" in problem.problems.text() and str(newest.path) in problem.newest.text()
    problem.close_button.click()
    assert dialog.isVisible() and db.read_bytes() == original[:-1000]

    header = bytearray(original)
    header[0:64] = b"\x55" * 64  # the first page is overwritten: the key no longer opens it
    db.write_bytes(bytes(header))
    dialog.user_name.setText(ADMIN_NAME)
    dialog.password.setText(ADMIN_PASSWORD)
    dialog.sign_in_button.click()
    assert runner.wait_idle(SLOW)
    assert "cannot be read with its keys" in dialog.form.error_text(GENERAL)
    [problem] = [w for w in QApplication.topLevelWidgets() if isinstance(w, StartupProblemDialog) and w.isVisible()]
    assert "cannot be read with its keys" in problem.problems.text() and str(newest.path) in problem.newest.text()
    problem.choose_button.click()
    wizard = launcher.window
    assert isinstance(wizard, RestoreWizard)
    qtbot.addWidget(wizard)
    wizard.reject()  # changed their mind: back to signing in, nothing touched
    dialog = launcher.window
    assert isinstance(dialog, SignInDialog) and dialog.isVisible()
    qtbot.addWidget(dialog)
    assert runner.wait_idle(SLOW)
    assert db.read_bytes() == bytes(header)

    save_screenshot(dialog, "sign-in-restore-link")
    dialog.restore.click()  # "Restore from a backup…": the newest backup of this installation is offered
    wizard = launcher.window
    assert isinstance(wizard, RestoreWizard)
    qtbot.addWidget(wizard)
    assert runner.wait_idle(SLOW)
    assert wizard.choose_page.path.text() == str(newest.path) and wizard.choose_page.entry is not None
    wizard.button(QWizard.WizardButton.NextButton).click()
    wizard.credentials_page.use_code.click()
    wizard.credentials_page.code.setText(installation.recovery_code)
    wizard.button(QWizard.WizardButton.CommitButton).click()
    assert runner.wait_idle(SLOW)
    assert wizard.currentPage() is wizard.done_page
    [kept] = [p for p in installation.data_dir.iterdir() if p.name.startswith("continuum.db.damaged-")]
    assert kept.read_bytes() == bytes(header)  # never opened, so kept byte for byte
    assert archive.inspect_database(db, installation.ws.data_key).integrity_problems == []


def test_records_that_fail_their_checks_can_be_kept_open_or_closed(
        qtbot: QtBot, installation: Installation, runner: TaskRunner) -> None:
    installation.ws.close()
    db = DataPaths(installation.data_dir).database
    damaged = bytearray(db.read_bytes())
    damaged[len(damaged) // 2:len(damaged) // 2 + 64] = b"\xaa" * 64
    db.write_bytes(bytes(damaged))
    launcher = ui_app.Launcher(installation.data_dir, runner)

    for answer in ("open anyway", "quit"):  # a failed check is not recorded: it runs again at the next sign-in
        launcher.start()
        window = sign_in_as_admin(qtbot, launcher)
        qtbot.waitUntil(lambda: shown_problem() is not None, timeout=SLOW)
        problem = shown_problem()
        assert problem is not None and problem.restore_button is None  # no backup anywhere
        assert "No backup was found" in problem.newest.text()
        assert runner.wait_idle(SLOW)
        for box in message_boxes():
            box.close()  # the Today screen could not read all of its lists either
        if answer == "open anyway":  # keep working in the main window
            assert problem.continue_button is not None
            problem.continue_button.click()
            assert shown_problem() is None and launcher.window is window and window.isVisible()
            close_window(qtbot, window)
        else:
            problem.close_button.click()  # "Quit": the main window closes, the database with it
            assert runner.wait_idle(SLOW)
            assert shown_problem() is None and not window.isVisible()
    assert db.read_bytes()[len(damaged) // 2:len(damaged) // 2 + 64] == b"\xaa" * 64


def test_restore_wizard_upgrades_a_backup_of_an_older_version(qtbot: QtBot, runner: TaskRunner,
                                                              tmp_path: Path) -> None:
    old_dir = tmp_path / "old-version-data"
    _db_id, code = make_installation_at_first_revision(old_dir)
    workspace.sign_in(old_dir, ADMIN_NAME, ADMIN_PASSWORD)[0].close()  # the upgrade backs up the old database
    [older] = (old_dir / archive.PRE_UPGRADE_FOLDER).glob(f"*{archive.SUFFIX}")

    wizard = RestoreWizard(tmp_path / "new-data", runner, older)
    qtbot.addWidget(wizard)
    wizard.show()
    assert runner.wait_idle(SLOW)
    assert "before an upgrade" in wizard.choose_page.summary.text()
    wizard.button(QWizard.WizardButton.NextButton).click()
    wizard.credentials_page.use_code.click()
    wizard.credentials_page.code.setText(code)
    wizard.button(QWizard.WizardButton.CommitButton).click()
    assert runner.wait_idle(SLOW)
    assert wizard.currentPage() is wizard.done_page
    assert "0001_foundation → " in wizard.done_page.summary.text() and "upgraded" in wizard.done_page.summary.text()
    save_screenshot(wizard, "restore-3-done-upgraded")
    ws, _actor = workspace.sign_in(tmp_path / "new-data", ADMIN_NAME, ADMIN_PASSWORD)
    ws.close()
