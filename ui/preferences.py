"""This workstation's own preferences (window geometry), kept with ``QSettings``.

Nothing here names a person or a client: client data lives only in the encrypted
database.  ``QSettings`` is built with the default format so that tests can redirect it
(``QSettings.setDefaultFormat(IniFormat)`` plus ``QSettings.setPath`` to a temporary folder).
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

from clinic_app.config import APP_AUTHOR, APP_NAME


def workstation_settings() -> QSettings:
    """The per-user settings of this computer (organisation "Continuum", application "Continuum")."""
    return QSettings(QSettings.defaultFormat(), QSettings.Scope.UserScope, APP_AUTHOR, APP_NAME)
