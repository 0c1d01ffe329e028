"""Start-up speed and the schedule of the full database check.

- The first window's import path stays light: a fresh process that starts the launcher
  up to the sign-in dialog (as ``continuum`` does) has not imported SQLAlchemy, Alembic,
  ReportLab or the main window (they cost over a second before the dialog could show);
  the core ones are preloaded on the database thread once the dialog is up.
- ``clinic_app.db.schema`` answers the revision questions of a sign-in without Alembic,
  and its answers equal Alembic's own.
- The full check (``backup.startup.scheduled_check``) runs when it is due: never passed,
  a day since the last pass, or the clock went back; a pass is recorded in the data
  folder, a failure is not (the next sign-in checks again).
- In the application the main window opens before the check, which runs in the
  background without holding up the database thread, once a day.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import threading
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from conftest import ADMIN_NAME, ADMIN_PASSWORD, Installation
from gui_helpers import sign_in_to_main_window
from pytestqt.qtbot import QtBot
from sqlalchemy import text
from test_gui_shell import _configured_app, _gui_settings, runner  # noqa: F401 - shared GUI fixtures

from clinic_app.backup import startup
from clinic_app.db import schema
from clinic_app.db.engine import make_engine
from clinic_app.services import accounts
from clinic_app.workspace import Workspace
from ui import app as ui_app
from ui.main_window import MainWindow
from ui.tasks import TaskRunner

ROOT = Path(__file__).resolve().parents[1]
SLOW = 30_000
#: what the sign-in dialog must not wait for
HEAVY = ("sqlalchemy", "alembic", "reportlab", "sqlcipher3", "clinic_app.workspace", "ui.main_window")

_FIRST_WINDOW = textwrap.dedent("""
    import sys, threading
    from pathlib import Path
    from PySide6.QtWidgets import QApplication
    from clinic_app.backup import startup
    from ui import app as ui_app
    from ui.tasks import TaskRunner

    def heavy():
        return sorted(name for name in sys.modules if name.split(".")[0] in sys.argv[2:] or name in sys.argv[2:])

    app = QApplication([])
    ui_app.configure_application(app)
    runner = TaskRunner()
    gate = threading.Event()
    runner.run_db(gate.wait)  # the preload queued by the launcher waits behind this
    launcher = ui_app.Launcher(Path(sys.argv[1]), runner)
    launcher.start()
    assert type(launcher.window).__name__ == "SignInDialog" and launcher.window.isVisible()
    assert startup.startup_check(Path(sys.argv[1])).ok  # what the file check before sign-in runs
    app.processEvents()
    print(" ".join(heavy()))
    gate.set()
    assert runner.wait_idle()
    print(" ".join(heavy()))  # preloaded while the user types
    runner.shutdown()
""")


def test_sign_in_window_does_not_import_the_database_or_document_stack(installation: Installation) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-c", _FIRST_WINDOW, str(installation.data_dir), *HEAVY],
                         capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    assert out.returncode == 0, out.stderr
    first_window, preloaded = out.stdout.split("\n")[:2]
    assert first_window == ""
    assert {"sqlalchemy", "alembic", "reportlab", "clinic_app.workspace"} <= set(preloaded.split())


# --- schema revisions without Alembic -----------------------------------------------------------------
def test_revisions_read_from_the_files_equal_alembics(tmp_path: Path) -> None:
    script = ScriptDirectory.from_config(schema.alembic_config())
    assert schema.head_revision() == script.get_current_head()
    assert schema.revision_graph() == {
        r.revision: (r.down_revision,) if isinstance(r.down_revision, str) else tuple(r.down_revision or ())
        for r in script.walk_revisions()}
    assert schema.is_known_revision("0001_foundation") and not schema.is_known_revision("9999_from_the_future")

    engine = make_engine(tmp_path / "m.db", b"k" * 32)
    try:
        assert schema.current_revision(engine) is None  # an empty database
        schema.upgrade(engine, "0001_foundation")
        with engine.connect() as conn:
            assert schema.current_revision(engine) == MigrationContext.configure(conn).get_current_revision()
        schema.upgrade(engine)
        assert schema.current_revision(engine) == schema.head_revision()
    finally:
        engine.dispose()


# --- the schedule (core) -----------------------------------------------------------------------------
def test_full_check_runs_when_due_and_records_only_a_pass(installation: Installation) -> None:
    ws, data_dir = installation.ws, installation.data_dir
    now = datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)
    assert startup.full_check_due(data_dir, now) and startup.last_full_check(data_dir) is None

    report = startup.scheduled_check(ws, now)
    assert report is not None and report.ok
    assert startup.last_full_check(data_dir) == now
    assert startup.scheduled_check(ws, now + timedelta(hours=23)) is None  # passed less than a day ago
    assert startup.full_check_due(data_dir, now + startup.FULL_CHECK_INTERVAL)
    assert startup.full_check_due(data_dir, now - timedelta(minutes=5))  # the clock went back: check

    with ws.engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_log WHERE seq = 2"))
    later = now + timedelta(days=1, minutes=1)
    report = startup.scheduled_check(ws, later)
    assert report is not None and not report.ok
    assert any("audit entry 2 is missing" in p for p in report.problems)
    assert startup.last_full_check(data_dir) == now  # the failure is not recorded
    assert startup.full_check_due(data_dir, later + timedelta(minutes=1))


def test_an_unreadable_record_makes_the_check_due(installation: Installation) -> None:
    state = installation.data_dir / startup.CHECK_STATE_FILE
    for content in ("not json", json.dumps({"passed_at": "yesterday"}), json.dumps({"passed_at": "2026-03-02T09:00:00"}),
                    json.dumps(["2026-03-02T09:00:00+00:00"])):
        state.write_text(content)
        assert startup.last_full_check(installation.data_dir) is None and startup.full_check_due(installation.data_dir)


# --- the schedule in the application ---------------------------------------------------------------------
def sign_in(qtbot: QtBot, launcher: ui_app.Launcher) -> MainWindow:
    launcher.start()
    window: MainWindow = sign_in_to_main_window(qtbot, launcher, ADMIN_NAME, ADMIN_PASSWORD, SLOW)
    return window


def test_main_window_opens_before_the_full_check_which_runs_once_a_day(
        qtbot: QtBot, installation: Installation, runner: TaskRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    real_check = startup.check_database
    release = threading.Event()
    checks: list[Workspace] = []

    def held_check(ws: Workspace, backup_folder: Path | None = None) -> startup.StartupReport:
        checks.append(ws)
        assert release.wait(SLOW / 1000)
        return real_check(ws, backup_folder)

    monkeypatch.setattr(startup, "check_database", held_check)
    launcher = ui_app.Launcher(installation.data_dir, runner)
    window = sign_in(qtbot, launcher)
    qtbot.waitUntil(lambda: len(checks) == 1, timeout=SLOW)
    assert window.isVisible() and checks == [window.session.ws]
    answers: list[object] = []
    runner.run_db(window.session.call(accounts.me, write=False), answers.append)
    qtbot.waitUntil(lambda: len(answers) == 1, timeout=SLOW)  # the database thread is free meanwhile
    assert startup.last_full_check(installation.data_dir) is None
    release.set()
    assert runner.wait_idle(SLOW)
    assert startup.last_full_check(installation.data_dir) is not None
    window.close()
    assert runner.wait_idle(SLOW)

    window = sign_in(qtbot, launcher)  # the same day: not checked again
    assert runner.wait_idle(SLOW)
    assert window.isVisible() and len(checks) == 1
    window.close()
    assert runner.wait_idle(SLOW)
