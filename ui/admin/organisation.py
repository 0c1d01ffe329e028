"""Organisation settings for administrators: name, address and idle-lock minutes.

Read with ``settings.get_settings`` and saved with ``settings.update_settings``; the
service's messages appear beside the matching fields.  After a save the session's
``settings_changed`` signal tells the status bar and the idle lock.  Further settings
(documents, follow-ups, statistics) join this form as their screens arrive.
"""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPlainTextEdit, QPushButton, QSpinBox, QVBoxLayout, QWidget

from clinic_app.services import settings
from clinic_app.services.settings import OrganisationSettings
from ui.forms import Form, message_label, set_message
from ui.session import Session


class OrganisationPanel(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.form = Form(self)
        self.name = QLineEdit(self)
        self.address = QPlainTextEdit(self)
        self.address.setTabChangesFocus(True)
        self.address.setFixedHeight(self.fontMetrics().lineSpacing() * 5)
        self.idle = QSpinBox(self)
        self.idle.setRange(1, 240)
        self.idle.setSuffix(self.tr(" minutes"))
        self.form.add_field("name", self.tr("Organisation &name:"), self.name,
                            self.tr("Printed at the top of every document."))
        self.form.add_field("address", self.tr("&Address:"), self.address)
        self.form.add_field("idle_lock_minutes", self.tr("&Lock after:"), self.idle,
                            self.tr("When nobody uses Continuum for this long, the window locks and "
                                    "asks for the password again."))
        self.save_button = QPushButton(self.tr("&Save settings"), self)
        self.save_button.clicked.connect(self.save)
        self.form.add_action(self.save_button)
        self.saved = message_label("ok", self)

        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addWidget(self.saved)
        row.addStretch(1)
        self.form.setMaximumWidth(720)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addLayout(row)
        layout.addStretch(1)
        self.form.submit(session.runner, session.call(settings.get_settings, write=False), self._show)

    def _show(self, values: OrganisationSettings) -> None:
        self.name.setText(values.name)
        self.address.setPlainText(values.address)
        self.idle.setValue(values.idle_lock_minutes)

    def save(self) -> None:
        set_message(self.saved, "")
        task = self.session.call(settings.update_settings, name=self.name.text(),
                                 address=self.address.toPlainText(), idle_lock_minutes=self.idle.value())
        self.form.submit(self.session.runner, task, self._saved)

    def _saved(self, values: OrganisationSettings) -> None:
        set_message(self.saved, self.tr("Saved."))
        self.session.settings_changed.emit(values)
