"""The client record view: header (code, name) and tabs, with the unsaved-changes guard.

:meth:`ClientRecordView.open_client` shows a client at a given tab.  Before it switches
to another client, and whenever the main window closes or locks, :meth:`confirm_leave`
asks the user what to do with typed text that is not saved yet: save it, discard it, or
stay.  Nothing typed is ever thrown away without that question.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QMessageBox, QTabWidget, QVBoxLayout, QWidget

from ui.client_record.tab import RecordTab
from ui.client_record.tabs import record_tabs
from ui.session import Session


class ClientRecordView(QWidget):
    #: a client was opened (its id)
    client_opened = Signal(int)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.client_id: int | None = None
        self.header = QLabel(self)
        self.header.setObjectName("recordHeader")
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(self.tr("Client record"))
        self._tabs: list[RecordTab] = []
        for cls in record_tabs():
            if cls.allows(session.actor.role):
                tab = cls(session, self)
                tab.record_changed.connect(lambda t=tab: self._reload_others(t))
                self._tabs.append(tab)
                self.tabs.addTab(tab, cls.display_title())
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.tabs, 1)

    # --- opening ---------------------------------------------------------------------------
    def set_header(self, code: str, name: str) -> None:
        self.header.setText(f"<b>{code}</b> &nbsp; {name.replace('<', '&lt;')}")

    def tab(self, key: str) -> RecordTab | None:
        return next((t for t in self._tabs if t.key == key), None)

    def open_client(self, client_id: int, tab_key: str | None = None) -> None:
        """Show ``client_id`` (asking first about unsaved changes of the current one)."""
        if client_id == self.client_id:
            self._select(tab_key)
            return

        def go() -> None:
            self.client_id = client_id
            for t in self._tabs:
                t.load(client_id)
            self._select(tab_key)
            self.client_opened.emit(client_id)

        self.confirm_leave(go)

    def _select(self, tab_key: str | None) -> None:
        target = self.tab(tab_key) if tab_key else None
        if target is not None:
            self.tabs.setCurrentWidget(target)

    def _reload_others(self, changed: RecordTab) -> None:
        if self.client_id is None:
            return
        for t in self._tabs:
            if t is not changed and not t.has_unsaved_changes():
                t.load(self.client_id)

    # --- unsaved changes -------------------------------------------------------------------
    def dirty_tabs(self) -> list[RecordTab]:
        return [t for t in self._tabs if t.has_unsaved_changes()]

    def current_tab(self) -> RecordTab | None:
        widget = self.tabs.currentWidget()
        return widget if isinstance(widget, RecordTab) else None

    def save_current(self) -> None:
        tab = self.current_tab()
        if tab is not None and tab.has_unsaved_changes():
            tab.save(lambda _ok: None)

    def print_current(self) -> bool:
        tab = self.current_tab()
        return tab.print_document() if tab is not None else False

    def confirm_leave(self, then: Callable[[], object]) -> None:
        """Run ``then`` once no tab holds unsaved text (after asking the user)."""
        dirty = self.dirty_tabs()
        if not dirty:
            then()
            return
        names = ", ".join(t.display_title() for t in dirty)
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Unsaved changes"),
                          self.tr("You have typed changes that are not saved yet ({tabs}).").format(tabs=names),
                          QMessageBox.StandardButton.NoButton, self)
        box.setObjectName("unsavedChanges")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        save = box.addButton(self.tr("Save"), QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton(self.tr("Discard changes"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(self.tr("Keep editing"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(save)

        def saved_all(remaining: list[RecordTab]) -> None:
            if not remaining:
                then()
                return
            remaining[0].save(lambda ok: saved_all(remaining[1:]) if ok else None)

        save.clicked.connect(lambda: saved_all(dirty))
        discard.clicked.connect(lambda: ([t.discard_changes() for t in dirty], then()))
        box.open()
