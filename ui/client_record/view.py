"""The client record view: header (code, name, Print menu) and tabs, with the unsaved-changes guard.

:meth:`ClientRecordView.open_client` shows a client at a given tab.  Before it switches
to another client, and whenever the main window closes or locks, :meth:`confirm_leave`
asks the user what to do with typed text that is not saved yet: save it, discard it, or
stay.  Nothing typed is ever thrown away without that question.

Printing: the header's **Print** button offers the care plan, the discharge summary and
the intake summary; Ctrl+P (:meth:`ClientRecordView.print_current`) picks the document
that matches the tab shown (Intake: intake summary; Care plan: care plan; Follow-up:
discharge summary; any other tab: the care plan).  The care plan printed is the version the
Care plan tab shows, else the service's choice (the active version, else the draft).  The
document is rendered on the database thread and opens in :class:`ui.print_preview.PrintPreview`
when it arrives; a refusal (e.g. no care plan yet) is shown as the service's message.
While one document is being prepared, the Print button waits and Ctrl+P does nothing more.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QMessageBox, QPushButton, QTabWidget, QVBoxLayout, QWidget

from clinic_app.services.printing import CARE_PLAN, DISCHARGE_SUMMARY, INTAKE_SUMMARY
from ui.client_record.care_plan import CarePlanTab
from ui.client_record.tab import RecordTab
from ui.client_record.tabs import record_tabs
from ui.print_preview import CLIENT_DOCUMENTS, DocumentRequest, PrintPreview, document_title, open_preview
from ui.session import Session

#: the document Ctrl+P prints on each tab (any other tab: the care plan)
TAB_DOCUMENTS = {"intake": INTAKE_SUMMARY, "care_plan": CARE_PLAN, "followup": DISCHARGE_SUMMARY}


class ClientRecordView(QWidget):
    #: a client was opened (its id)
    client_opened = Signal(int)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.client_id: int | None = None
        #: the tab key the last open_client asked for (kept even if no tab has that key yet)
        self.requested_tab: str | None = None
        self.header = QLabel(self)
        self.header.setObjectName("recordHeader")
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.print_button = QPushButton(self.tr("Print"), self)
        self.print_button.setObjectName("recordPrint")
        self.print_button.setAccessibleName(self.tr("Print a document of this client"))
        self.print_button.setToolTip(self.tr("Preview and print the care plan, discharge summary or intake summary "
                                             "(Ctrl+P: the one that matches the tab)"))
        self.print_menu = QMenu(self.print_button)
        for kind in CLIENT_DOCUMENTS:
            action = self.print_menu.addAction(self.tr("{document}…").format(document=document_title(kind)))
            action.setObjectName(f"print_{kind}")
            action.triggered.connect(lambda _checked=False, k=kind: self.print_document(k))
        self.print_button.setMenu(self.print_menu)
        self._printing = False
        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(self.tr("Client record"))
        self._tabs: list[RecordTab] = []
        for cls in record_tabs():
            if cls.allows(session.actor.role):
                tab = cls(session, self)
                tab.record_changed.connect(lambda t=tab: self._reload_others(t))
                self._tabs.append(tab)
                self.tabs.addTab(tab, cls.display_title())
        header_row = QHBoxLayout()
        header_row.addWidget(self.header, 1)
        header_row.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.addLayout(header_row)
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
        self.requested_tab = tab_key
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
        """Ctrl+P: preview the document that matches the tab shown; False when no client is open."""
        if self.client_id is None:
            return False
        tab = self.current_tab()
        self.print_document(TAB_DOCUMENTS.get(tab.key if tab is not None else "", CARE_PLAN))
        return True

    def print_document(self, kind: str) -> None:
        """Render ``kind`` for the open client (database thread) and open its preview when it arrives."""
        if self.client_id is None or self._printing:
            return
        self._set_printing(True)
        request = DocumentRequest(kind, self.client_id, self._shown_plan_id() if kind == CARE_PLAN else None)
        open_preview(self, self.session, request, self._preview_settled)

    def _shown_plan_id(self) -> int | None:
        """The care-plan version the Care plan tab shows for the open client, if any."""
        tab = self.tab(CarePlanTab.key)
        plan = tab.plan if isinstance(tab, CarePlanTab) else None
        return plan.id if plan is not None and plan.client_id == self.client_id else None

    def _preview_settled(self, _preview: PrintPreview | None) -> None:
        self._set_printing(False)

    def _set_printing(self, busy: bool) -> None:
        self._printing = busy
        self.print_button.setEnabled(not busy)

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
