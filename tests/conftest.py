"""Shared fixtures.  Every test runs offscreen, with keyring's fail backend (no daemon), and
with its data folder inside pytest's temporary directory."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"

from clinic_app import workspace  # noqa: E402
from clinic_app.services import accounts  # noqa: E402
from clinic_app.services.auth import COUNSELLOR, STATISTICS, Actor  # noqa: E402
from clinic_app.workspace import Workspace  # noqa: E402

ADMIN_NAME = "admin"
ADMIN_PASSWORD = "Admin-pässwörd-2026"
COUNSELLOR_NAME = "carmen"
COUNSELLOR_PASSWORD = "Counsellor-pass-2026"
STATS_NAME = "stats"
STATS_PASSWORD = "Statistics-pass-2026"
ORG_NAME = "Fundación Esperanza Test"


@dataclass
class Installation:
    data_dir: Path
    ws: Workspace
    admin: Actor
    counsellor: Actor
    stats: Actor
    recovery_code: str


@pytest.fixture(autouse=True)
def _isolated_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CONTINUUM_DATA_DIR", str(tmp_path / "default-data"))
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "home" / ".config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "home" / ".local" / "share"))


@pytest.fixture
def installation(tmp_path: Path) -> Iterator[Installation]:
    """A fresh installation with an administrator, a counsellor and a statistics user."""
    data_dir = tmp_path / "data"
    ws, admin, code = workspace.create_installation(data_dir, ORG_NAME, ADMIN_NAME, ADMIN_PASSWORD)
    with ws.unit_of_work() as uow:
        c = accounts.add_user(uow, admin, COUNSELLOR_NAME, COUNSELLOR, COUNSELLOR_PASSWORD, "Carmen Ruiz")
        s = accounts.add_user(uow, admin, STATS_NAME, STATISTICS, STATS_PASSWORD)
        uow.commit()
    inst = Installation(data_dir, ws, admin, Actor(c.id, c.name, c.role), Actor(s.id, s.name, s.role), code)
    yield inst
    ws.close()


@pytest.fixture(autouse=True)
def _close_leftover_windows() -> Iterator[None]:
    """GUI tests share one QApplication per worker: close what a test left open (message
    boxes, dialogs, windows) so the next test never finds another test's widgets."""
    yield
    import sys

    if "PySide6.QtWidgets" not in sys.modules:
        return
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        return
    for widget in QApplication.topLevelWidgets():
        if widget.isVisible():
            widget.close()
    app.processEvents()
