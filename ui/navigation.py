"""The screens the main window's navigation list offers, and who may see each.

A screen is registered by adding one :class:`Screen` to :func:`default_screens`: its
title (source text, translated in the "Navigation" context; mark it with
``QT_TRANSLATE_NOOP("Navigation", …)``, context written out, so lupdate finds it), the name of its SVG icon in
``ui/resources/icons``, a factory that builds the
widget from the :class:`~ui.session.Session`, and the roles allowed to see it (empty:
everyone).  The main window builds each screen the first time it is opened.

Only screens that work are listed: there are no "coming soon" entries.

Keyboard: :func:`screen_shortcuts` gives the first nine screens Ctrl+1 … Ctrl+9, in
navigation order (so the numbers follow what each role sees), and names the shortcut in the
item's tooltip.  The main window adds them once its list is filled.

A screen that has something to save or print implements :class:`SavesWork` or
:class:`PrintsWork`: the main window's Save (Ctrl+S) and Print (Ctrl+P) call it when the
screen is showing.  Today and Clients work with client records, so only counsellors and
administrators see them (statistics staff never reach a client record).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from typing import Protocol, runtime_checkable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QListWidget, QWidget

from clinic_app.services.auth import ADMINISTRATOR, RECORD_ROLES
from clinic_app.services.statistics import STATISTICS_ROLES
from ui.account_page import MyAccountPage
from ui.admin.page import AdministrationPage
from ui.clients.screen import ClientsScreen
from ui.reports.page import ReportsPage
from ui.session import Session
from ui.today import TodayScreen

CONTEXT = "Navigation"
TODAY = str(QT_TRANSLATE_NOOP("Navigation", "Today"))
CLIENTS = str(QT_TRANSLATE_NOOP("Navigation", "Clients"))


@runtime_checkable
class SavesWork(Protocol):
    def save_current(self) -> bool:
        """Save what the screen holds typed; False if there was nothing to save."""


@runtime_checkable
class PrintsWork(Protocol):
    def print_current(self) -> bool:
        """Print what the screen shows; False if there is nothing to print."""


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
        Screen(TODAY, "today.svg", TodayScreen, RECORD_ROLES),
        Screen(CLIENTS, "clients.svg", ClientsScreen, RECORD_ROLES),
        Screen(str(QT_TRANSLATE_NOOP("Navigation", "Reports")), "reports.svg", ReportsPage, STATISTICS_ROLES),
        Screen(str(QT_TRANSLATE_NOOP("Navigation", "Administration")), "administration.svg", AdministrationPage,
               (ADMINISTRATOR,)),
        Screen(str(QT_TRANSLATE_NOOP("Navigation", "My account")), "account.svg", MyAccountPage),
    )


def screen_shortcuts(window: QWidget, navigation: QListWidget) -> list[QAction]:
    """Ctrl+1 … Ctrl+9 select the first nine rows of ``navigation``; the actions are added to ``window``."""
    actions = []
    for row in range(min(navigation.count(), 9)):
        item = navigation.item(row)
        action = QAction(item.text(), window)
        action.setShortcut(QKeySequence(f"Ctrl+{row + 1}"))
        action.triggered.connect(lambda _checked=False, r=row: navigation.setCurrentRow(r))
        window.addAction(action)
        shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        item.setToolTip(QCoreApplication.translate("Navigation", "{screen} ({shortcut})").format(
            screen=item.text(), shortcut=shortcut))
        actions.append(action)
    return actions
