"""The Administration screen's organisation settings and audit log viewer, driven like a user would.

Offscreen Qt (pytest-qt), QSettings redirected (the shared GUI fixtures of test_gui_shell),
keyring's fail backend (so binding to the computer is unavailable).  Set
``CONTINUUM_SCREENSHOTS=/some/folder`` to keep the pictures.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from conftest import ORG_NAME, Installation
from gui_helpers import message_boxes, save_screenshot, unlabelled_inputs
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget
from pytestqt.qtbot import QtBot
from records_factory import make_client
from sqlalchemy import update
from test_gui_shell import _configured_app, _gui_settings, open_window, runner, type_into  # noqa: F401 - shared GUI fixtures

from clinic_app.db.models import AuditEntry
from clinic_app.errors import PermissionDenied
from clinic_app.security.keystore import KeyringStatus
from clinic_app.services.settings import DEFAULT_CONFIDENTIALITY_NOTICE
from clinic_app.services import audit, clients, notes, settings
from clinic_app.services.settings import DEFAULT_CHECKUP_MONTHS, OrganisationSettings
from ui.admin.audit_log import AuditLogPanel, details_text
from ui.admin.organisation import BindField, OrganisationPanel, parse_months
from ui.admin.page import AdministrationPage
from ui.main_window import MainWindow
from ui.session import Session
from ui.tasks import TaskRunner


@pytest.fixture
def admin_page(qtbot: QtBot, installation: Installation, runner: TaskRunner) -> Iterator[AdministrationPage]:
    window = open_window(qtbot, Session(installation.ws, installation.admin, runner))
    window.resize(1180, 780)
    page = window.open_screen("Administration")
    assert isinstance(page, AdministrationPage)
    assert runner.wait_idle()
    yield page
    for box in message_boxes():
        box.close()
    window.close()
    runner.wait_idle()


def stored(installation: Installation) -> OrganisationSettings:
    with installation.ws.unit_of_work(write=False) as uow:
        return settings.get_settings(uow, installation.admin)


def logo_png(path: Path) -> bytes:
    """A small PNG logo (a blue square with a white cross and the letters FE) written to ``path``."""
    image = QImage(240, 80, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.fillRect(4, 4, 72, 72, QColor("#1a5fb4"))
    painter.fillRect(32, 14, 16, 52, Qt.GlobalColor.white)
    painter.fillRect(14, 32, 52, 16, Qt.GlobalColor.white)
    painter.setPen(QColor("#1a5fb4"))
    painter.setFont(QFont("DejaVu Sans", 34, QFont.Weight.Bold))
    painter.drawText(92, 58, "FE")
    painter.end()
    assert image.save(str(path), "PNG")
    return path.read_bytes()


def choose_file(panel: OrganisationPanel, path: Path) -> None:
    panel.logo.choose_button.click()
    [dialog] = [w for w in QApplication.topLevelWidgets() if isinstance(w, QFileDialog) and w.isVisible()]
    assert dialog.nameFilters() == ["PNG images (*.png)"]
    dialog.selectFile(str(path))
    dialog.accept()
    assert panel.session.runner.wait_idle()


def save(panel: OrganisationPanel) -> None:
    panel.save_button.click()
    assert panel.session.runner.wait_idle()


def test_parse_months() -> None:
    assert parse_months("3, 6,9 ;12") == (3, 6, 9, 12)
    assert parse_months("12, 6") == (12, 6)  # the order is the service's rule
    assert parse_months("3, six") is None
    assert parse_months("") == ()


def test_details_text() -> None:
    assert details_text(None) == ""
    assert details_text({"settings": ["name", "address"], "results": 3}) == "results: 3; settings: name, address"


# --- organisation settings ---------------------------------------------------------------------
def test_organisation_settings_are_validated_beside_the_fields_and_saved(
        qtbot: QtBot, admin_page: AdministrationPage, installation: Installation, tmp_path: Path) -> None:
    page = admin_page
    page.tabs.setCurrentWidget(page.organisation)
    panel = page.organisation
    assert unlabelled_inputs(panel) == []
    assert panel.name.text() == ORG_NAME
    assert panel.checkups.text() == ", ".join(str(m) for m in DEFAULT_CHECKUP_MONTHS)
    assert panel.threshold.value() == 5 and panel.idle.value() == 10
    assert panel.notice.toPlainText() == "" and panel.notice.placeholderText() == DEFAULT_CONFIDENTIALITY_NOTICE
    # keyring's fail backend: binding is impossible, and the page says why
    assert not panel.bind.check.isEnabled() and not panel.bind.check.isChecked()
    assert "no secure password store" in panel.bind.status.text()
    assert "recovery code always works" in panel.bind.explanation.text()
    emitted: list[OrganisationSettings] = []
    panel.session.settings_changed.connect(emitted.append)

    type_into(qtbot, panel.checkups, "3, 6, twelve")  # not numbers: refused before the service is asked
    save(panel)
    assert "whole numbers separated by commas" in panel.form.error_text("checkup_months")
    type_into(qtbot, panel.checkups, "12, 6")  # the service's rule: increasing order
    panel.threshold.setValue(2)
    panel.idle.setValue(25)
    save(panel)
    assert "increasing order" in panel.form.error_text("checkup_months")
    assert "between 3 and 100" in panel.form.error_text("statistics_threshold")
    assert stored(installation).idle_lock_minutes == 10 and emitted == []  # nothing saved
    save_screenshot(page.window(), "administration-settings-errors")

    type_into(qtbot, panel.checkups, "1, 3, 6, 12")
    panel.threshold.setValue(4)
    type_into(qtbot, panel.name, "Fundación Esperanza")
    panel.address.setPlainText("Calle del Olivo 12\n28004 Madrid")
    logo_file = tmp_path / "logo.png"
    logo = logo_png(logo_file)
    choose_file(panel, logo_file)
    assert not panel.logo.preview.pixmap().isNull()
    assert "240 × 80 pixels" in panel.form.hint_label("logo_png").text()
    save(panel)
    assert panel.form.error_text("checkup_months") == "" and panel.form.error_text("statistics_threshold") == ""
    assert panel.saved.text() == "Saved."
    saved = stored(installation)
    assert saved.checkup_months == (1, 3, 6, 12) and saved.statistics_threshold == 4
    assert saved.idle_lock_minutes == 25 and saved.logo_png == logo
    assert saved.address == "Calle del Olivo 12\n28004 Madrid"
    assert emitted and emitted[-1] == saved
    window = page.window()
    assert isinstance(window, MainWindow)
    assert window.idle_lock.timeout_ms() == 25 * 60_000 and "Fundación Esperanza" in window.status_text()
    save_screenshot(window, "administration-settings")

    not_png = tmp_path / "logo.png.txt"
    not_png.write_text("not an image")
    choose_file(panel, not_png)
    assert "not a PNG image" in panel.form.hint_label("logo_png").text()
    save(panel)
    assert "must be a PNG image" in panel.form.error_text("logo_png")
    assert stored(installation).logo_png == logo  # unchanged

    panel.logo.remove_button.click()
    assert panel.logo.preview.text() == "No logo" and not panel.logo.remove_button.isEnabled()
    panel.notice.setPlainText("Confidential. Do not copy.")
    save(panel)
    saved = stored(installation)
    assert saved.logo_png is None and saved.confidentiality_notice == "Confidential. Do not copy."


# --- audit log -----------------------------------------------------------------------------------
@pytest.fixture
def activity(installation: Installation) -> tuple[int, int]:
    """Two clients the counsellor opened (one of them with notes read) and a settings change."""
    ws, counsellor = installation.ws, installation.counsellor
    first = make_client(ws, counsellor_id=counsellor.user_id, given_names="Lucía", family_name="Benítez Prado").client_id
    second = make_client(ws, counsellor_id=counsellor.user_id, given_names="Tomás", family_name="Ibarra Sol").client_id
    with ws.unit_of_work() as uow:
        clients.get_client(uow, counsellor, first)
        notes.timeline(uow, counsellor, first)
        clients.get_client(uow, counsellor, second)
        settings.update_settings(uow, installation.admin, idle_lock_minutes=15)
        uow.commit()
    return first, second


def all_entries(installation: Installation) -> tuple[audit.AuditRow, ...]:
    with installation.ws.unit_of_work(write=False) as uow:
        return audit.list_entries(uow, installation.admin, limit=1000)


def column(panel: AuditLogPanel, number: int) -> list[str]:
    model = panel.model
    return [model.index(row, number).data() for row in range(model.rowCount())]


def apply(panel: AuditLogPanel) -> None:
    panel.apply_button.click()
    assert panel.session.runner.wait_idle()


def test_audit_viewer_lists_filters_pages_and_verifies(
        qtbot: QtBot, admin_page: AdministrationPage, installation: Installation, activity: tuple[int, int]) -> None:
    first, second = activity
    page = admin_page
    panel = page.audit
    assert panel.model.rowCount() == 0  # nothing is read until the tab is shown
    before = all_entries(installation)
    assert len(before) > 5
    panel.page_size = 5
    page.tabs.setCurrentWidget(panel)
    assert panel.session.runner.wait_idle()
    assert unlabelled_inputs(panel) == []
    assert column(panel, 0) == [str(r.seq) for r in before[:5]]  # newest first, one page
    assert column(panel, 1)[0].endswith(before[0].at.astimezone().strftime("%H:%M:%S"))  # local time
    assert panel.more_button.isEnabled() and "5 entries shown" in panel.status.text()
    # the client codes were looked up once, with an (audited) client list
    expected = all_entries(installation)
    assert expected[1:] == before and expected[0].action == "clients.listed"
    panel.more_button.click()
    assert panel.session.runner.wait_idle()
    assert column(panel, 0) == [str(r.seq) for r in expected[:10]]

    panel.page_size = 200
    apply(panel)
    assert all_entries(installation) == expected  # the codes are known: no new lookup
    assert panel.model.rowCount() == len(expected) and not panel.more_button.isEnabled()
    assert {"admin", "carmen"} <= set(column(panel, 2))
    assert "settings: idle_lock_minutes" in column(panel, 6)

    panel.user.setCurrentIndex(panel.user.findData("carmen"))
    apply(panel)
    carmen = [r for r in all_entries(installation) if r.user_name == "carmen"]
    assert column(panel, 2) == ["carmen"] * len(carmen) and len(carmen) == 3
    codes = column(panel, 5)
    assert codes.count(f"T-{date.today().year}-0001") == 2 and codes.count(f"T-{date.today().year}-0002") == 1
    assert column(panel, 4)[-1] == f"client {first}"

    panel.user.setCurrentIndex(0)
    assert panel.action.findText("client.read") >= 0  # the actions seen are offered
    panel.action.setEditText("client.read")
    apply(panel)
    assert column(panel, 3) == ["client.read", "client.read"]

    panel.action.setEditText("")
    type_into(qtbot, panel.client, f"t-{date.today().year}-0002")  # any case
    qtbot.keyClick(panel.client, Qt.Key.Key_Return)
    assert panel.session.runner.wait_idle()
    assert column(panel, 5) == [f"T-{date.today().year}-0002"] and column(panel, 3) == ["client.read"]
    assert panel.status.text() == "1 entry shown."
    save_screenshot(page.window(), "administration-audit-filtered")

    type_into(qtbot, panel.client, "C-1999-0001")
    apply(panel)
    assert panel.model.rowCount() == 0
    assert panel.filter_message.text() == "There is no client with the code C-1999-0001."

    type_into(qtbot, panel.client, "")
    type_into(qtbot, panel.since, "2026-13-01")
    apply(panel)
    assert "From date as YYYY-MM-DD" in panel.filter_message.text()
    tomorrow = date.today() + timedelta(days=1)
    type_into(qtbot, panel.since, tomorrow.isoformat())
    apply(panel)
    assert panel.model.rowCount() == 0 and panel.status.text() == "No entries match these filters."
    type_into(qtbot, panel.since, date.today().isoformat())
    type_into(qtbot, panel.until, date.today().isoformat())
    apply(panel)
    assert panel.model.rowCount() == len(all_entries(installation))

    panel.clear_button.click()
    assert panel.session.runner.wait_idle()
    assert panel.since.text() == "" and panel.model.rowCount() == len(all_entries(installation))
    panel.verify_button.click()
    assert panel.session.runner.wait_idle()
    count = len(all_entries(installation))
    assert panel.verify_result.text().startswith(f"The audit log is intact: all {count} entries were checked")
    save_screenshot(page.window(), "administration-audit")

    with installation.ws.unit_of_work() as uow:  # somebody edits an entry behind Continuum's back
        uow.session.execute(update(AuditEntry).where(AuditEntry.seq == 2).values(user_name="nobody"))
        uow.commit()
    panel.verify_button.click()
    assert panel.session.runner.wait_idle()
    assert "tampered with or damaged: audit entry 2 was altered or moved" in panel.verify_result.text()
    assert panel.verify_result.property("kind") == "error"


def test_bind_switch_follows_the_keyring(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    field = BindField(parent)
    field.show_status(KeyringStatus(False, "keyring.backends.fail.Keyring", "No secure store."))
    assert not field.check.isEnabled() and field.status.text() == "No secure store."
    field.set_value(True)  # bound elsewhere: turning it off stays possible
    assert field.check.isEnabled()
    field.set_value(False)
    assert not field.check.isEnabled()
    field.show_status(KeyringStatus(True, "keyring.backends.SecretService.Keyring", "Available."))
    assert field.check.isEnabled() and field.status.property("kind") == "hint"


def test_only_administrators_may_verify_the_chain(installation: Installation) -> None:
    with installation.ws.unit_of_work(write=False) as uow:
        assert audit.verify(uow, installation.admin).ok
        with pytest.raises(PermissionDenied):
            audit.verify(uow, installation.counsellor)
