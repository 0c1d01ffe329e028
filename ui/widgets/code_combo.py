"""A combo box offering the answers of one code list, labelled in the user's language.

:class:`CodeCombo` is built from a :class:`clinic_app.codes.CodeList`; it shows the labels
(``CodeList.choices(lang)``) and gives back the stable codes, so a form never handles a
label.  Used by every form with coded answers (intake, care plans, discharge, check-ups)::

    outcome = CodeCombo(codes.CHECKUP_OUTCOME, self)            # nothing chosen yet: "Choose…"
    form.add_field("outcome", self.tr("&Outcome:"), outcome)
    outcome.code_changed.connect(...)                            # carries the stable code
    value = outcome.code()                                       # for the service; '' if none chosen

Decisions
---------
* **Nothing is pre-selected** unless the caller says so: a blank answer means "not asked
  yet", and the service refuses a blank where an answer is required, naming the field.
  With ``none_text`` (e.g. "None" for an optional secondary drug) the blank is a real,
  selectable first item; without it the combo starts with no item and shows a
  placeholder ("Choose…"), so a required answer is always a deliberate choice.
* **"Not known" is offered wherever the list allows it** (``CodeList.allows_not_known``),
  after a separator, so "asked, but not known" stays distinct from "not asked".  Codes in
  ``exclude`` are left out (a secondary drug cannot be "not known").
* ``numbered=True`` prefixes each label with its position ("1 · Strongly disagree"), so
  scales can be answered by typing the digit (the combo's own type-ahead).
* A value that is not in the list (an old record) is still shown, as its raw code, rather
  than being silently replaced.
* Long labels ("Injected in the last 12 months, not in the last 30 days") do not widen
  the form: the combo keeps a modest minimum width and its open list is as wide as the
  longest label.
* The mouse wheel changes the answer only when the combo has keyboard focus: in a long
  scrolling form the wheel scrolls the form instead of changing answers by accident.
* :func:`ui_language` is the code-list language of the user interface: the default
  ``QLocale``'s language when it is one the code lists have, else English.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QComboBox, QWidget

from clinic_app.codes import NOT_KNOWN, CodeList
from clinic_app.i18n import normalise_lang

#: a combo is at least this many characters wide; longer labels show whole in the open list
MIN_VISIBLE_CHARACTERS = 14


def ui_language() -> str:
    """The language code lists are shown in ("en" or "es"), from the default ``QLocale``."""
    return normalise_lang(QLocale().name())


class CodeCombo(QComboBox):
    """The answers of ``code_list``; :meth:`code` is the chosen stable code ('' when none)."""

    #: the chosen code changed ('' when the blank or nothing is chosen)
    code_changed = Signal(str)

    def __init__(self, code_list: CodeList, parent: QWidget | None = None, *, lang: str | None = None,
                 none_text: str | None = None, exclude: Iterable[str] = (), numbered: bool = False,
                 placeholder: str | None = None) -> None:
        super().__init__(parent)
        self._code_list = code_list
        self._lang = lang or ui_language()
        self._has_none = none_text is not None
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        # long labels must not widen the form: the combo may be narrow, its list shows them whole
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(MIN_VISIBLE_CHARACTERS)
        if none_text is not None:
            self.addItem(none_text, "")
        skipped = set(exclude)
        position = 0
        for code, label in code_list.choices(self._lang):
            if code in skipped:
                continue
            position += 1
            if code == NOT_KNOWN and self.count():
                self.insertSeparator(self.count())
            self.addItem(f"{position} · {label}" if numbered else label, code)
        if none_text is None:
            self.setPlaceholderText(placeholder if placeholder is not None else self.tr("Choose…"))
            self.setCurrentIndex(-1)
        self.currentIndexChanged.connect(lambda _index: self.code_changed.emit(self.code()))

    def showPopup(self) -> None:
        view = self.view()
        view.setMinimumWidth(view.sizeHintForColumn(0) + view.verticalScrollBar().sizeHint().width() + 8)
        super().showPopup()

    @property
    def code_list(self) -> CodeList:
        return self._code_list

    def code(self) -> str:
        """The chosen stable code, or '' when nothing (or the blank item) is chosen."""
        data = self.currentData()
        return data if isinstance(data, str) else ""

    def set_code(self, code: str | None) -> None:
        """Choose ``code`` ('' or ``None``: the blank item, or no item at all)."""
        if not code:
            self.setCurrentIndex(0 if self._has_none else -1)
            return
        index = self.findData(code)
        if index < 0:  # not in the list (an old record): show it as it is stored
            self.addItem(self._code_list.label(code, self._lang), code)
            index = self.count() - 1
        self.setCurrentIndex(index)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()  # let the scroll area around the form scroll
