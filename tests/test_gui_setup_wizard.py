"""The setup wizard's explanations and its backup steps, driven like a user would (offscreen Qt).

The recovery code and backups explained in plain words; the backup folder page (the
Backups tab's own field: a refused folder is named under the field, a good one is
remembered and used for the first backup on the last page); "I will do this later" only
with its warning; a first backup that fails can be tried again.  The backup folder
checks themselves (:func:`ui.backup.jobs.use_folder`) are tested here too.
``CONTINUUM_SCREENSHOTS=/some/folder`` keeps the pictures.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from conftest import ADMIN_PASSWORD
from gui_helpers import save_screenshot, unlabelled_inputs
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QWizard
from pytestqt.qtbot import QtBot
from test_gui_shell import _configured_app, _gui_settings, runner  # noqa: F401 - shared GUI fixtures

from clinic_app.backup import archive, destination
from clinic_app.errors import StorageError, ValidationError
from ui.backup import jobs
from ui.backup.jobs import FolderProblems
from ui.setup_wizard import ExplanationPage, SetupWizard
from ui.tasks import TaskRunner

SLOW = 30_000
PROBLEMS = FolderProblems("relative", "missing", "inside", "read-only")


@pytest.fixture
def usb(tmp_path: Path) -> Path:
    folder = tmp_path / "usb-stick"
    folder.mkdir()
    return folder


def page_text(page: ExplanationPage) -> str:
    return "\n".join(label.text() for label in page.findChildren(QLabel))


def to_backup_page(qtbot: QtBot, runner: TaskRunner, data_dir: Path) -> SetupWizard:
    """Organisation, the recovery code explained, the administrator created, the code kept, backups explained."""
    wizard = SetupWizard(data_dir, runner)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    next_button.click()
    wizard.organisation_page.name.setText("Casa Nueva Aftercare")
    next_button.click()

    explained = wizard.recovery_explained_page
    assert wizard.currentPage() is explained
    text = page_text(explained)
    assert "spare key" in text and "every administrator forgets their password" in text
    assert "not the makers of Continuum" in explained.warning.text() and "lost for good" in explained.warning.text()
    save_screenshot(wizard, "wizard-3-recovery-code-explained")
    next_button.click()

    admin = wizard.administrator_page
    assert wizard.currentPage() is admin
    admin.user_name.setText("ana")
    admin.passwords.password.setText(ADMIN_PASSWORD)
    admin.passwords.confirm.setText(ADMIN_PASSWORD)
    wizard.button(QWizard.WizardButton.CommitButton).click()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.recovery_page, timeout=SLOW)
    assert not wizard.button(QWizard.WizardButton.FinishButton).isVisible()  # backups come first
    assert not next_button.isEnabled()  # until the code is kept
    wizard.recovery_page.kept.click()
    assert next_button.text() == "&Next: backups" and next_button.isEnabled()
    next_button.click()

    backups = wizard.backups_explained_page
    assert wizard.currentPage() is backups
    text = page_text(backups)
    assert "stolen" in text and "USB stick" in text and "second disk" in text
    assert "encrypted" in backups.warning.text()
    save_screenshot(wizard, "wizard-6-backups-explained")
    next_button.click()
    assert wizard.currentPage() is wizard.backup_page
    return wizard


def close_workspace(runner: TaskRunner, wizard: SetupWizard) -> None:
    assert wizard.workspace is not None
    runner.run_db(wizard.workspace.close)
    assert runner.wait_idle()


def test_backup_page_refuses_unfit_folders_then_the_first_backup_goes_into_the_chosen_one(
        qtbot: QtBot, runner: TaskRunner, tmp_path: Path, usb: Path) -> None:
    data_dir = tmp_path / "new-data"
    wizard = to_backup_page(qtbot, runner, data_dir)
    page = wizard.backup_page
    go_on = wizard.button(QWizard.WizardButton.CommitButton)
    assert go_on.text() == "&Next" and not go_on.isEnabled()  # nothing chosen yet
    assert not wizard.button(QWizard.WizardButton.FinishButton).isVisible()
    assert unlabelled_inputs(page) == []
    field = page.field
    (data_dir / "pre-upgrade-backups").mkdir()

    for typed, expected in (("backups", "whole path"),
                            (str(tmp_path / "no-such-stick"), "There is no folder"),
                            (str(data_dir), "inside the folder that holds the records"),
                            (str(data_dir / "pre-upgrade-backups"), "inside the folder that holds the records")):
        field.edit.setText(typed)
        go_on.click()
        assert runner.wait_idle(SLOW)
        assert expected in field.form.error_text("folder"), typed
        assert wizard.currentPage() is page and destination.configured_destination(data_dir) is None
    save_screenshot(wizard, "wizard-7-backup-folder-refused")
    qtbot.keyClicks(field.edit, "x")  # typing again clears the old message
    assert field.form.error_text("folder") == ""

    field.choose_button.click()
    [dialog] = [w for w in QApplication.topLevelWidgets() if isinstance(w, QFileDialog) and w.isVisible()]
    dialog.selectFile(str(usb))
    dialog.accept()
    assert field.edit.text() == str(usb) and go_on.isEnabled()
    save_screenshot(wizard, "setup-backup")
    go_on.click()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.ready_page, timeout=SLOW)
    assert destination.configured_destination(data_dir) == usb.resolve()

    ready = wizard.ready_page
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert not wizard.button(QWizard.WizardButton.BackButton).isEnabled()  # the choice is committed
    qtbot.waitUntil(lambda: ready.outcome is not None, timeout=SLOW)
    [made] = sorted(usb.glob(f"*{archive.SUFFIX}"))
    assert archive.verify_archive(made).ok
    assert "The first backup is made" in ready.result.text() and made.name in ready.result.text()
    assert "same disk" in ready.advice.text()  # the test's folders share one disk
    assert finish.isEnabled()
    save_screenshot(wizard, "wizard-8-ready")
    finish.click()
    assert wizard.result() == QWizard.DialogCode.Accepted
    close_workspace(runner, wizard)


def test_backups_can_be_left_for_later_only_with_the_warning(
        qtbot: QtBot, runner: TaskRunner, tmp_path: Path) -> None:
    data_dir = tmp_path / "new-data"
    wizard = to_backup_page(qtbot, runner, data_dir)
    page = wizard.backup_page
    go_on = wizard.button(QWizard.WizardButton.CommitButton)
    assert not page.warning.isVisible()
    page.later.click()
    assert go_on.isEnabled() and not page.field.isEnabled()
    assert page.warning.isVisible() and "every record is lost" in page.warning.text()
    save_screenshot(wizard, "wizard-7-backups-later")
    page.later.click()
    assert not page.warning.isVisible() and not go_on.isEnabled()
    page.later.click()
    go_on.click()
    ready = wizard.ready_page
    assert wizard.currentPage() is ready and not ready.busy.isVisible()
    assert "not backed up yet" in ready.subTitle() and "Administration › Backups" in ready.advice.text()
    assert destination.configured_destination(data_dir) is None
    save_screenshot(wizard, "wizard-8-ready-without-backups")
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert wizard.result() == QWizard.DialogCode.Accepted
    close_workspace(runner, wizard)


def test_a_failed_first_backup_says_why_and_can_be_tried_again(
        qtbot: QtBot, runner: TaskRunner, tmp_path: Path, usb: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data_dir = tmp_path / "new-data"
    wizard = to_backup_page(qtbot, runner, data_dir)
    real_backup = jobs.make_backup

    def full_stick(*_args: object) -> jobs.BackupOutcome:
        raise StorageError("The USB stick is full.")

    monkeypatch.setattr(jobs, "make_backup", full_stick)
    wizard.backup_page.field.edit.setText(str(usb))
    wizard.button(QWizard.WizardButton.CommitButton).click()
    ready = wizard.ready_page
    qtbot.waitUntil(lambda: wizard.currentPage() is ready and not ready.running, timeout=SLOW)
    assert "could not be made: The USB stick is full." in ready.result.text()
    assert ready.retry_button.isVisible() and wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    monkeypatch.setattr(jobs, "make_backup", real_backup)
    ready.retry_button.click()
    qtbot.waitUntil(lambda: ready.outcome is not None, timeout=SLOW)
    assert not ready.retry_button.isVisible() and len(list(usb.glob(f"*{archive.SUFFIX}"))) == 1
    wizard.button(QWizard.WizardButton.FinishButton).click()
    close_workspace(runner, wizard)


def test_an_organisation_message_from_the_service_takes_the_user_back_to_that_page(
        qtbot: QtBot, runner: TaskRunner, tmp_path: Path) -> None:
    wizard = SetupWizard(tmp_path / "new-data", runner)
    qtbot.addWidget(wizard)
    wizard.show()
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    next_button.click()
    wizard.organisation_page.name.setText("Casa Nueva")
    next_button.click()
    next_button.click()
    assert wizard.currentPage() is wizard.administrator_page
    wizard.administrator_page._failed(ValidationError({"organisation": "Enter the organisation's name."}))
    assert wizard.currentPage() is wizard.organisation_page
    assert wizard.organisation_page.form.error_text("organisation") == "Enter the organisation's name."


# --- the folder checks --------------------------------------------------------------------------------------
def test_use_folder_remembers_a_fit_folder_and_says_whether_it_shares_the_records_disk(
        tmp_path: Path, usb: Path) -> None:
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    chosen = jobs.use_folder(data_dir, usb, PROBLEMS)
    assert chosen.folder == usb.resolve() and chosen.same_disk
    assert destination.configured_destination(data_dir) == usb.resolve()
    assert list(usb.iterdir()) == []  # the write test leaves nothing behind


@pytest.mark.parametrize(("folder", "message"), [
    (Path("relative/backups"), "relative"),
    (Path("/no/such/stick"), "missing"),
    (Path("DATA"), "inside"),
    (Path("DATA/sub"), "inside"),
])
def test_use_folder_refuses_unfit_folders_under_the_folder_key(tmp_path: Path, folder: Path, message: str) -> None:
    data_dir = tmp_path / "data"
    (data_dir / "sub").mkdir(parents=True)
    if folder.parts[0] == "DATA":
        folder = data_dir.joinpath(*folder.parts[1:])
    with pytest.raises(ValidationError) as caught:
        jobs.use_folder(data_dir, folder, PROBLEMS)
    assert caught.value.errors == {"folder": message}
    assert destination.configured_destination(data_dir) is None


def test_use_folder_refuses_a_folder_it_cannot_write_in(
        tmp_path: Path, usb: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "TemporaryFile", refuse)  # as on a read-only stick (chmod does not stop root)
    with pytest.raises(ValidationError) as caught:
        jobs.use_folder(tmp_path / "data", usb, PROBLEMS)
    assert caught.value.errors == {"folder": "read-only"}
