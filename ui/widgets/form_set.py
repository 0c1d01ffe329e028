"""Several :class:`ui.forms.Form` sections that behave as one form.

A long form (the intake) is split into group boxes, each holding its own ``Form``; one
service call still checks all of them.  :class:`FormSet` keeps the ``Form`` contract
across the sections: the service's ``ValidationError`` is routed to the field of
whichever section has it, messages for no field go to one general line, local checks run
before the call, and every section is disabled while the call runs.

It adds what a long form needs:

* :meth:`set_field_error` changes one field's message without moving the focus, for
  checks as the user types (``Form.show_errors`` moves the focus to the first field it
  names, which is right after Save but not while typing).  It writes the error line
  ``Form`` names ``error_<key>``, so live and saved messages share one line per field.
* :meth:`add_message_label` gives a key that is no field (e.g. ``secondary_drugs``) a
  line of its own inside the right section instead of the general line.
* ``first_error`` tells the owner which field got the first message, so a scroll area
  can bring it into view.

What it shares with ``Form`` (local checks, the general line, ``show_error``, ``submit``)
comes from :class:`ui.forms.Submitting`; the one difference: ``submit``'s ``on_error``
runs after the messages have been shown instead of replacing them (the owner of a long
form adds to them, e.g. scrolls to the first).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QScrollArea, QVBoxLayout, QWidget

from clinic_app.errors import ContinuumError
from ui.forms import Form, Submitting, set_message
from ui.session import Session


class FormSet(Submitting, QObject):
    """The sections of one form; ``general_error`` is a label the owner places (e.g. above its buttons)."""

    busy_changed = Signal(bool)
    #: a message appeared, changed or went away
    messages_changed = Signal()
    #: after showing errors: the first field (in section order) that has one
    first_error = Signal(QWidget)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._forms: list[Form] = []
        self._labels: dict[str, QLabel] = {}
        self.init_submitting(parent)

    # --- building -------------------------------------------------------------------------
    def add_form(self, form: Form) -> Form:
        self._forms.append(form)
        form.messages_changed.connect(self.messages_changed)
        return form

    def add_message_label(self, key: str, label: QLabel) -> None:
        """Messages under ``key`` (not a field) go to ``label`` (a ``message_label("error")``)."""
        self._labels[key] = label

    # --- reading ------------------------------------------------------------------------------
    def _form_of(self, key: str) -> Form | None:
        return next((f for f in self._forms if f.findChild(QLabel, f"error_{key}") is not None), None)

    def has_field(self, key: str) -> bool:
        return self._form_of(key) is not None

    def can_show(self, key: str) -> bool:
        """Whether ``key`` has a place of its own (a field or a message label)."""
        return key in self._labels or self.has_field(key)

    def field(self, key: str) -> QWidget:
        form = self._form_of(key)
        if form is None:
            raise KeyError(key)
        return form.field(key)

    def error_text(self, key: str) -> str:
        """The message shown for ``key`` ('' if none); ``ui.forms.GENERAL`` is not a key here."""
        if key in self._labels:
            return self._labels[key].text()
        form = self._form_of(key)
        if form is None:
            raise KeyError(key)
        return form.error_text(key)

    # --- messages -------------------------------------------------------------------------------
    def set_field_error(self, key: str, message: str) -> bool:
        """Show (or clear, with '') one message without moving the focus; False if ``key`` is unknown."""
        if key in self._labels:
            set_message(self._labels[key], message)
        else:
            form = self._form_of(key)
            if form is None:
                return False
            label = form.findChild(QLabel, f"error_{key}")
            assert label is not None
            set_message(label, message)
            form.field(key).setAccessibleDescription(label.text())
        self.messages_changed.emit()
        return True

    def clear_errors(self) -> None:
        for form in self._forms:
            form.clear_errors()
        for label in self._labels.values():
            set_message(label, "")
        set_message(self.general_error, "")
        self.messages_changed.emit()

    def show_errors(self, errors: Mapping[str, str]) -> dict[str, str]:
        """Put each message beside its field (focus to the first one); return those without a place."""
        rest: dict[str, str] = {}
        first: QWidget | None = None
        for key, message in errors.items():
            if not self.set_field_error(key, message):
                rest[key] = message
        for form in self._forms:  # the first field with a message, in the order the user sees them
            first = next((form.field(k) for k in self._keys_in_order(form) if form.error_text(k)), None)
            if first is not None:
                break
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)
            self.first_error.emit(first)
        return rest

    @staticmethod
    def _keys_in_order(form: Form) -> list[str]:
        labels = form.findChildren(QLabel)
        return [label.objectName().removeprefix("error_") for label in labels
                if label.objectName().startswith("error_")]

    # --- running ----------------------------------------------------------------------------------
    def failure_handler(self, on_error: Callable[[ContinuumError], object] | None
                        ) -> Callable[[ContinuumError], object]:
        """Show the service's messages, then call ``on_error`` (if given)."""
        def failed(exc: ContinuumError) -> None:
            self.show_error(exc)
            if on_error is not None:
                on_error(exc)

        return failed

    def set_busy(self, busy: bool) -> None:
        self._busy = busy
        for form in self._forms:
            form.set_busy(busy)
        for widget in self._actions:
            widget.setEnabled(not busy)
        self.busy_changed.emit(busy)


class FormSetDialog(QDialog):
    """A scrolling dialog around a :class:`FormSet`: intro text, the sections, the general
    line and OK/Cancel.  Subclasses put their sections into ``content_layout`` and call
    :meth:`run` with the service call; when it succeeds ``succeeded`` carries its result and
    the dialog closes.  Cancel is ignored while the call runs (its answer must still arrive)."""

    succeeded = Signal(object)

    def __init__(self, session: Session, parent: QWidget | None, title: str, intro: str, ok_text: str,
                 size: tuple[int, int]) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(title)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(*size)
        self.forms = FormSet(self)
        intro_label = QLabel(intro, self)
        intro_label.setWordWrap(True)
        self.content = QWidget(self)
        self.content_layout = QVBoxLayout(self.content)
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(self.content)
        self.forms.first_error.connect(lambda field: self.scroll.ensureWidgetVisible(field))
        self.buttons = QDialogButtonBox(self)
        self.ok_button = self.buttons.addButton(ok_text, QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setDefault(True)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.forms.add_action(self.ok_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro_label)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.forms.general_error)
        layout.addWidget(self.buttons)

    def submit(self) -> None:
        """OK: build the service call and :meth:`run` it (subclasses)."""
        raise NotImplementedError

    def run(self, task: Callable[[], Any]) -> None:
        if not self.forms.busy:
            self.forms.submit(self.session.runner, task, self._done)

    def _done(self, result: object) -> None:
        self.succeeded.emit(result)
        self.accept()

    def reject(self) -> None:
        if not self.forms.busy:
            super().reject()
