"""Display text for values the core stores: coded answers, dates, client names and statuses.

Coded answers come with English and Spanish labels in :mod:`clinic_app.codes`; the GUI
shows the one of the user's language (``QLocale``), English otherwise.  Dates are shown
with the month's name ("17 May 1988"), never as ambiguous numbers.  A client's name in a
list is "family, given" (the order lists are sorted in); elsewhere "given family".
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from clinic_app.codes import CodeList
from clinic_app.services.episodes import DISCHARGED, OPEN


def code_label(code_list: CodeList, code: str | None) -> str:
    """The label of ``code`` in the user's language ('' for ``None``)."""
    return code_list.label(code, QLocale().name())


def show_date(day: date | None) -> str:
    """``day`` as "17 May 1988" in the user's language ('' for ``None``)."""
    if day is None:
        return ""
    return QLocale().toString(QDate(day.year, day.month, day.day), "d MMM yyyy")


def list_name(family_name: str, given_names: str) -> str:
    """"Núñez, María José": the name as client lists show (and sort) it."""
    return ", ".join(part for part in (family_name.strip(), given_names.strip()) if part)


def full_name(given_names: str, family_name: str) -> str:
    """"María José Núñez"."""
    return " ".join(part for part in (given_names.strip(), family_name.strip()) if part)


def status_label(status: str) -> str:
    """A client's status for people: "In care" or "Discharged"."""
    labels = {
        OPEN: QCoreApplication.translate("ClientDisplay", "In care"),
        DISCHARGED: QCoreApplication.translate("ClientDisplay", "Discharged"),
    }
    return labels.get(status, status)


def status_choices() -> list[tuple[str, str]]:
    """(label, status) pairs for a status filter."""
    return [(status_label(status), status) for status in (OPEN, DISCHARGED)]
