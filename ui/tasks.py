"""The task runner: every service call leaves the GUI thread, and its result comes back to it.

Modelled on Anki's ``CollectionOp``/``QueryOp`` split:

- ``run_db(fn, on_done, on_error)`` runs ``fn`` on ONE dedicated worker ``QThread``, so
  all database work is serialised (one unit of work at a time, in submission order).
- ``run_io(fn, on_done, on_error)`` runs ``fn`` on a small ``QThreadPool`` for work that
  does not touch the database: rendering documents, writing files, exports.

Results and errors come back to the GUI thread through a queued signal and are delivered
there, in the order the jobs finish:

- success: ``on_done(result)`` (if given);
- a ``ContinuumError`` (validation, permission, sign-in, storage): its messages are first
  put into the window's language (:func:`ui.core_messages.localise_error`), then
  ``on_error(exc)`` if given, otherwise its message is shown in a readable message box;
- any other exception is unexpected: its type and stack frames are logged with
  :mod:`logging` (never the exception's message, which might quote client data), a
  generic dialog says that nothing was changed, and ``on_error`` (if given) receives an
  :class:`UnexpectedError` so the caller can leave its busy state.

Services never commit on failure, so "a failed operation changes nothing" holds by
construction.  A callback bound to a widget that has been deleted meanwhile is skipped.
Tests wait for the runner with :meth:`TaskRunner.wait_idle` (or ``qtbot.waitUntil(runner.is_idle)``).
"""

from __future__ import annotations

import functools
import logging
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    QRunnable,
    Qt,
    QThread,
    QThreadPool,
    Signal,
    SignalInstance,
    Slot,
)
from PySide6.QtWidgets import QApplication, QWidget

from clinic_app.errors import ContinuumError, ValidationError
from ui.core_messages import localise_error
from ui.dialogs import show_message

log = logging.getLogger(__name__)

Callback = Callable[[Any], object]
ErrorCallback = Callable[[ContinuumError], object]


class UnexpectedError(ContinuumError):
    """Stands for an exception nobody planned for; its message is generic on purpose."""

    def __init__(self) -> None:
        super().__init__(
            QCoreApplication.translate(
                "TaskRunner",
                "Something went wrong and the action was not completed. Nothing was changed. "
                "The technical details were written to Continuum's log file.",
            )
        )


def error_text(exc: ContinuumError) -> str:
    """The message of ``exc`` for a dialog: a validation error lists its messages without field keys."""
    if isinstance(exc, ValidationError):
        return "\n".join(exc.errors.values())
    return str(exc)


def log_unexpected(exc: BaseException) -> None:
    """Log an unexpected exception: its type and stack frames only, never its message."""
    frames = "".join(traceback.format_tb(exc.__traceback__))
    log.error("Unexpected %s.%s\n%s", type(exc).__module__, type(exc).__qualname__, frames)


@dataclass
class _Job:
    on_done: Callback | None
    on_error: ErrorCallback | None


def _call(fn: Callable[[], Any]) -> tuple[Any, BaseException | None]:
    try:
        return fn(), None
    except Exception as exc:  # noqa: BLE001 - delivered to the GUI thread, never swallowed
        return None, exc


class _DbWorker(QObject):
    """Lives on the database thread; runs the jobs it is sent, one at a time."""

    finished = Signal(int, object, object)

    @Slot(int, object)
    def execute(self, job_id: int, fn: Callable[[], Any]) -> None:
        result, error = _call(fn)
        self.finished.emit(job_id, result, error)


class _IoJob(QRunnable):
    def __init__(self, job_id: int, fn: Callable[[], Any], finished: SignalInstance) -> None:
        super().__init__()
        self._job_id, self._fn, self._finished = job_id, fn, finished

    def run(self) -> None:
        result, error = _call(self._fn)
        self._finished.emit(self._job_id, result, error)


def _owner_alive(callback: Callable[..., object] | None) -> bool:
    """False when ``callback`` is a method of a Qt object whose C++ side is already deleted."""
    while isinstance(callback, functools.partial):
        callback = callback.func
    owner = getattr(callback, "__self__", None)
    return not isinstance(owner, QObject) or shiboken6.isValid(owner)


class TaskRunner(QObject):
    """Runs database work on one worker thread and I/O work on a pool; answers on the GUI thread."""

    _send_db = Signal(int, object)
    _finished = Signal(int, object, object)

    def __init__(self, parent: QObject | None = None, io_threads: int = 2) -> None:
        super().__init__(parent)
        self._jobs: dict[int, _Job] = {}
        self._next_id = 0
        self._db_thread = QThread()
        self._db_thread.setObjectName("continuum-db")
        self._db_worker = _DbWorker()
        self._db_worker.moveToThread(self._db_thread)
        self._send_db.connect(self._db_worker.execute, Qt.ConnectionType.QueuedConnection)
        self._db_worker.finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self._finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self._db_thread.start()
        self._pool = QThreadPool()
        self._pool.setMaxThreadCount(io_threads)

    # --- submitting -------------------------------------------------------------------
    def run_db(self, fn: Callable[[], Any], on_done: Callback | None = None, on_error: ErrorCallback | None = None) -> None:
        """Run ``fn`` on the database thread (serialised with every other database job)."""
        self._send_db.emit(self._register(on_done, on_error), fn)

    def run_io(self, fn: Callable[[], Any], on_done: Callback | None = None, on_error: ErrorCallback | None = None) -> None:
        """Run ``fn`` on the I/O pool (documents, files, exports: never the database)."""
        self._pool.start(_IoJob(self._register(on_done, on_error), fn, self._finished))

    def _register(self, on_done: Callback | None, on_error: ErrorCallback | None) -> int:
        if not self._db_thread.isRunning():
            raise RuntimeError("the task runner has been shut down")
        self._next_id += 1
        self._jobs[self._next_id] = _Job(on_done, on_error)
        return self._next_id

    # --- delivering (GUI thread) --------------------------------------------------------
    @Slot(int, object, object)
    def _deliver(self, job_id: int, result: Any, error: BaseException | None) -> None:
        job = self._jobs[job_id]
        try:
            if error is None:
                if job.on_done is not None and _owner_alive(job.on_done):
                    job.on_done(result)
            else:
                self._fail(job, error)
        except Exception as exc:  # noqa: BLE001 - a failing callback must not kill the event loop
            self._fail(_Job(None, None), exc)
        finally:
            del self._jobs[job_id]

    def _fail(self, job: _Job, error: BaseException) -> None:
        if isinstance(error, ContinuumError):
            shown = localise_error(error)
        else:
            log_unexpected(error)
            shown = UnexpectedError()
            self.show_error(shown)
        if job.on_error is not None and _owner_alive(job.on_error):
            job.on_error(shown)
        elif shown is error:
            self.show_error(shown)

    def show_error(self, exc: ContinuumError) -> None:
        """Show ``exc``'s message in a message box over the active window (the default handler)."""
        parent: QWidget | None = QApplication.activeWindow()
        show_message(parent, self.tr("Continuum"), error_text(exc), error=True)

    # --- waiting and stopping ------------------------------------------------------------
    def is_idle(self) -> bool:
        return not self._jobs

    def wait_idle(self, timeout_ms: int = 30_000) -> bool:
        """Process events until every submitted job has been delivered; False on timeout."""
        deadline = time.monotonic() + timeout_ms / 1000
        while self._jobs and time.monotonic() < deadline:
            QCoreApplication.processEvents()
            QThread.msleep(5)
        return not self._jobs

    def shutdown(self, timeout_ms: int = 30_000) -> None:
        """Finish the queued jobs, then stop the database thread and the I/O pool."""
        self.wait_idle(timeout_ms)
        self._pool.waitForDone(timeout_ms)
        self._db_thread.quit()
        self._db_thread.wait(timeout_ms)
