"""The signed-in session: the opened workspace, the acting user and the task runner.

Screens receive a :class:`Session` and build their service calls with :meth:`Session.call`,
which wraps a service in one unit of work, always committed (read services write audit
entries); ``write=False`` only starts the transaction without taking the write lock.
The session also carries the application-wide notifications screens react to, such as
"the organisation settings changed" (the status bar and the idle lock listen to it).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal

from clinic_app.services.auth import Actor
from clinic_app.workspace import Workspace
from ui.tasks import TaskRunner

T = TypeVar("T")


class Session(QObject):
    """One signed-in user's session (lives on the GUI thread; ``ws`` is used on the database thread)."""

    #: the organisation settings were saved (carries the new ``OrganisationSettings``)
    settings_changed = Signal(object)

    def __init__(self, ws: Workspace, actor: Actor, runner: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.actor = actor
        self.runner = runner

    @property
    def data_dir(self) -> Path:
        return self.ws.paths.root

    def call(self, service: Callable[..., T], *args: Any, write: bool = True, **kwargs: Any) -> Callable[[], T]:
        """A job for ``runner.run_db``: ``service(uow, actor, *args, **kwargs)`` in one unit of work."""
        ws, actor = self.ws, self.actor

        def job() -> T:
            with ws.unit_of_work(write=write) as uow:
                result = service(uow, actor, *args, **kwargs)
                uow.commit()  # also for reads: the audit entries a read service writes must be kept
                return result

        return job

    def close(self) -> None:
        """Close the workspace on the database thread (after any queued work)."""
        self.runner.run_db(self.ws.close)
