"""The Administration screen (administrators only): accounts and organisation settings, one tab each."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from ui.admin.accounts import AccountsPanel
from ui.admin.organisation import OrganisationPanel
from ui.forms import heading
from ui.session import Session


class AdministrationPage(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.accounts = AccountsPanel(session, self)
        self.organisation = OrganisationPanel(session, self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.accounts, self.tr("Accounts"))
        self.tabs.addTab(self.organisation, self.tr("Organisation"))
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Administration"), self))
        layout.addWidget(self.tabs)
