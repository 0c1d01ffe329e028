"""Helpers for GUI tests: screenshots to look at, and checks that every input is labelled.

``save_screenshot(widget, name)`` writes ``widget.grab()`` as ``<name>.png`` into the folder
named by ``CONTINUUM_SCREENSHOTS`` (or ``<tmp>/continuum-screenshots``), so a run such as
``CONTINUUM_SCREENSHOTS=/tmp/gui-look pytest tests/test_gui_shell.py`` leaves pictures of
every screen the tests visit.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

SCREENSHOTS_ENV = "CONTINUUM_SCREENSHOTS"
INPUT_TYPES = (QLineEdit, QComboBox, QAbstractSpinBox, QPlainTextEdit, QTextEdit)


def screenshot_dir() -> Path:
    folder = Path(os.environ.get(SCREENSHOTS_ENV) or Path(tempfile.gettempdir()) / "continuum-screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def save_screenshot(widget: QWidget, name: str) -> Path:
    """Grab ``widget`` (after pending layout and paint events) and save it as ``<name>.png``."""
    QCoreApplication.processEvents()
    pixmap = widget.grab()
    assert not pixmap.isNull(), f"could not grab {name}"
    path = screenshot_dir() / f"{name}.png"
    assert pixmap.save(str(path), "PNG"), f"could not save {path}"
    return path


def unlabelled_inputs(root: QWidget) -> list[str]:
    """Inputs under ``root`` lacking an accessible name or a label whose buddy they are."""
    buddies = {id(label.buddy()) for label in root.findChildren(QLabel) if label.buddy() is not None}
    problems = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, INPUT_TYPES) or isinstance(widget.parent(), INPUT_TYPES):
            continue  # a combo box's or spin box's own line edit belongs to it
        if not widget.accessibleName():
            problems.append(f"{type(widget).__name__} {widget.objectName()!r} has no accessible name")
        if id(widget) not in buddies:
            problems.append(f"{type(widget).__name__} {widget.accessibleName()!r} has no label buddy")
    return problems


def message_boxes() -> list[QMessageBox]:
    """The message boxes currently shown."""
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]


def sign_in_to_main_window(qtbot: Any, launcher: Any, name: str, password: str, timeout: int = 30_000) -> Any:
    """Sign in through the launcher's sign-in window and wait for the main window (returned, visible)."""
    from ui.main_window import MainWindow
    from ui.sign_in import SignInDialog

    dialog = launcher.window
    assert isinstance(dialog, SignInDialog)
    qtbot.addWidget(dialog)
    dialog.user_name.setText(name)
    dialog.password.setText(password)
    dialog.sign_in_button.click()
    qtbot.waitUntil(lambda: isinstance(launcher.window, MainWindow), timeout=timeout)
    window = launcher.window
    assert isinstance(window, MainWindow) and window.isVisible()
    return window
