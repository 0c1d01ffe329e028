"""Entering a BARC-10 (Brief Assessment of Recovery Capital): ten statements, six-point scale.

:class:`Barc10Entry` shows the ten statements of ``codes.BARC10_ITEM`` in the user's
language, each with a :class:`~ui.widgets.code_combo.CodeCombo` of ``codes.BARC10_SCALE``
("1 · Strongly disagree" … "6 · Strongly agree"), and the running total underneath.  It
is used wherever a BARC-10 is taken: intake, care-plan review, discharge, check-ups.

It holds a :class:`ui.forms.Form` (:attr:`Barc10Entry.form`) whose field keys are
``key_prefix`` + item code, so a service's ``ValidationError`` lands beside the right
statement: ``record_barc10`` reports under the item code (prefix ""), the intake under
``barc10_<item>`` (prefix "barc10_").  Add ``entry.form`` to a
:class:`~ui.widgets.form_set.FormSet`, or show errors with ``entry.form.show_errors``.
For example, a care-plan review::

    entry = Barc10Entry(self)                   # keys = item codes, as record_barc10 reports them
    entry.form.add_validator(entry.check)       # the core's check before the call
    task = session.call(assessments.record_barc10, client_id, day, entry.answers(),
                        assessments.REVIEW, episode_id)
    entry.form.submit(session.runner, task, on_done)

Decisions
---------
* The answers given to services are points 1–6 per item (``None`` where unanswered), so
  the service reports every unanswered statement by name; :meth:`Barc10Entry.check` runs
  the core's own ``assessments.check_answers`` for a local check before saving.
* Each statement may be put back to "Not answered" (the first item), and the digit keys
  1–6 choose an answer when a statement has focus.
* The total is shown only when all ten statements are answered (a partial sum would look
  like a low score); until then the line says how many are answered.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from clinic_app import codes
from clinic_app.services import assessments
from clinic_app.services.common import Checker
from ui.forms import Form
from ui.widgets.code_combo import CodeCombo, ui_language

_POINTS_TO_CODE = {points: code for code, points in codes.BARC10_POINTS.items()}
#: width of the statements' column, in average characters
STATEMENT_WIDTH_CHARS = 48


class Barc10Entry(QWidget):
    """Ten statements with a six-point answer each, and the total (10–60) once all are answered."""

    #: an answer was chosen or cleared
    answers_changed = Signal()

    def __init__(self, parent: QWidget | None = None, *, key_prefix: str = "", lang: str | None = None) -> None:
        super().__init__(parent)
        self.key_prefix = key_prefix
        lang = lang or ui_language()
        self.form = Form(self)
        self._combos: dict[str, CodeCombo] = {}
        for number, (item, statement) in enumerate(codes.BARC10_ITEM.choices(lang), start=1):
            combo = CodeCombo(codes.BARC10_SCALE, self.form, lang=lang, none_text=self.tr("Not answered"),
                              numbered=True)
            combo.setMinimumWidth(combo.sizeHint().width())
            self.form.add_field(self.field_key(item), f"&{number}. {statement}" if number < 10 else
                                f"{number}. {statement}", combo)
            caption = next(label for label in self.form.findChildren(QLabel) if label.buddy() is combo)
            # statements are long: wrap them at a fixed width, so every one gets the height it needs
            caption.setWordWrap(True)
            caption.setFixedWidth(caption.fontMetrics().averageCharWidth() * STATEMENT_WIDTH_CHARS)
            combo.code_changed.connect(self._changed)
            self._combos[item] = combo
        self.total_label = QLabel(self)
        self.total_label.setObjectName("barc10Total")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.form)
        layout.addWidget(self.total_label)
        self._show_total()

    # --- keys and widgets ---------------------------------------------------------------------
    def field_key(self, item: str) -> str:
        """The form key (and service error key) of one item."""
        return self.key_prefix + item

    def combo(self, item: str) -> CodeCombo:
        return self._combos[item]

    # --- values -----------------------------------------------------------------------------------
    def answers(self) -> dict[str, int | None]:
        """Points 1–6 for every item code (``None`` where not answered), in item order."""
        return {item: (codes.BARC10_POINTS[combo.code()] if combo.code() else None)
                for item, combo in self._combos.items()}

    def set_answers(self, answers: Mapping[str, int] | None) -> None:
        """Show stored points (``None``: clear every answer)."""
        for item, combo in self._combos.items():
            points = (answers or {}).get(item)
            combo.set_code(_POINTS_TO_CODE.get(points, "") if points is not None else "")

    def clear(self) -> None:
        self.set_answers(None)

    def answered(self) -> int:
        return sum(1 for points in self.answers().values() if points is not None)

    def is_empty(self) -> bool:
        return self.answered() == 0

    def total(self) -> int | None:
        """The total score (10–60), or ``None`` until every statement is answered."""
        points = self.answers().values()
        return None if None in points else sum(p for p in points if p is not None)

    def check(self) -> dict[str, str]:
        """The core's checks of these answers, keyed like the form ({} when they are complete)."""
        c = Checker()
        assessments.check_answers(c, self.answers())
        return {self.field_key(item): message for item, message in c.errors.items()}

    # --- display --------------------------------------------------------------------------------------
    def _changed(self) -> None:
        self._show_total()
        self.answers_changed.emit()

    def _show_total(self) -> None:
        total = self.total()
        if total is not None:
            text = self.tr("Total: {total} of {maximum}").format(total=total, maximum=codes.BARC10_MAX_TOTAL)
        else:
            text = self.tr("Total: shown when all {count} statements are answered ({answered} answered so far)."
                           ).format(count=len(codes.BARC10_ITEM), answered=self.answered())
        self.total_label.setText(text)
