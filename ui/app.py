"""``continuum``: start the desktop application.

``main(argv)`` parses ``--data-dir`` (else ``CONTINUUM_DATA_DIR``, else the per-user data
folder: ``clinic_app.config.resolve_data_dir``) and ``--demo``, creates the
``QApplication`` and hands over to :class:`Launcher`:

- an empty data folder opens the setup wizard, anything else the sign-in dialog;
- after either, the main window opens with the signed-in session.

``--self-test`` runs :mod:`ui.self_test` instead (headless checks of this build in a
temporary folder) and exits with its code.

Start-up checks and the guided restore (:mod:`ui.backup`):

- while the sign-in dialog is up, ``backup.startup.startup_check`` looks at the files on
  the I/O pool; a missing key-slot file or a damaged or missing database opens
  :class:`~ui.backup.problems.StartupProblemDialog` over it (explanation, newest backup);
- a database that cannot be opened at sign-in (the core's ``StorageError``) opens the
  same explanation, with the newest backup of this installation;
- after sign-in the main window opens at once; the full check
  (``backup.startup.scheduled_check``: integrity and audit chain, at most once a day, see
  that module) then runs in the background on the I/O pool, on connections of its own, so
  the database thread and the screens are not held up.  If it finds a problem, the
  explanation opens over the main window: keep working ("Open the records anyway"),
  quit, or restore, which closes the main window first (as closing always does: unsaved
  text, the backup on closing), then opens the restore wizard;
- "Restore from a backup…" (sign-in dialog), "Restore a backup instead…" (setup wizard)
  and the explanation open :class:`~ui.backup.restore_wizard.RestoreWizard` in place of
  the current window; after a restore the sign-in dialog opens, else the window before.
  The data folder is never open while it is restored.

**Decision (start-up time)**: the first window must come up fast, so this module and the
sign-in dialog import only Qt and the light core modules at start; the database stack,
the main window, the wizards and the restore machinery are imported when first needed.
While the sign-in dialog waits for the password, :func:`preload_core` imports the core
modules behind signing in and the main window on the database thread, so pressing "Sign
in" does not wait for them either.  ``tests/test_start_up.py`` fails if SQLAlchemy,
Alembic or ReportLab come back on the path to the first window.

``--demo`` makes a throwaway installation in a new temporary folder (deleted at exit):
organisation "Demo Aftercare Centre", administrator ``demo`` with a fixed password that
the sign-in dialog shows.  If the core offers ``clinic_app.demo.populate(ws, actor,
clients=N, seed=S)`` it is called too, on the database thread, behind a progress dialog.

Errors that escape are logged (type and stack only) to a rotating file in the per-user
log folder; the user sees a generic message, never a traceback.
"""

from __future__ import annotations

import argparse
import functools
import importlib
import importlib.util
import logging
import logging.handlers
import shutil
import sys
import tempfile
from collections.abc import Callable, Sequence
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from clinic_app.backup import startup
from clinic_app.backup.startup import StartupReport
from clinic_app.config import APP_AUTHOR, APP_NAME, DataPaths, log_dir, resolve_data_dir
from clinic_app.errors import ContinuumError, StorageError
from ui.language import install_translations
from ui.sign_in import SignInDialog
from ui.tasks import TaskRunner, error_text

if TYPE_CHECKING:
    from clinic_app.services.auth import Actor
    from clinic_app.workspace import Workspace
    from ui.backup.problems import StartupProblemDialog
    from ui.backup.restore_wizard import RestoreWizard
    from ui.main_window import MainWindow
    from ui.session import Session
    from ui.setup_wizard import SetupWizard

DEMO_ORGANISATION = "Demo Aftercare Centre"
DEMO_USER = "demo"
DEMO_PASSWORD = "continuum-demo"
DEMO_FULL_NAME = "Demo Administrator"
DEMO_CLIENTS = 40
DEMO_SEED = 2026


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="continuum", description="Continuum: aftercare records, offline and encrypted.")
    parser.add_argument("--data-dir", help="the data folder to use (default: CONTINUUM_DATA_DIR or the per-user folder)")
    parser.add_argument("--demo", action="store_true",
                        help="open a throwaway demo database (deleted at exit) with a demo administrator")
    parser.add_argument("--self-test", action="store_true",
                        help="check this installation headless in a temporary folder, print one line per check, exit")
    parser.add_argument("--self-test-output", metavar="FILE", help="write the self-test's lines to FILE")
    return parser.parse_args(list(argv))


def _demo_populate() -> Callable[..., object] | None:
    """``clinic_app.demo.populate`` when the core has it."""
    if importlib.util.find_spec("clinic_app.demo") is None:
        return None
    return getattr(importlib.import_module("clinic_app.demo"), "populate", None)


#: the core modules behind signing in and the main window (no Qt), with their heavy libraries:
#: SQLAlchemy and the models, Alembic (backups), ReportLab (printing)
PRELOADED = ("clinic_app.workspace", "clinic_app.backup.operations", "clinic_app.services.printing")


def preload_core() -> None:
    """Import :data:`PRELOADED` (database thread, while the sign-in dialog waits for the password).

    About a second of imports that would otherwise come after "Sign in" is pressed.  On the
    database thread, so the sign-in job, which needs them first, runs after this and never
    imports them at the same time; the Qt modules of the main window stay on the GUI thread.
    """
    for name in PRELOADED:
        importlib.import_module(name)


def create_demo_installation(data_dir: Path, clients: int = DEMO_CLIENTS,
                             progress: Callable[[int, int], object] | None = None) -> None:
    """Make the demo installation in ``data_dir`` (database thread); add demo clients if the core can.

    ``progress(done, total)`` is called from the worker thread after each client.
    """
    from clinic_app import workspace

    ws, actor, _code = workspace.create_installation(data_dir, DEMO_ORGANISATION, DEMO_USER, DEMO_PASSWORD, DEMO_FULL_NAME)
    try:
        populate = _demo_populate()
        if populate is not None:
            populate(ws, actor, clients=clients, seed=DEMO_SEED, progress=progress)
    finally:
        ws.close()


class Launcher(QObject):
    """Shows the first window (wizard or sign-in), then the main window."""

    #: demo clients made so far, and how many in all (emitted from the database thread)
    demo_progress = Signal(int, int)

    def __init__(self, data_dir: Path, runner: TaskRunner, demo: bool = False, demo_clients: int = DEMO_CLIENTS,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.data_dir, self.runner, self.demo, self.demo_clients = data_dir, runner, demo, demo_clients
        self.window: MainWindow | SignInDialog | SetupWizard | QProgressDialog | RestoreWizard | None = None
        self.session: Session | None = None

    def start(self) -> None:
        if self.demo:
            self._prepare_demo()
        elif DataPaths(self.data_dir).is_initialised():
            self.show_sign_in()
            self._check_files()
        else:
            self.show_wizard()

    def _prepare_demo(self) -> None:
        progress = QProgressDialog(self.tr("Preparing the demo database…"), "", 0, 0)
        progress.setWindowTitle(self.tr("Continuum demo"))
        progress.setCancelButton(None)
        progress.setMinimumDuration(0)
        progress.setWindowModality(Qt.WindowModality.ApplicationModal)
        progress.show()
        self.window = progress
        self.demo_progress.connect(self._show_demo_progress, Qt.ConnectionType.QueuedConnection)
        data_dir, clients, report = self.data_dir, self.demo_clients, self.demo_progress.emit
        self.runner.run_db(lambda: create_demo_installation(data_dir, clients, report), self._demo_ready, self._demo_failed)

    def _show_demo_progress(self, done: int, total: int) -> None:
        if isinstance(self.window, QProgressDialog):
            self.window.setLabelText(self.tr("Adding demo clients: {done} of {total}…").format(done=done, total=total))
            self.window.setMaximum(total)
            self.window.setValue(done)

    def _demo_ready(self, _result: None) -> None:
        progress = self.window
        self.show_sign_in((DEMO_USER, DEMO_PASSWORD))
        if isinstance(progress, QProgressDialog):
            progress.close()  # after the sign-in dialog is up, so the application does not quit

    def _demo_failed(self, exc: ContinuumError) -> None:
        """Say what went wrong in the progress dialog itself; closing it quits."""
        progress = self.window
        if isinstance(progress, QProgressDialog):
            progress.setLabelText(self.tr("The demo database could not be prepared.\n{message}").format(
                message=error_text(exc)))
            progress.setCancelButtonText(self.tr("Close"))
            progress.canceled.connect(progress.close)

    def show_wizard(self) -> SetupWizard:
        from ui.setup_wizard import SetupWizard

        wizard = SetupWizard(self.data_dir, self.runner)
        wizard.accepted.connect(lambda: self.show_main(wizard.workspace, wizard.actor))
        wizard.restore_requested.connect(lambda: self.show_restore(None))
        wizard.show()
        self.window = wizard
        return wizard

    def show_sign_in(self, demo_hint: tuple[str, str] | None = None) -> SignInDialog:
        dialog = SignInDialog(self.data_dir, self.runner, demo_hint)
        dialog.signed_in.connect(self.signed_in)
        dialog.restore_requested.connect(lambda: self.show_restore(None))
        dialog.open_failed.connect(self._open_failed)
        dialog.show()
        self.window = dialog
        self.runner.run_db(preload_core)  # while the user types; the sign-in job queues behind it
        return dialog

    # --- start-up checks and the guided restore ---------------------------------------------------
    def _check_files(self) -> None:
        """The checks that need no key, on the I/O pool; a problem opens the explanation."""
        data_dir = self.data_dir
        self.runner.run_io(lambda: startup.startup_check(data_dir), self._problem_found)

    def _open_failed(self, exc: StorageError) -> None:
        data_dir, message = self.data_dir, str(exc)

        def report() -> StartupReport:
            from ui.backup import jobs

            return jobs.open_failure_report(data_dir, message)
        self.runner.run_io(report, self._problem_found)

    def _problem_found(self, report: StartupReport) -> None:
        if not report.ok and isinstance(self.window, SignInDialog) and self.window.isVisible():
            self.show_problem(report)

    def signed_in(self, ws: Workspace, actor: Actor) -> MainWindow:
        """The main window at once, then the full check in the background if it is due."""
        window = self.show_main(ws, actor)

        def check() -> StartupReport | None:
            return startup.scheduled_check(ws)

        def failed(exc: ContinuumError) -> None:
            self._checked(window, StartupReport(ws.paths.root, startup.PROBLEM, (str(exc),), None))
        self.runner.run_io(check, functools.partial(self._checked, window), failed)
        return window

    def _checked(self, window: MainWindow, report: StartupReport | None) -> None:
        if report is not None and not report.ok and window.isVisible():
            self.show_problem(report, window)

    def show_problem(self, report: StartupReport, main: MainWindow | None = None) -> StartupProblemDialog:
        """The explanation: over the sign-in dialog, or over the ``main`` window (records open)."""
        from ui.backup.problems import StartupProblemDialog

        over: QWidget | None = main or (self.window if isinstance(self.window, SignInDialog) else None)
        dialog = StartupProblemDialog(report, over, can_continue=main is not None)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if main is not None:
            dialog.restore_requested.connect(functools.partial(self._close_and_restore, main))
            dialog.rejected.connect(main.close)  # "Quit"
        else:
            dialog.restore_requested.connect(self.show_restore)
        dialog.setWindowModality(Qt.WindowModality.WindowModal if over else Qt.WindowModality.ApplicationModal)
        dialog.show()
        return dialog

    def _close_and_restore(self, main: MainWindow, archive: Path | None) -> None:
        """Close the main window as the user would (it may ask about unsaved text and make the
        backup on closing first); once it has closed, the restore wizard opens in its place."""
        def closed() -> None:
            self.window = None  # closed already
            self.show_restore(archive)
        _WhenHidden(main, closed)
        main.close()

    def show_restore(self, archive: Path | None) -> RestoreWizard:
        """The restore wizard, in place of the current window (``archive``: the backup to offer)."""
        from ui.backup.restore_wizard import RestoreWizard

        previous = self.window
        wizard = RestoreWizard(self.data_dir, self.runner, archive)
        wizard.closing.connect(functools.partial(self._restore_closing, wizard))
        wizard.show()
        self.window = wizard
        if previous is not None:
            previous.close()
        return wizard

    def _restore_closing(self, wizard: RestoreWizard, restored: bool) -> None:
        if not DataPaths(self.data_dir).is_initialised():
            self.show_wizard()
            return
        dialog = self.show_sign_in()
        self._check_files()
        if restored:
            dialog.show_note(self.tr("The backup has been restored. Sign in as usual."))
            if wizard.restored_by:
                dialog.user_name.setText(wizard.restored_by)
                dialog.password.setFocus()

    def show_main(self, ws: Workspace | None, actor: Actor | None) -> MainWindow:
        from ui.main_window import MainWindow
        from ui.session import Session

        assert ws is not None and actor is not None
        self.session = Session(ws, actor, self.runner, self)
        window = MainWindow(self.session)
        window.show()
        self.window = window
        return window


class _WhenHidden(QObject):
    """Calls ``then`` once, when ``window`` is hidden (closed: a minimised window stays visible)."""

    def __init__(self, window: QWidget, then: Callable[[], object]) -> None:
        super().__init__(window)
        self._then = then
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Hide and isinstance(watched, QWidget) and not watched.isVisible():
            watched.removeEventFilter(self)
            self._then()  # during the hide, so a window is up when Qt looks for the last one
        return False


def configure_application(app: QApplication) -> None:
    """Names (for QSettings), the language (:mod:`ui.language`: translations, dates, numbers), the style sheet."""
    app.setOrganizationName(APP_AUTHOR)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setDesktopFileName("continuum")  # matches installer/linux/continuum.desktop (Wayland)
    app.setWindowIcon(QIcon(str(resources.files("ui.resources").joinpath("icons", "continuum.svg"))))
    install_translations(app)
    app.setStyleSheet(resources.files("ui.resources").joinpath("style.qss").read_text("utf-8"))


def configure_logging() -> Path:
    """Log warnings and errors to a rotating file in the per-user log folder (and stderr if any)."""
    folder = log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    handlers: list[logging.Handler] = [
        logging.handlers.RotatingFileHandler(folder / "continuum.log", maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    ]
    if sys.stderr is not None:
        handlers.append(logging.StreamHandler())
    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(levelname)s %(name)s: %(message)s", handlers=handlers)
    return folder


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.self_test:
        from ui import self_test  # only here: the normal start does not pay for its imports

        return self_test.main(args.self_test_output)
    configure_logging()
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else APP_NAME])
    assert isinstance(app, QApplication)
    configure_application(app)
    demo_dir = Path(tempfile.mkdtemp(prefix="continuum-demo-")) if args.demo else None
    runner = TaskRunner()
    launcher = Launcher(demo_dir or resolve_data_dir(args.data_dir), runner, demo=args.demo, demo_clients=DEMO_CLIENTS)
    try:
        launcher.start()
        return app.exec()
    finally:
        runner.shutdown()
        if demo_dir is not None:
            shutil.rmtree(demo_dir, ignore_errors=True)
