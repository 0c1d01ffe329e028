"""A fresh GUI process for the benchmark: prints ``event wall-clock-time`` lines the parent reads.

``python tests/benchmarks/probe.py startup DATA_DIR USER PASSWORD`` starts the application's own
classes offscreen (``ui.app.Launcher``, as ``ui.app.main`` does), reports when the sign-in dialog
is shown, signs in through the dialog, and reports when the main window is visible
(``main_visible``) and when it has loaded its first screen (``main_shown``: the task runner is
idle, which includes the full database check when it is due: see
``clinic_app.backup.startup.scheduled_check``).

``python tests/benchmarks/probe.py memory DATA_DIR USER PASSWORD`` signs in, builds the Clients
screen with its lazy model on the database, waits for the first pages, and reports the peak
resident memory in KiB: ``VmHWM`` of ``/proc/self/status`` on Linux (``ru_maxrss`` keeps the
parent's peak across fork and exec, so it would report the benchmark's own memory), else
``ru_maxrss``.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")


def _say(event: str, value: float) -> None:
    print(f"{event} {value!r}", flush=True)


def _peak_kib(fallback: float) -> float:
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            return next(float(line.split()[1]) for line in status if line.startswith("VmHWM:"))
    except (OSError, StopIteration):
        return float(fallback)


def _wait(app: object, until: object, timeout: float = 300.0) -> None:
    deadline = time.monotonic() + timeout
    while not until() and time.monotonic() < deadline:  # type: ignore[operator]
        app.processEvents()  # type: ignore[attr-defined]
        time.sleep(0.002)
    if not until():  # type: ignore[operator]
        raise SystemExit("timed out")


def main(argv: list[str]) -> int:
    mode, data_dir, user, password = argv
    from pathlib import Path

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from ui import app as ui_app
    from ui.tasks import TaskRunner

    settings_dir = tempfile.mkdtemp(prefix="continuum-bench-")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, settings_dir)
    app = QApplication([sys.argv[0]])
    ui_app.configure_application(app)
    runner = TaskRunner()
    try:
        if mode == "startup":
            launcher = ui_app.Launcher(Path(data_dir), runner)
            launcher.start()
            dialog = launcher.window
            _wait(app, lambda: dialog.isVisible())
            app.processEvents()
            _say("signin_shown", time.time())
            dialog.user_name.setText(user)
            dialog.password.setText(password)
            dialog.sign_in()
            # by name: importing ui.main_window here would load it before the launcher does (after sign-in)
            _wait(app, lambda: type(launcher.window).__name__ == "MainWindow" and launcher.window.isVisible())
            _say("main_visible", time.time())
            _wait(app, lambda: runner.wait_idle())
            _say("main_shown", time.time())
        else:
            import resource

            from clinic_app import workspace
            from ui.clients.screen import ClientsScreen
            from ui.session import Session

            ws, actor = workspace.sign_in(Path(data_dir), user, password)
            screen = ClientsScreen(Session(ws, actor, runner))
            screen.resize(1200, 800)
            screen.show()
            _wait(app, lambda: runner.wait_idle() and screen.model.rowCount() > 0)
            screen.table.scrollToBottom()
            runner.wait_idle()
            _say("rows_loaded", float(screen.model.rowCount()))
            _say("maxrss_kib", _peak_kib(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))
    finally:
        runner.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
