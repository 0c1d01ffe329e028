"""Small non-blocking message, question and file dialogs.

Every dialog here is opened with ``open()`` (window-modal, no nested event loop) and
answers through a callback.  Nested ``exec()`` loops are avoided on purpose: the idle
lock hides open dialogs while the window is locked, and hiding a dialog that runs its
own ``exec()`` loop would end that loop as if the user had cancelled.  A dialog without a
parent is kept referenced here until it closes (otherwise Python would collect it at once).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

_parentless: set[QDialog] = set()


def _open(dialog: QDialog) -> None:
    if dialog.parent() is None:
        _parentless.add(dialog)
        dialog.finished.connect(lambda _result: _parentless.discard(dialog))
    dialog.open()


def show_message(parent: QWidget | None, title: str, text: str, *, error: bool = False) -> QMessageBox:
    """Show ``text`` in a message box that closes itself (and is deleted) on OK."""
    box = QMessageBox(QMessageBox.Icon.Warning if error else QMessageBox.Icon.Information, title, text,
                      QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setObjectName("errorMessage" if error else "infoMessage")
    _open(box)
    return box


def confirm(parent: QWidget, title: str, text: str, action: str, on_yes: Callable[[], object]) -> QMessageBox:
    """Ask a yes/no question; ``action`` names the yes button (e.g. "Deactivate")."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    yes = box.addButton(action, QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    yes.clicked.connect(on_yes)
    _open(box)
    return box


def ask_save_path(parent: QWidget, title: str, suggested: str, name_filter: str, suffix: str,
                  on_chosen: Callable[[str], object]) -> QFileDialog:
    """Ask where to save a file; ``on_chosen(path)`` runs only if the user picks one."""
    dialog = QFileDialog(parent, title, suggested, name_filter)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    dialog.setDefaultSuffix(suffix)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.fileSelected.connect(on_chosen)
    _open(dialog)
    return dialog
