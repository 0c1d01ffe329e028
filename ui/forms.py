"""Forms with a message line beside every field, shared by every dialog and page.

- :class:`Form` lays fields out in a two-column grid.  Each field gets a label (its buddy,
  so Alt+letter reaches it), an accessible name taken from that label, an optional hint
  line and an error line placed directly under the field in the same row: under rather
  than to the right, so that long messages wrap instead of stretching the window.
- ``Form.submit(runner, task, on_done)`` runs the local checks first (e.g. "the two
  passwords differ"), then the service call on the database thread.  A ``ValidationError``
  from the service is mapped back onto the same error lines by field name (one source of
  truth for the rules); a message for a field the form does not have, or any other
  ``ContinuumError``, goes to the form's general error line.  While the call runs the form
  and its action buttons are disabled.
- :class:`Submitting` is what ``Form`` and :class:`ui.widgets.form_set.FormSet` (several
  forms that behave as one) share: local checks, the general error line, ``show_error``
  and ``submit``.  Each places field messages and disables its widgets its own way
  (``show_errors``, ``clear_errors``, ``set_busy``); they differ on ``submit``'s
  ``on_error`` only through :meth:`Submitting.failure_handler`.
- :class:`PasswordPair` adds a password and its confirmation, with live feedback from the
  core's password policy under the first field.
- :class:`FormDialog` is the OK/Cancel dialog around a form that all small dialogs use.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal, SignalInstance
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clinic_app.errors import ContinuumError, ValidationError
from clinic_app.security.passwords import check_password_policy
from ui.core_messages import core_text
from ui.tasks import TaskRunner, UnexpectedError

#: the general error line's key: messages that belong to no field
GENERAL = "__all__"


def plain_label(text: str) -> str:
    """A label's text as a screen reader should say it: no mnemonic ampersand, no colon."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip(": ")


def paragraph(text: str, parent: QWidget) -> QLabel:
    """A word-wrapping label for a sentence or two of explanation."""
    label = QLabel(text, parent)
    label.setWordWrap(True)
    return label


def message_label(kind: str, parent: QWidget | None = None) -> QLabel:
    """A word-wrapping label for messages; ``kind`` ("error", "hint", "ok") selects its style."""
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setProperty("kind", kind)
    label.hide()
    return label


def heading(text: str, parent: QWidget | None = None, scale: float = 1.35) -> QLabel:
    """A bold title label, ``scale`` times the system font size."""
    label = QLabel(text, parent)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    label.setFont(font)
    label.setWordWrap(True)
    label.setProperty("kind", "heading")
    return label


def set_message(label: QLabel, text: str, kind: str | None = None) -> None:
    """Show ``text`` in ``label`` (hide it when empty), optionally switching its style.

    A message of the core's in ``text`` is shown in the window's language (:func:`core_text`).
    """
    if kind is not None and label.property("kind") != kind:
        label.setProperty("kind", kind)
        label.style().unpolish(label)
        label.style().polish(label)
    label.setText(core_text(text))
    label.setVisible(bool(text))


def fit_height(window: QWidget) -> None:
    """Grow ``window`` so that wrapped messages are not cut off (its width stays as it is)."""
    layout = window.layout()
    if layout is None:
        return
    layout.activate()
    needed = layout.totalHeightForWidth(window.width()) if layout.hasHeightForWidth() else layout.totalSizeHint().height()
    if needed > window.height():
        window.resize(window.width(), needed)


class Submitting:
    """Local checks, a general error line and the service call: what every form-like class shares.

    A class using it calls :meth:`init_submitting` in its ``__init__``, declares the
    ``busy_changed(bool)`` and ``messages_changed()`` signals and implements
    ``show_errors``, ``clear_errors`` and ``set_busy``.
    """

    busy_changed: SignalInstance
    messages_changed: SignalInstance

    def init_submitting(self, parent: QWidget) -> None:
        """Create the (hidden) general error line in ``parent``; no checks or actions yet."""
        self._validators: list[Callable[[], Mapping[str, str]]] = []
        self._actions: list[QWidget] = []
        self._busy = False
        self.general_error = message_label("error", parent)
        self.general_error.setObjectName("generalError")

    def add_validator(self, check: Callable[[], Mapping[str, str]]) -> None:
        """Register a local check run before every submit; it returns {field: message}."""
        self._validators.append(check)

    def add_action(self, widget: QWidget) -> None:
        """A button (outside the form) that is disabled while the form is busy."""
        self._actions.append(widget)

    @property
    def busy(self) -> bool:
        return self._busy

    def show_errors(self, errors: Mapping[str, str]) -> dict[str, str]:
        """Put each message beside its field; return the ones that have no place."""
        raise NotImplementedError

    def clear_errors(self) -> None:
        raise NotImplementedError

    def set_busy(self, busy: bool) -> None:
        raise NotImplementedError

    def show_error(self, exc: ContinuumError) -> None:
        """Show a service error: field messages beside their fields, the rest on the general line."""
        if isinstance(exc, UnexpectedError):
            return  # the runner has already shown the generic dialog
        if isinstance(exc, ValidationError):
            rest = self.show_errors(exc.errors)
            set_message(self.general_error, "\n".join(rest.values()))
        else:
            set_message(self.general_error, str(exc))
        self.messages_changed.emit()

    def local_errors(self) -> dict[str, str]:
        errors: dict[str, str] = {}
        for check in self._validators:
            for key, message in check().items():
                errors.setdefault(key, message)
        return errors

    def failure_handler(self, on_error: Callable[[ContinuumError], object] | None
                        ) -> Callable[[ContinuumError], object]:
        """What a failed ``submit`` calls: ``on_error`` instead of :meth:`show_error` if given."""
        return on_error or self.show_error

    def submit(self, runner: TaskRunner, task: Callable[[], Any], on_done: Callable[[Any], object],
               on_error: Callable[[ContinuumError], object] | None = None) -> bool:
        """Check locally, then run ``task`` on the database thread; False if a local check failed.

        A service error goes to :meth:`failure_handler`'s choice.
        """
        self.clear_errors()
        errors = self.local_errors()
        if errors:
            self.show_error(ValidationError(errors))
            return False
        self.set_busy(True)
        runner.run_db(task, functools.partial(self._finish, on_done),
                      functools.partial(self._finish, self.failure_handler(on_error)))
        return True

    def _finish(self, callback: Callable[[Any], object], value: Any) -> None:
        self.set_busy(False)
        callback(value)


class Form(Submitting, QWidget):
    """Labelled fields with an error line under each, plus a general error line at the end."""

    busy_changed = Signal(bool)
    #: a message or hint appeared, changed or went away (the window may need to grow)
    messages_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self._grid = QGridLayout()
        self._grid.setHorizontalSpacing(12)
        self._grid.setVerticalSpacing(8)
        self._grid.setColumnStretch(1, 1)
        outer.addLayout(self._grid)
        self._fields: dict[str, QWidget] = {}
        self._errors: dict[str, QLabel] = {}
        self._hints: dict[str, QLabel] = {}
        self.init_submitting(self)
        outer.addWidget(self.general_error)

    # --- building -------------------------------------------------------------------
    def add_field(self, key: str, label: str, widget: QWidget, hint: str = "") -> QWidget:
        """Add ``widget`` under the service field name ``key``, labelled ``label``.

        A grid (not a ``QFormLayout``) holds the rows: it gives wrapped messages the
        height they need at the current width.
        """
        caption = QLabel(label, self)
        caption.setBuddy(widget)
        widget.setAccessibleName(plain_label(label))
        column = QVBoxLayout()
        column.setSpacing(2)
        column.addWidget(widget)
        hint_label = message_label("hint", self)
        set_message(hint_label, hint)
        error_label = message_label("error", self)
        error_label.setObjectName(f"error_{key}")
        column.addWidget(hint_label)
        column.addWidget(error_label)
        # the caption sits level with the field's first line, not the middle of its messages
        line = QLineEdit().sizeHint().height()
        caption.setContentsMargins(0, max(0, (min(line, widget.sizeHint().height()) - caption.sizeHint().height()) // 2), 0, 0)
        row = self._grid.rowCount()
        self._grid.addWidget(caption, row, 0, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self._grid.addLayout(column, row, 1)
        self._fields[key], self._hints[key], self._errors[key] = widget, hint_label, error_label
        return widget

    # --- reading ----------------------------------------------------------------------
    def field(self, key: str) -> QWidget:
        return self._fields[key]

    def error_text(self, key: str) -> str:
        """The message shown for ``key`` (``GENERAL`` for the general line), '' if none."""
        return (self.general_error if key == GENERAL else self._errors[key]).text()

    def hint_label(self, key: str) -> QLabel:
        return self._hints[key]

    def set_hint(self, key: str, text: str, kind: str = "hint") -> None:
        """Replace the hint under ``key``'s field (``kind``: "hint", "warn" or "ok")."""
        set_message(self._hints[key], text, kind)
        self.messages_changed.emit()

    # --- messages -----------------------------------------------------------------------
    def clear_errors(self) -> None:
        for key, label in self._errors.items():
            set_message(label, "")
            self._fields[key].setAccessibleDescription("")
        set_message(self.general_error, "")
        self.messages_changed.emit()

    def show_errors(self, errors: Mapping[str, str]) -> dict[str, str]:
        """Put each message beside its field; return the ones this form has no field for."""
        rest: dict[str, str] = {}
        first: QWidget | None = None
        for key, message in errors.items():
            if key in self._errors:
                set_message(self._errors[key], message)
                self._fields[key].setAccessibleDescription(self._errors[key].text())
                first = first or self._fields[key]
            else:
                rest[key] = message
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)
        self.messages_changed.emit()
        return rest

    # --- running -----------------------------------------------------------------------
    def set_busy(self, busy: bool) -> None:
        self._busy = busy
        for widget in (*self._fields.values(), *self._actions):
            widget.setEnabled(not busy)
        if busy:
            self.window().setCursor(Qt.CursorShape.BusyCursor)
        else:
            self.window().unsetCursor()
        self.busy_changed.emit(busy)


class PasswordPair(QObject):
    """A new password and its confirmation, with live policy feedback under the first field.

    ``user_name`` returns the account's name (the policy refuses passwords built on it).
    """

    def __init__(self, form: Form, user_name: Callable[[], str], key: str = "password",
                 label: str | None = None, confirm_label: str | None = None) -> None:
        super().__init__(form)
        self._form, self._key, self._user_name = form, key, user_name
        self.password = QLineEdit(form)
        self.confirm = QLineEdit(form)
        for edit in (self.password, self.confirm):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        form.add_field(key, label or self.tr("&Password:"), self.password, self._rules())
        form.add_field(f"{key}_confirm", confirm_label or self.tr("&Repeat the password:"), self.confirm)
        form.add_validator(self._check)
        self.password.textChanged.connect(self.update_feedback)

    def _rules(self) -> str:
        return self.tr("At least 10 characters; not the user name; not a common password.")

    def watch(self, edit: QLineEdit) -> None:
        """Re-check the password when ``edit`` (the user name field) changes."""
        edit.textChanged.connect(self.update_feedback)

    def text(self) -> str:
        return self.password.text()

    def clear(self) -> None:
        self.password.clear()
        self.confirm.clear()

    def policy_message(self) -> str:
        """What the policy says about the password as typed ('' when it passes)."""
        try:
            check_password_policy(self._user_name(), self.password.text(), field=self._key)
        except ValidationError as exc:
            return exc.errors[self._key]
        return ""

    def update_feedback(self) -> None:
        if not self.password.text():
            self._form.set_hint(self._key, self._rules(), "hint")
            return
        problem = self.policy_message()
        if problem:
            self._form.set_hint(self._key, problem, "warn")
        else:
            self._form.set_hint(self._key, self.tr("✓ This password meets the rules."), "ok")

    def _check(self) -> dict[str, str]:
        problem = self.policy_message()
        if problem:
            return {self._key: problem}
        if self.confirm.text() != self.password.text():
            return {f"{self._key}_confirm": self.tr("The two passwords are not the same. Type the password again.")}
        return {}


class FormDialog(QDialog):
    """An OK/Cancel dialog around a :class:`Form`; subclasses provide :meth:`task`.

    When the service call succeeds, ``succeeded`` carries its result and the dialog closes;
    when it fails, the messages appear beside the fields and nothing is changed.
    """

    succeeded = Signal(object)

    def __init__(self, parent: QWidget | None, runner: TaskRunner, title: str, ok_text: str, intro: str = "") -> None:
        super().__init__(parent)
        self.runner = runner
        self.setWindowTitle(title)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        if intro:
            note = QLabel(intro, self)
            note.setWordWrap(True)
            layout.addWidget(note)
        self.form = Form(self)
        self.form.messages_changed.connect(lambda: fit_height(self))
        layout.addWidget(self.form)
        layout.addStretch(1)
        self.buttons = QDialogButtonBox(self)
        self.ok_button: QPushButton = self.buttons.addButton(ok_text, QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setDefault(True)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.form.add_action(self.ok_button)
        layout.addWidget(self.buttons)

    def task(self) -> Callable[[], Any]:
        """The service call to run with the values typed (overridden by every dialog)."""
        raise NotImplementedError

    def submit(self) -> None:
        if not self.form.busy:
            self.form.submit(self.runner, self.task(), self._succeeded)

    def _succeeded(self, result: Any) -> None:
        self.succeeded.emit(result)
        self.accept()

    def reject(self) -> None:
        if not self.form.busy:  # the call is running: its result must still arrive here
            super().reject()
