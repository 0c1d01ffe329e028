"""The Administration screen (administrators only): accounts, organisation settings, the audit log and backups, one tab each."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from ui.admin.accounts import AccountsPanel
from ui.admin.audit_log import AuditLogPanel
from ui.admin.organisation import OrganisationPanel
from ui.backup.panel import BackupsPanel
from ui.forms import heading
from ui.session import Session


class AdministrationPage(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.accounts = AccountsPanel(session, self)
        self.organisation = OrganisationPanel(session, self)
        self.audit = AuditLogPanel(session, self)
        self.backups = BackupsPanel(session, self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.accounts, self.tr("Accounts"))
        self.tabs.addTab(self.organisation, self.tr("Organisation"))
        self.tabs.addTab(self.audit, self.tr("Audit log"))
        self.tabs.addTab(self.backups, self.tr("Backups"))
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Administration"), self))
        layout.addWidget(self.tabs)
