"""The screens the main window's navigation list offers, and who may see each.

A screen is registered by adding one :class:`Screen` to :func:`default_screens`: its
title (source text, translated in the "Navigation" context; mark it with
``QT_TRANSLATE_NOOP("Navigation", …)``, context written out, so lupdate finds it), the name of its SVG icon in
``ui/resources/icons``, a factory that builds the
widget from the :class:`~ui.session.Session`, and the roles allowed to see it (empty:
everyone).  The main window builds each screen the first time it is opened.

Only screens that work are listed: there are no "coming soon" entries.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from importlib import resources

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QWidget

from clinic_app.services.auth import ADMINISTRATOR
from ui.account_page import MyAccountPage
from ui.admin.page import AdministrationPage
from ui.session import Session

CONTEXT = "Navigation"


@dataclass(frozen=True)
class Screen:
    title: str
    icon: str
    factory: Callable[[Session], QWidget]
    roles: tuple[str, ...] = ()

    def allows(self, role: str) -> bool:
        return not self.roles or role in self.roles

    def display_title(self) -> str:
        return QCoreApplication.translate(CONTEXT, self.title)

    def load_icon(self) -> QIcon:
        return QIcon(str(resources.files("ui.resources").joinpath("icons", self.icon)))


def default_screens() -> tuple[Screen, ...]:
    """Every screen of the application, in navigation order."""
    return (
        Screen(str(QT_TRANSLATE_NOOP("Navigation", "Administration")), "administration.svg", AdministrationPage,
               (ADMINISTRATOR,)),
        Screen(str(QT_TRANSLATE_NOOP("Navigation", "My account")), "account.svg", MyAccountPage),
    )
