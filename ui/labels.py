"""Display texts for values the core stores as codes (roles) and for dates in tables.

Role names are translated here, in the "Roles" context, so that lupdate finds them; dates
are shown with the month's name in the user's language, in local time (the core stores UTC).
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from clinic_app.services.auth import ADMINISTRATOR, COUNSELLOR, ROLES, STATISTICS


def role_label(role: str) -> str:
    """The role's name for people ("Administrator", "Counsellor", "Statistics staff")."""
    labels = {
        ADMINISTRATOR: QCoreApplication.translate("Roles", "Administrator"),
        COUNSELLOR: QCoreApplication.translate("Roles", "Counsellor"),
        STATISTICS: QCoreApplication.translate("Roles", "Statistics staff"),
    }
    return labels.get(role, role)


def role_choices() -> list[tuple[str, str]]:
    """(label, role) pairs for a role combo box, in the core's order."""
    return [(role_label(role), role) for role in ROLES]


def local_date(moment: datetime) -> str:
    """``moment`` as a date in the user's time zone, day and month name ("24 Nov 2026"): never ambiguous."""
    local = moment.astimezone()
    return QLocale().toString(QDate(local.year, local.month, local.day), "d MMM yyyy")
