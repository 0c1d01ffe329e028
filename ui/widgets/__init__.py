"""Reusable input widgets for the record forms (intake, care plans, discharge, check-ups).

=================================================  ============================================
widget                                             gives back
=================================================  ============================================
:class:`~ui.widgets.code_combo.CodeCombo`          the stable code of a ``CodeList`` answer
                                                   ('' when none); labels in :func:`ui_language`
:class:`~ui.widgets.inputs.OptionalDateEdit`       the date text as typed (``value()``), or the
                                                   ``date`` (``date()``); may be empty; calendar
:class:`~ui.widgets.inputs.WholeNumberEdit`        digits or ``None`` (ages, counts)
:class:`~ui.widgets.barc10.Barc10Entry`            the ten BARC-10 answers as points, and total
:class:`~ui.widgets.form_set.FormSet`              several ``ui.forms.Form`` sections as one form
=================================================  ============================================

The widgets only collect values; the rules stay in the core: pass what they give back to
the service (or to the core's ``Checker`` helpers for a check as the user types) and show
its ``ValidationError`` with ``Form``/``FormSet``.  Each module's docstring says what it
decided.  Every widget here is a standard input type (combo box or line edit), so a
``Form`` label is its buddy and the unlabelled-inputs check covers it.
"""

from ui.widgets.barc10 import Barc10Entry
from ui.widgets.code_combo import CodeCombo, ui_language
from ui.widgets.form_set import FormSet
from ui.widgets.inputs import OptionalDateEdit, WholeNumberEdit

__all__ = ["Barc10Entry", "CodeCombo", "FormSet", "OptionalDateEdit", "WholeNumberEdit", "ui_language"]
