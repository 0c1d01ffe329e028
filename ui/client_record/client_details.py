"""Editing a client's personal and contact details: the "Edit details…" dialog.

:func:`open_edit_details` shows :class:`EditDetailsDialog` for one client record: names,
date of birth, sex, gender identity, nationality, phone, e-mail, address, preferred
language and the assigned counsellor, saved by ``clients.update_client`` (one
transaction, audited as "client.updated" with the names of the fields that changed).

Decisions
---------
* **The intake's own section.**  The dialog holds an :class:`ui.client_record.intake.IntakeForm`
  made with ``client=``: the person and contact section of the intake, filled in.  The
  fields, labels, the checks as the user types and the service's messages beside the
  fields are therefore the intake's, from one place.
* **A dialog, not editing inside a tab.**  Details change rarely; the tabs keep showing
  what is saved.  The dialog is window-modal and opened without a nested event loop;
  Ctrl+S saves; Cancel or Escape with changes asks before discarding them; while the
  save runs the dialog stays open, because the answer must arrive somewhere.
* **Assigned counsellor.**  Reassigning matters: sensitive family notes and "my clients"
  follow the assigned counsellor.  Administrators choose any active counsellor or
  administrator (``accounts.list_users``, administrators only).  The core has no list of
  counsellors for anyone else, so, as at intake, a counsellor can choose themselves or
  nobody; the counsellor assigned now stays on offer, so a counsellor correcting a phone
  number never unassigns a colleague.
* After the save, ``saved`` carries the new ``ClientRecord``; the caller reloads what it
  shows and emits ``record_changed`` so that the other tabs (and the record header) do too.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout, QWidget

from clinic_app.services.clients import ClientRecord
from ui.client_record.intake import IntakeForm, button_row
from ui.clients.display import full_name
from ui.dialogs import confirm
from ui.session import Session

#: extra height for a few messages beside the fields before the section scrolls
MESSAGE_ROOM = 60


class EditDetailsDialog(QDialog):
    """The person and contact details of ``record``; ``saved`` carries the updated ``ClientRecord``."""

    saved = Signal(object)

    def __init__(self, parent: QWidget | None, session: Session, record: ClientRecord) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit details: {code}").format(code=record.code))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        intro = QLabel(self.tr("Personal and contact details of {name} ({code}). The client code never "
                               "changes.").format(name=full_name(record.given_names, record.family_name),
                                                  code=record.code), self)
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        self.details = IntakeForm(session, self, client=record)
        buttons, self.save_button, self.cancel_button = button_row(
            self.details, self, self.save, self.reject, self.tr("&Save details"),
            self.tr("Save the changed details (Ctrl+S)"))
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.details, 1)
        layout.addLayout(buttons)
        layout.activate()
        # tall enough for the whole section without scrolling (when the screen allows)
        needed = (self.sizeHint().height() - self.details.sizeHint().height()
                  + self.details.scroll.widget().sizeHint().height() + MESSAGE_ROOM)
        available = self.screen().availableGeometry()
        self.resize(min(760, int(available.width() * 0.9)), min(needed, int(available.height() * 0.9)))
        self.details.field("given_names").setFocus(Qt.FocusReason.OtherFocusReason)

    def save(self) -> None:
        if not self.details.forms.busy:
            self.details.submit(self._saved)

    def _saved(self, record: ClientRecord) -> None:
        self.saved.emit(record)
        self.accept()

    def reject(self) -> None:
        if self.details.forms.busy:
            return  # the save is running: its answer must still arrive here
        if self.details.has_unsaved_changes():
            confirm(self, self.tr("Discard these changes?"),
                    self.tr("The changed details have not been saved. Close and lose the changes?"),
                    self.tr("Discard changes"), lambda: QDialog.reject(self))
            return
        super().reject()


def open_edit_details(parent: QWidget, session: Session, record: ClientRecord,
                      on_saved: Callable[[ClientRecord], object]) -> EditDetailsDialog:
    """Show the details of ``record`` for editing; ``on_saved(new_record)`` once they are saved."""
    dialog = EditDetailsDialog(parent, session, record)
    dialog.saved.connect(on_saved)
    dialog.open()
    return dialog
