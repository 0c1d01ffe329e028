"""Line edits for values that may be left empty: a date and a whole number.

:class:`OptionalDateEdit` and :class:`WholeNumberEdit` are plain ``QLineEdit`` subclasses,
so a form's label buddy, accessible name and keyboard handling work as for any text
field.  Neither decides whether a value is *allowed*: :meth:`value` returns the text as
typed (trimmed), which forms pass to the core (``Checker.date`` / ``Checker.integer`` or
the service itself), so the rules and their messages live in one place.

Decisions
---------
* **Dates are typed as YYYY-MM-DD**, the form every service message names and the only
  one that cannot be read two ways (3/4/2026 is March in one country and April in
  another).  Eight digits (``19900402``) or slashes (``1990/04/02``) are rewritten to
  that form when the field is left.  Only digits and separators can be typed.
* **Empty is a value**: ``QDateEdit`` cannot be empty, which is why this is a line edit.
* **A calendar** opens from the button inside the field, or with Alt+Down or F4 (as for a
  combo box); Enter picks the highlighted day, Escape closes it without a change.
* No maximum width: in a ``Form`` grid one narrow field would cap its whole column and
  push every field of the form to the right.
* The mouse wheel never changes these fields (they are text), so they are safe in a long
  scrolling form.
"""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import QDate, QPoint, QRegularExpression, Qt, Signal
from PySide6.QtGui import QAction, QIcon, QKeyEvent, QPainter, QPalette, QPixmap, QRegularExpressionValidator
from PySide6.QtWidgets import QCalendarWidget, QFrame, QLineEdit, QVBoxLayout, QWidget

_EIGHT_DIGITS = re.compile(r"(\d{4})(\d{2})(\d{2})\Z")
_SLASHED = re.compile(r"(\d{4})[/.](\d{1,2})[/.](\d{1,2})\Z")


def _calendar_icon(widget: QWidget) -> QIcon:
    """A small calendar drawn in the widget's text colour (no icon file or theme needed)."""
    pixmap = QPixmap(16, 16)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    colour = widget.palette().color(QPalette.ColorRole.Text)
    painter.setPen(colour)
    painter.drawRect(1, 2, 13, 12)
    painter.fillRect(1, 2, 14, 4, colour)
    for row in (8, 11):
        for column in (4, 7, 10):
            painter.fillRect(column, row, 2, 2, colour)
    painter.end()
    return QIcon(pixmap)


class _CalendarPopup(QFrame):
    """The calendar shown under a date field; ``picked`` carries the chosen day."""

    picked = Signal(QDate)

    def __init__(self, parent: QWidget, current: QDate, maximum: QDate | None) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.calendar = QCalendarWidget(self)
        self.calendar.setAccessibleName(self.tr("Calendar"))
        self.calendar.setGridVisible(True)
        if maximum is not None:
            self.calendar.setMaximumDate(maximum)
        self.calendar.setSelectedDate(current)
        self.calendar.activated.connect(self._pick)
        self.calendar.clicked.connect(self._pick)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.calendar)

    def _pick(self, day: QDate) -> None:
        self.picked.emit(day)
        self.close()


class OptionalDateEdit(QLineEdit):
    """A date typed as YYYY-MM-DD, or nothing; :meth:`date` is ``None`` when empty or not a date."""

    #: the date as typed changed (a ``date``, or ``None`` when empty or not a valid date)
    date_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None, *, maximum: date | None = None) -> None:
        super().__init__(parent)
        self._maximum = maximum
        self.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.setValidator(QRegularExpressionValidator(QRegularExpression(r"[0-9 ./-]{0,10}"), self))
        self.setMaxLength(10)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("0000-00-00") + 48)
        self.calendar_action = QAction(_calendar_icon(self), self.tr("Choose from a calendar (Alt+Down)"), self)
        self.calendar_action.triggered.connect(self.open_calendar)
        self.addAction(self.calendar_action, QLineEdit.ActionPosition.TrailingPosition)
        self.popup: _CalendarPopup | None = None
        self.textChanged.connect(lambda _text: self.date_changed.emit(self.date()))
        self.editingFinished.connect(self._tidy)

    def value(self) -> str:
        """The text as typed, trimmed: what a service's date argument accepts ('' when empty)."""
        return self.text().strip()

    def date(self) -> date | None:
        try:
            return date.fromisoformat(self.value())
        except ValueError:
            return None

    def set_date(self, value: date | None) -> None:
        self.setText(value.isoformat() if value is not None else "")

    def _tidy(self) -> None:
        """Rewrite 19900402 or 1990/4/2 as 1990-04-02 (anything else is left for the checks)."""
        text = self.value()
        match = _EIGHT_DIGITS.match(text) or _SLASHED.match(text)
        if match:
            year, month, day = (int(part) for part in match.groups())
            tidy = f"{year:04d}-{month:02d}-{day:02d}"
            if tidy != self.text():
                self.setText(tidy)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        alt_down = event.key() == Qt.Key.Key_Down and event.modifiers() & Qt.KeyboardModifier.AltModifier
        if alt_down or event.key() == Qt.Key.Key_F4:
            self.open_calendar()
            return
        super().keyPressEvent(event)

    def open_calendar(self) -> _CalendarPopup:
        """Show the calendar under the field, on the typed date (else today)."""
        typed = self.date()
        start = typed or date.today()
        maximum = QDate(self._maximum.year, self._maximum.month, self._maximum.day) if self._maximum else None
        popup = _CalendarPopup(self, QDate(start.year, start.month, start.day), maximum)
        popup.picked.connect(self._picked)
        popup.destroyed.connect(self._popup_gone)
        popup.move(self.mapToGlobal(QPoint(0, self.height())))
        popup.show()
        popup.calendar.setFocus(Qt.FocusReason.PopupFocusReason)
        self.popup = popup
        return popup

    def _popup_gone(self) -> None:
        self.popup = None

    def _picked(self, day: QDate) -> None:
        self.set_date(date(day.year(), day.month(), day.day()))
        self.setFocus(Qt.FocusReason.PopupFocusReason)
        self.editingFinished.emit()


class WholeNumberEdit(QLineEdit):
    """A whole number of at most ``digits`` digits, or nothing (e.g. an age, a number of children)."""

    def __init__(self, parent: QWidget | None = None, *, digits: int = 3) -> None:
        super().__init__(parent)
        self.setValidator(QRegularExpressionValidator(QRegularExpression(rf"\d{{0,{digits}}}"), self))
        self.setMaxLength(digits)

    def value(self) -> str | None:
        """The digits typed, or ``None`` when empty (what a service's whole-number argument accepts)."""
        return self.text().strip() or None

    def number(self) -> int | None:
        text = self.value()
        return int(text) if text is not None else None

    def set_number(self, value: int | None) -> None:
        self.setText("" if value is None else str(value))
