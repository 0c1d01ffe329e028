"""The base class of every tab of the client record.

A tab is told which client to show (:meth:`RecordTab.load`), loads its data through the
session's task runner, and says whether it holds typed text not yet saved
(:meth:`has_unsaved_changes`).  The record view asks before switching client, closing or
locking, and calls :meth:`save` (Ctrl+S) or :meth:`discard_changes` as the user answers.
Tabs whose data changed something another tab shows emit :attr:`record_changed`; the
view then reloads the other tabs.

Subclasses set ``key`` (a stable name used by worklists to open the right tab: "overview",
"intake", "care_plan", "notes", "family", "followup", "history"), ``title`` (marked with
``QT_TRANSLATE_NOOP("ClientRecord", …)``) and ``roles`` (empty: every record role).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QWidget

from ui.session import Session

CONTEXT = "ClientRecord"


class RecordTab(QWidget):
    key: ClassVar[str] = ""
    title: ClassVar[str] = ""
    roles: ClassVar[tuple[str, ...]] = ()

    #: the tab saved something other tabs may show (e.g. a BARC-10 at a plan review)
    record_changed = Signal()
    #: the tab's unsaved-changes state changed
    dirty_changed = Signal(bool)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.client_id: int | None = None

    @classmethod
    def display_title(cls) -> str:
        return QCoreApplication.translate(CONTEXT, cls.title)

    @classmethod
    def allows(cls, role: str) -> bool:
        return not cls.roles or role in cls.roles

    def load(self, client_id: int) -> None:
        """Show ``client_id`` (start loading through ``session.runner``)."""
        self.client_id = client_id

    def has_unsaved_changes(self) -> bool:
        return False

    def save(self, on_done: Callable[[bool], object]) -> None:
        """Save typed changes; call ``on_done(True)`` when saved, ``on_done(False)`` if not."""
        on_done(True)

    def discard_changes(self) -> None:
        """Forget typed changes (the user chose to discard them)."""

    def print_document(self) -> bool:
        """Ctrl+P on this tab: print what it shows; return False if it has nothing to print."""
        return False
