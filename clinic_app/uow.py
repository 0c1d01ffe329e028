"""The unit of work: one session, one transaction, committed only when the service says so.

    with workspace.unit_of_work() as uow:
        result = services.clients.register(uow, actor, ...)
        uow.commit()

Leaving the block without ``commit()`` rolls everything back, so a failure half-way
through a user action leaves nothing behind.  Work that writes (the default) starts with
``BEGIN IMMEDIATE`` on SQLite so it holds the write lock from its first statement; pass
``write=False`` for pure reads (which must then not write audit entries).
"""

from __future__ import annotations

from types import TracebackType
from typing import TYPE_CHECKING

from sqlalchemy import Engine
from sqlalchemy.orm import Session

if TYPE_CHECKING:
    from clinic_app.workspace import Workspace


class UnitOfWork:
    def __init__(self, workspace: "Workspace", engine: Engine, write: bool = True) -> None:
        self.workspace = workspace
        self._engine = engine
        self._write = write
        self._committed = False

    def __enter__(self) -> "UnitOfWork":
        self._conn = self._engine.connect()
        self._conn.info["begin_mode"] = "IMMEDIATE" if self._write else ""
        self._tx = self._conn.begin()
        self.session = Session(bind=self._conn, expire_on_commit=False, autoflush=True)
        return self

    @property
    def audit_key(self) -> bytes:
        return self.workspace.audit_key

    def commit(self) -> None:
        self.session.flush()
        self._tx.commit()
        self._committed = True

    def rollback(self) -> None:
        if self._tx.is_active:
            self._tx.rollback()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        try:
            if not self._committed:
                self.rollback()
        finally:
            self.session.close()
            self._conn.info.pop("begin_mode", None)
            self._conn.close()
